"""Shared pieces of every command: translated help, the app context, reusable options, param types.

Help texts are English msgids (``help=N_("...")``) translated when help is *shown*, so one process can
render help in any language (tests, the README generator) and Click's own words follow the language.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console, RenderableType

from kzsupport import INTERRUPTED, i18n
from kzsupport.i18n import N_, _
from kzsupport.models import SERVES, SERVICE_TYPES, Directory

if TYPE_CHECKING:  # imported where completion runs, not on every start
    from click.shell_completion import CompletionItem

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def _translated(obj: object, *attrs: str) -> Iterator[None]:
    saved = {a: getattr(obj, a) for a in attrs}
    for attr, value in saved.items():
        if isinstance(value, str) and value:
            setattr(obj, attr, _(value))
    try:
        yield
    finally:
        for attr, value in saved.items():
            setattr(obj, attr, value)


# Click translates these words when it shows help but does not mark them for extraction (Click 8.5
# shows "[required]" with ``_(extra["required"])``), so they are marked here to stay in the catalogs.
CLICK_UNMARKED = (N_("required"),)


# Metavars shown in help, translated word by word when shown: ours (FILE, REGION, KEY=VALUE ...) and
# the ones Click writes without gettext: type names (TEXT, INTEGER RANGE) and [OPTIONS], COMMAND.
METAVARS = (
    N_("FILE"), N_("FILENAME"), N_("TEXT"), N_("REGION"), N_("PLACE"), N_("KEY=VALUE"),
    N_("FIELD=VALUE"), N_("NAME_OR_COORDS"), N_("ANSWERS"), N_("OPTIONS"), N_("COMMAND"),
    N_("ARGS"), N_("INTEGER"), N_("INTEGER RANGE"), N_("FLOAT RANGE"), N_("OLD"), N_("NEW"),
    N_("RULE_ID"), N_("YYYY-MM-DD"),
)  # fmt: skip
METAVAR_WORD = re.compile(r"[A-Z][A-Z_=]*(?:-[A-Z]+)*(?: RANGE)?")


def translated_metavar(metavar: str) -> str:
    """``FILE.json`` -> ``ФАЙЛ.json``; lower-case choices (``[kk|ru]``) and unknown words stay."""
    return METAVAR_WORD.sub(lambda word: _(word.group()), metavar)


class PathType(click.Path):
    """``click.Path`` whose name ("file", "directory", "path") follows the language. Click translates
    the name when the type is made, at import, before ``--lang`` is read, so its errors said
    "File '/tmp' is a directory" in every language; here the name is translated when an error uses it.
    """

    @property
    def _english(self) -> str:
        """The name as Click chooses it, in English: Click's own ``_()`` has already translated the
        one it stores, and ``"fail".upper()`` is FAIL, not the FAİL kk-latn has for FILE."""
        if self.file_okay and not self.dir_okay:
            return "file"
        return "directory" if self.dir_okay and not self.file_okay else "path"

    @property
    def name(self) -> str:
        return _(self._english)

    @name.setter
    def name(self, value: str) -> None:
        pass  # Click sets the name it translated at import; ``_english`` gives it in any language

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return self._english.upper()  # FILE, translated word by word as every metavar is


class WholeNumbers(click.IntRange):
    """``click.IntRange`` named in the user's language: Click calls it "integer range" in every
    language ("'abc' не является допустимым значением типа integer range")."""

    @property
    def name(self) -> str:
        return _("whole number")

    @name.setter
    def name(self, value: str) -> None:  # Click sets no name of its own on an instance
        raise AttributeError(value)


class Numbers(click.FloatRange):
    """``click.FloatRange`` named in the user's language, as ``WholeNumbers``, and reading a decimal
    comma as Russian and Kazakh write it (``--radius 1,5``)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            value = value.replace(",", ".", 1) if value.count(",") == 1 else value
        return super().convert(value, param, ctx)

    @property
    def name(self) -> str:
        return _("number")

    @name.setter
    def name(self, value: str) -> None:
        raise AttributeError(value)


class TranslatedOption(click.Option):
    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        with _translated(self, "help"):
            return super().get_help_record(ctx)

    def make_metavar(self, ctx: click.Context) -> str:
        return translated_metavar(super().make_metavar(ctx))


class TranslatedArgument(click.Argument):
    """An argument whose metavar is translated in errors too ("Missing argument 'АТАУ_...'"), as the
    usage line translates it."""

    def make_metavar(self, ctx: click.Context) -> str:
        return translated_metavar(super().make_metavar(ctx))


@contextmanager
def _words_kept_whole() -> Iterator[None]:
    """Help wrapped without breaking a line inside a hyphenated word: textwrap breaks after a hyphen
    by default, and "--older-" / "than" or "тексерілген-" / "дәлелденген" mislead. Click builds its
    wrapper inside ``wrap_text``, so the class it uses is swapped while help is formatted."""
    from click import _textwrap

    original = _textwrap.TextWrapper

    class Whole(original):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["break_on_hyphens"] = False
            super().__init__(*args, **kwargs)

    _textwrap.TextWrapper = Whole  # type: ignore[misc]
    try:
        yield
    finally:
        _textwrap.TextWrapper = original  # type: ignore[misc]


