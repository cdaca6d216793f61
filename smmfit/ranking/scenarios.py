"""Plausible scenarios for one persona: a range for every figure the ranking uses, drawn at random.

Every figure gets a plausible range: the spread of the sources that disagree about the same
cell, the bounds of partial data, and a default margin for figures from secondary or
low-authority sources. The weights vary in a band around the user's choice. Each scenario is
scored with the ranking's own engine (:func:`smmfit.ranking.engine.scores_from_figures`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np
from pydantic import Field

from smmfit.data import AUTHORITIES, AudienceSize, Distribution, Evidence
from smmfit.data.distribution import FloatArray, IntArray
from smmfit.models import FACTORS, Note, Persona
from smmfit.ranking.engine import (
    BoolArray,
    PersonaArrays,
    ScoreArrays,
    age_query,
    gender_query,
    pick_index,
    scores_from_figures,
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


# Weights are judgement calls stated to about one decimal: each is multiplied by a factor
# drawn from U(0.75, 1.25), then all are renormalised, so a reach weight of 0.5 ranges over
# about 0.375-0.625 and its neighbours 0.4 and 0.6 are both within reach.
WEIGHT_BAND = 0.25


# Candidates for a cell that are more than a year older than the chosen one describe a
# network that has since changed, not a disagreement between sources; a year is allowed
# because reports lag their data ("Digital 2025" carries late-2024 figures).
CANDIDATE_YEARS = 1


_EPSILON = 1e-12


Input = Literal["match", "audience", "segment"]


RangeCause = Literal["sources", "partial_data", "authority"]


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


class WinProbability(Frozen):
    """How often a network comes out first, and its score's spread over the scenarios."""

    platform: str
    probability: float = Field(ge=0, le=1)
    score_low: float | None = Field(description="5th percentile of the score")
    score: float | None = Field(default=None, description="median score: the centre shown")
    score_high: float | None = Field(description="95th percentile of the score")


class Confidence(Frozen):
    """How often the pick comes out first, and which network does most often otherwise."""

    platform: str
    probability: float = Field(ge=0, le=1)
    challenger: str | None
    challenger_probability: float | None = Field(default=None, ge=0, le=1)
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class _Figures:
    """The persona's figures per network: low, estimate, high, shaped (components, platforms).

    NaN estimates are unknown figures: they stay unknown in every scenario.
    """

    low: FloatArray
    mode: FloatArray
    high: FloatArray
    causes: tuple[tuple[frozenset[RangeCause], ...], ...]  # [component][platform]


def _recent(candidate_year: int, chosen_year: int) -> bool:
    return candidate_year >= chosen_year - CANDIDATE_YEARS


def _spread(
    estimate: float,
    bounds: tuple[float, float],
    alternatives: list[float],
    margin: float,
    ceiling: float,
) -> tuple[float, float, frozenset[RangeCause]]:
    """The hull of the bounds, the alternatives and estimate +- margin, clipped to 0..ceiling."""
    causes: set[RangeCause] = set()
    if bounds[1] - bounds[0] > _EPSILON:
        causes.add("partial_data")
    if any(abs(value - estimate) > _EPSILON for value in alternatives):
        causes.add("sources")
    if margin > _EPSILON:
        causes.add("authority")
    values = [*bounds, *alternatives, estimate - margin, estimate + margin]
    return max(0.0, min(values)), min(ceiling, max(values)), frozenset(causes)


def _alternatives(
    estimate: float,
    persona: Persona,
    chosen: Distribution | None,
    others: tuple[Distribution, ...],
    dimension: str,
) -> list[float]:
    """The match share under each other recent candidate for one axis (age or gender)."""
    if chosen is None:
        return []
    people = PersonaArrays.of([persona])
    query = age_query(people) if dimension == "age" else gender_query(people)
    base = float(share_bounds(chosen, *query)[1][0])
    if not base > 0:
        return []
    return [
        estimate * float(share_bounds(other, *query)[1][0]) / base
        for other in others
        if other is not chosen and _recent(other.provenance.year, chosen.provenance.year)
    ]


