"""
Hedging in the writer's voice and in quotes, across genres
==========================================================

A news report, a news analysis and an opinion column hedge differently. The
report leaves uncertainty to its sources; the analysis hedges in its own voice;
the column boosts its own claims. framekit's voice split makes the difference
measurable: hedges and boosters per 100 words, counted separately for the
writer's own words, quotations and reported speech.
"""

# %%
# The three articles, one pipeline
# ---------------------------------
# ``Pipeline.analyse_many`` streams reports through ``nlp.pipe``; here only the
# hedging analyser runs.
import sys
from pathlib import Path

import matplotlib.pyplot as plt

import framekit
from framekit.analysers.hedging import Voice

# The articles beside this script, wherever it is run from (sphinx-gallery, which
# renders it in the docs, runs it in its folder without setting __file__).
HERE = Path(__file__).parent if "__file__" in globals() else Path.cwd()
ARTICLES = HERE / "articles"
if not ARTICLES.is_dir():
    sys.exit(f"cannot find the example articles in {ARTICLES}: run this script where it "
             "stands in the framekit repository, with its articles/ folder beside it")
GENRES = {"alaska-summit": "news report", "mar-a-lago-meeting": "news analysis",
          "peace-talks-column": "opinion column"}
paths = sorted(ARTICLES.glob("*.txt"))
pipeline = framekit.Pipeline(["hedging"])
texts = (p.read_text(encoding="utf-8") for p in paths)
reports = dict(zip((p.stem for p in paths), pipeline.analyse_many(texts), strict=True))

# %%
# Densities per voice
# -------------------
print(f"{'article':<20} {'genre':<15} {'voice':<9} {'words':>5} {'hedges/100':>10} "
      f"{'boosters/100':>12}")
for name, report in reports.items():
    for voice, figures in report.hedging.by_voice.items():
        print(f"{name:<20} {GENRES[name]:<15} {voice:<9} {figures.words:>5} "
              f"{figures.hedges_per_100_words:>10.2f} {figures.boosters_per_100_words:>12.2f}")

# %%
# The writer's own hedges and boosters
# ------------------------------------
# The cues in the writer's voice, by type: vague attributions (*analysts
# say*) in the news report, epistemic possibility and probability in the analysis,
# certainty adverbs (*obviously*, *clearly*) in the column.
for name, report in reports.items():
    own = [c for c in report.hedging.cues if c.voice == "author"]
    print(f"\n{GENRES[name]}:", ", ".join(f"{c.text} ({c.type})" for c in own[:12]))

# %%
# A picture of it
# ---------------
fig, ax = plt.subplots(figsize=(7, 3.5))
names = list(reports)
width = 0.38
for offset, (label, attribute) in enumerate(
        [("hedges", "hedges_per_100_words"), ("boosters", "boosters_per_100_words")]):
    values = [getattr(reports[n].hedging.by_voice[Voice.AUTHOR], attribute) for n in names]
    ax.bar([i + (offset - 0.5) * width for i in range(len(names))], values, width, label=label)
ax.set_xticks(range(len(names)), [GENRES[n] for n in names])
ax.set_ylabel("per 100 words, writer's voice")
ax.set_title("Commitment in the writer's own voice")
ax.legend()
fig.tight_layout()
plt.show()
