"""Mode-neutral tokens of one sentence, read from a spaCy Doc (full and fast modes)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, MORPH, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span

from .french import norm, stem, verbal_ending


# Tokens of one sentence
# --------------------------------------------------------------------------- #
@dataclass(slots=True)
class Tok:
    i: int
    text: str
    w: str
    lemma: str
    stem: str
    pos: str
    dep: str
    head: int
    mood: str
    tense: str
    verbform: str
    title: bool
    punct: bool
    space: bool
    start: int
    end: int
    ent: str
    ent_len: int
    quoted: bool = False
    key: tuple[str, str, str] = ("", "", "")  # (w, lemma, stem): the matcher's cache key


PUNCT_RE = re.compile(r"^\W+$")

#: What the rules need from one token string, keyed by spaCy's ORTH hash:
#: (text, normalised form, stem, title-cased, all punctuation, letters and digits,
#: matcher key of the token without a lemma).
#: The same few thousand words recur in every article; normalising and stemming
#: them once per process instead of once per occurrence is most of the speed-up
#: of the fast mode. Bounded: cleared when it grows past ``_WORD_INFO_MAX``.
WordInfo = tuple[str, str, str, bool, bool, int, tuple[str, str, str]]
_WORD_INFO: dict[int, WordInfo] = {}
_WORD_INFO_MAX = 200_000


def _word_info(strings: Any, orth: int) -> WordInfo:
    info = _WORD_INFO.get(orth)
    if info is None:
        if len(_WORD_INFO) >= _WORD_INFO_MAX:
            _WORD_INFO.clear()
        text = strings[orth]
        w = norm(text)
        # The matcher compares stems only for words with a verbal ending (_spec_ok); for
        # the others the stem cannot change a match, so the costly stemmer is skipped.
        st = stem(w) if w.isalpha() and verbal_ending(w) else w
        info = _WORD_INFO[orth] = (
            text, w, st, text[:1].isupper() and (len(text) == 1 or not text.isupper()),
            bool(PUNCT_RE.match(text)), sum(c.isalnum() for c in text), (w, "", st))
    return info


#: Per token of a paragraph: (word info, character offset, is space).
Rows = list[tuple[WordInfo, int, bool]]


def doc_rows(doc: Doc) -> tuple[Rows, str]:
    """(word info, character offset, is space) of every token of a paragraph, and its text.

    Read once per paragraph through ``Doc.to_array`` (no ``Token`` objects) and
    shared by its sentences. The text is ``doc.text`` (each token's text, then a
    space where it has one), which spaCy would rebuild from ``Token`` objects.
    """
    if not len(doc):
        return [], doc.text
    strings = doc.vocab.strings
    cache = _WORD_INFO
    rows = []
    parts = []
    for orth, idx, space, ws in doc.to_array([ORTH, IDX, IS_SPACE, SPACY]).tolist():
        info = cache.get(orth) or _word_info(strings, orth)
        rows.append((info, idx, bool(space)))
        parts.append(info[0] + " " if ws else info[0])
    return rows, "".join(parts)


def sentence_tokens(sent: Span, full: bool, quoted: Sequence[tuple[int, int]]) -> list[Tok]:
    """Flatten a spaCy sentence into the mode-neutral tokens the rules read."""
    return build_tokens(sent, full, quoted, doc_rows(sent.doc)[0])[0]


#: A parsed paragraph, read once for all its sentences: (parse info, head index) of every
#: token, and its entities as (start, end, label).
DocParse = tuple[list[tuple["ParseInfo", int]], list[tuple[int, int, str]]]


def doc_parse(doc: Doc) -> DocParse:
    """:func:`_parse_rows` of the whole doc and its entities, for :func:`build_tokens`.

    Read once per paragraph instead of once per sentence (``Doc.to_array`` and
    ``Doc.ents`` cost as much for one sentence as for the whole paragraph).
    """
    return (_parse_rows(doc, 0, len(doc)),
            [(ent.start, ent.end, ent.label_) for ent in doc.ents])


def _sentence_ents(ents: list[tuple[int, int, str]], start: int, end: int,
                   ) -> dict[int, tuple[str, int]]:
    """(label, length) of each token of the entities wholly inside ``start:end``
    (what ``Span.ents`` gives)."""
    out: dict[int, tuple[str, int]] = {}
    for s, e, label in ents:
        if s >= start and e <= end:
            for k in range(s, e):
                out[k] = (label, e - s)
    return out


def build_tokens(sent: Span, full: bool, quoted: Sequence[tuple[int, int]],
                  rows: Rows, parsed: DocParse | None = None) -> tuple[list[Tok], int, int]:
    """The sentence's tokens, and its letters and digits in all and inside quotes.

    ``rows`` is :func:`doc_rows` of the sentence's doc and ``parsed`` its
    :func:`doc_parse` (read here when not given). Full mode also reads
    lemma, parse, morphology and entities from the doc.
    """
    toks: list[Tok] = []
    base = sent.start
    qi = 0
    nq = len(quoted)
    total = inside = 0
    if full:
        parse, doc_ents = parsed if parsed is not None else doc_parse(sent.doc)
        ents = _sentence_ents(doc_ents, sent.start, sent.end)
    for k in range(sent.start, sent.end):
        (text, w, st, title, punct, alnum, key), idx, space = rows[k]
        while qi < nq and quoted[qi][1] <= idx:
            qi += 1
        is_quoted = qi < nq and quoted[qi][0] <= idx < quoted[qi][1]
        total += alnum
        if is_quoted:
            inside += alnum
        if full:
            (pos, dep, lemma, mood, tense, verbform), head_i = parse[k]
            head = head_i - base if sent.start <= head_i < sent.end else -1
            label, ent_len = ents.get(k, ("", 0))
            toks.append(Tok(
                k - base, text, w, lemma, st, pos, dep, head, mood, tense, verbform, title,
                punct and not space, space, idx, idx + len(text), label, ent_len, is_quoted,
                (w, lemma, st)))
        else:
            toks.append(Tok(k - base, text, w, "", st, "", "", -1, "", "", "", title,
                             punct and not space, space, idx, idx + len(text), "", 0,
                             is_quoted, key))
    return toks, total, inside


#: What the full mode reads from a token's parse, keyed by its (POS, DEP, LEMMA, MORPH)
#: hashes: (pos_, dep_, normalised lemma, Mood, Tense, VerbForm), read from the string
#: store (what ``Token.pos_``, ``dep_``, ``lemma_`` and ``morph.get`` return, without
#: building ``Token`` or ``MorphAnalysis`` objects). Few combinations recur. Bounded.
ParseInfo = tuple[str, str, str, str, str, str]
_PARSE_INFO: dict[tuple[int, int, int, int], ParseInfo] = {}
#: (Mood, Tense, VerbForm) of a MORPH hash, and the normalised lemma of a LEMMA hash.
_MORPH_INFO: dict[int, tuple[str, str, str]] = {}
_LEMMA_INFO: dict[int, str] = {}


def _parse_rows(doc: Doc, start: int, end: int) -> list[tuple[ParseInfo, int]]:
    """(parse info, head index) of the tokens ``start:end`` of a parsed doc."""
    arr = doc.to_array([POS, DEP, LEMMA, MORPH, HEAD])[start:end]
    heads = arr[:, 4].astype(np.int64)  # relative offsets, stored as unsigned
    strings = doc.vocab.strings
    cache = _PARSE_INFO
    out = []
    for k, (row, rel) in enumerate(zip(arr[:, :4].tolist(), heads.tolist(), strict=True),
                                   start=start):
        key = tuple(row)
        info = cache.get(key)  # type: ignore[arg-type]
        if info is None:
            if len(cache) >= _WORD_INFO_MAX:
                cache.clear()
                _MORPH_INFO.clear()
                _LEMMA_INFO.clear()
            info = cache[key] = _parse_info(strings, *row)  # type: ignore[index]
        out.append((info, k + rel))
    return out


def _parse_info(strings: Any, pos: int, dep: int, lemma: int, morph: int) -> ParseInfo:
    """:data:`ParseInfo` from the hashes of a token's parse (``Token.pos_`` is the
    universal tag's name, the others the stored strings)."""
    feats = _MORPH_INFO.get(morph)
    if feats is None:
        fields = dict(f.partition("=")[::2] for f in strings[morph].split("|")) if morph else {}
        feats = _MORPH_INFO[morph] = (fields.get("Mood", ""), fields.get("Tense", ""),
                                      fields.get("VerbForm", ""))
    lem = _LEMMA_INFO.get(lemma)
    if lem is None:
        text = strings[lemma] if lemma else ""
        lem = _LEMMA_INFO[lemma] = norm(text) if text else ""
    return (POS_NAMES[pos] if pos else "", strings[dep] if dep else "", lem, *feats)


# --------------------------------------------------------------------------- #
# Compiled tables

def first_word(toks: Sequence[Tok]) -> int:
    for k, t in enumerate(toks):
        if not t.space and not t.punct:
            return k
    return 0


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(x for x in items if x))
