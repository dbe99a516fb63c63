"""
Who speaks: attribution and source balance across the sides of the war
======================================================================

This example counts who is heard in the three example articles on the 2025
Russia–Ukraine peace talks, and how evenly the sides of the war are heard. It
loads the grouping of sources into sides kept beside this script
(``examples/sides.json``: the United States, Russia, Ukraine, Europe and
international bodies, and independent experts), runs the source-balance
analyser over each article, prints the group shares as a table with the two
balance indices over the groups, and draws the words each side is quoted in.
The method and the formulas are in the guide's page on source balance.
"""

# %%
# The grouping and the pipeline
# -----------------------------
# A :class:`~framekit.grouping.Grouping` places each source on a side by its
# name, a fragment of it, its role, or the nationality, place and institution
# words of how the article describes it (*Kremlin*, *Russian*, *Kyiv*). The
# source-balance analyser needs the attribution result: the pipeline adds the
# attribution analyser by itself and parses each article once. The gender
# estimate is off by default; here it is switched on (it needs
# ``pip install "framekit[gender]"``).
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import framekit
from framekit.analysers.balance import SourceBalanceAnalyser, balance_table
from framekit.gender import NameGender
from framekit.grouping import Grouping

# The articles beside this script, wherever it is run from (sphinx-gallery, which
# renders it in the docs, runs it in its folder without setting __file__).
HERE = Path(__file__).parent if "__file__" in globals() else Path.cwd()
ARTICLES = HERE / "articles"
if not ARTICLES.is_dir():
    sys.exit(f"cannot find the example articles in {ARTICLES}: run this script where it "
             "stands in the framekit repository, with its articles/ folder beside it")
sides = Grouping.load(HERE / "sides.json")
pipeline = framekit.Pipeline([SourceBalanceAnalyser(sides, gender=NameGender())])
paths = sorted(ARTICLES.glob("*.txt"))
texts = (p.read_text(encoding="utf-8") for p in paths)
reports = dict(zip((p.stem for p in paths), pipeline.analyse_many(texts), strict=True))

# %%
# Who said what
# -------------
# The attributions of the news analysis, each with its source as written and
# the speaker it is resolved to: *US President Donald Trump* and *Trump* are
# one speaker, *one observer* or *analysts* are typed anonymous or vague.
for a in reports["mar-a-lago-meeting"].attribution.attributions:
    written = a.source.text if a.source else "—"
    print(f"{a.kind:<9} {written[:34]:<34} -> {a.speaker.name:<34} {a.speaker.type}")

# %%
# The sources of each article
# ---------------------------
# One entry per resolved speaker: its type, its side, how often it is cited,
# how many words are attributed to it and how many of them are its own words
# in quotation marks. ``position`` is where it is first heard (0 is the top):
# the sources heard first frame the story.
for name, report in reports.items():
    print(f"\n{name}")
    for s in report.balance.sources:
        print(f"  {s.name:<35} {s.type:<12} {s.group or '(unassigned)':<31} "
              f"{s.attributions:>2} cited {s.words:>4} words {s.quoted_words:>4} quoted "
              f"at {s.position:.2f}")

# %%
# Group shares, article by article
# --------------------------------
# Each side's share of the attributions, then of the words quoted directly.
# ``evenness`` (normalised Shannon entropy) and ``gini`` are computed over the
# share in the table: evenness is 1 when every side has the same share and 0
# when one side has it all; the Gini coefficient is 0 for equal sides and at
# most 0.8 with five sides. An article that quotes no side directly has no
# index (``NaN``).
pd.set_option("display.width", 200)
pd.set_option("display.max_columns", 12)
names = list(reports)
print("Share of attributions")
print(balance_table(reports.values(), names, share="attribution_share").round(2).to_string())
print("\nShare of words in direct quotation")
print(balance_table(reports.values(), names, share="quoted_word_share").round(2).to_string())

# %%
# Kinds of sourcing
# -----------------
# Named, anonymous and vague sourcing, direct and indirect attribution, the
# writer's own share of the text, and the estimated share of women among the
# person sources whose given name the list knows (``NaN`` where none).
figures = balance_table(reports.values(), names)
columns = ["source_count", "named_share", "anonymous_share", "vague_share", "direct_share",
           "indirect_share", "own_share", "female_share"]
print(figures[columns].round(2).to_string())

# %%
# Quoted words per side
# ---------------------
# The words each side is quoted in directly, article by article. The news
# report quotes the US president at length; the analysis gives all sides a
# voice; the opinion column paraphrases and quotes no one.
groups = [*sides.names, "unassigned"]
fig, ax = plt.subplots(figsize=(8, 3.8))
width = 0.8 / len(groups)
for offset, group in enumerate(groups):
    values = [sum(s.quoted_words for s in reports[n].balance.sources
                  if (s.group or "unassigned") == group) for n in names]
    ax.bar([i + (offset - (len(groups) - 1) / 2) * width for i in range(len(names))],
           values, width, label=group)
ax.set_xticks(range(len(names)), names)
ax.set_ylabel("words in direct quotation")
ax.set_title("Who is quoted, by side of the war")
ax.legend(fontsize="small")
fig.tight_layout()
plt.show()
