"""The input contract: frozen pydantic models of a breach's facts, their cross-field rules, and load_facts."""

from __future__ import annotations

import difflib
import re
import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import phonenumbers
from dataclasses import dataclass
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from .errors import FactsError
from .loader import Source, read_file
from .lang.catalogs import LOCALES
from .places import STATES

USPS_CODES = tuple(STATES)
"""States, the District of Columbia and the territories, by USPS code (164.406 'State or jurisdiction')."""

PHI_TERMS = (
    "name", "address", "date_of_birth", "phone_number", "email_address", "ssn", "drivers_license",
    "medical_record_number", "health_plan_id", "account_number", "credit_card", "bank_account",
    "claims", "diagnosis", "lab_results", "medications", "procedure", "treatment", "images",
    "disability_code", "other",
)
"""The controlled PHI vocabulary; phi.py maps each term to its label and HHS category."""

BreachType = Literal[
    "hacking_it_incident", "improper_disposal", "loss", "theft", "unauthorized_access_disclosure", "other"
]
BreachLocation = Literal[
    "desktop_computer", "electronic_medical_record", "email", "laptop", "network_server",
    "other_portable_electronic_device", "paper_films", "other",
]
PhiTerm = Literal[PHI_TERMS]  # type: ignore[valid-type]
Safeguard = Literal["none", "privacy_rule", "security_administrative", "security_physical", "security_technical"]
Action = Literal[
    "adopted_encryption", "changed_passwords", "updated_risk_management_plan", "new_technical_safeguards",
    "periodic_evaluations", "improved_physical_security", "updated_risk_analysis", "trained_business_associate",
    "provided_credit_monitoring", "revised_business_associate_contracts", "revised_policies",
    "sanctioned_workforce", "mitigated_harm", "trained_workforce", "other",
]
Exception_ = Literal["good_faith_workforce_use", "inadvertent_internal_disclosure", "recipient_unable_to_retain"]
Locale = Literal[LOCALES]  # type: ignore[valid-type]
"""Locales with a catalog in locales/ (lang.LOCALES); add one there when its catalog is complete."""


def _state(value: str) -> str:
    if value not in USPS_CODES:
        near = difflib.get_close_matches(value.upper(), USPS_CODES, n=1, cutoff=0.5)
        hint = f" (did you mean {near[0]}?)" if near else ""
        raise ValueError(f"{value!r} is not a USPS state or territory code{hint}")
    return value


def _phone(value: str) -> str:
    try:
        parsed = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"{value!r} is not a valid phone number; write it like 562-555-0100")
    return value


def _toll_free(value: str) -> str:
    _phone(value)
    if phonenumbers.number_type(phonenumbers.parse(value, "US")) != phonenumbers.PhoneNumberType.TOLL_FREE:
        raise ValueError(
            f"{value!r} is not a toll-free number (800, 833, 844, 855, 866, 877 or 888); "
            "164.404(d)(2)(ii)(B) asks for a toll-free number"
        )
    return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"{value!r} is not an email address")
    return value


def _url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(f"{value!r} is not a web address; start it with https://")
    return value


State = Annotated[str, AfterValidator(_state)]
Phone = Annotated[str, AfterValidator(_phone)]
TollFree = Annotated[str, AfterValidator(_toll_free)]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_url)]
Text = Annotated[str, Field(min_length=1, max_length=10_000)]
Line = Annotated[str, Field(min_length=1, max_length=300)]
Count = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True)


class Address(_Model):
    street: Line
    street2: Line | None = None
    city: Line
    state: State
    zip: Annotated[str, Field(pattern=r"^\d{5}(-\d{4})?$")]


class ContactPerson(_Model):
    name: Line
    title: Line | None = None
    phone: Phone
    email: Email


class CoveredEntity(_Model):
    name: Line
    kind: Literal["health_plan", "healthcare_clearinghouse", "healthcare_provider"]
    address: Address
    website: Url | None = None
    contact: ContactPerson
    media_contact: ContactPerson | None = None
    """Who answers reporters about the press release (164.406); None: the contact person above."""
    about: Text | None = None
    """A press release's closing "About <entity>" paragraph, in the entity's words; None: no such paragraph."""


