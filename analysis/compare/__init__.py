"""Comparing outlets: measures, uncertainty, vocabulary, actors, naming, wire copy, time.

Every function takes the scored tables (:class:`analysis.tables.Scored`:
``articles``, ``sentences``, ``dyads`` as documented in ``docs/tables.md``) and
returns a pandas DataFrame whose columns are listed in its docstring. Only
articles with status ``ok`` are compared. The outlet is the ``outlet`` column
(the first publisher, never the host); an empty outlet is :data:`UNKNOWN_OUTLET`.

Why so much bookkeeping: the seed corpus has one article per outlet. Every
outlet-level figure therefore carries ``n_articles`` and ``n_sentences`` and a
plain-language ``warning`` when an outlet has fewer than :data:`MIN_ARTICLES`
articles, and every outlet function takes ``include_wire`` so that agency copy
(whose framing is the agency's, not the outlet's) can be left out.

Outlet figures pool sentences: an outlet's cooperative share is its cooperative
body sentences over all its body sentences (long articles weigh more), which
is what the cluster bootstrap in :func:`bootstrap_outlets` resamples.

The modules, one concern each: :mod:`.common` (outlet names and order, the
small-n warning, the rows compared), :mod:`.dates` (best-known dates),
:mod:`.wire` (agency copy and near-duplicates), :mod:`.selection` (the
articles a comparison keeps), :mod:`.measures` (per article and per outlet),
:mod:`.uncertainty` (cluster bootstrap, permutation tests), :mod:`.vocabulary`
(distinctive terms), :mod:`.actors` (actor network, naming) and
:mod:`.coalitions` (a coalition's dyads counted for its members, codebook D17:
the ``coalitions="named"|"via"`` option of the pair and RUS–USA measures). Every public
name is re-exported here (import from ``analysis.compare``), and so are
``_text`` and ``_ok_articles``, which :mod:`analysis.figures` uses.
"""

from __future__ import annotations

from .actors import (
    NOT_NAMES,
    actor_naming,
    actor_network,
)
from .coalitions import (
    COALITION_MODES,
    Coalitions,
    expand_coalitions,
)
from .common import (
    MIN_ARTICLES,
    UNKNOWN_OUTLET,
    _ok_articles,
    _text,
    outlet_names,
    small_n_warning,
    sort_outlets,
)
from .dates import (
    best_dates,
)
from .measures import (
    article_measures,
    headline_measures,
    outlet_measures,
    speaker_counts,
    voice_measures,
)
from .selection import (
    outlet_order,
)
from .uncertainty import (
    BOOT_MEASURES,
    Measure,
    bootstrap_outlets,
    permutation_test,
    permutation_tests,
)
from .vocabulary import (
    distinctive_terms,
    lemma_counts,
    weighted_log_odds,
)
from .wire import (
    SHINGLE_SIZE,
    WIRE_JACCARD,
    jaccard,
    mark_wire,
    shingles,
)

__all__ = [
    "BOOT_MEASURES",
    "COALITION_MODES",
    "Coalitions",
    "MIN_ARTICLES",
    "Measure",
    "NOT_NAMES",
    "SHINGLE_SIZE",
    "UNKNOWN_OUTLET",
    "WIRE_JACCARD",
    "_ok_articles",
    "_text",
    "actor_naming",
    "actor_network",
    "article_measures",
    "best_dates",
    "bootstrap_outlets",
    "distinctive_terms",
    "expand_coalitions",
    "headline_measures",
    "jaccard",
    "lemma_counts",
    "mark_wire",
    "outlet_measures",
    "outlet_names",
    "outlet_order",
    "permutation_test",
    "permutation_tests",
    "shingles",
    "small_n_warning",
    "sort_outlets",
    "speaker_counts",
    "voice_measures",
    "weighted_log_odds",
]
