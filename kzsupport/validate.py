"""Checks maintainers run on a directory file (``kzsupport db validate``) and every write passes.

Each check returns ``Problem`` values tied to a record and a field. ``error`` problems fail
validation (exit 1) and block a write that would introduce them; ``warning`` problems are shown
but do not fail. The checks:

* the JSON Schema in ``data/service.schema.json`` (``jsonschema``, imported lazily);
* phone numbers (``phonenumbers``, imported lazily): Kazakhstan short numbers (1xx, 1xxx) as such,
  every other number in E.164 and valid for Kazakhstan (+7 7xx mobile, +7 7xxx landline), the
  display form dialling the same digits;
* coordinates inside Kazakhstan's outline and nearest to places of the record's region (the
  places gazetteer: ``kzsupport.places``);
* known region and type ids, scope (national or local) agreeing with region;
* duplicate ids, duplicate phone numbers across records, same name in the same city;
* the fabricated-number denylist (``data/denylist.json``), in phones and in every free text,
  however the number is separated there (dashes of any kind, dots, slashes, no-break spaces);
  and its mislabels: a wrong label of a real number in the texts presenting that number's service;
* a confidential address's text appearing in any other field of any record;
* languages missing per record (name and description: error; other texts: warning);
* control characters in any text (a tab or a newline is fine; a stray carriage return is not);
* unverified records without a note; verified records without date or method;
* source, access and verification dates that are not real calendar dates or lie in the future.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from kzsupport.i18n import N_, _
from kzsupport.models import LANGS, SERVICE_TYPES, Region
from kzsupport.resources import read_json

ERROR = "error"
WARNING = "warning"
# The lines the interface and the sheets name in fixed sentences ("call 112 or 102", "when in doubt,
# call 111 or 150"): if one of them closes, those sentences must change with the data.
NAMED_IN_TEXTS = ("112", "102", "111", "150")

SCOPES = ("national", "local")
TELEGRAM = re.compile(r"^(@[A-Za-z0-9_]{5,32}|https://\S+)$")
SHORT_NUMBER = re.compile(r"^1\d{2,3}$")
E164_KZ = re.compile(r"^\+7\d{10}$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # any control character but a tab or a newline
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")  # YYYY, YYYY-MM or YYYY-MM-DD

# Localized fields whose missing languages are worth a warning (name/description are errors).
_OPTIONAL_TEXTS = ("operator", "city", "eligibility_note")


@dataclass(frozen=True)
class Problem:
    """A finding; ``msgid`` is an English sentence with ``{named}`` fields, shown translated."""

    service_id: str
    check: str
    severity: str
    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)
    field: str | None = None

    def message(self) -> str:
        return _(self.msgid).format(**self.params)

    def key(self) -> tuple[str, str, str, str]:
        """What makes two findings the same finding (for "did this write add a problem?")."""
        return (self.service_id, self.check, self.field or "", self.msgid.format(**self.params))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.service_id,
            "check": self.check,
            "severity": self.severity,
            "field": self.field,
            "message": self.message(),
        }


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    checked: int

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def ok(self) -> bool:
        return not self.errors

    def by_record(self) -> dict[str, list[Problem]]:
        out: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            out[problem.service_id].append(problem)
        return dict(out)


# --- reference data -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The record schema shipped as ``data/service.schema.json``."""
    schema: dict[str, Any] = read_json("service.schema.json")
    return schema


def _branches(node: Mapping[str, Any], root: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """A schema and the schemas it combines with (``$ref``, ``allOf``, ``anyOf``, ``oneOf``)."""
    yield node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        yield from _branches(target, root)
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(key, ()):
            yield from _branches(sub, root)


_JSON_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (type(None), "null"))


def schema_types(path: str, schema: Mapping[str, Any] | None = None) -> frozenset[str]:
    """The JSON types the record schema allows at a dotted path (``phones.0.number`` -> string);
    empty when the schema does not say."""
    from kzsupport.changes import split_path

    root = load_schema() if schema is None else schema
    nodes: list[Mapping[str, Any]] = [root]
    for part in split_path(path):
        found = []
        for branch in (b for node in nodes for b in _branches(node, root)):
            sub = branch.get("items") if isinstance(part, int) else branch.get("properties", {}).get(part)
            if isinstance(sub, Mapping):
                found.append(sub)
        nodes = found
    types: set[str] = set()
    for branch in (b for node in nodes for b in _branches(node, root)):
        declared = branch.get("type", ())
        types.update([declared] if isinstance(declared, str) else declared)
        values = [*branch.get("enum", ()), *([branch["const"]] if "const" in branch else [])]
        types.update(name for value in values for kind, name in _JSON_TYPES if type(value) is kind)
    return frozenset(types)


@dataclass(frozen=True)
class Mislabel:
    """A real number once given a wrong label: the label may not present that number's service.
    ``severity`` follows how sure the research is: an ``error`` for a label it calls a mislabel,
    a ``warning`` for one it calls a simplification (partly true, so a maintainer judges)."""

    number: str  # as stored: E.164, or a short number as dialled
    label: str
    severity: str


@dataclass(frozen=True)
class Denylist:
    """Numbers (E.164) and texts known to be fabricated; none may appear in a record. Mislabels:
    labels that may not present the service of a real number."""

    numbers: frozenset[str] = frozenset()
    texts: tuple[str, ...] = ()
    mislabels: tuple[Mislabel, ...] = ()


