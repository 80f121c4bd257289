"""Reads a YAML or JSON facts file into plain data, with the line of every field path.

Scalars stay strings except ``true``/``false`` and ``null`` (YAML 1.2's core booleans),
so ``zip: 02134`` keeps its leading zero, ``state: NO`` is not a boolean, and dates
are parsed (and reported) by the pydantic models, not by the YAML library.
Aliases are refused: a facts file never needs them and they are how alias bombs work.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import FactsError

MAX_BYTES = 2 * 1024 * 1024
"""A facts file holds facts, not a roster: 2 MiB is far above any real one."""

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Source:
    """Plain data read from a facts file, and where each field path starts."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of the longest known prefix of ``path``; None when nothing matches."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core booleans and nulls only, and no aliases."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasFound(event.start_mark.line + 1)
        return super().compose_node(parent, index)


class _AliasFound(Exception):
    def __init__(self, line: int):
        self.line = line


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], name: str, problems: list[str]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(f"{name}:{key_node.start_mark.line + 1}: {_dotted(path)}: keys must be plain names")
                continue
            key = key_node.value
            if key in out:
                problems.append(
                    f"{name}:{key_node.start_mark.line + 1}: {_dotted(path + (key,))}: "
                    "appears twice; keep one"
                )
                continue
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _walk(value_node, path + (key,), lines, name, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, path + (i,), lines, name, problems) for i, item in enumerate(node.value)]
    tag = node.tag
    if tag == "tag:yaml.org,2002:bool":
        return node.value.lower() == "true"
    if tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def _compose(text: str, name: str) -> tuple[Any, dict[Path_, int]]:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except _AliasFound as exc:
        raise FactsError([f"{name}:{exc.line}: YAML aliases (*name) are not allowed in a facts file; write the value out"])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"{mark.line + 1}:" if mark else ""
        raise FactsError([f"{name}:{line} not valid YAML: {exc.problem or exc.context}"])
    except yaml.YAMLError as exc:
        raise FactsError([f"{name}: not valid YAML: {exc}"])
    if node is None:
        raise FactsError([f"{name}: the file has no facts in it; start from `noticegen init`"])
    lines: dict[Path_, int] = {}
    problems: list[str] = []
    data = _walk(node, (), lines, name, problems)
    if problems:
        raise FactsError(problems)
    return data, lines


def _reject_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise FactsError([f"key {key!r} appears twice; keep one"])
        out[key] = value
    return out


def read_text(text: str, name: str = "<facts>", *, is_json: bool = False) -> Source:
    """Parse facts text (YAML, or JSON when ``is_json``) into a :class:`Source`."""
    if not text.strip():
        raise FactsError([f"{name}: the file is empty; start from `noticegen init`"])
    if is_json:
        try:
            data = json.loads(text, object_pairs_hook=_reject_duplicates)
        except FactsError as exc:
            raise FactsError([f"{name}: {p}" for p in exc.problems])
        except json.JSONDecodeError as exc:
            raise FactsError([f"{name}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})"])
        try:  # JSON is YAML too: borrow its line numbers, best effort
            _, lines = _compose(text, name)
        except FactsError:
            lines = {}
        return Source(name, data, lines)
    data, lines = _compose(text, name)
    return Source(name, data, lines)


def read_file(path: str | Path) -> Source:
    """Read a facts file from disk; refuses huge, binary and non-UTF-8 files with a clear message."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FactsError([f"{name}: no such file"])
    except OSError as exc:
        raise FactsError([f"{name}: cannot read it ({exc.strerror})"])
    if path.is_dir():
        raise FactsError([f"{name}: is a folder; give the facts file inside it"])
    if size > MAX_BYTES:
        raise FactsError(
            [f"{name}: the file is {size / 1024 / 1024:.1f} MiB; a facts file is at most "
             f"{MAX_BYTES // 1024 // 1024} MiB (individuals belong in a roster CSV, not the facts file)"]
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FactsError([f"{name}:{line}: not UTF-8 text (byte {exc.start + 1}); save the file as UTF-8"])
    if "\x00" in text:
        raise FactsError([f"{name}: contains NUL bytes; this is not a text facts file"])
    return read_text(text, name, is_json=path.suffix.lower() == ".json")
