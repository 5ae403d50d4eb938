"""Which named actor a conflict act targets: its object, "contre X", the owner of its object
noun, the place struck, the actor it is imposed on (the target rules :mod:`.dyads` reads).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .french import DETERMINERS, SKIPPABLE
from .matcher import ENEMY_CODES, incise_length
from .nominal import affiliated_object, authored_object
from .parties import phrase_start, preceded_by
from .structures import Event, Mention
from .tokens import Tok
from .words import (
    ADJECTIVE_COORDINATORS,
    AGAINST_PREPOSITIONS,
    COMPLEMENT_PREPOSITIONS,
    DETERMINER_QUANTIFIERS,
    DRAFT_NOUNS,
    FORUM_CODES,
    IMPOSING_FORMS,
    NAMING_FORMS,
    OWNER_PREPOSITIONS,
    PRENOMINAL_ADJECTIVES,
    QUANTIFIERS,
    QUANTITY_WORDS,
    QUOTE_CHARS,
    RECIPIENT_PREPOSITIONS,
    REMOVAL_TERMS,
    STRIKE_PREPOSITIONS,
    TARGET_PREPOSITIONS,
    TARGETED_CATEGORIES,
    TARGETED_VERB_CATEGORIES,
)

#: How many words a quoted epithet or manner may hold between a verb and its object
#: ("a condamné « avec la plus grande fermeté » les raids américains": 5, marks apart).
QUOTED_REACH = 5


def is_target(toks: list[Tok], ev: Event, m: Mention, event_tokens: set[int]) -> bool:
    """Daech/TER, "contre X", the object of a conflict verb (frapper X), or the nationality
    adjective of a coercive or verbal conflict's object noun (rule ``object_adjective``)."""
    if m.code in ENEMY_CODES or removed_from(toks, ev, m):
        return True
    if preceded_by(toks, m, AGAINST_PREPOSITIONS) or noun_target(toks, ev, m) \
            or object_owner(toks, ev, m) or imposed_on(toks, ev, m) or strike_target(toks, ev, m) \
            or authored_object(toks, ev, m) or affiliated_object(toks, ev, m) \
            or appositive_object(toks, ev, m, event_tokens) or accused_recipient(toks, ev, m):
        return True
    if m.kind == "adjective" and m.title and not m.on_title and not m.person \
            and m.hstart not in event_tokens and ev.row.category in TARGETED_CATEGORIES \
            and ev.end <= m.hstart < ev.end + max(7, object_reach(toks, ev.end)):
        return True  # "un plafonnement du prix du pétrole russe": the object's adjective
    if ev.verb and m.start >= ev.end:
        between = unquoted(toks, ev.end, phrase_start(m))  # l'« horrible » frappe russe
        quoted = phrase_start(m) - ev.end - len(between)
        incise = incise_tokens(toks, ev.end, phrase_start(m))  # "a harcelé à trois reprises"
        between = [k for k in between if k not in incise]
        if len(between) <= 6 and quoted <= QUOTED_REACH + 2 and all(
                toks[k].w in SKIPPABLE or k in event_tokens or toks[k].w in QUANTIFIERS
                or toks[k].w in QUANTITY_WORDS  # "a sanctionné plus de 300 députés de la Douma"
                or toks[k].w.isdigit() or toks[k].w in PRENOMINAL_ADJECTIVES or toks[k].w == "de"
                for k in between):
            return True  # "a expulsé douze diplomates russes", "de nouvelles livraisons"
    return False


def removed_from(toks: list[Tok], ev: Event, m: Mention) -> bool:
    """"a exclu plusieurs banques russes du réseau SWIFT": the actor right before "de" and a
    removal term (words ``removal_terms``) is the one cut off, the sanction's target (rule
    ``removed_from``)."""
    return ev.row.term in REMOVAL_TERMS and m.end < ev.start <= m.end + 2 \
        and toks[ev.start - 1].w in OWNER_PREPOSITIONS


def object_reach(toks: Sequence[Any], end: int) -> int:
    """How many words after an act ``object_heads`` reads: four, plus every weekday, adverb,
    number or quantity word on the way ("a sanctionné vendredi plus d'un millier
    d'entités"), plus two past each coordinator ("de pétrole, de gaz et de charbon russes")."""
    reach, k = 4, end
    while k < min(end + reach, len(toks)):
        w = toks[k].w
        if w.isdigit() or w in QUANTITY_WORDS or (w in SKIPPABLE and w not in DETERMINERS) or (
                w in ("un", "une") and k + 1 < len(toks) and toks[k + 1].w in QUANTITY_WORDS):
            reach += 1  # "plus d'un millier de": no word of the object yet
        elif w in ADJECTIVE_COORDINATORS:
            reach += 2  # "les importations de pétrole et de gaz russes": every noun heads it
        k += 1
    return reach


