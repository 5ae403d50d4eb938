"""The adaptation figure: F1 against the number of annotated sentences (:func:`learning_curve`)."""

from __future__ import annotations

import pandas as pd

from .styling import OKABE_ITO, FigureData, _empty, _figure, style

#: Colours and labels of the learning curve's methods.
CURVE_STYLES: dict[str, tuple[str, str]] = {
    "model": (OKABE_ITO["blue"], "adapted model (rules + text)"),
    "text_only": (OKABE_ITO["orange"], "text-only model"),
    "rules": (OKABE_ITO["black"], "rules alone"),
}


def learning_curve(curve: pd.DataFrame | None = None) -> FigureData:
    """F1 of the adapted model, a text-only model and the rules alone against training size.

    ``curve`` is :func:`analysis.learning.learning_curve` (grouped 5-fold
    cross-validation on the three held-out UD batches; computed when not
    given). One panel per label, a line per method with its 95 % bootstrap
    band; the rules need no training and are a flat line. Data: the curve's
    columns (:data:`analysis.learning.CURVE_COLUMNS`).
    """
    if curve is None:
        from ..learning import learning_curve as compute

        curve = compute()
    data = curve.copy()
    n_test = int(data["n_test"].max()) if len(data) else 0
    note = ("Grouped 5-fold cross-validation on the held-out UD French-GSD batches "
            f"({n_test} sentences; each sentence its own group): each fold is predicted by "
            "models trained on n annotated sentences drawn from the other folds; F1 of the "
            "pooled out-of-fold predictions, band = 95 % bootstrap interval. Rules alone: "
            "the scorer's labels, no training.")
    with style():
        fig, body = _figure(7.5, 3.4, note)
        if not len(data):
            _empty(body, "no learning curve")
            return fig, data
        axes = body.subplots(1, 2, sharey=True)
        for ax, label in zip(axes, ("coop", "conf"), strict=True):
            part = data[data["label"] == label]
            for method, (color, name) in CURVE_STYLES.items():
                rows = part[part["method"] == method].sort_values("n_train")
                ax.plot(rows["n_train"], rows["f1"], marker="o", ms=3, color=color, label=name)
                ax.fill_between(rows["n_train"], rows["f1_low"], rows["f1_high"], color=color,
                                alpha=0.15, lw=0)
            support = int(part["support"].max()) if len(part) else 0
            ax.set_title(f"{label} ({support} positives)")
            ax.set_xlabel("annotated training sentences")
            ax.set_ylim(0, 1)
        axes[0].set_ylabel("F1 (out of fold)")
        axes[0].legend(loc="lower right", fontsize=7)
    return fig, data
