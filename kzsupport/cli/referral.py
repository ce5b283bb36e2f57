"""``referral``: a sheet a volunteer prints or sends to a client, in the client's language."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from kzsupport import i18n
from kzsupport.cli.options import (
    LANGUAGE_CHOICE,
    REGION,
    App,
    PathType,
    TranslatedCommand,
    force_option,
    option,
    pass_app,
    types_option,
)
from kzsupport.errors import BadInput
from kzsupport.i18n import N_, _
from kzsupport.models import Service
from kzsupport.referral import BINARY_FORMATS, DEFAULT_LIMIT, FORMATS, render

if TYPE_CHECKING:  # the rules are loaded only when --eligibility is given
    from pathlib import Path

    from kzsupport.eligibility import ProgrammeOutcome

# Output file extensions and the format each one means.
_EXTENSIONS = {"pdf": "pdf", "html": "html", "htm": "html", "md": "md", "markdown": "md",
               "txt": "txt", "text": "txt"}


def _format(requested: str | None, output: Path | None) -> str:
    """The format asked for, else the output file's extension, else plain text."""
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return requested or _EXTENSIONS.get(suffix, "txt")


def _nearby(app: App, query: str, region: str | None, types: tuple[str, ...], limit: int
            ) -> list[Service]:
    """Services nearest to the place the user typed, resolved (and picked) as ``near`` does."""
    from kzsupport import geo, places, render_places
    from kzsupport.cli.places import pick_candidate  # the same choice (or error) as "kzsupport near"

    gaz = places.load()
    res = gaz.resolve(query, region)
    chosen = pick_candidate(app, res)
    app.hint(render_places.status_text(res).plain)
    p = chosen.place if chosen.place.has_point else gaz.region_place(chosen.region.id)
    point = (float(p.lat or 0.0), float(p.lon or 0.0))
    result = geo.near(app.directory, point, types, None, limit, None, chosen.region.id,
                      gazetteer=gaz)
    for note in render_places.near_notes(result, chosen.region, bool(types)):
        app.hint(note)
    return [item.service for item in result.items]


def _outcomes(path: str, on: date) -> list[ProgrammeOutcome]:
    """The eligibility outcomes for the answers in ``path``, read as ``eligibility --answers`` does."""
    from kzsupport import eligibility
    from kzsupport.cli.eligibility import read_answers

    return eligibility.evaluate(read_answers((), path), as_of=on)


@click.command(
    cls=TranslatedCommand,
    help=N_(
        "A referral sheet for a client, in the client's language: the chosen services, the national "
        "lines and a note on what to do if a number does not answer. Unverified records are never "
        "printed and confidential addresses never appear. --discreet makes a neutral contact card "
        "with no addresses and no word that tells what the services are for.\n\n"
        "Example: kzsupport referral --near Семей --type crisis_centre --lang kk --also ru "
        "--output sheet.pdf"
    ),
)
@click.argument("ids", nargs=-1, metavar="[ID]...")
@option("--near", "near_place", metavar="PLACE",
        help=N_("Choose the services nearest to this place name or lat,lon (as in \"kzsupport near\")."))
@types_option
@option("--region", "-r", type=REGION,
        help=N_("Only this region (id, ISO code or name); with --near, the region of the place."))
@option("--limit", type=click.IntRange(min=1), default=DEFAULT_LIMIT, show_default=True,
        help=N_("At most this many services chosen by --near, --type or --region."))
@option("--lang", "sheet_lang", type=LANGUAGE_CHOICE,
        help=N_("The client's language for the sheet (default: the interface language)."))
@option("--also", "also_lang", type=LANGUAGE_CHOICE,
        help=N_("A second language: every text is printed in both."))
@option("--format", "output_format", type=click.Choice(FORMATS),
        help=N_("pdf, html, md or txt (default: from the --output extension, else txt)."))
@option("--output", "-o", "output_name", type=PathType(dir_okay=False),
        help=N_("Write the sheet to this file (needed for PDF); otherwise it goes to stdout."))
@force_option
@option("--discreet", is_flag=True,
        help=N_("A neutral contact card: no addresses, no word that tells what a service is for."))
@option("--large-print", is_flag=True, help=N_("Bigger letters, for low vision."))
@option("--eligibility", "answers_file", metavar="ANSWERS.json",
        help=N_("Add what the client is entitled to, from answers in this JSON file (as for "
                "\"kzsupport eligibility --answers\")."))
@pass_app
def referral(
    app: App,
    ids: tuple[str, ...],
    near_place: str | None,
    types: tuple[str, ...],
    region: str | None,
    limit: int,
    sheet_lang: str | None,
    also_lang: str | None,
    output_format: str | None,
    output_name: str | None,
    force: bool,
    discreet: bool,
    large_print: bool,
    answers_file: str | None,
) -> None:
    from pathlib import Path

    from kzsupport.output import write_atomic
    from kzsupport.referral.select import choose, sheet_for
    from kzsupport.referral.sheet import Options

    output = None if output_name is None else Path(output_name)
    fmt = _format(output_format, output)
    if output is None and fmt in BINARY_FORMATS:
        raise BadInput(N_("A PDF cannot be written to the terminal. Add --output FILE.pdf."))
    nearby = _nearby(app, near_place, region, types, limit + len(ids)) if near_place else None
    services = choose(app.directory, ids, None if nearby is not None else region, types, limit,
                      nearby, discreet)
    if not services:
        app.hint(_("No service matches. Widen the search: another --type or region."))
    options = Options(lang=(sheet_lang or i18n.current_lang()).lower(),
                      also_lang=also_lang.lower() if also_lang else None,
                      discreet=discreet, large_print=large_print)
    today = date.today()
    outcomes = _outcomes(answers_file, today) if answers_file else ()
    data = render(sheet_for(app.directory, services, options, today, outcomes), fmt)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    write_atomic(output, data, force=force)
    app.hint(_("Sheet written to {path}.").format(path=str(output)))


COMMANDS = (referral,)
