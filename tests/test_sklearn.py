from __future__ import annotations

import pickle
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import framekit.sklearn as fk_sklearn
from framekit.sklearn import FrameClassifier, FramekitFeatures

# Frames: conflict, economic consequences, human interest.
LABELLED = [
    ("Both parties clashed bitterly and accused each other of lying.", [1, 0, 0]),
    ("The rivals rejected every compromise and the dispute escalated.", [1, 0, 0]),
    ("Opposition leaders condemned the president and vowed to fight.", [1, 0, 0]),
    ("The two sides traded attacks as the standoff deepened.", [1, 0, 0]),
    ("Critics slammed the minister, who hit back at his opponents.", [1, 0, 0]),
    ("Sanctions cost the economy billions of dollars in lost trade.", [0, 1, 0]),
    ("Oil prices rose sharply and the budget deficit widened.", [0, 1, 0]),
    ("Investors fear the tariffs will hurt exports and jobs.", [0, 1, 0]),
    ("The reconstruction will cost taxpayers more than the government spends on schools.",
     [0, 1, 0]),
    ("Inflation and unemployment are eating into wages and incomes.", [0, 1, 0]),
    ("A grieving mother held her child's photo as the family mourned.", [0, 0, 1]),
    ("The widow wept as she described her husband's last days at home.", [0, 0, 1]),
    ("Frightened residents hugged their children in the cold shelter.", [0, 0, 1]),
    ("His daughter said the family feels desperate and afraid.", [0, 0, 1]),
    ("A survivor told of the pain and grief of losing her son.", [0, 0, 1]),
    ("Rival factions fought over the budget as costs soared.", [1, 1, 0]),
    ("Families suffered as prices of bread and fuel doubled.", [0, 1, 1]),
    ("The bitter feud left the victims' families heartbroken.", [1, 0, 1]),
]
TEXTS = [text for text, _ in LABELLED]
Y = np.array([labels for _, labels in LABELLED])


@pytest.fixture(scope="module")
def fitted() -> FrameClassifier:
    return FrameClassifier(C=10.0).fit(TEXTS, Y)


def test_features_have_names_and_one_row_per_text() -> None:
    features = FramekitFeatures().fit(TEXTS[:4])
    matrix = features.transform(TEXTS[:4])
    names = list(features.get_feature_names_out())
    assert matrix.shape == (4, len(names))
    for name in ("hedging.hedges_per_100_words", "attribution.quoted_share",
                 "framing.conflict", "framing.metaphor_per_100_words",
                 "readability.flesch_reading_ease"):
        assert name in names
    conflict = names.index("framing.conflict")
    economic = names.index("framing.economic_consequences")
    assert matrix[0, conflict] > 0 and matrix[0, economic] == 0


def test_features_include_balance_when_registered() -> None:
    from framekit import registry

    names = FramekitFeatures().fit(TEXTS[:1]).get_feature_names_out()
    has_balance = any(name.startswith("balance.") for name in names)
    assert has_balance == ("balance" in registry.available())


def test_features_follow_the_chosen_scheme() -> None:
    names = FramekitFeatures(scheme="policy").fit(TEXTS[:1]).get_feature_names_out()
    assert "framing.security_and_defense" in names
    assert "framing.conflict" not in names


def test_features_parse_each_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    original = fk_sklearn.figures
    monkeypatch.setattr(fk_sklearn, "figures",
                        lambda report: calls.append(report) or original(report))
    texts = ["Rivals clashed once over the unique plan 7f3a.",
             "Costs soared once for the unique plan 7f3a."]
    features = FramekitFeatures(memory=fk_sklearn.FigureCache())
    features.fit_transform(texts)
    features.transform(texts)
    assert len(calls) == 2
    FramekitFeatures().fit_transform(texts)  # no memory: parsed again
    assert len(calls) == 4


def test_features_in_a_column_transformer() -> None:
    frame = pd.DataFrame({"text": TEXTS[:3], "id": [1, 2, 3]})
    columns = ColumnTransformer([("framekit", FramekitFeatures(), "text")])
    matrix = columns.fit_transform(frame)
    assert matrix.shape[0] == 3
    assert "framekit__framing.conflict" in columns.get_feature_names_out()


def test_features_in_a_pipeline_under_cross_validation() -> None:
    model = make_pipeline(FramekitFeatures(), StandardScaler(), LogisticRegression(C=10.0))
    conflict = Y[:15, 0]  # the single-frame texts: conflict against the rest
    predicted = cross_val_predict(model, TEXTS[:15], conflict,
                                  cv=StratifiedKFold(5, shuffle=True, random_state=0))
    assert (predicted == conflict).mean() > 1 - conflict.mean()
    fitted = model.fit(TEXTS, Y[:, 0])
    names = list(fitted[:-1].get_feature_names_out())
    assert names == list(fitted[0].get_feature_names_out())
    weights = dict(zip(names, fitted[-1].coef_[0], strict=True))
    assert weights["framing.conflict"] > 0


