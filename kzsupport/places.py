"""The gazetteer: find a place and its region (2022 borders) from whatever the caseworker typed.

``resolve(text)`` reads a place name in any script, spelling or former name, a region name or
abbreviation (``ВКО``), or coordinates (``50.41,80.25``, ``50°24′N 80°13′E``), and returns a
``Resolution``: status ``exact``, ``fuzzy`` (with its score), ``ambiguous`` (the same name in several
regions: never resolved silently) or ``none`` (with "did you mean" suggestions).

Data: ``data/gazetteer.json`` and ``data/outline.json`` built by ``scripts/build_gazetteer.py``
(GeoNames, CC BY 4.0; the 20 units from the regions file; a curated district list; Natural Earth's
outline of Kazakhstan, read only for coordinates), and ``data/place_index.json``, every name under
its folded key (``scripts/build_place_index.py``).
Coordinates get the region of the nearest known place (no shippable region boundaries were found):
when a place of another region is nearly as close the answer is ``ambiguous``, not a guess.
"""

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from kzsupport.errors import BadInput
from kzsupport.i18n import N_
from kzsupport.models import Localized, Region, without_gc
from kzsupport.placekey import analyse
from kzsupport.resources import read_json

STATUSES: tuple[str, ...] = ("exact", "fuzzy", "ambiguous", "none")
PLACE_KINDS: tuple[str, ...] = ("region", "city", "settlement", "district", "point")
MAX_QUERY = 200  # characters looked at; longer text is cut (a place name is never this long)
EARTH_RADIUS_KM = 6371.0088

# Fuzzy matching on folded keys (rapidfuzz fuzz.ratio, 0-100). Short keys need a closer match: one
# wrong letter in five is 80, which would let "Aral" become "Arys".
FUZZY_MIN_KEY = 4
FUZZY_CUTOFF = 85.0
# Keys shorter than 7 letters: a letter left out of or added to a key of 4 or 5 scores 88.9 and is
# taken ("Семй" is Semey), one wrong letter in five scores 80 and is not.
FUZZY_CUTOFF_SHORT = 88.0
FUZZY_TIE = 3.0  # hits this close to the best one are as good: if their regions differ, ask
SUGGEST_CUTOFF = 65.0
SUGGEST_SPREAD = 10.0  # suggestions this far below the best one are noise ("Embi" for "Семй")
# Coordinates: a place of another region within this factor of the nearest place's distance makes
# the region uncertain, and the answer lists both (measured in benchmarks/bench_places.py).
NEAREST_MARGIN = 1.3
# A point outside the simplified outline but this close to a known place still counts as Kazakhstan.
BORDER_SLACK_KM = 5.0
# Preference among candidates of one region when the query says nothing about the kind.
_KIND_ORDER = {"city": 0, "settlement": 1, "district": 2, "region": 3, "point": 4}
# A place in data/gazetteer.json is a row of these, in this order: arrays rather than objects, as
# the file is read at every start of place and near (with the outline moved to a file of its own,
# it parses in half the time).
PLACE_COLUMNS: tuple[str, ...] = (
    "id", "kind", "kk", "ru", "en", "region", "lat", "lon", "population", "centre", "alt", "former"
)  # fmt: skip


# Records here are NamedTuples, as in models.py: cheap to define at each start of place and near.


class RegionInfo(NamedTuple):
    """A first-level unit as the gazetteer knows it (17 regions, 3 cities of republican status)."""

    id: str
    kind: str
    iso: str
    names: Localized
    name_latn: str
    centre_id: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "iso": self.iso,
            "names": {**self.names.to_dict(), "kk_latn": self.name_latn},
        }


