"""Who disapproves an act from outside its clause: "..., au grand dam de Washington".

A dismay phrase after a comma closes the clause of an act and names an actor the act
displeases (CAMEO 110, disapprove): that actor is in conflict with the act's agent, and is
no party to it (codebook D37; a dyad rule :func:`.reactions.across_clauses` runs). Concern
disapproves too, and needs a second actor to judge (codebook D43,
:func:`.senses.lone_pair_term`)."""

from __future__ import annotations

from .parties import Clauses, clause_subject, phrase_start, preceded_by
from .tokens import label_colon
from .words import DISMAY_TERMS, OWNER_PREPOSITIONS


def dismayed_party(cl: Clauses, full: bool) -> None:
    """"L'OPEP+ a décidé de sabrer sa production, au grand dam de Washington", "La Russie a
    opposé son veto ..., au grand regret des États-Unis": the actor named right after a
    dismay phrase (``dismay_phrases``) disapproves the act of the clause's subject, with the
    actors coordinated to it (after a headline's label; :func:`clause_subject`), or else the
    first actor named ("Le retrait de Washington du traité, au grand dam de Moscou"): their
    conflict (rule ``dismayed_party``: USA > OPEC; the phrase also bounds the clause, so that
    the actor is no partner of the clause's cooperation)."""
    toks = cl.toks
    colon = label_colon(toks)
    for ev in cl.events:
        if not (ev.counted and ev.row.term in DISMAY_TERMS) or ev.start in cl.given:
            continue
        judge = next((m for m in cl.mentions if m.all_codes() and ev.end < phrase_start(m) <= ev.end + 2
                      and preceded_by(toks, m, OWNER_PREPOSITIONS)), None)  # "au grand dam des"
        lo = colon + 1 if colon is not None and colon < ev.start else 0
        named = [m for m in cl.mentions if lo <= m.start < ev.start and m.start not in cl.excluded
                 and m.all_codes() and not m.place]
        subjects = [m for m in clause_subject(cl, lo, ev.start) if m in named] or named[:1]
        if judge is not None and subjects and not set(judge.all_codes()) & {
                c for m in subjects for c in m.all_codes()}:
            cl.given[ev.start] = ([judge], subjects)

