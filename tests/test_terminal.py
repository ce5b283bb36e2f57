"""The real console script in a real process: encodings, pipes, colour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_language_from_lang_variable() -> None:
    result = run("--help", LANG="ru_RU.UTF-8")
    assert "Использование:".encode() in result.stdout
