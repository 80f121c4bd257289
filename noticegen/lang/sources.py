"""The facts' translatable free text: each field's path and English source, its hash, and stale translations.

A translation remembers the hash of the English it was made from (``translations.<locale>.sources``, written
by ``noticegen translations import``); when the English changes, the translation is stale.
"""

from __future__ import annotations

import hashlib
from typing import Any

FIELDS = ("summary", "investigation", "mitigation", "prevention", "individual_steps", "hours", "type_other",
          "location_other", "phi_other", "signer_title", "business_associate_contact_title", "about")
"""The translatable fields of a translations.<locale> block (facts.TextTranslation), in notice order."""

ENGLISH_PATH = {
    "summary": "breach.summary", "investigation": "response.investigation", "mitigation": "response.mitigation",
    "prevention": "response.prevention", "individual_steps": "response.individual_steps", "hours": "contact.hours",
    "type_other": "breach.type_other", "location_other": "breach.location_other", "phi_other": "breach.phi_other",
    "signer_title": "notices.signer.title (else covered_entity.contact.title)",
    "business_associate_contact_title": "business_associate.contact.title", "about": "covered_entity.about",
}
"""Where each field's English stands in the facts (for translators' notes and messages)."""


def source_hash(text: str) -> str:
    """The first 8 hex digits of the SHA-256 of the English text (whitespace at the ends ignored)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:8]


def english_texts(facts: Any) -> dict[str, str]:
    """Every translatable English text of ``facts`` by its key: 'summary', 'individual_steps.0', ...; fields
    the facts leave out are left out."""
    return _keyed(facts.text("en_US"))


def translated_texts(facts: Any, locale: str) -> dict[str, str]:
    """The translations.<locale> texts by the same keys as english_texts ({} without a block)."""
    block = facts.translations.get(locale)
    return {} if block is None else _keyed(block)


def _keyed(texts: Any) -> dict[str, str]:
    """The FIELDS of ``texts`` by key, each step its own ('individual_steps.0'); empty fields left out."""
    out: dict[str, str] = {}
    for name in FIELDS:
        value = getattr(texts, name)
        if name == "individual_steps":
            out.update({f"individual_steps.{i}": step for i, step in enumerate(value)})
        elif value:
            out[name] = value
    return out


def stale(facts: Any, locale: str) -> list[tuple[tuple[str, ...], str]]:
    """(field path, message) for each translated field of ``locale`` whose English changed since its hash
    was recorded. Fields without a recorded hash (translations written by hand) are not judged."""
    block = facts.translations.get(locale)
    if block is None or not block.sources:
        return []
    english = english_texts(facts)
    when = f" ({block.translated_on.isoformat()})" if block.translated_on else ""
    out = []
    for key, recorded in block.sources.items():
        current = english.get(key)
        name = key.split(".")[0]
        what = f"step {int(key.split('.')[1]) + 1} of response.individual_steps" if "." in key else \
            f"{ENGLISH_PATH.get(name, name)}"
        path = ("translations", locale, *key.split("."))
        if current is None:
            out.append((path, f"the English {what} is gone since it was translated{when}; remove this "
                              "translation or re-export and translate again"))
        elif source_hash(current) != recorded:
            out.append((path, f"the English {what} changed since it was translated{when}; re-export "
                              f"(noticegen translations export FACTS --locale {locale} -o FILE) and translate it "
                              "again"))
    return out


def all_stale(facts: Any) -> list[tuple[tuple[str, ...], str]]:
    """stale() for every locale with a translations block."""
    return [item for locale in facts.translations for item in stale(facts, locale)]
