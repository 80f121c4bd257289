"""HHS breach portal: every portal string in one table (with its confidence), facts -> PortalField, and writers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Literal

from .facts import Address, ContactPerson, Facts
from .files import csv_cell
from .lang import format_list
from .phi import PHI

Confidence = Literal["C", "P", "U"]
"""C confirmed in a source; P confirmed only through the parallel 42 CFR Part 2 form or a secondary
source; U unverified (see /work/shared/reference/hhs-breach-portal-fields.md)."""


@dataclass(frozen=True)
class Option:
    """One string shown by the portal (screen title, field label or choice) and how sure we are of it."""

    text: str
    confidence: Confidence


# ------------------------------------------------------------------ the one table
# Keyed by (what, key): "screen" and "label" rows are the portal's titles and field labels; the other
# rows map facts values (or our own keys) to the portal's option strings. Correct a string here, once.
# Rows are in the portal's on-screen order; multi-select values are emitted in this order.
PORTAL: dict[tuple[str, str], Option] = {
    ("screen", "general"): Option("General Information", "P"),
    ("screen", "contact"): Option("Contact Information", "P"),
    ("screen", "breach"): Option("Breach Information", "P"),
    ("screen", "notice"): Option("Notice of Breach and Actions Taken", "P"),
    ("screen", "attestation"): Option("Attestation", "P"),
    # field labels
    ("label", "breach_affecting"): Option("Breach Affecting", "C"),
    ("label", "report_type"): Option("Report Type", "C"),
    ("label", "filer_role"): Option("Filer Role", "U"),
    ("label", "ce_name"): Option("Name of Covered Entity", "P"),
    ("label", "ce_section"): Option("Covered Entity", "P"),
    ("label", "ce_contact"): Option("Covered Entity Point of Contact", "P"),
    ("label", "ce_kind"): Option("Type of Covered Entity", "C"),
    ("label", "ba_name"): Option("Name of Business Associate", "P"),
    ("label", "ba_section"): Option("Business Associate", "P"),
    ("label", "ba_contact"): Option("Business Associate Point of Contact", "P"),
    ("label", "street1"): Option("Street Address Line 1", "P"),
    ("label", "street2"): Option("Street Address Line 2", "P"),
    ("label", "city"): Option("City", "P"),
    ("label", "state"): Option("State", "P"),
    ("label", "zip"): Option("ZIP", "P"),
    ("label", "first_name"): Option("First Name", "P"),
    ("label", "last_name"): Option("Last Name", "P"),
    ("label", "email"): Option("Email", "P"),
    ("label", "phone"): Option("Phone Number", "P"),
    ("label", "usage"): Option("Usage", "P"),
    ("label", "breach_start"): Option("Breach Start Date", "C"),
    ("label", "breach_end"): Option("Breach End Date", "C"),
    ("label", "discovery_start"): Option("Discovery Start Date", "C"),
    ("label", "discovery_end"): Option("Discovery End Date", "C"),
    ("label", "approximate_number"): Option("Approximate Number of Individuals Affected by the Breach", "C"),
    ("label", "breach_type"): Option("Type of Breach", "C"),
    ("label", "breach_type_other"): Option("Describe Other Type of Breach", "U"),
    ("label", "location"): Option("Location of Breached Information", "C"),
    ("label", "phi"): Option("Type of Protected Health Information Involved in Breach", "C"),
    ("label", "description"): Option("Brief Description of the Breach", "C"),
    ("label", "safeguards"): Option("Safeguards in Place Prior to Breach", "C"),
    ("label", "notice_start"): Option("Individual Notice Provided Start Date", "U"),
    ("label", "notice_end"): Option("Individual Notice Provided Projected/Expected End Date", "U"),
    ("label", "substitute"): Option("Was Substitute Notice Required?", "U"),
    ("label", "media"): Option("Was Media Notice Required?", "U"),
    ("label", "media_states"): Option("State(s)/Territories Where Media Notice Was Provided", "U"),
    ("label", "actions"): Option("Actions Taken in Response to Breach", "C"),
    ("label", "actions_other"): Option("Describe Other Actions Taken", "C"),
    ("label", "attest_name"): Option("Name", "U"),
    ("label", "attest_date"): Option("Date", "U"),
    # choices
    ("breach_affecting", "500_or_more"): Option("500 or More Individuals", "C"),
    ("breach_affecting", "fewer_than_500"): Option("Fewer Than 500 Individuals", "C"),
    ("report_type", "initial"): Option("Initial Breach Report", "P"),
    ("report_type", "addendum"): Option("Addendum to Previous Report", "P"),
    ("filer_role", "covered_entity"): Option("Are you a Covered Entity filing on behalf of your organization?", "U"),
    ("filer_role", "business_associate"): Option(
        "Are you a Business Associate filing on behalf of a Covered Entity?", "U"),
    ("filer_role", "covered_entity_for_ba"): Option(
        "Are you a Covered Entity filing because your Business Associate experienced a breach?", "U"),
    # our answer to each filer-role question, as the row's value (the question goes in its note)
    ("filer_answer", "covered_entity"): Option("Covered Entity filing on behalf of its own organization", "U"),
    ("filer_answer", "business_associate"): Option("Business Associate filing on behalf of a Covered Entity", "U"),
    ("filer_answer", "covered_entity_for_ba"): Option(
        "Covered Entity filing because its Business Associate experienced a breach", "U"),
    ("ce_kind", "health_plan"): Option("Health Plan", "C"),
    ("ce_kind", "healthcare_clearinghouse"): Option("Healthcare Clearinghouse", "C"),
    ("ce_kind", "healthcare_provider"): Option("Healthcare Provider", "C"),
    ("usage", "home_cell"): Option("Home/Cell", "P"),
    ("usage", "work"): Option("Work", "P"),
    ("yes_no", "yes"): Option("Yes", "C"),
    ("yes_no", "no"): Option("No", "C"),
    ("breach_type", "hacking_it_incident"): Option("Hacking/IT Incident", "C"),
    ("breach_type", "improper_disposal"): Option("Improper Disposal", "C"),
    ("breach_type", "loss"): Option("Loss", "C"),
    ("breach_type", "theft"): Option("Theft", "C"),
    ("breach_type", "unauthorized_access_disclosure"): Option("Unauthorized Access/Disclosure", "C"),
    ("breach_type", "other"): Option("Other", "U"),  # a legacy value; the 2015+ wizard may not offer it
    ("location", "desktop_computer"): Option("Desktop Computer", "C"),
    ("location", "electronic_medical_record"): Option("Electronic Medical Record", "C"),
    ("location", "email"): Option("Email", "C"),
    ("location", "laptop"): Option("Laptop", "C"),
    ("location", "network_server"): Option("Network Server", "C"),
    ("location", "other_portable_electronic_device"): Option("Other Portable Electronic Device", "C"),
    ("location", "paper_films"): Option("Paper/Films", "C"),
    ("location", "other"): Option("Other", "C"),
    ("phi_category", "clinical"): Option("Clinical", "C"),
    ("phi_category", "demographic"): Option("Demographic", "C"),
    ("phi_category", "financial"): Option("Financial", "C"),
    ("phi_category", "other"): Option("Other", "C"),
    ("phi", "clinical.diagnosis"): Option("Diagnosis/Conditions", "U"),
    ("phi", "clinical.lab_results"): Option("Lab Results", "U"),
    ("phi", "clinical.medications"): Option("Medications", "U"),
    ("phi", "clinical.other_treatment"): Option("Other Treatment Information", "U"),
    ("phi", "demographic.address_zip"): Option("Address/ZIP", "U"),
    ("phi", "demographic.date_of_birth"): Option("Date of Birth", "U"),
    ("phi", "demographic.drivers_license"): Option("Drivers License", "U"),
    ("phi", "demographic.name"): Option("Name", "U"),
    ("phi", "demographic.ssn"): Option("SSN", "U"),
    ("phi", "demographic.other"): Option("Other", "U"),
    ("phi", "financial.claims"): Option("Claims Information", "U"),
    ("phi", "financial.credit_card_bank"): Option("Credit Card/Bank Acct #", "U"),
    ("phi", "financial.other"): Option("Other", "U"),
    ("phi", "other.other"): Option("Other", "C"),
    ("safeguard", "none"): Option("None", "C"),
    ("safeguard", "privacy_rule"): Option("Privacy Rule Safeguards (Training, Policies and Procedures, etc.)", "C"),
    ("safeguard", "security_administrative"): Option(
        "Security Rule Administrative Safeguards (Risk Analysis, Risk Management, etc.)", "U"),
    ("safeguard", "security_physical"): Option(
        "Security Rule Physical Safeguards (Facility Access Controls, Workstation Security, etc.)", "U"),
    ("safeguard", "security_technical"): Option(
        "Security Rule Technical Safeguards (Access Controls, Transmission Security, etc.)", "U"),
    ("action", "adopted_encryption"): Option("Adopted encryption technologies", "U"),
    ("action", "changed_passwords"): Option("Changed password/strengthened password requirements", "U"),
    ("action", "updated_risk_management_plan"): Option(
        "Created a new/updated Security Rule Risk Management Plan", "U"),
    ("action", "new_technical_safeguards"): Option("Implemented new technical safeguards", "U"),
    ("action", "periodic_evaluations"): Option("Implemented periodic technical and nontechnical evaluations", "U"),
    ("action", "improved_physical_security"): Option("Improved physical security", "U"),
    ("action", "updated_risk_analysis"): Option("Performed a new/updated Security Rule Risk Analysis", "U"),
    ("action", "trained_business_associate"): Option(
        "Provided business associate with additional training on HIPAA requirements", "U"),
    ("action", "provided_credit_monitoring"): Option("Provided individuals with free credit monitoring", "U"),
    ("action", "revised_business_associate_contracts"): Option("Revised business associate contracts", "U"),
    ("action", "revised_policies"): Option("Revised policies and procedures", "U"),
    ("action", "sanctioned_workforce"): Option("Sanctioned workforce members involved (including termination)", "U"),
    ("action", "mitigated_harm"): Option("Took steps to mitigate harm", "U"),
    ("action", "trained_workforce"): Option("Trained or retrained workforce members", "U"),
    ("action", "other"): Option("Other", "U"),
}

PHI_CHECKBOX: dict[str, str] = {
    "name": "demographic.name",
    "address": "demographic.address_zip",
    "date_of_birth": "demographic.date_of_birth",
    "phone_number": "demographic.other",
    "email_address": "demographic.other",
    "ssn": "demographic.ssn",
    "drivers_license": "demographic.drivers_license",
    "medical_record_number": "demographic.other",
    "health_plan_id": "demographic.other",
    "account_number": "demographic.other",
    "credit_card": "financial.credit_card_bank",
    "bank_account": "financial.credit_card_bank",
    "claims": "financial.claims",
    "diagnosis": "clinical.diagnosis",
    "lab_results": "clinical.lab_results",
    "medications": "clinical.medications",
    "procedure": "clinical.other_treatment",
    "treatment": "clinical.other_treatment",
    "images": "clinical.other_treatment",
    "disability_code": "clinical.diagnosis",
    "other": "other.other",
}
"""Each facts.PHI_TERMS term -> its ("phi", key) row in PORTAL.

