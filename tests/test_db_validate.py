"""kzsupport.validate: each check on small hand-made records."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from kzsupport import resources, validate
from kzsupport.changes import set_path
from kzsupport.errors import KzSupportError
from kzsupport.validate import (
    ERROR,
    WARNING,
    Denylist,
    Report,
    display_form,
    new_errors,
    normalize_number,
    normalize_phone,
    parse_denylist,
    phone_problems,
    validate_records,
)
from tests import dbkit
from tests.dbkit import REGIONS, SCHEMA, record

DENY = parse_denylist(
    {
        "numbers": [
            {"digits": "77272929104", "as_written": "+7 (727) 292-91-04"},
            {"number": "8-727-273-77-77"},
        ],
        "mislabels": [{"number": "+77081060810", "as_labelled": "wrong label"}],
        "addresses": [{"text": "Dostyk Ave 125"}],
    }
)


def check(*records: dict[str, Any]) -> Report:
    return validate_records(list(records), REGIONS, schema=SCHEMA, denylist=DENY)


def checks_of(report: Report, severity: str = ERROR) -> set[str]:
    return {p.check for p in report.problems if p.severity == severity}


def test_a_good_record_passes() -> None:
    report = check(record())
    assert report.ok, [p.message() for p in report.problems]


def test_schema_violation_is_reported_with_its_field() -> None:
    report = check(record(status="open"))
    [problem] = [p for p in report.errors if p.check == "schema"]
    assert problem.field == "status"
    assert "open" in problem.message()


@pytest.mark.parametrize("number", ["150", "111", "1414", "112", "102"])
def test_kazakhstan_short_numbers_are_understood(number: str) -> None:
    assert phone_problems(number, "short_number", number) == []


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("15", "short_number"),
        ("+77272000000", "short_number"),
        ("87272000000", "voice"),
        ("+74951234567", "voice"),
        ("+76112345678", "whatsapp"),
    ],
)
def test_bad_numbers_are_refused(number: str, kind: str) -> None:
    assert phone_problems(number, kind, None)


def test_a_short_number_of_another_kind_is_told_its_kind() -> None:
    [(msgid, params)] = phone_problems("1414", "voice", None)
    assert "give it the kind short_number" in msgid and params == {"number": "1414", "kind": "voice"}


def test_kazakhstan_mobile_and_landline_pass() -> None:
    assert phone_problems("+77081060810", "whatsapp", "+7 708 106 08 10") == []
    assert phone_problems("+77172580058", "voice", "8 (7172) 58-00-58") == []


def test_display_form_must_dial_the_number() -> None:
    [(msgid, _params)] = phone_problems("+77172580058", "voice", "8 (7172) 58-00-59")
    assert "display" in msgid


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("+77182551122", "+7 7182 55 11 22"),  # Pavlodar: a four-digit area code
        ("+77172555555", "+7 7172 55 55 55"),  # Astana
        ("+77172580058", "+7 7172 58 00 58"),
        ("+77252531234", "+7 7252 53 12 34"),  # Shymkent
        ("+77213123456", "+7 72131 2 34 56"),  # a district town: a five-digit code
        ("+77272501122", "+7 727 250 11 22"),  # Almaty: 727 and seven digits
        ("+77273112233", "+7 727 311 22 33"),
        ("+77081060810", "+7 708 106 08 10"),  # a mobile, as the bundled records show it
        ("+77001234567", "+7 700 123 45 67"),
        ("150", "150"),
        ("@kzsupport_bot", "@kzsupport_bot"),
    ],
)
def test_display_form_groups_by_the_real_area_code(number: str, shown: str) -> None:
    assert display_form(number) == shown
    assert normalize_number(shown) == normalize_number(number)


def check_bundled_schema(*records: dict[str, Any]) -> Report:
    """``check`` against the record schema kzsupport ships (it has the per-kind number rules)."""
    return validate_records(list(records), REGIONS, schema=validate.load_schema(), denylist=DENY)


def test_the_sample_record_passes_the_bundled_schema() -> None:
    assert check_bundled_schema(record()).ok


@pytest.mark.parametrize("number", ["+77172555555", "150", "@kzsupport_bot"])
def test_a_phone_without_its_kind_is_reported_as_missing_its_kind(number: str) -> None:
    phone = {"number": number, "display": number, "note": None}
    report = check_bundled_schema(record(phones=[phone]))
    assert [(p.field, p.message()) for p in report.errors] == [
        ("phones.0.kind", "The field phones.0.kind is missing."),
    ]


def test_a_missing_field_an_if_tests_is_reported_once_and_nothing_it_let_through() -> None:
    undated = {**dbkit.SOURCE, "date_note": None}
    del undated["date"]
    report = check_bundled_schema(record(sources=[undated], address={"text": None, "note": None}))
    assert sorted((p.field, p.message()) for p in report.errors) == [
        ("address.confidential", "The field address.confidential is missing."),
        ("sources.0.date", "The field sources.0.date is missing."),
    ]


def test_a_phone_with_its_kind_still_gets_that_kinds_form_checked() -> None:
    phone = {"number": "+77172555555", "kind": "short_number", "display": "+7 7172 55 55 55", "note": None}
    messages = [p.message() for p in check_bundled_schema(record(phones=[phone])).errors]
    assert 'The field phones.0.number is not written in the expected form: "+77172555555".' in messages


def test_normalize_number_reads_the_usual_ways_of_writing() -> None:
    assert normalize_number("8 (727) 250-50-50") == "+77272505050"
    assert normalize_number("+7 727 250 50 50") == "+77272505050"
    assert normalize_number("150") == "150"
    assert normalize_number("12") is None


def test_denylisted_number_is_an_error() -> None:
    phone = {"number": "+77272929104", "kind": "voice", "display": "+7 727 292 91 04", "note": None}
    report = check(record(phones=[phone]))
    assert "denylist" in checks_of(report)


@pytest.mark.parametrize("kind", [None, "voice", "telegram"])
def test_a_display_form_showing_a_fabricated_number_is_an_error_whatever_the_kind(kind: str | None) -> None:
    phone = {"number": "+77272000000", "display": "8\u2013727\u2013273\u201377\u201377", "note": None}
    if kind is not None:
        phone["kind"] = kind
    report = check(record(phones=[phone]))
    assert [p.field for p in report.errors if p.check == "denylist"] == ["phones.0.display"]


def test_denylisted_number_in_free_text_is_an_error() -> None:
    report = check(record(description={"kk": "x", "ru": "звоните 8-727-273-77-77", "en": "x"}))
    assert [p.field for p in report.errors if p.check == "denylist"] == ["description.ru"]


@pytest.mark.parametrize(
    "written",
    [
        "8 727 273\u201377\u201377",  # en dash
        "8\u2011727\u2011273\u201177\u201177",  # non-breaking hyphen
        "8\u2010727\u2012273\u201477\u221277",  # hyphen, figure dash, em dash, minus sign
        "+7\u2212727\u2212273\u221277\u221277",
        "8.727.273.77.77",
        "8/727/2737777",
        "8\u00a0727\u00a0273\u00a077\u00a077",  # no-break space
        "8\u202f727\u202f273\u202f77\u202f77",  # narrow no-break space
        "8\u200b727 273 77 77",  # a zero-width space hiding in copied text
        "+7 (727) 292\u201391\u201304",
        "8\u00a0(727)\u00a0273\u00a0-\u00a077-77",
        "8727273777712",  # glued to more digits: still what a reader would dial
    ],
)
def test_denylisted_number_in_free_text_is_found_whatever_the_separators(written: str) -> None:
    text = {"kk": "x", "ru": "Также: " + written, "en": "x"}
    hours = {"open_24_7": False, "text": text, "timezone": "Asia/Almaty"}
    report = check(record(hours=hours))
    [problem] = [p for p in report.errors if p.check == "denylist"]
    assert problem.field == "hours.text.ru"
    assert problem.message() == f"{written} is a known fabricated number: remove it."


def test_denylisted_number_next_to_other_numbers_in_free_text_is_found() -> None:
    texts = {
        "kk": "09.00\u201318.00 8 727 273 77 77",  # hours run into the number
        "ru": "8 727 200 00 00 / 8\u2013727\u2013273\u201377\u201377",  # a good number, then a bad one
        "en": "8 727 273 77 77 8 727 292 91 04",  # two bad ones with only a space between
    }
    report = check(record(description=texts))
    found = sorted((p.field, p.params["number"]) for p in report.errors if p.check == "denylist")
    assert found == [
        ("description.en", "8 727 273 77 77"),
        ("description.en", "8 727 292 91 04"),
        ("description.kk", "8 727 273 77 77"),
        ("description.ru", "8\u2013727\u2013273\u201377\u201377"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Read on 22.11.2026, updated 07.12.2025; hours 8.00\u201317.00, 7/24.",
        "Article 7.27.2 of the Code; order No. 727/273 of 17.07.2023",
        "8 727 273 77 78 or 8.727.273.77.76 (real-looking numbers that are not on the list)",
        "ИИН 772737777012",
    ],
)
def test_dates_article_and_other_numbers_in_free_text_are_not_taken_for_a_blocked_number(text: str) -> None:
    report = check(record(description={"kk": text, "ru": text, "en": text}))
    assert "denylist" not in checks_of(report), [p.message() for p in report.errors]


@pytest.mark.parametrize("written", ["273-77-77", "273 77 77", "273\u201377\u201377"])
def test_a_denylisted_landline_without_its_area_code_is_a_doubt_to_check(written: str) -> None:
    """"тел. 273-77-77" in an Almaty record dials +7 727 273 77 77 there, but may be another town's
    real number: a warning, not a refusal."""
    report = check(record(description={"kk": "x", "ru": f"Тел. {written}, 9.00\u201318.00", "en": "x"}))
    [problem] = [p for p in report.problems if p.check == "denylist"]
    assert (problem.severity, problem.field) == ("warning", "description.ru")
    assert problem.message() == (
        f"{written} may be the fabricated number +7 727 273 77 77 written without its area code: "
        "check it against the sources."
    )


@pytest.mark.parametrize("text", [
    "tel. 8 (7172) 53-12-34",  # a Shymkent fabrication's digits, after Astana's area code
    "Mob. +7 701 250 50 50",
    "https://www.inform.kz/ru/news/531234",
    "Order No. 531234",
    "Приказ № 42/56-78",
    "ст. 53.12.34",
])
def test_digits_of_a_fabricated_landline_in_another_number_or_an_id_are_no_doubt(text: str) -> None:
    report = check(record(description={"kk": "x", "ru": text, "en": "x"}))
    assert not [p for p in report.problems if p.check == "denylist"], text


def test_a_denylisted_number_written_whole_is_reported_once() -> None:
    report = check(record(description={"kk": "x", "ru": "8 727 273 77 77", "en": "x"}))
    assert [p.severity for p in report.problems if p.check == "denylist"] == ["error"]


def test_denylisted_text_is_an_error() -> None:
    report = check(record(caveats=[{"kk": "a", "ru": "b", "en": "at dostyk ave 125, Almaty"}]))
    assert "denylist" in checks_of(report)


def test_coordinates_outside_kazakhstan() -> None:
    report = check(record(location={"lat": 76.9, "lon": 43.2}))
    assert "coordinates" in checks_of(report)


def test_coordinates_far_from_the_region() -> None:
    report = check(record(location={"lat": 51.18, "lon": 71.44}))  # Astana, record says Almaty
    [problem] = [p for p in report.errors if p.check == "coordinates"]
    assert "nearest to places in astana, not in region almaty" in problem.message()


def test_coordinates_inside_the_box_but_outside_the_outline() -> None:
    report = check(record(location={"lat": 55.0, "lon": 60.0}))  # Chelyabinsk region, Russia
    assert "coordinates" in checks_of(report)


def test_unknown_region_and_type() -> None:
    report = check(record(type="spa", scope="atlantis", region="atlantis"))
    fields = {p.field for p in report.errors if p.check in ("type", "region")}
    assert fields == {"type", "scope", "region"}


def test_a_national_record_has_no_region() -> None:
    report = check(record(scope="national", region="astana", location=None))
    assert "region" in checks_of(report)


def test_same_phone_in_two_records() -> None:
    report = check(record("kz-a"), record("kz-b", name={"kk": "б", "ru": "б", "en": "b"}))
    owners = {p.service_id for p in report.errors if p.check == "duplicate"}
    assert owners == {"kz-a", "kz-b"}


def test_same_name_in_the_same_city() -> None:
    other = record("kz-b", phones=[], name=record("kz-a")["name"])
    report = check(record("kz-a"), other)
    assert any("Same name" in p.msgid for p in report.errors)


def test_duplicate_ids() -> None:
    report = check(record("kz-a"), record("kz-a", phones=[]))
    assert any(p.field == "id" for p in report.errors)


def test_confidential_address_leaking_into_another_field() -> None:
    address = {
        "text": {"kk": "Абай к-сі 10", "ru": "ул. Абая, 10", "en": "10 Abai St"},
        "confidential": True,
        "note": None,
    }
    leaky = record(address=address, description={"kk": "x", "ru": "Мы на ул. Абая, 10", "en": "x"})
    report = check(leaky)
    [problem] = [p for p in report.errors if p.check == "confidential"]
    assert problem.field == "description.ru"


@pytest.mark.parametrize("written", ["Мы на ул Абая 10", "МЫ НА УЛ. АБАЯ,10", "ул.\u00a0Абая, 10"])
def test_confidential_address_is_recognised_with_other_punctuation_or_spacing(written: str) -> None:
    address = {
        "text": {"kk": "Абай к-сі 10", "ru": "ул. Абая, 10", "en": "10 Abai St"},
        "confidential": True,
        "note": None,
    }
    leaky = record(address=address, description={"kk": "x", "ru": written, "en": "x"})
    assert [p.field for p in check(leaky).errors if p.check == "confidential"] == ["description.ru"]


def test_confidential_address_in_its_own_field_is_fine() -> None:
    address = {
        "text": {"kk": "Абай к-сі 10", "ru": "ул. Абая, 10", "en": "10 Abai St"},
        "confidential": True,
        "note": None,
    }
    assert "confidential" not in checks_of(check(record(address=address)))


def test_missing_name_language_is_an_error_and_other_texts_a_warning() -> None:
    report = check(
        record(
            name={"kk": None, "ru": "Центр", "en": "Centre"},
            eligibility_note={"kk": None, "ru": "Женщины", "en": "Women"},
        )
    )
    assert [p.field for p in report.errors if p.check == "languages"] == ["name"]
    assert [p.field for p in report.problems if p.severity == WARNING] == ["eligibility_note"]


def test_unverified_record_needs_a_note() -> None:
    verification = {"status": "unverified", "date": None, "method": None, "by": None, "note": None}
    assert "verification" in checks_of(check(record(verification=verification)))
    verification["note"] = "Number from a 2005 article; not called yet."
    assert "verification" not in checks_of(check(record(verification=verification)))


def test_new_errors_ignores_problems_that_were_there_before() -> None:
    before = check(record(type="spa"))
    after = check(record(type="spa", region="atlantis"))
    assert {p.field for p in new_errors(before, after)} == {"region"}


def test_empty_denylist_by_default_shape() -> None:
    assert parse_denylist([]) == Denylist()
    assert parse_denylist(["+7 777 123 4567"]).numbers == frozenset({"+77771234567"})


def test_mislabelled_numbers_are_not_blocked() -> None:
    assert "+77081060810" not in DENY.numbers
    assert DENY.numbers == frozenset({"+77272929104", "+77272737777"})


MISLABELS = parse_denylist(
    {
        "mislabels": [
            {"number": "1414", "as_labelled": "Mental Health Unified Line", "reason": "mislabel: e-gov"},
            {"number": "150", "as_labelled": "Линия доверия для женщин", "reason": "simplification: ..."},
            {
                "number": "150",
                "as_labelled": "Domestic Violence Hotline / «Үйдегі желі», languages 'Қазақша, English'",
                "reason": "mislabel: a children's line",
            },
        ]
    }
)


def line(number: str, **texts: Any) -> dict[str, Any]:
    phone = {"number": number, "kind": "short_number", "display": number, "note": None}
    return record(f"kz-{number}", scope="national", region=None, phones=[phone], **texts)


def mislabels(rec: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    return [(p.severity, p.field, p.params["label"]) for p in validate.mislabel_problems(rec, MISLABELS)]


def test_a_mislabel_of_a_records_own_number_is_an_error_and_a_simplification_a_warning() -> None:
    named = line("1414", name={"kk": "1414", "ru": "1414", "en": "1414 mental health unified line"})
    assert mislabels(named) == [(ERROR, "name.en", "Mental Health Unified Line")]
    hyphened = line("1414", name={"kk": "1414", "ru": "1414", "en": "1414, the mental-health unified line"})
    assert mislabels(hyphened) == [(ERROR, "name.en", "Mental Health Unified Line")]
    simplified = line("150", name={"kk": "150", "ru": "Линия доверия для женщин 150", "en": "150"})
    assert mislabels(simplified) == [(WARNING, "name.ru", "Линия доверия для женщин")]
    texts = {"kk": "Үйдегі желі", "ru": "Описание", "en": "A Domestic Violence Hotline"}
    quoted = line("150", description=texts)
    assert mislabels(quoted) == [
        (ERROR, "description.kk", "Үйдегі желі"),
        (ERROR, "description.en", "Domestic Violence Hotline"),
    ]
    report = validate_records([named, simplified], REGIONS, schema=SCHEMA, denylist=MISLABELS)
    assert [(p.service_id, p.severity) for p in report.problems if p.check == "denylist"] == [
        ("kz-1414", ERROR),
        ("kz-150", WARNING),
    ]


def test_a_mislabel_is_not_reported_for_another_service_nor_where_a_record_explains_or_cites() -> None:
    other = record(description={"kk": "-", "ru": "-", "en": "Unlike the Mental Health Unified Line"})
    assert mislabels(other) == []
    caveat = {"kk": "-", "ru": "-", "en": "Some apps call 1414 the Mental Health Unified Line; it is not."}
    explained = line("1414", caveats=[caveat])
    explained["phones"][0]["note"] = caveat
    explained["sources"][0]["title"] = "Mental Health Unified Line (an app)"
    assert mislabels(explained) == []


def test_telegram_is_a_name_or_a_link() -> None:
    assert phone_problems("@kz_help_line", "telegram", "@kz_help_line") == []
    assert phone_problems("+77081060810", "telegram", None)


@pytest.mark.parametrize("loader", ["load_schema", "load_denylist"])
def test_a_missing_schema_or_denylist_is_an_error_not_a_silent_pass(
    loader: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(resources, "data_file", lambda name: str(tmp_path / name))
    load = getattr(validate, loader)
    load.cache_clear()
    try:
        with pytest.raises(KzSupportError, match="missing from the kzsupport package"):
            load()
    finally:
        load.cache_clear()


def test_a_phone_of_the_wrong_type_is_a_schema_problem_not_a_crash() -> None:
    phone = {"number": 150, "kind": "short_number", "display": 150, "note": None}
    report = validate_records([record(phones=[phone]), record("kz-b", phones=5)], REGIONS, denylist=DENY)
    fields = {(p.service_id, p.field) for p in report.errors if p.check == "schema"}
    assert {("kz-test-1", "phones.0.number"), ("kz-test-1", "phones.0.display"), ("kz-b", "phones")} <= fields


def test_normalize_phone_is_normalize_number_except_for_telegram() -> None:
    assert normalize_phone(" 8 (727) 250-33-44 ", "voice") == "+77272503344"
    assert normalize_phone("150", "short_number") == "150"
    assert normalize_phone("not a number ", "voice") == "not a number"
    assert normalize_phone(" https://t.me/+77272503344", "telegram") == "https://t.me/+77272503344"


def _with_dates(source_date: str | None, accessed: str, checked: str | None) -> dict[str, Any]:
    rec = record()
    rec["sources"][0].update(date=source_date, accessed=accessed)
    rec["verification"]["date"] = checked
    return rec


@pytest.mark.parametrize("bad", ["2025-13-45", "2025-02-30", "0000", "2999", "2999-01-01"])
@pytest.mark.parametrize("where", ["sources.0.date", "sources.0.accessed", "verification.date"])
def test_an_impossible_or_future_date_is_an_error_naming_its_field(bad: str, where: str) -> None:
    rec = record()
    set_path(rec, where, bad)
    [problem] = [p for p in check(rec).errors if p.check == "dates"]
    assert problem.field == where
    assert where in problem.message() and bad in problem.message()


def test_partial_dates_and_today_pass() -> None:
    today = datetime.now(timezone.utc).date().isoformat()
    for source_date in ("2024", "2024-09", today[:4], today[:7], today):
        report = check(_with_dates(source_date, today, today))
        assert report.ok, [p.message() for p in report.problems]


@pytest.mark.parametrize("char", ["\r", "\x00", "\x1b", "\x7f"])
def test_a_control_character_in_a_text_is_an_error(char: str) -> None:
    rec = record(name={"kk": "Атау", "ru": "Имя", "en": f"A{char}B"})
    [problem] = [p for p in check(rec).errors if p.check == "text"]
    assert problem.field == "name.en"
    assert repr(char)[1:-1] in problem.message()


def test_a_tab_or_a_newline_in_a_text_is_fine() -> None:
    report = check(record(description={"kk": "Бір\nекі", "ru": "Раз\tдва", "en": "One\n\ttwo"}))
    assert report.ok, [p.message() for p in report.problems]


def test_a_text_of_only_spaces_is_an_error() -> None:
    """The schema refuses "" but not " ": a blank name or address would pass unseen."""
    blank = record(description={"kk": "x", "ru": "   ", "en": "x"})
    assert [p.field for p in check(blank).errors if p.check == "text"] == ["description.ru"]


def test_a_short_number_given_another_kind_is_explained_once() -> None:
    """The schema's "not in the expected form" would contradict "a short number: give it the kind
    short_number" about the same number."""
    phone = {"number": "150", "kind": "voice", "display": "150", "note": None}
    report = validate_records([record(phones=[phone])], REGIONS, schema=validate.load_schema(), denylist=DENY)
    assert [p.check for p in report.problems if (p.field or "").startswith("phones.0")] == ["phone"]


