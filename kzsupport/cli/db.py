"""Keeping the directory true: ``kzsupport db add|edit|verify|deactivate|reactivate|remove|validate|
stale|coverage|import|export|diff|log``.

Commands that change a file write only to the one named with ``--data`` or ``KZSUPPORT_DATA``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kzsupport import store
from kzsupport.cli.options import (
    REGION,
    App,
    Numbers,
    TranslatedCommand,
    TranslatedGroup,
    argument,
    force_option,
    format_option,
    option,
    prompting,
)
from kzsupport.errors import BadInput, KzSupportError
from kzsupport.i18n import N_, _, content_lang, current_lang, ngettext
from kzsupport.models import SERVICE_TYPES, SOURCE_METHODS, VERIFICATION_METHODS

if TYPE_CHECKING:  # the writing half is imported when a command writes, not when help lists db
    from kzsupport.store_write import Draft
    from kzsupport.validate import Problem

F = TypeVar("F", bound=Callable[..., Any])


class DbContext:
    """The ``db`` group's options, shared by its commands."""

    def __init__(self, app: App, by: str | None, wait: float) -> None:
        self.app = app
        self.by = by
        self.wait = wait

    @property
    def author(self) -> str:
        """Who makes the change: ``--by``, else the login name."""
        from kzsupport import store_write

        return store_write.who(self.by)

    @property
    def path(self) -> str:
        from kzsupport import maintain

        return maintain.require_path(self.app.data_path)

    @contextmanager
    def editing(
        self, action: str, note: str | None = None, dry_run: bool = False
    ) -> Iterator[Draft]:
        from kzsupport import store_write

        with store_write.editing(
            self.path, by=self.by, action=action, note=note, timeout=self.wait, dry_run=dry_run
        ) as draft:
            yield draft
        self.report(draft, dry_run)

    def report(self, draft: Draft, dry_run: bool = False) -> None:
        from kzsupport import render_db

        result = draft.result
        if result is None or not result.diffs:
            self.app.hint(_("Nothing changed."))
            return
        summary = render_db.diff_summary(result.diffs)
        if dry_run:
            self.app.hint(
                _("Dry run: nothing was written. It would change {path}: {summary}").format(
                    path=result.path, summary=summary
                )
            )
        else:
            self.app.done(_("Saved {path}: {summary}").format(path=result.path, summary=summary))
        self.warn(result.warnings)

    def warn(self, warnings: Iterable[Problem]) -> None:
        """Say what a write leaves doubtful (a write that adds an error is refused; one that adds a
        warning, a label the research calls a simplification, a blocked number perhaps written
        without its area code, is saved and its warnings said)."""
        for problem in warnings:
            self.app.hint(f"{problem.service_id} {problem.field}: {problem.message()}")


pass_db = click.make_pass_decorator(DbContext)


def today() -> Any:
    return datetime.now(timezone.utc).date()


class Day(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A calendar day written YYYY-MM-DD, refused in the user's language (Click's ``DateTime``
    says "does not match the format '%Y-%m-%d'")."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                self.fail(_("{value} is not a real calendar date.").format(value=text), param, ctx)
        self.fail(
            _("Write the date as YYYY-MM-DD, for example {example}; got {value}.").format(
                example=today().isoformat(), value=value
            ),
            param,
            ctx,
        )


@click.group(
    cls=TranslatedGroup,
    help=N_(
        "Keep the directory true: add, edit, verify, validate, import and export records. "
        "Changes go only to the file named with --data or KZSUPPORT_DATA, under a lock, with a "
        "backup and a change log.\n\n"
        "Example: kzsupport --data data/directory.json db validate"
    ),
)
@option("--by", help=N_("Who makes the change, for the change log (default: your login name)."))
@option(
    "--wait",
    type=Numbers(min=0),
    default=store.LOCK_TIMEOUT,
    show_default=True,
    help=N_("Seconds to wait for another maintainer's change to finish."),
)
@click.pass_context
def db(ctx: click.Context, by: str | None, wait: float) -> None:
    ctx.obj = DbContext(ctx.ensure_object(App), by, wait)


