"""Any input to any read-only command: exit 0, 1 or 2 with a message, never a traceback, and the data
file unchanged (issue 7). Arguments are generated from the commands' own vocabulary plus noise."""

from __future__ import annotations

import copy
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from kzsupport.cli import cli
from kzsupport.render import box_style, fitted_table, widest_line, widest_word
from kzsupport.store import bundled_path

COMMANDS = [
    ["hotlines"],
    ["find"],
    ["show"],
    ["regions"],
    ["place"],
    ["near"],
    ["eligibility"],
    ["rules", "list"],
    ["rules", "show"],
    ["rules", "facts"],
    ["referral"],
    ["db", "validate"],
    ["db", "stale"],
    ["db", "coverage"],
    ["db", "log"],
    ["db", "export"],
]
WORDS = [
    "--format", "json", "csv", "table", "txt", "md", "html", "pdf", "--region", "almaty", "KZ-75",
    "--type", "crisis_centre", "--serves", "women", "--all", "--limit", "0", "-1", "3", "--radius",
    "1e9", "nan", "--lang", "kk", "ru", "en", "kk-latn", "xx", "--also", "--discreet", "--large-print",
    "-a", "victim_of=domestic_violence", "age=200", "low_income=иә", "--as-of", "2024-06-16",
    "2024-02-30", "--programme", "legal-aid", "--older-than", "12m", "5y", "kz-national-150",
    "Семей", "Semipalatinsk", "50.41,80.25", "91,200", "Актау", "--", "-", "=", "",
]  # fmt: skip
noise = st.text(max_size=30)
argument = st.one_of(st.sampled_from(WORDS), noise)


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hardening") / "directory.json"
    shutil.copyfile(bundled_path(), path)
    return path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), args=st.lists(argument, max_size=5))
def test_any_arguments_give_a_clean_exit_and_leave_the_data_unchanged(
    data_copy: Path, command: list[str], args: list[str]
) -> None:
    before = data_copy.read_bytes()
    result = CliRunner().invoke(cli, ["--data", str(data_copy), *command, *args], input="")
    assert result.exit_code in (0, 1, 2, 130), (command, args, result.output)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (command, args, repr(result.exception))
    if result.exit_code:
        assert result.stderr.strip() or result.stdout.strip(), (command, args)
    assert "Traceback" not in result.output
    assert data_copy.read_bytes() == before


def _leaves(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path into a JSON value, containers included."""
    found: list[tuple[object, ...]] = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _leaves(item, (*path, index))
    return found


BUNDLED = json.loads(Path(bundled_path()).read_text(encoding="utf-8"))
RECORDS = sorted(BUNDLED["services"])
DELETE = "<the field is deleted>"
WRONG = st.sampled_from([0, 111, 1.5, True, None, "", "x", [], {}, ["x"], {"ru": 1}, DELETE])
READERS = [["hotlines"], ["find", "111"], ["near", "Семей"], ["regions"], ["db", "stale"],
           ["db", "coverage"], ["db", "export", "--format", "csv"], ["db", "validate"]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), wrong=WRONG)
def test_a_record_with_any_field_of_the_wrong_type_gives_a_clean_exit(
    tmp_path: Path, data: st.DataObject, wrong: object
) -> None:
    """A hand-edited data file ("number": 111, a list where text belongs, a field deleted): every
    read-only command either works or says which record is invalid; none shows a traceback."""
    key = data.draw(st.sampled_from(RECORDS))
    doc = copy.deepcopy(BUNDLED)
    path = data.draw(st.sampled_from(_leaves(doc["services"][key])))
    *parents, last = path
    holder = doc["services"][key]
    for step in parents:
        holder = holder[step]
    if wrong == DELETE:
        del holder[last]
    else:
        holder[last] = wrong
    file = tmp_path / "directory.json"
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    record_id = doc["services"][key].get("id")
    for command in [*READERS, ["show", str(record_id)], ["referral", str(record_id)]]:
        result = CliRunner().invoke(cli, ["--data", str(file), *command])
        assert result.exit_code in (0, 1, 2), (command, path, wrong, result.output)
        if result.exception is not None:
            assert isinstance(result.exception, SystemExit), (command, path, wrong,
                                                              repr(result.exception))


@pytest.mark.parametrize("meta", ["x", [], {"1": [1]}, {"1": {"as_of": "2026-13-99", "version": "x"}},
                                  {"1": {"as_of": 20261122}}, None])
def test_a_broken_meta_document_gives_a_clean_exit(tmp_path: Path, meta: object) -> None:
    doc = {**copy.deepcopy(BUNDLED), "meta": meta}
    file = tmp_path / "directory.json"
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for command in [*READERS, ["referral", "kz-national-150"], ["--version"]]:
        result = CliRunner().invoke(cli, ["--data", str(file), *command])
        assert result.exit_code in (0, 1), (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            command, repr(result.exception))
    assert CliRunner().invoke(cli, ["--data", str(file), "db", "validate"]).exit_code == 1


_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=3, max_size=3), min_size=1, max_size=4), st.integers(20, 160))
def test_a_grid_is_boxed_whole_at_any_width_with_any_text(rows: list[list[str]], width: int) -> None:
    """Wide characters (CJK, emoji), combining marks, long words: every line of a table is exactly
    as wide as its box and never wider than the terminal, or the records are listed as blocks."""
    headers = ["#", "Name", "Where"]
    cells = [[Text(c) for c in row] for row in rows]
    columns: list[list[Text | str]] = [[h, *(row[i] for row in cells)] for i, h in enumerate(headers)]
    mins = [widest_word(column) for column in columns]
    maxes = [max(low, widest_line(column)) for low, column in zip(mins, columns, strict=True)]
    table = fitted_table(headers, cells, mins, maxes, lambda: Text("blocks"), box_style(False), right=(0,))
    console = Console(file=io.StringIO(), width=width)
    console.print(table)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    if lines != ["blocks"]:
        widths = {cell_len(line) for line in lines}
        assert len(widths) == 1 and widths.pop() <= width
