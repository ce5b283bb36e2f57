"""Writing a directory file (``kzsupport db``): a lock, checks, an atomic replace, backups, a change log.

Reading is ``store``'s; this half is imported only by the maintainers' commands.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzsupport.errors import KzSupportError, ProblemList, file_reason
from kzsupport.i18n import N_, Nn_
from kzsupport.models import VERIFICATION_STATUSES
from kzsupport.store import (
    AUX_DIR,
    LOCK_TIMEOUT,
    LOG_SUFFIX,
    META,
    SERVICES,
    command,
    from_tables,
    load_regions,
    meta_doc,
    read_tables,
)

if TYPE_CHECKING:
    from kzsupport.changes import LogEntry, RecordDiff
    from kzsupport.validate import Problem

# Every write to a directory file:
#   1. takes an exclusive lock (``filelock``) on ``.kzsupport/<name>.lock`` beside the file, waiting
#      up to ``LOCK_TIMEOUT`` seconds for another writer, then failing with who holds it;
#   2. re-reads the file under the lock and refuses to touch it if it is corrupt or invalid;
#   3. applies the change to a copy, and refuses it if it would add a validation error;
#   4. writes a temporary file in the same folder, fsyncs it, hard-links the current file into
#      ``.kzsupport/backups/`` (the last ``BACKUPS_KEPT`` versions are kept), ``os.replace``s the
#      temporary file over the data file and fsyncs the folder, so the file is always either the old
#      or the new version, whatever moment the writer dies at;
#   5. appends one JSON line per changed record to ``<stem>.changes.jsonl`` beside the file.
# A writer killed between 4 and 5 leaves the data written without its log line; the backup holds
# the version before it.

BACKUPS_KEPT = 5
_TEMP_SUFFIX = ".kzsupport-tmp"


def aux_dir(path: Path) -> Path:
    return path.parent / AUX_DIR


def lock_path(path: Path) -> Path:
    return aux_dir(path) / (path.name + ".lock")


def backups_dir(path: Path) -> Path:
    return aux_dir(path) / "backups"


def log_path(path: Path) -> Path:
    return path.with_name(path.stem + LOG_SUFFIX)


def dumps(
    tables: Mapping[str, Any], compact: Callable[[Mapping[str, Any]], str] | None = None
) -> str:
    """The file's text: pretty-printed, sorted keys, UTF-8 as is, a trailing newline.

    Exactly ``json.dumps(tables, ensure_ascii=False, indent=2, sort_keys=True) + "\n"``, but each
    document's pretty text is remembered, so rewriting a large file after a small change does not
    re-run Python's slow indenting encoder over every record.
    """
    layout_ok = all(
        isinstance(table, Mapping) and all(isinstance(doc, Mapping) for doc in table.values())
        for table in tables.values()
    )
    if not layout_ok:
        return json.dumps(tables, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if not tables:
        return "{}\n"
    parts = []
    for name in sorted(tables):
        table = tables[name]
        if not table:
            parts.append(f"  {_key(name)}: {{}}")
            continue
        docs = ",\n".join(
            f"    {_key(key)}: {_pretty_doc(table[key], compact)}" for key in sorted(table)
        )
        parts.append(f"  {_key(name)}: {{\n{docs}\n  }}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


_PRETTY: dict[str, str] = {}


def _key(name: str) -> str:
    return json.dumps(name, ensure_ascii=False)


def _compact(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


class _CompactCache:
    """Each document's compact JSON, computed once per object during one write."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Mapping[str, Any], str]] = {}

    def __call__(self, doc: Mapping[str, Any]) -> str:
        hit = self._seen.get(id(doc))
        if hit is None or hit[0] is not doc:
            hit = self._seen[id(doc)] = (doc, _compact(doc))
        return hit[1]


def _pretty_doc(
    doc: Mapping[str, Any], compact_of: Callable[[Mapping[str, Any]], str] | None
) -> str:
    compact = (compact_of or _compact)(doc)
    pretty = _PRETTY.get(compact)
    if pretty is None:
        text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)
        pretty = text.replace("\n", "\n    ")
        if len(_PRETTY) > 8192:
            _PRETTY.clear()
        _PRETTY[compact] = pretty
    return pretty


