"""Treaties and their parties: an act on a treaty is an act on its other parties (D31).

"La Russie suspendait sa participation à New Start, dernier traité la liant aux
États-Unis": suspending, leaving or violating a treaty opposes its author to the treaty's
other parties. Which treaty has which parties is data (``analysis/data/treaties.tsv``);
only the parties the sentence names are paired (codebook D11).
"""

from __future__ import annotations

from functools import lru_cache

from analysis import lexicon as lx

from .parties import Clauses
from .structures import Mention
from .tokens import Tok

#: How many tokens after a conflict act its treaty may start ("a suspendu les inspections
#: prévues par le traité New Start").
TREATY_REACH = 7


@lru_cache(maxsize=1)
def treaty_names() -> dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]:
    """Each treaty alias as a token tuple with the codes of its parties, keyed by its first
    word (so that a token that starts no name costs one look-up)."""
    table = lx.load_treaties()
    out: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for alias, parties in zip(table["alias"], table["parties"], strict=True):
        words = tuple(alias.split())
        out.setdefault(words[0], []).append((words, frozenset(parties.split())))
    return out


def treaty_at(toks: list[Tok], k: int) -> tuple[int, frozenset[str]] | None:
    """The longest treaty name starting at ``k``: its end and its parties, or None."""
    best: tuple[int, frozenset[str]] | None = None
    for alias, parties in treaty_names().get(toks[k].w, ()):
        end = k + len(alias)
        if end <= len(toks) and all(toks[k + i].w == w for i, w in enumerate(alias)) \
                and (best is None or end > best[0]):
            best = (end, parties)
    return best


def treaty_partner(cl: Clauses, full: bool) -> None:
    """"Moscou a suspendu les inspections prévues par le traité New Start, invoquant des
    entraves américaines": a conflict act whose object names a treaty (within
    ``TREATY_REACH`` words, in its clause) opposes its agents, the treaty's parties named
    before it in the clause, to the other parties the sentence names (rule
    ``treaty_partner``: RUS > USA). The treaty itself is the act's object, not an agreement
    made ("le traité" counts no cooperation there)."""
    toks = cl.toks
    for ev in cl.events:
        if not ev.conf or ev.start in cl.given:
            continue
        lo, hi = cl.window(ev)
        found = next((t for k in range(ev.end, min(ev.end + TREATY_REACH, hi))
                      if (t := treaty_at(toks, k)) is not None), None)
        if found is None:
            continue
        end, parties = found
        agents = [m for m in cl.mentions if lo <= m.start < ev.start
                  and m.start not in cl.excluded and set(m.all_codes()) & parties]
        own = {c for m in agents for c in m.all_codes()}
        partners: list[Mention] = [
            m for m in cl.mentions + [s for s in cl.speaker_mentions if s not in cl.mentions]
            if m not in agents and set(m.all_codes()) & (parties - own)]
        if not agents or not partners:
            continue
        cl.given[ev.start] = (agents, partners)
        for o in cl.events:
            if o.coop and ev.end <= o.start < end and o.rule == "lexicon":
                o.counted = False
                o.rule = "spoiled"
                o.evidence = f"{ev.shown_term}>{o.shown_term}[spoiled]"
