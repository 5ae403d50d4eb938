"""Run the stages in order (read → language processing → scoring) and build the tables.

:func:`score` is the Python API behind ``framing score``: it returns three
pandas DataFrames, ``articles``, ``sentences`` and ``dyads``, whose columns are
listed in :data:`ARTICLE_SCORE_COLUMNS`, :data:`SENTENCE_COLUMNS` and
:data:`DYAD_COLUMNS` and documented in the README. :func:`iter_scored` yields
the same rows article by article, for streaming very large corpora. The
tables' columns, types and measures are defined in :mod:`analysis.tables` and
re-exported here (``from analysis.pipeline import Scored`` keeps working).
"""

from __future__ import annotations

import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from pathlib import Path

import pandas as pd

from . import nlp
from .config import ScorerConfig
from .model import FrameModel, annotate_articles, load_model
from .read import (  # noqa: F401
    ARTICLE_COLUMNS,
    Article,
    InputWarning,
    article_record,
    body_digest,
    read_corpus,
    warn_document,
)
from .scoring import FrameScorer, SentenceScore, article_date
from .tables import (  # noqa: F401  (re-exported for run, the tests and the notebooks)
    ACTOR_COLUMNS,
    ARTICLE_SCORE_COLUMNS,
    COLUMNS,
    DTYPES,
    DYAD_COLUMNS,
    MEASURE_COLUMNS,
    SENTENCE_COLUMNS,
    STANCE_COLUMNS,
    STANCE_TABLES,
    TABLES,
    Scored,
    ScoredArticle,
    _combine_relations,
    csv_rows,
    frame_measures,
    net_index,
    read_tables,
    schema,
    typed_frame,
    write_tables,
)
from .types import Mode, TitleRule


def batched(items: Iterable, n: int) -> Iterator[list]:
    """Consecutive lists of ``n`` items (the last may be shorter), read lazily."""
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


def iter_scored(articles: Iterable[Article], mode: Mode = "full", tone: bool = True,
                batch_size: int = 32, n_process: int = 1,
                scorer: FrameScorer | None = None,
                model: FrameModel | None = None) -> Iterator[ScoredArticle]:
    """Score articles in batches, yielding each article's rows in input order.

    Paragraphs of a whole batch go through ``nlp.pipe`` together (speed), and
    are regrouped per article for the scorer (context across paragraphs).
    ``model``: a trained :class:`analysis.model.FrameModel` that adds its
    probabilities and labels to the sentence rows and its measures to the
    article row (the rule columns are unchanged).
    """
    scorer = scorer if scorer is not None else FrameScorer(mode=mode).fit()
    for batch in batched(articles, batch_size):
        texts = [p.text for a in batch if a.status == "ok" for p in a.paragraphs if p.scored]
        # the lexical mode scores paragraph strings: no spaCy
        docs = iter(texts if mode == "lexical" else nlp.parse(texts, mode=mode, n_process=n_process))
        results = [_score_article(art, docs, scorer, tone, mode) for art in batch]
        if model is not None:  # once per batch: a pipeline call costs the same for 1 or 500 rows
            annotate_articles(results, model)
        yield from results


def _scoring_error(art: Article, out: ScoredArticle, exc: Exception, scorer: FrameScorer,
                   mode: str) -> ScoredArticle:
    """The row of a document the scorer failed on: status ``scoring_error``, the error as
    its problem, no sentences, and a warning naming the file; the run goes on."""
    problem = f"the scorer failed ({type(exc).__name__}: {exc}); please report it"
    warn_document(art.path, "scoring_error", problem, stacklevel=3)
    out.article.update(status="scoring_error", problem=problem)
    out.article.update({c: math.nan for c in MEASURE_COLUMNS})
    out.article.update(mode=mode, lexicon_version=scorer.lexicon_version_)
    return out


