"""Text helpers of the stance modules: normalisation, table cells, parsing, the scorer's tokens."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from .words import TRUE_FLAGS

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc

    from ..scoring.tokens import Tok


def normalise(text: str) -> str:
    """Same-length normalisation for matching and parsing: straight apostrophes, plain spaces."""
    return (text.replace("’", "'").replace("ʼ", "'").replace("\u00a0", " ").replace("\u202f", " ")
            .replace("\u2009", " "))


def as_text(x: object) -> str:
    """A table cell as a string ("" for a missing value)."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return ""
    return str(x)


def as_flag(x: object) -> bool:
    """A table cell read as a flag ("True", "1", "yes" …)."""
    return as_text(x).strip().lower() in TRUE_FLAGS


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parse normalised sentence texts with the full spaCy pipeline."""
    from ..nlp import load_pipeline

    nlp = load_pipeline("full")
    return list(nlp.pipe([normalise(t) for t in texts], batch_size=64))


def scorer_tokens(doc: Doc, quoted: Sequence[tuple[int, int]] = ()) -> list[Tok]:
    """The scorer's tokens of a parsed sentence, one per spaCy token, for its matcher and rules.

    ``quoted``: the sentence's character ranges inside quotation marks
    (:func:`analysis.stance.voice.quote_ranges`), which set each token's ``quoted``.
    """
    from ..scoring.tokens import sentence_tokens

    return sentence_tokens(doc[:], True, list(quoted))
