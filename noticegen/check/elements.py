"""One judge per required element: what the rule asks for, found in the notice's sentences, with the evidence quoted.

Each judge reads a ``Reading`` (reading.py: the notice's units, its language and year, the facts if given) and
returns a ``Judgement``. Without facts the words decide; with facts the facts sharpen the same judges (their
dates, PHI types and actions must appear) and the finder's evidence is still quoted. The contact judges, which
tell the entity's own channels from third parties', are in contact.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .. import lang, phi
from .dates import DateMention, relative_shift
from .reading import Judgement, Reading, contains, nothing_found, ordered, quoted
from .units import Unit, shorten
from .vocab import (
    ENTITY_VOICE, INCIDENT, INVESTIGATE, INVOLVED, MITIGATE, NEGATED, PHI_TYPES, PREVENT, PREVENT_INTENT, STEP_POINTER,
    STEPS, TO_READER, UNKNOWN_DATE, VAGUE_PHI, VAGUE_PREVENT, fold,
)


# ------------------------------------------------------------------ (A) what happened, with its two dates

_ROLE_WORDS = {
    "breach": "a date with occurred, took place, accessed, was stolen, between ...",
    "discovery": "a date with discovered, learned, became aware, identified, detected, was notified ...",
}


def _iso(mention: DateMention) -> str:
    if mention.end and mention.end != mention.start and mention.precision == "day":
        return f"{mention.start.isoformat()}/{mention.end.isoformat()}"
    if mention.precision == "month":
        return mention.start.strftime("%Y-%m")
    if mention.precision == "year":
        return str(mention.start.year)
    return mention.start.isoformat()


_NOT_THE_EVENT = re.compile(r"\b(?:determin|conclu|confirm|complet|notif|inform|enrol|expire|until|deadline|letter by|"
                            r"dated|posted|effective|began (?:sending|mailing)|review|investigat|ended|found that|updated)")


def _unlabelled_earlier(reading: Reading, discovery: DateMention | None):
    """A date no verb claims, in a sentence about the incident (or under its heading), before any discovery: the
    event's own date ("During break-ins at eleven stores between August 14 and 23, intruders took ...")."""
    for unit in ordered(reading, "what_happened", reading.units):
        if unit.shape == "line" or _NOT_THE_EVENT.search(unit.folded):
            continue
        if discovery is None and "what_happened" not in (unit.cue, unit.tagged) and not INCIDENT.search(unit.folded):
            continue  # without a discovery date to be earlier than, only a sentence about the incident will do
        for mention in reading.dates(unit):
            if mention.role == "other" and mention.start is not None and (
                    discovery is None or mention.start < discovery.start):
                return unit, mention
    return None


def _resolved(reading: Reading, unit: Unit, mention: DateMention):
    """A relative date ("that same day", "the next morning") resolved against the last date written before it."""
    shift = relative_shift(mention.text)
    if shift is None:
        return None
    index = reading.units.index(unit)
    for earlier in reversed(reading.units[max(0, index - 3):index]):
        dated = [m for m in reading.dates(earlier) if m.start is not None and m.precision == "day"]
        if dated:
            day = (dated[-1].end or dated[-1].start) + dt.timedelta(days=shift)
            return unit, replace(mention, start=day, end=day, precision="day")
    return None


def what_happened(reading: Reading) -> Judgement:
    found: dict[str, list[tuple[Unit, DateMention]]] = {"breach": [], "discovery": []}
    for unit in ordered(reading, "what_happened", reading.units):
        if unit.shape == "line" or unit.cue in ("individual_steps", "contact"):
            continue
        for mention in reading.dates(unit):
            if mention.role in found:
                found[mention.role].append((unit, mention))
        if all(any(m.start is not None for _, m in items) for items in found.values()):
            break  # both roles dated: the rest of the notice can only repeat them
    dated = {role: next(((u, m) for u, m in items if m.start is not None), None) for role, items in found.items()}
    for role, items in found.items():
        if dated[role] is None:  # "... that same evening": the day of the date before it, in an earlier sentence
            dated[role] = next(filter(None, (_resolved(reading, u, m) for u, m in items if m.start is None)), None)
    if dated["breach"] is None:
        dated["breach"] = _unlabelled_earlier(reading, dated["discovery"][1] if dated["discovery"] else None)
    vague = {role: next(((u, m) for u, m in items if m.start is None), None) for role, items in found.items()}
    unknown = next((u for u in reading.units if UNKNOWN_DATE.search(u.folded)), None)
    described = [u for u in ordered(reading, "what_happened", reading.units)
                 if u.shape != "line" and ("what_happened" in (u.cue, u.tagged) or INCIDENT.search(u.folded))]
    dates = {role: (_iso(pair[1]) if pair else None) for role, pair in dated.items()}
    evidence = quoted([pair[0] for pair in dated.values() if pair] + described[:1])
    if reading.facts is not None:
        return _what_happened_with_facts(reading, dated, dates, evidence)
    missing = [role for role in ("breach", "discovery") if dated[role] is None and not (role == "breach" and unknown)]
    if not missing and described:
        return Judgement("present", f"describes what happened: breach {dates['breach'] or 'date not known (said so)'}, "
                                    f"discovered {dates['discovery']}", evidence, dates)
    if not described and not any(dated.values()) and not any(vague.values()):
        return nothing_found("what_happened", dates)
    parts = []
    for role in missing:
        label = "date of the breach" if role == "breach" else "date of discovery"
        if vague[role]:
            parts.append(f"gives only vague timing for the {label} (\"{vague[role][1].text}\")")
        else:
            parts.append(f"gives no {label} (looked for {_ROLE_WORDS[role]})")
    if not described:
        parts.append("describes no incident")
    return Judgement("incomplete", "; ".join(parts), evidence, dates)


