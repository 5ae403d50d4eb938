"""Dyad rules: which actors of a sentence cooperate or conflict, and who acts on whom.

Each event pairs the actors of its clause (split at ``;``, ``que``, after a
fronted adverbial and around a speech attribution). Cooperation links every
pair; conflict links agents to targets (``contre X``, Daech/TER, the object of
a conflict verb), and agents fighting a third party together also cooperate
(``joint``). Whose an event is when its own phrase says so ("sa rencontre avec
X", "la guerre russo-ukrainienne") is decided first, in :mod:`.parties`. Two
persons of one actor interacting is intra-actor and dropped. Actors no event
paired are left to the co-mention rules of :mod:`.comention`.
"""

from __future__ import annotations

from typing import Any

from analysis import lexicon as lx

from .bounds import clause_bounds
from .comention import co_mention_pairs, coordinated, one_side
from .french import DETERMINERS, SKIPPABLE
from .headlines import headline_label, headline_topic, opens_clause
from .matcher import ENEMY_CODES
from .nominal import (
    background_conflict,
    condemned_act,
    condemned_victim,
    meeting_owner,
    named_actor,
    nominal_parties,
)
from .parties import (
    Clauses,
    accused_agent,
    aid_phrase,
    compound_partners,
    conditional_target,
    conflict_partners,
    gerund_agent,
    judged_act,
    named_act,
    own_partners,
    phrase_start,
    preceded_by,
    relative_target,
    trailing_gerund,
    undergone,
)
from .purposes import (
    authorised_act,
    conflict_agent,
    endorsed_conflict,
    purpose_clause,
    purpose_conflict,
)
from .reactions import (
    across_clauses,
    instigated_act,
    participle_accused,
    praised_act,
    relative_agent,
    unnamed_accused,
)
from .structures import Context, Event, Mention, Sent
from .synthetic import add_synthetic, synthetic_event
from .targets import is_target
from .tokens import Tok, phrase_at, unique
from .words import (
    AGAINST_PREPOSITIONS,
    AGENT_PREPOSITIONS,
    ASSET_NOUNS,
    AUX,
    CONCERT_TERMS,
    DEONTIC_FORMS,
    DEONTIC_PHRASES,
    INTERACTION,
    NEGATORS,
    RECIPROCAL_ADJECTIVES,
    RECIPROCAL_HEADS,
    RECIPROCAL_PRONOUNS,
    YIELDING_CATEGORIES,
)


def find_dyads(ctx: Context, sent: Sent, events: list[Event], excluded: set[int],
               speaker_mentions: list[Mention], evidence_after: dict[int, list[str]],
               full: bool) -> tuple[list[dict[str, Any]], list[Event]]:
    """The sentence's dyads, and the events the dyad rules add (joint fights, "contre Daech"):
    ``events`` gains the "contre Daech" events (and is sorted), ``evidence_after`` the evidence
    to print after an event's own (``joint:RUS+USA``)."""
    if nothing_to_pair(sent, events):
        return [], []
    topic = headline_topic(sent.toks, sent.mentions)
    named = [m for m in sent.mentions if m.all_codes() and m is not topic]
    bounds = clause_bounds(sent.toks, excluded)
    label = headline_label(sent.toks, named)
    if label is not None:
        bounds = sorted(set(bounds) | {label})
    cl = Clauses(ctx, sent.toks, events, named, excluded, speaker_mentions, bounds)
    has_conflict = any(ev.conf for ev in events) or any(t.w == "contre" for t in cl.toks)
    compound_partners(cl)
    aid_phrase(cl)
    accused_agent(cl)
    unnamed_accused(cl, full)
    participle_accused(cl, full)
    relative_agent(cl, full)
    undergone(cl)
    gerund_agent(cl)
    trailing_gerund(cl)
    nominal_parties(cl)
    condemned_victim(cl)
    background_conflict(cl)
    condemned_act(cl)
    named_act(cl)
    named_actor(cl)
    judged_act(cl)
    conditional_target(cl)
    relative_target(cl)
    own_partners(cl)
    meeting_owner(cl)
    conflict_partners(cl)
    against_enemy(cl, full)
    cooperation_against(cl, full)
    deontic_demand(cl, full)
    across_clauses(cl, full)
    authorised_act(cl, full)
    events.sort(key=lambda ev: ev.start)
    targets = conflict_targets(cl)
    endorsed_conflict(cl, targets)
    purpose_conflict(cl, targets)
    conflict_agent(cl, targets)
    window_joint = joint_windows(cl, events)
    for ev in events:
        if not ev.counted:
            continue
        if ev.coop or ev.rule in ("negated_coop", "halt_coop"):
            cooperation_dyads(cl, ev, targets, has_conflict, evidence_after)
        else:
            conflict_dyads(cl, ev, targets, window_joint[ev.start], evidence_after)
    praised_act(cl, full)
    instigated_act(cl, full)
    co_mention_pairs(cl, sent.text, full)
    return summarise(cl.contrib), cl.synthetic


