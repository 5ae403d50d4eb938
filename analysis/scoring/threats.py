"""Whom a threat or a charge aims at when its words do not name it: the actors who supply,
hold or use what is declared a target, those a speaker is said to aim at after the
attribution or names in the quotation's topic, and those a warning is sent to (codebook
D35 to D37; dyad rules that :func:`.reactions.across_clauses` runs)."""

from __future__ import annotations

from .french import SKIPPABLE
from .parties import Clauses, phrase_start, preceded_by
from .speech import addressed
from .structures import Mention
from .targets import incise_tokens
from .tokens import phrase_at
from .words import (
    DECLARED_TARGETS,
    IMPOSING_FORMS,
    OWNER_PREPOSITIONS,
    RECIPIENT_PREPOSITIONS,
    TARGETING_FORMS,
    TOPIC_PHRASES,
)


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


def aimed_speech(cl: Clauses, full: bool) -> None:
    """"« Ils se sont mis à détruire l'infrastructure énergétique paneuropéenne », a tonné le
    président russe, visant sans détour Washington et Londres": a quotation whose conflict
    names no actor is aimed at the actors named after ", visant", ", ciblant" or "en visant"
    (``targeting_forms``; adverbs and ``verb_incises`` skipped) once its speaker is named: the
    speaker's conflict with each of them (rule ``aimed_speech``: RUS > USA, RUS > GBR; with
    two actors the co-mention already pairs them)."""
    toks = cl.toks
    speakers, own, after = _named_speakers(cl)
    if not speakers:
        return
    aim = next((k for k in range(after, len(toks) - 1) if toks[k].w in (",", "en")
                and toks[k + 1].w in TARGETING_FORMS), None)
    if aim is None:
        return
    end = next((k for k in range(aim + 2, len(toks)) if toks[k].w in (";", ":")), len(toks))
    skipped = incise_tokens(toks, aim + 2, end) | {
        k for k in range(aim + 2, end) if toks[k].w in SKIPPABLE}
    targets = [m for m in cl.mentions if aim + 1 < m.start < end and m.all_codes()
               and not set(m.all_codes()) & own]
    first = next((k for k in range(aim + 2, end) if k not in skipped), end)
    if not targets or phrase_start(targets[0]) > first + 1:
        return  # "visant les infrastructures de Kiev": a thing aimed at, not an actor
    aim_quotation(cl, speakers, targets)


def topic_speech(cl: Clauses, full: bool) -> None:
    """"« Un cessez-le-feu ne ferait qu'offrir un répit aux forces ukrainiennes », a objecté
    Iouri Ouchakov, au sujet de l'offre américaine", "a balayé Dmitri Peskov au sujet des
    poursuites américaines": a quotation's conflict, said before its speaker, is aimed at
    the actors named in the topic after the attribution ("à propos de", "au sujet de":
    ``topic_phrases``, up to the next comma, ";" or ":"), as at those after ", visant"
    (rule ``topic_speech``: RUS > USA), when the quotation names no other actor."""
    toks = cl.toks
    speakers, own, after = _named_speakers(cl)
    if not speakers:
        return
    reach = range(after, min(len(toks), after + TOPIC_REACH))  # "a lancé Biden à Varsovie à propos"
    at, n = next(((k, n) for k in reach if (n := phrase_at(toks, k, TOPIC_PHRASES))), (0, 0))
    if not n:
        return
    start = at + n
    if start >= len(toks) or toks[start].w not in OWNER_PREPOSITIONS:
        return
    end = next((k for k in range(start, len(toks)) if toks[k].w in (",", ";", ":")), len(toks))
    targets = [m for m in cl.mentions if start < m.start < end and m.all_codes() and not m.place
               and not set(m.all_codes()) & own]
    if targets:
        aim_quotation(cl, speakers, targets)


def _named_speakers(cl: Clauses) -> tuple[list[Mention], set[str], int]:
    """The attribution's speakers that are actors, their codes, and where the last ends."""
    speakers = [m for m in cl.speaker_mentions if m.all_codes()]
    return (speakers, {c for m in speakers for c in m.all_codes()},
            max((m.end for m in speakers), default=0))


def aim_quotation(cl: Clauses, speakers: list[Mention], targets: list[Mention]) -> None:
    """Give the conflict events of the quotation before its speakers the speakers as agents
    and ``targets`` as targets, unless the quotation names its own sides."""
    quoted = min(m.start for m in speakers)
    if any(m.start < quoted and m.all_codes() and not m.pronoun for m in cl.mentions):
        return
    for ev in cl.events:
        if ev.counted and ev.conf and ev.end <= quoted and ev.start not in cl.given:
            cl.given[ev.start] = (speakers, targets)


#: How many words may stand between a speaker and the topic of the quotation.
TOPIC_REACH = 5


def sent_warning(cl: Clauses, full: bool) -> None:
    """"Moscou a adressé à Washington une note diplomatique mettant en garde contre des
    « conséquences imprévisibles » si les transferts d'armements vers l'Ukraine se
    poursuivaient": a threat carried by a document that a sending verb (``imposing_verbs``:
    adresser, imposer...) addresses "à X" threatens X, and the sender threatens it, not the
    actors named in the warning's own condition (rule ``sent_warning``: RUS > USA)."""
    toks = cl.toks
    for ev in cl.events:
        if not (ev.counted and ev.category == "THREATEN") or ev.start in cl.given:
            continue
        lo, _ = cl.window(ev)
        verb = next((k for k in range(ev.start - 1, lo - 1, -1) if toks[k].w in IMPOSING_FORMS), None)
        if verb is None:
            continue
        to = next((m for m in cl.mentions if verb < m.start < ev.start and m.all_codes()
                   and 0 < m.start - verb <= 3 and preceded_by(toks, m, RECIPIENT_PREPOSITIONS)),
                  None)
        senders = [m for m in cl.mentions if lo <= m.start < verb and m.start not in cl.excluded
                   and m.all_codes()]
        if to is not None and senders and not set(to.all_codes()) & {
                c for m in senders for c in m.all_codes()}:
            cl.given[ev.start] = (senders, [to])
