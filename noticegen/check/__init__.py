"""The content checker: CheckReport, and default_checks(), the list of every required element with its citation.

check() reads any notice, ours or the world's: the notice is split into sentences, items and lines
(units.py), each judge (elements.py) decides from the words which sentences serve its element and whether
they give what the rule asks for, and the report quotes the evidence. Headings are evidence, never a
requirement; with facts, the facts sharpen the same judges. It runs the same on a notice built by
noticegen and on one read back from DOCX, HTML, Markdown, text, PDF or email.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..facts import Facts
from ..kinds import ELEMENTS, KINDS
from ..lang.catalogs import LOCALES
from ..lang.review import translation_review
from ..lang.sources import stale
from ..model import Notice, notice_text
from ..readability import readability
from .dates import notice_year
from .contact import contact, toll_free
from .elements import entity_actions, individual_steps, individuals_identified, phi_involved, what_happened
from .reading import Evidence, Judgement, Reading
from .units import units
from .vocab import fold

__all__ = ["Check", "CheckReport", "ElementResult", "Evidence", "check", "default_checks"]


@dataclass(frozen=True)
class ElementResult:
    element: str
    status: str  # present | missing | incomplete
    citation: str
    detail: str
    where: str | None = None
    evidence: tuple[Evidence, ...] = ()
    """The sentences the judgement relied on, shortened, each with where it is."""
    dates: dict | None = field(default=None, compare=False)
    """what_happened only: the date found for each role ({"breach": ..., "discovery": ...})."""

    def to_json(self) -> dict:
        out = {"element": self.element, "status": self.status, "citation": self.citation, "detail": self.detail,
               "where": self.where, "evidence": [{"text": e.text, "where": e.where} for e in self.evidence]}
        if self.dates is not None:
            out["dates"] = dict(self.dates)
        return out


@dataclass(frozen=True)
class CheckReport:
    kind: str
    locale: str
    elements: tuple[ElementResult, ...]
    readability: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    """Failures outside the element sections (with facts: the entity's name must appear)."""
    translation_review: dict | None = None
    """The review status of the notice's translation (lang.review.TranslationReview.to_json): its catalog and,
    with facts, the facts' translation; None for a locale noticegen has no catalog for."""

    @property
    def ok(self) -> bool:
        return all(r.status == "present" for r in self.elements) and not self.problems

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "locale": self.locale,
            "ok": self.ok,
            "elements": [r.to_json() for r in self.elements],
            "problems": list(self.problems),
            "readability": self.readability,
            "warnings": list(self.warnings),
            "translation_review": self.translation_review,
        }

    def to_table(self, *, evidence: bool = True) -> str:
        rows = [("element", "status", "citation", "detail")]
        rows += [(r.element, r.status.upper() if r.status != "present" else r.status, r.citation, r.detail)
                 for r in self.elements]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = [f"{self.kind} notice, {self.locale}: {'ok' if self.ok else 'MISSING REQUIRED CONTENT'}"]
        for index, row in enumerate(rows):
            lines.append("  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row)))
            if evidence and index:
                result = self.elements[index - 1]
                for item in result.evidence:
                    lines.append(f"{'':{widths[0]}}  \u201c{item.text}\u201d ({item.where})")
        if self.readability:
            r = self.readability
            lines.append(f"plain language (164.404(c)(2)): {r.get('measure') or 'no measure for this language'}"
                         + (f" {r.get('score')} \u2014 {r.get('verdict')}" if r.get("measure") else ""))
        lines += [f"problem: {p}" for p in self.problems]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


CheckFn = Callable[[Reading], Judgement]


@dataclass(frozen=True)
class Check:
    element: str
    test: CheckFn

    @property
    def citation(self) -> str:
        return ELEMENTS[self.element].citation


def default_checks() -> list[Check]:
    """Every required element and the judge that confirms it, in the order notices present them."""
    return [
        Check("what_happened", what_happened),            # 164.404(c)(1)(A): what happened, breach and discovery dates
        Check("phi_involved", phi_involved),              # 164.404(c)(1)(B): the types of PHI
        Check("individual_steps", individual_steps),      # 164.404(c)(1)(C): steps people should take
        Check("entity_actions", entity_actions),          # 164.404(c)(1)(D): investigate, mitigate, protect
        Check("contact", contact),                        # 164.404(c)(1)(E): the entity's own contact channels
        Check("toll_free", toll_free),                    # 164.404(d)(2)(ii)(B): the entity's toll-free line
        Check("individuals_identified", individuals_identified),  # 164.410(c)(1)
    ]


def _untranslated(reading: Reading, misses: tuple[str, ...]) -> Judgement | None:
    if misses:
        shown = ", ".join(repr(m) for m in misses[:3])
        more = f" and {len(misses) - 3} more" if len(misses) > 3 else ""
        return Judgement("incomplete", f"{len(misses)} string(s) have no {reading.notice.locale} translation: {shown}{more}")
    return None


def check(
    notice: Notice,
    facts: Facts | None = None,
    *,
    kind: str | None = None,
    untranslated: tuple[tuple[str | None, str], ...] = (),
    checks: list[Check] | None = None,
) -> CheckReport:
    """Check ``notice`` against the required elements of its kind (or ``kind``), with facts if given.

    ``untranslated`` lists (element, msgid) pairs the build could not translate; an element with any is
    incomplete, so no English slips into a notice in another language.
    """
    kind = kind or notice.kind
    if kind not in KINDS:
        raise ValueError(f"unknown notice kind {kind!r}; one of: {', '.join(KINDS)}")
    required = KINDS[kind].elements
    text = notice_text(notice)
    language = "es" if (notice.locale or "").startswith("es") else "en"
    reading = Reading(notice, tuple(units(notice)), language, notice_year(text, language), facts)
    results = []
    for item in checks or default_checks():
        if item.element not in required:
            continue
        misses = tuple(m for e, m in untranslated if e == item.element)
        judged = _untranslated(reading, misses) or item.test(reading)
        where = judged.evidence[0].where if judged.evidence else None
        results.append(ElementResult(item.element, judged.status, item.citation, judged.detail, where,
                                     judged.evidence, judged.dates))
    warnings, problems = [], []
    if facts is not None:
        names = {facts.covered_entity.name}
        if kind == "business_associate" and facts.business_associate:
            names.add(facts.business_associate.name)
        if not any(fold(n) in fold(text) for n in names):
            problems.append(f"the entity's name ({facts.covered_entity.name}) does not appear anywhere in the notice")
    stray = [m for e, m in untranslated if e is None or e not in required]
    if stray:
        warnings.append(f"{len(stray)} string(s) outside the required elements have no {notice.locale} "
                        f"translation: {', '.join(repr(m) for m in stray[:3])}")
    score = readability(text, notice.locale)
    if score.get("verdict") == "hard":
        warnings.append(f"plain language (164.404(c)(2)): {score['measure']} {score['score']} reads as hard")
    review = None
    if notice.locale in LOCALES:
        reviewed = translation_review(notice.locale, facts)
        review = reviewed.to_json()
        if not reviewed.reviewed:
            warnings.append(f"translation not reviewed: {'; '.join(reviewed.reasons())}; a draft until a qualified "
                            "translator reviews it (README, Languages)")
        if facts is not None:
            warnings += [f"{'.'.join(path)}: {message}" for path, message in stale(facts, notice.locale)]
    return CheckReport(kind, notice.locale, tuple(results), score, tuple(warnings), tuple(problems), review)
