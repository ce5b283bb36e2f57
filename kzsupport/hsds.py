"""Open Referral HSDS 3.0 export (``db export --format hsds``).

The package is a folder with one JSON file per HSDS table (``organizations.json``,
``services.json``, ``locations.json``, ``addresses.json``, ``phones.json``, ``schedules.json``,
``service_at_locations.json``, ``service_areas.json``, ``languages.json``,
``required_documents.json``, ``meta_table_descriptions.json``) and a ``datapackage.json`` listing
them. Rows are flat, linked by ``*_id`` foreign keys, as in the HSDS tabular form. Ids are UUIDs
(HSDS 3.0 requires them), derived from our record ids with uuid5 so the same directory always
exports the same ids.

HSDS text fields hold one language, so a package is in one content language (stated in
``meta_table_descriptions.json``, the HSDS place for a data set's language); export once per
language for all three.

Validation: the official HSDS 3.0 JSON Schemas are not available offline here (no package on the
registry ships them), so ``SCHEMAS`` below is our own faithful subset of them: the same table and
field names, types, ``uuid`` formats, required fields and enums as the 3.0 schema files, for the
fields we write; plus uniqueness of ids and every foreign key resolving.

Confidential addresses never appear: such a service gets no location, no address and no coordinates;
its region still shows in ``service_areas``. Unverified records are left out, as they are left out of
printed sheets; ``assured_date`` is set only for records verified by a check (``db verify``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from kzsupport.errors import KzSupportError
from kzsupport.i18n import N_, text
from kzsupport.models import Localized, Region, Service

HSDS_VERSION = "3.0"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_OID, "kzsupport.hsds")
WEEK = "MO,TU,WE,TH,FR,SA,SU"

_STATUS = {"active": "active", "temporarily_closed": "temporarily closed", "inactive": "inactive"}
# RFC 6350 phone types, which HSDS uses; messengers are text lines, named in the description.
_PHONE_TYPE = {
    "short_number": "voice",
    "voice": "voice",
    "sms": "text",
    "whatsapp": "text",
    "telegram": "text",
}
_MESSENGER = {"whatsapp": "WhatsApp", "telegram": "Telegram"}
_COUNTRY = {"kk": "Қазақстан", "kk-latn": "Qazaqstan", "ru": "Казахстан", "en": "Kazakhstan"}

TABLES = (
    "organizations",
    "services",
    "locations",
    "addresses",
    "phones",
    "schedules",
    "service_at_locations",
    "service_areas",
    "languages",
    "required_documents",
    "meta_table_descriptions",
)

_S = {"type": "string"}
_N = {"type": "number"}
_UUID = {"type": "string", "format": "uuid"}
_URI = {"type": "string", "format": "uri"}


def _table(required: Iterable[str], **properties: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required)}


# Our subset of the HSDS 3.0 schema files (schema/<object>.json), one entry per table.
SCHEMAS: dict[str, dict[str, Any]] = {
    "organizations": _table(
        ("id", "name", "description"),
        id=_UUID,
        name=_S,
        alternate_name=_S,
        description=_S,
        email=_S,
        website=_URI,
    ),
    "services": _table(
        ("id", "name", "status"),
        id=_UUID,
        organization_id=_UUID,
        name=_S,
        alternate_name=_S,
        description=_S,
        url=_URI,
        email=_S,
        status={"type": "string", "enum": ["active", "inactive", "defunct", "temporarily closed"]},
        eligibility_description=_S,
        fees_description=_S,
        assured_date=_S,
        alert=_S,
    ),
    "locations": _table(
        ("id", "location_type"),
        id=_UUID,
        organization_id=_UUID,
        location_type={"type": "string", "enum": ["physical", "postal", "virtual"]},
        name=_S,
        description=_S,
        latitude=_N,
        longitude=_N,
    ),
    "addresses": _table(
        ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
        id=_UUID,
        location_id=_UUID,
        address_1=_S,
        city=_S,
        region=_S,
        state_province=_S,
        postal_code=_S,
        country={"type": "string", "pattern": "^[A-Z]{2}$"},
        address_type={"type": "string", "enum": ["physical", "postal", "virtual"]},
    ),
    "phones": _table(
        ("id", "number"),
        id=_UUID,
        service_id=_UUID,
        location_id=_UUID,
        number=_S,
        type={
            "type": "string",
            "enum": ["text", "voice", "fax", "cell", "video", "pager", "textphone"],
        },
        description=_S,
    ),
    "schedules": _table(
        ("id",),
        id=_UUID,
        service_id=_UUID,
        location_id=_UUID,
        timezone=_N,
        freq={"type": "string", "enum": ["WEEKLY", "MONTHLY"]},
        byday=_S,
        opens_at={"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]"},
        closes_at={"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]"},
        description=_S,
    ),
    "service_at_locations": _table(
        ("id",),
        id=_UUID,
        service_id=_UUID,
        location_id=_UUID,
        description=_S,
    ),
    "service_areas": _table(
        ("id",),
        id=_UUID,
        service_id=_UUID,
        name=_S,
        description=_S,
        extent_type=_S,
    ),
    "languages": _table(("id",), id=_UUID, service_id=_UUID, name=_S, code=_S, note=_S),
    "required_documents": _table(("id",), id=_UUID, service_id=_UUID, document=_S, uri=_URI),
    "meta_table_descriptions": _table(
        ("id",),
        id=_UUID,
        name=_S,
        language=_S,
        character_set=_S,
    ),
}

# Foreign keys: table -> (field, referenced table).
FOREIGN_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "services": (("organization_id", "organizations"),),
    "locations": (("organization_id", "organizations"),),
    "addresses": (("location_id", "locations"),),
    "phones": (("service_id", "services"),),
    "schedules": (("service_id", "services"),),
    "service_at_locations": (("service_id", "services"), ("location_id", "locations")),
    "service_areas": (("service_id", "services"),),
    "languages": (("service_id", "services"),),
    "required_documents": (("service_id", "services"),),
}


def _id(kind: str, *key: object) -> str:
    return str(uuid.uuid5(NAMESPACE, kind + ":" + ":".join(str(k) for k in key)))


def _clean(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v not in (None, "")}


def _utc_offset(zone: str, on: date) -> float | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        moment = datetime(on.year, on.month, on.day, 12, tzinfo=ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offset = moment.utcoffset()
    return None if offset is None else offset.total_seconds() / 3600


def _language_name(code: str, lang: str) -> str | None:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name(Locale.parse("kk" if lang == "kk-latn" else lang))
    except (UnknownLocaleError, ValueError):
        return None


def build_package(
    services: Iterable[Service], regions: Mapping[str, Region], lang: str, *, on: date | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The HSDS tables for ``services``, texts in ``lang`` (``kk``, ``kk-latn``, ``ru``, ``en``)."""
    on = on or datetime.now(timezone.utc).date()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    organizations: dict[str, dict[str, Any]] = {}

    def t(value: Localized | None) -> str | None:
        return text(value, lang) or None

    for service in sorted(services, key=lambda s: s.id):
        if service.is_unverified:
            continue  # kept out of anything published, as out of printed sheets
        sid = _id("service", service.id)
        owner: Localized = service.operator or service.name
        org_key = (owner.en or owner.ru or owner.kk or service.id).casefold()
        org_id = _id("organization", org_key)
        organizations.setdefault(org_id, _clean({"id": org_id, "name": t(owner), "description": t(owner)}))
        fees = service.fees
        fees_text = t(fees.note) if fees else None
        tables["services"].append(
            _clean(
                {
                    "id": sid,
                    "organization_id": org_id,
                    "name": t(service.name),
                    "description": t(service.description),
                    "url": service.website,
                    "email": service.email,
                    "status": _STATUS.get(service.status, "inactive"),
                    "eligibility_description": t(service.eligibility_note),
                    "fees_description": fees_text,
                    # HSDS: "the date that the information was last checked" -- only a real check counts
                    "assured_date": service.verification.date
                    if service.verification.status == "verified"
                    else None,
                }
            )
        )
        address = service.public_address
        if address is not None or (service.location is not None and service.address is None):
            location_id = _id("location", service.id)
            tables["locations"].append(
                _clean(
                    {
                        "id": location_id,
                        "organization_id": org_id,
                        "location_type": "physical",
                        "name": t(service.name),
                        "latitude": service.location.lat if service.location else None,
                        "longitude": service.location.lon if service.location else None,
                    }
                )
            )
            tables["service_at_locations"].append(
                {
                    "id": _id("service_at_location", service.id),
                    "service_id": sid,
                    "location_id": location_id,
                }
            )
            if address is not None and address.text is not None:
                region = regions.get(service.region or "")
                tables["addresses"].append(
                    {
                        "id": _id("address", service.id),
                        "location_id": location_id,
                        "address_1": t(address.text) or "",
                        "city": t(service.city) or "",
                        "state_province": (t(region.names) or "") if region else "",
                        "postal_code": "",
                        "country": "KZ",
                        "address_type": "physical",
                    }
                )
        for index, phone in enumerate(service.phones):
            note = t(phone.note)
            messenger = _MESSENGER.get(phone.kind)
            description = " — ".join(p for p in (messenger, note) if p) or None
            tables["phones"].append(
                _clean(
                    {
                        "id": _id("phone", service.id, index),
                        "service_id": sid,
                        "number": phone.number,
                        "type": _PHONE_TYPE.get(phone.kind, "voice"),
                        "description": description,
                    }
                )
            )
        if service.hours is not None:
            hours = service.hours
            row: dict[str, Any] = {
                "id": _id("schedule", service.id),
                "service_id": sid,
                "description": t(hours.text),
                "timezone": _utc_offset(hours.timezone, on),
            }
            if hours.open_24_7:
                row.update(freq="WEEKLY", byday=WEEK, opens_at="00:00", closes_at="23:59")
            tables["schedules"].append(_clean(row))
        unit = regions.get(service.region or "")
        area: str | None = _COUNTRY[lang] if service.is_national else service.region
        if unit is not None:
            area = t(unit.names)
        tables["service_areas"].append(
            _clean({"id": _id("service_area", service.id), "service_id": sid, "name": area})
        )
        for code in service.languages:
            tables["languages"].append(
                _clean(
                    {
                        "id": _id("language", service.id, code),
                        "service_id": sid,
                        "name": _language_name(code, lang),
                        "code": code,
                    }
                )
            )
        for index, document in enumerate(service.required_documents):
            tables["required_documents"].append(
                _clean(
                    {
                        "id": _id("required_document", service.id, index),
                        "service_id": sid,
                        "document": t(document),
                    }
                )
            )
    tables["organizations"] = sorted(organizations.values(), key=lambda o: str(o["id"]))
    tag = {"kk-latn": "kk-Latn"}.get(lang, lang)
    tables["meta_table_descriptions"] = [
        {
            "id": _id("meta_table_description", name),
            "name": name,
            "language": tag,
            "character_set": "UTF-8",
        }
        for name in TABLES
        if name != "meta_table_descriptions"
    ]
    return tables


