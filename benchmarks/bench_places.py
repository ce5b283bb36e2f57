#!/usr/bin/env python3
"""Speed of place resolution and near(), in-process, once loaded. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_places.py

Goals (issue 3): resolving a name < 1 ms; near() over 10,000 services < 10 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic  # noqa: E402

from kzsupport import store  # noqa: E402
from kzsupport.geo import near  # noqa: E402
from kzsupport.places import load  # noqa: E402

QUERIES = ROOT / "tests" / "place_queries.tsv"


def _ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    median = statistics.median(samples)
    return f"median {median * 1e3:.3f} ms, p95 {p95 * 1e3:.3f} ms, max {samples[-1] * 1e3:.3f} ms"


def bench_resolve() -> None:
    start = time.perf_counter()
    gaz = load()
    took = (time.perf_counter() - start) * 1e3
    print(f"gazetteer load: {took:.1f} ms ({len(gaz.places)} places, {len(gaz.index)} keys)")
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    queries = [line.split("\t")[0] for line in lines if line and not line.startswith("#")][1:]
    gaz.resolve("Taldykurgn")  # import rapidfuzz once, as the first fuzzy query of a session would
    times = []
    for _ in range(5):
        for q in queries:
            t = time.perf_counter()
            gaz.resolve(q)
            times.append(time.perf_counter() - t)
    print(f"resolve ({len(queries)} queries x 5): {_ms(times)}")


def bench_near() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        big = store.load(str(synthetic.write(Path(tmp) / "directory.json", 10_000)))
    rng = random.Random(7)
    regions = sorted(load().regions)
    start = time.perf_counter()
    near(big, (50.42, 80.25), region="abai")  # placements are computed once per directory
    print(f"near: first call on 10,000 services (placements): {(time.perf_counter() - start) * 1e3:.1f} ms")
    times = []
    for _ in range(200):
        point = (rng.uniform(41, 55), rng.uniform(47, 87))
        t = time.perf_counter()
        near(big, point, limit=10, region=rng.choice(regions))
        times.append(time.perf_counter() - t)
    print(f"near over 10,000 services, limit 10 (200 calls): {_ms(times)}")
    times = []
    for _ in range(200):
        point = (rng.uniform(41, 55), rng.uniform(47, 87))
        t = time.perf_counter()
        near(big, point, types=["crisis_centre", "shelter"], serves="women", limit=10)
        times.append(time.perf_counter() - t)
    print(f"near with --type x2 --serves, 10,000 services (200 calls): {_ms(times)}")


if __name__ == "__main__":
    bench_resolve()
    bench_near()
