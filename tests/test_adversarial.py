"""Facts are data: hostile values come out as their literal text in every format, never as markup or code."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path

import pytest
import yaml

from noticegen.build import build
from noticegen.facts import Facts
from noticegen.model import section_text
from noticegen.plan import plan
from noticegen.readers import docx as docx_reader
from noticegen.readers import html as html_reader
from noticegen.readers import markdown as md_reader
from noticegen.readers import text as text_reader
from noticegen.render import render

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)

HOSTILE = {
    "jinja expression": ("{{ 7*7 }} and {{ config }}", "{{ 7*7 }} and {{ config }}"),
    "jinja statement": ("{% for x in range(9) %}x{% endfor %}", "{% for x in range(9) %}x{% endfor %}"),
    "script tag": ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    "javascript link": ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
    "markdown syntax": ("# Heading * star | pipe _under_ `code`", "# Heading * star | pipe _under_ `code`"),
    "field lookalike": ("[[recipient_name]] <!-- element: contact -->", "[[recipient_name]] <!-- element: contact -->"),
    "xml-forbidden controls": ("bell\x07 and nul\x00 and esc\x1b end", "bell and nul and esc end"),
    "right-to-left override": ("file\u202egpj.exe is safe", "filegpj.exe is safe"),
    "ten thousand characters": ("A" * 9_995 + " tail", "A" * 9_995 + " tail"),
}


def _facts(summary: str) -> Facts:
    data = yaml.safe_load((ROOT / "samples" / "harbor-point-pacs" / "breach.yaml").read_text(encoding="utf-8"))
    data["breach"]["summary"] = summary
    data["notices"]["locales"] = ["en_US"]
    return Facts.model_validate(data, context={"today": TODAY})


def _read(notice, fmt, kind):
    if fmt == "eml":
        raw = render(notice, "eml", from_addr="privacy@example.org", from_name="Example", reply_to=None)
        message = email.message_from_string(raw, policy=email.policy.strict)
        html = message.get_body(preferencelist=("html",)).get_content()
        return html_reader.read(html, kind=kind), html
    raw = render(notice, fmt)
    reader = {"md": md_reader.read, "html": html_reader.read, "txt": text_reader.read,
              "docx": docx_reader.read}[fmt]
    return reader(raw, kind=kind), raw


CASES = [(name, kind, fmt) for name in HOSTILE for kind, fmts in
         (("individual", ("md", "html", "docx", "eml", "txt")), ("substitute_web", ("md", "html")),
          ("media", ("md", "html", "docx"))) for fmt in fmts]


@pytest.mark.parametrize("name, kind, fmt", CASES, ids=[f"{n}-{k}-{f}" for n, k, f in CASES])
def test_hostile_summary_renders_as_literal_text(name, kind, fmt):
    value, expected = HOSTILE[name]
    facts = _facts(value)
    obligation = next(o for o in plan(facts, as_of=TODAY).obligations if o.kind == kind)
    built = build(facts, obligation, locale="en_US", channel="email" if fmt == "eml" else None, today=TODAY)
    notice, raw = _read(built.notice, fmt, kind)
    text = section_text(notice.section("what_happened"))
    assert " ".join(expected.split()) in " ".join(text.split())
    assert "49" not in text.replace("A", "")  # {{ 7*7 }} was never evaluated
    if fmt in ("html", "eml"):
        assert "<script" not in raw.lower()


def test_hostile_values_never_become_links_in_html():
    facts = _facts("[x](javascript:alert(1)) <a href='javascript:alert(1)'>y</a>")
    obligation = next(o for o in plan(facts, as_of=TODAY).obligations if o.kind == "substitute_web")
    page = render(build(facts, obligation, locale="en_US", today=TODAY).notice, "html")
    assert "[x](javascript:alert(1)) &lt;a href='javascript:alert(1)'&gt;y&lt;/a&gt;" in page
    assert 'href="javascript' not in page and "<a href='javascript" not in page
