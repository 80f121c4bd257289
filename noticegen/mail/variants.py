"""A variant rendered once, filled per person: letters by substituting runs in word/document.xml, emails by body.

``LetterVariant.from_notice`` writes the variant's DOCX once with the DOCX writer. Each Field is a whole run
styled "Merge Field" holding «name» (render/docx.py; literal text that looks like a field carries a WORD
JOINER, so every «name» run is a Field). The document part is cut at those runs; every other part is kept
deflated. ``fill`` puts each value in as the run the writer would have written for the same text (XML
escaped, XML-forbidden characters dropped, tabs as w:tab), deflates the one document part and assembles
the zip: no python-docx, no lxml per person.

``EmailVariant.from_notice`` writes the variant's email once with the email writer and keeps its headers
and each part's decoded text; ``fill`` sets To and a Message-ID, substitutes the values (HTML-escaped in the
HTML part) and encodes each part again with its transfer encoding.

A field with no value raises ``Unfilled`` (names only, never values) unless routes.OPTIONAL_FIELDS holds it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import html
import re
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .routes import OPTIONAL_FIELDS
from .zipwrite import Part, deflate, part, write_zip

DOCUMENT = "word/document.xml"

# The DOCX writer's own rules (render/docx.py _FORBIDDEN, _FIELD_LIKE), repeated here so a per-person fill
# needs neither python-docx nor lxml; tests/mail/test_variants.py pins them to the writer's.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FIELD_LIKE = re.compile("«(?=\u2060*[a-z0-9_]+»)")
_FIELD_RUN = re.compile(
    r'<w:r><w:rPr><w:rStyle w:val="[^"]*"/>((?:<w:b/>)?(?:<w:i/>)?)</w:rPr><w:t>«([a-z0-9_]+)»</w:t></w:r>')
_STRAY_FIELD = re.compile("«[a-z0-9_]+»")
_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")
_BREAKS_HYPHENS = re.compile(r"(\t|\r\n|\r|\n|-)")
_TEXT_FIELD = re.compile(r"\[\[([a-z0-9_]+)\]\]")
_HTML_FIELD = re.compile(r'<span[^>]*? data-field="([a-z0-9_]+)">\[[a-z0-9_]+\]</span>')
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
_SIMPLE_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")


class Unfilled(Exception):
    """A person's copy would keep fields: ``fields`` are their names (never a value)."""

    def __init__(self, fields: list[str]):
        super().__init__(", ".join(fields))
        self.fields = fields


def _missing(fields: tuple[str, ...], values: dict[str, str]) -> list[str]:
    return [f for f in fields if not values.get(f) and f not in OPTIONAL_FIELDS]


def _run(value: str, fmt: str, rtl: bool = False) -> str:
    """The runs render/docx.py writes for Text(value) with bold/italic ``fmt``: a US phone number in the value
    is a run of its own whose hyphens are non-breaking (render/docx.py add_text). ``rtl``: the field sits in
    right-to-left text, where numbers and text starting with a number are left-to-right runs between
    LEFT-TO-RIGHT MARKs and the rest are w:rtl runs."""
    if rtl:
        return _rtl_runs(value, fmt)
    if sum(c.isdigit() for c in value) >= 7:  # fewer digits cannot be a phone number: skip the matcher
        spans = _phone_spans(value)
        if spans:
            out, pos = [], 0
            for start, end in spans:
                if start > pos:
                    out.append(_one_run(_FIELD_LIKE.sub("«\u2060", value[pos:start]), fmt, False))
                out.append(_one_run(value[start:end], fmt, True))
                pos = end
            if pos < len(value):
                out.append(_one_run(_FIELD_LIKE.sub("«\u2060", value[pos:]), fmt, False))
            return "".join(out)
    return _one_run(_FIELD_LIKE.sub("«\u2060", value), fmt, False)


_LRM = "\u200e"
_LTR_FROM_DIGIT = re.compile(r"\d[0-9 .,#/'-]*[A-Za-z][A-Za-z0-9 .,#/'-]*[A-Za-z0-9]", re.ASCII)  # render/html.py


def _rtl_runs(value: str, fmt: str) -> str:
    spans = _phone_spans(value) if any(c.isdigit() for c in value) else []
    for match in _LTR_FROM_DIGIT.finditer(value):
        if not any(s < match.end() and match.start() < e for s, e in spans):
            spans.append((match.start(), match.end()))
    rtl_fmt = fmt.replace("<w:b/>", "<w:b/><w:bCs/>").replace("<w:i/>", "<w:i/><w:iCs/>") + "<w:rtl/>"
    out, pos = [], 0
    for start, end in sorted(spans):
        if start > pos:
            out.append(_one_run(_FIELD_LIKE.sub("«\u2060", value[pos:start]), rtl_fmt, False))
        out.append(_one_run(_LRM + value[start:end] + _LRM, fmt, True))
        pos = end
    if pos < len(value) or not value:
        out.append(_one_run(_FIELD_LIKE.sub("«\u2060", value[pos:]), rtl_fmt, False))
    return "".join(out)


