"""A network's audience profile: a row per published category, and the rest as a row of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from smmfit.data import Evidence, audience_profile, load_dataset
from smmfit.models import Persona
from tests.conftest import figure, write_data


@pytest.mark.parametrize(
    ("rows", "dimension", "expected"),
    [
        # Both genders published, adding up to 98.8% (Meta's "unknown" gender): the rest has no
        # category of its own. This crashed the Fit page for Germany (an index into no gaps).
        (
            [("gender", "female", 49.5), ("gender", "male", 49.3)],
            "gender",
            [("female", 0.495, False), ("male", 0.493, False), ("not_published", 0.012, True)],
        ),
        # One gender published: the rest can only be the other one.
        ([("gender", "female", 60)], "gender", [("female", 0.6, False), ("male", 0.4, True)]),
        # Age bands covering every age, adding up to 99%: the rest is not published.
        (
            [("age", "13-24", 30), ("age", "25+", 69)],
            "age",
            [("13-24", 0.3, False), ("25+", 0.69, False), ("not_published", 0.01, True)],
        ),
    ],
)
def test_the_unassigned_rest_is_a_row_of_its_own(
    tmp_path: Path,
    rows: list[tuple[str, str, float]],
    dimension: str,
    expected: list[tuple[str, float, bool]],
) -> None:
    figures = [figure("alpha", "DE", dim, category, value) for dim, category, value in rows]
    evidence = Evidence(load_dataset(write_data(tmp_path, figures)))
    persona = Persona(region="DE", age_min=18, age_max=30, gender="female")
    profile = audience_profile(evidence, "alpha", "DE", persona)
    mine = profile[profile["dimension"] == dimension]
    got = list(
        zip(
            mine["category"].astype(str),
            mine["share"].astype(float).round(4),
            mine["remainder"].astype(bool),
            strict=True,
        )
    )
    assert [(c, r) for c, _, r in got] == [(c, r) for c, _, r in expected]
    assert [s for _, s, _ in got] == pytest.approx([s for _, s, _ in expected])
    rest = mine[mine["category"] == "not_published"]
    assert rest["persona_overlap"].isna().all()


def test_every_shipped_profile_is_shown_without_error(evidence: Evidence) -> None:
    """Every network in every region of data/: shares add up to the whole, each rest once."""
    persona = Persona(region="WW", age_min=18, age_max=39)
    shown = 0
    for platform in evidence.dataset.platforms:
        for region in ("WW", "RU", "US", "CN", "FR", "DE", "GB", "TR", "TH", "BR", "IN"):
            profile = audience_profile(evidence, platform, region, persona)
            for _, rows in profile.groupby("dimension"):
                if rows["dimension"].iloc[0] == "device":
                    continue
                shown += 1
                assert rows["share"].sum() == pytest.approx(1.0, abs=0.02)
                assert rows["remainder"].sum() <= 1
    assert shown > 50
