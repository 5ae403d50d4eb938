"""Closed word lists the rules read (negators, speech verbs, titles, modality cues...)."""

from __future__ import annotations

from collections.abc import Iterable

from .french import SKIPPABLE, verb_forms, verbal_ending
from .tokens import Tok

# Word lists used by the rules
# --------------------------------------------------------------------------- #
NEGATORS = frozenset({"pas", "plus", "jamais", "guère", "point", "rien", "aucun", "aucune",
                       "nullement", "personne", "ni", "nul", "nulle"})
#: Verbs whose negation asserts what follows (ne pas hésiter à, ne pas manquer de, ne pas
#: tarder à, ne pas cesser de), by the start every form shares.
_LITOTES = ("hésit", "manqu", "tard", "cess")


def litote(tok: Tok) -> bool:
    """A form of hésiter, manquer, tarder or cesser (any tense, any mode)."""
    return tok.w.startswith(_LITOTES) and verbal_ending(tok.w)


NEG_BREAK = frozenset({",", ";", ":", "que", "mais", "et", "car", "«", "»", "(", ")", ".",
                        '"', "“", "”", "si"})
DEESC_GAP = SKIPPABLE | {"de", "à", "immédiatement", "définitivement", "progressivement",
                           "totalement", "enfin", "rapidement"}
INTERACTION = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID"})
POSSESSIVES = frozenset({"sa", "son", "ses", "leur", "leurs"})
LOCATIVE = frozenset({"en", "au", "aux", "dans", "vers", "depuis", "à"})
AUX = frozenset({"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient",
                  "eut", "est", "sont", "était", "étaient", "sera"})
IMPERSONAL = frozenset({"faut", "fallait", "faudra", "faudrait", "fallu", "y", "se",
                         "semble", "semblait", "reste", "restait", "paraît", "suffit",
                         "convient", "existe", "importe", "pleut", "s'agit"})
ETRE = frozenset({"est", "était", "sera", "serait", "fut"})
COND_EXCEPT = frozenset({"retrait", "portrait", "attrait", "extrait", "trait", "abstrait",
                          "distrait", "souhait", "trais"})
FUTURE_FORMS = frozenset({"sera", "seront", "aura", "auront", "fera", "feront", "pourra",
                           "pourront", "devra", "devront", "ira", "iront", "va", "vont",
                           "viendra", "viendront", "tiendra", "tiendront", "prochain",
                           "prochaine", "prochains", "prochaines", "prévu", "prévue",
                           "prévus", "prévues"})
FUTURE_EXCEPT = frozenset({"opéra", "caméra", "choléra", "ultra", "extra", "contra",
                            "front", "affront", "hydra", "tantra"})
QUOTE_OPEN = "«“„"
QUOTE_CLOSE = "»”"
QUOTE_CHARS = frozenset("«»“”„\"")
TOPIC_NOUNS = frozenset({"question", "dossier", "sujet", "siège", "situation"})
FRONTED = frozenset({"après", "avant", "lors", "dans", "pour", "malgré", "en", "par",
                      "depuis", "au", "à", "suite", "outre", "contrairement", "comme"})
#: Event nouns whose nationality adjective names a place or topic, not a party
#: ("le conflit syrien", "le règlement du problème syrien").
NON_AGENT_HEADS = frozenset({"guerre", "conflit", "guerre civile", "conflit armé", "violence",
                              "processus politique", "processus de paix", "règlement",
                              "règlement politique", "résolution", "paix", "solution politique",
                              "hostilités", "terrorisme", "lutte contre le terrorisme"})
SI_NEXT = frozenset({"il", "ils", "elle", "elles", "on", "le", "la", "les", "un", "une",
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


SPEECH_STRONG_FORMS = frozenset().union(*(_finite(verb_forms(v)) for v in _SPEECH_STRONG))
SPEECH_WEAK_FORMS = frozenset().union(*(_finite(verb_forms(v)) for v in _SPEECH_WEAK)) \
    - SPEECH_STRONG_FORMS
SPEECH_FORMS = SPEECH_STRONG_FORMS | SPEECH_WEAK_FORMS
_PARTICIPLE_EXTRA = frozenset({"reconnu", "reconnue", "conclu", "poursuivi", "démenti",
                               "prévenu", "admis", "répondu", "averti", "mis", "écrit"})
PERSON_TITLES = frozenset({"président", "présidente", "chef", "dirigeant", "homologue",
                            "leader", "chef d'état", "chef d'etat", "émir"})
OFFICIAL_TITLES = frozenset({"ministre", "porte-parole", "diplomate", "ambassadeur",
                              "représentant", "diplomatie"})


def needs_aux(w: str) -> bool:
    return w.endswith(("é", "ée", "és", "ées")) or w in _PARTICIPLE_EXTRA


# --------------------------------------------------------------------------- #
# Per-article context and per-sentence intermediate objects
