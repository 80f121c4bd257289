"""render -> read back -> check passes for every notice of every sample, in every format that suits it."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path

import pytest

from noticegen.build import build
from noticegen.check import check
from noticegen.facts import load_facts
from noticegen.kinds import KINDS
from noticegen.plan import plan
from noticegen.readers import docx as docx_reader
from noticegen.readers import html as html_reader
from noticegen.readers import markdown as md_reader
from noticegen.readers import text as text_reader
from noticegen.render import render

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)


def _cases():
    for path in sorted((ROOT / "samples").glob("*/breach.yaml")):
        if path.parent.name == "harbor-point-languages":
            continue  # Harbor Point again, in 17 locales: tests/test_languages.py reads it back in each
        facts = load_facts(path, today=TODAY)
        for obligation in plan(facts, as_of=TODAY).obligations:
            if obligation.kind not in KINDS:
                continue
            for locale in facts.notices.locales:
                for fmt in KINDS[obligation.kind].formats + ("txt",):
                    name = obligation.kind + (f"-{obligation.jurisdiction}" if obligation.jurisdiction else "")
                    yield pytest.param(path, obligation, locale, fmt, id=f"{path.parent.name}/{locale}/{name}.{fmt}")


def _read_back(notice, fmt, kind, locale):
    if fmt == "eml":
        data = render(notice, "eml", from_addr="privacy@example.org", from_name="Example", reply_to=None)
        message = email.message_from_string(data, policy=email.policy.strict)
        plain = message.get_body(preferencelist=("plain",)).get_content()
        html = message.get_body(preferencelist=("html",)).get_content()
        return [text_reader.read(plain, kind=kind, locale=locale), html_reader.read(html, kind=kind)]
    data = render(notice, fmt)
    reader = {"md": lambda d: md_reader.read(d, kind=kind, locale=locale),
              "html": lambda d: html_reader.read(d, kind=kind),
              "txt": lambda d: text_reader.read(d, kind=kind, locale=locale),
              "docx": lambda d: docx_reader.read(d, kind=kind)}[fmt]
    return [reader(data)]


@pytest.mark.parametrize("path, obligation, locale, fmt", list(_cases()))
def test_rendered_notice_reads_back_and_passes_the_check(path, obligation, locale, fmt):
    facts = load_facts(path, today=TODAY)
    channel = "email" if fmt == "eml" else None
    built = build(facts, obligation, locale=locale, channel=channel, today=TODAY)
    for notice in _read_back(built.notice, fmt, obligation.kind, locale):
        report = check(notice, facts, kind=obligation.kind)
        assert report.ok, report.to_table()
        assert notice.locale == locale
