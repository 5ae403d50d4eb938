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

from .french import DETERMINERS, QUOTE_OPENERS, norm, stem, verbal_ending


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


#: The fields of a :class:`Tok` that its string and parse fix: (text, w, lemma, stem,
#: pos, dep, mood, tense, verbform, title, punct, letters and digits, key).
TokInfo = tuple[str, str, str, str, str, str, str, str, str, bool, bool, int,
                tuple[str, str, str]]
#: :data:`TokInfo` of a token string (fast mode, no parse), by ORTH hash, and of a
#: parsed token, by its (ORTH, POS, DEP, LEMMA, MORPH) hashes. Bounded.
_FAST_INFO: dict[int, TokInfo] = {}
_FULL_INFO: dict[tuple[int, int, int, int, int], TokInfo] = {}

#: Per token of a paragraph: (token info, character offset, is space, head index; -1
#: without a parse).
Rows = list[tuple[TokInfo, int, bool, int]]


def _fast_info(strings: Any, orth: int) -> TokInfo:
    text, w, st, title, punct, alnum, key = _word_info(strings, orth)
    if len(_FAST_INFO) >= _WORD_INFO_MAX:
        _FAST_INFO.clear()
    info = _FAST_INFO[orth] = (text, w, "", st, "", "", "", "", "", title, punct, alnum, key)
    return info


def _full_info(strings: Any, key: tuple[int, int, int, int, int]) -> TokInfo:
    text, w, st, title, punct, alnum, _ = _word_info(strings, key[0])
    parse = key[1:]
    pinfo = _PARSE_INFO.get(parse)  # type: ignore[arg-type]
    if pinfo is None:
        if len(_PARSE_INFO) >= _WORD_INFO_MAX:
            _PARSE_INFO.clear()
            _MORPH_INFO.clear()
            _LEMMA_INFO.clear()
        pinfo = _PARSE_INFO[parse] = _parse_info(strings, *parse)  # type: ignore[index]
    pos, dep, lemma, mood, tense, verbform = pinfo
    if len(_FULL_INFO) >= _WORD_INFO_MAX:
        _FULL_INFO.clear()
    info = _FULL_INFO[key] = (text, w, lemma, st, pos, dep, mood, tense, verbform, title,
                              punct, alnum, (w, lemma, st))
    return info


def doc_rows(doc: Doc, full: bool = False) -> tuple[Rows, str]:
    """(token info, character offset, is space, head) of every token of a paragraph,
    and its text; ``full``: with the parse (lemma, tags, morphology, head).

    Read once per paragraph through ``Doc.to_array`` (no ``Token`` objects) and
    shared by its sentences. The text is ``doc.text`` (each token's text, then a
    space where it has one), which spaCy would rebuild from ``Token`` objects.
    """
    if not len(doc):
        return [], doc.text
    strings = doc.vocab.strings
    rows = []
    parts = []
    if not full:
        cache = _FAST_INFO
        for orth, idx, space, ws in doc.to_array([ORTH, IDX, IS_SPACE, SPACY]).tolist():
            info = cache.get(orth) or _fast_info(strings, orth)
            rows.append((info, idx, bool(space), -1))
            parts.append(info[0] + " " if ws else info[0])
        return rows, "".join(parts)
    arr = doc.to_array([ORTH, IDX, IS_SPACE, SPACY, POS, DEP, LEMMA, MORPH, HEAD])
    # heads are relative offsets stored as unsigned: absolute indexes here
    heads = (arr[:, 8].astype(np.int64) + np.arange(len(doc), dtype=np.int64)).tolist()
    full_cache = _FULL_INFO
    for (orth, idx, space, ws, pos, dep, lemma, morph), head in zip(
            arr[:, :8].tolist(), heads, strict=True):
        key = (orth, pos, dep, lemma, morph)
        info = full_cache.get(key) or _full_info(strings, key)
        rows.append((info, idx, bool(space), head))
        parts.append(info[0] + " " if ws else info[0])
    return rows, "".join(parts)


