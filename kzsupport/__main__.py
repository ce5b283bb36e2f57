"""Entry point: ``python -m kzsupport`` and the ``kzsupport`` console script."""

from __future__ import annotations

import gc
import sys

from kzsupport import INTERRUPTED


def main() -> None:
    # Start-up (issue 7): importing click, rich and kzsupport makes some 16,000 objects the collector
    # tracks, all living as long as the process. Collecting while they are made finds nothing to
    # free, so the collector waits until they are imported, then sets them aside (freeze) and runs
    # for the command's own objects: a long `db import` still frees its cycles. At the end everything
    # is frozen again, so the collection Python makes at exit does not walk objects that are about to
    # go anyway. About 20 ms of a 130 ms `near` (benchmarks/bench_startup.py); the output is the same.
    gc.disable()
    try:
        from kzsupport.cli import cli
    except KeyboardInterrupt:  # Ctrl-C while starting: nothing has run, so nothing to say
        sys.exit(INTERRUPTED)
    gc.freeze()
    gc.enable()
    try:
        cli.main(prog_name="kzsupport")
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
