"""Event rules: lexicon events of a sentence and what changes them (refusals,
negation, proper names, modality, de-escalation, named participant)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analysis import lexicon as lx

from .french import DETERMINERS, SKIPPABLE, looks_like_infinitive, norm
from .matcher import OBJECT_GAP, LexRow, fill_slots
from .modality import modality_of
from .structures import Event, Sent
from .tokens import Tok, first_word
from .words import (
    ACTOR_ACTS,
    ALLY_NOUNS,
    AUX,
    BARE_NE_FORMS,
    CALLING_TERMS,
    CAPITALISED_NOUNS,
    COMPLEMENT_PREPOSITIONS,
    CONTINUATION_WORDS,
    DEESC_GAP,
    DOCUMENT_NOUNS,
    ETRE,
    FAILING_VERBS,
    HALTING_PREDICATES,
    INTERACTION,
    NAMING_FORMS,
    NAMING_GUARDED,
    NEG_BREAK,
    NEGATION_BEFORE,
    NEGATION_BRIDGE,
    NEGATORS,
    OBJECT_CLITICS,
    OBJECT_ENDS,
    PARTICIPLE_AUX,
    PARTICIPLE_GUARDED,
    PASSIVE_AUX,
    PERMISSION_FORMS,
    PLANNING_FORMS,
    PLURAL_ARTICLES,
    POSSESSIVES,
    QUOTE_CHARS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    REFLEXIVE_CLITICS,
    REMOVAL_TERMS,
    SINCE_MARKERS,
    SPEECH_JUDGED,
    litote,
    needs_aux,
)

#: Opening quotation marks (which may stand between a stop word and its complement) and
#: closing ones.
OPENING_QUOTES = frozenset(QUOTE_OPEN)
CLOSING_QUOTES = frozenset(QUOTE_CLOSE)


def new_events(sent: Sent) -> list[Event]:
    """One event per lexicon match of the sentence (blocked expressions excepted)."""
    return [Event(start, end, row, row.category, row.quad, row.weight, verb=term_is_verb(row),
                  filled=fill_slots(row.term, sent.toks[start:end]) if "&" in row.term else "")
            for start, end, row in sent.matches if row.role != "block"]


def recategorize(ev: Event, category: str) -> None:
    """Make ``ev`` an event of ``category``, with that category's quad class and Schrodt
    weight (a call upon an actor is REQUEST, a negated cooperation REJECT...)."""
    ev.category, ev.quad = category, lx.CATEGORY_QUAD[category]
    ev.weight = lx.SCHRODT_SCORES[category]


# Event rules: each reads the sentence's tokens and its events, and changes the events.
# They run in the order of analysis.scoring.rules.RULES.
def mark_negation(toks: list[Tok], events: list[Event], full: bool) -> None:
    """ne ... pas around the word, sans / aucun / pas de before it (litotes excepted)."""
    for ev in events:
        ev.negated = is_negated(toks, ev, full)


def permitted_act(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Nous ne laisserons jamais Washington détruire notre pays", "nous ne tolérerons pas
    d'ingérence": the negation bears on the permission (``permission_verbs`` between the
    "ne" and the act), so the conflict act is not negated: refusing to let an actor act
    against one is opposition to it."""
    for ev in events:
        if not ev.negated or ev.row.quad not in lx.CONF_QUADS:
            continue
        for k in range(ev.start - 1, max(-1, ev.start - 1 - NEG_REACH), -1):
            if toks[k].w == "ne" or toks[k].w in NEG_BREAK:
                break
            if toks[k].w in PERMISSION_FORMS:
                ev.negated = False
                break


