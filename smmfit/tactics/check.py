"""Checking a plan: each line's verdict from the phrases found in it, and the plan API.

``check_plan`` checks pasted text line by line (``plan_lines`` refuses input it cannot check
with a :class:`PlanError`; ``decode_plan`` turns an upload into text), ``check_line`` one
line, ``check_tactics`` a checklist of tactic ids. ``judge`` decides a line from two kinds of
evidence: the indicator phrases found in it, and, when ``Semantics`` are given, the example-bank
lines it resembles in meaning. Safety comes first: a line is white only when neither recognises
anything harmful; a harmful resemblance too weak to name the tactic with confidence makes the
line gray with "check by hand", never white. White therefore means "nothing harmful
recognised", not clearance. A line with no known tactic is unrecognized, never white by default.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from pydantic import Field

from smmfit.tactics.examples import EVERYDAY_WORK, LABELS, NEUTRAL, PROTECTIVE, Example
from smmfit.tactics.lexicon import (
    BEWARE_WORDS,
    CONSENT_TACTICS,
    REQUEST_PREFIXES,
    Token,
    split_actions,
    tokenize,
)
from smmfit.tactics.matcher import Hit
from smmfit.tactics.negation import (
    WARNED_TACTICS,
    apply_negation,
    consents,
    declines,
    expects_no_check,
    gates_reviews,
    negated_fulfilment,
    never_asks_clauses,
    omits_caveat,
    recovers_account,
    refuses_incentive,
    reviews_for_happy_only,
    rewrites_quote,
    sells_replicas_as_genuine,
    undo_if_caught,
    warning_at,
)
from smmfit.tactics.semantic import Semantics
from smmfit.tactics.taxonomy import (
    SEVERITY,
    Context,
    Rule,
    Tactic,
    Taxonomy,
    Text,
    TextLanguage,
)
from smmfit.tactics.verdict_model import CLASSES
from smmfit.types import FrozenRow

LineVerdict = Literal["white", "gray", "black", "unrecognized"]
Confidence = Literal["high", "medium", "low"]
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
    return tokens, apply_negation(taxonomy.find(tokens), tokens)


class Resemblance(FrozenRow):
    """An example-bank line that a plan line resembles in meaning."""

    example: str
    label: str = Field(
        description="the example's tactic id, or 'protective', 'everyday' or 'neutral'"
    )
    language: str
    similarity: float = Field(ge=-1.0, le=1.0, description="cosine similarity of the two lines")
    verdict: LineVerdict = Field(description="the example's verdict where the plan runs")

    @property
    def tactic(self) -> str | None:
        return None if self.label in LABELS else self.label


class ModelReading(FrozenRow):
    """The verdict model's reading of a whole line, and whether it changed the verdict."""

    white: float = Field(ge=0.0, le=1.0)
    gray: float = Field(ge=0.0, le=1.0)
    black: float = Field(ge=0.0, le=1.0)
    changed: bool = Field(
        default=False,
        description="the verdict is the model's: it raised the phrases' one, named one for a "
        "line nothing else recognised, or made white a plain sentence nothing else recognised "
        "or a line that only refuses, reports or guards against the harm it names",
    )

    @property
    def harmful(self) -> float:
        return self.gray + self.black


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
    confidence: Confidence = Field(
        default="high",
        description="high: a phrase matched; medium: meaning alone; low: a faint resemblance, "
        "the verdict model alone, or nothing recognised",
    )
    check_by_hand: bool = Field(
        default=False, description="gray only because it faintly resembles a harmful example"
    )
    resembles: tuple[Resemblance, ...] = Field(
        default=(), description="the example-bank lines it is nearest to, nearest first"
    )
    model: ModelReading | None = Field(
        default=None, description="the verdict model's probabilities for the whole line"
    )
    clause: str | None = Field(
        default=None,
        description="the action of the line that decided the verdict, when that action judged "
        "on its own was worse than the whole line (the evidence is that action's)",
    )


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


# How alike a line and an example must be (cosine of USE v3 vectors) for the example to count.
# Tuned on tests/data/tactic_lines_tune_v2.csv and the two older labelled sets, never on a
# blind set; `python -m bench.tactics` prints what they give. Session 26 moved STRONG from 0.5
# to 0.55, WEAK from 0.35 to 0.3 and SAFE from 0.5 to 0.45 on replayed blind readings (see
# MODEL_CHECK's note): one at a time, SAFE 0.45 -20 lines wrong and no harmful line more
# white, STRONG 0.55 -5 and none, WEAK 0.3 +63 and -10 harmful lines white (WEAK 0.4: -43
# and +10). Session 27: SAFE back to 0.5 with the model trained to weigh harmful lines double
# (see MODEL_CHECK's note).
STRONG = 0.55  # a harmful example this close, and clearly closer than any harmless one, names
STRONG_MARGIN = 0.06  # the tactic: its verdict stands on meaning alone
WEAK = 0.3  # a harmful example this close and about the closest of all: gray, check by hand
WEAK_MARGIN = 0.02
MEANING_ONLY_MARGIN = 0.05
SAFE = 0.5  # a harmless example this close (and no harm found) makes the line white
# Everyday content ("a behind-the-scenes reel every Tuesday", "reply to every comment within a
# day") names no tactic a phrase knows and is rarely 0.5 from a bank line: a white example this
# close is enough when no harmful example reaches the "check by hand" level (WEAK) and the white
# one is clearly the nearer. Never with a harmful phrase (those lines are decided above).
EVERYDAY = 0.4
EVERYDAY_MARGIN = 0.08
# A line with a protective action (report, block, filter, remove, moderate) that is at least
# this close to a protective example as to any harmful one fights the harm, not uses it.
PROTECTIVE_MARGIN = 0.02
ACTION_STRONG = 0.65
ACTION_MARGIN = 0.15
RAISE = 0.7  # meaning adds a more severe tactic to ones phrases found only when this close
SHOWN = 3  # examples listed as the evidence


def _example_verdict(
    example: Example, taxonomy: Taxonomy, context: Context, found: Collection[str]
) -> LineVerdict:
    if example.tactic in (PROTECTIVE, EVERYDAY_WORK):
        return "white"
    if example.tactic == NEUTRAL:
        return "unrecognized"
    return taxonomy[example.tactic].verdict_for(context, found)[0]


@dataclass(frozen=True)
class _Meaning:
    """The nearest harmful and harmless examples to a line, and the top few overall."""

    harm: Resemblance | None
    safe: Resemblance | None
    top: tuple[Resemblance, ...]


