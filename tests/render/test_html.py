"""The HTML writer: an accessible standalone page, a CMS fragment, escaping, links, headings and the banner."""

from __future__ import annotations

import re

import pytest

from notice_factory import adversarial_strings, sample_notice
from noticegen.model import Field, Heading, Link, Meta, Notice, Paragraph, Section, Text
from noticegen.render.html import banner, render


def test_page_is_a_standalone_html5_document_in_the_notice_language():
    page = render(sample_notice("es_US"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="es-US" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
                           '<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    assert "<title>Aviso de violación de datos — Harbor Point Imaging, LLC</title>" in page
    assert "<main>\n<article " in page and page.endswith("</article>\n</main>\n</body>\n</html>\n")


@pytest.mark.parametrize("locale", ["ar", "he_IL", "fa", "ur_PK"])
def test_right_to_left_locales_get_dir_rtl(locale):
    assert 'dir="rtl"' in render(sample_notice().__class__("individual", locale, Meta(title="x"), ()))


def test_page_loads_nothing_from_anywhere():
    page = render(sample_notice())
    for needle in ("<script", "<link", "<img", "src=", "url(", "@import", "@font-face"):
        assert needle not in page


def test_style_has_readable_layout_focus_and_print_rules():
    page = render(sample_notice())
    assert "max-width: 40em" in page and "line-height: 1.5" in page and "a:focus-visible" in page
    assert "@media print" in page and 'content: " (" attr(href) ")"' in page and "@page { margin: 2cm; }" in page


def test_element_sections_are_labelled_by_their_heading():
    page = render(sample_notice())
    assert ('<section id="what_happened" class="section" data-section="" data-element="what_happened" '
            'aria-labelledby="what_happened-title">\n<h2 id="what_happened-title">What Happened</h2>') in page


def test_fields_tables_links_address_and_signature():
    page = render(sample_notice())
    assert '<span class="field" data-field="recipient_name">[recipient_name]</span>' in page
    assert '<th scope="col">Date</th><th scope="col">Event</th>' in page
    assert '<a href="https://harborpointimaging.example/incident">our website</a>' in page
    assert '<a href="mailto:privacy@harborpointimaging.example">' in page
    assert '<p class="address"><span class="field" data-field="recipient_name">' in page
    assert '<p class="signature">Sincerely,<br>\nDana Whitfield<br>\nPrivacy Officer</p>' in page
    assert "<ul>\n<li>Review the statements" in page


def test_headings_never_skip_a_level():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (
        Heading(1, (Text("T"),)), Heading(3, (Text("a"),)), Heading(2, (Text("b"),)), Heading(4, (Text("c"),)))),))
    levels = [int(x) for x in re.findall(r"<h(\d)", render(notice))]
    assert levels == [1, 2, 2, 3]


def test_duplicate_elements_get_unique_ids():
    notice = Notice("individual", "en_US", Meta(), (Section("contact", (Heading(2, (Text("a"),)),)),
                                                    Section("contact", (Heading(2, (Text("b"),)),))))
    page = render(notice)
    assert 'id="contact"' in page and 'id="contact-2"' in page and 'id="contact-2-title"' in page


def test_draft_shows_a_banner_note():
    assert '<p class="draft" role="note">DRAFT — NOT FOR MAILING</p>' in render(sample_notice(draft=True))
    assert "DRAFT" not in render(sample_notice())


@pytest.mark.parametrize("value", adversarial_strings())
def test_hostile_fact_is_escaped_text(value):
    page = render(Notice("individual", "en_US", Meta(title=value),
                         (Section(None, (Paragraph((Text(value),)),)),)))
    body = page.split("<body>")[1]
    assert "<script" not in page and "javascript:alert(1)\"" not in page and "<!-- " not in body
    assert "\u202e" not in page and "\x07" not in page


def test_only_http_and_mailto_urls_are_hrefs():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (Paragraph((
        Link("javascript:alert(1)", (Text("x"),)),)),)),))
    page = render(notice)
    assert "<p>x (javascript:alert(1))</p>" in page and "href" not in page.split("<body>")[1]


def test_fragment_is_only_the_article_with_prefixed_names_and_headings_from_h2():
    fragment = render(sample_notice(), fragment=True)
    assert fragment.startswith('<article class="noticegen-notice" lang="en-US" dir="ltr" data-kind="individual"')
    assert "<html" not in fragment and "<style" not in fragment and "<head>" not in fragment
    assert "<h1" not in fragment and '<h2 id="noticegen-section-1-title">Notice of Data Breach</h2>' in fragment
    assert 'id="noticegen-what_happened"' in fragment and '<h3 id="noticegen-what_happened-title">' in fragment
    assert 'class="noticegen-field"' in fragment and ' class="field"' not in fragment


