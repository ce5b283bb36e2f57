"""Entry point: ``python -m kzsupport`` and the ``kzsupport`` console script."""

from __future__ import annotations


def main() -> None:
    from kzsupport.cli import cli

    cli.main(prog_name="kzsupport")


if __name__ == "__main__":
    main()
