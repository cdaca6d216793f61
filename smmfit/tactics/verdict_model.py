"""A second opinion from the letters of a line: a verdict model over character n-grams.

Phrases and nearest examples generalise to new wording only in part: on blind sets written by
people who never saw them the checker stayed at 74-81% for five rounds while the sets it was
tuned on reached 98-100%. A multinomial logistic regression reads the whole line as white,
gray or black. Its features are the line's character n-grams (2 to 5 characters inside word
boundaries, TF-IDF weighted, sublinear term frequency): they see a word's stem through Russian
prefixes, Turkish suffixes, French elisions, slang spellings and Thai text without spaces,
where a phrase list needs every form written out. Scored leave-one-set-out (``python -m
bench.tactics --model-loso``) it is right on 88.6% of 2,544 labelled lines, and on 90.9% of the
307 lines of the four sets it is never trained on; the same regression over the USE v3
sentence vectors that it replaced: 80.0% and 77.9% (README, "The verdict model reads
letters"). Its errors are not the phrases' errors, so ``check`` uses it only in the safe
direction (see ``second_opinion`` there).

The vocabulary, inverse document frequencies and weights live in
``data/tactic_verdict_model.npz`` with the feature recipe and a fingerprint of the lines they
were trained on; ``python -m bench.tactics --refresh-model`` retrains them. A file made with
another recipe is ignored, never trusted. scikit-learn turns lines into the same features at
run time as at training, so the two can never drift apart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from smmfit.tactics.examples import EXAMPLES_PATH

MODEL_PATH = EXAMPLES_PATH.with_name("tactic_verdict_model.npz")
ModelVerdict = Literal["white", "gray", "black"]
CLASSES: tuple[ModelVerdict, ...] = ("white", "gray", "black")

# How a line becomes features. Chosen leave-one-set-out (README): 2-5 characters inside word
# boundaries beat 1-4 and 2-6, characters across boundaries, and adding word pairs or the USE
# vectors, on the sets never tuned on. A pair seen in fewer than MIN_LINES training lines is
# dropped: it names one line, not a way of writing.
ANALYZER = "char_wb"
NGRAMS = (2, 5)
MIN_LINES = 2
FEATURES = f"{ANALYZER} {NGRAMS[0]}-{NGRAMS[1]} tf-idf sublinear min_df={MIN_LINES}"

# Where the features come from; ``semantic.load_semantics`` imports it early, in parallel.
FEATURES_MODULE = "sklearn.feature_extraction.text"

Matrix = npt.NDArray[np.float32]


def training_fingerprint(lines: Iterable[tuple[str, ModelVerdict]], features: str) -> str:
    """What a model was trained on: the feature recipe and every (line, verdict), in order."""
    digest = hashlib.sha256(features.encode())
    for text, verdict in lines:
        digest.update(b"\x00" + text.encode() + b"\x01" + verdict.encode())
    return digest.hexdigest()


def vectorizer(vocabulary: Sequence[str] | None = None, idf: Matrix | None = None) -> Any:
    """The TF-IDF vectorizer of ``FEATURES``: unfitted, or fixed to a stored vocabulary."""
    # Imported here: the phrase matcher and the CLI's help never pay scikit-learn's import.
    from sklearn.feature_extraction.text import TfidfVectorizer

    fixed = {gram: column for column, gram in enumerate(vocabulary)} if vocabulary else None
    result = TfidfVectorizer(
        analyzer=ANALYZER,
        ngram_range=NGRAMS,
        sublinear_tf=True,
        min_df=MIN_LINES,
        vocabulary=fixed,
        dtype=np.float32,
    )
    if idf is not None:
        result.idf_ = idf
    return result


@dataclass(frozen=True)
class VerdictModel:
    """A softmax over ``CLASSES``: the n-gram vocabulary with its inverse document
    frequencies, weights (n-grams x classes) and biases."""

    vocabulary: tuple[str, ...]
    idf: Matrix
    weights: Matrix
    bias: Matrix
    features: str
    trained_on: str
    _vectorizer: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_vectorizer", vectorizer(self.vocabulary, self.idf))

    def probabilities(self, lines: Sequence[str]) -> Matrix:
        """One row per line: the probability of white, gray and black (rows sum to 1)."""
        if not lines:
            return np.zeros((0, len(CLASSES)), dtype=np.float32)
        scores = np.asarray(self._vectorizer.transform(list(lines)) @ self.weights) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exponents = np.exp(scores)
        result: Matrix = (exponents / exponents.sum(axis=1, keepdims=True)).astype(np.float32)
        return result


def recipe() -> str:
    """The features and the scikit-learn that makes them: a model from another is stale."""
    return f"{FEATURES}; scikit-learn {metadata.version('scikit-learn')}"


def write_verdict_model(model: VerdictModel, path: Path = MODEL_PATH) -> None:
    np.savez_compressed(
        path,
        vocabulary=np.array(model.vocabulary),
        idf=model.idf.astype(np.float32),
        weights=model.weights.astype(np.float32),
        bias=model.bias.astype(np.float32),
        classes=np.array(CLASSES),
        features=np.array(model.features),
        trained_on=np.array(model.trained_on),
    )


def load_verdict_model(path: Path = MODEL_PATH) -> VerdictModel | None:
    """The stored model, or None when it is missing, damaged or made with another recipe."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            if str(stored["features"]) != recipe():
                return None
            if tuple(str(c) for c in stored["classes"]) != CLASSES:
                return None
            vocabulary = tuple(str(gram) for gram in stored["vocabulary"])
            idf = stored["idf"].astype(np.float32)
            weights = stored["weights"].astype(np.float32)
            bias = stored["bias"].astype(np.float32)
            trained_on = str(stored["trained_on"])
    except (OSError, KeyError, ValueError):
        return None
    rows = len(vocabulary)
    if (
        weights.shape != (rows, len(CLASSES))
        or idf.shape != (rows,)
        or bias.shape != (len(CLASSES),)
    ):
        return None
    return VerdictModel(vocabulary, idf, weights, bias, recipe(), trained_on)
