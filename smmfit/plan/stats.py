"""How many impressions a test needs before a difference in CTR can be told from chance.

The closed-form normal approximation for comparing two proportions (two-sided test, equal
groups, no continuity correction; Fleiss, Levin and Paik, *Statistical Methods for Rates and
Proportions*, 3rd ed., 2003, eq. 4.14), with the normal quantiles from the standard library's
:class:`statistics.NormalDist`:

    n = (z(1-a/2) * sqrt(2 p (1-p)) + z(power) * sqrt(p1 (1-p1) + p2 (1-p2)))^2 / (p1 - p2)^2

where ``p = (p1 + p2) / 2``; ``n`` is per group, rounded up.

>>> sample_per_group(0.05, 0.10)
435
>>> sample_per_group(0.5, 0.6)
388
"""

from __future__ import annotations

import math
from statistics import NormalDist

# The stated confidence and power of every test plan: a 5% two-sided false-alarm rate and an
# 80% chance of seeing a real difference (the conventional pair; README, "Test plan").
ALPHA = 0.05
POWER = 0.8
# The smallest difference worth telling apart: GWI's rule of thumb that a difference of 20%
# counts as noteworthy (GWI Spark FAQ; README, "Test plan").
RELATIVE_LIFT = 0.2


def sample_per_group(p1: float, p2: float, *, alpha: float = ALPHA, power: float = POWER) -> int:
    """Observations per group to tell rate ``p1`` from ``p2`` (two-sided, normal approximation)."""
    if not (0 < p1 < 1 and 0 < p2 < 1) or p1 == p2:
        raise ValueError("rates must lie strictly between 0 and 1 and differ")
    if not (0 < alpha < 1 and 0 < power < 1):
        raise ValueError("alpha and power must lie strictly between 0 and 1")
    z = NormalDist().inv_cdf
    mean = (p1 + p2) / 2
    spread = z(1 - alpha / 2) * math.sqrt(2 * mean * (1 - mean)) + z(power) * math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    return math.ceil(spread**2 / (p1 - p2) ** 2)


def impressions_for_ctr(
    baseline_pct: float, *, lift: float = RELATIVE_LIFT, variants: int = 2
) -> int:
    """Impressions a test of ``variants`` ads needs to tell a ``lift`` in CTR from chance.

    >>> impressions_for_ctr(1.15) == 2 * sample_per_group(0.0115, 0.0115 * 1.2)
    True
    """
    baseline = baseline_pct / 100
    return variants * sample_per_group(baseline, baseline * (1 + lift))
