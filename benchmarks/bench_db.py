"""Cost of the maintainers' operations on synthetic directories of growing size.

Run: .venv/bin/python benchmarks/bench_db.py [sizes...]   (default: 50 500 2000)
For each size, in a temporary folder: the median time of one locked, validated, backed-up, logged
edit (a new process would add its start-up), a full cold ``validate_records``, and a CSV
export+parse. Records are ``synthetic.py``'s, given a source and a point the schema accepts.
Needs the bundled record schema (data/service.schema.json).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from synthetic import write

from kzsupport import exchange, store, store_write
from kzsupport import validate as validate_module
from kzsupport.validate import validate_records

SOURCE = {
    "title": "synthetic benchmark record",
    "publisher": "benchmarks/synthetic.py",
    "accessed": "2026-01-01",
    "url": None,
    "document": "benchmarks/synthetic.py",
    "date": None,
    "date_note": "synthetic",
}
VERIFICATION = {
    "status": "source_only",
    "date": "2026-01-01",
    "method": "document",
    "by": "bench",
    "note": None,
}


def median_ms(action: object, runs: int) -> float:
    times = []
    for n in range(runs):
        start = time.perf_counter()
        action(n)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(size: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="kzsupport-bench-"))
    path = write(folder / "directory.json", size)
    tables = store.read_tables(path)
    regions = store.load_regions()
    for doc in tables[store.SERVICES].values():  # provenance, and a point the schema accepts
        doc["sources"] = [SOURCE]
        doc["verification"] = VERIFICATION
        centre = regions[str(doc["region"])]
        doc["location"] = {"lat": centre.centre_lat, "lon": centre.centre_lon}
    path.write_text(store_write.dumps(tables), encoding="utf-8")
    records = list(tables[store.SERVICES].values())
    first = str(records[0]["id"])

    def edit(n: int) -> None:
        with store_write.editing(path, by="bench", action="edit") as draft:
            draft.get(first)["email"] = f"bench{n}@example.org"

    def validate(_n: int) -> None:
        validate_module._MEMO.clear()  # a cold check, as in a fresh process
        validate_records(records, regions)

    def csv_round_trip(_n: int) -> None:
        exchange.parse_csv(exchange.export_csv(records).encode("utf-8"), "bench.csv")

    return {
        "edit": median_ms(edit, 15),
        "validate": median_ms(validate, 5),
        "csv": median_ms(csv_round_trip, 5),
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [50, 500, 2000]
    print(f"{'records':>8} {'edit ms':>9} {'validate ms':>12} {'csv out+in ms':>14}")
    for size in sizes:
        m = measure(size)
        print(f"{size:>8} {m['edit']:>9.1f} {m['validate']:>12.1f} {m['csv']:>14.1f}")


if __name__ == "__main__":
    main()
