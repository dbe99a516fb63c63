"""Measure framekit against human coding: span and label matching, P/R/F1, agreement.

The building blocks are :func:`match_spans` (one-to-one matching under an
``"exact"``, ``"overlap"`` or ``"half"`` rule), :func:`span_scores` and
:func:`label_scores` (P/R/F1 per label, micro and macro), :func:`bootstrap_f1`,
:func:`cohen_kappa` and :func:`krippendorff_alpha`. On top of them,
``evaluate_*`` run framekit over a corpus read by :mod:`framekit.corpora` and
score it with the rules of :doc:`/accuracy`, returning a frozen
:class:`Evaluation`.

Example:
    >>> gold = [GoldSpan("hedge", ((6, 9),))]
    >>> predicted = [GoldSpan("hedge", ((6, 9),)), GoldSpan("hedge", ((0, 5),))]
    >>> micro = span_scores(predicted, gold, "overlap").measure("micro")
    >>> micro.precision, micro.recall, micro.f1
    (0.5, 1.0, 0.667)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from typing import Any, Literal

import attrs
import numpy as np

from framekit.corpora import (
    AttributionDocument,
    CodedDocument,
    FrameDocument,
    GoldAttribution,
    GoldSpan,
    HedgeDocument,
    SpanDocument,
)
from framekit.pipeline import Pipeline
from framekit.report import Report
from framekit.results import named

__all__ = [
    "Agreement",
    "ErrorExample",
    "Evaluation",
    "Measure",
    "PredictedAttribution",
    "Scores",
    "Table",
    "bootstrap_f1",
    "cohen_kappa",
    "cross_validate_frames",
    "evaluate_attribution",
    "evaluate_coding",
    "evaluate_frames",
    "evaluate_hedging",
    "evaluate_loaded_language",
    "gold_frames",
    "krippendorff_alpha",
    "label_scores",
    "mappings",
    "match_spans",
    "score_attribution",
    "score_hedging",
    "span_scores",
]

Rule = Literal["exact", "overlap", "half"]
Fragments = tuple[tuple[int, int], ...]
#: Characters of context each side of an error example.
CONTEXT = 60


# --------------------------------------------------------------------- scores

@attrs.frozen
class Scores:
    """True positives, false positives and false negatives, with P/R/F1 from them.

    Example:
        >>> Scores(3, 1, 2).f1
        0.667
    """

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Precision, tp / (tp + fp), 0 when nothing was predicted; rounded to 3 places."""
        return round(_ratio(self.tp, self.tp + self.fp), 3)

    @property
    def recall(self) -> float:
        """Recall, tp / (tp + fn), 0 when there is no gold; rounded to 3 places."""
        return round(_ratio(self.tp, self.tp + self.fn), 3)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall; rounded to 3 places."""
        return round(_f1(self.tp, self.fp, self.fn), 3)

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _f1(tp: float, fp: float, fn: float) -> float:
    return _ratio(2 * tp, 2 * tp + fp + fn)


@attrs.frozen
class Measure:
    """One figure of an evaluation: P/R/F1 with counts, and optionally an interval for F1.

    Attributes:
        name: ``micro``, ``macro``, a label, or a task's measure (``content``,
            ``content+source``, ``cue``, ``sentence``).
        precision: precision, 0-1.
        recall: recall, 0-1.
        f1: F1, 0-1.
        tp: true positives (``None`` for a macro average).
        fp: false positives.
        fn: false negatives.
        f1_low: lower end of the bootstrap interval for F1, if computed.
        f1_high: upper end.
    """

    name: str
    precision: float
    recall: float
    f1: float
    tp: int | None = None
    fp: int | None = None
    fn: int | None = None
    f1_low: float | None = None
    f1_high: float | None = None

    @classmethod
    def of(cls, name: str, scores: Scores,
           interval: tuple[float, float] | None = None) -> Measure:
        """The measure of ``scores``, with an optional F1 interval."""
        low, high = interval if interval is not None else (None, None)
        return cls(name, scores.precision, scores.recall, scores.f1,
                   scores.tp, scores.fp, scores.fn, low, high)

    def as_dict(self) -> dict[str, Any]:
        """The measure under its stable JSON keys (``P``, ``R``, ``F1``, ``tp``, ...)."""
        found: dict[str, Any] = {"P": self.precision, "R": self.recall, "F1": self.f1}
        if self.tp is not None:
            found |= {"tp": self.tp, "fp": self.fp, "fn": self.fn}
        if self.f1_low is not None:
            found["F1_CI"] = [self.f1_low, self.f1_high]
        return found


@attrs.frozen
class Table:
    """Per-label measures with their micro and macro averages.

    Attributes:
        measures: one per label (sorted), then ``micro`` and ``macro``.
        counts: each document's micro counts, for :func:`bootstrap_f1`.
    """

    measures: tuple[Measure, ...]
    counts: tuple[Scores, ...]

    def measure(self, name: str) -> Measure:
        """The measure called ``name``."""
        return next(m for m in self.measures if m.name == name)


def _table(per_label: dict[str, Scores], counts: Sequence[Scores]) -> Table:
    labels = [Measure.of(label, per_label[label]) for label in sorted(per_label)]
    micro = sum(per_label.values(), Scores(0, 0, 0))
    def mean(figure: Callable[[Scores], float]) -> float:
        values = [figure(scores) for scores in per_label.values()]
        return round(float(np.mean(values)), 3) if values else 0.0

    macro = Measure("macro", mean(lambda s: _ratio(s.tp, s.tp + s.fp)),
                    mean(lambda s: _ratio(s.tp, s.tp + s.fn)),
                    mean(lambda s: _f1(s.tp, s.fp, s.fn)))
    return Table((*labels, Measure.of("micro", micro), macro), tuple(counts))


# --------------------------------------------------------------------- span matching

def _overlap(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(fragments: Fragments) -> int:
    return sum(end - start for start, end in fragments)


def _matches(a: Fragments, b: Fragments, rule: Rule) -> int:
    """The overlap of ``a`` and ``b`` if they match under ``rule``, else 0."""
    shared = _overlap(a, b)
    if rule == "exact":
        return shared if sorted(a) == sorted(b) else 0
    if rule == "half":
        return shared if 2 * shared >= max(_length(a), _length(b), 1) else 0
    return shared


def match_spans(predicted: Sequence[Fragments], gold: Sequence[Fragments],
                rule: Rule = "overlap") -> tuple[tuple[int, int], ...]:
    """Match predicted and gold spans one to one; return the ``(predicted, gold)`` index pairs.

    A pair can match when the spans are the same (``"exact"``), share a character
    (``"overlap"``), or share at least half of the characters of each
    (``"half"``; fragments summed). Pairs are taken greedily, the largest
    overlap first, each span at most once.

    Example:
        >>> match_spans([((0, 10),), ((12, 14),)], [((5, 13),)], "overlap")
        ((0, 0),)
        >>> match_spans([((0, 10),)], [((5, 30),)], "half")
        ()
    """
    candidates = sorted(
        (-shared, p, g) for p, pred in enumerate(predicted) for g, gold_span in enumerate(gold)
        if (shared := _matches(pred, gold_span, rule)) > 0 or (
            rule == "exact" and sorted(pred) == sorted(gold_span)))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p, g in candidates:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return tuple(sorted(pairs))


def span_scores(predicted: Iterable[GoldSpan], gold: Iterable[GoldSpan],
                rule: Rule = "overlap", *, labelled: bool = True) -> Table:
    """P/R/F1 of labelled spans of one document, per label, micro and macro.

    With ``labelled`` a predicted span only matches a gold span of its label;
    without, labels are ignored and every span counts under ``micro``.
    """
    return span_scores_many([(tuple(predicted), tuple(gold))], rule, labelled=labelled)


def span_scores_many(documents: Iterable[tuple[Sequence[GoldSpan], Sequence[GoldSpan]]],
                     rule: Rule = "overlap", *, labelled: bool = True) -> Table:
    """:func:`span_scores` summed over documents given as ``(predicted, gold)`` pairs."""
    per_label: dict[str, Scores] = {}
    counts = []
    for predicted, gold in documents:
        document = Scores(0, 0, 0)
        labels = {s.label for s in (*predicted, *gold)} if labelled else {"spans"}
        for label in labels:
            p = [s.fragments for s in predicted if not labelled or s.label == label]
            g = [s.fragments for s in gold if not labelled or s.label == label]
            tp = len(match_spans(p, g, rule))
            scores = Scores(tp, len(p) - tp, len(g) - tp)
            per_label[label] = per_label.get(label, Scores(0, 0, 0)) + scores
            document += scores
        counts.append(document)
    return _table(per_label, counts)


def label_scores(predicted: Sequence[Collection[str]], gold: Sequence[Collection[str]],
                 labels: Collection[str] | None = None) -> Table:
    """Article-level multi-label P/R/F1: per label, micro over (article, label) pairs, macro.

    Args:
        predicted: each article's predicted labels.
        gold: each article's gold labels, in the same order.
        labels: the labels to report and average over; by default those in
            either. A predicted label outside them still counts against micro precision.

    Example:
        >>> table = label_scores([{"conflict"}, {"economic"}], [{"conflict", "moral"}, set()])
        >>> [(m.name, m.f1) for m in table.measures]
        [('conflict', 1.0), ('economic', 0.0), ('moral', 0.0), ('micro', 0.5), ('macro', 0.333)]
    """
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted label sets for {len(gold)} gold ones")
    chosen = set(labels) if labels is not None else {x for s in (*predicted, *gold) for x in s}
    per_label = {label: Scores(0, 0, 0) for label in chosen}
    counts = []
    for p, g in zip(predicted, gold, strict=True):
        document = Scores(len(set(p) & set(g)), len(set(p) - set(g)), len(set(g) - set(p)))
        counts.append(document)
        for label in chosen:
            per_label[label] += Scores(int(label in p and label in g),
                                       int(label in p and label not in g),
                                       int(label in g and label not in p))
    table = _table(per_label, counts)
    micro = sum(counts, Scores(0, 0, 0))
    return attrs.evolve(table, measures=tuple(
        Measure.of("micro", micro) if m.name == "micro" else m for m in table.measures))


def bootstrap_f1(counts: Sequence[Scores], samples: int = 1000, level: float = 0.95,
                 seed: int = 0) -> tuple[float, float]:
    """A percentile bootstrap interval for micro-F1, resampling documents.

    Args:
        counts: each document's true positives, false positives and false negatives.
        samples: bootstrap samples drawn.
        level: the interval's coverage.
        seed: the random seed, so that the interval can be reproduced.

    Example:
        >>> bootstrap_f1([Scores(1, 0, 0)] * 5)
        (1.0, 1.0)
    """
    if not counts:
        return (0.0, 0.0)
    array = np.array([(c.tp, c.fp, c.fn) for c in counts], dtype=np.float64)
    rng = np.random.default_rng(seed)
    drawn = array[rng.integers(0, len(array), size=(samples, len(array)))].sum(axis=1)
    denominator = 2 * drawn[:, 0] + drawn[:, 1] + drawn[:, 2]
    f1 = np.divide(2 * drawn[:, 0], denominator, out=np.zeros(samples),
                   where=denominator > 0)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(f1, [tail, 100 - tail])
    return round(float(low), 3), round(float(high), 3)


# --------------------------------------------------------------------- agreement

def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """Cohen's kappa between two coders' nominal codes of the same units.

    ``nan`` when chance agreement is 1 (both coders used one and the same code
    throughout), where kappa is undefined.

    Example:
        >>> round(cohen_kappa("yyyn", "yynn"), 3)
        0.5
    """
    if len(first) != len(second) or not first:
        raise ValueError("kappa needs two equally long, non-empty sequences of codes")
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    chance = sum(list(first).count(code) * list(second).count(code)
                 for code in set(first) | set(second)) / n**2
    return math.nan if chance == 1 else (observed - chance) / (1 - chance)


def krippendorff_alpha(data: Sequence[Sequence[Hashable | None]]) -> float:
    """Krippendorff's alpha for nominal data, one row per coder, one column per unit.

    ``None`` marks a unit a coder did not code. Computed by the ``krippendorff``
    package; ``nan`` when the data hold fewer than two different codes.

    Example:
        >>> round(krippendorff_alpha([["a", "a", "b", "b"], ["a", "a", "b", "a"]]), 3)
        0.533
    """
    import krippendorff

    codes = {code: i for i, code in enumerate(sorted(
        {c for row in data for c in row if c is not None}, key=str))}
    if len(codes) < 2:
        return math.nan
    matrix = np.array([[np.nan if c is None else codes[c] for c in row] for row in data],
                      dtype=np.float64)
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))


# --------------------------------------------------------------------- results

@attrs.frozen
class ErrorExample:
    """A miss or a false alarm, with its context, for error analysis.

    Attributes:
        kind: ``"miss"`` (gold not found) or ``"false_alarm"`` (predicted, not gold).
        document: the document's id.
        start: offset of the span's first character.
        end: offset just past its last character.
        text: the span's text.
        context: the span with up to :data:`CONTEXT` characters each side, the
            span in ``[[ ]]``.
        label: the span's label (the gold class, or framekit's type).
    """

    kind: Literal["miss", "false_alarm"]
    document: str
    start: int
    end: int
    text: str
    context: str
    label: str


@attrs.frozen
class Agreement:
    """Agreement between two coders (one may be framekit) or among all of them.

    Attributes:
        between: two coders joined by ``" ~ "`` (``"framekit ~ ann"``); ``"coders"``
            for all human coders when there are more than two; ``"framekit + coders"``
            for all of them and framekit.
        measure: what was coded (a label, or ``"spans"`` for words in marked spans).
        units: the units both (or all) coded.
        kappa: Cohen's kappa (``None`` for more than two coders).
        alpha: Krippendorff's alpha (nominal).
    """

    between: str
    measure: str
    units: int
    kappa: float | None
    alpha: float

    def as_dict(self) -> dict[str, Any]:
        """The agreement under stable JSON keys (NaN becomes ``None``)."""
        return {"between": self.between, "measure": self.measure, "units": self.units,
                "kappa": _finite(self.kappa), "alpha": _finite(self.alpha)}


def _finite(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 3)


@attrs.frozen
class Evaluation:
    """The outcome of running framekit over an annotated corpus and scoring it.

    Attributes:
        task: ``attribution``, ``hedging``, ``frames`` or ``loaded-language``.
        corpus: the corpus's name (``polnear``, ``szeged``, ...; ``own coding``
            for :func:`evaluate_coding`).
        documents: documents scored.
        predicted: items framekit predicted (attributions, cues, frames, spans).
        gold: gold items.
        measures: the figures, the headline measure first.
        rule: the scoring rule, in words.
        errors: misses and false alarms, if asked for.
        agreement: agreement figures (for your own coding).
    """

    task: str
    corpus: str
    documents: int
    predicted: int
    gold: int
    measures: tuple[Measure, ...]
    rule: str
    errors: tuple[ErrorExample, ...] = ()
    agreement: tuple[Agreement, ...] = ()

    def measure(self, name: str) -> Measure:
        """The measure called ``name``.

        Raises:
            KeyError: no measure has that name.
        """
        return named(self.measures, name, "measure")

    def as_dict(self) -> dict[str, Any]:
        """The evaluation under stable JSON keys, with framekit's version.

        Keys: ``task``, ``corpus``, ``documents``, ``predicted``, ``gold``,
        ``rule``, ``framekit_version``, ``measures`` (measure name to ``{"P",
        "R", "F1"}`` and, where they apply, ``tp``, ``fp``, ``fn`` and ``F1_CI``),
        ``agreement`` (a list), ``errors`` (a list).
        """
        from framekit import __version__

        return {"task": self.task, "corpus": self.corpus, "documents": self.documents,
                "predicted": self.predicted, "gold": self.gold, "rule": self.rule,
                "framekit_version": __version__,
                "measures": {m.name: m.as_dict() for m in self.measures},
                "agreement": [a.as_dict() for a in self.agreement],
                "errors": [attrs.asdict(e) for e in self.errors]}


@cache
def mappings() -> dict[str, Any]:
    """The category mappings between framekit and each corpus (``data/corpus_mappings.json``).

    Example:
        >>> mappings()["frames"]["narrative"]["labels"]["RE"]
        'responsibility'
        >>> mappings()["hedging"]["szeged"]["leave_out"]
        ['approximator', 'vague_attribution']
    """
    source = resources.files("framekit").joinpath("data/corpus_mappings.json")
    found: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return found


# --------------------------------------------------------------------- running framekit

def _reports(texts: Sequence[str], pipeline: Pipeline, progress: bool) -> Iterator[Report]:
    return pipeline.analyse_many(texts, batch_size=16, progress=progress)


class _Errors:
    """Keeps the first ``limit`` misses and false alarms."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.found: dict[str, list[ErrorExample]] = {"miss": [], "false_alarm": []}

    def add(self, kind: Literal["miss", "false_alarm"], document: str, text: str,
            span: GoldSpan) -> None:
        if len(self.found[kind]) >= self.limit:
            return
        start, end = span.start, span.end
        context = (text[max(0, start - CONTEXT):start] + "[[" + text[start:end] + "]]"
                   + text[end:end + CONTEXT])
        self.found[kind].append(ErrorExample(kind, document, start, end, text[start:end],
                                             " ".join(context.split()), span.label))

    def add_unmatched(self, document: str, text: str, predicted: Sequence[GoldSpan],
                      gold: Sequence[GoldSpan], pairs: Iterable[tuple[int, int]]) -> None:
        matched = tuple(pairs)
        hit_p, hit_g = {p for p, _ in matched}, {g for _, g in matched}
        for g, span in enumerate(gold):
            if g not in hit_g:
                self.add("miss", document, text, span)
        for p, span in enumerate(predicted):
            if p not in hit_p:
                self.add("false_alarm", document, text, span)

    @property
    def examples(self) -> tuple[ErrorExample, ...]:
        return (*self.found["miss"], *self.found["false_alarm"])


