"""Shared fixtures for the mailing tests: Riverbend's checked notices (its letters use an enrollment code)
and a small roster writer."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from noticegen.facts import load_facts
from noticegen.mail.variants import build_variants
from noticegen.notice_set import notice_set
from noticegen.plan import plan

ROOT = Path(__file__).resolve().parents[2]
RIVERBEND = ROOT / "samples" / "riverbend-ransomware-delay" / "breach.yaml"
HARBOR = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
HARBOR_ROSTER = ROOT / "samples" / "harbor-point-pacs" / "roster.csv"
TODAY = dt.date(2026, 11, 26)
HEADER = ("id", "first_name", "last_name", "address_1", "address_2", "city", "state", "zip", "email",
          "email_consent", "deceased", "next_of_kin_name", "next_of_kin_address_1", "next_of_kin_city",
          "next_of_kin_state", "next_of_kin_zip", "locale", "enrollment_code")


@pytest.fixture(scope="session")
def riverbend():
    """(facts, notices by (kind, locale, channel), variants) for the Riverbend sample."""
    facts = load_facts(RIVERBEND, today=TODAY)
    made = notice_set(facts, plan(facts, as_of=TODAY), today=TODAY, kinds=("individual", "next_of_kin"),
                      formats=("docx", "eml"), draft_translations=True)  # es_US: draft (not reviewed)
    return facts, made.notices, build_variants(facts, made.notices)


def person(i: int, **cells) -> dict:
    """A roster row: a living person with an address and an enrollment code unless ``cells`` say otherwise."""
    row = {"id": f"RB-{i:06d}", "first_name": "Ana", "last_name": f"Ruiz{i}", "address_1": f"{i} Main St",
           "city": "Cedar Falls", "state": "IA", "zip": "50613", "enrollment_code": f"EC{i:06d}"}
    row.update(cells)
    return row


def write_roster(path: Path, rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path