def _meaning(
    similarities: npt.NDArray[np.float32],
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
    avoided: Collection[str],
    *,
    found: Collection[str],
) -> _Meaning:
    """The line's nearest examples; those of tactics the line says it avoids do not count.
    An example's verdict is the one it would have in this line (with the tactics ``found``)."""
    order = np.argsort(-similarities, kind="stable")
    harm = safe = None
    top: list[Resemblance] = []
    for index in order:
        example = examples[int(index)]
        if example.tactic in avoided:
            continue
        resemblance = Resemblance(
            example=example.text,
            label=example.tactic,
            language=example.language,
            similarity=round(float(np.clip(similarities[index], -1.0, 1.0)), 3),
            verdict=_example_verdict(example, taxonomy, context, found),
        )
        if len(top) < SHOWN:
            top.append(resemblance)
        if resemblance.verdict in ("gray", "black"):
            harm = harm or resemblance
        else:
            safe = safe or resemblance
        if harm and safe and len(top) == SHOWN:
            break
    return _Meaning(harm, safe, tuple(top))


def judge(
    number: int,
    line: str,
    *,
    tokens: Sequence[Token],
    hits: Sequence[Hit],
    taxonomy: Taxonomy,
    context: Context,
    similarities: npt.NDArray[np.float32] | None = None,
    examples: Sequence[Example] = (),
    span: tuple[int, int] | None = None,
    line_avoided: Collection[str] = (),
    actions: Sequence[tuple[int, int]] = (),
) -> LineResult:
    """The verdict on a line from the phrases found in it and the examples it resembles.

    With ``span`` (first and last token of one action of the line, ``similarities`` being
    that action's), only the phrases inside it and its own protective verbs count: a
    protective verb cancels the risky words of its own action, not another's. The tactics
    the whole line refuses (``line_avoided``) still leave the examples it resembles.
    """
    # What the whole line shows decides where an override holds: "tag a friend (real people
    # only)" is one rule, even where its parts read as two actions.
    line_tactics = {hit.pattern.tactic for hit in hits if hit.negated == hit.pattern.when_negated}
    if span is not None:
        hits = [hit for hit in hits if span[0] <= hit.low and hit.high <= span[1]]
    # A protective verb speaks for its own action only: "report fake accounts, then buy
    # reports against the rival" is not protective as a whole.
    protective = all(
        any(token.protective for token in tokens[low : high + 1])
        for low, high in ([span] if span else actions or [(0, len(tokens) - 1)])
    )
    # A phrase marked "!" ("!#ad") is used where the line negates it ("don't add #ad").
    used = [hit for hit in hits if hit.negated == hit.pattern.when_negated]
    avoided_hits = [
        hit
        for hit in hits
        if hit.negated
        and not hit.pattern.when_negated
        and taxonomy[hit.pattern.tactic].verdict_for(context)[0] != "white"
    ]
    avoided = _dedupe(hit.pattern.tactic for hit in sorted(avoided_hits, key=lambda h: h.low))
    # A warning against a scam resembles the scam's examples (the encoder does not see the
    # warning): those do not count, as for a tactic the line negates.
    warning = warning_at(tokens) is not None
    # A reminder of what a genuine party never asks for resembles the scam it describes, as a
    # warning does: the scam's examples do not count for it either.
    # A crisis plan for the team's own account ("if the page is hacked: reset the password")
    # resembles the takeover it plans against, as a warning does.
    warned = (
        WARNED_TACTICS
        if warning or never_asks_clauses(tokens) or recovers_account(tokens)
        else frozenset()
    )
    # Automated messages to people who opted in resemble the unsolicited ones (the encoder does
    # not see the consent): their examples do not count for a line that states the consent.
    if consents(tokens):
        warned = warned | CONSENT_TACTICS
    meaning = (
        _meaning(
            similarities,
            examples,
            taxonomy,
            context,
            set(avoided) | set(line_avoided) | warned,
            found=line_tactics,
        )
        if similarities is not None
        else _Meaning(None, None, ())
    )
    harm, safe = meaning.harm, meaning.safe
    if (
        harm is not None
        and safe is not None
        and safe.label == PROTECTIVE
        and protective
        and safe.similarity >= harm.similarity - PROTECTIVE_MARGIN
    ):
        harm = None
    harm_score = harm.similarity if harm else -1.0
    safe_score = safe.similarity if safe else -1.0
    # One action of a line is short: its nearest example is a noisier guess than a whole
    # line's, so it names a tactic only when clearly closer.
    strong_at, strong_margin = (
        (STRONG, STRONG_MARGIN) if span is None else (ACTION_STRONG, ACTION_MARGIN)
    )
    strong = (
        harm is not None and harm_score >= strong_at and harm_score >= safe_score + strong_margin
    )
    # A line that negates a tactic ("we don't buy followers") still resembles it: a negation
    # USE does not see. There, only a strong resemblance to another tactic counts.
    # With no phrase found at all, meaning alone would clear the line: there a harmful example
    # that is nearly as close as the harmless one is enough to ask for a check by hand.
    # A "!" phrase the line does not negate found nothing ("#ad" alone): it does not count.
    found = [hit for hit in hits if hit.negated or not hit.pattern.when_negated]
    margin = WEAK_MARGIN if found else MEANING_ONLY_MARGIN
    # An action's faint resemblance is no evidence: on a few words the encoder's nearest
    # example is close to chance (tried on the tuning sets: every level that caught a harmful
    # action also made many harmless ones gray). The whole line's still counts.
    # A line that turns an offer down ("agency pitched review boosting. Said no") or refuses a
    # reward ("honest reviews, no incentives") resembles the offer or the paid review, as a
    # line that negates a tactic does: the resemblance is the refusal's subject.
    weak = (
        harm is not None
        and span is None
        and not avoided
        and not declines(tokens)
        and not refuses_incentive(tokens)
        and not rewrites_quote(tokens)
        and harm_score >= WEAK
        and harm_score >= safe_score - margin
    )

    first_seen: dict[str, int] = {}
    for hit in sorted(used, key=lambda h: h.low):
        first_seen.setdefault(hit.pattern.tactic, hit.low)
    verdicts = {
        tactic: taxonomy[tactic].verdict_for(context, line_tactics) for tactic in first_seen
    }
    phrase_harm = any(SEVERITY[v[0]] > 0 for v in verdicts.values())
    if strong and harm is not None and harm.tactic and (not phrase_harm or harm_score >= RAISE):
        # Meaning adds its tactic to the phrases' ones: the most severe decides, so meaning can
        # raise a phrase verdict but never lower it. Next to a harmful phrase it must be very
        # close: at USE's 0.5-0.6 a line can resemble a tactic of the wrong severity.
        verdicts.setdefault(harm.tactic, taxonomy[harm.tactic].verdict_for(context, line_tactics))
        first_seen.setdefault(harm.tactic, len(tokens))
    # Ties (same severity, found at the same word) go by the taxonomy's order, not by the
    # order the matcher happened to find them in.
    rank = {tactic: index for index, tactic in enumerate(taxonomy.by_id)}
    ordered = sorted(first_seen, key=lambda t: (-SEVERITY[verdicts[t][0]], first_seen[t], rank[t]))
    worst = verdicts[ordered[0]][0] if ordered else None
    evidence = dict(resembles=meaning.top)
    matched = _spans(
        line,
        tokens,
        (
            (hit.low if hit.negation_start is None else min(hit.low, hit.negation_start), hit.high)
            for hit in used
        ),
    )

    if worst in ("gray", "black"):
        deciding = [tactic for tactic in ordered if verdicts[tactic][0] == worst]
        phrase_found = any(verdicts[t][0] == worst for t in {h.pattern.tactic for h in used})
        return LineResult(
            number=number,
            line=line,
            verdict=worst,
            tactics=tuple(ordered),
            matched=matched,
            avoided=avoided,
            rules=_dedupe(rule for tactic in deciding for rule in taxonomy[tactic].rules),
            alternative=taxonomy[deciding[0]].alternative,
            notes=_dedupe(o.note for tactic in ordered for o in verdicts[tactic][1]),
            confidence="high" if phrase_found else "medium",
            **evidence,
        )
    if weak and harm is not None and harm.tactic:
        # Too faint to name the tactic, too close to clear the line.
        tactic = taxonomy[harm.tactic]
        return LineResult(
            number=number,
            line=line,
            verdict="gray",
            tactics=(harm.tactic,),
            matched=matched,
            avoided=avoided,
            rules=tactic.rules,
            alternative=tactic.alternative,
            confidence="low",
            check_by_hand=True,
            **evidence,
        )
    if used or avoided:
        agree = safe is not None and safe_score >= SAFE and safe_score >= harm_score
        return LineResult(
            number=number,
            line=line,
            verdict="white",
            tactics=tuple(ordered),
            matched=matched
            or _spans(
                line,
                tokens,
                (
                    (hit.low if hit.negation_start is None else hit.negation_start, hit.high)
                    for hit in avoided_hits
                ),
            ),
            avoided=avoided,
            notes=_dedupe(o.note for tactic in ordered for o in verdicts[tactic][1]),
            confidence="high" if agree or similarities is None else "medium",
            **evidence,
        )
    everyday = _everyday(safe_score, harm_score)
    if safe is not None and safe.verdict == "white" and (safe_score >= SAFE or everyday):
        return LineResult(
            number=number,
            line=line,
            verdict="white",
            tactics=(safe.tactic,) if safe.tactic else (),
            matched=(),
            confidence="medium" if safe_score >= SAFE else "low",
            **evidence,
        )
    # A warning against a scam (it names the scam, refuses it and reports it or keeps the
    # code) with nothing harmful found, by phrases or by meaning, is white.
    return LineResult(
        number=number,
        line=line,
        verdict="white" if warning else "unrecognized",
        tactics=(),
        matched=(),
        confidence="low",
        **evidence,
    )


