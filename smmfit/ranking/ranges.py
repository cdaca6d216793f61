"""Plausible ranges for every figure the ranking uses, for one persona or many.

Each figure (a network's match share for the persona, its audience, its segment value) gets
the hull of: the bounds of the people cells (partial data, unknown cells), what the other
sources the choice rule weighed say, and a default margin by authority (:class:`Margins`).
The method is written up in README.md ("How sure is the pick").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np
from pydantic import Field

from smmfit.data import AUTHORITIES, Distribution, Evidence
from smmfit.data.cells import PeopleCells
from smmfit.data.distribution import FloatArray
from smmfit.models import MAX_AGE, MIN_AGE, Persona
from smmfit.ranking.engine import (
    GENDER_CODES,
    BoolArray,
    PersonaArrays,
    ScoreArrays,
    age_query,
    gender_query,
    share_bounds,
)
from smmfit.types import Frozen

# Default margins where a source states none, as a fraction of the figure. They match how much
# sources disagree in data/ (November 2026): of 78 same-year pairs of non-low figures for the
# same cell from different sources, 59 (three in four) differ by at most 10%; all 36 same-year
# pairs of a low-authority (blog, compilation) and a secondary figure differ by at most 25%.
# Primary figures (the producer's own publication) get no default margin.
SECONDARY_MARGIN = 0.10


LOW_AUTHORITY_MARGIN = 0.25


# A profile published for elsewhere (the worldwide one, re-expressed for the country by its
# population) stands in where a country has none. Its share for some ages or one sex misses
# the country's own by more than sources on one country disagree. The margins cover three in
# four of the misses where data/ has both (``python -m bench.margins``, December 2026): 25 of 31
# age bands of 6 network-country pairs are within 50%, 30 of 40 shares of men within 30%
# (each taken on the smaller of the share and the rest, as every share margin here).
STAND_IN_AGE_MARGIN = 0.50


STAND_IN_GENDER_MARGIN = 0.30


# Weights are judgement calls stated to about one decimal: each is multiplied by a factor
# drawn from U(0.75, 1.25), then all are renormalised, so a reach weight of 0.5 ranges over
# about 0.375-0.625 and its neighbours 0.4 and 0.6 are both within reach.
WEIGHT_BAND = 0.25


# Candidates for a cell that are more than a year older than the chosen one describe a
# network that has since changed, not a disagreement between sources; a year is allowed
# because reports lag their data ("Digital 2025" carries late-2024 figures).
CANDIDATE_YEARS = 1


EPSILON = 1e-12


Input = Literal["match", "audience", "segment"]


RangeCause = Literal["sources", "partial_data", "authority", "stand_in", "contradicted"]


INPUTS: tuple[Input, ...] = get_args(Input)


# The persona's figures per network, drawn independently; reach = match share x audience.
MATCH, AUDIENCE, SEGMENT = range(3)
COMPONENTS = 3


class Margins(Frozen):
    """Default plausible ranges where the data states none, as fractions of the figure.

    >>> Margins().of("low"), Margins(weight=0).weight
    (0.25, 0.0)
    """

    secondary: float = Field(default=SECONDARY_MARGIN, ge=0, le=1)
    low: float = Field(default=LOW_AUTHORITY_MARGIN, ge=0, le=1)
    weight: float = Field(default=WEIGHT_BAND, ge=0, lt=1)
    stand_in_age: float = Field(default=STAND_IN_AGE_MARGIN, ge=0, le=1)
    stand_in_gender: float = Field(default=STAND_IN_GENDER_MARGIN, ge=0, le=1)

    def of(self, authority: str) -> float:
        return {"secondary": self.secondary, "low": self.low}.get(authority, 0.0)


DEFAULT_MARGINS = Margins()


class PlausibleRange(Frozen):
    """Where one figure of one network plausibly lies, and why it is not a single number.

    ``match`` is a share 0-1, ``audience`` people, ``segment`` the signal's percentage.
    """

    platform: str
    input: Input
    low: float
    estimate: float
    high: float
    causes: tuple[RangeCause, ...]


@dataclass(frozen=True)
class Figures:
    """The persona's figures per network: low, estimate, high, shaped (components, platforms).

    NaN estimates are unknown figures: they stay unknown in every scenario.
    """

    low: FloatArray
    mode: FloatArray
    high: FloatArray
    causes: tuple[tuple[frozenset[RangeCause], ...], ...]  # [component][platform]


def weakest_authority(cells: PeopleCells | None) -> str:
    """The weakest authority among the sources a network's people cells rest on."""
    if cells is None or not cells.provenance:
        return "primary"
    return max((p.authority for p in cells.provenance), key=AUTHORITIES.index)


