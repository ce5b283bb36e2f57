"""Who is entitled to what: ``eligibility`` (interview or answers given) and ``rules list|show|facts``.

Nothing about a client is written anywhere: answers live in memory for one run only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import click

from kzsupport.cli.options import (
    App,
    TranslatedCommand,
    TranslatedGroup,
    argument,
    option,
    pass_app,
    prompting,
)
from kzsupport.errors import BadInput, file_reason
from kzsupport.i18n import N_, _
from kzsupport.models import PROGRAMMES, SERVICE_TYPES

# The rules engine and its views are imported by the commands that run, not when help lists them;
# the place code only when a --near place is given.
if TYPE_CHECKING:
    from kzsupport.eligibility import FactDef, FactValue, ProgrammeOutcome
    from kzsupport.places import Candidate, Resolution

HINTS = {
    "bool": N_("yes / no / ? (don't know) / back"),
    "choice": N_("number or id / ? (don't know) / back"),
    "multi": N_("numbers or ids, separated by commas / ? (don't know) / back"),
    "int": N_("years / ? (don't know) / back"),
}

# What to type after an answer the interview cannot use: the numbers of the list it showed.
RETYPE = {
    "bool": N_("Type yes or no, ? if you do not know, or back."),
    "choice": N_("Type a number from 1 to {count} from the list, ? if you do not know, or back."),
    "multi": N_("Type numbers from 1 to {count} from the list, separated by commas; ? if you do "
                "not know, or back."),
    "int": N_("Type the age in years, ? if you do not know, or back."),
}


class _Back(Exception):
    """The person typed back / артқа / назад."""


def read_answers(pairs: Sequence[str], path: str | None) -> dict[str, FactValue]:
    from kzsupport import eligibility as core

    facts: dict[str, FactValue] = {}
    if path is not None:
        from pathlib import Path

        try:
            content = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(core.ANSWERS_UNREADABLE, path=path, reason=file_reason(exc)) from None
        facts.update(core.answers_from_json(content, path))
    facts.update(core.parse_answers(core.parse_assignment(p) for p in pairs))
    return facts


def _ask(app: App, f: FactDef, err: bool) -> FactValue:
    from kzsupport import eligibility as core
    from kzsupport import render_eligibility as view

    app.console(stderr=err).print(view.question_text(f))
    while True:
        raw = click.prompt(_(HINTS[f.kind]), prompt_suffix="> ", err=err)
        if raw.strip().lower() in core.BACK_WORDS:
            raise _Back
        try:
            return core.parse_value(f.key, raw)
        except core.BadValue:
            click.echo(_(RETYPE[f.kind]).format(count=len(f.values)), err=True)
        except BadInput as exc:
            click.echo(exc.message(), err=True)


def _review(app: App, facts: dict[str, FactValue], err: bool) -> str | None:
    """Show the answers; return the key to change, "back", or None to go on to the outcomes."""
    from kzsupport import eligibility as core
    from kzsupport import render_eligibility as view

    keys = [f.key for f in core.FACTS if f.key in facts]
    while True:
        app.console(stderr=err).print(view.answers_table(facts, app.ascii_only))
        raw = click.prompt(
            _("Type the number of an answer to change it, or press Enter to see the outcomes"),
            default="", show_default=False, prompt_suffix="> ", err=err,
        ).strip()
        if not raw:
            return None
        if raw.lower() in core.BACK_WORDS:
            return "back"
        if raw.isdigit() and 1 <= int(raw) <= len(keys):
            return keys[int(raw) - 1]
        click.echo(_("Type a number from 1 to {count}, or press Enter.").format(count=len(keys)),
                   err=True)


def _place(app: App, query: str) -> tuple[Resolution, Candidate]:
    """The client's place, resolved before any question so a misspelt name fails at once."""
    from kzsupport import places
    from kzsupport.cli.places import pick_candidate

    res = places.resolve(query)
    return res, pick_candidate(app, res)


def _nearest(app: App, place: tuple[Resolution, Candidate], results: Sequence[ProgrammeOutcome],
             output_format: str) -> str | None:
    """The nearest services of the kinds the outcomes refer to: printed, or as JSON to embed."""
    from kzsupport import directory, geo, places, render, render_places
    from kzsupport import render_eligibility as view

    res, chosen = place
    gaz = places.load()
    wanted = {t for r in results for t in r.refer_to}
    types = [t for t in SERVICE_TYPES if t in wanted]
    d = app.directory
    found = geo.near(d, gaz.measured_from(chosen).point, types, None, 10, None, chosen.region.id, False, gaz)
    if output_format == "json":
        return render_places.near_json(res, chosen, found, d)
    app.print(view.nearest_heading(render_places.candidate_name(chosen)))
    for note in render_places.near_notes(found, chosen.region, types):
        app.hint(note)
    if found.items:
        app.print(render_places.near_table(found.items, d, app.ascii_only, app.narrow))
    app.print(render.footer(d, directory.national_numbers(d)))
    return None


