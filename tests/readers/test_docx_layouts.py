"""DOCX files noticegen did not write: Word's heading styles, bold labels, a letter laid out in a table, text boxes; and ZIP bombs refused before unpacking."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from noticegen.errors import ReadError
from noticegen.model import Heading, Paragraph, Table, Text, block_text
from noticegen.readers import read_path
from noticegen.readers.docx import read
from noticegen.readers.docx_package import MAX_PART


def save(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_bold_labels_ending_in_a_colon_open_element_sections():
    doc = Document()
    for label, text in (("What happened:", "On May 2, 2024 a laptop was stolen."),
                        ("What information was involved:", "Names and diagnoses.")):
        doc.add_paragraph().add_run(label).bold = True
        doc.add_paragraph(text)
    notice = read(save(doc))
    assert [s.element for s in notice.sections] == ["what_happened", "phi_involved"]
    assert notice.sections[0].blocks == (Heading(2, (Text("What happened:"),)),
                                         Paragraph((Text("On May 2, 2024 a laptop was stolen."),)))


def test_a_letter_laid_out_in_a_table_reads_as_flowing_text_with_its_headings():
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    side, body = table.rows[0].cells
    side.paragraphs[0].text = "Lakeside Health"
    side.add_paragraph("PO Box 12, Lakeside, OR 97000")
    body.paragraphs[0].text = "Dear Patient:"
    body.add_paragraph("What Happened", style="Heading 1")
    body.add_paragraph("On May 2, 2024 a laptop was stolen from an employee's car.")
    body.add_paragraph("What You Can Do", style="Heading 1")
    body.add_paragraph("Review your explanation of benefits statements.")
    notice = read(save(doc))
    assert [s.element for s in notice.sections] == [None, "what_happened", "individual_steps"]
    assert [block_text(b) for b in notice.sections[0].blocks] == ["Lakeside Health", "PO Box 12, Lakeside, OR 97000",
                                                                  "Dear Patient:"]
    assert notice.sections[1].blocks[1] == Paragraph((Text("On May 2, 2024 a laptop was stolen from an employee's "
                                                           "car."),))


def test_a_data_table_stays_a_table():
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    for row, (a, b) in zip(table.rows, (("Information", "Affected"), ("Name", "Yes"))):
        row.cells[0].text, row.cells[1].text = a, b
    notice = read(save(doc))
    assert isinstance(notice.sections[0].blocks[0], Table)


def test_text_in_a_text_box_is_read_once_after_its_anchor_paragraph():
    doc = Document()
    anchor = doc.add_paragraph("Dear Patient:")
    box = ('<w:p><w:r><w:t>For more information, call 1-855-555-0142.</w:t></w:r></w:p>')
    anchor._p.append(parse_xml(
        f'<w:r {nsdecls("w", "wp")} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx>'
        f'<w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape>'
        f'</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    doc.add_paragraph("Sincerely,")
    notice = read(save(doc))
    assert [block_text(b) for s in notice.sections for b in s.blocks] == [
        "Dear Patient:", "For more information, call 1-855-555-0142.", "Sincerely,"]


def _bomb(name: str, size: int) -> bytes:
    """A .docx whose ``name`` part unpacks to ``size`` bytes of spaces (a few KB zipped)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(name, "w", force_zip64=True) as part:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                part.write(chunk)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_bomb("word/document.xml", MAX_PART + (1 << 20)))
    assert path.stat().st_size < 200_000
    with pytest.raises(ReadError) as info:
        read_path(Path(path))
    assert str(info.value) == (f"{path}: DOCX: word/document.xml unpacks to 33 MiB; a part of a notice is at most "
                               f"32 MiB, so this is not a notice (a ZIP bomb?)")
