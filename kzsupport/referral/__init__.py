"""Referral sheets: one neutral model (``sheet``), four renderers, one careful file writer (``output``).

This package module stays light (the CLI imports it at start-up for its option choices); the model and
the renderers are imported when a sheet is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzsupport.referral.sheet import Sheet

FORMATS: tuple[str, ...] = ("pdf", "html", "md", "txt")
BINARY_FORMATS: tuple[str, ...] = ("pdf",)
# How many services --near, --type or --region put on a sheet unless --limit says otherwise.
DEFAULT_LIMIT = 5


def render(sheet: Sheet, fmt: str) -> bytes:
    """The sheet in ``fmt`` as the bytes of a file (text formats are UTF-8)."""
    from kzsupport.referral import html, md, pdf, txt

    if fmt == "pdf":
        return pdf.render(sheet)
    text = {"html": html.render, "md": md.render, "txt": txt.render}[fmt](sheet)
    return text.encode("utf-8")
