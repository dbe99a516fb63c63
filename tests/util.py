"""Test helpers: parses built by hand, so that rule code is tested apart from the model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from framekit.analysers.attribution import Attribution, AttributionResult
from framekit.article import Article

#: One token: word, lemma, coarse tag, fine tag, dependency label, head index, entity tag.
Token = tuple[str, str, str, str, str, int, str]


#: A vocabulary with English lexical attributes (lower case, shape, stop words).
_VOCAB: Vocab = spacy.blank("en").vocab


def hand_parse(tokens: list[Token], *, spaces: list[bool] | None = None) -> Doc:
    """A ``Doc`` with the given annotation, as if a parser had produced it.

    Heads are absolute token indices; entity tags are IOB with a label (``B-PERSON``)
    or ``O``. Words are separated by single spaces unless ``spaces`` says otherwise;
    a punctuation mark takes no space before it.

    Example:
        >>> doc = hand_parse([("Talks", "talk", "NOUN", "NNS", "nsubj", 1, "O"),
        ...                   ("failed", "fail", "VERB", "VBD", "ROOT", 1, "O")])
        >>> doc.text, doc[0].head.text, doc[1].dep_
        ('Talks failed', 'failed', 'ROOT')
    """
    words = [token[0] for token in tokens]
    if spaces is None:
        spaces = [i + 1 < len(tokens) and tokens[i + 1][2] != "PUNCT"
                  for i in range(len(tokens))]
    return Doc(_VOCAB, words=words, spaces=spaces,
               lemmas=[token[1] for token in tokens], pos=[token[2] for token in tokens],
               tags=[token[3] for token in tokens], deps=[token[4] for token in tokens],
               heads=[token[5] for token in tokens], ents=[token[6] for token in tokens])


def hand_article(tokens: list[Token], *, spaces: list[bool] | None = None) -> Article:
    """:func:`hand_parse` wrapped in an :class:`~framekit.article.Article`."""
    return Article(hand_parse(tokens, spaces=spaces))


def only(result: AttributionResult) -> Attribution:
    """The one attribution of ``result``, failing the test if there are none or several."""
    assert len(result.attributions) == 1, result.attributions
    return result.attributions[0]
