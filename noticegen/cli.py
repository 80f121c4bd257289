"""The click command group; the only module that prints or exits.

Exit codes: 0 ok, 1 a check found missing elements, 2 bad input or usage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import facts as facts_mod
from .errors import NoticegenError
from .files import write_atomic
from .resources import data_dir


def _fail(exc: NoticegenError) -> None:
    click.echo(str(exc), err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="noticegen")
def main() -> None:
    """Turn the facts of a health-data breach into the notices HIPAA requires (45 CFR 164.400-414)."""


@main.command()
@click.argument("facts_file", type=click.Path(dir_okay=False))
def validate(facts_file: str) -> None:
    """Check a facts file; list every problem as FILE:LINE: field: message."""
    try:
        facts = facts_mod.load_facts(facts_file)
    except NoticegenError as exc:
        _fail(exc)
    click.echo(f"{facts_file}: ok ({facts.covered_entity.name}, {facts.affected.total:,} affected)")


@main.command()
def schema() -> None:
    """Print the JSON Schema of a facts file (for editors)."""
    click.echo(json.dumps(facts_mod.json_schema(), indent=2))


@main.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def init(path: str | None, force: bool) -> None:
    """Write a commented starter facts file to PATH (or print it)."""
    text = (data_dir("templates") / "starter-facts.yaml").read_text(encoding="utf-8")
    if path is None:
        click.echo(text, nl=False)
        return
    if Path(path).exists() and not force:
        click.echo(f"{path}: already exists; pass --force to overwrite it", err=True)
        sys.exit(2)
    write_atomic(path, text)
    click.echo(f"wrote {path}: fill in every <...> value, then run `noticegen validate {path}`")