def test_classifier_predicts_an_indicator_matrix(fitted: FrameClassifier) -> None:
    predicted = fitted.predict(["Critics attacked their rivals and rejected the compromise.",
                                "The widow and her children mourned at home."])
    assert predicted.tolist() == [[1, 0, 0], [0, 0, 1]]
    probabilities = fitted.predict_proba(TEXTS[:2])
    assert probabilities.shape == (2, 3)
    assert ((probabilities >= 0) & (probabilities <= 1)).all()


def test_classifier_in_cross_val_predict() -> None:
    folds = KFold(3, shuffle=True, random_state=0)
    # a dozen one-sentence texts per fold: the framekit figures must weigh more than by default
    predicted = cross_val_predict(FrameClassifier(C=10.0, framing_weight=0.5), TEXTS, Y, cv=folds)
    assert predicted.shape == Y.shape
    assert set(np.unique(predicted)) <= {0, 1}
    baseline = (Y == 0).mean()  # always answering "no frame"
    assert (predicted == Y).mean() > baseline
    probabilities = cross_val_predict(FrameClassifier(), TEXTS, Y, cv=folds,
                                      method="predict_proba")
    assert probabilities.shape == Y.shape


def test_fitted_thresholds_move_back_towards_a_half_by_shrinkage() -> None:
    memory = fk_sklearn.FigureCache()
    chosen = FrameClassifier(shrinkage=0.0, memory=memory).fit(TEXTS, Y).thresholds_
    assert len(set(chosen.tolist()) - {0.5}) > 0
    halfway = FrameClassifier(shrinkage=0.5, memory=memory).fit(TEXTS, Y).thresholds_
    np.testing.assert_allclose(halfway, 0.25 + chosen / 2)
    assert FrameClassifier(shrinkage=1.0, memory=memory).fit(TEXTS, Y).thresholds_.tolist() \
        == [0.5, 0.5, 0.5]


def test_classifier_reads_framing_figures_unless_told_other_analysers(
        fitted: FrameClassifier) -> None:
    def names(model: FrameClassifier) -> list[str]:
        features = model.model_[0].transformer_list[1][1][0]
        return list(features.get_feature_names_out())

    assert "framing.conflict.C2" in names(fitted)
    assert not any(name.startswith("hedging.") for name in names(fitted))
    wider = FrameClassifier(analysers=("hedging",), threshold=0.5).fit(TEXTS, Y)
    assert "hedging.hedges_per_100_words" in names(wider)


def test_classifier_in_grid_search() -> None:
    search = GridSearchCV(FrameClassifier(), {"C": [0.1, 10.0]},
                          cv=KFold(3, shuffle=True, random_state=0))
    search.fit(TEXTS, Y)
    assert search.best_params_["C"] in {0.1, 10.0}
    assert search.best_estimator_.predict(TEXTS[:1]).shape == (1, 3)


def test_clone_keeps_parameters_and_drops_the_fit(fitted: FrameClassifier) -> None:
    copy = clone(fitted)
    assert copy.get_params() == fitted.get_params()
    assert not hasattr(copy, "model_")
    assert clone(FramekitFeatures(scheme="policy")).get_params()["scheme"] == "policy"


def test_pickle_round_trip(fitted: FrameClassifier) -> None:
    restored = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(restored.predict_proba(TEXTS), fitted.predict_proba(TEXTS))
    features = FramekitFeatures().fit(TEXTS[:2])
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(features)).transform(TEXTS[:2]),
                                  features.transform(TEXTS[:2]))


def test_classifier_rejects_a_label_vector() -> None:
    with pytest.raises(ValueError, match="binary indicator matrix"):
        FrameClassifier().fit(TEXTS, Y[:, 0])


def test_a_figure_cache_is_opt_in_and_shared_by_clones() -> None:
    from sklearn.base import clone

    from framekit import sklearn as framekit_sklearn
    from framekit.sklearn import FigureCache

    assert not hasattr(framekit_sklearn, "_CACHE")  # nothing kept between estimators
    memory = FigureCache(max_texts=3)
    features = FramekitFeatures(memory=memory)
    twin = clone(features)
    assert twin.memory is memory
    twin.fit(TEXTS[:2])
    assert len(memory) == 2
    features.fit(TEXTS[:5])
    assert len(memory) == 3  # the least recently used dropped
    assert np.array_equal(features.transform(TEXTS[3:5]),
                          FramekitFeatures().fit(TEXTS[:5]).transform(TEXTS[3:5]))