def _score_article(art: Article, docs: Iterator, scorer: FrameScorer, tone: bool,
                   mode: str) -> ScoredArticle:
    record = article_record(art)
    out = ScoredArticle(article=record)
    if art.status != "ok":
        record.update({c: math.nan for c in MEASURE_COLUMNS})
        record.update(mode=mode, lexicon_version=scorer.lexicon_version_)
        return out
    paras = [p for p in art.paragraphs if p.scored]
    para_docs = [next(docs) for _ in paras]
    try:
        scores = scorer.score_paragraphs(para_docs, date=scoring_date(art))
    except Exception as exc:  # noqa: BLE001 - a scorer bug costs one document, named, not the run
        return _scoring_error(art, out, exc, scorer, mode)
    results = iter(scores)
    sid = 0
    for p in art.paragraphs:
        if not p.scored:
            out.sentences.append({
                "article_id": art.article_id, "sentence_id": sid, "paragraph_id": p.paragraph_id,
                "start": p.start, "end": p.end, "text": art.text[p.start:p.end], "kind": p.kind,
                "boilerplate_kind": p.boilerplate_kind, "lang": p.lang,
            })
            sid += 1
            continue
        for s in with_words(next(results)):
            start, end = p.stored_span(s.start, s.end)
            out.sentences.append({
                "article_id": art.article_id, "sentence_id": sid,
                "paragraph_id": p.paragraph_id, "start": start, "end": end,
                "text": art.text[start:end], "kind": p.kind, "boilerplate_kind": "",
                "lang": p.lang, "voice": s.voice, "speaker": s.speaker, "coop": s.coop,
                "conf": s.conf, "coop_score": s.coop_score, "conf_score": s.conf_score,
                "goldstein": s.goldstein, "frame": s.frame, "modality": s.modality,
                "actors": ";".join(s.actors), "evidence": s.evidence, "_norm": s.text,
            })
            for d in s.dyads:
                out.dyads.append({"article_id": art.article_id, "sentence_id": sid, **d})
            sid += 1
    if tone:
        _add_tone(out.sentences)
    for row in out.sentences:
        row.pop("_norm", None)
    record.update(frame_measures(out.sentences, out.dyads))
    record.update(mode=mode, lexicon_version=scorer.lexicon_version_)
    return out


_WORD = re.compile(r"\w")


def with_words(sents: list[SentenceScore]) -> list[SentenceScore]:
    """A paragraph's sentences, each holding a word: a segment without one (a lone
    closing quote, "...", "!!") is joined to the sentence before it (to the next
    at the paragraph's start), so no row of ``sentences`` is punctuation only.

    Only spans change: the segment had no word, so no event, actor or score.
    """
    out: list[SentenceScore] = []
    pending = None  # start of wordless segments before the first sentence with a word
    for s in sents:
        if _WORD.search(s.text):
            out.append(s if pending is None else replace(s, start=pending))
            pending = None
        elif out:
            out[-1] = replace(out[-1], end=s.end)
        elif pending is None:
            pending = s.start
    return out


def scoring_date(art: Article) -> str:
    """The date the scorer reads an article at: its ``published`` day (the metadata
    sidecar, the HTML metadata, a page date header or an agency dateline), or "".

    Only a whole day counts (a partial "2017-11" is ""), and only ``published``:
    the body's own dates (``dates_mentioned``, the fall-back of
    :func:`analysis.compare.dates.best_dates`) are often the dates of the events
    it recalls, which would put a president in the wrong term.
    """
    return article_date(art.meta.get("published", ""))


def _add_tone(rows: list[dict[str, object]]) -> None:
    from .tone import tone

    scored = [r for r in rows if "_norm" in r]
    if not scored:
        return
    texts = [str(r["_norm"]) for r in scored]
    for tool in ("vader", "textblob"):
        for r, v in zip(scored, tone(texts, tool), strict=True):
            r[f"tone_{tool}"] = float(v)


def to_frames(results: Iterable[ScoredArticle], stance: bool = False,
              model: bool = False) -> Scored:
    """Collect streamed rows into typed DataFrames, in input order (``model``: with its columns)."""
    rows: dict[str, list[dict[str, object]]] = {t: [] for t in TABLES + STANCE_TABLES}
    for r in results:
        rows["articles"].append(r.article)
        for t in TABLES[1:] + STANCE_TABLES:
            rows[t].extend(getattr(r, t))
    frames = {t: typed_frame(rows[t], schema(t, model)) for t in TABLES}
    if stance:
        frames.update({t: typed_frame(rows[t], t) for t in STANCE_TABLES})
    return Scored(**frames)


