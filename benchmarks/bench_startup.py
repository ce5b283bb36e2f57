"""Start-up cost of whole commands against the floor of the imports they cannot avoid.

Run: .venv/bin/python benchmarks/bench_startup.py [runs]
Prints the median wall time of each command (a fresh process each run) and its ratio to
``python -c "import click, rich.console"`` measured in the same run. Goal (issue 7): within 1.3x.
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
]


def median_seconds(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    floor = None
    print(f"{'command':40} {'median ms':>10} {'x floor':>8}   ({runs} runs each)")
    for label, argv in COMMANDS:
        try:
            seconds = median_seconds(argv, runs)
        except subprocess.CalledProcessError as exc:
            print(f"{label:40} failed: exit {exc.returncode}")
            continue
        floor = floor or seconds
        print(f"{label:40} {seconds * 1000:10.1f} {seconds / floor:8.2f}")


if __name__ == "__main__":
    main()
