"""Ranks networks for a persona: match share, reach, affinity, segment fit, availability.

One vectorised engine (:func:`score_arrays`) computes every number for any count of personas
in a region; :func:`rank` adds the explanation for one persona and :func:`rank_batch` the
table for many. The method is written up in README.md ("How the score works").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from smmfit.data import Availability, Dataset
from smmfit.evidence import (
    DeviceMix,
    Distribution,
    Evidence,
    FloatArray,
    IntArray,
    PlatformEvidence,
    Provenance,
)
from smmfit.models import (
    DEVICE_GROUPS,
    FACTORS,
    MAX_AGE,
    MIN_AGE,
    OPERATING_SYSTEMS,
    WORLDWIDE,
    Factor,
    FactorScore,
    Note,
    Persona,
    PlatformResult,
    Ranking,
    Recommendation,
    SourceRef,
    Status,
    Weights,
    default_weights,
)

BoolArray = npt.NDArray[np.bool_]
GENDER_CODES = {"female": 0, "male": 1, "any": 2}
# A figure older than this many years is flagged as stale in the gaps.
STALE_AFTER_YEARS = 4


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


@dataclass(frozen=True)
class ScoreArrays:
    """Every number of the ranking, shaped (personas, platforms)."""

    platforms: tuple[str, ...]
    status: tuple[Status, ...]
    scored: BoolArray
    match: FloatArray
    match_low: FloatArray
    match_high: FloatArray
    population_share: FloatArray
    affinity: FloatArray
    audience: FloatArray
    reach: FloatArray
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


def availability_of(dataset: Dataset, platform: str, region: str) -> Availability | None:
    return dataset.availability.get((platform, region))


def status_of(dataset: Dataset, platform: str, region: str) -> Status:
    record = availability_of(dataset, platform, region)
    return "available" if record is None else record.status


def _population_share(evidence: Evidence, region: str, people: PersonaArrays) -> FloatArray:
    """Each persona's share of the region's population aged 13+, or NaN without a baseline."""
    if not evidence.population.has(region):
        return np.full(len(people), np.nan)
    target = np.zeros(len(people))
    for code, sexes in ((0, ["female"]), (1, ["male"]), (2, ["female", "male"])):
        chosen = people.gender == code
        if chosen.any():
            target[chosen] = evidence.population.people(
                region, sexes, people.age_min[chosen], people.age_max[chosen]
            )
    base = evidence.population.people_one(region, ["female", "male"], MIN_AGE, MAX_AGE)
    return target / base


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
    normalised = np.array([[w.normalised()[f] for f in FACTORS] for w in weights])
    penalty = np.array([w.restricted_penalty for w in weights])
    if len(weights) == 1:
        normalised = np.repeat(normalised, count, axis=0)
        penalty = np.repeat(penalty, count)
    return normalised, penalty


def composite_scores(
    factor_scores: dict[Factor, FloatArray],
    normalised: FloatArray,
    penalty: FloatArray,
    restricted: BoolArray,
) -> FloatArray:
    """Weighted sum of factor scores; restricted networks are multiplied by the penalty.

    ``normalised`` holds each row's weights in FACTORS order. An unknown factor earns no
    points: evidence must be there to recommend a network.
    """
    composite = np.zeros(factor_scores[FACTORS[0]].shape)
    for i, factor in enumerate(FACTORS):
        composite += normalised[:, [i]] * np.nan_to_num(factor_scores[factor], nan=0.0)
    return np.where(restricted, composite * penalty[:, None], composite)


def scores_from_figures(
    reach: FloatArray,
    match: FloatArray,
    segment_value: FloatArray,
    *,
    scored: BoolArray,
    restricted: BoolArray,
    normalised: FloatArray,
    penalty: FloatArray,
) -> tuple[dict[Factor, FloatArray], FloatArray]:
    """Factor scores and the 0-100 composite from the raw figures, shaped (rows, platforms).

    A row is a persona in :func:`score_arrays` and a plausible scenario in
    :mod:`smmfit.uncertainty`; both go through this one function.
    """
    factor_scores: dict[Factor, FloatArray] = {
        "reach": relative_scores(reach, scored),
        "match": relative_scores(match, scored),
        "segment": relative_scores(segment_value, scored),
    }
    composite = composite_scores(factor_scores, normalised, penalty, restricted)
    # A network about which nothing is known is not scored at all, rather than scored 0.
    known = np.zeros(match.shape, dtype=bool)
    for values in factor_scores.values():
        known |= ~np.isnan(values)
    score = np.where(scored & known, np.clip(composite, 0, 100), np.nan)
    return factor_scores, score


def pick_index(score: FloatArray, recommendable: BoolArray) -> IntArray:
    """Each row's pick as a platform column, -1 where there is none (the rule of :func:`rank`).

    The pick is the highest-scoring recommendable network with a score above 0; ties go to
    the network listed first in the data.
    """
    filled = np.where(recommendable & ~np.isnan(score), score, -1.0)
    best = np.argmax(filled, axis=1)
    return np.where(filled[np.arange(len(filled)), best] > 0, best, -1).astype(np.int64)


def score_arrays(
    evidence: Evidence,
    region: str,
    people: PersonaArrays,
    weights: Sequence[Weights],
    include_blocked: bool = False,
) -> ScoreArrays:
    """The ranking's numbers for many personas of one region at once."""
    dataset = evidence.dataset
    platforms = tuple(dataset.platforms)
    statuses: tuple[Status, ...] = tuple(status_of(dataset, p, region) for p in platforms)
    n, p_count = len(people), len(platforms)
    shape = (n, p_count)

    age_low_q, age_high_q, whole_age = age_query(people)
    gender_low, gender_high, whole_gender = gender_query(people)

    match_low = np.full(shape, np.nan)
    match_high = np.full(shape, np.nan)
    match = np.full(shape, np.nan)
    demographic = np.full(shape, np.nan)
    audience = np.full(shape, np.nan)
    segment_value = np.full(shape, np.nan)
    masks, inverse = np.unique(people.devices, return_inverse=True)

    for j, platform in enumerate(platforms):
        ev = evidence.for_platform(platform, region)
        age_low, age_mid, age_high = share_bounds(ev.age, age_low_q, age_high_q, whole_age)
        sex_low, sex_mid, sex_high = share_bounds(ev.gender, gender_low, gender_high, whole_gender)
        devices = np.array([device_share(ev.device, int(m)) for m in masks])[inverse]
        # Device data is rare: where it is missing the factor is left out (and flagged),
        # rather than making the whole match share unknown.
        devices = np.where(np.isnan(devices), 1.0, devices)
        match_low[:, j] = age_low * sex_low * devices
        match_high[:, j] = age_high * sex_high * devices
        demographic[:, j] = age_mid * sex_mid
        match[:, j] = demographic[:, j] * devices
        if ev.audience is not None:
            audience[:, j] = ev.audience.people
        b2b = ev.segment.get("b2b")
        b2c = ev.segment.get("b2c")
        segment_value[:, j] = np.where(
            people.segment_b2b,
            b2b.value if b2b else np.nan,
            b2c.value if b2c else np.nan,
        )

    population_share = np.broadcast_to(_population_share(evidence, region, people)[:, None], shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        affinity = np.where(population_share > 0, demographic / population_share * 100, np.nan)
    reach = audience * match

    blocked = np.array([s == "blocked" for s in statuses])
    scored = np.broadcast_to(~blocked | include_blocked, shape)

    restricted = np.array([s == "restricted" for s in statuses])
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
        status=statuses,
        scored=scored,
        match=match,
        match_low=match_low,
        match_high=match_high,
        population_share=population_share,
        affinity=affinity,
        audience=audience,
        reach=reach,
        segment_value=segment_value,
        factor_scores=factor_scores,
        score=score,
    )


