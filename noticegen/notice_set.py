"""A plan's whole notice set: every notice in every locale and suitable format, checked before any is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import hhs, lang
from .lang import N_
from .build import build, is_broadcast
from .check import CheckReport, check
from .errors import CheckFailed, NoticegenError
from .facts import Facts
from .kinds import KINDS, notice_locales
from .lang.review import TranslationReview, gate_message, translation_review
from .model import BulletList, Heading, Notice, Section, Text
from .render import render


@dataclass(frozen=True)
class Output:
    path: str          # relative: <locale>/<name>.<ext>, or hhs.<ext>
    content: str | bytes
    kind: str
    locale: str | None
    fmt: str


@dataclass(frozen=True)
class NoticeSet:
    outputs: tuple[Output, ...]
    reports: tuple[CheckReport, ...]
    notices: dict = field(default_factory=dict)
    """The built notices that passed their check, by (kind, locale, channel): what a roster merge fills."""
    unreviewed: tuple[TranslationReview, ...] = ()
    """The locales made as drafts because their translation is not reviewed (only with draft_translations)."""


class TranslationNotReviewed(NoticegenError):
    """Notices were asked for in a locale whose catalog or facts translation is not reviewed, without --draft."""

    def __init__(self, reviews):
        self.reviews = tuple(reviews)
        super().__init__(gate_message(list(self.reviews)))


_HHS_KINDS = ("hhs_immediate", "hhs_annual")
_BANNER = N_("Important notice from %(entity)s about a data security incident that may involve your "
             "health information: read the notice")
"""The home-page banner's link text (164.404(d)(2)(ii)(A): a conspicuous posting that leads to the notice)."""


def _file_name(obligation) -> str:
    if obligation.kind == "media" and obligation.jurisdiction:
        return f"media-{obligation.jurisdiction}"
    return obligation.kind


def _with_report(notice: Notice, report: CheckReport) -> Notice:
    """A draft: the watermark flag set and the check report appended as a last section."""
    lines = tuple(
        (Text(f"{r.element} — {r.status} — {r.citation} — {r.detail}"),) for r in report.elements
    ) + tuple((Text(f"problem — {p}"),) for p in report.problems)
    section = Section(None, (Heading(2, (Text("Check report (draft)"),)), BulletList(lines)))
    notice = replace(notice, sections=notice.sections + (section,))
    return notice.with_meta(draft=True)


def _variants(kind: str, formats: tuple[str, ...] | None, channels: tuple[str, ...] = ("email",),
              outlets: tuple[str, ...] = ()):
    """(channel, formats) pairs: an individual notice is a letter and, for those who agreed, an email;
    a media notice is a press release and, when a radio or TV station is among its outlets, a short
    broadcast script (.broadcast.docx/.md).

    ``channels`` are the obligation's channels (plan): without "email" (nobody agreed to electronic
    notice, 164.404(d)(1)(i)) no email is written.
    """
    suits = KINDS[kind].formats
    wanted = [f for f in suits if formats is None or f in formats]
    if kind == "individual":
        letter = tuple(f for f in wanted if f != "eml")
        out = [("letter", letter)] if letter else []
        if "eml" in wanted and "email" in channels:
            out.append(("email", ("eml",)))
        return out
    out = [(None, tuple(wanted))] if wanted else []
    if kind in ("media", "substitute_media") and any(is_broadcast(o) for o in outlets):
        script = tuple(f for f in wanted if f in ("docx", "md"))
        if script:
            out.append(("broadcast", script))
    return out


def _write(notice: Notice, fmt: str, facts: Facts, name: str, locale: str, kind: str) -> list[Output]:
    base = f"{locale}/{name}"
    if fmt == "eml":
        sender = facts.contact.email or facts.covered_entity.contact.email
        content = render(notice, "eml", from_addr=sender, from_name=facts.covered_entity.name, reply_to=sender)
        return [Output(f"{base}.eml", content, kind, locale, fmt)]
    if fmt == "html" and kind == "substitute_web":
        from .render.html import banner

        alternates = web_alternates(facts, kind, name)
        outputs = [Output(f"{base}.{fmt}", render(notice, fmt, alternates=alternates), kind, locale, fmt),
                   Output(f"{base}.fragment.html", render(notice, "html", fragment=True, alternates=alternates),
                          kind, locale, fmt)]
        sub = facts.substitute_notice
        url = (sub.urls.get(locale) or sub.url) if sub else None  # each locale's banner leads to its own page
        if url:
            text = lang.catalog(locale).gettext(_BANNER) % {"entity": facts.covered_entity.name}
            snippet = banner(text=text, href=url, locale=locale, label=notice.meta.title)
            outputs.append(Output(f"{base}.banner.html", snippet, kind, locale, fmt))
        return outputs
    return [Output(f"{base}.{fmt}", render(notice, fmt), kind, locale, fmt)]


