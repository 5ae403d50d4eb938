"""Word senses: a lexicon word that names no act here (a noun homograph of a verb, a
weapon's name, a game, a prisoner's release), dropped with its reason in the evidence.

Each function is one event rule of :mod:`.rules`, run in list order with the others, but
:func:`lone_pair_term`, a sentence rule run once the actors are known."""

from __future__ import annotations

from collections.abc import Sequence

from .bounds import clause_end
from .events import recategorize
from .french import DETERMINERS
from .matcher import class_forms
from .speech import after_quote
from .structures import Event
from .tokens import Tok, first_word, label_colon
from .words import (
    AUX,
    CALL_BEFORE,
    CALL_NEXT,
    CALL_NOUNS,
    CALL_ORDINALS,
    CHANNEL_NOUNS,
    CHANNEL_USES,
    CLAIM_INFINITIVES,
    HOSTED_NOUNS,
    HOSTING_VERBS,
    NOUN_ARTICLES,
    NOUN_HOMOGRAPHS,
    OFFICIAL_TITLES,
    PAIR_TERMS,
    PERSON_TITLES,
    QUOTE_CHARS,
    RECIPIENT_PREPOSITIONS,
    REFERENCE_PREPOSITIONS,
    REFERENCED_TEXTS,
    RELEASE_CONTEXT,
    RELEASED_TERMS,
    SPEECH_SENSES,
    SPORT_CONTEXT,
    SPORT_SENSES,
    WARNED_DANGERS,
    WARNING_VERBS,
    WEAPON_ADJECTIVES,
    WEAPON_COMPOUND_HEADS,
)

#: A visitor's nouns after recevoir: ``hosted_nouns`` and the title nouns (:func:`hosted`).
VISITOR_NOUNS = HOSTED_NOUNS | PERSON_TITLES | OFFICIAL_TITLES

#: Forms of the noun class arme (les armes, des armes): weapon_adjectives after them name a weapon.
ARME_FORMS = class_forms("arme")


