"""What a reader must find in a notice (key facts from its facts file) and must not (leftover markup)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date

TODAY = dt.date(2026, 11, 26)
"""The 'today' the samples are validated against, so their dates are never 'in the future'."""


@dataclass(frozen=True)
class KeyFact:
    label: str
    """What the fact is, for the failure message: 'toll-free number'."""
    text: str
    """The words a reader must find, as the notice prints them: '1-833-555-0147'."""

    def __str__(self) -> str:
        return f"{self.label} {self.text!r}"


@lru_cache(maxsize=None)
def load(facts_path: Path):
    """The facts of a sample, validated as of TODAY (read once per session)."""
    from noticegen.facts import load_facts

    return load_facts(facts_path, today=TODAY)


def phi_label(term: str, locale: str, facts) -> str:
    """The PHI label a notice prints for ``term`` in ``locale`` (for 'other', phi_other in that locale)."""
    if term == "other" and facts.text(locale).phi_other:
        return facts.text(locale).phi_other
    from noticegen import i18n

    return i18n.phi_label(term, locale)


def key_facts(facts, *, locale: str, elements: tuple[str, ...]) -> list[KeyFact]:
    """The facts a notice with ``elements`` must carry: entity name, dates as printed, toll-free, PHI types.

    what_happened brings the start and discovery dates (164.404(c)(1)(A)); phi_involved each PHI
    type (B); contact and toll_free the toll-free number when the facts give one (E, (d)(2)(ii)(B)).
    """
    found = [KeyFact("entity name", facts.covered_entity.name)]
    if "what_happened" in elements:
        found.append(KeyFact("breach start date", format_date(facts.breach.started_on, format="long", locale=locale)))
        found.append(KeyFact("discovery date", format_date(facts.breach.discovered_on, format="long", locale=locale)))
    if ("contact" in elements or "toll_free" in elements) and facts.contact.toll_free:
        found.append(KeyFact("toll-free number", facts.contact.toll_free))
    if "phi_involved" in elements:
        found += [KeyFact("PHI type", phi_label(term, locale, facts)) for term in facts.breach.phi]
    return found


_SPACES = re.compile(r"\s+")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
                         "\u2019": "'", "\u2018": "'", "\u00ad": None, "\u200b": None})


def normalise(text: str) -> str:
    """Case, compatibility forms (ligatures, no-break spaces), dashes, quotes and line wrapping folded away."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).casefold()
    text = _SPACES.sub(" ", text)
    return text.replace("- ", "-")  # a number or word wrapped at its hyphen


def missing_facts(text: str, expected: list[KeyFact]) -> list[str]:
    """The expected facts that ``text`` lacks, each as "label 'text'"; [] when all are there."""
    seen = normalise(text)
    return [str(fact) for fact in expected if normalise(fact.text) not in seen]


_MARKUP = {
    "<!--": "an HTML comment", "<!\u2013": "an HTML comment", "-->": "an HTML comment",
    "**": "Markdown bold markers", "](": "a Markdown link",
    "{{": "a template placeholder", "}}": "a template placeholder", "{%": "a template tag",
}
_HEADING_MARK = re.compile(r"(?:^|\s)(#{1,6}) \S")


def leaked_markup(text: str) -> list[str]:
    """Markup a reader should never see printed (Markdown, HTML comments, Jinja), each as 'what: token'."""
    found = [f"{what}: {token!r}" for token, what in _MARKUP.items() if token in text]
    heading = _HEADING_MARK.search(text)
    if heading:
        found.append(f"a Markdown heading: {heading.group(1) + ' '!r}")
    return found
