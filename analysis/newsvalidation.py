"""The news set's gold labels, and every method measured against them (issue 14).

Two annotators (H, I) labelled each item of :mod:`analysis.newsset` alone,
seeing only the codebook and the text: ``coop``, ``conf`` and the ``dyads``
that interact (``A|B|relation``; codes in alphabetical order). An adjudicator
(J) decided every item they disagreed on, before any system output existed
(``annotations/news/README.md``). The gold file is built from those files and
then frozen; :func:`build_gold` rebuilds it so a test can prove it unchanged.

Measures (:func:`news_metrics`), each on one split with its ``n`` and a
percentile bootstrap over items (the same draws for every method):
``coop``/``conf`` per sentence; ``pair_coop``/``pair_conf`` per (item, actor
pair) over the pairs either side names, a pair counting for ``pair_conf``
when its relation is ``conf`` or ``mixed``; ``rus_usa_conf`` the same for the
Russia–US pair only. Each item is scored alone, as one paragraph.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis import paths
from analysis.newsset import news_items
from analysis.stats import LEVEL, N_BOOT, SEED, iid_bootstrap_indices, percentile_interval
from analysis.types import Mode

__all__ = ["ANNOTATORS", "GOLD", "METHODS", "TARGETS", "annotator_agreement", "build_gold",
           "item_counts", "load_gold", "metrics_table", "news_errors", "news_metrics",
           "news_predictions", "pair_relations", "prf", "read_labels", "score_items",
           "tone_items"]

ANNOTATORS = ("H", "I")
ADJUDICATOR = "J"
GOLD: Path = paths.NEWS_ANNOTATIONS / "gold.csv"
LABEL_COLUMNS = ["item_id", "coop", "conf", "dyads", "note"]
GOLD_COLUMNS = ["item_id", "split", "text", "coop", "conf", "dyads", "source", "note"]
_DYAD = re.compile(r"^([A-Z][A-Z0-9]{1,3})\|([A-Z][A-Z0-9]{1,3})\|(coop|conf|mixed)$")
Target = Literal["coop", "conf", "pair_coop", "pair_conf", "rus_usa_conf"]
TARGETS: tuple[str, ...] = get_args(Target)
METHODS = ("scorer_full", "scorer_fast", "scorer_lexical", "vader")


def label_path(who: str) -> Path:
    """An annotator's (H, I) or the adjudicator's (J) file."""
    name = f"adjudicated_{who}.csv" if who == ADJUDICATOR else f"labels_{who}.csv"
    return paths.NEWS_ANNOTATIONS / name


def read_labels(path: Path) -> pd.DataFrame:
    """One label file, checked: columns, 0/1 flags, dyad syntax, dyads agreeing with the flags.

    Raises ``ValueError`` naming the file and the line of the first bad row.
    """
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(frame.columns) != LABEL_COLUMNS:
        raise ValueError(f"{path}: columns must be {LABEL_COLUMNS}, got {list(frame.columns)}")
    for line, row in enumerate(frame.itertuples(index=False), start=2):
        if row.coop not in ("0", "1") or row.conf not in ("0", "1"):
            raise ValueError(f"{path}: line {line}: coop and conf must be 0 or 1")
        for rel in pair_relations(row.dyads, f"{path}: line {line}").values():
            if (rel in ("coop", "mixed") and row.coop != "1") or (
                    rel in ("conf", "mixed") and row.conf != "1"):
                raise ValueError(f"{path}: line {line}: a {rel} dyad in a sentence "
                                 f"with coop={row.coop}, conf={row.conf}")
    frame[["coop", "conf"]] = frame[["coop", "conf"]].astype(int)
    return frame


def pair_relations(dyads: str, where: str = "dyads") -> dict[tuple[str, str], str]:
    """``"RUS|USA|conf;..."`` as ``{("RUS", "USA"): "conf"}``; a bad entry raises ``ValueError``."""
    out: dict[tuple[str, str], str] = {}
    for entry in (e.strip() for e in str(dyads).split(";")):
        if not entry:
            continue
        m = _DYAD.match(entry)
        if not m or m.group(1) >= m.group(2):
            raise ValueError(f"{where}: bad dyad {entry!r} (A|B|coop/conf/mixed, A < B)")
        out[(m.group(1), m.group(2))] = m.group(3)
    return out


def _recode(dyads: str, code_map: dict[str, str]) -> str:
    """The dyads with the adjudicator's code unification applied, re-sorted."""
    pairs: dict[tuple[str, str], str] = {}
    for (a, b), rel in pair_relations(dyads).items():
        a, b = sorted((code_map.get(a, a), code_map.get(b, b)))
        if a != b:
            pairs[(a, b)] = rel
    return ";".join(f"{a}|{b}|{rel}" for (a, b), rel in sorted(pairs.items()))


