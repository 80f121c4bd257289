"""The DOCX writer: a strict visitor from the Notice model to a Word document styled by templates/reference.docx.

Layout: US Letter, one-inch margins. The letterhead sits in the first-page header, the
notice date is the first body paragraph, the first address block is a frame fixed on the
page where a #10 window envelope shows it, every page's footer says "Page X of Y", and a
draft carries a DRAFT watermark and a "DRAFT — NOT FOR MAILING" line in every header.
Each section with an element is a block content control (w:sdt) whose w:tag and w:alias
are the element id, so the reader (readers/docx.py) finds the element again after
counsel edits the letter in Word.

Determinism: the same notice gives the same bytes. The zip entries carry a fixed
timestamp, and docProps/core.xml has no created/modified dates unless the caller passes
``created`` (the notice's own date is in its text; a file date would only leak when it
was generated).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

import phonenumbers
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches

from ..errors import TemplateError
from ..i18n import N_, catalog
from ..model import (
    AddressBlock,
    BulletList,
    Emphasis,
    Field,
    Heading,
    LineBreak,
    Link,
    Notice,
    Paragraph,
    Section,
    Signature,
    Strong,
    Table,
    Tagline,
    Text,
    plain,
    section_text,
)
from ..resources import data_dir
from .html import LTR_FROM_DIGIT, text_direction

# Style names shared with readers/docx.py and defined by scripts/make_reference_docx.py.
TITLE, NORMAL, LIST_BULLET, LIST_NUMBER, TABLE = "Title", "Normal", "List Bullet", "List Number", "Notice Table"
HYPERLINK, MERGE_FIELD = "Hyperlink", "Merge Field"
ADDRESS, CLOSING, SIGNATURE = "Address Block", "Closing", "Signature"
LETTERHEAD_NAME, LETTERHEAD, DATE, DRAFT_MARK, FOOTER = "Letterhead Name", "Letterhead", "Notice Date", "Draft Mark", "Footer"
TAGLINE = "Tagline"
REQUIRED_STYLES = (TITLE, "Heading 1", "Heading 2", "Heading 3", NORMAL, LIST_BULLET, LIST_NUMBER, TABLE, HYPERLINK, MERGE_FIELD,
                   ADDRESS, CLOSING, SIGNATURE, LETTERHEAD_NAME, LETTERHEAD, DATE, DRAFT_MARK, FOOTER, TAGLINE)

EAST_ASIAN_FONT = "WenQuanYi Micro Hei"
"""The w:eastAsia font of Chinese, Japanese and Korean text: on Debian in fonts-wqy-microhei (.ci/run installs
it; it covers Hanzi, kana and Hangul). Word without it substitutes its own East Asian font."""
COMPLEX_SCRIPT_FONT = "DejaVu Sans"
"""The w:cs font of Arabic and Persian text (fonts-dejavu-core covers both)."""
_CJK = ("zh", "ja", "ko")
_URL_TEXT = re.compile(r"^(?:https?://|mailto:|www\.)\S+$|^[^\s@]+@[^\s@]+\.[^\s@]+$")
_LRM = "\u200e"
"""A phone number in right-to-left text goes between two LEFT-TO-RIGHT MARKs, in a run without w:rtl: Word's
non-breaking hyphen (U+2011) and spaces are neutrals, so "1-888-555-0172" or "(800) 555-0100" would otherwise
show their digit groups in reverse; after a LRM the digits resolve left to right (Unicode bidi rules W7, N1).
Tried in LibreOffice 7/24: embeddings (U+202A/U+202C) keep the order but break lines inside them and draw the
next line over the first; w:dir is ignored; plain hyphens with a WORD JOINER reverse the groups. LibreOffice
does not break a line at the space before a LRM, so a number at a line end can break inside (Word breaks
there). The DOCX reader takes the two marks back out."""
WATERMARK_ID = "PowerPlusWaterMarkObject"  # the shape id prefix Word itself gives a text watermark

FIELD_TEXT = re.compile("«([a-z0-9_]+)»")
"""How a Field reads in the document: «recipient_name»."""
_FIELD_LIKE = re.compile("«(?=\u2060*[a-z0-9_]+»)")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# The window of a standard #10 window envelope on a tri-folded US Letter sheet: 7/8" from the left
# edge, about 2" from the top, 4 1/2" x 1 1/8". The first address block is a frame fixed to the page
# 1" from the left (inside the window's 7/8") and 2 1/8" from the top (1/8" inside the window's top
# edge); at 11 pt, five lines end by about 3 1/16", above the window's bottom edge at 3 1/8". Body
# text does not flow beside the frame (wrap "notBeside"): whatever precedes it in the letter sits
# above, the rest continues below, however tall the letterhead is.
_WINDOW_FRAME = dict(w="6120", hSpace="180", vSpace="180", wrap="notBeside", vAnchor="page", hAnchor="page",
                     x="1440", y="3060")

_AFTER_KEEP_NEXT = ("w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
                    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                    "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                    "w:pPrChange")
"""pPr children that follow w:keepNext in the schema's order (insert_element_before needs them)."""

