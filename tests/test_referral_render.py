"""Every format, every language, every mode: what a produced file contains and what it never does."""

from __future__ import annotations

import io
import itertools
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kzsupport.referral import FORMATS, render
from kzsupport.referral.sheet import Options, Sheet, build_sheet
from tests.referral_samples import CRISIS, LEGAL, LONG_RU_NAME, NASTY, NATIONAL, SECRET_STREET

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
    if fmt != "txt":  # the messenger text keeps to outcomes and next steps
        assert "176-VI" in text
