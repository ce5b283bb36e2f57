"""Terminal and machine output for directory records. The only rich user besides ``cli/``.

Dates in listings are ISO 8601 (``2026-11-22``): short and unambiguous in every language. Printed
sheets and eligibility results write them in the reader's language.

Pure functions: they take records and return rich renderables or strings; ``cli/`` prints them. Text
from data is always wrapped in ``rich.text.Text`` (never parsed as markup), so a name containing
``[bold]`` prints literally.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

from kzsupport import labels
from kzsupport.i18n import _, cited, current_lang, text
from kzsupport.labels import label
from kzsupport.models import Directory, Region, Service, Source

if TYPE_CHECKING:
    from rich import box
    from rich.table import Table

DIM = "dim"
WARN = "bold yellow"
DANGER = "bold red"


def box_style(ascii_only: bool) -> box.Box:
    from rich import box

    return box.ASCII if ascii_only else box.ROUNDED


def new_table(**options: Any) -> Table:
    """A rich table. ``rich.table`` (with the fractions and decimal modules it pulls in, about 4 ms)
    is imported when a table is drawn, so the hotlines list and JSON or CSV output never load it."""
    from rich.table import Table

    return Table(**options)


def region_name(region: Region | None) -> str:
    if region is None:
        return ""
    if current_lang() == "kk-latn":
        return region.name_latn
    return text(region.names)


def service_name(service: Service) -> Text:
    """The name in the active language, marked when it is a descriptive label, not an official name."""
    out = Text(text(service.name))
    lang = "kk" if current_lang() == "kk-latn" else current_lang()
    if lang in service.name_descriptive:
        out.append(" " + _("(descriptive name)"), style=DIM)
    return out


def status_marks(service: Service, contact: bool = True) -> Text:
    """Warnings a reader must not miss: unverified, closed, and (with ``contact``) no known contact."""
    marks = Text()
    if service.is_unverified:
        marks.append(_("UNVERIFIED: do not give to a client") + "\n", style=DANGER)
    if service.status != "active":
        marks.append(label(labels.STATUSES, service.status) + "\n", style=WARN)
    if contact and not service.has_contact and not service.is_national:
        marks.append(_("No verified contact: call 111, 150 or 102") + "\n", style=WARN)
    marks.rstrip()
    return marks


def phones_text(service: Service, detail: bool = False) -> Text:
    """The numbers, whole. In a listing a messenger's name goes on its own line under its number;
    in detail every number gets its kind and note, and a record without one says whom to call."""
    out = Text()
    for i, phone in enumerate(service.phones):
        if i:
            out.append("\n")
        out.append(phone.display, style="bold")
        if detail:
            out.append(f" ({label(labels.PHONE_KINDS, phone.kind)})", style=DIM)
            if phone.note:
                out.append(" " + text(phone.note), style=DIM)
        elif phone.kind not in ("short_number", "voice"):
            out.append(f"\n({label(labels.PHONE_KINDS, phone.kind)})", style=DIM)
    if detail and not service.phones:
        out.append(_("No verified contact: call 111, 150 or 102"), style=WARN)
    return out


def verification_text(service: Service, sep: str = "\n") -> Text:
    """How a record was checked and when: ``source only`` and ``2026-11-22``, joined by ``sep``."""
    v = service.verification
    style = DANGER if v.status == "unverified" else (WARN if v.status == "source_only" else "")
    out = Text(label(labels.VERIFICATION_SHORT, v.status), style=style)
    if v.date:
        out.append(sep + v.date, style=DIM)
    return out


def place_text(service: Service, directory: Directory) -> Text:
    if service.is_national:
        return Text(_("national"))
    city = text(service.city)
    region = region_name(directory.regions.get(service.region or ""))
    parts = [city] if region == city else [city, region]  # Almaty, Astana, Shymkent are both
    return Text(", ".join(p for p in parts if p) or _("region not stated"))


NARROW = 80  # below this many columns, records are listed one under another, not in a table


def service_meta(service: Service) -> Text:
    """Type and id of a record, with the warnings a reader must not miss."""
    meta = Text(label(labels.TYPES, service.type), style="italic")
    meta.append(" · ")
    meta.append(service.id, style=DIM)
    marks = status_marks(service)
    if marks:
        meta.append("\n")
        meta.append_text(marks)
    return meta


def service_cell(service: Service) -> Text:
    """Name, type and id of a record, with the warnings a reader must not miss."""
    cell = service_name(service)
    cell.append("\n")
    cell.append_text(service_meta(service))
    return cell


Row = tuple[Service, "Text | None", Text]  # a record, an optional leading cell (distance), where it is


# Narrowest widths at which a listing's columns still read (wider still for a longer id or place
# name, which are never folded): below them the records are blocks.
SERVICE_MIN, WHERE_MIN, CHECKED_MAX = 24, 12, 12


def listing(
    rows: Sequence[Row], lead: str | None = None, ascii_only: bool = False, narrow: bool = False
) -> RenderableType:
    """Records as a table where it fits whole, else one under another as the hotlines are: the name
    (after the distance, if any) in bold, the rest indented; nothing cut, numbers whole."""

    contacts = [phones_text(service) for service, _first, _where in rows]

    def as_blocks() -> RenderableType:
        entries = []
        for (service, first, where), contact in zip(rows, contacts, strict=True):
            head = Text.assemble(first, " · ") if first is not None and first.plain else Text()
            head.append_text(service_name(service))
            parts = (service_meta(service), where, contact, checked_line(service))
            entries.append((head, parts))
        return blocks(entries)

    if narrow:
        return as_blocks()
    # Most regional records have no verified number yet, and say so in their service cell: a
    # Contact column empty on every row would only take width from the names.
    with_contact = any(c.plain for c in contacts)
    # Each column: its header, its cells, and how it is sized. Distances and numbers are never
    # wrapped ("whole"); ids and place names are never folded; "Checked" is CHECKED_MAX wide (wider
    # only for a longer word); the service takes the width left.
    columns: list[tuple[str, list[Text], str]] = []
    if lead is not None:
        columns.append((lead, [first or Text() for _s, first, _w in rows], "whole"))
    columns.append((_("Service"), [service_cell(service) for service, _f, _w in rows], "service"))
    columns.append((_("Where"), [where for _s, _f, where in rows], "where"))
    if with_contact:
        columns.append((_("Contact"), contacts, "whole"))
    columns.append((_("Checked"), [verification_text(service) for service, _f, _w in rows], "checked"))

    def sized(header: str, cells: list[Text], sizing: str) -> tuple[int, int]:
        low, high = widest_word([header, *cells]), widest_line([header, *cells])
        if sizing == "whole":
            low = high
        elif sizing == "service":
            low = max(SERVICE_MIN, low, widest_line(service.id for service, _f, _w in rows))
        elif sizing == "where":
            low = max(WHERE_MIN, low)
        else:
            low = high = max(low, min(CHECKED_MAX, high))
        return low, max(low, high)

    mins, maxes = zip(*(sized(*column) for column in columns), strict=True)
    headers = [header for header, _cells, _sizing in columns]
    cells = [list(row) for row in zip(*(cells for _h, cells, _s in columns), strict=True)]
    right = (0,) if lead is not None else ()
    return fitted_table(
        headers, cells, mins, maxes, as_blocks, box_style(ascii_only), lines=True, right=right
    )


def widest_word(cells: Iterable[Text | str | None]) -> int:
    """The widest word among ``cells``: the narrowest a column holding them can be without
    folding a word (an id, a place name) in two."""
    return widest_line(word for c in cells if c for word in (c.plain if isinstance(c, Text) else c).split())


def widest_line(cells: Iterable[Text | str | None]) -> int:
    """The widest line among ``cells``, in terminal columns."""
    lines = (line for c in cells if c for line in (c.plain if isinstance(c, Text) else c).split("\n"))
    return max((cell_len(line) for line in lines), default=0)


def table_width(columns: Sequence[int]) -> int:
    """The width of a boxed table whose columns hold ``columns`` characters of text: a space either
    side of each cell, and a rule between and around them."""
    return sum(columns) + 3 * len(columns) + 1


class TableOrBlocks:
    """A table where the terminal has ``needs`` columns, else the same records one under another:
    rich would squeeze a column to a few letters, or crop a table that cannot fit, cutting what a
    reader needs whole. Each is made only if drawn; the table is given the width it is drawn in."""

    def __init__(
        self, table: Callable[[int], RenderableType], blocks: Callable[[], RenderableType], needs: int
    ) -> None:
        self.table, self.blocks, self.needs = table, blocks, needs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fits = options.max_width >= self.needs
        yield self.table(options.max_width) if fits else self.blocks()


def column_widths(mins: Sequence[int], maxes: Sequence[int], room: int) -> list[int]:
    """Content widths for table columns in ``room`` columns of text: each at least its minimum, the
    space left shared out so that the columns needing most get it first, none beyond its maximum.
    (Rich's own sharing can leave a table wider than the terminal, which it then crops.)"""
    widths = list(mins)
    spare = room - sum(widths)
    while spare > 0:
        wanting = [i for i, w in enumerate(widths) if w < maxes[i]]
        if not wanting:
            break
        share = max(1, spare // len(wanting))
        for i in sorted(wanting, key=lambda i: widths[i] - maxes[i]):
            grant = min(share, maxes[i] - widths[i], spare)
            widths[i] += grant
            spare -= grant
    return widths


def fitted_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Text]],
    mins: Sequence[int],
    maxes: Sequence[int],
    as_blocks: Callable[[], RenderableType],
    frame: box.Box,
    lines: bool = False,
    right: Collection[int] = (),
) -> TableOrBlocks:
    """``rows`` as a table whose columns are each between ``mins`` (their narrowest readable width)
    and ``maxes`` wide, sharing the terminal's width (``column_widths``); ``as_blocks()`` where
    the terminal cannot give every column its minimum."""
    rules = table_width([0] * len(headers))

    def as_table(width: int) -> Grid:
        widths = column_widths(mins, maxes, width - rules)
        return Grid([Text(h, style="table.header") for h in headers], rows, widths, frame, lines, right)

    return TableOrBlocks(as_table, as_blocks, table_width(mins))


