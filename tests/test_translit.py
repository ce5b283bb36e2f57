"""The Kazakh Cyrillic to 2021 Latin table."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzsupport.translit import to_latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Қарағанды", "Qarağandy"),
        ("Өскемен", "Öskemen"),
        ("Шымкент", "Şymkent"),
        ("Түркістан", "Türkıstan"),
        ("Жезқазған", "Jezqazğan"),
        ("Маңғыстау облысы", "Mañğystau oblysy"),
        ("Ұлытау", "Ūlytau"),
        ("Іле", "Ile"),
        ("Ирина", "İrina"),
        ("ЦЕНТР", "TSENTR"),
        ("Цех", "Tseh"),
        ("Һ", "H"),
        ("Ақтөбе 2024!", "Aqtöbe 2024!"),
    ],
)
def test_known_words_follow_the_2021_table(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_every_kazakh_letter_has_a_latin_form() -> None:
    letters = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
    for letter in letters:
        for form in (letter, letter.upper()):
            assert not any("\u0400" <= c <= "\u04ff" for c in to_latin(form)), form


def test_region_names_match_the_research_latin_forms() -> None:
    units = json.loads((files("kzsupport.data") / "regions.json").read_text("utf-8"))["units"]
    for unit in units:
        assert to_latin(unit["names"]["kk"]) == unit["names"]["kk_latn"]
        assert to_latin(unit["centre"]["names"]["kk"]) == unit["centre"]["names"]["kk_latn"]


@given(st.text())
def test_non_cyrillic_text_passes_through(text: str) -> None:
    plain = "".join(c for c in text if not ("\u0400" <= c <= "\u04ff"))
    assert to_latin(plain) == plain
