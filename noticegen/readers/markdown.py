"""Markdown reader: CommonMark (with GFM pipe tables) and the model's conventions, parsed with markdown-it-py, into a Notice.

Sections open at ``<!-- element: ID -->`` markers; a file without markers (a letter drafted
by hand) opens a section at every level-2 heading and takes its element from
noticegen.kinds.element_for_heading. ``<!-- address -->`` / ``<!-- signature -->`` turn the
next paragraph into an AddressBlock / Signature, one line per hard line break; ``<!-- tagline: LANG DIR -->``
turns it into a Tagline. ``[[name]]``
in unescaped text is a Field; an escaped ``\\[\\[name\\]\\]`` is literal text.

Meta.title is the first level-1 heading; a first paragraph ``**DRAFT — NOT FOR MAILING**``
sets Meta.draft. The other Meta fields are not in Markdown and stay None.
Inline HTML from a hand-drafted file: <strong>/<b>, <em>/<i> and <br> are read; other tags
are skipped (their text is kept); HTML blocks other than comments become paragraphs of their text.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from noticegen.errors import ReadError
from noticegen.kinds import element_for_heading
from noticegen.model import (
    AddressBlock, BulletList, Emphasis, Field, Heading, LineBreak, Link, Meta, Notice, Paragraph, Section,
    Signature, Strong, Table, Tagline, Text, plain,
)
from noticegen.tidy import tidy_block, tidy_inlines, tidy_notice

DRAFT = "DRAFT — NOT FOR MAILING"
_FIELD = re.compile(r"\[\[([a-z0-9](?:[a-z0-9_]*[a-z0-9])?)\]\]")
_SECTION = re.compile(r"<!--\s*element(?:\s*:\s*([a-z][a-z0-9_]*))?\s*-->\s*\Z")
_LINES = re.compile(r"<!--\s*(address|signature)\s*-->\s*\Z")
_TAGLINE = re.compile(r"<!--\s*tagline\s*:\s*([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s+(ltr|rtl)\s*-->\s*\Z")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>\Z")
_INLINE_TAGS = {"strong": Strong, "b": Strong, "em": Emphasis, "i": Emphasis}


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.disable("text_join")  # keep escapes (text_special) apart from text, so "\[\[x\]\]" is not a field
    md.normalizeLink = lambda url: url  # URLs are kept exactly as written
    md.normalizeLinkText = lambda url: url
    md.validateLink = lambda url: True  # tidy turns URLs no writer links into text
    return md


_MD = _parser()


class _Frame:
    def __init__(self, node):
        self.node = node  # Strong(()) / Emphasis(()) / Link(url, ()) or None for the root
        self.children: list = []


def _text(value: str, frames, *, fields: bool) -> None:
    out = frames[-1].children
    if not fields:
        out.append(Text(value))
        return
    pos = 0
    for match in _FIELD.finditer(value):
        if match.start() > pos:
            out.append(Text(value[pos:match.start()]))
        out.append(Field(match.group(1)))
        pos = match.end()
    if pos < len(value):
        out.append(Text(value[pos:]))


def _close(frames) -> None:
    frame = frames.pop()
    kids = tuple(frame.children)
    node = Link(frame.node.url, kids) if isinstance(frame.node, Link) else type(frame.node)(kids)
    frames[-1].children.append(node)


def _walk_inline(node: SyntaxTreeNode, frames) -> None:
    kind = node.type
    if kind == "text":
        _text(node.content, frames, fields=True)
    elif kind in ("text_special", "code_inline"):
        _text(node.content, frames, fields=False)
    elif kind == "softbreak":
        _text(" ", frames, fields=False)
    elif kind == "hardbreak":
        frames[-1].children.append(LineBreak())
    elif kind in ("strong", "em", "link"):
        depth = len(frames)
        frames.append(_Frame(Strong(()) if kind == "strong" else Emphasis(()) if kind == "em"
                             else Link(str(node.attrs.get("href", "")), ())))
        for child in node.children:
            _walk_inline(child, frames)
        while len(frames) > depth:  # also closes <strong>/<em> left open inside
            _close(frames)
    elif kind == "image":
        for child in node.children:
            _walk_inline(child, frames)
    elif kind == "html_inline":
        _html_inline(node.content, frames)
    else:
        raise ReadError(f"Markdown: unexpected inline element {kind!r}")


def _html_inline(tag: str, frames) -> None:
    match = _TAG.match(tag)
    if not match:
        return  # a comment, processing instruction or declaration
    closing, name = match.group(1), match.group(2).lower()
    if name == "br" and not closing:
        frames[-1].children.append(LineBreak())
    elif name in _INLINE_TAGS and not closing:
        frames.append(_Frame(_INLINE_TAGS[name](())))
    elif name in _INLINE_TAGS and closing:
        wanted = _INLINE_TAGS[name]
        if any(isinstance(f.node, wanted) for f in frames[1:]):
            while not isinstance(frames[-1].node, wanted):
                _close(frames)
            _close(frames)


def inline_nodes(node: SyntaxTreeNode | None) -> tuple:
    """The tidy inlines of one markdown-it ``inline`` node (empty for None)."""
    if node is None:
        return ()
    frames = [_Frame(None)]
    for child in node.children:
        _walk_inline(child, frames)
    while len(frames) > 1:
        _close(frames)
    return tidy_inlines(frames[0].children)


def _inline_of(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    return next((c for c in node.children if c.type == "inline"), None)


def _split_lines(inlines) -> tuple:
    lines: list[list] = [[]]
    for n in inlines:
        if isinstance(n, LineBreak):
            lines.append([])
        else:
            lines[-1].append(n)
    return tuple(tuple(line) for line in lines)


def _list_item(item: SyntaxTreeNode) -> tuple:
    parts: list = []
    for child in item.children:
        for inline in _inlines_in(child):
            if parts:
                parts.append(LineBreak())
            parts.extend(inline_nodes(inline))
    return tidy_inlines(parts)


def _inlines_in(node: SyntaxTreeNode):
    if node.type == "inline":
        yield node
    for child in node.children:
        yield from _inlines_in(child)


def _table(node: SyntaxTreeNode) -> Table:
    rows = [tr for part in node.children for tr in part.children]
    cells = [[inline_nodes(_inline_of(c)) for c in tr.children] for tr in rows]
    return Table(tuple(cells[0]), tuple(tuple(r) for r in cells[1:]))


class _Builder:
    """Collects blocks into sections while walking the top-level nodes."""

    def __init__(self, *, split_at_h2: bool):
        self.split_at_h2 = split_at_h2
        self.sections: list[list] = [[None, [], True]]  # [element, blocks, implicit]
        self.pending: str | None = None  # "address" / "signature" / "tagline" for the next paragraph
        self.tagline: tuple[str, str] = ("und", "ltr")  # the (lang, dir) of a pending tagline

    def open(self, element: str | None) -> None:
        self.sections.append([element, [], False])

    def add(self, block) -> None:
        block = tidy_block(block)
        if block is not None:
            self.sections[-1][1].append(block)

    def node(self, node: SyntaxTreeNode) -> None:
        kind = node.type
        if kind == "html_block":
            self.html_block(node.content)
        elif kind == "heading":
            level = int(node.tag[1])
            children = inline_nodes(_inline_of(node))
            if self.split_at_h2 and level == 2:
                self.open(element_for_heading(plain(children)))
            self.add(Heading(level, children))
        elif kind == "paragraph":
            children = inline_nodes(_inline_of(node))
            if self.pending == "tagline":
                self.add(Tagline(*self.tagline, children))
                self.pending = None
            elif self.pending:
                lines = _split_lines(children)
                self.add(AddressBlock(lines) if self.pending == "address" else Signature(lines))
                self.pending = None
            else:
                self.add(Paragraph(children))
        elif kind in ("bullet_list", "ordered_list"):
            self.add(BulletList(tuple(_list_item(i) for i in node.children), kind == "ordered_list"))
        elif kind == "table":
            self.add(_table(node))
        elif kind in ("code_block", "fence"):
            lines = node.content.rstrip("\n").split("\n")
            self.add(Paragraph(tuple(x for i, line in enumerate(lines) for x in ((LineBreak(),) if i else ())
                                     + (Text(line),))))
        elif kind == "blockquote":
            for child in node.children:
                self.node(child)
        elif kind == "hr":
            pass
        else:
            raise ReadError(f"Markdown: unexpected block element {kind!r} at line {(node.map or [0])[0] + 1}")

    def html_block(self, content: str) -> None:
        stripped = content.strip()
        section, lines, tagline = _SECTION.match(stripped), _LINES.match(stripped), _TAGLINE.match(stripped)
        if section and not self.split_at_h2:
            self.open(section.group(1))
        elif lines:
            self.pending = lines.group(1)
        elif tagline:
            self.pending, self.tagline = "tagline", (tagline.group(1), tagline.group(2))
        elif not stripped.startswith("<!--"):
            text = html.unescape(re.sub(r"<[^>]*>", " ", stripped))
            self.add(Paragraph((Text(text),)))


def _is_draft(block) -> bool:
    """The writer's first paragraph: **DRAFT — NOT FOR MAILING**, with Meta.draft_reason after it."""
    return (isinstance(block, Paragraph) and len(block.children) == 1 and isinstance(block.children[0], Strong)
            and plain(block.children).startswith(DRAFT))


def read(text: str, *, kind: str = "unknown", locale: str = "und") -> Notice:
    """A Notice from Markdown ``text`` (see the module docstring for what is read)."""
    root = SyntaxTreeNode(_MD.parse(text))
    has_markers = any(n.type == "html_block" and _SECTION.match(n.content.strip()) for n in root.children)
    builder = _Builder(split_at_h2=not has_markers)
    for node in root.children:
        builder.node(node)
    if builder.pending:
        raise ReadError(f"Markdown: <!-- {builder.pending} --> is not followed by a paragraph")
    draft = False
    first = builder.sections[0]
    if first[1] and _is_draft(first[1][0]):
        draft = True
        del first[1][0]
    sections = [Section(element, tuple(blocks)) for element, blocks, implicit in builder.sections
                if blocks or not implicit]
    title = next((plain(b.children) for s in sections for b in s.blocks if isinstance(b, Heading) and b.level == 1),
                 None)
    return tidy_notice(Notice(kind=kind, locale=locale, meta=Meta(title=title, draft=draft), sections=tuple(sections)))
