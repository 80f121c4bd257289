"""Roster partitions as Dask tasks: each writes its copies and a manifest of its own, merged at the end.

``run_on_dask`` cuts the roster into byte ranges at line ends (Roster.partitions), scatters the variants
once, and submits one task per partition to a Dask scheduler (``address`` host:port) or to a
LocalCluster (``address`` "local"). A task is ``run.run`` over its rows with its own manifest,
``manifest.part-NNNN.sqlite`` in the output folder, so tasks never contend for one database; when all are
done the parts are merged into ``manifest.sqlite`` and removed. The output folder must be one that every
worker sees at the same path (a shared file system), and so must the roster.

Resume: a killed cluster run resumes like a local one. Each partition resumes from its own part manifest;
a partition whose rows the merged manifest already holds (all of them) is not submitted again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..roster import Partition, Roster
from .manifest import FILE, Manifest
from .run import Outcome, folders, remove_temp_files, run
from .variants import fingerprint

ROWS_PER_PARTITION = 50_000
"""About this many rows per task: large enough that a task's start-up is noise, small enough to spread."""


def part_file(index: int) -> str:
    return f"manifest.part-{index:04d}.sqlite"


def _task(roster: Roster, part: Partition, variants: dict, root: str, locales: tuple[str, ...]) -> tuple[int, int]:
    outcome = run(roster, variants, root, locales=locales, people=roster.recipients_in(part),
                  manifest_file=part_file(part.index), clean=False)
    return part.index, outcome.processed


def run_on_dask(roster: Roster, variants: dict, root: str | Path, *, locales: tuple[str, ...], address: str,
                progress: Callable[[int], None] | None = None, partitions: int | None = None,
                rows_per_partition: int = ROWS_PER_PARTITION) -> Outcome:
    """Write every person's copy with Dask; the merged manifest is ``root/manifest.sqlite``."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        from ..errors import NoticegenError

        raise NoticegenError("--dask needs Dask: pip install 'noticegen[cluster]'") from None
    root = Path(root).resolve()
    root.mkdir(parents=True, exist_ok=True)
    count = partitions or max(1, -(-roster.count // rows_per_partition))
    parts = roster.partitions(count)
    with Manifest(root / FILE) as manifest:
        manifest.claim(roster_sha256=roster.sha256, notices=fingerprint(variants))
        todo = [p for p in parts if not _complete(manifest, roster, p)]
    for folder in folders(variants):  # once, before any task writes: tasks share the folders
        (root / folder).mkdir(parents=True, exist_ok=True)
    remove_temp_files(root, variants)
    skipped = sum(_rows(roster, p) for p in parts if p not in todo)
    if progress and skipped:
        progress(skipped)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False) if address == "local" else None
    outcome = Outcome(processed=skipped, reused=skipped)
    try:
        with Client(cluster if cluster is not None else address) as client:
            shared = client.scatter(variants, broadcast=True)
            futures = [client.submit(_task, roster, p, shared, str(root), tuple(locales), key=f"noticegen-mail-{p.index}",
                                     pure=False) for p in todo]
            for future in as_completed(futures):
                _, processed = future.result()
                outcome.processed += processed
                if progress:
                    progress(processed)
    finally:
        if cluster is not None:
            cluster.close()
    merge_parts(root)
    return outcome


def merge_parts(root: Path) -> int:
    """Merge every ``manifest.part-*.sqlite`` into the manifest and remove it; the rows merged."""
    merged = 0
    with Manifest(root / FILE) as manifest:
        for part in sorted(root.glob("manifest.part-*.sqlite")):
            merged += manifest.absorb(part)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{part}{suffix}").unlink(missing_ok=True)
    return merged


def _rows(roster: Roster, part: Partition) -> int:
    return sum(1 for _ in roster.recipients_in(part))


def _complete(manifest: Manifest, roster: Roster, part: Partition) -> bool:
    """The merged manifest holds a row for every roster row of ``part`` (rows are line numbers)."""
    held = manifest.db.execute("SELECT COUNT(*) FROM copies WHERE row >= ? AND row < ?",
                               (part.first_line, part.end_line)).fetchone()[0]
    return held > 0 and held == _rows(roster, part)
