"""PDF reader: the text layer of a PDF (an attorney general's posting, a vendor's proof) as paragraphs, read into a Notice by the plain-text reader.

pdfminer.six's layout analysis groups a page's characters into lines and text boxes. Each box
is cut into paragraphs: a line clearly shorter than the text column ends a paragraph, wrapped
lines are joined (a hyphen at a line's end joins its word: "notifi-" + "cation"), bullets
("•", Word's Symbol-font bullet, "▪") start list items (a bullet set a tab stop apart from its text
goes back in front of it; on a one-column page, boxes are read top to bottom), a short line over a full one (a
heading, a salutation) stands alone, and runs of short lines (an address, a signature) keep
their line breaks. Page furniture is dropped: "Page 2 of 3", "- 2 -", a bare page number,
and what sits in the top or bottom margin of the pages after the first (a running header or
footer); the first page's are kept, as a letterhead carries the sender's contact. A paragraph
that a box or page boundary cut mid-sentence is joined again. Paragraphs are separated by blank lines and handed
to readers.text; «recipient_name» (a merge field as our DOCX shows it) becomes a Field. Meta.title
is the text reader's (a first underlined or element heading).

Refused with a ReadError: data that is not a PDF, an encrypted PDF that needs a password
(one protected only against copying or printing opens with the empty password), a damaged
one, more than MAX_PAGES pages, compressed streams that unpack to more than MAX_INFLATED (a
decompression bomb), more than readers.source.MAX_TEXT characters of text, and a PDF with no
text layer (a scan).
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zlib
from dataclasses import dataclass

from ..errors import ReadError
from ..model import Notice
from . import text as text_reader
from .source import MAX_TEXT, check_blocks, check_text_size

MAX_PAGES = 100  # a notice is a few pages; a letter with every state's insert is still far under this
MAX_INFLATED = 64 * 1024 * 1024  # compressed streams other than images, unpacked: page text, fonts (a notice: ~1 MB)
_FULL = 0.7      # a line at least this share of the column's width is a wrapped line, not a paragraph's end
_MARGIN = 0.08   # the top and bottom share of a page where running headers and footers sit (body text starts lower)
_PAGE_NO = re.compile(r"(?:(?:page|página|pág\.?)\s*)?\d{1,4}\s*(?:of|/|de)\s*\d{1,4}|(?:page|página|pág\.?)\s*\d{1,4}"
                      r"|[-–—]?\s*\d{1,4}\s*[-–—]?", re.I)
_BULLET = re.compile(r"\s*([•●▪■◦○‣⁃\uf0b7\uf0a7\uf0d8\uf076]|[-–*])\s*(?=\S)")
_GUILLEMET_FIELD = re.compile("«([a-z0-9_]+)»")  # a merge field as our DOCX shows it, e.g. in a proof printed to PDF
_LONE_BULLET = re.compile(r"[•●▪■◦○‣⁃\uf0b7\uf0a7\uf0d8\uf076]")
_DAMAGED = (ValueError, TypeError, KeyError, AttributeError, IndexError, LookupError, AssertionError, RecursionError,
            ArithmeticError, EOFError, struct.error)  # what pdfminer raises on a damaged file, besides its own
_PAIRWISE = 400  # boxes or lines on a page past which the pairwise layout fixes are skipped
_NUMBERED = re.compile(r"\s*(?:\d{1,3}|[a-z])[.)]\s+\S")
_HYPHEN = re.compile(r"[A-Za-zÀ-ÿ][-\u00ad\u2010]\Z")
_COMPOUND = {"multi", "self", "non", "third", "two", "follow", "well", "long", "short", "high", "low", "e", "co",
             "cross", "full", "part", "one", "year", "toll", "anti"}  # "multi-" + "factor" keeps its hyphen

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings about damaged PDFs are not for our users


@dataclass(frozen=True)
class _Line:
    text: str
    x0: float  # page coordinates: points, y upwards
    x1: float
    y0: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class _Box:
    lines: tuple[_Line, ...]
    page_top: float
    page_height: float

    @property
    def top(self) -> float:
        """Distance of the box's top from the page's top edge, as a share of the page's height."""
        return (self.page_top - max(line.y1 for line in self.lines)) / self.page_height

    @property
    def bottom(self) -> float:
        return (self.page_top - min(line.y0 for line in self.lines)) / self.page_height

    def key(self) -> str:
        """The box's text with digits masked: "Page 2" and "Page 3" are the same running footer."""
        return re.sub(r"\d+", "#", " ".join(line.text for line in self.lines)).strip().lower()


