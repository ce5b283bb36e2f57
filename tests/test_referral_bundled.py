"""Every printable record of the bundled directory goes on a sheet in every format, and the discreet
card of every record with a phone carries no revealing word."""

from __future__ import annotations

from datetime import date

import pytest

from kzsupport import directory, store
from kzsupport.models import Directory
from kzsupport.referral import FORMATS, render
from kzsupport.referral.select import sheet_for
from kzsupport.referral.sheet import Options, printable, revealing_word


@pytest.fixture(scope="module")
def bundled() -> Directory:
    return store.load()


@pytest.mark.parametrize("langs", [("kk", "ru"), ("en", None), ("kk-latn", None)])
def test_every_printable_record_renders_in_every_format(
    bundled: Directory, langs: tuple[str, str | None]
) -> None:
    services = [s for s in directory.search(bundled) if printable(s, discreet=False)]
    assert services
    sheet = sheet_for(bundled, services, Options(lang=langs[0], also_lang=langs[1]),
                      date(2026, 11, 24))
    confidential = [t for s in bundled.services if s.address and s.address.confidential
                    and s.address.text for t in s.address.text.texts()]
    for fmt in FORMATS:
        data = render(sheet, fmt)
        assert all(t.encode() not in data for t in confidential)


@pytest.mark.parametrize("lang", ["kk", "kk-latn", "ru", "en"])
def test_discreet_card_of_every_record_with_a_phone(bundled: Directory, lang: str) -> None:
    services = [s for s in directory.search(bundled) if printable(s, discreet=True)]
    sheet = sheet_for(bundled, services, Options(lang=lang, discreet=True), date(2026, 11, 24))
    assert [t for t in sheet.all_text() if revealing_word(t)] == []
    assert all(e.address is None for e in (*sheet.entries, *sheet.national))


def test_a_large_print_sheet_in_two_languages_does_not_waste_pages(bundled: Directory) -> None:
    """Its entries are taller than a third of a page: kept whole, each took a page of its own,
    the first pushed off page one, the rest of every page blank (7 pages for 5 services). Now an
    entry starts where its name, numbers and first row fit, and every row stays whole."""
    import io

    from pypdf import PdfReader

    from kzsupport import geo, places
    from kzsupport.referral.select import choose, nearby_from

    gaz = places.load()
    [semey, *_] = gaz.resolve("Семей").candidates
    found = geo.near(bundled, gaz.measured_from(semey).point, (), None, 5, None, semey.region.id,
                     gazetteer=gaz)
    nearby = nearby_from(found, semey, bundled.regions)
    services = choose(bundled, (), None, (), 5, nearby, False)
    sheet = sheet_for(bundled, services, Options(lang="kk", also_lang="ru", large_print=True),
                      date(2026, 11, 24), near=nearby)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(render(sheet, "pdf"))).pages]
    assert len(sheet.entries) == 5 and len(pages) <= 5
    assert "Қызметтер" in pages[0] and sheet.entries[0].name.parts[0].split()[0] in pages[0]
    for entry in sheet.entries:
        for row in entry.rows():
            text = " ".join(f"{row.label.inline()}: {row.value.inline()}".split())
            assert any(text in page for page in pages), text  # never split across two pages
    for page in pages[1:]:  # rows flowing onto a page are headed by their service's name
        if "(жалғасы / продолжение)" in page:
            head = page[: page.index("(жалғасы / продолжение)")]
            assert any(" ".join(e.name.parts[0].split()) in head for e in sheet.entries), page[:200]
    assert any("(жалғасы / продолжение)" in page for page in pages)
    assert all(e.no_phone is None for e in sheet.entries)  # the intro says it once: none has a number
    for entry in sheet.national:  # its name, and under it the name in the second language
        parts = [" ".join(part.split()) for part in entry.name.distinct()]
        assert any(all(part in page for part in parts) for page in pages), parts


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_service_without_a_number_says_whom_to_ask_on_a_sheet_with_numbers(
    bundled: Directory, fmt: str
) -> None:
    """The intro says "call before you go" when some service has a number: the one without must
    say itself that it has none, and whom to ask."""
    services = [bundled.by_id("kz-astana-umit"), bundled.by_id("kz-national-legal-info-119")]
    sheet = sheet_for(bundled, services, Options(lang="en"), date(2026, 11, 24))  # type: ignore[arg-type]
    silent, numbered = sheet.entries
    assert silent.no_phone is not None and numbered.no_phone is None
    text = render(sheet, fmt)
    if fmt == "pdf":
        import io

        from pypdf import PdfReader

        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(text)).pages).encode()
    assert b"no confirmed number yet: ask 111 or 150 how to reach it" in b" ".join(text.split())
