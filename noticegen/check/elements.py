"""One judge per required element: what the rule asks for, found in the notice's sentences, with the evidence quoted.

Each judge reads a ``Reading`` (the notice's units, its language and year, the facts if given) and returns a
``Judgement``. Without facts the words decide; with facts the facts sharpen the same judges (their dates,
PHI types and contact channels must appear) and the finder's evidence is still quoted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .. import lang, phi
from ..facts import Facts
from ..kinds import ELEMENTS
from ..model import Notice
from .dates import DateMention, find_dates, relative_shift
from .units import Unit, shorten
from .vocab import (
    CONTACT_CUE, ENTITY_VOICE, INCIDENT, INVESTIGATE, INVOLVED, MITIGATE, NEGATED, PHI_TYPES, PREVENT, PREVENT_INTENT, STEP_POINTER,
    STEPS, THIRD_PARTY, THIRD_PARTY_DOMAINS, THIRD_PARTY_NUMBERS, TO_READER, UNKNOWN_DATE, VAGUE_PHI, VAGUE_PREVENT, fold,
)


@dataclass(frozen=True)
class Evidence:
    text: str
    where: str


@dataclass(frozen=True)
class Judgement:
    status: str  # present | incomplete | missing
    detail: str
    evidence: tuple[Evidence, ...] = ()
    dates: dict | None = field(default=None, compare=False)
    """what_happened only: {"breach": ISO date or range, "discovery": ISO date}, None where not found."""


@dataclass(frozen=True)
class Reading:
    """What every judge reads: the notice, its units, its language and year, and the facts if given."""

    notice: Notice
    units: tuple[Unit, ...]
    language: str
    year: int | None
    facts: Facts | None
    untranslated: tuple[str, ...] = ()
    _dates: dict = field(default_factory=dict, compare=False, repr=False)

    def region(self, element: str) -> tuple[Unit, ...]:
        """The units the notice itself assigns to ``element`` (a tagged section), else those under its heading."""
        tagged = tuple(u for u in self.units if u.tagged == element)
        return tagged or tuple(u for u in self.units if u.cue == element)

    @property
    def vocabulary(self) -> bool:
        """Whether the checker has word lists for the notice's language (English, Spanish)."""
        return (self.notice.locale or "en").split("_")[0] in ("en", "es", "und")

    def dates(self, unit: Unit) -> tuple[DateMention, ...]:
        """The dates of one unit with their roles, found once per unit."""
        found = self._dates.get(id(unit))
        if found is None:
            found = self._dates[id(unit)] = tuple(find_dates(unit.text, year=self.year, language=self.language))
        return found

    def facts_text(self, element: str) -> str:
        """With facts: the text the facts must appear in: the tagged section, or the whole notice."""
        tagged = [u.text for u in self.units if u.tagged == element]
        return "\n".join(tagged or [u.text for u in self.units])


def _evidence(units, limit: int = 3) -> tuple[Evidence, ...]:
    seen, out = set(), []
    for u in units:
        if u.text not in seen:
            seen.add(u.text)
            out.append(Evidence(shorten(u.text), u.where))
        if len(out) == limit:
            break
    return tuple(out)


LOOKED_FOR = {
    "what_happened": "an incident (unauthorized access, theft, loss, a misdirected mailing ...) with the date it "
                     "happened and the date it was discovered",
    "phi_involved": "names, addresses, dates of birth, SSNs, record or member numbers, diagnoses, treatment, claims ...",
    "individual_steps": "review statements and EOBs, monitor credit, fraud alert or freeze, enrol in the monitoring "
                        "offered, change passwords ...",
    "entity_actions": "an investigation, a forensic firm or law enforcement; securing, containing, monitoring offered; "
                      "safeguards, training, MFA, encryption",
    "contact": "the entity's own phone number, email address, website or postal address",
    "toll_free": "the entity's own toll-free number (800, 833, 844, 855, 866, 877, 888)",
    "individuals_identified": "a list or an enclosed roster of the individuals",
}
"""What each judge looks for, said when it finds nothing."""


def _missing(element: str, dates: dict | None = None) -> Judgement:
    return Judgement("missing", f"nothing gives {ELEMENTS[element].requirement} (looked for {LOOKED_FOR[element]})",
                     (), dates)


