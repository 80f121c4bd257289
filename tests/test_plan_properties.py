"""Properties of the planner over generated facts (hypothesis): what must hold for every breach."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticegen.facts import Facts
from noticegen.loader import read_file
from noticegen.plan import plan
from noticegen.rules import KINDS

ROOT = Path(__file__).resolve().parent.parent
BASE = read_file(ROOT / "samples" / "harbor-point-pacs" / "breach.yaml").data
TODAY = dt.date(2026, 11, 26)
STATES = ["CA", "NV", "AZ", "OR", "DC", "PR"]
DAY = dt.timedelta(days=1)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def affected(draw) -> dict:
    by_state = draw(st.dictionaries(st.sampled_from(STATES), st.integers(0, 1500), max_size=4))
    total = max(1, sum(by_state.values()) + draw(st.integers(0, 800)))
    deceased = draw(st.integers(0, min(total, 40)))
    return {
        "total": total, "by_state": by_state, "estimated": draw(st.booleans()),
        "insufficient_contact": draw(st.integers(0, min(total, 30))),
        "deceased": deceased, "deceased_without_next_of_kin": draw(st.integers(0, deceased)),
        "email_consent": draw(st.integers(0, total)),
    }


@st.composite
def delays(draw, discovered: dt.date) -> dict | None:
    kind = draw(st.sampled_from([None, "written", "oral"]))
    if kind is None:
        return None
    stated = discovered + draw(st.integers(0, 40)) * DAY
    out = {"agency": "FBI", "official": "Special Agent Lau", "statement": kind, "stated_on": stated,
           "delay_until": stated + draw(st.integers(0, 120)) * DAY}
    if kind == "oral" and draw(st.booleans()):
        followed = stated + draw(st.integers(0, 45)) * DAY
        out["written_followup"] = {"stated_on": followed, "delay_until": followed + draw(st.integers(0, 90)) * DAY}
    return out


@st.composite
def business_associates(draw, started: dt.date) -> dict | None:
    if not draw(st.booleans()):
        return None
    found = started + draw(st.integers(0, 30)) * DAY
    told = draw(st.one_of(st.none(), st.integers(0, 30).map(lambda n: found + n * DAY)))
    return {"name": "Pacific Archive Services", "agent_of_covered_entity": draw(st.booleans()),
            "address": {"street": "77 Pine Avenue", "city": "Long Beach", "state": "CA", "zip": "90802"},
            "contact": {"name": "Lee Park", "phone": "562-555-0190", "email": "lee@pacificarchive.example"},
            "discovered_on": found, "notified_covered_entity_on": told}


@st.composite
def fact_data(draw, people=affected()) -> dict:
    data = copy.deepcopy(BASE)
    discovered = draw(st.dates(dt.date(2010, 1, 1), dt.date(2026, 6, 30)))
    started = discovered - draw(st.integers(0, 60)) * DAY
    data["breach"].update(started_on=started, ended_on=None, discovered_on=discovered)
    data["affected"] = draw(people)
    data["urgent"] = draw(st.booleans())
    data["law_enforcement_delay"] = draw(delays(discovered))
    data["business_associate"] = draw(business_associates(started))
    data["substitute_notice"] = draw(st.sampled_from([
        {"method": "web", "url": "https://www.harborpointimaging.example/notice"},
        {"method": "media", "outlets": ["Los Angeles Times"]},
    ]))
    data["notices"]["date"] = draw(st.one_of(st.none(), st.just(discovered + 20 * DAY)))
    return data


def facts(data: dict) -> Facts:
    return Facts.model_validate(data, context={"today": TODAY})


def as_of_for(data: dict) -> dt.date:
    return data["breach"]["discovered_on"] + 30 * DAY


@SETTINGS
@given(fact_data())
def test_no_deadline_is_before_discovery(data):
    p = plan(facts(data), as_of=as_of_for(data))
    assert p.breach
    assert all(o.deadline >= p.discovered_on for o in p.obligations)
    assert [o.kind for o in p.obligations] == sorted((o.kind for o in p.obligations), key=KINDS.index)
    assert p.discovered_on <= data["breach"]["discovered_on"]


@SETTINGS
@given(fact_data())
def test_status_and_days_left_follow_as_of(data):
    as_of = as_of_for(data)
    for o in plan(facts(data), as_of=as_of).obligations:
        assert o.days_left == (o.deadline - as_of).days
        assert (o.status == "overdue") is (as_of > o.deadline)


@SETTINGS
@given(fact_data())
def test_every_obligation_is_held_exactly_when_law_enforcement_asked(data):
    p = plan(facts(data), as_of=as_of_for(data))
    held = {o.hold_until is not None for o in p.obligations}
    assert held == ({data["law_enforcement_delay"] is not None} if p.obligations else set())


@SETTINGS
@given(fact_data())
def test_media_notice_appears_exactly_for_states_over_500(data):
    p = plan(facts(data), as_of=as_of_for(data))
    media = [o.jurisdiction for o in p.obligations if o.kind == "media"]
    assert media == sorted(s for s, n in data["affected"]["by_state"].items() if n > 500)


def _family(kind: str) -> str:
    return kind.split("_")[0] if kind.startswith(("hhs_", "substitute_")) else kind


_TIER = {"hhs_annual": 0, "hhs_immediate": 1, "substitute_alternative": 0, "substitute_web": 1, "substitute_media": 1}


@st.composite
def growth(draw) -> tuple[dict, dict]:
    """Affected counts, and the same with more people added (alive, deceased, unreachable, in states)."""
    before = draw(affected())
    after = copy.deepcopy(before)
    for state in draw(st.lists(st.sampled_from(STATES), max_size=3)):
        more = draw(st.integers(1, 700))
        after["by_state"][state] = after["by_state"].get(state, 0) + more
        after["total"] += more
    after["total"] += draw(st.integers(0, 700))
    added = after["total"] - before["total"]
    with_kin, without_kin = draw(st.integers(0, added)), draw(st.integers(0, added))
    after["deceased"] += min(with_kin + without_kin, added)
    after["deceased_without_next_of_kin"] += min(without_kin, added - min(with_kin, added))
    after["insufficient_contact"] += draw(st.integers(0, added))
    after["email_consent"] += draw(st.integers(0, added))
    return before, after


@SETTINGS
@given(fact_data(people=st.just(None)), growth())
def test_adding_affected_people_never_removes_an_obligation(data, counts):
    before, after = counts
    data["law_enforcement_delay"] = None
    as_of = as_of_for(data)
    plans = []
    for people in (before, after):
        data["affected"] = people
        plans.append(plan(facts(data), as_of=as_of))
    old = {(_family(o.kind), o.jurisdiction): o.kind for o in plans[0].obligations}
    new = {(_family(o.kind), o.jurisdiction): o.kind for o in plans[1].obligations}
    assert set(old) <= set(new)
    for key, kind in old.items():  # the 500 and 10 thresholds only ever escalate
        assert _TIER.get(new[key], 0) >= _TIER.get(kind, 0)


@SETTINGS
@given(fact_data(), st.sampled_from(["exception", "secured", "low_probability"]))
def test_no_breach_means_no_obligations(data, why):
    assessment = data["breach"]["assessment"]
    if why == "exception":
        assessment["exception"] = "recipient_unable_to_retain"
    elif why == "secured":
        data["breach"]["unsecured"] = False
    else:
        assessment.update(low_probability_of_compromise=True, risk_assessment={
            "nature_and_extent": "n", "unauthorized_person": "u", "acquired_or_viewed": "a", "mitigation": "m"})
    p = plan(facts(data), as_of=as_of_for(data))
    assert (p.breach, p.obligations) == (False, ())
    assert "(164.414(b))" in p.determination and "(164.530(j))" in p.determination


@SETTINGS
@given(fact_data())
def test_a_business_associate_plans_only_its_notice_to_the_covered_entity(data):
    if data["business_associate"] is None:
        return
    data["reporting_party"] = "business_associate"
    p = plan(facts(data), as_of=as_of_for(data))
    assert [o.kind for o in p.obligations] == ["business_associate"]
    assert p.discovered_on == data["business_associate"]["discovered_on"]
