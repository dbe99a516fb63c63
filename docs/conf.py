"""Sphinx configuration for framekit's documentation.

Built offline with warnings as errors::

    sphinx-build -W --keep-going -b html docs docs/_build/html
    sphinx-build -W --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import enum
import importlib
from pathlib import Path
from typing import Any

from docutils import nodes

import framekit

ROOT = Path(__file__).resolve().parent.parent

project = "framekit"
author = "framekit developers"
copyright = "framekit developers"
release = framekit.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx_gallery.gen_gallery",
]
# No intersphinx: the build runs offline and must not fetch inventories.

exclude_patterns = ["_build"]

# -- sphinx-gallery -------------------------------------------------------------
# The worked examples in ``examples/`` run at every build (from the project root,
# where they find ``examples/articles``), and their output and figures are
# embedded in the pages under ``auto_examples/``.
sphinx_gallery_conf = {
    "examples_dirs": str(ROOT / "examples"),
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"\.py$",
    "ignore_pattern": r"__init__\.py",
    "reset_modules_order": "both",
    "download_all_examples": False,
    "remove_config_comments": True,
    "abort_on_example_error": True,
    "matplotlib_animations": False,
}
default_role = "code"
nitpicky = False

# -- HTML -------------------------------------------------------------------
html_theme = "furo"
html_title = f"framekit {release}"
html_static_path: list[str] = []

# -- autodoc and napoleon -----------------------------------------------------
# Signatures carry the types (an attrs class shows its __init__ signature), and
# each class's "Attributes:" section becomes a compact "Variables" list of the
# fields with their annotated types (napoleon_use_ivar), not attribute entries
# of their own; the attrs slots have no docstring and are left out, so no field
# is described twice. Members follow the source order, not __all__'s.
autodoc_typehints = "signature"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True, "ignore-module-all": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_attr_annotations = True
napoleon_use_rtype = False

# -- doctest ------------------------------------------------------------------
# Every ``>>>`` example runs: the pages' ``.. doctest::`` blocks and the
# docstrings shown by autodoc (each API page loads its module's namespace in a
# hidden ``testsetup``). Examples read the example articles from the project
# root, as a reader who cloned the repository would.
doctest_global_setup = f"""
import importlib as _importlib
import os as _os
_os.chdir({str(ROOT)!r})

def use_namespace_of(module):
    # Give the examples that follow the names of ``module``, as pytest does.
    names = vars(_importlib.import_module(module))
    globals().update({{k: v for k, v in names.items() if not k.startswith("__")}})
"""
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)


def _resolve_by_import(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Send a reference to a name framekit imports or re-exports to where it is documented.

    framekit re-exports its public names at the top level (``framekit.Pipeline``)
    and its modules import each other's names (``Lexicon`` in the hedging
    module). The API reference documents each object once, in its defining
    module, so a reference by another path is resolved by importing it and
    following the object's ``__module__`` and ``__qualname__``.
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    module, cls = node.get("py:module"), node.get("py:class")
    candidates = [target] if target.startswith("framekit.") else []
    if module:
        candidates += [f"{module}.{cls}.{target}"] if cls else []
        candidates.append(f"{module}.{target}")
    for path in candidates:
        home = _home_of(path)
        if home and home != path:
            found = env.get_domain("py").resolve_xref(
                env, node.get("refdoc"), app.builder, node["reftype"], home, node, contnode)
            if found is not None:
                return found
    return None


def _home_of(path: str) -> str | None:
    """The defining ``module.qualname`` of the object at dotted ``path``, if importable."""
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for name in parts[cut:]:
                obj = getattr(obj, name)
        except AttributeError:
            return None
        home, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
        return f"{home}.{qualname}" if home and qualname else None
    return None


def _keep_enum_members(app: Any, what: str, name: str, obj: Any, skip: bool,
                       options: Any) -> bool | None:
    """Show every member of an enum (``CueKind.HEDGE``), docstring or not."""
    return False if isinstance(obj, enum.Enum) else None


def _drop_object_base(app: Any, doctree: nodes.document) -> None:
    """Drop the "Bases: object" line of plain classes (attrs results derive from nothing)."""
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if paragraph.astext() == "Bases: object":
            paragraph.parent.remove(paragraph)


def _protocol_signature(app: Any, what: str, name: str, obj: Any, options: Any,
                        signature: str | None, return_annotation: str | None) -> Any:
    """Show a ``Protocol`` without the meaningless ``(*args, **kwargs)``."""
    if what == "class" and getattr(obj, "_is_protocol", False):
        return "", return_annotation
    return None


def setup(app: Any) -> None:
    """Register the handlers above."""
    app.connect("missing-reference", _resolve_by_import)
    app.connect("autodoc-skip-member", _keep_enum_members)
    app.connect("doctree-read", _drop_object_base)
    app.connect("autodoc-process-signature", _protocol_signature)