def _has(haystack: str, needle: str) -> bool:
    return fold(needle) in fold(haystack)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _ordered(reading: Reading, element: str, units) -> list[Unit]:
    """Units under the element's own heading first, then the rest, each in reading order."""
    units = list(units)
    return [u for u in units if element in (u.cue, u.tagged)] + [u for u in units if element not in (u.cue, u.tagged)]


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
    for unit in _ordered(reading, "what_happened", reading.units):
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
    for unit in _ordered(reading, "what_happened", reading.units):
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
    described = [u for u in _ordered(reading, "what_happened", reading.units)
                 if u.shape != "line" and ("what_happened" in (u.cue, u.tagged) or INCIDENT.search(u.folded))]
    dates = {role: (_iso(pair[1]) if pair else None) for role, pair in dated.items()}
    evidence = _evidence([pair[0] for pair in dated.values() if pair] + described[:1])
    if reading.facts is not None:
        return _what_happened_with_facts(reading, dated, dates, evidence)
    missing = [role for role in ("breach", "discovery") if dated[role] is None and not (role == "breach" and unknown)]
    if not missing and described:
        return Judgement("present", f"describes what happened: breach {dates['breach'] or 'date not known (said so)'}, "
                                    f"discovered {dates['discovery']}", evidence, dates)
    if not described and not any(dated.values()) and not any(vague.values()):
        return _missing("what_happened", dates)
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
        if not (_has(text, shown) or said):
            missing.append(f"the {label} ({shown})")
    if missing and not evidence and not reading.region("what_happened"):
        return _missing("what_happened", dates)
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
    for unit in _ordered(reading, "phi_involved", reading.units):
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
                         _evidence(named.values()))
    if vague or region:
        said = f" (only \"{shorten(vague[0].text, 80)}\")" if vague else ""
        return Judgement("incomplete", f"names no concrete type of information{said}; looked for names, addresses, "
                                       "dates of birth, SSNs, record or member numbers, diagnoses, treatment ...",
                         _evidence(vague or region))
    return _missing("phi_involved")


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
        if not (any(_has(text, form) for form in forms) or term in named or PHI_TYPES[term].search(folded)):
            absent.append(label)
    count = len([t for t in reading.facts.breach.phi if t != "other"])
    evidence = _evidence(named.values())
    if absent and not evidence and not reading.region("phi_involved"):
        return _missing("phi_involved")
    if absent:
        return Judgement("incomplete", f"does not name: {', '.join(absent)}", evidence)
    return Judgement("present", f"names all {count} types of information", evidence)


# ------------------------------------------------------------------ (C) steps individuals should take

def individual_steps(reading: Reading) -> Judgement:
    region = reading.region("individual_steps")
    steps = [u for u in _ordered(reading, "individual_steps", reading.units)
             if u.shape != "line" and STEPS.search(u.folded)
             and (TO_READER.search(u.folded) or "individual_steps" in (u.cue, u.tagged)
                  or (u.shape == "item" and u.cue in (None, "individual_steps", "contact")))]
    if reading.facts is not None and not steps:
        text = reading.facts_text("individual_steps")
        given = [s for s in reading.facts.text(reading.notice.locale).individual_steps if _has(text, s)]
        if given:
            return Judgement("present", f"gives {len(given)} of the facts' steps", _evidence(region))
    if steps:
        return Judgement("present", f"gives {len(steps)} concrete step(s) people can take", _evidence(steps))
    tagged = [u for u in region if u.tagged == "individual_steps"]
    if reading.facts is not None and not reading.vocabulary and len(tagged) >= 2:
        return Judgement("present", f"gives the steps in the section the notice tags (no step vocabulary for "
                                    f"{reading.notice.locale}: judged by the tag, the facts and the catalog)",
                         _evidence(tagged))
    pointer = [u for u in reading.units if STEP_POINTER.search(u.folded)]
    if region or pointer:
        return Judgement("incomplete", "gives no concrete step (looked for: review statements and EOBs, monitor credit, "
                                       "fraud alert or freeze, enrol in the monitoring offered, change passwords ...)",
                         _evidence(list(region) + pointer))
    return _missing("individual_steps")