def test_fragment_heading_offset_is_a_keyword():
    assert '<h1 id="noticegen-section-1-title">Notice of Data Breach</h1>' in render(sample_notice(), fragment=True, heading_offset=0)


def test_meta_rides_on_the_article():
    page = render(sample_notice())
    assert ('data-kind="individual" data-title="Notice of Data Breach" data-entity="Harbor Point Imaging, LLC" '
            'data-subject="Notice of Data Breach" data-channel="letter" data-date="March 14, 2025" '
            'data-letterhead="Harbor Point Imaging, LLC\n400 Harbor Point Drive\n') in page


def test_unknown_field_names_are_refused():
    with pytest.raises(ValueError, match="field name 'Bad Name' is not allowed"):
        render(Notice("individual", "en_US", Meta(), (Section(None, (Paragraph((Field("Bad Name"),)),)),)))


def test_banner_is_an_accessible_region_with_a_link_and_inline_style_only():
    snippet = banner(text="Notice of a data security incident <b>", href="/breach-notice.html", locale="es_US")
    assert snippet == (
        '<div role="region" aria-label="Notice of a data security incident &lt;b&gt;" lang="es-US" dir="ltr" '
        'style="box-sizing:border-box;margin:1rem 0;padding:1rem 1.25rem;border:4px solid #a4262c;'
        'background:#ffffff;color:#1b1b1b;font-size:1.125rem;line-height:1.5;overflow-wrap:anywhere"><p style="margin:0;font-weight:700">'
        '<a href="/breach-notice.html" style="color:#0b4f9c;text-decoration:underline">Notice of a data security '
        'incident &lt;b&gt;</a></p></div>\n')


@pytest.mark.parametrize("href", ["javascript:alert(1)", "//evil.example/x", "mailto:a@b.example", "data:x"])
def test_banner_refuses_links_that_are_not_pages(href):
    with pytest.raises(ValueError, match="must be an http\\(s\\) URL or a path on the site"):
        banner(text="Notice", href=href, locale="en_US")


def _one_paragraph(*inlines, entity=None, title="Notice of Data Breach"):
    return Notice("individual", "en_US", Meta(title=title, entity=entity),
                  (Section("contact", (Paragraph(tuple(inlines)),)),))


def test_phone_numbers_are_tel_links_that_never_break_across_lines():
    """Issue 9 finding 11: at 375 px "1-888-555-" ended one line and "0172" began the next."""
    page = render(_one_paragraph(Text("Call toll-free: 1-888-555-0172 (9 a.m. to 5 p.m.) or 563-555-0117.")))
    assert ('<p>Call toll-free: <span class="tel"><a href="tel:+18885550172">1-888-555-0172</a></span> '
            '(9 a.m. to 5 p.m.) or <span class="tel"><a href="tel:+15635550117">563-555-0117</a></span>.</p>') in page
    assert ".tel { white-space: nowrap; }" in page


def test_urls_and_email_addresses_break_only_after_slashes_and_before_dots():
    """Issue 9 finding 11: overflow-wrap: anywhere on the page broke "riverbendregio-nal" mid-word."""
    page = render(_one_paragraph(
        Link("https://www.riverbendregional.example/incident", (Text("https://www.riverbendregional.example/incident"),)),
        Text(" "), Link("mailto:incident@riverbendregional.example", (Text("incident@riverbendregional.example"),))))
    assert ('<a href="https://www.riverbendregional.example/incident">https://<wbr>www<wbr>.riverbendregional'
            '<wbr>.example/<wbr>incident</a>') in page
    assert ('<a href="mailto:incident@riverbendregional.example">incident<wbr>@riverbendregional<wbr>.example</a>'
            in page)
    assert "overflow-wrap: anywhere; }" not in page.split("a[href", 1)[0]  # not on the whole page


def test_title_names_the_entity():
    """Issue 9 finding 11: a browser tab read "Notice of Data Security Incident", from nobody."""
    page = render(_one_paragraph(Text("x"), entity="Harbor Point Imaging Center",
                                 title="Notice of Data Security Incident"))
    assert "<title>Notice of Data Security Incident — Harbor Point Imaging Center</title>" in page
