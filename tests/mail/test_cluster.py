"""Roster partitions as tasks on a Dask LocalCluster with two workers: the same files and manifest as one run."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import person, write_roster

from noticegen.mail.cluster import run_on_dask
from noticegen.mail.run import run
from noticegen.roster import read_roster

pytest.importorskip("dask.distributed")

ROWS = 900


def files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p.parent != root)


def test_partitions_cover_every_row_once(tmp_path):
    roster = read_roster(write_roster(tmp_path / "r.csv", [person(i) for i in range(1, 101)]))
    parts = roster.partitions(7)
    assert len(parts) == 7
    rows = [p.row for part in parts for p in roster.recipients_in(part)]
    assert rows == [p.row for p in roster.recipients()] == list(range(2, 102))
    assert [part.first_line for part in parts[1:]] == [part.end_line for part in parts[:-1]]


@pytest.mark.slow
def test_a_local_cluster_writes_what_one_process_writes(tmp_path, riverbend):
    facts, _, variants = riverbend
    variants = {k: v for k, v in variants.items() if k[1] == "en_US"}
    rows = [person(i, **({"email": f"p{i}@m.example", "email_consent": "yes"} if i % 3 == 0 else {}))
            for i in range(1, ROWS + 1)]
    roster = read_roster(write_roster(tmp_path / "r.csv", rows))
    locales = tuple(facts.notices.locales)
    seen = []
    outcome = run_on_dask(roster, variants, tmp_path / "dask", locales=locales, address="local", partitions=4,
                          progress=seen.append)
    assert outcome.processed == ROWS and sum(seen) == ROWS and len(seen) == 4
    run(roster, variants, tmp_path / "one", locales=locales)
    assert files(tmp_path / "dask") == files(tmp_path / "one")
    assert not list((tmp_path / "dask").glob("manifest.part-*"))
    query = "SELECT id, row, route, variant, path, sha256, status FROM copies ORDER BY row"
    with sqlite3.connect(tmp_path / "dask" / "manifest.sqlite") as a, sqlite3.connect(tmp_path / "one" /
                                                                                     "manifest.sqlite") as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
    again = run_on_dask(roster, variants, tmp_path / "dask", locales=locales, address="local", partitions=4)
    assert (again.processed, again.reused) == (ROWS, ROWS)  # every partition complete: none submitted again
