"""Agreement of portrayal and stance with the seeds' gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ..stats import agreement, confusion
from ..tables import Scored
from .cooperation import STANCES, stance
from .corpus import analyse
from .portrayal import PORTRAYALS, portray


def _load_gold(path: Path, columns: list[str]) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    for c in df.columns:
        df[c] = df[c].str.strip()
    return df


def evaluate_stance(scored: Scored, actors_df: pd.DataFrame | None = None,
                    stance_df: pd.DataFrame | None = None, portrayal_gold: str | Path | None = None,
                    stance_gold: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """Agreement of :func:`stance` and :func:`portray` with the seed annotations.

    Why: the rules were written by reading the seeds; this is the check
    against a person's reading (``annotations/seed_stance.csv`` and
    ``seed_portrayal.csv``, defined in ``docs/codebook.md``). Returns a dict
    with ``stance`` (items: article × voice), ``portrayal`` (items: the gold
    (article, actor) pairs; an actor the system did not find counts as
    ``neutral``) and ``portrayal_voice`` (whose words carry the portrayal:
    narrator / quoted / both, same pairs). Each holds ``agreement`` (n,
    accuracy, Cohen's kappa and Krippendorff's alpha from
    :class:`nltk.metrics.agreement.AnnotationTask` via
    :func:`analysis.stats.agreement`), ``confusion`` (gold in rows),
    ``errors`` (the disagreements with both sides' evidence) and ``items``.
    ``portrayal["pairs"]`` lists (article, actor) pairs found by only one side.
    ``scored``: the tables the gold files refer to (for the seeds,
    ``analysis.evaluate.scored_seeds("full")``).
    """
    from .. import paths

    an = analyse(scored) if actors_df is None or stance_df is None else None
    actors_df = actors_df if actors_df is not None else portray(scored, analysis=an)
    stance_df = stance_df if stance_df is not None else stance(scored, analysis=an)
    out: dict[str, dict[str, Any]] = {}

    sg = _load_gold(Path(stance_gold or paths.SEED_STANCE), ["article_id", "voice", "stance_coop"])
    sys_s = stance_df.assign(article_id=stance_df["article_id"].astype(str))
    m = sg.merge(sys_s, on=["article_id", "voice"], how="left", suffixes=("_gold", ""))
    m["stance_coop"] = m["stance_coop"].fillna("neither")
    m = m.rename(columns={"stance_coop_gold": "gold", "stance_coop": "system",
                          "stance_evidence": "system_evidence", "evidence": "gold_evidence"})
    out["stance"] = _report(m, ["article_id", "voice"], list(STANCES))

    pg = _load_gold(Path(portrayal_gold or paths.SEED_PORTRAYAL), ["article_id", "actor", "portrayal",
                                                                     "voice"])
    sys_a = actors_df.assign(article_id=actors_df["article_id"].astype(str))
    m = pg.merge(sys_a, on=["article_id", "actor"], how="left", suffixes=("_gold", ""))
    m["portrayal"] = m["portrayal"].fillna("neutral")
    m = m.rename(columns={"evidence_gold": "gold_evidence", "evidence": "system_evidence"})
    p = m.rename(columns={"portrayal_gold": "gold", "portrayal": "system"})
    out["portrayal"] = _report(p, ["article_id", "actor"], list(PORTRAYALS))
    keys_g = set(zip(pg["article_id"], pg["actor"], strict=True))
    keys_s = set(zip(sys_a["article_id"], sys_a["actor"], strict=True))
    out["portrayal"]["pairs"] = pd.DataFrame(
        sorted([(a, c, "gold only") for a, c in keys_g - keys_s]
               + [(a, c, "system only") for a, c in keys_s - keys_g]),
        columns=["article_id", "actor", "found_by"])
    v = m.assign(voice=m["voice"].fillna("")).rename(columns={"voice_gold": "gold", "voice": "system"})
    out["portrayal_voice"] = _report(v, ["article_id", "actor"], ["narrator", "quoted", "both"])
    return out


def _report(m: pd.DataFrame, keys: list[str], labels: list[str]) -> dict[str, Any]:
    ag = agreement(m["gold"], m["system"])
    ag["accuracy"] = ag.pop("observed")
    cols = [c for c in [*keys, "gold", "system", "system_evidence", "gold_evidence", "note"]
            if c in m.columns]
    errs = m.loc[m["gold"] != m["system"], cols].reset_index(drop=True)
    used = [lab for lab in labels if lab in set(m["gold"]) | set(m["system"])]
    used += sorted((set(m["gold"]) | set(m["system"])) - set(used), key=str)
    return {"agreement": pd.Series(ag)[["n", "accuracy", "kappa", "alpha"]],
            "confusion": confusion(m["gold"], m["system"], labels=used),
            "errors": errs, "items": m[cols].reset_index(drop=True)}
