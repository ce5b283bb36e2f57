"""The sheet model: what goes on a referral sheet, in which language, and what never does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from kzsupport import eligibility
from kzsupport.eligibility import ProgrammeOutcome
from kzsupport.errors import BadInput
from kzsupport.i18n import translator
from kzsupport.models import Address, Hours, Localized, Phone, Service
from kzsupport.referral.sheet import (
    Distance,
    Nearby,
    Options,
    Sheet,
    SheetRefused,
    build_sheet,
    local_number,
    revealing_word,
)
from tests.referral_samples import (
    CLOSED,
    CRISIS,
    LEGAL,
    LONG_RU_NAME,
    NATIONAL,
    SECRET_STREET,
    SOURCE,
    UNVERIFIED,
)


def make(services: Sequence[Service] = (CRISIS, LEGAL), **options: object) -> Sheet:
    return build_sheet(
        services, NATIONAL, Options(**options),  # type: ignore[arg-type]
        printed=date(2026, 11, 24), as_of="2026-11-01",
    )


def test_entries_keep_the_requested_order_and_names_in_the_client_language() -> None:
    sheet = make(lang="ru")
    assert [e.service_id for e in sheet.entries] == ["almaty-umit", "astana-legal"]
    assert sheet.entries[0].name.parts == (LONG_RU_NAME,)


def test_national_block_puts_112_and_102_first_then_111_and_150() -> None:
    sheet = make()
    assert [e.phones[0].number for e in sheet.national] == ["112", "102", "111", "150"]


def test_a_national_line_chosen_as_a_service_is_not_repeated_in_the_block() -> None:
    sheet = make([NATIONAL[0]])
    assert [e.phones[0].number for e in sheet.national] == ["112", "102", "111"]


def test_voice_numbers_read_locally_and_messengers_keep_the_country_code() -> None:
    assert local_number(Phone("+77270000000", "voice", "+7 727 000 00 00")) == "8 727 000 00 00"
    assert local_number(Phone("+77172580058", "voice", "8 (7172) 58-00-58")) == "8 (7172) 58-00-58"
    assert local_number(Phone("+77081060810", "whatsapp", "8 708 106 08 10")) == "+7 708 106 08 10"
    assert local_number(Phone("+77081060810", "whatsapp", "+7 708 106 08 10")) == "+7 708 106 08 10"
    assert local_number(Phone("111", "short_number", "111")) == "111"
    assert local_number(Phone("+99890000000", "voice", "+998 90 000 00 00")) == "+998 90 000 00 00"


def test_a_landline_added_with_its_default_display_reads_by_its_area_code_on_a_sheet() -> None:
    from kzsupport.validate import display_form

    pavlodar = Phone("+77182551122", "voice", display_form("+77182551122"))
    assert local_number(pavlodar) == "8 7182 55 11 22"
    assert local_number(pavlodar, international=True) == "+7 7182 55 11 22"


def test_an_english_only_sheet_gives_calls_the_country_code() -> None:
    """From a foreign SIM "8 ..." does not connect; "+7 ..." works from any mobile."""
    assert local_number(Phone("+77172580058", "voice", "8 (7172) 58-00-58"), international=True) == (
        "+7 (7172) 58-00-58"
    )
    assert local_number(Phone("111", "short_number", "111"), international=True) == "111"

    def numbers(**langs: str) -> list[str]:
        return [p.number for e in make((CRISIS, LEGAL), **langs).entries for p in e.phones]

    assert "+7 727 000 00 00" in numbers(lang="en")
    assert "8 727 000 00 00" in numbers(lang="ru")
    assert "8 727 000 00 00" in numbers(lang="ru", also_lang="en")


def test_every_entry_says_when_it_was_confirmed_or_how_old_its_source_is() -> None:
    """A record only read from a source does not print our reading date as "Checked": a client
    would take a recent date for a recent confirmation."""
    sheet = make(lang="en")
    verified, source_only = (e.checked for e in sheet.entries)
    assert verified is not None and verified.label.parts == ("Checked",)
    assert "2026" in verified.value.parts[0]
    assert source_only is not None and source_only.label.parts == ("Source",)
    assert source_only.value.parts == (
        "undated public information, not confirmed by a call: call to check",
    )
    dated = (SOURCE[0]._replace(date="2019"), SOURCE[0]._replace(date="2023-08-25"))
    entry = make([LEGAL._replace(sources=dated)], lang="en").entries[0]
    assert entry.checked is not None
    assert entry.checked.value.parts == (
        "public information from 2023, not confirmed by a call: call to check",
    )
    assert "Sep 15, 2026" not in "\n".join(make(lang="en").all_text())


def test_second_language_gives_every_text_two_parts() -> None:
    sheet = make(lang="kk", also_lang="ru")
    assert sheet.langs == ("kk", "ru")
    assert all(len(t.parts) == 2 for t in (sheet.title, sheet.note, sheet.entries[0].name))
    assert sheet.entries[0].name.parts[1] == LONG_RU_NAME


def test_kazakh_latin_sheet_is_transliterated() -> None:
    sheet = make(lang="kk-latn")
    assert sheet.national[0].name.parts == ("Qūtqaru qyzmetı",)


def test_unverified_record_is_refused() -> None:
    with pytest.raises(SheetRefused) as info:
        make([LEGAL, UNVERIFIED])
    assert info.value.params["service_id"] == "unverified-one"


def test_inactive_record_is_refused() -> None:
    with pytest.raises(SheetRefused):
        make([CLOSED])


def test_unverified_national_line_is_left_out_of_the_block() -> None:
    hidden = NATIONAL[0]._replace(verification=UNVERIFIED.verification)
    sheet = build_sheet([], [hidden, *NATIONAL[1:]], Options(), printed=date(2026, 1, 1),
                        as_of="2026-01-01")
    assert "150" not in [e.phones[0].number for e in sheet.national]


def test_confidential_address_is_replaced_by_a_fixed_sentence() -> None:
    sheet = make(lang="en")
    address = sheet.entries[0].address
    assert address is not None and address.value.parts == ("Almaty; given by phone",)
    text = "\n".join(sheet.all_text())
    for secret in SECRET_STREET.texts():
        assert secret not in text


def test_a_confidential_address_without_a_town_is_the_fixed_sentence_alone() -> None:
    address = make([CRISIS._replace(city=None)], lang="en").entries[0].address
    assert address is not None and address.value.parts == ("given by phone",)


def test_a_confidential_address_without_a_number_says_how_to_make_contact() -> None:
    """No "given by phone" when there is no phone to give it."""
    sheet = make([CRISIS._replace(phones=())], lang="ru")
    address = sheet.entries[0].address
    assert address is not None
    assert address.value.parts == (
        "Алматы; держится в тайне: свяжитесь через полицию (102) или по номерам 111 и 150",
    )
    text = "\n".join(sheet.all_text())
    for secret in SECRET_STREET.texts():
        assert secret not in text


def test_public_address_is_printed_with_its_city() -> None:
    address = make(lang="en").entries[1].address
    assert address is not None and address.value.parts == ("Astana, 1 Abai Avenue",)


def test_confidential_text_reaching_the_sheet_by_another_field_fails_closed() -> None:
    leaky = CRISIS._replace(hours=Hours(open_24_7=False, text=SECRET_STREET))
    with pytest.raises(SheetRefused):
        make([leaky])


def test_discreet_sheet_has_no_address_and_neutral_names() -> None:
    sheet = make(lang="ru", discreet=True)
    assert all(e.address is None and e.offers is None and e.bring is None
               for e in (*sheet.entries, *sheet.national))
    names = [e.name.parts[0] for e in (*sheet.entries, *sheet.national)]
    assert LONG_RU_NAME not in names
    assert sheet.intro is None


@pytest.mark.parametrize("lang", ["kk", "kk-latn", "ru", "en"])
def test_discreet_sheet_has_no_revealing_word_in_any_language(lang: str) -> None:
    sheet = make(lang=lang, also_lang="ru", discreet=True)
    assert [t for t in sheet.all_text() if revealing_word(t)] == []


def test_discreet_sheet_refuses_data_text_that_would_reveal_its_purpose() -> None:
    telling = LEGAL._replace(hours=Hours(open_24_7=False, text=Localized(
        kk="дағдарыс кезінде", ru="при кризисе", en="in a crisis")))
    with pytest.raises(SheetRefused):
        make([telling], discreet=True)


def test_discreet_card_needs_a_phone() -> None:
    with pytest.raises(SheetRefused):
        make([LEGAL._replace(phones=())], discreet=True)


def outcomes(**answers: str) -> list[ProgrammeOutcome]:
    facts = eligibility.parse_answers(answers.items())
    return eligibility.evaluate(facts, as_of=date(2026, 11, 24))


def test_discreet_card_refuses_eligibility_outcomes() -> None:
    with pytest.raises(BadInput):
        build_sheet([LEGAL], NATIONAL, Options(discreet=True), printed=date(2026, 1, 1),
                    as_of="2026-01-01", eligibility=outcomes(victim_of="domestic_violence"))


def test_eligibility_outcome_is_explained_by_the_rules_that_hold() -> None:
    results = outcomes(victim_of="sexual_violence", age="30", citizen="yes")
    sheet = build_sheet([LEGAL], NATIONAL, Options(lang="en"), printed=date(2026, 1, 1),
                        as_of="2026-01-01", eligibility=results)
    legal_aid = sheet.eligibility[0]
    assert legal_aid.outcome.parts == ("Entitled",)
    assert legal_aid.basis is not None and "176-VI" in legal_aid.basis.value.parts[0]
    assert legal_aid.next_steps and legal_aid.explanation


def protective_basis(lang: str) -> str:
    results = outcomes(victim_of="domestic_violence", low_income="yes", age="30")
    sheet = build_sheet([LEGAL], NATIONAL, Options(lang=lang), printed=date(2026, 1, 1),
                        as_of="2026-01-01", eligibility=results)
    (protective,) = [o for o, r in zip(sheet.eligibility, results, strict=True)
                     if r.programme == "protective-measures"]
    assert protective.basis is not None
    return protective.basis.value.parts[0]


def test_a_sheet_cites_each_act_once_with_all_its_articles() -> None:
    """Several rules citing one code make one entry; several articles read "articles"."""
    basis = protective_basis("en")
    assert basis.count("Criminal Procedure Code") == 1
    assert "Criminal Procedure Code, No. 231-V of Jul 4, 2014, articles 71, 71(6)(12), 271, 272" in basis
    assert "Criminal Code, No. 226-V of Jul 3, 2014, articles 108-1, 109-1;" in basis
    assert basis.count("Code on Administrative Offences") == 1
    # one unverified article of an act is named, not the whole act marked, nor the mark lost
    assert "articles 54, 789(1), 789(3) (NOT VERIFIED: 54)" in basis
    assert "article 71" not in basis and "article —" not in basis


def test_a_sheet_in_kazakh_gives_the_2024_law_its_date_once() -> None:
    basis = protective_basis("kk")
    assert "72-VIII" in basis
    assert basis.count("2024") == 1, basis  # the other acts cited are from 2009 and 2014


def test_citations_of_one_act_merge_in_article_order() -> None:
    rules = eligibility.load_rules().rules
    cites = [c for r in rules for c in r.citations if c.source in ("upk", "dv-law")]
    merged = eligibility.by_act(cites)
    assert [m.cited.source for m in merged] == list(dict.fromkeys(c.source for c in cites))
    for m in merged:
        assert len(m.articles) == len(set(m.articles))
    dv = next(m for m in merged if m.cited.source == "dv-law")
    assert dv.articles == ("5", "10(7)", "15", "20", "21", "22")
    assert "20" in dv.unverified  # cited unverified by one rule, verified by another: unverified
    assert dv.verified


def test_a_whole_act_citation_beside_its_articles_adds_no_article() -> None:
    (one,) = eligibility.by_act([
        e_cite("—", verified=False), e_cite("20", verified=True), e_cite("5, 20", verified=True)])
    assert one.articles == ("5", "20") and one.unverified == () and one.verified
    (none,) = eligibility.by_act([e_cite("—", verified=False), e_cite("20", verified=False)])
    assert none.articles == ("20",) and not none.verified


def e_cite(article: str, *, verified: bool) -> eligibility.Citation:
    return eligibility.Citation(
        source="dv-law", act=Localized(kk="Заң", ru="Закон", en="Law"), number="214-IV",
        date="2009-12-04", article=article, url=None, mirror=None, confidence="high",
        verified=verified, note=None)


def test_undecided_outcome_says_so_instead_of_listing_every_rule() -> None:
    results = outcomes(victim_of="domestic_violence", age="30", citizen="yes")
    legal_aid = build_sheet([LEGAL], NATIONAL, Options(lang="ru"), printed=date(2026, 1, 1),
                            as_of="2026-01-01", eligibility=results).eligibility[0]
    assert legal_aid.outcome.parts == (translator("ru").gettext("Depends"),)
    assert legal_aid.basis is None and legal_aid.next_steps == ()
    assert "ответ" in legal_aid.explanation.parts[0]


def test_language_not_offered_is_bad_input() -> None:
    with pytest.raises(BadInput):
        make(lang="de")


def test_revealing_word_matches_word_starts_only() -> None:
    assert revealing_word("Кризисный центр") == "Кризис"
    assert revealing_word("therapeutic help") is None
    assert revealing_word("Қолдау орталығы") is None


@pytest.mark.parametrize("telling", [
    "помощь пострадавшим", "после изнасилования", "домогательства на работе", "сексуальное насилие",
    "преследование", "зардап шеккендерге", "зорлау", "жыныстық", "қудалау", "zardap şekkenderge",
    "jynystyq", "a women's refuge", "battered women", "sexual violence", "harassment", "stalking",
])
def test_revealing_word_knows_the_words_a_maintainer_might_type(telling: str) -> None:
    assert revealing_word(telling) is not None


def test_missing_language_in_a_record_falls_back_visibly() -> None:
    partial = LEGAL._replace(name=Localized(kk=None, ru="Только по-русски", en=None),
                      address=Address(text=None, confidential=False))
    sheet = make([partial], lang="kk")
    assert sheet.entries[0].name.parts == ("[ru] Только по-русски",)


def test_discreet_check_ignores_ids_that_are_never_printed() -> None:
    sheet = make([LEGAL._replace(id="almaty-crisis-shelter")], discreet=True)
    assert sheet.entries[0].service_id == "almaty-crisis-shelter"
    assert "almaty-crisis-shelter" not in list(sheet.all_text())


def test_discreet_card_keeps_a_plain_name_and_neutralises_a_telling_one() -> None:
    ambulance = NATIONAL[3]._replace(id="kz-103", type="health", national_order=5,
                        phones=(Phone("103", "short_number", "103"),),
                        name=Localized("Жедел жәрдем 103", "Скорая помощь 103", "Ambulance 103"))
    telling_police = NATIONAL[2]._replace(name=Localized(
        "Зорлық-зомбылық бөлімі", "Отдел по бытовому насилию", "Domestic violence unit"))
    sheet = build_sheet([], [ambulance, telling_police, *NATIONAL[:2]], Options(lang="ru",
                        discreet=True), printed=date(2026, 1, 1), as_of="2026-01-01")
    names = {e.phones[0].number: e.name.parts[0] for e in sheet.national}
    assert names["103"] == "Скорая помощь 103"
    assert names["102"] == "Полиция"  # the neutral label, not the telling name
    assert [e.phones[0].number for e in sheet.national][:1] == ["102"]


def test_caveats_are_printed_except_on_a_discreet_card() -> None:
    careful = LEGAL._replace(caveats=(Localized("Ескерту", "Звоните заранее", "Call first"),))
    notes = make([careful], lang="ru").entries[0].notes
    assert notes is not None and notes.value.parts == ("Звоните заранее",)
    assert make([careful], lang="ru", discreet=True).entries[0].notes is None


def test_address_that_starts_with_its_city_names_the_city_once() -> None:
    local = LEGAL._replace(address=Address(text=Localized("Астана, Абай 1", "Астана, Абая 1",
                                                            "Astana, 1 Abai"), confidential=False))
    address = make([local], lang="ru").entries[0].address
    assert address is not None and address.value.parts == ("Астана, Абая 1",)


AROUND_THE_CLOCK = Hours(open_24_7=True, text=Localized(
    kk="Тәулік бойы (дереккөз бойынша)", ru="Круглосуточно (по данным источника)",
    en="Round the clock (according to the source)"))


def test_open_24_7_is_said_once_with_the_record_words_after_it() -> None:
    sheet = make((CRISIS._replace(hours=AROUND_THE_CLOCK),), lang="ru")
    hours = sheet.entries[0].hours
    assert hours is not None
    assert hours.value.parts == ("круглосуточно, без выходных (по данным источника)",)


def test_open_24_7_record_saying_only_24_7_adds_nothing() -> None:
    only = Hours(open_24_7=True, text=Localized(kk="Тәулік бойы", ru="Круглосуточно", en="24/7"))
    hours = make((CRISIS._replace(hours=only),), lang="kk").entries[0].hours
    assert hours is not None and hours.value.parts == ("тәулік бойы, демалыссыз",)


def test_discreet_card_says_whose_word_the_hours_are() -> None:
    """150's hours are disputed: a card must not state them more firmly than the directory does."""
    hours = make((CRISIS._replace(hours=AROUND_THE_CLOCK),), lang="ru", discreet=True).entries[0].hours
    assert hours is not None
    assert hours.value.parts == ("круглосуточно, без выходных (по данным источника)",)


