"""Email writer: one RFC 5322 message (.eml), multipart/alternative with the plain-text and HTML renderings.

Built with the standard library's email package (EmailMessage, SMTP policy: CRLF line ends).
No tracking of any kind: no remote images, no pixel, no rewritten links, no List-Unsubscribe.
Header values are cleaned of control characters first, so a subject or name holding CR/LF
can never add a header.
"""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address, Group
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from noticegen.model import Notice
from noticegen.render import html, text
from noticegen.tidy import clean_line

UNDISCLOSED = "undisclosed-recipients:;"


def _address(addr: str, *, name: str = "", what: str) -> Address:
    addr = clean_line(addr)
    try:
        address = Address(display_name=clean_line(name), addr_spec=addr)
    except (ValueError, IndexError) as exc:
        raise ValueError(f"{what} {addr!r} is not an email address: {exc}") from exc
    if not address.username or not address.domain:
        raise ValueError(f"{what} {addr!r} is not an email address: it needs a name, @ and a domain")
    return address


def render(notice: Notice, *, from_addr: str, from_name: str, reply_to: str | None, to: str | None = None,
           when: dt.datetime | None = None, message_id_domain: str | None = None) -> str:
    """The notice as an email message (str with CRLF line ends).

    Subject: Meta.subject, else Meta.title. ``to`` None means the group ``undisclosed-recipients:;``
    (merge or the mail tool adds the real recipient). ``reply_to`` None means no Reply-To header.
    ``when`` None means the notice's own date (Meta.issued) at noon UTC, the same calendar day in every
    US time zone, else now; it must carry a time zone. ``message_id_domain`` None means the
    domain of ``from_addr``.
    """
    subject = clean_line(notice.meta.subject or notice.meta.title or "")
    if not subject:
        raise ValueError("the notice has neither Meta.subject nor Meta.title: an email needs a subject")
    sender = _address(from_addr, name=from_name, what="from_addr")
    if when is None and notice.meta.issued is not None:
        when = dt.datetime.combine(notice.meta.issued, dt.time(12, 0), tzinfo=dt.timezone.utc)
    when = when or dt.datetime.now().astimezone()
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("when must carry a time zone (e.g. datetime(..., tzinfo=timezone.utc))")

    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject
    msg["From"] = sender
    if reply_to is not None:
        msg["Reply-To"] = _address(reply_to, what="reply_to")
    msg["To"] = _address(to, what="to") if to is not None else Group("undisclosed-recipients")
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain=clean_line(message_id_domain or sender.domain))
    # quoted-printable, not base64: accented text stays readable on the wire and to spam filters
    msg.set_content(text.render(notice), subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html.render(notice), subtype="html", charset="utf-8", cte="quoted-printable")
    if notice.locale and notice.locale != "und":  # after set_content, which clears Content-* headers
        msg["Content-Language"] = html.html_lang(notice.locale)
    return msg.as_string()