def _what_happened_with_facts(reading: Reading, dated, dates, evidence) -> Judgement:
    facts, locale = reading.facts, reading.notice.locale
    discovered = facts.breach.discovered_on
    if reading.notice.kind == "business_associate" and facts.business_associate:
        discovered = facts.business_associate.discovered_on  # the BA's own discovery, 164.410(a)(2)
    text = reading.facts_text("what_happened")
    missing = []
    for role, label, value in (("breach", "date of the breach", facts.breach.started_on),
                               ("discovery", "date of discovery", discovered)):
        shown = lang.format_date(value, locale)
        pair = dated[role]
        said = pair is not None and pair[1].start is not None and pair[1].start <= value <= (pair[1].end or pair[1].start)
        if not (contains(text, shown) or said):
            missing.append(f"the {label} ({shown})")
    if missing and not evidence and not reading.region("what_happened"):
        return nothing_found("what_happened", dates)
    if missing:
        return Judgement("incomplete", f"does not give {' or '.join(missing)}", evidence, dates)
    return Judgement("present", "describes what happened with the dates of the breach and of its discovery", evidence, dates)


# ------------------------------------------------------------------ (B) the types of PHI involved

_CLAUSE = re.compile(r"\b(?:but|however|although|while|whereas|pero|sino)\b|;")


def _phi_types(unit: Unit) -> list[str]:
    out = []
    for term, pattern in PHI_TYPES.items():
        for match in pattern.finditer(unit.folded):
            clause = _CLAUSE.split(unit.folded[:match.start()])[-1]
            if not NEGATED.search(clause):
                out.append(term)
                break
    return out


def phi_involved(reading: Reading) -> Judgement:
    named: dict[str, Unit] = {}
    vague: list[Unit] = []
    region = set(reading.region("phi_involved"))
    for unit in ordered(reading, "phi_involved", reading.units):
        if unit.shape == "line":
            continue
        if unit not in region:
            if not INVOLVED.search(unit.folded) or TO_READER.search(unit.folded) or unit.cue in ("individual_steps", "contact"):
                continue
        for term in _phi_types(unit):
            named.setdefault(term, unit)
        if VAGUE_PHI.search(unit.folded):
            vague.append(unit)
    if reading.facts is not None:
        return _phi_with_facts(reading, named)
    labels = [phi.label(term, "en_US") for term in named]
    if named:
        return Judgement("present", f"names {len(named)} type(s) of information: {', '.join(labels)}",
                         quoted(named.values()))
    if vague or region:
        said = f" (only \"{shorten(vague[0].text, 80)}\")" if vague else ""
        return Judgement("incomplete", f"names no concrete type of information{said}; looked for names, addresses, "
                                       "dates of birth, SSNs, record or member numbers, diagnoses, treatment ...",
                         quoted(vague or region))
    return nothing_found("phi_involved")


def _phi_with_facts(reading: Reading, named: dict[str, Unit]) -> Judgement:
    locale = reading.notice.locale
    text = reading.facts_text("phi_involved")
    folded = fold(text)
    absent = []
    for term in reading.facts.breach.phi:
        if term == "other":
            continue
        label = phi.label(term, locale)
        forms = (label, re.sub(r"\s*\([^)]*\)", "", label))
        if not (any(contains(text, form) for form in forms) or term in named or PHI_TYPES[term].search(folded)):
            absent.append(label)
    count = len([t for t in reading.facts.breach.phi if t != "other"])
    evidence = quoted(named.values())
    if absent and not evidence and not reading.region("phi_involved"):
        return nothing_found("phi_involved")
    if absent:
        return Judgement("incomplete", f"does not name: {', '.join(absent)}", evidence)
    return Judgement("present", f"names all {count} types of information", evidence)


# ------------------------------------------------------------------ (C) steps individuals should take

