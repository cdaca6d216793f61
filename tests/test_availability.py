"""Which availability record is in force on a date, for a persona's ages (smmfit.data.availability).

One small synthetic history per network, every case a row: before, on the first day of, inside
and after an interval (``until`` itself is no longer in force), open intervals, dates known only
to the year, age scopes the persona lies inside, overlaps or misses, ads and one feature.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from smmfit.data import DataError, Dataset, as_of_range, check_as_of, history, load_dataset
from smmfit.data.availability import in_force, scoped_status, status_on
from smmfit.models import MAX_AGE, MIN_AGE
from tests.conftest import block, synthetic_figures, write_data

ALL = (MIN_AGE, MAX_AGE)
ADULTS = (25, 44)

# Each network's history in DE, written out of order on purpose (the loader sorts it).
RECORDS = [
    # alpha: a block that ended, then an ads-only restriction.
    block("alpha", "DE", "restricted", "2021-05-01", scope="ads"),
    block("alpha", "DE", "blocked", "2020-01-10", until="2020-03-01"),
    # beta: restricted from some day in 2021, calls restricted too, then lifted.
    block("beta", "DE", "restricted", "2021"),
    block("beta", "DE", "restricted", "2023-01-01", scope="feature:calls"),
    block("beta", "DE", "available", "2024-06-01"),
    # gamma: accounts barred for ages 0-15 (Australia's rule).
    block("gamma", "DE", "blocked", "2025-12-10", scope="ages:0-15"),
    # delta: calls restricted, then a whole block that replaces it.
    block("delta", "DE", "blocked", "2026-04-10"),
    block("delta", "DE", "restricted", "2025-08-13", scope="feature:calls"),
]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    directory = tmp_path_factory.mktemp("availability")
    platforms = ("alpha", "beta", "gamma", "delta", "omega")
    return load_dataset(
        write_data(directory, synthetic_figures(), availability=RECORDS, platforms=platforms)
    )


# (platform, day, persona's ages, expected status, since of the deciding record or None)
CASES = [
    # A closed interval: before, first day, inside, the until day, after.
    ("alpha", date(2020, 1, 9), ALL, "available", None),
    ("alpha", date(2020, 1, 10), ALL, "blocked", "2020-01-10"),
    ("alpha", date(2020, 2, 29), ALL, "blocked", "2020-01-10"),
    ("alpha", date(2020, 3, 1), ALL, "available", None),
    ("alpha", date(2020, 6, 1), ALL, "available", None),
    # Ads only: at most restricted, open-ended.
    ("alpha", date(2021, 4, 30), ALL, "available", None),
    ("alpha", date(2021, 5, 1), ALL, "restricted", "2021-05-01"),
    ("alpha", date(2035, 1, 1), ADULTS, "restricted", "2021-05-01"),
    # A start known only to the year holds from 1 January; a feature never outranks it.
    ("beta", date(2020, 12, 31), ALL, "available", None),
    ("beta", date(2021, 1, 1), ALL, "restricted", "2021"),
    ("beta", date(2023, 6, 1), ALL, "restricted", "2021"),
    # A whole-service lift replaces everything that started before it.
    ("beta", date(2024, 6, 1), ALL, "available", "2024-06-01"),
    ("beta", date(2030, 1, 1), ADULTS, "available", "2024-06-01"),
    # An age scope: entirely inside, partly inside, outside, before it starts.
    ("gamma", date(2025, 12, 10), (13, 15), "blocked", "2025-12-10"),
    ("gamma", date(2025, 12, 10), (15, 15), "blocked", "2025-12-10"),
    ("gamma", date(2025, 12, 10), (13, 17), "restricted", "2025-12-10"),
    ("gamma", date(2025, 12, 10), ALL, "restricted", "2025-12-10"),
    ("gamma", date(2025, 12, 10), (16, 65), "available", None),
    ("gamma", date(2025, 12, 10), ADULTS, "available", None),
    ("gamma", date(2025, 12, 9), (13, 15), "available", None),
    # One feature: available, with the record so a note can name the feature; then a block.
    ("delta", date(2025, 8, 12), ALL, "available", None),
    ("delta", date(2025, 8, 13), ALL, "available", "2025-08-13"),
    ("delta", date(2026, 4, 9), ADULTS, "available", "2025-08-13"),
    ("delta", date(2026, 4, 10), ALL, "blocked", "2026-04-10"),
    # No record at all.
    ("omega", date(2025, 1, 1), ALL, "available", None),
]


@pytest.mark.parametrize(("platform", "day", "ages", "status", "since"), CASES)
def test_status_on_a_day_for_a_persona(
    dataset: Dataset,
    platform: str,
    day: date,
    ages: tuple[int, int],
    status: str,
    since: str | None,
) -> None:
    found, record = status_on(dataset, platform, "DE", day, ages)
    assert found == status
    assert (record.since if record else None) == since


def test_the_deciding_feature_record_names_the_feature(dataset: Dataset) -> None:
    _, record = status_on(dataset, "delta", "DE", date(2025, 9, 1), ALL)
    assert record is not None
    assert (record.scope_kind, record.scope_feature) == ("feature", "calls")


def test_another_country_has_no_record(dataset: Dataset) -> None:
    assert status_on(dataset, "alpha", "FR", date(2020, 2, 1), ALL) == ("available", None)


def test_history_is_every_record_oldest_first(dataset: Dataset) -> None:
    assert [(r.status, r.since, r.scope) for r in history(dataset, "beta", "DE")] == [
        ("restricted", "2021", ""),
        ("restricted", "2023-01-01", "feature:calls"),
        ("available", "2024-06-01", ""),
    ]
    assert history(dataset, "omega", "DE") == ()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 1, 9), False),
        (date(2020, 1, 10), True),
        (date(2020, 2, 29), True),
        (date(2020, 3, 1), False),
    ],
)
def test_in_force_from_since_to_the_day_before_until(
    dataset: Dataset, day: date, expected: bool
) -> None:
    ended = next(r for r in history(dataset, "alpha", "DE") if r.until is not None)
    assert in_force(ended, day) is expected


@pytest.mark.parametrize(
    ("scope", "status", "ages", "expected"),
    [
        ("", "blocked", ADULTS, "blocked"),
        ("ads", "blocked", ADULTS, "restricted"),
        ("ads", "restricted", ADULTS, "restricted"),
        ("ads", "available", ADULTS, "available"),
        ("feature:calls", "blocked", ADULTS, "available"),
        ("ages:0-15", "blocked", (13, 15), "blocked"),
        ("ages:0-15", "restricted", (13, 15), "restricted"),
        ("ages:0-15", "blocked", (15, 20), "restricted"),
        ("ages:0-15", "blocked", (16, 20), None),
        ("ages:65-100", "blocked", (60, 64), None),
        ("ages:65-100", "blocked", (64, 65), "restricted"),
    ],
)
def test_scoped_status(
    tmp_path: Path, scope: str, status: str, ages: tuple[int, int], expected: str | None
) -> None:
    rows = [block("alpha", "DE", status, "2024-01-01", scope=scope)]
    record = load_dataset(write_data(tmp_path, synthetic_figures(), rows)).availability[
        "alpha", "DE"
    ][0]
    assert scoped_status(record, ages) == expected


# Bad rows: each names the file, the line and the column.
@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            block("alpha", "DE", since="2025-03-19", until="2025-03-18"),
            r"availability.csv, line 2, column until .*must be after since 2025-03-19",
        ),
        (
            block("alpha", "DE", since="2025-03", until="2025-03-01"),
            r"availability.csv, line 2, column until .*after since 2025-03",
        ),
        (block("alpha", "DE", until="2025/03/21"), r"line 2, column until .*YYYY-MM-DD"),
        (block("alpha", "DE", scope="minors"), r"line 2, column scope .*ages:LOW-HIGH"),
        (block("alpha", "DE", scope="ages:16"), r"line 2, column scope"),
        (block("alpha", "DE", scope="ages:18-3"), r"line 2, column scope .*lower to a higher"),
        (block("alpha", "DE", scope="feature:Calls"), r"line 2, column scope"),
    ],
)
def test_bad_rows_name_file_line_and_column(
    tmp_path: Path, row: dict[str, str], message: str
) -> None:
    with pytest.raises(DataError, match=message):
        load_dataset(write_data(tmp_path, synthetic_figures(), [row]))


def test_a_never_offered_record_holds_from_the_start(tmp_path: Path) -> None:
    rows = [block("alpha", "DE", since="")]
    dataset = load_dataset(write_data(tmp_path, synthetic_figures(), rows))
    status, record = status_on(dataset, "alpha", "DE", date(2001, 1, 1), ALL)
    assert status == "blocked" and record is not None and record.start is None


@pytest.mark.parametrize(
    ("day", "today", "allowed"),
    [
        (date(2020, 1, 10), date(2026, 12, 2), True),
        (date(2020, 1, 9), date(2026, 12, 2), False),
        (date(2027, 12, 2), date(2026, 12, 2), True),
        (date(2027, 12, 3), date(2026, 12, 2), False),
        (date(2025, 2, 28), date(2024, 2, 29), True),
        (date(2025, 3, 1), date(2024, 2, 29), False),
    ],
)
def test_as_of_runs_from_the_earliest_record_to_a_year_from_today(
    dataset: Dataset, day: date, today: date, allowed: bool
) -> None:
    assert as_of_range(dataset, today)[0] == date(2020, 1, 10)
    if allowed:
        check_as_of(dataset, day, today)
    else:
        with pytest.raises(ValueError, match="outside the data's range"):
            check_as_of(dataset, day, today)


def test_real_data_turkish_throttle_ended_and_australian_rule_spares_adults(
    evidence_dataset: Dataset,
) -> None:
    """The two cases that motivated the dates: a 42-hour throttle in Turkey (19-21 Mar 2025)
    and Australia's under-16 account rule."""
    during, after = date(2025, 3, 20), date(2025, 3, 22)
    for platform in ("instagram", "x", "youtube", "tiktok", "telegram", "facebook"):
        assert status_on(evidence_dataset, platform, "TR", during, ADULTS)[0] == "restricted"
        assert status_on(evidence_dataset, platform, "TR", after, ADULTS) == ("available", None)
    ads = status_on(evidence_dataset, "pinterest", "TR", date(2021, 2, 1), ADULTS)
    assert ads[0] == "restricted" and ads[1] is not None and ads[1].scope_kind == "ads"
    today = date(2026, 12, 2)
    for platform in ("facebook", "instagram", "tiktok", "x", "youtube"):
        assert status_on(evidence_dataset, platform, "AU", today, ADULTS) == ("available", None)
        assert status_on(evidence_dataset, platform, "AU", today, (13, 15))[0] == "blocked"
        assert status_on(evidence_dataset, platform, "AU", today, (13, 17))[0] == "restricted"


@pytest.fixture(scope="module")
def evidence_dataset() -> Dataset:
    return load_dataset()
