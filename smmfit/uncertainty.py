"""How sure is the pick: win probabilities over plausible figures and weights, and what flips it.

Every figure the ranking uses gets a plausible range: the spread of the sources that disagree
about the same cell, the bounds of partial data, and a default margin for figures that come
from secondary or low-authority sources. The weights vary in a band around the user's choice.
:func:`win_probabilities` draws scenarios from those ranges, scores each one with the
ranking's own engine (:func:`smmfit.scoring.scores_from_figures`) and counts how often each
network comes out first; it also finds the single figure or weight whose smallest change
would make another network the pick. The method is written up in README.md ("How sure is
the pick").

>>> from smmfit import Evidence, Persona, load_dataset
>>> persona = Persona(region="RU", age_min=25, age_max=44)
>>> result = win_probabilities(persona, Evidence(load_dataset()), draws=2_000)
>>> result.confidence is not None and 0 < result.confidence.probability <= 1
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from smmfit.evidence import (
    AudienceSize,
    DeviceMix,
    Distribution,
    Evidence,
    FloatArray,
    IntArray,
)
from smmfit.models import FACTORS, Factor, Note, Persona, Weights, default_weights
from smmfit.scoring import (
    BoolArray,
    PersonaArrays,
    age_query,
    device_mask,
    device_share,
    gender_query,
    pick_index,
    score_arrays,
    scores_from_figures,
    share_bounds,
)

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

DEFAULT_DRAWS = 10_000
MAX_DRAWS = 100_000  # memory grows with draws x networks: 100,000 draws hold ~60 MB of figures
FLIPS_SHOWN = 3
# The flip search: a geometric grid from the current value to the limit of each input, then
# bisection on the first step that flips the pick.
_GRID_STEPS = 48
_BISECTIONS = 40
_SMALLEST_RATIO = 1e-3  # search down to a thousandth of the current value
_AUDIENCE_LARGEST_RATIO = 100.0  # and audiences up to a hundred times it
_MAX_WEIGHT = 100.0  # Weights' own upper limit
_EPSILON = 1e-12

Input = Literal["match", "audience", "segment"]
FlipInput = Literal["match", "audience", "segment", "weight"]
RangeCause = Literal["sources", "partial_data", "authority"]
Direction = Literal["above", "below"]
INPUTS: tuple[Input, ...] = get_args(Input)

# The persona's figures per network, drawn independently: match share = age x gender x device.
_AGE, _GENDER, _DEVICE, _AUDIENCE, _SEGMENT = range(5)
_COMPONENTS = 5
_KIND_WEIGHT = 3  # flip-search kinds: 0 match, 1 audience, 2 segment (INPUTS order), 3 weight


class Margins(BaseModel):
    """Default plausible ranges where the data states none, as fractions of the figure.

    >>> Margins().of("low"), Margins(weight=0).weight
    (0.25, 0.0)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    secondary: float = Field(default=SECONDARY_MARGIN, ge=0, le=1)
    low: float = Field(default=LOW_AUTHORITY_MARGIN, ge=0, le=1)
    weight: float = Field(default=WEIGHT_BAND, ge=0, lt=1)

    def of(self, authority: str) -> float:
        return {"secondary": self.secondary, "low": self.low}.get(authority, 0.0)


DEFAULT_MARGINS = Margins()


class PlausibleRange(BaseModel):
    """Where one figure of one network plausibly lies, and why it is not a single number.

    ``match`` is a share 0-1, ``audience`` people, ``segment`` the signal's percentage.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    platform: str
    input: Input
    low: float
    estimate: float
    high: float
    causes: tuple[RangeCause, ...]


class WinProbability(BaseModel):
    """How often a network comes out first, and its score's spread over the scenarios."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    platform: str
    probability: float = Field(ge=0, le=1)
    score_low: float | None = Field(description="5th percentile of the score")
    score_high: float | None = Field(description="95th percentile of the score")


class Confidence(BaseModel):
    """How often the pick comes out first, and which network does most often otherwise."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    platform: str
    probability: float = Field(ge=0, le=1)
    challenger: str | None
    challenger_probability: float | None = Field(default=None, ge=0, le=1)
    notes: tuple[Note, ...]


class FlipCondition(BaseModel):
    """One figure or weight whose change, all else equal, makes another network the pick.

    ``value`` is just past the threshold (applied, it flips the pick); for a weight it is the
    raw weight with the other two unchanged. ``plausible`` says whether it lies in the range
    the scenarios draw from.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    input: FlipInput
    platform: str | None
    factor: Factor | None
    current: float
    value: float
    relative_change: float
    new_pick: str
    plausible: bool
    note: Note


