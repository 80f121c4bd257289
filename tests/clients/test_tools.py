"""The harness itself: a missing client tool skips on a laptop and fails in CI, naming what to install."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from . import conftest, tools


def test_missing_tool_fails_when_clients_are_required(monkeypatch):
    monkeypatch.setenv("NOTICEGEN_REQUIRE_CLIENTS", "1")
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception) as caught:
        conftest.require("pandoc")
    assert str(caught.value) == ("client oracle tool missing: pandoc (pandoc) not found; install it with: "
                                 "apt-get install pandoc (NOTICEGEN_REQUIRE_CLIENTS=1)")


def test_missing_tool_skips_on_a_developers_machine(monkeypatch):
    monkeypatch.delenv("NOTICEGEN_REQUIRE_CLIENTS", raising=False)
    monkeypatch.setattr(tools, "CI_TOOLS", tools.ROOT / "no-such-folder")
    with pytest.raises(pytest.skip.Exception) as caught:
        conftest.require("vnu.jar")
    assert str(caught.value) == ("client oracle tool missing: vnu.jar (the Nu HTML Checker) not found; "
                                 "install it with: npm package vnu-jar: cd ci-tools && npm ci")


def test_every_tool_names_a_package_to_install():
    assert {name: tool.install.split(":")[0].split(" install")[0] for name, tool in tools.TOOLS.items()} == {
        "soffice": "apt-get", "pdftotext": "apt-get", "pdfinfo": "apt-get", "pdftoppm": "apt-get",
        "pandoc": "apt-get", "java": "apt-get", "chromium": "apt-get", "vnu.jar": "npm package vnu-jar",
        "axe.min.js": "npm package axe-core", "playwright": "pip", "openxml_audit": "pip"}


def report(nodeid: str, when: str, outcome: str) -> SimpleNamespace:
    return SimpleNamespace(nodeid=nodeid, when=when, skipped=outcome == "skipped", failed=outcome == "failed")


def test_tally_counts_oracles_run_skipped_and_not_started():
    tally = conftest.Tally()
    tally.oracles = {"ran", "failed", "skipped", "no-tool"}
    for r in (report("ran", "setup", "passed"), report("ran", "call", "passed"), report("ran", "teardown", "passed"),
              report("failed", "call", "failed"), report("skipped", "setup", "skipped"),
              report("no-tool", "setup", "failed"), report("not-an-oracle", "call", "passed")):
        tally.record(r)
    assert tally.line() == ("client oracles: 2 run, 1 skipped, 1 errored in setup "
                            "(a tool missing or not starting, or the render failing)")
