"""The worked examples run as a reader runs them, from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "plot_custom_analyser.py"

pytestmark = pytest.mark.slow


def run(script: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=600, check=False)


@pytest.mark.parametrize("cwd", [ROOT, ROOT / "examples"], ids=["from the root", "from examples"])
def test_an_example_finds_its_articles_from_anywhere(cwd: Path) -> None:
    done = run(EXAMPLE.relative_to(cwd), cwd)
    assert done.returncode == 0, done.stderr
    assert "\nalaska-summit: " in done.stdout and "\npeace-talks-column: " in done.stdout


def test_an_example_without_its_articles_says_so(tmp_path: Path) -> None:
    alone = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, alone)
    done = run(alone, tmp_path)
    assert done.returncode == 1
    assert done.stderr == (f"cannot find the example articles in {tmp_path / 'articles'}: run "
                           "this script where it stands in the framekit repository, with its "
                           "articles/ folder beside it\n")
