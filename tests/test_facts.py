"""The facts contract: every validation rule, each with the exact message it gives."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from noticegen.errors import FactsError
from noticegen.facts import Facts, facts_from_source, json_schema, load_facts
from noticegen.loader import Source

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def data() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def problems(data: dict) -> list[str]:
    with pytest.raises(FactsError) as info:
        facts_from_source(Source("f.yaml", json.loads(json.dumps(data, default=str))), today=TODAY)
    return list(info.value.problems)


def test_sample_validates_into_frozen_models():
    facts = load_facts(SAMPLE, today=TODAY)
    assert facts.affected.total == 21778
    assert facts.covered_entity.address.zip == "90802"
    with pytest.raises(Exception):
        facts.affected.total = 1  # frozen


def test_breach_end_before_start_is_refused(data):
    data["breach"]["ended_on"] = "2025-01-01"
    assert problems(data) == ["f.yaml: breach.ended_on: is before started_on; the breach cannot end before it starts"]


def test_breach_end_in_the_future_is_refused(data):
    data["breach"]["ended_on"] = "2026-12-01"
    assert problems(data) == [
        "f.yaml: breach.ended_on: is in the future (today is 2026-11-26); leave it null while ongoing"
    ]


def test_discovery_before_breach_start_is_refused(data):
    data["breach"]["discovered_on"] = "2025-01-05"
    assert problems(data) == [
        "f.yaml: breach.discovered_on: is before started_on; a breach cannot be discovered before it starts"
    ]


def test_ba_notice_to_covered_entity_before_ba_discovery_is_refused(data):
    data["business_associate"] = {
        "name": "Mailright Services", "agent_of_covered_entity": False,
        "address": {"street": "1 Main St", "city": "Reno", "state": "NV", "zip": "89501"},
        "contact": {"name": "Lee Park", "phone": "775-555-0100", "email": "lee@mailright.example"},
        "discovered_on": "2025-02-01", "notified_covered_entity_on": "2025-01-31",
    }
    assert problems(data) == [
        "f.yaml: business_associate.notified_covered_entity_on: is before the business associate discovered "
        "the breach (discovered_on); check both dates"
    ]


def test_per_state_counts_above_total_are_refused(data):
    data["affected"]["by_state"]["AZ"] = 100
    assert problems(data) == ["f.yaml: affected.by_state: adds up to 21800, more than total (21778)"]


@pytest.mark.parametrize("field", ["insufficient_contact", "deceased", "email_consent"])
def test_counts_above_total_are_refused(data, field):
    data["affected"][field] = 21779
    data["affected"]["deceased_without_next_of_kin"] = 0
    assert problems(data) == [f"f.yaml: affected.{field}: is 21779, more than total (21778)"]


def test_deceased_without_next_of_kin_above_deceased_is_refused(data):
    data["affected"]["deceased_without_next_of_kin"] = 13
    assert problems(data) == [
        "f.yaml: affected.deceased_without_next_of_kin: is 13, more than deceased (12)"
    ]


def test_toll_free_number_required_when_ten_or_more_unreachable(data):
    data["contact"]["toll_free"] = None
    assert problems(data) == [
        "f.yaml: contact.toll_free: is required: 37 people cannot be reached by mail, so substitute notice "
        "must give a toll-free number active 90 days (164.404(d)(2)(ii)(B))"
    ]


def test_toll_free_number_not_required_below_ten_unreachable(data):
    data["contact"]["toll_free"] = None
    data["affected"]["insufficient_contact"] = 9
    data["substitute_notice"] = None
    facts = facts_from_source(Source("f.yaml", json.loads(json.dumps(data, default=str))), today=TODAY)
    assert facts.contact.toll_free is None


def test_substitute_notice_method_required_when_ten_or_more_unreachable(data):
    data["substitute_notice"] = None
    assert problems(data) == [
        "f.yaml: substitute_notice: is required: 37 people cannot be reached by mail; choose method web "
        "(90-day home-page posting) or media (164.404(d)(2)(ii)(A))"
    ]


def test_toll_free_must_be_a_toll_free_number(data):
    data["contact"]["toll_free"] = "562-555-0147"
    assert problems(data) == [
        "f.yaml: contact.toll_free: '562-555-0147' is not a toll-free number (800, 833, 844, 855, 866, 877 "
        "or 888); 164.404(d)(2)(ii)(B) asks for a toll-free number"
    ]


def test_phone_numbers_must_parse(data):
    data["covered_entity"]["contact"]["phone"] = "555-CALL-US"
    assert problems(data) == [
        "f.yaml: covered_entity.contact.phone: '555-CALL-US' is not a valid phone number; write it like 562-555-0100"
    ]


def test_state_codes_are_usps_with_did_you_mean(data):
    data["affected"]["by_state"] = {"ca": 21412, "NV": 288}
    assert problems(data) == [
        "f.yaml: affected.by_state.ca: 'ca' is not a USPS state or territory code (did you mean CA?)"
    ]


def test_enumerations_are_exact_with_did_you_mean(data):
    data["breach"]["types"] = ["hacking"]
    assert problems(data) == [
        "f.yaml: breach.types.0: 'hacking' is not one of: hacking_it_incident, improper_disposal, loss, theft, "
        "unauthorized_access_disclosure, other (did you mean 'hacking_it_incident'?)"
    ]


def test_unknown_keys_are_errors_with_did_you_mean(data):
    data["breach"]["discoverd_on"] = data["breach"].pop("discovered_on")
    assert problems(data) == [
        "f.yaml: breach.discovered_on: is required",
        "f.yaml: breach.discoverd_on: unknown field (did you mean 'discovered_on'?); remove it or fix its spelling",
    ]


def test_at_least_one_contact_channel(data):
    data["contact"] = {"hours": "9 to 5"}
    data["affected"]["insufficient_contact"] = 0
    assert problems(data) == [
        "f.yaml: contact: needs at least one of toll_free, email, website, postal_address (164.404(c)(1)(E))"
    ]


def test_low_probability_needs_the_four_factors(data):
    data["breach"]["assessment"]["low_probability_of_compromise"] = True
    assert problems(data) == [
        "f.yaml: breach.assessment.risk_assessment: is required when low_probability_of_compromise is true: "
        "document the four factors of 164.402(2) (nature_and_extent, unauthorized_person, acquired_or_viewed, "
        "mitigation)"
    ]


def test_business_associate_reporting_party_needs_the_business_associate(data):
    data["reporting_party"] = "business_associate"
    assert problems(data) == [
        "f.yaml: business_associate: is required when reporting_party is business_associate"
    ]


def test_bad_date_says_how_to_write_it(data):
    data["breach"]["started_on"] = "2025-02-30"
    assert problems(data) == ["f.yaml: breach.started_on: '2025-02-30' is not a date; write it as YYYY-MM-DD"]


def test_every_problem_is_listed_at_once(data):
    data["covered_entity"]["kind"] = "hospital"
    data["contact"]["email"] = "not-an-email"
    data["affected"]["total"] = 0
    assert len(problems(data)) == 3


def test_json_schema_names_the_contract():
    schema = json_schema()
    assert schema["title"] == "noticegen breach facts"
    assert schema["additionalProperties"] is False
    assert {"covered_entity", "breach", "affected", "response", "contact"} <= set(schema["required"])


def test_signer_defaults_to_the_covered_entity_contact(data):
    data["notices"]["signer"] = None
    facts = Facts.model_validate(data, context={"today": TODAY})
    assert (facts.signer().name, facts.signer().title) == ("Dana Reyes", "Privacy Officer")


def test_every_other_locale_needs_its_free_text_translated(data):
    del data["translations"]
    assert problems(data) == [
        "f.yaml: translations.es_US: is required because notices.locales includes es_US (a notice must not mix "
        "languages): give summary, investigation, mitigation, prevention and individual_steps in that language"
    ]


def test_translated_steps_must_match_the_steps_one_for_one(data):
    data["translations"]["es_US"]["individual_steps"] = data["translations"]["es_US"]["individual_steps"] + ["Otro paso."]
    assert problems(data) == [
        "f.yaml: translations.es_US.individual_steps: has 3 steps but response.individual_steps has 2; "
        "translate each step once"
    ]


def test_the_signer_title_needs_a_translation(data):
    del data["translations"]["es_US"]["signer_title"]
    assert problems(data) == [
        "f.yaml: translations.es_US.signer_title: is required because notices.locales includes es_US "
        "(a notice must not mix languages)"
    ]
