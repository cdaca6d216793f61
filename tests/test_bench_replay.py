"""``bench.replay``: which commit each labelled set was scored untuned at, levels, tallies."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

import bench.tactics
from bench.model_fit import fit_weights
from bench.replay import (
    current_levels,
    harmful_white,
    parse_levels,
    replay_commit,
    report,
    tally,
    untuned_commits,
)
from bench.replay_worker import _evidence, retrained
from smmfit.tactics import ModelVerdict, Semantics, Taxonomy, check_line, training_fingerprint
from smmfit.tactics.verdict_model import READERS, recipe

DOC = """Labelled sets.

- ``tactic_lines_tune98_v7.csv``: 150 lines. Scored once untuned at 1111111: 80.0%;
- ``tactic_lines_tune99_v7.csv``: 150 lines, written by a helper. Scored once
  untuned at de267f8: 92.7% (no harmful line white), then tuned on;
- ``tactic_lines_tune100_v7.csv``: 150 lines. Scored once untuned at de267f8: 85.3%;
- ``tactic_lines_tune101_v7.csv``: 150 lines. Scored once untuned at 3122c97 (80.0%) and at
  4933e91 (81.0%), then tuned on;
- ``tactic_lines_tune102_v7.csv``: 150 lines, never scored untuned.
"""


def test_untuned_commits_reads_the_first_commit_of_each_set_from_its_number_on() -> None:
    assert untuned_commits(DOC) == {
        "de267f8": ["tactic_lines_tune99_v7.csv", "tactic_lines_tune100_v7.csv"],
        "3122c97": ["tactic_lines_tune101_v7.csv"],
    }
    assert untuned_commits(DOC, since=98)["1111111"] == ["tactic_lines_tune98_v7.csv"]
    assert untuned_commits(DOC, since=101) == {"3122c97": ["tactic_lines_tune101_v7.csv"]}


def test_the_bench_docstring_names_an_untuned_commit_for_every_recent_set() -> None:
    commits = untuned_commits(bench.tactics.__doc__ or "")
    sets = [name for names in commits.values() for name in names]
    assert "tactic_lines_tune163_v7.csv" in commits["9bfd894"]
    assert "tactic_lines_tune149_v7.csv" in commits["2105af2"]
    assert len(sets) == len(set(sets)) >= 65


def test_levels_are_parsed_onto_known_names_only() -> None:
    assert parse_levels("MODEL_CHECK=0.3, MODEL_SURE=0.6") == {
        "MODEL_CHECK": 0.3,
        "MODEL_SURE": 0.6,
    }
    # The example bank's levels too, every float constant of the checker; not its counts.
    assert parse_levels("WEAK=0.3") == {"WEAK": 0.3}
    assert {"MODEL_CHECK", "WEAK", "PLAIN_MARGIN"} <= set(current_levels())
    assert "MODEL_WORDS" not in current_levels()
    with pytest.raises(ValueError, match="MODEL_CHEK"):
        parse_levels("MODEL_CHEK=0.3")


def test_tally_counts_wrong_and_harmful_white_per_variant() -> None:
    records = [
        {"variant": "now", "language": "en", "expected": "black", "got": "white"},
        {"variant": "now", "language": "en", "expected": "white", "got": "gray"},
        {"variant": "now", "language": "tr", "expected": "gray", "got": "unrecognized"},
        {"variant": "low", "language": "en", "expected": "black", "got": "gray"},
        {"variant": "low", "language": "tr", "expected": "white", "got": "white"},
        {"variant": "low", "language": "tr", "expected": "gray", "got": "gray"},
    ]
    tallies = tally(records)
    assert list(tallies) == ["now", "low"]
    now, low = tallies["now"], tallies["low"]
    assert (now.lines, now.wrong, now.harmful_white, now.white_not_white) == (3, 3, 1, 1)
    assert now.harmful_not_named == 1
    assert (low.lines, low.wrong, low.harmful_white) == (3, 1, 0)
    text = report(tallies, {"low": {"MODEL_CHECK": 0.3}})
    assert "-2 wrong, -1 harmful white against now" in text
    assert "levels: MODEL_CHECK 0.3" in text
    # Right per language: the floor is per language.
    assert "right by language: EN 0.0%, TR 0.0%" in text
    assert "right by language: EN 0.0%, TR 100.0%" in text


def test_a_commit_missing_from_the_history_is_skipped_with_a_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert replay_commit("0000000", ["tactic_lines_tune99_v7.csv"], {"now": {}}) == []
    assert "0000000: skipped" in capsys.readouterr().err


def test_how_the_model_is_trained_is_a_level_a_variant_can_set() -> None:
    # A variant that sets them retrains the verdict model at each replayed commit.
    assert current_levels()["MODEL_C"] == bench.tactics.MODEL_C
    assert current_levels()["MODEL_HARMFUL_WEIGHT"] == bench.tactics.MODEL_HARMFUL_WEIGHT
    assert parse_levels("MODEL_HARMFUL_WEIGHT=2") == {"MODEL_HARMFUL_WEIGHT": 2.0}


LINES: list[tuple[str, ModelVerdict, str]] = [
    ("post the weekly menu", "white", "a.csv"),
    ("film the kitchen for reels", "white", "a.csv"),
    ("buy followers from a panel", "gray", "a.csv"),
    ("post the weekly offers", "white", "b.csv"),
    ("buy likes from a panel", "gray", "b.csv"),
    ("phish the rival's login", "black", "replayed.csv"),
]


def test_a_harmful_weight_above_one_makes_the_fit_read_lines_more_harmful() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [text for text, _, _ in LINES]
    matrix = TfidfVectorizer().fit_transform(texts)
    labels = np.array([("white", "gray", "black").index(v) for _, v, _ in LINES])
    alike, weights = (fit_weights(matrix, labels, 1.0, w) for w in (1.0, 3.0))
    assert alike[0].shape == (matrix.shape[1], 3)
    assert alike[1].shape == (3,)

    def harmful(fitted: tuple[np.ndarray, np.ndarray]) -> float:
        scores = np.asarray(matrix @ fitted[0]) + fitted[1]
        chances = np.exp(scores - scores.max(axis=1, keepdims=True))
        return float((1 - chances[:, 0] / chances.sum(axis=1)).mean())

    assert harmful(weights) > harmful(alike)


def test_the_replay_retrains_on_the_commits_own_lines_without_the_replayed_sets(
    monkeypatch: pytest.MonkeyPatch, taxonomy: Taxonomy, semantics: Semantics
) -> None:
    monkeypatch.setattr(bench.tactics, "model_training_lines", lambda *_: LINES)
    assert semantics.model is not None
    knobs = {"MODEL_C": 10.0, "MODEL_HARMFUL_WEIGHT": 2.0, "MODEL_READERS": float(len(READERS))}
    # Lines that do not give the committed model: the replay would not be that commit's.
    with pytest.raises(ValueError, match="do not give its committed model"):
        retrained(semantics, taxonomy, knobs, READERS, {"replayed.csv"})
    committed = replace(
        semantics.model, trained_on=training_fingerprint([(t, v) for t, v, _ in LINES], recipe())
    )
    again = retrained(
        replace(semantics, model=committed), taxonomy, knobs, READERS, {"replayed.csv"}
    )
    kept = [(text, verdict) for text, verdict, name in LINES if name != "replayed.csv"]
    assert again.model.trained_on == training_fingerprint(kept, recipe())
    assert len(again.model.readers) == len(READERS)
    assert again.index is semantics.index
    # Fewer readers: the first of this checkout's, as a variant of the replay may ask.
    alone = retrained(
        replace(semantics, model=committed),
        taxonomy,
        {**knobs, "MODEL_READERS": 1.0},
        READERS[:1],
        set(),
    )
    assert len(alone.model.readers) == 1


def test_the_harmful_lines_a_variant_judges_white_are_listed() -> None:
    records = [
        {"variant": "now", "set": "s.csv", "language": "fr", "expected": "gray", "line": "A"},
        {"variant": "now", "set": "s.csv", "language": "fr", "expected": "white", "line": "B"},
        {"variant": "now", "set": "s.csv", "language": "en", "expected": "black", "line": "C"},
        {"variant": "low", "set": "s.csv", "language": "fr", "expected": "gray", "line": "A"},
    ]
    got = ["white", "white", "gray", "gray"]
    listed = harmful_white(
        [{**record, "got": verdict} for record, verdict in zip(records, got, strict=True)], "now"
    )
    assert listed.splitlines() == ["now: 1 harmful lines judged white", "  s.csv [fr, gray] A"]


def test_each_replayed_reading_carries_the_evidence_for_its_verdict(
    taxonomy: Taxonomy, semantics: Semantics
) -> None:
    line = "Buy 5,000 followers from a panel before the launch"
    result = check_line(line, taxonomy, semantics=semantics)
    evidence = _evidence(result)
    assert evidence["tactics"] == list(result.tactics) != []
    assert evidence["confidence"] == result.confidence == "high"
    assert evidence["check_by_hand"] is False
    assert result.model is not None
    assert evidence["model_white"] == round(result.model.white, 3)
    json.dumps(evidence)