def test_discreet_card_gives_open_24_7_without_record_words_that_reveal() -> None:
    telling = Hours(open_24_7=True, text=Localized(kk=None, ru="Кризисная линия круглосуточно", en=None))
    hours = make((CRISIS._replace(hours=telling),), lang="ru", discreet=True).entries[0].hours
    assert hours is not None and hours.value.parts == ("круглосуточно, без выходных",)


SEMEY = Localized(kk="Семей", ru="Семей", en="Semey")
ABAI = Localized(kk="Абай облысы", ru="область Абай", en="Abai Region")


def near_sheet(distance: Distance, lang: str = "ru", region: str = "abai") -> Sheet:
    nearby = Nearby(place=SEMEY, region_id=region, region=ABAI, services=(CRISIS,),
                    distances={CRISIS.id: distance})
    return build_sheet((CRISIS,), NATIONAL, Options(lang=lang), printed=date(2026, 11, 24),
                       as_of="2026-11-01", nearby=nearby)


def test_near_entry_gives_its_town_and_an_approximate_distance() -> None:
    row = near_sheet(Distance(307.4, "city")).entries[0].distance
    assert row is not None and row.label.parts == ("Расстояние",)
    assert row.value.parts[0].startswith("Алматы, около 307")


def test_near_entry_in_the_client_town_says_so() -> None:
    row = near_sheet(Distance(0.0, "city"), lang="kk").entries[0].distance
    assert row is not None and row.value.parts == ("Алматы, сол елді мекенде",)


