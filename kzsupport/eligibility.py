"""Who is entitled to what: facts about a client in, outcomes with their legal basis out.

The rules are data (``data/rules.json``): each has an effective period, a condition over named facts in a
small declarative language, an outcome (``eligible``, ``not_eligible`` or ``depends``), texts in kk, ru and
en, citations and the service types to refer to. This module loads them, evaluates them with three-valued
logic (a fact not yet known makes a condition *unknown*, not false), chooses the next question worth
asking, and checks the rules file for contradictions. Pure: no click, no rich, nothing written anywhere.

Condition language (JSON)::

    {"all": [c, ...]}   {"any": [c, ...]}   {"not": c}         {"ref": "named-condition"}
    {"eq": ["fact", value]}   {"in": ["fact", [values]]}   {"gte": ["age", 16]}   {"lte": ["age", 17]}
    {"known": "fact"}

For a multi-choice fact (``victim_of``) ``eq``/``in`` are true when any chosen value is in the list.
"""

import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple, TypeAlias

from kzsupport.errors import BadInput, KzSupportError, Phrase, file_reason
from kzsupport.i18n import N_
from kzsupport.models import PROGRAMMES, SERVICE_TYPES, Localized

UNKNOWN = "unknown"
"""The answer "I don't know": the fact stays unknown in the rules but is not asked again."""

OUTCOMES: tuple[str, ...] = ("eligible", "not_eligible", "depends")
NO_RULES = "no_rules"
"""A programme outcome when no rule in force on the date asked about covers the answers."""
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")
AGE_MIN, AGE_MAX = 0, 120

FactValue: TypeAlias = str | int | frozenset[str]
Facts = Mapping[str, FactValue]

# Answer words in the three languages. Matching ignores case and surrounding spaces.
# Kazakh is also accepted in the 2021 Latin alphabet (iä, joq, artqa), as kk-latn users type it and
# as the kk-latn prompts print it (и is i; ıä, with the letter of і, is a common slip).
YES_WORDS = frozenset({"yes", "y", "true", "иә", "ия", "иа", "iä", "ıä", "ia", "да", "д"})
NO_WORDS = frozenset({"no", "n", "false", "жоқ", "жок", "joq", "нет", "н"})
UNKNOWN_WORDS = frozenset({
    "unknown", "?", "don't know", "dont know", "білмеймін", "bılmeimın", "белгісіз", "не знаю",
    "неизвестно",
})
BACK_WORDS = frozenset({"back", "артқа", "artqa", "назад"})

ANSWERS_UNREADABLE = N_("Cannot read the answers file {path}: {reason}.")


# Facts -------------------------------------------------------------------------------------------


class FactDef(NamedTuple):
    """One fact the rules may ask about. ``question`` and ``help`` and the value labels are msgids."""

    key: str
    kind: str  # "bool", "choice", "multi" or "int"
    question: str
    help: str
    values: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # msgids, parallel to ``values``

    def label(self, value: str) -> str:
        """The msgid naming ``value`` (untranslated)."""
        return dict(zip(self.values, self.labels, strict=True)).get(value, value)

    def valid_answers(self) -> Phrase:
        """What can be typed, in the interface language when the message is shown."""
        if self.kind == "int":
            return Phrase(N_("a whole number from {low} to {high}, or ? (don't know)"),
                          low=AGE_MIN, high=AGE_MAX)
        if self.kind == "bool":
            return Phrase(N_("{yes}, {no} or ? (don't know)"),
                          yes=Phrase(N_("yes")), no=Phrase(N_("no")))
        return Phrase(N_("a number from 1 to {count} or one of {ids}, or ? (don't know)"),
                      count=len(self.values), ids=", ".join(self.values))


_YES_NO = ("yes", "no")
_YES_NO_LABELS = (N_("yes"), N_("no"))

