"""The Markdown writer: the model's conventions, escaping of hostile facts, links, lists, tables and strictness."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from markdown_it import MarkdownIt

from notice_factory import adversarial_strings, sample_notice
from noticegen.model import (
    BulletList, Emphasis, Field, Heading, Link, Meta, Notice, Paragraph, Section, Strong, Table, Text,
)
from noticegen.readers.markdown import read
from noticegen.render.markdown import escape, render
from noticegen.tidy import clean_line


def one_paragraph(*inlines) -> Notice:
    return Notice("individual", "en_US", Meta(), (Section("contact", (Paragraph(tuple(inlines)),)),))


def test_sample_letter_uses_the_model_conventions():
    md = render(sample_notice())
    assert md.startswith("# Notice of Data Breach\n\n<!-- address -->\n[[recipient_name]]\\\n[[recipient_address_1]]\\\n")
    assert "\n<!-- element: what_happened -->\n\n## What Happened\n" in md
    assert "Dear [[recipient_name]]:" in md
    assert "[our website](https://harborpointimaging.example/incident)" in md
    assert "[privacy@harborpointimaging.example](mailto:privacy@harborpointimaging.example)" in md
    assert "| Date | Event |\n| --- | --- |\n| December 28, 2024 | Access began |" in md
    assert md.endswith("<!-- signature -->\nSincerely,\\\nDana Whitfield\\\nPrivacy Officer\n")
    assert "---\n" not in md.split("| --- |")[0]  # no YAML front matter


def test_draft_notice_opens_with_the_draft_paragraph():
    assert render(sample_notice(draft=True)).startswith("**DRAFT — NOT FOR MAILING**\n\n# Notice of Data Breach\n")


@pytest.mark.parametrize("value", adversarial_strings())
def test_hostile_fact_comes_back_as_its_literal_text_and_makes_no_markup(value):
    md = render(one_paragraph(Text(value)))
    back = read(md)
    literal = clean_line(value)  # control characters and bidi overrides dropped, spaces collapsed
    assert back.sections[0].blocks == ((Paragraph((Text(literal),)),) if literal else ())
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in html and "javascript:" not in html.split("<p>")[0]
    assert "<a " not in html and "<img" not in html and "<h1" not in html and "<li" not in html


def test_escape_turns_line_start_markers_and_inline_syntax_into_literals():
    assert escape("1. a", line_start=True) == "1\\. a"
    assert escape("- a", line_start=True) == "\\- a"
    assert escape("- a") == "- a"
    assert escape("[[x]] {{ y }} <b> & #") == "\\[\\[x\\]\\] \\{\\{ y \\}\\} \\<b\\> \\& \\#"


def test_field_and_escaped_field_text_read_back_apart():
    notice = one_paragraph(Field("recipient_name"), Text(" [[recipient_name]]"))
    assert render(notice).endswith("[[recipient_name]] \\[\\[recipient\\_name\\]\\]\n")
    assert read(render(notice)).sections[0].blocks[0] == Paragraph((Field("recipient_name"), Text(" [[recipient_name]]")))


def test_text_after_a_field_cannot_turn_it_into_a_link():
    notice = one_paragraph(Field("code"), Text("(https://evil.example)"))
    assert "[[code]]\\(https://evil.example)" in render(notice)


def test_exclamation_before_a_link_cannot_make_an_image():
    notice = one_paragraph(Text("Look!"), Link("https://a.example", (Text("here"),)))
    assert "Look\\![here](https://a.example)" in render(notice)


def test_only_http_and_mailto_urls_become_links():
    notice = one_paragraph(Link("javascript:alert(1)", (Text("click"),)), Text(" "),
                           Link("data:text/html,x", (Text("data:text/html,x"),)))
    md = render(notice)
    assert md.endswith("click (javascript:alert(1)) data:text/html,x\n")
    assert "](" not in md


def test_strong_uses_asterisks_when_unambiguous_and_tags_otherwise():
    md = render(one_paragraph(Text("Call "), Strong((Text("now"),)), Text(", "), Emphasis((Text("(free)"),)),
                              Text("x"), Strong((Text("y"),))))
    assert md.endswith("Call **now**, <em>(free)</em>x<strong>y</strong>\n")


def test_consecutive_lists_stay_apart():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (
        BulletList(((Text("a"),),)), BulletList(((Text("b"),),)),
        BulletList(((Text("c"),),), ordered=True), BulletList(((Text("d"),),), ordered=True))),))
    md = render(notice)
    assert "- a\n\n* b\n\n1. c\n\n1) d\n" in md
    assert len(read(md).sections[0].blocks) == 4


def test_pipes_in_table_cells_are_escaped():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (
        Table(((Text("a|b"),),), (((Text("|"),),),)),)),))
    assert "| a\\|b |\n| --- |\n| \\| |" in render(notice)


def test_heading_line_break_is_a_br_tag():
    from noticegen.model import LineBreak
    notice = Notice("individual", "en_US", Meta(), (Section(None, (Heading(2, (Text("a"), LineBreak(), Text("b"))),)),))
    assert "## a<br>b" in render(notice)


@dataclass(frozen=True)
class Underline:
    children: tuple


def test_unknown_inline_node_raises_type_error_naming_it():
    with pytest.raises(TypeError, match="unknown inline node Underline"):
        render(one_paragraph(Underline((Text("x"),))))


def test_unknown_block_node_raises_type_error_naming_it():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (Underline(()),)),))
    with pytest.raises(TypeError, match="unknown block node Underline"):
        render(notice)


def test_field_name_that_markdown_would_mangle_is_refused():
    with pytest.raises(ValueError, match="field name '_x_' is not allowed"):
        render(one_paragraph(Field("_x_")))


def test_table_row_of_another_width_is_refused():
    notice = Notice("individual", "en_US", Meta(), (Section(None, (Table(((Text("a"),), (Text("b"),)),
                                                                       (((Text("1"),),),)),)),))
    with pytest.raises(ValueError, match="table row 1 has 1 cells; the header has 2"):
        render(notice)


def test_strong_after_a_hard_line_break_is_written_with_asterisks():
    """Regression: a memo header wrote **To:** then <strong>From:</strong> on the next line."""
    from noticegen.model import LineBreak, Meta, Notice, Paragraph, Section, Strong, Text
    from noticegen.readers.markdown import read
    from noticegen.render.markdown import render

    para = Paragraph((Strong((Text("To:"),)), Text(" A"), LineBreak(), Strong((Text("From:"),)), Text(" B")))
    notice = Notice("business_associate", "en_US", Meta(), (Section(None, (para,)),))
    text = render(notice)
    assert "**To:** A\\\n**From:** B" in text
    assert read(text, kind="business_associate", locale="en_US").sections == notice.sections
