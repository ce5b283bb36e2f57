"""Immutable records for the directory: what a record *is*, independent of storage and display.

Records are built from plain JSON dicts (the TinyDB documents) by ``from_dict`` and turned back by
``to_dict`` so that a load/save round-trip is lossless.

They are ``typing.NamedTuple`` classes rather than frozen dataclasses: defining a dozen frozen
dataclasses took 8 ms of every start (each generated method is compiled when the class is made), and
a named tuple is also quicker to build and smaller, which counts at 100,000 records. Annotations are
evaluated (no ``from __future__ import annotations``): string annotations would cost NamedTuple a
compile per field, so only a class's references to itself are quoted. Being tuples, records compare
by value and position: compare records of one kind only (nothing compares a Phone with a Source).
"""

import gc
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")


def without_gc(build: Callable[[], T]) -> T:
    """``build()`` with the cyclic garbage collector paused. Loading the directory, or deriving
    search keys and placements from it, makes objects that are all kept: left on, the collector
    would scan them over and over while they are made (a quarter of the time at 10,000 records,
    ``benchmarks/bench_scale.py``). Nothing is lost: reference counting still frees what is dropped,
    and the collector runs again afterwards."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return build()
    finally:
        if collecting:
            gc.enable()


LANGS: tuple[str, ...] = ("kk", "ru", "en")

SERVICE_TYPES: tuple[str, ...] = (
    "emergency",
    "police",
    "hotline",
    "crisis_centre",
    "shelter",
    "legal_aid",
    "child_rights",
    "family_support",
    "health",
    "social_services",
    "ngo",
    "government_info",
)

# The programmes the eligibility rules decide (kzsupport.eligibility; rules.json).
PROGRAMMES: tuple[str, ...] = ("legal-aid", "special-social-services", "protective-measures")

SERVES: tuple[str, ...] = (
    "everyone",
    "women",
    "children",
    "young_people",
    "men",
    "families",
    "parents",
    "older_people",
    "people_with_disabilities",
    "domestic_violence_victims",
    "sexual_violence_victims",
    "trafficking_victims",
    "migrants",
)

OFFERS: tuple[str, ...] = (
    "emergency_response",
    "counselling",
    "psychological_help",
    "legal_advice",
    "legal_representation",
    "shelter",
    "medical_help",
    "social_support",
    "information",
    "referral",
    "protective_order",
    "court_accompaniment",
    "text_chat",
    "rehabilitation",
    "employment_help",
)

PHONE_KINDS: tuple[str, ...] = ("short_number", "voice", "whatsapp", "telegram", "sms")
STATUSES: tuple[str, ...] = ("active", "temporarily_closed", "inactive")
VERIFICATION_STATUSES: tuple[str, ...] = ("verified", "source_only", "unverified")
VERIFICATION_METHODS: tuple[str, ...] = ("call", "official_page", "document", "visit")
# How the facts of a record nobody has called or visited were read (``db add --method``).
SOURCE_METHODS: tuple[str, ...] = ("document", "official_page")


_EMPTY: Mapping[str, Any] = MappingProxyType({})
_SERVICE_TEXTS = ("id", "type", "scope", "status", "region", "website", "email")


# Reading a hand-edited file: a value of the wrong JSON type ("number": 111, a list where text
# belongs) raises TypeError naming the record's field, which the loader reports as an invalid
# record, rather than failing later in whatever command first uses the value.

def _obj(value: Any, field: str) -> Mapping[str, Any]:
    if type(value) is not dict and not isinstance(value, Mapping):  # the ABC check is slow
        raise TypeError(field)
    return value


def _texts_in(values: tuple[Any, ...], field: str | tuple[str, ...], required: int = 0) -> None:
    """Refuse ``values`` unless the first ``required`` are text and the rest text or null. One
    call checks a whole object (a record has a dozen texts, and 100,000 records are measured)."""
    for index, value in enumerate(values):
        if type(value) is not str and (index < required or value is not None):
            raise TypeError(field if isinstance(field, str) else field[index])


def _list(value: Any, field: str) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, (list, tuple)):  # a tuple of types: quicker than a union
        raise TypeError(field)
    return value


def _strs(value: Any, field: str) -> tuple[str, ...]:
    for one in _list(value, field):
        if type(one) is not str:
            raise TypeError(field)
    return tuple(value)


class Localized(NamedTuple):
    """One text in Kazakh (Cyrillic), Russian and English. A missing language is ``None``."""

    kk: str | None = None
    ru: str | None = None
    en: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None, field: str = "text") -> "Localized | None":
        return None if data is None else _localized(data, field)

    def to_dict(self) -> dict[str, str | None]:
        return {"kk": self.kk, "ru": self.ru, "en": self.en}

    def get(self, lang: str) -> str | None:
        """The text in ``lang`` (``kk``, ``ru`` or ``en``), or ``None`` if that language is missing."""
        value: str | None = getattr(self, lang, None)
        return value

    def texts(self) -> tuple[str, ...]:
        return tuple(t for t in (self.kk, self.ru, self.en) if t)


_KAZAKH_ONLY = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def written_in(value: str) -> str | None:
    """The language a text is most likely written in, from its letters: mostly Cyrillic is ``kk``
    if it has a letter only Kazakh uses, else ``ru``; mostly Latin is ``en``; no letters, ``None``.
    For texts held in one language only, which do not say which."""
    cyrillic = sum(1 for c in value if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in value if c.isascii() and c.isalpha())
    if not cyrillic and not latin:
        return None
    if cyrillic >= latin:
        return "kk" if _KAZAKH_ONLY.intersection(value) else "ru"
    return "en"


def in_its_language(value: str) -> Localized:
    """A text typed in one language, without saying which, as a ``Localized`` in that language
    (``written_in``); one with no letters reads the same in all three."""
    lang = written_in(value)
    return Localized(value, value, value) if lang is None else Localized(**{lang: value})


def _localized(value: Any, field: str) -> Localized:
    data = _obj(value, field)
    text = Localized(data.get("kk"), data.get("ru"), data.get("en"))
    for one in text:  # inlined: the commonest check
        if type(one) is not str and one is not None:
            raise TypeError(field)
    return text


def _loc(data: Mapping[str, Any], key: str) -> Localized | None:
    return Localized.from_dict(data.get(key), key)


def _texts(value: Any, field: str) -> tuple[Localized, ...]:
    """A list of texts, none of them null."""
    return tuple(_localized(d, field) for d in _list(value, field))


def _loc_dict(value: Localized | None) -> dict[str, str | None] | None:
    return None if value is None else value.to_dict()


# Messenger and text channels by their brand names, which need no translation. A number of one of
# these kinds is written to, not called: it is never shown bare beside numbers to call.
MESSENGER_BRANDS: Mapping[str, str] = {"whatsapp": "WhatsApp", "telegram": "Telegram", "sms": "SMS"}


class Phone(NamedTuple):
    number: str
    kind: str
    display: str
    note: Localized | None = None

    @property
    def brand(self) -> str | None:
        """``WhatsApp``, ``Telegram`` or ``SMS`` for a messenger channel; ``None`` for a call."""
        return MESSENGER_BRANDS.get(self.kind)

    def labelled(self) -> str:
        """``150`` for a call, ``WhatsApp +7 708 106 08 10`` for a messenger."""
        return self.display if self.brand is None else f"{self.brand} {self.display}"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Phone":
        data = _obj(data, "phones")
        phone = cls(
            number=data["number"],
            kind=data["kind"],
            display=data["display"],
            note=Localized.from_dict(data.get("note"), "phones"),
        )
        _texts_in(phone[:3], "phones", required=3)
        return phone

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "display": self.display,
            "note": _loc_dict(self.note),
        }


class Address(NamedTuple):
    """A street address. ``confidential`` addresses never leave the store (see ``Service.public``)."""

    text: Localized | None
    confidential: bool
    note: Localized | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "Address | None":
        if data is None:
            return None
        data = _obj(data, "address")
        return cls(
            text=Localized.from_dict(data.get("text"), "address"),
            confidential=bool(data["confidential"]),
            note=Localized.from_dict(data.get("note"), "address"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": _loc_dict(self.text),
            "confidential": self.confidential,
            "note": _loc_dict(self.note),
        }


class Hours(NamedTuple):
    open_24_7: bool | None
    text: Localized | None
    timezone: str = "Asia/Almaty"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "Hours | None":
        if data is None:
            return None
        data = _obj(data, "hours")
        hours = cls(
            open_24_7=data.get("open_24_7"),
            text=Localized.from_dict(data.get("text"), "hours"),
            timezone=data.get("timezone", "Asia/Almaty"),
        )
        _texts_in((hours.timezone,), "hours", required=1)
        return hours

    def to_dict(self) -> dict[str, Any]:
        return {
            "open_24_7": self.open_24_7,
            "text": _loc_dict(self.text),
            "timezone": self.timezone,
        }


class Fees(NamedTuple):
    free: bool | None
    note: Localized | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "Fees | None":
        if data is None:
            return None
        data = _obj(data, "fees")
        return cls(free=data.get("free"), note=Localized.from_dict(data.get("note"), "fees"))

    def to_dict(self) -> dict[str, Any]:
        return {"free": self.free, "note": _loc_dict(self.note)}


PROJECT_RESEARCH = "kzsupport shared research"
"""How ``Source.document`` begins when the source is the project's own research notes."""

