"""The ``kzsupport`` command: the root group, its global options, and the one place errors are shown."""

from __future__ import annotations

import codecs
import importlib
import io
import sys
from collections.abc import Collection
from typing import Any

import click

from kzsupport import INTERRUPTED, __version__, i18n
from kzsupport.cli.options import LANGUAGE_CHOICE, App, PathType, TranslatedGroup, option
from kzsupport.errors import KzSupportError
from kzsupport.i18n import N_, _, ngettext


class BadInputError(click.ClickException):
    exit_code = 2


ENCODING_HELP = (
    "Error: this terminal's character encoding ({encoding}) cannot show Kazakh or Russian letters.\n"
    "Use a UTF-8 locale (for example LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8, then try again.\n"
)


# Letters each interface language needs; English needs none (see fit_terminal).
LETTERS = {"kk": "ҚқӘә", "kk-latn": "ğşñ", "ru": "Жж"}
# Typographic marks the English output uses, as an ASCII terminal can show them.
ASCII_MARKS = str.maketrans(
    {"·": "-", "«": '"', "»": '"', "—": "-", "–": "-", "•": "*", "→": "->", "…": "...", "’": "'"}
)
ASCII = "kzsupport-ascii"  # an ASCII codec and error handler under our own name


def _ascii_codec(name: str) -> codecs.CodecInfo | None:
    # Click treats a stream named "ascii" as misconfigured and writes UTF-8 to it anyway (raw bytes
    # on a real ASCII terminal); under another name it writes through our error handler like rich.
    if name != ASCII.replace("-", "_"):
        return None
    ascii = codecs.lookup("ascii")
    return codecs.CodecInfo(ascii.encode, ascii.decode, name=ASCII,
                            incrementalencoder=ascii.incrementalencoder,
                            incrementaldecoder=ascii.incrementaldecoder)


def _plain(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    shown = exc.object[exc.start : exc.end].translate(ASCII_MARKS)
    return shown.encode("ascii", "replace").decode("ascii"), exc.end


def _shows(stream: object, letters: str) -> bool:
    try:
        letters.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def writes_data_to_stdout(argv: list[str]) -> bool:
    """Whether the command line asks for JSON or CSV on stdout (``--format json``, ``db export``
    without ``--output``, or with ``-o -``): data that must not lose a letter, unlike text for a person."""
    fmt = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--format"), None)
    fmt = fmt or next((a.split("=", 1)[1] for a in argv if a.startswith("--format=")), None)
    # "-o -" (-o-, --output=-) is standard output too
    outputs = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-o", "--output")]
    outputs += [a.split("=", 1)[1] for a in argv if a.startswith("--output=")]
    outputs += [a[2:] for a in argv if a.startswith("-o") and len(a) > 2 and not a.startswith("--")]
    to_file = any(o != "-" for o in outputs)
    if "export" in argv and fmt is None:
        fmt = "json"
    return fmt in ("json", "csv") and not to_file


def fit_terminal(lang: str, data_out: bool = False) -> None:
    """Before anything is printed: a terminal that cannot show the interface language's letters gets
    one plain-ASCII message and exit 1, instead of help or errors as raw UTF-8 bytes or \\u escapes.
    English is shown anyway, in ASCII: its own text needs only a few typographic marks (· « » —),
    written as - " " -, and a caseworker on an old console is better served by the numbers than by a
    refusal; the little Cyrillic it holds (sources' titles, a Russian example, a place typed in
    Cyrillic) shows as "?". JSON or CSV on such a stdout (``data_out``) is refused like Kazakh: a
    "?" in place of a letter would corrupt data silently; written to a file with --output it is UTF-8."""
    streams = [s for s in (sys.stdout, sys.stderr) if not _shows(s, LETTERS["kk"] + LETTERS["ru"])]
    if not streams:
        return
    refused = data_out and sys.stdout in streams
    if refused or (lang != "en" and not all(_shows(s, LETTERS[lang]) for s in (sys.stdout, sys.stderr))):
        encoding = getattr(streams[0], "encoding", None) or "ascii"
        sys.stderr.flush()
        sys.stderr.buffer.write(ENCODING_HELP.format(encoding=encoding).encode("ascii"))
        sys.stderr.flush()
        sys.exit(1)
    codecs.register(_ascii_codec)
    codecs.register_error(ASCII, _plain)
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding=ASCII, errors=ASCII)


def lang_from_argv(argv: list[str], commands: Collection[str] = ()) -> str | None:
    """The value of the root ``--lang`` in ``argv``, read before Click parses anything. Scanning stops
    at the command name: a command's own ``--lang`` (``referral --lang kk``, the client's language
    for a sheet) is not the interface language."""
    for i, arg in enumerate(argv):
        if arg == "--" or arg in commands:
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


COMMAND_ARGS = "kzsupport.command_args"  # in ctx.meta: what followed the command's name

