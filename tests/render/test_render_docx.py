"""Tests for the DOCX writer: layout, styles, content controls, properties, text safety, and the round trip."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import typing
import zipfile
from dataclasses import dataclass

import pytest
from docx import Document
from docx.shared import Inches, Pt
from lxml import etree

from noticegen import model
from noticegen.model import (AddressBlock, BulletList, Emphasis, Field, Heading, LineBreak, Link, Meta, Notice,
                             Paragraph, Section, Signature, Strong, Table, Tagline, Text)
from noticegen.readers.docx import document_xml, read
from noticegen.render.docx import render

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ELEMENTS = ["what_happened", "phi_involved", "entity_actions", "individual_steps", "contact"]
SIGNER = "Jane Q. Doe"
ENTITY = "Harbor Point Imaging, LLC"


def letter(*, draft: bool = False, locale: str = "en_US") -> Notice:
    """A realistic individual notice that uses every block and inline type."""
    T = Text
    meta = Meta(title="Notice of Data Breach", entity=ENTITY,
                letterhead=(ENTITY, "400 Harbor Point Drive, Suite 210", "Portland, ME 04101", "(207) 555-0142",
                            "www.harborpointimaging.example"),
                date="March 14, 2025", subject="A data breach involving your imaging records", channel="letter",
                draft=draft)
    sections = (
        Section(None, (
            AddressBlock(((Field("recipient_name"),), (Field("recipient_address"),))),
            Heading(1, (T("Notice of Data Breach"),)),
            Paragraph((T("Dear "), Field("recipient_name"), T(","))),
            Paragraph((T("We are writing to tell you about an incident that may have involved your information."),)),
        )),
        Section("what_happened", (
            Heading(2, (T("What Happened"),)),
            Paragraph((T("An unauthorized person accessed our imaging archive between "), Strong((T("December 28, 2024"),)),
                       T(" and January 5, 2025. We discovered it on January 6, 2025."))),
        )),
        Section("phi_involved", (
            Heading(2, (T("What Information Was Involved"),)),
            BulletList(((T("your name and date of birth"),), (T("medical record number"),),
                        (T("imaging study descriptions and "), Emphasis((T("dates of service"),))))),
        )),
        Section("entity_actions", (
            Heading(2, (T("What We Are Doing"),)),
            Paragraph((T("We shut off the access and hired an outside security firm."),)),
            Table(((T("Step"),), (T("Date"),)),
                  (((T("Access blocked"),), (T("January 6, 2025"),)),
                   ((T("Law enforcement notified"),), (T("January 8, 2025"),)))),
        )),
        Section("individual_steps", (
            Heading(2, (T("What You Can Do"),)),
            BulletList(((T("Review statements from your health insurer."),),
                        (T("Enroll in credit monitoring with code "), Field("enrollment_code"), T("."))), ordered=True),
            Heading(3, (T("Credit monitoring"),)),
            Paragraph((T("Visit "), Link("https://monitoring.example.com/enroll", (T("monitoring.example.com"),)),
                       T(" before June 30, 2025."))),
        )),
        Section("contact", (
            Heading(2, (T("For More Information"),)),
            Paragraph((T("Call "), Strong((T("1-800-555-0199"),)), T(","), LineBreak(),
                       T("Monday to Friday, 8 a.m. to 8 p.m. Eastern."))),
        )),
        Section(None, (
            Paragraph((T("We sincerely apologize."),)),
            Signature(((T("Sincerely,"),), (T(SIGNER),), (T("Privacy Officer"),))),
            Tagline("vi", "ltr", (T("CHÚ Ý: Xin gọi số 1-800-555-0199 (TTY: 711)."),)),
            Tagline("ar", "rtl", (T("تنبيه: اتصل بالرقم 1-800-555-0199 (الهاتف النصي للصم والبكم: 711)."),)),
        )),
    )
    return Notice("individual", locale, meta, sections)


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def xml(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def paragraphs(doc) -> list:
    """Every body paragraph, those inside content controls included (python-docx's doc.paragraphs skips them)."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    return [DocxParagraph(p, doc._body) for p in doc.element.body.iter(f"{W}p")]


def one_paragraph(*inlines) -> Notice:
    return Notice("individual", "en_US", Meta(), (Section(None, (Paragraph(tuple(inlines)),)),))


def node_types(notice: Notice) -> set[str]:
    seen: set[str] = set()

    def inl(nodes):
        for n in nodes:
            seen.add(type(n).__name__)
            inl(getattr(n, "children", ()))

    for section in notice.sections:
        for block in section.blocks:
            seen.add(type(block).__name__)
            for line in model.inlines_of(block):
                inl(line)
    return seen


# ------------------------------------------------------------------ round trip

def test_sample_letter_uses_every_block_and_inline_type():
    every = {t.__name__ for t in typing.get_args(model.Block) + typing.get_args(model.Inline)}
    assert node_types(letter()) == every


@pytest.mark.parametrize("draft", [False, True])
def test_every_block_and_inline_type_reads_back_equal(draft):
    notice = letter(draft=draft)
    assert read(render(notice)) == notice


def test_spanish_notice_reads_back_with_its_locale():
    notice = letter(locale="es_US")
    assert read(render(notice)).locale == "es_US"


def test_literal_guillemets_in_facts_stay_text_not_fields():
    notice = one_paragraph(Text("Reference «recipient_name» and «a» and «\u2060x»"))
    back = read(render(notice))
    assert back.sections[0].blocks[0] == Paragraph((Text("Reference «recipient_name» and «a» and «\u2060x»"),))
    assert model.fields_in(back) == []


def test_same_notice_gives_the_same_bytes():
    assert render(letter()) == render(letter())


# ------------------------------------------------------------------ strict visitor

@dataclass(frozen=True)
class Quote:
    children: tuple


@dataclass(frozen=True)
class Footnote:
    text: str


def test_unknown_block_node_raises_type_error_naming_it():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (Quote(()),)),))
    with pytest.raises(TypeError, match="^DOCX writer: unknown block node Quote$"):
        render(notice)


