"""The PDF reader: a letter's text layer comes back as paragraphs in sections; scans, encrypted, damaged and huge PDFs are refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticegen.errors import ReadError
from noticegen.model import AddressBlock, BulletList, Heading, Paragraph, Signature, Text, block_text
from noticegen.readers import read_path
from noticegen.readers.pdf import MAX_PAGES, pdf_text, read
from tiny_pdf import content, letter, pdf

WHAT = ("On January 6, 2025, Harbor Point Imaging learned that an unauthorized person had accessed an email "
        "account used by our billing office between December 28, 2024 and January 3, 2025. We secured the "
        "account the same day and hired a forensic firm to investigate.")
STEPS = ["Review the statements you receive from your health plan and providers, and tell them about any "
         "service you did not receive.", "Call us with any question."]
MORE = ("We are offering twelve months of credit monitoring at no cost to you. To enroll, call the number below "
        "before June 30, 2025 and give the enrollment code printed at the top of this letter.")
LETTER = [("lines", ["Harbor Point Imaging", "400 Harbor Point Drive", "Portland, ME 04101"]),
          ("lines", ["Dear Jane Doe:"]),
          ("h", "What Happened"), ("p", WHAT),
          ("h", "What Information Was Involved"), ("p", "Your name, date of birth and the dates of your visits."),
          ("h", "What You Can Do"), ("items", STEPS)] + [("p", MORE)] * 9 + [
          ("h", "For More Information"), ("p", "Call 1-800-555-0199, Monday to Friday, 9 a.m. to 6 p.m."),
          ("lines", ["Sincerely,", "Maria Lopez", "Privacy Officer"])]


def test_a_two_page_letter_reads_into_sections_with_its_paragraphs_lists_and_signature():
    data = letter(LETTER, header="Harbor Point Imaging - March 14, 2025")
    notice = read(data)
    assert [s.element for s in notice.sections] == [None, "what_happened", "phi_involved", "individual_steps",
                                                    "contact"]
    first, what, phi, steps, contact = notice.sections
    assert first.blocks == (AddressBlock(((Text("Harbor Point Imaging"),), (Text("400 Harbor Point Drive"),),
                                          (Text("Portland, ME 04101"),))), Paragraph((Text("Dear Jane Doe:"),)))
    assert what.blocks == (Heading(2, (Text("What Happened"),)), Paragraph((Text(WHAT),)))
    assert steps.blocks[1] == BulletList(tuple((Text(step),) for step in STEPS))
    # paragraphs cut by the page break are joined again; no page number or running header is left
    assert [block_text(b) for b in steps.blocks[2:]] == [MORE] * 9
    assert contact.blocks[-1] == Signature(((Text("Sincerely,"),), (Text("Maria Lopez"),),
                                            (Text("Privacy Officer"),)))


def test_page_numbers_and_running_headers_are_dropped_but_the_first_pages_letterhead_stays():
    text = pdf_text(letter(LETTER, header="Harbor Point Imaging - March 14, 2025"))
    assert "Page 1 of 2" not in text and "Page 2 of 2" not in text and "March 14, 2025" not in text
    assert text.startswith("Harbor Point Imaging\n400 Harbor Point Drive\nPortland, ME 04101\n\nDear Jane Doe:\n\n")


def test_hyphenated_line_ends_are_joined_and_short_lines_end_paragraphs():
    rows = [(72, 700, "We learned that an unauthorized person accessed an email account used by our billing"),
            (72, 686, "office. We notified law enforcement and strengthened our email security with multi-"),
            (72, 672, "factor authentication and additional staff training to help prevent a recur-"),
            (72, 658, "rence."),
            (72, 644, "What We Are Doing", 12, True),
            (72, 630, "We are reviewing our policies and will continue to train our workforce on handling")]
    text = pdf_text(pdf([content(rows)]))
    assert text == ("We learned that an unauthorized person accessed an email account used by our billing office. "
                    "We notified law enforcement and strengthened our email security with multi-factor "
                    "authentication and additional staff training to help prevent a recurrence.\n\n"
                    "What We Are Doing\n\n"
                    "We are reviewing our policies and will continue to train our workforce on handling")


def test_compressed_content_streams_read_like_plain_ones():
    rows = [(72, 700, "What Happened", 12, True), (72, 670, "We found a stolen laptop.")]
    assert pdf_text(pdf([content(rows)], flate=True)) == pdf_text(pdf([content(rows)])) == (
        "What Happened\n\nWe found a stolen laptop.")


def test_a_pdf_protected_only_against_copying_opens_with_the_empty_password():
    notice = read(pdf([content([(72, 700, "What Happened", 12, True), (72, 670, "We found a stolen laptop.")])],
                      owner_only=True))
    assert notice.sections[0].blocks == (Heading(2, (Text("What Happened"),)),
                                         Paragraph((Text("We found a stolen laptop."),)))


def _write(tmp_path: Path, data: bytes, name: str = "notice.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_scan_without_a_text_layer_is_refused_by_name(tmp_path):
    path = _write(tmp_path, pdf([b"0 0 1 rg 72 72 468 648 re f"]))
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert str(info.value) == f"{path}: the PDF has no text layer (a scan?); run OCR first or check the text version"


def test_an_encrypted_pdf_is_refused_with_what_to_do(tmp_path):
    path = _write(tmp_path, pdf([content([(72, 700, "Secret")])], password="s3cret"))
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert str(info.value) == (f"{path}: the PDF is encrypted and needs a password to open; save an unprotected "
                               f"copy (or the text version) and check that")


def test_a_pdf_of_thousands_of_pages_is_refused_before_reading_them(tmp_path):
    path = _write(tmp_path, pdf([content([(72, 700, "Page text")])] * 3000, shared=True))
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert str(info.value) == f"{path}: the PDF has 3,000 pages; a notice is at most {MAX_PAGES} pages"


@pytest.mark.parametrize("data, message", [
    (b"%PDF-1.4\nthis is not a PDF body at all\n", "the PDF is damaged and cannot be read"),
    (b"Dear patient, this is text", "the file is not a PDF (it does not start with %PDF-)"),
])
def test_damaged_and_misnamed_pdfs_are_refused_by_name(tmp_path, data, message):
    path = _write(tmp_path, data)
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert str(info.value).startswith(f"{path}: {message}")


def test_two_columns_are_read_one_after_the_other_between_full_width_blocks():
    import textwrap

    rows, y = [(72, 730, "Lakeside Health notice of a data incident affecting some patients of our clinics", 11)], 700
    for text in ("LEFT one: on January 6, 2025 we learned that an email account had been accessed.",
                 "LEFT two: the information involved was names and dates of birth."):
        for line in textwrap.wrap(text, 40):
            rows.append((72, y, line))
            y -= 14
        y -= 12
    y = 700
    for line in textwrap.wrap("RIGHT: review your statements and call us with any question.", 40):
        rows.append((330, y, line))
        y -= 14
    rows.append((72, 560, "For more information call 1-855-555-0142, Monday through Friday, 8 a.m. to 5 p.m.", 11))
    blocks = pdf_text(pdf([content(rows)])).split("\n\n")
    assert [b.split(":")[0].split(" ")[0] for b in blocks] == ["Lakeside", "LEFT", "LEFT", "RIGHT", "For"]
