"""Compatibility re-export of the language layer (noticegen.lang); new code imports noticegen.lang."""

from __future__ import annotations

from .lang import *  # noqa: F401,F403
from .lang import DOMAIN, SOURCE_LOCALE, Catalog, N_, catalog  # noqa: F401
from .phi import label as phi_label  # noqa: F401
