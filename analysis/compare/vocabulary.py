"""Each outlet's distinctive vocabulary: content lemmas and weighted log-odds (Monroe et al. 2008)."""

from __future__ import annotations

from collections import Counter
from typing import Literal

import numpy as np
import pandas as pd

from ..tables import Scored
from .common import _norm, _text, small_n_warning
from .selection import _select

# ---------------------------------------------------------------- vocabulary

def lemma_counts(scored: Scored, include_wire: bool = True, mode: Literal["full", "fast"] = "full",
                 ) -> pd.DataFrame:
    """Content lemmas of each article's scored sentences (headlines and body).

    spaCy lemmas (``analysis.nlp.load_pipeline(mode)``; in ``fast`` mode, which
    has no lemmatiser, the lower-cased word), lower-cased; spaCy's French stop
    words, punctuation, numbers and tokens without a letter are dropped.
    Columns: ``outlet``, ``article_id``, ``lemma``, ``count``.
    """
    from spacy.lang.fr.stop_words import STOP_WORDS

    from ..nlp import load_pipeline

    corpus = _select(scored, include_wire)
    nlp = load_pipeline(mode)
    disable = [p for p in ("parser", "ner") if p in nlp.pipe_names]
    texts = [_norm(t) for t in _text(corpus.sentences["text"])]
    counts: Counter[tuple[str, str, str]] = Counter()
    with nlp.select_pipes(disable=disable):
        docs = nlp.pipe(texts, batch_size=64)
        for outlet, aid, doc in zip(corpus.sentences["outlet"], corpus.sentences["article_id"], docs,
                                    strict=True):
            for tok in doc:
                if tok.is_punct or tok.is_space or tok.like_num or tok.is_digit:
                    continue
                lemma = (tok.lemma_ or tok.text).lower().strip()
                if (len(lemma) < 2 or not lemma[0].isalpha()
                        or lemma in STOP_WORDS or tok.lower_ in STOP_WORDS):
                    continue
                counts[(outlet, aid, lemma)] += 1
    rows = [(o, a, lem, n) for (o, a, lem), n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["outlet", "article_id", "lemma", "count"])


def weighted_log_odds(counts: pd.DataFrame, group: str = "outlet", term: str = "lemma",
                      alpha0: float | None = None) -> pd.DataFrame:
    """Weighted log-odds ratio of each term, each group against all the others.

    Monroe, Colaresi & Quinn (2008), informative Dirichlet prior: the prior
    count of a term is ``alpha0`` × its share of the whole corpus (default
    ``alpha0`` = corpus size, i.e. the corpus counts themselves). The log-odds
    difference δ is divided by its approximate standard deviation, so a z-score
    above ~2 marks a term the group uses more than the others beyond what
    sampling would give, and frequent and rare words are comparable.

    ``counts`` has columns ``group``, ``term`` and ``count``. Columns returned:
    ``group``, ``term``, ``count``, ``count_other``, ``log_odds`` (δ),
    ``variance``, ``z``.
    """
    table = counts.groupby([group, term], sort=True)["count"].sum().unstack(fill_value=0)
    y = table.to_numpy(dtype=float)  # groups × terms
    total_w = y.sum(0)
    n_total = total_w.sum()
    a0 = float(n_total if alpha0 is None else alpha0)
    alpha = a0 * total_w / n_total if n_total else np.zeros_like(total_w)
    n_i = y.sum(1, keepdims=True)
    y_j = total_w[None, :] - y
    n_j = n_total - n_i
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y + alpha) / (n_i + a0 - y - alpha))
                 - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        var = 1.0 / (y + alpha) + 1.0 / (y_j + alpha)
        z = delta / np.sqrt(var)
    out = pd.DataFrame({
        group: np.repeat(table.index.to_numpy(), y.shape[1]),
        term: np.tile(table.columns.to_numpy(), y.shape[0]),
        "count": y.ravel().astype(int), "count_other": y_j.ravel().astype(int),
        "log_odds": delta.ravel(), "variance": var.ravel(), "z": z.ravel(),
    })
    return out


def distinctive_terms(scored: Scored, include_wire: bool = True, top: int | None = 15,
                      min_count: int = 2, alpha0: float | None = None,
                      mode: Literal["full", "fast"] = "full") -> pd.DataFrame:
    """Each outlet's distinctive vocabulary: lemmas ranked by weighted log-odds z-score.

    See :func:`weighted_log_odds`. Only lemmas the outlet uses at least
    ``min_count`` times are ranked (a word used once says little), top ``top``
    per outlet (all when None). Columns: ``outlet``, ``rank``, ``lemma``,
    ``count``, ``count_other``, ``log_odds``, ``z``, ``n_articles``,
    ``n_tokens`` (the outlet's content lemmas), ``warning``.
    """
    lemmas = lemma_counts(scored, include_wire, mode)
    cols = ["outlet", "rank", "lemma", "count", "count_other", "log_odds", "z", "n_articles",
            "n_tokens", "warning"]
    if lemmas["outlet"].nunique() < 2:
        return pd.DataFrame(columns=cols)
    lo = weighted_log_odds(lemmas, alpha0=alpha0)
    lo = lo[lo["count"] >= min_count]
    lo = lo.sort_values(["outlet", "z", "lemma"], ascending=[True, False, True], kind="stable")
    lo["rank"] = lo.groupby("outlet").cumcount() + 1
    if top is not None:
        lo = lo[lo["rank"] <= top]
    n_arts = lemmas.groupby("outlet")["article_id"].nunique()
    n_tok = lemmas.groupby("outlet")["count"].sum()
    lo = lo.assign(n_articles=lo["outlet"].map(n_arts), n_tokens=lo["outlet"].map(n_tok))
    lo["warning"] = lo["n_articles"].map(small_n_warning)
    return lo[cols].reset_index(drop=True)
