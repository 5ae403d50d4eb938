"""Closed word lists the rules read (negators, speech verbs, titles, modality cues...), built
once at import from the language data files (:mod:`analysis.language`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.language import load_actor_roles, load_categories, load_words

from .french import LANGUAGE, SKIPPABLE, norm, noun_forms, verb_forms, verbal_ending
from .tokens import Tok

# Word lists used by the rules, from analysis/data/<language>/words.tsv (the rule that
# reads a list is named above it there), and the actor roles and event categories
# --------------------------------------------------------------------------- #
_WORDS = load_words(LANGUAGE)
_ROLES = load_actor_roles(LANGUAGE)

NEGATORS = _WORDS.set("negators")
#: Verbs whose negation asserts what follows (ne pas hésiter à, ne pas manquer de, ne pas
#: tarder à, ne pas cesser de), by the start every form shares.
_LITOTES = _WORDS.seq("litote_stems")


def litote(tok: Tok) -> bool:
    """A form of hésiter, manquer, tarder or cesser (any tense, any mode; "hésité" too,
    whose "-ité" the verb-ending test reads as a noun suffix)."""
    w = tok.w
    return w.startswith(_LITOTES) and (verbal_ending(w) or w.endswith(("é", "és", "ée", "ées")))


QUOTE_OPEN = "".join(_WORDS.seq("quote_open"))
QUOTE_CLOSE = "".join(_WORDS.seq("quote_close"))
#: Quotation marks: the language's and the straight double quote.
QUOTE_CHARS = frozenset(QUOTE_OPEN + QUOTE_CLOSE + '"')
#: Punctuation that ends the reach of "ne", with quotation marks and the words of the list.
_BREAK_PUNCT = frozenset({",", ";", ":", "(", ")", ".", '"'})
NEG_BREAK = _BREAK_PUNCT | frozenset(QUOTE_OPEN + QUOTE_CLOSE) | _WORDS.set("negation_breaks")
NEGATION_BEFORE = _WORDS.set("negation_before")
DEESC_GAP = SKIPPABLE | _WORDS.set("deescalation_gap")
COMMITMENT_VERBS = _WORDS.set("commitment_verbs")
NAMED_AFTER = _WORDS.set("named_after_nouns")
FOUNDING_TEXTS = _WORDS.set("founding_texts")
CAPITALISED_NOUNS = _WORDS.set("capitalised_nouns")
EPITHET_HEADS = _WORDS.set("epithet_heads")
PERMISSION_FORMS = frozenset().union(*(verb_forms(v) for v in _WORDS.seq("permission_verbs")))
SINCE_MARKERS = _WORDS.set("since_markers")
VENUE_PREPOSITIONS = _WORDS.set("venue_prepositions")
PLACE_HEADS = _WORDS.set("place_heads")
BARE_NE_FORMS = _WORDS.set("bare_ne_forms")
REFLEXIVE_CLITICS = _WORDS.set("reflexive_clitics")
WEAPON_COMPOUND_HEADS = _WORDS.set("weapon_compound_heads")
CALLING_TERMS = _WORDS.set("calling_terms")
NOUN_HOMOGRAPHS = _WORDS.set("noun_homographs")
NOUN_ARTICLES = _WORDS.set("noun_articles")
COUNTERPART_NOUNS = _WORDS.set("counterpart_nouns")
RECIPROCAL_PRONOUNS = _WORDS.set("reciprocal_pronouns")
RECIPROCAL_ADJECTIVES = _WORDS.set("reciprocal_adjectives")
WEAPON_ADJECTIVES = _WORDS.set("weapon_adjectives")
SPONSOR_WORDS = _WORDS.set("sponsor_words")
DOCUMENT_NOUNS = _WORDS.set("document_nouns")
REFERENCED_TEXTS = _WORDS.set("referenced_texts")
REFERENCE_PREPOSITIONS = _WORDS.set("reference_prepositions")
PLEDGE_SKIPPED = _WORDS.set("pledge_skipped")
PAIR_TERMS = _WORDS.set("pair_terms")
#: 1.8.0: reactions provoked by an act, and blame for prolonging a war (reactions.py).
REACTION_NOUNS = _WORDS.set("reaction_nouns")
PROVOKING_FORMS = _WORDS.set("provoking_forms")
BLAME_VERBS = _WORDS.set("blame_verbs")
BLAME_OBJECTS = _WORDS.set("blame_objects")
DRAFT_NOUNS = _WORDS.set("draft_nouns")
PLANNING_FORMS = _WORDS.set("planning_forms")
FAILING_VERBS = _WORDS.set("failing_verbs")
ORCHESTRATING_FORMS = _WORDS.set("orchestrating_forms")
APPOSITION_ARTICLES = _WORDS.set("apposition_articles")
JUDGING_PARTICIPLES = _WORDS.set("judging_participles")
OBJECT_CLITICS = _WORDS.set("object_clitics")
ALLUSION_NOUNS = _WORDS.set("allusion_nouns")
SEEING_FORMS = _WORDS.set("seeing_forms")
RELEASE_CONTEXT = _WORDS.set("release_context")
RELEASED_TERMS = _WORDS.set("released_terms")
FORUM_CODES = frozenset(w.upper() for w in _WORDS.set("forum_codes"))
FORUM_FOLLOWERS = _WORDS.set("forum_followers")
QUANTITY_WORDS = _WORDS.set("quantity_words")
DRAFTING_FORMS = _WORDS.set("drafting_forms")
AUTHORING_FORMS = _WORDS.set("authoring_forms")
DECLARED_TARGETS = _WORDS.set("declared_targets")
WARNING_VERBS = _WORDS.set("warning_verbs")
WARNED_DANGERS = _WORDS.set("warned_dangers")
NEGATION_BRIDGE = _WORDS.set("negation_bridge")
#: (preposition, word before it) of a posting: ("de", "auprès"), ("à", "poste").
POSTING_PAIRS = frozenset((prep, before) for prep, words in _WORDS.map("posting_phrases").items()
                           for before in words.split())
SPORT_CONTEXT = _WORDS.set("sport_context")
SPORT_SENSES = _WORDS.set("sport_senses")
SPEECH_SENSES = _WORDS.set("speech_senses")
CLAIM_INFINITIVES = _WORDS.set("claim_infinitives")
CONCERT_TERMS = _WORDS.set("concert_terms")
#: Rival pairs (codes in alphabetical order), opposed by default in a conflict sentence.
RIVAL_PAIRS = tuple(tuple(sorted(e.upper().split())) for e in _WORDS.seq("rival_pairs"))
ACCUSATION_BRIDGE = _WORDS.set("accusation_bridge")
REMOVAL_TERMS = _WORDS.set("removal_terms")
RECIPIENT_PREPOSITIONS = _WORDS.seq("recipient_prepositions")
RECIPIENT_CATEGORIES = frozenset(w.upper() for w in _WORDS.set("recipient_categories"))
FACING_NOUNS = _WORDS.set("facing_nouns")
#: Consultation nouns whose "de X" is their agent or sender, every number.
AGENT_NOUNS = frozenset(f for w in _WORDS.set("agent_nouns") for f in (w, w + "s"))
#: First words of lexicon terms that are exchanges between their agents ("échanger des tirs").
RECIPROCAL_HEADS = _WORDS.set("reciprocal_heads")
#: 1.6.0 (codebook D21): numbers between "de" and a noun; forms of devoir that make a demand;
#: "ces mesures" (a demonstrative before an act noun); compass adjectives and the place parts
#: they qualify ("la partie occidentale"); "si" opening a condition and the pronouns after it.
QUANTIFIERS = _WORDS.set("quantifiers")
GERUND_MARKERS = _WORDS.set("gerund_markers")
PARTICIPLE_ENDINGS = tuple(sorted(_WORDS.set("participle_endings")))
DEONTIC_FORMS = _WORDS.set("deontic_forms")
DEMONSTRATIVES = _WORDS.set("demonstratives")
ANAPHORIC_ACTS = frozenset().union(*(noun_forms(w) for w in _WORDS.set("anaphoric_acts")))
PLACE_PARTS = _WORDS.set("place_parts")
COMPASS_ADJECTIVES = _WORDS.set("compass_adjectives")
CONDITIONALS = _WORDS.set("conditionals")
CONDITION_SUBJECTS = _WORDS.set("condition_subjects")
STRIKE_PREPOSITIONS = _WORDS.set("strike_prepositions")
YIELDING_CATEGORIES = frozenset(w.upper() for w in _WORDS.set("yielding_categories"))
PRENOMINAL_ADJECTIVES = _WORDS.set("prenominal_adjectives")
PROMISED_HARMS = _WORDS.set("promised_harms")
ALLY_NOUNS = _WORDS.set("ally_nouns")
OWNER_PREPOSITIONS = _WORDS.seq("owner_prepositions")
OBJECT_ENDS = _WORDS.set("object_ends")
UNDERGOING = frozenset().union(*(noun_forms(w) for w in _WORDS.seq("undergoing_words")),
                               *(verb_forms(v) for v in _WORDS.seq("undergoing_verbs")))
RELATION_NOUNS = frozenset().union(*(noun_forms(w) for w in _WORDS.seq("relation_nouns")))
IMPOSING_FORMS = frozenset().union(*(verb_forms(v) for v in _WORDS.seq("imposing_verbs")))
#: Every form of the verbs whose "à X" is a recipient or addressee (a proposé à Washington).
ADDRESSEE_FORMS = frozenset().union(*(verb_forms(v) for v in _WORDS.seq("addressee_verbs")))
#: Event categories that are interactions between actors (data/<language>/categories.tsv).
INTERACTION = frozenset(c.name for c in load_categories(LANGUAGE).rows if c.interaction)
POSSESSIVES = _WORDS.set("possessives")
LOCATIVE = _WORDS.set("locative")
AUX = _WORDS.set("auxiliaries")
IMPERSONAL = _WORDS.set("impersonal")
IMPERSONAL_SKIPPED = _WORDS.set("impersonal_skipped")
IMPERSONAL_ETRE_NEXT = _WORDS.set("impersonal_etre_next")
ETRE = _WORDS.set("etre_forms")
PARTICIPLE_AUX = AUX | ETRE | _WORDS.set("participle_auxiliaries")
COND_EXCEPT = _WORDS.set("conditional_exceptions")
FUTURE_FORMS = _WORDS.set("future_forms")
FUTURE_EXCEPT = _WORDS.set("future_exceptions")
ALLER_PRESENT = _WORDS.set("aller_present")
CASE_PREPOSITIONS = _WORDS.set("case_prepositions")
SI_ELIDED_BEFORE = _WORDS.set("si_elided_before")
TOPIC_NOUNS = _WORDS.set("topic_nouns")
TOPIC_PREPOSITIONS = _WORDS.set("topic_prepositions")
REGIME_ALIASES = _WORDS.set("regime_aliases")
CAPITALISED_ALIASES = _WORDS.set("capitalised_aliases")
ASSET_NOUNS = _WORDS.set("asset_nouns")
REGIME_OF = _WORDS.set("regime_of")
REGIME_GENERIC = _WORDS.set("regime_generic")
PLURAL_ARTICLES = _WORDS.set("plural_articles")
SUBJECT_PRONOUNS = _WORDS.set("subject_pronouns")
ADJECTIVE_COORDINATORS = frozenset({"-", ","}) | _WORDS.set("adjective_coordinators")
COMPLEMENT_PREPOSITIONS = _WORDS.set("complement_prepositions")
OFFICE_NOT_BEFORE = _WORDS.set("office_not_before")
OFFICE_NOT_AFTER = _WORDS.set("office_not_after")
FRONTED = _WORDS.set("fronted")
#: Event nouns whose nationality adjective names a place or topic, not a party
#: ("le conflit syrien", "le règlement du problème syrien").
NON_AGENT_HEADS = _WORDS.set("non_agent_heads")
SI_NEXT = _WORDS.set("si_next")
QUE_NOT_BOUND_AFTER = _WORDS.set("que_not_bound_after")
PARTNER_PREPOSITIONS = _WORDS.seq("partner_prepositions")
PARTNER_COORDINATORS = frozenset({","}) | _WORDS.set("partner_coordinators")
AGAINST_PREPOSITIONS = _WORDS.seq("against_prepositions")
AGENT_PREPOSITIONS = _WORDS.seq("agent_prepositions")
TARGET_PREPOSITIONS = _WORDS.set("target_prepositions")
TARGETED_CATEGORIES = frozenset(w.upper() for w in _WORDS.set("targeted_categories"))
OBJECT_VERB_CATEGORIES = frozenset(w.upper() for w in _WORDS.set("object_verb_categories"))
AUTHORISING_FORMS = _WORDS.set("authorising_forms")
#: Quantifiers that stand for a determiner ("toute importation", "à tous les appareils").
DETERMINER_QUANTIFIERS = _WORDS.set("determiner_quantifiers")
TARGETED_VERB_CATEGORIES = frozenset(w.upper() for w in _WORDS.set("targeted_verb_categories"))
TARGETING_FORMS = _WORDS.set("targeting_forms")
AFFILIATION_FORMS = _WORDS.set("affiliation_forms")
AFFILIATION_LINKS = _WORDS.set("affiliation_links")
INSTIGATION_NOUNS = _WORDS.set("instigation_nouns")
#: Words after which "à X" names a party, not a place: a judge ("dénoncée à Moscou") or the
#: actor a coercive act's object is tied to ("des entités liées à Moscou").
PARTY_BEFORE_A = JUDGING_PARTICIPLES | AFFILIATION_FORMS
PURPOSE_MARKERS = _WORDS.set("purpose_markers")
ENABLING_FORMS = _WORDS.set("enabling_forms")
#: Words or phrases before a conflict noun that make it the setting (malgré, au plus fort de).
def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase as the normalised tokens read it ("à l'issue de": à, le, issue, de)."""
    return tuple(norm(w) for w in re.findall(r"\w+'|[\w-]+|\S", phrase))


