"""The language layer: the review gate, the translator workflow (export -> edit -> import), stale translations,
and Harbor Point in every locale (samples/harbor-point-languages)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from click.testing import CliRunner

from noticegen import lang
from noticegen.build import build
from noticegen.check import check
from noticegen.cli import main
from noticegen.facts import load_facts
from noticegen.lang import catalogs
from noticegen.lang.catalogs import LOCALES, po_headers, with_headers
from noticegen.lang.review import catalog_review, translation_review
from noticegen.lang.sources import source_hash
from noticegen.notice_set import TranslationNotReviewed, notice_set
from noticegen.plan import plan
from noticegen.readers import markdown as md_reader

ROOT = Path(__file__).resolve().parent.parent
HARBOR = ROOT / "samples" / "harbor-point-pacs" / "breach.yaml"
LANGUAGES = ROOT / "samples" / "harbor-point-languages" / "breach.yaml"
TODAY = dt.date(2026, 11, 26)
AS_OF = "2025-03-14"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def reviewed_es_catalog(tmp_path, monkeypatch):
    """locales/ as shipped, but the es_US catalog's header says a qualified translator reviewed it."""
    locales = tmp_path / "locales"
    shutil.copytree(catalogs.data_dir("locales"), locales)
    po = locales / "es_US" / "LC_MESSAGES" / "noticegen.po"
    po.write_text(with_headers(po.read_text(encoding="utf-8"), {
        "X-Review-Status": "reviewed", "X-Reviewed-By": "A. Translator (ATA-certified)",
        "X-Review-Date": "2026-11-20"}), encoding="utf-8")
    monkeypatch.setattr(catalogs, "data_dir", lambda name: locales if name == "locales" else None)
    catalogs.catalog.cache_clear()
    yield
    catalogs.catalog.cache_clear()


def _facts_with(tmp_path, *, review=None, english=None) -> Path:
    """A copy of Harbor Point with translations.es_US.review (and sources for the English as it is) set."""
    data = yaml.safe_load(HARBOR.read_text(encoding="utf-8"))
    facts = load_facts(HARBOR, today=TODAY)
    if review is not None:
        data["translations"]["es_US"]["review"] = review
        data["translations"]["es_US"]["sources"] = {"summary": source_hash(facts.breach.summary)}
    if english is not None:
        data["breach"]["summary"] = english
    path = tmp_path / "breach.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# ------------------------------------------------------------------ review status

def test_catalog_review_status_comes_from_the_po_header():
    assert catalog_review("en_US").reviewed  # the source language
    es = catalog_review("es_US")
    assert (es.status, es.by) == ("draft", None)  # written by the team, not a qualified translator
    for locale in LOCALES[2:]:
        assert not catalog_review(locale).reviewed, locale  # the team's drafts, until a translator reviews them


def test_reviewed_needs_a_reviewer(tmp_path, monkeypatch):
    text = with_headers((catalogs.data_dir("locales") / "es_US/LC_MESSAGES/noticegen.po").read_text(encoding="utf-8"),
                        {"X-Review-Status": "reviewed"})
    assert po_headers(text)["X-Review-Status"] == "reviewed"
    locales = tmp_path / "locales" / "es_US" / "LC_MESSAGES"
    locales.mkdir(parents=True)
    (locales / "noticegen.po").write_text(text, encoding="utf-8")
    monkeypatch.setattr(catalogs, "data_dir", lambda name: tmp_path / "locales")
    catalogs.catalog.cache_clear()
    try:
        assert catalog_review("es_US").status == "draft"
        assert "X-Reviewed-By" in catalog_review("es_US").note
    finally:
        catalogs.catalog.cache_clear()


def test_review_headers_survive_a_babel_rewrite():
    """Babel's reader drops X- headers; po_headers/with_headers keep them (scripts/update_catalogs.py)."""
    text = (catalogs.data_dir("locales") / "es_US/LC_MESSAGES/noticegen.po").read_text(encoding="utf-8")
    again = with_headers(text, {"X-Review-Status": "reviewed", "X-Reviewed-By": 'Ana "Ani" Ruiz'})
    assert po_headers(again)["X-Reviewed-By"] == 'Ana "Ani" Ruiz'
    assert len(read_po(__import__("io").StringIO(again))) == len(read_po(__import__("io").StringIO(text)))


