"""``kzsupport db ...``: every command, through the CLI, on a small hand-made directory file."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from kzsupport import changes, exchange, store, store_write, validate
from kzsupport.validate import Denylist
from tests.conftest import Invoke
from tests.dbkit import SCHEMA, record, tables

SECRET = {"text": {"kk": "Құпия 1", "ru": "Секрет 1", "en": "Secret 1"}, "confidential": True, "note": None}
TODAY = datetime.now(timezone.utc).date().isoformat()


@pytest.fixture(autouse=True)
def reference_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hand-made schema and a one-number denylist, so these tests need no bundled data."""
    monkeypatch.setattr(validate, "load_schema", lambda: SCHEMA)
    monkeypatch.setattr(validate, "load_denylist", lambda: Denylist(numbers=frozenset({"+77272505050"})))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "directory.json"
    national = record(
        "kz-150",
        type="hotline",
        scope="national",
        region=None,
        location=None,
        city=None,
        phones=[{"number": "150", "kind": "short_number", "display": "150", "note": None}],
    )
    shelter = record(
        "kz-shelter",
        type="shelter",
        phones=[],
        address=SECRET,
        verification={
            "status": "unverified",
            "date": None,
            "method": None,
            "by": None,
            "note": "Not called yet.",
        },
    )
    path.write_text(store_write.dumps(tables(national, record("kz-a"), shelter)), encoding="utf-8")
    return path


def services(path: Path) -> dict[str, dict[str, Any]]:
    docs = json.loads(path.read_text(encoding="utf-8"))["services"].values()
    return {d["id"]: d for d in docs}


def test_writing_commands_refuse_without_a_named_file(invoke: Invoke) -> None:
    result = invoke("db", "edit", "kz-a", "--set", "email=a@example.org")
    assert result.exit_code == 1
    assert "--data data/directory.json" in result.stderr


def test_add_scripted(invoke: Invoke, data: Path) -> None:
    result = invoke(
        "db",
        "--by",
        "aigerim",
        "add",
        "--id",
        "kz-new",
        "--type",
        "legal_aid",
        "--region",
        "almaty",
        "--source",
        "https://example.org/legal",
        "--source-date",
        "2025-05-01",
        "--set",
        "name.kk=Заң көмегі",
        "--set",
        "name.ru=Юридическая помощь",
        "--set",
        "name.en=Legal aid",
        "--set",
        "description.kk=Тегін кеңес",
        "--set",
        "description.ru=Бесплатная консультация",
        "--set",
        "description.en=Free advice",
        data=data,
    )
    assert result.exit_code == 0, result.stderr
    new = services(data)["kz-new"]
    assert new["name"]["kk"] == "Заң көмегі" and new["region"] == "almaty" and new["scope"] == "local"
    assert new["sources"][0]["publisher"] == "example.org"
    assert new["verification"] == {
        "status": "source_only",
        "date": TODAY,
        "method": "document",  # a URL read by a maintainer: no official page unless they say so
        "by": "aigerim",
        "note": None,
    }
    [entry] = store_write.read_log(data)
    assert (entry.action, entry.by, entry.service_id) == ("add", "aigerim", "kz-new")
    assert "Saved" in result.stderr


def test_add_needs_a_source(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "add", "--id", "kz-new", "--type", "shelter", "--region", "almaty", data=data)
    assert result.exit_code == 2
    assert "A source is required" in result.stderr
    assert "kz-new" not in services(data)


