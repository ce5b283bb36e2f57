"""Kazakh Cyrillic to the 2021 Kazakh Latin alphabet (the table in shared/research/geo_i18n.md §7).

One table, used for the ``kk-latn`` interface (catalogs generated from ``kk``) and for record content.
Latin to Cyrillic is ambiguous (i = и or й), so there is deliberately no reverse function.
"""

from __future__ import annotations

_LOWER: dict[str, str] = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
    "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş",
    "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip

# Capitals differ from str.upper() for и/й (İ, dotted) and і (I, dotless).
_UPPER_SPECIAL: dict[str, str] = {"И": "İ", "Й": "İ", "І": "I"}


def _upper(cyr: str, latin: str, next_is_upper: bool) -> str:
    if cyr in _UPPER_SPECIAL:
        return _UPPER_SPECIAL[cyr]
    if len(latin) > 1 and not next_is_upper:
        return latin[0].upper() + latin[1:]  # Шымкент -> Şymkent, but ЦТ -> TST
    return latin.upper()


def to_latin(text: str) -> str:
    """Transliterate Kazakh Cyrillic ``text`` to the 2021 Latin alphabet; other characters pass."""
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        latin = _LOWER.get(low)
        if latin is None:
            out.append(ch)
        elif ch == low:
            out.append(latin)
        else:
            following = text[i + 1 : i + 2]
            out.append(_upper(ch, latin, following.isupper()))
    return "".join(out)
