"""The layout is the architecture: dependencies run one way and heavy imports stay lazy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kzsupport"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize(
    ("library", "allowed"),
    [
        ("click", ("cli/",)),
        ("rich", ("cli/", "render")),
        ("tinydb", ()),
    ],
)
def test_only_the_owning_modules_import_a_library(library: str, allowed: tuple[str, ...]) -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in modules()
        if library in imports_of(p) and not str(p.relative_to(PACKAGE)).startswith(allowed)
    ]
    assert offenders == []


def test_number_types_are_the_translated_ones() -> None:
    """Click names IntRange and FloatRange in English in every language; options.WholeNumbers and
    options.Numbers name them through the catalogs."""
    used = [
        str(p.relative_to(PACKAGE))
        for p in modules()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("IntRange", "FloatRange")
    ]
    assert used == []


def test_core_modules_import_without_a_cycle() -> None:
    for path in modules():
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        name = name.removesuffix(".__init__")
        code = f"import {name}"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert result.returncode == 0, (name, result.stderr)


def loaded_after(args: list[str], watched: set[str]) -> list[str]:
    """Which of ``watched`` a fresh process has imported after running ``kzsupport *args``."""
    code = (
        "import sys\n"
        "from kzsupport.cli import cli\n"
        "try:\n"
        f"    cli.main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted({sorted(watched)!r} & sys.modules.keys()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=PACKAGE.parent
    )
    last: list[str] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return last


LIBRARIES = {"geopy", "fpdf", "rapidfuzz", "phonenumbers", "jsonschema", "babel", "filelock"}


def test_a_plain_lookup_loads_no_heavy_library() -> None:
    """hotlines needs click, rich's console and json: nothing a start-up can do without is loaded
    (the start-up figures in the README depend on it)."""
    watched = LIBRARIES | {
        "importlib.resources", "rich.table", "csv", "tempfile", "click.shell_completion", "difflib",
        "kzsupport.store_write", "kzsupport.places", "kzsupport.textfold",
    }  # fmt: skip
    assert loaded_after(["--data", "tests/fixtures/mini_directory.json", "hotlines"], watched) == []


def test_a_region_given_by_id_loads_no_folding() -> None:
    """Nor rich.table: listings are drawn by ``render.Grid`` (4 ms of imports saved at each start)."""
    watched = LIBRARIES | {"kzsupport.places", "kzsupport.textfold", "kzsupport.placekey", "rich.table"}
    args = ["--data", "tests/fixtures/mini_directory.json", "find", "--region", "abai"]
    assert loaded_after(args, watched) == []


@pytest.mark.parametrize("args", [["near", "Семей"], ["place", "Семей"]])
def test_the_place_commands_load_no_library_they_do_not_use(args: list[str]) -> None:
    assert loaded_after(args, LIBRARIES | {"rich.table"}) == []


@pytest.mark.parametrize("args", [["rules", "list"], ["show", "kz-national-150"]])
def test_other_commands_load_no_library_they_do_not_use(args: list[str]) -> None:
    assert loaded_after(args, LIBRARIES) == []


def test_help_lists_every_command_without_loading_what_they_run() -> None:
    """``kzsupport --help`` imports every command module to list it: those modules keep the rules
    engine, the writing half and the place code for when their commands run. (pathlib too, but an
    editable install's import hook loads it, so it cannot be watched here.)"""
    watched = LIBRARIES | {
        "rich.table", "rich.panel", "kzsupport.eligibility", "kzsupport.render_eligibility",
        "kzsupport.store_write", "kzsupport.places", "kzsupport.maintain", "kzsupport.referral.sheet",
    }  # fmt: skip
    assert loaded_after(["--help"], watched) == []
