"""Hand-built Notices for writer and reader tests: a realistic letter, hostile strings, and a hypothesis strategy."""

from __future__ import annotations

from hypothesis import strategies as st

from noticegen.model import (
    AddressBlock, BulletList, Emphasis, Field, Heading, LineBreak, Link, Meta, Notice, Paragraph, Section,
    Signature, Strong, Table, Tagline, Text,
)
from noticegen.tidy import tidy_notice

_TEXTS = {
    "en_US": {
        "title": "Notice of Data Breach",
        "dear": "Dear ",
        "what_happened": ("What Happened", "On January 6, 2025, Harbor Point Imaging learned that an unauthorized "
                          "person had accessed a server that stores X-ray and MRI images (\"PACS\") between "
                          "December 28, 2024 and January 5, 2025."),
        "phi_involved": ("What Information Was Involved", "The images and their labels may have included your "
                         "name, date of birth, and the date and type of your imaging study."),
        "individual_steps": ("What You Can Do", "We encourage you to take these steps:",
                             ("Review the statements you receive from your health insurer.",
                              "Enroll in the free credit monitoring with code ", "Call your doctor if anything "
                              "looks wrong.")),
        "entity_actions": ("What We Are Doing", "We shut down the affected server, reset every password, and "
                           "hired an independent forensic firm."),
        "contact": ("For More Information", "Call us toll-free at 1-800-555-0199, Monday to Friday, 8 a.m. to "
                    "6 p.m., visit ", "our website", " or write to ", "."),
        "table": (("Date", "Event"), (("December 28, 2024", "Access began"), ("January 6, 2025", "Discovered"))),
        "closing": ("Sincerely,", "Dana Whitfield", "Privacy Officer"),
        "date": "March 14, 2025",
    },
    "es_US": {
        "title": "Aviso de violación de datos",
        "dear": "Estimado/a ",
        "what_happened": ("¿Qué sucedió?", "El 6 de enero de 2025, Harbor Point Imaging supo que una persona no "
                          "autorizada accedió a un servidor que guarda imágenes de rayos X y resonancias."),
        "phi_involved": ("¿Qué información estuvo involucrada?", "Las imágenes pueden incluir su nombre y su fecha "
                         "de nacimiento."),
        "individual_steps": ("¿Qué puede hacer usted?", "Le recomendamos estos pasos:",
                             ("Revise los estados de cuenta de su seguro médico.",
                              "Inscríbase en el monitoreo de crédito gratuito con el código ",
                              "Llame a su médico si algo le parece incorrecto.")),
        "entity_actions": ("¿Qué estamos haciendo?", "Apagamos el servidor afectado y cambiamos todas las "
                           "contraseñas."),
        "contact": ("Para más información", "Llame gratis al 1-800-555-0199, de lunes a viernes, visite ",
                    "nuestro sitio web", " o escriba a ", "."),
        "table": (("Fecha", "Evento"), (("28 de diciembre de 2024", "Comenzó el acceso"),
                                        ("6 de enero de 2025", "Descubrimiento"))),
        "closing": ("Atentamente,", "Dana Whitfield", "Oficial de Privacidad"),
        "date": "14 de marzo de 2025",
    },
}


def sample_notice(locale: str = "en_US", *, draft: bool = False) -> Notice:
    """A realistic individual notice letter in English (en_US) or Spanish (es_US)."""
    t = _TEXTS["es_US" if locale.startswith("es") else "en_US"]
    steps_title, steps_intro, steps = t["individual_steps"]
    contact_title, call, site, write, end = t["contact"]
    header, rows = t["table"]
    opening = Section(None, (
        Heading(1, (Text(t["title"]),)),
        AddressBlock(((Field("recipient_name"),), (Field("recipient_address_1"),),
                      (Field("recipient_city_state_zip"),))),
        Paragraph((Text(t["dear"]), Field("recipient_name"), Text(":"))),
    ))
    return Notice(
        kind="individual", locale=locale,
        meta=Meta(title=t["title"], entity="Harbor Point Imaging, LLC",
                  letterhead=("Harbor Point Imaging, LLC", "400 Harbor Point Drive", "Baltimore, MD 21230",
                              "1-800-555-0199", "https://harborpointimaging.example"),
                  date=t["date"], subject=t["title"], channel="letter", draft=draft),
        sections=(
            opening,
            Section("what_happened", (
                Heading(2, (Text(t["what_happened"][0]),)),
                Paragraph((Text(t["what_happened"][1]),)),
                Table(tuple((Text(h),) for h in header), tuple(tuple((Text(c),) for c in r) for r in rows)),
            )),
            Section("phi_involved", (Heading(2, (Text(t["phi_involved"][0]),)),
                                     Paragraph((Text(t["phi_involved"][1]),)))),
            Section("individual_steps", (
                Heading(2, (Text(steps_title),)),
                Paragraph((Text(steps_intro),)),
                BulletList(((Text(steps[0]),), (Text(steps[1]), Strong((Field("enrollment_code"),)), Text(".")),
                            (Emphasis((Text(steps[2]),)),))),
            )),
            Section("entity_actions", (Heading(2, (Text(t["entity_actions"][0]),)),
                                       Paragraph((Text(t["entity_actions"][1]),)))),
            Section("contact", (
                Heading(2, (Text(contact_title),)),
                Paragraph((Text(call), Link("https://harborpointimaging.example/incident", (Text(site),)),
                           Text(write), Link("mailto:privacy@harborpointimaging.example",
                                             (Text("privacy@harborpointimaging.example"),)), Text(end))),
                Signature(tuple((Text(line),) for line in t["closing"])),
            )),
        ),
    )