def _spans(items: Iterable[Any], label: Callable[[Any], str]) -> tuple[GoldSpan, ...]:
    return tuple(GoldSpan(label(item), ((item.start, item.end),)) for item in items)


ATTRIBUTION_RULE = ("a predicted attribution matches a gold one when their contents overlap by "
                    "at least half of the characters of each (fragments summed), one to one, "
                    "the largest overlap first; content+source also needs the predicted "
                    "source to overlap the gold source, or the resolved speaker's name to "
                    "contain the gold source's last word")


@attrs.frozen
class PredictedAttribution:
    """An attribution as any system predicts it, for :func:`score_attribution`.

    Attributes:
        content: the content's ``(start, end)`` fragments.
        source: the source's ``(start, end)``, if the system marks one.
        speaker: the resolved speaker's name (``""`` if none).
        label: a label shown in error examples.
    """

    content: Fragments
    source: tuple[int, int] | None = None
    speaker: str = ""
    label: str = "attribution"


def evaluate_attribution(documents: Iterable[AttributionDocument],
                         pipeline: Pipeline | None = None, *, corpus: str = "polnear",
                         errors: int = 0, progress: bool = False,
                         bootstrap: int = 1000) -> Evaluation:
    """Run framekit's attribution over ``documents`` and score content and content+source.

    Example:
        >>> from framekit.corpora import GoldAttribution
        >>> text = "The deal is off, the minister said."
        >>> gold = GoldAttribution("E1", GoldSpan("Content", ((0, 15),)),
        ...                        GoldSpan("Cue", ((29, 33),)), GoldSpan("Source", ((17, 28),)))
        >>> result = evaluate_attribution([AttributionDocument("d", text, (gold,), (), "a")])
        >>> result.measure("content").f1, result.measure("content+source").f1
        (1.0, 1.0)
    """
    chosen = tuple(documents)
    pipeline = pipeline or Pipeline(["attribution"])
    reports = _reports([d.text for d in chosen], pipeline, progress)
    predicted = [tuple(PredictedAttribution(
        tuple((p.start, p.end) for p in a.parts) or ((a.content.start, a.content.end),),
        (a.source.start, a.source.end) if a.source is not None else None,
        a.speaker.name, a.kind.value) for a in report.attribution.attributions)
        for report in reports]
    return score_attribution(chosen, predicted, corpus=corpus, errors=errors,
                             bootstrap=bootstrap)


