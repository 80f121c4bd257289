"""Every sample facts file validates, plans the notices its case calls for, and together they use every field."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from noticegen.facts import Facts, load_facts
from noticegen.loader import read_file
from noticegen.plan import plan

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*/breach.yaml"))
TODAY = dt.date(2026, 11, 26)

EXPECTED = {
    "harbor-point-pacs": (dt.date(2025, 3, 1), [
        "individual", "next_of_kin", "substitute_web", "media CA", "hhs_immediate"]),
    "harbor-point-languages": (dt.date(2025, 3, 1), [  # Harbor Point in every locale (tests/test_languages.py)
        "individual", "next_of_kin", "substitute_web", "media CA", "hhs_immediate"]),
    "lakeside-clinic-laptop": (dt.date(2026, 9, 28), [
        "individual", "next_of_kin", "substitute_alternative", "hhs_annual"]),
    "summit-health-plan-mailing": (dt.date(2026, 4, 20), [
        "individual", "substitute_web", "media CO", "media WY", "hhs_immediate"]),
    "riverbend-ransomware-delay": (dt.date(2026, 6, 22), [
        "individual", "next_of_kin", "substitute_media", "urgent_telephone", "media IA", "media IL",
        "hhs_immediate"]),
}
"""Each sample's planning date (its notice date) and the obligations its case calls for."""


def test_every_sample_has_an_expected_plan():
    assert sorted(p.parent.name for p in SAMPLES) == sorted(EXPECTED)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.parent.name)
def test_sample_plans_the_notices_its_case_calls_for(path):
    as_of, expected = EXPECTED[path.parent.name]
    p = plan(load_facts(path, today=TODAY), as_of=as_of)
    assert p.breach
    assert [o.kind + (f" {o.jurisdiction}" if o.jurisdiction else "") for o in p.obligations] == expected
    assert {o.status for o in p.obligations} == {"due"}  # mailed on the notice date, every notice is on time
    assert p.notes == ()


def test_summit_clock_starts_when_the_vendor_told_the_plan():
    p = plan(load_facts(ROOT / "samples" / "summit-health-plan-mailing" / "breach.yaml", today=TODAY),
             as_of=dt.date(2026, 4, 20))
    assert (p.discovered_on, p.obligations[0].deadline) == (dt.date(2026, 3, 16), dt.date(2026, 5, 15))


def test_riverbend_written_delay_tolls_every_deadline():
    p = plan(load_facts(ROOT / "samples" / "riverbend-ransomware-delay" / "breach.yaml", today=TODAY),
             as_of=dt.date(2026, 6, 22))
    assert {(o.hold_until, o.deadline) for o in p.obligations} == {(dt.date(2026, 6, 19), dt.date(2026, 8, 14))}


def test_lakeside_oral_delay_is_extended_by_its_written_followup():
    p = plan(load_facts(ROOT / "samples" / "lakeside-clinic-laptop" / "breach.yaml", today=TODAY),
             as_of=dt.date(2026, 9, 28))
    deadlines = {o.kind: (o.hold_until, o.deadline) for o in p.obligations}
    assert deadlines["individual"] == (dt.date(2026, 9, 21), dt.date(2026, 11, 18))
    assert deadlines["hhs_annual"] == (dt.date(2026, 9, 21), dt.date(2027, 3, 1))


def _model_of(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _contract(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of the facts contract ('breach.assessment.exception'; '*' for a mapping key)."""
    out = set()
    for name, info in model.model_fields.items():
        path = prefix + name
        out.add(path)
        inner = _model_of(info.annotation)
        if inner is not None:
            keyed = typing.get_origin(_strip_optional(info.annotation)) is dict
            out |= _contract(inner, path + (".*." if keyed else "."))
    return out


def _strip_optional(annotation):
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return args[0] if typing.get_origin(annotation) in (typing.Union, type(int | None)) and len(args) == 1 else annotation


def _used(data, model: type[BaseModel], prefix: str = "") -> set[str]:
    """The field paths a sample writes out (a null counts: it shows the field to whoever copies the sample)."""
    out = set()
    for name, info in model.model_fields.items():
        if not isinstance(data, dict) or name not in data:
            continue
        path = prefix + name
        out.add(path)
        value, inner = data[name], _model_of(info.annotation)
        if inner is None or value in (None, [], {}):
            continue
        if typing.get_origin(_strip_optional(info.annotation)) is dict:
            for item in value.values():
                out |= _used(item, inner, path + ".*.")
        elif isinstance(value, list):
            for item in value:
                out |= _used(item, inner, path + ".")
        else:
            out |= _used(value, inner, path + ".")
    return out


def test_samples_together_use_every_field_of_the_contract():
    used = set().union(*(_used(read_file(path).data, Facts) for path in SAMPLES))
    assert sorted(_contract(Facts) - used) == []
