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


def identification_csv(roster: Roster) -> str:
    """The business associate's enclosure identifying each individual (164.410(c)(1)), spreadsheet-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(IDENTIFICATION_HEADER)
    for row in identification_rows(roster):
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()
