"""Written probes: made-up news sentences that measure the scorer where the corpora are thin.

A probe is a set of sentences written and labelled by one reader (an AI agent session) from
the codebook alone, in the style of 2017–2025 French news on Russia, the United States and
the West, hashed before any system output existed. It is a development and test instrument,
not research annotation: one reader, not adjudicated (``annotations/probes/README.md``).

``annotations/probes/manifest.csv`` lists each probe with its role: ``development`` probes
argue changes (their errors are read, :func:`probe_errors`); ``test`` probes are only ever
measured (:func:`probe_metrics`), before and after a change, and :func:`probe_errors`
refuses them. :func:`load_probe` checks each file against the hash in the manifest, so a
probe cannot change after it was written.

Measures are those of the news set (:func:`analysis.newsvalidation.metrics_table`): coop and
conf per sentence, pair coop and conf, and the Russia–US conflict (``rus_usa_conf``), each
sentence scored alone with its date, F1 with a percentile bootstrap over sentences.

Run ``python -m analysis.probes`` for the table of every probe.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from analysis import paths
from analysis.newsvalidation import metrics_table, pair_relations, score_items, tone_items
from analysis.stats import N_BOOT, SEED

__all__ = ["COLUMNS", "METHODS", "load_probe", "manifest", "probe_errors", "probe_metrics",
           "probe_predictions"]

Role = Literal["development", "test"]
COLUMNS = ["id", "date", "genre", "text", "coop", "conf", "dyads", "rus_usa", "note"]
MANIFEST_COLUMNS = ["probe", "role", "file", "sha256", "writer", "written", "sentences",
                    "description"]
METHODS = ("scorer_full", "scorer_fast", "scorer_lexical", "vader")
GENRES = ("wire", "headline", "oped", "quote")


def manifest() -> pd.DataFrame:
    """The probes, one row each: name, role, file, sha256, writer, date written, size."""
    path = paths.PROBES / "manifest.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(table.columns) != MANIFEST_COLUMNS:
        raise ValueError(f"{path}: columns must be {MANIFEST_COLUMNS}, got {list(table.columns)}")
    bad = set(table["role"]) - {"development", "test"}
    if bad:
        raise ValueError(f"{path}: unknown roles {sorted(bad)}")
    return table


def _entry(name: str) -> pd.Series:
    table = manifest()
    rows = table[table["probe"] == name]
    if rows.empty:
        raise KeyError(f"no probe {name!r}; known: {table['probe'].tolist()}")
    return rows.iloc[0]


def _check_row(where: str, row: pd.Series) -> None:
    if row["coop"] not in ("0", "1") or row["conf"] not in ("0", "1"):
        raise ValueError(f"{where}: coop and conf must be 0 or 1")
    rels = pair_relations(row["dyads"], where)
    for rel in rels.values():
        if (rel in ("coop", "mixed") and row["coop"] != "1") or (
                rel in ("conf", "mixed") and row["conf"] != "1"):
            raise ValueError(f"{where}: a {rel} dyad with coop={row['coop']}, conf={row['conf']}")
    if row["rus_usa"] != rels.get(("RUS", "USA"), "none"):
        raise ValueError(f"{where}: rus_usa {row['rus_usa']!r} disagrees with the dyads")
    if row["genre"] not in GENRES:
        raise ValueError(f"{where}: genre must be one of {GENRES}")


def load_probe(name: str) -> pd.DataFrame:
    """One probe's gold, checked against its manifest hash and for well-formed labels.

    Raises ``ValueError`` naming the file (and line) when the file changed or a row is bad.
    Each call returns its own copy (the checked file is read once per process).
    """
    return _load_probe(name).copy()


@lru_cache(maxsize=16)
def _load_probe(name: str) -> pd.DataFrame:
    entry = _entry(name)
    path = paths.PROBES / entry["file"]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != entry["sha256"]:
        raise ValueError(f"{path}: sha256 {digest[:12]}... is not the manifest's "
                         f"{entry['sha256'][:12]}...: a probe is frozen once written")
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(gold.columns) != COLUMNS:
        raise ValueError(f"{path}: columns must be {COLUMNS}, got {list(gold.columns)}")
    if gold["id"].duplicated().any():
        raise ValueError(f"{path}: repeated ids {gold.loc[gold['id'].duplicated(), 'id'].tolist()}")
    for line, (_, row) in enumerate(gold.iterrows(), start=2):
        _check_row(f"{path}: line {line}", row)
    gold[["coop", "conf"]] = gold[["coop", "conf"]].astype(int)
    return gold


@lru_cache(maxsize=64)
def _predictions(name: str, method: str) -> pd.DataFrame:
    gold = _load_probe(name)
    if method == "vader":
        actors = _predictions(name, "scorer_full")["actors"].tolist()
        return tone_items(gold["text"].tolist(), actors)
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {METHODS}")
    return score_items(gold["text"].tolist(), method.removeprefix("scorer_"),  # type: ignore[arg-type]
                       dates=gold["date"].tolist())


def probe_predictions(name: str, method: str = "scorer_full") -> pd.DataFrame:
    """One method's ``coop``, ``conf`` and ``dyads`` per sentence of a probe (:data:`METHODS`;
    ``vader`` is co-mention plus tone), in the probe's order."""
    return _predictions(name, method).copy()