def _assignments(values: tuple[str, ...]) -> list[tuple[str, str]]:
    out = []
    for item in values:
        field, sep, value = item.partition("=")
        if not sep or not field.strip():
            raise click.BadParameter(
                _("Expected FIELD=VALUE, for example name.kk=Дағдарыс орталығы; got {value}.").format(
                    value=item
                ),
                param_hint="--set",
            )
        out.append((field.strip(), value))
    return out


def set_option(f: F) -> F:
    return option(
        "--set",
        "assignments",
        multiple=True,
        metavar="FIELD=VALUE",
        help=N_("Set a field (dotted path, e.g. name.kk=... or phones.0.number=...); repeatable."),
    )(f)


def source_options(source_help: str) -> Callable[[F], F]:
    """``--source`` (helped with ``source_help``) and the options describing it."""

    def decorate(f: F) -> F:
        for decorator in reversed(
            (
                option("--source", "reference", help=source_help),
                option("--source-title", help=N_("Title of the source.")),
                option("--source-publisher", help=N_("Who published the source (default: the URL's host).")),
                option(
                    "--source-date",
                    help=N_("When the source was published (YYYY, YYYY-MM or YYYY-MM-DD)."),
                ),
            )
        ):
            f = decorator(f)
        return f

    return decorate


def _source(reference: str | None, title: str | None, publisher: str | None, published: str | None) -> Any:
    """The source entry the options describe, read today; None without ``--source``."""
    from kzsupport import maintain

    if not reference:
        return None
    return maintain.source(reference, title=title, publisher=publisher, today=today(), published=published)


# --- add / edit -------------------------------------------------------------------------------------


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Add a record: interactively (every field, each language in turn, checked as you type), "
        "or scripted with --id, --type, --region or --national, --source and --set, or from a "
        "JSON file.\n\n"
        "Example: kzsupport --data data/directory.json db add --from new.json"
    ),
)
@option("--from", "from_file", type=click.Path(), metavar="FILENAME",
        help=N_("Read the record from a JSON file."))
@option("--id", "service_id", help=N_("The new record's id (lowercase, digits, hyphens)."))
@option("--type", "kind", type=click.Choice(SERVICE_TYPES), help=N_("Type of service."))
@option("--region", type=REGION, help=N_("The region of a local service (id or ISO code)."))
@option("--national", is_flag=True, help=N_("A national service (no region)."))
@source_options(N_("URL or document the facts come from (required)."))
@option(
    "--method",
    type=click.Choice(SOURCE_METHODS),
    help=N_("How the source was read: document (the default: an article, a report, a page) or "
            "official_page (the service's own page or its government body's)."),
)
@set_option
@pass_db
def add(
    dbc: DbContext,
    from_file: Any,
    service_id: str | None,
    kind: str | None,
    region: str | None,
    national: bool,
    reference: str | None,
    source_title: str | None,
    source_publisher: str | None,
    source_date: str | None,
    method: str | None,
    assignments: tuple[str, ...],
) -> None:
    from kzsupport import maintain

    dbc.path  # noqa: B018 (refuse early, before any prompt, without --data)
    _check_add_options(from_file is not None, service_id, kind, region, national)
    if from_file is not None:
        record = _record_from(from_file, dbc.path)
    elif service_id is None:
        from kzsupport.cli.db_prompts import prompt_record

        taken = {str(r.get("id")) for r in _records(dbc.app, required=True)}
        with prompting(_("Stopped. Nothing was changed in {path}.").format(path=dbc.path)):
            record = prompt_record(today(), taken)
    else:
        record = maintain.template(service_id)
        record["type"] = kind
        record["scope"] = "national" if national else "local"
        record["region"] = region
    cited = _source(reference, source_title, source_publisher, source_date)
    if cited is not None:
        record.setdefault("sources", []).append(cited)
    with dbc.editing("add") as draft:
        maintain.add(draft, record, _assignments(assignments), by=dbc.author, today=today(), method=method)


