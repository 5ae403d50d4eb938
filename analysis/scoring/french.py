"""French normalisation, inflection and stemming used by the matcher and the rules."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

from analysis.language import DEFAULT_LANGUAGE, load_irregular_verbs, load_words

# French normalisation and inflection
# --------------------------------------------------------------------------- #
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
#: The scorer's language: its word lists come from analysis/data/<LANGUAGE>/.
LANGUAGE = DEFAULT_LANGUAGE
_WORDS = load_words(LANGUAGE)
_ELISION = _WORDS.map("elisions")
_ACCENTLESS = _WORDS.map("accentless_capitals")
#: Elided forms of the language (l', qu', jusqu'...), as written in words.tsv.
ELISIONS: tuple[str, ...] = tuple(_ELISION)
#: Articles, possessives and demonstratives: one class inside expressions.
DETERMINERS = _WORDS.set("determiners")
#: Opening quotation marks (the language's and the straight double quote).
QUOTE_OPENERS = frozenset("".join(_WORDS.seq("quote_open")) + '"')
CONTRACTIONS = _WORDS.map("contractions")
#: Tokens skipped between the words of an expression (at most two per gap).
SKIPPABLE = DETERMINERS | _WORDS.set("skippable")

_NOT_INFINITIVES = _WORDS.set("not_infinitives")


def norm(text: str) -> str:
    """Lower-case, NFC, straight apostrophes, elisions expanded (l' -> le), a capital letter
    alone read with its accent (A -> à: "A l'ONU, ...")."""
    w = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    if len(text) == 1 and text.isupper():
        return _ACCENTLESS.get(w, w)
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
_SECOND_GROUP = _WORDS.set("second_group")

#: Irregular verbs: whole paradigms, and endings whose verbs conjugate alike (convenir,
#: soutenir, promettre, attendre...), tried in file order (data/<language>/irregular_verbs.tsv).
_IRREGULAR = load_irregular_verbs(LANGUAGE)


def _irregular(inf: str) -> tuple[str, ...] | None:
    """The listed forms of an irregular infinitive, or None."""
    forms = _IRREGULAR.verbs.get(inf)
    if forms is not None:
        return forms
    for ending, pattern, not_covered in _IRREGULAR.endings:
        if inf.endswith(ending) and not (not_covered and inf.endswith(not_covered)):
            pre = inf[: -len(ending)]
            return tuple(pre + f for f in pattern)
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
    elif word.endswith("c"):  # grecque, franche, turque, publique
        forms.update({word + "que", word + "ques", word + "he", word + "hes",
                      word[:-1] + "que", word[:-1] + "ques"})
    elif word.endswith("eux"):
        forms.update({word[:-1] + "se", word[:-1] + "ses"})
        forms.discard(word + "s")
    elif word.endswith("f"):
        forms.update({word[:-1] + "ve", word[:-1] + "ves"})
    elif word.endswith("al"):
        forms.update({word + "e", word + "es", word[:-2] + "aux"})
    elif word.endswith("ier"):
        forms.update({word[:-2] + "ère", word[:-2] + "ères"})
    elif word.endswith(("ateur", "cteur")):  # provocatrice, destructrice (not menteuse)
        forms.update({word[:-4] + "trice", word[:-4] + "trices"})
    elif word.endswith("s"):
        forms.discard(word + "s")
        forms.update({word + "e", word + "es"})
    else:
        forms.update({word + "e", word + "es"})
    return frozenset(forms)


def looks_like_infinitive(word: str) -> bool:
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


def verbal_ending(word: str) -> bool:
    """Could this word be a verb form matched by its stem?

    Words of one or two letters never are (the pronoun "tu" is not a form of
    tuer), nor words with a noun or adjective suffix.
    """
    return (len(word) > 2 and word.endswith(_VERB_ENDINGS)
            and not word.endswith(_NOT_VERB_ENDINGS))


