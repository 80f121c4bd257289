"""Plain-text reader: a letter from pdftotext, a pasted letter, or what noticegen.render.text writes, into a Notice.

Blocks are separated by blank lines (a form feed counts as one). A heading is a line
underlined with "=" (level 1), "-" (level 2) or "~" (level 3), or a short line on its own
(under 80 characters, no final period) whose wording is an element's usual heading
(noticegen.kinds.element_for_heading), upper-case or not. Every level-2 heading opens a
section whose element comes from its wording. Lines starting "- ", "• ", "* " or "1. " are
list items (indented lines continue them); a dash rule under a first line makes a table
whose columns are the rule's dash runs. A block whose line breaks are not explained by
wrapping at 72 columns keeps them: an AddressBlock before the first section, a Signature
when its first line ends with a comma, else a Paragraph with LineBreaks. ``[[name]]`` is a
Field. Links stay text ("text (url)"); Strong and Emphasis are not in plain text.
"""

from __future__ import annotations

import re

from noticegen.kinds import element_for_heading
from noticegen.model import (
    AddressBlock, BulletList, Field, Heading, LineBreak, Meta, Notice, Paragraph, Section, Signature, Table, Text,
    plain,
)
from noticegen.render.text import DRAFT_LINE, UNDERLINES, WIDTH, width
from noticegen.tidy import tidy_block, tidy_notice

_LEVELS = {char: level for level, char in UNDERLINES.items()}
_UNDERLINE = re.compile(r"([=\-~])\1{2,}\Z")
_ITEM = re.compile(r"(?:[-•*]|(\d{1,3})[.)])\s+(.*)\Z")
_RULE = re.compile(r"-+(?:  +-+)*\Z")
_FIELD = re.compile(r"\[\[([a-z0-9](?:[a-z0-9_]*[a-z0-9])?)\]\]")


def _inlines(text: str) -> tuple:
    out: list = []
    pos = 0
    for match in _FIELD.finditer(text):
        out += [Text(text[pos:match.start()]), Field(match.group(1))]
        pos = match.end()
    out.append(Text(text[pos:]))
    return tuple(out)


def _joined(lines: list[str]) -> tuple:
    out: list = []
    for i, line in enumerate(lines):
        if i:
            out.append(LineBreak())
        out += _inlines(line)
    return tuple(out)


def _is_heading_line(line: str) -> bool:
    stripped = line.strip()
    return (0 < len(stripped) < 80 and not stripped.endswith((".", ",", ";", ":"))
            and element_for_heading(stripped) is not None)


def _columns(rule: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]


def _cut(line: str, start: int, end: int | None) -> str:
    """The part of ``line`` between display columns ``start`` and ``end``."""
    out, col = [], 0
    for ch in line:
        if col >= start and (end is None or col < end):
            out.append(ch)
        col += width(ch)
    return "".join(out).strip()


def _table(lines: list[str]) -> Table:
    spans = _columns(lines[1])
    bounds = [(start, spans[i + 1][0] if i + 1 < len(spans) else None) for i, (start, _) in enumerate(spans)]
    rows = [lines[0]] + lines[2:]
    cells = [tuple(_inlines(_cut(row, a, b)) for a, b in bounds) for row in rows]
    return Table(cells[0], tuple(cells[1:]))


def _list(lines: list[str]) -> BulletList:
    items: list[list[str]] = []
    ordered = bool(_ITEM.match(lines[0]).group(1))
    for line in lines:
        match = _ITEM.match(line)
        if match and (not line[:1].isspace()):
            items.append([match.group(2)])
        else:
            items[-1].append(line.strip())
    return BulletList(tuple(_inlines(" ".join(item)) for item in items), ordered)


def _hard_broken(lines: list[str]) -> bool:
    """Whether some line break in the block is not one that wrapping at 72 columns would make."""
    for line, following in zip(lines, lines[1:]):
        first_word = following.split(" ", 1)[0]
        if width(line) + 1 + width(first_word) <= WIDTH:
            return True
    return False


class _Reader:
    def __init__(self):
        self.sections: list[list] = [[None, [], True]]
        self.draft = False

    def add(self, block) -> None:
        block = tidy_block(block)
        if block is not None:
            self.sections[-1][1].append(block)

    def heading(self, level: int, text: str) -> None:
        if level == 2:
            self.sections.append([element_for_heading(text), [], False])
        self.add(Heading(level, _inlines(text)))

    def block(self, lines: list[str]) -> None:
        if len(lines) >= 2 and _UNDERLINE.match(lines[1]) and (len(lines) == 2 or lines[1][0] != "-"):
            # a "-" underline with lines under it is a one-column table's rule
            self.heading(_LEVELS[lines[1][0]], lines[0].strip())
            if lines[2:]:
                self.block(lines[2:])
            return
        if len(lines) == 1 and _is_heading_line(lines[0]):
            self.heading(2, lines[0].strip())
            return
        if _ITEM.match(lines[0]):
            self.add(_list(lines))
        elif len(lines) >= 2 and _RULE.match(lines[1]):
            self.add(_table(lines))
        elif len(lines) > 1 and _hard_broken(lines):
            stripped = [line.strip() for line in lines]
            if stripped[0].endswith(","):
                self.add(Signature(tuple(_inlines(line) for line in stripped)))
            elif len(self.sections) == 1:
                self.add(AddressBlock(tuple(_inlines(line) for line in stripped)))
            else:
                self.add(Paragraph(_joined(stripped)))
        else:
            self.add(Paragraph(_inlines(" ".join(line.strip() for line in lines))))


def _blocks(text: str):
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")
    block: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def read(text: str, *, kind: str = "unknown", locale: str = "und") -> Notice:
    """A Notice from a plain-text letter (see the module docstring); not every node comes back exactly."""
    reader = _Reader()
    for index, lines in enumerate(_blocks(text)):
        first = lines[0].strip()
        if index == 0 and (first == DRAFT_LINE or first.startswith(DRAFT_LINE[:-4] + " — ") and first.endswith("***")):
            reader.draft = True
            lines = lines[1:]
            if not lines:
                continue
        reader.block(lines)
    sections = [Section(element, tuple(blocks)) for element, blocks, implicit in reader.sections
                if blocks or not implicit]
    title = next((plain(b.children) for s in sections for b in s.blocks if isinstance(b, Heading) and b.level == 1),
                 None)
    return tidy_notice(Notice(kind=kind, locale=locale, meta=Meta(title=title, draft=reader.draft),
                              sections=tuple(sections)))