def _check_add_options(from_file: bool, service_id: str | None, kind: str | None,
                       region: str | None, national: bool) -> None:
    """Options that would be ignored, or contradict each other, are refused before anything else."""
    if from_file and (service_id or kind or region or national):
        raise click.UsageError(_("--from takes the whole record from the file: --id, --type, "
                                 "--region and --national cannot go with it."))
    if service_id is None and not from_file and (kind or region or national):
        raise click.UsageError(_("--type, --region and --national go with --id (without --id, "
                                 "every field is asked for in turn)."))
    if national and region:
        raise click.UsageError(_("--national and --region cannot go together: a national service "
                                 "has no region."))


def _record_from(file: str, path: str) -> dict[str, Any]:
    """The one record a ``--from`` file holds, with a clear error for anything else."""
    import shlex
    from pathlib import Path

    from kzsupport.errors import file_reason

    try:
        record = json.loads(Path(file).read_bytes().decode("utf-8"))
    except (OSError, ValueError) as exc:  # ValueError: not JSON, or not UTF-8
        raise click.BadParameter(f"{file}: {file_reason(exc)}", param_hint="--from") from None
    if isinstance(record, dict) and store.SERVICES in record:
        raise click.BadParameter(
            _('{file} holds a whole directory (an export): add its records with "{command}"; '
              '--from takes one record.').format(
                file=file, command=store.command(f"db import {shlex.quote(file)}", path)),
            param_hint="--from")
    if not isinstance(record, dict):
        raise click.BadParameter(_("The file must hold one JSON object."), param_hint="--from")
    if not record.get("id"):
        raise click.BadParameter(_("The record in the file has no \"id\"."), param_hint="--from")
    return record


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Change a record: interactively, or with --set FIELD=VALUE (dotted paths; null clears). "
        'verification.* changes only through "db verify". A new or changed phone number needs '
        "--source: where it is published.\n\n"
        'Example: kzsupport --data data/directory.json db edit kz-national-150 --set name.en="Helpline 150"'
    ),
)
@argument("service_id", metavar="ID")
@set_option
@source_options(N_("URL or document the change comes from (required for a new or changed phone number)."))
@option(
    "--reveal-address",
    is_flag=True,
    help=N_("Allow this edit to make a confidential address public (when the service publishes it)."),
)
@option("--yes", is_flag=True, help=N_("Confirm removing a confidential address."))
@pass_db
def edit(
    dbc: DbContext,
    service_id: str,
    assignments: tuple[str, ...],
    reference: str | None,
    source_title: str | None,
    source_publisher: str | None,
    source_date: str | None,
    reveal_address: bool,
    yes: bool,
) -> None:
    from kzsupport import maintain

    cited = _source(reference, source_title, source_publisher, source_date)
    pairs = _assignments(assignments)
    if not pairs:  # ask first, without holding the lock while a person types
        from kzsupport.cli.db_prompts import prompt_edits

        current = {str(r.get("id")): r for r in _records(dbc.app, required=True)}
        if service_id not in current:
            raise KzSupportError(
                N_('No service with id {service_id} in {path}. Use "{command}" to see ids.'),
                service_id=service_id,
                path=dbc.path,
                command=store.command("find --all", dbc.path),
            )
        with prompting(_("Stopped. Nothing was changed in {path}.").format(path=dbc.path)):
            pairs = prompt_edits(current[service_id])
    with dbc.editing("edit") as draft:
        numbers = maintain.edit(draft, service_id, pairs, reveal_address, yes)
        maintain.cite(draft, service_id, cited, numbers, by=dbc.author, today=today())


