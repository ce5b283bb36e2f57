#!/usr/bin/env python3
"""Scale: load time, memory peak, find and near latency for synthetic directories of 1,000, 10,000
and 100,000 services (issue 7). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_scale.py [sizes...]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

from kzsupport import directory, store
from kzsupport.geo import near

SEMEY = (50.42064, 80.25025)


def median_ms(calls: int, fn: object) -> float:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def measure(size: int, folder: Path) -> None:
    path = synthetic.write(folder / f"dir-{size}.json", size)
    megabytes = path.stat().st_size / 1e6
    start = time.perf_counter()
    d = store.load(path)
    load_ms = (time.perf_counter() - start) * 1e3
    tracemalloc.start()  # a second load for the memory peak: tracing slows allocation several-fold
    store.load(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    start = time.perf_counter()
    near(d, SEMEY, region="abai")  # placements are computed once per loaded directory
    near_first = (time.perf_counter() - start) * 1e3
    start = time.perf_counter()
    directory.search(d, text="служба 0042")  # search keys too
    find_first = (time.perf_counter() - start) * 1e3
    find_region = median_ms(20, lambda: directory.search(d, region="almaty"))
    find_text = median_ms(5, lambda: directory.search(d, text="служба 0042"))
    near_ms = median_ms(20, lambda: near(d, SEMEY, limit=10, region="abai"))
    print(
        f"{size:>7,} | {megabytes:6.1f} MB | load {load_ms:8.1f} ms | peak {peak / 1e6:7.1f} MB | "
        f"find --region {find_region:6.2f} ms | find TEXT first {find_first:7.1f}, then {find_text:6.2f} ms"
        f" | near first {near_first:7.1f}, then {near_ms:6.2f} ms"
    )


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            measure(size, Path(tmp))


if __name__ == "__main__":
    main()
