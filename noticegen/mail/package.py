"""What a mail operation needs besides one file per person: the print vendor's package and in-house print files.

``package/`` in the output folder holds
  mail-file.csv      one row per mail piece: id, variant, route, the address lines as printed, the merge
                     values, the file; cells a spreadsheet could run are neutralised (files.csv_cell);
  counts.csv         pieces per variant and route, and the rows that got no piece, by route and status;
  proofs/<variant>.docx (and .pdf where LibreOffice is present): each variant with its fields showing;
  print/<variant>-NNNN.docx (and .pdf): up to PRINT_BATCH letters of a variant in one document, each
                     letter its own section starting on an odd page (so on a new sheet when printed on
                     both sides), its page numbers restarting ("Page X of Y" counts that letter's pages).

The mail file and print files are made from the letters already written, in roster order, as the
manifest lists them; print files are streamed (one letter in memory at a time).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from collections import Counter
from pathlib import Path

from ..files import csv_cell, write_atomic
from .manifest import FILE, Manifest

PRINT_BATCH = 1000
"""Letters per print file: a print file of a thousand three-page letters is about 3,000 pages."""

MAIL_FILE_HEADER = ("id", "variant", "route", "address_line_1", "address_line_2", "address_line_3",
                    "recipient_name", "decedent_name", "enrollment_code", "file")

_BODY = re.compile(rb"<w:body>(.*)(<w:sectPr\b.*?</w:sectPr>)</w:body>", re.S)
_NUM_ID = re.compile(rb'<w:numId w:val="([0-9]+)"/>')


def write_package(root: str | Path, variants: dict, roster, *, locales: tuple[str, ...],
                  soffice: str | None = None) -> list[Path]:
    """Write ``root/package/`` for the letters of the mailing in ``root`` (``roster`` is the mailing's); the files.

    ``soffice`` None means LibreOffice from PATH if there is one ("" means no PDFs).
    """
    root = Path(root)
    folder = root / "package"
    written: list[Path] = []
    soffice = soffice if soffice is not None else (shutil.which("soffice") or shutil.which("libreoffice") or "")
    pdfs: list[Path] = []
    letters = {".".join(k): v for k, v in variants.items() if k[2] == "letter"}
    for name, variant in sorted(letters.items()):
        written.append(write_atomic(folder / "proofs" / f"{name}.docx", variant.proof))
        pdfs.append(written[-1])
    by_variant: dict[str, list[str]] = {}
    with Manifest(root / FILE) as manifest:
        mail_file = _mail_file(manifest, roster, locales, set(letters), by_variant)
        counts = manifest.counts()
    written.append(write_atomic(folder / "mail-file.csv", mail_file))
    written.append(write_atomic(folder / "counts.csv", _counts(counts)))
    for name, paths in sorted(by_variant.items()):
        for batch, start in enumerate(range(0, len(paths), PRINT_BATCH), start=1):
            target = folder / "print" / f"{name}-{batch:04d}.docx"
            print_file(root, paths[start:start + PRINT_BATCH], target)
            written.append(target)
            pdfs.append(target)
    if soffice:
        written += to_pdf(soffice, pdfs)
    return written


def _mail_file(manifest: Manifest, roster, locales, letters: set[str], by_variant: dict[str, list[str]]) -> str:
    """The mail file: each letter the manifest records as written, in roster order, with its merge values."""
    from .routes import route, values_for, variant_name
    from .run import CHUNK, _chunks

    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(MAIL_FILE_HEADER)
    for chunk in _chunks(roster.recipients(), CHUNK):
        done = manifest.written([p.id for p in chunk])
        for person in chunk:
            where = route(person, locales=locales)
            if person.id not in done or where.variant is None or variant_name(where.variant) not in letters:
                continue
            name, path = variant_name(where.variant), done[person.id][0]
            by_variant.setdefault(name, []).append(path)
            values = values_for(person, where.variant)
            lines = (values.get("recipient_name", ""), values.get("recipient_address_1", ""),
                     values.get("recipient_city_state_zip", ""))
            cells = (person.id, name, where.route, *lines, values.get("recipient_name", ""),
                     values.get("decedent_name", ""), values.get("enrollment_code", ""), path)
            out.writerow([csv_cell(c) for c in cells])
    return buffer.getvalue()


def _counts(counts: Counter) -> str:
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(("variant", "route", "status", "count"))
    for (variant, route, status), n in sorted(counts.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        out.writerow((variant or "", route, status, n))
    return buffer.getvalue()


# ---------------------------------------------------------------- print files


def print_file(root: Path, paths: list[str], target: Path) -> Path:
    """One DOCX holding the letters at ``paths`` (same variant), each a section starting on an odd page."""
    if not paths:
        raise ValueError("a print file needs at least one letter")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(root / paths[0]) as first:
        names = first.namelist()
        parts = {name: first.read(name) for name in names if name != "word/document.xml"}
        head = first.read("word/document.xml").split(b"<w:body>", 1)[0]
    numbering = parts.get("word/numbering.xml", b"")
    restarts = _restarting_nums(numbering)
    top = max((int(n) for n in re.findall(rb'w:numId="([0-9]+)"', numbering)), default=0)
    extra_nums: list[bytes] = []
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w+b") as out:
        central = []
        for name in names:
            if name == "word/document.xml":
                offset = out.tell()
                out.write(b"\0" * (30 + len(name)))
                packer = zlib.compressobj(6, zlib.DEFLATED, -15)
                crc, size, csize = 0, 0, 0

                def put(data: bytes) -> None:
                    nonlocal crc, size, csize
                    crc, size = zlib.crc32(data, crc), size + len(data)
                    chunk = packer.compress(data)
                    csize += len(chunk)
                    out.write(chunk)
                put(head + b"<w:body>")
                last = len(paths) - 1
                for index, path in enumerate(paths):
                    with zipfile.ZipFile(root / path) as letter:
                        xml = letter.read("word/document.xml")
                    match = _BODY.search(xml)
                    body, sect = match.group(1), _odd_page_section(match.group(2))
                    if index and restarts:
                        body, nums = _renumber(body, restarts, top * index)
                        extra_nums += nums
                    put(body)
                    put(sect if index == last else b"<w:p><w:pPr>" + sect + b"</w:pPr></w:p>")
                put(b"</w:body></w:document>")
                chunk = packer.flush()
                csize += len(chunk)
                out.write(chunk)
                end = out.tell()
                out.seek(offset)
                out.write(_local(name.encode(), crc, csize, size))
                out.seek(end)
                central.append((name.encode(), crc, csize, size, offset))
                continue
            data = parts[name]
            if name == "word/numbering.xml" and extra_nums:
                data = data.replace(b"</w:numbering>", b"".join(extra_nums) + b"</w:numbering>")
            if name.startswith("word/footer") or name.startswith("word/header"):
                data = data.replace(b" NUMPAGES ", b" SECTIONPAGES ")  # "Page X of Y" of this letter
            offset = out.tell()
            packed = zlib.compressobj(6, zlib.DEFLATED, -15)
            compressed = packed.compress(data) + packed.flush()
            out.write(_local(name.encode(), zlib.crc32(data), len(compressed), len(data)))
            out.write(compressed)
            central.append((name.encode(), zlib.crc32(data), len(compressed), len(data), offset))
        start = out.tell()
        for name, crc, csize, size, offset in central:
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, 0, 8, 0, 33, crc, csize, size,
                                  len(name), 0, 0, 0, 0, 0o100644 << 16, offset) + name)
        directory = out.tell() - start
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), directory, start, 0))
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    return target


def _local(name: bytes, crc: int, csize: int, size: int) -> bytes:
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 33, crc, csize, size, len(name), 0) + name


def _odd_page_section(sect: bytes) -> bytes:
    """The letter's section properties, starting on an odd page with page numbers from 1."""
    sect = re.sub(rb"<w:type [^>]*/>|<w:pgNumType [^>]*/>", b"", sect)
    sect = sect.replace(b"<w:pgSz ", b'<w:type w:val="oddPage"/><w:pgSz ', 1)
    for follower in (b"<w:cols", b"<w:formProt", b"<w:vAlign", b"<w:noEndnote", b"<w:titlePg", b"<w:docGrid",
                     b"</w:sectPr>"):
        if follower in sect:
            return sect.replace(follower, b'<w:pgNumType w:start="1"/>' + follower, 1)
    return sect


def _restarting_nums(numbering: bytes) -> dict[bytes, bytes]:
    """{numId: its w:num element} for numbering instances that restart (ordered lists): each letter needs its own."""
    return {m.group(1): m.group(0) for m in re.finditer(rb'<w:num w:numId="([0-9]+)"[^>]*>.*?</w:num>', numbering, re.S)
            if b"startOverride" in m.group(0)}


def _renumber(body: bytes, restarts: dict[bytes, bytes], shift: int) -> tuple[bytes, list[bytes]]:
    used: dict[bytes, bytes] = {}

    def swap(match: re.Match) -> bytes:
        old = match.group(1)
        if old not in restarts:
            return match.group(0)
        new = str(int(old) + shift).encode()
        used[old] = new
        return b'<w:numId w:val="' + new + b'"/>'
    body = _NUM_ID.sub(swap, body)
    nums = [restarts[old].replace(b'w:numId="' + old + b'"', b'w:numId="' + new + b'"', 1) for old, new in used.items()]
    return body, nums


def to_pdf(soffice: str, documents: list[Path], *, timeout: float = 600) -> list[Path]:
    """PDFs beside ``documents`` by LibreOffice (headless, a profile of its own); the PDFs written."""
    made = []
    with tempfile.TemporaryDirectory() as profile:
        by_folder: dict[Path, list[Path]] = {}
        for doc in documents:
            by_folder.setdefault(doc.parent, []).append(doc)
        for folder, docs in by_folder.items():
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(folder), *map(str, docs)], check=True, timeout=timeout,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for doc in docs:
                pdf = doc.with_suffix(".pdf")
                if pdf.exists():
                    pdf.chmod(0o600)
                    made.append(pdf)
    return made
