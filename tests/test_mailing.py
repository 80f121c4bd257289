"""Per-recipient copies from a roster: who gets a letter, an email or nothing, and that no PHI leaks into names."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.facts import load_facts
from noticegen.mailing import Tally, copies, identification_csv
from noticegen.notice_set import notice_set
from noticegen.plan import plan
from noticegen.readers.docx import read as read_docx
from noticegen.model import fields_in, notice_text
from noticegen.roster import read_roster

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
ROSTER = ROOT / "samples" / "harbor-point-pacs" / "roster.csv"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def mailing():
    facts = load_facts(SAMPLE, today=TODAY)
    made = notice_set(facts, plan(facts, as_of=TODAY), today=TODAY, draft_translations=True)
    tally = Tally()
    out = {c.path: c.content for c in copies(facts, read_roster(ROSTER), made.notices, tally=tally)}
    return out, tally


def rows():
    with ROSTER.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_an_email_goes_to_each_living_person_who_agreed(mailing):
    out, _ = mailing
    person = next(r for r in rows() if r["email_consent"] == "yes" and r["deceased"] != "yes" and r["email"])
    locale = person["locale"] or "en_US"
    message = email.message_from_string(out[f"{locale}/emails/individual-{person['id']}.eml"],
                                        policy=email.policy.strict)
    assert message["To"] == person["email"]
    assert f"{person['first_name']} {person['last_name']}" in message.get_body(("plain",)).get_content()


def test_a_letter_goes_to_each_living_person_with_an_address_and_fills_every_field(mailing):
    out, _ = mailing
    person = next(r for r in rows() if r["address_1"] and r["email_consent"] != "yes" and r["deceased"] != "yes")
    locale = person["locale"] or "en_US"
    notice = read_docx(out[f"{locale}/letters/individual-{person['id']}.docx"])
    assert fields_in(notice) == []
    text = notice_text(notice)
    assert person["address_1"] in text and person["zip"] in text


def test_next_of_kin_get_the_next_of_kin_letter_naming_the_person(mailing):
    out, _ = mailing
    person = next(r for r in rows() if r["deceased"] == "yes" and r["next_of_kin_address_1"])
    locale = person["locale"] or "en_US"
    text = notice_text(read_docx(out[f"{locale}/letters/next_of_kin-{person['id']}.docx"]))
    assert person["next_of_kin_name"] in text
    assert f"{person['first_name']} {person['last_name']}" in text


def test_routes_are_counted_and_each_copy_is_one_file(mailing):
    out, tally = mailing
    routes = tally.routes
    assert routes["letter"] + routes["email"] + routes["next_of_kin"] == len(out)
    assert sum(routes.values()) == len(rows())
    assert routes["incomplete_fields"] == 0


def test_file_names_carry_the_id_never_a_name(mailing):
    out, _ = mailing
    names = {r["last_name"] for r in rows()} | {r["first_name"] for r in rows()}
    assert not any(name in path for path in out for name in names)


def test_identification_enclosure_lists_each_individual_and_is_spreadsheet_safe(tmp_path):
    roster_file = tmp_path / "roster.csv"
    roster_file.write_text("id,first_name,last_name\nA1,=HYPERLINK(1),Lee\nA2,Ana,Ruiz\n", encoding="utf-8")
    lines = identification_csv(read_roster(roster_file)).splitlines()
    assert lines[0].startswith("id,first_name,last_name")
    assert len(lines) == 3
    assert next(csv.reader(io.StringIO(lines[1])))[1] == "'=HYPERLINK(1)"


def test_render_with_roster_prints_counts_never_a_person(tmp_path):
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path), "--roster", str(ROSTER),
                                       "--format", "docx", "--format", "eml", "--draft"])
    assert result.exit_code == 0, result.output
    names = {r["last_name"] for r in rows()}
    assert not any(name in result.output for name in names)
    assert "letters by first-class mail" in result.output


def test_roster_command_prints_counts_and_fails_clearly_on_a_typo(tmp_path):
    ok = CliRunner().invoke(main, ["roster", str(ROSTER)])
    assert ok.exit_code == 0
    assert ok.output.splitlines()[0] == f"{ROSTER}: ok, {len(rows())} individuals"
    bad = tmp_path / "r.csv"
    bad.write_text("id,first_name,last_name,adress_1\n1,Ana,Ruiz,10 Main St\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["roster", str(bad)])
    assert result.exit_code == 2
    assert result.output == f"{bad}:1: adress_1: is not a roster column (did you mean address_1?)\n"
