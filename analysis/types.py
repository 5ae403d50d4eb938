"""Types shared across the package (a bottom layer: imports nothing from ``analysis``)."""

from __future__ import annotations

from typing import Literal

#: How sentences are scored: ``full`` and ``fast`` parse with spaCy (see :mod:`analysis.nlp`),
#: ``lexical`` matches the lexicon on the text without a parser.
Mode = Literal["full", "fast", "lexical"]
#: The spaCy pipelines of :mod:`analysis.nlp` (the parsing modes of :data:`Mode`).
ParseMode = Literal["full", "fast"]