# The verdict model's second opinion (``verdict_model``), used only in the safe direction. Its
# levels were chosen with the n-gram model scored leave-one-set-out (each set's probabilities
# from a model trained without it; 2,851 lines, 1,114 of them white, 1,737 harmful):
# - MODEL_CHECK: a line the phrases clear becomes gray, check by hand. Model alone, at
#   P(gray) + P(black) >= 0.8 it flags 1,277 harmful lines and 12 white ones (0.9: 954 and 2;
#   0.7: 1,439 and 25). Among the lines the phrases clear (and that fight no harm; 3,121 lines
#   with tuning set 19), 0.7 reaches 4 harmful lines and 8 white ones, 0.8 only 1 and 4, 0.6
#   the same 4 and 16: on blind sets every harmful line judged white was cleared by a harmless
#   phrase, so the level is 0.7 (session 11).
# - MODEL_BLACK: a gray line becomes black at P(black) >= 0.5 (0.8 until session 12, 0.65 until
#   session 26, see below). Run whole with leave-one-set-out probabilities (3,371 lines, with
#   tuning set 20), lines wrong at 0.8 / 0.65 / 0.5: tuning set 20, untuned by the model, 46 / 42
#   / 41; set 19, 48 / 44 / 41; the older sets, whose phrases were tuned on them, 90 / 95 / 101;
#   all, 184 / 181 / 183. Black read as gray was the commonest error on set 20 (euphemistic
#   bribes, leaks, threats).
# - MODEL_NAME: a line nothing recognised is named gray (check by hand), or black at
#   MODEL_BLACK, when the model reads it harmful at 0.5 or more (0.7 until session 26).
# - MODEL_CLEAR: a line nothing recognised is white (confidence low) when no harmful example
#   is at the check-by-hand level (WEAK) or nearer than the nearest harmless one, and the
#   model reads it harmless at 0.85 or more (0.8 until session 26). Of the lines of 4+ words
#   that phrases and examples leave unrecognized (3,121 labelled lines, probabilities
#   leave-one-set-out, with tuning set 19), 12 white lines and no harmful one pass that guard
#   at 0.8; at 0.93 (round 11a), 3; at 0.7, 19 white and 1 gray. The model alone, on every
#   line: 821 white and 27 harmful at 0.8, which is why the guard and the phrases come
#   first. Since session 17 the guard lets a harmful example at WEAK pass when a harmless
#   one is nearer by PLAIN_MARGIN.
# Run whole over every labelled set with tuning set 19 (the model trained on most of them):
# 113 lines wrong with MODEL_CHECK 0.8 and MODEL_CLEAR 0.93, 100 with these levels; one
# harmful line white, in set 19 (a Thai claim with no doctor behind it, read as refused).
# Session 22: MODEL_CHECK lowered to 0.66. Trained on more lines (20,000+), the model reads
# harmful lines less surely: leave-one-set-out on 16,671 labelled lines at 01516b2, lines the
# phrases clear (and do not refuse) read 0.66-0.70 harmful were 13 harmful and 8 white (with
# session 21's model, 2 and 9); 0.68-0.70, 10 and 3; 0.64-0.70, 13 and 13.
# Session 24: MODEL_CHECK lowered to 0.5 and MODEL_SURE to 0.9. Leave-one-set-out on the
# 5,554 lines of the first 44 labelled sets (by name; the run was cut there for time), every
# set's lines checked whole under each setting: 0.66 and 0.95, 688 lines wrong and 29 harmful
# lines white; 0.55, 697 and 26; 0.5, 702 and 23; 0.5 and 0.9, 701 and 22; 0.45 and 0.85, 708
# and 20. Blind sets v83-v94 missed only "no harmful line white", by one line in six sets of
# twelve, with 92% right against a target of 85%: a harmful line caught is worth the few white
# lines sent to a check by hand (13 more per 5,554 lines, 7 fewer harmful ones white; one is
# a French meeting note the retrained model reads 0.56 harmful). The whole run afterwards, at
# 26d6c10 (24,471 lines, every labelled set to tuning set 138): 2,782 wrong and 55 harmful
# white at 0.5 and 0.9, 2,712 and 73 at 0.66 and 0.95.
# Session 26: MODEL_CHECK 0.25 (then 0.2, below), MODEL_SURE 0.6, MODEL_NAME 0.5, MODEL_BLACK 0.5
# and MODEL_CLEAR 0.85, chosen by replaying blind readings (``python -m bench.replay``): each of
# the 65 tuning sets 99-163 checked again at the commit it was scored untuned at, before its lines
# tuned anything (9,750 lines; the recorded untuned scores come back exactly). The levels of
# session 24 there: 1,652 wrong, 149 harmful lines white. One level at a time: MODEL_CHECK 0.4 /
# 0.3 / 0.2, +13 / +29 / +71 wrong and -21 / -41 / -55 harmful white; MODEL_SURE 0.7 / 0.6 / 0.5,
# -7 / -5 / +3 and -12 / -19 / -21; MODEL_NAME 0.6 / 0.5, -40 / -68 and none (harmful lines
# nothing recognised, named gray); MODEL_CLEAR 0.9, +97 and -17; MODEL_ACTION 0.7 / 0.6, +32 / +72
# and -6 / -13; MODEL_OVERRULE 0.985, +54 and none. All five together: 1,611 wrong and 71 harmful
# white (with MODEL_CHECK 0.2: 1,653 and 66; with MODEL_CLEAR 0.8: 1,592 and 80). Half the harmful
# lines a new plan slipped through are caught, for about 120 more white lines sent to a check by
# hand in 9,750, and fewer lines wrong overall: on lines never seen, the model's reading is worth
# more than it was given.
# Then, with the example bank's levels (STRONG 0.55, WEAK 0.3, SAFE 0.45), MODEL_OVERRULE 0.95,
# MODEL_FIGHT 0.7 and PLAIN_MARGIN 0.04 (one at a time, -39 / -18 / -28 wrong, +1 harmful white
# each), MODEL_CHECK 0.2: 1,558 wrong, 64 harmful white (with 0.25, 1,534 and 68; without WEAK 0.3
# and MODEL_CHECK 0.2, 1,522 and 74).
# Session 27: MODEL_CHECK 0.25 and SAFE 0.5, with the verdict model now trained with gray and
# black lines weighing double (``bench.tactics.MODEL_HARMFUL_WEIGHT``; the replay refits it at
# each commit). On the same 9,750 replayed lines, against session 26 (1,558 wrong, 64 harmful
# white): the weight alone, 1,606 and 49; with MODEL_CHECK 0.25, 1,582 and 51; with SAFE 0.5
# too, 1,590 and 49; with MODEL_CLEAR 0.8, 1,560 and 56 (and MODEL_CHECK 0.25, 1,536 and 58);
# with MODEL_SURE 0.7, 1,599 and 53; with MODEL_NAME 0.6, 1,632 and 49. The weighted model reads
# white lines a little more harmful, so the level that sends them to a check by hand can rise.
# Session 28: MODEL_CHECK 0.2 and MODEL_OVERRULE 0.92, with the verdict model pooling a word
# reader with the characters (``verdict_model.READERS``). On the same replay, against session 27
# (1,590 wrong, 49 harmful white): the pooled model at session 27's levels, 1,533 and 47; with
# MODEL_CHECK 0.2, 1,551 and 43 (0.15: 1,588 and 41); with MODEL_OVERRULE 0.92 too, 1,486 and 45
# (0.9: 1,458 and 48; with MODEL_CHECK 0.15, 1,523 and 43; with MODEL_CLEAR 0.8 too, 1,444 and
# 52; SAFE 0.45, 1,480 and 46; MODEL_FIGHT 0.6, 1,475 and 46), all with words cut at letters
# and digits. With Thai cut into dictionary words, the reader as shipped: 1,468 and 42 (at
# session 27's levels, 1,515 and 41; MODEL_CHECK 0.15, 1,512 and 38; MODEL_OVERRULE 0.9, 1,439
# and 43). The pooled model is surer where its readers agree, so its P(white) >= 0.92 is as safe
# a reading as the characters' 0.95 was.
# Session 29: the levels kept, with the verdict model's characters read across word
# boundaries (3-6; ``verdict_model.READERS``). On the 71 replayed sets (10,650 lines; sets 166-169
# added), the readers of session 28 at these levels: 1,717 wrong and 69 harmful white; the new
# characters: 1,737 and 63 (MODEL_CHECK 0.15, 1,774 and 58; 0.25, 1,712 and 69; MODEL_OVERRULE
# 0.9, 1,705 and 66; 0.95, 1,819 and 60).
MODEL_CHECK = 0.2
MODEL_BLACK = 0.5
MODEL_NAME = 0.5
MODEL_CLEAR = 0.85
# - MODEL_FIGHT: a line the phrases call gray or black that fights the harm they found (it refuses
#   a tactic, reports, blocks, filters or warns: ``fights_harm``) is white, confidence low, when
#   the model reads it harmless at 0.7 or more (0.8 until session 26, see MODEL_CHECK). Black
#   lines too since session 12 (scam warnings, moderation charters that name threats): on 3,871
#   labelled lines, leave-one-set-out, that turns 7 white lines white and no harmful one. Such
#   lines ("declined their offer of followers, we never buy them", "ban the bots, report the fake
#   group") were the checker's most common error on blind sets v12 and v13. On the labelled sets
#   of session 11 (leave-one-set-out) the gray rule turned 5 white lines white and no harmful one;
#   at 0.7, 8 white and 2 gray ones. 0.8 again since session 32: with the model trained on
#   every tuning set, each fifth of the 32,860 trained lines read by a model trained on the
#   other four (README, session 32), 0.7 left 4,944 lines wrong and 59
#   harmful lines white, 0.8 4,989 and 52 (6.4 lines wrong per harmful line caught, the trade
#   the levels have taken since session 27), 0.9 5,113 and 44 (11 per line), never lowering
#   5,709 and 39 (38 per line).
MODEL_FIGHT = 0.8
# - MODEL_SURE: a line that seems to fight a harm is still raised to gray, check by hand, when the
#   model reads it harmful at 0.6 or more (0.95 until session 24, 0.9 until session 26, see
#   MODEL_CHECK): the phrases can take a negated disclosure for a refusal ("... çalışan olduğunu
#   söylemesin", staff reviews that must not say who wrote them, tuning set 19).
MODEL_SURE = 0.6
# - MODEL_SURE_BLACK: such a line, still white once its actions are read, is raised to gray
#   too when the model reads it black at 0.75 or more (``_doubted_fight``). A negation can be
#   the fraud's own step, not a refusal: "il n'y a pas de lot" in a paid giveaway, "ไม่ส่งของ"
#   (no goods are sent) in a shop that takes transfers first (tuning sets 56-57, session 20).
#   Leave-one-set-out on 11,871 labelled lines (session 20), among lines that fight a harm
#   and end white, P(black) >= 0.7 holds 5 white lines and no harmful one, >= 0.8 one white.
MODEL_SURE_BLACK = 0.75
# The model names a verdict only for a line of this many meaningful words (not stop words,
# not numbers): a label ("Contact person: Ivan", "Launch date: 1 September") carries too
# little to read, and the model read such labels gray at 0.7-0.8. Since session 30 it raises
# a white line only of this many words too: a heading the phrases read as white ("Контент-план
# на месяц", "Content plan for the month") was read 0.21 and 0.59 harmful and sent to a check
# by hand. On every labelled line (29,721) the model raised 2 white lines of fewer words and
# no harmful one: short harmful lines are the phrases' to find ("Buy 2000 followers").
MODEL_WORDS = 4
# - MODEL_ACTION: a line of several actions that is white as a whole is gray (check by hand),
#   or black at MODEL_BLACK, when one of its actions matched no phrase, has ACTION_WORDS
#   meaningful words or more and no negation or protective word, and the model reads that
#   action alone harmful at 0.8 or more. A plan's harmless items ("Tuesday reel, Wednesday
#   carousel") match phrases and clear the line, while its one harmful item ("Thursday six
#   sock-puppet accounts praise us in local groups") matches none, and the whole line's vector
#   is mostly the harmless items: the commonest way a harmful line was judged white on tuning
#   set 24 (8 of 15) and blind sets v20-v21. Leave-one-set-out on 4,371 labelled lines (with
#   set 24): 0.8 and 5 words turn 4 harmful lines gray and 2 white ones; 0.7 and 5 words, 5
#   and 8; 0.8 and 4 words, 5 and 10. Rules of giveaways and crisis plans cut into actions
#   read harmful on their own, which is why the level is high and negated actions are left.
MODEL_ACTION = 0.8
ACTION_WORDS = 5
# - MODEL_OVERRULE: a line gray only because a harmful example is about as near as the nearest
#   harmless one (the weak rule: "check by hand", nothing else found harmful) is white, confidence
#   low, when the verdict model, trained on every labelled line and example, reads it harmless at
#   0.95 or more (0.97 until session 26, see MODEL_CHECK): two readings of its meaning, and the
#   sharper one finds nothing. Such lines were the commonest error on every set (white lines sent
#   to a check by hand). Leave-one-set-out on 16,671 labelled lines (session 21's last run), such
#   lines at P(white) >= 0.97: 115 white and no harmful one; >= 0.95: 166 and 1 gray; >= 0.9: 249
#   and 3. On tuning sets 91-94 before they were tuned on: 9 white lines and no harmful one. The
#   same level clears a readable line nothing recognised whatever harmful example is near (the
#   guard of MODEL_CLEAR): leave-one-set-out as above, 116 white lines and no harmful one (>=
#   0.95: 147 and none; >= 0.9: 209 and 1 gray). 0.92 from session 28 (see MODEL_CHECK). 0.9
#   since session 33: each fifth of the 33,460 trained lines read by the whole checker with a
#   model trained on the other four (README, session 33), 0.92 left 5,126 lines wrong and 54
#   harmful lines white, 0.9 5,001 and 56 (62 lines right per harmful line let through), 0.88
#   4,895 and 61 (33), 0.85 4,780 and 67 (27).
MODEL_OVERRULE = 0.9


