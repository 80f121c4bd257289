"""HHS breach portal fields: the Harbor Point sample field by field, the rules behind each value, and the writers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import typing
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from noticegen import facts as facts_module
from noticegen.facts import Facts, facts_from_source, load_facts
from noticegen.hhs import (
    PHI_CHECKBOX,
    PORTAL,
    PortalField,
    option,
    portal_date,
    portal_fields,
    split_name,
    to_csv,
    to_json,
    to_markdown,
)
from noticegen.loader import Source

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
TODAY = dt.date(2026, 11, 26)

BA = {
    "name": "Pacific Film Storage LLC",
    "address": {"street": "88 Harbor Way", "street2": "Unit 4", "city": "San Pedro", "state": "CA", "zip": "90731"},
    "contact": {"name": "Mary Ann Lee", "phone": "310-555-0199", "email": "security@pacificfilm.example"},
    "agent_of_covered_entity": False,
    "discovered_on": "2025-02-01",
    "notified_covered_entity_on": "2025-02-03",
}


@pytest.fixture
def data() -> dict:
    """The sample in English only: the portal is in English, and the tests add free text without translating it."""
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    sample["notices"]["locales"] = ["en_US"]
    sample.pop("translations", None)
    return sample


def facts_of(data: dict) -> Facts:
    return facts_from_source(Source("f.yaml", json.loads(json.dumps(data, default=str))), today=TODAY)


def by_label(fields) -> dict[str, PortalField]:
    return {f.label: f for f in fields}


@dataclass(frozen=True)
class Obligation:
    kind: str
    deadline: dt.date | None


@dataclass(frozen=True)
class Plan:
    obligations: tuple[Obligation, ...]


HARBOR_POINT = [
    ("General Information", "Breach Affecting", "500 or More Individuals", True, "C"),
    ("General Information", "Report Type", "Initial Breach Report", True, "P"),
    ("Contact Information", "Filer Role", "Covered Entity filing on behalf of its own organization", True, "U"),
    ("Contact Information", "Name of Covered Entity", "Harbor Point Imaging Center", True, "P"),
    ("Contact Information", "Covered Entity: Street Address Line 1", "1200 Ocean Boulevard, Suite 300", True, "P"),
    ("Contact Information", "Covered Entity: Street Address Line 2", "", False, "P"),
    ("Contact Information", "Covered Entity: City", "Long Beach", True, "P"),
    ("Contact Information", "Covered Entity: State", "CA", True, "P"),
    ("Contact Information", "Covered Entity: ZIP", "90802", True, "P"),
    ("Contact Information", "Covered Entity Point of Contact: First Name", "Dana", True, "P"),
    ("Contact Information", "Covered Entity Point of Contact: Last Name", "Reyes", True, "P"),
    ("Contact Information", "Covered Entity Point of Contact: Email", "privacy@harborpointimaging.example", True, "P"),
    ("Contact Information", "Covered Entity Point of Contact: Phone Number", "562-555-0100", True, "P"),
    ("Contact Information", "Covered Entity Point of Contact: Usage", "Work", True, "P"),
    ("Contact Information", "Type of Covered Entity", "Healthcare Provider", True, "C"),
    ("Breach Information", "Breach Start Date", "01/06/2025", True, "C"),
    ("Breach Information", "Breach End Date", "01/27/2025", True, "C"),
    ("Breach Information", "Discovery Start Date", "02/03/2025", True, "C"),
    ("Breach Information", "Discovery End Date", "02/03/2025", True, "C"),
    ("Breach Information", "Approximate Number of Individuals Affected by the Breach", "21778", True, "C"),
    ("Breach Information", "Type of Breach", ("Hacking/IT Incident",), True, "C"),
    ("Breach Information", "Location of Breached Information", ("Network Server",), True, "C"),
    ("Breach Information", "Type of Protected Health Information Involved in Breach: Clinical",
     ("Other Treatment Information",), True, "U"),
    ("Breach Information", "Type of Protected Health Information Involved in Breach: Demographic",
     ("Date of Birth", "Name", "Other: medical record number"), True, "U"),
    ("Breach Information", "Brief Description of the Breach",
     "An unauthorized person reached our image archive server through a remote connection that was not "
     "adequately secured. The server stores X-ray, CT and MRI images and the information used to label them. "
     "We found the activity on February 3, 2025, when our staff noticed unusual network traffic, and we shut "
     "off the connection that day. Types of protected health information involved: name, date of birth, "
     "medical record number, type of procedure, and medical images (such as X-rays).", True, "C"),
    ("Breach Information", "Safeguards in Place Prior to Breach",
     ("Privacy Rule Safeguards (Training, Policies and Procedures, etc.)",
      "Security Rule Technical Safeguards (Access Controls, Transmission Security, etc.)"), True, "U"),
    ("Notice of Breach and Actions Taken", "Individual Notice Provided Start Date", "03/14/2025", True, "U"),
    ("Notice of Breach and Actions Taken", "Individual Notice Provided Projected/Expected End Date", "", False, "U"),
    ("Notice of Breach and Actions Taken", "Was Substitute Notice Required?", "Yes", True, "U"),
    ("Notice of Breach and Actions Taken", "Was Media Notice Required?", "Yes", True, "U"),
    ("Notice of Breach and Actions Taken", "State(s)/Territories Where Media Notice Was Provided", "CA", True, "U"),
    ("Notice of Breach and Actions Taken", "Actions Taken in Response to Breach",
     ("Adopted encryption technologies", "Implemented new technical safeguards", "Took steps to mitigate harm",
      "Trained or retrained workforce members"), True, "U"),
    ("Notice of Breach and Actions Taken", "Describe Other Actions Taken", "", False, "C"),
    ("Attestation", "Name", "Dana Reyes", True, "U"),
    ("Attestation", "Date", "", True, "U"),
]


# ------------------------------------------------------------------ the sample

def test_harbor_point_fields_in_wizard_order_with_exact_values():
    fields = portal_fields(load_facts(SAMPLE, today=TODAY))
    assert [(f.screen, f.label, f.value, f.required, f.confidence) for f in fields] == HARBOR_POINT


def test_harbor_point_notes_explain_the_derived_values():
    fields = by_label(portal_fields(load_facts(SAMPLE, today=TODAY)))
    assert fields["Breach Affecting"].note == (
        "500 or more: notify HHS contemporaneously with the individual notices, within 60 days of discovery "
        "(164.408(b))")
    assert fields["Covered Entity Point of Contact: Last Name"].note == (
        "split at the last space of covered_entity.contact.name; check it (for example a suffix such as Jr.)")
    assert fields["Discovery End Date"].note == (
        "facts hold one discovery date (breach.discovered_on), used for start and end")
    assert fields["Type of Protected Health Information Involved in Breach: Demographic"].note == (
        "tick Other and type the words after 'Other: ' in the box the portal opens for it")
    assert fields["Brief Description of the Breach"].note == (
        "breach.summary and the types of PHI involved (breach.phi); the portal asks for where the breach "
        "happened, how it occurred, the type of media and the types of PHI involved. Its character limit is "
        "not confirmed: this text has 479 characters, check the portal keeps all of it")
    assert fields["Individual Notice Provided Start Date"].note == (
        "the notice date the facts give (notices.date); change it if the first notices went out on another day")
    assert fields["Filer Role"].note == (
        'the portal asks this as three Yes/No questions: answer Yes to "Are you a Covered Entity filing on '
        'behalf of your organization?" and No to the other two')
    assert fields["Was Substitute Notice Required?"].note == (
        "37 people lack current contact information: 90-day web posting or major media, with a toll-free "
        "number (164.404(d)(2)(ii)); facts: web")
    assert fields["Was Media Notice Required?"].note == "more than 500 residents of CA (164.406(a))"


# ------------------------------------------------------------------ rules behind the values

@pytest.mark.parametrize("total, expected", [
    (499, "Fewer Than 500 Individuals"), (500, "500 or More Individuals"), (1, "Fewer Than 500 Individuals")])
def test_breach_affecting_turns_at_500(data, total, expected):
    data["affected"].update(total=total, by_state={}, insufficient_contact=0, deceased=0,
                            deceased_without_next_of_kin=0, email_consent=0)
    field = by_label(portal_fields(facts_of(data)))["Breach Affecting"]
    assert field.value == expected


def test_fewer_than_500_note_gives_the_year_end_deadline(data):
    data["affected"].update(total=499, by_state={}, insufficient_contact=0, deceased=0,
                            deceased_without_next_of_kin=0, email_consent=0)
    assert by_label(portal_fields(facts_of(data)))["Breach Affecting"].note == (
        "fewer than 500: log it and notify HHS within 60 days after the end of the calendar year of discovery "
        "(164.408(c))")


def test_business_associate_filer_gets_ba_role_and_ba_section(data):
    data["reporting_party"] = "business_associate"
    data["business_associate"] = BA
    fields = portal_fields(facts_of(data))
    labels = by_label(fields)
    assert labels["Filer Role"].value == "Business Associate filing on behalf of a Covered Entity"
    assert labels["Filer Role"].note == (
        'the portal asks this as three Yes/No questions: answer Yes to "Are you a Business Associate filing on '
        'behalf of a Covered Entity?" and No to the other two')
    ba = [(f.label, f.value, f.required) for f in fields if "Business Associate" in f.label]
    assert ba == [
        ("Name of Business Associate", "Pacific Film Storage LLC", True),
        ("Business Associate: Street Address Line 1", "88 Harbor Way", True),
        ("Business Associate: Street Address Line 2", "Unit 4", False),
        ("Business Associate: City", "San Pedro", True),
        ("Business Associate: State", "CA", True),
        ("Business Associate: ZIP", "90731", True),
        ("Business Associate Point of Contact: First Name", "Mary Ann", True),
        ("Business Associate Point of Contact: Last Name", "Lee", True),
        ("Business Associate Point of Contact: Email", "security@pacificfilm.example", True),
        ("Business Associate Point of Contact: Phone Number", "310-555-0199", True),
        ("Business Associate Point of Contact: Usage", "Work", True),
    ]
    assert labels["Discovery Start Date"].note == (
        "facts hold one discovery date (breach.discovered_on), used for start and end; "
        "the business associate discovered it on 02/01/2025")
    # the BA section follows the covered entity's, still on the Contact screen
    names = [f.label for f in fields]
    assert names.index("Name of Business Associate") == names.index("Type of Covered Entity") + 1
    assert labels["Name of Business Associate"].screen == "Contact Information"


def test_covered_entity_filing_for_its_business_associate_breach(data):
    data["business_associate"] = BA
    role = by_label(portal_fields(facts_of(data)))["Filer Role"].value
    assert role == "Covered Entity filing because its Business Associate experienced a breach"


def test_no_business_associate_means_no_ba_fields():
    fields = portal_fields(load_facts(SAMPLE, today=TODAY))
    assert [f.label for f in fields if "Business Associate" in f.label] == []


def test_individual_notice_date_is_the_notice_date_never_the_deadline(data):
    """Issue 9, finding 4: the deadline on the federal record would be a false date."""
    plan = Plan((Obligation("hhs", dt.date(2025, 3, 1)), Obligation("individual", dt.date(2025, 4, 4)),
                 Obligation("individual", dt.date(2025, 3, 20)), Obligation("individual", None)))
    field = by_label(portal_fields(facts_of(data), plan=plan))["Individual Notice Provided Start Date"]
    assert (field.value, field.note) == (
        "03/14/2025",
        "the notice date the facts give (notices.date); change it if the first notices went out on another day")


def test_without_a_notice_date_the_individual_notice_date_is_blank_and_names_the_deadline(data):
    data["notices"]["date"] = None
    plan = Plan((Obligation("individual", dt.date(2025, 4, 4)), Obligation("individual", dt.date(2025, 3, 20))))
    field = by_label(portal_fields(facts_of(data), plan=plan))["Individual Notice Provided Start Date"]
    assert (field.value, field.note) == (
        "", "left blank: notices.date is not given; fill in the date the first individual notices went out "
            "(due no later than 03/20/2025)")
    field = by_label(portal_fields(facts_of(data)))["Individual Notice Provided Start Date"]
    assert (field.value, field.note) == (
        "", "left blank: notices.date is not given; fill in the date the first individual notices went out")


def test_plan_without_obligations_is_refused(data):
    with pytest.raises(TypeError) as info:
        portal_fields(facts_of(data), plan=object())
    assert str(info.value) == "plan must have an 'obligations' attribute (a noticegen.plan.Plan)"


def test_open_ended_breach_leaves_end_date_blank_with_note(data):
    data["breach"]["ended_on"] = None
    field = by_label(portal_fields(facts_of(data)))["Breach End Date"]
    assert (field.value, field.note) == (
        "", "breach.ended_on is not set (ongoing or unknown); the portal requires an end date")


def test_estimated_count_is_noted(data):
    data["affected"]["estimated"] = True
    field = by_label(portal_fields(facts_of(data)))["Approximate Number of Individuals Affected by the Breach"]
    assert (field.value, field.note) == ("21778", "an estimate (affected.estimated)")


@pytest.mark.parametrize("unreachable, value, note", [
    (0, "No", "affected.insufficient_contact is 0"),
    (3, "Yes", "3 people lack current contact information: alternative written notice, telephone or other "
               "means (164.404(d)(2)(i))"),
    (10, "Yes", "10 people lack current contact information: 90-day web posting or major media, with a "
                "toll-free number (164.404(d)(2)(ii)); facts: web"),
])
def test_substitute_notice_required_whenever_someone_is_unreachable(data, unreachable, value, note):
    data["affected"]["insufficient_contact"] = unreachable
    field = by_label(portal_fields(facts_of(data)))["Was Substitute Notice Required?"]
    assert (field.value, field.note) == (value, note)


def test_media_notice_needs_more_than_500_in_one_state(data):
    data["affected"]["by_state"] = {"CA": 500, "NV": 501, "AZ": 501, "OR": 12}
    fields = by_label(portal_fields(facts_of(data)))
    assert fields["Was Media Notice Required?"].value == "Yes"
    assert fields["State(s)/Territories Where Media Notice Was Provided"].value == "AZ; NV"


def test_no_media_notice_when_no_state_passes_500(data):
    data["affected"]["by_state"] = {"CA": 500, "NV": 288}
    fields = by_label(portal_fields(facts_of(data)))
    assert (fields["Was Media Notice Required?"].value, fields["Was Media Notice Required?"].note) == (
        "No", "no state or territory has more than 500 affected residents (164.406(a))")
    assert "State(s)/Territories Where Media Notice Was Provided" not in fields


def test_empty_by_state_with_more_than_500_asks_for_the_states(data):
    data["affected"]["by_state"] = {}
    field = by_label(portal_fields(facts_of(data)))["Was Media Notice Required?"]
    assert (field.value, field.note) == ("No", "affected.by_state is empty: list residents per state to tell "
                                               "whether more than 500 live in one state (164.406(a))")


def test_phi_grouped_by_category_in_portal_order_without_duplicates(data):
    data["breach"]["phi"] = ["other", "bank_account", "claims", "credit_card", "phone_number", "ssn",
                             "email_address", "diagnosis", "disability_code"]
    data["breach"]["phi_other"] = "parking permit number"
    phi = [(f.label.split(": ")[1], f.value, f.note) for f in portal_fields(facts_of(data))
           if f.label.startswith("Type of Protected Health Information")]
    assert phi == [
        ("Clinical", ("Diagnosis/Conditions",), ""),
        ("Demographic", ("SSN", "Other: phone number, email address"), OTHER_NOTE),
        ("Financial", ("Claims Information", "Credit Card/Bank Acct #"), ""),
        ("Other", ("Other: parking permit number",), OTHER_NOTE),
    ]


def test_other_breach_type_adds_describe_field_and_warns(data):
    data["breach"]["types"] = ["theft", "other"]
    data["breach"]["type_other"] = "misdirected courier package"
    fields = by_label(portal_fields(facts_of(data)))
    assert fields["Type of Breach"].value == ("Theft", "Other")
    assert fields["Type of Breach"].confidence == "U"
    assert fields["Describe Other Type of Breach"].value == "misdirected courier package"


OTHER_NOTE = "tick Other and type the words after 'Other: ' in the box the portal opens for it"


def test_other_location_is_described_in_the_row(data):
    data["breach"]["locations"] = ["other", "laptop"]
    data["breach"]["location_other"] = "USB drive"
    field = by_label(portal_fields(facts_of(data)))["Location of Breached Information"]
    assert (field.value, field.note) == (("Laptop", "Other: USB drive"), OTHER_NOTE)


def test_no_row_reads_other_other(data):
    """Issue 9, finding 14: the PHI category Other showed "Other | Other", its description only in notes."""
    data["breach"]["phi"] = ["name", "other"]
    data["breach"]["phi_other"] = "Parking permit number"
    text = to_markdown(portal_fields(facts_of(data)))
    assert "| Type of Protected Health Information Involved in Breach: Other \\* | Other: Parking permit number |" in text
    assert not any(line.endswith("Other \\* | Other |") for line in text.splitlines())


def test_brief_description_names_the_phi_types(data):
    data["breach"]["phi"] = ["ssn", "other"]
    data["breach"]["phi_other"] = "Parking permit number"
    data["breach"]["summary"] = "A laptop was stolen from a car"
    field = by_label(portal_fields(facts_of(data)))["Brief Description of the Breach"]
    assert field.value == ("A laptop was stolen from a car. Types of protected health information involved: "
                           "Social Security number and parking permit number.")


def test_other_action_makes_description_required(data):
    data["response"]["actions_taken"] = ["other", "revised_policies"]
    data["response"]["actions_other"] = "Moved the archive to a new vendor."
    fields = by_label(portal_fields(facts_of(data)))
    assert fields["Actions Taken in Response to Breach"].value == ("Revised policies and procedures", "Other")
    other = fields["Describe Other Actions Taken"]
    assert (other.value, other.required, other.note) == ("Moved the archive to a new vendor.", True, "")


def test_empty_safeguards_and_actions_are_flagged(data):
    data["response"]["safeguards_in_place"] = []
    data["response"]["actions_taken"] = []
    fields = by_label(portal_fields(facts_of(data)))
    assert fields["Safeguards in Place Prior to Breach"].value == ()
    assert fields["Safeguards in Place Prior to Breach"].note == (
        "response.safeguards_in_place is empty; the portal requires a choice ('None' if there were none)")
    assert fields["Actions Taken in Response to Breach"].note == (
        "response.actions_taken is empty; the portal requires at least one action")


def test_attestation_falls_back_to_covered_entity_contact(data):
    data["notices"]["signer"] = None
    data["covered_entity"]["contact"]["name"] = "Sam Ortiz"
    assert by_label(portal_fields(facts_of(data)))["Name"].value == "Sam Ortiz"


@pytest.mark.parametrize("full, parts", [
    ("Dana Reyes", ("Dana", "Reyes")), ("Mary Ann Lee", ("Mary Ann", "Lee")), ("Cher", ("", "Cher")),
    ("Ana  de la Cruz", ("Ana  de la", "Cruz")),
])
def test_split_name_at_last_space(full, parts):
    assert split_name(full) == parts


def test_portal_date_is_mm_dd_yyyy():
    assert (portal_date(dt.date(2025, 2, 3)), portal_date(None)) == ("02/03/2025", "")


# ------------------------------------------------------------------ the table

def _literals(annotation) -> tuple[str, ...] | None:
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    for arg in typing.get_args(annotation):
        found = _literals(arg)
        if found:
            return found
    return None


def _literal_fields(model: type[BaseModel], seen: set | None = None) -> dict[str, tuple[str, ...]]:
    seen = seen if seen is not None else set()
    found: dict[str, tuple[str, ...]] = {}
    if model in seen:
        return found
    seen.add(model)
    for name, info in model.model_fields.items():
        values = _literals(info.annotation)
        if values:
            found[f"{model.__name__}.{name}"] = values
        for arg in (info.annotation, *typing.get_args(info.annotation)):
            inner = [a for a in (arg, *typing.get_args(arg)) if isinstance(a, type) and issubclass(a, BaseModel)]
            for sub in inner:
                found.update(_literal_fields(sub, seen))
    return found


ON_THE_PORTAL = {
    "CoveredEntity.kind": "ce_kind",
    "Breach.types": "breach_type",
    "Breach.locations": "location",
    "Response.safeguards_in_place": "safeguard",
    "Response.actions_taken": "action",
}
NOT_A_TABLE_ROW = {
    "Breach.phi": "mapped by PHI_CHECKBOX (tested below)",
    "Breach.phi_not_involved": "not asked: the portal asks what was involved; notices use it (issue 9)",
    "Facts.reporting_party": "picks a filer_role row with the business associate (tested above)",
    "Assessment.exception": "not asked: an exception means no breach to report",
    "LawEnforcementDelay.statement": "not asked by the portal",
    "SubstituteNotice.method": "only in a note",
    "Notices.locales": "not asked by the portal",
    "Facts.translations": "keyed by locale; the portal takes the English text",
    "ReviewState.status": "a translation's review (draft or reviewed): not asked by the portal",
    "SubstituteNotice.urls": "keyed by locale: the web page of each translation; the portal takes the English",
}


def test_every_literal_in_facts_is_accounted_for():
    assert set(_literal_fields(Facts)) == set(ON_THE_PORTAL) | set(NOT_A_TABLE_ROW)


@pytest.mark.parametrize("field, what", sorted(ON_THE_PORTAL.items()))
def test_every_facts_enum_value_has_a_portal_string(field, what):
    values = _literal_fields(Facts)[field]
    assert [v for v in values if (what, v) not in PORTAL] == []


def test_enum_aliases_match_the_table():
    for alias, what in ((facts_module.BreachType, "breach_type"), (facts_module.BreachLocation, "location"),
                        (facts_module.Safeguard, "safeguard"), (facts_module.Action, "action")):
        assert {k for w, k in PORTAL if w == what} == set(typing.get_args(alias))


def test_every_phi_term_has_a_portal_box():
    assert list(PHI_CHECKBOX) == list(facts_module.PHI_TERMS)
    assert [k for k in PHI_CHECKBOX.values() if ("phi", k) not in PORTAL] == []
    assert {k.split(".")[0] for k in PHI_CHECKBOX.values()} <= {k for w, k in PORTAL if w == "phi_category"}


def test_each_portal_string_appears_once_per_field_so_a_correction_is_one_line():
    seen: dict[tuple[str, str, str], tuple[str, str]] = {}
    for (what, key), opt in PORTAL.items():
        group = key.split(".")[0] if what == "phi" else ""
        assert (what, group, opt.text) not in seen, f"{opt.text!r} is in the table twice"
        seen[(what, group, opt.text)] = (what, key)
        assert opt.confidence in ("C", "P", "U")


def test_unknown_row_names_the_table():
    with pytest.raises(KeyError) as info:
        option("location", "cloud")
    assert info.value.args[0] == "hhs.PORTAL has no row ('location', 'cloud'); add the portal's string for it"


# ------------------------------------------------------------------ writers

def test_json_is_stable_and_keeps_column_order():
    facts = load_facts(SAMPLE, today=TODAY)
    text = to_json(portal_fields(facts))
    assert text == to_json(portal_fields(facts))
    rows = json.loads(text)
    assert [list(row) for row in rows] == [["screen", "label", "value", "required", "confidence", "note"]] * len(rows)
    assert [row["label"] for row in rows] == [row[1] for row in HARBOR_POINT]
    assert rows[0] == {"screen": "General Information", "label": "Breach Affecting",
                       "value": "500 or More Individuals", "required": True, "confidence": "C",
                       "note": "500 or more: notify HHS contemporaneously with the individual notices, within 60 "
                               "days of discovery (164.408(b))"}
    assert rows[20]["value"] == ["Hacking/IT Incident"]
    assert text.startswith('[\n  {\n    "screen": "General Information",\n') and text.endswith("}\n]\n")


def test_csv_header_and_multi_select_join():
    rows = list(csv.reader(io.StringIO(to_csv(portal_fields(load_facts(SAMPLE, today=TODAY))))))
    assert rows[0] == ["screen", "label", "value", "required", "confidence", "note"]
    demographic = [r for r in rows if r[1].endswith(": Demographic")][0]
    assert demographic[2:5] == ["Date of Birth; Name; Other: medical record number", "yes", "U"]
    assert len(rows) == len(HARBOR_POINT) + 1 + 3


def test_csv_ends_with_a_legend_of_the_confidence_codes():
    """Issue 9, finding 14: a spreadsheet user reads what C, P and U mean below the fields."""
    rows = list(csv.reader(io.StringIO(to_csv(portal_fields(load_facts(SAMPLE, today=TODAY))))))
    assert rows[-3:] == [
        ["Legend", "Confidence C", "Confirmed: this label or option string was confirmed in a retrieved source.",
         "", "C", ""],
        ["Legend", "Confidence P", "Parallel: confirmed only through the parallel 42 CFR Part 2 breach form or a "
         "secondary source. Check it on screen.", "", "P", ""],
        ["Legend", "Confidence U", "Unverified: as commonly reported for OCR's form but not confirmed against the "
         "portal. Check it on screen before you submit.", "", "U", ""],
    ]


def test_csv_neutralises_formulas_from_the_facts(data):
    data["breach"]["summary"] = '=HYPERLINK("http://evil.example","click")'
    data["covered_entity"]["contact"]["name"] = "@Dana Reyes"
    data["notices"]["signer"] = None
    rows = {r[1]: r for r in csv.reader(io.StringIO(to_csv(portal_fields(facts_of(data)))))}
    assert rows["Brief Description of the Breach"][2].startswith('\'=HYPERLINK("http://evil.example","click"). ')
    assert rows["Covered Entity Point of Contact: First Name"][2] == "'@Dana"
    assert rows["Name"][2] == "'@Dana Reyes"
    assert rows["Covered Entity Point of Contact: Last Name"][2] == "Reyes"


@pytest.mark.parametrize("value, cell", [
    ("+1 555", "'+1 555"), ("-2", "'-2"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), ("", ""),
    (("=A1", "ok"), "'=A1; ok"),
])
def test_csv_neutralises_every_formula_start(value, cell):
    field = PortalField("S", "L", value, False, "C", "")
    assert list(csv.reader(io.StringIO(to_csv([field]), newline="")))[1][2] == cell


def test_markdown_has_one_section_per_screen_and_flags_unverified():
    text = to_markdown(portal_fields(load_facts(SAMPLE, today=TODAY)))
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## General Information", "## Contact Information", "## Breach Information",
        "## Notice of Breach and Actions Taken", "## Attestation"]
    assert "| Breach Affecting \\* | 500 or More Individuals |" in text
    assert "| Report Type \\*[^parallel] | Initial Breach Report |" in text
    assert "| Was Media Notice Required? \\*[^unverified] | Yes |" in text
    assert "| Covered Entity: Street Address Line 2[^parallel] |  |" in text
    assert text.count("\n[^unverified]: Unverified:") == 1
    assert text.count("\n[^parallel]: Confirmed only") == 1


def test_markdown_without_unverified_fields_has_no_footnotes():
    text = to_markdown([PortalField("General Information", "Breach Affecting", "Yes", True, "C", "")])
    assert "[^" not in text


def test_markdown_escapes_specials_in_values(data):
    data["breach"]["summary"] = "a | b *c* _d_ [e](f) <script> `g` \\ # ~h~ &amp; !\nsecond line"
    text = to_markdown(portal_fields(facts_of(data)))
    row = [line for line in text.splitlines() if line.startswith("| Brief Description")][0]
    assert row == ("| Brief Description of the Breach \\* | a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\<script\\> "
                   "\\`g\\` \\\\ \\# \\~h\\~ \\&amp; \\!<br>second line. Types of protected health "
                   "information involved: name, date of birth, medical record number, type of procedure, and "
                   "medical images (such as X-rays). |")
    assert row.replace("\\|", "").count("|") == 3


def test_markdown_escapes_specials_in_other_descriptions(data):
    data["breach"]["locations"] = ["other"]
    data["breach"]["location_other"] = "a *shared* | drive"
    text = to_markdown(portal_fields(facts_of(data)))
    assert "| Location of Breached Information \\* | Other: a \\*shared\\* \\| drive |" in text
