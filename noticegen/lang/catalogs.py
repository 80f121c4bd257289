"""Babel catalogs from locales/<locale>/LC_MESSAGES/noticegen.po, compiled in memory, with their review header."""

from __future__ import annotations

import gettext
import io
from functools import lru_cache

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..resources import data_dir

SOURCE_LOCALE = "en_US"
"""Template text is written in this locale; its catalog is the identity."""

DOMAIN = "noticegen"


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
    headers = {key: value for key, value in po.mime_headers}
    buffer = io.BytesIO()
    write_mo(buffer, po, use_fuzzy=False)
    buffer.seek(0)
    return Catalog(locale, gettext.GNUTranslations(buffer), known, headers)
