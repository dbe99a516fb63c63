"""
Framing devices across three articles
=====================================

Three texts on the same peace talks — a news report, a news analysis and an
opinion column — invite different readings of them. framekit's framing
analyser shows the evidence: which name each text gives to places and
governments, the metaphors it reaches for, the words it puts in quotation
marks without a speaker, its loaded language, and the frames its vocabulary
scores highest, in Semetko and Valkenburg's five generic news frames and in the
15 policy frames of the Media Frames Corpus.
"""

# %%
# The three articles, one parse each
# ----------------------------------
# The framing analyser ``needs`` the attribution analyser (scare quotes are the
# short quotations no speaker is given for), so the pipeline runs both. A second
# ``FramingAnalyser("policy")`` scores the policy frames on the same parse,
# under its own name.
import sys
from pathlib import Path

import matplotlib.pyplot as plt

import framekit
from framekit import FramingAnalyser, FramingResult
from framekit.analysers.framing import THRESHOLD

# The articles beside this script, wherever it is run from (sphinx-gallery, which
# renders it in the docs, runs it in its folder without setting __file__).
HERE = Path(__file__).parent if "__file__" in globals() else Path.cwd()
ARTICLES = HERE / "articles"
if not ARTICLES.is_dir():
    sys.exit(f"cannot find the example articles in {ARTICLES}: run this script where it "
             "stands in the framekit repository, with its articles/ folder beside it")
GENRES = {"alaska-summit": "news report", "mar-a-lago-meeting": "news analysis",
          "peace-talks-column": "opinion column"}


class PolicyFraming(FramingAnalyser):
    """The framing analyser with the policy frames, reported as ``policy``."""

    name = "policy"


paths = sorted(ARTICLES.glob("*.txt"))
pipeline = framekit.Pipeline(["attribution", "framing", PolicyFraming("policy")])
texts = (p.read_text(encoding="utf-8") for p in paths)
reports = dict(zip((p.stem for p in paths), pipeline.analyse_many(texts), strict=True))

# %%
# Which name for what
# -------------------
# Contested naming: for each set of rival names, the variants a text uses, how
# often, and which the writer uses outside quotations. The news analysis writes
# both *Kiev* and *Kyiv*, and quotes a Kremlin adviser's *the Ukrainian regime*;
# the news report writes *Kyiv* only.
for name, report in reports.items():
    print(f"\n{GENRES[name]} ({name})")
    for choice in report.framing.naming:
        counts = ", ".join(f"{variant} ×{n}" for variant, n in choice.counts.items())
        print(f"  {choice.group:<24} {counts:<36} writer's own: "
              f"{', '.join(choice.own_voice) or '-'}")

# %%
# Metaphors, with their source domain and voice
# ---------------------------------------------
# *Tug of war* in the news analysis is an analyst's metaphor, inside her
# quotation; the *diplomatic merry-go-round* is the writer's own.
for name, report in reports.items():
    print(f"\n{GENRES[name]}:")
    for cue in report.framing.of_category("metaphor"):
        print(f"  {cue.start:>5}  {cue.text!r:<20} {cue.detail:<10} {cue.voice}")

# %%
# Scare quotes, loaded language and labels
# ----------------------------------------
# A scare quote is a short quotation that the attribution analyser gives no
# speaker: the column's *“Denazification,” “demilitarization,” and a “new
# security architecture”* hold Putin's terms at arm's length. *Trump called the
# meeting “exceptional”* has a speaker, so *exceptional* is not one.
for category in ("scare_quotes", "loaded_language", "name_calling", "evaluative",
                 "intensifier"):
    print(f"\n{category}")
    for name, report in reports.items():
        found = [cue.text for cue in report.framing.of_category(category)]
        print(f"  {GENRES[name]:<15} {len(found):>2}  {', '.join(found)}")

# %%
# Frames
# ------
# Each frame's score is its cues per 100 words; a frame is present from
# ``threshold`` (:data:`~framekit.analysers.framing.THRESHOLD`, 0.75) with at least two different cues, and dominant within 80%
# of the top score. War reporting gives every article the conflict frame; the
# column adds responsibility (*lies entirely in the hands of one person*), and
# the short news report scores human interest nearly as high as conflict, from
# its evaluative words (*great*, *successful*, *striking*) and personal register
# (*embrace*, *relief*, *privately*). In the policy scheme, security and defense
# leads everywhere; the report's summit diplomacy adds external regulation and
# reputation and policy prescription.
print(f"{'article':<20} {'generic: present':<48} {'dominant':<28} policy: dominant")
for name, report in reports.items():
    generic, policy = report.framing, report.result("policy", FramingResult)
    print(f"{name:<20} {', '.join(generic.present):<48} {', '.join(generic.dominant):<28} "
          f"{', '.join(policy.dominant)}")

print()
frames = reports["alaska-summit"].framing.scores.keys()
print(f"{'frame':<23}" + "".join(f"{GENRES[n]:>16}" for n in reports))
for frame in frames:
    print(f"{frame:<23}" + "".join(f"{r.framing.scores[frame]:>16.2f}" for r in reports.values()))

# %%
# The evidence for one frame
# --------------------------
# Every score can be checked: the conflict cues of the column, with the device
# (if any) through which each counts.
conflict = reports["peace-talks-column"].framing.frame("conflict")
print(f"conflict: score {conflict.score:.2f}, {conflict.distinct} different cues")
print(", ".join(f"{c.text}" + (f" [{c.device}]" if c.device else "") for c in conflict.cues))

# %%
# A picture of it
# ---------------
# Generic frame scores per article, with the presence threshold, and the
# framing devices per 100 words.
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
names = list(reports)
width = 0.8 / len(names)
for i, name in enumerate(names):
    scores = reports[name].framing.scores
    left.bar([j + (i - 1) * width for j in range(len(scores))], list(scores.values()), width,
             label=GENRES[name])
left.axhline(THRESHOLD, color="grey", ls="--", lw=1, label="threshold")
left.set_xticks(range(len(frames)), [f.replace("_", "\n") for f in frames], fontsize=8)
left.set_ylabel("cues per 100 words")
left.set_title("Generic news frames")
left.legend(fontsize=8)

categories = ["loaded_language", "name_calling", "scare_quotes", "metaphor", "naming",
              "intensifier", "evaluative"]
for i, name in enumerate(names):
    framing = reports[name].framing
    per_100 = [100 * framing.by_category[c] / framing.words for c in categories]
    right.barh([j + (i - 1) * width for j in range(len(categories))], per_100, width,
               label=GENRES[name])
right.set_yticks(range(len(categories)), [c.replace("_", " ") for c in categories], fontsize=8)
right.invert_yaxis()
right.set_xlabel("cues per 100 words")
right.set_title("Framing devices")
fig.tight_layout()
plt.show()
