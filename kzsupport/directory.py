"""Queries over a loaded directory. Pure: no click, no rich, no I/O."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from kzsupport.errors import BadInput, KzSupportError
from kzsupport.i18n import N_
from kzsupport.models import Directory, Localized, Phone, Service


def visible(service: Service, include_unverified: bool = False) -> bool:
    """Default views hide unverified and inactive records; ``--all`` shows them."""
    if include_unverified:
        return True
    return not service.is_unverified and service.status != "inactive"


@cache
def _word_parts() -> re.Pattern[str]:
    """What joins the parts of a word a search may start at (Усть-Каменогорск, НеМолчи.kz);
    compiled on the first text search, not at every start."""
    return re.compile(r"[-.‐–—]+")


@lru_cache(maxsize=1 << 14)  # region names, cities and descriptions repeat across records
def _folded(text: str) -> frozenset[str]:
    """The folded words of ``text``; a word of parts joined by a hyphen or a dot also gives each part."""
    from kzsupport.textfold import fold_word, split_words  # loaded only for a text search

    split_parts = _word_parts().split
    words: set[str] = set()
    for raw in split_words(text):
        words.add(fold_word(raw))
        parts = split_parts(raw)
        if len(parts) > 1:
            words.update(map(fold_word, parts))
    words.discard("")
    return frozenset(words)


@cache
def _type_words(service_type: str) -> frozenset[str]:
    """The folded words of a type's name in every language ("shelter", "приют", "баспана"), so that
    a search by kind finds the records of that type whatever their names say."""
    from kzsupport.i18n import LANGUAGES, translator
    from kzsupport.labels import TYPES

    msgid = TYPES.get(service_type)
    if msgid is None:
        return frozenset()
    names = [translator(lang).gettext(msgid) for lang in LANGUAGES]
    return frozenset().union(*map(_folded, [*names, *_TYPE_ABBREVIATIONS.get(service_type, ())]))


# What people type for a type whose name is long: NGO, НПО (ru), ҮЕҰ (kk, үкіметтік емес ұйым).
_TYPE_ABBREVIATIONS = {"ngo": ("NGO", "НПО", "ҮЕҰ")}


def _phone_forms(phone: Phone) -> list[str]:
    """A number as it is written and as people dial it: ``+7 708 106 08 10`` is also found by
    77081060810, 87081060810, 7081060810 and 8 708 106 08 10."""
    forms = [phone.number, phone.display]
    digits = "".join(ch for ch in phone.number if ch.isdigit())
    if phone.number.startswith("+") or phone.number.isdigit():
        forms.append(digits)
        if len(digits) == 11 and digits[0] in "78":  # +7 and the 8 of the national trunk prefix
            forms += ["7" + digits[1:], "8" + digits[1:], digits[1:]]
            rest = phone.display.removeprefix("+7") if phone.display.startswith("+7") else phone.display[1:]
            forms += ["+7 " + rest, "8 " + rest]
    return forms


def _haystack(service: Service, directory: Directory) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The sorted folded words of a record's name, and of the whole record, for matching and ranking."""
    other: list[Localized | None] = [service.description, service.city, service.operator]
    region = directory.regions.get(service.region or "")
    if region is not None:
        other += [region.names, region.centre]
    name = frozenset().union(*map(_folded, service.name.texts()))
    texts = [t for loc in other if loc is not None for t in loc.texts()]
    texts += [form for phone in service.phones for form in _phone_forms(phone)]
    texts += [service.id, service.id.replace("-", " ")]
    every = name.union(_type_words(service.type), *map(_folded, texts))
    return tuple(sorted(name)), tuple(sorted(every))


# A folded word is matched from its stem: up to three final letters of inflection endings dropped
# (vowels, and the m, h, v, s of "-ем", "-ых", "-ов", "-s"), while five letters are left. Russian
# and Kazakh change a word's ending ("насилие", "насилия", "насилием"; "кризисные", "кризисных";
# "приютов"), English adds an s: "nasiliem" is found by "nasil...", "centrov" by "centr...".
# Four letters would find "семья" by "семью", but also Aktau by "Актас", "правда" by "права" and
# "кенті" by "Кентау": a place name typed into find would list another town's services.
_STEM_MIN = 5
_ENDING_LETTERS = frozenset("aeiouymhvs")
_ENDING_MAX = 3
# The English texts use British spelling; a search typed the American way finds them too, and still
# finds a name spelled the American way ("Union of Crisis Centers"). Keys are folded words (a
# doubled letter is one: "counseling" already finds "counselling").
_BRITISH = {
    "center": "centre",
    "centers": "centres",
    "defense": "defence",
    "labor": "labour",
    "license": "licence",
    "offense": "offence",
    "offenses": "offences",
    "organization": "organisation",
    "organizations": "organisations",
    "program": "programme",
    "programs": "programmes",
}