def narrower_than_everyone(people: PersonaArrays) -> tuple[BoolArray, BoolArray]:
    """Which personas leave out some ages, and which one sex: where a profile matters."""
    narrower_ages = (people.age_min > MIN_AGE) | (people.age_max < MAX_AGE)
    return narrower_ages, people.gender != GENDER_CODES["any"]


def _recent(candidate_year: int, chosen_year: int) -> bool:
    return candidate_year >= chosen_year - CANDIDATE_YEARS


CAUSES: tuple[RangeCause, ...] = (
    "partial_data",
    "sources",
    "authority",
    "stand_in",
    "contradicted",
)


def _hull(
    estimate: FloatArray,
    bounds: tuple[FloatArray, FloatArray],
    alternatives: list[FloatArray],
    margin: FloatArray,
    ceiling: float,
) -> tuple[FloatArray, FloatArray, BoolArray]:
    """The hull of the bounds, the alternatives and estimate +- margin, clipped to 0..ceiling.

    Vectorised over personas; also says which causes widened each range (CAUSES order).
    """
    causes = np.stack(
        [
            bounds[1] - bounds[0] > EPSILON,
            np.any([np.abs(a - estimate) > EPSILON for a in alternatives], axis=0)
            if alternatives
            else np.zeros(estimate.shape, dtype=bool),
            margin > EPSILON,
            np.zeros(estimate.shape, dtype=bool),  # stand_in and contradicted: set by the
            np.zeros(estimate.shape, dtype=bool),  # caller, which knows the margin's parts
        ]
    )
    unknown = np.isnan(estimate)
    values = np.stack([*bounds, *alternatives, estimate - margin, estimate + margin])
    values = np.where(unknown, 0.0, np.where(np.isnan(values), estimate, values))
    low = np.maximum(0.0, values.min(axis=0))
    high = np.minimum(ceiling, values.max(axis=0))
    return np.where(unknown, np.nan, low), np.where(unknown, np.nan, high), causes & ~unknown


def _alternatives(
    match: FloatArray,
    people: PersonaArrays,
    chosen: Distribution | None,
    others: tuple[Distribution, ...],
    dimension: str,
) -> list[FloatArray]:
    """The match share under each other recent candidate for one axis (age or gender)."""
    if chosen is None:
        return []
    query = age_query(people) if dimension == "age" else gender_query(people)
    base = share_bounds(chosen, *query)[1]
    with np.errstate(invalid="ignore", divide="ignore"):
        return [
            # A candidate says nothing of ages outside its own (an 18+ survey of 13-17s):
            # there it is no alternative (NaN, left out of the hull), not a share of 0.
            np.where(
                (query[0] >= other.domain[0]) & (query[1] <= other.domain[1]),
                np.where(base > 0, match * share_bounds(other, *query)[1] / base, match),
                np.nan,
            )
            for other in others
            if other is not chosen and _recent(other.provenance.year, chosen.provenance.year)
        ]