def web_alternates(facts: Facts, kind: str, name: str) -> tuple:
    """The web posting in each locale of the facts (render.html.Alternate), for its language switcher and
    hreflang links: at substitute_notice.urls (url for the first locale) when the facts give them, else by
    file name as noticegen writes the folders (../es_US/substitute_web.html). Nothing for one locale."""
    from .lang.taglines import TAGLINES
    from .render.html import Alternate

    locales = notice_locales(kind, facts.notices.locales)
    if len(locales) < 2:
        return ()
    sub = facts.substitute_notice
    urls = dict(sub.urls) if sub else {}
    if urls and sub.url:
        urls.setdefault(locales[0], sub.url)

    def label(locale: str) -> str:
        if locale in TAGLINES:
            return TAGLINES[locale].name
        return lang.babel_locale(locale).get_display_name(locale) or locale

    return tuple(Alternate(loc, urls.get(loc) or f"../{loc}/{name}.html", label(loc)) for loc in locales)


def notice_set(
    facts: Facts,
    plan,
    *,
    kinds: tuple[str, ...] | None = None,
    locales: tuple[str, ...] | None = None,
    formats: tuple[str, ...] | None = None,
    templates: Path | None = None,
    draft: bool = False,
    draft_translations: bool | None = None,
    today: dt.date | None = None,
) -> NoticeSet:
    """Build, check and render every notice ``plan`` requires (filtered by kinds/locales/formats).

    Raises CheckFailed with every failing report unless ``draft``, in which case failing notices are
    rendered with a DRAFT watermark and their report appended. Nothing is written here.

    A locale whose catalog or facts translation is not reviewed (lang.review) raises TranslationNotReviewed
    before anything is built, unless ``draft_translations`` (default: ``draft``): then its notices are
    drafts watermarked "translation not reviewed" in their language and in English.
    """
    if draft_translations is None:
        draft_translations = draft
    wanted = [locale for obligation in plan.obligations if obligation.kind not in _HHS_KINDS
              and (kinds is None or obligation.kind in kinds)
              for locale in notice_locales(obligation.kind, facts.notices.locales)
              if locales is None or locale in locales]
    reviews = {locale: translation_review(locale, facts) for locale in dict.fromkeys(wanted)}
    unreviewed = tuple(r for r in reviews.values() if not r.reviewed)
    if unreviewed and not draft_translations:
        raise TranslationNotReviewed(unreviewed)
    outputs: list[Output] = []
    reports: list[CheckReport] = []
    checked: dict[tuple[str, str, str], Notice] = {}
    failed: list[CheckReport] = []
    for obligation in plan.obligations:
        if obligation.kind in _HHS_KINDS:
            if kinds is None or "hhs" in kinds or obligation.kind in kinds:
                fields = hhs.portal_fields(facts, plan=plan)
                for fmt, writer in (("json", hhs.to_json), ("csv", hhs.to_csv), ("md", hhs.to_markdown)):
                    if formats is None or fmt in formats:
                        outputs.append(Output(f"hhs.{fmt}", writer(fields), "hhs", None, fmt))
            continue
        if kinds is not None and obligation.kind not in kinds:
            continue
        for locale in notice_locales(obligation.kind, facts.notices.locales):
            if locales is not None and locale not in locales:
                continue
            channels = tuple(getattr(obligation, "channels", ("email",)))
            outlets = tuple(getattr(obligation, "outlets", ()) or ())
            for channel, fmts in _variants(obligation.kind, formats, channels, outlets):
                built = build(facts, obligation, locale=locale, channel=channel, templates=templates, today=today)
                report = check(built.notice, facts, untranslated=built.untranslated)
                reports.append(report)
                notice = built.notice
                if not reviews[locale].reviewed:
                    notice = notice.with_meta(draft=True, draft_reason=reviews[locale].watermark())
                if not report.ok:
                    if not draft:
                        failed.append(report)
                        continue
                    notice = _with_report(notice, report)
                else:
                    checked[(obligation.kind, locale, notice.meta.channel)] = notice
                name = _file_name(obligation) + (".broadcast" if channel == "broadcast" else "")
                for fmt in fmts:
                    outputs.extend(_write(notice, fmt, facts, name, locale, obligation.kind))
    if failed:
        raise CheckFailed(failed)
    return NoticeSet(tuple(outputs), tuple(reports), checked, unreviewed)
