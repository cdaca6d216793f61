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
from typing import Any, NoReturn

from pydantic import TypeAdapter, ValidationError

from smmfit.audience import audience_profile
from smmfit.coverage import COVERAGE_DIMENSIONS, CoverageReport, coverage
from smmfit.data import DATA_DIR, DataError, Dataset, load_dataset
from smmfit.evidence import Evidence
from smmfit.i18n import LANGUAGES, Language, format_people, format_share, render
from smmfit.models import (
    DEVICE_CHOICES,
    GENDERS,
    GOALS,
    SEGMENTS,
    Persona,
    Ranking,
    Weights,
    default_weights,
    validation_messages,
)
from smmfit.scoring import STALE_AFTER_YEARS, rank, rank_batch
from smmfit.tables import safe_csv_text
from smmfit.tactic_reports import plan_json, plan_table
from smmfit.tactics import Context, PlanError, TaxonomyError, check_plan, decode_plan, load_taxonomy
from smmfit.uncertainty import DEFAULT_DRAWS, MAX_DRAWS, Uncertainty, win_probabilities
from smmfit.whatif import what_would_change

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
    command.add_argument("--age", type=_age_range, default=(18, 65), help="age range, e.g. 18-39")
    command.add_argument("--gender", choices=GENDERS, default="any")
    command.add_argument("--region", default="WW", help="ISO country code such as RU, or WW")
    command.add_argument(
        "--device", nargs="+", default=["any"], metavar="DEVICE",
        help=f"one or more of {', '.join(DEVICE_CHOICES)}",
    )  # fmt: skip
    command.add_argument("--segment", choices=SEGMENTS, default="b2c")
    command.add_argument("--goal", choices=GOALS)
    command.add_argument("--name", default="")
    command.add_argument("--weights", default="", help="e.g. reach=0.5,match=0.3,segment=0.2")
    command.add_argument(
        "--include-blocked", action="store_true", help="score blocked networks too"
    )
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

    many = commands.add_parser("rank-batch", help="rank many personas from a CSV file")
    many.add_argument("personas", type=Path, help="CSV with columns " + ", ".join(BATCH_COLUMNS))
    many.add_argument("-o", "--output", type=Path, help="write the CSV here instead of stdout")
    many.add_argument("--weights", default="")
    many.add_argument("--include-blocked", action="store_true")

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


BATCH_COLUMNS = ("name", "age_min", "age_max", "gender", "region", "devices", "segment", "goal")


def ranking_json(
    result: Ranking, language: Language, uncertainty: Uncertainty | None = None
) -> dict[str, Any]:
    """The CLI's JSON contract: persona, ranking sorted by rank, recommendation.

    With ``uncertainty``, each network also gets its ``win_probability`` and the
    recommendation its ``confidence`` and ``flips_if``.
    """
    ranking = []
    for item in result.ranking:
        entry: dict[str, Any] = {
            "platform": item.platform,
            "name": item.name,
            "rank": item.rank,
            "score": item.score,
            "status": item.status,
            "status_note": render(item.status_note, language) if item.status_note else None,
            "status_since": item.status_note.params.get("since") if item.status_note else None,
            "match_share": item.match_share,
            "match_share_range": [item.match_share_low, item.match_share_high],
            "reach": item.reach,
            "audience": item.audience,
            "affinity": item.affinity,
            "factors": {name: f.model_dump() for name, f in item.factors.items()},
            "gaps": [render(gap, language) for gap in item.gaps],
            "sources": [s.model_dump() for s in item.sources],
        }
        if uncertainty is not None:
            entry["win_probability"] = uncertainty.probability_of(item.platform)
        ranking.append(entry)
    recommendation: dict[str, Any] = {
        "platform": result.recommendation.platform,
        "runner_up": result.recommendation.runner_up,
        "reasons": [render(r, language) for r in result.recommendation.reasons],
    }
    if uncertainty is not None:
        recommendation.update(_uncertainty_json(uncertainty, language))
    return {
        "persona": result.persona.model_dump(mode="json"),
        "weights": result.weights.model_dump(),
        "include_blocked": result.include_blocked,
        "ranking": ranking,
        "recommendation": recommendation,
    }


def _uncertainty_json(uncertainty: Uncertainty, language: Language) -> dict[str, Any]:
    confidence = uncertainty.confidence
    return {
        "confidence": None
        if confidence is None
        else {
            "probability": confidence.probability,
            "challenger": confidence.challenger,
            "challenger_probability": confidence.challenger_probability,
            "draws": uncertainty.draws,
            "seed": uncertainty.seed,
            "text": " ".join(render(note, language) for note in confidence.notes),
        },
        "flips_if": [
            {
                "input": flip.input,
                "platform": flip.platform,
                "factor": flip.factor,
                "current": flip.current,
                "value": flip.value,
                "relative_change": round(flip.relative_change, 4),
                "new_pick": flip.new_pick,
                "plausible": flip.plausible,
                "text": render(flip.note, language),
            }
            for flip in uncertainty.flips_if
        ],
    }


