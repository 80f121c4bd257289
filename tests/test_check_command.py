"""`noticegen check FILE`: notices read back from every format, edited in Word, or drafted by hand."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.readers import guess_locale
from noticegen.readers.markdown import read as read_md

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run("render", SAMPLE, "-o", out, "--notice", "individual", "--notice", "substitute_web", "--draft")
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("name", ["individual.docx", "individual.md", "individual.html", "substitute_web.html",
                                  "substitute_web.md"])
@pytest.mark.parametrize("locale", ["en_US", "es_US"])
def test_our_outputs_pass_the_check_with_facts(rendered, locale, name):
    kind = name.split(".")[0]
    result = run("check", rendered / locale / name, "--facts", SAMPLE, "--kind", kind, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["kind"], report["locale"], report["ok"]) == (kind, locale, True)


def test_a_docx_edited_in_word_without_its_contact_section_fails(rendered, tmp_path):
    data = (rendered / "en_US" / "individual.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    tag = xml.index('w:val="contact"')
    start = xml.rindex("<w:sdt>", 0, tag)
    end = xml.index("</w:sdt>", tag) + len("</w:sdt>")
    parts["word/document.xml"] = (xml[:start] + xml[end:]).encode("utf-8")
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    result = run("check", edited, "--facts", SAMPLE)
    assert result.exit_code == 1
    assert "contact           MISSING  45 CFR 164.404(c)(1)(E)" in result.output


def test_a_hand_drafted_text_letter_is_checked_by_its_headings(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Notice of Data Breach\n\nWhat Happened\n\nOn January 6, 2025 someone reached our server. We found out on "
        "February 3, 2025.\n\nWhat Information Was Involved\n\nYour name and date of birth.\n\n"
        "What We Are Doing\n\nWe are investigating with a forensic firm, we disconnected the server to limit harm, "
        "and we added safeguards to prevent it from happening again.\n\nWhat You Can Do\n\n"
        "Review the statements from your health insurer and report anything unusual.\n", encoding="utf-8")
    result = run("check", letter, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert [(e["element"], e["status"]) for e in report["elements"]] == [
        ("what_happened", "present"), ("phi_involved", "present"), ("individual_steps", "present"),
        ("entity_actions", "present"), ("contact", "missing")]
    assert report["locale"] == "en_US"


def test_an_unreadable_docx_is_a_clear_usage_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    result = run("check", bad)
    assert result.exit_code == 2
    assert result.output == (f"{bad}: DOCX: the data is not a ZIP archive, so not a .docx file (an old binary .doc "
                             "must be saved as .docx first)\n")


def test_markdown_and_text_say_no_language_so_it_is_guessed():
    spanish = read_md("## Qué sucedió\n\nEl servidor de la clínica fue atacado y los datos de usted ...\n")
    english = read_md("## What Happened\n\nThe server of the clinic was attacked and your data ...\n")
    assert (guess_locale(spanish), guess_locale(english)) == ("es_US", "en_US")
