"""A trained model beside the rules: its features, its file, and how it labels sentence rows.

``framing train`` (:mod:`analysis.adapt`) fits one scikit-learn pipeline per
label (``coop``, ``conf``) on a researcher's annotated sentences; this module
holds what scoring needs to *apply* such a model, low enough in the layers
that :mod:`analysis.pipeline`, :mod:`analysis.run` and their worker processes
can import it:

* :class:`RuleFeatures`: the rule scorer's own output for a sentence row
  (event categories counted from the evidence string, negations, dropped
  events and the rule that dropped them, de-escalations, joint action,
  modality, voice, actor and dyad counts, the summed weights) as a
  scikit-learn transformer with ``get_feature_names_out``;
* :class:`FrameModel`: the fitted pipelines, their decision thresholds and
  their provenance (lexicon version, feature list, training data hash);
  :meth:`FrameModel.annotate` adds ``coop_p``, ``conf_p``, ``coop_model`` and
  ``conf_model`` to scored sentence rows, leaving the rule columns alone;
* :func:`load_model` / :func:`save_model`: the ``.joblib`` file, written
  byte-stably; a file that is not a model, or a model of another lexicon
  version, is a :class:`ModelError` naming the file.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer

from .tables import MODEL_ARTICLE_COLUMNS, MODEL_SENTENCE_COLUMNS, ScoredArticle  # noqa: F401

#: Columns of a sentence row the rule features read (``n_dyads`` is counted by the caller).
RULE_INPUT_COLUMNS = ["coop", "conf", "coop_score", "conf_score", "goldstein", "modality",
                      "voice", "actors", "evidence", "n_dyads"]
#: The labels a model predicts.
LABELS: tuple[str, ...] = ("coop", "conf")
#: ``--model bundled``: the model trained on the project's annotations by scripts/train_bundled.py.
BUNDLED = Path(__file__).resolve().parent / "data" / "model" / "bundled.joblib"
FORMAT = "framing-model/1"

_ITEM_RE = re.compile(r"^(?:(?P<prefix>[a-z_]+):)?(?P<body>[^\[]*)(?:\[(?P<tags>[^\]]*)\])?")
_CATEGORY_RE = re.compile(r"^[A-Z]+$")


class ModelError(ValueError):
    """A model file that cannot be used: not a model, damaged, or for another lexicon."""


# ---------------------------------------------------------------- rule features

def _number(value: object) -> float:
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(x) else x


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float)
                                                     and math.isnan(value)) else str(value)


@lru_cache(maxsize=4096)
def _evidence_features(evidence: str) -> tuple[tuple[str, float], ...]:
    return tuple(evidence_features(evidence).items())


def evidence_features(evidence: str) -> dict[str, float]:
    """Counts of what the rules did, read from one evidence string.

    ``term[CAT,+w]`` counts ``cat=CAT``; ``not:term[...]`` counts
    ``negated=CAT``; ``rule:term[dropped]`` counts ``dropped=rule``; ``a>b[tag,…]``
    counts ``rule=tag`` (de-escalation, spoiled, pledged conflict);
    ``joint:A+B`` counts ``joint``; a modality tag counts ``event_modality=…``.
    """
    out: dict[str, float] = {}

    def add(key: str) -> None:
        out[key] = out.get(key, 0.0) + 1.0

    for item in (x.strip() for x in evidence.split(";")):
        m = _ITEM_RE.match(item)
        if not item or m is None:
            continue
        prefix, tags = m["prefix"] or "", [t for t in (m["tags"] or "").split(",") if t]
        if prefix == "joint" and not tags:
            add("joint")
            continue
        head = tags[0] if tags else ""
        if "dropped" in tags:
            add(f"dropped={prefix or 'other'}")
        elif prefix == "not":
            add(f"negated={head}")
        elif _CATEGORY_RE.match(head):
            add(f"cat={head}")
        elif head:
            add(f"rule={head}")
        if ">" in m["body"]:
            add("governed")
        for tag in tags[1:]:
            if tag.isalpha() and tag != "dropped":
                add(f"event_modality={tag}")
    return out


def rule_features(row: dict[str, Any]) -> dict[str, float]:
    """The rule scorer's features of one sentence row (a dict of sentence columns)."""
    feats = dict(_evidence_features(_text(row.get("evidence"))))  # most are "" or repeated
    actors = [a for a in _text(row.get("actors")).split(";") if a]
    goldstein = _number(row.get("goldstein"))
    feats.update({
        "coop": _number(row.get("coop")), "conf": _number(row.get("conf")),
        "coop_score": math.log1p(abs(_number(row.get("coop_score")))),
        "conf_score": math.log1p(abs(_number(row.get("conf_score")))),
        "goldstein": goldstein / 10.0,
        "n_actors": float(len(set(actors))), "n_dyads": _number(row.get("n_dyads")),
        f"modality={_text(row.get('modality')) or 'asserted'}": 1.0,
        f"voice={_text(row.get('voice')) or 'narrator'}": 1.0,
    })
    return feats


