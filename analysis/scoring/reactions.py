"""Dyad rules for conflict said across clauses: reactions, blame, demands, appositions.

"une aide militaire à l'Ukraine, provoquant la colère de Moscou" and "selon le
Kremlin, les livraisons d'armes américaines ne font que prolonger le conflit" say
that one actor disapproves of another's act without a verb of accusing: those rules
add the disapproval as an ACCUSE event (CAMEO 111, criticize or denounce) between the
two, as :mod:`.dyads` does for "contre X" and "X doit" (the events they build are made
in :mod:`.synthetic`, so every rule adding an event shares one constructor).
The others give an existing conflict event its sides where the clause alone does not
name them: a demand's "que" clause, a closing apposition ("..., une mesure dénoncée à
Moscou comme une escalade"), an object pronoun ("mais Moscou l'a rejeté"), an accused
that is no actor. Codebook D23.
"""

from __future__ import annotations

from .french import DETERMINERS, SKIPPABLE
from .headlines import verbless_label
from .judges import dismayed_party
from .parties import Clauses, agent_like, clause_subject, phrase_start, preceded_by
from .removals import removed_actor
from .spoiling import demand_que
from .structures import Event, Mention
from .synthetic import add_synthetic, synthetic_event
from .threats import aimed_speech, declared_target, sent_warning, topic_speech
from .tokens import Tok, unique
from .treaties import treaty_partner
from .words import (
    ACCUSATION_BRIDGE,
    AGENT_PREPOSITIONS,
    ALLUSION_NOUNS,
    APPOSITION_ARTICLES,
    AUTHORING_FORMS,
    AUX,
    BLAME_OBJECTS,
    BLAME_VERBS,
    DOCUMENT_NOUNS,
    DRAFTING_FORMS,
    INSTIGATION_NOUNS,
    OBJECT_CLITICS,
    OWNER_PREPOSITIONS,
    PREVERBAL_CLITICS,
    PROVOKING_FORMS,
    PURPOSE_MARKERS,
    QUOTE_CHARS,
    REACTION_NOUNS,
    RECIPIENT_PREPOSITIONS,
    SEEING_FORMS,
    needs_aux,
)


def _accuse(cl: Clauses, start: int, end: int, accusers: list[Mention],
            accused: list[Mention], rule: str, full: bool) -> None:
    """Give the conflict event at ``start`` (a lexicon one, or a new ACCUSE) its sides."""
    cl.given[start] = (accusers, accused)
    if any(ev.start == start and ev.conf and ev.counted for ev in cl.events):
        return  # "l'indignation de Moscou": the lexicon's own event, now with its sides
    term = " ".join(t.w for t in cl.toks[start:end])
    add_synthetic(cl, synthetic_event(cl.toks, start, end, term, "ACCUSE", "verbal_conf",
                                      "111", rule, accused[0].code, full))


def _subject(cl: Clauses, before: int) -> Mention | None:
    """The first actor of the sentence before ``before`` that is no recipient or owner
    ("Le Pentagone a annoncé une aide à l'Ukraine": the Pentagon, speaker or not)."""
    return next((m for m in cl.mentions if m.start < before and agent_like(cl.toks, m)), None)


def provoked_reaction(cl: Clauses, full: bool) -> None:
    """"..., provoquant la colère de Moscou", "a suscité l'ire de Pékin": a reaction noun
    (``reaction_nouns``) after a verb of provoking (``provoking_forms``) and before "de X"
    is X's disapproval of the sentence's subject (an ACCUSE event, X > subject), and X
    takes no part in the subject's act (rule ``provoked_reaction``)."""
    toks = cl.toks
    for k in range(1, len(toks) - 2):
        if toks[k].w not in REACTION_NOUNS or not any(
                toks[j].w in PROVOKING_FORMS for j in range(max(0, k - 3), k)):
            continue
        reactor = next((m for m in cl.mentions if m.start > k
                        and preceded_by(toks, m, OWNER_PREPOSITIONS)
                        and m.start - k <= 3), None)
        if reactor is None:
            continue
        provoker = _subject(cl, k)
        if provoker is None or set(provoker.all_codes()) & set(reactor.all_codes()):
            continue
        cl.claimed.add(reactor.start)  # no partner of the provoking act
        _accuse(cl, k, k + 1, [reactor], [provoker], "reaction", full)


