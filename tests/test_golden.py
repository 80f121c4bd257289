"""Golden files: the Harbor Point sample's notices, reviewed by reading them.

A change to a template or a writer shows up here as a diff to read. To accept a reviewed change:
NOTICEGEN_UPDATE_GOLDEN=1 pytest tests/test_golden.py, then read `git diff tests/golden`.
DOCX is compared as its word/document.xml (pretty-printed), not as zip bytes.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from noticegen.build import build
from noticegen.facts import load_facts
from noticegen.kinds import notice_locales
from noticegen.plan import plan
from noticegen.readers.docx import document_xml
from noticegen.render import render

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = dt.date(2026, 11, 26)

CASES = [
    ("harbor-point-pacs", "individual", None, "md"),
    ("harbor-point-pacs", "individual", None, "html"),
    ("harbor-point-pacs", "individual", None, "docx"),
    ("harbor-point-pacs", "next_of_kin", None, "md"),
    ("harbor-point-pacs", "substitute_web", None, "html"),
    ("harbor-point-pacs", "substitute_web", None, "fragment.html"),
    ("harbor-point-pacs", "media", "CA", "md"),
    ("riverbend-ransomware-delay", "urgent_telephone", None, "md"),
    ("summit-health-plan-mailing", "business_associate", None, "md"),
]


def _output(sample: str, kind: str, jurisdiction: str | None, fmt: str, locale: str) -> str:
    facts = load_facts(ROOT / "samples" / sample / "breach.yaml", today=TODAY)
    if kind == "business_associate":
        facts = facts.model_copy(update={"reporting_party": "business_associate"})
    obligation = next(o for o in plan(facts, as_of=dt.date(2025, 3, 14)).obligations
                      if o.kind == kind and o.jurisdiction == jurisdiction)
    notice = build(facts, obligation, locale=locale, today=TODAY).notice
    if fmt == "docx":
        return document_xml(render(notice, "docx"))
    if fmt == "fragment.html":
        return render(notice, "html", fragment=True)
    return render(notice, fmt)


PARAMS = [pytest.param(s, k, j, f, loc, id=f"{s}/{loc}/{k}{'-' + j if j else ''}.{f}")
          for s, k, j, f in CASES for loc in notice_locales(k, ("en_US", "es_US"))]
"""A notice written to the covered entity (business_associate) is made in its language only."""


@pytest.mark.parametrize("sample, kind, jurisdiction, fmt, locale", PARAMS)
def test_output_matches_its_reviewed_golden_file(sample, kind, jurisdiction, fmt, locale):
    name = f"{kind}{'-' + jurisdiction if jurisdiction else ''}.{'document.xml' if fmt == 'docx' else fmt}"
    path = GOLDEN / sample / locale / name
    actual = _output(sample, kind, jurisdiction, fmt, locale)
    if os.environ.get("NOTICEGEN_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with NOTICEGEN_UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8")
