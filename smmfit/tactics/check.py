"""Checking a plan: each line's verdict from the phrases found in it, and the plan API.

``check_plan`` checks pasted text line by line (``plan_lines`` refuses input it cannot check
with a :class:`PlanError`; ``decode_plan`` turns an upload into text), ``check_line`` one
line, ``check_tactics`` a checklist of tactic ids. ``judge`` decides a line: the most severe
tactic it uses wins; a line that only names tactics it avoids is white; a line with no known
tactic is unrecognized, never white by default.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from pydantic import Field

from smmfit.tactics.lexicon import Token, tokenize
from smmfit.tactics.matcher import Hit
from smmfit.tactics.negation import apply_negation
from smmfit.tactics.taxonomy import SEVERITY, Context, Rule, Taxonomy, Text, TextLanguage
from smmfit.types import FrozenRow

LineVerdict = Literal["white", "gray", "black", "unrecognized"]
# The order a report lists lines in: what needs attention first.
LINE_VERDICTS: tuple[LineVerdict, ...] = ("black", "gray", "unrecognized", "white")

# Limits of a pasted plan: above them the input is refused with a message, not truncated.
MAX_PLAN_CHARS = 100_000
MAX_PLAN_LINES = 2_000


class PlanError(ValueError):
    """A plan that cannot be checked: empty, binary-looking or too long."""

    def __init__(
        self, kind: Literal["empty", "binary", "too_long", "too_many_lines"], **params: int
    ):
        self.kind = kind
        self.params = params
        messages = {
            "empty": "the plan is empty: write one tactic a line",
            "binary": "the plan does not look like text (binary data or a wrong encoding; "
            "use UTF-8)",
            "too_long": f"the plan has {params.get('chars', 0):,} characters; the limit is "
            f"{MAX_PLAN_CHARS:,}",
            "too_many_lines": f"the plan has {params.get('lines', 0):,} lines; the limit is "
            f"{MAX_PLAN_LINES:,}",
        }
        super().__init__(messages[kind])


def find_hits(line: str, taxonomy: Taxonomy) -> tuple[list[Token], list[Hit]]:
    """The tokens of a line and every phrase found in it, negations marked."""
    tokens = tokenize(line)
    return tokens, apply_negation(taxonomy.matcher.find(tokens), tokens)


class LineResult(FrozenRow):
    """The verdict on one line of a plan, with the evidence for it."""

    number: int = Field(ge=1, description="line number in the pasted plan")
    line: str
    verdict: LineVerdict
    tactics: tuple[str, ...] = Field(description="tactics the line uses, most severe first")
    matched: tuple[str, ...] = Field(description="the words that matched, as written")
    avoided: tuple[str, ...] = Field(default=(), description="tactics the line says it avoids")
    rules: tuple[Rule, ...] = ()
    alternative: Text | None = None
    notes: tuple[Text, ...] = Field(default=(), description="why a platform or region changed it")


class PlanCheck(FrozenRow):
    """A whole plan checked in one context."""

    context: Context
    lines: tuple[LineResult, ...]

    def counts(self) -> dict[LineVerdict, int]:
        counts = dict.fromkeys(LINE_VERDICTS, 0)
        for line in self.lines:
            counts[line.verdict] += 1
        return counts

    def worst_first(self) -> tuple[LineResult, ...]:
        """Lines by verdict (black, gray, unrecognized, white), in plan order within each."""
        order = {verdict: rank for rank, verdict in enumerate(LINE_VERDICTS)}
        return tuple(sorted(self.lines, key=lambda line: (order[line.verdict], line.number)))

    @property
    def worst(self) -> LineVerdict | None:
        return self.worst_first()[0].verdict if self.lines else None


def _surface(line: str, tokens: Sequence[Token], low: int, high: int) -> str:
    return " ".join(line[tokens[low].start : tokens[high].end].split())


def _dedupe(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


def _spans(line: str, tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    """The text of each span, in line order, overlapping spans joined into one."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(set(spans)):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return _dedupe(_surface(line, tokens, low, high) for low, high in merged)


