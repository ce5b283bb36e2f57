"""kzsupport.hsds: the HSDS 3.0 package is valid against our subset and keeps secrets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from kzsupport.hsds import TABLES, build_package, validate_package, write_package
from kzsupport.models import Service
from tests.dbkit import REGIONS, record

SECRET = {
    "text": {"kk": "Құпия 1", "ru": "Секрет 1", "en": "Secret 1"},
    "confidential": True,
    "note": None,
}
PUBLIC = {
    "text": {"kk": "Абай 1", "ru": "Абая 1", "en": "1 Abai"},
    "confidential": False,
    "note": None,
}


def services() -> list[Service]:
    national = record(
        "kz-150",
        type="hotline",
        scope="national",
        region=None,
        city=None,
        location=None,
        phones=[
            {"number": "150", "kind": "short_number", "display": "150", "note": None},
            {
                "number": "+77081060810",
                "kind": "whatsapp",
                "display": "+7 708 106 08 10",
                "note": {"kk": "WA", "ru": "WA", "en": "Messages"},
            },
        ],
    )
    return [
        Service.from_dict(national),
        Service.from_dict(record("kz-shelter", type="shelter", address=SECRET)),
        Service.from_dict(
            record(
                "kz-public",
                address=PUBLIC,
                phones=[],
                operator={"kk": "ҚБ", "ru": "ОО", "en": "NGO"},
                required_documents=[{"kk": "Куәлік", "ru": "Удостоверение", "en": "ID card"}],
            )
        ),
    ]


def test_package_is_valid() -> None:
    tables = build_package(services(), REGIONS, "en", on=date(2026, 1, 1))
    assert validate_package(tables) == []
    assert len(tables["services"]) == 3
    assert {p["type"] for p in tables["phones"]} == {"voice", "text"}


def test_confidential_address_is_not_in_the_package() -> None:
    tables = build_package(services(), REGIONS, "ru", on=date(2026, 1, 1))
    dumped = json.dumps(tables, ensure_ascii=False)
    assert "Секрет" not in dumped and "Secret" not in dumped
    shelter = next(s for s in tables["services"] if s["name"].endswith("kz-shelter"))
    linked = [x for x in tables["service_at_locations"] if x["service_id"] == shelter["id"]]
    assert linked == []


def test_public_address_and_24_7_schedule() -> None:
    tables = build_package(services(), REGIONS, "en", on=date(2026, 1, 1))
    [address] = tables["addresses"]
    assert address["address_1"] == "1 Abai" and address["country"] == "KZ"
    schedule = tables["schedules"][0]
    assert (schedule["opens_at"], schedule["closes_at"], schedule["byday"]) == (
        "00:00",
        "23:59",
        "MO,TU,WE,TH,FR,SA,SU",
    )
    assert schedule["timezone"] == 5


def test_ids_are_stable_between_exports() -> None:
    one = build_package(services(), REGIONS, "kk", on=date(2026, 1, 1))
    two = build_package(services(), REGIONS, "kk", on=date(2026, 1, 1))
    assert one == two


def test_the_package_states_its_language() -> None:
    tables = build_package(services(), REGIONS, "kk-latn", on=date(2026, 1, 1))
    assert {m["language"] for m in tables["meta_table_descriptions"]} == {"kk-Latn"}


def test_validation_catches_a_broken_foreign_key_and_a_bad_enum() -> None:
    tables = build_package(services(), REGIONS, "en", on=date(2026, 1, 1))
    tables["phones"][0]["service_id"] = "00000000-0000-0000-0000-000000000000"
    tables["services"][0]["status"] = "open"
    problems = validate_package(tables)
    assert any("phones[0]: service_id" in p for p in problems)
    assert any(p.startswith("services[0]:") and "open" in p for p in problems)


def test_write_package_writes_every_table_and_an_index(tmp_path: Path) -> None:
    tables = build_package(services(), REGIONS, "en", on=date(2026, 1, 1))
    written = write_package(tables, tmp_path / "hsds")
    assert sorted(p.name for p in written) == sorted([*(t + ".json" for t in TABLES), "datapackage.json"])
    index = json.loads((tmp_path / "hsds" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in index["resources"]] == [t + ".json" for t in TABLES]


def test_unverified_records_are_left_out_and_only_checks_assure() -> None:
    unverified = {"status": "unverified", "date": None, "method": None, "by": None, "note": "not called"}
    verified = {"status": "verified", "date": "2026-02-01", "method": "call", "by": "t", "note": None}
    extra = [
        Service.from_dict(record("kz-hidden", phones=[], verification=unverified)),
        Service.from_dict(record("kz-checked", phones=[], verification=verified)),
    ]
    tables = build_package([*services(), *extra], REGIONS, "en", on=date(2026, 1, 1))
    names = {s["name"]: s for s in tables["services"]}
    assert "Crisis centre kz-hidden" not in names
    assert names["Crisis centre kz-checked"]["assured_date"] == "2026-02-01"
    assert all("assured_date" not in s for n, s in names.items() if n != "Crisis centre kz-checked")
