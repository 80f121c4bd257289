"""The translator workflow for the facts' free text: export a PO file of the English (msgctxt = the field's
key, prefilled with the translation there is), and import a translated PO back into the facts file's
``translations:`` block with its review state and the hash of each English source.

The PO is Babel's (Poedit, Weblate and CAT tools open it). A fuzzy entry is a draft; a file whose header
says ``X-Review-Status: reviewed`` and names ``X-Reviewed-By``, with no fuzzy entry, is reviewed.
YAML facts files are rewritten with ruamel.yaml's round trip, so comments and layout outside the block stay.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.pofile import read_po, write_po

from ..errors import NoticegenError
from .catalogs import LOCALES, SOURCE_LOCALE, po_headers, with_headers
from .sources import ENGLISH_PATH, FIELDS, english_texts, source_hash, stale, translated_texts


class TranslationsError(NoticegenError):
    """A translations export or import could not be done; the message says why and what to do."""


def _check_locale(locale: str) -> None:
    if locale == SOURCE_LOCALE:
        raise TranslationsError(f"{SOURCE_LOCALE} is the language the facts are written in; export another locale")
    if locale not in LOCALES:
        raise TranslationsError(f"{locale!r} is not a noticegen locale; one of: {', '.join(LOCALES[1:])}")


def export_entries(facts: Any, locale: str) -> tuple[list[tuple[Entry, list[str]]], dict[str, str]]:
    """What an export holds: each entry with its translator notes, and the review headers."""
    _check_locale(locale)
    english = english_texts(facts)
    done = translated_texts(facts, locale)
    outdated = {".".join(path[2:]) for path, _ in stale(facts, locale)}
    out = []
    for key, text in english.items():
        name = key.split(".")[0]
        where = ENGLISH_PATH[name] + (f"[{int(key.split('.')[1])}]" if "." in key else "")
        notes = [f"English: {where}"]
        if key in outdated:
            notes.append("The English changed since this was translated: translate it again.")
        out.append((Entry(key, text, done.get(key, ""), key in outdated), notes))
    block = facts.translations.get(locale)
    review = block.review if block is not None else None
    headers = {"X-Review-Status": review.status if review else "draft"}
    if review is not None and review.status == "reviewed" and not outdated:
        headers["X-Reviewed-By"] = review.by or ""
        if review.on:
            headers["X-Review-Date"] = review.on.isoformat()
    return out, headers


def export_po(facts: Any, locale: str, *, facts_name: str = "facts") -> str:
    """The PO file of ``facts``' free text for ``locale``: every translatable English text (msgid) with its
    key as msgctxt and its place in the facts as a comment, prefilled with the translation there is.
    A prefilled entry whose English changed since it was translated is fuzzy."""
    entries, headers = export_entries(facts, locale)
    catalog = PoCatalog(locale=locale, domain="facts",
                        project=f"noticegen facts: {facts.covered_entity.name}", version=facts_name,
                        fuzzy=False, msgid_bugs_address="", last_translator="", language_team="",
                        header_comment=(f"# {facts.covered_entity.name}: the facts' free text, to translate into {locale}.\n"
                                        "# Translate each msgstr (msgctxt names the field). A qualified translator\n"
                                        "# who reviewed every entry sets X-Review-Status: reviewed, X-Reviewed-By and\n"
                                        "# X-Review-Date below; then: noticegen translations import FACTS FILE\n"))
    for entry, notes in entries:
        catalog.add(entry.source, entry.target, context=entry.key, auto_comments=notes,
                    flags=("fuzzy",) if entry.fuzzy else ())
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False, include_previous=False)
    headers["X-Noticegen-Locale"] = locale
    return with_headers(out.getvalue().decode("utf-8"), headers)


@dataclass(frozen=True)
class Imported:
    """What an import wrote: the locale, how many fields, and the review state."""

    locale: str
    fields: int
    review: dict
    kept: tuple[str, ...] = ()
    """Fields the PO left empty whose existing translation was kept."""


def block_from_po(facts: Any, text: str, *, locale: str | None = None, today: dt.date | None = None,
                  name: str = "PO file") -> tuple[str, dict, Imported]:
    """(locale, the new translations.<locale> mapping, summary) from a translated PO ``text``.

    Refuses entries whose English differs from the facts' (the file was exported from other English: re-export)
    and keys the facts do not have; keeps existing translations the PO leaves empty."""
    headers = po_headers(text)
    locale = locale or headers.get("X-Noticegen-Locale") or (headers.get("Language") or "").replace("-", "_")
    if not locale:
        raise TranslationsError(f"{name}: no Language header; pass --locale")
    _check_locale(locale)
    try:
        po = read_po(io.StringIO(text), locale=None, domain="facts")
    except Exception as exc:  # Babel raises PoFileError and others on a broken file
        raise TranslationsError(f"{name}: not a PO file Babel can read ({exc})") from None
    entries = [Entry(m.context or "", m.id, m.string or "", m.fuzzy) for m in po if m.id]
    return block_from_entries(facts, entries, headers, locale=locale, today=today, name=name)


@dataclass(frozen=True)
class Entry:
    """One translated text as a file gives it: the field key, the English, the translation, fuzzy or not."""

    key: str
    source: str
    target: str
    fuzzy: bool


def block_from_entries(facts: Any, entries: list[Entry], headers: dict[str, str], *, locale: str,
                       today: dt.date | None = None, name: str = "file") -> tuple[str, dict, Imported]:
    """block_from_po's work once a file (PO or XLIFF) is read: ``headers`` holds X-Review-Status,
    X-Reviewed-By and X-Review-Date as the PO header names them."""
    english = english_texts(facts)
    existing = translated_texts(facts, locale)
    old_sources = dict(facts.translations[locale].sources) if locale in facts.translations else {}
    problems, values, sources, fuzzy = [], dict(existing), {}, []
    seen = set()
    for message in entries:
        key = message.key
        if key not in english:
            problems.append(f"{name}: {key!r} is not a translatable field of these facts; re-export")
            continue
        if message.source != english[key]:
            problems.append(f"{name}: {key}: the English in the file is not the facts' English (the facts changed "
                            "since the export); re-export and translate the changed text")
            continue
        seen.add(key)
        if message.target and message.target.strip():
            values[key] = message.target.strip()
            sources[key] = source_hash(english[key])
            if message.fuzzy:
                fuzzy.append(key)
    if problems:
        raise TranslationsError("\n".join(problems))
    kept = tuple(k for k in existing if k not in sources)
    for key in kept:  # an existing translation the PO left empty keeps the hash it had, if any
        if key in old_sources:
            sources[key] = old_sources[key]
    for key in list(values):
        if key not in english:  # the English field is gone
            values.pop(key)
            sources.pop(key, None)
    status = (headers.get("X-Review-Status") or "draft").strip().lower()
    reviewer = (headers.get("X-Reviewed-By") or "").strip()
    reviewed = status == "reviewed" and bool(reviewer) and not fuzzy and not kept
    review: dict[str, Any] = {"status": "reviewed" if reviewed else "draft"}
    if reviewer:
        review["by"] = reviewer
    if reviewed:
        on = (headers.get("X-Review-Date") or "").strip()
        review["on"] = on[:10] if on else (today or dt.date.today()).isoformat()
    block: dict[str, Any] = {}
    for field in FIELDS:
        if field == "individual_steps":
            steps = [values[k] for k in sorted((k for k in values if k.startswith("individual_steps.")),
                                               key=lambda k: int(k.split(".")[1]))]
            if steps:
                block[field] = steps
        elif field in values:
            block[field] = values[field]
    block["review"] = review
    block["sources"] = {k: sources[k] for k in english if k in sources}
    block["translated_on"] = (today or dt.date.today()).isoformat()
    return locale, block, Imported(locale, len(block) - 3, review, kept)


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.representer.add_representer(type(None), lambda r, d: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def _same(old: Any, new: Any) -> bool:
    if isinstance(new, dict):
        return isinstance(old, dict) and old.keys() == new.keys() and all(_same(old[k], new[k]) for k in new)
    if isinstance(new, list):
        return isinstance(old, list) and len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new))
    return str(old) == str(new) if old is not None else False


def _yaml_value(value: Any) -> Any:
    """A date as a YAML date; a long text as a folded block (>-) wrapped near 100 columns, like the samples."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[:4].isdigit():
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str) and len(value) > 90 and "\n" not in value and "  " not in value:
        folded = FoldedScalarString(value)
        positions, column = [], 0
        for index, char in enumerate(value):
            column += 1
            if char == " " and column > 90:
                positions.append(index)
                column = 0
        folded.fold_pos = positions
        return folded
    return value