# ------------------------------------------------------------------ (D) investigate, mitigate, protect

_PART_NAMES = {"investigate": "how it is investigating", "mitigate": "how it is mitigating harm",
               "prevent": "how it protects against further breaches"}
_YOU = re.compile(r"\b(?:you|your|usted|su|sus)\b")
_OFFER = re.compile(r"\b(?:we|[a-z]+ (?:is|are)) (?:are |have |has )?(?:\w+ ){0,2}(?:offer|provid|arrang)")


def entity_actions(reading: Reading) -> Judgement:
    parts: dict[str, Unit | None] = {"investigate": None, "mitigate": None, "prevent": None}
    patterns = {"investigate": INVESTIGATE, "mitigate": MITIGATE, "prevent": PREVENT}
    for unit in _ordered(reading, "entity_actions", reading.units):
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
            if parts[part] is None and _has(text, fact):
                parts[part] = next((u for u in reading.units if u.tagged == "entity_actions"), None) or reading.units[0]
    found = [u for u in parts.values() if u is not None]
    missing = [p for p, u in parts.items() if u is None]
    if not missing:
        return Judgement("present", "says how the entity investigates, mitigates harm and protects against further "
                                    "breaches", _evidence(found))
    if not found and not reading.region("entity_actions"):
        return _missing("entity_actions")
    return Judgement("incomplete", "does not say " + "; ".join(_PART_NAMES[m] for m in missing),
                     _evidence(found or reading.region("entity_actions")))


# ------------------------------------------------------------------ (E) contact, and the toll-free line