# ------------------------------------------------------------------ the gate

def test_render_refuses_an_unreviewed_translation_without_draft(tmp_path):
    result = run("render", HARBOR, "-o", tmp_path / "out", "--as-of", AS_OF, "--notice", "individual",
                 "--format", "md")
    assert result.exit_code == 2
    assert result.output.startswith("es_US: translation not reviewed: the es_US catalog")
    assert "translations.es_US in the facts is draft" in result.output
    assert "Pass --draft" in result.output
    assert not (tmp_path / "out").exists()


def test_english_alone_needs_no_review(tmp_path):
    result = run("render", HARBOR, "-o", tmp_path, "--as-of", AS_OF, "--notice", "individual", "--format", "md",
                 "--locale", "en_US")
    assert result.exit_code == 0, result.output
    assert "DRAFT" not in (tmp_path / "en_US" / "individual.md").read_text(encoding="utf-8")


def test_draft_renders_watermarked_in_the_language_and_in_english(tmp_path):
    result = run("render", HARBOR, "-o", tmp_path, "--as-of", AS_OF, "--notice", "individual", "--format", "md",
                 "--format", "html", "--draft")
    assert result.exit_code == 0, result.output
    assert "es_US: rendered as DRAFT, translation not reviewed" in result.output
    text = (tmp_path / "es_US" / "individual.md").read_text(encoding="utf-8")
    assert text.startswith("**DRAFT — NOT FOR MAILING — traducción no revisada — translation not reviewed**")
    assert md_reader.read(text).meta.draft
    page = (tmp_path / "es_US" / "individual.html").read_text(encoding="utf-8")
    assert 'traducción no revisada — <span lang="en">translation not reviewed</span>' in page
    assert "DRAFT" not in (tmp_path / "en_US" / "individual.md").read_text(encoding="utf-8")


def test_mail_refuses_an_unreviewed_translation_without_draft(tmp_path):
    roster = ROOT / "samples" / "harbor-point-pacs" / "roster.csv"
    result = run("mail", HARBOR, "--roster", roster, "-o", tmp_path / "out", "--as-of", AS_OF, "--workers", "1")
    assert result.exit_code == 2
    assert "es_US: translation not reviewed" in result.output


def test_a_reviewed_catalog_and_reviewed_facts_render_without_draft(tmp_path, reviewed_es_catalog):
    path = _facts_with(tmp_path, review={"status": "reviewed", "by": "A. Translator", "on": "2026-11-21"})
    facts = load_facts(path, today=TODAY)
    made = notice_set(facts, plan(facts, as_of=TODAY), kinds=("individual",), formats=("md",), today=TODAY)
    assert made.unreviewed == ()
    assert "DRAFT" not in next(o.content for o in made.outputs if o.locale == "es_US")


def test_a_reviewed_catalog_with_draft_facts_is_still_refused(tmp_path, reviewed_es_catalog):
    facts = load_facts(_facts_with(tmp_path, review={"status": "draft"}), today=TODAY)
    with pytest.raises(TranslationNotReviewed) as info:
        notice_set(facts, plan(facts, as_of=TODAY), kinds=("individual",), formats=("md",), today=TODAY)
    assert "the es_US catalog" not in str(info.value)
    assert "translations.es_US in the facts is draft" in str(info.value)


def test_reviewed_facts_need_a_reviewer(tmp_path):
    result = run("validate", _facts_with(tmp_path, review={"status": "reviewed"}))
    assert result.exit_code == 2
    assert "translations.es_US.review.by: is required when status is reviewed" in result.output


def test_check_reports_the_review_status(tmp_path):
    facts = load_facts(HARBOR, today=TODAY)
    obligation = next(o for o in plan(facts, as_of=TODAY).obligations if o.kind == "individual")
    report = check(build(facts, obligation, locale="es_US", today=TODAY).notice, facts)
    assert report.translation_review["status"] == "draft"
    assert report.translation_review["catalog"]["status"] == "draft"
    assert report.to_json()["translation_review"]["facts"]["status"] == "draft"
    assert any(w.startswith("translation not reviewed: the es_US catalog") for w in report.warnings)
    english = check(build(facts, obligation, locale="en_US", today=TODAY).notice, facts)
    assert english.translation_review["status"] == "reviewed"
    assert not any("translation not reviewed" in w for w in english.warnings)