def _match_range(
    arrays: ScoreArrays, j: int, authority: str, margins: Margins, alternatives: list[float]
) -> tuple[float, float, float, frozenset[RangeCause]]:
    """The persona's share of the network's audience, with the bounds of the people cells.

    The margin is taken on the smaller of the persona's share and the rest: both are figures
    of the same source, each uncertain by the margin, and together they make the whole, so a
    persona covering everyone has a share of exactly 1.
    """
    estimate = float(arrays.match[0, j])
    if np.isnan(estimate):
        return np.nan, np.nan, np.nan, frozenset()
    bounds = (float(arrays.match_low[0, j]), float(arrays.match_high[0, j]))
    margin = margins.of(authority) * min(estimate, 1 - estimate)
    lowest, highest, causes = _spread(estimate, bounds, alternatives, margin, 1.0)
    return lowest, estimate, highest, causes


def _audience_range(
    arrays: ScoreArrays,
    j: int,
    chosen: AudienceSize | None,
    candidates: tuple[AudienceSize, ...],
    margins: Margins,
) -> tuple[float, float, float, frozenset[RangeCause]]:
    people = float(arrays.audience[0, j])
    if np.isnan(people):
        return np.nan, np.nan, np.nan, frozenset()
    alternatives, margin = [], 0.0
    if chosen is not None:
        alternatives = [
            candidate.people
            for candidate in candidates
            if _recent(candidate.provenance.year, chosen.provenance.year)
        ]
        margin = margins.of(chosen.provenance.authority) * people
    low, high, causes = _spread(people, (people, people), alternatives, margin, np.inf)
    return low, people, high, causes


def figure_ranges(
    persona: Persona,
    evidence: Evidence,
    arrays: ScoreArrays,
    margins: Margins,
) -> _Figures:
    """Every network's figures for one persona (``arrays`` holds its one row) with ranges."""
    platforms = arrays.platforms
    shape = (COMPONENTS, len(platforms))
    low, mode, high = np.full(shape, np.nan), np.full(shape, np.nan), np.full(shape, np.nan)
    causes: list[list[frozenset[RangeCause]]] = [[] for _ in range(COMPONENTS)]
    for j, platform in enumerate(platforms):
        ev = evidence.for_platform(platform, persona.region)
        cells = evidence.people(platform, persona.region)
        authority = (
            max((p.authority for p in cells.provenance), key=AUTHORITIES.index)
            if cells is not None and cells.provenance
            else "primary"
        )
        match = float(arrays.match[0, j])
        signal = ev.segment.get(persona.segment)
        if signal is None:
            segment: tuple[float, float, float, frozenset[RangeCause]] = (
                np.nan, np.nan, np.nan, frozenset(),
            )  # fmt: skip
        else:
            value = signal.value
            margin = margins.of(signal.provenance.authority) * min(value, 100 - value)
            lowest, highest, why = _spread(value, (value, value), [], margin, 100.0)
            segment = (lowest, value, highest, why)
        rows = (
            _match_range(
                arrays,
                j,
                authority,
                margins,
                _alternatives(match, persona, ev.age, ev.age_candidates, "age")
                + _alternatives(match, persona, ev.gender, ev.gender_candidates, "gender"),
            ),
            _audience_range(arrays, j, ev.audience, ev.audience_candidates, margins),
            segment,
        )
        for component, (lowest, estimate, highest, why) in enumerate(rows):
            low[component, j], mode[component, j], high[component, j] = lowest, estimate, highest
            causes[component].append(why)
    return _Figures(low=low, mode=mode, high=high, causes=tuple(tuple(items) for items in causes))


def plausible_ranges(figures: _Figures, platforms: tuple[str, ...]) -> tuple[PlausibleRange, ...]:
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


def triangular(
    uniform: FloatArray, low: FloatArray, mode: FloatArray, high: FloatArray
) -> FloatArray:
    """Inverse distribution function of the triangular distribution, vectorised.

    Most plausible at the chosen figure, falling to nothing at the ends of its range: the
    ends are bounds (all unassigned people inside the persona, the most distant source), not
    likely values. A range of zero width gives the figure itself.
    """
    width = high - low
    left, right = mode - low, high - mode
    with np.errstate(invalid="ignore", divide="ignore"):
        rising = uniform < np.where(width > 0, left / width, 0.0)
    root = np.sqrt(np.where(rising, uniform * left, (1 - uniform) * right) * width)
    return np.asarray(np.where(rising, low + root, high - root), dtype=np.float64)


