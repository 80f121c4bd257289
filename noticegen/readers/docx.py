"""The DOCX reader: our own notices (sections from content-control tags) and letters drafted by hand (sections from headings).

What it reads, in a file noticegen wrote: sections from block content controls whose w:tag
is an element id; blocks from paragraph styles (Title / Heading n, List Bullet / List
Number, Address Block, Closing + Signature, Notice Table); fields from «name» text (the
Merge Field style only makes them visible); meta from core properties, the Notice Date
paragraph, the letterhead in the first-page header, and the DRAFT watermark. In a letter
counsel drafted by hand (no tagged content controls): a heading (Title / Heading n style,
or a short paragraph that is all bold) opens a section, and its element comes from
``kinds.element_for_heading``. Tracked changes read as accepted; Word mail-merge fields
(MERGEFIELD) read as fields; HYPERLINK fields read as links.

Canonical form of what comes back: adjacent Text nodes are joined; Strong wraps Emphasis;
marks shared by a whole link sit outside the Link; two lists (or address blocks) with
nothing between them come back as one unless they had their own numbering.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from ..kinds import KINDS, SECTION_IDS, element_for_heading
from ..model import (AddressBlock, BulletList, Heading, LineBreak, Meta, Notice, Paragraph, Section, Signature, Strong,
                     Table, Tagline)
from ..model import plain as _plain
from ..render.docx import (ADDRESS, CLOSING, DATE, DRAFT_MARK, LETTERHEAD, LETTERHEAD_NAME, MERGE_FIELD, SIGNATURE,
                           TAGLINE, WATERMARK_ID)
from ..tidy import LANGUAGE_TAG
from .docx_package import document_xml, open_document  # noqa: F401  (document_xml: golden tests import it here)
from .docx_runs import Atom, inlines_from
from .source import check_block, check_block_count

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
VML = "{urn:schemas-microsoft-com:vml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CHANNELS = ("letter", "email", "web", "media", "script", "hhs", "memo")
_MERGEFIELD = re.compile(r'^\s*MERGEFIELD\s+"?([A-Za-z0-9_]+)"?', re.I)
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.I)
_LRM = "\u200e"
"""The writer keeps a phone number left to right in right-to-left text with a LEFT-TO-RIGHT MARK at each end of
its run (render/docx.py _LRM): those two marks are not text."""


def read(data: bytes, *, kind: str | None = None, locale: str | None = None) -> Notice:
    """The notice in a .docx file. ``kind``/``locale`` override what the file says; None means read them
    from it (core category / language, else the document language), falling back to "unknown" / "und"."""
    doc = open_document(data)
    reader = _Reader(doc)
    sections, date = reader.body()
    core = doc.core_properties
    category = (core.category or "").strip()
    ours = reader.ours
    tokens = [t.strip() for t in (core.keywords or "").split(",")]
    meta = Meta(
        title=core.title or None,
        entity=(reader.company() or core.author or None) if ours else None,
        letterhead=reader.letterhead(),
        date=date,
        subject=core.subject if core.subject and core.subject != category else None,
        channel=tokens[2] if ours and len(tokens) > 2 and tokens[2] in CHANNELS else None,
        draft=reader.draft(),
    )
    return Notice(kind=kind or (category if category in KINDS else "unknown"),
                  locale=locale or _locale(core.language) or _locale(reader.language()) or "und",
                  meta=meta, sections=sections)


def _locale(tag: str | None) -> str | None:
    tag = (tag or "").strip()
    return tag.replace("-", "_") if re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", tag) and tag != "und" else None


def _on(element) -> bool:
    return element is not None and element.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")


class _Reader:
    def __init__(self, doc):
        self.doc, self.part = doc, doc.part
        self.styles = {s.style_id: s for s in doc.styles}
        body = doc.element.body
        # Written by noticegen (and perhaps edited in Word since): element content controls, or our own styles.
        self.ours = (any(_sdt_tag(sdt) in SECTION_IDS for sdt in body.iter(f"{W}sdt"))
                     or {MERGE_FIELD, DATE, ADDRESS} <= {s.name for s in self.styles.values()})
        self.numbering = self._numbering()

    # ------------------------------------------------------------ structure
    def body(self) -> tuple[tuple[Section, ...], str | None]:
        segments: list[list] = [[None, False, []]]  # [element, tagged, xml blocks]
        self._walk(self.doc.element.body, segments, inside=False)
        check_block_count(sum(len(blocks) for _, _, blocks in segments))
        sections, date = [], None
        for element, tagged, blocks in segments:
            items = []
            for xml in blocks:
                item = self._item(xml)
                if item[0] == "date":
                    date = date or item[1]
                elif item[0] != "skip":
                    items.append(item)
            parts = [(element, items)] if tagged else self._split(items)
            for part_element, part_items in parts:
                if part_items or tagged:
                    sections.append(Section(part_element, _blocks(part_items)))
        return tuple(sections), date

    def _walk(self, container, segments, *, inside: bool) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}tbl" and not self.ours and _layout_table(child):
                for cell in child.iterfind(f"{W}tr/{W}tc"):  # a letter laid out in a table: its cells are the text
                    self._walk(cell, segments, inside=inside)
            elif tag in (f"{W}p", f"{W}tbl"):
                segments[-1][2].append(child)
                for box in _text_boxes(child):  # a text box's paragraphs follow the paragraph it is anchored in
                    self._walk(box, segments, inside=inside)
            elif tag == f"{W}sdt":
                element, content = _sdt_tag(child), child.find(f"{W}sdtContent")
                if content is None:
                    continue
                if element in SECTION_IDS and not inside:
                    segments.append([element, True, []])
                    self._walk(content, segments, inside=True)
                    segments.append([None, False, []])
                else:
                    self._walk(content, segments, inside=inside)
            elif tag in (f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                self._walk(child, segments, inside=inside)

    def _split(self, items):
        """Untagged blocks: a heading naming an element opens its section; a heading no deeper than the one
        that opened the current element section closes it."""
        parts, element, level = [[None, []]], None, None
        for item in items:
            if item[0] == "heading":
                found = element_for_heading(_plain(item[2]))
                if found or (element and item[1] <= level):
                    element, level = found, item[1]
                    parts.append([found, []])
            parts[-1][1].append(item)
        return [(e, i) for e, i in parts if i]

    # ------------------------------------------------------------ blocks
    def _item(self, xml) -> tuple:
        if xml.tag == f"{W}tbl":
            return ("table", self._table(xml))
        style = self._style_name(xml)
        inlines = self._inlines(xml)
        if style in (LETTERHEAD, LETTERHEAD_NAME, DRAFT_MARK):
            return ("skip",)
        if style == DATE:
            return ("date", _plain(inlines) or None)
        if style in (ADDRESS, CLOSING, SIGNATURE):
            return ({ADDRESS: "address", CLOSING: "closing", SIGNATURE: "signature"}[style], inlines)
        if not inlines:
            return ("skip",)
        if style == TAGLINE:
            lang = next((el.get(f"{W}val") for el in xml.iter(f"{W}lang") if el.get(f"{W}val")), None)
            bidi = xml.find(f"{W}pPr/{W}bidi")
            if lang and LANGUAGE_TAG.match(lang):
                return ("tagline", lang, "rtl" if bidi is not None and _on(bidi) else "ltr", inlines)
        level = 1 if style == "Title" else int(m.group(1)) + 1 if (m := re.fullmatch(r"Heading (\d)", style)) else 0
        if level:
            return ("heading", level, inlines)
        listing = self._list(xml, style)
        if listing:
            return ("item", listing, inlines)
        if not self.ours and self._bold_heading(xml, inlines):
            return ("heading", 2, inlines[0].children)
        return ("para", inlines)

    def _style_name(self, p) -> str:
        ref = p.find(f"{W}pPr/{W}pStyle")
        style = self.styles.get(ref.get(f"{W}val")) if ref is not None else None
        return style.name if style is not None else "Normal"

    def _list(self, p, style: str):
        """(ordered, numbering id) for a list paragraph, else None."""
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        num_id = num.get(f"{W}val") if num is not None else None
        if style.startswith(("List Bullet", "List Number")):
            return (style.startswith("List Number"), num_id)
        if num_id and num_id != "0":
            return (self.numbering.get(num_id, "decimal") != "bullet", num_id)
        return None

    def _bold_heading(self, p, inlines) -> bool:
        text = _plain(inlines).strip()
        return (len(inlines) == 1 and isinstance(inlines[0], Strong) and 0 < len(text) <= 80
                and "\n" not in text and not text.endswith("."))

    def _table(self, tbl) -> Table:
        rows = []
        for tr in tbl.findall(f"{W}tr"):
            cells = []
            for tc in tr.findall(f"{W}tc"):
                pieces = [self._inlines(p) for p in tc.iter(f"{W}p")]
                joined = [n for piece in pieces if piece for n in (LineBreak(),) + piece][1:]
                cells.append(tuple(joined))
            rows.append(tuple(cells))
        first = tbl.find(f"{W}tr")
        has_header = bool(rows) and first is not None and first.find(f"{W}trPr/{W}tblHeader") is not None
        return Table(rows[0] if has_header else (), tuple(rows[1:] if has_header else rows))

    # ------------------------------------------------------------ inlines
    def _inlines(self, p) -> tuple:
        atoms: list[Atom] = []
        self._collect(p, atoms, link=None, state={"depth": 0})
        check_block(sum(len(a.value) for a in atoms if a.kind == "t"), "DOCX: ")
        return inlines_from(atoms)

    def _collect(self, container, atoms, *, link, state) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}r":
                self._run(child, atoms, link, state)
            elif tag == f"{W}hyperlink":
                target = self._target(child)
                self._collect(child, atoms, link=(target, id(child)) if target else link, state=state)
            elif tag == f"{W}fldSimple":
                instr = child.get(f"{W}instr", "")
                if m := _MERGEFIELD.match(instr):
                    atoms.append(Atom("f", m.group(1).lower(), link=link))
                else:
                    m = _HYPERLINK.match(instr)
                    self._collect(child, atoms, link=(m.group(1), id(child)) if m else link, state=state)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self._collect(content, atoms, link=link, state=state)
            elif tag in (f"{W}ins", f"{W}smartTag", f"{W}customXml", f"{W}moveTo", f"{W}dir", f"{W}bdo"):
                self._collect(child, atoms, link=link, state=state)

    def _target(self, hyperlink) -> str | None:
        rid = hyperlink.get(R_ID)
        if rid and rid in self.part.rels:
            return self.part.rels[rid].target_ref
        anchor = hyperlink.get(f"{W}anchor")
        return f"#{anchor}" if anchor else None

    def _run(self, r, atoms, link, state) -> None:
        """One w:r; complex fields (fldChar begin / instrText / separate / end) tracked in ``state``."""
        bold, italic = self._marks(r)
        first = len(atoms)
        self._run_children(r, atoms, link, state, bold, italic)
        texts = [i for i in range(first, len(atoms)) if atoms[i].kind == "t"]
        if texts and atoms[texts[0]].value.startswith(_LRM) and atoms[texts[-1]].value.endswith(_LRM) and (
                len(texts) > 1 or len(atoms[texts[0]].value) > 1):
            atoms[texts[0]] = replace(atoms[texts[0]], value=atoms[texts[0]].value[1:])
            atoms[texts[-1]] = replace(atoms[texts[-1]], value=atoms[texts[-1]].value[:-1])

    def _run_children(self, r, atoms, link, state, bold, italic) -> None:
        for child in r:
            tag = child.tag
            if tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    state["depth"] += 1
                    if state["depth"] == 1:
                        state.update(instr="", phase="instr")
                elif kind == "separate" and state["depth"] == 1:
                    state["phase"] = "result"
                    if m := _MERGEFIELD.match(state["instr"]):
                        atoms.append(Atom("f", m.group(1).lower(), link=link))
                        state["phase"] = "skip"
                    elif m := _HYPERLINK.match(state["instr"]):
                        state["link"] = (m.group(1), id(child))
                elif kind == "end" and state["depth"]:
                    state["depth"] -= 1
                    if not state["depth"]:
                        state.pop("link", None)
                        state["phase"] = None
                continue
            phase = state.get("phase") if state["depth"] else None
            if tag == f"{W}instrText":
                state["instr"] = state.get("instr", "") + (child.text or "")
                continue
            if phase in ("instr", "skip"):
                continue
            here = state.get("link") or link
            text = {f"{W}t": child.text or "", f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}.get(tag)
            if text is not None:
                atoms.append(Atom("t", text, bold, italic, here))
            elif tag == f"{W}cr" or (tag == f"{W}br" and child.get(f"{W}type", "textWrapping") == "textWrapping"):
                atoms.append(Atom("br", None, bold, italic, here))

    def _marks(self, r) -> tuple[bool, bool]:
        rpr = r.find(f"{W}rPr")
        if rpr is None:
            return False, False
        marks = []
        for tag in ("b", "i"):
            direct = rpr.find(f"{W}{tag}")
            if direct is not None:
                marks.append(_on(direct))
                continue
            ref = rpr.find(f"{W}rStyle")
            marks.append(self._style_has(ref.get(f"{W}val"), tag) if ref is not None else False)
        return marks[0], marks[1]

    def _style_has(self, style_id: str | None, tag: str, depth: int = 0) -> bool:
        style = self.styles.get(style_id)
        if style is None or depth > 10:
            return False
        mark = style.element.find(f"{W}rPr/{W}{tag}")
        if mark is not None:
            return _on(mark)
        based = style.element.find(f"{W}basedOn")
        return self._style_has(based.get(f"{W}val"), tag, depth + 1) if based is not None else False

    # ------------------------------------------------------------ meta
    def _numbering(self) -> dict[str, str]:
        """numId -> numFmt of level 0 ("bullet", "decimal", ...)."""
        try:
            root = self.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return {}
        formats = {a.get(f"{W}abstractNumId"): a.find(f"{W}lvl/{W}numFmt") for a in root.findall(f"{W}abstractNum")}
        out = {}
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            fmt = formats.get(ref.get(f"{W}val")) if ref is not None else None
            out[num.get(f"{W}numId")] = fmt.get(f"{W}val") if fmt is not None else "decimal"
        return out

    def _headers(self):
        sect = self.doc.element.body.find(f"{W}sectPr")
        refs = sect.findall(f"{W}headerReference") if sect is not None else []
        ordered = sorted(refs, key=lambda ref: ref.get(f"{W}type") != "first")
        for ref in ordered:
            part = self.part.related_parts.get(ref.get(R_ID))
            if part is not None and hasattr(part, "element"):
                yield part.element

    def letterhead(self) -> tuple[str, ...]:
        for header in self._headers():
            lines = [_plain(self._inlines(p)) for p in header.iter(f"{W}p")
                     if self._style_name(p) in (LETTERHEAD_NAME, LETTERHEAD)]
            if lines:
                return tuple(lines)
        return ()

    def draft(self) -> bool:
        for header in self._headers():
            if any((shape.get("id") or "").startswith(WATERMARK_ID) for shape in header.iter(f"{VML}shape")):
                return True
            if any(self._style_name(p) == DRAFT_MARK for p in header.iter(f"{W}p")):
                return True
        return False

    def company(self) -> str | None:
        part = next((p for p in self.part.package.iter_parts() if p.partname == "/docProps/app.xml"), None)
        if part is None:
            return None
        try:
            root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return None
        found = root.find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company")
        return (found.text or "").strip() or None if found is not None else None

    def language(self) -> str | None:
        lang = self.doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        return lang.get(f"{W}val") if lang is not None else None


def _layout_table(tbl) -> bool:
    """Whether a table (in a file we did not write) lays out a letter rather than holding data: one column,
    a heading or three paragraphs in a cell, or a table inside it."""
    rows = tbl.findall(f"{W}tr")
    if rows and all(len(tr.findall(f"{W}tc")) <= 1 for tr in rows):
        return True
    for cell in tbl.iterfind(f"{W}tr/{W}tc"):
        paragraphs = [p for p in cell.findall(f"{W}p") if "".join(p.itertext()).strip()]
        styles = {s.get(f"{W}val", "") for p in paragraphs for s in p.findall(f"{W}pPr/{W}pStyle")}
        if len(paragraphs) >= 3 or cell.find(f"{W}tbl") is not None or any(
                s.startswith(("Heading", "Title")) for s in styles):
            return True
    return False


def _text_boxes(block):
    """The text-box contents (w:txbxContent) inside a paragraph or table, each once: the DrawingML copy, not
    the VML fallback Word writes beside it."""
    for box in block.iter(f"{W}txbxContent"):
        if not any(a.tag == f"{MC}Fallback" for a in box.iterancestors()):
            yield box


def _sdt_tag(sdt) -> str | None:
    tag = sdt.find(f"{W}sdtPr/{W}tag")
    return tag.get(f"{W}val") if tag is not None else None


def _blocks(items) -> tuple:
    """Group classified paragraphs into blocks: consecutive list items, address lines, signature lines."""
    blocks, open_kind = [], None
    for item in items:
        kind = item[0]
        if kind == "item" and open_kind == ("item", item[1]):
            blocks[-1] = replace(blocks[-1], items=blocks[-1].items + (item[2],))
        elif kind == "item":
            blocks.append(BulletList((item[2],), ordered=item[1][0]))
        elif kind == "address" and open_kind == "address":
            blocks[-1] = AddressBlock(blocks[-1].lines + (item[1],))
        elif kind == "address":
            blocks.append(AddressBlock((item[1],)))
        elif kind == "signature" and open_kind in ("signature", "closing"):
            blocks[-1] = Signature(blocks[-1].lines + (item[1],))
        elif kind in ("signature", "closing"):
            blocks.append(Signature((item[1],)))
        elif kind == "heading":
            blocks.append(Heading(item[1], item[2]))
        elif kind == "para":
            blocks.append(Paragraph(item[1]))
        elif kind == "tagline":
            blocks.append(Tagline(item[1], item[2], item[3]))
        elif kind == "table":
            blocks.append(item[1])
        open_kind = ("item", item[1]) if kind == "item" else kind
    return tuple(blocks)
