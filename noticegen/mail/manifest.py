"""The manifest: one SQLite row per person (id, route, variant, output path, SHA-256, sent), the record of notice.

It lives in the output folder as ``manifest.sqlite``. SQLite (the standard library's sqlite3) rather than
JSONL because a run and a resume update rows in place (a copy written, later its email accepted by the
server) and look rows up by id, and because a transaction either lands whole or not at all: a run killed
mid-commit leaves the last committed state, never half a line. WAL journal mode lets ``send`` or an
auditor read while a run writes, and commits append to the log rather than rewriting pages; with
synchronous=NORMAL a commit survives the process being killed (a power cut may lose the last commits,
which a resume then redoes from the files). The manifest is the proof that notice was given (164.414(b))
and is kept six years (164.530(j)). It holds ids and paths, never names or addresses.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from ..errors import NoticegenError

FILE = "manifest.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS copies (
    id TEXT PRIMARY KEY,        -- the roster's id
    row INTEGER NOT NULL,       -- the roster line (1 = the header)
    route TEXT NOT NULL,        -- letter, email, next_of_kin, no_next_of_kin, unreachable
    variant TEXT,               -- kind.locale.channel, NULL when no copy is owed
    path TEXT,                  -- relative to the output folder
    sha256 TEXT,
    bytes INTEGER,
    status TEXT NOT NULL,       -- written, failed (problem says why), no_copy, not_rendered
    problem TEXT,               -- ROSTER:ROW: column: message; never a value
    sent_at TEXT,               -- when the SMTP server accepted the email (UTC, ISO 8601)
    smtp_reply TEXT,
    attempts INTEGER NOT NULL DEFAULT 0
);
"""

COLUMNS = ("id", "row", "route", "variant", "path", "sha256", "bytes", "status", "problem")

_UPSERT = (f"INSERT INTO copies ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
           "ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:]))


class ManifestMismatch(NoticegenError):
    """The output folder's manifest belongs to another roster or other notices."""


class Manifest:
    """An open manifest; ``record`` commits a batch of rows at once."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.path.chmod(0o600)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ the run it belongs to
    def claim(self, **identity: str) -> None:
        """Tie the manifest to this roster and these notices; ManifestMismatch if it holds another run's."""
        held = dict(self.db.execute("SELECT key, value FROM run"))
        for key, value in identity.items():
            if key in held and held[key] != value:
                raise ManifestMismatch(f"{self.path}: was written for a different {key.replace('_', ' ')}; "
                                       "write this run into a new output folder")
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR IGNORE INTO run (key, value) VALUES (?, ?)", identity.items())

    # ------------------------------------------------------------ copies
    def record(self, rows: list[tuple]) -> None:
        """Insert or update rows of COLUMNS in one transaction (sent_at and attempts are kept)."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(_UPSERT, rows)

    def written(self, ids: list[str]) -> dict[str, tuple[str, int]]:
        """{id: (path, bytes)} for those of ``ids`` whose copy the manifest records as written."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        query = f"SELECT id, path, bytes FROM copies WHERE status = 'written' AND id IN ({marks})"
        return {i: (p, n) for i, p, n in self.db.execute(query, ids)}

    def counts(self) -> Counter:
        """{(variant, route, status): n} over every row."""
        return Counter({(v, r, s): n for v, r, s, n in self.db.execute(
            "SELECT variant, route, status, COUNT(*) FROM copies GROUP BY variant, route, status")})

    def rows(self, *, status: str | None = None):
        """Every row as a dict of COLUMNS and sent_at, in roster order."""
        query = f"SELECT {', '.join(COLUMNS)}, sent_at FROM copies"
        args: tuple = ()
        if status:
            query += " WHERE status = ?"
            args = (status,)
        cursor = self.db.execute(query + " ORDER BY row", args)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values))

    def problems(self, limit: int) -> list[str]:
        return [p for (p,) in self.db.execute(
            "SELECT problem FROM copies WHERE status = 'failed' ORDER BY row LIMIT ?", (limit,))]

    # ------------------------------------------------------------ sending
    def unsent_emails(self):
        """(id, path) of written emails the server has not accepted yet, in roster order."""
        return list(self.db.execute("SELECT id, path FROM copies WHERE status = 'written' AND path LIKE '%.eml' "
                                    "AND sent_at IS NULL ORDER BY row"))

    def mark_sent(self, person_id: str, when: str, reply: str) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("UPDATE copies SET sent_at = ?, smtp_reply = ?, attempts = attempts + 1 WHERE id = ?",
                            (when, reply, person_id))

    def mark_attempt(self, person_id: str, reply: str) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("UPDATE copies SET smtp_reply = ?, attempts = attempts + 1 WHERE id = ?",
                            (reply, person_id))

    # ------------------------------------------------------------ partitions
    def absorb(self, other: str | Path) -> int:
        """Copy every row of another manifest (a partition's) into this one; the number of rows."""
        self.db.execute("ATTACH DATABASE ? AS part", (str(other),))
        try:
            self.db.execute("BEGIN")
            try:
                held = dict(self.db.execute("SELECT key, value FROM part.run"))
                mine = dict(self.db.execute("SELECT key, value FROM run"))
                for key, value in held.items():
                    if key in mine and mine[key] != value:
                        raise ManifestMismatch(f"{other}: was written for a different {key.replace('_', ' ')}")
                self.db.execute("INSERT OR IGNORE INTO run SELECT * FROM part.run")
                count = self.db.execute("INSERT OR REPLACE INTO copies SELECT * FROM part.copies").rowcount
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        finally:
            self.db.execute("DETACH DATABASE part")
        return count
