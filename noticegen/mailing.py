"""Per-recipient letters and emails in memory, and the business associate's identification enclosure.

The mailing itself (files, manifest, resume, workers) is ``noticegen.mail``; ``copies`` here yields the
same copies one at a time without writing anything, for a caller that wants them in memory. Each notice is
built and checked once per kind, locale and channel; each recipient's copy is that variant with the fields
filled (mail.variants). Who gets what follows 164.404(d)(1) (mail.routes).

File names carry the roster's id (``letters/individual-<id>.docx``), never a name: use a mailing id,
not a medical record number, in the roster's id column.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from .facts import Facts
from .files import csv_cell
from .mail.routes import route, unfilled_message, values_for
from .mail.run import copy_path
from .mail.variants import EmailVariant, Unfilled, build_variants
from .model import Notice
from .roster import IDENTIFICATION_HEADER, Roster, identification_rows


@dataclass(frozen=True)
class Copy:
    path: str            # relative to the output folder
    content: str | bytes


@dataclass
class Tally:
    """What a mailing produced, by route; counts only (no PHI). ``problems``: why copies were not made."""

    routes: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        names = {"letter": "letters by first-class mail", "email": "emails",
                 "next_of_kin": "letters to next of kin", "no_next_of_kin": "deceased without a next-of-kin address "
                 "(no notice owed, 164.404(d)(2))", "unreachable": "without usable contact information "
                 "(covered by substitute notice)", "incomplete_fields": "copies not made: a field the notice "
                 "uses is blank in the roster"}
        return [f"{count:,} {names[route]}" for route, count in self.routes.items() if count]


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
    "email"), and the next-of-kin letter, per locale; a route whose notice is missing is skipped. A copy
    whose notice uses a field the person's row leaves blank is not made: it is counted as
    "incomplete_fields" and its message (row and column, never a value) added to ``tally.problems``.
    """
    if letter_format != "docx":
        raise ValueError(f"letters are DOCX; {letter_format!r} is not a per-person format")
    variants = build_variants(facts, notices)
    for person in roster.recipients():
        where = route(person, locales=facts.notices.locales)
        if where.variant is None:
            tally.routes[where.route] += 1
            continue
        variant = variants.get(where.variant)
        if variant is None:
            continue
        values = values_for(person, where.variant)
        try:
            if isinstance(variant, EmailVariant):
                content = variant.fill(values, message_id=variant.message_id(roster.sha256, person.id)).decode("utf-8")
            else:
                content = variant.fill(values)
        except Unfilled as exc:
            tally.routes["incomplete_fields"] += 1
            tally.problems.append(unfilled_message(roster.path, person.row, exc.fields, where.variant, where.route))
            continue
        tally.routes[where.route] += 1
        yield Copy(copy_path(where.variant, person.id), content)


IDENTIFICATION_CONTACT = (
    "email", "email_consent", "locale", "next_of_kin_name", "next_of_kin_address_1", "next_of_kin_address_2",
    "next_of_kin_city", "next_of_kin_state", "next_of_kin_zip",
)
"""Roster columns the covered entity needs to notify each person (164.404(d)(1)): the enclosure carries them."""


def identification_csv(roster: Roster, facts: Facts | None = None) -> str:
    """The business associate's enclosure identifying each individual (164.410(c)(1)), spreadsheet-safe.

    Each row identifies one person (IDENTIFICATION_HEADER) and carries the contact data the covered
    entity needs to notify them (IDENTIFICATION_CONTACT). With ``facts``, a last column names the
    information involved (breach.phi, the roster holds no per-person PHI), and a last one-cell row says
    so when the roster holds a different number of people than the notice states (affected.total).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    involved = _information_involved(facts) if facts is not None else None
    writer.writerow(IDENTIFICATION_HEADER + IDENTIFICATION_CONTACT + (("information_involved",) if involved else ()))
    for person, row in zip(roster.recipients(), identification_rows(roster)):
        contact = (person.email or "", "yes" if person.email_consent else "no", person.locale or "",
                   person.next_of_kin_name or "", person.next_of_kin_address_1 or "",
                   person.next_of_kin_address_2 or "", person.next_of_kin_city or "", person.next_of_kin_state or "",
                   person.next_of_kin_zip or "")
        writer.writerow([csv_cell(cell) for cell in (*row, *contact, *((involved,) if involved else ()))])
    if facts is not None and roster.count != facts.affected.total:
        total, n = facts.affected.total, roster.count
        if n < total:
            line = (f"This file identifies {n:,} of the {total:,} individuals the notice states; the business "
                    f"associate will identify the other {total - n:,} as soon as it can (164.410(c)(1)).")
        else:
            line = (f"This file identifies {n:,} individuals, more than the {total:,} the notice states; the "
                    "notice's count is to be corrected.")
        writer.writerow([line])
    return buffer.getvalue()


def _information_involved(facts: Facts) -> str:
    """breach.phi as the notice names it ("name; address; health plan member ID number")."""
    from .phi import label as phi_label

    return "; ".join(facts.breach.phi_other if term == "other" and facts.breach.phi_other
                     else phi_label(term, "en_US") for term in facts.breach.phi)