def blamed_act(cl: Clauses, full: bool) -> None:
    """"Selon le Kremlin, les livraisons d'armes américaines ne font que prolonger le
    conflit": a verb of prolonging or worsening (``blame_verbs``) a war or its suffering
    (``blame_objects``) whose subject is an actor's act (an aid phrase with its giver, rule
    ``aid_phrase``) or an actor, in what another actor says, is that speaker's blame of the
    actor (an ACCUSE event, speaker > actor; rule ``blamed_act``). Without a speaker it is
    the narrator's judgement, and no dyad."""
    toks = cl.toks
    speakers = [m for m in cl.speaker_mentions if m.all_codes()]
    for k in range(1, len(toks) - 1):
        if toks[k].w not in BLAME_VERBS or not any(
                toks[j].w in BLAME_OBJECTS for j in range(k + 1, min(len(toks), k + 7))):
            continue
        lo, _ = cl.span_window(k, k + 1)
        acts = [ev for ev in cl.events if lo <= ev.start < k and cl.local.get(ev.start)
                and (ev.category in ("AID", "SUPPORT") or "&" in ev.row.term)]
        blamed = [cl.local[acts[-1].start][0]] if acts else [
            m for m in cl.mentions if lo <= m.start < k and m.start not in cl.excluded][:1]
        subject = _subject(cl, lo) if lo > 0 else None  # "..., tout en jugeant que ..."
        accusers = speakers or ([subject] if subject is not None else [])
        if not blamed or not accusers or set(blamed[0].all_codes()) & {
                c for m in accusers for c in m.all_codes()}:
            continue
        _accuse(cl, k, k + 1, accusers, blamed, "blamed", full)


def reported_accused(cl: Clauses, full: bool) -> None:
    """"« La Russie prolonge les combats en privant les Ukrainiens de chauffage », a accusé
    la représentante des États-Unis": an accusation that is the attribution's own verb
    accuses the actor its reported words name first, before any act of theirs (their
    subject), not the act's victims or recipients (rule ``reported_accused``); so does a
    demand ("« Les États-Unis doivent cesser d'inonder l'Ukraine de munitions », a exigé
    l'ambassadeur russe": RUS > USA, D35)."""
    speakers = [m for m in cl.speaker_mentions if m.all_codes()]
    if not speakers:
        return
    said = {c for m in speakers for c in m.all_codes()}
    for ev in cl.events:
        if ev.category not in ("ACCUSE", "REQUEST") or not ev.counted or ev.start not in cl.excluded \
                or ev.start in cl.given:
            continue
        until = min((o.start for o in cl.events if o.counted and o.start not in cl.excluded),
                    default=len(cl.toks))
        subject = next((m for m in cl.mentions if m.start < until
                        and m.start not in cl.excluded and m not in speakers), None)
        if subject is not None and not set(subject.all_codes()) & said:
            cl.given[ev.start] = (speakers, [subject])


def quoted_judgement(cl: Clauses, full: bool) -> None:
    """"« La décision de la Russie est profondément regrettable et irresponsable », a réagi
    Antony Blinken, se disant disposé à discuter avec Moscou": a verbal conflict inside the
    quotation whose clause names one actor besides the speaker's side ("nous" included) is
    the speaker's judgement of that actor (rule ``quoted_judgement``: USA > RUS), whatever
    else the sentence relates them by (the co-mention leaves actors related elsewhere
    alone)."""
    speakers = [m for m in cl.speaker_mentions if m.all_codes()]
    if not speakers:
        return
    said = {c for m in speakers for c in m.all_codes()}
    for ev in cl.events:
        if not (ev.counted and ev.conf and cl.toks[ev.start].quoted) \
                or ev.start in cl.given or ev.start in cl.excluded:
            continue
        lo, hi = cl.window(ev)
        named = [m for m in cl.mentions if lo <= m.start < hi and m.start not in cl.excluded
                 and cl.toks[m.start].quoted and not set(m.all_codes()) & said]
        if ev.quad != "verbal_conf" and not (
                named and all(m.end <= ev.start for m in named) and ev.modality != "hypothetical"
                and not undergoing_form(cl.toks, ev)):
            continue  # a material act: its one actor named before it is its author
        if len({c for m in named for c in m.all_codes()}) == 1:  # "nous" is the speaker's
            cl.given[ev.start] = (speakers, named)


