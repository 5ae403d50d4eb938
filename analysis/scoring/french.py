"""French normalisation, inflection and stemming used by the matcher and the rules."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

# French normalisation and inflection
# --------------------------------------------------------------------------- #
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_ELISION = {
    "l'": "le", "d'": "de", "s'": "se", "n'": "ne", "qu'": "que", "c'": "ce",
    "j'": "je", "m'": "me", "t'": "te", "jusqu'": "jusque", "lorsqu'": "lorsque",
    "puisqu'": "puisque", "quoiqu'": "quoique",
}
#: Articles, possessives and demonstratives: one class inside expressions.
DETERMINERS = frozenset({
    "le", "la", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
    "cette", "ces", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "du", "des", "au",
    "aux",
})
CONTRACTIONS = {"au": "à", "aux": "à", "du": "de", "des": "de"}
#: Tokens skipped between the words of an expression (at most two per gap).
SKIPPABLE = DETERMINERS | {"tous", "toutes", "tout", "toute"}

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


