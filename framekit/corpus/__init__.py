"""Corpus analysis: articles with metadata in, comparisons across outlets and time out.

One job per module:

:mod:`~framekit.corpus.reading`
    a folder of ``.txt`` files, a CSV, JSONL or Parquet file, or a data frame
    into a :class:`Corpus` (metadata at once, texts streamed);
:mod:`~framekit.corpus.tables`
    tidy tables of the reports, one row per article, attribution, source, cue,
    frame, naming variant;
:mod:`~framekit.corpus.runs`
    resumable runs that write the tables as Parquet, part by part;
:mod:`~framekit.corpus.comparisons`
    comparisons of groups and periods with bootstrap intervals;
:mod:`~framekit.corpus.plots`
    their figures;
:mod:`~framekit.corpus.overview`
    one HTML page for the whole corpus, linked to each article's report;
:mod:`~framekit.corpus.cli`
    the ``framekit corpus`` command.

Needs pandas, pyarrow and matplotlib: ``pip install 'framekit[corpus]'``. The
names below are imported on first use, so that ``framekit`` itself (and its
command line) runs without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from framekit._errors import CorpusError
    from framekit.corpus.comparisons import COMPARISONS, Comparison, bootstrap_ratio, compare
    from framekit.corpus.overview import write_overview
    from framekit.corpus.reading import Corpus, CorpusText, read_corpus
    from framekit.corpus.runs import analyse_corpus
    from framekit.corpus.tables import CorpusTables, read_tables

__all__ = [
    "COMPARISONS",
    "Comparison",
    "Corpus",
    "CorpusError",
    "CorpusTables",
    "CorpusText",
    "analyse_corpus",
    "bootstrap_ratio",
    "compare",
    "read_corpus",
    "read_tables",
    "write_overview",
]

_HOMES = {
    "CorpusError": "framekit._errors",
    "COMPARISONS": "framekit.corpus.comparisons", "Comparison": "framekit.corpus.comparisons",
    "bootstrap_ratio": "framekit.corpus.comparisons", "compare": "framekit.corpus.comparisons",
    "write_overview": "framekit.corpus.overview",
    "Corpus": "framekit.corpus.reading", "CorpusText": "framekit.corpus.reading",
    "read_corpus": "framekit.corpus.reading", "analyse_corpus": "framekit.corpus.runs",
    "CorpusTables": "framekit.corpus.tables", "read_tables": "framekit.corpus.tables",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module 'framekit.corpus' has no attribute {name!r}")
    try:
        return getattr(importlib.import_module(_HOMES[name]), name)
    except ImportError as missing:
        if (missing.name or "").split(".")[0] not in {"pandas", "pyarrow", "matplotlib"}:
            raise
        raise ImportError(f"framekit.corpus needs pandas, pyarrow and matplotlib "
                          f"({missing.name} is missing): pip install 'framekit[corpus]'"
                          ) from missing
