"""Closed word lists of the stance rules: French words, quotation marks, parse labels, table values.

Every list the stance modules read is named here, with the modules that read
it. The French words and quotation marks are data, built once at import from
``analysis/data/<language>/stance_words.tsv`` (:func:`analysis.language.load_stance_words`;
the comment above each list there names its constant and rule); the quotation marks are
the scorer's (``words.tsv``), as are actor mentions and the source prepositions (read
through its rules, not copied here). What stays here is
code-level: punctuation and the straight quote, the parse labels (parts of speech,
dependency relations) of spaCy's French model, and the table values the scorer writes.
"""

from __future__ import annotations

from analysis.language import DEFAULT_LANGUAGE, load_stance_words
from analysis.scoring.words import QUOTE_CLOSE, QUOTE_OPEN

#: The language of the stance rules (they parse with spaCy's French model).
LANGUAGE = DEFAULT_LANGUAGE
_WORDS = load_stance_words(LANGUAGE)

# ---------------------------------------------------------------- the polarity lexicon

#: Kinds of ``data/polarity.tsv`` entries, in the order the file lists them
#: (polarity.build_polarity: a hand entry decides a word's kind; rows sorted by kind).
POLARITY_KINDS: tuple[str, ...] = ("polarity", "stance", "booster", "negator")
#: vaderSentiment-fr boosters left out of the lexicon: descriptive in news ("fort", "juste",
#: "rare"), approximations ("environ") or slang (polarity.build_polarity).
EXCLUDED_BOOSTERS = _WORDS.set("excluded_boosters")

# ---------------------------------------------------------------- actor mentions

#: Nouns naming an interaction; an evaluation of one evaluates the cooperation (stance) and, in
#: portrayal, the actors of the sentence's cooperative dyads (rule "event"). Read by
#: mentions.interaction_nouns (with the frame lexicon's cooperative nouns), which
#: attach.resolve reads.
INTERACTION_NOUNS = _WORDS.set("interaction_nouns")
#: "de" and its forms: the case marker of a noun's "de" complement (attach.de_nmod_mention).
DE_FORMS = _WORDS.set("de_forms")

# ---------------------------------------------------------------- quotation marks

#: Quotation marks: the scorer's (``quote_open`` / ``quote_close`` of words.tsv, read by
#: voice through :func:`analysis.scoring.speech.quote_segments`), and the straight quote;
#: attach.surface_appositions stops an apposition at an opening mark.
OPEN_QUOTES = frozenset(QUOTE_OPEN)
CLOSE_QUOTES = frozenset(QUOTE_CLOSE)
TOGGLE_QUOTES = frozenset({'"'})

# ---------------------------------------------------------------- evaluative words and their modifiers

#: Parts of speech that can carry a portrayal (adverbs, pronouns, names… cannot): sentence.find_entries.
EVALUATIVE_POS = frozenset({"ADJ", "NOUN", "VERB"})
#: Negators that count only with "ne" ("ne … plus", "ne … point"): sentence.modifiers.
NEEDS_NE = _WORDS.set("needs_ne")
#: The negative particle "ne" (sentence.has_ne).
NE_FORMS = _WORDS.set("ne_forms")
#: Relations of a word to the verb whose negation negates it ("je ne le trouve pas utile"):
#: sentence.modifiers.
VERB_COMPLEMENT_DEPS = frozenset({"obj", "xcomp", "obl:arg", "obl:mod", "nmod"})
#: Reflexive clitics dropped from the frame lexicon's cooperative terms ("se parler"):
#: sentence.cooperation_terms.
REFLEXIVE_CLITICS = _WORDS.set("reflexive_clitics")

# ---------------------------------------------------------------- attachment (attach.py)

#: Verbs whose object receives the predicate: "qualifiant cette rencontre de constructive"
#: (attach: rule "qualify").
QUALIFY_VERBS = _WORDS.set("qualify_verbs")
#: "de" introducing the predicate of a qualifier verb ("qualifier X de Y"), and its relations
#: (attach: rule "qualify").
QUALIFY_DE = _WORDS.set("qualify_de")
QUALIFY_DE_DEPS = frozenset({"case", "mark"})
#: Pronoun subjects standing for the situation just described ("ce n'est pas réaliste"):
#: attach.resolve.
CONTEXT_PRONOUNS = _WORDS.set("context_pronouns")
#: Relative pronouns that stand for the noun their clause describes (attach.resolve).
RELATIVE_PRONOUNS = _WORDS.set("relative_pronouns")
#: Relations of a name to a noun it names: "le président, Poutine" (attach.resolve).
NAME_DEPS = frozenset({"appos", "flat:name"})
#: Subject relations: of a predicate noun (attach.resolve), of the main verb (voice.infer_speaker).
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
#: Subject relations of an adjectival or nominal predicate with a copula (attach: rule "cop").
COPULA_SUBJECT_DEPS = SUBJECT_DEPS | {"expl:subj"}
#: Relations of a word that modifies a noun, and the parts of speech of that noun (attach: rule
#: "amod").
MODIFIER_DEPS = frozenset({"amod", "acl"})
MODIFIED_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: Nouns and names: the noun right before an evaluative word (attach: rule "adjacent").
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
#: Parts of speech of a predicate adjective ("qualifier X de Y"; attach: rules "qualify" and
#: "adjacent").
PREDICATE_POS = frozenset({"ADJ", "VERB"})
#: Surface appositions (attach.surface_appositions): marks skipped between the mention and the
#: comma, the parts of speech the phrase may start with, the marks that end it, the parts of
#: speech of its content words, and the conjunctions that make it a list instead.
APPOSITION_SKIPPED = CLOSE_QUOTES | TOGGLE_QUOTES | {")"}
APPOSITION_START_POS = frozenset({"DET", "NOUN", "ADJ", "VERB"})
APPOSITION_STOPS = frozenset({",", ".", ";", ":", "(", "!", "?"}) | OPEN_QUOTES | TOGGLE_QUOTES
APPOSITION_CONTENT_POS = frozenset({"NOUN", "ADJ", "PROPN"})
LIST_CONJUNCTIONS = _WORDS.set("list_conjunctions")

# ---------------------------------------------------------------- the scored tables

#: Sentence kinds scored (boilerplate never is): corpus.scored_sentences.
SCORED_KINDS: tuple[str, ...] = ("body", "headline")
#: Dyad relations that are cooperation, and conflict (corpus.analyse: an evaluated event goes to
#: the cooperating actors; portrayal.portray: cooperates_with, conflicts_with;
#: cooperation.cooperation_sentences).
COOPERATIVE_RELATIONS: tuple[str, ...] = ("coop", "mixed")
CONFLICTUAL_RELATIONS: tuple[str, ...] = ("conf", "mixed")
#: Frame-lexicon roles of the cooperative words whose negation is doubt (sentence.cooperation_terms).
COOPERATION_ROLES: tuple[str, ...] = ("event", "joint", "deesc")
#: Targets of an evaluation that evaluate the cooperation itself (cooperation.stance).
STANCE_TARGET_KINDS = frozenset({"event", "context"})
#: Spellings of a true flag in a table cell (text.as_flag).
TRUE_FLAGS = frozenset({"true", "1", "1.0", "yes"})
