"""Babel catalogs from locales/<locale>/LC_MESSAGES/noticegen.po, compiled in memory, with their review header."""

from __future__ import annotations

import ast
import gettext
import io
import re
from functools import lru_cache

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..resources import data_dir

SOURCE_LOCALE = "en_US"
"""Template text is written in this locale; its catalog is the identity."""

DOMAIN = "noticegen"

LOCALES = ("en_US", "es_US", "zh_Hant", "zh_Hans", "vi", "ko", "fil", "ru", "ar", "ht", "fr", "pl", "pt", "it",
           "de", "ja", "fa")
"""Every locale a notice can be made in (Babel ids): English, then the national top 15 languages HHS used for
its taglines, with Chinese in Traditional and Simplified script. Tagalog is Babel's ``fil`` (Filipino, the
standardized form of Tagalog; Babel has no ``tl`` data). A notice in any but en_US needs the locale's catalog
in locales/ and a translations block in the facts."""


def N_(text: str) -> str:
    """Marks a string for `pybabel extract -k N_` (make catalogs); it is translated where it is shown."""
    return text


class Catalog:
    """One locale's translations; remembers which msgids it could not translate."""

    def __init__(self, locale: str, translations: gettext.NullTranslations, known: frozenset[str],
                 headers: dict[str, str] | None = None):
        self.locale = locale
        self._translations = translations
        self._known = known
        self.headers: dict[str, str] = dict(headers or {})
        """The PO header fields (X-Review-Status, X-Reviewed-By, X-Review-Date...); {} without a file."""

    def has(self, msgid: str) -> bool:
        """True when the catalog translates ``msgid`` (always true for the source locale)."""
        return self.locale == SOURCE_LOCALE or msgid in self._known

    def gettext(self, msgid: str) -> str:
        return self._translations.gettext(msgid)


REVIEW_HEADERS = ("X-Review-Status", "X-Reviewed-By", "X-Review-Date")
"""The PO header fields that record a translation's review (Babel's reader drops X- headers: read them with
po_headers, write them with with_headers)."""

_HEADER = re.compile(r'^msgid ""\s*\nmsgstr ((?:"(?:[^"\\]|\\.)*"\s*\n?)+)', re.M)


def po_headers(text: str) -> dict[str, str]:
    """Every field of a PO file's header entry (``msgid ""``), X- fields included, as written."""
    match = _HEADER.search(text)
    if not match:
        return {}
    value = "".join(ast.literal_eval(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', match.group(1)))
    out = {}
    for line in value.split("\n"):
        name, sep, rest = line.partition(":")
        if sep and name.strip():
            out[name.strip()] = rest.strip()
    return out


def with_headers(text: str, headers: dict[str, str]) -> str:
    """``text`` (a PO file) with ``headers`` set in its header entry: replaced where present, else added at
    the end of the entry."""
    match = _HEADER.search(text)
    if not match:
        raise ValueError("the PO file has no header entry (msgid \"\")")
    parts = [ast.literal_eval(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', match.group(1))]
    lines = [line for line in "".join(parts).split("\n") if line]
    for name, value in headers.items():
        entry = f"{name}: {value}"
        for i, line in enumerate(lines):
            if line.partition(":")[0].strip().lower() == name.lower():
                lines[i] = entry
                break
        else:
            lines.append(entry)
    quoted = "".join(f'"{line.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}\\n"\n'
                     for line in lines)
    return text[:match.start(1)] + '""\n' + quoted + "\n" + text[match.end(1):].lstrip("\n")


def catalog_path(locale: str):
    """locales/<locale>/LC_MESSAGES/noticegen.po (it may not exist)."""
    return data_dir("locales") / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def catalog(locale: str) -> Catalog:
    """The catalog for ``locale``, compiled in memory from locales/<locale>/LC_MESSAGES/noticegen.po."""
    if locale == SOURCE_LOCALE:
        return Catalog(locale, gettext.NullTranslations(), frozenset())
    po_path = catalog_path(locale)
    if not po_path.is_file():
        return Catalog(locale, gettext.NullTranslations(), frozenset())
    with po_path.open("rb") as handle:
        po = read_po(handle, locale=locale, domain=DOMAIN)
    known = frozenset(
        m.id for m in po if m.id and m.string and not m.fuzzy and isinstance(m.id, str)
    )
    headers = po_headers(po_path.read_text(encoding="utf-8"))
    buffer = io.BytesIO()
    write_mo(buffer, po, use_fuzzy=False)
    buffer.seek(0)
    return Catalog(locale, gettext.GNUTranslations(buffer), known, headers)
