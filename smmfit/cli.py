"""The command line: ``python -m smmfit rank|report|plan|rank-batch|data-report|check-tactics``.

A stable contract for scripts.

Bad input exits with code 2 and one line naming the problem, never a traceback.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import csv
import gc
import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import numpy as np
import pandas as pd
from pydantic import ValidationError

from smmfit.data import (
    DATA_DIR,
    DataError,
    Dataset,
    Evidence,
    audience_profile,
    check_as_of,
    coverage,
    load_dataset,
)
from smmfit.data.distribution import IntArray
from smmfit.models import (
    DEVICE_CHOICES,
    GENDERS,
    GOALS,
    SEGMENTS,
    SETTLEMENTS_BY_REGION,
    Persona,
    Ranking,
    Weights,
    default_weights,
    validation_messages,
)
from smmfit.plan import (
    CURRENCIES,
    PlanInputError,
    TestPlan,
    build_plan,
    load_plan_data,
    parse_request,
)
from smmfit.ranking import (
    BATCH_DRAWS,
    DEFAULT_DRAWS,
    MAX_DRAWS,
    Assessment,
    PersonaColumns,
    assess,
    rank_columns,
)
from smmfit.render import LANGUAGES, safe_csv_rows, t
from smmfit.render.plan import plan_json, plan_next_steps
from smmfit.render.plan import plan_table as test_plan_table
from smmfit.render.tactic_reports import plan_json as tactics_json
from smmfit.render.tactic_reports import plan_table
from smmfit.render.text import coverage_json, coverage_table, ranking_json, ranking_table
from smmfit.tactics import (
    Context,
    PlanCheck,
    PlanError,
    Semantics,
    Taxonomy,
    TaxonomyError,
    check_plan,
    decode_plan,
    load_semantics,
    load_taxonomy,
)

if TYPE_CHECKING:
    from smmfit.render.logo import Logo

EXIT_USAGE = 2


class UsageError(Exception):
    """Input the user can fix; printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _age_range(text: str) -> tuple[int, int]:
    parts = text.replace("–", "-").split("-")
    try:
        low, high = (int(parts[0]), int(parts[1])) if len(parts) == 2 else (int(text), int(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"age must look like 18-39, not {text!r}") from None
    return low, high


def _bounded_int(low: int, high: int) -> Any:
    """An argparse type: a whole number from low to high (argparse names the option)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"needs a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low:,} and {high:,}, not {text}")
        return value

    return parse


def _day(text: str) -> date:
    """An argparse type: a day written YYYY-MM-DD (argparse names the option)."""
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a date written YYYY-MM-DD, not {text!r}") from None


AS_OF_HELP = (
    "take availability as of this day, YYYY-MM-DD (default today); from the earliest "
    "record in the data to one year from today"
)


def _weights(text: str, goal: str | None) -> Weights:
    base = default_weights(goal).model_dump()  # type: ignore[arg-type]
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, value = part.partition("=")
        if name.strip() not in base:
            raise UsageError(f"--weights: unknown factor {name.strip()!r}; use {', '.join(base)}")
        try:
            base[name.strip()] = float(value)
        except ValueError:
            raise UsageError(f"--weights: {name.strip()} needs a number, not {value!r}") from None
    try:
        return Weights(**base)
    except ValidationError as error:
        raise UsageError(f"--weights: {'; '.join(validation_messages(error))}") from None


def _persona_options(command: argparse.ArgumentParser) -> None:
    """The persona, weights and scenario options shared by rank and report."""
    # No persona defaults here: an option left out is left to Persona, their one home.
    default = Persona()
    command.add_argument(
        "--age", type=_age_range,
        help=f"age range, e.g. 18-39 (default {default.age_min}-{default.age_max})",
    )  # fmt: skip
    command.add_argument("--gender", choices=GENDERS, help=f"default {default.gender}")
    command.add_argument(
        "--region", help=f"ISO country code such as RU, or WW (default {default.region})"
    )
    command.add_argument(
        "--device", nargs="+", metavar="DEVICE",
        help=f"one or more of {', '.join(DEVICE_CHOICES)} (default any)",
    )  # fmt: skip
    command.add_argument("--segment", choices=SEGMENTS, help=f"default {default.segment}")
    command.add_argument("--goal", choices=GOALS)
    types = "; ".join(f"{r}: {', '.join(codes)}" for r, codes in SETTLEMENTS_BY_REGION.items())
    command.add_argument(
        "--settlement", metavar="CODE",
        help=f"settlement type, one of the country's ({types}); default: everyone",
    )  # fmt: skip
    command.add_argument("--name")
    command.add_argument("--weights", default="", help="e.g. reach=0.5,match=0.3,segment=0.2")
    command.add_argument(
        "--include-blocked", action="store_true", help="score blocked networks too"
    )
    command.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help=AS_OF_HELP)
    command.add_argument("--lang", choices=LANGUAGES, default="en")
    command.add_argument(
        "--draws", type=_bounded_int(1, MAX_DRAWS), default=DEFAULT_DRAWS,
        help=f"plausible scenarios for the win probabilities (default {DEFAULT_DRAWS:,})",
    )  # fmt: skip
    command.add_argument(
        "--seed", type=_bounded_int(0, 2**32 - 1), default=0,
        help="seed of the scenarios: the same seed gives the same probabilities",
    )  # fmt: skip


def _plan_options(command: argparse.ArgumentParser, *, budget_required: bool) -> None:
    """The test plan's options, shared by plan and report (where a budget adds the plan)."""
    command.add_argument("--network", help="plan for this network instead of the ranking's pick")
    command.add_argument(
        "--budget",
        required=budget_required,
        help="the test budget, a number above 0"
        + ("" if budget_required else " (adds the test plan to the pack's next steps)"),
    )
    command.add_argument(
        "--currency",
        required=budget_required,
        metavar="CODE",
        help=f"one of {', '.join(CURRENCIES)}",
    )
    command.add_argument("--weeks", help="how long the test runs (default: the learning period)")
    command.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default today)")
    command.add_argument("--target-reach", help="people to reach")
    command.add_argument("--target-leads", help="leads to get")
    command.add_argument("--target-sales", help="sales to make")
    command.add_argument(
        "--rate", default="", metavar="CODE=RATE,...",
        help="your exchange rates: one unit of CODE in the budget's currency, e.g. USD=92.5",
    )  # fmt: skip
    command.add_argument(
        "--tactics", type=Path, metavar="FILE",
        help="the test's tactic lines (text, one a line), checked white, gray or black",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m smmfit", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    one = commands.add_parser("rank", help="rank the networks for one persona")
    _persona_options(one)
    one.add_argument("--format", choices=("json", "table"), default="table")

    pack = commands.add_parser(
        "report", help="the meeting pack for one persona: a deck (.pptx) or a report (.html)"
    )
    _persona_options(pack)
    pack.add_argument(
        "--out", type=Path, required=True, help="deck.pptx or report.html (format from the name)"
    )
    pack.add_argument(
        "--logo", type=Path, help="a PNG or JPEG logo for the title band (up to 2 MB)"
    )
    _plan_options(pack, budget_required=False)

    plan = commands.add_parser(
        "plan", help="a test plan for the pick (or --network): goal, KPIs, budget, dates, content"
    )
    _persona_options(plan)
    _plan_options(plan, budget_required=True)
    plan.add_argument("--format", choices=("json", "table"), default="table")

    many = commands.add_parser("rank-batch", help="rank many personas from a CSV file")
    many.add_argument("personas", type=Path, help="CSV with columns " + ", ".join(BATCH_COLUMNS))
    many.add_argument("-o", "--output", type=Path, help="write the CSV here instead of stdout")
    many.add_argument("--weights", default="")
    many.add_argument("--include-blocked", action="store_true")
    many.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help=AS_OF_HELP)
    many.add_argument(
        "--draws", type=_bounded_int(1, MAX_DRAWS), default=BATCH_DRAWS,
        help=f"plausible scenarios per persona for the pick (default {BATCH_DRAWS:,})",
    )  # fmt: skip
    many.add_argument("--seed", type=_bounded_int(0, 2**32 - 1), default=0)
    many.add_argument(
        "--workers", type=_bounded_int(1, 64), default=BATCH_WORKERS,
        help="processes that rank chunks side by side; the rows are the same for any number "
        f"(default {BATCH_WORKERS}: this machine's processors, at most 2, about 150 MB each)",
    )  # fmt: skip

    report = commands.add_parser(
        "data-report", help="coverage of the data: year of the figure used per cell, or gap"
    )
    report.add_argument("--format", choices=("json", "table"), default="table")
    report.add_argument("--lang", choices=LANGUAGES, default="en")
    tactics = commands.add_parser(
        "check-tactics",
        help="class each line of a promotion plan (read from stdin) white, gray or black",
        description="Reads a plan from standard input, one tactic a line, and classes each "
        "non-empty line white, gray, black or unrecognized (review by hand).",
    )
    tactics.add_argument("--region", help="ISO country code such as RU or FR (default: any)")
    tactics.add_argument("--platform", help="platform id or alias such as vk, instagram, twitter")
    tactics.add_argument("--format", choices=("json", "table"), default="table")
    tactics.add_argument("--lang", choices=LANGUAGES, default="en")
    tactics.add_argument(
        "--phrases-only",
        action="store_true",
        help="skip the sentence encoder (faster start, but misses what the phrases miss)",
    )
    return parser


