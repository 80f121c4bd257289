"""Plain-text writer: the email's text part, and notices for people who read plain text.

Headings are underlined, lists start with "- ", fields stay ``[[name]]``, links are "text (url)",
and lines wrap at 72 columns except URLs. The notice is tidied first (noticegen.tidy).
"""

from __future__ import annotations

import textwrap
import unicodedata

from noticegen.model import (
    AddressBlock, Block, BulletList, Emphasis, Field, Heading, LineBreak, Link, Notice,
    Paragraph, Signature, Strong, Table, Tagline, Text,
)
from noticegen.tidy import tidy_notice

WIDTH = 72
DRAFT_LINE = "*** DRAFT — NOT FOR MAILING ***"
UNDERLINES = {1: "=", 2: "-", 3: "~"}


def width(text: str) -> int:
    """Display width in a monospaced font: East Asian wide and full-width characters count two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def link_text(node: Link) -> str:
    shown = inline_text(node.children)
    if node.url in (shown, f"mailto:{shown}"):
        return shown
    return f"{shown} ({node.url})"


def inline_text(inlines) -> str:
    """Inlines as plain text: fields as [[name]], links as "text (url)", line breaks as newlines."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Strong, Emphasis)):
            out.append(inline_text(node.children))
        elif isinstance(node, Link):
            out.append(link_text(node))
        elif isinstance(node, Field):
            out.append(f"[[{node.name}]]")
        elif isinstance(node, LineBreak):
            out.append("\n")
        else:
            raise TypeError(f"unknown inline node {type(node).__name__}")
    return "".join(out)


def _wrap(text: str, first: str = "", rest: str = "") -> str:
    lines = []
    for i, line in enumerate(text.split("\n")):
        lines.append(textwrap.fill(line, WIDTH, initial_indent=first if i == 0 else rest, subsequent_indent=rest,
                                   break_long_words=False, break_on_hyphens=False) or (first if i == 0 else rest))
    return "\n".join(lines)


def _table(block: Table) -> str:
    rows = [[inline_text(c).replace("\n", " ") for c in row] for row in (block.header,) + block.rows]
    widths = [max(1, *(width(row[i]) for row in rows)) for i in range(len(block.header))]

    def line(cells):
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip()
    return "\n".join([line(rows[0]), line(["-" * w for w in widths])] + [line(r) for r in rows[1:]])


def render_block(block: Block) -> str:
    if isinstance(block, Heading):
        text = inline_text(block.children).replace("\n", " ")
        return f"{text}\n{UNDERLINES.get(block.level, '~') * max(3, width(text))}"
    if isinstance(block, (Paragraph, Tagline)):
        return _wrap(inline_text(block.children))
    if isinstance(block, BulletList):
        items = []
        for number, item in enumerate(block.items, start=1):
            marker = f"{number}. " if block.ordered else "- "
            items.append(_wrap(inline_text(item), marker, " " * len(marker)))
        return "\n".join(items)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, (AddressBlock, Signature)):
        return "\n".join(inline_text(line).replace("\n", " ") for line in block.lines)
    raise TypeError(f"unknown block node {type(block).__name__}")


def render(notice: Notice) -> str:
    """The notice as plain text: underlined headings, "- " lists, fields as [[name]], links as "text (url)".

    Paragraphs wrap at 72 columns; URLs and other long words are never broken. The
    letterhead and date in Meta are not written (templates put what the text needs into it).
    """
    notice = tidy_notice(notice)
    chunks = [DRAFT_LINE.replace(" ***", "".join(f" — {r}" for r in notice.meta.draft_reason) + " ***")
              ] if notice.meta.draft else []
    chunks += [render_block(b) for s in notice.sections for b in s.blocks]
    return "\n\n".join(chunks) + "\n"
