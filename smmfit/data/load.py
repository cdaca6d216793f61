"""Loads and validates the sourced data in ``data/``: the only way scoring sees figures.

Every file is checked once, at load. A bad file raises :class:`DataError` whose message names
the file, the line and the column, so a contributor can fix it without reading code.
The row checks (:func:`validate_row`, :func:`figure_problems`) are reusable on any table.

>>> dataset = load_dataset()
>>> "vk" in dataset.platforms
True
"""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from smmfit.data.rows import (
    DATA_DIR,
    SUM_TOLERANCE_PCT,
    Availability,
    DataError,
    Dataset,
    Figure,
    PlatformInfo,
    PopulationRow,
    SegmentSignal,
    parse_age_band,
)
from smmfit.models import MIN_AGE, WORLDWIDE, Note, normalise_region
from smmfit.types import FIRST_YEAR, FrozenRow

RowModel = TypeVar("RowModel", bound=FrozenRow)


@dataclass(frozen=True)
class RowProblem:
    """One bad cell or group of rows: where, why in English, and why as a catalog note.

    ``place`` is the English location (``line 3, column value ('x')``) data files report;
    ``note`` renders the reason in the user's language (keys under ``row_error``).
    """

    lines: tuple[int, ...]
    column: str
    cell: str
    place: str
    message: str
    note: Note

    def english(self, file: str) -> str:
        return f"{file}, {self.place}: {self.message}"


def _problem(
    line: int, column: str, cell: str, message: str, key: str, /, **params: str | int | float
) -> RowProblem:
    place = f"line {line}, column {column} ({cell!r})" if column else f"line {line}"
    return RowProblem(
        lines=(line,),
        column=column,
        cell=cell,
        place=place,
        message=message,
        note=Note(key=f"row_error.{key}", params=params),
    )


def _group_problem(
    lines: Sequence[int], column: str, place: str, message: str, key: str, /, **params: str | float
) -> RowProblem:
    return RowProblem(
        lines=tuple(lines),
        column=column,
        cell="",
        place=place,
        message=message,
        note=Note(key=f"row_error.{key}", params=params),
    )


def header_problems(model: type[FrozenRow], header: Sequence[str]) -> list[RowProblem]:
    """Missing required and unknown columns of a table read into ``model``, as line 1."""
    expected = set(model.model_fields)
    missing = [name for name in model.model_fields if name not in header]
    missing = [name for name in missing if model.model_fields[name].is_required()]
    unknown = [name for name in header if name not in expected]
    if not (missing or unknown):
        return []
    problems = []
    if missing:
        problems.append(f"missing columns {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown columns {', '.join(unknown)}")
    return [
        RowProblem(
            lines=(1,),
            column="",
            cell="",
            place="line 1",
            message="; ".join(problems),
            note=Note(
                key="row_error.header",
                params={"missing": ", ".join(missing) or "-", "unknown": ", ".join(unknown) or "-"},
            ),
        )
    ]


def _note_key(error_type: str, column: str) -> str:
    """The catalog key for a pydantic error: generic kinds by type, the rest by column."""
    if error_type == "missing":
        return "missing"
    if error_type in {"float_parsing", "float_type", "int_parsing", "int_type", "finite_number"}:
        return "not_a_number"
    if error_type == "int_from_float":
        return "not_whole"
    if error_type in {"greater_than_equal", "greater_than"}:
        return "negative"
    if error_type == "literal_error":
        return "choice"
    return f"column_{column}" if column in Figure.model_fields else "invalid"


