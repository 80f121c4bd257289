"""Fixtures for the client oracles: the samples rendered once per session, the tools, and the run/skip tally."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import keyfacts, tools

SAMPLES = sorted((tools.ROOT / "samples").glob("*/breach.yaml"))
LETTER_KINDS = ("individual", "next_of_kin")
EXTENSIONS = ("docx", "md", "html", "eml")
RENDER_TIMEOUT = 300
ONLY_KINDS = {"harbor-point-languages": ("individual", "substitute_web")}
"""Harbor Point again, in 17 locales: its letter and web page in every locale (the outputs whose scripts,
direction and fonts differ by language); its other kinds are the same writers as harbor-point-pacs's, and
all of them for 17 locales would double the clients' run time."""


def clients_required() -> bool:
    return os.environ.get("NOTICEGEN_REQUIRE_CLIENTS") == "1"


def require(name: str) -> str:
    """The path of tool ``name``; missing, it fails the test under NOTICEGEN_REQUIRE_CLIENTS=1, else skips it."""
    try:
        return tools.locate(name)
    except tools.ToolMissing as exc:
        message = str(exc)
    if clients_required():
        pytest.fail(f"{message} (NOTICEGEN_REQUIRE_CLIENTS=1)", pytrace=False)
    pytest.skip(message)


# ------------------------------------------------------------------ rendered outputs

@dataclass(frozen=True)
class Output:
    """One file `noticegen render` wrote: DIR/<locale>/<name>.<ext>, or DIR/hhs.md (locale None)."""

    sample: str
    facts_path: Path
    locale: str | None
    path: Path

    @property
    def id(self) -> str:
        return "/".join(p for p in (self.sample, self.locale, self.path.name) if p)

    @property
    def ext(self) -> str:
        return self.path.suffix[1:]

    @property
    def name(self) -> str:
        """'individual', 'media-CA', 'substitute_web'."""
        return self.path.name.split(".")[0]

    @property
    def kind(self) -> str:
        return self.name.partition("-")[0]

    @property
    def variant(self) -> str:
        """'fragment' or 'banner' for substitute_web.fragment.html / .banner.html, else ''."""
        parts = self.path.name.split(".")
        return parts[1] if len(parts) == 3 else ""

    @property
    def is_letter(self) -> bool:
        return self.kind in LETTER_KINDS

    def elements(self) -> tuple[str, ...]:
        from noticegen.kinds import KINDS

        if self.kind not in KINDS:
            raise AssertionError(f"{self.id}: {self.kind!r} is not a notice kind of noticegen.kinds.KINDS")
        return KINDS[self.kind].elements

    def expected(self) -> list[keyfacts.KeyFact]:
        """The key facts a reader must find in this file."""
        facts = keyfacts.load(self.facts_path)
        return keyfacts.key_facts(facts, locale=self.locale or "en_US", elements=self.elements())


@dataclass(frozen=True)
class RenderProblem:
    """Stands in for the outputs when rendering failed, so that every test that needs them fails saying why."""

    message: str


PRERENDERED = "NOTICEGEN_CLIENTS_RENDERED"
"""Names a folder holding <sample>/<locale>/<name>.<ext> already rendered (or edited by hand) to check instead."""


def render_samples(out_root: Path) -> tuple[list[Output], list[str]]:
    """Run `python -m noticegen render SAMPLE -o DIR` for every sample; (outputs, problems)."""
    outputs: list[Output] = []
    problems: list[str] = []
    prerendered = os.environ.get(PRERENDERED)
    for facts_path in SAMPLES:
        sample = facts_path.parent.name
        out_dir = out_root / sample
        if prerendered:
            out_dir = Path(prerendered) / sample
            outputs += collect(sample, facts_path, out_dir)
            continue
        # --draft: the translations are drafts until a qualified translator reviews them (README, Languages)
        command = [sys.executable, "-m", "noticegen", "render", str(facts_path), "-o", str(out_dir), "--draft"]
        for kind in ONLY_KINDS.get(sample, ()):
            command += ["--notice", kind]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=RENDER_TIMEOUT,
                                  cwd=tools.ROOT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            problems.append(f"{sample}: `noticegen render` did not finish within {RENDER_TIMEOUT} s")
            continue
        if done.returncode != 0:
            problems.append(f"{sample}: `noticegen render` exited {done.returncode}: {done.stderr.strip()[-1500:]}")
            continue
        outputs += collect(sample, facts_path, out_dir)
    return outputs, problems


