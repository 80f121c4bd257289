"""Review status of translations, and the draft gate: a catalog's PO header (X-Review-Status, X-Reviewed-By,
X-Review-Date) and a facts translation's ``review`` block; a notice in a locale where either is not reviewed
by a qualified translator is made only as a draft, watermarked "translation not reviewed"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalogs import N_, SOURCE_LOCALE, catalog, catalog_path
from .sources import stale

REVIEWED = "reviewed"
DRAFT = "draft"

WATERMARK = N_("translation not reviewed")
"""The watermark line a draft translation carries, in its language and (as the msgid) in English."""


@dataclass(frozen=True)
class Review:
    """One translation's status: ``status`` draft or reviewed; ``by`` and ``on`` say who reviewed and when."""

    status: str
    by: str | None = None
    on: str | None = None
    note: str = ""
    """Why it counts as draft when it is not plain from the status (no header, stale fields)."""

    @property
    def reviewed(self) -> bool:
        return self.status == REVIEWED

    def to_json(self) -> dict:
        return {"status": self.status, "by": self.by, "on": self.on, "note": self.note}


def catalog_review(locale: str) -> Review:
    """The review status recorded in locales/<locale>/LC_MESSAGES/noticegen.po (en_US, the source: reviewed)."""
    if locale == SOURCE_LOCALE:
        return Review(REVIEWED, note="the source language")
    if not catalog_path(locale).is_file():
        return Review(DRAFT, note=f"no catalog for {locale}")
    headers = catalog(locale).headers
    status = (headers.get("X-Review-Status") or "").strip().lower()
    by = (headers.get("X-Reviewed-By") or "").strip() or None
    on = (headers.get("X-Review-Date") or "").strip() or None
    if status == REVIEWED and by:
        return Review(REVIEWED, by, on)
    if status == REVIEWED:
        return Review(DRAFT, note="X-Review-Status says reviewed but X-Reviewed-By names no reviewer")
    return Review(DRAFT, by, on, "" if status == DRAFT else "the catalog records no X-Review-Status")


def facts_review(facts: Any, locale: str) -> Review | None:
    """The review state of facts.translations[locale] (None for en_US or without a block); a block with
    stale fields (its English changed) counts as draft whatever it says."""
    if locale == SOURCE_LOCALE or facts is None or locale not in facts.translations:
        return None
    block = facts.translations[locale]
    state = block.review
    on = state.on.isoformat() if state.on else None
    outdated = stale(facts, locale)
    if outdated:
        return Review(DRAFT, state.by, on, f"{len(outdated)} field(s) stale: the English changed since translation")
    if state.status == REVIEWED:
        return Review(REVIEWED, state.by, on)
    return Review(DRAFT, state.by, on)


@dataclass(frozen=True)
class TranslationReview:
    """What a notice in ``locale`` rests on: its catalog, and (with facts) the facts' translation."""

    locale: str
    catalog: Review
    facts: Review | None

    @property
    def reviewed(self) -> bool:
        return self.catalog.reviewed and (self.facts is None or self.facts.reviewed)

    @property
    def status(self) -> str:
        return REVIEWED if self.reviewed else DRAFT

    def reasons(self) -> list[str]:
        """What is not reviewed, in words: 'the vi catalog is draft', 'translations.vi in the facts is draft'."""
        out = []
        if not self.catalog.reviewed:
            note = f" ({self.catalog.note})" if self.catalog.note else ""
            out.append(f"the {self.locale} catalog (locales/{self.locale}/LC_MESSAGES/noticegen.po) is draft{note}")
        if self.facts is not None and not self.facts.reviewed:
            note = f" ({self.facts.note})" if self.facts.note else ""
            out.append(f"translations.{self.locale} in the facts is draft{note}")
        return out

    def to_json(self) -> dict:
        return {"locale": self.locale, "status": self.status, "catalog": self.catalog.to_json(),
                "facts": self.facts.to_json() if self.facts else None}

    def watermark(self) -> tuple[str, ...]:
        """The watermark lines of a draft: in the notice's language, then in English (once for en_US)."""
        if self.reviewed:
            return ()
        local = catalog(self.locale).gettext(WATERMARK)
        return (local,) if local == WATERMARK else (local, WATERMARK)


def translation_review(locale: str, facts: Any = None) -> TranslationReview:
    return TranslationReview(locale, catalog_review(locale), facts_review(facts, locale))


def gate_message(unreviewed: list[TranslationReview]) -> str:
    """The refusal when notices in unreviewed locales are asked for without --draft."""
    lines = [f"{r.locale}: translation not reviewed: {'; '.join(r.reasons())}" for r in unreviewed]
    locales = ", ".join(r.locale for r in unreviewed)
    lines.append(f"not rendered: the {locales} translation is not reviewed by a qualified translator. Pass --draft "
                 "for copies watermarked 'translation not reviewed', leave the locale out (--locale), or have a "
                 "qualified translator review it and mark it reviewed (README, Languages)")
    return "\n".join(lines)
