"""Interactive ``db add`` and ``db edit``: one prompt per field, each language in turn, every answer
checked as it is typed (phone numbers, region, coordinates, type), so a mistake is caught at once."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import Any

import click

from kzsupport import maintain
from kzsupport.changes import get_path, has_confidential_address
from kzsupport.errors import BadInput
from kzsupport.i18n import N_, _
from kzsupport.models import LANGS, OFFERS, PHONE_KINDS, SERVES, SERVICE_TYPES, STATUSES
from kzsupport.store import load_regions
from kzsupport.validate import (
    ISO_DATE,
    date_problem,
    display_form,
    load_denylist,
    load_schema,
    location_problems,
    normalize_number,
    normalize_phone,
    phone_problems,
)

LANG_NAMES = {"kk": "қазақша", "ru": "по-русски", "en": "in English"}
NEEDED = N_("An answer is needed here (Ctrl-C stops without saving anything).")


def _fail(msgid_text: str) -> None:
    raise click.UsageError(msgid_text)


def _one_of(valid: Sequence[str]) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = value.strip()
        if value not in valid:
            _fail(_("Choose one of: {valid}.").format(valid=", ".join(valid)))
        return value

    return check


def _many_of(valid: Sequence[str]) -> Callable[[str], list[str]]:
    def check(value: str) -> list[str]:
        items = [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
        wrong = [v for v in items if v not in valid]
        if wrong:
            _fail(
                _("Unknown: {wrong}. Choose from: {valid}.").format(
                    wrong=", ".join(wrong), valid=", ".join(valid)
                )
            )
        return items

    return check


def _region(value: str) -> str:
    return _one_of(sorted(load_regions()))(value)


def _id(taken: Collection[str]) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            service_id = maintain.check_id(value.strip())
        except BadInput as exc:
            raise click.UsageError(exc.message()) from None
        if service_id in taken:
            _fail(_("There is already a service with the id {id}: choose another.").format(id=service_id))
        return service_id

    return check


def _ask(
    text: str,
    *,
    proc: Callable[[str], Any] | None = None,
    default: Any = None,
    optional: bool = False,
) -> Any:
    """One prompt, asked again until the answer passes ``proc``; an empty optional answer is None,
    an empty required one is asked again saying so (Click would ask again without a word)."""
    while True:
        shown = default if default is not None else ""
        answer = str(click.prompt(text, default=shown, show_default=bool(default)))
        if not answer.strip():
            if optional:
                return None
            click.echo(_("Error: {message}").format(message=_(NEEDED)), err=True)
            continue
        if proc is None:
            return answer
        try:
            return proc(answer)
        except click.UsageError as exc:
            click.echo(_("Error: {message}").format(message=exc.message), err=True)


def _localized(label: str, optional: bool) -> dict[str, Any] | None:
    values = {}
    for lang in LANGS:
        language = LANG_NAMES[lang]
        shown = (_("{field} ({language}, optional)").format(field=label, language=language) if optional
                 else f"{label} ({language})")
        values[lang] = _ask(shown, optional=optional)
    if optional and not any(values.values()):
        return None
    return values


def _location(region: str | None) -> Callable[[str], dict[str, float]]:
    def check(value: str) -> dict[str, float]:
        try:
            lat_text, lon_text = value.replace(";", ",").split(",")
            lat, lon = float(lat_text), float(lon_text)
        except ValueError:
            _fail(_("Type latitude,longitude, for example 43.2389,76.8897."))
        problems = location_problems(lat, lon, region)
        if problems:
            msgid, params = problems[0]
            _fail(_(msgid).format(**params))
        return {"lat": lat, "lon": lon}

    return check


def _phone(kind: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        number = normalize_phone(value, kind)
        problems = phone_problems(number, kind)
        if problems:
            msgid, params = problems[0]
            _fail(_(msgid).format(**params))
        if normalize_number(number) in load_denylist().numbers:
            _fail(_("{number} is a known fabricated number: remove it.").format(number=number))
        return number

    return check


def _display(number: str, kind: str) -> Callable[[str], str]:
    """The number as it is shown, which must dial the number itself."""

    def check(value: str) -> str:
        problems = phone_problems(number, kind, value.strip())
        if problems:
            msgid, params = problems[0]
            _fail(_(msgid).format(**params))
        return value.strip()

    return check


def _written_as(field: str) -> Callable[[str], str]:
    """A text the record schema gives a form (``website``: http(s)://..., ``email``), checked at its
    prompt rather than after every other answer has been typed."""
    pattern = load_schema()["properties"][field]["pattern"]

    def check(value: str) -> str:
        value = value.strip()
        if not re.search(pattern, value):
            _fail(_("The field {field} is not written in the expected form: {value}.").format(
                field=field, value=value))
        return value

    return check


def _source_date(value: str) -> str:
    """A publication date as the record schema writes it, real and not in the future."""
    value = value.strip()
    why = date_problem(value)
    if why is None and not ISO_DATE.match(value):
        why = N_("The field {field} is not written in the expected form: {value}.")
    if why is not None:
        _fail(_(why).format(value=value, field="sources.0.date"))
    return value


def _yes_no(text: str, default: bool | None = None) -> bool:
    """A yes/no question that takes the answer in the user's language (иә/жоқ, да/нет, yes/no), as
    the eligibility interview does: click.confirm refused "нет" as "invalid input"."""
    from kzsupport.eligibility import NO_WORDS, YES_WORDS

    def check(value: str) -> bool:
        word = value.strip().lower()
        if word not in YES_WORDS | NO_WORDS:
            _fail(_("Answer yes or no (иә / жоқ, да / нет)."))
        return word in YES_WORDS

    hint = {True: "[Y/n]", False: "[y/N]", None: "[y/n]"}[default]
    shown = {True: "y", False: "n", None: None}[default]
    answer: bool = click.prompt(f"{text} {hint}", default=shown, show_default=False, value_proc=check)
    return answer


def prompt_record(today: date, taken: Collection[str] = ()) -> dict[str, Any]:
    """Every field of a new record, asked in turn; ``taken``: the ids already in the file."""
    record = maintain.template(_ask(_("Id (for example kz-almaty-crisis-centre)"), proc=_id(taken)))
    record["type"] = _ask(
        _("Type ({valid})").format(valid=", ".join(SERVICE_TYPES)), proc=_one_of(SERVICE_TYPES)
    )
    record["name"] = _localized(_("Name"), optional=False)
    record["description"] = _localized(_("Description"), optional=False)
    record["operator"] = _localized(_("Operator"), optional=True)
    record["region"] = _ask(
        _("Region id (empty for a national service): {valid}").format(
            valid=", ".join(sorted(load_regions()))
        ),
        proc=_region,
        optional=True,
    )
    record["scope"] = "local" if record["region"] else "national"
    record["city"] = _localized(_("City"), optional=True)
    text = _localized(_("Address"), optional=True)
    confidential = False
    if text is not None:
        confidential = _yes_no(_("Is the address confidential (a shelter)?"), default=True)
        record["address"] = {"text": text, "confidential": confidential, "note": None}
    if not confidential:  # a shelter's coordinates would give its address away: not asked for
        record["location"] = _ask(
            _("Coordinates latitude,longitude (optional)"), proc=_location(record["region"]), optional=True
        )
    while _yes_no(_("Add a phone number?"), default=not record["phones"]):
        # An empty kind or number adds none: a way out for someone without a valid number to hand.
        kind = _ask(
            _("Kind ({valid}; empty: add none)").format(valid=", ".join(PHONE_KINDS)),
            proc=_one_of(PHONE_KINDS),
            optional=True,
        )
        if kind is None:
            break
        number = _ask(_("Number (empty: add none)"), proc=_phone(kind), optional=True)
        if number is None:
            break
        display = _ask(_("As it should be shown"), proc=_display(number, kind), default=display_form(number))
        record["phones"].append({"number": number, "kind": kind, "display": display, "note": None})
    record["website"] = _ask(_("Website (optional)"), proc=_written_as("website"), optional=True)
    record["email"] = _ask(_("E-mail (optional)"), proc=_written_as("email"), optional=True)
    if _yes_no(_("Open 24 hours, 7 days?"), default=False):
        record["hours"] = {"open_24_7": True, "text": None, "timezone": "Asia/Almaty"}
    else:
        hours = _localized(_("Opening hours"), optional=True)
        if hours is not None:
            record["hours"] = {"open_24_7": False, "text": hours, "timezone": "Asia/Almaty"}
    record["languages"] = _ask(
        _("Languages spoken, comma-separated (kk, ru, en ...)"),
        proc=lambda v: [x.strip() for x in v.split(",") if x.strip()],
        default="kk, ru",
    )
    record["serves"] = _ask(
        _("Serves, comma-separated ({valid})").format(valid=", ".join(SERVES)), proc=_many_of(SERVES)
    )
    record["services_offered"] = _ask(
        _("Offers, comma-separated ({valid})").format(valid=", ".join(OFFERS)), proc=_many_of(OFFERS)
    )
    free = _yes_no(_("Free of charge?"), default=True)
    record["fees"] = {"free": free, "note": None}
    reference = _ask(_("Source: URL or document where these facts are published (required)"))
    title = _ask(_("Source title"), default=reference)
    publisher = _ask(_("Source publisher (empty: the URL's host)"), optional=True)
    published = _ask(_("Source date, YYYY-MM-DD (optional)"), proc=_source_date, optional=True)
    record["sources"] = [
        maintain.source(reference, title=title, publisher=publisher, today=today, published=published)
    ]
    if _yes_no(_("Is anything in this record unverified (keep it out of default views)?"), default=False):
        note = _ask(_("What is unverified?"))
        record["verification"]["status"] = "unverified"
        record["verification"]["note"] = note
    return record


EDITABLE_ADDRESS = tuple("address.text." + lang for lang in LANGS)
EDITABLE = (
    *("name." + lang for lang in LANGS),
    *("description." + lang for lang in LANGS),
    *("city." + lang for lang in LANGS),
    *EDITABLE_ADDRESS,
    "website",
    "email",
    "status",
)


def _edit_prompt(path: str) -> tuple[str, Callable[[str], Any] | None]:
    """The question for a field of ``EDITABLE`` in the user's language, as ``db add`` asks it (the
    dotted path before it, as ``--set`` takes it), and the check its answer gets."""
    field, _dot, lang = path.rpartition(".")
    texts = {"name": _("Name"), "description": _("Description"), "city": _("City"),
             "address.text": _("Address")}
    if field in texts:
        return f"{path}: {texts[field]} ({LANG_NAMES[lang]})", None
    if path == "status":
        return "status: " + _("Status ({valid})").format(valid=", ".join(STATUSES)), _one_of(STATUSES)
    label = {"website": _("Website"), "email": _("E-mail")}[path]
    return f"{path}: {label}", _written_as(path)


def _unless_kept(check: Callable[[str], Any] | None, current: str) -> Callable[[str], Any]:
    """``check`` for a new answer; the current value (Enter) or an empty one (clearing) pass as
    they are, so only what the user types is refused at the prompt, and asked again."""
    return lambda value: value if check is None or value in ("", current) else check(value)


def prompt_edits(record: dict[str, Any]) -> list[tuple[str, str]]:
    """Ask for each common field with its current value as the default; Enter keeps it. A
    confidential address is never shown (kept, or typed anew in full), and a shelter's coordinates
    are not asked for, as ``prompt_record`` does not ask them."""
    changes = []
    secret = has_confidential_address(record)
    retype = False
    for path in EDITABLE:
        current = get_path(record, path)
        if path.startswith("address.") and record.get("address") is None:
            continue
        if path.startswith("address.") and secret:
            if path == EDITABLE_ADDRESS[0]:
                retype = not _yes_no(
                    _("The address is confidential and is not shown here. Keep it as it is?"), default=True
                )
            if retype:
                changes.append((path, _ask(_edit_prompt(path)[0])))
            continue
        question, check = _edit_prompt(path)
        shown = "" if current is None else str(current)
        answer = click.prompt(question, default=shown, show_default=True,
                              value_proc=_unless_kept(check, shown))
        if answer != shown:
            changes.append((path, answer if answer != "" else "null"))
    if secret:  # a shelter's coordinates would give its address away: not asked for
        return changes
    location = record.get("location") or {}
    default = "{},{}".format(location["lat"], location["lon"]) if location else ""
    answer = click.prompt("location: " + _("Coordinates latitude,longitude (optional)"),
                          default=default, show_default=True)
    if answer != default:
        value = _location(record.get("region"))(answer) if answer else None
        changes.append(
            ("location", "null" if value is None else '{{"lat": {lat}, "lon": {lon}}}'.format(**value))
        )
    return changes
