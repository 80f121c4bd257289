"""The rules of 45 CFR 164.400-414 that decide which notices are owed and by when, one function per rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .facts import ORAL_HOLD_DAYS, Facts

LIMIT_DAYS = 60
"""164.404(b), 164.406(b), 164.408(b), 164.410(b): 'in no case later than 60 calendar days after discovery'."""
SUBSTITUTE_DAYS = 90
"""164.404(d)(2)(ii): a 90-day posting and a toll-free number active at least 90 days."""

KINDS = (
    "individual", "next_of_kin", "substitute_web", "substitute_media", "substitute_alternative",
    "urgent_telephone", "media", "hhs_immediate", "hhs_annual", "business_associate",
)
"""Every obligation kind, in the order a plan lists them."""


@dataclass(frozen=True)
class Obligation:
    """One notice the entity owes (or may give), with its deadline and why it is owed.

    ``hold_until`` is None when no law-enforcement delay applies; otherwise the day the hold ends,
    from which notice may go out. ``days_left`` is negative when the obligation is overdue.
    ``window_start``/``window_end`` are the first and last days of a substitute posting (window_end is
    None for a media run, which the rule gives no length); ``toll_free_until`` is the last day the
    substitute toll-free number must still answer. Both ends are the start day + 90, one day more than
    a strict count of 90, so a posting or line that starts mid-day still has 90 full days.
    ``outlets`` names the media (media, substitute_media); ``recipient`` who
    receives a notice that has one addressee (the covered entity, the Secretary).
    ``deadline`` is the latest day the rule allows, not a target: notice is due without unreasonable
    delay (164.404(b), 164.406(b), 164.408(b), 164.410(b)). ``has_deadline`` False means the rule sets
    no deadline of its own (urgent telephone notice, 164.404(d)(3)): ``deadline`` is then the written
    notice's, which the call must not wait for. ``given_on`` is the day the facts record the notice as
    given (a business associate's business_associate.notified_covered_entity_on); None when not recorded.
    """

    kind: str
    jurisdiction: str | None
    required: bool
    channels: tuple[str, ...]
    count: int
    deadline: dt.date
    hold_until: dt.date | None
    status: str
    days_left: int
    citation: str
    reason: str
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    toll_free_until: dt.date | None = None
    outlets: tuple[str, ...] = ()
    recipient: str | None = None
    has_deadline: bool = True
    given_on: dt.date | None = None


@dataclass(frozen=True)
class Discovery:
    """When the entity's clock starts, and why that date."""

    on: dt.date
    basis: str


@dataclass(frozen=True)
class Hold:
    """A law-enforcement delay (164.412): notice waits until ``until``; deadlines move by ``tolled_days``."""

    until: dt.date
    tolled_days: int
    citation: str
    basis: str
    note: str | None = None
    """Something counsel should look at (a written statement that came too late to extend an oral one)."""


@dataclass(frozen=True)
class Clock:
    """Discovery, the hold and the planning date: what every deadline is computed from."""

    discovered_on: dt.date
    hold: Hold | None
    as_of: dt.date

    def limit(self) -> dt.date:
        """The undelayed 60-day limit: discovery + 60 calendar days."""
        return self.discovered_on + dt.timedelta(days=LIMIT_DAYS)

    def deadline(self, undelayed: dt.date, *, tolled: bool = True) -> dt.date:
        """``undelayed`` moved by the hold: tolled by its days, or (a calendar date) not before it ends."""
        if self.hold is None:
            return undelayed
        if tolled:
            return undelayed + dt.timedelta(days=self.hold.tolled_days)
        return max(undelayed, self.hold.until)

    def obligation(self, *, kind: str, undelayed: dt.date, reason: str, tolled: bool = True,
                   **fields) -> Obligation:
        """An Obligation due ``undelayed`` (without a hold); the hold's effect is added to its reason."""
        deadline = self.deadline(undelayed, tolled=tolled)
        hold = self.hold
        if hold is not None and tolled:
            reason += (f" Held until {_iso(hold.until)} at law enforcement's request ({hold.citation}); the 60-day "
                       f"limit is read as tolled for the {_days(hold.tolled_days)} from the statement to "
                       f"{_iso(hold.until)}, so {_iso(undelayed)} becomes {_iso(deadline)}. Give notice promptly "
                       "once the hold ends.")
        elif hold is not None:
            reason += (f" Held until {_iso(hold.until)} at law enforcement's request ({hold.citation}); this date "
                       "is set by the calendar, not counted from discovery, so the hold does not extend it"
                       + (f", but the hold runs past it: report on {_iso(hold.until)}, when the hold ends."
                          if hold.until > undelayed else "."))
        days_left = (deadline - self.as_of).days
        return Obligation(kind=kind, deadline=deadline, hold_until=hold.until if hold else None,
                          days_left=days_left, status="overdue" if days_left < 0 else "due", reason=reason,
                          **fields)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _people(n: int) -> str:
    return f"{n:,} person" if n == 1 else f"{n:,} people"


# ------------------------------------------------------------------ the clock (164.404(a)(2), 164.410(a)(2), 164.412)

def discovery(facts: Facts) -> Discovery:
    """When the reporting party's clock starts (164.404(a)(2) for a covered entity, 164.410(a)(2) for a BA)."""
    ba = facts.business_associate
    own = facts.breach.discovered_on
    if facts.reporting_party == "business_associate":
        return Discovery(ba.discovered_on, (
            f"the business associate discovered the breach on {_iso(ba.discovered_on)} "
            "(business_associate.discovered_on; 164.410(a)(2))"))
    if ba is None:
        return Discovery(own, (
            f"the covered entity discovered the breach on {_iso(own)} (breach.discovered_on; 164.404(a)(2))"))
    if ba.agent_of_covered_entity:
        if ba.discovered_on <= own:
            return Discovery(ba.discovered_on, (
                f"{ba.name} is the covered entity's agent, so its discovery on {_iso(ba.discovered_on)} is "
                "imputed to the covered entity (164.404(a)(2))"))
        return Discovery(own, (
            f"the covered entity knew on {_iso(own)} (breach.discovered_on), before its agent {ba.name} did "
            f"({_iso(ba.discovered_on)}); the earlier date counts (164.404(a)(2))"))
    notified = ba.notified_covered_entity_on
    if notified is None:
        return Discovery(own, (
            f"{ba.name} is not the covered entity's agent, so its knowledge is not imputed, and "
            "business_associate.notified_covered_entity_on is not given; the clock starts at "
            f"breach.discovered_on, {_iso(own)} (164.404(a)(2))"))
    if notified <= own:
        return Discovery(notified, (
            f"{ba.name} is not the covered entity's agent, so its discovery ({_iso(ba.discovered_on)}) is not "
            f"imputed; the clock starts when it notified the covered entity, {_iso(notified)} (164.404(a)(2))"))
    return Discovery(own, (
        f"the covered entity knew on {_iso(own)} (breach.discovered_on), before {ba.name} notified it "
        f"({_iso(notified)}); the earlier date counts (164.404(a)(2))"))


def law_enforcement_hold(facts: Facts) -> Hold | None:
    """164.412: how long a law-enforcement statement holds every notice, and by how much deadlines move."""
    delay = facts.law_enforcement_delay
    if delay is None:
        return None
    who = f"{delay.official} ({delay.agency})"
    until = delay.ends_on()
    if delay.statement == "written":
        basis = (f"{who} stated in writing on {_iso(delay.stated_on)} that notice would impede a criminal "
                 f"investigation or damage national security, and specified a delay until {_iso(until)} "
                 "(164.412(a)).")
        return Hold(until, (until - delay.stated_on).days, "164.412(a)", basis)
    cap = delay.stated_on + dt.timedelta(days=ORAL_HOLD_DAYS)
    oral = (f"{who} stated orally on {_iso(delay.stated_on)} that notice would impede a criminal investigation "
            "or damage national security; document the statement and the official's identity (164.412(b)).")
    followup = delay.written_followup
    if followup is not None and followup.stated_on <= cap:
        basis = (f"{oral} A written statement followed on {_iso(followup.stated_on)}, within 30 days, "
                 f"specifying a delay until {_iso(until)} (164.412(a), (b)).")
        return Hold(until, (until - delay.stated_on).days, "164.412(a), (b)", basis)
    basis = oral
    if delay.delay_until > cap:
        basis += (f" The official asked for a delay until {_iso(delay.delay_until)}, but an oral statement holds "
                  f"notice no longer than 30 days, to {_iso(cap)}, unless a written statement follows in that "
                  "time (164.412(b)).")
    else:
        basis += f" The delay ends on {_iso(until)}, within 30 days."
    note = None
    if followup is not None:
        note = (f"law_enforcement_delay.written_followup is dated {_iso(followup.stated_on)}, after the 30 days of "
                f"the oral statement (ended {_iso(cap)}), so 164.412(b) does not extend the hold; the plan "
                "keeps the 30-day hold. Ask counsel whether the written statement starts a new delay under "
                "164.412(a).")
        basis += (f" The written statement of {_iso(followup.stated_on)} came after those 30 days and is not "
                  "counted.")
    return Hold(until, (until - delay.stated_on).days, "164.412(b)", basis, note)


# ------------------------------------------------------------------ the notices (164.404-164.410)

def individual(facts: Facts, clock: Clock) -> Obligation | None:
    """164.404(a), (b), (d)(1)(i): written notice to every affected individual within 60 days."""
    a = facts.affected
    channels = ("first_class_mail", "email") if a.email_consent else ("first_class_mail",)
    reason = (f"Notify each of the {_people(a.total)} whose unsecured PHI was, or is reasonably believed to have "
              f"been, involved (164.404(a)(1)), without unreasonable delay and in no case later than 60 calendar "
              f"days after discovery on {_iso(clock.discovered_on)} (164.404(b)), by first-class mail to the last "
              "known address"
              + (f", or by email to the {a.email_consent:,} who agreed to electronic notice" if a.email_consent else "")
              + " (164.404(d)(1)(i)).")
    mailed = a.total - a.deceased - a.insufficient_contact
    parts = []
    if a.deceased:
        reached = a.deceased - a.deceased_without_next_of_kin
        how = [f"{reached:,} through next of kin or a personal representative"] if reached else []
        if a.deceased_without_next_of_kin:
            how.append(f"{a.deceased_without_next_of_kin:,} with no known next-of-kin address, who need no "
                       "substitute notice under 164.404(d)(2)")
        parts.append(f"{a.deceased:,} deceased ({'; '.join(how)})")
    if a.insufficient_contact:
        parts.append(f"{a.insufficient_contact:,} living without usable contact information (substitute notice)")
    if parts:
        reason += (f" The count is everyone affected; of them, {' and '.join(parts)}, so about "
                   f"{max(mailed, 0):,} letters or emails go to individuals themselves.")
    if a.estimated:
        reason += " The total is an estimate (affected.estimated); notices may go out in more than one mailing."
    return clock.obligation(kind="individual", undelayed=clock.limit(), reason=reason, jurisdiction=None,
                            required=True, channels=channels, count=a.total,
                            citation="45 CFR 164.404(b), (d)(1)")


def next_of_kin(facts: Facts, clock: Clock) -> Obligation | None:
    """164.404(d)(1)(ii): first-class mail to the next of kin or personal representative of the deceased."""
    a = facts.affected
    count = a.deceased - a.deceased_without_next_of_kin
    if count <= 0:
        return None
    reason = (f"{a.deceased:,} affected individuals are deceased and the address of the next of kin or personal "
              f"representative is known for {count:,}: notify them by first-class mail (164.404(d)(1)(ii)), "
              "without unreasonable delay, within the same 60 days (164.404(b)).")
    if a.deceased_without_next_of_kin:
        rest = a.deceased_without_next_of_kin
        reason += (f" For the other {rest:,} no next-of-kin address is known; "
                   f"{'it needs' if rest == 1 else 'they need'} no substitute notice (164.404(d)(2)).")
    return clock.obligation(kind="next_of_kin", undelayed=clock.limit(), reason=reason, jurisdiction=None,
                            required=True, channels=("first_class_mail",), count=count,
                            citation="45 CFR 164.404(b), (d)(1)(ii)")


def substitute(facts: Facts, clock: Clock) -> Obligation | None:
    """164.404(d)(2): substitute notice for living people whose contact information is insufficient."""
    n = facts.affected.insufficient_contact
    if n == 0:
        return None
    why = (f"{_people(n)} still living cannot be reached by written notice because their contact information is "
           "insufficient or out of date (deceased people without a known next of kin are not counted, "
           "164.404(d)(2)).")
    if n < 10:
        reason = (f"{why} Fewer than 10: give substitute notice by an alternative form of written notice, by "
                  "telephone, or by other means (164.404(d)(2)(i)), without unreasonable delay, within the 60 days "
                  "(164.404(b)).")
        return clock.obligation(kind="substitute_alternative", undelayed=clock.limit(), reason=reason,
                                jurisdiction=None, required=True, count=n,
                                channels=("alternative_written_notice", "telephone", "other_means"),
                                citation="45 CFR 164.404(d)(2)(i)")
    sn = facts.substitute_notice
    toll_free = facts.contact.toll_free
    deadline = clock.deadline(clock.limit())
    start, start_basis = _substitute_start(facts, deadline, clock.hold)
    toll_free_until = start + dt.timedelta(days=SUBSTITUTE_DAYS)
    phone = (f" Include the toll-free number {toll_free}, active at least 90 days (through {_iso(toll_free_until)}), "
             "where people can learn whether their information was involved (164.404(d)(2)(ii)(B)).")
    if sn.method == "web":
        kind, channels, window_end, outlets = "substitute_web", ("home_page_posting", "toll_free_number"), \
            toll_free_until, ()
        how = (f"post a conspicuous notice on the home page of the covered entity's website, linking to {sn.url}, "
               f"for 90 days: from {_iso(start)} through {_iso(window_end)}")
    else:
        kind, channels, window_end, outlets = "substitute_media", ("print_or_broadcast_media", "toll_free_number"), \
            None, tuple(sn.outlets)
        how = (f"run a conspicuous notice in major print or broadcast media where the affected people likely "
               f"reside ({'; '.join(sn.outlets)}), starting {_iso(start)}")
    reason = (f"{why} 10 or more: {how} (164.404(d)(2)(ii)(A)).{phone} The start date is {start_basis}.")
    if start > deadline:
        reason += f" It is after the deadline: start by {_iso(deadline)}."
    if clock.hold is not None and start < clock.hold.until:
        reason += f" It is before the law-enforcement hold ends ({_iso(clock.hold.until)}): move it."
    return clock.obligation(kind=kind, undelayed=clock.limit(), reason=reason, jurisdiction=None, required=True,
                            channels=channels, count=n, citation="45 CFR 164.404(d)(2)(ii)",
                            window_start=start, window_end=window_end, toll_free_until=toll_free_until,
                            outlets=outlets)


def _substitute_start(facts: Facts, deadline: dt.date, hold: Hold | None) -> tuple[dt.date, str]:
    """The first day of the substitute posting or media run, and where that date came from."""
    if facts.substitute_notice.starts_on is not None:
        return facts.substitute_notice.starts_on, "substitute_notice.starts_on"
    if facts.notices.date is not None:
        start, basis = facts.notices.date, "the notice date (notices.date), as substitute_notice.starts_on is not given"
    else:
        start, basis = deadline, ("the deadline, as neither substitute_notice.starts_on nor notices.date is given; "
                                  "starting sooner is better")
    if hold is not None and start < hold.until:
        return hold.until, "the day the law-enforcement hold ends, as no later start is given"
    return start, basis


def urgent(facts: Facts, clock: Clock) -> Obligation | None:
    """164.404(d)(3): telephone or other notice in urgent situations, permitted in addition to written notice."""
    if not facts.urgent:
        return None
    reason = ("The covered entity deems the situation urgent because of possible imminent misuse of the PHI "
              "(facts: urgent): it may also give information by telephone or other means, in addition to the "
              "written notice, which stays required (164.404(d)(3)). The rule sets no separate deadline; urgency "
              "means sooner than the written notice's.")
    return clock.obligation(kind="urgent_telephone", undelayed=clock.limit(), reason=reason, jurisdiction=None,
                            required=False, channels=("telephone",), count=facts.affected.total,
                            citation="45 CFR 164.404(d)(3)", has_deadline=False)


def media(facts: Facts, clock: Clock) -> tuple[Obligation, ...]:
    """164.406: prominent media outlets, for each State or jurisdiction with more than 500 residents affected."""
    out = []
    for state, count in sorted(facts.affected.by_state.items()):
        if count <= 500:
            continue
        outlets = tuple(facts.media_outlets.get(state, ()))
        reason = (f"{state} has {count:,} affected residents, more than 500 (164.406(a)): notify prominent media "
                  f"outlets serving {state} without unreasonable delay and in no case later than 60 calendar days "
                  "after discovery (164.406(b)), with the content "
                  "of 164.404(c) (164.406(c)).")
        reason += (f" Outlets: {'; '.join(outlets)}." if outlets else
                   f" media_outlets names no outlets for {state}: add them (media_outlets.{state}).")
        out.append(clock.obligation(kind="media", undelayed=clock.limit(), reason=reason, jurisdiction=state,
                                    required=True, channels=("prominent_media_outlets",), count=count,
                                    citation="45 CFR 164.406", outlets=outlets))
    return tuple(out)


def secretary(facts: Facts, clock: Clock) -> Obligation:
    """164.408: the Secretary, at once for 500 or more, else in the annual log."""
    total = facts.affected.total
    estimate = (" The total is an estimate: say so on the HHS form, and file an addendum on the portal to update "
                "it when the count is known." if facts.affected.estimated else "")
    common = dict(jurisdiction=None, required=True, channels=("hhs_breach_portal",), count=total,
                  recipient="Secretary of Health and Human Services")
    if total >= 500:
        reason = (f"{_people(total)} affected, 500 or more (164.408(b)): notify the Secretary on the HHS breach "
                  "portal contemporaneously with the individual notice, and no later than its 60-day deadline."
                  + estimate)
        return clock.obligation(kind="hhs_immediate", undelayed=clock.limit(), reason=reason,
                                citation="45 CFR 164.408(b)", **common)
    year = clock.discovered_on.year
    due = dt.date(year, 12, 31) + dt.timedelta(days=LIMIT_DAYS)
    reason = (f"{_people(total)} affected, fewer than 500 (164.408(c)): log the breach and report it on the HHS "
              f"breach portal no later than 60 days after the end of {year}, the calendar year of discovery: "
              f"{due.strftime('%B')} {due.day}, {due.year}. It may be reported sooner." + estimate)
    return clock.obligation(kind="hhs_annual", undelayed=due, reason=reason, tolled=False,
                            citation="45 CFR 164.408(c)", **common)


def business_associate(facts: Facts, clock: Clock) -> Obligation:
    """164.410: the business associate's notice to the covered entity, its only obligation in this subpart."""
    ba = facts.business_associate
    ce = facts.covered_entity.name
    reason = (f"As the business associate, notify the covered entity, {ce}, without unreasonable delay and in no "
              f"case later than 60 calendar days after discovery on {_iso(clock.discovered_on)} (164.410(a), (b)). "
              f"Identify each of the {_people(facts.affected.total)} "
              "whose unsecured PHI was, or is reasonably believed to have been, involved (164.410(c)(1)), and give "
              "the other information the covered entity must include in its notice to individuals, now or as it "
              "becomes available (164.410(c)(2)). The notices of 164.404-164.408 are the covered entity's to give.")
    if ba.notified_covered_entity_on is not None:
        reason += f" business_associate.notified_covered_entity_on records notice given on {_iso(ba.notified_covered_entity_on)}."
    return clock.obligation(kind="business_associate", undelayed=clock.limit(), reason=reason, jurisdiction=None,
                            required=True, channels=("written_notice",), count=facts.affected.total,
                            citation="45 CFR 164.410(b), (c)", recipient=ce, given_on=ba.notified_covered_entity_on)


COVERED_ENTITY_RULES = (individual, next_of_kin, substitute, urgent, media, secretary)
"""What a covered entity owes, in plan order; each returns an Obligation, several, or None."""
BUSINESS_ASSOCIATE_RULES = (business_associate,)
"""What a business associate owes when it is the reporting party."""