def _phone_spans(text: str) -> list[tuple[int, int]]:
    import phonenumbers  # only for values with seven digits or more

    return [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, "US")]


def _one_run(value: str, fmt: str, nobreak: bool) -> str:
    """One run as render/docx.py add_text_run writes it (not right-to-left, no tagline)."""
    text = _FORBIDDEN.sub("", value)
    body = []
    split = _BREAKS_HYPHENS if nobreak else _BREAKS
    simple = not nobreak and "\t" not in text and "\n" not in text and "\r" not in text
    for piece in (text,) if simple else split.split(text):
        if piece == "\t":
            body.append("<w:tab/>")
        elif piece == "-":  # as the writer does: a piece that is one hyphen is Word's non-breaking hyphen
            body.append("<w:noBreakHyphen/>")
        elif piece in ("\r\n", "\r", "\n"):
            body.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            body.append(f"<w:t{space}>{escape(piece)}</w:t>")
    inner = (f"<w:rPr>{fmt}</w:rPr>" if fmt else "") + "".join(body)
    return f"<w:r>{inner}</w:r>" if inner else "<w:r/>"


@dataclass(frozen=True)
class LetterVariant:
    """One letter variant: its package parts deflated once and its document part cut at the Field runs."""

    key: tuple[str, str, str]
    before: tuple[Part, ...]
    after: tuple[Part, ...]
    segments: tuple[bytes, ...]
    """The document part between Field runs (one more than ``slots``), UTF-8."""
    slots: tuple[tuple[str, str, bool], ...]
    """(field name, the run's bold/italic properties, in right-to-left text) for each Field run, in order."""
    fields: tuple[str, ...]
    proof: bytes
    """The variant's DOCX with its fields showing, as the DOCX writer wrote it."""

    @classmethod
    def from_notice(cls, notice, key: tuple[str, str, str]) -> LetterVariant:
        import io
        import zipfile

        from ..render import render

        proof = render(notice, "docx")
        before: list[Part] = []
        after: list[Part] = []
        xml = None
        with zipfile.ZipFile(io.BytesIO(proof)) as package:
            for info in package.infolist():
                data = package.read(info)
                if info.filename == DOCUMENT:
                    xml = data.decode("utf-8")
                else:
                    (after if xml is not None else before).append(part(info.filename, data))
        if xml is None:
            raise ValueError(f"the DOCX writer wrote no {DOCUMENT}")
        pieces = _FIELD_RUN.split(xml)
        segments = tuple(s.encode("utf-8") for s in pieces[0::3])
        rtl = []
        for i in range(len(pieces[2::3])):  # the paragraph around each field runs right to left (w:bidi)?
            before_text = "".join(pieces[j] for j in range(0, 3 * i + 1, 3))
            paragraph = before_text[max(before_text.rfind("<w:p>"), before_text.rfind("<w:p "), 0):]
            rtl.append("<w:bidi/>" in paragraph)
        slots = tuple(zip(pieces[2::3], pieces[1::3], rtl))
        stray = [m.group() for s in pieces[0::3] for m in _STRAY_FIELD.finditer(s)]
        if stray:
            raise ValueError(f"{'.'.join(key)}: field {stray[0]} is not a whole run of its own in {DOCUMENT}")
        fields = tuple(dict.fromkeys(name for name, _, _ in slots))
        variant = cls(key, tuple(before), tuple(after), segments, slots, fields, proof)
        variant._self_check(notice)
        return variant

    def _self_check(self, notice) -> None:
        """Fill with a probe value and compare with the DOCX writer rendering the merged notice: if the writer
        has learnt a new way to write text (a script, a tagline), refuse rather than drift from it."""
        import io
        import zipfile

        from ..model import merge
        from ..render import render

        probe = {name: "Probe Ab-1 & «x» (800) 555-0100\tZoë" for name in self.fields}
        with zipfile.ZipFile(io.BytesIO(render(merge(notice, probe), "docx"))) as package:
            expected = package.read(DOCUMENT)
        if self.document_xml(probe) != expected:
            from ..errors import TemplateError

            raise TemplateError(f"{'.'.join(self.key)}: a filled copy would differ from the DOCX writer's own "
                             "rendering of the merged notice (mail/variants.py _run must learn what the writer does)")

    def document_xml(self, values: dict[str, str]) -> bytes:
        """word/document.xml with ``values`` in place of the Field runs; Unfilled if one has no value."""
        missing = _missing(self.fields, values)
        if missing:
            raise Unfilled(missing)
        segments = self.segments
        out = [segments[0]]
        for i, (name, fmt, rtl) in enumerate(self.slots, start=1):
            out.append(_run(values.get(name, ""), fmt, rtl).encode("utf-8"))
            out.append(segments[i])
        return b"".join(out)

    def fill(self, values: dict[str, str]) -> bytes:
        """The person's DOCX."""
        xml = self.document_xml(values)
        document = Part(DOCUMENT.encode("ascii"), zlib.crc32(xml), len(xml), deflate(xml))
        return write_zip((*self.before, document, *self.after))


