"""Synthetic scored tables for the comparison and figure tests.

They follow docs/tables.md exactly (the column lists of :mod:`analysis.tables`).
"""

from __future__ import annotations

import random

import pandas as pd

from analysis.tables import (
    ARTICLE_SCORE_COLUMNS,
    DYAD_COLUMNS,
    SENTENCE_COLUMNS,
    Scored,
    frame_measures,
    typed_frame,
)

VOCAB = ("ministre accord frontière sommet armée dialogue pétrole région conseil crise réunion "
         "offensive traité relation territoire voisin gouvernement président opposition mission "
         "déclaration aide rebelle ville province alliance réforme élection marché sécurité").split()


def _sentence(rng: random.Random, extra: str = "") -> str:
    words = [rng.choice(VOCAB) for _ in range(12)]
    return (" ".join(words) + (f" {extra}" if extra else "")).capitalize() + "."


def make_scored(specs: list[dict]) -> Scored:
    """Scored tables from article specs; every column of docs/tables.md, measures via frame_measures.

    A spec: ``article_id``, optional metadata (``outlet``, ``agency``, ``published``,
    ``page_timestamp``, ``dates_mentioned``, ``status``) and ``sentences``: dicts with
    ``text``, ``kind``, ``voice``, ``speaker``, ``coop``, ``conf``, ``dyads`` (list of
    ``(actor_a, actor_b, relation)``).
    """
    arts, sents, dyads = [], [], []
    for spec in specs:
        aid = spec["article_id"]
        rows, drows, offset = [], [], 0
        for sid, s in enumerate(spec.get("sentences", [])):
            text = s["text"]
            kind = s.get("kind", "body")
            scored = kind != "boilerplate"
            coop, conf = (s.get("coop", 0), s.get("conf", 0)) if scored else (None, None)
            frame = ({(1, 1): "mixed", (1, 0): "cooperation", (0, 1): "conflict"}.get((coop, conf),
                                                                                        "neutral")
                     if scored else None)
            acts = sorted({a for d in s.get("dyads", []) for a in d[:2]})
            rows.append({
                "article_id": aid, "sentence_id": sid, "paragraph_id": sid, "start": offset,
                "end": offset + len(text), "text": text, "kind": kind,
                "boilerplate_kind": "" if scored else "signature", "lang": "fr",
                "voice": s.get("voice", "narrator") if scored else None,
                "speaker": s.get("speaker", "") if scored else None, "coop": coop, "conf": conf,
                "coop_score": float(coop or 0) if scored else None,
                "conf_score": float(conf or 0) if scored else None,
                "goldstein": (float(coop) - float(conf)) if scored and (coop or conf) else None,
                "frame": frame, "modality": "asserted" if scored else None,
                "actors": ";".join(acts) if scored else None, "evidence": "synthetic" if scored else None,
                "tone_vader": 0.0 if scored else None, "tone_textblob": 0.0 if scored else None,
            })
            for a, b, rel in s.get("dyads", []):
                a, b = sorted((a, b))
                drows.append({"article_id": aid, "sentence_id": sid, "actor_a": a, "actor_b": b,
                              "source": "", "target": "", "relation": rel, "category": "CONSULT",
                              "quad_class": 1, "weight": 1.0, "negated": False, "modality": "asserted",
                              "evidence": "synthetic"})
            offset += len(text) + 1
        record = {c: "" for c in ARTICLE_SCORE_COLUMNS}
        record.update(article_id=aid, path=f"synthetic/{aid}.txt", status=spec.get("status", "ok"),
                      encoding="utf-8", n_parts=1, title=spec.get("title", ""),
                      n_paragraphs=len(rows), n_headlines=sum(r["kind"] == "headline" for r in rows),
                      n_boilerplate=sum(r["kind"] == "boilerplate" for r in rows), n_chars=offset,
                      mode="full", lexicon_version="synthetic")
        for key in ("outlet", "agency", "published", "page_timestamp", "dates_mentioned", "host"):
            record[key] = spec.get(key, "")
        s_df = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
        d_df = pd.DataFrame(drows, columns=DYAD_COLUMNS)
        record.update(frame_measures(s_df.assign(coop=s_df["coop"].astype("Int64"),
                                                 conf=s_df["conf"].astype("Int64")), d_df))
        arts.append(record)
        sents.extend(rows)
        dyads.extend(drows)
    return Scored(typed_frame(arts, "articles"), typed_frame(sents, "sentences"),
                  typed_frame(dyads, "dyads"))


def article(aid: str, outlet: str, n_coop: int, n_conf: int, n_neutral: int, seed: int,
             extra_word: str = "", **meta: str) -> dict:
    rng = random.Random(seed)
    sentences = [{"text": _sentence(rng, "titre"), "kind": "headline", "coop": 1, "conf": 0}]
    for i in range(n_coop):
        sentences.append({"text": _sentence(rng, extra_word), "coop": 1,
                          "dyads": [("RUS", "USA", "coop")] if i % 2 == 0 else [],
                          "voice": "quoted" if i % 3 == 0 else "narrator",
                          "speaker": "Lavrov" if i % 3 == 0 else ""})
    for i in range(n_conf):
        sentences.append({"text": _sentence(rng), "conf": 1,
                          "dyads": [("RUS", "USA", "conf"), ("RUS", "IS", "conf")] if i % 2 == 0 else [],
                          "voice": "quoted" if i % 2 == 0 else "narrator",
                          "speaker": "Tillerson" if i % 2 == 0 else ""})
    for _ in range(n_neutral):
        sentences.append({"text": _sentence(rng)})
    sentences.append({"text": "fr.exemple.com", "kind": "boilerplate"})
    return {"article_id": aid, "outlet": outlet, "sentences": sentences, **meta}


