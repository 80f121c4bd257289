"""Notice kinds and the required-elements table, each element with its citation and usual headings."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Element:
    id: str
    citation: str
    requirement: str
    headings: tuple[str, ...]
    """Usual wordings of this element's heading (English and Spanish), for notices drafted by hand."""


ELEMENTS: dict[str, Element] = {e.id: e for e in (
    Element("what_happened", "45 CFR 164.404(c)(1)(A)",
            "a brief description of what happened, with the date of the breach and the date of its discovery, if known",
            ("what happened", "what occurred", "what happened and when", "description of the incident",
             "details of the incident", "about the incident", "the incident", "what is this about",
             "que sucedio", "que paso", "que ocurrio", "descripcion del incidente")),
    Element("phi_involved", "45 CFR 164.404(c)(1)(B)",
            "the types of unsecured protected health information involved",
            ("what information was involved", "information involved", "what information was affected",
             "what information was involved in the incident", "information that was involved",
             "types of information involved", "what personal information was involved",
             "que informacion estuvo involucrada", "que informacion se vio afectada", "informacion involucrada")),
    Element("individual_steps", "45 CFR 164.404(c)(1)(C)",
            "the steps individuals should take to protect themselves from potential harm",
            ("what you can do", "what you should do", "steps you can take", "steps you can take to protect yourself",
             "what can i do", "how to protect yourself", "steps you should take",
             "que puede hacer usted", "que puede hacer", "pasos que puede tomar",
             "what people can do", "que pueden hacer las personas afectadas")),
    Element("entity_actions", "45 CFR 164.404(c)(1)(D)",
            "what the entity is doing to investigate the breach, to mitigate harm, and to protect against further breaches",
            ("what we are doing", "what we're doing", "what we are doing about it", "what we have done",
             "what we are doing to protect you", "our response", "steps we are taking",
             "que estamos haciendo", "lo que estamos haciendo")),
    Element("contact", "45 CFR 164.404(c)(1)(E)",
            "contact procedures to ask questions or learn more: a toll-free number, an email address, a website, or a postal address",
            ("for more information", "more information", "contact us", "questions", "how to contact us",
             "if you have questions", "where can i get more information", "contact information",
             "para mas informacion", "mas informacion", "preguntas", "como comunicarse con nosotros")),
    Element("toll_free", "45 CFR 164.404(d)(2)(ii)(B)",
            "a toll-free number, active at least 90 days, where people can learn whether their information was involved",
            ("toll-free number", "call toll-free", "call us toll-free", "was your information involved",
             "find out if your information was involved", "learn whether your information was involved",
             "linea gratuita", "numero gratuito", "fue involucrada su informacion",
             "estuvo involucrada su informacion")),
    Element("individuals_identified", "45 CFR 164.410(c)(1)",
            "the identification of each individual whose unsecured PHI was, or is reasonably believed to have been, involved",
            ("individuals affected", "affected individuals", "identification of individuals",
             "identification of each individual", "individuals involved", "personas afectadas")),
)}

LANGUAGE_ASSISTANCE = "language_assistance"
"""The section of language-assistance taglines (Section 1557, 45 CFR 92.11): not a 164.404 element, so no
check judges it; printed when the facts give notices.language_assistance. Readers keep its tag like an element's."""

SECTION_IDS = frozenset(ELEMENTS) | {LANGUAGE_ASSISTANCE}
"""Every section id noticegen writes (DOCX content-control tags, HTML data-element)."""

_CONTENT = ("what_happened", "phi_involved", "individual_steps", "entity_actions", "contact")


@dataclass(frozen=True)
class NoticeKind:
    id: str
    title: str
    citation: str
    elements: tuple[str, ...]
    """Required elements, in the order a notice presents them."""
    formats: tuple[str, ...]
    """Output formats that suit the kind; the first is the main one."""
    channel: str
    per_person: bool = False
    """True when one copy goes to each person, filled in by merge: only these kinds may hold Field nodes
    (a press release, web page or call script printing «enrollment_code» would be a bug, 164.404(d)(2))."""
    audience: str = "people"
    """Who reads it: "people" (individuals, families, the public: every locale of notices.locales) or
    "covered_entity" (one organisation: its own language, COVERED_ENTITY_LOCALE, only)."""


KINDS: dict[str, NoticeKind] = {k.id: k for k in (
    NoticeKind("individual", "Notice to individuals", "45 CFR 164.404", _CONTENT, ("docx", "md", "html", "eml"), "letter",
               per_person=True),
    NoticeKind("next_of_kin", "Notice to next of kin or personal representative", "45 CFR 164.404(d)(1)(ii)",
               _CONTENT, ("docx", "md"), "letter", per_person=True),
    NoticeKind("substitute_web", "Substitute notice: website posting", "45 CFR 164.404(d)(2)(ii)",
               _CONTENT + ("toll_free",), ("html", "md"), "web"),
    NoticeKind("substitute_media", "Substitute notice: print or broadcast media", "45 CFR 164.404(d)(2)(ii)",
               _CONTENT + ("toll_free",), ("docx", "md"), "media"),
    NoticeKind("substitute_alternative", "Substitute notice: alternative written notice and telephone script",
               "45 CFR 164.404(d)(2)(i)", _CONTENT, ("docx", "md"), "script"),
    NoticeKind("urgent_telephone", "Urgent telephone notice script", "45 CFR 164.404(d)(3)",
               ("what_happened", "contact"), ("docx", "md"), "script"),
    NoticeKind("media", "Notice to prominent media outlets", "45 CFR 164.406", _CONTENT, ("docx", "md", "html"), "media"),
    NoticeKind("business_associate", "Business associate notice to the covered entity", "45 CFR 164.410",
               ("individuals_identified", "what_happened", "phi_involved", "entity_actions", "individual_steps"),
               ("docx", "md"), "memo", audience="covered_entity"),
)}
"""Every kind of written notice. ``hhs`` is not here: it is a form (hhs.py), not a notice.

urgent_telephone lists what_happened and contact although 164.404(d)(3) sets no content: a call script
that cannot say what happened or where to call back is no use; the written notice carries the full set.
business_associate lists 164.410(c)(1)'s identification plus the 164.404(c) information the covered
entity needs to notify individuals (164.410(c)(2)), steps included as far as the business associate
knows them; contact stays the covered entity's to write. It is written to the covered entity, so it is
made in the covered entity's language only (audience)."""

