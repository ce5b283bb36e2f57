"""Full-text search (``directory.search``) on the bundled directory: words match the start of words."""

from __future__ import annotations

import pytest

from kzsupport import directory, store
from kzsupport.models import Directory
from kzsupport.textfold import fold_word


@pytest.fixture(scope="module")
def bundled() -> Directory:
    return store.load(None)


def ids(d: Directory, text: str) -> list[str]:
    return [s.id for s in directory.search(d, text)]


@pytest.mark.parametrize("text", ["zzzz", "xx", "ййй", "z", "аа"])
def test_letter_runs_and_stray_letters_find_nothing(bundled: Directory, text: str) -> None:
    assert ids(bundled, text) == []


@pytest.mark.parametrize("text", ["shelter", "приют", "баспана", "baspana"])
def test_the_name_of_a_type_finds_every_record_of_that_type(bundled: Directory, text: str) -> None:
    shelters = {s.id for s in directory.search(bundled, types=["shelter"])}
    assert len(shelters) >= 5 and shelters <= set(ids(bundled, text))


@pytest.mark.parametrize("text", ["NGO", "НПО", "ҮЕҰ", "Non-governmental"])
def test_an_abbreviation_of_a_type_finds_its_records(bundled: Directory, text: str) -> None:
    ngos = {s.id for s in directory.search(bundled, types=["ngo"])}
    assert ngos and ngos <= set(ids(bundled, text))


@pytest.mark.parametrize(("typed", "written"), [("насилие", "насилия"), ("кризисные", "кризисный"),
                                                 ("центры", "центр"), ("бытовое", "бытового"),
                                                 ("насилием", "насилия"), ("кризисных", "кризисный"),
                                                 ("центров", "центр"), ("shelters", "shelter")])
def test_a_russian_word_is_found_in_another_of_its_forms(bundled: Directory, typed: str,
                                                         written: str) -> None:
    assert ids(bundled, written) and set(ids(bundled, written)) <= set(ids(bundled, typed))


def test_a_word_matches_the_start_of_a_word_not_its_middle(bundled: Directory) -> None:
    assert "kz-kostanay-adaptation-centre" in ids(bundled, "Qostan")
    assert ids(bundled, "ostanai") == []


@pytest.mark.parametrize(("american", "british"), [("crisis center", "crisis centre"),
                                                   ("programs", "programmes"), ("counseling", "counselling")])
def test_american_spelling_finds_the_british_texts(bundled: Directory, american: str, british: str) -> None:
    assert ids(bundled, british) and set(ids(bundled, british)) <= set(ids(bundled, american))


def test_american_spelling_still_finds_a_name_spelled_that_way(bundled: Directory) -> None:
    [centers] = [s for s in bundled.services if "Centers" in (s.name.en or "")][:1]
    assert centers.id in ids(bundled, "crisis centers") and centers.id in ids(bundled, "center")


@pytest.mark.parametrize(("place", "elsewhere"), [("Актас", "aktau"), ("Кентау", "kushoky"),
                                                  ("Карасай", "karaganda"), ("Тайынша", "almaty")])
def test_a_place_name_does_not_find_another_towns_services(bundled: Directory, place: str,
                                                          elsewhere: str) -> None:
    assert not [i for i in ids(bundled, place) if elsewhere in i]


@pytest.mark.parametrize("text", ["Қостанай", "Костанай", "Qostanai", "Kostanay"])
def test_every_script_finds_the_same_records(bundled: Directory, text: str) -> None:
    assert ids(bundled, text) == ids(bundled, "Қостанай") != []


def test_a_one_letter_word_matches_only_that_whole_word(bundled: Directory) -> None:
    found = directory.search(bundled, "a")
    assert found and all("a" in directory._haystack(s, bundled)[1] for s in found)


def test_repeated_digits_stay_a_different_number(bundled: Directory) -> None:
    assert fold_word("111") == "111" and fold_word("ааа") == "a"
    found = ids(bundled, "111")
    assert found[0] == "kz-national-111"
    assert "kz-national-112" not in found and "kz-national-102" not in found


@pytest.mark.parametrize(
    "text", ["+77081060810", "77081060810", "87081060810", "7081060810", "8 708 106 08 10"]
)
def test_a_phone_number_is_found_as_people_dial_it(bundled: Directory, text: str) -> None:
    assert ids(bundled, text) == ["kz-national-150"]