class Place(NamedTuple):
    id: str
    kind: str
    names: Localized
    region: str
    lat: float | None
    lon: float | None
    population: int = 0
    centre: str | None = None  # a district's centre settlement, when known

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``, for a place that ``has_point``."""
        if self.lat is None or self.lon is None:
            raise ValueError(f"{self.id} has no coordinates")
        return self.lat, self.lon


class Candidate(NamedTuple):
    """One answer: a place, its region, the name that matched it and how."""

    place: Place
    region: RegionInfo
    matched: str
    via: str  # name | alias | former | coordinates
    score: float = 100.0
    distance_km: float | None = None  # coordinates: distance to the nearest known place
    nearest: Place | None = None  # coordinates: that place

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "id": p.id,
            "kind": p.kind,
            "names": p.names.to_dict(),
            "region": self.region.to_dict(),
            "lat": p.lat,
            "lon": p.lon,
            "matched": self.matched,
            "via": self.via,
            "score": round(self.score, 1),
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
            "nearest": None
            if self.nearest is None
            else {"id": self.nearest.id, "names": self.nearest.names.to_dict()},
        }


class Resolution(NamedTuple):
    query: str
    status: str
    candidates: tuple[Candidate, ...] = ()
    suggestions: tuple[Place, ...] = ()  # "did you mean": places, closest first
    point: tuple[float, float] | None = None  # the typed coordinates, if any
    basis: str = "name"  # name | nearest_place
    within: str | None = None  # the region asked for
    elsewhere: tuple[Candidate, ...] = ()  # exact matches outside that region (status none)

    @property
    def resolved(self) -> bool:
        return self.status in ("exact", "fuzzy")

    @property
    def best(self) -> Candidate | None:
        """The answer when there is exactly one; ``None`` for ambiguous and none."""
        return self.candidates[0] if self.resolved and self.candidates else None

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.region.id for c in self.candidates))

    @property
    def score(self) -> float | None:
        return self.candidates[0].score if self.candidates else None

    def to_dict(self) -> dict[str, Any]:
        best = self.best
        return {
            "query": self.query,
            "status": self.status,
            "basis": self.basis,
            "point": None if self.point is None else {"lat": self.point[0], "lon": self.point[1]},
            "place": None if best is None else best.to_dict(),
            "region": None if best is None else best.region.id,
            "iso": None if best is None else best.region.iso,
            "score": None if self.score is None else round(self.score, 1),
            "candidates": [c.to_dict() for c in self.candidates],
            "within": self.within,
            "elsewhere": [c.to_dict() for c in self.elsewhere],
            "suggestions": [
                {"id": p.id, "names": p.names.to_dict(), "region": p.region} for p in self.suggestions
            ],
        }


class _Entry(NamedTuple):
    place: Place
    name: str
    via: str
    qualified: bool  # the indexed name itself carried a generic word ("Almaty oblysy")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius); within 0.3% of the geodesic in Kazakhstan."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# Coordinates -------------------------------------------------------------------------------------

_NUM = r"[+-]?\d{1,3}(?:\.\d+)?"
_NUM_COMMA = r"[+-]?\d{1,3}(?:[.,]\d+)?"
_DECIMAL = (
    rf"^\s*({_NUM})\s*[,;\s]\s*({_NUM})\s*$",
    rf"^\s*({_NUM_COMMA})\s*(?:;|\s)\s*({_NUM_COMMA})\s*$",  # 50,41 80,25 / 50,41;80,25
    r"^\s*([+-]?\d{1,3},\d+)\s*,\s+([+-]?\d{1,3},\d+)\s*$",  # 50,41, 80,25
)
_DMS_PART = (
    r"(\d{1,3}(?:[.,]\d+)?)\s*°?\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*['′’]\s*)?"
    r"(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:\"|″|''|′′)\s*)?([NSEWСЮВЗ])\.?(?:\s*[шд]\.?)?"
)
_DMS = rf"^\s*{_DMS_PART}\s*[,;]?\s*{_DMS_PART}\s*$"
_HEMI_PART = r"([NSEWСЮВЗ])\s*(\d{1,3}(?:[.,]\d+)?)\s*°?"
_HEMI_FIRST = rf"^\s*{_HEMI_PART}\s*[,;]?\s*{_HEMI_PART}\s*$"  # N50.41 E80.25, as GPS apps write it
_LOOKS_NUMERIC = r"^[\s\d.,;:+\-°′″'\"NSEWnsewСЮВЗсювзшд]+$"


def _dms(deg: str, mins: str | None, secs: str | None, hemi: str) -> tuple[str, float]:
    value = float(deg.replace(",", "."))
    value += float((mins or "0").replace(",", ".")) / 60
    value += float((secs or "0").replace(",", ".")) / 3600
    h = hemi.upper()
    axis = "lat" if h in "NSСЮ" else "lon"
    return axis, -value if h in "SWЮЗ" else value


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """``(lat, lon)`` from ``50.41,80.25``, ``50.41 80.25``, ``50,41;80,25``, ``50,41, 80,25``,
    ``50°24′N 80°13′E``, ``43.25N 76.95E`` or ``N43.25 E76.95``.

    ``None`` when the text is not coordinates at all; ``BadInput`` when it is, but out of range.
    """
    if not any(ch.isdigit() for ch in text) or not re.match(_LOOKS_NUMERIC, text):
        return None
    # Compiled here, not at import: a place name never gets this far, and the DMS pattern alone
    # takes over a millisecond to compile (re caches them after the first use).
    for pattern in _DECIMAL:
        m = re.match(pattern, text)
        if m:
            lat, lon = (float(g.replace(",", ".")) for g in m.groups())
            break
    else:
        if m := re.match(_DMS, text, re.IGNORECASE):
            first, second = _dms(*m.groups()[:4]), _dms(*m.groups()[4:])
        elif m := re.match(_HEMI_FIRST, text, re.IGNORECASE):
            (h1, d1), (h2, d2) = m.groups()[:2], m.groups()[2:]
            first, second = _dms(d1, None, None, h1), _dms(d2, None, None, h2)
        else:
            return None
        if first[0] == second[0]:
            return None
        lat, lon = (first[1], second[1]) if first[0] == "lat" else (second[1], first[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise BadInput(N_("{text} is not a valid latitude,longitude pair."), text=text)
    return lat, lon


_SWAP_FLOOR = 75.0  # fuzz.ratio of one swap in a key of four letters: the shortest fuzzy key


def _with_swaps(key: str, other: str, score: float) -> float:
    """``score``, or for keys one swap of neighbouring letters apart the score of one letter left
    out (one edit in the two keys' letters), whichever is higher."""
    from rapidfuzz.distance import OSA, Levenshtein

    # One edit with swaps allowed, two without: a swap, not a changed letter (Aral is not Arys).
    if OSA.distance(key, other) == 1 and Levenshtein.distance(key, other) == 2:
        return max(score, 100.0 * (1 - 1 / (len(key) + len(other))))
    return score


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _in_ring(ring: Sequence[Sequence[float]], lon: float, lat: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


# The gazetteer ------------------------------------------------------------------------------------


class Gazetteer:
    """The places and regions with an index of every folded name (``_build``). A place is made
    from its row of ``PLACE_COLUMNS`` when first looked up: a name lookup needs the few it finds."""

    def __init__(
        self, regions: Mapping[str, RegionInfo], rows: Mapping[str, Sequence[Any]], meta: Mapping[str, Any]
    ) -> None:
        self.regions = regions
        self.meta = meta
        self.index: Mapping[str, str] = {}  # folded key -> its rows (``grouped_index``)
        self._rows = rows  # place id -> its row
        self._entries: dict[str, list[_Entry]] = {}
        self._by_id: dict[str, Place] = {}  # the places made so far, and each region's own

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], index: Mapping[str, str] | None = None) -> "Gazetteer":
        regions: dict[str, RegionInfo] = {}
        for r in data["regions"]:
            names = r["names"]
            regions[r["id"]] = RegionInfo(
                id=r["id"],
                kind=r["kind"],
                iso=r["iso"],
                names=Localized(kk=names["kk"], ru=names["ru"], en=names["en"]),
                name_latn=names["kk_latn"],
                centre_id=r["centre"],
            )
        gaz = cls(regions=regions, rows={row[0]: row for row in data["places"]}, meta=data["meta"])
        gaz._build(data, index)
        return gaz

    def _build(self, data: Mapping[str, Any], index: Mapping[str, str] | None = None) -> None:
        """Index every name. ``index`` is precomputed by ``grouped_index(index_rows(...))``
        (data/place_index.json), which saves folding some 2,500 names at each start; without it the
        index is computed here. Rows become entries only when their key is looked up."""
        for raw in data["regions"]:
            info = self.regions[raw["id"]]
            if info.kind == "city":  # Astana, Almaty, Shymkent: their names are on the city itself
                continue
            centre = self._place(info.centre_id)
            self._by_id[f"region:{info.id}"] = Place(
                id=f"region:{info.id}",
                kind="region",
                names=info.names,
                region=info.id,
                lat=centre.lat,
                lon=centre.lon,
            )
        self.index = grouped_index(index_rows(data)) if index is None else index

    def _place(self, place_id: str) -> Place:
        found = self._by_id.get(place_id)
        if found is None:
            pid, kind, kk, ru, en, region, lat, lon, population, centre, _alt, _former = self._rows[place_id]
            found = self._by_id[place_id] = Place(
                pid, kind, Localized(kk, ru, en), region, lat, lon, population, centre
            )
        return found

    @cached_property
    def places(self) -> tuple[Place, ...]:
        """Every place of the gazetteer (made on first use)."""
        return tuple(self._place(place_id) for place_id in self._rows)

    def entries(self, key: str) -> list[_Entry]:
        """The names indexed under the folded ``key``, each with its place."""
        found = self._entries.get(key)
        if found is None:
            found = self._entries[key] = []
            rows = self.index.get(key)
            for row in rows.split(";") if rows else ():
                place_id, name, via, qualified = row.split("|")
                found.append(_Entry(self._place(place_id), name, via, qualified == "1"))
        return found

    @cached_property
    def _keys(self) -> list[str]:
        return sorted(self.index)

    @cached_property
    def _located(self) -> tuple[Place, ...]:
        return tuple(p for p in self.places if p.has_point)

    @cached_property
    def _points(self) -> tuple[tuple[float, float, Place], ...]:
        """``(lat, lon, place)`` of every located place."""
        return tuple((*p.point, p) for p in self._located)

    @cached_property
    def outline(self) -> tuple[tuple[tuple[float, float], ...], ...]:
        """Kazakhstan's outline, ``(lon, lat)`` rings, read when coordinates are first typed."""
        return tuple(tuple((x, y) for x, y in ring) for ring in read_json("outline.json")["rings"])

    # Lookups --------------------------------------------------------------------------------------

    def place(self, place_id: str) -> Place | None:
        if place_id in self._rows or place_id in self._by_id:
            return self._place(place_id)
        return None

    def region_place(self, region_id: str) -> Place:
        """The region's centre settlement (for distances from "somewhere in the region")."""
        return self._place(self.regions[region_id].centre_id)

    def measured_from(self, candidate: Candidate) -> Place:
        """Where distances from ``candidate`` are measured: its own place, or its region's centre
        when the gazetteer has no coordinates for it."""
        if candidate.place.has_point:
            return candidate.place
        return self.region_place(candidate.region.id)

    def in_kazakhstan(self, lat: float, lon: float) -> bool:
        """Inside Natural Earth's outline of Kazakhstan (simplified to about 2 km), or so close to a
        known Kazakh place that the simplification must have cut it off (Khorgos on the border)."""
        if sum(_in_ring(ring, lon, lat) for ring in self.outline) % 2 == 1:
            return True
        return any(
            haversine_km(lat, lon, *p.point) <= BORDER_SLACK_KM
            for p in self._located
        )

    def _candidates(
        self, entries: Iterable[_Entry], named: frozenset[str], score: float, typed: str = ""
    ) -> list[Candidate]:
        entries = list(entries)
        # What the query says about the kind decides first; a bare name never matches a name that
        # needs its generic word ("Almaty" is the city, "Almaty oblysy" the region), unless nothing else.
        for kind, allowed in (
            ("region", {"region"}),
            ("district", {"district"}),
            ("settlement", {"city", "settlement"}),
        ):
            if kind in named:
                preferred = [e for e in entries if e.place.kind in allowed]
                entries = preferred or entries
                break
        else:
            bare = [e for e in entries if not e.qualified]
            entries = bare or entries
        # One entry per place: its official name beats an alias or former name, and among its names
        # the one as typed, else one in the script typed (Семей, not Semey, for a Cyrillic query).
        folded = typed.casefold()
        cyrillic = is_cyrillic(typed)

        def rank(e: _Entry) -> tuple[bool, bool, bool]:
            return e.via == "name", e.name.casefold() == folded, is_cyrillic(e.name) == cyrillic

        best: dict[str, _Entry] = {}
        for e in entries:
            old = best.get(e.place.id)
            if old is None or rank(e) > rank(old):
                best[e.place.id] = e
        ranked = sorted(
            best.values(),
            key=lambda e: (_KIND_ORDER[e.place.kind], -e.place.population, e.place.id),
        )

        def matched(e: _Entry) -> str:
            """The name that matched; what was typed, when it is that name in another script (the
            gazetteer keeps a name in the scripts its sources give: Turkistan's former name Ясы
            only in Cyrillic, so "Yasy" is shown as typed)."""
            exact = score == 100.0 and typed and is_cyrillic(e.name) != cyrillic
            return typed if exact else e.name

        return [Candidate(e.place, self.regions[e.place.region], matched(e), e.via, score) for e in ranked]

    def resolve(self, text: str, region: str | None = None) -> Resolution:
        """Find ``text`` (a place, a region or coordinates). ``region`` keeps only that region's answers."""
        query = "".join(ch if ch.isprintable() else " " for ch in text[:MAX_QUERY]).strip()
        if not query:
            raise BadInput(N_("Type a place name or coordinates, for example Семей or 43.25,76.95."))
        if region is not None and region not in self.regions:
            raise BadInput(N_("Unknown region {region}."), region=region)
        point = parse_coordinates(query)
        if point is not None:
            return self._resolve_point(query, point, region)._replace(within=region)
        res = self._resolve_name(query, region)
        if res.status == "none" and region is None and "," in query:
            res = self._resolve_qualified(query) or res
        return res._replace(within=region)

    def _resolve_qualified(self, query: str) -> Resolution | None:
        """``Talgar, Almaty oblysy``: a name, then a region that narrows it down."""
        name, _, rest = query.rpartition(",")
        within = self._resolve_name(rest, None)
        if within.best is None or within.best.place.kind not in ("region", "city"):
            return None
        res = self._resolve_name(name, within.best.region.id)
        return Resolution(query, res.status, res.candidates, res.suggestions) if res.candidates else None

    def _resolve_name(self, query: str, region: str | None) -> Resolution:
        key, named = analyse(query)
        if not key:
            return Resolution(query, "none")
        everywhere = self._candidates(self.entries(key), named, 100.0, query)
        found = [c for c in everywhere if region is None or c.region.id == region]
        status = "exact"
        if everywhere and not found:  # the place exists, in another region: say so, guess nothing
            return Resolution(query, "none", elsewhere=tuple(everywhere))
        if not found:
            found = self._fuzzy(key, named, region, query)
            status = "fuzzy"
        if not found:
            return Resolution(query, "none", suggestions=self.suggest(key, region))
        if len({c.region.id for c in found}) > 1:
            status = "ambiguous"
        return Resolution(query, status, tuple(found))

    def _fuzzy(self, key: str, named: frozenset[str], region: str | None, typed: str) -> list[Candidate]:
        if len(key) < FUZZY_MIN_KEY:
            return []
        from rapidfuzz import fuzz, process  # only when the exact lookup failed

        cutoff = FUZZY_CUTOFF if len(key) >= 7 else FUZZY_CUTOFF_SHORT
        # A swap of two neighbouring letters (Аламты) is one slip, as a letter left out is, but
        # fuzz.ratio counts it as two edits (83 for six letters): rescore those hits, then cut.
        found = process.extract(key, self._keys, scorer=fuzz.ratio, limit=24,
                                score_cutoff=min(cutoff, _SWAP_FLOOR))
        hits = sorted(((k, _with_swaps(key, k, score), i) for k, score, i in found),
                      key=lambda h: -h[1])
        hits = [h for h in hits if h[1] >= cutoff][:12]
        if region is not None:
            hits = [h for h in hits if any(e.place.region == region for e in self.entries(h[0]))]
        if not hits:
            return []
        top = hits[0][1]
        entries = [
            e for k, s, _ in hits if s >= top - FUZZY_TIE for e in self.entries(k)
            if region is None or e.place.region == region
        ]  # fmt: skip
        return self._candidates(entries, named, top, typed)

    def suggest(self, key: str, region: str | None = None, limit: int = 5) -> tuple[Place, ...]:
        """Places with a name that looks like ``key`` (folded), closest first, each place once."""
        if len(key) < 3:
            return ()
        from rapidfuzz import fuzz, process

        out: dict[str, Place] = {}
        hits = process.extract(
            key, self._keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=SUGGEST_CUTOFF
        )
        for k, score, _ in hits:
            if score < hits[0][1] - SUGGEST_SPREAD:
                break
            for e in self.entries(k):
                if region is None or e.place.region == region:
                    out.setdefault(e.place.id, e.place)
        return tuple(out.values())[:limit]

    def nearest_regions(
        self, lat: float, lon: float, region: str | None = None
    ) -> list[tuple[str, float, Place]]:
        """``(region id, km, its nearest known place)`` for the region of the place nearest to the
        point and for every other region with a place nearly as near (``NEAREST_MARGIN``), nearest
        first. ``region``: only that region's places.

        Only places that can be among them are measured exactly (``db validate`` asks this for every
        record): the nearest by a flat-earth estimate bounds the nearest distance, and a place whose
        latitude alone puts it beyond the margin of that bound is passed over."""
        pool = [point for point in self._points if region is None or point[2].region == region]
        kx = math.cos(math.radians(lat))
        guess = min(pool, key=lambda point: (point[0] - lat) ** 2 + ((point[1] - lon) * kx) ** 2)
        bound = haversine_km(lat, lon, guess[0], guess[1])
        band = math.degrees(max(bound * NEAREST_MARGIN, bound + 1.0) / EARTH_RADIUS_KM) + 1e-9
        ranked = sorted(
            (haversine_km(lat, lon, p_lat, p_lon), p.id, p)
            for p_lat, p_lon, p in pool if abs(p_lat - lat) <= band
        )  # fmt: skip
        nearest_by_region: dict[str, tuple[float, Place]] = {}
        for dist, _, p in ranked:
            nearest_by_region.setdefault(p.region, (dist, p))
        d1 = ranked[0][0]
        return [
            (rid, dist, p) for rid, (dist, p) in nearest_by_region.items()
            if dist <= max(d1 * NEAREST_MARGIN, d1 + 1.0)
        ]  # fmt: skip

    def _resolve_point(
        self, query: str, point: tuple[float, float], region: str | None
    ) -> Resolution:
        lat, lon = point
        if not self.in_kazakhstan(lat, lon):
            raise BadInput(
                N_("{lat:.4f}, {lon:.4f} is outside Kazakhstan. Latitude comes first: 43.25,76.95."),
                lat=lat,
                lon=lon,
            )
        close = self.nearest_regions(lat, lon, region)
        candidates = []
        where = f"{lat:.5f}, {lon:.5f}"  # the same in every language: never a missing-language fallback
        for rid, dist, p in close:
            here = Place(
                id="point",
                kind="point",
                names=Localized(kk=where, ru=where, en=where),
                region=rid,
                lat=lat,
                lon=lon,
            )
            name = p.names.en or p.id
            candidates.append(
                Candidate(here, self.regions[rid], name, "coordinates", 100.0, dist, nearest=p)
            )
        status = "exact" if len(candidates) == 1 else "ambiguous"
        return Resolution(query, status, tuple(candidates), point=point, basis="nearest_place")


