"""One render per variant, filled per person: the same document part as rendering each merged copy, any value safe."""

from __future__ import annotations

import email
import email.policy
import io
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from noticegen.mail import variants as mv
from noticegen.mail.variants import EmailVariant, LetterVariant, Unfilled
from noticegen.model import Field, Paragraph, Section, Strong, Text, fields_in, merge
from noticegen.readers.docx import read as read_docx
from noticegen.render import docx as docx_writer
from noticegen.render import render

VALUES = {"recipient_name": "Ana Ruiz", "recipient_address_1": "1 Main St, Apt 4",
          "recipient_city_state_zip": "Cedar Falls, IA 50613", "enrollment_code": "EC-0001"}
SENDER = dict(from_addr="incident@riverbendregional.example", from_name="Riverbend Regional Hospital",
              reply_to="incident@riverbendregional.example")


def document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        assert package.testzip() is None
        return package.read("word/document.xml")


def test_the_writers_rules_are_the_variants(riverbend):
    assert mv._FORBIDDEN.pattern == docx_writer._FORBIDDEN.pattern
    assert mv._FIELD_LIKE.pattern == docx_writer._FIELD_LIKE.pattern


@pytest.mark.parametrize("key", [("individual", "en_US", "letter"), ("individual", "es_US", "letter"),
                                 ("next_of_kin", "en_US", "letter")])
def test_a_filled_letter_is_the_merged_notice_rendered(riverbend, key):
    _, notices, variants = riverbend
    values = dict(VALUES, decedent_name="Luis Ruiz")
    fast = variants[key].fill(values)
    slow = render(merge(notices[key], values), "docx")
    assert document_xml(fast) == document_xml(slow)
    with zipfile.ZipFile(io.BytesIO(fast)) as a, zipfile.ZipFile(io.BytesIO(slow)) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(name) == b.read(name) for name in a.namelist())


HOSTILE = ["A & B <c> \"d\" 'e'", "]]><w:p/>", "«enrollment_code»", "Tab\there", "x\x00\x01\x0b\x1fy",
           "\ufffe\uffff", "  padded  ", "\u202eevil", "Zoë 李 ☃", "-", "Call 563-555-0117 now", "(800) 555-0100",
           "Long Beach, CA 90804-5521", "«x» 800-555-0100"]


@pytest.mark.parametrize("value", HOSTILE)
def test_no_roster_value_can_break_the_letter_or_become_a_field(riverbend, value):
    _, notices, variants = riverbend
    key = ("individual", "en_US", "letter")
    values = dict(VALUES, recipient_name=value)
    fast = variants[key].fill(values)
    assert document_xml(fast) == document_xml(render(merge(notices[key], values), "docx"))
    notice = read_docx(fast)
    assert fields_in(notice) == []


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40) | st.text(alphabet="0123456789-() +.x\t", min_size=1, max_size=20))
def test_any_text_fills_as_the_writer_would_write_it(riverbend, value):
    _, notices, variants = riverbend
    key = ("individual", "en_US", "letter")
    values = dict(VALUES, enrollment_code=value)
    assert document_xml(variants[key].fill(values)) == document_xml(render(merge(notices[key], values), "docx"))


def test_every_field_is_a_whole_run_and_the_proof_shows_them(riverbend):
    _, _, variants = riverbend
    letter = variants[("individual", "en_US", "letter")]
    assert letter.fields == ("recipient_name", "recipient_address_1", "recipient_city_state_zip", "enrollment_code")
    assert [name for name, _, _ in letter.slots].count("recipient_name") == 2
    assert b"\xc2\xab" not in b"".join(letter.segments)  # no « left outside the runs cut out
    assert fields_in(read_docx(letter.proof)) == list(letter.fields)


def test_a_field_inside_bold_keeps_its_bold():
    notice = _notice((Paragraph((Strong((Text("Code: "), Field("enrollment_code"))),)),))
    letter = LetterVariant.from_notice(notice, ("individual", "en_US", "letter"))
    assert letter.slots == (("enrollment_code", "<w:b/>", False),)
    assert b"<w:r><w:rPr><w:b/></w:rPr><w:t>X1</w:t></w:r>" in document_xml(letter.fill({"enrollment_code": "X1"}))


def test_a_blank_field_is_unfilled_and_names_only_the_field(riverbend):
    _, _, variants = riverbend
    values = dict(VALUES, enrollment_code="")
    with pytest.raises(Unfilled) as caught:
        variants[("individual", "en_US", "letter")].fill(values)
    assert caught.value.fields == ["enrollment_code"]
    del values["enrollment_code"]
    with pytest.raises(Unfilled):
        variants[("individual", "en_US", "email")].fill(dict(values, to="a@b.example"), message_id="<x@y>")


