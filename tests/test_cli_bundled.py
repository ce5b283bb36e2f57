"""The commands of issue 2 on the real bundled data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke


def test_kazakh_find_in_almaty_lists_sourced_records_marked_without_contact(invoke: Invoke) -> None:
    result = invoke("--lang", "kk", "find", "--region", "almaty", "--format", "json")
    services = json.loads(result.stdout)["services"]
    assert services and all(s["region"] == "almaty" for s in services)
    assert all(s["sources"] and s["verification"]["status"] == "source_only" for s in services)
    table = invoke("--lang", "kk", "find", "--region", "almaty").stdout
    assert "Тексерілген байланыс жоқ" in table  # "no verified contact" in Kazakh
    assert "«Жан-Сая» дағдарыс орталығы" in table


def test_russian_hotlines_json_starts_with_112_and_102(invoke: Invoke) -> None:
    data = json.loads(invoke("--lang", "ru", "hotlines", "--format", "json").stdout)
    numbers = [s["phones"][0]["number"] for s in data["services"]]
    assert numbers[:4] == ["112", "102", "111", "150"]
    one_fifty = next(s for s in data["services"] if s["phones"][0]["number"] == "150")
    assert "+77081060810" in [p["number"] for p in one_fifty["phones"]]
    assert all(s["name"]["kk"] and s["name"]["ru"] and s["name"]["en"] for s in data["services"])


def test_kazakh_latin_regions(invoke: Invoke) -> None:
    out = invoke("--lang", "kk-latn", "regions").stdout
    for name in ("Abai oblysy", "Şymkent", "Almaty", "Ūlytau oblysy", "Türkıstan oblysy"):
        assert name in out


def test_hotlines_leave_out_lines_that_cannot_be_called(invoke: Invoke) -> None:
    data = json.loads(invoke("hotlines", "--format", "json").stdout)
    assert all(s["phones"] for s in data["services"])
    assert all(s["status"] == "active" for s in data["services"])


def test_unverified_leads_hidden_by_default(invoke: Invoke) -> None:
    default = json.loads(invoke("find", "--format", "json").stdout)["services"]
    everything = json.loads(invoke("find", "--all", "--format", "json").stdout)["services"]
    assert not any(s["verification"]["status"] == "unverified" for s in default)
    assert any(s["verification"]["status"] == "unverified" for s in everything)


def test_version_reports_data_date_count_and_geonames_credit(invoke: Invoke) -> None:
    out = invoke("--version").stdout
    assert "2026-11-22" in out and "49 records" in out and "GeoNames" in out


def test_russian_hotlines_say_24_7_once(invoke: Invoke) -> None:
    out = " ".join(invoke("--lang", "ru", "hotlines").stdout.split())
    assert "круглосуточно, без выходных" in out
    assert "Круглосуточно" not in out  # the records' own "24/7" is not repeated after the label


def test_whatsapp_of_119_is_shown_grouped(invoke: Invoke) -> None:
    lines = [line.strip() for line in invoke("hotlines").stdout.splitlines()]
    assert "+7 708 693 56 31" in lines and "+77086935631" not in lines  # the number's own line


def test_near_gives_no_distance_for_a_service_known_only_by_its_region(invoke: Invoke) -> None:
    """The Korday district centre has no town in its record: measured to Taraz, it showed 272 km
    from Korday itself."""
    data = json.loads(invoke("near", "Korday", "--format", "json").stdout)
    korday = next(s for s in data["services"] if s["service"]["id"] == "kz-zhambyl-korday")
    assert korday["placed_by"] == "region_centre"
    table = invoke("near", "Korday", env={"COLUMNS": "160"}).stdout
    row = next(line for line in table.splitlines() if "Korday district crisis centre" in line)
    assert row.split("│")[1].strip() == "?"
    assert "place in the region not known" in table


@pytest.mark.parametrize(("typed", "new"), [("ВКО", "Abai Region (centre: Semey)"),
                                            ("almaty-region", "Jetisu Region (centre: Taldykorgan)"),
                                            ("karaganda", "Ulytau Region (centre: Zhezkazgan)")])
def test_find_in_a_region_split_in_2022_says_where_the_rest_went(invoke: Invoke, typed: str,
                                                                 new: str) -> None:
    result = invoke("find", "--region", typed)
    assert result.exit_code == 0
    assert f"{new} was part of" in " ".join(result.stderr.split())
    assert "until 2022" in result.stderr


def test_find_in_a_region_that_lost_nothing_says_nothing_of_it(invoke: Invoke) -> None:
    assert "was part of" not in invoke("find", "--region", "abai").stderr


def test_find_by_a_place_name_that_no_record_spells_points_to_near(invoke: Invoke) -> None:
    result = invoke("find", "Семипалатинск")
    assert "Nothing found" in result.stderr
    assert "use kzsupport near Семипалатинск" in " ".join(result.stderr.split())
    assert "is a place" not in invoke("find", "zzzzq").stderr


@pytest.mark.parametrize("width", [40, 46, 60])
def test_show_keeps_a_number_in_a_description_on_one_line(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """The 119 record's description gives "8 (7172) 58-00-58": rich would break it at any space."""
    monkeypatch.setenv("COLUMNS", str(width))
    out = invoke("--lang", "ru", "show", "kz-national-legal-info-119").stdout
    about = out[: out.index("Где")]
    assert "8 (7172) 58-00-58" in about
    assert max(len(line) for line in about.splitlines()) <= width  # (a source link is left whole)


