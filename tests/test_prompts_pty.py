"""Every question asked on a terminal leaves the same way on Ctrl-C or Ctrl-D: one translated line
saying nothing was saved or changed, exit 130, no "Aborted!", nothing written."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINI, stopped

pexpect = pytest.importorskip("pexpect")


@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d"])
def test_stopping_the_choice_of_a_place(spawn: Callable[..., Any], how: str) -> None:
    child = spawn("near", "Актау")
    child.expect_exact("Number of the place: ")
    stopped(child, "Stopped: no place was chosen. Nothing was saved.", how)


@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d"])
def test_stopping_db_add_changes_nothing(spawn: Callable[..., Any], tmp_path: Path, how: str) -> None:
    data = tmp_path / "directory.json"
    shutil.copy(MINI, data)
    child = spawn("--data", str(data), "db", "add")
    child.expect_exact("Id (for example")
    child.sendline("kz-test-new")
    child.expect_exact("Type (")
    child.expect_exact("): ")
    stopped(child, f"Stopped. Nothing was changed in {data}.", how)
    assert data.read_bytes() == MINI.read_bytes()


@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d"])
def test_stopping_db_edit_changes_nothing(spawn: Callable[..., Any], tmp_path: Path, how: str) -> None:
    data = tmp_path / "directory.json"
    shutil.copy(MINI, data)
    child = spawn("--data", str(data), "db", "edit", "test-112")
    child.expect_exact("name.kk: Name (қазақша) [")
    child.expect_exact("]: ")
    stopped(child, f"Stopped. Nothing was changed in {data}.", how)
    assert data.read_bytes() == MINI.read_bytes()


def test_stopping_the_interview_in_russian(spawn: Callable[..., Any]) -> None:
    child = spawn("--lang", "ru", "eligibility")
    child.expect_exact("> ")
    stopped(child, "Опрос прерван. Ничего не сохранено.", "ctrl-d")
