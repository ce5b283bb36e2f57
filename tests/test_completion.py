"""Shell completion (bash, zsh, fish) offers commands, options, region ids and types."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "kzsupport"


def complete(shell: str, words: str) -> str:
    env = dict(os.environ)
    env.update(
        {
            "_KZSUPPORT_COMPLETE": f"{shell}_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
    )
    result = subprocess.run([str(SCRIPT)], capture_output=True, text=True, env=env, check=False)
    return result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script_is_generated(shell: str) -> None:
    env = dict(os.environ, _KZSUPPORT_COMPLETE=f"{shell}_source")
    result = subprocess.run([str(SCRIPT)], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0
    assert "_KZSUPPORT_COMPLETE" in result.stdout


def test_commands_complete() -> None:
    assert "hotlines" in complete("bash", "kzsupport ho")


def test_region_ids_complete() -> None:
    out = complete("bash", "kzsupport find --region east")
    assert "east-kazakhstan" in out


def test_types_complete() -> None:
    out = complete("bash", "kzsupport find --type cri")
    assert "crisis_centre" in out


def test_record_ids_complete_from_the_named_data_file() -> None:
    from tests.conftest import MINI

    out = complete("bash", f"kzsupport --data {MINI} show test-1")
    assert "test-150" in out and "kz-national" not in out
