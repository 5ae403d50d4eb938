"""Dyad rules for acts named by nouns: whose act, done to whom, condemned by whom.

"l'invasion de l'Ukraine par la Russie", "l'annexion par la Russie de quatre régions
ukrainiennes", "l'invasion russe de l'Ukraine": a conflict noun names its agent ("par X",
a nationality adjective) and whom it is done to ("de Y"); a condemnation of such an act
targets its agent ("a condamné l'annexion ... par la Russie"), and, with no agent named,
no one ("condamnant l'annexion de territoires ukrainiens": not the victim). Moved from
:mod:`.parties` (codebook D20, D24).
"""

from __future__ import annotations

from .events import recategorize
from .french import DETERMINERS, SKIPPABLE
from .parties import Clauses, owned_phrase, phrase_start, preceded_by, subjects_before
from .structures import Event, Mention
from .tokens import Tok
from .words import (
    AFFILIATION_FORMS,
    AFFILIATION_LINKS,
    AGAINST_PREPOSITIONS,
    AGENT_PREPOSITIONS,
    BACKGROUND_MARKERS,
    MEETING_SETTINGS,
    NAMING_FORMS,
    OWNER_PREPOSITIONS,
    QUOTE_CHARS,
    RECIPIENT_PREPOSITIONS,
    RECIPROCAL_HEADS,
    TARGETED_CATEGORIES,
    needs_aux,
)


def nominal_parties(cl: Clauses) -> None:
    """"l'invasion de l'Ukraine par la Russie", "l'expulsion des diplomates de Pékin par
    Paris", "l'invasion russe de l'Ukraine", "une attaque russe contre l'Ukraine": a conflict
    noun's "de X" (or, after its adjective agent, "contre X") is its target when "par Y" (after
    it or before it: "l'annexion par la Russie de quatre régions ukrainiennes") or a
    nationality adjective names its agent (rule ``nominal_parties``: Y > X)."""
    cooperation_by(cl)
    conflict_owner(cl)
    for ev in cl.events:
        if not ev.counted or not ev.conf or ev.verb or ev.start in cl.given \
                or ev.start in cl.local:
            continue
        own, patient = nominal_patient(cl, ev)
        if patient is None:
            own, patient = fronted_agent(cl, ev)
        if patient is None:
            continue
        agent = agent_after(cl, patient) or own
        if agent is None or len(agent.all_codes()) != 1 or len(patient.all_codes()) != 1 \
                or agent.code == patient.code:
            continue
        cl.given[ev.start] = ([agent], [patient])
        cl.direction[ev.start] = (agent.code, patient.code)


def conflict_owner(cl: Clauses) -> None:
    """"Joe Biden, visitant un hôpital touché par une frappe russe, s'est engagé à renforcer la
    défense de l'Ukraine": a conflict noun's own nationality adjective is that act's agent, no
    partner of a cooperation elsewhere in its clause (rule ``conflict_owner``)."""
    for ev in cl.events:
        own = own_adjective(cl, ev) if ev.counted and ev.conf and not ev.verb else None
        if own is not None:
            cl.claimed.add(own.start)


def own_adjective(cl: Clauses, ev: Event) -> Mention | None:
    """The nationality adjective right after an event's noun ("la frappe russe"), or None."""
    return next((m for m in cl.mentions if m.kind == "adjective" and m.start == ev.end), None)


def cooperation_by(cl: Clauses) -> None:
    """"au lendemain du soutien par Vladimir Poutine aux « républiques » séparatistes": a
    cooperation noun with "par X" right after it is X's act, and its parties
    are X and the actors of its complement up to the next punctuation, not the clause's
    others (rule ``cooperation_by``)."""
    toks = cl.toks
    for ev in cl.events:
        if not ev.coop or ev.verb or ev.start in cl.local or ev.end >= len(toks) \
                or toks[ev.end].w not in AGENT_PREPOSITIONS:
            continue
        agent = next((m for m in cl.mentions if ev.end < phrase_start(m) <= ev.end + 2), None)
        if agent is not None:
            end = next((k for k in range(agent.end, len(toks))
                        if toks[k].punct and toks[k].w not in QUOTE_CHARS), len(toks))
            cl.local[ev.start] = [agent] + [m for m in cl.mentions if agent.end <= m.start < end]


def agent_after(cl: Clauses, patient: Mention) -> Mention | None:
    """"par X" right after a conflict noun's patient ("l'invasion de l'Ukraine par la
    Russie"): the act's agent, or None."""
    return next((m for m in cl.mentions if patient.end < phrase_start(m) <= patient.end + 2
                 and preceded_by(cl.toks, m, AGENT_PREPOSITIONS)), None)


