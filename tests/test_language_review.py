"""What a first-time user in ru and kk saw in English or in our internal words (review findings):
each test pins one behaviour on the bundled data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kzsupport import i18n
from kzsupport.models import in_its_language
from tests.conftest import Invoke


@pytest.fixture
def ru() -> Any:
    i18n.activate("ru")
    yield
    i18n.activate("en")


# 1a: single-language record text is marked -----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        ("no number was test-called", "ru", "[en] no number was test-called"),
        ("no number was test-called", "en", "no number was test-called"),
        ("Кто и как защищает", "en", "[ru] Кто и как защищает"),
        ("Кто и как защищает", "ru", "Кто и как защищает"),
        ("Қазақстанда тұрмыстық", "ru", "[kk] Қазақстанда тұрмыстық"),
        ("2024-09-16", "ru", "2024-09-16"),
    ],
)
def test_a_text_typed_in_one_language_is_marked_with_it_when_not_the_readers(
    value: str, lang: str, shown: str
) -> None:
    assert i18n.text(in_its_language(value), lang) == shown


@pytest.mark.parametrize(
    ("lang", "note"),
    [("ru", "Прочитано 2026-11-22 по архивным публичным копиям"),
     ("kk", "Көрсетілген дереккөздердің мұрағатталған жария көшірмелерінен")],
)
def test_show_gives_the_verification_note_in_the_readers_language(
    invoke: Invoke, lang: str, note: str
) -> None:
    out = " ".join(invoke("--lang", lang, "show", "kz-national-150").stdout.split())
    assert note in out and "[en] Read from" not in out
    assert "· kzsupport" in out and "[en] kzsupport" not in out  # a name is in no language


def test_show_marks_a_source_title_in_another_language(invoke: Invoke) -> None:
    out = invoke("--lang", "ru", "show", "kz-national-150").stdout
    assert "[en] Kazakhstan: information for victims" in out
    assert "[ru] С какими" not in out  # a Russian title is the reader's language


def test_what_a_source_is_is_said_in_the_readers_language_beside_its_title(invoke: Invoke) -> None:
    """The researcher's note on a source ("meeting at the Shymkent trade-union centre") was part of
    its title: English in every language, and it made a Kazakh title read as English."""
    titled = " ".join(invoke("--lang", "ru", "show", "kz-shymkent-bakytty-zhanuya").stdout.split())
    assert "[kk] Тұрмыстық зорлық-зомбылықтың алдын алу (встреча в центре профсоюзов Шымкента)" in titled
    pilot = invoke("--lang", "kk", "show", "kz-turkistan-2017-pilot-support-centres").stdout
    untitled = " ".join(pilot.split())
    assert "(Сайрам ауданындағы орталықтың ашылуы; Оңтүстік Қазақстан облысы әкімінің" in untitled


def test_a_source_title_is_not_transliterated_in_the_latin_view(invoke: Invoke) -> None:
    """A citation must match the document it names: the kk-latn view marks it, keeps its letters."""
    out = " ".join(invoke("--lang", "kk-latn", "show", "kz-semey-crisis-centre").stdout.split())
    assert "[ru] Кризисный центр для жертв домашнего насилия открыли в Семее" in out
    assert "Krizisnyi tsentr" not in out


# 1b: legal citations ----------------------------------------------------------------------------


def test_citation_numbers_are_translated(invoke: Invoke) -> None:
    law = invoke("--lang", "ru", "rules", "show", "protective-measures.2024-law").stdout
    assert "№ 72-VIII (номер не проверен)" in law
    assert "not verified" not in law
    facts = ["-a", "victim_of=domestic_violence", "-a", "low_income=yes", "-a", "age=30"]
    out = invoke("--lang", "ru", "eligibility", *facts, "--as-of", "2025-01-10").stdout
    assert "reg." not in out


def test_a_registration_only_order_is_cited_by_its_registration(ru: Any) -> None:
    from kzsupport.eligibility import Citation, number_text
    from kzsupport.models import Localized

    cited = Citation("x", Localized(en="Order"), None, "2023-07-01", "1", None, None, "high", True,
                     None, registration="33002")
    assert number_text(cited, i18n._) == "рег. № 33002"
    assert number_text(cited._replace(number="263"), i18n._) == "№ 263 (рег. № 33002)"


# 1c: a status in an error is its label ----------------------------------------------------------


def test_sheet_refusal_names_the_status_in_the_language(invoke: Invoke) -> None:
    result = invoke("--lang", "kk", "referral", "kz-nemolchi", "--format", "txt")
    assert result.exit_code == 1
    assert "inactive" not in result.stderr
    assert "жұмыс істемейді" in result.stderr


# 1d, 1e: file errors ----------------------------------------------------------------------------


def test_a_missing_answers_file_is_explained_in_the_language(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "eligibility", "--answers", "/nonexistent/answers.json")
    assert result.exit_code == 2
    assert "такого файла нет" in result.stderr
    assert "No such file" not in result.stderr


def test_a_bad_json_data_file_says_where_in_the_language(invoke: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{a", encoding="utf-8")
    result = invoke("--lang", "ru", "hotlines", data=bad)
    assert result.exit_code == 1
    assert "некорректный JSON в строке 1, столбце 2" in result.stderr
    assert "Expecting" not in result.stderr


def test_a_folder_given_as_the_data_file_is_called_a_file_in_the_language(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("--lang", "ru", "hotlines", data=tmp_path)
    assert result.exit_code == 2
    assert "Файл '" in result.stderr and "File" not in result.stderr


def test_an_unlisted_system_error_keeps_its_own_words_as_a_detail(ru: Any) -> None:
    from kzsupport.errors import file_reason

    assert f"{file_reason(OSError(28, 'No space left on device'))}" == (
        "системная ошибка (No space left on device)"
    )


# 2: no internal research references -------------------------------------------------------------

INTERNAL = re.compile(r"\bseed\b|seed_facts|\b\d{3}:\d{3}\b|\.md\b")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_bundled_records_cite_no_internal_research_file_lines() -> None:
    from kzsupport.store import load

    for service in load().services:
        record = service.to_dict()
        for source in record["sources"]:
            if source["document"] and source["document"].startswith("kzsupport shared research"):
                source["document"] = None  # named as "project research notes" when shown
        found = [s for s in _strings(record) if INTERNAL.search(s)]
        assert found == [], service.id


def test_project_research_notes_are_named_as_such(invoke: Invoke) -> None:
    out = invoke("--lang", "ru", "show", "kz-nemolchi").stdout
    assert "Заметки исследования проекта (не публичный источник)" in out
    assert "kz_services.md" not in out


# 3: an unverified lead claims no status ---------------------------------------------------------


def test_an_unverified_lead_is_not_shown_as_working(invoke: Invoke) -> None:
    out = invoke("--lang", "ru", "show", "kz-almaty-arasha").stdout
    assert "неизвестен (непроверенная зацепка)" in out
    assert "работает" not in out


# 4: region names in sentences -------------------------------------------------------------------


def test_a_region_name_is_not_put_after_the_word_region(invoke: Invoke) -> None:
    out = invoke("--lang", "ru", "place", "50.41,80.25").stdout
    assert "Регион по координатам: область Абай." in out
    assert "в регионе область" not in out


def test_kazakh_near_says_what_the_distance_is_measured_to(invoke: Invoke) -> None:
    out = invoke("--lang", "kk", "near", "Семей", env={"COLUMNS": "200"}).stdout
    assert "қаласына дейінгі қашықтық" in out
    assert "қаласы бойынша" not in out


def test_a_refused_write_has_no_space_before_the_colon() -> None:
    from kzsupport.store_write import WriteRefused
    from kzsupport.validate import ERROR, Problem

    refused = WriteRefused(Path("d.json"), [Problem("kz-x", "schema", ERROR, "Broken.")])
    assert refused.line(refused.problems[0]) == "kz-x: Broken."


# 5: the eligibility answers say what can be typed -----------------------------------------------


def test_a_bad_yes_no_answer_lists_the_words_of_the_language(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "eligibility", "-a", "low_income=может")
    assert result.exit_code == 2
    assert "да, нет или ? (не знаю)" in result.stderr


def test_the_interview_asks_for_a_number_from_its_list(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "eligibility", "--programme", "legal-aid", input="xyz\n")
    assert "Введите номера от 1 до 7 из списка" in result.stderr
    assert "domestic_violence," not in result.stderr


def test_json_output_keeps_the_citation_number_parts(invoke: Invoke) -> None:
    facts = ["-a", "victim_of=domestic_violence", "-a", "low_income=yes", "-a", "age=30"]
    out = json.loads(invoke("eligibility", *facts, "--format", "json").stdout)
    cited = [c for p in out["programmes"] for c in p["citations"]]
    assert all({"number", "number_verified", "registration"} <= c.keys() for c in cited)
