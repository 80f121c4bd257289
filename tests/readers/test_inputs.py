"""Inputs people actually have: .eml messages, Windows and UTF-16 and cp1252 text, each read into the same Notice as its UTF-8 twin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from notice_factory import sample_notice
from noticegen.errors import ReadError
from noticegen.model import Paragraph, Text
from noticegen.readers import read_path
from noticegen.readers.source import decode_text
from noticegen.render import render
from noticegen.tidy import tidy_notice

LETTER = ("WHAT HAPPENED\r\n\r\nOn January 6, 2025, we learned that someone opened our patient\u2019s "
          "records.\r\n\r\nWhat You Can Do\r\n\r\n\u2022 Review your statements.\r\n")


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_text_in_any_common_encoding_and_windows_line_endings_reads_like_utf8(tmp_path, encoding):
    expected = read_path(_file(tmp_path, "plain.txt", LETTER.replace("\r\n", "\n").encode("utf-8")))
    notice = read_path(_file(tmp_path, "notice.txt", LETTER.encode(encoding)))
    assert notice == expected
    assert notice.sections[0].blocks[1] == Paragraph((Text(
        "On January 6, 2025, we learned that someone opened our patient\u2019s records."),))


def test_cp1252_curly_apostrophe_and_latin1_accents_come_out_right():
    assert decode_text("patient\u2019s caf\u00e9 \u2014 se\u00f1or".encode("cp1252")) == "patient\u2019s caf\u00e9 \u2014 se\u00f1or"
    assert decode_text(b"undefined \x81 byte") == "undefined \x81 byte"  # cp1252 leaves 0x81 undefined: Latin-1


def test_our_own_email_reads_back_with_subject_date_and_sections(tmp_path):
    notice = tidy_notice(sample_notice())
    raw = render(notice, "eml", from_addr="privacy@example.org", from_name="Harbor Point", reply_to=None)
    back = read_path(_file(tmp_path, "notice.eml", raw.encode("utf-8") if isinstance(raw, str) else raw))
    assert [s.element for s in back.sections] == [s.element for s in notice.sections]
    assert back.meta.channel == "email" and back.meta.subject


EML = b"""From: Harbor Point Imaging <privacy@example.org>
To: jane@example.com
Subject: =?utf-8?q?Notice_of_a_data_incident_=E2=80=94_Harbor_Point?=
Date: Fri, 14 Mar 2025 12:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

WHAT HAPPENED

On January 6, 2025 we learned of it =E2=80=94 the plain part.
--b1
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

PGh0bWw+PGJvZHk+PGgyPldoYXQgSGFwcGVuZWQ8L2gyPjxwPk9uIEphbnVhcnkgNiwgMjAyNSB3ZSBsZWFybmVkIG9mIGl0LjwvcD48L2JvZHk+PC9odG1sPg==
--b1--
"""


def test_an_email_prefers_its_html_part_and_takes_subject_and_date(tmp_path):
    notice = read_path(_file(tmp_path, "notice.eml", EML))
    assert notice.meta.subject == "Notice of a data incident \u2014 Harbor Point"
    assert (notice.meta.issued, notice.meta.date, notice.meta.channel) == (dt.date(2025, 3, 14), "March 14, 2025",
                                                                           "email")
    assert notice.sections[-1].element == "what_happened"
    assert notice.sections[-1].blocks[1] == Paragraph((Text("On January 6, 2025 we learned of it."),))


def test_a_plain_text_email_decodes_quoted_printable(tmp_path):
    head, _, rest = EML.partition(b"--b1\n")
    plain = rest.split(b"--b1")[0]
    data = head.replace(b'multipart/alternative; boundary="b1"', b"text/plain; charset=utf-8").split(
        b"Content-Type")[0] + plain
    notice = read_path(_file(tmp_path, "notice.eml", data))
    assert notice.sections[-1].element == "what_happened"
    assert notice.sections[-1].blocks[1] == Paragraph((Text("On January 6, 2025 we learned of it \u2014 the plain "
                                                            "part."),))


def test_a_file_that_is_not_an_email_is_refused_by_name(tmp_path):
    path = _file(tmp_path, "notice.eml", b"Dear patient,\n\nWe are writing to you.\n")
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert str(info.value) == (f"{path}: the file is not an email message (it does not start with headers such "
                               f"as From:, Subject: or Date:)")


def test_utf16_saved_without_a_byte_order_mark_is_recognised_by_its_nul_bytes():
    assert decode_text("What happened: we learned of it.\r\n".encode("utf-16-le")) == "What happened: we learned of it.\r\n"
    assert decode_text("What happened: we learned of it.\r\n".encode("utf-16-be")) == "What happened: we learned of it.\r\n"


def test_a_few_stray_control_characters_in_text_are_not_binary():
    assert decode_text(b"Dear patient,\x0b\r\nWe are writing to you.\x1a") == "Dear patient,\x0b\r\nWe are writing to you.\x1a"
