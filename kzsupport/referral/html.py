"""HTML: one self-contained file (no external resources) with print styles for A4. All data is escaped."""

from __future__ import annotations

from html import escape

from kzsupport.referral.sheet import Entry, Sheet, Text

_CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: %(base)s;
       line-height: 1.35; color: #000; max-width: 180mm; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #444; margin: 1.2em 0 .4em; }
h3 { font-size: 1.05em; margin: .8em 0 .2em; overflow-wrap: anywhere; }
.meta, .l2 { color: #333; }
.l2 { font-style: italic; font-weight: normal; }
.l2::before { content: "/ "; }
h1 .l2, h2 .l2, h3 .l2, .urgent .l2, .intro .l2, .note .l2 { display: block; }
h1 .l2::before, h2 .l2::before, h3 .l2::before, .urgent .l2::before, .intro .l2::before,
.note .l2::before { content: none; }
.entry { break-inside: avoid; page-break-inside: avoid; margin-bottom: .6em; }
.phone { font-weight: bold; font-size: 1.1em; white-space: nowrap; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .1em .8em; }
dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; } td { padding: .15em .8em .15em 0; vertical-align: top; }
.note { border: 1px solid #000; padding: .5em .8em; margin-top: 1.2em; break-inside: avoid; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def _tag(lang: str) -> str:
    return "kk-Latn" if lang == "kk-latn" else lang


def _t(text: Text, langs: tuple[str, ...]) -> str:
    """The first language as is; a different second-language text under it, marked with its lang."""
    parts = text.parts
    out = escape(parts[0])
    for lang, part in zip(langs[1:], parts[1:], strict=False):
        if part and part != parts[0]:
            out += f' <span class="l2" lang="{_tag(lang)}">{escape(part)}</span>'
    return out


def _entry(entry: Entry, langs: tuple[str, ...]) -> list[str]:
    out = ['<section class="entry">', f"<h3>{_t(entry.name, langs)}</h3>", "<dl>"]
    for phone in entry.phones:
        note = f" ({_t(phone.note, langs)})" if phone.note else ""
        number = f'<span class="phone">{escape(phone.number)}</span>'
        out.append(f"<dt>{_t(phone.kind, langs)}</dt><dd>{number}{note}</dd>")
    for row in entry.rows():
        out.append(f"<dt>{_t(row.label, langs)}</dt><dd>{_t(row.value, langs)}</dd>")
    out += ["</dl>", "</section>"]
    return out


def render(sheet: Sheet) -> str:
    langs = sheet.langs
    css = _CSS % {"base": "16pt" if sheet.large_print else "11pt"}
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_tag(langs[0])}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(sheet.title.inline())}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f"<h1>{_t(sheet.title, langs)}</h1>",
        '<p class="meta">{}</p>'.format(" · ".join(
            f"{_t(row.label, langs)}: {_t(row.value, langs)}" for row in (sheet.printed, sheet.as_of)
        )),
    ]
    if sheet.urgent:
        out.append(f'<p class="urgent"><strong>{_t(sheet.urgent, langs)}</strong></p>')
    if sheet.intro:
        out.append(f'<p class="intro">{_t(sheet.intro, langs)}</p>')
    if (origin := sheet.origin) is not None:
        out.append(f"<p>{_t(origin.label, langs)}: {_t(origin.value, langs)}</p>")
    if sheet.elsewhere:
        out.append(f'<p class="note">{_t(sheet.elsewhere, langs)}</p>')
    if sheet.entries:
        out.append(f"<h2>{_t(sheet.services_heading, langs)}</h2>")
        for entry in sheet.entries:
            out += _entry(entry, langs)
    if sheet.eligibility_heading:
        out.append(f"<h2>{_t(sheet.eligibility_heading, langs)}</h2>")
        for outcome in sheet.eligibility:
            head = f"{_t(outcome.programme, langs)}: {_t(outcome.outcome, langs)}"
            out.append(f'<section class="entry"><h3>{head}</h3>')
            if outcome.explanation:
                out.append(f"<p>{_t(outcome.explanation, langs)}</p>")
            if outcome.next_steps:
                out.append("<ul>{}</ul>".format(
                    "".join(f"<li>{_t(s, langs)}</li>" for s in outcome.next_steps)))
            if (basis := outcome.basis) is not None:
                out.append(f'<p class="meta">{_t(basis.label, langs)}: {_t(basis.value, langs)}</p>')
            out.append("</section>")
    if sheet.national:
        out += [f"<h2>{_t(sheet.national_heading, langs)}</h2>", "<table>"]
        for entry in sheet.national:
            numbers = ", ".join(f'<span class="phone">{escape(p.compact())}</span>' for p in entry.phones)
            out.append(f"<tr><td>{numbers}</td><td>{_t(entry.name, langs)}</td></tr>")
        out.append("</table>")
    out += [f'<p class="note">{_t(sheet.note, langs)}</p>', "</body>", "</html>"]
    return "\n".join(out) + "\n"
