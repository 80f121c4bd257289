"""The contact judges (164.404(c)(1)(E) and the toll-free line of 164.404(d)(2)(ii)(B)): every phone number,
email address, website and postal address in the notice, and whether it is the entity's own or a third
party's (a credit bureau, the FTC, HHS OCR, a state agency)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .reading import Judgement, Reading, contains, digits, nothing_found, quoted
from .units import Unit
from .vocab import CONTACT_CUE, THIRD_PARTY, THIRD_PARTY_DOMAINS, THIRD_PARTY_NUMBERS, fold


# ------------------------------------------------------------------ (E) contact, and the toll-free line

_PHONE = re.compile(r"(?<![\d-])(?:\+?1[\s.\u2011-]?)?\(?([2-9]\d{2})\)?[\s.\u2011-]?(\d{3})[\s.\u2011-]?(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email(?:&#160;|\s)?protected\]", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|us|health|info)\b(?:/[^\s<>()\"]*)?", re.I)
_POSTAL = re.compile(r"\b(?:\d{1,6}\s+[\w.' ]{2,40}?|p\.?\s?o\.?\s+box\s+\d+).{0,80}?\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b", re.I | re.S)
_TOLL_FREE_AREA = {"800", "833", "844", "855", "866", "877", "888"}


@dataclass(frozen=True)
class Channel:
    kind: str  # phone | email | website | postal address
    value: str
    unit: Unit
    third_party: bool

    @property
    def toll_free(self) -> bool:
        return self.kind == "phone" and digits(self.value)[-10:][:3] in _TOLL_FREE_AREA


def _third_party_before(unit: Unit, start: int) -> bool:
    window = unit.folded[max(0, start - 120):start]
    last = None
    for match in THIRD_PARTY.finditer(window):
        last = match
    if last is None:
        return False
    between = window[last.end():]
    return not re.search(r"\b(?:we|us|our|call cent|help ?line|hotline|toll[- ]free)\b", between)


def channels(reading: Reading) -> list[Channel]:
    """Every phone number, email address, website and postal address, with whose it is."""
    blocks_of_third_parties = {u.block for u in reading.units if u.shape in ("line", "item", "cell", "sentence")
                               and THIRD_PARTY.match(u.folded) and len(u.folded) < 60}
    out: list[Channel] = []
    for unit in reading.units:
        block_is_third = unit.block in blocks_of_third_parties and unit.shape in ("line", "sentence", "item")
        for match in _PHONE.finditer(unit.text):
            digits = "".join(match.groups())
            third = (digits in THIRD_PARTY_NUMBERS or _third_party_before(unit, len(fold(unit.text[:match.start()])))
                     or (block_is_third and not CONTACT_CUE.search(unit.folded)))
            out.append(Channel("phone", match.group(0).strip(), unit, third))
        for match in _EMAIL.finditer(unit.text):
            out.append(Channel("email", match.group(0), unit, _third_party_before(unit, match.start()) or block_is_third))
        for match in _URL.finditer(unit.text):
            if "@" in unit.text[max(0, match.start() - 1):match.start()]:
                continue
            value = match.group(0).rstrip(".,;:")
            third = bool(THIRD_PARTY_DOMAINS.search(fold(value).split("?")[0])) or _third_party_before(unit, match.start())
            out.append(Channel("website", value, unit, third or block_is_third))
        if unit.cue == "contact" or CONTACT_CUE.search(unit.folded) or re.search(r"\b(?:write|mail|send)\b", unit.folded):
            for match in _POSTAL.finditer(unit.text):
                out.append(Channel("postal address", match.group(0), unit,
                                   _third_party_before(unit, match.start()) or block_is_third))
    return out


def contact(reading: Reading) -> Judgement:
    if reading.facts is not None:
        return _contact_with_facts(reading)
    found = channels(reading)
    own = [c for c in found if not c.third_party]
    if own:
        kinds = ", ".join(dict.fromkeys(f"{c.kind} {c.value}" for c in own[:3]))
        cued = [c.unit for c in own if CONTACT_CUE.search(c.unit.folded)] or [c.unit for c in own]
        return Judgement("present", f"gives the entity's own contact: {kinds}", quoted(cued))
    if found:
        return Judgement("incomplete", "gives only third parties' contacts (credit bureaus, the FTC, HHS); no phone, "
                                       "email, website or postal address of the entity", quoted(c.unit for c in found))
    if reading.region("contact"):
        return Judgement("incomplete", "gives no toll-free number, email address, website or postal address",
                         quoted(reading.region("contact")))
    return nothing_found("contact")


def _contact_with_facts(reading: Reading) -> Judgement:
    text = reading.facts_text("contact")
    c = reading.facts.contact
    given = [("toll-free number", c.toll_free), ("email address", c.email), ("website", c.website),
             ("postal address", c.postal_address)]
    shown = [label for label, value in given if value and (
        digits(value) in digits(text) if label == "toll-free number" else contains(text, value))]
    units = [u for u in reading.units if any(value and (contains(u.text, value) or (digits(value) and digits(value) in digits(u.text)))
                                            for _, value in given)]
    if not shown and not reading.region("contact"):
        return nothing_found("contact")
    if not shown:
        return Judgement("incomplete", "gives none of the facts' contact channels (toll-free number, email, website, "
                                       "postal address)", quoted(reading.region("contact")))
    return Judgement("present", "gives " + ", ".join(shown), quoted(units))


def toll_free(reading: Reading) -> Judgement:
    if reading.facts is not None and reading.facts.contact.toll_free:
        number = reading.facts.contact.toll_free
        units = [u for u in reading.units if digits(number) in digits(u.text)]
        tagged = [u for u in reading.units if u.tagged == "toll_free"]
        if not units and not tagged:
            return nothing_found("toll_free")
        if tagged and not any(u.tagged == "toll_free" for u in units) or not units:
            return Judgement("incomplete", f"does not give the toll-free number {number}", quoted(tagged))
        return Judgement("present", f"gives the toll-free number {number}", quoted(units))
    numbers = [c for c in channels(reading) if c.toll_free]
    own = [c for c in numbers if not c.third_party]
    if own:
        return Judgement("present", f"gives the entity's toll-free number {own[0].value}", quoted(c.unit for c in own))
    if numbers:
        return Judgement("incomplete", "gives only third parties' toll-free numbers (credit bureaus, the FTC, HHS), not "
                                       "the entity's own line", quoted(c.unit for c in numbers))
    region = reading.region("toll_free")
    if region:
        return Judgement("incomplete", "gives no toll-free number", quoted(region))
    return nothing_found("toll_free")
