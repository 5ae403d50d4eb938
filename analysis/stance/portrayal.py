"""Actor portrayal: per (article, actor), the evaluations attached to the actor and whose words they are."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ..tables import ACTOR_COLUMNS, Scored
from .corpus import Analysis, analyse, evidence_item, scored_sentences
from .polarity import PolarityLexicon
from .text import as_text
from .words import CONFLICTUAL_RELATIONS, COOPERATIVE_RELATIONS

#: Portrayal labels; a mean score above +THRESHOLD is favourable, below −THRESHOLD unfavourable.
PORTRAYALS: tuple[str, ...] = ("favourable", "neutral", "unfavourable")
PORTRAYAL_THRESHOLD = 0.1

Key = tuple[str, str]  # (article_id, actor code)


def portrayal_label(score: float, n: int = 1, threshold: float = PORTRAYAL_THRESHOLD) -> str:
    """favourable / neutral / unfavourable from a mean evaluation score (neutral when none)."""
    if n == 0 or score is None or math.isnan(score):
        return "neutral"
    return "favourable" if score > threshold else "unfavourable" if score < -threshold else "neutral"


def _whose(voices: Iterable[str]) -> str:
    v = {"quoted" if x == "quoted" else "narrator" for x in voices}
    return "both" if len(v) == 2 else next(iter(v), "")


def portray(scored: Scored, actors: pd.DataFrame | None = None, lexicon: PolarityLexicon | None = None,
            analysis: Analysis | None = None) -> pd.DataFrame:
    """Actor portrayal: one row per (article, actor), the table written as ``actors.csv``.

    An actor is included when an alias of it is found in a scored sentence
    or the scorer lists it there. ``mentions`` counts, per sentence, the
    mentions found (at least one when the scorer lists the actor: "les deux
    présidents"); ``as_source``/``as_target`` count dyads with the actor as
    source / target; ``cooperates_with``/``conflicts_with`` list the partners
    of cooperative / conflictual dyads. ``portrayal_score`` is the mean score
    of every evaluation of the actor in the article (0 with none), and
    ``voice`` whose words they are (narrator, quoted or both; for an actor
    with no evaluation, whose words mention it). ``narrator_score`` is the
    outlet's own words only, ``quoted_score`` its sources' (attributed in
    ``evidence`` to the speaker).
    """
    an = analysis if analysis is not None else analyse(scored, actors, lexicon)
    sents = scored_sentences(scored.sentences)
    dy = scored.dyads.assign(article_id=scored.dyads["article_id"].astype(str))
    dy = dy[dy["article_id"].isin(set(sents["article_id"].astype(str)))]
    mentions = _mention_counts(an, sents)
    labels: dict[Key, Counter] = defaultdict(Counter)
    mention_voices: dict[Key, list[str]] = defaultdict(list)
    for r in an.mentions.itertuples(index=False):
        labels[(r.article_id, r.code)][r.surface] += 1
        mention_voices[(r.article_id, r.code)].append(r.voice)
    evals = an.evaluations[(an.evaluations["kind"] == "polarity") & (an.evaluations["actors"] != "")]
    by_actor: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    for r in evals.to_dict("records"):
        for code in r["actors"].split(";"):
            by_actor[(r["article_id"], code)].append(r)
    rows = []
    for aid, code in sorted(set(mentions) | set(by_actor)):
        evs = sorted(by_actor.get((aid, code), []), key=lambda r: (r["sentence_id"], r["term"]))
        lab = labels.get((aid, code), Counter())
        rows.append({
            "article_id": aid, "actor": code, "mentions": int(mentions.get((aid, code), 0)),
            **_dyad_columns(dy[dy["article_id"] == aid], code),
            **_score_columns(evs, mention_voices.get((aid, code), [])),
            "labels_used": ";".join(s for s, _ in sorted(lab.items(), key=lambda kv: (-kv[1], kv[0]))),
            "evidence": " | ".join(evidence_item(r) for r in evs),
        })
    out = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return out.sort_values(["article_id", "actor"], kind="stable").reset_index(drop=True)


def _mention_counts(an: Analysis, sents: pd.DataFrame) -> Counter:
    """Mentions per (article, actor): those found per sentence, at least one where the scorer lists it."""
    found = an.mentions.groupby(["article_id", "sentence_id", "code"]).size()
    listed = {(str(r.article_id), int(r.sentence_id), code)
              for r in sents.itertuples(index=False) for code in as_text(r.actors).split(";") if code}
    mentions: Counter = Counter()
    for key in set(found.index) | listed:
        mentions[(key[0], key[2])] += max(int(found.get(key, 0)), 1)
    return mentions


def _dyad_columns(d: pd.DataFrame, code: str) -> dict[str, Any]:
    """as_source, as_target, cooperates_with and conflicts_with of an actor in an article's dyads."""
    mine = d[(d["actor_a"] == code) | (d["actor_b"] == code)]
    partner = np.where(mine["actor_a"] == code, mine["actor_b"], mine["actor_a"])
    coop = sorted(set(partner[mine["relation"].isin(COOPERATIVE_RELATIONS).to_numpy()]))
    conf = sorted(set(partner[mine["relation"].isin(CONFLICTUAL_RELATIONS).to_numpy()]))
    return {"as_source": int((d["source"] == code).sum()), "as_target": int((d["target"] == code).sum()),
            "cooperates_with": ";".join(coop), "conflicts_with": ";".join(conf)}


def _score_columns(evs: list[dict[str, Any]], mention_voices: list[str]) -> dict[str, Any]:
    """The portrayal score and label, the voice, and the narrator's and quoted scores."""
    nar = [r["score"] for r in evs if r["voice"] != "quoted"]
    quo = [r["score"] for r in evs if r["voice"] == "quoted"]
    score = float(np.mean(nar + quo)) if evs else 0.0
    return {
        "portrayal_score": score, "portrayal": portrayal_label(score, len(evs)),
        "voice": _whose(r["voice"] for r in evs) if evs else _whose(mention_voices) or "narrator",
        "narrator_score": float(np.mean(nar)) if nar else 0.0,
        "quoted_score": float(np.mean(quo)) if quo else 0.0,
        "n_evaluations": len(evs),
        "narrator_scores": ";".join(f"{s:.4f}" for s in nar),
        "quoted_scores": ";".join(f"{s:.4f}" for s in quo),
    }


def portray_by_voice(actors_df: pd.DataFrame) -> pd.DataFrame:
    """Long form of :func:`portray`: one row per (article, actor, voice), voice narrator / quoted / all."""
    rows = []
    for r in actors_df.to_dict("records"):
        nar = [float(x) for x in as_text(r["narrator_scores"]).split(";") if x]
        quo = [float(x) for x in as_text(r["quoted_scores"]).split(";") if x]
        for voice, vals in (("narrator", nar), ("quoted", quo), ("all", nar + quo)):
            score = float(np.mean(vals)) if vals else 0.0
            rows.append({"article_id": r["article_id"], "actor": r["actor"], "voice": voice,
                         "n_evaluations": len(vals), "score": score,
                         "portrayal": portrayal_label(score, len(vals))})
    return pd.DataFrame(rows, columns=["article_id", "actor", "voice", "n_evaluations", "score",
                                       "portrayal"])
