"""Pairs by co-mention: actors a conflict sentence names that no other rule relates.

The last dyad rules of a sentence (:func:`co_mention_pairs`, called by
:func:`.dyads.find_dyads` after every event has paired its own parties): two free
actors of a conflict sentence are in conflict (``co_mention``); two actors of a
sentence with no event word, in a negative tone (``tone``); and the readings of a rival
pair (words ``rival_pairs``: Russia and the United States): named as two sides of a
conflict's clause when no rule related either (``rival_pair``, codebook D39), related by
cooperation only beside an unpaired verbal conflict (``rival_contact``, D40), one related to
a third actor and the other to no one beside an unpaired conflict (``rival_third``, D41).
"""

from __future__ import annotations

from analysis import lexicon as lx
from analysis.tone import THRESHOLD, tone

from .bounds import unlikely_clause
from .events import outside_apposition, past_participle
from .french import DETERMINERS
from .matcher import COORDINATORS, ENEMY_CODES
from .parties import Clauses, phrase_start
from .senses import about_sport
from .structures import Event, Mention
from .synthetic import add_synthetic, synthetic_event
from .targets import unquoted
from .tokens import Tok, label_colon, unique
from .words import (
    AUX,
    COMPLEMENT_PREPOSITIONS,
    RECIPROCAL_HEADS,
    RIVAL_PAIRS,
    UNDERGOING,
    needs_aux,
)


def co_mention_pairs(cl: Clauses, text: str, full: bool) -> None:
    """The co-mention rules, in order: free actors of a conflict, a negative tone, rivals."""
    co_mentioned_conflict(cl)
    toned_co_mention(cl, text, full)
    rival_pair(cl)
    rival_contact(cl)
    rival_third(cl)


def rival_pair(cl: Clauses) -> None:
    """"À l'ONU, Trump traite la Russie de « tigre de papier » et juge que l'Ukraine peut
    reconquérir tout son territoire", "Essais nucléaires : Trump ordonne au Pentagone de se
    mettre « sur un pied d'égalité » avec Moscou et Pékin": the two actors of a rival pair
    (``rival_pairs``) that a conflict's clause names as two sides are opposed when no rule
    related either of them to anyone (rule ``rival_pair``, codebook D39). With three or more
    free actors :func:`co_mentioned_conflict` cannot tell who fights whom; the writers of the
    development probes read these two as opposed in most such sentences. Not one coordinated
    side, not an aside (:func:`co_mention_found`), not a report of what one side suffered."""
    conflicts = [ev for ev in cl.events if ev.conf and ev.counted and not cl.pairs_no_one(ev.start)]
    if not conflicts or undergone_report(cl, conflicts):
        return
    related = {c for pair in cl.contrib for c in pair}
    found = co_mention_found(cl)
    for a, b in RIVAL_PAIRS:
        if a in related or b in related:
            continue  # "Pékin a répondu à la Russie et accuse Washington d'aider Kiev"
        sides = [next((m for m in found if c in m.all_codes()), None) for c in (a, b)]
        if sides[0] is None or sides[1] is None or sides[0] is sides[1] \
                or listed_together(cl, sides):  # type: ignore[arg-type]
            continue
        ev = next((o for o in sorted(conflicts, key=lambda o: -abs(o.weight))
                   if all(cl.window(o)[0] <= m.start < cl.window(o)[1] for m in sides)), None)
        if ev is not None:  # one clause ("Moscou accuse Londres, Washington se tait": two)
            cl.add(a, b, "conf", ev, f"rival:{a}+{b}({ev.shown_term})")


