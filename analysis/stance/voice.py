"""Whose words each token of a sentence is: quotation marks, reported speech, the speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .words import (
    ATTRIBUTION_OPENERS,
    CLOSE_QUOTES,
    CLOSES_BEFORE,
    OPEN_QUOTES,
    OPENS_AFTER,
    SUBJECT_DEPS,
    TOGGLE_QUOTES,
)

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc, Token


def quote_direction(doc: Doc, tok: Token) -> str:
    """open / close / toggle for a quotation mark; straight quotes by the characters around them."""
    if tok.text in OPEN_QUOTES:
        return "open"
    if tok.text in CLOSE_QUOTES:
        return "close"
    text, c = doc.text, tok.idx
    before = text[c - 1] if c > 0 else " "
    after = text[c + 1] if c + 1 < len(text) else " "
    if (before.isspace() or before in OPENS_AFTER) and not after.isspace():
        return "open"
    if (after.isspace() or after in CLOSES_BEFORE) and not before.isspace():
        return "close"
    return "toggle"


def quoted_tokens(doc: Doc) -> list[bool] | None:
    """Per token, whether it stands inside quotation marks; ``None`` if the text has none.

    « » and “ ” open and close; a straight double quote opens after a space
    and closes before one. A closing mark before any opening one means the
    sentence starts inside a quotation begun in an earlier sentence. Why not
    the scorer's :func:`analysis.scoring.speech.quote_segments`: stance reads
    each sentence alone, so it guesses a straight quote's direction from its
    neighbours instead of carrying quotes across paragraphs, and its marks do
    not nest.
    """
    marks = [(t.i, quote_direction(doc, t)) for t in doc
             if t.text in OPEN_QUOTES | CLOSE_QUOTES | TOGGLE_QUOTES]
    if not marks:
        return None
    direction = dict(marks)
    inside = marks[0][1] == "close"
    out = []
    for t in doc:
        d = direction.get(t.i)
        if d is not None:
            inside = d == "open" or (d == "toggle" and not inside)
            out.append(False)
        else:
            out.append(inside)
    return out


def infer_speaker(doc: Doc) -> str:
    """The subject of the main verb ("Le président russe s'est entretenu … qualifiant … de «…»")."""
    for t in doc:
        if t.dep_ == "ROOT":
            subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"]
            if subj:
                words = [w.text for w in subj[0].subtree][:6]
                return " ".join(words)
    return ""


def token_voices(doc: Doc, voice: str, speaker: str) -> list[tuple[str, str]]:
    """(voice, speaker) of every token of a sentence whose scorer voice and speaker are given.

    Inside quotation marks: ``quoted`` (speaker: the sentence's, else the
    subject of its main verb). Outside them, in a sentence with quotation marks:
    ``narrator``, unless the sentence is reported speech and the token is in
    the reported clause ("X a déclaré que …", "D'après lui, …"). In a sentence
    without quotation marks every token takes the sentence's voice.
    """
    voice = voice or "narrator"
    q = quoted_tokens(doc)
    if q is None:
        return [(voice, speaker if voice == "quoted" else "")] * len(doc)
    who = speaker or infer_speaker(doc)
    reported: set[int] = set()
    if voice == "quoted":
        first = next((t for t in doc if t.is_alpha or "'" in t.text), None)
        if first is not None and first.lower_ in ATTRIBUTION_OPENERS:
            reported = {t.i for t in doc}
        for t in doc:
            if t.dep_ == "ccomp" and t.head.pos_ == "VERB":
                reported.update(x.i for x in t.subtree)
    return [("quoted", who) if q[t.i] or t.i in reported else ("narrator", "") for t in doc]