def nothing_to_pair(sent: Sent, events: list[Event]) -> bool:
    """No event, no "contre Daech" and fewer than two actors: no rule can pair (fast path)."""
    return not events and not any(m.code in ENEMY_CODES for m in sent.mentions) \
        and len({c for m in sent.mentions for c in m.all_codes()}) < 2


def joint_windows(cl: Clauses, events: list[Event]) -> dict[int, bool]:
    """Whether each event's clause holds a counted joint action ("ensemble", "conjoint")."""
    return {ev.start: any(o.row.role == "joint" and o.counted and cl.window(o) == cl.window(ev)
                          for o in events) for ev in events}


def against_enemy(cl: Clauses, full: bool) -> None:
    """"contre Daech" with no conflict word in its clause is still a fight (rule ``against``)."""
    toks = cl.toks
    for m in cl.mentions:
        if m.code in ENEMY_CODES and preceded_by(toks, m, AGAINST_PREPOSITIONS):
            lo_hi = [cl.window(ev) for ev in cl.events if ev.conf]
            if any(lo <= m.start < hi for lo, hi in lo_hi):
                continue
            k = m.start - 1
            while k > 0 and toks[k].w != "contre":
                k -= 1
            add_synthetic(cl, synthetic_event(toks, k, m.end, "contre", "ASSAULT",
                                              "material_conf", "190", "against", m.code, full))


def deontic_demand(cl: Clauses, full: bool) -> None:
    """"« Washington doit cesser de livrer des armes à Kiev », a déclaré Sergueï Lavrov",
    "Pour Washington, la Russie doit rendre des comptes": an actor followed by a deontic
    modal (doit, devrait...: ``deontic_forms``; or advice, "ferait mieux de":
    ``deontic_phrases``) in what a speaker of another actor says is that speaker's demand on
    it (a REQUEST, RUS > USA), and the cooperation, halt or de-escalation it must do is
    demanded, not done (rule ``deontic_demand``)."""
    toks = cl.toks
    speakers = [m for m in cl.speaker_mentions if m.all_codes()]
    if not speakers:
        return
    for m in cl.mentions:
        k = m.end
        if m.start in cl.excluded or k >= len(toks) or not deontic_at(toks, k) \
                or set(m.all_codes()) & {c for s in speakers for c in s.all_codes()} \
                or any(o.end <= m.start and coordinated(toks, [o, m]) for o in cl.mentions):
            continue  # "Moscou et Washington doivent reprendre le dialogue": a call on both
        ev = synthetic_event(toks, k, k + 1, toks[k].w, "REQUEST", "verbal_conf", "100",
                             "deontic", m.code, full, verb=True)
        _, hi = cl.span_window(k, k + 1)
        for o in cl.events:
            if k < o.start < hi and o.counted and (o.coop or o.rule in ("halt_coop", "deescalation")):
                o.counted = False
                o.rule = "demanded"
                o.evidence = f"{o.shown_term}[demanded]"
        cl.given[k] = (speakers, [m])
        add_synthetic(cl, ev)