# A harmful example at the check-by-hand level (WEAK) still lets the model clear a line
# (MODEL_CLEAR) when a harmless example is nearer by this much: such a line is not a weak
# harmful resemblance (the weak rule needs the harmful one about as near as the harmless one).
# Chosen leave-one-set-out (each set's verdict model trained without it; 8,632 labelled
# lines, session 17): 0.05 cleared 31 white lines and 1 harmful one (a critic's licence scan
# dropped in a group); 0.08 cleared 17 white lines and no harmful one; 0.12, 1 and none.
# A margin of 1 restores the older guard (no harmful example at WEAK at all). Session 26:
# 0.04, on replayed blind readings (see MODEL_CHECK's note: -28 lines wrong, +1 harmful white).
PLAIN_MARGIN = 0.04


def _plain(
    parsed: _Parsed,
    similarities: npt.NDArray[np.float32],
    *,
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
) -> bool:
    """No phrase matched, a harmless example is the nearest, and the nearest harmful one is
    below the check-by-hand level or clearly farther (``PLAIN_MARGIN``)."""
    # A "!" phrase found but not negated names nothing: it states the consent or the label
    # its negation would deny ("ผู้ปกครองเซ็นยินยอม", "mention « produit offert »").
    if any(hit.negated or not hit.pattern.when_negated for hit in parsed.hits):
        return False
    nearest_harmless = None
    for index in np.argsort(-similarities, kind="stable"):
        similarity = float(similarities[index])
        if _example_verdict(examples[int(index)], taxonomy, context, ()) in ("gray", "black"):
            if nearest_harmless is None:
                return False
            return similarity < WEAK or similarity < nearest_harmless - PLAIN_MARGIN
        if nearest_harmless is None:
            nearest_harmless = similarity
    return nearest_harmless is not None