def normalize_number(text: str) -> str | None:
    """A Kazakhstan number as E.164 (``+77272505050``), a short number as dialled, else None.

    Accepts the ways people write numbers: ``8 (727) 250-50-50``, ``+7 727 250 50 50``, ``150``.
    """
    digits = re.sub(r"\D", "", text)
    if SHORT_NUMBER.match(digits) and not text.strip().startswith("+"):
        return digits
    if len(digits) == 11 and digits[0] in "78":
        return "+7" + digits[1:]
    if len(digits) == 10 and digits[0] == "7":
        return "+7" + digits
    return None


def normalize_phone(text: str, kind: str) -> str:
    """A phone entry's number as it is stored: a Kazakhstan number in E.164, a short number as
    dialled, a Telegram name or link (and anything not understood) as typed, trimmed."""
    return (normalize_number(text) if kind != "telegram" else None) or text.strip()


def display_form(number: str) -> str:
    """How a stored number is shown by default: +7, the area or mobile code, then the subscriber
    number with its last four digits in pairs, the way the bundled records write them:
    ``+7 727 250 11 22`` (Almaty), ``+7 7172 58 00 58`` (Astana), ``+7 72131 2 34 56`` (a district
    town), ``+7 708 106 08 10`` (a mobile). The code's length is libphonenumber's, except that it
    still reads Almaty's 727 2xx xx xx numbers by the 7272 code they had before 2004. Anything
    else as it is."""
    if not (len(number) == 12 and number.startswith("+7") and number[1:].isdigit()):
        return number
    import phonenumbers

    national = number[2:]
    code = 3  # for a number libphonenumber does not know: the mobile grouping
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and phonenumbers.is_valid_number(parsed):
        code = phonenumbers.length_of_national_destination_code(parsed) or code
    if national.startswith("727") and code == 4:
        code = 3  # Almaty: 727 and seven digits since 2004
    rest = national[code:]
    head = f"{rest[:-4]} " if len(rest) > 4 else ""
    return f"+7 {national[:code]} {head}{rest[-4:-2]} {rest[-2:]}"


# What people put between the digits of a phone number in running text: any white space (the
# no-break spaces U+00A0 and U+202F included), hyphens and dashes (U+2010-U+2015, the minus sign
# U+2212, the soft hyphen, small and full-width forms), brackets, dots, slashes and the invisible
# format characters (zero-width space and joiners, word joiner, byte order mark) that hide in
# copied text. A run of digits may be split by up to four of them ("8 (727) 250 - 50 - 50").
_GAP = (
    r"[\s()\[\]\-\u00ad\u2010-\u2015\u2212\ufe58\ufe63\uff0d\uff08\uff09"
    r"./\u00b7\u2024\u2027\u2044\u2215\uff0e\uff0f\u200b-\u200d\u2060\ufeff]"
)
_DIGIT_RUN = re.compile(rf"\+?\d+(?:{_GAP}{{1,4}}\+?\d+)*")
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=4096)
def _runs(text: str) -> tuple[tuple[str, tuple[tuple[int, int, str], ...]], ...]:
    """Each run of digit groups in ``text`` as written, with each group's place in the run and its
    digits, in whatever script, read as 0-9. Remembered: both number checks read every text."""

    def groups(run: str) -> tuple[tuple[int, int, str], ...]:
        found = _DIGITS.finditer(run)
        return tuple((m.start(), m.end(), "".join(str(int(c)) for c in m.group())) for m in found)

    return tuple((run.group(), groups(run.group())) for run in _DIGIT_RUN.finditer(text))


def numbers_in_text(text: str, wanted: frozenset[str]) -> list[str]:
    """The phone numbers of ``wanted`` (E.164, +7) written in a free text, as written there.

    A number is a run of digit groups separated as people separate them, in any typography
    (``8 727 250\u201350\u201350``, ``8.727.250.50.50``, ``8/727/2505050``, ``+7\u00a0727 ...``).
    Every stretch of whole groups with 10 or 11 digits is read as a number, so a number next to an
    hour or a second number ("9.00 8 727 250 50 50") is still found; so is one glued to more digits
    (``872725050501``), which a reader would dial. A date (22.11.2026) or an article number
    (7.27.2) has too few digits to be one."""
    found: list[str] = []
    national = tuple(number[2:] for number in wanted if number.startswith("+7"))

    def blocked(digits: str, one_group: bool) -> bool:
        if len(digits) <= 11:
            return normalize_number(digits) in wanted
        return one_group and any(part in digits for part in national)

    for written, groups in _runs(text):
        first = 0
        while first < len(groups):
            digits, hit = "", None
            for last in range(first, len(groups)):
                digits += groups[last][2]
                if len(digits) >= 10 and blocked(digits, last == first):
                    hit = last
                    break
                if len(digits) > 11:
                    break
            if hit is None:
                first += 1
                continue
            start = groups[first][0]
            if start > 0 and written[start - 1] == "+":
                start -= 1
            found.append(written[start : groups[hit][1]])
            first = hit + 1  # "+7 727 ..." is one number, not also "727 ..."
    return found


@lru_cache(maxsize=4)
def _local_parts(numbers: frozenset[str]) -> dict[str, str]:
    """The landlines of ``numbers`` by the digits dialled inside their town, without the area
    code: ``2505050`` for +7 727 250 50 50, ``700340`` for +7 7172 70 03 40. Mobiles are always
    written with their code."""
    import phonenumbers

    fixed = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    out: dict[str, str] = {}
    for number in numbers:
        parsed = phonenumbers.parse(number, None)
        if phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in fixed:
            out["".join(display_form(number).split()[2:])] = number
    return out