class Grid:
    """A boxed table with the column widths given: rich's box characters and text wrapping, drawn
    row by row. Not ``rich.table``: kzsupport works out its widths itself (``column_widths``), and
    rich's layout did not keep them (a table filling the width ignores a ratio column's minimum:
    near folded "Taldykorgan," before its comma). In a fresh ``near`` process it also cost 4 ms to
    import and 10 ms to draw the ten rows, where this takes 5."""

    def __init__(
        self,
        headers: Sequence[Text],
        rows: Sequence[Sequence[Text]],
        widths: Sequence[int],
        frame: box.Box,
        lines: bool,
        right: Collection[int],
    ) -> None:
        self.headers, self.rows, self.widths = headers, rows, widths
        self.frame, self.lines, self.right = frame, lines, right
        self._wrapped: dict[tuple[Any, ...], list[Text]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        box = self.frame.substitute(options, safe=console.safe_box)
        padded = [w + 2 for w in self.widths]
        yield Segment(box.get_top(padded) + "\n")
        yield from self._row(console, self.headers, (box.head_left, box.head_vertical, box.head_right))
        yield Segment(box.get_row(padded, "head") + "\n")
        for number, row in enumerate(self.rows):
            if number and self.lines:
                yield Segment(box.get_row(padded, "row") + "\n")
            yield from self._row(console, row, (box.mid_left, box.mid_vertical, box.mid_right))
        yield Segment(box.get_bottom(padded) + "\n")

    def _row(self, console: Console, cells: Sequence[Text], rules: tuple[str, str, str]) -> RenderResult:
        """One row of cells, each wrapped to its width (a word longer than it is folded). Text
        without a style is joined into one segment: fewer for the console to split into lines."""
        wrapped = [self._lines(console, cell, w) for cell, w in zip(cells, self.widths, strict=True)]
        for n in range(max(len(lines) for lines in wrapped)):
            plain = ""  # unstyled text not yet yielded
            for i, (lines, width) in enumerate(zip(wrapped, self.widths, strict=True)):
                rule = rules[1] if i else rules[0]
                if n >= len(lines):
                    plain += rule + " " * (width + 2)
                    continue
                line = lines[n]
                gap = " " * (width - line.cell_len)
                right = i in self.right
                plain += rule + (" " + gap if right else " ")
                if line.spans or line.style:
                    yield Segment(plain)
                    plain = ""
                    if line.spans:
                        yield from line.render(console)  # the spans', over the line's own style
                    else:  # render() would drop the style of a line without spans
                        yield Segment(line.plain, console.get_style(line.style))
                else:
                    plain += line.plain
                plain += " " if right else gap + " "
            yield Segment(plain + rules[2] + "\n")

    def _lines(self, console: Console, cell: Text, width: int) -> list[Text]:
        """``cell`` in lines of at most ``width`` columns: its own lines, each given to rich's
        wrapping, the costliest part of drawing a table, only when it is too long. Cells and lines
        repeat down a table ("distance to its city", the same caveat): each is wrapped once."""
        key = (cell.plain, cell.style, tuple(cell.spans), cell.justify, width)
        found = self._wrapped.get(key)
        if found is None:
            if "\n" in cell.plain:
                lines = cell.split("\n", allow_blank=True)
                found = [piece for line in lines for piece in self._lines(console, line, width)]
            elif cell.cell_len > width:
                found = list(cell.wrap(console, width, overflow="fold"))
            else:
                found = [cell]
            self._wrapped[key] = found
        return found


def services_table(
    services: Sequence[Service], directory: Directory, ascii_only: bool = False, narrow: bool = False
) -> RenderableType:
    rows: list[Row] = [(s, None, place_text(s, directory)) for s in services]
    return listing(rows, None, ascii_only, narrow)


def first_sentence(value: str) -> str:
    """The first sentence of a description, for compact listings (``show`` gives the rest)."""
    for end in (". ", "! ", "? "):
        cut = value.find(end)
        if cut != -1:
            return value[: cut + 1]
    return value


def hotlines_list(services: Sequence[Service]) -> RenderableType:
    """The national lines one under another: the numbers first, each on a line of its own (never
    wrapped or cut), then, indented, the name, what the line is for, its hours, how it was checked
    and every caveat. Blocks rather than a table: as a table the seven lines ran to 188 rows at 80
    columns; as blocks they read the same at 40 columns or 200, with no box lines to draw."""
    out: list[RenderableType] = []
    for service in services:
        body = service_name(service)
        body.stylize("bold")
        body.append("\n" + first_sentence(text(service.description)))
        body.append("\n" + _("Hours: {hours}").format(hours=hours_text(service, sep=" · ").plain))
        body.append("\n")
        body.append_text(checked_line(service))
        for caveat in service.caveats:
            body.append("\n! " + text(caveat), style=WARN)
        body.append("\n" + service.id, style=DIM)
        out.append(phones_text(service))
        out.append(Indented(body))
        out.append(Text())
    return Group(*out)


def blocks(entries: Iterable[tuple[Text, Sequence[Text]]]) -> Group:
    """Records one under another, for a terminal too narrow for a table: the head in bold, then its
    non-empty parts one per line, indented; every line wrapped whole, nothing cut to "…"."""
    out: list[RenderableType] = []
    for head, parts in entries:
        head.stylize("bold")
        out.append(Indented(head, 0))
        out.append(Indented(Text("\n").join(p for p in parts if p.plain)))
        out.append(Text())
    return Group(*out)


class Indented:
    """Text wrapped to the width left after ``indent`` spaces, every line indented. Unlike rich's
    ``Padding`` it adds nothing on the right, so piped output carries no trailing spaces. Lines break
    only between the texts of ``whole`` (as in ``Packed``); by default, never inside a phone number
    written in the text ("8 (7172) 58-00-58" in a description)."""

    def __init__(self, content: Text, indent: int = 2,
                 whole: Sequence[Sequence[str]] | None = None) -> None:
        self.content = content
        self.indent = indent
        if whole is None:
            numbers = spaced_numbers(content.plain)
            whole = (numbers,) if numbers else None
        self.whole = whole

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 1)
        whole = self.whole
        pieces = [self.content] if whole is None else Packed(self.content, whole).lines(width)
        for line in (ln for piece in pieces for ln in piece.wrap(console, width, overflow="fold")):
            line.rstrip()
            out = Text(" " * self.indent)
            out.append_text(line)  # its own style too, which render() alone would drop (as in Grid)
            yield from out.render(console)
            yield Segment.line()


