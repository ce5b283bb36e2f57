#!/usr/bin/env python3
"""Write data/number_formats.json: the CLDR number symbols and kilometre pattern kzsupport needs.

``near`` shows distances (``2,5 км``, ``1 234 km``). Formatting them with babel at run time means
loading babel and its locale data, about 30 ms on every ``near``; these few symbols are taken from
babel once, here, and tests/test_i18n.py checks that kzsupport's output equals babel's for every
interface language over a sweep of values. Run it after upgrading babel if that test fails.

    .venv/bin/python scripts/build_number_formats.py
"""

from __future__ import annotations

import json
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version

from kzsupport.i18n import BABEL_LOCALES

DATA = Path(__file__).resolve().parent.parent / "data"


def formats(locale_id: str) -> dict[str, str]:
    locale = Locale.parse(locale_id)
    symbols = locale.number_symbols["latn"]
    pattern = locale.decimal_formats[None]
    if pattern.pattern != "#,##0.###" or pattern.grouping != (3, 3):
        raise SystemExit(f"{locale_id}: decimal pattern {pattern.pattern} is not the one kzsupport formats")
    km = {k: v for k, v in locale._data["unit_patterns"]["length-kilometer"]["short"].items() if k != "per"}
    if len(set(km.values())) != 1:
        raise SystemExit(f"{locale_id}: the kilometre pattern depends on the plural form: {km}")
    return {
        "decimal": symbols["decimal"],
        "group": symbols["group"],
        "minus": symbols["minusSign"],
        "km": next(iter(km.values())),
    }


def main() -> None:
    out = {
        "source": f"CLDR {get_cldr_version()} via babel {babel.__version__}: scripts/build_number_formats.py",
        "locales": {locale_id: formats(locale_id) for locale_id in sorted(set(BABEL_LOCALES.values()))},
    }
    text = json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (DATA / "number_formats.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
