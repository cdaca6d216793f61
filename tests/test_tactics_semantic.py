"""The sentence encoder and the example index: offline loading, stored vectors that match
the bank, and a stale store ignored rather than trusted."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from smmfit.tactics import EMBEDDINGS_PATH, Example, Semantics, Taxonomy, load_examples
from smmfit.tactics.semantic import (
    ENCODER_PACKAGE,
    Matrix,
    build_index,
    fingerprint,
    write_embeddings,
)


class CountingEncoder:
    """A stand-in encoder: one-hot vectors, and a count of the lines it embedded."""

    name = "counting 1"

    def __init__(self) -> None:
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> Matrix:
        self.encoded += len(texts)
        return np.eye(len(texts), 8, dtype=np.float32)


EXAMPLES = (
    Example(tactic="neutral", language="en", text="Budget per month"),
    Example(tactic="protective", language="en", text="Block spam bots"),
)


def test_stored_vectors_are_used_and_a_stale_store_is_ignored(tmp_path: Path) -> None:
    encoder = CountingEncoder()
    store = tmp_path / "bank.npz"
    index = build_index(EXAMPLES, encoder, store)
    assert not index.from_cache and encoder.encoded == 2
    write_embeddings(index, encoder.name, store)
    again = build_index(EXAMPLES, encoder, store)
    assert again.from_cache and encoder.encoded == 2
    np.testing.assert_allclose(again.vectors, index.vectors)
    changed = (*EXAMPLES[:1], Example(tactic="protective", language="en", text="Filter bots"))
    assert not build_index(changed, encoder, store).from_cache
    assert encoder.encoded == 4


def test_the_committed_vectors_match_the_bank(taxonomy: Taxonomy) -> None:
    """Edit the bank, then run `python -m bench.tactics --refresh-embeddings`."""
    from importlib import metadata

    examples = load_examples(taxonomy.by_id.keys())
    name = f"{ENCODER_PACKAGE} {metadata.version(ENCODER_PACKAGE)}"
    with np.load(EMBEDDINGS_PATH) as stored:
        assert str(stored["fingerprint"]) == fingerprint(examples, name)
        assert stored["vectors"].shape == (len(examples), 512)


def test_the_real_encoder_loads_offline_and_reads_meaning(semantics: Semantics) -> None:
    # The fixture loaded it with every connection refused.
    assert semantics.index.from_cache
    similarities = semantics.similarities(
        ["Накрутка лайков и подписчиков в инстаграме", "ซื้อผู้ติดตามหลักพัน"]
    )
    nearest = [semantics.index.examples[int(row.argmax())].tactic for row in similarities]
    assert nearest == ["buying_followers_bots", "buying_followers_bots"]
