"""Bytes to text for the readers: the size limits every reader enforces, encoding detection (UTF-8, UTF-16, cp1252) and binary refusal.

A notice is a few pages: even a long substitute notice with its FAQ is under 100 KB of text.
The limits sit far above that and far below what makes a reader slow or greedy (a 10 MB
Markdown file took minutes and gigabytes), so a file past one is refused with a message
naming the limit rather than read for minutes. Messages here do not name the file:
readers.read_path puts the file name in front of every ReadError.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ReadError

MiB = 1024 * 1024
MAX_TEXT = 2 * MiB          # characters of text any notice may hold, whatever the format
MAX_BLOCK = 20_000          # characters in one paragraph: a whole letter flattened into one is under 10,000
MAX_BLOCKS = 5_000          # paragraphs, headings, lists and tables: a long notice with its FAQ has a few hundred
MAX_FILE = {                # bytes on disk, by reader; others use MAX_TEXT
    "markdown": 1 * MiB,    # markdown-it-py needs ~100 microseconds a character on markup-dense input
    "html": 4 * MiB,        # a saved page carries its site's markup, inline styles and scripts
    "eml": 25 * MiB,        # an email may carry attachments we never read
    "docx": 25 * MiB,       # images; the unzipped parts have their own limits (readers.docx)
    "pdf": 50 * MiB,        # scans and embedded fonts; pages and text have their own limits (readers.pdf)
}
_MARKUP = re.compile(r"[\[\]*_<>`\\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAGIC = ((b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a ZIP archive (a .docx?)"),
          (b"\xd0\xcf\x11\xe0", "an old binary Word or Office file"), (b"\x89PNG", "a PNG image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x1f\x8b", "a gzip archive"),
          (b"\x7fELF", "a program"), (b"MZ", "a Windows program"))


def mib(size: int) -> str:
    """A size in MiB as messages print it ("2 MiB", "10.3 MiB")."""
    value = size / MiB
    return f"{value:.0f} MiB" if value == int(value) else f"{value:.1f} MiB"


def check_file_size(size: int, reader: str) -> None:
    """Refuse a file larger than ``reader``'s limit before reading it."""
    limit = MAX_FILE.get(reader, MAX_TEXT)
    if size > limit:
        what = {"html": "an HTML", "eml": "an email", "docx": "a DOCX", "pdf": "a PDF",
                "markdown": "a Markdown"}.get(reader, "a text")
        raise ReadError(f"the file is {mib(size)}; {what} notice file is at most {mib(limit)}, "
                        f"so this is not a notice")


def check_text_size(chars: int, where: str = "the text") -> None:
    """Refuse extracted text longer than MAX_TEXT characters."""
    if chars > MAX_TEXT:
        raise ReadError(f"{where} is {chars / MiB:.1f} million characters; a notice is at most "
                        f"{MAX_TEXT / MiB:.0f} million characters of text, so this is not a notice")


def check_block(chars: int, where: str = "") -> None:
    """Refuse one paragraph longer than MAX_BLOCK characters (``where``: "line 12: " or "")."""
    if chars > MAX_BLOCK:
        raise ReadError(f"{where}a paragraph of more than {MAX_BLOCK:,} characters; a notice's paragraphs are far "
                        f"shorter, so this is not a notice")


def check_block_count(count: int) -> None:
    """Refuse a notice of more than MAX_BLOCKS paragraphs (each costs the tidy normal form and the checker)."""
    if count > MAX_BLOCKS:
        raise ReadError(f"more than {MAX_BLOCKS:,} paragraphs; a notice has at most a few hundred, so this is not "
                        f"a notice")


def check_blocks(text: str, *, markup: bool, lines: bool = True) -> None:
    """Refuse text with a paragraph (lines between blank lines) over MAX_BLOCK characters, or (``markup``:
    Markdown) a long paragraph made mostly of markup characters: the parsers and the tidy normal form
    slow down with the square of such a paragraph, and no notice has one."""
    start, size, marks, count = 1, 0, 0, 0
    for number, line in enumerate(text.splitlines() + [""], 1):
        if line.strip() and "\f" not in line:
            if not size:
                start = number
                count += 1
                check_block_count(count)
            size += len(line) + 1
            if markup:
                marks += len(_MARKUP.findall(line))
            check_block(size, f"line {start}: " if lines else "")
            continue
        if markup and size > 1000 and marks > size // 4:
            raise ReadError(f"line {start}: a paragraph made mostly of Markdown markup characters "
                            f"([ ] * _ < > `); is it a notice?")
        size, marks = 0, 0


def check_html(text: str) -> None:
    """Refuse HTML whose "<" far outnumber its ">" (tags left open): html.parser rescans an open tag to
    the end of the file, so such a file takes minutes; no page has more than a few stray "<"."""
    opened, closed = text.count("<"), text.count(">")
    if opened > closed + 1000:
        raise ReadError(f"the HTML has {opened - closed:,} more \"<\" than \">\" (tags left open); is it a notice?")


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when every other byte of the start is NUL (UTF-16 saved without a BOM)."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.6 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _binary(data: bytes) -> ReadError:
    what = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    looks = f" (it looks like {what})" if what else ""
    return ReadError(f"the file holds binary data, not text{looks}; give a notice as .docx, .pdf, .html, .md, "
                     f".txt or .eml")


def decode_text(data: bytes) -> str:
    """The text of a text file: UTF-8 (with or without BOM), UTF-16 by its BOM (or its NUL pattern),
    else Windows-1252 (which also covers Latin-1; the five bytes cp1252 leaves undefined read as Latin-1).
    Line endings are left as they are (every reader takes CR LF and CR). Binary data is refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise _binary(data) from None
        text = text.removeprefix("\ufeff")
    else:
        if b"\x00" in data:
            raise _binary(data)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="noticegen-latin1")
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise _binary(data)
    return text


def _latin1_fallback(exc: UnicodeDecodeError):
    """cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: read them as Latin-1 does."""
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


codecs.register_error("noticegen-latin1", _latin1_fallback)
