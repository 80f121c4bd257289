"""A notice as the checker reads it: sentences, list items and lines, each with where it is and the heading it sits under.

A heading is evidence, never a requirement: each unit carries the element its nearest heading (or a label
run into the sentence: "What Happened? On ...", "What you can do: We recommend ...", "Q. What happened?")
announces as ``cue``, and the judges decide from the words themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kinds import element_for_heading
from ..model import AddressBlock, BulletList, Heading, Notice, Paragraph, Signature, Table, Tagline, plain
from .vocab import fold


@dataclass(frozen=True)
class Unit:
    text: str
    """The sentence, item or line, without a run-in label."""
    folded: str
    """``text`` folded (vocab.fold) for matching."""
    where: str
    """For people: 'section 2 "What Happened", paragraph 1'."""
    cue: str | None
    """The element the nearest heading or label announces, or None."""
    tagged: str | None
    """The element of the section it sits in, when the notice says so (our own notices, DOCX content controls)."""
    block: int
    """Index of its block in the whole notice: units of one block share it."""
    shape: str
    """sentence | item | cell | line (an address or signature line)."""


_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st ave blvd rd inc co corp ltd llc no nos vs etc "
    "jr sr dept gov mt ft p.o u.s a.m p.m e.g i.e approx ext tel sr sra dra av n.w s.w n.e s.e".split())
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]\u201d\u2019]*\s+(?=[\"'(\[\u201c\u2018¿¡]?[A-Z0-9\u00c0-\u00de])")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LABEL = re.compile(r"^((?:Q[.:]\s*)?[^.:?!]{3,110}?)(?:\?|:|\.|\s[-\u2013\u2014]|\?:)\s+(?=\S)(.+)$", re.S)
_QA = re.compile(r"^(?:[QA][.:)]|Question:|Answer:|P[.:]|R[.:])\s+")


_QUESTION = "question"
"""The cue of an FAQ question that announces no element: it ends the previous heading's reach."""


_MARKER = re.compile(r"^\s*(?:\[\s?[xX✓]?\s?\]|[☐☑☒□■●•◦▪‣✓✔*])\s*")
"""A checkbox or bullet pasted in front of a line ("[ ] Review your bank statements")."""


