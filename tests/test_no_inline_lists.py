"""No word list inline in rule code: lexical data lives in ``framekit/lexicons/``.

The package is parsed with :mod:`ast`; a set, list, tuple or frozenset literal
of more than :data:`MAX_WORDS` strings (or a dict of as many strings to
strings) in a rule module fails the test. Left out, each for a reason:

* literals whose every item is a spaCy annotation label (a part of speech, a
  fine tag, a dependency or entity label, an attribute name) or holds no letter
  (punctuation marks): these are the closed grammar of the parse, not English
  words;
* ``__all__``;
* modules that hold no linguistic rules (the command line, corpus readers and
  workflow, evaluation, display, serialisation, the lexicon loader).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from spacy.attrs import IDS
from spacy.glossary import GLOSSARY

PACKAGE = Path(__file__).resolve().parent.parent / "framekit"
#: More strings than this in one literal make it a word list.
MAX_WORDS = 5
#: Modules without linguistic rules: their string literals are field names, keys, options.
NOT_RULES = frozenset({"cli.py", "corpora.py", "display.py", "evaluate.py", "evaluate_cli.py",
                       "formats.py", "corpus", "lexicons"})


def _grammar(item: str) -> bool:
    """Whether a string is a label of the parse or punctuation, not a word."""
    return item in GLOSSARY or item in IDS or not any(c.isalpha() for c in item)


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)
                and isinstance(e.value, str)]
    if isinstance(node, ast.Dict):
        return [k.value for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
                and isinstance(v, ast.Constant) and isinstance(v.value, str)]
    return []


def _exported(tree: ast.Module) -> set[int]:
    """Ids of the ``__all__`` literals of a module."""
    return {id(node.value) for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
            and any(isinstance(t, ast.Name) and t.id == "__all__"
                    for t in (node.targets if isinstance(node, ast.Assign) else [node.target]))}


def _rule_modules() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.split("/")[0] not in NOT_RULES:
            yield path


def inline_lists(path: Path) -> list[str]:
    """Each word list inline in ``path``, as ``file:line: words``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exported = _exported(tree)
    return [f"{path.name}:{getattr(node, 'lineno', 0)}: {words}" for node in ast.walk(tree)
            if len(words := _strings(node)) > MAX_WORDS and id(node) not in exported
            and not all(map(_grammar, words))]


def test_the_check_finds_an_inline_word_list_and_passes_over_grammar(tmp_path: Path) -> None:
    module = tmp_path / "rule.py"
    module.write_text('__all__ = ["a", "b", "c", "d", "e", "f"]\n'
                      'DEPS = {"nsubj", "dobj", "ccomp", "xcomp", "attr", "ROOT"}\n'
                      'MARKS = ("“", "”", "«", "»", "‘", "’")\n'
                      'def mute(word):\n'
                      '    return word in {"it", "this", "that", "these", "those", "there"}\n')
    [found] = inline_lists(module)
    assert found.startswith("rule.py:5:") and "'these'" in found


def test_no_word_list_inline_in_rule_code() -> None:
    modules = list(_rule_modules())
    assert any(path.name == "speakers.py" for path in modules)
    found = [item for path in modules for item in inline_lists(path)]
    assert found == [], "word lists belong in framekit/lexicons/:\n" + "\n".join(found)