def undergoing_form(toks: list[Tok], ev: Event) -> bool:
    """A passive or a bare participle ("a été bombardée", "les villes détruites")."""
    return ev.verb and needs_aux(toks[ev.start].w)


def demanded_subject(cl: Clauses, full: bool) -> None:
    """"Washington a exigé que la Russie rende à l'Ukraine le contrôle de la centrale": the
    subject of the "que" clause right after a demand verb is the demand's addressee, its
    target (REQUEST, USA > RUS), even when what is demanded is no lexicon event; a few words
    may stand between the verb and "que" (rule ``demanded_subject``)."""
    toks = cl.toks
    for ev in cl.events:
        if ev.category != "REQUEST" or not ev.verb or not ev.counted or ev.start in cl.given:
            continue
        que = demand_que(toks, ev.end)
        if que is None or any(ev.end <= m.start < que for m in cl.mentions):
            continue  # "a exigé mercredi par 141 voix que la Russie retire ...": words between
        addressee = next((m for m in cl.mentions if que < m.start <= que + 3), None)
        if addressee is None or any(t.w not in DETERMINERS for t in toks[que + 1:addressee.start]):
            continue
        lo, _ = cl.window(ev)
        agents = [m for m in cl.mentions if lo <= m.start < ev.start and m.start not in cl.excluded
                  ] or [m for m in cl.speaker_mentions if m.all_codes()]
        if agents and not set(addressee.all_codes()) & {c for m in agents for c in m.all_codes()}:
            cl.given[ev.start] = (agents, [addressee])


def judged_apposition(cl: Clauses, full: bool) -> None:
    """"Joe Biden a signé la loi de prêt-bail, une mesure dénoncée à Moscou comme une
    « escalade »", "..., une « ligne rouge » selon le Kremlin", "..., une offre accueillie avec
    scepticisme par le département d'État": a closing apposition (a comma, then "un/une")
    holding a verbal conflict event and an actor is that actor's judgement of the sentence's
    subject (X > subject), not a party to the subject's act (rule ``judged_apposition``);
    one naming an allusion to an actor makes that actor the target (:func:`allusion_target`)."""
    toks = cl.toks
    comma = next((k for k in range(len(toks) - 2, 0, -1) if toks[k].w == ","
                  and toks[k + 1].w in APPOSITION_ARTICLES), None)
    if comma is None:
        return
    judged = [ev for ev in cl.events if ev.start > comma and ev.counted and ev.conf
              and ev.quad == "verbal_conf" and ev.start not in cl.given]
    judges = [m for m in cl.mentions if m.start > comma]
    provoker = _subject(cl, comma)
    if not judged and provoker is not None and len(judges) == 1 and any(
            toks[k].w in ALLUSION_NOUNS for k in range(comma + 2, min(comma + 5, len(toks)))):
        allusion_target(cl, comma, provoker, judges[0])
        return
    if not judged or len({c for m in judges for c in m.all_codes()}) != 1 or provoker is None \
            or set(provoker.all_codes()) & set(judges[0].all_codes()):
        return  # one judge, perhaps named twice ("l'ambassadeur de Russie, Anatoli Antonov,")
    cl.claimed.add(judges[0].start)  # no partner of the subject's act
    for ev in judged:
        cl.given[ev.start] = (judges, [provoker])


def accused_cooperation(cl: Clauses, acc: Event) -> Event | None:
    """The cooperation an accusation's "de" introduces: right after it, or after the words
    of a perfect infinitive (``accusation_bridge``: "accusés d'avoir été en contact avec")."""
    toks, k = cl.toks, acc.end
    if acc.category != "ACCUSE" or acc.negated or k + 1 >= len(toks) or toks[k].w != "de":
        return None
    j = k + 1
    while j < len(toks) and toks[j].w in ACCUSATION_BRIDGE:
        j += 1
    coop = next((e for e in cl.events if e.start == j and e.coop), None)
    return None if coop is None or coop.start in cl.local else coop