BATCH_COLUMNS = (
    "name", "age_min", "age_max", "gender", "region", "devices", "segment", "goal", "settlement",
)  # fmt: skip


def _load(data_dir: Path) -> Dataset:
    try:
        return load_dataset(data_dir)
    except DataError as error:
        raise UsageError(f"data: {error}") from None


def _as_of(args: argparse.Namespace, dataset: Dataset) -> date:
    """The day availability is taken on: ``--as-of`` if it lies in the data's range, else today."""
    if args.as_of is None:
        return date.today()
    try:
        check_as_of(dataset, args.as_of)
    except ValueError as error:
        raise UsageError(f"--as-of: {error}") from None
    return args.as_of  # type: ignore[no-any-return]


def _persona(args: argparse.Namespace) -> Persona:
    given = {
        "name": args.name,
        "gender": args.gender,
        "region": args.region,
        "devices": args.device,
        "segment": args.segment,
        "goal": args.goal,
        "settlement": args.settlement,
    }
    if args.age is not None:
        given.update(age_min=args.age[0], age_max=args.age[1])
    try:
        return Persona(**{field: value for field, value in given.items() if value is not None})
    except ValidationError as error:
        raise UsageError("; ".join(validation_messages(error))) from None


def _assessed(args: argparse.Namespace) -> tuple[Evidence, Assessment]:
    """The persona's assessment, as ``rank`` and ``report`` both need."""
    persona = _persona(args)
    weights = _weights(args.weights, args.goal) if args.weights else None
    evidence = Evidence(_load(args.data_dir))
    as_of = _as_of(args, evidence.dataset)
    result = assess(
        persona, evidence, weights, args.include_blocked,
        draws=args.draws, seed=args.seed, as_of=as_of,
    )  # fmt: skip
    return evidence, result


