"""Directory records to and from JSON and CSV files (``db export`` / ``db import``).

Export never lets a confidential address out: its text and the record's coordinates are withheld and
the address is marked ``"withheld": true``. On import such a marker means "keep what the store has",
so an export read back in changes nothing.

CSV is one row per record. Trilingual and nested fields are flattened into dotted columns
(``name.kk``, ``address.text.ru``); lists of codes are joined with ``;``; phones, sources, required
documents and caveats are JSON in their cell. Cells starting with ``= + - @``, a tab or a carriage
return (and ``'``, to keep the escape reversible) get a leading ``'`` so a spreadsheet shows them as
text instead of running them as formulas; import removes that one quote again.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kzsupport.changes import has_confidential_address
from kzsupport.errors import BadInput, KzSupportError, ProblemList
from kzsupport.i18n import N_, Nn_, _
from kzsupport.models import LANGS, Service

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
MAX_CELL = 20_000  # characters; longer cells are refused with the row's line number

_LOC = "loc"
_STR = "str"
_BOOL = "bool"
_FLOAT = "float"
_INT = "int"
_CODES = "codes"
_JSON = "json"
_DATE = "date"  # ISO; also read as DD.MM.YYYY, as a spreadsheet set to Russian or Kazakh saves one
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _loc(name: str) -> list[tuple[str, str]]:
    return [(f"{name}.{lang}", _STR) for lang in LANGS]


# Column name -> type. Order is the order of the CSV header.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", _STR),
    ("type", _STR),
    *_loc("name"),
    ("name_descriptive", _CODES),
    *_loc("description"),
    *_loc("operator"),
    ("scope", _STR),
    ("region", _STR),
    *_loc("city"),
    ("address.confidential", _BOOL),
    ("address.withheld", _BOOL),
    *_loc("address.text"),
    *_loc("address.note"),
    ("location.lat", _FLOAT),
    ("location.lon", _FLOAT),
    ("phones", _JSON),
    ("website", _STR),
    ("email", _STR),
    ("hours.open_24_7", _BOOL),
    ("hours.timezone", _STR),
    *_loc("hours.text"),
    ("languages", _CODES),
    ("serves", _CODES),
    ("services_offered", _CODES),
    ("fees.free", _BOOL),
    *_loc("fees.note"),
    *_loc("eligibility_note"),
    ("required_documents", _JSON),
    ("caveats", _JSON),
    ("status", _STR),
    ("national_order", _INT),
    ("sources", _JSON),
    ("verification.status", _STR),
    ("verification.date", _DATE),
    ("verification.method", _STR),
    ("verification.by", _STR),
    *_loc("verification.note"),
    ("extra", _JSON),
)
COLUMN_TYPES = dict(CSV_COLUMNS)
# The columns of each top-level field ("address" -> address.confidential, address.text.kk, ...).
_FIELD_COLUMNS: dict[str, list[str]] = {}
for _column, _kind in CSV_COLUMNS:
    _FIELD_COLUMNS.setdefault(_column.split(".")[0], []).append(_column)
REQUIRED_COLUMNS = (
    "id",
    "type",
    "name.kk",
    "name.ru",
    "name.en",
    "description.kk",
    "description.ru",
    "description.en",
    "scope",
    "status",
    "sources",
    "verification.status",
)
# Optional objects: when every one of their cells is empty the object is null.
_OPTIONAL_OBJECTS = (
    "address.text",
    "address.note",
    "hours.text",
    "fees.note",
    "operator",
    "city",
    "eligibility_note",
    "verification.note",
    "address",
    "location",
    "hours",
    "fees",
)


@dataclass(frozen=True)
class RowError:
    """A problem in one row of an import file: line in a CSV, record number in JSON."""

    line: int | None  # None: a record already in the directory, not in the file
    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)
    column: str | None = None

    def message(self) -> str:
        text = _(self.msgid).format(**self.params)
        if self.line is None:
            where = _("a record already in the directory")
            return f"{where}, {self.column}: {text}" if self.column else f"{where}: {text}"
        if self.column:
            return _("line {line}, {column}: {problem}").format(
                line=self.line, column=self.column, problem=text
            )
        return _("line {line}: {problem}").format(line=self.line, problem=text)


class ImportFailed(ProblemList, BadInput):
    """An import file with errors: every row problem is listed, nothing is written."""

    HEADER = Nn_(
        "{path}: {count} problem; nothing was imported.",
        "{path}: {count} problems; nothing was imported.",
    )

    def __init__(self, path: str, errors: Sequence[RowError]) -> None:
        super().__init__(errors, path=path)


@dataclass(frozen=True)
class ImportRow:
    line: int
    record: dict[str, Any]
    # Top-level fields the file has no columns for: an existing record keeps its own.
    absent: frozenset[str] = frozenset()


# --- redaction ------------------------------------------------------------------------------------


def redact(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy safe to leave the store: a confidential address's text and coordinates withheld."""
    out = copy.deepcopy(dict(record))
    if has_confidential_address(out):
        address = out["address"]
        address["text"] = None
        address["withheld"] = True
        out["location"] = None
    return out


