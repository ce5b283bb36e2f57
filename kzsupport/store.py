"""The directory file: the only module that touches TinyDB and the data file on disk.

The file is TinyDB's JSON layout with two tables, ``meta`` (one document) and ``services``, each a
mapping of document ids to documents. Reading parses it once with ``json``; writes go through TinyDB.
Regions always come from the bundled ``regions.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from kzsupport.errors import KzSupportError
from kzsupport.i18n import N_
from kzsupport.models import (
    SERVICE_TYPES,
    STATUSES,
    VERIFICATION_STATUSES,
    Directory,
    Meta,
    Region,
    Service,
)

SERVICES = "services"
META = "meta"


def bundled_path() -> Path:
    """The directory file shipped with the package."""
    with as_file(files("kzsupport.data") / "directory.json") as path:
        return Path(path)


@lru_cache(maxsize=1)
def load_regions() -> dict[str, Region]:
    raw = json.loads((files("kzsupport.data") / "regions.json").read_text(encoding="utf-8"))
    return {u["id"]: Region.from_dict(u) for u in raw["units"]}


def read_tables(path: Path) -> dict[str, Any]:
    """The raw tables of a directory file, with a clear error for a missing or broken file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KzSupportError(
            N_("The data file {path} does not exist. Check the path given with --data or KZSUPPORT_DATA."),
            path=str(path),
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KzSupportError(
            N_("Cannot read the data file {path}: {reason}"), path=str(path), reason=str(exc)
        ) from None
    try:
        tables = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise KzSupportError(
            N_("The data file {path} is not valid JSON (line {line}, column {column}): {reason}"),
            path=str(path),
            line=exc.lineno,
            column=exc.colno,
            reason=exc.msg,
        ) from None
    if not isinstance(tables, dict) or not isinstance(tables.get(SERVICES), dict):
        raise KzSupportError(
            N_("The data file {path} is not a kzsupport directory: it has no \"services\" table."),
            path=str(path),
        )
    return tables


def _check(doc: Mapping[str, Any], regions: Mapping[str, Region]) -> str | None:
    """The first cheap problem with a record, or None. Full checks: ``kzsupport db validate``."""
    checks = (
        (doc.get("type") in SERVICE_TYPES, "type"),
        (doc.get("status") in STATUSES, "status"),
        ((doc.get("verification") or {}).get("status") in VERIFICATION_STATUSES, "verification"),
        (doc.get("region") is None or doc.get("region") in regions, "region"),
        (bool(doc.get("sources")), "sources"),
    )
    for ok, name in checks:
        if not ok:
            return name
    return None


def load(path: str | Path | None = None) -> Directory:
    """Load a directory file (the bundled one when ``path`` is None)."""
    file = bundled_path() if path is None else Path(path)
    tables = read_tables(file)
    docs = list(tables[SERVICES].values())
    meta_docs = list((tables.get(META) or {}).values())
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
        except (KeyError, TypeError, ValueError) as exc:
            problem = str(exc)
        if problem is not None:
            raise KzSupportError(
                N_("The data file {path} has an invalid record {id} (field {field}). "
                   "Run \"kzsupport db validate\" for a full report."),
                path=str(file),
                id=record_id,
                field=problem,
            )
    meta = meta_docs[0] if meta_docs else {}
    return Directory(
        services=tuple(services),
        regions=regions,
        meta=Meta(
            as_of=str(meta.get("as_of", "?")),
            version=int(meta.get("version", 0)),
            extra={k: v for k, v in meta.items() if k not in ("as_of", "version")},
        ),
        path=str(file),
    )
