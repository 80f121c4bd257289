"""The client-oracle harness: where the real programs are, and how each is run on an output file."""

from __future__ import annotations

import email
import email.policy
import html
import json
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CI_TOOLS = ROOT / "ci-tools" / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
WIDTHS = (1280, 375)


class ToolMissing(Exception):
    """A client program is not installed; the message names it and what to install."""


@dataclass(frozen=True)
class Tool:
    name: str
    what: str
    install: str


TOOLS: dict[str, Tool] = {t.name: t for t in (
    Tool("soffice", "LibreOffice", "apt-get install libreoffice-writer-nogui"),
    Tool("pdftotext", "poppler-utils", "apt-get install poppler-utils"),
    Tool("pdfinfo", "poppler-utils", "apt-get install poppler-utils"),
    Tool("pdftoppm", "poppler-utils", "apt-get install poppler-utils"),
    Tool("pandoc", "pandoc", "apt-get install pandoc"),
    Tool("java", "a Java runtime for the Nu HTML Checker", "apt-get install default-jre-headless"),
    Tool("chromium", "Chromium (driven by playwright)", "apt-get install chromium"),
    Tool("vnu.jar", "the Nu HTML Checker", "npm package vnu-jar: cd ci-tools && npm ci"),
    Tool("axe.min.js", "axe-core", "npm package axe-core: cd ci-tools && npm ci"),
    Tool("playwright", "the playwright Python package",
         "pip install -e '.[test]' (playwright; never `playwright install`)"),
    Tool("openxml_audit", "the OOXML schema checker", "pip install -e '.[test]' (openxml-audit)"),
)}


def missing_message(name: str, detail: str = "not found") -> str:
    tool = TOOLS[name]
    return f"client oracle tool missing: {name} ({tool.what}) {detail}; install it with: {tool.install}"


def locate(name: str) -> str:
    """The path of tool ``name`` (a key of TOOLS); raises ToolMissing saying what to install."""
    if name == "chromium":
        found = str(CHROMIUM) if CHROMIUM.is_file() else shutil.which("chromium")
    elif name == "vnu.jar":
        jar = CI_TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
        found = str(jar) if jar.is_file() else None
    elif name == "axe.min.js":
        axe = CI_TOOLS / "axe-core" / "axe.min.js"
        found = str(axe) if axe.is_file() else None
    elif name in ("playwright", "openxml_audit"):
        try:
            module = __import__(name)
        except ImportError:
            found = None
        else:
            found = getattr(module, "__file__", name)
    else:
        found = shutil.which(name)
    if not found:
        raise ToolMissing(missing_message(name))
    return found


def run(command: list[str], *, timeout: float, what: str) -> subprocess.CompletedProcess:
    """Run a client program, text in and out; a non-zero exit or a timeout raises AssertionError."""
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{what} did not finish within {timeout:g} s: {' '.join(command[:4])} ...") from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace")[-800:]
        raise AssertionError(f"{what} exited {done.returncode}: {stderr}")
    return done


# ------------------------------------------------------------------ PDF (LibreOffice, poppler)

def docx_to_pdfs(soffice: str, docx_paths: list[Path], out_dir: Path, *, timeout: float) -> dict[Path, Path]:
    """ONE LibreOffice call for all ``docx_paths`` (fresh profile); {docx: pdf} for those it converted."""
    from noticegen.errors import NoticegenError
    from noticegen.preview import convert_to_pdf

    try:
        return convert_to_pdf(list(docx_paths), out_dir, timeout=timeout, soffice=soffice)
    except NoticegenError as exc:
        raise AssertionError(str(exc)) from None


def pdf_text(pdftotext: str, pdf: Path) -> str:
    return run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], timeout=60, what="pdftotext").stdout.decode("utf-8")


def pdf_pages(pdfinfo: str, pdf: Path) -> int:
    out = run([pdfinfo, str(pdf)], timeout=60, what="pdfinfo").stdout.decode("utf-8", "replace")
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"pdfinfo printed no page count for {pdf.name}")


# ------------------------------------------------------------------ pandoc

def pandoc_text(pandoc: str, path: Path, *, source: str) -> str:
    """What pandoc reads in ``path`` (``source``: a pandoc reader: docx, commonmark_x...), as plain text."""
    done = run([pandoc, "--from", source, "--to", "plain", "--wrap=none", str(path)], timeout=60,
               what=f"pandoc --from {source}")
    return done.stdout.decode("utf-8")


# ------------------------------------------------------------------ Nu HTML Checker

