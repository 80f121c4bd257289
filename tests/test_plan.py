"""The obligations planner: each rule of 164.400-414 at its boundaries, the JSON shape and the table."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from noticegen.facts import Facts
from noticegen.loader import read_file
from noticegen.plan import KEEP, PRESUMED, STATE_LAW, Plan, format_table, plan, plan_to_json

ROOT = Path(__file__).resolve().parent.parent
HARBOR = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
TODAY = dt.date(2026, 11, 26)
AS_OF = dt.date(2025, 3, 1)
D = dt.date.fromisoformat

BA = {
    "name": "Pacific Archive Services", "agent_of_covered_entity": True,
    "address": {"street": "77 Pine Avenue", "city": "Long Beach", "state": "CA", "zip": "90802"},
    "contact": {"name": "Lee Park", "phone": "562-555-0190", "email": "lee@pacificarchive.example"},
    "discovered_on": "2025-01-20", "notified_covered_entity_on": "2025-02-03",
}


@pytest.fixture
def data() -> dict:
    return copy.deepcopy(_HARBOR)


_HARBOR = read_file(HARBOR).data


def facts(data: dict) -> Facts:
    return Facts.model_validate(data, context={"today": TODAY})


def planned(data: dict, as_of: dt.date = AS_OF) -> Plan:
    return plan(facts(data), as_of=as_of)


def kinds(p: Plan) -> list[str]:
    return [o.kind + (f" {o.jurisdiction}" if o.jurisdiction else "") for o in p.obligations]


def one(p: Plan, kind: str):
    (found,) = [o for o in p.obligations if o.kind == kind]
    return found


def small(data: dict, total: int = 120, *, state: str = "CA") -> dict:
    """Harbor Point cut down to ``total`` people in one state, all reachable and living."""
    data["affected"] = {"total": total, "by_state": {state: total}}
    return data


def discovered(data: dict, day: str) -> dict:
    data["breach"].update(started_on=day, ended_on=None, discovered_on=day)
    return data


# ------------------------------------------------------------------ the Harbor Point sample, exactly

def test_harbor_point_json_has_the_exact_shape_and_values(data):
    got = plan_to_json(planned(data))
    reasons = [o.pop("reason") for o in got["obligations"]]
    blank = {"window_start": None, "window_end": None, "toll_free_until": None, "outlets": [], "recipient": None,
             "has_deadline": True, "given_on": None}
    base = {"jurisdiction": None, "required": True, "deadline": "2025-04-04", "hold_until": None, "status": "due",
            "days_left": 34}
    assert got == {
        "breach": True,
        "determination": "presumed breach: unsecured PHI, no exception, no low-probability finding (164.402)",
        "discovered_on": "2025-02-03",
        "obligations": [
            {**base, **blank, "kind": "individual", "channels": ["first_class_mail", "email"], "count": 21778,
             "citation": "45 CFR 164.404(b), (d)(1)"},
            {**base, **blank, "kind": "next_of_kin", "channels": ["first_class_mail"], "count": 9,
             "citation": "45 CFR 164.404(b), (d)(1)(ii)"},
            {**base, **blank, "kind": "substitute_web", "channels": ["home_page_posting", "toll_free_number"],
             "count": 37, "citation": "45 CFR 164.404(d)(2)(ii)", "window_start": "2025-03-14",
             "window_end": "2025-06-12", "toll_free_until": "2025-06-12"},
            {**base, **blank, "kind": "media", "jurisdiction": "CA", "channels": ["prominent_media_outlets"],
             "count": 21412, "citation": "45 CFR 164.406",
             "outlets": ["Los Angeles Times", "Long Beach Press-Telegram"]},
            {**base, **blank, "kind": "hhs_immediate", "channels": ["hhs_breach_portal"], "count": 21778,
             "citation": "45 CFR 164.408(b)", "recipient": "Secretary of Health and Human Services"},
        ],
        "as_of": "2025-03-01",
        "reporting_party": "covered_entity",
        "discovery_basis": "the covered entity discovered the breach on 2025-02-03 (breach.discovered_on; 164.404(a)(2))",
        "law_enforcement_hold": None,
        "notes": [STATE_LAW],
    }
    assert all(reasons)


def test_individual_reason_explains_count_deceased_and_unreachable(data):
    assert one(planned(data), "individual").reason == (
        "Notify each of the 21,778 people whose unsecured PHI was, or is reasonably believed to have been, "
        "involved (164.404(a)(1)), without unreasonable delay and in no case later than 60 calendar days after "
        "discovery on 2025-02-03 (164.404(b)), by "
        "first-class mail to the last known address, or by email to the 4,210 who agreed to electronic notice "
        "(164.404(d)(1)(i)). The count is everyone affected; of them, 12 deceased (9 through next of kin or a "
        "personal representative; 3 with no known next-of-kin address, who need no substitute notice under "
        "164.404(d)(2)) and 37 living without usable contact information (substitute notice), so about 21,729 "
        "letters or emails go to individuals themselves."
    )


def test_plan_is_frozen_and_repeatable(data):
    f = facts(data)
    first = plan(f, as_of=AS_OF)
    assert plan(f, as_of=AS_OF) == first
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.breach = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.obligations[0].deadline = AS_OF  # type: ignore[misc]


# ------------------------------------------------------------------ not a breach (164.400, 164.402)

def test_presumed_breach_is_the_default(data):
    p = planned(data)
    assert (p.breach, p.determination) == (True, PRESUMED)


@pytest.mark.parametrize("exception, paragraph", [
    ("good_faith_workforce_use", "164.402(1)(i)"),
    ("inadvertent_internal_disclosure", "164.402(1)(ii)"),
    ("recipient_unable_to_retain", "164.402(1)(iii)"),
])
def test_exception_means_no_breach_and_no_obligations(data, exception, paragraph):
    data["breach"]["assessment"]["exception"] = exception
    p = planned(data)
    assert (p.breach, p.obligations, p.notes) == (False, (), ())
    assert p.determination.startswith("not a breach: ")
    assert p.determination.endswith(f"({paragraph}). {KEEP}")
    assert plan_to_json(p)["obligations"] == []


def test_recipient_unable_to_retain_determination_is_exact(data):
    data["breach"]["assessment"]["exception"] = "recipient_unable_to_retain"
    assert planned(data).determination == (
        "not a breach: a disclosure where the entity believes in good faith that the unauthorized recipient would "
        "not reasonably have been able to retain the information (164.402(1)(iii)). Keep this assessment as "
        "documentation: the entity bears the burden of showing the incident was not a breach (164.414(b)) and "
        "must retain the documentation for six years (164.530(j))."
    )


def test_secured_phi_means_no_notices(data):
    data["breach"]["unsecured"] = False
    p = planned(data)
    assert (p.breach, p.obligations) == (False, ())
    assert p.determination == (
        "no notice owed: the PHI was not unsecured; it was rendered unusable, unreadable or indecipherable to "
        "unauthorized persons (encrypted or destroyed per the Secretary's guidance), and this subpart covers "
        "breaches of unsecured PHI only (164.402). " + KEEP
    )


def test_documented_low_probability_means_no_breach(data):
    data["breach"]["assessment"].update(low_probability_of_compromise=True, risk_assessment={
        "nature_and_extent": "Names only.", "unauthorized_person": "Another hospital's privacy officer.",
        "acquired_or_viewed": "Returned unopened.", "mitigation": "Written attestation of return."})
    p = planned(data)
    assert (p.breach, p.obligations) == (False, ())
    assert p.determination == (
        "not a breach: a risk assessment of the four factors (nature and extent of the PHI, the unauthorized "
        "person, whether it was acquired or viewed, mitigation) demonstrates a low probability that the PHI has "
        "been compromised (164.402(2)). " + KEEP
    )


def test_every_ground_that_applies_is_named(data):
    data["breach"]["unsecured"] = False
    data["breach"]["assessment"]["exception"] = "good_faith_workforce_use"
    determination = planned(data).determination
    assert "(164.402(1)(i)); also no notice owed: the PHI was not unsecured" in determination
    assert determination.count(KEEP) == 1


@pytest.mark.parametrize("ended_on, is_breach", [("2009-09-22", False), ("2009-09-23", True)])
def test_breaches_ending_before_september_23_2009_are_outside_the_subpart(data, ended_on, is_breach):
    data["breach"].update(started_on="2009-09-01", ended_on=ended_on, discovered_on="2009-10-01")
    p = planned(data, dt.date(2009, 10, 2))
    assert p.breach is is_breach
    if not is_breach:
        assert p.determination.startswith(
            "no notice under this subpart: the breach ended on 2009-09-22, before September 23, 2009, and subpart "
            "D applies to breaches occurring on or after that date (164.400)")


# ------------------------------------------------------------------ discovery (164.404(a)(2), 164.410)

def test_agent_business_associate_discovery_is_imputed(data):
    data["business_associate"] = dict(BA, agent_of_covered_entity=True)
    p = planned(data)
    assert p.discovered_on == D("2025-01-20")
    assert one(p, "individual").deadline == D("2025-03-21")
    assert p.discovery_basis == ("Pacific Archive Services is the covered entity's agent, so its discovery on "
                                 "2025-01-20 is imputed to the covered entity (164.404(a)(2))")


def test_non_agent_business_associate_clock_starts_at_its_notice(data):
    data["business_associate"] = dict(BA, agent_of_covered_entity=False)
    p = planned(data)
    assert p.discovered_on == D("2025-02-03")
    assert one(p, "individual").deadline == D("2025-04-04")
    assert p.discovery_basis == (
        "Pacific Archive Services is not the covered entity's agent, so its discovery (2025-01-20) is not "
        "imputed; the clock starts when it notified the covered entity, 2025-02-03 (164.404(a)(2))")


def test_covered_entity_knowing_before_its_agent_keeps_its_own_date(data):
    data["business_associate"] = dict(BA, agent_of_covered_entity=True, discovered_on="2025-02-10",
                                      notified_covered_entity_on="2025-02-10")
    p = planned(data)
    assert p.discovered_on == D("2025-02-03")
    assert p.discovery_basis.endswith("before its agent Pacific Archive Services did (2025-02-10); the earlier "
                                      "date counts (164.404(a)(2))")


def test_non_agent_notice_before_recorded_discovery_starts_the_clock(data):
    data["business_associate"] = dict(BA, agent_of_covered_entity=False, notified_covered_entity_on="2025-01-30")
    assert planned(data).discovered_on == D("2025-01-30")


def test_non_agent_without_notice_date_uses_breach_discovered_on(data):
    data["business_associate"] = dict(BA, agent_of_covered_entity=False, notified_covered_entity_on=None)
    p = planned(data)
    assert p.discovered_on == D("2025-02-03")
    assert "business_associate.notified_covered_entity_on is not given" in p.discovery_basis


def test_business_associate_plan_is_its_notice_to_the_covered_entity(data):
    data["reporting_party"] = "business_associate"
    data["business_associate"] = dict(BA, agent_of_covered_entity=False, notified_covered_entity_on=None)
    p = planned(data)
    assert kinds(p) == ["business_associate"]
    ob = p.obligations[0]
    assert (ob.deadline, ob.count, ob.recipient, ob.citation, ob.channels) == (
        D("2025-03-21"), 21778, "Harbor Point Imaging Center", "45 CFR 164.410(b), (c)", ("written_notice",))
    assert p.discovered_on == D("2025-01-20")
    assert "Identify each of the 21,778 people" in ob.reason and "(164.410(c)(1))" in ob.reason
    assert p.notes == ()


# ------------------------------------------------------------------ individuals and next of kin (164.404)

def test_individual_notice_by_mail_only_without_email_consent(data):
    data["affected"]["email_consent"] = 0
    ob = one(planned(data), "individual")
    assert (ob.channels, ob.count) == (("first_class_mail",), 21778)
    assert "by email" not in ob.reason


def test_next_of_kin_counts_deceased_with_known_next_of_kin(data):
    ob = one(planned(data), "next_of_kin")
    assert ob.count == 9
    assert ob.reason == (
        "12 affected individuals are deceased and the address of the next of kin or personal representative is "
        "known for 9: notify them by first-class mail (164.404(d)(1)(ii)), without unreasonable delay, within the "
        "same 60 days (164.404(b)). "
        "For the other 3 no next-of-kin address is known; they need no substitute notice (164.404(d)(2))."
    )


def test_no_next_of_kin_notice_when_no_next_of_kin_is_known(data):
    data["affected"].update(deceased=3, deceased_without_next_of_kin=3)
    assert "next_of_kin" not in kinds(planned(data))


# ------------------------------------------------------------------ substitute notice (164.404(d)(2))

@pytest.mark.parametrize("unreachable, kind", [
    (0, None), (1, "substitute_alternative"), (9, "substitute_alternative"), (10, "substitute_web"),
])
def test_substitute_notice_form_turns_at_ten(data, unreachable, kind):
    data["affected"]["insufficient_contact"] = unreachable
    found = [k for k in kinds(planned(data)) if k.startswith("substitute")]
    assert found == ([kind] if kind else [])


def test_fewer_than_ten_unreachable_get_alternative_notice(data):
    data["affected"]["insufficient_contact"] = 9
    ob = one(planned(data), "substitute_alternative")
    assert (ob.count, ob.required, ob.channels, ob.citation, ob.window_start, ob.toll_free_until) == (
        9, True, ("alternative_written_notice", "telephone", "other_means"), "45 CFR 164.404(d)(2)(i)", None, None)


def test_media_substitute_notice_names_outlets_and_has_no_posting_end(data):
    data["substitute_notice"] = {"method": "media", "outlets": ["Long Beach Press-Telegram", "KPCC"]}
    ob = one(planned(data), "substitute_media")
    assert (ob.channels, ob.outlets, ob.window_start, ob.window_end, ob.toll_free_until) == (
        ("print_or_broadcast_media", "toll_free_number"), ("Long Beach Press-Telegram", "KPCC"),
        D("2025-03-14"), None, D("2025-06-12"))


def test_substitute_posting_uses_starts_on_when_given(data):
    data["substitute_notice"]["starts_on"] = "2025-03-20"
    ob = one(planned(data), "substitute_web")
    assert (ob.window_start, ob.window_end, ob.toll_free_until) == (D("2025-03-20"), D("2025-06-18"), D("2025-06-18"))
    assert "The start date is substitute_notice.starts_on." in ob.reason


def test_substitute_posting_starts_at_deadline_without_any_date(data):
    data["notices"]["date"] = None
    ob = one(planned(data), "substitute_web")
    assert (ob.window_start, ob.window_end) == (D("2025-04-04"), D("2025-07-03"))


def test_substitute_posting_after_the_deadline_is_flagged(data):
    data["substitute_notice"]["starts_on"] = "2025-04-05"
    assert one(planned(data), "substitute_web").reason.endswith("It is after the deadline: start by 2025-04-04.")


# ------------------------------------------------------------------ urgent (164.404(d)(3))

def test_urgent_adds_a_permitted_telephone_notice(data):
    data["urgent"] = True
    p = planned(data)
    ob = one(p, "urgent_telephone")
    assert (ob.required, ob.channels, ob.citation) == (False, ("telephone",), "45 CFR 164.404(d)(3)")
    assert "individual" in kinds(p)


def test_no_telephone_notice_unless_urgent(data):
    assert "urgent_telephone" not in kinds(planned(data))


# ------------------------------------------------------------------ media (164.406)

@pytest.mark.parametrize("residents, media", [(499, False), (500, False), (501, True)])
def test_media_notice_needs_more_than_500_residents(data, residents, media):
    data["affected"]["by_state"] = {"CA": residents, "NV": 288}
    assert ("media CA" in kinds(planned(data))) is media


def test_one_media_notice_per_state_over_500_in_code_order(data):
    data["affected"]["by_state"] = {"NV": 600, "CA": 21000, "AZ": 178}
    assert [k for k in kinds(planned(data)) if k.startswith("media")] == ["media CA", "media NV"]


def test_media_notice_without_outlets_says_to_name_them(data):
    data["affected"]["by_state"] = {"NV": 600, "CA": 21000}
    ob = [o for o in planned(data).obligations if o.jurisdiction == "NV"][0]
    assert ob.outlets == ()
    assert ob.reason == (
        "NV has 600 affected residents, more than 500 (164.406(a)): notify prominent media outlets serving NV "
        "without unreasonable delay and in no case later than 60 calendar days after discovery (164.406(b)), "
        "with the content of 164.404(c) (164.406(c)). "
        "media_outlets names no outlets for NV: add them (media_outlets.NV)."
    )


def test_unplaced_people_who_could_tip_a_state_over_500_are_noted(data):
    data["affected"]["by_state"] = {"CA": 400}
    data["affected"]["total"] = 520
    data["affected"].update(insufficient_contact=0, deceased=0, deceased_without_next_of_kin=0, email_consent=0)
    assert planned(data).notes == (
        "affected.by_state places 400 of 520 people; the other 120 could put a state over 500, which needs "
        "media notice (164.406). Complete affected.by_state.",
    )


# ------------------------------------------------------------------ the Secretary (164.408)

@pytest.mark.parametrize("total, kind", [(499, "hhs_annual"), (500, "hhs_immediate"), (501, "hhs_immediate")])
def test_secretary_notice_turns_at_500(data, total, kind):
    p = planned(small(data, total))
    assert [k for k in kinds(p) if k.startswith("hhs")] == [kind]


def test_hhs_immediate_is_due_with_the_individual_notice(data):
    p = planned(data)
    assert one(p, "hhs_immediate").deadline == one(p, "individual").deadline == D("2025-04-04")


@pytest.mark.parametrize("day, annual", [
    ("2024-12-31", "2025-03-01"),  # discovered on the last day of a leap year: reported in 2025
    ("2025-01-01", "2026-03-01"),  # a day later: next year's report
    ("2023-06-01", "2024-02-29"),  # due in a leap year: February 29
    ("2024-06-01", "2025-03-01"),
    ("2019-12-31", "2020-02-29"),  # last day of a common year, due in a leap year
])
def test_annual_report_is_due_60_days_after_the_year_of_discovery(data, day, annual):
    ob = one(planned(discovered(small(data), day), D(day)), "hhs_annual")
    assert ob.deadline == D(annual)


def test_annual_reason_names_the_date(data):
    ob = one(planned(discovered(small(data, 312), "2023-06-01"), D("2023-06-01")), "hhs_annual")
    assert ob.reason == (
        "312 people affected, fewer than 500 (164.408(c)): log the breach and report it on the HHS breach portal "
        "no later than 60 days after the end of 2023, the calendar year of discovery: February 29, 2024. It may "
        "be reported sooner."
    )


@pytest.mark.parametrize("day, deadline", [("2024-01-01", "2024-03-01"), ("2023-01-01", "2023-03-02"),
                                           ("2024-12-31", "2025-03-01"), ("2025-01-01", "2025-03-02")])
def test_sixty_days_is_plain_calendar_arithmetic(data, day, deadline):
    assert one(planned(discovered(small(data), day), D(day)), "individual").deadline == D(deadline)


def test_estimated_total_reminds_of_the_addendum(data):
    data["affected"]["estimated"] = True
    assert one(planned(data), "hhs_immediate").reason.endswith(
        "The total is an estimate: say so on the HHS form, and file an addendum on the portal to update it when "
        "the count is known.")


# ------------------------------------------------------------------ law-enforcement delay (164.412)

def delay(data: dict, **fields) -> dict:
    data["law_enforcement_delay"] = {"agency": "FBI Los Angeles Field Office", "official": "Special Agent Kim Lau",
                                     **fields}
    return data


def test_written_delay_holds_every_obligation_and_tolls_the_deadline(data):
    p = planned(delay(data, statement="written", stated_on="2025-02-10", delay_until="2025-03-24"))
    assert {o.hold_until for o in p.obligations} == {D("2025-03-24")}
    assert {o.deadline for o in p.obligations} == {D("2025-05-16")}  # 2025-04-04 + 42 days
    assert one(p, "individual").reason.endswith(
        "Held until 2025-03-24 at law enforcement's request (164.412(a)); the 60-day limit is read as tolled for "
        "the 42 days from the statement to 2025-03-24, so 2025-04-04 becomes 2025-05-16. Give notice promptly "
        "once the hold ends.")
    assert p.law_enforcement_hold == (
        "Special Agent Kim Lau (FBI Los Angeles Field Office) stated in writing on 2025-02-10 that notice would "
        "impede a criminal investigation or damage national security, and specified a delay until 2025-03-24 "
        "(164.412(a)).")


@pytest.mark.parametrize("delay_until, hold", [
    ("2025-03-05", "2025-03-05"),  # within 30 days: as stated
    ("2025-03-12", "2025-03-12"),  # exactly 30 days
    ("2025-03-13", "2025-03-12"),  # 31 days asked: cut to 30
    ("2025-04-30", "2025-03-12"),
])
def test_oral_delay_holds_no_more_than_30_days(data, delay_until, hold):
    p = planned(delay(data, statement="oral", stated_on="2025-02-10", delay_until=delay_until))
    ob = one(p, "individual")
    assert ob.hold_until == D(hold)
    assert ob.deadline == D("2025-04-04") + (D(hold) - D("2025-02-10"))


def test_oral_delay_over_30_days_says_why_it_was_cut(data):
    p = planned(delay(data, statement="oral", stated_on="2025-02-10", delay_until="2025-04-30"))
    assert p.law_enforcement_hold.endswith(
        "The official asked for a delay until 2025-04-30, but an oral statement holds notice no longer than 30 "
        "days, to 2025-03-12, unless a written statement follows in that time (164.412(b)).")


def test_written_followup_within_30_days_extends_an_oral_delay(data):
    p = planned(delay(data, statement="oral", stated_on="2025-02-10", delay_until="2025-03-12",
                      written_followup={"stated_on": "2025-03-12", "delay_until": "2025-04-30"}))
    ob = one(p, "individual")
    assert (ob.hold_until, ob.deadline) == (D("2025-04-30"), D("2025-06-22"))  # tolled 79 days from 2025-02-10
    assert p.notes == ()


def test_written_followup_after_30_days_is_not_counted_and_is_noted(data):
    p = planned(delay(data, statement="oral", stated_on="2025-02-10", delay_until="2025-03-12",
                      written_followup={"stated_on": "2025-03-13", "delay_until": "2025-04-30"}))
    assert one(p, "individual").hold_until == D("2025-03-12")
    assert p.notes == (
        "law_enforcement_delay.written_followup is dated 2025-03-13, after the 30 days of the oral statement "
        "(ended 2025-03-12), so 164.412(b) does not extend the hold; the plan keeps the 30-day hold. Ask counsel "
        "whether the written statement starts a new delay under 164.412(a).",)


def test_annual_report_is_not_tolled_by_a_hold_that_ends_before_it(data):
    small(data, 312)
    p = planned(delay(data, statement="written", stated_on="2025-02-10", delay_until="2025-05-01"))
    ob = one(p, "hhs_annual")
    assert (ob.hold_until, ob.deadline) == (D("2025-05-01"), D("2026-03-01"))
    assert ob.reason.endswith("this date is set by the calendar, not counted from discovery, so the hold does "
                              "not extend it.")


def test_annual_report_waits_for_a_hold_that_runs_past_it(data):
    small(data, 312)
    p = planned(delay(data, statement="written", stated_on="2025-02-10", delay_until="2026-04-15"))
    assert one(p, "hhs_annual").deadline == D("2026-04-15")


def test_default_substitute_posting_waits_for_the_hold(data):
    data["notices"]["date"] = "2025-03-01"
    p = planned(delay(data, statement="written", stated_on="2025-02-10", delay_until="2025-03-24"))
    ob = one(p, "substitute_web")
    assert (ob.window_start, ob.window_end) == (D("2025-03-24"), D("2025-06-22"))


def test_explicit_substitute_start_inside_the_hold_is_flagged(data):
    data["substitute_notice"]["starts_on"] = "2025-03-01"
    p = planned(delay(data, statement="written", stated_on="2025-02-10", delay_until="2025-03-24"))
    assert "It is before the law-enforcement hold ends (2025-03-24): move it." in one(p, "substitute_web").reason


# ------------------------------------------------------------------ status (late notices)

@pytest.mark.parametrize("as_of, status, days_left, shown", [
    ("2025-04-03", "due", 1, "1 day left"),
    ("2025-04-04", "due", 0, "due today"),
    ("2025-04-05", "overdue", -1, "OVERDUE by 1 day"),
    ("2025-04-16", "overdue", -12, "OVERDUE by 12 days"),
])
def test_status_turns_overdue_the_day_after_the_deadline(data, as_of, status, days_left, shown):
    p = planned(data, D(as_of))
    ob = one(p, "individual")
    assert (ob.status, ob.days_left) == (status, days_left)
    assert f"2025-04-04  {shown}" in format_table(p)


# ------------------------------------------------------------------ the table

def test_table_for_a_small_breach_is_exact(data):
    data["affected"] = {"total": 120, "by_state": {"CA": 120}, "email_consent": 40}
    assert format_table(planned(data, D("2025-04-16"))) == """\
