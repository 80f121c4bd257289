"""The PHI vocabulary: each facts.PHI_TERMS term with its display label (marked for Babel); no writer here."""

from __future__ import annotations

from dataclasses import dataclass

from .lang import N_, catalog


@dataclass(frozen=True)
class PhiTerm:
    """One PHI term and how notices name it (its HHS portal box is hhs.phi_box(term): the writer imports
    this vocabulary, never the other way round)."""

    term: str
    label: str
    """Short English noun phrase for notices ("date of birth"); translate it where shown."""


_LABELS: dict[str, str] = {
    "name": N_("name"),
    "address": N_("address"),
    "date_of_birth": N_("date of birth"),
    "phone_number": N_("phone number"),
    "email_address": N_("email address"),
    "ssn": N_("Social Security number"),
    "drivers_license": N_("driver's license number"),
    "medical_record_number": N_("medical record number"),
    "health_plan_id": N_("health plan member ID number"),
    "account_number": N_("account number"),
    "credit_card": N_("credit card number"),
    "bank_account": N_("bank account number"),
    "claims": N_("health insurance claims information"),
    "diagnosis": N_("diagnosis or condition"),
    "lab_results": N_("lab test results"),
    "medications": N_("medications"),
    "procedure": N_("type of procedure"),
    "treatment": N_("treatment information"),
    "images": N_("medical images (such as X-rays)"),
    "disability_code": N_("disability code"),
    "other": N_("other information"),
}
"""Labels are short nouns that read in any notice ("we found ... your name, date of birth and ..."), so
none says "you": media and web notices speak of the people affected. For "other", notices should show
breach.phi_other, the user's own words; "other information" is the fallback."""


PHI: dict[str, PhiTerm] = {term: PhiTerm(term, label) for term, label in _LABELS.items()}
"""Every facts.PHI_TERMS term, in the same order. The HHS box of each term is decided, with its reasons,
in hhs.PHI_CHECKBOX (the portal's strings live in hhs.PORTAL, once)."""


def label(term: str, locale: str) -> str:
    """A PHI term's label in ``locale`` ('date of birth' / 'fecha de nacimiento')."""
    return catalog(locale).gettext(PHI[term].label)
