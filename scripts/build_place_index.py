#!/usr/bin/env python3
"""Write data/place_index.json: every name in data/gazetteer.json under its folded key.

Run it after changing the gazetteer or the folding rules (kzsupport/placekey.py, textfold.py);
a test fails while the committed index differs from a fresh one.

    .venv/bin/python scripts/build_place_index.py
"""

from __future__ import annotations

import json
from pathlib import Path

from kzsupport.places import grouped_index, index_rows

DATA = Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    gazetteer = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    (DATA / "place_index.json").write_text(render(index_rows(gazetteer)), encoding="utf-8")


def render(rows: list[tuple[str, str, str, str, bool]]) -> str:
    """One key a line, so a change to the folding reads well in a diff."""
    lines = ",\n".join(
        f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(entries, ensure_ascii=False)}"
        for key, entries in grouped_index(rows).items()
    )
    return '{"index": {\n' + lines + "\n}}\n"


if __name__ == "__main__":
    main()