@dataclass(frozen=True)
class _MimePart:
    headers: str        # the part's headers other than Content-Transfer-Encoding, CRLF-terminated
    encoding: str       # its Content-Transfer-Encoding
    charset: str
    html: bool
    segments: tuple[str, ...]
    fields: tuple[str, ...]
    lines: tuple | None = None
    """For a quoted-printable part: each line already encoded (bytes, CRLF) or, if it holds a field, its pieces
    (text, field, text, ...) to encode per person. Quoted-printable encodes line by line, so only the
    lines with a field cost anything per person."""


@dataclass(frozen=True)
class EmailVariant:
    """One email variant: its headers with To and Message-ID open, and each part's text cut at the fields."""

    key: tuple[str, str, str]
    head: tuple[str, ...]
    """Top-level header lines (CRLF-terminated) with "\\0to" and "\\0id" where To and Message-ID go."""
    boundary: str
    parts: tuple[_MimePart, ...]
    domain: str
    fields: tuple[str, ...]
    proof: str
    """The variant's email as the email writer wrote it, fields showing, To undisclosed."""

    @classmethod
    def from_notice(cls, notice, key: tuple[str, str, str], *, from_addr: str, from_name: str,
                    reply_to: str | None) -> EmailVariant:
        import email
        import email.policy

        from ..render import render

        proof = render(notice, "eml", from_addr=from_addr, from_name=from_name, reply_to=reply_to)
        message = email.message_from_string(proof, policy=email.policy.SMTP)
        head_text = proof.split("\r\n\r\n", 1)[0] + "\r\n"
        head: list[str] = []
        for line in head_text.splitlines(keepends=True):
            if line[:1] in (" ", "\t") and head:
                head[-1] += line
            else:
                head.append(line)
        open_ = {"to": "\0to", "message-id": "\0id"}
        head = [open_.get(h.split(":", 1)[0].lower(), h) for h in head]
        domain = str(message["Message-ID"]).strip("<>").rsplit("@", 1)[-1]
        parts = []
        leaves = [p for p in message.walk() if not p.is_multipart()] if message.is_multipart() else []
        if not leaves:
            raise ValueError("the email writer wrote no multipart message")
        for leaf in leaves:
            is_html = leaf.get_content_subtype() == "html"
            content = leaf.get_content()
            pieces = (_HTML_FIELD if is_html else _TEXT_FIELD).split(content)
            headers = "".join(f"{k}: {v}\r\n" for k, v in leaf.items() if k.lower() != "content-transfer-encoding")
            encoding = leaf.get("Content-Transfer-Encoding", "7bit").lower()
            charset = leaf.get_content_charset() or "utf-8"
            lines = None
            if encoding == "quoted-printable":
                pattern = _HTML_FIELD if is_html else _TEXT_FIELD
                text = content.replace("\r\n", "\n").split("\n")
                lines = tuple(
                    tuple(pattern.split(line + end)) if pattern.search(line) else
                    binascii.b2a_qp((line + end).encode(charset), istext=True).replace(b"\n", b"\r\n")
                    for line, end in zip(text, ["\n"] * (len(text) - 1) + [""]))
                merged: list = []
                for line in lines:  # runs of fixed lines as one piece of bytes
                    if isinstance(line, bytes) and merged and isinstance(merged[-1], bytes):
                        merged[-1] += line
                    else:
                        merged.append(line)
                lines = tuple(merged)
            parts.append(_MimePart(headers, encoding, charset, is_html, tuple(pieces), tuple(pieces[1::2]), lines))
        fields = tuple(dict.fromkeys(f for p in parts for f in p.fields)) + ("to",)
        # a boundary of our own, from what the parts say, so the same person's copy is the same bytes each run
        original = message.get_boundary()
        head = [h.replace(original, "\0boundary") for h in head]
        boundary = "==noticegen-" + hashlib.sha256(repr((key, head, parts)).encode("utf-8")).hexdigest()[:32] + "=="
        head = [h.replace("\0boundary", boundary) for h in head]
        return cls(key, tuple(head), boundary, tuple(parts), domain, fields, proof)

    @staticmethod
    def _qp_line(pieces: tuple[str, ...], values: dict[str, str], p: _MimePart) -> bytes:
        text = [pieces[0]]
        for i in range(1, len(pieces), 2):
            value = _CONTROL.sub("", values.get(pieces[i], ""))
            text.append(html.escape(value, quote=False) if p.html else value)
            text.append(pieces[i + 1])
        return binascii.b2a_qp("".join(text).encode(p.charset), istext=True).replace(b"\n", b"\r\n")

    def message_id(self, salt: str, person_id: str) -> str:
        """A Message-ID that is the same each time this person's copy is made (a resumed run, a resend)."""
        digest = hashlib.sha256(f"{salt}\0{'.'.join(self.key)}\0{person_id}".encode("utf-8")).hexdigest()[:32]
        return f"<{digest}@{self.domain}>"

    def fill(self, values: dict[str, str], *, message_id: str) -> bytes:
        """The person's email (CRLF line ends, ready for SMTP)."""
        missing = _missing(self.fields, values)
        if missing:
            raise Unfilled(missing)
        to = _CONTROL.sub("", values["to"])
        if not _SIMPLE_ADDRESS.fullmatch(to):
            from email.headerregistry import Address
            from email.policy import SMTP

            to = SMTP.header_factory("To", str(Address(addr_spec=to))).fold(policy=SMTP)[4:].strip()
        out = []
        for line in self.head:
            if line == "\0to":
                out.append(f"To: {to}\r\n")
            elif line == "\0id":
                out.append(f"Message-ID: {message_id}\r\n")
            else:
                out.append(line)
        out.append("\r\n")
        for p in self.parts:
            if p.lines is not None:
                body = b"".join(line if isinstance(line, bytes) else self._qp_line(line, values, p)
                                for line in p.lines).decode("ascii")
                if not body.endswith("\r\n"):
                    body += "\r\n"
                out.append(f"--{self.boundary}\r\n{p.headers}Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                           f"{body}\r\n")
                continue
            text = [p.segments[0]]
            for i in range(1, len(p.segments), 2):
                value = _CONTROL.sub("", values.get(p.segments[i], ""))
                text.append(html.escape(value, quote=False) if p.html else value)
                text.append(p.segments[i + 1])
            data = "".join(text).replace("\r\n", "\n").encode(p.charset)
            encoding = p.encoding
            if encoding in ("7bit", "8bit") and not (data.isascii() and max(map(len, data.split(b"\n"))) <= 998):
                encoding = "quoted-printable"
            if encoding == "base64":
                body = base64.encodebytes(data)
            elif encoding == "quoted-printable":
                body = binascii.b2a_qp(data, istext=True)
            else:
                body = data
            body = body.replace(b"\n", b"\r\n").decode("ascii" if encoding != "8bit" else p.charset)
            if not body.endswith("\r\n"):
                body += "\r\n"
            out.append(f"--{self.boundary}\r\n{p.headers}Content-Transfer-Encoding: {encoding}\r\n\r\n{body}\r\n")
        out.append(f"--{self.boundary}--\r\n")
        return "".join(out).encode("utf-8")


def build_variants(facts, notices: dict, *, formats: tuple[str, ...] | None = None) -> dict:
    """The letter and email variants of ``notices`` (notice_set's checked notices, by (kind, locale, channel)).

    Only the individual and next-of-kin notices have per-person copies; ``formats`` None means both DOCX
    letters and emails, else those of "docx" and "eml" it names.
    """
    sender = facts.contact.email or facts.covered_entity.contact.email
    out: dict[tuple[str, str, str], LetterVariant | EmailVariant] = {}
    for key, notice in sorted(notices.items()):
        kind, _, channel = key
        if kind not in ("individual", "next_of_kin"):
            continue
        if channel == "email" and (formats is None or "eml" in formats):
            out[key] = EmailVariant.from_notice(notice, key, from_addr=sender, from_name=facts.covered_entity.name,
                                                reply_to=sender)
        elif channel == "letter" and (formats is None or "docx" in formats):
            out[key] = LetterVariant.from_notice(notice, key)
    return out


def fingerprint(variants: dict) -> str:
    """A digest of what the variants print (not of when they were built): a resumed run must match it."""
    digest = hashlib.sha256()
    for key in sorted(variants):
        v = variants[key]
        digest.update(".".join(key).encode())
        if isinstance(v, LetterVariant):
            digest.update(v.proof)
        else:
            digest.update(repr((v.head, v.parts)).encode("utf-8"))
    return digest.hexdigest()