# --- verification and status ------------------------------------------------------------------------


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Record that a record was checked, how and against what: the only way its verification "
        "date moves.\n\n"
        "Example: kzsupport --data data/directory.json db verify kz-national-150 --method call "
        '--source "call to 150" --note "answered, 24/7 confirmed"'
    ),
)
@argument("service_id", metavar="ID")
@option("--method", required=True, type=click.Choice(VERIFICATION_METHODS), help=N_("How it was checked."))
@option("--source", "reference", required=True, help=N_("The URL or document checked."))
@option("--note", help=N_("What was confirmed."))
@option(
    "--date",
    "checked_on",
    type=Day(),
    metavar="YYYY-MM-DD",
    help=N_("The day of the check, if not today (a call made last week)."),
)
@option(
    "--replace-later",
    is_flag=True,
    help=N_("Let a check dated before the record's current verification replace it."),
)
@pass_db
def verify(
    dbc: DbContext,
    service_id: str,
    method: str,
    reference: str,
    note: str | None,
    checked_on: Any,
    replace_later: bool,
) -> None:
    from kzsupport import maintain

    on = today() if checked_on is None else checked_on
    if on > today():
        raise BadInput(N_("The date of a check cannot be in the future: {date}."), date=on.isoformat())
    with dbc.editing("verify", note=note) as draft:
        maintain.verify(
            draft,
            service_id,
            method=method,
            reference=reference,
            by=dbc.author,
            on=on,
            note=note,
            replace_later=replace_later,
        )


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Mark a record inactive (or temporarily closed) and record why in the change log.\n\n"
        'Example: kzsupport --data data/directory.json db deactivate kz-x --reason "closed in 2025"'
    ),
)
@argument("service_id", metavar="ID")
@option("--reason", required=True, help=N_("Why, for the change log."))
@option("--temporary", is_flag=True, help=N_("Temporarily closed rather than inactive."))
@pass_db
def deactivate(dbc: DbContext, service_id: str, reason: str, temporary: bool) -> None:
    from kzsupport import maintain

    if not reason.strip():
        raise click.BadParameter(
            _("Say why, for the change log: the reason cannot be empty."), param_hint="--reason"
        )
    with dbc.editing("deactivate", note=reason) as draft:
        maintain.set_status(draft, service_id, "temporarily_closed" if temporary else "inactive")
    from kzsupport.validate import closed_named_lines

    for problem in closed_named_lines(draft.find(service_id) or {}):
        dbc.app.hint(problem.message())


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Mark a record active again.\n\nExample: kzsupport --data data/directory.json db reactivate kz-x"
    ),
)
@argument("service_id", metavar="ID")
@option("--note", help=N_("Why, for the change log."))
@pass_db
def reactivate(dbc: DbContext, service_id: str, note: str | None) -> None:
    from kzsupport import maintain

    with dbc.editing("reactivate", note=note) as draft:
        maintain.set_status(draft, service_id, "active")


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Delete a record from the file (a backup keeps it). Needs --yes.\n\n"
        "Example: kzsupport --data data/directory.json db remove kz-x --yes"
    ),
)
@argument("service_id", metavar="ID")
@option("--yes", is_flag=True, help=N_("Confirm the removal."))
@pass_db
def remove(dbc: DbContext, service_id: str, yes: bool) -> None:
    from kzsupport import maintain

    with dbc.editing("remove") as draft:
        maintain.remove(draft, service_id, yes=yes)


# --- review -----------------------------------------------------------------------------------------


