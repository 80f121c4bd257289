"""The email writer: a strict RFC 5322 multipart/alternative message, no tracking, no header injection."""

from __future__ import annotations

import datetime as dt
import email
import email.policy

import pytest

from notice_factory import sample_notice
from noticegen.render import eml, html, text

WHEN = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def make(notice=None, **changes):
    args = dict(from_addr="privacy@harborpointimaging.example", from_name="Harbor Point Imaging",
                reply_to="help@harborpointimaging.example", when=WHEN)
    args.update(changes)
    return eml.render(notice or sample_notice("es_US"), **args)


def parse(raw: str):
    return email.message_from_string(raw, policy=email.policy.strict)


def test_headers_are_complete_and_strictly_parseable():
    msg = parse(make())
    assert msg["Subject"] == "Aviso de violación de datos"
    assert msg["From"] == "Harbor Point Imaging <privacy@harborpointimaging.example>"
    assert msg["Reply-To"] == "help@harborpointimaging.example"
    assert msg["To"] == "undisclosed-recipients:;"
    assert msg["Date"] == "Fri, 14 Mar 2025 09:30:00 -0500"
    assert msg["MIME-Version"] == "1.0"
    assert msg["Content-Language"] == "es-US"
    message_id = str(msg["Message-ID"]).strip()  # a long Message-ID is folded onto its own line
    assert message_id.startswith("<") and message_id.endswith("@harborpointimaging.example>")
    assert msg.get_content_type() == "multipart/alternative"
    assert msg.defects == []


def test_parts_are_plain_then_html_both_utf8_and_decode_to_the_renderings():
    notice = sample_notice("es_US")
    msg = parse(make(notice))
    plain_part, html_part = msg.iter_parts()
    assert (plain_part.get_content_type(), html_part.get_content_type()) == ("text/plain", "text/html")
    assert plain_part.get_content_charset() == html_part.get_content_charset() == "utf-8"
    # quoted-printable keeps the wire's CRLF line ends when decoded: compare line by line
    assert plain_part.get_content().replace("\r\n", "\n") == text.render(notice)
    assert html_part.get_content().replace("\r\n", "\n") == html.render(notice)


def test_message_uses_crlf_line_ends():
    raw = make()
    assert "\r\n" in raw and "\n" not in raw.replace("\r\n", "")


def test_subject_falls_back_to_title_and_explicit_to_and_no_reply_to():
    notice = sample_notice().with_meta(subject=None)
    msg = parse(make(notice, to="jane@example.org", reply_to=None, message_id_domain="mail.example"))
    assert msg["Subject"] == "Notice of Data Breach" and msg["To"] == "jane@example.org"
    assert msg["Reply-To"] is None and msg["Message-ID"].endswith("@mail.example>")
    assert msg["Content-Language"] == "en-US"


def test_cr_lf_in_subject_or_name_cannot_add_headers():
    notice = sample_notice().with_meta(subject="Notice\r\nBcc: victim@evil.example")
    msg = parse(make(notice, from_name="Harbor\r\nX-Injected: 1"))
    assert msg["Bcc"] is None and msg["X-Injected"] is None
    assert msg["Subject"] == "Notice Bcc: victim@evil.example"
    assert msg["From"].addresses[0].display_name == "Harbor X-Injected: 1"


def test_cr_lf_in_an_address_is_refused():
    with pytest.raises(ValueError, match="reply_to 'a@b.example Bcc: x@y.example' is not an email address"):
        make(reply_to="a@b.example\r\nBcc: x@y.example")


def test_no_tracking_no_remote_content():
    raw = parse(make()).get_body(("html",)).get_content()
    assert "<img" not in raw and "List-Unsubscribe" not in make() and "utm_" not in raw


def test_naive_time_is_refused():
    with pytest.raises(ValueError, match="when must carry a time zone"):
        make(when=dt.datetime(2025, 3, 14))


def test_notice_without_subject_or_title_is_refused():
    with pytest.raises(ValueError, match="neither Meta.subject nor Meta.title"):
        make(sample_notice().with_meta(subject=None, title=None))


def test_spanish_parts_are_quoted_printable_not_base64():
    """Issue 9 finding 10: the Spanish text part was base64, which reads worse to filters and people."""
    raw = make(sample_notice("es_US"))
    assert "Content-Transfer-Encoding: base64" not in raw
    plain_part, html_part = parse(raw).iter_parts()
    assert plain_part["Content-Transfer-Encoding"] == html_part["Content-Transfer-Encoding"] == "quoted-printable"


def test_date_defaults_to_the_notice_date_not_the_render_time():
    """Issue 9 finding 10: Date: was the moment of rendering."""
    notice = sample_notice().with_meta(issued=dt.date(2025, 3, 14))
    msg = parse(make(notice, when=None))
    assert msg["Date"] == "Fri, 14 Mar 2025 12:00:00 +0000"
