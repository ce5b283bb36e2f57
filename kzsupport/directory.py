"""Queries over a loaded directory. Pure: no click, no rich, no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from kzsupport.errors import KzSupportError
from kzsupport.i18n import N_
from kzsupport.models import Directory, Localized, Service


def visible(service: Service, include_unverified: bool = False) -> bool:
    """Default views hide unverified and inactive records; ``--all`` shows them."""
    if include_unverified:
        return True
    return not service.is_unverified and service.status != "inactive"


@lru_cache(maxsize=1 << 14)  # region names, cities and descriptions repeat across records
def _folded(text: str) -> str:
    """The folded words of ``text``, joined by spaces."""
    from kzsupport.textfold import fold_words  # loaded only for a text search

    return " ".join(fold_words(text))


def _haystack(service: Service, directory: Directory) -> tuple[str, str]:
    """Folded name text and folded other text of a record, for matching and ranking."""
    other: list[Localized | None] = [service.description, service.city, service.operator]
    region = directory.regions.get(service.region or "")
    if region is not None:
        other += [region.names, region.centre]
    name_words = " ".join(f for t in service.name.texts() if (f := _folded(t)))
    other_words = " ".join(f for loc in other if loc is not None for t in loc.texts() if (f := _folded(t)))
    numbers = " ".join(p.number for p in service.phones)
    rest = (other_words, _folded(numbers), _folded(service.id.replace("-", " ")))
    return name_words, " ".join(f for f in rest if f)


def search(
    directory: Directory,
    text: str | None = None,
    region: str | None = None,
    types: Iterable[str] = (),
    serves: str | None = None,
    include_unverified: bool = False,
) -> list[Service]:
    """Records matching every given filter. Text matches words in any language or script, in names,
    descriptions, cities and region names; records whose name matches come first."""
    wanted_types = set(types)
    words: list[str] = []
    if text:  # folding (its tables and unicodedata) is loaded only when there are words to match
        from kzsupport.textfold import fold_words

        words = fold_words(text)
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
            name_words, other_words = haystacks[index]
            if not all(w in name_words or w in other_words for w in words):
                continue
            rank = -sum(w in name_words for w in words)
        scored.append((rank, index, service))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [service for _, _, service in scored]


def get(directory: Directory, service_id: str) -> Service:
    """The record with this id, or an error that suggests how to find ids."""
    service = directory.by_id(service_id)
    if service is None:
        import difflib

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
            N_("No service with id {service_id}. Use \"kzsupport find\" to see ids."),
            service_id=service_id,
        )
    return service


def hotlines(directory: Directory) -> list[Service]:
    """The national lines a person in danger can call, emergency numbers first."""
    national = [s for s in directory.services if s.is_national and s.has_contact and visible(s)]
    return sorted(national, key=lambda s: (s.national_order is None, s.national_order or 0, s.id))


def national_numbers(directory: Directory) -> Sequence[Service]:
    """The national lines shown in every footer: emergency, police and the two help lines."""
    return [s for s in hotlines(directory) if s.national_order is not None and s.national_order <= 4]
