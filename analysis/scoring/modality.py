"""Modality of an event: hypothetical, conditional, future or asserted (recorded on every
event and dyad contribution, never cancelling one; codebook Part I "modality")."""

from __future__ import annotations

from .french import looks_like_infinitive
from .tokens import Tok
from .words import (
    ALLER_PRESENT,
    CASE_PREPOSITIONS,
    COND_EXCEPT,
    FUTURE_EXCEPT,
    FUTURE_FORMS,
    QUOTE_CHARS,
    SI_ELIDED_BEFORE,
    SI_NEXT,
)


def modality_of(toks: list[Tok], s: int, e: int, full: bool) -> str:
    """hypothetical > conditional > future > asserted for the words s:e."""
    n = len(toks)
    lb = 0
    for k in range(s - 1, -1, -1):
        if toks[k].w in (";", ".", "que") or toks[k].text in QUOTE_CHARS:
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
                and k + 1 < n and (toks[k + 1].title or toks[k + 1].w in SI_NEXT)) or (
                w == "se" and k + 1 < n and toks[k + 1].w in SI_ELIDED_BEFORE):
            return "hypothetical"
        if w == "cas" and k > 0 and toks[k - 1].w in CASE_PREPOSITIONS:
            return "hypothetical"
    if full and s < n:
        found = modality_parse(toks, s)
        if found:
            return found
    window = range(max(lb, s - 6), min(rb, e + 8))
    for k in window:
        w = toks[k].w
        if w.endswith(("rait", "raient")) and w not in COND_EXCEPT and len(w) > 5:
            return "conditional"
    for k in window:
        w = toks[k].w
        if w in FUTURE_FORMS:
            if w in ALLER_PRESENT and not (k + 1 < n and looks_like_infinitive(
                    toks[k + 1].w)):
                continue
            return "future"
        if len(w) > 5 and w.endswith(("era", "eront", "ira", "iront", "dra", "dront")) \
                and w not in FUTURE_EXCEPT:
            return "future"
    return "asserted"


def modality_parse(toks: list[Tok], s: int) -> str:
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
