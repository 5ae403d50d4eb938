"""How much annotation the adapted model needs: the project's annotated units, grouped
cross-validation and the learning curve.

:func:`project_units` gathers every sentence the project has annotated, each
scored alone by the rule scorer (as :mod:`analysis.reliability` scores the
held-out batches), as training units (:data:`analysis.adapt.UNIT_COLUMNS`)
with a ``source`` column: ``seeds`` (the five seed articles' body and headline
rows, grouped by article), ``ud1``–``ud3`` (the held-out UD French-GSD batches:
independent sentences, so each sentence is its own group) and ``news_dev`` /
``news_test`` (the news set's halves; the test half is never trained on or
used to choose anything).

:func:`cross_validate` gives grouped out-of-fold predictions (``GroupKFold``:
no article is in the training and the test folds at once) of the adapted
model, of a text-only model and of the rules alone; :func:`learning_curve`
trains on growing random subsets of each training fold and scores the pooled
out-of-fold predictions, with bootstrap intervals over groups, including the
paired difference between the model and the rules (:func:`curve_table`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

from . import paths
from .adapt import UNIT_COLUMNS, Kind, fit_label
from .model import LABELS
from .stats import LEVEL, N_BOOT, SEED, bootstrap_indices, f1_binary, percentile_interval

#: Sizes of the learning curve (annotated sentences in the training folds).
SIZES: tuple[int, ...] = (50, 100, 200, 300, 450, 600, 720)
#: Methods of the learning curve: the adapted model, a text-only model, the rules alone.
CURVE_METHODS: tuple[str, ...] = ("model", "text_only", "rules")
CURVE_COLUMNS = ["label", "method", "n_train", "f1", "f1_low", "f1_high", "delta_vs_rules",
                 "delta_low", "delta_high", "n_test", "support"]
UD_SOURCES: tuple[str, ...] = ("ud1", "ud2", "ud3")


def unit_row(sentences: Sequence[object]) -> dict[str, object]:
    """One unit's rule columns from the :class:`~analysis.scoring.SentenceScore` s of its text.

    A unit the splitter cuts into several sentences takes the OR of their
    labels, the sums of their weights and dyads, the union of their actors
    and the concatenation of their evidence (as :func:`analysis.evaluate.align`
    combines split rows).
    """
    ss = list(sentences)
    weights = [float(s.goldstein) for s in ss if s.goldstein == s.goldstein]  # not NaN
    actors: list[str] = []
    for s in ss:
        actors += [a for a in s.actors if a not in actors]
    return {
        "coop": int(any(s.coop for s in ss)), "conf": int(any(s.conf for s in ss)),
        "coop_score": float(sum(s.coop_score for s in ss)),
        "conf_score": float(sum(s.conf_score for s in ss)),
        "goldstein": float(np.mean(weights)) if weights else float("nan"),
        "modality": next((s.modality for s in ss if s.modality != "asserted"), "asserted"),
        "voice": "quoted" if any(s.voice == "quoted" for s in ss) else "narrator",
        "actors": ";".join(actors), "evidence": "; ".join(s.evidence for s in ss if s.evidence),
        "n_dyads": int(sum(len(s.dyads) for s in ss)),
    }


def score_units(texts: Sequence[str], mode: str = "full") -> pd.DataFrame:
    """The rule columns of each text scored alone (:func:`unit_row`), one row per text."""
    from .nlp import parse
    from .read import normalize
    from .scoring import FrameScorer

    scorer = FrameScorer(mode=mode).fit()  # type: ignore[arg-type]
    norm = [normalize(t)[0] for t in texts]
    docs = norm if mode == "lexical" else parse(norm, mode)
    rows = [unit_row(scorer.score_paragraphs([d])[0]) for d in docs]
    return pd.DataFrame(rows)


def annotated_sentences() -> pd.DataFrame:
    """Every annotated sentence of the project, unscored: ``item_id``, ``group``, ``text``,
    ``y_coop``, ``y_conf`` and ``source`` (see :func:`project_units`)."""
    from .evaluate import SCORED_KINDS, load_gold
    from .reliability import load_heldout

    held = load_heldout()
    ud = pd.DataFrame({"item_id": held["item_id"], "group": held["item_id"], "text": held["text"],
                       "y_coop": held["coop"], "y_conf": held["conf"],
                       "source": [f"ud{b}" for b in held["batch"]]})
    gold = load_gold()
    gold = gold[gold["kind"].isin(SCORED_KINDS)].reset_index(drop=True)
    seeds = pd.DataFrame({"item_id": [f"{a}@{s}" for a, s in zip(gold["article_id"], gold["start"],
                                                                strict=True)],
                          "group": gold["article_id"], "text": gold["text"],
                          "y_coop": gold["coop"], "y_conf": gold["conf"], "source": "seeds"})
    news = pd.read_csv(paths.NEWS_ANNOTATIONS / "gold.csv", dtype=str, keep_default_na=False)
    news = pd.DataFrame({"item_id": news["item_id"], "group": news["item_id"], "text": news["text"],
                         "y_coop": news["coop"].astype(int), "y_conf": news["conf"].astype(int),
                         "source": "news_" + news["split"]})
    return pd.concat([seeds, ud, news], ignore_index=True)


@lru_cache(maxsize=3)
def _project_units(mode: str) -> pd.DataFrame:
    raw = annotated_sentences()
    rules = score_units(raw["text"].tolist(), mode)
    units = pd.concat([raw.reset_index(drop=True), rules], axis=1)
    return units[[*UNIT_COLUMNS, "source"]]


def project_units(mode: str = "full", sources: Sequence[str] | None = None) -> pd.DataFrame:
    """The project's annotated sentences as training units (scored once per process and mode).

    ``sources`` selects some of ``seeds``, ``ud1``–``ud3``, ``news_dev``,
    ``news_test`` (default: all). Rows keep their file order.
    """
    units = _project_units(mode)
    if sources is not None:
        units = units[units["source"].isin(list(sources))]
    return units.reset_index(drop=True).copy()


def without_texts_of(units: pd.DataFrame, held_out: pd.DataFrame) -> pd.DataFrame:
    """``units`` minus every sentence whose text is also in ``held_out`` (the same sentence
    annotated twice, e.g. a UD sentence in the news test half)."""
    texts = set(held_out["text"].str.strip())
    return units[~units["text"].str.strip().isin(texts)].reset_index(drop=True)


def bundled_units(mode: str = "full") -> pd.DataFrame:
    """The bundled model's training data: seeds, UD batches and the news dev half, minus any
    sentence of the news test half (which stays untouched), each text once."""
    units = project_units(mode, ("seeds", *UD_SOURCES, "news_dev"))
    units = without_texts_of(units, project_units(mode, ("news_test",)))
    return units.drop_duplicates("text", keep="first").reset_index(drop=True)


# ---------------------------------------------------------------- a corpus to walk through

def write_corpus(folder: str | Path, units: pd.DataFrame, per_doc: int = 3) -> Path:
    """Write annotated units as a corpus of ``.txt`` articles, ``per_doc`` sentences each, one
    per paragraph, so that ``framing score`` / ``sample`` / ``train`` can be run on them."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    texts = units["text"].astype(str).tolist()
    for k in range(0, len(texts), per_doc):
        body = "\n\n".join(texts[k:k + per_doc]) + "\n"
        (folder / f"doc_{k // per_doc:05d}.txt").write_text(body, encoding="utf-8")
    return folder


