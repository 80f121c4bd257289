"""Each rendered HTML page (fragments inside a host page) as the Nu HTML Checker and Chromium with axe-core see it."""

from __future__ import annotations

import pytest

from . import keyfacts, tools

pytestmark = pytest.mark.clients


def test_page_passes_the_nu_html_checker(html_output, vnu_report):
    errors = vnu_report[html_output.id]
    assert errors == [], f"{html_output.id}: " + "\n".join(errors)


@pytest.mark.parametrize("width", tools.WIDTHS, ids=lambda w: f"{w}px")
def test_axe_finds_no_wcag21aa_violation(html_output, width, browser, html_pages):
    violations = browser.axe_violations(html_pages[html_output.id], width=width)
    assert violations == [], f"{html_output.id} at {width} px: " + "\n".join(violations)


@pytest.mark.parametrize("width", tools.WIDTHS, ids=lambda w: f"{w}px")
def test_chromium_shows_every_key_fact_and_no_raw_markup(html_notice_output, width, browser, html_pages):
    output = html_notice_output
    text, _ = browser.visible_text(html_pages[output.id], width=width)
    missing = keyfacts.missing_facts(text, output.expected())
    assert missing == [], f"{output.id}: Chromium shows no {missing}"
    assert keyfacts.leaked_markup(text) == [], f"{output.id}: Chromium shows raw markup"


def test_page_fits_a_375px_phone_without_sideways_scrolling(html_output, browser, html_pages):
    """WCAG 2.1 AA 1.4.10 Reflow, which axe-core does not test: long URLs and emails must wrap."""
    _, scroll_width = browser.visible_text(html_pages[html_output.id], width=375)
    assert scroll_width <= 375, f"{html_output.id}: {scroll_width} px wide in a 375 px window"
