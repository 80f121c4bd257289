"""Word runs to model inlines for the DOCX reader: join split runs, find «fields», rebuild Strong/Emphasis/Link nesting."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from ..model import Emphasis, Field, LineBreak, Link, Strong, Text
from ..render.docx import FIELD_TEXT
from ..tidy import merge_text

_UNESCAPE = re.compile("«\u2060(?=\u2060*[a-z0-9_]+»)")


@dataclass(frozen=True)
class Atom:
    """One piece of a paragraph: text ("t"), a line break ("br"), a field ("f") or a link ("a") holding atoms."""

    kind: str
    value: str | None
    bold: bool = False
    italic: bool = False
    link: tuple | None = None  # (url, key) of the w:hyperlink / HYPERLINK field it sits in
    members: tuple = ()


def inlines_from(atoms: list[Atom]) -> tuple:
    """The inlines a paragraph's atoms make, in canonical form: adjacent Text joined, Strong outside Emphasis,
    marks a whole link shares outside the Link, «name» as Field and the writer's «\\u2060 escape undone."""
    merged: list[Atom] = []
    for atom in atoms:  # join text runs with the same marks (Word splits runs freely)
        last = merged[-1] if merged else None
        if atom.kind == "t" and last and last.kind == "t" and (last.bold, last.italic, last.link) == (
                atom.bold, atom.italic, atom.link):
            merged[-1] = replace(last, value=last.value + atom.value)
        else:
            merged.append(atom)
    expanded: list[Atom] = []
    for atom in merged:  # «name» is a field; «\u2060name» was literal text escaped by the writer
        if atom.kind != "t":
            expanded.append(atom)
            continue
        pos = 0
        for m in FIELD_TEXT.finditer(atom.value):
            expanded.append(replace(atom, value=atom.value[pos:m.start()]))
            expanded.append(replace(atom, kind="f", value=m.group(1)))
            pos = m.end()
        expanded.append(replace(atom, value=atom.value[pos:]))
    expanded = [replace(a, value=_UNESCAPE.sub("«", a.value)) if a.kind == "t" else a
                for a in expanded if not (a.kind == "t" and not a.value)]
    items: list[Atom] = []
    for key, group in itertools.groupby(expanded, key=lambda a: a.link):
        group = list(group)
        if key is None:
            items.extend(group)
            continue
        bold, italic = all(a.bold for a in group), all(a.italic for a in group)
        members = tuple(replace(a, bold=a.bold and not bold, italic=a.italic and not italic, link=None) for a in group)
        items.append(Atom("a", key[0], bold, italic, None, members))
    return merge_text(_nest(items, ("bold", "italic")))


def _nest(items, keys) -> list:
    if not keys:
        return [_leaf(item) for item in items]
    key, rest = keys[0], keys[1:]
    out = []
    for flag, group in itertools.groupby(items, key=lambda a: getattr(a, key)):
        group = list(group)
        if flag:
            inner = merge_text(_nest([replace(a, **{key: False}) for a in group], rest))
            out.append(Strong(inner) if key == "bold" else Emphasis(inner))
        else:
            out.extend(_nest(group, rest))
    return out


def _leaf(atom: Atom):
    if atom.kind == "t":
        return Text(atom.value)
    if atom.kind == "br":
        return LineBreak()
    if atom.kind == "f":
        return Field(atom.value)
    return Link(atom.value, merge_text(_nest(list(atom.members), ("bold", "italic"))))