def refusal_negates(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"refuse de négocier / d'arrêter les combats": a refusal negates what follows."""
    for rej in events:
        if rej.row.category == "REJECT" and rej.verb and not rej.negated:
            for ev in events:
                if ev is not rej and 0 <= ev.start - rej.end <= 1 and all(
                        toks[k].w in COMPLEMENT_PREPOSITIONS for k in range(rej.end, ev.start)):
                    ev.negated = True


def refused_continuation(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"a refusé de renouveler l'accord", "refuse le renouvellement du traité": refusing to
    extend or renew a cooperation refuses that cooperation (``continuation_words``)."""
    for rej in events:
        if rej.row.category != "REJECT" or not rej.verb or rej.negated:
            continue
        k = rej.end
        while k < len(toks) and k - rej.end <= 2 and (
                toks[k].w in COMPLEMENT_PREPOSITIONS or toks[k].w in SKIPPABLE):
            k += 1
        if k >= len(toks) or toks[k].w not in CONTINUATION_WORDS:
            continue
        for ev in events:
            if ev is not rej and 0 < ev.start - k <= 4 and all(
                    toks[j].w in COMPLEMENT_PREPOSITIONS or toks[j].w in SKIPPABLE
                    for j in range(k + 1, ev.start)):
                ev.negated = True


def negated_stop(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"n'a jamais cessé de soutenir": the negation is the stop word's, not the next word's."""
    for stop in events:
        if stop.row.role == "stop" and stop.negated:
            for ev in events:
                if ev is not stop and 0 <= ev.start - stop.end <= 3:
                    ev.negated = False


def proper_name(toks: list[Tok], events: list[Event], full: bool) -> None:
    """A word inside a proper name (APEC's "Coopération économique") does not count."""
    for ev in events:
        if ev.row.role != "recip" and in_name(toks, ev.start, ev.end, ev.row.pos == "VERB"):
            ev.counted = False
            ev.rule = "proper_name"
            ev.evidence = f"name:{ev.shown_term}[dropped]"


def called_upon(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"a appelé son homologue chinois à ne pas fournir d'aide militaire à la Russie": a call
    (``calling_terms``) followed by "à" and an infinitive or "ne" calls upon the actor to act,
    a demand (REQUEST), and the act called for is not done yet (rule ``called_for``)."""
    for ev in events:
        if ev.rule != "lexicon" or ev.row.term not in CALLING_TERMS:
            continue
        at = next((k for k in range(ev.end, min(ev.end + 3, len(toks))) if toks[k].w == "à"), None)
        if at is None or at + 1 >= len(toks) or not (
                toks[at + 1].w == "ne" or looks_like_infinitive(toks[at + 1].w)):
            continue
        recategorize(ev, "REQUEST")
        ev.rule = "called_upon"
        ev.evidence = f"called_upon:{ev.shown_term}[REQUEST,{ev.weight:+.1f}]"
        for other in events:
            if other is not ev and at < other.start <= at + 6 and other.rule == "lexicon":
                other.counted = False
                other.rule = "called_for"
                other.evidence = f"{ev.shown_term}>{other.shown_term}[called_for]"
                break


def document_content(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"une résolution qualifiant la Russie d'« État soutenant le terrorisme »", "un projet de
    résolution américain condamnant l'annexion": a ``document_nouns`` term followed (an
    adjective between at most) by a present participle of conflict or of naming names a
    one-sided text, not an agreement (rule ``document``)."""
    starts = {o.start: o for o in events}
    for ev in events:
        if ev.rule != "lexicon" or ev.row.term not in DOCUMENT_NOUNS:
            continue
        for k in range(ev.end, min(ev.end + 2, len(toks))):
            w = toks[k].w
            if w.endswith("ant") and (w in NAMING_FORMS or (
                    k in starts and starts[k].row.quad in lx.CONF_QUADS)):
                ev.counted = False
                ev.rule = "document"
                ev.evidence = f"document:{ev.shown_term}[dropped]"
                break


def allied_side(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Washington et ses alliés ont imposé des sanctions à la Russie", "les alliés de
    l'OTAN ont gelé...": allies named by a possessive or "les" in a sentence with a conflict
    act are a side of it, not a cooperation (rule ``allied_side``), whether the act comes
    after them or before ("une riposte contre Washington et ses alliés", D43). "La Russie,
    alliée de la Syrie, ..." (no determiner) stays a cooperation."""
    for ev in events:
        if ev.rule != "lexicon" or ev.row.term not in ALLY_NOUNS or not alive(ev) \
                or ev.start == 0 or toks[ev.start - 1].w not in POSSESSIVES | PLURAL_ARTICLES:
            continue
        if any(o is not ev and alive(o) and not o.negated and o.row.quad in lx.CONF_QUADS
               for o in events):
            ev.counted = False
            ev.rule = "allied_side"
            ev.evidence = f"{ev.shown_term}[allied_side]"


def descriptive_participle(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"un village isolé", "un régime affaibli": the participle of a ``participle_guarded``
    verb with no auxiliary in the three words before it (quotation marks and -ment adverbs
    skipped) describes, it does not act (rule ``descriptive``); "a isolé Moscou", "pour
    isoler Moscou", "veut voir la Russie durablement affaiblie" count."""
    for ev in events:
        if ev.rule != "lexicon" or ev.row.term not in PARTICIPLE_GUARDED:
            continue
        if not past_participle(toks[ev.start].w, ev.row.term):
            continue
        before = [toks[k] for k in range(max(0, ev.start - 5), ev.start)
                  if toks[k].text not in QUOTE_CHARS  # "voir la Russie « affaiblie »"
                  and not toks[k].w.endswith("ment")][-3:]  # "la Russie durablement affaiblie"
        if not any(t.w in PARTICIPLE_AUX for t in before):
            ev.counted = False
            ev.rule = "descriptive"
            ev.evidence = f"descriptive:{ev.shown_term}[dropped]"


def insult_naming(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Joe Biden a qualifié Vladimir Poutine de « boucher »": an insult (``naming_guarded``)
    is an accusation only as the complement of a naming verb (``naming_verbs``) in the
    eight words before it, right after a speech noun it judges (``speech_judged``: les
    saillies « provocatrices » de Medvedev), or, a noun, between the sentence's quotation
    marks: someone's words (D43: « Ce sont des mensonges », un « simulacre de justice » selon
    l'ambassade; not an adjective: un « état préoccupant ») (rule ``insult``); "le boucher du
    quartier" is no act."""
    for ev in events:
        if ev.rule != "lexicon" or ev.row.term not in NAMING_GUARDED or (
                ev.row.pos != "ADJ" and between_marks(toks, ev.start)):
            continue
        if not any(toks[k].w in NAMING_FORMS for k in range(max(0, ev.start - 8), ev.start)) \
                and not judged_speech(toks, ev.start):
            ev.counted = False
            ev.rule = "not_named"
            ev.evidence = f"not_named:{ev.shown_term}[dropped]"


def between_marks(toks: list[Tok], k: int) -> bool:
    """Is the word at ``k`` between an opening and a closing typographic quotation mark of
    its own sentence (« », “ ”; the straight " opens and closes alike, so it is not read)?"""
    marks = OPENING_QUOTES | CLOSING_QUOTES
    before = next((t.text for t in reversed(toks[:k]) if t.text in marks), "")
    after = next((t.text for t in toks[k + 1:] if t.text in marks), "")
    return before in OPENING_QUOTES and after in CLOSING_QUOTES


def judged_speech(toks: list[Tok], k: int) -> bool:
    """Is the word at ``k`` right after a speech noun (``speech_judged``), a quotation mark
    and one adverb between them skipped ("ses déclarations « provocatrices »", "des propos
    « hautement provocateurs »")?"""
    before = [t.w for t in toks[max(0, k - 3):k] if t.w not in QUOTE_CHARS]
    if before and before[-1].endswith("ment") and before[-1] not in SPEECH_JUDGED:
        before.pop()
    return bool(before) and before[-1] in SPEECH_JUDGED


def mark_modality(toks: list[Tok], events: list[Event], full: bool) -> None:
    """Hypothetical, conditional, future or asserted, per event (recorded, never cancels)."""
    for ev in events:
        ev.modality = modality_of(toks, ev.start, ev.end, full)


def markers_only(toks: list[Tok], events: list[Event], full: bool) -> None:
    """Stop words (cesser) and reciprocal markers (mutuel) are cues, not events."""
    for ev in events:
        if ev.rule == "lexicon" and ev.row.role in ("stop", "recip"):
            ev.counted = False
            ev.rule = ev.row.role


def since_contact(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"alors qu'ils ne s'étaient pas parlé depuis des mois": a negated cooperation followed
    in its clause by ``since_markers`` gives the time since the last contact, not a refusal
    (codebook D13), so it does not count (rule ``since_contact``)."""
    for ev in events:
        if ev.rule != "lexicon" or not ev.negated or ev.row.quad not in lx.COOP_QUADS:
            continue
        for k in range(ev.end, min(len(toks), ev.end + 4)):
            if toks[k].w in NEG_BREAK or toks[k].punct:
                break
            if toks[k].w in SINCE_MARKERS:
                ev.counted = False
                ev.rule = "since_contact"
                ev.evidence = f"since:{ev.shown_term}[dropped]"
                break


def unplanned_contact(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"aucune rencontre n'est prévue", "aucun sommet n'est programmé": a negated cooperation
    whose predicate is a planning participle (``planning_forms``, after "ne" and être) is
    not realised yet, not a refusal (codebook D13), so it does not count (rule
    ``unplanned``)."""
    for ev in events:
        if ev.rule != "lexicon" or not ev.negated or ev.row.quad not in lx.COOP_QUADS:
            continue
        for k in range(ev.end + 2, min(len(toks), ev.end + 12)):  # "entre X et Y n'était prévue"
            if toks[k].punct:
                break
            if toks[k].w in PLANNING_FORMS and toks[k - 1].w in PASSIVE_AUX \
                    and any(toks[j].w == "ne" for j in range(k - 3, k - 1)):
                ev.counted = False
                ev.rule = "unplanned"
                ev.evidence = f"unplanned:{ev.shown_term}[dropped]"
                break


def negation_flips(toks: list[Tok], events: list[Event], full: bool) -> None:
    """A negated cooperation is a rejection (REJECT); a negated conflict word no longer counts."""
    for ev in events:
        if ev.rule != "lexicon" or not ev.negated:
            continue
        if ev.row.quad in lx.COOP_QUADS:
            recategorize(ev, "REJECT")
            ev.rule = "negated_coop"
            ev.evidence = f"not:{ev.shown_term}[REJECT,{ev.weight:+.1f}{mod(ev)}]"
        else:
            ev.counted = False
            ev.rule = "negated_conf"
            ev.evidence = f"not:{ev.shown_term}[{ev.category},dropped]"


def lexicon_evidence(toks: list[Tok], events: list[Event], full: bool) -> None:
    """The evidence of an event no rule changed: term[CATEGORY,weight(,modality)]."""
    for ev in events:
        if ev.rule == "lexicon":
            ev.evidence = f"{ev.shown_term}[{ev.category},{ev.weight:+.1f}{mod(ev)}]"


#: How many words before an event word its "ne" may stand, inside one clause ("Washington
#: n'a pas l'intention d'entrer en guerre": nine; codebook D20).
NEG_REACH = 9


def is_negated(toks: list[Tok], ev: Event, full: bool) -> bool:
    """ne … pas/plus/jamais… around the word, sans / aucun / pas de before it, "sans que"
    opening its clause."""
    s, e = ev.start, ev.end
    n = len(toks)
    ne = None
    lead = s  # the quote right before the word is its own: "ne pas vouloir d'« escalade »"
    while lead > 0 and toks[lead - 1].text in QUOTE_CHARS | {"'", "’"}:
        lead -= 1
    for k in range(s - 1, max(-1, s - 1 - NEG_REACH), -1):
        w = toks[k].w
        if k < lead and (w in NEG_BREAK or toks[k].text in QUOTE_CHARS):
            break
        if w == "ne":
            ne = k
            break
    if ne is not None and litote(toks[s]) and all(toks[k].w in AUX or toks[k].w in ETRE
                                                  for k in range(ne + 1, s)):
        return True  # "ne cesse de critiquer", "n'a cessé de": a bare literary "ne" negates
    if ne is not None and any(litote(toks[k]) for k in range(ne + 1, s)):
        return False  # "n'hésitant pas à l'accuser": the accusation is made
    if ne is not None:
        for k in range(ne + 1, min(n, e + 3)):
            if s <= k < e:
                continue
            w = toks[k].w
            if k >= e and (w in NEG_BREAK or toks[k].punct):
                break
            if w in NEGATORS:
                return True
        if toks[ne + 1].w in BARE_NE_FORMS and not any(toks[k].w == "que" for k in range(ne + 1, s)):
            return True  # "la Russie ne pouvait accepter": a literary "ne" negates alone
    for k in range(s - 1, max(-1, s - 6), -1):
        w = toks[k].w
        if w in NEGATION_BEFORE:
            return True
        if w == "de" and k > 0 and toks[k - 1].w == "pas":
            return True
        if w in SKIPPABLE or w == "de" or w in REFLEXIVE_CLITICS or w in NEGATION_BRIDGE:
            continue  # "sans se saluer", "sans toutefois parvenir à rapprocher leurs positions"
        break
    if after_sans_que(toks, s):
        return True
    if full:
        return negated_parse(toks, s)
    return False


def after_sans_que(toks: list[Tok], s: int) -> bool:
    """"sans que Washington n'exige grand-chose en retour": the verb of a clause opened by
    "sans que" is negated (its "ne" is expletive; rule ``negation``)."""
    for k in range(s - 1, max(0, s - 7), -1):
        if toks[k].punct:
            return False
        if toks[k].w == "que" and toks[k - 1].w == "sans":
            return True
    return False


def negated_parse(toks: list[Tok], s: int) -> bool:
    """A negated governing verb in the dependency parse (full mode)."""
    t = s
    for _ in range(3):
        if toks[t].pos in ("VERB", "AUX"):
            break
        h = toks[t].head
        if h < 0 or h == t or toks[t].dep not in ("obj", "obl:arg", "xcomp", "fixed"):
            return False  # a subject's verb negates the predicate, not the subject
        t = h
    if toks[t].pos not in ("VERB", "AUX"):
        return False
    for _ in range(2):
        if litote(toks[t]):
            return False
        kids = [k for k, tok in enumerate(toks) if tok.head == t and k != t]
        if any(toks[k].w == "ne" for k in kids) and any(toks[k].w in NEGATORS
                                                        for k in kids):
            return True
        if toks[t].dep != "xcomp" or toks[t].head < 0 or toks[t].head == t:
            break
        t = toks[t].head
    return False


def recipient_inside(toks: list[Tok], s: int, k: int) -> bool:
    """Is token ``k`` of a match starting at ``s`` inside the recipient the matcher skips
    between a verb and its object ("a fourni à Kiev des renseignements")?"""
    j = k - 1
    while j > s and (toks[j].title or toks[j].w in DETERMINERS):
        j -= 1
    return j > s and toks[j].w in OBJECT_GAP


def in_name(toks: list[Tok], s: int, e: int, verb: bool = False) -> bool:
    """Is the span part of a proper name (APEC's "Coopération économique...")? A verb in
    lower case that the parse does not read as a participle is not, whatever the named
    entities say ("..., Moscou fulmine" read as an organisation: rule ``proper_name``)."""
    first = first_word(toks)
    for k in range(s, e):
        tok = toks[k]
        if tok.title and k > first and tok.w not in CAPITALISED_NOUNS \
                and not (k > s and recipient_inside(toks, s, k)):
            prev = toks[k - 1]
            if not (prev.text in QUOTE_CHARS or prev.w in (":", "—", "-", ".")):
                return True
        if tok.ent in ("ORG", "MISC") and tok.ent_len >= 2 and k > first and (
                tok.title or not verb or tok.verbform == "Part"):
            e0 = k
            while e0 > 0 and toks[e0 - 1].ent == tok.ent and e0 - 1 >= k - tok.ent_len:
                e0 -= 1
            if e0 < k and e0 > first and toks[e0].title:
                return True
    # inside "ACRONYM ( ... )"
    opening = None
    for k in range(s - 1, max(-1, s - 10), -1):
        if toks[k].w == ")":
            break
        if toks[k].w == "(":
            opening = k
            break
    if opening is not None and opening > 0:
        acr = toks[opening - 1].text
        if len(acr) >= 2 and acr.isupper() and acr.isalpha():
            return True
    # before "(ACRONYM)" within a capitalised name
    for k in range(e, min(len(toks) - 2, e + 6)):
        if toks[k].w == "(":
            acr = toks[k + 1].text
            if len(acr) >= 2 and acr.isupper() and acr.isalpha() and toks[k + 2].w == ")":
                return any(toks[j].title and j > first for j in range(max(0, s - 4), s + 1))
            break
        if toks[k].punct and toks[k].w not in ("-", "'"):
            break
    return False


def deescalation(toks: list[Tok], events: list[Event], full: bool) -> None:
    """stop + conflict -> RETREAT; stop + cooperation -> SANCTION; deesc absorbs."""
    for ev in events:
        if ev.row.role not in ("stop", "deesc") or ev.negated or not alive(ev):
            continue
        target = complement(toks, ev, events, full)
        if target is None or not alive(target) or target.rule != "lexicon" \
                or (target.verb and toks[target.start].w.endswith("ant")) \
                or target.row.term in REMOVAL_TERMS:  # "a exclu des banques du réseau SWIFT"
            continue  # "la résolution condamnant la Russie": the text's content, not undone
        deescalate(toks, ev, target)
        if target.rule in ("deescalation", "deescalated"):
            described_complement(toks, ev, target, events)


def described_complement(toks: list[Tok], ev: Event, target: Event,
                         events: list[Event]) -> None:
    """"a rappelé ses navires de guerre déployés près des côtes": a conflict participle right
    after the complement a de-escalation undoes describes that complement and is undone with
    it (rule ``deescalation``)."""
    after = complement(toks, target, events, False)
    if after is not None and alive(after) and after.rule == "lexicon" and after.verb \
            and after.row.quad in lx.CONF_QUADS and not after.negated \
            and needs_aux(toks[after.start].w):
        deescalate(toks, ev, after)


def deescalate(toks: list[Tok], ev: Event, target: Event) -> None:
    """Apply a stop or deesc word ``ev`` to its complement ``target``."""
    if target.row.role in ("enemy", "victory", "stop", "recip"):
        return
    if target.row.quad in lx.CONF_QUADS and not target.negated:
        if ev.row.role == "stop":
            recategorize(target, "RETREAT")
            target.rule = "deescalation"
            target.evidence = (f"{ev.shown_term}>{target.shown_term}"
                               f"[deescalation,{target.weight:+.1f}{mod(target)}]")
        else:
            target.counted = False
            target.rule = "deescalated"
            target.evidence = f"{ev.shown_term}>{target.shown_term}[deescalated]"
    elif target.row.quad in lx.COOP_QUADS and ev.row.role == "stop" \
            and not target.negated:
        halt_cooperation(target, f"{ev.shown_term}>{target.shown_term}")


def halt_cooperation(ev: Event, label: str) -> None:
    """A cooperation a stop word halts becomes SANCTION ("suspendre les négociations", "les
    pourparlers sont suspendus"), shown as ``label[SANCTION,weight]`` (rule ``halt_coop``)."""
    recategorize(ev, "SANCTION")
    ev.rule = "halt_coop"
    ev.evidence = f"{label}[SANCTION,{ev.weight:+.1f}{mod(ev)}]"


#: How many words a halted cooperation noun may stand before its passive stop participle or
#: halting predicate ("Les discussions entre Washington et Moscou sur la sécurité européenne,
#: entamées à Genève en janvier, sont au point mort": 15).
PASSIVE_REACH = 16


def passive_halt(toks: list[Tok], events: list[Event], full: bool) -> None:
    """"Les pourparlers entre Russes et Américains sont suspendus", "l'accord de coopération a
    été gelé": a stop word as a passive participle (``passive_auxiliaries`` before it) halts
    the cooperation nouns of its subject, as "suspendre les pourparlers" does (rule
    ``passive_halt``: SANCTION); a spoiling one ("le dialogue est rompu") spoils them, and so
    does a halting predicate after être ("le dialogue est au point mort", "les négociations
    sont dans l'impasse": ``halting_predicates``), or a verb of failing ("les négociations
    ont échoué": ``failing_verbs``), which counts only then (rule ``no_talks``). A past
    participle with no auxiliary describes its noun the same way ("les pourparlers
    russo-américains sur New Start reportés sine die par Moscou": :func:`bare_participle`)."""
    for stop in events:
        failed = stop.row.term in FAILING_VERBS  # "les négociations ont échoué"
        if stop.row.role not in ("stop", "spoil") or stop.negated or stop.start < 2 \
                or not (stop.verb or stop.row.term in HALTING_PREDICATES) \
                or (toks[stop.start - 1].w not in PASSIVE_AUX and not failed
                    and not bare_participle(toks, stop.start)):
            continue
        for subject in events:
            if subject.end < stop.start and stop.start - subject.end <= PASSIVE_REACH \
                    and subject.rule == "lexicon" and alive(subject) and not subject.verb \
                    and subject.row.role == "event" and subject.row.quad in lx.COOP_QUADS \
                    and not subject.negated and not any(
                        toks[k].w in OBJECT_ENDS for k in outside_apposition(
                            toks, subject.end, stop.start)):
                failed = False  # a cooperation halted: the failing verb counts
                if stop.row.role == "spoil":  # "le dialogue est rompu": the rupture counts
                    subject.counted = False
                    subject.rule = "spoiled"
                    subject.evidence = f"{subject.shown_term}<{stop.shown_term}[spoiled]"
                    continue
                halt_cooperation(subject, f"{subject.shown_term}<{stop.shown_term}")
        if failed:  # "un volet qui avait échoué sur la côte": no talks failed, no event
            stop.counted = False
            stop.rule = "no_talks"
            stop.evidence = f"no_talks:{stop.shown_term}[dropped]"


def past_participle(w: str, term: str) -> bool:
    """Is ``w`` a past participle of the lexicon verb ``term`` ("isolé", "affaiblie")?"""
    return needs_aux(w) or (term.endswith("ir") and w.endswith(("i", "ie", "is", "ies"))
                            and not w.endswith("ssi"))


def bare_participle(toks: list[Tok], k: int) -> bool:
    """Is the word at ``k`` a past participle right after a word that is no auxiliary,
    clitic or negation ("les pourparlers ... reportés sine die", not "Moscou a reporté")?"""
    prev = toks[k - 1].w
    return toks[k].w.endswith(("é", "ée", "és", "ées")) and prev.isalpha() and prev not in AUX \
        and prev not in NEGATORS and prev not in OBJECT_CLITICS and prev not in ("pas", "jamais")


def outside_apposition(toks: list[Tok], lo: int, hi: int) -> list[int]:
    """The positions lo..hi-1 outside a participle apposition or a relative clause between
    commas ("Les discussions ..., entamées à Genève en janvier, sont au point mort", "Les
    négociations ..., qui devaient reprendre au Caire, ont été reportées"): its words do not
    end the subject; part of ``passive_halt``."""
    out: list[int] = []
    k = lo
    while k < hi:
        if toks[k].w == "," and k + 1 < hi and (needs_aux(toks[k + 1].w) or toks[k + 1].w == "qui"):
            close = next((j for j in range(k + 2, hi) if toks[j].w == ","), None)
            if close is not None:
                k = close + 1
                continue
        out.append(k)
        k += 1
    return out


def complement(toks: list[Tok], ev: Event, events: list[Event], full: bool) -> Event | None:
    """The event word right after ``ev`` (a few gap words allowed: "cesser immédiatement
    les combats"; an opening quote too: "exclut tout « dégel »"), or in full mode the one
    ``ev`` governs in the parse."""
    by_start = {o.start: o for o in events}
    k = ev.end
    gap = 0
    while k < len(toks) and gap <= 4 and (toks[k].w in DEESC_GAP or toks[k].w in OPENING_QUOTES):
        k += 1
        gap += 1
    target = by_start.get(k)
    if target is None and full:
        target = deesc_parse(toks, ev, events)
    return target


def deesc_parse(toks: list[Tok], stop: Event, events: list[Event]) -> Event | None:
    """A conflict word governed by the stop word in the parse (full mode)."""
    span = range(stop.start, stop.end)
    for ev in events:
        if ev.start < stop.end or ev is stop or not alive(ev):
            continue  # a dropped word ("un appel au cessez-le-feu": no call) is no object
        t = ev.start
        for _ in range(2):
            h = toks[t].head
            if h < 0 or h == t or toks[t].dep not in ("obj", "nmod", "obl", "obl:arg",
                                                      "xcomp", "nsubj:pass"):
                break
            if h in span:
                return ev
            t = h
    return None


# Small helpers
# --------------------------------------------------------------------------- #


def drop_unnamed_cooperation(events: Sequence[Event], toks: Sequence[Any]) -> None:
    """Cooperation is between actors: an interaction with nobody named does not count.

    Called for a sentence that names no actor: no actor code (after pronouns
    and "les deux X"), no title ("le président", "les deux pays", even
    unresolved), and no named speaker whose words it quotes. Unless a word
    after the first is capitalised (a name: "Paul", "l'OTAN"), its
    interaction events (agree, consult, support, cooperate, aid) do not
    count: "l'enjambeur est d'une aide précieuse", "l'ancêtre commun".
    De-escalation keeps counting without a name ("il faut arrêter les
    combats", codebook), and so does conflict ("les combats ont repris"),
    except the acts of ``actor_acts`` (isoler, affaiblir), dropped even with a
    capitalised name: "Lamy isole le thallium" is no act between actors.
    Measured on the held-out batches (docs/validation.md).
    """
    acts = [ev for ev in events if ev.counted and ev.row.term in ACTOR_ACTS]
    coop = [ev for ev in events if ev.counted and ev.category in INTERACTION]
    first = first_word(toks)
    if any(t.text[:1].isupper() for t in toks[first + 1:]):
        coop = []
    for ev in acts + coop:
        ev.counted = False
        ev.rule = "unnamed"
        ev.evidence = f"unnamed:{ev.shown_term}[dropped]"


def mod(ev: Event) -> str:
    return "" if ev.modality == "asserted" else f",{ev.modality}"


def alive(ev: Event) -> bool:
    return ev.counted and ev.rule != "proper_name"


def term_is_verb(row: LexRow) -> bool:
    """Does the term start with a verb (coopérer, mettre fin à, se parler)?"""
    if row.pos == "VERB":
        return True
    if row.pos != "MWE":
        return False
    words = [norm(w) for w in row.term.replace("'", "' ").split()]
    if words and words[0] == "se":
        words = words[1:]
    if words and words[0] == "en":
        words = words[1:]
    return bool(words) and looks_like_infinitive(words[0])


def event_dict(ev: Event, toks: Sequence[Tok] | None) -> dict[str, Any]:
    """An event as a plain dict; character offsets -1 when the tokens carry none."""
    if toks is None:
        start = end = -1
    else:
        start = toks[ev.start].start if ev.start < len(toks) else 0
        end = toks[ev.end - 1].end if 0 < ev.end <= len(toks) else start
    return {
        "term": ev.evidence if ev.rule in ("joint", "against") else ev.row.term,
        "category": ev.category, "quad_class": ev.quad, "weight": ev.weight,
        "negated": ev.negated, "modality": ev.modality, "rule": ev.rule,
        "counted": ev.counted, "cameo": ev.row.cameo, "lexicon_category": ev.row.category,
        "char_start": start, "char_end": end,
    }
