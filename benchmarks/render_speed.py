"""How fast noticegen builds, checks and writes notices, as ratios against pandoc on the same text.

Run: .venv/bin/python benchmarks/render_speed.py [--repeat N]

Machines here are shared and noisy, so the script reports medians of several runs and, above all,
ratios measured in the same run: noticegen's DOCX and HTML writers against pandoc converting the very
same Markdown (pandoc's time includes its process start, which is what a user of pandoc pays too).
Peak memory comes from tracemalloc (Python allocations only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from noticegen.build import build  # noqa: E402
from noticegen.check import check  # noqa: E402
from noticegen.facts import load_facts  # noqa: E402
from noticegen.notice_set import notice_set  # noqa: E402
from noticegen.plan import plan  # noqa: E402
from noticegen.render import render  # noqa: E402
from noticegen.tidy import _tidy_inlines  # noqa: E402

SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
TODAY = dt.date(2026, 11, 26)


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    facts = load_facts(SAMPLE, today=TODAY)
    the_plan = plan(facts, as_of=TODAY)
    individual = next(o for o in the_plan.obligations if o.kind == "individual")
    built = build(facts, individual, locale="en_US", today=TODAY)
    notice = built.notice
    markdown = render(notice, "md")

    rows = []
    whole = median_seconds(lambda: notice_set(facts, the_plan, today=TODAY), args.repeat)
    count = len(notice_set(facts, the_plan, today=TODAY).outputs)
    rows.append(("whole Harbor Point set", f"{count} files", whole))
    rows.append(("build one letter (template -> model)", "", median_seconds(
        lambda: build(facts, individual, locale="en_US", today=TODAY), args.repeat)))
    rows.append(("check one letter", "", median_seconds(lambda: check(notice, facts), args.repeat)))
    ours = {}
    for fmt in ("md", "html", "txt", "docx"):
        # cold: the tidy cache is emptied first, as for the first format a notice is written in
        ours[fmt] = median_seconds(lambda fmt=fmt: (_tidy_inlines.cache_clear(), render(notice, fmt)), args.repeat)
        rows.append((f"write one letter as {fmt}", "cold", ours[fmt]))

    tracemalloc.start()
    notice_set(facts, the_plan, today=TODAY)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"{'measure':44} {'':10} {'median':>10}")
    for name, note, seconds in rows:
        print(f"{name:44} {note:10} {seconds * 1000:8.1f} ms")
    print(f"peak Python memory, whole set: {peak / 1024 / 1024:.1f} MiB")

    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("pandoc not installed: no peer ratio (apt-get install pandoc)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "letter.md"
        source.write_text(markdown, encoding="utf-8")
        for fmt, target in (("docx", "letter.docx"), ("html", "letter.html")):
            peer = median_seconds(lambda fmt=fmt, target=target: subprocess.run(
                [pandoc, "-f", "commonmark_x", "-t", fmt, "-s", "-o", str(Path(tmp) / target), str(source)],
                check=True, capture_output=True), args.repeat)
            print(f"{fmt}: pandoc {peer * 1000:.1f} ms, noticegen {ours[fmt] * 1000:.1f} ms "
                  f"-> noticegen takes {ours[fmt] / peer:.2f}x pandoc's time")


if __name__ == "__main__":
    main()
