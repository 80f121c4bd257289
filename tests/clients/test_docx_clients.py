"""Each rendered DOCX as LibreOffice, poppler, pandoc and the OOXML schema see it."""

from __future__ import annotations

import pytest

from . import keyfacts, tools

pytestmark = pytest.mark.clients

MAX_LETTER_PAGES = 3


def test_libreoffice_prints_every_key_fact(docx_output, pdfs, pdftotext):
    text = tools.pdf_text(pdftotext, pdfs.pdf_for(docx_output))
    missing = keyfacts.missing_facts(text, docx_output.expected())
    assert missing == [], f"{docx_output.id}: pdftotext of LibreOffice's PDF lacks {missing}"
    assert keyfacts.leaked_markup(text) == [], f"{docx_output.id}: LibreOffice prints raw markup"


def test_letter_is_at_most_three_pages(letter_output, pdfs, pdfinfo):
    pages = tools.pdf_pages(pdfinfo, pdfs.pdf_for(letter_output))
    assert pages <= MAX_LETTER_PAGES, f"{letter_output.id}: {pages} pages in LibreOffice"


def test_pandoc_reads_every_key_fact_from_docx(docx_output, pandoc):
    text = tools.pandoc_text(pandoc, docx_output.path, source="docx")
    missing = keyfacts.missing_facts(text, docx_output.expected())
    assert missing == [], f"{docx_output.id}: pandoc's plain text lacks {missing}"
    assert keyfacts.leaked_markup(text) == [], f"{docx_output.id}: pandoc reads raw markup as text"


def test_docx_passes_the_ooxml_schema_check(docx_output, ooxml):
    errors = tools.ooxml_errors(docx_output.path)
    assert errors == [], f"{docx_output.id}: " + "\n".join(errors)
