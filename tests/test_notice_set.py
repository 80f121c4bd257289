"""The notice set: every kind renders in en_US and es_US, in each format that suits it, and passes its check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from noticegen.facts import Facts
from noticegen.kinds import KINDS, notice_locales
from noticegen.notice_set import notice_set
from noticegen.plan import plan

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)


def harbor_point(**changes) -> Facts:
    """The Harbor Point facts, changed so that the plan owes a given kind."""
    data = yaml.safe_load((ROOT / "samples" / "harbor-point-pacs" / "breach.yaml").read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = data
        for key in parents:
            target = target[key]
        target[last] = value
    return Facts.model_validate(data, context={"today": TODAY})


BA = {"name": "Pacific Image Hosting", "agent_of_covered_entity": False,
      "address": {"street": "500 Harbor Way", "city": "San Pedro", "state": "CA", "zip": "90731"},
      "contact": {"name": "Lee Park", "title": "Security Lead", "phone": "310-555-0190",
                  "email": "security@pacificimage.example"},
      "discovered_on": "2025-01-30", "notified_covered_entity_on": "2025-02-03"}

VARIANTS = {
    "individual": {}, "next_of_kin": {}, "substitute_web": {}, "media": {},
    "substitute_media": {"substitute_notice": {"method": "media", "outlets": ["Long Beach Press-Telegram"]}},
    "substitute_alternative": {"affected__insufficient_contact": 6, "substitute_notice": None},
    "urgent_telephone": {"urgent": True},
    "business_associate": {"reporting_party": "business_associate", "business_associate": BA},
}


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("locale", ["en_US", "es_US"])
def test_every_kind_renders_for_harbor_point_in_every_suitable_format(kind, locale):
    facts = harbor_point(**VARIANTS[kind])
    made = notice_set(facts, plan(facts, as_of=TODAY), kinds=(kind,), locales=(locale,), today=TODAY,
                      draft_translations=True)  # the es_US translation is a draft (README, Languages)
    if locale not in notice_locales(kind, facts.notices.locales):
        # issue 9, finding 6: a notice to the covered entity is made in its language only
        assert (made.outputs, made.reports) == ((), ())
        return
    assert made.reports and all(r.ok for r in made.reports), [r.to_table() for r in made.reports if not r.ok]
    formats = {o.fmt for o in made.outputs}
    assert formats == set(KINDS[kind].formats)
    assert all(o.locale == locale for o in made.outputs)


def test_no_email_is_written_when_nobody_agreed_to_electronic_notice():
    """Issue 9 finding 10: Summit has email_consent 0, yet an individual.eml was written."""
    facts = harbor_point(affected__email_consent=0)
    made = notice_set(facts, plan(facts, as_of=TODAY), kinds=("individual",), today=TODAY, draft_translations=True)
    assert sorted(o.path for o in made.outputs if o.fmt == "eml") == []
    assert {o.fmt for o in made.outputs} == {"docx", "md", "html"}


def test_email_is_dated_by_the_notice_date_and_its_subject_names_the_sender():
    """Issue 9 finding 10: Date was the render time; the subject did not say who sent it."""
    import email
    import email.policy

    facts = harbor_point(notices__date="2025-03-14")
    made = notice_set(facts, plan(facts, as_of=TODAY), kinds=("individual",), formats=("eml",), today=TODAY,
                      draft_translations=True)
    messages = {o.locale: email.message_from_string(o.content, policy=email.policy.default) for o in made.outputs}
    assert messages["en_US"]["Date"] == "Fri, 14 Mar 2025 12:00:00 +0000"
    assert messages["en_US"]["Subject"] == "Harbor Point Imaging Center: notice of a data security incident"
    assert messages["es_US"]["Subject"].strip() == "Harbor Point Imaging Center: aviso de un incidente de seguridad de datos"
    for msg in messages.values():
        assert {part["Content-Transfer-Encoding"] for part in msg.iter_parts()} == {"quoted-printable"}


def test_web_notice_does_not_list_its_own_page_as_website():
    """Issue 9 finding 11: the posting linked to itself under "Website:"."""
    facts = harbor_point()
    assert facts.contact.website == facts.substitute_notice.url
    made = notice_set(facts, plan(facts, as_of=TODAY), kinds=("substitute_web",), locales=("en_US",),
                      formats=("md",), today=TODAY)
    page = next(o.content for o in made.outputs if o.path == "en_US/substitute_web.md")
    assert "Website:" not in page
    letter = notice_set(facts, plan(facts, as_of=TODAY), kinds=("individual",), locales=("en_US",),
                        formats=("md",), today=TODAY).outputs[0].content
    assert "- Website: [https://www.harborpointimaging.example/notice]" in letter
