"""smmfit.tactics.check: plans line by line, plan input limits and decoding, checklists."""

# Plan lines in Russian and French look like Latin to the ambiguity check.

from __future__ import annotations

import pytest

from smmfit.tactics import (
    MAX_PLAN_CHARS,
    MAX_PLAN_LINES,
    Context,
    PlanError,
    Taxonomy,
    check_plan,
    check_tactics,
    decode_plan,
    plan_lines,
)


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
