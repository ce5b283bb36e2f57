"""Reading the directory file. It is read here and written by ``store_write`` (``kzsupport db``);
no other module touches it on disk. Reading needs no more than ``json`` and ``os``, so every lookup
starts fast; the writing half (locks, backups, the change log) is imported only by ``db``.

The file keeps TinyDB's JSON layout (two tables, ``meta`` with one document and ``services``, each a
mapping of document ids to documents), so TinyDB itself can open it; kzsupport reads it with one
``json`` parse and writes it atomically itself, which TinyDB's own storage does not do.
Regions always come from the bundled ``regions.json``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from kzsupport.errors import KzSupportError, file_reason
from kzsupport.i18n import N_
from kzsupport.models import (
    SERVICE_TYPES,
    STATUSES,
    VERIFICATION_STATUSES,
    Directory,
    Meta,
    Region,
    Service,
    without_gc,
)
from kzsupport.resources import data_file, read_json

PathLike = str | os.PathLike[str]

SERVICES = "services"
META = "meta"
# Seconds a writer waits for another one's lock (store_write); here so that "db --wait" can show it
# without the help loading the writing half.
LOCK_TIMEOUT = 10.0
# Beside a directory file, kzsupport keeps its lock and backups in this folder and its change log
# in <stem> + LOG_SUFFIX: bookkeeping no export or sheet may replace.
AUX_DIR = ".kzsupport"
LOG_SUFFIX = ".changes.jsonl"


def bundled_path() -> str:
    """The directory file shipped with the package."""
    return data_file("directory.json")


@lru_cache(maxsize=1)
def load_regions() -> dict[str, Region]:
    raw = read_json("regions.json")
    return {u["id"]: Region.from_dict(u) for u in raw["units"]}


def read_tables(path: PathLike) -> dict[str, Any]:
    """The raw tables of a directory file, with a clear error for a missing or broken file."""
    path = os.fspath(path)
    try:
        with open(path, encoding="utf-8") as handle:
            tables = json.loads(handle.read())
    except FileNotFoundError:
        raise KzSupportError(
            N_("The data file {path} does not exist. Check the path given with --data or KZSUPPORT_DATA."),
            path=path,
        ) from None
    except (OSError, ValueError) as exc:  # ValueError: not UTF-8, or not JSON
        raise KzSupportError(
            N_("Cannot read the data file {path}: {reason}."), path=path, reason=file_reason(exc)
        ) from None
    if not isinstance(tables, dict) or not isinstance(tables.get(SERVICES), dict):
        raise KzSupportError(
            N_("The data file {path} is not a kzsupport directory: it has no \"services\" table."),
            path=path,
        )
    return tables


def command(words: str, path: PathLike | None = None) -> str:
    """The command line that runs ``kzsupport WORDS`` on the data file ``path``, for a hint: a file
    other than the bundled one (or the one KZSUPPORT_DATA names) needs ``--data``, or the hint would
    report on the bundled directory instead ("0 errors" for a file that has some)."""
    import shlex

    file = os.fspath(path) if path is not None else None
    if file is None or file in (bundled_path(), os.environ.get("KZSUPPORT_DATA")):
        return f"kzsupport {words}"
    return f"kzsupport --data {shlex.quote(file)} {words}"


def meta_doc(tables: Mapping[str, Any]) -> Mapping[str, Any]:
    """The file's meta document (its date, version and counts), or an empty one when the file has
    none or a hand edit broke it (``db validate`` says so)."""
    docs = tables.get(META)
    doc = next(iter(docs.values()), None) if isinstance(docs, Mapping) else None
    return doc if isinstance(doc, Mapping) else {}


def _check(doc: Mapping[str, Any], regions: Mapping[str, Region]) -> str | None:
    """The first cheap problem with a record, or None. Full checks: ``kzsupport db validate``."""
    verification, region = doc.get("verification"), doc.get("region")
    checks = (  # each safe with a value of any JSON type: a hand-edited file may have one
        (doc.get("type") in SERVICE_TYPES, "type"),
        (doc.get("status") in STATUSES, "status"),
        (isinstance(verification, Mapping) and verification.get("status") in VERIFICATION_STATUSES,
         "verification"),
        (region is None or (isinstance(region, str) and region in regions), "region"),
        (bool(doc.get("sources")), "sources"),
    )
    for ok, name in checks:
        if not ok:
            return name
    return None


def load(path: PathLike | None = None) -> Directory:
    """Load a directory file (the bundled one when ``path`` is None)."""
    file = bundled_path() if path is None else os.fspath(path)
    return without_gc(lambda: from_tables(read_tables(file), file))


def from_tables(tables: Mapping[str, Any], file: PathLike) -> Directory:
    """The directory held in raw tables read from ``file`` (named in errors)."""
    docs = list(tables[SERVICES].values())
    regions = load_regions()
    services = []
    for doc in docs:
        if not isinstance(doc, Mapping):
            doc = {}
        record_id = doc.get("id", "?")
        problem = _check(doc, regions)
        try:
            if problem is None:
                services.append(Service.from_dict(doc))
        except (KeyError, TypeError, ValueError) as exc:  # KeyError('name') and TypeError('phones')
            problem = str(exc.args[0]) if exc.args else type(exc).__name__  # name the field
        if problem is not None:
            raise KzSupportError(
                N_("The data file {path} has an invalid record {id} (field {field}). "
                   "Run \"{command}\" for a full report."),
                path=os.fspath(file),
                command=command("db validate", file),
                id=record_id,
                field=problem,
            )
    meta = meta_doc(tables)
    version = meta.get("version", 0)
    return Directory(
        services=tuple(services),
        regions=regions,
        meta=Meta(
            as_of=str(meta.get("as_of", "?")),
            version=version if type(version) is int else 0,  # "db validate" reports a bad one
            extra={k: v for k, v in meta.items() if k not in ("as_of", "version")},
        ),
        path=os.fspath(file),
    )
