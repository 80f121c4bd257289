"""Each rendered Markdown file as pandoc reads it."""

from __future__ import annotations

import pytest

from . import keyfacts, tools

pytestmark = pytest.mark.clients


def test_pandoc_reads_every_key_fact_from_markdown(md_output, pandoc):
    text = tools.pandoc_text(pandoc, md_output.path, source="commonmark_x")
    missing = keyfacts.missing_facts(text, md_output.expected())
    assert missing == [], f"{md_output.id}: pandoc's plain text lacks {missing}"
    assert keyfacts.leaked_markup(text) == [], f"{md_output.id}: pandoc reads raw markup as text"


def test_pandoc_reads_the_hhs_fields_markdown(hhs_md_output, pandoc):
    facts = keyfacts.load(hhs_md_output.facts_path)
    text = tools.pandoc_text(pandoc, hhs_md_output.path, source="commonmark_x")
    expected = [keyfacts.KeyFact("entity name", facts.covered_entity.name)]
    assert keyfacts.missing_facts(text, expected) == [], hhs_md_output.id
