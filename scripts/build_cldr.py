#!/usr/bin/env python3
"""Write data/cldr.json: the few CLDR facts kzsupport writes numbers, distances and dates with.

Formatting with babel at run time means loading babel and its locale data: about 30 ms each time
``near`` shows a distance or ``rules``/``eligibility``/a sheet shows a date. These facts (decimal
and group signs, the short kilometre pattern, the medium date pattern and the abbreviated month
names) are taken from babel once, here, and tests/test_i18n.py checks that kzsupport's output equals
babel's for every interface language over a sweep of numbers and every day of two years. Run it
after upgrading babel if that test fails.

    .venv/bin/python scripts/build_cldr.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version

from kzsupport.i18n import BABEL_LOCALES, DATE_FIELD

DATA = Path(__file__).resolve().parent.parent / "data"


def facts(locale_id: str) -> dict[str, object]:
    locale = Locale.parse(locale_id)
    symbols = locale.number_symbols["latn"]
    pattern = locale.decimal_formats[None]
    if pattern.pattern != "#,##0.###" or pattern.grouping != (3, 3):
        raise SystemExit(f"{locale_id}: decimal pattern {pattern.pattern} is not the one kzsupport writes")
    km = {k: v for k, v in locale._data["unit_patterns"]["length-kilometer"]["short"].items() if k != "per"}
    if len(set(km.values())) != 1:
        raise SystemExit(f"{locale_id}: the kilometre pattern depends on the plural form: {km}")
    date_pattern = locale.date_formats["medium"].pattern
    fields = {m.group(0) for m in re.finditer(DATE_FIELD, date_pattern)}
    unknown = {f for f in fields if not f.startswith("'")} - {"y", "d", "dd", "MMM"}
    if unknown:
        raise SystemExit(f"{locale_id}: the medium date pattern {date_pattern} has fields {unknown}")
    return {
        "decimal": symbols["decimal"],
        "group": symbols["group"],
        "minus": symbols["minusSign"],
        "km": next(iter(km.values())),
        "date_medium": date_pattern,
        "months_abbreviated": [locale.months["format"]["abbreviated"][m] for m in range(1, 13)],
    }


def main() -> None:
    out = {
        "source": f"CLDR {get_cldr_version()} via babel {babel.__version__}: scripts/build_cldr.py",
        "locales": {locale_id: facts(locale_id) for locale_id in sorted(set(BABEL_LOCALES.values()))},
    }
    text = json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (DATA / "cldr.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
