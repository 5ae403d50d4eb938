"""Dyad rules for headline syntax: a topic before a colon, clauses joined by a comma.

Headlines and chapeaux drop the words that join clauses: "Ukraine : Joe Biden et ses
homologues du G7 promettent de faire payer Poutine" names its topic before a colon,
"Moscou accuse Londres, Washington se tait" joins two clauses with a comma. Read as
one clause, the topic becomes a party and the second subject a second object.
Codebook D24.
"""

from __future__ import annotations

from .bounds import juxtaposed_tail
from .french import DETERMINERS
from .parties import phrase_start
from .structures import Mention
from .tokens import Tok, first_word, label_colon
from .words import AUX, PREVERBAL_CLITICS


def headline_topic(toks: list[Tok], mentions: list[Mention]) -> Mention | None:
    """"Ukraine : Joe Biden et ses homologues du G7 promettent de faire payer Poutine": an
    actor that is all of a sentence's opening before a colon is its topic, no party,
    when the rest names two other actors (rule ``headline_topic``); "Biden-Poutine : le
    téléphone rouge ne sonne plus" keeps its pair."""
    first = first_word(toks)
    m = next((m for m in mentions if m.all_codes()), None)
    if m is None or m.end >= len(toks) or toks[m.end].w != ":":
        return None
    if any(toks[k].w not in DETERMINERS for k in range(first, phrase_start(m))):
        return None
    rest = {c for o in mentions if o.start > m.end for c in o.all_codes()} - set(m.all_codes())
    return m if len(rest) >= 2 else None


def headline_label(toks: list[Tok], mentions: list[Mention]) -> int | None:
    """"Invasion de l'Ukraine : Joe Biden promet au Kremlin un « prix sévère »", "Patriot
    pour Kiev : Moscou promet aux États-Unis des « conséquences »": a short opening without
    a verb before a colon labels the headline; when the rest names two actors, the label
    is a clause of its own, and its actors are no parties of the acts after it (rule
    ``headline_label``). Returns the colon's index."""
    colon = verbless_label(toks)
    if colon is None or not any(m.start < colon and m.all_codes() for m in mentions):
        return None
    rest = {c for m in mentions if m.start > colon for c in m.all_codes()}
    return colon if len(rest) >= 2 else None


def verbless_label(toks: list[Tok]) -> int | None:
    """The colon after a headline's short opening with no finite verb ("Chars pour Kiev :"),
    or None."""
    first = first_word(toks)
    colon = label_colon(toks)
    if colon is None or any(
            t.w in AUX or t.w in PREVERBAL_CLITICS or (t.pos in ("VERB", "AUX") and t.verbform == "Fin")
            for t in toks[first:colon]):
        return None
    return colon


def opens_clause(toks: list[Tok], m: Mention) -> bool:
    """"Moscou accuse Londres, Washington se tait": an actor after a comma and before its
    own verb (a preverbal clitic or a finite verb, or a headline's last word: "...,
    Moscou fulmine") opens a new clause; it is no second object of the act before it (rule
    ``juxtaposed_clause``)."""
    k = phrase_start(m) - 1
    while k > 0 and toks[k].w in DETERMINERS:
        k -= 1
    if k <= 0 or toks[k].w != "," or m.end >= len(toks):
        return False
    nxt = toks[m.end]
    return nxt.w in PREVERBAL_CLITICS or (nxt.pos in ("VERB", "AUX") and nxt.verbform == "Fin") \
        or juxtaposed_tail(toks, k)