def noun_reading(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"y voyant le signe que Moscou...", "y voit un « signe de faiblesse »": a lexicon verb
    whose noun homograph names something else (``noun_homographs``: signer, téléphoner,
    fermer...) names no act right after an article that is never a pronoun (``noun_articles``:
    un, aucun, ce, son...; a quotation mark between them skipped), in every mode, nor, in
    full mode, on a word the parser reads as a noun after any determiner (rule
    ``noun_reading``)."""
    for ev in events:
        if ev.rule == "lexicon" and (after_article(toks, ev) or (full and parsed_noun(toks, ev))):
            ev.counted = False
            ev.rule = "noun_reading"
            ev.evidence = f"noun:{ev.shown_term}[dropped]"


def after_article(toks: list[Tok], ev: Event) -> bool:
    """Is a one-word lexicon verb of ``noun_homographs`` right after a ``noun_articles``
    word, quotation marks skipped?"""
    k = ev.start - 1
    while k >= 0 and toks[k].w in QUOTE_CHARS:
        k -= 1
    return ev.row.term in NOUN_HOMOGRAPHS and ev.end - ev.start == 1 and k >= 0 \
        and toks[k].w in NOUN_ARTICLES


def parsed_noun(toks: list[Tok], ev: Event) -> bool:
    """Does the parse read a lexicon verb of ``noun_homographs`` as a noun after a
    determiner?"""
    s = ev.start
    return ev.row.term in NOUN_HOMOGRAPHS and ev.end - s == 1 and s > 0 \
        and toks[s].pos == "NOUN" and toks[s - 1].w in DETERMINERS


def weapon_compound(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"des lance-roquettes", "un système anti-missiles": a lexicon word right after a
    ``weapon_compound_heads`` word and a hyphen names a weapon, not an act, and so does a
    ``weapon_adjectives`` term right after an arms noun ("des armes offensives", "des
    véhicules de combat") (rule ``weapon_name``)."""
    for ev in events:
        s = ev.start
        k = s - 2 if s >= 2 and toks[s - 1].w == "de" else s - 1  # "des véhicules de combat"
        if ev.rule == "lexicon" and ((s >= 2 and toks[s - 1].w == "-"
                                      and toks[s - 2].w in WEAPON_COMPOUND_HEADS) or (
                k >= 0 and ev.row.term in WEAPON_ADJECTIVES and toks[k].w in ARME_FORMS)):
            ev.counted = False
            ev.rule = "weapon_name"
            ev.evidence = f"weapon:{ev.shown_term}[dropped]"


def sport_sense(toks: list[Tok], events: list[Event], full: bool) -> None:
    """In a sentence about sport (a word of :data:`SPORT_CONTEXT`), "victoire", "défaite",
    "rencontre", "attaque"... name a game, not an international event (rule ``sport``).
    A team named after a person is an administration ("l'équipe Biden a frappé Gazprom
    Neft": :func:`political_team`; not "l'équipe de France")."""
    if not about_sport(toks):
        return
    for ev in events:
        if ev.rule == "lexicon" and ev.row.term in SPORT_SENSES:
            ev.counted = False
            ev.rule = "sport"
            ev.evidence = f"sport:{ev.shown_term}[dropped]"


def about_sport(toks: list[Tok]) -> bool:
    """Does the sentence hold a word of :data:`SPORT_CONTEXT` (not a political team, nor a
    present participle: "en s'attaquant à Rusal")?"""
    return any(t.w in SPORT_CONTEXT and not political_team(toks, t.i)
               and not present_participle(toks, t.i) for t in toks)


def present_participle(toks: list[Tok], k: int) -> bool:
    """Is the word at ``k`` an -ant form after "en" or a reflexive "se" ("en s'attaquant",
    "en attaquant"), a verb, not the noun it spells ("l'attaquant du PSG")?"""
    return toks[k].w.endswith("ant") and k > 0 and toks[k - 1].w in ("en", "se")


def political_team(toks: list[Tok], k: int) -> bool:
    """Is the word at ``k`` "équipe" right before a capitalised name ("l'équipe Biden")?"""
    return toks[k].w == "équipe" and k + 1 < len(toks) and toks[k + 1].title \
        and not toks[k + 1].punct


def person_after(toks: list[Tok], k: int) -> bool:
    """Do two capitalised words follow ``k`` (articles and "de" skipped: "la libération d'Evan
    Gershkovich"), a person's first and last name rather than a town ("libérer Kherson")? A
    two-word town written without its hyphen ("Nova Kakhovka") is read as a person."""
    while k < len(toks) and (toks[k].w in DETERMINERS or toks[k].w == "de"):
        k += 1
    return k + 1 < len(toks) and toks[k].title and toks[k + 1].title \
        and not toks[k].punct and not toks[k + 1].punct


def release_sense(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Brittney Griner a été libérée jeudi en échange du marchand d'armes russe Viktor Bout":
    in a sentence about prisoners (a word of ``release_context``), libérer and libération
    free a person, not a town: no fight (rule ``release``). It is not counted as a release
    either (RETREAT [0841]): who frees whom is not in the word ("Après la libération de X,
    restent encore aux mains de groupes terroristes..." names no interaction); the exchange
    or the named release ("libération des otages", "échange de prisonniers") is. A person's
    first and last name right after the word frees that person too, with no context word
    ("l'offre américaine pour libérer Brittney Griner et Paul Whelan")."""
    context = any(t.w in RELEASE_CONTEXT for t in toks)
    for ev in events:
        if ev.rule == "lexicon" and ev.row.term in RELEASED_TERMS and ev.category == "ASSAULT" \
                and (context or person_after(toks, ev.end)):
            ev.counted = False
            ev.rule = "release"
            ev.evidence = f"release:{ev.shown_term}[dropped]"


def speech_sense(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"« Les États-Unis sont partie prenante au conflit », a soutenu Sergueï Riabkov", "a
    soutenu que ...", "soutient avoir contraint ...": a verb of ``speech_senses`` inverted
    right after a quotation (its auxiliary skipped) or right before "que" or an infinitive of
    ``claim_infinitives`` reports a claim, not the act it names elsewhere
    (rule ``speech_sense``)."""
    for ev in events:
        if ev.rule != "lexicon" or ev.row.term not in SPEECH_SENSES:
            continue
        k = ev.start - 1
        while k >= 0 and toks[k].w in AUX:
            k -= 1
        if after_quote(toks, k) or (ev.end < len(toks) and (
                toks[ev.end].w == "que" or toks[ev.end].w in CLAIM_INFINITIVES)):
            ev.counted = False
            ev.rule = "speech_sense"
            ev.evidence = f"speech:{ev.shown_term}[dropped]"


#: How many words after a warning verb its "de" may stand ("a averti Moscou début mars d'un").
WARNED_REACH = 6


def warned_of(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Washington avait averti Moscou début mars d'un projet d'attentat": a warning
    (``warning_verbs``) of a danger (``warned_dangers`` after "de") passes on information,
    CAMEO 064 (COOPERATE), no threat; the danger is no act yet (rule ``warned_of``)."""
    for ev in events:
        if ev.rule != "lexicon" or ev.row.term not in WARNING_VERBS or not ev.counted:
            continue
        k = next((j for j in range(ev.end, min(ev.end + WARNED_REACH, len(toks)))
                  if toks[j].w in ("de", "du", "des")), None)
        if k is None:
            continue
        k += 1
        while k < len(toks) and toks[k].w in DETERMINERS:
            k += 1
        if k >= len(toks) or toks[k].w not in WARNED_DANGERS:
            continue
        recategorize(ev, "COOPERATE")
        for danger in events:
            if danger.conf and danger.counted and k <= danger.start < k + 4:
                danger.counted = False
                danger.rule = "warned_of"
                danger.evidence = f"warned_of:{danger.shown_term}[dropped]"


def referenced_text(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"les inspections prévues par le traité New Start", "la participation de la Russie au
    traité", "les plafonds du traité": a treaty (``referenced_texts``) named after a word and
    a preposition (``reference_prepositions``) is an existing text the sentence refers to, not
    an agreement made in it (rule ``referenced_text``, codebook D42). Signing, concluding or
    leaving it are events of their own; a sentence that opens on it ("Par le traité de
    Paris, l'Espagne cède ...") is left alone."""
    for ev in events:
        if ev.rule != "lexicon" or ev.row.term not in REFERENCED_TEXTS:
            continue
        k = ev.start if toks[ev.start].w in REFERENCE_PREPOSITIONS else ev.start - 1
        if k < 1 or toks[k].w not in REFERENCE_PREPOSITIONS or not toks[k - 1].w.isalpha():
            continue
        ev.counted = False
        ev.rule = "referenced_text"
        ev.evidence = f"reference:{ev.shown_term}[dropped]"


def hosting_sense(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Zelensky a été reçu à la Maison-Blanche par Joe Biden", "Vladimir Poutine a reçu au
    Kremlin Steve Witkoff", "Reçu à Pékin, Vladimir Poutine a signé ...": recevoir
    (``hosting_verbs``) hosts a visitor (CONSULT 043, codebook D44) when its clause names the
    host after "par", when a name follows it within four words or a visitor's title
    (``hosted_nouns``, the title nouns) within six ("reçoit le 22 novembre ses homologues turc
    et iranien"), or when it opens the sentence; "il reçut la mission de
    former un régiment", "recevoir plus de dix mille personnes" are another sense and do not
    count (rule ``hosting``)."""
    for ev in events:
        if ev.rule == "lexicon" and ev.row.term in HOSTING_VERBS and not hosted(toks, ev):
            drop(ev, "hosting", "not_hosting")


def hosted(toks: list[Tok], ev: Event) -> bool:
    """Does the recevoir at ``ev`` receive a visitor (see :func:`hosting_sense`)?"""
    colon = label_colon(toks)
    if ev.start == first_word(toks) or (colon is not None and ev.start == colon + 1):
        return True  # "Reçu à Pékin, Vladimir Poutine ..."
    end = clause_end(toks, ev.end)
    if any(toks[k].w == "par" for k in range(ev.end, min(end, ev.end + 12))):
        return True
    return any(toks[k].title for k in range(ev.end, min(end, ev.end + 4))) or any(
        toks[k].w in VISITOR_NOUNS for k in range(ev.end, min(end, ev.end + 6)))


def call_sense(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"lors d'un appel avec son homologue", "Premier appel entre Lloyd Austin et Andreï
    Belooussov": appel (``call_nouns``) is a telephone call (CONSULT 041, codebook D45) only
    where :func:`phone_call` reads one; "un appel à la retenue", "les appels du Kremlin à un
    geste" call for something and do not count (rule ``call_sense``)."""
    for ev in events:
        if ev.rule == "lexicon" and ev.row.term in CALL_NOUNS and not phone_call(toks, ev):
            drop(ev, "call_sense", "not_call")


def phone_call(toks: list[Tok], ev: Event) -> bool:
    """A call: ``call_next`` or a name right after it ("Appel Biden-Xi"), or ``call_before``
    before "d'un", "l'", "leur" and an ordinal ("lors d'un nouvel appel"); never before a
    ``recipient_prepositions`` word (à, au, aux, vers: the call for something)."""
    nxt = toks[ev.end] if ev.end < len(toks) else None
    if nxt is not None and nxt.w in RECIPIENT_PREPOSITIONS:
        return False
    if nxt is not None and (nxt.w in CALL_NEXT or nxt.title):
        return True
    k = ev.start - 1
    if k >= 0 and toks[k].w in CALL_ORDINALS:
        k -= 1
    if k >= 0 and toks[k].w in DETERMINERS:
        k -= 1
    if k >= 0 and toks[k].w == "de":
        k -= 1
    return k >= 0 and toks[k].w in CALL_BEFORE


def channel_sense(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"un canal discret subsiste entre le Kremlin et la Maison-Blanche": canal
    (``channel_nouns``) is a channel between actors (CONSULT 040, codebook D45), but before a
    name within two words a waterway or a medium ("le canal de Suez", "son canal Telegram"),
    and before de + ``channel_uses`` a channel of money or goods ("les canaux de paiement");
    those do not count (rule ``channel_sense``)."""
    for ev in events:
        if ev.rule == "lexicon" and ev.row.term in CHANNEL_NOUNS and other_channel(toks, ev):
            drop(ev, "channel_sense", "not_channel")


def other_channel(toks: list[Tok], ev: Event) -> bool:
    """Is the canal at ``ev`` a waterway, a medium or a payment channel?"""
    after = toks[ev.end: ev.end + 2]
    return any(t.title for t in after) or (
        len(after) == 2 and after[0].w == "de" and after[1].w in CHANNEL_USES)


def drop(ev: Event, rule: str, label: str) -> None:
    """Leave ``ev`` uncounted under ``rule``, shown as ``label:term[dropped]``."""
    ev.counted = False
    ev.rule = rule
    ev.evidence = f"{label}:{ev.shown_term}[dropped]"


def lone_pair_term(events: Sequence[Event], actors: Sequence[str]) -> None:
    """Terms that exist only between two actors (``pair_terms``): concern disapproves another
    actor's act ("Washington s'inquiète de mouvements de troupes russes", ACCUSE 110, codebook
    D43), hosting receives a visitor ("Zelensky a été reçu à la Maison-Blanche par Joe
    Biden", CONSULT 043, D44). With fewer than two actors in the sentence they are another
    sense ("le Maroc s'inquiète des répercussions ...", "il a reçu une lettre") and do not
    count (rule ``unnamed``)."""
    if len(actors) >= 2:
        return
    for ev in events:
        if ev.counted and ev.row.term in PAIR_TERMS:
            ev.counted = False
            ev.rule = "unnamed"
            ev.evidence = f"unnamed:{ev.shown_term}[dropped]"