@pytest.mark.parametrize("km", [120.0, 0.0])
def test_near_entry_placed_by_its_region_centre_gives_its_region_not_a_distance(km: float) -> None:
    """Its distance is the regional capital's, which can be hundreds of kilometres off; from the
    capital itself (0 km) it is not "in the same town" either."""
    zhambyl = Localized(kk="Жамбыл облысы", ru="Жамбылская область", en="Zhambyl Region")
    row = near_sheet(Distance(km, "region_centre", zhambyl), lang="en").entries[0].distance
    assert row is not None
    assert row.value.parts == ("Zhambyl Region, place in the region not known",)


def test_near_sheet_names_where_distances_are_measured_from() -> None:
    origin = near_sheet(Distance(5.0, "location")).origin
    assert origin is not None and origin.value.parts == ("Семей",)


def test_near_sheet_without_a_service_in_the_client_region_says_so() -> None:
    elsewhere = near_sheet(Distance(800.0, "location")).elsewhere
    assert elsewhere is not None and "(область Абай)" in elsewhere.parts[0]
    assert near_sheet(Distance(5.0, "location"), region="almaty").elsewhere is None


def test_sheet_without_near_has_no_distances() -> None:
    sheet = make(lang="ru")
    assert sheet.origin is None and sheet.elsewhere is None
    assert all(e.distance is None for e in sheet.entries)


