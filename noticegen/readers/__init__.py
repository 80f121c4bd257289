"""Readers turn notice files (Markdown, HTML, DOCX, plain text) back into the Notice model."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..errors import ReadError
from ..model import Notice

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
        return module.read(data, kind=kind, locale=locale)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: not UTF-8 text (byte {exc.start + 1}); save it as UTF-8") from None
    options = {"kind": kind or "unknown"}
    if locale:
        options["locale"] = locale
    return module.read(text, **options)