def deontic_at(toks: list[Tok], k: int) -> bool:
    """A form of devoir (``deontic_forms``) or advice that demands (``deontic_phrases``: "ferait
    mieux de") at ``k``."""
    return toks[k].w in DEONTIC_FORMS or phrase_at(toks, k, DEONTIC_PHRASES) > 0


def cooperation_against(cl: Clauses, full: bool) -> None:
    """"a formé une alliance avec X contre Y": "contre Y" on an interaction (agree, consult,
    support, cooperate, aid), with no conflict word in its clause, opposes the cooperating
    actors to Y (rule ``cooperation_against``; an ACCUSE event, as "opposé à"; "contre Daech"
    is ``against_enemy``'s; a de-escalation, "a suspendu ses frappes contre X", is not)."""
    toks = cl.toks
    for m in cl.mentions:
        if m.code in ENEMY_CODES or m.start in cl.excluded \
                or not preceded_by(toks, m, AGAINST_PREPOSITIONS):
            continue
        k = phrase_start(m) - 1
        while k > 0 and toks[k].w in DETERMINERS:
            k -= 1
        lo, hi = cl.span_window(k, m.end)
        inside = [ev for ev in cl.events if lo <= ev.start < hi and ev.counted]
        if any(ev.conf for ev in inside) or not any(
                ev.coop and ev.end <= k and ev.rule == "lexicon" and ev.category in INTERACTION
                for ev in inside):  # "a suspendu ses frappes contre X" is de-escalation
            continue
        agents = [a for a in cl.mentions if lo <= a.start < k and a.start not in cl.excluded]
        if not agents:
            continue
        hit = [m] + [b for b in cl.mentions if b.start > m.start and b.start < hi
                     and one_side(toks, [m, b])]
        cl.given[k] = (agents, hit)
        add_synthetic(cl, synthetic_event(toks, k, m.end, "contre", "ACCUSE", "verbal_conf",
                                          "111", "against", m.code, full))


def conflict_targets(cl: Clauses) -> set[int]:
    """Starts of the mentions some conflict event of the sentence acts on."""
    event_tokens = {k for ev in cl.events if ev.rule != "against"
                    for k in range(ev.start, ev.end)}
    cl.event_tokens = event_tokens
    found: set[int] = set()
    for ev in cl.events:
        if ev.conf:
            found.update(m.start for m in cl.participants(ev)
                         if is_target(cl.toks, ev, m, event_tokens))
    # "a blâmé l'Allemagne et l'Autriche": a target's coordinated actor is a target too
    for a, b in zip(cl.mentions, cl.mentions[1:], strict=False):
        if a.start in found and b.start not in found and one_side(cl.toks, [a, b]) \
                and not opens_clause(cl.toks, b):
            found.add(b.start)
    return found



