"""The mailing run: one file per person, a manifest row per person, unfilled fields as that person's error."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import stat

from click.testing import CliRunner
from conftest import RIVERBEND, person, write_roster

from noticegen.cli import main
from noticegen.mail.manifest import Manifest
from noticegen.mail.run import copy_path, run
from noticegen.roster import read_roster


def files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p.parent != root)


def test_a_row_without_the_enrollment_code_gets_no_letter_and_is_reported_by_row_and_column(tmp_path):
    roster = write_roster(tmp_path / "r.csv", [person(1), person(2, enrollment_code=""), person(3),
                                               person(4, enrollment_code="", email="a@b.example", email_consent="yes")])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["mail", str(RIVERBEND), "--roster", str(roster), "-o", str(out),
                                                       "--as-of", "2026-06-01", "--workers", "1", "--locale", "en_US"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-3:] == [
        f"{roster}:3: enrollment_code: is blank, but the letter uses it (field «enrollment_code»); "
        "no letter written for this row",
        f"{roster}:5: enrollment_code: is blank, but the email uses it (field «enrollment_code»); "
        "no email written for this row",
        "2 people got no copy: a field their notice uses is blank in the roster; fill those cells and run the "
        "same command again",
    ]
    assert files(out) == ["en_US/letters/individual-RB-000001.docx", "en_US/letters/individual-RB-000003.docx"]
    assert "roster: 2 letters by first-class mail" in result.stdout
    assert "EC" not in result.stdout + result.stderr and "Ruiz" not in result.stdout + result.stderr
    with sqlite3.connect(out / "manifest.sqlite") as db:
        assert db.execute("SELECT id, status FROM copies ORDER BY row").fetchall() == [
            ("RB-000001", "written"), ("RB-000002", "failed"), ("RB-000003", "written"), ("RB-000004", "failed")]


def test_every_copy_is_in_the_manifest_with_its_hash_and_owner_only(tmp_path, riverbend):
    facts, _, variants = riverbend
    rows = [person(i) for i in range(1, 40)] + [person(40, deceased="yes"), person(41, address_1="", city="")]
    roster = read_roster(write_roster(tmp_path / "r.csv", rows))
    out = tmp_path / "out"
    outcome = run(roster, variants, out, locales=tuple(facts.notices.locales), workers=1)
    assert (outcome.processed, outcome.written, outcome.failed, outcome.reused) == (41, 39, 0, 0)
    with Manifest(out / "manifest.sqlite") as manifest:
        copies = list(manifest.rows())
    assert [(c["id"], c["route"], c["status"]) for c in copies[-2:]] == [
        ("RB-000040", "no_next_of_kin", "no_copy"), ("RB-000041", "unreachable", "no_copy")]
    written = [c for c in copies if c["status"] == "written"]
    assert sorted(c["path"] for c in written) == files(out)
    for c in written:
        data = (out / c["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == c["sha256"] and len(data) == c["bytes"]
        assert stat.S_IMODE((out / c["path"]).stat().st_mode) == 0o600
    assert written[0]["variant"] == "individual.en_US.letter"
    assert copy_path(("individual", "es_US", "email"), "A/1 ../x") == "es_US/emails/individual-A_1_.._x.eml"


def test_two_workers_write_what_one_writes(tmp_path, riverbend):
    facts, _, variants = riverbend
    roster = read_roster(write_roster(tmp_path / "r.csv", [person(i) for i in range(1, 700)]))
    run(roster, variants, tmp_path / "one", locales=tuple(facts.notices.locales), workers=1)
    run(roster, variants, tmp_path / "two", locales=tuple(facts.notices.locales), workers=2)
    assert files(tmp_path / "one") == files(tmp_path / "two")
    for name in files(tmp_path / "one"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_progress_is_plain_counts_when_not_a_terminal(tmp_path):
    roster = write_roster(tmp_path / "r.csv", [person(i) for i in range(1, 601)])
    result = CliRunner().invoke(main, ["mail", str(RIVERBEND), "--roster", str(roster), "-o", str(tmp_path / "o"),
                                       "--as-of", "2026-06-01", "--locale", "en_US", "--workers", "1"])
    assert result.exit_code == 0, result.output
    counts = [line for line in result.stderr.splitlines() if line.startswith("copies:")]
    assert counts == ["copies: 256 of 600 rows", "copies: 512 of 600 rows", "copies: 600 of 600 rows"]


def test_progress_is_a_bar_on_a_terminal(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    roster = write_roster(tmp_path / "r.csv", [person(i) for i in range(1, 21)])
    leader, follower = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "noticegen", "mail", str(RIVERBEND), "--roster", str(roster), "-o",
                           str(tmp_path / "o"), "--as-of", "2026-06-01", "--locale", "en_US"],
                          stdout=subprocess.PIPE, stderr=follower, timeout=120)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0
    assert re.search(rb"copies: 100%\|[^|]*\| 20\.0/20\.0", shown), shown[-300:]
