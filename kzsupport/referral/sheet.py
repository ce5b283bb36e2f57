"""The referral sheet model: one neutral, already-translated description of a sheet that every renderer
(text, Markdown, HTML, PDF) draws from.

Safety is decided here and nowhere else:

* a record that is unverified or not active is refused (``SheetRefused``);
* a confidential address is never read: only ``Service.public_address`` is, and a final check makes sure
  no confidential address text appears anywhere in the model;
* in discreet mode there is no address, no purpose-revealing name or wording, only what the client needs
  to call, and a final check refuses the sheet if any text in it contains a word from
  ``REVEALING_WORDS``.

A sheet is written in the *client's* language (and optionally a second one), which may differ from the
interface language, so every text here comes from a translator object made for that language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from gettext import NullTranslations
from typing import TYPE_CHECKING, Any

from kzsupport import labels
from kzsupport.errors import BadInput, KzSupportError, Phrase
from kzsupport.i18n import N_, content_lang, fmt_date, fmt_distance_km, text, translator
from kzsupport.models import Localized, Phone, Service

if TYPE_CHECKING:  # the sheet reads evaluated outcomes; it never loads the rules itself
    from kzsupport.eligibility import ActCitation, ProgrammeOutcome

SHEET_LANGS: tuple[str, ...] = ("kk", "kk-latn", "ru", "en")

# Word stems that must never appear on a discreet sheet, in Kazakh, Russian and English (case-folded).
REVEALING_WORDS: tuple[str, ...] = (
    # en
    "violen", "abuse", "crisis", "shelter", "refuge", "victim", "domestic", "traffick", "rape",
    "assault", "battered", "sexual", "harass", "stalk",
    # ru
    "насил", "изнасил", "кризис", "убежищ", "приют", "жертв", "пострадав", "бытов", "торговл",
    "побо", "домогат", "сексуал", "преследова",
    # kk (Cyrillic and the 2021 Latin alphabet)
    "зорлық", "зорла", "зомбылық", "дағдарыс", "баспана", "жәбірлен", "зардап", "құрбан",
    "тұрмыстық", "жыныстық", "қудала",
    "zorlyq", "zorla", "zombylyq", "dagdarys", "dağdarys", "baspana", "jäbirlen", "zardap",
    "qurban", "qūrban", "turmystyq", "tūrmystyq", "jynystyq", "qudala", "qūdala",
)

# A stem counts at the start of a word only ("rape" in "therapeutic" is not a hit).
_REVEALING = re.compile(r"\b(?:" + "|".join(map(re.escape, REVEALING_WORDS)) + ")", re.IGNORECASE)

# Types whose recorded name is printed on a discreet card when it carries no revealing word (112,
# 102, 103, the e-government line): every other type always gets its neutral label, whatever its
# name says.
_PLAIN_TYPES = ("emergency", "police", "health", "government_info")

_NEUTRAL_LABEL: dict[str, str] = {
    "emergency": N_("Emergency services"),
    "police": N_("Police"),
    "hotline": N_("Advice line"),
    "crisis_centre": N_("Support centre"),
    "shelter": N_("Support centre"),
    "legal_aid": N_("Legal advice"),
    "child_rights": N_("Family advice"),
    "family_support": N_("Family advice"),
    "health": N_("Medical advice"),
    "social_services": N_("Social services"),
    "ngo": N_("Advice line"),
    "government_info": N_("Information line"),
}

# The same msgids as the eligibility command's view, so one translation serves both.
_OUTCOME_LABEL: dict[str, str] = {
    "eligible": N_("Entitled"),
    "not_eligible": N_("Not entitled"),
    "depends": N_("Depends"),
    "no_rules": N_("Not covered by the rules"),
}



@dataclass(frozen=True)
class Text:
    """One text in each sheet language, in the sheet's language order (one or two parts)."""

    parts: tuple[str, ...]

    def distinct(self) -> tuple[str, ...]:
        """The parts without repeats (a number or a name that reads the same in both languages)."""
        return tuple(dict.fromkeys(p for p in self.parts if p))

    def inline(self, sep: str = " / ") -> str:
        return sep.join(self.distinct())

    def __bool__(self) -> bool:
        return any(self.parts)


@dataclass(frozen=True)
class Row:
    """A labelled line of an entry: ``label: value``."""

    key: str
    label: Text
    value: Text


