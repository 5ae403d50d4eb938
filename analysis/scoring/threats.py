"""Whom a threat aims at when its words name a thing, not an actor: the actors who supply,
hold or use what is declared a target (codebook D35; a dyad rule that
:func:`.reactions.across_clauses` runs)."""

from __future__ import annotations

from .parties import Clauses
from .speech import addressed
from .words import DECLARED_TARGETS


def declared_target(cl: Clauses, full: bool) -> None:
    """"Moscou a averti que les batteries Patriot que Washington s'apprête à céder à Kiev
    constitueraient des « cibles légitimes »", "« Ces batteries deviendront une cible
    légitime », a prévenu Maria Zakharova, au sujet des Patriot que Washington s'apprête à
    remettre à Kiev": declaring a target what actors supply, hold or use (the lexicon terms
    ``declared_targets``) threatens each of them. The declaring side is the speaker, else the
    actors before the sentence's first "que"; the targets are the other actors named after
    it, up to a ";" (rule ``declared_target``: RUS > USA, RUS > UKR; not the venue of "a
    averti à l'ONU que", not the speaker's "nos forces")."""
    toks = cl.toks
    for ev in cl.events:
        if not (ev.counted and ev.row.term in DECLARED_TARGETS) or ev.start in cl.given:
            continue
        que = next((k for k in range(ev.start) if toks[k].w == "que"), -1)
        agents = [m for m in cl.speaker_mentions if m.all_codes()] or [
            m for m in cl.mentions if m.end <= que and m.start not in cl.excluded
            and not addressed(toks, m)]
        own = {c for m in agents for c in m.all_codes()}
        end = next((k for k in range(ev.end, len(toks)) if toks[k].w == ";"), len(toks))
        targets = [m for m in cl.mentions if que < m.start < end and m.start not in cl.excluded
                   and m.all_codes() and not set(m.all_codes()) & own]
        if agents and targets:
            cl.given[ev.start] = (agents, targets)
