"""The language layer: catalogs (catalogs.py), locale formatting (formatting.py), review status and the
draft gate (review.py), the facts' free-text translations workflow (facts_po.py, staleness)."""

from __future__ import annotations

from .catalogs import DOMAIN, LOCALES, SOURCE_LOCALE, Catalog, N_, catalog, catalog_path
from .formatting import babel_locale, format_date, format_list, format_number, language_tag, text_direction

__all__ = [
    "DOMAIN", "LOCALES", "SOURCE_LOCALE", "Catalog", "N_", "catalog", "catalog_path", "babel_locale", "format_date",
    "format_list", "format_number", "language_tag", "text_direction",
]
