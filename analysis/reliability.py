"""How far the measures hold beyond the seeds: annotator agreement and held-out accuracy.

The seed validation (:mod:`analysis.evaluate`) has two weak points: one
annotator, and a lexicon written by people who had read the seeds. This
module adds the checks a reviewer asks for next.

* **Held-out accuracy** (:func:`heldout_metrics`): batches of
  :data:`SAMPLE_SIZE` sentences of UD French-GSD (general French: news,
  blogs, encyclopedic text), each a simple random sample drawn by
  :func:`ud_sample` with the seed in :data:`BATCHES`, labelled coop/conf by
  two annotators, disagreements adjudicated by a third reader without
  system output (``annotations/ud_sample_gold.csv``). Each sentence is
  scored on its own by every scorer mode and by the two tone tools mapped to
  the codebook. A batch is out-of-sample until someone changes the lexicon
  or rules after reading its errors (:func:`heldout_errors`); from then on
  it is a development set and only a later batch is a test.
* **Agreement between annotators** (:func:`annotator_agreement`): the two
  independent labellings of each batch. Cohen's kappa and Krippendorff's
  alpha say how consistently the codebook's categories can be applied to
  new text: a scorer cannot be judged more precisely than annotators agree.
* **Your own corpus** (:func:`annotation_sample`, :func:`read_annotations`,
  :func:`evaluate_annotations`, :func:`annotation_errors`,
  :func:`agreement_between`; ``framing sample`` and ``framing evaluate``):
  the same measurement on a researcher's scored corpus, from a blind random
  sample of its sentences that annotators fill.

The annotation procedure, who the annotators are (AI agent sessions) and
the limits of this evidence are in ``annotations/README.md`` and
``docs/validation.md``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import get_args

import numpy as np
import pandas as pd

from analysis import paths
from analysis.scoring import FrameScorer
from analysis.stats import (
    LEVEL,
    N_BOOT,
    SEED,
    agreement,
    binary_scores,
    bootstrap_indices,
    iid_bootstrap_indices,
    percentile_interval,
)
from analysis.tables import Scored
from analysis.tone import tone, tone_to_frame
from analysis.types import Mode

__all__ = ["BATCHES", "SAMPLE_SIZE", "agreement_between", "annotation_errors", "annotation_sample",
           "annotator_agreement", "evaluate_annotations", "heldout_errors", "heldout_metrics",
           "heldout_predictions", "load_heldout", "read_annotations", "ud_sample"]

#: Sentences per held-out batch (and the default size of an annotation sample).
SAMPLE_SIZE = 300
#: Default seed of :func:`annotation_sample`.
SAMPLE_SEED_OWN = 1
#: Held-out batches of UD French-GSD sentences: batch -> (random seed, its two annotators).
#: Each batch is drawn from the sentences no earlier batch holds.
BATCHES: dict[int, tuple[int, tuple[str, str]]] = {1: (20261123, ("B", "C")),
                                                   2: (20261124, ("D", "E")),
                                                   3: (20261125, ("F", "G"))}
#: Methods scored on the held-out sample: the three scorer modes and two tone tools.
HELDOUT_METHODS: tuple[str, ...] = (*(f"scorer_{m}" for m in get_args(Mode)), "vader", "textblob")
HELDOUT_TARGETS: tuple[str, ...] = ("coop", "conf")
UD_UNITS = paths.ANNOTATIONS / "ud_sample.csv"
UD_GOLD = paths.ANNOTATIONS / "ud_sample_gold.csv"


def label_path(annotator: str) -> Path:
    """The file of one annotator's held-out labels (``annotations/ud_sample_<x>.csv``)."""
    return paths.ANNOTATIONS / f"ud_sample_{annotator.lower()}.csv"


AGREEMENT_COLUMNS = ["batch", "annotators", "target", "n", "observed", "alpha", "kappa",
                     "positive_a", "positive_b"]
HELDOUT_COLUMNS = ["batch", "method", "target", "precision", "precision_low", "precision_high",
                   "recall", "recall_low", "recall_high", "f1", "f1_low", "f1_high", "n",
                   "support", "predicted"]