_AFTER_BIDI = _AFTER_KEEP_NEXT[_AFTER_KEEP_NEXT.index("w:bidi") + 1:]
"""pPr children that follow w:bidi."""


@dataclass(frozen=True)
class Script:
    """How text in one language is written: its BCP 47 tag, right-to-left or not, East Asian or not."""

    tag: str | None
    rtl: bool = False
    cjk: bool = False

    @classmethod
    def of(cls, tag: str | None, direction: str | None = None) -> "Script":
        if not tag:
            return cls(None)
        language = tag.split("-")[0].lower()
        rtl = (direction or text_direction(tag)) == "rtl"
        return cls(tag, rtl, language in _CJK)


_DRAFT_FRAME = dict(w="9360", wrap="notBeside", vAnchor="page", hAnchor="margin", xAlign="center", y="259")

_WORDS = (  # the only words the writer adds itself; translated by the locale's catalog (locales/)
    N_("Page {page} of {pages}"), N_("DRAFT — NOT FOR MAILING"), N_("DRAFT"),
)


def phone_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each US phone number in ``text`` (phonenumbers' VALID matches)."""
    if not any(ch.isdigit() for ch in text):
        return []
    return [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, "US")]


def _ltr_spans(text: str) -> list[tuple[int, int]]:
    """Phone numbers, and left-to-right text that starts with a number, in right-to-left ``text``."""
    spans = phone_spans(text)
    for match in LTR_FROM_DIGIT.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in spans):
            spans.append((match.start(), match.end()))
    return sorted(spans)


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (C0 controls other than tab, LF, CR; lone surrogates;
    U+FFFE/U+FFFF). Everything else, right-to-left overrides included, is kept as text."""
    return _FORBIDDEN.sub("", text)


def escape_field_like(text: str) -> str:
    """Put a WORD JOINER after a « that would make literal text read back as a Field (facts never become fields)."""
    return _FIELD_LIKE.sub("«\u2060", text)


def language_tag(locale: str) -> str | None:
    """``es_US`` -> ``es-US``; None for ``und`` or anything that is not a language tag."""
    tag = locale.replace("_", "-")
    return tag if re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag) and tag != "und" else None


def reference_path():
    return data_dir("templates") / "reference.docx"


def render(notice: Notice, *, created: dt.datetime | None = None) -> bytes:
    """The notice as a .docx file. ``created`` stamps core created/modified dates; None leaves them out."""
    doc = Document(str(reference_path()))
    missing = [name for name in REQUIRED_STYLES if name not in {s.name for s in doc.styles}]
    if missing:
        raise TemplateError(f"{reference_path()}: reference.docx lacks the style(s) {', '.join(missing)}; "
                            "regenerate it with scripts/make_reference_docx.py")
    writer = _Writer(doc, notice)
    writer.write()
    _properties(doc, notice, created)
    _script_fonts(doc, writer.base)
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue())


class _Writer:
    """Walks one notice into one python-docx Document; raises TypeError on a node type it does not know."""

    def __init__(self, doc, notice: Notice):
        self.doc, self.notice = doc, notice
        self.body = doc.element.body
        translate = catalog(notice.locale).gettext if notice.locale and notice.locale != "und" else str
        self.words = tuple(translate(word) for word in _WORDS)
        self.style_id = {s.name: s.style_id for s in doc.styles}
        self.framed = False
        self.in_taglines = False  # the last block written was a tagline
        self.sdt_count = 0
        self.base = Script.of(language_tag(notice.locale) if notice.locale else None)
        """The notice's own script: paragraphs right-to-left (w:bidi) and runs w:rtl when it is; its fonts
        and language are set for the whole document (_script_fonts)."""
        self.script = self.base
        """The script of the text being written: the notice's, a tagline's, or plain left-to-right (addresses)."""
        self.blocks = {Heading: self.heading, Paragraph: self.paragraph, BulletList: self.bullet_list,
                       Table: self.table, AddressBlock: self.address, Signature: self.signature,
                       Tagline: self.tagline}

    # ------------------------------------------------------------ document
    def write(self) -> None:
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self.page()
        dated_in_text = self.dated_in_text()
        if self.notice.meta.date and not dated_in_text:
            self.add_runs(self.para(DATE), (Text(self.notice.meta.date),))
        for section in self.notice.sections:
            self.section(section)
        if dated_in_text:  # no date line to hold the body off the letterhead: the first line keeps the date's room
            first = next(self.body.iter(qn("w:p")))
            first.get_or_add_pPr().get_or_add_spacing().set(qn("w:before"), "360")
        # no w:bidi on the section: LibreOffice would mirror the address frame away from the envelope window
        if len(self.body) < 2 or self.body[-2].tag != qn("w:p"):  # Word wants a paragraph last (or at all)
            end = self.doc.add_paragraph()
            end.paragraph_format.space_after = 0
            end._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/></w:rPr>'))

    def page(self) -> None:
        sect = self.doc.sections[0]
        sect.page_width, sect.page_height = Inches(8.5), Inches(11)
        sect.left_margin = sect.right_margin = sect.top_margin = sect.bottom_margin = Inches(1)
        sect.header_distance = sect.footer_distance = Inches(0.5)
        meta = self.notice.meta
        sect.different_first_page_header_footer = bool(meta.letterhead)
        if meta.letterhead:  # pages 2 on: a continuation line (sender, title, date), as business letters have
            sender = meta.letterhead[0]
            if meta.title and sender.casefold() in meta.title.casefold():  # "Riverbend ... Provides Notice ..."
                sender = None
            line = " · ".join(x for x in (sender, meta.title, meta.date) if x)
            cont = sect.header.paragraphs[0]
            cont.style = self.doc.styles[FOOTER]
            self.directed(cont._p)
            self.add_text_run(cont._p, line)
        if meta.draft:
            self.draft_mark(sect.header, 1)
        if meta.letterhead:
            header = sect.first_page_header
            outer, self.script = self.script, Script(None)  # names, street addresses, numbers: left to right
            for index, line in enumerate(meta.letterhead):
                p = header.paragraphs[0] if index == 0 else header.add_paragraph()
                p.style = self.doc.styles[LETTERHEAD_NAME if index == 0 else LETTERHEAD]
                self.directed(p._p)
                self.add_text_run(p._p, line)
            self.script = outer
            if meta.draft:
                self.draft_mark(header, 2)
        footers = [sect.footer] + ([sect.first_page_footer] if meta.letterhead else [])
        for footer in footers:
            self.page_numbers(footer.paragraphs[0])

    def dated_in_text(self) -> bool:
        """True when the notice's opening already prints its date (a press release's dateline): no date twice."""
        date = self.notice.meta.date
        opening = self.notice.sections[0] if self.notice.sections else None
        return bool(date and opening and opening.element is None and date in section_text(opening))

    def keep_with_next(self) -> None:
        """Keep the body's last paragraph (inside a content control or not) on the page of what follows."""
        children = list(self.body)
        previous = children[-2] if len(children) >= 2 else None
        if previous is not None and previous.tag == qn("w:sdt"):
            paragraphs = previous.findall(".//" + qn("w:p"))
            previous = paragraphs[-1] if paragraphs else None
        if previous is None or previous.tag != qn("w:p"):
            return
        ppr = previous.get_or_add_pPr()
        if ppr.find(qn("w:keepNext")) is None:
            ppr.insert_element_before(OxmlElement("w:keepNext"), *_AFTER_KEEP_NEXT)

    def draft_mark(self, header, number: int) -> None:
        """A "DRAFT — NOT FOR MAILING" line framed at the top edge (out of the header's flow, so the
        letterhead does not move) and a diagonal DRAFT watermark behind the page."""
        last = header.paragraphs[-1]._p  # carries the watermark: a fresh header's one empty paragraph, or the letterhead's last
        mark = header.paragraphs[0].insert_paragraph_before(style=self.doc.styles[DRAFT_MARK])._p
        mark.pPr.find(qn("w:pStyle")).addnext(OxmlElement("w:framePr", {qn(f"w:{k}"): v for k, v in _DRAFT_FRAME.items()}))
        self.directed(mark)
        self.add_text_run(mark, " — ".join((self.words[1], *self.notice.meta.draft_reason)))
        last.append(parse_xml(_WATERMARK.format(ns=_VML_NS, n=number, spid=2048 + number, text=escape(self.words[2]))))

    def page_numbers(self, paragraph) -> None:
        paragraph.style = self.doc.styles[FOOTER]
        self.directed(paragraph._p)
        before, middle_after = self.words[0].split("{page}")
        middle, after = middle_after.split("{pages}")
        for text, instr in ((before, "PAGE"), (middle, "NUMPAGES"), (after, None)):
            if text:
                self.add_text_run(paragraph._p, text)
            if instr:
                paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" {instr} \\* MERGEFORMAT ">'
                                              f'<w:r><w:t>1</w:t></w:r></w:fldSimple>'))

    def section(self, section: Section) -> None:
        start = len(self.body) - 1  # index of the closing w:sectPr
        self.last_table = False
        for block in section.blocks:
            self.block(block)
        if section.element is None:
            return
        content = list(self.body)[start:-1]
        if not content:
            content = [self.doc.add_paragraph()._p]
        self.sdt_count += 1
        tag = escape(xml_safe(section.element), {'"': "&quot;"})
        sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/>'
                        f'<w:id w:val="{self.sdt_count}"/><w:lock w:val="sdtLocked"/></w:sdtPr>'
                        f'<w:sdtContent/></w:sdt>')
        content[0].addprevious(sdt)
        holder = sdt.find(qn("w:sdtContent"))
        for element in content:
            holder.append(element)

    # ------------------------------------------------------------ blocks
    def block(self, block) -> None:
        visit = self.blocks.get(type(block))
        if visit is None:
            raise TypeError(f"DOCX writer: unknown block node {type(block).__name__}")
        if not isinstance(block, Table):
            self.last_table = False
        visit(block)
        self.in_taglines = isinstance(block, Tagline)

    def heading(self, block: Heading) -> None:
        if not 1 <= block.level <= 4:
            raise ValueError(f"DOCX writer: heading level {block.level} is outside 1-4 (Title, Heading 1-3)")
        style = TITLE if block.level == 1 else f"Heading {block.level - 1}"
        self.add_runs(self.para(style), block.children)

    def paragraph(self, block: Paragraph) -> None:
        self.add_runs(self.para(), block.children)

    def tagline(self, block: Tagline) -> None:
        """A paragraph in its own language: its direction, fonts and w:lang on the paragraph and every run."""
        first = not self.in_taglines
        outer, self.script = self.script, Script.of(block.lang, block.dir)
        try:
            p = self.para(TAGLINE)
            if first:  # the block of taglines stands apart from the letter: a rule and some space above it
                ppr = p.get_or_add_pPr()
                ppr.insert_element_before(parse_xml(f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="4" '
                                                    'w:space="6" w:color="808080"/></w:pBdr>'),
                                          *_AFTER_KEEP_NEXT[_AFTER_KEEP_NEXT.index("w:pBdr") + 1:])
                ppr.insert_element_before(OxmlElement("w:spacing", {qn("w:before"): "360"}),
                                          *_AFTER_KEEP_NEXT[_AFTER_KEEP_NEXT.index("w:spacing") + 1:])
            self.add_runs(p, block.children)
        finally:
            self.script = outer

    def para(self, style: str | None = None):
        """A new body paragraph (w:p) in ``style``, right-to-left when the text being written is."""
        return self.directed(self.doc.add_paragraph(style=style)._p)

    def directed(self, p):
        """w:bidi on a paragraph of right-to-left text; w:bidi="0" on a left-to-right one in a right-to-left notice."""
        if self.script.rtl or self.base.rtl:
            bidi = OxmlElement("w:bidi", {} if self.script.rtl else {qn("w:val"): "0"})
            p.get_or_add_pPr().insert_element_before(bidi, *_AFTER_BIDI)
        return p

    def bullet_list(self, block: BulletList) -> None:
        self.keep_with_next()  # the sentence that introduces a list stays with its first item
        style = LIST_NUMBER if block.ordered else LIST_BULLET
        num_id = self.new_list(style, restart=block.ordered)
        for item in block.items:
            p = self.para(style)
            num_pr = p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
            self.add_runs(p, item)

    def new_list(self, style: str, *, restart: bool) -> int:
        """A numbering instance of its own for each list, so ordered lists restart at 1 and lists stay apart."""
        numbering = self.doc.part.numbering_part.element
        style_num = self.doc.styles.element.get_by_id(self.style_id[style]).pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        if restart:
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def table(self, block: Table) -> None:
        rows = ((block.header,) if block.header else ()) + block.rows
        columns = max((len(row) for row in rows), default=0)
        if not columns:
            return
        if self.last_table:  # two tables in a row would merge into one in Word
            self.doc.add_paragraph()
        table = self.doc.add_table(rows=len(rows), cols=columns)
        table.style = self.doc.styles[TABLE]
        if self.script.rtl:  # columns run right to left
            table._tbl.tblPr.insert_element_before(
                OxmlElement("w:bidiVisual"), "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
        if block.header:
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.add_runs(self.directed(table.cell(r, c).paragraphs[0]._p), cell)
        self.last_table = True

    def address(self, block: AddressBlock) -> None:
        """A US postal address: left to right, whatever the notice's language (USPS reads it)."""
        outer, self.script = self.script, Script(None)
        for line in block.lines:
            p = self.para(ADDRESS)
            if not self.framed:
                frame = OxmlElement("w:framePr", {qn(f"w:{k}"): v for k, v in _WINDOW_FRAME.items()})
                p.pPr.find(qn("w:pStyle")).addnext(frame)
            self.add_runs(p, line)
        if self.base.rtl and not self.framed:
            # LibreOffice places a frame from the right edge when the paragraph it is anchored to (the next one)
            # runs right to left: anchor the window frame to an empty left-to-right line of its own
            anchor = self.para()
            anchor.get_or_add_pPr().insert_element_before(
                OxmlElement("w:spacing", {qn("w:before"): "0", qn("w:after"): "0", qn("w:line"): "20",
                                          qn("w:lineRule"): "exact"}),
                *_AFTER_KEEP_NEXT[_AFTER_KEEP_NEXT.index("w:spacing") + 1:])
        self.script = outer
        self.framed = True

    def signature(self, block: Signature) -> None:
        """Closing and signer lines, kept together and with the paragraph before them: a signature never
        stands alone on the letter's last page (a sheet and postage for four lines)."""
        self.keep_with_next()
        last = None
        for index, line in enumerate(block.lines):
            style = CLOSING if index == 0 and len(block.lines) > 1 else SIGNATURE
            last = self.para(style)
            self.add_runs(last, line)
        if last is not None:  # the style keeps each line with the next; the chain ends at the last line
            ppr = last.get_or_add_pPr()
            ppr.insert_element_before(OxmlElement("w:keepNext", {qn("w:val"): "0"}), *_AFTER_KEEP_NEXT)

    # ------------------------------------------------------------ inlines
    def add_runs(self, parent, nodes, *, bold=False, italic=False, style=None, ltr=False) -> None:
        """``ltr``: the text stays left to right inside right-to-left text (a URL)."""
        for node in nodes:
            kind = type(node)
            if kind is Text:
                self.add_text(parent, node.text, bold=bold, italic=italic, style=style, ltr=ltr)
            elif kind is Strong:
                self.add_runs(parent, node.children, bold=True, italic=italic, style=style, ltr=ltr)
            elif kind is Emphasis:
                self.add_runs(parent, node.children, bold=bold, italic=True, style=style, ltr=ltr)
            elif kind is Link:
                self.link(parent, node, bold=bold, italic=italic)
            elif kind is Field:  # a bare styled run, whatever the script: mail/variants.py fills exactly these
                self.add_text_run(parent, f"«{node.name}»", bold=bold, italic=italic, style=MERGE_FIELD, bare=True)
            elif kind is LineBreak:
                self.add_text_run(parent, "\n", bold=bold, italic=italic, style=style)
            else:
                raise TypeError(f"DOCX writer: unknown inline node {kind.__name__}")

    def link(self, parent, node: Link, *, bold: bool, italic: bool) -> None:
        url = xml_safe(node.url).strip()
        ltr = self.script.rtl and bool(_URL_TEXT.match(plain(node.children).strip()))  # a URL shown as itself
        if parent.tag == qn("w:hyperlink") or not url:  # Word cannot nest links: keep the text
            self.add_runs(parent, node.children, bold=bold, italic=italic, style=HYPERLINK if url else None, ltr=ltr)
            return
        hyperlink = OxmlElement("w:hyperlink", {qn("r:id"): self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True),
                                                qn("w:history"): "1"})
        parent.append(hyperlink)
        self.add_runs(hyperlink, node.children, bold=bold, italic=italic, style=HYPERLINK, ltr=ltr)

    def add_text(self, parent, text: str, *, bold=False, italic=False, style=None, ltr=False) -> None:
        """Literal text; the hyphens of a phone number become Word's non-breaking hyphen, so "1-888-555-0172"
        never ends one line with "1-" (the DOCX reader reads them back as "-"). In right-to-left text a phone
        number (and, with ``ltr``, the whole text: a URL) is a run without w:rtl, written so that it keeps its
        order (see _LRM)."""
        pos = 0
        rtl = self.script.rtl
        if ltr and rtl:  # a URL: a run without w:rtl (it starts with a letter, which sets its direction)
            self.add_text_run(parent, escape_field_like(text), bold=bold, italic=italic, style=style, ltr=True)
            return
        for start, end in _ltr_spans(text) if rtl else phone_spans(text):
            if start > pos:
                self.add_text_run(parent, escape_field_like(text[pos:start]), bold=bold, italic=italic, style=style)
            number = _LRM + text[start:end] + _LRM if rtl else text[start:end]
            self.add_text_run(parent, number, bold=bold, italic=italic, style=style, nobreak_hyphens=True, ltr=True)
            pos = end
        if pos < len(text) or not text:
            self.add_text_run(parent, escape_field_like(text[pos:]), bold=bold, italic=italic, style=style)

    def add_text_run(self, parent, text: str, *, bold=False, italic=False, style=None,
                     nobreak_hyphens: bool = False, ltr: bool = False, bare: bool = False) -> None:
        """One w:r. In right-to-left text the run is w:rtl (bold and italic then also w:bCs, w:iCs) unless
        ``ltr``; in a tagline every run names its fonts and w:lang. ``bare``: style, bold and italic only."""
        script = self.script
        rtl = script.rtl and not ltr and not bare
        own = script.tag is not None and script is not self.base and not bare
        run = OxmlElement("w:r")
        if style or bold or italic or rtl or own:
            rpr = OxmlElement("w:rPr")
            if style:
                rpr.append(OxmlElement("w:rStyle", {qn("w:val"): self.style_id[style]}))
            if own and script.cjk:
                rpr.append(OxmlElement("w:rFonts", {qn("w:eastAsia"): EAST_ASIAN_FONT}))
            elif own and script.rtl:
                rpr.append(OxmlElement("w:rFonts", {qn("w:cs"): COMPLEX_SCRIPT_FONT}))
            if bold:
                rpr.append(OxmlElement("w:b"))
                if rtl:
                    rpr.append(OxmlElement("w:bCs"))
            if italic:
                rpr.append(OxmlElement("w:i"))
                if rtl:
                    rpr.append(OxmlElement("w:iCs"))
            if rtl:
                rpr.append(OxmlElement("w:rtl"))
            if own:
                lang = {qn("w:val"): script.tag}
                if script.cjk:
                    lang[qn("w:eastAsia")] = script.tag
                if script.rtl:
                    lang[qn("w:bidi")] = script.tag
                rpr.append(OxmlElement("w:lang", lang))
            run.append(rpr)
        for piece in re.split(r"(\t|\r\n|\r|\n|-)" if nobreak_hyphens else r"(\t|\r\n|\r|\n)", xml_safe(text)):
            if piece == "\t":
                run.append(OxmlElement("w:tab"))
            elif piece == "-":
                run.append(OxmlElement("w:noBreakHyphen"))
            elif piece in ("\r\n", "\r", "\n"):
                run.append(OxmlElement("w:br"))
            elif piece:
                t = OxmlElement("w:t")
                t.text = piece
                if piece != piece.strip():
                    t.set(qn("xml:space"), "preserve")
                run.append(t)
        parent.append(run)


