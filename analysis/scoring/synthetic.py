"""The events dyad rules add to a sentence, made by one constructor.

"contre Daech", "X doit", "provoquant la colère de Moscou", "a exclu la Russie du G8":
rules that find an act the lexicon does not list as such add it as an event of a PLOVER
category, weighted by that category's Schrodt score, so that every added event is built
and shown the same way (its evidence names the rule's term and the actor it concerns)."""

from __future__ import annotations

from analysis import lexicon as lx

from .events import mod
from .matcher import LexRow
from .modality import modality_of
from .parties import Clauses
from .structures import Event
from .tokens import Tok


def synthetic_event(toks: list[Tok], start: int, end: int, term: str, category: str,
                    quad: str, cameo: str, rule: str, code: str, full: bool,
                    verb: bool = False) -> Event:
    """An event a dyad rule adds ("contre Daech", "contre X" on a cooperation, "X doit"),
    weighted by its category's Schrodt score, with its evidence ("contre:TER[ASSAULT,-9.3]")."""
    weight = lx.SCHRODT_SCORES[category]
    row = LexRow(term, "VERB" if verb else "MWE", category, quad, weight, cameo, "event")
    ev = Event(start, end, row, category, quad, weight, verb=verb, rule=rule,
               modality=modality_of(toks, start, end, full))
    ev.evidence = f"{term}:{code}[{category},{ev.weight:+.1f}{mod(ev)}]"
    return ev


def add_synthetic(cl: Clauses, ev: Event) -> None:
    """Count a rule's own event in the sentence (and show it in the evidence)."""
    cl.events.append(ev)
    cl.synthetic.append(ev)
