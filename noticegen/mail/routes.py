"""Who gets which copy (164.404(d)(1)), with which values; a field no roster cell fills is that person's error.

* a living person who agreed to electronic notice gets the email (164.404(d)(1)(i));
* a living person with a complete mailing address gets the first-class letter;
* a deceased person whose next of kin or personal representative has an address gets the next-of-kin
  letter (164.404(d)(1)(ii)); without one, no letter and no substitute notice (164.404(d)(2));
* anyone else is unreachable: the plan's substitute notice covers them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..roster import Recipient, merge_values

ROUTES = ("letter", "email", "next_of_kin", "no_next_of_kin", "unreachable")
"""Every route a roster row can take; the first three make a copy."""

OPTIONAL_FIELDS: frozenset[str] = frozenset()
"""Fields a per-person copy may leave empty (they print nothing). None today: every field a template uses
(name, address lines, enrollment code) prints something the reader needs, so a blank one is an error."""

_WHAT = {"letter": "letter", "email": "email", "next_of_kin": "next-of-kin letter"}


@dataclass(frozen=True, slots=True)
class Route:
    """Where one roster row goes: ``variant`` is (kind, locale, channel), None when no copy is owed."""

    route: str
    variant: tuple[str, str, str] | None


def variant_name(variant: tuple[str, str, str]) -> str:
    """('individual', 'en_US', 'letter') -> 'individual.en_US.letter' (the manifest's and mail file's name)."""
    return ".".join(variant)


def route(person: Recipient, *, locales: tuple[str, ...]) -> Route:
    """The route of ``person``; the locale is the person's if the facts give notices in it, else the first."""
    locale = person.locale if person.locale in locales else locales[0]
    if person.deceased:
        if not person.has_next_of_kin_address:
            return Route("no_next_of_kin", None)
        return Route("next_of_kin", ("next_of_kin", locale, "letter"))
    if person.wants_email:
        return Route("email", ("individual", locale, "email"))
    if person.reachable_by_mail:
        return Route("letter", ("individual", locale, "letter"))
    return Route("unreachable", None)


def values_for(person: Recipient, variant: tuple[str, str, str]) -> dict[str, str]:
    """The merge values of ``person`` for ``variant`` (roster.merge_values), plus the email's recipient."""
    values = merge_values(person, kind=variant[0])
    if variant[2] == "email" and person.email:
        values["to"] = person.email
    return values


def columns_of(field: str, kind: str) -> str:
    """The roster column(s) that fill ``field`` in a notice of ``kind``, as an error message names them."""
    prefix = "next_of_kin_" if kind == "next_of_kin" else ""
    return {
        "recipient_name": "next_of_kin_name" if kind == "next_of_kin" else "first_name, last_name",
        "decedent_name": "first_name, last_name",
        "recipient_address_1": f"{prefix}address_1",
        "recipient_city_state_zip": f"{prefix}city, {prefix}state, {prefix}zip",
        "enrollment_code": "enrollment_code",
    }.get(field, f"(no column fills «{field}»)")


def unfilled_message(roster_path, row: int, fields: list[str], variant: tuple[str, str, str], route_: str) -> str:
    """``ROSTER:ROW: column: is blank ...`` for the first unfilled field of a person's copy (never a value)."""
    what = _WHAT.get(route_, "copy")
    field = fields[0]
    more = f" (and {len(fields) - 1} more field{'s' if len(fields) > 2 else ''})" if len(fields) > 1 else ""
    return (f"{roster_path}:{row}: {columns_of(field, variant[0])}: is blank, but the {what} uses it "
            f"(field «{field}»){more}; no {what} written for this row")