Plan as of 2025-04-16
Breach:     yes; presumed breach: unsecured PHI, no exception, no low-probability finding (164.402)
Discovered: 2025-02-03; the covered entity discovered the breach on 2025-02-03
            (breach.discovered_on; 164.404(a)(2))

OBLIGATION  DEADLINE                  STATUS              CHANNELS                 COUNT  CITATION
individual  no later than 2025-04-04  OVERDUE by 12 days  first_class_mail, email    120  45 CFR 164.404(b), (d)(1)
    Notify each of the 120 people whose unsecured PHI was, or is reasonably believed to have been,
    involved (164.404(a)(1)), without unreasonable delay and in no case later than 60 calendar days
    after discovery on 2025-02-03 (164.404(b)), by first-class mail to the last known address, or by
    email to the 40 who agreed to electronic notice (164.404(d)(1)(i)).

hhs_annual  no later than 2026-03-01  319 days left       hhs_breach_portal          120  45 CFR 164.408(c)
    120 people affected, fewer than 500 (164.408(c)): log the breach and report it on the HHS breach
    portal no later than 60 days after the end of 2025, the calendar year of discovery: March 1,
    2026. It may be reported sooner.

Deadlines are outer limits, not targets: give notice without unreasonable delay (164.404-164.410).
HIPAA only: state law may add more (e.g. Illinois' AG notice; California's AG sample copy over 500).
"""


def test_table_when_no_breach_says_no_notices_are_owed(data):
    data["breach"]["assessment"]["exception"] = "good_faith_workforce_use"
    table = format_table(planned(data))
    assert table.startswith("Plan as of 2025-03-01\nBreach:     no; not a breach: an unintentional acquisition")
    assert table.endswith("\n\nNo notices are owed.\n\nHIPAA only: state law may add more (e.g. Illinois' AG notice; "
                          "California's AG sample copy over 500).\n")


def test_table_marks_permitted_rows_and_adds_hold_column(data):
    data["urgent"] = True
    table = format_table(planned(delay(data, statement="written", stated_on="2025-02-10",
                                       delay_until="2025-03-24")))
    header = [line for line in table.splitlines() if line.startswith("OBLIGATION")][0]
    assert header.split() == ["OBLIGATION", "DEADLINE", "HOLD", "UNTIL", "STATUS", "CHANNELS", "COUNT",
                              "CITATION"]
    assert "\nurgent_telephone (permitted)  none of its own           2025-03-24  as soon as possible" in table
    assert "\nindividual                    no later than 2025-05-16  2025-03-24  76 days left" in table
    assert "\nHold:       Special Agent Kim Lau (FBI Los Angeles Field Office) stated in writing" in table


def test_table_lists_notes_at_the_end(data):
    data["law_enforcement_delay"] = {
        "agency": "Long Beach Police Department", "official": "Detective Ana Cruz", "statement": "oral",
        "stated_on": "2025-02-10", "delay_until": "2025-03-12",
        "written_followup": {"stated_on": "2025-03-20", "delay_until": "2025-04-30"}}
    table = format_table(planned(data))
    assert "\n\nNotes:\n  - law_enforcement_delay.written_followup is dated 2025-03-20, after the 30 days" in table