DEONTIC_PHRASES = tuple(phrase_words(e) for e in _WORDS.seq("deontic_phrases"))
BACKGROUND_MARKERS = tuple(phrase_words(e) for e in _WORDS.seq("background_markers"))
#: Words or phrases before a meeting noun that make it the setting of the clause (lors de).
MEETING_SETTINGS = tuple(phrase_words(e) for e in _WORDS.seq("meeting_settings"))
#: Phrases before "de" + a summit forum that make it the setting of the clause (en marge de).
SUMMIT_SETTINGS = tuple(phrase_words(e)[:-1] for e in _WORDS.seq("summit_settings"))
SUMMIT_CODES = frozenset(w.upper() for w in _WORDS.set("summit_codes"))
CLAUSE_COORDINATORS = _WORDS.set("clause_coordinators")
#: Adverbial phrases between a conflict verb and its object (à trois reprises, pour sa part).
VERB_INCISES = tuple(phrase_words(e) for e in _WORDS.seq("verb_incises"))
UNLIKELY_MARKERS = tuple(phrase_words(e) for e in _WORDS.seq("unlikely_markers"))
#: Lexicon terms of dismay whose actor disapproves the clause they close (au grand dam de).
DISMAY_TERMS = _WORDS.set("dismay_phrases")
DISMAY_PHRASES = tuple(phrase_words(e) for e in _WORDS.seq("dismay_phrases"))
REMOVING_NOUNS = _WORDS.set("removing_nouns")
DETENTION_WORDS = _WORDS.set("detention_words")
#: Phrases that name a quotation's topic after its attribution, without their final de.
TOPIC_PHRASES = tuple(phrase_words(e)[:-1] for e in _WORDS.seq("topic_phrases"))
#: Every form of the continuation verbs and nouns (prolonger, prolongé, prolongation...).
CONTINUATION_WORDS = frozenset().union(*(
    verb_forms(w) if w.endswith(("er", "ir")) else {w, w + "s"}
    for w in _WORDS.seq("continuation_words")))