class Uncertainty(BaseModel):
    """Win probabilities for one persona, how sure the pick is, and what would flip it.

    ``probabilities`` follows the data's platform order. Over the networks that can be
    recommended they add up to 1 whenever there is a pick.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    draws: int = Field(ge=1, le=MAX_DRAWS)
    seed: int = Field(ge=0)
    margins: Margins
    probabilities: tuple[WinProbability, ...]
    confidence: Confidence | None
    flips_if: tuple[FlipCondition, ...]
    ranges: tuple[PlausibleRange, ...]

    def probability_of(self, platform: str) -> float:
        return next((p.probability for p in self.probabilities if p.platform == platform), 0.0)


# -- plausible ranges -----------------------------------------------------------------------


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


def _share_range(
    chosen: Distribution | None,
    candidates: tuple[Distribution, ...],
    query: tuple[IntArray, IntArray, BoolArray],
    margins: Margins,
) -> tuple[float, float, float, frozenset[RangeCause]]:
    """The persona's share of the audience on one axis (age or gender), with its range.

    The margin is taken on the smaller of the persona's share and the rest: both are figures
    of the same source, each uncertain by the margin, and together they make the whole, so a
    persona covering everyone has a share of exactly 1.
    """
    low, estimate, high = (float(values[0]) for values in share_bounds(chosen, *query))
    if chosen is None or np.isnan(estimate):
        return low, estimate, high, frozenset()
    alternatives = [
        float(share_bounds(candidate, *query)[1][0])
        for candidate in candidates
        if _recent(candidate.provenance.year, chosen.provenance.year)
    ]
    margin = margins.of(chosen.provenance.authority) * min(estimate, 1 - estimate)
    lowest, highest, causes = _spread(estimate, (low, high), alternatives, margin, 1.0)
    return lowest, estimate, highest, causes


def _device_range(
    mix: DeviceMix | None, mask: int, margins: Margins
) -> tuple[float, float, float, frozenset[RangeCause]]:
    share = device_share(mix, mask)
    if mix is None or np.isnan(share) or share >= 1:
        # As in scoring: an unpublished device split counts all devices (and is flagged there).
        return 1.0, 1.0, 1.0, frozenset()
    margin = margins.of(mix.provenance.authority) * min(share, 1 - share)
    low, high, causes = _spread(share, (share, share), [], margin, 1.0)
    return low, share, high, causes


def _audience_range(
    chosen: AudienceSize | None, candidates: tuple[AudienceSize, ...], margins: Margins
) -> tuple[float, float, float, frozenset[RangeCause]]:
    if chosen is None:
        return np.nan, np.nan, np.nan, frozenset()
    alternatives = [
        candidate.people
        for candidate in candidates
        if _recent(candidate.provenance.year, chosen.provenance.year)
    ]
    margin = margins.of(chosen.provenance.authority) * chosen.people
    people = chosen.people
    low, high, causes = _spread(people, (people, people), alternatives, margin, np.inf)
    return low, people, high, causes


def _figure_ranges(
    persona: Persona, evidence: Evidence, platforms: tuple[str, ...], margins: Margins
) -> _Figures:
    people = PersonaArrays.of([persona])
    ages, genders, mask = age_query(people), gender_query(people), device_mask(persona.devices)
    shape = (_COMPONENTS, len(platforms))
    low, mode, high = np.full(shape, np.nan), np.full(shape, np.nan), np.full(shape, np.nan)
    causes: list[list[frozenset[RangeCause]]] = [[] for _ in range(_COMPONENTS)]
    for j, platform in enumerate(platforms):
        ev = evidence.for_platform(platform, persona.region)
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
            _share_range(ev.age, ev.age_candidates, ages, margins),
            _share_range(ev.gender, ev.gender_candidates, genders, margins),
            _device_range(ev.device, mask, margins),
            _audience_range(ev.audience, ev.audience_candidates, margins),
            segment,
        )
        for component, (lowest, estimate, highest, why) in enumerate(rows):
            low[component, j], mode[component, j], high[component, j] = lowest, estimate, highest
            causes[component].append(why)
    return _Figures(low=low, mode=mode, high=high, causes=tuple(tuple(items) for items in causes))


def _ranges(figures: _Figures, platforms: tuple[str, ...]) -> tuple[PlausibleRange, ...]:
    """Match share, audience and segment of every network with a known estimate."""
    match_parts = (_AGE, _GENDER, _DEVICE)
    result = []
    for j, platform in enumerate(platforms):
        inputs: tuple[tuple[Input, tuple[int, ...]], ...] = (
            ("match", match_parts), ("audience", (_AUDIENCE,)), ("segment", (_SEGMENT,)),
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


# -- scenarios ------------------------------------------------------------------------------


def _triangular(
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
class _Model:
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
        return np.stack(
            [mode[[_AGE, _GENDER, _DEVICE]].prod(axis=0), mode[_AUDIENCE], mode[_SEGMENT]]
        )

    def simulate(self, draws: int, seed: int) -> FloatArray:
        """Scores of ``draws`` scenarios, shaped (draws, platforms)."""
        figures = self.figures
        rng = np.random.default_rng(seed)
        values = np.empty((_COMPONENTS, draws, len(self.platforms)))
        values[:] = figures.mode[:, None, :]
        # Only figures with a range are drawn; most are exact, and drawing is the costly part.
        component, column = np.nonzero(figures.high - figures.low > 0)
        uniform = rng.random((len(component), draws))
        values[component, :, column] = _triangular(
            uniform,
            figures.low[component, column][:, None],
            figures.mode[component, column][:, None],
            figures.high[component, column][:, None],
        )
        jitter = rng.uniform(1 - self.band, 1 + self.band, (draws, len(FACTORS)))
        match = values[_AGE] * values[_GENDER] * values[_DEVICE]
        return self.scores(match, values[_AUDIENCE], values[_SEGMENT], self.raw_weights * jitter)


def _win_probabilities(score: FloatArray, model: _Model) -> tuple[WinProbability, ...]:
    picks = pick_index(score, model.recommendable)
    counts = np.bincount(picks[picks >= 0], minlength=len(model.platforms))
    finite = ~np.isnan(score).any(axis=0)
    spread = np.full((2, len(model.platforms)), np.nan)
    if finite.any():
        spread[:, finite] = np.percentile(score[:, finite], [5, 95], axis=0)
    return tuple(
        WinProbability(
            platform=platform,
            probability=round(float(counts[j]) / len(score), 4),
            score_low=None if np.isnan(spread[0, j]) else round(float(spread[0, j]), 2),
            score_high=None if np.isnan(spread[1, j]) else round(float(spread[1, j]), 2),
        )
        for j, platform in enumerate(model.platforms)
    )


def _confidence(pick: str, probabilities: tuple[WinProbability, ...]) -> Confidence:
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


# -- what flips the pick --------------------------------------------------------------------


@dataclass(frozen=True)
class _Knobs:
    """The inputs the flip search turns, one at a time, as parallel arrays."""

    kind: IntArray  # INPUTS index, or _KIND_WEIGHT
    column: IntArray  # platform column, or factor index for a weight
    current: FloatArray
    lowest: FloatArray
    highest: FloatArray
    plausible_low: FloatArray
    plausible_high: FloatArray

    @classmethod
    def of(cls, model: _Model) -> _Knobs:
        """Every known, positive figure of a scored network, and every weight above 0."""
        figures, base = model.figures, model.base
        match_parts = [_AGE, _GENDER, _DEVICE]
        plausible = (
            (figures.low[match_parts].prod(axis=0), figures.high[match_parts].prod(axis=0)),
            (figures.low[_AUDIENCE], figures.high[_AUDIENCE]),
            (figures.low[_SEGMENT], figures.high[_SEGMENT]),
        )
        ceilings = {0: 1.0, 2: 100.0}
        rows: list[tuple[int, int, float, float, float, float, float]] = []
        for kind in range(len(INPUTS)):
            for j in np.flatnonzero(model.scored).tolist():
                value = float(base[kind, j])
                if not value > 0:
                    continue
                low, high = plausible[kind]
                rows.append(
                    (kind, j, value, value * _SMALLEST_RATIO,
                     ceilings.get(kind, value * _AUDIENCE_LARGEST_RATIO), low[j], high[j])
                )  # fmt: skip
        for index, weight in enumerate(model.raw_weights.tolist()):
            if weight > 0:
                rows.append(
                    (_KIND_WEIGHT, index, weight, weight * _SMALLEST_RATIO, _MAX_WEIGHT,
                     weight * (1 - model.band), weight * (1 + model.band))
                )  # fmt: skip
        columns = list(zip(*rows, strict=True)) if rows else [()] * 7
        return cls(
            kind=np.array(columns[0], dtype=np.int64),
            column=np.array(columns[1], dtype=np.int64),
            current=np.array(columns[2], dtype=np.float64),
            lowest=np.array(columns[3], dtype=np.float64),
            highest=np.array(columns[4], dtype=np.float64),
            plausible_low=np.array(columns[5], dtype=np.float64),
            plausible_high=np.array(columns[6], dtype=np.float64),
        )

    def picks(self, model: _Model, knob: IntArray, value: FloatArray) -> IntArray:
        """The pick of each row: the chosen figures with one knob per row set to a value."""
        rows = len(knob)
        figures = np.repeat(model.base[None], rows, axis=0)  # (rows, inputs, platforms)
        weights = np.repeat(model.raw_weights[None], rows, axis=0)
        kind, column = self.kind[knob], self.column[knob]
        on_figure = kind < _KIND_WEIGHT
        figures[np.flatnonzero(on_figure), kind[on_figure], column[on_figure]] = value[on_figure]
        weights[np.flatnonzero(~on_figure), column[~on_figure]] = value[~on_figure]
        return model.picks(figures[:, 0], figures[:, 1], figures[:, 2], weights)


def _search(model: _Model, knobs: _Knobs, pick: int) -> tuple[IntArray, FloatArray, IntArray]:
    """For each knob, upwards then downwards: the closest value that flips the pick.

    Returns, per search: the knob, the value (NaN where none flips) and the new pick column
    (-1 where none flips). One pass over a geometric grid from the current value to the
    limit, then bisection on the first step that flips, every search in one batch.
    """
    count = len(knobs.current)
    knob = np.concatenate([np.arange(count), np.arange(count)])
    limit = np.concatenate([knobs.highest, knobs.lowest])
    start = knobs.current[knob]
    steps = np.arange(1, _GRID_STEPS + 1) / _GRID_STEPS
    grid = start[:, None] * (limit / start)[:, None] ** steps
    picks = knobs.picks(model, np.repeat(knob, _GRID_STEPS), grid.ravel()).reshape(grid.shape)
    flipped = (picks != pick) & (picks >= 0)
    rows = np.flatnonzero(flipped.any(axis=1))
    first = np.argmax(flipped[rows], axis=1)
    inside = np.where(first == 0, start[rows], grid[rows, first - 1])
    outside = grid[rows, first]
    for _ in range(_BISECTIONS):
        middle = (inside + outside) / 2
        moved = knobs.picks(model, knob[rows], middle)
        flips = (moved != pick) & (moved >= 0)
        outside = np.where(flips, middle, outside)
        inside = np.where(flips, inside, middle)
    new_pick = np.full(len(knob), -1, dtype=np.int64)
    value = np.full(len(knob), np.nan)
    if len(rows):
        new_pick[rows] = knobs.picks(model, knob[rows], outside)
        value[rows] = outside
    return knob, value, new_pick


def _display(value: float, direction: Direction, step: float) -> float:
    """``value`` rounded to ``step`` away from the threshold, so the text stays true."""
    rounded = (np.ceil if direction == "above" else np.floor)(value / step) * step
    return float(round(rounded, 10))


def _people_step(people: float) -> float:
    """The precision the people format shows: one decimal of thousands, millions, billions."""
    unit = 1000.0 ** max(0, int(np.floor(np.log10(max(people, 1.0)) / 3)))
    return unit / 10


@dataclass(frozen=True)
class _Flip:
    knob: int
    kind: int
    column: int
    current: float
    value: float
    new_pick: str

    @property
    def direction(self) -> Direction:
        return "above" if self.value > self.current else "below"

    def note(self, model: _Model) -> Note:
        if self.kind == _KIND_WEIGHT:
            others = float(model.raw_weights.sum()) - self.current
            share = self.value / (self.value + others)
            return Note(
                key=f"uncertainty.flip_weight_{FACTORS[self.column]}_{self.direction}",
                params={"runner": self.new_pick, "share": _display(share, self.direction, 0.001)},
            )
        name = INPUTS[self.kind]
        params: dict[str, str | int | float] = {
            "runner": self.new_pick,
            "platform": model.platforms[self.column],
        }
        if name == "audience":
            step = _people_step(self.value)
            params["people"] = _display(self.value, self.direction, step)
        elif name == "match":
            params["share"] = _display(self.value, self.direction, 0.001)
        else:
            params["share"] = _display(self.value / 100, self.direction, 0.001)
            params["segment"] = model.segment
        return Note(key=f"uncertainty.flip_{name}_{self.direction}", params=params)


def _flips(model: _Model, pick: int) -> tuple[FlipCondition, ...]:
    knobs = _Knobs.of(model)
    if not len(knobs.current):
        return ()
    knob, value, new_pick = _search(model, knobs, pick)
    closest: dict[int, _Flip] = {}
    for search in np.flatnonzero(new_pick >= 0).tolist():
        k = int(knob[search])
        flip = _Flip(
            knob=k,
            kind=int(knobs.kind[k]),
            column=int(knobs.column[k]),
            current=float(knobs.current[k]),
            value=float(value[search]),
            new_pick=model.platforms[int(new_pick[search])],
        )
        if k not in closest or _change(flip) < _change(closest[k]):
            closest[k] = flip
    conditions = []
    for flip in sorted(closest.values(), key=_change)[:FLIPS_SHOWN]:
        weight = flip.kind == _KIND_WEIGHT
        conditions.append(
            FlipCondition(
                input="weight" if weight else INPUTS[flip.kind],
                platform=None if weight else model.platforms[flip.column],
                factor=FACTORS[flip.column] if weight else None,
                current=flip.current,
                value=flip.value,
                relative_change=flip.value / flip.current - 1,
                new_pick=flip.new_pick,
                plausible=bool(
                    knobs.plausible_low[flip.knob] <= flip.value <= knobs.plausible_high[flip.knob]
                ),
                note=flip.note(model),
            )
        )
    return tuple(conditions)


def _change(flip: _Flip) -> float:
    return abs(flip.value / flip.current - 1)


# -- the public entry point -----------------------------------------------------------------


def win_probabilities(
    persona: Persona,
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    margins: Margins = DEFAULT_MARGINS,
) -> Uncertainty:
    """How often each network ranks first over ``draws`` plausible scenarios, and what flips it.

    Seeded: the same arguments give the same result. Blocked networks get 0 even when
    ``include_blocked`` scores them (they are never the pick). ``margins`` sets the default
    ranges; ``Margins(secondary=0, low=0, weight=0)`` leaves only the data's own spread.
    """
    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be between 1 and {MAX_DRAWS:,}, not {draws}")
    if seed < 0:
        raise ValueError(f"seed must be 0 or above, not {seed}")
    weights = weights or default_weights(persona.goal)
    arrays = score_arrays(
        evidence, persona.region, PersonaArrays.of([persona]), [weights], include_blocked
    )
    model = _Model(
        figures=_figure_ranges(persona, evidence, arrays.platforms, margins),
        raw_weights=np.array([getattr(weights, f) for f in FACTORS], dtype=np.float64),
        scored=np.asarray(arrays.scored[0]),
        restricted=np.array([s == "restricted" for s in arrays.status]),
        recommendable=np.array([s != "blocked" for s in arrays.status]),
        penalty=weights.restricted_penalty,
        band=margins.weight,
        platforms=arrays.platforms,
        segment=persona.segment,
    )
    pick = int(pick_index(arrays.score, model.recommendable)[0])
    probabilities = _win_probabilities(model.simulate(draws, seed), model)
    return Uncertainty(
        draws=draws,
        seed=seed,
        margins=margins,
        probabilities=probabilities,
        confidence=_confidence(arrays.platforms[pick], probabilities) if pick >= 0 else None,
        flips_if=_flips(model, pick) if pick >= 0 else (),
        ranges=_ranges(model.figures, arrays.platforms),
    )


__all__ = [
    "DEFAULT_DRAWS",
    "DEFAULT_MARGINS",
    "LOW_AUTHORITY_MARGIN",
    "MAX_DRAWS",
    "SECONDARY_MARGIN",
    "WEIGHT_BAND",
    "Confidence",
    "FlipCondition",
    "Margins",
    "PlausibleRange",
    "Uncertainty",
    "WinProbability",
    "win_probabilities",
]
