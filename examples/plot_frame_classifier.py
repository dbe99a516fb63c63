"""
Training a frame classifier with scikit-learn
=============================================

framekit's frame scores come from lexicons and need no training data. Where
people have coded frames, a model trained on their codes does better, and
framekit's figures can be its features. This example trains
:class:`~framekit.sklearn.FrameClassifier` on a small labelled set, evaluates
it with ``cross_val_predict``, builds the same kind of model by hand from
:class:`~framekit.sklearn.FramekitFeatures` in a ``Pipeline`` and
``ColumnTransformer``, and applies it to the sentences of the three example
articles.

The labelled set is a **toy**: 40 sentences written for this example and coded
by one person with four of Semetko and Valkenburg's generic frames. Its scores
show that the machinery works, not how well frames can be learnt; for that,
train on a real coded corpus such as the Media Frames Corpus (Card et al. 2015).
"""

# %%
# A small labelled set
# --------------------
# Each sentence may carry several frames or none; ``MultiLabelBinarizer`` turns
# the label lists into the binary indicator matrix scikit-learn expects.
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MultiLabelBinarizer, StandardScaler

import framekit
from framekit.sklearn import FigureCache, FrameClassifier, FramekitFeatures

# The articles beside this script, wherever it is run from (sphinx-gallery, which
# renders it in the docs, runs it in its folder without setting __file__).
HERE = Path(__file__).parent if "__file__" in globals() else Path.cwd()
ARTICLES = HERE / "articles"
if not ARTICLES.is_dir():
    sys.exit(f"cannot find the example articles in {ARTICLES}: run this script where it "
             "stands in the framekit repository, with its articles/ folder beside it")
FRAMES = ["conflict", "economic_consequences", "human_interest", "responsibility"]

LABELLED = [
    ("Moscow and Kyiv traded accusations as the talks collapsed.", ["conflict"]),
    ("The two delegations clashed over the future of the occupied regions.", ["conflict"]),
    ("Opposition leaders attacked the president's plan as a surrender.", ["conflict"]),
    ("European allies rejected the proposal and warned Washington against it.", ["conflict"]),
    ("The Kremlin dismissed the ceasefire offer as a provocation.", ["conflict"]),
    ("Hardliners in both capitals vowed to fight on until victory.", ["conflict"]),
    ("The envoy's remarks deepened the rift between the allies.", ["conflict"]),
    ("Rival camps within the administration are openly feuding over Ukraine.", ["conflict"]),
    ("Sanctions have cut Russia's oil revenue by a third this year.", ["economic_consequences"]),
    ("Rebuilding the power grid will cost an estimated 50 billion dollars.",
     ["economic_consequences"]),
    ("Grain exports through the Black Sea fell sharply, pushing up prices.",
     ["economic_consequences"]),
    ("Investors fear that a frozen conflict would keep the currency weak.",
     ["economic_consequences"]),
    ("European gas prices rose after the pipeline deal fell through.",
     ["economic_consequences"]),
    ("The aid package adds to a budget deficit that is already large.",
     ["economic_consequences"]),
    ("Factories in the east have closed and thousands of workers lost their jobs.",
     ["economic_consequences", "human_interest"]),
    ("A mother in Kharkiv described sleeping with her children in the metro.",
     ["human_interest"]),
    ("The soldier's widow keeps his phone charged, hoping it will ring.", ["human_interest"]),
    ("Elderly residents queued for water in the freezing dark.", ["human_interest"]),
    ("A boy of nine drew pictures of his father, who is still at the front.",
     ["human_interest"]),
    ("Families of prisoners of war gathered outside the ministry, holding photographs.",
     ["human_interest"]),
    ("She wept as she recalled the night the missile hit her street.", ["human_interest"]),
    ("Volunteers handed out blankets to frightened families at the border.",
     ["human_interest"]),
    ("Displaced families cannot afford rent as prices in the west soar.",
     ["human_interest", "economic_consequences"]),
    ("Only the Kremlin can end this war; the decision is Putin's alone.", ["responsibility"]),
    ("The government is responsible for protecting civilians from the strikes.",
     ["responsibility"]),
    ("It is up to Washington to find a solution before winter.", ["responsibility"]),
    ("Officials blamed the ministry for failing to prepare the shelters.", ["responsibility"]),
    ("The UN must urgently act to secure the nuclear plant.", ["responsibility"]),
    ("Experts say the allies could solve the problem by supplying air defence now.",
     ["responsibility"]),
    ("The commission will decide who is accountable for the failed evacuation.",
     ["responsibility"]),
    ("Kyiv blamed Moscow for the attack and demanded that it be held accountable.",
     ["conflict", "responsibility"]),
    ("The president accused his rivals of blocking the aid that could end the crisis.",
     ["conflict", "responsibility"]),
    ("Both sides blame each other for the collapse of the grain deal, and bread costs more.",
     ["conflict", "responsibility", "economic_consequences"]),
    ("A grieving father accused the army of abandoning his son's unit.",
     ["conflict", "human_interest"]),
    ("The summit took place in a hotel by the airport on Friday.", []),
    ("The talks will resume in Geneva next week, officials said.", []),
    ("The delegation arrived by train in the morning.", []),
    ("The minister will publish the report in March.", []),
    ("Both leaders met for three hours and then spoke to reporters.", []),
    ("The meeting was held in English and Russian with interpreters.", []),
]
texts = [text for text, _ in LABELLED]
binarizer = MultiLabelBinarizer(classes=FRAMES)
y = binarizer.fit_transform([labels for _, labels in LABELLED])
print(f"{len(texts)} sentences; texts per frame:",
      dict(zip(FRAMES, y.sum(axis=0).tolist(), strict=True)))

