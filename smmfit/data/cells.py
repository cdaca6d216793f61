"""People on a network per demographic cell: every published form in one unit, with bounds.

A cell is one sex and one year of age in one country. :func:`people_cells` turns whatever the
sources publish into people on network N in region R per cell:

1. **penetration** ("X% of group G use N": Pew, Mediascope, Ofcom...): rate x the cell's
   population, for the cells inside the surveyed groups. Age rates, gender rates and the total
   rate may come from different tables; they are combined assuming independence, the age rate
   scaled by the gender's rate relative to the whole (``r_sex / r_all``); without a rate by
   sex, the network's own composition by sex in the country divides the users between the
   sexes the same way (:func:`sex_split`).
2. **composition x audience** ("64% of N's users are men" and "N has 90M users"): for the cells
   no penetration figure covers, the audience times the cell's share (age share spread within
   a band by the population, times the gender share).
3. **unknown**: what no figure covers is never zero. Those cells hold the *unassigned* people,
   somewhere between a lower and an upper bound: with a known audience, exactly what the
   composition leaves unassigned; without one, from 0 up to every person in those cells. Its
   central estimate is a labelled stand-in: an age profile (the country's, else the worldwide
   one) that publishes both these ages and the others, else the network's own rate over the
   cells that are covered.

A persona's reach is then a sum over the cells it covers (:meth:`PeopleCells.query`), with
bounds that put as many unassigned people inside the persona as fit, or as few as possible.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from smmfit.data.distribution import (
    GENDER_AXIS,
    BoolArray,
    Distribution,
    FloatArray,
    IntArray,
    Provenance,
)
from smmfit.data.rows import Figure, parse_age_band
from smmfit.models import MAX_AGE, MIN_AGE

AGES = np.arange(MAX_AGE + 1)
SEXES = tuple(GENDER_AXIS)  # female, male: row order of every cell array
# Below this share of the audience, people left to place are rounding, not people.
EPSILON = 1e-9
CELL_SHAPE = (len(SEXES), MAX_AGE + 1)


@dataclass(frozen=True)
class Pool:
    """People known to be somewhere in a set of cells, but not in which.

    ``amount`` is low, estimate, high (the estimate is NaN when nothing suggests one); a cell
    holds at most its ``capacity`` (0 outside the pool), and the estimate is spread in
    proportion to ``spread``.
    """

    capacity: FloatArray
    spread: FloatArray
    amount: tuple[float, float, float]
    stand_in: bool = False  # the estimate leans on a profile from elsewhere (e.g. worldwide)

    @cached_property
    def _running(self) -> tuple[FloatArray, FloatArray, float, float]:
        """Running sums of capacity and spread, and their totals (asked for on every query)."""
        capacity, spread = running_sums(self.capacity), running_sums(self.spread)
        return capacity, spread, float(capacity[:, -1].sum()), float(spread[:, -1].sum())

    def query(self, cells: CellQuery) -> tuple[FloatArray, FloatArray, FloatArray]:
        capacity, spread, room, weight = self._running
        room_inside = cells.sum(capacity)
        room_outside = room - room_inside
        low_u, mid_u, high_u = self.amount
        low = np.maximum(0.0, low_u - room_outside)
        high = np.minimum(high_u, room_inside)
        share = cells.sum(spread) / weight if weight > 0 else np.zeros(len(room_inside))
        return low, np.clip(mid_u * share, low, high), high


@dataclass(frozen=True)
class CellQuery:
    """Each persona's cells: an age range and a set of sexes (rows of ``sexes``: female, male)."""

    age_min: IntArray
    age_max: IntArray
    sexes: BoolArray  # (personas, 2)

    def sum(self, running: FloatArray) -> FloatArray:
        """Each persona's total of a cell array, given its :func:`running_sums` (no masks)."""
        per_sex = running[:, self.age_max + 1] - running[:, self.age_min]  # (2, personas)
        return np.asarray((per_sex.T * self.sexes).sum(axis=1), dtype=np.float64)


