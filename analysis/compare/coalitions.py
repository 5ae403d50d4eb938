"""Coalitions and blocs in the dyads: a member's relation as named, or via its coalitions (D17).

A coalition named as such (``WEST``, ``NATO``, ``EU``, ``G7`` …) is an actor of
its own: its dyads are with the coalition code. :func:`expand_coalitions`
adds, for a researcher who wants them, the relations each member inherits from
its coalitions at the article's date (members and dates from
``analysis/data/coalitions.tsv``), marked in a ``via`` column. The comparisons
take ``coalitions="named"`` (the default, the dyads as annotated) or ``"via"``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal

import pandas as pd

#: How a member's relation is counted: ``named`` (only dyads that name it) or
#: ``via`` (also the dyads of its coalitions at the article's date, inferred).
Coalitions = Literal["named", "via"]
COALITION_MODES: tuple[str, ...] = ("named", "via")

_Dates = pd.Series | Mapping[str, object] | None


def check_coalitions(coalitions: str) -> None:
    """Raise ``ValueError`` unless ``coalitions`` is one of :data:`COALITION_MODES`."""
    if coalitions not in COALITION_MODES:
        raise ValueError(f"coalitions must be one of {COALITION_MODES}, got {coalitions!r}")


def _iso_day(value: object) -> str:
    """``YYYY-MM-DD`` of a date, timestamp or ISO text (partial: its first day); ``""`` if none."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str) and not value.strip():
        return ""
    stamp = pd.to_datetime(value, errors="coerce")
    return "" if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def _text_cell(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


class _Members:
    """The members of each coalition on a day, from a coalition table (cached per day)."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.rows = [(_text_cell(c), _text_cell(m), _text_cell(s), _text_cell(e))
                     for c, m, s, e in zip(table["coalition"], table["member"], table["start"],
                                           table["end"], strict=True)]
        self.codes = frozenset(c for c, _, _, _ in self.rows)
        self._cache: dict[tuple[str, str], frozenset[str]] = {}

    def at(self, coalition: str, day: str) -> frozenset[str]:
        """Members on ``day`` (start and end inclusive); ``day`` empty: members with no end."""
        key = (coalition, day)
        if key not in self._cache:
            self._cache[key] = frozenset(
                m for c, m, s, e in self.rows if c == coalition
                and ((not e) if not day else (s <= day and (not e or day <= e))))
        return self._cache[key]


def _inferred(row: dict[str, object], side: str, other: str, members: _Members, day: str,
              named: frozenset[str]) -> list[dict[str, object]]:
    """The inferred rows of one dyad for the members of its coalition on side ``side``."""
    coalition = str(row[side])
    mine = members.at(coalition, day)
    if other in mine:  # a member and its own coalition: nothing propagates between members
        return []
    skip = set(named) | {other} | (members.at(other, day) if other in members.codes else set())
    out = []
    for member in sorted(mine - skip):
        a, b = sorted((member, other))
        new = dict(row, actor_a=a, actor_b=b, via=coalition)
        for col in ("source", "target"):
            if _text_cell(row.get(col)) == coalition:
                new[col] = member
        out.append(new)
    return out


def expand_coalitions(dyads: pd.DataFrame, dates: _Dates = None,
                      coalitions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The dyads plus, for each dyad with a coalition, one inferred row per member (codebook D17).

    ``dates``: the article's date by ``article_id`` (a Series indexed by it or a
    mapping; dates, timestamps or ISO text, a partial date counting as its
    first day). An article without a date (or ``dates`` None) gets the members
    whose term has no end, i.e. today's members. ``coalitions``: a table with
    columns ``coalition``, ``member``, ``start``, ``end`` (default
    :func:`analysis.lexicon.load_coalitions`); one level only (the members of a
    member that is itself a coalition are not added).

    Every row keeps its columns; a new column ``via`` holds the coalition code
    an inferred row comes from (``""`` for the named rows). Inferred rows follow
    their dyad, with the member in the coalition's place (also in ``source`` /
    ``target``) and the pair sorted (``actor_a`` < ``actor_b``). Not added:
    a self-pair; any row when the other actor is itself a member of the
    coalition (or a coalition sharing the member): a coalition's dyad does
    not relate its members to each other; and a member that is an actor of
    any dyad of the same sentence (named, it keeps its own relation).
    """
    out = dyads.assign(via="")
    if coalitions is None:
        from ..lexicon import load_coalitions

        coalitions = load_coalitions()
    members = _Members(coalitions)
    if not len(out):
        return out.reset_index(drop=True)
    a_text = [_text_cell(v) for v in out["actor_a"]]
    b_text = [_text_cell(v) for v in out["actor_b"]]
    if not members.codes.intersection(a_text + b_text):
        return out.reset_index(drop=True)
    day_of = _days(dates)
    named: dict[tuple[object, object], set[str]] = {}
    for key, a, b in zip(zip(out["article_id"], out["sentence_id"], strict=True), a_text, b_text,
                         strict=True):
        named.setdefault(key, set()).update((a, b))
    records = out.to_dict("records")
    rows: list[dict[str, object]] = []
    for record, a, b in zip(records, a_text, b_text, strict=True):
        rows.append(record)
        key = (record["article_id"], record["sentence_id"])
        day = day_of.get(str(record["article_id"]), "")
        for side, here, other in (("actor_a", a, b), ("actor_b", b, a)):
            if here in members.codes:
                rows.extend(_inferred(dict(record, **{side: here}), side, other, members, day,
                                      frozenset(named[key])))
    expanded = pd.DataFrame(rows, columns=out.columns)
    return expanded.astype(out.dtypes.to_dict())


def _days(dates: _Dates) -> dict[str, str]:
    """``article_id`` (as text) → ``YYYY-MM-DD`` (``""`` when unknown)."""
    if dates is None:
        return {}
    items = dates.items() if isinstance(dates, (pd.Series, Mapping)) else ()
    return {str(k): _iso_day(v) for k, v in items}