FACTS: tuple[FactDef, ...] = (
    FactDef(
        "victim_of",
        "multi",
        N_("What has the client suffered? (one or more, separated by commas)"),
        N_("Domestic violence is violence in family or household relations (spouses, former spouses, "
           "people living or having lived together, close relatives, people with a child in common)."),
        ("domestic_violence", "sexual_violence", "trafficking", "terrorism", "torture",
         "other_crime", "none"),
        (N_("domestic violence"), N_("sexual violence"), N_("human trafficking"),
         N_("an act of terrorism"), N_("torture"), N_("another crime"), N_("none of these")),
    ),
    FactDef(
        "matter",
        "choice",
        N_("What is the legal question about?"),
        N_("Choose the closest; \"other\" if none fits."),
        ("alimony", "pensions_benefits", "rehabilitation", "refugee_or_kandas_status",
         "minor_without_parental_care", "other"),
        (N_("recovering alimony"), N_("award of a pension or benefits"), N_("rehabilitation"),
         N_("refugee or kandas status"), N_("a minor left without parental care"), N_("other")),
    ),
    FactDef(
        "seeking",
        "choice",
        N_("Is the client seeking compensation for harm?"),
        N_("Compensation for harm caused by a crime (including domestic violence that is a crime), "
           "for the death of a breadwinner, or for an injury linked to work."),
        ("compensation_crime_damage", "compensation_breadwinner_death",
         "compensation_work_injury", "other"),
        (N_("compensation for harm caused by a crime"),
         N_("compensation for the death of a breadwinner"),
         N_("compensation for a work injury"), N_("no, something else")),
    ),
    FactDef(
        "disability_group",
        "choice",
        N_("Does the client have a disability group?"),
        N_("The group stated on the disability certificate."),
        ("1", "2", "3", "none"),
        (N_("group I"), N_("group II"), N_("group III"), N_("no disability group")),
    ),
    FactDef("pensioner", "bool", N_("Is the client an old-age pensioner?"),
            N_("A pension by age, not a disability or survivor's pension."), _YES_NO, _YES_NO_LABELS),
    FactDef(
        "veteran",
        "choice",
        N_("Is the client a war veteran?"),
        N_("A participant of the Great Patriotic War or a person of equal status, or a veteran of "
           "combat on the territory of other states."),
        ("great_patriotic_war", "armed_conflict", "none"),
        (N_("Great Patriotic War participant or equal status"),
         N_("veteran of combat in other states"), N_("no")),
    ),
    FactDef("conscript", "bool", N_("Is the client doing compulsory military service?"),
            N_("A conscript (срочная служба)."), _YES_NO, _YES_NO_LABELS),
    FactDef("large_family", "bool", N_("Is the client's family a large family (many children)?"),
            N_("A family recognised as large (многодетная семья / көпбалалы отбасы)."),
            _YES_NO, _YES_NO_LABELS),
    FactDef(
        "low_income",
        "bool",
        N_("Is the family's average monthly income per person below the poverty line of its region?"),
        N_("Add up the family's monthly income and divide by the number of family members; compare "
           "with the poverty line set for the region, city of republican significance or the capital "
           "(ask the district employment and social programmes department). A family receiving "
           "targeted social assistance (ASP) is below it. Answer \"unknown\" if you cannot tell."),
        _YES_NO,
        _YES_NO_LABELS,
    ),
    FactDef("business_matter", "bool",
            N_("Is the legal question related to the client's business activities?"),
            N_("Some groups get free help only on matters not related to business activities."),
            _YES_NO, _YES_NO_LABELS),
    FactDef("age", "int", N_("How old is the client (years)?"),
            N_("A whole number from 0 to 120."), (), ()),
    FactDef("speaks_court_language", "bool",
            N_("Does the client speak Kazakh or Russian well enough to take part in proceedings?"),
            N_("A victim who does not speak the language of the proceedings gets a lawyer and a free "
               "interpreter."), _YES_NO, _YES_NO_LABELS),
    FactDef("unable_to_self_represent", "bool",
            N_("Does a physical or mental condition keep the client from defending their own rights?"),
            N_("For example a serious illness or a disability that prevents the client from acting "
               "alone."), _YES_NO, _YES_NO_LABELS),
    FactDef("citizen", "bool", N_("Is the client a citizen of Kazakhstan?"),
            N_("Answer \"no\" for kandases, foreigners and stateless persons."),
            _YES_NO, _YES_NO_LABELS),
    FactDef("aggressor_16_or_over", "bool", N_("Is the person who committed the violence 16 or older?"),
            N_("A police protective order can be issued only against a person aged 16 or over."),
            _YES_NO, _YES_NO_LABELS),
)

FACTS_BY_KEY: Mapping[str, FactDef] = {f.key: f for f in FACTS}
_ORDER = {f.key: i for i, f in enumerate(FACTS)}