ENDORSING_CATEGORIES = frozenset(w.upper() for w in _WORDS.set("endorsing_categories"))
COMPLEMENT_BREAKERS = _WORDS.set("complement_breakers")
PARTICIPLE_GUARDED = _WORDS.set("participle_guarded")
NAMING_GUARDED = _WORDS.set("naming_guarded")
PASSIVE_AUX = _WORDS.set("passive_auxiliaries")
HALTING_PREDICATES = _WORDS.set("halting_predicates")
NAMING_FORMS = frozenset().union(*(verb_forms(v) for v in _WORDS.seq("naming_verbs")))
SPEECH_JUDGED = _WORDS.set("speech_judged")
ACTOR_ACTS = _WORDS.set("actor_acts")
SOURCE_PREPOSITIONS = _WORDS.set("source_prepositions")
SELON_PRONOUNS = _WORDS.set("selon_pronouns")
INCISE_STARTS = _WORDS.set("incise_starts")
NAME_PREFIXES = _WORDS.set("name_prefixes")
PREVERBAL_CLITICS = _WORDS.set("preverbal_clitics")
SPEAKER_PRONOUNS = _WORDS.set("speaker_pronouns")
INVERTED_PRONOUNS = _WORDS.set("inverted_pronouns")
FIRST_PERSON = _WORDS.set("first_person")
FAIRE_SAVOIR = _WORDS.set("faire_savoir")
METTRE_ACCENT = _WORDS.set("mettre_accent")
#: Function words and light words: poor anchors of an expression (lexical mode).
ANCHOR_FUNCTION_WORDS = frozenset({"'", "-", ","}) | _WORDS.set("anchor_function_words")
LIGHT_WORDS = _WORDS.set("light_words")


