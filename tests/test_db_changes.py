"""kzsupport.changes: field-level diffs and dotted paths."""

from __future__ import annotations

import pytest

from kzsupport.changes import (
    Change,
    LogEntry,
    diff_records,
    diff_values,
    get_path,
    set_path,
    split_path,
)
from kzsupport.errors import BadInput
from tests.dbkit import record


def test_diff_names_each_changed_leaf() -> None:
    old = record()
    new = record(name={**old["name"], "kk": "Жаңа"}, languages=["kk"])
    assert diff_values(old, new) == [
        Change("languages.1", "ru", None),
        Change("name.kk", old["name"]["kk"], "Жаңа"),
    ]


def test_diff_of_null_and_object_lists_every_new_leaf() -> None:
    changes = diff_values({"operator": None}, {"operator": {"kk": "a", "ru": None, "en": "c"}})
    assert changes == [Change("operator.en", None, "c"), Change("operator.kk", None, "a")]


def test_a_text_that_became_one_in_three_languages_is_diffed_leaf_by_leaf() -> None:
    """It showed as the text, an arrow and the new value as one line of JSON."""
    old = {"verification": {"note": "Read from the page."}}
    new = {"verification": {"note": {"kk": "Беттен оқылды.", "ru": None, "en": "Read from the page."}}}
    assert diff_values(old, new) == [
        Change("verification.note", "Read from the page.", None),
        Change("verification.note.en", None, "Read from the page."),
        Change("verification.note.kk", None, "Беттен оқылды."),
    ]
    assert diff_values(new, old)[0] == Change("verification.note.en", "Read from the page.", None)


def test_equal_values_of_different_types_differ() -> None:
    assert diff_values({"x": 1}, {"x": True}) == [Change("x", 1, True)]


def test_diff_records_added_removed_changed() -> None:
    a, b, c = record("kz-a"), record("kz-b"), record("kz-c")
    c2 = record("kz-c", status="inactive")
    result = diff_records([a, b, c], [a, c2, record("kz-d")])
    assert [(d.service_id, d.kind) for d in result] == [
        ("kz-b", "removed"),
        ("kz-c", "changed"),
        ("kz-d", "added"),
    ]
    assert result[1].changes == (Change("status", "active", "inactive"),)


def test_paths_accept_dots_and_brackets() -> None:
    assert split_path("phones[0].number") == ["phones", 0, "number"]
    assert split_path("phones.0.number") == ["phones", 0, "number"]
    with pytest.raises(BadInput):
        split_path("name..kk")


def test_get_and_set_path() -> None:
    rec = record()
    set_path(rec, "name.kk", "Атауы")
    set_path(rec, "phones.1.number", "150")
    set_path(rec, "address.text.ru", "ул. Абая")
    assert get_path(rec, "name.kk") == "Атауы"
    assert get_path(rec, "phones.1") == {"number": "150"}
    assert rec["address"] == {"text": {"ru": "ул. Абая"}}
    assert get_path(rec, "phones.9.number") is None


def test_set_path_refuses_a_gap_in_a_list() -> None:
    with pytest.raises(BadInput):
        set_path(record(), "phones.5.number", "150")


def test_log_entry_round_trips() -> None:
    entry = LogEntry("2026-01-01T00:00:00Z", "aigerim", "edit", "kz-a", (Change("x", 1, 2),))
    assert LogEntry.from_dict(entry.to_dict()) == entry