def score_attribution(documents: Sequence[AttributionDocument],
                      predicted: Sequence[Sequence[PredictedAttribution]], *,
                      corpus: str = "polnear", errors: int = 0,
                      bootstrap: int = 1000) -> Evaluation:
    """Score any system's attributions (one sequence per document) by framekit's rule.

    This is what :func:`evaluate_attribution` does after running framekit; use it
    to score a baseline on the same documents.
    """
    kept = _Errors(errors)
    content, both = [], []
    for document, found in zip(documents, predicted, strict=True):
        spans = tuple(GoldSpan(a.label, a.content) for a in found)
        gold = tuple(g.content for g in document.attributions)
        pairs = match_spans([a.content for a in found], [g.fragments for g in gold], "half")
        kept.add_unmatched(document.id, document.text, spans, gold, pairs)
        sourced = sum(_same_source(document.text, found[p], document.attributions[g])
                      for p, g in pairs)
        content.append(Scores(len(pairs), len(found) - len(pairs), len(gold) - len(pairs)))
        both.append(Scores(sourced, len(found) - sourced, len(gold) - sourced))
    measures = tuple(
        Measure.of(name, sum(counts, Scores(0, 0, 0)),
                   bootstrap_f1(counts, bootstrap) if bootstrap else None)
        for name, counts in (("content", content), ("content+source", both)))
    return Evaluation("attribution", corpus, len(documents), sum(map(len, predicted)),
                      sum(len(d.attributions) for d in documents), measures, ATTRIBUTION_RULE,
                      kept.examples)


