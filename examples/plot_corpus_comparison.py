"""
Comparing outlets: a corpus in, tables and plots with intervals out
===================================================================

A corpus is a folder of texts with their metadata. Here it is the three
example articles, with a sidecar ``metadata.csv`` giving each one's outlet,
genre and date. :func:`~framekit.corpus.read_corpus` reads them,
:func:`~framekit.corpus.analyse_corpus` analyses them into tidy tables (one row
per article, attribution, source, cue, frame, naming variant) written as
Parquet in a results folder, and :func:`~framekit.corpus.compare` compares the
groups, each figure with the number of articles behind it and a bootstrap
interval. Three articles make wide intervals: the same code runs on
thousands (see :doc:`/corpus`).
"""

# %%
# Read the corpus and analyse it
# ------------------------------
# The folder's ``.txt`` files are the articles (their ids are the file names);
# the sidecar CSV's ``date`` column is parsed to dates. The run writes its
# tables in parts as it goes: run it again on the same folder and it resumes.
import tempfile
from pathlib import Path

import framekit
from framekit.corpus import analyse_corpus, compare, read_corpus, write_overview
from framekit.grouping import Grouping

# The articles are beside this script (sphinx-gallery, which renders it in the
# docs, runs it in its folder without setting __file__).
HERE = Path(__file__).parent if "__file__" in globals() else Path.cwd()
ARTICLES = HERE / "articles"
corpus = read_corpus(ARTICLES, metadata=ARTICLES / "metadata.csv")
print(corpus.metadata)

sides = Grouping.load(HERE / "sides.json")
pipeline = framekit.Pipeline([framekit.SourceBalanceAnalyser(sides), "hedging", "framing",
                              "readability"])
results = Path(tempfile.mkdtemp()) / "results"
tables = analyse_corpus(corpus, results, pipeline=pipeline)
print(sorted(p.name for p in results.iterdir()))

# %%
# Tidy tables
# -----------
# Every row keeps the article id, so that each finding leads back to its text.
print(tables.attributions[["id", "name", "type", "side", "kind", "cue"]].head(8))
print(tables.cues.groupby(["id", "kind"], observed=True).size().unstack(fill_value=0))

# %%
# Share of voice by side
# ----------------------
# The share of each article's attributions that go to sources of each side
# (``examples/sides.json``), pooled over the outlet's articles.
made = {c.name: c for c in compare(tables, "outlet")}
voice = made["voice_by_side"]
print(voice.table.round(2).to_string(index=False))
voice.plot()

# %%
# Hedges and boosters by voice, by genre
# --------------------------------------
# Any metadata column makes the groups: here the genre.
hedging, = compare(tables, "genre", what=["hedging_by_voice"])
print(hedging.table.round(2).to_string(index=False))
hedging.plot()

# %%
# Naming variants
# ---------------
# Which spelling of a contested name each outlet uses, as a share of the
# mentions of that name.
print(made["naming"].table.round(2).to_string(index=False))

# %%
# The overview page
# -----------------
# One self-contained HTML page with the corpus figures, each comparison with
# its plot and table, and a sortable table of the articles linking to each
# one's highlighted report.
page = results.parent / "overview.html"
write_overview(results, page, list(made.values()), tables=tables)
print(page.name, f"{page.stat().st_size:,} bytes;",
      sorted(p.name for p in (results.parent / "overview_articles").iterdir()))
