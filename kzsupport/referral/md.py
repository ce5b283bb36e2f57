"""Markdown: headings and lists; data is escaped so a name cannot turn into a link or markup."""

from __future__ import annotations

import re

from kzsupport.referral.sheet import Entry, Sheet, Text

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _esc(value: str) -> str:
    return _SPECIAL.sub(r"\\\1", value)


def _t(text: Text) -> str:
    return " / ".join(_esc(p) for p in text.distinct())


def _entry(entry: Entry, level: str) -> list[str]:
    lines = [f"{level} {_t(entry.name)}", ""]
    for phone in entry.phones:
        note = f" ({_t(phone.note)})" if phone.note else ""
        lines.append(f"- **{_t(phone.kind)}: {_esc(phone.number)}**{note}")
    for row in entry.rows():
        lines.append(f"- {_t(row.label)}: {_t(row.value)}")
    lines.append("")
    return lines


def render(sheet: Sheet) -> str:
    out = ["# " + _t(sheet.title), ""]
    if sheet.urgent:
        out += [f"**{_t(sheet.urgent)}**", ""]
    if sheet.intro:
        out += [_t(sheet.intro), ""]
    if sheet.origin:
        out += [f"{_t(sheet.origin.label)}: {_t(sheet.origin.value)}", ""]
    if sheet.elsewhere:
        out += [f"**{_t(sheet.elsewhere)}**", ""]
    if sheet.entries:
        out += ["## " + _t(sheet.services_heading), ""]
        for entry in sheet.entries:
            out += _entry(entry, "###")
    if sheet.eligibility_heading:
        out += ["## " + _t(sheet.eligibility_heading), ""]
        for outcome in sheet.eligibility:
            out.append(f"- **{_t(outcome.programme)}: {_t(outcome.outcome)}**")
            if outcome.explanation:
                out.append("  " + _t(outcome.explanation))
            out.extend("  - " + _t(step) for step in outcome.next_steps)
            if outcome.basis:
                out.append(f"  - *{_t(outcome.basis.label)}: {_t(outcome.basis.value)}*")
        out.append("")
    if sheet.national:
        out += ["## " + _t(sheet.national_heading), ""]
        for entry in sheet.national:
            out.append(f"- **{_esc(entry.numbers())}**: {_t(entry.name)}")
        out.append("")
    out += ["> " + _t(sheet.note), ""]
    out.append(" · ".join(f"{_t(row.label)}: {_t(row.value)}" for row in (sheet.printed, sheet.as_of)))
    return "\n".join(out) + "\n"
