"""The small zip writer: what it writes, zipfile reads back exactly (names, bytes, CRCs, fixed dates)."""

from __future__ import annotations

import io
import zipfile

from noticegen.mail.zipwrite import deflate, part, write_zip


def test_zipfile_reads_back_every_part():
    parts = [part("[Content_Types].xml", b"<Types/>"), part("word/document.xml", "é".encode() * 5000),
             part("empty", b"")]
    with zipfile.ZipFile(io.BytesIO(write_zip(parts))) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["[Content_Types].xml", "word/document.xml", "empty"]
        assert archive.read("word/document.xml") == "é".encode() * 5000
        assert archive.read("empty") == b""
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}


def test_the_same_parts_give_the_same_bytes():
    assert write_zip([part("a", b"x" * 100)]) == write_zip([part("a", b"x" * 100)])
    assert len(deflate(b"x" * 10000)) < 100


def test_names_must_be_ascii():
    import pytest

    with pytest.raises(ValueError, match="ASCII"):
        part("é", b"")