# ------------------------------------------------------------------ translator workflow

def _po_entries(path: Path):
    with path.open("rb") as handle:
        return {m.context: m for m in read_po(handle) if m.id}


def test_export_lists_every_translatable_field_with_its_key_prefilled(tmp_path):
    out = tmp_path / "es.po"
    assert run("translations", "export", HARBOR, "--locale", "es_US", "-o", out).exit_code == 0
    entries = _po_entries(out)
    facts = load_facts(HARBOR, today=TODAY)
    assert list(entries) == ["summary", "investigation", "mitigation", "prevention", "individual_steps.0",
                             "individual_steps.1", "hours", "signer_title"]
    assert entries["summary"].id == facts.breach.summary
    assert entries["summary"].string == facts.translations["es_US"].summary
    assert entries["individual_steps.1"].auto_comments == ["English: response.individual_steps[1]"]
    assert po_headers(out.read_text(encoding="utf-8"))["X-Review-Status"] == "draft"


def test_export_for_a_locale_without_translations_is_empty_to_fill(tmp_path):
    out = tmp_path / "vi.po"
    assert run("translations", "export", HARBOR, "--locale", "vi", "-o", out).exit_code == 0
    assert {m.string for m in _po_entries(out).values()} == {""}
    assert run("translations", "export", HARBOR, "--locale", "xx", "-o", out).exit_code == 2


def test_round_trip_export_edit_import(tmp_path):
    facts_path = tmp_path / "breach.yaml"
    shutil.copy(HARBOR, facts_path)
    po = tmp_path / "es.po"
    assert run("translations", "export", facts_path, "--locale", "es_US", "-o", po).exit_code == 0
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "De lunes a viernes, de 6 a. m. a 6 p. m., hora del Pacífico"',
                        'msgstr "De lunes a viernes, de 6:00 a. m. a 6:00 p. m. (hora del Pacífico)"')
    text = with_headers(text, {"X-Review-Status": "reviewed", "X-Reviewed-By": "Ana Ruiz (ATA-certified)",
                               "X-Review-Date": "2026-11-29"})
    po.write_text(text, encoding="utf-8")
    result = run("translations", "import", facts_path, po)
    assert result.exit_code == 0, result.output
    assert "translations.es_US: 7 field(s), reviewed" in result.output
    written = facts_path.read_text(encoding="utf-8")
    assert "translations:                          # the free text above, for each locale other than en_US" in written
    assert written.startswith(HARBOR.read_text(encoding="utf-8").split("translations:")[0])  # the rest as it was
    facts = load_facts(facts_path, today=TODAY)
    es = facts.translations["es_US"]
    assert es.hours == "De lunes a viernes, de 6:00 a. m. a 6:00 p. m. (hora del Pacífico)"
    assert es.summary == load_facts(HARBOR, today=TODAY).translations["es_US"].summary
    assert (es.review.status, es.review.by, es.review.on) == ("reviewed", "Ana Ruiz (ATA-certified)",
                                                             dt.date(2026, 11, 29))
    assert es.sources["summary"] == source_hash(facts.breach.summary)
    assert es.sources["hours"] == source_hash(facts.contact.hours)
    assert translation_review("es_US", facts).facts.reviewed


def test_a_fuzzy_entry_imports_as_draft(tmp_path):
    facts_path = tmp_path / "breach.yaml"
    shutil.copy(HARBOR, facts_path)
    po = tmp_path / "es.po"
    run("translations", "export", facts_path, "--locale", "es_US", "-o", po)
    text = with_headers(po.read_text(encoding="utf-8"), {"X-Review-Status": "reviewed", "X-Reviewed-By": "Ana"})
    text = text.replace('msgctxt "hours"', '#, fuzzy\nmsgctxt "hours"')
    po.write_text(text, encoding="utf-8")
    result = run("translations", "import", facts_path, po)
    assert result.exit_code == 0, result.output
    assert load_facts(facts_path, today=TODAY).translations["es_US"].review.status == "draft"


