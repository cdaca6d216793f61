"""The vectorised scoring engine: every number for any count of personas in one region.

:func:`score_arrays` computes match share, reach, affinity and segment fit for each persona
and network; :func:`scores_from_figures` turns figures into factor scores and the composite
(scenarios reuse it); :func:`pick_order` is the one pick rule every caller uses. The method
is written up in README.md ("How the score works").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from smmfit.data import (
    Availability,
    Dataset,
    DeviceMix,
    Distribution,
    Evidence,
)
from smmfit.data.availability import SEVERITY, history, status_on
from smmfit.data.cells import CellQuery
from smmfit.data.distribution import FloatArray, IntArray
from smmfit.models import (
    DEVICE_GROUPS,
    FACTORS,
    MAX_AGE,
    MIN_AGE,
    OPERATING_SYSTEMS,
    Factor,
    Persona,
    Status,
    Weights,
)

BoolArray = npt.NDArray[np.bool_]


GENDER_CODES = {"female": 0, "male": 1, "any": 2}


def device_mask(devices: Sequence[str]) -> int:
    """Bit mask of operating systems, in OPERATING_SYSTEMS order."""
    return sum(1 << OPERATING_SYSTEMS.index(os) for os in devices)


ALL_DEVICES_MASK = (1 << len(OPERATING_SYSTEMS)) - 1


def _group_share(mix: DeviceMix, group: str, mask: int) -> float:
    """Share of the audience using the group's systems in ``mask``; NaN where unpublished."""
    systems = DEVICE_GROUPS[group]
    chosen = [os for os in systems if mask & (1 << OPERATING_SYSTEMS.index(os))]
    if not chosen:
        return 0.0
    kind = mix.kinds.get(group, np.nan)
    if len(chosen) == len(systems):
        return kind
    return kind * sum(mix.systems.get(os, np.nan) for os in chosen)


def device_share(mix: DeviceMix | None, mask: int) -> float:
    """Share of the audience on the persona's devices, or NaN if the data cannot say.

    Mobile and desktop use overlap (people use both), so the union assumes independence:
    1 - (1 - mobile share) * (1 - desktop share).
    """
    if mask == ALL_DEVICES_MASK:
        return 1.0
    if mix is None:
        return float("nan")
    mobile = _group_share(mix, "mobile", mask)
    desktop = _group_share(mix, "desktop", mask)
    return float(1 - (1 - mobile) * (1 - desktop))


@dataclass(frozen=True)
class PersonaArrays:
    """Many personas of one region as parallel arrays (the batch engine's input)."""

    age_min: IntArray
    age_max: IntArray
    gender: IntArray  # GENDER_CODES
    devices: IntArray  # device_mask
    segment_b2b: BoolArray

    @classmethod
    def of(cls, personas: Sequence[Persona]) -> PersonaArrays:
        return cls(
            age_min=np.array([p.age_min for p in personas], dtype=np.int64),
            age_max=np.array([p.age_max for p in personas], dtype=np.int64),
            gender=np.array([GENDER_CODES[p.gender] for p in personas], dtype=np.int64),
            devices=np.array([device_mask(p.devices) for p in personas], dtype=np.int64),
            segment_b2b=np.array([p.segment == "b2b" for p in personas], dtype=bool),
        )

    def __len__(self) -> int:
        return len(self.age_min)

    def cells(self) -> CellQuery:
        """Each persona's cells (ages and sexes) for :meth:`PeopleCells.query`."""
        # Settlement type is not an axis: no figure splits by it yet, so reach is
        # whole-country (PlatformEvidence.splits_by_settlement). A split would add it here.
        sexes = np.stack(
            [self.gender != GENDER_CODES["male"], self.gender != GENDER_CODES["female"]], axis=1
        )
        return CellQuery(age_min=self.age_min, age_max=self.age_max, sexes=sexes)