def _match_bounds(arrays: ScoreArrays) -> tuple[FloatArray, FloatArray]:
    """Bounds of each network's match share such that match share x audience, the reach the
    scenarios score, stays within the persona's reach bounds: the people cells' bounds over
    the network's audience. Bounding the share by the cells alone (the persona's low over
    the audience's high, its high over the audience's low) let a known reach run up to the
    whole audience where only the rest of the audience is unknown: a network known among
    teens alone reached many times its teens in the draws. The share's own spread from that
    unknown rest is left out; where the audience is unknown, the cells' share bounds stand."""
    audience, match = arrays.audience, arrays.match
    with np.errstate(invalid="ignore", divide="ignore"):
        low = np.where(audience > 0, arrays.reach_low / audience, arrays.match_low)
        high = np.where(audience > 0, arrays.reach_high / audience, arrays.match_high)
    return np.minimum(low, match), np.maximum(np.minimum(high, 1.0), match)


def _padded(alternatives: list[list[FloatArray | float]], n: int) -> list[FloatArray]:
    """Each network's alternatives (a list per network) as arrays shaped (personas,
    networks), NaN where a network has fewer: a NaN alternative is none (:func:`_hull` takes
    the estimate for it, which the hull holds anyway)."""
    shape = (max(map(len, alternatives), default=0), n, len(alternatives))
    padded = np.full(shape, np.nan)
    for q, each in enumerate(alternatives):
        for a, values in enumerate(each):
            padded[a, :, q] = values
    return list(padded)


def ranges_of(
    people: PersonaArrays, region: str, evidence: Evidence, arrays: ScoreArrays, margins: Margins
) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
    """Every network's figures for many personas of one region, with plausible ranges.

    Returns low, estimate, high shaped (components, personas, platforms) and the causes of each
    range shaped (causes, components, personas, platforms). The same ranges serve one
    persona's "how sure" and a batch's decisions. Each network's sources and margins are
    looked up in turn; the ranges are then worked out for all networks at once, one array
    operation per step instead of one per step and network.
    """
    n, count = arrays.match.shape
    shape = (COMPONENTS, n, count)
    low, high = np.full(shape, np.nan), np.full(shape, np.nan)
    # A network with no figure for anyone here has unknown ranges (NaN, no cause): most
    # networks, in any one region. Its estimates are NaN too.
    mode = np.stack([arrays.match, arrays.audience, arrays.segment_value])
    causes = np.zeros((len(CAUSES), *shape), dtype=bool)
    known = ~(
        np.isnan(arrays.match).all(axis=0)
        & np.isnan(arrays.audience).all(axis=0)
        & np.isnan(arrays.segment_value).all(axis=0)
    )
    columns = np.flatnonzero(known)
    match_alternatives: list[list[FloatArray | float]] = []
    audience_alternatives: list[list[FloatArray | float]] = []
    match_margin = np.zeros((n, len(columns)))
    audience_margin = np.zeros(len(columns))
    stand_in_margin = np.zeros((n, len(columns)))
    misplaced = np.zeros(len(columns))  # share of the audience a contradicted profile misplaces
    narrower_ages, one_sex = narrower_than_everyone(people)
    segment_margin = np.zeros((2, len(columns)))  # b2c, b2b
    for q, j in enumerate(columns.tolist()):
        platform = arrays.platforms[j]
        ev = evidence.for_platform(platform, region)
        cells = evidence.people(platform, region)
        authority = weakest_authority(cells)
        match = arrays.match[:, j]
        match_alternatives.append(
            [
                *_alternatives(match, people, ev.age, ev.age_candidates, "age"),
                *_alternatives(match, people, ev.gender, ev.gender_candidates, "gender"),
            ]
        )
        match_margin[:, q] = margins.of(authority)
        misplaced[q] = cells.misplaced_share if cells is not None else 0.0
        # A stand-in profile (from elsewhere) speaks for the country only roughly: its share
        # for fewer ages or one sex gets the stand-in margin. A persona of everyone is exact.
        for profile, narrower, margin in (
            (ev.age, narrower_ages, margins.stand_in_age),
            (ev.gender, one_sex, margins.stand_in_gender),
        ):
            if profile is not None and profile.provenance.region != region:
                stand_in_margin[:, q] = np.maximum(
                    stand_in_margin[:, q], np.where(narrower, margin, 0.0)
                )
        chosen = ev.audience
        audience_alternatives.append(
            []
            if chosen is None
            else [
                float(candidate.people)
                for candidate in ev.audience_candidates
                if _recent(candidate.provenance.year, chosen.provenance.year)
                and not candidate.provenance.derived_from_penetration
            ]
        )
        audience_margin[q] = margins.of(chosen.provenance.authority) if chosen is not None else 0.0
        for side, kind in enumerate(("b2c", "b2b")):
            if kind in ev.segment:
                segment_margin[side, q] = margins.of(ev.segment[kind].provenance.authority)
    match = arrays.match[:, columns]
    lowest, highest = (bound[:, columns] for bound in _match_bounds(arrays))
    smaller = np.minimum(match, 1 - match)
    # Three margins on the share, the widest applies: the source's authority and a stand-in
    # profile's, relative to the smaller of the share and the rest; and the share of the
    # audience a profile contradicted by the population misplaces, absolute (a persona of the
    # whole audience has it exactly all the same).
    parts = np.stack(
        [match_margin * smaller, stand_in_margin * smaller, np.minimum(misplaced, smaller)]
    )
    ranges = [
        _hull(match, (lowest, highest), _padded(match_alternatives, n), parts.max(axis=0), 1.0)
    ]
    widest = np.where(parts.max(axis=0) > EPSILON, parts.argmax(axis=0), -1)
    for part, cause in enumerate(("authority", "stand_in", "contradicted")):
        ranges[MATCH][2][CAUSES.index(cause)] = widest == part
    audience = arrays.audience[:, columns]
    ranges.append(
        _hull(
            audience,
            (audience, audience),
            _padded(audience_alternatives, n),
            audience_margin * audience,
            np.inf,
        )
    )
    segment = arrays.segment_value[:, columns]
    signal = np.where(people.segment_b2b[:, None], segment_margin[1], segment_margin[0])
    ranges.append(
        _hull(segment, (segment, segment), [], signal * np.minimum(segment, 100 - segment), 100.0)
    )
    for component, (low_part, high_part, causes_part) in enumerate(ranges):
        low[component][:, columns] = low_part
        high[component][:, columns] = high_part
        causes[:, component][:, :, columns] = causes_part
    return low, mode, high, causes