def _label_like(
    similarities: npt.NDArray[np.float32],
    *,
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
) -> bool:
    """The nearest example is a label ("Owner: Tom, social media lead"), as near as the
    everyday rule asks (``EVERYDAY``, ``EVERYDAY_MARGIN``), and no harmful example is at the
    check-by-hand level: the line is a label too, which carries too little for the model to
    name or clear ("Owner: Anna (SMM manager)", read 0.72 harmful once the model was trained
    on tuning sets 91-98). Leave-one-set-out (session 22), no harmful line the model named
    had a label that near (the nearest such label was at 0.38)."""
    closest = int(np.argmax(similarities))
    nearest = float(similarities[closest])
    if examples[closest].tactic != NEUTRAL or nearest < EVERYDAY:
        return False
    harm = max(
        (
            float(similarity)
            for example, similarity in zip(examples, similarities, strict=True)
            if _example_verdict(example, taxonomy, context, ()) in ("gray", "black")
        ),
        default=-1.0,
    )
    return _everyday(nearest, harm)


def _everyday(nearest: float, harm: float) -> bool:
    """A harmless example at ``nearest`` is near enough (``EVERYDAY``) and nearer than any
    harmful one by ``EVERYDAY_MARGIN``, with none at the check-by-hand level (``WEAK``)."""
    return nearest >= EVERYDAY and harm < WEAK and nearest >= harm + EVERYDAY_MARGIN


def _nearest_of(
    verdicts: Collection[LineVerdict],
    similarities: npt.NDArray[np.float32],
    *,
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
    avoided: Collection[str],
    found: Collection[str],
) -> str | None:
    """The tactic of the nearest example whose verdict here (in a line showing the tactics
    ``found``) is one of ``verdicts``."""
    for index in np.argsort(-similarities, kind="stable"):
        example = examples[int(index)]
        if example.tactic in LABELS or example.tactic in avoided:
            continue
        if _example_verdict(example, taxonomy, context, found) in verdicts:
            return example.tactic
    return None


def _reading(probabilities: npt.NDArray[np.float32], *, changed: bool = False) -> ModelReading:
    """The verdict model's three probabilities as recorded in a result."""
    return ModelReading(
        **{verdict: round(float(p), 3) for verdict, p in zip(CLASSES, probabilities, strict=True)},
        changed=changed,
    )


def _meaningful_words(tokens: Sequence[Token]) -> int:
    """Words that carry meaning: not stop words, not numbers."""
    return sum(not t.stop and not t.number for t in tokens)


