"""Assemble samples/harbor-point-languages/breach.yaml: Harbor Point (samples/harbor-point-pacs) with notices in
every noticegen locale and a translations block per locale from samples/harbor-point-languages/translations/.

Each block records the hash of the English it was translated from (sources), so `validate` names a field whose
English changes later, and review: draft, because no qualified translator has reviewed these translations.
Run it again after changing a translation file or the Harbor Point English: python scripts/assemble_language_sample.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from noticegen.facts import facts_from_source
from noticegen.lang.catalogs import LOCALES
from noticegen.lang.facts_po import write_block
from noticegen.lang.sources import english_texts, source_hash, translated_texts
from noticegen.loader import read_text

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
FOLDER = ROOT / "samples" / "harbor-point-languages"
TRANSLATED_ON = "2026-11-30"
"""When the team's translations were made (fixed, so the output does not change with the day it is run)."""

HEADER = """\
# Harbor Point Imaging Center (samples/harbor-point-pacs) with notices in all 17 noticegen locales: English, and the
# national top 15 languages (Chinese in Traditional and Simplified script). Assembled by
# scripts/assemble_language_sample.py from translations/<locale>.yaml: edit those, then run the script.
# Every translation here is a DRAFT: written by the noticegen team (machine-assisted), not reviewed by a qualified
# translator, so these notices render only with --draft, watermarked "translation not reviewed" (README, Languages).
"""


def assemble() -> str:
    """The text of samples/harbor-point-languages/breach.yaml, validated."""
    text = SOURCE.read_text(encoding="utf-8")
    old = "  locales: [en_US, es_US]\n"
    if old not in text:
        raise SystemExit(f"{SOURCE}: no line {old.strip()!r}; update this script")
    # every letter, email and web page also carries the language-assistance taglines in all 17 languages
    taglines = (f"  language_assistance: {{phone: 1-833-555-0147, tty: \"711\", "
                f"languages: [{', '.join(LOCALES)}]}}\n")
    text = HEADER + text.replace(old, f"  locales: [{', '.join(LOCALES)}]\n" + taglines)
    target = FOLDER / "breach.yaml"
    facts = facts_from_source(read_text(SOURCE.read_text(encoding="utf-8"), SOURCE.name))
    english = english_texts(facts)
    es = translated_texts(facts, "es_US")
    for locale in LOCALES[1:]:
        if locale == "es_US":
            block = {k: v for k, v in facts.translations["es_US"].model_dump(exclude_defaults=True).items()}
            done = es
        else:
            path = FOLDER / "translations" / f"{locale}.yaml"
            if not path.is_file():
                raise SystemExit(f"{path}: missing; every locale in noticegen.lang.LOCALES needs its translation")
            block = yaml.safe_load(path.read_text(encoding="utf-8"))
            done = {f"individual_steps.{i}": s for i, s in enumerate(block.get("individual_steps", []))}
            done.update({k: v for k, v in block.items() if k != "individual_steps"})
        block["review"] = {"status": "draft", "by": None, "on": None}
        block["sources"] = {key: source_hash(english[key]) for key in english if key in done}
        block["translated_on"] = TRANSLATED_ON
        text = write_block(target, locale, block, text=text)
    facts_from_source(read_text(text, target.name))  # it validates, or this raises
    return text


def main() -> int:
    target = FOLDER / "breach.yaml"
    target.write_text(assemble(), encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