@pytest.mark.parametrize("lang", ["kk", "kk-latn", "ru", "en"])
@pytest.mark.parametrize("width", [40, 60, 80, 90])
def test_hotlines_keep_a_number_in_a_description_on_one_line(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, lang: str, width: int
) -> None:
    """The indented blocks of hotlines (and near, db stale) wrapped "8 (7172)" / "58-00-58"."""
    monkeypatch.setenv("COLUMNS", str(width))
    lines = invoke("--lang", lang, "hotlines").stdout.splitlines()
    assert sum("8 (7172) 58-00-58" in line for line in lines) == 2  # the number, the description
    assert max(len(line) for line in lines) <= width


def test_every_record_without_a_number_says_whom_to_call(invoke: Invoke) -> None:
    found = json.loads(invoke("find", "--all", "--format", "json").stdout)["services"]
    silent = [r["id"] for r in found if not r["phones"]]
    assert silent
    for service_id in silent:
        shown = " ".join(invoke("show", service_id).stdout.split())
        assert "No verified contact: call 111, 150 or 102" in shown, service_id


def test_a_kind_served_by_a_national_line_names_it_beside_the_distant_local_services(
    invoke: Invoke,
) -> None:
    """No legal aid is listed near Semey: the nearest "of these kinds" is a police station in another
    region, so the national legal-aid line 119 is named too (102 is in every footer already)."""
    result = invoke("near", "Семей", "--type", "legal_aid", "--type", "police")
    hint = " ".join(result.stderr.split())
    assert "National lines of this kind: 119, 8 (7172) 58-00-58," in hint
    assert "102" not in hint
    assert "Women's police station (Karaganda)" in result.stdout
    outcome = invoke("eligibility", "--programme", "legal-aid", "-a", "victim_of=domestic_violence",
                     "-a", "citizen=yes", "--near", "Семей")
    assert "National lines of this kind: 1414, 119," in " ".join(outcome.stderr.split())  # and gov. info
    assert "Women's police station (Karaganda)" in outcome.stdout
    sheet = invoke("referral", "--near", "Семей", "--type", "legal_aid", "--type", "police")
    assert "National lines of this kind: 119, 8 (7172) 58-00-58," in " ".join(sheet.stderr.split())


def test_nothing_found_suggests_dropping_only_what_was_given(invoke: Invoke) -> None:
    """"Try without --radius or --type" to someone who gave neither sends them looking for options."""
    hint = " ".join(invoke("near", "Семей", "--type", "child_rights").stderr.split())
    assert "Try without --type, or call a national line." in hint
    assert "--radius" not in hint
    hint = " ".join(invoke("near", "Семей", "--type", "shelter", "--radius", "5").stderr.split())
    assert "Try without --radius / --type" in hint
    # helplines are national: near lists local services, so it names the national ones instead
    hint = " ".join(invoke("near", "Семей", "--type", "hotline").stderr.split())
    assert "national lines of this kind: 111, 150, WhatsApp +7 708 106 08 10." in hint
    assert "Widen the search: fewer words." in invoke("find", "zzzz").stderr
    wide = " ".join(invoke("find", "zzzz", "--type", "shelter", "--region", "abai").stderr.split())
    assert "fewer words, no --type, another region." in wide


def test_a_sheet_for_a_kind_a_national_line_serves_carries_that_line(
    invoke: Invoke, tmp_path: Path
) -> None:
    """Legal aid near Semey: no local legal aid, and the sheet gave only 112, 102, 111 and 150; the
    legal-aid line 119 was named on screen but not on paper."""
    asked = invoke("referral", "--near", "Семей", "--type", "legal_aid", "--format", "txt").stdout
    assert "119, +7 (7172) 58-00-58" in asked
    assert "119" not in invoke("referral", "--near", "Семей", "--format", "txt").stdout  # not asked for
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"victim_of": "domestic_violence", "citizen": "yes"}), encoding="utf-8")
    entitled = invoke("referral", "--near", "Семей", "--eligibility", str(answers), "--format", "txt")
    assert "119, +7 (7172) 58-00-58" in entitled.stdout  # legal aid is among the outcomes
