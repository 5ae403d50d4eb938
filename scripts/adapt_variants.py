"""Variants of the adapted model tried against the issue-15 target, with their grouped CV F1.

Usage::

    PYTHONPATH=. python scripts/adapt_variants.py [--sizes 300,720] [--only NAME,...] [--out FILE]

Each variant is scored exactly as the learning curve scores the model
(:func:`analysis.learning.cross_validate`: grouped 5-fold CV on the three UD
batches, ``n`` training sentences drawn from the other folds, seeded), and
compared with the rules on the same test folds (paired bootstrap interval of
the F1 difference, 1,000 resamples). Whatever a variant chooses (threshold,
``C``) is chosen on the training folds only; the test folds only score.

* ``current``: the model as trained by ``framing train``;
* ``chars_2_5`` / ``chars_3_5`` / ``chars_3_4``: other character n-gram orders;
* ``C_0.1`` … ``C_10``: one regularisation strength each (all reported, none picked);
* ``C_inner``: ``C`` picked among those by out-of-fold F1 inside the training folds;
* ``residual_3`` / ``residual_10``: the rule features scaled up (less penalised), so that
  the model starts from the rules and the text learns where to depart from them;
* ``prior``: the training folds plus the seeds and the news set's dev half;
* ``rules_only``: the rule scorer's features alone, no text.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import adapt, learning
from analysis.adapt import CalibratedLogistic, build_pipeline

C_VALUES = (0.1, 0.3, 1.0, 3.0, 10.0)
Fit = Callable[..., object]


def _fit_with_c(c: float) -> Fit:
    def fit(units: pd.DataFrame, label: str, kind: str = "full", seed: int = 0) -> object:
        y = units[f"y_{label}"].to_numpy(dtype=int)
        pipe = build_pipeline(kind, seed, C=c)  # type: ignore[arg-type]
        return pipe.fit(units, y, classifier__groups=units["group"].astype(str).to_numpy())
    return fit


def _inner_f1(units: pd.DataFrame, label: str, c: float, seed: int) -> float:
    """Out-of-fold F1 of ``C = c`` inside the training units (the classifier's inner folds)."""
    y = units[f"y_{label}"].to_numpy(dtype=int)
    X = build_pipeline("full", seed).named_steps["features"].fit_transform(units)
    clf = CalibratedLogistic(C=c, seed=seed).fit(X, y, groups=units["group"].astype(str).to_numpy())
    return float(clf.oof_f1_)


def _fit_rules_weighted(weight: float) -> Fit:
    """The rule features scaled by ``weight``: less penalised, so the model starts from the
    rules and the text features learn where to depart from them (a residual design)."""
    def fit(units: pd.DataFrame, label: str, kind: str = "full", seed: int = 0) -> object:
        y = units[f"y_{label}"].to_numpy(dtype=int)
        pipe = build_pipeline(kind, seed)  # type: ignore[arg-type]
        pipe.named_steps["features"].set_params(transformer_weights={"rules": weight})
        return pipe.fit(units, y, classifier__groups=units["group"].astype(str).to_numpy())
    return fit


def _fit_inner_c(units: pd.DataFrame, label: str, kind: str = "full", seed: int = 0) -> object:
    best = max(C_VALUES, key=lambda c: (_inner_f1(units, label, c, seed), -abs(np.log(c))))
    return _fit_with_c(best)(units, label, kind, seed)


def _variants(prior: pd.DataFrame) -> dict[str, tuple[dict[str, object], Fit | None]]:
    original = adapt.fit_label

    def with_prior(units: pd.DataFrame, label: str, kind: str = "full", seed: int = 0) -> object:
        return original(pd.concat([units, prior], ignore_index=True), label, kind, seed)

    def rules_only(units: pd.DataFrame, label: str, kind: str = "full", seed: int = 0) -> object:
        return original(units, label, "rules", seed)

    out: dict[str, tuple[dict[str, object], Fit | None]] = {"current": ({}, None)}
    for orders in ((2, 5), (3, 5), (3, 4)):
        out[f"chars_{orders[0]}_{orders[1]}"] = ({"CHAR_ORDERS": orders}, None)
    for c in C_VALUES:
        if c != 1.0:
            out[f"C_{c:g}"] = ({}, _fit_with_c(c))
    out["C_inner"] = ({}, _fit_inner_c)
    for weight in (3.0, 10.0):
        out[f"residual_{weight:g}"] = ({}, _fit_rules_weighted(weight))
    out["prior"] = ({}, with_prior)
    out["rules_only"] = ({}, rules_only)
    return out


def score(ud: pd.DataFrame, sizes: list[int], settings: dict[str, object],
          fit: Fit | None) -> list[dict[str, object]]:
    """The variant's rows (label, n, F1, difference to the rules and its interval)."""
    saved = {k: getattr(adapt, k) for k in settings}
    original = learning.fit_label
    try:
        for k, v in settings.items():
            setattr(adapt, k, v)
        if fit is not None:
            learning.fit_label = fit  # type: ignore[assignment]
        rows = []
        for n in sizes:
            pred = learning.cross_validate(ud, n_train=n, kinds=("full",))
            rows += [r for r in learning.curve_rows(pred, n, n_boot=1000)
                     if r["method"] in ("model", "rules")]
        return rows
    finally:
        learning.fit_label = original
        for k, v in saved.items():
            setattr(adapt, k, v)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="300,720")
    parser.add_argument("--only", default="")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    units = learning.project_units("full")
    ud = units[units["source"].isin(learning.UD_SOURCES)].reset_index(drop=True)
    prior = learning.without_texts_of(units[units["source"].isin(("seeds", "news_dev"))], ud)
    sizes = [int(s) for s in args.sizes.split(",")]
    table = []
    for name, (settings, fit) in _variants(prior).items():
        if args.only and name not in args.only.split(","):
            continue
        started = time.perf_counter()
        for r in score(ud, sizes, settings, fit):
            table.append({"variant": name, **r})
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        frame = pd.DataFrame(table)
        if args.out:
            frame.to_csv(args.out, index=False, float_format="%.4f", lineterminator="\n")
    print(pd.DataFrame(table).to_string(index=False, float_format="%.3f"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
