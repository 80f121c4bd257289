"""Templates: sandboxed, StrictUndefined, Markdown-escaped values; facts are never evaluated as templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticegen.errors import TemplateError
from noticegen.lang import catalog
from noticegen.templates import Translator, link, render_template


def render(tmp_path: Path, source: str, **context) -> str:
    (tmp_path / "probe.md.j2").write_text(source, encoding="utf-8")
    return render_template("probe", context, translator=Translator(catalog("en_US")), override=tmp_path)


@pytest.mark.parametrize("value, expected", [
    ("{{ 7*7 }}", r"\{\{ 7\*7 \}\}"),
    ("{% for x in y %}", r"\{% for x in y %\}"),
    ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
    ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
    ("# not a heading", r"\# not a heading"),
    ("1. not a list", r"1\. not a list"),
    ("a | b * c _d_", r"a \| b \* c \_d\_"),
    ("[[recipient_name]]", r"\[\[recipient\_name\]\]"),
    ("<!-- element: contact -->", r"\<!-- element: contact --\>"),
    ("line one\n\n- line two", "line one - line two"),
])
def test_fact_values_print_as_literal_markdown(tmp_path, value, expected):
    assert render(tmp_path, "{{ v }}", v=value) == expected


def test_undefined_names_fail_with_the_template_name(tmp_path):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "{{ nothing_here }}")
    assert str(info.value) == "probe.md.j2: 'nothing_here' is undefined; the facts do not provide it (check the template)"


def test_none_values_must_be_guarded(tmp_path):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "{{ v }}", v=None)
    assert str(info.value) == "a template printed a value that is not set (None); guard it with {% if %}"


def test_the_sandbox_refuses_python_internals(tmp_path):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    assert "SecurityError" in str(info.value) or "unsafe" in str(info.value)


def test_translated_sentences_escape_their_variables_but_keep_markup(tmp_path):
    out = render(tmp_path, '{{ _("Call %(n)s now", n=strong(v)) }}', v="*1-800*")
    assert out == r"Call **\*1-800\*** now"


def test_translator_records_msgids_the_catalog_lacks():
    translator = Translator(catalog("es_US"))
    translator.element = "contact"
    translator("A sentence no catalog has")
    assert translator.missing == [("contact", "A sentence no catalog has")]


def test_only_web_and_mail_urls_become_links():
    assert str(link("javascript:alert(1)", "click")) == "click"
    assert str(link("https://example.org/a", "site")) == "[site](<https://example.org/a>)"


def test_a_user_template_folder_wins_over_the_bundled_one(tmp_path):
    (tmp_path / "individual.md.j2").write_text("# Ours\n", encoding="utf-8")
    out = render_template("individual", {"c": {}}, translator=Translator(catalog("en_US")), override=tmp_path)
    assert out == "# Ours\n"


def test_a_missing_template_names_the_folder(tmp_path):
    with pytest.raises(TemplateError) as info:
        render_template("nonexistent", {}, translator=Translator(catalog("en_US")), override=tmp_path)
    assert str(info.value) == f"no template nonexistent.md.j2 in {tmp_path}"
