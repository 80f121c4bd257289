"""The content checker: CheckReport, and default_checks(), the list of every required element with its citation.

check() inspects the Notice model, so one check covers every output format, and it runs the same on a
notice read back from DOCX, HTML, Markdown or plain text (a letter counsel edited, or one drafted by hand).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from .. import i18n
from ..facts import Facts
from ..kinds import ELEMENTS, KINDS, element_for_heading
from ..model import Heading, Notice, Section, Table, BulletList, block_text, notice_text, section_text
from ..readability import readability


@dataclass(frozen=True)
class ElementResult:
    element: str
    status: str  # present | missing | incomplete
    citation: str
    detail: str
    where: str | None = None


@dataclass(frozen=True)
class CheckReport:
    kind: str
    locale: str
    elements: tuple[ElementResult, ...]
    readability: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    """Failures outside the element sections (with facts: the entity's name must appear)."""

    @property
    def ok(self) -> bool:
        return all(r.status == "present" for r in self.elements) and not self.problems

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "locale": self.locale,
            "ok": self.ok,
            "elements": [
                {"element": r.element, "status": r.status, "citation": r.citation, "detail": r.detail,
                 "where": r.where}
                for r in self.elements
            ],
            "problems": list(self.problems),
            "readability": self.readability,
            "warnings": list(self.warnings),
        }

    def to_table(self) -> str:
        rows = [("element", "status", "citation", "detail")]
        rows += [(r.element, r.status.upper() if r.status != "present" else r.status, r.citation, r.detail)
                 for r in self.elements]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = [f"{self.kind} notice, {self.locale}: {'ok' if self.ok else 'MISSING REQUIRED CONTENT'}"]
        for row in rows:
            lines.append("  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row)))
        if self.readability:
            r = self.readability
            lines.append(f"plain language (164.404(c)(2)): {r.get('measure')} {r.get('score')} — {r.get('verdict')}")
        lines += [f"problem: {p}" for p in self.problems]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


@dataclass(frozen=True)
class Found:
    """What a check looks at: the element's section (or None), the whole notice, and the facts if given."""

    section: Section | None
    notice: Notice
    facts: Facts | None
    untranslated: tuple[str, ...]


CheckFn = Callable[[Found], tuple[str, str]]


@dataclass(frozen=True)
class Check:
    element: str
    test: CheckFn

    @property
    def citation(self) -> str:
        return ELEMENTS[self.element].citation


# ------------------------------------------------------------------ text helpers

def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


def _has(haystack: str, needle: str) -> bool:
    return _fold(needle) in _fold(haystack)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b")
_TOLL_FREE = re.compile(r"\b1?[\s.-]?\(?8(00|33|44|55|66|77|88)\)?[\s.-]?\d{3}[\s.-]?\d{4}\b")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I)
_URL = re.compile(r"\b(https?://|www\.)\S+", re.I)
_ZIP = re.compile(r"\b[A-Z]{2}\s+\d{5}(-\d{4})?\b")

_PARTS = {
    "investigate": ("investigat", "forensic", "review", "investig"),
    "mitigate": ("mitigat", "limit", "contain", "stopp", "disconnect", "secured", "reset", "shut", "mitig",
                 "limitar", "desconect", "detuv"),
    "prevent": ("prevent", "further", "future", "again", "safeguard", "improv", "prevenir", "evitar",
                "nuevo", "de nuevo", "agreg"),
}


def _untranslated(found: Found) -> tuple[str, str] | None:
    if found.untranslated:
        shown = ", ".join(repr(m) for m in found.untranslated[:3])
        more = f" and {len(found.untranslated) - 3} more" if len(found.untranslated) > 3 else ""
        return ("incomplete",
                f"{len(found.untranslated)} string(s) have no {found.notice.locale} translation: {shown}{more}")
    return None


# ------------------------------------------------------------------ one function per element

def what_happened(found: Found) -> tuple[str, str]:
    text = section_text(found.section)
    if found.facts is not None:
        missing = []
        discovered = found.facts.breach.discovered_on
        if found.notice.kind == "business_associate" and found.facts.business_associate:
            discovered = found.facts.business_associate.discovered_on  # the BA's own discovery, 164.410(a)(2)
        dates = [("date of the breach", found.facts.breach.started_on), ("date of discovery", discovered)]
        for label, value in dates:
            shown = i18n.format_date(value, found.notice.locale)
            if not _has(text, shown):
                missing.append(f"the {label} ({shown})")
        if missing:
            return "incomplete", f"does not give {' or '.join(missing)}"
        return "present", "describes what happened with the dates of the breach and of its discovery"
    if len(_YEAR.findall(text)) < 1:
        return "incomplete", "gives no date of the breach or of its discovery"
    return "present", "describes what happened, with dates"


def phi_involved(found: Found) -> tuple[str, str]:
    text = section_text(found.section)
    if found.facts is not None:
        labels = [i18n.phi_label(t, found.notice.locale) for t in found.facts.breach.phi if t != "other"]
        absent = [label for label in labels
                  if not any(_has(text, form) for form in (label, re.sub(r"\s*\([^)]*\)", "", label)))]
        if absent:
            return "incomplete", f"does not name: {', '.join(absent)}"
        return "present", f"names all {len(labels)} types of information"
    if len(text.split()) < 4:
        return "incomplete", "does not describe the types of information involved"
    return "present", "describes the types of information involved"


def individual_steps(found: Found) -> tuple[str, str]:
    blocks = found.section.blocks
    body = [b for b in blocks if not isinstance(b, Heading)]
    if not body or len(" ".join(block_text(b) for b in body).split()) < 5:
        return "incomplete", "gives no steps people can take"
    return "present", "gives steps people can take"


