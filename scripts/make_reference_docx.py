"""Generate templates/reference.docx, the Word styles every DOCX notice uses, so the styles are reviewable code.

Run from the repository root:  .venv/bin/python scripts/make_reference_docx.py

The DOCX writer (noticegen/render/docx.py) opens this file, empties its body and names these
styles; it never sets a font run by run. Fonts are ones LibreOffice has metric-compatible
substitutes for (Calibri -> Carlito, Cambria -> Caladea), so a page breaks the same way in Word
and in LibreOffice. Body text is 12 pt: these letters go to patients of every age.

Style names the writer and reader rely on (change them in both places):
  Title, Heading 1, Heading 2, Heading 3, Normal, List Bullet, List Number, Notice Table,
  Hyperlink, Merge Field, Address Block, Letterhead Name, Letterhead, Notice Date, Closing,
  Signature, Tagline, Draft Mark, Header, Footer.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates" / "reference.docx"
sys.path.insert(0, str(ROOT))

from noticegen.render.docx import deterministic_zip  # noqa: E402  (one zip normaliser for both)

BODY_FONT = "Calibri"      # LibreOffice: Carlito (metric-compatible)
HEADING_FONT = "Cambria"   # LibreOffice: Caladea (metric-compatible)
INK = RGBColor(0x1F, 0x2A, 0x44)       # headings and letterhead name: near-black navy
GREY = RGBColor(0x40, 0x40, 0x40)      # letterhead contact lines, footer
LINK = RGBColor(0x05, 0x63, 0xC1)      # Word's own hyperlink blue
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)

KEEP = {  # python-docx default-template styles we keep; everything else is removed
    "Normal", "Header", "Footer", "Heading1", "Heading2", "Heading3", "DefaultParagraphFont",
    "TableNormal", "NoList", "Title", "ListParagraph", "ListBullet", "ListNumber", "Strong",
    "Emphasis", "TableGrid",
}

NUMBERING = f"""<w:numbering {nsdecls('w')}>
  <w:abstractNum w:abstractNumId="0">
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0">
      <w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/>
      <w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>
      <w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>
    </w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0">
      <w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ListNumber"/>
      <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
      <w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>
    </w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

