"""Language data: the scorer's and the stance rules' word lists, event categories, actor roles and
irregular verbs.

The domain knowledge the rules read lives in versioned files under
``analysis/data/<language>/`` (``analysis/data/fr/README.md`` describes them), read
with :mod:`importlib.resources` so that they travel with the installed package,
and cached per language code. Each file starts with ``# key: value`` header lines
(name, version, date, description, sources) followed by a tab-separated table
whose first line names the columns; ``#`` lines after it are comments.

Validation is strict, because the scorer trusts these lists blindly: a list or
role the code does not know, one it needs that is missing, a duplicate entry, a
wrong number of fields, an unknown quad class or a weight of the wrong sign
raises :class:`LanguageDataError` naming the file and the line.

This is the bottom layer of the package: it imports nothing from ``analysis``.
A second language is a second folder (``load_words("de")``), not an edit of the
scorer's modules.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import cast

#: The language of the packaged scorer.
DEFAULT_LANGUAGE = "fr"

WORDS_FILE = "words.tsv"
CATEGORIES_FILE = "categories.tsv"
ACTOR_ROLES_FILE = "actor_roles.tsv"
VERBS_FILE = "irregular_verbs.tsv"
STANCE_WORDS_FILE = "stance_words.tsv"

WORD_COLUMNS = ("list", "entry", "value", "note")
CATEGORY_COLUMNS = ("category", "quad_class", "weight", "interaction", "cameo_roots", "note")
ROLE_COLUMNS = ("by", "value", "role", "note")
VERB_COLUMNS = ("verb", "type", "forms", "except", "note")

#: Header keys every file must have.
HEADER_KEYS = ("name", "version", "date", "description", "sources")

#: The CAMEO/GDELT quad classes and the CAMEO root codes of each (01-05 verbal
#: cooperation, 06-08 material cooperation, 09-14 verbal conflict, 15-20 material
#: conflict): the scheme itself, the same in every language.
QUAD_ROOTS: dict[str, range] = {
    "verbal_coop": range(1, 6),
    "material_coop": range(6, 9),
    "verbal_conf": range(9, 15),
    "material_conf": range(15, 21),
}
COOP_QUADS = frozenset({"verbal_coop", "material_coop"})
CONF_QUADS = frozenset({"verbal_conf", "material_conf"})

#: Categories the rules name in code (negated cooperation is REJECT, stop + conflict
#: is RETREAT, stop + cooperation SANCTION, "contre Daech" ASSAULT, joint fighting
#: COOPERATE, consultation nouns are topics).
REQUIRED_CATEGORIES = frozenset({"ASSAULT", "CONSULT", "COOPERATE", "REJECT", "RETREAT",
                                 "SANCTION"})

#: The word lists the scorer reads: name -> the constant that holds it.
WORD_LISTS: dict[str, str] = {
    # scoring.french: normalisation and the matcher's word classes
    "elisions": "french._ELISION (mapping: elided form -> full word)",
    "accentless_capitals": "french._ACCENTLESS (mapping: capital letter alone -> accented word)",
    "determiners": "french.DETERMINERS",
    "contractions": "french.CONTRACTIONS (mapping: au -> à)",
    "skippable": "french.SKIPPABLE (with the determiners)",
    "not_infinitives": "french._NOT_INFINITIVES",
    "second_group": "french._SECOND_GROUP",
    # scoring.matcher
    "coordinators": "matcher.COORDINATORS (with , - /)",
    "pair_person_words": "matcher.PAIR_PERSON_WORDS",
    "reflexive_clitics": "matcher._REFLEXIVE",
    "subject_clitics": "matcher._SUBJECT_CLITICS",
    "double_reflexive": "matcher._DOUBLE_REFLEXIVE",
    "si_elided_before": "words.SI_ELIDED_BEFORE",
    # scoring.words: negation, modality, speech
    "negators": "words.NEGATORS",
    "litote_stems": "words.litote",
    "negation_breaks": "words.NEG_BREAK (with punctuation and quote marks)",
    "negation_before": "words.NEGATION_BEFORE",
    "deescalation_gap": "words.DEESC_GAP (with SKIPPABLE)",
    "commitment_verbs": "words.COMMITMENT_VERBS",
    "promised_harms": "words.PROMISED_HARMS",
    "object_gap_prepositions": "matcher.OBJECT_GAP",
    "determiner_quantifiers": "words.DETERMINER_QUANTIFIERS",
    "document_nouns": "words.DOCUMENT_NOUNS",
    "referenced_texts": "words.REFERENCED_TEXTS",
    "reference_prepositions": "words.REFERENCE_PREPOSITIONS",
    "pledge_skipped": "words.PLEDGE_SKIPPED",
    "pair_terms": "words.PAIR_TERMS",
    "hosting_verbs": "words.HOSTING_VERBS",
    "hosted_nouns": "words.HOSTED_NOUNS",
    "call_nouns": "words.CALL_NOUNS",
    "call_next": "words.CALL_NEXT",
    "call_before": "words.CALL_BEFORE",
    "call_ordinals": "words.CALL_ORDINALS",
    "channel_nouns": "words.CHANNEL_NOUNS",
    "channel_uses": "words.CHANNEL_USES",
    "named_after_nouns": "words.NAMED_AFTER",
    "founding_texts": "words.FOUNDING_TEXTS",
    "capitalised_nouns": "words.CAPITALISED_NOUNS",
    "epithet_heads": "words.EPITHET_HEADS",
    "permission_verbs": "words.PERMISSION_FORMS",
    "since_markers": "words.SINCE_MARKERS",
    "venue_prepositions": "words.VENUE_PREPOSITIONS",
    "place_heads": "words.PLACE_HEADS",
    "bare_ne_forms": "words.BARE_NE_FORMS",
    "weapon_compound_heads": "words.WEAPON_COMPOUND_HEADS",
    "calling_terms": "words.CALLING_TERMS",
    "noun_homographs": "words.NOUN_HOMOGRAPHS",
    "noun_articles": "words.NOUN_ARTICLES",
    "counterpart_nouns": "words.COUNTERPART_NOUNS",
    "reciprocal_pronouns": "words.RECIPROCAL_PRONOUNS",
    "reciprocal_adjectives": "words.RECIPROCAL_ADJECTIVES",
    "weapon_adjectives": "words.WEAPON_ADJECTIVES",
    "sponsor_words": "words.SPONSOR_WORDS",
    "reaction_nouns": "words.REACTION_NOUNS",
    "provoking_forms": "words.PROVOKING_FORMS",
    "blame_verbs": "words.BLAME_VERBS",
    "blame_objects": "words.BLAME_OBJECTS",
    "draft_nouns": "words.DRAFT_NOUNS",
    "planning_forms": "words.PLANNING_FORMS",
    "failing_verbs": "words.FAILING_VERBS",
    "orchestrating_forms": "words.ORCHESTRATING_FORMS",
    "apposition_articles": "words.APPOSITION_ARTICLES",
    "judging_participles": "words.JUDGING_PARTICIPLES",
    "object_clitics": "words.OBJECT_CLITICS",
    "allusion_nouns": "words.ALLUSION_NOUNS",
    "seeing_forms": "words.SEEING_FORMS",
    "release_context": "words.RELEASE_CONTEXT",
    "released_terms": "words.RELEASED_TERMS",
    "forum_codes": "words.FORUM_CODES (actor codes)",
    "forum_followers": "words.FORUM_FOLLOWERS",
    "quantity_words": "words.QUANTITY_WORDS",
    "drafting_forms": "words.DRAFTING_FORMS",
    "authoring_forms": "words.AUTHORING_FORMS",
    "declared_targets": "words.DECLARED_TARGETS",
    "warning_verbs": "words.WARNING_VERBS",
    "warned_dangers": "words.WARNED_DANGERS",
    "negation_bridge": "words.NEGATION_BRIDGE",
    "posting_phrases": "words.POSTING_PAIRS (preposition, word before it)",
    "sport_context": "words.SPORT_CONTEXT",
    "sport_senses": "words.SPORT_SENSES",
    "speech_senses": "words.SPEECH_SENSES",
    "claim_infinitives": "words.CLAIM_INFINITIVES",
    "concert_terms": "words.CONCERT_TERMS",
    "rival_pairs": "words.RIVAL_PAIRS",
    "accusation_bridge": "words.ACCUSATION_BRIDGE",
    "verb_incises": "words.VERB_INCISES (phrases)",
    "unlikely_markers": "words.UNLIKELY_MARKERS (phrases)",
    "summit_settings": "words.SUMMIT_SETTINGS (phrases, without their final de)",
    "summit_codes": "words.SUMMIT_CODES",
    "removal_terms": "words.REMOVAL_TERMS",
    "recipient_prepositions": "words.RECIPIENT_PREPOSITIONS",
    "recipient_categories": "words.RECIPIENT_CATEGORIES (category names)",
    "facing_nouns": "words.FACING_NOUNS",
    "agent_nouns": "words.AGENT_NOUNS (with plural -s)",
    "yielding_categories": "words.YIELDING_CATEGORIES (category names)",
    "reciprocal_heads": "words.RECIPROCAL_HEADS",
    "quantifiers": "words.QUANTIFIERS",
    "gerund_markers": "words.GERUND_MARKERS",
    "participle_endings": "words.PARTICIPLE_ENDINGS",
    "deontic_forms": "words.DEONTIC_FORMS",
    "deontic_phrases": "words.DEONTIC_PHRASES (phrases)",
    "object_verb_categories": "words.OBJECT_VERB_CATEGORIES",
    "authorising_forms": "words.AUTHORISING_FORMS",
    "dismay_phrases": "words.DISMAY_TERMS, words.DISMAY_PHRASES",
    "removing_nouns": "words.REMOVING_NOUNS",
    "detention_words": "words.DETENTION_WORDS",
    "topic_phrases": "words.TOPIC_PHRASES (phrases, without their final de)",
    "demonstratives": "words.DEMONSTRATIVES",
    "anaphoric_acts": "words.ANAPHORIC_ACTS (with plural -s)",
    "place_parts": "words.PLACE_PARTS",
    "compass_adjectives": "words.COMPASS_ADJECTIVES",
    "conditionals": "words.CONDITIONALS",
    "halting_predicates": "words.HALTING_PREDICATES",
    "condition_subjects": "words.CONDITION_SUBJECTS",
    "strike_prepositions": "words.STRIKE_PREPOSITIONS",
    "possessives": "words.POSSESSIVES",
    "locative": "words.LOCATIVE",
    "auxiliaries": "words.AUX",
    "impersonal": "words.IMPERSONAL",
    "etre_forms": "words.ETRE",
    "conditional_exceptions": "words.COND_EXCEPT",
    "future_forms": "words.FUTURE_FORMS",
    "future_exceptions": "words.FUTURE_EXCEPT",
    "aller_present": "words.ALLER_PRESENT",
    "case_prepositions": "words.CASE_PREPOSITIONS",
    "quote_open": "words.QUOTE_OPEN",
    "quote_close": "words.QUOTE_CLOSE",
    "topic_nouns": "words.TOPIC_NOUNS",
    "fronted": "words.FRONTED",
    "non_agent_heads": "words.NON_AGENT_HEADS",
    "si_next": "words.SI_NEXT",
    "speech_strong": "words.SPEECH_STRONG_FORMS (infinitives)",
    "speech_weak": "words.SPEECH_WEAK_FORMS (infinitives)",
    "speech_inverted": "words.SPEECH_INVERTED_FORMS",
    "participles_extra": "words.needs_aux",
    "faire_savoir": "words.FAIRE_SAVOIR",
    "mettre_accent": "words.METTRE_ACCENT",
    "source_prepositions": "words.SOURCE_PREPOSITIONS",
    "selon_pronouns": "words.SELON_PRONOUNS",
    "incise_starts": "words.INCISE_STARTS",
    "name_prefixes": "words.NAME_PREFIXES",
    "preverbal_clitics": "words.PREVERBAL_CLITICS",
    "speaker_pronouns": "words.SPEAKER_PRONOUNS",
    "inverted_pronouns": "words.INVERTED_PRONOUNS",
    "first_person": "words.FIRST_PERSON",
    # scoring.words: actors and dyads
    "subject_pronouns": "words.SUBJECT_PRONOUNS",
    "impersonal_skipped": "words.IMPERSONAL_SKIPPED",
    "impersonal_etre_next": "words.IMPERSONAL_ETRE_NEXT",
    "plural_articles": "words.PLURAL_ARTICLES",
    "topic_prepositions": "words.TOPIC_PREPOSITIONS",
    "regime_aliases": "words.REGIME_ALIASES",
    "capitalised_aliases": "words.CAPITALISED_ALIASES",
    "asset_nouns": "words.ASSET_NOUNS",
    "regime_of": "words.REGIME_OF",
    "regime_generic": "words.REGIME_GENERIC",
    "adjective_coordinators": "words.ADJECTIVE_COORDINATORS (with - ,)",
    "complement_prepositions": "words.COMPLEMENT_PREPOSITIONS",
    "que_not_bound_after": "words.QUE_NOT_BOUND_AFTER",
    "partner_prepositions": "words.PARTNER_PREPOSITIONS",
    "partner_coordinators": "words.PARTNER_COORDINATORS (with ,)",
    "against_prepositions": "words.AGAINST_PREPOSITIONS",
    "agent_prepositions": "words.AGENT_PREPOSITIONS",
    "target_prepositions": "words.TARGET_PREPOSITIONS",
    "targeted_categories": "words.TARGETED_CATEGORIES (category names)",
    "targeted_verb_categories": "words.TARGETED_VERB_CATEGORIES (category names)",
    "targeting_forms": "words.TARGETING_FORMS",
    "affiliation_forms": "words.AFFILIATION_FORMS",
    "affiliation_links": "words.AFFILIATION_LINKS",
    "instigation_nouns": "words.INSTIGATION_NOUNS",
    "purpose_markers": "words.PURPOSE_MARKERS",
    "enabling_forms": "words.ENABLING_FORMS",
    "background_markers": "words.BACKGROUND_MARKERS",
    "meeting_settings": "words.MEETING_SETTINGS",
    "clause_coordinators": "words.CLAUSE_COORDINATORS",
    "continuation_words": "words.CONTINUATION_WORDS",
    "endorsing_categories": "words.ENDORSING_CATEGORIES (category names)",
    "complement_breakers": "words.COMPLEMENT_BREAKERS",
    "participle_guarded": "words.PARTICIPLE_GUARDED",
    "naming_guarded": "words.NAMING_GUARDED",
    "passive_auxiliaries": "words.PASSIVE_AUX",
    "naming_verbs": "words.NAMING_FORMS (every form)",
    "speech_judged": "words.SPEECH_JUDGED",
    "actor_acts": "words.ACTOR_ACTS",
    "participle_auxiliaries": "words.PARTICIPLE_AUX (with auxiliaries, etre_forms)",
    "office_function_words": "matcher.office_words (with the determiners)",
    "office_not_before": "words.OFFICE_NOT_BEFORE",
    "office_not_after": "words.OFFICE_NOT_AFTER",
    "noun_classes": "matcher.NOUN_CLASSES (noun -> its classes, space-separated; a term's &class)",
    "addressee_verbs": "words.ADDRESSEE_FORMS (every form)",
    "prenominal_adjectives": "words.PRENOMINAL_ADJECTIVES",
    "ally_nouns": "words.ALLY_NOUNS",
    "owner_prepositions": "words.OWNER_PREPOSITIONS",
    "object_ends": "words.OBJECT_ENDS",
    "undergoing_words": "words.UNDERGOING (with every form of undergoing_verbs)",
    "undergoing_verbs": "words.UNDERGOING (every form)",
    "relation_nouns": "words.RELATION_NOUNS (every noun form)",
    "imposing_verbs": "words.IMPOSING_FORMS (every form)",
    # scoring.lexical
    "anchor_function_words": "words.ANCHOR_FUNCTION_WORDS (with ' - ,)",
    "light_words": "words.LIGHT_WORDS",
}
#: Lists whose rows also have a value (a mapping, not a set).
MAPPING_LISTS = frozenset({"elisions", "accentless_capitals", "contractions", "noun_classes",
                           "posting_phrases"})

#: The word lists the stance rules read (``stance_words.tsv``, the same format as
#: ``words.tsv``, no mapping list): name -> the constant of ``analysis.stance.words``.
STANCE_WORD_LISTS: dict[str, str] = {
    "excluded_boosters": "EXCLUDED_BOOSTERS (polarity.build_polarity)",
    "interaction_nouns": "INTERACTION_NOUNS (mentions.interaction_nouns)",
    "de_forms": "DE_FORMS (attach.de_nmod_mention)",
    "needs_ne": "NEEDS_NE (sentence.modifiers)",
    "ne_forms": "NE_FORMS (sentence.has_ne)",
    "reflexive_clitics": "REFLEXIVE_CLITICS (sentence.cooperation_terms)",
    "qualify_verbs": "QUALIFY_VERBS (attach rule qualify)",
    "qualify_de": "QUALIFY_DE (attach rule qualify)",
    "context_pronouns": "CONTEXT_PRONOUNS (attach.resolve)",
    "relative_pronouns": "RELATIVE_PRONOUNS (attach.resolve)",
    "list_conjunctions": "LIST_CONJUNCTIONS (attach.surface_appositions)",
}

#: Actor roles: role -> what its values are (a ``kind`` or ``code`` of actors.tsv, or
#: a ``title`` noun).
ACTOR_ROLES: dict[str, str] = {
    "state": "kind",           # a state: "en Syrie" is a place (actors.not_an_actor)
    "person": "kind",          # a person: a speaker, "sa rencontre" (matcher.PERSON_KINDS)
    "adjective_forms": "kind",  # aliases matched in all gender/number forms
    "noun_forms": "kind",      # aliases matched in singular and plural
    "enemy": "code",           # fought, never a partner (matcher.ENEMY_CODES)
    "body": "code",            # an international body (matcher.BODIES)
    "leader": "title",         # a title naming a leader (words.PERSON_TITLES)
    "official": "title",       # a title naming an official (words.OFFICIAL_TITLES)
}
VERB_TYPES = ("verb", "ending")

_VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
_CATEGORY_RE = re.compile(r"^[A-Z]+$")
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,3}$")
_KIND_RE = re.compile(r"^[a-z]+$")
_ROOT_RE = re.compile(r"^\d\d$")
#: Apostrophes that normalisation folds into "'": an entry written with one never matches.
_CURLY = frozenset("’‘ʼ`´")


class LanguageDataError(ValueError):
    """A language data file is malformed; the message names the file and the line."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file = file
        self.line = line
        where = f"{file}: line {line}" if line is not None else file
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Table:
    """A parsed data file: its header, the line of its column names, its rows."""

    file: str
    header: dict[str, str]
    columns_line: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def parse_table(text: str, file: str, columns: tuple[str, ...]) -> Table:
    """Split the ``# key: value`` header from the table; check columns and field counts."""
    header: dict[str, str] = {}
    rows: list[tuple[int, tuple[str, ...]]] = []
    columns_line = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if not columns_line and sep and key.strip() and " " not in key.strip():
                k = key.strip().lower()
                if k in header:
                    raise LanguageDataError(file, lineno, f"header key {k!r} given twice")
                header[k] = value.strip()
            continue
        fields = tuple(line.split("\t"))
        if not columns_line:
            if fields != columns:
                raise LanguageDataError(file, lineno, f"columns must be {list(columns)}, "
                                                      f"got {list(fields)}")
            columns_line = lineno
            continue
        if len(fields) != len(columns):
            raise LanguageDataError(file, lineno, f"expected {len(columns)} tab-separated "
                                                  f"fields, got {len(fields)}: {line!r}")
        rows.append((lineno, fields))
    if not columns_line:
        raise LanguageDataError(file, None, "no column line")
    for key in HEADER_KEYS:
        if not header.get(key):
            raise LanguageDataError(file, 1, f"header needs '# {key}: ...'")
    if not _VERSION_RE.match(header["version"]):
        raise LanguageDataError(file, 1, f"header needs '# version: X.Y.Z', got "
                                         f"{header['version']!r}")
    return Table(file, header, columns_line, tuple(rows))


