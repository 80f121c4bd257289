"""How well `noticegen check` finds the required elements in notices it did not write.

Run: .venv/bin/python benchmarks/checker_devset.py [--set dev|dev2|dev3|holdout|all] [--json] [--show-misses]

Each fixture in tests/checker_devset/<set>/ is a paraphrase of a real published HIPAA breach notice (web
posting, substitute notice, press release, letter, FAQ, business-associate incident) that keeps its
layout, date style and element pattern; annotations.yaml beside it says, per element, whether the notice
gives it (present), gives part of it (partial) or not at all (absent), judged by 45 CFR 164.404(c)(1) and,
for substitute notices, 164.404(d)(2)(ii)(B). See tests/checker_devset/README.md.

Each fixture is read with noticegen.readers.read_path(path, kind=kind) and checked with
noticegen.check.check(notice, kind=kind), without facts. A status of "present" counts as found; any other
status (missing, incomplete, ...) counts as flagged. Per element the script prints:
  - recall: found present / annotated present (the issue's goal: >= 90%);
  - flagged: not present / annotated partial or absent (the goal: >= 85%);
and the same totals, the breach and discovery dates the report gives for what_happened (when the report
carries `dates`; skipped otherwise), crashes (a fixture whose reading or checking raises; listed with its
file) and the median and max wall time of one check() call in milliseconds (reading excluded; the first
call of the run is also shown, since it pays for anything loaded lazily).

It measures and always exits 0; thresholds are asserted by the tests, not here. The holdout set is scored
but not for tuning: do not read it while working on the finder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
import traceback
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from noticegen.check import check  # noqa: E402
from noticegen.readers import read_path  # noqa: E402

DEVSET = ROOT / "tests" / "checker_devset"
SETS = ("dev", "dev2", "dev3", "holdout")
ELEMENTS = ("what_happened", "phi_involved", "individual_steps", "entity_actions", "contact", "toll_free")
ROLES = ("breach", "discovery")


def load_annotations(set_name: str) -> list[dict]:
    path = DEVSET / set_name / "annotations.yaml"
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries:
        entry["_path"] = DEVSET / set_name / entry["file"]
        entry["_set"] = set_name
    return entries


def _date_str(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):  # a month ("2011-12") is annotated as its first day
        text += "-01"
    elif re.fullmatch(r"\d{4}", text):
        text += "-01-01"
    return text[:10] if text else None


def score_fixture(entry: dict) -> dict:
    """Check one fixture; returns its statuses, dates found and timing, or the crash."""
    path, kind = entry["_path"], entry["kind"]
    result = {"file": f"{entry['_set']}/{entry['file']}", "kind": kind, "layout": entry.get("layout"),
              "language": entry.get("language"), "expected": entry.get("expected", {}),
              "dates_expected": entry.get("dates") or {}}
    try:
        notice = read_path(path, kind=kind)
        start = time.perf_counter()
        report = check(notice, kind=kind)
        result["ms"] = (time.perf_counter() - start) * 1000
        data = report.to_json()
    except BaseException as exc:  # a crash is a finding, not a reason to stop  # noqa: BLE001
        if isinstance(exc, KeyboardInterrupt):
            raise
        result["crash"] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        result["traceback"] = traceback.format_exc(limit=4)
        return result
    statuses, dates = {}, None
    for element in data.get("elements", []):
        statuses[element["element"]] = element.get("status")
        if element["element"] == "what_happened" and isinstance(element.get("dates"), dict):
            dates = {role: _date_str(element["dates"].get(role)) for role in ROLES}
    result["statuses"] = statuses
    result["dates_found"] = dates
    return result


def summarise(results: list[dict]) -> dict:
    per = {e: {"present": 0, "found": 0, "not_present": 0, "flagged": 0} for e in ELEMENTS}
    misses: list[dict] = []
    crashes = [{"file": r["file"], "error": r["crash"]} for r in results if "crash" in r]
    dates = {role: {"annotated": 0, "found": 0, "wrong": 0, "spurious": 0} for role in ROLES}
    dates_reported = 0
    times = [r["ms"] for r in results if "ms" in r]
    for r in results:
        if "crash" in r:
            continue
        for element, expected in r["expected"].items():
            if element not in per:
                continue
            status = r["statuses"].get(element)  # None: the report does not carry the element at all
            found_present = status == "present"
            if expected == "present":
                per[element]["present"] += 1
                per[element]["found"] += found_present
                if not found_present:
                    misses.append({"file": r["file"], "element": element, "expected": "present",
                                   "got": status or "not reported", "layout": r["layout"]})
            else:
                per[element]["not_present"] += 1
                per[element]["flagged"] += not found_present
                if found_present:
                    misses.append({"file": r["file"], "element": element, "expected": expected,
                                   "got": status, "layout": r["layout"]})
        if r["dates_found"] is not None:
            dates_reported += 1
            for role in ROLES:
                want = _date_str(r["dates_expected"].get(role))
                got = r["dates_found"].get(role)
                if want:
                    dates[role]["annotated"] += 1
                    if got == want:
                        dates[role]["found"] += 1
                    else:
                        dates[role]["wrong"] += 1
                        misses.append({"file": r["file"], "element": f"date:{role}", "expected": want,
                                       "got": got or "none", "layout": r["layout"]})
                elif got:
                    dates[role]["spurious"] += 1
                    misses.append({"file": r["file"], "element": f"date:{role}", "expected": "none",
                                   "got": got, "layout": r["layout"]})
    tot_present = sum(p["present"] for p in per.values())
    tot_found = sum(p["found"] for p in per.values())
    tot_np = sum(p["not_present"] for p in per.values())
    tot_flagged = sum(p["flagged"] for p in per.values())

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "fixtures": len(results),
        "crashes": crashes,
        "elements": {e: {**p, "recall": ratio(p["found"], p["present"]),
                         "flagged_share": ratio(p["flagged"], p["not_present"])} for e, p in per.items()},
        "total": {"present": tot_present, "found": tot_found, "recall": ratio(tot_found, tot_present),
                  "not_present": tot_np, "flagged": tot_flagged, "flagged_share": ratio(tot_flagged, tot_np)},
        "dates": {"fixtures_reporting_dates": dates_reported,
                  **{role: {**d, "share": ratio(d["found"], d["annotated"])} for role, d in dates.items()}}
        if dates_reported else None,
        "check_ms": {"median": round(statistics.median(times), 1), "max": round(max(times), 1),
                     "first": round(times[0], 1)} if times else None,
        "misses": misses,
    }


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{value * 100:5.1f}%"


def print_summary(name: str, summary: dict, show_misses: bool) -> None:
    print(f"== {name}: {summary['fixtures']} fixtures, {len(summary['crashes'])} crash(es)")
    print(f"  {'element':<18} {'recall (found/present)':>24}   {'flagged (flagged/partial+absent)':>34}")
    rows = list(summary["elements"].items()) + [("TOTAL", summary["total"])]
    for element, p in rows:
        recall = f"{_pct(p['recall'])} ({p['found']}/{p['present']})"
        flagged = f"{_pct(p['flagged_share'])} ({p['flagged']}/{p['not_present']})"
        print(f"  {element:<18} {recall:>24}   {flagged:>34}")
    dates = summary["dates"]
    if dates is None:
        print("  dates: the report gives no dates for what_happened (skipped)")
    else:
        for role in ROLES:
            d = dates[role]
            print(f"  date of {role:<9} right {d['found']}/{d['annotated']} ({_pct(d['share']).strip()}), "
                  f"wrong or missing {d['wrong']}, given where the notice has none {d['spurious']}")
    if summary["check_ms"]:
        ms = summary["check_ms"]
        print(f"  check() wall time: median {ms['median']} ms, max {ms['max']} ms (first call, cold: {ms['first']} ms)")
    for crash in summary["crashes"]:
        print(f"  CRASH {crash['file']}: {crash['error']}")
    if show_misses:
        for miss in summary["misses"]:
            print(f"  miss {miss['file']}: {miss['element']} expected {miss['expected']}, got {miss['got']}"
                  f"  [{miss['layout']}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="all", dest="which")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-misses", action="store_true", help="list each miss with its file and element")
    args = parser.parse_args(argv)
    names = SETS if args.which == "all" else (args.which,)
    out: dict = {}
    all_results: list[dict] = []
    for name in names:
        results = [score_fixture(entry) for entry in load_annotations(name)]
        all_results += results
        out[name] = summarise(results)
    if len(names) > 1:
        out["all"] = summarise(all_results)
    if args.json:
        if not args.show_misses:
            for summary in out.values():
                summary.pop("misses", None)
        print(json.dumps(out, indent=2))
    else:
        for name, summary in out.items():
            print_summary(name, summary, args.show_misses)
    return 0


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
    except Exception:  # noqa: BLE001 - it measures; never fail the caller
        traceback.print_exc()
    sys.exit(0)
