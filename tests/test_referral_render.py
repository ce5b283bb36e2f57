"""Every format, every language, every mode: what a produced file contains and what it never does."""

from __future__ import annotations

import io
import itertools
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kzsupport.models import Localized, Phone
from kzsupport.referral import FORMATS, render
from kzsupport.referral.sheet import Distance, Nearby, Options, Sheet, build_sheet
from tests.referral_samples import (
    CRISIS,
    LEGAL,
    LONG_RU_NAME,
    NASTY,
    NATIONAL,
    SECRET_STREET,
    national,
)

# The test's own list, kept apart from the code's: words a discreet card must never carry.
FORBIDDEN = (
    "violence", "violent", "abuse", "crisis", "shelter", "victim", "domestic", "trafficking",
    "насили", "кризис", "убежищ", "приют", "жертв", "бытов",
    "зорлық", "зомбылық", "дағдарыс", "баспана", "жәбірлен", "құрбан", "тұрмыстық",
    "zorlyq", "dağdarys", "baspana", "qūrban", "tūrmystyq",
)

LANG_PAIRS = [("kk", None), ("ru", None), ("en", None), ("kk-latn", None), ("kk", "ru"),
              ("ru", "kk"), ("en", "kk")]


def make(lang: str, also: str | None = None, discreet: bool = False, large: bool = False,
         services: tuple[object, ...] = (CRISIS, LEGAL)) -> Sheet:
    return build_sheet(
        services, NATIONAL,  # type: ignore[arg-type]
        Options(lang=lang, also_lang=also, discreet=discreet, large_print=large),
        printed=date(2026, 11, 24), as_of="2026-11-01",
    )