# What people put between the digit groups of a local number: spaces and hyphens or dashes.
_LOCAL_GAP = re.compile(r"[\s\-\u2010-\u2015\u2212]+")


def local_numbers_in_text(text: str, wanted: frozenset[str]) -> list[tuple[str, str]]:
    """Landlines of ``wanted`` written in a free text as dialled in their town, without the area
    code (``тел. 250-50-50``): ``(as written, the full number)``. Only a whole run of two or more
    groups parted by spaces or hyphens counts: after an area code the number is the whole one's
    to report, and one group ("news/531234", "No. 531234") or dots and slashes ("53.12.34",
    "42/56-78") are more often an id, an article or an order than a phone number. Such digits may
    still be another town's real number, so this is a doubt to check, not a proof."""
    local = _local_parts(wanted)
    found: list[tuple[str, str]] = []
    for written, groups in _runs(text):
        digits = "".join(group for _, _, group in groups)
        if len(groups) < 2 or digits not in local:
            continue
        gaps = [written[a[1] : b[0]] for a, b in itertools.pairwise(groups)]
        if all(_LOCAL_GAP.fullmatch(gap) for gap in gaps) and not written.startswith("+"):
            found.append((written, local[digits]))
    return found


def parse_denylist(raw: Any) -> Denylist:
    """Read the denylist, whatever its exact shape.

    Every string under a ``digits``, ``number``, ``value`` or ``phone`` key (or in a plain list)
    that reads as a phone number is blocked; a string under ``text`` or ``address`` is a blocked
    text. The ``mislabels`` section (real numbers once given a wrong label) blocks no number: see
    ``parse_mislabels``."""
    numbers: set[str] = set()
    texts: list[str] = []

    def walk(node: Any, key: str | None) -> None:
        if isinstance(node, Mapping):
            for k, v in node.items():
                if k != "mislabels":  # real numbers given a wrong label: not blocked
                    walk(v, str(k))
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str):
            if key in (None, "digits", "number", "numbers", "value", "phone", "phones"):
                number = normalize_number(node)
                if number is not None and not SHORT_NUMBER.match(number):
                    numbers.add(number)
            elif key in ("text", "texts", "address", "addresses"):
                texts.append(node)

    walk(raw, None)
    mislabels = parse_mislabels(raw.get("mislabels") if isinstance(raw, Mapping) else None)
    return Denylist(numbers=frozenset(numbers), texts=tuple(texts), mislabels=mislabels)


_QUOTED = re.compile(r"«([^»]+)»|\"([^\"]+)\"")


def parse_mislabels(entries: Any) -> tuple[Mislabel, ...]:
    """The ``mislabels`` section: each entry's ``number`` and the labels of its ``as_labelled``.

    ``as_labelled`` is written as found, alternatives separated by `` / ``; an alternative with a
    quoted part is that part (``«Үйдегі зорлық-зомбылық желісі», languages ...`` is the name in the
    quotes), otherwise the whole of it. A ``reason`` starting with "mislabel" is an error, anything
    else (a "simplification") a warning."""
    out: list[Mislabel] = []
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("as_labelled"), str):
            continue
        number = str(entry.get("number", "")).strip()
        number = normalize_number(number) or number
        sure = str(entry.get("reason", "")).strip().lower().startswith("mislabel")
        for part in entry["as_labelled"].split(" / "):
            quoted = [a or b for a, b in _QUOTED.findall(part)]
            for label in quoted or [part]:
                if label.strip():
                    out.append(Mislabel(number, label.strip(), ERROR if sure else WARNING))
    return tuple(out)


@lru_cache(maxsize=1)
def load_denylist() -> Denylist:
    # read_json raises when the file is missing: an empty denylist would let fabricated numbers pass.
    return parse_denylist(read_json("denylist.json"))


# --- single-value checks (also used by the interactive prompts) -----------------------------------


SHORT_GIVEN_ANOTHER_KIND = N_("{number} is a short number: give it the kind short_number, not {kind}.")


