"""Cooperation a conflict act undermines ("saboter les négociations", "a exigé que Moscou
retire ses troupes"), calls for peace, and pledged conflict: event rules that read what a
spoiling, demanding or pledging word governs (codebook D18-D22)."""

from __future__ import annotations

from analysis import lexicon as lx

from .events import alive, complement, recategorize, term_is_verb
from .french import DETERMINERS, SKIPPABLE, looks_like_infinitive
from .matcher import after_recipient
from .structures import Event
from .tokens import Tok
from .words import (
    AGAINST_PREPOSITIONS,
    COMMITMENT_VERBS,
    COMPLEMENT_PREPOSITIONS,
    DEESC_GAP,
    DRAFT_NOUNS,
    OWNER_PREPOSITIONS,
    PLEDGE_SKIPPED,
    POSSESSIVES,
    PRENOMINAL_ADJECTIVES,
    PROMISED_HARMS,
    QUOTE_CHARS,
    RECIPIENT_PREPOSITIONS,
)


def spoiled_cooperation(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"saboter les négociations", "torpiller l'accord": cooperation a conflict act
    undermines is part of that act, not cooperation (rule ``spoiled``)."""
    for sp in events:
        if sp.row.role != "spoil" or sp.negated or not alive(sp):
            continue
        target = complement(toks, sp, events, full)
        if target is None or target.row.quad not in lx.COOP_QUADS:
            target = against_complement(toks, sp, events)
        if target is None or target.row.quad not in lx.COOP_QUADS:
            target = demanded_clause(toks, sp, events)
        if full and (target is None or target.row.quad not in lx.COOP_QUADS):
            target = spoil_parse(toks, sp, events)
        if target is None or target.row.quad not in lx.COOP_QUADS:
            target = prepositional_complement(toks, sp, events)
        if target is None or target.row.quad not in lx.COOP_QUADS:
            target = demanded_of(toks, sp, events)
        if target is not None and target.rule == "lexicon" and alive(target) \
                and target.row.quad in lx.COOP_QUADS and target.row.role != "stop" \
                and not target.negated and not between_others(toks, target):
            target.counted = False
            target.rule = "spoiled"
            target.evidence = f"{sp.shown_term}>{target.shown_term}[spoiled]"


def prepositional_complement(toks: list[Tok], sp: Event, events: list[Event]) -> Event | None:
    """"a suspendu sa participation au traité": the event right after "à/au/aux" that follows
    a spoiling act (a term that starts with an article matches from "au" itself; a draft,
    ``draft_nouns``, is the text it drafts; one word may stand before the preposition, as
    an adjective does in "la suspension de la participation russe au traité"); part of
    ``spoiled_cooperation``."""
    p = sp.end
    if p + 1 < len(toks) and toks[p].w.isalpha() and toks[p + 1].w in RECIPIENT_PREPOSITIONS:
        p += 1
    if p >= len(toks) or toks[p].w not in RECIPIENT_PREPOSITIONS:
        return None
    k = p + 1
    while k < len(toks) and toks[k].w in DETERMINERS:
        k += 1
    if k + 1 < len(toks) and toks[k].w in DRAFT_NOUNS and toks[k + 1].w == "de":
        k += 2  # "a opposé son veto à un projet de résolution": the draft's resolution
    return next((e for e in events if e.start in (p + 1, k) or (
        e.start == p and e.row.term.split()[0] in DETERMINERS)), None)


def demanded_of(toks: list[Tok], sp: Event, events: list[Event]) -> Event | None:
    """"Washington a exigé de Kiev des garanties de sécurité": the event right after the
    demand's addressee (de/à and a capitalised name) is what is demanded; part of
    ``spoiled_cooperation`` (the parse finds it in full mode, this in every mode)."""
    k = sp.end
    if sp.category != "REQUEST" or k >= len(toks) or toks[k].w not in ("de", "à"):
        return None
    k += 1
    while k < len(toks) and toks[k].w in DETERMINERS:
        k += 1
    if k >= len(toks) or not toks[k].title:
        return None
    while k < len(toks) and (toks[k].title or toks[k].w == "-"):
        k += 1
    return next((e for e in events if k <= e.start <= k + 1), None)


#: How many words (no punctuation) may stand between a demand verb and its "que" ("a exigé
#: mercredi par 141 voix que la Russie ...": 4).
DEMAND_GAP = 5


def demand_que(toks: list[Tok], end: int) -> int | None:
    """The "que" within ``DEMAND_GAP`` words after a demand verb ending at ``end`` (no
    punctuation before it), or None."""
    k = next((k for k in range(end, min(len(toks), end + DEMAND_GAP + 1))
              if toks[k].w == "que" or toks[k].punct), None)
    return k if k is not None and toks[k].w == "que" else None


def demanded_clause(toks: list[Tok], sp: Event, events: list[Event]) -> Event | None:
    """"Les Américains exigent que Moscou retire ses troupes", "a exigé mercredi que la
    Russie retire ses troupes", "a sommé la Russie de retirer ses troupes": the first event of
    the "que" clause after a spoiling demand (REQUEST; a few words may stand before "que"),
    or the infinitive after its object's "de", is what is demanded, not done yet; part of
    ``spoiled_cooperation``."""
    if sp.category != "REQUEST" or sp.end >= len(toks):
        return None
    que = demand_que(toks, sp.end)
    start = sp.end if que is None else que
    for ev in events:
        if start < ev.start <= start + 8:
            if any(toks[k].punct for k in range(start, ev.start)):
                return None
            return ev if que is not None or (ev.verb and toks[ev.start - 1].w == "de") else None
    return None


def peace_call(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"La Russie et les États-Unis ont réclamé l'arrêt des combats": a request whose object
    is the end of a fighting that belongs to no one named (no possessive, no "de X" after
    it) is a call for peace, not a demand on an adversary (rule ``peace_call``); "a exigé le
    retrait des troupes de X" and "met Moscou en demeure de cesser ses emplettes d'obus"
    (a possessive anywhere before the act) stay demands, and the end they demand is not
    done (rule ``demanded``)."""
    for req in events:
        if req.category != "REQUEST" or req.negated or not alive(req):
            continue
        stop = complement(toks, req, events, full)
        if stop is None or stop.row.role != "stop" or stop.negated:
            continue
        ended = complement(toks, stop, events, full)
        if ended is None or ended.rule != "deescalation" or not alive(ended):
            continue
        if any(toks[k].w in POSSESSIVES for k in range(stop.end, ended.start)) \
                or (ended.end < len(toks) and toks[ended.end].w in OWNER_PREPOSITIONS):
            ended.counted = False  # "a sommé Moscou de cesser ses frappes": demanded, not done
            ended.rule = "demanded"
            ended.evidence = f"{ended.shown_term}[demanded]"
            continue
        req.counted = False
        req.rule = "peace_call"
        req.evidence = f"{req.shown_term}>{stop.shown_term}[peace_call]"


#: How many words may stand between a request and the truce it calls for ("a exhorté son
#: homologue russe à instaurer « immédiatement » un cessez-le-feu": 9).
TRUCE_GAP = 9


def truce_call(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Lloyd Austin ... l'a exhorté à instaurer « immédiatement » un cessez-le-feu",
    "Washington réclame une trêve": a request whose object is a truce (a de-escalating
    RETREAT noun, lexicon role ``deesc``: cessez-le-feu, trêve, désescalade, accalmie...) is
    a call for peace, as "réclamer l'arrêt des combats" is (rule ``truce_call``, codebook
    D40): the request does not count, the truce called for does (de-escalation, D14); it
    runs before ``spoiled_cooperation``, which a counted request would apply to the truce. Only
    with nothing but words and quotes between them (no other event), and not a truce owned
    ("qu'elle respecte sa trêve" demands that an actor keep its own)."""
    for req in events:
        if req.category != "REQUEST" or req.negated or not alive(req):
            continue
        truce = next((e for e in events if req.end <= e.start <= req.end + TRUCE_GAP), None)
        if truce is None or truce.category != "RETREAT" or truce.row.role != "deesc" \
                or term_is_verb(truce.row) or truce.negated or not alive(truce):
            continue
        if any(toks[k].punct and toks[k].w not in QUOTE_CHARS for k in range(req.end, truce.start)) \
                or toks[truce.start - 1].w in POSSESSIVES:
            continue
        req.counted = False
        req.rule = "truce_call"
        req.evidence = f"{req.shown_term}>{truce.shown_term}[truce_call]"


def against_complement(toks: list[Tok], sp: Event, events: list[Event]) -> Event | None:
    """"a mis en garde Washington contre toute livraison d'armes": the cooperation word
    after "contre" a few words on, in the spoiling act's clause."""
    k = next((k for k in range(sp.end, min(sp.end + 5, len(toks)))
              if toks[k].w in AGAINST_PREPOSITIONS or not toks[k].w[:1].isalnum()), None)
    if k is None or toks[k].w not in AGAINST_PREPOSITIONS:
        return None
    j = k + 1
    while j < len(toks) and j - k <= 3 and toks[j].w in DEESC_GAP:
        j += 1
    return next((o for o in events if o.start == j), None)


def between_others(toks: list[Tok], ev: Event) -> bool:
    """"l'accord entre Washington et Kiev": a cooperation with its own two parties stays
    theirs when a third actor opposes it."""
    return ev.end < len(toks) and toks[ev.end].w == "entre"


#: Dependencies from a cooperation word up to the conflict act it belongs to.
_SPOIL_DEPS = ("obj", "nmod", "obl", "obl:arg", "acl", "xcomp")


def spoil_parse(toks: list[Tok], sp: Event, events: list[Event]) -> Event | None:
    """A cooperation word inside the object of a spoiling act, through the parse (full
    mode): "a gelé les fonds alloués à la coopération avec X" (up to three heads up)."""
    span = range(sp.start, sp.end)
    for ev in events:
        if ev.start < sp.end or ev.row.quad not in lx.COOP_QUADS:
            continue
        t = ev.start
        for _ in range(3):
            h = toks[t].head
            if h < 0 or h == t or toks[t].dep not in _SPOIL_DEPS:
                break
            if h in span:
                return ev
            t = h
    return None


def committed_conflict(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"a promis de faire payer un prix au Kremlin": a pledge to act against someone is
    that act, not an agreement; the pledge does not count (rule ``pledged_conflict``)."""
    for ev in events:
        if ev.rule != "lexicon" or ev.negated or ev.row.term not in COMMITMENT_VERBS:
            continue
        k = pledged_object(toks, ev)
        act = next((o for o in events if o.start == k and o.rule == "lexicon" and alive(o)
                    and not o.negated and o.row.quad in lx.CONF_QUADS), None)
        if act is not None and act.row.role not in ("stop", "recip"):
            ev.counted = False
            ev.rule = "pledged_conflict"
            ev.evidence = f"{ev.shown_term}>{act.shown_term}[pledged_conflict]"


def pledged_object(toks: list[Tok], ev: Event) -> int:
    """Where a pledge's object starts: past a recipient, a preposition, articles, quotation
    marks and adjectives ("promettent à Moscou de nouvelles sanctions")."""
    k = start = after_recipient(toks, ev.end)  # "promettent à la Russie un « coût sévère »"
    while k < len(toks) and k - start <= 3 and (
            toks[k].w in COMPLEMENT_PREPOSITIONS or toks[k].w in SKIPPABLE
            or toks[k].w in QUOTE_CHARS or toks[k].w in PRENOMINAL_ADJECTIVES):
        k += 1
    return k


def promised_harm(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Moscou promet aux États-Unis des « conséquences »", "Biden promet au Kremlin un
    « prix sévère »": a pledge whose object is a harm (``promised_harms``) is a threat to
    its recipient, not an agreement (rule ``promised_harm``); "un prix d'ami", a harm noun
    with a complement, is none."""
    for ev in events:
        if ev.rule != "lexicon" or ev.negated or ev.row.term not in COMMITMENT_VERBS:
            continue
        k = pledged_object(toks, ev)
        if k < len(toks) and toks[k].w in PROMISED_HARMS and not (
                k + 1 < len(toks) and toks[k + 1].w in OWNER_PREPOSITIONS):  # un prix d'ami
            recategorize(ev, "THREATEN")
            ev.rule = "promised_harm"
            ev.evidence = f"{ev.shown_term}>{toks[k].w}[THREATEN,{ev.weight:+.1f}]"


def promised_content(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Biden a promis que les États-Unis ne reconnaîtraient jamais ces territoires": a pledge
    followed by "que" announces what its clause says; it is no agreement with anyone, and the
    clause's own events count (rule ``promised_content``); so does "de" and an infinitive
    with no recipient before it (D43: "Moscou promet de répliquer", "promet de « ne pas
    oublier » l'affront", "ont promis de soutenir l'Ukraine": what is pledged counts)."""
    for ev in events:
        if ev.rule == "lexicon" and not ev.negated and ev.row.term in COMMITMENT_VERBS \
                and ev.end < len(toks) and (toks[ev.end].w == "que" or (
                    toks[ev.end].w in ("de", "d'") and ev.end + 1 < len(toks) and (
                        toks[ev.end + 1].w == "ne" or pledged_infinitive(toks, ev.end + 1)))):
            ev.counted = False
            ev.rule = "promised_content"
            what = "que" if toks[ev.end].w == "que" else \
                "de ne" if toks[ev.end + 1].w == "ne" else "de"
            ev.evidence = f"{ev.shown_term}>{what}[promised_content]"


def pledged_infinitive(toks: list[Tok], k: int) -> bool:
    """Does an infinitive start at ``k``, past quotation marks, clitics and negation words
    ("de « ne pas oublier »", "de la repêcher", "de tout couper")?"""
    end = min(k + 4, len(toks))
    while k < end and (toks[k].w in QUOTE_CHARS or toks[k].w in PLEDGE_SKIPPED):
        k += 1
    return k < len(toks) and toks[k].w not in PLEDGE_SKIPPED and looks_like_infinitive(toks[k].w)
