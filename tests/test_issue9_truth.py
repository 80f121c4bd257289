"""Issue 9: notices say only what the facts support (law-enforcement hold, negative PHI statements,
the business associate's notice, the plan's limits, the HHS form). Each test fails on the old behaviour."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from noticegen.build import build
from noticegen.cli import main
from noticegen.facts import load_facts
from noticegen.plan import plan

ROOT = Path(__file__).resolve().parent.parent
RIVERBEND = ROOT / "samples" / "riverbend-ransomware-delay" / "breach.yaml"
SUMMIT = ROOT / "samples" / "summit-health-plan-mailing" / "breach.yaml"
HARBOR = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
TODAY = dt.date(2026, 11, 26)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _date_line() -> int:
    """The line of notices.date in the Riverbend sample."""
    return RIVERBEND.read_text(encoding="utf-8").splitlines().index("  date: 2026-06-22") + 1


def _riverbend_dated(tmp_path: Path, date: str) -> Path:
    path = tmp_path / "breach.yaml"
    path.write_text(RIVERBEND.read_text(encoding="utf-8").replace("  date: 2026-06-22", f"  date: {date}"),
                    encoding="utf-8")
    return path


def _individual(facts, *, today=None, locale="en_US"):
    obligation = next(o for o in plan(facts, as_of=dt.date(2026, 6, 1)).obligations if o.kind == "individual")
    return build(facts, obligation, locale=locale, today=today).markdown


# ------------------------------------------------------------------ finding 1: the law-enforcement hold

def test_validate_refuses_a_notice_dated_inside_the_law_enforcement_hold(tmp_path):
    path = _riverbend_dated(tmp_path, "2026-06-15")
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert result.output == (
        f"{path}:{_date_line()}: notices.date: is 2026-06-15, inside the law-enforcement delay, which ends on 2026-06-19 "
        "(law_enforcement_delay.delay_until, 164.412(a)); no notice may go out before then: set notices.date "
        "to 2026-06-19 or later, or correct the delay's dates\n")


def test_render_refuses_a_notice_dated_inside_the_hold(tmp_path):
    path = _riverbend_dated(tmp_path, "2026-06-15")
    result = run("render", str(path), "-o", str(tmp_path / "out"), "--format", "md")
    assert result.exit_code == 2
    assert "notices.date: is 2026-06-15, inside the law-enforcement delay" in result.output
    assert not (tmp_path / "out").exists()


def test_mail_refuses_copies_dated_inside_the_hold(tmp_path):
    path = _riverbend_dated(tmp_path, "2026-06-15")
    roster = ROOT / "samples" / "harbor-point-pacs" / "roster.csv"
    result = run("mail", str(path), "--roster", str(roster), "-o", str(tmp_path / "out"), "--draft")
    assert result.exit_code == 2
    assert "notices.date: is 2026-06-15, inside the law-enforcement delay" in result.output
    assert not (tmp_path / "out").exists()


def test_plan_still_plans_a_notice_dated_inside_the_hold(tmp_path):
    facts = load_facts(_riverbend_dated(tmp_path, "2026-06-15"), today=TODAY)
    result = plan(facts, as_of=dt.date(2026, 6, 1))
    individual = next(o for o in result.obligations if o.kind == "individual")
    assert (individual.hold_until, individual.deadline) == (dt.date(2026, 6, 19), dt.date(2026, 8, 14))


def test_an_oral_hold_ends_after_30_days_and_the_message_says_why(tmp_path):
    text = RIVERBEND.read_text(encoding="utf-8").replace("statement: written", "statement: oral").replace(
        "  date: 2026-06-22", "  date: 2026-06-05")
    path = tmp_path / "breach.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert result.output == (
        f"{path}:{_date_line()}: notices.date: is 2026-06-05, inside the law-enforcement delay, which ends on 2026-06-07 "
        "(30 days after the oral statement of law_enforcement_delay.stated_on, 164.412(b)); no notice may go "
        "out before then: set notices.date to 2026-06-07 or later, or correct the delay's dates\n")


def test_the_letter_says_the_delay_ended_only_when_the_notice_date_is_not_inside_it():
    facts = load_facts(RIVERBEND, today=TODAY)
    ended = "That delay has now ended."
    asked = "A law enforcement agency asked us to delay this notice so that it would not impede its investigation."
    assert f"{asked} {ended}" in _individual(facts)  # dated 2026-06-22, after the hold (2026-06-19)
    undated = facts.model_copy(update={"notices": facts.notices.model_copy(update={"date": None})})
    inside = _individual(undated, today=dt.date(2026, 6, 10))
    assert asked in inside and ended not in inside
    assert "Ese plazo ya terminó." not in _individual(undated, today=dt.date(2026, 6, 10), locale="es_US")
    assert ended in _individual(undated, today=dt.date(2026, 6, 19))



def test_no_notice_of_any_kind_says_the_delay_ended_while_the_hold_lasts():
    from noticegen.kinds import notice_locales

    facts = load_facts(RIVERBEND, today=TODAY)
    undated = facts.model_copy(update={"notices": facts.notices.model_copy(update={"date": None})})
    built = 0
    for obligation in plan(undated, as_of=dt.date(2026, 6, 10)).obligations:
        if obligation.kind.startswith("hhs"):
            continue
        for locale in notice_locales(obligation.kind, undated.notices.locales):
            text = build(undated, obligation, locale=locale, today=dt.date(2026, 6, 10)).markdown
            assert "That delay has now ended" not in text and "Ese plazo ya terminó" not in text, obligation.kind
            built += 1
    assert built >= 10


# ------------------------------------------------------------------ finding 5: negative statements need a fact

def _with_phi_not_involved(facts, terms):
    return facts.model_copy(update={"breach": facts.breach.model_copy(update={"phi_not_involved": terms})})


def test_no_negative_statement_without_phi_not_involved():
    facts = load_facts(HARBOR, today=TODAY)  # its phi has no SSN or bank data, and phi_not_involved is not given
    for locale in ("en_US", "es_US"):
        text = _individual(facts, locale=locale)
        assert "Social Security" not in text and "Seguro Social" not in text
        assert "did not involve" not in text and "no involucró" not in text


def test_the_letter_denies_only_what_phi_not_involved_lists():
    facts = _with_phi_not_involved(load_facts(HARBOR, today=TODAY), ["ssn", "bank_account"])
    assert "The incident did not involve your Social Security number or bank account number." in _individual(facts)
    assert ("El incidente no involucró estos datos suyos: número de Seguro Social y número de cuenta bancaria."
            in _individual(facts, locale="es_US"))
    assert "credit card" not in _individual(facts)


def test_phi_not_involved_cannot_contradict_phi(tmp_path):
    path = tmp_path / "breach.yaml"
    path.write_text(HARBOR.read_text(encoding="utf-8").replace(
        "  unsecured: true", "  phi_not_involved: [ssn, date_of_birth, other]\n  unsecured: true"), encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert result.output == (f"{path}:23: breach.phi_not_involved: lists date_of_birth, which breach.phi says "
                             "was involved; remove it from one of them\n")


# ------------------------------------------------------------------ finding 13: what the plan says

def test_plan_json_notes_that_state_law_may_add_more():
    from noticegen.plan import plan_to_json

    notes = plan_to_json(plan(load_facts(HARBOR, today=TODAY), as_of=dt.date(2025, 3, 1)))["notes"]
    assert notes == [
        "State law may require more than this plan shows: it covers HIPAA's Breach Notification Rule "
        "(45 CFR 164.400-414) only. States can add notices, recipients, content and deadlines, for example "
        "Illinois' notice to its Attorney General, or California's sample copy of the notice to its Attorney "
        "General when more than 500 of its residents are affected; check the law of every state where affected "
        "people live."]


def test_plan_table_shows_outer_limits_and_state_law_last():
    from noticegen.plan import format_table

    table = format_table(plan(load_facts(HARBOR, today=TODAY), as_of=dt.date(2025, 3, 1)))
    assert "\nindividual      no later than 2025-04-04  34 days left" in table
    assert table.endswith(
        "\n\nDeadlines are outer limits, not targets: give notice without unreasonable delay (164.404-164.410).\n"
        "HIPAA only: state law may add more (e.g. Illinois' AG notice; California's AG sample copy over 500).\n")


def test_urgent_telephone_row_shows_no_deadline_of_its_own():
    from noticegen.plan import format_table, plan_to_json

    result = plan(load_facts(RIVERBEND, today=TODAY), as_of=dt.date(2026, 6, 22))
    row = [line for line in format_table(result).splitlines() if line.startswith("urgent_telephone")][0]
    assert row.split("  ")[:2] == ["urgent_telephone (permitted)", "none of its own"]
    assert "as soon as possible" in row and "days left" not in row
    urgent = [o for o in plan_to_json(result)["obligations"] if o["kind"] == "urgent_telephone"][0]
    assert (urgent["has_deadline"], urgent["given_on"]) == (False, None)


def test_business_associate_notice_recorded_as_given_shows_given_on():
    from noticegen.plan import format_table, plan_to_json

    facts = load_facts(SUMMIT, today=TODAY).model_copy(update={"reporting_party": "business_associate"})
    result = plan(facts, as_of=dt.date(2026, 4, 1))
    row = [line for line in format_table(result).splitlines() if line.startswith("business_associate")][0]
    assert row.split()[1:6] == ["no", "later", "than", "2026-05-08", "given"]
    assert "given on 2026-03-16  " in row and "left" not in row
    assert plan_to_json(result)["obligations"][0]["given_on"] == "2026-03-16"


def test_as_of_before_discovery_is_warned():
    result = plan(load_facts(SUMMIT, today=TODAY), as_of=dt.date(2025, 3, 14))
    assert result.notes == (
        "The plan is as of 2025-03-14, before the breach was discovered (2026-03-16): days left are counted from "
        "a day before anyone knew of it. Plan as of today (leave out --as-of) or a day on or after discovery.",)
    assert plan(load_facts(SUMMIT, today=TODAY), as_of=dt.date(2026, 3, 16)).notes == ()


# ------------------------------------------------------------------ finding 6: the business associate's notice

def _summit_ba():
    return load_facts(SUMMIT, today=TODAY).model_copy(update={"reporting_party": "business_associate"})


def _ba_notice(facts, locale="en_US"):
    from noticegen.render import render

    obligation = plan(facts, as_of=dt.date(2026, 3, 20)).obligations[0]
    return render(build(facts, obligation, locale=locale, today=TODAY).notice, "md")


def test_business_associate_notice_speaks_in_its_own_voice_dated_when_given():
    text = _ba_notice(_summit_ba())
    assert "**Date:** March 16, 2026\\" in text  # business_associate.notified_covered_entity_on, not notices.date
    assert ("We, Keystone Print and Mail Services, your business associate, are notifying you of a breach of "
            "unsecured protected health information that we hold for Summit Mountain Health Plan.") in text
    assert ("## What Happened\n\nOn March 9, 2026, we, Keystone Print and Mail Services, discovered a breach of "
            "unsecured protected health information that we hold for Summit Mountain Health Plan. The breach took "
            "place between March 2, 2026 and March 6, 2026.") in text
    assert "A change we made to our printing program on March 2, 2026" in text  # business_associate.summary
    assert "our mailing vendor" not in text and "told us" not in text and "We wrote to every member" not in text
    assert "**Investigating:** We reviewed every statement printed from March 2 through March 6" in text


def test_business_associate_notice_gives_what_the_covered_entity_needs_to_notify_individuals():
    text = _ba_notice(_summit_ba())
    assert ("The information involved may have included the individuals' name, address, health plan member ID "
            "number, health insurance claims information, type of procedure, and names of the doctors and clinics "
            "that provided care.") in text
    assert "<!-- element: individual_steps -->\n\n## Steps Individuals Can Take" in text
    assert "- Compare the explanation-of-benefits statements you receive with the care you received." in text


def test_business_associate_notice_is_made_in_the_covered_entitys_language_only():
    from noticegen.errors import TemplateError
    from noticegen.notice_set import notice_set

    facts = _summit_ba()
    assert facts.notices.locales == ["en_US", "es_US"]
    made = notice_set(facts, plan(facts, as_of=dt.date(2026, 3, 20)), formats=("md",), today=TODAY,
                      draft_translations=True)
    assert [o.path for o in made.outputs] == ["en_US/business_associate.md"]
    try:
        _ba_notice(facts, locale="es_US")
    except TemplateError as exc:
        assert str(exc) == ("a business_associate notice is written to the covered entity, so it is made in en_US "
                            "only, not es_US")
    else:
        raise AssertionError("built a Spanish notice to the covered entity")


def test_validate_warns_when_the_business_associate_has_no_words_of_its_own(tmp_path):
    text = SUMMIT.read_text(encoding="utf-8").replace("reporting_party: covered_entity",
                                                      "reporting_party: business_associate")
    start = text.index("  summary: >-\n    A change we made")
    end = text.index("breach:\n")
    path = tmp_path / "breach.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{path}:12: business_associate.summary: warning: is not given, so the notice to the covered entity falls "
        "back to breach.summary, which is written to individuals; write what happened in the business "
        "associate's own words (164.410(c)(2))",
        f"{path}:12: business_associate: warning: gives no investigation, mitigation, prevention, so the notice to "
        "the covered entity falls back to response.investigation, response.mitigation, response.prevention; say "
        "what the business associate is doing (164.410(c)(2), 164.404(c)(1)(D))",
        f"{path}: ok (Summit Mountain Health Plan, 2,146 affected)",
    ]


def test_identification_enclosure_carries_information_and_contact_data_and_counts(tmp_path):
    import csv
    import io

    from noticegen.mailing import identification_csv
    from noticegen.roster import read_roster

    roster_file = tmp_path / "roster.csv"
    roster_file.write_text("id,first_name,last_name,address_1,city,state,zip,email,email_consent,deceased,"
                           "next_of_kin_name\nA1,Ana,Ruiz,1 Elm St,Denver,CO,80203,ana@example.com,yes,no,\n"
                           "A2,Bo,Lee,2 Oak St,Casper,WY,82601,,no,yes,Kim Lee\n", encoding="utf-8")
    rows = list(csv.reader(io.StringIO(identification_csv(read_roster(roster_file), load_facts(SUMMIT, today=TODAY)))))
    assert rows[0] == ["id", "first_name", "last_name", "address_1", "address_2", "city", "state", "zip",
                       "date_of_birth", "deceased", "email", "email_consent", "locale", "next_of_kin_name",
                       "next_of_kin_address_1", "next_of_kin_address_2", "next_of_kin_city", "next_of_kin_state",
                       "next_of_kin_zip", "information_involved"]
    involved = ("name; address; health plan member ID number; health insurance claims information; type of "
                "procedure; Names of the doctors and clinics that provided care")
    assert rows[1] == ["A1", "Ana", "Ruiz", "1 Elm St", "", "Denver", "CO", "80203", "", "no", "ana@example.com",
                       "yes", "", "", "", "", "", "", "", involved]
    assert rows[2][9:14] == ["yes", "", "no", "", "Kim Lee"]
    assert rows[3] == ["This file identifies 2 of the 2,146 individuals the notice states; the business associate "
                       "will identify the other 2,144 as soon as it can (164.410(c)(1))."]
