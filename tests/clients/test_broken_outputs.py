"""Outputs broken on purpose, each caught by its checker: proof that the client oracles can fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.dates import format_date
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from . import keyfacts, tools

pytestmark = pytest.mark.clients

SAMPLE = tools.ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
LETTER_ELEMENTS = ("what_happened", "phi_involved", "individual_steps", "entity_actions", "contact")


# ------------------------------------------------------------------ builders

def page(body: str) -> str:
    return tools.host_page(f"<main>\n<h1>Notice of a data breach</h1>\n{body}\n</main>", lang="en-US")


PIXEL = ("data:image/png;base64,"
         "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


def tagged_section(body, element: str, paragraphs: list[str]) -> etree._Element:
    """A w:sdt content control tagged with ``element``, holding ``paragraphs``, added at the end of ``body``."""
    sdt = etree.Element(qn("w:sdt"))
    properties = etree.SubElement(sdt, qn("w:sdtPr"))
    etree.SubElement(properties, qn("w:tag")).set(qn("w:val"), element)
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    for text in paragraphs:
        paragraph = etree.SubElement(content, qn("w:p"))
        run = etree.SubElement(paragraph, qn("w:r"))
        etree.SubElement(run, qn("w:t")).text = text
    body.insert(len(body) - 1, sdt)  # before the final w:sectPr, where the schema wants it
    return sdt


def letter_docx(path: Path, facts, *, toll_free: bool = True) -> Path:
    """A short notice letter made with python-docx from the sample's facts, each element in a content control."""
    document = Document()
    document.add_heading(f"{facts.covered_entity.name}: notice of a data breach", level=1)
    body = document.element.body
    started = format_date(facts.breach.started_on, format="long", locale="en_US")
    discovered = format_date(facts.breach.discovered_on, format="long", locale="en_US")
    labels = [keyfacts.phi_label(term, "en_US", facts) for term in facts.breach.phi]
    contact = [f"Email {facts.contact.email}."]
    if toll_free:
        contact.insert(0, f"Call us toll-free at {facts.contact.toll_free}, {facts.contact.hours}.")
    sections = {
        "what_happened": [f"The breach began on {started}. We discovered it on {discovered}.", facts.breach.summary],
        "phi_involved": ["The information involved: " + ", ".join(labels) + "."],
        "individual_steps": list(facts.response.individual_steps),
        "entity_actions": [facts.response.investigation, facts.response.mitigation],
        "contact": contact,
    }
    for element, paragraphs in sections.items():
        tagged_section(body, element, paragraphs)
    document.save(path)
    return path


def rewrite_document_xml(docx: Path, out: Path, change) -> Path:
    """Copy ``docx`` to ``out`` with ``change(root)`` applied to word/document.xml."""
    document = Document(docx)
    change(document.element)
    document.save(out)
    return out


def content_before_properties(root) -> None:
    sdt = root.find(f".//{qn('w:sdt')}")
    sdt.append(sdt.find(qn("w:sdtPr")))  # w:sdtPr moved after w:sdtContent


def paragraph_properties_after_run(root) -> None:
    paragraph = root.find(f".//{qn('w:sdtContent')}/{qn('w:p')}")
    properties = etree.SubElement(paragraph, qn("w:pPr"))
    etree.SubElement(properties, qn("w:keepNext"))  # appended after the paragraph's w:r


@pytest.fixture(scope="module")
def facts():
    return keyfacts.load(SAMPLE)


@pytest.fixture(scope="module")
def letters(tmp_path_factory, facts) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("broken")
    return {"good": letter_docx(folder / "good.docx", facts),
            "no toll-free": letter_docx(folder / "no-toll-free.docx", facts, toll_free=False)}


# ------------------------------------------------------------------ (1) an image without alt text

@pytest.mark.parametrize("width", tools.WIDTHS, ids=lambda w: f"{w}px")
def test_axe_reports_an_image_without_alt_text(tmp_path, browser, width):
    broken = tmp_path / "broken.html"
    broken.write_text(page(f'<p><img src="{PIXEL}" width="40" height="40"> Harbor Point</p>'), encoding="utf-8")
    assert browser.axe_violations(broken, width=width) == ["image-alt (critical): img"]


@pytest.mark.parametrize("width", tools.WIDTHS, ids=lambda w: f"{w}px")
def test_axe_passes_the_same_image_with_alt_text(tmp_path, browser, width):
    fixed = tmp_path / "fixed.html"
    fixed.write_text(page(f'<p><img src="{PIXEL}" width="40" height="40" alt="Harbor Point logo"> Harbor Point</p>'),
                     encoding="utf-8")
    assert browser.axe_violations(fixed, width=width) == []


def test_axe_reports_a_fragment_without_a_language_in_a_bare_host(tmp_path, browser):
    bare = tmp_path / "bare.html"
    bare.write_text("<!DOCTYPE html><html><head><title>t</title></head><body><p>Hi</p></body></html>",
                    encoding="utf-8")
    assert browser.axe_violations(bare, width=1280) == ["html-has-lang (serious): html"]


LONG_URL = "https://www.harborpointimaging.example/noticeofdatasecurityincidentfrequentlyaskedquestions2025"