#: Outlets of :func:`make_corpus` (one long name, to test shortening); "" is the unknown outlet.
CORPUS_OUTLETS = ["Agence Alpha", "Bulletin Beta", "Courrier Gamma", "Dépêche Delta", "Écho Epsilon",
                  "Feuille Zeta", "Gazette Eta", "Héraut Theta", "Informateur Iota",
                  "Le Journal International de la Presse Francophone du Soir et du Matin", "Kappa", ""]
CORPUS_ACTORS = ("RUS USA FRA CHN SYR IRN TUR ISR UKR DEU GBR SAU EGY IRQ JOR QAT LBN ARE IND JPN "
                 "KOR PRK").split()


def make_corpus(n_articles: int = 2000, seed: int = 0, outlets: list[str] | None = None) -> Scored:
    """A large scored corpus straight as tables (no spaCy, no per-article measures): for the figures.

    Outlets have unequal sizes (the last named one 3 articles: an anecdote),
    about 8 % of articles have no outlet; dates: mostly published in 2017–2018
    from the metadata, some only mentioned in the text, one article dated
    1917 by its text, a few without a date; 22 actors, the first ones far more
    frequent; an ``actors`` table as ``--stance`` writes it.
    """
    rng = random.Random(seed)
    names = CORPUS_OUTLETS if outlets is None else outlets
    weights = [1.0 / (1 + i) ** 0.5 for i in range(len(names))]
    arts, sents, dyads, actors = [], [], [], []
    for i in range(n_articles):
        aid = f"{i:05d}_gen"
        outlet = names[-2] if i < 3 and len(names) > 2 else rng.choices(names[:-2] + names[-1:],
                                                                        weights[:-2] + weights[-1:])[0]
        published, mentioned = _corpus_dates(rng, i)
        arts.append({"article_id": aid, "path": f"gen/{aid}.txt", "status": "ok", "encoding": "utf-8",
                     "n_parts": 1, "outlet": outlet, "published": published,
                     "dates_mentioned": mentioned, "agency": "AFP" if rng.random() < 0.1 else "",
                     "mode": "full", "lexicon_version": "synthetic"})
        _corpus_sentences(rng, aid, sents, dyads, actors)
    return Scored(typed_frame(arts, "articles"), typed_frame(sents, "sentences"),
                  typed_frame(dyads, "dyads"), actors=typed_frame(actors, "actors"))


def _corpus_dates(rng: random.Random, i: int) -> tuple[str, str]:
    if i == 7:
        return "", "1917-03-08"  # a date the body mentions, a century before the corpus
    draw = rng.random()
    day = f"{rng.choice((2017, 2018))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if draw < 0.8:
        return day, ""
    return ("", day) if draw < 0.95 else ("", "")


def _corpus_sentences(rng: random.Random, aid: str, sents: list, dyads: list, actors: list) -> None:
    """One headline, 2–5 body sentences and a boilerplate line; dyads and actor rows from them."""
    kinds = ["headline"] + ["body"] * rng.randint(2, 5) + ["boilerplate"]
    seen: dict[str, list[float]] = {}
    for sid, kind in enumerate(kinds):
        scored = kind != "boilerplate"
        coop, conf = (int(rng.random() < 0.35), int(rng.random() < 0.3)) if scored else (None, None)
        quoted = scored and kind == "body" and rng.random() < 0.3
        pair = sorted(rng.sample(CORPUS_ACTORS[: rng.choice((3, 6, 10, 22))], 2)) if coop or conf else []
        sents.append({"article_id": aid, "sentence_id": sid, "paragraph_id": sid, "start": 0, "end": 1,
                      "text": " ".join(rng.choice(VOCAB) for _ in range(8)).capitalize() + ".",
                      "kind": kind, "lang": "fr", "voice": ("quoted" if quoted else "narrator") if scored
                      else None, "speaker": rng.choice(("Lavrov", "Tillerson", "")) if quoted else "",
                      "coop": coop, "conf": conf,
                      "frame": ({(1, 1): "mixed", (1, 0): "cooperation", (0, 1): "conflict"}
                                .get((coop, conf), "neutral") if scored else None)})
        if pair:
            rel = "mixed" if coop and conf else "coop" if coop else "conf"
            dyads.append({"article_id": aid, "sentence_id": sid, "actor_a": pair[0], "actor_b": pair[1],
                          "relation": rel, "category": "CONSULT", "quad_class": 1, "weight": 1.0,
                          "negated": False, "modality": "asserted"})
            for code in pair:
                seen.setdefault(code, []).append(round(rng.uniform(-1, 1), 2))
    for code, scores in sorted(seen.items()):
        actors.append({"article_id": aid, "actor": code, "mentions": len(scores),
                       "narrator_scores": ";".join(str(x) for x in scores), "quoted_scores": "",
                       "n_evaluations": len(scores), "portrayal_score": sum(scores) / len(scores)})