def _stem(key: str) -> str:
    stem = key
    while len(stem) > _STEM_MIN and len(key) - len(stem) < _ENDING_MAX and stem[-1] in _ENDING_LETTERS:
        stem = stem[:-1]
    return stem


def _query_words(text: str) -> list[tuple[tuple[str, ...], bool]] | None:
    """``(the folded word's forms to look for, whole words only)`` for each word of a search: its
    stem, and the British spelling's; ``None`` when a word can match nothing. A word that folds to
    one letter or digit matches only that whole word; typed with more letters than that (zzzz, аа,
    ййй) it is one letter repeated, no word at all."""
    from kzsupport.textfold import fold_word, split_words

    words: list[tuple[tuple[str, ...], bool]] = []
    for raw in split_words(text):
        key = fold_word(raw)
        if len(key) == 1 and sum(ch.isalnum() for ch in raw) > 1:
            return None
        if key:
            forms = (_stem(key), _stem(fold_word(_BRITISH[key]))) if key in _BRITISH else (_stem(key),)
            words.append((forms, len(key) == 1))
    return words


def _found(words: tuple[str, ...], forms: tuple[str, ...], whole: bool) -> bool:
    """Whether a record's sorted ``words`` hold one of ``forms``, or a word starting with it."""
    for form in forms:
        i = bisect_left(words, form)
        if i < len(words) and (words[i] == form if whole else words[i].startswith(form)):
            return True
    return False


def search(
    directory: Directory,
    text: str | None = None,
    region: str | None = None,
    types: Iterable[str] = (),
    serves: str | None = None,
    include_unverified: bool = False,
) -> list[Service]:
    """Records matching every given filter. Each word of ``text`` matches the start of a word, in any
    language or script, in names, descriptions, cities, region names, phone numbers and ids; records
    whose name matches come first."""
    wanted_types = set(types)
    words: list[tuple[tuple[str, ...], bool]] = []
    if text:  # folding (its tables and unicodedata) is loaded only when there are words to match
        query = _query_words(text)
        if query is None:
            return []
        words = query
    haystacks = (
        directory.derived("search", lambda: [_haystack(s, directory) for s in directory.services])
        if words
        else []
    )
    scored: list[tuple[int, int, Service]] = []
    for index, service in enumerate(directory.services):
        if not visible(service, include_unverified):
            continue
        if region is not None and service.region != region:
            continue
        if wanted_types and service.type not in wanted_types:
            continue
        if serves is not None and serves not in service.serves and "everyone" not in service.serves:
            continue
        rank = 0
        if words:
            name_words, all_words = haystacks[index]
            if not all(_found(all_words, w, whole) for w, whole in words):
                continue
            rank = -sum(_found(name_words, w, whole) for w, whole in words)
        scored.append((rank, index, service))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [service for _, _, service in scored]


def get(directory: Directory, service_id: str) -> Service:
    """The record with this id, or an error that suggests how to find ids."""
    if not service_id.strip():
        raise BadInput(N_("Give a record id, for example kz-national-150 (\"kzsupport find\" shows ids)."))
    service = directory.by_id(service_id)
    if service is None:
        import difflib

        from kzsupport.store import command as _command

        ids = [s.id for s in directory.services]
        words = set(service_id.lower().split("-"))  # kz-150: every word of kz-national-150
        close = [i for i in ids if words <= set(i.split("-"))][:3]
        close = close or difflib.get_close_matches(service_id, ids, n=3)
        if close:
            raise KzSupportError(
                N_("No service with id {service_id}. Did you mean: {ids}?"),
                service_id=service_id,
                ids=", ".join(close),
            )
        raise KzSupportError(
            N_("No service with id {service_id}. Use \"{command}\" to see ids."),
            service_id=service_id,
            command=_command("find", directory.path),
        )
    return service


def hotlines(directory: Directory) -> list[Service]:
    """The national lines a person in danger can call, emergency numbers first."""
    national = [s for s in directory.services if s.is_national and s.has_contact and visible(s)]
    return sorted(national, key=lambda s: (s.national_order is None, s.national_order or 0, s.id))


def in_every_footer(service: Service) -> bool:
    """One of the national lines every footer shows: emergency, police and the two help lines."""
    return service.national_order is not None and service.national_order <= 4


def national_numbers(directory: Directory) -> Sequence[Service]:
    """The national lines shown in every footer (``in_every_footer``)."""
    return [s for s in hotlines(directory) if in_every_footer(s)]
