"""Translation catalogs: the .pot matches the templates, and es_US translates every string, placeholders intact."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from noticegen.lang import catalog

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "locales" / "noticegen.pot"
ES_US = ROOT / "locales" / "es_US" / "LC_MESSAGES" / "noticegen.po"

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")

ES_US_HEADINGS = {
    "What Happened": "Qué sucedió",
    "What Information Was Involved": "Qué información estuvo involucrada",
    "What We Are Doing": "Qué estamos haciendo",
    "What You Can Do": "Qué puede hacer usted",
    "For More Information": "Para más información",
}
"""The five element headings, exactly as kinds.ELEMENTS lists their Spanish wordings for the checker."""


def _read(path: Path, locale: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain="noticegen")


def _msgids(path: Path) -> set[str]:
    return {m.id for m in _read(path) if m.id}


def untranslated(pot_path: Path, po_path: Path) -> list[str]:
    """msgids of the .pot that the .po leaves out, leaves empty, or marks fuzzy."""
    po = _read(po_path, "es_US")
    problems = []
    for msgid in sorted(_msgids(pot_path)):
        message = po.get(msgid)
        if message is None:
            problems.append(f"{msgid!r}: not in the catalog")
        elif not message.string:
            problems.append(f"{msgid!r}: empty msgstr")
        elif message.fuzzy:
            problems.append(f"{msgid!r}: fuzzy")
    return problems


def placeholder_mismatches(po_path: Path) -> list[str]:
    """Entries whose msgstr does not use exactly the msgid's %(name)s placeholders, or has a stray %."""
    problems = []
    for message in _read(po_path, "es_US"):
        if not message.id or not message.string:
            continue
        source = Counter(_PLACEHOLDER.findall(message.id))
        target = Counter(_PLACEHOLDER.findall(message.string))
        if set(source) != set(target) or any(target[n] > source[n] for n in target):
            problems.append(f"{message.id!r}: msgid has {sorted(source.elements())}, "
                            f"msgstr has {sorted(target.elements())}")
        elif "%" in _PLACEHOLDER.sub("", message.string):
            problems.append(f"{message.id!r}: msgstr has a % that is not a %(name)s placeholder")
    return problems


def test_every_template_string_has_a_finished_es_us_translation():
    assert untranslated(POT, ES_US) == []


def test_es_us_translations_keep_the_placeholders_of_the_english():
    assert placeholder_mismatches(ES_US) == []


def test_pot_is_up_to_date_with_the_templates_and_labels(tmp_path: Path):
    fresh = tmp_path / "fresh.pot"
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg", "-k", "N_",
         "-o", str(fresh), "--no-location", "--sort-output", "."],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    new = sorted(_msgids(fresh) - _msgids(POT))
    gone = sorted(_msgids(POT) - _msgids(fresh))
    assert (new, gone) == ([], []), (
        "locales/noticegen.pot is out of date with templates/ and the N_() labels: "
        "run make catalogs and translate the new strings "
        f"(new: {new}; no longer used: {gone})"
    )


def test_element_headings_translate_to_the_wordings_the_checker_recognises():
    po = _read(ES_US, "es_US")
    assert {msgid: po.get(msgid).string for msgid in ES_US_HEADINGS} == ES_US_HEADINGS


def test_runtime_catalog_translates_a_heading():
    assert catalog("es_US").gettext("What Happened") == "Qué sucedió"


# ------------------------------------------------------------------ the checks above can fail

_PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Language: es_US\\n"\n\n'


def _write(path: Path, body: str) -> Path:
    path.write_text(_PO_HEAD + body, encoding="utf-8")
    return path


def test_untranslated_reports_empty_fuzzy_and_absent_entries(tmp_path: Path):
    pot = _write(tmp_path / "t.pot", 'msgid "Date:"\nmsgstr ""\n\nmsgid "To:"\nmsgstr ""\n\n'
                                     'msgid "From:"\nmsgstr ""\n\nmsgid "Sincerely,"\nmsgstr ""\n')
    po = _write(tmp_path / "t.po", 'msgid "Date:"\nmsgstr "Fecha:"\n\nmsgid "To:"\nmsgstr ""\n\n'
                                   '#, fuzzy\nmsgid "From:"\nmsgstr "De:"\n')
    assert untranslated(pot, po) == ["'From:': fuzzy", "'Sincerely,': not in the catalog", "'To:': empty msgstr"]


def test_placeholder_mismatches_reports_renamed_dropped_and_stray_percent(tmp_path: Path):
    po = _write(tmp_path / "t.po",
                'msgid "Dear %(name)s:"\nmsgstr "Estimado/a %(nombre)s:"\n\n'
                'msgid "Hours: %(hours)s."\nmsgstr "Horario."\n\n'
                'msgid "Website: %(url)s"\nmsgstr "Sitio web: %(url)s 100%"\n\n'
                'msgid "Email: %(email)s"\nmsgstr "Correo electrónico: %(email)s"\n')
    assert placeholder_mismatches(po) == [
        "'Dear %(name)s:': msgid has ['name'], msgstr has ['nombre']",
        "'Hours: %(hours)s.': msgid has ['hours'], msgstr has []",
        "'Website: %(url)s': msgstr has a % that is not a %(name)s placeholder",
    ]


@pytest.mark.parametrize("blank", ["What Happened", "Dear %(name)s:", "New Mexico", "date of birth"])
def test_blanking_one_real_msgstr_is_caught(tmp_path: Path, blank: str):
    po = _read(ES_US, "es_US")
    po.get(blank).string = ""
    copy = tmp_path / "noticegen.po"
    with copy.open("wb") as handle:
        write_po(handle, po)
    assert untranslated(POT, copy) == [f"{blank!r}: empty msgstr"]