def figure_ranges(
    persona: Persona,
    evidence: Evidence,
    arrays: ScoreArrays,
    margins: Margins,
) -> Figures:
    """Every network's figures for one persona (``arrays`` holds its one row) with ranges."""
    people = PersonaArrays.of([persona])
    low, mode, high, causes = ranges_of(people, persona.region, evidence, arrays, margins)
    return Figures(
        low=low[:, 0],
        mode=mode[:, 0],
        high=high[:, 0],
        causes=tuple(
            tuple(
                frozenset(c for k, c in enumerate(CAUSES) if causes[k, component, 0, j])
                for j in range(len(arrays.platforms))
            )
            for component in range(COMPONENTS)
        ),
    )


def plausible_ranges(figures: Figures, platforms: tuple[str, ...]) -> tuple[PlausibleRange, ...]:
    """Match share, audience and segment of every network with a known estimate."""
    match_parts = (MATCH,)
    result = []
    for j, platform in enumerate(platforms):
        inputs: tuple[tuple[Input, tuple[int, ...]], ...] = (
            ("match", match_parts), ("audience", (AUDIENCE,)), ("segment", (SEGMENT,)),
        )  # fmt: skip
        for name, parts in inputs:
            estimate = float(np.prod(figures.mode[list(parts), j]))
            if np.isnan(estimate):
                continue
            causes: set[RangeCause] = set()
            for part in parts:
                causes |= figures.causes[part][j]
            result.append(
                PlausibleRange(
                    platform=platform,
                    input=name,
                    low=float(np.prod(figures.low[list(parts), j])),
                    estimate=estimate,
                    high=float(np.prod(figures.high[list(parts), j])),
                    causes=tuple(sorted(causes)),
                )
            )
    return tuple(result)