def _rank(args: argparse.Namespace) -> int:
    _, result = _assessed(args)
    if args.format == "json":
        document = ranking_json(result.ranking, args.lang, result.uncertainty)
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(ranking_table(result.ranking, args.lang, result.uncertainty))
    return 0


REPORT_FORMATS = (".pptx", ".html")


def _plan_tactics(args: argparse.Namespace, dataset: Dataset, network: str) -> PlanCheck | None:
    if args.tactics is None:
        return None
    try:
        text = decode_plan(args.tactics.read_bytes())
        taxonomy = load_taxonomy(args.data_dir / "tactics.yaml", platforms=dataset.platforms)
        region = _persona(args).region
        context = Context(region=None if region == "WW" else region, platform=network)
        # The same check as check-tactics: phrases and meaning, so a line reads the same in both.
        return check_plan(text, taxonomy, context, _semantics(args.data_dir, taxonomy))
    except OSError as error:
        raise UsageError(f"--tactics: {args.tactics}: cannot be read ({error.strerror})") from None
    except (PlanError, TaxonomyError) as error:
        raise UsageError(f"--tactics: {error}") from None


def _test_plan(args: argparse.Namespace, evidence: Evidence, ranking: Ranking) -> TestPlan:
    """The test plan of the plan options for the ranked persona; bad input is a UsageError."""
    today = date.today()
    raw = {
        "budget": args.budget, "currency": args.currency, "weeks": args.weeks,
        "start": args.start, "target_reach": args.target_reach, "target_leads": args.target_leads,
        "target_sales": args.target_sales, "rates": args.rate, "network": args.network,
    }  # fmt: skip
    dataset = evidence.dataset
    networks = {**{key: key for key in dataset.platforms}, **dataset.aliases}
    try:
        request = parse_request(raw, today, networks)
    except PlanInputError as error:
        option = "--" + error.field.replace("_", "-")
        raise UsageError(f"{option}: {str(error).partition(': ')[2]}") from None
    try:
        data = load_plan_data(args.data_dir)
    except DataError as error:
        raise UsageError(f"data: {error}") from None
    network = request.network or ranking.recommendation.platform
    if network is None:
        raise UsageError("--network: the ranking has no pick for this persona; name a network")
    tactics = _plan_tactics(args, dataset, network)
    return build_plan(ranking, request, data, today, tactics)


