"""Who removes whom from a body: suspending or excluding an actor is a sanction against it.

"L'Assemblée générale a suspendu la Russie du Conseil des droits de l'homme", "Washington
obtient la suspension de Moscou": a stop word (suspendre, suspension, exclure, écarter...)
halts an act when its object is one; when its object is an actor, the actor is removed, a
SANCTION (CAMEO 160) against it by the clause's subject, or else by the body it is removed
from (codebook D23, D37)."""

from __future__ import annotations

from .french import SKIPPABLE
from .parties import Clauses, phrase_start, preceded_by
from .structures import Event, Mention
from .synthetic import add_synthetic, synthetic_event
from .words import OWNER_PREPOSITIONS, REMOVING_NOUNS


def removed_actor(cl: Clauses, full: bool) -> None:
    """"L'Assemblée générale a suspendu la Russie du Conseil des droits de l'homme", "ont exclu
    la Russie du G8", "Washington obtient la suspension de Moscou": a stop verb (suspendre,
    exclure, écarter...) whose object is an actor, or a stop noun of removal
    (``removing_nouns``) whose de complement is one, removes that actor: a SANCTION against
    it by the clause's subject, else by the body named after it ("Suspension de la Russie
    du Conseil des droits de l'homme") (rule ``removed_actor``)."""
    toks = cl.toks
    for ev in list(cl.events):
        if ev.rule != "stop" or ev.negated or ev.start in cl.given:
            continue
        removed = _removed(cl, ev)
        if removed is None:
            continue
        lo, _ = cl.window(ev)
        agents = [m for m in cl.mentions if lo <= m.start < ev.start and m.start not in cl.excluded
                  ][-1:] or _body(cl, removed)
        if not agents or set(agents[0].all_codes()) & set(removed.all_codes()):
            continue
        add_synthetic(cl, synthetic_event(toks, ev.start, ev.end, ev.row.term, "SANCTION",
                                          "material_conf",
                                          "160", "removed", removed.code, full, verb=ev.verb))
        cl.given[ev.start] = (agents, [removed])


def _removed(cl: Clauses, ev: Event) -> Mention | None:
    """The actor a stop verb takes as its object ("a suspendu jeudi la Russie"), or that a
    stop noun takes through de ("la suspension de la Russie")."""
    toks = cl.toks
    k = ev.end
    if ev.verb:
        while k < len(toks) and toks[k].w in SKIPPABLE:  # "a suspendu jeudi la Russie"
            k += 1
        return next((m for m in cl.mentions if phrase_start(m) == k), None)
    if ev.row.term not in REMOVING_NOUNS or k >= len(toks) or toks[k].w not in OWNER_PREPOSITIONS:
        return None  # "la fin de l'URSS", "la levée des entraves occidentales"
    return next((m for m in _after_de(cl, k) if phrase_start(m) == m.start or m.on_title),
                None)  # not "la suspension des livraisons russes": an adjective on another noun


def _body(cl: Clauses, removed: Mention) -> list[Mention]:
    """The body an actor is removed from, named right after it ("du Conseil ...")."""
    k = removed.end
    if k >= len(cl.toks) or cl.toks[k].w not in OWNER_PREPOSITIONS:
        return []
    return _after_de(cl, k)[:1]


def _after_de(cl: Clauses, k: int) -> list[Mention]:
    """The mentions whose phrase follows the de, du or des at ``k`` (an article between)."""
    return [m for m in cl.mentions if k < phrase_start(m) <= k + 2
            and preceded_by(cl.toks, m, OWNER_PREPOSITIONS)]
