"""Whose an event is: the clause an event sits in and the parties its own phrase names.

:class:`Clauses` is the sentence as the dyad rules read it (clauses split at ``;``,
``que``, after a fronted adverbial and around a speech attribution). The rules here
decide an event's parties from its own phrase before :mod:`.dyads` pairs agents and
targets: a compound adjective ("la guerre russo-ukrainienne"), an aid phrase ("la
livraison de chars américains à l'Ukraine"), an accusation's object ("accuse Washington
de livrer des armes à Kiev"), a possessive or "avec/entre X" ("sa rencontre avec X"), and
an announcement's speaker ("Washington a annoncé une aide à Kiev").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from analysis import lexicon as lx

from .bounds import condition_opens
from .french import DETERMINERS, SKIPPABLE, looks_like_infinitive
from .spoiling import between_others
from .structures import Context, Event, Mention
from .tokens import Tok, first_word, unique
from .words import (
    AGAINST_PREPOSITIONS,
    CONDITIONALS,
    DETERMINER_QUANTIFIERS,
    ETRE,
    GERUND_MARKERS,
    NAMING_FORMS,
    OWNER_PREPOSITIONS,
    PARTICIPLE_ENDINGS,
    PARTNER_COORDINATORS,
    PARTNER_PREPOSITIONS,
    POSSESSIVES,
    PRENOMINAL_ADJECTIVES,
    PURPOSE_MARKERS,
    QUANTIFIERS,
    QUOTE_CHARS,
    RECIPIENT_CATEGORIES,
    RECIPIENT_PREPOSITIONS,
    UNDERGOING,
)


def phrase_start(m: Mention) -> int:
    """Where a mention's phrase starts (the title noun of "le ministre russe")."""
    return m.hstart if 0 <= m.hstart < m.start else m.start


def preceded_by(toks: list[Tok], m: Mention, words: tuple[str, ...]) -> bool:
    """Is the mention's phrase right after one of ``words`` (or "face à", when ``words`` are
    the against prepositions: "face à X" is no partner or recipient), articles skipped?"""
    k = phrase_start(m) - 1
    while k >= 0 and (toks[k].w in DETERMINERS or toks[k].w in DETERMINER_QUANTIFIERS) \
            and toks[k].w not in words:
        k -= 1  # "du", "des", "aux" are articles unless asked for; "à tous les appareils"
    return k >= 0 and (toks[k].w in words or (
        "contre" in words and toks[k].w == "à" and k > 0 and toks[k - 1].w == "face"))