def unnamed_accused(cl: Clauses, full: bool) -> None:
    """"Washington a sanctionné une trentaine d'entreprises accusées d'aider l'armée russe":
    the cooperation an accusation's "de" introduces belongs to the accused, and when the
    accused is no actor (no mention right before the accusation or right after it) it pairs
    no one with the accuser or the sentence's subject (rule ``unnamed_accused``; a named
    accused is ``accused_agent``'s, or ``participle_accused``'s)."""
    for acc in cl.events:
        coop = accused_cooperation(cl, acc)
        if coop is None or any(acc.start - 3 <= m.end <= acc.start or 0 <= m.start - acc.end <= 3
                               for m in cl.mentions):
            continue
        _, hi = cl.window(coop)
        after = [m for m in cl.mentions if coop.end <= m.start < hi]
        if after:
            cl.local[coop.start] = after[:1]
            cl.complete.add(coop.start)


def participle_accused(cl: Clauses, full: bool) -> None:
    """"La Russie a ordonné l'expulsion de deux diplomates américains, accusés d'avoir été en
    contact avec un employé du consulat": the cooperation a past participle of accusation
    attributes to the actor right before it (a comma between or not) is that actor's with
    the actors after it, not the sentence's (rule ``participle_accused``: no RUS-USA
    cooperation)."""
    for acc in cl.events:
        if not (acc.verb and acc.end - acc.start == 1 and needs_aux(cl.toks[acc.start].w)):
            continue
        coop = accused_cooperation(cl, acc)
        accused = next((m for m in cl.mentions if acc.start - 2 <= m.end <= acc.start), None)
        if coop is None or accused is None:
            continue
        _, hi = cl.window(coop)
        cl.local[coop.start] = [accused] + [m for m in cl.mentions if coop.end <= m.start < hi]
        cl.complete.add(coop.start)


def relative_agent(cl: Clauses, full: bool) -> None:
    """"Washington a sanctionné des sociétés turques qui aident Moscou", "des entités, dont des
    sociétés turques et émiraties qui aideraient Moscou": a cooperation verb right after "qui"
    (a clitic, "ne" or an auxiliary between) is the act of the actors named right before
    "qui", its antecedent, with the actors after it, not the main clause's (rule
    ``relative_agent``: TUR-RUS, no RUS-USA cooperation); an antecedent that names no actor
    ("des sociétés qui aideraient Moscou") pairs no one, as an unnamed accused (D24)."""
    toks = cl.toks
    for ev in cl.events:
        if not (ev.coop and ev.verb and ev.counted) or ev.start in cl.local:
            continue
        q = ev.start - 1
        while q > 0 and ev.start - q <= 3 and (toks[q].w in PREVERBAL_CLITICS or toks[q].w == "ne"
                                               or toks[q].w in AUX):
            q -= 1
        if toks[q].w != "qui":
            continue
        before = [m for m in cl.mentions if q - RELATIVE_REACH <= m.start and m.end <= q]
        if any(toks[k].pos in ("VERB", "AUX") or toks[k].punct
               for k in range(before[0].end if before else q - 1, q)):
            continue
        _, hi = cl.window(ev)
        after = [m for m in cl.mentions if ev.end <= m.start < hi]
        if before or (after and toks[q - 1].w.isalpha() and not toks[q - 1].title):
            cl.local[ev.start] = before + after if before else after[:1]  # "des sociétés qui"
            cl.complete.add(ev.start)  # an unnamed antecedent pairs no one


#: How many words before "qui" the antecedent's actors may start ("des sociétés turques et
#: émiraties qui": 4).
RELATIVE_REACH = 4


