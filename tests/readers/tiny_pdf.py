"""A tiny PDF writer for the PDF reader's tests: lines of Helvetica text at given places, optional RC4 encryption, no dependencies."""

from __future__ import annotations

import hashlib
import struct
import textwrap
import zlib

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
FILE_ID = b"noticegen-tests!"


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def content(lines) -> bytes:
    """A content stream drawing ``lines``: (x, y, text) or (x, y, text, size, bold)."""
    parts = []
    for line in lines:
        x, y, text, size, bold = (*line, 11, False)[:5]
        parts.append(b"BT /%s %d Tf %d %d Td (%s) Tj ET" % (b"F2" if bold else b"F1", size, x, y, _escape(text)))
    return b"\n".join(parts)


def pdf(pages: list[bytes], *, password: str | None = None, owner_only: bool = False, shared: bool = False,
        flate: bool = False) -> bytes:
    """A PDF with one page per content stream in ``pages`` (``shared``: every page draws pages[0]).
    ``password``: encrypted (RC4, 40-bit) with that user password; ``owner_only``: encrypted with the
    empty user password (only copying is restricted), which readers open without asking. ``flate``: content
    streams compressed, as most PDFs have them."""
    objects: list[bytes] = []
    encrypted = password is not None or owner_only
    owner = hashlib.md5(b"owner").digest() * 2
    perms = -44
    key = hashlib.md5(_PAD + owner + struct.pack("<i", perms) + FILE_ID).digest()[:5]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, number: int) -> bytes:
        extra = b""
        if flate:
            data, extra = zlib.compress(data, 9), b" /Filter /FlateDecode"
        if encrypted:
            data = _rc4(hashlib.md5(key + struct.pack("<i", number)[:3] + b"\0\0").digest()[:10], data)
        return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"")  # the page tree, filled in below
    add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids, first_content = [], None
    for page in pages:
        if shared and first_content is not None:
            number = first_content
        else:
            number = len(objects) + 1
            add(stream(page, number))
            first_content = number
        kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
                        b"/F2 4 0 R >> >> /Contents %d 0 R >>" % number))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_extra = b""
    if encrypted:
        user = _rc4(key, _PAD)
        if password:  # a real user password: the stored U value will not match the empty password's
            user = _rc4(hashlib.md5(password.encode().ljust(32, b"\0")).digest()[:5], _PAD)
        enc = add(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (owner.hex().encode(),
                                                                                 user.hex().encode(), perms))
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (enc, FILE_ID.hex().encode(), FILE_ID.hex().encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def letter(blocks, *, header: str | None = None, width: int = 86) -> bytes:
    """A letter laid out on US Letter pages: blocks are ("h", heading), ("p", paragraph, wrapped at
    ``width`` characters), ("lines", [line, ...]) or ("items", [item, ...]); "Page i of n" at the foot of
    every page and ``header`` at the top of every page after the first."""
    pages: list[list] = [[]]
    y = 710
    for block in blocks:
        kind, value = block
        if kind == "h":
            rows = [(value, 12, True)]
        elif kind == "p":
            rows = [(row, 11, False) for row in textwrap.wrap(value, width, break_on_hyphens=False)]
        elif kind == "lines":
            rows = [(row, 11, False) for row in value]
        else:
            rows = [(row, 11, False) for item in value
                    for row in textwrap.wrap("\u2022 " + item, width, subsequent_indent="  ")]
        for text, size, bold in rows:
            if y < 90:
                pages.append([])
                y = 710
            pages[-1].append((72 if not text.startswith("  ") else 84, y, text.strip(), size, bold))
            y -= 14
        y -= 12
    total = len(pages)
    streams = []
    for number, rows in enumerate(pages, 1):
        rows = rows + [(270, 40, f"Page {number} of {total}", 9, False)]
        if header and number > 1:
            rows.append((72, 765, header, 9, False))
        streams.append(content(rows))
    return pdf(streams)
