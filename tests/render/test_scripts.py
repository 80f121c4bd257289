"""Right-to-left and East Asian notices (issue 10, item 5): direction, fonts and language in DOCX and HTML, with
phone numbers, URLs and addresses kept left to right inside right-to-left text."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from noticegen.model import (AddressBlock, Field, Heading, Link, Meta, Notice, Paragraph, Section, Table, Tagline,
                             Text)
from noticegen.readers.docx import read
from noticegen.render import docx, html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ARABIC_CALL = "اتصلوا بالرقم 1-833-555-0147 أو (562) 555-0100، العنوان: 1200 Ocean Boulevard, Suite 300. شكرًا"


def notice(locale: str) -> Notice:
    return Notice("individual", locale, Meta(title="T", entity="Harbor Point", letterhead=("Harbor Point", "1-833-555-0147"),
                                             date="14 مارس 2025", channel="letter"), (
        Section(None, (AddressBlock(((Field("recipient_name"),), (Text("1200 Ocean Blvd"),))),
                       Heading(1, (Text("إشعار بخرق البيانات"),)),
                       Paragraph((Text("عزيزي "), Field("recipient_name"), Text("،"))))),
        Section("contact", (Heading(2, (Text("لمزيد من المعلومات"),)),
                            Paragraph((Text(ARABIC_CALL),)),
                            Paragraph((Link("https://www.harborpointimaging.example/notice",
                                            (Text("https://www.harborpointimaging.example/notice"),)),)),
                            Table(((Text("أ"),), (Text("ب"),)), (((Text("1"),), (Text("2"),)),)),
                            Tagline("vi", "ltr", (Text("CHÚ Ý: Xin gọi số 1-833-555-0147."),)))),
    ))


def parts(data: bytes) -> tuple[etree._Element, etree._Element]:
    package = zipfile.ZipFile(io.BytesIO(data))
    return etree.fromstring(package.read("word/document.xml")), etree.fromstring(package.read("word/styles.xml"))


def style_of(p) -> str | None:
    ref = p.find(f"{W}pPr/{W}pStyle")
    return ref.get(f"{W}val") if ref is not None else None


def text_of(r) -> str:
    return "".join(t.text or ("-" if t.tag == f"{W}noBreakHyphen" else "") for t in r
                   if t.tag in (f"{W}t", f"{W}noBreakHyphen"))


def test_an_arabic_docx_runs_right_to_left_but_keeps_numbers_urls_addresses_and_fields_left_to_right():
    data = docx.render(notice("ar"))
    body, styles = parts(data)
    paragraphs = list(body.iter(f"{W}p"))
    for p in paragraphs:
        bidi = p.find(f"{W}pPr/{W}bidi")
        if style_of(p) in ("AddressBlock", "Tagline"):
            assert bidi is not None and bidi.get(f"{W}val") == "0", style_of(p)  # US address, Vietnamese tagline
        elif p.find(f"{W}r") is not None:
            assert bidi is not None and bidi.get(f"{W}val") is None, etree.tostring(p)[:200]
    runs = {text_of(r): r for r in body.iter(f"{W}r") if text_of(r)}
    ltr = {"\u200e1-833-555-0147\u200e", "\u200e(562) 555-0100\u200e", "\u200e1200 Ocean Boulevard, Suite 300\u200e",
           "https://www.harborpointimaging.example/notice", "«recipient_name»"}
    assert ltr <= set(runs)
    for text, run in runs.items():
        rtl = run.find(f"{W}rPr/{W}rtl") is not None
        in_tagline_or_address = any(style_of(p) in ("AddressBlock", "Tagline") for p in run.iterancestors(f"{W}p"))
        assert rtl == (text not in ltr and not in_tagline_or_address), text
    assert body.find(f".//{W}tblPr/{W}bidiVisual") is not None
    framed = [i for i, p in enumerate(paragraphs) if p.find(f"{W}pPr/{W}framePr") is not None]
    anchor = paragraphs[framed[-1] + 1]  # the window frame's own left-to-right anchor line (LibreOffice mirrors it
    assert anchor.find(f"{W}r") is None and anchor.find(f"{W}pPr/{W}bidi").get(f"{W}val") == "0"  # otherwise)
    fonts = [f.get(f"{W}cs") for f in styles.iter(f"{W}rFonts")]
    assert fonts and set(fonts) == {"DejaVu Sans"}
    assert styles.find(f"{W}docDefaults//{W}lang").get(f"{W}bidi") == "ar"
    assert not [s for s in styles.iter(f"{W}spacing") if s.getparent().tag == f"{W}rPr"]  # no letter spacing
    assert read(data).sections == notice("ar").sections  # the marks the writer adds do not come back as text


def test_a_chinese_docx_names_the_east_asian_font_and_language_everywhere():
    data = docx.render(notice("zh_Hant"))
    body, styles = parts(data)
    assert {f.get(f"{W}eastAsia") for f in styles.iter(f"{W}rFonts")} == {"WenQuanYi Micro Hei"}
    assert styles.find(f"{W}docDefaults//{W}lang").get(f"{W}eastAsia") == "zh-Hant"
    assert body.find(f".//{W}bidi") is None and body.find(f".//{W}rtl") is None
    english = docx.render(notice("en_US"))
    assert {f.get(f"{W}eastAsia") for f in parts(english)[1].iter(f"{W}rFonts")} == {"Calibri", "Cambria"}


def test_an_arabic_page_says_its_language_and_direction_and_isolates_numbers_and_addresses():
    page = html.render(notice("ar"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    assert '<span class="tel" dir="ltr"><a href="tel:+18335550147">1-833-555-0147</a></span>' in page
    assert '<span class="tel" dir="ltr"><a href="tel:+15625550100">(562) 555-0100</a></span>' in page
    assert '<span dir="ltr">1200 Ocean Boulevard, Suite 300</span>' in page
    assert '<a href="https://www.harborpointimaging.example/notice" dir="ltr">' in page
    assert '<p class="tagline" lang="vi" dir="ltr">' in page
    english = html.render(notice("en_US"))
    assert english.count('dir="ltr"') == 2  # <html>, the Vietnamese tagline: nothing to isolate in English
