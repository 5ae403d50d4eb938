"""Dyad rules for a cooperation and the conflict it serves.

"a approuvé des sanctions contre X", "livre des armes à Kiev pour affaiblir la Russie",
"des renseignements ayant permis de cibler des généraux russes", "a aidé X à contourner
les sanctions imposées par Y": a cooperation whose object or purpose is a conflict act
makes its actors parties to that act, not partners of its target; and an actor named
after a purpose belongs to the purpose, not to the act before it. Codebook D17, D24.
"""

from __future__ import annotations

from .french import DETERMINERS, looks_like_infinitive
from .parties import Clauses, phrase_start, preceded_by
from .reactions import juxtaposed_subject
from .structures import Event
from .synthetic import add_synthetic, synthetic_event
from .tokens import Tok, unique
from .words import (
    AGENT_PREPOSITIONS,
    AUTHORISING_FORMS,
    COMPLEMENT_BREAKERS,
    ENABLING_FORMS,
    ENDORSING_CATEGORIES,
    PREVERBAL_CLITICS,
    PURPOSE_MARKERS,
    RECIPIENT_PREPOSITIONS,
    TARGETED_CATEGORIES,
)


def endorsed_conflict(cl: Clauses, targets: set[int]) -> None:
    """"a soutenu l'exclusion de X", "a approuvé des sanctions contre X", "a négocié avec ses
    partenaires un embargo contre X": a support, agreement or consultation verb whose object
    is a coercive or verbal conflict act is part of that act; it is cooperation only with a
    second named actor on its side ("X et Y ont approuvé des sanctions"), else it does not
    count (rule ``endorsed``). Military acts are left alone: supporting an ally's fight is
    cooperation with that ally (codebook). "Washington ferme son ciel, Moscou promet des
    mesures de rétorsion": the side is the juxtaposed clause's subject alone."""
    toks = cl.toks
    for c in cl.events:
        if not (c.counted and c.coop and c.verb and c.rule == "lexicon"
                and c.category in ENDORSING_CATEGORIES):
            continue
        act = next((e for e in cl.events if e.start >= c.end and e.counted and e.conf), None)
        if act is None or act.start - c.end > 4 or act.category not in TARGETED_CATEGORIES \
                or any(toks[k].punct or toks[k].w in COMPLEMENT_BREAKERS
                       for k in range(c.end, act.start)):
            continue
        lo, _ = cl.window(c)  # a juxtaposed clause's subject is the side, not the clause before
        lo = max(lo, juxtaposed_subject(toks, cl.mentions, c.start))
        side = unique(code for m in cl.mentions if lo <= m.start < act.start
                      and m.start not in cl.excluded and m.start not in targets
                      for code in m.all_codes())
        if len(side) >= 2:
            continue
        for ev in cl.events:
            if ev is c or (ev.coop and ev.counted and c.end <= ev.start < act.start):
                ev.counted = False
                ev.rule = "endorsed"
                ev.evidence = f"endorse:{ev.shown_term}>{act.shown_term}[dropped]"


def purpose_conflict(cl: Clauses, targets: set[int]) -> None:
    """"a coopéré avec X pour isoler Y", "livre des armes à Kiev pour affaiblir la Russie",
    "des renseignements ayant permis de cibler des généraux russes", "ont aidé l'Ukraine à
    localiser et tuer des généraux russes": a conflict infinitive after pour / afin de /
    permettre de (``enabling_forms``), or after "à" following an aid verb, in a clause with a
    cooperation, is the purpose of that cooperation; its agents are the cooperation's actors
    before it (subject and partners, not the recipient of "à X"), its targets those it acts
    on (rule ``purpose_conflict``)."""
    toks = cl.toks
    for ev in cl.events:
        if not (ev.counted and ev.conf and ev.verb):
            continue
        k = marker_before(toks, ev.start)
        lo, hi = cl.window(ev)
        aided = toks[k].w == "à" and any(
            c.counted and c.verb and (c.category == "AID" or c.rule == "authorised")
            and lo <= c.start and 0 <= k - c.end <= 6
            for c in cl.events)  # "a aidé l'Ukraine à tuer", "autorise Kiev à frapper"
        if not aided and toks[k].w not in PURPOSE_MARKERS | ENABLING_FORMS:
            continue
        if not any(c.counted and c.coop and lo <= c.start and c.end <= k for c in cl.events):
            continue
        agents = [m for m in cl.mentions if lo <= m.start < k and m.start not in cl.excluded
                  and m.start not in targets
                  and not preceded_by(toks, m, RECIPIENT_PREPOSITIONS)]
        hit = [m for m in cl.mentions if ev.end <= m.start < hi and m.start in targets]
        if agents and hit:
            cl.given[ev.start] = (agents, hit)