def checked_line(service: Service) -> Text:
    """``Checked: source only, 2026-11-22``, the status coloured as in tables."""
    status = verification_text(service, sep=", ")
    before, _placeholder, after = _("Checked: {status}").partition("{status}")
    return Text.assemble(before, status, after)


def hours_text(service: Service, sep: str = "\n") -> Text:
    """The hours: ``24 hours, 7 days`` and the record's own words, joined by ``sep``, or its text."""
    hours = service.hours
    if hours is None:
        return Text(_("not known"), style=DIM)
    note = text(hours.text)
    if hours.open_24_7:
        out = Text(_("24 hours, 7 days"))
        note = labels.hours_note(note)
        if note:
            out.append(sep + note, style=DIM)
        return out
    return Text(note or _("not known"))


def regions_table(
    regions: Iterable[Region], ascii_only: bool = False, narrow: bool = False
) -> RenderableType:
    if narrow:
        return blocks(
            (Text(region_name(r)), (Text(f"{r.id} · {r.iso}"), Text(text(r.centre))))
            for r in regions
        )
    table = new_table(box=box_style(ascii_only))
    table.add_column(_("ID"), no_wrap=True)
    table.add_column(_("ISO code"), no_wrap=True)
    table.add_column(_("Name"))
    table.add_column(_("Centre"))
    for region in regions:
        centre = text(region.centre)
        table.add_row(region.id, region.iso, region_name(region), centre)
    return table


