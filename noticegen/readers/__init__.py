"""Readers turn notice files (Markdown, HTML, DOCX, PDF, email, plain text) into the Notice model."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import import_module
from pathlib import Path

from ..errors import ReadError
from ..model import Notice, notice_text
from .source import check_blocks, check_file_size, check_html, check_text_size, decode_text

READERS: dict[str, str] = {
    # suffix     module
    ".md":       "noticegen.readers.markdown",
    ".markdown": "noticegen.readers.markdown",
    ".html":     "noticegen.readers.html",
    ".htm":      "noticegen.readers.html",
    ".xhtml":    "noticegen.readers.html",
    ".docx":     "noticegen.readers.docx",
    ".pdf":      "noticegen.readers.pdf",
    ".eml":      "noticegen.readers.eml",
    ".txt":      "noticegen.readers.text",
}
_BINARY = {"docx", "pdf", "eml"}  # readers that take the file's bytes; the others take its decoded text


def read_path(path: Path, *, kind: str | None = None, locale: str | None = None) -> Notice:
    """Read a notice file by its suffix (unknown suffixes are read as plain text). Every ReadError names the
    file; a file past its reader's size limit (readers.source) is refused before it is read."""
    fmt = READERS.get(path.suffix.lower(), "noticegen.readers.text").rsplit(".", 1)[1]
    try:
        check_file_size(path.stat().st_size, fmt)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read it ({exc.strerror})") from None
    except ReadError as exc:
        raise ReadError(f"{path}: {exc}") from None
    try:
        return read_data(data, fmt, kind=kind, locale=locale)
    except ReadError as exc:
        raise ReadError(f"{path}: {exc}") from None


def read_data(data: bytes, fmt: str, *, kind: str | None = None, locale: str | None = None) -> Notice:
    """Read a notice from a file's bytes with the reader named ``fmt`` ("md", "html", "docx", "pdf", "eml",
    "text"): text is decoded first (readers.source.decode_text); the notice must have some text, and not
    more than a notice ever has. ``kind``/``locale`` None: from the file, else "unknown" / a guess."""
    module = import_module(f"noticegen.readers.{'markdown' if fmt == 'md' else fmt}")
    if fmt in _BINARY:
        notice = module.read(data, kind=kind, locale=locale)
    else:
        text = decode_text(data)
        if fmt == "html":
            check_html(text)
        else:
            check_text_size(len(text))
            check_blocks(text, markup=fmt in ("md", "markdown"))
        options = {"kind": kind or "unknown"}
        if locale:
            options["locale"] = locale
        notice = module.read(text, **options)
    body = notice_text(notice)
    check_text_size(len(body), "the notice's text")
    if not body.strip():
        raise ReadError("no text found")
    if not locale and notice.locale in (None, "und"):
        notice = replace(notice, locale=guess_locale(notice))
    return notice


_STOPWORDS = {
    "en_US": frozenset("the and of to your you we our was were is for that this with".split()),
    "es_US": frozenset("el la los las de del y que su sus usted nuestro para con por fue".split()),
}


def guess_locale(notice: Notice) -> str:
    """en_US or es_US, by which language's common words the notice uses more (Markdown and text files
    do not say their language; DOCX and HTML do)."""
    words = re.findall(r"[a-záéíóúñü]+", notice_text(notice).lower())
    counts = {loc: sum(w in stop for w in words) for loc, stop in _STOPWORDS.items()}
    return max(counts, key=lambda loc: (counts[loc], loc == "en_US"))
