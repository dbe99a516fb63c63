"""Argument types and options shared by framekit's commands.

Example:
    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> _ = parser.add_argument("--limit", type=at_least(0))
    >>> add_progress_argument(parser)
    >>> parser.parse_args(["--limit", "3", "--no-progress"])
    Namespace(limit=3, progress=False)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

__all__ = ["add_progress_argument", "at_least", "wants_progress"]


def at_least(minimum: int, *, also: int | None = None,
             meaning: str = "") -> Callable[[str], int]:
    """An argparse type for whole numbers of ``minimum`` or more (or the one value ``also``).

    Example:
        >>> processes = at_least(1, also=-1, meaning="one per core")
        >>> processes("2"), processes("-1")
        (2, -1)
        >>> processes("0")
        Traceback (most recent call last):
        argparse.ArgumentTypeError: must be 1 or more, or -1 for one per core, not 0
    """
    allowed = f"{minimum} or more" + ("" if also is None else f", or {also} for {meaning}")

    def whole_number(value: str) -> int:
        number = int(value)
        if number < minimum and number != also:
            raise argparse.ArgumentTypeError(f"must be {allowed}, not {number}")
        return number

    whole_number.__name__ = "whole number"  # argparse: "invalid whole number value: 'x'"
    return whole_number


def add_progress_argument(parser: argparse.ArgumentParser,
                          default: str = "when standard error is a terminal") -> None:
    """Add ``--progress/--no-progress``: a progress bar on standard error."""
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction,
                        help=f"show a progress bar on standard error (default: {default})")


def wants_progress(args: argparse.Namespace, *, several: bool = True) -> bool:
    """Whether to show the bar: as ``--progress`` says, else for ``several`` items on a terminal."""
    chosen: bool | None = args.progress
    return chosen if chosen is not None else several and sys.stderr.isatty()
