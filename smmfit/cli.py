"""The command line: ``python -m smmfit rank|report|rank-batch|data-report|check-tactics``.

A stable contract for scripts.

Bad input exits with code 2 and one line naming the problem, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from pydantic import TypeAdapter, ValidationError

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
from smmfit.models import (
    DEVICE_CHOICES,
    GENDERS,
    GOALS,
    SEGMENTS,
    SETTLEMENTS_BY_REGION,
    Persona,
    Weights,
    default_weights,
    validation_messages,
)
from smmfit.ranking import (
    BATCH_DRAWS,
    DEFAULT_DRAWS,
    MAX_DRAWS,
    Assessment,
    assess,
    rank_batch,
)
from smmfit.render import LANGUAGES, safe_csv_text, t
from smmfit.render.tactic_reports import plan_json, plan_table
from smmfit.render.text import coverage_json, coverage_table, ranking_json, ranking_table

if TYPE_CHECKING:
    from smmfit.render.logo import Logo
from smmfit.tactics import Context, PlanError, TaxonomyError, check_plan, decode_plan, load_taxonomy

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


def _report(args: argparse.Namespace) -> int:
    out: Path = args.out
    kind = out.suffix.lower()
    if kind == ".htm":
        kind = ".html"
    if kind not in REPORT_FORMATS:
        raise UsageError(f"--out: {out.name!r} needs the extension .pptx (deck) or .html (report)")
    logo = _logo(args.logo) if args.logo else None
    evidence, result = _assessed(args)
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
        logo=logo, generated=date.today(),
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


_PERSONA_LIST = TypeAdapter(list[Persona])


def read_personas(path: Path) -> list[Persona]:
    """Personas from a CSV; the first bad row stops the run with its line and column.

    Validated in one pass (pydantic's list adapter), so 100,000 rows take well under a second.
    """
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in ("age_min", "age_max", "region") if c not in header]
            if missing:
                raise UsageError(f"{path}, line 1: missing columns {', '.join(missing)}")
            unknown = [c for c in header if c not in BATCH_COLUMNS]
            if unknown:
                raise UsageError(f"{path}, line 1: unknown columns {', '.join(unknown)}")
            records = []
            for row in reader:
                if None in row:
                    raise UsageError(f"{path}, line {reader.line_num}: more cells than columns")
                records.append({key: value for key, value in row.items() if value})
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        reason = error.strerror if isinstance(error, OSError) else type(error).__name__
        raise UsageError(f"{path}: cannot be read as a UTF-8 CSV ({reason})") from None
    try:
        return _PERSONA_LIST.validate_python(records)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        index, *field = first["loc"]
        message = str(first["msg"]).removeprefix("Value error, ")
        where = f"column {field[0]}: " if field else ""
        raise UsageError(f"{path}, line {int(index) + 2}: {where}{message}") from None


def _rank_batch(args: argparse.Namespace) -> int:
    personas = read_personas(args.personas)
    weights = _weights(args.weights, None) if args.weights else None
    dataset = _load(args.data_dir)
    as_of = _as_of(args, dataset)
    table = rank_batch(
        personas, Evidence(dataset), weights, args.include_blocked, as_of=as_of,
        draws=args.draws, seed=args.seed,
    )  # fmt: skip
    # Persona names come from the user's file: a name like "=HYPERLINK(...)" must stay text.
    text = safe_csv_text(table)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            raise UsageError(f"{args.output}: cannot be written ({error.strerror})") from None
    else:
        sys.stdout.write(text)
    return 0


def _data_report(args: argparse.Namespace) -> int:
    report = coverage(_load(args.data_dir))
    if args.format == "json":
        print(json.dumps(coverage_json(report, args.lang), ensure_ascii=False, indent=2))
    else:
        print(coverage_table(report))
    return 0


def _tactics_context(args: argparse.Namespace, dataset: Dataset) -> Context:
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
        check = check_plan(decode_plan(sys.stdin.buffer.read()), taxonomy, context)
    except PlanError as error:
        raise UsageError(str(error)) from None
    if args.format == "json":
        print(json.dumps(plan_json(check, args.lang), ensure_ascii=False, indent=2))
    else:
        print(plan_table(check, args.lang))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        handlers = {
            "rank": _rank,
            "report": _report,
            "rank-batch": _rank_batch,
            "data-report": _data_report,
            "check-tactics": _check_tactics,
        }
        handler = handlers[args.command]
        return handler(args)
    except UsageError as error:
        print(f"smmfit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
