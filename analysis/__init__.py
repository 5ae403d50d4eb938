"""Cooperation–conflict framing in French news: read, parse, score, compare, draw.

The pipeline's stages are one module each, and data flows one way through them:
:mod:`analysis.read` (reading and cleaning articles) → :mod:`analysis.nlp`
(language processing) → :mod:`analysis.scoring` (the scorer) →
:mod:`analysis.compare` (comparing outlets) → :mod:`analysis.figures`
(figures), with :mod:`analysis.cli` as the command line. :func:`score` runs
the first three on files, folders or a DataFrame with a ``text`` column, and
returns the three tables as DataFrames; :func:`score_text` does the same for
strings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["score", "score_text", "read_corpus", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import score, score_text
    from .read import read_corpus


def __getattr__(name: str) -> Any:
    """Import the heavy stages (spaCy) only when first used."""
    if name in ("score", "score_text"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "read_corpus":
        from .read import read_corpus

        return read_corpus
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
