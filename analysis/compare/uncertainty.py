"""Uncertainty of outlet measures: the cluster bootstrap and the permutation test between outlets.

Both work on per-article counts of body sentences in 32 cells, from which
every body measure follows (:func:`_measures_from_cells`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import combinations, islice
from typing import Literal

import numpy as np
import pandas as pd

from ..stats import CHUNK, cluster_resample, keyed_rng
from ..tables import Scored, _combine_relations
from .coalitions import Coalitions, check_coalitions
from .common import _text, small_n_warning
from .selection import _Corpus, _select

#: Measures the cluster bootstrap and the permutation test know about.
BOOT_MEASURES = ("coop_share", "conf_share", "net_index", "rususa_net", "narrator_net",
                 "quoted_net", "quoted_share")
Measure = Literal["coop_share", "conf_share", "net_index", "rususa_net", "narrator_net",
                  "quoted_net", "quoted_share"]

_RUS_USA = ("RUS", "USA")
_PERM_COLUMNS = ["outlet_a", "outlet_b", "measure", "estimate_a", "estimate_b", "difference", "p_value",
                 "n_perm", "exact", "n_articles_a", "n_articles_b", "n_sentences_a", "n_sentences_b",
                 "warning"]


# ---------------------------------------------------------------- uncertainty

# Each body sentence falls in one of 32 cells: coop (1) + conf (2) + quoted (4)
# + 8 × RUS–USA relation (0 none, 1 coop, 2 conf, 3 mixed). Any body measure is
# a function of the cell counts, so resampling sentences = resampling counts.
_N_CELLS = 32
_CELL = np.arange(_N_CELLS)
_COOP, _CONF, _QUOTED, _RUS = _CELL & 1, (_CELL >> 1) & 1, (_CELL >> 2) & 1, _CELL >> 3
#: Largest array (cells) one resampling step of this module builds (a test shrinks it).
_CHUNK = CHUNK


def _article_cells(corpus: _Corpus) -> tuple[list[str], list[str], np.ndarray]:
    """Per article: outlet and the count of its body sentences in each cell."""
    s = corpus.sentences[_text(corpus.sentences["kind"]) == "body"]
    d = corpus.dyads
    ru = d[(_text(d["actor_a"]) == _RUS_USA[0]) & (_text(d["actor_b"]) == _RUS_USA[1])] if len(d) else d
    rel = (ru.groupby(["article_id", "sentence_id"])["relation"].agg(_combine_relations)
           if len(ru) else pd.Series(dtype=object))
    rel_code = {"coop": 1, "conf": 2, "mixed": 3}
    ids = list(corpus.articles["article_id"])
    outlets = list(corpus.articles["outlet"])
    counts = np.zeros((len(ids), _N_CELLS), dtype=np.int64)
    pos = {a: i for i, a in enumerate(ids)}
    for aid, sid, coop, conf, voice in zip(s["article_id"], s["sentence_id"], s["coop"], s["conf"],
                                           _text(s["voice"]), strict=True):
        r = rel_code.get(rel.get((aid, sid), ""), 0)
        cell = int(coop) + 2 * int(conf) + 4 * (voice == "quoted") + 8 * r
        counts[pos[aid], cell] += 1
    return ids, outlets, counts


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _measures_from_cells(cells: np.ndarray) -> dict[str, np.ndarray]:
    """Body measures from cell counts (last axis = the 32 cells); same formulas as frame_measures."""
    n = cells.sum(-1)
    coop, conf = cells @ _COOP, cells @ _CONF
    q = cells * _QUOTED
    nq = q.sum(-1)
    qc, qf = q @ _COOP, q @ _CONF
    narr = cells * (1 - _QUOTED)
    nc, nf = narr @ _COOP, narr @ _CONF
    rc = cells @ np.isin(_RUS, (1, 3)).astype(int)
    rf = cells @ np.isin(_RUS, (2, 3)).astype(int)
    return {"coop_share": _ratio(coop, n), "conf_share": _ratio(conf, n),
            "net_index": _ratio(coop - conf, coop + conf), "rususa_net": _ratio(rc - rf, rc + rf),
            "narrator_net": _ratio(nc - nf, nc + nf), "quoted_net": _ratio(qc - qf, qc + qf),
            "quoted_share": _ratio(nq, n)}


def bootstrap_outlets(scored: Scored, n_boot: int = 2000, level: float = 0.95,
                      random_state: int = 0, include_wire: bool = True,
                      measures: Sequence[str] = BOOT_MEASURES,
                      coalitions: Coalitions = "named") -> pd.DataFrame:
    """Cluster-bootstrap percentile intervals for each outlet's body measures.

    Articles are resampled within the outlet, then sentences within each
    resampled article, so the interval reflects both how articles differ and
    how sentences differ. With one article only the second stage varies: the
    interval then says how stable that article's figure is, not the outlet's
    (see ``warning``). Deterministic for a given ``random_state``.

    Columns: ``outlet``, ``measure``, ``estimate`` (as in
    :func:`outlet_measures`), ``low``, ``high``, ``level``, ``n_boot``,
    ``n_valid`` (replicates where the measure is defined), ``n_articles``,
    ``n_sentences`` (body sentences), ``warning``. ``coalitions``: as in
    :func:`outlet_measures` (``rususa_net`` named, or also via coalitions, D17).
    """
    unknown = set(measures) - set(BOOT_MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}; expected some of {BOOT_MEASURES}")
    corpus = _select(scored, include_wire, coalitions)
    ids, outlets, counts = _article_cells(corpus)
    alpha = (1 - level) / 2
    rows = []
    for outlet in sorted(set(outlets)):
        mine = counts[[o == outlet for o in outlets]]
        est = _measures_from_cells(mine.sum(0))
        rng = keyed_rng(random_state, outlet)
        reps = _measures_from_cells(cluster_resample(mine, n_boot, rng, chunk=_CHUNK))
        for m in measures:
            vals = reps[m][~np.isnan(reps[m])]
            point = float(est[m])
            low = high = math.nan
            if len(vals) and not math.isnan(point):
                low, high = (float(v) for v in np.quantile(vals, [alpha, 1 - alpha]))
            rows.append({"outlet": outlet, "measure": m, "estimate": point, "low": low, "high": high,
                         "level": level, "n_boot": n_boot, "n_valid": len(vals),
                         "n_articles": len(mine), "n_sentences": int(mine.sum()),
                         "warning": small_n_warning(len(mine))})
    return pd.DataFrame(rows, columns=["outlet", "measure", "estimate", "low", "high", "level",
                                       "n_boot", "n_valid", "n_articles", "n_sentences", "warning"])


def permutation_test(scored: Scored, outlet_a: str, outlet_b: str, measure: Measure = "net_index",
                     n_perm: int = 9999, random_state: int = 0,
                     include_wire: bool = True,
                     coalitions: Coalitions = "named") -> pd.DataFrame:
    """Do two outlets differ on ``measure`` more than a random split of their articles would?

    Articles (whole, with their sentences) are permuted between the two
    outlets; the statistic is the difference of pooled measures, two-sided.
    When the number of distinct splits is at most ``n_perm`` every split is
    enumerated (exact test); otherwise ``n_perm`` random splits give
    p = (1 + #extreme) / (1 + n_perm). With one article each there are two
    splits and p = 1: two articles cannot show an outlet difference.

    One row. Columns: ``outlet_a``, ``outlet_b``, ``measure``, ``estimate_a``,
    ``estimate_b``, ``difference`` (a − b), ``p_value``, ``n_perm`` (splits
    used), ``exact``, ``n_articles_a``, ``n_articles_b``, ``n_sentences_a``,
    ``n_sentences_b``, ``warning``. ``coalitions``: as in :func:`outlet_measures`.
    """
    if measure not in BOOT_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; expected one of {BOOT_MEASURES}")
    corpus = _select(scored, include_wire, coalitions)
    _, outlets, counts = _article_cells(corpus)
    ia = [i for i, o in enumerate(outlets) if o == outlet_a]
    ib = [i for i, o in enumerate(outlets) if o == outlet_b]
    if not ia or not ib:
        missing = [o for o, i in ((outlet_a, ia), (outlet_b, ib)) if not i]
        raise ValueError(f"no article for outlet(s) {missing}")
    pool = counts[ia + ib]
    n, na = len(pool), len(ia)
    est_a = float(_measures_from_cells(pool[:na].sum(0))[measure])
    est_b = float(_measures_from_cells(pool[na:].sum(0))[measure])
    observed = est_a - est_b
    n_splits = math.comb(n, na)
    exact = n_splits <= n_perm
    n_used = n_splits if exact else n_perm
    rng = keyed_rng(random_state, f"{outlet_a}\x00{outlet_b}")
    n_extreme = _n_extreme(pool, na, measure, observed, n_used, None if exact else rng)
    if math.isnan(observed):
        p = math.nan
    else:
        p = n_extreme / n_used if exact else (1 + n_extreme) / (1 + n_perm)
    nb = n - na
    warning = "; ".join(f"{o}: {w}" for o, w in ((outlet_a, small_n_warning(na)),
                                                  (outlet_b, small_n_warning(nb))) if w)
    return pd.DataFrame([{
        "outlet_a": outlet_a, "outlet_b": outlet_b, "measure": measure, "estimate_a": est_a,
        "estimate_b": est_b, "difference": observed, "p_value": p, "n_perm": n_used,
        "exact": exact, "n_articles_a": na, "n_articles_b": nb,
        "n_sentences_a": int(pool[:na].sum()), "n_sentences_b": int(pool[na:].sum()),
        "warning": warning}])


def _n_extreme(pool: np.ndarray, na: int, measure: str, observed: float, n_used: int,
               rng: np.random.Generator | None) -> int:
    """How many of ``n_used`` splits of ``pool`` differ on ``measure`` at least as much as observed.

    ``pool``: the cell counts of the articles, outlet a's ``na`` first. The
    splits are every way of giving ``na`` articles to a, in order (``rng``
    None: the exact test), or random ones drawn with ``rng``. They are
    evaluated a chunk at a time so memory stays bounded.
    """
    n = len(pool)
    total = pool.sum(0)
    combos = combinations(range(n), na)
    step = max(1, _CHUNK // max(n, _N_CELLS))
    n_extreme = 0
    for start in range(0, n_used, step):
        size = min(step, n_used - start)
        member = np.zeros((size, n), dtype=np.int64)
        if rng is None:
            for row, combo in enumerate(islice(combos, size)):
                member[row, list(combo)] = 1
        else:
            order = np.argsort(rng.random((size, n)), axis=1)
            np.put_along_axis(member, order[:, :na], 1, axis=1)
        cells_a = member @ pool
        diffs = (_measures_from_cells(cells_a)[measure]
                 - _measures_from_cells(total[None, :] - cells_a)[measure])
        # a split where the measure is undefined on one side is never "as extreme"
        n_extreme += int((np.abs(np.nan_to_num(diffs, nan=0.0)) >= abs(observed) - 1e-12).sum())
    return n_extreme


def permutation_tests(scored: Scored, measure: Measure = "net_index", n_perm: int = 9999,
                      random_state: int = 0, include_wire: bool = True,
                      coalitions: Coalitions = "named") -> pd.DataFrame:
    """:func:`permutation_test` for every pair of outlets (sorted), same columns."""
    check_coalitions(coalitions)
    corpus = _select(scored, include_wire)
    names = sorted(set(corpus.articles["outlet"]))
    frames = [permutation_test(scored, a, b, measure, n_perm, random_state, include_wire,
                               coalitions)
              for a, b in combinations(names, 2)]
    if not frames:
        return pd.DataFrame(columns=_PERM_COLUMNS)
    return pd.concat(frames, ignore_index=True)
