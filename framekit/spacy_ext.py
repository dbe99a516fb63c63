"""What framekit adds to the spaCy pipelines it loads.

``framekit_paragraphs`` starts a new sentence after every line break, so that a
headline, a photo caption or a byline never runs into the next paragraph's first
sentence. :func:`adapt_tokenizer` splits scraped-text debris off words: the
angle brackets of HTML tags (``<b>may</b>``) and invisible characters such as
zero-width spaces and soft hyphens, which would otherwise glue themselves to a
word and hide it from the lexicons. :func:`framekit.load_pipeline` applies both
to every pipeline it loads by name; apply them yourself to a ``Language`` you
build::

    nlp.add_pipe("framekit_paragraphs", before="parser")
    adapt_tokenizer(nlp)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

__all__ = ["PARAGRAPHS", "adapt_tokenizer", "paragraph_boundaries"]

PARAGRAPHS = "framekit_paragraphs"

#: Characters split off words: HTML angle brackets and invisible formatting characters.
DEBRIS = r"[<>\u200b\u200c\u200d\u2060\ufeff\u00ad]"


def adapt_tokenizer(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer split :data:`DEBRIS` characters off words.

    A custom tokenizer that is not a spaCy ``Tokenizer`` is left as it is.

    Example:
        >>> from framekit import load_pipeline
        >>> [t.text for t in load_pipeline()("the deal <b>may</b> hold")]
        ['the', 'deal', '<', 'b', '>', 'may', '<', '/b', '>', 'hold']
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    defaults = nlp.Defaults
    tokenizer.prefix_search = compile_prefix_regex([*(defaults.prefixes or ()), DEBRIS]).search
    tokenizer.suffix_search = compile_suffix_regex([*(defaults.suffixes or ()), DEBRIS]).search
    tokenizer.infix_finditer = compile_infix_regex([*(defaults.infixes or ()), DEBRIS]).finditer


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after each line break as the start of a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc
