"""Language: choose it, activate gettext (ours and Click's strings), pick record text, and write
numbers, distances and dates as CLDR does (with facts babel gives, stored in data/cldr.json).

Interface languages: ``kk`` (Kazakh, Cyrillic), ``kk-latn`` (Kazakh, 2021 Latin alphabet, generated from
``kk``), ``ru`` and ``en`` (the msgids). Resolution order: ``--lang``, ``KZSUPPORT_LANG``, then
``LANGUAGE`` / ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``, then English.

Click marks its own messages with the module-level ``gettext.gettext`` (the global text domain), so we
bind our catalog as the global domain: one catalog translates both. Our own ``_`` goes straight to the
activated catalog: ``gettext.gettext`` looks for the catalog file again at every call (a few
``os.path.exists`` each), which cost a listing about 1 ms.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from kzsupport.models import Localized, written_in
from kzsupport.resources import locale_dir, read_json
from kzsupport.translit import to_latin

DOMAIN = "kzsupport"
LANGUAGES: tuple[str, ...] = ("kk", "kk-latn", "ru", "en")
DEFAULT_LANG = "en"
ENV_VAR = "KZSUPPORT_LANG"

# gettext catalog name and babel (CLDR) locale for each interface language. CLDR has no kk_Latn:
# format in kk, then transliterate.
_CATALOG = {"kk": "kk", "kk-latn": "kk_Latn", "ru": "ru", "en": "en"}
BABEL_LOCALES = {"kk": "kk_KZ", "kk-latn": "kk_KZ", "ru": "ru_KZ", "en": "en"}
# Where a record lacks the asked language, which language to show instead (marked visibly).
_FALLBACK = {"kk": ("ru", "en"), "ru": ("kk", "en"), "en": ("ru", "kk")}

_current = DEFAULT_LANG
_catalog: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the interface language."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the interface language."""
    return _catalog.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; ``ngettext(*pair, n)`` translates it later."""
    return singular, plural


def normalize(value: str | None) -> str | None:
    """Map a language tag or a locale value (``ru_RU.UTF-8``, ``kk_Latn``, ``KK-LATN``) to ours."""
    if not value:
        return None
    tag = value.split(":")[0].split(".")[0].split("@")[0].replace("_", "-").lower()
    if tag in ("kk-latn", "kk-latn-kz"):
        return "kk-latn"
    base = tag.split("-")[0]
    return base if base in ("kk", "ru", "en") else None


def resolve(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The interface language: ``explicit`` first, then the environment, then English."""
    env = os.environ if environ is None else environ
    for candidate in (explicit, env.get(ENV_VAR)):
        lang = normalize(candidate)
        if lang:
            return lang
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:  # the first one set decides, as in gettext; C/POSIX mean the default
            return normalize(value) or DEFAULT_LANG
    return DEFAULT_LANG


def activate(lang: str) -> None:
    """Make ``lang`` the language of every ``_()`` call, ours and Click's."""
    global _current, _catalog
    _current = lang
    os.environ["LANGUAGE"] = _CATALOG[lang]
    gettext.bindtextdomain(DOMAIN, locale_dir())
    gettext.textdomain(DOMAIN)
    _catalog = translator(lang)


def current_lang() -> str:
    return _current


def translator(lang: str) -> gettext.NullTranslations:
    """A translation object for ``lang`` that leaves the interface language alone (for sheets)."""
    return gettext.translation(
        DOMAIN, locale_dir(), languages=[_CATALOG[lang]], fallback=True
    )


def content_lang(lang: str | None = None) -> str:
    """The record-content language for an interface language: kk-latn content is kk, transliterated."""
    lang = lang or _current
    return "kk" if lang == "kk-latn" else lang


def text(value: Localized | None, lang: str | None = None) -> str:
    """``value`` in ``lang`` (default: the active language). A missing language falls back visibly:
    the text of another language is shown with its code in brackets, e.g. ``[ru] Кризисный центр``."""
    if value is None:
        return ""
    lang = lang or _current
    base = content_lang(lang)
    chosen = value.get(base)
    if not chosen:
        for other in _FALLBACK[base]:
            found = value.get(other)
            if found:
                chosen = f"[{other}] {found}"
                break
        else:
            return ""
    return to_latin(chosen) if lang == "kk-latn" else chosen


def cited(title: str) -> str:
    """A source title as published: marked with its language when that is not the reader's
    (``[ru] Кризисный центр ...``), and never translated nor, in the kk-latn view, transliterated:
    a citation must match the document it names."""
    if "://" in title:  # a link given as the title (a source typed as a bare URL) has no language
        return title
    written = written_in(title)
    return title if written is None or written == content_lang() else f"[{written}] {title}"


def latinize(s: str, lang: str | None = None) -> str:
    """Transliterate interface text produced in kk (babel output, for instance) for kk-latn."""
    return to_latin(s) if (lang or _current) == "kk-latn" else s


# A field of a CLDR date pattern (a run of one letter: y, dd, MMM) or a quoted literal ('г', '').
DATE_FIELD = r"'(?:[^']|'')*'|([A-Za-z])\1*"


@cache
def _cldr(lang: str) -> Mapping[str, Any]:
    """The CLDR facts kzsupport writes numbers, distances and dates with in ``lang``, taken from
    babel by scripts/build_cldr.py: loading babel itself would cost each such command about 30 ms."""
    locales: Mapping[str, Mapping[str, Any]] = read_json("cldr.json")["locales"]
    return locales[BABEL_LOCALES[lang]]


def _digits(value: float, fmt: Mapping[str, str]) -> str:
    digits = f"{abs(value):,.3f}".rstrip("0").rstrip(".")
    digits = digits.translate({ord(","): fmt["group"], ord("."): fmt["decimal"]})
    return fmt["minus"] + digits if value < 0 else digits


def fmt_number(value: float, lang: str | None = None) -> str:
    """A number as babel's ``format_decimal`` writes it (up to three decimals): ``1 234,5``."""
    lang = lang or _current
    return latinize(_digits(value, _cldr(lang)), lang)


def fmt_distance_km(km: float, lang: str | None = None) -> str:
    """A distance such as ``2,5 км`` / ``2.5 km``, rounded sensibly for a person."""
    lang = lang or _current
    fmt = _cldr(lang)
    rounded = round(km, 1) if km < 10 else round(km)
    return latinize(fmt["km"].replace("{0}", _digits(rounded, fmt)), lang)


def fmt_date(value: date | str, lang: str | None = None) -> str:
    """A date in the language's medium form as babel writes it (``22 нояб. 2026 г.``, ``Nov 22,
    2026``); partial ISO dates (``2024``, ``2024-09``) pass as given."""
    lang = lang or _current
    if isinstance(value, str):
        if len(value) != 10:
            return value
        try:
            value = date.fromisoformat(value)
        except ValueError:  # "2026-13-99" in a hand-edited file: shown as written ("db validate" says why)
            return str(value)
    facts = _cldr(lang)
    fields: dict[str, str] = {
        "y": str(value.year),
        "d": str(value.day),
        "dd": f"{value.day:02d}",
        "MMM": facts["months_abbreviated"][value.month - 1],
    }

    def field(m: re.Match[str]) -> str:
        token = m.group(0)
        if token.startswith("'"):
            return token[1:-1].replace("''", "'") or "'"
        return fields[token]

    return latinize(re.sub(DATE_FIELD, field, facts["date_medium"]), lang)
