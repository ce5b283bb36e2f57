"""Folding place names to one matching key, whatever script or spelling the caseworker used.

``fold("Өскемен") == fold("Öskemen") == fold("Oskemen") == fold("Оскемен")``: Kazakh and Russian Cyrillic,
the 2021 Kazakh Latin alphabet and its 2017 (apostrophe) and 2018 (acute) variants, Latin without
diacritics, and Kazakh typed on a Russian keyboard (қ→к, ү→у, і→и ...) all land on the same ASCII key.
Generic words (облысы, область, район, г., қаласы, city ...) are dropped; ``kinds()`` says which kind
of generic word the text carried, so that "Almaty" (the city) and "Almaty oblysy" (the region) differ.

Built on the search skeleton of ``kzsupport.textfold`` (shared/research/geo_i18n.md §3), plus what
place names need: the 2017 apostrophes (s' = ш, c' = ч, y' = у), generic words, and a vowel + y
rule. Not a transliteration for display (that is ``kzsupport.translit``): it loses information.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kzsupport.textfold import fold_word

# The October 2017 alphabet marks letters with an apostrophe: s' = ш, c' = ч, y' = у; a' = ә, o' = ө,
# u' = ү, g' = ғ, n' = ң, i' = и/й fold to the bare letter. Russian romanisations use ' for ь.
# Every apostrophe-like mark is read as ' first: patterns with the marks themselves took 0.7 ms to
# compile at every start.
_APOSTROPHES = str.maketrans(dict.fromkeys("’ʼ`´ʹ‘", "'"))
_APOS_RE = re.compile(r"([scy])'")
_APOS_MAP = {"s": "sh", "c": "ch", "y": "u"}
_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]*)*")

# Generic words by what they say about the place. Compared after folding, so "г." and "g", "облысы" and
# "oblysy" are the same word. One-letter abbreviations (г, с, п) only ever count as generic words.
REGION_WORDS = frozenset(
    ("облысы", "облысының", "область", "области", "обл", "oblysy", "oblast", "oblasti", "oblasty",
     "region", "province")
)  # fmt: skip
DISTRICT_WORDS = frozenset(
    ("ауданы", "ауданының", "аудан", "ауд", "район", "района", "рн", "district", "audany", "audan",
     "rayon", "raion")
)  # fmt: skip
SETTLEMENT_WORDS = frozenset(
    ("қаласы", "қала", "город", "гор", "г", "ауылы", "ауыл", "аул", "село", "с", "поселок", "посёлок",
     "пос", "п", "пгт", "кенті", "станция", "ст", "city", "qalasy", "kalasy", "town", "village",
     "auyl", "selo", "settlement")
)  # fmt: skip

# Merges on top of ``textfold.fold_word`` (which already merges zh/j, q/k, kh/h, ts/c, ay/ai ...).
_MERGES = (("ye", "e"),)
_VOWEL_Y = re.compile(r"([aeiou])y(?![aeiou])")  # Semey / Семей, Sayram / Сайрам, Kokpektý
_RAYON_ABBR = re.compile(r"\bр-о?н\b\.?", re.IGNORECASE)


def tokens(text: str) -> list[str]:
    """The words of ``text``, casefolded (letters, digits and in-word apostrophes)."""
    text = _RAYON_ABBR.sub(" рн ", unicodedata.normalize("NFC", text))
    return _TOKEN_RE.findall(text.casefold().translate(_APOSTROPHES))


def _translit(tok: str) -> str:
    return fold_word(_APOS_RE.sub(lambda m: _APOS_MAP[m.group(1)], tok))


def _settle(key: str) -> str:
    """Fold until nothing changes (a merge can make a new double letter or a new pair)."""
    while True:
        again = fold_word(key)
        for a, b in _MERGES:
            again = again.replace(a, b)
        again = _VOWEL_Y.sub(r"\1i", again)
        if again == key:
            return key
        key = again


# The generic words as ``analyse`` compares them, folded (``token_key``). Written out rather than
# folded at import, which cost a millisecond at every start of place and near; a test checks that
# they are the words above, folded: a word added above needs its key here.
KIND_KEYS: dict[str, frozenset[str]] = {
    "region": frozenset(
        ("obl", "oblast", "oblasti", "oblasty", "oblysy", "oblysynyn", "province", "region")
    ),
    "district": frozenset(
        ("aud", "audan", "audany", "audanynyn", "district", "raion", "raiona", "rn")
    ),
    "settlement": frozenset(
        ("auil", "auily", "aul", "city", "g", "gor", "gorod", "kala", "kalasy", "kenti", "p", "pgt",
         "pos", "poselok", "s", "selo", "setlement", "st", "stancia", "toun", "vilage")
    ),
}  # fmt: skip
_GENERIC_KEYS = frozenset().union(*KIND_KEYS.values())


@lru_cache(maxsize=16384)
def token_key(token: str) -> str:
    """The key of one word of ``tokens(...)``."""
    return _settle(_translit(token))


def analyse(text: str) -> tuple[str, frozenset[str]]:
    """``(fold(text), kinds(text))`` in one pass."""
    keys = [k for k in map(token_key, tokens(text)) if k]
    names = [k for k in keys if k not in _GENERIC_KEYS]
    # One word is settled already; joined words can meet in a new pair ("...z" + "h...").
    key = names[0] if len(names) == 1 else _settle("".join(names))
    named = frozenset(kind for kind, words in KIND_KEYS.items() if words.intersection(keys))
    return ("" if key in _GENERIC_KEYS else key), named


def kinds(text: str) -> frozenset[str]:
    """Which kinds of generic word the text carries: ``region``, ``district``, ``settlement``."""
    return analyse(text)[1]


def fold(text: str) -> str:
    """The matching key of a place name: lower-case ASCII letters and digits, generic words dropped.

    Idempotent: ``fold(fold(s)) == fold(s)``. An empty key means the text held no name.
    """
    return analyse(text)[0]