def footer(directory: Directory, national: Sequence[Service]) -> Packed:
    """The national lines and the data date, under every table. A line of the footer breaks only
    between words and between lines' entries, never inside a number (``WhatsApp +7 708 106 08 10``)."""
    out = Text()
    out.append(_("In danger now: call 112 or 102."), style="bold")
    entries = [", ".join(p.labelled() for p in service.phones) for service in national]
    if entries:  # a hand-made directory may have none: "National lines: ." would read as a fault
        out.append(" " + _("National lines: {numbers}.").format(numbers=" · ".join(entries)))
    out.append("\n")
    out.append(
        _("Numbers change: when in doubt, call 111 or 150. Data as of {date}").format(
            date=directory.meta.as_of
        ),
        style=DIM,
    )
    numbers = [p.display for service in national for p in service.phones]
    return Packed(out, (entries, numbers))


def _pieces(line: Text, whole: Iterable[str]) -> list[Text]:
    """``line`` cut at its spaces, except the spaces inside any occurrence of a ``whole`` text."""
    plain = line.plain
    kept: set[int] = set()
    for item in whole:
        start = plain.find(item)
        while item and start != -1:
            kept.update(range(start, start + len(item)))
            start = plain.find(item, start + len(item))
    cuts = [i for i, char in enumerate(plain) if char == " " and i not in kept]
    pieces = [p[1:] if i else p for i, p in enumerate(line.divide(cuts))]  # each after a space
    return [p for p in pieces if p.plain]


