"""The tidy form of a Notice: the one canonical form every writer writes and every reader returns.

Tidy rules (the same in every format, so read(render(n)) == n holds for a tidy n):

* Characters no format can carry are dropped: control characters (C0, DEL, C1:
  XML forbids most, HTML calls all of them parse errors), lone surrogates and
  Unicode noncharacters. Tab, CR, LF, VT and FF become a space.
* Bidirectional embedding, override and isolate controls (U+202A-U+202E,
  U+2066-U+2069) are dropped too: they are formatting, not text, and a fact that
  carries one (a right-to-left override in a name) could otherwise reorder the
  text around it in HTML, DOCX or a terminal. The marks U+200E, U+200F and
  U+061C, which reorder nothing beyond their neutral neighbours and which
  right-to-left text needs, are kept.
* Whitespace is not significant: runs of ASCII spaces become one, a line (an
  inline sequence, or the part of one between two LineBreaks) neither starts nor
  ends with whitespace or a LineBreak, and spaces and LineBreaks at the edge of a
  Strong, Emphasis or Link move outside it. Adjacent Text nodes merge; empty
  Text, Strong and Emphasis nodes go.
* A Link is a link only if it is not inside another Link and its URL is http(s) or mailto and made of URL
  characters (see ``is_safe_url``); any other becomes its text followed by
  " (url)". A Link without text gets its URL as text.
* A Tagline's language is a BCP 47 tag and its direction ltr or rtl.
* Empty paragraphs, taglines, headings, lists, address and signature blocks (and empty
  address/signature lines) are dropped: nothing is lost.

Tidy raises ValueError on what no format can write (a field name that is not
``[a-z0-9]`` with inner underscores, a heading level outside 1-6, a table without a
header or with a row of another width, a section element that is not an id) and TypeError on a node type it does not know.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import count

from noticegen.model import (
    AddressBlock, Block, BulletList, Emphasis, Field, Heading, Inline, LineBreak, Link, Meta, Notice,
    Paragraph, Section, Signature, Strong, Table, Tagline, Text, plain,
)

ELEMENT_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
FIELD_NAME = re.compile(r"[a-z0-9](?:[a-z0-9_]*[a-z0-9])?\Z")

_NONCHARS = "".join(f"{chr(p)}{chr(p + 1)}" for p in range(0xFFFE, 0x110000, 0x10000))
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069"
                   + _NONCHARS + "]")
_TO_SPACE = re.compile("[\t\n\r\x0b\x0c]")
_URL = re.compile(r"(?:https?://[^/?#\s]|mailto:[^\s])[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\u00a0-\U0010ffff]*\Z",
                  re.IGNORECASE)
_BAD_URL_CHARS = re.compile(r"[\s\u00ad\u200b-\u200f\u2028\u2029\u2060-\u206f\ufeff]|%(?![0-9A-Fa-f]{2})")


def clean_text(text: str) -> str:
    """``text`` without the characters no format can carry (tab and line ends become spaces)."""
    return _DROP.sub("", _TO_SPACE.sub(" ", text))


def clean_line(text: str) -> str:
    """``clean_text`` with whitespace collapsed and trimmed: for meta values and one-line headers."""
    return re.sub(r" {2,}", " ", clean_text(text)).strip()


def is_safe_url(url: str) -> bool:
    """True for an http, https or mailto URL made only of URL characters: the only URLs any writer links."""
    return bool(_URL.match(url)) and not _BAD_URL_CHARS.search(url) and not _DROP.search(url)


# ------------------------------------------------------------------ tidy

def tidy_inlines(inlines) -> tuple[Inline, ...]:
    """The canonical form of one inline sequence (see the module docstring)."""
    return _tidy_inlines(tuple(inlines))


@lru_cache(maxsize=4096)
def _tidy_inlines(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Works character by character, so it is cached: every reader and writer tidies the same
    (hashable, frozen) inline sequences again, and tidying a tidy sequence gives it back."""
    atoms: list[tuple[object, tuple]] = []  # (char | Field | LineBreak, path of (id, container))
    _atomise(tuple(inlines), (), atoms, count())
    atoms = _move_edges_out(atoms)
    atoms = _collapse(atoms)
    return _rebuild(atoms)


def _atomise(nodes, path, atoms, ids, in_link=False) -> None:
    for node in nodes:
        if isinstance(node, Text):
            atoms.extend((ch, path) for ch in clean_text(node.text))
        elif isinstance(node, Field):
            if not FIELD_NAME.match(node.name):
                raise ValueError(f"field name {node.name!r} is not allowed: use lowercase letters, digits and "
                                 "underscores, starting and ending with a letter or digit")
            atoms.append((node, path))
        elif isinstance(node, LineBreak):
            atoms.append((LineBreak(), path))
        elif isinstance(node, Link):
            url = clean_line(node.url)
            children = node.children if plain(node.children).strip() else (Text(url),)
            if is_safe_url(url) and not in_link:
                _atomise(children, path + ((next(ids), Link(url, ())),), atoms, ids, True)
            else:  # not a URL any writer links, or a link inside a link (no format has those)
                shown = plain(children).strip()
                _atomise(children if shown == url else children + (Text(f" ({url})"),), path, atoms, ids, in_link)
        elif isinstance(node, (Strong, Emphasis)):
            _atomise(node.children, path + ((next(ids), type(node)(())),), atoms, ids, in_link)
        else:
            raise TypeError(f"unknown inline node {type(node).__name__}")


def _is_edge(atom) -> bool:
    return atom == " " or isinstance(atom, LineBreak) or (isinstance(atom, str) and atom.isspace())


