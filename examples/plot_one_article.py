"""
Analysing one article end to end
================================

This example runs framekit's default pipeline over the news report on the
August 2025 Trump–Putin summit in Alaska and reads each result in turn:
hedging, attribution and readability, plus whatever other default analysers are
installed. Every piece of evidence carries character offsets, so each finding
can be checked in the text.
"""

# %%
# Parse once, analyse with every default analyser
# -----------------------------------------------
# :func:`framekit.analyse` loads the spaCy pipeline once (it is cached) and runs
# the default analysers over one parse of the text. The report holds one result
# per analyser.
import sys
from pathlib import Path

import framekit
from framekit.analysers.hedging import Voice

# The articles beside this script, wherever it is run from (sphinx-gallery, which
# renders it in the docs, runs it in its folder without setting __file__).
HERE = Path(__file__).parent if "__file__" in globals() else Path.cwd()
ARTICLES = HERE / "articles"
if not ARTICLES.is_dir():
    sys.exit(f"cannot find the example articles in {ARTICLES}: run this script where it "
             "stands in the framekit repository, with its articles/ folder beside it")
text = (ARTICLES / "alaska-summit.txt").read_text(encoding="utf-8")
report = framekit.analyse(text)
print("analysers:", ", ".join(report))

# %%
# Hedges and boosters, by voice
# -----------------------------
# Each cue has a type and a voice: the writer's own (``author``), inside a
# quotation (``quoted``), or in reported speech (``reported``). The offsets
# point into ``text``.
for cue in report.hedging.cues:
    print(f"{cue.start:>5}  {cue.kind:<8} {cue.text!r:<16} {cue.type:<20} {cue.voice}")

author = report.hedging.by_voice[Voice.AUTHOR]
print(f"\nwriter's own voice: {author.words} words, "
      f"{author.hedges_per_100_words:.2f} hedges per 100 words")

# %%
# Who said what
# -------------
# Attribution relations have a source, a cue and a content; the speaker is
# resolved to one canonical name, and unnamed sources are typed anonymous or
# vague.
for a in report.attribution.attributions:
    print(f"{a.kind:<9} {a.speaker.name:<20} {a.speaker.type:<12} {a.cue.text:<10} "
          f"{a.content.text[:60]!r}")

print(f"\nquoted: {report.attribution.quoted_share:.0%} of the words; "
      f"the writer's own: {report.attribution.own_share:.0%}")

# %%
# Readability
# -----------
r = report.readability
print(f"{r.words} words in {r.sentences} sentences ({r.words_per_sentence:.1f} per sentence); "
      f"Flesch reading ease {r.flesch_reading_ease:.0f}")

# %%
# Everything as data
# ------------------
# A report converts to JSON (and back) and flattens to rows for pandas: one
# row per piece of evidence, one summary dict per article.
import pandas as pd

rows = pd.DataFrame(report.rows())
print(rows.groupby(["analyser", "evidence"]).size().to_string())
assert framekit.Report.from_json(report.to_json()) == report
