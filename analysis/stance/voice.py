"""Whose words each token of a sentence is: quotation marks, reported speech, the speaker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..scoring.speech import quote_segments
from ..scoring.words import QUOTE_CHARS, SOURCE_PREPOSITIONS
from .words import SUBJECT_DEPS

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc

#: A sentence's character ranges inside quotation marks.
Ranges = list[tuple[int, int]]


def paragraph_quotes(texts: Sequence[str], carry_in: bool = False) -> tuple[list[Ranges], bool]:
    """The quoted character ranges of each sentence of a paragraph, and whether a quote stays open.

    The scorer's :func:`analysis.scoring.speech.quote_segments` over the
    paragraph (its sentences joined by a space), so that a quotation runs
    across sentences and paragraphs as the scorer reads it (``carry_in``: a
    quotation left open by the previous paragraph).
    """
    offsets, pos = [], 0
    for t in texts:
        offsets.append(pos)
        pos += len(t) + 1
    segments, carry = quote_segments(" ".join(texts), carry_in)
    out = []
    for t, off in zip(texts, offsets, strict=True):
        out.append([(max(a - off, 0), min(b - off, len(t))) for a, b in segments
                    if a < off + len(t) and b > off])
    return out, carry


def has_quotes(doc: Doc, quoted: Sequence[bool]) -> bool:
    """Does the sentence hold a quotation mark or a quoted token?"""
    return any(quoted) or any(c in QUOTE_CHARS for c in doc.text)


def quoted_tokens(doc: Doc, carry_in: bool = False) -> list[bool] | None:
    """Per token, whether it stands inside quotation marks; ``None`` if the sentence has none.

    The scorer's quotation segments (:func:`paragraph_quotes`) on this sentence
    alone: « » and “ ” nest, a straight quote toggles; ``carry_in``: the
    sentence continues a quotation begun before it.
    """
    from .text import scorer_tokens

    (ranges,), _ = paragraph_quotes([doc.text], carry_in)
    quoted = [t.quoted for t in scorer_tokens(doc, ranges)]
    return quoted if has_quotes(doc, quoted) else None


def infer_speaker(doc: Doc) -> str:
    """The subject of the main verb ("Le président russe s'est entretenu … qualifiant … de «…»")."""
    for t in doc:
        if t.dep_ == "ROOT":
            subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"]
            if subj:
                words = [w.text for w in subj[0].subtree][:6]
                return " ".join(words)
    return ""


def token_voices(doc: Doc, voice: str, speaker: str, quoted: Sequence[bool] | None = None
                 ) -> list[tuple[str, str]]:
    """(voice, speaker) of every token of a sentence whose scorer voice and speaker are given.

    Inside quotation marks: ``quoted`` (speaker: the sentence's, else the
    subject of its main verb). Outside them, in a sentence with quotation marks:
    ``narrator``, unless the sentence is reported speech and the token is in
    the reported clause ("X a déclaré que …", "D'après lui, …"). In a sentence
    without quotation marks every token takes the sentence's voice. ``quoted``:
    per token, inside quotation marks (the scorer's tokens); by
    :func:`quoted_tokens` when not given.
    """
    voice = voice or "narrator"
    q = quoted_tokens(doc) if quoted is None else (
        list(quoted) if has_quotes(doc, quoted) else None)
    if q is None:
        return [(voice, speaker if voice == "quoted" else "")] * len(doc)
    who = speaker or infer_speaker(doc)
    reported: set[int] = set()
    if voice == "quoted":
        first = next((t for t in doc if t.is_alpha or "'" in t.text), None)
        if first is not None and first.lower_ in SOURCE_PREPOSITIONS:
            reported = {t.i for t in doc}
        for t in doc:
            if t.dep_ == "ccomp" and t.head.pos_ == "VERB":
                reported.update(x.i for x in t.subtree)
    return [("quoted", who) if q[t.i] or t.i in reported else ("narrator", "") for t in doc]