@dataclass(frozen=True)
class PhoneLine:
    kind: Text
    number: str
    note: Text | None = None
    messenger: bool = False

    def compact(self) -> str:
        """``150`` for a call, ``WhatsApp +7 708 106 08 10`` for a messenger (brand names need no
        translation)."""
        return f"{self.kind.parts[0]} {self.number}" if self.messenger else self.number


@dataclass(frozen=True)
class Entry:
    # Never printed (so not checked for revealing words): ids such as "almaty-crisis-centre" are fine.
    service_id: str = field(metadata={"printed": False})
    name: Text
    phones: tuple[PhoneLine, ...]
    no_phone: Row | None = None  # said in place of the numbers when a service has none
    distance: Row | None = None
    address: Row | None = None
    hours: Row | None = None
    languages: Row | None = None
    free: Row | None = None
    offers: Row | None = None
    bring: Row | None = None
    notes: Row | None = None
    checked: Row | None = None

    def numbers(self) -> str:
        """All numbers on one line, for the national lines block."""
        return ", ".join(p.compact() for p in self.phones)

    def rows(self) -> tuple[Row, ...]:
        """The labelled rows in reading order (phones come first and are rendered apart)."""
        candidates = (
            self.no_phone, self.distance, self.address, self.hours, self.languages, self.free,
            self.offers, self.bring, self.notes, self.checked,
        )
        return tuple(r for r in candidates if r is not None)


@dataclass(frozen=True)
class Outcome:
    """One programme's eligibility outcome as printed: why, what to do, and the legal basis."""

    programme: Text
    outcome: Text
    explanation: Text
    next_steps: tuple[Text, ...] = ()
    basis: Row | None = None


@dataclass(frozen=True)
class Distance:
    """How far a service found by --near is from the client's place."""

    km: float
    placed_by: str  # location | city | region_centre: what the distance is measured to
    region: Localized | None = None  # the service's region: all a sheet can say of where it is


@dataclass(frozen=True)
class Nearby:
    """What --near found: the place distances are measured from, its region, and the services
    nearest first with their distances."""

    place: Localized
    region_id: str
    region: Localized
    services: tuple[Service, ...]
    distances: Mapping[str, Distance]


@dataclass(frozen=True)
class Options:
    lang: str = "en"
    also_lang: str | None = None
    discreet: bool = False
    large_print: bool = False

    @property
    def langs(self) -> tuple[str, ...]:
        if self.also_lang and self.also_lang != self.lang:
            return (self.lang, self.also_lang)
        return (self.lang,)


@dataclass(frozen=True)
class Sheet:
    langs: tuple[str, ...]
    discreet: bool
    large_print: bool
    title: Text
    urgent: Text | None  # "In danger now: call 112 or 102", first thing under the title
    intro: Text | None
    origin: Row | None  # where the distances of a --near sheet are measured from
    elsewhere: Text | None  # a --near sheet with no service in the client's region says so
    services_heading: Text
    entries: tuple[Entry, ...]
    continued: Text  # after an entry's name repeated atop a page its rows flow onto (PDF)
    national_heading: Text
    national: tuple[Entry, ...]
    eligibility_heading: Text | None
    eligibility: tuple[Outcome, ...]
    note: Text
    printed: Row
    as_of: Row

    def all_text(self) -> Iterator[str]:
        """Every string a renderer may print (for the safety checks and the tests)."""
        yield from _strings(self)


class SheetRefused(KzSupportError):
    """A service that must not go on a sheet (unverified, inactive, nothing to call on a discreet card)."""


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, tuple):
        for item in obj:
            yield from _strings(item)
    elif is_dataclass(obj) and not isinstance(obj, type):
        for f in fields(obj):
            if f.metadata.get("printed", True):
                yield from _strings(getattr(obj, f.name))


def local_number(phone: Phone, *, international: bool = False) -> str:
    """A number as the reader dials it, keeping the record's grouping. In Kazakhstan:
    ``8 (7172) ...`` for a call (``+7`` becomes ``8``, which a landline needs too), ``+7 ...`` for a
    messenger (it needs the country code). ``international``: ``+7 ...`` for a call as well, which
    any mobile dials, one with a foreign SIM included. A short number or a handle stays as it is."""
    display = phone.display.strip()
    if not phone.number.startswith("+7"):
        return display
    if international or phone.brand is not None:
        return "+7" + display[1:] if display.startswith("8") else display
    return "8" + display[2:] if display.startswith("+7") else display


