"""A second opinion from the letters and the words of a line: a verdict model over n-grams.

Phrases and nearest examples generalise to new wording only in part: on blind sets written by
people who never saw them the checker stayed at 74-81% for five rounds while the sets it was
tuned on reached 98-100%. Multinomial logistic regressions read the whole line as white, gray
or black. The first reader's features are the line's character n-grams (3 to 6 characters,
across word boundaries since session 29; TF-IDF weighted, sublinear term frequency): they see a
word's stem through Russian prefixes, Turkish suffixes, French elisions, slang spellings and
Thai text without spaces, where a phrase list needs every form written out. Scored
leave-one-set-out (``python -m bench.tactics --model-loso``), as first built (2 to 5 inside
word boundaries), it was right on 88.6% of 2,544 labelled lines, and on 90.9% of the 307 lines
of the four sets it is never trained on; the same regression over the USE v3 sentence vectors
that it replaced: 80.0% and 77.9% (README, "The verdict model reads letters"). The second
reader's features are words and word pairs, under a regression of its own; the two are pooled
(``VerdictModel.probabilities``). Words alone read as well as letters, and they err on other
lines: pooled (and with the levels of ``check`` moved with them), on the replayed blind
readings the checker got 122 fewer lines wrong of 9,750 and 7 fewer harmful lines white
(README, "Session 28"). Its errors are not the phrases' errors, so ``check`` uses it only in
the safe direction (see ``second_opinion`` there).

Each reader's vocabulary, inverse document frequencies and weights live in
``data/tactic_verdict_model.npz`` with the feature recipe and a fingerprint of the lines they
were trained on; ``python -m bench.tactics --refresh-model`` retrains them. A file made with
another recipe is ignored, never trusted. scikit-learn turns lines into the same features at
run time as at training, so the two can never drift apart.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from smmfit.tactics.examples import EXAMPLES_PATH
from smmfit.tactics.lexicon import split_thai

MODEL_PATH = EXAMPLES_PATH.with_name("tactic_verdict_model.npz")
ModelVerdict = Literal["white", "gray", "black"]
CLASSES: tuple[ModelVerdict, ...] = ("white", "gray", "black")

# How a line becomes features: two readers, each a TF-IDF vectorizer (sublinear term
# frequency) under its own logistic regression. Characters: 3-6 across word boundaries, so a
# gram may join the end of one word to the start of the next ("t the u" of "cut the unsubscribe
# line"). Until session 29 they were 2-5 inside word boundaries, chosen in session 11 on 2,544
# lines when the characters read alone. Pooled with the words, on 27,902 lines grouped by set in
# ten folds, characters across boundaries tell white from harmful better (white lines passed
# when 1% of harmful ones may: 3-6 across 84.2%, 3-5 across 83.5%, 2-5 inside 81.1%; harmful
# lines read white at 0.8 or more: 93, 103, 135) and, on the replayed blind readings, 6 fewer
# harmful lines white (README, "Session 29"). Words: single words and pairs (``words``: Thai,
# written without spaces, cut into dictionary words as the phrase matcher cuts it), read by a
# regression of their own and pooled with the characters' (``VerdictModel.probabilities``). A
# feature seen in fewer than MIN_LINES training lines is dropped: it names one line, not a way
# of writing.
READERS: tuple[tuple[str, tuple[int, int]], ...] = (("char", (3, 6)), ("word", (1, 2)))
MIN_LINES = 2
FEATURES = (
    " + ".join(f"{analyzer} {low}-{high}" for analyzer, (low, high) in READERS)
    + f" tf-idf sublinear min_df={MIN_LINES}, thai words, log-linear pool of the readers"
    " that know a feature of the line"
)

# A run of Thai letters (vowel and tone marks included: they are not ``\w``), else a word.
_WORD = re.compile(r"[\u0e00-\u0e7f]+|\w+")


def words(text: str) -> list[str]:
    """The words of a line (already lower-cased by the vectorizer) for the word reader: Thai
    runs cut into dictionary words by ``lexicon.split_thai``, others as runs of letters and
    digits.

    >>> words("buy 5k followers ซื้อผู้ติดตาม")
    ['buy', '5k', 'followers', 'ซื้อ', 'ผู้ติดตาม']
    """
    result: list[str] = []
    for match in _WORD.finditer(text):
        run = match.group()
        if "\u0e00" <= run[0] <= "\u0e7f":
            result.extend(run[start:end] for start, end in split_thai(run))
        else:
            result.append(run)
    return result


# Where the features come from; ``semantic.load_semantics`` imports it early, in parallel.
FEATURES_MODULE = "sklearn.feature_extraction.text"

Matrix = npt.NDArray[np.float32]


def training_fingerprint(lines: Iterable[tuple[str, ModelVerdict]], features: str) -> str:
    """What a model was trained on: the feature recipe and every (line, verdict), in order."""
    digest = hashlib.sha256(features.encode())
    for text, verdict in lines:
        digest.update(b"\x00" + text.encode() + b"\x01" + verdict.encode())
    return digest.hexdigest()


def vectorizer(
    reader: int = 0, vocabulary: Sequence[str] | None = None, idf: Matrix | None = None
) -> Any:
    """The TF-IDF vectorizer of ``READERS[reader]``: unfitted, or fixed to a stored
    vocabulary."""
    # Imported here: the phrase matcher and the CLI's help never pay scikit-learn's import.
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyzer, ngrams = READERS[reader]
    fixed = dict(zip(vocabulary, range(len(vocabulary)), strict=True)) if vocabulary else None
    # The word reader's own tokenizer (scikit-learn warns when a character analyzer is given
    # one it does not use).
    tokens: dict[str, Any] = (
        {"tokenizer": words, "token_pattern": None} if analyzer == "word" else {}
    )
    result = TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=ngrams,
        sublinear_tf=True,
        min_df=MIN_LINES,
        vocabulary=fixed,
        dtype=np.float32,
        **tokens,
    )
    if idf is not None:
        result.idf_ = idf
    return result


@dataclass(frozen=True)
class Reader:
    """One reader's vocabulary with its inverse document frequencies, weights (features x
    classes) and biases: a softmax over ``CLASSES`` of its own."""

    vocabulary: tuple[str, ...]
    idf: Matrix
    weights: Matrix
    bias: Matrix


@dataclass(frozen=True)
class VerdictModel:
    """The readers of ``READERS``, in that order, pooled into one softmax over ``CLASSES``."""

    readers: tuple[Reader, ...]
    features: str
    trained_on: str
    _vectorizers: tuple[Any, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "_vectorizers",
            tuple(
                vectorizer(index, reader.vocabulary, reader.idf)
                for index, reader in enumerate(self.readers)
            ),
        )

    def probabilities(self, lines: Sequence[str]) -> Matrix:
        """One row per line: the probability of white, gray and black (rows sum to 1).

        The readers are pooled log-linearly, with equal weights: the classes' log
        probabilities are averaged over the readers and normalised again (a geometric mean).
        Where both readers lean the same way the pool is surer than either; where they
        disagree it is less sure than the surer one. A reader that knows none of the line's
        features (words it never saw in training) abstains: its reading would be its prior
        alone. Where none knows any, all are pooled (their priors).
        """
        if not lines:
            return np.zeros((0, len(CLASSES)), dtype=np.float32)
        pooled = np.zeros((len(lines), len(CLASSES)), dtype=np.float64)
        everyone = np.zeros_like(pooled)
        voters = np.zeros((len(lines), 1))
        for reader, features in zip(self.readers, self._vectorizers, strict=True):
            matrix = features.transform(list(lines))
            scores = np.asarray(matrix @ reader.weights, dtype=np.float64) + reader.bias
            scores -= scores.max(axis=1, keepdims=True)
            logs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
            knows = (matrix.getnnz(axis=1) > 0)[:, None]
            pooled += np.where(knows, logs, 0.0)
            everyone += logs
            voters += knows
        pooled = np.where(voters > 0, pooled / np.maximum(voters, 1), everyone / len(self.readers))
        pooled -= pooled.max(axis=1, keepdims=True)
        exponents = np.exp(pooled)
        result: Matrix = (exponents / exponents.sum(axis=1, keepdims=True)).astype(np.float32)
        return result


def recipe() -> str:
    """The features and the scikit-learn that makes them: a model from another is stale."""
    return f"{FEATURES}; scikit-learn {metadata.version('scikit-learn')}"


def write_verdict_model(model: VerdictModel, path: Path = MODEL_PATH) -> None:
    arrays: dict[str, Any] = {}
    for index, reader in enumerate(model.readers):
        arrays[f"vocabulary_{index}"] = np.array(reader.vocabulary)
        arrays[f"idf_{index}"] = reader.idf.astype(np.float32)
        arrays[f"weights_{index}"] = reader.weights.astype(np.float32)
        arrays[f"bias_{index}"] = reader.bias.astype(np.float32)
    np.savez_compressed(
        path,
        readers=np.array(len(model.readers)),
        classes=np.array(CLASSES),
        features=np.array(model.features),
        trained_on=np.array(model.trained_on),
        **arrays,
    )


def load_verdict_model(path: Path = MODEL_PATH) -> VerdictModel | None:
    """The stored model, or None when it is missing, damaged or made with another recipe."""
    readers: list[Reader] = []
    try:
        with np.load(path, allow_pickle=False) as stored:
            if str(stored["features"]) != recipe():
                return None
            if tuple(str(c) for c in stored["classes"]) != CLASSES:
                return None
            if int(stored["readers"]) != len(READERS):
                return None
            for index in range(len(READERS)):
                readers.append(
                    Reader(
                        # ``tolist`` gives Python strings, a loop over numpy strings
                        # is several times slower (hundreds of thousands of grams).
                        vocabulary=tuple(stored[f"vocabulary_{index}"].tolist()),
                        idf=stored[f"idf_{index}"].astype(np.float32),
                        weights=stored[f"weights_{index}"].astype(np.float32),
                        bias=stored[f"bias_{index}"].astype(np.float32),
                    )
                )
            trained_on = str(stored["trained_on"])
    except (OSError, KeyError, ValueError):
        return None
    for reader in readers:
        rows = len(reader.vocabulary)
        if (
            reader.weights.shape != (rows, len(CLASSES))
            or reader.idf.shape != (rows,)
            or reader.bias.shape != (len(CLASSES),)
        ):
            return None
    return VerdictModel(tuple(readers), recipe(), trained_on)