def _check_entry(file: str, line: int, entry: str, what: str) -> None:
    """A word as the normalised tokens read it: lower-case NFC, straight apostrophes."""
    if not entry or entry != entry.strip():
        raise LanguageDataError(file, line, f"{what} must be non-empty without surrounding "
                                            f"spaces, got {entry!r}")
    if entry != entry.lower() or unicodedata.normalize("NFC", entry) != entry:
        raise LanguageDataError(file, line, f"{what} {entry!r} must be lower-case NFC text "
                                            "(tokens are compared normalised)")
    if _CURLY & set(entry):
        raise LanguageDataError(file, line, f"{what} {entry!r} has a curly apostrophe "
                                            "(tokens are compared with straight ones)")


class _Grouped:
    """Values grouped by name in file order; the same value twice under a name is an error."""

    def __init__(self, file: str, group: str, item: str):
        self.file, self.group, self.item = file, group, item
        self.values: dict[str, list[str]] = {}
        self.lines: dict[tuple[str, str], int] = {}

    def add(self, line: int, name: str, value: str) -> None:
        """Record ``value`` under ``name`` (read at ``line``)."""
        first = self.lines.setdefault((name, value), line)
        if first != line:
            raise LanguageDataError(self.file, line, f"duplicate {self.item} {value!r} in "
                                                     f"{self.group} {name!r}, first at line {first}")
        self.values.setdefault(name, []).append(value)

    def require(self, names: Mapping[str, str], line: int, skip: set[str]) -> None:
        """Every name (but ``skip``) has a value; ``names`` maps each to who needs it."""
        for name, reader in names.items():
            if name not in self.values and name not in skip:
                raise LanguageDataError(self.file, line, f"{self.group} {name!r} is missing "
                                                         f"(needed by {reader})")


