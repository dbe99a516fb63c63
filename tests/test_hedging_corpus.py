"""Hedging on a slice of newswire it was not written for (skips without the corpora).

The first 30 documents of the FactBank part of the Szeged Uncertainty Corpus's
development data, scored by the corpus rule (``framekit evaluate hedging``). The
floors sit a little under the figures measured when the sense rules were written,
so a change that loses accuracy on unseen news fails here.
"""

from __future__ import annotations

import itertools

from framekit.corpora import read_szeged
from framekit.evaluate import evaluate_hedging
from tests.corpora_path import CORPORA, needs_corpora


@needs_corpora
def test_factbank_slice_cue_and_sentence_f1() -> None:
    documents = list(itertools.islice(read_szeged(CORPORA / "szeged" / "factbank-dev.xml"), 30))
    result = evaluate_hedging(documents, bootstrap=0)
    assert result.gold > 50
    assert result.measure("cue").f1 >= 0.77
    assert result.measure("sentence").f1 >= 0.80
    assert result.measure("cue:doxastic").recall >= 0.8