_WORD = re.compile(r"[\w’'-]+")


def _same_source(text: str, predicted: PredictedAttribution, gold: GoldAttribution) -> bool:
    if gold.source is None:
        return False
    if predicted.source is not None and _overlap((predicted.source,), gold.source.fragments):
        return True
    words = _WORD.findall(gold.source.text(text))
    last = re.sub(r"['’]s$", "", words[-1]).lower() if words else ""
    return bool(last) and last in predicted.speaker.lower()


HEDGING_RULE = ("the document's sentences joined by single spaces and analysed as one text; "
                "framekit's hedges of the types the corpus does not annotate left out; a "
                "predicted cue matches a gold cue when their spans overlap, one to one; a "
                "sentence is uncertain when it holds at least one cue")


def evaluate_hedging(documents: Iterable[HedgeDocument], pipeline: Pipeline | None = None,
                     *, corpus: str = "szeged", errors: int = 0, progress: bool = False,
                     bootstrap: int = 1000) -> Evaluation:
    """Run framekit's hedging over ``documents``; score cues, cues per class, and sentences.

    Example:
        >>> text = "The plan may fail. It rained."
        >>> gold = (GoldSpan("speculation_modal_possible_", ((9, 12),)),)
        >>> result = evaluate_hedging([HedgeDocument("d", text, ((0, 18), (19, 29)), gold)])
        >>> result.measure("cue").f1, result.measure("sentence").f1
        (1.0, 1.0)
    """
    chosen = tuple(documents)
    leave_out = set(mappings()["hedging"][corpus]["leave_out"])
    types = mappings()["hedging"][corpus]["types"]
    pipeline = pipeline or Pipeline(["hedging"])
    reports = _reports([d.text for d in chosen], pipeline, progress)
    predicted = [_spans((c for c in report.hedging.hedges if c.type not in leave_out),
                        lambda c: types.get(c.type, c.type)) for report in reports]
    return score_hedging(chosen, predicted, corpus=corpus, errors=errors, bootstrap=bootstrap)