# --------------------------------------------------------------------------- words
@dataclass(frozen=True)
class WordLists:
    """The word lists of one language, entries in file order."""

    header: dict[str, str]
    entries: dict[str, tuple[str, ...]]
    values: dict[str, dict[str, str]]

    def set(self, name: str) -> frozenset[str]:
        """A list as a frozenset (what the rules test membership in)."""
        return frozenset(self.entries[name])

    def seq(self, name: str) -> tuple[str, ...]:
        """A list in file order."""
        return self.entries[name]

    def map(self, name: str) -> dict[str, str]:
        """A mapping list (elisions, contractions): entry -> value."""
        return dict(self.values[name])


def parse_words(text: str, file: str, lists: Mapping[str, str] = WORD_LISTS,
                mappings: frozenset[str] = MAPPING_LISTS) -> WordLists:
    """Parse and validate a ``words.tsv`` text; ``lists`` (name -> who needs it) are the names
    it must hold, ``mappings`` those of them whose rows have a value."""
    table = parse_table(text, file, WORD_COLUMNS)
    empty = {n.strip() for n in table.header.get("empty", "").split(",") if n.strip()}
    unknown = sorted(empty - lists.keys())
    if unknown:
        raise LanguageDataError(file, 1, f"header 'empty' names unknown lists {unknown}")
    entries = _Grouped(file, "list", "entry")
    values: dict[str, dict[str, str]] = {}
    for line, (name, entry, value, _note) in table.rows:
        if name not in lists:
            raise LanguageDataError(file, line, f"unknown list {name!r}")
        if name in empty:
            raise LanguageDataError(file, line, f"list {name!r} is declared empty in the header")
        _check_entry(file, line, entry, "entry")
        if name in mappings:
            _check_entry(file, line, value, f"value of {name}")
            values.setdefault(name, {})[entry] = value
        elif value:
            raise LanguageDataError(file, line, f"list {name!r} takes no value, got {value!r}")
        entries.add(line, name, entry)
    entries.require(lists, table.columns_line, empty)
    return WordLists(table.header, {n: tuple(entries.values.get(n, ())) for n in lists},
                     {n: values.get(n, {}) for n in mappings})