def vnu_errors(java: str, jar: str, pages: list[Path], *, timeout: float = 300) -> dict[Path, list[str]]:
    """Every page's errors from ONE `vnu --errors-only` call (the JVM starts slowly): {page: ['L12: msg']}."""
    pages = [Path(p).resolve() for p in pages]
    report: dict[Path, list[str]] = {page: [] for page in pages}
    if not pages:
        return report
    command = [java, "-Xss4m", "-jar", jar, "--errors-only", "--exit-zero-always", "--format", "json",
               *map(str, pages)]
    done = run(command, timeout=timeout, what="vnu (Nu HTML Checker)")
    messages = json.loads(done.stderr.decode("utf-8") or '{"messages": []}')["messages"]
    by_uri = {page.as_uri(): page for page in pages}
    for message in messages:
        url = message.get("url", "")
        page = by_uri.get(url.replace("file:/", "file:///", 1) if not url.startswith("file:///") else url)
        line = f"L{message.get('lastLine', '?')}: {message['message']}"
        if page is None:
            raise AssertionError(f"vnu reported on a file it was not given: {url}: {line}")
        report[page].append(line)
    return report


def host_page(fragment: str, *, lang: str, title: str = "Home") -> str:
    """A minimal site page that embeds a fragment the way a website's CMS would."""
    return ("<!DOCTYPE html>\n"
            f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
            f"{fragment}\n</body>\n</html>\n")


# ------------------------------------------------------------------ axe-core in headless Chromium

class Browser:
    """One headless system Chromium for the session, driven by playwright; no network beyond file: URLs."""

    def __init__(self, chromium: str, axe_js: str):
        from playwright.sync_api import sync_playwright

        self._axe = Path(axe_js).read_text(encoding="utf-8")
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=chromium, headless=True,
                                                             args=list(CHROMIUM_FLAGS))
        except Exception:
            self._playwright.stop()
            raise

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()

    def _open(self, page_file: Path, width: int):
        page = self._browser.new_page(viewport={"width": width, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                   else route.abort())
        page.goto(Path(page_file).resolve().as_uri(), wait_until="load")
        return page

    def axe_violations(self, page_file: Path, *, width: int) -> list[str]:
        """axe-core's violations for tags wcag2a/aa, wcag21a/aa, as 'rule-id (impact): selector; ...'."""
        page = self._open(page_file, width)
        try:
            page.add_script_tag(content=self._axe)
            found = page.evaluate(
                """async (tags) => {
                    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                       resultTypes: ['violations']});
                    return r.violations.map(v => ({id: v.id, impact: v.impact,
                                                   nodes: v.nodes.map(n => n.target.join(' '))}));
                }""", list(AXE_TAGS))
        finally:
            page.close()
        return [f"{v['id']} ({v['impact']}): {'; '.join(v['nodes'])}" for v in found]

    def visible_text(self, page_file: Path, *, width: int) -> tuple[str, int]:
        """What a reader sees: document.body.innerText, and the page's scroll width in CSS px."""
        page = self._open(page_file, width)
        try:
            return page.evaluate("() => [document.body.innerText, document.documentElement.scrollWidth]")
        finally:
            page.close()


# ------------------------------------------------------------------ OOXML schema

@lru_cache(maxsize=1)
def _ooxml_validator():
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator(schema_validation=True, semantic_validation=True)


def ooxml_errors(docx: Path) -> list[str]:
    """openxml-audit's findings that mirror the Open XML SDK validator (schema, package, relationships).

    Its Word app-compat heuristics (source_class *_APP_COMPAT) are left out: they are predictions,
    not schema rules, and flag python-docx's own default template.
    """
    from openxml_audit.errors import SourceClass, ValidationSeverity

    result = _ooxml_validator().validate(str(docx))
    wanted = {SourceClass.SDK_PROXY, SourceClass.PACKAGE_INTEGRITY}
    return [str(e) for e in result.errors
            if e.severity == ValidationSeverity.ERROR and e.source_class in wanted]


# ------------------------------------------------------------------ email

def parse_eml_strict(data: bytes) -> email.message.EmailMessage:
    """Parse with email.policy.strict (every defect raises); raises AssertionError naming the defect."""
    try:
        return email.message_from_bytes(data, policy=email.policy.strict)
    except Exception as exc:  # the email package raises a defect class or a plain error
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise AssertionError(f"email (policy=strict) rejected the message: {detail}") from None


class _TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style", "head")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style", "head") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The text of an HTML document (scripts, styles and head left out)."""
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    return " ".join(parser.parts)