def _column(X: pd.DataFrame, col: str) -> list[Any]:
    return X[col].tolist() if col in X.columns else [None] * len(X)


def _numeric_features(X: pd.DataFrame) -> dict[str, np.ndarray]:
    """The numeric features of :func:`rule_features`, one array per name, for all rows."""
    def num(col: str, scale: Any = float) -> np.ndarray:
        return np.array([scale(_number(v)) for v in _column(X, col)], dtype=float)

    def log(x: float) -> float:
        return math.log1p(abs(x))

    actors = [len({a for a in _text(v).split(";") if a}) for v in _column(X, "actors")]
    return {"coop": num("coop"), "conf": num("conf"),
            "coop_score": num("coop_score", log), "conf_score": num("conf_score", log),
            "goldstein": num("goldstein") / 10.0, "n_actors": np.array(actors, dtype=float),
            "n_dyads": num("n_dyads")}


class RuleFeatures(TransformerMixin, BaseEstimator):
    """The rule scorer's output for each sentence row, as a sparse feature matrix.

    Input: a DataFrame with the columns :data:`RULE_INPUT_COLUMNS` (missing
    ones count as empty). :meth:`fit` learns which evidence features occur
    (sorted, so the same rows give the same columns);
    :meth:`get_feature_names_out` names them (``cat=ASSAULT``,
    ``negated=AGREE``, ``dropped=sport``, ``modality=future``, ``n_dyads``…).
    """

    def fit(self, X: pd.DataFrame, y: Any = None) -> RuleFeatures:
        self.vectorizer_ = DictVectorizer(sort=True).fit(self._dicts(X))
        return self

    def transform(self, X: pd.DataFrame) -> Any:
        """The same matrix as ``vectorizer_.transform(self._dicts(X))``, built column-wise.

        A model labels every sentence of a run: the numeric columns are read as
        arrays, and each distinct evidence string is parsed once.
        """
        vocab, n = self.vectorizer_.vocabulary_, len(X)
        rows, cols, vals = [], [], []

        def add(name: str, where: np.ndarray, values: np.ndarray) -> None:
            if name in vocab:
                rows.append(where)
                cols.append(np.full(len(where), vocab[name]))
                vals.append(values)

        every = np.arange(n)
        for name, values in _numeric_features(X).items():
            add(name, every, values)
        for col, default in (("modality", "asserted"), ("voice", "narrator")):
            names = [f"{col}={_text(v) or default}" for v in _column(X, col)]
            for name in sorted(set(names)):
                add(name, np.flatnonzero(np.array(names, dtype=object) == name), np.ones(1))
        codes, texts = pd.factorize(pd.Series([_text(v) for v in _column(X, "evidence")],
                                              dtype=object), sort=True)
        for k, text in enumerate(texts):
            where = np.flatnonzero(codes == k)
            for name, value in _evidence_features(text):
                add(name, where, np.full(len(where), value))
        shape = (n, len(vocab))
        if not rows:
            return sp.csr_matrix(shape)
        values = np.concatenate([np.broadcast_to(v, r.shape) for r, v in zip(rows, vals,
                                                                               strict=True)])
        return sp.csr_matrix((values, (np.concatenate(rows), np.concatenate(cols))), shape=shape)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray(self.vectorizer_.get_feature_names_out(), dtype=object)

    @staticmethod
    def _dicts(X: pd.DataFrame) -> list[dict[str, float]]:
        cols = [c for c in RULE_INPUT_COLUMNS if c in X.columns]
        return [rule_features(r) for r in X[cols].to_dict("records")]


# ---------------------------------------------------------------- the model

