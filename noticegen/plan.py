"""The obligations planner: plan(facts, as_of=...) -> Plan, whether it is a breach, and the Plan as JSON or a table."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from . import rules
from .facts import Facts
from .rules import Obligation

__all__ = ["Obligation", "Plan", "plan", "plan_to_json", "format_table", "determination"]

APPLIES_FROM = dt.date(2009, 9, 23)
"""164.400: the subpart applies to breaches occurring on or after this date."""
PRESUMED = "presumed breach: unsecured PHI, no exception, no low-probability finding (164.402)"
STATE_LAW = ("State law may require more than this plan shows: it covers HIPAA's Breach Notification Rule "
             "(45 CFR 164.400-414) only. States can add notices, recipients, content and deadlines, for example "
             "Illinois' notice to its Attorney General, or California's sample copy of the notice to its Attorney "
             "General when more than 500 of its residents are affected; check the law of every state where "
             "affected people live.")
"""What the plan does not cover; plan_to_json adds it to "notes"."""
STATE_LAW_LINE = "HIPAA only: state law may add more (e.g. Illinois' AG notice; California's AG sample copy over 500)."
"""STATE_LAW in one line, the last line of format_table."""
OUTER_LIMITS = "Deadlines are outer limits, not targets: give notice without unreasonable delay (164.404-164.410)."
"""Above STATE_LAW_LINE in format_table when there are obligations."""
KEEP = ("Keep this assessment as documentation: the entity bears the burden of showing the incident was not a "
        "breach (164.414(b)) and must retain the documentation for six years (164.530(j)).")


@dataclass(frozen=True)
class Plan:
    """Every notice owed for one breach, as of one day, with the reasoning behind it.

    ``breach`` False means no notice is owed and ``obligations`` is empty; ``determination`` says why.
    ``discovered_on`` is the reporting party's discovery date (164.404(a)(2) or 164.410(a)(2)) and
    ``discovery_basis`` says where it came from. ``notes`` are things to fix or ask counsel about; they
    never change an obligation.
    """

    breach: bool
    determination: str
    discovered_on: dt.date
    obligations: tuple[Obligation, ...]
    as_of: dt.date
    reporting_party: str
    discovery_basis: str
    law_enforcement_hold: str | None = None
    """What law enforcement asked and how long notice is held (164.412); None without a delay."""
    notes: tuple[str, ...] = ()


# ------------------------------------------------------------------ is it a breach? (164.400, 164.402)

_EXCEPTIONS = {
    "good_faith_workforce_use": (
        "an unintentional acquisition, access or use by a workforce member or person acting under the "
        "entity's authority, in good faith and within the scope of authority, not further used or disclosed "
        "impermissibly (164.402(1)(i))"),
    "inadvertent_internal_disclosure": (
        "an inadvertent disclosure between people authorized to access PHI at the same covered entity, "
        "business associate or organized health care arrangement, not further used or disclosed "
        "impermissibly (164.402(1)(ii))"),
    "recipient_unable_to_retain": (
        "a disclosure where the entity believes in good faith that the unauthorized recipient would not "
        "reasonably have been able to retain the information (164.402(1)(iii))"),
}


def before_applicability(facts: Facts) -> str | None:
    """164.400: the subpart covers breaches occurring on or after September 23, 2009."""
    ended = facts.breach.ended_on
    if ended is not None and ended < APPLIES_FROM:
        return (f"no notice under this subpart: the breach ended on {ended.isoformat()}, before September 23, "
                "2009, and subpart D applies to breaches occurring on or after that date (164.400)")
    return None


def excepted(facts: Facts) -> str | None:
    """164.402(1)(i)-(iii): the three exclusions from the definition of breach."""
    exception = facts.breach.assessment.exception
    return None if exception is None else f"not a breach: {_EXCEPTIONS[exception]}"


def secured(facts: Facts) -> str | None:
    """164.402 'unsecured protected health information': a breach of secured PHI needs no notice."""
    if facts.breach.unsecured:
        return None
    return ("no notice owed: the PHI was not unsecured; it was rendered unusable, unreadable or indecipherable "
            "to unauthorized persons (encrypted or destroyed per the Secretary's guidance), and this subpart "
            "covers breaches of unsecured PHI only (164.402)")


def low_probability(facts: Facts) -> str | None:
    """164.402(2): a documented risk assessment shows a low probability that the PHI was compromised."""
    if not facts.breach.assessment.low_probability_of_compromise:
        return None
    return ("not a breach: a risk assessment of the four factors (nature and extent of the PHI, the "
            "unauthorized person, whether it was acquired or viewed, mitigation) demonstrates a low "
            "probability that the PHI has been compromised (164.402(2))")


NOT_A_BREACH = (before_applicability, excepted, secured, low_probability)
"""Tried in this order; every one that applies is named in the determination."""


def determination(facts: Facts) -> tuple[bool, str]:
    """Whether notices are owed, and why: the plan's ``breach`` and ``determination``."""
    grounds = [text for rule in NOT_A_BREACH if (text := rule(facts)) is not None]
    if not grounds:
        return True, PRESUMED
    return False, "; also ".join(grounds) + ". " + KEEP


# ------------------------------------------------------------------ the plan

