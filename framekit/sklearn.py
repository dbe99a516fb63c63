# ruff: noqa: N803  (scikit-learn's conventions name the data X and the regularisation C)
"""scikit-learn integration: framekit's figures as features, and a trainable frame classifier.

:class:`FramekitFeatures` turns raw texts into one row of framekit figures per
text (hedging, attribution, frame scores, framing devices, readability, and
source balance when a ``balance`` analyser is registered), for use in a
``Pipeline`` or ``ColumnTransformer``. :class:`FrameClassifier` learns a
multi-label frame scheme of your own from TF-IDF text features and those
figures.

Both estimators keep only plain parameters, so they clone and pickle cleanly;
the spaCy pipeline is loaded through :func:`framekit.load_pipeline`, once per
process. Give them a :class:`FigureCache` as ``memory`` (as scikit-learn's own
``memory=``) and fitting, transforming, cross-validating and grid searches
parse every text once; without one, every call parses its texts again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

from framekit import registry
from framekit.analysers.framing import FramingAnalyser
from framekit.pipeline import Pipeline
from framekit.report import Report

__all__ = ["FigureCache", "FrameClassifier", "FramekitFeatures", "figures"]

Figures = dict[str, float]
_Key = tuple[str, str | None, tuple[str, ...], str]


class FigureCache:
    """The figures of texts, kept in memory for the estimators given it as ``memory``.

    A cache is shared, not copied, when scikit-learn clones an estimator (as a
    ``joblib.Memory`` location is), so the folds of a cross-validation and the
    candidates of a grid search use one; pickled, it travels empty.

    Args:
        max_texts: how many texts' figures are kept, the least recently used
            dropped first.

    Example:
        >>> import copy
        >>> cache = FigureCache(max_texts=1000)
        >>> copy.deepcopy(cache) is cache, len(cache)
        (True, 0)
    """

    def __init__(self, max_texts: int = 20_000) -> None:
        self.max_texts = max_texts
        self._figures: OrderedDict[_Key, Figures] = OrderedDict()

    def __len__(self) -> int:
        return len(self._figures)

    def __deepcopy__(self, memo: dict[int, Any]) -> FigureCache:
        return self

    def __reduce__(self) -> tuple[type[FigureCache], tuple[int]]:
        return FigureCache, (self.max_texts,)

    def figures(self, keys: list[_Key], compute: Callable[[list[_Key]], list[Figures]]
                ) -> list[Figures]:
        """The figures for ``keys``, computing those not kept with ``compute``."""
        missing = list(dict.fromkeys(key for key in keys if key not in self._figures))
        self._figures.update(zip(missing, compute(missing), strict=True))
        found = []
        for key in keys:
            self._figures.move_to_end(key)
            found.append(self._figures[key])
        while len(self._figures) > self.max_texts:
            self._figures.popitem(last=False)
        return found


def figures(report: Report) -> Figures:
    """One flat mapping of numeric figures from a report, keys prefixed by analyser.

    Each result gives its :meth:`~framekit.results.Result.features`: hedging,
    attribution, framing and readability chosen figures (densities and shares
    rather than raw counts), any other analyser, a plugin's included, the
    numeric fields of its :meth:`~framekit.results.Result.summary` unless it
    says otherwise.

    Example:
        >>> import framekit
        >>> found = figures(framekit.analyse("Both sides may reject the deal, analysts said."))
        >>> found["framing.conflict"] > 0, found["hedging.hedges_per_100_words"] > 0
        (True, True)
    """
    return {f"{name}.{key}": value for name, result in report.results.items()
            for key, value in result.features().items()}


@cache
def _pipeline(scheme: str, nlp: str | None, names: tuple[str, ...]) -> Pipeline:
    return Pipeline([*names, FramingAnalyser(scheme)], nlp=nlp)


def _analyser_names(chosen: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The analysers whose figures become features (framing is always added).

    By default the core ones, and balance if registered.
    """
    if chosen is not None:
        return tuple(name for name in chosen if name != "framing")
    core = ("hedging", "attribution", "readability")
    return (*core, "balance") if "balance" in registry.available() else core


def _texts(X: Any) -> list[str]:
    """The texts of ``X``: a list, a 1-D array or Series, or a one-column 2-D array or frame."""
    array = np.asarray(X, dtype=object)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"expected a sequence of texts, got an array of shape {array.shape}")
    return [str(text) if isinstance(text, np.str_) else text for text in array]


def _best_threshold(probabilities: npt.NDArray[np.float64],
                    truth: npt.NDArray[Any]) -> float:
    """The probability threshold with the best F1 for one frame (0.5 when it is never present)."""
    positives = int(truth.sum())
    if positives == 0:
        return 0.5
    levels = np.unique(probabilities)
    candidates = np.concatenate(([0.0], (levels[1:] + levels[:-1]) / 2, [levels[-1]]))
    best, chosen = -1.0, 0.5
    for threshold in candidates:
        found = probabilities >= threshold
        f1 = 2 * float((found & (truth == 1)).sum()) / (int(found.sum()) + positives)
        if f1 > best:
            best, chosen = f1, float(threshold)
    return chosen


