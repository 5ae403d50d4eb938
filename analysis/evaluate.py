"""Validation: every method scored against the gold annotations of the seed sentences.

The gold file (``annotations/seed_sentences.csv``) labels each sentence of the
five seed articles by the codebook: ``kind`` (body / headline / boilerplate),
``coop`` and ``conf`` (0/1) and the Russia–United States relation ``rus_usa``
(coop / conf / mixed / none). Gold rows and the system's sentences both carry
``start``/``end`` character offsets into the same stored text, so they are
aligned by character overlap (:func:`align`), which survives any change of
sentence splitting.

Five methods are compared on the same gold sentences (body and headline rows):

* ``scorer_full`` / ``scorer_fast``: the lexicon scorer in its two modes;
* ``vader`` / ``textblob``: general-purpose tone mapped to the codebook with
  :func:`analysis.tone.tone_to_frame` (positive → coop, negative → conf);
* ``tfidf_logreg``: a supervised bag-of-n-grams model, evaluated by
  leave-one-article-out cross-validation (the only method tuned on the labels).

:func:`evaluate_seeds` returns precision, recall and F1 with two-stage
bootstrap 95 % intervals (articles, then sentences within them) and the
sample sizes; :func:`agreement` gives Krippendorff's alpha and Cohen's kappa
between any two label sets (the bootstrap and agreement statistics live in
:mod:`analysis.stats`, re-exported here); :func:`errors` lists the scorer's
mistakes with their evidence; :func:`fast_vs_full` measures the fast mode's
accuracy cost.
The seeds are scored once per process in each mode and the whole validation
is cached (``functools.lru_cache``), so notebooks and figures share it. The
procedure and its caveats (about 60 sentences, a lexicon written by people who
had read the seeds) are in ``docs/validation.md``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut
from sklearn.pipeline import Pipeline

from . import paths
from .stats import (  # noqa: F401  (re-exported: ev.agreement, ev.bootstrap_ci, ... keep working)
    LEVEL,
    N_BOOT,
    SEED,
    agreement,
    binary_scores,
    bootstrap_ci,
    bootstrap_indices,
    confusion,
    f1_binary,
)
from .tables import Scored
from .types import Mode

#: Methods compared, in the order of every table.
METHODS: tuple[str, ...] = ("scorer_full", "scorer_fast", "vader", "textblob", "tfidf_logreg")
#: Targets of :func:`evaluate_seeds` (``rus_usa`` there is the binary "any RUS–USA cooperation").
TARGETS: tuple[str, ...] = ("coop", "conf", "rus_usa", "boilerplate")
#: Columns of :func:`evaluate_seeds`, the schema ``analysis.figures`` draws.
METRIC_COLUMNS: list[str] = ["method", "target", "precision", "recall", "f1", "f1_low", "f1_high",
                             "n", "support"]
#: Relation labels of a dyad in a sentence; ``none`` when the pair does not interact.
RELATIONS: tuple[str, ...] = ("coop", "conf", "mixed")
RELATION_LABELS: tuple[str, ...] = (*RELATIONS, "none")
#: Gold kinds that are scored (the population of the coop, conf and rus_usa targets).
SCORED_KINDS: tuple[str, ...] = ("body", "headline")
GOLD_COLUMNS: list[str] = ["article_id", "start", "end", "text", "kind", "boilerplate_kind", "coop",
                           "conf", "rus_usa", "voice", "speaker", "note"]
Alignment = Literal["1:1", "split", "merged", "crossing", "unaligned"]


# ---------------------------------------------------------------- gold and alignment

def load_gold(path: str | Path = paths.SEED_ANNOTATIONS) -> pd.DataFrame:
    """Read the gold sentence annotations, typed and sorted (article, offset).

    Integer offsets and 0/1 labels; empty text cells stay empty strings.
    """
    gold = pd.read_csv(path, dtype={"article_id": str}, keep_default_na=False)
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing gold columns {missing}")
    for col in ("start", "end", "coop", "conf"):
        gold[col] = gold[col].astype(int)
    for col in ("text", "kind", "boilerplate_kind", "rus_usa", "voice", "speaker", "note"):
        gold[col] = gold[col].astype(str)
    bad = set(gold["rus_usa"]) - set(RELATION_LABELS)
    if bad:
        raise ValueError(f"{path}: unknown rus_usa labels {sorted(bad)}")
    return gold.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)


def combine_relations(values: Iterable[str]) -> str:
    """One relation from several (dyads of a sentence, sentences of a gold row).

    ``coop`` and ``conf`` together make ``mixed``; ``none`` and empty values
    are ignored; nothing left is ``none``.
    """
    vals = {str(v) for v in values if isinstance(v, str) and v and v != "none"}
    if not vals:
        return "none"
    if "mixed" in vals or {"coop", "conf"} <= vals:
        return "mixed"
    return "coop" if "coop" in vals else "conf"


def system_rus_usa(sentences: pd.DataFrame, dyads: pd.DataFrame,
                   pair: tuple[str, str] = ("RUS", "USA")) -> pd.Series:
    """The system's RUS–USA relation of each sentence, from its dyads.

    Dyads with ``actor_a, actor_b == pair`` (codes are sorted in ``dyads.csv``)
    are combined with :func:`combine_relations`; a sentence without such a
    dyad is ``none``. Returns a Series aligned with ``sentences``' index.
    """
    ru = dyads[(dyads["actor_a"] == pair[0]) & (dyads["actor_b"] == pair[1])]
    rel = ru.groupby(["article_id", "sentence_id"])["relation"].agg(combine_relations)
    keys = pd.MultiIndex.from_frame(sentences[["article_id", "sentence_id"]])
    return pd.Series(rel.reindex(keys).fillna("none").to_numpy(), index=sentences.index,
                     name="rus_usa", dtype=object)


def _span_assignments(ref: pd.DataFrame, sys: pd.DataFrame) -> list[tuple[list[int], Alignment]]:
    """For each reference row (one article), the positions of its system rows and the type.

    Labels come from the system sentences a row *owns* (those overlapping it
    more than any other row), or, owning none, from the one overlapping it
    most. The type compares the boundaries: ``1:1`` (one sentence, shared
    with no other row), ``split`` (several sentences, none shared),
    ``merged`` (one sentence shared with other rows), ``crossing`` (several,
    some shared: the boundaries cross), ``unaligned`` (no overlap).
    """
    if len(ref) == 0:
        return []
    if len(sys) == 0:
        return [([], "unaligned")] * len(ref)
    rs, re_ = ref["start"].to_numpy(), ref["end"].to_numpy()
    ss, se = sys["start"].to_numpy(), sys["end"].to_numpy()
    ov = np.clip(np.minimum(re_[:, None], se[None, :]) - np.maximum(rs[:, None], ss[None, :]), 0, None)
    owner = np.where(ov.max(axis=0) > 0, ov.argmax(axis=0), -1)
    rows_per_sentence = (ov > 0).sum(axis=0)
    out: list[tuple[list[int], Alignment]] = []
    for i in range(len(ref)):
        touching = np.flatnonzero(ov[i] > 0)
        js = [int(j) for j in np.flatnonzero(owner == i)]
        if not len(touching):
            out.append(([], "unaligned"))
            continue
        if not js:  # merged into a sentence owned by another row
            js = [int(ov[i].argmax())]
        shared = bool((rows_per_sentence[touching] > 1).any())
        if len(touching) == 1:
            kind: Alignment = "merged" if shared else "1:1"
        else:
            kind = "crossing" if shared else "split"
        out.append((js, kind))
    return out


def align(gold: pd.DataFrame, sentences: pd.DataFrame,
          dyads: pd.DataFrame | None = None) -> pd.DataFrame:
    """Gold rows with the system's labels beside them, aligned by character overlap.

    Each system sentence is assigned to the gold row it overlaps most; a gold
    row split into several system sentences takes the OR of their labels
    (``coop``/``conf``) and the combination of their RUS–USA relations; a gold
    row merged into a longer system sentence (owned by another row) takes that
    sentence's labels. Added columns: ``sys_kind`` (the kind covering most of
    the row), ``sys_coop``, ``sys_conf`` (unscored sentences count as 0),
    ``sys_rus_usa``, ``sys_actors``, ``sys_evidence``, ``sys_sentence_ids``,
    ``n_system``, ``alignment`` (1:1, split, merged, crossing, unaligned),
    ``coverage`` (share of the row's characters covered) and ``text_match``
    (the overlapping characters are identical in both tables: a check that the
    offsets point into the same text). ``gold`` may be any table with
    ``article_id``, ``start`` and ``end`` (e.g. another mode's sentences).
    """
    if not gold.index.is_unique:
        raise ValueError("gold rows need a unique index (reset_index first)")
    sents = sentences.copy()
    if "rus_usa" not in sents.columns:
        sents["rus_usa"] = (system_rus_usa(sents, dyads) if dyads is not None
                            else pd.Series("none", index=sents.index, dtype=object))
    for col in ("actors", "evidence", "text"):
        if col not in sents.columns:
            sents[col] = ""
    rows = []
    by_article = {aid: grp for aid, grp in sents.groupby("article_id", sort=False)}
    for aid, ref in gold.groupby("article_id", sort=False):
        sys = by_article.get(aid, sents.iloc[0:0])
        sys = sys.sort_values("start", kind="stable")
        for (idx, g), (js, kind) in zip(ref.iterrows(), _span_assignments(ref, sys), strict=True):
            rows.append(_aligned_row(idx, g, sys.iloc[js], kind))
    extra = pd.DataFrame(rows).set_index("index") if rows else pd.DataFrame()
    out = gold.join(extra) if len(extra) else gold.assign(**{c: np.nan for c in _ALIGN_COLUMNS})
    return out[[*gold.columns, *_ALIGN_COLUMNS]]


_ALIGN_COLUMNS = ["sys_kind", "sys_coop", "sys_conf", "sys_rus_usa", "sys_actors", "sys_evidence",
                  "sys_sentence_ids", "n_system", "alignment", "coverage", "text_match"]


def _aligned_row(idx: object, g: pd.Series, sys: pd.DataFrame, kind: str) -> dict[str, object]:
    gs, ge = int(g["start"]), int(g["end"])
    row: dict[str, object] = {"index": idx, "n_system": len(sys), "alignment": kind}
    if sys.empty:
        row.update(sys_kind="", sys_coop=0, sys_conf=0, sys_rus_usa="none", sys_actors="",
                   sys_evidence="", sys_sentence_ids="", coverage=0.0, text_match=True)
        return row
    overlap = [max(0, min(ge, int(s.end)) - max(gs, int(s.start))) for s in sys.itertuples()]
    by_kind: dict[str, int] = {}
    for k, o in zip(sys["kind"].astype(str), overlap, strict=True):
        by_kind[k] = by_kind.get(k, 0) + o
    actors: list[str] = []
    for cell in sys["actors"].fillna("").astype(str):
        actors += [a for a in cell.split(";") if a and a not in actors]
    match = True
    if "text" in g.index:
        for s in sys.itertuples():
            lo, hi = max(gs, int(s.start)), min(ge, int(s.end))
            if hi > lo and isinstance(s.text, str) and s.text:
                match &= str(g["text"])[lo - gs:hi - gs] == s.text[lo - int(s.start):hi - int(s.start)]
    row.update(
        sys_kind=max(by_kind, key=lambda k: (by_kind[k], k != "boilerplate")),
        sys_coop=int(pd.to_numeric(sys["coop"], errors="coerce").fillna(0).max() > 0),
        sys_conf=int(pd.to_numeric(sys["conf"], errors="coerce").fillna(0).max() > 0),
        sys_rus_usa=combine_relations(sys["rus_usa"]),
        sys_actors=";".join(actors),
        sys_evidence=" | ".join(e for e in sys["evidence"].fillna("").astype(str) if e),
        sys_sentence_ids=";".join(str(i) for i in sys["sentence_id"]) if "sentence_id" in sys
        else "",
        coverage=min(1.0, sum(overlap) / max(1, ge - gs)),
        text_match=bool(match),
    )
    return row


def alignment_summary(aligned: pd.DataFrame) -> pd.Series:
    """How many gold rows aligned 1:1, split, merged, crossing or not at all (and text mismatches)."""
    counts = aligned["alignment"].value_counts().reindex(
        ["1:1", "split", "merged", "crossing", "unaligned"], fill_value=0)
    counts["text_mismatch"] = int((~aligned["text_match"].astype(bool)).sum())
    counts["total"] = len(aligned)
    return counts.rename("rows")


# ---------------------------------------------------------------- metrics

def relation_scores(y_true: Sequence[str], y_pred: Sequence[str],
                    labels: Sequence[str] = RELATIONS) -> dict[str, float]:
    """Macro precision, recall and F1 over the relation labels (``none`` excluded).

    Averaged over the labels that occur in the gold or the system labels (as
    scikit-learn does), each undefined ratio counting 0; ``support`` is the
    number of gold rows with a relation. NaN when no label occurs at all.
    """
    t, p = np.asarray(y_true, dtype=object), np.asarray(y_pred, dtype=object)
    present = [lab for lab in labels if (t == lab).any() or (p == lab).any()]
    prec, rec, f1 = [], [], []
    for lab in present:
        s = binary_scores(t == lab, p == lab)
        prec.append(np.nan_to_num(s["precision"]))
        rec.append(np.nan_to_num(s["recall"]))
        f1.append(np.nan_to_num(s["f1"]))
    return {"precision": _mean(prec), "recall": _mean(rec), "f1": _mean(f1), "n": len(t),
            "support": int(np.isin(t, list(labels)).sum()), "labels": ";".join(present)}


def _mean(xs: list[float]) -> float:
    return float(np.mean(xs)) if xs else float("nan")


def f1_macro_relation(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Macro-F1 over coop/conf/mixed (see :func:`relation_scores`)."""
    return relation_scores(y_true, y_pred)["f1"]


# ---------------------------------------------------------------- supervised baseline

def french_stop_words() -> list[str]:
    """spaCy's French stop words, tokenised as the vectoriser tokenises (no warning)."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    tokenize = TfidfVectorizer().build_tokenizer()
    return sorted({tok for word in STOP_WORDS for tok in tokenize(word.lower())})


def tfidf_logreg() -> Pipeline:
    """TF-IDF on word 1–2 grams (French stop words removed) + balanced logistic regression."""
    return Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), stop_words=french_stop_words(),
                                  sublinear_tf=True)),
        ("logreg", LogisticRegression(class_weight="balanced", random_state=0, max_iter=1000)),
    ])


def grouped_splits(groups: Sequence[object]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Leave-one-article-out splits: each fold holds out every sentence of one article."""
    idx = np.zeros(len(groups))
    return list(LeaveOneGroupOut().split(idx, idx, groups=np.asarray(groups, dtype=object)))


def cross_validated_predictions(texts: Sequence[str], labels: Sequence[object],
                                groups: Sequence[object],
                                make_model: Callable[[], BaseEstimator] = tfidf_logreg) -> np.ndarray:
    """Out-of-fold predictions: each article is predicted by a model never trained on it.

    A fold whose training labels have a single class predicts that class.
    """
    x = np.asarray(list(texts), dtype=object)
    y = np.asarray(list(labels), dtype=object)
    pred = np.empty(len(y), dtype=object)
    for train, test in grouped_splits(groups):
        classes = set(y[train].tolist())
        if len(classes) == 1:
            pred[test] = next(iter(classes))
            continue
        model = clone(make_model()).fit(list(x[train]), list(y[train]))
        pred[test] = model.predict(list(x[test]))
    return pred


# ---------------------------------------------------------------- the seeds

@lru_cache(maxsize=3)
def _scored_seeds(mode: Mode) -> Scored:
    from .pipeline import score
    from .read import InputWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return score([paths.SEEDS], mode=mode)


def scored_seeds(mode: Mode = "full") -> Scored:
    """The seeds scored in ``mode``, as ``analysis.score(seeds, mode=mode)`` returns them.

    Scored once per process and cached, so the notebooks, the figures and the
    validation can share one scoring; the tables returned are copies, so
    callers may modify them.
    """
    s = _scored_seeds(mode)
    return Scored(s.articles.copy(), s.sentences.copy(), s.dyads.copy())


def aligned_seeds(mode: Mode = "full", gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Gold rows aligned with the scorer's sentences in ``mode`` (see :func:`align`)."""
    gold = load_gold() if gold is None else gold
    s = scored_seeds(mode)
    return align(gold, s.sentences, s.dyads)


def _binary_relation(labels: Iterable[object]) -> np.ndarray:
    """Any RUS–USA cooperation: relation coop or mixed → 1."""
    return np.array([1 if lab in ("coop", "mixed") else 0 for lab in labels], dtype=int)


#: Marks gold rows whose RUS–USA partner is not named in the sentence (annotation decision D11).
IMPLICIT_DYAD = "[implicit-dyad]"


def strict_rus_usa(gold: pd.DataFrame) -> pd.Series:
    """Gold relation under the strict reading: ``none`` where the partner is only implicit.

    The annotator tagged ``[implicit-dyad]`` the rows whose Russia–US relation
    rests on context ("en commun", "la conversation téléphonique"); a
    sentence-level scorer cannot see those, so this reading shows how much
    of the recall gap they explain.
    """
    implicit = gold["note"].astype(str).str.contains(IMPLICIT_DYAD, regex=False)
    return gold["rus_usa"].where(~implicit, "none").rename("rus_usa_strict")


def tone_relation(tone_scores: Sequence[float], actors: Sequence[str],
                  threshold: float | None = None) -> np.ndarray:
    """Map tone to a RUS–USA relation, only where both Russia and the US are mentioned.

    Tone tools know nothing of who does what to whom, so they are given the
    scorer's actor detection: a sentence naming both RUS and USA is ``coop``
    if its tone is positive, ``conf`` if negative, ``none`` if neutral; a
    sentence not naming both is ``none``. They never say ``mixed``.
    """
    from .tone import THRESHOLD, tone_to_frame

    coop, conf = tone_to_frame(np.asarray(tone_scores, dtype=float),
                               threshold=THRESHOLD if threshold is None else threshold)
    both = np.array([{"RUS", "USA"} <= set(str(a).split(";")) for a in actors], dtype=bool)
    return np.where(both & (coop == 1), "coop", np.where(both & (conf == 1), "conf", "none"))


def method_predictions(gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every method's labels on every gold row, side by side.

    One row per gold row with the gold labels (``coop``, ``conf``,
    ``rus_usa``, ``boilerplate``) and, for each method, ``{method}_{target}``
    (``rus_usa`` as a relation label). Targets a method does not produce are
    NaN: tone tools do not detect boilerplate. The supervised model is trained
    on body and headline rows for the frame targets and on all rows for
    boilerplate, always leave-one-article-out.
    """
    from .read import normalize
    from .tone import tone, tone_to_frame

    gold = load_gold() if gold is None else gold
    full, fast = aligned_seeds("full", gold), aligned_seeds("fast", gold)
    out = gold[["article_id", "start", "end", "kind", "voice", "text"]].copy()
    out["coop"], out["conf"], out["rus_usa"] = gold["coop"], gold["conf"], gold["rus_usa"]
    out["rus_usa_strict"] = strict_rus_usa(gold)
    out["boilerplate"] = (gold["kind"] == "boilerplate").astype(int)
    for name, al in (("scorer_full", full), ("scorer_fast", fast)):
        _add_scorer_columns(out, name, al)
    scored = gold["kind"].isin(SCORED_KINDS).to_numpy()
    texts = gold["text"].tolist()
    # tone sees the text as the scorer does (straight apostrophes, NFC, unglued sentences)
    normalised = [normalize(t)[0] for t in texts]
    for tool in ("vader", "textblob"):
        scores = tone(normalised, tool)
        coop, conf = tone_to_frame(scores)
        out[f"{tool}_coop"], out[f"{tool}_conf"] = coop, conf
        out[f"{tool}_rus_usa"] = tone_relation(scores, full["sys_actors"].fillna(""))
        out[f"{tool}_boilerplate"] = np.nan
    for target in ("coop", "conf", "rus_usa"):
        col = pd.Series(np.nan, index=gold.index, dtype=object)
        sub = gold[scored]
        col[scored] = cross_validated_predictions(sub["text"], sub[target], sub["article_id"])
        out[f"tfidf_logreg_{target}"] = col if target == "rus_usa" else col.astype(float)
    out["tfidf_logreg_boilerplate"] = cross_validated_predictions(
        texts, out["boilerplate"], gold["article_id"]).astype(int)
    return out


def _add_scorer_columns(pred: pd.DataFrame, name: str, aligned: pd.DataFrame) -> None:
    """The scorer's labels on the gold rows (:func:`align` output) as ``{name}_{target}``."""
    pred[f"{name}_coop"] = aligned["sys_coop"].astype(int)
    pred[f"{name}_conf"] = aligned["sys_conf"].astype(int)
    pred[f"{name}_rus_usa"] = aligned["sys_rus_usa"]
    pred[f"{name}_boilerplate"] = (aligned["sys_kind"] == "boilerplate").astype(int)


def _target_rows(pred: pd.DataFrame, target: str) -> pd.DataFrame:
    return pred if target == "boilerplate" else pred[pred["kind"].isin(SCORED_KINDS)]


Relation = Literal["binary", "macro", "strict"]
#: How :func:`relation_metrics` names its three readings of the RUS–USA target.
RELATION_MEASURES: dict[str, str] = {
    "binary": "any RUS–USA cooperation (binary)",
    "macro": "macro-F1 over coop/conf/mixed",
    "strict": "any RUS–USA cooperation, partner named (binary, strict gold)",
}


def _metric_row(method: str, target: str, sub: pd.DataFrame, resamples: list[np.ndarray],
                relation: Relation = "binary") -> dict[str, object] | None:
    col = f"{method}_{target}"
    if sub[col].isna().all():
        return None
    if target == "rus_usa" and relation == "macro":
        t, p = sub["rus_usa"].to_numpy(dtype=object), sub[col].to_numpy(dtype=object)
        s, metric = relation_scores(t, p), f1_macro_relation
    else:
        if target == "rus_usa":
            gold_col = "rus_usa_strict" if relation == "strict" else "rus_usa"
            t, p = _binary_relation(sub[gold_col]), _binary_relation(sub[col])
        else:
            t, p = sub[target].to_numpy(dtype=int), sub[col].to_numpy(dtype=float).astype(int)
        s, metric = binary_scores(t, p), f1_binary
    lo, hi = bootstrap_ci(t, p, sub["article_id"], metric=metric, resamples=resamples)
    return {"method": method, "target": target, "precision": s["precision"], "recall": s["recall"],
            "f1": s["f1"], "f1_low": lo, "f1_high": hi, "n": int(s["n"]), "support": int(s["support"])}


@dataclass(frozen=True)
class Validation:
    """Everything the validation computes on the seeds (cached once per process)."""

    predictions: pd.DataFrame
    metrics: pd.DataFrame
    relation: pd.DataFrame
    aligned_full: pd.DataFrame
    aligned_fast: pd.DataFrame


@lru_cache(maxsize=4)
def _validation(n_boot: int = N_BOOT, seed: int = SEED) -> Validation:
    gold = load_gold()
    pred = method_predictions(gold)
    rows, rel_rows = [], []
    for target in TARGETS:
        sub = _target_rows(pred, target).reset_index(drop=True)
        resamples = bootstrap_indices(sub["article_id"], n_boot=n_boot, seed=seed)
        for method in METHODS:
            row = _metric_row(method, target, sub, resamples)
            if row is not None:
                rows.append(row)
            if target == "rus_usa":
                for measure, label in RELATION_MEASURES.items():
                    r = _metric_row(method, target, sub, resamples, relation=measure)
                    if r is not None:
                        r["measure"] = label
                        rel_rows.append(r)
    metrics = pd.DataFrame(rows, columns=METRIC_COLUMNS)
    relation = pd.DataFrame(rel_rows, columns=[*METRIC_COLUMNS, "measure"])
    relation = relation[["method", "measure", *METRIC_COLUMNS[2:]]]
    return Validation(pred, metrics, relation, aligned_seeds("full", gold), aligned_seeds("fast", gold))


def validation(n_boot: int = N_BOOT, seed: int = SEED) -> Validation:
    """The cached :class:`Validation` of the seeds (copies of its tables)."""
    v = _validation(n_boot, seed)
    return Validation(*(getattr(v, f).copy() for f in Validation.__dataclass_fields__))


def evaluate_seeds(write: bool = False, n_boot: int = N_BOOT, seed: int = SEED) -> pd.DataFrame:
    """Precision, recall, F1 with bootstrap 95 % CI of every method on every target.

    Columns are exactly :data:`METRIC_COLUMNS`; ``n`` is the number of gold
    rows evaluated (body + headline rows; all rows for ``boilerplate``) and
    ``support`` the gold positives. ``rus_usa`` is the binary "any RUS–USA
    cooperation" (gold coop or mixed); :func:`relation_metrics` adds the
    macro-F1 over coop/conf/mixed. Methods without a target (tone tools on
    boilerplate) have no row. ``write=True`` also writes
    ``output/validation_metrics.csv`` and ``output/validation_errors.csv``.
    """
    v = validation(n_boot, seed)
    if write:
        paths.OUTPUT.mkdir(parents=True, exist_ok=True)
        v.metrics.to_csv(paths.OUTPUT / "validation_metrics.csv", index=False, float_format="%.4f",
                         lineterminator="\n")
        errors(v.aligned_full).to_csv(paths.OUTPUT / "validation_errors.csv", index=False,
                                      lineterminator="\n")
    return v.metrics


def relation_metrics(n_boot: int = N_BOOT, seed: int = SEED) -> pd.DataFrame:
    """RUS–USA relation scored three ways (:data:`RELATION_MEASURES`).

    The binary "any cooperation" (the ``rus_usa`` row of :func:`evaluate_seeds`),
    the macro-F1 over coop/conf/mixed, and the binary against the strict gold
    reading (:func:`strict_rus_usa`).
    """
    return validation(n_boot, seed).relation


def always_positive(metrics: pd.DataFrame | None = None) -> pd.DataFrame:
    """F1 of the trivial method that labels every sentence positive, per target.

    ``2·support / (n + support)``: the floor a method must beat before its F1
    means anything (60 of 64 scored seed sentences are cooperative).
    """
    m = evaluate_seeds() if metrics is None else metrics
    t = m.drop_duplicates("target")[["target", "n", "support"]].reset_index(drop=True)
    t["precision"] = t["support"] / t["n"]
    t["recall"] = 1.0
    t["f1"] = 2 * t["support"] / (t["n"] + t["support"])
    return t[["target", "precision", "recall", "f1", "n", "support"]]


def confusion_matrices(method: str = "scorer_full") -> dict[str, pd.DataFrame]:
    """Confusion matrices of one method for each target it produces (gold in rows)."""
    pred = validation().predictions
    out = {}
    for target in TARGETS:
        sub = _target_rows(pred, target)
        col = f"{method}_{target}"
        if sub[col].isna().all():
            continue
        if target == "rus_usa":
            out[target] = confusion(sub["rus_usa"], sub[col], labels=RELATION_LABELS)
        else:
            out[target] = confusion(sub[target].astype(int), sub[col].astype(int), labels=[0, 1])
    return out


def agreement_table(n_boot: int = N_BOOT, seed: int = SEED) -> pd.DataFrame:
    """Agreement (alpha, kappa, observed) of each method with the annotation, per target.

    ``rus_usa`` uses the four relation labels (coop/conf/mixed/none).
    """
    pred = validation(n_boot, seed).predictions
    rows = []
    for target in TARGETS:
        sub = _target_rows(pred, target)
        for method in METHODS:
            col = f"{method}_{target}"
            if sub[col].isna().all():
                continue
            sys = sub[col] if target == "rus_usa" else sub[col].astype(int)
            rows.append({"method": method, "target": target, **agreement(sub[target], sys)})
    return pd.DataFrame(rows, columns=["method", "target", "n", "observed", "alpha", "kappa"])


def fast_full_alignment() -> pd.DataFrame:
    """Every scored full-mode sentence of the seeds with the fast mode's labels beside it.

    Full-mode sentences (``coop``, ``conf``, ``rus_usa``) play the gold role in
    :func:`align`; fast-mode sentences are the system (``sys_*``).
    """
    full, fast = scored_seeds("full"), scored_seeds("fast")
    s = full.sentences
    ref = s[(s["kind"] != "boilerplate") & s["coop"].notna()].copy()
    ref["rus_usa"] = system_rus_usa(ref, full.dyads)
    ref = ref[["article_id", "sentence_id", "start", "end", "text", "coop", "conf", "rus_usa"]]
    ref[["coop", "conf"]] = ref[["coop", "conf"]].astype(int)
    return align(ref.reset_index(drop=True), fast.sentences, fast.dyads)


def fast_vs_full(n_boot: int = N_BOOT, seed: int = SEED) -> pd.DataFrame:
    """The fast mode's accuracy cost, per target.

    Agreement of fast with full on every scored sentence of the seeds (see
    :func:`fast_full_alignment`; ``n`` full-mode sentences; ``rus_usa`` on the
    four relation labels), the same on the sentences both modes split alike
    (``*_1to1``: the scoring difference without the splitting difference),
    and both modes' F1 against the annotation, ``f1_delta = fast − full``,
    on ``n_gold`` gold rows.
    """
    al = fast_full_alignment()
    same = al["alignment"] == "1:1"
    metrics = evaluate_seeds(n_boot=n_boot, seed=seed).set_index(["method", "target"])
    rows = []
    for target in ("coop", "conf", "rus_usa"):
        ag = agreement(al[target].tolist(), al[f"sys_{target}"].tolist())
        ag1 = agreement(al.loc[same, target].tolist(), al.loc[same, f"sys_{target}"].tolist())
        f_full, f_fast = metrics.loc[("scorer_full", target)], metrics.loc[("scorer_fast", target)]
        rows.append({"target": target, "n": ag["n"], "observed": ag["observed"], "alpha": ag["alpha"],
                     "kappa": ag["kappa"], "n_1to1": ag1["n"], "observed_1to1": ag1["observed"],
                     "kappa_1to1": ag1["kappa"], "f1_full": f_full["f1"], "f1_fast": f_fast["f1"],
                     "f1_delta": f_fast["f1"] - f_full["f1"], "n_gold": int(f_full["n"])})
    return pd.DataFrame(rows)


def mode_metrics(mode: Mode, n_boot: int = N_BOOT, seed: int = SEED) -> pd.DataFrame:
    """Precision, recall and F1 (bootstrap 95 % CI) of the scorer in ``mode`` on the gold.

    The same measure as :func:`evaluate_seeds` (``rus_usa`` binary) for any
    mode, ``lexical`` included, which the method table does not list.
    """
    gold = load_gold()
    al = aligned_seeds(mode, gold)
    name = f"scorer_{mode}"
    pred = gold[["article_id", "kind"]].copy()
    pred["coop"], pred["conf"], pred["rus_usa"] = gold["coop"], gold["conf"], gold["rus_usa"]
    pred["boilerplate"] = (gold["kind"] == "boilerplate").astype(int)
    _add_scorer_columns(pred, name, al)
    rows = []
    for target in TARGETS:
        part = _target_rows(pred, target).reset_index(drop=True)
        resamples = bootstrap_indices(part["article_id"], n_boot=n_boot, seed=seed)
        row = _metric_row(name, target, part, resamples)
        if row is not None:
            rows.append(row)
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)


# ---------------------------------------------------------------- errors

ERROR_COLUMNS = ["article_id", "start", "end", "kind", "voice", "wrong", "coop", "sys_coop", "conf",
                 "sys_conf", "rus_usa", "sys_rus_usa", "text", "sys_evidence", "sys_actors",
                 "alignment", "note"]


def errors(aligned: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each scored gold sentence the scorer gets wrong on coop, conf or rus_usa.

    ``aligned`` is :func:`align` output (default: the full scorer on the
    seeds). ``wrong`` names the targets missed (``rus_usa`` compares the
    four relation labels); gold labels sit beside the system's, with the
    scorer's evidence string and the annotator's note, so a lexicon change
    can be argued from the data.
    """
    al = validation().aligned_full if aligned is None else aligned
    al = al[al["kind"].isin(SCORED_KINDS)].copy()
    wrong = pd.DataFrame({
        "coop": al["coop"].astype(int) != al["sys_coop"].astype(int),
        "conf": al["conf"].astype(int) != al["sys_conf"].astype(int),
        "rus_usa": al["rus_usa"].astype(str) != al["sys_rus_usa"].astype(str),
    })
    al["wrong"] = wrong.apply(lambda r: ";".join(c for c in wrong.columns if r[c]), axis=1) \
        if len(al) else pd.Series(dtype=str)
    return al[wrong.any(axis=1)][ERROR_COLUMNS].reset_index(drop=True)
