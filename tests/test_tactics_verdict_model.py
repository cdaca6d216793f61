"""The verdict model: its stored weights, its freshness, and the second opinion it gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bench.tactics import (
    DATA,
    REPORTED_SETS,
    labelled_training_lines,
    load_labelled,
    model_training_lines,
)
from smmfit.tactics import (
    CLASSES,
    MODEL_PATH,
    Example,
    LineResult,
    LineVerdict,
    Semantics,
    Taxonomy,
    check_line,
    load_verdict_model,
    training_fingerprint,
    write_verdict_model,
)
from smmfit.tactics import check as check_module
from smmfit.tactics.check import (
    MODEL_BLACK,
    MODEL_CHECK,
    MODEL_CLEAR,
    MODEL_FIGHT,
    MODEL_NAME,
    MODEL_OVERRULE,
    MODEL_SURE,
    second_opinion,
)
from smmfit.tactics.taxonomy import Context
from smmfit.tactics.verdict_model import READERS, recipe, vectorizer, words


def test_stored_model_loads_for_its_recipe_only(tmp_path: Path) -> None:
    model = load_verdict_model()
    assert model is not None and model.features == recipe()
    assert len(model.readers) == len(READERS)
    for reader in model.readers:
        assert reader.weights.shape == (len(reader.vocabulary), len(CLASSES))
        assert reader.idf.shape == (len(reader.vocabulary),)
    assert load_verdict_model(tmp_path / "missing.npz") is None
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(b"not a zip")
    assert load_verdict_model(damaged) is None
    # Made with other features (or another scikit-learn): stale, never trusted.
    other = tmp_path / "other.npz"
    write_verdict_model(replace(model, features="word 1-2 tf-idf"), other)
    assert load_verdict_model(other) is None
    # Fewer readers than the recipe pools: stale too.
    alone = tmp_path / "alone.npz"
    write_verdict_model(replace(model, readers=model.readers[:1]), alone)
    assert load_verdict_model(alone) is None
    # Weights that do not fit a reader's vocabulary: damaged.
    short = tmp_path / "short.npz"
    cut = replace(model.readers[1], weights=model.readers[1].weights[:-1])
    write_verdict_model(replace(model, readers=(model.readers[0], cut)), short)
    assert load_verdict_model(short) is None


def test_stored_model_is_trained_on_todays_bank_and_sets(
    taxonomy: Taxonomy, semantics: Semantics
) -> None:
    """A changed bank or tuning set needs `python -m bench.tactics --refresh-model`."""
    model = load_verdict_model(MODEL_PATH)
    assert model is not None
    lines = [(text, verdict) for text, verdict, _ in model_training_lines(taxonomy, semantics)]
    assert model.trained_on == training_fingerprint(lines, recipe())


def test_the_bench_reports_every_labelled_set() -> None:
    """A labelled set added to ``DATA`` is scored by ``python -m bench.tactics``, not only
    trained on (tuning sets 164-165 were trained on and not reported for a session)."""
    reported = [path.name for _, path in REPORTED_SETS]
    assert len(reported) == len(set(reported))
    on_disk = {path.name for path in DATA.glob("tactic_lines*.csv")}
    assert on_disk
    assert on_disk == set(reported)


def test_stored_model_reads_lines_as_scikit_learn_does(
    taxonomy: Taxonomy, semantics: Semantics
) -> None:
    """Each reader's stored vocabulary, idf, weights and biases give scikit-learn's own
    probabilities: its vectorizer fitted again on the training lines (deterministic) and its
    logistic regression holding the stored coefficients; the model pools them as a geometric
    mean. Nothing is lost in storing them. (Refitting the regression itself is not compared:
    lbfgs stops within its tolerance, and where it stops depends on the BLAS threads.)"""
    from sklearn.linear_model import LogisticRegression

    lines = [text for text, _, _ in model_training_lines(taxonomy, semantics)]
    stored = load_verdict_model()
    assert stored is not None
    sample = [*lines[::97], "ซื้อไลก์ 1000 ไลก์", "Накрутить подписчиков", "Post the menu"]
    each = []
    for index, reader in enumerate(stored.readers):
        features = vectorizer(index)
        features.fit(lines)
        assert tuple(features.get_feature_names_out()) == reader.vocabulary
        assert np.allclose(features.idf_, reader.idf, rtol=1e-6)
        regression = LogisticRegression()
        regression.coef_ = reader.weights.T.astype(np.float64)
        regression.intercept_ = reader.bias.astype(np.float64)
        regression.classes_ = np.arange(len(CLASSES))
        each.append(regression.predict_proba(features.transform(sample)))
    pooled = np.exp(np.mean(np.log(each), axis=0))
    expected = pooled / pooled.sum(axis=1, keepdims=True)
    assert np.allclose(stored.probabilities(sample), expected, atol=1e-5)
    assert stored.probabilities([]).shape == (0, len(CLASSES))


def test_a_reader_that_knows_no_word_of_the_line_abstains(semantics: Semantics) -> None:
    """Words the word reader never saw give it no reading of its own, only its prior: the
    pool is then the characters' reading alone. A line of known words is read by both."""
    model = semantics.model
    assert model is not None
    letters = replace(model, readers=model.readers[:1])
    unknown, known = "zzqx qqzx vvbn", "Buy 5,000 followers from a panel"
    word_reader = model.readers[1]
    features = vectorizer(1, word_reader.vocabulary, word_reader.idf)
    assert features.transform([unknown]).nnz == 0
    assert np.allclose(model.probabilities([unknown]), letters.probabilities([unknown]))
    assert not np.allclose(model.probabilities([known]), letters.probabilities([known]))