def _unit_names(raw: Mapping[str, Any]) -> list[str]:
    """Every name of a first-level unit in data/regions.json: official, other spellings and
    abbreviations (ВКО), former names."""
    aliases = [a for names in raw.get("aliases", {}).values() for a in names]
    former = [f["name"] for f in raw.get("former_names", ())]
    return [*raw["names"].values(), *aliases, *former]


def match_region(text: str, units: Iterable[Region]) -> tuple[str | None, tuple[str, ...]]:
    """The unit ``text`` names by any of its names, in any script, folded like place names (``Абай``,
    ``ВКО``, ``Алматинская область``): ``(its id, ())``; else ``(None, ids of units with the same
    name, or with a similar one)``. A bare name means the unit that bears it without a generic word
    ("Алматы" is the city, "Алматы облысы" the region)."""
    key, named = analyse(text)
    if not key:
        return None, ()
    rows = [
        (k, unit.id, unit.kind, bool(kinds)) for unit in units for name in _unit_names(unit.raw)
        for k, kinds in [analyse(name)] if k
    ]  # fmt: skip
    hits = [row for row in rows if row[0] == key]
    if "region" in named:
        hits = [row for row in hits if row[2] == "region"] or hits
    else:
        hits = [row for row in hits if not row[3]] or hits
    ids = tuple(dict.fromkeys(row[1] for row in hits))
    if len(ids) == 1:
        return ids[0], ()
    if ids:
        return None, ids
    from rapidfuzz import fuzz, process  # only for a name that is no region's

    similar = process.extract(
        key, [row[0] for row in rows], scorer=fuzz.ratio, limit=10, score_cutoff=SUGGEST_CUTOFF
    )
    best = similar[0][1] if similar else 0.0
    return None, tuple(dict.fromkeys(rows[i][1] for _, score, i in similar if score >= best - SUGGEST_SPREAD))