#: How far after a rejection its object's participle may stand ("a rejeté la trêve de Noël
#: décrétée unilatéralement par Poutine": 5 words).
AUTHORED_REACH = 8


def authored_object(toks: list[Tok], ev: Event, m: Mention) -> bool:
    """"Kiev et Washington ont rejeté la trêve de Noël décrétée unilatéralement par Vladimir
    Poutine": the agent of a participle ("par X") on the object of a rejection or an
    accusation is its target, the author of what is rejected (rule ``authored_object``)."""
    if not (ev.verb and ev.category in ("REJECT", "ACCUSE", "PROTEST")) or m.start < ev.end \
            or not preceded_by(toks, m, AGENT_PREPOSITIONS):
        return False
    between = range(ev.end, phrase_start(m))
    return len(between) <= AUTHORED_REACH and not any(toks[k].punct for k in between) \
        and any(needs_aux(toks[k].w) and toks[k].pos != "NOUN" for k in between[1:])


def affiliated_object(toks: list[Tok], ev: Event, m: Mention) -> bool:
    """"Washington sanctionne plus de 200 personnes et entités liées à Moscou", "le gel des
    avoirs d'oligarques proches du Kremlin": the actor that the object of a coercive or
    verbal conflict act is tied to (``affiliation_forms`` + à/de) is the act's target (rule
    ``affiliated_object``)."""
    if ev.row.category not in TARGETED_CATEGORIES or m.start < ev.end:
        return False
    k = phrase_start(m) - 1
    while k > ev.end and toks[k].w in DETERMINERS and toks[k].w not in AFFILIATION_LINKS:
        k -= 1
    if k - 1 <= ev.end or toks[k].w not in AFFILIATION_LINKS \
            or toks[k - 1].w not in AFFILIATION_FORMS:
        return False
    return k - ev.end <= AUTHORED_REACH and not any(toks[j].punct for j in range(ev.end, k))


def nominal_patient(cl: Clauses, ev: Event) -> tuple[Mention | None, Mention | None]:
    """A conflict noun's own nationality adjective ("l'invasion russe") and the actor it is
    done to ("de l'Ukraine", "de quatre régions ukrainiennes", "contre X" after the
    adjective), each None when not named."""
    toks = cl.toks
    own = own_adjective(cl, ev)
    after = own.end if own is not None else past_epithet(toks, ev.end)  # "l'invasion russe de"
    patient = owned_after(cl, ev.end if own is not None else after, after) or next(
        (m for m in cl.mentions if own is not None and m.kind != "adjective"
         and own.end < phrase_start(m) <= own.end + 3 and toks[own.end].w in AGAINST_PREPOSITIONS
         and preceded_by(toks, m, AGAINST_PREPOSITIONS)), None)  # "une attaque russe contre X"
    return own, patient


def past_epithet(toks: list[Tok], k: int) -> int:
    """Past an adjective right after a conflict noun, quoted or not ("l'annexion « frauduleuse »
    de quatre régions", "l'annexion illégale de la Crimée"; part of ``nominal_parties``)."""
    if k < len(toks) and toks[k].w in QUOTE_CHARS:
        close = next((j for j in range(k + 1, min(k + 7, len(toks))) if toks[j].w in QUOTE_CHARS),
                     None)
        return close + 1 if close is not None else k
    return k + 1 if k < len(toks) and toks[k].pos == "ADJ" and not toks[k].title else k


def fronted_agent(cl: Clauses, ev: Event) -> tuple[Mention | None, Mention | None]:
    """"l'annexion par la Russie de quatre régions ukrainiennes": "par X" right after a
    conflict noun, then the actor it is done to ("de Y"), as (agent, patient); (None, None)
    when either is missing (part of ``nominal_parties``)."""
    toks = cl.toks
    agent = next((m for m in cl.mentions if ev.end < phrase_start(m) <= ev.end + 2
                  and preceded_by(toks, m, AGENT_PREPOSITIONS)), None)
    if agent is None:
        return None, None
    patient = owned_after(cl, agent.end, agent.end)
    return (agent, patient) if patient is not None else (None, None)


def owned_after(cl: Clauses, end: int, after: int) -> Mention | None:
    """The actor a few words after ``end`` that a noun's complement names: "de X", or a
    nationality adjective of "de quatre régions ukrainiennes" (owned from ``after``)."""
    toks = cl.toks
    return next((m for m in cl.mentions if end < phrase_start(m) <= end + 4
                 and not any(toks[j].punct for j in range(end, phrase_start(m)))
                 and (preceded_by(toks, m, OWNER_PREPOSITIONS) if m.kind != "adjective"
                      else m.hstart >= end and owned_phrase(toks, after, phrase_start(m)))), None)