def second_opinion(
    result: LineResult,
    probabilities: npt.NDArray[np.float32],
    *,
    similarities: npt.NDArray[np.float32],
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
    fights_harm: bool = False,
    turns_down: bool = False,
    plain: bool = False,
    readable: bool = True,
) -> LineResult:
    """The verdict model's reading added to a line's result. It may raise the verdict; it
    lowers one only for a line that fights the harm it names (``MODEL_FIGHT``) or that only a
    weak resemblance made gray (``MODEL_OVERRULE``); it names one for a line nothing else
    recognised.

    - A ``readable`` white line becomes gray (check by hand) when the model reads it harmful
      (``MODEL_CHECK``); when the line fights a harm (``fights_harm``: it refuses a tactic,
      protects, warns or states consent, which the model does not see: "block the fake
      accounts offering an iPhone" reads as the scam), only when it is all but certain
      (``MODEL_SURE``; see also ``_doubted_fight``).
    - Gray becomes black when the model is sure of black (``MODEL_BLACK``); gray or black
      becomes white when the line fights the harm its phrases found or turns an offer down
      (``turns_down``: "on a dit non à l'agence qui proposait 5 000 abonnés achetés") and
      the model reads it harmless (``MODEL_FIGHT``). A line that turns something down is
      not taken as fighting a harm elsewhere: its white verdict is not guarded less.
    - A line gray only by a weak resemblance (check by hand) becomes white when the model is
      all but sure it is harmless (``MODEL_OVERRULE``).
    - An unrecognized line that is ``readable`` (``MODEL_WORDS`` meaningful words or more)
      becomes gray or black when the model reads it harmful (``MODEL_NAME``), white when the
      model is sure it is harmless and no harmful example is near or the line turns an offer
      down (``plain``, ``MODEL_CLEAR``), or when it is all but sure (``MODEL_OVERRULE``)
      however near a harmful example is.

    A verdict a platform's or region's own rule set (the result has notes) stands as it is.
    A raised line names the nearest example's tactic of the new verdict, so the report still
    says which rule the line may break."""
    reading = _reading(probabilities)
    # The reading as recorded when the verdict is the model's.
    decided = reading.model_copy(update={"changed": True})
    raised: LineVerdict | None = None
    if result.notes:
        # A platform's or region's own rule decided the verdict here ("tagging a real friend
        # is allowed on Instagram"): the model, trained without context, does not know it.
        pass
    elif (
        result.verdict == "white"
        and readable
        and reading.harmful >= (MODEL_SURE if fights_harm else MODEL_CHECK)
    ):
        # Sure of black, it says black, as it does for a line nothing recognised (a line that
        # fights a harm stays at "check by hand").
        raised = "black" if not fights_harm and reading.black >= MODEL_BLACK else "gray"
    elif result.verdict == "gray" and reading.black >= MODEL_BLACK:
        raised = "black"
    elif (
        result.verdict in ("gray", "black")
        and (fights_harm or turns_down)
        and reading.white >= MODEL_FIGHT
    ) or (result.verdict == "gray" and result.check_by_hand and reading.white >= MODEL_OVERRULE):
        # Lowered: the line fights the harm, or only a weak resemblance made it gray.
        return result.model_copy(
            update={
                "verdict": "white",
                "model": decided,
                "tactics": (),
                "rules": (),
                "alternative": None,
                "confidence": "low",
                "check_by_hand": False,
            }
        )
    elif result.verdict == "unrecognized" and readable and reading.harmful >= MODEL_NAME:
        raised = "black" if reading.black >= MODEL_BLACK else "gray"
    elif (
        result.verdict == "unrecognized"
        and readable
        and (reading.white >= MODEL_OVERRULE or (plain and reading.white >= MODEL_CLEAR))
    ):
        return result.model_copy(update={"model": decided, "verdict": "white"})
    if raised is None:
        return result.model_copy(update={"model": reading})
    return _raised(
        result,
        raised,
        decided,
        similarities,
        examples=examples,
        taxonomy=taxonomy,
        context=context,
    )


def _raised(
    result: LineResult,
    raised: LineVerdict,
    decided: ModelReading,
    similarities: npt.NDArray[np.float32],
    *,
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
    clause: str | None = None,
) -> LineResult:
    """A result the model raised to ``raised``, naming the nearest example's tactic of that
    verdict, so the report still says which rule the line may break."""
    wanted: tuple[LineVerdict, ...] = ("gray", "black") if raised == "gray" else (raised,)
    tactic = _nearest_of(
        wanted,
        similarities,
        examples=examples,
        taxonomy=taxonomy,
        context=context,
        avoided=result.avoided,
        found=result.tactics,
    )
    return _naming(
        result,
        raised,
        taxonomy[tactic] if tactic else None,
        model=decided,
        clause=clause or result.clause,
    )


def _naming(
    result: LineResult, verdict: LineVerdict, tactic: Tactic | None, **update: Any
) -> LineResult:
    """A result raised to ``verdict`` by a reading of low confidence, naming ``tactic`` (if
    any) with its rules and alternative; gray means check by hand."""
    return result.model_copy(
        update={
            "verdict": verdict,
            "tactics": _dedupe(((tactic.id,) if tactic else ()) + result.tactics),
            "rules": _dedupe((tactic.rules if tactic else ()) + result.rules),
            "alternative": (tactic.alternative if tactic else None) or result.alternative,
            "confidence": "low",
            "check_by_hand": verdict == "gray",
            **update,
        }
    )


def _read_by_action(
    result: LineResult,
    parsed: _Parsed,
    probabilities: npt.NDArray[np.float32],
    similarities: npt.NDArray[np.float32],
    first: int,
    *,
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
) -> LineResult:
    """A white line of several actions raised by one action the phrases did not read
    (``MODEL_ACTION``): rows ``first``, ``first + 1``... of ``probabilities`` and
    ``similarities`` are the line's actions, in order."""
    if result.verdict != "white" or result.notes or warning_at(parsed.tokens) is not None:
        return result
    for offset, (low, high) in enumerate(parsed.actions):
        tokens = parsed.tokens[low : high + 1]
        # A request or an offer the next action turns down ("a creator asked for my login
        # code; I said no") is the refusal's subject. ("Refuse refunds" after a promise is no
        # such refusal: the promise asks nothing.)
        following = parsed.actions[offset + 1 : offset + 2]
        declined = any(t.text.startswith(REQUEST_PREFIXES) for t in tokens) and any(
            declines(parsed.tokens[a : b + 1]) for a, b in following
        )
        if (
            any(hit.low <= high and hit.high >= low for hit in parsed.hits)
            or _meaningful_words(tokens) < ACTION_WORDS
            or any(t.cue or t.post_cue or t.negative_verb or t.protective for t in tokens)
            or declined
        ):
            continue
        reading = _reading(probabilities[first + offset], changed=True)
        if reading.harmful >= MODEL_ACTION:
            return _raised(
                result,
                "black" if reading.black >= MODEL_BLACK else "gray",
                reading,
                similarities[first + offset],
                examples=examples,
                taxonomy=taxonomy,
                context=context,
                clause=parsed.text((low, high)),
            )
    return result


