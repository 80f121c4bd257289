"""The vendor package: mail file, counts, proofs, and print files whose letters each start on a new sheet."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from conftest import person, write_roster

from noticegen.mail.package import write_package
from noticegen.mail.run import run
from noticegen.roster import read_roster


@pytest.fixture()
def mailing(tmp_path, riverbend):
    facts, _, variants = riverbend
    rows = [person(1, first_name="=cmd|' /C calc'!A0"), person(2, address_2="Apt 4"),
            person(3, deceased="yes", next_of_kin_name="Luis Ruiz", next_of_kin_address_1="9 Elm St",
                   next_of_kin_city="Ames", next_of_kin_state="IA", next_of_kin_zip="50010"),
            person(4, email="a@b.example", email_consent="yes"), person(5, address_1="")]
    roster = read_roster(write_roster(tmp_path / "r.csv", rows))
    out = tmp_path / "out"
    locales = tuple(facts.notices.locales)
    run(roster, {k: v for k, v in variants.items() if k[1] == "en_US"}, out, locales=locales)
    return out, roster, {k: v for k, v in variants.items() if k[1] == "en_US"}, locales


def test_mail_file_has_one_row_per_letter_with_its_address_lines_spreadsheet_safe(mailing):
    out, roster, variants, locales = mailing
    write_package(out, variants, roster, locales=locales, soffice="")
    rows = list(csv.reader(io.StringIO((out / "package" / "mail-file.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["id", "variant", "route", "address_line_1", "address_line_2", "address_line_3",
                       "recipient_name", "decedent_name", "enrollment_code", "file"]
    assert rows[1] == ["RB-000001", "individual.en_US.letter", "letter", "'=cmd|' /C calc'!A0 Ruiz1", "1 Main St",
                       "Cedar Falls, IA 50613", "'=cmd|' /C calc'!A0 Ruiz1", "", "EC000001",
                       "en_US/letters/individual-RB-000001.docx"]
    assert rows[2][4] == "2 Main St, Apt 4"
    assert rows[3][:4] == ["RB-000003", "next_of_kin.en_US.letter", "next_of_kin", "Luis Ruiz"]
    assert rows[3][7] == "Ana Ruiz3"
    assert len(rows) == 4  # the email and the unreachable person are not mail pieces


def test_counts_per_variant_and_route(mailing):
    out, roster, variants, locales = mailing
    write_package(out, variants, roster, locales=locales, soffice="")
    assert (out / "package" / "counts.csv").read_text().splitlines() == [
        "variant,route,status,count", ",unreachable,no_copy,1", "individual.en_US.email,email,written,1",
        "individual.en_US.letter,letter,written,2", "next_of_kin.en_US.letter,next_of_kin,written,1"]


def test_print_file_holds_each_letter_as_a_section_starting_on_an_odd_page(mailing):
    out, roster, variants, locales = mailing
    write_package(out, variants, roster, locales=locales, soffice="")
    proof = out / "package" / "proofs" / "individual.en_US.letter.docx"
    assert proof.read_bytes() == variants[("individual", "en_US", "letter")].proof
    with zipfile.ZipFile(out / "package" / "print" / "individual.en_US.letter-0001.docx") as package:
        assert package.testzip() is None
        xml = package.read("word/document.xml").decode("utf-8")
        footers = [package.read(n).decode() for n in package.namelist() if n.startswith("word/footer")]
    sections = re.findall(r"<w:sectPr\b.*?</w:sectPr>", xml)
    assert len(sections) == 2
    assert all('<w:type w:val="oddPage"/>' in s and '<w:pgNumType w:start="1"/>' in s for s in sections)
    assert xml.index("Ruiz1") < xml.index("Ruiz2")
    assert all("NUMPAGES" not in f for f in footers) and any("SECTIONPAGES" in f for f in footers)


@pytest.mark.clients
@pytest.mark.slow
def test_libreoffice_prints_each_letter_from_an_odd_page(mailing):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("needs LibreOffice and poppler-utils (pdftotext)")
    out, roster, variants, locales = mailing
    written = write_package(out, variants, roster, locales=locales, soffice=soffice)
    pdf = out / "package" / "print" / "individual.en_US.letter-0001.pdf"
    assert pdf in written and (out / "package" / "proofs" / "individual.en_US.letter.pdf") in written
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    starts = [i + 1 for i, page in enumerate(pages) if "Dear " in page]
    assert len(starts) == 2
    assert all(page % 2 == 1 for page in starts)
