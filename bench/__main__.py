"""Speed figures for the core, printed with their targets. Seeded, so runs are comparable.

Targets (issue 2, on the 2-core reference machine): one ranking <= 5 ms after the data is
loaded; 100,000 personas ranked in <= 5 s. Issue 7: win probabilities from 10,000 plausible
scenarios across all networks <= 100 ms for one persona. Issue 6: the meeting deck and
report for one persona (no target; the first call includes starting the chart renderer).
These are measured here, not asserted in tests. Issue 14: the CLI ranks 1,000,000 rows in
<= 60 s and <= 500 MB; that run takes minutes, so it has its own switch:
``python -m bench --batch-rows 1000000``.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from smmfit.data import Evidence, audience_profile, load_dataset
from smmfit.models import GENDERS, GOALS, OPERATING_SYSTEMS, SEGMENTS, Persona
from smmfit.ranking import DEFAULT_DRAWS, assess, rank, rank_batch
from smmfit.ranking.uncertainty import win_probabilities
from smmfit.render.deck import deck_pptx
from smmfit.render.page import report_html

SEED = 20261123
BATCH_SIZE = 100_000
REGIONS = ("RU", "US", "CN", "WW", "DE", "FR", "GB", "TR", "TH", "BR", "IN", "UA", "KZ")


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of each call."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def random_personas(count: int, rng: random.Random) -> list[dict[str, object]]:
    return list(each_random_persona(count, rng))


def each_random_persona(count: int, rng: random.Random) -> Iterator[dict[str, object]]:
    """All-different random personas (as a batch of separate audiences would be), one by one."""
    for index in range(count):
        low = rng.randint(13, 70)
        yield {
            "name": f"persona {index}",
            "age_min": low,
            "age_max": rng.randint(low, 100),
            "gender": rng.choice(GENDERS),
            "region": rng.choice(REGIONS),
            "devices": rng.sample(OPERATING_SYSTEMS, rng.randint(1, 4)),
            "segment": rng.choice(SEGMENTS),
            "goal": rng.choice((None, *GOALS)),
        }


def report(name: str, seconds: float, target: float | None, unit: str = "ms") -> None:
    scale = 1000 if unit == "ms" else 1
    verdict = ""
    if target is not None:
        verdict = "  ok" if seconds <= target else "  OVER TARGET"
        verdict = f"  (target <= {target * scale:g} {unit}){verdict}"
    print(f"{name:<48} {seconds * scale:10.2f} {unit}{verdict}")


def repeated_batch(batch: list[Persona], evidence: Evidence) -> None:
    """A real batch repeats audiences under many names (campaigns, clients): each distinct
    persona is ranked once."""
    repeated = [
        batch[i % 200].model_copy(update={"name": f"campaign {i}"}) for i in range(BATCH_SIZE)
    ]
    engine = timed(lambda: rank_batch(repeated, evidence), 3)
    report(
        f"rank_batch {BATCH_SIZE:,} rows of 200 personas (median of 3)",
        statistics.median(engine),
        None,
        "s",
    )


def cli_batch(rows: Iterable[dict[str, object]], target: float | None) -> None:
    """The command line on a CSV of these personas, in a process of its own: wall time with
    start-up, and the CPU time and peak memory of its whole process tree (the command and
    its workers). The wall time depends on what else shares the cores; the CPU time much
    less, so both are printed, with the load average."""
    with tempfile.TemporaryDirectory() as folder:
        source, output = Path(folder) / "personas.csv", Path(folder) / "out.csv"
        count = 0
        with source.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(BATCH_FIELDS)
            for row in rows:
                devices = " ".join(row["devices"])  # type: ignore[arg-type]
                writer.writerow([{**row, "devices": devices}[f] or "" for f in BATCH_FIELDS])
                count += 1
        command = [sys.executable, "-m", "smmfit", "rank-batch", str(source), "-o", str(output)]
        load = os.getloadavg()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as process:
            peak = TreeMemory(process.pid).watch(process)
            error = process.stderr.read() if process.stderr else ""
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if process.returncode:
            raise SystemExit(f"rank-batch failed: {error}")
    report(f"CLI rank-batch {count:,}: CSV in, CSV out, with startup", seconds, target, "s")
    # Workers are waited for by the command, so their CPU time is in its children's.
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"{'CPU time of the process tree':<48} {cpu:10.2f} s")
    print(f"{'peak memory of the tree, sum of RSS':<48} {peak.rss / 1024:10.1f} MiB")
    print(f"{'peak memory of the tree, sum of PSS':<48} {peak.pss / 1024:10.1f} MiB")
    print(f"{'processes in the tree at most':<48} {peak.processes:10d}")
    ends = os.getloadavg()
    print(f"{'load average, 1 min, at start and end':<48} {load[0]:6.2f} {ends[0]:6.2f}")


@dataclass
class TreeMemory:
    """Peak memory of a process and its descendants, sampled every ``interval`` seconds.

    RSS counts a page shared by forked workers once per process (an upper bound); PSS
    divides it among them (what the tree costs the machine). Each is summed over the tree
    at each sample, and the highest sum kept. A process's own peak between samples is not
    seen, so the sums can miss a spike shorter than the interval.
    """

    root: int
    interval: float = 0.2
    rss: int = 0  # KiB
    pss: int = 0
    processes: int = 0

    def watch(self, process: subprocess.Popen[str]) -> TreeMemory:
        while process.poll() is None:
            rss = pss = 0
            tree = self.tree()
            for pid in tree:
                rss += _kib(f"/proc/{pid}/status", "VmRSS:")
                pss += _kib(f"/proc/{pid}/smaps_rollup", "Pss:")
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.processes = max(self.processes, len(tree))
            time.sleep(self.interval)
        return self

    def tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                # The parent is the second field after the name, which may hold spaces.
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        tree, frontier = [self.root], [self.root]
        while frontier:
            frontier = [pid for pid, parent in parents.items() if parent in frontier]
            tree += frontier
        return tree


def _kib(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass  # the process ended between listing and reading
    return 0


BATCH_FIELDS = ("name", "age_min", "age_max", "gender", "region", "devices", "segment", "goal")


def batch_only(count: int) -> None:
    """``python -m bench --batch-rows N``: only the command line on N all-different random
    personas (issue 14: 1,000,000 rows in <= 60 s and <= 500 MB)."""
    print(f"smmfit batch benchmark (seed {SEED}, python {sys.version.split()[0]})")
    rows = each_random_persona(count, random.Random(SEED))
    cli_batch(rows, target=60.0 if count >= 1_000_000 else None)


def main() -> None:
    arguments = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    arguments.add_argument(
        "--batch-rows", type=int, metavar="N",
        help="time only the CLI rank-batch on N random personas (e.g. 1000000)",
    )  # fmt: skip
    if (count := arguments.parse_args().batch_rows) is not None:
        batch_only(count)
        return
    rng = random.Random(SEED)
    print(f"smmfit benchmarks (seed {SEED}, python {sys.version.split()[0]})")

    loads = timed(load_dataset, 7)
    report("load + validate data/ (median of 7)", statistics.median(loads), None)
    dataset = load_dataset()
    evidence_build = timed(
        lambda: [Evidence(dataset).for_platform(p, r) for p in dataset.platforms for r in REGIONS],
        5,
    )
    report(
        "choose evidence, 14 networks x 13 regions (median)",
        statistics.median(evidence_build),
        None,
    )

    evidence = Evidence(dataset)
    personas = [Persona(**row) for row in random_personas(500, rng)]
    for persona in personas[:50]:  # warm the per-region evidence, as a running app has
        rank(persona, evidence)
    singles = []
    for persona in personas:
        start = time.perf_counter()
        rank(persona, evidence)
        singles.append(time.perf_counter() - start)
    report("rank one persona, median of 500", statistics.median(singles), 0.005)
    report("rank one persona, 95th percentile", statistics.quantiles(singles, n=20)[18], None)

    # The whole answer for one persona: the scenarios, their scores and the flip search.
    sure = []
    for persona in personas[:50]:
        start = time.perf_counter()
        win_probabilities(persona, evidence, draws=DEFAULT_DRAWS, seed=0)
        sure.append(time.perf_counter() - start)
    report(
        f"win probabilities, {DEFAULT_DRAWS:,} draws (median of 50)", statistics.median(sure), 0.1
    )
    report("win probabilities, 95th percentile", statistics.quantiles(sure, n=20)[18], None)

    # The meeting pack of one persona: charts rendered to PNG, the deck and the report, each
    # built on its own (python -m bench.deck times them as the Fit page builds them).
    persona = Persona(region="RU", age_min=25, age_max=44, gender="female", name="bench")
    assessed = assess(persona, evidence, seed=0)
    pick = str(assessed.ranking.recommendation.platform)
    audience = audience_profile(evidence, pick, "RU", persona)
    today = date.today()
    for name, build in (("deck (.pptx)", deck_pptx), ("report (.html)", report_html)):
        times = timed(
            lambda build=build: build(  # type: ignore[misc]
                assessed, "en", audience=audience, generated=today
            ),
            6,
        )
        report(f"meeting {name}, first call", times[0], None)
        report(f"meeting {name}, median of next 5", statistics.median(times[1:]), None)

    rows = random_personas(BATCH_SIZE, rng)
    start = time.perf_counter()
    batch = [Persona(**row) for row in rows]
    validate = time.perf_counter() - start
    report(f"validate {BATCH_SIZE:,} personas", validate, None, "s")
    engine = timed(lambda: rank_batch(batch, evidence), 3)
    report(f"rank_batch {BATCH_SIZE:,} personas (median of 3)", statistics.median(engine), 5.0, "s")
    repeated_batch(batch, evidence)

    cli_batch(rows, target=5.0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process':<48} {peak:10.1f} MiB")


if __name__ == "__main__":
    main()
