"""Every Python block of the README runs as pasted; the docs' Python blocks are doctested."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from .conftest import ROOT

README_BLOCKS = re.findall(r"^```python\n(.*?)^```$", (ROOT / "README.md").read_text("utf-8"),
                           flags=re.MULTILINE | re.DOTALL)
# Directives that show Python without running it; the doctest builder runs
# ``doctest``, ``testcode`` and ``testsetup`` blocks instead.
UNRUN = re.compile(r"^\s*\.\. (?:code-block|code|sourcecode):: *(?:python|py|pycon|ipython)\s*$",
                   re.MULTILINE)


def test_the_readme_has_python_blocks() -> None:
    assert len(README_BLOCKS) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("block", README_BLOCKS, ids=lambda b: b.splitlines()[-1][:40])
def test_a_readme_block_runs_as_pasted(block: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


def test_docs_show_no_python_they_do_not_run() -> None:
    pages = sorted(page for page in (ROOT / "docs").rglob("*.rst")
                   if not {"_build", "auto_examples"} & set(page.parts))
    assert pages
    unrun = [f"{page.relative_to(ROOT)}:{page.read_text('utf-8')[:m.start()].count(chr(10)) + 1}"
             for page in pages for m in UNRUN.finditer(page.read_text("utf-8"))]
    assert unrun == [], "use .. testcode:: or .. doctest:: for Python in the docs"