def read(data: bytes, *, kind: str | None = None, locale: str | None = None) -> Notice:
    """A Notice from a PDF's text layer (see the module docstring); ``kind``/``locale`` None: "unknown"/"und"."""
    text = pdf_text(data)
    check_blocks(text, markup=False, lines=False)
    return text_reader.read(text, kind=kind or "unknown", locale=locale or "und")


def pdf_text(data: bytes) -> str:
    """The text of a PDF as blank-line separated paragraphs, page furniture dropped."""
    pages = [_blocks(boxes) for boxes in _layout(data)]
    pages = _drop_running(pages)
    blocks: list[str] = []
    for page in pages:
        for block in (b for box, width in page for b in _paragraphs(box, width)):
            if blocks and _continues(blocks[-1], block):
                blocks[-1] = _join(blocks[-1], block)
            elif blocks and _item(block) and _item(blocks[-1]):  # list items the layout put in boxes of their own
                blocks[-1] += "\n" + block
            else:
                blocks.append(block)
    text = _GUILLEMET_FIELD.sub(r"[[\1]]", "\n\n".join(blocks))
    if not text.strip():
        raise ReadError("the PDF has no text layer (a scan?); run OCR first or check the text version")
    return text


def _layout(data: bytes):
    """For each page, its text boxes in reading order."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFException, resolve1
    from pdfminer.psexceptions import PSException

    if b"%PDF-" not in data[:1024]:
        raise ReadError("the file is not a PDF (it does not start with %PDF-)")
    _check_inflation(data)
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise ReadError("the PDF is encrypted and needs a password to open; save an unprotected copy "
                        "(or the text version) and check that") from None
    except PDFEncryptionError as exc:
        raise ReadError(f"the PDF is encrypted in a way that cannot be opened ({exc}); save an unprotected "
                        f"copy (or the text version) and check that") from None
    except (PDFException, PSException, *_DAMAGED) as exc:
        raise ReadError(f"the PDF is damaged and cannot be read ({type(exc).__name__})") from None
    try:
        count = resolve1(resolve1(document.catalog.get("Pages")).get("Count"))
    except Exception:  # a damaged page tree: counted while reading below
        count = None
    if isinstance(count, int) and count > MAX_PAGES:
        raise ReadError(f"the PDF has {count:,} pages; a notice is at most {MAX_PAGES} pages")
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)
    chars = 0
    try:
        for number, page in enumerate(PDFPage.create_pages(document), 1):
            if number > MAX_PAGES:
                raise ReadError(f"the PDF has more than {MAX_PAGES} pages; a notice is at most {MAX_PAGES} pages")
            interpreter.process_page(page)
            boxes = _boxes(device.get_result())
            chars += sum(len(line.text) for box in boxes for line in box.lines)
            if chars > MAX_TEXT:
                check_text_size(chars, "the PDF's text")
            yield boxes
    except ReadError:
        raise
    except (PDFException, PSException, *_DAMAGED) as exc:
        raise ReadError(f"the PDF is damaged and cannot be read ({type(exc).__name__})") from None


def _boxes(layout) -> list[_Box]:
    from pdfminer.layout import LTFigure, LTTextBox, LTTextLine

    height = max(layout.height, 1.0)
    out: list[_Box] = []
    stack = list(reversed(list(layout)))
    while stack:
        item = stack.pop()
        if isinstance(item, LTFigure):
            stack.extend(reversed(list(item)))
        elif isinstance(item, (LTTextBox, LTTextLine)):
            rows = list(item) if isinstance(item, LTTextBox) else [item]
            lines = tuple(_Line(" ".join(row.get_text().split()), row.x0, row.x1, row.y0, row.y1) for row in rows
                          if isinstance(row, LTTextLine) and row.get_text().strip())
            if lines:
                out.append(_Box(lines, layout.y1, height))
    return _reading_order(_attach_bullets(out))


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _by_columns(boxes: list[_Box], spans: dict) -> list[_Box]:
    """Bands of boxes between full-width ones, each read column by column (a column: boxes overlapping
    horizontally), top to bottom within a column."""
    left, right = min(s[0] for s in spans.values()), max(s[1] for s in spans.values())
    out: list[_Box] = []
    band: list[_Box] = []

    def flush() -> None:
        columns: list[list] = []  # [x0, x1, boxes]
        for box in sorted(band, key=lambda b: spans[id(b)][0]):
            x0, x1 = spans[id(box)][:2]
            if columns and x0 < columns[-1][1]:
                columns[-1][1] = max(columns[-1][1], x1)
                columns[-1][2].append(box)
            else:
                columns.append([x0, x1, [box]])
        out.extend(box for column in columns for box in sorted(column[2], key=lambda b: b.top))
        band.clear()

    for box in sorted(boxes, key=lambda b: b.top):
        x0, x1 = spans[id(box)][:2]
        if x1 - x0 > 0.6 * (right - left):
            flush()
            out.append(box)
        else:
            band.append(box)
    flush()
    return out


def _attach_bullets(boxes: list[_Box]) -> list[_Box]:
    """A bullet the layout set apart from its item's text (a tab stop away) goes back in front of that text."""
    lines = [line for box in boxes for line in box.lines]
    lone = [line for line in lines if _LONE_BULLET.fullmatch(line.text)]
    if not lone or len(lines) > _PAIRWISE:
        return boxes
    marked: set[int] = set()
    for bullet in lone:
        beside = [line for line in lines if line not in lone and 0 < line.x0 - bullet.x0 <= 72
                  and _overlap(line.y0, line.y1, bullet.y0, bullet.y1) >= 0.5 * (bullet.y1 - bullet.y0)]
        if beside:
            marked.add(id(min(beside, key=lambda line: line.x0)))
    out = []
    for box in boxes:
        kept = tuple(_Line("• " + line.text, line.x0, line.x1, line.y0, line.y1) if id(line) in marked else line
                     for line in box.lines if line not in lone)
        if kept:
            out.append(_Box(kept, box.page_top, box.page_height))
    return out