NOTICE_TABLE = f"""<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="NoticeTable">
  <w:name w:val="Notice Table"/>
  <w:basedOn w:val="TableGrid"/>
  <w:uiPriority w:val="59"/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
      <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""


APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Template>reference.docx</Template><Application>noticegen</Application><DocSecurity>0</DocSecurity>'
           '<Company></Company></Properties>')


def explicit_font(style, name: str) -> None:
    """Name the font outright: theme-font attributes would win over it in Word."""
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{name}" w:hAnsi="{name}" w:cs="{name}" w:eastAsia="{name}"/>')
    rpr.insert(0, fonts)


def paragraph_style(doc, name: str, *, based_on: str = "Normal", next_style: str | None = None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[based_on]
    style.next_paragraph_style = styles[next_style or name]
    style.quick_style = True
    return style


def drop_clutter(doc) -> None:
    """Remove the default template's thumbnail, stylesWithEffects and customXml parts."""
    for rel in list(doc.part.rels.values()):
        if rel.reltype in ("http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects", RT.CUSTOM_XML):
            del doc.part.rels[rel.rId]
    pkg = doc.part.package
    for rel in list(pkg.rels.values()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg.rels[rel.rId]


def prune_styles(doc) -> None:
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP:
            root.remove(style)
    for style in root.findall(qn("w:style")):
        for tag in ("w:link", "w:rsid"):
            for el in style.findall(qn(tag)):
                style.remove(el)


def set_defaults(doc) -> None:
    """docDefaults: body font, 12 pt, en-US (the writer resets w:lang to each notice's locale)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().replace(defaults, parse_xml(
        f'<w:docDefaults {nsdecls("w")}>'
        f'<w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:cs="{BODY_FONT}" w:eastAsia="{BODY_FONT}"/>'
        f'<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        f'</w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="120" w:line="247" w:lineRule="auto"/></w:pPr>'
        f'</w:pPrDefault>'
        f'</w:docDefaults>'))


def define_styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    explicit_font(normal, BODY_FONT)
    normal.font.size = Pt(12)
    normal.paragraph_format.widow_control = True  # no line of a paragraph alone at a page's top or foot

    title = styles["Title"]
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    explicit_font(title, HEADING_FONT)
    title.font.size, title.font.bold, title.font.color.rgb = Pt(20), True, INK
    title.paragraph_format.space_before, title.paragraph_format.space_after = Pt(6), Pt(12)
    title.paragraph_format.keep_with_next = True

    for name, size, before in (("Heading 1", 14, 14), ("Heading 2", 12, 10), ("Heading 3", 12, 8)):
        heading = styles[name]
        explicit_font(heading, HEADING_FONT)
        heading.font.size, heading.font.bold, heading.font.color.rgb = Pt(size), True, INK
        heading.font.italic = name == "Heading 3"
        heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(before), Pt(4)
        heading.paragraph_format.keep_with_next = True

    for name in ("List Bullet", "List Number"):
        styles[name].paragraph_format.space_after = Pt(4)

    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.base_style = styles["Default Paragraph Font"]
    link.font.color.rgb, link.font.underline = LINK, True

    merge = styles.add_style("Merge Field", WD_STYLE_TYPE.CHARACTER)
    merge.base_style = styles["Default Paragraph Font"]
    merge.quick_style = True
    # A shaded (highlighted) run: a per-recipient slot that mail merge fills, easy to spot in review.
    merge.element.get_or_add_rPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="FFF2CC"/>'))

    address = paragraph_style(doc, "Address Block")
    address.paragraph_format.space_before = address.paragraph_format.space_after = Pt(0)
    address.paragraph_format.line_spacing = 1.0
    address.paragraph_format.keep_together = True
    address.font.size = Pt(11)  # five lines still fit the envelope window (see render/docx.py)

    letterhead = paragraph_style(doc, "Letterhead")
    letterhead.font.size, letterhead.font.color.rgb = Pt(10), GREY
    letterhead.paragraph_format.space_before = letterhead.paragraph_format.space_after = Pt(0)
    letterhead.paragraph_format.line_spacing = 1.0

    name = paragraph_style(doc, "Letterhead Name", next_style="Letterhead")
    explicit_font(name, HEADING_FONT)
    name.font.size, name.font.bold, name.font.color.rgb = Pt(16), True, INK
    name.paragraph_format.space_before, name.paragraph_format.space_after = Pt(0), Pt(2)

    date = paragraph_style(doc, "Notice Date")
    date.paragraph_format.space_before, date.paragraph_format.space_after = Pt(12), Pt(12)

    signature = paragraph_style(doc, "Signature")
    signature.paragraph_format.space_before = signature.paragraph_format.space_after = Pt(0)
    signature.paragraph_format.keep_with_next = True  # the writer ends the chain at the last line
    signature.paragraph_format.keep_together = True

    closing = paragraph_style(doc, "Closing", next_style="Signature")
    closing.paragraph_format.space_before = Pt(12)
    closing.paragraph_format.space_after = Pt(32)  # room for a handwritten signature
    closing.paragraph_format.keep_with_next = True

    tagline = paragraph_style(doc, "Tagline")  # a language-assistance tagline, in its own language
    tagline.font.size = Pt(10)
    tagline.element.get_or_add_rPr().append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="20"/>'))
    tagline.paragraph_format.space_before, tagline.paragraph_format.space_after = Pt(0), Pt(4)
    tagline.paragraph_format.keep_together = True

    draft = paragraph_style(doc, "Draft Mark", based_on="Header")
    draft.font.size, draft.font.bold, draft.font.all_caps, draft.font.color.rgb = Pt(14), True, True, DRAFT_RED
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    draft.paragraph_format.space_after = Pt(6)

    footer = styles["Footer"]
    footer.font.size, footer.font.color.rgb = Pt(9), GREY
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    styles.element.append(parse_xml(NOTICE_TABLE))
    for builtin in ("Hyperlink", "Closing", "Signature"):  # Word's own style names: not custom styles
        styles[builtin].element.attrib.pop(qn("w:customStyle"), None)


def set_numbering(doc) -> None:
    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)
    for style_id, num_id in (("ListBullet", "1"), ("ListNumber", "2")):
        style = doc.styles.element.get_by_id(style_id)
        style.pPr.find(qn("w:numPr")).find(qn("w:numId")).set(qn("w:val"), num_id)


def tidy_settings(doc) -> None:
    settings = doc.settings.element
    for tag in ("w:rsids", "w:proofState", "w:savePreviewPicture", "w14:docId"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)


def page_setup(doc) -> None:
    """US Letter, one-inch margins, header and footer half an inch from the edge."""
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(1)
    section.top_margin = section.bottom_margin = Inches(1)
    section.header_distance = section.footer_distance = Inches(0.5)
    section.gutter = 0


def properties(doc) -> None:
    import datetime as dt

    core = doc.core_properties
    fixed = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    core.title, core.subject, core.author = "noticegen reference styles", "", "noticegen"
    core.comments, core.keywords, core.category, core.last_modified_by = "", "", "", "noticegen"
    core.created = core.modified = fixed
    core.revision = 1
    app = next(p for p in doc.part.package.iter_parts() if p.partname == "/docProps/app.xml")
    app._blob = APP_XML.encode("utf-8")


def build() -> bytes:
    doc = Document()
    drop_clutter(doc)
    prune_styles(doc)
    set_defaults(doc)
    define_styles(doc)
    set_numbering(doc)
    tidy_settings(doc)
    page_setup(doc)
    properties(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue())


def main() -> int:
    OUT.write_bytes(build())
    sys.stderr.write(f"wrote {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