def test_the_word_reader_reads_thai_words(semantics: Semantics) -> None:
    """Thai is cut into dictionary words for the word reader, as the phrase matcher cuts it:
    a Thai line reaches it as words it knows, not as one unseen run of letters."""
    model = semantics.model
    assert model is not None
    features = vectorizer(1, model.readers[1].vocabulary, model.readers[1].idf)
    assert features.transform(["ซื้อผู้ติดตามเพิ่มก่อนเปิดตัว"]).nnz >= 3
    assert words("ไม่ซื้อผู้ติดตาม") == ["ไม่", "ซื้อ", "ผู้ติดตาม"]


def test_probabilities_are_a_distribution_and_read_plain_lines(semantics: Semantics) -> None:
    lines = ["Weekly reels about the new menu", "Buy 5,000 followers from a panel"]
    probabilities = semantics.read(lines).probabilities
    assert probabilities is not None and probabilities.shape == (2, 3)
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    white = CLASSES.index("white")
    assert probabilities[0, white] > 0.5 > probabilities[1, white]


EXAMPLES = (
    Example(tactic="buying_followers_bots", language="en", text="buy followers from a panel"),
    Example(tactic="spam_from_hacked_accounts", language="en", text="spam from hacked accounts"),
    Example(tactic="protective", language="en", text="report fake accounts"),
)
# The gray example is the nearest, then the black one.
SIMILARITIES = np.array([0.6, 0.5, 0.1], dtype=np.float32)


def _result(verdict: LineVerdict, tactics: tuple[str, ...] = ()) -> LineResult:
    return LineResult(number=1, line="a line", verdict=verdict, tactics=tactics, matched=())


def _opinion(
    result: LineResult,
    probabilities: tuple[float, float, float],
    taxonomy: Taxonomy,
    **reading: bool,
) -> LineResult:
    """The second opinion on ``result`` with the model's three probabilities, against the
    test's two examples and no context."""
    return second_opinion(
        result,
        np.array(probabilities, dtype=np.float32),
        similarities=SIMILARITIES,
        examples=EXAMPLES,
        taxonomy=taxonomy,
        context=Context(),
        **reading,
    )


