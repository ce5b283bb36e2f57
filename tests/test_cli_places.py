"""kzsupport place / near: output formats, ambiguity, errors, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Invoke = Callable[..., Result]
MINI = Path(__file__).parent / "fixtures" / "mini_directory.json"


def test_place_explains_an_exact_match(invoke: Invoke) -> None:
    result = invoke("place", "Семипалатинск")
    assert result.exit_code == 0
    assert "Semey" in result.stdout and "KZ-10" in result.stdout
    assert result.stderr == ""


def test_place_json_has_place_region_and_iso(invoke: Invoke) -> None:
    result = invoke("place", "Öskemen", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["status"], data["region"], data["iso"]) == ("exact", "east-kazakhstan", "KZ-63")


def test_place_json_lists_every_candidate_of_an_ambiguous_name(invoke: Invoke) -> None:
    result = invoke("place", "Актау", "--format", "json")
    data = json.loads(result.stdout)
    assert data["status"] == "ambiguous" and data["region"] is None
    assert {"mangystau", "karaganda"} <= {c["region"]["id"] for c in data["candidates"]}


def test_place_unknown_exits_1_with_a_message(invoke: Invoke) -> None:
    result = invoke("place", "xqzzv")
    assert result.exit_code == 1
    assert "No place matches xqzzv" in result.stderr


def test_place_outside_kazakhstan_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("place", "55.75,37.62")
    assert result.exit_code == 2
    assert "outside Kazakhstan" in result.stderr


def test_near_lists_services_then_national_lines(invoke: Invoke) -> None:
    result = invoke("near", "Семей", data=MINI)
    assert result.exit_code == 0
    assert "test-semey-centre" in result.stdout
    assert result.stdout.index("test-semey-centre") < result.stdout.index("In danger now")
    assert "city" in result.stdout  # placed by its city, and the table says so


def test_near_a_place_without_coordinates_measures_from_its_region_centre(invoke: Invoke) -> None:
    result = invoke("near", "Аксуатский район", data=MINI)
    assert result.exit_code == 0
    assert "distances are from Semey, the region centre" in result.stderr
    assert "test-semey-centre" in result.stdout


def test_near_says_when_the_region_has_none_of_the_type(invoke: Invoke) -> None:
    result = invoke("near", "Семей", "--type", "ngo", data=MINI)
    assert result.exit_code == 0
    assert "No services of this kind in Abai Region" in result.stderr
    assert "test-markup" in result.stdout


def test_near_ambiguous_without_a_terminal_asks_for_region(invoke: Invoke) -> None:
    result = invoke("near", "Актау", data=MINI)
    assert result.exit_code == 1
    assert "--region" in result.stderr


def test_near_ambiguous_json_lists_every_candidate_then_fails(invoke: Invoke) -> None:
    result = invoke("near", "Актау", "--format", "json", data=MINI)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["place"] is None and data["services"] == []
    assert {"mangystau", "karaganda"} <= {c["region"]["id"] for c in data["resolution"]["candidates"]}


def test_near_region_disambiguates(invoke: Invoke) -> None:
    result = invoke("near", "Актау", "--region", "mangystau", "--format", "json", data=MINI)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["region"], data["iso"]) == ("mangystau", "KZ-47")
    assert data["place"]["names"]["ru"] == "Актау"
    assert [s["id"] for s in data["national"]] == ["test-112", "test-150"]


def test_near_csv_has_distances(invoke: Invoke) -> None:
    result = invoke("near", "50.41,80.25", "--format", "csv", data=MINI)
    assert result.exit_code == 0
    header, first = result.stdout.splitlines()[:2]
    assert header.startswith("distance_km,id")
    assert header.endswith("verification,verification_date")  # an unverified lead says so
    assert first.split(",")[1] == "test-semey-centre"


def test_near_distances_follow_the_language(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "near", "Алматы", data=MINI)
    assert result.exit_code == 0
    assert "км" in result.stdout


def test_near_ambiguous_on_a_terminal_lets_the_user_pick(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kzsupport.cli.places._stdin_is_terminal", lambda: True)
    result = invoke("near", "Актау", "--format", "json", data=MINI, input="1\n")
    assert result.exit_code == 0
    data = json.loads(result.stdout[result.stdout.index("{") :])
    assert data["resolution"]["status"] == "ambiguous"
    assert (data["region"], data["iso"]) == ("mangystau", "KZ-47")
    assert "1. Aktau" in result.stderr


def test_near_explains_an_ambiguous_name_once_when_the_user_picks(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kzsupport.cli.places._stdin_is_terminal", lambda: True)
    result = invoke("near", "Актау", data=MINI, input="1\n")
    assert result.exit_code == 0
    assert result.stderr.count("matches") == 1, result.stderr


def test_near_with_nothing_in_the_radius_does_not_announce_services_elsewhere(invoke: Invoke) -> None:
    result = invoke("near", "Oskemen", "--radius", "50")
    assert result.exit_code == 0
    assert "Nothing found nearby" in result.stderr
    assert "The nearest in other regions" not in result.stderr


def test_every_place_kind_and_placement_has_a_label() -> None:
    from kzsupport import geo, places, render_places

    assert set(render_places.PLACE_KINDS) == set(places.PLACE_KINDS)
    assert set(render_places.PLACED_BY) == set(geo.PLACED_BY)


@pytest.mark.parametrize("args", [("near", "  "), ("place", ""), ("place", " ", "--format", "json")])
def test_empty_place_asks_for_a_name(invoke: Invoke, args: tuple[str, ...]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "Type a place name or coordinates" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["place", "near"])
def test_suggestions_name_each_place_once_in_the_interface_language(invoke: Invoke, command: str) -> None:
    result = invoke("--lang", "ru", command, "Смй", data=MINI)
    assert result.exit_code == 1
    suggested = next(line for line in result.stderr.splitlines() if "Семей" in line)
    assert suggested.count("Семей") == 1 and "Semey" not in suggested


def test_a_place_in_another_region_says_which_region_it_is_in(invoke: Invoke) -> None:
    result = invoke("near", "Семей", "--region", "almaty", data=MINI)
    assert result.exit_code == 1
    assert "Semey is in Abai Region, not in Almaty." in result.stderr


def test_coordinates_name_the_nearest_place_in_the_interface_language(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "place", "50.41,80.25")
    assert result.exit_code == 0
    assert "населённый пункт — Семей" in result.stdout and "Semey" not in result.stdout
    assert "[en]" not in result.stdout  # coordinates are the same in every language


def test_ambiguous_choices_are_distinct_and_counted_as_listed(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kzsupport.cli.places._stdin_is_terminal", lambda: True)
    result = invoke("near", "Актау", "--format", "csv", data=MINI, input="1\n")
    choices = [line for line in result.stderr.splitlines() if line[:1].isdigit()]
    assert len(choices) == len(set(line.split(". ", 1)[1] for line in choices)) >= 3
    assert f"Актау matches {len(choices)} places in different regions" in result.stderr


def test_negative_coordinates_get_an_error_that_explains_the_minus(invoke: Invoke) -> None:
    result = invoke("near", "-43.25,76.95")
    assert result.exit_code == 2
    assert "-43.25,76.95 starts with - and so reads as an option" in result.stderr
    assert "Put -- before" in result.stderr


def test_a_mistyped_option_is_still_no_such_option(invoke: Invoke) -> None:
    result = invoke("near", "Семей", "--lmit", "3", data=MINI)
    assert result.exit_code == 2 and "No such option" in result.stderr


def test_place_on_a_narrow_terminal_lists_candidates_whole(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = invoke("place", "Усть-Каменогорск")
    lines = result.stdout.splitlines()
    assert "…" not in result.stdout
    assert "1. Oskemen (settlement)" in lines
    assert "  49.9714, 82.6059" in lines and "  Усть-Каменогорск (name)" in lines
    assert max(len(line) for line in lines) <= 40


def test_a_name_two_places_share_in_one_region_says_which_one_is_used(invoke: Invoke) -> None:
    result = invoke("near", "Актау", "--region", "karaganda")
    assert result.exit_code == 0
    stderr = " ".join(result.stderr.split())
    assert "2 places of this name in Karaganda Region: this is the one at 48.0333, 72.8333." in stderr
    assert "places of this name" not in invoke("near", "Семей").stderr


@pytest.mark.parametrize("width", [60, 80, 95, 100, 120])
@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_place_keeps_region_ids_whole_and_never_crops_its_table(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, width: int, lang: str
) -> None:
    """Rich shared out the columns so that west-kazak|hstan was folded, or a table cropped at the right."""
    monkeypatch.setenv("COLUMNS", str(width))
    lines = invoke("--lang", lang, "place", "Уральск").stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "west-kazakhstan" in " ".join(lines).replace("│", " ").split()
    assert all(line.endswith(("╮", "│", "┤", "╯")) for line in lines if line.startswith(("╭", "│", "╰")))


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_near_keeps_each_word_of_a_place_whole(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, width: int, lang: str
) -> None:
    """Rich's layout gave the Where column less than its minimum at 80 columns and folded the comma
    of "Taldykorgan," onto a line of its own."""
    monkeypatch.setenv("COLUMNS", str(width))
    out = invoke("--lang", lang, "near", "Семей").stdout
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert not any(line.split("│")[3].strip().startswith(",") for line in lines if line.count("│") == 5)
    assert {"Taldykorgan,", "Талдыкорган,", "Талдықорған,"} & set(out.replace("│", " ").split())


@pytest.mark.parametrize("lang", ["en", "kk", "kk-latn"])
def test_every_line_of_a_table_is_as_wide_as_its_box(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """render.Grid pads each cell to its column: the right-hand rule lines up on every line."""
    monkeypatch.setenv("COLUMNS", "100")
    for args in (["near", "Семей"], ["place", "Актау"]):
        lines = invoke("--lang", lang, *args).stdout.splitlines()
        box = [line for line in lines if line[:1] in "╭│├╰"]
        assert len(box) > 5 and len({len(line) for line in box}) == 1, args


@pytest.mark.parametrize(("args", "expected"), [
    (["--limit", "abc"], "'abc' не является допустимым значением: нужно целое число."),
    (["--radius", "x"], "'x' не является допустимым значением: нужно число."),
])
def test_a_value_that_is_no_number_is_named_in_the_user_language(invoke: Invoke, args: list[str],
                                                                  expected: str) -> None:
    """Click names these types "integer range" and "float range" in every language."""
    result = invoke("--lang", "ru", "near", "Семей", *args)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_a_radius_takes_a_decimal_comma(invoke: Invoke) -> None:
    """Russian and Kazakh write 1,5 for 1.5."""
    comma = invoke("near", "Семей", "--radius", "1,5", "--format", "json", data=MINI)
    point = invoke("near", "Семей", "--radius", "1.5", "--format", "json", data=MINI)
    assert comma.exit_code == 0 and comma.stdout == point.stdout