def validate_row(
    model: type[RowModel], line: int, cells: Mapping[str, str]
) -> tuple[RowModel | None, list[RowProblem]]:
    """One row as a validated model, or every problem in it, each naming its column."""
    try:
        return model.model_validate(dict(cells)), []
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            column = str(item["loc"][0]) if item["loc"] else ""
            message = str(item["msg"]).removeprefix("Value error, ")
            cell = str(cells.get(column, ""))
            params: dict[str, str | int | float] = {"column": column, "cell": cell[:80]}
            expected = (item.get("ctx") or {}).get("expected")
            if expected is not None:
                params["allowed"] = str(expected).replace("'", "")
            if column == "year":
                params.update(first=FIRST_YEAR, last=date.today().year)
            key = _note_key(item["type"], column)
            problems.append(_problem(line, column, cell, message, key, **params))
        return None, problems


def read_rows(path: Path, model: type[RowModel]) -> Iterator[tuple[int, RowModel]]:
    """Rows of a CSV as validated models, with their line numbers; errors name the cell."""
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as error:
        raise DataError(f"{path.name}: cannot be read ({error.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        for problem in header_problems(model, reader.fieldnames or []):
            raise DataError(problem.english(path.name))
        for row in reader:
            line = reader.line_num
            if None in row:
                raise DataError(f"{path.name}, line {line}: more cells than columns")
            cells = {key: value for key, value in row.items() if value is not None}
            validated, problems = validate_row(model, line, cells)
            if validated is None:
                raise DataError(problems[0].english(path.name))
            yield line, validated


def _known(path: Path, line: int, column: str, value: str, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise DataError(
            f"{path.name}, line {line}, column {column} ({value!r}): unknown; "
            f"known: {', '.join(allowed)}"
        )


def figure_problems(
    rows: Sequence[tuple[int, Figure]], known_platforms: Sequence[str]
) -> list[RowProblem]:
    """Checks across figures: known platforms, no repeats, shares that add up (with tolerance).

    Runs on figures from any table, a data file or an upload; returns every problem found.
    """
    problems = [
        _problem(
            line,
            "platform",
            figure.platform,
            f"unknown; known: {', '.join(known_platforms)}",
            "unknown_platform",
            cell=figure.platform[:80],
            allowed=", ".join(known_platforms),
        )
        for line, figure in rows
        if figure.platform not in known_platforms
    ]
    groups: dict[tuple[str, ...], list[tuple[int, Figure]]] = defaultdict(list)
    seen: dict[tuple[str, ...], int] = {}
    for line, figure in rows:
        cell = (
            figure.platform, figure.region, figure.dimension, figure.category, figure.unit,
            figure.universe, figure.source, str(figure.year),
        )  # fmt: skip
        if cell in seen:
            problems.append(
                _problem(
                    line,
                    "",
                    "",
                    f"the same figure as line {seen[cell]} "
                    "(platform, region, dimension, category, unit, source and year)",
                    "duplicate",
                    other=seen[cell],
                )
            )
            continue
        seen[cell] = line
        if figure.unit == "pct_of_platform_audience" and figure.dimension in ("gender", "age"):
            key = (
                figure.platform,
                figure.region,
                figure.dimension,
                figure.source,
                str(figure.year),
            )
            groups[key].append((line, figure))
    for members in groups.values():
        problems.extend(_distribution_problems(members))
    return problems


def _distribution_problems(members: list[tuple[int, Figure]]) -> list[RowProblem]:
    """Composition shares from one source must not overlap or exceed 100 (with tolerance)."""
    total = sum(figure.value for _, figure in members)
    line_numbers = [line for line, _ in members]
    lines = ", ".join(str(line) for line in line_numbers)
    if total > 100 + SUM_TOLERANCE_PCT:
        return [
            _group_problem(
                line_numbers,
                "value",
                f"lines {lines}, column value",
                f"shares from one source add up to {total:g}, above 100 "
                f"(tolerance {SUM_TOLERANCE_PCT:g})",
                "sum_above",
                total=f"{total:g}",
            )
        ]
    first = members[0][1]
    if first.dimension == "age":
        bands = sorted((parse_age_band(figure.category), line) for line, figure in members)
        for (band, line), (next_band, next_line) in itertools.pairwise(bands):
            if next_band[0] <= band[1]:
                return [
                    _group_problem(
                        (line, next_line),
                        "category",
                        f"lines {line} and {next_line}, column category",
                        "age bands from one source overlap",
                        "overlap",
                    )
                ]
        covered = (
            bands[0][0][0] <= MIN_AGE
            and all(nxt[0][0] == cur[0][1] + 1 for cur, nxt in itertools.pairwise(bands))
            and bands[-1][0][1] == 100
        )
    else:
        covered = {figure.category for _, figure in members} == {"female", "male"}
    if covered and total < 100 - SUM_TOLERANCE_PCT:
        return [
            _group_problem(
                line_numbers,
                "value",
                f"lines {lines}, column value",
                f"a complete distribution adds up to {total:g}, not 100 "
                f"(tolerance {SUM_TOLERANCE_PCT:g})",
                "sum_below",
                total=f"{total:g}",
            )
        ]
    return []


def load_platforms(data_dir: Path = DATA_DIR) -> dict[str, PlatformInfo]:
    """Only ``platforms.csv``, validated: for callers that need the network ids, not the figures."""
    platforms_path = data_dir / "platforms.csv"
    platforms: dict[str, PlatformInfo] = {}
    for line, info in read_rows(platforms_path, PlatformInfo):
        if info.id in platforms:
            raise DataError(f"{platforms_path.name}, line {line}, column id: duplicate {info.id!r}")
        platforms[info.id] = info
    return platforms


def load_dataset(data_dir: Path = DATA_DIR) -> Dataset:
    """Read and validate every file in ``data_dir``."""
    platforms = load_platforms(data_dir)
    aliases = {
        alias: info.id
        for info in platforms.values()
        for alias in filter(None, (part.strip().lower() for part in info.aliases.split(";")))
    }
    known_platforms = tuple(platforms)

    figures_path = data_dir / "platform_demographics.csv"
    figure_rows = list(read_rows(figures_path, Figure))
    for line, figure in figure_rows:
        if figure.authority == "user":
            raise DataError(
                f"{figures_path.name}, line {line}, column authority: 'user' marks uploaded "
                "figures only"
            )
    for problem in figure_problems(figure_rows, known_platforms):
        raise DataError(problem.english(figures_path.name))

    availability_path = data_dir / "availability.csv"
    histories: dict[tuple[str, str], list[Availability]] = defaultdict(list)
    for line, record in read_rows(availability_path, Availability):
        _known(availability_path, line, "platform", record.platform, known_platforms)
        code = normalise_region(record.region)
        if code != record.region or code == WORLDWIDE:
            raise DataError(
                f"{availability_path.name}, line {line}, column region ({record.region!r}): "
                "must be a country code"
            )
        histories[record.platform, record.region].append(record)
    # Several rows tell a network's history in a country, oldest first (a stable sort keeps
    # the file's order for the same start); smmfit.data.availability says which is in force.
    availability = {
        key: tuple(sorted(records, key=lambda r: r.start or date.min))
        for key, records in histories.items()
    }

    signals_path = data_dir / "segment_signals.csv"
    signals = list(read_rows(signals_path, SegmentSignal))
    for line, signal in signals:
        _known(signals_path, line, "platform", signal.platform, known_platforms)
        if signal.authority == "user":
            raise DataError(f"{signals_path.name}, line {line}, column authority: not 'user'")

    population_path = data_dir / "population.csv"
    population = list(read_rows(population_path, PopulationRow))
    for line, row in population:
        if normalise_region(row.region) != row.region:
            raise DataError(f"{population_path.name}, line {line}, column region: not a code")

    return Dataset(
        figures=tuple(figure for _, figure in figure_rows),
        platforms=platforms,
        availability=availability,
        segment_signals=tuple(signal for _, signal in signals),
        population=tuple(row for _, row in population),
        aliases=aliases,
    )