#: How far after "comme" / "de" the name a naming verb gives an actor may stand ("a désigné
#: la Russie comme « la menace la plus importante et la plus directe »": 2 words).
NAMED_REACH = 4


def named_actor(cl: Clauses) -> None:
    """"l'OTAN a désigné la Russie comme « la menace la plus directe »", "une stratégie qui
    désigne la Russie comme la principale menace": a conflict noun that a naming verb
    (``naming_verbs``) gives its actor object (then comme / de) is the subject's accusation
    of that actor, not an act of it (rule ``named_actor``: NATO > RUS, ACCUSE)."""
    named_owner(cl)
    toks = cl.toks
    for k, tok in enumerate(toks):
        if tok.w not in NAMING_FORMS:
            continue
        named = naming_object(cl, k)
        if named is None or named.end >= len(toks) or toks[named.end].w not in ("comme", "de"):
            continue
        ev = next((e for e in cl.events if named.end < e.start <= named.end + NAMED_REACH
                   and e.counted and e.conf and not e.verb and e.category != "ACCUSE"
                   and e.start not in cl.given), None)  # insults are accusations already
        codes = set(named.all_codes())
        judges = [] if ev is None else [m for m in subjects_before(cl, cl.window(ev)[0], k)
                                        if not codes & set(m.all_codes())]
        if judges:
            recategorize(ev, "ACCUSE")
            ev.evidence = f"{tok.w}>{ev.shown_term}[ACCUSE,{ev.weight:+.1f}]"
            cl.given[ev.start] = (judges, [named])


def naming_object(cl: Clauses, k: int) -> Mention | None:
    """The object of the naming verb at ``k``: the actor whose phrase follows it with only
    determiners between ("a désigné la Russie", "a jugé la décision russe"), or None."""
    toks = cl.toks
    return next((m for m in cl.mentions if m.start > k and all(
        toks[j].w in DETERMINERS for j in range(k + 1, phrase_start(m)))), None)


def named_owner(cl: Clauses) -> None:
    """"Antony Blinken a jugé la décision russe « profondément regrettable et irresponsable »":
    a verbal conflict word that a naming verb gives to its object, a thing owned by a state's
    adjective (la décision russe, la position américaine), judges that state: the subject's
    accusation of it (rule ``named_owner``: USA > RUS)."""
    toks = cl.toks
    for k, tok in enumerate(toks):
        if tok.w not in NAMING_FORMS:
            continue
        owned = naming_object(cl, k)
        if owned is None or owned.kind != "adjective":
            continue
        name = next((e for e in cl.events if owned.end <= e.start <= owned.end + NAMED_REACH
                     and e.counted and e.quad == "verbal_conf" and not e.verb
                     and e.start not in cl.given), None)
        codes = set(owned.all_codes())
        judges = [] if name is None else [m for m in subjects_before(cl, cl.window(name)[0], k)
                                          if not codes & set(m.all_codes())]
        if judges:
            cl.given[name.start] = (judges, [owned])


def condemned_victim(cl: Clauses) -> None:
    """"un projet de résolution condamnant l'annexion de territoires ukrainiens", "a dénoncé
    le bombardement de villes ukrainiennes": a verbal conflict verb whose object is a conflict
    noun done to an actor named by an adjective ("de X" alone may be the author: "les
    exigences de Moscou"), by no named agent, condemns that unnamed agent, not the victim;
    neither word pairs anyone (rule ``condemned_victim``)."""
    toks = cl.toks
    for verb in cl.events:
        if not (verb.counted and verb.verb and verb.quad == "verbal_conf") \
                or verb.start in cl.given:
            continue
        act = next((e for e in cl.events if e.start >= verb.end and e.conf and not e.verb), None)
        if act is None or act.start in cl.given or act.start in cl.local or any(
                toks[k].w not in SKIPPABLE and toks[k].w not in AGAINST_PREPOSITIONS
                for k in range(verb.end, act.start)):
            continue  # "a mis en garde contre toute annexion de territoires ukrainiens"
        own, patient = nominal_patient(cl, act)  # "les exigences de Moscou": its author
        if own is None and patient is not None and patient.kind == "adjective" \
                and agent_after(cl, patient) is None:
            cl.pair_no_one(verb.start)
            cl.pair_no_one(act.start)


