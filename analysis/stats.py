"""Shared statistics: the one bootstrap and the one agreement module of the package.

A bottom layer (it imports nothing from ``analysis``), used by the seed
validation (:mod:`analysis.evaluate`), the held-out checks
(:mod:`analysis.reliability`), outlet comparisons (:mod:`analysis.compare`)
and portrayal per outlet (:mod:`analysis.stance`).

* **Metrics**: :func:`binary_scores`, :func:`f1_binary`, :func:`confusion`.
* **Bootstrap**: :func:`bootstrap_indices` (two-stage: articles, then
  sentences within them), :func:`iid_bootstrap_indices` (independent items),
  :func:`bootstrap_ci` and :func:`percentile_interval` (percentile intervals),
  :func:`two_stage_means` and :func:`cluster_resample` (two-stage bootstraps
  of per-article values and of per-article cell counts), :func:`keyed_rng`
  (one generator per named cell, independent of which other cells exist).
* **Agreement**: :func:`agreement`, Krippendorff's alpha and Cohen's kappa.

Every draw is seeded: the same arguments give the same numbers.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from nltk.metrics.agreement import AnnotationTask

#: Bootstrap resamples and the seed of every random draw (results are deterministic).
N_BOOT = 1000
SEED = 0
LEVEL = 0.95
#: Largest array (cells) one resampling step builds (:func:`cluster_resample`, permutations).
CHUNK = 4_000_000


# ---------------------------------------------------------------- metrics

def binary_scores(y_true: Sequence[int], y_pred: Sequence[int]) -> dict[str, float]:
    """Precision, recall, F1 of the positive class, with tp/fp/fn, n and support.

    A ratio with a zero denominator is NaN (undefined), not 0: precision of a
    method that never predicts the class, F1 when neither side has it.
    """
    t = np.asarray(y_true, dtype=int)
    p = np.asarray(y_pred, dtype=int)
    tp, fp, fn = int(((t == 1) & (p == 1)).sum()), int(((t == 0) & (p == 1)).sum()), \
        int(((t == 1) & (p == 0)).sum())
    return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
            "f1": _ratio(2 * tp, 2 * tp + fp + fn), "tp": tp, "fp": fp, "fn": fn,
            "n": len(t), "support": int((t == 1).sum())}


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def f1_binary(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """F1 of the positive class (NaN when neither gold nor system has a positive)."""
    t, p = np.asarray(y_true) == 1, np.asarray(y_pred) == 1
    tp = int((t & p).sum())
    return _ratio(2 * tp, 2 * tp + int((~t & p).sum()) + int((t & ~p).sum()))


def confusion(y_true: Sequence[object], y_pred: Sequence[object],
              labels: Sequence[object] | None = None) -> pd.DataFrame:
    """Confusion matrix: gold labels in rows, system labels in columns, with totals."""
    t = pd.Series(list(y_true), name="gold")
    p = pd.Series(list(y_pred), name="system")
    labels = list(labels) if labels is not None else sorted(set(t) | set(p), key=str)
    tab = pd.crosstab(t, p).reindex(index=labels, columns=labels, fill_value=0)
    tab.loc["total"] = tab.sum(axis=0)
    tab["total"] = tab.sum(axis=1)
    tab.index.name, tab.columns.name = "gold", "system"
    return tab


# ---------------------------------------------------------------- bootstrap

def keyed_rng(seed: int, key: str) -> np.random.Generator:
    """A generator seeded by ``seed`` and ``key`` (an outlet, a cell of a table).

    One interval then does not depend on which other keys exist.
    """
    return np.random.default_rng([int(seed), zlib.crc32(key.encode("utf-8"))])


def bootstrap_indices(groups: Sequence[object], n_boot: int = N_BOOT,
                      seed: int = SEED) -> list[np.ndarray]:
    """Two-stage (cluster) bootstrap resamples: articles with replacement, then sentences.

    Sentences of one article are not independent (one outlet, one topic), so
    articles are drawn first, then sentences within each drawn article. The
    same ``seed`` gives the same resamples, so methods are compared on
    identical draws (paired).
    """
    rng = np.random.default_rng(seed)
    g = np.asarray(groups, dtype=object)
    members = [np.flatnonzero(g == u) for u in sorted(set(g.tolist()), key=str)]
    out = []
    for _ in range(n_boot):
        picked = rng.integers(0, len(members), len(members))
        out.append(np.concatenate([rng.choice(members[k], size=len(members[k]), replace=True)
                                   for k in picked]))
    return out


def iid_bootstrap_indices(n: int, n_boot: int = N_BOOT, seed: int = SEED) -> np.ndarray:
    """Resamples of ``n`` independent items (``n_boot`` × ``n`` positions, with replacement)."""
    return np.random.default_rng(seed).integers(0, n, size=(n_boot, n))


def percentile_interval(values: np.ndarray, level: float = LEVEL) -> tuple[float, float]:
    """Percentile interval of bootstrap values, NaN values left out; ``(nan, nan)`` if all are."""
    if np.isnan(values).all():
        return float("nan"), float("nan")
    alpha = (1 - level) / 2
    lo, hi = np.nanquantile(values, [alpha, 1 - alpha])
    return float(lo), float(hi)


def bootstrap_ci(y_true: Sequence[object], y_pred: Sequence[object], groups: Sequence[object],
                 metric: Callable[[np.ndarray, np.ndarray], float] = f1_binary,
                 n_boot: int = N_BOOT, seed: int = SEED, level: float = LEVEL,
                 resamples: list[np.ndarray] | None = None) -> tuple[float, float]:
    """Percentile bootstrap interval of ``metric`` (articles, then sentences).

    Resamples where the metric is undefined (NaN: no positive on either side)
    are left out. Returns ``(nan, nan)`` if all are.
    """
    t, p = np.asarray(y_true, dtype=object), np.asarray(y_pred, dtype=object)
    if resamples is None:
        resamples = bootstrap_indices(groups, n_boot=n_boot, seed=seed)
    vals = np.array([metric(t[idx], p[idx]) for idx in resamples], dtype=float)
    return percentile_interval(vals, level)


def two_stage_means(groups: list[np.ndarray], n_boot: int, rng: np.random.Generator,
                    chunk: int = CHUNK) -> np.ndarray:
    """Bootstrap means: groups (articles) with replacement, then values within each drawn group.

    Vectorised as :func:`cluster_resample`: stage 1 draws how many copies of
    each group (a multinomial), stage 2 draws each group's copies × size values
    from its own values (a multinomial on them), ``chunk`` cells at most per
    step. Linear in the replicates, where a loop over them took minutes for a
    few thousand articles.
    """
    sizes = np.array([len(g) for g in groups], dtype=np.int64)
    if not len(groups) or not sizes.sum():
        return np.full(n_boot, np.nan)
    k, width = len(groups), int(sizes.max())
    values = np.zeros((k, width))
    p = np.full((k, width), 1.0 / width)  # a group without values draws nothing (0 copies × size 0)
    for i, g in enumerate(groups):
        if len(g):
            values[i, :len(g)], p[i] = g, np.where(np.arange(width) < len(g), 1.0 / len(g), 0.0)
    means = np.empty(n_boot)
    step = max(1, chunk // (k * width))
    for start in range(0, n_boot, step):
        size = min(step, n_boot - start)
        picks = rng.multinomial(k, np.full(k, 1.0 / k), size=size) * sizes[None, :]  # size × K
        draws = rng.multinomial(picks, p)  # size × K × width
        total = picks.sum(1)
        with np.errstate(invalid="ignore", divide="ignore"):
            means[start:start + size] = np.where(total > 0, (draws * values).sum((1, 2)) / total, np.nan)
    return means


def cluster_resample(counts: np.ndarray, n_boot: int, rng: np.random.Generator,
                     chunk: int = CHUNK) -> np.ndarray:
    """Two-stage bootstrap of articles given as cell counts, returned pooled (n_boot × cells).

    ``counts`` holds one row per article and one column per cell (a category
    of sentence). Stage 1 draws the K articles with replacement; stage 2
    draws each drawn article's n_a sentences with replacement. An article
    drawn m times contributes m·n_a sentence draws from its own sentences,
    which is a multinomial draw on its cell frequencies: that is what is
    sampled here, ``chunk`` cells at most per step (bounded memory).
    """
    k, n_cells = counts.shape
    n_a = counts.sum(1)
    p = np.where(n_a[:, None] > 0, counts / np.maximum(n_a, 1)[:, None], 1.0 / n_cells)
    out = np.empty((n_boot, n_cells), dtype=np.int64)
    step = max(1, chunk // (k * n_cells))
    for start in range(0, n_boot, step):
        size = min(step, n_boot - start)
        picks = rng.multinomial(k, np.full(k, 1.0 / k), size=size)  # size × K copies
        out[start:start + size] = rng.multinomial(picks * n_a[None, :], p).sum(1)  # size × cells
    return out


# ---------------------------------------------------------------- agreement

def agreement(labels_a: Sequence[object], labels_b: Sequence[object]) -> dict[str, float]:
    """Chance-corrected agreement between two label sets on the same items.

    Krippendorff's alpha and Cohen's kappa from
    :class:`nltk.metrics.agreement.AnnotationTask` (nominal distance), plus the
    raw share of identical labels and the number of items. Works for any two
    columns: system vs gold, or one annotator vs another. Missing labels (NaN)
    drop the item. Chance-corrected values are NaN when undefined (a single
    label used throughout by both sides).
    """
    a, b = list(labels_a), list(labels_b)
    if len(a) != len(b):
        raise ValueError(f"label sets differ in length: {len(a)} vs {len(b)}")
    pairs = [(str(x), str(y)) for x, y in zip(a, b, strict=True) if not (_isna(x) or _isna(y))]
    n = len(pairs)
    out = {"n": n, "observed": float("nan"), "alpha": float("nan"), "kappa": float("nan")}
    if n == 0:
        return out
    out["observed"] = sum(x == y for x, y in pairs) / n
    if len({lab for pair in pairs for lab in pair}) < 2:
        return out  # expected disagreement is 0: chance-corrected agreement undefined
    task = AnnotationTask(data=[("a", i, x) for i, (x, _) in enumerate(pairs)]
                          + [("b", i, y) for i, (_, y) in enumerate(pairs)])
    out["alpha"] = float(task.alpha())
    try:
        out["kappa"] = float(task.kappa())
    except ZeroDivisionError:  # both coders used one and the same label
        pass
    return out


def _isna(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and np.isnan(x))
