"""Types shared across the package (a bottom layer: imports nothing from ``analysis``)."""

from __future__ import annotations

from typing import Literal

#: How sentences are scored: ``full`` and ``fast`` parse with spaCy (see :mod:`analysis.nlp`),
#: ``lexical`` matches the lexicon on the text without a parser.
Mode = Literal["full", "fast", "lexical"]
#: The spaCy pipelines of :mod:`analysis.nlp` (the parsing modes of :data:`Mode`).
ParseMode = Literal["full", "fast"]
#: Where a text's title comes from: ``none`` (the reader's headline guess, or the metadata),
#: ``first-line`` (the first non-empty line of each text is its title, not body text).
TitleRule = Literal["none", "first-line"]
