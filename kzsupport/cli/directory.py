"""Looking things up: ``hotlines``, ``find``, ``show``, ``regions``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from kzsupport import directory, render
from kzsupport.cli.options import (
    App,
    TranslatedCommand,
    all_option,
    argument,
    format_option,
    pass_app,
    region_option,
    serves_option,
    types_option,
)
from kzsupport.i18n import N_, _
from kzsupport.models import Service

if TYPE_CHECKING:  # imported where completion runs, not on every start
    from click.shell_completion import CompletionItem


def emit(app: App, output_format: str, services: list[Service]) -> None:
    """Print records as a table with the national-lines footer, or as JSON or CSV."""
    d = app.directory
    if output_format == "json":
        click.echo(render.services_json(services, d))
    elif output_format == "csv":
        click.echo(render.services_csv(services, d), nl=False)
    else:
        if services:
            app.print(render.services_table(services, d, app.ascii_only, app.narrow))
        app.print(render.footer(d, directory.national_numbers(d)))


@click.command(
    cls=TranslatedCommand,
    help=N_(
        "The national lines: what a person in danger needs first, emergency numbers first.\n\n"
        "Example: kzsupport --lang kk hotlines"
    ),
)
@format_option("table", "json", "csv")
@pass_app
def hotlines(app: App, output_format: str) -> None:
    d = app.directory
    lines = directory.hotlines(d)
    if not lines:
        from kzsupport import store

        app.hint(_("This data file lists no national line: run \"{command}\".").format(
            command=store.command("db validate", d.path)))
    if output_format != "table":
        emit(app, output_format, lines)
        return
    app.print(render.hotlines_list(lines))
    app.print(render.footer(d, directory.national_numbers(d)))


@click.command(
    cls=TranslatedCommand,
    help=N_(
        "Search services by words in any language or script, by region, type or group served.\n\n"
        "Example: kzsupport find кризис --region abai"
    ),
)
@argument("text", required=False)
@region_option
@types_option
@serves_option
@all_option
@format_option("table", "json", "csv")
@pass_app
def find(
    app: App,
    text: str | None,
    region: str | None,
    types: tuple[str, ...],
    serves: str | None,
    include_unverified: bool,
    output_format: str,
) -> None:
    found = directory.search(app.directory, text, region, types, serves, include_unverified)
    if not found:
        ways = [way for way, used in ((_("fewer words"), text), (_("no --type"), types),
                                      (_("no --serves"), serves), (_("another region"), region)) if used]
        app.hint(_("Nothing found. Widen the search: {ways}.").format(ways=", ".join(ways)) if ways
                 else _("Nothing found."))
        if text:
            _point_to_near(app, text)
    if region is not None:
        _say_what_was_split_off(app, region)
    emit(app, output_format, found)


def _point_to_near(app: App, text: str) -> None:
    """A search for a place's name (Семипалатинск, Каскелен) finds only records that spell it:
    when the text names a place, say that near finds the services around it."""
    from kzsupport import places

    res = places.resolve(text)
    if res.resolved and res.best is not None and res.best.via != "coordinates":
        app.hint(_("{text} is a place: for the services nearest to it, use kzsupport near {query}")
                 .format(text=text, query=_quoted(text)))


def _quoted(text: str) -> str:
    return f'"{text}"' if any(ch.isspace() for ch in text) else text


def _say_what_was_split_off(app: App, region: str) -> None:
    """East Kazakhstan (ВКО) without Semey, Almaty Region without Taldykorgan, Karaganda without
    Zhezkazgan: a caseworker who knew the pre-2022 map is told where those services went."""
    from kzsupport.i18n import text

    units = app.directory.regions
    for unit in units.values():
        if unit.raw.get("split_from") == region:
            app.hint(_("{new} (centre: {centre}) was part of {region} until {year}; to search it, "
                       "use --region {id}.").format(
                new=render.region_name(unit), centre=text(unit.centre),
                region=render.region_name(units[region]), year=str(unit.raw.get("created", ""))[:4],
                id=unit.id))


def _complete_id(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    from kzsupport import store

    # The root callback does not run while completing, so read --data / KZSUPPORT_DATA from its params.
    data = store.load(ctx.find_root().params.get("data_path"))
    return [CompletionItem(s.id) for s in data.services if s.id.startswith(incomplete)]


@click.command(
    cls=TranslatedCommand,
    help=N_("One service in full, with its sources and when it was checked.\n\n"
            "Example: kzsupport show kz-national-150"),
)
@argument("service_id", metavar="ID", shell_complete=_complete_id)
@format_option("table", "json")
@pass_app
def show(app: App, service_id: str, output_format: str) -> None:
    service = directory.get(app.directory, service_id)
    if output_format == "json":
        click.echo(render.to_json(service.to_dict(public=True)))
        return
    app.print(render.service_detail(service, app.directory, app.ascii_only))
    app.print(render.Sources(service), soft_wrap=True)


@click.command(
    cls=TranslatedCommand,
    help=N_("The 17 regions and 3 cities of republican significance (2022 borders).\n\n"
            "Example: kzsupport --lang kk-latn regions"),
)
@format_option("table", "json", "csv")
@pass_app
def regions(app: App, output_format: str) -> None:
    from kzsupport.store import load_regions

    units = load_regions()
    if output_format == "json":
        click.echo(render.regions_json(units))
    elif output_format == "csv":
        click.echo(render.regions_csv(units), nl=False)
    else:
        app.print(render.regions_table(units.values(), app.ascii_only, app.narrow))


COMMANDS = (hotlines, find, show, regions)
