"""A clearly synthetic directory for scale measurements. Written only to temporary files, never to data/.

Records carry no phone numbers, and every name says "SYNTHETIC" so one can never be mistaken for a
real service.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from kzsupport.models import SERVES, SERVICE_TYPES
from kzsupport.store import load_regions


def record(i: int, rng: random.Random) -> dict[str, object]:
    region = rng.choice(sorted(load_regions().values(), key=lambda r: r.id))
    lat = region.centre_lat + rng.uniform(-1.0, 1.0)
    lon = region.centre_lon + rng.uniform(-1.5, 1.5)
    label = f"SYNTHETIC {i:06d}"
    return {
        "id": f"synthetic-{i:06d}",
        "type": rng.choice(SERVICE_TYPES[2:]),
        "name": {"kk": f"{label} қызмет", "ru": f"{label} служба", "en": f"{label} service"},
        "name_descriptive": [],
        "description": {"kk": "Сынақ жазбасы", "ru": "Тестовая запись", "en": "Benchmark record"},
        "operator": None,
        "scope": "local",
        "region": region.id,
        "city": {"kk": region.centre.kk, "ru": region.centre.ru, "en": region.centre.en},
        "address": None,
        "location": {"lat": round(lat, 5), "lon": round(lon, 5)},
        "phones": [],
        "website": None,
        "email": None,
        "hours": None,
        "languages": ["kk", "ru"],
        "serves": rng.sample(SERVES, 2),
        "services_offered": ["counselling"],
        "fees": None,
        "eligibility_note": None,
        "required_documents": [],
        "caveats": [],
        "status": "active",
        "national_order": None,
        "sources": [
            {
                "title": "synthetic",
                "publisher": "benchmarks/synthetic.py",
                "accessed": "2026-11-24",
                "url": None,
                "document": None,
                "date": None,
                "date_note": None,
            }
        ],
        "verification": {"status": "source_only", "date": None, "method": None, "by": None, "note": None},
    }


def write(path: Path, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    services = {str(i + 1): record(i, rng) for i in range(count)}
    tables = {"meta": {"1": {"as_of": "2026-11-24", "version": 1}}, "services": services}
    path.write_text(json.dumps(tables, ensure_ascii=False, sort_keys=True, indent=2), encoding="utf-8")
    return path
