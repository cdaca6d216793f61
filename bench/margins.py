"""How far a stand-in profile misses a country's own: ``python -m bench.margins [--json]``.

Where a country has no age or gender profile of a network, the worldwide one stands in (an
age profile re-expressed for the country's population, :meth:`smmfit.Evidence.profiles`). The
ranges of "how sure" widen such a share by ``STAND_IN_AGE_MARGIN`` and
``STAND_IN_GENDER_MARGIN`` (:mod:`smmfit.ranking.ranges`). This measures what those margins
should be: for every network and country in ``data/`` that has both its own complete profile
and a complete worldwide one published within ``YEARS`` years of it, how far the stand-in's
share of each of the country's bands (age) or of men (gender) is from the country's own, as a
fraction of the smaller of the share and the rest (the unit of every share margin). Identical
pairs (one table reached by two routes) count once.

tests/test_margins.py fails when the margins no longer cover three in four of these misses.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np

from smmfit.data import Dataset, Distribution, Evidence, load_dataset
from smmfit.models import WORLDWIDE

# A profile published this many years from the country's describes another state of the
# network: such pairs measure change over time, not how well a stand-in transfers.
YEARS = 2
# Profiles with more than this share of the audience unplaced are partial: left out.
PARTIAL = 0.02
COVERED_SHARE = 0.75  # the margins should cover three in four misses, as SECONDARY_MARGIN does


@dataclass(frozen=True)
class Miss:
    platform: str
    region: str
    dimension: str
    band: str
    own: float
    stand_in: float
    miss: float  # |stand_in - own| / min(own, 1 - own)


def _complete(profiles: list[Distribution]) -> list[Distribution]:
    return [p for p in profiles if p.unknown_mass <= PARTIAL and p.shares.sum() > 0]


Dimension = Literal["age", "gender"]


def _misses(evidence: Evidence, platform: str, region: str, dimension: Dimension) -> set[Miss]:
    own = _complete(evidence.profiles(platform, region, dimension, region))
    stand_ins = _complete(evidence.profiles(platform, WORLDWIDE, dimension, region))
    found = set()
    for mine in own:
        for other in stand_ins:
            if abs(mine.provenance.year - other.provenance.year) > YEARS:
                continue
            # The bands both profiles speak for (a 16-64 survey says nothing about 65+).
            lows, highs = mine.lows, mine.highs
            inside = (lows >= max(mine.domain[0], other.domain[0])) & (
                highs <= min(mine.domain[1], other.domain[1])
            )
            shares = mine.shares / mine.shares.sum()
            guessed = other.share_between(lows, highs)[1] / max(other.shares.sum(), 1e-12)
            if dimension == "gender":  # one number says it all: the share of men
                inside = inside & (lows == 1)
            for low, high, share, guess, ok in zip(
                lows, highs, shares, guessed, inside, strict=True
            ):
                if not ok or not 0 < share < 1:
                    continue
                band = f"{low}-{high}" if dimension == "age" else "male"
                found.add(
                    Miss(
                        platform,
                        region,
                        dimension,
                        band,
                        round(float(share), 4),
                        round(float(guess), 4),
                        round(float(abs(guess - share) / min(share, 1 - share)), 4),
                    )
                )
    return found


def measure(dataset: Dataset | None = None) -> dict[str, list[Miss]]:
    """Every stand-in miss in the data, by dimension (age, gender)."""
    dataset = load_dataset() if dataset is None else dataset
    evidence = Evidence(dataset)
    result: dict[str, list[Miss]] = {}
    dimensions: tuple[Dimension, ...] = ("age", "gender")
    for dimension in dimensions:
        pairs = sorted(
            {
                (f.platform, f.region)
                for f in dataset.figures
                if f.dimension == dimension and f.region != WORLDWIDE
            }
        )
        misses: set[Miss] = set()
        for platform, region in pairs:
            if dimension == "age" and not evidence.population.has(region):
                continue  # without its population a worldwide profile cannot be re-expressed
            misses |= _misses(evidence, platform, region, dimension)
        result[dimension] = sorted(misses, key=lambda m: (m.platform, m.region, m.band, m.miss))
    return result


def covering(misses: list[Miss], share: float = COVERED_SHARE) -> float:
    """The margin that covers ``share`` of the misses."""
    return float(np.quantile([m.miss for m in misses], share)) if misses else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.margins", description=__doc__)
    parser.add_argument("--json", action="store_true", help="every miss as JSON")
    args = parser.parse_args(argv)
    result = measure()
    if args.json:
        print(json.dumps({k: [asdict(m) for m in v] for k, v in result.items()}, indent=2))
        return 0
    for dimension, misses in result.items():
        pairs = len({(m.platform, m.region) for m in misses})
        quantiles = ", ".join(
            f"{q:.0%} within {covering(misses, q):.0%}" for q in (0.5, COVERED_SHARE, 0.9)
        )
        print(f"{dimension}: {len(misses)} comparisons, {pairs} network-country pairs: {quantiles}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
