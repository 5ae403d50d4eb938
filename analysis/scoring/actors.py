"""Actor rules: mentions of a sentence (aliases, titles, nationality adjectives,
pronouns), places, topics and datelines that name no actor, and the article
context that resolves pronouns and "les deux présidents"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .compounds import compound_adjectives, in_compound
from .events import term_is_verb
from .french import DETERMINERS, SKIPPABLE
from .matcher import (
    BODIES,
    ENEMY_CODES,
    PAIR_PERSON_WORDS,
    PERSON_KINDS,
    STATE_KINDS,
    ActRow,
    Engine,
    StartList,
    incise_length,
)
from .structures import Context, Mention, Sent
from .targets import object_reach
from .tokens import Tok, first_word, phrases_in
from .words import (
    ADDRESSEE_FORMS,
    ADJECTIVE_COORDINATORS,
    ALLUSION_NOUNS,
    ANAPHORIC_ACTS,
    ASSET_NOUNS,
    AUX,
    CAPITALISED_ALIASES,
    COMPASS_ADJECTIVES,
    COMPLEMENT_PREPOSITIONS,
    COUNTERPART_NOUNS,
    DEMONSTRATIVES,
    DETENTION_WORDS,
    EPITHET_HEADS,
    ETRE,
    FACING_NOUNS,
    FORUM_CODES,
    FORUM_FOLLOWERS,
    FOUNDING_TEXTS,
    IMPERSONAL,
    IMPERSONAL_ETRE_NEXT,
    IMPERSONAL_SKIPPED,
    LOCATIVE,
    NAMED_AFTER,
    OBJECT_ENDS,
    OBJECT_VERB_CATEGORIES,
    OFFICIAL_TITLES,
    ORCHESTRATING_FORMS,
    OWNER_PREPOSITIONS,
    PARTY_BEFORE_A,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_PARTS,
    PLURAL_ARTICLES,
    POSSESSIVES,
    POSTING_PAIRS,
    QUANTITY_WORDS,
    QUOTE_CHARS,
    RECIPIENT_CATEGORIES,
    RECIPIENT_PREPOSITIONS,
    RECIPROCAL_HEADS,
    REGIME_ALIASES,
    REGIME_GENERIC,
    REGIME_OF,
    REMOVAL_TERMS,
    SPONSOR_WORDS,
    STRIKE_PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUMMIT_CODES,
    SUMMIT_SETTINGS,
    TARGET_PREPOSITIONS,
    TARGETED_CATEGORIES,
    TARGETED_VERB_CATEGORIES,
    TARGETING_FORMS,
    TOPIC_NOUNS,
    TOPIC_PHRASES,
    TOPIC_PREPOSITIONS,
    VENUE_PREPOSITIONS,
)


# The rules
# --------------------------------------------------------------------------- #
def not_an_actor(toks: Sequence[Any], cands: Sequence[tuple[int, int, ActRow]], idx: int,
                 paragraph_start: bool, topic_tokens: Iterable[int],
                 recipients: Iterable[int] = ()) -> bool:
    """Does candidate alias ``cands[idx]`` name no actor here?

    "en Syrie"/"à Moscou" are places, "sur la Syrie"/"la question de la Corée
    du Nord" topics, a leading "Moscou /" a dateline (:func:`place_or_topic`),
    "le régime de cessez-le-feu" no regime, and "le groupe takfiriste Daesh" is
    Daech, not unnamed terrorists (:func:`no_actor`). Shared by the fast/full
    scorer and the lexical mode.
    """
    return (place_or_topic(toks, cands, idx, paragraph_start, topic_tokens, recipients)
            or no_actor(toks, cands, idx))


def place_or_topic(toks: Sequence[Any], cands: Sequence[tuple[int, int, ActRow]], idx: int,
                   paragraph_start: bool, topic_tokens: Iterable[int],
                   recipients: Iterable[int] = ()) -> bool:
    """Does candidate alias ``cands[idx]`` (a state, capital or institution) name a place, a
    topic, a name ("la conférence de Londres") or a dateline here, not an agent?

    The codebook's portrayal still lists such an actor (always neutral): stance
    keeps these mentions with ``find_mentions(..., places=True)``.
    """
    start, end, row = cands[idx]
    if summit_setting(toks, cands, idx):
        return True  # "en marge du G20 de New Delhi": the clause's setting
    if not (row.kind in STATE_KINDS or row.kind == "institution"):
        return False
    prev = toks[start - 1].w if start > 0 else ""
    prev2 = toks[start - 2].w if start > 1 else ""
    if prev in LOCATIVE and row.kind != "institution" and start - 1 not in recipients \
            and not party_after_locative(toks, start) and not impersonal_judge(toks, end):
        return True
    if venue(toks, cands, idx, recipients=frozenset(recipients)):
        return True  # "a déclaré X devant le Conseil de sécurité de l'ONU": the speech's venue
    if (prev == "sur" and start - 1 not in recipients) or (
            prev in DETERMINERS and prev2 == "sur" and start - 2 not in recipients):
        return True
    k = start - 1
    while k >= 0 and toks[k].w in DETERMINERS:
        k -= 1
    if k >= 1 and toks[k].w in TOPIC_PREPOSITIONS and (
            toks[k - 1].w in TOPIC_NOUNS or k - 1 in topic_tokens):
        return True
    if k >= 1 and toks[k - (toks[k].w in TOPIC_PREPOSITIONS)].w in PLACE_HEADS:
        return True  # "au-dessus de la Syrie", "au large du Venezuela": a place
    if k >= 1 and toks[k - (toks[k].w in TOPIC_PREPOSITIONS)].w in FOUNDING_TEXTS:
        return True  # "la Charte des Nations unies", "les statuts de l'OTAN": a text
    if row.kind == "capital" and k >= 1 and ((
            toks[k].w in TOPIC_PREPOSITIONS and toks[k - 1].w in NAMED_AFTER) or (
            toks[k].w in NAMED_AFTER and toks[k + 1].w in ("du", "des"))):
        return True  # "la conférence de Londres", "les consultations du Caire": a name
    return (row.kind == "capital" and paragraph_start and start == first_word(toks)
            and end < len(toks) and toks[end].text in ("/", "(", "—", "-", ",")
            and not hyphen_pair(toks, end) and not enumeration(toks, end))


def enumeration(toks: Sequence[Any], k: int) -> bool:
    """Is the comma at ``k`` inside a list of names ("Washington, Paris et Londres
    rejettent ..."), not after a dateline ("MOSCOU, 12 mars")? A capitalised word after it
    and "et" within the next four words (rule ``enumeration``)."""
    return toks[k].w == "," and k + 1 < len(toks) and toks[k + 1].title and any(
        t.w == "et" for t in toks[k + 2:k + 6])


def hyphen_pair(toks: Sequence[Any], k: int) -> bool:
    """Is ``toks[k]`` a hyphen glued to the words on both sides ("Moscou-Washington :"),
    which joins two names, not a dateline's dash ("MOSCOU - Le Kremlin ...")? Rule
    ``hyphen_pair``."""
    return (toks[k].w == "-" and k + 1 < len(toks) and toks[k + 1].title
            and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start)


def impersonal_judge(toks: Sequence[Any], end: int) -> bool:
    """"À Moscou, on accuse Washington de prolonger la guerre": a place before "on" (a comma
    between) names those who speak there, the clause's subject, not a place (rule
    ``impersonal_judge``)."""
    j = end + 1 if end < len(toks) and toks[end].w == "," else end
    return j < len(toks) and toks[j].w == "on"


def party_after_locative(toks: Sequence[Any], start: int) -> bool:
    """Does the locative preposition before ``start`` name a party, not a place: the author
    ("orchestrée depuis Washington": ``orchestrating_forms``), the judge ("dénoncée à Moscou":
    ``judging_participles``), the actor a coerced object is tied to ("des entités liées à
    Moscou": ``affiliation_forms``) or the one aimed at ("une allusion aux États-Unis":
    ``allusion_nouns``), or the state that holds a prisoner (rule ``detaining_state``)?"""
    prev = toks[start - 1].w if start > 0 else ""
    prev2 = toks[start - 2].w if start > 1 else ""
    return detaining_state(toks, start) \
        or (prev == "depuis" and prev2 in ORCHESTRATING_FORMS) \
        or (prev == "à" and prev2 in PARTY_BEFORE_A) \
        or (prev in ("à", "au", "aux") and any(
            toks[j].w in ALLUSION_NOUNS for j in range(max(0, start - 5), start - 1)))


def detaining_state(toks: Sequence[Any], start: int) -> bool:
    """"deux Américains détenus en Russie", "condamnée à neuf ans de prison en Russie": a
    state or capital after a locative with a detention word (``detention_words``) in the
    five words before it holds the prisoner, a party, not a place (rule ``detaining_state``)."""
    return start > 0 and toks[start - 1].w in LOCATIVE and any(
        t.w in DETENTION_WORDS for t in toks[max(0, start - 6):start - 1])


def venue(toks: Sequence[Any], cands: Sequence[tuple[int, int, ActRow]], idx: int,
          depth: int = 0, recipients: frozenset[int] = frozenset()) -> bool:
    """An institution after "devant" (``venue_prepositions``, a determiner between), a forum
    after "au / à la" (``forum_codes``, unless a recipient or addressee: ``recipients``), a
    diplomat's posting ("auprès de X", "en poste à X": ``posting_phrases``), or the
    "de X" complement of one ("devant le Conseil de sécurité de l'ONU"): a speech's venue or
    audience, not a party."""
    start, end, row = cands[idx]
    if row.kind != "institution":
        return False
    prev = toks[start - 1].w if start > 0 else ""
    prev2 = toks[start - 2].w if start > 1 else ""
    if prev in VENUE_PREPOSITIONS or (prev in DETERMINERS and prev2 in VENUE_PREPOSITIONS):
        return True
    if row.code in FORUM_CODES and (prev == "au" or (prev in DETERMINERS and prev2 == "à")) \
            and (not {start - 1, start - 2} & recipients or forum_before_object(toks, end)):
        return True  # "se sont accusés au Conseil de sécurité de l'ONU": a forum, not a party
    k = start - 1
    while k > 0 and toks[k].w in DETERMINERS and toks[k].w not in ("des", "du", "aux", "au"):
        k -= 1
    if k > 0 and (toks[k].w, toks[k - 1].w) in POSTING_PAIRS:
        return True  # "la mission russe auprès de l'ONU", "en poste à l'ONU": a posting
    de = start - 1 if prev in ("du", "des") or prev not in DETERMINERS else start - 2
    return depth == 0 and de > 0 and toks[de].w in ("de", "du", "des") and any(
        e2 == de and venue(toks, cands, j, 1) for j, (_, e2, _) in enumerate(cands) if j != idx)


def summit_setting(toks: Sequence[Any], cands: Sequence[tuple[int, int, ActRow]], idx: int,
                   depth: int = 0) -> bool:
    """"Blinken et Lavrov se sont parlé en marge du G20 de New Delhi": a summit forum
    (``summit_codes``) after a setting phrase and "de" (``summit_settings``: en marge de,
    lors de...), and the place of its own "de X" complement, are the clause's setting, not
    its parties (rule ``summit_setting``); "face au G7" and "le G7 a condamné" stay actors."""
    start, _, row = cands[idx]
    k = start - 1
    while k > 0 and toks[k].w in DETERMINERS and toks[k].w not in OWNER_PREPOSITIONS:
        k -= 1
    if k <= 0 or toks[k].w not in OWNER_PREPOSITIONS:
        return False
    if row.code in SUMMIT_CODES and any(
            k >= len(p) and tuple(t.w for t in toks[k - len(p):k]) == p for p in SUMMIT_SETTINGS):
        return True
    return depth == 0 and row.kind in STATE_KINDS and any(
        e2 == k and summit_setting(toks, cands, j, 1) for j, (_, e2, _) in enumerate(cands))


def forum_before_object(toks: Sequence[Any], end: int) -> bool:
    """"Moscou bloque au Conseil de sécurité le texte de Washington", "ont échangé des
    accusations au Conseil de sécurité sur ...": a forum after a conflict verb's "au" is still
    the venue when the verb's object or another complement follows it (rule
    ``forum_before_object``); "s'en prend au Conseil de sécurité." keeps it the target."""
    return end < len(toks) and (toks[end].w in DETERMINERS or toks[end].w in FORUM_FOLLOWERS)


def no_actor(toks: Sequence[Any], cands: Sequence[tuple[int, int, ActRow]], idx: int) -> bool:
    """"le régime de cessez-le-feu" and "un camp à régime sévère" (no determiner) name no
    regime, "le régime de Kiev" and "le régime russe"
    name the actor after it, not the regime's own code (a title then; "le régime de Damas"
    keeps it), "un changement de régime" none; TER in "le groupe takfiriste Daesh" is Daech, and
    in "un État terroriste" an epithet (``epithet_heads``), and after an auxiliary a verb
    ("s'est insurgé")."""
    start, end, row = cands[idx]
    if row.alias in CAPITALISED_ALIASES:
        return not capitalised_name(toks, start)
    if row.alias in REGIME_ALIASES and start > 0 and not any(
            toks[j].w in DETERMINERS for j in range(max(0, start - 2), start)):
        return True  # "un camp à régime sévère": no determiner ("le nouveau régime"), no regime
    if row.alias in REGIME_ALIASES:
        named = [r2.code for s2, _, r2 in cands if s2 == end and r2.kind == "adjective"]
        if end < len(toks) and toks[end].w in REGIME_OF:
            named = [r2.code for s2, _, r2 in cands if s2 in (end + 1, end + 2, end + 3)] or [""]
        if named and named[0] != row.code:  # "le régime de Damas", "le régime syrien" stay
            return True
        if start >= 2 and toks[start - 1].w in REGIME_OF and toks[start - 2].w in REGIME_GENERIC:
            return True
    if row.code == "TER" and start > 0 and (toks[start - 1].w in EPITHET_HEADS or (
            toks[start - 1].w in DETERMINERS and start > 1 and toks[start - 2].w in SPONSOR_WORDS)):
        return True  # "d'État terroriste", "un État soutenant le terrorisme": an accusation
    if row.code == "TER" and start > 0 and toks[start - 1].w in AUX:
        return True  # "le Kremlin s'est insurgé": the verb s'insurger, no insurgents
    return row.code == "TER" and any(
        0 <= s2 - end <= 2 and r2.kind == "group" and r2.code != "TER"
        for s2, _, r2 in cands[idx + 1: idx + 3])


def capitalised_name(toks: Sequence[Any], start: int) -> bool:
    """"l'Alliance", "les Alliés": NATO only with a capital inside the sentence (lower-case
    "une alliance", "ses alliés" are common nouns; a first word is capitalised anyway), and
    not before de + a capitalised name ("l'Alliance des États du Sahel")."""
    if start == 0 or not toks[start].title:
        return False
    k = start + 1
    if k < len(toks) and toks[k].w in OWNER_PREPOSITIONS:  # de, du, des
        k += 1
        while k < len(toks) and toks[k].w in DETERMINERS:
            k += 1
        return not (k < len(toks) and toks[k].title)
    return True


def aid_recipients(toks: Sequence[Any], matches: Iterable[tuple[int, int, Any]]) -> frozenset[int]:
    """"livrer des armes à Kiev", "son soutien au Maroc", "a fait des concessions à Washington":
    the "à" a few words after an aid, support, concession or supply event
    (``recipient_categories``) introduces its recipient, so the capital or country after it
    is an actor, not a place."""
    found: set[int] = set()
    for _, end, row in matches:
        if (row.category in RECIPIENT_CATEGORIES or "&" in row.term) and row.role == "event":
            # every "à" of the few words after: "des missiles à longue portée à Kiev"
            found.update(k for k in range(end, min(end + 6, len(toks)))
                         if toks[k].w in RECIPIENT_PREPOSITIONS)
    return frozenset(found)


def facing_actors(toks: Sequence[Any]) -> frozenset[int]:
    """"a reculé face à Kiev", "une démonstration de force face à Berlin": the "à" of "face à"
    (``facing_nouns``) introduces the counterpart an act faces, an actor, not a place (rule
    ``facing``)."""
    return frozenset(k for k in range(1, len(toks))
                     if toks[k].w == "à" and toks[k - 1].w in FACING_NOUNS)


def addressees(toks: Sequence[Any]) -> frozenset[int]:
    """"a proposé à Washington de", "a téléphoné à Moscou", "a accordé un prêt à Kiev": the
    "à" after a verb of offering, asking or giving (``addressee_verbs``; up to three object
    words between, quotation marks not counted) introduces who receives it, an actor, not a
    place (rule ``addressee``)."""
    found: set[int] = set()
    for v, tok in enumerate(toks):
        if tok.w not in ADDRESSEE_FORMS:
            continue
        words = 0
        for k in range(v + 1, min(v + 9, len(toks))):
            if toks[k].w in RECIPIENT_PREPOSITIONS:
                found.add(k)
                break
            words += toks[k].w not in QUOTE_CHARS  # "a promis des « conséquences » à Moscou"
            if toks[k].w in OBJECT_ENDS or toks[k].w in ADDRESSEE_FORMS or words > 3:
                break
    return frozenset(found)


def targeted_actors(toks: Sequence[Any], matches: Iterable[tuple[int, int, Any]]
                    ) -> frozenset[int]:
    """"hostile à Washington", "dissimuler des informations à Moscou", "la pression sur
    l'Iran": right after a coercive or verbal conflict event (``targeted_categories``),
    "à/au/aux/sur X" names the act's target, so X is an actor, not a place or a topic, as
    after a term that ends with that preposition ("s'en prend à Moscou").
    Fighting and protest are left out: "des combats à Moscou" happen at a place, and so
    do accusations named by a noun ("des crimes de guerre au Kosovo")."""
    found: set[int] = set()
    for _, end, row in matches:
        if row.category in TARGETED_CATEGORIES and row.role in ("event", "spoil") and (
                row.category not in TARGETED_VERB_CATEGORIES or term_is_verb(row)):
            k = end
            while k < min(end + 2, len(toks)) and toks[k].pos == "ADJ" \
                    and toks[k].w not in TARGET_PREPOSITIONS:
                k += 1  # "la pression accrue sur", full mode only
            if k < len(toks) and toks[k].w == "sur" and row.term.split()[0] in RECIPROCAL_HEADS:
                continue  # "divergent sur l'Ukraine": a topic (rule reciprocal_topic)
            if k < len(toks) and toks[k].w in TARGET_PREPOSITIONS:
                found.add(k)
            if row.term.split()[-1] in TARGET_PREPOSITIONS and end > 0:
                found.add(end - 1)  # "s'en prend à Moscou": the term holds its preposition
        elif row.category == "ASSAULT" and row.role == "event" and end < len(toks) \
                and toks[end].w in STRIKE_PREPOSITIONS:
            found.add(end)  # "a tiré des missiles sur l'Ukraine": what is struck (strike_target)
    return frozenset(found)


def object_heads(toks: Sequence[Any], matches: Sequence[tuple[int, int, Any]],
                 matched: frozenset[int] | None = None) -> frozenset[int]:
    """"a interdit les importations de pétrole russe", "des sanctions contre les banques
    russes": the nouns of the few words after a coercive or verbal conflict event
    (``targeted_categories``; of ``object_verb_categories`` only a verb: "a frappé des entités
    russes") or after "visant"/"ciblant" (``targeting_forms``) or a quotation's topic ("au
    sujet des poursuites américaines": ``topic_phrases``, rule ``topic_speech``) head a
    nationality adjective that names the act's target, as a title noun would (rule
    ``object_adjective``); two coordinated nouns ("de pétrole et
    de gaz russes") widen the reach by two words."""
    found: set[int] = set()
    if matched is None:  # the tokens of every match (the caller may have them)
        matched = frozenset(k for s, e, _ in matches for k in range(s, e))
    removal = any(row.term in REMOVAL_TERMS for _, _, row in matches)
    ends = [end for _, end, row in matches  # "a exclu des banques russes du réseau SWIFT"
            if (row.category in TARGETED_CATEGORIES and row.role in ("event", "spoil"))
            or (removal and row.role == "stop")]
    ends += [end for _, end, row in matches if row.category in OBJECT_VERB_CATEGORIES
             and row.pos == "VERB" and row.role == "event" and direct_object(toks, end)]
    ends += [k + 1 for k, t in enumerate(toks) if t.w in TARGETING_FORMS]  # "visant des banques"
    ends += [k + n for k, n in phrases_in(toks, TOPIC_PHRASES)]
    for end in sorted(set(ends)):
        window = range(end, min(end + object_reach(toks, end), len(toks)))
        if any(k in matched for k in window):
            continue  # "a condamné le terrible conflit syrien": an event's topic, no target
        for k in window:
            w = toks[k].w
            if w in QUOTE_CHARS or w in ("'", "’") or w.isdigit() or w in QUANTITY_WORDS:
                continue  # "a dénoncé l'« aventurisme » américain", "plus de 200 entités"
            if not w[:1].isalpha() and not (w == "," and k + 1 < len(toks) and toks[k + 1].w == "de"):
                break  # ", de gaz et de charbon russes" goes on
            if w in TOPIC_NOUNS:
                break  # "s'opposent sur la question ukrainienne": a topic, no target
            if w not in DETERMINERS and w not in SKIPPABLE and w not in COMPLEMENT_PREPOSITIONS:
                found.add(k)
                if k + 2 < len(toks) and toks[k + 1].w == "de" and toks[k + 2].w.isalpha() \
                        and toks[k + 2].w not in DETERMINERS and not toks[k + 2].title:
                    found.add(k + 2)  # "contre l'industrie de défense russe": a compound noun
    return frozenset(found)


def direct_object(toks: Sequence[Any], end: int) -> bool:
    """Does a direct object follow the verb ending at ``end`` ("a frappé des entités russes"),
    not a place after a preposition ("s'abattent sur les centrales ukrainiennes")?"""
    k = end
    while k < len(toks) and ((toks[k].w in SKIPPABLE and toks[k].w not in DETERMINERS)
                             or incise_length(toks, k)):
        k += incise_length(toks, k) or 1  # "s'est abattu mardi sur", "frapper en profondeur"
    return k < len(toks) and toks[k].w not in LOCATIVE and toks[k].w not in STRIKE_PREPOSITIONS


def titled_owner(toks: Sequence[Any], start: int, title_start: dict[int, int],
                 person: bool = False) -> int:
    """Where the phrase of a mention starting at ``start`` starts: at a title right before a
    person ("son homologue Sergueï Lavrov"), or before "de X" ("Joe Biden et ses homologues
    du G7": one phrase, rule ``titled_owner``); else ``start``."""
    if person:
        return title_start.get(start - 1, start)
    k = start - 1
    while k > 0 and toks[k].w in DETERMINERS and toks[k].w not in ("du", "des"):
        k -= 1  # "de la Commission", but "du G7" is de + le
    if k > 0 and toks[k].w in ("de", "du", "des") and k - 1 in title_start:
        return title_start[k - 1]
    return start


def nominal_adjective(toks: Sequence[Any], start: int) -> bool:
    """A nationality adjective used as a noun: "les Russes", "des Américains"."""
    prev = toks[start - 1].w if start > 0 else ""
    return toks[start].title or prev in PLURAL_ARTICLES



def find_mentions(engine: Engine, toks: list[Tok], event_tokens: set[int], paragraph_start: bool,
              topic_tokens: frozenset[int] = frozenset(),
              recipients: frozenset[int] = frozenset(), places: bool = False,
              topic_heads: frozenset[int] = frozenset(),
              event_heads: frozenset[int] | None = None,
              act_starts: StartList | None = None,
              ) -> tuple[list[Mention], set[int]]:
    """Actor mentions of a sentence, with the place/topic/dateline filters.

    ``places``: keep the mentions :func:`place_or_topic` drops, and the nationality
    adjectives on a non-agent head (``topic_heads``: "le conflit syrien"), marked
    ``place`` (the codebook's portrayal lists an actor named as a venue or topic,
    always neutral; stance asks for them). The scorer never does: a place is no agent.
    ``act_starts``: the tokens that can start an actor match, when the caller has them.
    """
    eng = engine
    cands, titles, title_alias, title_start = _candidates(eng, toks, act_starts)
    adj_tokens = {k for s, e, r in cands if r.kind == "adjective" for k in range(s, e)}
    heads = titles | event_tokens | {k for k, t in enumerate(toks) if t.w in ASSET_NOUNS}
    mentions: list[Mention] = []
    for idx, (start, end, row) in enumerate(cands):
        if no_actor(toks, cands, idx):
            continue
        place = place_or_topic(toks, cands, idx, paragraph_start, topic_tokens, recipients)
        if place and not places:
            continue
        text = " ".join(t.text for t in toks[start:end])
        title = ""
        hstart = start
        on_title = False
        if row.kind == "adjective":
            if row.alias in COMPASS_ADJECTIVES and start > 0 and toks[start - 1].title:
                continue  # "le Sahara Occidental": part of a place name (rule compass_place)
            head = adjective_head(toks, start, adj_tokens, heads)
            if head is None and not nominal_adjective(toks, start) \
                    and not in_compound(toks, start, end, adj_tokens):
                if not (places and adjective_head(toks, start, adj_tokens, topic_heads) is not None):
                    continue
                place = True
            if head is not None and row.alias in COMPASS_ADJECTIVES and toks[head].w in PLACE_PARTS:
                continue  # "la partie occidentale du pays": a place (rule compass_place)
            if head is not None:
                title = title_alias.get(head, toks[head].w)
                hstart = title_start.get(head, head)
                on_title = head in titles
        else:
            hstart = titled_owner(toks, start, title_start, row.kind in PERSON_KINDS)
        mentions.append(Mention(start, end, row.code, row.kind, row.label, text,
                                 person=row.kind in PERSON_KINDS, pair=row.code == "PAIR",
                                 title=title, hstart=hstart, on_title=on_title,
                                 titled=title in PERSON_TITLES | OFFICIAL_TITLES,
                                 term=(row.start, row.end), place=place))
    heads_or_objects = None if event_heads is None else event_heads | frozenset(event_tokens)
    mentions = compound_adjectives(eng, toks, mentions, heads_or_objects, places)
    mentions += pronoun_mentions(toks)
    mentions.sort(key=lambda m: (m.start, m.end))
    # a PAIR reference directly followed by nationality adjectives is not one
    kept = [m for m in mentions if not (m.pair and any(
        o.kind == "adjective" and 0 <= o.start - m.end <= 1 for o in mentions))]
    return kept, titles


def _candidates(eng: Engine, toks: list[Tok], act_starts: StartList | None
                ) -> tuple[list[tuple[int, int, ActRow]], set[int], dict[int, str], dict[int, int]]:
    """The actor matches (title nouns apart), and the title tokens with their alias and start."""
    titles: set[int] = set()
    title_alias: dict[int, str] = {}
    title_start: dict[int, int] = {}
    cands: list[tuple[int, int, ActRow]] = []
    for start, end, pid in eng.act_index.find(toks, act_starts):
        row = eng.act[eng.act_index.patterns[pid].row]
        if row.code in ("*", "PAIR") or row.alias in REGIME_ALIASES:  # "le régime russe"
            titles.update(range(start, end))
            title_alias.update((k, row.alias) for k in range(start, end))
            title_start.update((k, start) for k in range(start, end))
        if row.code != "*":
            cands.append((start, end, row))
    return cands, titles, title_alias, title_start


def pronoun_mentions(toks: list[Tok]) -> list[Mention]:
    """Subject pronouns, "lui et ..." and acts named by a demonstrative ("ces mesures") outside
    quotations, resolved later from context."""
    found = []
    for k, tok in enumerate(toks):
        if tok.quoted:
            continue
        if tok.w in SUBJECT_PRONOUNS and not impersonal(toks, k):
            found.append(Mention(k, k + 1, "", "pronoun", "", tok.text, pronoun="il"))
        elif tok.w == "lui" and k + 1 < len(toks) and toks[k + 1].w == "et":
            found.append(Mention(k, k + 1, "", "pronoun", "", tok.text, pronoun="lui"))
        elif tok.w in POSSESSIVES and k + 1 < len(toks) and toks[k + 1].w in COUNTERPART_NOUNS:
            found.append(Mention(k + 1, k + 2, "", "pronoun", "", toks[k + 1].text,
                                 pronoun="homologue"))  # rule counterpart
        elif tok.w in DEMONSTRATIVES and k + 1 < len(toks) and toks[k + 1].w in ANAPHORIC_ACTS:
            found.append(Mention(k + 1, k + 2, "", "pronoun", "", toks[k + 1].text,
                                 pronoun="ces"))  # "ces mesures": rule anaphoric_act
    return found


def adjective_head(toks: list[Tok], start: int, adj_tokens: set[int],
                    heads: set[int]) -> int | None:
    """Index of the title/event noun a nationality adjective depends on; a closing quote
    between them is skipped: "la « propagande » russe" (rule ``quoted_head``), and so is a
    "de" and its noun right before the adjective: "un drone de surveillance américain"."""
    k = start - 1
    skipped_word = False
    while k >= 0:
        w = toks[k].w
        if w in ADJECTIVE_COORDINATORS or k in adj_tokens or (k == start - 1 and w in QUOTE_CHARS):
            k -= 1
            continue
        if k in heads:
            return k
        if not skipped_word and w.isalpha() and not toks[k].title and w not in SKIPPABLE \
                and w not in COMPLEMENT_PREPOSITIONS:
            skipped_word = True
            k -= 1
            continue
        if skipped_word and w == "de" and k + 2 == start and k - 1 in heads:
            return k - 1  # "un drone de surveillance américain" (rule ``compound_head``)
        return None
    return None


def impersonal(toks: list[Tok], k: int) -> bool:
    """"il faut", "il y a", "il est temps de", "faut-il": not a person."""
    if toks[k].w.startswith("-") and k > 0:
        prev = toks[k - 1].w
        if prev == "-t" and k > 1:
            prev = toks[k - 2].w
        return prev in IMPERSONAL
    nxt = [t.w for t in toks[k + 1: k + 7] if t.w not in IMPERSONAL_SKIPPED]
    if not nxt:
        return True
    if nxt[0] in IMPERSONAL:
        return True
    return nxt[0] in ETRE and any(w in IMPERSONAL_ETRE_NEXT for w in nxt[1:4])


def resolve_pronoun(ctx: Context, m: Mention, prefer_speaker: bool) -> None:
    """"il"/"lui": the article's last salient person (or speaker, inside an attribution)."""
    if prefer_speaker and ctx.speaker:
        m.code, m.label = ctx.speaker_code, ctx.speaker
    elif ctx.person:
        m.code, m.label = ctx.person_code, ctx.person
    elif ctx.speaker:
        m.code, m.label = ctx.speaker_code, ctx.speaker
    m.person = bool(m.label)


def update_context(ctx: Context, sent: Sent, speaker: str, speaker_code: str) -> None:
    first_person: Mention | None = None
    for m in sent.mentions:
        if m.pronoun or m.pair or m.place or not (m.code or m.out_of_office):
            continue
        if m.person:
            if m.code:  # a person out of office is "il" later, but no state's leader
                leader = m.kind == "leader" or m.title in PERSON_TITLES
                (ctx.leaders if leader else ctx.officials)[m.code] = m.label
            if first_person is None:
                first_person = m
        if not m.code:
            continue
        if m.code not in ENEMY_CODES | BODIES and m.kind != "group":
            ctx.recent.append(m.code)
            if m.person or m.titled:
                ctx.recent_persons.append(m.code)
    del ctx.recent[:-20]
    del ctx.recent_persons[:-20]
    subject = next((m.code for m in sent.mentions if m.code and not m.place
                    and m.pronoun != "ces" and m.code not in ENEMY_CODES), "")
    if subject:
        ctx.subject_code = subject
    if first_person is not None:
        ctx.person, ctx.person_code = first_person.label, first_person.code
    if speaker:
        ctx.speaker, ctx.speaker_code = speaker, speaker_code


def resolve_references(ctx: Context, sent: Sent, att_span: range) -> None:
    """Pronouns from the article context; "les deux présidents" as the last two persons named,
    "les deux pays" as the two states the article names most (rule ``pair_reference``)."""
    seen_codes: list[str] = []
    for m in sent.mentions:
        if m.pronoun == "ces":  # "Le Kremlin a dénoncé ces mesures": the last subject's act,
            m.code = ctx.subject_code if any(  # only as the object of an event word
                end == m.start - 1 for _, end, _ in sent.matches) else ""
        elif m.pronoun == "homologue":
            m.code = counterpart(ctx, sent.mentions, m)
            m.person = bool(m.code)
        elif m.pronoun:
            resolve_pronoun(ctx, m, prefer_speaker=m.start in att_span)
        elif m.pair:
            persons = any(w in m.label for w in PAIR_PERSON_WORDS)
            pair = last_two(ctx.recent_persons + seen_codes) if persons \
                else top_two(ctx.recent + seen_codes)
            m.codes = tuple(sorted(pair)) if len(pair) == 2 else ()
        elif m.code and m.code not in ENEMY_CODES | BODIES and m.kind != "group" and not m.place:
            seen_codes.append(m.code)


def counterpart(ctx: Context, mentions: Sequence[Mention], m: Mention) -> str:
    """"Blinken et Lavrov se sont parlé, le chef de la diplomatie américaine exhortant son
    homologue à ...": "son homologue" with no name or nationality right after it is the
    office holder of the other side: the first person of the sentence, or else of the
    article's last persons, whose state is not that of the nearest person before it (rule
    ``counterpart``); "" when none is named."""
    if any(o.start == m.end for o in mentions):
        return ""  # "son homologue russe", "son homologue Sergueï Lavrov" name it themselves
    people = [o for o in mentions if o.code and (o.person or o.titled) and not o.pronoun]
    own = next((o.code for o in sorted(people, key=lambda o: -o.start) if o.end <= m.start),
               ctx.person_code)
    others = [o.code for o in people] + list(reversed(ctx.recent_persons))
    return next((c for c in others if c != own), "") if own else ""


def top_two(codes: Sequence[str]) -> list[str]:
    """The two codes named most often in a list (the article's last 20 state mentions), the
    one named first on a tie (a lede names its protagonists): "les deux pays" are the
    article's two protagonists, not the last two states named (an aside about Kiev in a
    Russia–US article is not one of them)."""
    rank = {c: (codes.count(c), -codes.index(c)) for c in codes}
    return sorted(rank, key=lambda c: rank[c], reverse=True)[:2]


def last_two(codes: Sequence[str]) -> list[str]:
    """The last two distinct codes of a list, latest first."""
    pair: list[str] = []
    for c in reversed(codes):
        if c not in pair:
            pair.append(c)
        if len(pair) == 2:
            break
    return pair
