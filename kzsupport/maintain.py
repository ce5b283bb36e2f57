"""What maintainers do to records (``kzsupport db``): pure functions over a store ``Draft``.

Each function changes the draft's records and returns nothing or a small result; the store
validates, writes and logs the change when the ``editing`` block ends. ``verification.*`` moves only
through ``verify``; ``edit`` and ``import`` refuse to change it on an existing record.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from kzsupport.changes import (
    RecordDiff,
    diff_records,
    get_path,
    has_confidential_address,
    parse_json_value,
    set_path,
    withhold,
)
from kzsupport.errors import BadInput, KzSupportError
from kzsupport.exchange import (
    ImportFailed,
    ImportRow,
    RowError,
    canonical,
    kept_back,
    restore_withheld,
)
from kzsupport.i18n import N_, translator
from kzsupport.labels import METHODS
from kzsupport.models import (
    CHECK_TITLE,
    LANGS,
    SERVICE_TYPES,
    SOURCE_METHODS,
    VERIFICATION_METHODS,
    Localized,
    Region,
    Service,
    Verification,
)

if TYPE_CHECKING:
    from kzsupport.store_write import Draft, WriteRefused

# Fields --set may not change, with the reason given to whoever tries.
PROTECTED = {
    "verification": N_('The field {field} changes only through "kzsupport db verify".'),
    "id": N_("The field {field} cannot be changed: an id never changes."),
}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{2,79}$")


def template(service_id: str) -> dict[str, Any]:
    """An empty record with every field of the model (as the model writes it), to be filled in."""
    empty = Service(
        id=service_id,
        type="",
        name=Localized(),
        description=Localized(),
        scope="",
        region=None,
        status="active",
        sources=(),
        verification=Verification(status="source_only"),
    ).to_dict()
    empty["type"] = empty["scope"] = None
    return empty


def check_id(service_id: str) -> str:
    if not ID_PATTERN.match(service_id):
        raise BadInput(
            N_(
                "The id {id} is not valid: use 3-80 lowercase Latin letters, digits and hyphens, "
                "for example kz-almaty-crisis-centre."
            ),
            id=service_id,
        )
    return service_id


def is_url(reference: str) -> bool:
    return reference.startswith(("http://", "https://"))


def source(
    reference: str,
    *,
    title: str | None,
    publisher: str | None,
    today: date,
    published: str | None = None,
) -> dict[str, Any]:
    """A source entry for a URL or a document reference, read ``today``.

    The publisher defaults to the URL's host; a document needs one named. Without a publication
    date the entry says so in ``date_note`` (the schema wants one or the other).
    """
    from urllib.parse import urlparse

    url = is_url(reference)
    publisher = publisher or (urlparse(reference).hostname if url else None)
    if not publisher:
        # Quoted by the message: the quotes typed around the name are not repeated.
        unquoted = reference.strip().strip("\"'«»“”„")
        raise BadInput(N_("Name who published \"{source}\" with --source-publisher."), source=unquoted)
    return {
        "title": title or reference,
        "publisher": publisher,
        "accessed": today.isoformat(),
        "url": reference if url else None,
        "document": None if url else reference,
        "date": published,
        "date_note": None if published else "publication date not given when added",
        "about": None,
    }


def prepare_new(
    record: Mapping[str, Any], *, by: str, today: date, method: str | None = None
) -> dict[str, Any]:
    """A record for ``add``: every model field present, a source required, not yet verified.

    A ``source_only`` record states when and how its facts were read: today, by whoever adds it
    (a file's own date and reader are not taken over), by ``method``, else as the record says,
    else ``document``: a URL is not an official page (a news article is one too), and the bundled
    records read by desk research say ``document`` as well."""
    out = template(str(record.get("id") or ""))
    out.update(copy.deepcopy(dict(record)))
    check_id(str(out["id"]))
    if not out.get("sources"):
        raise BadInput(
            N_("A source is required: give --source URL_OR_DOCUMENT (where these facts were published).")
        )
    verification = out.get("verification") or {}
    if verification.get("status") == "verified":
        raise BadInput(N_('A new record cannot start verified: add it, then run "kzsupport db verify".'))
    # Whatever date and reader a file's source_only verification states, the record is added as
    # read today by the maintainer adding it: that is the only reading this command witnesses.
    if verification.get("status", "source_only") == "source_only":
        given = verification.get("method")
        out["verification"] = {
            "status": "source_only",
            "date": today.isoformat(),
            "method": method or (given if given in SOURCE_METHODS else "document"),
            "by": by,
            "note": verification.get("note"),
        }
    return out


def add(
    draft: Draft,
    record: Mapping[str, Any],
    assignments: Sequence[tuple[str, str]],
    *,
    by: str,
    today: date,
    method: str | None = None,
) -> None:
    """Add a new record (see ``prepare_new``), then apply ``--set`` assignments to it (see ``edit``).

    A local record needs its region (only an unverified lead may lack one): said here in the
    words of ``db add``, rather than as the schema's rule about unverified records."""
    new = prepare_new(record, by=by, today=today, method=method)
    draft.add(new)
    edit(draft, new["id"], assignments)
    added = draft.get(new["id"])
    unverified = (added.get("verification") or {}).get("status") == "unverified"
    if added.get("scope") == "local" and added.get("region") is None and not unverified:
        raise BadInput(
            N_("A local service needs a region: give --region REGION, or --national for a national one.")
        )


def edit(
    draft: Draft,
    service_id: str,
    assignments: Sequence[tuple[str, str]],
    reveal_address: bool = False,
    yes: bool = False,
) -> list[str]:
    """Apply ``FIELD=VALUE`` assignments (dotted paths). Values are JSON when they parse as JSON and
    the field does not hold text; ``null`` clears a field. A phone number set here is normalised as
    the interactive prompt normalises it. Making a confidential address public needs
    ``reveal_address``: one mistyped field must not print a shelter's address on every sheet.
    Removing one needs ``yes``, as ``remove`` does: nobody could type it back from the log.

    Returns the numbers the record did not list before (new, or changed), which need a source
    (``cite``)."""
    record = draft.get(service_id)
    phones = copy.deepcopy(record.get("phones"))
    before = {"phones": phones}
    was_secret = has_confidential_address(record)
    had_text = _text_langs(record.get("address"))
    for path, raw in assignments:
        head = path.split(".")[0].split("[")[0]
        if head in PROTECTED:
            raise BadInput(PROTECTED[head], field=path)
        set_path(record, path, _typed(path, get_path(record, path), raw))
    _tidy_phones(record, phones)
    address = record.get("address")
    revealed = isinstance(address, Mapping) and not has_confidential_address(record)
    # Any language's text cleared or blanked counts: the address is partly gone.
    gone = not isinstance(address, Mapping) or bool(had_text - _text_langs(address))
    if was_secret and not revealed and gone and not yes:
        raise BadInput(
            N_("This removes the confidential address of {id} from the file (a backup keeps it for "
               "a while; the change log never holds it). If the service no longer has that address, "
               "repeat with --yes."),
            id=service_id,
        )
    if was_secret and revealed and not reveal_address:
        raise BadInput(
            N_("This makes the confidential address of {id} public: it would be shown, printed on "
               "sheets and exported. If the service now publishes it, repeat with --reveal-address."),
            id=service_id,
        )
    return new_numbers(before, record)


def _text_langs(address: Any) -> set[str]:
    """The languages an address has (non-blank) text in."""
    text = address.get("text") if isinstance(address, Mapping) else None
    if not isinstance(text, Mapping):
        return set()
    return {str(lang) for lang, value in text.items() if isinstance(value, str) and value.strip()}


def _numbers(record: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Each phone's number and kind: the same number as another kind (WhatsApp, not a call) is a
    changed number, which a check of the old one did not cover."""
    phones = record.get("phones")
    return [
        (phone["number"], phone.get("kind"))
        for phone in (phones if isinstance(phones, list) else [])
        if isinstance(phone, Mapping) and isinstance(phone.get("number"), str)
    ]


def new_numbers(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The numbers ``after`` lists that ``before`` did not; one it listed as another kind is named
    with its new kind: ``+77172580058 (whatsapp)``."""
    listed = set(_numbers(before))
    known = {number for number, _kind in listed}
    return list(dict.fromkeys(
        number if number not in known else f"{number} ({kind})"
        for number, kind in _numbers(after)
        if (number, kind) not in listed
    ))


def cite(
    draft: Draft,
    service_id: str,
    entry: dict[str, Any] | None,
    numbers: Sequence[str],
    *,
    by: str,
    today: date,
) -> None:
    """Record where an edit's facts come from: ``entry`` (see ``source``) becomes a source of the
    record. A number the record did not list before needs one: no number enters the directory
    without a citation. A verified record's check did not cover a new number, so it goes back
    to ``source_only``, its note saying which number was added after which check."""
    if numbers and entry is None:
        raise BadInput(
            N_("A new or changed phone number needs its source: repeat with --source URL_OR_DOCUMENT "
               "(where {numbers} is published)."),
            numbers=", ".join(numbers),
        )
    if entry is None:
        return
    record = draft.get(service_id)
    _cite(record, entry)
    if numbers:
        _unverified_by(record, numbers, _reference(entry), by=by, today=today)


def _reference(source: Mapping[str, Any]) -> str | None:
    return source.get("url") or source.get("document")


# The note ``_unverified_by`` writes, in kk/ru/en; a later change of number rewrites it (and only a
# note it wrote, known by its English text).
_UNCHECKED_NOTE = N_("{numbers} added or changed, from {reference} on {day}, after the {check}: not "
                     "checked yet.")
_CHECK_OF = N_("{method} check of {date}")
_UNCHECKED = re.compile(r"^(?P<numbers>.+?) added or changed, from .+ on \d{4}-\d{2}-\d{2}, after the "
                        r"(?P<method>.+) check of (?P<date>\S+): not checked yet\.$")


def _unchecked_note(numbers: Sequence[str], reference: Any, day: date, method: str, checked_on: str
                    ) -> dict[str, str]:
    note = {}
    for lang in LANGS:
        say = translator(lang).gettext
        check = say(_CHECK_OF).format(method=say(METHODS.get(method, method)), date=checked_on)
        note[lang] = say(_UNCHECKED_NOTE).format(numbers=", ".join(numbers), reference=reference,
                                                 day=day.isoformat(), check=check)
    return note


def _unverified_by(
    record: dict[str, Any], numbers: Sequence[str], reference: Any, *, by: str, today: date
) -> None:
    """A verified record's check did not reach ``numbers``, new to it: back to ``source_only``,
    its note saying which numbers came from where, after which check. A record already back there
    for an earlier change has that note brought up to date, so it never names a number the record
    no longer has ("+7 … added or changed" after that number was replaced in turn)."""
    checked = record.get("verification") or {}
    if checked.get("status") == "verified":
        method, checked_on, still = str(checked.get("method")), str(checked.get("date")), []
    else:
        note = checked.get("note")
        earlier = _UNCHECKED.match(str((note.get("en") if isinstance(note, Mapping) else note) or ""))
        if earlier is None:
            return
        listed = {str(p.get("number")) for p in record.get("phones") or [] if isinstance(p, Mapping)}
        labelled = {label: code for code, label in METHODS.items()}
        method, checked_on = labelled.get(earlier["method"], earlier["method"]), earlier["date"]
        still = [n for n in earlier["numbers"].split(", ") if n in listed and n not in numbers]
    record["verification"] = {
        "status": "source_only",
        "date": today.isoformat(),
        "method": "document",
        "by": by,
        "note": _unchecked_note([*still, *numbers], reference, today, method, checked_on),
    }


def _cite(record: dict[str, Any], entry: Mapping[str, Any]) -> None:
    """Add a source, or, when the record cites it already, move its access date forward (never
    back: it was read then, whatever the date of the reading now recorded)."""
    sources = record.setdefault("sources", [])
    reference = entry.get("url") or entry.get("document")
    for existing in sources:
        if reference in (existing.get("url"), existing.get("document")):
            accessed = _day(existing.get("accessed"))
            if accessed is None or accessed < date.fromisoformat(entry["accessed"]):
                existing["accessed"] = entry["accessed"]
            return
    sources.append(dict(entry))


def _tidy_phones(record: dict[str, Any], before: Any) -> None:
    """Phones whose number or kind an edit set, written as the interactive prompt writes them: the
    number normalised (``8 727 250 11 22`` -> ``+77272501122``), shown grouped (``+7 727 250 11
    22``) unless a display form is given, no note unless one is given."""
    from kzsupport.validate import display_form, normalize_phone

    old = before if isinstance(before, list) else []
    phones = record.get("phones")
    for index, phone in enumerate(phones if isinstance(phones, list) else []):
        if not isinstance(phone, dict) or not isinstance(phone.get("number"), str):
            continue  # the schema reports it
        previous = old[index] if index < len(old) and isinstance(old[index], Mapping) else {}
        if all(phone.get(key) == previous.get(key) for key in ("number", "kind")):
            continue
        phone["number"] = normalize_phone(phone["number"], str(phone.get("kind")))
        # A display form left over from the old number would show a number nobody can dial, and one
        # left over from a call ("8 (7172) ...") is not how a WhatsApp number is written.
        changed = previous.get("number") != phone["number"] or previous.get("kind") != phone.get("kind")
        stale = changed and phone.get("display") == previous.get("display")
        if not phone.get("display") or stale:
            phone["display"] = display_form(phone["number"])
        phone.setdefault("note", None)


def _typed(path: str, current: Any, raw: str) -> Any:
    """A value typed on the command line: text for a field that holds text (as it does now, or as
    the record schema says: ``phones.0.number=150`` stays the text "150"), else JSON when it parses."""
    from kzsupport.validate import schema_types

    if raw == "null":
        return None
    types = schema_types(path)
    if isinstance(current, str) or (types and types <= {"string", "null"}):
        return raw
    return parse_json_value(raw)


def verify(
    draft: Draft,
    service_id: str,
    *,
    method: str,
    reference: str,
    by: str,
    on: date,
    note: str | None = None,
    replace_later: bool = False,
) -> None:
    """Record a check made ``on`` a day: the only way ``verification.date`` moves. The thing checked
    becomes a source (already cited: its access date moves, never back).

    A check dated before the record's current verification would silently put an older claim in
    place of a newer one, so it needs ``replace_later`` (a call made before the desk research that
    is on record, entered late)."""
    if method not in VERIFICATION_METHODS:
        raise BadInput(
            N_("Unknown method {value}; use one of: {valid}."),
            value=method,
            valid=", ".join(VERIFICATION_METHODS),
        )
    record = draft.get(service_id)
    current = _day((record.get("verification") or {}).get("date"))
    if current is not None and on < current and not replace_later:
        raise BadInput(
            N_("The check of {date} is older than the verification of {id} on record, dated "
               "{current}: it would replace a later one. If the earlier check should stand, repeat "
               "with --replace-later."),
            date=on.isoformat(),
            id=service_id,
            current=current.isoformat(),
        )
    record["verification"] = {
        "status": "verified",
        "date": on.isoformat(),
        "method": method,
        "by": by,
        "note": note,
    }
    publisher = None if is_url(reference) else by
    _cite(
        record,
        source(
            reference,
            title=CHECK_TITLE.format(method=method),
            publisher=publisher,
            today=on,
            published=on.isoformat(),  # the check itself is the source, dated the day it was made
        ),
    )


def _day(value: Any) -> date | None:
    """A full ISO date of a record (``2026-11-22``), or None for anything else (validate reports it)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def set_status(draft: Draft, service_id: str, status: str) -> None:
    draft.get(service_id)["status"] = status


def remove(draft: Draft, service_id: str, *, yes: bool) -> None:
    if not yes:
        raise BadInput(
            N_(
                "Removing {id} deletes it from the file: add --yes to confirm, or use "
                '"kzsupport db deactivate" to keep it as inactive.'
            ),
            id=service_id,
        )
    draft.remove(service_id)


# --- import ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    """What an import changed (to show: a confidential address withheld), and the changes a row
    asked for that were not made (a confidential address or its coordinates kept as stored)."""

    diffs: list[RecordDiff]
    notices: tuple[RowError, ...]


def apply_import(
    draft: Draft,
    rows: Sequence[ImportRow],
    path: str,
    keep_verification: bool = False,
    *,
    by: str,
    today: date,
) -> Imported:
    """Upsert every row into the draft, all or nothing; per-row errors carry their line numbers.
    The diffs returned are for showing: a confidential address's text and coordinates withheld.

    A record whose exported address was withheld keeps the confidential address in the store (a
    notice says when the row asked to change it), a confidential address is never cleared or made
    public here (``db edit --reveal-address`` does that), and an existing record keeps the fields
    the file has no columns for. An
    existing record's ``verification`` cannot change here (use ``db verify``). A new record cannot
    arrive verified unless ``keep_verification`` (moving a whole directory keeps its history): a
    spreadsheet row must not make a service look checked when nobody called it. A number new to an
    existing record needs a source the record did not cite before, in the row's sources, as
    ``db edit`` needs ``--source``; a verified record then goes back to ``source_only``.
    """
    errors: list[RowError] = []
    notices: list[RowError] = []
    seen: dict[str, int] = {}
    before = list(draft.records.values())  # the draft never changes these objects in place
    for row in rows:
        service_id = str(row.record.get("id") or "")
        if not service_id:
            errors.append(RowError(row.line, N_("the record has no id")))
            continue
        if service_id in seen:
            errors.append(
                RowError(
                    row.line,
                    N_("the id {id} is also on line {other}"),
                    {"id": service_id, "other": seen[service_id]},
                )
            )
            continue
        seen[service_id] = row.line
        stored = draft.find(service_id)
        kept = {name: stored[name] for name in row.absent if name in stored} if stored else {}
        asked = {**row.record, **kept}
        incoming = restore_withheld(asked, stored)
        # Refused, not quietly kept back: a row that says "confidential: false" asks to publish a
        # shelter's address, and an empty address asks to wipe it.
        publish = isinstance(asked.get("address"), Mapping) and asked["address"].get("confidential") is False
        if has_confidential_address(stored) and (publish or not has_confidential_address(incoming)):
            errors.append(
                RowError(
                    row.line,
                    N_("the confidential address of {id} would be cleared or made public, which an "
                       "import never does: leave its cells as exported, or make it public with "
                       '"kzsupport db edit {id} --reveal-address"'),
                    {"id": service_id},
                    column="address",
                )
            )
            continue
        notices.extend(
            RowError(row.line, msgid, {"id": service_id}, column)
            for column, msgid in kept_back({**row.record, **kept}, incoming)
        )
        try:
            Service.from_dict(incoming)
        except (KeyError, TypeError, ValueError) as exc:
            errors.append(RowError(row.line, N_("incomplete record: {reason}"), {"reason": str(exc)}))
            continue
        if stored is None:
            if not incoming.get("sources"):
                errors.append(RowError(row.line, N_("a source is required")))
                continue
            if incoming["verification"]["status"] == "verified" and not keep_verification:
                errors.append(
                    RowError(
                        row.line,
                        N_('a new record cannot arrive verified: import it, then run "kzsupport db '
                           'verify" (or give --keep-verification when moving a whole directory)'),
                        column="verification",
                    )
                )
                continue
            draft.add(incoming)
            continue
        if canonical(stored) == canonical(incoming):
            continue  # unchanged: keep the stored layout byte for byte
        if canonical(stored)["verification"] != canonical(incoming)["verification"]:
            errors.append(
                RowError(
                    row.line,
                    N_('verification changes only through "kzsupport db verify"'),
                    column="verification",
                )
            )
            continue
        added = new_numbers(stored, incoming)
        if added:
            cited = {_reference(source) for source in stored.get("sources") or []}
            fresh = [_reference(s) for s in incoming.get("sources") or [] if _reference(s) not in cited]
            if not fresh:
                errors.append(
                    RowError(
                        row.line,
                        N_("{numbers} is new to {id}, but the row cites no new source for it: add "
                           "where it is published to the row's sources, or use \"kzsupport db edit "
                           "{id} --source\""),
                        {"numbers": ", ".join(added), "id": service_id},
                        column="phones",
                    )
                )
                continue
            _unverified_by(incoming, added, fresh[0], by=by, today=today)
        draft.put(incoming)
    if errors:
        raise ImportFailed(path, errors)
    after = list(draft.records.values())
    return Imported(withhold(diff_records(before, after), [*before, *after]), tuple(notices))


def refused_rows(refused: WriteRefused, rows: Sequence[ImportRow], path: str) -> ImportFailed:
    """The problems of a refused import, each on the line of the row that brought it."""
    lines = {str(r.record.get("id")): r.line for r in rows}
    return ImportFailed(
        path,
        [
            RowError(
                lines.get(p.service_id),
                N_("{id}: {problem}"),
                {"id": p.service_id, "problem": p.message()},
                p.field,
            )
            for p in refused.problems
        ],
    )


# --- review: stale and coverage --------------------------------------------------------------------


def parse_age(text: str) -> tuple[int, str]:
    """``12m`` (months), ``1y``, ``90d`` -> (amount, unit)."""
    match = re.fullmatch(r"\s*(\d+)\s*([dmy])\s*", text.lower())
    if not match:
        raise BadInput(
            N_("The age {value} is not valid: use a number and d, m or y, for example 12m."),
            value=text,
        )
    if len(match.group(1)) > 9:  # more days than the calendar has (and too long for int() to read)
        raise BadInput(
            N_("The age {value} is too long: it reaches back before the year 1."), value=text.strip()
        )
    return int(match.group(1)), match.group(2)


def cutoff(today: date, age: tuple[int, str]) -> date:
    amount, unit = age
    too_long = BadInput(
        N_("The age {value} is too long: it reaches back before the year 1."), value=f"{amount}{unit}"
    )
    if unit == "d":
        from datetime import timedelta

        if amount >= (today - date.min).days:
            raise too_long
        return today - timedelta(days=amount)
    months = amount * (12 if unit == "y" else 1)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    if year < 1:  # the calendar starts at the year 1
        raise too_long
    day = min(today.day, 28)
    return date(year, month + 1, day)


def area(service: Service) -> str:
    """Where a record belongs in a review: ``national``, its region id, or ``local`` if unknown."""
    return "national" if service.is_national else (service.region or "local")


@dataclass(frozen=True)
class Stale:
    service: Service
    checked: str | None  # the date it was last verified (called, visited), or None: never


def stale(services: Iterable[Service], today: date, age: tuple[int, str]) -> dict[str, list[Stale]]:
    """Records never verified (only read from a source, or unverified) or verified before the
    cutoff, grouped by region (``national`` first), never-verified then oldest first."""
    limit = cutoff(today, age).isoformat()
    groups: dict[str, list[Stale]] = defaultdict(list)
    for service in services:
        v = service.verification
        checked = v.date if v.status == "verified" else None
        if checked is None or checked < limit:
            groups[area(service)].append(Stale(service, checked))
    ordered = sorted(groups, key=lambda key: (key != "national", key))
    return {key: sorted(groups[key], key=lambda s: (s.checked or "", s.service.id)) for key in ordered}


@dataclass(frozen=True)
class Cell:
    region: str
    type: str
    verified: int
    source_only: int
    unverified: int

    @property
    def missing(self) -> bool:
        return self.verified + self.source_only == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "type": self.type,
            "verified": self.verified,
            "source_only": self.source_only,
            "unverified": self.unverified,
            "missing": self.missing,
        }


def coverage(
    services: Iterable[Service], regions: Mapping[str, Region], types: Sequence[str] = SERVICE_TYPES
) -> list[Cell]:
    """Region x type counts of active records by verification status; ``national`` is a row."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for service in services:
        if service.status == "inactive":
            continue
        counts[(area(service), service.type)][service.verification.status] += 1
    rows = ["national", *sorted(regions)]
    if any(key[0] == "local" for key in counts):
        rows.append("local")  # local records whose region is not known
    return [
        Cell(
            region=row,
            type=kind,
            verified=counts[(row, kind)]["verified"],
            source_only=counts[(row, kind)]["source_only"],
            unverified=counts[(row, kind)]["unverified"],
        )
        for row in rows
        for kind in types
    ]


def require_path(data_path: str | None) -> str:
    """``db`` commands write only to a file named explicitly."""
    if not data_path:
        raise KzSupportError(
            N_(
                "Name the directory file to change with --data PATH or KZSUPPORT_DATA, for "
                "example: kzsupport --data data/directory.json db ... in a checkout of the "
                "repository. The installed copy is never changed."
            )
        )
    return data_path