class Packed:
    """Text laid out by hand, piece after piece, a line broken only between pieces: rich's own
    wrapping breaks at any whitespace, the no-break space too (Python's ``\\s`` matches it), so it
    could split a phone number. ``whole`` lists texts kept on one line, coarsest first: a piece too
    wide for the terminal is split at the next level (an entry into its numbers), and only a single
    number wider than the terminal is folded."""

    def __init__(self, content: Text, whole: Sequence[Sequence[str]]) -> None:
        self.content = content
        self.whole = whole

    def _fitted(self, line: Text, width: int, level: int = 0) -> list[Text]:
        if level == len(self.whole):
            return [line]
        out: list[Text] = []
        for piece in _pieces(line, self.whole[level]):
            fits = piece.cell_len <= width
            out += [piece] if fits else self._fitted(piece, width, level + 1)
        return out

    def lines(self, width: int) -> list[Text]:
        """The content laid out in lines of at most ``width`` cells (a piece wider stays whole)."""
        out: list[Text] = []
        for paragraph in self.content.split("\n"):
            lines: list[Text] = [Text()]
            for piece in self._fitted(paragraph, width):
                line = lines[-1]
                if line.plain and line.cell_len + 1 + piece.cell_len > width:
                    lines.append(line := Text())
                elif line.plain:
                    line.append(" ")
                line.append_text(piece)
            out += lines
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Indented(self.content, 0, self.whole)


