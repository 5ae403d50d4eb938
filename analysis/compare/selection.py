"""The articles a comparison keeps (agency copy in or out), with their sentences and dyads."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..tables import Scored
from .coalitions import Coalitions, check_coalitions, expand_coalitions
from .common import _ok_articles, _scored_rows, sort_outlets
from .dates import best_dates
from .wire import mark_wire

# ---------------------------------------------------------------- selection

@dataclass
class _Corpus:
    """The articles kept for a comparison, with their scored sentences and dyads."""

    articles: pd.DataFrame  # ok articles, with outlet, is_wire, wire_reason
    sentences: pd.DataFrame  # scored sentences of those articles, with outlet
    dyads: pd.DataFrame  # dyads of those sentences, with outlet (and via, for coalitions="via")


def _select(scored: Scored, include_wire: bool = True,
            coalitions: Coalitions = "named") -> _Corpus:
    """The ok articles (agency copy in or out), their scored sentences and dyads, with outlet.

    ``coalitions="via"``: the dyads also count for the members of a coalition
    at the article's best date (:func:`expand_coalitions`, codebook D17).
    """
    check_coalitions(coalitions)
    arts = _ok_articles(scored.articles)
    wire = mark_wire(scored).set_index("article_id")
    arts = arts.assign(article_id=arts["article_id"].astype(str))
    arts = arts.assign(is_wire=arts["article_id"].map(wire["is_wire"]).fillna(False).astype(bool),
                       wire_reason=arts["article_id"].map(wire["wire_reason"]).fillna(""))
    if not include_wire:
        arts = arts[~arts["is_wire"]]
    outlet = dict(zip(arts["article_id"], arts["outlet"], strict=True))
    sents = _scored_rows(scored.sentences)
    sents = sents.assign(article_id=sents["article_id"].astype(str))
    sents = sents[sents["article_id"].isin(outlet)]
    sents = sents.assign(outlet=sents["article_id"].map(outlet))
    dyads = scored.dyads.assign(article_id=scored.dyads["article_id"].astype(str))
    keys = set(zip(sents["article_id"], sents["sentence_id"], strict=True))
    keep = [k in keys for k in zip(dyads["article_id"], dyads["sentence_id"], strict=True)]
    dyads = dyads[np.asarray(keep, dtype=bool)] if len(dyads) else dyads
    if coalitions == "via":
        dyads = expand_coalitions(dyads, best_dates(scored).set_index("article_id")["date"])
    dyads = dyads.assign(outlet=dyads["article_id"].map(outlet))
    return _Corpus(arts.reset_index(drop=True), sents.reset_index(drop=True),
                   dyads.reset_index(drop=True))


def outlet_order(scored: Scored, include_wire: bool = True) -> list[str]:
    """Outlets sorted by name, :data:`UNKNOWN_OUTLET` last (the order every figure uses)."""
    return sort_outlets(_select(scored, include_wire).articles["outlet"])