def add_stance(results: list[ScoredArticle], actor_table: pd.DataFrame | None = None,
               frame_lexicon: pd.DataFrame | None = None) -> None:
    """Add actor portrayal and stance toward RUS–USA cooperation to scored articles.

    Parses the batch's scored sentences once more (dependency relations for
    appositions and predicates); see :mod:`analysis.stance`. ``actor_table``
    and ``frame_lexicon``: the scorer's actor dictionary and event lexicon
    (default: the packaged ones), so that stance reads actors as the run did.
    """
    from . import stance as st

    if not any(r.article["status"] == "ok" for r in results):
        return
    scored = to_frames(results)
    analysis = st.analyse(scored, actors=actor_table, frame_lexicon=frame_lexicon)
    actors = st.portray(scored, analysis=analysis)
    stances = st.stance(scored, analysis=analysis)
    by_article: dict[str, dict[str, list[dict[str, object]]]] = {}
    for table, df in (("actors", actors), ("stance", stances)):
        for row in df.to_dict("records"):
            by_article.setdefault(str(row["article_id"]), {"actors": [], "stance": []})[
                table].append(row)
    for r in results:
        found = by_article.get(str(r.article["article_id"]), {"actors": [], "stance": []})
        r.actors, r.stance = found["actors"], found["stance"]
        for row in r.stance:
            if row["voice"] == "all":
                r.article.update(stance_coop=row["stance_coop"], stance_score=row["stance_score"],
                                 stance_evidence=row["stance_evidence"])


def score(inputs: Sequence[str | Path] | str | Path | pd.DataFrame, mode: Mode = "full",
          tone: bool = True, split_parts: bool = False, max_bytes: int | None = None,
          progress: bool | None = False, stance: bool = False,
          lexicon: str | Path | pd.DataFrame | None = None,
          actors: str | Path | pd.DataFrame | None = None, title: TitleRule = "none",
          outlet: str | None = None, model: FrameModel | str | Path | None = None) -> Scored:
    """Read, parse and score a corpus; return ``articles``, ``sentences`` and ``dyads``.

    ``inputs`` are files or folders (``.txt``, ``.html``, ``.csv``, ``.jsonl``,
    ``.parquet``), or a DataFrame with a ``text`` column and optional
    ``article_id``, ``outlet``, ``host``, ``agency``, ``url``, ``published``
    and ``title`` columns (one article per row; ids ``text-1``, ``text-2``...
    where none is given; other columns are ignored: join on ``article_id``).
    Every input document has a row in ``articles`` with its ``status``; only
    ``ok`` documents have sentences and scores. With ``stance=True`` the
    result also holds ``actors`` (portrayal) and ``stance`` tables, and
    ``articles.stance_coop`` is filled. ``lexicon`` and ``actors`` (a file in
    the packaged tables' format, or a DataFrame) replace the packaged tables:
    see :class:`analysis.config.ScorerConfig`. ``title="first-line"``: the
    first line of each text is its title; ``outlet``: a name for every
    document, or ``"folder"`` for each file's folder name (see
    :func:`analysis.read.read_corpus`). For strings, :func:`score_text`.
    ``model`` (a :class:`analysis.model.FrameModel`, a model file or ``"bundled"``)
    adds the model's columns (``coop_p``, ``conf_p``, ``coop_model``,
    ``conf_model``; ``coop_share_model``… on articles); a model of another
    lexicon version is a :class:`analysis.model.ModelError`.
    """
    config = ScorerConfig(mode, lexicon=lexicon, actors=actors)
    if model is not None and not isinstance(model, FrameModel):
        model = load_model(model, config.lexicon_version)
    articles = _read(inputs, max_bytes, split_parts, title, outlet)
    return _score_articles(articles, config, tone, progress, stance, _describe(inputs), model)


def _score_articles(articles: Iterable[Article], config: ScorerConfig, tone: bool,
                    progress: bool | None, stance: bool, what: str,
                    model: FrameModel | None = None) -> Scored:
    """Unique ids and duplicates (in input order), then the scored tables."""
    from .outputs import InputOrder

    mode = config.mode
    articles = InputOrder().articles(articles)
    results = iter_scored(articles, mode=mode, tone=tone, scorer=config.scorer(), model=model)
    if progress is not False:
        from tqdm.auto import tqdm

        # progress=None: a bar only on a terminal (tqdm's disable=None); True: always.
        results = tqdm(results, desc="scoring", unit="article",
                       disable=None if progress is None else False)
    if stance:
        results = list(results)
        add_stance(results, actor_table=config.actors, frame_lexicon=config.lexicon)
    scored = to_frames(results, stance=stance, model=model is not None)
    if scored.articles.empty:
        warnings.warn(f"no input documents in {what}: the tables are empty", InputWarning,
                      stacklevel=3)
    return scored


