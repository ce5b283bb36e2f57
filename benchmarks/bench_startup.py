"""Start-up cost of whole commands against the floor of the imports they cannot avoid.

Run: .venv/bin/python benchmarks/bench_startup.py [runs]
Prints the median wall time of each command (a fresh process each run) and its ratio to
``python -c "import click, rich.console"`` measured in the same rounds. Goal (issue 7): within 1.3x.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COMMANDS: list[tuple[str, list[str]]] = [
    ("floor: import click, rich.console", [sys.executable, "-c", "import click, rich.console"]),
    ("kzsupport hotlines", [str(BIN / "kzsupport"), "hotlines"]),
    ("kzsupport find --region almaty", [str(BIN / "kzsupport"), "find", "--region", "almaty"]),
    ("kzsupport near Семей", [str(BIN / "kzsupport"), "near", "Семей"]),
    # Not in the goal, measured so that they do not slip: the first thing a new user types,
    # a record in full, and the rules.
    ("kzsupport --help", [str(BIN / "kzsupport"), "--help"]),
    ("kzsupport show kz-national-150", [str(BIN / "kzsupport"), "show", "kz-national-150"]),
    ("kzsupport rules list", [str(BIN / "kzsupport"), "rules", "list"]),
]


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True)
    return time.perf_counter() - start


def medians(commands: list[tuple[str, list[str]]], runs: int) -> dict[str, float]:
    """The median wall time in seconds of each command, a fresh process per run. Round-robin: each
    round runs every command once, so a slow spell of the machine weighs on all of them alike
    instead of on whichever ran during it."""
    times: dict[str, list[float]] = {label: [] for label, _ in commands}
    for _ in range(runs):
        for label, argv in commands:
            times[label].append(timed(argv))
    return {label: statistics.median(seconds) for label, seconds in times.items()}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    results = medians(COMMANDS, runs)
    floor = results[COMMANDS[0][0]]
    print(f"{'command':40} {'median ms':>10} {'x floor':>8}   ({runs} rounds)")
    for label, seconds in results.items():
        print(f"{label:40} {seconds * 1000:10.1f} {seconds / floor:8.2f}")


if __name__ == "__main__":
    main()
