"""``kzsupport db`` on a copy of the real bundled directory, with the real schema and denylist."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kzsupport import store, store_write
from tests.conftest import Invoke


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "directory.json"
    shutil.copyfile(store.bundled_path(), path)
    return path


def test_the_bundled_directory_passes_validate(invoke: Invoke, copy: Path) -> None:
    result = invoke("db", "validate", data=copy)
    assert result.exit_code == 0, result.stdout
    assert "0 errors" in result.stdout


@pytest.mark.parametrize(
    "written",
    ["8 727 250\u201350\u201350", "8\u2011727\u2011250\u201150\u201150", "8.727.250.50.50", "8/727/2505050"],
)
def test_a_fabricated_number_in_a_free_text_is_refused_whatever_its_dashes(
    invoke: Invoke, copy: Path, written: str
) -> None:
    before = copy.read_bytes()
    result = invoke("db", "edit", "kz-national-150", "--set", f"hours.text.ru=Также: {written}", data=copy)
    assert result.exit_code == 1
    assert f"{written} is a known fabricated number: remove it." in result.stderr
    assert copy.read_bytes() == before


def test_a_wrong_label_of_a_national_line_is_refused_and_a_simplification_warned(
    invoke: Invoke, copy: Path
) -> None:
    before = copy.read_bytes()
    wrong = invoke("db", "edit", "kz-national-1414", "--set", "name.en=Mental Health Unified Line", data=copy)
    assert wrong.exit_code == 1
    assert '"Mental Health Unified Line" is a known wrong label for 1414' in wrong.stderr
    assert copy.read_bytes() == before
    label = "name.ru=Линия доверия для женщин"
    simplified = invoke("db", "edit", "kz-national-150", "--set", label, data=copy)
    assert simplified.exit_code == 0, simplified.stderr
    warning = '"Линия доверия для женщин" oversimplifies what 150 is'
    assert f"kz-national-150 name.ru: {warning}" in simplified.stderr
    result = invoke("db", "validate", data=copy)
    assert result.exit_code == 0 and warning in result.stdout
    # the label in another service's texts is no mislabel of 150
    label = "description.ru=Линия доверия для женщин"
    other = invoke("db", "edit", "kz-national-111", "--set", label, data=copy)
    assert other.exit_code == 0 and "oversimplifies" not in other.stderr


def test_the_bundled_file_is_written_exactly_as_the_store_writes(copy: Path) -> None:
    text = copy.read_text(encoding="utf-8")
    assert store_write.dumps(json.loads(text)) == text


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_then_import_leaves_the_bundled_directory_identical(
    invoke: Invoke, copy: Path, tmp_path: Path, fmt: str
) -> None:
    before = copy.read_text(encoding="utf-8")
    out = tmp_path / f"export.{fmt}"
    assert invoke("db", "export", "--format", fmt, "--output", str(out), data=copy).exit_code == 0
    result = invoke("db", "import", str(out), data=copy)
    assert result.exit_code == 0, result.stderr
    assert "Nothing changed" in result.stderr
    assert copy.read_text(encoding="utf-8") == before


def test_a_verify_on_the_bundled_directory_keeps_the_meta_counts_true(invoke: Invoke, copy: Path) -> None:
    first = next(s for s in store.load(copy).services if s.verification.status == "source_only")
    result = invoke(
        "db",
        "--by",
        "tester",
        "verify",
        first.id,
        "--method",
        "official_page",
        "--source",
        "https://example.org/checked",
        data=copy,
    )
    assert result.exit_code == 0, result.stderr
    meta = next(iter(json.loads(copy.read_text(encoding="utf-8"))["meta"].values()))
    counts = meta["counts"]["by_verification"]
    assert counts["verified"] == 1
    assert sum(counts.values()) == meta["counts"]["services"] == len(store.load(copy).services)


def test_hsds_export_of_the_bundled_directory(invoke: Invoke, copy: Path, tmp_path: Path) -> None:
    for lang in ("kk", "ru", "en"):
        folder = tmp_path / lang
        args = ("--lang", lang, "db", "export", "--format", "hsds", "--output", str(folder))
        result = invoke(*args, data=copy)
        assert result.exit_code == 0, result.stderr
        services = json.loads((folder / "services.json").read_text(encoding="utf-8"))
        shown = [s for s in store.load(copy).services if not s.is_unverified]
        assert len(services) == len(shown)
