"""Reading facts files: line numbers, YAML pitfalls, and hostile files that must fail fast and clearly."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from noticegen.errors import FactsError
from noticegen.loader import read_file, read_text


def test_every_field_path_has_its_line():
    source = read_text("a: 1\nb:\n  c: x\n  d: [1, 2]\n", "f.yaml")
    assert source.line_of(("b", "c")) == 3
    assert source.line_of(("b", "d", 1)) == 4
    assert source.line_of(("b", "missing")) == 2


def test_scalars_stay_strings_so_zip_codes_keep_leading_zeros():
    source = read_text("zip: 02134\nstate: NO\ndate: 2025-02-30\nflag: true\nnothing: null\n", "f.yaml")
    assert source.data == {"zip": "02134", "state": "NO", "date": "2025-02-30", "flag": True, "nothing": None}


def test_empty_file_is_refused(tmp_path: Path):
    path = tmp_path / "empty.yaml"
    path.write_text("  \n")
    with pytest.raises(FactsError) as info:
        read_file(path)
    assert info.value.problems == (f"{path}: the file is empty; start from `noticegen init`",)


def test_non_utf8_file_names_line_and_byte(tmp_path: Path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: 1\nname: Peña\n".encode("latin-1"))
    with pytest.raises(FactsError) as info:
        read_file(path)
    assert info.value.problems == (f"{path}:2: not UTF-8 text (byte 14); save the file as UTF-8",)


def test_alias_bomb_is_refused_at_once(tmp_path: Path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines))
    start = time.monotonic()
    with pytest.raises(FactsError) as info:
        read_file(path)
    assert time.monotonic() - start < 5
    assert info.value.problems == (
        f"{path}:2: YAML aliases (*name) are not allowed in a facts file; write the value out",
    )


def test_huge_file_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(FactsError) as info:
        read_file(path)
    assert info.value.problems == (
        f"{path}: the file is 50.0 MiB; a facts file is at most 2 MiB (individuals belong in a roster CSV, "
        "not the facts file)",
    )


def test_duplicate_keys_are_refused_with_their_line():
    with pytest.raises(FactsError) as info:
        read_text("breach:\n  summary: a\n  summary: b\n", "f.yaml")
    assert info.value.problems == ("f.yaml:3: breach.summary: appears twice; keep one",)


def test_invalid_yaml_names_the_line():
    with pytest.raises(FactsError) as info:
        read_text("a: [1, 2\nb: 3\n", "f.yaml")
    assert info.value.problems[0].startswith("f.yaml:")
    assert "not valid YAML" in info.value.problems[0]


def test_json_is_read_with_line_numbers():
    text = json.dumps({"a": {"b": 1}}, indent=2)
    source = read_text(text, "f.json", is_json=True)
    assert source.data == {"a": {"b": 1}}
    assert source.line_of(("a", "b")) == 3


def test_invalid_json_names_line_and_column():
    with pytest.raises(FactsError) as info:
        read_text('{\n  "a": 1,\n}', "f.json", is_json=True)
    assert info.value.problems == ("f.json:3: not valid JSON: Expecting property name enclosed in double quotes (column 1)",)


def test_a_list_at_the_top_is_not_facts(tmp_path: Path):
    from noticegen.facts import load_facts

    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n")
    with pytest.raises(FactsError) as info:
        load_facts(path)
    assert info.value.problems == (
        f"{path}:1: (top level): a facts file is a mapping of fields; start from `noticegen init`",
    )