def fact(key: str) -> FactDef:
    try:
        return FACTS_BY_KEY[key]
    except KeyError:
        raise BadInput(
            N_("Unknown fact {key}. Valid facts: {valid}. See \"kzsupport rules facts\"."),
            key=key,
            valid=", ".join(FACTS_BY_KEY),
        ) from None


class BadValue(BadInput):
    """An answer that is none of a fact's values. The interview, which shows the values as a
    numbered list, says what to type in its own words (``fact``)."""

    def __init__(self, f: FactDef, value: object) -> None:
        super().__init__(
            N_("Invalid value {value} for {key}. Valid values: {valid}."),
            # as the answers file wrote it (null, true, {"a": 1}), not as Python prints it
            value=value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str),
            key=f.key,
            valid=f.valid_answers(),
        )
        self.fact = f


def parse_value(key: str, raw: object) -> FactValue:
    """The canonical value of ``key`` from what a person typed or a JSON answers file holds.

    Yes/no facts accept yes/no, true/false, иә/жоқ and да/нет in any case; choice facts accept the value
    id or its number in the list (1-based); ``victim_of`` takes several, separated by commas; ``age`` a
    whole number from 0 to 120. "unknown" (or білмеймін / не знаю) is accepted for every fact.
    """
    f = fact(key)
    if isinstance(raw, bool):
        if f.kind != "bool":
            raise BadValue(f, raw)
        return "yes" if raw else "no"
    if isinstance(raw, int) and f.kind == "int":
        return _age(f, raw)
    if isinstance(raw, list) and f.kind == "multi":
        return _multi(f, [str(x) for x in raw])
    if not isinstance(raw, (str, int)):
        raise BadValue(f, raw)
    text = str(raw).strip().lower()
    if text in UNKNOWN_WORDS:
        return UNKNOWN
    if f.kind == "bool":
        if text in YES_WORDS:
            return "yes"
        if text in NO_WORDS:
            return "no"
        raise BadValue(f, raw)
    if f.kind == "int":
        try:
            number = int(text)
        except ValueError:
            raise BadValue(f, raw) from None
        return _age(f, number)
    if f.kind == "multi":
        return _multi(f, [part for part in text.replace(";", ",").split(",") if part.strip()])
    return _choice(f, text)


def _age(f: FactDef, number: int) -> int:
    if not AGE_MIN <= number <= AGE_MAX:
        raise BadInput(
            N_("Impossible age {value} for {key}: give a whole number from {low} to {high}."),
            value=number, key=f.key, low=AGE_MIN, high=AGE_MAX,
        )
    return number


def _choice(f: FactDef, text: str) -> str:
    text = text.strip().lower()
    if text in f.values:
        return text
    if text.isdigit() and 1 <= int(text) <= len(f.values):
        return f.values[int(text) - 1]
    raise BadValue(f, text)


def _multi(f: FactDef, parts: Sequence[str]) -> FactValue:
    if len(parts) == 1 and parts[0].strip().lower() in UNKNOWN_WORDS:
        return UNKNOWN
    chosen = frozenset(_choice(f, p) for p in parts)
    if not chosen:
        raise BadValue(f, "")
    if "none" in chosen and len(chosen) > 1:
        raise BadInput(
            N_("{key}: \"none\" cannot be combined with other values."), key=f.key
        )
    return chosen


def parse_answers(pairs: Iterable[tuple[str, object]]) -> dict[str, FactValue]:
    """Answers keyed by fact, each parsed and checked (``--answer KEY=VALUE`` or a JSON file)."""
    return {key: parse_value(key, raw) for key, raw in pairs}


def parse_assignment(text: str) -> tuple[str, str]:
    """``KEY=VALUE`` as typed on the command line."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise BadInput(N_("Expected KEY=VALUE, got {text}."), text=text)
    fact(key.strip())
    return key.strip(), value.strip()


def answers_from_json(text: str, source: str) -> dict[str, FactValue]:
    """Answers from the text of a JSON file: one object mapping fact keys to values."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(ANSWERS_UNREADABLE, path=source, reason=file_reason(exc)) from None
    if not isinstance(data, dict):
        raise BadInput(
            N_("The answers file {path} must hold one JSON object mapping fact keys to values."),
            path=source,
        )
    return parse_answers(data.items())


def display_value(key: str, value: FactValue) -> tuple[str, ...]:
    """The msgids (or plain numbers) that name an answer, for a summary."""
    f = fact(key)
    if value == UNKNOWN:
        return (N_("don't know"),)
    if isinstance(value, frozenset):
        return tuple(f.label(v) for v in f.values if v in value)
    if isinstance(value, int):
        return (str(value),)
    return (f.label(value),)