class BusinessAssociate(_Model):
    name: Line
    address: Address
    contact: ContactPerson
    agent_of_covered_entity: bool
    discovered_on: dt.date
    notified_covered_entity_on: dt.date | None = None
    """The day the business associate gave its notice to the covered entity (164.410); its notice is dated so."""
    summary: Text | None = None
    """What happened, in the business associate's own words to the covered entity ("On March 9 we found ...").
    Its notice (164.410) needs it; without it the notice falls back to breach.summary and validate warns."""
    investigation: Text | None = None
    """What the business associate is doing to investigate; without it, response.investigation (validate warns)."""
    mitigation: Text | None = None
    """What the business associate is doing to mitigate harm; without it, response.mitigation."""
    prevention: Text | None = None
    """What the business associate is doing to protect against further breaches; without it, response.prevention."""

    @model_validator(mode="after")
    def _notice_after_discovery(self):
        if self.notified_covered_entity_on and self.notified_covered_entity_on < self.discovered_on:
            raise _at(("notified_covered_entity_on",),
                      "is before the business associate discovered the breach (discovered_on); check both dates")
        return self


class RiskAssessment(_Model):
    """The four factors of 164.402(2), documented when a low probability of compromise is claimed."""

    nature_and_extent: Text
    unauthorized_person: Text
    acquired_or_viewed: Text
    mitigation: Text


class Assessment(_Model):
    exception: Exception_ | None = None
    low_probability_of_compromise: bool = False
    risk_assessment: RiskAssessment | None = None

    @model_validator(mode="after")
    def _factors_documented(self):
        if self.low_probability_of_compromise and self.risk_assessment is None:
            raise _at(("risk_assessment",),
                      "is required when low_probability_of_compromise is true: document the four factors of "
                      "164.402(2) (nature_and_extent, unauthorized_person, acquired_or_viewed, mitigation)")
        return self


class Breach(_Model):
    started_on: dt.date
    ended_on: dt.date | None = None
    discovered_on: dt.date
    types: Annotated[list[BreachType], Field(min_length=1)]
    type_other: Line | None = None
    locations: Annotated[list[BreachLocation], Field(min_length=1)]
    location_other: Line | None = None
    summary: Text
    phi: Annotated[list[PhiTerm], Field(min_length=1)]
    phi_other: Line | None = None
    phi_not_involved: list[PhiTerm] = []
    """Kinds of information the entity has established were NOT involved (same vocabulary as phi).
    Notices state a negative ("did not involve your Social Security number") only for what this lists."""
    unsecured: bool = True
    assessment: Assessment = Assessment()

    @model_validator(mode="after")
    def _dates_in_order(self, info: ValidationInfo):
        today = (info.context or {}).get("today") or dt.date.today()
        if self.ended_on and self.ended_on < self.started_on:
            raise _at(("ended_on",), "is before started_on; the breach cannot end before it starts")
        if self.ended_on and self.ended_on > today:
            raise _at(("ended_on",), f"is in the future (today is {today.isoformat()}); leave it null while ongoing")
        if self.started_on > today:
            raise _at(("started_on",), f"is in the future (today is {today.isoformat()})")
        if self.discovered_on < self.started_on:
            raise _at(("discovered_on",), "is before started_on; a breach cannot be discovered before it starts")
        if self.discovered_on > today:
            raise _at(("discovered_on",), f"is in the future (today is {today.isoformat()})")
        for flag, other in (("other", "type_other"),):
            if flag in self.types and not self.type_other:
                raise _at((other,), "is required when types includes 'other': describe the type of breach")
        if "other" in self.locations and not self.location_other:
            raise _at(("location_other",), "is required when locations includes 'other': describe where")
        if "other" in self.phi and not self.phi_other:
            raise _at(("phi_other",), "is required when phi includes 'other': name the kind of information")
        both = [term for term in self.phi_not_involved if term in self.phi]
        if both:
            raise _at(("phi_not_involved",),
                      f"lists {', '.join(both)}, which breach.phi says was involved; remove it from one of them")
        if "other" in self.phi_not_involved:
            raise _at(("phi_not_involved",),
                      "cannot list 'other': name each kind of information that was not involved with its own term")
        return self


