"""The Markdown reader: markers, hand-drafted letters, fields versus escaped text, and the exact round trip."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from notice_factory import notices, sample_notice
from noticegen.errors import ReadError
from noticegen.model import (
    Emphasis, Field, Heading, LineBreak, Link, Meta, Notice, Paragraph, Strong, Text, plain,
)
from noticegen.readers.markdown import read
from noticegen.render.markdown import render
from noticegen.tidy import tidy_notice


def markdown_view(notice: Notice) -> Notice:
    """What Markdown carries of a tidy notice: no entity, letterhead, date, subject or channel; the title is the first h1."""
    title = next((plain(b.children) for s in notice.sections for b in s.blocks
                  if isinstance(b, Heading) and b.level == 1), None)
    return tidy_notice(notice.with_meta(title=title, entity=None, letterhead=(), date=None, subject=None,
                                        channel=None))


@settings(max_examples=int(__import__("os").environ.get("NOTICEGEN_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices())
def test_round_trip_is_exact_for_any_tidy_notice(notice):
    assert read(render(notice), kind=notice.kind, locale=notice.locale) == markdown_view(notice)


HAND_DRAFTED = """\
# Notice of Data Breach

Dear [[recipient_name]]:

## What happened?

A laptop was stolen on *March 3*.

## What Information Was Involved

Names and \\[\\[dates\\]\\] of birth.

## Our next steps

We **changed** every password.<br>Really.

## Contact us

Call [us](tel:+18005550199) or see <https://example.org/notice>.
"""


def test_hand_drafted_letter_opens_sections_at_level_two_headings():
    notice = read(HAND_DRAFTED, kind="individual", locale="en_US")
    assert [s.element for s in notice.sections] == [None, "what_happened", "phi_involved", None, "contact"]
    assert notice.meta == Meta(title="Notice of Data Breach")
    assert notice.sections[0].blocks[1] == Paragraph((Text("Dear "), Field("recipient_name"), Text(":")))
    assert notice.sections[1].blocks[1] == Paragraph((Text("A laptop was stolen on "), Emphasis((Text("March 3"),)),
                                                      Text(".")))
    assert notice.sections[2].blocks[1] == Paragraph((Text("Names and [[dates]] of birth."),))
    assert notice.sections[3].blocks[1] == Paragraph((Text("We "), Strong((Text("changed"),)),
                                                      Text(" every password."), LineBreak(), Text("Really.")))
    assert notice.sections[4].blocks[1] == Paragraph((
        Text("Call us (tel:+18005550199) or see "),
        Link("https://example.org/notice", (Text("https://example.org/notice"),)), Text(".")))


def test_markers_win_over_headings():
    text = "Intro\n\n<!-- element: contact -->\n\n## What happened\n\nx\n\n<!-- element -->\n"
    notice = read(text)
    assert [s.element for s in notice.sections] == [None, "contact", None]
    assert notice.sections[2].blocks == ()


def test_sample_letter_reads_back_with_every_element():
    notice = sample_notice("es_US", draft=True)
    back = read(render(notice), kind="individual", locale="es_US")
    assert back == markdown_view(notice)
    assert back.meta.draft is True
    assert [s.element for s in back.sections] == [None, "what_happened", "phi_involved", "individual_steps",
                                                  "entity_actions", "contact"]


def test_address_marker_without_a_paragraph_is_a_read_error():
    with pytest.raises(ReadError, match="<!-- address --> is not followed by a paragraph"):
        read("text\n\n<!-- address -->\n")