def parse_stance_words(text: str, file: str) -> WordLists:
    """Parse and validate a ``stance_words.tsv`` text (the format of ``words.tsv``)."""
    return parse_words(text, file, STANCE_WORD_LISTS, frozenset())


# --------------------------------------------------------------------------- categories
@dataclass(frozen=True)
class Category:
    """An event category: its quad class, weight (Schrodt score), interaction flag."""

    name: str
    quad_class: str
    weight: float
    interaction: bool
    cameo_roots: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Categories:
    """The event categories of one language, in file order."""

    header: dict[str, str]
    rows: tuple[Category, ...]


def parse_categories(text: str, file: str) -> Categories:
    """Parse and validate a ``categories.tsv`` text."""
    table = parse_table(text, file, CATEGORY_COLUMNS)
    rows: list[Category] = []
    seen: dict[str, int] = {}
    for line, (name, quad, weight_text, interaction, roots_text, note) in table.rows:
        if not _CATEGORY_RE.match(name):
            raise LanguageDataError(file, line, f"category {name!r} is not upper-case letters")
        if name in seen:
            raise LanguageDataError(file, line, f"duplicate category {name!r}, first at line "
                                                f"{seen[name]}")
        seen[name] = line
        if quad not in QUAD_ROOTS:
            raise LanguageDataError(file, line, f"unknown quad class {quad!r} (expected "
                                                f"{sorted(QUAD_ROOTS)})")
        try:
            weight = float(weight_text)
        except ValueError:
            raise LanguageDataError(file, line, f"weight {weight_text!r} is not a number") \
                from None
        if not -10.0 <= weight <= 10.0 or weight == 0:
            raise LanguageDataError(file, line, f"weight {weight} outside [-10, 0) u (0, 10]")
        if (weight > 0) != (quad in COOP_QUADS):
            raise LanguageDataError(file, line, f"weight {weight} has the wrong sign for {quad}")
        if interaction not in ("yes", "no"):
            raise LanguageDataError(file, line, f"interaction must be yes or no, got "
                                                f"{interaction!r}")
        if interaction == "yes" and quad not in COOP_QUADS:
            raise LanguageDataError(file, line, "an interaction category must be cooperation")
        roots = tuple(roots_text.split())
        if not roots:
            raise LanguageDataError(file, line, "cameo_roots is empty")
        for root in roots:
            if not _ROOT_RE.match(root) or int(root) not in QUAD_ROOTS[quad]:
                raise LanguageDataError(file, line, f"CAMEO root {root!r} is not a root of "
                                                    f"{quad} ({QUAD_ROOTS[quad].start:02d}-"
                                                    f"{QUAD_ROOTS[quad].stop - 1:02d})")
        rows.append(Category(name, quad, weight, interaction == "yes", roots, note))
    missing = sorted(REQUIRED_CATEGORIES - seen.keys())
    if missing:
        raise LanguageDataError(file, table.columns_line, f"categories {missing} are missing "
                                                          "(the rules name them)")
    return Categories(table.header, tuple(rows))