#: How far after an accusation verb its "à X" may stand ("imputer à Washington": 2 words).
ACCUSED_REACH = 2


def accused_recipient(toks: list[Tok], ev: Event, m: Mention) -> bool:
    """"Moscou s'obstine à imputer à Washington le sabotage de Nord Stream", "lui reprochant
    ...": the actor right after an accusation verb through "à" is the one accused, its target
    (rule ``accused_recipient``); so is the one a threat is promised to ("Joe Biden promet une
    riposte « sévère » à Moscou", D35; quoted words not counted; not a forum, where a warning
    is given: "a averti à l'ONU que")."""
    if ev.category == "THREATEN" and m.code in FORUM_CODES:
        return False
    return ev.verb and ev.category in ("ACCUSE", "THREATEN") and m.start >= ev.end \
        and 0 < len(unquoted(toks, ev.end, phrase_start(m))) <= ACCUSED_REACH \
        and preceded_by(toks, m, RECIPIENT_PREPOSITIONS)


#: How many common words may describe a named object before its name ("les géants pétroliers").
APPOSITION_REACH = 2


def appositive_object(toks: list[Tok], ev: Event, m: Mention, event_tokens: set[int]) -> bool:
    """"a sanctionné les géants pétroliers Rosneft et Lukoil", "a frappé le groupe Wagner":
    a name right after its object's determiner and one or two common words that describe it
    is the conflict verb's object (rule ``appositive_object``)."""
    if not (ev.verb and ev.conf) or m.kind == "adjective" or m.start < ev.end \
            or not toks[m.start].text[:1].isupper():
        return False
    k = ev.end
    while k < m.start and (toks[k].w in SKIPPABLE or toks[k].w in QUOTE_CHARS):
        k += 1
    if k == ev.end or toks[k - 1].w not in DETERMINERS:
        return False  # "a frappé Kiev" is the plain object; "a frappé hier Kiev" no apposition
    words = range(k, m.start)
    return 0 < len(words) <= APPOSITION_REACH and all(
        toks[j].w.isalpha() and not toks[j].title and j not in event_tokens
        and toks[j].w not in COMPLEMENT_PREPOSITIONS and toks[j].pos not in ("VERB", "AUX", "ADP")
        for j in words)


def imposed_on(toks: list[Tok], ev: Event, m: Mention) -> bool:
    """"La Russie a imposé des sanctions aux États-Unis", "les sanctions imposées par la
    Russie aux États-Unis": "à X" a few words after a conflict noun that an imposing verb
    (``imposing_verbs``) governs is its target (rule ``imposed_on``)."""
    if ev.verb or not ev.end < phrase_start(m) <= ev.end + 6:
        return False
    near = range(max(0, ev.start - 4), min(len(toks), ev.end + 2))
    if not any(toks[k].w in IMPOSING_FORMS for k in near):
        return False
    return preceded_by(toks, m, RECIPIENT_PREPOSITIONS)


def object_owner(toks: list[Tok], ev: Event, m: Mention) -> bool:
    """"a rejeté les exigences de Moscou", "a dénoncé les propos de Joe Biden", "a jugé
    « ridicules » les allégations de Vladimir Poutine": the owner ("de X") of a conflict
    verb's (or named judgement's) object noun is the act's target (rule ``object_owner``; a
    preposition "contre" may govern the object: "s'est insurgé contre la participation des
    États-Unis"): determiners, at most two words (a quoted epithet not counted: "rejettent des accusations
    « manifestement fausses » de Moscou"), then "de", nothing else between."""
    if not (ev.verb or named_judgement(toks, ev)) or m.start < ev.end:
        return False
    start = ev.end
    while start < m.start and toks[start].w in QUOTE_CHARS:
        start += 1  # "a jugé « ridicules » les allégations de X"
    while start < m.start and toks[start].w in SKIPPABLE and toks[start].w not in DETERMINERS:
        start += 1  # "s'est insurgé jeudi contre la participation de X"
    if start < m.start and toks[start].w in AGAINST_PREPOSITIONS:
        start += 1  # "protester contre les propos de X": the preposition governs the object
    between = range(start, phrase_start(m))
    if not 2 <= sum(toks[j].w not in QUOTE_CHARS for j in between) <= 5:
        return False  # "a dénoncé le « chantage » énergétique de Moscou": quotes skipped
    k = between[-1]
    while k > start and toks[k].w in DETERMINERS and toks[k].w not in OWNER_PREPOSITIONS:
        k -= 1
    if toks[k].w not in OWNER_PREPOSITIONS:
        return False
    words = [j for j in range(start, k) if toks[j].w not in DETERMINERS
             and toks[j].w not in SKIPPABLE and toks[j].w not in QUOTE_CHARS]
    outside = set(unquoted(toks, start, k))  # "des accusations « manifestement fausses » de X"
    words = [j for j in words if j in outside] or words
    return 1 <= len(words) <= 2 and all(toks[j].w[:1].isalpha() and toks[j].pos != "VERB"
                                        and toks[j].w not in COMPLEMENT_PREPOSITIONS
                                        for j in words)