def probe_metrics(names: Sequence[str] | None = None, role: Role | None = None,
                  methods: Sequence[str] = ("scorer_full",), n_boot: int = N_BOOT,
                  seed: int = SEED) -> pd.DataFrame:
    """F1 [interval] per probe, method and target, and the probes of each role pooled.

    Columns: probe (a name, or ``all development`` / ``all test`` for the pooled rows), role,
    then those of :func:`analysis.newsvalidation.metrics_table`.
    """
    table = manifest()
    if names is not None:
        table = table[table["probe"].isin(names)]
    if role is not None:
        table = table[table["role"] == role]
    parts = []
    for entry in table.itertuples(index=False):
        gold = load_probe(entry.probe)
        preds = {m: _predictions(entry.probe, m) for m in methods}
        out = metrics_table(gold, preds, n_boot=n_boot, seed=seed)
        out.insert(0, "role", entry.role)
        out.insert(0, "probe", entry.probe)
        parts.append(out)
    for r, group in table.groupby("role", sort=True):
        if len(group) < 2:
            continue
        gold = pd.concat([load_probe(p) for p in group["probe"]], ignore_index=True)
        preds = {m: pd.concat([_predictions(p, m) for p in group["probe"]], ignore_index=True)
                 for m in methods}
        out = metrics_table(gold, preds, n_boot=n_boot, seed=seed)
        out.insert(0, "role", r)
        out.insert(0, "probe", f"all {r}")
        parts.append(out)
    columns = ["probe", "role", "method", "target", "precision", "recall", "f1", "f1_low",
               "f1_high", "n", "support", "predicted"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


def probe_errors(name: str, method: str = "scorer_full") -> pd.DataFrame:
    """A development probe's sentences where the method differs from gold on coop, conf or a
    pair, with both labels and the evidence. Refuses a test probe: its errors are never read."""
    if _entry(name)["role"] != "development":
        raise ValueError(f"probe {name!r} is a test probe: it is measured, its errors are not read")
    gold = load_probe(name)
    pred = _predictions(name, method)
    both = gold.join(pred.add_suffix("_sys"))
    differ = np.array([pair_relations(a) != pair_relations(b)
                       for a, b in zip(both["dyads"], both["dyads_sys"], strict=True)], dtype=bool)
    wrong = (both["coop"] != both["coop_sys"]).to_numpy() \
        | (both["conf"] != both["conf_sys"]).to_numpy() | differ
    keep = ["id", "text", "coop", "coop_sys", "conf", "conf_sys", "dyads", "dyads_sys",
            "evidence_sys", "note"]
    return both[wrong][keep].reset_index(drop=True)


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m analysis.probes [--role R] [--methods M ...] [--targets T ...]``."""
    ap = argparse.ArgumentParser(prog="python -m analysis.probes", description=__doc__)
    ap.add_argument("--role", choices=("development", "test"))
    ap.add_argument("--probes", nargs="*", help="probe names (default: every probe)")
    ap.add_argument("--methods", nargs="*", default=["scorer_full"], choices=METHODS)
    ap.add_argument("--targets", nargs="*", default=["coop", "conf", "rus_usa_conf"])
    ap.add_argument("--out", help="also write the whole table to this CSV file")
    args = ap.parse_args(argv)
    table = probe_metrics(args.probes, args.role, args.methods)
    if args.out:
        table.to_csv(args.out, index=False, lineterminator="\n", float_format="%.4f")
    shown = table[table["target"].isin(args.targets)]
    for row in shown.itertuples(index=False):
        sys.stdout.write(f"{row.probe:18} {row.method:15} {row.target:13} F1 {row.f1:.2f} "
                         f"[{row.f1_low:.2f}, {row.f1_high:.2f}] P {row.precision:.2f} "
                         f"R {row.recall:.2f} n {row.n} support {row.support}\n")


if __name__ == "__main__":
    main()
