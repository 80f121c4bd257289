"""HTML writer: a standalone accessible HTML5 page, an <article> fragment for a CMS, and the home-page banner.

Everything is escaped with html.escape; the page loads nothing (no fonts, images or scripts)
and tells browsers not to send a referrer. Each element Section is a
``<section id="what_happened" data-element="what_happened" aria-labelledby="…">`` when it
opens with a heading, a ``<div data-section>`` otherwise. Headings never skip a level:
a heading deeper than one below the previous is raised (h1 then h3 becomes h1 then h2).

The <article> carries Meta (data-kind, data-title, data-entity, data-subject, data-channel,
data-date, data-letterhead) and the heading offset, so noticegen.readers.html reads back
exactly what it wrote; a letter (channel "letter") also shows its letterhead and date, which
the reader skips. A draft shows a "DRAFT — NOT FOR MAILING" banner (role="note").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import phonenumbers
from babel import Locale, UnknownLocaleError

from noticegen.model import (
    AddressBlock, Block, BulletList, Emphasis, Field, Heading, LineBreak, Link, Notice, Paragraph, Section,
    Signature, Strong, Table, Tagline, Text, plain,
)
from noticegen.lang.catalogs import N_
from noticegen.tidy import clean_line, is_safe_url, tidy_notice

DRAFT = "DRAFT — NOT FOR MAILING"
LANGUAGES_LABEL = N_("This notice in other languages")
"""The language switcher's name for screen readers (aria-label), in the page's language."""


@dataclass(frozen=True)
class Alternate:
    """The same notice in another language: its locale, its page's address and its language's name in itself."""

    locale: str
    href: str
    label: str
_RTL = {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}

STYLE = """\
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #1b1b1b;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 1.125rem; line-height: 1.5; }
main { max-width: 40em; margin: 0 auto; padding: 1.5rem 1rem 3rem; overflow-wrap: break-word; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1.25rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
h3, h4, h5, h6 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
p, ul, ol, table { margin: 0 0 1rem; }
ul, ol { padding-inline-start: 1.75rem; }
li { margin-bottom: 0.35rem; }
a { color: #0b4f9c; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #5a2a82; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; border-radius: 2px; }
a[href^="http"], a[href^="mailto:"] { overflow-wrap: anywhere; }
.tel { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #767676; padding: 0.4rem 0.6rem; text-align: start; vertical-align: top; }
th { background: #f0f0f0; }
.address { margin: 1.5rem 0; }
.letterhead p, .noticegen-letterhead p { margin: 0 0 1rem; font-size: 0.95rem; color: #3b3b3b; }
.letterhead p::first-line, .noticegen-letterhead p::first-line { font-weight: 700; font-size: 1.15rem; color: #1b1b1b; }
.signature { margin-top: 2rem; }
.language-assistance, .noticegen-language-assistance { margin-top: 2rem; border-top: 1px solid #767676; padding-top: 1rem; }
.tagline, .noticegen-tagline { font-size: 1rem; margin: 0 0 0.6rem; }
.languages ul, .noticegen-languages ul { list-style: none; margin: 0 0 1.25rem; padding: 0; display: flex;
  flex-wrap: wrap; gap: 0.25rem 1rem; }
.languages li, .noticegen-languages li { margin: 0; }
.field { background: #fff4c2; color: #1b1b1b; border-bottom: 1px dashed #6b5400; padding: 0 0.15em; }
.draft { border: 3px solid #a4262c; background: #fdf3f4; color: #a4262c; font-weight: 700; padding: 0.5rem 1rem;
  text-align: center; letter-spacing: 0.05em; }
@media print {
  @page { margin: 2cm; }
  body { background: none; color: #000000; font-size: 12pt; }
  main { max-width: none; padding: 0; }
  a, a:visited { color: #000000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; word-break: break-all; }
  th { background: none; }
  .field { background: none; border-bottom: 1px dashed #000000; }
  .draft { border-color: #000000; color: #000000; background: none; }
  h1, h2, h3 { break-after: avoid; }
  table, .address, .signature { break-inside: avoid; }
}
"""


def html_lang(locale: str) -> str:
    """BCP 47 tag for a locale: "es_US" -> "es-US"."""
    return locale.replace("_", "-")


def text_direction(locale: str) -> str:
    """"rtl" or "ltr" for a locale, from Babel (a locale Babel does not know: from its language)."""
    try:
        return Locale.parse(locale.replace("-", "_")).text_direction
    except (UnknownLocaleError, ValueError, TypeError):
        return "rtl" if locale.replace("-", "_").split("_")[0].lower() in _RTL else "ltr"


def _translate(locale: str, msgid: str) -> str:
    """``msgid`` in ``locale`` from its catalog (English where the catalog lacks it)."""
    from noticegen.lang import catalog

    try:
        return catalog(locale).gettext(msgid)
    except (OSError, ValueError):
        return msgid


def _attr(value: str) -> str:
    return escape(value, quote=True)


_BREAK_AFTER = re.compile(r"(//|/|[?&=#_-])(?=.)")
_BREAK_BEFORE = re.compile(r"(?<=.)([.@])(?=.)")


def _breakable(text: str) -> str:
    """A URL or email address, escaped, with <wbr> where a line may break: after slashes (and ?&=#_-),
    before dots and the @ (so a line never starts with a slash or ends with a dot); never mid-word."""
    if not re.match(r"^(https?://|mailto:|www\.)|^[^\s@]+@[^\s@]+\.[^\s@]+$", text):
        return escape(text, quote=False)
    marked = _BREAK_BEFORE.sub("\0\\1", _BREAK_AFTER.sub("\\1\0", text))
    return "<wbr>".join(escape(part, quote=False) for part in marked.split("\0"))


LTR_FROM_DIGIT = re.compile(r"\d[0-9 .,#/'-]*[A-Za-z][A-Za-z0-9 .,#/'-]*[A-Za-z0-9]", re.ASCII)
"""Left-to-right text that starts with a number ("1200 Ocean Boulevard, Suite 300"): in right-to-left text the
number would jump to the far end of it, so writers isolate it left to right, as they do phone numbers."""


def _phones(text: str, *, rtl: bool = False) -> str:
    """Escaped text in which every US phone number is a ``tel:`` link (E.164) that never breaks across lines;
    ``rtl``: the text is right-to-left, so each number, and each left-to-right phrase that starts with a number
    (LTR_FROM_DIGIT), is isolated left to right (``dir="ltr"``)."""
    out, pos = [], 0
    ltr = ' dir="ltr"' if rtl else ""
    spans = [(m.start, m.end, m) for m in phonenumbers.PhoneNumberMatcher(text, "US")]
    if rtl:
        spans += [(m.start(), m.end(), None) for m in LTR_FROM_DIGIT.finditer(text)
                  if not any(s < m.end() and m.start() < e for s, e, _ in spans)]
    for start, end, match in sorted(spans, key=lambda span: span[0]):
        out.append(escape(text[pos:start], quote=False))
        if match is None:
            out.append(f'<span dir="ltr">{escape(text[start:end], quote=False)}</span>')
        else:
            number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            out.append(f'<span class="tel"{ltr}><a href="tel:{_attr(number)}">{escape(match.raw_string, quote=False)}'
                       '</a></span>')
        pos = end
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


class _Writer:
    """A strict visitor over one tidy notice; raises TypeError on a node type it does not know."""

    def __init__(self, *, prefix: str, offset: int, rtl: bool = False):
        self.prefix = prefix
        self.rtl = rtl  # the text being written is right-to-left: numbers and URLs in it are isolated
        self.offset = offset
        self.previous_level = offset
        self.ids: set[str] = set()

    def cls(self, name: str) -> str:
        return f' class="{self.prefix}{name}"'

    def unique(self, base: str) -> str:
        candidate, n = self.prefix + base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{self.prefix}{base}-{n}"
        self.ids.add(candidate)
        return candidate

    def inlines(self, nodes, *, in_link: bool = False) -> str:
        out = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(_breakable(node.text) if in_link else _phones(node.text, rtl=self.rtl))
            elif isinstance(node, Strong):
                out.append(f"<strong>{self.inlines(node.children, in_link=in_link)}</strong>")
            elif isinstance(node, Emphasis):
                out.append(f"<em>{self.inlines(node.children, in_link=in_link)}</em>")
            elif isinstance(node, Link):
                if not is_safe_url(node.url):  # tidy_notice already made these text; never link them anyway
                    raise ValueError(f"refusing to link {node.url!r}: only http(s) and mailto URLs are links")
                shown = plain(node.children)
                ltr = ' dir="ltr"' if self.rtl and node.url in (shown, f"mailto:{shown}") else ""  # a URL as its text
                out.append(f'<a href="{_attr(node.url)}"{ltr}>{self.inlines(node.children, in_link=True)}</a>')
            elif isinstance(node, Field):
                out.append(f'<span{self.cls("field")} data-field="{_attr(node.name)}">[{escape(node.name)}]</span>')
            elif isinstance(node, LineBreak):
                out.append("<br>\n")
            else:
                raise TypeError(f"unknown inline node {type(node).__name__}")
        return "".join(out)

    def heading(self, node: Heading, ident: str | None = None) -> str:
        level = min(node.level + self.offset, self.previous_level + 1, 6)
        self.previous_level = level
        id_attr = f' id="{ident}"' if ident else ""
        return f"<h{level}{id_attr}>{self.inlines(node.children)}</h{level}>"

    def block(self, node: Block) -> str:
        if isinstance(node, Heading):
            return self.heading(node)
        if isinstance(node, Paragraph):
            return f"<p>{self.inlines(node.children)}</p>"
        if isinstance(node, BulletList):
            tag = "ol" if node.ordered else "ul"
            items = "".join(f"<li>{self.inlines(item)}</li>\n" for item in node.items)
            return f"<{tag}>\n{items}</{tag}>"
        if isinstance(node, Table):
            head = "".join(f'<th scope="col">{self.inlines(c)}</th>' for c in node.header)
            rows = "".join("<tr>" + "".join(f"<td>{self.inlines(c)}</td>" for c in r) + "</tr>\n" for r in node.rows)
            return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{rows}</tbody>\n</table>"
        if isinstance(node, Tagline):
            outer, self.rtl = self.rtl, node.dir == "rtl"
            try:
                return (f'<p{self.cls("tagline")} lang="{_attr(node.lang)}" dir="{_attr(node.dir)}">'
                        f"{self.inlines(node.children)}</p>")
            finally:
                self.rtl = outer
        if isinstance(node, (AddressBlock, Signature)):
            name = "address" if isinstance(node, AddressBlock) else "signature"
            return f"<p{self.cls(name)}>" + "<br>\n".join(self.inlines(line) for line in node.lines) + "</p>"
        raise TypeError(f"unknown block node {type(node).__name__}")

    def section(self, section: Section, index: int) -> str:
        data = ' data-section=""' + (f' data-element="{_attr(section.element)}"' if section.element else "")
        blocks = list(section.blocks)
        ident = self.unique(section.element) if section.element else None
        id_attr = f' id="{ident}"' if ident else ""
        if blocks and isinstance(blocks[0], Heading):
            heading_id = self.unique(f"{ident[len(self.prefix):] if ident else f'section-{index}'}-title")
            body = [self.heading(blocks[0], heading_id)] + [self.block(b) for b in blocks[1:]]
            return (f'<section{id_attr}{self.cls("section")}{data} aria-labelledby="{heading_id}">\n'
                    + "\n".join(body) + "\n</section>")
        body = [self.block(b) for b in blocks]
        names = ("section", "language-assistance") if section.element == "language_assistance" else ("section",)
        classes = " ".join(self.prefix + name for name in names)
        return f'<div{id_attr} class="{classes}"{data}>\n' + "".join(b + "\n" for b in body) + "</div>"

    def languages(self, notice: Notice, alternates) -> str:
        """The language switcher: a link to each other translation, labelled in its own language."""
        others = [a for a in alternates if a.locale != notice.locale]
        if not others:
            return ""
        items = []
        for a in others:
            tag = _attr(html_lang(a.locale))
            rtl = ' dir="rtl"' if text_direction(a.locale) == "rtl" else ""
            items.append(f'<li><a href="{_attr(a.href)}" hreflang="{tag}" lang="{tag}"{rtl}>'
                         f"{escape(clean_line(a.label), quote=False)}</a></li>\n")
        label = _translate(notice.locale, LANGUAGES_LABEL)
        return f'<nav{self.cls("languages")} aria-label="{_attr(label)}">\n<ul>\n{"".join(items)}</ul>\n</nav>'

    def article(self, notice: Notice, *, lang: str | None, alternates=()) -> str:
        meta = notice.meta
        attrs = [("class", f"{self.prefix}notice")]
        if lang:
            attrs += [("lang", html_lang(notice.locale)), ("dir", text_direction(notice.locale))]
        attrs.append(("data-kind", notice.kind))
        for name in ("title", "entity", "subject", "channel", "date"):
            if getattr(meta, name) is not None:
                attrs.append((f"data-{name}", getattr(meta, name)))
        if meta.letterhead:
            attrs.append(("data-letterhead", "\n".join(meta.letterhead)))
        if self.offset:
            attrs.append(("data-heading-offset", str(self.offset)))
        parts = ["<article" + "".join(f' {k}="{_attr(v)}"' for k, v in attrs) + ">"]
        if meta.draft:
            reasons = "".join(f' — <span lang="en">{escape(r)}</span>' if i and r == meta.draft_reason[-1]
                              else f" — {escape(r)}" for i, r in enumerate(meta.draft_reason))
            parts.append(f'<p{self.cls("draft")} role="note">{DRAFT}{reasons}</p>')
        switcher = self.languages(notice, alternates)
        if switcher:
            parts.append(switcher)
        if meta.channel == "letter" and meta.letterhead:
            lines = "<br>\n".join(_phones(clean_line(line), rtl=self.rtl) for line in meta.letterhead)
            parts.append(f'<header{self.cls("letterhead")}>\n<p>{lines}</p>\n</header>')
        if meta.channel == "letter" and meta.date:
            parts.append(f'<p{self.cls("notice-date")}>{escape(clean_line(meta.date), quote=False)}</p>')
        parts += [self.section(s, i) for i, s in enumerate(notice.sections, start=1)]
        parts.append("</article>")
        return "\n".join(parts) + "\n"


def _title(notice: Notice) -> str:
    first_h1 = next((plain(b.children) for s in notice.sections for b in s.blocks
                     if isinstance(b, Heading) and b.level == 1), None)
    title = clean_line(notice.meta.title or first_h1 or notice.meta.subject or "") or "Notice"
    entity = clean_line(notice.meta.entity or "")
    if entity and entity.casefold() not in title.casefold():  # a browser tab or bookmark says who it is from
        title = f"{title} — {entity}"
    return title


def render(notice: Notice, *, fragment: bool = False, heading_offset: int | None = None, alternates=()) -> str:
    """The notice as a standalone HTML5 page, or (``fragment=True``) as one <article> for a host page.

    ``alternates`` (Alternate, one per locale, this one included) are its translations: the article opens with
    a language switcher linking the others, each labelled in its own language with lang and hreflang, and a
    page's head lists every one as <link rel="alternate" hreflang>, the first also as x-default.

    A fragment's class names and ids start with ``noticegen-``, it carries its own lang and dir,
    and its headings start one level down (``heading_offset``, default 1 for a fragment and 0 for
    a page) so it fits under the host page's own h1.
    """
    notice = tidy_notice(notice)
    offset = (1 if fragment else 0) if heading_offset is None else heading_offset
    if not 0 <= offset <= 5:
        raise ValueError(f"heading_offset {offset} is outside 0-5")
    rtl = text_direction(notice.locale) == "rtl"
    if fragment:
        return _Writer(prefix="noticegen-", offset=offset, rtl=rtl).article(notice, lang=notice.locale,
                                                                            alternates=alternates)
    article = _Writer(prefix="", offset=offset, rtl=rtl).article(notice, lang=None, alternates=alternates)
    links = "".join(f'<link rel="alternate" hreflang="{_attr(html_lang(a.locale))}" href="{_attr(a.href)}">\n'
                    for a in alternates)
    if alternates:
        links += f'<link rel="alternate" hreflang="x-default" href="{_attr(alternates[0].href)}">\n'

    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_attr(html_lang(notice.locale))}" dir="{text_direction(notice.locale)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(_title(notice), quote=False)}</title>\n"
        f"{links}"
        f"<style>\n{STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{article}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def banner(*, text: str, href: str, locale: str, label: str | None = None) -> str:
    """The home-page banner for substitute web notice: a conspicuous region linking to the posting page.

    ``href`` is an http(s) URL or a path on the same site ("/notice.html"); ``label`` names the
    region for screen readers (default: ``text``). Inline style only, no script.
    """
    text = clean_line(text)
    if not text:
        raise ValueError("banner text is empty: give the sentence the home page shows")
    if not (is_safe_url(href) and not href.lower().startswith("mailto:")) and not (
            href.startswith("/") and not href.startswith("//") and is_safe_url("https://x" + href)):
        raise ValueError(f"banner href {href!r} must be an http(s) URL or a path on the site starting with /")
    name = clean_line(label) if label else text
    return (
        f'<div role="region" aria-label="{_attr(name)}" lang="{_attr(html_lang(locale))}" '
        f'dir="{text_direction(locale)}" style="box-sizing:border-box;margin:1rem 0;padding:1rem 1.25rem;'
        'border:4px solid #a4262c;background:#ffffff;color:#1b1b1b;font-size:1.125rem;line-height:1.5;overflow-wrap:anywhere">'
        '<p style="margin:0;font-weight:700">'
        f'<a href="{_attr(href)}" style="color:#0b4f9c;text-decoration:underline">{escape(text, quote=False)}</a>'
        "</p></div>\n"
    )