def clitic_target(cl: Clauses, full: bool) -> None:
    """"Washington a proposé un accord, mais Moscou l'a rejeté": a conflict verb whose object
    is a preverbal pronoun (le, la, les; an auxiliary between) and whose clause names no other
    actor acts on the sentence's first actor of another code, whose act or offer the pronoun
    takes up (rule ``clitic_target``); after "pour", the pronoun is the actor just named, a
    comma between them or not, and the agent the subject ("a rencontré Narychkine pour le
    mettre en garde")."""
    toks = cl.toks
    for ev in cl.events:
        k = ev.start - 1
        if k > 0 and toks[k].w in AUX:
            k -= 1
        if not (ev.verb and ev.counted and ev.conf) or ev.start in cl.given or k < 1 \
                or toks[k].w not in OBJECT_CLITICS:
            continue
        purpose = toks[k - 1].w in PURPOSE_MARKERS
        agent = next((m for m in reversed(cl.mentions) if m.end <= k), None)
        reach = k - 1 - (purpose and k >= 2 and toks[k - 2].w == ",")  # "Narychkine, pour le"
        if agent is None or agent.end < reach or any(  # "Moscou l'a rejeté": agent, clitic
                m.start > ev.end for m in cl.mentions if cl.window(ev)[1] > m.start):
            continue
        codes = set(agent.all_codes())
        target = next((m for m in cl.mentions if m.end <= agent.start and m.start not in cl.excluded
                       and not codes & set(m.all_codes())), None)
        if target is not None and purpose:
            agent, target = target, agent  # "a rencontré X pour le mettre en garde": X the object
        if target is not None:
            cl.given[ev.start] = ([agent], [target])
            if not purpose:  # the meeting stays: "a rencontré X pour le mettre en garde"
                cl.claimed.add(agent.start)  # no partner of the act it rejects


def allusion_target(cl: Clauses, comma: int, speaker: Mention, target: Mention) -> None:
    """"Poutine a assuré qu'il n'était « pas en train de bluffer », une allusion à peine
    voilée aux États-Unis": a closing apposition naming an allusion or a message
    (``allusion_nouns``) to an actor gives the sentence's conflict events that actor as
    their target and the subject as their agent; part of ``judged_apposition``."""
    if set(speaker.all_codes()) & set(target.all_codes()):
        return
    for ev in cl.events:
        if ev.start < comma and ev.counted and ev.conf and ev.start not in cl.given:
            cl.given[ev.start] = ([speaker], [target])


def seen_as(cl: Clauses, full: bool) -> None:
    """"Biden promet des chars Abrams, Moscou y voit une « provocation flagrante »", "inquiète
    la Maison Blanche, qui y voit une menace": a verbal conflict noun right after "y voir"
    (``seeing_forms``) is the judgement of the actor before "y" on the sentence's first actor
    of another code, whose act "y" takes up (rule ``seen_as``; a headline's topic before a
    colon and a recipient are not it)."""
    toks = cl.toks
    for ev in cl.events:
        if not (ev.counted and ev.conf) or ev.verb or ev.start in cl.given:
            continue
        k = next((j for j in range(ev.start - 1, max(0, ev.start - 5), -1)
                  if toks[j].w in SEEING_FORMS and toks[j - 1].w in ("y", "a", "ont")), None)
        if k is None:
            continue
        y = k - 1 if toks[k - 1].w == "y" else k - 2
        if y < 1 or toks[y].w != "y":
            continue
        judge = next((m for m in reversed(cl.mentions) if m.end <= y and y - m.end <= 2), None)
        if judge is None:
            continue
        codes = set(judge.all_codes())
        judged = next((m for m in cl.mentions if m.end <= judge.start
                       and not codes & set(m.all_codes()) and toks[m.end].w != ":"
                       and not preceded_by(toks, m, RECIPIENT_PREPOSITIONS)), None)
        if judged is not None:
            cl.given[ev.start] = ([judge], [judged])
            cl.claimed.add(judge.start)


def drafted_by(cl: Clauses, full: bool) -> None:
    """"la Russie a mis son veto à une résolution rédigée par les États-Unis et l'Albanie",
    "... à une résolution américano-albanaise": the drafters ("rédigée/présentée/déposée par
    X": ``drafting_forms``, or a compound adjective of two or more actors right after a
    ``document_nouns`` word) of what a rejection rejects are its target (RUS > USA, RUS >
    ALB), as a drafter's adjective is (codebook D23; rule ``drafted_by``). With no actor before
    the rejection, its own adjective is its author ("veto russe à ...", D34). The authors of
    what a rejection or an accusation condemns are its target too ("Joe Biden a étrillé
    l'invasion décidée par le maître du Kremlin": ``authoring_forms``, D35)."""
    for ev in cl.events:
        if not (ev.counted and ev.conf and ev.category in ("REJECT", "ACCUSE")) \
                or ev.start in cl.given:
            continue
        drafters = drafting_agents(cl, ev)
        lo, _ = cl.window(ev)
        agents = [m for m in cl.mentions if lo <= m.start < ev.start and m.start not in cl.excluded
                  ] or [m for m in cl.mentions if m.start == ev.end and m.kind == "adjective"
                        and m not in drafters]  # "veto russe à une résolution américano-japonaise"
        if drafters and agents:
            cl.given[ev.start] = (agents[-1:], drafters)


