"""Languages: resolution order, visible fallback, catalogs complete and in step, help in every language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kzsupport import i18n
from kzsupport.models import Localized
from tests.conftest import Invoke

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        ("ru", {"KZSUPPORT_LANG": "kk"}, "ru"),
        (None, {"KZSUPPORT_LANG": "kk-latn", "LANG": "ru_RU.UTF-8"}, "kk-latn"),
        (None, {"LANGUAGE": "kk_KZ:ru", "LANG": "en_US.UTF-8"}, "kk"),
        (None, {"LANG": "ru_KZ.UTF-8"}, "ru"),
        (None, {"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {}, "en"),
        ("KK_Latn", {}, "kk-latn"),
    ],
)
def test_language_resolution_order(explicit: str | None, env: dict[str, str], expected: str) -> None:
    assert i18n.resolve(explicit, env) == expected


def test_missing_language_falls_back_visibly() -> None:
    value = Localized(kk=None, ru="Кризисный центр", en="Crisis centre")
    assert i18n.text(value, "kk") == "[ru] Кризисный центр"
    assert i18n.text(value, "en") == "Crisis centre"


def test_kazakh_latin_content_is_transliterated_kazakh() -> None:
    assert i18n.text(Localized(kk="Қостанай", ru="Костанай", en="Kostanay"), "kk-latn") == "Qostanai"


def test_distances_and_numbers_follow_the_language() -> None:
    assert i18n.fmt_distance_km(2.54, "ru") == "2,5 км"
    assert i18n.fmt_distance_km(2.54, "en") == "2.5 km"
    assert i18n.fmt_number(1234567, "kk") == "1\xa0234\xa0567"


DISTANCES = [0, 0.05, 0.1, 0.96, 1, 2.54, 9.94, 9.96, 10, 10.5, 11.5, 99.5, 999.4, 1000, 1234.5, 2950]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_distances_and_numbers_are_written_as_babel_writes_them(lang: str) -> None:
    """data/cldr.json holds babel's CLDR symbols (scripts/build_cldr.py); the output must stay what
    babel itself gives, for every language and magnitude."""
    from babel.numbers import format_decimal
    from babel.units import format_unit

    locale = i18n.BABEL_LOCALES[lang]
    for km in DISTANCES:
        rounded = round(km, 1) if km < 10 else round(km)
        expected = format_unit(rounded, "length-kilometer", length="short", locale=locale)
        assert i18n.fmt_distance_km(km, lang) == i18n.latinize(expected, lang), km
    for value in (0, 7, 42, 100, 999, 1000, 65432, 1234567, -15, 3.5, 0.125):
        assert i18n.fmt_number(value, lang) == i18n.latinize(format_decimal(value, locale=locale), lang)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_dates_are_written_as_babel_writes_them(lang: str) -> None:
    """Every day of a leap year and the next, in the medium form babel gives (data/cldr.json)."""
    from datetime import date, timedelta

    from babel.dates import format_date

    locale = i18n.BABEL_LOCALES[lang]
    day = date(2024, 1, 1)
    while day.year < 2026:
        expected = i18n.latinize(format_date(day, format="medium", locale=locale), lang)
        assert i18n.fmt_date(day, lang) == expected
        assert i18n.fmt_date(day.isoformat(), lang) == expected
        day += timedelta(days=1)
    assert i18n.fmt_date("2024-09", lang) == "2024-09"


def test_catalogs_are_complete_and_in_step_with_the_code() -> None:
    """Every kk and ru msgid translated, placeholders kept, .po in step, committed .mo compiled."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("lang", "usage", "help_text"),
    [
        ("kk", "Қолданылуы:", "Осы хабарламаны көрсетіп, шығу."),
        ("ru", "Использование:", "Показать это сообщение и выйти."),
        ("kk-latn", "Qoldanyluy:", "Osy habarlamany körsetıp, şyğu."),
        ("en", "Usage:", "Show this message and exit."),
    ],
)
def test_help_renders_in_each_language(invoke: Invoke, lang: str, usage: str, help_text: str) -> None:
    result = invoke("--lang", lang, "find", "--help")
    assert result.exit_code == 0
    assert usage in result.stdout
    assert help_text in result.stdout


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_command_help_is_translated(invoke: Invoke, lang: str) -> None:
    english = invoke("find", "--help").stdout
    translated = invoke("--lang", lang, "find", "--help").stdout
    assert "Search services by words" in english
    assert "Search services by words" not in translated
    assert "Only this region" not in translated