def rival_contact(cl: Clauses) -> None:
    """"Antony Blinken a réclamé, lors d'un appel avec son homologue Sergueï Lavrov, la remise
    en liberté du journaliste", "Marco Rubio et Sergueï Lavrov se sont entretenus ..., le
    secrétaire d'État faisant part de la « déception » de Washington": when the two actors of
    a rival pair (``rival_pairs``) are related by cooperation only, to each other and to no
    one else, a counted verbal conflict (a demand, a reproach, a warning, a rejection) of the
    sentence that paired nobody was said in that contact: the pair is ``mixed`` (rule
    ``rival_contact``, codebook D40). Not a participle that describes a person ("Marc Fogel,
    condamné à quatorze ans de colonie", an aside), not a report of what one side suffered;
    a material conflict in such a sentence is mostly its background ("au lendemain de
    l'interception du drone")."""
    free = [ev for ev in unpaired_conflicts(cl) if ev.quad == "verbal_conf"]
    if not free or undergone_report(cl, free):
        return
    for a, b in RIVAL_PAIRS:
        key = (a, b) if a < b else (b, a)
        if key not in cl.contrib or any(d["relation"] != "coop" for d in cl.contrib[key]) \
                or any(c in pair for pair in cl.contrib if pair != key for c in key):
            continue  # "l'OTAN a condamné les menaces de Moscou, tandis que Washington ..."
        ev = max(free, key=lambda o: abs(o.weight))
        cl.add(a, b, "conf", ev, f"rival_contact:{a}+{b}({ev.shown_term})")


def rival_third(cl: Clauses) -> None:
    """"Selon Moscou, les livraisons d'armes américaines à Kiev font des États-Unis une
    « partie au conflit »": when one rival of a pair (``rival_pairs``)
    is related to a third actor, the other is named as a side and related to no one, and the
    sentence holds a counted conflict that paired nobody, that conflict opposes the two rivals
    (rule ``rival_third``, codebook D41). Not a conflict that is the second rival's own act
    (:func:`own_act`: "Pluie de missiles russes sur Kiev : Washington promet à l'Ukraine ..."),
    nor a hypothetical one, an aside's, a described person's or one suffered."""
    free = [ev for ev in unpaired_conflicts(cl) if ev.modality != "hypothetical"]
    if not free or undergone_report(cl, free):
        return
    found = co_mention_found(cl)
    for a, b in RIVAL_PAIRS:
        if ((a, b) if a < b else (b, a)) in cl.contrib:
            continue
        for x, y in ((a, b), (b, a)):
            if not any(x in p for p in cl.contrib) or any(y in p for p in cl.contrib) \
                    or not any(y in m.all_codes() for m in found):
                continue
            theirs = [ev for ev in free if not own_act(cl, ev, y)]
            if theirs:
                ev = max(theirs, key=lambda o: abs(o.weight))
                cl.add(a, b, "conf", ev, f"rival_third:{a}+{b}({ev.shown_term})")
                break


def own_act(cl: Clauses, ev: Event, code: str) -> bool:
    """Is ``ev`` the act of the actor ``code``: named right after it ("des raids russes"), or,
    for a material act done by a verb, before it in its clause ("et la Russie a mobilisé ses
    troupes"; not a bare participle, whose noun undergoes it: "voir la Russie affaiblie")?"""
    lo = cl.window(ev)[0]
    t = cl.toks[ev.start]
    done = ev.quad == "material_conf" and ev.verb and not (
        (past_participle(t.w, ev.row.term) or t.verbform == "Part")
        and (ev.start == 0 or cl.toks[ev.start - 1].w not in AUX))
    return any(code in m.all_codes() and (ev.end <= m.start <= ev.end + 1 or (
        done and lo <= m.start < ev.start)) for m in cl.mentions)


def unpaired_conflicts(cl: Clauses) -> list[Event]:
    """The counted conflicts of the sentence that no rule paired, none in an aside nor a
    participle describing a person (:func:`described_person`)."""
    aside = described(cl.toks)
    return [ev for ev in cl.events if ev.conf and ev.start not in cl.paired
            and not cl.pairs_no_one(ev.start) and ev.start not in aside
            and not described_person(cl.toks, ev)]


def described_person(toks: list[Tok], ev: Event) -> bool:
    """"le pilote russe Konstantin Iarochenko, condamné aux États-Unis pour trafic": a
    participle right after a comma describes the noun before it (``rival_contact``)."""
    return ev.start > 0 and toks[ev.start - 1].w == "," and needs_aux(toks[ev.start].w)