def ud_sample() -> pd.DataFrame:
    """Every held-out batch: ``item_id``, ``batch``, ``line`` (1-based in the UD file), ``text``.

    Batch k is a simple random sample without replacement
    (``random.Random(seed)``, :data:`BATCHES`) of :data:`SAMPLE_SIZE`
    sentences among those no earlier batch holds, in file order; item ids run
    on across batches (``ud000``...). Anyone can redraw it from ``benchmarks/data``.
    """
    lines = paths.UD_FRENCH_GSD.read_text(encoding="utf-8").splitlines()
    taken: set[int] = set()
    rows = []
    for batch, (seed, _) in sorted(BATCHES.items()):
        pool = [i for i in range(len(lines)) if i not in taken]
        picked = sorted(random.Random(seed).sample(pool, SAMPLE_SIZE))
        taken.update(picked)
        rows += [(batch, i + 1, lines[i]) for i in picked]
    return pd.DataFrame({"item_id": [f"ud{k:03d}" for k in range(len(rows))],
                         "batch": [r[0] for r in rows], "line": [r[1] for r in rows],
                         "text": [r[2] for r in rows]})


def _read(path: Path) -> pd.DataFrame:
    """The CSV as text cells; an empty, binary or malformed file is a ``ValueError`` naming it."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: annotation file missing")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise ValueError(f"{path}: empty file, not an annotation table") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (binary content at byte {exc.start})") from None
    except (pd.errors.ParserError, OSError) as exc:
        raise ValueError(f"{path}: cannot be read as CSV: {' '.join(str(exc).split())}") from None


def _binary(frame: pd.DataFrame, path: Path, columns: Sequence[str]) -> None:
    for col in columns:
        bad = sorted(set(frame[col]) - {"0", "1"})
        if bad:
            raise ValueError(f"{path}: column {col!r} must hold 0/1, found {bad}")
        frame[col] = frame[col].astype(int)


def _same_items(frame: pd.DataFrame, items: pd.Series, path: Path) -> None:
    if frame["item_id"].tolist() != items.tolist():
        raise ValueError(f"{path}: item_id column does not match {UD_UNITS} row for row")


def load_heldout(batch: int | None = None) -> pd.DataFrame:
    """The held-out sentences with every label set, one row per sentence.

    Columns: ``item_id``, ``batch``, ``line``, ``text``; ``annotators`` (the
    batch's pair, e.g. ``B-C``); ``coop_x``, ``conf_x``, ``note_x`` and
    ``coop_y``, ``conf_y``, ``note_y`` (the pair's two independent
    annotations and reasons); ``coop``, ``conf`` (the gold: agreed labels,
    adjudicated where the pair differs), ``source`` (``agreed`` or
    ``adjudicated``) and ``note`` (the adjudication's reason). ``batch``
    selects one batch. Raises ``ValueError`` naming the file when a file does
    not cover exactly its batch's items or holds a label other than 0/1.
    """
    units = _read(UD_UNITS)
    units["batch"], units["line"] = units["batch"].astype(int), units["line"].astype(int)
    gold = _read(UD_GOLD)
    _same_items(gold, units["item_id"], UD_GOLD)
    _binary(gold, UD_GOLD, ["coop", "conf"])
    parts = []
    for b, (_, pair) in sorted(BATCHES.items()):
        if batch is not None and b != batch:
            continue
        mask = (units["batch"] == b).to_numpy()
        part = units.loc[mask, ["item_id", "batch", "line", "text"]].reset_index(drop=True)
        part["annotators"] = "-".join(pair)
        for side, who in zip("xy", pair, strict=True):
            path = label_path(who)
            lab = _read(path)
            _same_items(lab, part["item_id"], path)
            _binary(lab, path, ["coop", "conf"])
            for col in ("coop", "conf", "note"):
                part[f"{col}_{side}"] = lab[col].to_numpy()
        g = gold.loc[mask].reset_index(drop=True)
        for col in ("coop", "conf", "source", "note"):
            part[col] = g[col].to_numpy()
        parts.append(part)
    if not parts:
        raise ValueError(f"no held-out batch {batch!r}; batches: {sorted(BATCHES)}")
    return pd.concat(parts, ignore_index=True)


def annotator_agreement() -> pd.DataFrame:
    """Chance-corrected agreement between the two annotators of each held-out batch.

    One row per batch and target (``coop``, ``conf``) over the batch's items:
    :func:`agreement_between` with the batch and its annotator pair in front
    (:data:`AGREEMENT_COLUMNS`).
    """
    held = load_heldout()
    tables = []
    for (batch, pair), part in held.groupby(["batch", "annotators"], sort=True):
        sides = [part[["item_id", f"coop_{x}", f"conf_{x}"]].set_axis(
            ["item_id", "coop", "conf"], axis=1) for x in "xy"]
        table = agreement_between(*sides)
        table.insert(0, "annotators", str(pair))
        table.insert(0, "batch", int(batch))
        tables.append(table)
    return pd.concat(tables, ignore_index=True)[AGREEMENT_COLUMNS]


@lru_cache(maxsize=4)
def _predictions(batch: int) -> pd.DataFrame:
    held = load_heldout(batch)
    texts = held["text"].tolist()
    out = held[["item_id"]].copy()
    for mode in get_args(Mode):
        values = FrameScorer(mode=mode).fit().transform(texts)
        out[f"scorer_{mode}_coop"] = values[:, 0].astype(int)
        out[f"scorer_{mode}_conf"] = values[:, 1].astype(int)
    for tool in ("vader", "textblob"):
        coop, conf = tone_to_frame(tone(texts, tool))
        out[f"{tool}_coop"], out[f"{tool}_conf"] = coop, conf
    return out


def heldout_predictions(batch: int) -> pd.DataFrame:
    """coop/conf (0/1) of every method on every sentence of a batch, each scored alone.

    Columns: ``item_id`` and ``<method>_coop`` / ``<method>_conf`` for each of
    :data:`HELDOUT_METHODS`. Computed once per process and batch.
    """
    return _predictions(batch).copy()


def _metric_row(t: np.ndarray, p: np.ndarray, resamples: Sequence[np.ndarray],
                level: float) -> dict[str, object]:
    """Precision, recall, F1 and their percentile intervals over the given resamples."""
    s = binary_scores(t, p)
    boot = np.array([[binary_scores(t[i], p[i])[k] for k in ("precision", "recall", "f1")]
                     for i in resamples], dtype=float)
    row: dict[str, object] = {}
    for j, k in enumerate(("precision", "recall", "f1")):
        lo, hi = percentile_interval(boot[:, j], level)
        row.update({k: s[k], f"{k}_low": lo, f"{k}_high": hi})
    row.update({"n": s["n"], "support": s["support"], "predicted": int(p.sum())})
    return row


def heldout_metrics(batches: Sequence[int] | None = None, n_boot: int = N_BOOT, seed: int = SEED,
                    level: float = LEVEL) -> pd.DataFrame:
    """Precision, recall and F1 of every method against the held-out gold, per batch.

    Sentences are independent draws, so the intervals are percentile
    bootstraps over sentences (the same ``n_boot`` resamples for every method
    of a batch: paired). ``support`` is the number of gold positives,
    ``predicted`` the method's positives; a ratio with a zero denominator is
    NaN. ``batches`` defaults to every batch. Columns are :data:`HELDOUT_COLUMNS`.
    """
    rows = []
    for batch in sorted(BATCHES) if batches is None else batches:
        gold, pred = load_heldout(batch), _predictions(batch)
        draws = iid_bootstrap_indices(len(gold), n_boot=n_boot, seed=seed)
        for target in HELDOUT_TARGETS:
            t = gold[target].to_numpy(dtype=int)
            for method in HELDOUT_METHODS:
                p = pred[f"{method}_{target}"].to_numpy(dtype=int)
                rows.append({"batch": batch, "method": method, "target": target,
                             **_metric_row(t, p, draws, level)})
    return pd.DataFrame(rows, columns=HELDOUT_COLUMNS)


HELDOUT_ERROR_COLUMNS = ["item_id", "wrong", "coop", "sys_coop", "conf", "sys_conf", "text",
                         "sys_evidence", "note_x", "note_y", "note"]


def heldout_errors(batch: int, mode: Mode = "full") -> pd.DataFrame:
    """Each sentence of a batch the scorer in ``mode`` gets wrong on coop or conf.

    ``wrong`` names the targets missed; the scorer's evidence sits beside the
    annotators' reasons (``note_x``, ``note_y``) and the adjudication's
    (``note``), to read what over- or under-fires on new text. A lexicon
    change argued from these rows makes the batch in-sample: validate it on a
    batch nobody has read the errors of (``docs/validation.md``).
    """
    held, pred = load_heldout(batch), _predictions(batch)
    scorer = FrameScorer(mode=mode).fit()
    sys_coop, sys_conf = pred[f"scorer_{mode}_coop"], pred[f"scorer_{mode}_conf"]
    wrong = pd.DataFrame({"coop": held["coop"] != sys_coop, "conf": held["conf"] != sys_conf})
    rows = []
    for k in np.flatnonzero(wrong.any(axis=1).to_numpy()):
        sents = scorer.score_texts([held["text"].iloc[k]])[0]
        rows.append({
            "item_id": held["item_id"].iloc[k],
            "wrong": ";".join(t for t in HELDOUT_TARGETS if wrong[t].iloc[k]),
            "coop": held["coop"].iloc[k], "sys_coop": int(sys_coop.iloc[k]),
            "conf": held["conf"].iloc[k], "sys_conf": int(sys_conf.iloc[k]),
            "text": held["text"].iloc[k],
            "sys_evidence": "; ".join(s.evidence for s in sents if s.evidence),
            **{c: held[c].iloc[k] for c in ("note_x", "note_y", "note")},
        })
    return pd.DataFrame(rows, columns=HELDOUT_ERROR_COLUMNS)


# ---------------------------------------------------------------- your own corpus

#: Columns of an annotation sample: where the sentence is, its text, and the blanks to fill.
SAMPLE_COLUMNS = ["item_id", "article_id", "sentence_id", "text", "coop", "conf", "note"]
OWN_COLUMNS = ["method", "target", "precision", "precision_low", "precision_high", "recall",
               "recall_low", "recall_high", "f1", "f1_low", "f1_high", "n", "support",
               "predicted", "articles"]


def _scored_sentences(scored: Scored) -> pd.DataFrame:
    sents = scored.sentences
    return sents[sents["kind"].isin(("body", "headline")) & sents["coop"].notna()]


def left_to_draw(rows: pd.DataFrame, exclude: Sequence[pd.DataFrame], n: int) -> pd.DataFrame:
    """The sentence ``rows`` that no earlier sample in ``exclude`` drew (by ``article_id`` and
    ``sentence_id``); ``ValueError`` when fewer than ``n`` are left."""
    taken = {(str(a), int(k)) for frame in exclude
             for a, k in zip(frame["article_id"], frame["sentence_id"], strict=True)}
    if taken:
        keep = [(str(a), int(k)) not in taken
                for a, k in zip(rows["article_id"], rows["sentence_id"], strict=True)]
        rows = rows[keep].reset_index(drop=True)
    if len(rows) < n:
        raise ValueError(f"the corpus has {len(rows)} scored sentences left to draw, "
                         f"fewer than n={n}")
    return rows


def annotation_sample(scored: Scored, n: int = SAMPLE_SIZE, seed: int = SAMPLE_SEED_OWN,
                      exclude: Sequence[pd.DataFrame] = ()) -> pd.DataFrame:
    """A random sample of a scored corpus's sentences to label, without the system's codes.

    Draws ``n`` scored sentences (body and headline) uniformly with
    ``random.Random(seed)`` and returns them in corpus order with empty
    ``coop``, ``conf`` and ``note`` columns (:data:`SAMPLE_COLUMNS`): give the
    file to annotators with the codebook; the system's labels are not in it,
    so they cannot steer the reading. :func:`evaluate_annotations` scores the
    filled file. ``exclude``: earlier samples (any frames with ``article_id``
    and ``sentence_id``) whose sentences must not be drawn again, so that a
    second sample can test a change argued from the first. Raises
    ``ValueError`` when fewer sentences are left than ``n``.
    """
    sents = left_to_draw(_scored_sentences(scored).reset_index(drop=True), exclude, n)
    picked = sorted(random.Random(seed).sample(range(len(sents)), n))
    out = sents.loc[picked, ["article_id", "sentence_id", "text"]].reset_index(drop=True)
    out.insert(0, "item_id", [f"s{k:04d}" for k in range(n)])
    out["sentence_id"] = out["sentence_id"].astype(int)
    for col in ("coop", "conf", "note"):
        out[col] = ""
    return out[SAMPLE_COLUMNS]


def read_annotations(path: str | Path) -> pd.DataFrame:
    """An annotation sample filled in by an annotator, checked.

    Raises a one-line ``ValueError`` naming the file when it is empty, binary
    or not CSV, when a column is missing, when a ``coop``/``conf`` cell is not
    0 or 1 (the rows are listed), when an ``item_id`` repeats, when a
    ``sentence_id`` is not a whole number or when one sentence has two
    ``item_id``s (with the line).
    """
    path = Path(path)
    lab = _read(path)
    missing = [c for c in ("item_id", "article_id", "sentence_id", "text", "coop", "conf")
               if c not in lab.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    repeated = sorted(set(lab.loc[lab["item_id"].duplicated(), "item_id"]))
    if repeated:
        raise ValueError(f"{path}: repeated item_id {', '.join(repeated[:10])}")
    for col in ("coop", "conf"):
        bad = lab.loc[~lab[col].str.strip().isin(("0", "1")), "item_id"].tolist()
        if bad:
            shown = ", ".join(bad[:10]) + (" ..." if len(bad) > 10 else "")
            raise ValueError(f"{path}: {col!r} must be 0 or 1 in every row; "
                             f"{len(bad)} row(s) are not: {shown}")
        lab[col] = lab[col].str.strip().astype(int)
    _check_sentences(lab, path)
    lab["sentence_id"] = lab["sentence_id"].str.strip().astype(int)
    return lab


def _check_sentences(lab: pd.DataFrame, path: Path) -> None:
    """``sentence_id`` a whole number, and one item per sentence; errors name the file and line."""
    line = lab.index + 2  # the header is line 1
    ok = lab["sentence_id"].str.strip().str.fullmatch(r"\d+")
    if not ok.all():
        i = int((~ok).to_numpy().argmax())
        raise ValueError(f"{path}:{line[i]}: sentence_id must be a whole number, got "
                         f"{lab['sentence_id'].iloc[i]!r}")
    key = lab["article_id"].str.strip() + "\0" + lab["sentence_id"].str.strip().str.lstrip("0")
    twice = key.duplicated(keep=False)
    if twice.any():
        rows = lab[twice]
        first = rows.iloc[0]
        same = rows[key[twice] == key[twice].iloc[0]]
        raise ValueError(f"{path}: lines {', '.join(str(n) for n in line[twice][:10])}: one "
                         f"sentence under several item_ids ({first['article_id']} sentence "
                         f"{first['sentence_id']}: {', '.join(same['item_id'])})")


def _matched(scored: Scored, labels: pd.DataFrame) -> pd.DataFrame:
    """Annotated items beside their scored sentences (``*_sys`` columns), checked."""
    sents = _scored_sentences(scored)
    merged = labels.merge(sents[["article_id", "sentence_id", "text", "coop", "conf", "evidence"]],
                          on=["article_id", "sentence_id"], how="left",
                          suffixes=("", "_sys"), validate="one_to_one")
    lost = merged["text_sys"].isna()
    if lost.any():
        raise ValueError(f"{int(lost.sum())} annotated item(s) are not scored sentences of this "
                         f"corpus: {', '.join(merged.loc[lost, 'item_id'].head(10))}")
    changed = merged["text"] != merged["text_sys"]
    if changed.any():
        raise ValueError(f"{int(changed.sum())} annotated item(s) have another text in this "
                         f"corpus (a sample from another run?): "
                         f"{', '.join(merged.loc[changed, 'item_id'].head(10))}")
    return merged


ANNOTATION_ERROR_COLUMNS = ["item_id", "article_id", "sentence_id", "wrong", "coop", "sys_coop",
                            "conf", "sys_conf", "text", "sys_evidence", "note"]


def annotation_errors(scored: Scored, labels: pd.DataFrame) -> pd.DataFrame:
    """The annotated items the scorer gets wrong, with its evidence beside the annotator's note.

    Columns: :data:`ANNOTATION_ERROR_COLUMNS` (``wrong`` names the targets
    missed). Reading them is how a lexicon change gets argued; measure the
    change on a second sample nobody has read.
    """
    m = _matched(scored, labels)
    sys_coop = m["coop_sys"].astype(float).astype(int)
    sys_conf = m["conf_sys"].astype(float).astype(int)
    wrong = pd.DataFrame({"coop": m["coop"] != sys_coop, "conf": m["conf"] != sys_conf})
    out = pd.DataFrame({
        "item_id": m["item_id"], "article_id": m["article_id"], "sentence_id": m["sentence_id"],
        "wrong": [";".join(t for t in HELDOUT_TARGETS if row[t]) for _, row in wrong.iterrows()],
        "coop": m["coop"], "sys_coop": sys_coop, "conf": m["conf"], "sys_conf": sys_conf,
        "text": m["text"], "sys_evidence": m["evidence"].fillna(""),
        "note": m["note"] if "note" in m else "",
    })
    return out[wrong.any(axis=1).to_numpy()].reset_index(drop=True)[ANNOTATION_ERROR_COLUMNS]


def evaluate_annotations(scored: Scored, labels: pd.DataFrame, n_boot: int = N_BOOT,
                         seed: int = SEED, level: float = LEVEL) -> pd.DataFrame:
    """Precision, recall and F1 of the scored corpus against an annotated sample.

    ``labels`` is :func:`read_annotations` output. Each item is matched to its
    sentence by ``article_id`` and ``sentence_id`` and must carry the same
    text (else ``ValueError``: the sample comes from another run). Sentences
    of one article are not independent, so the intervals are two-stage
    bootstraps (articles, then sentences; :func:`analysis.stats.bootstrap_indices`).
    Columns: :data:`OWN_COLUMNS`; ``method`` is ``scorer_<mode>`` of the run.
    """
    merged = _matched(scored, labels)
    modes = sorted(set(scored.articles["mode"].dropna())) if "mode" in scored.articles else []
    method = "scorer_" + ("+".join(modes) if modes else "unknown")
    resamples = bootstrap_indices(merged["article_id"], n_boot=n_boot, seed=seed)
    rows = []
    for target in HELDOUT_TARGETS:
        t = merged[target].to_numpy(dtype=int)
        p = merged[f"{target}_sys"].to_numpy(dtype=float).astype(int)
        rows.append({"method": method, "target": target, **_metric_row(t, p, resamples, level),
                     "articles": merged["article_id"].nunique()})
    return pd.DataFrame(rows, columns=OWN_COLUMNS)


def agreement_between(labels_a: pd.DataFrame, labels_b: pd.DataFrame) -> pd.DataFrame:
    """Agreement of two annotators (:func:`read_annotations` outputs) on the same items.

    One row per target: ``target``, ``n``, ``observed``, ``alpha``, ``kappa``,
    ``positive_a``, ``positive_b``. Raises ``ValueError`` when the two files
    do not hold the same items.
    """
    if sorted(labels_a["item_id"]) != sorted(labels_b["item_id"]):
        raise ValueError("the two annotation files do not hold the same item_id values")
    b = labels_b.set_index("item_id").loc[labels_a["item_id"]].reset_index()
    rows = [{"target": t, **agreement(labels_a[t].astype(str), b[t].astype(str)),
             "positive_a": int(labels_a[t].sum()), "positive_b": int(b[t].sum())}
            for t in HELDOUT_TARGETS]
    return pd.DataFrame(rows, columns=["target", "n", "observed", "alpha", "kappa", "positive_a",
                                       "positive_b"])