def who(by: str | None) -> str:
    """The person a change is recorded under: ``--by`` or the login name."""
    if by and by.strip():
        return by.strip()
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class WriteRefused(ProblemList):
    """A change that would make the directory worse: nothing is written."""

    HEADER = Nn_(
        "Not saved to {path}: the change would add {count} problem.",
        "Not saved to {path}: the change would add {count} problems.",
    )

    def __init__(self, path: Path, problems: Sequence[Problem]) -> None:
        super().__init__(problems, path=str(path))

    def line(self, problem: Problem) -> str:
        where = " ".join(part for part in (problem.service_id, problem.field) if part)
        return f"{where}: {problem.message()}"


def _counts(old: Mapping[str, Any], records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The data set's summary counts (``meta.counts``) recomputed, for the keys the file has."""
    docs = list(records)
    fresh: dict[str, Any] = {
        "services": len(docs),
        "national": sum(d.get("scope") == "national" for d in docs),
        "with_contact": sum(bool(d.get("phones")) for d in docs),
        "by_verification": {
            status: sum((d.get("verification") or {}).get("status") == status for d in docs)
            for status in VERIFICATION_STATUSES
        },
    }
    return {k: fresh.get(k, v) for k, v in old.items()}


@dataclass(frozen=True)
class WriteResult:
    path: Path
    diffs: tuple[RecordDiff, ...]
    backup: Path | None
    warnings: tuple[Problem, ...] = ()  # doubts the change added (a write is refused for an error)


@dataclass
class Draft:
    """The records of a directory file, open for change under the lock.

    ``records`` maps TinyDB document ids to records, shared with the file as read until changed:
    ``get`` hands out a private copy to change, ``find`` a record only to read, and ``add``, ``put``
    and ``remove`` keep document ids right (a new record gets the next one).
    """

    path: Path
    meta: dict[str, Any]
    records: dict[str, dict[str, Any]]
    result: WriteResult | None = None
    _copied: set[str] = field(default_factory=set)

    def ids(self) -> list[str]:
        return [str(r.get("id")) for r in self.records.values()]

    def get(self, service_id: str) -> dict[str, Any]:
        """A record to change in place (copied on first use); an unknown id is an error."""
        for key, record in self.records.items():
            if record.get("id") == service_id:
                if key not in self._copied:
                    record = self.records[key] = copy.deepcopy(record)
                    self._copied.add(key)
                return record
        raise KzSupportError(
            N_('No service with id {service_id} in {path}. Use "{command}" to see ids.'),
            service_id=service_id,
            path=str(self.path),
            command=command("find --all", self.path),
        )

    def find(self, service_id: str) -> dict[str, Any] | None:
        """A record to read (never to change), or None."""
        return next((r for r in self.records.values() if r.get("id") == service_id), None)

    def add(self, record: dict[str, Any]) -> None:
        if self.find(str(record.get("id"))) is not None:
            raise KzSupportError(
                N_("A service with id {service_id} already exists in {path}."),
                service_id=record.get("id"),
                path=str(self.path),
            )
        next_id = max((int(k) for k in self.records if k.isdigit()), default=0) + 1
        self.records[str(next_id)] = record
        self._copied.add(str(next_id))

    def put(self, record: dict[str, Any]) -> None:
        """Replace the record with the same id, or add it."""
        for key, existing in self.records.items():
            if existing.get("id") == record.get("id"):
                self.records[key] = record
                self._copied.add(key)
                return
        self.add(record)

    def remove(self, service_id: str) -> None:
        self.get(service_id)
        self.records = {k: r for k, r in self.records.items() if r.get("id") != service_id}

    def tables(self, original: Mapping[str, Any], on: str) -> dict[str, Any]:
        """The file's tables with the draft's records, and its meta brought up to date: the date
        of the data ("Data as of" on every listing and sheet) is ``on``, the day of this change,
        and the summary counts are recomputed."""
        out = dict(original)
        out[SERVICES] = self.records
        meta = original.get(META)
        if isinstance(meta, Mapping) and len(meta) == 1:
            key, doc = next(iter(meta.items()))
            if isinstance(doc, Mapping):
                fresh = {**doc, "as_of": on}
                if isinstance(doc.get("counts"), Mapping):
                    fresh["counts"] = _counts(doc["counts"], self.records.values())
                out[META] = {key: fresh}
        return out


def _lock_owner(path: Path) -> str:
    try:
        info = json.loads((aux_dir(path) / (path.name + ".owner")).read_text(encoding="utf-8"))
        return "{by} (pid {pid} on {host}, since {since})".format(**info)
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


def _write_owner(path: Path, by: str) -> None:
    import platform
    from datetime import datetime, timezone

    info = {
        "by": by,
        "pid": os.getpid(),
        "host": platform.node(),
        "since": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    (aux_dir(path) / (path.name + ".owner")).write_text(json.dumps(info), encoding="utf-8")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every platform lets a folder be opened; the rename is still atomic
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _clean_temporaries(path: Path) -> None:
    """Remove temporary files left by a writer that died (only ever called under the lock)."""
    for stale in path.parent.glob("." + path.name + ".*" + _TEMP_SUFFIX):
        stale.unlink(missing_ok=True)


def _backup(path: Path) -> Path | None:
    """Keep the current version under ``.kzsupport/backups/``; prune to the last few."""
    import shutil
    from datetime import datetime, timezone

    if not path.exists():
        return None
    folder = backups_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.name}.{stamp}"
    counter = 0
    while target.exists():
        counter += 1
        target = folder / f"{path.name}.{stamp}-{counter}"
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)
    kept = sorted(folder.glob(path.name + ".*"))
    for old in kept[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def write_atomic(path: Path, text: str) -> Path | None:
    """Replace ``path`` with ``text`` atomically, keeping a backup; the backup's path."""
    import tempfile

    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, temp_name = tempfile.mkstemp(prefix="." + path.name + ".", suffix=_TEMP_SUFFIX, dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(mode)
        backup = _backup(path)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return backup


def append_log(path: Path, entries: Sequence[LogEntry]) -> None:
    """Append change-log lines (under the lock), fsynced."""
    if not entries:
        return
    with log_path(path).open("a+b") as handle:
        end = handle.seek(0, os.SEEK_END)
        if end:
            handle.seek(end - 1)
            if handle.read(1) != b"\n":  # a torn last line: the new entries must not glue onto it
                handle.write(b"\n")
        for entry in entries:
            line = json.dumps(entry.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
            handle.write(line.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def read_log(path: Path, service_id: str | None = None) -> list[LogEntry]:
    """The change log of a directory file, oldest first (lines that cannot be read are skipped)."""
    return read_log_counted(path, service_id)[0]


def read_log_counted(path: Path, service_id: str | None = None) -> tuple[list[LogEntry], int]:
    """The change log's entries, oldest first, and how many of its lines could not be read (a
    torn line left by a writer killed mid-write, a line edited by hand)."""
    from kzsupport.changes import LogEntry

    try:
        lines = log_path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return [], 0
    out = []
    bad = 0
    for line in lines:
        if not line.strip():
            continue
        try:
            entry = LogEntry.from_dict(json.loads(line))
        except (ValueError, KeyError, TypeError, AttributeError):
            bad += 1
            continue
        if service_id is None or entry.service_id == service_id:
            out.append(entry)
    return out, bad


_LOADABLE: set[str] = set()  # records already known to load, by their compact JSON


def _first_invalid(
    path: Path, tables: Mapping[str, Any], compact_of: Callable[[Mapping[str, Any]], str]
) -> None:
    """Refuse to write over a file that does not load or does not match the schema."""
    from kzsupport.validate import first_schema_error

    for key, doc in tables[SERVICES].items():
        compact = compact_of(doc)
        if compact in _LOADABLE:
            continue
        from_tables({SERVICES: {key: doc}}, path)  # raises with the path and the problem
        first = first_schema_error(doc, load_regions())
        if first is not None:
            raise KzSupportError(
                N_(
                    "The data file {path} is invalid and was not changed: record {id}, field "
                    "{field} ({problem}). Fix it by hand or restore a backup from {backups}."
                ),
                path=str(path),
                id=first.service_id,
                field=first.field or "-",
                problem=first.message(),
                backups=str(backups_dir(path)),
            )
        if len(_LOADABLE) > 8192:
            _LOADABLE.clear()
        _LOADABLE.add(compact)


@contextmanager
def editing(
    path: str | Path,
    *,
    by: str | None = None,
    action: str,
    note: str | None = None,
    timeout: float = LOCK_TIMEOUT,
    dry_run: bool = False,
) -> Iterator[Draft]:
    """Open a directory file for change: ``with editing(path, action="edit") as draft: ...``.

    On a clean exit the change is validated, written atomically with a backup and logged; on an
    exception nothing is written. ``dry_run`` checks the change as if it were written, then writes
    nothing. ``draft.result`` is set after the block (its backup is None when nothing was written).
    """
    from filelock import FileLock, Timeout

    from kzsupport.changes import LogEntry, diff_records, withhold
    from kzsupport.validate import ERROR, introduced_problems

    # Through a symbolic link to the real file: the link stays a link, and one lock guards the file
    # whichever name each maintainer uses.
    file = Path(os.path.realpath(path))
    if not file.exists():
        read_tables(path)  # the translated "does not exist" error, naming the path as given
    person = who(by)
    lock = FileLock(str(lock_path(file)), timeout=timeout)
    try:
        with _os_errors(file):
            aux_dir(file).mkdir(exist_ok=True)
            lock.acquire(poll_interval=0.005)
    except Timeout:
        raise KzSupportError(
            N_(
                "The data file {path} is locked by {owner} (lock file {lock}); waited {seconds} s. "
                "Try again when that change is done."
            ),
            path=str(file),
            owner=_lock_owner(file),
            lock=str(lock_path(file)),
            seconds=round(timeout),
        ) from None
    try:
        with _os_errors(file):
            _write_owner(file, person)
            _clean_temporaries(file)
        if not dry_run:
            _refuse_read_only(file)
        tables = read_tables(file)
        regions = load_regions()
        original = tables[SERVICES]  # never changed: the draft copies a record on first change
        compact_of = _CompactCache()
        _first_invalid(file, tables, compact_of)
        draft = Draft(
            path=file,
            meta=dict(meta_doc(tables)),
            records=dict(original),
        )
        yield draft
        diffs = diff_records(list(original.values()), list(draft.records.values()))
        draft.result = WriteResult(file, tuple(diffs), None)
        if not diffs:
            return
        added = introduced_problems(list(original.values()), list(draft.records.values()), regions)
        errors = [p for p in added if p.severity == ERROR]
        if errors:
            raise WriteRefused(file, errors)
        draft.result = WriteResult(file, tuple(diffs), None, tuple(p for p in added if p.severity != ERROR))
        if dry_run:  # checked as a real change would be, but not written
            return
        from datetime import datetime, timezone

        at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        # The log sits beside the file and is easily shared (or committed): the text and
        # coordinates of a confidential address are logged as changed, never written into it.
        shown = withhold(diffs, [*original.values(), *draft.records.values()])
        entries = [
            LogEntry(at, person, _action(action, d.kind), d.service_id, d.changes, note) for d in shown
        ]
        with _os_errors(file):
            backup = write_atomic(file, dumps(draft.tables(tables, on=at[:10]), compact_of))
            append_log(file, entries)
        draft.result = replace(draft.result, backup=backup)
    finally:
        (aux_dir(file) / (file.name + ".owner")).unlink(missing_ok=True)
        lock.release()


def _refuse_read_only(file: Path) -> None:
    """A data file made read-only is not to be changed: the atomic replace needs only the folder's
    permission, so without this check it would silently put a new file in its place. A file nobody
    may write is refused even to root, who could write it anyway."""
    if not os.access(file, os.W_OK) or not file.stat().st_mode & 0o222:
        raise KzSupportError(
            N_(
                "The data file {path} is read-only, so it was not changed. If it should be edited, "
                "make it writable first (for example: chmod u+w {path})."
            ),
            path=str(file),
        )


@contextmanager
def _os_errors(file: Path) -> Iterator[None]:
    """A full disk, a read-only folder, a path in the way: a clear error, not a traceback."""
    from filelock import Timeout

    try:
        yield
    except Timeout:
        raise
    except OSError as exc:
        raise KzSupportError(
            N_("Cannot write the data file {path} or the files beside it: {reason}"),
            path=str(file),
            reason=file_reason(exc),
        ) from None


def _action(action: str, kind: str) -> str:
    """``import`` records as import; other actions say what happened to the record."""
    return action if action not in ("import",) else f"import-{kind}"