def adversarial_strings() -> list[str]:
    """Fact values that try to become markup, templates, fields, links or reordered text."""
    return [
        "{{ 7*7 }}", "{% for x in y %}loop{% endfor %}", "<script>alert(1)</script>",
        "[x](javascript:alert(1))", "# ", "# Heading", "*", "**bold**", "_x_", "|", "a | b", "\\", "`code`",
        "[[recipient_name]]", "[[", "]]", "<!-- element: contact -->", "<!--", "-->", "&amp;", "&#65;", "&",
        "1. not a list", "1) nor this", "- nor this", "+ nor", "> not a quote", "=====", "---", "***",
        "![img](https://x.example/a.png)", "<https://autolink.example>", "    four spaces", "~~~", "```",
        "Tom\u202eevil\u202c name", "\u2067isolate\u2069", "\u200fRLM kept",
        "bell\x07 null\x00 esc\x1b del\x7f c1\x85", "\ufffe\uffff", "émoji 🎉 中文 العربية",
        "x" * 10_000,
    ]


# ------------------------------------------------------------------ hypothesis strategies

_SAFE_URLS = st.sampled_from([
    "https://example.org", "https://example.org/a_b*c?q=1&r=(2)", "http://x.example/%20~", "mailto:a@b.example",
    "https://例え.jp/パス",
])
_ANY_URLS = st.one_of(_SAFE_URLS, st.sampled_from(["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://x",
                                                    "https://a b", "https://x/<y>"]))
_FIELD_NAMES = st.from_regex(r"[a-z0-9]([a-z0-9_]{0,8}[a-z0-9])?", fullmatch=True)
_TEXT = st.one_of(st.text(min_size=1, max_size=30), st.sampled_from(adversarial_strings()[:-1]),
                  st.text(alphabet="*_[]()!<>#|\\`&~{}-+=.1 :", min_size=1, max_size=12))


def _inlines(depth: int):
    leaf = st.one_of(_TEXT.map(Text), _FIELD_NAMES.map(Field), st.just(LineBreak()))
    if depth == 0:
        return st.lists(leaf, max_size=6).map(tuple)
    inner = _inlines(depth - 1)
    node = st.one_of(leaf, leaf, inner.map(Strong), inner.map(Emphasis),
                     st.builds(Link, _ANY_URLS, inner))
    return st.lists(node, max_size=6).map(tuple)


_INLINES = _inlines(2)
_CELLS = _inlines(1)


@st.composite
def _table(draw):
    width = draw(st.integers(1, 4))
    header = tuple(draw(_CELLS) for _ in range(width))
    rows = tuple(tuple(draw(_CELLS) for _ in range(width)) for _ in range(draw(st.integers(0, 3))))
    return Table(header, rows)


_BLOCKS = st.one_of(
    st.builds(Heading, st.integers(1, 3), _INLINES),
    st.builds(Paragraph, _INLINES),
    st.builds(BulletList, st.lists(_INLINES, min_size=1, max_size=4).map(tuple), st.booleans()),
    _table(),
    st.builds(AddressBlock, st.lists(_INLINES, min_size=1, max_size=4).map(tuple)),
    st.builds(Signature, st.lists(_INLINES, min_size=1, max_size=4).map(tuple)),
    st.builds(Tagline, st.sampled_from(["vi", "zh-Hant", "ar", "fa", "ja", "en-US"]), st.sampled_from(["ltr", "rtl"]),
              _INLINES),
)
_ELEMENTS = st.one_of(st.none(), st.sampled_from(["what_happened", "phi_involved", "individual_steps",
                                                   "entity_actions", "contact", "toll_free"]))


def _level_headings(notice: Notice) -> Notice:
    """Headings that never skip a level (h1, then at most one deeper each time), as HTML pages need."""
    previous = 0
    sections = []
    for section in notice.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, Heading):
                block = Heading(min(block.level, previous + 1), block.children)
                previous = block.level
            blocks.append(block)
        sections.append(Section(section.element, tuple(blocks)))
    return Notice(notice.kind, notice.locale, notice.meta, tuple(sections))


@st.composite
def notices(draw) -> Notice:
    """Tidy notices (noticegen.render.text.tidy_notice) with hostile text, whose headings never skip a level."""
    sections = tuple(Section(draw(_ELEMENTS), tuple(draw(st.lists(_BLOCKS, max_size=4))))
                     for _ in range(draw(st.integers(0, 4))))
    meta = Meta(title=draw(st.one_of(st.none(), _TEXT)), entity=draw(st.one_of(st.none(), _TEXT)),
                letterhead=tuple(draw(st.lists(_TEXT, max_size=3))), date=draw(st.one_of(st.none(), _TEXT)),
                subject=draw(st.one_of(st.none(), _TEXT)), channel=draw(st.sampled_from([None, "letter", "web"])),
                draft=draw(st.booleans()))
    notice = Notice(kind=draw(st.sampled_from(["individual", "substitute_web"])),
                    locale=draw(st.sampled_from(["en_US", "es_US", "ar", "zh_Hant_TW"])), meta=meta,
                    sections=sections)
    return _level_headings(tidy_notice(notice))
