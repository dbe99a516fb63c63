r"""Balance indices: how evenly a quantity is spread over groups.

Both indices take one non-negative number per group (sources, attributions or
quoted words of each side of a story) and include the groups that got nothing:
a side that is not heard at all is the imbalance they are meant to show.

* :func:`evenness`, the normalised Shannon entropy (Pielou's evenness), is 1
  when every group has the same amount and 0 when one group has everything;
* :func:`gini`, the Gini coefficient, is 0 when every group has the same
  amount and :math:`(k-1)/k` when one of :math:`k` groups has everything.

Neither says anything with fewer than two groups, or when no group has
anything, so both give ``None`` there rather than a number that would read as
"perfectly balanced" or "perfectly unbalanced".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["evenness", "gini"]


def evenness(values: Sequence[float]) -> float | None:
    r"""Normalised Shannon entropy (Pielou's evenness) of the amounts of :math:`k` groups.

    .. math::

        p_i = \frac{x_i}{\sum_j x_j}, \qquad
        H = \sum_{i:\,p_i > 0} p_i \ln \frac{1}{p_i}, \qquad
        J = \frac{H}{\ln k}

    Groups with nothing add nothing to :math:`H` but count in :math:`k`.

    Returns:
        :math:`J` between 0 (one group has everything) and 1 (all equal), or
        ``None`` with fewer than two groups or when the amounts sum to 0.

    Raises:
        ValueError: an amount is negative.

    Example:
        Three sources for one side, one for another, two sides not heard:

        >>> evenness([3, 1, 0, 0])
        0.4056...
        >>> evenness([2, 2]), evenness([5, 0]), evenness([5]), evenness([0, 0])
        (1.0, 0.0, None, None)
    """
    total = _total(values)
    if total is None:
        return None
    entropy = sum(x / total * math.log(total / x) for x in values if x > 0)
    return entropy / math.log(len(values))


def gini(values: Sequence[float]) -> float | None:
    r"""Gini coefficient of the amounts of :math:`k` groups.

    .. math::

        G = \frac{\sum_{i=1}^{k} \sum_{j=1}^{k} |x_i - x_j|}{2 k \sum_{i=1}^{k} x_i}

    the mean absolute difference between groups over twice the mean amount.

    Returns:
        :math:`G` between 0 (all equal) and :math:`(k-1)/k` (one group has
        everything), or ``None`` with fewer than two groups or when the
        amounts sum to 0.

    Raises:
        ValueError: an amount is negative.

    Example:
        >>> gini([3, 1, 0, 0])  # three sources for one side, one for another, two not heard
        0.625
        >>> [gini(amounts) for amounts in ([2, 2], [5, 0], [5], [0, 0])]
        [0.0, 0.5, None, None]
    """
    total = _total(values)
    if total is None:
        return None
    differences = sum(abs(a - b) for a in values for b in values)
    return differences / (2 * len(values) * total)


def _total(values: Sequence[float]) -> float | None:
    """The sum of the amounts, or ``None`` when no index can be computed from them."""
    if any(x < 0 for x in values):
        raise ValueError(f"amounts must not be negative: {list(values)}")
    total = sum(values)
    return total if len(values) >= 2 and total > 0 else None
