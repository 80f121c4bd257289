"""Per-recipient letters and emails from a roster: merge fills the fields of notices already built and checked.

One notice is built and checked per kind, locale and channel; each recipient's copy is that notice with
its fields filled (model.merge), so a roster of any size costs one check, and copies stream out one at a
time. Who gets what follows 164.404(d)(1):

* a living person who agreed to electronic notice gets the email (164.404(d)(1)(i));
* a living person with a complete mailing address gets the first-class letter;
* a deceased person whose next of kin or personal representative has an address gets the next-of-kin
  letter (164.404(d)(1)(ii)); without one, no letter and no substitute notice (164.404(d)(2));
* anyone else is counted as unreachable: the plan's substitute notice covers them.

File names carry the roster's id (``letters/individual-<id>.docx``), never a name: use a mailing id,
not a medical record number, in the roster's id column.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from .facts import Facts
from .files import csv_cell
from .model import Notice, fields_in, merge
from .render import render
from .roster import IDENTIFICATION_HEADER, Roster, identification_rows, merge_values


@dataclass(frozen=True)
class Copy:
    path: str            # relative to the output folder
    content: str | bytes


@dataclass
class Tally:
    """What a mailing produced, by route; counts only (no PHI)."""

    routes: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        names = {"letter": "letters by first-class mail", "email": "emails",
                 "next_of_kin": "letters to next of kin", "no_next_of_kin": "deceased without a next-of-kin address "
                 "(no notice owed, 164.404(d)(2))", "unreachable": "without usable contact information "
                 "(covered by substitute notice)", "incomplete_fields": "copies left with unfilled fields"}
        return [f"{count:,} {names[route]}" for route, count in self.routes.items() if count]


def _safe_id(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", value)[:80] or "row"


def copies(
    facts: Facts,
    roster: Roster,
    notices: dict[tuple[str, str, str], Notice],
    *,
    tally: Tally,
    letter_format: str = "docx",
) -> Iterator[Copy]:
    """Each recipient's letter or email, as files, from ``notices`` keyed by (kind, locale, channel).

    ``notices`` holds the built and checked individual letter (channel "letter") and email (channel
    "email"), and the next-of-kin letter, per locale; a route whose notice is missing is skipped.
    """
    default_locale = facts.notices.locales[0]
    sender = facts.contact.email or facts.covered_entity.contact.email
    for person in roster.recipients():
        locale = person.locale if person.locale in facts.notices.locales else default_locale
        if person.deceased:
            if not person.has_next_of_kin_address:
                tally.routes["no_next_of_kin"] += 1
                continue
            route, kind, channel, fmt = "next_of_kin", "next_of_kin", "letter", letter_format
        elif person.wants_email:
            route, kind, channel, fmt = "email", "individual", "email", "eml"
        elif person.reachable_by_mail:
            route, kind, channel, fmt = "letter", "individual", "letter", letter_format
        else:
            tally.routes["unreachable"] += 1
            continue
        notice = notices.get((kind, locale, channel))
        if notice is None:
            continue
        filled = merge(notice, merge_values(person, kind=kind))
        if fields_in(filled):
            tally.routes["incomplete_fields"] += 1
        folder = "emails" if fmt == "eml" else "letters"
        path = f"{locale}/{folder}/{kind}-{_safe_id(person.id)}.{fmt}"
        if fmt == "eml":
            content = render(filled, "eml", from_addr=sender, from_name=facts.covered_entity.name,
                             reply_to=sender, to=person.email)
        else:
            content = render(filled, fmt)
        tally.routes[route] += 1
        yield Copy(path, content)


def identification_csv(roster: Roster) -> str:
    """The business associate's enclosure identifying each individual (164.410(c)(1)), spreadsheet-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(IDENTIFICATION_HEADER)
    for row in identification_rows(roster):
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()