# -- one persona, explained -----------------------------------------------------------------


def _optional(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _status_note(record: Availability | None, region: str) -> Note | None:
    if record is None:
        return None
    return Note(
        key=f"status.{record.status}" if record.since else f"status.{record.status}_never",
        params={
            "region": region,
            "since": record.since,
            "reason": record.reason,
            **({"reason_ru": record.reason_ru} if record.reason_ru else {}),
        },
    )


def _provenance_gaps(
    dimension: str, provenance: Provenance | None, region: str, this_year: int
) -> list[Note]:
    if provenance is None:
        return []
    notes = []
    if provenance.region != region:
        notes.append(Note(key="gap.fallback", params={"dimension": dimension, "region": region}))
    if provenance.authority == "low":
        notes.append(Note(key="gap.low_authority", params={"dimension": dimension}))
    if this_year - provenance.year > STALE_AFTER_YEARS:
        notes.append(
            Note(key="gap.stale", params={"dimension": dimension, "year": provenance.year})
        )
    if provenance.derived_from_penetration:
        notes.append(Note(key="gap.derived", params={"dimension": dimension}))
    return notes


def _gaps(
    persona: Persona,
    ev: PlatformEvidence,
    arrays: ScoreArrays,
    j: int,
    this_year: int,
) -> tuple[Note, ...]:
    region = persona.region
    notes: list[Note] = []
    needs_age = not (persona.age_min <= MIN_AGE and persona.age_max >= MAX_AGE)
    for dimension, distribution, needed in (
        ("age", ev.age, needs_age),
        ("gender", ev.gender, persona.gender != "any"),
    ):
        if distribution is None:
            if needed:
                notes.append(Note(key="gap.missing", params={"dimension": dimension}))
            continue
        if not needed:
            continue
        notes.extend(_provenance_gaps(dimension, distribution.provenance, region, this_year))
        if dimension == "age" and (
            persona.age_min < distribution.domain[0]
            and distribution.provenance.derived_from_penetration
        ):
            notes.append(Note(key="gap.outside_universe", params={"low": distribution.domain[0]}))
    low, high = arrays.match_low[0, j], arrays.match_high[0, j]
    if not np.isnan(low) and high - low > 0.0005:
        notes.append(
            Note(
                key="gap.bounds",
                params={"low": round(float(low), 4), "high": round(float(high), 4)},
            )
        )
    if not persona.all_devices:
        if np.isnan(device_share(ev.device, device_mask(persona.devices))):
            notes.append(Note(key="gap.device"))
        else:
            notes.extend(
                _provenance_gaps(
                    "device", ev.device.provenance if ev.device else None, region, this_year
                )
            )
    if np.isnan(arrays.score[0, j]) and arrays.scored[0, j]:
        notes.insert(0, Note(key="gap.no_data", params={"region": region}))
    if ev.audience is None:
        notes.append(Note(key="gap.audience", params={"region": region}))
    else:
        notes.extend(_provenance_gaps("audience", ev.audience.provenance, region, this_year))
    if np.isnan(arrays.population_share[0, j]):
        notes.append(Note(key="gap.population", params={"region": region}))
    if persona.segment not in ev.segment:
        notes.append(Note(key="gap.segment", params={"segment": persona.segment}))
    return tuple(notes)


def _sources(ev: PlatformEvidence, persona: Persona, evidence: Evidence) -> tuple[SourceRef, ...]:
    provenances: list[Provenance] = []
    for item in (ev.age, ev.gender, ev.device, ev.audience):
        if item is not None:
            provenances.append(item.provenance)
    if persona.segment in ev.segment:
        provenances.append(ev.segment[persona.segment].provenance)
    refs = {ref for provenance in provenances for ref in provenance.sources}
    record = evidence.dataset.availability.get((ev.platform, persona.region))
    if record is not None:
        refs.add(SourceRef(source=record.source, url=record.url, year=record.year))
    return tuple(sorted(refs, key=lambda r: (r.source, r.url, r.year)))


def _reasons(
    pick: PlatformResult, runner: PlatformResult | None, results: Sequence[PlatformResult]
) -> list[Note]:
    candidates = [r for r in results if r.recommendable and r.score is not None]
    reasons = [
        Note(
            key="reason.score",
            params={"platform": pick.platform, "score": round(pick.score or 0, 1)},
        )
    ]
    reaches = [r.reach for r in candidates if r.reach is not None]
    if pick.reach is not None and reaches and pick.reach >= max(reaches):
        reasons.append(Note(key="reason.largest_reach", params={"people": round(pick.reach)}))
    elif pick.reach is not None:
        reasons.append(Note(key="reason.reach", params={"people": round(pick.reach)}))
    matches = [r.match_share for r in candidates if r.match_share is not None]
    if pick.match_share is not None and matches and pick.match_share >= max(matches):
        reasons.append(
            Note(key="reason.highest_match", params={"share": round(pick.match_share, 4)})
        )
    elif pick.match_share is not None:
        reasons.append(Note(key="reason.match", params={"share": round(pick.match_share, 4)}))
    if pick.affinity is not None:
        key = "reason.affinity_over" if pick.affinity >= 100 else "reason.affinity_under"
        reasons.append(Note(key=key, params={"index": round(pick.affinity)}))
    segment = pick.factors["segment"]
    if segment.score is not None and segment.score >= 100:
        reasons.append(Note(key="reason.segment_best"))
    if pick.status == "restricted":
        reasons.append(Note(key="reason.restricted", params={"platform": pick.platform}))
    if runner is not None and runner.score is not None:
        reasons.append(
            Note(
                key="reason.runner_up",
                params={
                    "runner": runner.platform,
                    "score": round(runner.score, 1),
                    "gap": round((pick.score or 0) - runner.score, 1),
                },
            )
        )
    if pick.gaps:
        reasons.append(Note(key="reason.caveats", params={"count": len(pick.gaps)}))
    blocked = [r.platform for r in results if r.status == "blocked"]
    if blocked:
        reasons.append(Note(key="reason.blocked", params={"platforms": ", ".join(blocked)}))
    return reasons


def rank(
    persona: Persona,
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
    today: date | None = None,
) -> Ranking:
    """Every tracked network ranked for one persona, with factors, gaps, sources and a pick.

    Blocked networks stay in the list (with reason and date) but are never the pick, even
    when ``include_blocked`` scores them as if they were reachable.
    """
    weights = weights or default_weights(persona.goal)
    this_year = (today or date.today()).year
    arrays = score_arrays(
        evidence, persona.region, PersonaArrays.of([persona]), [weights], include_blocked
    )
    normalised = weights.normalised()
    dataset = evidence.dataset
    results: list[PlatformResult] = []
    for j, platform in enumerate(arrays.platforms):
        ev = evidence.for_platform(platform, persona.region)
        score = _optional(arrays.score[0, j])
        status = arrays.status[j]
        multiplier = weights.restricted_penalty if status == "restricted" else 1.0
        factors = {}
        for factor in FACTORS:
            value = _optional(arrays.factor_scores[factor][0, j]) if score is not None else None
            points = (value or 0.0) * normalised[factor] * multiplier if score is not None else 0.0
            factors[factor] = FactorScore(
                score=_round(value, 2), weight=round(normalised[factor], 4), points=round(points, 2)
            )
        info = dataset.platforms[platform]
        results.append(
            PlatformResult(
                platform=platform,
                name=info.name,
                zone=info.zone,
                rank=None,
                score=_round(score, 2),
                status=status,
                status_note=_status_note(
                    availability_of(dataset, platform, persona.region), persona.region
                ),
                recommendable=status != "blocked",
                match_share=_round(_optional(arrays.match[0, j])),
                match_share_low=_round(_optional(arrays.match_low[0, j])),
                match_share_high=_round(_optional(arrays.match_high[0, j])),
                reach=_round(_optional(arrays.reach[0, j]), 0),
                audience=_round(_optional(arrays.audience[0, j]), 0),
                affinity=_round(_optional(arrays.affinity[0, j]), 1),
                factors=factors,
                gaps=_gaps(persona, ev, arrays, j, this_year),
                sources=_sources(ev, persona, evidence),
            )
        )
    position = {platform: j for j, platform in enumerate(arrays.platforms)}
    ordered = sorted(
        results,
        key=lambda r: (
            r.score is None,
            -float(np.nan_to_num(arrays.score[0, position[r.platform]], nan=0.0)),
            position[r.platform],
        ),
    )
    ranked = [
        r.model_copy(update={"rank": i + 1 if r.score is not None else None})
        for i, r in enumerate(ordered)
    ]
    candidates = [r for r in ranked if r.recommendable and r.score is not None and r.score > 0]
    pick = candidates[0] if candidates else None
    runner = candidates[1] if len(candidates) > 1 else None
    if pick is None:
        recommendation = Recommendation(
            platform=None, runner_up=None, reasons=(Note(key="reason.no_pick"),)
        )
    else:
        recommendation = Recommendation(
            platform=pick.platform,
            runner_up=runner.platform if runner else None,
            reasons=tuple(_reasons(pick, runner, ranked)),
        )
    return Ranking(
        persona=persona,
        weights=weights,
        include_blocked=include_blocked,
        ranking=tuple(ranked),
        recommendation=recommendation,
    )


# -- many personas -------------------------------------------------------------------------


def rank_batch(
    personas: Sequence[Persona],
    evidence: Evidence,
    weights: Weights | None = None,
    include_blocked: bool = False,
) -> pd.DataFrame:
    """One row per persona: the pick, the runner-up and every network's score.

    Personas are grouped by region and each group is scored in one vectorised pass.
    Without explicit ``weights`` each persona gets its goal's default weights.
    """
    platforms = tuple(evidence.dataset.platforms)
    scores = np.full((len(personas), len(platforms)), np.nan)
    recommendable = np.zeros((len(personas), len(platforms)), dtype=bool)
    regions = np.array([p.region for p in personas])
    for region in np.unique(regions):
        rows = np.flatnonzero(regions == region)
        group = [personas[int(i)] for i in rows]
        group_weights = [weights] if weights else [default_weights(p.goal) for p in group]
        arrays = score_arrays(
            evidence, str(region), PersonaArrays.of(group), group_weights, include_blocked
        )
        scores[rows] = arrays.score
        recommendable[rows] = [s != "blocked" for s in arrays.status]
    # Blocked networks may be scored (include_blocked) but are never the pick. Ties break
    # by platform order in the data, as in rank(): a stable sort on the negated score.
    filled = np.where(recommendable & ~np.isnan(scores), scores, -1.0)
    order = np.argsort(-filled, axis=1, kind="stable")
    names = np.array(platforms, dtype=object)
    row_index = np.arange(len(personas))
    table = pd.DataFrame({"name": [p.name for p in personas], "region": regions})
    for label, position in (("pick", 0), ("runner_up", 1)):
        chosen = order[:, position]
        best = pd.Series(filled[row_index, chosen])
        table[label] = pd.Series(names[chosen]).where(best > 0)
        table[f"{label}_score"] = best.round(2).where(best > 0)
    for j, platform in enumerate(platforms):
        table[f"score_{platform}"] = scores[:, j].round(2)
    return table


__all__ = [
    "WORLDWIDE",
    "PersonaArrays",
    "ScoreArrays",
    "age_query",
    "composite_scores",
    "device_share",
    "gender_query",
    "pick_index",
    "rank",
    "rank_batch",
    "relative_scores",
    "score_arrays",
    "scores_from_figures",
    "share_bounds",
    "weight_matrix",
]
