"""The format-neutral Notice tree that every renderer reads, every reader produces, and the checker inspects.

Notice(kind, locale, meta) > Section(element) > Block > Inline.

Blocks: Heading, Paragraph, BulletList, Table, AddressBlock, Signature, Tagline.
Inlines: Text, Strong, Emphasis, Link, Field, LineBreak.

All nodes are frozen dataclasses holding tuples, so a Notice is hashable and safe
to share between renderers and threads. ``Field`` is a per-recipient slot
(address block, salutation name, enrollment code): one built notice serves a
whole roster, and merge fills fields without rebuilding.

The Markdown form (what templates produce, what the Markdown writer writes and
the Markdown reader reads) is CommonMark plus three conventions that CommonMark
renderers show harmlessly:

* ``<!-- element: what_happened -->`` on its own line opens a Section for that
  element; ``<!-- element -->`` (no id) opens a Section that satisfies none.
  Text before the first marker belongs to an untagged opening Section.
* ``<!-- address -->`` / ``<!-- signature -->`` on its own line turns the next
  paragraph into an AddressBlock / Signature; its lines are separated by hard
  line breaks (a backslash at the end of a line).
* ``<!-- tagline: vi ltr -->`` on its own line turns the next paragraph into a Tagline in that
  language (a BCP 47 tag) and direction (``ltr`` or ``rtl``).
* ``[[field_name]]`` is a Field (names: lowercase letters, digits, underscore).
  Literal text is escaped so that facts can never produce any of these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Union


# ------------------------------------------------------------------ inlines

@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Emphasis:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Link:
    url: str
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Field:
    """A per-recipient slot, filled by merge; ``name`` is e.g. ``recipient_name``."""

    name: str


@dataclass(frozen=True)
class LineBreak:
    pass


Inline = Union[Text, Strong, Emphasis, Link, Field, LineBreak]


# ------------------------------------------------------------------ blocks

@dataclass(frozen=True)
class Heading:
    level: int  # 1 = the notice's title, 2 = an element's heading, 3 = a sub-heading
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]


@dataclass(frozen=True)
class AddressBlock:
    """The recipient's address, one tuple of inlines per line (in a letter, it sits in the envelope window)."""

    lines: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Signature:
    """Closing, signer and title, one tuple of inlines per line."""

    lines: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Tagline:
    """A paragraph in a language other than the notice's (a language-assistance tagline): ``lang`` is its
    BCP 47 tag ("vi", "zh-Hant", "ar"), ``dir`` its direction ("ltr" or "rtl"). Writers set both on it."""

    lang: str
    dir: str
    children: tuple[Inline, ...]


Block = Union[Heading, Paragraph, BulletList, Table, AddressBlock, Signature, Tagline]


# ------------------------------------------------------------------ the tree

@dataclass(frozen=True)
class Section:
    """A run of blocks; ``element`` is the required element it satisfies (see kinds.ELEMENTS), or None."""

    element: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Meta:
    """What a notice is, beyond its text. None means "not known" (e.g. a notice read from a hand-drafted file)."""

    title: str | None = None
    entity: str | None = None       # the covered entity (or business associate) that sends it
    letterhead: tuple[str, ...] = ()  # sender's name, address lines, phone, website: a letter's letterhead
    date: str | None = None         # the notice date as printed in the locale, e.g. "14 de marzo de 2025"
    subject: str | None = None      # email subject / document subject
    channel: str | None = None      # letter | email | web | media | script | hhs | memo
    draft: bool = False             # rendered despite a failed check: writers show a DRAFT watermark
    draft_reason: tuple[str, ...] = ()  # why, shown with the DRAFT mark: ("bản dịch chưa được duyệt", "translation not reviewed")
    issued: dt.date | None = None   # the notice date as a date (an email's Date header); None: not known


@dataclass(frozen=True)
class Notice:
    kind: str
    locale: str
    meta: Meta
    sections: tuple[Section, ...]

    def section(self, element: str) -> Section | None:
        """The first section tagged ``element``, or None."""
        return next((s for s in self.sections if s.element == element), None)

    def with_meta(self, **changes) -> "Notice":
        return replace(self, meta=replace(self.meta, **changes))


