"""The PHI vocabulary: each facts.PHI_TERMS term with its display label (marked for Babel) and HHS portal box."""

from __future__ import annotations

from dataclasses import dataclass

from .hhs import PHI_CHECKBOX, Confidence, option
from .i18n import N_


@dataclass(frozen=True)
class PhiTerm:
    """One PHI term: how notices name it and which box it ticks on the HHS portal."""

    term: str
    label: str
    """Short English noun phrase for notices ("date of birth"); translate it where shown."""
    hhs_category: str
    """The portal's category string: "Demographic", "Financial", "Clinical" or "Other"."""
    hhs_option: str
    """The portal's sub-option string under the category ("Name"); "Other" for the category Other."""
    confidence: Confidence
    """The portal marker of hhs_option (hhs.PORTAL): most sub-options are unverified ("U")."""


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


def _term(term: str) -> PhiTerm:
    key = PHI_CHECKBOX[term]
    sub = option("phi", key)
    return PhiTerm(term, _LABELS[term], option("phi_category", key.split(".")[0]).text, sub.text, sub.confidence)


PHI: dict[str, PhiTerm] = {term: _term(term) for term in _LABELS}
"""Every facts.PHI_TERMS term, in the same order. The HHS box of each term is decided, with its reasons,
in hhs.PHI_CHECKBOX (the portal's strings live in hhs.PORTAL, once)."""