@dataclass
class Clauses:
    """The sentence as the dyad rules read it, and the dyads found so far."""

    ctx: Context
    toks: list[Tok]
    events: list[Event]
    mentions: list[Mention]
    excluded: set[int]
    speaker_mentions: list[Mention]
    bounds: list[int]
    local: dict[int, list[Mention]] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)
    contrib: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    synthetic: list[Event] = field(default_factory=list)
    event_tokens: set[int] = field(default_factory=set)
    #: agents and targets a rule gave a conflict event (by its start): purpose clauses,
    #: "contre X" on a cooperation, "imposées par X"
    given: dict[int, tuple[list[Mention], list[Mention]]] = field(default_factory=dict)
    #: events whose own phrase names all their parties (compound adjective, aid phrase):
    #: a conflict elsewhere in the sentence does not make one of them a target
    complete: set[int] = field(default_factory=set)
    #: who acts on whom in a noun phrase ("l'aide de X à Y": X > Y), by event start
    direction: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: events that paired two actors (by start): the co-mention rules read the others
    paired: set[int] = field(default_factory=set)

    def window(self, ev: Event) -> tuple[int, int]:
        """The token range of the clause an event sits in."""
        return self.span_window(ev.start, ev.end)

    def span_window(self, start: int, end: int) -> tuple[int, int]:
        """The token range of the clause the tokens start:end sit in."""
        lo = max((b for b in self.bounds if b < start), default=-1) + 1
        hi = min((b for b in self.bounds if b >= end), default=len(self.toks))
        return lo, hi

    def participants(self, ev: Event) -> list[Mention]:
        """The actors an event pairs: its own phrase's, its clause's, or the reporter's."""
        if ev.start in self.local and unique(c for m in self.local[ev.start]
                                             for c in m.all_codes()):
            return self.local[ev.start]
        lo, hi = self.window(ev)
        inside = [m for m in self.mentions if lo <= m.start < hi and m.start not in self.excluded
                  and not (ev.coop and m.start in self.claimed)]
        if not inside and lo > 0:
            # "X et Y ont déclaré qu'une collaboration aura lieu": the reporting clause
            plo = max((b for b in self.bounds if b < lo - 1), default=-1) + 1
            inside = [m for m in self.mentions if plo <= m.start < lo - 1
                      and not (m.pronoun and m.start in self.excluded)]
        if not inside or announced_act(self, ev, lo) or speech_act(self, ev) \
                or speaker_infinitive(self, ev, inside) or speaker_relative(self, lo):
            inside = [m for m in self.speaker_mentions if m.all_codes() and m not in inside
                      ] + inside
        return purpose_subject(self, ev, inside)

    def add(self, a: str, b: str, relation: str, ev: Event, evidence: str,
            source: str = "", target: str = "", category: str = "", weight: float = 0.0,
            ) -> None:
        """Record one contribution to the dyad {a, b} (nothing for a self-pair)."""
        if a == b or not a or not b:
            return
        key = (a, b) if a < b else (b, a)
        self.paired.add(ev.start)
        cat = category or ev.category
        self.contrib.setdefault(key, []).append({
            "relation": relation, "category": cat,
            "quad_class": lx.CATEGORY_QUAD.get(cat, ev.quad),
            "weight": weight or ev.weight, "negated": ev.negated,
            "modality": ev.modality, "evidence": evidence, "source": source,
            "target": target,
        })

    def pair_no_one(self, start: int) -> None:
        """The event at ``start`` counts but pairs nobody (its sides are not named:
        ``condemned_victim``, ``background_conflict``); the co-mention leaves it alone."""
        self.given[start] = ([], [])

    def pairs_no_one(self, start: int) -> bool:
        """Did a rule decide that the event at ``start`` pairs nobody?"""
        return self.given.get(start) == ([], [])

    def add_pairs(self, codes: list[str], relation: str, ev: Event, evidence: str,
                  **kwargs: Any) -> None:
        """Record every pair of ``codes``."""
        for x in range(len(codes)):
            for y in range(x + 1, len(codes)):
                self.add(codes[x], codes[y], relation, ev, evidence, **kwargs)


def agent_like(toks: list[Tok], m: Mention) -> bool:
    """Is the mention no recipient ("à l'Ukraine") or owner ("de Berlin"; a sentence's
    opening article is none: "Des chars américains pour Kiev : ...")?"""
    return not (preceded_by(toks, m, RECIPIENT_PREPOSITIONS) or (
        preceded_by(toks, m, OWNER_PREPOSITIONS) and phrase_start(m) - 1 > first_word(toks)))


def clause_subject(cl: Clauses, lo: int, hi: int) -> list[Mention]:
    """The first actor between ``lo`` and ``hi`` that is no recipient or owner ("à l'Ukraine",
    "de Berlin"), with the actors coordinated after it ("Berlin et Washington")."""
    toks = cl.toks
    found: list[Mention] = []
    for m in cl.mentions:
        if not lo <= m.start < hi or m.start in cl.excluded:
            continue
        if not found:
            if agent_like(toks, m):
                found.append(m)
        elif all(toks[k].w == "et" or toks[k].w in DETERMINERS
                 for k in range(found[-1].end, phrase_start(m))):
            found.append(m)
        else:
            break
    return found


def speech_act(cl: Clauses, ev: Event) -> bool:
    """"Washington a averti Moscou qu'une invasion...", "le Kremlin a salué Pékin pour...":
    an event word that is itself the attribution's verb is the speaker's act, so the speaker
    is one of its parties (rule ``speech_act``)."""
    return ev.start in cl.excluded and bool(cl.speaker_mentions)