def write_block(path: Path, locale: str, block: dict, *, text: str | None = None) -> str:
    """The text of the facts file at ``path`` (or ``text``, read as that file) with translations.<locale>
    replaced by ``block``: YAML by a round trip that keeps comments and layout elsewhere, JSON rewritten."""
    text = path.read_text(encoding="utf-8") if text is None else text
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        data.setdefault("translations", {})[locale] = block
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = _yaml()
    yaml.indent(mapping=2, sequence=4, offset=2)  # `noticegen init`'s layout: "  - item" under its key
    data = yaml.load(text)
    translations = data.get("translations")
    if translations is None:
        translations = data["translations"] = CommentedMap()
    current = translations.get(locale)
    if current is None:
        current = translations[locale] = CommentedMap()
    for key in list(current):  # update in place: comments on the keys that stay are kept
        if key not in block:
            del current[key]
    for key, value in block.items():
        if _same(current.get(key), value):
            continue  # unchanged: the node stays as written (its style, its comments)
        if isinstance(value, list):
            value = CommentedSeq(value)
        elif isinstance(value, dict):
            value = CommentedMap({k: _yaml_value(v) for k, v in value.items()})
        else:
            value = _yaml_value(value)
        current[key] = value
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def import_po(facts_path: Path, po_path: Path, *, locale: str | None = None, today: dt.date | None = None
              ) -> tuple[str, Imported]:
    """The new text of the facts file with the PO's translations in it, and what was imported. Raises
    TranslationsError (or FactsError if the result does not validate); writes nothing."""
    from .. import facts as facts_mod
    from ..loader import read_text

    facts = facts_mod.load_facts(facts_path)
    if po_path.suffix.lower() in (".xlf", ".xliff"):
        from .facts_xliff import read_xliff

        entries, headers, target = read_xliff(po_path.read_bytes(), name=po_path.name)
        locale = locale or target
        if not locale:
            raise TranslationsError(f"{po_path.name}: no target-language; pass --locale")
        _check_locale(locale)
        locale, block, imported = block_from_entries(facts, entries, headers, locale=locale, today=today,
                                                     name=po_path.name)
    else:
        text = po_path.read_text(encoding="utf-8")
        locale, block, imported = block_from_po(facts, text, locale=locale, today=today, name=po_path.name)
    new_text = write_block(facts_path, locale, block)
    facts_mod.facts_from_source(read_text(new_text, facts_path.name, is_json=facts_path.suffix.lower() == ".json"))
    return new_text, imported
