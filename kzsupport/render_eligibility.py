"""Terminal and JSON output for eligibility outcomes and the rules (the eligibility part of render).

Pure functions returning rich renderables or strings; ``cli/eligibility.py`` prints them. Rule texts are
data (``Localized``) shown in the active language; interface words are msgids. A citation whose point
is not verified is marked as such on screen, in every language, and in JSON (``verified: false``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from kzsupport.eligibility import (
    FACTS,
    NO_RULES,
    UNKNOWN,
    Citation,
    FactDef,
    FactValue,
    ProgrammeOutcome,
    Rule,
    RuleSet,
    article_refs,
    citation_words,
    display_value,
    fact,
    number_text,
)
from kzsupport.i18n import N_, _, fmt_date, text
from kzsupport.labels import TYPES, label
from kzsupport.render import Indented, box_style, new_table, to_json

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table

OUTCOME_LABELS: Mapping[str, str] = {
    "eligible": N_("Entitled"),
    "not_eligible": N_("Not entitled"),
    "depends": N_("Depends"),
    NO_RULES: N_("Not covered by the rules"),
}
OUTCOME_STYLES: Mapping[str, str] = {
    "eligible": "bold green",
    "not_eligible": "bold red",
    "depends": "bold yellow",
    NO_RULES: "bold",
}
CONFIDENCE_LABELS: Mapping[str, str] = {
    "high": N_("confidence: high"),
    "medium": N_("confidence: medium"),
    "low": N_("confidence: low"),
}
KIND_LABELS: Mapping[str, str] = {
    "bool": N_("yes/no"),
    "choice": N_("one of"),
    "multi": N_("one or more of"),
    "int": N_("whole number"),
}


def outcome_label(outcome: str) -> str:
    return label(OUTCOME_LABELS, outcome)


def answer_text(key: str, value: FactValue) -> str:
    return ", ".join(_(v) for v in display_value(key, value))


def period_text(rule: Rule) -> str:
    start = fmt_date(rule.valid_from)
    if rule.from_approximate:
        start = _("{date} (date of the act; entry into force not verified)").format(date=start)
    if rule.valid_to is None:
        return _("in force from {start}").format(start=start)
    return _("in force from {start} to {end}").format(start=start, end=fmt_date(rule.valid_to))


def citation_text(c: Citation) -> Text:
    out = Text("• ")
    out.append(citation_words(text(c.act), number_text(c, _), fmt_date(c.date),
                              article_refs(c.article), _))
    out.append(" (" + label(CONFIDENCE_LABELS, c.confidence) + ")", style="dim")
    if not c.verified:
        out.append(" " + _("NOT VERIFIED"), style="bold yellow")
    if c.note is not None:
        out.append("\n  " + text(c.note), style="yellow" if not c.verified else "dim")
    if c.url:  # mirrors are long: rules show lists them after its panel (mirror_links), unfolded
        out.append("\n  " + c.url, style="cyan")
    return out


def mirror_links(rule: Rule) -> Text | None:
    """The citations' mirror copies, one per line, for printing after the rule's panel with soft
    wrapping: folded inside a box, a link can be neither clicked nor copied."""
    mirrors = [c.mirror for c in rule.citations if c.mirror]
    if not mirrors:
        return None
    out = Text(_("Copies of the cited acts:"), style="bold")
    for link in dict.fromkeys(mirrors):
        out.append("\n  " + link, style="cyan")
    return out


def _rule_block(rule: Rule, holds: bool = True) -> RenderableType:
    """A rule explained. One that does not hold yet (its facts are unanswered) shows its outcome
    as conditional: a bare "[Entitled]" under "Depends" would read as a finding."""
    parts: list[RenderableType] = []
    head = Text(text(rule.title), style="bold")
    if holds:
        head.append("  [" + outcome_label(rule.outcome) + "]", style=OUTCOME_STYLES[rule.outcome])
    else:
        head.append("  [" + _("{outcome}, if it applies").format(
            outcome=outcome_label(rule.outcome)) + "]", style=OUTCOME_STYLES["depends"])
    parts.append(head)
    parts.append(Text(text(rule.explanation)))
    if rule.depends_on is not None:
        parts.append(Text(_("Depends on: {what}").format(what=text(rule.depends_on)),
                          style="yellow"))
    if rule.next_steps:
        parts.append(Text(_("Next steps:"), style="bold"))
        parts.extend(Text("→ " + text(step)) for step in rule.next_steps)
    parts.append(Text(_("Legal basis ({period}):").format(period=period_text(rule)), style="bold"))
    parts.extend(citation_text(c) for c in rule.citations)
    parts.append(Text(_("Rule {rule_id}").format(rule_id=rule.id), style="dim"))
    return Group(*parts)


class TitledPanel:
    """A panel whose title is never cut. Rich's Panel shortens a title to one line of its top border,
    which at 80 columns cut an outcome ("...(бесплатная): Зависит от об") and at 40 the programme's
    name: where the title does not fit in the border, it opens the panel instead, wrapped."""

    def __init__(self, title: Text, body: Sequence[RenderableType], ascii_only: bool = False) -> None:
        self.title, self.body, self.ascii_only = title, body, ascii_only

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        box = box_style(self.ascii_only)
        # "╭─ " and " ─╮" around the title: rich keeps a title only that far from the corners
        if self.title.cell_len + 6 <= options.max_width:
            yield Panel(Group(*self.body), title=self.title, title_align="left", box=box)
            return
        heading = self.title.copy()
        heading.stylize_before("bold")
        yield Panel(Group(heading, Text(""), *self.body), box=box)


def outcome_panel(result: ProgrammeOutcome, ascii_only: bool = False) -> TitledPanel:
    title = Text(text(result.name) + ": ")
    title.append(outcome_label(result.outcome), style=OUTCOME_STYLES[result.outcome])
    body: list[RenderableType] = []
    if result.outcome == NO_RULES:
        body.append(Text(_("No rule in force on {date} covers these answers: the rules file does "
                           "not encode this programme for that date. Check with a lawyer.")
                         .format(date=fmt_date(result.as_of))))
    if result.missing:
        body.append(Text(_("Still to answer: {questions}").format(
            questions="; ".join(_(fact(k).question) for k in result.missing)), style="yellow"))
    for i, rule in enumerate(result.shown):
        if i or body:
            body.append(Text(""))
        body.append(_rule_block(rule, holds=rule in result.fired))
    if result.refer_to:
        body.append(Text(""))
        body.append(Text(_("Services to refer to: {types}").format(
            types=", ".join(label(TYPES, t) for t in result.refer_to)), style="cyan"))
    return TitledPanel(title, body, ascii_only)


def outcomes_view(results: Sequence[ProgrammeOutcome], ascii_only: bool = False) -> Group:
    head = Text(_("Outcomes on {date}").format(
        date=fmt_date(results[0].as_of) if results else ""), style="bold")
    head.append("\n" + _("This is guidance, not a legal decision."), style="dim")
    return Group(head, *(outcome_panel(r, ascii_only) for r in results))


def nearest_heading(place: str) -> Text:
    return Text(_("Nearest services for these outcomes, from {place}:").format(place=place),
                style="bold")


def answers_table(facts: Mapping[str, FactValue], ascii_only: bool = False) -> Table:
    """The "check your answers" summary, numbered so an answer can be picked to change."""
    table = new_table(title=_("Check your answers"), box=box_style(ascii_only), show_lines=False)
    table.add_column("#", justify="right")
    table.add_column(_("Question"))
    table.add_column(_("Answer"))
    keyed = [f for f in FACTS if f.key in facts]
    for i, f in enumerate(keyed, 1):
        table.add_row(str(i), _(f.question), answer_text(f.key, facts[f.key]))
    return table


def question_text(f: FactDef) -> Text:
    """A question with its help and numbered choices, for the interview."""
    out = Text(_(f.question), style="bold")
    out.append("\n" + _(f.help), style="dim")
    for i, (value, msgid) in enumerate(zip(f.values, f.labels, strict=True), 1):
        if f.kind != "bool":
            out.append(f"\n  {i}. {_(msgid)}  ({value})")
    return out


# JSON ------------------------------------------------------------------------------------------


def _loc(value: Any) -> dict[str, str | None] | None:
    return None if value is None else value.to_dict()


def citation_dict(c: Citation) -> dict[str, Any]:
    return {
        "source": c.source,
        "act": _loc(c.act),
        "number": c.number,
        "number_verified": c.number_verified,
        "registration": c.registration,
        "date": c.date,
        "article": c.article,
        "url": c.url,
        "mirror": c.mirror,
        "confidence": c.confidence,
        "verified": c.verified,
        "note": _loc(c.note),
    }


def _json_value(value: FactValue) -> Any:
    return sorted(value) if isinstance(value, frozenset) else value


def outcomes_json(results: Sequence[ProgrammeOutcome], facts: Mapping[str, FactValue],
                  near: str | None = None) -> str:
    """Per programme: outcome, deciding rule ids, citations, missing facts; with ``near`` (the JSON
    of the nearest services, as ``kzsupport near`` gives it) under the key ``near``."""
    return to_json({
        "near": None if near is None else json.loads(near),
        "as_of": results[0].as_of.isoformat() if results else None,
        "answers": {k: _json_value(v) for k, v in facts.items()},
        "programmes": [
            {
                "programme": r.programme,
                "outcome": r.outcome,
                "rule_ids": list(r.rule_ids),
                "rules_that_hold": [x.id for x in r.fired],
                "missing_facts": list(r.missing),
                "depends_on": [d.to_dict() for d in r.depends_on],
                "citations": [citation_dict(c) for c in r.citations],
                "refer_to": list(r.refer_to),
            }
            for r in results
        ],
    })


# Rules for maintainers and trainers --------------------------------------------------------------


def rules_list(ruleset: RuleSet) -> RenderableType:
    """Every rule as a block: its id on a line of its own (what "rules show" takes, so never folded
    into a narrow column), then, indented, its title, outcome and period, and whether its legal basis
    was checked. Ids run to 46 characters, too long for a table column at 80."""
    blocks: list[RenderableType] = []
    for r in ruleset.rules:
        body = Text(text(r.title))
        body.append("\n" + outcome_label(r.outcome) + " · " + period_text(r))
        body.append("\n")
        if r.verified:
            body.append(_("Verified: {answer}").format(answer=_("yes")))
        else:
            body.append(_("NOT VERIFIED"), style="bold yellow")
        blocks.extend((Text(r.id, style="bold"), Indented(body), Text()))
    return Group(*blocks)


def rule_detail(rule: Rule, ascii_only: bool = False) -> TitledPanel:
    condition = json.dumps(rule.source.get("when"), ensure_ascii=False)
    facts_line = Text(_("Facts used: {facts}").format(facts=", ".join(rule.facts)), style="dim")
    cond = Text(_("Condition: {condition}").format(condition=condition), style="dim")
    types = Text(_("Services to refer to: {types}").format(
        types=", ".join(label(TYPES, t) for t in rule.refer_to)), style="cyan")
    return TitledPanel(Text(rule.id), (_rule_block(rule), facts_line, cond, types), ascii_only)


def facts_table(ascii_only: bool = False) -> Table:
    table = new_table(box=box_style(ascii_only), show_lines=True)
    for name in (_("Fact"), _("Type"), _("Values"), _("Question")):
        table.add_column(name, overflow="fold")
    for f in FACTS:
        if f.kind == "int":
            values = "0-120"
        else:
            values = "\n".join(f"{v} ({_(m)})" for v, m in zip(f.values, f.labels, strict=True))
        values += f"\n{UNKNOWN} ({_(display_value(f.key, UNKNOWN)[0])})"
        table.add_row(f.key, label(KIND_LABELS, f.kind), values,
                      Text(_(f.question)).append("\n" + _(f.help), style="dim"))
    return table
