"""What flips the pick: the one figure or weight whose smallest change puts another network first.

The search walks each input of each network on a grid of ratios, then bisects the first
step that changes the pick (see README, "How sure is the pick").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from smmfit.data.distribution import FloatArray, IntArray
from smmfit.models import FACTORS, Factor, Note
from smmfit.ranking.ranges import AUDIENCE, INPUTS, MATCH, SEGMENT
from smmfit.ranking.scenarios import Scenarios
from smmfit.types import Frozen

FLIPS_SHOWN = 3


# The flip search: a geometric grid from the current value to the limit of each input, then
# bisection on the first step that flips the pick.
KIND_WEIGHT = 3  # flip-search kinds: 0 match, 1 audience, 2 segment (INPUTS order), 3 weight
_GRID_STEPS = 48


_BISECTIONS = 40


_SMALLEST_RATIO = 1e-3  # search down to a thousandth of the current value


_AUDIENCE_LARGEST_RATIO = 100.0  # and audiences up to a hundred times it


_MAX_WEIGHT = 100.0  # Weights' own upper limit


FlipInput = Literal["match", "audience", "segment", "weight"]


Direction = Literal["above", "below"]


class FlipCondition(Frozen):
    """One figure or weight whose change, all else equal, makes another network the pick.

    ``value`` is just past the threshold (applied, it flips the pick); for a weight it is the
    raw weight with the other two unchanged. ``plausible`` says whether it lies in the range
    the scenarios draw from.
    """

    input: FlipInput
    platform: str | None
    factor: Factor | None
    current: float
    value: float
    relative_change: float
    new_pick: str
    plausible: bool
    note: Note


@dataclass(frozen=True)
class _Knobs:
    """The inputs the flip search turns, one at a time, as parallel arrays."""

    kind: IntArray  # INPUTS index, or KIND_WEIGHT
    column: IntArray  # platform column, or factor index for a weight
    current: FloatArray
    lowest: FloatArray
    highest: FloatArray
    plausible_low: FloatArray
    plausible_high: FloatArray

    @classmethod
    def of(cls, model: Scenarios) -> _Knobs:
        """Every known, positive figure of a scored network, and every weight above 0."""
        figures, base = model.figures, model.base
        match_parts = [MATCH]
        plausible = (
            (figures.low[match_parts].prod(axis=0), figures.high[match_parts].prod(axis=0)),
            (figures.low[AUDIENCE], figures.high[AUDIENCE]),
            (figures.low[SEGMENT], figures.high[SEGMENT]),
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
                    (KIND_WEIGHT, index, weight, weight * _SMALLEST_RATIO, _MAX_WEIGHT,
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

    def picks(self, model: Scenarios, knob: IntArray, value: FloatArray) -> IntArray:
        """The pick of each row: the chosen figures with one knob per row set to a value."""
        rows = len(knob)
        figures = np.repeat(model.base[None], rows, axis=0)  # (rows, inputs, platforms)
        weights = np.repeat(model.raw_weights[None], rows, axis=0)
        kind, column = self.kind[knob], self.column[knob]
        on_figure = kind < KIND_WEIGHT
        figures[np.flatnonzero(on_figure), kind[on_figure], column[on_figure]] = value[on_figure]
        weights[np.flatnonzero(~on_figure), column[~on_figure]] = value[~on_figure]
        return model.picks(figures[:, 0], figures[:, 1], figures[:, 2], weights)


def _search(model: Scenarios, knobs: _Knobs, pick: int) -> tuple[IntArray, FloatArray, IntArray]:
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

    def note(self, model: Scenarios) -> Note:
        if self.kind == KIND_WEIGHT:
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


def find_flips(model: Scenarios, pick: int) -> tuple[FlipCondition, ...]:
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
        weight = flip.kind == KIND_WEIGHT
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