def _read(inputs: Sequence[str | Path] | str | Path | pd.DataFrame, max_bytes: int | None,
          split_parts: bool, title: TitleRule, outlet: str | None) -> Iterator[Article]:
    """The articles of files and folders, or of a DataFrame's rows."""
    from .outputs import list_inputs
    from .read import DEFAULT_MAX_BYTES, OUTLET_FROM_FOLDER

    limit = max_bytes or DEFAULT_MAX_BYTES
    if not isinstance(inputs, pd.DataFrame):
        paths = [inputs] if isinstance(inputs, (str, Path)) else inputs
        for item in paths:
            if isinstance(item, str) and (" " in item or "\n" in item) and \
                    not os.path.lexists(item):  # lexists: no error on a too long name
                raise FileNotFoundError(f"input path does not exist: {item[:60]!r}; to score "
                                        "a text, use analysis.score_text")
        yield from read_corpus(list_inputs(paths), max_bytes=limit, split=split_parts,
                               warn=False, dedupe=False, title=title, outlet=outlet)
        return
    if outlet == OUTLET_FROM_FOLDER:
        raise ValueError("outlet='folder' names the folder of each file; a DataFrame has none: "
                         "give an outlet column or outlet='NAME'")
    yield from _read_frame(inputs, "<DataFrame>", limit, split_parts, title, outlet)


def _read_frame(df: pd.DataFrame, source: str, limit: int, split_parts: bool, title: TitleRule,
                outlet: str | None) -> Iterator[Article]:
    """The articles of a DataFrame's rows (paths ``SOURCE#ROW``), ``outlet`` applied."""
    from .read import apply_outlet, read_frame
    from .read import split_parts as split

    for art in read_frame(_frame_text(df), "text", source, max_bytes=limit, title=title):
        for unit in split(art) if split_parts and art.status == "ok" else [art]:
            apply_outlet(unit, outlet, Path())
            yield unit


def _frame_text(df: pd.DataFrame) -> pd.DataFrame:
    """A user's DataFrame as the reader takes a table: text cells, ids ``text-N`` where none."""
    from .read.files import ID_COLUMNS, TEXT_COLUMNS

    if not any(c in df.columns for c in TEXT_COLUMNS):
        raise ValueError(f"the DataFrame has no text column (expected one of {TEXT_COLUMNS}); "
                         f"its columns: {list(df.columns)}")
    df = df.reset_index(drop=True).astype(object)
    df = df.where(df.notna(), "").map(str)
    col = next((c for c in ID_COLUMNS if c in df.columns), "article_id")
    ids = df[col] if col in df.columns else pd.Series([""] * len(df))
    df[col] = [i.strip() or f"text-{n}" for n, i in enumerate(ids, start=1)]
    return df


def _describe(inputs: object) -> str:
    if isinstance(inputs, pd.DataFrame):
        return "the DataFrame"
    return str(inputs) if isinstance(inputs, (str, Path)) else ", ".join(map(str, inputs))


def score_text(texts: str | Sequence[str], mode: Mode = "full", *,
               ids: Sequence[str] | None = None, title: TitleRule = "none",
               outlet: str | None = None, published: str | Sequence[str] | None = None,
               tone: bool = True, stance: bool = False,
               lexicon: str | Path | pd.DataFrame | None = None,
               actors: str | Path | pd.DataFrame | None = None) -> Scored:
    """Score one text or a list of texts; the same tables as :func:`score`.

    Each string is one article (its lines are paragraphs), with the id
    ``text-1``, ``text-2``... or the given ``ids``. ``outlet`` (one name) and
    ``published`` (an ISO date, or one per text: the scorer reads actors at
    that date) fill those columns; ``title="first-line"``: each text's first
    line is its title.
    """
    items = [texts] if isinstance(texts, str) else list(texts)
    if not all(isinstance(t, str) for t in items):
        raise TypeError("texts must be a string or a list of strings")
    df = pd.DataFrame({"text": items})
    if ids is not None:
        if len(ids) != len(items):
            raise ValueError(f"{len(ids)} ids for {len(items)} texts")
        df["article_id"] = [str(i) for i in ids]
    if published is not None:
        dates = [published] * len(items) if isinstance(published, str) else list(published)
        if len(dates) != len(items):
            raise ValueError(f"{len(dates)} dates for {len(items)} texts")
        df["published"] = dates
    if outlet == "folder":
        raise ValueError("outlet='folder' names the folder of each file; texts have none")
    from .read import DEFAULT_MAX_BYTES

    config = ScorerConfig(mode, lexicon=lexicon, actors=actors)
    articles = _read_frame(df, "<text>", DEFAULT_MAX_BYTES, False, title, outlet)
    return _score_articles(articles, config, tone, False, stance, "the texts")
