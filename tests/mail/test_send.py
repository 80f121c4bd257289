"""noticegen send against a real SMTP server (aiosmtpd) on 127.0.0.1: STARTTLS, login, once only, dropped connections."""

from __future__ import annotations

import email
import email.policy
import shutil
import socket
import sqlite3
import ssl
import subprocess

import pytest
from click.testing import CliRunner
from conftest import person, write_roster

from noticegen.cli import main
from noticegen.mail.run import run
from noticegen.mail.send import SendError, Server, send
from noticegen.roster import read_roster

aiosmtpd = pytest.importorskip("aiosmtpd.controller")
from aiosmtpd.smtp import AuthResult  # noqa: E402

PEOPLE = 6


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """Keeps every accepted message; ``drop_at`` (1-based) closes the connection instead of answering that DATA."""

    def __init__(self, drop_at: tuple[int, ...] = ()):
        self.messages: list[bytes] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.data_count = 0
        self.drop_at = drop_at

    async def handle_DATA(self, server, session, envelope):
        self.data_count += 1
        if self.data_count in self.drop_at:
            server.transport.close()
            return "421 closing"
        self.messages.append(envelope.content)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"


@pytest.fixture()
def smtp_server():
    started = []

    def start(handler, **options):
        controller = aiosmtpd.Controller(handler, hostname="127.0.0.1", port=free_port(), **options)
        controller.start()
        started.append(controller)
        return controller
    yield start
    for controller in started:
        controller.stop()


@pytest.fixture()
def mailing(tmp_path, riverbend):
    facts, _, variants = riverbend
    rows = [person(i, email=f"p{i}@mail.example", email_consent="yes") for i in range(1, PEOPLE + 1)] + [person(99)]
    roster = read_roster(write_roster(tmp_path / "r.csv", rows))
    out = tmp_path / "out"
    run(roster, {k: v for k, v in variants.items() if k[1] == "en_US"}, out, locales=tuple(facts.notices.locales))
    return out


def sent_rows(out):
    with sqlite3.connect(out / "manifest.sqlite") as db:
        return db.execute("SELECT id, sent_at IS NOT NULL, smtp_reply, attempts FROM copies "
                          "WHERE route = 'email' ORDER BY row").fetchall()


def test_each_email_is_delivered_once_and_a_rerun_sends_nothing(mailing, smtp_server):
    inbox = Inbox()
    controller = smtp_server(inbox)
    args = ["send", str(mailing), "--host", "127.0.0.1", "--port", str(controller.port), "--insecure-local",
            "--rate", "1000"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.stdout == "sent 6 emails; 0 sent by an earlier run; 0 retries\n"
    assert sorted(to for _, (to,) in inbox.envelopes) == [f"p{i}@mail.example" for i in range(1, PEOPLE + 1)]
    assert {sender for sender, _ in inbox.envelopes} == {"incident@riverbendregional.example"}
    message = email.message_from_bytes(inbox.messages[0], policy=email.policy.strict)
    assert message["To"] == "p1@mail.example" and "Ana Ruiz1" in message.get_body(("plain",)).get_content()
    assert [(r[1], r[2]) for r in sent_rows(mailing)] == [(1, "250 accepted")] * PEOPLE
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0
    assert again.stdout == "sent 0 emails; 6 sent by an earlier run; 0 retries\n"
    assert len(inbox.messages) == PEOPLE


def test_a_server_that_drops_the_connection_mid_run_gets_each_message_once(mailing, smtp_server):
    inbox = Inbox(drop_at=(3, 5))
    controller = smtp_server(inbox)
    outcome = send(mailing, Server("127.0.0.1", controller.port, insecure_local=True), rate=1000, backoff=0.01)
    assert (outcome.sent, outcome.retries, outcome.refused) == (PEOPLE, 2, [])
    assert sorted(to for _, (to,) in inbox.envelopes) == [f"p{i}@mail.example" for i in range(1, PEOPLE + 1)]
    assert [r[3] for r in sent_rows(mailing)] == [1, 1, 2, 2, 1, 1]


def test_a_server_gone_for_good_leaves_the_rest_unsent_for_the_next_run(mailing, smtp_server):
    inbox = Inbox(drop_at=tuple(range(2, 100)))
    controller = smtp_server(inbox)
    outcome = send(mailing, Server("127.0.0.1", controller.port, insecure_local=True), rate=1000, retries=1,
                   backoff=0.01)
    assert outcome.sent == 1
    assert outcome.refused[0] == "RB-000002: connection lost (SMTPServerDisconnected)"
    assert [r[1] for r in sent_rows(mailing)] == [1, 0, 0, 0, 0, 0]
    inbox.drop_at = ()
    assert send(mailing, Server("127.0.0.1", controller.port, insecure_local=True), rate=1000).sent == PEOPLE - 1
    assert len(inbox.messages) == PEOPLE


def test_without_starttls_nothing_is_sent(mailing, smtp_server):
    inbox = Inbox()
    controller = smtp_server(inbox)
    result = CliRunner().invoke(main, ["send", str(mailing), "--host", "127.0.0.1", "--port", str(controller.port)])
    assert result.exit_code == 2
    assert result.stderr == (f"127.0.0.1:{controller.port}: the server does not offer STARTTLS; the emails carry "
                             "health information and are not sent in clear text (--insecure-local is only for a "
                             "server on this machine)\n")
    assert inbox.messages == []


def test_insecure_local_is_refused_for_a_remote_host(mailing):
    result = CliRunner().invoke(main, ["send", str(mailing), "--host", "smtp.example.com", "--insecure-local"])
    assert result.exit_code == 2
    assert result.stderr == ("--insecure-local: smtp.example.com is not this machine (127.0.0.1, ::1, localhost); "
                             "a remote server needs STARTTLS\n")


class Authenticator:
    def __init__(self):
        self.logins = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        self.logins.append((auth_data.login, auth_data.password))
        ok = auth_data.login == b"mailer" and auth_data.password == b"s3cret"
        return AuthResult(success=ok, handled=False)  # not handled: the server answers 535 itself


def test_starttls_with_a_login_from_the_environment(mailing, smtp_server, tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox, auth = Inbox(), Authenticator()
    controller = smtp_server(inbox, tls_context=context, require_starttls=True, authenticator=auth,
                             auth_require_tls=True)
    with pytest.raises(SendError, match=f"^127.0.0.1:{controller.port}: TLS failed"):
        send(mailing, Server("127.0.0.1", controller.port), environ={})  # the self-signed certificate is not trusted
    server = Server("127.0.0.1", controller.port, ca_file=str(cert), timeout=5)
    with pytest.raises(SendError, match=f"^127.0.0.1:{controller.port}: login refused \\(535\\)$"):
        send(mailing, server, environ={"NOTICEGEN_SMTP_USER": "mailer", "NOTICEGEN_SMTP_PASSWORD": "wrong"})
    outcome = send(mailing, server, rate=1000, environ={"NOTICEGEN_SMTP_USER": "mailer",
                                                        "NOTICEGEN_SMTP_PASSWORD": "s3cret"})
    assert outcome.sent == PEOPLE and auth.logins[-1] == (b"mailer", b"s3cret")
    assert inbox.messages and len(inbox.messages) == PEOPLE