def validate_package(tables: Mapping[str, list[dict[str, Any]]]) -> list[str]:
    """Problems with a package: schema (our HSDS 3.0 subset), unique ids, foreign keys."""
    from jsonschema import Draft202012Validator, FormatChecker

    problems: list[str] = []
    ids: dict[str, set[str]] = {}
    for name in TABLES:
        validator = Draft202012Validator(SCHEMAS[name], format_checker=FormatChecker())
        seen: set[str] = set()
        for index, row in enumerate(tables.get(name, [])):
            for error in validator.iter_errors(row):
                problems.append(f"{name}[{index}]: {error.message}")
            row_id = str(row.get("id"))
            if row_id in seen:
                problems.append(f"{name}[{index}]: duplicate id {row_id}")
            seen.add(row_id)
        ids[name] = seen
    for name, keys in FOREIGN_KEYS.items():
        for index, row in enumerate(tables.get(name, [])):
            for column, target in keys:
                value = row.get(column)
                if value is not None and value not in ids[target]:
                    problems.append(f"{name}[{index}]: {column} {value} is not in {target}")
    return problems


def write_package(
    tables: Mapping[str, list[dict[str, Any]]], folder: Path, *, force: bool = False,
    data_path: str | None = None,
) -> list[Path]:
    """Write one JSON file per table and ``datapackage.json`` into ``folder`` (made if missing; its
    parent must exist); the paths written. Without ``force`` nothing is written when any of these
    files exists already, so a package is never half replaced. None of them may be a directory
    file or kzsupport's bookkeeping (``services.json`` beside the data, a backups folder), even
    with ``force``: checked for every file before any is written."""
    from kzsupport.output import not_the_directory, write_atomic

    if folder.exists() and not folder.is_dir():
        raise KzSupportError(N_("{path} is a file: an HSDS package is a folder."), path=str(folder))
    if not folder.parent.is_dir():
        raise KzSupportError(N_("The folder {folder} does not exist."), folder=str(folder.parent))
    names = [f"{name}.json" for name in TABLES] + ["datapackage.json"]
    if data_path is not None:
        for name in names:
            not_the_directory(folder / name, data_path)
    existing = [name for name in names if (folder / name).exists()]
    if existing and not force:
        raise KzSupportError(
            N_("{path} already exists. Use --force to replace it."), path=str(folder / existing[0])
        )
    folder.mkdir(exist_ok=True)
    resources = [
        {"name": name, "path": f"{name}.json", "format": "json", "mediatype": "application/json"}
        for name in TABLES
    ]
    package = {
        "name": "kzsupport-hsds",
        "profile": "data-package",
        "title": "kzsupport directory as Open Referral HSDS " + HSDS_VERSION,
        "hsds_version": HSDS_VERSION,
        "resources": resources,
    }
    contents = [tables.get(name, []) for name in TABLES] + [package]
    return [
        write_atomic(folder / name, _json_bytes(content), force=force)
        for name, content in zip(names, contents, strict=True)
    ]


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
