"""Issue 9: each notice says what is right for its reader and channel (public notices, scripts, next of kin,
press releases, broadcast scripts, emails); no public notice holds a merge field."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import pytest

from noticegen.build import build
from noticegen.errors import TemplateError
from noticegen.facts import load_facts
from noticegen.kinds import KINDS
from noticegen.notice_set import notice_set
from noticegen.plan import plan
from noticegen.readers.docx import document_xml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p.parent.name for p in (ROOT / "samples").glob("*/breach.yaml")
                 if p.parent.name != "harbor-point-languages")  # Harbor Point again, in 17 locales: test_languages.py
TODAY = dt.date(2026, 11, 26)
FIELD_MARKERS = re.compile(r"\[\[[a-z0-9_]+\]\]|«[a-z0-9_]+»|data-field=|\\\[\\\[[a-z0-9_\\]+\\\]\\\]")


@lru_cache(maxsize=None)
def outputs(sample: str) -> dict[str, str]:
    """Every file of a sample's notice set, as text (DOCX as its word/document.xml)."""
    facts = load_facts(ROOT / "samples" / sample / "breach.yaml", today=TODAY)
    made = notice_set(facts, plan(facts, as_of=facts.notices.date or TODAY), today=TODAY, draft_translations=True)
    return {o.path: document_xml(o.content) if isinstance(o.content, bytes) else o.content for o in made.outputs}


def _kind(path: str) -> str:
    name = path.rsplit("/", 1)[-1].split(".", 1)[0]
    return "media" if name.startswith("media-") else name


@pytest.mark.parametrize("sample", SAMPLES)
def test_no_output_outside_per_person_notices_holds_an_unfilled_field(sample):
    """Issue 9: no output of any sample contains a merge field marker outside per-person templates."""
    files = outputs(sample)
    public = {p: text for p, text in files.items() if _kind(p) in KINDS and not KINDS[_kind(p)].per_person}
    assert public, "the sample has notices beyond the per-person letters"
    offenders = {p: FIELD_MARKERS.findall(text) for p, text in public.items() if FIELD_MARKERS.search(text)}
    assert offenders == {}
    for text in public.values():
        assert "enrollment code in your letter" not in text and "código de inscripción de su carta" not in text


def test_a_template_that_puts_a_field_in_a_public_notice_fails_to_build(tmp_path):
    """Issue 9 finding 2, at the root: a Field node only in per-person kinds (individual, next_of_kin)."""
    (tmp_path / "media.md.j2").write_text('# Notice\n\nEnroll with code {{ field("enrollment_code") }}.\n',
                                          encoding="utf-8")
    facts = load_facts(ROOT / "samples" / "riverbend-ransomware-delay" / "breach.yaml", today=TODAY)
    obligation = next(o for o in plan(facts, as_of=facts.notices.date).obligations if o.kind == "media")
    with pytest.raises(TemplateError) as info:
        build(facts, obligation, locale="en_US", templates=tmp_path, today=TODAY)
    assert str(info.value) == (
        "media.md.j2 prints the merge field(s) enrollment_code, but a media notice is one text for everyone (no "
        "merge fills it): only per-person kinds (individual, next_of_kin) may hold fields; write what a reader "
        "without a letter can do instead")
    assert [k for k, spec in KINDS.items() if spec.per_person] == ["individual", "next_of_kin"]


@pytest.mark.parametrize("path, sentence", [
    ("en_US/media-IA.md", "Anyone who did not receive a letter with an enrollment code can call 1-888-555-0172 "
                          "to get one."),
    ("es_US/media-IL.md", "Quien no haya recibido una carta con un código de inscripción puede llamar al "
                          "1-888-555-0172 para obtenerlo."),
    ("en_US/substitute_media.md", "If you did not receive a letter with an enrollment code, call 1-888-555-0172 "
                                  "to get one."),
    ("es_US/substitute_media.md", "Si no recibió una carta con un código de inscripción, llame al 1-888-555-0172 "
                                  "para obtenerlo."),
])
def test_public_notices_tell_people_without_a_letter_how_to_get_a_code(path, sentence):
    """Issue 9 finding 2: Riverbend's press releases and substitute notice printed "[[enrollment_code]]"."""
    text = outputs("riverbend-ransomware-delay")[path]
    assert sentence in text
    assert "enrollment_code" not in text


@pytest.mark.parametrize("locale", ["en_US", "es_US"])
def test_next_of_kin_letter_is_about_the_deceased_persons_information(locale):
    """Issue 9 finding 7: the letter advised the family member about their own insurer and offered
    monitoring "at no cost to you" with the deceased person's code."""
    text = outputs("riverbend-ransomware-delay")[f"{locale}/next_of_kin.md"]
    for wrong in ("health insurer", "at no cost to you", "enrollment", "fraud alert", "seguro médico",
                  "sin costo para usted", "inscripción"):
        assert wrong not in text
    if locale == "en_US":
        assert ("Ask the three national credit bureaus to place a deceased alert on [[decedent_name]]'s credit "
                "file.") in text
        assert ("To ask for the alert, send each bureau a letter with a copy of the death certificate; a copy of "
                "the letters testamentary, letters of administration or another document that shows you may act "
                "for the estate; and [[decedent_name]]'s full name, Social Security number, date of birth, date of "
                "death and last address, with your own name and address. Send it to:") in text
        assert "Watch the mail that still comes for [[decedent_name]]." in text
    else:
        assert ("Le escribimos porque, según nuestros registros, usted es el familiar más cercano o el "
                "representante personal de [[decedent_name]].") in text
        assert "Le escribimos como familiar" not in text
    for bureau in ("Equifax Information Services LLC, P.O. Box 105139, Atlanta, GA 30348",
                   "Experian, P.O. Box 9701, Allen, TX 75013", "TransUnion, P.O. Box 2000, Chester, PA 19016"):
        assert f"- {bureau}" in text


