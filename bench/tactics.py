"""Accuracy of the tactic checker on labelled plan lines: ``python -m bench.tactics``.

Prints precision and recall per verdict, the lines it gets wrong, and how long a check takes,
for three hand-labelled sets in ``tests/data/`` (lines written as agencies and clients write
them):

- ``tactic_lines.csv``: the labelled set, written before the engine; the indicator phrases
  were then written with it in view, so its scores are optimistic;
- ``tactic_lines_holdout.csv``: written after the first indicators; its misses then led to a
  second pass on the vocabulary, so it is no longer held out;
- ``tactic_lines_blind.csv``: written after all tuning and never used to change the engine:
  the honest estimate of how the checker does on new plans.

tests/test_tactics.py runs the same evaluation on the first two sets and fails if any gray or
black line is classed white.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from smmfit.tactics import LINE_VERDICTS, Context, LineVerdict, Taxonomy, check_line, load_taxonomy

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
LABELLED = DATA / "tactic_lines.csv"
HOLDOUT = DATA / "tactic_lines_holdout.csv"
BLIND = DATA / "tactic_lines_blind.csv"


@dataclass(frozen=True)
class Labelled:
    """A plan line with the verdict a person gave it, and the context it was judged in."""

    line: str
    expected: LineVerdict
    platform: str | None
    region: str | None
    language: str

    @property
    def context(self) -> Context:
        return Context(platform=self.platform, region=self.region)


@dataclass(frozen=True)
class Outcome:
    item: Labelled
    got: LineVerdict


@dataclass(frozen=True)
class Scores:
    """Precision and recall per verdict, and the outcomes behind them."""

    outcomes: tuple[Outcome, ...]

    def precision(self, verdict: LineVerdict) -> float | None:
        predicted = [o for o in self.outcomes if o.got == verdict]
        if not predicted:
            return None
        return sum(o.item.expected == verdict for o in predicted) / len(predicted)

    def recall(self, verdict: LineVerdict) -> float | None:
        actual = [o for o in self.outcomes if o.item.expected == verdict]
        if not actual:
            return None
        return sum(o.got == verdict for o in actual) / len(actual)

    def support(self, verdict: LineVerdict) -> int:
        return sum(o.item.expected == verdict for o in self.outcomes)

    @property
    def accuracy(self) -> float:
        return sum(o.got == o.item.expected for o in self.outcomes) / len(self.outcomes)

    @property
    def misses(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.got != o.item.expected)

    @property
    def unsafe(self) -> tuple[Outcome, ...]:
        """Gray or black lines classed white: the one mistake the checker must never make."""
        return tuple(
            o for o in self.outcomes if o.item.expected in ("gray", "black") and o.got == "white"
        )


def load_labelled(path: Path = LABELLED) -> list[Labelled]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    items = []
    for row in rows:
        expected = row["expected"]
        if expected not in LINE_VERDICTS:
            raise ValueError(f"{path.name}: {row['line']!r} has unknown verdict {expected!r}")
        items.append(
            Labelled(
                line=row["line"],
                expected=expected,
                platform=row["platform"] or None,
                region=row["region"] or None,
                language=row["language"],
            )
        )
    return items


def evaluate(items: list[Labelled], taxonomy: Taxonomy) -> Scores:
    return Scores(
        tuple(
            Outcome(item, check_line(item.line, taxonomy, item.context).verdict) for item in items
        )
    )


def _percent(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:6.1%}"


def format_scores(scores: Scores) -> str:
    """A table of precision and recall per verdict, then the misses."""
    lines = [
        f"tactic checker on {len(scores.outcomes)} labelled lines "
        f"(accuracy {scores.accuracy:.1%}, gray or black classed white: {len(scores.unsafe)})",
        f"{'verdict':<14}{'lines':>6}{'precision':>11}{'recall':>9}",
    ]
    for verdict in LINE_VERDICTS:
        lines.append(
            f"{verdict:<14}{scores.support(verdict):>6}"
            f"{_percent(scores.precision(verdict)):>11}{_percent(scores.recall(verdict)):>9}"
        )
    if scores.misses:
        lines.append("misclassified (expected -> got):")
        for outcome in scores.misses:
            context = ", ".join(filter(None, (outcome.item.platform, outcome.item.region)))
            where = f" [{context}]" if context else ""
            lines.append(
                f"  {outcome.item.expected:>12} -> {outcome.got:<12} {outcome.item.line}{where}"
            )
    return "\n".join(lines)


def main() -> None:
    start = time.perf_counter()
    taxonomy = load_taxonomy()
    loaded = time.perf_counter() - start
    unsafe = 0
    for title, path in (
        ("labelled set (written first; indicators written with it in view)", LABELLED),
        ("holdout set (its misses drove a second vocabulary pass)", HOLDOUT),
        ("blind set (never used for tuning)", BLIND),
    ):
        scores = evaluate(load_labelled(path), taxonomy)
        print(f"== {title}: {path.name}")
        print(format_scores(scores))
        print()
        if path != BLIND:
            unsafe += len(scores.unsafe)
    items = load_labelled()
    timings = []
    for item in items:
        begin = time.perf_counter()
        check_line(item.line, taxonomy, item.context)
        timings.append(time.perf_counter() - begin)
    print(f"load and index data/tactics.yaml: {loaded * 1000:.0f} ms")
    print(f"check one line (median, warm): {statistics.median(timings) * 1000:.2f} ms")
    sys.exit(1 if unsafe else 0)


if __name__ == "__main__":
    main()
