"""Babel: translation catalogs from locales/, and locale formatting of dates, numbers and lists."""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _format_date
from babel.lists import format_list as _format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from .resources import data_dir

SOURCE_LOCALE = "en_US"
"""Template text is written in this locale; its catalog is the identity."""

DOMAIN = "noticegen"


def N_(text: str) -> str:
    """Marks a string for `pybabel extract -k N_` (make catalogs); it is translated where it is shown."""
    return text


class Catalog:
    """One locale's translations; remembers which msgids it could not translate."""

    def __init__(self, locale: str, translations: gettext.NullTranslations, known: frozenset[str]):
        self.locale = locale
        self._translations = translations
        self._known = known

    def has(self, msgid: str) -> bool:
        """True when the catalog translates ``msgid`` (always true for the source locale)."""
        return self.locale == SOURCE_LOCALE or msgid in self._known

    def gettext(self, msgid: str) -> str:
        return self._translations.gettext(msgid)


@lru_cache(maxsize=None)
def catalog(locale: str) -> Catalog:
    """The catalog for ``locale``, compiled in memory from locales/<locale>/LC_MESSAGES/noticegen.po."""
    if locale == SOURCE_LOCALE:
        return Catalog(locale, gettext.NullTranslations(), frozenset())
    po_path = data_dir("locales") / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.is_file():
        return Catalog(locale, gettext.NullTranslations(), frozenset())
    with po_path.open("rb") as handle:
        po = read_po(handle, locale=locale, domain=DOMAIN)
    known = frozenset(
        m.id for m in po if m.id and m.string and not m.fuzzy and isinstance(m.id, str)
    )
    buffer = io.BytesIO()
    write_mo(buffer, po, use_fuzzy=False)
    buffer.seek(0)
    return Catalog(locale, gettext.GNUTranslations(buffer), known)


def babel_locale(locale: str) -> Locale:
    return Locale.parse(locale)


def format_date(value: dt.date, locale: str) -> str:
    """A date as the locale writes it in prose: 'March 14, 2025', '14 de marzo de 2025'."""
    return _format_date(value, format="long", locale=locale)


def format_number(value: int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def format_list(items: list[str], locale: str, *, style: str = "standard") -> str:
    """'a, b, and c' / 'a, b y c'; style "or": 'a, b, or c' / 'a, b o c'."""
    return _format_list(items, style=style, locale=locale) if items else ""


def language_tag(locale: str) -> str:
    """BCP 47 tag for HTML lang and email Content-Language: es_US -> es-US."""
    return locale.replace("_", "-")


def text_direction(locale: str) -> str:
    """'ltr' or 'rtl'."""
    return babel_locale(locale).text_direction


def phi_label(term: str, locale: str) -> str:
    """A PHI term's label in ``locale`` ('date of birth' / 'fecha de nacimiento')."""
    from .phi import PHI

    return catalog(locale).gettext(PHI[term].label)
