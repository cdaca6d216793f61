"""Many personas at once: one row per persona with the pick, the runner-up and every score.

:class:`PersonaColumns` holds a batch as columns (what a file of a million rows fits in);
:func:`rank_columns` ranks it, :func:`rank_batch` does the same for persona models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from smmfit.data import Evidence
from smmfit.data.distribution import IntArray
from smmfit.models import (
    FACTORS,
    GENDERS,
    GOALS,
    MAX_AGE,
    MAX_NAME_LENGTH,
    MIN_AGE,
    SEGMENTS,
    SETTLEMENTS,
    Goal,
    Persona,
    Weights,
    clean_names,
    default_weights,
    expand_devices,
    normalise_region,
    settlements_for,
)
from smmfit.ranking.decision import CLOSE_CALL_SHARE, decision_order
from smmfit.ranking.engine import (
    ALL_DEVICES_MASK,
    GENDER_CODES,
    BoolArray,
    PersonaArrays,
    device_mask,
    score_arrays,
)
from smmfit.ranking.scenarios import persona_keys, win_shares

# Scenarios per persona in a batch: enough to find the most likely winner where one network
# leads clearly, and to flag the rest as close calls; `assess` draws 10,000 for one persona.
BATCH_DRAWS = 200

# Personas of one region ranked at a time: the arrays of a region's figures, bounds and
# scenarios grow with them, while each group costs some fixed work (about a hundred array
# operations); a few thousand share it well and keep a group's arrays to a few MB.
_GROUP_ROWS = 2_500

# Rows put in the decision rule's order at a time (bounds the memory of a chunk's orders).
_ORDER_ROWS = 4_096

# Codes of the columns that are not numbers, in a fixed order: persona keys are built from
# them, so they must not depend on the batch.
GOAL_CODES: tuple[Goal | None, ...] = (None, *GOALS)
SETTLEMENT_CODES: tuple[str | None, ...] = (None, *SETTLEMENTS)

ObjectArray = npt.NDArray[np.object_]

# A cell the quick check of PersonaColumns.of_cells leaves to the model.
_FLAG = -1
_GOAL_INDEX: dict[str, int] = {goal: GOAL_CODES.index(goal) for goal in GOALS}


def _age(value: str) -> int:
    # Plain digits only: pydantic also reads " 25", "+25" and "25.0", which the model decides.
    if not (value.isascii() and value.isdigit() and len(value) <= 3):
        raise ValueError(value)
    age = int(value)
    if not MIN_AGE <= age <= MAX_AGE:
        raise ValueError(value)
    return age


def _choice(allowed: Sequence[str], codes: dict[str, int]) -> Callable[[str], int]:
    def parse(value: str) -> int:
        if value not in allowed:  # a Literal takes its values as spelt, nothing else
            raise ValueError(value)
        return codes[value]

    return parse


def _settlement(value: str) -> int:
    # As Persona._settlement: any case, surrounding blanks, a blank cell means everyone.
    code = value.strip().lower()
    if not code:
        return 0
    if code not in SETTLEMENTS:
        raise ValueError(value)
    return SETTLEMENT_CODES.index(code)


@dataclass(frozen=True)
class PersonaColumns:
    """Validated personas as columns, one entry per persona (codes as in GOAL_CODES etc.)."""

    name: ObjectArray
    region: ObjectArray
    age_min: IntArray
    age_max: IntArray
    gender: IntArray  # GENDER_CODES
    devices: IntArray  # device_mask
    segment_b2b: BoolArray
    goal: IntArray  # GOAL_CODES
    settlement: IntArray  # SETTLEMENT_CODES

    @classmethod
    def of(cls, personas: Sequence[Persona]) -> PersonaColumns:
        return cls(
            name=np.array([p.name for p in personas], dtype=object),
            region=np.array([p.region for p in personas], dtype=object),
            age_min=np.array([p.age_min for p in personas], dtype=np.int64),
            age_max=np.array([p.age_max for p in personas], dtype=np.int64),
            gender=np.array([GENDER_CODES[p.gender] for p in personas], dtype=np.int64),
            devices=np.array([device_mask(p.devices) for p in personas], dtype=np.int64),
            segment_b2b=np.array([p.segment == "b2b" for p in personas], dtype=bool),
            goal=np.array([GOAL_CODES.index(p.goal) for p in personas], dtype=np.int64),
            settlement=np.array(
                [SETTLEMENT_CODES.index(p.settlement) for p in personas], dtype=np.int64
            ),
        )

    @classmethod
    def concat(cls, parts: Sequence[PersonaColumns]) -> PersonaColumns:
        """The parts one after another (no parts: no personas)."""
        parts = list(parts) or [cls.of([])]
        return cls(
            **{
                field.name: np.concatenate([getattr(part, field.name) for part in parts])
                for field in fields(cls)
            }
        )

    def rows(self, chosen: slice | IntArray) -> PersonaColumns:
        """The personas in ``chosen`` (a slice, or their rows in any order), as columns."""
        return PersonaColumns(
            **{field.name: getattr(self, field.name)[chosen] for field in fields(self)}
        )

    @classmethod
    def of_cells(
        cls, cells: dict[str, Sequence[str]], count: int
    ) -> tuple[PersonaColumns, BoolArray]:
        """``count`` personas from text cells by column ("" or no column: the field's default),
        and which rows the quick check cannot vouch for.

        A row not flagged holds exactly what :class:`~smmfit.models.Persona` would make of it
        (the same region and device rules, codes in plain spelling); a flagged row holds
        defaults, and only :class:`Persona` can say whether it is valid and what it means
        (lenient numbers such as " 25", or an error). Each distinct cell is checked once: a
        file repeats few values per column.
        """
        flagged = np.zeros(count, dtype=bool)

        def column(name: str, parse: Callable[[str], int], default: int) -> IntArray:
            given = cells.get(name)
            if given is None:
                return np.full(count, default, dtype=np.int64)
            where, distinct = pd.factorize(np.asarray(given, dtype=object))
            table = np.empty(len(distinct), dtype=np.int64)
            for index, value in enumerate(distinct.tolist()):
                try:
                    table[index] = parse(value) if value else default
                except ValueError:
                    table[index] = _FLAG
            values = table[where]
            flagged[values == _FLAG] = True
            return values

        region_codes: dict[str, int] = {}

        def region(value: str) -> int:
            return region_codes.setdefault(normalise_region(value), len(region_codes))

        default_region = region(Persona.model_fields["region"].get_default())
        regions = column("region", region, default_region)
        by_code = np.array(list(region_codes), dtype=object)
        names = list(cells.get("name", [""] * count))
        flagged |= np.fromiter(map(len, names), dtype=np.int64, count=count) > MAX_NAME_LENGTH
        result = cls(
            name=np.array(clean_names(names), dtype=object),
            region=by_code[np.where(regions == _FLAG, default_region, regions)],
            age_min=column("age_min", _age, int(Persona.model_fields["age_min"].get_default())),
            age_max=column("age_max", _age, int(Persona.model_fields["age_max"].get_default())),
            gender=column("gender", _choice(GENDERS, GENDER_CODES), GENDER_CODES["any"]),
            devices=column("devices", lambda v: device_mask(expand_devices(v)), ALL_DEVICES_MASK),
            segment_b2b=column("segment", _choice(SEGMENTS, {"b2b": 1, "b2c": 0}), 0) == 1,
            goal=column("goal", _choice(GOALS, _GOAL_INDEX), 0),
            settlement=column("settlement", _settlement, 0),
        )
        flagged |= result.age_min > result.age_max
        # A settlement type belongs to one country (Persona._settlement_fits_region).
        fits = np.array(
            [[code in settlements_for(str(r)) for code in SETTLEMENT_CODES[1:]] for r in by_code],
            dtype=bool,
        ).reshape(len(by_code), len(SETTLEMENTS))
        chosen = result.settlement > 0
        fitting = fits[np.where(regions == _FLAG, 0, regions), np.maximum(result.settlement - 1, 0)]
        flagged |= chosen & (result.settlement != _FLAG) & ~fitting
        return result, flagged

    def put(self, row: int, persona: Persona) -> None:
        """Row ``row`` set to ``persona`` (the model's reading of a flagged row)."""
        one = PersonaColumns.of([persona])
        for field in fields(self):
            getattr(self, field.name)[row] = getattr(one, field.name)[0]

    def __len__(self) -> int:
        return len(self.age_min)

    def codes(self) -> IntArray:
        """Everything but the name as integers, shaped (personas, fields): two personas with
        equal rows are the same audience."""
        where, distinct = pd.factorize(self.region)
        region = np.array(
            [int.from_bytes(str(code).encode(), "little") for code in distinct], dtype=np.int64
        )[where]
        return np.stack(
            [
                region, self.age_min, self.age_max, self.gender, self.devices,
                self.segment_b2b.astype(np.int64), self.goal, self.settlement,
            ],
            axis=1,
        )  # fmt: skip

    def distinct(self) -> tuple[IntArray, IntArray, IntArray]:
        """The distinct personas' :meth:`codes`, the row where each first appears, and each
        row's distinct persona (a batch repeats the same audience under many names)."""
        codes = self.codes()
        # Each row as one number (its fields in mixed radix), hashed instead of sorted.
        key = np.zeros(len(codes), dtype=np.int64)
        radix = 1
        for field in pd.factorize(self.region)[0], *codes[:, 1:].T:
            size = int(field.max(initial=0)) + 1
            if field.min(initial=0) < 0 or radix * size >= 2**62:
                _, first, inverse = np.unique(codes, axis=0, return_index=True, return_inverse=True)
                return codes[first], first, inverse.reshape(-1)
            key = key * size + field
            radix *= size
        inverse, _ = pd.factorize(key)
        _, first = np.unique(inverse, return_index=True)
        return codes[first], first, inverse

    def people(self, rows: IntArray) -> PersonaArrays:
        return PersonaArrays(
            age_min=self.age_min[rows],
            age_max=self.age_max[rows],
            gender=self.gender[rows],
            devices=self.devices[rows],
            segment_b2b=self.segment_b2b[rows],
        )


def rank_batch(
    personas: Sequence[Persona],
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    as_of: date | None = None,
    *,
    draws: int = BATCH_DRAWS,
    seed: int = 0,
) -> pd.DataFrame:
    """One row per persona (name, region, settlement type): the pick, how often it comes out
    first, whether it is a close call, the runner-up and every network's score
    (:func:`rank_columns`)."""
    return rank_columns(
        PersonaColumns.of(personas), evidence, weights, include_blocked, as_of,
        draws=draws, seed=seed,
    )  # fmt: skip


def rank_columns(
    personas: PersonaColumns,
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    as_of: date | None = None,
    *,
    draws: int = BATCH_DRAWS,
    seed: int = 0,
) -> pd.DataFrame:
    """One row per persona (name, region, settlement type): the pick, how often it comes out
    first, whether it is a close call, how many scenarios say so, the runner-up and every
    network's score.

    The pick follows the decision rule (:mod:`smmfit.ranking.decision`): the network most
    often first over up to ``draws`` plausible scenarios per persona, drawn as for one
    persona; a persona whose answer is beyond doubt sooner stops sooner
    (:func:`~smmfit.ranking.scenarios.win_shares`). A persona's scenarios depend on it and
    ``seed`` alone, so its row is the same in any batch. Without explicit ``weights`` each
    persona gets its goal's default weights. Availability is taken as of ``as_of`` (default
    today), per persona: an age-scoped rule concerns only the personas whose ages it covers.
    """
    as_of = as_of or date.today()
    platforms = tuple(evidence.dataset.platforms)
    # Each distinct persona is ranked once: a batch repeats the same audience under many
    # names (campaigns, clients). A persona's name does not change its figures.
    codes, first, inverse = personas.distinct()
    keys = persona_keys(codes, seed)
    scores = np.full((len(first), len(platforms)), np.nan)
    wins = np.zeros((len(first), len(platforms)))
    used = np.zeros(len(first), dtype=np.int64)
    recommendable = np.zeros((len(first), len(platforms)), dtype=bool)
    distinct_regions = personas.region[first]
    goal_weights = [weights or default_weights(goal) for goal in GOAL_CODES]
    raw_by_goal = np.array([[getattr(w, f) for f in FACTORS] for w in goal_weights])
    penalty_by_goal = np.array([w.restricted_penalty for w in goal_weights])
    groups = (
        (str(region), part)
        for region in sorted(set(distinct_regions.tolist()))
        for every in [np.flatnonzero(distinct_regions == region)]
        for part in np.array_split(every, -(-len(every) // _GROUP_ROWS))
    )
    for region, rows in groups:
        source = first[rows]
        goals = personas.goal[source]
        people = personas.people(source)
        group_weights = [weights] if weights else [goal_weights[int(g)] for g in goals]
        arrays = score_arrays(
            evidence, str(region), people, group_weights, include_blocked, as_of=as_of
        )
        scores[rows] = arrays.score
        recommendable[rows] = arrays.recommendable
        wins[rows], used[rows] = win_shares(
            people,
            str(region),
            evidence,
            arrays,
            raw_weights=raw_by_goal[goals],
            penalty=penalty_by_goal[goals],
            keys=keys[rows],
            draws=draws,
        )
    # The pick and the runner-up in the single ranking's order (decision.decision_order).
    # Shares where a network can be recommended, worked out in place (a chunk's arrays are
    # tens of MB); distinct personas spread out to the batch's rows unless they are its rows.
    chances = wins
    chances[~recommendable] = 0.0
    if not np.array_equal(inverse, np.arange(len(inverse))):
        scores, chances, recommendable = scores[inverse], chances[inverse], recommendable[inverse]
        used = used[inverse]
    rows = np.arange(len(personas))
    # A few thousand rows at a time: each row's order is its own, and only its first two
    # places are kept (the whole order of a chunk is as large as its scores).
    order = np.zeros((len(rows), min(2, len(platforms))), dtype=np.intp)
    for start in range(0, len(rows), _ORDER_ROWS):
        part = slice(start, start + _ORDER_ROWS)
        order[part] = decision_order(chances[part], recommendable[part], scores[part])[:, :2]
    pick = order[:, 0] if platforms else np.zeros(len(rows), dtype=np.intp)
    runner = order[:, 1] if len(platforms) > 1 else pick
    eligible = recommendable & ~np.isnan(scores)
    # Text columns as categories: few distinct values, and the CSV writer then checks each
    # value once, not once per row.
    columns: dict[str, object] = {
        "name": personas.name,
        "region": pd.Categorical(personas.region),
        # A settlement type is echoed, not scored: no figure splits by it (explain._gaps).
        "settlement": pd.Categorical.from_codes(
            personas.settlement - 1, categories=pd.Index(list(SETTLEMENTS))
        ),
    }
    has_pick = chances[rows, pick] > 0
    for label, chosen, valid in (
        ("pick", pick, has_pick),
        ("runner_up", runner, eligible[rows, runner] & (runner != pick) & has_pick),
    ):
        codes = np.where(valid, chosen, -1)
        columns[label] = pd.Categorical.from_codes(codes, categories=pd.Index(list(platforms)))
        columns[f"{label}_score"] = np.where(valid, scores[rows, chosen].round(2), np.nan)
        columns[f"{label}_probability"] = np.where(valid, chances[rows, chosen], np.nan)
    columns["close_call"] = has_pick & (chances[rows, pick] < CLOSE_CALL_SHARE)
    columns["scenarios"] = used
    for j, platform in enumerate(platforms):
        columns[f"score_{platform}"] = scores[:, j].round(2)
    # One frame of all the columns: adding forty columns one by one cost more than ranking.
    table = pd.DataFrame(columns)
    return table
