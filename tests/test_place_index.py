"""The precomputed place-name index equals a fresh one (rebuild: scripts/build_place_index.py)."""

from __future__ import annotations

import json
from importlib.resources import files

from kzsupport.places import PLACE_COLUMNS, Gazetteer, grouped_index, index_rows, load


def _read(name: str) -> object:
    return json.loads(files("kzsupport.data").joinpath(name).read_text(encoding="utf-8"))


def test_committed_index_matches_the_folding_rules() -> None:
    gazetteer = _read("gazetteer.json")
    committed = _read("place_index.json")
    fresh = grouped_index(index_rows(gazetteer))  # type: ignore[arg-type]
    assert committed == {"index": fresh}, "run scripts/build_place_index.py"


def test_index_with_and_without_precomputed_rows_agree() -> None:
    computed = Gazetteer.from_dict(_read("gazetteer.json"))  # type: ignore[arg-type]
    assert set(computed.index) == set(load().index)
    assert computed.resolve("Семипалатинск").to_dict() == load().resolve("Семипалатинск").to_dict()


def test_gazetteer_rows_have_the_columns_the_code_reads() -> None:
    gazetteer = _read("gazetteer.json")
    assert tuple(gazetteer["columns"]) == PLACE_COLUMNS  # type: ignore[index]
    assert all(len(row) == len(PLACE_COLUMNS) for row in gazetteer["places"])  # type: ignore[index]


def test_no_name_holds_the_index_separators() -> None:
    names = [row[2] for row in index_rows(_read("gazetteer.json"))]  # type: ignore[arg-type]
    assert len(names) > 2000
    assert not [name for name in names if "|" in name or ";" in name]