def cooperation_dyads(cl: Clauses, ev: Event, targets: set[int], has_conflict: bool,
                      evidence_after: dict[int, list[str]]) -> None:
    """Every pair of the cooperating actors, directed when a verb has one subject and one
    object; intra-actor interaction dropped; joint action noted."""
    toks = cl.toks
    lo, hi = cl.window(ev)
    cut = purpose_clause(toks, ev, hi)
    targeted = {c for m in cl.mentions if m.start in targets and lo <= m.start < hi
                for c in m.all_codes()} if concerted(ev) else set()
    parts = [m for m in cl.participants(ev) if not owner_of_asset(m) and (
             ev.start in cl.complete or yielded_to(ev, m) or (
             m.start not in targets and not preceded_by(toks, m, AGAINST_PREPOSITIONS)
             and not (m.all_codes() and set(m.all_codes()) <= targeted)
             and not (has_conflict and m.code in ENEMY_CODES)
             and (m.start < cut or m in cl.speaker_mentions)))]
    codes = unique(c for m in parts for c in m.all_codes())
    if intra_actor(toks, ev, parts, codes):
        ev.counted = False
        ev.rule = "intra_actor"
        ev.evidence = f"intra:{codes[0]}:{ev.shown_term}[dropped]"
        return
    subj = unique(c for m in parts if m.start < ev.start or preceded_by(toks, m, AGENT_PREPOSITIONS)
                  for c in m.all_codes())
    obj = unique(c for m in parts if m.start >= ev.end and not preceded_by(toks, m, AGENT_PREPOSITIONS)
                 for c in m.all_codes())
    directed = (ev.verb or yielding(ev)) and len(subj) == 1 and len(obj) == 1 and subj != obj
    relation = "coop" if ev.coop else "conf"
    for x in range(len(codes)):
        for y in range(x + 1, len(codes)):
            a, b = codes[x], codes[y]
            src = tgt = ""
            if {a, b} == set(cl.direction.get(ev.start, ())):
                src, tgt = cl.direction[ev.start]
            elif directed and {a, b} == {subj[0], obj[0]}:
                src, tgt = subj[0], obj[0]
            cl.add(a, b, relation, ev, ev.evidence, src, tgt)
    if ev.coop and len(codes) >= 2 and ((ev.verb and len(subj) >= 2) or ev.row.role == "joint"):
        joint_codes = subj if len(subj) >= 2 else codes
        evidence_after.setdefault(ev.start, []).append("joint:" + "+".join(joint_codes))


def owner_of_asset(m: Mention) -> bool:
    """"un prêt à l'Ukraine adossé aux avoirs russes immobilisés": the state named by its
    assets (``asset_nouns``) is the target of what is done to them, never a partner in the
    cooperation around them (codebook D45)."""
    return m.kind == "adjective" and m.title in ASSET_NOUNS


def concerted(ev: Event) -> bool:
    """"a sanctionné sept hauts responsables russes, dont le directeur du FSB, dans une action
    coordonnée avec l'Union européenne": a joint marker (role ``joint``) or a word of
    coordination (``concert_terms``) in the clause of a conflict act joins its agents, never
    the side it targets, wherever that side is named again (rule ``concerted_act``)."""
    return ev.row.role == "joint" or ev.row.term in CONCERT_TERMS


def yielded_to(ev: Event, m: Mention) -> bool:
    """"a levé l'embargo contre Washington", "a suspendu ses frappes contre X", "a reculé face
    à X": the counterpart of a concession, a retreat or a de-escalated conflict
    (``yielding_categories``) is a party of the cooperation, not a target, and the one
    yielded to (rule ``yielding``: RUS > USA)."""
    return yielding(ev) and m.code not in ENEMY_CODES


def yielding(ev: Event) -> bool:
    """Is the event a concession, a retreat or a de-escalated conflict?"""
    return ev.rule == "deescalation" or ev.category in YIELDING_CATEGORIES