def test_discreet_card_with_only_the_national_lines_heads_them_contacts() -> None:
    assert make((), lang="en", discreet=True).national_heading.parts == ("Contacts",)
    assert make(lang="en", discreet=True).national_heading.parts == ("Other numbers",)


def test_a_sheet_of_services_without_numbers_does_not_just_say_call_them() -> None:
    """'Call before you go' with nothing to call: the sheet says how to check instead."""
    bare = [CRISIS._replace(phones=()), LEGAL._replace(phones=())]
    intro = make(bare, lang="en").intro
    assert intro is not None and "call 111 or 150 to check that it is open" in intro.parts[0]
    with_phone = make(lang="en").intro
    assert with_phone is not None and "Call before you go" in with_phone.parts[0]


def test_a_descriptive_name_is_marked_on_the_sheet_in_its_language_only() -> None:
    """A client asking for a service by a name we made up to describe it should know that."""
    marked = LEGAL._replace(name_descriptive=("en",))
    name = make([marked], lang="ru", also_lang="en").entries[0].name
    assert not name.parts[0].endswith("official one)")
    assert name.parts[1].endswith("(descriptive name, not the official one)")
    discreet_name = make([marked._replace(type="police")], lang="en", discreet=True).entries[0].name
    assert "descriptive" not in discreet_name.parts[0]


def test_a_checked_row_says_how_the_record_was_checked() -> None:
    """A page read is not a call answered: the sheet says which."""
    from kzsupport.models import Verification

    for method, said in (("official_page", "(official page)"), ("call", "(test call)")):
        checked = Verification(status="verified", date="2026-11-30", method=method)
        row = make([CRISIS._replace(verification=checked)], lang="en").entries[0].checked
        assert row is not None and row.value.parts == (f"Nov 30, 2026 {said}",)


def test_a_source_row_says_call_to_check_only_when_there_is_a_number() -> None:
    row = make([LEGAL._replace(phones=())], lang="en").entries[0].checked
    assert row is not None
    assert row.value.parts == ("undated public information, not confirmed by a call",)


def test_a_national_line_is_not_marked_as_descriptively_named() -> None:
    """It is dialled, not asked for by name: the mark would only push its number's line apart."""
    line = NATIONAL[2]._replace(name_descriptive=("en",))
    entry = build_sheet([], [line], Options(lang="en"), printed=date(2026, 11, 24),
                        as_of="2026-11-01").national[0]
    assert "descriptive" not in entry.name.parts[0]