@pytest.mark.parametrize(
    ("verdict", "probabilities", "fights_harm", "expected", "tactic"),
    [
        # A line the phrases clear, which the model is sure is harmful: gray, check by hand.
        ("white", (0.05, 0.9, 0.05), False, "gray", "buying_followers_bots"),
        ("white", (1 - MODEL_CHECK, MODEL_CHECK / 2, MODEL_CHECK / 2), False, "gray", None),
        # Sure of black: black, as for a line nothing recognised (session 18).
        ("white", (0.05, 0.1, 0.85), False, "black", "spam_from_hacked_accounts"),
        ("white", (0.1, 0.9 - MODEL_BLACK, MODEL_BLACK), False, "black", None),
        # A line that fights the harm stays at "check by hand" however sure the model is.
        ("white", (0.01, 0.02, 0.97), True, "gray", None),
        # Not sure enough, or the line fights the harm (the model cannot see that): white.
        ("white", (0.85, 0.1, 0.05), False, "white", None),
        ("white", (0.45, 0.35, 0.2), True, "white", None),
        # ... unless the model is all but certain: a negated disclosure can look like a refusal.
        ("white", (1 - MODEL_SURE, MODEL_SURE / 2, MODEL_SURE / 2), True, "gray", None),
        # Gray the model is sure is black: black, named by the nearest black example.
        ("gray", (0.0, 0.1, 0.9), False, "black", "spam_from_hacked_accounts"),
        ("gray", (0.0, 1 - MODEL_BLACK, MODEL_BLACK), False, "black", None),
        ("gray", (0.0, 0.6, 0.4), False, "gray", None),
        # The model never lowers a verdict.
        ("black", (0.99, 0.005, 0.005), False, "black", None),
        ("gray", (0.99, 0.01, 0.0), False, "gray", None),
        # A line nothing recognised, which the model reads harmful: gray (check by hand), or
        # black when it is sure of black; not sure enough: unchanged.
        ("unrecognized", (0.05, 0.9, 0.05), False, "gray", "buying_followers_bots"),
        ("unrecognized", (1 - MODEL_NAME, MODEL_NAME, 0.0), False, "gray", None),
        ("unrecognized", (0.05, 0.1, 0.85), False, "black", "spam_from_hacked_accounts"),
        ("unrecognized", (0.55, 0.3, 0.15), False, "unrecognized", None),
    ],
)
def test_second_opinion_only_raises(
    taxonomy: Taxonomy,
    verdict: LineVerdict,
    probabilities: tuple[float, float, float],
    fights_harm: bool,
    expected: LineVerdict,
    tactic: str | None,
) -> None:
    result = _opinion(_result(verdict), probabilities, taxonomy, fights_harm=fights_harm)
    assert result.verdict == expected
    assert result.model is not None
    assert result.model.changed == (expected != verdict)
    assert [result.model.white, result.model.gray, result.model.black] == pytest.approx(
        probabilities, abs=1e-3
    )
    if expected != verdict:
        assert result.confidence == "low"
        assert result.check_by_hand == (expected == "gray")
        assert result.tactics[0] in {e.tactic for e in EXAMPLES[:2]}
        assert result.rules, "a raised line still cites the rule it may break"
    if tactic:
        assert result.tactics[0] == tactic


@pytest.mark.parametrize(
    ("probabilities", "check_by_hand", "expected"),
    [
        # gray only by a weak resemblance, the model all but sure it is harmless: white, low
        ((MODEL_OVERRULE, (1 - MODEL_OVERRULE) / 2, (1 - MODEL_OVERRULE) / 2), True, "white"),
        # not sure enough: the check by hand stands
        ((MODEL_OVERRULE - 0.02, 0.02, 0.0), True, "gray"),
        # a gray verdict the phrases named is never lowered this way
        ((0.99, 0.005, 0.005), False, "gray"),
    ],
)
def test_a_weak_resemblance_yields_to_a_sure_harmless_reading(
    taxonomy: Taxonomy,
    probabilities: tuple[float, float, float],
    check_by_hand: bool,
    expected: LineVerdict,
) -> None:
    weak = _result("gray", ("buying_followers_bots",)).model_copy(
        update={"check_by_hand": check_by_hand, "confidence": "low"}
    )
    result = _opinion(weak, probabilities, taxonomy)
    assert result.verdict == expected
    assert result.check_by_hand == (expected == "gray" and check_by_hand)
    if expected == "white":
        assert result.confidence == "low" and result.tactics == () and result.rules == ()
        assert result.model is not None and result.model.changed