def build_gold() -> pd.DataFrame:
    """Gold from the label files: the annotators' labels where they agree, else the
    adjudicator's; columns :data:`GOLD_COLUMNS` (``source`` = agreed / adjudicated)."""
    h, i = (read_labels(label_path(a)) for a in ANNOTATORS)
    adj = read_labels(label_path(ADJUDICATOR)).set_index("item_id")
    code_map = dict(pd.read_csv(paths.NEWS_ANNOTATIONS / "code_map.csv", dtype=str,
                                keep_default_na=False).itertuples(index=False, name=None))
    items = news_items().set_index("item_id")
    rows = []
    for a, b in zip(h.itertuples(index=False), i.itertuples(index=False), strict=True):
        same = (a.coop, a.conf, pair_relations(a.dyads)) == (b.coop, b.conf, pair_relations(b.dyads))
        src = a if same else adj.loc[a.item_id]
        rows.append({"item_id": a.item_id, "split": items.loc[a.item_id, "split"],
                     "text": items.loc[a.item_id, "text"], "coop": int(src.coop),
                     "conf": int(src.conf), "dyads": _recode(src.dyads, code_map),
                     "source": "agreed" if same else "adjudicated",
                     "note": "" if same else src.note})
    return pd.DataFrame(rows, columns=GOLD_COLUMNS)


def annotator_agreement() -> pd.DataFrame:
    """Agreement of H and I: ``coop`` and ``conf`` over items; ``pair`` over the (item, pair)
    units either annotator names (relation, ``none`` when one names it and the other not),
    a unit set that leaves out the pairs both left unnamed, so its kappa is conservative."""
    from analysis.stats import agreement

    h, i = (read_labels(label_path(a)) for a in ANNOTATORS)
    rows = [{"target": t, **agreement(h[t].tolist(), i[t].tolist())} for t in ("coop", "conf")]
    ra, rb = [], []
    for a, b in zip(h["dyads"], i["dyads"], strict=True):
        pa, pb = pair_relations(a), pair_relations(b)
        for pair in sorted(set(pa) | set(pb)):
            ra.append(pa.get(pair, "none"))
            rb.append(pb.get(pair, "none"))
    rows.append({"target": "pair", **agreement(ra, rb)})
    return pd.DataFrame(rows)


def load_gold(split: str | None = None) -> pd.DataFrame:
    """The frozen gold file, optionally one split (``dev`` or ``test``)."""
    gold = pd.read_csv(GOLD, dtype={"dyads": str, "note": str}, keep_default_na=False)
    return gold if split is None else gold[gold["split"] == split].reset_index(drop=True)


def write_gold(path: Path = GOLD) -> Path:
    """Write :func:`build_gold` once (the file is frozen afterwards)."""
    build_gold().to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return path


def score_items(texts: Sequence[str], mode: Mode = "full",
                dates: Sequence[str] | None = None) -> pd.DataFrame:
    """Score each text alone (one paragraph, with its date if given): ``coop``, ``conf``,
    ``dyads`` (``A|B|relation``, a pair's relations of several sentences merged into
    ``mixed``), ``actors`` and ``evidence``, one row per text in input order."""
    from analysis.scoring import FrameScorer

    scorer = FrameScorer(mode=mode).fit()
    rows = []
    for k, text in enumerate(texts):
        sents = scorer.score_texts([text], date=dates[k] if dates is not None else None)[0]
        pairs: dict[tuple[str, str], set[str]] = {}
        for s in sents:
            for d in s.dyads:
                pairs.setdefault((d["actor_a"], d["actor_b"]), set()).add(d["relation"])
        rel = {p: ("mixed" if len(r) > 1 or "mixed" in r else next(iter(r)))
               for p, r in pairs.items()}
        actors = sorted({c for s in sents for c in s.actors})
        rows.append({"coop": int(any(s.coop for s in sents)),
                     "conf": int(any(s.conf for s in sents)),
                     "dyads": ";".join(f"{a}|{b}|{r}" for (a, b), r in sorted(rel.items())),
                     "actors": ";".join(actors),
                     "evidence": " / ".join(s.evidence for s in sents if s.evidence)})
    return pd.DataFrame(rows, columns=["coop", "conf", "dyads", "actors", "evidence"])


def tone_items(texts: Sequence[str], actors: Sequence[str]) -> pd.DataFrame:
    """VADER-fr read as a frame; a pair is every two of the item's ``actors`` (``;``-joined
    codes, as the full scorer finds them), with the tone's sign as relation (co-mention plus
    tone, issue 14's baseline). Columns ``coop``, ``conf``, ``dyads``."""
    from analysis.tone import tone, tone_to_frame

    coop, conf = tone_to_frame(tone(list(texts), "vader"))
    dyads = []
    for c, f, acts in zip(coop, conf, actors, strict=True):
        codes = sorted(a for a in acts.split(";") if a)
        rel = "coop" if c else "conf" if f else ""
        dyads.append("" if not rel else ";".join(
            f"{a}|{b}|{rel}" for k, a in enumerate(codes) for b in codes[k + 1:]))
    return pd.DataFrame({"coop": coop.astype(int), "conf": conf.astype(int), "dyads": dyads})


