"""Folding place names to one matching key, whatever script or spelling the caseworker used.

``fold("Өскемен") == fold("Öskemen") == fold("Oskemen") == fold("Оскемен")``: Kazakh and Russian Cyrillic,
the 2021 Kazakh Latin alphabet and its 2017 (apostrophe) and 2018 (acute) variants, Latin without
diacritics, and Kazakh typed on a Russian keyboard (қ→к, ү→у, і→и ...) all land on the same ASCII key.
Generic words (облысы, область, район, г., қаласы, city ...) are dropped; ``words()`` says which kind
of generic word the text carried, so that "Almaty" (the city) and "Almaty oblysy" (the region) differ.

The design and its measurements are in ``shared/research/geo_i18n.md`` §3. This is not a
transliteration for display (that is ``kzsupport.translit``): it loses information on purpose.
"""

from __future__ import annotations

import re
import unicodedata

# Kazakh and Russian Cyrillic to a coarse Latin: letters Kazakh writes and Russian keyboards lack fold
# onto their Russian-keyboard stand-ins (қ/к, ғ/г, ң/н, ө/о, ү/ұ/у, і/и, ә/а, һ/х).
_CYR = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Latin letters of the 2021 and 2018 alphabets whose plain form is not what NFKD gives.
    "ı": "i", "ş": "sh", "ç": "ch", "ŋ": "n", "ý": "u", "ú": "u", "ǵ": "g",
}  # fmt: skip
# The October 2017 alphabet marks letters with an apostrophe: s' = ш, c' = ч, y' = у; a' = ә, o' = ө,
# u' = ү, g' = ғ, n' = ң, i' = и/й fold to the bare letter. Russian romanisations use ' for ь.
_APOSTROPHES = "'’ʼ`´ʹ‘"
_APOS_RE = re.compile(r"([scy])[" + _APOSTROPHES + "]")
_APOS_MAP = {"s": "sh", "c": "ch", "y": "u"}
_TOKEN_RE = re.compile(r"[^\W_]+(?:[" + _APOSTROPHES + r"][^\W_]*)*", re.UNICODE)

# Generic words by what they say about the place. Compared after folding, so "г." and "g", "облысы" and
# "oblysy" are the same word. One-letter abbreviations (г, с, п) only ever count as generic words.
REGION_WORDS = frozenset(
    "облысы облысының область области обл oblysy oblast oblasti oblasty region province".split()
)
DISTRICT_WORDS = frozenset(
    "ауданы ауданының аудан ауд район района рн district audany audan rayon raion".split()
)
SETTLEMENT_WORDS = frozenset(
    """қаласы қала город гор г ауылы ауыл аул село с поселок посёлок пос п пгт кенті станция ст
    city qalasy kalasy town village auyl selo settlement""".split()
)

# Sound-alike spellings merged after transliteration, in this order.
_MERGES = (
    ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("ts", "c"), ("w", "u"),
    ("x", "h"), ("yu", "iu"), ("ya", "ia"), ("yo", "io"), ("ye", "e"),
)  # fmt: skip
_VOWEL_Y = re.compile(r"([aeiou])y(?![aeiou])")  # Semey / Семей, Sayram / Сайрам
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")
_RAYON_ABBR = re.compile(r"\bр-о?н\b\.?", re.IGNORECASE)


def tokens(text: str) -> list[str]:
    """The words of ``text``, casefolded (letters, digits and in-word apostrophes)."""
    text = _RAYON_ABBR.sub(" рн ", unicodedata.normalize("NFC", text))
    return _TOKEN_RE.findall(text.casefold())


def _translit(tok: str) -> str:
    tok = _APOS_RE.sub(lambda m: _APOS_MAP[m.group(1)], tok)
    tok = "".join(_CYR.get(c, c) for c in tok)
    tok = "".join(c for c in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(c))
    return _NOT_KEY.sub("", tok)


def _settle(key: str) -> str:
    """Apply the merges until nothing changes (a merge can make a new double or a new pair)."""
    while True:
        again = _DOUBLE.sub(r"\1", key)
        for a, b in _MERGES:
            again = again.replace(a, b)
        again = _VOWEL_Y.sub(r"\1i", again)
        if again == key:
            return key
        key = again


def _fold_words(words: frozenset[str]) -> frozenset[str]:
    return frozenset(_settle(_translit(w)) for w in words)


_KIND_KEYS = {
    "region": _fold_words(REGION_WORDS),
    "district": _fold_words(DISTRICT_WORDS),
    "settlement": _fold_words(SETTLEMENT_WORDS),
}
_GENERIC_KEYS = frozenset().union(*_KIND_KEYS.values())


def _token_keys(text: str) -> list[str]:
    return [k for k in (_settle(_translit(t)) for t in tokens(text)) if k]


def kinds(text: str) -> frozenset[str]:
    """Which kinds of generic word the text carries: ``region``, ``district``, ``settlement``."""
    keys = set(_token_keys(text))
    return frozenset(kind for kind, words in _KIND_KEYS.items() if keys & words)


def fold(text: str) -> str:
    """The matching key of a place name: lower-case ASCII letters and digits, generic words dropped.

    Idempotent: ``fold(fold(s)) == fold(s)``. An empty key means the text held no name.
    """
    key = _settle("".join(k for k in _token_keys(text) if k not in _GENERIC_KEYS))
    return "" if key in _GENERIC_KEYS else key
