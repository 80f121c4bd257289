"""Locale formatting with Babel: dates, numbers and lists as each language writes them, tags and direction."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date as _format_date
from babel.lists import format_list as _format_list
from babel.numbers import format_decimal


def babel_locale(locale: str) -> Locale:
    return Locale.parse(locale)


_HAITIAN_MONTHS = ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm",
                   "desanm")
"""Babel's (CLDR's) ht data has no month names (it writes '2025 M03 14') nor list words: Haitian Creole prose
writes '14 mas 2025' (day, month, year, as in French) and joins lists with 'ak' (and) / 'oswa' (or)."""

_LIST_WORDS = {"ht": {"standard": "ak", "or": "oswa"}}
"""Locales whose CLDR data lacks the words that join a list (Babel falls back to commas only)."""


def format_date(value: dt.date, locale: str) -> str:
    """A date as the locale writes it in prose: 'March 14, 2025', '14 de marzo de 2025'; Haitian Creole
    (no CLDR month names) '14 mas 2025'."""
    if locale.split("_")[0] == "ht":
        return f"{value.day} {_HAITIAN_MONTHS[value.month - 1]} {value.year}"
    return _format_date(value, format="long", locale=locale)


def format_number(value: int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def format_list(items: list[str], locale: str, *, style: str = "standard") -> str:
    """'a, b, and c' / 'a, b y c'; style "or": 'a, b, or c' / 'a, b o c'."""
    words = _LIST_WORDS.get(locale.split("_")[0])
    if words and len(items) > 1:
        return f"{', '.join(items[:-1])} {words.get(style, words['standard'])} {items[-1]}"
    return _format_list(items, style=style, locale=locale) if items else ""


def language_tag(locale: str) -> str:
    """BCP 47 tag for HTML lang and email Content-Language: es_US -> es-US."""
    return locale.replace("_", "-")


def text_direction(locale: str) -> str:
    """'ltr' or 'rtl'."""
    return babel_locale(locale).text_direction