class _Writer:
    """Texts in the sheet's languages: interface wording via gettext, record content via ``text()``."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs
        self._tr = [translator(lang) for lang in langs]

    def msg(self, msgid: str, **params: Any) -> Text:
        return Text(tuple(t.gettext(msgid).format(**params) for t in self._tr))

    def loc(self, value: Localized | None) -> Text:
        return Text(tuple(text(value, lang) for lang in self.langs))

    def date(self, value: date | str) -> Text:
        return Text(tuple(fmt_date(value, lang) for lang in self.langs))

    def each_lang(self, make: Callable[[NullTranslations, str], str]) -> Text:
        """``make(translator, lang)`` for each sheet language."""
        return Text(tuple(make(t, lang) for t, lang in zip(self._tr, self.langs, strict=True)))

    def each(self, msgid: str, name: str, values: Text) -> Text:
        """``msgid`` with the field ``name`` filled, per language, from ``values``."""
        return Text(tuple(
            t.gettext(msgid).format(**{name: v})
            for t, v in zip(self._tr, values.parts, strict=True)
        ))

    def row(self, key: str, label: str, value: Text) -> Row:
        return Row(key=key, label=self.msg(label), value=value)

    def join(self, msgids: Sequence[str]) -> Text:
        return Text(tuple(", ".join(t.gettext(m) for m in msgids) for t in self._tr))

    def concat(self, texts: Sequence[Text], sep: str) -> Text:
        """Texts joined per language, empty parts skipped."""
        return Text(tuple(sep.join(t.parts[i] for t in texts if t.parts[i])
                          for i in range(len(self.langs))))


def check_printable(service: Service, *, discreet: bool) -> None:
    """Refuse a record that must not be printed. The one gate every sheet entry passes."""
    if service.is_unverified:
        raise SheetRefused(
            N_("Service {service_id} is not verified yet, so it cannot go on a sheet."),
            service_id=service.id,
        )
    if service.status != "active":
        raise SheetRefused(
            N_("Service {service_id} is not active ({status}), so it cannot go on a sheet."),
            service_id=service.id,
            status=Phrase(labels.STATUSES.get(service.status, service.status)),
        )
    if discreet and not service.phones:
        raise SheetRefused(
            N_("Service {service_id} has no phone number, so it cannot go on a discreet card."),
            service_id=service.id,
        )


def _discreet_name(service: Service, w: _Writer) -> Text:
    """The recorded name only for a plain type and only if no word in it reveals a purpose; else
    the neutral label of the type ("Advice line", "Support centre" ...)."""
    if service.type in _PLAIN_TYPES:
        recorded = w.loc(service.name)
        if not any(revealing_word(part) for part in recorded.parts):
            return recorded
    return w.msg(_NEUTRAL_LABEL.get(service.type, N_("Advice line")))


def printable(service: Service, *, discreet: bool) -> bool:
    """Whether ``check_printable`` lets the record through (for choosing among search results)."""
    try:
        check_printable(service, discreet=discreet)
    except SheetRefused:
        return False
    return True


def _name(service: Service, w: _Writer) -> Text:
    """The record's name; one the data marks as descriptive says it is not the official name, which
    a client asking for the service by it should know."""
    return w.each_lang(lambda t, lang: text(service.name, lang) + (
        " " + t.gettext(N_("(descriptive name, not the official one)"))
        if content_lang(lang) in service.name_descriptive else ""))


def _entry(service: Service, w: _Writer, discreet: bool, distance: Distance | None = None,
           alone: bool = False) -> Entry:
    """``alone``: no service on the sheet has a number, which its intro says once for all."""
    if discreet:
        name = _discreet_name(service, w)
    elif service.is_national:  # reached by its number, not asked for by name at a door
        name = w.loc(service.name)
    else:
        name = _name(service, w)
    # A sheet in English only is most likely for someone from abroad, whose phone may have a
    # foreign SIM: "8 ..." does not work from one, "+7 ..." works from any mobile.
    international = w.langs == ("en",)
    phones = tuple(
        PhoneLine(
            # A messenger keeps its brand name; a voice line or a short number is "Phone".
            kind=Text((p.brand,)) if p.brand is not None else w.msg(N_("Phone")),
            number=local_number(p, international=international),
            note=None if discreet or p.note is None else w.loc(p.note),
            messenger=p.brand is not None,
        )
        for p in service.phones
    )
    # A confidential address without a number says already whom to go through.
    silent = not phones and not (discreet or alone) and not (service.address and service.address.confidential)
    return Entry(
        service_id=service.id,
        name=name,
        phones=phones,
        no_phone=w.row("phone", N_("Phone"), w.msg(N_(
            "no confirmed number yet: ask 111 or 150 how to reach it"
        ))) if silent else None,
        distance=None if distance is None else _distance(service, distance, w),
        address=None if discreet else _address(service, w),
        hours=_hours(service, w, discreet),
        languages=_languages(service, w),
        free=(w.row("free", N_("Cost"), w.msg(N_("free of charge"))) if service.fees
              and service.fees.free else None),
        offers=None if discreet or not service.services_offered else w.row(
            "offers", N_("Offers"),
            w.join([labels.OFFERS[o] for o in service.services_offered if o in labels.OFFERS]),
        ),
        bring=None if discreet or not service.required_documents else w.row(
            "bring", N_("What to bring"),
            w.concat([w.loc(d) for d in service.required_documents], "; "),
        ),
        notes=None if discreet or not service.caveats else w.row(
            "notes", N_("Please note"), w.concat([w.loc(c) for c in service.caveats], " "),
        ),
        checked=_checked(service, w),
    )


def _address(service: Service, w: _Writer) -> Row | None:
    if service.address is not None and service.address.confidential:
        # The confidential address object is not read at all: only the town (which is not secret
        # and tells a client whether the service is within reach) and a fixed sentence are printed.
        # Without a number of its own, "given by phone" would send the client nowhere.
        how = w.msg(N_("given by phone")) if service.phones else w.msg(N_(
            "kept confidential: make contact through the police (102) or the 111 or 150 lines"
        ))
        return w.row("address", N_("Address"), w.concat([w.loc(service.city), how], "; "))
    public = service.public_address
    city = w.loc(service.city)
    street = w.loc(public.text if public is not None else None)
    if not city and not street:
        return None
    # "Караганда, Караганда, ..." when the address already starts with its city: print it once.
    value = Text(tuple(
        s if c and s.casefold().startswith(c.casefold()) else ", ".join(p for p in (c, s) if p)
        for c, s in zip(city.parts, street.parts, strict=True)
    ))
    return w.row("address", N_("Address"), value)


def _distance(service: Service, d: Distance, w: _Writer) -> Row:
    """``Pavlodar, about 307 km``: the town (so that a far service is not taken for a local one)
    and a rounded straight-line distance, which is measured to the town when the service has no
    coordinates of its own."""
    if d.placed_by == "region_centre":  # the figure could be hundreds of kilometres off
        where = w.loc(d.region) if d.region is not None else w.loc(service.city)
        return w.row("distance", N_("Distance"),
                     w.concat([where, w.msg(N_("place in the region not known"))], ", "))
    if d.placed_by != "location" and d.km < 1:
        how = w.msg(N_("in the same town"))
    else:
        how = w.each_lang(lambda t, lang: t.gettext(N_("about {distance}"))
                          .format(distance=fmt_distance_km(d.km, lang)))
    return w.row("distance", N_("Distance"), w.concat([w.loc(service.city), how], ", "))


def _hours(service: Service, w: _Writer, discreet: bool) -> Row | None:
    if service.hours is None:
        return None
    if service.hours.open_24_7:
        always = w.msg(N_("24 hours, 7 days a week"))
        # The record's own words in brackets after the label, without its own "24/7" again: they say
        # whose word the hours are ("according to ..."), which a discreet card keeps too, unless a
        # word in them would tell what the service is for.
        notes = Text(tuple(n if n.startswith("(") or not n else f"({n})"
                           for n in map(labels.hours_note, w.loc(service.hours.text).parts)))
        if discreet and any(revealing_word(n) for n in notes.parts):
            return w.row("hours", N_("Hours"), always)
        return w.row("hours", N_("Hours"), w.concat([always, notes], " "))
    if service.hours.text is None:
        return None
    return w.row("hours", N_("Hours"), w.loc(service.hours.text))


def _languages(service: Service, w: _Writer) -> Row | None:
    known = [labels.LANGUAGE_NAMES[c] for c in service.languages if c in labels.LANGUAGE_NAMES]
    if not known:
        return None
    return w.row("languages", N_("Languages"), w.join(known))


def _checked(service: Service, w: _Writer) -> Row:
    """When the record was confirmed; for one never confirmed by a call, how old its public source
    is, since the day of our desk research says nothing about whether the service still exists."""
    v = service.verification
    if v.status == "verified":
        if v.date is None:
            return w.row("checked", N_("Checked"), w.msg(N_("date not recorded; call to confirm")))
        checked_on, method = v.date, labels.METHODS.get(v.method or "")
        if method is None:
            return w.row("checked", N_("Checked"), w.date(checked_on))
        # How it was checked too: a page read is not a call answered.
        return w.row("checked", N_("Checked"), w.each_lang(
            lambda t, lang: f"{fmt_date(checked_on, lang)} ({t.gettext(method)})"))
    years = [s.date[:4] for s in service.sources if s.date]
    if service.phones:  # "call to check" only where the sheet gives a number to call
        undated = N_("undated public information, not confirmed by a call: call to check")
        dated = N_("public information from {year}, not confirmed by a call: call to check")
    else:
        undated = N_("undated public information, not confirmed by a call")
        dated = N_("public information from {year}, not confirmed by a call")
    value = w.msg(dated, year=max(years)) if years else w.msg(undated)
    return w.row("checked", N_("Source"), value)


def _national_key(service: Service) -> tuple[int, int, str]:
    """112 and 102 first, then the other national lines in their recorded order (111, 150 ...)."""
    first = 0 if service.type in ("emergency", "police") else 1
    order = service.national_order if service.national_order is not None else 999
    return (first, order, service.id)


def _outcome(result: ProgrammeOutcome, w: _Writer) -> Outcome:
    """An evaluated programme, explained by the rules that hold for this client (not by every rule
    that could still decide it: a sheet is not the rule book)."""
    from kzsupport.eligibility import by_act  # one entry per act, however many rules cite it

    fired = result.fired
    citations = by_act(c for r in fired for c in r.citations)
    if fired:
        explanation = w.concat([w.loc(r.explanation) for r in fired], " ")
    elif result.depends_on:
        explanation = w.concat([w.loc(d) for d in result.depends_on], " ")
    else:
        explanation = w.msg(N_("This depends on answers not given yet: ask a caseworker to check it "
                               "with you."))
    steps = {step: None for r in fired for step in r.next_steps}  # in order, without repeats
    return Outcome(
        programme=w.loc(result.name),
        outcome=w.msg(_OUTCOME_LABEL.get(result.outcome, result.outcome)),
        explanation=explanation,
        next_steps=tuple(w.loc(step) for step in steps),
        basis=w.row("basis", N_("Legal basis"), w.concat([_citation(c, w) for c in citations], "; "))
        if citations else None,
    )


def _citation(c: ActCitation, w: _Writer) -> Text:
    """One act, once, with every article the rules cite from it ("articles 71, 271, 272")."""
    from kzsupport.eligibility import citation_words, number_text

    first = c.cited

    def one(t: NullTranslations, lang: str) -> str:
        cited = citation_words(text(first.act, lang), number_text(first, t.gettext),
                               fmt_date(first.date, lang), c.articles, t.gettext)
        if not c.verified:
            return "{} ({})".format(cited, t.gettext(N_("NOT VERIFIED")))
        if c.unverified:  # only some of the articles
            return "{} ({})".format(cited, t.gettext(N_("NOT VERIFIED: {articles}")).format(
                articles=", ".join(c.unverified)))
        return cited

    return w.each_lang(one)


def build_sheet(
    services: Sequence[Service],
    national: Sequence[Service],
    options: Options,
    *,
    printed: date,
    as_of: str,
    eligibility: Sequence[ProgrammeOutcome] = (),
    nearby: Nearby | None = None,
) -> Sheet:
    """The sheet for ``services`` (in the given order) with the ``national`` lines block; with
    ``nearby`` (a --near sheet) each service found there shows its town and distance.

    Raises ``SheetRefused`` for a record that must not be printed, ``BadInput`` for options that
    cannot be honoured (a language not offered, eligibility outcomes on a discreet card).
    """
    for lang in options.langs:
        if lang not in SHEET_LANGS:
            raise BadInput(
                N_("Sheets are offered in {langs}, not in {lang}."),
                langs=", ".join(SHEET_LANGS), lang=lang,
            )
    if options.discreet and eligibility:
        raise BadInput(
            N_("Eligibility outcomes name what happened, so they cannot go on a discreet card. "
               "Leave out --discreet or --eligibility.")
        )
    for service in services:
        check_printable(service, discreet=options.discreet)
    w = _Writer(options.langs)
    discreet = options.discreet
    chosen = {s.id for s in services}
    lines = sorted(
        (s for s in national if s.id not in chosen and not s.is_unverified and s.status == "active"
         and s.phones),
        key=_national_key,
    )
    numbered = any(s.phones for s in services)
    sheet = Sheet(
        langs=options.langs,
        discreet=discreet,
        large_print=options.large_print,
        title=w.msg(N_("Useful contacts") if discreet else N_("Where to get help")),
        # On page one, whatever follows: the national block can fall on a later page.
        urgent=None if discreet else w.msg(N_("In danger now: call 112 or 102.")),
        intro=None if discreet or not services else w.msg(
            N_("These services were chosen for you. Call before you go: hours and addresses change.")
            if numbered else
            N_("These services were chosen for you. None has a confirmed phone number yet: before "
               "you go, call 111 or 150 to check that it is open.")
        ),
        origin=None if nearby is None or not services else w.row(
            "origin", N_("Distances in a straight line from"), w.loc(nearby.place)),
        elsewhere=w.each(
            N_("Your region ({region}) has none of these: they are in other regions, so call "
               "before you travel."), "region", w.loc(nearby.region),
        ) if nearby is not None and services and all(
            s.region != nearby.region_id for s in services) else None,
        services_heading=w.msg(N_("Contacts") if discreet else N_("Services")),
        entries=tuple(
            _entry(s, w, discreet, nearby.distances.get(s.id) if nearby else None,
                   alone=not numbered)
            for s in services
        ),
        continued=w.msg(N_("continued")),
        # "Other numbers" only under contacts of its own: a card with none just has "Contacts".
        national_heading=w.msg(N_("National lines") if not discreet
                               else N_("Other numbers") if services else N_("Contacts")),
        national=tuple(_entry(s, w, discreet) for s in lines),
        # "Entitled" must not read as a ruling: the heading says what the outcomes are.
        eligibility_heading=w.msg(N_("What you may be entitled to: guidance, not a legal decision"))
        if eligibility else None,
        eligibility=tuple(_outcome(r, w) for r in eligibility),
        note=w.msg(
            N_("Numbers can change. If a number does not answer, call 111 or 150.") if discreet
            else N_("Numbers change. If a number does not answer, call 111 or 150: "
                    "they can help you find the right service.")
        ),
        printed=w.row("printed", N_("Printed"), w.date(printed)),
        as_of=w.row("as_of", N_("Data as of"), w.date(as_of)),
    )
    _check_confidential(sheet, [*services, *national])
    if discreet:
        _check_discreet(sheet)
    return sheet


def _check_confidential(sheet: Sheet, services: Sequence[Service]) -> None:
    """Fail closed if any confidential address text reached the sheet by any route."""
    secrets = [
        t.strip() for s in services
        if s.address is not None and s.address.confidential and s.address.text is not None
        for t in s.address.text.texts() if t.strip()
    ]
    if not secrets:
        return
    for value in sheet.all_text():
        for secret in secrets:
            if secret in value:
                raise SheetRefused(
                    N_("A confidential address would appear on the sheet; nothing was written.")
                )


def revealing_word(value: str) -> str | None:
    """The first word stem of ``REVEALING_WORDS`` found in ``value``, or ``None``."""
    found = _REVEALING.search(value)
    return found.group(0) if found else None


def _check_discreet(sheet: Sheet) -> None:
    for value in sheet.all_text():
        if revealing_word(value):
            raise SheetRefused(
                N_("This sheet cannot be made discreet: the text “{text}” would reveal its purpose."),
                text=value,
            )