@dataclass(frozen=True)
class PeopleCells:
    """People on one network in one region, per cell (sex x year of age, shaped 2 x 101).

    ``known`` holds people a figure puts in a cell (0 where none does); ``covered`` marks those
    cells. The other cells are in :class:`Pool` s of people whose place is not known.
    """

    known: FloatArray
    covered: BoolArray
    pools: tuple[Pool, ...]
    provenance: tuple[Provenance, ...]
    # People an audience count and its profile put in cells beyond everyone living there, that
    # other cells of the profile's ages could hold (:func:`_misplaced`): at least this many
    # are misplaced by the profile, so a persona's share of the audience is that uncertain.
    overflow: float = 0.0

    @cached_property
    def _known_running(self) -> FloatArray:
        return running_sums(self.known)

    @cached_property
    def misplaced_share(self) -> float:
        """The share of the network's audience its profile puts beyond the population (0-1)."""
        total = self.total[1]
        return float(self.overflow / total) if self.overflow > 0 and total > 0 else 0.0

    @property
    def stand_in(self) -> bool:
        return any(pool.stand_in for pool in self.pools)

    @cached_property
    def total(self) -> tuple[float, float, float]:
        """Everyone on the network in the region: low, estimate (NaN if unknown), high."""
        known = float(self.known.sum())
        amounts = [pool.amount for pool in self.pools]
        return tuple(known + sum(a[i] for a in amounts) for i in range(3))  # type: ignore[return-value]

    def query(self, cells: CellQuery) -> tuple[FloatArray, FloatArray, FloatArray]:
        """People in each persona's cells: low, estimate, high.

        The estimate is NaN where part of the persona lies in cells nothing suggests a figure
        for: the people there are a range, not a number.
        """
        known = cells.sum(self._known_running)
        low, mid, high = known.copy(), known.copy(), known.copy()
        for pool in self.pools:
            pool_low, pool_mid, pool_high = pool.query(cells)
            low += pool_low
            high += pool_high
            mid += np.where(pool_high > pool_low, pool_mid, pool_low)
        return low, mid, high


def running_sums(values: FloatArray) -> FloatArray:
    """Cumulative sums of a (2, 101) cell array along age, with a leading 0: (2, 102)."""
    return np.concatenate([np.zeros((len(SEXES), 1)), np.cumsum(values, axis=1)], axis=1)


def profile_ratio(profile: Distribution | None, outside: BoolArray, inside: BoolArray) -> float:
    """How many people in the ``outside`` ages per person in the ``inside`` ages, by a profile.

    NaN unless the profile's own bands cover every age on both sides: a stand-in says nothing
    about ages it does not publish.
    """
    if profile is None or not outside.any() or not inside.any():
        return np.nan
    band_ages = np.zeros(MAX_AGE + 1, dtype=bool)
    for low, high in zip(profile.lows, profile.highs, strict=True):
        band_ages[(low <= AGES) & (high >= AGES)] = True
    if not (band_ages[outside].all() and band_ages[inside].all()):
        return np.nan
    shares, _, _ = profile.share_between(AGES, AGES)
    share_in = float(shares[inside].sum())
    return float(shares[outside].sum()) / share_in if share_in > 0 else np.nan


def _rates_by_age(figures: list[Figure]) -> FloatArray:
    """Each age's rate (0-1) from the best age band covering it (figures come best first)."""
    rates = np.full(MAX_AGE + 1, np.nan)
    for figure in figures:
        low, high = parse_age_band(figure.category)
        ages = (max(low, MIN_AGE) <= AGES) & (high >= AGES) & np.isnan(rates)
        rates[ages] = figure.value / 100
    return rates


def sex_split(gender: Distribution | None) -> FloatArray | None:
    """A gender composition as the share of the network's users of each sex (female, male),
    or None where it does not say. One published side is exact for the other (the cells have
    two sexes); a share left to "other" or "unknown" beside both is set aside.

    >>> from smmfit.data.distribution import Provenance
    >>> where = Provenance(region="DE", year=2024, authority="primary", sources=())
    >>> both = Distribution(np.array([0, 1]), np.array([0, 1]), np.array([0.7, 0.28]), (0, 1),
    ...                     where)
    >>> sex_split(both).round(3).tolist()
    [0.714, 0.286]
    >>> men = Distribution(np.array([1]), np.array([1]), np.array([0.54]), (0, 1), where)
    >>> sex_split(men).round(3).tolist()
    [0.46, 0.54]
    """
    if gender is None or not len(gender.shares):
        return None
    sexes = np.arange(len(SEXES))
    low, shares, high = gender.share_between(sexes, sexes)
    if not np.allclose(low, high) or shares.sum() <= 0:
        return None
    return np.asarray(shares / shares.sum(), dtype=np.float64)


