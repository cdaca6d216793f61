"""Choosing evidence: the choice rule, bounds for partial data, penetration conversion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from smmfit.data import Distribution, Evidence, Provenance, load_dataset
from tests.conftest import audience, figure, population, write_data

PROVENANCE = Provenance(region="DE", year=2024, authority="primary", sources=())


def distribution(
    bands: list[tuple[int, int, float]], domain: tuple[int, int] = (13, 100)
) -> Distribution:
    return Distribution(
        lows=np.array([b[0] for b in bands]),
        highs=np.array([b[1] for b in bands]),
        shares=np.array([b[2] for b in bands]),
        domain=domain,
        provenance=PROVENANCE,
    )


def share(dist: Distribution, low: int, high: int) -> tuple[float, float, float]:
    """(low bound, estimate, high bound) for one query."""
    lows, estimates, highs = dist.share_between(np.array([low]), np.array([high]))
    return float(lows[0]), float(estimates[0]), float(highs[0])


COMPLETE = distribution([(13, 17, 0.1), (18, 24, 0.3), (25, 34, 0.3), (35, 100, 0.3)])
# 18-24 and 25-34 published (60%); 13-17 and 35+ unassigned (40%).
PARTIAL = distribution([(18, 24, 0.3), (25, 34, 0.3)])


@pytest.mark.parametrize(
    ("dist", "low", "high", "expected"),
    [
        (COMPLETE, 13, 100, (1.0, 1.0, 1.0)),
        (COMPLETE, 18, 34, (0.6, 0.6, 0.6)),
        (COMPLETE, 18, 20, (0.3 * 3 / 7,) * 3),  # evenly spread within the band
        (PARTIAL, 18, 34, (0.6, 0.6, 0.6)),  # no unassigned ages inside: exact
        (PARTIAL, 13, 100, (1.0, 1.0, 1.0)),  # every unassigned age inside: exact
        # some unassigned ages inside: bounds, and the 40% unassigned spread over the
        # 71 uncovered ages (13-17, 35-100), of which 6 (35-40) are inside
        (PARTIAL, 18, 40, (0.6, 0.6 + 0.4 * 6 / 71, 1.0)),
        (PARTIAL, 50, 60, (0.0, 0.4 * 11 / 71, 0.4)),
    ],
)
def test_share_between_gives_exact_values_or_honest_bounds(
    dist: Distribution, low: int, high: int, expected: tuple[float, float, float]
) -> None:
    assert share(dist, low, high) == pytest.approx(expected)


def test_uncovered_stretches_are_listed() -> None:
    assert PARTIAL.uncovered == ((13, 17), (35, 100))
    assert PARTIAL.unknown_mass == pytest.approx(0.4)
    assert COMPLETE.uncovered == ()


def test_gender_with_one_published_side_is_exact_for_the_other() -> None:
    only_male = distribution([(1, 1, 0.64)], domain=(0, 1))
    assert share(only_male, 0, 0) == pytest.approx((0.36, 0.36, 0.36))


def test_population_density_weights_ages_within_a_band() -> None:
    """A 65+ band in a population with 9 people aged 65-69 per 1 aged 70+: 65-69 gets 90%."""
    density = np.zeros(101)
    density[65:70] = 9 / 5
    density[70:] = 1 / 31
    band = distribution([(13, 64, 0.8), (65, 100, 0.2)])
    weighted = Distribution(band.lows, band.highs, band.shares, band.domain, PROVENANCE, density)
    assert share(weighted, 65, 69)[1] == pytest.approx(0.2 * 0.9)
    assert share(band, 65, 69)[1] == pytest.approx(0.2 * 5 / 36)


def test_real_age_distributions_use_their_regions_population(evidence: Evidence) -> None:
    age = evidence.for_platform("weibo", "CN").age
    assert age is not None and age.density is not None
    assert age.density.sum() == pytest.approx(1.419e9, rel=0.01)


def _evidence(tmp_path: Path, rows: list[dict[str, object]]) -> Evidence:
    return Evidence(load_dataset(write_data(tmp_path, rows)))


def test_newer_figure_wins(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 40, source="Old", year=2020),
        figure("alpha", "DE", "gender", "female", 60, source="New", year=2024),
    ]
    chosen = _evidence(tmp_path, rows).for_platform("alpha", "DE").gender
    assert chosen is not None
    assert chosen.provenance.sources[0].source == "New"


def test_low_authority_is_used_only_when_nothing_else_exists(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 40, source="Pew", year=2021),
        figure("alpha", "DE", "gender", "female", 60, source="Blog", year=2025, authority="low"),
        figure("beta", "DE", "gender", "female", 55, source="Blog", year=2025, authority="low"),
    ]
    evidence = _evidence(tmp_path, rows)
    alpha, beta = (
        evidence.for_platform("alpha", "DE").gender,
        evidence.for_platform("beta", "DE").gender,
    )
    assert alpha is not None and alpha.provenance.sources[0].source == "Pew"
    assert beta is not None and beta.provenance.authority == "low"


def test_same_year_higher_authority_wins(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 40, source="Press", authority="secondary"),
        figure("alpha", "DE", "gender", "female", 60, source="Report", authority="primary"),
    ]
    chosen = _evidence(tmp_path, rows).for_platform("alpha", "DE").gender
    assert chosen is not None and chosen.provenance.sources[0].source == "Report"


def test_candidates_are_kept_in_choice_order_without_dropped_low_ones(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 40, source="Press", authority="secondary"),
        figure("alpha", "DE", "gender", "female", 60, source="Report", authority="primary"),
        figure("alpha", "DE", "gender", "female", 90, source="Blog", authority="low"),
        audience("alpha", "DE", 10, source="Report"),
        audience("alpha", "DE", 12, source="Press", authority="secondary"),
        audience("alpha", "DE", 30, source="Blog", authority="low"),
    ]
    ev = _evidence(tmp_path, rows).for_platform("alpha", "DE")
    assert [c.provenance.sources[0].source for c in ev.gender_candidates] == ["Report", "Press"]
    assert ev.gender_candidates[0] is ev.gender
    assert [c.people for c in ev.audience_candidates] == [10e6, 12e6]
    assert ev.audience_candidates[0] is ev.audience
    assert ev.age_candidates == ()


def test_worldwide_is_the_fallback_and_says_so(tmp_path: Path) -> None:
    rows = [figure("alpha", "WW", "gender", "female", 45)]
    chosen = _evidence(tmp_path, rows).for_platform("alpha", "DE").gender
    assert chosen is not None and chosen.provenance.region == "WW"


def test_no_figure_anywhere_stays_missing(tmp_path: Path) -> None:
    rows = [figure("beta", "DE", "gender", "female", 45)]
    assert _evidence(tmp_path, rows).for_platform("alpha", "DE").gender is None


def test_penetration_converts_to_composition_with_population(tmp_path: Path) -> None:
    """60% of women and 20% of men use it; equal numbers of each: 75% of users are women."""
    rows = [
        figure("alpha", "DE", "gender", "female", 60, unit="pct_of_group_using", universe="18+"),
        figure("alpha", "DE", "gender", "male", 20, unit="pct_of_group_using", universe="18+"),
    ]
    chosen = _evidence(tmp_path, rows).for_platform("alpha", "DE").gender
    assert chosen is not None and chosen.provenance.derived_from_penetration
    assert chosen.shares.tolist() == pytest.approx([0.75, 0.25])


def test_age_penetration_weights_by_band_population(tmp_path: Path) -> None:
    """Bands 20-39 (4,000k people) at 50% and 40+ (12,000k incl. the 100+ band) at 10%."""
    rows = [
        figure("alpha", "DE", "age", "20-39", 50, unit="pct_of_group_using", universe="20+"),
        figure("alpha", "DE", "age", "40+", 10, unit="pct_of_group_using", universe="20+"),
    ]
    chosen = _evidence(tmp_path, rows).for_platform("alpha", "DE").age
    assert chosen is not None
    young, old = 0.5 * 4000, 0.1 * 14000  # 40-99 six bands + 100+ band, both sexes: 14,000k
    assert chosen.shares.tolist() == pytest.approx([young / (young + old), old / (young + old)])


def test_penetration_bands_that_do_not_cover_the_universe_are_not_converted(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "age", "18-29", 50, unit="pct_of_group_using", universe="18+")]
    assert _evidence(tmp_path, rows).for_platform("alpha", "DE").age is None


def test_penetration_is_not_converted_without_population(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "gender", "female", 60, unit="pct_of_group_using", universe="18+"),
        figure("alpha", "DE", "gender", "male", 20, unit="pct_of_group_using", universe="18+"),
    ]
    evidence = Evidence(load_dataset(write_data(tmp_path, rows, population_rows=[])))
    assert evidence.for_platform("alpha", "DE").gender is None


def test_audience_from_count_and_from_penetration(tmp_path: Path) -> None:
    rows = [
        audience("alpha", "DE", 12.5),
        figure("beta", "DE", "total", "all", 50, unit="pct_of_group_using", universe="20+"),
    ]
    evidence = _evidence(tmp_path, rows)
    alpha, beta = (
        evidence.for_platform("alpha", "DE").audience,
        evidence.for_platform("beta", "DE").audience,
    )
    assert alpha is not None and alpha.people == pytest.approx(12.5e6)
    assert beta is not None and beta.people == pytest.approx(0.5 * 18_000_000)  # 20-99 + 100+
    assert beta.provenance.derived_from_penetration


@pytest.mark.parametrize(
    ("universe", "expected"),
    [
        ("16-64", 0.5 * 9_800_000),  # 49 years of 200,000 people
        ("12+", 0.5 * 19_600_000),  # 12-99 and the 100+ band
        ("13-17", None),  # a rate among teens sizes the teens, not the network
        ("30-49", None),
    ],
)
def test_only_a_general_population_rate_sizes_the_audience(
    tmp_path: Path, universe: str, expected: float | None
) -> None:
    rows = [figure("alpha", "DE", "total", "all", 50, unit="pct_of_group_using", universe=universe)]
    chosen = _evidence(tmp_path, rows).for_platform("alpha", "DE").audience
    if expected is None:
        assert chosen is None
    else:
        assert chosen is not None and chosen.people == pytest.approx(expected, rel=0.02)


def test_daily_figures_are_never_used_as_monthly_audience(tmp_path: Path) -> None:
    rows = [figure("alpha", "DE", "audience", "dau", 5, unit="million_people")]
    assert _evidence(tmp_path, rows).for_platform("alpha", "DE").audience is None


def test_population_spreads_people_evenly_within_bands() -> None:
    from smmfit.data import Population, PopulationRow

    rows = [PopulationRow.model_validate(row) for row in population()]
    people = Population(rows).people_one("DE", ["female"], 15, 24)
    assert people == pytest.approx(500_000 + 500_000)


def _ad_audience(platform: str, millions: float, **kwargs: Any) -> dict[str, Any]:
    return figure(platform, "DE", "audience", "ad_audience", millions, "million_people", **kwargs)


@pytest.mark.parametrize(
    ("alpha_rows", "expected_people", "expected_kind"),
    [
        # Most networks publish an ad audience: alpha is compared on it too, even though its
        # only ad-audience figure is low-authority and its MAU is secondary.
        (
            [
                audience("alpha", "DE", 50, authority="secondary"),
                _ad_audience("alpha", 30, source="Blog", authority="low"),
            ],
            30e6,
            "ad_audience",
        ),
        # A common-measure figure much older than another measure's does not win.
        (
            [audience("alpha", "DE", 50, year=2025), _ad_audience("alpha", 30, year=2020)],
            50e6,
            "mau",
        ),
        # Without the common measure, the network's best other measure stands.
        ([audience("alpha", "DE", 50)], 50e6, "mau"),
    ],
)
def test_networks_are_compared_on_the_regions_common_measure(
    tmp_path: Path,
    alpha_rows: list[dict[str, Any]],
    expected_people: float,
    expected_kind: str,
) -> None:
    rows = [*alpha_rows, _ad_audience("beta", 40), _ad_audience("gamma", 20)]
    ev = _evidence(tmp_path, rows).for_platform("alpha", "DE")
    assert ev.audience is not None
    assert ev.audience.people == pytest.approx(expected_people)
    assert ev.audience.kind == expected_kind
    # The other measures stay candidates: their disagreement is part of the plausible range.
    assert {c.people for c in ev.audience_candidates} >= {
        r["value"] * 1e6 for r in alpha_rows if r["authority"] != "low"
    }


@pytest.mark.parametrize(
    ("bands", "domain", "teens"),
    [
        # Bands that account for the whole audience from 18 up (advertising tools report
        # adults only) say nothing about 13-17: a range from nobody to everyone there.
        ([("18-34", 60), ("35+", 40)], (18, 100), (0.0, 1_000_000.0)),
        # A source that means nobody under 18 publishes the band at 0%.
        ([("13-17", 0), ("18-34", 60), ("35+", 40)], (13, 100), (0.0, 0.0)),
        # A partial profile's unassigned rest may be at any age, 13-17 included.
        ([("18-34", 60)], (13, 100), (0.0, 1_000_000.0)),
    ],
)
def test_a_profile_speaks_only_for_the_ages_it_covers(
    tmp_path: Path,
    bands: list[tuple[str, float]],
    domain: tuple[int, int],
    teens: tuple[float, float],
) -> None:
    from smmfit.data.cells import CellQuery

    rows = [_ad_audience("alpha", 10)] + [
        figure("alpha", "DE", "age", band, share) for band, share in bands
    ]
    evidence = _evidence(tmp_path, rows)
    age = evidence.for_platform("alpha", "DE").age
    assert age is not None and age.domain == domain
    people = evidence.people("alpha", "DE")
    assert people is not None
    query = CellQuery(np.array([13]), np.array([17]), np.array([[True, True]]))
    low, _, high = (float(v[0]) for v in people.query(query))
    assert (low, high) == pytest.approx(teens)


def test_the_users_own_audience_comes_first_whatever_its_measure(tmp_path: Path) -> None:
    from smmfit.data import Figure
    from smmfit.data.upload import with_user_figures

    rows = [_ad_audience("alpha", 30), _ad_audience("beta", 40), _ad_audience("gamma", 20)]
    dataset = load_dataset(write_data(tmp_path, rows))
    own = Figure.model_validate(audience("alpha", "DE", 70, source="Our CRM", authority="user"))
    chosen = Evidence(with_user_figures(dataset, [own])).for_platform("alpha", "DE").audience
    assert chosen is not None and (chosen.people, chosen.kind) == (70e6, "mau")


def test_a_partial_profiles_rest_is_centred_by_a_fuller_one_with_the_same_bounds(
    tmp_path: Path,
) -> None:
    from smmfit.data.cells import CellQuery

    # 6M: the 30-39 band's 1.8M fit among the 2M aged 30-39 (an overfull band is fitted in
    # odds with the rest, test_no_cell_holds_more_people_than_live_in_it).
    country = [_ad_audience("alpha", 6), figure("alpha", "DE", "age", "30-39", 30)]
    # Worldwide, the network's audience is young: most of the rest is under 30.
    worldwide = [
        figure("alpha", "WW", "age", band, share, source="Ad tools")
        for band, share in (("13-29", 70), ("30-39", 20), ("40+", 10))
    ]
    young = CellQuery(np.array([13]), np.array([29]), np.array([[True, True]]))
    results = {}
    for label, rows in (("country only", country), ("with worldwide", country + worldwide)):
        people = _evidence(tmp_path / label, rows).people("alpha", "DE")
        assert people is not None
        results[label] = tuple(float(v[0]) for v in people.query(young))
        assert people.stand_in == (label == "with worldwide")
    (low, alone, high), (low_ww, centred, high_ww) = (
        results["country only"],
        results["with worldwide"],
    )
    assert (low, high) == pytest.approx((low_ww, high_ww))
    # Spread like the population, 17 of the 78 uncovered ages (13-29 of 13-29 and 40-100)
    # would hold the rest; the worldwide profile puts far more of it there.
    assert centred > alone * 2


# -- no cell holds more people than live in it ----------------------------------------------


@pytest.mark.parametrize(
    ("millions", "bands", "expected_young", "expected_total"),
    [
        # 80% of 2M fits in the 13-29 cells (3.4M people): nothing moves.
        (2, [("13-29", 80), ("30+", 20)], 1.6e6, 2e6),
        # 80% of 10M is more than 13-29 holds: the count stands (the network's own figure
        # outranks a borrowed profile) and the profile's index is kept in odds, so 13-29 is
        # nearly, never wholly, full and the rest is in 30+ (None: see the test's end).
        (10, [("13-29", 80), ("30+", 20)], None, 10e6),
        # A partial profile: its unknown rest in the other ages is fitted with the band, so
        # what 13-29 cannot hold joins it there, in odds (13-29 nearly, never wholly, full).
        (10, [("13-29", 80)], None, 10e6),
        # More people than the whole country aged 13+ (19.4M): at most everyone.
        (40, [("13-29", 80), ("30+", 20)], 3.4e6, 19.4e6),
    ],
)
def test_no_cell_holds_more_people_than_live_in_it(
    tmp_path: Path,
    millions: float,
    bands: list[tuple[str, float]],
    expected_young: float | None,
    expected_total: float,
) -> None:
    from smmfit.data.cells import CellQuery

    rows = [_ad_audience("alpha", millions)] + [
        figure("alpha", "DE", "age", band, share) for band, share in bands
    ]
    evidence = _evidence(tmp_path, rows)
    people = evidence.people("alpha", "DE")
    assert people is not None
    young = CellQuery(np.array([13]), np.array([29]), np.array([[True, True]]))
    everyone = CellQuery(np.array([13]), np.array([100]), np.array([[True, True]]))
    _, young_people, young_high = (float(v[0]) for v in people.query(young))
    low, total, high = (float(v[0]) for v in people.query(everyone))
    if expected_young is None:
        assert 0.9 * 3.4e6 < young_people < 3.4e6
    else:
        assert young_people == pytest.approx(expected_young)
    assert young_high <= 3.4e6 + 1
    assert (low, total, high) == pytest.approx((expected_total,) * 3)
    population = evidence.population.cells("DE")
    assert population is not None and (people.known <= population + 1e-6).all()


def test_fitting_to_the_population_keeps_the_count_and_the_profiles_index_in_odds() -> None:
    from smmfit.data.cells import CELL_SHAPE, fit_to_population

    room = np.full(CELL_SHAPE, 10.0)
    room[0, 40] = 20.0
    people = np.zeros(CELL_SHAPE)
    people[0, 20], people[0, 30], people[0, 40] = 16.0, 2.0, 6.0  # 6 too many at 20
    fitted = fit_to_population(people, room)
    assert fitted.sum() == pytest.approx(24.0)  # the count stands
    assert (fitted < room).all() or (fitted[people > 0] < room[people > 0]).all()
    # Each cell's odds of using the network are its rate as placed times one factor: the
    # ratio of two cells' odds is the ratio of their placed rates (1.6 : 0.2 : 0.3).
    placed_rate = people[0, [20, 30, 40]] / room[0, [20, 30, 40]]
    rate = fitted[0, [20, 30, 40]] / room[0, [20, 30, 40]]
    odds = rate / (1 - rate)
    assert odds / odds[0] == pytest.approx(placed_rate / placed_rate[0])
    assert rate[0] > rate[2] > rate[1]  # the profile's order of ages is kept
    # Cells the profile left empty get nobody: the profile says nobody is there.
    assert fitted[1].sum() == 0 and fitted[0, 50] == 0


def test_fitting_changes_nothing_that_fits_and_fills_what_cannot_hold_the_count() -> None:
    from smmfit.data.cells import CELL_SHAPE, fit_to_population

    room = np.full(CELL_SHAPE, 10.0)
    people = np.zeros(CELL_SHAPE)
    people[0, 20], people[0, 30] = 9.0, 3.0
    assert (fit_to_population(people, room) == people).all()
    people[0, 20], people[0, 30] = 25.0, 3.0  # 28 people for 20 places
    fitted = fit_to_population(people, room)
    assert fitted[0, 20] == fitted[0, 30] == 10.0 and fitted.sum() == 20.0


def test_a_newer_survey_of_a_few_ages_keeps_the_counts_people_in_the_others(
    tmp_path: Path,
) -> None:
    """The best layer once kept the only pools: a 2025 survey of 16-18 year olds erased a 2024
    count's 10M people everywhere else, leaving 20-99 anywhere from nobody to everyone."""
    from smmfit.data.cells import CellQuery

    rows = [
        _ad_audience("alpha", 10, year=2024),
        figure("alpha", "DE", "total", "all", 50, unit="pct_of_group_using", universe="16-18",
               year=2025),
    ]  # fmt: skip
    people = _evidence(tmp_path, rows).people("alpha", "DE")
    assert people is not None
    teens = CellQuery(np.array([16]), np.array([18]), np.array([[True, True]]))
    adults = CellQuery(np.array([20]), np.array([99]), np.array([[True, True]]))
    assert float(people.query(teens)[1][0]) == pytest.approx(0.5 * 600_000)
    low, estimate, high = (float(v[0]) for v in people.query(adults))
    # The 16-18 cells (600,000 people) hold at most that many of the count; the rest are in
    # the count's other cells: 13-15, 19 and 100+ hold 2.8M, so 20-99 holds at least 6.6M.
    assert low == pytest.approx(10e6 - 600_000 - 2_800_000)
    assert low <= estimate <= high <= 10e6


