"""Shared fixtures: a pinned language, no network, a CLI runner, a small hand-made directory."""

from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from kzsupport import i18n

# Properties are about behaviour, never speed: no per-example deadline (a loaded CI machine is slow).
settings.register_profile("kzsupport", deadline=None)
settings.load_profile("kzsupport")

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini_directory.json"


@pytest.fixture(autouse=True)
def pinned_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English with no language or data from the developer's environment."""
    for var in ("KZSUPPORT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "KZSUPPORT_DATA"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("COLUMNS", "120")
    i18n.activate("en")
    yield
    i18n.activate("en")


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing may leave the machine: any attempt to connect fails the test loudly."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise NetworkBlocked("network access attempted in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """Run the CLI in-process: ``invoke("find", "--region", "abai", data=MINI)``."""
    from kzsupport.cli import cli

    def run(*args: str, data: Path | None = None, catch: bool = False, **kwargs: Any) -> Result:
        argv = (["--data", str(data)] if data else []) + list(args)
        return CliRunner().invoke(cli, argv, catch_exceptions=catch, **kwargs)

    return run


PTY_TIMEOUT = 20


def stopped(child: Any, message: str, how: str) -> None:
    """Ctrl-C (``how="ctrl-c"``) or Ctrl-D at the prompt ``child`` shows: one line, ``message``,
    exit 130, no "Aborted!", no traceback."""
    pexpect = pytest.importorskip("pexpect")
    time.sleep(0.2)  # sendintr skips pexpect's delay before sending: let the prompt start reading
    if how == "ctrl-c":
        child.sendintr()
    else:
        child.sendeof()
    child.expect_exact(message)
    child.expect(pexpect.EOF)
    assert "Aborted!" not in (child.before or "") and "Traceback" not in (child.before or "")
    child.close()
    assert child.exitstatus == 130


@pytest.fixture
def spawn() -> Iterator[Callable[..., Any]]:
    """Run ``python -m kzsupport *args`` on a real pseudo-terminal (pexpect), as a person would."""
    pexpect = pytest.importorskip("pexpect")
    children: list[Any] = []

    def run(*args: str, lang: str = "en") -> Any:
        env = {**os.environ, "LANGUAGE": lang, "COLUMNS": "100", "NO_COLOR": "1",
               "PYTHONIOENCODING": "utf-8"}
        env.pop("KZSUPPORT_LANG", None)
        child = pexpect.spawn(sys.executable, ["-m", "kzsupport", *args], env=env,
                              encoding="utf-8", timeout=PTY_TIMEOUT, dimensions=(50, 100))
        children.append(child)
        return child

    yield run
    for child in children:
        child.close(force=True)