def _composition_factor(
    rates: FloatArray, population: FloatArray, split: FloatArray
) -> FloatArray | None:
    """Each sex's multiplier on a rate published for both sexes together, so that the users
    it gives split between the sexes as the network's own composition says, their number
    unchanged (``split`` x users / what the rate gives each sex). The same independence as a
    rate by sex over the whole (``r_sex / r_all``), read from the other published form."""
    per_sex = (np.nan_to_num(rates) * population).sum(axis=1)
    users = float(per_sex.sum())
    if users <= 0 or (per_sex <= 0).any():
        return None
    return np.asarray(split * users / per_sex, dtype=np.float64)


def penetration_cells(
    age: list[Figure],
    gender: list[Figure],
    total: list[Figure],
    population: FloatArray,
    split: FloatArray | None = None,
) -> tuple[FloatArray, BoolArray, Pool | None, bool]:
    """People per cell from "X% of group G use it" figures, each list best first.

    Returns (people, covered cells, pool, whether ``split`` divided them). Where age bands
    leave part of the surveyed population uncovered and the total rate is known, the pool
    holds the users the total implies there. ``population`` is people per cell (2 x 101).
    ``split`` (:func:`sex_split`) is the network's own composition by sex in the region:
    where no rate by sex is published, it divides the users of a rate for both sexes
    between them.
    """
    people = np.zeros(CELL_SHAPE)
    covered = np.zeros(CELL_SHAPE, dtype=bool)
    if not (age or gender or total):
        return people, covered, None, False
    ages_rate = _rates_by_age(age)
    by_sex = {f.category: f for f in reversed(gender)}  # the best figure per sex wins
    uni_low, uni_high = parse_age_band((total or gender or age)[0].universe or "13+")
    in_universe = (max(uni_low, MIN_AGE) <= AGES) & (uni_high >= AGES)
    sex_rates: FloatArray | None = None
    if set(by_sex) == set(SEXES):
        sex_rates = np.array([by_sex[sex].value / 100 for sex in SEXES])
    whole = total[0].value / 100 if total else None
    if sex_rates is not None and whole is None:
        weights = population[:, in_universe].sum(axis=1)
        whole = float(sex_rates @ weights / weights.sum()) if weights.sum() > 0 else None
    if not np.isnan(ages_rate).all():
        factor = np.ones(len(SEXES))
        if sex_rates is not None and whole:
            factor = sex_rates / whole
        rates = np.nan_to_num(ages_rate)[None, :] * factor[:, None]
        covered[:] = ~np.isnan(ages_rate)[None, :]
    elif sex_rates is not None:
        rates = np.repeat(sex_rates[:, None], MAX_AGE + 1, axis=1)
        covered[:] = in_universe[None, :]
    elif whole is not None:
        rates = np.full(CELL_SHAPE, whole)
        covered[:] = in_universe[None, :]
    else:
        return people, covered, None, False
    factor_by_sex = None
    if sex_rates is None and split is not None:
        factor_by_sex = _composition_factor(np.where(covered, rates, 0.0), population, split)
        if factor_by_sex is not None:
            rates = rates * factor_by_sex[:, None]
    people = np.where(covered, np.minimum(np.clip(rates, 0, 1) * population, population), 0.0)
    pool = None
    rest = in_universe[None, :] & ~covered
    if whole is not None and rest.any():
        capacity = np.where(rest, population, 0.0)
        inside = float(people[:, in_universe].sum())
        amount = min(
            max(0.0, whole * float(population[:, in_universe].sum()) - inside),
            float(capacity.sum()),
        )
        pool = Pool(capacity, capacity, (amount, amount, amount))
    return people, covered, pool, factor_by_sex is not None


