"""PDF: A4, the shipped DejaVu Sans embedded (every Kazakh letter), page numbers, text that wraps.

fpdf2 is imported inside ``render`` only, so nothing else pays for it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

from kzsupport.referral.sheet import Entry, Outcome, Row, Sheet, Text
from kzsupport.resources import data_file

T = TypeVar("T")

FONT = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
_GREY = (70, 70, 70)
_MARGIN = 15.0  # mm, all sides
_INDENT = 5.0


class _Style:
    """Font sizes (pt) and line heights (mm) for normal and large print."""

    def __init__(self, large: bool) -> None:
        self.body = 16.0 if large else 10.5
        self.title = 26.0 if large else 18.0
        self.heading = 20.0 if large else 13.0
        self.name = 18.0 if large else 11.5
        self.phone = 20.0 if large else 12.5
        self.page_number = 13.0 if large else 9.0

    @staticmethod
    def line(size: float) -> float:
        return size * 0.3528 * 1.35


def _lang_tag(lang: str) -> str:
    return "kk-Latn" if lang == "kk-latn" else lang


def _block(pdf: Any, text: Text, size: float, bold: bool = False) -> None:
    """A text that wraps; a different second-language text goes under it, smaller and grey."""
    from fpdf.enums import XPos, YPos

    for i, part in enumerate(text.distinct()):
        sub = i > 0
        pdf.set_font(FONT, "B" if bold and not sub else "", size * (0.85 if sub else 1))
        pdf.set_text_color(*(_GREY if sub else (0, 0, 0)))
        pdf.multi_cell(0, _Style.line(size * (0.85 if sub else 1)), part, align="L",
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)


# Measures the height of a block: an upper bound when False (cheap), exactly when True.
Measure = Callable[[bool], float]


def _lines(pdf: Any, text: str, size: float, bold: bool, width: float, exact: bool) -> int:
    """The lines ``text`` takes at ``size`` in ``width``. Not exact: an upper bound from its width
    over 90% of the room per paragraph (a word that does not fit wastes the rest of a line), far
    cheaper than a dry run of fpdf2's line breaker."""
    from fpdf.enums import MethodReturnValue

    pdf.set_font(FONT, "B" if bold else "", size)
    if exact:
        lines = pdf.multi_cell(width, _Style.line(size), text, dry_run=True,
                               output=MethodReturnValue.LINES)
        return max(1, len(lines))
    room = width * 0.9
    return sum(max(1, math.ceil(pdf.get_string_width(p) / room)) for p in text.split("\n"))


def _block_height(pdf: Any, text: Text, size: float, bold: bool, width: float,
                  exact: bool = False) -> float:
    total = 0.0
    for i, part in enumerate(text.distinct()):
        sub_size = size * (0.85 if i else 1)
        total += _lines(pdf, part, sub_size, bold and not i, width, exact) * _Style.line(sub_size)
    return total


def _row_height(pdf: Any, row: Row, st: _Style, exact: bool) -> float:
    text = f"{row.label.inline()}: {row.value.inline()}"
    return _lines(pdf, text, st.body, True, pdf.epw - _INDENT, exact) * _Style.line(st.body)


def _entry_height(pdf: Any, entry: Entry, st: _Style, exact: bool = False) -> float:
    """The height ``_entry`` draws, erring long (labels and phone lines measured at their larger
    font); for an entry taller than a third of a page (large print, two languages), only its head:
    its name, numbers and first row. Kept whole, such entries would take a page each and leave the
    rest blank, so one starts where there is room for its head and its other rows follow, each
    kept whole."""
    head = _block_height(pdf, entry.name, st.name, True, pdf.epw, exact)
    for phone in entry.phones:
        note = f"  ({phone.note.inline()})" if phone.note else ""
        text = f"{phone.kind.inline()}: {phone.number}{note}"
        head += _lines(pdf, text, st.phone, True, pdf.epw - _INDENT, exact) * _Style.line(st.phone)
    rows = [_row_height(pdf, row, st, exact) for row in entry.rows()]
    whole = head + sum(rows) + _Style.line(st.body) * 0.6
    if whole <= (pdf.page_break_trigger - pdf.t_margin) / 3:
        return whole
    return head + sum(rows[:1])


def _keep_together(pdf: Any, measure: Measure) -> None:
    """Start a new page unless the block fits on this one (a block taller than a page just flows).

    The cheap upper bound decides most blocks; only one that seems not to fit is measured exactly.
    (fpdf2's ``unbreakable()`` does this by deep-copying the document, which costs more than the rest
    of the sheet.)"""
    room = pdf.page_break_trigger - pdf.get_y()
    if measure(False) <= room:
        return
    height = measure(True)
    if room < height < pdf.page_break_trigger - pdf.t_margin:
        pdf.add_page()


