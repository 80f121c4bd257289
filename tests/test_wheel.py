"""The wheel carries templates/ and locales/, and its `noticegen` runs from a folder outside the repository."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    return next(out.glob("noticegen-*.whl"))


def test_wheel_ships_templates_and_locales(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    assert "noticegen/_data/templates/individual.md.j2" in names
    assert "noticegen/_data/templates/starter-facts.yaml" in names
    assert "noticegen/_data/locales/es_US/LC_MESSAGES/noticegen.po" in names


@pytest.mark.slow
def test_installed_wheel_runs_outside_the_repository(wheel: Path, tmp_path: Path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=600,
                   capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    exe = env_dir / "bin" / "noticegen"
    ok = subprocess.run([str(exe), "validate", str(SAMPLE)], cwd=work, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    starter = subprocess.run([str(exe), "init"], cwd=work, capture_output=True, text=True)
    assert starter.returncode == 0 and "reporting_party: covered_entity" in starter.stdout
    out = work / "out"
    made = subprocess.run([str(exe), "render", str(SAMPLE), "-o", str(out), "--locale", "es_US",
                           "--notice", "individual", "--format", "md", "--as-of", "2025-03-14", "--draft"],
                          cwd=work, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert "Qué sucedió" in (out / "es_US" / "individual.md").read_text(encoding="utf-8")