def individual_steps(reading: Reading) -> Judgement:
    region = reading.region("individual_steps")
    steps = [u for u in ordered(reading, "individual_steps", reading.units)
             if u.shape != "line" and STEPS.search(u.folded)
             and (TO_READER.search(u.folded) or "individual_steps" in (u.cue, u.tagged)
                  or (u.shape == "item" and u.cue in (None, "individual_steps", "contact")))]
    if reading.facts is not None and not steps:
        text = reading.facts_text("individual_steps")
        given = [s for s in reading.facts.text(reading.notice.locale).individual_steps if contains(text, s)]
        if given:
            return Judgement("present", f"gives {len(given)} of the facts' steps", quoted(region))
    if steps:
        return Judgement("present", f"gives {len(steps)} concrete step(s) people can take", quoted(steps))
    tagged = [u for u in region if u.tagged == "individual_steps"]
    if reading.facts is not None and not reading.vocabulary and len(tagged) >= 2:
        return Judgement("present", f"gives the steps in the section the notice tags (no step vocabulary for "
                                    f"{reading.notice.locale}: judged by the tag, the facts and the catalog)",
                         quoted(tagged))
    pointer = [u for u in reading.units if STEP_POINTER.search(u.folded)]
    if region or pointer:
        return Judgement("incomplete", "gives no concrete step (looked for: review statements and EOBs, monitor credit, "
                                       "fraud alert or freeze, enrol in the monitoring offered, change passwords ...)",
                         quoted(list(region) + pointer))
    return nothing_found("individual_steps")


# ------------------------------------------------------------------ (D) investigate, mitigate, protect

_PART_NAMES = {"investigate": "how it is investigating", "mitigate": "how it is mitigating harm",
               "prevent": "how it protects against further breaches"}
_YOU = re.compile(r"\b(?:you|your|usted|su|sus)\b")
_OFFER = re.compile(r"\b(?:we|[a-z]+ (?:is|are)) (?:are |have |has )?(?:\w+ ){0,2}(?:offer|provid|arrang)")


def entity_actions(reading: Reading) -> Judgement:
    parts: dict[str, Unit | None] = {"investigate": None, "mitigate": None, "prevent": None}
    patterns = {"investigate": INVESTIGATE, "mitigate": MITIGATE, "prevent": PREVENT}
    for unit in ordered(reading, "entity_actions", reading.units):
        if unit.shape == "line":
            continue
        to_reader = TO_READER.search(unit.folded) and not ENTITY_VOICE.search(unit.folded.split(",")[0])
        if to_reader and "entity_actions" in (unit.cue, unit.tagged) and not _YOU.search(unit.folded):
            to_reader = False  # "Changed every password" under "What We Are Doing" is the entity's, not a step
        if to_reader and not _OFFER.search(unit.folded):
            continue
        for part, pattern in patterns.items():
            if parts[part] is None and pattern.search(unit.folded):
                parts[part] = unit
        if parts["prevent"] is None and PREVENT_INTENT.search(unit.folded) and not VAGUE_PREVENT.search(unit.folded):
            parts["prevent"] = unit
    if reading.facts is not None:
        text = reading.facts_text("entity_actions")
        local = reading.facts.text(reading.notice.locale)
        for part, fact in (("investigate", local.investigation), ("mitigate", local.mitigation),
                           ("prevent", local.prevention)):
            if parts[part] is None and contains(text, fact):
                parts[part] = next((u for u in reading.units if u.tagged == "entity_actions"), None) or reading.units[0]
    found = [u for u in parts.values() if u is not None]
    missing = [p for p, u in parts.items() if u is None]
    if not missing:
        return Judgement("present", "says how the entity investigates, mitigates harm and protects against further "
                                    "breaches", quoted(found))
    if not found and not reading.region("entity_actions"):
        return nothing_found("entity_actions")
    return Judgement("incomplete", "does not say " + "; ".join(_PART_NAMES[m] for m in missing),
                     quoted(found or reading.region("entity_actions")))


# ------------------------------------------------------------------ 164.410(c)(1): who was affected

def individuals_identified(reading: Reading) -> Judgement:
    region = reading.region("individuals_identified")
    if any(u.shape in ("item", "cell") for u in region):
        return Judgement("present", "lists the individuals", quoted(region))
    text = " ".join(u.folded for u in (region or reading.units))
    if re.search(r"\d", text) and re.search(r"roster|enclosed|attached|list|lista|adjunt", text):
        hits = [u for u in (region or reading.units) if re.search(r"roster|enclosed|attached|lista|adjunt", u.folded)]
        return Judgement("present", "identifies the individuals in an enclosed roster", quoted(hits))
    if region:
        return Judgement("incomplete", "neither lists the individuals nor encloses a roster of them", quoted(region))
    return nothing_found("individuals_identified")