def score_hedging(documents: Sequence[HedgeDocument], predicted: Sequence[Sequence[GoldSpan]],
                  *, corpus: str = "szeged", errors: int = 0,
                  bootstrap: int = 1000) -> Evaluation:
    """Score any system's hedge cues (one sequence per document) by the corpus's rule.

    A cue's label is the corpus class it answers to (see :func:`mappings`), for
    the per-class figures ``cue:CLASS``; the ``cue`` and ``sentence`` figures
    ignore labels.
    """
    to_class = {label: name for name, labels in mappings()["hedging"][corpus]["classes"].items()
                for label in labels}
    kept = _Errors(errors)
    cues, sentences, classed = [], [], []
    for document, found in zip(documents, predicted, strict=True):
        pairs = match_spans([p.fragments for p in found],
                            [g.fragments for g in document.cues], "overlap")
        kept.add_unmatched(document.id, document.text, found, document.cues, pairs)
        cues.append(Scores(len(pairs), len(found) - len(pairs), len(document.cues) - len(pairs)))
        classed.append((found, tuple(GoldSpan(to_class.get(g.label, g.label), g.fragments)
                                     for g in document.cues)))
        sentences.append(_sentence_scores(document, found))
    by_class = span_scores_many(classed, "overlap")
    measures = (
        Measure.of("cue", sum(cues, Scores(0, 0, 0)),
                   bootstrap_f1(cues, bootstrap) if bootstrap else None),
        Measure.of("sentence", sum(sentences, Scores(0, 0, 0)),
                   bootstrap_f1(sentences, bootstrap) if bootstrap else None),
        *(attrs.evolve(m, name=f"cue:{m.name}") for m in by_class.measures
          if m.name not in ("micro", "macro")))
    return Evaluation("hedging", corpus, len(documents), sum(c.tp + c.fp for c in cues),
                      sum(len(d.cues) for d in documents), measures, HEDGING_RULE,
                      kept.examples)


