"""kzsupport.exchange: JSON and CSV export/import of records, redaction, malformed files."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzsupport.errors import BadInput, KzSupportError
from kzsupport.exchange import (
    CSV_COLUMNS,
    ImportFailed,
    RowError,
    canonical,
    export_csv,
    export_json,
    neutralise,
    parse_csv,
    parse_file,
    parse_json,
    redact,
    restore_withheld,
    unneutralise,
)
from tests.dbkit import record

SECRET = {
    "text": {"kk": "Құпия 1", "ru": "Секрет 1", "en": "Secret 1"},
    "confidential": True,
    "note": None,
}


def records() -> list[dict[str, Any]]:
    return [
        record("kz-a"),
        record("kz-b", address=SECRET, phones=[], operator={"kk": "ҚБ", "ru": "ОО", "en": "NGO"}),
        record(
            "kz-c",
            location=None,
            hours=None,
            fees=None,
            city=None,
            languages=[],
            caveats=[{"kk": "=1+1", "ru": "-минус", "en": "@at"}],
            name={"kk": "+150", "ru": "'цитата", "en": '=HYPERLINK("x")'},
        ),
    ]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_round_trip_gives_the_same_records() -> None:
    original = records()
    rows = parse_csv(export_csv(original).encode(), "x.csv")
    back = [restore_withheld(r.record, o) for r, o in zip(rows, original, strict=True)]
    assert [canonical(r) for r in back] == [canonical(r) for r in original]


def test_json_round_trip_gives_the_same_records() -> None:
    original = records()
    rows = parse_json(export_json(original, {"as_of": "2026-01-01"}).encode(), "x.json")
    back = [restore_withheld(r.record, o) for r, o in zip(rows, original, strict=True)]
    assert back == original


def test_export_never_contains_a_confidential_address_or_its_coordinates() -> None:
    out_csv = export_csv(records())
    out_json = export_json(records(), {})
    for secret in ("Құпия 1", "Секрет 1", "Secret 1"):
        assert secret not in out_csv
        assert secret not in out_json
    row = next(r for r in csv_rows(out_csv) if r["id"] == "kz-b")
    assert row["location.lat"] == "" and row["address.withheld"] == "true"


def test_redact_leaves_public_addresses_alone() -> None:
    public = dict(SECRET, confidential=False)
    assert redact(record(address=public))["address"] == public


def test_withheld_address_of_a_new_record_stays_empty() -> None:
    incoming = redact(record("kz-new", address=SECRET))
    restored = restore_withheld(incoming, None)
    assert restored["address"] == {"text": None, "confidential": True, "note": None}


@pytest.mark.parametrize("cell", ["=1+1", "+7 700", "-5", "@SUM(A1)", "\tx", "'=x", "'plain"])
def test_formula_cells_are_neutralised_and_restored(cell: str) -> None:
    escaped = neutralise(cell)
    assert not escaped.startswith(("=", "+", "-", "@", "\t"))
    assert unneutralise(escaped) == cell


@given(st.text(max_size=20))
@settings(max_examples=200)
def test_neutralise_is_reversible(cell: str) -> None:
    assert unneutralise(neutralise(cell)) == cell


@given(st.text(max_size=20).map(lambda t: t.replace("\x00", "")))  # NUL: refused, see below
@settings(max_examples=200)
def test_any_text_in_a_text_field_survives_a_csv_round_trip(text: str) -> None:
    """A carriage return on its own is not one the csv module quotes by itself (it quotes the line
    terminator, "\n"): an export holding one must still read back row for row."""
    original = [record("kz-a", name={"kk": "Атау", "ru": "Имя", "en": "A" + text}), record("kz-b")]
    rows = parse_csv(export_csv(original).encode(), "x.csv")
    assert [canonical(r.record) for r in rows] == [canonical(r) for r in original]


def test_a_nul_character_is_refused_by_name_not_a_traceback() -> None:
    with pytest.raises(KzSupportError) as caught:
        export_csv([record("kz-a", name={"kk": "Атау", "ru": "Имя", "en": "A\x00B"})])
    assert "kz-a" in caught.value.message() and "name.en" in caught.value.message()


def test_no_exported_cell_starts_a_formula() -> None:
    for row in csv.reader(io.StringIO(export_csv(records()))):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def _errors(data: bytes, name: str = "in.csv") -> list[str]:
    with pytest.raises(ImportFailed) as caught:
        parse_file(data, name)
    return [e.message() for e in caught.value.problems]


def test_bad_encoding_names_the_line() -> None:
    data = export_csv(records()).encode() + "kz-d,Кризис\n".encode("cp1251")
    [message] = _errors(data)
    assert message.startswith("line 5:") and "UTF-8" in message


def test_missing_columns_are_listed() -> None:
    text = export_csv(records()).replace("verification.status", "verification_state")
    messages = _errors(text.encode())
    assert any("missing columns: verification.status" in m for m in messages)
    assert any("unknown columns: verification_state" in m for m in messages)


def test_a_ten_megabyte_cell_is_refused_with_its_line() -> None:
    rows = csv_rows(export_csv(records()))
    rows[1]["description.en"] = "x" * 10_000_000
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c for c, _k in CSV_COLUMNS])
    writer.writeheader()
    writer.writerows(rows)
    [message] = _errors(buffer.getvalue().encode())
    assert message.startswith("line 3")


def test_wrong_types_are_reported_per_cell() -> None:
    rows = csv_rows(export_csv(records()))
    rows[0]["location.lat"] = "north"
    rows[2]["fees.free"] = "perhaps"
    rows[2]["phones"] = "{not json"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c for c, _k in CSV_COLUMNS])
    writer.writeheader()
    writer.writerows(rows)
    messages = _errors(buffer.getvalue().encode())
    assert messages == [
        "line 2, location.lat: expected a number, found north",
        "line 4, phones: expected JSON, found {not json",
        "line 4, fees.free: expected true or false, found perhaps",
    ]


def test_a_short_row_is_reported() -> None:
    text = export_csv(records()) + "kz-d,hotline\n"
    assert _errors(text.encode()) == [f"line 5: 2 cells, but the header has {len(CSV_COLUMNS)}"]


def test_empty_csv() -> None:
    assert _errors(b"") == ["line 1: the file is empty"]


def test_json_import_accepts_a_tinydb_directory() -> None:
    data = {"meta": {"1": {}}, "services": {"1": record("kz-a"), "2": record("kz-b")}}
    rows = parse_json(json.dumps(data).encode(), "d.json")
    assert [r.record["id"] for r in rows] == ["kz-a", "kz-b"]


def test_json_import_reports_bad_json_with_its_line() -> None:
    assert _errors(b"[\n1,\n?]", "x.json") == ["line 3: not valid JSON (column 1)"]


def test_unknown_extension_is_refused() -> None:
    with pytest.raises(BadInput):
        parse_file(b"", "x.xlsx")


def test_a_failed_import_counts_its_problems_and_lists_at_most_fifty() -> None:
    from kzsupport import i18n

    one = ImportFailed("in.csv", [RowError(2, "bad")])
    many = ImportFailed("in.csv", [RowError(n, "bad") for n in range(2, 62)])
    assert one.message().splitlines() == ["in.csv: 1 problem; nothing was imported.", "  line 2: bad"]
    lines = many.message().splitlines()
    assert lines[0] == "in.csv: 60 problems; nothing was imported."
    assert len(lines) == 1 + 50 + 1 and lines[-1] == "  ..."
    assert isinstance(many, BadInput) and many.exit_code == 2
    i18n.activate("ru")
    try:
        assert many.message().splitlines()[0] == "in.csv: 60 проблем; ничего не импортировано."
    finally:
        i18n.activate("en")