class Affected(_Model):
    total: Annotated[int, Field(ge=1)]
    estimated: bool = False
    by_state: dict[State, Count] = {}
    insufficient_contact: Count = 0
    deceased: Count = 0
    deceased_without_next_of_kin: Count = 0
    email_consent: Count = 0

    @model_validator(mode="after")
    def _counts_fit(self):
        in_states = sum(self.by_state.values())
        if in_states > self.total:
            raise _at(("by_state",), f"adds up to {in_states}, more than total ({self.total})")
        for name in ("insufficient_contact", "deceased", "email_consent"):
            if getattr(self, name) > self.total:
                raise _at((name,), f"is {getattr(self, name)}, more than total ({self.total})")
        if self.deceased_without_next_of_kin > self.deceased:
            raise _at(("deceased_without_next_of_kin",),
                      f"is {self.deceased_without_next_of_kin}, more than deceased ({self.deceased})")
        return self


class WrittenFollowup(_Model):
    stated_on: dt.date
    delay_until: dt.date


ORAL_HOLD_DAYS = 30
"""164.412(b): an oral statement delays notice 'no longer than 30 days from the date of the oral statement'."""


class LawEnforcementDelay(_Model):
    agency: Line
    official: Line
    statement: Literal["written", "oral"]
    stated_on: dt.date
    delay_until: dt.date
    written_followup: WrittenFollowup | None = None
    """For an oral statement: the written statement that followed it, if one did (164.412(b))."""

    @model_validator(mode="after")
    def _order(self):
        if self.delay_until < self.stated_on:
            raise _at(("delay_until",), "is before stated_on; the delay must end after the statement")
        if self.written_followup and self.statement == "written":
            raise _at(("written_followup",), "only applies to an oral statement; remove it or set statement: oral")
        if self.written_followup and self.written_followup.stated_on < self.stated_on:
            raise _at(("written_followup", "stated_on"), "is before the oral statement (stated_on)")
        return self

    def ends_on(self) -> dt.date:
        """The day the hold ends, from which notice may go out (164.412).

        A written statement holds notice until its delay_until (164.412(a)); an oral one no longer than
        30 days from the statement, unless a written statement follows within those 30 days (164.412(b)).
        """
        if self.statement == "written":
            return self.delay_until
        cap = self.stated_on + dt.timedelta(days=ORAL_HOLD_DAYS)
        if self.written_followup is not None and self.written_followup.stated_on <= cap:
            return self.written_followup.delay_until
        return min(self.delay_until, cap)

    def ends_by(self) -> str:
        """Which fact sets ends_on(), for messages."""
        if self.statement == "written":
            return "law_enforcement_delay.delay_until, 164.412(a)"
        cap = self.stated_on + dt.timedelta(days=ORAL_HOLD_DAYS)
        if self.written_followup is not None and self.written_followup.stated_on <= cap:
            return "law_enforcement_delay.written_followup.delay_until, 164.412(a), (b)"
        if self.delay_until <= cap:
            return "law_enforcement_delay.delay_until, 164.412(b)"
        return "30 days after the oral statement of law_enforcement_delay.stated_on, 164.412(b)"


class CreditMonitoring(_Model):
    provider: Line
    months: Annotated[int, Field(ge=1, le=120)]
    enroll_by: dt.date | None = None
    url: Url | None = None


class Response(_Model):
    investigation: Text
    mitigation: Text
    prevention: Text
    individual_steps: Annotated[list[Text], Field(min_length=1)]
    credit_monitoring: CreditMonitoring | None = None
    safeguards_in_place: list[Safeguard] = []
    actions_taken: list[Action] = []
    actions_other: Text | None = None


class Contact(_Model):
    """How individuals reach the entity (164.404(c)(1)(E)); at least one channel."""

    toll_free: TollFree | None = None
    hours: Line | None = None
    email: Email | None = None
    website: Url | None = None
    postal_address: Line | None = None

    @model_validator(mode="after")
    def _one_channel(self):
        if not (self.toll_free or self.email or self.website or self.postal_address):
            raise ValueError(
                "needs at least one of toll_free, email, website, postal_address (164.404(c)(1)(E))"
            )
        return self