def index_rows(data: Mapping[str, Any]) -> list[tuple[str, str, str, str, bool]]:
    """``(key, place id, name, via, qualified)`` for every name of the gazetteer ``data`` (as read
    from data/gazetteer.json)."""
    rows: list[tuple[str, str, str, str, bool]] = []

    def add(place_id: str, kind: str, names: Iterable[str], via: str) -> None:
        # A district's short name ("Balkhash" for Balkhash District) is like a region's: a bare name
        # means the town of that name, unless no town has it ("Karasay").
        short = kind == "district" and via == "alias"
        for name in names:
            key, named = analyse(name)
            if key:
                rows.append((key, place_id, name, via, bool(named) or short))

    for place_id, kind, kk, ru, en, _region, _lat, _lon, _pop, _centre, alt, former in data["places"]:
        add(place_id, kind, [n for n in (en, kk, ru) if n], "name")
        add(place_id, kind, alt, "alias")
        add(place_id, kind, former, "former")
    for raw in data["regions"]:
        if raw["kind"] == "city":
            continue
        add(f"region:{raw['id']}", "region", raw["names"].values(), "name")
        add(f"region:{raw['id']}", "region", raw["aliases"], "alias")
        add(f"region:{raw['id']}", "region", raw["former"], "former")
    return rows


def grouped_index(rows: Iterable[tuple[str, str, str, str, bool]]) -> dict[str, str]:
    """Index rows grouped by folded key, as data/place_index.json keeps them: ``{key: rows}``, rows
    ``place id|name|via|1 or 0`` (qualified) joined by ``;`` (no name holds either). Text rather
    than arrays, and separators JSON need not escape: the file is read at every start of place and
    near, and this parses in half the time (a row is split only when its key is looked up)."""
    grouped: dict[str, list[str]] = {}
    for key, place_id, name, via, qualified in rows:
        grouped.setdefault(key, []).append(f"{place_id}|{name}|{via}|{int(qualified)}")
    return {key: ";".join(found) for key, found in grouped.items()}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The bundled gazetteer with its precomputed name index, read once per process (all of it
    kept, so made with the collector paused)."""
    return without_gc(
        lambda: Gazetteer.from_dict(read_json("gazetteer.json"), read_json("place_index.json")["index"])
    )


def resolve(text: str, region: str | None = None) -> Resolution:
    """Resolve ``text`` against the bundled gazetteer (see ``Gazetteer.resolve``)."""
    return load().resolve(text, region)