def _sentence_scores(document: HedgeDocument, predicted: Sequence[GoldSpan]) -> Scores:
    def uncertain(spans: Iterable[GoldSpan]) -> set[int]:
        return {i for span in spans for i, (start, end) in enumerate(document.sentences)
                if _overlap(span.fragments, ((start, end),))}

    p, g = uncertain(predicted), uncertain(document.cues)
    return Scores(len(p & g), len(p - g), len(g - p))


FRAMES_RULE = ("micro- and macro-F1 over (article, frame) pairs, framekit's present frames "
               "against the coders', the corpus's labels mapped to framekit's frame names")


def gold_frames(document: FrameDocument, corpus: str) -> frozenset[str]:
    """The document's coded frames as framekit's frame names, by the corpus's mapping.

    Example:
        >>> sorted(gold_frames(FrameDocument("1", "", ("Crime_and_punishment",)),
        ...                    "semeval2023"))
        ['crime_and_punishment']
    """
    mapping = mappings()["frames"][corpus]
    if mapping["compare"] == "first_word":
        by_word = {_first_word(name): name for name in mapping["labels"].values()}
        return frozenset(by_word.get(_first_word(f), f.lower()) for f in document.frames)
    return frozenset(mapping["labels"].get(f, f) for f in document.frames)


def _first_word(name: str) -> str:
    return name.split("_")[0].lower()


def evaluate_frames(documents: Iterable[FrameDocument], corpus: str,
                    pipeline: Pipeline | None = None, *, progress: bool = False,
                    bootstrap: int = 1000) -> Evaluation:
    """Run framekit's frame scoring zero-shot over ``documents`` with the corpus's scheme.

    Args:
        documents: articles with their coded frames.
        corpus: ``"narrative"`` (generic frames) or ``"semeval2023"`` (policy frames):
            chooses the frame scheme and the label mapping.
        pipeline: a pipeline with a framing analyser; by default one with the
            corpus's scheme.
        progress: show a progress bar.
        bootstrap: bootstrap samples for the micro-F1 interval (0: none).
    """
    from framekit.analysers.framing import FramingAnalyser

    chosen = tuple(documents)
    mapping = mappings()["frames"][corpus]
    pipeline = pipeline or Pipeline([FramingAnalyser(mapping["scheme"])])
    reports = _reports([d.text for d in chosen], pipeline, progress)
    predicted = [frozenset(report.framing.present) for report in reports]
    gold = [gold_frames(d, corpus) for d in chosen]
    table = label_scores(predicted, gold, sorted(mapping["labels"].values()))
    return _frame_evaluation(corpus, len(chosen), predicted, gold, table, bootstrap)


def _frame_evaluation(corpus: str, documents: int, predicted: Sequence[Collection[str]],
                      gold: Sequence[Collection[str]], table: Table, bootstrap: int,
                      prefix: str = "") -> Evaluation:
    interval = bootstrap_f1(table.counts, bootstrap) if bootstrap else None
    micro, macro = table.measure("micro"), table.measure("macro")
    ordered = (attrs.evolve(micro, f1_low=interval[0] if interval else None,
                            f1_high=interval[1] if interval else None), macro,
               *(m for m in table.measures if m.name not in ("micro", "macro")))
    return Evaluation("frames", corpus, documents, sum(map(len, predicted)),
                      sum(map(len, gold)),
                      tuple(attrs.evolve(m, name=prefix + m.name) for m in ordered), FRAMES_RULE)


