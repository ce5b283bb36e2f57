"""Plain text: short enough to paste into a messenger, one line per fact."""

from __future__ import annotations

from kzsupport.referral.sheet import Entry, Row, Sheet


def _row(row: Row) -> str:
    return f"{row.label.inline()}: {row.value.inline()}"


# What each service offers is left out here to keep the message short; the other formats have it.
_SKIPPED = ("offers",)


def _entry(number: int, entry: Entry) -> list[str]:
    lines = [f"{number}. {entry.name.inline()}"]
    for phone in entry.phones:
        lines.append(f"   {phone.kind.inline()}: {phone.number}")
    lines.extend("   " + _row(row) for row in entry.rows() if row.key not in _SKIPPED)
    return lines


def render(sheet: Sheet) -> str:
    out = [sheet.title.inline(), _row(sheet.printed) + " · " + _row(sheet.as_of), ""]
    if sheet.urgent:
        out += [sheet.urgent.inline(), ""]
    if sheet.intro:
        out += [sheet.intro.inline(), ""]
    where = ([_row(sheet.origin)] if sheet.origin else []) + (
        [sheet.elsewhere.inline()] if sheet.elsewhere else [])
    if where:
        out += [*where, ""]
    for i, entry in enumerate(sheet.entries, 1):
        out += _entry(i, entry)
    if sheet.entries:
        out.append("")
    if sheet.eligibility_heading:
        out.append(sheet.eligibility_heading.inline())
    for outcome in sheet.eligibility:  # the why and the legal basis too: they carry the caveats
        out.append(f"{outcome.programme.inline()}: {outcome.outcome.inline()}")
        if outcome.explanation:
            out.append(f"   {outcome.explanation.inline()}")
        out.extend(f"   - {step.inline()}" for step in outcome.next_steps)
        if outcome.basis:
            out.append("   " + _row(outcome.basis))
    if sheet.eligibility:
        out.append("")
    if sheet.national:
        out.append(sheet.national_heading.inline())
        for entry in sheet.national:
            out.append(f"{entry.numbers()} · {entry.name.inline()}")
        out.append("")
    out.append(sheet.note.inline())
    return "\n".join(out) + "\n"
