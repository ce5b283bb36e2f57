"""``referral``: a sheet a volunteer prints or sends to a client, in the client's language."""

from __future__ import annotations

import sys
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
    WholeNumbers,
    argument,
    force_option,
    option,
    pass_app,
    types_option,
)
from kzsupport.errors import BadInput
from kzsupport.i18n import N_, Nn_, _, ngettext
from kzsupport.models import Service
from kzsupport.referral import BINARY_FORMATS, DEFAULT_LIMIT, FORMATS, render

if TYPE_CHECKING:  # the rules are loaded only when --eligibility is given
    from pathlib import Path

    from kzsupport.eligibility import ProgrammeOutcome
    from kzsupport.referral.sheet import Nearby

# Output file extensions and the format each one means.
_EXTENSIONS = {"pdf": "pdf", "html": "html", "htm": "html", "md": "md", "markdown": "md",
               "txt": "txt", "text": "txt"}


def _format(requested: str | None, output: Path | None) -> str:
    """The format asked for, else the output file's extension, else (no extension) plain text.

    A file must not lie about what is in it: an extension that names no sheet format (``.docx``)
    is refused unless --format says what to write, and one that names another format (``x.pdf``
    with ``--format txt``) is always refused."""
    name = output.name if output else ""
    suffix = output.suffix.lower().lstrip(".") if output else ""
    named = _EXTENSIONS.get(suffix)
    if requested is not None and named not in (None, requested):
        raise BadInput(N_("{name} ends in .{ext}, but --format {fmt} was asked for. "
                          "Change the extension or leave out --format."),
                       name=name, ext=suffix, fmt=requested)
    if requested is None and suffix and named is None:
        raise BadInput(N_("A sheet is saved as {formats}, so {name} is not written. End the file "
                          "name with one of these, or choose the format with --format."),
                       name=name, formats=", ".join("." + f for f in FORMATS))
    return requested or named or "txt"


def _nearby(app: App, query: str, region: str | None, types: tuple[str, ...], limit: int
            ) -> Nearby:
    """Services nearest to the place the user typed, resolved (and picked) as ``near`` does."""
    from kzsupport import geo, places, render_places
    from kzsupport.cli.places import pick_candidate  # the same choice (or error) as "kzsupport near"
    from kzsupport.referral.select import nearby_from

    gaz = places.load()
    res = gaz.resolve(query, region)
    chosen = pick_candidate(app, res)
    if res.best is not None:  # an ambiguous name was explained when the user chose among its places
        app.hint(render_places.status_text(res).plain)
    origin = gaz.measured_from(chosen).point
    result = geo.near(app.directory, origin, types, None, limit, None, chosen.region.id, gazetteer=gaz)
    for note in render_places.near_notes(result, chosen.region, types, widen=["--type"] if types else []):
        app.hint(note)
    return nearby_from(result, chosen, app.directory.regions)


# A discreet card lists numbers only: services found near the place without one are left off.
_NO_PHONE_LEFT_OFF = Nn_(
    "{count} service near {place} has no verified phone number yet, so it is left off the card.",
    "{count} services near {place} have no verified phone number yet, so they are left off the card.",
)
_NO_PHONE_ONLY_NATIONAL = Nn_(
    "{count} service near {place} has no verified phone number yet, so the card lists only the "
    "national lines.",
    "{count} services near {place} have no verified phone number yet, so the card lists only the "
    "national lines.",
)


_NO_PHONE_MATCHED = Nn_(
    "{count} service matches but has no verified phone number yet, so the card lists only the "
    "national lines.",
    "{count} services match but have no verified phone number yet, so the card lists only the "
    "national lines.",
)


def _explain(app: App, services: list[Service], near: Nearby | None, discreet: bool,
             region: str | None, types: tuple[str, ...]) -> None:
    """Say on stderr why services the user may expect are not on the sheet."""
    from kzsupport.referral.select import choose
    from kzsupport.referral.sheet import printable

    if near is None:
        if services:
            return
        # A discreet card passes over services with no number: say so, not "widen the search".
        matched = choose(app.directory, (), region, types, len(app.directory.services)) if (
            discreet and (region or types)) else []
        if matched:
            app.hint(ngettext(*_NO_PHONE_MATCHED, len(matched)).format(count=len(matched)))
        else:
            app.hint(_("No service matches. Widen the search: another --type or region."))
        return
    # (Nothing found near the place at all: near_notes has said so, and what to try.)
    no_phone = [s for s in near.services if discreet and not s.phones and printable(s, discreet=False)]
    if no_phone:
        msgids = _NO_PHONE_LEFT_OFF if services else _NO_PHONE_ONLY_NATIONAL
        app.hint(ngettext(*msgids, len(no_phone)).format(count=len(no_phone),
                                                          place=i18n.text(near.place)))


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
@argument("ids", nargs=-1, metavar="[ID]...")
@option("--near", "near_place", metavar="PLACE",
        help=N_("Choose the services nearest to this place name or lat,lon (as in \"kzsupport near\")."))
@types_option
@option("--region", "-r", type=REGION,
        help=N_("Only this region (id, ISO code or name); with --near, the region of the place."))
@option("--limit", type=WholeNumbers(min=1), default=DEFAULT_LIMIT, show_default=True,
        help=N_("At most this many services chosen by --near, --type or --region."))
@option("--lang", "sheet_lang", type=LANGUAGE_CHOICE,
        help=N_("The client's language for the sheet (default: the interface language)."))
@option("--also", "also_lang", type=LANGUAGE_CHOICE,
        help=N_("A second language: every text is printed in both."))
@option("--format", "output_format", type=click.Choice(FORMATS),
        help=N_("pdf, html, md or txt (default: from the --output extension, else txt)."))
@option("--output", "-o", "output_name", type=PathType(dir_okay=False),
        help=N_("Write the sheet to this file (needed for PDF); otherwise it goes to stdout. Its "
                "extension (.pdf, .html, .md, .txt) gives the format; any other extension needs "
                "--format."))
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

    from kzsupport.output import not_the_directory, write_atomic
    from kzsupport.referral.select import choose, sheet_for
    from kzsupport.referral.sheet import Options

    # "-o -" is standard output, as for most tools: never a file named "-" holding client data.
    output = None if output_name in (None, "-") else Path(output_name)
    fmt = _format(output_format, output)
    if output is None and fmt in BINARY_FORMATS and (output_name is None or sys.stdout.isatty()):
        raise BadInput(N_("A PDF cannot be written to the terminal. Add --output FILE.pdf."))
    nearby = _nearby(app, near_place, region, types, limit + len(ids)) if near_place else None
    services = choose(app.directory, ids, None if nearby is not None else region, types, limit,
                      nearby, discreet)
    _explain(app, services, nearby, discreet, region, types)
    options = Options(lang=(sheet_lang or i18n.current_lang()).lower(),
                      also_lang=also_lang.lower() if also_lang else None,
                      discreet=discreet, large_print=large_print)
    today = date.today()
    outcomes = _outcomes(answers_file, today) if answers_file else ()
    data = render(sheet_for(app.directory, services, options, today, outcomes, nearby, types), fmt)
    if output is None:
        if fmt in BINARY_FORMATS:  # "-o - --format pdf" into a pipe (to a printer, say)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            click.echo(data.decode("utf-8"), nl=False)
        return
    not_the_directory(output, app.directory.path)
    write_atomic(output, data, force=force)
    app.done(_("Sheet written to {path}.").format(path=str(output)))


COMMANDS = (referral,)