def sentences(text: str) -> list[str]:
    """Split prose into sentences; line breaks always split; abbreviations ("Jan.", "Inc.", "a.m.") and initials do not."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _MARKER.sub("", line).strip()
        if not line:
            continue
        start = 0
        for match in _BOUNDARY.finditer(line):
            head = line[start:match.start()].rstrip("\"')]\u201d\u2019")
            word = _LAST_WORD.search(head)
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            out.append(line[start:match.start()].strip())
            start = match.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


def _label(sentence: str) -> tuple[str | None, str]:
    """A run-in label and the rest: ("what_happened", "On January 29 ...") for "What Happened? On January 29 ..."."""
    bare = _QA.sub("", sentence).strip()
    if _looks_like_label(bare):
        element = element_for_heading(bare)
        if element:
            return element, ""
        if bare.endswith("?"):
            return _QUESTION, ""  # an FAQ question of its own: what follows answers it, not the previous heading
    match = _LABEL.match(bare)
    if match and len(match.group(1).split()) <= 16:
        element = element_for_heading(match.group(1))
        if element:
            return element, match.group(2).strip()
    return None, sentence


def _looks_like_label(text: str) -> bool:
    """A heading on its own line: short, no digits, ending "?" or ":", in capitals, or a few words unpunctuated."""
    if not text or len(text) > 160 or re.search(r"\d", text) or len(text.split()) > 24:
        return False
    if text.endswith(("?", ":")) or (text.endswith(".") and text.upper() == text):
        return True
    return len(text.split()) <= 10 and text[-1].isalnum() and "(" not in text


def _intro_cue(folded: str) -> str | None:
    """The element a sentence ending in a colon introduces for the list after it."""
    if re.search(r"\b(?:information|data|informacion|datos)\b", folded) and re.search(r"\b(?:involv|includ|affect|access|contain|exposed|involucr|incluy|afect)", folded):
        return "phi_involved"
    if re.search(r"\b(?:you|your|usted|sus?)\b", folded) and re.search(r"\b(?:steps|recommend|encourage|can|should|may|pasos|recomend|puede)\b", folded):
        return "individual_steps"
    if re.search(r"\b(?:we|our|nosotros|hemos)\b", folded):
        return "entity_actions"
    return None


def units(notice: Notice) -> list[Unit]:
    """Every sentence, list item, table cell and address line of ``notice``, in reading order."""
    out: list[Unit] = []
    block_index = 0
    for s_index, section in enumerate(notice.sections):
        cue = section.element
        heading_text = ""
        paragraph = 0
        list_cue: str | None = None
        for block in section.blocks:
            block_index += 1
            if isinstance(block, Heading):
                text = plain(block.children).strip()
                found = element_for_heading(text)
                if block.level > 1 or found:
                    cue = found or (section.element if block.level > 2 else None)
                    heading_text = text
                    paragraph = 0
                list_cue = None
                if re.search(r"\d{3}|@|www\.|https?://", text):  # a line taken for a heading that gives a number or an address
                    label, rest = _label(text)
                    out.append(Unit(rest or text, fold(rest or text), f"section {s_index + 1}", cue, section.element,
                                    block_index, "sentence"))
                continue
            place = f'section {s_index + 1} "{_short(heading_text, 40)}"' if heading_text else f"section {s_index + 1}"
            if isinstance(block, Paragraph):
                paragraph += 1
                list_cue = None
                for sentence in sentences(plain(block.children)):
                    label, rest = _label(sentence)
                    if label:
                        cue = None if label == _QUESTION else label
                        if not rest:
                            heading_text, paragraph = sentence, 0
                            place = f'section {s_index + 1} "{_short(heading_text, 40)}"'
                            continue
                        sentence = rest
                    where = f"{place}, paragraph {paragraph}"
                    folded = fold(sentence)
                    out.append(Unit(sentence, folded, where, cue, section.element, block_index, "sentence"))
                    if sentence.endswith(":"):
                        list_cue = _intro_cue(folded) or cue
            elif isinstance(block, BulletList):
                paragraph += 1
                for number, item in enumerate(block.items, 1):
                    text = plain(item).strip()
                    label, rest = _label(text)
                    if label:
                        cue = None if label == _QUESTION else label
                    item_cue = cue if label else (list_cue or cue)
                    for sentence in sentences(rest or text) if not label or rest else ():
                        out.append(Unit(sentence, fold(sentence), f"{place}, list item {number}", item_cue,
                                        section.element, block_index, "item"))
                list_cue = None
            elif isinstance(block, Table):
                paragraph += 1
                for r_index, row in enumerate((block.header,) + block.rows):
                    text = " | ".join(plain(cell).strip() for cell in row)
                    out.append(Unit(text, fold(text), f"{place}, table row {r_index + 1}", cue, section.element,
                                    block_index, "cell"))
            elif isinstance(block, (AddressBlock, Signature)):
                # a pasted notice often has no blank line under a heading: such a "block" is prose, not an address
                for line in block.lines:
                    text = plain(line).strip()
                    label, rest = _label(text) if text else (None, "")
                    if label:
                        cue = None if label == _QUESTION else label
                        text = rest
                    if not text:
                        continue
                    if len(text.split()) < 8:
                        out.append(Unit(text, fold(text), place, cue, section.element, block_index, "line"))
                        continue
                    paragraph += 1
                    for sentence in sentences(text):
                        out.append(Unit(sentence, fold(sentence), f"{place}, paragraph {paragraph}", cue,
                                        section.element, block_index, "sentence"))
            elif isinstance(block, Tagline):
                continue  # a language-assistance tagline in another language: evidence of no element
            else:
                raise TypeError(f"unknown block node {type(block).__name__}")
    return out


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def shorten(text: str, limit: int = 160) -> str:
    """A sentence shortened for a report: whole words, an ellipsis where cut."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "\u2026"