def phone_problems(number: str, kind: str, display: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Problems with one phone entry, as ``(msgid, params)``; empty when it is fine."""
    out: list[tuple[str, dict[str, Any]]] = []
    if kind == "short_number":
        if not SHORT_NUMBER.match(number):
            out.append(
                (
                    N_("{number} is not a Kazakhstan short number (three or four digits starting with 1)."),
                    {"number": number},
                )
            )
    elif kind == "telegram":
        if not TELEGRAM.match(number):
            out.append(
                (
                    N_("{number} is not a Telegram @name or https:// link."),
                    {"number": number},
                )
            )
        return out
    elif SHORT_NUMBER.match(number):
        out.append((SHORT_GIVEN_ANOTHER_KIND, {"number": number, "kind": kind}))
    elif not E164_KZ.match(number):
        out.append(
            (
                N_("{number} is not written as +7 and ten digits (for example +77172580058)."),
                {"number": number},
            )
        )
    else:
        import phonenumbers

        parsed = phonenumbers.parse(number, None)
        region = phonenumbers.region_code_for_number(parsed)
        if not phonenumbers.is_valid_number(parsed) or region != "KZ":
            out.append(
                (
                    N_("{number} is not a valid Kazakhstan number (+7 7xx mobile or +7 7xxx landline)."),
                    {"number": number},
                )
            )
    if display is not None and not out:
        shown = normalize_number(display)
        if shown != number:
            out.append(
                (
                    N_("The display form {display} does not dial {number}."),
                    {"display": display, "number": number},
                )
            )
    return out


def date_problem(text: Any) -> str | None:
    """Why a date written YYYY, YYYY-MM or YYYY-MM-DD is not a real calendar date, or is in the
    future (later than today anywhere on Earth, so a date written today in any time zone passes);
    a msgid with ``{value}`` and ``{field}``, or None. Other forms are the schema's to report."""
    match = ISO_DATE.match(text) if isinstance(text, str) else None
    if match is None:
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        start = date(year, month, day)  # a year or a month is in the future when its first day is
    except ValueError:
        return N_("The date {value} in {field} is not a real calendar date.")
    if start > datetime.now(timezone(timedelta(hours=14))).date():
        return N_("The date {value} in {field} is in the future.")
    return None


def location_problems(lat: float, lon: float, region_id: str | None) -> list[tuple[str, dict[str, Any]]]:
    """Coordinates outside Kazakhstan's outline, or nearest to places of another region.

    Uses the places gazetteer: the outline of Kazakhstan and the region of the nearest known
    places (several regions near a border, so a point just over it is not flagged)."""
    from kzsupport import places

    gazetteer = places.load()
    if not gazetteer.in_kazakhstan(lat, lon):
        return [
            (
                N_("The point {lat}, {lon} is outside Kazakhstan (latitude first, then longitude)."),
                {"lat": lat, "lon": lon},
            )
        ]
    if region_id is None:
        return []
    found = [rid for rid, _km, _place in gazetteer.nearest_regions(lat, lon)]
    if found and region_id not in found:
        return [
            (
                N_(
                    "The point {lat}, {lon} is nearest to places in {found}, not in region "
                    "{region}: is the region or the point wrong?"
                ),
                {"lat": lat, "lon": lon, "found": ", ".join(found), "region": region_id},
            )
        ]
    return []


# --- record checks --------------------------------------------------------------------------------


def _strings(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{path}.{index}" if path else str(index))
    elif isinstance(node, str):
        yield path, node


def _items(record: Mapping[str, Any], name: str) -> list[Any]:
    """A list field's items; nothing when the field holds something else (the schema reports it)."""
    value = record.get(name)
    return value if isinstance(value, list) else []


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


_NOT_A_WORD = re.compile(r"[\W_]+")


def _words(text: str) -> str:
    """The words of ``text``, casefolded, one space apart: "mental-health Unified line" and
    "Mental Health Unified Line" read the same."""
    return " ".join(_NOT_A_WORD.sub(" ", text.casefold()).split())


def _skeleton(text: str) -> str:
    """Letters and digits only, casefolded: "ул. Секретная, 5" and "ул Секретная 5" meet, so an
    address copied with other punctuation or spacing is still recognised."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_VALIDATORS: dict[int, Any] = {}


def _validator(key: int, schema: Mapping[str, Any]) -> Any:
    from jsonschema.validators import validator_for

    if key not in _VALIDATORS:
        _VALIDATORS[key] = validator_for(schema)(schema)
    return _VALIDATORS[key]


def schema_problems(record: Mapping[str, Any], schema: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every JSON Schema violation of one record, in document order, in plain words."""
    schema = load_schema() if schema is None else schema
    validator = _validator(id(schema), schema)
    service_id = str(record.get("id", "?"))
    findings = [
        (found, finding)
        for error in sorted(validator.iter_errors(record), key=lambda e: [str(p) for p in e.path])
        for found in _closest(error)
        for finding in _schema_findings(found)
    ]
    missing = {where for _error, (msgid, _params, where) in findings if msgid == _MISSING}
    out = []
    for found, (msgid, params, where) in findings:
        if missing.intersection(_untested_conditions(found, record, schema)):
            continue  # reported as the missing field it is, not as what its absence let through
        out.append(Problem(service_id, "schema", ERROR, msgid, params, where or None))
    return out


def _untested_conditions(error: Any, record: Mapping[str, Any], root: Mapping[str, Any]) -> list[str]:
    """The fields (dotted paths) an ``if`` tested but the record lacks, when ``error`` comes from
    that ``if``'s ``then``. An ``if`` on a missing field holds (a JSON Schema rule), so a phone
    without its kind gets every kind's rule for its number ("not written in the expected form"),
    when what is wrong is only the missing kind."""
    path = list(error.absolute_schema_path)
    if "then" not in path:
        return []
    at = len(path) - 1 - path[::-1].index("then")
    tail = path[at + 1 :]
    depth = 0  # how far below the if/then's object the error is: ["properties", name] steps
    while len(tail) > 1 and tail[0] == "properties":
        depth, tail = depth + 1, tail[2:]
    if len(tail) != 1:
        return []
    node: Any = root
    instance: Any = record
    base = list(error.absolute_path)[: len(error.absolute_path) - depth]
    try:
        for part in path[:at]:
            while isinstance(node, Mapping) and part not in node and isinstance(node.get("$ref"), str):
                target: Any = root
                for step in node["$ref"].removeprefix("#/").split("/"):
                    target = target[step]
                node = target
            node = node[part]
        for part in base:
            instance = instance[part]
    except (KeyError, IndexError, TypeError):
        return []
    condition = node.get("if") if isinstance(node, Mapping) else None
    if not isinstance(condition, Mapping) or not isinstance(instance, Mapping):
        return []
    required = set(condition.get("required", ()))
    prefix = ".".join(str(p) for p in base)
    return [
        f"{prefix}.{name}" if prefix else name
        for name in condition.get("properties", {})
        if name not in instance and name not in required
    ]


def _closest(error: Any) -> Iterator[Any]:
    """The errors to report for one jsonschema error: for a oneOf/anyOf, those of the alternative
    that got furthest into the value ("city.en is missing", not "not valid under any of the given
    schemas")."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        yield error
        return
    branches: dict[Any, list[Any]] = defaultdict(list)
    for sub in error.context:
        branches[sub.relative_schema_path[0]].append(sub)
    closest = max(
        branches.values(),
        key=lambda subs: max((len(sub.absolute_path), sub.validator != "type") for sub in subs),
    )
    for sub in closest:
        yield from _closest(sub)


_MISSING = N_("The field {field} is missing.")

# What the schema wants, by JSON type, said about the value found instead.
_NEEDS = {
    "string": N_("The field {field} needs text, not {value}."),
    "number": N_("The field {field} needs a number, not {value}."),
    "integer": N_("The field {field} needs a whole number, not {value}."),
    "boolean": N_("The field {field} needs true or false, not {value}."),
    "array": N_("The field {field} needs a list, not {value}."),
    "object": N_("The field {field} needs an object with fields, not {value}."),
    "null": N_("The field {field} must be empty (null), not {value}."),
}


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def _schema_findings(error: Any) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``(msgid, params, field)`` for one jsonschema error, in plain words naming the field; the
    validator's own English only for checks the record schema rarely makes."""
    where = ".".join(str(p) for p in error.absolute_path)
    kind, expected, value = error.validator, error.validator_value, error.instance

    def at(name: str) -> str:
        return f"{where}.{name}" if where else name

    if kind == "required" and isinstance(value, Mapping):
        for name in (n for n in expected if n not in value):
            yield _MISSING, {"field": at(name)}, at(name)
    elif kind == "additionalProperties" and isinstance(value, Mapping):
        for name in (n for n in value if n not in error.schema.get("properties", {})):
            yield N_("There is no field {field}: check its name."), {"field": at(name)}, at(name)
    elif kind == "type":
        wanted = [expected] if isinstance(expected, str) else list(expected)
        main = next((t for t in wanted if t != "null"), "null")
        yield _NEEDS.get(main, _NEEDS["string"]), {"field": where, "value": _shown(value)}, where
    elif kind in ("enum", "const"):
        valid = ", ".join(_shown(v).strip('"') for v in (expected if kind == "enum" else [expected]))
        params = {"field": where, "value": _shown(value), "valid": valid}
        yield N_("The field {field} cannot be {value}; use one of: {valid}."), params, where
    elif kind in ("pattern", "format"):
        params = {"field": where, "value": _shown(value)}
        yield N_("The field {field} is not written in the expected form: {value}."), params, where
    elif kind in ("minLength", "minItems"):
        yield N_("The field {field} is empty."), {"field": where}, where
    elif kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        params = {"field": where, "value": _shown(value)}
        yield N_("The field {field} is out of range: {value}."), params, where
    else:
        yield N_("Does not match the schema: {reason}"), {"reason": error.message}, where


def closed_named_lines(record: Mapping[str, Any]) -> Iterator[Problem]:
    """A warning for each number of a national line no longer active that kzsupport's own fixed
    sentences still tell people to call (``NAMED_IN_TEXTS``)."""
    if record.get("scope") != "national" or record.get("status") == "active":
        return
    for phone in _items(record, "phones"):
        number = phone.get("number") if isinstance(phone, Mapping) else None
        if number in NAMED_IN_TEXTS:
            yield Problem(
                str(record.get("id", "?")),
                "status",
                WARNING,
                N_("kzsupport's own texts (footers, sheets, \"no verified contact\") tell people "
                   "to call {number}, but this line is no longer marked active: have those texts "
                   "changed."),
                {"number": number},
                "status",
            )


# Where a record explains or cites rather than presents its service: a caveat may say "not the
# 'Mental Health Unified Line' some apps call it", a source may be titled with the wrong label.
_EXPLAINING = ("caveats.", "sources.", "verification.")


def mislabel_problems(record: Mapping[str, Any], denylist: Denylist | None = None) -> Iterator[Problem]:
    """A label the denylist says is wrong for one of the record's numbers, in the texts that present
    the service (name, description, hours...; not caveats, notes or sources). Another record may
    name the label: only the service of that number is mislabelled by it."""
    denylist = load_denylist() if denylist is None else denylist
    numbers = {
        normalize_number(str(phone.get("number"))) or str(phone.get("number"))
        for phone in _items(record, "phones")
        if isinstance(phone, Mapping)
    }
    wrong = [m for m in denylist.mislabels if m.number in numbers]
    if not wrong:
        return
    msgids = {
        ERROR: N_('"{label}" is a known wrong label for {number}: name and describe the service as '
                  "its sources do."),
        WARNING: N_('"{label}" oversimplifies what {number} is: name and describe the service as its '
                    "sources do."),
    }
    for where, text in _strings(record):
        if where.startswith(_EXPLAINING) or ".note" in f".{where}":
            continue
        words = _words(text)
        for mislabel in wrong:
            if f" {_words(mislabel.label)} " in f" {words} ":
                yield Problem(
                    str(record.get("id", "?")),
                    "denylist",
                    mislabel.severity,
                    msgids[mislabel.severity],
                    {"label": mislabel.label, "number": mislabel.number},
                    where,
                )


def _record_problems(
    record: Mapping[str, Any], regions: Mapping[str, Region], denylist: Denylist
) -> Iterator[Problem]:
    sid = str(record.get("id", "?"))

    def problem(
        check: str, msgid: str, where: str | None = None, severity: str = ERROR, **params: Any
    ) -> Problem:
        return Problem(sid, check, severity, msgid, params, where)

    kind = record.get("type")
    if kind not in SERVICE_TYPES:
        yield problem(
            "type",
            N_("Unknown service type {value}; known types: {known}."),
            "type",
            value=kind,
            known=", ".join(SERVICE_TYPES),
        )
    yield from closed_named_lines(record)
    yield from mislabel_problems(record, denylist)
    scope, region_id = record.get("scope"), record.get("region")
    if scope not in SCOPES:
        yield problem(
            "region",
            N_("Unknown scope {value}: use national or local."),
            "scope",
            value=scope,
        )
    if region_id is not None and not (isinstance(region_id, str) and region_id in regions):
        yield problem(
            "region",
            N_('Unknown region {value}; run "kzsupport regions" for the ids.'),
            "region",
            value=region_id,
        )
    if scope == "national" and region_id is not None:
        yield problem(
            "region",
            N_("A national record has no region (found {region})."),
            "region",
            region=region_id,
        )

    for index, phone in enumerate(_items(record, "phones")):
        if not isinstance(phone, Mapping):
            continue
        number, pkind, display = phone.get("number"), str(phone.get("kind", "")), phone.get("display")
        # A number of another type is the schema's to report; so is a missing kind, without which
        # the number cannot be judged (a Telegram name is no phone number).
        if isinstance(number, str) and "kind" in phone:
            shown = display if isinstance(display, str) else None
            for msgid, params in phone_problems(number, pkind, shown):
                yield problem("phone", msgid, f"phones.{index}", **params)
        number = str(number)
        blocked = normalize_number(number)
        if blocked in denylist.numbers:
            yield problem(
                "denylist",
                N_("{number} is a known fabricated number: remove it."),
                f"phones.{index}.number",
                number=number,
            )
        # A display form that does not dial the number is reported with the number's checks; one
        # that shows another, fabricated number is named here whatever the phone's kind.
        if isinstance(display, str) and normalize_number(display) != blocked:
            for found in numbers_in_text(display, denylist.numbers):
                yield problem(
                    "denylist",
                    N_("{number} is a known fabricated number: remove it."),
                    f"phones.{index}.display",
                    number=found,
                )

    for where, text in _strings(record):
        if text and not text.strip():  # "" is the schema's to refuse; spaces pass it unseen
            yield problem("text", N_("The field {field} holds only spaces: write it or clear it."),
                          where, field=where)
        control = CONTROL.search(text)
        if control:
            yield problem(
                "text",
                N_("The field {field} holds a control character ({char}): remove it."),
                where,
                field=where,
                char=repr(control.group())[1:-1],
            )
        folded = _fold(text)
        for bad in denylist.texts:
            if _fold(bad) in folded:
                yield problem(
                    "denylist",
                    N_("The text {text} is on the list of fabricated details."),
                    where,
                    text=bad,
                )
        if where.startswith("phones.") and where.endswith((".number", ".display")):
            continue
        whole = numbers_in_text(text, denylist.numbers)
        for found in whole:
            yield problem(
                "denylist",
                N_("{number} is a known fabricated number: remove it."),
                where,
                number=found,
            )
        for written, number in [] if whole else local_numbers_in_text(text, denylist.numbers):
            yield problem(
                "denylist",
                N_("{written} may be the fabricated number {number} written without its area code: "
                   "check it against the sources."),
                where,
                WARNING,
                written=written,
                number=display_form(number),
            )

    location = record.get("location")
    if isinstance(location, Mapping):
        try:
            lat, lon = float(location["lat"]), float(location["lon"])
        except (KeyError, TypeError, ValueError):
            pass  # the schema reports it
        else:
            known = region_id if isinstance(region_id, str) and region_id in regions else None
            for msgid, params in location_problems(lat, lon, known):
                yield problem("coordinates", msgid, "location", **params)

    for name in ("name", "description"):
        texts = record.get(name)
        if isinstance(texts, Mapping):
            missing = [lang for lang in LANGS if not texts.get(lang)]
            if missing:
                yield problem(
                    "languages",
                    N_("{field} is missing in: {langs}."),
                    name,
                    field=name,
                    langs=", ".join(missing),
                )
    for where, texts in _localized(record):
        missing = [lang for lang in LANGS if not texts.get(lang)]
        if missing and len(missing) < len(LANGS):
            yield problem(
                "languages",
                N_("{field} is missing in: {langs}."),
                where,
                WARNING,
                field=where,
                langs=", ".join(missing),
            )

    verification = record.get("verification")
    dates = [
        (f"sources.{index}.{key}", entry.get(key))
        for index, entry in enumerate(_items(record, "sources"))
        if isinstance(entry, Mapping)
        for key in ("date", "accessed")
    ]
    if isinstance(verification, Mapping):
        dates.append(("verification.date", verification.get("date")))
    for where, value in dates:
        why = date_problem(value)
        if why is not None:
            yield problem("dates", why, where, value=value, field=where)
    if isinstance(verification, Mapping):
        status = verification.get("status")
        if status == "unverified" and not verification.get("note"):
            yield problem(
                "verification",
                N_("An unverified record needs a note saying what is unverified."),
                "verification.note",
            )
        if status == "verified" and not (verification.get("date") and verification.get("method")):
            yield problem(
                "verification",
                N_('A verified record needs the date and method of the check: use "kzsupport db verify".'),
                "verification",
            )
    if not record.get("sources"):
        yield problem("sources", N_("A record needs at least one source."), "sources")


def _localized(record: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The optional trilingual texts of a record, with their paths."""
    for name in _OPTIONAL_TEXTS:
        value = record.get(name)
        if isinstance(value, Mapping):
            yield name, value
    for parent, child in (
        ("address", "text"),
        ("address", "note"),
        ("hours", "text"),
        ("fees", "note"),
    ):
        value = record.get(parent)
        if isinstance(value, Mapping) and isinstance(value.get(child), Mapping):
            yield f"{parent}.{child}", value[child]
    for name in ("required_documents", "caveats"):
        for index, value in enumerate(_items(record, name)):
            if isinstance(value, Mapping):
                yield f"{name}.{index}", value
    for index, source in enumerate(_items(record, "sources")):
        if isinstance(source, Mapping) and isinstance(source.get("about"), Mapping):
            yield f"sources.{index}.about", source["about"]
    for index, phone in enumerate(_items(record, "phones")):
        if isinstance(phone, Mapping) and isinstance(phone.get("note"), Mapping):
            yield f"phones.{index}.note", phone["note"]


@dataclass
class _Features:
    """What the cross-record checks need from one record, computed once per record object."""

    sid: str
    phones: tuple[str, ...]
    names: tuple[tuple[str, str], ...]
    secrets: tuple[str, ...]
    record: Mapping[str, Any]
    _folded: tuple[tuple[str, str], ...] | None = None

    def folded(self) -> tuple[tuple[str, str], ...]:
        if self._folded is None:
            self._folded = tuple((where, _skeleton(text)) for where, text in _strings(self.record))
        return self._folded


def _features(record: Mapping[str, Any]) -> _Features:
    sid = str(record.get("id", "?"))
    phones = tuple(
        str(phone["number"])
        for phone in _items(record, "phones")
        if isinstance(phone, Mapping) and phone.get("number")
    )
    city = record.get("city") if isinstance(record.get("city"), Mapping) else None
    place = _fold(str(next(iter(city.values()), "") or "")) if city else str(record.get("region"))
    names = []
    name = record.get("name")
    if isinstance(name, Mapping):
        for lang in LANGS:
            if name.get(lang):
                place_key = _fold(str(city.get(lang) or "")) if city else place
                names.append((_fold(str(name[lang])), place_key))
    secrets = []
    address = record.get("address")
    if isinstance(address, Mapping) and address.get("confidential"):
        text = address.get("text")
        for value in text.values() if isinstance(text, Mapping) else ():
            if isinstance(value, str) and len(_skeleton(value)) >= 5:
                secrets.append(_skeleton(value))
    return _Features(sid, phones, tuple(names), tuple(secrets), record)


def _duplicate(sid: str, msgid: str, field_name: str, **params: Any) -> Problem:
    return Problem(sid, "duplicate", ERROR, msgid, params, field_name)


DIRECTORY = ""
"""The ``service_id`` of a finding about the directory as a whole, not one record."""


def _national_line_problems(records: Sequence[Mapping[str, Any]]) -> Iterator[Problem]:
    """Every listing and sheet ends with the national lines, and fixed texts name four numbers
    (``NAMED_IN_TEXTS``). Warnings, not errors: when a line closes, marking it inactive must never
    be refused. A line marked inactive is reported by ``closed_named_lines``."""
    national = [r for r in records if r.get("scope") == "national"]
    listed = {str(phone.get("number")) for r in national
              for phone in _items(r, "phones") if isinstance(phone, Mapping)}
    if not any(r.get("status") != "inactive" and _items(r, "phones") for r in national):
        yield Problem(DIRECTORY, "national", WARNING, N_(
            "No national line is active with a number: every listing and sheet ends with the "
            "national lines, and here there are none."), {}, None)
    for number in NAMED_IN_TEXTS:
        if number not in listed:
            yield Problem(DIRECTORY, "national", WARNING, N_(
                "No national record has the number {number}, which kzsupport's own texts tell "
                "people to call."), {"number": number}, None)


def _meta_problems(meta: Mapping[str, Any]) -> list[Problem]:
    """The directory's meta document gives its date, shown as "Data as of" everywhere."""
    as_of = meta.get("as_of")
    day = ISO_DATE.match(as_of) if isinstance(as_of, str) else None
    if day is None or day.group(3) is None or date_problem(as_of):
        return [Problem(DIRECTORY, "meta", ERROR, N_(
            "The directory has no valid date (meta.as_of, written YYYY-MM-DD), which every listing "
            "and sheet shows as \"Data as of\"."), {}, "meta.as_of")]
    return []


def _cross_record_problems(
    records: Sequence[Mapping[str, Any]], cache: dict[int, _Features] | None = None
) -> Iterator[Problem]:
    """Duplicates and leaks across records. ``cache`` (by object identity, for records that stay
    alive meanwhile) lets two versions of a directory that share most records be checked cheaply."""
    cache = {} if cache is None else cache
    ids: dict[str, int] = defaultdict(int)
    phones: dict[str, list[str]] = defaultdict(list)
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    secrets: list[tuple[str, str]] = []
    features = []
    for record in records:
        feat = cache.get(id(record))
        if feat is None or feat.record is not record:
            feat = cache[id(record)] = _features(record)
        features.append(feat)
        ids[feat.sid] += 1
        for number in feat.phones:
            phones[number].append(feat.sid)
        for key in feat.names:
            names[key].append(feat.sid)
        secrets.extend((feat.sid, secret) for secret in feat.secrets)

    for sid, count in ids.items():
        if count > 1:
            yield _duplicate(sid, N_("The id {id} is used by {count} records."), "id", id=sid, count=count)
    seen: set[tuple[str, str, str]] = set()
    shared = [
        (N_("The number {number} is also listed by {others}."), "phones", {"number": n}, o)
        for n, o in phones.items()
    ]
    shared += [
        (N_("Same name and city as {others}: is it the same service?"), "name", {}, o) for o in names.values()
    ]
    for msgid, field_name, params, owners in shared:
        unique = sorted(set(owners))
        for sid in unique if len(unique) > 1 else ():
            others = ", ".join(o for o in unique if o != sid)
            if (msgid, sid, others) in seen:
                continue
            seen.add((msgid, sid, others))
            yield _duplicate(sid, msgid, field_name, others=others, **params)
    for owner, secret in secrets:
        for feat in features:
            for where, folded in feat.folded():
                if feat.sid == owner and where.startswith("address."):
                    continue
                if secret in folded:
                    yield Problem(
                        feat.sid,
                        "confidential",
                        ERROR,
                        N_("The confidential address of {owner} appears in {field}: remove it."),
                        {"owner": owner, "field": where},
                        where,
                    )


def validate_records(
    records: Sequence[Mapping[str, Any]],
    regions: Mapping[str, Region],
    *,
    schema: Mapping[str, Any] | None = None,
    denylist: Denylist | None = None,
) -> Report:
    """Every check on every record; problems grouped by record in file order."""
    denylist = load_denylist() if denylist is None else denylist
    schema = load_schema() if schema is None else schema
    order = {str(r.get("id", "?")): i for i, r in enumerate(records)}
    found: list[Problem] = []
    for record in records:
        found.extend(_single_record(record, regions, schema, denylist))
    found.extend(_cross_record_problems(records))
    found.sort(key=lambda p: order.get(p.service_id, len(order)))
    return Report(problems=tuple(_unique(found)), checked=len(records))


def validate_directory(tables: Mapping[str, Any], regions: Mapping[str, Region]) -> Report:
    """Every check on a directory file's tables: its records and its meta document."""
    from kzsupport.store import SERVICES, meta_doc

    records = list(tables[SERVICES].values())
    report = validate_records(records, regions)
    whole = [*_national_line_problems(records), *_meta_problems(meta_doc(tables))]
    return Report(problems=(*report.problems, *whole), checked=report.checked)


# Findings for one record depend only on the record (and the fixed reference data), so a writer that
# re-validates a large file after each small change only checks the records that changed.
_MEMO: dict[tuple[str, int, int, int], tuple[Problem, ...]] = {}
_MEMO_SIZE = 8192


def _single_record(
    record: Mapping[str, Any],
    regions: Mapping[str, Region],
    schema: Mapping[str, Any],
    denylist: Denylist,
) -> tuple[Problem, ...]:
    key = (json.dumps(record, sort_keys=True, default=str), id(regions), id(schema), id(denylist))
    cached = _MEMO.get(key)
    if cached is None:
        own = tuple(_record_problems(record, regions, denylist))
        # A short number given another kind is explained by the phone check ("150 is a short number:
        # give it the kind short_number"); the schema's "not in the expected form" would contradict it.
        phones = {f"{p.field}.number" for p in own if p.msgid == SHORT_GIVEN_ANOTHER_KIND and p.field}
        # An unknown type, scope or region is named by its own check with the known values: the
        # schema's "cannot be ..." for the same field would say it a second time.
        named = {p.field for p in own if p.check in ("type", "scope", "region") and p.field}
        # "name is missing in: kk, ru, en" says what "name.kk needs text, not null" says three times.
        named |= {f"{p.field}.{lang}" for p in own if p.check == "languages" and p.severity == ERROR
                  for lang in p.params.get("langs", "").split(", ")}
        said = phones | named
        cached = (
            *(p for p in schema_problems(record, schema) if p.field not in said),
            *own,
        )
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        _MEMO[key] = cached
    return cached


def _unique(problems: Iterable[Problem]) -> Iterator[Problem]:
    seen: set[tuple[str, str, str, str]] = set()
    for problem in problems:
        if problem.key() not in seen:
            seen.add(problem.key())
            yield problem


def new_errors(before: Report, after: Report) -> list[Problem]:
    """Errors in ``after`` that ``before`` did not have: what a write would introduce."""
    old = {p.key() for p in before.errors}
    return [p for p in after.errors if p.key() not in old]


def introduced_problems(
    before: Sequence[Mapping[str, Any]],
    after: Sequence[Mapping[str, Any]],
    regions: Mapping[str, Region],
) -> list[Problem]:
    """The errors and warnings a change from ``before`` to ``after`` would add, checking only what
    can differ: single-record checks on the records that changed, cross-record checks on both
    versions."""
    schema, denylist = load_schema(), load_denylist()
    old_by_id = {str(r.get("id", "?")): r for r in before}
    old: set[tuple[str, str, str, str]] = set()
    found: list[Problem] = []
    for record in after:
        sid = str(record.get("id", "?"))
        previous = old_by_id.get(sid)
        if previous == record:
            continue
        if previous is not None:
            old.update(p.key() for p in _single_record(previous, regions, schema, denylist))
        found.extend(_single_record(record, regions, schema, denylist))
    cache: dict[int, _Features] = {}
    old.update(p.key() for p in _cross_record_problems(before, cache))
    found.extend(_cross_record_problems(after, cache))
    return [p for p in _unique(found) if p.key() not in old]


def first_schema_error(record: Mapping[str, Any], regions: Mapping[str, Region]) -> Problem | None:
    """The first schema problem of a record (remembered, so re-reading a big file is cheap)."""
    problems = _single_record(record, regions, load_schema(), load_denylist())
    return next((p for p in problems if p.check == "schema"), None)