CHECK_TITLE = "Verification ({method})"
"""The title ``db verify`` gives the source it adds: the check itself. Stored in English, shown in
the reader's language."""


class Source(NamedTuple):
    """A public source a record's facts come from. ``accessed`` is when it was read. A source whose
    ``document`` begins with ``PROJECT_RESEARCH`` (and has no URL) is the project's own research
    notes, which cite a public source the record could not yet link to.

    ``title`` is the title as published, in its own language, or ``None`` for a source without one
    (a news item, a page); ``about`` says in kk/ru/en, in our words, what the source is when its
    title does not: an untitled item, a reprint, a mirror."""

    title: str | None
    publisher: str
    accessed: str
    url: str | None = None
    document: str | None = None
    date: str | None = None
    date_note: str | None = None
    about: Localized | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Source":
        data = _obj(data, "sources")
        source = cls(
            title=data["title"],
            publisher=data["publisher"],
            accessed=data["accessed"],
            url=data.get("url"),
            document=data.get("document"),
            date=data.get("date"),
            date_note=data.get("date_note"),
            about=_loc(data, "about"),
        )
        _texts_in(source[1:7], "sources", required=2)
        if type(source.title) is not str and (source.title is not None or source.about is None):
            raise TypeError("title")  # an untitled source says what it is in about
        return source

    @property
    def is_project_research(self) -> bool:
        """Our own research notes rather than a public source: shown as such, not by file name."""
        return self.url is None and (self.document or "").startswith(PROJECT_RESEARCH)

    @property
    def check_method(self) -> str | None:
        """How the check was made, for a source ``db verify`` added (titled ``CHECK_TITLE``)."""
        for method in VERIFICATION_METHODS:
            if self.title == CHECK_TITLE.format(method=method):
                return method
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "publisher": self.publisher,
            "accessed": self.accessed,
            "url": self.url,
            "document": self.document,
            "date": self.date,
            "date_note": self.date_note,
            "about": _loc_dict(self.about),
        }