class SubstituteNotice(_Model):
    method: Literal["web", "media"]
    url: Url | None = None
    outlets: list[Line] = []
    starts_on: dt.date | None = None
    """First day of the 90-day posting or the media run; defaults to the notice date."""
    urls: dict[Locale, Url] = {}
    """The web posting's address in each locale (url is the first locale's): the pages' language switcher and
    hreflang alternates link to these, and each locale's home-page banner to its own. A locale without one is
    linked by its file name, ../<locale>/substitute_web.html, as noticegen writes the folders."""

    @model_validator(mode="after")
    def _method_needs(self):
        if self.method == "web" and not self.url:
            raise _at(("url",), "is required when method is web: the page the home page links to")
        if self.method == "media" and not self.outlets:
            raise _at(("outlets",), "is required when method is media: name the print or broadcast outlets")
        return self


class Signer(_Model):
    name: Line
    title: Line | None = None


def _tty(value: str) -> str:
    if value.strip() == "711":  # the Telecommunications Relay Service
        return "711"
    return _phone(value)


def _tagline_language(value: str) -> str:
    from .lang.taglines import tagline_id

    return tagline_id(value)


class LanguageAssistance(_Model):
    """The notice of free language assistance (Section 1557, 45 CFR 92.11) every letter, email and web page
    carries as taglines: ``languages`` (tagline ids: es_US, zh_Hant, vi, ...; see noticegen/lang/taglines.py)
    or ``states`` served (noticegen has no per-state table yet: states give English and the national top 15)."""

    phone: Phone
    tty: Annotated[str, AfterValidator(_tty)]
    """A TTY number, or 711 (the relay service)."""
    languages: list[Annotated[str, AfterValidator(_tagline_language)]] | None = None
    states: list[State] | None = None

    @model_validator(mode="after")
    def _languages_or_states(self):
        if (self.languages is None) == (self.states is None):
            raise ValueError("give either languages (tagline ids such as es_US, zh_Hant, vi) or states "
                             "(two-letter codes; they give English and the national top 15 languages)")
        if self.languages is not None and not self.languages:
            raise _at(("languages",), "is empty: list at least one language, or give states")
        return self

    def tagline_ids(self) -> tuple[str, ...]:
        """The taglines to print, in order, without repeats."""
        from .lang.taglines import default_languages

        ids = self.languages if self.languages is not None else default_languages()
        return tuple(dict.fromkeys(ids))


class Notices(_Model):
    date: dt.date | None = None
    """The date printed on notices; None means the day they are rendered."""
    locales: Annotated[list[Locale], Field(min_length=1)] = ["en_US"]
    signer: Signer | None = None
    """Who signs letters; None means the covered entity's contact person."""
    language_assistance: LanguageAssistance | None = None
    """Taglines offering free language assistance on every letter, email and web page; None: none."""


class ReviewState(_Model):
    """Whether a qualified translator reviewed a translation: ``status`` draft (the default) or reviewed,
    ``by`` whom and ``on`` which day. A notice in a locale whose translation is draft is made only with --draft."""

    status: Literal["draft", "reviewed"] = "draft"
    by: Line | None = None
    on: dt.date | None = None

    @model_validator(mode="after")
    def _reviewer(self):
        if self.status == "reviewed" and not self.by:
            raise _at(("by",), "is required when status is reviewed: name the qualified translator who reviewed it")
        return self


class TextTranslation(_Model):
    """The free text of a facts file in one more locale, so a notice never mixes languages.

    Free text in the facts (summary, response, hours...) is written in en_US; every other locale in
    notices.locales needs its own version here, field for field.
    """

    summary: Text
    investigation: Text
    mitigation: Text
    prevention: Text
    individual_steps: Annotated[list[Text], Field(min_length=1)]
    hours: Line | None = None
    type_other: Line | None = None
    location_other: Line | None = None
    phi_other: Line | None = None
    signer_title: Line | None = None
    """The title of whoever signs (notices.signer, else the covered entity's contact)."""
    business_associate_contact_title: Line | None = None
    """The title of the business associate's contact, who signs its notice to the covered entity. Optional:
    that notice is written to the covered entity and made in its language only (kinds.notice_locales)."""
    about: Text | None = None
    """covered_entity.about in this locale."""
    review: ReviewState = ReviewState()
    """Reviewed by a qualified translator, or draft (the default)."""
    sources: dict[str, Annotated[str, Field(pattern=r"^[0-9a-f]{8}$")]] = {}
    """The hash of the English each field was translated from ('summary', 'individual_steps.0': first 8 hex
    digits of its SHA-256), written by `noticegen translations import`: a field whose English changed is stale."""
    translated_on: dt.date | None = None
    """When `noticegen translations import` last wrote this block."""