def composition_cells(
    audience: float,
    age: Distribution | None,
    gender: Distribution | None,
    population: FloatArray | None,
    shape: Distribution | None = None,
) -> tuple[FloatArray, BoolArray, tuple[Pool, ...], FloatArray]:
    """People per cell from an audience and its age and gender shares.

    An audience count without a surveyed population counts everyone on the network in its
    profile's ages (the profile's ``domain``: an 18+ advertising audience and its 18+ bands
    say nothing about 13-17, which stay unknown), so its profile's shares place all of it
    there: what the bands leave (a partial profile, or rounding) is somewhere in the other
    ages of that domain, and no more. (A survey's rate, by contrast, says nothing
    beyond the population it surveyed: see :func:`penetration_cells`.) Without an age profile
    the whole audience is unplaced, spread like the population; without a gender profile each
    age splits like the population. The unplaced people's central estimate follows
    ``shape`` where given (a fuller age profile from elsewhere, e.g. the worldwide one: the
    pools are then labelled stand-ins), else the population; their bounds do not depend on it.
    Returns (people in the cells the bands cover, those cells, pools of unplaced people, and
    the overflow per cell: people the bands put beyond its population that the profile's other
    ages could hold, see :func:`_misplaced`).
    """
    if gender is not None:
        _, sex_share, _ = gender.share_between(np.array([0, 1]), np.array([0, 1]))
        sex_split = np.repeat(sex_share[:, None], MAX_AGE + 1, axis=1)
    elif population is not None:
        with np.errstate(invalid="ignore", divide="ignore"):
            sex_split = np.nan_to_num(population / population.sum(axis=0, keepdims=True))
    else:
        sex_split = np.full(CELL_SHAPE, 0.5)
    density = population.sum(axis=0) if population is not None else np.ones(MAX_AGE + 1)
    room = population if population is not None else np.full(CELL_SHAPE, np.inf)
    adult = AGES >= MIN_AGE
    banded = np.zeros(MAX_AGE + 1, dtype=bool)
    if age is None:
        spanned, known_age, unplaced = adult, np.zeros(MAX_AGE + 1), audience
    else:
        # The audience and its profile speak for the profile's ages only (an 18+ ad
        # audience says nothing about 13-17): younger cells stay unknown, not empty.
        spanned = adult & (age.domain[0] <= AGES) & (age.domain[1] >= AGES)
        low, _, _ = age.share_between(AGES, AGES)
        known_age = np.where(spanned, low, 0.0)
        unplaced = audience * age.unknown_mass
        # A published band places its people, a 0% band included: the source says so.
        for band_low, band_high in zip(age.lows, age.highs, strict=True):
            banded |= spanned & (band_low <= AGES) & (band_high >= AGES)
    placed = audience * known_age[None, :] * sex_split
    overflow = _misplaced(placed, room, audience, spanned)
    covered = np.repeat(banded[None, :], len(SEXES), axis=0)
    gaps = (spanned & ~banded)[None, :] & np.ones((len(SEXES), 1), dtype=bool)
    capacity = np.where(gaps, room, 0.0)
    by_age, stand_in = density, False
    if shape is not None:
        _, shaped, _ = shape.share_between(AGES, AGES)
        if shaped[gaps[0]].sum() > 0:
            # A network's own partial profile leaves its rest to be placed: a fuller profile
            # of the same network says more about where than the population does.
            by_age, stand_in = shaped, True
    spread = np.where(gaps, by_age[None, :] * sex_split, 0.0)
    # The rest of the audience, where its estimate puts it, is fitted with the bands: where
    # the bands overfill, the profile's other ages take what they cannot hold, in odds too.
    rest = np.zeros(CELL_SHAPE)
    if unplaced > 0 and spread.sum() > 0:
        rest = unplaced * spread / spread.sum()
    fitted = fit_to_population(placed + rest, room)
    people = np.where(covered, fitted, 0.0)
    # What the bands cannot hold belongs to the profile's other ages, like its unknown share;
    # what no cell can hold at all is dropped there (the pools hold at most everyone).
    unplaced = float(fitted[gaps].sum()) + float((placed + rest).sum() - fitted.sum())
    if fitted[gaps].sum() > 0:
        # The pools' estimate follows the fit: where nothing overfills, that is the rest
        # where its estimate put it, as before.
        spread = np.where(gaps, fitted, 0.0)
    if capacity.sum() <= 0 or unplaced <= 0:
        return people, covered, (), overflow
    if gender is None:
        pool = Pool(capacity, spread, _clamped(unplaced, capacity), stand_in)
        return people, covered, (pool,), overflow
    # A published gender split places the unplaced people by sex: one pool for each.
    pools = []
    for row in range(len(SEXES)):
        mine = np.zeros(CELL_SHAPE, dtype=bool)
        mine[row] = True
        share = float(sex_split[row, spanned].mean()) if spanned.any() else 0.0
        sex_capacity = np.where(mine, capacity, 0.0)
        pools.append(
            Pool(
                sex_capacity,
                np.where(mine, spread, 0.0),
                _clamped(unplaced * share, sex_capacity),
                stand_in,
            )
        )
    return people, covered, tuple(pools), overflow


