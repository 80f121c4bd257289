"""The mailing run: route each roster row, fill its variant, write the copy atomically, record it in the manifest.

Resume. A copy is written to a temp file in its folder and renamed into place, and only then recorded
in the manifest; temp files left by a killed run are removed when the next run starts. Running the same
command again therefore skips every person the manifest records as written (when the file is there with
the recorded size) and makes the rest; a copy renamed but not yet recorded is simply made again, to the
same bytes (copies are deterministic: the email's Message-ID and MIME boundary derive from the person's
id and the variant). Result: one complete file per person and a manifest that matches the files.

Work. The roster streams through in chunks; with ``workers`` > 1 the chunks go to that many processes
(started fresh, so they hold only the variants, never the checker), at most two chunks per worker in
flight, so memory stays flat whatever the roster's size. The parent alone writes the manifest.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..roster import Recipient, Roster
from .manifest import FILE, Manifest
from .routes import route, unfilled_message, values_for, variant_name
from .variants import EmailVariant, Unfilled, fingerprint

CHUNK = 256
"""Roster rows per unit of work (and per manifest transaction)."""

_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


def safe_id(value: str) -> str:
    """The roster id as it appears in a file name: letters, digits, _ . - (others become _), at most 80."""
    return _SAFE.sub("_", value)[:80] or "row"


def copy_path(variant: tuple[str, str, str], person_id: str) -> str:
    """``<locale>/letters/<kind>-<id>.docx`` or ``<locale>/emails/<kind>-<id>.eml``, relative to the output folder."""
    kind, locale, channel = variant
    if channel == "email":
        return f"{locale}/emails/{kind}-{safe_id(person_id)}.eml"
    return f"{locale}/letters/{kind}-{safe_id(person_id)}.docx"


def folders(variants: dict) -> set[str]:
    return {copy_path(key, "x").rsplit("/", 1)[0] for key in variants}


@dataclass
class Outcome:
    """What a run did, in counts (no PHI); ``problems`` are the first failures' messages (row and column)."""

    processed: int = 0
    written: int = 0
    reused: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)


