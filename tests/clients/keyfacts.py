"""What a reader must find in a notice (key facts from its facts file) and must not (leftover markup)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from noticegen.lang import format_date  # as notices print dates (Babel; ht where CLDR has none)

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
        found.append(KeyFact("breach start date", format_date(facts.breach.started_on, locale)))
        found.append(KeyFact("discovery date", format_date(facts.breach.discovered_on, locale)))
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


_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_NON_LATIN = re.compile(r"[\u0590-\u08ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
"""Hebrew/Arabic and CJK: text extractors move or add spaces there (pdftotext writes '2025 年 2 月 3 日', and
puts an Arabic date's space on the other side of the number), so such facts are compared without spaces."""


def missing_facts(text: str, expected: list[KeyFact]) -> list[str]:
    """The expected facts that ``text`` lacks, each as "label 'text'"; [] when all are there. Bidi control
    characters are ignored; a fact in a right-to-left or CJK script is matched with whitespace ignored."""
    seen = normalise(text.translate(_BIDI_CONTROLS))
    packed = _packed(seen)
    missing = []
    for fact in expected:
        want = normalise(fact.text)
        if want in seen or (_NON_LATIN.search(want) and any(_packed(w) in packed
                                                              for w in (want, _LAM_ALEF.sub(r"\1ل", want)))):
            continue
        missing.append(str(fact))
    return missing


_LAM_ALEF = re.compile("ل([اأإآ])")
"""pdftotext writes an Arabic lam-alef ligature's two letters in visual order (الإجراء comes out اإلجراء):
an Arabic fact is also looked for with each lam-alef pair so swapped."""


def _packed(text: str) -> str:
    """Without spaces or sentence punctuation, which extractors move around numbers in right-to-left text."""
    return re.sub(r"[\s.,،؛:]", "", text)


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