def fit_to_population(people: FloatArray, room: FloatArray) -> FloatArray:
    """People per cell no higher than the cell's population, the audience count kept.

    An audience count times a borrowed profile (often the worldwide one) can put more people
    in a band than live there (in Brazil, the worldwide share of 18-24 year-olds times the
    Brazilian audience). Then the count and the profile cannot both hold; the count is the
    network's own figure for the country and is kept. What the profile says that carries
    across countries is how much more or less likely each age is to use the network (its
    index), and the model keeps that in odds, the way usage behaves near saturation: each
    cell's rate becomes ``c r / (1 + c r)``, ``r`` its rate as placed, with ``c`` such that
    the cells hold the whole count. No cell reaches everyone, and a network with a larger
    count keeps higher rates in every cell. (Until December 2026 the full cells were cut to
    everyone and their surplus spread over the others in proportion: several networks then
    held everyone aged 18-34 and tied there, and the pick among them fell to the match
    share. With this fit, the rest of a partial profile fitted with its bands
    (:func:`composition_cells`) and the contradicted-profile range (:func:`_misplaced`),
    ``python -m bench.validity`` leave-one-source-out: the pick agrees with the published
    leader in 31 of 33 tables, was 25 of 31; reach's top in 36 of 44, was 32; reach misses
    published use by 12.5 percentage points on average, was 14.4.)

    Where nothing overfills, the cells are the count times the profile, as published. What
    no cell can hold (a count above everyone in the profile's cells) is left out of the
    result: the caller places it in the ages the profile leaves open.
    """
    if not (people > room).any():
        return people
    cells = (people > 0) & (room > 0) & np.isfinite(room)
    if not cells.any():
        return np.minimum(people, room)
    total, capacity = float(people.sum()), float(room[cells].sum())
    if total >= capacity:
        return np.where(cells, room, 0.0)
    rate = people[cells] / room[cells]

    def placed(scale: float) -> FloatArray:
        return np.asarray(scale * rate / (1 + scale * rate) * room[cells], dtype=np.float64)

    # placed(scale).sum() rises from 0 towards ``capacity`` with the scale: bisect for the
    # count (a monotone equation in one unknown; scipy.optimize would add 0.6 s to start-up).
    low, high = 0.0, 1.0
    while placed(high).sum() < total:
        high *= 2
    for _ in range(ODDS_STEPS):
        middle = (low + high) / 2
        low, high = (middle, high) if placed(middle).sum() < total else (low, middle)
    fitted = np.zeros_like(people)
    fitted[cells] = placed(high)
    return fitted * (total / float(fitted.sum()))


def _misplaced(
    placed: FloatArray, room: FloatArray, audience: float, spanned: BoolArray
) -> FloatArray:
    """Per cell, the people a count and its profile put there beyond its population that
    could have been elsewhere in the profile's ages (``spanned``): the profile's own
    misplacement. A count above everyone in those ages is not the profile's fault (every
    cell is then full, and certainly so): that part is left out."""
    finite = np.isfinite(room)
    excess = np.where(finite & (placed > 0), np.maximum(placed - room, 0.0), 0.0)
    ages = spanned[None, :] & finite
    beyond = max(0.0, audience - float(room[ages].sum()))
    total = float(excess.sum())
    return excess * (max(0.0, total - beyond) / total) if total > 0 else excess


# Bisection steps for the odds fit's scale: the interval halves each step, so 60 steps leave
# the count exact to far below one person.
ODDS_STEPS = 60


def _clamped(amount: float, capacity: FloatArray) -> tuple[float, float, float]:
    exact = min(amount, float(capacity.sum()))
    return exact, exact, exact


