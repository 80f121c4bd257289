"""The language layer, in one place:

- catalogs.py    the 17 locales, Babel catalogs from locales/, their PO headers (review status)
- formatting.py  dates, numbers and lists per locale (Babel; Haitian Creole where CLDR has no data)
- review.py      review status of catalogs and facts translations, and the --draft gate's watermark
- sources.py     the facts' translatable fields, the hash of each English source, stale translations
- facts_po.py    `noticegen translations export/import` in PO; facts_xliff.py the same in XLIFF 1.2
- taglines.py    the language-assistance taglines (Section 1557)
"""

from __future__ import annotations

from .catalogs import DOMAIN, LOCALES, SOURCE_LOCALE, Catalog, N_, catalog, catalog_path
from .formatting import babel_locale, format_date, format_list, format_number, language_tag, text_direction

__all__ = [
    "DOMAIN", "LOCALES", "SOURCE_LOCALE", "Catalog", "N_", "catalog", "catalog_path", "babel_locale", "format_date",
    "format_list", "format_number", "language_tag", "text_direction",
]