def parse_date(text: str) -> date:
    """A day written YYYY-MM-DD only (Python 3.11 would also read 20240616 and 2024-W24-7)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text.strip()):
        raise BadInput(
            N_("Invalid date {value}: use the form YYYY-MM-DD, for example 2024-06-16."), value=text
        )
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(N_("{value} is not a real calendar date."), value=text.strip()) from None


# Conditions --------------------------------------------------------------------------------------
#
# NamedTuples like the other records here (cheap to define at start-up). Each carries its kind as a
# last field, so that conditions of different kinds never compare equal: as bare tuples, All(x) would
# equal AnyOf(x).


class All(NamedTuple):
    items: "tuple[Cond, ...]"
    kind: str = "all"


class AnyOf(NamedTuple):
    items: "tuple[Cond, ...]"
    kind: str = "any"


class Not(NamedTuple):
    item: "Cond"
    kind: str = "not"


class In(NamedTuple):
    fact: str
    values: frozenset[str]
    kind: str = "in"


class Compare(NamedTuple):
    fact: str
    op: str  # "gte" or "lte"
    value: int
    kind: str = "compare"


class Known(NamedTuple):
    fact: str
    kind: str = "known"


Cond: TypeAlias = All | AnyOf | Not | In | Compare | Known
Result: TypeAlias = tuple[bool | None, frozenset[str]]
_NONE: frozenset[str] = frozenset()


def evaluate_condition(cond: Cond, facts: Facts) -> Result:
    """Three-valued (Kleene) truth of ``cond``, with the facts whose answers could still decide it."""
    if isinstance(cond, (All, AnyOf)):
        decisive = isinstance(cond, AnyOf)  # the child value that decides the whole at once
        unknown: set[str] = set()
        pending = False
        for item in cond.items:
            value, missing = evaluate_condition(item, facts)
            if value is decisive:
                return decisive, _NONE
            if value is None:
                pending = True
                unknown |= missing
        return (None, frozenset(unknown)) if pending else (not decisive, _NONE)
    if isinstance(cond, Not):
        value, missing = evaluate_condition(cond.item, facts)
        return (None if value is None else not value), missing
    given = facts.get(cond.fact)
    if isinstance(cond, Known):
        if given is None:
            return None, frozenset({cond.fact})
        return given != UNKNOWN, _NONE
    if given is None or given == UNKNOWN:
        return None, frozenset({cond.fact})
    if isinstance(cond, In):
        if isinstance(given, frozenset):
            return bool(given & cond.values), _NONE
        return str(given) in cond.values, _NONE
    if not isinstance(given, int):
        return None, frozenset({cond.fact})
    return (given >= cond.value if cond.op == "gte" else given <= cond.value), _NONE


# Rules -------------------------------------------------------------------------------------------


class Citation(NamedTuple):
    source: str
    act: Localized
    number: str | None  # None: an order known only by its state registration number
    date: str
    article: str
    url: str | None
    mirror: str | None
    confidence: str
    verified: bool
    note: Localized | None
    registration: str | None = None
    number_verified: bool = True


def number_text(c: Citation, gettext: Callable[[str], str]) -> str:
    """The act's number as cited, in the language of ``gettext``: ``No. 263 (reg. No. 32941)``,
    ``reg. No. 33002``, ``No. 72-VIII (number not verified)``."""
    parts = []
    if c.number is not None:
        msgid = N_("No. {number}") if c.number_verified else N_("No. {number} (number not verified)")
        parts.append(gettext(msgid).format(number=c.number))
    if c.registration is not None:
        reg = gettext(N_("reg. No. {number}")).format(number=c.registration)
        parts.append(f"({reg})" if parts else reg)
    return " ".join(parts)


# A citation's "article" field lists references ("71, 271, 272", "26(1), 26(2)(5)-(7), 29"), or says
# "—" when the rule cites the act as a whole.
_WHOLE_ACT = ("", "—", "-")


def article_refs(article: str) -> tuple[str, ...]:
    """The references an "article" field lists, in its order; () for the act as a whole."""
    if article.strip() in _WHOLE_ACT:
        return ()
    return tuple(ref.strip() for ref in article.split(",") if ref.strip())


def _article_key(ref: str) -> tuple[int, ...]:
    """Article 28-1 after 28 and before 29; its paragraphs ("28(2)") do not count."""
    return tuple(int(n) for n in re.findall(r"\d+", ref.split("(", 1)[0]))


def citation_words(act: str, number: str, on: str, refs: Sequence[str],
                   gettext: Callable[[str], str]) -> str:
    """The act, its number and date and the articles cited, in the language of ``gettext``: "article"
    for one article (even several of its paragraphs, "26(1), 26(2)"), "articles" for more, no
    article for the act as a whole."""
    if not refs:
        return gettext(N_("{act}, {number} of {date}")).format(act=act, number=number, date=on)
    if len({_article_key(ref) for ref in refs}) == 1:
        return gettext(N_("{act}, {number} of {date}, article {article}")).format(
            act=act, number=number, date=on, article=", ".join(refs))
    return gettext(N_("{act}, {number} of {date}, articles {articles}")).format(
        act=act, number=number, date=on, articles=", ".join(refs))


class ActCitation(NamedTuple):
    """Everything cited from one act, for a single entry on a sheet."""

    cited: Citation  # the first citation of the act: its name, number and date
    articles: tuple[str, ...]  # every reference, in article order; () for the act as a whole
    unverified: tuple[str, ...]  # the references some rule cites unverified
    verified: bool  # False when nothing cited from the act is verified


def by_act(citations: Iterable[Citation]) -> list[ActCitation]:
    """``citations`` merged by act, in the order each act is first cited. A reference cited both
    verified and unverified counts as unverified. A whole-act citation beside articles of the same
    act adds no reference: the articles name the act already."""
    grouped: dict[str, list[Citation]] = {}
    for c in citations:
        grouped.setdefault(c.source, []).append(c)
    out = []
    for cites in grouped.values():
        refs: dict[str, bool] = {}  # reference -> verified in every citation of it
        for c in cites:
            for ref in article_refs(c.article):
                refs[ref] = refs.get(ref, True) and c.verified
        ordered = tuple(sorted(refs, key=_article_key))
        out.append(ActCitation(
            cited=cites[0],
            articles=ordered,
            unverified=tuple(ref for ref in ordered if not refs[ref]),
            verified=any(c.verified for c in cites),
        ))
    return out


class Rule(NamedTuple):
    id: str
    programme: str
    valid_from: date
    valid_to: date | None
    from_approximate: bool
    when: Cond
    outcome: str
    depends_on: Localized | None
    title: Localized
    explanation: Localized
    next_steps: tuple[Localized, ...]
    citations: tuple[Citation, ...]
    refer_to: tuple[str, ...]
    facts: tuple[str, ...]  # every fact the condition mentions, in question order
    source: Mapping[str, Any]  # the rule as written in the file, conditions unexpanded

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    @property
    def verified(self) -> bool:
        return all(c.verified for c in self.citations)


class RuleSet(NamedTuple):
    version: int
    reviewed: str
    programmes: Mapping[str, Localized]
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KzSupportError(
            N_("No rule with id {rule_id}. See \"kzsupport rules list\"."), rule_id=rule_id
        )


def _invalid(where: str, problem: str) -> KzSupportError:
    return KzSupportError(N_("The rules file is invalid at {where}: {problem}."),
                          where=where, problem=problem)


def _loc(data: Any, where: str) -> Localized:
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) and data[k]
                                             for k in ("kk", "ru", "en")):
        raise _invalid(where, "needs non-empty kk, ru and en texts")
    loc = Localized.from_dict(data)
    assert loc is not None  # noqa: S101 (checked just above)
    return loc


def _date(text: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise _invalid(where, f"bad date {text!r}") from None


def _compile(data: Any, named: Mapping[str, Any], where: str, seen: tuple[str, ...] = ()) -> Cond:
    if not isinstance(data, dict) or len(data) != 1:
        raise _invalid(where, "a condition is an object with exactly one operator")
    (op, arg), = data.items()
    if op in ("all", "any"):
        if not isinstance(arg, list):
            raise _invalid(where, f"{op} takes a list")
        items = tuple(_compile(a, named, where, seen) for a in arg)
        return All(items) if op == "all" else AnyOf(items)
    if op == "not":
        return Not(_compile(arg, named, where, seen))
    if op == "ref":
        if arg not in named or arg in seen:
            raise _invalid(where, f"unknown or circular condition {arg!r}")
        return _compile(named[arg], named, where, (*seen, arg))
    if op == "known":
        fact(str(arg))
        return Known(str(arg))
    if op in ("eq", "in", "gte", "lte") and isinstance(arg, list) and len(arg) == 2:
        key, value = arg
        f = FACTS_BY_KEY.get(key)
        if f is None:
            raise _invalid(where, f"unknown fact {key!r}")
        if op in ("gte", "lte"):
            if f.kind != "int" or not isinstance(value, int):
                raise _invalid(where, f"{op} needs a number fact and a number")
            return Compare(key, op, value)
        values = [value] if op == "eq" else value
        if not isinstance(values, list) or any(v not in f.values for v in values):
            raise _invalid(where, f"bad value for {key}: {value!r}")
        return In(key, frozenset(values))
    raise _invalid(where, f"unknown operator {op!r}")


def condition_facts(cond: Cond) -> frozenset[str]:
    if isinstance(cond, (All, AnyOf)):
        return frozenset().union(*(condition_facts(c) for c in cond.items))
    if isinstance(cond, Not):
        return condition_facts(cond.item)
    return frozenset({cond.fact})


def _citation(data: Any, sources: Mapping[str, Any], where: str) -> Citation:
    src = sources.get(str(data.get("source"))) if isinstance(data, dict) else None
    if src is None:
        raise _invalid(where, "citation with an unknown source")
    if data.get("confidence") not in CONFIDENCES or not isinstance(data.get("verified"), bool):
        raise _invalid(where, "citation needs confidence high|medium|low and verified true|false")
    note = data.get("note")
    return Citation(
        source=data["source"],
        act=_loc(src.get("act"), where),
        number=src.get("number"),
        date=str(src.get("date", "")),
        article=str(data.get("article", "")),
        url=src.get("url"),
        mirror=src.get("mirror"),
        confidence=data["confidence"],
        verified=data["verified"],
        note=None if note is None else _loc(note, where),
        registration=src.get("registration"),
        number_verified=src.get("number_verified", True),
    )


def _rule(data: Mapping[str, Any], doc: Mapping[str, Any]) -> Rule:
    rid = str(data.get("id", "?"))
    where = f"rule {rid}"
    if data.get("programme") not in doc["programmes"]:
        raise _invalid(where, "unknown programme")
    outcome = data.get("outcome")
    if outcome not in OUTCOMES:
        raise _invalid(where, "outcome must be eligible, not_eligible or depends")
    if (outcome == "depends") != (data.get("depends_on") is not None):
        raise _invalid(where, "depends_on is required for, and only for, outcome depends")
    refer_to = tuple(data.get("refer_to", ()))
    if any(t not in SERVICE_TYPES for t in refer_to):
        raise _invalid(where, "refer_to names an unknown service type")
    citations = tuple(_citation(c, doc["sources"], where) for c in data.get("citations", ()))
    if not citations:
        raise _invalid(where, "a rule needs at least one citation")
    when = _compile(data.get("when"), doc.get("conditions", {}), where)
    valid_to = data.get("to")
    return Rule(
        id=rid,
        programme=data["programme"],
        valid_from=_date(data.get("from"), where),
        valid_to=None if valid_to is None else _date(valid_to, where),
        from_approximate=bool(data.get("from_approximate", False)),
        when=when,
        outcome=outcome,
        depends_on=None if outcome != "depends" else _loc(data["depends_on"], where),
        title=_loc(data.get("title"), where),
        explanation=_loc(data.get("explanation"), where),
        next_steps=tuple(_loc(s, where) for s in data.get("next_steps", ())),
        citations=citations,
        refer_to=refer_to,
        facts=tuple(sorted(condition_facts(when), key=_ORDER.__getitem__)),
        source=data,
    )


def parse_rules(doc: Any) -> RuleSet:
    """A checked rule set from the parsed JSON document; raises ``KzSupportError`` if malformed."""
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise _invalid("top level", "expected an object with a list of rules")
    programmes = {p: _loc(doc["programmes"].get(p), f"programme {p}") for p in PROGRAMMES}
    rules = tuple(_rule(r, doc) for r in doc["rules"])
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise _invalid("rules", "duplicate ids " + ", ".join(duplicates))
    return RuleSet(int(doc.get("version", 1)), str(doc.get("reviewed", "")), programmes, rules)


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """The bundled rules (``kzsupport.data/rules.json``)."""
    from kzsupport.resources import read_json

    return parse_rules(read_json("rules.json"))


# Evaluation --------------------------------------------------------------------------------------


class ProgrammeOutcome(NamedTuple):
    """The result for one programme on one date.

    ``deciding`` are the rules behind ``outcome``; ``fired`` every rule whose condition holds (their
    explanations are all worth reading); ``missing`` the facts whose answers could still change it.
    """

    programme: str
    name: Localized
    outcome: str  # one of OUTCOMES, or NO_RULES
    as_of: date
    deciding: tuple[Rule, ...]
    fired: tuple[Rule, ...]
    missing: tuple[str, ...]

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.deciding)

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(c for r in self.deciding for c in r.citations)

    @property
    def depends_on(self) -> tuple[Localized, ...]:
        return tuple(r.depends_on for r in self.deciding if r.depends_on is not None)

    @property
    def shown(self) -> tuple[Rule, ...]:
        """The rules to explain: those that hold, else (when nothing holds yet) the deciding ones."""
        return self.fired or self.deciding

    @property
    def next_steps(self) -> tuple[Localized, ...]:
        return tuple(s for r in self.shown for s in r.next_steps)

    @property
    def refer_to(self) -> tuple[str, ...]:
        wanted = {t for r in self.shown for t in r.refer_to}
        return tuple(t for t in SERVICE_TYPES if t in wanted)


def _order(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(keys), key=_ORDER.__getitem__))


def _programme_ids(programmes: Sequence[str] | None) -> tuple[str, ...]:
    if not programmes:
        return PROGRAMMES
    for p in programmes:
        if p not in PROGRAMMES:
            raise BadInput(N_("Unknown programme {value}. Valid programmes: {valid}."),
                           value=p, valid=", ".join(PROGRAMMES))
    return tuple(p for p in PROGRAMMES if p in programmes)


def _assess(ruleset: RuleSet, programme: str, facts: Facts, as_of: date
            ) -> tuple[ProgrammeOutcome, frozenset[str]]:
    """The outcome, and the facts whose answers could still change it or the rules that decide it."""
    active = (r for r in ruleset.rules if r.programme == programme and r.in_force(as_of))
    fired: list[Rule] = []
    open_rules: list[tuple[Rule, frozenset[str]]] = []
    for r in active:
        holds, waiting = evaluate_condition(r.when, facts)
        if holds:
            fired.append(r)
        elif holds is None:
            open_rules.append((r, waiting))

    def of(outcome: str, rules: Iterable[Rule]) -> list[Rule]:
        return [r for r in rules if r.outcome == outcome]

    open_eligible = [(r, m) for r, m in open_rules if r.outcome == "eligible"]
    deciding: list[Rule]
    missing: Iterable[str] = ()
    if not fired and not open_rules:
        outcome, deciding = NO_RULES, []
    elif of("eligible", fired):
        outcome, deciding = "eligible", of("eligible", fired)
    elif open_eligible:
        outcome = "depends"
        deciding = of("depends", fired) + [r for r, _ in open_eligible]
        missing = itertools.chain.from_iterable(m for _, m in open_eligible)
    elif of("depends", fired):
        outcome, deciding = "depends", of("depends", fired)
    elif fired:
        outcome, deciding = "not_eligible", fired
    else:  # nothing holds yet: every open rule could still decide
        outcome, deciding = "depends", [r for r, _ in open_rules]
        missing = itertools.chain.from_iterable(m for _, m in open_rules)
    # Questions still worth asking: anything that can make an open rule hold, except that once the
    # client is eligible a "not eligible" rule cannot hold any more (the rules never contradict).
    askable = frozenset().union(*(
        m for r, m in open_rules if not (outcome == "eligible" and r.outcome == "not_eligible")
    ))
    result = ProgrammeOutcome(
        programme, ruleset.programmes[programme], outcome, as_of,
        tuple(deciding), tuple(fired), _order(missing),
    )
    return result, askable


def evaluate(
    facts: Facts,
    as_of: date | None = None,
    programmes: Sequence[str] | None = None,
    ruleset: RuleSet | None = None,
) -> list[ProgrammeOutcome]:
    """The outcome of each programme (all three unless ``programmes`` names some) on ``as_of``."""
    rs = ruleset or load_rules()
    on = as_of or date.today()
    return [_assess(rs, p, facts, on)[0] for p in _programme_ids(programmes)]


def next_question(
    facts: Facts,
    programmes: Sequence[str] | None = None,
    as_of: date | None = None,
    ruleset: RuleSet | None = None,
) -> FactDef | None:
    """The first unanswered fact whose answer could still change an outcome, or None when done."""
    rs = ruleset or load_rules()
    on = as_of or date.today()
    wanted: set[str] = set()
    for p in _programme_ids(programmes):
        wanted |= _assess(rs, p, facts, on)[1]
    wanted -= set(facts)
    return FACTS_BY_KEY[_order(wanted)[0]] if wanted else None


# Consistency -------------------------------------------------------------------------------------


class Conflict(NamedTuple):
    """Two rules that give opposite outcomes for the same facts on the same date."""

    first: str
    second: str
    on: date
    facts: Mapping[str, FactValue]


def _boundaries(rules: Iterable[Rule]) -> tuple[int, ...]:
    def walk(c: Cond) -> Iterator[int]:
        if isinstance(c, (All, AnyOf)):
            for item in c.items:
                yield from walk(item)
        elif isinstance(c, Not):
            yield from walk(c.item)
        elif isinstance(c, Compare):
            yield from (c.value - 1, c.value, c.value + 1)

    points = {AGE_MIN, AGE_MAX}.union(*(set(walk(r.when)) for r in rules))
    return tuple(sorted(p for p in points if AGE_MIN <= p <= AGE_MAX))


def _domain(f: FactDef, rules: Sequence[Rule], ages: tuple[int, ...]) -> list[FactValue]:
    """Every value of ``f`` worth trying: one value per class the rules cannot tell apart."""
    if f.kind == "int":
        return [*ages, UNKNOWN]

    def lists(c: Cond) -> Iterator[frozenset[str]]:
        if isinstance(c, (All, AnyOf)):
            for item in c.items:
                yield from lists(item)
        elif isinstance(c, Not):
            yield from lists(c.item)
        elif isinstance(c, In) and c.fact == f.key:
            yield c.values

    used = [v for r in rules for v in lists(r.when)]
    classes: dict[tuple[bool, ...], str] = {}
    for value in f.values:
        classes.setdefault(tuple(value in s for s in used), value)
    reps = sorted(classes.values(), key=f.values.index)
    if f.kind != "multi":
        return [*reps, UNKNOWN]
    others = [v for v in reps if v != "none"]
    subsets: list[FactValue] = [
        frozenset(combo) for n in range(1, len(others) + 1)
        for combo in itertools.combinations(others, n)
    ]
    return [*subsets, frozenset({"none"}), UNKNOWN]


def _both_hold(conds: Sequence[Cond], facts: dict[str, FactValue],
               domains: Mapping[str, list[FactValue]]) -> dict[str, FactValue] | None:
    open_facts: list[str] = []
    for cond in conds:
        value, missing = evaluate_condition(cond, facts)
        if value is False:
            return None
        if value is None:
            still = missing - set(facts)
            if not still:
                return None  # only "unknown" answers are left: it can never hold
            open_facts.extend(still)
    if not open_facts:
        return dict(facts)
    # Branch first on a fact both conditions wait for: that is where they can clash.
    key = min(open_facts, key=lambda k: (-open_facts.count(k), _ORDER[k]))
    for candidate in domains[key]:
        facts[key] = candidate
        found = _both_hold(conds, facts, domains)
        del facts[key]
        if found is not None:
            return found
    return None


def find_conflicts(ruleset: RuleSet | None = None) -> list[Conflict]:
    """Pairs of rules in one programme, in force on a common date, one ``eligible`` and the other
    ``not_eligible``, with a set of answers that makes both hold (the example is returned)."""
    rs = ruleset or load_rules()
    ages = _boundaries(rs.rules)
    domains = {f.key: _domain(f, rs.rules, ages) for f in FACTS}
    conflicts = []
    for a, b in itertools.combinations(rs.rules, 2):
        if a.programme != b.programme or {a.outcome, b.outcome} != {"eligible", "not_eligible"}:
            continue
        start = max(a.valid_from, b.valid_from)
        ends = [d for d in (a.valid_to, b.valid_to) if d is not None]
        if ends and start > min(ends):
            continue
        example = _both_hold((a.when, b.when), {}, domains)
        if example is not None:
            conflicts.append(Conflict(a.id, b.id, start, example))
    return conflicts
