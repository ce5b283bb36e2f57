"""Place resolution: the hand-written query set, folding, ambiguity, coordinates, hostile input."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzsupport.errors import BadInput, KzSupportError
from kzsupport.placekey import fold, kinds
from kzsupport.places import load, parse_coordinates, resolve

QUERIES = Path(__file__).parent / "place_queries.tsv"


def _queries() -> list[tuple[str, str, str]]:
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")][1:]
    return [(q, region, style) for q, region, style in rows]


def test_query_set_has_no_wrong_answer_and_reports_the_resolved_share(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = _queries()
    assert len(rows) >= 300
    resolved = asked = missed = 0
    wrong: list[str] = []
    for query, expected, _style in rows:
        res = resolve(query)
        if res.resolved:
            assert res.best is not None
            if res.best.region.id == expected:
                resolved += 1
            else:
                wrong.append(f"{query} -> {res.best.region.id}, expected {expected}")
        elif res.status == "ambiguous":
            if expected not in res.regions:
                wrong.append(f"{query} -> one of {res.regions}, expected {expected}")
            asked += 1
        else:
            missed += 1
    with capsys.disabled():
        print(
            f"\nplace queries: {len(rows)}, resolved right {resolved} ({resolved / len(rows):.1%}), "
            f"ambiguous (right region listed) {asked}, not found {missed}, wrong {len(wrong)}"
        )
    assert wrong == []
    assert resolved / len(rows) >= 0.95


@pytest.mark.parametrize(
    "spellings",
    [
        ("Өскемен", "Öskemen", "Oskemen", "Оскемен", "OSKEMEN"),
        ("Қапшағай", "Qapshaǵaı", "Капшагай", "Kapshagay"),
        ("Шымкент", "Şymkent", "S'ymkent", "S’ymkent", "Sʼymkent", "S´ymkent", "Shymkent"),
        ("Атырау", "Atyraý", "Atyray'", "Atyrau"),
    ],
)
def test_scripts_and_alphabets_fold_to_one_key(spellings: tuple[str, ...]) -> None:
    assert len({fold(s) for s in spellings}) == 1


def test_generic_word_keys_are_the_words_folded() -> None:
    from kzsupport import placekey

    words = {
        "region": placekey.REGION_WORDS,
        "district": placekey.DISTRICT_WORDS,
        "settlement": placekey.SETTLEMENT_WORDS,
    }
    folded = {kind: {placekey.token_key(w) for w in ws} for kind, ws in words.items()}
    assert folded == placekey.KIND_KEYS


def test_generic_words_are_dropped_and_remembered() -> None:
    assert fold("Алматы облысы") == fold("г. Алматы") == fold("Almaty")
    assert kinds("Алматы облысы") == {"region"}
    assert kinds("Карасайский р-н") == {"district"}
    assert kinds("г. Алматы") == {"settlement"}


def test_bare_almaty_is_the_city_and_with_oblysy_the_region() -> None:
    assert resolve("Almaty").regions == ("almaty",)
    assert resolve("Almaty oblysy").regions == ("almaty-region",)


def test_a_name_in_several_regions_is_never_resolved_silently() -> None:
    res = resolve("Актау")
    assert res.status == "ambiguous"
    assert res.best is None
    assert {"mangystau", "karaganda"} <= set(res.regions)


def test_region_narrows_an_ambiguous_name() -> None:
    res = resolve("Актау", region="mangystau")
    assert res.status == "exact"
    assert res.best is not None and res.best.place.population > 100_000


def test_unknown_region_is_bad_input() -> None:
    with pytest.raises(BadInput):
        resolve("Актау", region="atlantis")


def test_typo_is_a_fuzzy_match_with_its_score() -> None:
    res = resolve("Taldykurgn")
    assert res.status == "fuzzy"
    assert res.best is not None and res.best.region.id == "jetisu"
    assert res.score is not None and 85 <= res.score < 100


def test_nonsense_gives_none_with_suggestions_when_close() -> None:
    assert resolve("xqzzv").status == "none"
    near_miss = resolve("Oskemenovsk")
    assert near_miss.status in ("none", "fuzzy")
    assert resolve("Oskemnovka").suggestions or resolve("Oskemnovka").resolved


def test_a_letter_left_out_of_a_short_name_is_a_fuzzy_match_with_its_score() -> None:
    res = resolve("Семй")
    assert res.status == "fuzzy"
    assert res.best is not None and res.best.place.names.en == "Semey"
    assert res.score is not None and 85 <= res.score < 100


@pytest.mark.parametrize(("typed", "place"), [("Аламты", "Almaty"), ("Тарза", "Taraz"),
                                           ("Pavldoar", "Pavlodar")])
def test_two_neighbouring_letters_swapped_are_one_slip(typed: str, place: str) -> None:
    """fuzz.ratio counts a swap as two edits: "Аламты" scored 83 and was not found."""
    res = resolve(typed)
    assert res.status == "fuzzy"
    assert res.best is not None and res.best.place.names.en == place


def test_a_changed_letter_in_a_short_name_is_still_not_taken_for_another_place() -> None:
    """One changed letter in four or five is another name, not a slip (Aral is not Arys): the swap
    rule must not let substitutions through."""
    from kzsupport.places import _with_swaps

    assert _with_swaps("semei", "semie", 80.0) == 90.0  # a swap
    assert _with_swaps("taraz", "tarak", 80.0) == 80.0  # a changed letter
    assert _with_swaps("aral", "arla", 75.0) == 87.5  # a swap, yet under the short-key cutoff (88)


def test_suggestions_are_places_each_once_closest_first() -> None:
    suggestions = resolve("Смй").suggestions
    assert suggestions and suggestions[0].names.en == "Semey"
    assert len({p.id for p in suggestions}) == len(suggestions)


def test_a_place_outside_the_region_asked_for_is_reported_where_it_is() -> None:
    res = resolve("Семей", region="almaty")
    assert (res.status, res.within) == ("none", "almaty")
    assert [c.region.id for c in res.elsewhere] == ["abai"]


@pytest.mark.parametrize("text", ["", "  ", "\x00"])
def test_blank_text_is_bad_input(text: str) -> None:
    with pytest.raises(BadInput, match="Type a place name"):
        resolve(text)


def test_renames_resolve_to_the_current_place() -> None:
    for old, region in [
        ("Семипалатинск", "abai"),
        ("Капчагай", "almaty-region"),
        ("Гурьев", "atyrau"),
        ("Шевченко", "mangystau"),
        ("Лениногорск", "east-kazakhstan"),
        ("Нур-Султан", "astana"),
        ("Южно-Казахстанская область", "turkistan"),
    ]:
        res = resolve(old)
        assert res.resolved and res.regions == (region,), old


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50.41,80.25", (50.41, 80.25)),
        ("50.41 80.25", (50.41, 80.25)),
        ("50.41; 80.25", (50.41, 80.25)),
        ("50,41;80,25", (50.41, 80.25)),
        ("50°24′N 80°15′E", (50.4, 80.25)),
        ("43.25N 76.95E", (43.25, 76.95)),
        ("43.25 с.ш. 76.95 в.д.", (43.25, 76.95)),
        ("50,41, 80,25", (50.41, 80.25)),
        ("N50.41 E80.25", (50.41, 80.25)),
        ("E80.25, N50.41", (50.41, 80.25)),
        ("N50.41 N80.25", None),
        ("Semey", None),
    ],
)
def test_coordinates_are_parsed_in_every_written_form(
    text: str, expected: tuple[float, float] | None
) -> None:
    got = parse_coordinates(text)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


def test_coordinates_give_the_region_of_the_nearest_place() -> None:
    res = resolve("50.41,80.25")
    assert res.status == "exact" and res.basis == "nearest_place"
    assert res.regions == ("abai",)


@given(
    st.floats(40.5, 55.5),
    st.floats(46.5, 87.5),
    st.sampled_from([None, "abai", "almaty", "mangystau"]),
)
@settings(max_examples=300, deadline=None)
def test_nearest_regions_measure_every_place_that_can_count(
    lat: float, lon: float, region: str | None
) -> None:
    """Places passed over without measuring (``nearest_regions``) never change the answer."""
    from kzsupport.places import NEAREST_MARGIN, haversine_km

    gaz = load()
    ranked = sorted(
        (haversine_km(lat, lon, *p.point), p.id, p)
        for p in gaz.places if p.has_point and (region is None or p.region == region)
    )  # fmt: skip
    nearest: dict[str, tuple[float, object]] = {}
    for km, _, p in ranked:
        nearest.setdefault(p.region, (km, p))
    d1 = ranked[0][0]
    expected = [(r, km, p) for r, (km, p) in nearest.items() if km <= max(d1 * NEAREST_MARGIN, d1 + 1.0)]
    assert gaz.nearest_regions(lat, lon, region) == expected


def test_coordinates_outside_kazakhstan_are_a_clear_error() -> None:
    with pytest.raises(BadInput, match="outside Kazakhstan"):
        resolve("55.75,37.62")  # Moscow
    with pytest.raises(BadInput, match="outside Kazakhstan"):
        resolve("42.87,74.59")  # Bishkek, inside Kazakhstan's bounding box


def test_out_of_range_coordinates_are_bad_input() -> None:
    with pytest.raises(BadInput):
        resolve("95,200")


def test_resolution_json_carries_region_slug_and_iso() -> None:
    data = resolve("Семей").to_dict()
    assert data["status"] == "exact"
    assert data["region"] == "abai" and data["iso"] == "KZ-10"
    assert data["place"]["names"]["kk"] == "Семей"


def test_gazetteer_credits_geonames() -> None:
    assert "GeoNames" in load().meta["attribution"]
    assert "CC BY 4.0" in load().meta["attribution"]


def test_resolving_opens_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    load.cache_clear()
    try:
        assert resolve("Усть-Каменогорск").regions == ("east-kazakhstan",)
        assert resolve("Talgr").status in ("fuzzy", "none", "ambiguous")
        assert resolve("43.24,76.95").regions == ("almaty",)
    finally:
        load.cache_clear()


# Property tests ------------------------------------------------------------------------------


@given(st.text(max_size=60))
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


HOSTILE = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.sampled_from(["", " ", "\x00", "\x1b[31m", "🙂🙂", "Семей🙂", "Сем\x00ей", "Алма-Ata", "𝔄𝔩𝔪𝔞𝔱𝔶"]),
    st.builds(lambda a, b: f"{a},{b}", st.floats(allow_nan=True), st.floats(allow_nan=True)),
)


@given(HOSTILE)
@settings(max_examples=300, deadline=None)
def test_any_text_gives_an_answer_or_a_clear_error(text: str) -> None:
    try:
        res = resolve(text)
    except KzSupportError as exc:
        assert exc.message()
        return
    assert res.status in ("exact", "fuzzy", "ambiguous", "none")
    res.to_dict()


def test_ten_thousand_characters_give_an_answer() -> None:
    assert resolve("Семей" * 2000).status in ("exact", "fuzzy", "ambiguous", "none")


# Data contract of the bundled gazetteer -------------------------------------------------------


def test_gazetteer_rows_are_sound() -> None:
    gaz = load()
    ids = [p.id for p in gaz.places]
    assert len(ids) == len(set(ids))
    assert len(gaz.regions) == 20
    for p in gaz.places:
        assert p.region in gaz.regions, p.id
        assert p.names.en, p.id
        if p.has_point:
            assert gaz.in_kazakhstan(*p.point), p.id


def test_every_region_centre_is_a_located_place_in_its_region() -> None:
    gaz = load()
    for region in gaz.regions.values():
        centre = gaz.region_place(region.id)
        assert centre.has_point and centre.region == region.id


def test_distances_are_measured_from_the_place_or_else_its_region_centre() -> None:
    gaz = load()
    semey = resolve("Семей").best
    aksuat = resolve("Аксуатский район").best  # a district the gazetteer has no coordinates for
    assert semey is not None and aksuat is not None
    assert gaz.measured_from(semey) == semey.place
    assert not aksuat.place.has_point
    assert gaz.measured_from(aksuat) == gaz.region_place("abai")
    with pytest.raises(ValueError):
        _ = aksuat.place.point


def test_post_2022_moves_are_applied() -> None:
    for name, region in [("Urzhar", "abai"), ("Semey", "abai"), ("Taldykorgan", "jetisu"),
                         ("Zhezkazgan", "ulytau"), ("Konaev", "almaty-region")]:
        assert resolve(name).regions == (region,), name


def test_kazakh_and_russian_place_names_use_only_their_own_alphabets() -> None:
    """GeoNames mixes in other languages' Cyrillic (Ukrainian Є, Serbian Ј, Uzbek Ў and Ҳ): those
    may be typed and found, but are never shown as a place's Kazakh or Russian name."""
    foreign = set("ЄєЇїҐґЈјЉљЊњЋћЏџЎўЂђҲҳ")
    wrong = [
        (p.id, name)
        for p in load().places
        for name in (p.names.kk, p.names.ru)
        if name and foreign & set(name)
    ]
    assert wrong == []
    assert resolve("Єсік").best.place.names.kk == "Есік"  # type: ignore[union-attr]