class Facts(_Model):
    """Everything noticegen needs to know about one breach."""

    reporting_party: Literal["covered_entity", "business_associate"] = "covered_entity"
    covered_entity: CoveredEntity
    business_associate: BusinessAssociate | None = None
    breach: Breach
    affected: Affected
    urgent: bool = False
    law_enforcement_delay: LawEnforcementDelay | None = None
    response: Response
    contact: Contact
    substitute_notice: SubstituteNotice | None = None
    media_outlets: dict[State, list[Line]] = {}
    notices: Notices = Notices()
    translations: dict[Locale, TextTranslation] = {}
    """Free text for each locale other than en_US (see TextTranslation)."""

    @model_validator(mode="after")
    def _cross_field(self):
        ba = self.business_associate
        if self.reporting_party == "business_associate" and ba is None:
            raise _at(("business_associate",), "is required when reporting_party is business_associate")
        if ba and ba.discovered_on < self.breach.started_on:
            raise _at(("business_associate", "discovered_on"), "is before breach.started_on")
        living_unreachable = self.affected.insufficient_contact
        if living_unreachable >= 10:
            if not self.contact.toll_free:
                raise _at(("contact", "toll_free"),
                          f"is required: {living_unreachable} people cannot be reached by mail, so substitute "
                          "notice must give a toll-free number active 90 days (164.404(d)(2)(ii)(B))")
            if self.substitute_notice is None:
                raise _at(("substitute_notice",),
                          f"is required: {living_unreachable} people cannot be reached by mail; choose method "
                          "web (90-day home-page posting) or media (164.404(d)(2)(ii)(A))")
        self._translations_complete()
        return self

    def _translations_complete(self) -> None:
        for locale in self.notices.locales:
            if locale == "en_US":
                continue
            why = f"because notices.locales includes {locale} (a notice must not mix languages)"
            text = self.translations.get(locale)
            if text is None:
                raise _at(("translations", locale),
                          f"is required {why}: give summary, investigation, mitigation, prevention and "
                          "individual_steps in that language")
            if len(text.individual_steps) != len(self.response.individual_steps):
                raise _at(("translations", locale, "individual_steps"),
                          f"has {len(text.individual_steps)} steps but response.individual_steps has "
                          f"{len(self.response.individual_steps)}; translate each step once")
            pairs = (("hours", self.contact.hours), ("type_other", self.breach.type_other),
                     ("location_other", self.breach.location_other), ("phi_other", self.breach.phi_other),
                     ("signer_title", self.signer().title),
                     ("about", self.covered_entity.about))
            for name, source in pairs:
                if source and not getattr(text, name):
                    raise _at(("translations", locale, name), f"is required {why}")

    def text(self, locale: str) -> "LocalText":
        """The free text of the facts in ``locale`` (en_US: as written; others: from translations)."""
        if locale == "en_US" or locale not in self.translations:
            return LocalText(
                summary=self.breach.summary, investigation=self.response.investigation,
                mitigation=self.response.mitigation, prevention=self.response.prevention,
                individual_steps=tuple(self.response.individual_steps), hours=self.contact.hours,
                type_other=self.breach.type_other, location_other=self.breach.location_other,
                phi_other=self.breach.phi_other, signer_title=self.signer().title,
                business_associate_contact_title=(
                    self.business_associate.contact.title if self.business_associate else None),
                about=self.covered_entity.about,
            )
        t = self.translations[locale]
        return LocalText(
            summary=t.summary, investigation=t.investigation, mitigation=t.mitigation, prevention=t.prevention,
            individual_steps=tuple(t.individual_steps), hours=t.hours, type_other=t.type_other,
            location_other=t.location_other, phi_other=t.phi_other, signer_title=t.signer_title,
            business_associate_contact_title=t.business_associate_contact_title,
            about=t.about,
        )

    def signer(self) -> Signer:
        """The person who signs letters: notices.signer, else the covered entity's contact."""
        if self.notices.signer:
            return self.notices.signer
        person = self.covered_entity.contact
        return Signer(name=person.name, title=person.title)


