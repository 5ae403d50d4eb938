"""One article, paragraph by paragraph: the rules applied to each sentence in order.

:class:`ArticleScorer` carries the article context (speaker, last persons and
actors, open quotation) from sentence to sentence and paragraph to paragraph.
The order of the stages is the list in :mod:`analysis.scoring.rules`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .actors import (
    addressees,
    aid_recipients,
    facing_actors,
    find_mentions,
    object_heads,
    resolve_references,
    targeted_actors,
    update_context,
)
from .assembly import assemble
from .dyads import find_dyads
from .events import drop_unnamed_cooperation
from .matcher import Engine, Starts
from .modality import modality_of
from .offices import office_term, title_by_date
from .result import SentenceScore
from .rules import apply_event_rules
from .senses import lone_pair_term
from .speech import find_attribution, quote_segments, sentence_voice, speaker_mentions_of
from .structures import Context, Mention, Sent
from .tokens import Rows, Tok, build_tokens, doc_ents, doc_rows, unique
from .words import AGENT_NOUNS, NON_AGENT_HEADS


class ArticleScorer:
    """Scores the paragraphs of one article in order, carrying context.

    ``date``: the article's date (ISO ``YYYY-MM-DD``, or "" when unknown), for the
    date rules :func:`~.offices.office_term` and :func:`~.offices.title_by_date`.
    ``places``: also keep place, topic and dateline mentions, marked ``place``
    (:func:`~.actors.find_mentions`; for :mod:`analysis.stance`, never when scoring).
    """

    def __init__(self, engine: Engine, full: bool, date: str = "", places: bool = False):
        self.engine = engine
        self.places = places
        self.want_full = full
        self.full = full
        self.ctx = Context(date=date)

    def prepare(self, span: Span, segments: list[tuple[int, int]], paragraph_start: bool,
                rows: Rows, ents: list[tuple[int, int, str]] | None = None) -> Sent:
        """Tokens of a spaCy sentence, then :meth:`analyse` (``rows`` and ``ents``: the
        paragraph's :func:`~.tokens.doc_rows` and, full mode, :func:`~.tokens.doc_ents`)."""
        toks, total, inside = build_tokens(span, self.full, segments, rows, ents)
        return self.analyse(toks, span.start_char, span.end_char, paragraph_start,
                            inside / total if total else 0.0, self.engine.starts(toks))

    def analyse(self, toks: list[Tok], start: int, end: int, paragraph_start: bool,
                quoted_frac: float, starts: Starts | None = None) -> Sent:
        """Context-free work for one sentence: matches, mentions, attribution.

        ``starts``: the tokens that can start a lexicon and an actor match
        (:meth:`~.matcher.PhraseIndex.starts` of each index), when the caller has them.
        """
        eng = self.engine
        lex_starts, act_starts = starts if starts is not None else (None, None)
        matches = [(s, e, eng.lex[eng.lex_index.patterns[pid].row])
                   for s, e, pid in eng.lex_index.find(toks, lex_starts)]
        event_tokens = {k for s, e, row in matches if row.role != "block"
                        and row.term not in NON_AGENT_HEADS for k in range(s, e)}
        topic_tokens = frozenset(k for s, e, row in matches if row.category == "CONSULT"
                                 for k in range(s, e) if toks[k].w not in AGENT_NOUNS)
        topic_heads = frozenset(k for s, e, row in matches if self.places and row.role != "block"
                                and row.term in NON_AGENT_HEADS for k in range(s, e))
        matched = frozenset(k for s, e, row in matches if row.role != "block" for k in range(s, e))
        mentions, titles = find_mentions(eng, toks,
                                         event_tokens | object_heads(toks, matches, matched),
                                         paragraph_start, topic_tokens,
                                         aid_recipients(toks, matches) | addressees(toks)
                                         | facing_actors(toks)
                                         | targeted_actors(toks, matches),
                                         self.places, topic_heads, matched, act_starts)
        mentions = outside_idioms(mentions, matches, self.places)
        office_term(eng, mentions, self.ctx.date)
        title_by_date(eng, toks, mentions, self.ctx.date)
        attribution = find_attribution(toks, [m for m in mentions if not m.place])
        first_q = next((t.start for t in toks if t.quoted and not t.space), -1)
        return Sent(start, end, toks, matches, mentions, titles, attribution, quoted_frac,
                    first_q)

    def score_doc(self, doc: Doc, paragraph_index: int) -> list[SentenceScore]:
        """Score one paragraph; the context goes on to the next paragraph."""
        self.full = self.want_full and doc.has_annotation("DEP")
        rows, text = doc_rows(doc, self.full)
        segments, carry = quote_segments(text, self.ctx.open_quote)
        self.ctx.open_quote = carry
        if doc.has_annotation("SENT_START") or self.full:
            spans = list(doc.sents)
        else:
            spans = [doc[:]]
        ents = doc_ents(doc) if self.full else None
        sents = [self.prepare(sp, segments, paragraph_index == 0 and k == 0, rows, ents)
                 for k, sp in enumerate(spans)]
        for sent in sents:
            # the span's own text, without building its tokens again (Span.text does)
            sent.text = text[sent.start:sent.end]
        speakers: dict[int, tuple[str, str]] = {}
        return [self.score_sentence(i, sent, sents, segments, speakers)
                for i, sent in enumerate(sents)]

    def score_sentence(self, i: int, sent: Sent, sents: list[Sent],
                       segments: list[tuple[int, int]], speakers: dict[int, tuple[str, str]],
                       ) -> SentenceScore:
        """References, voice, events, dyads, the named-participant rule, then the score."""
        ctx = self.ctx
        att = sent.attribution
        att_span = range(att.span[0], att.span[1]) if att else range(0)
        resolve_references(ctx, sent, att_span)
        voice, name, code = sentence_voice(ctx, i, sents, segments, speakers)
        events = apply_event_rules(sent, self.full)
        evidence_after: dict[int, list[str]] = {}
        dyads, synthetic = find_dyads(ctx, sent, events, set(att_span),
                                      speaker_mentions_of(sent, att_span, name, code),
                                      evidence_after, self.full)
        events = [ev for ev in events if ev not in synthetic]
        actors = unique(c for m in sent.mentions for c in m.all_codes())
        if not actors and not sent.titles and not (voice == "quoted" and name):
            drop_unnamed_cooperation(events, sent.toks)
        lone_pair_term(events, actors)
        score = assemble(
            sent.start, sent.end, sent.text, sent.toks, events, synthetic,
            evidence_after, voice=voice, speaker=name, actors=actors, dyads=dyads,
            default_modality=lambda: (modality_of(sent.toks, 0, 0, self.full)
                                      if sent.toks else "asserted"))
        update_context(ctx, sent, name, code)
        return score


def outside_idioms(mentions: list[Mention], matches: list[tuple[int, int, Any]],
                   places: bool = False) -> list[Mention]:
    """The mentions not inside a lexicon block ("la crise de Cuba", "au siège de l'ONU": a
    name) nor, for a nationality adjective, at the end of a multi-word term ("renvoyé aux
    calendes grecques"): an idiom names no actor (rule ``blocked_name``). An adjective
    inside a term may be a recipient the matcher skipped ("a livré aux forces ukrainiennes
    des missiles"), so only the last word counts. With ``places`` (stance and portrayal)
    they are kept as places, as a venue is."""
    blocked = {k for s, e, row in matches if row.role == "block" for k in range(s, e)}
    last = {e - 1 for s, e, row in matches if e - s > 1}
    kept = []
    for m in mentions:
        if m.start in blocked or (m.kind == "adjective" and m.start in last):
            if not places:
                continue
            m.place = True
        kept.append(m)
    return kept
