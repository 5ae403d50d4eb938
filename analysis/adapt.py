"""Adapt the measure to a corpus: train a model on annotated sentences, draw what to annotate next.

The rules' accuracy falls on text unlike the seeds (0.99 F1 on the seeds,
0.41–0.55 on general French). A researcher annotates a few hundred sentences
of their own corpus (``framing sample``) and trains on them:

* :func:`training_units` joins annotation files to the scored sentences of a
  run (``framing score`` tables): each annotated sentence with its text, the
  rule scorer's columns and the labels;
* :func:`build_pipeline` is the scikit-learn ``Pipeline`` of one label: the
  rule scorer's features (:class:`analysis.model.RuleFeatures`), word 1–2
  grams and character 2–4 grams (TF-IDF, hashed with NumPy by
  :mod:`analysis.ngrams`: a model applied to every sentence of a run must be
  cheap; 2–4 grams measured as good as 2–5 at 300 and 720 sentences and a
  quarter fewer to compute), a balanced logistic regression with
  sigmoid-calibrated (Platt) probabilities; ``kind="text"`` leaves the rule features
  out (the text-only baseline of the learning curve);
* :func:`train` fits one pipeline per label (its classifier,
  :class:`CalibratedLogistic`, picks the label's threshold on out-of-fold
  probabilities grouped by article) and returns a
  :class:`analysis.model.FrameModel` carrying the lexicon version, the
  feature list and the training data's hash; ``framing train`` saves it;
* :func:`uncertainty_sample` (``framing sample --strategy uncertainty``):
  the sentences the model is least sure of, plus a random share so that an
  evaluation sample stays unbiased, flagged in a ``draw`` column.

Everything is seeded (``seed``); the same units give the same model bytes.
Cross-validation and the learning curve are in :mod:`analysis.learning`.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import sklearn
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MaxAbsScaler

from .model import LABELS, RULE_INPUT_COLUMNS, FrameModel, RuleFeatures
from .ngrams import CharNgrams, WordNgrams
from .reliability import SAMPLE_COLUMNS, left_to_draw, read_annotations
from .tables import Scored

Kind = Literal["full", "text", "rules"]
#: Columns of a training unit: identity, group (article), text, rule columns, gold labels.
UNIT_COLUMNS = ["item_id", "group", "text", *RULE_INPUT_COLUMNS, "y_coop", "y_conf"]
#: Share of an uncertainty sample drawn at random (flagged ``draw = random``).
RANDOM_SHARE = 0.2
#: Word and character n-gram orders of the text features.
WORD_ORDERS: tuple[int, int] = (1, 2)
CHAR_ORDERS: tuple[int, int] = (2, 4)
#: Folds of the calibration and of the out-of-fold threshold choice.
INNER_FOLDS = 3


# ---------------------------------------------------------------- training units

def scored_rows(scored: Scored) -> pd.DataFrame:
    """The scored (body and headline) sentences of a run, with ``n_dyads`` counted per sentence."""
    s = scored.sentences
    s = s[s["kind"].isin(("body", "headline")) & s["coop"].notna()].copy()
    d = scored.dyads
    counts = d.groupby(["article_id", "sentence_id"]).size() if len(d) else pd.Series(dtype=int)
    keys = pd.MultiIndex.from_frame(s[["article_id", "sentence_id"]].astype(object))
    s["n_dyads"] = counts.reindex(keys).fillna(0).to_numpy(dtype=int)
    return s.reset_index(drop=True)


def training_units(scored: Scored, annotation_files: Sequence[str | Path]) -> pd.DataFrame:
    """Annotated sentences of a scored run, with the rule columns and the labels (:data:`UNIT_COLUMNS`).

    Each file is checked by :func:`analysis.reliability.read_annotations`; an
    item that is no scored sentence of the run, or whose text differs (a
    sample from another run), or a sentence annotated in two files, is a
    ``ValueError`` naming the file.
    """
    rows = scored_rows(scored)
    keyed = rows.set_index([rows["article_id"].astype(str), rows["sentence_id"].astype(int)])
    parts, seen = [], set()
    for path in annotation_files:
        lab = read_annotations(path)
        keys = list(zip(lab["article_id"].astype(str), lab["sentence_id"].astype(int), strict=True))
        missing = [i for i, k in zip(lab["item_id"], keys, strict=True) if k not in keyed.index]
        if missing:
            raise ValueError(f"{path}: {len(missing)} item(s) are not scored sentences of this "
                             f"corpus: {', '.join(missing[:10])}")
        again = [i for i, k in zip(lab["item_id"], keys, strict=True) if k in seen]
        if again:
            raise ValueError(f"{path}: item(s) already annotated in an earlier file: "
                             f"{', '.join(again[:10])}")
        seen.update(keys)
        sys = keyed.loc[keys].reset_index(drop=True)
        changed = (sys["text"].astype(str).to_numpy() != lab["text"].to_numpy())
        if changed.any():
            raise ValueError(f"{path}: {int(changed.sum())} item(s) have another text in this "
                             f"corpus (a sample from another run?): "
                             f"{', '.join(lab.loc[changed, 'item_id'].head(10))}")
        unit = sys[["text", *RULE_INPUT_COLUMNS]].copy()
        unit.insert(0, "group", lab["article_id"].astype(str).to_numpy())
        unit.insert(0, "item_id", lab["item_id"].to_numpy())
        unit["y_coop"], unit["y_conf"] = lab["coop"].to_numpy(), lab["conf"].to_numpy()
        parts.append(unit)
    if not parts:
        raise ValueError("give at least one annotation file")
    return pd.concat(parts, ignore_index=True)[UNIT_COLUMNS]


def units_hash(units: pd.DataFrame) -> str:
    """SHA-256 of the training units (text, rule columns, labels), in their order."""
    cols = ["text", *RULE_INPUT_COLUMNS, "y_coop", "y_conf"]
    data = units[cols].astype(str).to_csv(index=False, lineterminator="\n")
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- the pipeline

def _features(kind: Kind) -> ColumnTransformer:
    parts: list[tuple[str, object, object]] = []
    if kind in ("full", "rules"):
        parts.append(("rules", Pipeline([("rules", RuleFeatures()), ("scale", MaxAbsScaler())]),
                      RULE_INPUT_COLUMNS))
    if kind in ("full", "text"):
        parts.append(("words", WordNgrams(WORD_ORDERS), "text"))
        parts.append(("chars", CharNgrams(CHAR_ORDERS, min_df=2), "text"))
    return ColumnTransformer(parts, sparse_threshold=1.0)


class CalibratedLogistic(ClassifierMixin, BaseEstimator):
    """A balanced logistic regression with Platt-calibrated probabilities and an F1 threshold.

    :meth:`fit` computes out-of-fold decision values (``folds`` stratified
    folds, grouped by article when ``groups`` is given), fits the sigmoid on
    them (Platt scaling, as ``CalibratedClassifierCV(ensemble=False)`` does),
    picks ``threshold_``, the calibrated probability with the best F1 on those
    out-of-fold values (that F1 is ``oof_f1_``), and refits the regression on
    all the rows. With fewer than two examples of a class it predicts the
    training share.
    """

    def __init__(self, C: float = 1.0, folds: int = INNER_FOLDS, seed: int = 0):
        self.C = C
        self.folds = folds
        self.seed = seed

    def _logreg(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear",
                                  dual=True, max_iter=5000, random_state=self.seed)

    def fit(self, X: Any, y: Any, groups: Any = None) -> CalibratedLogistic:
        y = np.asarray(y, dtype=int)
        self.classes_ = np.array([0, 1])
        self.prior_ = float(y.mean()) if len(y) else 0.0
        n_pos, n_neg = int(y.sum()), int(len(y) - y.sum())
        k = min(self.folds, n_pos, n_neg, len(set(groups)) if groups is not None else len(y))
        if k < 2:
            self.logreg_, self.platt_, self.threshold_, self.oof_f1_ = None, (0.0, 0.0), 0.5, 0.0
            return self
        if groups is None:
            splits = StratifiedKFold(k, shuffle=True, random_state=self.seed).split(X, y)
        else:
            splits = StratifiedGroupKFold(k, shuffle=True, random_state=self.seed).split(
                X, y, np.asarray(groups))
        scores = np.zeros(len(y))
        for train, test in splits:
            scores[test] = self._logreg().fit(X[train], y[train]).decision_function(X[test])
        platt = LogisticRegression(C=1e6, solver="lbfgs").fit(scores.reshape(-1, 1), y)
        self.platt_ = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
        p = self._sigmoid(scores)
        self.threshold_ = best_threshold(y, p)
        pred = p >= self.threshold_
        self.oof_f1_ = 2 * int((pred & (y == 1)).sum()) / (int(pred.sum()) + n_pos)
        self.logreg_ = self._logreg().fit(X, y)
        return self

    def _sigmoid(self, scores: np.ndarray) -> np.ndarray:
        a, b = self.platt_
        return expit(a * scores + b)

    def predict_proba(self, X: Any) -> np.ndarray:
        if self.logreg_ is None:
            p = np.full(X.shape[0], self.prior_)
        else:
            p = self._sigmoid(self.logreg_.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: Any) -> np.ndarray:
        return (self.predict_proba(X)[:, 1] >= self.threshold_).astype(int)


def build_pipeline(kind: Kind = "full", seed: int = 0, C: float = 1.0) -> Pipeline:
    """The pipeline of one label: features of ``kind``, then :class:`CalibratedLogistic`."""
    return Pipeline([("features", _features(kind)),
                     ("classifier", CalibratedLogistic(C=C, seed=seed))])


def fit_label(units: pd.DataFrame, label: str, kind: Kind = "full", seed: int = 0) -> Pipeline:
    """One label's pipeline fitted on the units (inner folds grouped by ``group``)."""
    y = units[f"y_{label}"].to_numpy(dtype=int)
    pipe = build_pipeline(kind, seed)
    pipe.fit(units, y, classifier__groups=units["group"].astype(str).to_numpy())
    return pipe