def condemned_act(cl: Clauses) -> None:
    """"Jen Psaki a condamné l'annexion de quatre régions ukrainiennes par la Russie", "a
    dénoncé l'invasion russe de l'Ukraine": a verbal conflict verb whose object is a
    conflict noun with a named agent (:func:`nominal_parties`) targets that agent (rule
    ``condemned_act``: USA > RUS); its own agents are the clause's actors before it, or
    the speaker."""
    toks = cl.toks
    for verb in cl.events:
        if not (verb.counted and verb.verb and verb.quad == "verbal_conf") \
                or verb.start in cl.given:
            continue
        act = next((e for e in cl.events if e.start >= verb.end and e.start in cl.given
                    and e.conf and not e.verb), None)
        if act is None or any(toks[k].w not in SKIPPABLE and toks[k].w not in AGAINST_PREPOSITIONS
                              for k in range(verb.end, act.start)):
            continue  # "a condamné l'invasion", "a mis en garde contre une attaque russe"
        agents = subjects_before(cl, cl.window(verb)[0], verb.start)
        hit = cl.given[act.start][0]
        agents = [m for m in agents if not set(m.all_codes()) & {c for h in hit
                                                                  for c in h.all_codes()}]
        if agents:
            cl.given[verb.start] = (agents, hit)


def background_conflict(cl: Clauses) -> None:
    """"La NASA et Roscosmos ont signé un accord ... malgré le conflit en Ukraine", "en pleine
    guerre", "au plus fort de la guerre": a conflict noun after a background marker
    (``background_markers``: malgré, en pleine, au plus fort de, sur fond de) with no agent
    or patient of its own is the setting of the sentence, not an act between its actors: it
    pairs no one (rule ``background_conflict``); a reciprocal noun ("malgré la dégradation
    de leurs relations") names its sides and keeps them."""
    toks = cl.toks
    for ev in cl.events:
        if not ev.conf or ev.verb or ev.start in cl.given or ev.start in cl.local \
                or ev.row.term.split()[0] in RECIPROCAL_HEADS:
            continue  # "malgré la dégradation de leurs relations" names its two sides
        if after_marker(toks, ev.start, BACKGROUND_MARKERS):
            cl.pair_no_one(ev.start)


def meeting_owner(cl: Clauses) -> None:
    """"face à la visite de Nancy Pelosi à Taïwan", "en marge d'une réunion du G20": a meeting
    noun (CONSULT) right before "de X", in a setting phrase, is X's (and the coordinated
    actors'), with the host named after "à" or "au" (rule ``meeting_owner``), not a meeting
    of the clause's other actors: "Le Kremlin a apporté son soutien à Pékin face à la visite
    de Nancy Pelosi à Taïwan" holds no Russia–US cooperation, and "Blinken et Lavrov se sont
    parlé en marge d'une réunion du G20" none with the G20. Only a meeting named as the
    setting of the clause (after ``meeting_settings``: face à, en marge de, lors de,
    après...) is so read; "a accepté l'offre de médiation de Moscou" is the clause's own."""
    toks = cl.toks
    for ev in cl.events:
        if ev.verb or not ev.counted or ev.category != "CONSULT" or ev.start in cl.local \
                or ev.end >= len(toks) or toks[ev.end].w not in OWNER_PREPOSITIONS \
                or not after_marker(toks, ev.start, MEETING_SETTINGS):
            continue
        owner = next((m for m in cl.mentions if 0 < phrase_start(m) - ev.end <= 2
                      and preceded_by(toks, m, OWNER_PREPOSITIONS)), None)
        if owner is None:
            continue
        parties = [owner]
        for m in sorted(cl.mentions, key=lambda m: m.start):
            gap = [t.w for t in toks[parties[-1].end:phrase_start(m)]]
            if m.start >= parties[-1].end and len(gap) <= 3 and (
                    gap[:1] == ["et"] or (m is not owner and preceded_by(
                        toks, m, RECIPIENT_PREPOSITIONS) and len(parties) == 1)):
                parties.append(m)  # "de Biden et Poutine", "de Nancy Pelosi à Taïwan"
        cl.local[ev.start] = parties
        cl.complete.add(ev.start)
        cl.claimed.update(m.start for m in parties)  # no partner of the clause's own meeting


def after_marker(toks: list[Tok], start: int, markers: tuple[tuple[str, ...], ...]) -> bool:
    """Do the words before ``start`` (articles skipped) end with one of ``markers``?"""
    k = start - 1
    while k > 0 and toks[k].w in DETERMINERS:
        k -= 1
    return any(k + 1 >= len(words) and tuple(t.w for t in toks[k + 1 - len(words):k + 1]) == words
               for words in markers)
