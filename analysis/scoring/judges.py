"""Who disapproves an act from outside its clause: "..., au grand dam de Washington".

A dismay phrase after a comma closes the clause of an act and names an actor the act
displeases (CAMEO 110, disapprove): that actor is in conflict with the act's agent, and is
no party to it (codebook D37; a dyad rule :func:`.reactions.across_clauses` runs)."""

from __future__ import annotations

from .parties import Clauses, phrase_start, preceded_by
from .structures import Mention
from .tokens import label_colon
from .words import DISMAY_TERMS, OWNER_PREPOSITIONS


def dismayed_party(cl: Clauses, full: bool) -> None:
    """"L'OPEP+ a décidé de sabrer sa production, au grand dam de Washington", "La Russie a
    opposé son veto ..., au grand regret des États-Unis": the actor named right after a
    dismay phrase (``dismay_phrases``) disapproves the act of the clause's subject, the
    first actor before the phrase (after a headline's label): their conflict (rule
    ``dismayed_party``: USA > OPEC; the phrase also bounds the clause, so that the actor is
    no partner of the clause's cooperation)."""
    toks = cl.toks
    for ev in cl.events:
        if not (ev.counted and ev.row.term in DISMAY_TERMS) or ev.start in cl.given:
            continue
        judge = next((m for m in cl.mentions if m.all_codes() and ev.end < phrase_start(m) <= ev.end + 2
                      and preceded_by(toks, m, OWNER_PREPOSITIONS)), None)  # "au grand dam des"
        subject = _subject(cl, ev.start)
        if judge is not None and subject is not None \
                and not set(judge.all_codes()) & set(subject.all_codes()):
            cl.given[ev.start] = ([judge], [subject])


def _subject(cl: Clauses, end: int) -> Mention | None:
    """The first actor of the sentence before ``end``, after a headline's label."""
    colon = label_colon(cl.toks)
    lo = colon + 1 if colon is not None and colon < end else 0
    return next((m for m in cl.mentions if lo <= m.start < end and m.start not in cl.excluded
                 and not m.place and m.all_codes()), None)