class Copier:
    """Makes and writes the copies of a list of recipients; the same in the parent and in a worker."""

    def __init__(self, variants: dict, root: str | Path, *, locales: tuple[str, ...], roster_path: str, salt: str):
        self.variants, self.root, self.locales = variants, Path(root), tuple(locales)
        self.roster_path, self.salt = roster_path, salt
        self.pid = os.getpid()

    def copies(self, people: list[Recipient]) -> list[tuple]:
        """Manifest rows (manifest.COLUMNS) for ``people``, each copy written before its row is returned."""
        rows = []
        for person in people:
            where = route(person, locales=self.locales)
            if where.variant is None:
                rows.append((person.id, person.row, where.route, None, None, None, None, "no_copy", None))
                continue
            name = variant_name(where.variant)
            variant = self.variants.get(where.variant)
            if variant is None:
                rows.append((person.id, person.row, where.route, name, None, None, None, "not_rendered",
                             f"no {name} notice was rendered (see --format, --locale)"))
                continue
            values = values_for(person, where.variant)
            try:
                if isinstance(variant, EmailVariant):
                    data = variant.fill(values, message_id=variant.message_id(self.salt, person.id))
                else:
                    data = variant.fill(values)
            except Unfilled as exc:
                problem = unfilled_message(self.roster_path, person.row, exc.fields, where.variant, where.route)
                rows.append((person.id, person.row, where.route, name, None, None, None, "failed", problem))
                continue
            except ValueError:  # an address the email header cannot hold (a non-ASCII local part needs SMTPUTF8)
                problem = (f"{self.roster_path}:{person.row}: email: cannot be written in an email header; "
                           "no email written for this row")
                rows.append((person.id, person.row, where.route, name, None, None, None, "failed", problem))
                continue
            path = copy_path(where.variant, person.id)
            self.write(path, data)
            rows.append((person.id, person.row, where.route, name, path, hashlib.sha256(data).hexdigest(), len(data),
                         "written", None))
        return rows

    def write(self, path: str, data: bytes) -> None:
        """Temp file (owner-only) in the same folder, then rename: the final name only ever holds a whole copy.

        No fsync per file: a killed process loses nothing the kernel already has, and a resume re-checks
        each recorded file's size (see README, "Mailing at scale").
        """
        final = self.root / path
        tmp = final.with_name(f".{final.name}.{self.pid}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, final)


_copier: Copier | None = None


def _init_worker(copier: Copier) -> None:
    global _copier
    copier.pid = os.getpid()
    _copier = copier


def _work(people: list[Recipient]) -> list[tuple]:
    return _copier.copies(people)


def _chunks(people: Iterable[Recipient], size: int) -> Iterator[list[Recipient]]:
    chunk: list[Recipient] = []
    for person in people:
        chunk.append(person)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def remove_temp_files(root: Path, variants: dict) -> int:
    """Delete the temp files a killed run left in the copies' folders; how many."""
    removed = 0
    for folder in folders(variants):
        try:
            entries = os.scandir(root / folder)
        except FileNotFoundError:
            continue
        with entries:
            for entry in entries:
                if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run(
    roster: Roster,
    variants: dict,
    root: str | Path,
    *,
    locales: tuple[str, ...],
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    people: Iterable[Recipient] | None = None,
    manifest_file: str = FILE,
    max_problems: int = 50,
    clean: bool = True,
) -> Outcome:
    """Write every person's copy into ``root`` with its manifest row; resume where a killed run stopped.

    ``people`` None means every row of ``roster`` (a partition passes its own rows). ``progress`` is
    called with the number of rows done after each chunk. ``clean`` False leaves temp files alone (a partition
    of a cluster run, whose siblings write into the same folders at the same time).
    """
    root = Path(root)
    for folder in folders(variants):
        (root / folder).mkdir(parents=True, exist_ok=True)
    outcome = Outcome()
    copier = Copier(variants, root, locales=locales, roster_path=str(roster.path), salt=roster.sha256)
    with Manifest(root / manifest_file) as manifest:
        manifest.claim(roster_sha256=roster.sha256, notices=fingerprint(variants))
        if clean:
            remove_temp_files(root, variants)

        def todo(chunk: list[Recipient]) -> list[Recipient]:
            done = manifest.written([p.id for p in chunk])
            keep = []
            for person in chunk:
                seen = done.get(person.id)
                if seen and _size(root / seen[0]) == seen[1]:
                    outcome.reused += 1
                else:
                    keep.append(person)
            return keep

        def finish(rows: list[tuple], count: int) -> None:
            manifest.record(rows)
            for row in rows:
                if row[7] == "written":
                    outcome.written += 1
                elif row[7] == "failed":
                    outcome.failed += 1
                    if len(outcome.problems) < max_problems:
                        outcome.problems.append(row[8])
            outcome.processed += count
            if progress:
                progress(count)

        chunks = _chunks(roster.recipients() if people is None else people, CHUNK)
        if workers <= 1:
            for chunk in chunks:
                finish(copier.copies(todo(chunk)), len(chunk))
            return outcome
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pending: deque = deque()
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_init_worker, initargs=(copier,)) as pool:
            for chunk in chunks:
                pending.append((pool.submit(_work, todo(chunk)), len(chunk)))
                while len(pending) >= 2 * workers:
                    future, count = pending.popleft()
                    finish(future.result(), count)
            while pending:
                future, count = pending.popleft()
                finish(future.result(), count)
    return outcome


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def tally(manifest: Manifest) -> tuple[Counter, Counter]:
    """(rows by route and status, copies written by variant) from the manifest."""
    by_route: Counter = Counter()
    by_variant: Counter = Counter()
    for (variant, route_, status), n in manifest.counts().items():
        by_route[(route_, status)] += n
        if status == "written":
            by_variant[variant] += n
    return by_route, by_variant