def _finite(forms: Iterable[str]) -> set[str]:
    return {f for f in forms if not f.endswith(("er", "ir", "re", "ant"))}


SPEECH_STRONG_FORMS = frozenset().union(
    *(_finite(verb_forms(v)) for v in _WORDS.seq("speech_strong")))
SPEECH_WEAK_FORMS = frozenset().union(
    *(_finite(verb_forms(v)) for v in _WORDS.seq("speech_weak"))) - SPEECH_STRONG_FORMS
SPEECH_INVERTED_FORMS = frozenset().union(
    *(_finite(verb_forms(v)) for v in _WORDS.seq("speech_inverted"))) - SPEECH_STRONG_FORMS \
    - SPEECH_WEAK_FORMS
SPEECH_FORMS = SPEECH_STRONG_FORMS | SPEECH_WEAK_FORMS | SPEECH_INVERTED_FORMS
_PARTICIPLE_EXTRA = _WORDS.set("participles_extra")
PERSON_TITLES = _ROLES.of("leader")
OFFICIAL_TITLES = _ROLES.of("official")
HOSTING_VERBS = _WORDS.set("hosting_verbs")
HOSTED_NOUNS = _WORDS.set("hosted_nouns")
CALL_NOUNS = _WORDS.set("call_nouns")
CALL_NEXT = _WORDS.set("call_next")
CALL_BEFORE = _WORDS.set("call_before")
CALL_ORDINALS = _WORDS.set("call_ordinals")
CHANNEL_NOUNS = _WORDS.set("channel_nouns")
CHANNEL_USES = _WORDS.set("channel_uses")


def needs_aux(w: str) -> bool:
    return w.endswith(("é", "ée", "és", "ées")) or w in _PARTICIPLE_EXTRA


# --------------------------------------------------------------------------- #
# Per-article context and per-sentence intermediate objects