def _plan(args: argparse.Namespace) -> int:
    evidence, result = _assessed(args)
    plan = _test_plan(args, evidence, result.ranking)
    if args.format == "json":
        print(json.dumps(plan_json(plan, args.lang), ensure_ascii=False, indent=2))
    else:
        print(test_plan_table(plan, args.lang))
    return 0


def _report(args: argparse.Namespace) -> int:
    out: Path = args.out
    kind = out.suffix.lower()
    if kind == ".htm":
        kind = ".html"
    if kind not in REPORT_FORMATS:
        raise UsageError(f"--out: {out.name!r} needs the extension .pptx (deck) or .html (report)")
    logo = _logo(args.logo) if args.logo else None
    if args.budget is None and args.currency is not None:
        raise UsageError("--budget: give the test budget with --currency, or leave both out")
    evidence, result = _assessed(args)
    # With a budget, the pack's next steps are the test plan's (the same as `plan` prints).
    steps = (
        plan_next_steps(_test_plan(args, evidence, result.ranking), args.lang)
        if args.budget is not None
        else None
    )
    persona = result.ranking.persona
    pick = result.ranking.recommendation.platform
    audience = audience_profile(evidence, pick, persona.region, persona) if pick else None
    # Imported here: python-pptx and the chart renderer cost ~0.6 s that no other command needs.
    from smmfit.render.deck import deck_pptx
    from smmfit.render.pack import source_authorities
    from smmfit.render.page import report_html

    build = deck_pptx if kind == ".pptx" else report_html
    data = build(
        result, args.lang, audience=audience, authorities=source_authorities(evidence.dataset),
        next_steps=steps, logo=logo, generated=date.today(),
    )  # fmt: skip
    try:
        out.write_bytes(data)
    except OSError as error:
        raise UsageError(f"{out}: cannot be written ({error.strerror})") from None
    print(out)
    return 0


def _logo(path: Path) -> Logo:
    """The --logo file, checked as the Fit page checks an upload."""
    from smmfit.render.logo import LogoError, read_logo

    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"--logo: {path} cannot be read ({error.strerror})") from None
    try:
        return read_logo(data)
    except LogoError as error:
        raise UsageError(f"--logo: {t(error.key, 'en', **error.params)}") from None


# rank-batch checks this many rows at a time (a column at a time), ranks RANK_CHUNK_ROWS at
# a time in each worker (smaller chunks bound memory: 10,000 rows took about 16 MB to rank
# and 18 MB to write, traced; 25,000 took 41 and 56 MB), and refuses a file longer than
# MAX_BATCH_ROWS before any work. The rows of RANK_WINDOW_CHUNKS chunks are ranked sorted by
# region and written back in the file's order, so that a region's personas are ranked
# together: 10,000 random rows of 13 regions in their file's order made 13 small groups, and
# each group's fixed costs (a region's figures, some hundred array operations) came to about
# a sixth of the CPU time.
BATCH_CHUNK_ROWS = 5_000
RANK_CHUNK_ROWS = 5_000
RANK_WINDOW_CHUNKS = 10
MAX_BATCH_ROWS = 1_000_000
# Processes that rank rank-batch's chunks: the processors this one may use, at most two (each
# holds its own chunk, scenarios and caches).
_PROCESSORS = (
    len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
)
BATCH_WORKERS = min(2, _PROCESSORS)
# Workers start for a file larger than this (about 20,000 rows): below, starting them and
# loading the data in each costs more than they save.
BATCH_POOL_BYTES = 1_000_000