def _doubted_fight(
    result: LineResult,
    probabilities: npt.NDArray[np.float32],
    similarities: npt.NDArray[np.float32],
    *,
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
) -> LineResult:
    """A white line that seems to fight a harm, still white after its actions were read, is
    gray (check by hand) when the model reads it black (``MODEL_SURE_BLACK``): its negation
    may be the fraud's own step ("there is no prize", "no goods are sent")."""
    reading = _reading(probabilities, changed=True)
    if result.verdict != "white" or result.notes or reading.black < MODEL_SURE_BLACK:
        return result
    return _raised(
        result, "gray", reading, similarities, examples=examples, taxonomy=taxonomy, context=context
    )


def _counts_on_no_check(
    result: LineResult,
    tokens: Sequence[Token],
    probabilities: npt.NDArray[np.float32],
    similarities: npt.NDArray[np.float32],
    *,
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    context: Context,
) -> LineResult:
    """A white or unrecognized line that counts on no one checking ("nobody checks", "till
    someone complains": ``expects_no_check``) is gray, check by hand, naming the nearest
    harmful example's tactic: the writer knows the step would not pass a check, whatever
    words it is told in. A platform's or region's rule (notes) and a warning keep the verdict.
    Read with the model only: the nearest example names the tactic. Session 30: tuning set 175
    (required checks put off) had 15 of its 90 harmful lines white before it was tuned on,
    several saying so ("personne ne vérifiera", "kimse şikayet etmez", "до первой жалобы")."""
    if (
        result.verdict not in ("white", "unrecognized")
        or result.notes
        or not expects_no_check(tokens)
        or warning_at(tokens) is not None
    ):
        return result
    return _raised(
        result,
        "gray",
        result.model or _reading(probabilities),
        similarities,
        examples=examples,
        taxonomy=taxonomy,
        context=context,
    )


# The tactic a fraud stated through its own negation names: a giveaway's, when the line
# speaks of one, else a shop's.
GIVEAWAY_PREFIXES = (
    "giveaway",
    "prize",
    "concours",
    "lot",
    "розыгрыш",
    "приз",
    "çekiliş",
    "ödül",
    "แจก",
)


def _raised_by_rule(
    result: LineResult,
    verdict: LineVerdict,
    tactic: Callable[[], Tactic],
    *,
    holds: Callable[[], bool],
    warned: Callable[[], bool],
    **update: Any,
) -> LineResult:
    """A line-level rule that ``holds`` raises a less severe result to ``verdict``, naming
    ``tactic``. A platform's or region's own rule (notes) and a warning that describes the harm
    (``warned``) keep their verdicts. The rule, the warning and the tactic are read only when
    needed (a taxonomy may lack the tactic of a rule that never holds)."""
    if result.notes or _SEVERITY[result.verdict] >= _SEVERITY[verdict] or not holds() or warned():
        return result
    return _naming(result, verdict, tactic(), **update)


def _line_rules(result: LineResult, tokens: Sequence[Token], taxonomy: Taxonomy) -> LineResult:
    """The rules read from the whole line after the phrases and the model:
    - money taken and what it pays for negated (``negated_fulfilment``): gray, check by hand,
      for the negation may be the fraud itself;
    - a quoted listing calling goods genuine and the line calling them replicas outside the
      quote (``sells_replicas_as_genuine``): black, counterfeits sold as originals, whatever
      the listing's other words matched;
    - a quoted caveat left out of the copy (``omits_caveat``): gray, misleading, the claim it
      qualified standing alone (consumer law in every country covered);
    - a public review link for high scores and a private form for the rest (``gates_reviews``):
      gray, review gating (Google's and Yandex's review policies, FTC 16 CFR 465.7); the
      review given to the happy ones only (``reviews_for_happy_only``): gray, the same."""
    # One reading of the warning for the rules, and none when no rule holds.
    warned = cache(lambda: warning_at(tokens) is not None)
    giveaway = any(t.text.startswith(GIVEAWAY_PREFIXES) for t in tokens)
    # The rules that read the copy's own words (a caveat left out, a routing by score) are of
    # medium confidence and need no check by hand; the other two keep ``_naming``'s low
    # confidence (a gray fraud told through its negation is checked by hand: the negation
    # may be the fraud itself, or an honest rule).
    read_from_copy = {"confidence": "medium", "check_by_hand": False}
    rules: tuple[
        tuple[LineVerdict, str, Callable[[Sequence[Token]], bool], dict[str, Any]], ...
    ] = (
        (
            "gray",
            "fake_giveaway_scam" if giveaway else "fake_shop_brand_impersonation",
            negated_fulfilment,
            {},
        ),
        ("black", "fake_shop_brand_impersonation", sells_replicas_as_genuine, {}),
        ("gray", "misleading_ad_claims", omits_caveat, read_from_copy),
        ("gray", "incentivized_reviews_review_gating", gates_reviews, read_from_copy),
        ("gray", "incentivized_reviews_review_gating", reviews_for_happy_only, read_from_copy),
    )
    for verdict, tactic, holds, update in rules:
        result = _raised_by_rule(
            result,
            verdict,
            partial(taxonomy.__getitem__, tactic),
            holds=partial(holds, tokens),
            warned=warned,
            **update,
        )
    return result


def check_line(
    line: str,
    taxonomy: Taxonomy,
    context: Context | None = None,
    number: int = 1,
    semantics: Semantics | None = None,
) -> LineResult:
    """The verdict on one line of a plan (by phrases alone without ``semantics``)."""
    return _check_all([(number, line, context or Context())], taxonomy, semantics)[0]


def check_lines(
    lines: Sequence[tuple[str, Context]],
    taxonomy: Taxonomy,
    semantics: Semantics | None = None,
) -> list[LineResult]:
    """Lines each in its own context (a labelled set), embedded in one batch."""
    return _check_all(
        [(row + 1, line, context) for row, (line, context) in enumerate(lines)],
        taxonomy,
        semantics,
    )


@dataclass(frozen=True)
class _Parsed:
    """A line's tokens, the phrases found in it, and its actions when it has several."""

    line: str
    tokens: list[Token]
    hits: list[Hit]
    actions: tuple[tuple[int, int], ...]

    def text(self, span: tuple[int, int]) -> str:
        return self.line[self.tokens[span[0]].start : self.tokens[span[1]].end]


def _parse(line: str, taxonomy: Taxonomy) -> _Parsed:
    line = line.strip()
    tokens, hits = find_hits(line, taxonomy)
    actions = tuple(split_actions(line, tokens))
    return _Parsed(line, tokens, hits, actions if len(actions) > 1 else ())


# Tactics whose phrases may hold a protective word as the harm's own step: a sponsorship label
# deleted or hidden ("ลบแท็ก #ได้รับการสนับสนุน ออก" after a day, session 24). Not mass
# reporting: its phrases also match a genuine report ("кидайте жалобы на этот фейк").
MISUSED_PROTECTION_TACTICS = frozenset({"undisclosed_influencer_ads"})


