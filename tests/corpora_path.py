"""Where the development corpora are, for the tests that read them (they skip without).

``FRAMEKIT_CORPORA`` names the folder; otherwise ``../shared/corpora`` from the
repository root, or from its parent folder (a git worktree one level down).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_CANDIDATES = [Path(os.environ["FRAMEKIT_CORPORA"])] if "FRAMEKIT_CORPORA" in os.environ else [
    ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora"]
CORPORA = next((path for path in _CANDIDATES if path.is_dir()), _CANDIDATES[0])
needs_corpora = pytest.mark.skipif(not CORPORA.is_dir(), reason=f"no corpora at {CORPORA}")
