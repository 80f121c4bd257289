"""The command line: exact messages and exit codes (0 ok, 1 check failed, 2 bad input)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from noticegen.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_validate_ok_names_entity_and_count():
    result = run("validate", str(SAMPLE))
    assert result.exit_code == 0
    assert result.output == f"{SAMPLE}: ok (Harbor Point Imaging Center, 21,778 affected)\n"


def test_validate_lists_every_problem_with_file_and_line(tmp_path: Path):
    text = SAMPLE.read_text().replace("discovered_on: 2025-02-03", "discoverd_on: 2025-02-03").replace(
        "kind: healthcare_provider", "kind: provider")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    result = run("validate", str(bad))
    assert result.exit_code == 2
    lines = result.stderr.splitlines() if hasattr(result, "stderr") else result.output.splitlines()
    assert f"{bad}:6: covered_entity.kind: 'provider' is not one of: health_plan, healthcare_clearinghouse, " \
           "healthcare_provider (did you mean 'healthcare_provider'?)" in lines
    assert f"{bad}:14: breach.discoverd_on: unknown field (did you mean 'discovered_on'?); remove it or fix " \
           "its spelling" in lines


def test_validate_missing_file_is_exit_2(tmp_path: Path):
    result = run("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert result.output.strip() == f"{tmp_path / 'nope.yaml'}: no such file"


def test_schema_is_json_schema_of_the_facts():
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "noticegen breach facts"
    assert "discovered_on" in json.dumps(schema)


def test_init_writes_a_starter_that_validates_once_filled_in(tmp_path: Path):
    path = tmp_path / "facts.yaml"
    assert run("init", str(path)).exit_code == 0
    starter = path.read_text()
    assert run("validate", str(path)).exit_code == 2  # placeholders still in it
    fill = {
        "<covered entity name>": "Lakeside Family Clinic", "<street>": "40 Shore Road", "<city>": "Madison",
        "<state code, e.g. CA>": "WI", "<ZIP>": "53703", "<https://www.example.org>": "https://lakeside.example",
        "<privacy officer>": "Ana Ruiz", "<phone>": "608-555-0100", "<email>": "privacy@lakeside.example",
        "<YYYY-MM-DD>": "2025-05-01", "<In plain words: what happened, and how.>": "A laptop was stolen.",
        "<What you are doing to find out what happened.>": "We are working with the police.",
        "<What you did to stop it and to limit harm to people.>": "We disabled the laptop's accounts.",
        "<What you changed so it does not happen again.>": "We now encrypt every laptop.",
        "<A step people can take to protect themselves.>": "Review your insurer's statements.",
        "<1-8xx-xxx-xxxx>": "1-833-555-0147",
        "<Monday through Friday, 9 a.m. to 5 p.m. Eastern Time>": "Weekdays, 9 to 5 Central Time",
    }
    for placeholder, value in fill.items():
        starter = starter.replace(placeholder, value)
    assert not re.search(r"\"<[^>]+>\"|^\s+- <", starter, re.M)
    path.write_text(starter)
    result = run("validate", str(path))
    assert result.exit_code == 0, result.output


def test_init_refuses_to_overwrite(tmp_path: Path):
    path = tmp_path / "facts.yaml"
    path.write_text("x")
    result = run("init", str(path))
    assert result.exit_code == 2
    assert result.output == f"{path}: already exists; pass --force to overwrite it\n"


def test_python_dash_m_runs_the_same_cli():
    proc = subprocess.run([sys.executable, "-m", "noticegen", "validate", str(SAMPLE)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert proc.stdout.startswith(f"{SAMPLE}: ok")


def test_json_facts_validate_like_yaml(tmp_path: Path):
    data = yaml.safe_load(SAMPLE.read_text())
    path = tmp_path / "breach.json"
    path.write_text(json.dumps(data, default=str, indent=2))
    assert run("validate", str(path)).exit_code == 0


def test_plan_json_has_the_documented_shape():
    result = run("plan", str(SAMPLE), "--as-of", "2025-03-01", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["breach"] is True and data["discovered_on"] == "2025-02-03"
    first = data["obligations"][0]
    assert {k: first[k] for k in ("kind", "jurisdiction", "required", "channels", "count", "deadline",
                                   "hold_until", "status", "citation")} == {
        "kind": "individual", "jurisdiction": None, "required": True, "channels": ["first_class_mail", "email"],
        "count": 21778, "deadline": "2025-04-04", "hold_until": None, "status": "due",
        "citation": "45 CFR 164.404(b), (d)(1)"}


def test_plan_table_marks_overdue_obligations():
    result = run("plan", str(SAMPLE), "--as-of", "2025-04-10")
    assert result.exit_code == 0
    assert "OVERDUE by 6 days" in result.output


def test_plan_rejects_a_bad_as_of_date():
    result = run("plan", str(SAMPLE), "--as-of", "04/10/2025")
    assert result.exit_code == 2
    assert result.output == "--as-of: '04/10/2025' is not a date; write it as YYYY-MM-DD\n"


def test_hhs_csv_starts_with_its_header():
    result = run("hhs", str(SAMPLE), "--format", "csv", "--as-of", "2025-03-01")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "screen,label,value,required,confidence,note"
    assert "Harbor Point Imaging Center" in result.output