def interview(app: App, programmes: Sequence[str], as_of: date, err: bool = False
              ) -> dict[str, FactValue]:
    """Ask only what can still change an outcome; ``back`` undoes the last answer. With ``err`` the
    interview talks on stderr, so that stdout carries only the JSON result."""
    from kzsupport import eligibility as core

    facts: dict[str, FactValue] = {}
    history: list[str] = []
    pending: str | None = None  # an answer picked to change on the summary
    app.hint(_("Only questions that can still change an outcome are asked. Type \"back\" to return "
               "to the previous question, \"?\" if you do not know, Ctrl-C to stop. Nothing is "
               "saved."))
    while True:
        f = core.fact(pending) if pending else core.next_question(facts, programmes, as_of)
        pending = None
        if f is None:
            choice = _review(app, facts, err)
            if choice is None:
                return facts
            if choice == "back" and not history:
                continue
            key = history[-1] if choice == "back" else choice
            facts.pop(key, None)
            history.remove(key)
            pending = key
            continue
        try:
            facts[f.key] = _ask(app, f, err)
            history.append(f.key)
        except _Back:
            if history:
                facts.pop(history.pop())


@click.command(
    "eligibility",
    cls=TranslatedCommand,
    help=N_(
        "Who is entitled to free legal aid, special social services and protective measures, with "
        "the legal basis. Without answers it runs an interview; nothing is saved.\n\n"
        "Example: kzsupport eligibility --answer victim_of=domestic_violence --answer low_income=yes"
    ),
)
@option("--answer", "-a", "pairs", multiple=True, metavar="KEY=VALUE",
        help=N_("An answer (repeatable). See \"kzsupport rules facts\" for the keys."))
@option("--answers", "answers_file", metavar="FILE.json",
        help=N_("Read answers from a JSON object of fact keys and values."))
@option("--as-of", "as_of", metavar="YYYY-MM-DD",
        help=N_("Apply the rules in force on this date (default: today)."))
@option("--programme", "programmes", multiple=True, type=click.Choice(PROGRAMMES),
        help=N_("Only this programme (repeatable)."))
@option("--near", "near_place", metavar="PLACE",
        help=N_("Then list the nearest services of the kinds the outcomes refer to, from this "
                "place or coordinates."))
@option("--format", "output_format", type=click.Choice(("text", "json")), default="text",
        show_default=True, help=N_("Output format."))
@pass_app
def eligibility(app: App, pairs: tuple[str, ...], answers_file: str | None,
                as_of: str | None, programmes: tuple[str, ...], near_place: str | None,
                output_format: str) -> None:
    from kzsupport import eligibility as core
    from kzsupport import render_eligibility as view

    on = core.parse_date(as_of) if as_of else date.today()
    place = _place(app, near_place) if near_place else None
    if pairs or answers_file:
        facts = read_answers(pairs, answers_file)
    else:
        with prompting(_("Interview stopped. Nothing was saved.")):
            facts = interview(app, programmes, on, err=output_format == "json")
    results = core.evaluate(facts, on, programmes)
    if output_format == "text":
        app.print(view.outcomes_view(results, app.ascii_only))
    near = None if place is None else _nearest(app, place, results, output_format)
    if output_format == "json":
        click.echo(view.outcomes_json(results, facts, near))


@click.group(
    "rules",
    cls=TranslatedGroup,
    help=N_("The eligibility rules as maintainers and trainers read them.\n\n"
            "Example: kzsupport rules show legal-aid.category-2-7.from-2025"),
)
def rules() -> None:
    pass


@rules.command("list", help=N_("Every rule with its programme, outcome, period and whether its "
                               "legal basis is verified.\n\nExample: kzsupport rules list"))
@pass_app
def rules_list(app: App) -> None:
    from kzsupport import eligibility as core
    from kzsupport import render_eligibility as view

    app.print(view.rules_list(core.load_rules()))


@rules.command("show", help=N_("One rule in full: condition, texts, citations.\n\n"
                               "Example: kzsupport rules show protective-measures.2024-law"))
@argument("rule_id")
@pass_app
def rules_show(app: App, rule_id: str) -> None:
    from kzsupport import eligibility as core
    from kzsupport import render_eligibility as view

    rule = core.load_rules().rule(rule_id)
    app.print(view.rule_detail(rule, app.ascii_only))
    mirrors = view.mirror_links(rule)
    if mirrors is not None:
        app.print(mirrors, soft_wrap=True)


@rules.command("facts", help=N_("Every fact key the rules and the interview use, with its values.\n\n"
                                "Example: kzsupport rules facts"))
@pass_app
def rules_facts(app: App) -> None:
    from kzsupport import render_eligibility as view

    app.print(view.facts_table(app.ascii_only))


COMMANDS = (eligibility, rules)