def test_language_from_environment(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZSUPPORT_LANG", "ru")
    assert "Использование:" in invoke("--help").stdout


def test_every_error_message_is_marked_for_translation() -> None:
    """A message given to one of our errors as a bare string would never reach the catalogs, and a
    Russian or Kazakh user would read it in English."""
    import ast

    package = Path(__file__).resolve().parent.parent / "kzsupport"
    errors = {"KzSupportError", "BadInput", "click.UsageError", "UsageError", "click.BadParameter"}
    bare = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and ast.unparse(node.func) in errors:
                first = node.args[0]
                parts = first.values if isinstance(first, ast.JoinedStr) else [first]
                words = [p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)]
                if any(any(ch.isalpha() for ch in w) for w in words):  # joining translated parts is fine
                    bare.append(f"{path.relative_to(package.parent)}:{node.lineno}")
    assert bare == []


@pytest.mark.parametrize(
    ("lang", "args", "expected"),
    [
        ("ru", ["db", "add", "--help"], ["[ПАРАМЕТРЫ]", "--from ИМЯ_ФАЙЛА", "--set ПОЛЕ=ЗНАЧЕНИЕ"]),
        ("ru", ["eligibility", "--help"], ["--answer КЛЮЧ=ЗНАЧЕНИЕ", "--answers ФАЙЛ.json", "--near МЕСТО"]),
        ("kk", ["near", "--help"], ["[ПАРАМЕТРЛЕР] АТАУ_НЕМЕСЕ_КООРДИНАТТАР", "--region ӨҢІР"]),
        ("kk", ["find", "--help"], ["[МӘТІН]", "--region ӨҢІР"]),
        ("ru", ["db", "diff", "--help"], ["СТАРЫЙ НОВЫЙ"]),
        ("ru", ["db", "verify", "--help"], ["--date ГГГГ-ММ-ДД"]),
    ],
)
def test_help_metavars_follow_the_language(
    invoke: Invoke, lang: str, args: list[str], expected: list[str]
) -> None:
    out = invoke("--lang", lang, *args).stdout
    for metavar in expected:
        assert metavar in out


@pytest.mark.parametrize(("lang", "args", "expected"), [
    ("kk", ["near"], "'АТАУ_НЕМЕСЕ_КООРДИНАТТАР'"),
    ("ru", ["db", "diff"], "'СТАРЫЙ'"),
    ("ru", ["eligibility", "-a", "low_income"], "Ожидалось КЛЮЧ=ЗНАЧЕНИЕ"),
])
def test_errors_name_arguments_as_the_usage_line_does(
    invoke: Invoke, lang: str, args: list[str], expected: str
) -> None:
    """Click wrote "Missing argument 'NAME_OR_COORDS'" under a usage line that translated it."""
    result = invoke("--lang", lang, *args, catch=True)
    assert result.exit_code == 2 and expected in result.stderr


@pytest.mark.parametrize(("lang", "args"), [("ru", ["db", "stale"]), ("kk", ["rules", "list"]),
                                            ("kk-latn", ["rules", "list"])])
def test_help_never_breaks_a_line_inside_a_hyphenated_word(
    invoke: Invoke, lang: str, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """textwrap broke "--older-" / "than" (an option no one could then type) and "тексерілген-"."""
    monkeypatch.setenv("COLUMNS", "80")
    lines = invoke("--lang", lang, *args, "--help").stdout.splitlines()
    assert [line for line in lines if re.search(r"\w-$", line)] == []