# %%
# ``FrameClassifier`` under cross-validation
# ------------------------------------------
# One logistic regression per frame over word TF-IDF and the standardised
# framekit figures. Its default ``framing_weight`` (0.03) was chosen on news
# articles of several hundred words; one-sentence texts carry few words for
# TF-IDF, so here the figures weigh more (0.5). ``cross_val_predict`` clones the classifier for each of 5
# folds; every text is predicted by a model that never saw it. framekit parses
# each text once, whatever the number of folds (its figures are cached).
folds = KFold(5, shuffle=True, random_state=0)
memory = FigureCache()  # each text parsed once, however many folds fit on it
classifier = FrameClassifier(C=10.0, framing_weight=0.5, memory=memory)
predicted = cross_val_predict(classifier, texts, y, cv=folds)
print(classification_report(y, predicted, target_names=FRAMES, zero_division=0))

# %%
# What the framekit figures add
# -----------------------------
# The same classifier on TF-IDF alone, against TF-IDF with framekit's figures.
# With 40 texts, TF-IDF has seen few of the words a new sentence uses; the
# frame lexicons behind the figures know more of them.
text_only = cross_val_predict(FrameClassifier(C=10.0, framing_features=False), texts, y,
                              cv=folds)
predictions = {"TF-IDF only": text_only, "TF-IDF + framekit": predicted}
f1 = {label: f1_score(y, found, average=None, zero_division=0)
      for label, found in predictions.items()}
for label, found in predictions.items():
    print(f"{label:<18} micro-F1 {f1_score(y, found, average='micro'):.2f}   "
          + "  ".join(f"{frame} {score:.2f}" for frame, score in zip(FRAMES, f1[label],
                                                                     strict=True)))

# %%
# The same model by hand: a Pipeline with a ColumnTransformer
# -----------------------------------------------------------
# ``FramekitFeatures`` is an ordinary transformer, so it combines with any
# other. Here the texts sit in a data frame column; the ``ColumnTransformer``
# sends that column both to TF-IDF and to framekit, and its feature names show
# where each column comes from.
frame = pd.DataFrame({"text": texts})
model = make_pipeline(
    ColumnTransformer([
        ("tfidf", TfidfVectorizer(sublinear_tf=True), "text"),
        ("framekit", make_pipeline(FramekitFeatures(memory=memory), StandardScaler()), "text"),
    ]),
    OneVsRestClassifier(LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000)),
)
by_hand = cross_val_predict(model, frame, y, cv=folds)
print(f"micro-F1 of the hand-built pipeline: {f1_score(y, by_hand, average='micro'):.2f}")

model.fit(frame, y)
names = model[0].get_feature_names_out()
framekit_columns = np.array([n.startswith("framekit__") for n in names])
for frame_name, estimator in zip(FRAMES, model[-1].estimators_, strict=True):
    weights = estimator.coef_[0][framekit_columns]
    top = np.argsort(weights)[::-1][:3]
    print(f"{frame_name:<22} strongest framekit features: "
          + ", ".join(f"{names[framekit_columns][i].removeprefix('framekit__')} "
                      f"({weights[i]:+.2f})" for i in top))

# %%
# Applying it to the three articles
# ---------------------------------
# Fitted on all 40 sentences, the classifier reads each sentence of the example
# articles (of at least eight tokens), split by the same spaCy pipeline
# framekit uses. The share of sentences given each frame is a rough, trained
# counterpart of the framing analyser's lexicon scores.
#
# Read it with care. The training sentences are short; many of the articles'
# sentences are twice as long, and such sentences get several frames at once,
# since their length and readability figures lie outside anything the model
# was trained on. Train on units like the ones you will predict.
nlp = framekit.load_pipeline()
classifier.fit(texts, y)
shares = {}
for path in sorted(ARTICLES.glob("*.txt")):
    doc = nlp(path.read_text(encoding="utf-8"))
    sentences = [sent.text.strip() for sent in doc.sents if len(sent) >= 8]
    probabilities = classifier.predict_proba(sentences)
    shares[path.stem] = classifier.predict(sentences).mean(axis=0)
    print(f"\n{path.stem}: {len(sentences)} sentences; share given each frame: "
          + ", ".join(f"{f} {s:.0%}" for f, s in zip(FRAMES, shares[path.stem], strict=True)))
    for sentence, row in list(zip(sentences, probabilities, strict=True))[2:6]:
        print(f"  {' '.join(f'{p:.2f}' for p in row)}  {sentence[:80]}")

# %%
# A picture of it
# ---------------
# Left, cross-validated F1 per frame with and without framekit's figures;
# right, the share of each article's sentences given each frame.
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
positions = np.arange(len(FRAMES))
for offset, (label, scores) in zip((-0.2, 0.2), f1.items(), strict=True):
    left.bar(positions + offset, scores, 0.4, label=label)
left.set_xticks(positions, [f.replace("_", "\n") for f in FRAMES], fontsize=8)
left.set_ylim(0, 1)
left.set_ylabel("F1 (5-fold cross-validation)")
left.set_title("Toy set: 40 sentences")
left.legend(fontsize=8)
width = 0.8 / len(shares)
for i, (name, share) in enumerate(shares.items()):
    right.bar(positions + (i - 1) * width, share, width, label=name)
right.set_xticks(positions, [f.replace("_", "\n") for f in FRAMES], fontsize=8)
right.set_ylim(0, 1)
right.set_ylabel("share of sentences")
right.set_title("Predicted frames in the articles")
right.legend(fontsize=8)
fig.tight_layout()
plt.show()