def _move_edges_out(atoms):
    atoms = list(atoms)
    containers = {c for _, path in atoms for c in path}
    for container in containers:
        inside = [i for i, (_, path) in enumerate(atoms) if container in path]
        for order in (inside, inside[::-1]):
            for i in order:
                if not _is_edge(atoms[i][0]):
                    break
                atom, path = atoms[i]
                atoms[i] = (atom, tuple(c for c in path if c != container))
    return atoms


def _collapse(atoms):
    out: list = []
    for atom, path in atoms:
        at_line_start = not out or isinstance(out[-1][0], LineBreak)
        if isinstance(atom, str) and atom.isspace():
            if at_line_start or (atom == " " and out[-1][0] == " "):
                continue
        if isinstance(atom, LineBreak):
            while out and isinstance(out[-1][0], str) and out[-1][0].isspace():
                out.pop()
            if not out:
                continue
        out.append((atom, path))
    while out and _is_edge(out[-1][0]):
        out.pop()
    return out


def _rebuild(atoms) -> tuple[Inline, ...]:
    root: list = []
    stack: list[tuple[object, list]] = []  # (container id, children list)
    containers: list = []

    def close():
        cid, kids = stack.pop()
        node = containers.pop()
        built = Link(node.url, merge_text(kids)) if isinstance(node, Link) else type(node)(merge_text(kids))
        (stack[-1][1] if stack else root).append(built)

    for atom, path in atoms:
        ids = [cid for cid, _ in path]
        keep = 0
        while keep < len(stack) and keep < len(ids) and stack[keep][0] == ids[keep]:
            keep += 1
        while len(stack) > keep:
            close()
        for cid, node in path[keep:]:
            stack.append((cid, []))
            containers.append(node)
        target = stack[-1][1] if stack else root
        target.append(Text(atom) if isinstance(atom, str) else atom)
    while stack:
        close()
    return merge_text(root)


def merge_text(nodes) -> tuple[Inline, ...]:
    """Adjacent Text nodes joined into one (in one join per run, not one concatenation per node)."""
    out: list = []
    run: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            run.append(node.text)
            continue
        if run:
            out.append(Text("".join(run)))
            run = []
        out.append(node)
    if run:
        out.append(Text("".join(run)))
    return tuple(out)


def _lines(inlines) -> tuple[tuple[Inline, ...], ...]:
    """Split one tidy sequence at its top-level LineBreaks."""
    lines: list[list] = [[]]
    for node in inlines:
        if isinstance(node, LineBreak):
            lines.append([])
        else:
            lines[-1].append(node)
    return tuple(tuple(line) for line in lines)


def tidy_block(block: Block) -> Block | None:
    """The canonical form of one block, or None for a block with nothing in it."""
    if isinstance(block, Heading):
        if not 1 <= block.level <= 6:
            raise ValueError(f"heading level {block.level} is outside 1-6")
        children = tidy_inlines(block.children)
        return Heading(block.level, children) if children else None
    if isinstance(block, Paragraph):
        children = tidy_inlines(block.children)
        return Paragraph(children) if children else None
    if isinstance(block, Tagline):
        if not LANGUAGE_TAG.match(block.lang or ""):
            raise ValueError(f"tagline language {block.lang!r} is not a BCP 47 tag such as vi, zh-Hant or ar")
        if block.dir not in ("ltr", "rtl"):
            raise ValueError(f"tagline direction {block.dir!r} is neither ltr nor rtl")
        children = tidy_inlines(block.children)
        return Tagline(block.lang, block.dir, children) if children else None
    if isinstance(block, BulletList):
        items = tuple(tidy_inlines(item) for item in block.items)
        return BulletList(items, bool(block.ordered)) if items else None
    if isinstance(block, Table):
        if not block.header:
            raise ValueError("a table needs a header row with at least one cell")
        for number, row in enumerate(block.rows, start=1):
            if len(row) != len(block.header):
                raise ValueError(f"table row {number} has {len(row)} cells; the header has {len(block.header)}")
        return Table(tuple(tidy_inlines(c) for c in block.header),
                     tuple(tuple(tidy_inlines(c) for c in row) for row in block.rows))
    if isinstance(block, (AddressBlock, Signature)):
        lines = tuple(line for raw in block.lines for line in _lines(tidy_inlines(raw)) if line)
        return type(block)(lines) if lines else None
    raise TypeError(f"unknown block node {type(block).__name__}")


def tidy_meta(meta: Meta) -> Meta:
    def opt(value):
        value = clean_line(value) if value is not None else None
        return value or None
    return replace(meta, title=opt(meta.title), entity=opt(meta.entity), date=opt(meta.date),
                   subject=opt(meta.subject), channel=opt(meta.channel), draft=bool(meta.draft),
                   letterhead=tuple(line for line in (clean_line(x) for x in meta.letterhead) if line))


def tidy_notice(notice: Notice) -> Notice:
    """The canonical form of a whole notice: what every writer writes."""
    sections = []
    for section in notice.sections:
        if not isinstance(section, Section):
            raise TypeError(f"unknown section node {type(section).__name__}")
        if section.element is not None and not ELEMENT_ID.match(section.element):
            raise ValueError(f"section element {section.element!r} is not an element id: use lowercase letters, "
                             "digits and underscores, starting with a letter")
        blocks = tuple(b for b in (tidy_block(b) for b in section.blocks) if b is not None)
        sections.append(Section(section.element, blocks))
    return replace(notice, meta=tidy_meta(notice.meta), sections=tuple(sections))


# ------------------------------------------------------------------ the plain-text writer
