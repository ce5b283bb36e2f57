"""The precomputed place-name index equals a fresh one (rebuild: scripts/build_place_index.py)."""

from __future__ import annotations

import json
from importlib.resources import files

from kzsupport.places import Gazetteer, group_rows, index_rows, load


def _read(name: str) -> object:
    return json.loads(files("kzsupport.data").joinpath(name).read_text(encoding="utf-8"))


def test_committed_index_matches_the_folding_rules() -> None:
    gazetteer = _read("gazetteer.json")
    committed = _read("place_index.json")
    fresh = group_rows(index_rows(gazetteer))  # type: ignore[arg-type]
    assert committed == {"index": fresh}, "run scripts/build_place_index.py"


def test_index_with_and_without_precomputed_rows_agree() -> None:
    computed = Gazetteer.from_dict(_read("gazetteer.json"))  # type: ignore[arg-type]
    assert set(computed.index) == set(load().index)
    assert computed.resolve("Семипалатинск").to_dict() == load().resolve("Семипалатинск").to_dict()