def doc_ents(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of the doc's entities, read once per paragraph."""
    return [(ent.start, ent.end, ent.label_) for ent in doc.ents]


def sentence_tokens(sent: Span, full: bool, quoted: Sequence[tuple[int, int]]) -> list[Tok]:
    """Flatten a spaCy sentence into the mode-neutral tokens the rules read."""
    return build_tokens(sent, full, quoted, doc_rows(sent.doc, full)[0])[0]


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


_NO_ENT = ("", 0)


def build_tokens(sent: Span, full: bool, quoted: Sequence[tuple[int, int]],
                  rows: Rows, ents: list[tuple[int, int, str]] | None = None,
                  ) -> tuple[list[Tok], int, int]:
    """The sentence's tokens, and its letters and digits in all and inside quotes.

    ``rows`` is :func:`doc_rows` of the sentence's doc (with ``full``: its parse) and
    ``ents`` its :func:`doc_ents` (read here when not given; full mode only).
    """
    toks: list[Tok] = []
    append = toks.append
    start, end = sent.start, sent.end
    qi = 0
    nq = len(quoted)
    total = inside = 0
    tok_ents = _sentence_ents(ents if ents is not None else doc_ents(sent.doc), start, end) \
        if full else {}
    for k in range(start, end):
        info, idx, space, head = rows[k]
        text, w, lemma, st, pos, dep, mood, tense, verbform, title, punct, alnum, key = info
        while qi < nq and quoted[qi][1] <= idx:
            qi += 1
        is_quoted = qi < nq and quoted[qi][0] <= idx < quoted[qi][1]
        total += alnum
        if is_quoted:
            inside += alnum
        label, ent_len = tok_ents.get(k, _NO_ENT) if tok_ents else _NO_ENT
        append(Tok(k - start, text, w, lemma, st, pos, dep,
                   head - start if start <= head < end else -1, mood, tense, verbform, title,
                   punct and not space, space, idx, idx + len(text), label, ent_len, is_quoted,
                   key))
    if full:
        quoted_noun(toks)
    return toks, total, inside


def quoted_noun(toks: list[Tok]) -> None:
    """"a dénoncé l'« hypocrisie » de Washington": a word the tagger reads as a verb right
    after a determiner and an opening quotation mark is a noun (rule ``quoted_noun``, full
    mode: the small model tags most quoted nouns after an article as verbs)."""
    for k in range(2, len(toks)):
        tok = toks[k]
        if tok.pos == "VERB" and toks[k - 1].text in QUOTE_OPENERS \
                and toks[k - 2].w in DETERMINERS:
            tok.pos = "NOUN"


#: What the full mode reads from a token's parse, keyed by its (POS, DEP, LEMMA, MORPH)
#: hashes: (pos_, dep_, normalised lemma, Mood, Tense, VerbForm), read from the string
#: store (what ``Token.pos_``, ``dep_``, ``lemma_`` and ``morph.get`` return, without
#: building ``Token`` or ``MorphAnalysis`` objects). Few combinations recur. Bounded.
ParseInfo = tuple[str, str, str, str, str, str]
_PARSE_INFO: dict[tuple[int, int, int, int], ParseInfo] = {}
#: (Mood, Tense, VerbForm) of a MORPH hash, and the normalised lemma of a LEMMA hash.
_MORPH_INFO: dict[int, tuple[str, str, str]] = {}
_LEMMA_INFO: dict[int, str] = {}


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


#: How many words a headline's label before its colon may take.
LABEL_REACH = 8


def label_colon(toks: Sequence[Tok]) -> int | None:
    """The colon of a headline's short opening label ("Munich : pour Kamala Harris, ...",
    "Invasion de l'Ukraine : Joe Biden promet ..."), within ``LABEL_REACH`` words, or None."""
    first = first_word(toks)
    return next((k for k in range(first + 1, min(len(toks), first + LABEL_REACH + 1))
                 if toks[k].w == ":"), None)


def phrase_at(toks: Sequence[Any], k: int, phrases: Iterable[tuple[str, ...]]) -> int:
    """The length of the first of ``phrases`` (word tuples) that starts at ``k``, 0 if none
    (the first word is compared before a tuple is built: most tokens start no phrase)."""
    if not 0 <= k < len(toks):
        return 0
    w = toks[k].w
    return next((len(p) for p in phrases
                 if p[0] == w and tuple(t.w for t in toks[k:k + len(p)]) == p), 0)


def phrases_in(toks: Sequence[Any], phrases: Iterable[tuple[str, ...]]) -> list[tuple[int, int]]:
    """``(start, length)`` of each token that starts one of ``phrases`` (the first that
    matches there, as :func:`phrase_at`)."""
    phrases = tuple(phrases)
    firsts = {p[0] for p in phrases}
    return [(k, n) for k, t in enumerate(toks)
            if t.w in firsts and (n := phrase_at(toks, k, phrases))]


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(x for x in items if x))