def entity_actions(found: Found) -> tuple[str, str]:
    text = section_text(found.section)
    missing = []
    if found.facts is not None:
        local = found.facts.text(found.notice.locale)
        for part, fact in (("investigate", local.investigation), ("mitigate", local.mitigation),
                           ("prevent", local.prevention)):
            if not _has(text, fact) and not any(k in _fold(text) for k in _PARTS[part]):
                missing.append(part)
    else:
        missing = [p for p, keys in _PARTS.items() if not any(k in _fold(text) for k in keys)]
    if missing:
        names = {"investigate": "how it is investigating", "mitigate": "how it is mitigating harm",
                 "prevent": "how it protects against further breaches"}
        return "incomplete", "does not say " + "; ".join(names[m] for m in missing)
    return "present", "says how the entity investigates, mitigates harm and prevents further breaches"


def contact(found: Found) -> tuple[str, str]:
    text = section_text(found.section)
    if found.facts is not None:
        c = found.facts.contact
        channels = [("toll-free number", c.toll_free), ("email address", c.email), ("website", c.website),
                    ("postal address", c.postal_address)]
        shown = [label for label, value in channels if value and (
            _digits(value) in _digits(text) if label == "toll-free number" else _has(text, value))]
        if not shown:
            return "incomplete", "gives none of the facts' contact channels (toll-free number, email, website, postal address)"
        return "present", "gives " + ", ".join(shown)
    if _TOLL_FREE.search(text) or _EMAIL.search(text) or _URL.search(text) or _ZIP.search(text):
        return "present", "gives a way to ask questions"
    return "incomplete", "gives no toll-free number, email address, website or postal address"


def toll_free(found: Found) -> tuple[str, str]:
    text = section_text(found.section)
    if found.facts is not None and found.facts.contact.toll_free:
        if _digits(found.facts.contact.toll_free) not in _digits(text):
            return "incomplete", f"does not give the toll-free number {found.facts.contact.toll_free}"
        return "present", f"gives the toll-free number {found.facts.contact.toll_free}"
    if not _TOLL_FREE.search(text):
        return "incomplete", "gives no toll-free number"
    return "present", "gives a toll-free number"


def individuals_identified(found: Found) -> tuple[str, str]:
    section = found.section
    if any(isinstance(b, (Table, BulletList)) for b in section.blocks):
        return "present", "lists the individuals"
    text = section_text(section)
    if re.search(r"\d", text) and re.search(r"roster|enclosed|attached|list|lista|adjunt", text, re.I):
        return "present", "identifies the individuals in an enclosed roster"
    return "incomplete", "neither lists the individuals nor encloses a roster of them"


def default_checks() -> list[Check]:
    """Every required element and the function that confirms it, in the order notices present them."""
    return [
        Check("what_happened", what_happened),            # 164.404(c)(1)(A)
        Check("phi_involved", phi_involved),              # 164.404(c)(1)(B)
        Check("individual_steps", individual_steps),      # 164.404(c)(1)(C)
        Check("entity_actions", entity_actions),          # 164.404(c)(1)(D)
        Check("contact", contact),                        # 164.404(c)(1)(E)
        Check("toll_free", toll_free),                    # 164.404(d)(2)(ii)(B)
        Check("individuals_identified", individuals_identified),  # 164.410(c)(1)
    ]


# ------------------------------------------------------------------ the checker

def _locate(notice: Notice, element: str) -> tuple[Section | None, str | None]:
    for index, section in enumerate(notice.sections):
        if section.element == element:
            return section, _where(section, index)
    for index, section in enumerate(notice.sections):  # untagged: by its heading's wording
        if section.element is None:
            heading = next((b for b in section.blocks if isinstance(b, Heading)), None)
            if heading is not None and element_for_heading(block_text(heading)) == element:
                return section, _where(section, index)
    return None, None


def _where(section: Section, index: int) -> str:
    heading = next((b for b in section.blocks if isinstance(b, Heading)), None)
    title = f' "{block_text(heading)}"' if heading else ""
    return f"section {index + 1}{title}"


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
    results = []
    for item in checks or default_checks():
        if item.element not in required:
            continue
        section, where = _locate(notice, item.element)
        if section is None:
            results.append(ElementResult(item.element, "missing", item.citation,
                                         f"no section gives {ELEMENTS[item.element].requirement}"))
            continue
        misses = tuple(m for e, m in untranslated if e == item.element)
        found = Found(section, notice, facts, misses)
        status, detail = _untranslated(found) or item.test(found)
        results.append(ElementResult(item.element, status, item.citation, detail, where))
    warnings, problems = [], []
    if facts is not None:
        names = {facts.covered_entity.name}
        if kind == "business_associate" and facts.business_associate:
            names.add(facts.business_associate.name)
        if not any(_has(notice_text(notice), n) for n in names):
            problems.append(f"the entity's name ({facts.covered_entity.name}) does not appear anywhere in the notice")
    stray = [m for e, m in untranslated if e is None or e not in required]
    if stray:
        warnings.append(f"{len(stray)} string(s) outside the required elements have no {notice.locale} "
                        f"translation: {', '.join(repr(m) for m in stray[:3])}")
    score = readability(notice_text(notice), notice.locale)
    if score.get("verdict") == "hard":
        warnings.append(f"plain language (164.404(c)(2)): {score['measure']} {score['score']} reads as hard")
    return CheckReport(kind, notice.locale, tuple(results), score, tuple(warnings), tuple(problems))