class Verification(NamedTuple):
    status: str
    date: str | None = None
    method: str | None = None
    by: str | None = None
    # What was checked and how, in kk/ru/en like any record text. A note typed in one language
    # (``db verify --note``) is kept as that text and read as written in that language.
    note: Localized | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Verification":
        data = _obj(data, "verification")
        typed = data.get("note")
        if type(typed) is str:  # typed in one language (db verify --note); blank is no note
            note = in_its_language(typed) if typed.strip() else None
        else:
            note = _loc(data, "note")
        verification = cls(
            status=data["status"],
            date=data.get("date"),
            method=data.get("method"),
            by=data.get("by"),
            note=note,
        )
        _texts_in(verification[:4], "verification", required=1)
        return verification

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "date": self.date,
            "method": self.method,
            "by": self.by,
            "note": _loc_dict(self.note),
        }


class Location(NamedTuple):
    lat: float
    lon: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "Location | None":
        if data is None:
            return None
        data = _obj(data, "location")
        lat, lon = data["lat"], data["lon"]
        if type(lat) not in (int, float) or type(lon) not in (int, float):  # not text, not true/false
            raise TypeError("location")
        return cls(lat=float(lat), lon=float(lon))

    def to_dict(self) -> dict[str, float]:
        return {"lat": self.lat, "lon": self.lon}


