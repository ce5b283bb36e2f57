"""How long the eligibility engine takes: loading the rules, one evaluation, a whole interview's
question choice, and the rules-file conflict check. Plain script: ``python benchmarks/bench_eligibility.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from kzsupport import eligibility as e

ON = date(2026, 11, 24)
ANSWERS: dict[str, e.FactValue] = {
    "victim_of": frozenset({"domestic_violence"}), "matter": "other", "seeking": "other",
    "disability_group": "none", "pensioner": "no", "veteran": "none", "conscript": "no",
    "large_family": "no", "low_income": "yes", "business_matter": "no", "age": 30,
    "speaks_court_language": "yes", "unable_to_self_represent": "no", "citizen": "yes",
    "aggressor_16_or_over": "yes",
}


def timed(label: str, fn: Callable[[], object], repeat: int) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    per = (time.perf_counter() - start) / repeat
    print(f"{label:<48} {per * 1000:10.3f} ms  (mean of {repeat})")


def interview() -> int:
    facts: dict[str, e.FactValue] = {}
    while (q := e.next_question(facts, None, ON)) is not None:
        facts[q.key] = ANSWERS[q.key]
    return len(facts)


def main() -> None:
    rs = e.load_rules()
    print(f"rules: {len(rs.rules)}, facts: {len(e.FACTS)}, questions in a DV interview: {interview()}")
    timed("load and check rules.json (uncached)", lambda: e.load_rules.__wrapped__(), 20)
    timed("evaluate all three programmes", lambda: e.evaluate(ANSWERS, ON), 200)
    timed("choose every question of one interview", interview, 20)
    timed("conflict check over the whole rules file", e.find_conflicts, 3)


if __name__ == "__main__":
    main()