def _figures_of(texts: list[str], scheme: str, nlp: str | None, batch_size: int,
                analysers: tuple[str, ...] | None, memory: FigureCache | None) -> list[Figures]:
    """The figures of each text, parsing only those not in ``memory``."""
    names = _analyser_names(analysers)

    def compute(keys: list[_Key]) -> list[Figures]:
        reports = _pipeline(scheme, nlp, names).analyse_many(
            (key[3] for key in keys), batch_size=batch_size)
        return [figures(report) for report in reports]

    keys = [(scheme, nlp, names, text) for text in texts]
    return compute(keys) if memory is None else memory.figures(keys, compute)


class FramekitFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Transform texts into framekit's figures, one row per text.

    Columns are named ``analyser.figure`` (``framing.conflict``,
    ``hedging.hedges_per_100_words``); :meth:`get_feature_names_out` lists
    them. A figure that a text lacks is 0.

    Args:
        scheme: the frame scheme for the frame scores: ``"generic"``,
            ``"policy"`` or the path of a scheme file.
        nlp: the name of the spaCy pipeline (see :func:`framekit.load_pipeline`).
        batch_size: texts per batch given to spaCy.
        analysers: names of the registered analysers whose
            :meth:`~framekit.results.Result.features` become columns, a plugin's
            included; framing is always among them. By default hedging,
            attribution, readability and balance.
        memory: a :class:`FigureCache` that keeps each text's figures, so that
            a text is parsed once however often it is fitted or transformed.

    Example:
        >>> features = FramekitFeatures().fit(["Both sides reject the deal."])
        >>> X = features.transform(["Critics may attack the plan.", "It rained."])
        >>> X.shape == (2, len(features.get_feature_names_out()))
        True
        >>> "framing.conflict" in features.get_feature_names_out()
        True
    """

    def __init__(self, scheme: str = "generic", nlp: str | None = None,
                 batch_size: int = 64, analysers: tuple[str, ...] | None = None,
                 memory: FigureCache | None = None) -> None:
        self.scheme = scheme
        self.nlp = nlp
        self.batch_size = batch_size
        self.analysers = analysers
        self.memory = memory

    def fit(self, X: Any, y: Any = None) -> FramekitFeatures:
        """Learn the feature names from the texts ``X`` (``y`` is ignored)."""
        self._learn(self._rows(X))
        return self

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> npt.NDArray[np.float64]:
        """:meth:`fit` and :meth:`transform` with one parse of the texts ``X``."""
        rows = self._rows(X)
        self._learn(rows)
        return self._array(rows)

    def transform(self, X: Any) -> npt.NDArray[np.float64]:
        """The figures of the texts ``X``, an array of shape ``(n_texts, n_features)``."""
        check_is_fitted(self, "feature_names_out_")
        return self._array(self._rows(X))

    def _rows(self, X: Any) -> list[Figures]:
        return _figures_of(_texts(X), self.scheme, self.nlp, self.batch_size, self.analysers,
                           self.memory)

    def _learn(self, rows: list[Figures]) -> None:
        self.feature_names_out_ = list(dict.fromkeys(key for row in rows for key in row))

    def _array(self, rows: list[Figures]) -> npt.NDArray[np.float64]:
        return np.array([[row.get(name, 0.0) for name in self.feature_names_out_]
                         for row in rows], dtype=np.float64).reshape(len(rows), -1)

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        """The names of the output columns."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.input_tags.one_d_array = True
        tags.requires_fit = True
        return tags


class FrameClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """A multi-label frame classifier: TF-IDF and framekit figures, a logistic regression per frame.

    ``y`` is a binary indicator matrix of shape ``(n_texts, n_frames)``, as
    :class:`sklearn.preprocessing.MultiLabelBinarizer` makes; a text may have
    several frames or none. The text features are word n-gram TF-IDF
    (sublinear term frequencies); with ``framing_features`` the standardised
    :class:`FramekitFeatures` of the framing analyser are added beside them
    (a ``FeatureUnion``): each frame's score, the evidence for each of its
    coding questions and the framing devices per 100 words, and the figures
    of any ``analysers`` named. With ``threshold="fit"`` each frame's decision
    threshold is the one with the best F1 in an inner ``cv``-fold
    cross-validation on the training texts, moved the share ``shrinkage`` of
    the way back to 0.5 (a threshold chosen on a few dozen articles is noisy),
    and kept in :attr:`thresholds_`; the test texts of an outer
    cross-validation never choose it.

    Args:
        scheme: the frame scheme whose scores become features.
        C: inverse regularisation strength of the logistic regressions.
        ngram_range: word n-grams for TF-IDF.
        min_df: minimum document frequency of an n-gram.
        max_features: largest TF-IDF vocabulary.
        framing_features: whether to add framekit's figures to the text features.
        framing_weight: what the standardised framekit figures weigh beside
            the TF-IDF features (whose rows have unit length, so a small weight
            already counts).
        analysers: registered analysers whose figures join the framing ones
            (see :class:`FramekitFeatures`); ``()``, the default, framing only,
            ``None`` hedging, attribution, readability and balance too.
        class_weight: passed to each logistic regression (``"balanced"``, the
            default, weighs a frame's rare present articles up).
        threshold: the probability from which :meth:`predict` gives a frame,
            or ``"fit"`` to choose one per frame by inner cross-validation.
        shrinkage: with ``threshold="fit"``, how far each chosen threshold is
            moved back towards 0.5 (0: the inner cross-validation's choice
            as it is, 1: always 0.5).
        cv: the folds of that inner cross-validation.
        nlp: the name of the spaCy pipeline.
        memory: a :class:`FigureCache` for the framekit figures of the texts,
            so that the inner folds, a cross-validation or a grid search parse
            each text once; without one, each fit parses its texts again.

    Example:
        >>> texts = ["Both sides clashed over the deal.", "Prices and costs soared.",
        ...          "Rivals attacked each other.", "The economy lost billions."]
        >>> y = [[1, 0], [0, 1], [1, 0], [0, 1]]
        >>> model = FrameClassifier(threshold=0.5).fit(texts, y)
        >>> model.predict(["Critics attacked the rival camp."]).tolist()
        [[1, 0]]
    """

    def __init__(self, scheme: str = "generic", C: float = 1.0,
                 ngram_range: tuple[int, int] = (1, 2), min_df: int = 1,
                 max_features: int | None = 20_000, framing_features: bool = True,
                 framing_weight: float = 0.03, analysers: tuple[str, ...] | None = (),
                 class_weight: str | Mapping[int, float] | None = "balanced",
                 threshold: float | str = "fit", shrinkage: float = 0.5, cv: int = 3,
                 nlp: str | None = None, memory: FigureCache | None = None) -> None:
        self.scheme = scheme
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.framing_features = framing_features
        self.framing_weight = framing_weight
        self.analysers = analysers
        self.class_weight = class_weight
        self.threshold = threshold
        self.shrinkage = shrinkage
        self.cv = cv
        self.nlp = nlp
        self.memory = memory

    def fit(self, X: Any, y: Any) -> FrameClassifier:
        """Learn one classifier per frame from the texts ``X`` and indicator matrix ``y``."""
        texts = _texts(X)
        labels = np.asarray(y)
        if labels.ndim != 2 or labels.shape[0] != len(texts):
            raise ValueError(
                "y must be a binary indicator matrix of shape (n_texts, n_frames); "
                f"got shape {labels.shape} for {len(texts)} texts "
                "(sklearn.preprocessing.MultiLabelBinarizer makes one from label lists)")
        if self.threshold == "fit":
            inner = np.zeros(labels.shape, dtype=np.float64)
            folds = KFold(min(self.cv, len(texts)), shuffle=True, random_state=0)
            for train, test in folds.split(texts):
                model = self._model().fit([texts[i] for i in train], labels[train])
                inner[test] = model.predict_proba([texts[i] for i in test])
            chosen = np.array([_best_threshold(inner[:, k], labels[:, k])
                               for k in range(labels.shape[1])])
            self.thresholds_ = self.shrinkage * 0.5 + (1 - self.shrinkage) * chosen
        elif isinstance(self.threshold, str):
            raise ValueError(f"threshold must be a number or 'fit', not {self.threshold!r}")
        else:
            self.thresholds_ = np.full(labels.shape[1], float(self.threshold))
        self.model_ = self._model().fit(texts, labels)
        self.classes_ = np.arange(labels.shape[1])
        self.n_labels_ = labels.shape[1]
        return self

    def _model(self) -> Any:
        parts: list[tuple[str, Any]] = [("text", TfidfVectorizer(
            ngram_range=self.ngram_range, min_df=self.min_df, max_features=self.max_features,
            sublinear_tf=True))]
        weights = {}
        if self.framing_features:
            parts.append(("framekit", make_pipeline(
                FramekitFeatures(scheme=self.scheme, nlp=self.nlp, analysers=self.analysers,
                                 memory=self.memory),
                StandardScaler())))
            weights["framekit"] = self.framing_weight
        return make_pipeline(
            FeatureUnion(parts, transformer_weights=weights),
            OneVsRestClassifier(LogisticRegression(C=self.C, class_weight=self.class_weight,
                                                   solver="liblinear", max_iter=1000)))

    def predict_proba(self, X: Any) -> npt.NDArray[np.float64]:
        """The probability of each frame for each text, shape ``(n_texts, n_frames)``."""
        check_is_fitted(self, "model_")
        probabilities: npt.NDArray[np.float64] = self.model_.predict_proba(_texts(X))
        return probabilities

    def predict(self, X: Any) -> npt.NDArray[np.int64]:
        """The frames of each text as a binary indicator matrix."""
        return (self.predict_proba(X) >= self.thresholds_).astype(np.int64)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.input_tags.one_d_array = True
        tags.target_tags.multi_output = True
        tags.target_tags.single_output = False
        tags.classifier_tags.multi_label = True
        return tags