# --------------------------------------------------------------------------- actor roles
@dataclass(frozen=True)
class ActorRoles:
    """Which actor kinds, codes and title nouns play which role."""

    header: dict[str, str]
    values: dict[str, tuple[str, ...]]

    def of(self, role: str) -> frozenset[str]:
        """The kinds, codes or titles of one role."""
        return frozenset(self.values[role])


def parse_actor_roles(text: str, file: str) -> ActorRoles:
    """Parse and validate an ``actor_roles.tsv`` text."""
    table = parse_table(text, file, ROLE_COLUMNS)
    roles = _Grouped(file, "role", "value")
    for line, (by, value, role, _note) in table.rows:
        if role not in ACTOR_ROLES:
            raise LanguageDataError(file, line, f"unknown role {role!r} (expected "
                                                f"{sorted(ACTOR_ROLES)})")
        if by != ACTOR_ROLES[role]:
            raise LanguageDataError(file, line, f"role {role!r} is given by "
                                                f"{ACTOR_ROLES[role]!r}, not {by!r}")
        if by == "code" and not _CODE_RE.match(value):
            raise LanguageDataError(file, line, f"code {value!r} is not 2-4 upper-case letters or digits")
        if by == "kind" and not _KIND_RE.match(value):
            raise LanguageDataError(file, line, f"kind {value!r} is not lower-case letters")
        if by == "title":
            _check_entry(file, line, value, "title")
        roles.add(line, role, value)
    roles.require({r: f"its {by}s" for r, by in ACTOR_ROLES.items()}, table.columns_line, set())
    both = sorted(set(roles.values["adjective_forms"]) & set(roles.values["noun_forms"]))
    if both:
        raise LanguageDataError(file, roles.lines["noun_forms", both[0]], f"kind {both[0]!r} "
                                "is inflected both as an adjective and as a noun")
    return ActorRoles(table.header, {r: tuple(v) for r, v in roles.values.items()})