def test_add_from_a_json_file(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    new = record("kz-from-file", phones=[])
    (tmp_path / "new.json").write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    result = invoke("db", "add", "--from", str(tmp_path / "new.json"), data=data)
    assert result.exit_code == 0, result.stderr
    assert services(data)["kz-from-file"]["name"] == new["name"]


def test_add_from_a_file_records_todays_reading_not_the_file_s_claim(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """A file saying it was read on an official page in 2019 by someone: db add witnesses only
    today's reading, by the maintainer, by the method given."""
    claimed = {"status": "source_only", "date": "2019-01-01", "method": "official_page",
               "by": "someone", "note": "Checked on the official page"}
    new = record("kz-claims", phones=[], verification=claimed)
    (tmp_path / "new.json").write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    result = invoke("db", "--by", "aigerim", "add", "--from", str(tmp_path / "new.json"),
                    "--method", "document", data=data)
    assert result.exit_code == 0, result.stderr
    stored = services(data)["kz-claims"]["verification"]
    assert (stored["date"], stored["method"], stored["by"]) == (date.today().isoformat(), "document",
                                                                "aigerim")


def test_add_refuses_a_fabricated_number(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    phone = {"number": "+77272505050", "kind": "voice", "display": "+7 727 250 50 50", "note": None}
    (tmp_path / "new.json").write_text(json.dumps(record("kz-fake", phones=[phone])), encoding="utf-8")
    before = data.read_text(encoding="utf-8")
    result = invoke("db", "add", "--from", str(tmp_path / "new.json"), data=data)
    assert result.exit_code == 1
    assert "fabricated" in result.stderr and "kz-fake phones.0.number" in result.stderr
    assert data.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("content", "said"), [
    ('{"meta": {}, "services": {}}', 'holds a whole directory (an export): add its records with '
                                     '"kzsupport --data'),  # the command as it will work
    ('{"name": {}}', 'The record in the file has no "id".'),
    ('{"id": ', "not valid JSON at line 1, column 8"),
    ("[]", "The file must hold one JSON object."),
    (None, "new.json: no such file"),
])
def test_add_from_a_file_that_is_not_one_record_says_what_it_is(
    invoke: Invoke, data: Path, tmp_path: Path, content: str | None, said: str
) -> None:
    if content is not None:
        (tmp_path / "new.json").write_text(content, encoding="utf-8")
    before = data.read_bytes()
    result = invoke("db", "add", "--from", str(tmp_path / "new.json"), data=data)
    assert result.exit_code == 2 and said in " ".join(result.stderr.split())
    assert data.read_bytes() == before


@pytest.mark.parametrize(("args", "said"), [
    (("--id", "kz-x", "--national", "--region", "almaty"), "--national and --region cannot go together"),
    (("--region", "almaty"), "--type, --region and --national go with --id"),
    (("--from", "x.json", "--national"), "--from takes the whole record from the file"),
])
def test_add_refuses_options_that_contradict_or_would_be_ignored(
    invoke: Invoke, data: Path, tmp_path: Path, args: tuple[str, ...], said: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    before = data.read_bytes()
    result = invoke("db", "add", *args, data=data, catch=True)
    assert result.exit_code == 2 and said in " ".join(result.stderr.split())
    assert data.read_bytes() == before


def _typed_record(address: list[str]) -> list[str]:
    """Answers to every question of an interactive add; ``address`` answers the address questions
    (and the coordinates, when they are asked)."""
    return [
        "kz-typed",
        "spa",
        "shelter",  # an unknown type is asked again
        "Баспана",
        "Приют",
        "Shelter",  # name
        "Сипаттама",
        "Описание",
        "Description",  # description
        "",
        "",
        "",  # operator
        "atlantis",
        "almaty",  # region, asked again
        "Алматы",
        "Алматы",
        "Almaty",  # city
        *address,
        "y",
        "voice",
        "+7 495 123 45 67",
        "+7 727 200 11 22",
        "",
        "n",  # one phone, asked again
        "www.example.org",
        "https://example.org",
        "someone at example.org",
        "",  # website and e-mail: asked again when not in their form
        "y",  # 24/7
        "kk, ru",
        "women",
        "shelter",
        "y",  # free
        "https://example.org/shelter",
        "",
        "",  # source, title, publisher
        "2025-13-45",
        "22.11.2025",
        "2025-11",  # source date: not a date, not the form, then right
        "n",  # nothing unverified
    ]


def test_add_interactively(invoke: Invoke, data: Path) -> None:
    no_address = ["", "", "", "76.9,43.2", "43.25,76.92"]  # coordinates: swapped, then right
    answers = _typed_record(no_address)
    result = invoke("db", "add", data=data, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    typed = services(data)["kz-typed"]
    assert typed["type"] == "shelter" and typed["region"] == "almaty"
    assert typed["location"] == {"lat": 43.25, "lon": 76.92}
    assert typed["phones"][0]["number"] == "+77272001122"
    assert "not a valid Kazakhstan number" in result.output
    assert "outside Kazakhstan" in result.output
    assert "2025-13-45 in sources.0.date is not a real calendar date" in result.output
    assert "sources.0.date is not written in the expected form: 22.11.2025" in result.output
    assert typed["sources"][0]["date"] == "2025-11"
    assert (typed["website"], typed["email"]) == ("https://example.org", None)
    assert "The field website is not written in the expected form: www.example.org." in result.output
    assert "The field email is not written in the expected form: someone at example.org." in result.output
    assert "Operator (қазақша, optional):" in result.output
    assert "City (in English, optional):" in result.output


def test_add_interactively_checks_a_taken_id_a_fabricated_number_and_the_display_at_their_prompts(
    invoke: Invoke, data: Path
) -> None:
    answers = _typed_record(["", "", "", ""])
    answers.insert(0, "kz-a")  # taken: asked again
    number = answers.index("+7 727 200 11 22")
    answers[number : number + 2] = ["+7 727 250 50 50", "+7 727 200 11 22", "+7 727 200 11 23", ""]
    result = invoke("db", "add", data=data, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "There is already a service with the id kz-a: choose another." in result.output
    assert "+77272505050 is a known fabricated number" in result.output
    assert "The display form +7 727 200 11 23 does not dial +77272001122." in result.output
    assert services(data)["kz-typed"]["phones"][0]["display"] == "+7 727 200 11 22"


def test_add_interactively_says_an_empty_answer_to_a_required_question_is_not_one(
    invoke: Invoke, data: Path
) -> None:
    answers = _typed_record(["", "", "", ""])
    answers[3:3] = ["", "  "]  # the name in Kazakh: empty, blank, then given
    result = invoke("db", "add", data=data, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("An answer is needed here (Ctrl-C stops without saving anything).") == 2
    assert services(data)["kz-typed"]["name"]["kk"] == "Баспана"


def test_add_interactively_an_empty_kind_adds_no_phone(invoke: Invoke, data: Path) -> None:
    answers = _typed_record(["", "", "", ""])
    start = answers.index("voice")
    answers[start : answers.index("n", start) + 1] = [""]  # "Add a phone number? y", an empty kind
    result = invoke("db", "add", data=data, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert services(data)["kz-typed"]["phones"] == []


def test_add_interactively_asks_no_coordinates_for_a_confidential_address(invoke: Invoke, data: Path) -> None:
    answers = _typed_record(["Жасырын 7", "Скрыто 7", "Hidden 7", "y"])  # confidential: no coordinates asked
    result = invoke("db", "add", data=data, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Coordinates" not in result.output
    typed = services(data)["kz-typed"]
    assert typed["address"]["confidential"] is True and typed["location"] is None


def test_edit_with_set(invoke: Invoke, data: Path) -> None:
    result = invoke(
        "db",
        "--by",
        "zhanar",
        "edit",
        "kz-a",
        "--set",
        "name.en=Renamed",
        "--set",
        'languages=["kk", "ru", "en"]',
        data=data,
    )
    assert result.exit_code == 0, result.stderr
    assert services(data)["kz-a"]["name"]["en"] == "Renamed"
    assert services(data)["kz-a"]["languages"] == ["kk", "ru", "en"]
    [entry] = store_write.read_log(data, "kz-a")
    assert [c.path for c in entry.changes] == ["languages.2", "name.en"]


def test_making_a_confidential_address_public_needs_reveal_address(invoke: Invoke, data: Path) -> None:
    before = data.read_bytes()
    result = invoke("db", "edit", "kz-shelter", "--set", "address.confidential=false", data=data)
    assert result.exit_code == 2 and "--reveal-address" in result.stderr
    assert data.read_bytes() == before
    args = ("db", "edit", "kz-shelter", "--set", "address.confidential=false", "--reveal-address")
    assert invoke(*args, data=data).exit_code == 0
    assert services(data)["kz-shelter"]["address"]["confidential"] is False


@pytest.mark.parametrize("cleared", ["address.text.en=null", "address.text.ru= "])
def test_clearing_one_language_of_a_confidential_address_needs_yes_too(
    invoke: Invoke, data: Path, cleared: str
) -> None:
    before = data.read_bytes()
    result = invoke("db", "edit", "kz-shelter", "--set", cleared, data=data)
    assert result.exit_code == 2 and "--yes" in result.stderr
    assert data.read_bytes() == before


@pytest.mark.parametrize("cleared", ["address=null", "address.text=null"])
def test_removing_a_confidential_address_needs_yes_and_the_log_says_it_went(
    invoke: Invoke, data: Path, cleared: str
) -> None:
    before = data.read_bytes()
    result = invoke("db", "edit", "kz-shelter", "--set", cleared, data=data)
    assert result.exit_code == 2
    assert "This removes the confidential address of kz-shelter" in result.stderr and "--yes" in result.stderr
    assert data.read_bytes() == before
    assert invoke("db", "edit", "kz-shelter", "--set", cleared, "--yes", data=data).exit_code == 0
    assert not (services(data)["kz-shelter"]["address"] or {}).get("text")
    [entry] = store_write.read_log(data, "kz-shelter")
    assert ("address.text.ru", changes.WITHHELD, None) in {(c.path, c.old, c.new) for c in entry.changes}
    assert "Секрет" not in store_write.log_path(data).read_text(encoding="utf-8")


def test_edit_cannot_touch_verification(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "edit", "kz-a", "--set", "verification.date=2030-01-01", data=data)
    assert result.exit_code == 2
    assert "db verify" in result.stderr
    assert "id never changes" not in result.stderr


def test_a_protected_field_says_why_for_that_field(invoke: Invoke, data: Path) -> None:
    before = data.read_bytes()
    status = invoke("db", "edit", "kz-a", "--set", "verification.status=verified", data=data)
    assert status.exit_code == 2
    assert 'verification.status changes only through "kzsupport db verify"' in status.stderr
    ident = invoke("db", "edit", "kz-a", "--set", "id=kz-b", data=data)
    assert ident.exit_code == 2
    assert "an id never changes" in ident.stderr and "db verify" not in ident.stderr
    assert data.read_bytes() == before


def test_edit_interactively_keeps_what_is_not_retyped(invoke: Invoke, data: Path) -> None:
    keep = [""] * 9  # name x3, description x3, city x3
    result = invoke(
        "db", "edit", "kz-a", data=data, input="\n".join(["Жаңа атау", *keep[1:], "", "", "", ""]) + "\n"
    )
    assert result.exit_code == 0, result.output
    assert services(data)["kz-a"]["name"]["kk"] == "Жаңа атау"
    assert services(data)["kz-a"]["name"]["ru"] == "Кризисный центр kz-a"


def test_edit_interactively_never_shows_a_confidential_address_nor_asks_its_coordinates(
    invoke: Invoke, data: Path
) -> None:
    keep = [""] * 9  # name x3, description x3, city x3
    answers = [*keep, "", "", "", ""]  # keep the address; website, e-mail, status
    before = data.read_bytes()
    result = invoke("db", "edit", "kz-shelter", data=data, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "The address is confidential and is not shown here. Keep it as it is?" in result.output
    assert not any(word in result.output for word in ("Құпия", "Секрет", "Secret", "location"))
    assert data.read_bytes() == before
    retyped = [*keep, "n", "Жаңа 2", "Новый 2", "New 2", "", "", ""]
    result = invoke("db", "edit", "kz-shelter", data=data, input="\n".join(retyped) + "\n")
    assert result.exit_code == 0, result.output
    address = services(data)["kz-shelter"]["address"]
    assert address["text"] == {"kk": "Жаңа 2", "ru": "Новый 2", "en": "New 2"} and address["confidential"]


def test_unknown_id(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "edit", "kz-nope", "--set", "email=a@b.kz", data=data)
    assert result.exit_code == 1 and "kz-nope" in result.stderr


def test_verify_is_the_only_way_the_date_moves(invoke: Invoke, data: Path) -> None:
    result = invoke(
        "db",
        "--by",
        "dana",
        "verify",
        "kz-a",
        "--method",
        "call",
        "--source",
        "call to +7 727 200 00 00",
        "--note",
        "answered",
        data=data,
    )
    assert result.exit_code == 0, result.stderr
    rec = services(data)["kz-a"]
    assert rec["verification"] == {
        "status": "verified",
        "date": TODAY,
        "method": "call",
        "by": "dana",
        "note": "answered",
    }
    assert rec["sources"][-1]["document"] == "call to +7 727 200 00 00"
    assert store_write.read_log(data)[0].note == "answered"
    # kept as typed, and shown marked with its language to a reader of another one
    shown = " ".join(invoke("--lang", "ru", "show", "kz-a", data=data).stdout.split())
    assert "[en] answered" in shown
    assert "[en] answered" not in " ".join(invoke("--lang", "en", "show", "kz-a", data=data).stdout.split())


def test_verify_records_a_check_made_on_an_earlier_day_not_a_future_one(invoke: Invoke, data: Path) -> None:
    args = ("db", "verify", "kz-a", "--method", "call", "--source", "call to +7 727 200 00 00", "--date")
    assert invoke(*args, "2026-01-20", data=data).exit_code == 0
    rec = services(data)["kz-a"]
    assert rec["verification"]["date"] == "2026-01-20" and rec["sources"][-1]["date"] == "2026-01-20"
    before = data.read_bytes()
    result = invoke(*args, "2999-01-01", data=data)
    assert result.exit_code == 2 and "cannot be in the future" in result.stderr
    result = invoke(*args, "20.01.2026", data=data)
    assert result.exit_code == 2
    assert f"Write the date as YYYY-MM-DD, for example {TODAY}; got 20.01.2026." in result.stderr
    assert "%Y" not in result.stderr
    result = invoke(*args, "2026-02-30", data=data)
    assert result.exit_code == 2 and "2026-02-30 is not a real calendar date." in result.stderr
    assert data.read_bytes() == before


def test_a_check_older_than_the_verification_on_record_is_refused_unless_meant(
    invoke: Invoke, data: Path
) -> None:
    args = ("db", "verify", "kz-a", "--method", "call", "--source", "https://example.org/source")
    before = data.read_bytes()
    result = invoke(*args, "--date", "1990-01-01", data=data)
    assert result.exit_code == 2
    assert "The check of 1990-01-01 is older than the verification of kz-a on record, dated 2026-01-10" in (
        result.stderr
    )
    assert "--replace-later" in result.stderr
    assert data.read_bytes() == before
    assert invoke(*args, "--date", "2026-01-05", "--replace-later", data=data).exit_code == 0
    rec = services(data)["kz-a"]
    assert rec["verification"]["date"] == "2026-01-05"
    assert rec["sources"][0]["accessed"] == "2026-01-10"  # read later than the check: kept


def test_log_of_an_unknown_id_is_an_error_and_diff_names_the_missing_file(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    result = invoke("db", "log", "kz-nonexistent", data=data)
    assert result.exit_code == 1 and "No service with id kz-nonexistent" in result.stderr
    assert "No changes recorded yet" in invoke("db", "log", "kz-a", data=data).stderr  # known, unchanged
    result = invoke("db", "diff", str(data), str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "nope.json" in result.stderr and "--data" not in result.stderr


def test_deactivating_a_line_the_fixed_texts_name_warns(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "deactivate", "kz-150", "--reason", "closed", data=data)
    assert result.exit_code == 0
    assert "call 150, but this line is no longer marked active" in " ".join(result.stderr.split())
    report = invoke("db", "validate", "--format", "json", data=data).stdout
    assert "tell people to call 150" in report
    quiet = invoke("db", "deactivate", "kz-a", "--reason", "closed", data=data)
    assert "tell people" not in quiet.stderr


def test_deactivate_and_reactivate(invoke: Invoke, data: Path) -> None:
    assert invoke("db", "deactivate", "kz-a", "--reason", "closed in 2025", data=data).exit_code == 0
    assert services(data)["kz-a"]["status"] == "inactive"
    assert store_write.read_log(data)[0].note == "closed in 2025"
    assert invoke("db", "reactivate", "kz-a", data=data).exit_code == 0
    assert services(data)["kz-a"]["status"] == "active"


@pytest.mark.parametrize("reason", ["", "  "])
def test_deactivate_refuses_a_blank_reason(invoke: Invoke, data: Path, reason: str) -> None:
    before = data.read_bytes()
    result = invoke("db", "deactivate", "kz-a", "--temporary", "--reason", reason, data=data)
    assert result.exit_code == 2
    assert "--reason" in result.stderr and "cannot be empty" in result.stderr
    assert data.read_bytes() == before


def test_remove_needs_yes(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "remove", "kz-a", data=data)
    assert result.exit_code == 2 and "--yes" in result.stderr
    assert invoke("db", "remove", "kz-a", "--yes", data=data).exit_code == 0
    assert "kz-a" not in services(data)


def test_validate_passes_a_good_file(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "validate", data=data, catch=False)
    assert result.exit_code == 0, result.output
    assert "3 records checked: 0 errors" in result.stdout


def test_validate_reports_what_the_directory_as_a_whole_lacks(invoke: Invoke, data: Path,
                                                            tmp_path: Path) -> None:
    """A file with no date and no national lines would print "National lines: ." and "Data as of
    ?" under every listing."""
    empty = tmp_path / "empty.json"
    empty.write_text('{"services": {}}', encoding="utf-8")
    result = invoke("db", "validate", "--format", "json", data=empty)
    assert result.exit_code == 1
    found = {(p["severity"], p["field"], p["message"][:30]) for p in json.loads(result.stdout)["problems"]}
    assert ("error", "meta.as_of", "The directory has no valid dat") in found
    assert ("warning", None, "No national line is active wit") in found
    assert "The directory as a whole" in invoke("db", "validate", data=empty).stdout
    good = json.loads(invoke("db", "validate", "--format", "json", data=data).stdout)["problems"]
    named = sorted(p["message"].split()[6].rstrip(",") for p in good
                   if p["message"].startswith("No national record"))
    assert named == ["102", "111", "112"]  # the file has 150
    assert "lists no national line" in invoke("hotlines", data=empty).stderr


def test_hints_name_the_data_file_they_are_about(invoke: Invoke, data: Path) -> None:
    """Without --data, "kzsupport db validate" would check the bundled directory and say 0 errors."""
    data.write_text('{"services": {"1": {"id": "kz-x"}}}', encoding="utf-8")
    said = " ".join(invoke("hotlines", data=data).stderr.split())
    assert f'Run "kzsupport --data {data} db validate" for a full report.' in said
    data.write_text(store_write.dumps(tables(record("kz-a"))), encoding="utf-8")
    said = " ".join(invoke("db", "edit", "kz-nope", "--set", "name.en=x", data=data).stderr.split())
    assert f'Use "kzsupport --data {data} find --all" to see ids.' in said
    assert 'Use "kzsupport find" to see ids.' in invoke("show", "kz-nope-nope").stderr


def test_validate_fails_with_a_per_record_report(invoke: Invoke, data: Path) -> None:
    broken = tables(record("kz-a"), record("kz-b", region="atlantis", phones=[]))
    data.write_text(store_write.dumps(broken), encoding="utf-8")
    result = invoke("db", "validate", data=data)
    assert result.exit_code == 1
    assert "kz-b" in result.stdout and "atlantis" in result.stdout
    as_json = invoke("db", "validate", "--format", "json", data=data)
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["ok"] is False


def test_a_corrupt_file_is_reported_and_kept(invoke: Invoke, data: Path) -> None:
    data.write_text("{ not json", encoding="utf-8")
    result = invoke("db", "edit", "kz-a", "--set", "email=a@b.kz", data=data)
    assert result.exit_code == 1 and str(data) in result.stderr
    assert data.read_text(encoding="utf-8") == "{ not json"


def test_stale_lists_records_never_verified_by_region(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "stale", "--older-than", "1d", "--format", "json", data=data)
    assert result.exit_code == 0, result.stderr
    groups = json.loads(result.stdout)
    assert [g["region"] for g in groups] == ["national", "almaty"]
    assert [r["id"] for r in groups[1]["records"]] == ["kz-a", "kz-shelter"]  # never verified: by id
    records = [r for g in groups for r in g["records"]]
    assert all(r["verification"] != "verified" and r["last_checked"] is None for r in records)


def test_stale_with_an_age_before_the_calendar_says_so(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "stale", "--older-than", "3000y", data=data)
    assert result.exit_code == 2
    assert "The age 3000y is too long: it reaches back before the year 1." in result.stderr
    for age in ("999999y", "99999999999999999999d", "9" * 5000 + "y"):
        result = invoke("db", "stale", "--older-than", age, data=data)
        assert result.exit_code == 2 and f"The age {age} is too long" in result.stderr
    assert invoke("db", "stale", "--older-than", "2000y", data=data).exit_code == 0


@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_stale_never_cuts_an_id_at_any_width(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = invoke("db", "stale").stdout.splitlines()  # the bundled data: ids up to 40 characters
    assert max(len(line) for line in lines) <= width
    words = {word for line in lines for word in line.split()}
    assert all(s.id in words for s in store.load().services)  # never verified, so all listed


@pytest.mark.parametrize("width", [50, 80])
def test_coverage_cuts_no_region_name_and_keeps_each_type_beside_its_number(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    from kzsupport import labels
    from kzsupport.models import SERVICE_TYPES

    monkeypatch.setenv("COLUMNS", str(width))
    lines = invoke("db", "coverage").stdout.splitlines()  # the bundled data
    assert "…" not in "".join(lines) and max(len(line) for line in lines) <= width
    for number, kind in enumerate(SERVICE_TYPES, 1):
        assert any(f"{number} {labels.label(labels.TYPES, kind)}" in line for line in lines)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_coverage_at_80_columns_gives_every_region_name_one_line(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """"Восточно-Казахстанская область" is 30 characters: the twelve type columns leave room."""
    from kzsupport.i18n import text
    from kzsupport.store import load_regions

    monkeypatch.setenv("COLUMNS", "80")
    lines = invoke("--lang", lang, "db", "coverage").stdout.splitlines()
    for region in load_regions().values():
        assert any(line.startswith(text(region.names, lang) + " ") for line in lines), region.id


def test_coverage_in_three_formats(invoke: Invoke, data: Path) -> None:
    cells = json.loads(invoke("db", "coverage", "--format", "json", data=data).stdout)
    almaty_shelter = next(c for c in cells if (c["region"], c["type"]) == ("almaty", "shelter"))
    assert almaty_shelter == {
        "region": "almaty",
        "type": "shelter",
        "verified": 0,
        "source_only": 0,
        "unverified": 1,
        "missing": True,
    }
    csv_out = invoke("db", "coverage", "--format", "csv", data=data).stdout
    assert csv_out.splitlines()[0] == "region,type,verified,source_only,unverified,missing"
    table = invoke("db", "coverage", data=data)
    assert table.exit_code == 0 and "Ulytau" in table.stdout


def test_coverage_on_a_narrow_terminal_splits_the_grid_and_drops_no_type(
    invoke: Invoke, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    lines = invoke("db", "coverage", data=data).stdout.splitlines()
    headers = [line.split()[1:] for line in lines if line.startswith("Region ")]
    assert len(headers) > 1
    assert [n for header in headers for n in header] == [str(n) for n in range(1, 13)]
    assert max(len(line) for line in lines) <= 50


def test_export_csv_then_import_changes_nothing(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    before = data.read_text(encoding="utf-8")
    out = tmp_path / "out.csv"
    assert invoke("db", "export", "--format", "csv", "--output", str(out), data=data).exit_code == 0
    assert "Секрет" not in out.read_text(encoding="utf-8")
    result = invoke("db", "import", str(out), data=data)
    assert result.exit_code == 0, result.stderr
    assert "Nothing changed" in result.stderr
    assert data.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_then_import_into_an_empty_file_round_trips(
    invoke: Invoke, data: Path, tmp_path: Path, fmt: str
) -> None:
    public = tables(*(r for r in services(data).values() if r["id"] != "kz-shelter"))
    data.write_text(store_write.dumps(public), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    assert invoke("db", "export", "--format", fmt, "--output", str(out), data=data).exit_code == 0
    empty = tmp_path / "empty.json"
    empty.write_text(store_write.dumps(tables()), encoding="utf-8")
    result = invoke("db", "import", str(out), data=empty)
    assert result.exit_code == 0, result.stderr
    assert store.load(empty).services == store.load(data).services


def test_import_shows_the_diff_and_dry_run_writes_nothing(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    invoke("db", "export", "--format", "csv", "--output", str(out), data=data)
    out.write_text(out.read_text(encoding="utf-8").replace("Crisis centre kz-a", "Renamed"), encoding="utf-8")
    before = data.read_text(encoding="utf-8")
    result = invoke("db", "import", str(out), "--dry-run", data=data)
    assert result.exit_code == 0, result.stderr
    assert "~ kz-a" in result.stdout and "name.en: Crisis centre kz-a → Renamed" in result.stdout
    assert "Dry run: nothing was written. It would change" in result.stderr and "Saved" not in result.stderr
    assert data.read_text(encoding="utf-8") == before
    assert invoke("db", "import", str(out), data=data).exit_code == 0
    assert services(data)["kz-a"]["name"]["en"] == "Renamed"
    assert services(data)["kz-shelter"]["address"] == SECRET  # the withheld address was kept


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]])
def test_import_with_errors_changes_nothing(
    invoke: Invoke, data: Path, tmp_path: Path, dry_run: list[str]
) -> None:
    out = tmp_path / "out.csv"
    invoke("db", "export", "--format", "csv", "--output", str(out), data=data)
    text = out.read_text(encoding="utf-8").replace("2026-01-10,official_page", "2031-01-01,call")
    out.write_text(text, encoding="utf-8")
    before = data.read_text(encoding="utf-8")
    result = invoke("db", "import", str(out), *dry_run, data=data)  # a dry run checks the same
    assert result.exit_code == 2
    assert "line 3, verification" in result.stderr and "nothing was imported" in result.stderr
    assert data.read_text(encoding="utf-8") == before


def test_a_new_record_arrives_verified_only_when_asked(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    checked = {"status": "verified", "date": "2026-01-12", "method": "call", "by": "aigerim", "note": None}
    new = record("kz-new", verification=checked, phones=[])
    (tmp_path / "new.json").write_text(json.dumps([new]), encoding="utf-8")
    before = data.read_bytes()
    result = invoke("db", "import", str(tmp_path / "new.json"), data=data)
    assert result.exit_code == 2 and "cannot arrive verified" in result.stderr
    assert data.read_bytes() == before
    result = invoke("db", "import", str(tmp_path / "new.json"), "--keep-verification", data=data)
    assert result.exit_code == 0, result.stderr
    assert services(data)["kz-new"]["verification"] == checked


def test_an_import_problem_of_a_record_not_in_the_file_names_no_line(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    (tmp_path / "new.json").write_text(json.dumps([record("kz-new")]), encoding="utf-8")  # kz-a's number
    result = invoke("db", "import", str(tmp_path / "new.json"), data=data)
    assert result.exit_code == 2
    assert "a record already in the directory, phones: kz-a:" in result.stderr
    assert "line 1, phones: kz-new:" in result.stderr and "line 0" not in result.stderr


def _rewrite_csv(path: Path, drop: tuple[str, ...] = (), clear: tuple[str, ...] = ()) -> None:
    """Edit an exported CSV as a spreadsheet user might: columns removed, cells emptied."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    names = [n for n in rows[0] if n not in drop]
    out = io.StringIO()
    writer = csv.DictWriter(out, names, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({**row, **dict.fromkeys(clear, "")} for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize(
    ("drop", "clear"),
    [
        (("phones", "website", "email", "location.lat", "location.lon"), ()),  # columns left out
        (tuple(c for c in exchange.COLUMN_TYPES if c.startswith("address.")), ()),
        ((), ("address.withheld",)),  # the marker cleared: still confidential, text still withheld
    ],
)
def test_import_keeps_what_the_file_leaves_out(
    invoke: Invoke, data: Path, tmp_path: Path, drop: tuple[str, ...], clear: tuple[str, ...]
) -> None:
    out = tmp_path / "out.csv"
    invoke("db", "export", "--format", "csv", "--output", str(out), data=data)
    _rewrite_csv(out, drop, clear)
    before = data.read_bytes()
    result = invoke("db", "import", str(out), data=data)
    assert result.exit_code == 0, result.stderr
    assert "Nothing changed" in result.stderr
    assert data.read_bytes() == before


@pytest.mark.parametrize(
    "cells",
    [
        {"address.confidential": "", "address.withheld": ""},  # every address cell empty: cleared
        {"address.confidential": "false", "address.withheld": "", "address.text.ru": "ул. Новая 1"},
        {"address.confidential": "false", "address.text.ru": "ул. Новая 1"},  # still marked withheld
    ],
)
def test_an_import_never_clears_or_reveals_a_confidential_address(
    invoke: Invoke, data: Path, tmp_path: Path, cells: dict[str, str]
) -> None:
    out = tmp_path / "out.csv"
    rows = _exported_records(invoke, data, out)
    rows = [{**row, **cells} if row["id"] == "kz-shelter" else row for row in rows]
    out.write_text(_csv_text(rows), encoding="utf-8")
    before = data.read_bytes()
    result = invoke("db", "import", str(out), data=data)
    assert result.exit_code == 2
    assert "line 4, address: the confidential address of kz-shelter would be cleared or made public" in (
        result.stderr
    )
    assert '"kzsupport db edit kz-shelter --reveal-address"' in result.stderr
    assert data.read_bytes() == before


def test_an_import_says_when_it_keeps_a_confidential_address_the_row_changes(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    rows = _exported_records(invoke, data, out)
    typed = {"address.text.ru": "ул. Новая 1", "location.lat": "43.26", "location.lon": "76.95"}
    rows = [{**row, **typed} if row["id"] == "kz-shelter" else row for row in rows]
    out.write_text(_csv_text(rows), encoding="utf-8")
    before = data.read_bytes()
    result = invoke("db", "import", str(out), data=data)
    assert result.exit_code == 0, result.stderr
    assert "line 4, address: kz-shelter: the confidential address was kept as stored" in result.stderr
    assert "line 4, location: kz-shelter: the coordinates of a confidential address are never imported" in (
        result.stderr
    )
    assert data.read_bytes() == before
    assert "Новая" not in result.output and "43.26" not in result.output


def test_import_reads_the_dates_of_a_csv_saved_by_a_russian_spreadsheet(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    rows = _exported_records(invoke, data, out)
    dotted = {"2026-01-10": "10.01.2026"}
    rows = [{**row, "verification.date": dotted.get(row["verification.date"], "")} for row in rows]
    assert "10.01.2026" in _csv_text(rows)
    out.write_text(_csv_text(rows), encoding="utf-8")
    before = data.read_bytes()
    result = invoke("db", "import", str(out), data=data)
    assert result.exit_code == 0, result.stderr
    assert "Nothing changed" in result.stderr and data.read_bytes() == before


def _exported_records(invoke: Invoke, data: Path, out: Path) -> list[dict[str, str]]:
    """``data`` exported to the CSV file ``out``, read back as rows."""
    invoke("db", "export", "--format", "csv", "--output", str(out), data=data)
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


def _csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_import_reads_a_csv_saved_with_semicolons(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    invoke("db", "export", "--format", "csv", "--output", str(out), data=data)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    semicolons = io.StringIO()
    csv.writer(semicolons, delimiter=";", lineterminator="\r\n").writerows(rows)  # as Excel (ru) saves
    out.write_text(semicolons.getvalue(), encoding="utf-8")
    result = invoke("db", "import", str(out), data=data)
    assert result.exit_code == 0, result.stderr
    assert "Nothing changed" in result.stderr


def test_import_refuses_half_the_columns_of_a_field(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    invoke("db", "export", "--format", "csv", "--output", str(out), data=data)
    _rewrite_csv(out, drop=("address.withheld", "location.lon"))
    result = invoke("db", "import", str(out), data=data)
    assert result.exit_code == 2
    assert "columns of address must all be there or all left out; missing: address.withheld" in result.stderr
    assert "the columns of location must all be there" in result.stderr


def test_export_hsds(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    result = invoke("db", "export", "--format", "hsds", "--output", str(tmp_path / "hsds"), data=data)
    assert result.exit_code == 0, result.stderr
    assert "HSDS 3.0" in result.stderr
    written = {p.name for p in (tmp_path / "hsds").iterdir()}
    assert {"services.json", "phones.json", "datapackage.json"} <= written
    everything = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "hsds").iterdir())
    assert "Секрет" not in everything and "Secret 1" not in everything


def test_export_hsds_needs_a_folder(invoke: Invoke, data: Path) -> None:
    result = invoke("db", "export", "--format", "hsds", data=data)
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_never_replaces_a_file_unless_forced(
    invoke: Invoke, data: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    out.write_text("keep me", encoding="utf-8")
    result = invoke("db", "export", "--format", fmt, "--output", str(out), data=data)
    assert result.exit_code == 1 and "already exists. Use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert invoke("db", "export", "--format", fmt, "--output", str(out), "--force", data=data).exit_code == 0
    assert "kz-a" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_onto_the_directory_file_itself_is_refused_even_with_force(
    invoke: Invoke, data: Path, fmt: str
) -> None:
    before = data.read_bytes()
    result = invoke("db", "export", "--format", fmt, "--output", str(data), "--force", data=data)
    assert result.exit_code == 2 and "is the directory file itself" in result.stderr
    assert data.read_bytes() == before
    sheet = invoke("referral", "kz-150", "-o", str(data), "--format", "txt", "--force", data=data)
    assert sheet.exit_code == 2 and "is the directory file itself" in sheet.stderr  # a sheet neither
    assert data.read_bytes() == before


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_never_replaces_another_directory_file_even_with_force(
    invoke: Invoke, data: Path, tmp_path: Path, fmt: str
) -> None:
    other = tmp_path / "other.json"  # another directory than the one open (data/directory.json, say)
    other.write_bytes(data.read_bytes())
    copy = tmp_path / "copy.json"
    copy.write_bytes(data.read_bytes())
    result = invoke("db", "export", "--format", fmt, "--output", str(other), "--force", data=copy)
    assert result.exit_code == 2
    assert f"{other} is a kzsupport directory file: it is never replaced" in " ".join(result.stderr.split())
    assert other.read_bytes() == data.read_bytes()
    exported = tmp_path / "out.json"  # an earlier export is not a directory file: --force replaces it
    assert invoke("db", "export", "--output", str(exported), data=copy).exit_code == 0
    assert invoke("db", "export", "--output", str(exported), "--force", data=copy).exit_code == 0


@pytest.mark.parametrize(
    ("where", "message"),
    [("nope/out.csv", "The folder"), (".", "is a folder; give a file name")],
)
def test_export_to_a_missing_folder_or_onto_a_folder_says_so(
    invoke: Invoke, data: Path, tmp_path: Path, where: str, message: str
) -> None:
    result = invoke("db", "export", "--format", "csv", "--output", str(tmp_path / where), data=data)
    assert result.exit_code == 1 and message in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "nope").exists()


def test_hsds_export_refuses_a_file_a_missing_parent_and_a_package_already_there(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    def export(folder: Path, *extra: str) -> Any:
        return invoke("db", "export", "--format", "hsds", "--output", str(folder), *extra, data=data)

    a_file = tmp_path / "a.csv"
    a_file.write_text("x", encoding="utf-8")
    assert export(a_file).exit_code == 1 and "is a file: an HSDS package is a folder" in export(a_file).stderr
    assert a_file.read_text(encoding="utf-8") == "x"
    assert "The folder" in export(tmp_path / "nope" / "hsds").stderr
    assert export(tmp_path / "hsds").exit_code == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "hsds").iterdir()}
    (tmp_path / "hsds" / "services.json").write_text("edited", encoding="utf-8")
    again = export(tmp_path / "hsds")
    assert again.exit_code == 1 and "already exists. Use --force" in again.stderr
    assert (tmp_path / "hsds" / "services.json").read_text(encoding="utf-8") == "edited"
    assert export(tmp_path / "hsds", "--force").exit_code == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "hsds").iterdir()} == before


def test_diff_between_two_files(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(data.read_text(encoding="utf-8"), encoding="utf-8")
    invoke("db", "edit", "kz-a", "--set", "email=a@example.org", data=data)
    result = invoke("db", "diff", str(old), str(data))
    assert result.exit_code == 0
    assert "~ kz-a" in result.stdout and "email: ∅ → a@example.org" in result.stdout
    assert "0 added, 1 changed, 0 removed." in result.stderr


def test_diff_withholds_a_confidential_address_and_its_coordinates(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.json"
    old.write_text(data.read_text(encoding="utf-8"), encoding="utf-8")
    moved = ("--set", "address.text.ru=ул. Секретная 77", "--set", 'location={"lat": 43.26, "lon": 76.95}')
    assert invoke("db", "edit", "kz-shelter", *moved, "--set", "name.en=Renamed", data=data).exit_code == 0
    result = invoke("db", "diff", str(old), str(data))
    assert result.exit_code == 0
    assert not any(word in result.stdout for word in ("Секретная", "Секрет 1", "43.26"))
    assert f"address.text.ru: {changes.WITHHELD} → {changes.WITHHELD}" in result.stdout
    assert f"location.lat: {changes.WITHHELD} → {changes.WITHHELD}" in result.stdout
    assert "name.en: Crisis centre kz-shelter → Renamed" in result.stdout  # the rest as ever
    back = invoke("db", "diff", str(data), str(old))  # the address made public: withheld all the same
    assert "Секретная" not in back.stdout and "43.26" not in back.stdout


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]])
def test_the_import_preview_withholds_a_confidential_address(
    invoke: Invoke, data: Path, tmp_path: Path, dry_run: list[str]
) -> None:
    shelter = services(data)["kz-shelter"]
    shelter["address"]["text"]["ru"] = "ул. Секретная 77"
    (tmp_path / "in.json").write_text(json.dumps([shelter], ensure_ascii=False), encoding="utf-8")
    result = invoke("db", "import", str(tmp_path / "in.json"), *dry_run, data=data)
    assert result.exit_code == 0, result.stderr
    assert "Секретная" not in result.output and "Секрет 1" not in result.output
    assert f"address.text.ru: {changes.WITHHELD} → {changes.WITHHELD}" in result.stdout


def test_log_of_one_record(invoke: Invoke, data: Path) -> None:
    invoke("db", "--by", "dana", "edit", "kz-a", "--set", "email=a@example.org", data=data)
    invoke("db", "edit", "kz-150", "--set", "email=b@example.org", data=data)
    entries = json.loads(invoke("db", "log", "kz-a", "--format", "json", data=data).stdout)
    assert [(e["id"], e["by"]) for e in entries] == [("kz-a", "dana")]
    table = invoke("db", "log", data=data)
    assert table.exit_code == 0 and "kz-150" in table.stdout


def test_a_torn_last_log_line_loses_no_entry_and_is_counted(invoke: Invoke, data: Path) -> None:
    invoke("db", "edit", "kz-a", "--set", "email=a@example.org", data=data)
    log = store_write.log_path(data)
    with log.open("ab") as handle:  # a writer killed in the middle of a line, mid-letter
        handle.write('{"action": "edit", "by": "Айгерім'.encode()[:-1])
    assert invoke("db", "edit", "kz-150", "--set", "email=b@example.org", data=data).exit_code == 0
    result = invoke("db", "log", data=data)
    assert result.exit_code == 0
    assert "kz-a" in result.stdout and "kz-150" in result.stdout
    said = " ".join(result.stderr.split())
    assert f"1 line of the change log {log} could not be read and was skipped." in said
    assert [e.service_id for e in store_write.read_log(data)] == ["kz-a", "kz-150"]


def test_db_help_in_each_language(invoke: Invoke) -> None:
    for lang in ("kk", "ru", "en"):
        result = invoke("--lang", lang, "db", "--help")
        assert result.exit_code == 0
        assert "--data" in result.stdout


def _exported_rows(invoke: Invoke, data: Path, tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "export.csv"
    invoke("db", "export", "--format", "csv", "--output", str(out), data=data)
    return list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("encoding", "line 5: the file is not UTF-8 text"),
        ("missing column", "line 1: missing columns: sources"),
        ("huge cell", "line 3: not readable as CSV (a cell may be too long)"),
        ("wrong type", "line 2, location.lat: expected a number, found north"),
        ("invalid value", "line 3, region: kz-a: Unknown region atlantis"),
    ],
)
def test_a_malformed_csv_import_is_refused_and_changes_nothing(
    invoke: Invoke, data: Path, tmp_path: Path, damage: str, expected: str
) -> None:
    rows = _exported_rows(invoke, data, tmp_path)
    header = rows[0]
    if damage == "encoding":
        raw = _csv_bytes(rows) + "kz-new,Кризис\n".encode("cp1251")
    else:
        if damage == "missing column":
            index = header.index("sources")
            rows = [row[:index] + row[index + 1 :] for row in rows]
        elif damage == "huge cell":
            rows[2][header.index("description.en")] = "x" * 10_000_000
        elif damage == "wrong type":
            rows[1][header.index("location.lat")] = "north"
        else:
            rows[2][header.index("region")] = "atlantis"
        raw = _csv_bytes(rows)
    (tmp_path / "in.csv").write_bytes(raw)
    before = data.read_text(encoding="utf-8")
    result = invoke("db", "import", str(tmp_path / "in.csv"), data=data)
    assert result.exit_code == 2
    assert "nothing was imported" in result.stderr
    assert expected in result.stderr
    assert data.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("dash", [("-o", "-"), ("--output", "-"), ("--output=-",), ("-o-",)])
def test_export_output_dash_is_standard_output_not_a_file(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str,
    dash: tuple[str, ...],
) -> None:
    """As for "referral -o -": a second run must not find a file named "-" in the way."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    for _ in range(2):
        result = invoke("db", "export", "--format", fmt, *dash, data=data)
        assert result.exit_code == 0, result.stderr
        assert "kz-a" in result.stdout and "Wrote" not in result.stderr
    assert list(here.iterdir()) == []


def test_export_hsds_to_standard_output_is_refused(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = invoke("db", "export", "--format", "hsds", "-o", "-", data=data)
    assert result.exit_code == 2
    assert "An HSDS package is a folder, so it cannot go to standard output" in result.stderr
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("target", ["directory.changes.jsonl", ".kzsupport/directory.json.lock",
                                    ".kzsupport/backups/export.json"])
def test_an_export_or_a_sheet_never_replaces_the_change_log_or_the_bookkeeping(
    invoke: Invoke, data: Path, target: str
) -> None:
    invoke("db", "edit", "kz-150", "--set", "name.en=Line 150", data=data)  # a log and a lock
    path = data.parent / target
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text("kept", encoding="utf-8")
    before = path.read_bytes()
    export = invoke("db", "export", "--output", str(path), "--force", data=data)
    sheet = invoke("referral", "kz-150", "--format", "txt", "-o", str(path), "--force", data=data)
    assert export.exit_code != 0 and sheet.exit_code != 0
    assert "change log, lock or backups" in " ".join(export.stderr.split())
    assert path.read_bytes() == before


def test_an_hsds_package_never_replaces_a_directory_file_of_its_name(
    invoke: Invoke, data: Path
) -> None:
    """services.json beside the data is a table name of HSDS and can be a directory file."""
    services = data.parent / "services.json"
    services.write_bytes(data.read_bytes())
    result = invoke("db", "export", "--format", "hsds", "-o", str(data.parent), "--force",
                    data=services)
    assert result.exit_code != 0
    assert services.read_bytes() == data.read_bytes()
    assert not (data.parent / "datapackage.json").exists()


def test_an_import_changing_a_number_needs_a_new_source_and_unverifies_a_checked_record(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """As db edit needs --source: no number enters by a spreadsheet without a citation, and a call
    that checked the old number did not check the new one."""
    checked = {"status": "verified", "date": "2026-01-12", "method": "call", "by": "aigerim", "note": None}
    data.write_text(store_write.dumps(tables(record("kz-a", verification=checked))), encoding="utf-8")
    out = tmp_path / "out.json"
    invoke("db", "export", "--format", "json", "--output", str(out), data=data)
    exported = json.loads(out.read_text(encoding="utf-8"))
    row = exported["services"][0]
    row["phones"][0].update(number="+77272999999", display="+7 727 299 99 99")
    out.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    before = data.read_bytes()
    refused = invoke("db", "import", str(out), data=data)
    assert refused.exit_code == 2
    assert "+77272999999 is new to kz-a, but the row cites no new source" in " ".join(refused.stderr.split())
    assert data.read_bytes() == before
    row["sources"].append({**row["sources"][0], "url": "https://example.kz/new-number"})
    out.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    result = invoke("db", "import", str(out), data=data)
    assert result.exit_code == 0, result.stderr
    stored = services(data)["kz-a"]
    assert stored["phones"][0]["number"] == "+77272999999"
    assert stored["verification"]["status"] == "source_only"
    note = stored["verification"]["note"]
    assert "+77272999999 added or changed, from https://example.kz/new-number" in note["en"]


@pytest.mark.parametrize(("typed", "answer"), [
    ("нет\n", False), ("жоқ\n", False), ("joq\n", False), ("иә\n", True), ("да\n", True),
    ("y\n", True), ("\n", True), ("maybe\nn\n", False),
])
def test_db_prompts_take_yes_and_no_in_the_users_language(typed: str, answer: bool) -> None:
    """click.confirm refused "нет" with "invalid input"; the eligibility interview took it."""
    from kzsupport.cli.db_prompts import _yes_no

    @click.command()
    def ask() -> None:
        click.echo(f"answer={_yes_no('Free of charge?', default=True)}")

    result = CliRunner().invoke(ask, input=typed)
    assert f"answer={answer}" in result.output
    assert ("Answer yes or no" in result.output) == typed.startswith("maybe")


def test_interactive_edit_asks_in_the_users_language_and_refuses_a_bad_status_at_once(
    invoke: Invoke, data: Path
) -> None:
    """It asked "name.kk [..]:", "status [active]:", and refused "closed" only when saving."""
    keep = "\n" * 11  # name, description and city in three languages, website, e-mail
    result = invoke("--lang", "ru", "db", "edit", "kz-a", input=keep + "closed\ninactive\n\n", data=data)
    assert result.exit_code == 0, result.output
    assert "name.kk: Название (қазақша)" in result.output
    assert "Выберите одно из" in result.output  # "closed" asked again
    assert services(data)["kz-a"]["status"] == "inactive"


def test_a_check_kzsupport_recorded_is_shown_in_the_readers_language(invoke: Invoke, data: Path) -> None:
    """Its source was "[en] Verification (call)" in Kazakh and Russian."""
    invoke("db", "--by", "aigerim", "verify", "kz-a", "--method", "call",
           "--source", "https://example.kz/x", data=data)
    stored = services(data)["kz-a"]["sources"][-1]
    assert stored["title"] == "Verification (call)"  # stored once, in English, as before
    out = invoke("--lang", "ru", "show", "kz-a", data=data).stdout
    assert "Проверено составителями справочника: контрольный звонок" in " ".join(out.split())
    assert "Verification" not in out
