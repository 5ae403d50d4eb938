"""The scorer's configuration as one picklable object: mode, lexicon and actor tables.

``framing score --lexicon FILE --actors FILE`` and ``analysis.score(...,
lexicon=, actors=)`` build a :class:`ScorerConfig`. The single-process path,
the ``--jobs N`` workers and the Dask workers all score with
:meth:`ScorerConfig.scorer`, so every engine uses the same tables.

Provenance: ``articles.lexicon_version`` is the packaged lexicon's version, or
``custom:`` and the first 12 hex digits of :func:`analysis.lexicon.table_digest`
for a user's lexicon; a user's actor table adds ``;actors=custom:<12 hex>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

import pandas as pd

from . import lexicon as lx
from .scoring import FrameScorer, Mode

TableSource = str | Path | pd.DataFrame | None


@dataclass(frozen=True)
class ScorerConfig:
    """Mode and tables of a scorer; ``lexicon``/``actors`` are a path, a DataFrame or None (packaged).

    The tables are read and validated once, when the object is made; equality
    and hashing go by the mode and the tables' digests.
    """

    mode: Mode = "full"
    lexicon: TableSource = field(default=None, repr=False, compare=False)
    actors: TableSource = field(default=None, repr=False, compare=False)
    lexicon_sha: str = field(default="", init=False)
    actors_sha: str = field(default="", init=False)

    def __post_init__(self) -> None:
        if self.mode not in get_args(Mode):
            raise ValueError(f"mode must be 'full', 'fast' or 'lexical', got {self.mode!r}")
        for kind in ("lexicon", "actors"):
            source = getattr(self, kind)
            if source is not None:
                table = lx.user_table(source, kind)
                object.__setattr__(self, kind, table)
                object.__setattr__(self, f"{kind}_sha", lx.table_digest(table, kind)[:12])

    def describe(self) -> dict[str, str]:
        """Mode and table versions (``custom:<12 hex>`` for a user's table), as recorded."""
        return {
            "mode": self.mode,
            "lexicon": f"custom:{self.lexicon_sha}" if self.lexicon_sha else lx.LEXICON_VERSION,
            "actors": f"custom:{self.actors_sha}" if self.actors_sha else lx.ACTORS_VERSION,
        }

    @property
    def lexicon_version(self) -> str:
        """The ``articles.lexicon_version`` cell."""
        info = self.describe()
        return info["lexicon"] + (f";actors={info['actors']}" if self.actors_sha else "")

    def scorer(self) -> FrameScorer:
        """The fitted scorer of this configuration, built once per process."""
        scorer = _SCORERS.get(self)
        if scorer is None:
            scorer = FrameScorer(mode=self.mode, lexicon=self.lexicon, actors=self.actors).fit()
            scorer.lexicon_version_ = self.lexicon_version  # fit says only "custom"
            _SCORERS[self] = scorer
        return scorer


_SCORERS: dict[ScorerConfig, FrameScorer] = {}
