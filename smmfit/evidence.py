"""Turns validated figures into the evidence scoring uses, one choice per cell.

For each platform, region and dimension it picks one distribution by the documented choice
rule (:func:`choice_key`), converts penetration to composition where a population baseline
allows it, and keeps track of where each number came from. Nothing here fills a gap: a
missing cell stays missing, and partial distributions report bounds instead of a guess.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np
import numpy.typing as npt

from smmfit.data import (
    AUTHORITIES,
    Dataset,
    Figure,
    PopulationRow,
    SegmentSignal,
    parse_age_band,
)
from smmfit.models import MAX_AGE, MIN_AGE, WORLDWIDE, SourceRef

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

GENDER_AXIS = {"female": 0, "male": 1}
# Audience-size kinds usable as "people on the network in a month", best first. Daily
# figures measure something else and are never mixed in.
MONTHLY_KINDS = ("monthly_reach", "mau", "ad_audience")


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


@dataclass(frozen=True)
class PlatformEvidence:
    """What the data says about one platform for one persona region."""

    platform: str
    region: str
    age: Distribution | None
    gender: Distribution | None
    device: DeviceMix | None
    audience: AudienceSize | None
    segment: dict[str, SegmentEvidence] = field(default_factory=dict)
    # Every candidate the choice rule weighed for a cell, the chosen one included, minus the
    # low-authority ones it drops: their disagreement is a plausible range (smmfit.uncertainty).
    age_candidates: tuple[Distribution, ...] = ()
    gender_candidates: tuple[Distribution, ...] = ()
    audience_candidates: tuple[AudienceSize, ...] = ()


def choice_key(authority: str, year: int, coverage: float, source: str) -> tuple[object, ...]:
    """Sort key of the choice rule among candidates for one cell; the smallest wins.

    0. the user's own figures (authority ``user``, uploaded for their session) before any
    published one, whatever their year; 1. newest year first; 2. higher authority (primary,
    secondary, low); 3. the candidate covering more of the distribution; 4. source name, so
    the choice is deterministic. Low-authority candidates are dropped beforehand whenever
    any other candidate exists.

    >>> sorted([choice_key("primary", 2025, 1, "Pew"), choice_key("user", 2019, 1, "Ours")])[0]
    (False, -2019, 0, -1, 'Ours')
    """
    return (authority != "user", -year, AUTHORITIES.index(authority), -coverage, source)


def _drop_low_authority(candidates: list[Distribution]) -> list[Distribution]:
    better = [c for c in candidates if c.provenance.authority != "low"]
    return better or candidates


def _refs(figures: Iterable[Figure | PopulationRow | SegmentSignal]) -> tuple[SourceRef, ...]:
    unique = {(f.source, f.url, f.year, getattr(f, "authority", "") == "user") for f in figures}
    return tuple(SourceRef(source=s, url=u, year=y, user=user) for s, u, y, user in sorted(unique))


def _worst_authority(figures: Iterable[Figure | SegmentSignal]) -> str:
    return max((f.authority for f in figures), key=AUTHORITIES.index)


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

    def people_one(self, region: str, sexes: Iterable[str], low: int, high: int) -> float:
        return float(self.people(region, sexes, np.array([low]), np.array([high]))[0])

    def year(self, region: str) -> int:
        return max(row.year for row in self._rows[region])


class Evidence:
    """Chosen evidence for every platform and region, built once per dataset."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.population = Population(dataset.population)
        self._cells: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
        for figure in dataset.figures:
            self._cells[figure.platform, figure.region, figure.dimension].append(figure)
        self._segments = self._choose_segment_signals(dataset.segment_signals)
        self._cache: dict[tuple[str, str], PlatformEvidence] = {}

    def for_platform(self, platform: str, region: str) -> PlatformEvidence:
        key = (platform, region)
        if key not in self._cache:
            age, age_candidates = self._distribution(platform, region, "age")
            gender, gender_candidates = self._distribution(platform, region, "gender")
            audience, audience_candidates = self._audience(platform, region)
            self._cache[key] = PlatformEvidence(
                platform=platform,
                region=region,
                age=age,
                gender=gender,
                device=self._device(platform, region),
                audience=audience,
                segment={
                    segment: chosen[platform]
                    for segment, chosen in self._segments.items()
                    if platform in chosen
                },
                age_candidates=age_candidates,
                gender_candidates=gender_candidates,
                audience_candidates=audience_candidates,
            )
        return self._cache[key]

    # -- distributions -------------------------------------------------------------------

    def _distribution(
        self, platform: str, region: str, dimension: Literal["age", "gender"]
    ) -> tuple[Distribution | None, tuple[Distribution, ...]]:
        """The chosen distribution in the region, else worldwide (the caller flags that),
        and the candidates it was chosen from."""
        for where in (region, WORLDWIDE) if region != WORLDWIDE else (WORLDWIDE,):
            candidates = self._candidates(platform, where, dimension)
            if candidates:
                candidates = _drop_low_authority(candidates)
                ordered = sorted(
                    candidates,
                    key=lambda c: choice_key(
                        c.provenance.authority,
                        c.provenance.year,
                        float(c.shares.sum()),
                        c.provenance.sources[0].source,
                    ),
                )
                return ordered[0], tuple(ordered)
        return None, ()

    def _candidates(self, platform: str, region: str, dimension: str) -> list[Distribution]:
        groups: dict[tuple[str, str, int, str], list[Figure]] = defaultdict(list)
        for figure in self._cells.get((platform, region, dimension), ()):
            if figure.unit in ("pct_of_platform_audience", "pct_of_group_using"):
                groups[figure.unit, figure.source, figure.year, figure.universe].append(figure)
        result = []
        for (unit, _, _, universe), figures in groups.items():
            if unit == "pct_of_platform_audience":
                result.append(self._composition(figures, region, dimension))
            else:
                derived = self._from_penetration(figures, region, dimension, universe)
                if derived is not None:
                    result.append(derived)
        return result

    @staticmethod
    def _axis(dimension: str, category: str) -> tuple[int, int]:
        if dimension == "age":
            return parse_age_band(category)
        position = GENDER_AXIS[category]
        return position, position

    def _composition(self, figures: list[Figure], region: str, dimension: str) -> Distribution:
        bands = [self._axis(dimension, f.category) for f in figures]
        shares = np.array([f.value / 100 for f in figures], dtype=np.float64)
        if shares.sum() > 1:  # rounding within tolerance: rescale to a whole
            shares = shares / shares.sum()
        domain = (MIN_AGE, MAX_AGE) if dimension == "age" else (0, 1)
        density = self.population.density(region) if dimension == "age" else None
        return Distribution(
            lows=np.array([max(b[0], domain[0]) for b in bands], dtype=np.int64),
            highs=np.array([b[1] for b in bands], dtype=np.int64),
            shares=shares,
            domain=domain,
            provenance=Provenance(
                region=region,
                year=figures[0].year,
                authority=_worst_authority(figures),
                sources=_refs(figures),
            ),
            density=density,
        )

    def _from_penetration(
        self, figures: list[Figure], region: str, dimension: str, universe: str
    ) -> Distribution | None:
        """Composition from "X% of group G use it" and the population of each group.

        share(G) = rate(G) * people(G) / sum over groups of rate * people. Valid only when
        the groups partition the surveyed population, so anything less is not converted.
        """
        if not self.population.has(region):
            return None
        uni_low, uni_high = parse_age_band(universe)
        if dimension == "gender":
            if {f.category for f in figures} != set(GENDER_AXIS):
                return None
            people = [
                self.population.people_one(region, [f.category], uni_low, uni_high) for f in figures
            ]
        else:
            bands = sorted(parse_age_band(f.category) for f in figures)
            contiguous = all(b[0] == a[1] + 1 for a, b in itertools.pairwise(bands))
            if not (contiguous and bands[0][0] == uni_low and bands[-1][1] == uni_high):
                return None
            people = [
                self.population.people_one(region, GENDER_AXIS, *parse_age_band(f.category))
                for f in figures
            ]
        users = np.array([f.value / 100 * p for f, p in zip(figures, people, strict=True)])
        if users.sum() <= 0:
            return None
        bands = [self._axis(dimension, f.category) for f in figures]
        return Distribution(
            lows=np.array([b[0] for b in bands], dtype=np.int64),
            highs=np.array([b[1] for b in bands], dtype=np.int64),
            shares=users / users.sum(),
            domain=(uni_low, uni_high) if dimension == "age" else (0, 1),
            density=self.population.density(region) if dimension == "age" else None,
            provenance=Provenance(
                region=region,
                year=figures[0].year,
                authority=_worst_authority(figures),
                sources=_refs(figures) + self.population.sources(region),
                derived_from_penetration=True,
            ),
        )

    # -- devices, audience, segment ------------------------------------------------------

    def _device(self, platform: str, region: str) -> DeviceMix | None:
        for where in (region, WORLDWIDE) if region != WORLDWIDE else (WORLDWIDE,):
            kinds = self._pick_categories(self._cells.get((platform, where, "device"), []))
            systems = self._pick_categories(self._cells.get((platform, where, "os"), []))
            if kinds:
                used = [*kinds.values(), *systems.values()]
                os_used = list(systems.values())
                return DeviceMix(
                    kinds={c: f.value / 100 for c, f in kinds.items()},
                    systems={c: f.value / 100 for c, f in systems.items()},
                    provenance=Provenance(
                        region=where,
                        year=min(f.year for f in used),
                        authority=_worst_authority(used),
                        sources=_refs(used),
                    ),
                    systems_provenance=Provenance(
                        region=where,
                        year=min(f.year for f in os_used),
                        authority=_worst_authority(os_used),
                        sources=_refs(os_used),
                    )
                    if os_used
                    else None,
                )
        return None

    @staticmethod
    def _pick_categories(figures: list[Figure]) -> dict[str, Figure]:
        """Per category, the figure the choice rule prefers."""
        by_category: dict[str, list[Figure]] = defaultdict(list)
        for figure in figures:
            by_category[figure.category].append(figure)
        chosen = {}
        for category, options in by_category.items():
            non_low = [f for f in options if f.authority != "low"] or options
            chosen[category] = min(
                non_low, key=lambda f: choice_key(f.authority, f.year, 0.0, f.source)
            )
        return chosen

    def _audience(
        self, platform: str, region: str
    ) -> tuple[AudienceSize | None, tuple[AudienceSize, ...]]:
        """People on the network in the region in a month: a count, or a rate x population;
        and the candidates it was chosen from."""
        options: list[tuple[tuple[object, ...], AudienceSize]] = []
        for figure in self._cells.get((platform, region, "audience"), ()):
            if figure.category in MONTHLY_KINDS:
                size = AudienceSize(
                    people=figure.value * 1e6,
                    kind=figure.category,
                    provenance=Provenance(region, figure.year, figure.authority, _refs([figure])),
                )
                options.append((self._audience_key(figure, figure.category), size))
        if self.population.has(region):
            for figure in self._cells.get((platform, region, "total"), ()):
                low, high = parse_age_band(figure.universe)
                base = self.population.people_one(region, GENDER_AXIS, low, high)
                size = AudienceSize(
                    people=figure.value / 100 * base,
                    kind="monthly_reach",
                    provenance=Provenance(
                        region,
                        figure.year,
                        figure.authority,
                        _refs([figure]) + self.population.sources(region),
                        derived_from_penetration=True,
                    ),
                )
                options.append((self._audience_key(figure, "monthly_reach"), size))
        if not options:
            return None, ()
        non_low = [o for o in options if o[1].provenance.authority != "low"] or options
        ordered = tuple(size for _, size in sorted(non_low, key=lambda option: option[0]))
        return ordered[0], ordered

    @staticmethod
    def _audience_key(figure: Figure, kind: str) -> tuple[object, ...]:
        return (
            *choice_key(figure.authority, figure.year, 0.0, figure.source),
            MONTHLY_KINDS.index(kind),
        )

    @staticmethod
    def _choose_segment_signals(
        signals: Iterable[SegmentSignal],
    ) -> dict[str, dict[str, SegmentEvidence]]:
        """Per segment, one survey question's values: only those compare across networks.

        A signal set is the rows with the same segment, signal, source and year. The set
        covering the most networks wins; ties go to the newer, then more authoritative, set.
        """
        sets: dict[tuple[str, str, str, int], list[SegmentSignal]] = defaultdict(list)
        for signal in signals:
            sets[signal.segment, signal.signal, signal.source, signal.year].append(signal)
        result: dict[str, dict[str, SegmentEvidence]] = {}
        for segment in ("b2b", "b2c"):
            options = [rows for key, rows in sets.items() if key[0] == segment]
            if not options:
                continue
            rows = min(
                options,
                key=lambda rows: (
                    -len({r.platform for r in rows}),
                    *choice_key(_worst_authority(rows), rows[0].year, 0.0, rows[0].source),
                ),
            )
            result[segment] = {
                row.platform: SegmentEvidence(
                    signal=row.signal,
                    value=row.value,
                    provenance=Provenance(WORLDWIDE, row.year, row.authority, _refs([row])),
                )
                for row in rows
            }
        return result


__all__ = [
    "MIN_AGE",
    "AudienceSize",
    "DeviceMix",
    "Distribution",
    "Evidence",
    "PlatformEvidence",
    "Population",
    "Provenance",
    "choice_key",
]