@dataclass(frozen=True)
class LocalText:
    """The facts' free text in one locale."""

    summary: str
    investigation: str
    mitigation: str
    prevention: str
    individual_steps: tuple[str, ...]
    hours: str | None
    type_other: str | None
    location_other: str | None
    phi_other: str | None
    signer_title: str | None
    business_associate_contact_title: str | None
    about: str | None = None


class _Located(ValueError):
    """A cross-field error that belongs to a field below the model that raised it."""

    def __init__(self, path: tuple[str, ...], message: str):
        self.path = path
        super().__init__(f"{'.'.join(path)}: {message}")


def _at(path: tuple[str, ...], message: str) -> ValueError:
    return _Located(path, message)


# ---------------------------------------------------------------- error reporting

def _suggest(value: Any, choices: list[str]) -> str:
    if not isinstance(value, str):
        return ""
    near = [c for c in choices if c.startswith(value) or value in c.split("_")]
    near = near or difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean {near[0]!r}?)" if near else ""


def _model_at(loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the field at ``loc`` (for 'did you mean' on unknown keys)."""
    model: Any = Facts
    for part in loc[:-1]:
        if isinstance(part, int) or model is None:
            continue
        info = getattr(model, "model_fields", {}).get(part)
        if info is None:
            return None
        model = _unwrap_model(info.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _unwrap_model(annotation: Any):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _unwrap_model(arg)
        if found is not None:
            return found
    return None


def _messages(exc: ValidationError, source: Source) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        loc = tuple(p for p in loc if p != "[key]")
        kind = err["type"]
        ctx_error = (err.get("ctx") or {}).get("error")
        if isinstance(ctx_error, _Located):
            loc = loc + ctx_error.path
            message = str(ctx_error)[len(".".join(ctx_error.path)) + 2:]
        elif kind == "extra_forbidden":
            model = _model_at(loc)
            fields = list(model.model_fields) if model else []
            message = f"unknown field{_suggest(loc[-1], fields)}; remove it or fix its spelling"
        elif kind == "literal_error":
            expected = (err.get("ctx") or {}).get("expected", "")
            choices = re.findall(r"'([^']*)'", expected)
            message = f"{err['input']!r} is not one of: {', '.join(choices)}{_suggest(err['input'], choices)}"
        elif kind == "missing":
            message = "is required"
        elif kind.startswith("date"):
            message = f"{err['input']!r} is not a date; write it as YYYY-MM-DD"
        elif kind == "value_error":
            message = err["msg"].removeprefix("Value error, ")
        elif kind == "string_pattern_mismatch" and loc and loc[-1] == "zip":
            message = f"{err['input']!r} is not a ZIP code; write 5 digits or ZIP+4 (quote it in YAML)"
        else:
            message = err["msg"]
        path = ".".join(str(p) for p in loc) or "(top level)"
        line = source.line_of(loc)
        where = f"{source.name}:{line}" if line else source.name
        text = f"{where}: {path}: {message}"
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def release_problems(facts: Facts) -> list[tuple[tuple[str, ...], str]]:
    """What stops the notices going out though a plan can still be made: (field path, message) pairs.

    A notice dated inside a law-enforcement hold (164.412) is one: the plan still shows the deadlines,
    but no notice may carry that date. ``validate`` and ``render`` refuse these; ``plan`` notes them.
    """
    delay, date = facts.law_enforcement_delay, facts.notices.date
    if delay is None or date is None or date >= delay.ends_on():
        return []
    ends = delay.ends_on()
    return [(("notices", "date"),
             f"is {date.isoformat()}, inside the law-enforcement delay, which ends on {ends.isoformat()} "
             f"({delay.ends_by()}); no notice may go out before then: set notices.date to {ends.isoformat()} "
             "or later, or correct the delay's dates")]


def stale_translations(facts: Facts) -> list[tuple[tuple[str, ...], str]]:
    """(field path, message) for each translated field whose English changed since it was translated
    (translations.<locale>.sources, lang.sources): validate names them; such a locale renders only as a draft."""
    from .lang.sources import all_stale

    return all_stale(facts)


def warnings(facts: Facts) -> list[tuple[tuple[str, ...], str]]:
    """What validate reports but accepts: (field path, message) pairs.

    A business associate reporting (reporting_party: business_associate) writes its notice to the covered
    entity in its own voice; without business_associate.summary (or its actions) that notice borrows the
    covered entity's text, written to individuals.
    """
    out = []
    assistance = facts.notices.language_assistance
    if assistance is not None and assistance.states is not None:
        out.append((("notices", "language_assistance", "states"),
                    "noticegen has no table of the top 15 languages per state yet, so the taglines are English and "
                    "the national top 15 (HHS, 2016); list your states' languages under languages instead"))
    ba = facts.business_associate
    if facts.reporting_party != "business_associate" or ba is None:
        return out
    if ba.summary is None:
        out.append((("business_associate", "summary"),
                    "is not given, so the notice to the covered entity falls back to breach.summary, which is "
                    "written to individuals; write what happened in the business associate's own words "
                    "(164.410(c)(2))"))
    missing = [name for name in ("investigation", "mitigation", "prevention") if getattr(ba, name) is None]
    if missing:
        out.append((("business_associate",),
                    f"gives no {', '.join(missing)}, so the notice to the covered entity falls back to "
                    f"{', '.join('response.' + m for m in missing)}; say what the business associate is doing "
                    "(164.410(c)(2), 164.404(c)(1)(D))"))
    return out


def facts_from_source(source: Source, *, today: dt.date | None = None, release: bool = False,
                      warned: list[str] | None = None) -> Facts:
    """Validate plain data read from a facts file; raise FactsError listing every problem.

    ``release`` also refuses what stops notices going out (release_problems), for validate and render.
    ``warned``, when given, receives each of warnings() as ``FILE:LINE: field.path: warning: message``.
    """
    if not isinstance(source.data, dict):
        raise FactsError([f"{source.name}:1: (top level): a facts file is a mapping of fields; "
                          "start from `noticegen init`"])
    left = _no_placeholders(source.data)
    if left:
        raise FactsError([
            f"{source.name}:{source.line_of(path) or 1}: {'.'.join(map(str, path))}: "
            f"still holds the placeholder {text[:60]!r} from `noticegen init`; fill it in"
            for path, text in left
        ])
    try:
        facts = Facts.model_validate(source.data, context={"today": today or dt.date.today()})
    except ValidationError as exc:
        raise FactsError(_messages(exc, source)) from None
    if release:
        problems = release_problems(facts)
        if problems:
            raise FactsError([f"{source.name}:{source.line_of(path) or 1}: {'.'.join(path)}: {message}"
                              for path, message in problems])
    if warned is not None:
        warned += [f"{source.name}:{source.line_of(path) or 1}: {'.'.join(path)}: warning: {message}"
                   for path, message in warnings(facts) + stale_translations(facts)]
    return facts


def load_facts(path: str | Path, *, today: dt.date | None = None, release: bool = False,
               warned: list[str] | None = None) -> Facts:
    """Read and validate a YAML or JSON facts file.

    ``today`` bounds the dates ("not in the future"); None means the real today. ``release`` also
    refuses what stops the notices going out (a notice date inside a law-enforcement hold).
    ``warned``, when given, receives what is accepted with a warning (see warnings()).
    Raises FactsError with every problem, each as ``FILE:LINE: field.path: message``.
    """
    return facts_from_source(read_file(path), today=today, release=release, warned=warned)


def json_schema() -> dict:
    """The JSON Schema of a facts file, for editors."""
    schema = Facts.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "noticegen breach facts"
    return schema


def _no_placeholders(data: Any, path: tuple = ()) -> list[tuple[tuple, str]]:
    """Paths whose value is still a ``<...>`` placeholder from ``noticegen init``."""
    found: list[tuple[tuple, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _no_placeholders(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _no_placeholders(value, path + (i,))
    elif isinstance(data, str) and data.strip().startswith("<") and data.strip().endswith(">"):
        found.append((path, data.strip()))
    return found
