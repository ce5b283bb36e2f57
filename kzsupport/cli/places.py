"""Where is the client: ``place`` (how a name or coordinates are understood) and ``near``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from kzsupport import directory, render
from kzsupport.cli.options import REGION as REGION_TYPE
from kzsupport.cli.options import (
    App,
    Numbers,
    TranslatedCommand,
    WholeNumbers,
    all_option,
    argument,
    format_option,
    option,
    pass_app,
    prompting,
    serves_option,
    types_option,
)
from kzsupport.errors import KzSupportError
from kzsupport.i18n import N_, _, text

if TYPE_CHECKING:
    from kzsupport.places import Candidate, Resolution

region_choice_option = option(
    "--region",
    "-r",
    type=REGION_TYPE,
    help=N_("Keep only places in this region (id, ISO code or name), to choose among places of one name."),
)
query_argument = argument("query", metavar="NAME_OR_COORDS")


def _stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def pick_candidate(app: App, res: Resolution) -> Candidate:
    """The one place to work from: the match, or the user's choice on a terminal, or an error."""
    from kzsupport import render_places

    if res.best is not None:
        return res.best
    if res.status == "ambiguous":
        if _stdin_is_terminal():
            app.hint(render_places.status_text(res).plain)
            for number, c in enumerate(res.candidates, 1):
                click.echo(render_places.choice_line(number, c), err=True)
            with prompting(_("Stopped: no place was chosen. Nothing was saved.")):
                chosen = click.prompt(
                    _("Number of the place"), type=WholeNumbers(1, len(res.candidates)), err=True
                )
            return res.candidates[chosen - 1]
        raise KzSupportError(
            N_("{query} could be in several regions: {regions}. Choose one with --region."),
            query=res.query,
            regions=", ".join(res.regions),
        )
    raise no_match(app, res)


def no_match(app: App, res: Resolution) -> KzSupportError:
    """The error for a text that names no place (in the region asked for), after "did you mean"."""
    from kzsupport import places, render_places

    if res.elsewhere and res.within is not None:
        return KzSupportError(
            N_("{place} is in {found}, not in {region}. Choose that region with --region, or leave it out."),
            place=render_places.candidate_name(res.elsewhere[0]),
            found=", ".join(dict.fromkeys(render_places.region_label(c.region) for c in res.elsewhere)),
            region=render_places.region_label(places.load().regions[res.within]),
        )
    if res.suggestions:
        app.hint(render_places.did_you_mean(res))
    return KzSupportError(
        N_("No place matches {query}. Check the spelling or give coordinates such as 43.25,76.95."),
        query=res.query,
    )


@click.command(
    cls=TranslatedCommand,
    help=N_(
        "Explain how a place name or coordinates are understood: the match (exact, fuzzy, "
        "ambiguous or none), the region and its ISO code, and suggestions.\n\n"
        "Example: kzsupport place Семипалатинск"
    ),
)
@query_argument
@region_choice_option
@format_option("table", "json")
@pass_app
def place(app: App, query: str, region: str | None, output_format: str) -> None:
    from kzsupport import places, render_places  # the place code loads only for place and near

    res = places.resolve(query, region)
    if output_format == "json":
        click.echo(render.to_json(res.to_dict()))
    elif res.status != "none":
        app.print(render_places.status_text(res))
        app.print(render_places.place_table(res, app.ascii_only, app.narrow))
    if res.status == "none":
        raise no_match(app, res)


@click.command(
    cls=TranslatedCommand,
    help=N_(
        "Services nearest to a place or coordinates, those in the client's region first, "
        "then the national lines.\n\n"
        "Example: kzsupport near Семей --type crisis_centre"
    ),
)
@query_argument
@types_option
@serves_option
@option("--limit", "-n", type=WholeNumbers(1, 200), default=10, show_default=True,
        help=N_("At most this many services."))
@option("--radius", type=Numbers(0, 5000, min_open=True),
        help=N_("Only services within this many kilometres."))
@region_choice_option
@all_option
@format_option("table", "json", "csv")
@pass_app
def near(
    app: App,
    query: str,
    types: tuple[str, ...],
    serves: str | None,
    limit: int,
    radius: float | None,
    region: str | None,
    include_unverified: bool,
    output_format: str,
) -> None:
    from kzsupport import geo, places, render_places

    gaz = places.load()
    res = gaz.resolve(query, region)
    will_ask = res.status == "ambiguous" and _stdin_is_terminal()
    if output_format == "json" and res.best is None and not will_ask:
        click.echo(render_places.near_json(res, None, None, app.directory))  # then the error
    chosen = pick_candidate(app, res)
    p = gaz.measured_from(chosen)
    d = app.directory
    result = geo.near(d, p.point, types, serves, limit, radius, chosen.region.id, include_unverified, gaz)
    if output_format == "json":
        click.echo(render_places.near_json(res, chosen, result, d))
        return
    if output_format == "csv":
        click.echo(render_places.near_csv(result), nl=False)
        return
    if res.best is not None:  # an ambiguous name was explained when the user chose among its places
        app.hint(render_places.status_text(res).plain)
    if not chosen.place.has_point:
        app.hint(
            _("{place} has no coordinates here: distances are from {centre}, the region centre.").format(
                place=render_places.candidate_name(chosen), centre=text(p.names)
            )
        )
    given = (("--radius", radius is not None), ("--type", bool(types)), ("--serves", serves is not None))
    widen = [option for option, used in given if used]
    for note in render_places.near_notes(result, chosen.region, types, serves, widen):
        app.hint(note)
    if result.items:
        app.print(render_places.near_table(result.items, d, app.ascii_only, app.narrow))
    app.print(render.footer(d, directory.national_numbers(d)))


COMMANDS = (place, near)
