"""Each rendered .eml as Python's email package reads it under the strict policy."""

from __future__ import annotations

import pytest

from . import keyfacts, tools

pytestmark = pytest.mark.clients


def text_parts(message) -> dict[str, str]:
    """{'text/plain': decoded text, 'text/html': decoded text} of a message (the first of each type)."""
    found: dict[str, str] = {}
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        found.setdefault(part.get_content_type(), part.get_content())
    return found


def test_eml_parses_strictly_without_defects(eml_output):
    message = tools.parse_eml_strict(eml_output.path.read_bytes())
    defects = [f"{part.get_content_type()}: {d!r}" for part in message.walk() for d in part.defects]
    assert defects == [], eml_output.id
    assert str(message["Subject"]).strip() != "", f"{eml_output.id}: no Subject"


def test_eml_plain_and_html_parts_decode_to_every_key_fact(eml_output):
    parts = text_parts(tools.parse_eml_strict(eml_output.path.read_bytes()))
    assert sorted(parts) == ["text/html", "text/plain"], eml_output.id
    expected = eml_output.expected()
    missing = {"text/plain": keyfacts.missing_facts(parts["text/plain"], expected),
               "text/html": keyfacts.missing_facts(tools.html_text(parts["text/html"]), expected)}
    assert missing == {"text/plain": [], "text/html": []}, eml_output.id
    assert keyfacts.leaked_markup(tools.html_text(parts["text/html"])) == [], f"{eml_output.id}: text/html part"