def persona_chunks(path: Path, size: int = BATCH_CHUNK_ROWS) -> Iterator[PersonaColumns]:
    """Personas from a CSV as columns, ``size`` at a time; the first bad row stops the run with
    its line and column, and a file of more than MAX_BATCH_ROWS rows stops it at the row after
    them.

    Rows are read as :class:`csv.DictReader` reads them (blank lines skipped, a short row's
    missing cells and empty cells left to the defaults, the last of two equal column names
    kept) and checked a column at a time (:meth:`PersonaColumns.of_cells`); a row that check
    cannot vouch for is validated as a :class:`Persona`, whose message names the problem.
    """
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = next(reader, None) or []
            missing = [c for c in ("age_min", "age_max", "region") if c not in header]
            if missing:
                raise UsageError(f"{path}, line 1: missing columns {', '.join(missing)}")
            unknown = [c for c in header if c not in BATCH_COLUMNS]
            if unknown:
                raise UsageError(f"{path}, line 1: unknown columns {', '.join(unknown)}")
            width = len(header)
            rows: list[list[str]] = []
            lines: list[int] = []
            for count, first in enumerate(reader, start=1):
                row: list[str] | None = first
                while row == []:
                    row = next(reader, None)
                if row is None:
                    break
                line = reader.line_num  # the row's last line, as DictReader says
                if count > MAX_BATCH_ROWS:
                    raise UsageError(
                        f"{path}, line {line}: more than {MAX_BATCH_ROWS:,} personas; "
                        f"split the file into files of at most {MAX_BATCH_ROWS:,} rows"
                    )
                if len(row) > width:
                    raise UsageError(f"{path}, line {line}: more cells than columns")
                rows.append(row if len(row) == width else row + [""] * (width - len(row)))
                lines.append(line)
                if len(rows) == size:
                    yield _validated(path, header, rows, lines)
                    rows, lines = [], []
            if rows:
                yield _validated(path, header, rows, lines)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        reason = error.strerror if isinstance(error, OSError) else type(error).__name__
        raise UsageError(f"{path}: cannot be read as a UTF-8 CSV ({reason})") from None


def _validated(
    path: Path, header: list[str], rows: list[list[str]], lines: list[int]
) -> PersonaColumns:
    # A name twice in the header: the last column of that name counts, as in a DictReader.
    where = {name: index for index, name in enumerate(header)}
    cells = list(zip(*rows, strict=True))
    columns, flagged = PersonaColumns.of_cells(
        {name: cells[index] for name, index in where.items()}, len(rows)
    )
    for index in np.flatnonzero(flagged).tolist():
        record = {name: rows[index][i] for name, i in where.items() if rows[index][i]}
        try:
            columns.put(index, Persona.model_validate(record))
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            field = first["loc"]
            message = str(first["msg"]).removeprefix("Value error, ")
            column = f"column {field[0]}: " if field else ""
            raise UsageError(f"{path}, line {lines[index]}: {column}{message}") from None
    return columns