def speaker_relative(cl: Clauses, lo: int) -> bool:
    """"La Russie a suspendu sa participation au traité, a annoncé Vladimir Poutine, qui
    accuse les États-Unis ...": a clause opened by "qui" right after a speech attribution
    has the speaker as its subject, so the speaker is one of its parties (rule
    ``speaker_relative``)."""
    if not cl.speaker_mentions or not cl.excluded or lo != max(cl.excluded) + 1:
        return False
    k = lo + 1 if lo < len(cl.toks) and cl.toks[lo].w == "," else lo
    return k < len(cl.toks) and cl.toks[k].w == "qui"


def speaker_infinitive(cl: Clauses, ev: Event, inside: list[Mention]) -> bool:
    """"Paris a exprimé le souhait de normaliser ses relations avec Berlin": an infinitive
    event in a speaker's words with no actor before it in its clause has the speaker as its
    subject, so the speaker is one of its parties (rule ``speaker_infinitive``)."""
    return bool(cl.speaker_mentions) and ev.verb and looks_like_infinitive(cl.toks[ev.start].w) \
        and all(m.start > ev.start for m in inside)


def purpose_subject(cl: Clauses, ev: Event, inside: list[Mention]) -> list[Mention]:
    """"Le patron de la CIA, William Burns, s'est rendu à Moscou pour mettre en garde le
    Kremlin contre une invasion": an infinitive event right after "pour" / "afin de", with
    no actor before it in its clause, is the act of the sentence's subject, so the first
    actor before the marker joins its parties, unless a partner, target or recipient
    preposition introduces it (rule ``purpose_subject``; "la coopération avec la Turquie pour
    régler la crise" is not the Turkish act)."""
    toks = cl.toks
    if not ev.verb or not looks_like_infinitive(toks[ev.start].w) \
            or any(m.start < ev.start for m in inside):
        return inside
    k = ev.start - 1
    if k > 0 and toks[k].w == "de":
        k -= 1
    if k <= 0 or toks[k].w not in PURPOSE_MARKERS:
        return inside
    subject = next((m for m in cl.mentions if m.start < k and m.all_codes()
                    and m.start not in cl.excluded), None)
    if subject is None or subject in inside or preceded_by(
            toks, subject, PARTNER_PREPOSITIONS + AGAINST_PREPOSITIONS + RECIPIENT_PREPOSITIONS):
        return inside
    return [subject, *inside]


def announced_act(cl: Clauses, ev: Event, lo: int) -> bool:
    """"Washington a annoncé une aide militaire à l'Ukraine": a noun event that is the
    direct object of the speaker's own announcement (nothing but determiners and
    adjectives between) is the speaker's act, so the speaker is one of its parties
    (rule ``announced_act``). "X a annoncé que Y..." reports Y's act instead."""
    if ev.verb or lo == 0 or (lo - 1) not in cl.excluded or not cl.speaker_mentions:
        return False
    between = range(lo, ev.start)
    return len(between) <= 3 and all(  # "de nouvelles sanctions": de before an adjective
        cl.toks[k].w in DETERMINERS or cl.toks[k].w in SKIPPABLE or cl.toks[k].pos == "ADJ"
        or cl.toks[k].w in PRENOMINAL_ADJECTIVES or cl.toks[k].w == "de" for k in between)


def possessor(cl: Clauses, ev: Event, owners: list[Mention]) -> list[Mention]:
    """Who "sa rencontre" belongs to: the speaker, the sentence's first person, the clause's
    ``owners`` ("l'Ukraine a renforcé ses échanges avec Moscou"), or the article's last
    person."""
    if cl.speaker_mentions:
        return [m for m in cl.speaker_mentions if m.all_codes()][:1]
    lo, hi = cl.window(ev)
    people = [m for m in cl.mentions if m.person and not (lo <= m.start < hi)]
    people = people or [m for m in cl.mentions if m.person and m.start < ev.start]
    if people:
        return people[:1]
    if owners:
        return owners
    if cl.ctx.person_code:
        return [Mention(ev.start, ev.start, cl.ctx.person_code, "pronoun",
                        cl.ctx.person, "", person=True, pronoun="poss")]
    return []