@pytest.mark.parametrize("locale", ["en_US", "es_US"])
def test_a_filled_email_reads_as_the_merged_notice_rendered(riverbend, locale):
    _, notices, variants = riverbend
    key = ("individual", locale, "email")
    values = dict(VALUES, recipient_name="Zoë <Ruiz> & Co", to="zoe@mail.example")
    fast = email.message_from_bytes(variants[key].fill(values, message_id="<1@riverbendregional.example>"),
                                    policy=email.policy.strict)
    slow = email.message_from_string(render(merge(notices[key], values), "eml", to="zoe@mail.example", **SENDER),
                                     policy=email.policy.strict)
    for header in ("Subject", "From", "Reply-To", "To", "Date", "Content-Language", "MIME-Version"):
        assert fast[header] == slow[header]
    assert fast["Message-ID"] == "<1@riverbendregional.example>"
    assert not fast.defects and not any(part.defects for part in fast.walk())

    def words(message, kind):
        return re.sub(r"\s+", " ", message.get_body((kind,)).get_content())
    assert words(fast, "plain") == words(slow, "plain")
    assert words(fast, "html") == words(slow, "html")
    assert "Zoë &lt;Ruiz&gt; &amp; Co" in words(fast, "html")


def test_an_email_is_the_same_bytes_each_time_and_its_message_id_is_the_persons(riverbend):
    _, _, variants = riverbend
    variant = variants[("individual", "en_US", "email")]
    values = dict(VALUES, to="a@b.example")
    first = variant.fill(values, message_id=variant.message_id("salt", "RB-1"))
    assert first == variant.fill(values, message_id=variant.message_id("salt", "RB-1"))
    assert max(map(len, first.split(b"\r\n"))) <= 78  # quoted-printable lines stay short, filled lines too
    long = variant.fill(dict(values, recipient_name="Ñ" * 120), message_id="<1@x>")
    assert max(map(len, long.split(b"\r\n"))) <= 78
    assert "Ñ" * 120 in email.message_from_bytes(long, policy=email.policy.strict).get_body(("plain",)).get_content()
    assert variant.message_id("salt", "RB-1") != variant.message_id("salt", "RB-2")
    assert re.fullmatch(r"<[0-9a-f]{32}@riverbendregional\.example>", variant.message_id("salt", "RB-1"))


def test_a_line_break_in_the_address_can_never_add_a_header(riverbend):
    _, _, variants = riverbend
    variant: EmailVariant = variants[("individual", "en_US", "email")]
    with pytest.raises(ValueError, match="Invalid addr_spec"):
        variant.fill(dict(VALUES, to="a@b.example\r\nBcc: x@evil.example"), message_id="<1@x>")
    raw = variant.fill(dict(VALUES, to="o'hara+news@b.example"), message_id="<1@x>")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "o'hara+news@b.example"


def _notice(blocks):
    from noticegen.model import Meta, Notice

    return Notice("individual", "en_US", Meta(title="T", channel="letter"), (Section(None, blocks),))


def test_a_variant_that_would_drift_from_the_writer_is_refused(riverbend, monkeypatch):
    _, notices, _ = riverbend
    monkeypatch.setattr(mv, "_one_run", lambda value, fmt, nobreak: f"<w:r><w:t>{value}</w:t></w:r>")
    from noticegen.errors import TemplateError

    with pytest.raises(TemplateError, match=r"^individual\.en_US\.letter: a filled copy would differ from the DOCX "
                                         r"writer's own rendering of the merged notice"):
        LetterVariant.from_notice(notices[("individual", "en_US", "letter")], ("individual", "en_US", "letter"))


@pytest.fixture(scope="module")
def right_to_left():
    import datetime as dt
    from pathlib import Path

    from noticegen.facts import load_facts
    from noticegen.notice_set import notice_set
    from noticegen.plan import plan

    sample = Path(__file__).resolve().parents[2] / "samples" / "harbor-point-languages" / "breach.yaml"
    day = dt.date(2025, 3, 14)
    facts = load_facts(sample, today=day)
    made = notice_set(facts, plan(facts, as_of=day), today=day, kinds=("individual", "next_of_kin"),
                      formats=("docx",), locales=("ar", "fa"), draft=True)
    return made.notices, mv.build_variants(facts, made.notices)


@pytest.mark.parametrize("value", ["محمد 12", "1200 Ocean Blvd, Apt 4", "Call 563-555-0117", "-", "EC-0001",
                                   "أحمد (800) 555-0100 x", "**", "Zoë"])
def test_right_to_left_letters_fill_as_the_writer_writes_them(right_to_left, value):
    notices, variants = right_to_left
    assert {k[1] for k in variants} == {"ar", "fa"}
    for key, variant in variants.items():
        values = {name: value for name in variant.fields}
        assert document_xml(variant.fill(values)) == document_xml(render(merge(notices[key], values), "docx")), key
    individual = variants[("individual", "ar", "letter")]
    assert [rtl for _, _, rtl in individual.slots] == [False, False, False, True]  # the address is left to right
