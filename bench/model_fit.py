"""How the verdict model's weights are fitted: one function for ``bench.tactics`` and the replay.

It imports nothing of ``smmfit`` or ``bench``: ``bench/replay_worker.py`` loads this file by
its path inside a checkout of an old commit, where ``smmfit`` and ``bench`` are that commit's,
and fits a model there the way this checkout would (``MODEL_C``, ``MODEL_HARMFUL_WEIGHT``), on
that commit's training lines. So a change to how the model is trained can be judged on the
replayed blind readings as the checker's levels are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Weights = tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]


@dataclass(frozen=True)
class Fitted:
    """What a verdict model stores: the n-gram vocabulary, its idf, weights and biases."""

    vocabulary: tuple[str, ...]
    idf: npt.NDArray[np.float32]
    weights: npt.NDArray[np.float32]
    bias: npt.NDArray[np.float32]


# The solver stops when a step improves the fit by less than this. At scikit-learn's default
# (1e-4) it stopped after about 100 iterations, far from the optimum of a weakly regularised
# fit: adding 7 example lines moved 188 of 32,421 labelled lines across the model's check level
# (0.2 harmful), so every retraining reshuffled lines whatever the new data taught. At 1e-6
# (about 250 iterations, twice the time) the same 7 lines move 11 (session 31).
FIT_TOLERANCE = 1e-6


def fit(
    features: Any,
    lines: Sequence[tuple[str, str]],
    classes: Sequence[str],
    c: float,
    harmful_weight: float,
) -> Fitted:
    """``features`` (an unfitted vectorizer) and the regression fitted on (text, verdict)
    ``lines``, verdicts indexing ``classes`` (white, gray, black)."""
    matrix = features.fit_transform([text for text, _ in lines])
    labels = np.array([list(classes).index(verdict) for _, verdict in lines])
    weights, bias = fit_weights(matrix, labels, c, harmful_weight)
    return Fitted(
        vocabulary=tuple(str(gram) for gram in features.get_feature_names_out()),
        idf=np.asarray(features.idf_, dtype=np.float32),
        weights=weights,
        bias=bias,
    )


def fit_model(
    verdict_model: Any,
    lines: Sequence[tuple[str, str]],
    c: float,
    harmful_weight: float,
    readers: int | None = None,
) -> Any:
    """A ``verdict_model.VerdictModel`` fitted on (text, verdict) ``lines``: each of the first
    ``readers`` of ``verdict_model.READERS`` (all by default) a regression of its own (:func:`fit`).

    ``verdict_model`` is the module, passed in: the bench passes its own, the replay worker this
    checkout's loaded by path inside an old commit's checkout."""
    count = len(verdict_model.READERS) if readers is None else readers
    if not 1 <= count <= len(verdict_model.READERS):
        raise ValueError(f"MODEL_READERS must be 1 to {len(verdict_model.READERS)}")
    fitted = [
        fit(verdict_model.vectorizer(index), lines, verdict_model.CLASSES, c, harmful_weight)
        for index in range(count)
    ]
    recipe = verdict_model.recipe()
    return verdict_model.VerdictModel(
        readers=tuple(
            verdict_model.Reader(one.vocabulary, one.idf, one.weights, one.bias) for one in fitted
        ),
        features=recipe,
        trained_on=verdict_model.training_fingerprint(lines, recipe),
    )


def fit_weights(
    matrix: Any, labels: npt.NDArray[np.int_], c: float, harmful_weight: float
) -> Weights:
    """Weights (features x classes) and biases of a logistic regression on ``matrix``.

    ``labels`` index the classes white, gray, black; ``c`` is the inverse regularisation
    strength; ``harmful_weight`` is how much more a gray or black training line counts than a
    white one (1: all alike): above 1 a harmful line read as white costs the fit more, the
    checker's safety asymmetry taken into training.
    """
    from sklearn.linear_model import LogisticRegression

    weights = {0: 1.0, 1: harmful_weight, 2: harmful_weight}
    fitted = LogisticRegression(C=c, max_iter=3000, tol=FIT_TOLERANCE, class_weight=weights).fit(
        matrix, labels
    )
    return (
        np.asarray(fitted.coef_.T, dtype=np.float32),
        np.asarray(fitted.intercept_, dtype=np.float32),
    )
