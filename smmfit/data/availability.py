"""Which availability record is in force on a date, for a persona's ages: the one home of the rule.

``data/availability.csv`` holds dated events: each row is in force from ``since`` up to the
day before ``until`` (open when empty), for the whole service or a narrower ``scope``.

- :func:`status_on`: a network's status in a country on a date for a persona's ages, and the
  record that decides it (for the note that explains it);
- :func:`history`: every record of a network in a country, oldest first, for display;
- :func:`in_force`: whether one record holds on a date, whoever the persona is;
- :func:`as_of_range`, :func:`check_as_of`: the dates a question may be asked about.

The rule, step by step:

1. Records in force on the date: ``since`` (its first day if only the year or month is
   known) on or before it, and ``until`` empty or after it.
2. Records that do not concern the persona drop out: an ``ages`` scope the persona's ages do
   not overlap.
3. Among whole-service records the latest start wins (a lift replaces the block before it);
   a record that started before that winner is replaced by it, whatever its scope.
4. What remains counts at its scope: the whole service at its status; an ``ages`` scope at
   its status if the persona lies entirely inside it, else at most ``restricted``; ``ads`` at
   most ``restricted`` (organic posting is still possible); a ``feature`` leaves the network
   ``available`` (the record is returned so a note can name the feature).
5. The most severe of those wins; between equals, the later start.

>>> from smmfit.data.load import load_dataset
>>> dataset = load_dataset()
>>> status_on(dataset, "instagram", "TR", date(2025, 3, 20), (25, 44))[0]
'restricted'
>>> status_on(dataset, "instagram", "TR", date(2025, 3, 22), (25, 44))
('available', None)
"""

from __future__ import annotations

from datetime import date

from smmfit.data.rows import Availability, Dataset
from smmfit.models import Status
from smmfit.types import FIRST_YEAR

SEVERITY: dict[Status, int] = {"available": 0, "restricted": 1, "blocked": 2}


def history(dataset: Dataset, platform: str, region: str) -> tuple[Availability, ...]:
    """Every record of the network in the country, oldest first; ``()`` when there is none."""
    return dataset.availability.get((platform, region), ())


def in_force(record: Availability, on: date) -> bool:
    """Whether the record holds on the day, before any scope is applied."""
    start = record.start
    started = start is None or start <= on
    return started and (record.until is None or record.until > on)


def _at_most(status: Status, cap: Status) -> Status:
    return status if SEVERITY[status] <= SEVERITY[cap] else cap


def scoped_status(record: Availability, ages: tuple[int, int]) -> Status | None:
    """The record's status for a persona of these ages, or ``None`` if it does not concern it.

    >>> record = Availability(platform="x", region="AU", status="blocked", since="2025-12-10",
    ...     scope="ages:0-15", reason="Under-16 rule", source="Gov", url="https://gov.au/x",
    ...     year=2025)
    >>> [scoped_status(record, ages) for ages in ((13, 15), (13, 17), (25, 44))]
    ['blocked', 'restricted', None]
    """
    kind = record.scope_kind
    if kind == "ages":
        low, high = record.scope_ages or (0, 0)
        if ages[1] < low or ages[0] > high:
            return None
        inside = low <= ages[0] and ages[1] <= high
        return record.status if inside else _at_most(record.status, "restricted")
    if kind == "ads":
        return _at_most(record.status, "restricted")
    if kind == "feature":
        return "available"
    return record.status


def status_on(
    dataset: Dataset, platform: str, region: str, on: date, ages: tuple[int, int]
) -> tuple[Status, Availability | None]:
    """The network's status in the country on the day for a persona of these ages, and the
    record that decides it (``None`` when no record is in force: available)."""
    concerned = [
        (record, status)
        for record in history(dataset, platform, region)
        if in_force(record, on) and (status := scoped_status(record, ages)) is not None
    ]
    whole = [record for record, _ in concerned if record.scope_kind == "service"]
    if whole:
        latest = max(whole, key=_start_key)
        concerned = [(r, s) for r, s in concerned if _start_key(r) >= _start_key(latest)]
    if not concerned:
        return "available", None
    record, status = max(concerned, key=lambda pair: (SEVERITY[pair[1]], _start_key(pair[0])))
    return status, record


def _start_key(record: Availability) -> date:
    return record.start or date.min


LOOKAHEAD_YEARS = 1


def as_of_range(dataset: Dataset, today: date | None = None) -> tuple[date, date]:
    """The dates a status can be asked for: from the earliest ``since`` in the data (1 Jan of
    the first source year when no record has one) to one year after today."""
    today = today or date.today()
    starts = [r.start for records in dataset.availability.values() for r in records if r.since]
    earliest = min((s for s in starts if s is not None), default=date(FIRST_YEAR, 1, 1))
    try:
        latest = today.replace(year=today.year + LOOKAHEAD_YEARS)
    except ValueError:  # 29 February
        latest = today.replace(year=today.year + LOOKAHEAD_YEARS, day=28)
    return earliest, latest


def check_as_of(dataset: Dataset, on: date, today: date | None = None) -> None:
    """Raise ``ValueError`` naming the allowed range if ``on`` lies outside :func:`as_of_range`."""
    earliest, latest = as_of_range(dataset, today)
    if not earliest <= on <= latest:
        raise ValueError(
            f"{on.isoformat()} is outside the data's range: use a date from "
            f"{earliest.isoformat()} (the earliest record) to {latest.isoformat()} "
            "(one year from today)"
        )


__all__ = [
    "SEVERITY",
    "as_of_range",
    "check_as_of",
    "history",
    "in_force",
    "scoped_status",
    "status_on",
]
