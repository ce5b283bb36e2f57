"""Hand-made records for the referral tests: the four national lines as the research documents them,
and invented local services whose numbers are fictional (0 00 00 ...) and never shipped."""

from __future__ import annotations

from kzsupport.models import (
    Address,
    Fees,
    Hours,
    Localized,
    Phone,
    Service,
    Source,
    Verification,
)

SOURCE = (Source(title="Test source", publisher="Tests", accessed="2026-11-01"),)
VERIFIED = Verification(status="verified", date="2026-10-01", method="call")

# Planted in a confidential address: must never appear in any output.
SECRET_STREET = Localized(kk="Құпия көшесі 77", ru="улица Тайная 77", en="77 Hidden Lane")

LONG_RU_NAME = (
    "Кризисный центр для пострадавших от бытового насилия «Үміт» при Общественном фонде "
    "поддержки женщин и детей Алматинской области имени Первой учительницы"
)


def national(sid: str, stype: str, order: int, number: str, names: tuple[str, str, str],
             *more: Phone) -> Service:
    return Service(
        id=sid, type=stype, scope="national", region=None, status="active", sources=SOURCE,
        verification=VERIFIED, national_order=order,
        name=Localized(*names), description=Localized("-", "-", "-"),
        phones=(Phone(number=number, kind="short_number", display=number), *more),
        hours=Hours(open_24_7=True, text=None), languages=("kk", "ru"),
        fees=Fees(free=True),
    )


NATIONAL = (
    # Deliberately out of order: the sheet must put 112 and 102 first, then 111, then 150.
    national("kz-150", "hotline", 4, "150",
             ("150 сенім телефоны", "Телефон доверия 150", "Helpline 150"),
             Phone(number="+77081060810", kind="whatsapp", display="+7 708 106 08 10")),
    national("kz-111", "hotline", 3, "111",
             ("Тұрмыстық зорлық-зомбылық құрбандарына арналған 111 байланыс орталығы",
              "Единый контакт-центр 111 для жертв бытового насилия",
              "111 contact centre for victims of domestic violence")),
    national("kz-102", "police", 2, "102", ("Полиция", "Полиция", "Police")),
    national("kz-112", "emergency", 1, "112",
             ("Құтқару қызметі", "Служба спасения", "Emergency services")),
)

CRISIS = Service(
    id="almaty-umit", type="crisis_centre", scope="regional", region="almaty",
    status="active", sources=SOURCE, verification=VERIFIED,
    name=Localized(
        kk="«Үміт» тұрмыстық зорлық-зомбылықтан зардап шеккендерге арналған дағдарыс орталығы",
        ru=LONG_RU_NAME,
        en="Umit crisis centre for survivors of domestic violence",
    ),
    description=Localized("-", "-", "-"),
    city=Localized(kk="Алматы", ru="Алматы", en="Almaty"),
    address=Address(text=SECRET_STREET, confidential=True,
                    note=Localized(kk="Құпия", ru="Конфиденциально", en="Confidential")),
    phones=(Phone(number="+77270000000", kind="voice", display="+7 727 000 00 00",
                  note=Localized(kk="кезекші", ru="дежурный", en="duty line")),),
    hours=Hours(open_24_7=True, text=None),
    languages=("kk", "ru"),
    services_offered=("shelter", "psychological_help", "legal_advice"),
    fees=Fees(free=True),
    required_documents=(Localized(kk="жеке куәлік", ru="удостоверение личности", en="ID card"),),
)

LEGAL = Service(
    id="astana-legal", type="legal_aid", scope="regional", region="astana", status="active",
    sources=SOURCE, verification=Verification(status="source_only", date="2026-09-15"),
    name=Localized(kk="Заң көмегі орталығы", ru="Центр правовой помощи", en="Legal aid centre"),
    description=Localized("-", "-", "-"),
    city=Localized(kk="Астана", ru="Астана", en="Astana"),
    address=Address(text=Localized(kk="Абай даңғылы 1", ru="проспект Абая 1", en="1 Abai Avenue"),
                    confidential=False),
    phones=(Phone(number="+77170000000", kind="voice", display="+7 717 000 00 00"),),
    hours=Hours(open_24_7=False, text=Localized(kk="Дс–Жм 9:00–18:00", ru="Пн–Пт 9:00–18:00",
                                                  en="Mon–Fri 9:00–18:00")),
    languages=("kk", "ru", "en"),
    services_offered=("legal_advice", "legal_representation"),
)

UNVERIFIED = LEGAL._replace(id="unverified-one",
                     verification=Verification(status="unverified"),
                     name=Localized(kk="Тексерілмеген", ru="Непроверенный", en="Not checked"))

CLOSED = LEGAL._replace(id="closed-one", status="inactive")

# A name that tries to inject markup into HTML and Markdown.
NASTY = LEGAL._replace(id="nasty", name=Localized(
    kk="<script>alert(1)</script> [клик](http://x) **қалың**",
    ru="<script>alert(1)</script> [клик](http://x) **жирный**",
    en="<script>alert(1)</script> [click](http://x) **bold**"))
