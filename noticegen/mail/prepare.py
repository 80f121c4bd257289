"""The variants of a mailing, built and checked in a child process so the mailing process stays small.

Building runs the checker, whose dictionaries (readability, vocabularies) take about 80 MB; a mailing
needs only the variants' bytes. ``variants_in_child`` builds them in a fresh process that exits when it
is done, so a mailing of any size runs in a process that never held them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import CheckFailed, NoticegenError


@dataclass(frozen=True)
class Prepared:
    variants: dict
    locales: tuple[str, ...]
    business_associate: bool
    """The plan calls for the business associate's notice (its identification enclosure goes with the mailing)."""
    determination: str | None = None
    """Set when the plan finds no breach: why (then there are no variants)."""


class BuildFailed(NoticegenError):
    """A variant failed its check; ``tables`` are the check reports as the CLI prints them."""

    def __init__(self, message: str, tables: tuple[str, ...] = ()):
        super().__init__(message)
        self.tables = tables

    def __reduce__(self):
        return (BuildFailed, (str(self), self.tables))


def prepare(facts_file: str, *, as_of: dt.date, templates: str | None, locales: tuple[str, ...] | None,
            formats: tuple[str, ...] | None, draft_translations: bool = False) -> Prepared:
    """Load the facts, plan, build and check the individual and next-of-kin notices; their variants.

    ``draft_translations``: make copies in locales whose translation is not reviewed, watermarked (else refuse)."""
    from .. import facts as facts_mod
    from ..notice_set import notice_set
    from ..plan import plan
    from .variants import build_variants

    try:
        facts = facts_mod.load_facts(facts_file)
        result = plan(facts, as_of=as_of)
        if not result.breach:
            return Prepared({}, tuple(facts.notices.locales), False, result.determination)
        owed = {o.kind for o in result.obligations}
        kinds = tuple(k for k in ("individual", "next_of_kin") if k in owed)
        made = notice_set(facts, result, kinds=kinds, locales=locales,
                          formats=tuple(f for f in (formats or ("docx", "eml")) if f in ("docx", "eml")),
                          templates=Path(templates) if templates else None,
                          draft_translations=draft_translations) if kinds else None
    except CheckFailed as exc:
        raise BuildFailed(str(exc), tuple(r.to_table() for r in exc.reports)) from None
    except NoticegenError as exc:
        raise BuildFailed(str(exc)) from None
    variants = build_variants(facts, made.notices, formats=formats) if made else {}
    return Prepared(variants, tuple(facts.notices.locales), "business_associate" in owed)


def variants_in_child(facts_file: str, **options) -> Prepared:
    """``prepare`` in a fresh process (spawned, so it shares nothing with this one)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(prepare, facts_file, **options).result()