def best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The probability threshold with the highest F1 (ties: the highest threshold); 0.5 without positives."""
    y = np.asarray(y, dtype=int)
    if y.sum() == 0 or len(y) == 0:
        return 0.5
    best, best_f1 = 0.5, -1.0
    for t in np.unique(np.round(p, 4)):
        pred = p >= t
        tp = int((pred & (y == 1)).sum())
        f1 = 2 * tp / (int(pred.sum()) + int(y.sum()))
        if f1 >= best_f1:
            best, best_f1 = float(t), f1
    return best


def train(units: pd.DataFrame, lexicon_version: str, mode: str = "full", kind: Kind = "full",
          seed: int = 0, info: dict[str, str] | None = None) -> FrameModel:
    """Fit the two labels' pipelines on the units and wrap them with their provenance."""
    if len(units) == 0:
        raise ValueError("no annotated sentences to train on")
    pipelines, thresholds, features, positives = {}, {}, {}, {}
    for label in LABELS:
        pipelines[label] = fit_label(units, label, kind, seed)
        thresholds[label] = pipelines[label].named_steps["classifier"].threshold_
        names = pipelines[label].named_steps["features"].get_feature_names_out()
        features[label] = [str(n) for n in names]
        positives[label] = int(units[f"y_{label}"].sum())
    return FrameModel(pipelines=pipelines, thresholds=thresholds, lexicon_version=lexicon_version,
                      mode=mode, features=features, data_sha256=units_hash(units),
                      n_train=len(units), positives=positives,
                      sklearn_version=sklearn.__version__, info=dict(info or {}))