def _rank_batch(args: argparse.Namespace) -> int:
    with contextlib.ExitStack() as stack:
        # Every row is checked before any output, so a bad row or too many rows stop the run
        # without writing; ranking reads the file again a chunk at a time, so no more than a
        # few chunks are held (a file that can be read once, such as a pipe, is kept as
        # columns instead). The check runs in a process of its own beside the ranking, started
        # first, and the first chunk is written once it has passed. Reading makes a list per
        # row, millions of them, and the cyclic collector would walk every live object each
        # few hundred (a third of the reading time); none forms a cycle.
        gc.disable()
        stack.callback(gc.enable)
        checker = _Checker(args.personas if args.personas.is_file() else None)
        stack.callback(checker.stop)
        # Workers are forked next, while this process holds little more than its imports and
        # the data: forked later they would map the whole file's columns too (shared, but
        # counted in each one's memory), so they get their chunks through a pipe instead.
        pool = None
        if args.workers > 1 and _size(args.personas) > BATCH_POOL_BYTES:
            _warm_evidence(args)
            # Out of the collector's sight, the imported objects' pages stay shared: a
            # worker would otherwise copy each page the collector writes its marks to.
            gc.freeze()
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(args.workers))
        pieces: Iterable[PersonaColumns] = (
            persona_chunks(args.personas) if checker.path else list(persona_chunks(args.personas))
        )
        try:
            weights = _weights(args.weights, None) if args.weights else None
            # Loaded afresh for each run (a folder's files may have changed since a past run
            # in this process); the workers, forked before, have theirs (_warm_evidence).
            evidence = _EVIDENCE[args.data_dir] = Evidence(_load(args.data_dir))
            job = _BatchJob(
                args.data_dir, weights, args.include_blocked, _as_of(args, evidence.dataset),
                args.draws, args.seed,
            )  # fmt: skip
        except UsageError:
            checker.result()  # a bad row is reported before a bad option, as it always was
            raise
        windows = _regrouped(pieces, RANK_WINDOW_CHUNKS * RANK_CHUNK_ROWS)
        out: Any = None
        try:
            chunks = _by_region(windows, RANK_CHUNK_ROWS)
            ranked = _ranked_rows(job, chunks, pool, args.workers, checker.raise_failure)
            for header, text in _in_file_order(ranked):
                if out is None:
                    out = _opened(args.output, stack, checker)
                    # The header once: its names are fixed.
                    out.write(header + "\r\n")
                out.write(text)
            if out is None:
                _opened(args.output, stack, checker)
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                raise
            raise UsageError(f"{args.output}: cannot be written ({error.strerror})") from None
    return 0


def _warm_evidence(args: argparse.Namespace) -> None:
    """The data loaded and every region's figures worked out once, before the workers are
    forked: they share them instead of each building its own (about 0.8 s of CPU each, for
    the same numbers). A problem with the data or an option is left to the run itself, which
    reports it in its order (a bad row first)."""
    try:
        evidence = _EVIDENCE[args.data_dir] = Evidence(_load(args.data_dir))
        as_of = _as_of(args, evidence.dataset)
    except UsageError:
        return
    regions = PersonaColumns.of([Persona(region=region) for region in evidence.dataset.regions])
    rank_columns(regions, evidence, as_of=as_of)


def _opened(output: Path | None, stack: contextlib.ExitStack, checker: _Checker) -> Any:
    """Where the rows go, once every row has passed the check (a bad row raises here)."""
    checker.result()
    if output is None:
        return sys.stdout
    return stack.enter_context(output.open("w", encoding="utf-8", newline=""))


class _Checker:
    """Every row of a file checked in a process of its own (:func:`persona_chunks`): it reads
    at its own pace, not sharing this process's interpreter lock with the reading for the
    ranking. ``result`` waits for it and raises the first bad row's error. Without a file,
    nothing is checked here."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._error: BaseException | None = None
        self._done = path is None
        if path is not None:
            context = multiprocessing.get_context("fork")
            self._answer, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_check_rows, args=(path, send), daemon=True)
            self._process.start()
            send.close()

    def raise_failure(self) -> None:
        """The first bad row's error if the check has found one, else nothing (no wait)."""
        if not self._done and self._answer.poll():
            self._take_answer()
        if self._error is not None:
            raise self._error

    def result(self) -> None:
        if not self._done:
            self._take_answer()
        if self._error is not None:
            raise self._error

    def _take_answer(self) -> None:
        try:
            message = self._answer.recv()
        except EOFError:  # the check failed otherwise, and said why on stderr
            message = None
            self._error = RuntimeError("the check of the rows stopped without an answer")
        self._done = True
        if message is not None:
            self._error = UsageError(message)

    def stop(self) -> None:
        if self.path is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._answer.close()