def test_unknown_inline_node_raises_type_error_naming_it():
    with pytest.raises(TypeError, match="^DOCX writer: unknown inline node Footnote$"):
        render(one_paragraph(Strong((Footnote("x"),))))


def test_heading_level_outside_title_to_heading_3_is_refused():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (Heading(5, (Text("x"),)),)),))
    with pytest.raises(ValueError, match="heading level 5 is outside 1-4"):
        render(notice)


# ------------------------------------------------------------------ structure and styles

def test_each_element_section_is_a_content_control_tagged_with_its_element_in_schema_order():
    body = xml(render(letter()), "word/document.xml").find(f"{W}body")
    sdts = body.findall(f"{W}sdt")
    assert [s.find(f"{W}sdtPr/{W}tag").get(f"{W}val") for s in sdts] == ELEMENTS
    for sdt in sdts:
        assert [c.tag for c in sdt] == [f"{W}sdtPr", f"{W}sdtContent"]
        assert [c.tag for c in sdt.find(f"{W}sdtPr")] == [f"{W}alias", f"{W}tag", f"{W}id", f"{W}lock"]
        assert sdt.find(f"{W}sdtPr/{W}alias").get(f"{W}val") == sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val")
    ids = [s.find(f"{W}sdtPr/{W}id").get(f"{W}val") for s in sdts]
    assert len(set(ids)) == len(ids)


def test_heading_levels_use_title_and_heading_styles():
    doc = Document(io.BytesIO(render(letter())))
    styles = {p.text: p.style.name for p in paragraphs(doc)}
    assert styles["Notice of Data Breach"] == "Title"
    assert styles["What Happened"] == "Heading 1"
    assert styles["Credit monitoring"] == "Heading 2"


def test_lists_use_list_styles_and_each_ordered_list_restarts_at_one():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (
        BulletList(((Text("a"),),), ordered=True), Paragraph((Text("between"),)),
        BulletList(((Text("b"),),), ordered=True), BulletList(((Text("c"),),))),),))
    data = render(notice)
    doc = Document(io.BytesIO(data))
    assert [(p.text, p.style.name) for p in doc.paragraphs] == [
        ("a", "List Number"), ("between", "Normal"), ("b", "List Number"), ("c", "List Bullet")]
    num_ids = [p._p.pPr.numPr.numId.val for p in doc.paragraphs if p.style.name.startswith("List")]
    assert len(set(num_ids)) == 3
    numbering = xml(data, "word/numbering.xml")
    for num_id in num_ids[:2]:
        num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"