def _records(app: App, required: bool = False) -> list[dict[str, Any]]:
    """The raw records of the named file (or, for read-only commands, the bundled one)."""
    if required:
        from kzsupport import maintain

        maintain.require_path(app.data_path)
    path = app.data_path or store.bundled_path()
    return list(store.read_tables(path)[store.SERVICES].values())


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Check every record: schema, phone numbers, coordinates, regions and types, duplicates, "
        "fabricated numbers, confidential addresses, languages, verification notes. Exit 1 on "
        "any error.\n\nExample: kzsupport --data data/directory.json db validate"
    ),
)
@format_option("table", "json")
@click.pass_context
def validate(ctx: click.Context, output_format: str) -> None:
    from kzsupport import render_db
    from kzsupport.validate import validate_directory

    app = ctx.find_object(App)
    assert app is not None  # noqa: S101 (the root group made it)
    tables = store.read_tables(app.data_path or store.bundled_path())
    report = validate_directory(tables, store.load_regions())
    if output_format == "json":
        click.echo(render_db.validation_json(report))
    else:
        app.print(render_db.validation_report(report))
    if not report.ok:
        ctx.exit(1)


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Records never verified or verified longer ago than --older-than, by region.\n\n"
        "Example: kzsupport db stale --older-than 6m"
    ),
)
@option("--older-than", "age", default="12m", show_default=True, help=N_("Age limit: 90d, 12m, 2y."))
@format_option("table", "json")
@click.pass_context
def stale(ctx: click.Context, age: str, output_format: str) -> None:
    from kzsupport import maintain, render_db

    app = ctx.find_object(App)
    assert app is not None  # noqa: S101
    d = app.directory
    groups = maintain.stale(d.services, today(), maintain.parse_age(age))
    if output_format == "json":
        click.echo(render_db.stale_json(groups))
    elif groups:
        app.print(render_db.stale_table(groups, d.regions, app.ascii_only))
    else:
        app.hint(_("No stale records."))


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "A region x service-type table of verified / source-only records, so gaps show at a "
        "glance.\n\nExample: kzsupport db coverage --format csv"
    ),
)
@format_option("table", "json", "csv")
@click.pass_context
def coverage(ctx: click.Context, output_format: str) -> None:
    from kzsupport import maintain, render_db

    app = ctx.find_object(App)
    assert app is not None  # noqa: S101
    d = app.directory
    cells = maintain.coverage(d.services, d.regions)
    if output_format == "json":
        click.echo(render_db.coverage_json(cells))
    elif output_format == "csv":
        click.echo(render_db.coverage_csv(cells), nl=False)
    else:
        width = app.console().width
        app.print(render_db.coverage_table(cells, d.regions, SERVICE_TYPES, app.ascii_only, width))


# --- import / export / diff / log -------------------------------------------------------------------


@db.command(
    "import",
    cls=TranslatedCommand,
    help=N_(
        'Add or update records from a CSV or JSON file (as written by "db export"): all or '
        "nothing, the field-level diff shown first, errors with their line numbers.\n\n"
        "Example: kzsupport --data data/directory.json db import edits.csv --dry-run"
    ),
)
@argument("file", type=click.Path(exists=True, dir_okay=False))
@option("--dry-run", is_flag=True, help=N_("Show what would change; write nothing."))
@option(
    "--keep-verification",
    is_flag=True,
    help=N_("Let new records arrive verified, as the file says (when moving a whole directory)."),
)
@pass_db
def import_(dbc: DbContext, file: str, dry_run: bool, keep_verification: bool) -> None:
    from pathlib import Path

    from kzsupport import exchange, maintain, render_db, store_write

    rows = exchange.parse_file(Path(file).read_bytes(), file)
    try:
        with dbc.editing("import", note=Path(file).name, dry_run=dry_run) as draft:
            imported = maintain.apply_import(draft, rows, file, keep_verification,
                                             by=dbc.author, today=today())
            if imported.diffs:
                dbc.app.print(render_db.diff_text(imported.diffs))
            for notice in imported.notices:
                dbc.app.hint(notice.message())
    except store_write.WriteRefused as refused:
        raise maintain.refused_rows(refused, rows, file) from None


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Write the directory as JSON, CSV (safe to open in a spreadsheet) or an Open Referral HSDS "
        "3.0 package. Confidential addresses are never exported.\n\n"
        "Example: kzsupport db export --format hsds --output hsds/"
    ),
)
@format_option("json", "csv", "hsds")
@option("--output", "-o", type=click.Path(), help=N_("File (or folder for hsds) to write; default stdout."))
@force_option
@click.pass_context
def export(ctx: click.Context, output_format: str, output: str | None, force: bool) -> None:
    from kzsupport import exchange

    app = ctx.find_object(App)
    assert app is not None  # noqa: S101
    # "-o -" is standard output, as for most tools (and "referral -o -"): never a file named "-".
    if output == "-":
        output = None
    if output_format == "hsds":
        _export_hsds(app, output, force)
        return
    from kzsupport.output import not_the_directory, write_atomic

    source = app.data_path or store.bundled_path()
    if output is not None:
        not_the_directory(output, source)
    tables = store.read_tables(source)
    store.from_tables(tables, source)  # an invalid record is named, not met half-way through
    records = list(tables[store.SERVICES].values())
    if output_format == "json":
        meta = dict(store.meta_doc(tables))
        out = exchange.export_json(records, meta)
    else:
        out = exchange.export_csv(records)
    if output is None:
        click.echo(out, nl=False)
    else:
        write_atomic(output, out.encode("utf-8"), force=force)
        app.done(_("Wrote {path}.").format(path=output))