def run_lexicon(scored: Scored) -> tuple[str, str]:
    """The lexicon version and mode of a scored run (one of each, else ``ValueError``)."""
    arts = scored.articles[scored.articles["status"] == "ok"]
    versions = sorted(set(arts["lexicon_version"].dropna().astype(str)))
    modes = sorted(set(arts["mode"].dropna().astype(str)))
    if len(versions) != 1 or len(modes) != 1:
        raise ValueError(f"the scored tables mix lexicon versions {versions} or modes {modes}")
    return versions[0], modes[0]


# ---------------------------------------------------------------- what to annotate next

def uncertainty_sample(scored: Scored, model: FrameModel, n: int, seed: int = 1,
                       random_share: float = RANDOM_SHARE,
                       exclude: Sequence[pd.DataFrame] = ()) -> pd.DataFrame:
    """The sentences to annotate next: where the model is least sure, plus a random share.

    A sentence's certainty is its smallest distance, over the labels, between
    the model's probability and that label's threshold; the
    ``n - round(n * random_share)`` least certain sentences are drawn (ties
    broken by a seeded random key), then ``round(n * random_share)`` of the
    others uniformly at random, so that an evaluation on the random ones stays
    unbiased. Columns: :data:`analysis.reliability.SAMPLE_COLUMNS` and
    ``draw`` (``uncertainty`` or ``random``), rows in corpus order.
    ``exclude``: earlier samples whose sentences are not drawn again.
    """
    rows = left_to_draw(scored_rows(scored), exclude, n)
    frame = rows.assign(text=rows["text"].fillna("").astype(str))
    probs = model.probabilities(frame)
    margin = np.min([np.abs(probs[lab] - model.thresholds[lab]) for lab in LABELS], axis=0)
    rng = random.Random(seed)
    ties = [rng.random() for _ in range(len(rows))]
    n_random = int(round(n * random_share))
    order = sorted(range(len(rows)), key=lambda i: (round(float(margin[i]), 6), ties[i]))
    unsure = order[:n - n_random]
    rest = sorted(set(range(len(rows))) - set(unsure))
    chosen = {i: "uncertainty" for i in unsure}
    chosen.update({i: "random" for i in rng.sample(rest, n_random)})
    picked = sorted(chosen)
    out = rows.loc[picked, ["article_id", "sentence_id", "text"]].reset_index(drop=True)
    out.insert(0, "item_id", [f"s{k:04d}" for k in range(n)])
    out["sentence_id"] = out["sentence_id"].astype(int)
    for col in ("coop", "conf", "note"):
        out[col] = ""
    out["draw"] = [chosen[i] for i in picked]
    return out[[*SAMPLE_COLUMNS, "draw"]]