def _remainder(pool: Pool, remaining: BoolArray) -> Pool:
    """The part of a pool left in the ``remaining`` cells once better evidence took the rest."""
    capacity = np.where(remaining, pool.capacity, 0.0)
    spread = np.where(remaining, pool.spread, 0.0)
    room, lost_room = float(capacity.sum()), float(pool.capacity.sum() - capacity.sum())
    total_spread = float(pool.spread.sum())
    kept = float(spread.sum()) / total_spread if total_spread > 0 else 0.0
    low_u, mid_u, high_u = pool.amount
    low = min(max(0.0, low_u - lost_room), room)
    high = min(high_u, room)
    mid = float(np.clip(mid_u * kept, low, high)) if not np.isnan(mid_u) else mid_u
    return Pool(capacity, spread, (low, mid, high), pool.stand_in)


@dataclass(frozen=True)
class Layer:
    """One way of placing people in cells (a survey's rates, or an audience and its profile)."""

    people: FloatArray
    covered: BoolArray
    pools: tuple[Pool, ...]
    provenance: tuple[Provenance, ...]
    rank: tuple[object, ...]  # the choice rule's key: the smallest is the best evidence
    # People misplaced beyond each cell's population (composition_cells), or None: none.
    overflow: FloatArray | None = None


def combine(
    layers: list[Layer],
    population: FloatArray | None,
    profiles: list[Distribution],
    region: str,
) -> PeopleCells | None:
    """Cells from layers of evidence, best first; what none covers is a pool of its own.

    Each cell takes its people from the best layer that speaks for it: a layer places people
    in the cells it covers, or holds them in pools over cells it cannot tell apart. Layers
    are taken best first; each places people only in the cells no better layer has placed
    or pooled. A pool that better evidence has partly taken keeps the share of its people
    that its spread puts in the cells it still holds, between bounds: at least what does not
    fit in the cells it lost, at most what its remaining cells hold. (Before, only the best
    layer's pools were kept: a survey of three ages, if newest, erased an audience count's
    people everywhere else.) Cells beyond every layer hold anywhere from nobody to everyone,
    with an estimate only where an age profile publishes both them and the others.
    """
    if not layers:
        return None
    ordered = sorted(layers, key=lambda layer: layer.rank)
    known = np.zeros(CELL_SHAPE)
    covered = np.zeros(CELL_SHAPE, dtype=bool)
    claimed = np.zeros(CELL_SHAPE, dtype=bool)
    pools: list[Pool] = []
    overflow = 0.0
    for layer in ordered:
        new = layer.covered & ~covered & ~claimed
        known = np.where(new, layer.people, known)
        covered |= new
        taken = covered | claimed
        if layer.overflow is not None:  # only where this layer's figures are the ones used
            overflow += float(layer.overflow[new].sum())
        for pool in layer.pools:
            remaining = (pool.capacity > 0) & ~taken
            if not remaining.any():
                continue
            pools.append(_remainder(pool, remaining))
            claimed |= remaining
    provenance = [p for layer in ordered for p in layer.provenance]
    adult = (AGES >= MIN_AGE)[None, :] & np.ones((len(SEXES), 1), dtype=bool)
    placed = covered.copy()
    for pool in pools:
        placed |= pool.capacity > 0
    outside = adult & ~placed
    if outside.any():
        room = population if population is not None else np.full(CELL_SHAPE, np.inf)
        capacity = np.where(outside, room, 0.0)
        base = float(known.sum()) + sum(pool.amount[1] for pool in pools)
        middle, stand_in = np.nan, False
        for profile in profiles:
            ages_out = np.asarray(outside.any(axis=0), dtype=bool)
            ages_in = np.asarray((~outside & adult).any(axis=0), dtype=bool)
            ratio = profile_ratio(profile, ages_out, ages_in)
            if not np.isnan(ratio):
                middle, stand_in = min(base * ratio, float(capacity.sum())), True
                stand_in = profile.provenance.region != region
                provenance.append(profile.provenance)
                break
        if np.isnan(middle) and population is not None and covered.any():
            # No profile publishes these ages: the network's own rate over the cells that
            # are covered stands in (labelled), within the range from nobody to everyone.
            rate = float(known[covered].sum()) / float(population[covered].sum())
            middle, stand_in = min(rate * float(capacity.sum()), float(capacity.sum())), True
        pools.append(Pool(capacity, capacity, (0.0, middle, float(capacity.sum())), stand_in))
    return PeopleCells(
        known=known,
        covered=covered,
        pools=tuple(pools),
        provenance=tuple(dict.fromkeys(provenance)),
        overflow=overflow,
    )
