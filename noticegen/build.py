"""Obligation + template + locale -> Notice: render the kind's Markdown template and read it into the model."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import lang, phi
from .errors import TemplateError
from .facts import Facts
from .lang import N_
from .kinds import COVERED_ENTITY_LOCALE, KINDS, notice_locales
from .model import Notice, fields_in
from .places import dateline_state, state_name
from .readers import markdown as markdown_reader
from .templates import Translator, render_template

_DOCUMENT = {  # how a notice names itself, by channel: "Keep a copy of this letter", "In this email we explain"
    "letter": N_("this letter"), "email": N_("this email"), "web": N_("this notice"), "media": N_("this notice"),
    "broadcast": N_("this announcement"), "script": N_("this call"), "memo": N_("this notice"),
}

_BROADCAST = re.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT|LP|LD|CD))?\b|\b(?:TV|Television|Radio|FM|AM|"
                        r"Public Media|News ?Radio|Broadcasting)\b")
"""A broadcast outlet: a US call sign (WQAD-TV, KWQC) or a name that says TV or radio."""


def is_broadcast(outlet: str) -> bool:
    """True when an outlet (facts media_outlets, substitute_notice.outlets) is a TV or radio station."""
    return bool(_BROADCAST.search(outlet.strip()))


_EMAIL_SUBJECT = N_("%(entity)s: notice of a data security incident")
"""An email's subject names its sender, as breach-themed phishing does not."""



@dataclass(frozen=True)
class Built:
    """A built notice, the Markdown it was read from, and the msgids its locale's catalog lacked."""

    notice: Notice
    markdown: str
    untranslated: tuple[tuple[str | None, str], ...]


def template_kind(obligation_kind: str) -> str:
    """The notice kind (template) that serves an obligation kind."""
    if obligation_kind not in KINDS:
        raise TemplateError(f"no notice template serves obligation kind {obligation_kind!r}")
    return obligation_kind


def build(
    facts: Facts,
    obligation: Any,
    *,
    locale: str,
    channel: str | None = None,
    templates: Path | None = None,
    today: dt.date | None = None,
) -> Built:
    """Build the notice for one obligation in one locale.

    ``channel`` picks a variant of the kind ('letter' or 'email' for individual notice; None: the
    kind's own channel). ``templates`` is a user's folder whose templates win over the bundled ones.
    ``today`` is the notice date when the facts give none.
    """
    kind = template_kind(obligation.kind)
    spec = KINDS[kind]
    if locale not in notice_locales(kind, (locale,)):
        raise TemplateError(f"a {kind} notice is written to the covered entity, so it is made in "
                            f"{COVERED_ENTITY_LOCALE} only, not {locale}")
    channel = channel or spec.channel
    catalog = lang.catalog(locale)
    translator = Translator(catalog)
    context = notice_context(facts, obligation, locale=locale, channel=channel, today=today)
    markdown = render_template(kind, {"c": context}, translator=translator, override=templates)
    notice = markdown_reader.read(markdown, kind=kind, locale=locale)
    unfilled = fields_in(notice)
    if unfilled and not spec.per_person:
        raise TemplateError(
            f"{kind}.md.j2 prints the merge field(s) {', '.join(unfilled)}, but a {kind} notice is one text for "
            "everyone (no merge fills it): only per-person kinds (individual, next_of_kin) may hold fields; "
            "write what a reader without a letter can do instead")
    sender = context["sender"]
    subject = notice.meta.title
    if channel == "email":
        subject = catalog.gettext(_EMAIL_SUBJECT) % {"entity": sender["name"]}
    notice = notice.with_meta(
        title=notice.meta.title,
        entity=sender["name"],
        letterhead=tuple(sender["letterhead"]),
        date=context["dates"]["notice"],
        issued=context["issued"],
        subject=subject,
        channel=channel,
    )
    return Built(notice, markdown, tuple(translator.missing))


def _letterhead(name: str, address, phone: str | None, website: str | None) -> list[str]:
    lines = [name, address.street]
    if address.street2:
        lines.append(address.street2)
    lines.append(f"{address.city}, {address.state} {address.zip}")
    extra = " · ".join(x for x in (phone, website) if x)
    if extra:
        lines.append(extra)
    return lines


def _same_page(a: str | None, b: str | None) -> bool:
    """True when two URLs name the same page (a web notice does not list itself as "Website")."""
    norm = lambda u: u.lower().rstrip("/").removeprefix("https://").removeprefix("http://")  # noqa: E731
    return bool(a and b) and norm(a) == norm(b)


