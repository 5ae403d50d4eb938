"""General-purpose French tone, the anchors a reader would otherwise use.

vaderSentiment-fr (compound score in [-1, 1]) and textblob-fr (polarity in
[-1, 1]) know nothing of who does what to whom; their scores sit beside the
cooperation-conflict measure so the difference can be seen sentence by
sentence. :func:`tone_to_frame` maps a tone to the codebook's labels for the
validation (positive tone read as cooperation, negative as conflict).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

import numpy as np

ToneTool = Literal["vader", "textblob"]
#: Scores within ±THRESHOLD are neutral, as in VADER's own convention (0.05).
THRESHOLD = 0.05


@lru_cache(maxsize=1)
def _vader():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # fuzzywuzzy's "slow SequenceMatcher" notice
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _textblob():
    from textblob import Blobber
    from textblob_fr import PatternAnalyzer, PatternTagger

    return Blobber(pos_tagger=PatternTagger(), analyzer=PatternAnalyzer())


def tone(texts: Iterable[str], tool: ToneTool) -> np.ndarray:
    """Tone of each text with ``tool``, as floats in [-1, 1]."""
    if tool == "vader":
        analyzer = _vader()
        return np.array([analyzer.polarity_scores(t)["compound"] for t in texts], dtype=float)
    if tool == "textblob":
        # the analyzer a TextBlob's .sentiment calls on its raw text, without building the blob
        analyze = _textblob().analyzer.analyze
        return np.array([analyze(t)[0] for t in texts], dtype=float)
    raise ValueError(f"unknown tone tool {tool!r}; expected 'vader' or 'textblob'")


def tone_to_frame(scores: np.ndarray, threshold: float = THRESHOLD) -> tuple[np.ndarray, np.ndarray]:
    """Map tone to (coop, conf) 0/1 arrays: positive → coop, negative → conf."""
    scores = np.asarray(scores, dtype=float)
    return (scores > threshold).astype(int), (scores < -threshold).astype(int)
