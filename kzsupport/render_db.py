"""Output of the maintainers' commands (``kzsupport db``): validation reports, diffs, the change log,
stale records and the coverage table. Pure functions returning rich renderables or strings."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.text import Text

from kzsupport import labels
from kzsupport.changes import LogEntry, RecordDiff
from kzsupport.i18n import _, ngettext, text
from kzsupport.labels import label
from kzsupport.maintain import Cell, Stale
from kzsupport.models import Region
from kzsupport.render import (
    DANGER,
    DIM,
    WARN,
    Indented,
    Packed,
    TableOrBlocks,
    box_style,
    csv_text,
    new_table,
    region_name,
    table_width,
    to_json,
    verification_text,
)
from kzsupport.validate import ERROR, Report

ADDED, REMOVED = "green", "red"
MAX_FIELDS = 20  # fields shown per change-log entry (``--format json`` has them all)


def _value(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _area_name(key: str, regions: Mapping[str, Region]) -> str:
    if key == "national":
        return _("National")
    if key == "local":
        return _("Region not known")
    return region_name(regions.get(key)) or key


def validation_report(report: Report) -> RenderableType:
    """Problems grouped by record, errors in red, warnings in yellow, then a one-line summary."""
    parts: list[RenderableType] = []
    for service_id, problems in report.by_record().items():
        block = Text((service_id or _("The directory as a whole")) + "\n", style="bold")
        for problem in problems:
            style = DANGER if problem.severity == ERROR else WARN
            kind = _("error") if problem.severity == ERROR else _("warning")
            block.append(f"  {kind}", style=style)
            if problem.field:
                block.append(f" [{problem.field}]", style=DIM)
            block.append(" " + problem.message() + "\n")
        parts.append(block)
    errors = len(report.errors)
    warnings = len(report.problems) - errors
    summary = _("{records} records checked: {errors}, {warnings}.").format(
        records=report.checked,
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
    )
    parts.append(Text(summary, style=DANGER if errors else "green"))
    return Group(*parts)


def validation_json(report: Report) -> str:
    return to_json(
        {
            "checked": report.checked,
            "ok": report.ok,
            "problems": [p.to_dict() for p in report.problems],
        }
    )


def diff_text(diffs: Sequence[RecordDiff]) -> Text:
    """A field-level diff: ``~ id``, then ``field: old → new`` lines."""
    out = Text()
    marks = {"added": ("+", ADDED), "removed": ("-", REMOVED), "changed": ("~", WARN)}
    for diff in diffs:
        mark, style = marks[diff.kind]
        out.append(f"{mark} {diff.service_id}\n", style=style)
        if diff.kind != "changed":
            continue
        for change in diff.changes:
            out.append(f"    {change.path}: ", style=DIM)
            out.append(_value(change.old), style=REMOVED)
            out.append(" → ")
            out.append(_value(change.new) + "\n", style=ADDED)
    return out


def diff_summary(diffs: Sequence[RecordDiff]) -> str:
    added = sum(d.kind == "added" for d in diffs)
    changed = sum(d.kind == "changed" for d in diffs)
    removed = sum(d.kind == "removed" for d in diffs)
    return _("{added} added, {changed} changed, {removed} removed.").format(
        added=added, changed=changed, removed=removed
    )


def log_text(entries: Sequence[LogEntry]) -> Text:
    """The change log, oldest first: a line per change (when, who, what, which record, why), then
    its fields as ``field: old → new``."""
    out = Text()
    for entry in entries:
        out.append(entry.at[:19].replace("T", " ") + " UTC  ", style=DIM)
        out.append(entry.by, style="bold")
        out.append(f"  {entry.action}  {entry.service_id}")
        if entry.note:
            out.append("  — " + entry.note, style="italic")
        out.append("\n")
        for change in entry.changes[:MAX_FIELDS]:
            out.append(f"    {change.path}: ", style=DIM)
            out.append(_value(change.old), style=REMOVED)
            out.append(" → ")
            out.append(_value(change.new) + "\n", style=ADDED)
        hidden = len(entry.changes) - MAX_FIELDS
        if hidden > 0:
            more = ngettext("... and {n} more field", "... and {n} more fields", hidden)
            out.append("    " + more.format(n=hidden) + "\n", style=DIM)
    return out


def log_json(entries: Sequence[LogEntry]) -> str:
    return to_json([e.to_dict() for e in entries])


_CHECKED_WIDTH = 24  # "только по источнику" and a date, one under the other


def stale_table(
    groups: Mapping[str, Sequence[Stale]], regions: Mapping[str, Region], ascii_only: bool = False
) -> RenderableType:
    """What to check next. Ids are what ``db verify`` takes, so they are never cut."""
    blocks: list[RenderableType] = []
    table = new_table(box=box_style(ascii_only))
    widest_id = max((len(item.service.id) for items in groups.values() for item in items), default=0)
    table.add_column(_("Record"), min_width=widest_id, overflow="fold")
    table.add_column(_("Last checked"), width=_CHECKED_WIDTH, overflow="fold")
    for key, items in groups.items():
        area = _area_name(key, regions)
        table.add_row(Text(area, style="bold underline"), "", end_section=True)
        for item in items:
            name = text(item.service.name)
            table.add_row(Text.assemble((item.service.id, "bold"), "\n", name), _last_checked(item, "\n"))
            details = Text("\n").join([Text(name), Text(area), _last_checked(item, ", ")])
            blocks += [Text(item.service.id, style="bold"), Indented(details), Text()]
        table.add_section()
    needs = table_width([widest_id, _CHECKED_WIDTH])
    return TableOrBlocks(lambda _width: table, lambda: Group(*blocks), needs)


def _last_checked(item: Stale, sep: str) -> Text:
    """The date of the last call or visit, or "never" and how far the record has been checked."""
    if item.checked is not None:
        return Text(item.checked, style=WARN)
    return Text.assemble((_("never"), DANGER), sep, verification_text(item.service, sep=" "))


def stale_json(groups: Mapping[str, Sequence[Stale]]) -> str:
    return to_json(
        [
            {
                "region": key,
                "records": [
                    {
                        "id": s.service.id,
                        "last_checked": s.checked,
                        "verification": s.service.verification.status,
                    }
                    for s in items
                ],
            }
            for key, items in groups.items()
        ]
    )


def _cell_text(cell: Cell) -> Text:
    if cell.missing:
        return Text("—" if not cell.unverified else f"({cell.unverified})", style=DANGER)
    return Text(f"{cell.verified}/{cell.source_only}", style="green" if cell.verified else WARN)


# The coverage grid: a region column (at least this wide, wider when the type columns leave room),
# then one numbered column per type (a legend names them), as wide as its widest cell and a gap.
_REGION_WIDTH = 19


def coverage_table(
    cells: Sequence[Cell],
    regions: Mapping[str, Region],
    types: Sequence[str],
    ascii_only: bool = False,
    width: int = 80,
) -> RenderableType:
    """Rows: national + regions; columns: service types; cells: verified/source-only, — missing.

    Types are numbered columns with a legend, so 12 of them fit an 80-column terminal; on a narrower
    one the grid is split into as many tables as it takes, each repeating the region column, so no
    column is ever cut off."""
    by_row: dict[str, list[Text]] = {}
    for cell in cells:
        by_row.setdefault(cell.region, []).append(_cell_text(cell))
    type_width = 1 + max([len(str(len(types))), *(t.cell_len for row in by_row.values() for t in row)])
    per_table = max(1, (width - _REGION_WIDTH - 1) // type_width)
    parts: list[RenderableType] = []
    for first in range(0, len(types), per_table):
        numbers = range(first, min(first + per_table, len(types)))
        table = new_table(
            box=box.ASCII if ascii_only else box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 0)
        )
        room = max(_REGION_WIDTH, width - 1 - len(numbers) * type_width)  # "East Kazakhstan Region"
        table.add_column(_("Region"), min_width=8, max_width=room, overflow="fold")
        for number in numbers:
            table.add_column(str(number + 1), justify="right", no_wrap=True, min_width=type_width - 1)
        for row, row_cells in by_row.items():
            table.add_row(_area_name(row, regions), *(row_cells[n] for n in numbers))
        parts.extend((table, Text()))
    entries = [f"{number} {label(labels.TYPES, kind)} ·" for number, kind in enumerate(types, 1)]
    entries[-1] = entries[-1].removesuffix(" ·")
    legend = Text(" ".join(entries), style=DIM)
    legend.append(
        "\n" + _("verified/source-only records per cell; — no record; (n) only unverified records."),
    )
    return Group(*parts, Packed(legend, (entries,)))  # a type's number stays beside its name


def coverage_json(cells: Sequence[Cell]) -> str:
    return to_json([c.to_dict() for c in cells])


def coverage_csv(cells: Sequence[Cell]) -> str:
    header = ("region", "type", "verified", "source_only", "unverified", "missing")
    rows = (
        (
            c.region,
            c.type,
            str(c.verified),
            str(c.source_only),
            str(c.unverified),
            "true" if c.missing else "false",
        )
        for c in cells
    )
    return csv_text(header, rows)