@lru_cache(maxsize=4)
def _scored(mode: Mode) -> pd.DataFrame:
    gold = load_gold()
    out = score_items(gold["text"].tolist(), mode)
    out.insert(0, "item_id", gold["item_id"].to_numpy())
    return out


def _tone_predictions() -> pd.DataFrame:
    gold = load_gold()
    out = tone_items(gold["text"].tolist(), _scored("full")["actors"].tolist())
    out.insert(0, "item_id", gold["item_id"].to_numpy())
    return out


def news_predictions(method: str) -> pd.DataFrame:
    """One method's ``coop``, ``conf`` and ``dyads`` per item (:data:`METHODS`)."""
    if method.startswith("scorer_"):
        return _scored(method.removeprefix("scorer_")).copy()  # type: ignore[arg-type]
    if method == "vader":
        return _tone_predictions()
    raise ValueError(f"unknown method {method!r}; expected one of {METHODS}")


def item_counts(gold: pd.DataFrame, pred: pd.DataFrame, target: str) -> np.ndarray:
    """Per item: true positives, false positives, false negatives for one target."""
    out = np.zeros((len(gold), 3), dtype=int)
    for k, (g, p) in enumerate(zip(gold.itertuples(index=False), pred.itertuples(index=False),
                                   strict=True)):
        if target in ("coop", "conf"):
            t, s = getattr(g, target), getattr(p, target)
            out[k] = (t and s, s and not t, t and not s)
            continue
        gp, sp = pair_relations(g.dyads), pair_relations(p.dyads)
        keep = {"pair_coop": ("coop", "mixed")}.get(target, ("conf", "mixed"))
        for pair in set(gp) | set(sp):
            if target == "rus_usa_conf" and pair != ("RUS", "USA"):
                continue
            t, s = gp.get(pair) in keep, sp.get(pair) in keep
            out[k] += (t and s, s and not t, t and not s)
    return out


def prf(c: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and F1 from per-item (tp, fp, fn) rows; NaN where undefined."""
    tp, fp, fn = c.sum(axis=0)
    p = tp / (tp + fp) if tp + fp else np.nan
    r = tp / (tp + fn) if tp + fn else np.nan
    f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else np.nan
    return float(p), float(r), float(f)


def metrics_table(gold: pd.DataFrame, predictions: dict[str, pd.DataFrame],
                  n_boot: int = N_BOOT, seed: int = SEED, level: float = LEVEL) -> pd.DataFrame:
    """Precision, recall and F1 [percentile interval] of each method and target.

    ``gold`` and every prediction frame have ``coop``, ``conf`` and ``dyads`` in the same item
    order. Columns: method, target, precision, recall, f1, f1_low, f1_high, n (items), support
    (gold positives: sentences or pairs), predicted. The bootstrap draws items, the same draws
    for every method.
    """
    draws = iid_bootstrap_indices(len(gold), n_boot=n_boot, seed=seed)
    rows = []
    for method, pred in predictions.items():
        for target in TARGETS:
            c = item_counts(gold, pred, target)
            p, r, f = prf(c)
            boot = np.array([prf(c[d])[2] for d in draws])
            lo, hi = percentile_interval(boot, level)
            rows.append({"method": method, "target": target, "precision": p,
                         "recall": r, "f1": f, "f1_low": lo, "f1_high": hi,
                         "n": len(gold), "support": int(c[:, 0].sum() + c[:, 2].sum()),
                         "predicted": int(c[:, 0].sum() + c[:, 1].sum())})
    return pd.DataFrame(rows)


def news_metrics(split: str = "test", methods: Sequence[str] = METHODS, n_boot: int = N_BOOT,
                 seed: int = SEED, level: float = LEVEL) -> pd.DataFrame:
    """Precision, recall and F1 [percentile interval] of each method and target on a split.

    Columns: split, then those of :func:`metrics_table`.
    """
    gold = load_gold()
    mask = (gold["split"] == split).to_numpy()
    preds = {m: news_predictions(m)[mask].reset_index(drop=True) for m in methods}
    out = metrics_table(gold[mask].reset_index(drop=True), preds, n_boot=n_boot, seed=seed,
                        level=level)
    out.insert(0, "split", split)
    return out


def news_errors(split: str = "dev", mode: Mode = "full") -> pd.DataFrame:
    """The items of a split where the scorer differs from gold on coop, conf or a pair's
    relation, with gold and system labels and the system's evidence (dev half only, to
    argue changes from)."""
    gold = load_gold()
    pred = _scored(mode)
    both = gold.merge(pred, on="item_id", suffixes=("", "_sys"))
    both = both[both["split"] == split]
    pairs_differ = np.array([pair_relations(a) != pair_relations(b)
                             for a, b in zip(both["dyads"], both["dyads_sys"], strict=True)],
                            dtype=bool)
    wrong = (both["coop"] != both["coop_sys"]).to_numpy() \
        | (both["conf"] != both["conf_sys"]).to_numpy() | pairs_differ
    return both[wrong][["item_id", "text", "coop", "coop_sys", "conf", "conf_sys", "dyads",
                        "dyads_sys", "actors", "evidence", "note"]].reset_index(drop=True)
