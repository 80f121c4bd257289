"""Output files carry PHI: written atomically, owner-only, and a failed write leaves nothing behind."""

from __future__ import annotations

import os
import stat

import pytest

from noticegen.files import write_atomic


def test_written_file_is_owner_only_and_complete(tmp_path):
    path = write_atomic(tmp_path / "a" / "letter.md", "text")
    assert path.read_text() == "text"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failed_write_leaves_neither_file_nor_temp_file(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "letter.docx", b"bytes")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_whole(tmp_path):
    path = tmp_path / "letter.md"
    path.write_text("old and longer text")
    write_atomic(path, "new")
    assert path.read_text() == "new"