def _before(text: str, needle: str) -> str:
    assert needle in text, needle
    return text[:text.index(needle)]


@pytest.mark.parametrize("sample, path", [
    ("riverbend-ransomware-delay", "en_US/urgent_telephone.md"),
    ("lakeside-clinic-laptop", "en_US/substitute_alternative.md"),
])
def test_call_scripts_confirm_who_answered_before_any_health_detail(sample, path):
    """Issue 9 finding 8: the scripts opened with the person's health details."""
    text = outputs(sample)[path]
    opening = _before(text, "<!-- element: what_happened -->")
    assert "## Step 1: Confirm Who Answered" in opening
    assert "May I speak with \\[the person's full name\\]?" in opening
    assert "health information" not in opening.split("## Step 1")[1]
    assert "If you reach voicemail, leave only this message:" in opening
    assert "Leave no other details." in opening
    assert "in your letter" not in text and "[[" not in text
    assert "**Say:**" in text


def test_scripts_have_a_callback_number_without_a_toll_free_line():
    """Issue 9 finding 8: Lakeside has no toll-free number; its script gave no number to call back."""
    text = outputs("lakeside-clinic-laptop")["en_US/substitute_alternative.md"]
    assert ("“This message is for \\[the person's full name\\]. This is \\[your name\\] from Lakeside Family "
            "Clinic. Please call us back at **920-555-0134**. Thank you.”") in text
    assert "**Say:** If you have questions, call us at **920-555-0134**." in text


def test_urgent_script_says_which_information_was_involved():
    text = outputs("riverbend-ransomware-delay")["en_US/urgent_telephone.md"]
    assert ("**Say:** The information involved may have included your name, address, date of birth, Social "
            "Security number,") in text
    assert ("We are offering you 24 months of credit monitoring from Lumen Identity Services at no cost. To enroll, "
            "you need an enrollment code: call us at 1-888-555-0172 and we will give you yours.") in text


def test_emails_and_public_notices_name_themselves_for_their_channel():
    """Issue 9 finding 9: emails said "This letter explains"; web pages and press releases "Keep a copy of
    this letter"."""
    files = {**outputs("harbor-point-pacs"), **outputs("riverbend-ransomware-delay")}
    for path, text in files.items():
        if path.endswith(".eml") or _kind(path) not in ("individual", "next_of_kin"):
            assert "this letter" not in text.lower() and "esta carta" not in text.lower(), path
    email = outputs("harbor-point-pacs")["en_US/individual.eml"].replace("=\r\n", "")
    assert "In this email we explain what happened" in email
    assert "Keep a copy of this email for your records." in email
    letter = outputs("harbor-point-pacs")["es_US/individual.md"]
    assert "En esta carta le explicamos qué sucedió" in letter
    assert "- Guarde una copia de esta carta para sus registros." in letter
    assert "Keep a copy" not in outputs("harbor-point-pacs")["en_US/substitute_web.md"]


def test_press_release_reads_as_a_press_release():
    """Issue 9 finding 9: the release line sat under the headline, the date printed twice, "people's name",
    no media contact of its own, "Where This Notice Runs: Outlets ..." in the substitute notice."""
    text = outputs("riverbend-ransomware-delay")["en_US/media-IA.md"]
    assert text.startswith("**FOR IMMEDIATE RELEASE**\n\n# Riverbend Regional Hospital Provides Notice of Data "
                           "Security Incident\n\n**DAVENPORT, Iowa, June 22, 2026** — Riverbend Regional Hospital "
                           "is notifying 39,102 residents of Iowa")
    assert text.count("June 22, 2026") == 1
    assert "people's" not in text
    assert "The types of information involved may have included: name, address," in text
    assert "Riverbend Regional Hospital discovered it on May 4, 2026." in text
    assert "## What Riverbend Regional Hospital Is Doing" in text
    assert "Riverbend Regional Hospital recommends that people who may be affected take these steps:" in text
    assert "People with questions can contact Riverbend Regional Hospital:" in text
    assert ("## About Riverbend Regional Hospital\n\nRiverbend Regional Hospital is a 310-bed nonprofit hospital"
            in text)
    assert ("Media contact: Jordan Ellis, 563-555-0140, [media@riverbendregional.example]"
            "(mailto:media@riverbendregional.example)\n\n\\#\\#\\#") in text
    docx = outputs("riverbend-ransomware-delay")["en_US/media-IA.docx"]
    assert docx.count("June 22, 2026") == 1  # the dateline only: no date line above the headline
    for sample in ("riverbend-ransomware-delay", "summit-health-plan-mailing"):
        for path, text in outputs(sample).items():
            assert "Where This Notice Runs" not in text and "Outlets:" not in text, path


def test_broadcast_outlets_get_a_short_script():
    """Issue 9 finding 9: WQAD-TV and KWQC-TV got the two-page press release."""
    files = outputs("riverbend-ransomware-delay")
    assert {p for p in files if ".broadcast." in p} == {
        f"{loc}/{name}.broadcast.{ext}" for loc in ("en_US", "es_US") for name in ("media-IA", "media-IL",
                                                                                    "substitute_media")
        for ext in ("docx", "md")}
    script = files["en_US/substitute_media.broadcast.md"]
    assert script.startswith("# Riverbend Regional Hospital: Announcement for Radio and Television\n")
    assert "## " not in script and len(script.split()) < 400
    assert script.count("1-888-555-0172") >= 3  # the code line, and the number said twice at the end
    assert not any(".broadcast." in p for p in outputs("harbor-point-pacs"))  # newspapers only
