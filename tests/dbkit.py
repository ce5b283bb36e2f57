"""Small hand-made records and regions for the db tests (no bundled data needed)."""

from __future__ import annotations

import copy
from typing import Any

from kzsupport.models import Region

SOURCE = {
    "title": "Test source",
    "publisher": "Test publisher",
    "accessed": "2026-01-10",
    "url": "https://example.org/source",
    "document": None,
    "date": "2025-12-01",
    "date_note": None,
    "about": None,
}


def region(rid: str, kind: str, lat: float, lon: float) -> Region:
    return Region.from_dict(
        {
            "id": rid,
            "kind": kind,
            "iso_3166_2": "KZ-00",
            "names": {"kk": rid + " kk", "ru": rid + " ru", "en": rid + " en", "kk_latn": rid},
            "centre": {"names": {"kk": "c", "ru": "c", "en": "c"}, "lat": lat, "lon": lon},
        }
    )


REGIONS = {
    "almaty": region("almaty", "city", 43.25249, 76.9115),
    "ulytau": region("ulytau", "region", 47.79411, 67.70628),
    "astana": region("astana", "city", 51.1801, 71.44598),
}


def record(rid: str = "kz-test-1", **changes: Any) -> dict[str, Any]:
    """A valid record in the model's full layout; ``changes`` replace top-level fields."""
    base: dict[str, Any] = {
        "id": rid,
        "type": "crisis_centre",
        "name": {
            "kk": "Дағдарыс орталығы " + rid,
            "ru": "Кризисный центр " + rid,
            "en": "Crisis centre " + rid,
        },
        "name_descriptive": [],
        "description": {"kk": "Сипаттама", "ru": "Описание", "en": "Description"},
        "operator": None,
        "scope": "local",
        "region": "almaty",
        "city": {"kk": "Алматы", "ru": "Алматы", "en": "Almaty"},
        "address": None,
        "location": {"lat": 43.25, "lon": 76.92},
        "phones": [{"number": "+77272000000", "kind": "voice", "display": "+7 727 200 00 00", "note": None}],
        "website": None,
        "email": None,
        "hours": {"open_24_7": True, "text": None, "timezone": "Asia/Almaty"},
        "languages": ["kk", "ru"],
        "serves": ["women"],
        "services_offered": ["counselling"],
        "fees": {"free": True, "note": None},
        "eligibility_note": None,
        "required_documents": [],
        "caveats": [],
        "status": "active",
        "national_order": None,
        "sources": [copy.deepcopy(SOURCE)],
        "verification": {
            "status": "source_only",
            "date": "2026-01-10",
            "method": "official_page",
            "by": "tester",
            "note": None,
        },
    }
    base.update(copy.deepcopy(changes))
    return base


def tables(*records: dict[str, Any]) -> dict[str, Any]:
    """A directory file's content (TinyDB layout) holding ``records``."""
    return {
        "meta": {"1": {"as_of": "2026-01-01", "version": 1}},
        "services": {str(i): r for i, r in enumerate(records, start=1)},
    }


# Enough of a schema to exercise the schema check without the bundled file.
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "type", "name", "description", "scope", "status", "sources", "verification"],
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        "status": {"enum": ["active", "temporarily_closed", "inactive"]},
        "sources": {"type": "array", "minItems": 1},
        "website": {"type": ["string", "null"], "pattern": "^https?://[^\\s]+$"},
        "email": {"type": ["string", "null"], "pattern": "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$"},
        "location": {
            "type": ["object", "null"],
            "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}},
        },
    },
}