_PHONE = re.compile(r"(?<![\d-])(?:\+?1[\s.\u2011-]?)?\(?([2-9]\d{2})\)?[\s.\u2011-]?(\d{3})[\s.\u2011-]?(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email(?:&#160;|\s)?protected\]", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|us|health|info)\b(?:/[^\s<>()\"]*)?", re.I)
_POSTAL = re.compile(r"\b(?:\d{1,6}\s+[\w.' ]{2,40}?|p\.?\s?o\.?\s+box\s+\d+).{0,80}?\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b", re.I | re.S)
_TOLL_FREE_AREA = {"800", "833", "844", "855", "866", "877", "888"}


@dataclass(frozen=True)
class Channel:
    kind: str  # phone | email | website | postal address
    value: str
    unit: Unit
    third_party: bool

    @property
    def toll_free(self) -> bool:
        return self.kind == "phone" and _digits(self.value)[-10:][:3] in _TOLL_FREE_AREA


def _third_party_before(unit: Unit, start: int) -> bool:
    window = unit.folded[max(0, start - 120):start]
    last = None
    for match in THIRD_PARTY.finditer(window):
        last = match
    if last is None:
        return False
    between = window[last.end():]
    return not re.search(r"\b(?:we|us|our|call cent|help ?line|hotline|toll[- ]free)\b", between)


def channels(reading: Reading) -> list[Channel]:
    """Every phone number, email address, website and postal address, with whose it is."""
    blocks_of_third_parties = {u.block for u in reading.units if u.shape in ("line", "item", "cell", "sentence")
                               and THIRD_PARTY.match(u.folded) and len(u.folded) < 60}
    out: list[Channel] = []
    for unit in reading.units:
        block_is_third = unit.block in blocks_of_third_parties and unit.shape in ("line", "sentence", "item")
        for match in _PHONE.finditer(unit.text):
            digits = "".join(match.groups())
            third = (digits in THIRD_PARTY_NUMBERS or _third_party_before(unit, len(fold(unit.text[:match.start()])))
                     or (block_is_third and not CONTACT_CUE.search(unit.folded)))
            out.append(Channel("phone", match.group(0).strip(), unit, third))
        for match in _EMAIL.finditer(unit.text):
            out.append(Channel("email", match.group(0), unit, _third_party_before(unit, match.start()) or block_is_third))
        for match in _URL.finditer(unit.text):
            if "@" in unit.text[max(0, match.start() - 1):match.start()]:
                continue
            value = match.group(0).rstrip(".,;:")
            third = bool(THIRD_PARTY_DOMAINS.search(fold(value).split("?")[0])) or _third_party_before(unit, match.start())
            out.append(Channel("website", value, unit, third or block_is_third))
        if unit.cue == "contact" or CONTACT_CUE.search(unit.folded) or re.search(r"\b(?:write|mail|send)\b", unit.folded):
            for match in _POSTAL.finditer(unit.text):
                out.append(Channel("postal address", match.group(0), unit,
                                   _third_party_before(unit, match.start()) or block_is_third))
    return out


def contact(reading: Reading) -> Judgement:
    if reading.facts is not None:
        return _contact_with_facts(reading)
    found = channels(reading)
    own = [c for c in found if not c.third_party]
    if own:
        kinds = ", ".join(dict.fromkeys(f"{c.kind} {c.value}" for c in own[:3]))
        cued = [c.unit for c in own if CONTACT_CUE.search(c.unit.folded)] or [c.unit for c in own]
        return Judgement("present", f"gives the entity's own contact: {kinds}", _evidence(cued))
    if found:
        return Judgement("incomplete", "gives only third parties' contacts (credit bureaus, the FTC, HHS); no phone, "
                                       "email, website or postal address of the entity", _evidence(c.unit for c in found))
    if reading.region("contact"):
        return Judgement("incomplete", "gives no toll-free number, email address, website or postal address",
                         _evidence(reading.region("contact")))
    return _missing("contact")


def _contact_with_facts(reading: Reading) -> Judgement:
    text = reading.facts_text("contact")
    c = reading.facts.contact
    given = [("toll-free number", c.toll_free), ("email address", c.email), ("website", c.website),
             ("postal address", c.postal_address)]
    shown = [label for label, value in given if value and (
        _digits(value) in _digits(text) if label == "toll-free number" else _has(text, value))]
    units = [u for u in reading.units if any(value and (_has(u.text, value) or (_digits(value) and _digits(value) in _digits(u.text)))
                                            for _, value in given)]
    if not shown and not reading.region("contact"):
        return _missing("contact")
    if not shown:
        return Judgement("incomplete", "gives none of the facts' contact channels (toll-free number, email, website, "
                                       "postal address)", _evidence(reading.region("contact")))
    return Judgement("present", "gives " + ", ".join(shown), _evidence(units))


def toll_free(reading: Reading) -> Judgement:
    if reading.facts is not None and reading.facts.contact.toll_free:
        number = reading.facts.contact.toll_free
        units = [u for u in reading.units if _digits(number) in _digits(u.text)]
        tagged = [u for u in reading.units if u.tagged == "toll_free"]
        if not units and not tagged:
            return _missing("toll_free")
        if tagged and not any(u.tagged == "toll_free" for u in units) or not units:
            return Judgement("incomplete", f"does not give the toll-free number {number}", _evidence(tagged))
        return Judgement("present", f"gives the toll-free number {number}", _evidence(units))
    numbers = [c for c in channels(reading) if c.toll_free]
    own = [c for c in numbers if not c.third_party]
    if own:
        return Judgement("present", f"gives the entity's toll-free number {own[0].value}", _evidence(c.unit for c in own))
    if numbers:
        return Judgement("incomplete", "gives only third parties' toll-free numbers (credit bureaus, the FTC, HHS), not "
                                       "the entity's own line", _evidence(c.unit for c in numbers))
    region = reading.region("toll_free")
    if region:
        return Judgement("incomplete", "gives no toll-free number", _evidence(region))
    return _missing("toll_free")


# ------------------------------------------------------------------ 164.410(c)(1): who was affected

def individuals_identified(reading: Reading) -> Judgement:
    region = reading.region("individuals_identified")
    if any(u.shape in ("item", "cell") for u in region):
        return Judgement("present", "lists the individuals", _evidence(region))
    text = " ".join(u.folded for u in (region or reading.units))
    if re.search(r"\d", text) and re.search(r"roster|enclosed|attached|list|lista|adjunt", text):
        hits = [u for u in (region or reading.units) if re.search(r"roster|enclosed|attached|lista|adjunt", u.folded)]
        return Judgement("present", "identifies the individuals in an enclosed roster", _evidence(hits))
    if region:
        return Judgement("incomplete", "neither lists the individuals nor encloses a roster of them", _evidence(region))
    return _missing("individuals_identified")

