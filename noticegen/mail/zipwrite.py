"""A small deterministic zip writer: package parts deflated once, the one changing part deflated per copy.

Every entry is stored with a fixed timestamp (1980-01-01) and deflate, so the same parts give the same
bytes. Only what a DOCX needs: no zip64 (a letter is far below 4 GiB), no comments, ASCII names.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

LEVEL = 6
"""zlib's default level: the same trade of size for speed as zipfile's ZIP_DEFLATED."""

_DOS_DATE, _DOS_TIME = (0 << 9) | (1 << 5) | 1, 0  # 1980-01-01 00:00:00
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


@dataclass(frozen=True, slots=True)
class Part:
    """One zip entry, already deflated: its name, CRC-32, sizes and raw deflate stream."""

    name: bytes
    crc: int
    size: int
    data: bytes


def deflate(data: bytes, level: int = LEVEL) -> bytes:
    """A raw deflate stream (no zlib header), as zip entries hold."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def part(name: str, data: bytes) -> Part:
    if not name.isascii():
        raise ValueError(f"zip entry names must be ASCII: {name!r}")
    return Part(name.encode("ascii"), zlib.crc32(data), len(data), deflate(data))


def write_zip(parts: list[Part] | tuple[Part, ...]) -> bytes:
    """The zip file holding ``parts`` in order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for p in parts:
        local = _LOCAL.pack(0x04034B50, 20, 0, 8, _DOS_TIME, _DOS_DATE, p.crc, len(p.data), p.size, len(p.name), 0)
        central.append(_CENTRAL.pack(0x02014B50, (3 << 8) | 20, 20, 0, 8, _DOS_TIME, _DOS_DATE, p.crc, len(p.data),
                                     p.size, len(p.name), 0, 0, 0, 0, 0o100644 << 16, offset) + p.name)
        out += (local, p.name, p.data)
        offset += len(local) + len(p.name) + len(p.data)
    directory = b"".join(central)
    out.append(directory)
    out.append(_END.pack(0x06054B50, 0, 0, len(parts), len(parts), len(directory), offset, 0))
    return b"".join(out)