# --------------------------------------------------------------------------- verbs
@dataclass(frozen=True)
class IrregularVerbs:
    """Irregular paradigms: whole verbs, and endings whose verbs conjugate alike.

    ``endings`` are tried in file order, after ``verbs``: (ending, its forms,
    endings it does not cover).
    """

    header: dict[str, str]
    verbs: dict[str, tuple[str, ...]]
    endings: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]


def parse_irregular_verbs(text: str, file: str) -> IrregularVerbs:
    """Parse and validate an ``irregular_verbs.tsv`` text."""
    table = parse_table(text, file, VERB_COLUMNS)
    verbs: dict[str, tuple[str, ...]] = {}
    endings: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    seen: dict[str, int] = {}
    for line, (verb, kind, forms_text, except_text, _note) in table.rows:
        if kind not in VERB_TYPES:
            raise LanguageDataError(file, line, f"type must be one of {list(VERB_TYPES)}, got "
                                                f"{kind!r}")
        _check_entry(file, line, verb, "verb")
        if verb in seen:
            raise LanguageDataError(file, line, f"duplicate verb {verb!r}, first at line "
                                                f"{seen[verb]}")
        seen[verb] = line
        forms = tuple(forms_text.split())
        for form in forms:
            _check_entry(file, line, form, "form")
        if not forms or forms[0] != verb:
            raise LanguageDataError(file, line, f"the first form must be {verb!r} itself")
        if len(set(forms)) != len(forms):
            raise LanguageDataError(file, line, "a form is listed twice")
        excepts = tuple(except_text.split())
        if kind == "verb":
            if excepts:
                raise LanguageDataError(file, line, "only an ending takes exceptions")
            verbs[verb] = forms
            continue
        for earlier, _, not_covered in endings:
            if verb.endswith(earlier) and not verb.endswith(not_covered):
                raise LanguageDataError(file, line, f"ending {verb!r} is never reached: the "
                                                    f"earlier ending {earlier!r} covers it")
        if any(not e.endswith(verb) or e == verb for e in excepts):
            raise LanguageDataError(file, line, f"exceptions must be longer endings in "
                                                f"-{verb}, got {list(excepts)}")
        endings.append((verb, forms, excepts))
    return IrregularVerbs(table.header, verbs, tuple(endings))


