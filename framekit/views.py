"""What a result shows of itself: marks over the text and a panel of figures.

Each :class:`~framekit.results.Result` says how it is seen through three hooks,
so that the HTML report, the command line and scikit-learn work for any
analyser, a plugin's included, without knowing its result type:
:meth:`~framekit.results.Result.marks` (stretches of the text to highlight),
:meth:`~framekit.results.Result.panel` (a box of figures and small tables
beside the article) and :meth:`~framekit.results.Result.features` (numbers
for machine learning). The classes here are plain data; :mod:`framekit.display`
draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from framekit.results import Scalar

__all__ = ["Bar", "Mark", "Panel", "Table", "clipped"]


@attrs.frozen
class Mark:
    """One highlighted stretch of the article.

    Attributes:
        start: offset of the first character marked.
        end: offset just past the last one.
        layer: the kind of mark (its CSS class is ``fk-`` and the layer); the
            built-in layers are listed in :data:`framekit.display.LAYERS`, any
            other is drawn with a neutral underline and listed in the legend.
        title: the tooltip.
        key: the same for every element one mark is drawn with.
    """

    start: int
    end: int
    layer: str
    title: str
    key: str


@attrs.frozen
class Bar:
    """A share drawn as a bar, with its label (the share as a percentage by default)."""

    share: float
    label: str | None = None


@attrs.frozen
class Table:
    """A small table of a panel: a caption, column headings and rows of cells.

    The first cell of each row is its heading; a cell is a scalar or a :class:`Bar`.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Scalar | Bar, ...], ...]
    caption: str = ""


@attrs.frozen
class Panel:
    """The box a result shows beside the article: a heading, figures and tables.

    Example:
        >>> Panel("Shouting", facts=(("capitals", 3),)).facts
        (('capitals', 3),)
    """

    heading: str
    facts: tuple[tuple[str, Scalar], ...] = ()
    tables: tuple[Table, ...] = ()


def clipped(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    Example:
        >>> clipped("Talks   may resume", width=10)
        'Talks may…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"