def test_table_is_a_word_table_with_a_repeating_header_row():
    from docx.table import Table as DocxTable

    doc = Document(io.BytesIO(render(letter())))
    table = DocxTable(next(doc.element.body.iter(f"{W}tbl")), doc._body)
    assert table.style.name == "Notice Table"
    assert [c.text for c in table.rows[0].cells] == ["Step", "Date"]
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None


def test_link_is_a_hyperlink_with_an_external_relationship_in_link_style():
    data = render(letter())
    rels = part(data, "word/_rels/document.xml.rels")
    assert re.search(r'Target="https://monitoring.example.com/enroll" TargetMode="External"', rels)
    hyperlink = xml(data, "word/document.xml").find(f".//{W}hyperlink")
    assert hyperlink.find(f"{W}r/{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink"
    assert hyperlink.find(f"{W}r/{W}t").text == "monitoring.example.com"


def test_field_is_guillemet_text_in_the_merge_field_style():
    runs = xml(render(one_paragraph(Field("recipient_name"))), "word/document.xml").findall(f".//{W}r")
    assert [(r.find(f"{W}rPr/{W}rStyle").get(f"{W}val"), r.find(f"{W}t").text) for r in runs] == [
        ("MergeField", "«recipient_name»")]


def test_line_break_is_a_word_break():
    body = document_xml(render(one_paragraph(Text("a"), LineBreak(), Text("b"))))
    assert "<w:br/>" in body


def test_signature_lines_use_closing_then_signature_styles_with_room_to_sign():
    doc = Document(io.BytesIO(render(letter())))
    styles = [(p.text, p.style.name) for p in doc.paragraphs if p.style.name in ("Closing", "Signature")]
    assert styles == [("Sincerely,", "Closing"), (SIGNER, "Signature"), ("Privacy Officer", "Signature")]
    assert doc.styles["Closing"].paragraph_format.space_after >= Pt(30)


def test_normal_text_is_at_least_11_points():
    doc = Document(io.BytesIO(render(letter())))
    for name in ("Normal", "Address Block"):
        assert doc.styles[name].font.size >= Pt(11), name


def test_page_is_us_letter_with_one_inch_margins():
    section = Document(io.BytesIO(render(letter()))).sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert {section.left_margin, section.right_margin, section.top_margin, section.bottom_margin} == {Inches(1)}


def test_every_footer_says_page_x_of_y_with_page_and_numpages_fields():
    data = render(letter())
    footers = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/footer")]
    assert len(footers) == 2  # first page and the rest
    for name in footers:
        root = xml(data, name)
        assert [f.get(f"{W}instr") for f in root.iter(f"{W}fldSimple")] == [" PAGE \\* MERGEFORMAT ",
                                                                           " NUMPAGES \\* MERGEFORMAT "]
        assert [t.text for t in root.iter(f"{W}t")] == ["Page ", "1", " of ", "1"]


def test_letterhead_is_in_the_first_page_header_and_date_under_it():
    doc = Document(io.BytesIO(render(letter())))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header = [(p.text, p.style.name) for p in section.first_page_header.paragraphs]
    assert header[0] == (ENTITY, "Letterhead Name")
    assert [style for _, style in header[1:]] == ["Letterhead"] * 4
    assert (doc.paragraphs[0].text, doc.paragraphs[0].style.name) == ("March 14, 2025", "Notice Date")


def test_address_block_is_a_frame_inside_the_window_of_a_number_10_envelope():
    frame = xml(render(letter()), "word/document.xml").find(f".//{W}framePr")
    get = lambda name: int(frame.get(f"{W}{name}"))  # noqa: E731
    assert (frame.get(f"{W}hAnchor"), frame.get(f"{W}vAnchor")) == ("page", "page")
    left, top, width = get("x") / 1440, get("y") / 1440, get("w") / 1440
    assert 7 / 8 <= left and left + width <= 7 / 8 + 4.5  # window: 7/8" from the left, 4 1/2" wide
    assert 2.0 <= top and top + 5 * 11 * 1.25 / 72 <= 2.0 + 1.125  # five 11 pt lines fit under a 1 1/8" window
    assert frame.getparent().find(f"{W}pStyle").get(f"{W}val") == "AddressBlock"


def test_draft_has_a_watermark_and_a_mark_in_every_header():
    data = render(letter(draft=True))
    headers = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/header")]
    assert len(headers) == 2
    for name in headers:
        text = part(data, name)
        assert 'string="DRAFT"' in text and 'id="PowerPlusWaterMarkObject' in text
        assert "DRAFT — NOT FOR MAILING" in text
    assert read(data).meta.draft is True
    assert "PowerPlusWaterMarkObject" not in "".join(
        part(render(letter()), n) for n in zipfile.ZipFile(io.BytesIO(render(letter()))).namelist()
        if n.startswith("word/header"))


# ------------------------------------------------------------------ properties

def test_core_properties_name_the_entity_and_never_the_signer():
    data = render(letter())
    core, app = part(data, "docProps/core.xml"), part(data, "docProps/app.xml")
    assert SIGNER not in core and SIGNER not in app
    doc = Document(io.BytesIO(data))
    props = doc.core_properties
    assert (props.author, props.last_modified_by) == (ENTITY, ENTITY)
    assert (props.title, props.subject, props.category) == ("Notice of Data Breach",
                                                            "A data breach involving your imaging records", "individual")
    assert (props.keywords, props.language) == ("individual, en-US, letter", "en-US")
    assert "<Company>Harbor Point Imaging, LLC</Company>" in app
    assert props.created is None and props.modified is None


def test_subject_defaults_to_the_kind():
    notice = letter().with_meta(subject=None)
    assert Document(io.BytesIO(render(notice))).core_properties.subject == "individual"
    assert read(render(notice)).meta.subject is None


def test_document_language_is_the_notice_locale():
    styles = xml(render(letter(locale="es_US")), "word/styles.xml")
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "es-US"


# ------------------------------------------------------------------ text safety

BAD = "a\x00b\x01c\x08d\x0be\x0cf\x1fg\ud800h\ufffei\uffffj"


def test_characters_xml_forbids_are_dropped_and_the_file_reopens():
    notice = one_paragraph(Text(BAD + "\u202eevil\u202c"), Link("https://x.example/\x07", (Text("x\x1b"),)))
    data = render(notice.with_meta(title="T\x00itle", entity="E\x01ntity"))
    doc = Document(io.BytesIO(data))
    assert doc.paragraphs[0].text == "abcdefghij\u202eevil\u202cx"  # right-to-left override kept as text
    assert doc.core_properties.title == "Title"
    assert read(data).sections[0].blocks[0] == Paragraph(
        (Text("abcdefghij\u202eevil\u202c"), Link("https://x.example/", (Text("x"),))))


def test_ten_thousand_character_paragraph_round_trips():
    text = ("All work and no play. " * 500)[:10_000]
    notice = one_paragraph(Text(text))
    assert read(render(notice)) == notice


def test_tabs_and_spaces_are_kept():
    notice = one_paragraph(Text("  two leading\tand a tab  "))
    assert read(render(notice)) == notice


# ------------------------------------------------------------------ external checkers

def test_openxml_audit_finds_no_schema_errors(tmp_path):
    audit = pytest.importorskip("openxml_audit")
    for draft in (False, True):
        path = tmp_path / f"letter-{draft}.docx"
        path.write_bytes(render(letter(draft=draft)))
        result = audit.OpenXmlValidator().validate(path)
        assert result.is_valid, [str(e) for e in result.errors]


@pytest.mark.slow
@pytest.mark.clients
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_letter_and_a_file_with_forbidden_characters(tmp_path):
    (tmp_path / "letter.docx").write_bytes(render(letter(draft=True)))
    (tmp_path / "bad.docx").write_bytes(render(one_paragraph(Text(BAD))))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "letter.docx"), str(tmp_path / "bad.docx")],
                   check=True, capture_output=True, timeout=240)
    assert (tmp_path / "letter.pdf").stat().st_size > 1000
    assert (tmp_path / "bad.pdf").stat().st_size > 500


