"""Email delivery: the mailing's .eml copies over SMTP, each accepted message recorded in the manifest.

TLS. The connection must be upgraded with STARTTLS (the server's certificate checked against the system's
trust store, or ``ca_file``) before anything is sent: the messages carry PHI. ``insecure_local`` allows a
plain connection only to a server on this machine (127.0.0.1, ::1, localhost), such as a local relay
that does its own TLS onward. Credentials come from the environment (NOTICEGEN_SMTP_USER and
NOTICEGEN_SMTP_PASSWORD), never the command line, where other users could read them.

Once. Each message is marked sent (with the server's reply and the time) the moment the server accepts
it, in its own transaction; a re-run sends only what is not marked. Only a kill in the instant between
the server's reply and that commit can send a message twice; its Message-ID is then the same (it derives
from the person's id), so the receiving system can tell. A temporary failure (a 4xx reply, a dropped
connection) is retried on a new connection after a back-off that doubles from ``backoff`` seconds; a
permanent one (5xx) is recorded as that message's reply and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import os
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parseaddr
from pathlib import Path

from ..errors import NoticegenError
from .manifest import FILE, Manifest

LOCAL_HOSTS = ("127.0.0.1", "::1", "localhost")
USER_VARIABLE, PASSWORD_VARIABLE = "NOTICEGEN_SMTP_USER", "NOTICEGEN_SMTP_PASSWORD"


class SendError(NoticegenError):
    """Sending cannot start or cannot go on (no TLS, a login refused, the server unreachable)."""


@dataclass
class Sent:
    sent: int = 0
    already: int = 0
    retries: int = 0
    refused: list[str] = field(default_factory=list)
    """``id: reply`` of messages the server refused for good."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int = 587
    insecure_local: bool = False
    ca_file: str | None = None
    timeout: float = 30.0


def connect(server: Server, *, environ=os.environ) -> smtplib.SMTP:
    """An SMTP session, upgraded with STARTTLS (unless insecure_local) and logged in if credentials are set."""
    if server.insecure_local and server.host not in LOCAL_HOSTS:
        raise SendError(f"--insecure-local: {server.host} is not this machine ({', '.join(LOCAL_HOSTS)}); "
                        "a remote server needs STARTTLS")
    try:
        smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    except OSError as exc:
        raise SendError(f"{server.host}:{server.port}: cannot connect ({exc.strerror or exc})") from None
    try:
        smtp.ehlo()
        if not server.insecure_local:
            if not smtp.has_extn("starttls"):
                raise SendError(f"{server.host}:{server.port}: the server does not offer STARTTLS; the emails carry "
                                "health information and are not sent in clear text (--insecure-local is only for "
                                "a server on this machine)")
            context = ssl.create_default_context(cafile=server.ca_file)
            smtp.starttls(context=context)
            smtp.ehlo()
        user, password = environ.get(USER_VARIABLE), environ.get(PASSWORD_VARIABLE)
        if user or password:
            if not (user and password):
                raise SendError(f"set both {USER_VARIABLE} and {PASSWORD_VARIABLE}, or neither")
            try:
                if "PLAIN" in smtp.esmtp_features.get("auth", "").upper().split():
                    smtp.user, smtp.password = user, password
                    smtp.auth("PLAIN", smtp.auth_plain)  # one mechanism: a refusal is an answer, not a cue to try others
                else:
                    smtp.login(user, password)
            except smtplib.SMTPAuthenticationError as exc:
                raise SendError(f"{server.host}:{server.port}: login refused ({exc.smtp_code})") from None
    except ssl.SSLError as exc:
        smtp.close()
        raise SendError(f"{server.host}:{server.port}: TLS failed ({exc.reason or exc})") from None
    except BaseException:
        smtp.close()
        raise
    return smtp


def _envelope(data: bytes) -> tuple[str, list[str]]:
    headers = BytesHeaderParser().parsebytes(data)
    sender = parseaddr(headers.get("From", ""))[1]
    recipients = [addr for _, addr in getaddresses(headers.get_all("To", [])) if addr]
    if not sender or not recipients:
        raise ValueError("the message has no From or no To address")
    return sender, recipients


def send(root: str | Path, server: Server, *, rate: float = 10.0, retries: int = 5, backoff: float = 1.0,
         progress: Callable[[int], None] | None = None, environ=os.environ, sleep=time.sleep) -> Sent:
    """Send every written, unsent email of the mailing in ``root``; at most ``rate`` messages a second."""
    root = Path(root)
    if not (root / FILE).exists():
        raise SendError(f"{root}: has no {FILE}; write the emails first (noticegen mail or render --roster)")
    outcome = Sent()
    gap = 1.0 / rate if rate > 0 else 0.0
    with Manifest(root / FILE) as manifest:
        todo = manifest.unsent_emails()
        outcome.already = manifest.db.execute(
            "SELECT COUNT(*) FROM copies WHERE sent_at IS NOT NULL").fetchone()[0]
        if not todo:
            return outcome
        smtp = connect(server, environ=environ)
        last = 0.0
        try:
            for person_id, path in todo:
                data = (root / path).read_bytes()
                sender, recipients = _envelope(data)
                attempt = 0
                while True:
                    wait = last + gap - time.monotonic()
                    if wait > 0:
                        sleep(wait)
                    last = time.monotonic()
                    try:
                        if smtp is None:
                            smtp = connect(server, environ=environ)
                        smtp.sendmail(sender, recipients, data)
                    except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError,
                            TimeoutError, SendError) as exc:
                        reply = f"connection lost ({type(exc).__name__})"
                        permanent = False
                        _close(smtp)
                        smtp = None
                    except smtplib.SMTPResponseException as exc:
                        reply = f"{exc.smtp_code} {_text(exc.smtp_error)}"
                        permanent = exc.smtp_code >= 500
                    except smtplib.SMTPRecipientsRefused as exc:
                        code, text = next(iter(exc.recipients.values()))
                        reply = f"{code} {_text(text)}"
                        permanent = code >= 500
                    else:
                        manifest.mark_sent(person_id, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                                           "250 accepted")
                        outcome.sent += 1
                        break
                    manifest.mark_attempt(person_id, reply)
                    if permanent or attempt >= retries:
                        outcome.refused.append(f"{person_id}: {reply}")
                        break
                    sleep(min(backoff * 2 ** attempt, 60.0))
                    attempt += 1
                    outcome.retries += 1
                if progress:
                    progress(1)
        finally:
            _close(smtp)
    return outcome


def _text(value) -> str:
    return (value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)).replace("\n", " ")[:200]


def _close(smtp) -> None:
    if smtp is None:
        return
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()
