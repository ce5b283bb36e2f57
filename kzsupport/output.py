"""Writing a file the user asked for (a sheet, an export): atomically, never over an existing file
unless asked, and nothing else."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from kzsupport.errors import BadInput, KzSupportError, file_reason
from kzsupport.i18n import N_


def not_the_directory(path: str | os.PathLike[str], data_path: str) -> None:
    """Refuse an output path that is the directory file itself (by any name: a link, ``../``), or
    any other directory file: writing a sheet or an export there would replace the data, with no
    backup."""
    try:
        same = Path(path).samefile(data_path)
    except OSError:  # one of them does not exist
        same = False
    if same:
        raise BadInput(N_("{path} is the directory file itself: choose another file."), path=str(path))
    if _is_bookkeeping(Path(path)):
        raise BadInput(
            N_("{path} is where kzsupport keeps a directory's change log, lock or backups: an export "
               "or a sheet never goes there, even with --force. Choose another file."),
            path=str(path),
        )
    if _is_a_directory_file(Path(path)):
        raise BadInput(
            N_("{path} is a kzsupport directory file: it is never replaced by an export or a sheet, "
               "even with --force. Choose another file."),
            path=str(path),
        )


def _is_bookkeeping(path: Path) -> bool:
    """A change log (``<stem>.changes.jsonl``), or anything in a ``.kzsupport`` folder (locks,
    backups): replaced by an export, the history of a directory would be lost."""
    from kzsupport.store import AUX_DIR, LOG_SUFFIX

    return path.name.endswith(LOG_SUFFIX) or AUX_DIR in path.absolute().parts


def _is_a_directory_file(path: Path) -> bool:
    """Whether ``path`` holds a directory (a "services" table of records), another one than the file
    open: ``data/directory.json`` while a copy is open, say. An export's JSON keeps its records in
    a list, so an earlier export is not one."""
    from kzsupport.store import read_tables

    try:
        with path.open("rb") as handle:  # a PDF or a CSV is not parsed as JSON
            if handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"{":
                return False
        read_tables(path)
    except (OSError, KzSupportError):
        return False
    return True


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder (fsync, then rename).

    Without ``force`` an existing file is never replaced, even one created meanwhile. On any failure
    the temporary file is removed: no partial file is left behind.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise KzSupportError(N_("The folder {folder} does not exist."), folder=str(folder))
    if target.is_dir():
        raise KzSupportError(N_("{path} is a folder; give a file name."), path=str(target))
    if target.exists() and not force:
        raise KzSupportError(
            N_("{path} already exists. Use --force to replace it."), path=str(target)
        )
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise KzSupportError(
            N_("Cannot write in the folder {folder}: {reason}"),
            folder=str(folder), reason=file_reason(exc),
        ) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(tmp, target, force)
    finally:
        tmp.unlink(missing_ok=True)  # gone already after a successful rename or link
    _sync_folder(folder)
    return target


def _publish(tmp: Path, target: Path, force: bool) -> None:
    if force:
        tmp.replace(target)
        return
    try:
        # A hard link fails if the name exists, so a file created since the check is not replaced.
        os.link(tmp, target)
    except FileExistsError as exc:
        raise KzSupportError(
            N_("{path} already exists. Use --force to replace it."), path=str(target)
        ) from exc
    except OSError:
        # Some file systems (FAT on a USB stick) have no hard links: check and rename instead.
        if target.exists():
            raise KzSupportError(
                N_("{path} already exists. Use --force to replace it."), path=str(target)
            ) from None
        tmp.replace(target)
        return


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