def ranking_table(
    result: Ranking, language: Language, uncertainty: Uncertainty | None = None
) -> str:
    def cell(value: float | None, kind: str) -> str:
        if value is None:
            return "-"
        return (
            format_people(value, language)
            if kind == "people"
            else (format_share(value, language) if kind == "share" else f"{value:.1f}")
        )

    rows = [("rank", "platform", "score", "status", "match", "reach", "affinity")]
    for item in result.ranking:
        rows.append(
            (
                str(item.rank or "-"),
                item.platform,
                cell(item.score, "number"),
                item.status,
                cell(item.match_share, "share"),
                cell(item.reach, "people"),
                cell(item.affinity, "number"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in rows]
    pick = result.recommendation.platform or "none"
    lines.append("")
    lines.append(f"test first: {pick}  (runner-up: {result.recommendation.runner_up or 'none'})")
    lines.extend(f"  - {render(r, language)}" for r in result.recommendation.reasons)
    if uncertainty is not None and uncertainty.confidence is not None:
        lines.append(f"how sure ({uncertainty.draws:,} scenarios, seed {uncertainty.seed}):")
        lines.extend(f"  - {render(note, language)}" for note in uncertainty.confidence.notes)
        lines.extend(f"  - {render(flip.note, language)}" for flip in uncertainty.flips_if)
    return "\n".join(lines)


def _load(data_dir: Path) -> Dataset:
    try:
        return load_dataset(data_dir)
    except DataError as error:
        raise UsageError(f"data: {error}") from None


def _persona(args: argparse.Namespace) -> Persona:
    try:
        return Persona(
            name=args.name,
            age_min=args.age[0],
            age_max=args.age[1],
            gender=args.gender,
            region=args.region,
            devices=args.device,
            segment=args.segment,
            goal=args.goal,
        )
    except ValidationError as error:
        raise UsageError("; ".join(validation_messages(error))) from None


def _ranked(args: argparse.Namespace) -> tuple[Evidence, Ranking, Uncertainty]:
    """The persona's ranking and win probabilities, as ``rank`` and ``report`` both need."""
    persona = _persona(args)
    weights = _weights(args.weights, args.goal) if args.weights else None
    evidence = Evidence(_load(args.data_dir))
    result = rank(persona, evidence, weights, args.include_blocked)
    sure = win_probabilities(
        persona, evidence, weights, args.include_blocked, draws=args.draws, seed=args.seed
    )
    return evidence, result, sure


def _rank(args: argparse.Namespace) -> int:
    _, result, sure = _ranked(args)
    if args.format == "json":
        print(json.dumps(ranking_json(result, args.lang, sure), ensure_ascii=False, indent=2))
    else:
        print(ranking_table(result, args.lang, sure))
    return 0


REPORT_FORMATS = (".pptx", ".html")


def _report(args: argparse.Namespace) -> int:
    out: Path = args.out
    kind = out.suffix.lower()
    if kind == ".htm":
        kind = ".html"
    if kind not in REPORT_FORMATS:
        raise UsageError(f"--out: {out.name!r} needs the extension .pptx (deck) or .html (report)")
    evidence, result, sure = _ranked(args)
    persona = result.persona
    pick = result.recommendation.platform
    audience = audience_profile(evidence, pick, persona.region, persona) if pick else None
    # Imported here: python-pptx and the chart renderer cost ~0.6 s that no other command needs.
    from smmfit.export import deck_pptx, report_html

    build = deck_pptx if kind == ".pptx" else report_html
    data = build(
        result, sure, what_would_change(result, evidence), args.lang,
        audience=audience, generated=date.today(),
    )  # fmt: skip
    try:
        out.write_bytes(data)
    except OSError as error:
        raise UsageError(f"{out}: cannot be written ({error.strerror})") from None
    print(out)
    return 0


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
    table = rank_batch(personas, Evidence(_load(args.data_dir)), weights, args.include_blocked)
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


def coverage_json(report: CoverageReport, language: Language) -> dict[str, Any]:
    """The data-report JSON: totals, and one object per cell with its reason as text."""
    cells = []
    for cell in report.cells:
        item = cell.model_dump(mode="json", exclude={"reason"})
        item["reason"] = render(cell.reason, language) if cell.reason else None
        cells.append(item)
    return {"totals": report.totals.model_dump(mode="json"), "cells": cells}


# How a cell prints in the table: its year, or what stands in for it.
_TABLE_MARKS = {"stale": "old", "fallback": "ww", "gap": "gap", "not_applicable": "n/a"}


def coverage_table(report: CoverageReport) -> str:
    """One block per dimension: networks down, regions across, the year used or a mark."""
    regions = list(dict.fromkeys(cell.region for cell in report.cells))
    platforms = list(dict.fromkeys(cell.platform for cell in report.cells))
    marks = {
        (c.platform, c.region, c.dimension): str(c.year)
        if c.status == "covered" and c.year is not None
        else _TABLE_MARKS[c.status]
        for c in report.cells
    }
    width = max(len(p) for p in platforms)
    lines: list[str] = []
    for dimension in COVERAGE_DIMENSIONS:
        share = report.totals.share_covered_by_dimension[dimension]
        lines.append(f"{dimension} ({share:.0%} covered)")
        lines.append((" " * width + "  " + " ".join(r.ljust(4) for r in regions)).rstrip())
        for platform in platforms:
            row = [marks[platform, region, dimension].ljust(4) for region in regions]
            lines.append(platform.ljust(width) + "  " + " ".join(row).rstrip())
        lines.append("")
    totals = report.totals
    median = "-" if totals.median_age_years is None else f"{totals.median_age_years:g}"
    used = "-" if totals.median_age_used_years is None else f"{totals.median_age_used_years:g}"
    lines += [
        "year = the figure scoring uses; old = only a figure older than "
        f"{totals.as_of - STALE_AFTER_YEARS} (used, with a caveat); ww = worldwide figure used; "
        "gap = none; n/a = not asked",
        f"rows: {totals.rows}  sources: {totals.sources}",
        f"cells covered: {totals.covered_cells} of {totals.applicable_cells} "
        f"({totals.share_covered:.1%})",
        f"median age of figures: {median} years (of the figures used: {used}) as of {totals.as_of}",
    ]
    return "\n".join(lines)


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
