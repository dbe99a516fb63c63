"""Figures of comparisons: bars with intervals for groups, lines over time.

:func:`plot_comparison` draws a :class:`~framekit.corpus.comparisons.Comparison`:

* groups without periods: one cluster of bars per group, a bar per category,
  each with its bootstrap interval as an error bar;
* periods: a line per category (or, with groups, one axis per category and a
  line per group), the interval as a shaded band;
* categories on different scales (readability): one axis each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from framekit.corpus.comparisons import Comparison

__all__ = ["plot_comparison"]

_COLUMNS = 3


def plot_comparison(comparison: Comparison, ax: Any = None) -> Figure:
    r"""Draw ``comparison``; on ``ax`` if given (one axis only), else on a new figure.

    Example:
        >>> import pandas as pd
        >>> from framekit.corpus.comparisons import Comparison
        >>> table = pd.DataFrame({"outlet": ["A", "B"], "category": ["quoted"] * 2,
        ...                       "value": [0.2, 0.3], "low": [0.1, 0.2], "high": [0.3, 0.4],
        ...                       "n_articles": [5, 4]})
        >>> figure = plot_comparison(Comparison("quoted_share", "Quoted", "share", table,
        ...                                     "outlet", None, 0.95))
        >>> [text.get_text() for text in figure.axes[0].get_xticklabels()]
        ['A\n(n=5)', 'B\n(n=4)']
    """
    import matplotlib.pyplot as plt

    table = comparison.table
    categories = list(dict.fromkeys(table["category"]))
    over_time = comparison.every is not None
    panels = categories if comparison.separate or (over_time and comparison.by) else [None]
    if ax is not None:
        if len(panels) > 1:
            raise ValueError(f"{comparison.name} needs {len(panels)} axes; give no ax")
        figure: Figure = ax.figure
        axes = [ax]
    else:
        columns = min(_COLUMNS, len(panels))
        rows = -(-len(panels) // columns)
        width = 7.5 if columns == 1 else 4.2 * columns
        figure, grid = plt.subplots(rows, columns, figsize=(width, 3.6 * rows), squeeze=False)
        axes = list(grid.flat)
        for extra in axes[len(panels):]:
            extra.set_visible(False)
    intervals = f"{comparison.confidence:.0%} bootstrap intervals"
    for axis, panel in zip(axes, panels, strict=False):
        shown = table if panel is None else table[table["category"] == panel]
        if over_time:
            _lines(axis, shown, comparison.by)
        else:
            _bars(axis, shown, comparison.by)
        axis.set_title(f"{comparison.title} ({intervals})" if panel is None else panel,
                       fontsize=10)
        axis.set_ylabel("" if comparison.separate else comparison.unit, fontsize=9)
    if len(panels) > 1:
        figure.suptitle(f"{comparison.title}: {comparison.unit} ({intervals})", fontsize=11)
    if ax is None:
        figure.tight_layout()
    return figure


def _bars(axis: Axes, table: pd.DataFrame, by: str | None) -> None:
    """One cluster of bars per group, a bar per category, intervals as error bars.

    Without groups, one bar per category, named on the axis.
    """
    groups = list(dict.fromkeys(table[by])) if by else [None]
    categories = list(dict.fromkeys(table["category"]))
    clusters = by is not None
    width = 0.8 / len(categories) if clusters else 0.7
    for i, category in enumerate(categories):
        rows = table[table["category"] == category]
        rows = rows.set_index(by).reindex(groups) if by else rows
        values = rows["value"].to_numpy(dtype=float)
        errors = np.abs(np.vstack([values - rows["low"].to_numpy(dtype=float),
                                   rows["high"].to_numpy(dtype=float) - values]))
        positions = (np.arange(len(groups)) + (i - (len(categories) - 1) / 2) * width
                     if clusters else np.array([i]))
        axis.bar(positions, values, width, yerr=np.nan_to_num(errors), capsize=2,
                 label=category, color=None if clusters else "C0")
    if clusters:
        counts = table.groupby(by, observed=True, sort=False)["n_articles"].max()
        _ticks(axis, [f"{g}\n(n={counts.get(g, 0)})" for g in groups])
        if len(categories) > 1:
            axis.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    else:
        counts = table.set_index("category")["n_articles"]
        _ticks(axis, [f"{c}\n(n={counts[c]})" for c in categories])


def _ticks(axis: Axes, labels: list[str]) -> None:
    """Name the bars, slanted when there are many."""
    crowded = len(labels) > 4
    axis.set_xticks(np.arange(len(labels)), labels, fontsize=8,
                    rotation=35 if crowded else 0, ha="right" if crowded else "center")


def _lines(axis: Axes, table: pd.DataFrame, by: str | None) -> None:
    """A line per group (or per category), intervals as shaded bands."""
    column = by if by else "category"
    for label, rows in table.groupby(column, observed=True, sort=False):
        rows = rows.sort_values("period")
        line, = axis.plot(rows["period"], rows["value"], marker="o", markersize=3,
                          label=str(label))
        axis.fill_between(rows["period"], rows["low"].to_numpy(dtype=float),
                          rows["high"].to_numpy(dtype=float), alpha=0.15,
                          color=line.get_color())
    axis.tick_params(axis="x", labelrotation=30, labelsize=8)
    axis.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