def fill_from_gold(sample: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """An annotation sample filled with the project's labels, standing in for an annotator.

    Each sampled sentence whose text is an annotated unit's text gets that
    unit's ``coop``/``conf``; sentences the splitter cut differently have no
    label and are left out (``note`` says which unit each label comes from).
    """
    labels = units.drop_duplicates("text").set_index(units.drop_duplicates("text")["text"].str.strip())
    key = sample["text"].astype(str).str.strip()
    found = key.isin(labels.index)
    out = sample[found.to_numpy()].copy()
    hit = labels.loc[key[found]]
    out["coop"], out["conf"] = hit["y_coop"].to_numpy(), hit["y_conf"].to_numpy()
    out["note"] = "gold of " + hit["item_id"].astype(str).to_numpy()
    return out.reset_index(drop=True)


# ---------------------------------------------------------------- cross-validation

def _folds(units: pd.DataFrame, n_splits: int) -> list[tuple[np.ndarray, np.ndarray]]:
    groups = units["group"].astype(str).to_numpy()
    return list(GroupKFold(n_splits=n_splits).split(units, groups=groups))


def _subset(train: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    return np.sort(rng.permutation(train)[:n]) if n < len(train) else train


def _predict(units: pd.DataFrame, train: np.ndarray, test: np.ndarray, label: str, kind: Kind,
             seed: int) -> np.ndarray:
    """0/1 predictions of ``test`` by a pipeline fitted on ``train`` (its threshold chosen
    inside ``train``)."""
    return fit_label(units.iloc[train], label, kind, seed).predict(units.iloc[test]).astype(int)


def cross_validate(units: pd.DataFrame, n_train: int | None = None, n_splits: int = 5,
                   seed: int = 0, kinds: Sequence[Kind] = ("full", "text")) -> pd.DataFrame:
    """Grouped out-of-fold 0/1 predictions of each unit, per label and method.

    Each of ``n_splits`` ``GroupKFold`` folds is predicted by pipelines trained
    on ``n_train`` units drawn at random (seeded) from the other folds (all of
    them when ``None``). Columns: ``item_id``, ``group``, ``y_<label>``,
    ``rules_<label>`` and ``model_<label>`` / ``text_only_<label>``.
    """
    out = units[["item_id", "group", "y_coop", "y_conf"]].copy()
    names = {"full": "model", "text": "text_only", "rules": "rules_only"}
    for label in LABELS:
        out[f"rules_{label}"] = units[label].astype(int).to_numpy()
        for kind in kinds:
            pred = np.zeros(len(units), dtype=int)
            rng = np.random.default_rng(seed)
            for train, test in _folds(units, n_splits):
                picked = _subset(train, n_train, rng) if n_train else train
                pred[test] = _predict(units, picked, test, label, kind, seed)
            out[f"{names[kind]}_{label}"] = pred
    return out


def curve_rows(pred: pd.DataFrame, n_train: int, n_boot: int = N_BOOT, seed: int = SEED,
               level: float = LEVEL) -> list[dict[str, object]]:
    """F1 of each method and its paired difference with the rules, bootstrap intervals over groups."""
    resamples = bootstrap_indices(pred["group"].astype(str), n_boot=n_boot, seed=seed)
    rows = []
    for label in LABELS:
        y = pred[f"y_{label}"].to_numpy(dtype=int)
        rules = pred[f"rules_{label}"].to_numpy(dtype=int)
        rules_boot = np.array([f1_binary(y[i], rules[i]) for i in resamples])
        for method in CURVE_METHODS:
            if f"{method}_{label}" not in pred:
                continue
            p = pred[f"{method}_{label}"].to_numpy(dtype=int)
            boot = np.array([f1_binary(y[i], p[i]) for i in resamples])
            lo, hi = percentile_interval(boot, level)
            dlo, dhi = percentile_interval(boot - rules_boot, level)
            rows.append({"label": label, "method": method, "n_train": n_train,
                         "f1": f1_binary(y, p), "f1_low": lo, "f1_high": hi,
                         "delta_vs_rules": f1_binary(y, p) - f1_binary(y, rules),
                         "delta_low": dlo, "delta_high": dhi, "n_test": len(y),
                         "support": int(y.sum())})
    return rows


def learning_curve(units: pd.DataFrame | None = None, sizes: Sequence[int] = SIZES,
                   n_splits: int = 5, seed: int = 0, n_boot: int = N_BOOT) -> pd.DataFrame:
    """F1 against the number of annotated training sentences (default: the UD batches).

    For each size, :func:`cross_validate` then :func:`curve_rows`; the rules
    alone need no training and give the same F1 at every size. Columns:
    :data:`CURVE_COLUMNS`.
    """
    if units is None:  # the project's curve: computed once per process (figures, notebooks)
        return _ud_curve(tuple(sizes), n_splits, seed, n_boot).copy()
    rows: list[dict[str, object]] = []
    for n in sizes:
        pred = cross_validate(units, n_train=n, n_splits=n_splits, seed=seed)
        rows += curve_rows(pred, n, n_boot=n_boot)
    return pd.DataFrame(rows, columns=CURVE_COLUMNS)


@lru_cache(maxsize=2)
def _ud_curve(sizes: tuple[int, ...], n_splits: int, seed: int, n_boot: int) -> pd.DataFrame:
    return learning_curve(project_units(sources=UD_SOURCES), sizes, n_splits, seed, n_boot)


def transfer_scores(train_units: pd.DataFrame, test_units: pd.DataFrame, seed: int = 0,
                    n_boot: int = N_BOOT) -> pd.DataFrame:
    """F1 on ``test_units`` of a model trained on ``train_units`` (minus any sentence of the
    test set), beside the rules alone, with bootstrap intervals (:data:`CURVE_COLUMNS`)."""
    train = without_texts_of(train_units, test_units)
    pred = test_units[["item_id", "group", "y_coop", "y_conf"]].copy()
    for label in LABELS:
        pred[f"rules_{label}"] = test_units[label].astype(int).to_numpy()
        pipe = fit_label(train, label, "full", seed)
        pred[f"model_{label}"] = pipe.predict(test_units).astype(int)
    return pd.DataFrame(curve_rows(pred, len(train), n_boot=n_boot), columns=CURVE_COLUMNS)


def news_scores(split: str = "dev", n_boot: int = N_BOOT) -> pd.DataFrame:
    """The adapted model on a half of the news set, against the rules.

    ``dev``: trained on the seeds and the UD batches; ``test``: trained on the
    bundled model's data (:func:`bundled_units`, which holds the dev half).
    Sentences of the evaluated half are never trained on. Report the test
    half once, at the end: it chooses nothing.
    """
    test = project_units(sources=(f"news_{split}",))
    train = (bundled_units() if split == "test"
             else project_units(sources=("seeds", *UD_SOURCES)))
    return transfer_scores(train, test, n_boot=n_boot)