def _write(pdf: Any, h: float, text: str, whole: bool = False) -> None:
    """``text`` written on from where the line is, wrapping at the right margin. fpdf2 breaks a
    word that does not fit in the rest of the line, as if it were the first word of a line
    ("Дереккөзде" / "р ескі" after a label); such a word, or the whole text when ``whole`` (a
    phone number), starts the next line instead."""
    start = text if whole else text.split(" ", 1)[0]
    room = pdf.w - pdf.r_margin - pdf.get_x() - 2 * pdf.c_margin  # as fpdf2's write() reckons it
    if pdf.get_x() > pdf.l_margin and pdf.get_string_width(start) > room:
        pdf.ln(h)
    pdf.write(h, text)


def _row(pdf: Any, row: Row, size: float) -> None:
    """``Label: value`` flowing across lines (both parts wrap at the right margin)."""
    h = _Style.line(size)
    pdf.set_font(FONT, "B", size)
    pdf.write(h, row.label.inline() + ": ")
    pdf.set_font(FONT, "", size)
    _write(pdf, h, row.value.inline())
    pdf.ln(h)


def _entry(pdf: Any, entry: Entry, st: _Style, continued: Text) -> None:
    from fpdf.enums import XPos, YPos

    _block(pdf, entry.name, st.name, bold=True)
    left = pdf.l_margin
    pdf.set_left_margin(left + _INDENT)
    pdf.set_x(left + _INDENT)
    for phone in entry.phones:
        h = _Style.line(st.phone)
        pdf.set_font(FONT, "B", st.body)  # a label, bold like every row's label
        pdf.write(h, phone.kind.inline() + ": ")
        pdf.set_font(FONT, "B", st.phone)
        _write(pdf, h, phone.number, whole=True)
        if phone.note:
            pdf.set_font(FONT, "", st.body)
            _write(pdf, h, f"  ({phone.note.inline()})")
        pdf.ln(h)
    for row in entry.rows():  # an entry's own rows fit, unless it is taller than a third of a page
        page = pdf.page_no()
        _keep_together(pdf, partial(_row_height, pdf, row, st))
        if pdf.page_no() != page:  # rows flowing onto a new page say whose they are
            pdf.set_x(left)
            pdf.set_font(FONT, "B", st.body)
            pdf.set_text_color(*_GREY)
            pdf.multi_cell(0, _Style.line(st.body), f"{entry.name.parts[0]} ({continued.inline()})",
                           align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
        _row(pdf, row, st.body)
    pdf.set_left_margin(left)
    pdf.set_x(left)
    pdf.ln(_Style.line(st.body) * 0.6)


def _national(pdf: Any, entry: Entry, st: _Style) -> None:
    """``112  Name`` on one line when the name fits beside the numbers, else the name under them,
    indented, so a wrapped name never runs back under the number."""
    h = _Style.line(st.phone)
    pdf.set_font(FONT, "B", st.phone)
    last = len(entry.phones) - 1
    for index, phone in enumerate(entry.phones):  # each number whole: "8 7172 55" / "11 22" misleads
        _write(pdf, h, phone.compact() + ("," if index < last else ""), whole=True)
        pdf.write(h, " " if index < last else "  ")
    pdf.set_font(FONT, "", st.body)
    name = entry.name.inline()
    room = pdf.w - pdf.r_margin - pdf.get_x()
    if pdf.get_string_width(name) <= room:
        pdf.write(h, name)
        pdf.ln(h + 1)
        return
    pdf.ln(h)
    left = pdf.l_margin
    pdf.set_left_margin(left + _INDENT)
    pdf.set_x(left + _INDENT)
    _block(pdf, entry.name, st.body)
    pdf.set_left_margin(left)
    pdf.set_x(left)
    pdf.ln(1)


def _heading(pdf: Any, text: Text, st: _Style, following: Measure) -> None:
    """A section heading, kept on one page with its first item (measured by ``following``)."""
    _keep_together(pdf, lambda exact: (
        _block_height(pdf, text, st.heading, True, pdf.epw, exact) + 4 + following(exact)))
    pdf.ln(_Style.line(st.body) * 0.5)
    _block(pdf, text, st.heading, bold=True)
    y = pdf.get_y() + 0.5
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(2)


def _section(pdf: Any, heading: Text, st: _Style, items: Sequence[T],
             measure: Callable[[T, bool], float], draw: Callable[[T], None],
             tail: Measure | None = None) -> None:
    """A heading and its items, each kept on one page, the heading with the first item and the
    last item with ``tail`` (what follows the section), when given. Where the first is placed is
    decided with the heading: an item too tall to share a page with it then flows on from under it,
    rather than leave the heading alone on a page of blank paper (a long large-print entry did)."""
    after = tail or (lambda exact: 0.0)

    def with_tail(index: int) -> Measure:
        last = index == len(items) - 1
        return lambda exact: measure(items[index], exact) + (after(exact) if last else 0.0)

    _heading(pdf, heading, st, with_tail(0))
    for index, item in enumerate(items):
        if index:
            _keep_together(pdf, with_tail(index))
        draw(item)


def _outcome(pdf: Any, texts: list[Text], st: _Style) -> None:
    _block(pdf, texts[0], st.name, bold=True)
    for text in texts[1:]:
        _block(pdf, text, st.body)
    pdf.ln(2)


def _texts_height(pdf: Any, texts: list[Text], head: float, body: float, exact: bool) -> float:
    """Blocks drawn one under the other: the first bold at ``head`` size, the rest at ``body``."""
    return sum(_block_height(pdf, t, head if i == 0 else body, i == 0, pdf.epw, exact)
               for i, t in enumerate(texts)) + 2


def _national_height(pdf: Any, entry: Entry, st: _Style, exact: bool) -> float:
    """Measured as if the name goes under the numbers, indented (the taller of ``_national``'s two
    layouts)."""
    numbers = _lines(pdf, entry.numbers(), st.phone, True, pdf.epw, exact)
    name = _block_height(pdf, entry.name, st.body, False, pdf.epw - _INDENT, exact)
    return numbers * _Style.line(st.phone) + name + 1


def _outcome_texts(outcome: Outcome) -> list[Text]:
    """Head line, explanation, next steps and legal basis of an outcome, in drawing order."""
    head = Text(tuple(f"{p}: {o}" for p, o in zip(
        outcome.programme.parts, outcome.outcome.parts, strict=True)))
    steps = [Text(tuple("• " + p for p in step.parts)) for step in outcome.next_steps]
    basis = [Text(tuple(f"{lab}: {val}" for lab, val in zip(
        outcome.basis.label.parts, outcome.basis.value.parts, strict=True)))] if outcome.basis else []
    return [head, *([outcome.explanation] if outcome.explanation else []), *steps, *basis]


def render(sheet: Sheet) -> bytes:
    from fpdf import FPDF

    st = _Style(sheet.large_print)

    class _Pdf(FPDF):
        def footer(self) -> None:
            self.set_y(-_MARGIN + 3)
            self.set_font(FONT, "", st.page_number)
            self.set_text_color(*_GREY)
            self.cell(0, 5, f"{self.page_no()} / {{nb}}", align="C")

    pdf = _Pdf(format="A4", unit="mm")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN + 5)
    for style, name in _FONT_FILES.items():
        pdf.add_font(FONT, style, data_file("fonts", name))
    title = sheet.title.inline()
    pdf.set_title(title)
    pdf.set_lang(_lang_tag(sheet.langs[0]))
    pdf.set_creator("")
    pdf.set_producer("")
    pdf.add_page()

    _block(pdf, sheet.title, st.title, bold=True)
    pdf.set_text_color(*_GREY)
    for row in (sheet.printed, sheet.as_of):
        _row(pdf, row, st.body * 0.9)
    pdf.set_text_color(0, 0, 0)
    if sheet.urgent:
        pdf.ln(2)
        _block(pdf, sheet.urgent, st.body, bold=True)
    if sheet.intro:
        pdf.ln(2)
        _block(pdf, sheet.intro, st.body)
    if sheet.origin:
        pdf.ln(2)
        _row(pdf, sheet.origin, st.body)
    if sheet.elsewhere:
        pdf.ln(2)
        _block(pdf, sheet.elsewhere, st.body, bold=True)
    if sheet.entries:
        _section(pdf, sheet.services_heading, st, sheet.entries,
                 lambda e, exact: _entry_height(pdf, e, st, exact),
                 lambda e: _entry(pdf, e, st, sheet.continued))
    if sheet.eligibility_heading:
        _section(pdf, sheet.eligibility_heading, st, [_outcome_texts(o) for o in sheet.eligibility],
                 lambda t, exact: _texts_height(pdf, t, st.name, st.body, exact),
                 lambda t: _outcome(pdf, t, st))
    note = partial(_texts_height, pdf, [sheet.note], st.body, st.body)
    if sheet.national:  # the closing note ("if a number does not answer ...") never stands alone
        _section(pdf, sheet.national_heading, st, sheet.national,
                 lambda e, exact: _national_height(pdf, e, st, exact),
                 lambda e: _national(pdf, e, st), tail=lambda exact: 3 + note(exact))
    pdf.ln(3)
    _keep_together(pdf, note)
    _block(pdf, sheet.note, st.body, bold=True)
    out: bytes = bytes(pdf.output())
    return out
