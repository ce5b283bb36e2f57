"""``db add`` / ``db edit`` with ``--set`` against the real record schema: values keep the type the
schema gives their field, and what the interactive prompts would refuse or tidy is refused or tidied."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from kzsupport import store_write
from tests.conftest import Invoke
from tests.dbkit import record, tables

TODAY = datetime.now(timezone.utc).date().isoformat()
# Where a new or changed number is published: an edit that brings one must say.
CITED = ("--source", "https://example.org/phones")
NAMES = [
    *("--set", "name.kk=Желі", "--set", "name.ru=Линия", "--set", "name.en=Line"),
    *("--set", "description.kk=Сипаттама", "--set", "description.ru=Описание"),
    *("--set", "description.en=Description"),
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "directory.json"
    path.write_text(store_write.dumps(tables(record("kz-a"))), encoding="utf-8")
    return path


def services(path: Path) -> dict[str, dict[str, Any]]:
    docs = json.loads(path.read_text(encoding="utf-8"))["services"].values()
    return {d["id"]: d for d in docs}


def add(invoke: Invoke, data: Path, *args: str) -> Any:
    base = ["db", "add", "--id", "kz-new", "--type", "hotline", "--source", "https://example.org/a"]
    return invoke(*base, *args, data=data)


def test_set_keeps_digits_text_where_the_schema_wants_text(invoke: Invoke, data: Path) -> None:
    result = add(
        invoke,
        data,
        "--national",
        *NAMES,
        *("--set", "phones.0.kind=short_number", "--set", "phones.0.number=150"),
        *("--set", "phones.0.display=150", "--set", "phones.0.note=null", "--set", "national_order=3"),
    )
    assert result.exit_code == 0, result.output
    new = services(data)["kz-new"]
    assert new["phones"][0]["number"] == "150" and new["phones"][0]["display"] == "150"
    assert new["national_order"] == 3  # a field the schema types as a number is still parsed


def test_set_normalises_a_phone_number_as_the_prompt_does(invoke: Invoke, data: Path) -> None:
    result = invoke(
        "db",
        "edit",
        "kz-a",
        *CITED,
        *("--set", "phones.1.kind=voice", "--set", "phones.1.number=87272501122"),
        *("--set", "phones.2.kind=whatsapp", "--set", "phones.2.number=+7 (727) 250-33-44"),
        *("--set", "phones.2.display=+7 727 250 33 44"),
        data=data,
    )
    assert result.exit_code == 0, result.output
    phones = services(data)["kz-a"]["phones"]
    expected = {"number": "+77272501122", "kind": "voice", "display": "+7 727 250 11 22", "note": None}
    assert phones[1] == expected
    assert phones[2]["number"] == "+77272503344" and phones[2]["display"] == "+7 727 250 33 44"


def test_set_leaves_a_telegram_link_as_typed(invoke: Invoke, data: Path) -> None:
    link = "https://t.me/+77272501122"
    result = invoke(
        "db", "edit", "kz-a", *CITED, "--set", "phones.1.kind=telegram", "--set", f"phones.1.number={link}",
        data=data,
    )
    assert result.exit_code == 0, result.output
    assert services(data)["kz-a"]["phones"][1]["number"] == link


def test_set_refuses_a_fabricated_number_in_any_written_form(invoke: Invoke, data: Path) -> None:
    before = data.read_bytes()
    result = invoke(
        "db",
        "edit",
        "kz-a",
        *CITED,
        *("--set", "phones.1.kind=voice", "--set", "phones.1.number=8 (727) 250-50-50"),
        data=data,
    )
    assert result.exit_code == 1
    assert "known fabricated number" in result.stderr
    assert data.read_bytes() == before


@pytest.mark.parametrize("bad", ["2025-13-45", "2999-01-01"])
def test_add_refuses_an_impossible_or_future_source_date(invoke: Invoke, data: Path, bad: str) -> None:
    before = data.read_bytes()
    result = add(invoke, data, "--region", "almaty", *NAMES, "--source-date", bad)
    assert result.exit_code == 1
    assert f"The date {bad} in sources.0.date" in result.stderr
    assert data.read_bytes() == before


def test_validate_reports_a_bad_date_already_in_the_file(invoke: Invoke, data: Path) -> None:
    bad = record("kz-b", phones=[])
    bad["verification"]["date"] = "2025-02-30"
    data.write_text(store_write.dumps(tables(record("kz-a"), bad)), encoding="utf-8")
    result = invoke("db", "validate", data=data)
    assert result.exit_code == 1
    assert "The date 2025-02-30 in verification.date is not a real calendar date." in result.stdout


def test_schema_problems_are_plain_translated_sentences_naming_the_field(invoke: Invoke, data: Path) -> None:
    before = data.read_bytes()
    result = invoke(
        "--lang",
        "ru",
        "db",
        "edit",
        "kz-a",
        *CITED,
        *("--set", "name.en=null", "--set", "nosuch=1", "--set", "status=open"),
        *("--set", "phones.0.kind=short_number", "--set", "phones.0.number=12", "--set", 'city={"kk": "A"}'),
        data=data,
    )
    assert result.exit_code == 1
    assert "name отсутствует на языках: en." in result.stderr  # once, not also "name.en: not null"
    assert "name.en: нужен текст" not in result.stderr
    assert "Поля nosuch не существует" in result.stderr
    assert 'Поле status не может быть "open"' in result.stderr
    assert 'Поле phones.0.number записано не в том виде: "12".' in result.stderr
    assert "Нет поля city.ru." in result.stderr
    for raw in ("is not of type", "was unexpected", "does not match", "was expected", "required property"):
        assert raw not in result.stderr
    assert data.read_bytes() == before


def test_add_without_region_or_national_says_to_give_one(invoke: Invoke, data: Path) -> None:
    before = data.read_bytes()
    result = add(invoke, data, *NAMES)
    assert result.exit_code == 2
    assert "give --region REGION, or --national" in result.stderr
    assert "unverified" not in result.stderr
    assert data.read_bytes() == before


def test_set_refuses_a_carriage_return_in_a_text(invoke: Invoke, data: Path) -> None:
    before = data.read_bytes()
    result = invoke("db", "edit", "kz-a", *CITED, "--set", "name.en=A\rB", data=data)
    assert result.exit_code == 1
    assert "name.en holds a control character (\\r)" in result.stderr
    assert data.read_bytes() == before


def test_a_new_number_gets_a_new_display_form_unless_one_is_given(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "edit", "kz-a", *CITED, "--set", "phones.0.number=8 (727) 311-22-33", data=data)
    assert result.exit_code == 0, result.output
    phone = services(data)["kz-a"]["phones"][0]
    assert (phone["number"], phone["display"]) == ("+77273112233", "+7 727 311 22 33")


@pytest.mark.parametrize(
    ("typed", "number", "shown"),
    [
        ("8 7182 55 11 22", "+77182551122", "+7 7182 55 11 22"),
        ("8 (7172) 55-55-55", "+77172555555", "+7 7172 55 55 55"),
    ],
)
def test_a_new_landline_number_is_grouped_by_its_four_digit_area_code(
    invoke: Invoke, data: Path, typed: str, number: str, shown: str
) -> None:
    result = invoke("db", "edit", "kz-a", *CITED, "--set", f"phones.0.number={typed}", data=data)
    assert result.exit_code == 0, result.output
    phone = services(data)["kz-a"]["phones"][0]
    assert (phone["number"], phone["display"]) == (number, shown)


def test_a_new_or_changed_number_needs_its_source(invoke: Invoke, data: Path) -> None:
    before = data.read_bytes()
    changed = ("--set", "phones.0.number=8 727 311 22 33")
    added = ("--set", "phones.1.kind=voice", "--set", "phones.1.number=8 727 311 22 33")
    for change in (changed, added):
        result = invoke("db", "edit", "kz-a", *change, data=data)
        assert result.exit_code == 2
        assert "A new or changed phone number needs its source: repeat with --source" in result.stderr
        assert "+77273112233" in result.stderr
    number = services(data)["kz-a"]["phones"][0]["number"]
    result = invoke("db", "edit", "kz-a", "--set", "phones.0.kind=whatsapp", data=data)  # a call checked it
    assert result.exit_code == 2 and "needs its source" in result.stderr
    assert f"{number} (whatsapp)" in " ".join(result.stderr.split())
    assert data.read_bytes() == before
    # a number taken away, or shown differently, brings no new fact
    assert invoke("db", "edit", "kz-a", "--set", "phones.0.display=+7 727 2000000", data=data).exit_code == 0
    assert invoke("db", "edit", "kz-a", "--set", "phones=[]", data=data).exit_code == 0


def test_a_cited_number_is_sourced_and_a_verified_record_no_longer_claims_to_cover_it(
    invoke: Invoke, data: Path
) -> None:
    checked = record("kz-a")
    checked["verification"] = {"status": "verified", "date": "2026-01-12", "method": "call", "by": "dana"}
    checked["verification"]["note"] = None
    data.write_text(store_write.dumps(tables(checked)), encoding="utf-8")
    result = invoke(
        "db",
        "--by",
        "aigerim",
        "edit",
        "kz-a",
        *("--set", "phones.0.number=8 727 311 22 33", "--source", "leaflet of the centre, 2026"),
        *("--source-publisher", "the centre"),
        data=data,
    )
    assert result.exit_code == 0, result.stderr
    new = services(data)["kz-a"]
    assert new["phones"][0]["number"] == "+77273112233"
    cited = new["sources"][-1]
    assert (cited["document"], cited["publisher"], cited["accessed"]) == (
        "leaflet of the centre, 2026",
        "the centre",
        TODAY,
    )
    verification = new["verification"]
    assert [verification[key] for key in ("status", "date", "by")] == ["source_only", TODAY, "aigerim"]
    note = verification["note"]
    assert "+77273112233" in note["en"] and "after the test call check of 2026-01-12" in note["en"]
    assert "контрольный звонок" in note["ru"] and "тексеру қоңырауы" in note["kk"]  # said in each language
    # changed again: the note names the number the record now has, still after the same call
    result = invoke("db", "edit", "kz-a", *("--set", "phones.0.number=8 727 311 44 55"),
                    *("--source", "https://example.kz/contacts"), data=data)
    assert result.exit_code == 0, result.stderr
    note = services(data)["kz-a"]["verification"]["note"]
    assert note["en"].startswith("+77273114455 added or changed, from https://example.kz/contacts on ")
    assert "+77273112233" not in str(note) and "after the test call check of 2026-01-12" in note["en"]


def test_the_note_of_an_unchecked_number_is_kept_up_to_date_after_a_csv_round_trip(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """A CSV export and import gives the note as a text in its language ({"en": ...}): a later
    change of number still finds it and names only the number the record has."""
    checked = record("kz-a")
    checked["verification"] = {"status": "verified", "date": "2026-01-12", "method": "call", "by": "dana",
                               "note": None}
    data.write_text(store_write.dumps(tables(checked)), encoding="utf-8")
    assert invoke("db", "edit", "kz-a", *("--set", "phones.0.number=8 727 311 22 33"),
                  *("--source", "https://example.kz/a"), data=data).exit_code == 0
    sheet = tmp_path / "all.csv"
    assert invoke("db", "export", "--format", "csv", "-o", str(sheet), data=data).exit_code == 0
    rows = sheet.read_text(encoding="utf-8")
    assert invoke("db", "import", str(sheet), data=data).exit_code == 0  # unchanged: nothing to do
    sheet.write_text(rows.replace("Crisis centre kz-a", "Renamed"), encoding="utf-8")
    imported = invoke("db", "import", str(sheet), data=data)
    assert imported.exit_code == 0, imported.stderr
    note = services(data)["kz-a"]["verification"]["note"]
    assert isinstance(note, dict) and note["en"].startswith("+77273112233 added or changed")
    assert invoke("db", "edit", "kz-a", *("--set", "phones.0.number=8 727 311 44 55"),
                  *("--source", "https://example.kz/b"), data=data).exit_code == 0
    note = services(data)["kz-a"]["verification"]["note"]
    assert note["en"].startswith("+77273114455 added or changed, from https://example.kz/b on ")
    assert "+77273112233" not in str(note) and "after the test call check of 2026-01-12" in note["en"]


def test_a_number_change_note_written_before_notes_had_three_languages_is_still_followed(
    invoke: Invoke, data: Path
) -> None:
    old = record("kz-a")
    old["verification"] = {
        "status": "source_only", "date": "2026-02-01", "method": "document", "by": "dana",
        "note": "+77272000000 added or changed, from https://example.kz/a on 2026-02-01, after the call "
                "check of 2026-01-12: not checked yet.",
    }
    data.write_text(store_write.dumps(tables(old)), encoding="utf-8")
    assert invoke("db", "edit", "kz-a", *("--set", "phones.0.number=8 727 311 44 55"),
                  *("--source", "https://example.kz/b"), data=data).exit_code == 0
    note = services(data)["kz-a"]["verification"]["note"]
    assert note["en"].startswith("+77273114455 added or changed, from https://example.kz/b on ")
    assert "after the test call check of 2026-01-12" in note["en"]
    assert "2026-01-12 күнгі тексеру қоңырауы" in note["kk"]


def test_add_records_an_official_page_only_when_the_maintainer_says_so(invoke: Invoke, data: Path) -> None:
    result = add(invoke, data, "--national", *NAMES, "--method", "official_page")
    assert result.exit_code == 0, result.output
    assert services(data)["kz-new"]["verification"]["method"] == "official_page"


def test_an_edit_that_adds_a_doubt_is_saved_and_says_it_once(invoke: Invoke, data: Path) -> None:
    """A fabricated Almaty landline written without its area code may be another town's real
    number: the edit is saved, and the doubt said on the edit that brought it, not on later ones."""
    doubtful = invoke("db", "edit", "kz-a", "--set", "description.ru=Тел. 273-77-77", data=data)
    assert doubtful.exit_code == 0, doubtful.stderr
    assert services(data)["kz-a"]["description"]["ru"] == "Тел. 273-77-77"
    assert "kz-a description.ru: 273-77-77 may be the fabricated number +7 727 273 77 77" in doubtful.stderr
    later = invoke("db", "edit", "kz-a", "--set", "description.en=Call them", data=data)
    assert later.exit_code == 0 and "fabricated" not in later.stderr


@pytest.mark.parametrize(("lang", "said"), [
    ("en", 'Name who published "Листовка центра" with --source-publisher.'),
    ("ru", "Укажите, кто опубликовал «Листовка центра», через --source-publisher."),
])
def test_a_document_without_a_publisher_is_named_in_quotes(invoke: Invoke, data: Path, lang: str,
                                                           said: str) -> None:
    for typed in ("Листовка центра", "«Листовка центра»", '"Листовка центра"'):
        result = invoke("--lang", lang, "db", "edit", "kz-a", "--set", "name.en=Line",
                        "--source", typed, data=data)
        assert result.exit_code == 2 and said in " ".join(result.stderr.split())


def test_a_number_given_another_kind_is_shown_as_that_kind_is_written(invoke: Invoke, data: Path) -> None:
    """A call's display "8 (727) ..." left on a WhatsApp number would be dialled as a call."""
    call = ("--set", "phones.0.display=8 (727) 200-00-00")
    assert invoke("db", "edit", "kz-a", *call, data=data).exit_code == 0
    result = invoke("db", "edit", "kz-a", *CITED, "--set", "phones.0.kind=whatsapp", data=data)
    assert result.exit_code == 0, result.stderr
    changed = services(data)["kz-a"]["phones"][0]
    assert (changed["number"], changed["display"]) == ("+77272000000", "+7 727 200 00 00")


@pytest.mark.parametrize("width", [40, 60, 80])
def test_a_warning_after_a_write_keeps_its_numbers_whole(invoke: Invoke, data: Path,
                                                         monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = invoke("db", "edit", "kz-a", "--set", "description.ru=Тел. 273-77-77", data=data)
    assert result.exit_code == 0, result.stderr
    assert any("+7 727 273 77 77" in line for line in result.stderr.splitlines()), result.stderr