The rule: Demographic holds who the person is and how to reach them, Financial holds money and payment,
Clinical holds the care itself. Numbers a record system assigns to identify the person (medical record
number, health plan member ID, account number: identifiers listed in 164.514(b)(2)(i)) are not clinical
or payment content, so they go to Demographic "Other", with phone and email, which have no box of their
own. A disability code encodes a condition: Clinical "Diagnosis/Conditions". Procedure, treatment and
images have no box of their own: Clinical "Other Treatment Information"."""

INDIVIDUAL_NOTICE_KIND = "individual"
"""The Obligation.kind (kinds.KINDS) whose deadline the individual-notice date's note names when the
facts give no notice date (the date itself is only ever notices.date: it goes on the federal record)."""

_ORDER = {key: i for i, key in enumerate(PORTAL)}
_RANK = {"U": 0, "P": 1, "C": 2}


def option(what: str, key: str) -> Option:
    """The PORTAL row for (what, key); a missing row is a bug in the table, named in the message."""
    try:
        return PORTAL[(what, key)]
    except KeyError:
        raise KeyError(f"hhs.PORTAL has no row ({what!r}, {key!r}); add the portal's string for it") from None


@dataclass(frozen=True)
class PhiBox:
    """The portal box a PHI term ticks: category ("Demographic"...), sub-option ("Name"), and its marker."""

    category: str
    option: str
    confidence: Confidence


def phi_box(term: str) -> PhiBox:
    """The HHS portal box of a facts PHI term (PHI_CHECKBOX, with the portal's strings from PORTAL)."""
    key = PHI_CHECKBOX[term]
    sub = option("phi", key)
    return PhiBox(option("phi_category", key.split(".")[0]).text, sub.text, sub.confidence)


@dataclass(frozen=True)
class PortalField:
    """One field of the HHS breach portal wizard, filled from the facts.

    ``value`` is a str, or a tuple of option strings for a multi-select ("" / () when left to the filer).
    ``confidence`` is the lowest marker among the label and the option strings in the value.
    """

    screen: str
    label: str
    value: str | tuple[str, ...]
    required: bool
    confidence: Confidence
    note: str = ""


def _lowest(options: Iterable[Option]) -> Confidence:
    return min((o.confidence for o in options), key=_RANK.__getitem__)


def _field(screen: str, label: str, value: str, *, section: str | None = None, required: bool = True,
           note: str = "") -> PortalField:
    labels = [option("label", section)] if section else []
    labels.append(option("label", label))
    text = ": ".join(o.text for o in labels)
    return PortalField(option("screen", screen).text, text, value, required, _lowest(labels), note)


def _choice(screen: str, label: str, what: str, keys: Iterable[str], *, multi: bool = False,
            required: bool = True, note: str = "", label_text: str | None = None) -> PortalField:
    chosen = sorted(dict.fromkeys(keys), key=lambda k: _ORDER.get((what, k), -1))
    options = [option(what, k) for k in chosen]
    labelled = option("label", label)
    value: str | tuple[str, ...] = tuple(o.text for o in options) if multi else (options[0].text if options else "")
    return PortalField(option("screen", screen).text, label_text or labelled.text, value, required,
                       _lowest([labelled, *options]), note)


def portal_date(day: dt.date | None) -> str:
    """A date in the portal's MM/DD/YYYY form; None gives ""."""
    return day.strftime("%m/%d/%Y") if day else ""


def split_name(full: str) -> tuple[str, str]:
    """(first, last), split at the last space: "Mary Ann Lee" -> ("Mary Ann", "Lee"); one word is a last name."""
    parts = full.rsplit(None, 1)
    return (parts[0], parts[1]) if len(parts) == 2 else ("", full.strip())


# ------------------------------------------------------------------ facts -> fields

def portal_fields(facts: Facts, *, plan: Any = None) -> tuple[PortalField, ...]:
    """The portal's fields filled from ``facts``, in the wizard's order.

    ``plan`` is any object with ``obligations`` whose items have ``.kind`` and ``.deadline`` (a
    noticegen.plan.Plan); the individual-notice date is always notices.date (blank without one), and with
    a plan its note names the deadline.
    """
    return (*_general(facts), *_contact(facts), *_breach(facts), *_notice(facts, plan), *_attestation(facts))


def _general(facts: Facts) -> list[PortalField]:
    many = facts.affected.total >= 500
    return [
        _choice("general", "breach_affecting", "breach_affecting", ["500_or_more" if many else "fewer_than_500"],
                note=("500 or more: notify HHS contemporaneously with the individual notices, within 60 days "
                      "of discovery (164.408(b))" if many else
                      "fewer than 500: log it and notify HHS within 60 days after the end of the calendar "
                      "year of discovery (164.408(c))")),
        _choice("general", "report_type", "report_type", ["initial"],
                note=f"for a later update choose '{option('report_type', 'addendum').text}' "
                     "and give the breach tracking number"),
    ]


def _contact(facts: Facts) -> list[PortalField]:
    ce, ba = facts.covered_entity, facts.business_associate
    role = ("business_associate" if facts.reporting_party == "business_associate"
            else "covered_entity_for_ba" if ba else "covered_entity")
    question = option("filer_role", role).text
    fields = [
        _choice("contact", "filer_role", "filer_answer", [role],
                note=f'the portal asks this as three Yes/No questions: answer Yes to "{question}" and No to '
                     "the other two"),
        _field("contact", "ce_name", ce.name),
        *_party(ce.address, ce.contact, section="ce_section", contact="ce_contact",
                where="covered_entity.contact.name"),
        _choice("contact", "ce_kind", "ce_kind", [ce.kind]),
    ]
    if ba:
        fields += [
            _field("contact", "ba_name", ba.name,
                   note="complete this section because the breach occurred at or by a business associate"),
            *_party(ba.address, ba.contact, section="ba_section", contact="ba_contact",
                    where="business_associate.contact.name"),
        ]
    return fields


def _party(address: Address, person: ContactPerson, *, section: str, contact: str, where: str) -> list[PortalField]:
    first, last = split_name(person.name)
    split_note = f"split at the last space of {where}; check it (for example a suffix such as Jr.)"
    return [
        _field("contact", "street1", address.street, section=section),
        _field("contact", "street2", address.street2 or "", section=section, required=False),
        _field("contact", "city", address.city, section=section),
        _field("contact", "state", address.state, section=section),
        _field("contact", "zip", address.zip, section=section),
        _field("contact", "first_name", first, section=contact, note=split_note),
        _field("contact", "last_name", last, section=contact, note=split_note),
        _field("contact", "email", person.email, section=contact),
        _field("contact", "phone", person.phone, section=contact, note="include the area code"),
        _choice("contact", "usage", "usage", ["work"],
                label_text=f"{option('label', contact).text}: {option('label', 'usage').text}",
                note=f"assumed: the facts do not say; the other choice is '{option('usage', 'home_cell').text}'"),
    ]


def _breach(facts: Facts) -> list[PortalField]:
    breach, affected, response = facts.breach, facts.affected, facts.response
    ba = facts.business_associate
    discovery_note = "facts hold one discovery date (breach.discovered_on), used for start and end"
    if ba and ba.discovered_on != breach.discovered_on:
        discovery_note += f"; the business associate discovered it on {portal_date(ba.discovered_on)}"
    fields = [
        _field("breach", "breach_start", portal_date(breach.started_on)),
        _field("breach", "breach_end", portal_date(breach.ended_on),
               note="" if breach.ended_on else
               "breach.ended_on is not set (ongoing or unknown); the portal requires an end date"),
        _field("breach", "discovery_start", portal_date(breach.discovered_on), note=discovery_note),
        _field("breach", "discovery_end", portal_date(breach.discovered_on), note=discovery_note),
        _field("breach", "approximate_number", str(affected.total),
               note="an estimate (affected.estimated)" if affected.estimated else ""),
        _choice("breach", "breach_type", "breach_type", breach.types, multi=True,
                note="'Other' is a legacy value; if the wizard does not offer it, pick the nearest type "
                     "and describe it in the description" if "other" in breach.types else ""),
    ]
    if "other" in breach.types:
        fields.append(_field("breach", "breach_type_other", breach.type_other or ""))
    location = _choice("breach", "location", "location", breach.locations, multi=True,
                       note=_OTHER_NOTE if "other" in breach.locations else "")
    fields.append(_described(location, breach.location_other))
    fields += _phi(facts)
    fields += [
        _field("breach", "description", (description := _description(facts)),
               note="breach.summary and the types of PHI involved (breach.phi); the portal asks for where the "
                    "breach happened, how it occurred, the type of media and the types of PHI involved. Its "
                    f"character limit is not confirmed: this text has {len(description):,} characters, check "
                    "the portal keeps all of it"),
        _choice("breach", "safeguards", "safeguard", response.safeguards_in_place, multi=True,
                note="" if response.safeguards_in_place else
                "response.safeguards_in_place is empty; the portal requires a choice ('None' if there were none)"),
    ]
    return fields


_OTHER_NOTE = "tick Other and type the words after 'Other: ' in the box the portal opens for it"


def _described(field: PortalField, description: str | None) -> PortalField:
    """``field`` with its "Other" option shown with the facts' description ("Other: USB drive"), so the
    row itself says what to type, not only a note."""
    if not description or not isinstance(field.value, tuple):
        return field
    other = option("location", "other").text
    value = tuple(f"{v}: {description}" if v == other else v for v in field.value)
    return replace(field, value=value)


def _phi_label(facts: Facts, term: str) -> str:
    """How the description and notes name a PHI term: its label (phi.py), or breach.phi_other for other."""
    other = facts.breach.phi_other
    if term != "other" or not other:
        return PHI[term].label
    return other[0].lower() + other[1:] if len(other) > 1 and other[0].isupper() and other[1].islower() else other


def _description(facts: Facts) -> str:
    """The brief description: breach.summary, then the types of PHI involved, which the portal asks for."""
    labels = [_phi_label(facts, term) for term in dict.fromkeys(facts.breach.phi)]
    summary = facts.breach.summary.rstrip()
    if summary and summary[-1] not in ".!?":
        summary += "."
    return f"{summary} Types of protected health information involved: {format_list(labels, 'en_US')}."


def _phi(facts: Facts) -> list[PortalField]:
    by_category: dict[str, list[str]] = {}
    for term in dict.fromkeys(facts.breach.phi):
        key = PHI_CHECKBOX[term]
        by_category.setdefault(key.split(".")[0], []).append(term)
    fields = []
    for (what, category), cat_option in PORTAL.items():
        if what != "phi_category" or category not in by_category:
            continue
        terms = by_category[category]
        others = [_phi_label(facts, t) for t in terms if PHI_CHECKBOX[t].endswith(".other")]
        described = facts.breach.phi_other if category == "other" else ", ".join(others)
        field = _choice("breach", "phi", "phi", [PHI_CHECKBOX[t] for t in terms], multi=True,
                        note=_OTHER_NOTE if described else "",
                        label_text=f"{option('label', 'phi').text}: {cat_option.text}")
        fields.append(_described(field, described))
    return fields


def _notice(facts: Facts, plan: Any) -> list[PortalField]:
    affected, response = facts.affected, facts.response
    deadline = _individual_deadline(plan) if plan is not None else None
    given = facts.notices.date
    if given is not None:
        start_note = ("the notice date the facts give (notices.date); change it if the first notices went out "
                      "on another day")
    else:
        start_note = ("left blank: notices.date is not given; fill in the date the first individual notices "
                      "went out" + (f" (due no later than {portal_date(deadline)})" if deadline else ""))
    unreachable = affected.insufficient_contact
    if unreachable >= 10:
        method = facts.substitute_notice.method if facts.substitute_notice else "not chosen"
        sub_note = (f"{unreachable} people lack current contact information: 90-day web posting or major media, "
                    f"with a toll-free number (164.404(d)(2)(ii)); facts: {method}")
    elif unreachable:
        sub_note = (f"{unreachable} people lack current contact information: alternative written notice, "
                    "telephone or other means (164.404(d)(2)(i))")
    else:
        sub_note = "affected.insufficient_contact is 0"
    states = sorted(state for state, count in affected.by_state.items() if count > 500)
    if states:
        media_note = f"more than 500 residents of {', '.join(states)} (164.406(a))"
    elif not affected.by_state and affected.total > 500:
        media_note = ("affected.by_state is empty: list residents per state to tell whether more than 500 "
                      "live in one state (164.406(a))")
    else:
        media_note = "no state or territory has more than 500 affected residents (164.406(a))"
    fields = [
        _field("notice", "notice_start", portal_date(given), note=start_note),
        _field("notice", "notice_end", "", required=False, note="fill in if mailing runs over several days"),
        _choice("notice", "substitute", "yes_no", ["yes" if unreachable else "no"], note=sub_note),
        _choice("notice", "media", "yes_no", ["yes" if states else "no"], note=media_note),
    ]
    if states:
        fields.append(_field("notice", "media_states", "; ".join(states), note="USPS codes"))
    fields += [
        _choice("notice", "actions", "action", response.actions_taken, multi=True,
                note="" if response.actions_taken else
                "response.actions_taken is empty; the portal requires at least one action"),
        _field("notice", "actions_other", response.actions_other or "",
               required="other" in response.actions_taken,
               note="" if response.actions_other else
               "optional: response.mitigation and response.prevention describe the actions in prose"),
    ]
    return fields


def _individual_deadline(plan: Any) -> dt.date | None:
    try:
        obligations = plan.obligations
    except AttributeError:
        raise TypeError("plan must have an 'obligations' attribute (a noticegen.plan.Plan)") from None
    dates = [o.deadline for o in obligations if o.kind == INDIVIDUAL_NOTICE_KIND and o.deadline is not None]
    return min(dates, default=None)


def _attestation(facts: Facts) -> list[PortalField]:
    return [
        _field("attestation", "attest_name", facts.signer().name,
               note="the signer (notices.signer, else covered_entity.contact) attests the information is accurate"),
        _field("attestation", "attest_date", "", note="the date you submit the report"),
    ]


# ------------------------------------------------------------------ writers

_COLUMNS = ("screen", "label", "value", "required", "confidence", "note")


def _joined(value: str | tuple[str, ...]) -> str:
    return "; ".join(value) if isinstance(value, tuple) else value


def to_json(fields: Iterable[PortalField]) -> str:
    """A JSON list of objects (screen, label, value, required, confidence, note), in wizard order."""
    rows = [{"screen": f.screen, "label": f.label, "value": list(f.value) if isinstance(f.value, tuple) else f.value,
             "required": f.required, "confidence": f.confidence, "note": f.note} for f in fields]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"



CONFIDENCE_LEGEND = (
    ("C", "Confirmed: this label or option string was confirmed in a retrieved source."),
    ("P", "Parallel: confirmed only through the parallel 42 CFR Part 2 breach form or a secondary source. "
          "Check it on screen."),
    ("U", "Unverified: as commonly reported for OCR's form but not confirmed against the portal. Check it "
          "on screen before you submit."),
)
"""What each confidence code means, for readers of the CSV (a legend below its rows)."""


def to_csv(fields: Iterable[PortalField]) -> str:
    """CSV with a header row; multi-select values joined with "; "; formula-like cells neutralised.

    Below the fields, a legend explains the confidence codes, one row per code in the same six columns
    (screen "Legend", label "Confidence C", the meaning as value, the code as confidence), so a
    spreadsheet user reads what C, P and U mean and a program that reads rows by column still can.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_COLUMNS)
    for f in fields:
        row = (f.screen, f.label, _joined(f.value), "yes" if f.required else "no", f.confidence, f.note)
        writer.writerow([csv_cell(cell) for cell in row])
    for code, meaning in CONFIDENCE_LEGEND:
        writer.writerow(["Legend", f"Confidence {code}", meaning, "", code, ""])
    return buffer.getvalue()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")
_FOOTNOTES = {
    "U": ("unverified", "Unverified: this label or option string is as commonly reported for OCR's form but was "
                        "not confirmed against the portal. Check it on screen before you submit."),
    "P": ("parallel", "Confirmed only through the parallel 42 CFR Part 2 breach form or a secondary source. "
                      "Check it on screen."),
}


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell: specials backslash-escaped, line breaks as <br>."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"\r\n|\r|\n", "<br>", text)


def to_markdown(fields: Iterable[PortalField]) -> str:
    """One section per wizard screen: a table of label | value, then the notes; footnotes flag P and U."""
    fields = list(fields)
    out = ["# HHS breach portal: Notice to the Secretary of HHS of a Breach of Unsecured PHI", "",
           "Copy each value into the matching field of the portal wizard. Fields marked * are required."]
    used: set[str] = set()
    for screen in dict.fromkeys(f.screen for f in fields):
        rows = [f for f in fields if f.screen == screen]
        out += ["", f"## {md_escape(screen)}", "", "| Field | Value |", "| --- | --- |"]
        for f in rows:
            mark = ""
            if f.confidence in _FOOTNOTES:
                used.add(f.confidence)
                mark = f"[^{_FOOTNOTES[f.confidence][0]}]"
            star = " \\*" if f.required else ""
            out.append(f"| {md_escape(f.label)}{star}{mark} | {md_escape(_joined(f.value))} |")
        notes = [f for f in rows if f.note]
        if notes:
            out += ["", "Notes:", ""]
            out += [f"- **{md_escape(f.label)}**: {md_escape(f.note)}" for f in notes]
    if used:
        out.append("")
        out += [f"[^{_FOOTNOTES[c][0]}]: {_FOOTNOTES[c][1]}" for c in ("U", "P") if c in used]
    return "\n".join(out) + "\n"
