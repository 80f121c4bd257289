"""The roster of affected individuals: a CSV streamed into Recipient records; errors name row and column, never a value.

Contract. A roster is a UTF-8 CSV file (a byte-order mark is fine, as Excel's "CSV UTF-8" writes one) of
at most 200 MiB whose first row is a header. Column names are matched ignoring case and surrounding
spaces; only id, first_name and last_name are required, and a column left out reads as blank:

- id (unique), first_name, last_name: required in every row.
- address_1, address_2, city, state, zip: the last known mailing address. address_2 is a secondary unit
  ("Apt 4") and needs an address_1; state is a USPS code (facts.USPS_CODES); zip is 5 digits or ZIP+4.
- email; email_consent: yes/no/true/false/1/0, blank = no (the individual agreed to electronic notice).
- deceased (the same booleans); next_of_kin_name and next_of_kin_address_1, _address_2, _city, _state,
  _zip: the next of kin or personal representative of a deceased individual (a name is required with an
  address).
- locale: en_US or es_US, blank = not stated. enrollment_code: a credit-monitoring code.
- date_of_birth: YYYY-MM-DD, optional, not in the future; used only in the business associate's enclosure.

Every cell is stripped; a blank cell is "not given"; entirely blank rows are skipped. An unknown column is
an error with "did you mean" (a typo such as ``adress_1`` must not drop data silently). An address counts
only when address_1, city, state and zip are all given; one given in part is kept but not usable.

Problems are raised together as one FactsError, each ``FILE:ROW: column: message`` (ROW is the line
number, 1 = the header), at most ``max_problems``. No message contains a cell's value: rosters hold PHI.
``read_roster`` reads the file once and keeps only counts; ``Roster.recipients()`` reads it again, one
Recipient at a time, and refuses a file that changed in between.
"""

from __future__ import annotations

import array
import csv
import datetime as dt
import difflib
import hashlib
import heapq
import re
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import FactsError
from .facts import USPS_CODES, Facts, Locale

MAX_BYTES = 200 * 1024 * 1024
"""A roster is refused above 200 MiB (about two million rows); split a larger one."""
MAX_CELL = 300
"""The longest cell accepted, in characters (a mailing-address line is far shorter)."""
_MAX_LINE = 64 * 1024
"""The longest line accepted, in bytes; a valid row is far shorter, and lines are never read whole past it."""

COLUMNS = (
    "id", "first_name", "last_name", "address_1", "address_2", "city", "state", "zip", "email",
    "email_consent", "deceased", "next_of_kin_name", "next_of_kin_address_1", "next_of_kin_address_2",
    "next_of_kin_city", "next_of_kin_state", "next_of_kin_zip", "locale", "enrollment_code", "date_of_birth",
)
REQUIRED = ("id", "first_name", "last_name")
LOCALES = typing.get_args(Locale)

IDENTIFICATION_HEADER = (
    "id", "first_name", "last_name", "address_1", "address_2", "city", "state", "zip", "date_of_birth", "deceased",
)
"""Columns of the business associate's enclosure (164.410(c)(1)); its rows are themselves a valid roster."""

