"""Actor mentions of a parsed sentence: aliases of the actor dictionary, resolved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from .text import as_text, normalise
from .words import (
    ADJECTIVE_ENDINGS,
    DE_FORMS,
    INTERACTION_NOUNS,
    NOMINAL_POS,
    PERSON_KINDS,
    PERSON_PAIRS,
)

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc, Token

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

    Aliases are lower-case surface forms or lemma sequences; they are
    tokenised like the text and matched on token forms or lemmas, longest
    first. Aliases of three letters or fewer ("ei", "onu") match only in upper
    case; compound prefixes ("russo-") match inside hyphenated words
    ("russo-américaine").
    """

    def __init__(self, actors: pd.DataFrame) -> None:
        from ..nlp import load_pipeline

        tokenizer = load_pipeline("full").tokenizer
        self.entry: dict[tuple[str, ...], tuple[str, str]] = {}
        self.prefix: dict[str, tuple[str, str]] = {}
        self.short: set[tuple[str, ...]] = set()
        self.titles: set[str] = set()
        variants: list[tuple[tuple[str, ...], tuple[str, str]]] = []
        kinds = actors["kind"] if "kind" in actors.columns else pd.Series("", index=actors.index)
        for alias, code, kind in zip(actors["alias"], actors["code"], kinds, strict=True):
            if not isinstance(alias, str) or not alias.strip() or not isinstance(code, str):
                continue
            a = normalise(alias.strip()).lower()
            if a.endswith("-"):
                self.prefix.setdefault(a[:-1], (code, as_text(kind)))
                continue
            key = tuple(t.text for t in tokenizer(a))
            self.entry.setdefault(key, (code, as_text(kind)))
            if len(key) == 1 and len(a) > 4:  # "terroristes" also matches "terroriste", and back
                other = a[:-1] if a.endswith("s") and not a.endswith("ss") else a + "s"
                variants.append(((other,), (code, as_text(kind))))
            if len(a) <= 3 and a.isalpha():
                self.short.add(key)
            if code == "*":
                self.titles.add(a)
        for key, value in variants:  # explicit aliases win over generated number variants
            self.entry.setdefault(key, value)
        self.max_len = max((len(k) for k in self.entry), default=1)

    def _lookup(self, toks: Sequence[Token]) -> tuple[str, str] | None:
        forms = tuple(t.lower_ for t in toks)
        lemmas = tuple(t.lemma_.lower() or t.lower_ for t in toks)
        keys = [forms, lemmas, forms[:-1] + lemmas[-1:]]
        if len(toks) == 1:  # inflected adjectives the lemmatiser leaves alone ("américaine")
            w = forms[0]
            keys += [(w[:-n],) for n, end in ADJECTIVE_ENDINGS if w.endswith(end) and len(w) > n + 3]
        for key in keys:
            if key in self.entry:
                if key in self.short and not all(t.text.isupper() for t in toks):
                    return None
                return self.entry[key]
        return None

    def find(self, doc: Doc) -> list[Span]:
        """Non-overlapping ``(start, end, codes, kind)`` token spans, longest first."""
        out, i = [], 0
        while i < len(doc):
            for n in range(min(self.max_len, len(doc) - i), 0, -1):
                hit = self._lookup(doc[i:i + n])
                if hit is not None:
                    out.append((i, i + n, (hit[0],), hit[1]))
                    i += n
                    break
            else:
                j, codes = i, []  # "russo - irano - turque": prefixes joined by hyphens
                while j + 1 < len(doc) and doc[j].lower_ in self.prefix and doc[j + 1].text == "-":
                    codes.append(self.prefix[doc[j].lower_][0])
                    j += 2
                if codes:
                    last = self._lookup(doc[j:j + 1]) if j < len(doc) else None
                    if last and last[1] == "adjective":
                        codes.append(last[0])
                        j += 1
                    out.append((i, j, tuple(dict.fromkeys(codes)), "compound"))
                    i = j
                else:
                    i += 1
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


def find_mentions(doc: Doc, matcher: ActorMatcher, recent: list[tuple[str, bool]] | None = None
                  ) -> list[Mention]:
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
    merged = _merge_adjacent(matcher.find(doc))
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
    persons = any(w in text.lower() for w in PERSON_PAIRS)
    pool = [c for c, person in recent if person or not persons]
    distinct = list(dict.fromkeys(reversed(pool)))[:2]
    return tuple(sorted(distinct)) if len(distinct) == 2 else ()
