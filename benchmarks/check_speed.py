"""How long `noticegen check` takes on a two-page notice, in-process and as a command.

Run: .venv/bin/python benchmarks/check_speed.py [--repeat N]

In-process: Harbor Point's two-page individual letter, rendered by noticegen as DOCX, HTML, Markdown and text
and as PDF where LibreOffice is present, is read back and checked N times, without and with the facts; so
is the longest fixture of the checker's development set. The issue's goal is a check within 200 ms in-process.
The script prints the median and the slowest run of read+check and of check alone, and how the check's
median compares with reading the same file (a ratio, since this machine is shared and noisy).

As a command: the wall time of `noticegen check FILE --facts FACTS` (median of 5), next to
`noticegen --version`, which pays for Python and the imports alone.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from noticegen.build import build  # noqa: E402
from noticegen.check import check  # noqa: E402
from noticegen.facts import load_facts  # noqa: E402
from noticegen.plan import plan  # noqa: E402
from noticegen.readers import read_path  # noqa: E402
from noticegen.render import render  # noqa: E402

SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
TODAY = dt.date(2025, 3, 14)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _letter_files(folder: Path) -> list[Path]:
    facts = load_facts(SAMPLE, today=TODAY)
    obligation = next(o for o in plan(facts, as_of=TODAY).obligations if o.kind == "individual")
    notice = build(facts, obligation, locale="en_US").notice
    files = []
    for fmt in ("docx", "html", "md", "txt"):
        path = folder / f"individual.{fmt}"
        content = render(notice, fmt)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        files.append(path)
    if shutil.which("soffice"):
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(files[0])],
                       check=True, capture_output=True, timeout=180)
        files.append(folder / "individual.pdf")
    return files


def _time(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    facts = load_facts(SAMPLE, today=TODAY)
    devset = max((ROOT / "tests" / "checker_devset" / "dev").glob("*.txt"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        files = _letter_files(Path(tmp)) + [devset]
        print(f"in-process, {args.repeat} runs each (median / slowest):")
        for path in files:
            with_facts = path.parent != devset.parent
            notice = read_path(path, kind="individual")
            read = _time(lambda: read_path(path, kind="individual"), args.repeat)
            alone = _time(lambda: check(notice, kind="individual"), args.repeat)
            sharp = _time(lambda: check(notice, facts, kind="individual"), args.repeat) if with_facts else None
            line = (f"  {path.name:32} read {_ms(statistics.median(read))}  check {_ms(statistics.median(alone))}"
                    f" / {_ms(max(alone))}")
            if sharp:
                line += f"  with facts {_ms(statistics.median(sharp))}"
            line += f"  check/read {statistics.median(alone) / statistics.median(read):5.2f}x"
            print(line)
        exe = str(Path(sys.executable).with_name("noticegen"))
        command = _time(lambda: subprocess.run([exe, "check", str(files[0]), "--facts", str(SAMPLE)],
                                               capture_output=True), 5)
        startup = _time(lambda: subprocess.run([exe, "--version"], capture_output=True), 5)
        print(f"as a command: check {files[0].name} --facts {_ms(statistics.median(command))}, "
              f"noticegen --version {_ms(statistics.median(startup))} "
              f"({statistics.median(command) / statistics.median(startup):.2f}x)")


if __name__ == "__main__":
    main()
