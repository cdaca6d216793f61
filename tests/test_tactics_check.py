"""smmfit.tactics.check: plans line by line, plan input limits and decoding, checklists."""

# Plan lines in Russian and French look like Latin to the ambiguity check.

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from smmfit.tactics import (
    MAX_PLAN_CHARS,
    MAX_PLAN_LINES,
    Context,
    Example,
    PlanError,
    Semantics,
    Taxonomy,
    check_line,
    check_plan,
    check_tactics,
    decode_plan,
    plan_lines,
)
from smmfit.tactics.semantic import build_index


def test_check_plan_keeps_order_and_line_numbers(taxonomy: Taxonomy) -> None:
    check = check_plan("Buy 5k followers\n\n   \nWeekly reels\nBudget: 100 EUR\n", taxonomy)
    assert [line.number for line in check.lines] == [1, 4, 5]
    assert [line.verdict for line in check.lines] == ["gray", "white", "unrecognized"]
    assert check.counts() == {"black": 0, "gray": 1, "unrecognized": 1, "white": 1}
    assert [line.number for line in check.worst_first()] == [1, 5, 4]
    assert check.worst == "gray"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "empty"),
        ("\n  \n\t\n", "empty"),
        ("buy\x00followers", "binary"),
        ("\x01\x02\x03\x04\x05 plan", "binary"),
        ("\ufffd" * 10 + " plan", "binary"),
        ("x" * (MAX_PLAN_CHARS + 1), "too_long"),
        ("line\n" * (MAX_PLAN_LINES + 1), "too_many_lines"),
    ],
)
def test_bad_plans_are_refused_with_a_reason(text: str, kind: str) -> None:
    with pytest.raises(PlanError) as caught:
        plan_lines(text)
    assert caught.value.kind == kind


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("план".encode(), "план"),
        ("\ufeffплан".encode(), "план"),
        ("plan".encode("utf-16"), "plan"),
    ],
)
def test_decode_plan(data: bytes, text: str) -> None:
    assert decode_plan(data) == text


@pytest.mark.parametrize("data", [b"\xff\xd8\xff\xe0 jpeg", b"\x89PNG\r\n\x1a\n\x00\x00", b"\xc3"])
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(PlanError, match="does not look like text"):
        decode_plan(data)


def test_a_checklist_is_a_plan_of_tactic_names(taxonomy: Taxonomy) -> None:
    check = check_tactics(
        ["useful_content", "undisclosed_influencer_ads"], taxonomy, Context(region="FR"), "ru"
    )
    assert [line.verdict for line in check.lines] == ["white", "black"]
    assert check.lines[1].line == taxonomy["undisclosed_influencer_ads"].name.ru
    assert check.lines[1].notes


# --- phrases and meaning together: the safety asymmetry -----------------------------------

_BANK = (
    Example(tactic="buying_followers_bots", language="en", text="bank: buy followers"),
    Example(tactic="protective", language="en", text="bank: block spam bots"),
    Example(tactic="neutral", language="en", text="bank: budget per month"),
    Example(tactic="targeted_ads", language="en", text="bank: targeted ads"),
    Example(tactic="account_hacking_phishing", language="en", text="bank: hack an account"),
)


class _Encoder:
    """Bank line i is the unit vector e_i; a plan line is given its similarity to each."""

    name = "stand-in"

    def __init__(self, lines: dict[str, tuple[float, ...]]) -> None:
        self.lines = lines

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        rows = []
        for text in texts:
            if text in self.lines:
                rows.append(np.array(self.lines[text], dtype=np.float32))
            else:
                rows.append(
                    np.eye(len(_BANK), dtype=np.float32)[[e.text for e in _BANK].index(text)]
                )
        return np.stack(rows)