def test_import_refuses_a_file_exported_from_other_english(tmp_path):
    facts_path = tmp_path / "breach.yaml"
    shutil.copy(HARBOR, facts_path)
    po = tmp_path / "es.po"
    run("translations", "export", facts_path, "--locale", "es_US", "-o", po)
    before = facts_path.read_text(encoding="utf-8")
    facts_path.write_text(before.replace("now review remote access every week", "review remote access daily"),
                          encoding="utf-8")
    result = run("translations", "import", facts_path, po)
    assert result.exit_code == 2
    assert "es.po: prevention: the English in the file is not the facts' English" in result.output


def test_import_into_a_json_facts_file(tmp_path):
    data = yaml.safe_load(HARBOR.read_text(encoding="utf-8"))
    facts_path = tmp_path / "breach.json"
    facts_path.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    po = tmp_path / "es.po"
    assert run("translations", "export", facts_path, "--locale", "es_US", "-o", po).exit_code == 0
    result = run("translations", "import", facts_path, po)
    assert result.exit_code == 0, result.output
    block = json.loads(facts_path.read_text(encoding="utf-8"))["translations"]["es_US"]
    assert block["review"] == {"status": "draft"}
    assert set(block["sources"]) >= {"summary", "individual_steps.0", "hours"}


# ------------------------------------------------------------------ stale translations

def _imported(tmp_path) -> Path:
    facts_path = tmp_path / "breach.yaml"
    shutil.copy(HARBOR, facts_path)
    po = tmp_path / "es.po"
    run("translations", "export", facts_path, "--locale", "es_US", "-o", po)
    po.write_text(with_headers(po.read_text(encoding="utf-8"),
                               {"X-Review-Status": "reviewed", "X-Reviewed-By": "Ana Ruiz"}), encoding="utf-8")
    assert run("translations", "import", facts_path, po).exit_code == 0
    return facts_path


def test_a_changed_english_field_makes_its_translation_stale(tmp_path):
    facts_path = _imported(tmp_path)
    text = facts_path.read_text(encoding="utf-8")
    facts_path.write_text(text.replace("behind our firewall", "behind our new firewall"), encoding="utf-8")
    result = run("validate", facts_path)
    assert result.exit_code == 0
    today = dt.date.today().isoformat()
    assert (f"translations.es_US.prevention: warning: the English response.prevention changed since it was "
            f"translated ({today}); re-export") in result.output
    assert "translations.es_US.summary" not in result.output
    facts = load_facts(facts_path, today=TODAY)
    review = translation_review("es_US", facts)
    assert review.facts.status == "draft" and "stale" in review.facts.note  # reviewed, but of other English
    obligation = next(o for o in plan(facts, as_of=TODAY).obligations if o.kind == "individual")
    report = check(build(facts, obligation, locale="es_US", today=TODAY).notice, facts)
    assert any(w.startswith("translations.es_US.prevention: the English response.prevention changed")
               for w in report.warnings)


def test_a_changed_step_names_the_step(tmp_path):
    facts_path = _imported(tmp_path)
    text = facts_path.read_text(encoding="utf-8")
    facts_path.write_text(text.replace("you can report it at IdentityTheft.gov.",
                                       "report it at IdentityTheft.gov or call the FTC."), encoding="utf-8")
    result = run("validate", facts_path)
    assert "translations.es_US.individual_steps.1: warning: the English step 2 of response.individual_steps " \
           "changed" in result.output


def test_a_stale_translation_is_refused_without_draft(tmp_path, reviewed_es_catalog):
    facts_path = _imported(tmp_path)
    facts = load_facts(facts_path, today=TODAY)
    notice_set(facts, plan(facts, as_of=TODAY), kinds=("individual",), formats=("md",), today=TODAY)  # reviewed
    text = facts_path.read_text(encoding="utf-8")
    facts_path.write_text(text.replace("behind our firewall", "behind our new firewall"), encoding="utf-8")
    facts = load_facts(facts_path, today=TODAY)
    with pytest.raises(TranslationNotReviewed, match="1 field.s. stale"):
        notice_set(facts, plan(facts, as_of=TODAY), kinds=("individual",), formats=("md",), today=TODAY)