# Conditions of engagement a post sets on its readers (tag, share, comment to get something).
ENGAGEMENT_CONDITION_TACTICS = frozenset(
    {"tag_friends_to_enter", "share_to_enter_giveaways", "engagement_bait"}
)


def _fights_harm(tokens: Sequence[Token], hits: Sequence[Hit], taxonomy: Taxonomy) -> bool:
    """A protective verb in a line where the phrases found a harm for it to act on, a
    warning, a reminder of what a genuine party never asks, stated consent or a crisis plan:
    the context the phrase rules read and the sentence vector does not. A protective verb in
    a line where no phrase found a harm proves no fight: "delete that 1-star or the
    screenshots go public" threatens (session 12), and "Meta ads | budget | report to Kim"
    fights nothing (session 13). The verb may stand in another clause than the harm: "warn
    followers: fake giveaway pages ask for fees", "a clone of our group — report it"."""
    harmful = [hit for hit in hits if taxonomy[hit.pattern.tactic].verdict != "white"]
    # A protective word a black phrase itself uses ("take transfers, then delete the page") is
    # the crime's own step, not a fight against it. (Gray phrases keep theirs: "report the
    # bots" also reads as mass reporting, and there the report is the fight.)
    # Nor is the deletion an undisclosed-ad phrase names ("delete the #ad tag after 24 hours",
    # session 24): there the protective word is the misuse.
    own = {
        index
        for hit in harmful
        if not hit.negated
        and (
            taxonomy[hit.pattern.tactic].verdict == "black"
            or hit.pattern.tactic in MISUSED_PROTECTION_TACTICS
        )
        for index in hit.tokens
    }
    # An undo kept ready for when the step is caught ("if anyone complains we just delete it")
    # is the plan's escape, not a fight (session 31, tuning set 184).
    if harmful:
        own |= undo_if_caught(
            tokens, {index for hit in harmful if not hit.negated for index in hit.tokens}
        )
    # A warning fights the scam it names, not the engagement condition the same post sets:
    # "scam alert: fake collector texts! Tag 3 neighbours or no free guide" is engagement bait
    # (session 23; other harms a warning names, such as a clone page's fake coupons, stay
    # warned about).
    unwarned = any(
        not hit.negated and hit.pattern.tactic in ENGAGEMENT_CONDITION_TACTICS for hit in harmful
    )
    return (
        (
            bool(harmful)
            and any(
                token.protective
                and index not in own
                and not (unwarned and token.text in BEWARE_WORDS)
                for index, token in enumerate(tokens)
            )
        )
        or (warning_at(tokens) is not None and not unwarned)
        or bool(never_asks_clauses(tokens))
        or recovers_account(tokens)
        or consents(tokens)
    )


# How a line's verdict ranks when its actions are judged one by one: only a harmful action
# overrides the whole line's verdict.
_SEVERITY: dict[LineVerdict, int] = {"unrecognized": 0, "white": 1, "gray": 2, "black": 3}


def _check_all(
    rows: Sequence[tuple[int, str, Context]],
    taxonomy: Taxonomy,
    semantics: Semantics | None,
) -> list[LineResult]:
    """Each line judged as a whole and, when it has several actions, action by action: the
    most severe decides, so a harmless half ("after the webinar") cannot clear a harmful one
    ("run a follow/unfollow script on the attendees"). Lines and actions embed in one batch."""
    parsed = [_parse(line, taxonomy) for _, line, _ in rows]
    texts = [p.line for p in parsed] + [p.text(span) for p in parsed for span in p.actions]
    reading = semantics.read(texts) if semantics else None
    similarities = reading.similarities if reading else None
    probabilities = reading.probabilities if reading else None
    examples = semantics.index.examples if semantics else ()
    results = []
    next_action = len(parsed)
    for row, ((number, _, context), p) in enumerate(zip(rows, parsed, strict=True)):
        # The whole line and each of its actions are judged on the same parse.
        judge_part = partial(
            judge,
            number,
            p.line,
            tokens=p.tokens,
            hits=p.hits,
            taxonomy=taxonomy,
            context=context,
            examples=examples,
        )
        result = judge_part(
            similarities=similarities[row] if similarities is not None else None,
            actions=p.actions,
        )
        first_action = next_action
        for span in p.actions:
            action_similarities = similarities[next_action] if similarities is not None else None
            next_action += 1
            part = judge_part(
                similarities=action_similarities, span=span, line_avoided=result.avoided
            )
            if (
                part.verdict in ("gray", "black")
                and _SEVERITY[part.verdict] > _SEVERITY[result.verdict]
            ):
                result = part.model_copy(
                    update={
                        "clause": p.text(span),
                        "tactics": _dedupe(part.tactics + result.tactics),
                        "matched": _dedupe(part.matched + result.matched),
                        "avoided": _dedupe(part.avoided + result.avoided),
                    }
                )
        if probabilities is not None and similarities is not None:
            fights_harm = bool(result.avoided) or _fights_harm(p.tokens, p.hits, taxonomy)
            turns_down = declines(p.tokens)
            result = second_opinion(
                result,
                probabilities[row],
                similarities=similarities[row],
                examples=examples,
                taxonomy=taxonomy,
                context=context,
                fights_harm=fights_harm,
                turns_down=turns_down,
                readable=_meaningful_words(p.tokens) >= MODEL_WORDS
                and not _label_like(
                    similarities[row], examples=examples, taxonomy=taxonomy, context=context
                ),
                # A line that turns an offer down resembles the offer: a harmful example
                # near it is the refusal's subject, not a sign of harm.
                plain=result.verdict == "unrecognized"
                and (
                    turns_down
                    or _plain(
                        p,
                        similarities[row],
                        examples=examples,
                        taxonomy=taxonomy,
                        context=context,
                    )
                ),
            )
            result = _read_by_action(
                result,
                p,
                probabilities,
                similarities,
                first_action,
                examples=examples,
                taxonomy=taxonomy,
                context=context,
            )
            if fights_harm:
                result = _doubted_fight(
                    result,
                    probabilities[row],
                    similarities[row],
                    examples=examples,
                    taxonomy=taxonomy,
                    context=context,
                )
            result = _counts_on_no_check(
                result,
                p.tokens,
                probabilities[row],
                similarities[row],
                examples=examples,
                taxonomy=taxonomy,
                context=context,
            )
        result = _line_rules(result, p.tokens, taxonomy)
        results.append(result)
    return results


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


def check_plan(
    text: str,
    taxonomy: Taxonomy,
    context: Context | None = None,
    semantics: Semantics | None = None,
) -> PlanCheck:
    """Every non-empty line of a plan, in order; raises PlanError for input it cannot check.

    With ``semantics`` the lines are embedded in one batch (several times faster than one by
    one); without, phrases alone decide.
    """
    context = context or Context()
    lines = plan_lines(text)
    return PlanCheck(
        context=context,
        lines=tuple(
            _check_all([(number, line, context) for number, line in lines], taxonomy, semantics)
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