def compound_partners(cl: Clauses) -> None:
    """"la guerre russo-ukrainienne", "le dialogue sino-américain": a compound adjective
    right after a noun event names that event's own parties (rule ``compound_partners``)."""
    for ev in cl.events:
        if ev.verb or not ev.counted:
            continue
        m = next((m for m in cl.mentions if len(m.all_codes()) >= 2 and m.kind == "adjective"
                  and not m.pair and 0 <= m.start - ev.end <= 1), None)
        if m is not None:
            cl.local[ev.start] = [m]
            cl.claimed.add(m.start)
            cl.complete.add(ev.start)


def aid_phrase(cl: Clauses) -> None:
    """"la livraison de chars américains à l'Ukraine", "l'aide de Washington à Kiev": an aid
    noun whose own phrase names the giver (an adjective or "de X") and the recipient ("à
    X") pairs those two, not the sentence's subject ("Peskov a fustigé la livraison...")
    (rule ``aid_phrase``)."""
    toks = cl.toks
    for ev in cl.events:
        if ev.verb or not ev.counted or not (ev.category in ("AID", "SUPPORT")
                                              or "&" in ev.row.term) \
                or ev.start in cl.local:
            continue
        lo, hi = cl.window(ev)
        after = [m for m in cl.mentions if ev.end <= m.start < min(hi, ev.end + 7)]
        to = next((m for m in after if preceded_by(toks, m, RECIPIENT_PREPOSITIONS)), None)
        if to is None:
            continue
        givers = [m for m in after if m.start < to.start and m.code != to.code
                  and (m.kind == "adjective" or preceded_by(toks, m, OWNER_PREPOSITIONS))]
        if givers:
            cl.local[ev.start] = [givers[0], to]
            cl.claimed.update((givers[0].start, to.start))
            cl.complete.add(ev.start)
            if len(givers[0].all_codes()) == 1 and len(to.all_codes()) == 1:
                cl.direction[ev.start] = (givers[0].code, to.code)


def accused_agent(cl: Clauses) -> None:
    """"Moscou accuse Washington de livrer des armes à Kiev", "reproche aux États-Unis
    d'aider Kiev" or "leur soutien à Kiev": the cooperation an accusation attributes to its
    object is the accused's with the actors after it, not the accuser's (rule
    ``accused_agent``). The accusers are the actors before the accusation but its
    recipients, unless they are all there is besides a speaker ("n'avait pas fourni d'armes
    à la Russie et accusé Washington de ..."), or, in the passive, the agent after "par"
    ("Wagner, accusé par le Trésor américain de financer ...": the nearest actor before is
    the accused)."""
    toks = cl.toks
    for acc in cl.events:
        if acc.category != "ACCUSE" or acc.negated:
            continue
        after = past_incise(toks, acc.end)
        accused = next((m for m in cl.mentions if 0 <= phrase_start(m) - after <= 3), None)
        if accused is None or accused.end >= len(toks) or (
                toks[accused.end].w != "de" and toks[accused.end].w not in POSSESSIVES):
            continue
        lo, _ = cl.window(acc)
        before = [m for m in cl.mentions if lo <= m.start < acc.start and m.start not in cl.excluded]
        if "par" in (t.w for t in toks[after:phrase_start(accused)]):  # not in an incise
            if not before:  # "le groupe Wagner, accusé par le Trésor américain de financer"
                continue
            accusers, accused = [accused], max(before, key=lambda m: m.start)
        else:
            accusers = [m for m in before if not preceded_by(toks, m, RECIPIENT_PREPOSITIONS)] \
                or cl.speaker_mentions or before
        cl.given.setdefault(acc.start, (accusers, [accused]))
        for ev in cl.events:
            if ev.start > accused.end and ev.quad in lx.COOP_QUADS and ev.counted \
                    and ev.start not in cl.local:
                lo, hi = cl.window(ev)
                cl.local[ev.start] = [accused] + [m for m in cl.mentions
                                                  if ev.end <= m.start < hi]
                cl.complete.add(ev.start)


#: How long an incise between commas may be ("a accusé mercredi, à la tribune des Nations
#: unies, la Russie de ...": 6 words).
INCISE_REACH = 8