#: Participles before "par X" that name the author of what a rejection rejects.
REJECTED_AUTHOR_FORMS = DRAFTING_FORMS | AUTHORING_FORMS

#: How far after a rejection "par" may name the drafters: past the document's forum ("son
#: veto à une résolution du Conseil de sécurité, présentée par les États-Unis").
DRAFTER_REACH = 12


def drafting_agents(cl: Clauses, ev: Event) -> list[Mention]:
    """The actors "par" names after a drafting participle a few words after ``ev``, or one
    compound adjective of several actors right after a document noun."""
    toks = cl.toks
    near = range(ev.end + 1, min(ev.end + DRAFTER_REACH, len(toks)))
    forms = AUTHORING_FORMS if ev.category == "ACCUSE" else REJECTED_AUTHOR_FORMS
    par = next((k for k in near if toks[k].w == "par" and toks[k - 1].w in forms), None)
    if par is None and ev.category == "ACCUSE":
        return []
    if par is None:
        return [m for m in cl.mentions if m.start in near and len(m.all_codes()) >= 2
                and m.kind == "adjective" and toks[m.start - 1].w in DOCUMENT_NOUNS][:1]
    drafters: list[Mention] = []
    pos = par + 1
    for m in sorted(cl.mentions, key=lambda m: m.start):
        if m.start < pos:
            continue
        if any(t.w not in DETERMINERS and t.w not in ("et", ",") for t in toks[pos:phrase_start(m)]):
            break
        drafters.append(m)
        pos = m.end
    return drafters


def _reacting_subject(cl: Clauses, ev: Event) -> tuple[int, list[Mention]] | None:
    """Where a reaction verb's clause starts and the actors it names before the verb, when
    the clause is not the sentence's first and names no actor after the verb (its object is
    an act: "a dénoncé une « provocation »", "que la Maison Blanche a salué"); a headline's
    clause after a comma counts ("..., Washington et Londres dénoncent une manœuvre")."""
    lo, hi = cl.window(ev)
    inside = [m for m in cl.mentions if lo <= m.start < hi and m.start not in cl.excluded]
    if any(m.start >= ev.end for m in inside):
        return None
    if lo == 0 or cl.toks[lo - 1].w == ":":  # the first clause, or the first after a label
        label = verbless_label(cl.toks)  # "Chars américains pour Kiev : Moscou dénonce ..."
        after = label + 1 if label is not None and label < ev.start else 0
        lo = juxtaposed_subject(cl.toks, inside, ev.start) or after
    subjects = [m for m in inside if lo <= m.start < ev.start]
    return (lo, subjects) if lo > 0 and subjects else None


#: How many words may stand between a juxtaposed clause's subject and its verb ("Washington
#: a aussitôt dénoncé": 2).
VERB_GAP = 3


def juxtaposed_subject(toks: list[Tok], mentions: list[Mention], verb: int) -> int:
    """Where the subject of ``verb`` starts when a comma puts it after another clause
    ("Moscou accuse les « Anglo-Saxons », Washington dénonce une « désinformation »"): the
    actors between the last comma before the verb and the verb, with nothing between them
    and the verb but auxiliaries, clitics and skippable words; 0 when there are none (part of
    ``answered_act``)."""
    comma = next((k for k in range(verb - 1, 0, -1) if toks[k].w == ","), None)
    group = [m for m in mentions if comma is not None and comma < m.start < verb]
    if comma is None or not group or any(
            toks[k].w not in DETERMINERS for k in range(comma + 1, phrase_start(group[0]))):
        return 0
    gap = range(max(m.end for m in group), verb)
    if len(gap) > VERB_GAP or any(toks[k].w not in AUX and toks[k].w not in PREVERBAL_CLITICS
                                  and toks[k].w not in SKIPPABLE for k in gap):
        return 0
    return comma + 1