# ------------------------------------------------------------------ helpers every stage uses

def plain(inlines: tuple[Inline, ...] | list[Inline]) -> str:
    """The text of inlines, with fields as ``[[name]]`` and line breaks as newlines."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Strong, Emphasis, Link)):
            out.append(plain(node.children))
        elif isinstance(node, Field):
            out.append(f"[[{node.name}]]")
        elif isinstance(node, LineBreak):
            out.append("\n")
        else:
            raise TypeError(f"unknown inline node {type(node).__name__}")
    return "".join(out)


def block_text(block: Block) -> str:
    """The plain text of one block (list items and table cells joined by newlines)."""
    if isinstance(block, (Heading, Paragraph, Tagline)):
        return plain(block.children)
    if isinstance(block, BulletList):
        return "\n".join(plain(item) for item in block.items)
    if isinstance(block, Table):
        rows = (block.header,) + block.rows
        return "\n".join(" | ".join(plain(cell) for cell in row) for row in rows)
    if isinstance(block, (AddressBlock, Signature)):
        return "\n".join(plain(line) for line in block.lines)
    raise TypeError(f"unknown block node {type(block).__name__}")


def section_text(section: Section) -> str:
    return "\n".join(block_text(b) for b in section.blocks)


def notice_text(notice: Notice) -> str:
    return "\n".join(section_text(s) for s in notice.sections)


def merge(notice: Notice, values: dict[str, str]) -> Notice:
    """Fill ``Field`` nodes from ``values``; fields without a value stay fields."""

    def inl(nodes):
        out = []
        for n in nodes:
            if isinstance(n, Field) and n.name in values:
                out.append(Text(values[n.name]))
            elif isinstance(n, (Strong, Emphasis)):
                out.append(type(n)(inl(n.children)))
            elif isinstance(n, Link):
                out.append(Link(n.url, inl(n.children)))
            else:
                out.append(n)
        return tuple(out)

    def blk(b):
        if isinstance(b, (Heading,)):
            return Heading(b.level, inl(b.children))
        if isinstance(b, Paragraph):
            return Paragraph(inl(b.children))
        if isinstance(b, Tagline):
            return Tagline(b.lang, b.dir, inl(b.children))
        if isinstance(b, BulletList):
            return BulletList(tuple(inl(i) for i in b.items), b.ordered)
        if isinstance(b, Table):
            return Table(tuple(inl(c) for c in b.header), tuple(tuple(inl(c) for c in r) for r in b.rows))
        if isinstance(b, (AddressBlock, Signature)):
            return type(b)(tuple(inl(line) for line in b.lines))
        raise TypeError(f"unknown block node {type(b).__name__}")

    return replace(notice, sections=tuple(Section(s.element, tuple(blk(b) for b in s.blocks)) for s in notice.sections))


def inlines_of(block: Block):
    """Every top-level inline sequence in a block (heading/paragraph text, list items, cells, lines)."""
    if isinstance(block, (Heading, Paragraph, Tagline)):
        yield block.children
    elif isinstance(block, BulletList):
        yield from block.items
    elif isinstance(block, Table):
        yield from block.header
        for row in block.rows:
            yield from row
    elif isinstance(block, (AddressBlock, Signature)):
        yield from block.lines
    else:
        raise TypeError(f"unknown block node {type(block).__name__}")


def _fields(nodes):
    for n in nodes:
        if isinstance(n, Field):
            yield n.name
        elif isinstance(n, (Strong, Emphasis, Link)):
            yield from _fields(n.children)


def fields_in(notice: Notice) -> list[str]:
    """Names of the fields a notice still has, in order of first appearance."""
    seen: dict[str, None] = {}
    for section in notice.sections:
        for block in section.blocks:
            for inl in inlines_of(block):
                for name in _fields(inl):
                    seen.setdefault(name, None)
    return list(seen)
