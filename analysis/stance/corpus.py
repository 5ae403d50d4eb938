"""Evaluations and actor mentions of a scored corpus, from one parse of its scored sentences."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..tables import Scored
from .attach import Evaluation
from .mentions import ActorMatcher, default_actors, find_mentions
from .polarity import PolarityLexicon, load_polarity
from .sentence import negated_cooperation, sentence_evaluations
from .text import as_text, parse, scorer_tokens
from .voice import paragraph_quotes, token_voices
from .words import COOPERATIVE_RELATIONS, SCORED_KINDS

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc

EVALUATION_COLUMNS = [
    "article_id", "sentence_id", "term", "lexicon_term", "kind", "weight", "score", "negated",
    "boosters", "rule", "target", "target_kind", "actors", "voice", "speaker", "source",
]
MENTION_COLUMNS = ["article_id", "sentence_id", "code", "surface", "voice"]


@dataclass
class Analysis:
    """Parsed evidence of a scored corpus: evaluations and actor mentions (see :func:`analyse`)."""

    evaluations: pd.DataFrame
    mentions: pd.DataFrame  # article_id, sentence_id, code, surface, voice


def scored_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """The scored sentences (:data:`SCORED_KINDS`, with a frame), in article and sentence order."""
    s = sentences[sentences["kind"].isin(SCORED_KINDS) & sentences["coop"].notna()]
    return s.sort_values(["article_id", "sentence_id"], kind="stable")


def evidence_item(r: dict[str, Any]) -> str:
    """An evaluation as evidence: term, score, whose words, sentence, rule (and a non-actor target)."""
    who = r["voice"] if r["voice"] != "quoted" else f"quoted: {r['speaker'] or 'unnamed'}"
    target = f"→{r['target']}" if r.get("target") and r.get("target_kind") != "actor" else ""
    return f"{r['term']} {r['score']:+.2f} ({who}; s{r['sentence_id']} {r['rule']}{target})"


def analyse(scored: Scored, actors: pd.DataFrame | None = None,
            lexicon: PolarityLexicon | None = None,
            frame_lexicon: pd.DataFrame | None = None) -> Analysis:
    """Parse every scored sentence once; return its evaluations and actor mentions.

    ``actors`` and ``frame_lexicon``: the scorer's actor dictionary and event
    lexicon (default: the packaged ones); ``lexicon``: the polarity lexicon.

    :func:`portray` and :func:`stance` both take the result (``analysis=``),
    so the corpus is parsed once. An evaluation of an interaction noun
    ("rencontre constructive") is given, for portrayal, to the actors of the
    sentence's cooperative dyads (rule suffix ``+event``).
    """
    lex = lexicon if lexicon is not None else load_polarity()
    matcher = ActorMatcher(actors if actors is not None else default_actors(), frame_lexicon)
    sents = scored_sentences(scored.sentences)
    docs = parse(sents["text"].map(as_text).tolist())
    dy = scored.dyads
    partners: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in dy[dy["relation"].isin(COOPERATIVE_RELATIONS)].itertuples(index=False):
        partners[(str(r.article_id), int(r.sentence_id))].update((r.actor_a, r.actor_b))
    dates = article_dates(scored.articles)
    ev_rows: list[dict[str, Any]] = []
    m_rows: list[dict[str, Any]] = []
    rows = list(sents.to_dict("records"))
    for aid, idx in _articles(rows):
        article = matcher.article(dates.get(aid, ""))
        for k, (row, doc, quoted) in enumerate(_quoted_docs([rows[i] for i in idx], [docs[i] for i in idx])):
            sid = int(row["sentence_id"])
            toks = scorer_tokens(doc, quoted)
            mentions = find_mentions(doc, matcher, article, toks, paragraph_start=k == 0)
            q = [t.quoted for t in toks]
            voices = token_voices(doc, as_text(row.get("voice")), as_text(row.get("speaker")), q)
            for m in mentions:
                voice = voices[doc[m.start:m.end].root.i][0]
                m_rows += [{"article_id": aid, "sentence_id": sid, "code": c, "surface": m.text.lower(),
                            "voice": voice} for c in m.codes]
            evs = sentence_evaluations(doc, mentions, lex, q) + negated_cooperation(doc, lex, toks)
            ev_rows += _evaluation_rows(aid, sid, doc, evs, voices, sorted(partners.get((aid, sid), ())))
    return Analysis(pd.DataFrame(ev_rows, columns=EVALUATION_COLUMNS),
                    pd.DataFrame(m_rows, columns=MENTION_COLUMNS))


def article_dates(articles: pd.DataFrame | None) -> dict[str, str]:
    """The date the scorer read each article at: its ``published`` day
    (:func:`analysis.scoring.article_date`), "" when unknown."""
    from ..scoring import article_date

    if articles is None or "published" not in articles.columns:
        return {}
    return {str(a): article_date(as_text(d))
            for a, d in zip(articles["article_id"], articles["published"], strict=True)}


def _articles(rows: list[dict[str, Any]]) -> list[tuple[str, list[int]]]:
    """(article id, indices of its rows), in the rows' order."""
    out: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        out.setdefault(str(r["article_id"]), []).append(i)
    return list(out.items())


def _quoted_docs(rows: list[dict[str, Any]], docs: list[Doc]
                 ) -> list[tuple[dict[str, Any], Doc, list[tuple[int, int]]]]:
    """Each sentence of an article with its quoted character ranges, read paragraph by
    paragraph and carried across paragraphs as the scorer reads them (:func:`paragraph_quotes`).
    Without a ``paragraph_id`` every sentence is its own paragraph."""
    out: list[tuple[dict[str, Any], Doc, list[tuple[int, int]]]] = []
    carry = False
    k = 0
    while k < len(rows):
        para = rows[k].get("paragraph_id", f"s{k}")
        j = k
        while j < len(rows) and rows[j].get("paragraph_id", f"s{j}") == para:
            j += 1
        ranges, carry = paragraph_quotes([d.text for d in docs[k:j]], carry)
        out += list(zip(rows[k:j], docs[k:j], ranges, strict=True))
        k = j
    return out


def _evaluation_rows(aid: str, sid: int, doc: Doc, evs: list[Evaluation], voices: list[tuple[str, str]],
                     partners: list[str]) -> list[dict[str, Any]]:
    """One row per evaluation, in token order; an evaluated event goes to the cooperating actors."""
    rows = []
    for ev in sorted(evs, key=lambda e: (e.start, e.end)):
        voice, speaker = voices[doc[ev.start:ev.end].root.i]
        codes, rule = list(ev.actors), ev.rule
        if ev.target_kind == "event" and not codes and partners:
            codes, rule = partners, f"{rule}+event"
        rows.append({
            "article_id": aid, "sentence_id": sid, "term": ev.term, "lexicon_term": ev.entry.term,
            "kind": ev.entry.kind, "weight": ev.entry.weight, "score": ev.score,
            "negated": ev.negated, "boosters": ";".join(ev.boosters), "rule": rule,
            "target": ev.target, "target_kind": ev.target_kind, "actors": ";".join(codes),
            "voice": voice, "speaker": speaker, "source": ev.entry.source,
        })
    return rows


def evaluations(scored: Scored, actors: pd.DataFrame | None = None,
                lexicon: PolarityLexicon | None = None) -> pd.DataFrame:
    """One row per evaluative word or stance cue in the scored sentences (:data:`EVALUATION_COLUMNS`)."""
    return analyse(scored, actors, lexicon).evaluations