# ------------------------------------------------------------------ Harbor Point in every locale

def test_the_language_sample_is_the_assembled_one():
    spec = importlib.util.spec_from_file_location("assemble", ROOT / "scripts" / "assemble_language_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.assemble() == LANGUAGES.read_text(encoding="utf-8"), \
        "run python scripts/assemble_language_sample.py"


def test_the_language_sample_has_every_locale_as_a_draft_with_nothing_stale():
    warned: list[str] = []
    facts = load_facts(LANGUAGES, today=TODAY, warned=warned)
    assert tuple(facts.notices.locales) == LOCALES
    assert warned == []
    assert all(not translation_review(locale, facts).reviewed for locale in LOCALES[1:])


@pytest.mark.parametrize("locale", LOCALES)
def test_harbor_point_letter_in_every_locale(locale):
    """The individual letter builds in each locale with every string translated, reads back from Markdown,
    and carries the draft watermark where the translation is not reviewed."""
    facts = load_facts(LANGUAGES, today=TODAY)
    made = notice_set(facts, plan(facts, as_of=TODAY), kinds=("individual",), locales=(locale,), formats=("md",),
                      today=TODAY, draft=True)
    (report,) = [r for r in made.reports if r.locale == locale and r.kind == "individual"][:1]
    assert report.translation_review["status"] == ("reviewed" if locale == "en_US" else "draft")
    letter = next(o.content for o in made.outputs if o.path == f"{locale}/individual.md")
    assert md_reader.read(letter).meta.draft == (locale != "en_US")
    assert lang.catalog(locale).has("translation not reviewed")


def test_haitian_creole_dates_and_lists_where_cldr_has_no_data():
    """CLDR's ht has no month names ('2025 M03 14') nor list words: noticegen writes them itself."""
    assert lang.format_date(dt.date(2025, 3, 14), "ht") == "14 mas 2025"
    assert lang.format_list(["non", "adrès", "dat nesans"], "ht") == "non, adrès ak dat nesans"
    assert lang.format_list(["non", "adrès"], "ht", style="or") == "non oswa adrès"
    assert lang.format_date(dt.date(2025, 3, 14), "fil") == "Marso 14, 2025"  # Babel's own where it has data


def test_round_trip_through_xliff(tmp_path):
    """The same workflow in XLIFF 1.2 (translate-toolkit): the unit id is the field, a review phase in the
    header naming its contact makes the import reviewed, a unit that needs translation makes it a draft."""
    facts_path = tmp_path / "breach.yaml"
    shutil.copy(HARBOR, facts_path)
    xlf = tmp_path / "es.xlf"
    assert run("translations", "export", facts_path, "--locale", "es_US", "-o", xlf).exit_code == 0
    text = xlf.read_text(encoding="utf-8")
    assert 'xmlns="urn:oasis:names:tc:xliff:document:1.2"' in text and 'id="individual_steps.1"' in text
    assert 'target-language="es-US"' in text
    reviewed = text.replace('target-language="es-US">', 'target-language="es-US"><header><phase-group><phase '
                            'phase-name="review" process-name="review" contact-name="Ana Ruiz" '
                            'date="2026-11-29T00:00:00Z"/></phase-group></header>', 1)
    reviewed = reviewed.replace("de 6 a. m. a 6 p. m., hora del Pacífico</target>",
                                "de 6:00 a. m. a 6:00 p. m. (hora del Pacífico)</target>")
    xlf.write_text(reviewed, encoding="utf-8")
    result = run("translations", "import", facts_path, xlf)
    assert result.exit_code == 0, result.output
    es = load_facts(facts_path, today=TODAY).translations["es_US"]
    assert es.hours == "De lunes a viernes, de 6:00 a. m. a 6:00 p. m. (hora del Pacífico)"
    assert (es.review.status, es.review.by, es.review.on) == ("reviewed", "Ana Ruiz", dt.date(2026, 11, 29))
    xlf.write_text(reviewed.replace('<target state="translated">De lunes',
                                    '<target state="needs-review-translation">De lunes'), encoding="utf-8")
    assert run("translations", "import", facts_path, xlf).exit_code == 0
    assert load_facts(facts_path, today=TODAY).translations["es_US"].review.status == "draft"