@pytest.mark.parametrize(
    ("line", "similarity", "verdict", "confidence", "by_hand"),
    [
        # meaning alone, strong: the example's tactic and verdict
        ("Plan item alpha", (0.60, 0.1, 0.1, 0.1, 0.1), "gray", "medium", False),
        # a faint harmful resemblance, nearest of all: gray, never white
        ("Plan item beta", (0.40, 0.1, 0.1, 0.39, 0.1), "gray", "low", True),
        ("Plan item beta2", (0.1, 0.1, 0.1, 0.40, 0.39), "gray", "low", True),
        # a harmless example is clearly nearest: white, by meaning
        ("Plan item gamma", (0.2, 0.1, 0.1, 0.60, 0.1), "white", "medium", False),
        # scaffolding is not a tactic, and nothing near is nothing recognised
        ("Plan item delta", (0.1, 0.1, 0.60, 0.1, 0.1), "unrecognized", "low", False),
        ("Plan item epsilon", (0.2, 0.1, 0.1, 0.1, 0.1), "unrecognized", "low", False),
        # a protective action near a protective example fights the harm it resembles
        ("Block the bots that plan item", (0.50, 0.52, 0.1, 0.1, 0.1), "white", "high", False),
        # ... and the tactic it acts on does not count at all ("bots" is blocked, not bought)
        ("Block the bots that plan item2", (0.62, 0.40, 0.1, 0.1, 0.1), "white", "medium", False),
        # ... but another tactic, clearly nearer, does
        ("Block the bots that plan item3", (0.1, 0.40, 0.1, 0.1, 0.62), "black", "medium", False),
        # a negated tactic: its own examples do not count, another tactic's weak echo neither
        ("We do not buy followers", (0.70, 0.1, 0.1, 0.1, 0.40), "white", "medium", False),
        # ... a strong resemblance to another tactic still does
        ("We do not buy followers, hack", (0.70, 0.1, 0.1, 0.1, 0.65), "black", "medium", False),
        # meaning raises a phrase verdict only when very close
        ("Buy followers", (0.1, 0.1, 0.1, 0.1, 0.60), "gray", "high", False),
        ("Buy followers then", (0.1, 0.1, 0.1, 0.1, 0.75), "black", "medium", False),
        # a harmless phrase with a harmful resemblance: gray (the v1 failure, "ads" + hacking)
        ("Targeted ads on Meta", (0.1, 0.1, 0.1, 0.30, 0.45), "gray", "low", True),
        # v5, everyday content: a white example at 0.40-0.50 (SAFE), clearly nearer than any
        # harmful one and nothing harmful at the check-by-hand level: white, low confidence
        ("Plan item zeta", (0.2, 0.1, 0.1, 0.43, 0.1), "white", "low", False),
        # ... not when a harmful example reaches the check-by-hand level (WEAK, 0.3)
        ("Plan item eta", (0.31, 0.1, 0.1, 0.43, 0.1), "unrecognized", "low", False),
        # ... nor when the white example is not clearly the nearer (0.08)
        ("Plan item theta", (0.33, 0.1, 0.1, 0.40, 0.1), "unrecognized", "low", False),
        # with no phrase at all, a harmful example within 0.05 of the white one: check by hand
        ("Plan item iota", (0.1, 0.1, 0.1, 0.55, 0.52), "gray", "low", True),
        ("Plan item kappa", (0.1, 0.1, 0.1, 0.58, 0.52), "white", "medium", False),
        # v9: a "!" phrase the line does not negate ("subscribed" names unsolicited messages
        # only when negated) found nothing: the no-phrase margin still applies
        ("Plan item iota, subscribed", (0.1, 0.1, 0.1, 0.55, 0.52), "gray", "low", True),
        ("Plan item iota, never subscribed", (0.1, 0.1, 0.1, 0.55, 0.52), "gray", "high", False),
    ],
)
def test_meaning_and_phrases_never_clear_harm(
    taxonomy: Taxonomy,
    line: str,
    similarity: tuple[float, ...],
    verdict: str,
    confidence: str,
    by_hand: bool,
) -> None:
    encoder = _Encoder({line: similarity})
    semantics = Semantics(encoder, build_index(_BANK, encoder, cache=None))
    result = check_line(line, taxonomy, semantics=semantics)
    assert (result.verdict, result.confidence, result.check_by_hand) == (
        verdict,
        confidence,
        by_hand,
    ), result
    assert result.resembles and result.resembles[0].similarity == max(
        s for s, e in zip(similarity, _BANK, strict=True) if e.tactic not in result.avoided
    )


# --- v6: a line judged action by action ------------------------------------------------------

_ACTIONS = "Write the zorblat quixel notes, then run the other plovian item"
_FIRST, _SECOND = "Write the zorblat quixel notes", "run the other plovian item"
_GUARDED = "Moderate the zorblat quixel queue daily"
_GUARDED_TWO = "Moderate the zorblat quixel queue daily, then run the other plovian item"
_NOTHING = (0.1, 0.1, 0.1, 0.1, 0.1)


@pytest.mark.parametrize(
    ("line", "similarities", "verdict", "clause", "by_hand"),
    [
        # the whole line reads harmless, one action on its own is clearly a hack: black, and
        # the result names that action
        (
            _ACTIONS,
            {_ACTIONS: (0.1, 0.1, 0.1, 0.6, 0.3), _FIRST: _NOTHING, _SECOND: (0, 0, 0, 0.1, 0.7)},
            "black",
            _SECOND,
            False,
        ),
        # an action's faint resemblance does not count: the whole line's verdict stands
        (
            _ACTIONS,
            {_ACTIONS: (0.1, 0.1, 0.1, 0.6, 0.3), _FIRST: _NOTHING, _SECOND: (0, 0, 0, 0.3, 0.5)},
            "white",
            None,
            False,
        ),
        # a protective verb clears the harm it resembles in a line of one action ...
        (_GUARDED, {_GUARDED: (0.45, 0.46, 0.1, 0.1, 0.1)}, "white", None, False),
        # ... but not when another action of the line has none: check by hand
        (
            _GUARDED_TWO,
            {
                _GUARDED_TWO: (0.45, 0.46, 0.1, 0.1, 0.1),
                _GUARDED: _NOTHING,
                _SECOND: _NOTHING,
            },
            "gray",
            None,
            True,
        ),
    ],
)
def test_the_most_severe_action_decides(
    taxonomy: Taxonomy,
    line: str,
    similarities: dict[str, tuple[float, ...]],
    verdict: str,
    clause: str | None,
    by_hand: bool,
) -> None:
    encoder = _Encoder(similarities)
    semantics = Semantics(encoder, build_index(_BANK, encoder, cache=None))
    result = check_line(line, taxonomy, semantics=semantics)
    assert (result.verdict, result.clause, result.check_by_hand) == (verdict, clause, by_hand)
    assert check_plan(line, taxonomy, semantics=semantics).lines[0] == result


def test_a_refused_reward_is_no_weak_resemblance() -> None:
    """Session 18: "honest reviews, no incentives" resembles a paid review only by its subject."""
    from smmfit.tactics.lexicon import tokenize
    from smmfit.tactics.negation import refuses_incentive

    assert refuses_incentive(tokenize("Post-stay email: a Google review, no incentives"))
    assert refuses_incentive(tokenize("Отзыв просим честно, без скидок за звёзды"))
    assert not refuses_incentive(tokenize("5% discount for every 5-star review"))