def _act_before(cl: Clauses, lo: int, conflict: bool) -> Event | None:
    """The last counted event of the clauses before ``lo`` (a conflict one if asked)."""
    return next((e for e in sorted(cl.events, key=lambda e: -e.start)
                 if e.end <= lo and e.counted and (e.conf or not conflict)), None)


#: What a later clause's reaction may be to answer the clause before: a denunciation, a
#: protest, a rejection or a threat ("Des Patriot américains pour Kiev : Moscou promet une
#: riposte").
ANSWERING_CATEGORIES = ("ACCUSE", "PROTEST", "REJECT", "THREATEN")


def answered_act(cl: Clauses, full: bool) -> None:
    """"La Maison Blanche a annoncé l'envoi de 31 chars à l'Ukraine, ..., et l'ambassadeur
    russe a aussitôt dénoncé une « provocation »", "Moscou saisit le Conseil de sécurité,
    Washington et Londres dénoncent une manœuvre": a denunciation, a rejection or a threat
    (``ANSWERING_CATEGORIES``) in a later clause that names only its subject answers the clause
    before; its target is that clause's subject (coordinated actors with it; after a
    headline's colon), or the one who announced its act (rule ``answered_act``). Not when it
    spoils a cooperation it names ("Moscou dénonce un accord « à sens unique »")."""
    for ev in cl.events:
        if not (ev.verb and ev.counted and ev.category in ANSWERING_CATEGORIES) \
                or ev.start in cl.given or any(  # "dénonce un accord": its object is that
                    e.rule == "spoiled" and 0 <= e.start - ev.end <= 4 for e in cl.events):
            continue
        found = _reacting_subject(cl, ev)
        if found is None:
            continue
        lo, subjects = found
        act = _act_before(cl, lo, conflict=False)
        start = max([cl.window(act)[0] if act is not None else 0] + [
            k + 1 for k in range(lo - 1) if cl.toks[k].w == ":"])  # after a headline's topic
        agents = clause_subject(cl, start, lo) or [
            m for m in cl.speaker_mentions[:1] if m.end <= lo]  # "X a annoncé l'envoi"
        codes = {c for m in subjects for c in m.all_codes()}
        if agents and not {c for m in agents for c in m.all_codes()} & codes:
            cl.given[ev.start] = (subjects, agents)


def praised_act(cl: Clauses, full: bool) -> None:
    """"un neuvième paquet de sanctions contre Moscou, que la Maison Blanche a aussitôt
    salué": praise (CAMEO 051) in a later clause that names only its subject, of the
    conflict act of the clause before, makes the praiser a party to that act: against its
    targets, beside its agents (rule ``praised_act``); so does a praising participle with
    "par X" after the act ("..., un vote salué par la Maison-Blanche comme un « moment
    historique »"). Runs after the other dyad rules, on the sides they gave the act."""
    for ev in cl.events:
        if not (ev.verb and ev.counted and ev.coop and ev.row.cameo == "051"):
            continue
        found = _reacting_subject(cl, ev)
        if found is None and needs_aux(cl.toks[ev.start].w):
            judges = _passive_agents(cl, ev)  # "un vote salué par la Maison-Blanche"
            found = (ev.start, judges) if judges else None
        if found is None:
            continue
        act = _act_before(cl, found[0], conflict=True)
        if act is None:
            continue
        _join_act(cl, act, found[1], f"praise:{ev.shown_term}>{act.shown_term}", ev)


def passive_praise(cl: Clauses, full: bool) -> None:
    """"L'Assemblée générale a exigé que la Russie retire ses troupes d'Ukraine, un vote salué
    par la Maison-Blanche": a praising participle's (CAMEO 051) parties are the actors of its
    "par X" alone, not the clause's others (rule ``passive_praise``); ``praised_act`` then
    makes them parties to the act praised."""
    for ev in cl.events:
        if ev.verb and ev.counted and ev.coop and ev.row.cameo == "051" \
                and needs_aux(cl.toks[ev.start].w) and ev.start not in cl.local:
            judges = _passive_agents(cl, ev)
            if judges:
                cl.local[ev.start] = judges