def test_reference_docx_is_what_the_script_generates():
    import importlib.util
    from pathlib import Path

    from noticegen.resources import data_dir

    script = Path(__file__).resolve().parents[2] / "scripts" / "make_reference_docx.py"
    spec = importlib.util.spec_from_file_location("make_reference_docx", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (data_dir("templates") / "reference.docx").read_bytes() == module.build(), \
        "templates/reference.docx is stale: run scripts/make_reference_docx.py"


def test_empty_notice_renders_a_valid_document_that_reads_back_empty():
    notice = Notice("unknown", "und", Meta(), ())
    data = render(notice)
    assert len(Document(io.BytesIO(data)).paragraphs) == 1
    assert read(data) == notice


def test_pages_after_the_first_carry_a_continuation_line():
    import io
    import re
    import zipfile

    from noticegen.model import Meta, Notice, Paragraph, Section, Text
    from noticegen.render.docx import render

    meta = Meta(title="Notice of Data Breach", entity="Harbor Point Imaging Center", date="March 14, 2025",
                letterhead=("Harbor Point Imaging Center", "1200 Ocean Boulevard"), channel="letter")
    notice = Notice("individual", "en_US", meta, (Section(None, (Paragraph((Text("Body."),)),)),))
    with zipfile.ZipFile(io.BytesIO(render(notice))) as z:
        headers = [re.sub(r"<[^>]+>", "", z.read(n).decode()).strip() for n in z.namelist() if n.startswith("word/header")]
    assert "Harbor Point Imaging Center · Notice of Data Breach · March 14, 2025" in headers


def _keeps_with_next(doc) -> dict[str, bool]:
    return {p.text: bool(p.paragraph_format.keep_with_next if p.paragraph_format.keep_with_next is not None
                         else p.style.paragraph_format.keep_with_next) for p in paragraphs(doc)}


def test_signature_stays_with_the_last_paragraph_and_its_lines_stay_together():
    """Issue 9 finding 12: Riverbend's Spanish letter left "Atentamente," and the signer alone on page 3."""
    doc = Document(io.BytesIO(render(letter())))
    keep = _keeps_with_next(doc)
    assert keep["We sincerely apologize."] is True
    assert keep["Sincerely,"] is True and keep[SIGNER] is True
    assert keep["Privacy Officer"] is False  # the chain ends at the signature's last line


def test_a_list_stays_with_the_sentence_that_introduces_it_and_headings_with_their_text():
    doc = Document(io.BytesIO(render(letter())))
    keep = _keeps_with_next(doc)
    assert keep["An unauthorized person accessed our imaging archive between December 28, 2024 and January 5, "
                "2025. We discovered it on January 6, 2025."] is False
    assert keep["What Information Was Involved"] is True
    assert keep["We shut off the access and hired an outside security firm."] is False


def test_widow_and_orphan_control_is_on_for_body_text():
    doc = Document(io.BytesIO(render(letter())))
    assert doc.styles["Normal"].paragraph_format.widow_control is True


def test_a_notice_whose_dateline_prints_the_date_gets_no_second_date_line():
    """Issue 9 finding 9: a press release printed "June 22, 2026" above the headline and in its dateline."""
    meta = Meta(title="Riverbend Regional Hospital Provides Notice of Data Security Incident",
                entity="Riverbend Regional Hospital", date="June 22, 2026", channel="media",
                letterhead=("Riverbend Regional Hospital", "2200 River Drive"))
    opening = Section(None, (Heading(1, (Text(meta.title),)),
                             Paragraph((Strong((Text("DAVENPORT, Iowa, June 22, 2026"),)), Text(" — Riverbend ..."))),))
    data = render(Notice("media", "en_US", meta, (opening,)))
    doc = Document(io.BytesIO(data))
    assert [p.text for p in paragraphs(doc) if p.style.name == "Notice Date"] == []
    headers = [re.sub(r"<[^>]+>", "", part(data, n)).strip() for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
               if n.startswith("word/header")]
    # the page-2 line does not name the hospital twice
    assert "Riverbend Regional Hospital Provides Notice of Data Security Incident · June 22, 2026" in headers
    # without a date line, the first line keeps the date line's room below the letterhead (18 pt)
    assert paragraphs(doc)[0].paragraph_format.space_before == Pt(18)


def test_phone_numbers_never_break_at_their_hyphens_and_read_back_as_written():
    """Issue 9 findings 11/12: LibreOffice ended a line with "1-" and began the next with "888-555-0172"."""
    notice = one_paragraph(Text("Call 1-888-555-0172 or 563-555-0117; well-known, 2026-05-04."))
    data = render(notice)
    body = part(data, "word/document.xml")
    assert "<w:t>1</w:t><w:noBreakHyphen/><w:t>888</w:t><w:noBreakHyphen/><w:t>555</w:t><w:noBreakHyphen/>" in body
    assert "well-known, 2026-05-04." in body  # other hyphens stay ordinary
    assert model.notice_text(read(data)) == "Call 1-888-555-0172 or 563-555-0117; well-known, 2026-05-04."
