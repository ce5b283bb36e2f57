"""Field-level changes between records: dotted paths, diffs and change-log entries.

Pure functions over plain JSON values (the TinyDB documents), so that the store, ``db diff``,
``db import`` and ``db log`` all describe a change the same way: a list of ``Change`` with a dotted
path (``name.kk``, ``phones.0.number``), the old value and the new value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kzsupport.errors import BadInput
from kzsupport.i18n import N_

# A value that is missing altogether (as opposed to a JSON null).
MISSING: Any = None


@dataclass(frozen=True)
class Change:
    """One leaf that differs. ``old``/``new`` are JSON values; ``None`` also stands for absent."""

    path: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.path, "old": self.old, "new": self.new}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        return cls(path=str(data["field"]), old=data.get("old"), new=data.get("new"))


@dataclass(frozen=True)
class RecordDiff:
    """How one record differs between two versions of a directory."""

    service_id: str
    kind: str  # "added" | "removed" | "changed"
    changes: tuple[Change, ...]


def _leaves(value: Any, prefix: str) -> Iterable[tuple[str, Any]]:
    if isinstance(value, Mapping) and value:
        for key in sorted(value):
            yield from _leaves(value[key], f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from _leaves(item, f"{prefix}.{index}" if prefix else str(index))
    else:
        yield prefix, value


def diff_values(old: Any, new: Any, prefix: str = "") -> list[Change]:
    """The leaves where ``old`` and ``new`` differ, in a stable order (keys sorted, list order).

    Lists are compared item by item: a phone inserted at the front shows as changes on every
    following index, which is what a reviewer reading ``phones.0.number`` expects. Inside a value
    that appears or disappears as a whole, null leaves are left out (they say nothing).
    """
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        out: list[Change] = []
        for key in sorted(set(old) | set(new)):
            path = f"{prefix}.{key}" if prefix else str(key)
            if key not in new:
                out.extend(Change(p, v, None) for p, v in _leaves(old[key], path) if v is not None)
            elif key not in old:
                out.extend(Change(p, None, v) for p, v in _leaves(new[key], path) if v is not None)
            else:
                out.extend(diff_values(old[key], new[key], path))
        return out
    if isinstance(old, list) and isinstance(new, list):
        out = []
        for index in range(max(len(old), len(new))):
            path = f"{prefix}.{index}" if prefix else str(index)
            if index >= len(new):
                out.extend(Change(p, v, None) for p, v in _leaves(old[index], path) if v is not None)
            elif index >= len(old):
                out.extend(Change(p, None, v) for p, v in _leaves(new[index], path) if v is not None)
            else:
                out.extend(diff_values(old[index], new[index], path))
        return out
    if old == new and type(old) is type(new):
        return []
    if old is None and new is not None:
        return [Change(p, None, v) for p, v in _leaves(new, prefix) if v is not None]
    if new is None and old is not None:
        return [Change(p, v, None) for p, v in _leaves(old, prefix) if v is not None]
    if isinstance(old, (Mapping, list)) or isinstance(new, (Mapping, list)):
        # A text typed in one language became one in kk/ru/en (or back): leaf by leaf, not as JSON.
        return [*(Change(p, v, None) for p, v in _leaves(old, prefix) if v is not None),
                *(Change(p, None, v) for p, v in _leaves(new, prefix) if v is not None)]
    return [Change(prefix, old, new)]


def diff_records(old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> list[RecordDiff]:
    """Record-by-record differences between two lists of service records, matched by ``id``."""
    old_by_id = {str(r["id"]): r for r in old}
    new_by_id = {str(r["id"]): r for r in new}
    out: list[RecordDiff] = []
    for service_id in sorted(set(old_by_id) | set(new_by_id)):
        before = old_by_id.get(service_id)
        after = new_by_id.get(service_id)
        if before is None:
            out.append(RecordDiff(service_id, "added", tuple(diff_values({}, after))))
        elif after is None:
            out.append(RecordDiff(service_id, "removed", tuple(diff_values(before, {}))))
        elif before != after:
            changes = diff_values(before, after)
            if changes:
                out.append(RecordDiff(service_id, "changed", tuple(changes)))
    return out


# --- confidential addresses -----------------------------------------------------------------------

WITHHELD = "[withheld: confidential address]"
SECRET_FIELDS = ("address.text", "address.note", "location")


def has_confidential_address(record: Mapping[str, Any] | None) -> bool:
    """Whether a raw record's address is confidential (a shelter's)."""
    address = (record or {}).get("address")
    return isinstance(address, Mapping) and bool(address.get("confidential"))


def withhold(diffs: Iterable[RecordDiff], records: Iterable[Mapping[str, Any]]) -> list[RecordDiff]:
    """The diffs with the text, note and coordinates of a confidential address shown only as
    changed: for every record whose address is confidential in any of ``records`` (give both
    versions, so a shelter whose address was or becomes confidential is covered). The change log,
    ``db diff`` and the preview of ``db import`` all show a change this way, never the address; a
    value that appears or goes away shows as such (``[withheld...] → ∅``: the address was removed)."""
    secret = {str(r.get("id")) for r in records if has_confidential_address(r)}

    def hidden(value: Any) -> Any:
        return None if value is None else WITHHELD

    return [
        RecordDiff(
            d.service_id,
            d.kind,
            tuple(
                Change(c.path, hidden(c.old), hidden(c.new)) if c.path.startswith(SECRET_FIELDS) else c
                for c in d.changes
            ),
        )
        if d.service_id in secret
        else d
        for d in diffs
    ]


# --- dotted paths ---------------------------------------------------------------------------------


def split_path(path: str) -> list[str | int]:
    """``phones.0.number`` or ``phones[0].number`` -> ``["phones", 0, "number"]``."""
    cleaned = path.strip().replace("[", ".").replace("]", "")
    parts: list[str | int] = []
    for raw in cleaned.split("."):
        if raw == "":
            raise BadInput(N_("The field path {path} is not valid."), path=path)
        parts.append(int(raw) if raw.isdigit() else raw)
    return parts


def get_path(record: Any, path: str) -> Any:
    """The value at a dotted path, or ``None`` when any step is missing."""
    node = record
    for part in split_path(path):
        in_list = isinstance(part, int) and isinstance(node, list) and part < len(node)
        in_map = isinstance(part, str) and isinstance(node, Mapping) and part in node
        if in_list or in_map:
            node = node[part]
        else:
            return None
    return node


def set_path(record: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path in place, creating objects on the way.

    A list index may address an existing item or append one (index == length); anything further
    away is refused, so ``phones.7.number`` on a record with one phone is an error, not a gap.
    """
    parts = split_path(path)
    node: Any = record
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        following = None if last else parts[position + 1]
        if isinstance(part, int):
            if not isinstance(node, list) or part > len(node):
                raise BadInput(N_("The field path {path} points past the end of a list."), path=path)
            if part == len(node):
                node.append(None)
            if last:
                node[part] = value
                return
            if node[part] is None:
                node[part] = [] if isinstance(following, int) else {}
            node = node[part]
        else:
            if not isinstance(node, dict):
                raise BadInput(N_("The field path {path} is not valid."), path=path)
            if last:
                node[part] = value
                return
            if node.get(part) is None:
                node[part] = [] if isinstance(following, int) else {}
            node = node[part]


def parse_json_value(text: str) -> Any:
    """A typed value from the command line: JSON when it parses, else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


# --- change-log entries ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LogEntry:
    """One line of the change log: who changed which record, when, and how."""

    at: str
    by: str
    action: str
    service_id: str
    changes: tuple[Change, ...]
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "by": self.by,
            "action": self.action,
            "id": self.service_id,
            "changes": [c.to_dict() for c in self.changes],
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogEntry:
        return cls(
            at=str(data["at"]),
            by=str(data["by"]),
            action=str(data["action"]),
            service_id=str(data["id"]),
            changes=tuple(Change.from_dict(c) for c in data.get("changes", ())),
            note=data.get("note"),
        )
