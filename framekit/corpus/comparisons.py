"""Comparisons of groups of articles and of periods, with bootstrap intervals.

Each comparison reduces every analysed article to a numerator and a
denominator per category (attributions to a side and all attributions;
hedges in the writer's voice and the writer's words over 100; whether a frame
is present and 1), and a group's value is the ratio of their sums over the
group's articles: a **pooled** share or rate, in which a long article weighs
more than a short one, as in corpus linguistics. Means over articles
(readability, frame prevalence) are the case of a denominator of 1.

The interval is a percentile bootstrap over **articles**: the group's
articles are drawn with replacement as many times as ``resamples``, the
ratio computed on each draw, and the interval read off the draws'
percentiles. Articles, not cues, are resampled because cues of one article
are not independent. ``n_articles`` counts the articles with a non-zero
denominator (for naming, those that use the contested name at all).

Groups are the values of a metadata column (``by``), periods the weeks or
months of a date column (``every``), or both (one line per group over time).

=====================  =========================================================
comparison             value of each category
=====================  =========================================================
``voice_by_side``      share of the attributions to sources of each side
                       (``unassigned``: sources of no side)
``voice_by_type``      share of the attributions to named, anonymous and vague
                       sources
``quoted_share``       share of the words quoted from a speaker (``quoted``),
                       or in any attributed content (``attributed``)
``hedging_by_voice``   hedges and boosters per 100 words of each voice
``frame_prevalence``   share of the articles in which each frame is present
``naming``             share of the mentions of a contested name in each variant
``readability``        mean Flesch reading ease, Flesch–Kincaid grade, words per
                       sentence
=====================  =========================================================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs
import numpy as np
import numpy.typing as npt

from framekit._errors import CorpusError
from framekit.corpus.tables import CorpusTables

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["COMPARISONS", "Comparison", "bootstrap_ratio", "compare"]

Every = Literal["week", "month"]
_FREQUENCIES = {"week": "W", "month": "M"}
Floats = npt.NDArray[np.float64]
#: Numerators and denominators per article (index: article id; columns: categories).
Parts = tuple["pd.DataFrame", "pd.DataFrame"]
#: The columns of a comparison's table after its group columns.
COLUMNS = ("category", "value", "low", "high", "n_articles")


def bootstrap_ratio(numerators: npt.ArrayLike, denominators: npt.ArrayLike, *,
                    confidence: float = 0.95, resamples: int = 1000, seed: int = 0
                    ) -> tuple[Floats, Floats, Floats]:
    """Ratios of sums over rows and their percentile bootstrap intervals, resampling rows.

    Args:
        numerators: one row per article, one column per category (or a vector).
        denominators: the same shape.
        confidence: the interval's coverage.
        resamples: bootstrap draws.
        seed: seed of the random draws, so that a comparison is reproducible.

    Returns:
        The ratios, the intervals' lower and upper bounds, one per category
        (``nan`` where the denominators sum to 0).

    Example:
        Two articles: 2 hedges in 400 words, none in 100. Drawn with
        replacement they give 4/800, 2/500 or 0/200:

        >>> value, low, high = bootstrap_ratio([2, 0], [4, 1], resamples=2000)
        >>> float(value[0]), float(low[0]), float(high[0])
        (0.4, 0.0, 0.5)
    """
    num = np.asarray(numerators, dtype=float)
    den = np.asarray(denominators, dtype=float)
    if num.ndim == 1:
        num, den = num[:, None], den[:, None]
    if num.shape != den.shape:
        raise ValueError(f"numerators {num.shape} and denominators {den.shape} differ in shape")
    rows, categories = num.shape
    value = _divide(num.sum(axis=0), den.sum(axis=0))
    if rows == 0:
        empty = np.full(categories, np.nan)
        return value, empty, empty.copy()
    rng = np.random.default_rng(seed)
    block = max(1, min(resamples, 4_000_000 // rows))
    draws: list[Floats] = []
    done = 0
    while done < resamples:
        size = min(block, resamples - done)
        weights = rng.multinomial(rows, np.full(rows, 1 / rows), size=size).astype(float)
        draws.append(_divide(weights @ num, weights @ den))
        done += size
    stats = np.concatenate(draws)
    tail = (1 - confidence) / 2 * 100
    low, high = np.full(categories, np.nan), np.full(categories, np.nan)
    some = ~np.isnan(stats).all(axis=0)
    if some.any():
        low[some], high[some] = np.nanpercentile(stats[:, some], [tail, 100 - tail], axis=0)
    return value, low, high


def _divide(parts: Floats, wholes: Floats) -> Floats:
    """``parts / wholes``, ``nan`` where a whole is 0."""
    out = np.full(np.broadcast(parts, wholes).shape, np.nan)
    np.divide(parts, wholes, out=out, where=wholes != 0)
    return out


@attrs.frozen(eq=False)
class Comparison:
    """One comparison of groups or periods: a table and its figure.

    Attributes:
        name: the comparison's key in :data:`COMPARISONS`.
        title: a heading for it.
        unit: what the values are (the axis label).
        table: one row per group (and period) and category: the group columns,
            then ``category``, ``value``, ``low`` and ``high`` (the bootstrap
            interval) and ``n_articles``.
        by: the metadata column the groups are values of, if any.
        every: the period of the time buckets (``week``, ``month``), if any;
            their first day is in the ``period`` column.
        confidence: the intervals' coverage.
        separate: whether each category is drawn on an axis of its own
            (categories on different scales).
    """

    name: str
    title: str
    unit: str
    table: pd.DataFrame
    by: str | None
    every: str | None
    confidence: float
    separate: bool = False

    @property
    def groups(self) -> list[str]:
        """The group columns of :attr:`table`: ``by`` and ``period`` where used."""
        return [c for c in (self.by, "period" if self.every else None) if c is not None]

    def plot(self, ax: object = None) -> Figure:
        """The comparison as a matplotlib figure (see :mod:`framekit.corpus.plots`)."""
        from framekit.corpus.plots import plot_comparison

        return plot_comparison(self, ax=ax)


def _voice_by_side(tables: CorpusTables) -> Parts | None:
    sources = tables.sources
    if sources.empty or sources["side"].isna().all():
        return None
    side = sources["side"].astype(object).where(sources["side"].notna(), "unassigned")
    return _shares(sources.assign(category=side), "attributions")


def _voice_by_type(tables: CorpusTables) -> Parts | None:
    sources = tables.sources
    if sources.empty:
        return None
    kinds = {"person": "named", "organisation": "named"}
    kind = sources["type"].astype(str).map(lambda t: kinds.get(t, t))
    return _shares(sources.assign(category=kind), "attributions")


def _shares(rows: pd.DataFrame, counted: str) -> Parts:
    """Each category's ``counted`` over the article's total, per article."""
    num = _pivot(rows, "category", counted, "sum", 0)
    return num, _spread(num, {str(c): list(num.columns) for c in num.columns})


def _pivot(rows: pd.DataFrame, columns: str, values: str, how: Literal["sum", "max"],
           empty: int | bool) -> pd.DataFrame:
    """Articles by ``columns`` values, as floats with plain string column names."""
    table = rows.pivot_table(index="id", columns=columns, values=values, aggfunc=how,
                             fill_value=empty, observed=True).astype(float)
    table.columns = [str(c) for c in table.columns]
    return table


def _spread(num: pd.DataFrame, wholes: Mapping[str, list[str]]) -> pd.DataFrame:
    """Denominators: for each column, the sum of the columns of its whole."""
    import pandas as pd

    return pd.DataFrame({c: num[wholes[c]].sum(axis=1) for c in num.columns}, index=num.index)


def _from_figures(tables: CorpusTables, pairs: Mapping[str, tuple[str, str | float]]
                  ) -> Parts | None:
    """Numerators and denominators from the ``articles`` figures: category → (num, den)."""
    import pandas as pd

    articles = tables.analysed.set_index("id")
    columns = {c for pair in pairs.values() for c in pair if isinstance(c, str)}
    if not columns <= set(articles.columns):
        return None
    num = pd.DataFrame({cat: articles[n] for cat, (n, _) in pairs.items()}, dtype=float)
    den = pd.DataFrame({cat: articles[d] if isinstance(d, str) else d
                        for cat, (_, d) in pairs.items()}, index=articles.index, dtype=float)
    missing = num.isna()
    return num.mask(missing, 0.0), den.mask(missing, 0.0)


def _quoted_share(tables: CorpusTables) -> Parts | None:
    return _from_figures(tables, {
        "quoted": ("attribution.quoted_words", "attribution.words"),
        "attributed": ("attribution.attributed_words", "attribution.words")})


def _hedging_by_voice(tables: CorpusTables) -> Parts | None:
    parts = _from_figures(tables, {
        f"{kind}, {voice}": (f"hedging.by_voice.{voice}.{kind}", f"hedging.by_voice.{voice}.words")
        for kind in ("hedges", "boosters") for voice in ("author", "quoted", "reported")})
    return None if parts is None else (parts[0] * 100, parts[1])


def _readability(tables: CorpusTables) -> Parts | None:
    return _from_figures(tables, {
        "Flesch reading ease": ("readability.flesch_reading_ease", 1.0),
        "Flesch–Kincaid grade": ("readability.flesch_kincaid_grade", 1.0),
        "words per sentence": ("readability.words_per_sentence", 1.0)})


def _frame_prevalence(tables: CorpusTables) -> Parts | None:
    frames = tables.frames
    if frames.empty:
        return None
    num = _pivot(frames, "frame", "present", "max", False)
    return num, num.mask(num.notna(), 1.0)


def _naming(tables: CorpusTables) -> Parts | None:
    naming = tables.naming
    if naming.empty:
        return None
    num = _pivot(naming, "variant", "count", "sum", 0)
    pairs = naming[["variant", "group"]].astype(str).drop_duplicates("variant")
    rivals = pairs.groupby("group")["variant"].agg(list)
    return num, _spread(num, {v: rivals[g] for v, g in zip(pairs["variant"], pairs["group"],
                                                           strict=True)})


#: Every comparison: name → (title, unit, per-article parts, categories on separate axes).
COMPARISONS: Mapping[str, tuple[str, str, Callable[[CorpusTables], Parts | None], bool]] = {
    "voice_by_side": ("Share of voice by side", "share of attributions", _voice_by_side,
                      False),
    "voice_by_type": ("Share of voice by source type", "share of attributions",
                      _voice_by_type, False),
    "quoted_share": ("Quoted and attributed words", "share of the words", _quoted_share,
                     False),
    "hedging_by_voice": ("Hedges and boosters by voice", "per 100 words of the voice",
                         _hedging_by_voice, False),
    "frame_prevalence": ("Frame prevalence", "share of articles with the frame present",
                         _frame_prevalence, False),
    "naming": ("Naming variants", "share of the mentions of the contested name", _naming,
               False),
    "readability": ("Readability", "mean per article", _readability, True),
}


def compare(tables: CorpusTables, by: str | None = None, *, every: Every | None = None,
            date_column: str = "date", what: Sequence[str] | None = None,
            confidence: float = 0.95, resamples: int = 1000, seed: int = 0
            ) -> list[Comparison]:
    """Compare the analysed articles by a metadata column and/or by weeks or months.

    Args:
        tables: the tables of a corpus run (:func:`~framekit.corpus.read_tables`).
        by: the metadata column whose values are the groups; none for the
            corpus as one group (or for periods alone).
        every: ``"week"`` or ``"month"`` to bucket the articles by ``date_column``.
        date_column: the date column for ``every``.
        what: names of :data:`COMPARISONS` to make; all by default. A
            comparison with nothing to compare (no sides given, no naming
            found) is left out.
        confidence: the intervals' coverage.
        resamples: bootstrap draws per group.
        seed: seed of the draws.

    Raises:
        CorpusError: an unknown column, comparison or period.

    Example:
        >>> import pandas as pd
        >>> from framekit import Pipeline
        >>> from framekit.corpus import read_corpus, analyse_corpus
        >>> import tempfile
        >>> corpus = read_corpus(pd.DataFrame({"outlet": ["A", "A", "B"], "text": [
        ...     "Talks may resume on Monday.", "Talks will clearly fail.",
        ...     "It is perhaps the end, he said."]}))
        >>> tables = analyse_corpus(corpus, tempfile.mkdtemp(), pipeline=Pipeline(["hedging"]))
        >>> hedging, = compare(tables, "outlet", what=["hedging_by_voice"])
        >>> print(hedging.table.query("category.str.startswith('hedges')").to_string(index=False))
        outlet         category     value  low  high  n_articles
             A   hedges, author 11.111111  0.0  20.0           2
             B   hedges, author  0.000000  0.0   0.0           1
             B hedges, reported 20.000000 20.0  20.0           1

        Outlet A's writers hedge once in 9 words (11 per 100); B's hedge is
        in reported speech (*perhaps …, he said*).
    """
    unknown = sorted(set(what or ()) - set(COMPARISONS))
    if unknown:
        raise CorpusError(f"no comparison {unknown[0]!r}; the comparisons are "
                          f"{', '.join(COMPARISONS)}")
    keys = _group_keys(tables, by, every, date_column)
    made = []
    for name in what or COMPARISONS:
        title, unit, parts_of, separate = COMPARISONS[name]
        parts = parts_of(tables)
        if parts is None:
            continue
        table = _grouped(parts, keys, confidence, resamples, seed)
        made.append(Comparison(name, title, unit, table, by, every, confidence, separate))
    return made


def _group_keys(tables: CorpusTables, by: str | None, every: Every | None,
                date_column: str) -> pd.DataFrame:
    """The group columns of each analysed article, indexed by id."""
    import pandas as pd

    articles = tables.analysed.set_index("id")
    keys = pd.DataFrame(index=articles.index)
    for column in (by, date_column if every else None):
        if column is not None and column not in articles.columns:
            metadata = [c for c in tables.articles.columns
                        if c not in {"id", "error"} and "." not in c]
            raise CorpusError(f"no metadata column {column!r}; the metadata columns are "
                              f"{', '.join(map(repr, metadata)) or 'none'}")
    if by is not None:
        keys[by] = articles[by]
    if every is not None:
        if every not in _FREQUENCIES:
            raise CorpusError(f"every must be 'week' or 'month', not {every!r}")
        dates = articles[date_column]
        if not pd.api.types.is_datetime64_any_dtype(dates):
            raise CorpusError(f"the column {date_column!r} holds no dates")
        keys["period"] = dates.dt.to_period(_FREQUENCIES[every]).dt.start_time
    return keys.dropna()


def _grouped(parts: Parts, keys: pd.DataFrame, confidence: float, resamples: int,
             seed: int) -> pd.DataFrame:
    import pandas as pd

    num, den = parts
    num = num.reindex(keys.index, fill_value=0.0)
    den = den.reindex(keys.index, fill_value=0.0)
    columns = list(keys.columns)
    groups = ([(key, part.index) for key, part in keys.groupby(columns, observed=True, sort=True)]
              if columns else [((), keys.index)])
    rows = []
    for key, index in groups:
        labels = key if isinstance(key, tuple) else (key,)
        g_num, g_den = num.loc[index].to_numpy(), den.loc[index].to_numpy()
        value, low, high = bootstrap_ratio(g_num, g_den, confidence=confidence,
                                           resamples=resamples, seed=seed)
        counts = (g_den > 0).sum(axis=0)
        for i, category in enumerate(num.columns):
            rows.append((*labels, str(category), value[i], low[i], high[i], int(counts[i])))
    table = pd.DataFrame(rows, columns=[*keys.columns, *COLUMNS])
    return table[table["n_articles"] > 0].reset_index(drop=True)
