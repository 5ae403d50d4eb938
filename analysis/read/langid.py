"""Language of a paragraph, from spaCy's stop word lists (no model)."""

from __future__ import annotations

import re
from functools import lru_cache

# ---------------------------------------------------------------- language

@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset[str]]:
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR
    from spacy.lang.it.stop_words import STOP_WORDS as IT

    return {"fr": frozenset(FR), "en": frozenset(EN), "es": frozenset(ES),
            "de": frozenset(DE), "it": frozenset(IT)}


@lru_cache(maxsize=1)
def _stop_word_langs() -> dict[str, tuple[str, ...]]:
    """Each stop word and the languages whose list has it (counting in one pass)."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, words in _stop_words().items():
        for w in words:
            index[w] = index.get(w, ()) + (lang,)
    return index


#: How many more stop words another language needs to win over French.
FRENCH_MARGIN = 2

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def detect_language(text: str, min_words: int = 5) -> str:
    """Guess a paragraph's language from its share of each language's stop words.

    Deterministic and fast (no model); ``"und"`` when the paragraph has too few
    words to say. Stop word lists are spaCy's.
    """
    words = [w.lower().split("'")[-1] for w in _WORD.findall(text)]
    if len(words) < min_words:
        return "und"
    scores = dict.fromkeys(_stop_words(), 0)
    index = _stop_word_langs()
    for w in words:
        for lang in index.get(w, ()):
            scores[lang] += 1
    best = max(scores, key=lambda k: (scores[k], k == "fr"))
    if scores[best] < max(1, len(words) // 10):
        return "und"
    # A paragraph with French stop words stays French unless another language leads by
    # two: quoted English words inside French prose are common, and single words sit in
    # other lists too (Spanish "embargo" = however: "Washington a décrété un embargo
    # contre la Russie").
    if scores["fr"] and scores[best] - scores["fr"] < FRENCH_MARGIN:
        return "fr"
    return best