def plan(facts: Facts, *, as_of: dt.date) -> Plan:
    """Every obligation the facts trigger, with deadlines and status as of ``as_of``. Pure: no I/O."""
    is_breach, why = determination(facts)
    found = rules.discovery(facts)
    hold = rules.law_enforcement_hold(facts) if is_breach else None
    clock = rules.Clock(discovered_on=found.on, hold=hold, as_of=as_of)
    obligations: list[Obligation] = []
    if is_breach:
        chosen = (rules.BUSINESS_ASSOCIATE_RULES if facts.reporting_party == "business_associate"
                  else rules.COVERED_ENTITY_RULES)
        for rule in chosen:
            result = rule(facts, clock)
            if isinstance(result, Obligation):
                obligations.append(result)
            elif result:
                obligations.extend(result)
    return Plan(breach=is_breach, determination=why, discovered_on=found.on, obligations=tuple(obligations),
                as_of=as_of, reporting_party=facts.reporting_party, discovery_basis=found.basis,
                law_enforcement_hold=hold.basis if hold else None,
                notes=_notes(facts, hold, found.on, as_of) if is_breach else ())


def _notes(facts: Facts, hold: rules.Hold | None, discovered_on: dt.date, as_of: dt.date) -> tuple[str, ...]:
    notes = []
    if as_of < discovered_on:
        notes.append(f"The plan is as of {as_of.isoformat()}, before the breach was discovered "
                     f"({discovered_on.isoformat()}): days left are counted from a day before anyone knew of it. "
                     "Plan as of today (leave out --as-of) or a day on or after discovery.")
    if hold is not None and hold.note:
        notes.append(hold.note)
    a = facts.affected
    if facts.reporting_party == "covered_entity":
        placed = sum(a.by_state.values())
        largest = max(a.by_state.values(), default=0)
        if placed < a.total and largest + (a.total - placed) > 500:
            notes.append(f"affected.by_state places {placed:,} of {a.total:,} people; the other "
                         f"{a.total - placed:,} could put a state over 500, which needs media notice (164.406). "
                         "Complete affected.by_state.")
    return tuple(notes)


# ------------------------------------------------------------------ output

def plan_to_json(plan: Plan) -> dict:
    """The plan as plain JSON data: dates as ISO strings, tuples as lists."""
    return {
        "breach": plan.breach,
        "determination": plan.determination,
        "discovered_on": plan.discovered_on.isoformat(),
        "obligations": [_obligation_json(o) for o in plan.obligations],
        "as_of": plan.as_of.isoformat(),
        "reporting_party": plan.reporting_party,
        "discovery_basis": plan.discovery_basis,
        "law_enforcement_hold": plan.law_enforcement_hold,
        "notes": [*plan.notes, STATE_LAW],
    }


def _obligation_json(o: Obligation) -> dict:
    return {
        "kind": o.kind, "jurisdiction": o.jurisdiction, "required": o.required, "channels": list(o.channels),
        "count": o.count, "deadline": o.deadline.isoformat(), "hold_until": _iso(o.hold_until),
        "status": o.status, "citation": o.citation, "reason": o.reason, "days_left": o.days_left,
        "window_start": _iso(o.window_start), "window_end": _iso(o.window_end),
        "toll_free_until": _iso(o.toll_free_until), "outlets": list(o.outlets), "recipient": o.recipient,
        "has_deadline": o.has_deadline, "given_on": _iso(o.given_on),
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


WIDTH = 100
"""Reasons and the determination wrap at this many columns in the table."""


def format_table(plan: Plan) -> str:
    """The plan for people: one row per obligation, its reason wrapped under it; overdue rows marked."""
    lines = [f"Plan as of {plan.as_of.isoformat()}",
             *_wrap(f"Breach:     {'yes' if plan.breach else 'no'}; {plan.determination}", indent=" " * 12),
             *_wrap(f"Discovered: {plan.discovered_on.isoformat()}; {plan.discovery_basis}", indent=" " * 12)]
    if plan.law_enforcement_hold:
        lines += _wrap(f"Hold:       {plan.law_enforcement_hold}", indent=" " * 12)
    lines.append("")
    if not plan.obligations:
        lines.append("No notices are owed." if not plan.breach else "No obligations.")
    else:
        header = ["OBLIGATION", "DEADLINE", "STATUS", "CHANNELS", "COUNT", "CITATION"]
        with_hold = any(o.hold_until for o in plan.obligations)
        if with_hold:
            header.insert(2, "HOLD UNTIL")
        rows = [_row(o, with_hold) for o in plan.obligations]
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        count_col = header.index("COUNT")
        for row, o in zip([header, *rows], [None, *plan.obligations]):
            cells = [c.rjust(w) if i == count_col else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
            lines.append("  ".join(cells).rstrip())
            if o is not None:
                lines.extend(_wrap(o.reason, indent="    ", first="    "))
                lines.append("")
        lines.pop()
    if plan.notes:
        lines += ["", "Notes:"]
        for note in plan.notes:
            lines.extend(_wrap(note, indent="    ", first="  - "))
    lines.append("")
    if plan.obligations:
        lines.append(OUTER_LIMITS)
    lines.append(STATE_LAW_LINE)
    return "\n".join(lines) + "\n"


def _row(o: Obligation, with_hold: bool) -> list[str]:
    kind = o.kind + (f" {o.jurisdiction}" if o.jurisdiction else "") + ("" if o.required else " (permitted)")
    deadline = f"no later than {o.deadline.isoformat()}" if o.has_deadline else "none of its own"
    if o.given_on is not None:
        days = f"given on {o.given_on.isoformat()}" + (" (late)" if o.given_on > o.deadline else "")
    elif not o.has_deadline:
        days = "as soon as possible"
    elif o.status == "overdue":
        days = f"OVERDUE by {_days(-o.days_left)}"
    elif o.days_left == 0:
        days = "due today"
    else:
        days = f"{_days(o.days_left)} left"
    row = [kind, deadline, days, ", ".join(o.channels), f"{o.count:,}", o.citation]
    if with_hold:
        row.insert(2, _iso(o.hold_until) or "-")
    return row


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _wrap(text: str, *, indent: str, first: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)
