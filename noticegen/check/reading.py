"""What every judge reads and returns: the Reading of a notice, a Judgement with its Evidence, and what each
judge looked for when it found nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..facts import Facts
from ..kinds import ELEMENTS
from ..model import Notice
from .dates import DateMention, find_dates
from .units import Unit, shorten
from .vocab import fold


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


def quoted(units, limit: int = 3) -> tuple[Evidence, ...]:
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


def nothing_found(element: str, dates: dict | None = None) -> Judgement:
    return Judgement("missing", f"nothing gives {ELEMENTS[element].requirement} (looked for {LOOKED_FOR[element]})",
                     (), dates)


def contains(haystack: str, needle: str) -> bool:
    return fold(needle) in fold(haystack)


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def ordered(reading: Reading, element: str, units) -> list[Unit]:
    """Units under the element's own heading first, then the rest, each in reading order."""
    units = list(units)
    return [u for u in units if element in (u.cue, u.tagged)] + [u for u in units if element not in (u.cue, u.tagged)]