def _properties(doc, notice: Notice, created: dt.datetime | None) -> None:
    """Core and app properties name the entity, never a person; language = the notice's locale."""
    meta, tag = notice.meta, language_tag(notice.locale)
    core = doc.core_properties
    core.title = xml_safe(meta.title or "")
    core.subject = xml_safe(meta.subject or notice.kind)
    core.author = core.last_modified_by = xml_safe(meta.entity or "")
    core.keywords = ", ".join(x for x in (notice.kind, tag, meta.channel) if x)
    core.category = notice.kind
    core.language = tag or ""
    core.comments = core.identifier = ""
    core.content_status = "Draft" if meta.draft else ""
    core.revision = 1
    if created is None:
        for name in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
            for el in core._element.findall(qn(name)):
                core._element.remove(el)
    else:
        core.created = core.modified = created
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    lang.set(qn("w:val"), tag or "x-none")  # Word's "no language"
    app = next((p for p in doc.part.package.iter_parts() if p.partname == "/docProps/app.xml"), None)
    if app is not None:
        app._blob = _APP_XML.format(company=escape(xml_safe(meta.entity or ""))).encode("utf-8")


def _script_fonts(doc, script: Script) -> None:
    """A Chinese, Japanese or Korean notice: every w:rFonts of the styles names the East Asian font and the
    default w:lang its East Asian language; an Arabic or Persian notice: the complex-script font and w:bidi."""
    if not (script.cjk or script.rtl):
        return
    styles = doc.styles.element
    slot, font = ("w:eastAsia", EAST_ASIAN_FONT) if script.cjk else ("w:cs", COMPLEX_SCRIPT_FONT)
    for fonts in styles.iter(qn("w:rFonts")):
        fonts.set(qn(slot), font)
    lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    lang.set(qn("w:eastAsia") if script.cjk else qn("w:bidi"), script.tag)
    if script.rtl:  # letter spacing (the title's) pulls joined Arabic letters apart along a drawn baseline
        for spacing in [s for s in styles.iter(qn("w:spacing")) if s.getparent().tag == qn("w:rPr")]:
            spacing.getparent().remove(spacing)


def deterministic_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps, so the same document always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<Application>noticegen</Application><DocSecurity>0</DocSecurity><Company>{company}</Company></Properties>')

_VML_NS = (f'{nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:w10="urn:schemas-microsoft-com:office:word"')

# Word's own text watermark: a VML WordArt shape (type 136) behind the text, centred on the page.
_WATERMARK = """<w:r {ns}><w:rPr><w:noProof/></w:rPr><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">
<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>
<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
<v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>
<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="PowerPlusWaterMarkObject{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:468pt;height:156pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="silver" stroked="f">
<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="{text}"/>
<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>"""
