"""Wording helpers shared by the terminal views and the sheets."""

from __future__ import annotations

import pytest

from kzsupport.labels import hours_note


@pytest.mark.parametrize(
    ("note", "rest"),
    [
        ("Круглосуточно", ""),
        ("24/7", ""),
        ("Тәулік бойы (дереккөз бойынша)", "(дереккөз бойынша)"),
        ("Täulık boiy (derekköz boiynşa)", "(derekköz boiynşa)"),
        ("Круглосуточно: по данным МИД", "по данным МИД"),
        ("Round the clock (according to the source)", "(according to the source)"),
        ("[ru] Круглосуточно (по данным источника)", "[ru] (по данным источника)"),
        ("[ru] Круглосуточно", ""),
        ("Пн–Пт 9:00–18:00", "Пн–Пт 9:00–18:00"),
    ],
)
def test_hours_note_drops_the_record_own_24_7(note: str, rest: str) -> None:
    assert hours_note(note) == rest
