"""Entry point: ``python -m kzsupport`` and the ``kzsupport`` console script."""

from __future__ import annotations

import sys

from kzsupport import INTERRUPTED


def main() -> None:
    try:
        from kzsupport.cli import cli
    except KeyboardInterrupt:  # Ctrl-C while starting: nothing has run, so nothing to say
        sys.exit(INTERRUPTED)
    cli.main(prog_name="kzsupport")


if __name__ == "__main__":
    main()