_BOOLEANS = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}
_ZIP = re.compile(r"[0-9]{5}(-[0-9]{4})?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_BAD_TEXT = re.compile(r"[\x00\r\n\udc80-\udcff]")
_STATES = frozenset(USPS_CODES)
_LOCALES = {locale.lower(): locale for locale in LOCALES}


@dataclass(frozen=True, slots=True)
class Recipient:
    """One affected individual, as validated from one roster row; None means the cell was blank."""

    row: int
    """The CSV line number of the row (1 is the header)."""
    id: str
    first_name: str
    last_name: str
    address_1: str | None = None
    address_2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    email: str | None = None
    email_consent: bool = False
    deceased: bool = False
    next_of_kin_name: str | None = None
    next_of_kin_address_1: str | None = None
    next_of_kin_address_2: str | None = None
    next_of_kin_city: str | None = None
    next_of_kin_state: str | None = None
    next_of_kin_zip: str | None = None
    locale: str | None = None
    """en_US or es_US; None means the roster does not say."""
    enrollment_code: str | None = None
    date_of_birth: dt.date | None = None

    @property
    def name(self) -> str:
        """'First Last'."""
        return f"{self.first_name} {self.last_name}"

    @property
    def reachable_by_mail(self) -> bool:
        """address_1, city, state and zip are all given (164.404(d)(1)(i): the last known address)."""
        return bool(self.address_1 and self.city and self.state and self.zip)

    @property
    def wants_email(self) -> bool:
        """Living, agreed to electronic notice and gave an email address.

        A deceased person's consent does not pass to the next of kin, who get first-class mail
        (164.404(d)(1)(ii)).
        """
        return self.email_consent and self.email is not None and not self.deceased

    @property
    def has_next_of_kin_address(self) -> bool:
        """The next of kin's address_1, city, state and zip are all given."""
        return bool(self.next_of_kin_address_1 and self.next_of_kin_city and self.next_of_kin_state
                    and self.next_of_kin_zip)


@dataclass(frozen=True)
class Roster:
    """The counts of a validated roster (those of the facts file's ``affected`` block); rows are not kept."""

    path: Path
    count: int
    by_state: dict[str, int]
    """Individuals by the state of their own address, sorted by code; people without a state are left out."""
    deceased: int
    deceased_without_next_of_kin: int
    """Deceased individuals without a complete next-of-kin address."""
    insufficient_contact: int
    """Living individuals with neither a complete mailing address nor email consent with an address."""
    email_consent: int
    """Individuals for whom ``Recipient.wants_email`` is true."""
    by_locale: dict[str, int]
    """Individuals who named a locale, by locale (blank locales are left out)."""
    incomplete_addresses: int
    """Rows whose address in use (own address if living, next of kin's if deceased) is only partly given."""
    sha256: str
    """The file's SHA-256, so a later read (and an audit log) can tell it is the same file."""

    def recipients(self) -> Iterator[Recipient]:
        """Read the file again, yielding one Recipient per row; FactsError if the file changed since."""
        changed = FactsError([f"{self.path}: changed since it was checked; check the roster again"])
        if _file_digest(self.path) != self.sha256:
            raise changed
        with _Reader(self.path) as reader:
            for row, cells in reader.rows():
                recipient, problems = _parse(row, reader.columns, cells, reader.today)
                if problems:
                    raise changed
                yield recipient
            if reader.digest.hexdigest() != self.sha256:
                raise changed

    def partitions(self, count: int) -> list[Partition]:
        """The data rows cut into up to ``count`` byte ranges of about equal size, each ending at a line end.

        A checked roster has no line break inside a cell, so every line is one row and a range of lines
        is a range of rows. FactsError if the file changed since it was checked.
        """
        changed = FactsError([f"{self.path}: changed since it was checked; check the roster again"])
        size = self.path.stat().st_size
        digest = hashlib.sha256()
        parts: list[Partition] = []
        with self.path.open("rb") as handle:
            line, position, columns = 0, 0, None
            while columns is None:
                raw = handle.readline(_MAX_LINE + 1)
                if not raw:
                    raise changed
                digest.update(raw)
                line, position = line + 1, position + len(raw)
                text = raw.decode("utf-8", "surrogateescape").removeprefix("\ufeff")
                cells = next(csv.reader([text]), [])
                if any(c.strip() for c in cells):
                    columns = tuple(c.strip().lower() for c in cells)
            start, first, piece = position, line + 1, hashlib.sha256()
            step = max(1, (size - position) // max(1, count))
            for raw in iter(lambda: handle.readline(_MAX_LINE + 1), b""):
                digest.update(raw)
                piece.update(raw)
                line, position = line + 1, position + len(raw)
                if position - start >= step and len(parts) < count - 1:
                    parts.append(Partition(len(parts), start, position, first, line + 1, columns, piece.hexdigest()))
                    start, first, piece = position, line + 1, hashlib.sha256()
            if position > start:
                parts.append(Partition(len(parts), start, position, first, line + 1, columns, piece.hexdigest()))
        if digest.hexdigest() != self.sha256:
            raise changed
        return parts

    def recipients_in(self, part: Partition) -> Iterator[Recipient]:
        """The Recipients of one partition, as ``recipients`` reads them; FactsError if its bytes changed."""
        changed = FactsError([f"{self.path}: changed since it was checked; check the roster again"])
        today = dt.date.today()
        digest = hashlib.sha256()
        with self.path.open("rb") as handle:
            handle.seek(part.start)
            line, position = part.first_line, part.start
            while position < part.end:
                raw = handle.readline(_MAX_LINE + 1)
                if not raw:
                    raise changed
                digest.update(raw)
                position += len(raw)
                cells = next(csv.reader([raw.decode("utf-8", "surrogateescape")]), [])
                if any(c.strip() for c in cells):
                    recipient, problems = _parse(line, part.columns, cells, today)
                    if problems:
                        raise changed
                    yield recipient
                line += 1
        if digest.hexdigest() != part.sha256:
            raise changed


@dataclass(frozen=True)
class Partition:
    """A range of a roster's lines, for a partitioned (cluster) run: bytes [start, end), the first line's number."""

    index: int
    start: int
    end: int
    first_line: int
    end_line: int
    """The line number after its last line."""
    columns: tuple[str, ...]
    sha256: str
    """Of the bytes in the range, so a task reading it on another machine knows it read the same rows."""


def read_roster(path: str | Path, *, max_problems: int = 50) -> Roster:
    """Read and validate a roster CSV in one streaming pass; return its counts, not its rows.

    Raises FactsError listing up to ``max_problems`` problems (then "... and N more problems").
    """
    path = Path(path)
    problems: list[tuple[int, str]] = []
    extra = 0
    hashes, rows = array.array("q"), array.array("q")
    count = deceased = without_kin = insufficient = email = incomplete = 0
    states: Counter[str] = Counter()
    locales: Counter[str] = Counter()
    with _Reader(path) as reader:
        for row, cells in reader.rows():
            recipient, found = _parse(row, reader.columns, cells, reader.today)
            key = cells[reader.id_at].strip() if len(cells) == len(reader.columns) else ""
            if key:
                hashes.append(_id_key(key))
                rows.append(row)
            if found:
                room = max(0, max_problems - len(problems))
                problems += [(row, f"{path}:{row}: {text}") for text in found[:room]]
                extra += len(found) - len(found[:room])
                continue
            count += 1
            if recipient.state:
                states[recipient.state] += 1
            if recipient.locale:
                locales[recipient.locale] += 1
            incomplete += _incomplete(recipient)
            if recipient.deceased:
                deceased += 1
                without_kin += not recipient.has_next_of_kin_address
            else:
                email += recipient.wants_email
                insufficient += not (recipient.reachable_by_mail or recipient.wants_email)
        sha256 = reader.digest.hexdigest()
    problems += _duplicate_ids(path, hashes, rows)
    if problems or extra:
        problems.sort(key=lambda p: p[0])
        total = len(problems) + extra
        lines = [text for _, text in problems[:max_problems]]
        if total > len(lines):
            lines.append(f"... and {total - len(lines)} more problems")
        raise FactsError(lines)
    if count == 0:
        raise FactsError([f"{path}: has a header but no individuals; add one row per affected individual"])
    return Roster(
        path=path, count=count, by_state=dict(sorted(states.items())),
        deceased=deceased, deceased_without_next_of_kin=without_kin, insufficient_contact=insufficient,
        email_consent=email, by_locale=dict(sorted(locales.items())),
        incomplete_addresses=incomplete, sha256=sha256,
    )


def compare_with_facts(roster: Roster, facts: Facts) -> list[str]:
    """Warnings, counts only, where the roster disagrees with ``facts.affected`` (and notices.locales)."""
    a = facts.affected
    out = []

    def people(n: int, what: str = "individual") -> str:
        return f"{n} {what}{'' if n == 1 else 's'}"

    if a.total != roster.count:
        out.append(f"affected.total is {a.total} but the roster has {people(roster.count)}")
    for state in sorted(set(a.by_state) | set(roster.by_state)):
        have = roster.by_state.get(state, 0)
        if state not in a.by_state:
            out.append(f"affected.by_state has no {state} but the roster has {people(have)} in {state}")
        elif a.by_state[state] != have:
            out.append(f"affected.by_state.{state} is {a.by_state[state]} but the roster has {people(have)} in {state}")
    checks = (
        ("deceased", roster.deceased, "deceased individual"),
        ("deceased_without_next_of_kin", roster.deceased_without_next_of_kin,
         "deceased individual", " without a complete next-of-kin address"),
        ("insufficient_contact", roster.insufficient_contact,
         "living individual", " with neither a complete mailing address nor email consent"),
        ("email_consent", roster.email_consent,
         "living individual", " who agreed to email and gave an email address"),
    )
    for field, have, noun, *rest in checks:
        if getattr(a, field) != have:
            out.append(f"affected.{field} is {getattr(a, field)} but the roster has {people(have, noun)}{''.join(rest)}")
    for locale, n in roster.by_locale.items():
        if locale not in facts.notices.locales:
            out.append(f"the roster gives locale {locale} for {people(n)} but notices.locales does not include it")
    return out


def merge_values(recipient: Recipient, *, kind: str) -> dict[str, str]:
    """The values of a notice's per-recipient fields (for model.merge), for kind "individual" or "next_of_kin".

    "individual" (a letter or an email) addresses the person; "next_of_kin" addresses the next of kin of
    a deceased person and names the person as ``decedent_name``. address_2 joins address_1 on one line
    ("1200 Ocean Blvd, Apt 4"), as USPS Publication 28 places a secondary unit. The address fields are
    left out when the address is not complete, so they stay fields (model.fields_in finds them) rather
    than print a partial address; enrollment_code is left out when blank.
    """
    if kind == "individual":
        values = {"recipient_name": recipient.name}
        prefix = ""
    elif kind == "next_of_kin":
        if not recipient.deceased:
            raise ValueError(f"row {recipient.row} is not deceased; use kind 'individual'")
        values = {"decedent_name": recipient.name}
        if recipient.next_of_kin_name:
            values["recipient_name"] = recipient.next_of_kin_name
        prefix = "next_of_kin_"
    else:
        raise ValueError(f"kind must be 'individual' or 'next_of_kin', not {kind!r}")
    line_1, line_2, city, state, zip_ = (getattr(recipient, prefix + f) for f in (
        "address_1", "address_2", "city", "state", "zip"))
    if line_1 and city and state and zip_:
        values["recipient_address_1"] = f"{line_1}, {line_2}" if line_2 else line_1
        values["recipient_city_state_zip"] = f"{city}, {state} {zip_}"
    if recipient.enrollment_code:
        values["enrollment_code"] = recipient.enrollment_code
    return values


def identification_rows(roster: Roster) -> Iterator[tuple[str, ...]]:
    """The rows under IDENTIFICATION_HEADER: each individual's last known address, birth date and status.

    For the business associate's notice to the covered entity (164.410(c)(1)); blank means not known.
    """
    for r in roster.recipients():
        yield (r.id, r.first_name, r.last_name, r.address_1 or "", r.address_2 or "", r.city or "",
               r.state or "", r.zip or "", r.date_of_birth.isoformat() if r.date_of_birth else "",
               "yes" if r.deceased else "no")


# ---------------------------------------------------------------- reading


class _Reader:
    """One pass over a roster file: its columns, (line, cells) for each non-blank row, and its SHA-256."""

    def __init__(self, path: Path):
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise FactsError([f"{path}: no such file"]) from None
        except OSError as exc:
            raise FactsError([f"{path}: cannot read it ({exc.strerror})"]) from None
        if path.is_dir():
            raise FactsError([f"{path}: is a folder; give the roster CSV inside it"])
        if size > MAX_BYTES:
            raise FactsError([f"{path}: the file is {size / 1024 / 1024:.1f} MiB; a roster is at most "
                              f"{MAX_BYTES // 1024 // 1024} MiB (split it into several rosters)"])
        self.path, self.columns, self.id_at, self.today = path, (), 0, dt.date.today()
        self.digest = hashlib.sha256()

    def __enter__(self) -> _Reader:
        try:
            self._handle = self.path.open("rb")
        except OSError as exc:
            raise FactsError([f"{self.path}: cannot read it ({exc.strerror})"]) from None
        return self

    def __exit__(self, *exc) -> None:
        self._handle.close()

    def _lines(self) -> Iterator[str]:
        """Decoded lines; bytes that are not UTF-8 become lone surrogates, which _parse reports by cell."""
        for number, raw in enumerate(iter(lambda: self._handle.readline(_MAX_LINE + 1), b""), start=1):
            self.digest.update(raw)
            if number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise FactsError([f"{self.path}: is UTF-16 text; save it as CSV UTF-8"])
            if len(raw) > _MAX_LINE:
                raise FactsError([f"{self.path}:{number}: (row): is longer than {_MAX_LINE // 1024} KiB; "
                                  "is this a CSV roster?"])
            text = raw.decode("utf-8", "surrogateescape")
            yield text.removeprefix("\ufeff") if number == 1 else text

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(self._lines())
        header = None
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise FactsError([f"{self.path}:{start}: (row): could not be read as CSV ({exc})"]) from None
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = self.columns = _header(self.path, start, cells)
                self.id_at = self.columns.index("id")
                continue
            yield start, cells
        if header is None:
            raise FactsError([f"{self.path}: is empty; a roster needs a header row and one row per individual"])


def _file_digest(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


def _header(name: Path, line: int, cells: list[str]) -> tuple[str, ...]:
    columns = tuple(c.strip().lower() for c in cells)
    if not set(columns) & set(COLUMNS):  # likely a data row: its cells may be PHI, so name none of them
        raise FactsError([f"{name}:{line}: (header): names none of the roster columns; the first row must be "
                          f"the header ({', '.join(REQUIRED)}, ...)"])
    problems = []
    for i, column in enumerate(columns):
        where = f"{name}:{line}: column {i + 1}"
        if not column:
            problems.append(f"{where}: has no name; name it or remove the column")
        elif _bad_text(column):
            problems.append(f"{where}: {_bad_text(column)}")
        elif column in columns[:i]:
            problems.append(f"{name}:{line}: {column}: appears twice (columns {columns.index(column) + 1} "
                            f"and {i + 1}); keep one")
        elif column not in COLUMNS:
            near = difflib.get_close_matches(column, COLUMNS, n=1, cutoff=0.6)
            hint = f" (did you mean {near[0]}?)" if near else "; rename or remove it"
            shown = column if len(column) <= 40 else f"column {i + 1}"  # a long "name" may be data
            problems.append(f"{name}:{line}: {shown}: is not a roster column{hint}")
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        problems.append(f"{name}:{line}: (header): is missing the required column{plural} {', '.join(missing)}")
    if problems:
        raise FactsError(problems)
    return columns


def _parse(row: int, columns: tuple[str, ...], cells: list, today: dt.date) -> tuple[Recipient | None, list[str]]:
    """Validate one row: the Recipient, or None and its problems as 'column: message'."""
    if len(cells) != len(columns):
        return None, [f"(row): has {len(cells)} cells but the header has {len(columns)} columns; "
                      "quote any cell that holds a comma or a quote mark"]
    cells = [cell.strip() for cell in cells]
    problems: list[tuple[str, str]] = []
    if _BAD_TEXT.search("".join(cells)) or max(map(len, cells)) > MAX_CELL:
        for i, column in enumerate(columns):
            problem = _bad_text(cells[i])
            if problem:
                problems.append((column, problem))
                cells[i] = None
    fields: dict[str, object] = {}
    for column, cell in zip(columns, cells):
        if not cell:
            if cell is not None and column in REQUIRED:
                problems.append((column, "is required"))
        elif column in _CHECKS:
            value, problem = _CHECKS[column](cell)
            if problem:
                problems.append((column, problem))
            else:
                fields[column] = value
        else:
            fields[column] = cell
    if problems or "address_2" in fields or not fields.keys().isdisjoint(_KIN_ADDRESS):
        problems += _cross_checks(fields, {c for c, _ in problems})
    if "date_of_birth" in fields and fields["date_of_birth"] > today:
        problems.append(("date_of_birth", "is in the future"))
    if problems:
        order = {c: i for i, c in enumerate(columns)}
        return None, [f"{c}: {m}" for c, m in sorted(problems, key=lambda p: order.get(p[0], len(order)))]
    return Recipient(row=row, **fields), []


def _bad_text(cell: str) -> str | None:
    """What makes a cell unreadable as one line of UTF-8 text, if anything."""
    bad = _BAD_TEXT.search(cell)
    if bad is None:
        return f"is longer than {MAX_CELL} characters" if len(cell) > MAX_CELL else None
    if bad.group() == "\x00":
        return "contains a NUL byte; is this a CSV text file?"
    if bad.group() in "\r\n":
        return "has a line break inside the cell; keep each value on one line"
    return "is not UTF-8 text; save the file as CSV UTF-8"


def _cross_checks(fields: dict[str, object], bad: set[str]) -> list[tuple[str, str]]:
    """Problems between the cells of a row; ``bad`` columns have a problem of their own and count as given."""
    given = fields.keys() | bad
    problems = []
    for prefix in ("", "next_of_kin_"):
        if prefix + "address_2" in fields and prefix + "address_1" not in given:
            problems.append((prefix + "address_2", f"is given without {prefix}address_1; put the street "
                             f"address in {prefix}address_1"))
    if "next_of_kin_name" not in given and any("next_of_kin_" + f in given for f in _ADDRESS):
        problems.append(("next_of_kin_name", "is required when a next-of-kin address is given"))
    return problems


def _state(value: str) -> tuple[str, str | None]:
    value = value.upper()
    return value, None if value in _STATES else "is not a USPS state code"


def _zip(value: str) -> tuple[str, str | None]:
    if len(value) == 9 and value.isascii() and value.isdigit():
        value = f"{value[:5]}-{value[5:]}"
    if _ZIP.fullmatch(value):
        return value, None
    lost_zero = len(value) == 4 and value.isascii() and value.isdigit()
    hint = "; a spreadsheet may have dropped its leading zero" if lost_zero else ""
    return value, f"is not a ZIP code (write 5 digits or ZIP+4{hint})"


def _email(value: str) -> tuple[str, str | None]:
    return value, None if _EMAIL.fullmatch(value) else "is not an email address"


def _boolean(value: str) -> tuple[bool | None, str | None]:
    flag = _BOOLEANS.get(value.lower())
    return flag, None if flag is not None else "is not yes or no (write yes, no, true, false, 1 or 0; blank means no)"


def _locale(value: str) -> tuple[str | None, str | None]:
    locale = _LOCALES.get(value.lower().replace("-", "_"))
    return locale, None if locale else f"is not a supported locale (write one of {', '.join(LOCALES)}; or leave it blank)"


def _date(value: str) -> tuple[dt.date | None, str | None]:
    try:
        if len(value) != 10 or value[4] != "-" or value[7] != "-":
            raise ValueError
        date = dt.date.fromisoformat(value)
    except ValueError:
        return None, "is not a date (write YYYY-MM-DD)"
    return date, None


_CHECKS = {"state": _state, "next_of_kin_state": _state, "zip": _zip, "next_of_kin_zip": _zip, "email": _email,
           "email_consent": _boolean, "deceased": _boolean, "locale": _locale, "date_of_birth": _date}
_ADDRESS = ("address_1", "address_2", "city", "state", "zip")
_KIN_ADDRESS = frozenset("next_of_kin_" + f for f in _ADDRESS)


def _incomplete(r: Recipient) -> bool:
    """The address in use (the next of kin's for the deceased) is given in part but not in full."""
    if r.deceased:
        parts = (r.next_of_kin_address_1, r.next_of_kin_city, r.next_of_kin_state, r.next_of_kin_zip)
    else:
        parts = (r.address_1, r.city, r.state, r.zip)
    return any(parts) and not all(parts)


# ---------------------------------------------------------------- duplicate ids


def _id_key(value: str) -> int:
    """A 64-bit key for an id; equal ids have equal keys, and _duplicate_ids confirms every match."""
    return hash(value)


def _duplicate_ids(path: Path, hashes: array.array, rows: array.array) -> list[tuple[int, str]]:
    """Problems for rows whose id repeats an earlier row's, found with 16 bytes a row rather than the ids."""
    # sorted runs of 65,536 keys kept as arrays (8 bytes a key), merged lazily: a list of every key would
    # take 36 bytes a row at once
    runs = [array.array("q", sorted(hashes[i:i + 65536])) for i in range(0, len(hashes), 65536)]
    shared, previous = set(), None
    for key in heapq.merge(*runs):
        if key == previous:
            shared.add(key)
        previous = key
    del runs
    if not shared:
        return []
    suspects = {row for key, row in zip(hashes, rows) if key in shared}
    ids: dict[str, int] = {}
    problems = []
    with _Reader(path) as reader:  # read the suspect rows' ids again to rule out a key collision
        for row, cells in reader.rows():
            if row in suspects:
                first = ids.setdefault(cells[reader.id_at].strip(), row)
                if first != row:
                    problems.append((row, f"{path}:{row}: id: repeats the id of row {first}"))
    return problems