@dataclass(frozen=True)
class ScoreArrays:
    """Every number of the ranking, shaped (personas, platforms).

    ``status`` holds each persona's status of each network on ``as_of`` (an age-scoped
    restriction concerns some personas and not others); ``restricted`` and ``recommendable``
    are the same as arrays.
    """

    platforms: tuple[str, ...]
    as_of: date
    status: tuple[tuple[Status, ...], ...]
    restricted: BoolArray
    recommendable: BoolArray
    scored: BoolArray
    match: FloatArray
    match_low: FloatArray
    match_high: FloatArray
    population_share: FloatArray
    # Everyone in each persona's cells (people, NaN without a population): no network reaches
    # more, in any scenario.
    persona_people: FloatArray
    affinity: FloatArray
    audience: FloatArray  # everyone on the network in the region (people)
    reach: FloatArray  # people on the network in the persona's cells, times device share
    reach_low: FloatArray
    reach_high: FloatArray
    estimated: BoolArray  # the reach includes cells no figure covers: a range, not a number
    segment_value: FloatArray
    factor_scores: dict[Factor, FloatArray]
    score: FloatArray


def share_bounds(
    distribution: Distribution | None, low: IntArray, high: IntArray, whole: BoolArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Low, estimate, high of the share in [low, high]; covering everything is 1 without data."""
    if distribution is None:
        value = np.where(whole, 1.0, np.nan)
        return value, value, value
    return distribution.share_between(low, high)


def age_query(people: PersonaArrays) -> tuple[IntArray, IntArray, BoolArray]:
    """Each persona's ages on the age axis, and whether they cover every age."""
    whole = (people.age_min <= MIN_AGE) & (people.age_max >= MAX_AGE)
    return people.age_min, people.age_max, whole


def gender_query(people: PersonaArrays) -> tuple[IntArray, IntArray, BoolArray]:
    """Each persona's genders on the gender axis (0 = female, 1 = male), and whether both."""
    low = np.where(people.gender == GENDER_CODES["male"], 1, 0)
    high = np.where(people.gender == GENDER_CODES["female"], 0, 1)
    return low, high, people.gender == GENDER_CODES["any"]


ALL_AGES = (MIN_AGE, MAX_AGE)


def availability_of(
    dataset: Dataset,
    platform: str,
    region: str,
    as_of: date | None = None,
    ages: tuple[int, int] = ALL_AGES,
) -> Availability | None:
    """The record that decides the network's status on ``as_of`` (default today) for these
    ages, or ``None`` when none is in force (:func:`smmfit.data.availability.status_on`)."""
    return status_on(dataset, platform, region, as_of or date.today(), ages)[1]


def status_of(
    dataset: Dataset,
    platform: str,
    region: str,
    as_of: date | None = None,
    ages: tuple[int, int] = ALL_AGES,
) -> Status:
    """The network's status on ``as_of`` (default today) for these ages."""
    return status_on(dataset, platform, region, as_of or date.today(), ages)[0]


def status_matrix(
    dataset: Dataset, platforms: Sequence[str], region: str, people: PersonaArrays, as_of: date
) -> tuple[tuple[tuple[Status, ...], ...], IntArray]:
    """Each persona's status of each network, as names and as severities (0 available,
    1 restricted, 2 blocked), shaped (personas, platforms); computed once per age range."""
    pairs = list(zip(people.age_min.tolist(), people.age_max.tolist(), strict=True))
    # Only an age-scoped record makes a status depend on the ages: every other network's
    # status is looked up once, not once per age range (a batch has thousands of ranges).
    scoped = [
        any(record.scope_kind == "ages" for record in history(dataset, p, region))
        for p in platforms
    ]
    whole = tuple(status_of(dataset, p, region, as_of) for p in platforms)
    if not any(scoped):
        once = np.array([SEVERITY[s] for s in whole], dtype=np.int64)
        return (whole,) * len(pairs), np.tile(once, (len(pairs), 1)).reshape(len(pairs), len(once))
    by_range: dict[tuple[int, int], tuple[Status, ...]] = {}
    for pair in pairs:
        if pair not in by_range:
            by_range[pair] = tuple(
                status_of(dataset, p, region, as_of, pair) if ages else status
                for p, ages, status in zip(platforms, scoped, whole, strict=True)
            )
    position = {pair: i for i, pair in enumerate(by_range)}
    # Few distinct rows of statuses: each is turned into severities once.
    severity_of: dict[tuple[Status, ...], list[int]] = {}
    for row in by_range.values():
        if row not in severity_of:
            severity_of[row] = [SEVERITY[s] for s in row]
    severity = np.array([severity_of[row] for row in by_range.values()], dtype=np.int64).reshape(
        len(by_range), len(platforms)
    )
    rows = np.array([position[pair] for pair in pairs], dtype=np.int64)
    return tuple(by_range[pair] for pair in pairs), severity[rows]


def _persona_population(
    evidence: Evidence, region: str, people: PersonaArrays
) -> tuple[FloatArray, float]:
    """Everyone in each persona's cells, and the region's population aged 13+ (NaN without a
    baseline)."""
    if not evidence.population.has(region):
        return np.full(len(people), np.nan), np.nan
    target = np.zeros(len(people))
    for code, sexes in ((0, ["female"]), (1, ["male"]), (2, ["female", "male"])):
        chosen = people.gender == code
        if chosen.any():
            target[chosen] = evidence.population.people(
                region, sexes, people.age_min[chosen], people.age_max[chosen]
            )
    base = evidence.population.people_one(region, ["female", "male"], MIN_AGE, MAX_AGE)
    return target, base


def persona_population(evidence: Evidence, persona: Persona) -> float:
    """Everyone in one persona's cells (NaN without a population baseline for its region): no
    network reaches more (the scenarios' cap)."""
    people, _ = _persona_population(evidence, persona.region, PersonaArrays.of([persona]))
    return float(people[0])


def relative_scores(values: FloatArray, scored: BoolArray) -> FloatArray:
    """100 for the best scored network of each row, others in proportion; NaN stays NaN."""
    masked = np.where(scored, values, np.nan)
    best = np.max(np.where(np.isnan(masked), -np.inf, masked), axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(best > 0, masked / best * 100, np.nan)
    return np.asarray(result, dtype=np.float64)


def weight_matrix(weights: Sequence[Weights], count: int) -> tuple[FloatArray, FloatArray]:
    """Normalised weights, shaped (count, factors), and restricted penalties, shaped (count,).

    ``weights`` holds one entry for all rows or one per row.
    """
    # A batch passes a few objects (one per goal) many times: each is worked out once.
    each = list({id(w): w for w in weights}.values())
    position = {id(w): i for i, w in enumerate(each)}
    which = np.array([position[id(w)] for w in weights], dtype=np.intp)
    normalised = np.array([[w.normalised()[f] for f in FACTORS] for w in each])[which]
    penalty = np.array([w.restricted_penalty for w in each])[which]
    normalised = normalised.reshape(len(weights), len(FACTORS))
    if len(weights) == 1:
        normalised = np.repeat(normalised, count, axis=0)
        penalty = np.repeat(penalty, count)
    return normalised, penalty


def effective_weights(
    factor_scores: dict[Factor, FloatArray], normalised: FloatArray, scored: BoolArray
) -> FloatArray:
    """Each row's weights over the factors some scored network has evidence for, summing to 1."""
    known_somewhere = np.stack(
        [(~np.isnan(factor_scores[f]) & scored).any(axis=1) for f in FACTORS], axis=1
    )
    weights = normalised * known_somewhere
    total = weights.sum(axis=1, keepdims=True)
    return np.asarray(
        np.divide(weights, total, out=np.zeros_like(weights), where=total > 0), dtype=np.float64
    )


# An unknown factor's score in the centre scenario: the middle of its 0-100 range.
UNKNOWN_FACTOR_SCORE = 50.0


def composite_scores(
    factor_scores: dict[Factor, FloatArray],
    normalised: FloatArray,
    penalty: FloatArray,
    restricted: BoolArray,
    scored: BoolArray,
    *,
    unknown: FloatArray | None = None,
) -> FloatArray:
    """Weighted sum of factor scores; restricted networks are multiplied by the penalty.

    ``normalised`` holds each row's weights in FACTORS order. A factor no scored network has
    evidence for is left out of that row and the other weights renormalised (it measures
    nothing). A factor known for some networks but not for one is unknown there: it counts
    at ``unknown`` (shaped like the scores, within 0-100), by default the middle of its range;
    the scenarios draw it across the whole range (:mod:`smmfit.ranking.scenarios`).
    """
    weights = effective_weights(factor_scores, normalised, scored)
    fill = UNKNOWN_FACTOR_SCORE if unknown is None else unknown
    composite = np.zeros(factor_scores[FACTORS[0]].shape)
    for i, factor in enumerate(FACTORS):
        values = factor_scores[factor]
        composite += weights[:, [i]] * np.where(np.isnan(values), fill, values)
    return np.where(restricted, composite * penalty[:, None], composite)


def _complete_scores(
    figures: tuple[FloatArray, FloatArray, FloatArray], scored: BoolArray, normalised: FloatArray
) -> tuple[dict[Factor, FloatArray], FloatArray] | None:
    """The factor scores and effective weights where every network is scored and each factor
    is known for every network of every row (with a best above 0) or for none; else ``None``.

    Then no row differs in which factors count and nothing is unknown, so the general path's
    masks are not needed (scenarios score millions of such rows); the numbers are the same.
    """
    if not scored.all():
        return None
    factor_scores: dict[Factor, FloatArray] = {}
    known = np.zeros(len(FACTORS), dtype=bool)
    for i, (factor, values) in enumerate(zip(FACTORS, figures, strict=True)):
        # One pass where the figures are complete (their sum is a number), as is usual.
        if np.isnan(values.sum()):
            if not np.isnan(values).all():
                return None
            factor_scores[factor] = np.broadcast_to(np.nan, values.shape)
            continue
        best = values.max(axis=1, keepdims=True)
        if not (best > 0).all():
            return None
        factor_scores[factor] = values / best * 100
        known[i] = True
    if not known.any():
        return None
    weights = normalised * known
    total = weights.sum(axis=1, keepdims=True)
    effective = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
    return factor_scores, np.asarray(effective, dtype=np.float64)


def scores_from_figures(
    reach: FloatArray,
    match: FloatArray,
    segment_value: FloatArray,
    *,
    scored: BoolArray,
    restricted: BoolArray,
    normalised: FloatArray,
    penalty: FloatArray,
    unknown: FloatArray | None = None,
) -> tuple[dict[Factor, FloatArray], FloatArray]:
    """Factor scores and the 0-100 composite from the raw figures, shaped (rows, platforms).

    A row is a persona in :func:`score_arrays` and a plausible scenario in
    :mod:`smmfit.uncertainty`; both go through this one function. ``unknown`` is the score an
    unknown factor takes in each row (see :func:`composite_scores`).
    """
    quick = _complete_scores((reach, match, segment_value), scored, normalised)
    if quick is not None:
        factor_scores, weights = quick
        composite = np.zeros(match.shape)
        for i, factor in enumerate(FACTORS):
            # An unknown factor weighs 0 in every row: adding it would add 0.
            if weights[:, i].any():
                composite += weights[:, [i]] * factor_scores[factor]
        composite = np.where(restricted, composite * penalty[:, None], composite)
        return factor_scores, np.clip(composite, 0, 100)
    factor_scores = {
        "reach": relative_scores(reach, scored),
        "match": relative_scores(match, scored),
        "segment": relative_scores(segment_value, scored),
    }
    composite = composite_scores(
        factor_scores, normalised, penalty, restricted, scored, unknown=unknown
    )
    # A network about which nothing is known is not scored at all, rather than scored 0.
    known = np.zeros(match.shape, dtype=bool)
    for values in factor_scores.values():
        known |= ~np.isnan(values)
    score = np.where(scored & known, np.clip(composite, 0, 100), np.nan)
    return factor_scores, score


def pick_order(
    score: FloatArray, recommendable: BoolArray, count: int = 2
) -> tuple[IntArray, BoolArray]:
    """The pick rule, the one every caller uses: each row's best ``count`` networks, in order.

    Returns platform columns (rows x ``count``) and whether each is a valid choice. A valid
    choice is a recommendable network (never a blocked one) with a score above 0; among
    equal scores the network listed first in the data wins (a stable sort).

    >>> order, valid = pick_order(np.array([[10.0, 30.0, 30.0, np.nan]]), np.array([True] * 4))
    >>> order.tolist(), valid.tolist()
    ([[1, 2]], [[True, True]])
    """
    filled = np.where(recommendable & ~np.isnan(score), score, -1.0)
    order = np.argsort(-filled, axis=-1, kind="stable")[..., :count]
    valid = np.take_along_axis(filled, order, axis=-1) > 0
    return order.astype(np.int64), valid


def pick_index(score: FloatArray, recommendable: BoolArray) -> IntArray:
    """Each row's pick as a platform column, -1 where there is none (:func:`pick_order`)."""
    # pick_order's first column without sorting: argmax returns the first of equal maxima,
    # as the stable sort puts it first (scenarios ask this of millions of rows).
    filled = np.where(recommendable & ~np.isnan(score), score, -1.0)
    first = np.argmax(filled, axis=-1)
    valid = np.take_along_axis(filled, first[..., None], axis=-1)[..., 0] > 0
    return np.where(valid, first, -1).astype(np.int64)


def score_arrays(
    evidence: Evidence,
    region: str,
    people: PersonaArrays,
    weights: Sequence[Weights],
    include_blocked: bool = False,
    *,
    as_of: date | None = None,
) -> ScoreArrays:
    """The ranking's numbers for many personas of one region at once, with each network's
    availability as of ``as_of`` (default today)."""
    dataset = evidence.dataset
    platforms = tuple(dataset.platforms)
    as_of = as_of or date.today()
    statuses, severity = status_matrix(dataset, platforms, region, people, as_of)
    n, p_count = len(people), len(platforms)
    shape = (n, p_count)

    cells = people.cells()
    match_low = np.full(shape, np.nan)
    match_high = np.full(shape, np.nan)
    match = np.full(shape, np.nan)
    demographic = np.full(shape, np.nan)
    audience = np.full(shape, np.nan)
    reach = np.full(shape, np.nan)
    reach_low = np.full(shape, np.nan)
    reach_high = np.full(shape, np.nan)
    estimated = np.zeros(shape, dtype=bool)
    segment_value = np.full(shape, np.nan)
    masks, inverse = np.unique(people.devices, return_inverse=True)

    for j, platform in enumerate(platforms):
        ev = evidence.for_platform(platform, region)
        on_network = evidence.people(platform, region)
        if on_network is not None:
            low, mid, high = on_network.query(cells)
            total_low, total_mid, total_high = on_network.total
            # A part nothing suggests a figure for is a range: its centre stands in for it
            # here, and the scenarios draw it across the whole range.
            estimated[:, j] = high > low
            mid = np.where(np.isnan(mid), (low + high) / 2, mid)
            total = (total_low + total_high) / 2 if np.isnan(total_mid) else total_mid
            devices = np.array([device_share(ev.device, int(m)) for m in masks])[inverse]
            # Device data is rare: where it is missing the factor is left out (and flagged),
            # rather than making the whole match share unknown.
            devices = np.where(np.isnan(devices), 1.0, devices)
            with np.errstate(invalid="ignore", divide="ignore"):
                demographic[:, j] = np.where(total > 0, mid / total, np.nan)
                match_low[:, j] = np.where(total_high > 0, low / max(total_high, 1.0), 0) * devices
                match_high[:, j] = (
                    np.minimum(
                        1.0, np.where(total_low > 0, high / np.maximum(total_low, high), 1.0)
                    )
                    * devices
                )
            match[:, j] = demographic[:, j] * devices
            audience[:, j] = total
            reach[:, j] = mid * devices
            reach_low[:, j] = low * devices
            reach_high[:, j] = high * devices
        b2b = ev.segment.get("b2b")
        b2c = ev.segment.get("b2c")
        segment_value[:, j] = np.where(
            people.segment_b2b,
            b2b.value if b2b else np.nan,
            b2c.value if b2c else np.nan,
        )

    persona_people, base = _persona_population(evidence, region, people)
    # The persona's share of the region's population aged 13+.
    population_share = np.broadcast_to((persona_people / base)[:, None], shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        affinity = np.where(population_share > 0, demographic / population_share * 100, np.nan)

    blocked = severity == SEVERITY["blocked"]
    scored = ~blocked | include_blocked

    restricted = severity == SEVERITY["restricted"]
    normalised, penalty = weight_matrix(weights, n)
    factor_scores, score = scores_from_figures(
        reach,
        match,
        segment_value,
        scored=scored,
        restricted=restricted,
        normalised=normalised,
        penalty=penalty,
    )
    return ScoreArrays(
        platforms=platforms,
        as_of=as_of,
        status=statuses,
        restricted=restricted,
        recommendable=~blocked,
        scored=scored,
        match=match,
        match_low=match_low,
        match_high=match_high,
        population_share=population_share,
        persona_people=persona_people,
        affinity=affinity,
        audience=audience,
        reach=reach,
        reach_low=reach_low,
        reach_high=reach_high,
        estimated=estimated,
        segment_value=segment_value,
        factor_scores=factor_scores,
        score=score,
    )