def co_mentioned_conflict(cl: Clauses) -> None:
    """Actors a conflict sentence names but no rule relates to anyone are in conflict with
    each other (rule ``co_mention``): "le président américain a qualifié son homologue
    russe de « criminel de guerre »", "selon Moscou, les États-Unis ont dissimulé…".
    Only when exactly two such actors remain, and not when they are one coordinated
    object of the conflict ("a blâmé l'Allemagne et l'Autriche" opposes neither to the
    other; "la Russie et les États-Unis ont intensifié les combats" opposes them) or the
    coordinated judges of a verbal one ("une décision que Berlin et Washington ont qualifiée
    de « chantage »"); the comma of a fronted phrase or a new clause between them ("Pour le
    Kremlin, les États-Unis sont devenus « partie prenante »") makes them no list. With
    three or more ("les Allemands ... les Français et les Britanniques") who fights whom
    is not in the words; one compound adjective ("les relations russo-américaines") names
    both sides itself. The speaker counts only when the clause itself names fewer than two
    ("selon Washington, Moscou prépare une invasion de l'Ukraine" is RUS-UKR: rule
    ``co_mention_inner``); actors named inside a relative clause between commas describe
    another and are no side (:func:`described`), nor are those of a headline's label before
    the conflict ("Chars pour Kiev : le Kremlin y voit une provocation des Occidentaux").
    Enemy groups are left to the target rules; an actor already in a dyad is left alone."""
    conflicts = [ev for ev in cl.events if ev.conf and ev.rule != "against"
                 and not cl.pairs_no_one(ev.start)]
    if not conflicts:
        return
    related = {c for pair in cl.contrib for c in pair}
    found = co_mention_found(cl)
    label = label_colon(cl.toks)
    if label in cl.bounds and all(ev.start > label for ev in conflicts):
        found = [m for m in found if m.start > label]  # "Chars pour Kiev : le Kremlin y voit"
    inner = [m for m in found if m.start not in cl.excluded and m not in cl.speaker_mentions]
    codes = free_codes(inner, related)
    if len(codes) != 2:  # "Selon Washington, Moscou prépare une invasion de l'Ukraine": RUS-UKR
        codes = free_codes(found, related)
        if undergone_report(cl, conflicts):
            return  # "le Pentagone affirme que l'armée russe a subi de lourdes pertes"
    if len(codes) != 2:
        return
    sides = [next(m for m in found if codes[k] in m.all_codes()) for k in (0, 1)]
    ev = max(conflicts, key=lambda o: abs(o.weight))
    if listed_together(cl, sides) and (
            min(m.start for m in sides) >= ev.end or judged_together(ev)):
        return  # "a blâmé l'Allemagne et l'Autriche": one side, the conflict's object;
        # "que Berlin et Washington ont qualifiée de « chantage »": one side, its judges
    cl.add_pairs(codes, "conf", ev, f"co_mention:{'+'.join(codes)}({ev.shown_term})")


def toned_co_mention(cl: Clauses, text: str, full: bool) -> None:
    """A sentence with no event word at all that names exactly two actors (as
    :func:`co_mentioned_conflict` counts them) in a negative tone (vaderSentiment-fr's
    compound at most -:data:`~analysis.tone.THRESHOLD`) is a disapproval between them,
    CAMEO 110 (rule ``tone``, codebook D34): "Pour Moscou, Washington reste un
    interlocuteur malhonnête et méprisable". The lexicon had nothing to say; the
    tone tool decides, and the evidence says so (``tone:RUS+USA(-0.44)``). Two actors
    coordinated as one side are no pair ("la Grande-Bretagne et la France", "entre le Soudan
    et la Mauritanie"), as for :func:`co_mentioned_conflict`. A sentence about sport is no
    relation between states ("L'équipe de France a battu la Russie en finale")."""
    if any(ev.counted or ev.quad in lx.CONF_QUADS for ev in cl.events) or about_sport(cl.toks):
        return
    found = co_mention_found(cl)
    codes = free_codes([m for m in found if m.start not in cl.excluded
                        and m not in cl.speaker_mentions], set())
    if len(codes) != 2:
        codes = free_codes(found, set())
    if len(codes) != 2:
        return
    sides = [next(m for m in found if codes[k] in m.all_codes()) for k in (0, 1)]
    if listed_together(cl, sides):
        return
    score = tone([text], "vader")[0]
    if score > -THRESHOLD:
        return
    ev = synthetic_event(cl.toks, 0, 0, "tone", "ACCUSE", "verbal_conf", "110", "tone",
                         codes[1], full)
    ev.evidence = f"tone:{'+'.join(codes)}({score:+.2f})[ACCUSE,{ev.weight:+.1f}]"
    add_synthetic(cl, ev)
    cl.add_pairs(codes, "conf", ev, f"tone:{'+'.join(codes)}({score:+.2f})")


