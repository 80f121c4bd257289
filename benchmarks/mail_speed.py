"""Personalised letters and emails per second, side by side in one run, and the mailing's peak memory.

Run: .venv/bin/python benchmarks/mail_speed.py [--letters N] [--full]   (docxtpl: pip install -e '.[bench]')

The same one-page letter (Riverbend's individual letter, en_US, four fields) made three ways, in this
process, one after the other, so the ratios hold on a noisy shared machine:

* noticegen: ``LetterVariant.fill`` (the variant rendered once; per person the field runs substituted,
  the document part deflated, the zip assembled from parts deflated once);
* docxtpl: a template made from noticegen's own letter DOCX, its field runs replaced by ``{{ name }}``
  tags, rendered and saved per person as docxtpl's documentation shows;
* a bare loop: ``str.replace`` of the four markers in word/document.xml and ``zlib.compress`` of it, no
  zip at all: the floor any approach pays.

Then emails (``EmailVariant.fill``), and the whole ``noticegen mail`` command in a child process on
generated rosters of 10,000 and 100,000 rows (and 1,000,000 with --full): rows per second including the
files and the manifest, and the peak RSS of the mailing process (ru_maxrss of that process; the one-off
build of the variants runs in a child of its own and is reported apart).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from noticegen.facts import load_facts  # noqa: E402
from noticegen.mail.variants import build_variants  # noqa: E402
from noticegen.notice_set import notice_set  # noqa: E402
from noticegen.plan import plan  # noqa: E402

SAMPLE = ROOT / "samples" / "riverbend-ransomware-delay" / "breach.yaml"
AS_OF = dt.date(2026, 6, 1)
KEY = ("individual", "en_US", "letter")


def values(i: int) -> dict[str, str]:
    return {"recipient_name": f"Ana María Ruiz-{i}", "recipient_address_1": f"{i} Cedar St, Apt 4",
            "recipient_city_state_zip": "Cedar Falls, IA 50613", "enrollment_code": f"RB{i:08d}",
            "to": f"person{i}@mail.example"}


def rate(fn, n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        fn(i)
    return n / (time.perf_counter() - start)


def docxtpl_template(proof: bytes, path: Path) -> None:
    """noticegen's letter with each field run's «name» replaced by a {{ name }} tag."""
    with zipfile.ZipFile(io.BytesIO(proof)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = re.sub(r"«([a-z0-9_]+)»", r"{{ \1 }}", data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)


def roster(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "first_name", "last_name", "address_1", "city", "state", "zip", "email",
                      "email_consent", "enrollment_code"])
        for i in range(rows):
            email = i % 5 == 0
            out.writerow([f"RB-{i:08d}", "Ana", f"Ruiz{i}", f"{i} Cedar St", "Cedar Falls", "IA", "50613",
                          f"p{i}@mail.example" if email else "", "yes" if email else "", f"RB{i:08d}"])


_CHILD = """
import resource, sys, time
from noticegen.cli import main
start = time.perf_counter()
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print("BENCH", time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
"""


def mailing(rows: int, workdir: Path, workers: int) -> dict:
    csv_path = workdir / f"roster-{rows}.csv"
    roster(csv_path, rows)
    out = workdir / f"out-{rows}"
    args = ["mail", str(SAMPLE), "--roster", str(csv_path), "-o", str(out), "--as-of", AS_OF.isoformat(),
            "--workers", str(workers), "--locale", "en_US"]
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, cwd=ROOT)
    if not (out / "manifest.sqlite").exists():
        raise SystemExit(f"noticegen mail failed:\n{done.stderr[-2000:]}")
    line = next(x for x in done.stderr.splitlines() if x.startswith("BENCH"))
    _, seconds, self_kb, children_kb = line.split()
    shutil.rmtree(out)
    csv_path.unlink()
    return {"rows": rows, "seconds": round(float(seconds), 1), "rows_per_s": round(rows / float(seconds)),
            "peak_rss_mb": round(int(self_kb) / 1024, 1), "children_peak_rss_mb": round(int(children_kb) / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=2000, help="letters per way (docxtpl gets a twentieth)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds; medians are reported")
    parser.add_argument("--full", action="store_true", help="also mail 1,000,000 rows (about 15 GB of files)")
    parser.add_argument("--workers", type=int, default=1, help="workers for the whole-command runs")
    parser.add_argument("--no-rosters", action="store_true", help="skip the whole-command runs")
    args = parser.parse_args()

    facts = load_facts(SAMPLE, today=AS_OF)
    made = notice_set(facts, plan(facts, as_of=AS_OF), today=AS_OF, kinds=("individual",), locales=("en_US",),
                      formats=("docx", "eml"))
    variants = build_variants(facts, made.notices)
    letter = variants[KEY]
    email = variants[("individual", "en_US", "email")]
    n = args.letters
    report: dict = {}

    with zipfile.ZipFile(io.BytesIO(letter.proof)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    fields = re.findall(r"«([a-z0-9_]+)»", xml)

    def bare(i: int) -> bytes:
        v = values(i)
        text = xml
        for name in fields:
            text = text.replace(f"«{name}»", escape(v[name]), 1)
        return zlib.compress(text.encode("utf-8"))

    ways = {"noticegen_letters_per_s": (lambda i: letter.fill(values(i)), 1),
            "bare_loop_letters_per_s": (bare, 1),
            "noticegen_emails_per_s": (lambda i: email.fill(values(i), message_id=email.message_id("s", str(i))), 1)}
    tmp = tempfile.TemporaryDirectory()
    try:
        from docxtpl import DocxTemplate
    except ImportError:
        report["docxtpl_letters_per_s"] = None
    else:
        template = Path(tmp.name) / "letter.docx"
        docxtpl_template(letter.proof, template)

        def with_docxtpl(i: int) -> bytes:
            doc = DocxTemplate(template)
            doc.render(values(i))
            buffer = io.BytesIO()
            doc.save(buffer)
            return buffer.getvalue()
        with zipfile.ZipFile(io.BytesIO(with_docxtpl(7))) as package:
            assert "RB00000007" in package.read("word/document.xml").decode("utf-8")
        ways["docxtpl_letters_per_s"] = (with_docxtpl, 20)
    # interleaved rounds, medians: each way sees the same machine load
    rounds: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(args.rounds):
        for name, (fn, divisor) in ways.items():
            rounds[name].append(rate(fn, max(10, n // args.rounds // divisor)))
    for name, rates in rounds.items():
        report[name] = round(statistics.median(rates), 1)
    tmp.cleanup()

    if report["docxtpl_letters_per_s"]:
        report["x_docxtpl"] = round(report["noticegen_letters_per_s"] / report["docxtpl_letters_per_s"], 1)
    report["bare_loop_over_noticegen"] = round(report["bare_loop_letters_per_s"] / report["noticegen_letters_per_s"], 2)
    report["emails_over_letters"] = round(report["noticegen_emails_per_s"] / report["noticegen_letters_per_s"], 2)

    if not args.no_rosters:
        sizes = [10_000, 100_000] + ([1_000_000] if args.full else [])
        with tempfile.TemporaryDirectory() as tmp:
            report["mail_command"] = [mailing(rows, Path(tmp), args.workers) for rows in sizes]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