class Service(NamedTuple):
    """One directory record (an HSDS-inspired profile; see data/service.schema.json)."""

    id: str
    type: str
    name: Localized
    description: Localized
    scope: str
    region: str | None
    status: str
    sources: tuple[Source, ...]
    verification: Verification
    name_descriptive: tuple[str, ...] = ()
    operator: Localized | None = None
    city: Localized | None = None
    address: Address | None = None
    location: Location | None = None
    phones: tuple[Phone, ...] = ()
    website: str | None = None
    email: str | None = None
    hours: Hours | None = None
    languages: tuple[str, ...] = ()
    serves: tuple[str, ...] = ()
    services_offered: tuple[str, ...] = ()
    fees: Fees | None = None
    eligibility_note: Localized | None = None
    required_documents: tuple[Localized, ...] = ()
    caveats: tuple[Localized, ...] = ()
    national_order: int | None = None
    extra: Mapping[str, Any] = _EMPTY

    def __hash__(self) -> int:
        # ``extra`` is a mapping, so the tuple cannot hash itself; equal records share an id.
        return hash(self.id)

    @property
    def is_national(self) -> bool:
        return self.scope == "national"

    @property
    def is_unverified(self) -> bool:
        """Unverified records stay out of default views and out of anything printed."""
        return self.verification.status == "unverified"

    @property
    def has_contact(self) -> bool:
        return bool(self.phones)

    @property
    def public_address(self) -> Address | None:
        """The address as it may be shown: ``None`` when it is confidential."""
        if self.address is None or self.address.confidential:
            return None
        return self.address

    @property
    def public_location(self) -> Location | None:
        """The coordinates as they may be shown or measured from: ``None`` with a confidential
        address, which they would give away (so would an exact distance from a known point)."""
        if self.address is not None and self.address.confidential:
            return None
        return self.location

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Service":
        known = _SERVICE_FIELDS
        name = _localized(data["name"], "name")
        description = _localized(data["description"], "description")
        national_order = data.get("national_order")
        if national_order is not None and type(national_order) is not int:
            raise TypeError("national_order")
        service = cls(
            id=data["id"],
            type=data["type"],
            name=name,
            description=description,
            scope=data["scope"],
            region=data.get("region"),
            status=data["status"],
            sources=tuple(Source.from_dict(s) for s in _list(data["sources"], "sources")),
            verification=Verification.from_dict(data["verification"]),
            name_descriptive=_strs(data.get("name_descriptive", ()), "name_descriptive"),
            operator=_loc(data, "operator"),
            city=_loc(data, "city"),
            address=Address.from_dict(data.get("address")),
            location=Location.from_dict(data.get("location")),
            phones=tuple(Phone.from_dict(p) for p in _list(data.get("phones", ()), "phones")),
            website=data.get("website"),
            email=data.get("email"),
            hours=Hours.from_dict(data.get("hours")),
            languages=_strs(data.get("languages", ()), "languages"),
            serves=_strs(data.get("serves", ()), "serves"),
            services_offered=_strs(data.get("services_offered", ()), "services_offered"),
            fees=Fees.from_dict(data.get("fees")),
            eligibility_note=_loc(data, "eligibility_note"),
            required_documents=_texts(data.get("required_documents", ()), "required_documents"),
            caveats=_texts(data.get("caveats", ()), "caveats"),
            national_order=national_order,
            extra={k: v for k, v in data.items() if k not in known},
        )
        _texts_in((service.id, service.type, service.scope, service.status, service.region,
                   service.website, service.email), _SERVICE_TEXTS, required=4)
        return service

    def to_dict(self, *, public: bool = False) -> dict[str, Any]:
        """The record as JSON. With ``public=True`` a confidential address and the coordinates
        that would reveal it are removed."""
        address = self.public_address if public else self.address
        location = self.public_location if public else self.location
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "name": self.name.to_dict(),
            "name_descriptive": list(self.name_descriptive),
            "description": self.description.to_dict(),
            "operator": _loc_dict(self.operator),
            "scope": self.scope,
            "region": self.region,
            "city": _loc_dict(self.city),
            "address": None if address is None else address.to_dict(),
            "location": None if location is None else location.to_dict(),
            "phones": [p.to_dict() for p in self.phones],
            "website": self.website,
            "email": self.email,
            "hours": None if self.hours is None else self.hours.to_dict(),
            "languages": list(self.languages),
            "serves": list(self.serves),
            "services_offered": list(self.services_offered),
            "fees": None if self.fees is None else self.fees.to_dict(),
            "eligibility_note": _loc_dict(self.eligibility_note),
            "required_documents": [d.to_dict() for d in self.required_documents],
            "caveats": [c.to_dict() for c in self.caveats],
            "status": self.status,
            "national_order": self.national_order,
            "sources": [s.to_dict() for s in self.sources],
            "verification": self.verification.to_dict(),
        }
        out.update(self.extra)
        return out