def past_incise(toks: list[Tok], k: int) -> int:
    """Past skippable words (a weekday) and one incise between commas right after a verb
    ("a accusé mercredi, à la tribune des Nations unies, la Russie": at la); ``k`` itself
    when there is none (rule ``incise``)."""
    j = k
    while j < len(toks) and toks[j].w in SKIPPABLE:
        j += 1
    if j >= len(toks) or toks[j].w != ",":
        return k
    close = next((i for i in range(j + 1, min(len(toks), j + 2 + INCISE_REACH))
                  if toks[i].w == ","), None)
    return close + 1 if close is not None else k


_AGENT_OF = ("de", "du", "des", "par", "à", "au", "aux")


def undergone(cl: Clauses) -> None:
    """"Les États-Unis ont été la cible d'une attaque de la Russie", "X fait l'objet de
    sanctions imposées par Y", "X a subi une cyberattaque attribuée à Y", "X a reçu des armes
    de Y": the clause's subject undergoes the act whose agent is named after it (rule
    ``undergone``): Y > X."""
    toks = cl.toks
    for ev in cl.events:
        if not ev.counted or ev.start in cl.local or ev.start in cl.given or not any(
                toks[k].w in UNDERGOING for k in range(max(0, ev.start - 4), ev.start + 1)):
            continue
        lo, hi = cl.window(ev)
        subject = next((m for m in cl.mentions if lo <= m.start < ev.start
                        and m.start not in cl.excluded), None)
        agent = next((m for m in cl.mentions if ev.end <= phrase_start(m) <= ev.end + 4
                      and preceded_by(toks, m, _AGENT_OF)), None)
        if subject is None or agent is None or set(subject.all_codes()) & set(agent.all_codes()):
            continue
        if ev.coop:
            cl.local[ev.start] = [agent, subject]
            cl.complete.add(ev.start)
        else:
            cl.given[ev.start] = ([agent], [subject])
        if len(agent.all_codes()) == 1 and len(subject.all_codes()) == 1:
            cl.direction[ev.start] = (agent.code, subject.code)


def gerund_agent(cl: Clauses) -> None:
    """"En livrant des armes à Kiev, Washington prolonge la guerre": the subject of the main
    clause is the agent of the acts in a fronted gerund (rule ``gerund_agent``), which the
    comma otherwise cuts off from every actor but their complements."""
    toks = cl.toks
    first = first_word(toks)
    if first + 1 >= len(toks) or toks[first].w not in GERUND_MARKERS \
            or not toks[first + 1].w.endswith(PARTICIPLE_ENDINGS):
        return
    comma = next((k for k in range(first, len(toks)) if toks[k].w == ","), None)
    agent = next((m for m in cl.mentions if comma is not None and comma < m.start <= comma + 4
                  and not m.place and m.start not in cl.excluded), None)
    if agent is None:
        return
    for ev in cl.events:
        if not ev.counted or not first < ev.start < comma or ev.start in cl.local \
                or ev.start in cl.given:
            continue
        others = [m for m in cl.mentions if first < m.start < comma
                  and not set(m.all_codes()) & set(agent.all_codes())]
        if ev.coop:
            cl.local[ev.start] = [agent, *others]
            cl.complete.add(ev.start)
        elif others:
            cl.given[ev.start] = ([agent], others)
        if len(others) == 1 and len(agent.all_codes()) == 1 and len(others[0].all_codes()) == 1:
            cl.direction[ev.start] = (agent.code, others[0].code)


