"""The numeric model of the evidence: shares with honest bounds, and the population.

:class:`Distribution` holds a network's audience shares over ages or genders, partial ones
included, and answers queries with low, point and high shares; :class:`Population` gives
people by region, sex and age. Scoring, audience profiles and the uncertainty model use both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from smmfit.data.rows import (
    Figure,
    PopulationRow,
    SegmentSignal,
    parse_age_band,
)
from smmfit.models import MAX_AGE, SourceRef

FloatArray = npt.NDArray[np.float64]


IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

GENDER_AXIS = {"female": 0, "male": 1}


@dataclass(frozen=True)
class Provenance:
    """Where a chosen piece of evidence comes from."""

    region: str
    year: int
    authority: str
    sources: tuple[SourceRef, ...]
    derived_from_penetration: bool = False


@dataclass(frozen=True)
class Distribution:
    """Shares of a platform's audience over an integer axis: ages, or 0=female / 1=male.

    Bands need not cover the whole ``domain``: the published shares may leave some mass
    unassigned (``unknown_mass``) to ages or genders no band covers. Queries return bounds
    (the low one puts all unassigned mass outside the query, the high one inside it) and a
    point estimate that spreads the unassigned mass over the uncovered ages the same way
    mass is spread within a band: in proportion to ``density``.
    """

    lows: IntArray
    highs: IntArray
    shares: FloatArray  # fractions 0-1
    domain: tuple[int, int]
    provenance: Provenance
    # People per single year of age 0..100 in the figures' region: within a band, and over
    # unpublished ages, the audience is assumed to follow the population's age structure.
    # None spreads evenly over the axis (genders; regions without a population baseline).
    density: FloatArray | None = None

    @cached_property
    def unknown_mass(self) -> float:
        return float(max(0.0, 1.0 - self.shares.sum()))

    @cached_property
    def uncovered(self) -> tuple[tuple[int, int], ...]:
        """Stretches of the domain no band covers."""
        gaps, cursor = [], self.domain[0]
        for low, high in sorted(zip(self.lows.tolist(), self.highs.tolist(), strict=True)):
            if low > cursor:
                gaps.append((cursor, low - 1))
            cursor = max(cursor, high + 1)
        if cursor <= self.domain[1]:
            gaps.append((cursor, self.domain[1]))
        return tuple(gaps)

    @cached_property
    def _cumulative(self) -> FloatArray:
        weights = self.density if self.density is not None else np.ones(self.domain[1] + 1)
        return np.concatenate([[0.0], np.cumsum(weights)])

    def _mass(self, low: IntArray, high: IntArray) -> FloatArray:
        """Weight of the ages low..high (0 where high < low).

        Callers clamp to the domain (0..100), so the indices are always in range.
        """
        cumulative = self._cumulative
        return np.where(high >= low, cumulative[high + 1] - cumulative[low], 0.0)

    @cached_property
    def _band_mass(self) -> FloatArray:
        return self._mass(self.lows, self.highs)

    @cached_property
    def _gaps(self) -> tuple[IntArray, IntArray, float]:
        """Uncovered stretches as arrays, and their total weight."""
        lows = np.array([gap[0] for gap in self.uncovered], dtype=np.int64)
        highs = np.array([gap[1] for gap in self.uncovered], dtype=np.int64)
        return lows, highs, float(self._mass(lows, highs).sum())

    def _fraction_inside(self, q_low: IntArray, q_high: IntArray) -> FloatArray:
        """Per query (rows) and band (columns): the part of the band's people inside."""
        inside = self._mass(np.maximum(q_low, self.lows), np.minimum(q_high, self.highs))
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self._band_mass > 0, inside / self._band_mass, 0.0)

    def band_overlap(self, query_low: int, query_high: int) -> FloatArray:
        """For each band, the part of its people aged query_low..query_high (0-1)."""
        q_low = np.array([[max(query_low, self.domain[0])]])
        q_high = np.array([[min(query_high, self.domain[1])]])
        return np.asarray(self._fraction_inside(q_low, q_high)[0], dtype=np.float64)

    def share_between(
        self, query_low: IntArray, query_high: IntArray
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Low bound, estimate and high bound of the audience share in [query_low, query_high].

        Vectorised over queries.
        """
        q_low = np.maximum(query_low, self.domain[0])[:, None]
        q_high = np.minimum(query_high, self.domain[1])[:, None]
        known = (self._fraction_inside(q_low, q_high) * self.shares).sum(axis=1)
        if not self.uncovered or self.unknown_mass == 0:
            return known, known, known
        gap_lows, gap_highs, gap_total = self._gaps
        overlap_low, overlap_high = np.maximum(q_low, gap_lows), np.minimum(q_high, gap_highs)
        years_inside = np.maximum(overlap_high - overlap_low + 1, 0).sum(axis=1)
        all_inside = years_inside >= (gap_highs - gap_lows + 1).sum()
        low = np.where(all_inside, known + self.unknown_mass, known)
        high = np.where(years_inside > 0, known + self.unknown_mass, known)
        spread = (
            self._mass(overlap_low, overlap_high).sum(axis=1) / gap_total if gap_total > 0 else 0.0
        )
        estimate = known + self.unknown_mass * spread
        return np.minimum(low, 1.0), np.minimum(estimate, 1.0), np.minimum(high, 1.0)


@dataclass(frozen=True)
class DeviceMix:
    """Shares of the audience by device kind and, within a kind, by operating system."""

    kinds: dict[str, float]  # mobile/desktop -> fraction (a person may use both)
    systems: dict[str, float]  # ios/android of mobile users, windows/macos of desktop users
    provenance: Provenance
    # Where the operating-system split alone comes from (None when none is published), so
    # reports can date it separately from the device split.
    systems_provenance: Provenance | None = None


@dataclass(frozen=True)
class AudienceSize:
    people: float
    kind: str
    provenance: Provenance


@dataclass(frozen=True)
class SegmentEvidence:
    signal: str
    value: float
    provenance: Provenance


def _refs(figures: Iterable[Figure | PopulationRow | SegmentSignal]) -> tuple[SourceRef, ...]:
    unique = {(f.source, f.url, f.year, getattr(f, "authority", "") == "user") for f in figures}
    return tuple(SourceRef(source=s, url=u, year=y, user=user) for s, u, y, user in sorted(unique))


class Population:
    """People by region, sex and age, for baselines and penetration conversion."""

    def __init__(self, rows: Iterable[PopulationRow]) -> None:
        by_region: dict[str, list[PopulationRow]] = defaultdict(list)
        for row in rows:
            by_region[row.region].append(row)
        self._rows = dict(by_region)
        self._bands: dict[tuple[str, str], tuple[IntArray, IntArray, FloatArray]] = {}
        for region, region_rows in self._rows.items():
            for sex in GENDER_AXIS:
                chosen = [r for r in region_rows if r.sex == sex]
                bands = [parse_age_band(r.age) for r in chosen]
                self._bands[region, sex] = (
                    np.array([b[0] for b in bands], dtype=np.int64),
                    np.array([b[1] for b in bands], dtype=np.int64),
                    np.array([r.value * 1000 for r in chosen], dtype=np.float64),
                )

    def has(self, region: str) -> bool:
        return region in self._rows

    def sources(self, region: str) -> tuple[SourceRef, ...]:
        return _refs(self._rows.get(region, ()))

    def people(
        self, region: str, sexes: Iterable[str], low: IntArray, high: IntArray
    ) -> FloatArray:
        """People of the given sexes aged low..high, spread evenly within 5-year bands."""
        total = np.zeros(len(low), dtype=np.float64)
        for sex in sexes:
            lows, highs, counts = self._bands[region, sex]
            overlap = np.clip(
                np.minimum(high[:, None], highs) - np.maximum(low[:, None], lows) + 1, 0, None
            )
            total += (overlap / (highs - lows + 1) * counts).sum(axis=1)
        return total

    def density(self, region: str) -> FloatArray | None:
        """People per single year of age 0..100 (100 = 100 and over), or None without data."""
        if not self.has(region):
            return None
        ages = np.arange(MAX_AGE + 1)
        return self.people(region, GENDER_AXIS, ages, ages)

    def cells(self, region: str) -> FloatArray | None:
        """People per sex (female, male) and single year of age 0..100, shaped (2, 101)."""
        if not self.has(region):
            return None
        ages = np.arange(MAX_AGE + 1)
        return np.stack([self.people(region, [sex], ages, ages) for sex in GENDER_AXIS])

    def people_one(self, region: str, sexes: Iterable[str], low: int, high: int) -> float:
        return float(self.people(region, sexes, np.array([low]), np.array([high]))[0])

    def year(self, region: str) -> int:
        return max(row.year for row in self._rows[region])