def _join_act(cl: Clauses, act: Event, joiners: list[Mention], evidence: str,
              coop: Event | None) -> None:
    """Make ``joiners`` parties to the conflict ``act``: in conflict with its targets, and
    (through ``coop``, when given) in cooperation with its agents, as the other dyad rules
    gave them."""
    sides = [(c["source"], c["target"]) for pair in cl.contrib.values() for c in pair
             if c["evidence"] == act.evidence and c["relation"] == "conf" and c["target"]]
    for code in unique(c for m in joiners for c in m.all_codes()):
        for source, target in sides:
            if code not in (source, target):
                cl.add(code, target, "conf", act, evidence, code, target)
                if coop is not None:
                    cl.add(code, source, "coop", coop, coop.evidence, code, source)


def instigated_act(cl: Clauses, full: bool) -> None:
    """"L'ONU suspend la Russie du Conseil des droits de l'homme à l'initiative de
    Washington": the actor at whose initiative or request (``instigation_nouns`` + de) a
    conflict act is done, named after it in its clause, joins it against its targets (rule
    ``instigated_act``; whether it cooperates with the agents is not in the words). Runs
    after the other dyad rules."""
    toks = cl.toks
    for m in cl.mentions:
        k = m.start - 1  # not the phrase's start: "initiative de X" may head the phrase
        while k > 0 and toks[k].w in DETERMINERS and toks[k].w != "de":
            k -= 1  # "à la demande de la Pologne"
        if k < 2 or toks[k].w != "de" or toks[k - 1].w not in INSTIGATION_NOUNS:
            continue
        lo = cl.span_window(m.start, m.end)[0]
        act = next((e for e in sorted(cl.events, key=lambda e: -e.start)
                    if lo <= e.start and e.end <= k - 1 and e.counted and e.conf), None)
        if act is not None:
            _join_act(cl, act, [m], f"instigated:{toks[k - 1].w}>{act.shown_term}", None)


def passive_judge(cl: Clauses, full: bool) -> None:
    """"une visite d'État ..., dénoncée par Washington comme une « couverture diplomatique »",
    "après avoir été vivement critiqué par ses homologues occidentaux": a verbal conflict verb
    as a past participle with "par X" after it is X's judgement of the sentence's subject
    (X > subject); X takes no part in the subject's act (rule ``passive_judge``). The judges
    are the actors between "par" and the next punctuation or "comme"."""
    toks = cl.toks
    for ev in cl.events:
        if not (ev.verb and ev.counted and ev.quad == "verbal_conf") or ev.start in cl.given \
                or not needs_aux(toks[ev.start].w):
            continue
        judges = _passive_agents(cl, ev)
        judged = _subject(cl, ev.start)
        if not judges or judged is None or set(judged.all_codes()) & {
                c for m in judges for c in m.all_codes()}:
            continue
        cl.claimed.update(m.start for m in judges)  # no partner of the subject's act
        cl.given[ev.start] = (judges, [judged])


def _passive_agents(cl: Clauses, ev: Event) -> list[Mention]:
    """The actors of "par X" right after the participle ``ev`` (two skippable words allowed
    between), up to the next punctuation or "comme" ("dénoncée par Washington comme ...")."""
    toks = cl.toks
    k = ev.end
    while k < len(toks) - 1 and toks[k].w in SKIPPABLE and k - ev.end < 2:
        k += 1
    if k >= len(toks) or toks[k].w not in AGENT_PREPOSITIONS:
        return []
    stop = next((j for j in range(k + 1, len(toks)) if toks[j].w == "comme" or (
        toks[j].punct and toks[j].w not in QUOTE_CHARS)), len(toks))
    return [m for m in cl.mentions if k < m.start < stop and m.start not in cl.excluded]


def across_clauses(cl: Clauses, full: bool) -> None:
    """The rules of this module (and ``treaty_partner``) that give events their sides before
    the dyads are read, in their order (``praised_act`` runs after them, on the sides
    found)."""
    for rule in (provoked_reaction, blamed_act, reported_accused, removed_actor, demanded_subject,
                 passive_judge, judged_apposition, clitic_target, seen_as, drafted_by, declared_target,
                 aimed_speech, topic_speech, sent_warning, dismayed_party, answered_act, treaty_partner,
                 quoted_judgement, passive_praise):
        rule(cl, full)