# A phone number as written in a record's text, "8 (7172) 58-00-58", "+7 708 106 08 10": +7 or 8,
# then digits with the spaces, brackets and hyphens people put between them, kept on one line.
_NUMBER_IN_TEXT = re.compile(r"(?:\+7|(?<![\d.,])8)[ \u00a0]*\(?\d[\d ()\-\u00a0]*\d")


def spaced_numbers(plain: str) -> list[str]:
    """The phone numbers written with spaces in ``plain``: where a line could break."""
    return [m.group() for m in _NUMBER_IN_TEXT.finditer(plain) if " " in m.group()]


def numbers_whole(content: Text) -> RenderableType:
    """``content`` wrapped as rich wraps it, except that a phone number in it is never broken."""
    numbers = spaced_numbers(content.plain)
    return Packed(content, (numbers,)) if numbers else content


def _field(table: Table, name: str, value: Text | str | None) -> None:
    if value is None or value == "" or (isinstance(value, Text) and not value.plain):
        return
    content = value if isinstance(value, Text) else Text(str(value))
    table.add_row(Text(name, style="bold"), numbers_whole(content))


def service_detail(
    service: Service, directory: Directory, ascii_only: bool = False
) -> RenderableType:
    """One record in full and how it was checked; its sources are ``Sources``, printed after it."""
    head = Text(text(service.name), style="bold")
    head.append("  " + service.id, style=DIM)
    info = new_table(box=None, show_header=False, padding=(0, 1))
    info.add_column(no_wrap=True)
    info.add_column(overflow="fold")
    _field(info, _("Type"), label(labels.TYPES, service.type))
    if service.name_descriptive:
        _field(info, _("Name"), service_name(service))
    _field(info, _("About"), text(service.description))
    _field(info, _("Operator"), text(service.operator))
    _field(info, _("Where"), place_text(service, directory))
    _field(info, _("Address"), address_text(service))
    _field(info, _("Contact"), phones_text(service, detail=True))
    _field(info, _("Website"), service.website)
    _field(info, _("E-mail"), service.email)
    _field(info, _("Hours"), hours_text(service))
    _field(info, _("Languages"), ", ".join(label(labels.LANGUAGE_NAMES, x) for x in service.languages))
    _field(info, _("Serves"), "; ".join(label(labels.SERVES, x) for x in service.serves))
    _field(info, _("Offers"), "; ".join(label(labels.OFFERS, x) for x in service.services_offered))
    _field(info, _("Cost"), fees_text(service))
    _field(info, _("Who can use it"), text(service.eligibility_note))
    _field(info, _("What to bring"), "\n".join(text(d) for d in service.required_documents))
    _field(info, _("Status"), status_label(service))
    _field(info, _("Warnings"), status_marks(service, contact=False))
    _field(info, _("Keep in mind"), Text("\n".join(text(c) for c in service.caveats), style=WARN))
    _field(info, _("Checked"), verification_detail(service))
    return Group(head, info)


def address_text(service: Service) -> Text | None:
    if service.address is None:
        return None
    if service.address.confidential:
        out = Text(_("Confidential: never shared. Contact the service by phone or through 111 / 102."))
        return out
    out = Text(text(service.address.text))
    if service.address.note:
        out.append("\n" + text(service.address.note), style=DIM)
    return out


def fees_text(service: Service) -> str | None:
    if service.fees is None:
        return None
    parts = []
    if service.fees.free is True:
        parts.append(_("free"))
    elif service.fees.free is False:
        parts.append(_("not free"))
    if service.fees.note:
        parts.append(text(service.fees.note))
    return "; ".join(parts) or None