COVERED_ENTITY_LOCALE = "en_US"
"""The language of notices whose audience is the covered entity (the facts record no other)."""


def notice_locales(kind: str, locales) -> tuple[str, ...]:
    """The locales a notice of ``kind`` is made in, given notices.locales: all of them for notices to
    people, only the covered entity's language for a notice written to the covered entity."""
    if KINDS[kind].audience == "covered_entity":
        return (COVERED_ENTITY_LOCALE,)
    return tuple(locales)


def normalise_heading(text: str) -> str:
    """Lower-case, accents and punctuation removed, spaces collapsed: for matching heading wordings."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9' -]+", " ", text)
    text = text.replace("-", " ").replace("'", "'")
    return re.sub(r"\s+", " ", text).strip()


_HEADING_INDEX = {normalise_heading(h): e.id for e in ELEMENTS.values() for h in e.headings}


_HEADING_PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple((element, re.compile(pattern)) for element, pattern in (
    # the order matters: "What are we doing to protect your information" is an action, not the PHI involved
    ("entity_actions", r"\bwhat (?:are )?(?:we|[a-z' ]{2,60}) (?:are |is )?doing\b|\bwhat (?:is|has|did) [a-z' ]{2,60} (?:doing|done)\b"
                       r"|\bhow (?:did|is|has) [a-z' ]{2,60} respond|\bsteps [a-z' ]{2,60} (?:is|are|has|have) tak"
                       r"|\bour response\b|\bwhat we (?:have done|did)\b|\binvestigate the matter\b|\bmitigate harm\b"
                       r"|\bresponse to the (?:incident|event)\b|\bque (?:estamos|esta|hemos) (?:haciendo|hecho)\b"),
    ("individual_steps", r"\bwhat (?:can|should) (?:you|i|individuals|patients|members|people|affected \w+) do\b"
                         r"|\bsteps (?:you|individuals|patients|members|people) (?:can|should|may)\b|\bhow (?:can|do) (?:i|you) protect"
                         r"|\bprotect(?:ing)? (?:yourself|your (?:information|identity|credit))\b|\bwhat you (?:can|should) do"
                         r"|\bque (?:puede|pueden|debe) hacer\b|\bpasos que (?:puede|debe)\b|\bcomo protegerse\b"),
    ("toll_free", r"\btoll free\b|\blinea gratuita\b"),
    ("phi_involved", r"\binformation\b.*\b(?:involved|affected|accessed|impacted|compromised|exposed|at risk|included)\b"
                     r"|\btypes? of (?:unsecured )?(?:protected health |personal )?information\b|\bwhat (?:data|information)\b"
                     r"|\bwhat (?:kinds?|types?|sort) of (?:\w+ )?(?:information|data)\b|\binformation (?:was|were) (?:on|in)\b"
                     r"|\bque (?:informacion|datos)\b|\binformacion (?:involucrada|afectada)\b"),
    ("what_happened", r"\bwhat happened\b|\bwhat occurred\b|\bdescription of (?:the |this )?(?:incident|event|breach)"
                      r"|\babout (?:the|this) (?:incident|event)\b|\bincident (?:details|description|summary|overview)\b"
                      r"|\bwhat is this (?:about|notice)\b|\bwhy (?:am i|are you) (?:receiving|getting)\b"
                      r"|\bque (?:sucedio|paso|ocurrio)\b|\bdescripcion del incidente\b"),
    ("contact", r"\bfor (?:more|further|additional) information\b|\bmore information\b|\bcontact (?:us|information)\b"
                r"|\b(?<!asked )(?:any |other |additional )?questions\b|\bwhere can i (?:get|learn|find)\b|\bwho (?:can|should) i (?:call|contact)\b"
                r"|\bhow (?:to|can i|do i) (?:contact|reach|get help)\b|\bmas informacion\b|\bpreguntas\b|\bcomunicarse\b"),
))


def element_for_heading(text: str) -> str | None:
    """The element a heading announces ("What Happened?", "WHAT IS ACME DOING.", "Q. What happened?"), or None.

    The usual wordings first, then patterns for the variants real notices use (an entity's name inside the
    heading, "What Happened and When:", a heading copied from the rule). A long sentence is not a heading.
    """
    key = normalise_heading(text)
    key = re.sub(r"^(?:q|p|\d{1,2}|[ivx]{1,4}|[a-h])\s+", "", key)  # "Q. What happened?", "2. What we are doing"
    if key in _HEADING_INDEX:
        return _HEADING_INDEX[key]
    if not key or len(key.split()) > 24:
        return None
    for wording, element in _HEADING_INDEX.items():  # "1. What Happened", "What happened on March 3"
        if key.startswith(wording + " ") or key.endswith(" " + wording):
            return element
    for element, pattern in _HEADING_PATTERNS:
        if pattern.search(key):
            return element
    return None