def named_judgement(toks: list[Tok], ev: Event) -> bool:
    """Is the event a judging adjective right after a naming verb ("a jugé « ridicules » les
    allégations de Vladimir Poutine", "a qualifié d'« inacceptable » le refus de X"), which
    takes the judged object as a verb does (rule ``object_owner``)?"""
    return ev.row.pos == "ADJ" and any(
        toks[k].w in NAMING_FORMS for k in range(max(0, ev.start - 4), ev.start))


def strike_target(toks: list[Tok], ev: Event, m: Mention) -> bool:
    """"a tiré des missiles sur l'Ukraine", "des frappes sur Kiev": the actor right after an
    attack word through "sur" (``strike_prepositions``) is what is struck (rule
    ``strike_target``)."""
    if ev.row.category != "ASSAULT" or ev.end >= len(toks) \
            or toks[ev.end].w not in STRIKE_PREPOSITIONS:
        return False
    k = phrase_start(m) - 1
    while k > ev.end and toks[k].w in DETERMINERS:
        k -= 1
    return k == ev.end


def noun_target(toks: list[Tok], ev: Event, m: Mention) -> bool:
    """"la pression sur l'Iran", "hostile à Washington": the actor right after a coercive or
    verbal conflict noun or adjective, through à/sur, is its target; "geler les avoirs de
    Washington", "couper le gaz à la Pologne": so is the owner ("de X") or the recipient
    ("à X") of the object noun that ends such an expression (rule ``noun_target``).
    Fighting is left out ("l'offensive de l'armée": its agent)."""
    cat = ev.row.category  # the word's own: "la fin de l'aide à X" keeps its recipient
    if cat not in TARGETED_CATEGORIES or m.start < ev.end or (
            cat in TARGETED_VERB_CATEGORIES and not ev.verb):
        return False
    k = phrase_start(m) - 1
    while k >= ev.end and (toks[k].w in DETERMINERS or toks[k].w in DETERMINER_QUANTIFIERS):
        k -= 1  # "ferme son ciel à tous les appareils russes"
    if not ev.verb and k - 2 >= ev.end and toks[k].w == "de" and toks[k - 1].w in DRAFT_NOUNS:
        k -= 2  # "un veto à un projet de résolution américain": the draft's resolution
        while k >= ev.end and toks[k].w in DETERMINERS:
            k -= 1
    if ev.verb:  # "geler les avoirs de X", "couper le gaz à X": after the verb's own object
        return k == ev.end and (toks[k].w == "de" or toks[k].w in TARGET_PREPOSITIONS) \
            and ev.end - ev.start > 1 and toks[ev.end - 1].w not in SKIPPABLE
    return ev.end <= k <= ev.end + 2 and toks[k].w in TARGET_PREPOSITIONS and all(
        toks[j].pos == "ADJ" for j in range(ev.end, k))


def incise_tokens(toks: list[Tok], lo: int, hi: int) -> set[int]:
    """The tokens of ``verb_incises`` phrases between ``lo`` and ``hi`` (rule
    ``verb_incise``: "des avions russes ont harcelé à trois reprises des drones américains")."""
    found: set[int] = set()
    for k in range(lo, hi):
        n = incise_length(toks, k)
        if k + n <= hi:
            found.update(range(k, k + n))
    return found


def unquoted(toks: list[Tok], lo: int, hi: int) -> list[int]:
    """The positions lo..hi-1 outside quotation marks ("« satanique »" skipped)."""
    out: list[int] = []
    inside = False
    for k in range(lo, hi):
        if toks[k].w in QUOTE_CHARS:
            inside = not inside
        elif not inside:
            out.append(k)
    return out
