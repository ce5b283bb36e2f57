"""hotlines, find, show, regions on a small hand-made directory: output, languages, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzsupport import store
from kzsupport.directory import visible
from tests.conftest import MINI, Invoke


def test_hotlines_lists_emergency_first(invoke: Invoke) -> None:
    result = invoke("hotlines", data=MINI)
    assert result.exit_code == 0
    assert result.stdout.index("112") < result.stdout.index("150")
    assert result.stderr == ""


def test_hotlines_put_each_number_on_a_line_of_its_own_and_indent_the_rest(invoke: Invoke) -> None:
    lines = invoke("hotlines", data=MINI).stdout.splitlines()
    assert "112" in lines and "+7 708 106 08 10" in lines
    details = lines[lines.index("112") + 1 : lines.index("112") + 5]
    assert all(line.startswith("  ") for line in details)
    assert any(line.strip() == "Checked: source only, 2026-11-22" for line in details)
    assert not any(line.endswith(" ") for line in lines)


def test_every_table_ends_with_national_lines_and_data_date(invoke: Invoke) -> None:
    result = invoke("find", "--region", "almaty", data=MINI)
    tail = result.stdout.strip().splitlines()[-2:]
    assert "112" in tail[0] and "+7 708 106 08 10" in tail[0]
    assert "2026-11-22" in tail[1]


def test_find_matches_words_in_any_script(invoke: Invoke) -> None:
    for query in ("Семей", "семей", "Semey", "Semei"):
        result = invoke("find", query, "--format", "json", data=MINI)
        ids = [s["id"] for s in json.loads(result.stdout)["services"]]
        assert ids == ["test-semey-centre"], query


def test_find_hides_unverified_records_unless_all(invoke: Invoke) -> None:
    default = invoke("find", "--format", "json", data=MINI)
    everything = invoke("find", "--all", "--format", "json", data=MINI)
    assert "test-unverified" not in default.stdout
    assert "test-unverified" in everything.stdout


def test_unverified_records_are_marked_when_shown(invoke: Invoke) -> None:
    result = invoke("find", "--all", "--region", "north-kazakhstan", data=MINI)
    assert "UNVERIFIED" in result.stdout


def test_record_without_contact_points_to_national_lines(invoke: Invoke) -> None:
    result = invoke("find", "--region", "abai", data=MINI)
    assert "No verified contact: call 111, 150 or 102" in result.stdout


def test_contact_column_only_when_a_listed_record_has_a_number(invoke: Invoke) -> None:
    header = "Contact"
    without = invoke("find", "--region", "abai", data=MINI, env={"COLUMNS": "100"}).stdout
    with_numbers = invoke("find", "--type", "hotline", data=MINI, env={"COLUMNS": "100"}).stdout
    assert "Service" in without and header not in without
    assert header in with_numbers and "150" in with_numbers


def test_empty_result_exits_zero_with_a_hint_on_stderr(invoke: Invoke) -> None:
    result = invoke("find", "nothing-like-this", data=MINI)
    assert result.exit_code == 0
    assert "Nothing found" in result.stderr


def test_data_markup_prints_literally(invoke: Invoke) -> None:
    result = invoke("find", "--region", "almaty", data=MINI)
    assert "[bold]Fund[/bold]" in result.stdout


def test_confidential_address_never_leaves_the_store(invoke: Invoke) -> None:
    for args in (
        ("show", "test-semey-centre"),
        ("show", "test-semey-centre", "--format", "json"),
        ("find", "--format", "json"),
        ("find", "--format", "csv"),
        ("find",),
    ):
        result = invoke(*args, data=MINI)
        assert "SECRET" not in result.stdout and "СЕКРЕТН" not in result.stdout, args


def test_show_prints_sources_and_verification(invoke: Invoke) -> None:
    result = invoke("show", "test-150", data=MINI)
    assert "Test source" in result.stdout
    assert "https://example.org/" in result.stdout
    assert "source only" in result.stdout


def test_json_is_lossless_in_all_languages(invoke: Invoke) -> None:
    result = invoke("show", "test-112", "--format", "json", data=MINI)
    record = json.loads(result.stdout)
    assert record["name"] == {
        "kk": "Бірыңғай кезекші-диспетчерлік қызметі 112",
        "ru": "Единая дежурно-диспетчерская служба 112",
        "en": "Emergency number 112",
    }
    assert record["sources"][0]["accessed"] == "2026-11-22"
    assert "Бірыңғай" in result.stdout  # real letters, not \\u escapes


def test_csv_has_a_header_and_one_row_per_record(invoke: Invoke) -> None:
    result = invoke("find", "--format", "csv", data=MINI)
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("id,type,name")
    assert len(lines) == 1 + 4


def test_csv_says_the_status_and_never_calls_a_messenger_number_a_line(invoke: Invoke) -> None:
    """The date is when the status was recorded: a column "verified_on" read as a check that a
    source-only or unverified record never had."""
    import csv
    import io

    result = invoke("hotlines", "--format", "csv", data=MINI)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "verified_on" not in rows[0] and "verification_date" in rows[0]
    assert any(r["phones"] == "150 | WhatsApp +7 708 106 08 10" for r in rows)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("kk", "Абай облысы"), ("ru", "область Абай"), ("en", "Abai Region"), ("kk-latn", "Abai oblysy")],
)
def test_regions_in_each_language(invoke: Invoke, lang: str, expected: str) -> None:
    result = invoke("--lang", lang, "regions")
    assert result.exit_code == 0
    assert expected in result.stdout


def test_regions_lists_twenty_units_with_iso_codes(invoke: Invoke) -> None:
    data = json.loads(invoke("regions", "--format", "json").stdout)
    assert len(data["regions"]) == 20
    assert {r["iso_3166_2"] for r in data["regions"]} >= {"KZ-10", "KZ-75", "KZ-79"}


def test_record_content_follows_the_language(invoke: Invoke) -> None:
    assert "Единая дежурно-диспетчерская" in invoke("--lang", "ru", "hotlines", data=MINI).stdout
    assert "Бірыңғай кезекші" in invoke("--lang", "kk", "hotlines", data=MINI).stdout
    assert "Bıryñğai kezekşı" in invoke("--lang", "kk-latn", "hotlines", data=MINI).stdout


def test_region_accepts_iso_code(invoke: Invoke) -> None:
    result = invoke("find", "--region", "KZ-10", "--format", "json", data=MINI)
    assert [s["id"] for s in json.loads(result.stdout)["services"]] == ["test-semey-centre"]


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Абай", "abai"),
        ("ВКО", "east-kazakhstan"),
        ("Алматинская область", "almaty-region"),
        ("Almaty oblysy", "almaty-region"),
        ("Алматы", "almaty"),
        ("ЮКО", "turkistan"),
        ("KZ-AKM", "akmola"),
    ],
)
def test_region_accepts_names_abbreviations_and_former_codes(name: str, region: str) -> None:
    from kzsupport.cli.options import REGION

    assert REGION.convert(name, None, None) == region


def test_region_near_miss_suggests_the_region(invoke: Invoke) -> None:
    result = invoke("find", "--region", "Алматинск", data=MINI)
    assert result.exit_code == 2
    assert "Did you mean: almaty-region (Almaty Region)?" in result.stderr


def test_a_name_of_two_regions_is_not_guessed(invoke: Invoke) -> None:
    result = invoke("find", "--region", "Акмола", data=MINI)  # the region, and Astana's former name
    assert result.exit_code == 2
    assert "akmola (Akmola Region), astana (Astana)" in result.stderr


def test_unknown_region_names_the_valid_ones(invoke: Invoke) -> None:
    result = invoke("find", "--region", "atlantis", data=MINI)
    assert result.exit_code == 2
    assert "Unknown region atlantis" in result.stderr and "east-kazakhstan" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_type_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("find", "--type", "spa", data=MINI)
    assert result.exit_code == 2
    assert "crisis_centre" in result.stderr


def test_unknown_id_is_a_clear_error(invoke: Invoke) -> None:
    result = invoke("show", "no-such-id", data=MINI)
    assert result.exit_code == 1
    assert "No service with id no-such-id" in result.stderr


def test_unknown_language_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--lang", "de", "hotlines", data=MINI)
    assert result.exit_code == 2
    assert "kk-latn" in result.stderr


def test_missing_data_file_is_a_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("hotlines", data=tmp_path / "nope.json")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr and "nope.json" in result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON at line 1, column 2"),
        ("[]", "is not a kzsupport directory"),
        ('{"services": {"1": {"id": "x"}}}', "has an invalid record x"),
        (b"\xff\xfe\x00junk", "Cannot read the data file"),
    ],
)
def test_invalid_data_file_is_a_clear_error(
    invoke: Invoke, tmp_path: Path, content: str | bytes, expected: str
) -> None:
    path = tmp_path / "broken.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = invoke("find", data=path)
    assert result.exit_code == 1
    assert expected in result.stderr
    assert path.read_bytes() == (content if isinstance(content, bytes) else content.encode())


def test_version_is_given_even_when_the_data_file_is_broken(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"services": {"1": {"id": "x"}}}', encoding="utf-8")
    result = invoke("--version", data=path)
    assert result.exit_code == 1
    assert result.stdout.startswith("kzsupport ") and "has an invalid record x" in result.stderr


def test_errors_are_translated(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "show", "no-such-id", data=MINI)
    assert result.exit_code == 1
    assert "No service with id" not in result.stderr
    assert "no-such-id" in result.stderr


def test_data_path_from_environment(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZSUPPORT_DATA", str(MINI))
    assert "test-112" in invoke("find", "--format", "json").stdout


def test_narrow_terminal_keeps_phone_numbers_whole(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = invoke("hotlines", data=MINI)
    assert "+7 708 106 08 10" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 40


def test_narrow_listing_puts_the_name_first_and_indents_the_rest(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    lines = invoke("find", "--region", "abai", data=MINI).stdout.splitlines()
    name = lines.index("Crisis centre (Semey) (descriptive name)")
    assert lines[name + 1].startswith("  ") and "test-semey-centre" in lines[name + 1]
    assert not any(line.endswith(" ") for line in lines)


def test_ascii_tables_use_no_box_drawing(invoke: Invoke) -> None:
    result = invoke("--ascii", "find", data=MINI)
    assert not any("\u2500" <= c <= "\u257f" for c in result.stdout)


def test_piped_output_has_no_colour_codes(invoke: Invoke) -> None:
    assert "\x1b[" not in invoke("hotlines", data=MINI).stdout


FOOTER_NUMBERS = ("112", "102", "111", "150", "+7 708 106 08 10")


@pytest.mark.parametrize("width", [40, 60, 80, 100])
@pytest.mark.parametrize("args", [["hotlines"], ["find", "--region", "abai"], ["near", "Семей"]])
def test_footer_never_splits_a_phone_number(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, width: int, args: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = invoke(*args, data=MINI).stdout
    footer = out[out.rindex("In danger now") :].splitlines()
    for number in FOOTER_NUMBERS:
        assert any(number in line for line in footer), (number, footer)
    assert max(len(line) for line in footer) <= width
    assert not any(line.endswith(" ") for line in footer)


def test_regions_on_a_narrow_terminal_are_listed_whole(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    lines = invoke("--lang", "ru", "regions").stdout.splitlines()
    assert "…" not in "".join(lines)
    assert "Северо-Казахстанская область" in lines
    assert "  north-kazakhstan · KZ-59" in lines


def test_unknown_id_suggests_the_close_ones(invoke: Invoke) -> None:
    result = invoke("show", "kz-150")
    assert result.exit_code == 1
    assert "No service with id kz-150. Did you mean: kz-national-150?" in result.stderr


@pytest.mark.parametrize("command", ["edit", "log", "verify"])
def test_db_help_examples_use_an_id_that_exists(invoke: Invoke, command: str) -> None:
    from kzsupport import store

    ids = {s.id for s in store.load(None).services}
    help_text = invoke("db", command, "--help").stdout
    example = help_text[help_text.index("Example:") :].split()
    assert [w for w in example if w.startswith("kz-")] and all(
        w in ids for w in example if w.startswith("kz-")
    )


@pytest.mark.parametrize(("typed", "meant"), [("fnid", "find"), ("neer", "near"), ("regoins", "regions")])
def test_a_misspelled_command_gets_a_suggestion(invoke: Invoke, typed: str, meant: str) -> None:
    result = invoke(typed)
    assert result.exit_code == 2
    assert f"No such command '{typed}'. Did you mean: {meant}?" in result.stderr


def test_a_misspelled_command_suggestion_is_translated(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "fnid")
    assert result.exit_code == 2
    assert "Возможно, вы имели в виду: find?" in result.stderr


@pytest.mark.parametrize(
    ("args", "example"),
    [
        (["find", "--lang", "ru"], "kzsupport --lang ru find"),
        (["find", "--lang=kk"], "kzsupport --lang kk find"),
        (["db", "log", "--lang", "ru"], "kzsupport --lang ru db log"),
    ],
)
def test_lang_after_the_command_says_where_it_goes(
    invoke: Invoke, args: list[str], example: str
) -> None:
    result = invoke(*args, prog_name="kzsupport")
    assert result.exit_code == 2
    assert f"--lang goes before the command: {example}" in result.stderr


def test_lang_after_the_command_hint_is_translated(invoke: Invoke) -> None:
    result = invoke("--lang", "kk", "find", "--lang", "ru", prog_name="kzsupport")
    assert "--lang команданың алдында жазылады: kzsupport --lang ru find" in result.stderr


@pytest.mark.parametrize("width", [80, 90, 100, 120])
def test_a_listing_is_a_table_only_where_its_columns_fit_whole(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """With the long contacts of the national lines, rich once squeezed the place column to four
    letters at 80 columns ("Семе|й", "стра|не") and folded ids; now such a listing is blocks."""
    monkeypatch.setenv("COLUMNS", str(width))
    out = invoke("--lang", "ru", "find").stdout  # the bundled data, national lines included
    words = set(out.replace("│", " ").split())
    assert max(len(line) for line in out.splitlines()) <= width
    assert {"стране", "Семей,"} <= words
    assert all(s.id in words for s in store.load().services if visible(s))


def test_show_prints_each_source_link_whole_on_a_line_of_its_own(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link folded into the grid could be neither clicked nor copied; the terminal wraps it now."""
    monkeypatch.setenv("COLUMNS", "60")
    lines = invoke("show", "kz-national-150").stdout.splitlines()  # the bundled record
    service = store.load().by_id("kz-national-150")
    assert service is not None
    links = [s.url for s in service.sources if s.url]
    assert links and all(any(line.strip() == url for line in lines) for url in links)


def test_show_with_an_empty_id_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("show", " ", data=MINI)
    assert result.exit_code == 2 and "Give a record id" in result.stderr