def trailing_gerund(cl: Clauses) -> None:
    """"Vladimir Poutine s'est dit prêt à discuter avec Joe Biden, tout en dénonçant
    l'« hypocrisie » américaine", "Les États-Unis ont riposté à l'annexion par la Russie en
    sanctionnant des centaines de députés russes": a conflict gerund ("en", "tout en"; a
    comma before it or not) is the act of the sentence's subject, its first actor, on the
    actors of the gerund's clause (rule ``trailing_gerund``: RUS > USA)."""
    toks = cl.toks
    for ev in cl.events:
        k = ev.start - 1
        if not (ev.counted and ev.conf and ev.verb) or k < 2 or ev.start in cl.given \
                or not toks[ev.start].w.endswith(PARTICIPLE_ENDINGS):
            continue
        if toks[k].w == ",":
            comma = k  # "..., avertissant Moscou de « sérieuses conséquences »": a participle
        elif toks[k].w in GERUND_MARKERS:
            comma = k - 2 if toks[k - 1].w == "tout" else k - 1
        else:
            continue
        bare = toks[comma].w != ","
        if bare:
            comma += 1  # no comma: the gerund's marker bounds the main clause
        subject = next((m for m in cl.mentions if m.start < comma  # a speaker too: "s'est dit"
                        and not preceded_by(toks, m, PARTNER_PREPOSITIONS + RECIPIENT_PREPOSITIONS)),
                       None)
        if bare and subject is not None and (phrase_start(subject) > first_word(toks) + 1 or any(
                toks[j].w in ("que", "qui") for j in range(subject.end, comma))):
            continue  # without a comma, only the subject that opens the sentence, no relative
        end = next((j for j in range(ev.end, len(toks)) if toks[j].w in (",", ";")), len(toks))
        others = [m for m in cl.mentions if ev.end <= m.start < end and subject is not None
                  and not set(m.all_codes()) & set(subject.all_codes())]
        if subject is not None and others:
            cl.given[ev.start] = ([subject], others)



def relative_target(cl: Clauses) -> None:
    """"La Russie a proclamé l'annexion de quatre régions, une décision que les États-Unis
    ont refusé de reconnaître", "les traités d'annexion, que Kiev et Washington jugent « nuls
    et non avenus »": a conflict word in a relative clause ("que" after a noun or a comma)
    that names no actor after it acts on the sentence's first actor, the antecedent's author
    (rule ``relative_target``: USA > RUS); its agents are the relative clause's actors
    before it."""
    toks = cl.toks
    for verb in cl.events:
        if not (verb.counted and verb.conf) or verb.start in cl.given:
            continue
        hi = cl.window(verb)[1]
        q = next((k for k in range(verb.start - 1, max(verb.start - 12, 0), -1)
                  if toks[k].w == "que"), None)
        if q is None or q < 2 or not (toks[q - 1].w == "," or toks[q - 2].w in DETERMINERS):
            continue
        agents = [m for m in cl.mentions if q < m.start < verb.start and m.start not in cl.excluded]
        after = [m for m in cl.mentions if verb.end <= m.start < hi]
        first = next((m for m in cl.mentions if m.start < q and (
            m.start not in cl.excluded or m in cl.speaker_mentions)), None)  # "Les États-Unis
        # ont annoncé l'envoi ..., que Moscou considère comme une « cible légitime »"
        if agents and first is not None and first not in agents and all(
                set(a.all_codes()) & set(first.all_codes()) for a in after):
            # "que la diplomatie russe a dénoncé comme une « fuite en avant » de Washington":
            # an actor after it that is the first actor again names no other target
            cl.given[verb.start] = (agents, [first])


def named_act(cl: Clauses) -> None:
    """"Joe Biden a qualifié l'invasion russe de l'Ukraine de « génocide »": the name a naming
    verb (``naming_verbs``) gives to an act with a named agent (:func:`nominal_parties`) is
    the subject's accusation of that agent (rule ``named_act``: USA > RUS), as a condemned
    act is."""
    toks = cl.toks
    for k, tok in enumerate(toks):
        if tok.w not in NAMING_FORMS:
            continue
        act = next((e for e in cl.events if e.start > k and e.start in cl.given and e.conf
                    and not e.verb), None)
        if act is None or any(toks[j].w not in DETERMINERS for j in range(k + 1, act.start)):
            continue
        name = next((e for e in cl.events if e.start > act.end and e.counted and e.conf
                     and e.start not in cl.given), None)
        if name is None:
            continue
        hit = cl.given[act.start][0]
        agents = [m for m in subjects_before(cl, cl.window(act)[0], k)
                  if not set(m.all_codes()) & {c for h in hit for c in h.all_codes()}]
        if agents:
            cl.given[name.start] = (agents, hit)