def conflict_dyads(cl: Clauses, ev: Event, targets: set[int], window_joint: bool,
                   evidence_after: dict[int, list[str]]) -> None:
    """Agents against targets; agents acting together also cooperate (``joint``)."""
    toks = cl.toks
    if ev.start in cl.given:  # a rule named its agents and targets
        agents, hit = cl.given[ev.start]
        t_given = unique(c for m in hit for c in m.all_codes())
        for a in unique(c for m in agents for c in m.all_codes()):
            for t in t_given:
                cl.add(a, t, "conf", ev, ev.evidence, a, t)
        return
    if ev.start in cl.local:  # "un conflit avec X": the phrase's own sides
        cl.add_pairs(unique(c for m in cl.local[ev.start] for c in m.all_codes()), "conf",
                     ev, ev.evidence)
        return
    cut = purpose_clause(toks, ev, cl.window(ev)[1])
    parts = [m for m in cl.participants(ev) if m.start < cut or m in cl.speaker_mentions]
    if attribution_act(cl, ev, parts):
        return
    hit = [m for m in parts if m.start in targets and is_target(toks, ev, m, cl.event_tokens)]
    hit += [m for m in parts if m.start in targets and m not in hit
            and any(one_side(toks, [h, m]) for h in hit)]
    agents = [m for m in parts if m not in hit]
    if len(unique(c for m in agents for c in m.all_codes())) >= 2 and not (
            window_joint or coordinated(toks, agents)):
        # uncoordinated actors: only the one nearest to the event acts; a verb's subject
        # stands before it ("Burns s'est rendu à Moscou pour mettre en garde le Kremlin
        # contre une invasion de l'Ukraine": Burns, not the invasion's Ukraine)
        near = joined_verb_subject(toks, ev, agents) or min(agents, key=lambda m: (
            ev.verb and m.end > ev.start,
            (ev.start - m.end) if m.end <= ev.start else (m.start - ev.end)))
        mutual_verb = reflexive_verb(toks, ev.start)  # "a entendu Moscou et Washington se
        agents = [m for m in agents if m is near or (mutual_verb and coordinated(  # renvoyer ..."
            toks, sorted([m, near], key=lambda o: o.start)))]
    t_codes = unique(c for m in hit for c in m.all_codes())
    a_codes = [c for c in unique(c for m in agents for c in m.all_codes()) if c not in t_codes]
    for a in a_codes:
        for t in t_codes:
            cl.add(a, t, "conf", ev, ev.evidence, a, t)
    if len(a_codes) < 2:
        return
    first_agent = min(m.start for m in agents)
    mutual = any(o.conf and reflexive_verb(toks, o.start)  # "se renvoient", "se sont menacés"
                 and cl.window(o) == cl.window(ev) for o in cl.events)
    reciprocal = mutual \
        or ev.row.term.startswith(("se ", "s'")) \
        or ev.row.term.split()[0] in RECIPROCAL_HEADS or any(
        o.row.role == "recip" and cl.window(o) == cl.window(ev) for o in cl.events) or any(
        toks[k].w == "entre" for k in range(max(0, first_agent - 3), first_agent)) or any(
        toks[k].w in RECIPROCAL_PRONOUNS and toks[k - 1].w in DETERMINERS
        for k in range(ev.end + 1, min(len(toks), ev.end + 3))) or (  # "chacun accusant l'autre"
        ev.end < len(toks) and toks[ev.end].w in RECIPROCAL_ADJECTIVES)  # "expulsions croisées"
    if reciprocal and (mutual or not t_codes):  # "se renvoient la responsabilité de ..."
        cl.add_pairs(a_codes, "conf", ev, ev.evidence)
        return
    all_before = all(m.start < ev.start or preceded_by(toks, m, AGENT_PREPOSITIONS) for m in agents)
    if (bool(t_codes) or window_joint or (ev.verb and all_before)) and not allied_agents(cl, ev):
        joint_fight(cl, ev, a_codes, evidence_after)


def reflexive_verb(toks: list[Tok], k: int) -> bool:
    """Does "se" stand before the verb at ``k``, auxiliaries, negators and adverbs between
    ("se renvoient", "ne se sont jamais autant menacés": reciprocal, not joint)?"""
    j = k - 1
    while j > 0 and k - j <= 4 and (toks[j].w in AUX or toks[j].w in NEGATORS
                                    or toks[j].w in SKIPPABLE or toks[j].pos == "ADV"):
        j -= 1
    return j >= 0 and j < k and toks[j].w == "se"


def joined_verb_subject(toks: list[Tok], ev: Event, agents: list[Mention]) -> Mention | None:
    """"la Russie réclame une enquête de l'ONU et pointe du doigt les États-Unis": a second
    verb joined by "et" keeps the first one's subject, the first of the agents before it
    (rule ``joined_verb``); None when the verb is not so joined."""
    before = [m for m in agents if m.end <= ev.start]
    if ev.verb and before and ev.start > 0 and toks[ev.start - 1].w == "et":
        return min(before, key=lambda m: m.start)
    return None