@pytest.mark.parametrize("typed", ["Байқоңыр", "Байконур", "Baikonur", "Байқониур"])
def test_baikonur_has_its_kazakh_name(typed: str) -> None:
    """GeoNames' closest Kazakh-lettered spelling, Байқониур, renders the Russian letter by letter."""
    best = resolve(typed).best
    assert best is not None and best.place.names.kk == "Байқоңыр"


def test_the_matched_name_is_the_one_typed_or_in_its_script() -> None:
    assert resolve("Семей").best.matched == "Семей"  # type: ignore[union-attr]
    assert resolve("Semey").best.matched == "Semey"  # type: ignore[union-attr]
    assert resolve("Семй").best.matched == "Семей"  # type: ignore[union-attr]  # fuzzy, same script


def test_a_former_name_is_shown_in_the_script_typed_even_misspelt() -> None:
    """The gazetteer keeps one spelling of a name per script (scripts/build_gazetteer.py), so a
    Cyrillic typo is answered with the Cyrillic former name, not its Latin twin."""
    cyrillic = resolve("Семипалатинск").best
    assert cyrillic is not None and (cyrillic.matched, cyrillic.via) == ("Семипалатинск", "former")
    assert resolve("semipalatinsk").best.matched == "Semipalatinsk"  # type: ignore[union-attr]
    assert resolve("Семипалатинк").best.matched == "Семипалатинск"  # type: ignore[union-attr]
    assert resolve("Semipalatinks").best.matched == "Semipalatinsk"  # type: ignore[union-attr]