# Each command's module is imported only when that command runs (or when help lists them all), so a
# plain lookup does not pay for the eligibility engine, the maintainers' tools or the PDF sheets.
COMMAND_MODULES: dict[str, str] = {
    "hotlines": "directory",
    "find": "directory",
    "show": "directory",
    "regions": "directory",
    "place": "places",
    "near": "places",
    "eligibility": "eligibility",
    "rules": "eligibility",
    "db": "db",
    "referral": "referral",
}


class RootGroup(TranslatedGroup):
    """Chooses the language before parsing (so ``--help`` and usage errors are translated), loads
    command modules lazily, and turns domain errors into translated one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES and cmd_name not in self.commands:
            module = importlib.import_module("kzsupport.cli." + COMMAND_MODULES[cmd_name])
            for command in module.COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        ctx.meta[COMMAND_ARGS] = args[1:]
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            # Click suggests only among the commands loaded so far, and these load lazily.
            import difflib

            close = difflib.get_close_matches(args[0], self.list_commands(ctx), n=1)
            if not close or args[0].startswith("-"):
                raise
            hint = _("Did you mean: {names}?").format(names=close[0])
            raise click.UsageError(f"{exc.message} {hint}", exc.ctx) from None

    def main(self, args: Any = None, *pos: Any, **kwargs: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        lang = i18n.resolve(lang_from_argv(argv, {*COMMAND_MODULES, *self.commands}))
        i18n.activate(lang)
        fit_terminal(lang, writes_data_to_stdout(argv))
        try:
            return super().main(argv, *pos, **kwargs)
        except UnicodeEncodeError as exc:
            # The terminal cannot show these letters, so the message is plain ASCII English.
            sys.stderr.buffer.write(ENCODING_HELP.format(encoding=exc.encoding).encode("ascii"))
            sys.stderr.flush()
            sys.exit(1)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Ctrl-C outside a prompt (making a sheet, say): one translated line and 130, as at a
            # prompt, not Click's "Aborted!" and 1. Writes are atomic, so no file is half written.
            click.echo("\n" + _("Stopped."), err=True)
            raise click.exceptions.Exit(INTERRUPTED) from None
        except KzSupportError as exc:
            kind = BadInputError if exc.exit_code == 2 else click.ClickException
            raise kind(exc.message()) from None
        except click.NoSuchOption as exc:
            if exc.option_name != "--lang" or exc.ctx is None:
                raise
            # The interface language is the root's option: "kzsupport find --lang ru".
            lang = lang_from_argv(ctx.meta.get(COMMAND_ARGS, [])) or "ru"
            root, _space, command = exc.ctx.command_path.partition(" ")
            hint = _("--lang goes before the command: {example}").format(
                example=f"{root} --lang {lang} {command}"
            )
            raise click.UsageError(f"{exc.format_message()} {hint}", exc.ctx) from None


def _activate(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    lang = i18n.resolve(value)
    i18n.activate(lang)
    return lang


def _version_text(app: App) -> str:
    d = app.directory
    return "\n".join(
        (
            f"kzsupport {__version__}",
            ngettext(
                "Data as of {date}: {count} record ({path}).",
                "Data as of {date}: {count} records ({path}).",
                len(d.services),
            ).format(date=d.meta.as_of, count=len(d.services), path=d.path),
            _("Place names: GeoNames (geonames.org), CC BY 4.0."),
        )
    )


@click.group(
    cls=RootGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "An offline directory of victim-support services in Kazakhstan: crisis centres, shelters, "
        "helplines and who is entitled to free legal aid. In danger now: call 112 or 102.\n\n"
        "Example: kzsupport --lang ru find --region almaty"
    ),
)
@option(
    "--lang",
    type=LANGUAGE_CHOICE,
    is_eager=True,
    expose_value=False,
    callback=_activate,
    help=N_("Interface language (also KZSUPPORT_LANG, LANGUAGE, LANG)."),
)
@option(
    "--data",
    "data_path",
    type=PathType(dir_okay=False),
    metavar="FILE",
    envvar="KZSUPPORT_DATA",
    help=N_("Use this data file instead of the bundled directory (also KZSUPPORT_DATA)."),
)
@option("--ascii", "ascii_only", is_flag=True, help=N_("Draw tables with plain ASCII characters."))
@option("--version", is_flag=True, help=N_("Show the version and the data set's date, then exit."))
@click.pass_context
def cli(ctx: click.Context, data_path: str | None, ascii_only: bool, version: bool) -> None:
    app = ctx.ensure_object(App)
    app.data_path = data_path
    app.ascii_only = ascii_only
    if version:
        try:
            click.echo(_version_text(app))
        except KzSupportError as exc:  # the version is known even when the data file is not readable
            click.echo(f"kzsupport {__version__}")
            raise click.ClickException(exc.message()) from None
        ctx.exit(0)
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
