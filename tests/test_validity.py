"""The validation suite (bench/validity.py): its loader, leave-one-source-out, and its floors."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.validity import LeaveOneOut, persona_of, run, score_group, spearman
from bench.validity_data import VALIDATION_CSV, leaders, load_groups, publisher_keys
from smmfit import DataError, Evidence, Persona, assess, load_dataset
from smmfit.ranking.engine import persona_population
from tests.conftest import audience, figure, write_data

# What the suite measures (44 published tables), rounded down to two decimals. Issue 12's
# targets are 0.90 (reach's top is the published leader), 0.85 (the default pick is) and 0.80
# (mean Spearman). A change may raise these floors and must never lower them: a change that
# makes the product agree less with the published tables fails here. (A commit that adds
# tables or networks changes what is measured; it re-measures the floors and says so.)
# - leave-one-source-out (prediction: each table scored without its own publisher's figures):
#   29/44 = 0.66, 24/32 = 0.75, 0.80 over 17 complete tables, after networks are compared on
#   one audience measure per region (the measure published for the most networks there:
#   without Pew, the US is compared on advertising audiences, where YouTube's 239M leads
#   Facebook's 194M, instead of Facebook's all-ages MAU estimate against YouTube's ad
#   audience), an 18+ profile no longer reads as "no users under 18" (Spearman 0.76), and the
#   rest a country's partial profile leaves is centred by the network's fuller worldwide
#   profile instead of the population's ages (0.80: US Instagram's one published band no
#   longer sends most of its audience to the over-40s). Then 30/44 = 0.68, 25/32 = 0.78, 0.82
#   with Facebook's French monthly audience (Arcom 2024) and TikTok's DSA counts for France
#   and Germany. Was 16/44 = 0.36,
#   12/32 = 0.37, 0.69 (issue 13's data wave 2).
# - in sample (the evidence as shipped): 33/44 = 0.75, 31/34 = 0.91, 0.93 after the French
#   and German rows; before them 32/44 = 0.73, 30/34 = 0.88, 0.91. Reach's top went
#   from 33 to 32: for Thais 16-64, TikTok's 18+ ad audience (44.3M) now gets a range for
#   16-17 instead of zero, which takes it past Facebook's 13+ ad audience (49M) by 1.1M, a
#   tie inside both ranges. The pick floor was 0.93 (31/33), lowered earlier for two reasons,
#   neither a loss of agreement: (1) the Thai table lists LINE (90.5%) beside Facebook
#   (91.5%), a comparison the product loses even in sample, since LY Corporation's 54M Thai
#   users (2025) exceed Facebook's 49M Thai ad audience (DataReportal 2024); (2) US women are
#   a close call between YouTube and Facebook (the ranking says so).
# - six networks the tables name added (Discord, Twitch, Messenger, Truth Social, BeReal, XING;
#   the product lacks 1 of 25 named networks, was 7): leave-one-source-out unchanged (30/44,
#   25/32, 0.83); in sample 33/44, 32/34 = 0.94, 0.94. Pew's 2023 teen rates for Discord and
#   Twitch, their only US figures, are held back (DATA.md, "Known gaps"): with every adult cell
#   unknown, they made both contenders for US adults of any age.
# - no cell holds more people than live in it (an audience count times a borrowed profile put
#   45M Brazilians aged 18-24 on Instagram, of 21.7M; the count is kept, the surplus moved to
#   the profile's other ages, ``cells.fit_to_population``): leave-one-source-out 32/44 = 0.72,
#   24/30 = 0.80, 0.85; in sample 33/44 = 0.75, 29/31 = 0.93, 0.95 (Brazil's reach top is now
#   WhatsApp, as Pew's; the picks that moved went to networks the tables do not list).
# - Germany's own Facebook and Instagram profiles (Meta's delivery estimates, August 2026)
#   instead of the worldwide ones: no group loses its agreement; one more is counted. For
#   ARD/ZDF's 30-49s (Facebook 51%, Instagram 50%) the pick moves from YouTube, which the table
#   does not list (so the group was not counted), to Instagram, one point behind Facebook there
#   (counted, a miss); Facebook rises from 7.0M to 10.9M, towards the table. Leave-one-source-out
#   32/44, 24/31 = 0.77, 0.85; in sample 33/44, 29/32 = 0.91, 0.96.
# - a scenario's reach is capped at everyone in the persona's cells (a network with wide
#   ranges no longer wins the scenarios where it reaches more people than exist): again no group
#   loses its agreement and one more is counted. For ARD/ZDF's 14-29s (Instagram 79%, Snapchat
#   52%) the pick moves from YouTube (not listed) to Snapchat, a close call with YouTube whose
#   German figure is a low-authority Statista copy. Leave-one-source-out 32/44, 24/32 = 0.75,
#   0.85; in sample 33/44, 29/33 = 0.87, 0.96.
# - data wave 4 (FOM's 2025 Telegram 46% beside its WhatsApp 57%; ARD/ZDF's German weekly use):
#   Russians 35-54 and the monthly Mediascope table agree (WhatsApp, VK), 12-24 no longer does
#   (FOM has no ages). Every layer's pools now survive where better evidence leaves them, and a
#   worldwide profile lent to a country carries its index, not its shares (the world is younger
#   than Europe): leave-one-source-out 34/44 = 0.77, 25/32 = 0.78, 0.88; in sample 34/44 = 0.77,
#   31/33 = 0.94, 0.96.
# - data waves 9-11 (DSA monthly recipients per member state for Germany and France, a
#   non-Kepios TikTok count for Thailand) and rates divided by sex by the network's own
#   composition: no group changes its agreement; Spearman 0.88 -> 0.89 (France 0.90 -> 0.95,
#   Bitkom 0.89 -> 0.94 once the German and French networks share one measure).
# - the measure, not the product, changed (session 14): networks level at the top of reach
#   (YouTube, Instagram and Facebook each holding all 53.8M US 18-29 year-olds without Pew)
#   counted as agreement because the first of them in the table's order, the leader, was
#   taken. A tie now agrees only when every tied network leads: leave-one-source-out reach's
#   top is 32/44 = 0.73 at 7917ca8 (34/44 with the two ties), 25/31, 0.89; floor 0.72.
# - an audience count and a profile that overfill a cell keep the profile's index in odds
#   (no cell at everyone) and the persona's share gets the misplaced share as its range:
#   leave-one-source-out 32/44, 28/32 = 0.88 (was 25/31: US 18-29 x 2 and Russia 25-34 now
#   agree), 0.89, reach off the published share by 13.5 points on average (was 14.4); in
#   sample 34/44, 33/35 = 0.94 (was 31/33), 0.96, 4.6 points (4.6). Then the rest of a
#   partial profile is fitted with its bands (Instagram's one US band no longer fills every
#   18-29 cell through the rest's pool): leave-one-source-out 36/44 = 0.82 (US 18-29 x 2 and
#   US teens x 2 now agree), 31/33 = 0.94, 0.90, 12.5 points; in sample 35/44 = 0.80 (Russia
#   12-17's daily table: Telegram no longer level with VK), 33/35, 0.96, 4.4 points.
LEADER_BY_REACH_FLOOR = 0.81
PICK_FLOOR = 0.93
SPEARMAN_FLOOR = 0.90
SHARE_ERROR_CEILING = 12.5  # percentage points, rounded up; in sample below
IN_SAMPLE_FLOORS = (0.79, 0.94, 0.95)
IN_SAMPLE_SHARE_ERROR_CEILING = 4.4

COLUMNS = [
    "group_id", "region", "age_min", "age_max", "gender", "settlement", "platform",
    "share_using", "base", "source", "url", "year", "authority", "publisher_type", "notes",
]  # fmt: skip

GROUP_URL = "https://news.example.org/pew-table"


def use_row(**changes: Any) -> dict[str, Any]:
    row = {
        "group_id": "pew-2024-us-adults-18-100", "region": "US", "age_min": 18, "age_max": 100,
        "gender": "any", "settlement": "", "platform": "youtube", "share_using": 83,
        "base": "ever use", "source": "Pew Research Center, Americans' Social Media Use",
        "url": GROUP_URL, "year": 2024, "authority": "secondary", "publisher_type": "survey",
        "notes": "'83% of U.S. adults use YouTube'",
    }  # fmt: skip
    return {**row, **changes}


def write_uses(path: Path, rows: list[dict[str, Any]], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_real_validation_set_loads() -> None:
    groups = load_groups()
    assert len(groups) >= 35
    assert {group.region for group in groups.values()} >= {"US", "RU", "DE", "GB", "FR", "BR"}
    assert all(group.leader for group in groups.values())
    assert any(group.partial for group in groups.values())
    assert any(not group.partial for group in groups.values())


def test_a_network_the_product_lacks_is_reported_not_refused(tmp_path: Path) -> None:
    path = write_uses(
        tmp_path / "published_use.csv",
        [use_row(), use_row(platform="whatsapp", share_using=30)],
    )
    group = load_groups(path)["pew-2024-us-adults-18-100"]
    assert dict(group.shares) == {"youtube": 83, "whatsapp": 30}
    assert group.publishers == {"pew"}


PARTIAL = "'quote' | PARTIAL TABLE: only the top two were quoted"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([use_row(platform="myspace")], r"line 2, column platform \('myspace'\): unknown"),
        ([use_row(share_using=120)], r"line 2, column share_using \('120'\): .*less than or"),
        ([use_row(share_using="lots")], r"line 2, column share_using \('lots'\)"),
        ([use_row(url="http://example.org/x")], r"line 2, column url .*https://"),
        ([use_row(year=2021)], r"line 2, column year \('2021'\): year must be 2023 or later"),
        ([use_row(region="Russia")], r"line 2, column region \('Russia'\): .*'RU'"),
        ([use_row(gender="women")], r"line 2, column gender \('women'\)"),
        ([use_row(settlement="downtown")], r"line 2, column settlement \('downtown'\)"),
        ([use_row(authority="user")], r"line 2, column authority \('user'\)"),
        ([use_row(age_min=40, age_max=30)], r"line 2: age_min 40 is above age_max 30"),
        ([use_row(source="A marketing blog")], r"line 2, column source .*names no publisher"),
        ([use_row(notes="")], r"line 2, column notes"),
        ([use_row(group_id="Pew 2024")], r"line 2, column group_id \('Pew 2024'\)"),
        ([use_row(), use_row()], r"line 3, column platform \('youtube'\): repeats line 2"),
        (
            [use_row(), use_row(platform="facebook", region="DE")],
            r"line 3, column region \('DE'\): the group's line 2 has 'US'",
        ),
        (
            [use_row(), use_row(platform="facebook", age_max=64)],
            r"line 3, column age_max \('64'\): the group's line 2 has 100",
        ),
        (
            [use_row(notes=PARTIAL), use_row(platform="facebook")],
            r"line 3, column notes .*: the group's line 2 is marked 'PARTIAL TABLE:'",
        ),
    ],
)
def test_bad_rows_are_refused_with_file_line_and_column(
    tmp_path: Path, rows: list[dict[str, Any]], message: str
) -> None:
    path = write_uses(tmp_path / "published_use.csv", rows)
    with pytest.raises(DataError, match=r"published_use\.csv, " + message):
        load_groups(path)


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    rows = [use_row(platform="myspace"), use_row(platform="facebook", share_using=-1)]
    with pytest.raises(DataError) as raised:
        load_groups(write_uses(tmp_path / "published_use.csv", rows))
    assert re.search(r"line 2, column platform", str(raised.value))
    assert re.search(r"line 3, column share_using", str(raised.value))


def test_a_missing_column_names_line_1(tmp_path: Path) -> None:
    columns = [c for c in COLUMNS if c != "share_using"]
    path = write_uses(tmp_path / "published_use.csv", [use_row()], columns)
    with pytest.raises(DataError, match=r"published_use\.csv, line 1: missing columns share_using"):
        load_groups(path)


@pytest.mark.parametrize(
    ("source", "keys"),
    [
        ("Pew Research Center, Teens 2023 (Ipsos KnowledgePanel), via Chain Store Age", {"pew"}),
        ("Mediascope (Cross Web, Dec 2023), via RBC", {"mediascope"}),
        ("Ofcom, Online Nation 2024 (Comscore MMX), via a news copy", {"ofcom"}),
        ("DataReportal / Kepios, Digital 2024: France (GWI data)", {"datareportal"}),
        ("We Are Social & Meltwater, Digital 2025 Turkey", {"datareportal"}),
        ("ARD/ZDF-Medienstudie 2024, ARD MEDIA summary", {"ardzdf"}),
        ("Bitkom survey, as reposted by TN Deutschland", {"bitkom"}),
        ("A marketing blog", set()),
    ],
)
def test_publisher_keys(source: str, keys: set[str]) -> None:
    assert publisher_keys(source) == keys


def test_an_ofcom_table_also_leaves_out_comscore(tmp_path: Path) -> None:
    # Ofcom's reach figures are Comscore's panel: leaving out Ofcom alone would keep the copy.
    source = "Ofcom, Online Nation 2024 (Comscore MMX, May 2024), via a news copy"
    rows = [use_row(group_id="ofcom-gb", region="GB", source=source)]
    group = load_groups(write_uses(tmp_path / "published_use.csv", rows))["ofcom-gb"]
    assert group.publishers == {"ofcom", "comscore"}


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ([1, 2, 3], [10, 20, 30], 1.0),
        ([1, 2, 3], [30, 20, 10], -1.0),
        ([1, 2, 3, 4], [10, 20, 30, 25], 0.8),
        ([1, 2, 3, 4], [10, 10, 30, 40], 0.9486832981),  # a tie gets the average rank
        ([1, 1, 1], [1, 2, 3], None),
    ],
)
def test_spearman(x: list[float], y: list[float], expected: float | None) -> None:
    result = spearman(x, y)
    if expected is None:
        assert result is None
    else:
        assert result is not None and math.isclose(result, expected, abs_tol=1e-9)


def test_leaders_keep_ties() -> None:
    assert leaders({"a": 1, "b": 2, "c": 2}) == ("b", "c")
    assert leaders({}) == ()


def test_a_12_plus_table_is_scored_from_the_youngest_age_the_product_covers(
    tmp_path: Path,
) -> None:
    rows = [use_row(group_id="mediascope-ru", region="RU", age_min=12, source="Mediascope")]
    group = load_groups(write_uses(tmp_path / "published_use.csv", rows))["mediascope-ru"]
    persona, settlement_scored = persona_of(group)
    assert (persona.age_min, persona.age_max, persona.region) == (13, 100, "RU")
    assert settlement_scored


# -- leave-one-source-out ----------------------------------------------------------------------


def _sourced(rows: list[dict[str, Any]], source: str, url: str) -> list[dict[str, Any]]:
    return [{**row, "source": source, "url": url} for row in rows]


def _network(name: str, women: float, young: float, millions: float) -> list[dict[str, Any]]:
    return [
        figure(name, "DE", "gender", "female", women),
        figure(name, "DE", "gender", "male", 100 - women),
        figure(name, "DE", "age", "13-29", young),
        figure(name, "DE", "age", "30+", 100 - young),
        audience(name, "DE", millions),
    ]


def test_leave_one_source_out_removes_the_groups_publisher_and_url(tmp_path: Path) -> None:
    # alpha's only evidence is Pew's (the group's publisher, another page); gamma's only
    # evidence is on the group's own page under another name; beta's is independent.
    figures = [
        *_sourced(_network("alpha", 60, 40, 10), "Pew Research Center, other report",
                  "https://pewresearch.example.org/other"),
        *_sourced(_network("beta", 30, 80, 20), "Survey B", "https://b.example.org/b"),
        *_sourced(_network("gamma", 50, 50, 5), "Newspaper compilation", GROUP_URL),
    ]  # fmt: skip
    data = write_data(tmp_path / "data", figures)
    rows = [
        use_row(group_id="pew-de", region="DE", age_min=18, age_max=65, platform=platform,
                share_using=share, source="Pew Research Center, global survey (via outlet)")
        for platform, share in (("alpha", 60), ("beta", 50), ("gamma", 40))
    ]  # fmt: skip
    group = load_groups(write_uses(tmp_path / "use.csv", rows), platforms_dir=data)["pew-de"]
    dataset = load_dataset(data)
    persona, _ = persona_of(group)

    full = {
        r.platform: r.reach for r in assess(persona, Evidence(dataset), draws=200).ranking.ranking
    }
    assert all(full[name] for name in ("alpha", "beta", "gamma"))

    loo = LeaveOneOut(dataset)
    evidence, removed = loo.evidence(group)
    assert removed == 10
    for name in ("alpha", "gamma"):
        assert evidence.for_platform(name, "DE").audience is None
        assert evidence.for_platform(name, "DE").age is None
    result = score_group(group, loo, draws=200)
    reach = {n.platform: n.reach for n in result.networks}
    assert reach["alpha"] is None and reach["gamma"] is None
    assert reach["beta"] == full["beta"]
    assert result.reach_top == "beta" and result.reach_top_is_leader is False
    assert result.no_reach == ("alpha", "gamma")
    assert result.removed_publishers == ("pew",)

    # A second group of the same publisher and page reuses the same evidence.
    loo.evidence(group)
    assert loo.built == 1


def test_networks_level_at_the_top_agree_only_if_every_one_leads(tmp_path: Path) -> None:
    """alpha and beta have the same count and profile, so the same reach: a tie. The table
    has alpha first: the tie does not agree with it (beta may be the top as well), and a
    table where both lead does."""
    figures = _sourced(_network("alpha", 50, 40, 10), "Survey B", "https://b.example.org/b")
    figures += _sourced(_network("beta", 50, 40, 10), "Survey B", "https://b.example.org/b")
    data = write_data(tmp_path / "data", figures)
    dataset = load_dataset(data)
    for shares, agrees in (((60, 50), False), ((60, 60), True)):
        rows = [
            use_row(group_id="pew-de", region="DE", age_min=18, age_max=65, platform=platform,
                    share_using=share, source="Pew Research Center, global survey")
            for platform, share in zip(("alpha", "beta"), shares, strict=True)
        ]  # fmt: skip
        path = write_uses(tmp_path / "use.csv", rows)
        group = load_groups(path, platforms_dir=data)["pew-de"]
        result = score_group(group, LeaveOneOut(dataset), draws=200)
        assert set(result.reach_top_tied) == {"alpha", "beta"}
        assert result.reach_top_is_leader is agrees


# -- the floors ---------------------------------------------------------------------------------


def test_the_suite_does_not_drop_below_its_floors() -> None:
    results, summary = run()
    assert summary.groups == len(load_groups(VALIDATION_CSV)) == len(results)
    # The printed reach ranges are those the scenarios draw from: never more people than the
    # persona's cells hold, whatever the match share and audience give at their high ends.
    evidence = Evidence(load_dataset())
    capped = 0
    for result in results:
        people = persona_population(
            evidence,
            Persona(region=result.region, age_min=result.age_min, age_max=result.age_max,
                    gender=result.gender),
        )  # fmt: skip
        if np.isnan(people):
            continue
        for network in result.networks:
            if network.reach_high is not None and network.reach_low is not None:
                assert network.reach_low <= network.reach_high <= people * (1 + 1e-9)
                capped += network.reach_high == pytest.approx(people)
    assert capped > 0  # some high ends do reach everyone (US 18-29 without Pew, for one)
    assert summary.leader_by_reach is not None and summary.pick is not None
    assert summary.spearman is not None
    assert summary.leader_by_reach >= LEADER_BY_REACH_FLOOR, summary
    assert summary.pick >= PICK_FLOOR, summary
    assert summary.spearman >= SPEARMAN_FLOOR, summary
    assert summary.share_error is not None and summary.share_error <= SHARE_ERROR_CEILING


def test_in_sample_the_suite_does_not_drop_below_its_floors() -> None:
    _, summary = run(in_sample=True)
    measured = (summary.leader_by_reach, summary.pick, summary.spearman)
    for value, floor in zip(measured, IN_SAMPLE_FLOORS, strict=True):
        assert value is not None and value >= floor, summary
    assert summary.share_error is not None
    assert summary.share_error <= IN_SAMPLE_SHARE_ERROR_CEILING, summary