def _reading_order(boxes: list[_Box]) -> list[_Box]:
    """Top to bottom when the page is one column (no two boxes side by side), boxes that interleave merged;
    with columns, each band between full-width boxes is read column by column."""
    if len(boxes) > _PAIRWISE:
        return boxes
    spans = {id(b): (min(l.x0 for l in b.lines), max(l.x1 for l in b.lines), min(l.y0 for l in b.lines),
                     max(l.y1 for l in b.lines)) for b in boxes}
    values = list(spans.values())
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if _overlap(a[2], a[3], b[2], b[3]) > 2 and _overlap(a[0], a[1], b[0], b[1]) < 0:
                return _by_columns(boxes, spans)
    merged: list[_Box] = []
    for box in sorted(boxes, key=lambda box: box.top):
        last = merged[-1] if merged else None
        if last and _overlap(min(l.y0 for l in last.lines), max(l.y1 for l in last.lines),
                             min(l.y0 for l in box.lines), max(l.y1 for l in box.lines)) > 2:
            # boxes interleaved on the page (an item the layout set apart): one box, lines top to bottom
            lines = sorted(last.lines + box.lines, key=lambda line: (-round(line.y1), line.x0))
            merged[-1] = _Box(tuple(lines), box.page_top, box.page_height)
        else:
            merged.append(box)
    return merged


