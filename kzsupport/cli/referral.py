"""``referral``: a sheet a volunteer prints or sends to a client, in the client's language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from kzsupport import i18n
from kzsupport.cli.options import (
    LANGUAGE_CHOICE,
    App,
    TranslatedCommand,
    option,
    pass_app,
    region_option,
    types_option,
)
from kzsupport.errors import BadInput
from kzsupport.i18n import N_, _
from kzsupport.referral import BINARY_FORMATS, FORMATS, render
from kzsupport.referral.output import write_atomic
from kzsupport.referral.select import DEFAULT_LIMIT, choose, sheet_for
from kzsupport.referral.sheet import Options

# Output file extensions and the format each one means.
_EXTENSIONS = {"pdf": "pdf", "html": "html", "htm": "html", "md": "md", "markdown": "md",
               "txt": "txt", "text": "txt"}


def _format(requested: str | None, output: Path | None) -> str:
    """The format asked for, else the output file's extension, else plain text."""
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return requested or _EXTENSIONS.get(suffix, "txt")


@click.command(
    cls=TranslatedCommand,
    help=N_(
        "A referral sheet for a client, in the client's language: the chosen services, the national "
        "lines and a note on what to do if a number does not answer. Unverified records are never "
        "printed and confidential addresses never appear. --discreet makes a neutral contact card "
        "with no addresses and no word that tells what the services are for.\n\n"
        "Example: kzsupport referral --type crisis_centre --region abai --lang kk --also ru "
        "--format pdf --output sheet.pdf"
    ),
)
@click.argument("ids", nargs=-1, metavar="[ID]...")
@types_option
@region_option
@option("--limit", type=click.IntRange(min=1), default=DEFAULT_LIMIT, show_default=True,
        help=N_("At most this many services chosen by --type or --region."))
@option("--lang", "sheet_lang", type=LANGUAGE_CHOICE,
        help=N_("The client's language for the sheet (default: the interface language)."))
@option("--also", "also_lang", type=LANGUAGE_CHOICE,
        help=N_("A second language: every text is printed in both."))
@option("--format", "output_format", type=click.Choice(FORMATS),
        help=N_("pdf, html, md or txt (default: from the --output extension, else txt)."))
@option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
        help=N_("Write the sheet to this file (needed for PDF); otherwise it goes to stdout."))
@option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
@option("--discreet", is_flag=True,
        help=N_("A neutral contact card: no addresses, no word that tells what a service is for."))
@option("--large-print", is_flag=True, help=N_("Bigger letters, for low vision."))
@pass_app
def referral(
    app: App,
    ids: tuple[str, ...],
    types: tuple[str, ...],
    region: str | None,
    limit: int,
    sheet_lang: str | None,
    also_lang: str | None,
    output_format: str | None,
    output: Path | None,
    force: bool,
    discreet: bool,
    large_print: bool,
) -> None:
    fmt = _format(output_format, output)
    if output is None and fmt in BINARY_FORMATS:
        raise BadInput(N_("A PDF cannot be written to the terminal. Add --output FILE.pdf."))
    services = choose(app.directory, ids, region, types, limit)
    if not services:
        app.hint(_("No service matches. Widen the search: another --type or region."))
    options = Options(lang=(sheet_lang or i18n.current_lang()).lower(),
                      also_lang=also_lang.lower() if also_lang else None,
                      discreet=discreet, large_print=large_print)
    data = render(sheet_for(app.directory, services, options, date.today()), fmt)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    write_atomic(output, data, force=force)
    app.hint(_("Sheet written to {path}.").format(path=str(output)))


COMMANDS = (referral,)