def allied_agents(cl: Clauses, ev: Event) -> bool:
    """"Washington et ses alliés européens ont adopté des sanctions visant Moscou": agents
    joined by an allies noun (rule ``allied_side``) are one side, not a joint cooperation
    (rule ``allied_not_joint``); "Moscou et Pékin ont approuvé des sanctions" still is one."""
    return any(o.rule == "allied_side" and o.start < ev.start and cl.window(o) == cl.window(ev)
               for o in cl.events)


def attribution_act(cl: Clauses, ev: Event, parts: list[Mention]) -> bool:
    """"Une confrontation entre la Russie et l'Otan serait une catastrophe, a averti Joe
    Biden": a conflict verb that is the attribution itself (avertir, menacer, dénoncer) is the
    speaker's act against the actors of what is said, never a joint act of those actors
    (rule ``attribution_act``). Returns whether it paired the event."""
    if ev.start not in cl.excluded or not cl.speaker_mentions:
        return False
    speakers = unique(c for m in cl.speaker_mentions for c in m.all_codes())
    for t in unique(c for m in parts for c in m.all_codes() if c not in speakers):
        for a in speakers:
            cl.add(a, t, "conf", ev, ev.evidence, a, t)
    return True


def joint_fight(cl: Clauses, ev: Event, a_codes: list[str],
                evidence_after: dict[int, list[str]]) -> None:
    """Actors fighting a third party together cooperate: a COOPERATE dyad and, if the
    clause has no cooperation of its own, a synthetic ``joint`` event."""
    label = "joint:" + "+".join(a_codes)
    has_coop = any(o.coop and cl.window(o) == cl.window(ev) for o in cl.events)
    cl.add_pairs(a_codes, "coop", ev, f"{label}({ev.shown_term})", category="COOPERATE",
                 weight=lx.SCHRODT_SCORES["COOPERATE"])
    if not has_coop and not any(s.evidence == label for s in cl.synthetic):
        cl.synthetic.append(Event(ev.start, ev.end, ev.row, "COOPERATE", "material_coop",
                                  lx.SCHRODT_SCORES["COOPERATE"], verb=ev.verb,
                                  modality=ev.modality, rule="joint", evidence=label,
                                  filled=ev.filled))
    else:
        evidence_after.setdefault(ev.start, []).append(label)


def summarise(contrib: dict[tuple[str, str], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One dyad per pair: relation (coop, conf or mixed), the strongest contribution's
    category and weight, the first directed reading, and all the evidence."""
    dyads: list[dict[str, Any]] = []
    for (a, b), items in contrib.items():
        relations = {it["relation"] for it in items}
        dom = max(items, key=lambda it: abs(it["weight"]))
        directed = [it for it in items if it["source"]]
        dyads.append({
            "actor_a": a, "actor_b": b,
            "source": directed[0]["source"] if directed else "",
            "target": directed[0]["target"] if directed else "",
            "relation": "mixed" if len(relations) > 1 else items[0]["relation"],
            "category": dom["category"], "quad_class": dom["quad_class"],
            "weight": dom["weight"], "negated": dom["negated"], "modality": dom["modality"],
            "evidence": "; ".join(unique(it["evidence"] for it in items)),
        })
    return dyads


def intra_actor(toks: list[Tok], ev: Event, parts: list[Mention],
                 codes: list[str]) -> bool:
    """Two persons of one actor interacting (Putin meeting his own minister)."""
    if ev.category not in INTERACTION or len(codes) != 1:
        return False
    people = [m for m in parts if m.person or m.titled]
    labels: list[str] = []
    for k, m in enumerate(people):
        nxt = people[k + 1] if k + 1 < len(people) else None
        if m.titled and not m.person and nxt is not None and nxt.person \
                and nxt.code == m.code and nxt.start - m.end <= 2:
            continue  # "le président russe, Vladimir Poutine": one person
        labels.append(m.label if m.person else f"{m.title} {m.text}")
    return len(unique(labels)) >= 2
