"""Opening a .docx safely for the DOCX reader: the ZIP checks and unpacked-size limits (a ZIP bomb is refused before anything is unpacked), and word/document.xml for golden tests."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ..errors import ReadError

MAX_UNZIPPED = 128 * 1024 * 1024  # all parts together, images included, as the ZIP directory declares them
MAX_PART = 32 * 1024 * 1024       # one XML part (word/document.xml): ~10x the text it holds, and lxml holds it all
MAX_PARTS = 1000                  # a Word document has a few dozen parts


def document_xml(data: bytes) -> str:
    """word/document.xml, pretty-printed: what golden tests compare (never the zip bytes)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"), etree.XMLParser(remove_blank_text=True,
                                                                                   resolve_entities=False))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def open_document(data: bytes):
    """The python-docx Document in ``data``, after the ZIP checks (limits above); ReadError if it is none."""
    from docx import Document  # only the DOCX reader and writer import python-docx

    if not isinstance(data, (bytes, bytearray)) or not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError("DOCX: the data is not a ZIP archive, so not a .docx file "
                        "(an old binary .doc must be saved as .docx first)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise ReadError(f"DOCX: the Word document is damaged and cannot be read ({type(exc).__name__})") from None
    with archive:
        if "[Content_Types].xml" not in archive.namelist():
            raise ReadError("DOCX: the ZIP archive is not an Office document (it has no [Content_Types].xml)")
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise ReadError(f"DOCX: the archive holds {len(infos):,} files; a Word document has at most {MAX_PARTS:,}, "
                            f"so this is not a notice")
        big = next((i for i in infos if i.filename.endswith((".xml", ".rels")) and i.file_size > MAX_PART), None)
        if big is not None:
            raise ReadError(f"DOCX: {big.filename} unpacks to {big.file_size / 2**20:,.0f} MiB; a part of a notice is "
                            f"at most {MAX_PART // 2**20} MiB, so this is not a notice (a ZIP bomb?)")
        total = sum(info.file_size for info in infos)
        if total > MAX_UNZIPPED:
            raise ReadError(f"DOCX: the archive unpacks to {total / 2**20:,.0f} MiB; a notice is at most "
                            f"{MAX_UNZIPPED // 2**20} MiB unpacked, so this is not a notice (a ZIP bomb?)")
    try:
        return Document(io.BytesIO(data))
    except ValueError as exc:
        raise ReadError(f"DOCX: the file is an Office document but not a Word document ({exc})") from None
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        raise ReadError(f"DOCX: the Word document is damaged and cannot be read ({type(exc).__name__})") from None