def cross_validate_frames(documents: Iterable[FrameDocument], corpus: str, *, folds: int = 5,
                          seed: int = 0, progress: bool = False) -> Evaluation:
    """Cross-validate the :class:`~framekit.sklearn.FrameClassifier` beside TF-IDF + LR.

    Both are trained and tested on the same k folds (shuffled with ``seed``); the
    baseline is word 1-2-gram TF-IDF with a class-weighted logistic regression per frame.

    Measures are ``classifier:micro``, ``classifier:macro``, ``tfidf:micro``,
    ``tfidf:macro`` and per frame, pooled over the folds' test articles.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline

    from framekit.sklearn import FigureCache, FrameClassifier

    chosen = tuple(documents)
    memory = FigureCache()  # every fold parses each article once
    mapping = mappings()["frames"][corpus]
    labels = sorted(mapping["labels"].values())
    texts = [d.text for d in chosen]
    gold = [gold_frames(d, corpus) for d in chosen]
    y = np.array([[int(label in g) for label in labels] for g in gold])
    models: dict[str, Callable[[], Any]] = {
        "classifier": lambda: FrameClassifier(scheme=mapping["scheme"], memory=memory),
        "tfidf": lambda: make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_features=20_000),
            OneVsRestClassifier(LogisticRegression(class_weight="balanced", max_iter=1000)))}
    predicted: dict[str, list[frozenset[str]]] = {name: [frozenset()] * len(chosen)
                                                  for name in models}
    splits = list(KFold(folds, shuffle=True, random_state=seed).split(texts))
    for train, test in _maybe_bar(splits, progress, "folds"):
        for name, build in models.items():
            model = build().fit([texts[i] for i in train], _fill_empty(y[train]))
            rows = model.predict([texts[i] for i in test])
            for i, row in zip(test, rows, strict=True):
                predicted[name][i] = frozenset(lab for lab, on in zip(labels, row, strict=True)
                                               if on)
    parts = [_frame_evaluation(corpus, len(chosen), predicted[name], gold,
                               label_scores(predicted[name], gold, labels), 0, f"{name}:")
             for name in models]
    return attrs.evolve(parts[0], measures=tuple(m for p in parts for m in p.measures),
                        predicted=parts[0].predicted,
                        rule=f"{folds}-fold cross-validation (shuffled, seed {seed}); "
                             + FRAMES_RULE)


def _fill_empty(y: Any) -> Any:
    """A label column no training article has gets one positive, so every model can fit."""
    y = y.copy()
    for column in range(y.shape[1]):
        if not y[:, column].any():
            y[0, column] = 1
        if y[:, column].all():
            y[0, column] = 0
    return y


def _maybe_bar(items: Sequence[Any], progress: bool, what: str) -> Iterable[Any]:
    if not progress:
        return items
    from tqdm import tqdm

    bar: Iterable[Any] = tqdm(items, desc=what, leave=False)
    return bar


LOADED_RULE = ("framekit's loaded-language and name-calling cues against the corpus's "
               "Loaded_Language and Name_Calling,Labeling spans: a predicted cue matches a "
               "gold span when they overlap, one to one; span P/R/F1")


def evaluate_loaded_language(documents: Iterable[SpanDocument],
                             pipeline: Pipeline | None = None, *, corpus: str = "ptc",
                             errors: int = 0, progress: bool = False,
                             bootstrap: int = 1000) -> Evaluation:
    """Run framekit's framing devices over ``documents``; score loaded language spans."""
    chosen = tuple(documents)
    mapping = mappings()["loaded_language"][corpus]
    devices, techniques = set(mapping["devices"]), set(mapping["techniques"])
    pipeline = pipeline or Pipeline(["framing"])
    kept = _Errors(errors)
    counts = []
    reports = _reports([d.text for d in chosen], pipeline, progress)
    for document, report in zip(chosen, reports, strict=True):
        predicted = _spans((c for c in report.framing.cues if c.category.value in devices),
                           lambda c: str(c.category.value))
        gold = tuple(s for s in document.spans if s.label in techniques)
        pairs = match_spans([p.fragments for p in predicted], [g.fragments for g in gold],
                            "overlap")
        kept.add_unmatched(document.id, document.text, predicted, gold, pairs)
        counts.append(Scores(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs)))
    total = sum(counts, Scores(0, 0, 0))
    measure = Measure.of("span", total, bootstrap_f1(counts, bootstrap) if bootstrap else None)
    return Evaluation("loaded-language", corpus, len(chosen), total.tp + total.fp,
                      total.tp + total.fn, (measure,), LOADED_RULE, kept.examples)


# --------------------------------------------------------------------- your own coding

CODING_RULE = ("framekit against each coder: article labels as multi-label P/R/F1, spans "
               "matched one to one on overlap (labels ignored); agreement per article label, "
               "and for spans per word (inside a marked span or not), with Cohen's kappa for "
               "each pair and Krippendorff's alpha (nominal)")

CodingTask = Literal["hedging", "attribution", "frames", "loaded-language"]


