"""The validation figure: each method's F1 against gold annotations, seeds or held-out sample."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import pandas as pd
from matplotlib.axes import Axes

from .styling import OUTLET_COLORS, FigureData, _empty, _figure, style

# ---------------------------------------------------------------- 7. validation

VALIDATION_TARGETS = ("coop", "conf", "rus_usa", "boilerplate")
VALIDATION_METHODS = ("scorer_full", "scorer_fast", "scorer_lexical", "vader", "textblob",
                      "tfidf_logreg")


TestSet = Literal["seeds", "ud_sample"]


def validation(results: pd.DataFrame | None = None, test_set: TestSet = "seeds") -> FigureData:
    """F1 against gold annotations, per method and target, with bootstrap intervals and n.

    ``test_set="seeds"``: ``results`` is ``analysis.evaluate.evaluate_seeds()``
    (the seed sentences); ``"ud_sample"``: ``analysis.reliability.heldout_metrics()``
    of the latest held-out batch of general French, the one still
    out-of-sample. Either has the columns ``method``, ``target``, ``f1``,
    ``f1_low``, ``f1_high``, ``n``, ``support``, and is computed when not
    given. Data: those columns.
    """
    if results is None:
        results = _validation_results(test_set)
    data = results[["method", "target", "f1", "f1_low", "f1_high", "n", "support"]].copy()
    targets = _known_first(data["target"], VALIDATION_TARGETS)
    methods = _known_first(data["method"], VALIDATION_METHODS)
    note, heading = _validation_text(results, test_set, int(data["n"].max()) if len(data) else 0)
    colors = {m: OUTLET_COLORS[i % len(OUTLET_COLORS)] for i, m in enumerate(methods)}
    ncols = 2 if len(targets) > 1 else 1
    nrows = max(1, math.ceil(len(targets) / ncols))
    with style():
        fig, body = _figure(8.0, 0.6 + (0.3 * max(len(methods), 1) + 0.9) * nrows, note)
        if not targets:
            _empty(body, "no validation results")
            return fig, data
        axes = body.subplots(nrows, ncols, squeeze=False).ravel()
        for ax, target in zip(axes, targets, strict=False):
            _validation_panel(ax, data[data["target"] == target].set_index("method"), target,
                              methods, colors)
        for ax in axes[len(targets):]:
            ax.set_axis_off()
        body.suptitle(heading)
    return fig, data


def _validation_results(test_set: TestSet) -> pd.DataFrame:
    """Compute the validation results when not given: the seeds' or the latest held-out batch's."""
    if test_set == "seeds":
        from ..evaluate import evaluate_seeds  # type: ignore[import-not-found]

        return evaluate_seeds()
    from ..reliability import BATCHES, heldout_metrics

    return heldout_metrics([max(BATCHES)])


def _known_first(values: pd.Series, known: Sequence[str]) -> list[str]:
    """The distinct ``values``: those in ``known`` in its order, then any others sorted."""
    present = set(values)
    first = [k for k in known if k in present]
    return first + sorted(present - set(first))


def _validation_text(results: pd.DataFrame, test_set: TestSet, n_max: int) -> tuple[str, str]:
    """Footnote and title of the validation figure, which say what the test set is."""
    if test_set == "seeds":
        note = ("F1 of each method against the gold annotations of the seed sentences; bars: "
                "bootstrap intervals. n = sentences (or units) compared, support = gold positives. "
                f"The seeds hold {n_max} units at most: five articles, an anecdote-sized test set, "
                "so intervals are wide.")
        return note, "How well each method matches the gold annotations of the seeds"
    batches = sorted(set(results["batch"])) if "batch" in results else []
    note = ("F1 of each method against the adjudicated labels of a random sample of "
            f"{n_max} UD French-GSD sentences (general French; held-out batch "
            f"{', '.join(map(str, batches))}: no lexicon entry or rule was changed after "
            "reading its errors); each sentence scored alone; bars: bootstrap intervals over "
            "sentences. support = gold positives. The annotators are AI agent sessions "
            "(annotations/README.md).")
    return note, "Held-out general French: how well each method matches the annotations"


def _validation_panel(ax: Axes, rows: pd.DataFrame, target: str, methods: list[str],
                      colors: dict[str, str]) -> None:
    """One target's panel: each method's F1 and interval (``rows``: indexed by method).

    The sample size goes in the title when every method was measured on the
    same sentences, else beside each method's name.
    """
    sizes = {(int(n), int(k)) for n, k in zip(rows["n"], rows["support"], strict=True)}
    labels = []
    for i, m in enumerate(reversed(methods)):
        label = m
        if m in rows.index and len(sizes) > 1:
            label += f" (n={int(rows.at[m, 'n'])}, pos={int(rows.at[m, 'support'])})"
        labels.append(label)
        if m not in rows.index or pd.isna(rows.at[m, "f1"]):
            ax.text(0.02, i, "not applicable", va="center", fontsize=7, color="#777777")
            continue
        f1 = float(rows.at[m, "f1"])
        lo = f1 - float(rows.at[m, "f1_low"]) if pd.notna(rows.at[m, "f1_low"]) else 0.0
        hi = float(rows.at[m, "f1_high"]) - f1 if pd.notna(rows.at[m, "f1_high"]) else 0.0
        ax.errorbar([f1], [i], xerr=[[max(lo, 0)], [max(hi, 0)]], fmt="o", color=colors[m],
                    capsize=3, lw=1.2, clip_on=False)
    ax.set_yticks(range(len(methods)), labels)
    ax.set_xlim(0, 1.0)
    ax.set_ylim(-0.6, len(methods) - 0.4)
    title = target
    if len(sizes) == 1:
        n, k = sizes.pop()
        title += f": n = {n}, {k} positive"
    ax.set_title(title, fontsize=9)
    ax.set_xlabel("F1 (0–1)")
    ax.grid(axis="y", visible=False)
