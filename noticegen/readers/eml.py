"""Email reader: a saved message (.eml) read with the standard library's email package; its HTML part through the HTML reader, else its text part through the text reader.

Transfer encodings (quoted-printable, base64) and charsets are decoded by the email package
(policy.default). Subject becomes Meta.subject, the Date header Meta.issued (the notice date
as a date) and Meta.date (printed in the notice's language: "March 14, 2025"),
and Meta.channel is "email". Attachments are not read.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.errors import MessageError

from ..errors import ReadError
from ..model import Notice
from .source import decode_text

_HEADERS = (b"from:", b"to:", b"subject:", b"date:", b"mime-version:", b"received:", b"return-path:",
            b"message-id:", b"content-type:", b"delivered-to:", b"x-")


def read(data: bytes, *, kind: str | None = None, locale: str | None = None) -> Notice:
    """A Notice from an email message's bytes (see the module docstring)."""
    from . import read_data

    head = data.lstrip()[:200].lower()
    if not head.startswith(_HEADERS):
        raise ReadError("the file is not an email message (it does not start with headers such as From:, "
                        "Subject: or Date:)")
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(preferencelist=("html", "plain"))
        if body is None:
            raise ReadError("the email has no text or HTML part to read")
        payload = body.get_payload(decode=True) or b""
        charset = body.get_content_charset()
        subject = message.get("subject")
        sent = message.get("date")
        issued = sent.datetime.date() if sent is not None and getattr(sent, "datetime", None) else None
    except (MessageError, LookupError, ValueError, TypeError, AttributeError, IndexError) as exc:
        raise ReadError(f"the email is damaged and cannot be read ({type(exc).__name__})") from None
    try:
        text = payload.decode(charset) if charset else decode_text(payload)
    except (LookupError, UnicodeDecodeError):
        text = decode_text(payload)
    fmt = "html" if body.get_content_type() == "text/html" else "text"
    notice = read_data(text.encode("utf-8"), fmt, kind=kind, locale=locale)
    printed = _printed(issued, notice.locale) if issued else None
    return notice.with_meta(subject=str(subject).strip() or None if subject else None, channel="email",
                            issued=issued, date=notice.meta.date or printed)


def _printed(day, locale: str) -> str:
    from babel.core import UnknownLocaleError
    from babel.dates import format_date

    try:
        return format_date(day, format="long", locale=locale)
    except (UnknownLocaleError, ValueError):
        return format_date(day, format="long", locale="en_US")