def is_withheld(record: Mapping[str, Any]) -> bool:
    address = record.get("address")
    return isinstance(address, Mapping) and bool(address.get("withheld"))


def restore_withheld(incoming: Mapping[str, Any], stored: Mapping[str, Any] | None) -> dict[str, Any]:
    """Put the stored confidential address and coordinates back into an exported record: where it
    is marked withheld, and where it is still confidential but its text is gone (a spreadsheet
    user cleared the marker), so an import never wipes a shelter's address by accident. Export
    never writes a confidential address's coordinates, so while it stays confidential they are
    never taken from a file."""
    out = dict(incoming)
    address: Mapping[str, Any] = incoming.get("address") or {}
    confidential = has_confidential_address(incoming)
    if stored is not None and has_confidential_address(stored):
        if is_withheld(incoming) or (confidential and not address.get("text")):
            out["address"] = copy.deepcopy(dict(stored["address"]))
            confidential = True
        if confidential:
            out["location"] = copy.deepcopy((stored or {}).get("location"))
    elif is_withheld(incoming):
        out["address"] = {k: v for k, v in incoming["address"].items() if k != "withheld"}
    return out


_ADDRESS_KEPT = N_(
    "{id}: the confidential address was kept as stored; the file's change to it was not imported "
    '(use "kzsupport db edit {id}")'
)
_LOCATION_KEPT = N_(
    "{id}: the coordinates of a confidential address are never imported; the stored ones were kept"
)