@dataclass
class FrameModel:
    """Fitted pipelines (one per label), their thresholds and where they come from.

    ``pipelines[label]`` maps a DataFrame of sentence rows (``text`` and the
    :data:`RULE_INPUT_COLUMNS`) to calibrated probabilities; a sentence is
    labelled 1 when its probability reaches ``thresholds[label]`` (chosen on
    out-of-fold predictions of the training data). ``lexicon_version`` is the
    ``articles.lexicon_version`` of the tables it was trained on;
    ``data_sha256`` hashes the training rows and labels.
    """

    pipelines: dict[str, Any]
    thresholds: dict[str, float]
    lexicon_version: str
    mode: str
    features: dict[str, list[str]]
    data_sha256: str
    n_train: int
    positives: dict[str, int]
    sklearn_version: str
    info: dict[str, str] = field(default_factory=dict)
    format: str = FORMAT

    def probabilities(self, rows: pd.DataFrame) -> dict[str, np.ndarray]:
        """Calibrated P(label = 1) of each row, per label (empty input: empty arrays).

        The feature step is unsupervised, so the labels' pipelines fitted on the
        same rows have the same features: the rows are then transformed once
        (the character n-grams cost most of a model's time) and each label's
        classifier applied to the result.
        """
        if len(rows) == 0:
            return {lab: np.zeros(0) for lab in LABELS}
        if all(self.features[lab] == self.features[LABELS[0]] for lab in LABELS):
            X = self.pipelines[LABELS[0]].named_steps["features"].transform(rows)
            return {lab: self.pipelines[lab].named_steps["classifier"].predict_proba(X)[:, 1]
                    for lab in LABELS}
        return {lab: self.pipelines[lab].predict_proba(rows)[:, 1] for lab in LABELS}

    def annotate(self, rows: Sequence[dict[str, Any]], n_dyads: Sequence[int]) -> None:
        """Add :data:`MODEL_SENTENCE_COLUMNS` to scored sentence rows (rounded as written)."""
        if not rows:
            return
        columns = {c: [r.get(c) for r in rows] for c in RULE_INPUT_COLUMNS if c != "n_dyads"}
        frame = pd.DataFrame({"text": [_text(r.get("text")) for r in rows], **columns,
                              "n_dyads": list(n_dyads)}, dtype=object)
        probs = self.probabilities(frame)
        for i, row in enumerate(rows):
            for lab in LABELS:
                p = round(float(probs[lab][i]), 4)
                row[f"{lab}_p"] = p
                row[f"{lab}_model"] = int(p >= self.thresholds[lab])

    def describe(self) -> str:
        """``model:<12 hex of the training data hash>``, as recorded in a run's settings."""
        return f"model:{self.data_sha256[:12]}"


def model_measures(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Article measures from the model's labels of its body sentences (:data:`MODEL_ARTICLE_COLUMNS`)."""
    body = [r for r in rows if r.get("kind") == "body" and "coop_model" in r]
    n = len(body)
    coop = float(sum(r["coop_model"] for r in body))
    conf = float(sum(r["conf_model"] for r in body))
    total = coop + conf
    return {"n_coop_model": coop, "n_conf_model": conf,
            "coop_share_model": coop / n if n else math.nan,
            "conf_share_model": conf / n if n else math.nan,
            "net_index_model": (coop - conf) / total if total else math.nan}


def annotate_articles(results: Sequence[ScoredArticle], model: FrameModel) -> None:
    """Add the model's sentence columns and article measures to scored articles, in one call.

    Scored sentences are those with a ``coop`` value; each gets its dyad count
    from the article's dyad rows. Articles that were not scored (status other
    than ``ok``) get empty model measures, as they have empty rule measures.
    """
    rows, n_dyads = [], []
    for r in results:
        counts = Counter(d["sentence_id"] for d in r.dyads)
        for row in r.sentences:
            if row.get("coop") is not None:
                rows.append(row)
                n_dyads.append(counts.get(row["sentence_id"], 0))
    model.annotate(rows, n_dyads)
    for r in results:
        if r.article.get("status") == "ok":
            r.article.update(model_measures(r.sentences))
        else:
            r.article.update({c: math.nan for c in MODEL_ARTICLE_COLUMNS})


# ---------------------------------------------------------------- the file

def model_path(name: str | Path) -> Path:
    """The file of ``--model``: ``bundled`` is the packaged model, anything else a path."""
    return BUNDLED if str(name) == "bundled" else Path(name)


def save_model(model: FrameModel, path: str | Path) -> Path:
    """Write the model with joblib; the same model gives the same bytes."""
    import joblib

    buf = io.BytesIO()
    joblib.dump(model, buf, compress=("zlib", 6), protocol=4)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


def load_model(name: str | Path, lexicon_version: str | None = None) -> FrameModel:
    """Read a model file; :class:`ModelError` naming it if it is no model or fits another lexicon.

    ``lexicon_version``: the version of the lexicon it will be applied with
    (default: the packaged one); a model trained on tables of another version
    would read features it never saw, so it is refused.
    """
    import joblib

    from . import lexicon as lx

    path = model_path(name)
    if not path.is_file():
        raise ModelError(f"{path}: model file does not exist")
    try:
        model = joblib.load(path)
    except Exception as exc:  # noqa: BLE001  (any unpickling failure means: not a model)
        raise ModelError(f"{path}: not a framing model file ({type(exc).__name__}); "
                         "train one with 'framing train'") from None
    if not isinstance(model, FrameModel) or getattr(model, "format", None) != FORMAT:
        raise ModelError(f"{path}: not a framing model file (holds {type(model).__name__}); "
                         "train one with 'framing train'")
    expected = lx.LEXICON_VERSION if lexicon_version is None else lexicon_version
    if model.lexicon_version != expected:
        raise ModelError(f"{path}: model trained with lexicon {model.lexicon_version}, but "
                         f"scoring uses lexicon {expected}; retrain it with 'framing train'")
    return model
