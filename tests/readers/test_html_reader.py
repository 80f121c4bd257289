"""The HTML reader: our pages and fragments read back exactly; hand-made HTML reads into sections by heading."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from notice_factory import notices, sample_notice
from noticegen.model import AddressBlock, BulletList, LineBreak, Link, Meta, Paragraph, Strong, Table, Text
from noticegen.readers.html import read
from noticegen.render.html import render
from noticegen.tidy import tidy_notice

EXAMPLES = int(os.environ.get("NOTICEGEN_EXAMPLES", "150"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices())
def test_page_round_trip_is_exact_for_any_tidy_notice(notice):
    assert read(render(notice)) == notice


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices())
def test_fragment_round_trip_is_exact_for_any_tidy_notice(notice):
    assert read(render(notice, fragment=True)) == notice


HAND_MADE = """<!doctype html><html lang="es-US"><head><title>Aviso  de
violación</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
<body><main><h1>Aviso</h1>
<p>Estimado/a <b>cliente</b>:
<h2>¿Qué sucedió?</h2>
<p>El 3 de marzo<br>se robó una computadora.
<h2>Más información</h2>
<ul><li>Llame al <a href="tel:18005550199">1-800</a><li><a href="https://example.org">sitio</a></ul>
<table><tr><th>a<th>b<tr><td>1<td>2<td>3</table>
<address>Calle 1<br>Ciudad</address>
</main></body></html>"""


def test_hand_made_html_reads_into_sections_by_heading():
    notice = read(HAND_MADE)
    assert notice.locale == "es_US" and notice.kind == "unknown"
    assert notice.meta == Meta(title="Aviso de violación")
    assert [s.element for s in notice.sections] == [None, "what_happened", "contact"]
    assert notice.sections[0].blocks[1] == Paragraph((Text("Estimado/a "), Strong((Text("cliente"),)), Text(":")))
    assert notice.sections[1].blocks[1] == Paragraph((Text("El 3 de marzo"), LineBreak(),
                                                      Text("se robó una computadora.")))
    assert notice.sections[2].blocks[1] == BulletList((
        (Text("Llame al 1-800 (tel:18005550199)"),),
        (Link("https://example.org", (Text("sitio"),)),)))
    assert notice.sections[2].blocks[2] == Table(((Text("a"),), (Text("b"),), ()),
                                                 (((Text("1"),), (Text("2"),), (Text("3"),)),))
    assert notice.sections[2].blocks[3] == AddressBlock(((Text("Calle 1"),), (Text("Ciudad"),)))


def test_explicit_kind_and_locale_win():
    notice = read(render(sample_notice()), kind="media", locale="en_GB")
    assert (notice.kind, notice.locale) == ("media", "en_GB")


def test_sample_page_and_fragment_read_back_exactly():
    notice = tidy_notice(sample_notice("es_US", draft=True))
    assert read(render(notice)) == notice
    assert read(render(notice, fragment=True)) == notice