@pytest.mark.parametrize(
    ("fights_harm", "probabilities", "expected"),
    [
        # a gray line that only refuses or reports the harm, read harmless: white, low
        (True, (MODEL_FIGHT, (1 - MODEL_FIGHT) / 2, (1 - MODEL_FIGHT) / 2), "white"),
        # not sure enough, or the line does not fight the harm: it stays gray
        (True, (MODEL_FIGHT - 0.05, 0.2, 0.05), "gray"),
        (False, (0.99, 0.005, 0.005), "gray"),
    ],
)
def test_second_opinion_lowers_only_a_line_that_fights_the_harm(
    taxonomy: Taxonomy,
    fights_harm: bool,
    probabilities: tuple[float, float, float],
    expected: LineVerdict,
) -> None:
    # Named by a phrase (a weak resemblance alone yields to MODEL_OVERRULE, tested above).
    gray = _result("gray", ("buying_followers_bots",)).model_copy(
        update={"matched": ("followers",)}
    )
    result = _opinion(gray, probabilities, taxonomy, fights_harm=fights_harm)
    assert result.verdict == expected
    assert result.model is not None and result.model.changed == (expected == "white")
    if expected == "white":
        # nothing harmful is named for the white line, and nothing is left to check by hand
        assert result.tactics == () and result.rules == () and not result.check_by_hand
        assert result.confidence == "low" and result.matched == ("followers",)
    else:
        assert result == gray.model_copy(update={"model": result.model})


@pytest.mark.parametrize(
    ("plain", "readable", "probabilities", "expected"),
    [
        # a plain sentence the model is sure is harmless: white, nothing named, confidence low
        (True, True, (MODEL_CLEAR, (1 - MODEL_CLEAR) / 2, (1 - MODEL_CLEAR) / 2), "white"),
        # not sure enough, a harmful example near (not plain), or a short label: unchanged
        (True, True, (MODEL_CLEAR - 0.02, 0.01, 0.01), "unrecognized"),
        (False, True, (MODEL_OVERRULE - 0.01, 0.005, 0.005), "unrecognized"),
        # ... unless the model is all but sure: a harmful example near does not hold it
        (
            False,
            True,
            (MODEL_OVERRULE, (1 - MODEL_OVERRULE) / 2, (1 - MODEL_OVERRULE) / 2),
            "white",
        ),
        (True, False, (0.99, 0.005, 0.005), "unrecognized"),
        # a short label is never named harmful either ("Contact person: Ivan")
        (True, False, (0.05, 0.9, 0.05), "unrecognized"),
    ],
)
def test_second_opinion_clears_only_a_plain_sentence(
    taxonomy: Taxonomy,
    plain: bool,
    readable: bool,
    probabilities: tuple[float, float, float],
    expected: str,
) -> None:
    unrecognized = _result("unrecognized").model_copy(update={"confidence": "low"})
    result = _opinion(unrecognized, probabilities, taxonomy, plain=plain, readable=readable)
    assert result.verdict == expected
    assert result.confidence == "low" and not result.tactics and not result.rules
    # A cleared line says so (the report names the model), an unchanged one does not.
    assert result.model is not None and result.model.changed == (expected == "white")


def test_a_platform_rule_stands(taxonomy: Taxonomy, semantics: Semantics) -> None:
    """Instagram allows tagging a real friend: the model (no context) must not overrule it."""
    instagram = check_line(
        "Tag a real friend to enter", taxonomy, Context(platform="instagram"), semantics=semantics
    )
    assert instagram.verdict == "white" and instagram.notes
    assert instagram.model is not None and not instagram.model.changed


def test_check_line_records_the_reading(taxonomy: Taxonomy, semantics: Semantics) -> None:
    result = check_line("Buy 5k followers", taxonomy, semantics=semantics)
    assert result.verdict == "gray" and result.model is not None
    assert result.model.harmful > result.model.white
    assert check_line("Buy 5k followers", taxonomy).model is None