def status_label(service: Service) -> str:
    """The record's status, translated. An unverified lead's "active" is only what was stored when it
    was found, so it is not shown as a claim that the service works."""
    if service.is_unverified and service.status == "active":
        return _("unknown (unverified lead)")
    return label(labels.STATUSES, service.status)


def verification_detail(service: Service) -> Text:
    """Status, date, method, who checked and the note. The note is a record text (one typed in a
    single language is marked with it when that is not the reader's). Who checked is a name or a
    login (``aigerim``), in no language: shown as it is."""
    v = service.verification
    out = verification_text(service)
    if v.method:
        out.append(" · " + label(labels.METHODS, v.method), style=DIM)
    if v.by:
        out.append(" · " + v.by, style=DIM)
    if v.note:
        out.append("\n" + text(v.note), style=DIM)
    return out


class Sources:
    """A record's sources as cited: a title as published (never translated; marked with its language
    when that is not the reader's), publisher, dates, then the link or document on a line of its own,
    never wrapped: a URL broken across lines can be neither clicked nor copied. Printed with soft
    wrapping (``App.print(..., soft_wrap=True)``), a long link runs on and the terminal wraps it. The
    project's own research notes are named as such, not by their file."""

    def __init__(self, service: Service) -> None:
        self.service = service

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(_("Sources"), style="bold")
        for i, source in enumerate(self.service.sources, 1):
            if source.is_project_research:
                line = Text(f"{i}. " + _("Project research notes (not a public source), read {date}")
                            .format(date=source.accessed))
                line.append("\n" + _source_title(source), style=DIM)
                yield Indented(line)
                continue
            title = (_("Checked by the directory's maintainers: {method}").format(
                         method=label(labels.METHODS, source.check_method))
                     if source.check_method else _source_title(source))  # the check's, in any language
            line = Text(f"{i}. {title}")
            read = _("read {date}").format(date=source.accessed)
            meta = [source.publisher, source.date or _("undated"), read]
            line.append(" — " + ", ".join(meta), style=DIM)
            yield Indented(line)
            link = source.url or source.document
            if link:
                yield Segment("     " + link, console.get_style("cyan"))
                yield Segment.line()


def _source_title(source: Source) -> str:
    """The title as published (``cited``), then in brackets what the source is in the reader's
    language; an untitled source is only the latter: ``(открытие центра в Сайрамском районе)``."""
    about = f"({text(source.about)})" if source.about else ""
    if source.title is None:
        return about
    return f"{cited(source.title)} {about}" if about else cited(source.title)


# Machine formats -------------------------------------------------------------------------------


def to_json(payload: Any) -> str:
    """Lossless, stable JSON: all languages, sorted keys, real Kazakh letters."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2)


def services_json(services: Sequence[Service], directory: Directory) -> str:
    return to_json(
        {
            "as_of": directory.meta.as_of,
            "count": len(services),
            "services": [s.to_dict(public=True) for s in services],
        }
    )


CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP: prefix a quote)."""
    return "'" + value if value.startswith(CSV_FORMULA_START) else value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return buffer.getvalue()


def services_csv(services: Sequence[Service], directory: Directory) -> str:
    # "verification_date" is when the status was recorded, whatever it is: not a "verified on".
    header = ("id", "type", "name", "region", "city", "phones", "verification", "verification_date")
    return csv_text(
        header,
        (
            (
                s.id,
                s.type,
                text(s.name),
                s.region or "",
                text(s.city),
                " | ".join(p.labelled() for p in s.phones),
                s.verification.status,
                s.verification.date or "",
            )
            for s in services
        ),
    )


def regions_json(regions: Mapping[str, Region]) -> str:
    return to_json({"regions": [dict(r.raw) for r in regions.values()]})


def regions_csv(regions: Mapping[str, Region]) -> str:
    header = ("id", "iso_3166_2", "kind", "name_kk", "name_kk_latn", "name_ru", "name_en")
    rows = (
        (r.id, r.iso, r.kind, r.names.kk or "", r.name_latn, r.names.ru or "", r.names.en or "")
        for r in regions.values()
    )
    return csv_text(header, rows)
