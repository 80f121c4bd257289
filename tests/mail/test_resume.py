"""Kill a real mailing run with SIGKILL at several points, run the same command again: one whole file per person."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import RIVERBEND, person, write_roster

ROWS = 1500


def command(roster, out, workers):
    return [sys.executable, "-m", "noticegen", "mail", str(RIVERBEND), "--roster", str(roster), "-o", str(out),
            "--as-of", "2026-06-01", "--workers", str(workers), "--locale", "en_US"]


def copies_on_disk(out):
    return [p for p in out.rglob("*") if p.is_file() and p.parent != out]


def kill_when(args, ready, timeout=60.0):
    """Start the run in its own process group; SIGKILL the group once ``ready()`` is true."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + timeout
    while not ready() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    finished = process.poll() is not None
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return finished


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_run_killed_at_any_point_finishes_with_one_complete_file_per_person(tmp_path, workers):
    rows = [person(i, **({"email": f"p{i}@mail.example", "email_consent": "yes"} if i % 4 == 0 else {}))
            for i in range(1, ROWS + 1)]
    roster = write_roster(tmp_path / "r.csv", rows)
    out = tmp_path / "out"
    args = command(roster, out, workers)
    # killed before any copy, then after the first copies, then part way through
    for threshold in (0, 1, ROWS // 3):
        finished = kill_when(args, lambda: (out / "manifest.sqlite").exists() and (
            threshold == 0 or len(copies_on_disk(out)) >= threshold))
        assert not finished, "the run finished before it could be killed; make the roster longer"
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    files = {str(p.relative_to(out)) for p in copies_on_disk(out)}
    assert not [f for f in files if f.endswith(".tmp")]
    expected = {f"en_US/{'emails' if i % 4 == 0 else 'letters'}/individual-RB-{i:06d}."
                f"{'eml' if i % 4 == 0 else 'docx'}" for i in range(1, ROWS + 1)}
    assert files == expected
    with sqlite3.connect(out / "manifest.sqlite") as db:
        recorded = db.execute("SELECT path, sha256, bytes FROM copies WHERE status = 'written'").fetchall()
        assert db.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM copies").fetchone() == (ROWS, ROWS)
    assert {path for path, _, _ in recorded} == expected
    for path, digest, size in recorded:
        data = (out / path).read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (digest, size)
    assert "copies already written by an earlier run, kept" in done.stdout