def judge(
    number: int,
    line: str,
    *,
    tokens: Sequence[Token],
    hits: Sequence[Hit],
    taxonomy: Taxonomy,
    context: Context,
) -> LineResult:
    """The verdict on a line from the phrases found in it."""
    used = [hit for hit in hits if not hit.negated]
    if not used:
        avoided = [
            hit for hit in hits if taxonomy[hit.pattern.tactic].verdict_for(context)[0] != "white"
        ]
        if avoided:
            return LineResult(
                number=number,
                line=line,
                verdict="white",
                tactics=(),
                matched=_spans(
                    line,
                    tokens,
                    (
                        (hit.low if hit.negation_start is None else hit.negation_start, hit.high)
                        for hit in avoided
                    ),
                ),
                avoided=_dedupe(hit.pattern.tactic for hit in sorted(avoided, key=lambda h: h.low)),
            )
        return LineResult(number=number, line=line, verdict="unrecognized", tactics=(), matched=())
    first_seen: dict[str, int] = {}
    for hit in sorted(used, key=lambda h: h.low):
        first_seen.setdefault(hit.pattern.tactic, hit.low)
    verdicts = {tactic: taxonomy[tactic].verdict_for(context) for tactic in first_seen}
    ordered = sorted(first_seen, key=lambda t: (-SEVERITY[verdicts[t][0]], first_seen[t]))
    verdict = verdicts[ordered[0]][0]
    deciding = [tactic for tactic in ordered if verdicts[tactic][0] == verdict]
    rules = _dedupe(rule for tactic in deciding for rule in taxonomy[tactic].rules)
    notes = _dedupe(o.note for tactic in ordered for o in verdicts[tactic][1])
    return LineResult(
        number=number,
        line=line,
        verdict=verdict,
        tactics=tuple(ordered),
        matched=_spans(line, tokens, ((hit.low, hit.high) for hit in used)),
        rules=rules,
        alternative=taxonomy[deciding[0]].alternative,
        notes=notes,
    )


def check_line(
    line: str, taxonomy: Taxonomy, context: Context | None = None, number: int = 1
) -> LineResult:
    """The verdict on one line of a plan."""
    tokens, hits = find_hits(line, taxonomy)
    return judge(
        number,
        line.strip(),
        tokens=tokens,
        hits=hits,
        taxonomy=taxonomy,
        context=context or Context(),
    )


def decode_plan(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; else PlanError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise PlanError("binary") from None
    if b"\x00" in data:
        raise PlanError("binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError("binary") from None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    odd = sum(
        1
        for char in text
        if char == "\ufffd"
        or (unicodedata.category(char) in ("Cc", "Cs", "Co") and char not in "\t\n\r")
    )
    return odd > max(3, len(text) // 100)


def plan_lines(text: str) -> list[tuple[int, str]]:
    """The non-empty lines of a plan with their line numbers; PlanError for bad input."""
    if len(text) > MAX_PLAN_CHARS:
        raise PlanError("too_long", chars=len(text))
    if _looks_binary(text):
        raise PlanError("binary")
    lines = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), 1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        raise PlanError("empty")
    if len(lines) > MAX_PLAN_LINES:
        raise PlanError("too_many_lines", lines=len(lines))
    return lines


def check_plan(text: str, taxonomy: Taxonomy, context: Context | None = None) -> PlanCheck:
    """Every non-empty line of a plan, in order; raises PlanError for input it cannot check."""
    context = context or Context()
    return PlanCheck(
        context=context,
        lines=tuple(
            check_line(line, taxonomy, context, number) for number, line in plan_lines(text)
        ),
    )


def check_tactics(
    tactic_ids: Sequence[str],
    taxonomy: Taxonomy,
    context: Context | None = None,
    language: TextLanguage = "en",
) -> PlanCheck:
    """A plan given as a checklist of tactic ids: each tactic is a line named in the language."""
    context = context or Context()
    lines = []
    for number, tactic_id in enumerate(tactic_ids, 1):
        tactic = taxonomy[tactic_id]
        verdict, applied = tactic.verdict_for(context)
        lines.append(
            LineResult(
                number=number,
                line=tactic.name.get(language),
                verdict=verdict,
                tactics=(tactic.id,),
                matched=(),
                rules=tactic.rules,
                alternative=tactic.alternative,
                notes=tuple(o.note for o in applied),
            )
        )
    return PlanCheck(context=context, lines=tuple(lines))