def _check_rows(path: Path, answer: Connection) -> None:
    """The check's process: every row of ``path`` read as the ranking reads it; sends the
    first bad row's message, or None."""
    try:
        for _ in persona_chunks(path):
            pass
    except UsageError as error:
        answer.send(str(error))
        return
    answer.send(None)


def _regrouped(pieces: Iterable[PersonaColumns], size: int) -> Iterator[PersonaColumns]:
    """The pieces' personas, in order, ``size`` at a time (the last chunk may be shorter)."""
    held: list[PersonaColumns] = []
    count = 0
    for piece in pieces:
        held.append(piece)
        count += len(piece)
        while count >= size:
            joined = PersonaColumns.concat(held)
            yield joined.rows(slice(0, size))
            held, count = [joined.rows(slice(size, None))], count - size
    if count:
        yield PersonaColumns.concat(held)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it says why


# How often the command looks at the check of the rows while it waits for a worker.
_CHECK_SECONDS = 0.05

# Rows of a ranked chunk formatted as CSV at a time.
_TEXT_ROWS = 5_000

# The evidence of each data folder, loaded once per process (a worker loads its own).
_EVIDENCE: dict[Path, Evidence] = {}


def _evidence_of(data_dir: Path) -> Evidence:
    if data_dir not in _EVIDENCE:
        _EVIDENCE[data_dir] = Evidence(_load(data_dir))
    return _EVIDENCE[data_dir]


@dataclass(frozen=True)
class _BatchJob:
    """What every chunk of a rank-batch run is ranked with (sent to workers with each)."""

    data_dir: Path
    weights: Weights | None
    include_blocked: bool
    as_of: date
    draws: int
    seed: int

    def rows(self, personas: PersonaColumns) -> tuple[str, list[str]]:
        """The CSV header and the text of each of the chunk's rows, without line ends."""
        table = rank_columns(
            personas, _evidence_of(self.data_dir), self.weights, self.include_blocked,
            as_of=self.as_of, draws=self.draws, seed=self.seed,
        )  # fmt: skip
        # Names come from the user's file: "=HYPERLINK(...)" must stay text. Written a few
        # thousand rows at a time, which bounds the memory of the cells being formatted.
        header, rows = "", []
        for start in range(0, max(len(table), 1), _TEXT_ROWS):
            header, part = safe_csv_rows(table.iloc[start : start + _TEXT_ROWS])
            rows += part
        return header, rows


def _chunk_rows(job: _BatchJob, personas: PersonaColumns) -> tuple[str, list[str]]:
    return job.rows(personas)


@dataclass(frozen=True)
class _Window:
    """Rows ranked sorted by region: the file's row at each sorted place, and in how many
    chunks they are ranked."""

    order: IntArray
    chunks: int


def _by_region(
    windows: Iterable[PersonaColumns], size: int
) -> Iterator[tuple[_Window, PersonaColumns]]:
    """Each window's personas sorted by region (in the order regions first appear; a stable
    sort keeps the file's order within one), ``size`` at a time, with their window."""
    for personas in windows:
        order = np.argsort(pd.factorize(personas.region)[0], kind="stable")
        starts = range(0, len(personas), size)
        window = _Window(order, len(starts))
        for start in starts:
            yield window, personas.rows(order[start : start + size])


def _in_file_order(
    ranked: Iterable[tuple[_Window, tuple[str, list[str]]]],
) -> Iterator[tuple[str, str]]:
    """The header and each window's rows as CSV text in the file's order, once every chunk of
    the window is ranked. A row depends on its persona and the seed alone, so it is the same
    whichever rows were ranked beside it."""
    done: list[str] = []
    chunks = 0
    for window, (header, rows) in ranked:
        done += rows
        chunks += 1
        if chunks == window.chunks:
            place = np.empty(len(window.order), dtype=np.int64)
            place[window.order] = np.arange(len(window.order))
            yield header, "\r\n".join([done[i] for i in place.tolist()]) + "\r\n"
            done, chunks = [], 0