def notice_context(facts: Facts, obligation: Any, *, locale: str, channel: str, today: dt.date | None) -> dict:
    """Everything a template may print, formatted for ``locale``; templates escape it as they print."""
    cat = lang.catalog(locale)
    fmt = lambda d: lang.format_date(d, locale) if d else None  # noqa: E731
    text = facts.text(locale)
    ce = facts.covered_entity
    breach = facts.breach
    phi_labels = [phi.label(term, locale) for term in breach.phi if term != "other"]
    if "other" in breach.phi and text.phi_other:
        other = text.phi_other
        if len(other) > 1 and other[0].isupper() and other[1].islower():
            other = other[0].lower() + other[1:]  # it joins a list: "name, address, and names of ..."
        phi_labels.append(other)
    jurisdiction = getattr(obligation, "jurisdiction", None)
    count = getattr(obligation, "count", facts.affected.total)
    notice_date = facts.notices.date or today or dt.date.today()
    ba = facts.business_associate
    if obligation.kind == "business_associate" and ba is not None and ba.notified_covered_entity_on:
        notice_date = ba.notified_covered_entity_on  # dated the day the business associate gave it (164.410)
    entity = {
        "name": ce.name,
        "letterhead": _letterhead(ce.name, ce.address, facts.contact.toll_free or ce.contact.phone, ce.website),
        "city": ce.address.city,
        "state": ce.address.state,
    }
    ba = facts.business_associate
    ba_ctx = None
    sender = entity
    if ba is not None:
        ba_ctx = {
            "name": ba.name,
            "contact_name": ba.contact.name,
            "contact_phone": ba.contact.phone,
            "contact_email": ba.contact.email,
            "letterhead": _letterhead(ba.name, ba.address, ba.contact.phone, None),
            # its own words to the covered entity; the covered entity's text only as a fallback (validate warns)
            "summary": ba.summary or text.summary,
            "investigation": ba.investigation or text.investigation,
            "mitigation": ba.mitigation or text.mitigation,
            "prevention": ba.prevention or text.prevention,
        }
        if obligation.kind == "business_associate":
            sender = {"name": ba.name, "letterhead": ba_ctx["letterhead"]}
    signer = facts.signer()
    if obligation.kind == "business_associate" and ba is not None:
        signer_ctx = {"name": ba.contact.name, "title": text.business_associate_contact_title}
    else:
        signer_ctx = {"name": signer.name, "title": text.signer_title}
    credit = facts.response.credit_monitoring
    outlets = tuple(getattr(obligation, "outlets", ()) or ())
    contact = facts.contact
    hold = getattr(obligation, "hold_until", None)
    dateline_place = f"{ce.address.city.upper()}, {dateline_state(ce.address.state)}"
    page_url = facts.substitute_notice.url if facts.substitute_notice else None
    press = ce.media_contact or ce.contact
    audience = {"next_of_kin": "next_of_kin", "media": "public", "substitute_media": "public",
                "business_associate": "covered_entity"}.get(obligation.kind, "individual")
    return {
        "channel": channel,
        "audience": audience,
        "locale": locale,
        "entity": entity,
        "sender": sender,
        "ba": ba_ctx,
        "signer": signer_ctx,
        "text": text,
        "dates": {
            "started": fmt(breach.started_on),
            "ended": fmt(breach.ended_on),
            "discovered": fmt(ba.discovered_on if ba and obligation.kind == "business_associate"
                              else breach.discovered_on),
            "notice": fmt(notice_date),
            "ba_discovered": fmt(ba.discovered_on) if ba else None,
        },
        "phi_labels": phi_labels,
        "phi_text": lang.format_list(phi_labels, locale),
        # English negates a list with "or" ("did not involve your SSN or bank account number"); the Spanish
        # sentences introduce it with a colon ("estos datos suyos: A y B"), which reads with "y"
        "phi_not_text": lang.format_list([phi.label(term, locale) for term in breach.phi_not_involved],
                                         locale, style="or" if locale.startswith("en") else "standard"),
        "contact": {
            "toll_free": contact.toll_free,
            "hours": text.hours,
            "email": contact.email,
            "website": None if channel == "web" and _same_page(contact.website, page_url) else contact.website,
            "postal_address": contact.postal_address,
            # a number to call back on, also where the facts give no toll-free line (scripts, voicemail)
            "phone": contact.toll_free or ce.contact.phone,
        },
        "credit": None if credit is None else {
            "provider": credit.provider,
            "months": credit.months,
            "enroll_by": fmt(credit.enroll_by),
            "url": credit.url,
        },
        "held": hold is not None,
        "hold_ended": hold is not None and notice_date >= hold,
        "count": lang.format_number(count, locale),
        "total": lang.format_number(facts.affected.total, locale),
        "jurisdiction": jurisdiction,
        "jurisdiction_name": cat.gettext(state_name(jurisdiction)) if jurisdiction else None,
        "outlets": list(outlets),
        "outlets_text": lang.format_list(list(outlets), locale),
        "window_start": fmt(getattr(obligation, "window_start", None)),
        "window_end": fmt(getattr(obligation, "window_end", None)),
        "toll_free_until": fmt(getattr(obligation, "toll_free_until", None)),
        "dateline": f"{dateline_place}, {fmt(notice_date)}",
        "issued": notice_date,
        "media_contact": {"name": press.name, "title": press.title, "phone": press.phone, "email": press.email},
        "about": text.about,
        "kind": obligation.kind,
        # a press release speaks of the entity in the third person ("Riverbend ... is notifying"); a broadcast
        # script too, whichever kind it serves
        "voice": "third" if obligation.kind == "media" or channel == "broadcast" else "first",
        "per_person": KINDS[obligation.kind].per_person,
        "document": cat.gettext(_DOCUMENT.get(channel, _DOCUMENT["media"])),
        "broadcast_outlets": [o for o in outlets if is_broadcast(o)],
        "taglines": taglines(facts),
    }


def taglines(facts: Facts) -> list[dict]:
    """The language-assistance taglines (notices.language_assistance), each {lang, dir, text}; [] when none."""
    from .lang.taglines import TAGLINES

    assistance = facts.notices.language_assistance
    if assistance is None:
        return []
    return [{"lang": TAGLINES[i].tag, "dir": TAGLINES[i].dir,
             "text": TAGLINES[i].sentence(phone=assistance.phone, tty=assistance.tty)}
            for i in assistance.tagline_ids()]
