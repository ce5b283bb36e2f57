"""Data-contract tests on the real bundled data (data/*.json, installed as kzsupport.data).

A wrong phone number in a crisis directory can cost a life: these tests hold the curated JSON to the
schema, the record model, the denylist and the provenance rules.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import as_file, files
from typing import Any

import pytest

from kzsupport.models import LANGS, Service

NATIONAL_LINES = {"112": 1, "102": 2, "111": 3, "150": 4, "103": 5, "1414": 6, "119": 7}


@cache
def _load(name: str) -> Any:
    return json.loads(files("kzsupport.data").joinpath(name).read_text(encoding="utf-8"))


def _records() -> list[dict[str, Any]]:
    services: dict[str, dict[str, Any]] = _load("directory.json")["services"]
    return list(services.values())


def _ids() -> list[str]:
    return [r["id"] for r in _records()]


def _digits(number: str) -> str:
    """Digits only, with the national trunk prefix 8 turned into the country code 7."""
    digits = re.sub(r"\D", "", number)
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    return digits


def _phone_like(text: str) -> list[str]:
    """The digits of every phone-like run in a text (digits with spaces, dashes, dots, brackets,
    slashes, in any typography: en dash, non-breaking hyphen, minus sign, no-break spaces ...)."""
    gaps = r"\s().\-/\u00ad\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff"
    return [_digits(m) for m in re.findall(rf"\+?\d[\d{gaps}]{{7,}}\d", text)]


def _texts(value: Any) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


RECORDS = _records()


def test_directory_is_in_tinydb_layout() -> None:
    doc = _load("directory.json")
    assert set(doc) == {"meta", "services"}
    assert list(doc["meta"]) == ["1"]
    assert doc["services"]
    assert all(key.isdigit() for key in doc["services"])


def test_tinydb_opens_the_directory_as_is() -> None:
    """Anyone can query the file with TinyDB itself (a dev dependency; kzsupport does not need it)."""
    from tinydb import Query, TinyDB

    with as_file(files("kzsupport.data") / "directory.json") as path, TinyDB(path, access_mode="r") as db:
        assert len(db.table("services")) == len(RECORDS)
        assert db.table("services").search(Query().id == "kz-national-112")


def test_directory_file_is_canonical_json() -> None:
    """Sorted keys, indent 2, real UTF-8 and a final newline, so a data change reads well in a diff."""
    text = files("kzsupport.data").joinpath("directory.json").read_text(encoding="utf-8")
    canonical = json.dumps(_load("directory.json"), indent=2, sort_keys=True, ensure_ascii=False)
    assert text == canonical + "\n"


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record_validates_against_schema(record: dict[str, Any]) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(_load("service.schema.json"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(record)]
    assert errors == []


def test_schemas_are_valid_draft_2020_12() -> None:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(_load("service.schema.json"))
    Draft202012Validator.check_schema(_load("meta.schema.json"))


def test_schema_rejects_a_record_with_an_unknown_field() -> None:
    from jsonschema import Draft202012Validator

    record = {**RECORDS[0], "unexpected": 1}
    assert not Draft202012Validator(_load("service.schema.json")).is_valid(record)


def test_schema_rejects_a_local_number_without_country_code() -> None:
    from jsonschema import Draft202012Validator

    record = json.loads(json.dumps(RECORDS[0]))
    record["phones"] = [{"number": "21-12-03", "kind": "voice", "display": "21-12-03", "note": None}]
    assert not Draft202012Validator(_load("service.schema.json")).is_valid(record)


def test_meta_validates_and_counts_match_the_records() -> None:
    from jsonschema import validate

    meta = _load("directory.json")["meta"]["1"]
    validate(meta, _load("meta.schema.json"))
    counts = meta["counts"]
    assert counts["services"] == len(RECORDS)
    for status, n in counts["by_verification"].items():
        assert n == sum(r["verification"]["status"] == status for r in RECORDS)
    assert counts["national"] == sum(r["scope"] == "national" for r in RECORDS)
    assert counts["with_contact"] == sum(bool(r["phones"]) for r in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record_round_trips_through_the_model(record: dict[str, Any]) -> None:
    service = Service.from_dict(record)
    assert service.to_dict() == record
    assert not service.extra


def test_ids_are_unique() -> None:
    ids = _ids()
    assert len(ids) == len(set(ids))


def test_every_record_has_a_source_with_an_access_date() -> None:
    for record in RECORDS:
        assert record["sources"], record["id"]
        for source in record["sources"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["accessed"]), record["id"]
            assert source["url"] or source["document"], record["id"]
            assert source["date"] or source["date_note"], record["id"]


def test_regions_file_has_the_twenty_units() -> None:
    units = _load("regions.json")["units"]
    assert len(units) == 20
    assert {u["kind"] for u in units} == {"region", "city"}


def test_every_region_id_is_known() -> None:
    known = {u["id"] for u in _load("regions.json")["units"]}
    for record in RECORDS:
        assert record["region"] is None or record["region"] in known, record["id"]


def test_denylist_digits_are_normalised() -> None:
    for entry in _load("denylist.json")["numbers"]:
        assert re.fullmatch(r"7\d{10}", entry["digits"]), entry
        assert entry["as_labelled"] and entry["reason"] and entry["source"]


def test_no_phone_is_on_the_denylist() -> None:
    denied = {entry["digits"] for entry in _load("denylist.json")["numbers"]}
    national_parts = {d[-10:] for d in denied}
    for record in RECORDS:
        for phone in record["phones"]:
            digits = _digits(phone["number"])
            assert digits not in denied, (record["id"], phone["number"])
            assert not any(part in digits for part in national_parts), (record["id"], phone)


def test_no_denylisted_number_or_address_appears_in_any_text() -> None:
    deny = _load("denylist.json")
    national_parts = {entry["digits"][-10:] for entry in deny["numbers"]}
    addresses = [entry["text"].casefold() for entry in deny["addresses"]]
    for record in RECORDS:
        for text in _texts(record):
            for digits in _phone_like(text):
                assert not any(part in digits for part in national_parts), (record["id"], text)
            assert not any(address in text.casefold() for address in addresses), record["id"]


def test_the_denylist_test_catches_a_blocked_number() -> None:
    denied = {entry["digits"] for entry in _load("denylist.json")["numbers"]}
    assert _digits("+7 727 250 50 50") in denied
    assert _digits("8-727-273-77-77") in denied
    for written in ("8 727 250\u201350\u201350", "8\u2011727\u2011250\u201150\u201150", "8/727/2505050"):
        [digits] = _phone_like("Также: " + written)
        assert digits in denied, written


@pytest.mark.parametrize("field", ["name", "description"])
def test_name_and_description_exist_in_three_languages(field: str) -> None:
    for record in RECORDS:
        for lang in LANGS:
            value = record[field][lang]
            assert isinstance(value, str) and value.strip(), (record["id"], field, lang)


def test_no_word_mixes_latin_and_cyrillic_letters() -> None:
    """A Latin "i" inside a Kazakh word (a common typing slip) breaks search and transliteration."""
    for record in RECORDS:
        for text in _texts(record):
            for word in re.findall(r"\w+", text):
                cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
                latin = any("a" <= c <= "z" for c in word.lower())
                assert not (cyrillic and latin), (record["id"], word)


def test_confidential_address_text_appears_nowhere_else() -> None:
    for record in RECORDS:
        address = record["address"]
        if not address or not address["confidential"]:
            continue
        hidden = [t for t in _texts(address["text"]) if t.strip()]
        rest = {k: v for k, v in record.items() if k != "address"}
        for text in _texts(rest):
            assert not any(h.casefold() in text.casefold() for h in hidden), record["id"]


def test_bundled_confidential_addresses_store_no_text() -> None:
    """Shelter addresses are kept secret by policy: the bundled data never holds one, even when a
    news story or registry reveals it (the schema allows other data files to store one privately)."""
    for record in RECORDS:
        address = record["address"]
        if address and address["confidential"]:
            assert address["text"] is None, record["id"]
            assert address["note"]["en"], record["id"]


def test_confidential_address_is_never_public() -> None:
    for record in RECORDS:
        service = Service.from_dict(record)
        if service.address is not None and service.address.confidential:
            assert service.to_dict(public=True)["address"] is None


def _national(number: str) -> list[dict[str, Any]]:
    return [
        r
        for r in RECORDS
        if r["scope"] == "national" and any(p["number"] == number for p in r["phones"])
    ]


@pytest.mark.parametrize("number", ["112", "102", "111", "150"])
def test_national_line_exists_with_its_number(number: str) -> None:
    found = _national(number)
    assert len(found) == 1
    record = found[0]
    assert record["status"] == "active"
    assert record["verification"]["status"] != "unverified"
    assert any(p["kind"] == "short_number" for p in record["phones"] if p["number"] == number)


def test_150_has_its_whatsapp_number() -> None:
    (record,) = _national("150")
    whatsapp = [p["number"] for p in record["phones"] if p["kind"] == "whatsapp"]
    assert whatsapp == ["+77081060810"]


def test_national_order_is_as_documented() -> None:
    ordered = {r["national_order"]: r for r in RECORDS if r["national_order"] is not None}
    assert sorted(ordered) == list(range(1, len(NATIONAL_LINES) + 1))
    for number, position in NATIONAL_LINES.items():
        assert any(p["number"] == number for p in ordered[position]["phones"]), number


def test_1414_is_marked_as_not_a_crisis_line() -> None:
    (record,) = _national("1414")
    assert record["type"] == "government_info"
    assert any("not a crisis line" in c["en"] for c in record["caveats"])


def test_unverified_records_say_why() -> None:
    for record in RECORDS:
        verification = record["verification"]
        if verification["status"] == "unverified":
            assert verification["note"], record["id"]


def test_every_verification_note_is_in_all_three_languages() -> None:
    """A caseworker reading show in Kazakh or Russian reads how a record was checked in that language."""
    for record in RECORDS:
        note = record["verification"]["note"]
        assert isinstance(note, dict), record["id"]
        assert all(note[lang] and note[lang].strip() for lang in LANGS), record["id"]


def test_no_record_says_in_its_own_words_that_it_has_no_number() -> None:
    """kzsupport says it for every record without a number ("No verified contact: call 111, 150 or
    102"); a caveat saying so stays when a maintainer adds a number, and then is false."""
    for record in RECORDS:
        for caveat in record["caveats"]:
            assert "contact details" not in caveat["en"], record["id"]


PHONES = [(r["id"], p) for r in RECORDS for p in r.get("phones") or []
          if re.match(r"\+?\d", p["number"])]  # numbers, not messenger handles or links


@pytest.mark.parametrize(("sid", "phone"), PHONES, ids=[f"{sid}:{p['number']}" for sid, p in PHONES])
def test_every_phone_display_dials_its_number(sid: str, phone: dict[str, Any]) -> None:
    assert _digits(phone["display"]) == _digits(phone["number"])


# A +7 mobile (+7 7xx ...) as the grouped numbers show it: "+7 708 106 08 10", "+7 (708) 432-45-61".
_GROUPED_MOBILE = re.compile(r"\+7 \(?7\d\d\)? \d{3}[ -]\d\d[ -]\d\d")


@pytest.mark.parametrize(
    ("sid", "phone"),
    [(s, p) for s, p in PHONES if re.fullmatch(r"\+77\d{9}", p["number"]) and not
     re.match(r"\+77[1-2]", p["number"])],  # mobile codes start 7 7[0, 4-9]; 71x, 72x are cities
)
def test_every_plus_7_mobile_is_displayed_grouped(sid: str, phone: dict[str, Any]) -> None:
    assert _GROUPED_MOBILE.fullmatch(phone["display"]), (sid, phone["display"])


def test_english_names_and_descriptions_quote_a_name_one_way() -> None:
    """"Shans" in a name, not 'Shans' beside "Zhenskiy Luch" in its description."""
    single = re.compile(r"(^|[\s(/])'.+?'(?=[\s),.:;/]|$)")
    for record in RECORDS:
        for field in ("name", "description"):
            assert not single.search(record[field]["en"] or ""), (record["id"], field)


def test_a_source_title_is_the_published_title_and_what_the_source_is_has_three_languages() -> None:
    """A researcher's note on a source is kept in about (kk/ru/en), not in brackets in its title."""
    for record in RECORDS:
        for source in record["sources"]:
            if (source["document"] or "").startswith("kzsupport shared research"):
                continue
            title, about = source["title"], source["about"]
            assert title is None or not re.search(r"\([^()]*\)$", title), (record["id"], title)
            assert about is None or all(about[lang] for lang in LANGS), (record["id"], about)
            # shown in brackets after the title: brackets of its own would nest
            assert about is None or not any("(" in about[lang] for lang in LANGS), (record["id"], about)


def test_a_publisher_is_a_name_and_what_the_source_relays_is_said_in_about() -> None:
    """"Informburo.kz (citing Kazinform)" read as English to every reader: the note is in about."""
    notes = ("citing", "(kazakh", "mirror", "reprint", "copied", "own site", "own website", "archived")
    for record in RECORDS:
        for source in record["sources"]:
            if (source["document"] or "").startswith("kzsupport shared research"):
                continue
            publisher = source["publisher"].lower()
            assert not [n for n in notes if n in publisher], (record["id"], source["publisher"])