def _export_hsds(app: App, output: str | None, force: bool) -> None:
    from pathlib import Path

    from kzsupport import hsds

    if output is None:
        raise click.UsageError(
            _("An HSDS package is a folder, so it cannot go to standard output: name the folder "
              "with --output.")
        )
    d = app.directory
    tables = hsds.build_package(d.services, d.regions, current_lang(), on=today())
    problems = hsds.validate_package(tables)
    if problems:
        raise KzSupportError(
            N_("The HSDS package does not validate ({count} problems), so it was not written: {first}"),
            count=len(problems),
            first=problems[0],
        )
    hsds.write_package(tables, Path(output), force=force, data_path=d.path)
    app.done(
        _(
            "Wrote an HSDS {version} package ({lang}) to {path}; it validates against our subset "
            "of the HSDS 3.0 schemas."
        ).format(version=hsds.HSDS_VERSION, lang=content_lang(), path=output)
    )


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "Field-level differences between two directory files.\n\n"
        "Example: kzsupport db diff old.json data/directory.json"
    ),
)
@argument("old", type=click.Path(exists=True, dir_okay=False))
@argument("new", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def diff(ctx: click.Context, old: str, new: str) -> None:
    from kzsupport import render_db
    from kzsupport.changes import diff_records, withhold

    app = ctx.find_object(App)
    assert app is not None  # noqa: S101
    before = list(store.read_tables(old)[store.SERVICES].values())
    after = list(store.read_tables(new)[store.SERVICES].values())
    diffs = withhold(diff_records(before, after), [*before, *after])
    if diffs:
        app.print(render_db.diff_text(diffs))
    app.hint(render_db.diff_summary(diffs))


@db.command(
    cls=TranslatedCommand,
    help=N_(
        "The change history of the file, or of one record.\n\n"
        "Example: kzsupport --data data/directory.json db log kz-national-150"
    ),
)
@argument("service_id", metavar="[ID]", required=False)
@format_option("table", "json")
@pass_db
def log(dbc: DbContext, service_id: str | None, output_format: str) -> None:
    from pathlib import Path

    from kzsupport import render_db, store_write

    entries, unreadable = store_write.read_log_counted(Path(dbc.path), service_id)
    if unreadable:
        dbc.app.hint(
            ngettext(
                "{count} line of the change log {path} could not be read and was skipped.",
                "{count} lines of the change log {path} could not be read and were skipped.",
                unreadable,
            ).format(count=unreadable, path=store_write.log_path(Path(dbc.path)))
        )
    if service_id is not None and not entries:
        from kzsupport import directory

        directory.get(store.load(dbc.path), service_id)  # an unknown id is an error, not "no changes"
    if output_format == "json":
        click.echo(render_db.log_json(entries))
    elif entries:
        dbc.app.print(render_db.log_text(entries))
    else:
        dbc.app.hint(_("No changes recorded yet."))


COMMANDS = (db,)