# --------------------------------------------------------------------------- loading
def languages() -> list[str]:
    """The language codes with a data folder."""
    data = importlib.resources.files("analysis") / "data"
    return sorted(p.name for p in data.iterdir() if p.is_dir() and _LANGUAGE_RE.match(p.name))


def read_text(language: str, filename: str) -> tuple[str, str]:
    """(text, ``language/filename``) of a packaged language data file."""
    if not _LANGUAGE_RE.match(language):
        raise LanguageDataError(f"{language}/{filename}", None, "a language code is two or "
                                                                "three lower-case letters")
    resource = importlib.resources.files("analysis") / "data" / language / filename
    if not resource.is_file():
        raise LanguageDataError(f"{language}/{filename}", None,
                                f"no such file (languages: {', '.join(languages())})")
    return resource.read_text(encoding="utf-8"), f"{language}/{filename}"


def load_words(language: str = DEFAULT_LANGUAGE) -> WordLists:
    """The word lists of a language (``data/<language>/words.tsv``), cached."""
    return cast(WordLists, _load(language, WORDS_FILE))


def load_stance_words(language: str = DEFAULT_LANGUAGE) -> WordLists:
    """The stance rules' word lists of a language (``data/<language>/stance_words.tsv``), cached."""
    return cast(WordLists, _load(language, STANCE_WORDS_FILE))


