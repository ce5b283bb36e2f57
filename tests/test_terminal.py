"""The real console script in a real process: encodings, pipes, colour."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from kzsupport.render import Indented
from tests.conftest import MINI

SCRIPT = Path(sys.executable).parent / "kzsupport"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("KZSUPPORT", "LC_", "LANG"))}
    environ.update(env)
    return subprocess.run(
        [str(SCRIPT), "--data", str(MINI), *args], capture_output=True, env=environ, check=False
    )


def test_kazakh_on_a_non_utf8_terminal_is_a_clear_message_not_mojibake() -> None:
    result = run("--lang", "kk", "hotlines", PYTHONIOENCODING="latin-1")
    assert result.returncode == 1
    assert b"cannot show Kazakh or Russian letters" in result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stdout == b""


def test_piped_output_is_utf8_without_colour_codes() -> None:
    result = run("--lang", "kk", "hotlines", LANG="C.UTF-8")
    assert result.returncode == 0
    assert "Бірыңғай".encode() in result.stdout
    assert b"\x1b[" not in result.stdout


def test_no_color_is_respected_with_forced_terminal() -> None:
    result = run("hotlines", NO_COLOR="1", FORCE_COLOR="", TERM="xterm-256color")
    assert b"\x1b[3" not in result.stdout


def test_a_table_on_a_colour_terminal_keeps_its_styles() -> None:
    """Headers bold, "source only" bold yellow: a cell's own style is kept when it is drawn."""
    result = run("near", "Семей", FORCE_COLOR="1", COLUMNS="100")
    assert b"\x1b[1mDistance\x1b[0m" in result.stdout
    assert b"\x1b[1;33msource only\x1b[0m" in result.stdout


def test_an_indented_text_keeps_its_own_style() -> None:
    """``Text.render`` leaves a text's own style (not its spans) to the caller: Indented applies it."""
    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=40)
    console.print(Indented(Text("bold words", style="bold")))
    assert console.file.getvalue() == "  \x1b[1mbold words\x1b[0m\n"  # type: ignore[attr-defined]


def test_language_from_lang_variable() -> None:
    result = run("--help", LANG="ru_RU.UTF-8")
    assert "Использование:".encode() in result.stdout


ASCII_TERMINAL = {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
REFUSAL = (
    b"Error: this terminal's character encoding (ascii) cannot show Kazakh or Russian letters.\n"
    b"Use a UTF-8 locale (for example LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8, then try again.\n"
)


@pytest.mark.parametrize(
    "args",
    [["--lang", "kk", "--help"], ["--lang", "ru", "near", "Семей"], ["--lang", "ru", "fnid"],
     ["--lang", "kk-latn", "hotlines"], ["--lang", "ru", "referral", "--near", "Семей", "-o", "x.pdf"]],
)
def test_a_non_english_interface_on_an_ascii_terminal_gets_one_plain_message(args: list[str]) -> None:
    result = run(*args, **ASCII_TERMINAL)
    assert (result.returncode, result.stdout, result.stderr) == (1, b"", REFUSAL)


@pytest.mark.parametrize(
    "args", [["hotlines"], ["find"], ["show", "test-150"], ["near", "Семей"], ["find", "--help"],
             ["fnid"]]
)
def test_english_on_an_ascii_terminal_is_shown_in_ascii(args: list[str]) -> None:
    result = run("--lang", "en", *args, **ASCII_TERMINAL)
    assert result.returncode in (0, 2)
    out = result.stdout + result.stderr
    assert out.isascii() and b"\\u" not in out and b"Traceback" not in out
    assert b"cannot show" not in out


def test_english_footer_on_an_ascii_terminal_keeps_the_numbers() -> None:
    result = run("--lang", "en", "hotlines", **ASCII_TERMINAL)
    assert b"National lines: 112 - 150, WhatsApp +7 708 106 08 10." in result.stdout


def test_a_sheet_written_from_an_ascii_terminal_says_so(tmp_path: Path) -> None:
    sheet = tmp_path / "c.pdf"
    result = run("--lang", "en", "referral", "--near", "Семей", "-o", str(sheet), **ASCII_TERMINAL)
    assert result.returncode == 0 and sheet.exists()
    assert f"Sheet written to {sheet}.".encode() in result.stderr


@pytest.mark.parametrize(
    "args",
    [["hotlines", "--format", "json"], ["find", "--format=csv"], ["db", "export"],
     ["db", "export", "-o", "-"], ["db", "export", "--output=-", "--format", "csv"]],
)
def test_json_or_csv_on_an_ascii_terminal_is_refused_not_corrupted(args: list[str]) -> None:
    """English text shown in ASCII turns a Cyrillic letter into "?": harmless on screen, silent
    corruption in data a script or an import reads."""
    result = run("--lang", "en", *args, **ASCII_TERMINAL)
    assert (result.returncode, result.stdout, result.stderr) == (1, b"", REFUSAL)


def test_an_export_to_a_file_from_an_ascii_terminal_is_whole_utf8(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    result = run("--lang", "en", "db", "export", "-o", str(out), **ASCII_TERMINAL)
    assert result.returncode == 0
    assert "Семей" in out.read_text(encoding="utf-8")


def test_what_was_written_is_green_and_a_warning_yellow(tmp_path: Path) -> None:
    out = tmp_path / "services.csv"
    written = run("db", "export", "--format", "csv", "-o", str(out), FORCE_COLOR="1")
    assert written.returncode == 0
    assert b"\x1b[32mWrote " in written.stderr
    package = run("db", "export", "--format", "hsds", "-o", str(tmp_path / "hsds"), FORCE_COLOR="1")
    assert package.returncode == 0 and b"\x1b[32mWrote an HSDS" in package.stderr
    refused = run("near", "Семй", FORCE_COLOR="1")
    assert b"\x1b[33m" in refused.stderr and b"\x1b[32m" not in refused.stderr
