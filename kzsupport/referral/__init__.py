"""Referral sheets: one neutral model (``sheet``), four renderers, one careful file writer (``output``)."""

from __future__ import annotations

from kzsupport.referral import html, md, pdf, txt
from kzsupport.referral.sheet import Sheet

FORMATS: tuple[str, ...] = ("pdf", "html", "md", "txt")
BINARY_FORMATS: tuple[str, ...] = ("pdf",)


def render(sheet: Sheet, fmt: str) -> bytes:
    """The sheet in ``fmt`` as the bytes of a file (text formats are UTF-8)."""
    if fmt == "pdf":
        return pdf.render(sheet)
    text = {"html": html.render, "md": md.render, "txt": txt.render}[fmt](sheet)
    return text.encode("utf-8")
