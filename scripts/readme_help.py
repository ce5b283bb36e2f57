"""Every command's --help, in one language, as Markdown: cog writes it into README.md.

``python3 tasks.py readme`` regenerates; a test runs ``cog --check`` so the README cannot go stale.
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from kzsupport.cli import cli


def command_paths(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name in sorted(group.commands):
        command = group.commands[name]
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


def help_markdown(lang: str) -> str:
    runner = CliRunner()
    blocks = []
    for path in command_paths():
        args = ["--lang", lang, *path, "--help"]
        result = runner.invoke(cli, args, prog_name="kzsupport", terminal_width=100, env={"COLUMNS": "100"})
        shown = " ".join(("kzsupport", "--lang", lang, *path, "--help"))
        blocks.append(f"```\n$ {shown}\n{result.output}```\n")
    return "\n".join(blocks)
