"""Where a sentence's clauses begin: the bounds the dyad rules pair actors within.

A clause ends at ``;``, at a completive ``que``, at the comma of a fronted adverbial, a
coordinated clause with its own subject, an absolute participle clause, a condition ("si
Washington livrait ..."), and around a speech attribution."""

from __future__ import annotations

from .french import DETERMINERS
from .tokens import Tok, first_word, label_colon, phrase_at
from .words import (
    AUX,
    CLAUSE_COORDINATORS,
    CONDITION_SUBJECTS,
    CONDITIONALS,
    DISMAY_PHRASES,
    FRONTED,
    NEGATORS,
    PARTICIPLE_ENDINGS,
    PREVERBAL_CLITICS,
    QUE_NOT_BOUND_AFTER,
    QUOTE_CHARS,
    UNLIKELY_MARKERS,
)

#: The words a clause bound can sit on (each test of :func:`clause_bounds` starts with one of
#: them: ";", "que", a comma, a condition's "si"/"s'"), checked first for speed.
_BOUND_WORDS = frozenset({";", "que", ",", "se", *CONDITIONALS})
_UNLIKELY_FIRSTS = frozenset(p[0] for p in UNLIKELY_MARKERS)


def clause_bounds(toks: list[Tok], excluded: set[int]) -> list[int]:
    """Token indices that separate clauses: ``;``, ``que``, a fronted adverbial's comma (at
    the sentence's start or after a headline's label), and the edges of a speech
    attribution."""
    n = len(toks)
    bounds = [k for k, t in enumerate(toks) if t.w in _BOUND_WORDS and (t.w == ";" or (
        t.w == "que" and not (k > 0 and toks[k - 1].w in QUE_NOT_BOUND_AFTER)
        and not restrictive_que(toks, k)) or condition_opens(toks, k)
        or coordinated_clause(toks, k) or absolute_clause(toks, k) or dismay_opens(toks, k)
        or juxtaposed_tail(toks, k))]
    colon = label_colon(toks)  # "Munich : pour Kamala Harris, la Russie a commis ..."
    for first in [first_word(toks)] + ([colon + 1] if colon is not None and colon + 1 < n else []):
        fw = toks[first].w if toks else ""
        if fw in FRONTED or fw.endswith(PARTICIPLE_ENDINGS) or (
                first + 1 < n and fw == "se" and toks[first + 1].w.endswith(PARTICIPLE_ENDINGS)):
            comma = next((k for k in range(first, n) if toks[k].w == ","), None)
            if comma is not None:
                bounds.append(comma)
                bounds.sort()
    if excluded:
        bounds = sorted(set(bounds) | {min(excluded), max(excluded)})
    return bounds


def dismay_opens(toks: list[Tok], k: int) -> bool:
    """", au grand dam de Washington": a comma before a dismay phrase (``dismay_phrases``)
    closes the clause of the act the actor after it disapproves (rule ``dismayed_party``)."""
    return toks[k].w == "," and phrase_at(toks, k + 1, DISMAY_PHRASES) > 0


def juxtaposed_tail(toks: list[Tok], k: int) -> bool:
    """"Sommet de l'OTAN : Blinken promet à Kiev un « pont » vers l'adhésion, Moscou
    fulmine": a comma, a name of one or two capitalised words and one last lower-case word
    (a headline's intransitive verb) end the sentence as a clause of its own (rule
    ``juxtaposed_clause``)."""
    end = len(toks) - (1 if toks and toks[-1].punct else 0)
    if toks[k].w != "," or not 3 <= end - k <= 4 or any(condition_opens(toks, j) for j in range(k)):
        return False  # "Si l'Otan intervient en Ukraine, Moscou ripostera": the main clause
    name, last = toks[k + 1:end - 1], toks[end - 1]
    return all(t.title for t in name) and last.w.isalpha() and not last.title


#: How many words the subject of a coordinated clause may take before its verb.
SUBJECT_REACH = 8


def coordinated_clause(toks: list[Tok], k: int) -> bool:
    """", et l'ambassadeur russe à Washington a dénoncé ...", ", mais Moscou l'a rejeté": a
    comma and a coordinator before a new subject (a determiner or a name) and its finite
    verb (an auxiliary, a preverbal clitic, or a finite verb in full mode) open a new clause
    at ``k`` (rule ``coordinated_clause``)."""
    if toks[k].w != "," or k + 2 >= len(toks) or toks[k + 1].w not in CLAUSE_COORDINATORS:
        return False
    if not (toks[k + 2].w in DETERMINERS or toks[k + 2].title):
        return False
    for j in range(k + 3, min(len(toks), k + 3 + SUBJECT_REACH)):
        if toks[j].punct and toks[j].w not in QUOTE_CHARS:
            return False
        if toks[j].w in PREVERBAL_CLITICS or toks[j].w in AUX or (
                toks[j].pos in ("VERB", "AUX") and toks[j].verbform == "Fin"):
            return True
    return False


