"""Markdown writer: CommonMark plus the section, block and field conventions described in noticegen.model.

Every literal Text is escaped so that no fact can produce markup: ``escape`` backslash-escapes
the characters that open inline syntax anywhere (\\ ` * _ [ ] < > # | & ~ { }), and, at the
start of a line, the ones that open a block ("-", "+", "=", "1." / "1)"); "!" before a link or
field and "(" after a field are escaped too. So a fact never yields a field ``[[x]]``, an HTML
comment or tag, an entity, a link, emphasis or a heading, and never a Jinja ``{{``/``{%``.

Strong and Emphasis are written ``**x**`` / ``*x*`` where CommonMark's flanking rules make
that unambiguous, and ``<strong>x</strong>`` / ``<em>x</em>`` otherwise. Tables are GFM pipe
tables (not CommonMark; pandoc and GitHub read them). Line breaks are a backslash at the end
of the line, or ``<br>`` inside headings and table cells. Only http(s) and mailto URLs are
links (noticegen.render.text.tidy_notice turns the others into text).

Markdown carries a notice's sections, blocks, fields, Meta.title (the first level-1 heading)
and Meta.draft (a first paragraph ``**DRAFT — NOT FOR MAILING**``). It does not carry
Meta.entity, letterhead, date, subject or channel: there is no front matter.
"""

from __future__ import annotations

import re

from noticegen.model import (
    AddressBlock, Block, BulletList, Emphasis, Field, Heading, LineBreak, Link, Notice, Paragraph,
    Signature, Strong, Table, Tagline, Text,
)
from noticegen.tidy import tidy_notice

DRAFT = "DRAFT — NOT FOR MAILING"
_ALWAYS = frozenset("\\`*_[]<>#|&~{}")
_LINE_START = re.compile(r"[-+=]|\d+[.)]")
_ASCII_PUNCT = frozenset("!\"#$%&'()+,-./:;<=>?@[\\]^`{|}~")


def escape(text: str, *, line_start: bool = False) -> str:
    """``text`` as Markdown that reads back as exactly this literal text (no markup, no fields)."""
    out = "".join("\\" + c if c in _ALWAYS else c for c in text)
    if line_start:
        match = _LINE_START.match(out)
        if match:
            end = match.end()
            out = "\\" + out if end == 1 else out[:end - 1] + "\\" + out[end - 1:]
    return out


def _destination(url: str) -> str:
    url = url.replace("&", "\\&")
    return f"(<{url}>)" if "(" in url or ")" in url else f"({url})"


def _first_char(node, *, soft_break: bool) -> str | None:
    """The first character a node will write (None: not known before it is written)."""
    if isinstance(node, Text):
        return "\\" if node.text[0] in _ALWAYS else node.text[0]
    if isinstance(node, (Field, Link)):
        return "["
    if isinstance(node, LineBreak):
        return "\\" if soft_break else "<"
    return None


def _quiet(char: str | None) -> bool:
    """Whether a delimiter run next to ``char`` flanks only one way (start/end of line, space, ASCII punctuation)."""
    return char is not None and (char in ("", " ", "\n") or (char in _ASCII_PUNCT and char not in "*_"))


def _can_delimit(inner: str, prev: str, following: str | None) -> bool:
    """Whether ``*``/``**`` around ``inner`` open and close exactly there and nowhere else (CommonMark flanking rules)."""
    if not inner or following is None:
        return False
    start_ok = _quiet(prev) if inner[0].isalnum() else prev in ("", " ", "\n")
    end_ok = _quiet(following) if inner[-1].isalnum() else following in ("", " ", "\n")
    return start_ok and end_ok