def _blocks(boxes: list[_Box]) -> list[tuple[_Box, float]]:
    """The page's boxes without page numbers, each with the page's column width."""
    kept = [box for box in boxes if not all(_PAGE_NO.fullmatch(line.text) for line in box.lines)]
    width = max((line.width for box in kept for line in box.lines), default=1.0)
    return [(box, width) for box in kept]


def _drop_running(pages: list[list[tuple[_Box, float]]]) -> list[list[tuple[_Box, float]]]:
    """Drop what sits in the top or bottom margin of the pages after the first (running headers and
    footers), and later occurrences of a first page's marginal box (a letterhead repeated)."""
    seen: set[str] = set()
    out = []
    for number, page in enumerate(pages):
        kept = []
        for box, width in page:
            marginal = box.bottom <= _MARGIN or box.top >= 1 - _MARGIN
            if marginal and (number or box.key() in seen):
                continue
            if marginal:
                seen.add(box.key())
            kept.append((box, width))
        out.append(kept)
    return out


def _item(text: str) -> str | None:
    """A list item's text as "• text" / "1. text", or None when the line does not start one."""
    if m := _BULLET.match(text):
        return "• " + text[m.end():]
    return text.strip() if _NUMBERED.match(text) else None


def _join(before: str, after: str) -> str:
    if _HYPHEN.search(before) and after[:1].islower():
        word = re.search(r"(\w*)\W\Z", before).group(1).lower()
        return before[:-1] + ("-" if word in _COMPOUND else "") + after
    return f"{before} {after}"


def _paragraphs(box: _Box, column: float) -> list[str]:
    """The box's text as blocks: wrapped lines joined, a block per paragraph; short-line runs keep their lines."""
    logical: list[list] = []  # [text, long?, item?]
    ended = True
    for line in box.lines:
        item = _item(line.text)
        full = line.width >= _FULL * column
        if ended or item is not None:
            logical.append([item if item is not None else line.text, full, item is not None])
        else:
            logical[-1][0] = _join(logical[-1][0], line.text)
            logical[-1][1] = True
        ended = not full
    blocks: list[list[str]] = []
    previous = None
    for entry in logical:
        together = previous is not None and ((not previous[1] and not entry[1]) or (previous[2] and entry[2]))
        if together:
            blocks[-1].append(entry[0])
        else:
            blocks.append([entry[0]])
        previous = entry
    return ["\n".join(lines) for lines in blocks]


def _continues(before: str, after: str) -> bool:
    """Whether a page's first paragraph continues the last one of the page before (a sentence cut by the break)."""
    return "\n" not in before and not before.rstrip().endswith((".", ":", "?", "!", ";")) and after[:1].islower()


_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def _check_inflation(data: bytes) -> None:
    """Refuse a PDF whose compressed streams (images aside, which are never unpacked) unpack to more than
    MAX_INFLATED bytes, before pdfminer unpacks any: it inflates a stream whole, so a small file can ask for
    gigabytes. Counted by unpacking each stream in bounded pieces; an encrypted stream does not inflate."""
    budget = MAX_INFLATED
    for match in _STREAM.finditer(data):
        start = match.end()
        head = data[max(0, match.start() - 2048):match.start()]
        if re.search(rb"/Subtype\s*/Image", head[head.rfind(b"obj") + 1:]):
            continue
        end = data.find(b"endstream", start)
        inflator = zlib.decompressobj()
        pending = data[start:end if end >= 0 else len(data)]
        while pending and budget >= 0 and not inflator.eof:
            try:
                out = inflator.decompress(pending, 1 << 20)
            except zlib.error:
                break
            budget -= len(out)
            pending = inflator.unconsumed_tail
        if budget < 0:
            raise ReadError(f"the PDF's compressed streams unpack to more than {MAX_INFLATED >> 20} MiB; a notice's "
                            f"never do, so this is not a notice (a decompression bomb?)")