def authorised_act(cl: Clauses, full: bool) -> None:
    """"Les États-Unis ont autorisé l'Ukraine à frapper des cibles sur le territoire russe":
    authorising an actor (``authorising_forms``, then the actor, then "à") to do a conflict
    act is cooperation with that actor (CAMEO.2.0 ALLOW / AUTHORIZE [080], a concession to
    it), and, as aid given for it (:func:`purpose_conflict`), makes the authoriser a party to
    the act (rule ``authorised_act``: USA > UKR cooperation, USA and UKR > RUS)."""
    toks = cl.toks
    for k, t in enumerate(toks):
        if t.w not in AUTHORISING_FORMS:
            continue
        m = next((m for m in cl.mentions if 0 < phrase_start(m) - k <= 2), None)
        if m is None or m.end >= len(toks) or toks[m.end].w != "à" or not any(
                ev.counted and ev.conf and ev.verb and 0 < ev.start - m.end <= 2
                for ev in cl.events):
            continue
        lo, _ = cl.span_window(k, k + 1)
        subject = [o for o in cl.mentions if lo <= o.start < k and o.start not in cl.excluded]
        if not subject:
            continue
        ev = synthetic_event(toks, k, k + 1, t.w, "CONCEDE", "material_coop", "080",
                             "authorised", m.code, full, verb=True)
        cl.local[k] = [*subject, m]
        cl.complete.add(k)
        add_synthetic(cl, ev)


def marker_before(toks: list[Tok], start: int) -> int:
    """The word that introduces the infinitive at ``start``: "pour", "afin (de)", "permis
    (de)", "à"; the first one of coordinated infinitives ("de localiser et de couler", "à
    localiser et tuer")."""
    k = start - 1
    while k > 0 and toks[k].w in PREVERBAL_CLITICS | DETERMINERS:
        k -= 1
    j = k - 1 if toks[k].w in ("de", "à") else k
    if j > 1 and toks[j].w == "et" and looks_like_infinitive(toks[j - 1].w):
        k = j - 2
        while k > 0 and toks[k].w in PREVERBAL_CLITICS | DETERMINERS:
            k -= 1
    if toks[k].w == "de" and k > 0 and toks[k - 1].w in PURPOSE_MARKERS | ENABLING_FORMS:
        k -= 1  # "afin de", "ayant permis de"
    return max(k, 0)


def conflict_agent(cl: Clauses, targets: set[int]) -> None:
    """"a aidé X à contourner les sanctions imposées par Y", "son soutien à X face à
    l'invasion lancée par Y", "livrent des armes à X pour contrer l'invasion russe": "par Y"
    or a nationality adjective right after a conflict noun names the act's own agent, who
    is no party to the clause's cooperation; its targets are the actors between that
    cooperation and the act (rule ``conflict_agent``)."""
    toks = cl.toks
    for ev in cl.events:
        if not ev.counted or not ev.conf or ev.verb or ev.start in cl.given:
            continue
        agent = next((m for m in cl.mentions if ev.end < phrase_start(m) <= ev.end + 4
                      and preceded_by(toks, m, AGENT_PREPOSITIONS)
                      and not any(toks[j].punct for j in range(ev.end, phrase_start(m)))),
                     None) or next((m for m in cl.mentions if m.kind == "adjective"
                                    and m.start == ev.end and len(m.all_codes()) == 1), None)
        lo, _ = cl.window(ev)
        coop = next((c for c in cl.events if c.counted and c.coop and lo <= c.start
                     and c.end <= ev.start), None)
        if agent is None or coop is None:
            continue
        hit = [m for m in cl.mentions if coop.end <= m.start < ev.start
               and m.start not in cl.excluded]
        if hit:
            cl.given[ev.start] = ([agent], hit)
            targets.add(agent.start)


def purpose_clause(toks: list[Tok], ev: Event, hi: int) -> int:
    """Where an infinitive of purpose after an event starts ("sont convenus d'instaurer un
    plafonnement ... afin de priver Moscou de ressources": Moscow is the purpose's object, no
    partner of the agreement nor agent of the cap; rule ``purpose_object``), looked for up to
    ``hi``; the sentence's length when there is none."""
    for k in range(ev.end, min(hi, len(toks)) - 1):
        if toks[k].w in PURPOSE_MARKERS:
            j = k + 2 if toks[k + 1].w == "de" else k + 1
            while j < len(toks) and toks[j].w in PREVERBAL_CLITICS:
                j += 1
            if j < len(toks) and looks_like_infinitive(toks[j].w) and toks[j].pos != "NOUN":
                return k
    return len(toks)