def judged_act(cl: Clauses) -> None:
    """"Pour Washington, l'annexion de quatre régions ukrainiennes par Moscou est « nulle et non
    avenue »": a verbal conflict word after "est"/"sont" whose subject is an act with a named
    agent (:func:`nominal_parties`) is the speaker's (or the clause's first actor's) rejection
    of that agent (rule ``judged_act``: USA > RUS)."""
    toks = cl.toks
    for ev in cl.events:
        if not (ev.counted and ev.quad == "verbal_conf" and not ev.verb) or ev.start in cl.given:
            continue
        k = ev.start - 1
        while k > 0 and toks[k].text in QUOTE_CHARS:
            k -= 1
        if k <= 0 or toks[k].w not in ETRE:
            continue
        act = next((a for a in reversed(cl.events) if a.end <= k and a.start in cl.given
                    and a.conf and not a.verb), None)
        if act is None:
            continue
        hit = cl.given[act.start][0]
        agents = [m for m in subjects_before(cl, 0, act.start)
                  if not set(m.all_codes()) & {c for h in hit for c in h.all_codes()}]
        if agents:
            cl.given[ev.start] = (agents, hit)


def subjects_before(cl: Clauses, lo: int, start: int) -> list[Mention]:
    """The clause's actors before an act (from ``lo``), or the speaker when it names none:
    who condemns, warns or threatens (``condemned_act``, ``conditional_target``)."""
    return [m for m in cl.mentions if lo <= m.start < start
            and m.start not in cl.excluded] or list(cl.speaker_mentions)


def conditional_target(cl: Clauses) -> None:
    """"Le Kremlin a menacé de représailles si Washington livrait des missiles à Kiev", "Si
    l'Otan intervient, Moscou ripostera": the subject of a condition clause is the target
    of a conflict in the main clause that names no actor after it (rule
    ``conditional_target``: RUS > USA); the condition's own acts stay in their clause."""
    toks = cl.toks
    first = first_word(toks)
    for ev in cl.events:
        if not ev.counted or not ev.conf or ev.start in cl.given or ev.start in cl.local:
            continue
        lo, hi = cl.window(ev)
        comma = next((k for k in range(first, ev.start) if toks[k].w == ","), None)
        if hi < len(toks) and condition_opens(toks, hi):
            cond = cl.span_window(hi + 1, hi + 1)
        elif lo <= first + 1 and toks[first].w in CONDITIONALS and comma is not None:
            cond, lo = (first + 1, comma), comma + 1  # "Si X ..., Y ripostera"
        else:
            continue
        if any(ev.end <= m.start < hi and m.start not in cl.excluded for m in cl.mentions):
            continue  # "frappera Kiev si ...": the clause names its own target
        subject = condition_subject(cl, cond)
        if subject is None:  # "ripostera s'il le faut, si Washington livre ...": the next one
            nxt = next((k for k in range(cond[1], min(len(toks), cond[1] + 2))
                        if condition_opens(toks, k)), None)
            subject = condition_subject(cl, cl.span_window(nxt + 1, nxt + 1)) \
                if nxt is not None else None
        agents = subjects_before(cl, lo, ev.start)
        if subject is None:
            continue
        agents = [m for m in agents if not set(m.all_codes()) & set(subject.all_codes())]
        if agents:
            cl.given[ev.start] = (agents, [subject])


def condition_subject(cl: Clauses, cond: tuple[int, int]) -> Mention | None:
    """The actor that opens a condition clause (its subject), if any."""
    return next((m for m in cl.mentions if cond[0] <= phrase_start(m) <= cond[0] + 2
                 and m.start < cond[1] and m.start not in cl.excluded), None)


def owned_phrase(toks: list[Tok], end: int, start: int) -> bool:
    """Is ``toks[end:start]`` "de" and determiners or quantifiers only ("de l'", "de quatre",
    "des"): the phrase starting at ``start`` is the complement of the noun ending at ``end``
    ("l'annexion de quatre régions ukrainiennes": rule ``nominal_parties``)?"""
    return end < start and toks[end].w in OWNER_PREPOSITIONS and all(
        toks[j].w in DETERMINERS or toks[j].w in QUANTIFIERS or toks[j].w.isdigit()
        for j in range(end + 1, start))