def load_categories(language: str = DEFAULT_LANGUAGE) -> Categories:
    """The event categories of a language (``data/<language>/categories.tsv``), cached."""
    return cast(Categories, _load(language, CATEGORIES_FILE))


def load_actor_roles(language: str = DEFAULT_LANGUAGE) -> ActorRoles:
    """The actor roles of a language (``data/<language>/actor_roles.tsv``), cached."""
    return cast(ActorRoles, _load(language, ACTOR_ROLES_FILE))


def load_irregular_verbs(language: str = DEFAULT_LANGUAGE) -> IrregularVerbs:
    """The irregular verbs of a language (``data/<language>/irregular_verbs.tsv``), cached."""
    return cast(IrregularVerbs, _load(language, VERBS_FILE))


_PARSERS: dict[str, Callable[[str, str], object]] = {
    WORDS_FILE: parse_words, CATEGORIES_FILE: parse_categories,
    ACTOR_ROLES_FILE: parse_actor_roles, VERBS_FILE: parse_irregular_verbs,
    STANCE_WORDS_FILE: parse_stance_words,
}


@cache
def _load(language: str, filename: str) -> object:
    """One parsed file, once per process (the key is the language code and the file)."""
    return _PARSERS[filename](*read_text(language, filename))


def versions(language: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """The version of each data file of a language (for provenance)."""
    return {
        WORDS_FILE: load_words(language).header["version"],
        CATEGORIES_FILE: load_categories(language).header["version"],
        ACTOR_ROLES_FILE: load_actor_roles(language).header["version"],
        VERBS_FILE: load_irregular_verbs(language).header["version"],
        STANCE_WORDS_FILE: load_stance_words(language).header["version"],
    }
