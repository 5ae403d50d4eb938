"""FrameScorer: the scorer as a scikit-learn transformer."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

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
        The evidence behind these numbers: :meth:`explain`.
        """
        per_text = self._sentences(_as_texts(X))
        out = np.zeros((len(per_text), len(FEATURE_NAMES)), dtype=float)
        for row, sents in enumerate(per_text):
            out[row] = _aggregate(sents)
        return out

    def _sentences(self, texts: list[str], date: str = "") -> list[list[SentenceScore]]:
        """Each text scored as one independent paragraph: its sentences' scores."""
        engine = self._get_engine()
        if self.mode == "lexical":
            lexical = scorer_for(engine)
            return [lexical.score_article([text], date=date)[0] for text in texts]
        return [ArticleScorer(engine, self.mode == "full", date=date).score_doc(doc, 0)
                for doc in parse(texts, self.mode)]

    def explain(self, X: Iterable[str], date: str | None = None,
                level: Literal["sentence", "event"] = "sentence") -> pd.DataFrame:
        """The evidence behind :meth:`transform`: one row per sentence (or per event).

        Each text is one independent paragraph, as in :meth:`transform`
        (``text_id`` is its position in ``X``); ``start``/``end`` index that
        text. ``level="sentence"``: frame, flags, scores, voice, speaker,
        modality, ``actors`` (codes), ``triggers`` (the words of the events that
        count, ";"-separated) with their ``rules``, ``dropped`` (words found but
        not counted, as ``word:rule``, e.g. ``condamner:negated_conf``),
        ``dyads`` (``RUS-USA:coop``) and ``evidence`` (as in ``sentences.csv``).
        ``level="event"``: every event word with its rule, category, weight,
        negation, modality, whether it counted and its span. ``date`` (ISO day):
        see :meth:`score_paragraphs`.
        """
        if level not in ("sentence", "event"):
            raise ValueError(f"level must be 'sentence' or 'event', got {level!r}")
        per_text = self._sentences(_as_texts(X), date=_checked_date(date))
        rows: list[dict[str, Any]] = []
        for text_id, sents in enumerate(per_text):
            for sid, s in enumerate(sents):
                if level == "event":
                    rows.extend({"text_id": text_id, "sentence_id": sid, **ev} for ev in s.events)
                else:
                    rows.append({"text_id": text_id, "sentence_id": sid, **_evidence_row(s)})
        columns = EVENT_COLUMNS if level == "event" else EXPLAIN_COLUMNS
        return pd.DataFrame(rows, columns=columns)

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


#: Columns of :meth:`FrameScorer.explain` (``level="sentence"``).
EXPLAIN_COLUMNS = [
    "text_id", "sentence_id", "start", "end", "text", "frame", "coop", "conf", "coop_score",
    "conf_score", "goldstein", "voice", "speaker", "modality", "actors", "triggers", "rules",
    "dropped", "dyads", "evidence",
]
#: Columns of :meth:`FrameScorer.explain` with ``level="event"``.
EVENT_COLUMNS = [
    "text_id", "sentence_id", "term", "rule", "counted", "category", "quad_class", "weight",
    "negated", "modality", "cameo", "lexicon_category", "char_start", "char_end",
]


def _evidence_row(s: SentenceScore) -> dict[str, Any]:
    """One sentence's scores and the words and rules behind them."""
    counted = [ev for ev in s.events if ev["counted"]]
    return {
        "start": s.start, "end": s.end, "text": s.text, "frame": s.frame, "coop": s.coop,
        "conf": s.conf, "coop_score": s.coop_score, "conf_score": s.conf_score,
        "goldstein": s.goldstein, "voice": s.voice, "speaker": s.speaker,
        "modality": s.modality, "actors": ";".join(s.actors),
        "triggers": ";".join(str(ev["term"]) for ev in counted),
        "rules": ";".join(str(ev["rule"]) for ev in counted),
        "dropped": ";".join(f"{ev['term']}:{ev['rule']}" for ev in s.events if not ev["counted"]),
        "dyads": ";".join(f"{d['actor_a']}-{d['actor_b']}:{d['relation']}" for d in s.dyads),
        "evidence": s.evidence,
    }