def _by_action(
    line: str, probabilities: list[tuple[float, float, float]], taxonomy: Taxonomy
) -> LineResult:
    """The action reading of a white ``line``, the model reading its actions as given."""
    parsed = check_module._parse(line, taxonomy)
    assert len(parsed.actions) == len(probabilities)
    rows = np.array([(0.9, 0.05, 0.05), *probabilities], dtype=np.float32)
    similarities = np.tile(SIMILARITIES, (len(rows), 1))
    return check_module._read_by_action(
        _result("white"),
        parsed,
        rows,
        similarities,
        1,
        examples=EXAMPLES,
        taxonomy=taxonomy,
        context=Context(),
    )


SAFE_ITEM = (0.95, 0.04, 0.01)
PLAN_WITH_FAKE_NEIGHBOURS = (
    "Film the new office tour, post a carousel about desks, have six pretend neighbours talk up "
    "our agents in local groups"
)


@pytest.mark.parametrize(
    ("line", "probabilities", "expected"),
    [
        # An item no phrase read, of five words or more, that the model reads harmful alone.
        (
            PLAN_WITH_FAKE_NEIGHBOURS,
            [SAFE_ITEM, SAFE_ITEM, (0.1, 0.85, 0.05)],
            "gray",
        ),
        (
            PLAN_WITH_FAKE_NEIGHBOURS,
            [SAFE_ITEM, SAFE_ITEM, (0.05, 0.15, 0.8)],
            "black",
        ),
        # Not sure enough: white.
        (
            PLAN_WITH_FAKE_NEIGHBOURS,
            [SAFE_ITEM, SAFE_ITEM, (0.3, 0.6, 0.1)],
            "white",
        ),
        # An item a phrase read (the phrases judged it), or a negated one ("never ..."): white.
        (
            "Film the new office tour, post a carousel about desks, then a giveaway",
            [SAFE_ITEM, (0.0, 1.0, 0.0)],
            "white",
        ),
        (
            "Film the new office tour, post a carousel about desks, never have pretend neighbours "
            "talk up our agents in local groups",
            [SAFE_ITEM, SAFE_ITEM, (0.0, 0.9, 0.1)],
            "white",
        ),
    ],
)
def test_one_unread_harmful_action_raises_a_white_plan_line(
    taxonomy: Taxonomy,
    line: str,
    probabilities: list[tuple[float, float, float]],
    expected: LineVerdict,
) -> None:
    result = _by_action(line, probabilities, taxonomy)
    assert result.verdict == expected
    if expected != "white":
        assert result.clause is not None and "neighbours" in result.clause
        assert result.check_by_hand == (expected == "gray") and result.model is not None


@pytest.mark.parametrize(
    ("line", "fights"),
    [
        ("Hide spam comments under the giveaway post", True),
        # the harm may stand in another clause: "warn followers: ..."
        ("Warn followers: fake giveaway pages ask for a delivery fee", True),
        # a protective word where no phrase found a harm protects nothing
        ("Meta ads | retargeting 30 days | budget $400 | report to Kim", False),
        ("Delete that 1-star or the screenshots go public", False),
    ],
)
def test_a_protective_verb_fights_only_where_a_harm_was_found(
    taxonomy: Taxonomy, line: str, fights: bool
) -> None:
    parsed = check_module._parse(line, taxonomy)
    assert check_module._fights_harm(parsed.tokens, parsed.hits, taxonomy) == fights


def test_model_cv_compares_training_with_and_without_candidate_sets(
    taxonomy: Taxonomy, semantics: Semantics
) -> None:
    """``bench.tactics.model_cv`` scores every fold of the other sets twice, the model trained
    without and with the candidates, on the same lines: small sets and the bank keep it fast."""
    from bench.tactics import model_cv

    small = [DATA / "tactic_lines_tune4_v6.csv", DATA / "tactic_lines_tune5_v6.csv"]
    candidate = DATA / "tactic_lines_tune6_v6.csv"
    bank = [line for line in model_training_lines(taxonomy, semantics) if line[2] == "bank"]
    lines = [*bank, *(line for path in small for line in labelled_training_lines(path))]
    report = model_cv(lines, [candidate], taxonomy, semantics, folds=2)
    scored = sum(len(load_labelled(path)) for path in small)
    assert report.startswith(f"2 sets in 2 folds, {scored} lines scored: without the 1 candidate")
    assert f"({len(load_labelled(candidate))} lines)" in report
