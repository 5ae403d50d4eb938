"""Normalisation for matching, with an offset map back into the stored text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

# ---------------------------------------------------------------- normalisation

_CHAR_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ",
    "\u2003": " ", "\u3000": " ", "\t": " ",
}
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}
_DROP_RE = re.compile("[" + "".join(_DROP) + "]")
_TRANSLATE = str.maketrans(_CHAR_MAP)
#: Any character of ``_CHAR_MAP``: most paragraphs have none and need no translate().
_MAPPED_RE = re.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")
_DERIVED_SUFFIXES = (
    "n", "ne", "ns", "nes", "nne", "nnes", "en", "ens", "enne", "ennes", "ien", "iens", "ienne", "iennes",
    "iste", "istes", "isme", "s", "e", "es", "ais", "aise", "aises", "ain", "aine", "ains",
    "aines", "ite", "ites", "ois", "oise", "oises", "ovite", "o-",
)
#: The mark first, then the two letters before it (a leading look-behind is tried at every position).
_GLUED_SENTENCE = re.compile(r"([.!?])(?<=[a-zà-ÿ]{2}[.!?])(?=[«\"]?[A-ZÀ-Ý][a-zà-ÿ])")


def normalize(text: str, names: Sequence[str] = ()) -> tuple[str, list[int]]:
    """Normalise ``text`` for matching and return it with its offset map.

    The map has ``len(result) + 1`` entries; entry ``i`` is the index in
    ``text`` of the character that produced ``result[i]`` (an inserted space
    maps to the character it precedes).
    """
    norm, offs = _normalize(text, names)
    return norm, list(range(len(text) + 1)) if offs is None else offs


def _normalize(text: str, names: Sequence[str] = ()) -> tuple[str, list[int] | None]:
    """:func:`normalize`, with ``None`` for an identity map (most paragraphs)."""
    n = len(text)
    if unicodedata.is_normalized("NFC", text) and not _DROP_RE.search(text):
        # fast path (almost all text): one-to-one character replacements only
        norm = text.translate(_TRANSLATE) if _MAPPED_RE.search(text) else text
        inserts = _glue_points(norm, names)
        return _insert_spaces(norm, list(range(n + 1)), inserts) if inserts else (norm, None)
    out: list[str] = []
    offs = []
    i = 0
    while i < n:
        c = text[i]
        # Group a base character with following combining marks for NFC.
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        if c in _DROP:
            i = j
            continue
        chunk = text[i:j]
        rep = _CHAR_MAP.get(chunk, None)
        if rep is None:
            rep = unicodedata.normalize("NFC", chunk) if j - i > 1 or not chunk.isascii() else chunk
        for r in rep:
            out.append(r)
            offs.append(i)
        i = j
    norm = "".join(out)
    offs.append(n)
    inserts = _glue_points(norm, names)
    if inserts:
        norm, offs = _insert_spaces(norm, offs, inserts)
    return norm, offs


def _glue_points(text: str, names: Sequence[str]) -> list[int]:
    """Positions where a space must be inserted to unglue scraped words."""
    points = [m.end(1) for m in _GLUED_SENTENCE.finditer(text)]
    if names:
        for end, rest in _glued_names(text, tuple(names)):
            if len(rest) >= 3 and rest.lower() not in _DERIVED_SUFFIXES:
                points.append(end)
    return sorted(set(points))


_NAME_REST = re.compile(r"([a-zà-ÿœæ]+)\b")


def _glued_names(text: str, names: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(end of the name, glued rest) of each ``_glued_name_pattern`` match, in order.

    Same matches as ``_glued_name_pattern(names).finditer(text)``, faster: the
    regex tries its whole alternation of names at every character, while here
    only word starts with a name's first letter are tried, and at such a start
    only the prefixes of its run of letters (a name is letters only, and the
    glued rest starts with a letter), longest first as the alternation tries
    them: one set look-up per prefix length instead of one comparison per name
    of that first letter. The matches do not depend on each other.
    """
    starts, known, lengths = _name_index(names)
    for m in starts.finditer(text):
        p, run = m.start(), m.group()
        for n in lengths:
            if n < len(run) and run[:n] in known:
                rest = _NAME_REST.match(text, p + n)
                if rest is not None:
                    yield p + n, rest.group(1)
                    break


@lru_cache(maxsize=8)
def _name_index(names: tuple[str, ...]) -> tuple[re.Pattern[str], frozenset[str], tuple[int, ...]]:
    """Runs of letters starting a word with a name's first letter, the names, and their
    lengths, longest first."""
    firsts = "".join(sorted({n[0] for n in names}))
    # the letter first, then "(?<![\w-])" before it (as a two-character look-behind over
    # the letter): a leading look-behind would be tried at every position
    return (re.compile(rf"[{re.escape(firsts)}](?<![\w-].)[^\W\d_]*"), frozenset(names),
            tuple(sorted({len(n) for n in names}, reverse=True)))


@lru_cache(maxsize=8)
def _glued_name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alts})([a-zà-ÿœæ]+)\b")


def _insert_spaces(text: str, offs: list[int], points: list[int]) -> tuple[str, list[int]]:
    out, new_offs, last = [], [], 0
    for p in points:
        out.append(text[last:p])
        new_offs.extend(offs[last:p])
        out.append(" ")
        new_offs.append(offs[p])
        last = p
    out.append(text[last:])
    new_offs.extend(offs[last:])
    return "".join(out), new_offs


@lru_cache(maxsize=1)
def glue_names() -> tuple[str, ...]:
    """Capitalised proper names from the actor dictionary, used to unglue words."""
    from ..lexicon import load_actors  # data access only; no pipeline stage

    names = set()
    for alias in load_actors()["alias"]:
        alias = str(alias)
        if " " in alias or len(alias) < 4 or not alias.isalpha():
            continue
        names.add(alias[:1].upper() + alias[1:])
    return tuple(sorted(names))
