"""Stance toward a cooperation: does the article (per voice) find the pair's cooperation desirable?"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..tables import STANCE_COLUMNS, Scored
from .corpus import Analysis, analyse, evidence_item, scored_sentences
from .polarity import PolarityLexicon
from .sentence import NEGATED_COOP_WEIGHT
from .text import as_flag, as_text
from .words import COOPERATIVE_RELATIONS, STANCE_TARGET_KINDS

#: Stance labels; net score ≥ +1/3 desirable, ≤ −1/3 doubted, in between mixed; no evidence: neither.
STANCES: tuple[str, ...] = ("desirable", "doubted", "mixed", "neither")
STANCE_THRESHOLD = 1 / 3
#: The cooperating pair whose cooperation :func:`stance` follows (sorted codes, as in dyads).
COOP_PAIR: tuple[str, str] = ("RUS", "USA")
VOICES: tuple[str, ...] = ("narrator", "quoted", "all")


def stance_label(pos: float, neg: float, threshold: float = STANCE_THRESHOLD) -> tuple[str, float]:
    """(label, net score) from summed positive and negative evidence."""
    total = pos + neg
    if total == 0:
        return "neither", math.nan
    net = (pos - neg) / total
    if net >= threshold:
        return "desirable", net
    if net <= -threshold:
        return "doubted", net
    return "mixed", net


def cooperation_sentences(scored: Scored, pair: tuple[str, str] = COOP_PAIR) -> pd.DataFrame:
    """Sentences with a cooperative (or negated) dyad between the pair: article_id, sentence_id, negated."""
    dy = scored.dyads
    a, b = sorted(pair)
    d = dy[(dy["actor_a"] == a) & (dy["actor_b"] == b)].copy()
    d["negated"] = d["negated"].map(as_flag)
    d = d[d["relation"].isin(COOPERATIVE_RELATIONS) | d["negated"]]
    d["article_id"] = d["article_id"].astype(str)
    d["negated_coop"] = d["negated"] & ~d["relation"].isin(COOPERATIVE_RELATIONS)
    out = d.groupby(["article_id", "sentence_id"], as_index=False).agg(
        negated=("negated_coop", "any"), evidence=("evidence", lambda s: "; ".join(map(as_text, s))))
    return out.sort_values(["article_id", "sentence_id"]).reset_index(drop=True)


def stance(scored: Scored, actors: pd.DataFrame | None = None, lexicon: PolarityLexicon | None = None,
           analysis: Analysis | None = None, window: int = 1,
           pair: tuple[str, str] = COOP_PAIR) -> pd.DataFrame:
    """Stance toward the pair's cooperation, per article and voice (narrator / quoted / all).

    The window is every sentence with a cooperative (or negated-cooperation)
    dyad between the pair, plus ``window`` scored sentences before and after
    it. Evidence: evaluations attached to an interaction noun or a pronoun
    subject, stance cues (anywhere in the window) and negated cooperation.
    Articles without such a sentence are ``neither`` with an empty window.
    """
    an = analysis if analysis is not None else analyse(scored, actors, lexicon)
    sents = scored_sentences(scored.sentences)
    coop = cooperation_sentences(scored, pair)
    articles = scored.articles
    ids = sorted(set(articles.loc[articles["status"] == "ok", "article_id"].astype(str))
                 | set(sents["article_id"].astype(str)))
    sent_rows = sents.assign(article_id=sents["article_id"].astype(str)).set_index(
        ["article_id", "sentence_id"])
    rows = []
    for aid in ids:
        c = coop[coop["article_id"] == aid]
        win = _window(sents[sents["article_id"].astype(str) == aid], c, window)
        items = _evidence(an.evaluations, aid, win)
        texted = {r["sentence_id"] for r in items if r.get("rule") == "negated-coop"}
        items += [_negated_dyad(sent_rows.loc[(r["article_id"], r["sentence_id"])], r)
                  for r in c[c["negated"] & ~c["sentence_id"].isin(texted)].to_dict("records")]
        items.sort(key=lambda r: (r["sentence_id"], r["term"]))
        for voice in VOICES:
            sel = [r for r in items if voice == "all" or r["voice"] == voice]
            pos = sum(r["score"] for r in sel if r["score"] > 0)
            neg = -sum(r["score"] for r in sel if r["score"] < 0)
            label, net = stance_label(pos, neg)
            rows.append({"article_id": aid, "voice": voice, "stance_coop": label, "stance_score": net,
                         "n_evidence": len(sel), "n_window": len(win),
                         "stance_evidence": " | ".join(evidence_item(r) for r in sel)})
    out = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    out["voice"] = pd.Categorical(out["voice"], categories=list(VOICES), ordered=True)
    out = out.sort_values(["article_id", "voice"], kind="stable").reset_index(drop=True)
    out["voice"] = out["voice"].astype(str)
    return out


def _window(mine: pd.DataFrame, coop: pd.DataFrame, window: int) -> set[int]:
    """The article's cooperation sentences and ``window`` wordy scored sentences either side."""
    wordy = mine["text"].map(lambda t: any(ch.isalpha() for ch in as_text(t)))  # not a lone "«"
    order = mine.loc[wordy, "sentence_id"].astype(int).tolist()
    pos_of = {sid: k for k, sid in enumerate(order)}
    win: set[int] = set()
    for sid in coop["sentence_id"].astype(int):
        if sid in pos_of:
            k = pos_of[sid]
            win.update(order[max(0, k - window):k + window + 1])
    return win


def _evidence(ev: pd.DataFrame, aid: str, win: set[int]) -> list[dict[str, Any]]:
    """The window's stance cues and evaluations of the cooperation itself (an event or "ce")."""
    e = ev[(ev["article_id"] == aid) & ev["sentence_id"].isin(win)]
    return [r for r in e.to_dict("records") if r["kind"] == "stance" or (
        r["kind"] == "polarity" and r["target_kind"] in STANCE_TARGET_KINDS)]


def _negated_dyad(srow: pd.Series, r: dict[str, Any]) -> dict[str, Any]:
    """Evidence for a negated cooperation the scorer found and no negated word explains."""
    voice = as_text(srow.get("voice")) or "narrator"
    speaker = as_text(srow.get("speaker")) if voice == "quoted" else ""
    return {"article_id": r["article_id"], "sentence_id": int(r["sentence_id"]),
            "term": f"negated cooperation ({r['evidence']})", "score": NEGATED_COOP_WEIGHT,
            "rule": "dyad", "target": "", "target_kind": "", "voice": voice, "speaker": speaker}
