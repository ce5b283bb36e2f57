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
