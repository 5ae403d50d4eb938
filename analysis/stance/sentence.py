"""Evaluations in one parsed sentence: lexicon words, their negation and boosters, negated cooperation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .attach import Context, Evaluation, attach, has_copula, surface_appositions
from .mentions import Mention
from .polarity import Entry, PolarityLexicon, load_polarity, term_tokens
from .text import scorer_tokens
from .voice import has_quotes, quoted_tokens
from .words import (
    COOPERATION_ROLES,
    EVALUATIVE_POS,
    NE_FORMS,
    NEEDS_NE,
    REFLEXIVE_CLITICS,
    VERB_COMPLEMENT_DEPS,
)

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc, Token

    from ..scoring.tokens import Tok

#: Weight of a negated Russia–US cooperation ("ne nous sommes pas mis d'accord") as doubt.
NEGATED_COOP_WEIGHT = -0.5


def find_entries(doc: Doc, lex: PolarityLexicon) -> list[tuple[int, int, Entry]]:
    """Longest-match lexicon lookup over the tokens (form first, then lemma for single words)."""
    words = [t.text.lower() for t in doc]
    out, i = [], 0
    while i < len(doc):
        hit = None
        for n in range(min(lex.max_len, len(doc) - i), 0, -1):
            e = lex.lookup(words[i:i + n])
            if e is None and n == 1 and doc[i].lemma_:
                e = lex.lookup([doc[i].lemma_.lower()])
            if e is not None:
                hit = (i, i + n, e)
                break
        if hit is None:
            i += 1
            continue
        e, tok = hit[2], doc[hit[0]]
        verbal = tok.pos_ == "VERB" and ("Fin" in tok.morph.get("VerbForm") or any(
            c.dep_ == "aux:tense" for c in tok.children))  # "a souligné": an event, not a quality
        if e.weight != 0 and (e.kind == "stance" or hit[1] - hit[0] > 1
                              or (tok.pos_ in EVALUATIVE_POS and not verbal)):
            out.append(hit)
        i = hit[1]
    return out


def has_ne(tok: Token) -> bool:
    """Is the token negated by "ne" (its child, or one of the four tokens before it)?"""
    return any(c.lower_ in NE_FORMS for c in tok.children) or any(
        t.lower_ in NE_FORMS for t in tok.doc[max(0, tok.i - 4):tok.i])


def _scope(doc: Doc, start: int, end: int) -> list[Token]:
    """The word and the predicates whose negation negates it (see :func:`modifiers`)."""
    head = doc[start:end].root
    scope = [head]
    if head.dep_ == "conj" and not has_copula(head):
        scope.append(head.head)
    if head.dep_ == "amod" and has_copula(head.head):
        scope.append(head.head)
    if head.dep_ in VERB_COMPLEMENT_DEPS and head.head.pos_ == "VERB":
        scope.append(head.head)
    return scope


def modifiers(doc: Doc, start: int, end: int, lex: PolarityLexicon) -> tuple[float, bool, list[str]]:
    """Negation and boosters governing the word at ``start:end``: (multiplier, negated, words).

    Negation is looked for on the word, on the predicate it shares ("n'est pas
    utile et fructueux"), on the predicate noun it modifies ("n'est pas un
    partenaire fiable") and on the verb it complements ("je ne le trouve pas
    utile", "sans faire sermons"); boosters on the word or just before it.
    """
    scope = _scope(doc, start, end)
    heads = {s.i for s in scope}
    mult, negated, words = 1.0, False, []
    seen: set[int] = set()
    cands = [c for s in scope for c in s.children] + [doc[k] for k in range(max(0, start - 2), start)]
    for c in sorted(cands, key=lambda t: t.i):
        if c.i in seen or start <= c.i < end:
            continue
        seen.add(c.i)
        w = c.lower_
        if w in lex.negators and not negated and (w not in NEEDS_NE or has_ne(c.head)):
            if w == "sans" and c.i > start:
                continue
            mult *= lex.negators[w]
            negated = True
            words.append(c.text)
        elif (w,) in lex.boosters and c.i < start and c.head.i in heads | {
                t.i for t in doc[c.i + 1:start + 1]}:
            mult *= lex.boosters[(w,)]
            words.append(c.text)
    for key, m in lex.boosters.items():  # multi-word boosters just before the word ("tout à fait")
        n = len(key)
        if n > 1 and start - n >= 0 and tuple(t.lower_ for t in doc[start - n:start]) == key:
            mult *= m
            words.append(" ".join(key))
    return mult, negated, words


def sentence_evaluations(doc: Doc, mentions: list[Mention], lex: PolarityLexicon | None = None,
                         quoted: Sequence[bool] | None = None) -> list[Evaluation]:
    """Every polarity word or stance cue in one parsed sentence, scored and attached.

    ``mentions`` are the sentence's actor mentions (:func:`find_mentions`). A
    polarity word inside a mention is the actor's label ("terroristes",
    "régime criminel"): it evaluates that actor (rule ``label``). A place or
    topic mention ("au Vietnam") is no target: the codebook keeps it neutral.
    ``quoted``: per token, inside quotation marks (the scorer's tokens; by
    :func:`quoted_tokens` when not given).
    """
    lex = lex if lex is not None else load_polarity()
    mentions = [m for m in mentions if not m.place]
    mention_at = {i: m for m in mentions for i in range(m.start, m.end)}
    ctx = Context(doc, mention_at, surface_appositions(doc, mentions, mention_at), lex.boosters)
    if quoted is None:
        quoted = quoted_tokens(doc)
    elif not has_quotes(doc, quoted):
        quoted = None
    evs: list[Evaluation] = []
    for start, end, entry in find_entries(doc, lex):
        mult, negated, mods = modifiers(doc, start, end, lex)
        score = float(np.clip(entry.weight * mult, -1.0, 1.0))
        words = sorted([(doc.text.find(w, 0), w) for w in mods]) + [(doc[start].idx, doc[start:end].text)]
        evs.append(Evaluation(start, end, " ".join(w for _, w in sorted(words)), entry, score, negated,
                              mods, quoted=None if quoted is None else quoted[doc[start:end].root.i]))
    attached: dict[int, Evaluation] = {}
    for _ in range(2):  # a second pass lets conjuncts inherit from words to their right
        for ev in evs:
            if ev.entry.kind == "polarity" and not ev.target_kind:
                attach(ev, ctx, attached)
                if ev.target_kind:
                    attached[doc[ev.start:ev.end].root.i] = ev
    return evs


@lru_cache(maxsize=1)
def cooperation_terms() -> dict[str, list[tuple[str, ...]]]:
    """Cooperative words of the frame lexicon as lemma sequences, keyed by their first word."""
    try:
        from ..lexicon import COOP_QUADS, load_lexicon

        lex = load_lexicon()
    except (ImportError, FileNotFoundError):  # pragma: no cover - lexicon not installed
        return {}
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    rows = lex[lex["quad_class"].isin(COOP_QUADS) & lex["role"].isin(COOPERATION_ROLES)]
    for term in sorted(set(rows["term"])):
        toks = [t for t in term_tokens(term) if t not in REFLEXIVE_CLITICS]
        if toks:
            out[toks[0]].append(tuple(toks))
    for v in out.values():
        v.sort(key=lambda k: -len(k))
    return dict(out)


def _cooperation_at(doc: Doc, i: int, keys: list[str], forms: list[str]) -> int:
    """Length of the cooperative term starting at token ``i`` (lemma or form), 0 if none."""
    terms = cooperation_terms()
    for seq in terms.get(keys[i], []) + terms.get(forms[i], []):
        n = len(seq)
        if all(j < len(doc) and seq[k] in {keys[j], forms[j]} for k, j in enumerate(range(i, i + n))):
            return n
    return 0


def negated_cooperation(doc: Doc, lex: PolarityLexicon | None = None,
                        toks: Sequence[Tok] | None = None) -> list[Evaluation]:
    """Negated cooperative words of the frame lexicon ("nous ne nous sommes pas mis d'accord").

    Each is a stance cue of weight :data:`NEGATED_COOP_WEIGHT`: the text says
    a cooperation did not happen, which the codebook counts as doubt. A word
    inside a proper name (APEC's "Coopération économique") is none: the
    scorer's test, :func:`analysis.scoring.events.in_name`, on its tokens
    ``toks`` (computed when not given).
    """
    from ..scoring.events import in_name

    lex = lex if lex is not None else load_polarity()
    toks = toks if toks is not None else scorer_tokens(doc)
    keys = [t.lemma_.lower() for t in doc]
    forms = [t.lower_ for t in doc]
    out = []
    i = 0
    while i < len(doc):
        hit = _cooperation_at(doc, i, keys, forms)
        if not hit:
            i += 1
            continue
        if not in_name(toks, i, i + hit):
            _, negated, mods = modifiers(doc, i, i + 1, lex)
            if negated:
                text = " ".join(mods + [doc[i:i + hit].text])
                entry = Entry("negated cooperation", NEGATED_COOP_WEIGHT, "frame lexicon", "stance")
                out.append(Evaluation(i, i + hit, f"negated cooperation: {text}", entry,
                                      NEGATED_COOP_WEIGHT, True, [], rule="negated-coop"))
        i += hit
    return out
