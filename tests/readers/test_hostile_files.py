"""Hostile and odd files given to `noticegen check`: each exits 2 with one line naming the file and the limit, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.readers.html import MAX_DEPTH
from noticegen.readers.pdf import MAX_PAGES
from noticegen.readers.source import MAX_BLOCK
from tiny_pdf import content, pdf


def check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _sparse_zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(40):
                part.write(b"<" * (1 << 20))
    return buffer.getvalue()


def _docx() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("What happened")
    document.save(buffer)
    return buffer.getvalue()


CASES = {
    # name: (file name, a function making its bytes, the message after "FILE: ")
    "deeply nested HTML (was RecursionError, exit 1)": (
        "nested.html", lambda: b"<html><body>" + b"<div>" * 100_000 + b"text",
        f"HTML nested deeper than {MAX_DEPTH} elements; is it a notice?"),
    "10 MB Markdown (was over 2 minutes at 1.8 GB)": (
        "huge.md", lambda: b"What happened. " * 700_000,
        "the file is 10.0 MiB; a Markdown notice file is at most 1 MiB, so this is not a notice"),
    "a Markdown paragraph of 500,000 brackets (markdown-it-py: minutes)": (
        "brackets.md", lambda: b"# Notice\n\n" + b"[" * 500_000,
        f"line 3: a paragraph of more than {MAX_BLOCK:,} characters; a notice's paragraphs are far shorter, so this "
        f"is not a notice"),
    "a Markdown paragraph made of emphasis marks": (
        "stars.md", lambda: (b"**a** " * 3000 + b"\n\n") * 3,
        "line 1: a paragraph made mostly of Markdown markup characters ([ ] * _ < > `); is it a notice?"),
    "a one-line text file of 1 MB": (
        "one-line.txt", lambda: b"word " * 200_000,
        f"line 1: a paragraph of more than {MAX_BLOCK:,} characters; a notice's paragraphs are far shorter, so this "
        f"is not a notice"),
    "HTML of tags left open (html.parser: minutes)": (
        "open.html", lambda: b'<a b="' * 100_000,
        'the HTML has 100,000 more "<" than ">" (tags left open); is it a notice?'),
    "HTML of a million paragraphs": (
        "paragraphs.html", lambda: b"<p>x" * 1_000_000,
        "HTML of more than 100,000 elements; is it a notice?"),
    "HTML of 6,000 paragraphs": (
        "many.html", lambda: b"<p>A sentence.</p>\n" * 6_000,
        "more than 5,000 paragraphs; a notice has at most a few hundred, so this is not a notice"),
    "HTML with 3 million characters of text": (
        "words.html", lambda: (b"<p>" + b"word " * 3_000 + b"</p>") * 200,
        "the text is 2.9 million characters; a notice is at most 2 million characters of text, so this is not a "
        "notice"),
    "empty HTML (was 'None None - not measured')": ("empty.html", lambda: b"", "no text found"),
    "HTML with only the site around it": (
        "chrome.html", lambda: b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>",
        "no text found"),
    "empty text file": ("empty.txt", lambda: b"\r\n \r\n", "no text found"),
    "binary data named .txt": (
        "noise.txt", lambda: bytes(range(256)) * 64,
        "the file holds binary data, not text; give a notice as .docx, .pdf, .html, .md, .txt or .eml"),
    "a PNG named .txt": (
        "picture.txt", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        "the file holds binary data, not text (it looks like a PNG image); give a notice as .docx, .pdf, .html, "
        ".md, .txt or .eml"),
    "zip bomb DOCX": (
        "bomb.docx", _sparse_zip_bomb,
        "DOCX: word/document.xml unpacks to 40 MiB; a part of a notice is at most 32 MiB, so this is not a notice "
        "(a ZIP bomb?)"),
    "PDF of thousands of pages": (
        "pages.pdf", lambda: pdf([content([(72, 700, "Page text")])] * 5000, shared=True),
        f"the PDF has 5,000 pages; a notice is at most {MAX_PAGES} pages"),
    "PDF whose page unpacks to 70 MB (a decompression bomb)": (
        "bomb.pdf", lambda: pdf([content([(72, 700, "What happened")]) + b" " * (70 << 20)], flate=True),
        "the PDF's compressed streams unpack to more than 64 MiB; a notice's never do, so this is not a notice "
        "(a decompression bomb?)"),
    "scanned PDF": (
        "scan.pdf", lambda: pdf([b"0 0 1 rg 72 72 468 648 re f"]),
        "the PDF has no text layer (a scan?); run OCR first or check the text version"),
    "a DOCX whose ZIP directory is damaged": (
        "damaged.docx", lambda: _docx().replace(b"PK\x01\x02", b"PK\x09\x09", 1),
        "DOCX: the Word document is damaged and cannot be read (BadZipFile)"),
    "a DOCX that is not a ZIP": (
        "letter.docx", lambda: b"Dear patient",
        "DOCX: the data is not a ZIP archive, so not a .docx file (an old binary .doc must be saved as .docx first)"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_exits_2_with_one_line_naming_it(tmp_path, case):
    name, data, message = CASES[case]
    path = tmp_path / name
    path.write_bytes(data())
    code, output = check(path)
    assert (code, output) == (2, f"{path}: {message}\n")


def test_a_huge_html_page_is_refused_by_size_before_parsing(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<p>" + b"x" * (9 * 1024 * 1024))
    assert check(path) == (2, f"{path}: the file is 9.0 MiB; an HTML notice file is at most 4 MiB, so this is not "
                              f"a notice\n")
