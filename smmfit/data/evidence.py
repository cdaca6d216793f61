"""Turns validated figures into the evidence scoring uses, one choice per cell.

For each platform, region and dimension it picks one distribution by the documented choice
rule (:func:`choice_key`), converts penetration to composition where a population baseline
allows it, and keeps track of where each number came from. Nothing here fills a gap: a
missing cell stays missing, and partial distributions report bounds instead of a guess.

:class:`Evidence` is one cohesive rule (which figure stands for each cell, and how the chosen
figures become people per cell), so it stays in one module of about 500 lines rather than
being split across files that would share its private indexes.

The shared :class:`Evidence` is read by every session; ``for_platform`` fills a private cache
on first use, which is harmless under the GIL (at worst a cell is computed twice).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from smmfit.data.cells import (
    Layer,
    PeopleCells,
    combine,
    composition_cells,
    penetration_cells,
    sex_split,
)
from smmfit.data.distribution import (
    GENDER_AXIS,
    AudienceSize,
    DeviceMix,
    Distribution,
    FloatArray,
    Population,
    Provenance,
    SegmentEvidence,
    _refs,
)
from smmfit.data.rows import (
    AUTHORITIES,
    SUM_TOLERANCE_PCT,
    Dataset,
    Figure,
    SegmentSignal,
    parse_age_band,
)
from smmfit.models import MAX_AGE, MIN_AGE, WORLDWIDE

# A figure older than this many years is stale: flagged in the gaps, a gap in coverage.
STALE_AFTER_YEARS = 4
# A penetration rate sizes a network's whole audience in a country only when its survey is
# of the general population: starting by this age and reaching that one (12+, 18+, 20+,
# 16-64...). A rate among 13-17 or 30-49 year olds, times the country's population, is not
# the number of people on the network.
WHOLE_AUDIENCE_AGES = (20, 64)
# Signals that measure marketers' opinions (e.g. "most important platform"), not the audience:
# shown as context with their sources, never scored.
OPINION_SIGNALS = frozenset({"marketers_most_important_platform_pct"})

# A figure of a region's common audience measure (the one published for the most networks
# there) counts this many years newer than it is, as a complete age profile does: comparing
# networks on one measure beats a newer figure of another measure, but not a much newer one.
COMMON_MEASURE_CREDIT_YEARS = 2

# Audience-size kinds usable as "people on the network in a month", best first. Daily
# figures measure something else and are never mixed in.
MONTHLY_KINDS = ("monthly_reach", "mau", "ad_audience")


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

    @property
    def splits_by_settlement(self) -> bool:
        """Whether a figure here splits the audience by settlement type (a Persona field).

        None does yet: no figure row carries a settlement, so a persona's settlement type is
        answered with whole-country figures and a gap note says so. A source that publishes
        the split plugs in here (a settlement distribution beside ``age`` and ``gender``) and
        in :class:`~smmfit.data.cells.CellQuery` (a settlement axis for reach).
        """
        return False


# A complete distribution (its shares add up to the whole, within rounding) counts as this many
# years newer than it is: a complete profile a year or two older beats a partial newer one, a
# complete one three years older does not. Completeness matters because a partial profile
# leaves the rest of the audience unplaced, which widens every answer that depends on it.
COMPLETE_CREDIT_YEARS = 2
_COMPLETE = 1 - SUM_TOLERANCE_PCT / 100


def _age_domain(bands: list[tuple[int, int]], total: float) -> tuple[int, int]:
    """The ages an age profile speaks for: what its bands imply.

    A profile whose bands account for the whole audience but start above the youngest
    possible age (advertising tools report adults only) says nothing about the younger ages:
    reading it as "no users under 18" would turn an unknown into a zero (a source that means
    zero publishes the band, at 0%). At the old end a profile's last band is open ("55+") or
    its small unassigned rest is the oldest ages, so the axis runs on to the end. A partial
    profile's unassigned rest may lie at any age, so it keeps the full axis.
    """
    first = min(low for low, _ in bands)
    if total >= _COMPLETE and first > MIN_AGE:
        return first, MAX_AGE
    return MIN_AGE, MAX_AGE


def choice_key(authority: str, year: int, coverage: float, source: str) -> tuple[object, ...]:
    """Sort key of the choice rule among candidates for one cell; the smallest wins.

    0. the user's own figures (authority ``user``, uploaded for their session) before any
    published one, whatever their year; 1. newest year first, a complete distribution
    (``coverage`` of the whole, within rounding) counting ``COMPLETE_CREDIT_YEARS`` newer;
    2. higher authority (primary, secondary, low); 3. the candidate covering more of the
    distribution; 4. source name, so the choice is deterministic. Low-authority candidates
    are dropped beforehand whenever any other candidate exists.

    >>> sorted([choice_key("primary", 2025, 1, "Pew"), choice_key("user", 2019, 1, "Ours")])[0]
    (False, -2021, 0, -1, 'Ours')
    >>> complete_2023 = choice_key("secondary", 2023, 1.0, "A")
    >>> partial_2024 = choice_key("secondary", 2024, 0.4, "B")
    >>> min(complete_2023, partial_2024) == complete_2023
    True
    """
    credit = COMPLETE_CREDIT_YEARS if coverage >= _COMPLETE else 0
    return (authority != "user", -(year + credit), AUTHORITIES.index(authority), -coverage, source)


def _layer_rank(authority: str, year: int, source: str) -> tuple[object, ...]:
    """The choice rule between ways of placing people: low authority only where nothing else
    covers, then newest, then more authoritative."""
    return (authority == "low", *choice_key(authority, year, 1.0, source))


def _figure_rank(figure: Figure) -> tuple[object, ...]:
    return _layer_rank(figure.authority, figure.year, figure.source)


def _distribution_key(candidate: Distribution) -> tuple[object, ...]:
    provenance = candidate.provenance
    coverage = float(candidate.shares.sum())
    return choice_key(provenance.authority, provenance.year, coverage, provenance.sources[0].source)


def _drop_low_authority(candidates: list[Distribution]) -> list[Distribution]:
    better = [c for c in candidates if c.provenance.authority != "low"]
    return better or candidates


def _worst_authority(figures: Iterable[Figure | SegmentSignal]) -> str:
    return max((f.authority for f in figures), key=AUTHORITIES.index)


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
        self._people: dict[tuple[str, str], PeopleCells | None] = {}
        self._rulers = self._common_measures(dataset.figures)

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

    # -- people per cell -------------------------------------------------------------------

    def people(self, platform: str, region: str) -> PeopleCells | None:
        """People on the network in the region per cell (:mod:`smmfit.data.cells`).

        None when nothing is known: no penetration figure and no audience for the region.
        """
        key = (platform, region)
        if key not in self._people:
            self._people[key] = self._build_people(platform, region)
        return self._people[key]

    def _penetration(self, platform: str, region: str, dimension: str) -> list[Figure]:
        """Penetration figures of one dimension, best first: by the choice rule, with
        low-authority figures last, so they fill only what nothing better covers."""
        figures = [
            f
            for f in self._cells.get((platform, region, dimension), ())
            if f.unit == "pct_of_group_using"
        ]
        return sorted(figures, key=_figure_rank)

    def _compositions(self, platform: str, region: str, dimension: str) -> list[Distribution]:
        """The best composition (not penetration-derived) for the region, then worldwide."""
        result = []
        for where in (region, WORLDWIDE) if region != WORLDWIDE else (WORLDWIDE,):
            candidates = [
                c
                for c in self._candidates(platform, where, dimension, region)
                if not c.provenance.derived_from_penetration
            ]
            if candidates:
                result.append(min(_drop_low_authority(candidates), key=_distribution_key))
        return result

    def _build_people(self, platform: str, region: str) -> PeopleCells | None:
        population = self.population.cells(region)
        genders = self._compositions(platform, region, "gender")
        layers = self._surveyed(platform, region, population, genders)
        audience, _ = self._audience(platform, region)
        profiles = self._compositions(platform, region, "age")
        if audience is not None and not audience.provenance.derived_from_penetration:
            age = profiles[0] if profiles else None
            # Where the chosen profile is partial, a fuller one (the worldwide profile behind
            # a country's partial one) centres where the rest of the audience is.
            shape = next(
                (p for p in profiles[1:] if age is not None and p.unknown_mass < age.unknown_mass),
                None,
            )
            gender = genders[0] if genders else None
            people, covered, pools, overflow = composition_cells(
                audience.people, age, gender, population, shape
            )
            chosen = audience.provenance
            layers.append(
                Layer(
                    people=people,
                    covered=covered,
                    pools=pools,
                    provenance=tuple(
                        [chosen] + [d.provenance for d in (age, gender) if d is not None]
                    ),
                    rank=_layer_rank(chosen.authority, chosen.year, chosen.sources[0].source),
                    overflow=overflow,
                )
            )
        return combine(layers, population, profiles, region)

    def _surveyed(
        self,
        platform: str,
        region: str,
        population: FloatArray | None,
        genders: list[Distribution],
    ) -> list[Layer]:
        """One layer per surveyed population ("18+", "13-17"...) of penetration figures;
        ``genders`` are the network's compositions by sex (:meth:`_compositions`)."""
        if population is None:
            return []
        by_universe: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
        for dimension in ("age", "gender", "total"):
            for figure in self._penetration(platform, region, dimension):
                by_universe[figure.universe][dimension].append(figure)
        # The network's own composition by sex in the region divides a rate published for
        # both sexes together (a stand-in from elsewhere says nothing of this country).
        gender = next((g for g in genders if g.provenance.region == region), None)
        split = sex_split(gender)
        layers = []
        for rates in by_universe.values():
            people, covered, pool, divided = penetration_cells(
                rates["age"], rates["gender"], rates["total"], population, split
            )
            used = [f for figures in rates.values() for f in figures]
            if not covered.any():
                continue
            composition = (gender.provenance,) if divided and gender is not None else ()
            best = used[0] if len(used) == 1 else min(used, key=_figure_rank)
            layers.append(
                Layer(
                    people=people,
                    covered=covered,
                    pools=(pool,) if pool else (),
                    provenance=(
                        Provenance(
                            region=region,
                            year=max(f.year for f in used),
                            authority=_worst_authority(used),
                            sources=_refs(used) + self.population.sources(region),
                            derived_from_penetration=True,
                        ),
                        *composition,
                    ),
                    rank=_figure_rank(best),
                )
            )
        return layers

    # -- distributions -------------------------------------------------------------------

    def _distribution(
        self, platform: str, region: str, dimension: Literal["age", "gender"]
    ) -> tuple[Distribution | None, tuple[Distribution, ...]]:
        """The chosen distribution in the region, else worldwide (the caller flags that),
        and the candidates it was chosen from."""
        for where in (region, WORLDWIDE) if region != WORLDWIDE else (WORLDWIDE,):
            candidates = self._candidates(platform, where, dimension, region)
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

    def profiles(
        self, platform: str, region: str, dimension: Literal["age", "gender"], target: str
    ) -> list[Distribution]:
        """Every profile of the network published for ``region``, as it would describe
        ``target`` (an age profile from elsewhere is re-expressed for its population)."""
        return self._candidates(platform, region, dimension, target)

    def _candidates(
        self, platform: str, region: str, dimension: str, target: str | None = None
    ) -> list[Distribution]:
        """The network's distributions published for ``region``, describing ``target`` (by
        default the same region): an age profile from elsewhere is transferred to it."""
        if target is not None and target != region and dimension == "age":
            return [self._transferred(c, target) for c in self._candidates(platform, region, "age")]
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

    def _transferred(self, profile: Distribution, target: str) -> Distribution:
        """An age profile from elsewhere (the worldwide one) re-expressed for ``target``.

        A profile's shares mix two things: how over- or under-represented each age is on the
        network (its affinity index) and how many people of that age live where it was
        measured. The world is far younger than Europe, so the worldwide share of 25-34 year
        olds on a network, times a European count, puts more people in that band than live
        there. What carries across countries is the index (as media planners transfer it):
        each band's share is multiplied by the band's share of the target's population over
        its share of the source's, then the published total is kept (an unpublished rest
        stays unpublished). Without both populations the profile is used as published.
        """
        source = profile.provenance.region
        if not (self.population.has(source) and self.population.has(target)):
            return profile
        low, high = profile.domain

        lows, highs = np.maximum(profile.lows, low), np.minimum(profile.highs, high)

        def band_shares(region: str) -> FloatArray:
            whole = self.population.people_one(region, GENDER_AXIS, low, high)
            return self.population.people(region, GENDER_AXIS, lows, highs) / max(whole, 1.0)

        there, here = band_shares(source), band_shares(target)
        with np.errstate(invalid="ignore", divide="ignore"):
            weighted = np.where(there > 0, profile.shares * here / there, 0.0)
        if weighted.sum() <= 0:
            return profile
        return Distribution(
            lows=profile.lows,
            highs=profile.highs,
            shares=weighted * profile.shares.sum() / weighted.sum(),
            domain=profile.domain,
            provenance=profile.provenance,
            density=self.population.density(target),
        )

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
        domain = _age_domain(bands, float(shares.sum())) if dimension == "age" else (0, 1)
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
                options.append((self._audience_key(figure, figure.category, region), size))
        if self.population.has(region):
            for figure in self._cells.get((platform, region, "total"), ()):
                low, high = parse_age_band(figure.universe)
                if low > WHOLE_AUDIENCE_AGES[0] or high < WHOLE_AUDIENCE_AGES[1]:
                    continue  # a rate among teens or 30-49s sizes that group only
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
                options.append((self._audience_key(figure, "monthly_reach", region), size))
        if not options:
            return None, ()
        # A low-authority figure gives way to a better one of the same measure only: one
        # network's company MAU against another's advertising audience compares the measures,
        # not the networks, which a lower authority does not (see _common_measures).
        kept = [
            o
            for o in options
            if o[1].provenance.authority != "low"
            or not any(
                other[1].kind == o[1].kind and other[1].provenance.authority != "low"
                for other in options
            )
        ]
        ordered = tuple(size for _, size in sorted(kept, key=lambda option: option[0]))
        return ordered[0], ordered

    @staticmethod
    def _common_measures(figures: Iterable[Figure]) -> dict[str, str]:
        """Per region, the audience measure published for the most networks.

        Monthly active users (a company's own count, often every age), advertising audiences
        (people an advertiser can target, usually adults) and measured monthly reach count
        different things, and one network's MAU against another's ad audience compares the
        measures, not the networks. So the measure that covers the most networks in a region
        is preferred there (``COMMON_MEASURE_CREDIT_YEARS``); ties go to the order of
        MONTHLY_KINDS. A penetration rate ("X% of adults use it") counts as measured monthly
        reach.
        """
        networks: dict[tuple[str, str], set[str]] = defaultdict(set)
        for figure in figures:
            if figure.dimension == "audience" and figure.category in MONTHLY_KINDS:
                networks[figure.region, figure.category].add(figure.platform)
            elif figure.dimension == "total" and figure.unit == "pct_of_group_using":
                networks[figure.region, "monthly_reach"].add(figure.platform)
        best: dict[str, tuple[int, int]] = {}
        rulers: dict[str, str] = {}
        for (region, kind), platforms in networks.items():
            rank = (len(platforms), -MONTHLY_KINDS.index(kind))
            if region not in best or rank > best[region]:
                best[region], rulers[region] = rank, kind
        return rulers

    def _audience_key(self, figure: Figure, kind: str, region: str) -> tuple[object, ...]:
        """The choice rule for audience sizes, the region's common measure counting
        ``COMMON_MEASURE_CREDIT_YEARS`` newer: networks are compared on one ruler unless its
        figure for a network is much older than another measure's."""
        credit = COMMON_MEASURE_CREDIT_YEARS if kind == self._rulers.get(region) else 0
        return (
            *choice_key(figure.authority, figure.year + credit, 0.0, figure.source),
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
            if signal.signal in OPINION_SIGNALS:
                continue  # what marketers think is context, not evidence about the audience
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
