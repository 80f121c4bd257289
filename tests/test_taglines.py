"""Language-assistance taglines (issue 10, item 4): every letter, email and web page carries them when the facts
configure notices.language_assistance, each in its own language, script and direction, and none when not."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from noticegen.facts import Facts, warnings
from noticegen.lang.taglines import NATIONAL_TOP_15, TAGLINES, tagline_id
from noticegen.model import Tagline
from noticegen.notice_set import notice_set
from noticegen.plan import plan
from noticegen.readers import docx as docx_reader
from noticegen.readers import html as html_reader
from noticegen.readers import markdown as md_reader

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PHONE, TTY = "1-888-555-0172", "711"
LANGUAGES = ["es_US", "zh_Hant", "vi", "ar", "fa", "ja", "ko"]


def harbor_point(assistance: dict | None) -> Facts:
    data = yaml.safe_load((ROOT / "samples" / "harbor-point-pacs" / "breach.yaml").read_text(encoding="utf-8"))
    data["notices"].pop("language_assistance", None)
    if assistance is not None:
        data["notices"]["language_assistance"] = assistance
    return Facts.model_validate(data, context={"today": TODAY})


def outputs(facts: Facts) -> dict[str, str | bytes]:
    result = notice_set(facts, plan(facts, as_of=TODAY), locales=("en_US",), today=TODAY)
    return {o.path: o.content for o in result.outputs}


def sentences(ids) -> list[str]:
    return [TAGLINES[i].sentence(phone=PHONE, tty=TTY) for i in ids]


@pytest.fixture(scope="module")
def configured():
    return outputs(harbor_point({"phone": PHONE, "tty": TTY, "languages": LANGUAGES}))


@pytest.fixture(scope="module")
def unconfigured():
    return outputs(harbor_point(None))


# ------------------------------------------------------------------ the data

def test_each_tagline_is_one_sentence_with_both_numbers_its_own_name_tag_and_direction():
    assert set(TAGLINES) == {"en_US", "es_US", *NATIONAL_TOP_15}
    assert len(NATIONAL_TOP_15) == 16  # the 15 languages, Chinese in both scripts
    for tagline in TAGLINES.values():
        text = tagline.sentence(phone="PHONE", tty="TTY")
        assert text.count("PHONE") == 1 and text.count("TTY") >= 1, tagline.id
        assert tagline.dir == ("rtl" if tagline.id in ("ar", "fa") else "ltr")
        assert tagline.tag.replace("-", "_") in (tagline.id, "en_US", "es_US") or tagline.id in ("en_US", "es_US")
        assert tagline.review_status == "draft"
    assert "Tiếng Việt" in TAGLINES["vi"].name and "العربية" in TAGLINES["ar"].name and "فارسی" in TAGLINES["fa"].name
    assert re.search("[\u4e00-\u9fff]", TAGLINES["zh_Hant"].text) and re.search("[\uac00-\ud7a3]", TAGLINES["ko"].text)
    assert re.search("[\u3040-\u30ff]", TAGLINES["ja"].text) and re.search("[\u0600-\u06ff]", TAGLINES["ar"].text)
    assert TAGLINES["zh_Hant"].text != TAGLINES["zh_Hans"].text  # 說/说: each script its own


def test_facts_take_languages_or_states_never_both_and_name_the_choices():
    facts = harbor_point({"phone": PHONE, "tty": TTY, "languages": ["tl", "vi", "vi"]})
    assert facts.notices.language_assistance.tagline_ids() == ("fil", "vi")
    with pytest.raises(Exception, match="either languages"):
        harbor_point({"phone": PHONE, "tty": TTY, "languages": ["vi"], "states": ["CA"]})
    with pytest.raises(Exception, match="'xx' has no tagline; one of: en_US, es_US, zh_Hant"):
        harbor_point({"phone": PHONE, "tty": TTY, "languages": ["xx"]})
    with pytest.raises(Exception, match="zh_Hant .*or zh_Hans"):
        harbor_point({"phone": PHONE, "tty": TTY, "languages": ["zh"]})
    assert tagline_id("tl") == "fil"


def test_states_give_english_and_the_national_top_15_and_validate_says_so():
    facts = harbor_point({"phone": PHONE, "tty": TTY, "states": ["CA", "NV"]})
    assert facts.notices.language_assistance.tagline_ids() == ("en_US",) + NATIONAL_TOP_15
    [(path, message)] = [w for w in warnings(facts) if w[0][:2] == ("notices", "language_assistance")]
    assert path == ("notices", "language_assistance", "states") and "national top 15" in message


# ------------------------------------------------------------------ every letter, email and page

def test_every_letter_email_and_page_carries_each_tagline_and_the_others_none(configured):
    wanted = sentences(LANGUAGES)
    carriers = {"en_US/individual.md", "en_US/individual.html", "en_US/individual.eml", "en_US/individual.docx",
                "en_US/next_of_kin.md", "en_US/next_of_kin.docx", "en_US/substitute_web.md",
                "en_US/substitute_web.html", "en_US/substitute_web.fragment.html"}
    assert carriers <= set(configured)
    for path, content in configured.items():
        text = " ".join(_text(path, content).split())  # the email's text part wraps its lines
        found = [s for s in wanted if s in text]
        if path in carriers:
            assert found == wanted, path
        else:  # press release, HHS fields, banner: no taglines
            assert not found, path


def test_no_tagline_anywhere_when_not_configured(unconfigured):
    for path, content in unconfigured.items():
        text = _text(path, content)
        assert not any(s.split(":")[0] + ":" in text for s in sentences(LANGUAGES[1:])), path
        raw = content if isinstance(content, str) else zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
        assert 'class="tagline"' not in raw and "<!-- tagline" not in raw and "Tagline" not in raw, path


def test_the_model_holds_taglines_with_language_and_direction_in_every_format(configured):
    expected = [(TAGLINES[i].tag, TAGLINES[i].dir) for i in LANGUAGES]
    for path, notice in (("en_US/individual.md", md_reader.read(configured["en_US/individual.md"])),
                         ("en_US/individual.html", html_reader.read(configured["en_US/individual.html"])),
                         ("en_US/individual.docx", docx_reader.read(configured["en_US/individual.docx"]))):
        section = notice.section("language_assistance")
        assert section is not None, path
        assert [(b.lang, b.dir) for b in section.blocks if isinstance(b, Tagline)] == expected, path


def test_html_taglines_carry_lang_and_dir_and_isolate_phone_numbers_in_right_to_left_text(configured):
    page = configured["en_US/individual.html"]
    assert '<p class="tagline" lang="ar" dir="rtl">' in page and '<p class="tagline" lang="zh-Hant" dir="ltr">' in page
    arabic = re.search(r'<p class="tagline" lang="ar" dir="rtl">(.*?)</p>', page).group(1)
    assert '<span class="tel" dir="ltr"><a href="tel:+18885550172">1-888-555-0172</a></span>' in arabic
    vietnamese = re.search(r'<p class="tagline" lang="vi" dir="ltr">(.*?)</p>', page).group(1)
    assert '<span class="tel"><a href' in vietnamese
    fragment = configured["en_US/substitute_web.fragment.html"]
    assert '<p class="noticegen-tagline" lang="fa" dir="rtl">' in fragment


def test_docx_taglines_right_to_left_with_left_to_right_numbers_and_east_asian_fonts(configured):
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(configured["en_US/individual.docx"])).read("word/document.xml"))
    taglines = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None
                and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Tagline"]
    by_lang = {p.find(f".//{W}lang").get(f"{W}val"): p for p in taglines}
    assert list(by_lang) == [TAGLINES[i].tag for i in LANGUAGES]
    arabic = by_lang["ar"]
    assert arabic.find(f"{W}pPr/{W}bidi") is not None
    runs = arabic.findall(f"{W}r")
    number = [r for r in runs if r.find(f"{W}noBreakHyphen") is not None]
    assert len(number) == 1 and number[0].find(f"{W}rPr/{W}rtl") is None  # the phone number stays left to right
    assert "".join(t.text for t in number[0].iter(f"{W}t")).startswith("\u200e1")
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs if r is not number[0])
    assert arabic.find(f".//{W}rFonts").get(f"{W}cs") == "DejaVu Sans"
    assert arabic.find(f".//{W}lang").get(f"{W}bidi") == "ar"
    for tag in ("zh-Hant", "ja", "ko"):
        assert by_lang[tag].find(f".//{W}rFonts").get(f"{W}eastAsia") == "WenQuanYi Micro Hei", tag
        assert by_lang[tag].find(f".//{W}lang").get(f"{W}eastAsia") == tag
        assert by_lang[tag].find(f"{W}pPr/{W}bidi") is None
    assert by_lang["vi"].find(f"{W}pPr/{W}bidi") is None and by_lang["vi"].find(f".//{W}rtl") is None


def _text(path: str, content: str | bytes) -> str:
    if path.endswith(".docx"):
        xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")
        xml = re.sub(r"<w:noBreakHyphen/>", "-", xml)
        return re.sub(r"<[^>]+>", "", xml).replace("\u200e", "")
    if path.endswith(".eml"):
        message = email.message_from_string(content, policy=email.policy.default)
        return "\n".join(part.get_content() for part in message.walk() if part.get_content_maintype() == "text")
    if path.endswith(".html"):
        return re.sub(r"<[^>]+>", "", content).replace("&#x27;", "'")
    return content