@pytest.mark.parametrize(("field", "value"), [("type", "spa"), ("scope", "regional"), ("region", "atlantis")])
def test_an_unknown_type_scope_or_region_is_reported_once(field: str, value: str) -> None:
    """Its own check names the known values; the schema's "cannot be ..." said it a second time."""
    report = validate_records([record(**{field: value})], REGIONS, schema=validate.load_schema(),
                              denylist=DENY)
    assert len([p for p in report.problems if p.field == field]) == 1


def test_a_missing_name_is_one_problem_not_one_per_language() -> None:
    nameless = record(name={"kk": None, "ru": None, "en": None})
    report = validate_records([nameless], REGIONS, schema=validate.load_schema(), denylist=DENY)
    assert [p.message() for p in report.problems if (p.field or "").startswith("name")] == [
        "name is missing in: kk, ru, en."]


def test_an_untitled_source_says_what_it_is() -> None:
    """A source without a published title (a news item) is described in about, in kk/ru/en."""
    untitled = record()
    untitled["sources"][0]["title"] = None
    refused = validate_records([untitled], REGIONS, denylist=DENY)  # the shipped schema
    assert not refused.ok
    assert "sources.0.about" in {p.field for p in refused.errors}
    untitled["sources"][0]["about"] = {"kk": "жаңалық", "ru": "новость", "en": "news item"}
    report = validate_records([untitled], REGIONS, denylist=DENY)
    assert report.ok, [p.message() for p in report.problems]


def test_what_a_source_is_in_one_language_only_is_a_warning() -> None:
    described = record()
    described["sources"][0]["about"] = {"kk": None, "ru": None, "en": "a reprint"}
    report = validate_records([described], REGIONS, denylist=DENY)
    assert report.ok
    [warning] = [p for p in report.problems if p.severity == WARNING]
    assert warning.field == "sources.0.about" and "kk, ru" in warning.message()
