"""Cost of a 10-service PDF referral sheet against the cost of importing the PDF library alone.

Run: .venv/bin/python benchmarks/bench_referral.py [runs]
Prints medians over fresh processes for ``import fpdf`` and for the whole ``kzsupport referral`` command
(10 synthetic services, Kazakh with Russian, written to a temporary PDF), and the in-process time to
build and render the same sheet once everything is imported. Goal (issue 5): the command costs little
more than loading the PDF library.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench_startup import medians
from synthetic import write

from kzsupport import store
from kzsupport.referral import render
from kzsupport.referral.select import sheet_for
from kzsupport.referral.sheet import Options

BIN = Path(sys.executable).parent
COUNT = 10


def in_process_ms(data: Path, runs: int) -> float:
    d = store.load(data)
    options = Options(lang="kk", also_lang="ru")
    render(sheet_for(d, d.services, options, date.today()), "pdf")  # warm: imports, font parsing
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render(sheet_for(d, d.services, options, date.today()), "pdf")
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    with tempfile.TemporaryDirectory() as tmp:
        data = write(Path(tmp) / "synthetic.json", COUNT)
        out = Path(tmp) / "sheet.pdf"
        ids = [s.id for s in store.load(data).services]
        rows = [
            ("floor: import click, rich.console", [sys.executable, "-c", "import click, rich.console"]),
            ("import fpdf", [sys.executable, "-c", "import fpdf"]),
            (f"kzsupport referral ({COUNT} services, pdf)",
             [str(BIN / "kzsupport"), "--data", str(data), "referral", *ids, "--lang", "kk",
              "--also", "ru", "--output", str(out), "--force"]),
        ]
        print(f"{'what':45} {'median ms':>10}   ({runs} rounds of fresh processes)")
        for label, seconds in medians(rows, runs).items():
            print(f"{label:45} {seconds * 1000:10.1f}")
        print(f"{'in-process build + render, after imports':45} {in_process_ms(data, runs):10.1f}")
        print(f"PDF size: {out.stat().st_size} bytes")
    print("Reproduce: .venv/bin/python benchmarks/bench_referral.py " + str(runs))


if __name__ == "__main__":
    main()