def co_mention_found(cl: Clauses) -> list[Mention]:
    """The actors a co-mention may pair: the sentence's and the speaker's, none inside a
    relative clause between commas ("le général français X, qui commandait les forces de
    l'ONU,": :func:`described`) nor in a clause judged unlikely ("« peu probable » qu'il ait
    été tiré depuis la Russie": :func:`.bounds.unlikely_clause`)."""
    aside = described(cl.toks) | unlikely_clause(cl.toks)
    return [m for m in cl.mentions + [m for m in cl.speaker_mentions if m not in cl.mentions]
            if m.start not in aside]


def listed_together(cl: Clauses, sides: list[Mention]) -> bool:
    """Are two mentions one coordinated side ("la Grande-Bretagne et la France"), with no
    fronted phrase's comma between them (:func:`fronted_apart`)?"""
    return sides[0] is not sides[1] and one_side(cl.toks, sides) and not fronted_apart(cl, sides)


def fronted_apart(cl: Clauses, sides: list[Mention]) -> bool:
    """"Pour le Kremlin, les États-Unis sont devenus « partie prenante »": a comma that ends a
    clause (a fronted phrase) between two actors makes them no list (``co_mention``)."""
    a, b = sorted(sides, key=lambda m: m.start)
    return any(cl.toks[k].w == "," and k in cl.bounds for k in range(a.end, b.start))


def described(toks: list[Tok]) -> set[int]:
    """The words of a relative clause or a participle apposition between commas (", qui
    commandait les forces de l'ONU sur place,"; :func:`.events.outside_apposition`): what it
    names describes an actor; it is no side of a co-mention (rule ``co_mention``)."""
    return set(range(len(toks))) - set(outside_apposition(toks, 0, len(toks)))


def free_codes(ms: list[Mention], related: set[str]) -> list[str]:
    """The codes of ``ms`` in no dyad yet, enemy groups apart."""
    return [c for c in unique(c for m in ms for c in m.all_codes())
            if c not in related and c not in ENEMY_CODES]


def one_side(toks: list[Tok], ms: list[Mention]) -> bool:
    """Two actors coordinated, prepositions or articles repeated ("des États-Unis et d'Israël",
    "un Occident « satanique » et des Américains": a quoted epithet between)."""
    a, b = sorted(ms, key=lambda m: m.start)
    between = [toks[k].w for k in unquoted(toks, a.end, phrase_start(b))]
    return coordinated(toks, [a, b]) or ("et" in between and all(
        w in COORDINATORS or w in COMPLEMENT_PREPOSITIONS or w in DETERMINERS for w in between))


def coordinated(toks: list[Tok], agents: list[Mention]) -> bool:
    """Are the actors one coordinated phrase ("la Russie et les États-Unis"; an enumeration
    "Washington, Paris et Londres", whose commas count when "et" joins its last two)?"""
    ms = sorted(agents, key=lambda m: m.start)
    gaps = [[toks[k].w for k in range(a.end, b.hstart if 0 <= b.hstart < b.start else b.start)]
            for a, b in zip(ms, ms[1:], strict=False)]
    listed = len(gaps) >= 2 and "et" in gaps[-1]
    return all(all(w in COORDINATORS or (listed and w == ",") for w in gap) for gap in gaps)


def judged_together(ev: Event) -> bool:
    """Is ``ev`` an accusation or a threat its coordinated subjects make together ("Berlin et
    Washington ont qualifié de « chantage »"), not a reciprocal one ("échanger des menaces",
    "se menacer") or a standoff ("au coude-à-coude", REJECT)?"""
    term = ev.row.term
    return ev.category in ("ACCUSE", "THREATEN") and not term.startswith(("se ", "s'")) \
        and term.split()[0] not in RECIPROCAL_HEADS


def undergone_report(cl: Clauses, conflicts: list[Event]) -> bool:
    """Does every conflict of the clause follow an undergoing verb ("a subi de lourdes
    pertes", "ont reçu des frappes")? A speaker reporting what another actor suffered does
    not oppose it (rule ``co_mention``)."""
    return all(any(cl.toks[k].w in UNDERGOING for k in range(max(0, ev.start - 3), ev.start))
               for ev in conflicts)