# -- a profile from elsewhere carries its index, not its shares -------------------------------


def _young_world() -> list[dict[str, Any]]:
    """DE as in conftest (1M per ten years per sex); the world three times as many 10-29s."""
    world = population("WW")
    for row in world:
        if row["age"] in ("10-19", "20-29"):
            row["value"] = 3000
    return population("DE") + world


def test_a_worldwide_profile_is_reexpressed_for_the_countrys_ages(tmp_path: Path) -> None:
    """Worldwide, half of alpha's users are 13-29, in a world with 10.2M people aged 13-29 and
    16M aged 30+; DE has 3.4M and 16M. Half of a German count of 10M would be 5M of DE's 3.4M
    13-29s. What carries over is each band's over-representation: 13-29 weighs 3.4 / 10.2 of
    what it did, 30+ as much, so 13-29 gets (1/3) / (1/3 + 1) = a quarter of the audience."""
    from smmfit.data.cells import CellQuery

    rows = [
        _ad_audience("alpha", 10),
        figure("alpha", "WW", "age", "13-29", 50, source="Ad tools"),
        figure("alpha", "WW", "age", "30+", 50, source="Ad tools"),
    ]
    evidence = Evidence(load_dataset(write_data(tmp_path, rows, population_rows=_young_world())))
    young = 0.25
    age = evidence.for_platform("alpha", "DE").age
    assert age is not None and age.provenance.region == "WW"  # still labelled as borrowed
    assert age.share_between(np.array([13]), np.array([29]))[1][0] == pytest.approx(young, rel=0.01)
    people = evidence.people("alpha", "DE")
    assert people is not None
    query = CellQuery(np.array([13]), np.array([29]), np.array([[True, True]]))
    assert float(people.query(query)[1][0]) == pytest.approx(10e6 * young, rel=0.01)
    # In the world it came from, the profile is what was published.
    world = evidence.for_platform("alpha", "WW").age
    assert world is not None
    assert world.share_between(np.array([13]), np.array([29]))[1][0] == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("compositions", "women_share"),
    [
        # The network's own split by sex divides a rate published for both sexes together.
        ([("DE", "female", 70), ("DE", "male", 30)], 0.7),
        # One side is exact for the other (two sexes in the cells).
        ([("DE", "male", 30)], 0.7),
        # A worldwide split says nothing of this country's users.
        ([("WW", "female", 70), ("WW", "male", 30)], 0.5),
    ],
)
def test_a_rate_for_both_sexes_is_divided_by_the_networks_own_composition(
    tmp_path: Path, compositions: list[tuple[str, str, float]], women_share: float
) -> None:
    rates = [
        figure("alpha", "DE", "age", "18-39", 50, unit="pct_of_group_using", universe="18+"),
        figure("alpha", "DE", "age", "40+", 20, unit="pct_of_group_using", universe="18+"),
    ]
    alone = _evidence(tmp_path / "rates", rates).people("alpha", "DE")
    rows = [
        *rates,
        *(figure("alpha", region, "gender", sex, share) for region, sex, share in compositions),
    ]
    cells = _evidence(tmp_path / "with", rows).people("alpha", "DE")
    assert cells is not None and alone is not None
    women, men = cells.known.sum(axis=1)
    # Equal numbers of each sex at every age: the rates alone give each sex half the users,
    # and dividing them moves people between the sexes without adding any.
    assert alone.known.sum(axis=1).tolist() == pytest.approx([alone.known.sum() / 2] * 2)
    assert women + men == pytest.approx(alone.known.sum())
    assert women / (women + men) == pytest.approx(women_share)


def test_a_rate_by_sex_is_kept_over_the_networks_composition(tmp_path: Path) -> None:
    rows = [
        figure("alpha", "DE", "age", "18+", 40, unit="pct_of_group_using", universe="18+"),
        figure("alpha", "DE", "gender", "female", 60, unit="pct_of_group_using", universe="18+"),
        figure("alpha", "DE", "gender", "male", 20, unit="pct_of_group_using", universe="18+"),
        figure("alpha", "DE", "gender", "female", 10),
        figure("alpha", "DE", "gender", "male", 90),
    ]
    cells = _evidence(tmp_path, rows).people("alpha", "DE")
    assert cells is not None
    women, men = cells.known.sum(axis=1)
    assert women / (women + men) == pytest.approx(0.75)
