"""Tests for the DOCX reader: hand-drafted letters, counsel's edits in Word, Word's own fields, and bad input."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from noticegen.errors import ReadError
from noticegen.model import (BulletList, Field, Heading, LineBreak, Link, Meta, Notice, Paragraph, Section, Strong,
                             Text)
from noticegen.readers.docx import document_xml, read
from noticegen.render.docx import render


def save(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def counsel_letter() -> Document:
    """A breach letter as counsel might type it in Word: built-in headings, no content controls."""
    doc = Document()
    doc.add_paragraph("Notice of Data Breach", style="Title")
    doc.add_paragraph("Dear «recipient_name»,")
    doc.add_paragraph("What Happened?", style="Heading 1")
    doc.add_paragraph("On January 6, 2025, we discovered unauthorized access.")
    doc.add_paragraph("What Information Was Involved", style="Heading 1")
    doc.add_paragraph("Names and dates of birth", style="List Bullet")
    doc.add_paragraph("Medical record numbers", style="List Bullet")
    doc.add_paragraph("What We Are Doing", style="Heading 1")
    doc.add_paragraph("We hired a security firm.")
    doc.add_paragraph("Timeline", style="Heading 2")
    doc.add_paragraph("Access was blocked the same day.")
    doc.add_paragraph("What You Can Do", style="Heading 1")
    doc.add_paragraph("Watch your insurer's statements.")
    doc.add_paragraph("For More Information", style="Heading 1")
    doc.add_paragraph("Call 1-800-555-0199.")
    doc.add_paragraph("Other Important Information", style="Heading 1")
    doc.add_paragraph("Keep this letter.")
    return doc


def one_paragraph(*inlines) -> Notice:
    return Notice("individual", "en_US", Meta(), (Section(None, (Paragraph(tuple(inlines)),)),))


# ------------------------------------------------------------------ letters drafted by hand

def test_hand_drafted_docx_reads_into_element_sections_by_heading():
    notice = read(save(counsel_letter()))
    assert [s.element for s in notice.sections] == [
        None, "what_happened", "phi_involved", "entity_actions", "individual_steps", "contact", None]
    assert notice.sections[0].blocks == (Heading(1, (Text("Notice of Data Breach"),)),
                                         Paragraph((Text("Dear "), Field("recipient_name"), Text(","))))
    assert notice.section("phi_involved").blocks[1] == BulletList(
        ((Text("Names and dates of birth"),), (Text("Medical record numbers"),)))


def test_sub_heading_stays_in_the_element_section_it_belongs_to():
    section = read(save(counsel_letter())).section("entity_actions")
    assert [type(b).__name__ for b in section.blocks] == ["Heading", "Paragraph", "Heading", "Paragraph"]
    assert section.blocks[2] == Heading(3, (Text("Timeline"),))


def test_hand_drafted_docx_has_unknown_kind_document_language_and_no_entity():
    doc = counsel_letter()
    doc.core_properties.author = "A. Lawyer"
    notice = read(save(doc))
    assert (notice.kind, notice.locale) == ("unknown", "en_US")
    assert notice.meta == Meta()


def test_kind_and_locale_arguments_win():
    notice = read(save(counsel_letter()), kind="individual", locale="es_US")
    assert (notice.kind, notice.locale) == ("individual", "es_US")


def test_locale_is_und_when_the_document_names_no_language():
    doc = counsel_letter()
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    lang.getparent().remove(lang)
    assert read(save(doc)).locale == "und"


def test_short_all_bold_paragraph_counts_as_a_heading():
    doc = Document()
    doc.add_paragraph().add_run("What You Can Do").bold = True
    doc.add_paragraph("Watch your statements.")
    long_bold = doc.add_paragraph()
    long_bold.add_run("Please read this letter carefully.").bold = True
    notice = read(save(doc))
    assert notice.sections[0].element == "individual_steps"
    assert notice.sections[0].blocks == (
        Heading(2, (Text("What You Can Do"),)), Paragraph((Text("Watch your statements."),)),
        Paragraph((Strong((Text("Please read this letter carefully."),)),)))


def test_typed_guillemet_field_split_across_runs_reads_as_a_field():
    doc = Document()
    p = doc.add_paragraph("Dear «recipient")
    p.add_run("_name»,")
    assert read(save(doc)).sections[0].blocks == (Paragraph((Text("Dear "), Field("recipient_name"), Text(","))),)


def test_word_mail_merge_fields_read_as_fields():
    doc = Document()
    p = doc.add_paragraph("Dear ")
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" MERGEFIELD Recipient_Name ">'
                          f'<w:r><w:t>«Recipient_Name»</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> MERGEFIELD code </w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>«code»</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    assert read(save(doc)).sections[0].blocks == (
        Paragraph((Text("Dear "), Field("recipient_name"), Field("code"))),)


def test_tracked_insertions_are_read_and_deletions_skipped():
    doc = Document()
    p = doc.add_paragraph("We ")
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="x" w:date="2025-01-01T00:00:00Z">'
                          f'<w:r><w:delText>never </w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="x" w:date="2025-01-01T00:00:00Z">'
                          f'<w:r><w:t>promptly </w:t></w:r></w:ins>'))
    p.add_run("acted.")
    assert read(save(doc)).sections[0].blocks == (Paragraph((Text("We promptly acted."),)),)


def test_bold_run_inside_a_hyperlink_keeps_the_link():
    doc = Document()
    p = doc.add_paragraph("See ")
    rid = doc.part.relate_to("https://x.example/", "http://schemas.openxmlformats.org/officeDocument/2006/"
                             "relationships/hyperlink", is_external=True)
    p._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:rPr><w:b/></w:rPr>'
                          f'<w:t>here</w:t></w:r></w:hyperlink>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:br/></w:r>'))
    assert read(save(doc)).sections[0].blocks == (
        Paragraph((Text("See "), Strong((Link("https://x.example/", (Text("here"),)),)), LineBreak())),)


def test_watermark_made_in_word_reads_as_draft():
    doc = Document()
    doc.add_paragraph("text")
    header = doc.sections[0].header.paragraphs[0]
    header._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="PowerPlusWaterMarkObject12345" '
        'style="position:absolute"><v:textpath string="DRAFT"/></v:shape></w:pict></w:r>'))
    assert read(save(doc)).meta.draft is True
    assert read(save(counsel_letter())).meta.draft is False


# ------------------------------------------------------------------ our own files, edited in Word

def test_counsel_edits_inside_a_content_control_keep_its_element():
    notice = Notice("individual", "en_US", Meta(entity="Harbor Point"), (
        Section("what_happened", (Heading(2, (Text("What Happened"),)), Paragraph((Text("Old text."),)))),))
    doc = Document(io.BytesIO(render(notice)))
    content = doc.element.body.find(qn("w:sdt")).find(qn("w:sdtContent"))
    content.append(parse_xml(f'<w:p {nsdecls("w")}><w:r><w:t>Added by counsel.</w:t></w:r></w:p>'))
    doc.add_paragraph("What We Are Doing", style="Heading 1")  # typed after the controls, outside any
    doc.add_paragraph("We reset passwords.")
    back = read(save(doc))
    assert [s.element for s in back.sections] == ["what_happened", "entity_actions"]
    assert back.sections[0].blocks[-1] == Paragraph((Text("Added by counsel."),))
    assert back.meta.entity == "Harbor Point"


def test_bold_paragraph_in_our_own_file_stays_a_paragraph():
    notice = Notice("individual", "en_US", Meta(), (
        Section("contact", (Paragraph((Strong((Text("Call us"),)),)),)),))
    assert read(render(notice)) == notice


def test_empty_element_section_reads_back_empty():
    notice = Notice("individual", "en_US", Meta(), (Section("contact", ()),))
    assert read(render(notice)) == notice


# ------------------------------------------------------------------ bad input

def test_data_that_is_not_a_zip_raises_read_error():
    with pytest.raises(ReadError, match=r"^DOCX: the data is not a ZIP archive, so not a \.docx file \(an old binary "
                                        r"\.doc must be saved as \.docx first\)$"):
        read(b"\xd0\xcf\x11\xe0 an old .doc")


def test_zip_that_is_not_an_office_document_raises_read_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ReadError, match=r"^DOCX: the ZIP archive is not an Office document "
                                        r"\(it has no \[Content_Types\]\.xml\)$"):
        read(buffer.getvalue())


def test_damaged_word_document_raises_read_error():
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(save(Document()))) as src, zipfile.ZipFile(data, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, b"<w:document" if name == "word/document.xml" else src.read(name))
    with pytest.raises(ReadError, match=r"^DOCX: the Word document is damaged and cannot be read \(\w+\)$"):
        read(data.getvalue())


# ------------------------------------------------------------------ golden-test helper

def test_document_xml_is_pretty_printed_word_document_xml():
    text = document_xml(render(one_paragraph(Text("Hello"))))
    assert text.startswith("<w:document ")
    assert "\n    <w:p>\n" in text and "<w:t>Hello</w:t>" in text


def test_our_file_without_element_sections_still_reads_its_meta_and_keeps_bold_paragraphs():
    notice = Notice("media", "en_US", Meta(title="Release", entity="Harbor Point", channel="media"), (
        Section(None, (Paragraph((Strong((Text("FOR IMMEDIATE RELEASE"),)),)),)),))
    assert read(render(notice)) == notice
