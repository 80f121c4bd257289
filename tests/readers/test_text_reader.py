"""The plain-text reader: what render.text writes comes back in the same sections with the same text; pasted letters too."""

from __future__ import annotations


import pytest

from notice_factory import sample_notice
from noticegen.model import AddressBlock, BulletList, Field, Heading, LineBreak, Paragraph, Signature, Table, Text
from noticegen.readers.text import read
from noticegen.render.text import inline_text, render
from noticegen.tidy import tidy_notice


def block_words(block) -> str:
    """A block's text as render.text shows it (links as "text (url)"), whitespace normalised."""
    if isinstance(block, (Heading, Paragraph)):
        parts = [block.children]
    elif isinstance(block, BulletList):
        parts = list(block.items)
    elif isinstance(block, Table):
        parts = list(block.header) + [c for row in block.rows for c in row]
    else:
        parts = list(block.lines)
    return " ".join(" ".join(inline_text(p).split()) for p in parts)


@pytest.mark.parametrize("locale", ["en_US", "es_US"])
def test_render_text_reads_back_into_the_same_sections_and_text(locale):
    notice = tidy_notice(sample_notice(locale, draft=True))
    back = read(render(notice), kind="individual", locale=locale)
    assert back.meta.draft is True and back.meta.title == notice.meta.title
    assert [s.element for s in back.sections] == [s.element for s in notice.sections]
    for mine, theirs in zip(back.sections, notice.sections):
        assert [block_words(b) for b in mine.blocks] == [block_words(b) for b in theirs.blocks]
        assert [type(b) for b in mine.blocks] == [type(b) for b in theirs.blocks]


PASTED = """\
Harbor Point Imaging
400 Harbor Point Drive

March 14, 2025

Dear Jane Doe:

We are writing to tell you about an incident that may involve some of
your information.

WHAT HAPPENED

On January 6, 2025, we learned that someone accessed a server.
\f
What Information Was Involved
Your name and [[date_of_birth]].

What You Can Do

• Review your statements.
• Call your doctor if something
  looks wrong.

For more information

Call 1-800-555-0199.

Sincerely,
Dana Whitfield
"""


def test_pasted_letter_opens_sections_at_known_headings():
    notice = read(PASTED, kind="individual", locale="en_US")
    assert [s.element for s in notice.sections] == [None, "what_happened", "individual_steps", "contact"]
    assert notice.sections[0].blocks[0] == AddressBlock(((Text("Harbor Point Imaging"),),
                                                         (Text("400 Harbor Point Drive"),)))
    assert notice.sections[0].blocks[3] == Paragraph((Text("We are writing to tell you about an incident that may "
                                                           "involve some of your information."),))
    assert notice.sections[1].blocks[0] == Heading(2, (Text("WHAT HAPPENED"),))
    assert notice.sections[2].blocks[1] == BulletList(((Text("Review your statements."),),
                                                       (Text("Call your doctor if something looks wrong."),)))
    assert notice.sections[3].blocks[-1] == Signature(((Text("Sincerely,"),), (Text("Dana Whitfield"),)))


def test_heading_followed_by_text_without_a_blank_line_is_not_a_section():
    # pdftotext sometimes joins a heading to its paragraph; only a line on its own is taken as a heading
    notice = read(PASTED)
    assert notice.sections[1].blocks[-1] == Paragraph((Text("What Information Was Involved"), LineBreak(),
                                                       Text("Your name and "), Field("date_of_birth"), Text(".")))


def test_a_lead_in_line_ending_with_a_colon_is_not_a_heading():
    """Regression: 'If you have questions, please contact us:' opened a second, empty contact section."""
    from noticegen.readers.text import read

    notice = read("For More Information\n\nIf you have questions, please contact us:\n\n- Call 1-833-555-0147\n")
    assert [s.element for s in notice.sections] == ["contact"]
