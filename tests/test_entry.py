"""The console script's entry point: the collector is off only while the modules import, and on for
the command itself (a long ``db import`` must still free its cycles)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from kzsupport import __main__ as entry
from kzsupport.cli import cli


@pytest.fixture
def restored_gc() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_the_command_runs_with_the_collector_on_and_the_imports_set_aside(
    monkeypatch: pytest.MonkeyPatch, restored_gc: None
) -> None:
    seen: dict[str, object] = {}

    def command(**kwargs: object) -> None:
        seen.update(kwargs, enabled=gc.isenabled(), frozen=gc.get_freeze_count())
        raise SystemExit(0)

    monkeypatch.setattr(cli, "main", command)
    with pytest.raises(SystemExit):
        entry.main()
    assert seen["prog_name"] == "kzsupport"
    assert seen["enabled"] is True
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 0


def test_an_error_in_the_command_still_ends_with_the_objects_frozen(
    monkeypatch: pytest.MonkeyPatch, restored_gc: None
) -> None:
    def failing(**kwargs: object) -> None:
        gc.unfreeze()
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "main", failing)
    with pytest.raises(RuntimeError):
        entry.main()
    assert gc.get_freeze_count() > 0