_SERVICE_FIELDS = frozenset(f for f in Service._fields if f != "extra")


class Region(NamedTuple):
    """A first-level unit (17 regions, 3 cities; 2022 borders) from data/regions.json."""

    id: str
    kind: str
    iso: str
    names: Localized
    name_latn: str
    centre: Localized
    centre_lat: float
    centre_lon: float
    raw: Mapping[str, Any]

    def __hash__(self) -> int:
        # ``raw`` is a mapping, so the tuple cannot hash itself; equal regions share an id.
        return hash(self.id)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Region":
        names = data["names"]
        centre = data["centre"]
        return cls(
            id=data["id"],
            kind=data["kind"],
            iso=data["iso_3166_2"],
            names=Localized(kk=names["kk"], ru=names["ru"], en=names["en"]),
            name_latn=names["kk_latn"],
            centre=Localized(
                kk=centre["names"]["kk"], ru=centre["names"]["ru"], en=centre["names"]["en"]
            ),
            centre_lat=float(centre["lat"]),
            centre_lon=float(centre["lon"]),
            raw=data,
        )


class Meta(NamedTuple):
    as_of: str
    version: int
    extra: Mapping[str, Any] = _EMPTY


class Directory:
    """Everything a query needs: the records, the regions and the data set's metadata.

    Made once per load and never changed (a changed file is loaded again), so what is derived from
    it can be kept with it.
    """

    __slots__ = ("_by_id", "_derived", "meta", "path", "regions", "services")

    def __init__(
        self,
        services: tuple[Service, ...],
        regions: Mapping[str, Region],
        meta: Meta,
        path: str = "",
    ) -> None:
        self.services = services
        self.regions = regions
        self.meta = meta
        self.path = path
        self._by_id = {s.id: s for s in services}
        self._derived: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Directory({self.path!r}, {len(self.services)} services)"

    def by_id(self, service_id: str) -> Service | None:
        return self._by_id.get(service_id)

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """Data derived from the records (search keys, placements), built once per loaded directory."""
        if key not in self._derived:
            self._derived[key] = without_gc(build)
        value: T = self._derived[key]
        return value
