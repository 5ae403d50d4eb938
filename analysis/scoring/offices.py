"""The date rules: who a named person or a title is at the article's date (``Context.date``).

"Donald Trump" in 2022 is no actor of the United States, "le président américain" is Joe
Biden then and Donald Trump in 2017 (``actors.tsv`` terms and ``offices.tsv``)."""

from __future__ import annotations

from collections.abc import Sequence

from .matcher import Engine, Term, office_words
from .structures import Mention
from .tokens import Tok
from .words import ADJECTIVE_COORDINATORS, OFFICE_NOT_AFTER, OFFICE_NOT_BEFORE


def office_term(engine: Engine, mentions: Sequence[Mention], date: str) -> None:
    """A person named at a date outside their time in office is not their state then.

    With the article's date known, a named leader or official whose actors.tsv
    row has a term (start, end) that does not hold the date, or who is between
    two terms of one office of offices.tsv (Donald Trump from 2021-01-20 to
    2025-01-20), keeps the label (a speaker is still named, "il" still refers
    to them) but not the code: no actor, no dyad, no intra-actor pair; the code
    is kept in ``out_of_office``. Without a date nothing changes.
    """
    if not date:
        return
    for m in mentions:
        if m.person and m.code and not m.pronoun and not in_office(
                engine.terms.get((m.code, m.label), ()), m.term, date):
            m.out_of_office, m.code = m.code, ""


def in_office(terms: Sequence[Term], term: tuple[str, str], date: str) -> bool:
    """Does a person hold office at ``date``: within the actors.tsv term and not between
    two terms of one office phrase of offices.tsv that no other term of theirs covers?"""
    start, end = term
    if (start and date < start) or (end and date >= end):
        return False
    if any(t.holds(date) for t in terms):
        return True
    return not any(a.words == b.words and a.end and a.end <= date < b.start
                   for a in terms for b in terms)


def title_by_date(engine: Engine, toks: list[Tok], mentions: Sequence[Mention],
                  date: str) -> None:
    """"le président américain" at the article's date is its holder (offices.tsv).

    A title + nationality adjective mention ("le chef de la diplomatie russe",
    "le ministre russe des Affaires étrangères") whose office phrase and code
    have a holder at the date takes the holder's label and becomes a person:
    the speaker of "a déclaré le président américain" is "Joe Biden" in 2022,
    and two such persons of one code meeting stay intra-actor. Not after
    "ancien", "futur", "vice-" ..., nor before "élu", nor with a plural title
    and adjective ("les présidents américains"). Without a date nothing changes.
    """
    if not date:
        return
    adjectives = {k for m in mentions if m.kind == "adjective" for k in range(m.start, m.end)}
    for m in mentions:
        if m.kind == "adjective" and m.title and m.code and not m.person and m.hstart >= 0:
            holder = office_holder(engine.offices.get(m.code, ()), toks, m, adjectives, date)
            if holder:
                m.label, m.person = holder, True


def office_holder(terms: Sequence[Term], toks: list[Tok], m: Mention, adjectives: set[int],
                  date: str) -> str:
    """The label of the holder at ``date`` of the office a title mention names, or ""."""
    if toks[m.start].w.endswith(("s", "x")) and toks[m.hstart].w.endswith(("s", "x")):
        return ""  # les présidents américains: not one holder
    left = _content(toks, range(max(0, m.hstart - 6), m.start), adjectives)
    right = _content(toks, range(m.end, min(len(toks), m.end + 8)), adjectives, stop=True)
    for t in terms:
        n = len(t.words)
        for i in range(n, 0, -1):
            if len(left) < i or len(right) < n - i or not t.reads(
                    [w for _, w in left[len(left) - i:] + right[:n - i]]):
                continue
            first = left[-i][0]
            last = right[n - i - 1][0] if n > i else m.end - 1
            if (first > 0 and toks[first - 1].w in OFFICE_NOT_BEFORE) or any(
                    toks[k].w in OFFICE_NOT_AFTER for k in range(first, min(len(toks), last + 2))):
                return ""
            if t.holds(date):
                return t.label
            break  # this phrase, but another term: look on for the holder at the date
    return ""


def _content(toks: list[Tok], span: range, adjectives: set[int],
             stop: bool = False) -> list[tuple[int, str]]:
    """(index, word) of the content words of ``span`` as :func:`office_words` reads them,
    other nationality adjectives and their coordinators left out; ``stop`` at punctuation."""
    out: list[tuple[int, str]] = []
    for k in span:
        if k in adjectives or toks[k].w in ADJECTIVE_COORDINATORS:
            continue
        if stop and toks[k].punct:
            break
        out.extend((k, w) for w in office_words([toks[k].w]))
    return out
