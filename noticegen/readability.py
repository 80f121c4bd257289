"""Plain-language measure per locale (164.404(c)(2)), reported as a warning, never a failure.

textstat is pinned below 0.7.9: later releases download data at run time, and noticegen runs offline.
"""

from __future__ import annotations

import re

import textstat

# language: (measure name, textstat function name, score at or above which the text reads as plain,
#            score below which it reads as hard)
_MEASURES = {
    "en": ("Flesch reading ease", "flesch_reading_ease", 60.0, 30.0),
    "es": ("Fernández Huerta", "fernandez_huerta", 60.0, 30.0),
}


def readability(text: str, locale: str) -> dict:
    """{'measure', 'score', 'verdict' ('plain' | 'fair' | 'hard'), 'grade' (en only)} for the notice's text.

    Merge fields and URLs are left out; an unsupported language gives {'measure': None, ...}.
    """
    language = locale.split("_")[0]
    cleaned = re.sub(r"\[\[[a-z0-9_]+\]\]|https?://\S+|\S+@\S+", " ", text)
    if language not in _MEASURES or len(cleaned.split()) < 30:
        return {"measure": None, "score": None, "verdict": "not measured", "locale": locale}
    name, function, plain, hard = _MEASURES[language]
    textstat.set_lang(language)
    score = round(float(getattr(textstat, function)(cleaned)), 1)
    verdict = "plain" if score >= plain else ("hard" if score < hard else "fair")
    out = {"measure": name, "score": score, "verdict": verdict, "locale": locale}
    if language == "en":
        out["grade"] = round(float(textstat.flesch_kincaid_grade(cleaned)), 1)
    return out
