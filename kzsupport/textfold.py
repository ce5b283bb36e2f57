"""Folding text for search: case, Kazakh and Russian Cyrillic, Kazakh Latin (2021 and older), diacritics.

Everything folds to one Latin skeleton, so ``Қостанай``, ``Костанай``, ``Qostanai`` and ``Kostanay``
meet. Used by full-text search; place names use the same skeleton (``kzsupport.places``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYR = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_LAT = {
    "ä": "a", "ğ": "g", "ǵ": "g", "ı": "i", "ñ": "n", "ŋ": "n", "ń": "n", "ö": "o", "ó": "o",
    "ş": "sh", "ç": "ch", "ū": "u", "ü": "u", "ú": "u", "ý": "u", "á": "a",
    "'": "", "’": "", "ʹ": "", "ʼ": "", "`": "",
}  # fmt: skip
_MERGE = (
    ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("ts", "c"), ("w", "u"),
    ("yu", "iu"), ("ya", "ia"), ("yo", "io"), ("x", "h"), ("ay", "ai"), ("ey", "ei"), ("iy", "i"),
)  # fmt: skip
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")  # letters only: 111 and 1 are different numbers


@lru_cache(maxsize=1 << 16)  # records share most of their vocabulary
def fold_word(word: str) -> str:
    """The Latin skeleton of one word: no case, script, diacritics or doubled letters (digits stay)."""
    s = unicodedata.normalize("NFC", word).casefold()
    s = "".join(_CYR.get(c, _LAT.get(c, c)) for c in s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    for a, b in _MERGE:
        s = s.replace(a, b)
    s = _NON_ALNUM.sub("", s)
    return _DOUBLED.sub(r"\1", s)


_BETWEEN_WORDS = re.compile(r"[\s,;/()«»\"]+")


def split_words(text: str) -> list[str]:
    """The words of ``text`` as typed, split at spaces and punctuation that separates words."""
    return [part for part in _BETWEEN_WORDS.split(text) if part]
