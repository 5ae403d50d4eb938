"""Actor mentions of a parsed sentence, found with the scorer's compiled actor index."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from .text import scorer_tokens
from .words import DE_FORMS, INTERACTION_NOUNS, NOMINAL_POS, PERSON_KINDS, PERSON_PAIRS

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc

    from ..scoring.matcher import ActRow
    from ..scoring.tokens import Tok

#: An alias found in a sentence: (start, end, actor codes, alias kind).
Span = tuple[int, int, tuple[str, ...], str]


@dataclass(frozen=True)
class Mention:
    """An actor mention in a sentence: token span, actor code(s), alias kind and surface text.

    ``codes`` has several codes for "les deux présidents" (``PAIR``) or
    "russo-américaine", else one.
    """

    codes: tuple[str, ...]
    start: int
    end: int
    text: str
    kind: str = ""


class ActorMatcher:
    """Find actor aliases (``analysis.lexicon.load_actors()``: alias, code, kind) in parsed text.

    The aliases are matched by the scorer's compiled actor index
    (:func:`analysis.scoring.matcher.engine_for`): surface forms, inflections
    and lemmas, longest first. Compound prefixes ("russo-") joined by hyphens
    to each other and to a nationality adjective are one mention
    ("russo-irano-turque", kind ``compound``).
    """

    def __init__(self, actors: pd.DataFrame) -> None:
        from ..lexicon import LEXICON_COLUMNS
        from ..scoring.matcher import engine_for

        # The actor index does not depend on the frame lexicon: the engine without its terms
        # holds the same index and is built in milliseconds (compiling the lexicon takes seconds).
        engine = engine_for(pd.DataFrame(columns=LEXICON_COLUMNS), actors)
        self.index, self.rows = engine.act_index, engine.act

    def _hits(self, toks: Sequence[Tok], lo: int = 0, hi: int | None = None
              ) -> list[tuple[int, int, ActRow]]:
        """The index's matches in ``toks[lo:hi]`` with their actor rows.

        The index skips articles inside an alias ("chef de l'État" for "chef
        d'état"); stance reads the words of such a match again without it, as
        its seed tables always have ("le chef de l'Etat syrien": "Etat syrien";
        "le chef de l'État islamique": IS).
        """
        hi = len(toks) if hi is None else hi
        found = [(s + lo, e + lo, pid) for s, e, pid in self.index.find(toks[lo:hi])]
        out = []
        for n, (start, end, pid) in enumerate(found):
            pattern = self.index.patterns[pid]
            if end - start == len(pattern.specs):
                out.append((start, end, self.rows[pattern.row]))
                continue
            after = found[n + 1][0] if n + 1 < len(found) else hi
            out += self._hits(toks, start, start + 1) + self._hits(toks, start + 1, after)
        return out

    def find(self, doc: Doc, toks: Sequence[Tok] | None = None) -> list[Span]:
        """Non-overlapping ``(start, end, codes, kind)`` token spans, longest first.

        ``toks``: the sentence's scorer tokens, when the caller has them already.
        """
        hits = self._hits(toks if toks is not None else scorer_tokens(doc))
        out: list[Span] = []
        k = 0
        while k < len(hits):
            start, end, row = hits[k]
            k += 1
            if not row.alias.endswith("-"):
                out.append((start, end, (row.code,), row.kind))
                continue
            codes = [row.code]  # "russo - irano - turque": prefixes joined by hyphens
            while k < len(hits) and hits[k][0] == end and hits[k][2].alias.endswith("-"):
                codes.append(hits[k][2].code)
                end = hits[k][1]
                k += 1
            if k < len(hits) and hits[k][:2] == (end, end + 1) and hits[k][2].kind == "adjective":
                codes.append(hits[k][2].code)
                end += 1
                k += 1
            out.append((start, end, tuple(dict.fromkeys(codes)), "compound"))
        return out


def default_actors() -> pd.DataFrame:
    """The project's actor dictionary (``analysis.lexicon.load_actors()``)."""
    from ..lexicon import load_actors

    return load_actors()


@lru_cache(maxsize=2)
def _frame_nouns(cooperative: bool) -> frozenset[str]:
    """The frame lexicon's nouns (only its cooperative ones if ``cooperative``)."""
    try:
        from ..lexicon import COOP_QUADS, load_lexicon

        lex = load_lexicon()
    except (ImportError, FileNotFoundError):  # pragma: no cover - lexicon not installed
        return INTERACTION_NOUNS
    nouns = lex[lex["pos"] == "NOUN"]
    if cooperative:
        nouns = nouns[nouns["quad_class"].isin(COOP_QUADS)]
    return frozenset(nouns["term"])


@lru_cache(maxsize=1)
def interaction_nouns() -> frozenset[str]:
    """Nouns naming an interaction: :data:`INTERACTION_NOUNS` and the frame lexicon's cooperative nouns."""
    return INTERACTION_NOUNS | _frame_nouns(True)


def event_nouns() -> frozenset[str]:
    """Nouns naming an event (the frame lexicon's nouns): a nationality adjective on one is an actor."""
    return _frame_nouns(False)


def find_mentions(doc: Doc, matcher: ActorMatcher, recent: list[tuple[str, bool]] | None = None,
                  toks: Sequence[Tok] | None = None) -> list[Mention]:
    """Actor mentions in a parsed sentence, resolved as the actor dictionary says.

    Adjacent aliases are one mention when one is a title or their codes agree
    ("le président russe Vladimir Poutine": RUS once); a title takes the code
    of its neighbour and is dropped without one. A nationality adjective is an
    actor only next to a title, on an event noun ("le conflit syrien"), or as
    a noun ("les Russes"). A title alias with its own code ("régime") is not
    a mention when a non-actor "de" complement follows ("régime de
    cessez-le-feu"). "Les deux présidents" (``PAIR``) takes the last two
    distinct codes of ``recent`` (the article's codes so far, with whether they name
    a person; updated in place); a pair of persons ("les deux présidents / hommes /
    chefs d'État") takes the last two persons, so that it is not "Poutine and the UN".
    """
    recent = recent if recent is not None else []
    merged = _merge_adjacent(matcher.find(doc, toks))
    at = {i: k for k, m in enumerate(merged) for i in range(m[1], m[2])}
    out = []
    for codes, start, end, kind in merged:
        if codes == ("*",) or not _names_actor(doc, merged, at, start, end, kind):
            continue
        if codes == ("PAIR",):
            codes = _pair_codes(doc[start:end].text, recent)
            if not codes:
                continue
        else:
            person = kind in PERSON_KINDS or kind.startswith("title+")
            recent.extend((c, person) for c in codes)
        out.append(Mention(tuple(codes), start, end, doc[start:end].text, kind))
    return out


def _merge_adjacent(spans: list[Span]) -> list[list[Any]]:
    """``[codes, start, end, kind]`` with adjacent aliases of one actor, or a title and its actor, merged."""
    merged: list[list[Any]] = []
    for s, e, codes, kind in spans:
        m = [codes, s, e, kind]
        if merged and merged[-1][2] == m[1] and "PAIR" not in (m[0] + merged[-1][0]):
            prev = merged[-1]
            if prev[0] == ("*",) and m[0] != ("*",):
                prev[0], prev[2], prev[3] = m[0], m[2], "title+" + m[3]
                continue
            if m[0] in {prev[0], ("*",)}:
                prev[2] = m[2]
                prev[3] = prev[3] if prev[3] != "adjective" else "adjective+" + m[3]
                continue
        merged.append(m)
    return merged


def _names_actor(doc: Doc, merged: list[list[Any]], at: dict[int, int], start: int, end: int,
                 kind: str) -> bool:
    """False for a nationality adjective on no title or event noun, and for "régime de …"."""
    tok = doc[start:end].root
    if kind == "adjective" and (tok.pos_ not in NOMINAL_POS or tok.dep_ == "amod"):
        h = tok
        while h.dep_ == "conj" and h.head.i != h.i:
            h = h.head
        events = event_nouns()
        if not any((c.i in at and merged[at[c.i]][0] == ("*",)) or c.lemma_.lower() in events
                   or c.lower_ in events for c in (h, h.head)):
            return False
    return not (kind == "title" and end < len(doc) and doc[end].lower_ in DE_FORMS and not any(
        j in at for j in range(end + 1, min(len(doc), end + 3))))


def _pair_codes(text: str, recent: list[tuple[str, bool]]) -> tuple[str, ...]:
    """The two codes "les deux présidents" stands for (empty when fewer are known)."""
    from ..scoring.actors import last_two

    persons = any(w in text.lower() for w in PERSON_PAIRS)
    pair = last_two([c for c, person in recent if person or not persons])
    return tuple(sorted(pair)) if len(pair) == 2 else ()