def text_of(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8")


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every format x language pair x mode, written to files as a volunteer would."""
    folder = tmp_path_factory.mktemp("sheets")
    paths = []
    for (lang, also), discreet, fmt in itertools.product(LANG_PAIRS, (False, True), FORMATS):
        path = folder / "{}-{}-{}.{}".format(lang, also, "d" if discreet else "n", fmt)
        path.write_bytes(render(make(lang, also, discreet), fmt))
        paths.append(path)
    return paths


def test_no_confidential_address_in_any_produced_file(produced: list[Path]) -> None:
    for path in produced:
        content = text_of(path.read_bytes(), path.suffix[1:])
        raw = path.read_bytes()
        for secret in SECRET_STREET.texts():
            assert secret not in content, path.name
            assert secret.encode() not in raw, path.name


def test_no_revealing_word_in_any_discreet_file(produced: list[Path]) -> None:
    for path in produced:
        if "-d." not in path.name:
            continue
        content = text_of(path.read_bytes(), path.suffix[1:]).casefold()
        hits = [w for w in FORBIDDEN if w in content]
        assert hits == [], path.name


def test_normal_sheet_does_name_the_services(produced: list[Path]) -> None:
    ru = next(p for p in produced if p.name == "ru-None-n.md")
    assert "Кризисный центр" in ru.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_text_formats_list_the_national_lines_in_order(fmt: str) -> None:
    out = render(make("ru"), fmt).decode()
    positions = [out.index(n) for n in ("112", "102", "111 ", "150")]
    assert positions == sorted(positions)


def test_txt_is_short_enough_for_a_messenger() -> None:
    out = render(make("kk", "ru"), "txt").decode()
    assert len(out) < 2500 and len(out.splitlines()) < 40


def test_html_escapes_data() -> None:
    out = render(make("en", services=(NASTY,)), "html").decode()
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_html_is_self_contained_with_print_styles() -> None:
    out = render(make("kk", "ru"), "html").decode()
    assert "@page" in out and "@media print" in out and '<html lang="kk">' in out
    assert "http" not in out.replace('content="width=device-width', "")
    assert '<span class="l2" lang="ru">' in out


def test_markdown_escapes_data() -> None:
    out = render(make("en", services=(NASTY,)), "md").decode()
    assert "\\[click\\]" in out and "\\*\\*bold\\*\\*" in out and "\\<script\\>" in out


def test_pdf_is_a4_with_page_numbers_and_the_embedded_font() -> None:
    data = render(make("kk"), "pdf")
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert f"1 / {len(reader.pages)}" in page.extract_text()
    assert b"/FontFile2" in data and b"DejaVuSans" in data


def test_pdf_text_in_kazakh_has_every_kazakh_letter_it_was_given() -> None:
    text = text_of(render(make("kk"), "pdf"), "pdf")
    assert "Құтқару қызметі" in text  # 112
    assert "«Үміт»" in text
    assert "150 сенім телефоны" in text


def test_pdf_wraps_a_long_russian_name_instead_of_clipping_it() -> None:
    text = " ".join(text_of(render(make("ru"), "pdf"), "pdf").split())
    assert " ".join(LONG_RU_NAME.split()) in text


def test_pdf_with_two_languages_carries_both() -> None:
    text = text_of(render(make("kk", "ru"), "pdf"), "pdf")
    assert "Құтқару қызметі" in text and "Служба спасения" in text


def test_large_print_takes_more_pages() -> None:
    services = (CRISIS, LEGAL) * 3
    normal = PdfReader(io.BytesIO(render(make("ru", services=services), "pdf")))
    large = PdfReader(io.BytesIO(render(make("ru", large=True, services=services), "pdf")))
    assert len(large.pages) > len(normal.pages)


def test_pdf_carries_no_tool_name_in_its_metadata() -> None:
    reader = PdfReader(io.BytesIO(render(make("ru", discreet=True), "pdf")))
    meta = reader.metadata
    assert meta is not None
    assert all("kzsupport" not in str(v).lower() for v in meta.values())


@pytest.mark.parametrize("fmt", FORMATS)
def test_eligibility_outcomes_appear_in_every_format(fmt: str) -> None:
    from kzsupport import eligibility

    facts = eligibility.parse_answers([("victim_of", "sexual_violence"), ("age", "30")])
    results = eligibility.evaluate(facts, as_of=date(2026, 11, 24))
    sheet = build_sheet([LEGAL], NATIONAL, Options(lang="ru"), printed=date(2026, 11, 24),
                        as_of="2026-11-01", eligibility=results)
    text = " ".join(text_of(render(sheet, fmt), fmt).split())
    first = sheet.eligibility[0]
    assert first.programme.parts[0] in text and first.outcome.parts[0] in text
    assert first.next_steps and " ".join(first.next_steps[0].parts[0].split()) in text
    assert "176-VI" in text
    # The short messenger text too: the why and the basis carry the caveats (an unverified article).
    for outcome in sheet.eligibility:
        parts = [outcome.explanation] + ([outcome.basis.value] if outcome.basis else [])
        for part in parts:
            assert " ".join(part.parts[0].split()) in text
    assert "ориентир, а не юридическое решение" in text


def near_make(lang: str, discreet: bool = False) -> Sheet:
    nearby = Nearby(
        place=Localized(kk="Семей", ru="Семей", en="Semey"), region_id="abai",
        region=Localized(kk="Абай облысы", ru="область Абай", en="Abai Region"),
        services=(CRISIS,), distances={CRISIS.id: Distance(307.0, "city")},
    )
    return build_sheet((CRISIS,), NATIONAL, Options(lang=lang, discreet=discreet),
                       printed=date(2026, 11, 24), as_of="2026-11-01", nearby=nearby)


@pytest.mark.parametrize(("fmt", "discreet"), list(itertools.product(FORMATS, (False, True))))
def test_every_format_shows_the_town_and_distance_of_a_near_service(fmt: str,
                                                                    discreet: bool) -> None:
    text = " ".join(text_of(render(near_make("ru", discreet), fmt), fmt).split())
    assert "Расстояние" in text and "Алматы, около 307" in text
    assert "Расстояния по прямой отсчитаны от: Семей" in text
    assert "В вашем регионе (область Абай)" in text


def _fonts(data: bytes) -> dict[str, str]:
    """Each text fragment of a PDF's first page and the name of its font."""
    found: dict[str, str] = {}

    def visit(text: str, cm: object, tm: object, font: dict[str, str] | None, size: object) -> None:
        if text.strip() and font:
            found.setdefault(text.strip(), font["/BaseFont"])

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("discreet", [False, True])
def test_pdf_phone_label_is_bold_like_every_other_label(discreet: bool) -> None:
    fonts = _fonts(render(make("ru", discreet=discreet), "pdf"))
    assert fonts["Телефон:"].endswith("Bold")
    assert fonts["Часы работы:"].endswith("Bold")


@pytest.mark.parametrize(("count", "large"), [(n, large) for n in range(1, 7) for large in (False, True)])
def test_pdf_closing_note_never_stands_alone_on_a_page(count: int, large: bool) -> None:
    """The page with "if a number does not answer, call 111 or 150" also has a national line."""
    sheet = make("ru", large=large, services=(CRISIS, LEGAL) * count)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render(sheet, "pdf"))).pages]
    last = pages[-1]
    assert "Если номер не отвечает" in " ".join(last.split())
    assert "Телефон доверия 150" in last


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_says_whom_to_call_in_danger_before_anything_else(fmt: str) -> None:
    """On page one of a PDF too: with large print the national lines fall on a later page."""
    urgent = "Если опасность угрожает прямо сейчас, звоните 112 или 102."
    data = render(make("ru", large=True), fmt)
    first = (PdfReader(io.BytesIO(data)).pages[0].extract_text() if fmt == "pdf"
             else text_of(data, fmt))
    assert " ".join(urgent.split()) in " ".join(first.split())
    assert first.index("112") < first.index("Кризисный центр")
    assert "112 или 102" not in text_of(render(make("ru", discreet=True), fmt), fmt)


def test_a_sheet_with_no_service_does_not_say_services_were_chosen() -> None:
    out = render(make("en", services=()), "txt").decode()
    assert "chosen for you" not in out
    assert "In danger now: call 112 or 102." in out and "National lines" in out


def test_pdf_never_splits_a_national_number_across_lines() -> None:
    """A line with several numbers in large print wraps between numbers, never inside one."""
    numbers = ("+7 700 000 00 01", "+7 700 000 00 02", "+7 700 000 00 03", "8 7000 00 00 04")
    many = national("kz-150", "hotline", 4, "150", ("150 сенім телефоны", "Телефон доверия 150",
                                                    "Helpline 150"),
                    *(Phone(number=n.replace(" ", ""), kind="whatsapp", display=n) for n in numbers))
    sheet = build_sheet((), (many,), Options(lang="ru", large_print=True),
                        printed=date(2026, 11, 24), as_of="2026-11-01")
    lines = text_of(render(sheet, "pdf"), "pdf").splitlines()
    for number in numbers:
        assert any(number in line for line in lines), number
    html = text_of(render(sheet, "html"), "html")
    assert all(f'<span class="phone">WhatsApp {n}</span>' in html for n in numbers)
