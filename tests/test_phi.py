"""The PHI vocabulary: every facts term mapped once, its HHS portal box, and labels Babel can extract."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from babel.messages.extract import extract

from noticegen import hhs, phi
from noticegen.facts import PHI_TERMS
from noticegen.phi import PHI, PhiTerm

PHI_SOURCE = Path(phi.__file__)


def test_every_facts_term_is_mapped_and_nothing_extra():
    assert list(PHI) == list(PHI_TERMS)
    assert all(PHI[term].term == term for term in PHI)


@pytest.mark.parametrize("term, category, option", [
    ("name", "Demographic", "Name"),
    ("address", "Demographic", "Address/ZIP"),
    ("date_of_birth", "Demographic", "Date of Birth"),
    ("ssn", "Demographic", "SSN"),
    ("drivers_license", "Demographic", "Drivers License"),
    ("phone_number", "Demographic", "Other"),
    ("email_address", "Demographic", "Other"),
    ("medical_record_number", "Demographic", "Other"),
    ("health_plan_id", "Demographic", "Other"),
    ("account_number", "Demographic", "Other"),
    ("claims", "Financial", "Claims Information"),
    ("credit_card", "Financial", "Credit Card/Bank Acct #"),
    ("bank_account", "Financial", "Credit Card/Bank Acct #"),
    ("diagnosis", "Clinical", "Diagnosis/Conditions"),
    ("disability_code", "Clinical", "Diagnosis/Conditions"),
    ("lab_results", "Clinical", "Lab Results"),
    ("medications", "Clinical", "Medications"),
    ("procedure", "Clinical", "Other Treatment Information"),
    ("treatment", "Clinical", "Other Treatment Information"),
    ("images", "Clinical", "Other Treatment Information"),
    ("other", "Other", "Other"),
])
def test_hhs_box_of_each_term(term, category, option):
    assert (hhs.phi_box(term).category, hhs.phi_box(term).option) == (category, option)


def test_unverified_sub_options_carry_their_marker():
    assert hhs.phi_box("name").confidence == "U"
    assert hhs.phi_box("other").confidence == "C"


@pytest.mark.parametrize("term, label", [
    ("name", "name"),
    ("date_of_birth", "date of birth"),
    ("ssn", "Social Security number"),
    ("medical_record_number", "medical record number"),
    ("procedure", "type of procedure"),
    ("images", "medical images (such as X-rays)"),
])
def test_labels_are_short_nouns(term, label):
    assert PHI[term].label == label


def test_labels_fit_any_notice_so_none_says_you():
    assert [t.term for t in PHI.values() if " you" in f" {t.label}"] == []


def test_labels_are_unique():
    labels = [t.label for t in PHI.values()]
    assert len(labels) == len(set(labels))


def test_pybabel_extracts_every_label_with_keyword_n_():
    with PHI_SOURCE.open("rb") as handle:
        found = {message for _line, message, _comments, _context in extract("python", handle, keywords={"N_": None})}
    assert {t.label for t in PHI.values()} <= found


def test_n_marker_returns_its_argument():
    assert phi.N_("date of birth") == "date of birth"


def test_phi_term_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        PHI["name"].label = "full name"  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(PhiTerm)] == ["term", "label"]


def test_every_term_has_a_portal_box():
    assert all(hhs.phi_box(term).category for term in PHI)


def test_vocabularies_import_no_writer():
    """facts -> places -> lang and phi -> lang: the vocabularies sit below facts, hhs (a writer) above them."""
    import subprocess
    import sys

    code = ("import sys; import noticegen.phi, noticegen.places, noticegen.facts; "
            "print(sorted(m for m in sys.modules if m.startswith('noticegen.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "noticegen.hhs" not in out


def test_phi_label_in_a_locale():
    assert phi.label("date_of_birth", "en_US") == "date of birth"
    assert phi.label("date_of_birth", "es_US") != "date of birth"
