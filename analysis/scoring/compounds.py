"""Compound nationality adjectives: "russo-américain", "américano-britannique".

One mention of every code; beside an event word ("la guerre russo-ukrainienne", "les
relations russo-américaines", "une opération américano-britannique" after dénoncer) it
names the parties of that event; after any other noun it is a place ("la frontière
franco-allemande"). Moved from :mod:`.actors` (codebook D18, D24).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .french import DETERMINERS
from .matcher import Engine
from .structures import Mention
from .tokens import Tok, unique
from .words import RELATION_NOUNS


def compound_adjectives(engine: Engine, toks: list[Tok], mentions: list[Mention],
                        event_heads: frozenset[int] | None = None, places: bool = False,
                        ) -> list[Mention]:
    """"la guerre russo-ukrainienne", "les tensions sino-américaines": a compound of
    nationality adjectives next to an event word (``event_heads``, every lexicon match;
    "la guerre russo-ukrainienne", "la déclaration russo-américaine conjointe") names the
    parties of that event, whatever the word, as one mention with
    every code (rule ``compound_adjective``); after any other noun it is a place ("la
    frontière franco-allemande"), kept only with ``places``. The tokenizer keeps some
    compounds as one token ("sino-américaines"), splits others."""
    out = _compounds(engine, toks, mentions)
    if event_heads is None:
        return out
    kept = []
    for m in out:
        if len(m.codes) >= 2 and not m.pair and not any(
                k in event_heads or toks[k].w in RELATION_NOUNS
                for k in (*range(max(0, m.start - 2), m.start), m.end) if k < len(toks)):
            if not places:
                continue
            m = replace(m, place=True)
        kept.append(m)
    return kept


def _compounds(engine: Engine, toks: list[Tok], mentions: list[Mention]) -> list[Mention]:
    """The mentions with each compound adjective merged into one mention of every code."""
    out: list[Mention] = []
    chain: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start) + [None]:  # type: ignore[list-item]
        if m is not None and m.kind == "adjective" and chain and (
                (m.start == chain[-1].end and toks[m.start - 1].w == "-")  # "russo-" + "-"
                or (m.start == chain[-1].end + 1 and toks[chain[-1].end].w == "-")):
            chain.append(m)
            continue
        if len(chain) >= 2 and len(unique(c.code for c in chain)) >= 2:
            first = chain[0]
            out.append(replace(first, end=chain[-1].end, text=" ".join(
                t.text for t in toks[first.start:chain[-1].end]),
                codes=tuple(unique(c.code for c in chain))))
        else:
            out.extend(chain)
        chain = [m] if m is not None and m.kind == "adjective" else []
        if m is not None and m.kind != "adjective":
            out.append(m)
    for k, tok in enumerate(toks):
        if "-" not in tok.w or any(m.start <= k < m.end for m in out):
            continue
        parts = tok.w.split("-")
        codes = [engine.compound_prefixes.get(p, "") for p in parts[:-1]]
        codes.append(engine.adjective_forms.get(parts[-1], ""))
        if all(codes) and len(set(codes)) >= 2:
            noun = k > 0 and toks[k - 1].w[:1].isalpha() and toks[k - 1].w not in DETERMINERS
            out.append(Mention(k, k + 1, codes[0], "adjective", tok.text, tok.text,
                               codes=tuple(unique(codes)), title=toks[k - 1].w if noun else "",
                               hstart=k - 1 if noun else -1))  # "une opération américano-britannique"
    return out


def in_compound(toks: Sequence[Any], start: int, end: int, adj_tokens: set[int]) -> bool:
    """Is this nationality adjective part of "russo-ukrainien" (joined to another by "-")?"""
    before = start >= 2 and toks[start - 1].w == "-" and start - 2 in adj_tokens
    prefix = toks[end - 1].w == "-" and end in adj_tokens  # "russo-" matched with its hyphen
    after = end + 1 < len(toks) and toks[end].w == "-" and end + 1 in adj_tokens
    return before or prefix or after