def evaluate_coding(documents: Sequence[CodedDocument], task: CodingTask,
                    pipeline: Pipeline | None = None, *, scheme: str = "generic",
                    progress: bool = False) -> Evaluation:
    """Compare framekit with your own coders, and the coders with one another.

    For ``frames`` the coders' article labels are compared with framekit's present
    frames of ``scheme`` (labels are framekit's frame names); for the other
    tasks the coders' spans are compared with framekit's hedges, attribution
    contents, or loaded-language and name-calling cues.

    Example:
        >>> from framekit.corpora import Coding
        >>> text = "Talks may fail. Prices rose."
        >>> docs = [CodedDocument("a", text, (
        ...     Coding("ann", (), (GoldSpan("hedge", ((6, 9),)),)),
        ...     Coding("bob", (), (GoldSpan("hedge", ((6, 9),)),))))]
        >>> result = evaluate_coding(docs, "hedging")
        >>> result.measure("framekit~ann").f1
        1.0
        >>> [(a.between, a.alpha) for a in result.agreement]
        [('framekit ~ ann', 1.0), ('framekit ~ bob', 1.0), ('ann ~ bob', 1.0),
         ('framekit + coders', 1.0)]
    """
    from framekit.analysers.framing import FramingAnalyser

    chosen = tuple(documents)
    if pipeline is None:
        pipeline = Pipeline([FramingAnalyser(scheme)] if task in ("frames", "loaded-language")
                            else [task])
    extract = _EXTRACT[task]
    reports = list(_reports([d.text for d in chosen], pipeline, progress))
    coders = list(dict.fromkeys(c.coder for d in chosen for c in d.codings))
    codings: dict[str, list[Any]] = {coder: [] for coder in ["framekit", *coders]}
    for document, report in zip(chosen, reports, strict=True):
        own = {c.coder: c for c in document.codings}
        codings["framekit"].append(extract(report))
        for coder in coders:
            coding = own.get(coder)
            codings[coder].append(None if coding is None else
                                  (coding.labels if task == "frames" else coding.spans))
    measures = tuple(_against(f"framekit~{coder}", codings["framekit"], codings[coder], task)
                     for coder in coders)
    units = _units(chosen, codings, task)
    return Evaluation(task, "own coding", len(chosen),
                      sum(len(x) for x in codings["framekit"]),
                      sum(len(x) for coder in coders for x in codings[coder] if x is not None),
                      measures, CODING_RULE, agreement=_agreement(units))


def _frames_of(report: Report) -> tuple[str, ...]:
    return tuple(report.framing.present)


def _hedges_of(report: Report) -> tuple[GoldSpan, ...]:
    return _spans(report.hedging.hedges, lambda c: str(c.type))


def _contents_of(report: Report) -> tuple[GoldSpan, ...]:
    return tuple(GoldSpan("content", tuple((p.start, p.end) for p in a.parts)
                          or ((a.content.start, a.content.end),))
                 for a in report.attribution.attributions)


def _loaded_of(report: Report) -> tuple[GoldSpan, ...]:
    devices = set(mappings()["loaded_language"]["ptc"]["devices"])
    return _spans((c for c in report.framing.cues if c.category.value in devices),
                  lambda c: str(c.category.value))


_EXTRACT: dict[str, Callable[[Report], Any]] = {
    "frames": _frames_of, "hedging": _hedges_of, "attribution": _contents_of,
    "loaded-language": _loaded_of}


def _against(name: str, predicted: Sequence[Any], coded: Sequence[Any], task: str) -> Measure:
    pairs = [(p, c) for p, c in zip(predicted, coded, strict=True) if c is not None]
    if task == "frames":
        table = label_scores([set(p) for p, _ in pairs], [set(c) for _, c in pairs])
        return attrs.evolve(table.measure("micro"), name=name)
    table = span_scores_many(pairs, "half" if task == "attribution" else "overlap",
                             labelled=False)
    return attrs.evolve(table.measure("micro"), name=name)


_TOKEN = re.compile(r"\S+")


def _units(documents: Sequence[CodedDocument], codings: dict[str, list[Any]],
           task: str) -> dict[str, dict[str, list[Hashable | None]]]:
    """Per measure, each coder's code of each unit (``None``: not coded)."""
    by_measure: dict[str, dict[str, list[Hashable | None]]] = {}
    if task == "frames":
        labels = sorted({x for coded in codings.values() for c in coded if c for x in c})
        for label in labels:
            by_measure[label] = {coder: [None if c is None else label in c for c in coded]
                                 for coder, coded in codings.items()}
        return by_measure
    rows: dict[str, list[Hashable | None]] = {coder: [] for coder in codings}
    for i, document in enumerate(documents):
        words = [(m.start(), m.end()) for m in _TOKEN.finditer(document.text)]
        for coder, coded in codings.items():
            spans = coded[i]
            rows[coder].extend(
                [None] * len(words) if spans is None else
                [any(_overlap(((s, e),), span.fragments) for span in spans) for s, e in words])
    return {"spans": rows}


def _agreement(units: dict[str, dict[str, list[Hashable | None]]]) -> tuple[Agreement, ...]:
    found = []
    for measure, rows in units.items():
        names = list(rows)
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                both = [(a, b) for a, b in zip(rows[first], rows[second], strict=True)
                        if a is not None and b is not None]
                if not both:
                    continue
                a, b = zip(*both, strict=True)
                found.append(Agreement(f"{first} ~ {second}", measure, len(both),
                                       cohen_kappa(a, b), krippendorff_alpha([a, b])))
        coders = [rows[name] for name in names if name != "framekit"]
        if len(coders) > 2:
            coded = sum(any(row[i] is not None for row in coders) for i in range(len(coders[0])))
            found.append(Agreement("coders", measure, coded, None, krippendorff_alpha(coders)))
        found.append(Agreement("framekit + coders", measure, len(rows[names[0]]), None,
                               krippendorff_alpha(list(rows.values()))))
    return tuple(found)