def kept_back(incoming: Mapping[str, Any], restored: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What ``restore_withheld`` kept from the store although the file asked for a change, as
    (field, msgid) pairs, so an import can say so instead of dropping the change silently. An empty
    text in a withheld address, or empty coordinates, ask for nothing: that is how they export."""
    out = []
    asked: Mapping[str, Any] = incoming.get("address") or {}
    kept: Mapping[str, Any] = restored.get("address") or {}
    if kept is not asked and has_confidential_address(restored):
        changed = [
            key
            for key in ("text", "note", "confidential")
            if key in asked and asked[key] != kept.get(key) and not (key == "text" and asked[key] is None)
        ]
        if changed:
            out.append(("address", _ADDRESS_KEPT))
    if incoming.get("location") is not None and incoming.get("location") != restored.get("location"):
        out.append(("location", _LOCATION_KEPT))
    return out


# --- JSON -----------------------------------------------------------------------------------------


def export_json(records: Iterable[Mapping[str, Any]], meta: Mapping[str, Any]) -> str:
    data = {
        "meta": dict(meta),
        "services": [redact(r) for r in sorted(records, key=lambda r: str(r["id"]))],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def parse_json(data: bytes, path: str) -> list[ImportRow]:
    """Records from JSON: a list of records, ``{"services": [...]}`` or a TinyDB directory."""
    try:
        raw = json.loads(_decode(data, path))
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            path, [RowError(exc.lineno, N_("not valid JSON (column {column})"), {"column": exc.colno})]
        ) from None
    services: Any = raw.get("services") if isinstance(raw, Mapping) else raw
    if isinstance(services, Mapping):
        services = list(services.values())
    if not isinstance(services, list):
        raise ImportFailed(path, [RowError(1, N_('expected a list of records or a "services" table'))])
    rows = []
    errors = []
    for number, record in enumerate(services, start=1):
        if isinstance(record, dict):
            rows.append(ImportRow(number, record))
        else:
            errors.append(RowError(number, N_("record {number} is not an object"), {"number": number}))
    if errors:
        raise ImportFailed(path, errors)
    return rows


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            path,
            [
                RowError(
                    line,
                    N_("the file is not UTF-8 text (byte {offset}); save it as UTF-8"),
                    {"offset": exc.start},
                )
            ],
        ) from None


# --- CSV ------------------------------------------------------------------------------------------


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def unneutralise(cell: str) -> str:
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == _BOOL:
        return "true" if value else "false"
    if kind == _CODES:
        items = [str(v) for v in value]
        if not items:
            return ""
        if any(";" in v or v != v.strip() or not v for v in items):
            return json.dumps(items, ensure_ascii=False)
        return ";".join(items)
    if kind == _JSON:
        if value in ([], {}):
            return ""
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind in (_FLOAT, _INT):
        return repr(value) if isinstance(value, float) else str(value)
    return str(value)


def _flat(record: Mapping[str, Any], column: str) -> Any:
    if column == "extra":
        known = set(Service._fields) - {"extra"}
        return {k: v for k, v in record.items() if k not in known}
    node: Any = record
    for part in column.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def canonical(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record as the model writes it (every key present), for comparing records fairly."""
    out = Service.from_dict(record).to_dict()
    address = record.get("address")
    if isinstance(address, Mapping) and address.get("withheld") and isinstance(out.get("address"), dict):
        out["address"]["withheld"] = True
    return out


def export_csv(records: Iterable[Mapping[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # csv quotes a cell holding the line terminator "\n", but not a bare "\r", which a reader takes for
    # the end of the row: a row with one is written with every cell quoted, so it reads back whole.
    quoting = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([name for name, _kind in CSV_COLUMNS])
    for record in sorted(records, key=lambda r: str(r["id"])):
        row = canonical(redact(record))
        cells = [neutralise(_cell(_flat(row, name), kind)) for name, kind in CSV_COLUMNS]
        for (name, _kind), cell in zip(CSV_COLUMNS, cells, strict=True):
            if "\x00" in cell:  # Python 3.10's csv cannot write it, and no spreadsheet reads it back
                raise KzSupportError(
                    N_("The record {id} holds a NUL character in {field}, which a CSV file cannot "
                       "carry: remove it (\"kzsupport db validate\" lists such characters)."),
                    id=str(row.get("id")),
                    field=name,
                )
        (quoting if any("\r" in cell for cell in cells) else writer).writerow(cells)
    return buffer.getvalue()


def _parse_cell(text: str, kind: str) -> Any:
    """A typed value from a CSV cell; raises ValueError with a msgid for a wrong type."""
    if text == "":
        return [] if kind in (_CODES, _JSON) else None
    if kind == _BOOL:
        lowered = text.strip().lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
        raise ValueError(N_("expected true or false, found {value}"))
    if kind == _FLOAT:
        try:
            return float(text)
        except ValueError:
            raise ValueError(N_("expected a number, found {value}")) from None
    if kind == _INT:
        try:
            return int(text)
        except ValueError:
            raise ValueError(N_("expected a whole number, found {value}")) from None
    if kind == _CODES:
        if text.startswith("["):
            value = _parse_cell(text, _JSON)
            if not isinstance(value, list):
                raise ValueError(N_("expected a list, found {value}"))
            return value
        return [part.strip() for part in text.split(";") if part.strip()]
    if kind == _JSON:
        try:
            return json.loads(text)
        except ValueError:
            raise ValueError(N_("expected JSON, found {value}")) from None
    dotted = _DOTTED_DATE.fullmatch(text.strip()) if kind == _DATE else None
    if dotted:
        day, month, year = dotted.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return text


def _nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for column, value in flat.items():
        if column == "extra":
            continue
        node = record
        parts = column.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    for name in _OPTIONAL_OBJECTS:
        parts = name.split(".")
        parent: Any = record
        for part in parts[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        child = parent.get(parts[-1]) if isinstance(parent, dict) else None
        if isinstance(child, dict) and all(v is None for v in child.values()):
            parent[parts[-1]] = None
    address = record.get("address")
    if isinstance(address, dict):
        if address.get("confidential") is None:
            address["confidential"] = False
        if not address.get("withheld"):
            address.pop("withheld", None)
    hours = record.get("hours")
    if isinstance(hours, dict) and hours.get("timezone") is None:
        hours["timezone"] = "Asia/Almaty"
    extra = flat.get("extra")
    if isinstance(extra, Mapping):
        record.update(extra)
    return record


def parse_csv(data: bytes, path: str) -> list[ImportRow]:
    """Records from a CSV export (commas, or semicolons as a Russian or Kazakh spreadsheet saves
    it); every problem is collected with its line before anything fails."""
    text = _decode(data, path)
    # A spreadsheet set to Russian or Kazakh saves "CSV" with semicolons; no column name has either.
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in header_line and "," not in header_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    errors: list[RowError] = []
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed(path, [RowError(1, N_("the file is empty"))]) from None
    except csv.Error as exc:
        raise ImportFailed(
            path, [RowError(1, N_("not readable as CSV: {reason}"), {"reason": str(exc)})]
        ) from None
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMN_TYPES]
    if missing:
        errors.append(RowError(1, N_("missing columns: {columns}"), {"columns": ", ".join(missing)}))
    if unknown:
        errors.append(RowError(1, N_("unknown columns: {columns}"), {"columns": ", ".join(unknown)}))
    absent = set()
    for name, columns in _FIELD_COLUMNS.items():
        lacking = [c for c in columns if c not in header]
        if len(lacking) == len(columns):
            absent.add(name)
        elif lacking:  # half a field would read as "clear the rest"
            errors.append(
                RowError(
                    1,
                    N_("the columns of {field} must all be there or all left out; missing: {columns}"),
                    {"field": name, "columns": ", ".join(lacking)},
                )
            )
    if errors:
        raise ImportFailed(path, errors)
    rows: list[ImportRow] = []
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFailed(
                path,
                [
                    *errors,
                    RowError(
                        line,
                        N_("not readable as CSV (a cell may be too long): {reason}"),
                        {"reason": str(exc)},
                    ),
                ],
            ) from None
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            errors.append(
                RowError(
                    start,
                    N_("{found} cells, but the header has {expected}"),
                    {"found": len(cells), "expected": len(header)},
                )
            )
            continue
        flat: dict[str, Any] = {}
        row_ok = True
        for column, raw in zip(header, cells, strict=True):
            if len(raw) > MAX_CELL:
                errors.append(
                    RowError(
                        start,
                        N_("the cell has {length} characters; the limit is {limit}"),
                        {"length": len(raw), "limit": MAX_CELL},
                        column,
                    )
                )
                row_ok = False
                continue
            value = unneutralise(raw)
            try:
                flat[column] = _parse_cell(value, COLUMN_TYPES[column])
            except ValueError as exc:
                errors.append(RowError(start, str(exc.args[0]), {"value": value[:40]}, column))
                row_ok = False
        if row_ok:
            rows.append(ImportRow(start, _nest(flat), frozenset(absent)))
    if errors:
        raise ImportFailed(path, errors)
    return rows


def parse_file(data: bytes, path: str) -> list[ImportRow]:
    """Records from an import file, by its extension (``.csv`` or ``.json``)."""
    lowered = path.lower()
    if lowered.endswith(".csv"):
        return parse_csv(data, path)
    if lowered.endswith(".json"):
        return parse_json(data, path)
    raise BadInput(N_("Cannot import {path}: the file name must end in .csv or .json."), path=path)
