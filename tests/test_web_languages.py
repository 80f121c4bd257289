"""Web teams (issue 10, item 6): the substitute web page, fragment and banner in every locale of the facts, a
language switcher linking the translations (each labelled in its own language, lang and hreflang), hreflang
alternates in the page's head, and no web page that calls itself a letter."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from noticegen.facts import Facts
from noticegen.lang import catalog
from noticegen.lang.taglines import TAGLINES
from noticegen.notice_set import notice_set
from noticegen.plan import plan
from noticegen.readers import html as html_reader
from noticegen.render.html import render

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)
TRANSLATED = sorted(p.stem for p in (ROOT / "samples" / "harbor-point-languages" / "translations").glob("*.yaml"))


def facts_in_every_locale(**substitute) -> Facts:
    data = yaml.safe_load((ROOT / "samples" / "harbor-point-pacs" / "breach.yaml").read_text(encoding="utf-8"))
    for locale in TRANSLATED:
        text = yaml.safe_load((ROOT / "samples" / "harbor-point-languages" / "translations" / f"{locale}.yaml")
                              .read_text(encoding="utf-8"))
        data["translations"][locale] = text
    data["notices"]["locales"] = ["en_US", "es_US", *TRANSLATED]
    data["substitute_notice"].pop("urls", None)  # the sample's own; these tests give theirs
    data["substitute_notice"].update(substitute)
    return Facts.model_validate(data, context={"today": TODAY})


def web_outputs(facts: Facts) -> dict[str, str]:
    result = notice_set(facts, plan(facts, as_of=TODAY), kinds=("substitute_web",), draft=True, today=TODAY)
    return {o.path: o.content for o in result.outputs}


@pytest.fixture(scope="module")
def pages():
    return web_outputs(facts_in_every_locale())


def test_page_fragment_and_banner_in_every_locale(pages):
    locales = ["en_US", "es_US", *TRANSLATED]
    assert len(locales) == 17
    for locale in locales:
        for name in ("substitute_web.html", "substitute_web.fragment.html", "substitute_web.banner.html"):
            assert f"{locale}/{name}" in pages, (locale, name)


def test_each_page_links_every_other_translation_in_its_own_language(pages):
    locales = ["en_US", "es_US", *TRANSLATED]
    for locale in locales:
        for name in ("substitute_web.html", "substitute_web.fragment.html"):
            page = pages[f"{locale}/{name}"]
            nav = re.search(r'<nav class="(?:noticegen-)?languages" aria-label="([^"]+)">(.*?)</nav>', page, re.S)
            assert nav, (locale, name)
            links = re.findall(r'<li><a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"(?: dir="rtl")?>([^<]+)</a></li>',
                               nav.group(2))
            others = [other for other in locales if other != locale]
            assert [(href, label) for href, _, _, label in links] == [
                (f"../{other}/substitute_web.html", TAGLINES[other].name) for other in others], (locale, name)
            assert all(hreflang == lang == TAGLINES[other].tag for (_, hreflang, lang, _), other in zip(links, others))
        head = pages[f"{locale}/substitute_web.html"].split("</head>")[0]
        alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head)
        assert alternates == [(TAGLINES[other].tag, f"../{other}/substitute_web.html") for other in locales] + [
            ("x-default", "../en_US/substitute_web.html")]
    assert 'dir="rtl">العربية</a>' in pages["en_US/substitute_web.html"]
    assert 'aria-label="Este aviso en otros idiomas"' in pages["es_US/substitute_web.html"]


def test_the_facts_urls_are_the_links_and_each_banner_leads_to_its_own_page():
    urls = {locale: f"https://www.harborpointimaging.example/{locale.lower()}/notice" for locale in ("es_US", "vi")}
    pages = web_outputs(facts_in_every_locale(urls=urls))
    english = pages["en_US/substitute_web.html"]
    assert '<link rel="alternate" hreflang="es-US" href="https://www.harborpointimaging.example/es_us/notice">' in english
    assert '<link rel="alternate" hreflang="en-US" href="https://www.harborpointimaging.example/notice">' in english
    assert '<a href="https://www.harborpointimaging.example/vi/notice" hreflang="vi" lang="vi">Tiếng Việt</a>' in english
    assert '<a href="../ko/substitute_web.html" hreflang="ko" lang="ko">한국어</a>' in english  # no url: the file
    assert 'href="https://www.harborpointimaging.example/vi/notice"' in pages["vi/substitute_web.banner.html"]
    assert 'href="https://www.harborpointimaging.example/notice"' in pages["ko/substitute_web.banner.html"]


def test_one_locale_has_no_switcher():
    data = yaml.safe_load((ROOT / "samples" / "harbor-point-pacs" / "breach.yaml").read_text(encoding="utf-8"))
    data["notices"]["locales"] = ["en_US"]
    pages = web_outputs(Facts.model_validate(data, context={"today": TODAY}))
    assert "<nav" not in pages["en_US/substitute_web.html"] and 'rel="alternate"' not in pages["en_US/substitute_web.html"]


def test_the_switcher_is_not_part_of_the_notice_read_back(pages):
    page = pages["vi/substitute_web.html"]
    notice = html_reader.read(page)
    assert html_reader.read(render(notice)) == notice
    assert "Tiếng Việt" not in "".join(str(s) for s in notice.sections)  # the switcher's links are not blocks


def test_no_web_page_calls_itself_a_letter_in_any_locale(pages):
    with (ROOT / "locales" / "noticegen.pot").open("rb") as handle:
        letter_ids = [m.id for m in read_po(handle) if m.id and isinstance(m.id, str) and "letter" in m.id.lower()
                      and "did not receive a letter" not in m.id]  # the letters mailed, not the page
    assert "this letter" in letter_ids
    for locale in ["en_US", "es_US", *TRANSLATED]:
        text = re.sub(r"<[^>]+>", " ", pages[f"{locale}/substitute_web.html"])
        for msgid in letter_ids:
            translated = catalog(locale).gettext(msgid)
            fixed = max(re.split(r"%\(\w+\)s", translated), key=len).strip()  # its longest literal part
            assert len(fixed) < 4 or fixed not in text, (locale, msgid, fixed)
        assert catalog(locale).gettext("this notice") != catalog(locale).gettext("this letter")