class TranslatedCommand(click.Command):
    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _words_kept_whole():
            super().format_help(ctx, formatter)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            # Click caches this option with the help text of the language that first built it.
            option.help = _("Show this message and exit.")
        return option

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self, "help"):
            super().format_help_text(ctx, formatter)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self, "epilog"):
            super().format_epilog(ctx, formatter)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [translated_metavar(piece) for piece in super().collect_usage_pieces(ctx)]

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated(self, "help", "short_help"):
            return super().get_short_help_str(limit)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        typed = list(args)
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            if not exc.option_name[1:2].isdigit():
                raise
            # "-43.25,76.95" reads as option -4: say what happened instead of "No such option".
            value = next((a for a in typed if a.startswith(exc.option_name)), exc.option_name)
            raise click.UsageError(
                _(
                    "{value} starts with - and so reads as an option. Coordinates in Kazakhstan have "
                    "no minus sign: 43.25,76.95. Put -- before a value that starts with -."
                ).format(value=value),
                ctx,
            ) from None


class TranslatedGroup(TranslatedCommand, click.Group):
    command_class = TranslatedCommand
    group_class = type


def option(*param_decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` whose help is translated when shown."""
    attrs.setdefault("cls", TranslatedOption)
    return click.option(*param_decls, **attrs)


def argument(*param_decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.argument`` whose metavar is translated in errors as in the usage line."""
    attrs.setdefault("cls", TranslatedArgument)
    return click.argument(*param_decls, **attrs)




@contextmanager
def prompting(stopped: str) -> Iterator[None]:
    """Around questions asked on a terminal: Ctrl-C or the end of input (Ctrl-D) leaves with the
    translated one-line ``stopped`` (what was not saved or changed) and exit 130, not Click's
    "Aborted!" and exit 1."""
    try:
        yield
    except (click.Abort, KeyboardInterrupt, EOFError):
        click.echo("\n" + stopped, err=True)
        raise click.exceptions.Exit(INTERRUPTED) from None


# The application context ---------------------------------------------------------------------


class App:
    """What every command shares: the data path, the output style, the loaded directory (lazily)."""

    def __init__(self, data_path: str | None = None, ascii_only: bool = False) -> None:
        self.data_path = data_path
        self.ascii_only = ascii_only
        self._directory: Directory | None = None

    @property
    def directory(self) -> Directory:
        if self._directory is None:
            from kzsupport import store

            self._directory = store.load(self.data_path)
        return self._directory

    def console(self, stderr: bool = False) -> Console:
        """A fresh console per use: rich reads NO_COLOR and COLUMNS when it is made."""
        return Console(
            file=sys.stderr if stderr else sys.stdout,
            markup=False,
            highlight=False,
            emoji=False,
            safe_box=True,
        )

    def print(self, renderable: RenderableType, soft_wrap: bool = False) -> None:
        """``soft_wrap``: lines the renderable does not wrap itself (links) are left to the terminal."""
        self.console().print(renderable, soft_wrap=soft_wrap)

    @property
    def narrow(self) -> bool:
        """A terminal too narrow for tables (rich reads COLUMNS or the terminal size)."""
        from kzsupport.render import NARROW

        return self.console().width < NARROW

    def hint(self, message: str) -> None:
        """A hint or warning: stderr, so stdout stays clean for pipes."""
        self._say(message, "yellow")

    def done(self, message: str) -> None:
        """What a command saved or wrote: stderr, like a hint, in green (not a warning's yellow)."""
        self._say(message, "green")

    def _say(self, message: str, style: str) -> None:
        from rich.text import Text

        from kzsupport.render import numbers_whole

        self.console(stderr=True).print(numbers_whole(Text(message, style=style)))


pass_app = click.make_pass_decorator(App, ensure=True)


# Reusable options ----------------------------------------------------------------------------


def format_option(*choices: str) -> Callable[[F], F]:
    return option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=N_("Output format."),
    )


class RegionType(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A region id (``almaty``, ``east-kazakhstan``), its ISO code (``KZ-75``, or the pre-2022 one),
    or any name the regions file knows, in any script (``Абай``, ``ВКО``, ``Алматинская область``)."""

    name = "region"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from kzsupport.store import load_regions

        regions = load_regions()
        text = str(value).strip()
        if text.lower() in regions:
            return text.lower()
        for region in regions.values():
            if text.upper() in (region.iso, region.raw.get("iso_3166_2_former")):
                return region.id
        from kzsupport.places import match_region  # names are folded only when no id matched

        found, similar = match_region(text, regions.values())
        if found is not None:
            return found
        message = _("Unknown region {value}. Valid regions: {valid}. See \"kzsupport regions\".").format(
            value=text, valid=", ".join(sorted(regions))
        )
        if similar:
            names = ", ".join(f"{i} ({i18n.text(regions[i].names)})" for i in similar)
            message += " " + _("Did you mean: {names}?").format(names=names)
        self.fail(message, param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        from kzsupport.store import load_regions

        return [CompletionItem(r) for r in sorted(load_regions()) if r.startswith(incomplete)]


REGION = RegionType()


def region_option(f: F) -> F:
    return option("--region", "-r", type=REGION, help=N_("Only this region (id, ISO code or name)."))(f)


def types_option(f: F) -> F:
    return option(
        "--type",
        "-t",
        "types",
        type=click.Choice(SERVICE_TYPES),
        multiple=True,
        help=N_("Only services of this type (repeatable)."),
    )(f)


def serves_option(f: F) -> F:
    return option(
        "--serves", type=click.Choice(SERVES), help=N_("Only services for this group of people.")
    )(f)


def all_option(f: F) -> F:
    return option(
        "--all",
        "include_unverified",
        is_flag=True,
        help=N_("Also show unverified and inactive records (never give these to a client)."),
    )(f)


def force_option(f: F) -> F:
    return option("--force", is_flag=True, help=N_("Replace the output file if it exists."))(f)


LANGUAGE_CHOICE = click.Choice(i18n.LANGUAGES, case_sensitive=False)
