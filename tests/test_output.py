"""Writing an output file (sheet, export): atomic, no clobbering without force, nothing left on failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kzsupport.errors import KzSupportError
from kzsupport.output import write_atomic


def test_writes_the_bytes_and_nothing_else(tmp_path: Path) -> None:
    write_atomic(tmp_path / "sheet.txt", b"hello")
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.txt"]
    assert (tmp_path / "sheet.txt").read_bytes() == b"hello"


def test_refuses_to_replace_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "sheet.txt"
    target.write_bytes(b"old")
    with pytest.raises(KzSupportError) as info:
        write_atomic(target, b"new")
    assert "--force" in info.value.msgid
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.txt"]


def test_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sheet.txt"
    target.write_bytes(b"old")
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.txt"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KzSupportError) as info:
        write_atomic(tmp_path / "nope" / "sheet.txt", b"x")
    assert info.value.params["folder"] == str(tmp_path / "nope")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KzSupportError):
        write_atomic(tmp_path, b"x", force=True)


def test_failure_while_writing_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "sheet.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []


def test_file_system_without_hard_links_still_refuses_to_clobber(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_atomic(tmp_path / "a.txt", b"1")
    assert (tmp_path / "a.txt").read_bytes() == b"1"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(KzSupportError):
            write_atomic(folder / "sheet.txt", b"x")
    finally:
        folder.chmod(0o700)