def _ranked_rows(
    job: _BatchJob,
    chunks: Iterable[tuple[_Window, PersonaColumns]],
    pool: Pool | None,
    workers: int,
    check: Callable[[], None],
) -> Iterator[tuple[_Window, tuple[str, list[str]]]]:
    """Each chunk's rows (:meth:`_BatchJob.rows`), in the chunks' order, ranked by the pool's
    workers if any, with the chunk's window.

    Which process ranks which chunk changes nothing. At most ``workers + 1`` chunks are out
    at once, which bounds the memory held for chunks ranked ahead of the one being written.
    While it waits for a worker, ``check`` is called every few hundredths of a second: a bad
    row the check finds meanwhile stops the run at once, not once a chunk is ranked.
    """

    def rows_of(result: AsyncResult[tuple[str, list[str]]]) -> tuple[str, list[str]]:
        while not result.ready():
            check()
            result.wait(_CHECK_SECONDS)
        return result.get()

    if pool is None:
        yield from ((window, job.rows(chunk)) for window, chunk in chunks)
        return
    pending: collections.deque[tuple[_Window, AsyncResult[tuple[str, list[str]]]]] = (
        collections.deque()
    )
    for window, chunk in chunks:
        pending.append((window, pool.apply_async(_chunk_rows, (job, chunk))))
        if len(pending) > workers:
            done, result = pending.popleft()
            yield done, rows_of(result)
    while pending:
        done, result = pending.popleft()
        yield done, rows_of(result)


def _data_report(args: argparse.Namespace) -> int:
    report = coverage(_load(args.data_dir))
    if args.format == "json":
        print(json.dumps(coverage_json(report, args.lang), ensure_ascii=False, indent=2))
    else:
        print(coverage_table(report))
    return 0


def _tactics_context(args: argparse.Namespace, dataset: Dataset) -> Context:
    # An empty value is a slip (an unset shell variable), not "any": leaving the option out is.
    for option in ("region", "platform"):
        value = getattr(args, option)
        if value is not None and not value.strip():
            raise UsageError(f"--{option} is empty: give a value, or leave it out for any")
    platform = None
    if args.platform:
        try:
            platform = dataset.platform_id(args.platform)
        except DataError as error:
            raise UsageError(f"--platform: {error}") from None
    try:
        return Context(region=args.region, platform=platform)
    except ValidationError as error:
        raise UsageError(f"--{'; '.join(validation_messages(error))}") from None


_SEMANTICS: dict[Path, Semantics] = {}


def _semantics(data_dir: Path, taxonomy: Taxonomy) -> Semantics:
    """The encoder and the bank of ``data_dir``, loaded once per process (a few seconds)."""
    key = data_dir.resolve()
    if key not in _SEMANTICS:
        _SEMANTICS[key] = load_semantics(
            taxonomy,
            examples_path=data_dir / "tactic_examples.yaml",
            cache=data_dir / "tactic_examples.npz",
        )
    return _SEMANTICS[key]


def _check_tactics(args: argparse.Namespace) -> int:
    dataset = _load(args.data_dir)
    context = _tactics_context(args, dataset)
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError(
            "check-tactics reads the plan from standard input: "
            "python -m smmfit check-tactics < plan.txt"
        )
    try:
        taxonomy = load_taxonomy(args.data_dir / "tactics.yaml", platforms=dataset.platforms)
    except TaxonomyError as error:
        raise UsageError(f"data: {error}") from None
    try:
        semantics = None if args.phrases_only else _semantics(args.data_dir, taxonomy)
    except TaxonomyError as error:
        raise UsageError(f"data: {error}") from None
    try:
        check = check_plan(decode_plan(sys.stdin.buffer.read()), taxonomy, context, semantics)
    except PlanError as error:
        raise UsageError(str(error)) from None
    if args.format == "json":
        print(json.dumps(tactics_json(check, args.lang, taxonomy), ensure_ascii=False, indent=2))
    else:
        print(plan_table(check, args.lang))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        handlers = {
            "rank": _rank,
            "report": _report,
            "plan": _plan,
            "rank-batch": _rank_batch,
            "data-report": _data_report,
            "check-tactics": _check_tactics,
        }
        handler = handlers[args.command]
        return handler(args)
    except UsageError as error:
        print(f"smmfit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader stopped early (`... | head`): nothing failed here. Point stdout at
        # /dev/null so the interpreter's final flush does not raise again, and exit quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
