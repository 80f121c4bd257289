"""One writer per output format; the registry maps format names to writers.

Writers read only the Notice model. Text writers return str, DOCX returns bytes. The table is literal
so it can be read top to bottom; modules load on first use, so only DOCX output imports python-docx.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

from ..model import Notice

WRITERS: dict[str, tuple[str, str]] = {
    # format   module                        what it writes
    "md":   ("noticegen.render.markdown", "CommonMark with noticegen's element markers"),
    "html": ("noticegen.render.html", "a standalone accessible page (fragment=True: an <article>)"),
    "txt":  ("noticegen.render.text", "plain text"),
    "eml":  ("noticegen.render.eml", "an RFC 5322 email, multipart/alternative"),
    "docx": ("noticegen.render.docx", "a Word document with styles from templates/reference.docx"),
}

EXTENSIONS = {"md": "md", "html": "html", "txt": "txt", "eml": "eml", "docx": "docx"}


def writer(fmt: str) -> Callable[..., str | bytes]:
    """The ``render`` function of format ``fmt``."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; one of: {', '.join(WRITERS)}")
    return import_module(WRITERS[fmt][0]).render


def render(notice: Notice, fmt: str, **options) -> str | bytes:
    """Write ``notice`` in format ``fmt``; ``options`` go to that writer (e.g. fragment=True for html)."""
    return writer(fmt)(notice, **options)