def inlines(nodes, *, line_start: bool = True, before: str = "", after: str = "",
            hard_break: str = "\\\n", indent: str = "") -> str:
    """Inline nodes as Markdown. ``before``/``after``: the characters written around them ("" = edge)."""
    nodes = tuple(nodes)
    out = ""
    at_start = line_start
    for i, node in enumerate(nodes):
        nxt = nodes[i + 1] if i + 1 < len(nodes) else None
        prev = out[-1] if out else before
        if isinstance(node, Text):
            text = escape(node.text, line_start=at_start)
            if isinstance(nxt, (Link, Field)) and text.endswith("!"):
                text = text[:-1] + "\\!"
            if out.endswith("]]") and text.startswith("("):
                text = "\\" + text
            out += text
        elif isinstance(node, (Strong, Emphasis)):
            mark, tag = ("**", "strong") if isinstance(node, Strong) else ("*", "em")
            following = after if nxt is None else _first_char(nxt, soft_break=hard_break == "\\\n")
            inner = inlines(node.children, line_start=False, before="*", after="*", hard_break=hard_break,
                            indent=indent)
            if _can_delimit(inner, prev, following):
                out += f"{mark}{inner}{mark}"
            else:
                inner = inlines(node.children, line_start=False, before=">", after="<", hard_break=hard_break,
                                indent=indent)
                out += f"<{tag}>{inner}</{tag}>"
        elif isinstance(node, Link):
            inner = inlines(node.children, line_start=False, before="[", after="]", hard_break=hard_break,
                            indent=indent)
            out += f"[{inner}]{_destination(node.url)}"
        elif isinstance(node, Field):
            out += f"[[{node.name}]]"
        elif isinstance(node, LineBreak):
            out += hard_break + (indent if hard_break.endswith("\n") else "")
            at_start = hard_break.endswith("\n")
            continue
        else:
            raise TypeError(f"unknown inline node {type(node).__name__}")
        at_start = False
    return out


def _lines(lines) -> str:
    return "\\\n".join(inlines(line) for line in lines)


def block(node: Block, *, list_marker: str = "-") -> str:
    """One block as Markdown; ``list_marker`` is "-"/"*" (bullets) or "."/")" (ordered) to keep lists apart."""
    if isinstance(node, Heading):
        return "#" * node.level + " " + inlines(node.children, line_start=False, hard_break="<br>")
    if isinstance(node, Paragraph):
        return inlines(node.children)
    if isinstance(node, BulletList):
        items = []
        for number, item in enumerate(node.items, start=1):
            marker = f"{number}{list_marker}" if node.ordered else list_marker
            text = inlines(item, indent=" " * (len(marker) + 1))
            items.append(f"{marker} {text}" if text else marker)
        return "\n".join(items)
    if isinstance(node, Table):
        def row(cells):
            return "| " + " | ".join(inlines(c, line_start=False, hard_break="<br>") for c in cells) + " |"
        return "\n".join([row(node.header), "|" + "|".join(" --- " for _ in node.header) + "|"]
                         + [row(r) for r in node.rows])
    if isinstance(node, Tagline):
        return f"<!-- tagline: {node.lang} {node.dir} -->\n" + inlines(node.children)
    if isinstance(node, AddressBlock):
        return "<!-- address -->\n" + _lines(node.lines)
    if isinstance(node, Signature):
        return "<!-- signature -->\n" + _lines(node.lines)
    raise TypeError(f"unknown block node {type(node).__name__}")


def _marker(element: str | None) -> str:
    return f"<!-- element: {element} -->" if element else "<!-- element -->"


def render(notice: Notice) -> str:
    """The notice as Markdown (see the module docstring); it reads back with noticegen.readers.markdown.read."""
    notice = tidy_notice(notice)
    chunks = [f"**{escape(' — '.join((DRAFT, *notice.meta.draft_reason)))}**"] if notice.meta.draft else []
    previous: Block | None = None
    previous_marker = "-"
    for index, section in enumerate(notice.sections):
        if index or section.element or not section.blocks or len(notice.sections) == 1:
            chunks.append(_marker(section.element))
            previous = None
        for node in section.blocks:
            marker = "-"
            if isinstance(node, BulletList):
                marker = "." if node.ordered else "-"
                if isinstance(previous, BulletList) and previous.ordered == node.ordered:
                    marker = {".": ")", ")": ".", "-": "*", "*": "-"}[previous_marker]
                previous_marker = marker
            chunks.append(block(node, list_marker=marker))
            previous = node
    return "\n\n".join(chunks) + "\n"