def own_partners(cl: Clauses) -> None:
    """Noun events with a possessive or "avec/entre X" own the actors of their phrase; a
    possessed aid, support or concession noun also owns its recipient ("Le Kremlin a apporté
    son soutien à Pékin face à ...": the Kremlin and Beijing, not the actors after them;
    rule ``possessed_recipient``)."""
    toks = cl.toks
    for ev in cl.events:
        if ev.verb or not ev.counted or ev.quad not in lx.COOP_QUADS or ev.start in cl.complete:
            continue
        lo, hi = cl.window(ev)
        partners = phrase_partners(cl, ev, hi)
        poss = ev.start > 0 and toks[ev.start - 1].w in POSSESSIVES
        if poss and not partners and ev.category in RECIPIENT_CATEGORIES:
            partners = [m for m in cl.mentions if 0 < phrase_start(m) - ev.end <= 2
                        and preceded_by(toks, m, RECIPIENT_PREPOSITIONS)][:1]  # "son soutien à X"
        if poss or partners:
            # "sa rencontre avec X": the possessor; "la Russie a signé un accord avec X":
            # the clause's actors before the noun
            subject = clause_owners(cl, ev, lo, partners) if partners else []
            owners = possessor(cl, ev, subject) if poss else (
                subject or speaker_party(cl, partners))
            if between_others(toks, ev) and len(unique(c for m in partners
                                                       for c in m.all_codes())) >= 2:
                owners = []  # "s'oppose à l'accord entre Washington et Kiev": theirs alone
            cl.local[ev.start] = owners + partners
            cl.claimed.update(m.start for m in partners)


def conflict_partners(cl: Clauses) -> None:
    """Conflict nouns with "avec/entre X" ("il entre en conflit avec l'Arabie saoudite",
    "les tensions entre Moscou et Washington") oppose the actors of their phrase and the
    clause's named actors before it (rule ``conflict_partners``)."""
    for ev in cl.events:
        if ev.verb or not ev.conf or ev.rule == "against":
            continue
        lo, hi = cl.window(ev)
        partners = phrase_partners(cl, ev, hi)
        if partners:
            cl.local[ev.start] = (clause_owners(cl, ev, lo, partners)
                                  or speaker_party(cl, partners)) + partners


def speaker_party(cl: Clauses, partners: list[Mention]) -> list[Mention]:
    """"D'après Joe Biden, les négociations avec Moscou progressent", "Washington a annoncé
    un entretien avec Moscou": a cooperation or conflict "avec X" that names no owner in its
    clause is the speaker's (rule ``speaker_party``), as "sa rencontre avec X" is."""
    codes = {c for m in partners for c in m.all_codes()}
    return [m for m in cl.speaker_mentions if m.all_codes()
            and not set(m.all_codes()) <= codes][:1]


def phrase_partners(cl: Clauses, ev: Event, hi: int) -> list[Mention]:
    """The actors after "avec/entre" in a noun event's phrase, coordinated ones included."""
    toks = cl.toks
    partners = [m for m in cl.mentions if ev.end <= m.start < min(hi, ev.end + 10)
                and preceded_by(toks, m, PARTNER_PREPOSITIONS)]
    if partners:
        # coordinated partners: "avec la Turquie et l'Iran"
        last = partners[-1]
        for m in cl.mentions:
            if m.start >= last.end and m.start - last.end <= 2 and m not in partners \
                    and all(toks[k].w in PARTNER_COORDINATORS or toks[k].w in DETERMINERS
                            or toks[k].title for k in range(last.end, phrase_start(m))):
                partners.append(m)
                last = m
    return partners


def clause_owners(cl: Clauses, ev: Event, lo: int, partners: list[Mention]) -> list[Mention]:
    """The clause's named actors before a noun event: its subject side."""
    return [m for m in cl.mentions if lo <= m.start < ev.start and m not in partners
            and m.start not in cl.excluded and not m.pronoun]
