"""near(): distances, the client's region first, placement by location, city or region centre."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kzsupport import store
from kzsupport.geo import near, place_service
from kzsupport.models import Directory, Location, Service
from kzsupport.places import haversine_km
from kzsupport.places import load as load_gazetteer
from tests.conftest import Invoke

MINI = Path(__file__).parent / "fixtures" / "mini_directory.json"
SEMEY = (50.42064, 80.25025)


def mini() -> Directory:
    return store.load(str(MINI))


def _template() -> dict[str, Any]:
    raw = json.loads(MINI.read_text(encoding="utf-8"))["services"]
    record: dict[str, Any] = next(s for s in raw.values() if s["id"] == "test-semey-centre")
    return record


def with_services(services: list[Service]) -> Directory:
    d = mini()
    return Directory(tuple(services), d.regions, d.meta, d.path)


def test_haversine_almaty_astana_is_about_973_km() -> None:
    assert abs(haversine_km(43.25249, 76.9115, 51.1801, 71.44598) - 973) < 3


def test_service_without_coordinates_is_placed_by_its_city() -> None:
    semey = mini().by_id("test-semey-centre")
    assert semey is not None
    placed = place_service(semey, load_gazetteer())
    assert placed is not None and placed.placed_by == "city"
    assert haversine_km(placed.lat, placed.lon, *SEMEY) < 1


def test_service_without_city_is_placed_by_region_centre() -> None:
    svc = mini().by_id("test-unverified")
    assert svc is not None
    placed = place_service(svc, load_gazetteer())
    assert placed is not None and placed.placed_by == "region_centre"


def test_national_services_are_never_near_but_always_listed() -> None:
    result = near(mini(), SEMEY, region="abai")
    assert all(not i.service.is_national for i in result.items)
    assert [s.id for s in result.national] == ["test-112", "test-150"]


def test_clients_region_comes_first() -> None:
    result = near(mini(), SEMEY, region="abai")
    assert result.items[0].service.id == "test-semey-centre"
    assert result.items[0].in_region and result.items[0].placed_by == "city"
    assert not result.none_in_region


def test_region_without_the_type_says_so_and_gives_the_nearest_elsewhere() -> None:
    result = near(mini(), SEMEY, types=["ngo"], region="abai")
    assert result.none_in_region
    assert [i.service.id for i in result.items] == ["test-markup"]
    assert not result.items[0].in_region


def test_radius_keeps_only_services_within_it() -> None:
    result = near(mini(), SEMEY, radius_km=50, region="abai")
    assert [i.service.id for i in result.items] == ["test-semey-centre"]


def test_unverified_records_are_hidden_unless_asked() -> None:
    assert "test-unverified" not in {i.service.id for i in near(mini(), SEMEY).items}
    shown = near(mini(), SEMEY, include_unverified=True).items
    assert "test-unverified" in {i.service.id for i in shown}


POINTS = st.tuples(st.floats(41.0, 55.0), st.floats(47.0, 87.0))
REGIONS = st.sampled_from(["abai", "almaty", "astana", "shymkent", "karaganda", "jetisu"])


@given(st.lists(st.tuples(POINTS, REGIONS), min_size=1, max_size=40), POINTS, REGIONS)
@settings(max_examples=60, deadline=None)
def test_near_results_are_sorted_by_distance_within_each_group(
    spots: list[tuple[tuple[float, float], str]], origin: tuple[float, float], region: str
) -> None:
    base = Service.from_dict(_template())
    services = [
        base._replace(id=f"s{i}", region=r, location=Location(lat, lon))
        for i, ((lat, lon), r) in enumerate(spots)
    ]
    result = near(with_services(services), origin, limit=50, region=region)
    keys = [(not i.in_region, i.distance_km) for i in result.items]
    assert keys == sorted(keys)
    assert len(result.items) == len(services)


def test_a_confidential_address_gives_away_neither_its_coordinates_nor_an_exact_distance(
    invoke: Invoke, tmp_path: Path
) -> None:
    from kzsupport import store_write
    from tests.dbkit import record, tables

    secret = {"text": {"kk": "Құпия", "ru": "Секрет", "en": "Secret"}, "confidential": True, "note": None}
    shelter = record("kz-shelter", type="shelter", address=secret, location={"lat": 43.2612, "lon": 76.9487})
    data = tmp_path / "d.json"
    data.write_text(store_write.dumps(tables(shelter)), encoding="utf-8")
    service = store.load(data).services[0]
    placed = place_service(service, load_gazetteer())
    assert placed is not None and placed.placed_by == "city"  # Almaty's centre, not the shelter
    assert service.to_dict(public=True)["location"] is None
    outputs = [
        invoke("near", "43.26,76.95", "--format", fmt, data=data).stdout for fmt in ("json", "csv", "table")
    ]
    for command in (["show", "kz-shelter"], ["find"]):
        outputs.append(invoke(*command, "--format", "json", data=data).stdout)
    assert all("kz-shelter" in out for out in outputs)
    assert not any("43.2612" in out or "76.9487" in out or "own coordinates" in out for out in outputs)
    assert "0 km" not in outputs[2]


def _in_abai(sid: str, city: str | None) -> Service:
    raw = {**_template(), "id": sid, "region": "abai",
           "city": None if city is None else {"kk": city, "ru": city, "en": city}}
    return Service.from_dict(raw)


def test_a_service_known_only_by_its_region_comes_after_those_whose_distance_is_known() -> None:
    """From Semey, the region centre, a service placed there by its region alone measured 0 km and
    came first; with a radius it passed or failed on a distance no one shows."""
    d = with_services([_in_abai("test-somewhere", None), _in_abai("test-in-ayagoz", "Ayagoz")])
    result = near(d, SEMEY, region="abai")
    assert [(i.service.id, i.placed_by) for i in result.items] == [
        ("test-in-ayagoz", "city"), ("test-somewhere", "region_centre")]
    within = near(d, SEMEY, region="abai", radius_km=10)
    assert [i.service.id for i in within.items] == ["test-somewhere"]  # Ayagoz is 300 km away


def test_under_a_radius_a_service_elsewhere_known_only_by_its_region_is_left_out() -> None:
    d = with_services([_in_abai("test-somewhere", None)])
    assert near(d, SEMEY, region="east-kazakhstan", radius_km=400).items == ()
    assert [i.service.id for i in near(d, SEMEY, region="east-kazakhstan").items] == ["test-somewhere"]


def test_elsewhere_a_service_in_the_region_centre_town_comes_before_one_known_only_by_the_region() -> None:
    """From Shymkent, a Korday district centre (known only as "in Zhambyl Region", so measured to
    Taraz) came before the centre in Taraz itself, at the same distance, by the order of their ids."""
    d = with_services([_in_abai("test-a-somewhere", None), _in_abai("test-b-in-semey", "Semey")])
    result = near(d, (43.25, 76.95), region="almaty")
    assert [(i.service.id, i.placed_by) for i in result.items] == [
        ("test-b-in-semey", "city"), ("test-a-somewhere", "region_centre")]
