"""Readers turn notice files (Markdown, HTML, DOCX, plain text) back into the Notice model."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import import_module
from pathlib import Path

from ..errors import ReadError
from ..model import Notice, notice_text

READERS: dict[str, str] = {
    # suffix     module
    ".md":       "noticegen.readers.markdown",
    ".markdown": "noticegen.readers.markdown",
    ".html":     "noticegen.readers.html",
    ".htm":      "noticegen.readers.html",
    ".docx":     "noticegen.readers.docx",
    ".txt":      "noticegen.readers.text",
}


def read_path(path: Path, *, kind: str | None = None, locale: str | None = None) -> Notice:
    """Read a notice file by its suffix (unknown suffixes are read as plain text)."""
    module = import_module(READERS.get(path.suffix.lower(), "noticegen.readers.text"))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read it ({exc.strerror})") from None
    if path.suffix.lower() == ".docx":
        try:
            return module.read(data, kind=kind, locale=locale)
        except ReadError as exc:
            raise ReadError(f"{path}: {exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: not UTF-8 text (byte {exc.start + 1}); save it as UTF-8") from None
    options = {"kind": kind or "unknown"}
    if locale:
        options["locale"] = locale
    notice = module.read(text, **options)
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
