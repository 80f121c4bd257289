"""The plain-text writer and the tidy rules every writer shares (controls, bidi overrides, whitespace, links)."""

from __future__ import annotations

import pytest

from notice_factory import sample_notice
from noticegen.model import (
    BulletList, Emphasis, Field, Heading, LineBreak, Link, Meta, Notice, Paragraph, Section, Strong, Table, Text,
)
from noticegen.render.text import render
from noticegen.tidy import clean_text, tidy_inlines


def notice_of(*blocks) -> Notice:
    return Notice("individual", "en_US", Meta(), (Section(None, tuple(blocks)),))


def test_sample_letter_has_underlined_headings_fields_and_aligned_table():
    text = render(sample_notice())
    assert text.startswith("Notice of Data Breach\n=====================\n\n[[recipient_name]]\n"
                           "[[recipient_address_1]]\n[[recipient_city_state_zip]]\n\nDear [[recipient_name]]:\n")
    assert "\nWhat Happened\n-------------\n" in text
    assert ("Date               Event\n-----------------  ------------\nDecember 28, 2024  Access began\n"
            "January 6, 2025    Discovered\n") in text
    assert "- Enroll in the free credit monitoring with code [[enrollment_code]].\n" in text
    assert text.endswith("Sincerely,\nDana Whitfield\nPrivacy Officer\n")


def test_paragraphs_wrap_at_72_columns_but_urls_never_break():
    url = "https://harborpointimaging.example/" + "a" * 80
    text = render(notice_of(Paragraph((Text("word " * 30), Link(url, (Text("the page"),)), Text(" end")))))
    lines = text.splitlines()
    assert all(len(line) <= 72 for line in lines if url not in line)
    assert f"({url})" in lines[-1] or any(f"({url})" in line for line in lines)


def test_links_are_text_then_url_and_mailto_addresses_stay_bare():
    text = render(notice_of(Paragraph((Link("https://a.example/x", (Text("our site"),)), Text(" or "),
                                       Link("mailto:p@a.example", (Text("p@a.example"),))))))
    assert text == "our site (https://a.example/x) or p@a.example\n"


def test_list_items_hang_under_their_marker():
    text = render(notice_of(BulletList(((Text("word " * 20),), (Text("b"),)), ordered=True)))
    assert text.startswith("1. word word") and "\n   word" in text and "\n2. b\n" in text


def test_draft_line_comes_first():
    assert render(sample_notice(draft=True)).startswith("*** DRAFT — NOT FOR MAILING ***\n\nNotice of Data Breach\n")


def test_heading_levels_have_their_own_underline():
    text = render(notice_of(Heading(1, (Text("One"),)), Heading(2, (Text("Two"),)), Heading(3, (Text("Three"),))))
    assert text == "One\n===\n\nTwo\n---\n\nThree\n~~~~~\n"


def test_wide_characters_count_two_columns_in_tables():
    text = render(notice_of(Table(((Text("中文"),), (Text("x"),)), (((Text("a"),), (Text("b"),)),))))
    assert text == "中文  x\n----  -\na     b\n"


def test_clean_text_drops_controls_and_bidi_overrides_but_keeps_marks():
    assert clean_text("Tom\u202eevil\u202c\u2066x\u2069 \u200fRLM\x07\x00\x85\ufffe\ud800") == "Tomevilx \u200fRLM"
    assert clean_text("a\tb\nc\r\nd") == "a b c  d"


def test_tidy_moves_edge_spaces_out_and_collapses_whitespace():
    assert tidy_inlines((Text("  a  "), Strong((Text(" b "),)), Text(" c "), LineBreak(), Text(" "),
                         Emphasis((Text(" "),)), LineBreak())) == (Text("a "), Strong((Text("b"),)), Text(" c"))
    assert tidy_inlines((Text("a"), LineBreak(), Text("  b"))) == (Text("a"), LineBreak(), Text("b"))


def test_tidy_turns_unsafe_and_nested_links_into_text_and_gives_empty_links_their_url():
    assert tidy_inlines((Link("javascript:alert(1)", (Text("x"),)),)) == (Text("x (javascript:alert(1))"),)
    assert tidy_inlines((Link("https://a.example", ()),)) == (Link("https://a.example", (Text("https://a.example"),)),)
    assert tidy_inlines((Link("https://a.example", (Link("https://b.example", (Text("b"),)),)),)) == (
        Link("https://a.example", (Text("b (https://b.example)"),)),)


def test_unknown_inline_node_raises_type_error():
    with pytest.raises(TypeError, match="unknown inline node str"):
        render(notice_of(Paragraph(("raw",))))


def test_bad_heading_level_is_refused():
    with pytest.raises(ValueError, match="heading level 7 is outside 1-6"):
        render(notice_of(Heading(7, (Text("x"),))))


def test_bad_element_id_is_refused():
    notice = Notice("individual", "en_US", Meta(), (Section("what happened -->", ()),))
    with pytest.raises(ValueError, match="section element 'what happened -->' is not an element id"):
        render(notice)


def test_field_stays_a_placeholder():
    assert render(notice_of(Paragraph((Text("Code: "), Field("enrollment_code"))))) == "Code: [[enrollment_code]]\n"
