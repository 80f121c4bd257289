"""The content checker: each required element, its citation, and what makes it present, missing or incomplete."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from noticegen.check import check, default_checks
from noticegen.check.reading import LOOKED_FOR
from noticegen.facts import load_facts
from noticegen.kinds import ELEMENTS, KINDS
from noticegen.model import BulletList, Heading, Meta, Notice, Paragraph, Section, Text

ROOT = Path(__file__).resolve().parent.parent
FACTS = load_facts(ROOT / "samples" / "harbor-point-pacs" / "breach.yaml", today=dt.date(2026, 11, 26))


def sec(element, heading, *paragraphs, items=None):
    blocks = [Heading(2, (Text(heading),))] + [Paragraph((Text(p),)) for p in paragraphs]
    if items:
        blocks.append(BulletList(tuple((Text(i),) for i in items)))
    return Section(element, tuple(blocks))


def letter(locale="en_US", tagged=True, drop=(), **replace_sections):
    e = (lambda x: x) if tagged else (lambda x: None)
    sections = {
        "what_happened": sec(e("what_happened"), "What Happened", FACTS.breach.summary,
                             "It took place between January 6, 2025 and January 27, 2025. "
                             "We discovered it on February 3, 2025."),
        "phi_involved": sec(e("phi_involved"), "What Information Was Involved",
                            "Your name, date of birth, medical record number, the type of procedure you had, "
                            "and medical images."),
        "entity_actions": sec(e("entity_actions"), "What We Are Doing", FACTS.response.investigation,
                              FACTS.response.mitigation, FACTS.response.prevention),
        "individual_steps": sec(e("individual_steps"), "What You Can Do", "We recommend these steps:",
                                items=list(FACTS.response.individual_steps)),
        "contact": sec(e("contact"), "For More Information", "Call toll-free 1-833-555-0147."),
    }
    sections.update(replace_sections)
    head = Section(None, (Heading(1, (Text("Notice of Data Breach"),)),
                          Paragraph((Text("Harbor Point Imaging Center is writing to you."),))))
    body = tuple(s for k, s in sections.items() if k not in drop)
    return Notice("individual", locale, Meta(title="Notice of Data Breach"), (head,) + body)


def statuses(report):
    return {r.element: r.status for r in report.elements}


def test_default_checks_cover_every_element_once_with_its_citation():
    checks = default_checks()
    assert [c.element for c in checks] == list(ELEMENTS)
    assert checks[0].citation == "45 CFR 164.404(c)(1)(A)"


def test_a_complete_letter_passes():
    report = check(letter(), FACTS)
    assert report.ok, report.to_table()
    assert [r.element for r in report.elements] == list(KINDS["individual"].elements)


@pytest.mark.parametrize("element", KINDS["individual"].elements)
def test_each_dropped_element_fails_with_its_citation(element):
    report = check(letter(drop=(element,)), FACTS)
    assert not report.ok
    result = next(r for r in report.elements if r.element == element)
    assert result.status in ("missing", "incomplete"), result
    assert result.citation == ELEMENTS[element].citation


@pytest.mark.parametrize("element", list(ELEMENTS))
def test_a_notice_with_nothing_to_say_misses_every_element_and_says_what_was_looked_for(element):
    notice = Notice("individual", "en_US", Meta(), (Section(None, (Paragraph((Text("Dear patient, hello."),)),)),))
    kind = "business_associate" if element == "individuals_identified" else "substitute_web"
    result = next(r for r in check(notice, kind=kind).elements if r.element == element)
    assert (result.status, result.evidence) == ("missing", ())
    assert result.detail == f"nothing gives {ELEMENTS[element].requirement} (looked for {LOOKED_FOR[element]})"


def test_what_happened_without_the_discovery_date_is_incomplete():
    notice = letter(what_happened=sec("what_happened", "What Happened", "It began on January 6, 2025."))
    result = check(notice, FACTS).elements[0]
    assert (result.status, result.detail) == ("incomplete", "does not give the date of discovery (February 3, 2025)")


def test_phi_involved_must_name_each_type_from_the_facts():
    notice = letter(phi_involved=sec("phi_involved", "What Information Was Involved", "Your name and date of birth."))
    result = next(r for r in check(notice, FACTS).elements if r.element == "phi_involved")
    assert result.status == "incomplete"
    assert result.detail.startswith("does not name: medical record number")


def test_entity_actions_needs_all_three_parts():
    what = sec("what_happened", "What Happened", "Someone reached our server on January 6, 2025. We learned of it on "
                                                 "February 3, 2025.")
    notice = letter(what_happened=what,
                    entity_actions=sec("entity_actions", "What We Are Doing", "We hired a forensic firm to investigate."))
    result = next(r for r in check(notice).elements if r.element == "entity_actions")
    assert result.detail == ("does not say how it is mitigating harm; how it protects against further breaches")


def test_contact_needs_a_channel():
    notice = letter(contact=sec("contact", "For More Information", "Ask us anything."))
    result = next(r for r in check(notice).elements if r.element == "contact")
    assert (result.status, result.detail) == (
        "incomplete", "gives only third parties' contacts (credit bureaus, the FTC, HHS); no phone, email, website or "
                      "postal address of the entity")


def test_hand_drafted_letter_is_recognised_by_its_headings():
    report = check(letter(tagged=False), FACTS)
    assert report.ok, report.to_table()
    assert report.elements[0].where.startswith('section 2 "What Happened", paragraph ')


def test_substitute_notice_without_toll_free_number_fails():
    notice = replace(letter(contact=sec("contact", "For More Information", "Call us at 617-555-0100.")),
                     kind="substitute_web")
    report = check(notice, FACTS)
    assert statuses(report)["toll_free"] == "missing"
    assert next(r for r in report.elements if r.element == "toll_free").citation == "45 CFR 164.404(d)(2)(ii)(B)"


def test_untranslated_strings_make_their_element_incomplete():
    report = check(letter(locale="es_US"), None, untranslated=(("contact", "For More Information"),))
    result = next(r for r in report.elements if r.element == "contact")
    assert (result.status, result.detail) == (
        "incomplete", "1 string(s) have no es_US translation: 'For More Information'")


def test_entity_name_must_appear_when_facts_are_given():
    notice = letter()
    head = Section(None, (Heading(1, (Text("Notice"),)),))
    notice = replace(notice, sections=(head,) + notice.sections[1:])
    report = check(notice, FACTS)
    assert report.problems == (
        "the entity's name (Harbor Point Imaging Center) does not appear anywhere in the notice",)
    assert not report.ok


def test_readability_is_reported_not_enforced():
    report = check(letter(), FACTS)
    assert report.readability["measure"] == "Flesch reading ease"
    assert isinstance(report.readability["score"], float)


def test_json_report_shape():
    data = check(letter(drop=("contact",)), FACTS).to_json()
    assert set(data) >= {"kind", "locale", "ok", "elements", "readability"}
    assert data["ok"] is False
    assert data["elements"][-1] == {
        "element": "contact", "status": "missing", "citation": "45 CFR 164.404(c)(1)(E)",
        "detail": f"nothing gives {ELEMENTS['contact'].requirement} (looked for {LOOKED_FOR['contact']})",
        "where": None, "evidence": []}
    first = data["elements"][0]
    assert first["dates"] == {"breach": "2025-01-06/2025-01-27", "discovery": "2025-02-03"}
    assert first["evidence"][0] == {"text": "It took place between January 6, 2025 and January 27, 2025.",
                                    "where": 'section 2 "What Happened", paragraph 2'}