def test_reflow_check_reports_a_long_url_that_does_not_wrap_and_passes_one_that_does(tmp_path, browser):
    link = f'<p>Read more at <a href="{LONG_URL}">{LONG_URL}</a>.</p>'
    stiff, wrapping = tmp_path / "stiff.html", tmp_path / "wrapping.html"
    stiff.write_text(page(link), encoding="utf-8")
    wrapping.write_text(page(link.replace("<p>", '<p style="overflow-wrap: anywhere">')), encoding="utf-8")
    assert browser.visible_text(stiff, width=375)[1] > 375
    assert browser.visible_text(wrapping, width=375)[1] <= 375


def test_nu_html_checker_reports_an_image_without_alt_and_a_stray_end_tag(tmp_path, vnu):
    broken, fixed = tmp_path / "broken.html", tmp_path / "fixed.html"
    broken.write_text(page(f'<p><img src="{PIXEL}"> Harbor Point</span></p>'), encoding="utf-8")
    fixed.write_text(page(f'<p><img src="{PIXEL}" alt="Harbor Point logo"> Harbor Point</p>'), encoding="utf-8")
    report = tools.vnu_errors(*vnu, [broken, fixed])
    assert report[fixed.resolve()] == []
    assert report[broken.resolve()] == [
        "L11: An “img” element must have an “alt” attribute, except under certain conditions. "
        "For details, consult guidance on providing text alternatives for images.",
        "L11: Stray end tag “span”.",
    ]


# ------------------------------------------------------------------ (2) a DOCX out of schema order

def test_ooxml_check_passes_a_well_ordered_docx(letters, ooxml):
    assert tools.ooxml_errors(letters["good"]) == []


def test_ooxml_check_reports_sdt_content_before_its_properties(letters, tmp_path, ooxml):
    broken = rewrite_document_xml(letters["good"], tmp_path / "sdt.docx", content_before_properties)
    assert tools.ooxml_errors(broken) == [
        "[schema] /word/document.xml:/document[1]/body[1]/sdt[1]: Unexpected element 'sdtPr' found"]


def test_ooxml_check_reports_paragraph_properties_after_a_run(letters, tmp_path, ooxml):
    broken = rewrite_document_xml(letters["good"], tmp_path / "ppr.docx", paragraph_properties_after_run)
    assert tools.ooxml_errors(broken) == [
        "[schema] /word/document.xml:/document[1]/body[1]/sdt[1]/sdtContent[1]/p[1]: Unexpected element 'pPr' found"]


# ------------------------------------------------------------------ (3) a PDF missing the toll-free number

def test_key_facts_check_reports_a_pdf_missing_the_toll_free_number(letters, facts, tmp_path, soffice, pdftotext):
    pdfs = tools.docx_to_pdfs(soffice, list(letters.values()), tmp_path, timeout=120)
    expected = keyfacts.key_facts(facts, locale="en_US", elements=LETTER_ELEMENTS)
    good = tools.pdf_text(pdftotext, pdfs[letters["good"]])
    broken = tools.pdf_text(pdftotext, pdfs[letters["no toll-free"]])
    assert keyfacts.missing_facts(good, expected) == []
    assert keyfacts.missing_facts(broken, expected) == ["toll-free number '1-833-555-0147'"]


def test_key_facts_of_a_spanish_letter_are_name_dates_toll_free_and_each_phi_type(facts):
    assert [str(f) for f in keyfacts.key_facts(facts, locale="es_US", elements=LETTER_ELEMENTS)] == [
        "entity name 'Harbor Point Imaging Center'",
        "breach start date '6 de enero de 2025'",
        "discovery date '3 de febrero de 2025'",
        "toll-free number '1-833-555-0147'",
        "PHI type 'nombre'",
        "PHI type 'fecha de nacimiento'",
        "PHI type 'número de historia clínica'",
        "PHI type 'tipo de procedimiento'",
        "PHI type 'imágenes médicas (como radiografías)'",
    ]


def test_key_facts_are_found_across_line_wraps_dashes_and_case():
    expected = [keyfacts.KeyFact("entity name", "Harbor Point Imaging Center"),
                keyfacts.KeyFact("toll-free number", "1-833-555-0147")]
    text = "HARBOR POINT\nImaging\u00a0Center ... call 1\u2011833-\n555-0147"
    assert keyfacts.missing_facts(text, expected) == []
    assert keyfacts.missing_facts("Harbor Point Imaging, call 1-833-555-0148", expected) == [
        "entity name 'Harbor Point Imaging Center'", "toll-free number '1-833-555-0147'"]


def test_markup_check_reports_raw_markdown_a_reader_would_see():
    text = ("<!-- element: contact --> ## For More Information\n"
            "Call **1-833-555-0147** or see [our page](<https://x>).")
    assert keyfacts.leaked_markup(text) == [
        "an HTML comment: '<!--'", "an HTML comment: '-->'", "Markdown bold markers: '**'",
        "a Markdown link: ']('", "a Markdown heading: '## '"]
    assert keyfacts.leaked_markup("Call 1-833-555-0147 (toll-free), Monday through Friday; ask for case #2.") == []


# ------------------------------------------------------------------ an email the strict parser rejects

def test_strict_email_parsing_reports_a_multipart_without_its_boundary():
    raw = (b"From: privacy@harborpointimaging.example\r\nTo: patient@example.com\r\nSubject: Notice\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"zzz\"\r\n\r\n"
           b"--yyy\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n--yyy--\r\n")
    with pytest.raises(AssertionError) as caught:
        tools.parse_eml_strict(raw)
    assert str(caught.value) == "email (policy=strict) rejected the message: StartBoundaryNotFoundDefect"
