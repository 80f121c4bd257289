"""The translator workflow in XLIFF 1.2 (translate-toolkit's xliff storage), for CAT tools that prefer it to PO.

One trans-unit per translatable English text: ``id`` the field key (``summary``, ``individual_steps.0``), source
the English, target the translation there is, a developer note naming where the English stands. A unit whose
target state is ``needs-*`` (or that translate-toolkit reads as fuzzy) is a draft. The file is reviewed when
its header holds ``<phase-group><phase process-name="review" contact-name="..." date="..."/></phase-group>``
(XLIFF 1.2's record of a review step) and no unit is a draft.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .facts_po import Entry, TranslationsError, export_entries

_NS = "urn:oasis:names:tc:xliff:document:1.2"


def _xliff():
    try:
        from translate.storage import xliff
    except ImportError:  # pragma: no cover - a dependency
        raise TranslationsError("XLIFF needs translate-toolkit: pip install translate-toolkit") from None
    return xliff


def export_xliff(facts: Any, locale: str, *, facts_name: str = "facts") -> bytes:
    """The XLIFF 1.2 file of ``facts``' free text for ``locale`` (see the module docstring)."""
    entries, headers = export_entries(facts, locale)
    store = _xliff().xlifffile(sourcelanguage="en-US", targetlanguage=locale.replace("_", "-"))
    for entry, notes in entries:
        unit = store.addsourceunit(entry.source)
        unit.setid(entry.key)
        if entry.target:
            unit.target = entry.target
        for note in notes:
            unit.addnote(note, origin="developer")
        unit.markfuzzy(entry.fuzzy or not entry.target)
    root = _to_1_2(etree.fromstring(bytes(store)))
    root.find(f"{{{_NS}}}file").set("original", facts_name)
    if headers.get("X-Review-Status") == "reviewed":
        file_node = root.find(f"{{{_NS}}}file")
        header = file_node.find(f"{{{_NS}}}header")
        if header is None:
            header = etree.Element(f"{{{_NS}}}header")
            file_node.insert(0, header)
        group = etree.SubElement(header, f"{{{_NS}}}phase-group")
        phase = etree.SubElement(group, f"{{{_NS}}}phase", {"phase-name": "review", "process-name": "review",
                                                             "contact-name": headers.get("X-Reviewed-By", "")})
        if headers.get("X-Review-Date"):
            phase.set("date", headers["X-Review-Date"] + "T00:00:00Z")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _to_1_2(root):
    """translate-toolkit writes the 1.1 namespace; the elements used here are the same in 1.2."""
    old = "urn:oasis:names:tc:xliff:document:1.1"
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(f"{{{old}}}"):
            element.tag = f"{{{_NS}}}" + element.tag[len(old) + 2:]
    new = etree.Element(f"{{{_NS}}}xliff", nsmap={None: _NS})
    new.set("version", "1.2")
    for child in list(root):
        new.append(child)
    etree.cleanup_namespaces(new)
    return new


def _is_draft(unit) -> bool:
    """A unit translate-toolkit reads as fuzzy, not approved, or whose target state needs work (needs-*)."""
    target = next((t for t in unit.xmlelement if isinstance(t.tag, str) and t.tag.endswith("}target")), None)
    state = target.get("state", "") if target is not None else ""
    return bool(unit.isfuzzy()) or unit.xmlelement.get("approved") == "no" or state.startswith("needs-")


def read_xliff(data: bytes, *, name: str = "XLIFF file") -> tuple[list[Entry], dict[str, str], str | None]:
    """(entries, review headers as the PO header names them, the target locale) of an XLIFF 1.2 file."""
    try:
        store = _xliff().xlifffile.parsestring(data)
        root = etree.fromstring(data)
    except Exception as exc:  # translate-toolkit and lxml raise several kinds on a broken file
        raise TranslationsError(f"{name}: not an XLIFF file ({exc})") from None
    entries = [Entry(unit.xmlelement.get("id") or "", str(unit.source or ""), str(unit.target or ""),
                     _is_draft(unit))
               for unit in store.units if not unit.isheader()]
    headers = {"X-Review-Status": "draft"}
    phase = next((p for p in root.iter() if isinstance(p.tag, str) and p.tag.endswith("}phase")
                  and p.get("process-name") == "review"), None)
    if phase is not None and (phase.get("contact-name") or "").strip():
        headers = {"X-Review-Status": "reviewed", "X-Reviewed-By": phase.get("contact-name").strip()}
        if phase.get("date"):
            headers["X-Review-Date"] = phase.get("date")[:10]
    target = store.gettargetlanguage()
    return entries, headers, target.replace("-", "_") if target else None
