"""The roster CSV: its column rules, messages that name row and column but never a value, counts, merge values."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import tracemalloc
from pathlib import Path

import pytest

from noticegen import roster as roster_module
from noticegen.build import build
from noticegen.errors import FactsError
from noticegen.facts import load_facts
from noticegen.model import fields_in, merge
from noticegen.plan import plan
from noticegen.roster import (
    COLUMNS,
    IDENTIFICATION_HEADER,
    Recipient,
    compare_with_facts,
    identification_rows,
    merge_values,
    read_roster,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "roster.csv"
FACTS = load_facts(ROOT / "samples" / "harbor-point-pacs" / "breach.yaml", today=dt.date(2026, 11, 26))
GOOD = {"id": "R-1", "first_name": "Ada", "last_name": "Quill", "address_1": "12 Lantern Way",
        "city": "Long Beach", "state": "CA", "zip": "90802"}


def csv_text(*rows: dict, columns=COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue()


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "roster.csv"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def problems_of(path: Path, **options) -> tuple[str, ...]:
    with pytest.raises(FactsError) as info:
        read_roster(path, **options)
    return info.value.problems


def second_row(tmp_path: Path, **overrides) -> tuple[Path, tuple[str, ...]]:
    """A roster whose line 2 is valid and whose line 3 is GOOD with ``overrides``; its problems."""
    path = write(tmp_path, csv_text(GOOD, {**GOOD, "id": "R-2", **overrides}))
    return path, problems_of(path)


# ---------------------------------------------------------------- the sample


def test_sample_roster_counts_match_its_cases():
    roster = read_roster(SAMPLE)
    assert (roster.path, roster.count, roster.by_state, roster.deceased, roster.deceased_without_next_of_kin,
            roster.insufficient_contact, roster.email_consent, roster.by_locale, roster.incomplete_addresses) == (
        SAMPLE, 25, {"AZ": 2, "CA": 18, "NV": 3}, 4, 2, 2, 4, {"en_US": 1, "es_US": 4}, 1)
    assert roster.sha256 == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


def test_recipients_are_yielded_in_file_order_with_their_line_numbers():
    people = list(read_roster(SAMPLE).recipients())
    assert [p.row for p in people] == list(range(2, 27))
    assert people[6] == Recipient(
        row=8, id="HP-100237", first_name="Eleanor", last_name="Whitfield", address_1="77 Desert Primrose Ct",
        city="Henderson", state="NV", zip="89052", email="e.whitfield@mail.example", email_consent=True,
        deceased=True, next_of_kin_name="Thomas Whitfield, Jr.", next_of_kin_address_1="2290 Copper Mesa Dr",
        next_of_kin_address_2="Suite 210", next_of_kin_city="Henderson", next_of_kin_state="NV",
        next_of_kin_zip="89052-3318", date_of_birth=dt.date(1944, 9, 27))


def test_recipient_properties_on_each_sample_case():
    people = {p.id: p for p in read_roster(SAMPLE).recipients()}
    cases = {  # id: (name, reachable_by_mail, wants_email, has_next_of_kin_address)
        "HP-100231": ("Maria Delgado", True, False, False),          # mail
        "HP-100233": ("Linh Tran", True, True, False),               # mail address and email consent
        "HP-100235": ("Guadalupe Herrera", False, True, False),      # email only
        "HP-100236": ("Robert Kim", True, False, True),              # deceased, next of kin's address
        "HP-100237": ("Eleanor Whitfield", True, False, True),       # deceased: own consent does not count
        "HP-100238": ("Harold Jensen", True, False, False),          # deceased, no next of kin
        "HP-100240": ("Samuel Reyes-Ortiz", False, False, False),    # no usable contact
        "HP-100241": ("Keisha Monroe", False, False, False),         # address without a ZIP code
        "HP-100242": ("Daniel Cho", True, False, False),             # email without consent
    }
    assert {i: (people[i].name, people[i].reachable_by_mail, people[i].wants_email,
                people[i].has_next_of_kin_address) for i in cases} == cases


# ---------------------------------------------------------------- cell rules


@pytest.mark.parametrize("column, value, message", [
    ("id", "", "is required"),
    ("first_name", "   ", "is required"),
    ("last_name", "", "is required"),
    ("state", "Califqrnia", "is not a USPS state code"),
    ("state", "QX", "is not a USPS state code"),
    ("next_of_kin_state", "Nevqda", "is not a USPS state code"),
    ("zip", "9Q802", "is not a ZIP code (write 5 digits or ZIP+4)"),
    ("zip", "90802-17", "is not a ZIP code (write 5 digits or ZIP+4)"),
    ("zip", "\uff19\uff10\uff18\uff10\uff12", "is not a ZIP code (write 5 digits or ZIP+4)"),
    ("zip", "2134", "is not a ZIP code (write 5 digits or ZIP+4; a spreadsheet may have dropped its leading zero)"),
    ("next_of_kin_zip", "89q52", "is not a ZIP code (write 5 digits or ZIP+4)"),
    ("email", "ada.quill-at-mail.example", "is not an email address"),
    ("email_consent", "perhapsq", "is not yes or no (write yes, no, true, false, 1 or 0; blank means no)"),
    ("deceased", "unknownq", "is not yes or no (write yes, no, true, false, 1 or 0; blank means no)"),
    ("locale", "fr_QQ", "is not a supported locale (write one of en_US, es_US, zh_Hant, zh_Hans, vi, ko, fil, ru, ar, "
                        "ht, fr, pl, pt, it, de, ja, fa; or leave it blank)"),
    ("date_of_birth", "03/14/1957", "is not a date (write YYYY-MM-DD)"),
    ("date_of_birth", "1957-02-30", "is not a date (write YYYY-MM-DD)"),
    ("date_of_birth", "19570314", "is not a date (write YYYY-MM-DD)"),
    ("date_of_birth", "2999-01-01", "is in the future"),
    ("address_1", "Q" * 301, "is longer than 300 characters"),
    ("city", "Long\nBeachq", "has a line break inside the cell; keep each value on one line"),
    ("last_name", "Qu\x00illq", "contains a NUL byte; is this a CSV text file?"),
])
def test_each_column_rule_names_row_and_column_but_not_the_value(tmp_path, column, value, message):
    kin = {"next_of_kin_name": "Bo Quill"} if column.startswith("next_of_kin_") else {}
    path, problems = second_row(tmp_path, **kin, **{column: value})
    assert problems == (f"{path}:3: {column}: {message}",)
    if value.strip():
        assert value.strip() not in "\n".join(problems)


def test_address_2_without_address_1_is_refused(tmp_path):
    path, problems = second_row(tmp_path, address_1="", address_2="Apt 9Qz")
    assert problems == (f"{path}:3: address_2: is given without address_1; put the street address in address_1",)
    assert "9Qz" not in "\n".join(problems)


def test_next_of_kin_address_needs_a_name_and_a_first_line(tmp_path):
    path, problems = second_row(tmp_path, deceased="yes", next_of_kin_address_2="Suite 2Qz")
    assert problems == (
        f"{path}:3: next_of_kin_name: is required when a next-of-kin address is given",
        f"{path}:3: next_of_kin_address_2: is given without next_of_kin_address_1; put the street address in "
        "next_of_kin_address_1",
    )


def test_a_row_lists_every_problem_in_column_order(tmp_path):
    path, problems = second_row(tmp_path, first_name="", zip="9Q802", state="QX")
    assert problems == (f"{path}:3: first_name: is required", f"{path}:3: state: is not a USPS state code",
                        f"{path}:3: zip: is not a ZIP code (write 5 digits or ZIP+4)")


def test_values_are_stripped_and_normalized(tmp_path):
    path = write(tmp_path, csv_text({**GOOD, "id": "  R-1 ", "state": "ca", "zip": "908021234", "locale": "es-us",
                                     "email": "ada@mail.example", "email_consent": " TRUE ", "deceased": "0",
                                     "date_of_birth": "1957-03-14"}))
    (person,) = read_roster(path).recipients()
    assert person == Recipient(row=2, id="R-1", first_name="Ada", last_name="Quill", address_1="12 Lantern Way",
                               city="Long Beach", state="CA", zip="90802-1234", email="ada@mail.example",
                               email_consent=True, deceased=False, locale="es_US",
                               date_of_birth=dt.date(1957, 3, 14))


@pytest.mark.parametrize("text, flag", [
    ("yes", True), ("YES", True), ("true", True), ("True", True), ("1", True),
    ("no", False), ("No", False), ("false", False), ("0", False), ("", False),
])
def test_booleans_read_in_every_accepted_spelling(tmp_path, text, flag):
    path = write(tmp_path, csv_text({**GOOD, "email": "ada@mail.example", "email_consent": text, "deceased": text}))
    (person,) = read_roster(path).recipients()
    assert (person.email_consent, person.deceased) == (flag, flag)


def test_a_partial_address_is_kept_but_not_usable(tmp_path):
    path = write(tmp_path, csv_text({**GOOD, "zip": ""}, {**GOOD, "id": "R-2", "deceased": "yes",
                                                          "next_of_kin_name": "Bo Quill", "next_of_kin_city": "Reno"}))
    roster = read_roster(path)
    assert (roster.insufficient_contact, roster.deceased_without_next_of_kin, roster.incomplete_addresses) == (1, 1, 2)



def test_email_consent_without_an_email_address_falls_back_to_mail(tmp_path):
    path = write(tmp_path, csv_text({**GOOD, "email_consent": "yes"}))
    roster = read_roster(path)
    (person,) = roster.recipients()
    assert (person.wants_email, person.reachable_by_mail, roster.email_consent, roster.insufficient_contact) == (
        False, True, 0, 0)

# ---------------------------------------------------------------- header


def test_header_names_ignore_case_and_surrounding_spaces(tmp_path):
    path = write(tmp_path, " ID ,First_Name,  LAST_NAME,State\nR-1,Ada,Quill,NV\n")
    assert read_roster(path).by_state == {"NV": 1}


def test_misspelled_column_is_refused_with_did_you_mean(tmp_path):
    path = write(tmp_path, "id,first_name,last_name,adress_1,favorite_color\nR-1,Ada,Quill,12 Lantern Way,teal\n")
    assert problems_of(path) == (
        f"{path}:1: adress_1: is not a roster column (did you mean address_1?)",
        f"{path}:1: favorite_color: is not a roster column; rename or remove it",
    )


def test_an_overlong_unknown_column_is_named_by_its_position(tmp_path):
    path = write(tmp_path, "id,first_name,last_name,Zzyzx Quill lives at 12 Lantern Way in Long Beach\nR-1,Ada,Quill,\n")
    assert problems_of(path) == (f"{path}:1: column 4: is not a roster column; rename or remove it",)


def test_missing_required_columns_are_named_in_one_problem(tmp_path):
    path = write(tmp_path, "id,address_1\nR-1,12 Lantern Way\n")
    assert problems_of(path) == (f"{path}:1: (header): is missing the required columns first_name, last_name",)
    path = write(tmp_path, "first_name,last_name\nAda,Quill\n")
    assert problems_of(path) == (f"{path}:1: (header): is missing the required column id",)


def test_repeated_and_unnamed_columns_are_refused(tmp_path):
    path = write(tmp_path, "id,first_name,last_name,zip,ZIP,\nR-1,Ada,Quill,90802,90802,\n")
    assert problems_of(path) == (
        f"{path}:1: zip: appears twice (columns 4 and 5); keep one",
        f"{path}:1: column 6: has no name; name it or remove the column",
    )


def test_a_file_without_a_header_row_echoes_none_of_its_first_row(tmp_path):
    path = write(tmp_path, "R-1,Zzyzxa,Quill,12 Lantern Way\nR-2,Bo,Quill,14 Lantern Way\n")
    assert problems_of(path) == (f"{path}:1: (header): names none of the roster columns; the first row must be "
                                 "the header (id, first_name, last_name, ...)",)


# ---------------------------------------------------------------- rows and file


def test_wrong_number_of_cells_names_the_row(tmp_path):
    text = csv_text(GOOD, columns=("id", "first_name", "last_name", "address_1"))
    path = write(tmp_path, text + "R-2,Bo,Quill,12 Lantern Way, Apt 9Qz\nR-3,Cy\n")
    assert problems_of(path) == (
        f"{path}:3: (row): has 5 cells but the header has 4 columns; quote any cell that holds a comma or a "
        "quote mark",
        f"{path}:4: (row): has 2 cells but the header has 4 columns; quote any cell that holds a comma or a "
        "quote mark",
    )


def test_rows_are_numbered_by_line_counting_blank_lines_and_line_breaks(tmp_path):
    text = "id,first_name,last_name,city,zip\n\nR-1,Ada,Quill,\"Long\nBeach\",90802\n,,,,\nR-2,Bo,Quill,Reno,8q501\n"
    path = write(tmp_path, text)
    assert problems_of(path) == (
        f"{path}:3: city: has a line break inside the cell; keep each value on one line",
        f"{path}:6: zip: is not a ZIP code (write 5 digits or ZIP+4)",
    )


def test_overlong_line_is_refused_without_reading_it_whole(tmp_path):
    path = write(tmp_path, csv_text(GOOD) + "R-2," + "Zzyzx" * 20_000 + "\n")
    problems = problems_of(path)
    assert problems == (f"{path}:3: (row): is longer than 64 KiB; is this a CSV roster?",)


def test_unreadable_csv_names_the_row_where_the_record_starts(tmp_path):
    path = write(tmp_path, csv_text(GOOD) + 'R-2,"' + ("Zzyzx" * 10_000 + "\n") * 3)
    assert problems_of(path) == (f"{path}:3: (row): could not be read as CSV (field larger than field limit "
                                 "(131072))",)

def test_byte_order_mark_is_ignored(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + csv_text(GOOD).encode("utf-8"))
    assert read_roster(path).count == 1


def test_non_utf8_cell_names_row_and_column_not_its_bytes(tmp_path):
    path = write(tmp_path, csv_text(GOOD).encode("utf-8") + b"R-2,Ada,Zzyzx\xe9a,,,,,,,,,,,,,,,,,\n")
    problems = problems_of(path)
    assert problems == (f"{path}:3: last_name: is not UTF-8 text; save the file as CSV UTF-8",)
    assert "Zzyzx" not in "\n".join(problems)


def test_utf16_file_is_refused(tmp_path):
    path = write(tmp_path, csv_text(GOOD).encode("utf-16"))
    assert problems_of(path) == (f"{path}: is UTF-16 text; save it as CSV UTF-8",)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_file_is_refused(tmp_path, content):
    path = write(tmp_path, content)
    assert problems_of(path) == (f"{path}: is empty; a roster needs a header row and one row per individual",)


def test_header_without_rows_is_refused(tmp_path):
    path = write(tmp_path, csv_text())
    assert problems_of(path) == (f"{path}: has a header but no individuals; add one row per affected individual",)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "roster.csv"
    with path.open("wb") as handle:
        handle.truncate(201 * 1024 * 1024)
    assert problems_of(path) == (
        f"{path}: the file is 201.0 MiB; a roster is at most 200 MiB (split it into several rosters)",)


def test_missing_file_and_folder_are_refused(tmp_path):
    assert problems_of(tmp_path / "nope.csv") == (f"{tmp_path / 'nope.csv'}: no such file",)
    assert problems_of(tmp_path) == (f"{tmp_path}: is a folder; give the roster CSV inside it",)


def test_problems_stop_at_max_problems_with_a_count_of_the_rest(tmp_path):
    path = write(tmp_path, csv_text(*({**GOOD, "id": f"R-{i}", "zip": "9q802"} for i in range(60))))
    problems = problems_of(path, max_problems=5)
    assert problems == tuple(f"{path}:{line}: zip: is not a ZIP code (write 5 digits or ZIP+4)"
                             for line in range(2, 7)) + ("... and 55 more problems",)
    assert len(problems_of(path)) == 51


# ---------------------------------------------------------------- duplicate ids


def test_repeated_id_names_the_row_it_repeats_not_the_id(tmp_path):
    rows = [{**GOOD, "id": "MRN-Zq81"}, {**GOOD, "id": "R-2"}, {**GOOD, "id": " MRN-Zq81 "},
            {**GOOD, "id": "MRN-Zq81", "zip": "9q802"}, {**GOOD, "id": "mrn-zq81"}]
    path = write(tmp_path, csv_text(*rows))
    problems = problems_of(path)
    assert problems == (
        f"{path}:4: id: repeats the id of row 2",
        f"{path}:5: zip: is not a ZIP code (write 5 digits or ZIP+4)",
        f"{path}:5: id: repeats the id of row 2",
    )
    assert "Zq81" not in "\n".join(problems)


def test_colliding_id_keys_are_confirmed_against_the_ids(tmp_path, monkeypatch):
    monkeypatch.setattr(roster_module, "_id_key", lambda value: 7)
    path = write(tmp_path, csv_text(*({**GOOD, "id": f"R-{i}"} for i in range(5))))
    assert read_roster(path).count == 5
    path = write(tmp_path, csv_text(*({**GOOD, "id": f"R-{i % 2}"} for i in range(4))))
    assert problems_of(path) == (f"{path}:4: id: repeats the id of row 2", f"{path}:5: id: repeats the id of row 3")


# ---------------------------------------------------------------- re-reading


def test_recipients_refuse_a_file_changed_since_it_was_read(tmp_path):
    path = write(tmp_path, csv_text(GOOD))
    roster = read_roster(path)
    path.write_text(csv_text({**GOOD, "last_name": "Quilt"}), encoding="utf-8")  # same size, other content
    with pytest.raises(FactsError) as info:
        list(roster.recipients())
    assert info.value.problems == (f"{path}: changed since it was checked; check the roster again",)
    path.unlink()
    with pytest.raises(FactsError) as info:
        list(roster.recipients())
    assert info.value.problems == (f"{path}: changed since it was checked; check the roster again",)


# ---------------------------------------------------------------- memory


def _big_roster(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("id,first_name,last_name,address_1,address_2,city,state,zip,email,email_consent,deceased,"
                     "date_of_birth\n")
        handle.writelines(
            f"HP-{i:07d},Maria,Delgado,{i} Marigold Ave,Apt {i % 50},Long Beach,CA,90813-{i % 10000:04d},"
            f"m{i}@mail.example,{'yes' if i % 3 == 0 else 'no'},{'yes' if i % 97 == 0 else ''},1961-04-22\n"
            for i in range(rows))
    return path


@pytest.mark.slow  # about 30 s: tracemalloc slows every allocation
def test_reading_200000_rows_keeps_counts_not_rows(tmp_path):
    path = _big_roster(tmp_path / "big.csv", 200_000)
    tracemalloc.start()
    try:
        roster = read_roster(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (roster.count, roster.deceased, roster.email_consent) == (200_000, 2062, 65_979)
    assert peak < 25 * 1024 * 1024  # measured about 13 MB: 16 bytes a row for the duplicate-id check


def test_recipients_stream_one_at_a_time(tmp_path):
    roster = read_roster(_big_roster(tmp_path / "big.csv", 20_000))
    tracemalloc.start()
    try:
        count = sum(1 for _ in roster.recipients())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < 1024 * 1024  # measured about 0.3 MB; keeping 20,000 Recipients would take over 20 MB


# ---------------------------------------------------------------- facts


def test_compare_with_facts_lists_every_count_that_differs():
    assert compare_with_facts(read_roster(SAMPLE), FACTS) == [
        "affected.total is 21778 but the roster has 25 individuals",
        "affected.by_state.AZ is 78 but the roster has 2 individuals in AZ",
        "affected.by_state.CA is 21412 but the roster has 18 individuals in CA",
        "affected.by_state.NV is 288 but the roster has 3 individuals in NV",
        "affected.deceased is 12 but the roster has 4 deceased individuals",
        "affected.deceased_without_next_of_kin is 3 but the roster has 2 deceased individuals without a complete "
        "next-of-kin address",
        "affected.insufficient_contact is 37 but the roster has 2 living individuals with neither a complete "
        "mailing address nor email consent",
        "affected.email_consent is 4210 but the roster has 4 living individuals who agreed to email and gave an "
        "email address",
    ]


def test_compare_with_facts_is_silent_when_the_counts_agree():
    affected = FACTS.affected.model_copy(update={
        "total": 25, "by_state": {"AZ": 2, "CA": 18, "NV": 3}, "deceased": 4, "deceased_without_next_of_kin": 2,
        "insufficient_contact": 2, "email_consent": 4})
    assert compare_with_facts(read_roster(SAMPLE), FACTS.model_copy(update={"affected": affected})) == []


def test_compare_with_facts_names_missing_states_and_locales(tmp_path):
    path = write(tmp_path, csv_text({**GOOD, "state": "NV", "locale": "es_US"}))
    affected = FACTS.affected.model_copy(update={
        "total": 1, "by_state": {"CA": 1}, "deceased": 0, "deceased_without_next_of_kin": 0,
        "insufficient_contact": 0, "email_consent": 0})
    notices = FACTS.notices.model_copy(update={"locales": ["en_US"]})
    facts = FACTS.model_copy(update={"affected": affected, "notices": notices})
    assert compare_with_facts(read_roster(path), facts) == [
        "affected.by_state.CA is 1 but the roster has 0 individuals in CA",
        "affected.by_state has no NV but the roster has 1 individual in NV",
        "the roster gives locale es_US for 1 individual but notices.locales does not include it",
    ]


# ---------------------------------------------------------------- merge values


def _person(person_id: str) -> Recipient:
    return next(p for p in read_roster(SAMPLE).recipients() if p.id == person_id)


def test_individual_merge_puts_address_2_on_the_street_line():
    assert merge_values(_person("HP-100232"), kind="individual") == {
        "recipient_name": "James Okafor",
        "recipient_address_1": "3320 Tidewater St, Apt 12",
        "recipient_city_state_zip": "Long Beach, CA 90804-5521",
    }


def test_individual_merge_leaves_an_incomplete_address_as_fields():
    assert merge_values(_person("HP-100235"), kind="individual") == {"recipient_name": "Guadalupe Herrera"}
    assert merge_values(_person("HP-100241"), kind="individual") == {"recipient_name": "Keisha Monroe"}


def test_merge_includes_the_enrollment_code_when_given():
    person = Recipient(row=2, **GOOD, enrollment_code="HPX-7Q2M")
    assert merge_values(person, kind="individual") == {
        "recipient_name": "Ada Quill", "recipient_address_1": "12 Lantern Way",
        "recipient_city_state_zip": "Long Beach, CA 90802", "enrollment_code": "HPX-7Q2M",
    }


def test_next_of_kin_merge_addresses_the_next_of_kin_and_names_the_decedent():
    assert merge_values(_person("HP-100237"), kind="next_of_kin") == {
        "decedent_name": "Eleanor Whitfield",
        "recipient_name": "Thomas Whitfield, Jr.",
        "recipient_address_1": "2290 Copper Mesa Dr, Suite 210",
        "recipient_city_state_zip": "Henderson, NV 89052-3318",
    }
    assert merge_values(_person("HP-100238"), kind="next_of_kin") == {"decedent_name": "Harold Jensen"}


def test_merge_refuses_a_kind_that_does_not_fit():
    with pytest.raises(ValueError, match=r"^row 2 is not deceased; use kind 'individual'$"):
        merge_values(_person("HP-100231"), kind="next_of_kin")
    with pytest.raises(ValueError, match=r"^kind must be 'individual' or 'next_of_kin', not 'media'$"):
        merge_values(_person("HP-100231"), kind="media")


@pytest.mark.parametrize("kind, person_id", [("individual", "HP-100232"), ("next_of_kin", "HP-100237")])
def test_merge_values_fill_every_field_of_the_built_letter(kind, person_id):
    obligation = next(o for o in plan(FACTS, as_of=dt.date(2025, 3, 14)).obligations if o.kind == kind)
    notice = build(FACTS, obligation, locale="en_US", today=dt.date(2025, 3, 14)).notice
    assert fields_in(notice)
    assert fields_in(merge(notice, merge_values(_person(person_id), kind=kind))) == []


# ---------------------------------------------------------------- identification


def test_identification_rows_identify_each_individual():
    rows = list(identification_rows(read_roster(SAMPLE)))
    assert IDENTIFICATION_HEADER == ("id", "first_name", "last_name", "address_1", "address_2", "city", "state",
                                     "zip", "date_of_birth", "deceased")
    assert len(rows) == 25
    assert rows[1] == ("HP-100232", "James", "Okafor", "3320 Tidewater St", "Apt 12", "Long Beach", "CA",
                       "90804-5521", "1978-11-03", "no")
    assert rows[5] == ("HP-100236", "Robert", "Kim", "612 Lantern Bay Rd", "", "Long Beach", "CA", "90803",
                       "1939-01-14", "yes")
    assert rows[24] == ("HP-100255", "Marisol", "Peña", "711 Tugboat Ln", "", "Wilmington", "CA", "90744", "", "no")


def test_identification_rows_are_themselves_a_valid_roster(tmp_path):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(IDENTIFICATION_HEADER)
    writer.writerows(identification_rows(read_roster(SAMPLE)))
    again = read_roster(write(tmp_path, out.getvalue()))
    assert (again.count, again.by_state, again.deceased) == (25, {"AZ": 2, "CA": 18, "NV": 3}, 4)