@dataclass(frozen=True)
class Scenarios:
    """One persona's figures, weights and statuses; scores rows of them with the engine.

    A row is a scenario: a match share, audience and segment value per network, and weights.
    """

    figures: _Figures
    raw_weights: FloatArray  # FACTORS order, as the user gave them
    scored: BoolArray
    restricted: BoolArray
    recommendable: BoolArray
    penalty: float
    band: float
    platforms: tuple[str, ...]
    segment: str

    def scores(
        self, match: FloatArray, audience: FloatArray, segment: FloatArray, weights: FloatArray
    ) -> FloatArray:
        normalised = weights / weights.sum(axis=1, keepdims=True)
        _, score = scores_from_figures(
            audience * match,
            match,
            segment,
            scored=np.broadcast_to(self.scored, match.shape),
            restricted=self.restricted,
            normalised=normalised,
            penalty=np.full(len(match), self.penalty),
        )
        return score

    def picks(
        self, match: FloatArray, audience: FloatArray, segment: FloatArray, weights: FloatArray
    ) -> IntArray:
        return pick_index(self.scores(match, audience, segment, weights), self.recommendable)

    @property
    def base(self) -> FloatArray:
        """The chosen figures: match share, audience, segment value, shaped (3, platforms)."""
        mode = self.figures.mode
        return np.stack([mode[MATCH], mode[AUDIENCE], mode[SEGMENT]])

    def simulate(self, draws: int, seed: int) -> FloatArray:
        """Scores of ``draws`` scenarios, shaped (draws, platforms)."""
        figures = self.figures
        rng = np.random.default_rng(seed)
        values = np.empty((COMPONENTS, draws, len(self.platforms)))
        values[:] = figures.mode[:, None, :]
        # Only figures with a range are drawn; most are exact, and drawing is the costly part.
        component, column = np.nonzero(figures.high - figures.low > 0)
        uniform = rng.random((len(component), draws))
        values[component, :, column] = triangular(
            uniform,
            figures.low[component, column][:, None],
            figures.mode[component, column][:, None],
            figures.high[component, column][:, None],
        )
        jitter = rng.uniform(1 - self.band, 1 + self.band, (draws, len(FACTORS)))
        match = values[MATCH]
        return self.scores(match, values[AUDIENCE], values[SEGMENT], self.raw_weights * jitter)


def count_wins(score: FloatArray, model: Scenarios) -> tuple[WinProbability, ...]:
    picks = pick_index(score, model.recommendable)
    counts = np.bincount(picks[picks >= 0], minlength=len(model.platforms))
    finite = ~np.isnan(score).any(axis=0)
    spread = np.full((3, len(model.platforms)), np.nan)
    if finite.any():
        spread[:, finite] = np.percentile(score[:, finite], [5, 95, 50], axis=0)
    return tuple(
        WinProbability(
            platform=platform,
            probability=round(float(counts[j]) / len(score), 4),
            score_low=None if np.isnan(spread[0, j]) else round(float(spread[0, j]), 2),
            score=None if np.isnan(spread[2, j]) else round(float(spread[2, j]), 2),
            score_high=None if np.isnan(spread[1, j]) else round(float(spread[1, j]), 2),
        )
        for j, platform in enumerate(model.platforms)
    )


def confidence_of(pick: str, probabilities: tuple[WinProbability, ...]) -> Confidence:
    mine = next(p for p in probabilities if p.platform == pick)
    others = sorted(
        (p for p in probabilities if p.platform != pick and p.probability > 0),
        key=lambda p: -p.probability,
    )
    notes = [
        Note(key="uncertainty.confidence", params={"platform": pick, "share": mine.probability})
    ]
    challenger = others[0] if others else None
    if challenger is None:
        notes.append(Note(key="uncertainty.no_challenger"))
    else:
        notes.append(
            Note(
                key="uncertainty.challenger",
                params={"runner": challenger.platform, "share": challenger.probability},
            )
        )
    return Confidence(
        platform=pick,
        probability=mine.probability,
        challenger=challenger.platform if challenger else None,
        challenger_probability=challenger.probability if challenger else None,
        notes=tuple(notes),
    )
