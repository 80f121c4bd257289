"""noticegen.preview: page 1 of each DOCX as a PNG next to it, made by LibreOffice and pdftoppm."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest
from docx import Document

from noticegen import preview
from noticegen.errors import NoticegenError

pytestmark = pytest.mark.clients

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def letter(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = Document()  # python-docx's default page: US Letter, 8.5 x 11 in
    document.add_paragraph(text)
    document.save(path)
    return path


def test_preview_writes_page_one_at_80_dpi_next_to_each_docx_even_with_the_same_name(tmp_path, soffice, pdftoppm):
    english = letter(tmp_path / "en_US" / "individual.docx", "Notice of a data breach")
    spanish = letter(tmp_path / "es_US" / "individual.docx", "Aviso de una filtración de datos")
    written = preview.preview_pngs([english, spanish])
    assert written == [tmp_path / "en_US" / "individual.png", tmp_path / "es_US" / "individual.png"]
    assert [png_size(p) for p in written] == [(680, 880), (680, 880)]
    assert [p.stat().st_mode & 0o777 for p in written] == [0o600, 0o600]
    assert written[0].read_bytes() != written[1].read_bytes()


@pytest.mark.parametrize("missing", ["soffice", "pdftoppm"])
def test_preview_returns_nothing_when_a_tool_is_missing(tmp_path, monkeypatch, missing):
    docx = letter(tmp_path / "individual.docx", "Notice")
    monkeypatch.setattr(shutil, "which", lambda name: None if name == missing else f"/usr/bin/{name}")
    assert preview.preview_pngs([docx]) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["individual.docx"]


def test_preview_of_no_files_is_empty(soffice, pdftoppm):
    assert preview.preview_pngs([]) == []


def test_preview_names_the_docx_libreoffice_cannot_load(tmp_path, soffice, pdftoppm):
    good = letter(tmp_path / "individual.docx", "Notice")
    broken = tmp_path / "next_of_kin.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(NoticegenError) as caught:
        preview.preview_pngs([good, broken])
    assert str(caught.value) == (f"{broken}: LibreOffice could not convert it to PDF for the preview; "
                                 "open it in Word or LibreOffice to see why")
    assert not (tmp_path / "next_of_kin.png").exists()


def test_conversion_that_outlives_its_timeout_is_stopped(tmp_path, soffice):
    docx = letter(tmp_path / "individual.docx", "Notice")
    with pytest.raises(NoticegenError) as caught:
        preview.convert_to_pdf([docx], tmp_path / "pdf", timeout=0.01, soffice=soffice)
    assert str(caught.value) == ("LibreOffice (soffice --convert-to pdf) did not finish within 0.01 seconds; "
                                 "it was stopped")
