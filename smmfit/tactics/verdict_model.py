"""A second opinion from meaning: a verdict model over the encoder's sentence vectors.

Phrases and nearest examples generalise to new wording only in part: on blind sets written by
people who never saw them the checker stayed near 80% for three rounds while the sets it was
tuned on reached 98-100%. A multinomial logistic regression over the same USE v3 vectors,
trained on every labelled line (the example bank and the tuning sets), reads a line as white,
gray or black from its whole meaning. Scored leave-one-set-out on the tuning sets it is right
on about 80% of lines, and its errors are not the phrases' errors, so ``check`` uses it only
in the safe direction (see ``second_opinion`` there): it can raise a verdict, or name a
verdict for a line no phrase recognised, never lower one.

The weights live in ``data/tactic_verdict_model.npz`` with the encoder's name and a fingerprint
of the lines they were trained on; ``python -m bench.tactics --refresh-model`` retrains them
(scikit-learn, a development dependency: running the model is one matrix product). A file made
with another encoder is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from smmfit.tactics.examples import EXAMPLES_PATH

MODEL_PATH = EXAMPLES_PATH.with_name("tactic_verdict_model.npz")
ModelVerdict = Literal["white", "gray", "black"]
CLASSES: tuple[ModelVerdict, ...] = ("white", "gray", "black")

Matrix = npt.NDArray[np.float32]


def training_fingerprint(lines: Iterable[tuple[str, ModelVerdict]], encoder_name: str) -> str:
    """What a model was trained on: the encoder and every (line, verdict), in order."""
    digest = hashlib.sha256(encoder_name.encode())
    for text, verdict in lines:
        digest.update(b"\x00" + text.encode() + b"\x01" + verdict.encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class VerdictModel:
    """Weights (dimensions x classes) and biases of a softmax over ``CLASSES``."""

    weights: Matrix
    bias: Matrix
    encoder_name: str
    trained_on: str

    def probabilities(self, vectors: Matrix) -> Matrix:
        """One row per vector: the probability of white, gray and black (rows sum to 1)."""
        scores = vectors @ self.weights + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exponents = np.exp(scores)
        result: Matrix = exponents / exponents.sum(axis=1, keepdims=True)
        return result


def write_verdict_model(model: VerdictModel, path: Path = MODEL_PATH) -> None:
    np.savez_compressed(
        path,
        weights=model.weights.astype(np.float32),
        bias=model.bias.astype(np.float32),
        classes=np.array(CLASSES),
        encoder=np.array(model.encoder_name),
        trained_on=np.array(model.trained_on),
    )


def load_verdict_model(encoder_name: str, path: Path = MODEL_PATH) -> VerdictModel | None:
    """The stored model, or None when it is missing, damaged or made with another encoder."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            if str(stored["encoder"]) != encoder_name:
                return None
            if tuple(str(c) for c in stored["classes"]) != CLASSES:
                return None
            weights = stored["weights"].astype(np.float32)
            bias = stored["bias"].astype(np.float32)
            trained_on = str(stored["trained_on"])
    except (OSError, KeyError, ValueError):
        return None
    if weights.ndim != 2 or weights.shape[1] != len(CLASSES) or bias.shape != (len(CLASSES),):
        return None
    return VerdictModel(weights, bias, encoder_name, trained_on)
