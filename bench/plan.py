"""Speed of a test plan, printed against its target (issue 16: one persona's plan <= 50 ms
after the data is loaded). Measured here, not asserted in tests.

Three figures: building the plan from a ranking; the ranking plus the plan (``rank``, the
pick without win probabilities); and what the CLI and page do, ``assess`` (the ranking with
its win probabilities from the default scenarios) plus the plan.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from smmfit.data import Evidence, load_dataset
from smmfit.models import Persona
from smmfit.plan import PlanRequest, build_plan, load_plan_data
from smmfit.ranking import assess, rank

TARGET_MS = 50.0
REGIONS = ("RU", "US", "FR", "TR", "TH", "CN")


def _median_ms(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    evidence = Evidence(load_dataset())
    data = load_plan_data()
    today = date.today()
    request = PlanRequest(budget=1000, currency="USD", target_reach=100_000, weeks=2)
    personas = [Persona(region=region, goal="awareness") for region in REGIONS]
    rankings = [rank(persona, evidence) for persona in personas]

    def plans_only() -> None:
        for ranking in rankings:
            build_plan(ranking, request, data, today)

    def rank_and_plan() -> None:
        for persona in personas:
            build_plan(rank(persona, evidence), request, data, today)

    def assess_and_plan() -> None:
        for persona in personas:
            build_plan(assess(persona, evidence).ranking, request, data, today)

    count = len(personas)
    print(f"test plan, per persona (median over {count} countries; target <= {TARGET_MS:g} ms)")
    print(f"  build_plan from a ranking      {_median_ms(plans_only, 20) / count:8.2f} ms")
    print(f"  rank + build_plan              {_median_ms(rank_and_plan, 10) / count:8.2f} ms")
    print(f"  assess + build_plan (CLI, page) {_median_ms(assess_and_plan, 3) / count:7.2f} ms")


if __name__ == "__main__":
    main()
