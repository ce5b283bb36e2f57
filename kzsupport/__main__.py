"""Entry point: choose the language before Click parses anything, then run the CLI."""

from __future__ import annotations

import sys

from kzsupport import i18n


def _lang_from_argv(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    # Usage errors in --help or before --lang is parsed must already speak the user's language.
    i18n.activate(i18n.resolve(_lang_from_argv(args)))
    from kzsupport.cli import cli

    cli.main(args=args, prog_name="kzsupport")


if __name__ == "__main__":
    main()
