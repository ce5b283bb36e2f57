"""Distances and "the nearest services to this point". Pure: no click, no rich, no I/O.

Ranking uses our own haversine (geopy would cost 150 ms of imports and 8x the time per distance;
see shared/research/geo_i18n.md §8). A service is placed by its own coordinates (never those of a
confidential address), else by its city (resolved through the gazetteer), else by its region's
centre, and every result says which.
National services are never "near": callers list them as the national lines instead.
"""

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from kzsupport.directory import hotlines, visible
from kzsupport.models import Directory, Service
from kzsupport.places import Gazetteer, haversine_km
from kzsupport.places import load as load_gazetteer

PLACED_BY: tuple[str, ...] = ("location", "city", "region_centre")
# Exact distances are computed for this many of the nearest by a cheap flat-earth estimate (all of
# them in a directory this small, such as the bundled one, which then never imports heapq).
_EXACT_POOL = 64


class Placed(NamedTuple):
    """Where a service is, and on what basis."""

    service: Service
    lat: float
    lon: float
    placed_by: str  # location | city | region_centre
    shown: bool = True  # visible in default views (directory.visible)


class NearItem(NamedTuple):
    service: Service
    distance_km: float
    placed_by: str
    in_region: bool  # in the client's region


class NearResult(NamedTuple):
    items: tuple[NearItem, ...]
    region: str | None  # the client's region
    none_in_region: bool  # the client's region has none of the asked kind: items are elsewhere
    national: tuple[Service, ...]


def place_service(service: Service, gazetteer: Gazetteer) -> Placed | None:
    """Coordinates for a local service, or ``None`` (national, or nothing to place it by)."""
    if service.is_national:
        return None
    shown = visible(service)
    location = service.public_location  # a shelter at a secret address is placed by its city
    if location is not None:
        return Placed(service, location.lat, location.lon, "location", shown)
    if service.city is not None:
        for name in service.city.texts():
            point = _town_point(gazetteer, name, service.region)
            if point is not None:
                return Placed(service, *point, "city", shown)
    if service.region in gazetteer.regions:
        centre = gazetteer.region_place(service.region)  # type: ignore[arg-type]
        return Placed(service, centre.lat, centre.lon, "region_centre", shown)  # type: ignore[arg-type]
    return None


@lru_cache(maxsize=4096)
def _town_point(gazetteer: Gazetteer, name: str, region: str | None) -> tuple[float, float] | None:
    """The point of the town called ``name`` in ``region``, if the gazetteer knows it (many services
    share a town: each is looked up once)."""
    best = gazetteer.resolve(name, region=region).best
    if best is not None and best.place.has_point and best.place.kind != "region":
        return best.place.point
    return None


def placements(directory: Directory, gazetteer: Gazetteer | None = None) -> list[Placed]:
    """Every placeable service of ``directory`` (built once per loaded directory)."""

    def build() -> list[Placed]:
        gaz = gazetteer or load_gazetteer()
        return [p for s in directory.services if (p := place_service(s, gaz)) is not None]

    return directory.derived("placements", build)


def _distance_to(origin: tuple[float, float], placed: Placed) -> float:
    return haversine_km(origin[0], origin[1], placed.lat, placed.lon)


def _nearest(
    origin: tuple[float, float], pool: Iterable[Placed], n: int, radius_km: float | None
) -> list[tuple[float, Placed]]:
    """The ``n`` nearest by haversine, choosing candidates by a flat-earth estimate first."""
    rough = list(pool)
    if len(rough) > max(n, _EXACT_POOL):
        import heapq  # a directory bigger than the pool measured exactly

        lat0, lon0 = origin
        kx = math.cos(math.radians(lat0))
        rough = heapq.nsmallest(
            max(n, _EXACT_POOL),
            rough,
            key=lambda p: (p.lat - lat0) ** 2 + ((p.lon - lon0) * kx) ** 2,
        )
    exact = [(_distance_to(origin, p), p) for p in rough]
    if radius_km is not None:
        exact = [(d, p) for d, p in exact if d <= radius_km]
    # At the same distance (a service known only by its region is put at the region's centre, a
    # town where others are), the one whose place is known comes first.
    exact.sort(key=lambda dp: (dp[0], dp[1].placed_by == "region_centre", dp[1].service.id))
    return exact[:n]


def near(
    directory: Directory,
    point: tuple[float, float],
    types: Sequence[str] = (),
    serves: str | None = None,
    limit: int = 10,
    radius_km: float | None = None,
    region: str | None = None,
    include_unverified: bool = False,
    gazetteer: Gazetteer | None = None,
) -> NearResult:
    """Services nearest to ``point``: those in ``region`` (the client's) first, each group by distance.

    When the region has none of the asked kind, the nearest elsewhere are given and
    ``none_in_region`` says so. ``national`` always carries the national lines.
    """
    wanted_types = set(types)
    wanted = [
        p
        for p in placements(directory, gazetteer)
        if (p.shown or include_unverified)
        and (not wanted_types or p.service.type in wanted_types)
        and (serves is None or serves in p.service.serves or "everyone" in p.service.serves)  # as search()
    ]
    inside = [p for p in wanted if region is not None and p.service.region == region]
    outside = [p for p in wanted if region is None or p.service.region != region]
    # A service known only by its region is somewhere in it: in the client's region it comes after
    # those whose distance is known, whatever --radius says (its own distance is not known);
    # elsewhere its region centre's distance orders it, but cannot put it within a radius.
    known = [p for p in inside if p.placed_by != "region_centre"]
    somewhere = sorted((p for p in inside if p.placed_by == "region_centre"),
                       key=lambda p: p.service.id)
    items = [NearItem(p.service, d, p.placed_by, True) for d, p in _nearest(point, known, limit, radius_km)]
    items += [NearItem(p.service, _distance_to(point, p), p.placed_by, True)
              for p in somewhere[: limit - len(items)]]
    rest = limit - len(items)
    if rest > 0:
        if radius_km is not None:
            outside = [p for p in outside if p.placed_by != "region_centre"]
        items += [
            NearItem(p.service, d, p.placed_by, False)
            for d, p in _nearest(point, outside, rest, radius_km)
        ]
    none_in_region = region is not None and not inside
    return NearResult(tuple(items), region, none_in_region, tuple(hotlines(directory)))