def collect(sample: str, facts_path: Path, out_dir: Path) -> list[Output]:
    """The outputs in one sample's folder: <locale>/<name>.<docx|md|html|eml>, and hhs.md."""
    found = [Output(sample, facts_path, path.parent.name, path)
             for path in sorted(out_dir.glob("*/*")) if path.suffix[1:] in EXTENSIONS]
    if (out_dir / "hhs.md").is_file():
        found.append(Output(sample, facts_path, None, out_dir / "hhs.md"))
    return found


_RENDERED = pytest.StashKey[tuple[Path, list[Output], list[str]]]()


def rendered(config: pytest.Config) -> tuple[list[Output], list[str]]:
    """The samples rendered once per session (at collection, so tests can be parametrized by file)."""
    if _RENDERED not in config.stash:
        out_root = Path(tempfile.mkdtemp(prefix="noticegen-clients-"))
        config.stash[_RENDERED] = (out_root, *render_samples(out_root))
    _, outputs, problems = config.stash[_RENDERED]
    return outputs, problems


def pytest_unconfigure(config: pytest.Config) -> None:
    if _RENDERED in config.stash:
        shutil.rmtree(config.stash[_RENDERED][0], ignore_errors=True)


SELECTORS = {
    "docx_output": lambda o: o.ext == "docx",
    "letter_output": lambda o: o.ext == "docx" and o.is_letter,
    "md_output": lambda o: o.ext == "md" and o.locale is not None,
    "hhs_md_output": lambda o: o.locale is None,
    "html_output": lambda o: o.ext == "html",
    "html_notice_output": lambda o: o.ext == "html" and o.variant != "banner",
    "eml_output": lambda o: o.ext == "eml",
}
"""Each parametrized fixture and the outputs it runs over."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    for fixture, wanted in SELECTORS.items():
        if fixture not in metafunc.fixturenames:
            continue
        outputs, problems = rendered(metafunc.config)
        if problems:
            params = [RenderProblem("noticegen render failed:\n" + "\n".join(problems))]
            ids = ["render-failed"]
        else:
            params = [o for o in outputs if wanted(o)] or [
                RenderProblem(f"`noticegen render` wrote no file for {fixture} from any of "
                              f"{', '.join(p.parent.name for p in SAMPLES)}")]
            ids = [p.id if isinstance(p, Output) else "none-rendered" for p in params]
        metafunc.parametrize(fixture, params, ids=ids, indirect=True)


def _output(request) -> Output:
    if isinstance(request.param, RenderProblem):
        pytest.fail(request.param.message, pytrace=False)
    return request.param


docx_output = pytest.fixture(_output, name="docx_output")
letter_output = pytest.fixture(_output, name="letter_output")
md_output = pytest.fixture(_output, name="md_output")
hhs_md_output = pytest.fixture(_output, name="hhs_md_output")
html_output = pytest.fixture(_output, name="html_output")
html_notice_output = pytest.fixture(_output, name="html_notice_output")
eml_output = pytest.fixture(_output, name="eml_output")


@pytest.fixture(scope="session")
def all_outputs(request) -> list[Output]:
    outputs, problems = rendered(request.config)
    if problems:
        pytest.fail("noticegen render failed:\n" + "\n".join(problems), pytrace=False)
    return outputs


# ------------------------------------------------------------------ tools, started once

@pytest.fixture(scope="session")
def soffice() -> str:
    return require("soffice")


@pytest.fixture(scope="session")
def pdftotext() -> str:
    return require("pdftotext")


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    return require("pdftoppm")


@pytest.fixture(scope="session")
def pdfinfo() -> str:
    return require("pdfinfo")


@pytest.fixture(scope="session")
def pandoc() -> str:
    return require("pandoc")


@pytest.fixture(scope="session")
def vnu() -> tuple[str, str]:
    return require("java"), require("vnu.jar")


@pytest.fixture(scope="session")
def ooxml() -> str:
    return require("openxml_audit")


@pytest.fixture(scope="session")
def browser():
    require("playwright")
    browser = tools.Browser(require("chromium"), require("axe.min.js"))
    yield browser
    browser.close()


class PdfCache:
    """PDFs of the rendered DOCX, made by ONE LibreOffice call per sample on first use."""

    def __init__(self, soffice: str, outputs: list[Output], root: Path):
        self._soffice, self._outputs, self._root = soffice, outputs, root
        self._pdfs: dict[Path, Path | None] = {}

    def pdf_for(self, output: Output) -> Path:
        if output.path not in self._pdfs:
            docx = [o.path for o in self._outputs if o.sample == output.sample and o.ext == "docx"]
            made = tools.docx_to_pdfs(self._soffice, docx, self._root / output.sample,
                                      timeout=60 + 15 * len(docx))
            self._pdfs.update({path: made.get(path) for path in docx})
        pdf = self._pdfs.get(output.path)
        assert pdf is not None, f"{output.id}: LibreOffice exited 0 but wrote no PDF (it could not load the file)"
        return pdf


@pytest.fixture(scope="session")
def pdfs(soffice, all_outputs, tmp_path_factory) -> PdfCache:
    return PdfCache(soffice, all_outputs, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def html_pages(all_outputs, tmp_path_factory) -> dict[str, Path]:
    """{output id: page file}: full pages as rendered, fragments and banners inside a minimal host page."""
    from noticegen.i18n import language_tag

    hosts = tmp_path_factory.mktemp("host-pages")
    pages = {}
    for output in (o for o in all_outputs if o.ext == "html"):
        if output.variant:
            host = hosts / output.id.replace("/", "--")
            host.write_text(tools.host_page(output.path.read_text(encoding="utf-8"),
                                            lang=language_tag(output.locale)), encoding="utf-8")
            pages[output.id] = host
        else:
            pages[output.id] = output.path
    return pages


@pytest.fixture(scope="session")
def vnu_report(vnu, html_pages) -> dict[str, list[str]]:
    """{output id: Nu HTML Checker errors}, from ONE vnu call over every page and host page."""
    java, jar = vnu
    report = tools.vnu_errors(java, jar, list(html_pages.values()))
    return {output_id: report[page.resolve()] for output_id, page in html_pages.items()}


# ------------------------------------------------------------------ the run/skip tally

class Tally:
    """Which tests marked `clients` ran, were skipped, or errored before running (CI's log shows it)."""

    def __init__(self):
        self.oracles: set[str] = set()
        self.run: set[str] = set()
        self.skipped: set[str] = set()
        self.not_started: set[str] = set()

    def record(self, report: pytest.TestReport) -> None:
        if report.nodeid not in self.oracles:
            return
        if report.skipped:
            self.skipped.add(report.nodeid)
        elif report.when == "call":
            self.run.add(report.nodeid)
        elif report.when == "setup" and report.failed:
            self.not_started.add(report.nodeid)

    def line(self) -> str:
        text = f"client oracles: {len(self.run)} run, {len(self.skipped - self.run)} skipped"
        if self.not_started:
            text += (f", {len(self.not_started)} errored in setup "
                     "(a tool missing or not starting, or the render failing)")
        return text


TALLY = Tally()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    TALLY.oracles = {item.nodeid for item in items if item.get_closest_marker("clients")}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    TALLY.record(report)


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    if TALLY.oracles:
        terminalreporter.write_line(TALLY.line())
        if clients_required() and TALLY.skipped - TALLY.run:
            terminalreporter.write_line("NOTICEGEN_REQUIRE_CLIENTS=1: a skipped client oracle fails the run")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if clients_required() and TALLY.skipped - TALLY.run and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