def absolute_clause(toks: list[Tok], k: int) -> bool:
    """", Moscou dénonçant pour sa part une « provocation » américaine", ", Donald Trump
    estimant que ...": a comma, a subject ending in a name and a present participle make an
    absolute clause with its own subject, a new clause at ``k`` (rule ``absolute_clause``).
    A common noun before the participle makes it the noun's ("des sanctions visant
    Moscou"), and the parse, where there is one, must read the participle as a verb."""
    if toks[k].w != "," or k + 2 >= len(toks) or not (toks[k + 1].w in DETERMINERS or toks[k + 1].title):
        return False
    for j in range(k + 2, min(len(toks), k + 2 + SUBJECT_REACH)):
        t = toks[j]
        if t.w in PREVERBAL_CLITICS and toks[j - 1].text[:1].isupper():
            return clitic_participle(toks, j)  # ", la Russie y voyant une « escalade »"
        if (t.punct and t.w not in QUOTE_CHARS) or t.w in AUX or t.w in PREVERBAL_CLITICS \
                or (t.pos in ("VERB", "AUX") and t.verbform == "Fin"):
            return False
        if t.w.endswith(PARTICIPLE_ENDINGS) and not t.title:
            return toks[j - 1].text[:1].isupper() and t.pos in ("", "VERB", "AUX", "ADJ")
    return False


def clitic_participle(toks: list[Tok], j: int) -> bool:
    """Clitics at ``j`` right after a name (words ``preverbal_clitics``: y, en, lui, leur, se,
    ne), then a present participle: ", la Russie y voyant", ", Washington lui reprochant" (an
    absolute clause, :func:`absolute_clause`; "le" and "la" are not among them)."""
    while j < len(toks) and toks[j].w in PREVERBAL_CLITICS:
        j += 1
    return j < len(toks) and toks[j].w.endswith(PARTICIPLE_ENDINGS) and not toks[j].title \
        and toks[j].pos in ("", "VERB", "AUX")


def restrictive_que(toks: list[Tok], k: int) -> bool:
    """Is the "que" at ``k`` the second half of a restrictive "ne ... que" ("ne font que
    prolonger le conflit", "n'a fait qu'aggraver"), which opens no clause? A negator
    between ("ne dit pas que") makes it a completive "que" again."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if toks[j].w in NEGATORS or toks[j].punct:
            return False
        if toks[j].w == "ne":
            return True
    return False


def condition_opens(toks: list[Tok], k: int) -> bool:
    """Does a condition clause start at ``k``: "si" before a determiner, a name or a
    subject pronoun ("si Washington livrait", "si les États-Unis", "s'il"), not the adverb
    ("si fort")?"""
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    if toks[k].w == "se" and toks[k].text[1:2] in ("'", "’"):
        return nxt.w in ("il", "ils")  # "s'il": si, elided
    return toks[k].w in CONDITIONALS and (
        nxt.w in DETERMINERS or nxt.w in CONDITION_SUBJECTS or nxt.title)


def unlikely_clause(toks: list[Tok]) -> set[int]:
    """The words of a clause judged unlikely, up to the next comma or semicolon ("Joe Biden a
    estimé « peu probable » qu'il ait été tiré depuis la Russie": ``unlikely_markers``, then
    "que"): an actor named there only as what is unlikely is no side of a co-mention (rule
    ``unlikely_clause``, codebook D35)."""
    out: set[int] = set()
    n = len(toks)
    for k in range(n):
        if toks[k].w not in _UNLIKELY_FIRSTS:
            continue
        for phrase in UNLIKELY_MARKERS:
            if tuple(t.w for t in toks[k:k + len(phrase)]) != phrase:
                continue
            j = k + len(phrase)
            while j < n and toks[j].w in QUOTE_CHARS:
                j += 1
            if j < n and toks[j].w == "que":
                out.update(range(j + 1, clause_end(toks, j + 1)))
    return out


def clause_end(toks: list[Tok], k: int) -> int:
    """The next comma or semicolon from ``k`` that does not open or close a relative clause
    set off by commas ("que le projectile, qui a tué deux agriculteurs, ait été tiré depuis la
    Russie": the clause goes on after "qui ... ,")."""
    n = len(toks)
    while k < n:
        if toks[k].w == ";":
            return k
        if toks[k].w == ",":
            if k + 1 < n and toks[k + 1].w in ("qui", "dont"):
                k = next((x for x in range(k + 2, n) if toks[x].w in (",", ";")), n)
            else:
                return k
        k += 1
    return n
