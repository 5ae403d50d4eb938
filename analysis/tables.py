"""The scored tables: their columns and types, and the measures computed from their rows.

:class:`Scored` holds ``articles``, ``sentences`` and ``dyads`` (plus
``actors`` and ``stance`` with ``--stance``), whose columns are
:data:`ARTICLE_SCORE_COLUMNS`, :data:`SENTENCE_COLUMNS`, :data:`DYAD_COLUMNS`,
:data:`ACTOR_COLUMNS` and :data:`STANCE_COLUMNS` (documented in
``docs/tables.md``), typed by :data:`DTYPES` (:func:`typed_frame`,
:func:`csv_rows`). :func:`frame_measures` and :func:`net_index` are the
per-article measures; :func:`write_tables` and :func:`read_tables` the CSV and
Parquet files; :func:`spreadsheet_safe` the text cells of a CSV meant for a
spreadsheet. A low layer: it imports only :mod:`analysis.read` (the reader's
columns of ``articles.csv``), so the modules that take scored tables
(comparisons, stance, figures, report, reliability) need not import the
scoring pipeline. :mod:`analysis.pipeline` re-exports every name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .read import ARTICLE_COLUMNS

SENTENCE_COLUMNS = [
    "article_id", "sentence_id", "paragraph_id", "start", "end", "text", "kind",
    "boilerplate_kind", "lang", "voice", "speaker", "coop", "conf", "coop_score",
    "conf_score", "goldstein", "frame", "modality", "actors", "evidence",
    "tone_vader", "tone_textblob",
]
DYAD_COLUMNS = [
    "article_id", "sentence_id", "actor_a", "actor_b", "source", "target", "relation",
    "category", "quad_class", "weight", "negated", "modality", "evidence",
]
#: Measures added to the reader's columns of ``articles.csv``.
MEASURE_COLUMNS = [
    "n_sentences", "n_body", "n_coop", "n_conf", "coop_share", "conf_share", "net_index",
    "goldstein_mean",
    "rususa_n", "rususa_coop", "rususa_conf", "rususa_net",
    "headline_n", "headline_coop", "headline_conf", "headline_net",
    "narrator_n", "narrator_coop", "narrator_conf", "narrator_net",
    "quoted_n", "quoted_coop", "quoted_conf", "quoted_net",
    "stance_coop", "stance_score", "stance_evidence",
    "mode", "lexicon_version",
]
#: ``actors.csv`` and ``stance.csv`` (with ``--stance``): see :mod:`analysis.stance`.
ACTOR_COLUMNS = [
    "article_id", "actor", "mentions", "as_source", "as_target", "cooperates_with",
    "conflicts_with", "portrayal_score", "portrayal", "voice", "narrator_score", "quoted_score",
    "n_evaluations", "narrator_scores", "quoted_scores", "labels_used", "evidence",
]
STANCE_COLUMNS = ["article_id", "voice", "stance_coop", "stance_score", "n_evidence", "n_window",
                  "stance_evidence"]
ARTICLE_SCORE_COLUMNS = ARTICLE_COLUMNS + MEASURE_COLUMNS
#: Sentence columns a trained model adds (``framing score --model``): probabilities, 0/1 labels.
MODEL_SENTENCE_COLUMNS = ["coop_p", "conf_p", "coop_model", "conf_model"]
#: Article columns a trained model adds: the frame measures computed from the model's labels.
MODEL_ARTICLE_COLUMNS = ["n_coop_model", "n_conf_model", "coop_share_model",
                         "conf_share_model", "net_index_model"]
#: Schemas of the tables of a run with a model (``<table>+model``; see :func:`schema`).
MODEL_TABLES = {"articles": MODEL_ARTICLE_COLUMNS, "sentences": MODEL_SENTENCE_COLUMNS}
TABLES = ("articles", "sentences", "dyads")
STANCE_TABLES = ("actors", "stance")

_INT = "Int64"
_FLOAT = "float64"
_STR = "string"
_BOOL = "boolean"
#: Column types, fixed so that every batch is written the same way.
DTYPES: dict[str, dict[str, str]] = {
    "articles": {
        **{c: _STR for c in ARTICLE_SCORE_COLUMNS},
        **{c: _INT for c in ("n_parts", "n_paragraphs", "n_headlines", "n_boilerplate", "n_chars",
                             "n_sentences", "n_body", "n_coop", "n_conf", "rususa_n", "rususa_coop",
                             "rususa_conf", "headline_n", "headline_coop", "headline_conf",
                             "narrator_n", "narrator_coop", "narrator_conf", "quoted_n",
                             "quoted_coop", "quoted_conf")},
        **{c: _FLOAT for c in ("coop_share", "conf_share", "net_index", "goldstein_mean",
                               "rususa_net", "headline_net", "narrator_net", "quoted_net",
                               "stance_score")},
    },
    "sentences": {
        **{c: _STR for c in SENTENCE_COLUMNS},
        **{c: _INT for c in ("sentence_id", "paragraph_id", "start", "end", "coop", "conf")},
        **{c: _FLOAT for c in ("coop_score", "conf_score", "goldstein", "tone_vader",
                               "tone_textblob")},
    },
    "dyads": {
        **{c: _STR for c in DYAD_COLUMNS},
        "sentence_id": _INT, "weight": _FLOAT, "negated": _BOOL,
    },
    "actors": {
        **{c: _STR for c in ACTOR_COLUMNS},
        **{c: _INT for c in ("mentions", "as_source", "as_target", "n_evaluations")},
        **{c: _FLOAT for c in ("portrayal_score", "narrator_score", "quoted_score")},
    },
    "stance": {
        **{c: _STR for c in STANCE_COLUMNS},
        "stance_score": _FLOAT, "n_evidence": _INT, "n_window": _INT,
    },
}
DTYPES["articles+model"] = {**DTYPES["articles"], "n_coop_model": _INT, "n_conf_model": _INT,
                            **{c: _FLOAT for c in MODEL_ARTICLE_COLUMNS[2:]}}
DTYPES["sentences+model"] = {**DTYPES["sentences"], "coop_p": _FLOAT, "conf_p": _FLOAT,
                             "coop_model": _INT, "conf_model": _INT}
COLUMNS: dict[str, list[str]] = {
    "articles": ARTICLE_SCORE_COLUMNS, "sentences": SENTENCE_COLUMNS, "dyads": DYAD_COLUMNS,
    "actors": ACTOR_COLUMNS, "stance": STANCE_COLUMNS,
    "articles+model": ARTICLE_SCORE_COLUMNS + MODEL_ARTICLE_COLUMNS,
    "sentences+model": SENTENCE_COLUMNS + MODEL_SENTENCE_COLUMNS}


def schema(table: str, model: bool = False) -> str:
    """The key of a table's columns and types in :data:`COLUMNS` and :data:`DTYPES`.

    With a model, ``articles`` and ``sentences`` have the model's columns at
    the end (``articles+model``, ``sentences+model``); without, every table
    keeps exactly its columns.
    """
    return f"{table}+model" if model and table in MODEL_TABLES else table


def typed_frame(rows: list[dict[str, object]], table: str) -> pd.DataFrame:
    """Rows as a DataFrame with the table's fixed columns and types.

    Fixed types make every batch of a streamed run, and every engine, write
    the same bytes for the same rows.
    """
    df = pd.DataFrame(rows, columns=COLUMNS[table])
    for col, dtype in DTYPES[table].items():
        if dtype == _FLOAT:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype(float)
        elif dtype == _INT:
            df[col] = pd.to_numeric(df[col], errors="coerce").round().astype(_INT)
        elif dtype == _BOOL:
            df[col] = df[col].map({"True": True, "False": False, True: True, False: False},
                                  na_action="ignore").astype(_BOOL)
        else:  # empty text and missing are one thing, as in the CSV
            df[col] = df[col].astype(object).where(df[col].notna() & (df[col] != ""), None)
            df[col] = df[col].astype(_STR)
    return df


def _cell_float(v: object) -> str:
    try:
        x = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(x) else f"{x:.4f}"


def _cell_int(v: object) -> str:
    try:
        x = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(x) else str(int(round(x)))


_BOOL_CELLS = {"True": "True", "False": "False", True: "True", False: "False"}


def _cell_bool(v: object) -> str:
    try:
        return _BOOL_CELLS.get(v, "")  # type: ignore[call-overload]
    except TypeError:  # unhashable
        return ""


def _cell_str(v: object) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v)


_CELL = {_FLOAT: _cell_float, _INT: _cell_int, _BOOL: _cell_bool, _STR: _cell_str}


#: First characters that make a spreadsheet read a text cell as a formula: ``=``, ``+``,
#: ``-``, ``@``, and tab and carriage return (some programs skip them before looking).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A text cell a spreadsheet shows as text: an apostrophe before a formula's first character.

    ``=cmd|' /C calc'!A0`` becomes ``'=cmd|' /C calc'!A0``. Only for files
    opened in Excel, LibreOffice or Google Sheets: pandas and R read the
    apostrophe as part of the text.
    """
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _cell_str_safe(v: object) -> str:
    return spreadsheet_safe(_cell_str(v))


def csv_rows(rows: Sequence[dict[str, object]], table: str,
             safe: bool = False) -> list[list[str]]:
    """The CSV cells of rows, exactly as ``typed_frame(rows, table).to_csv(float_format="%.4f")``.

    The streaming writer's fast path: formatting each cell by its column type
    skips building a DataFrame per batch (the test suite checks the bytes
    against the pandas path). ``safe=True``: text cells go through
    :func:`spreadsheet_safe` (number cells are left as they are).
    """
    cell = {**_CELL, _STR: _cell_str_safe} if safe else _CELL
    formats = [(c, cell[DTYPES[table][c]]) for c in COLUMNS[table]]
    return [[fmt(r.get(c)) for c, fmt in formats] for r in rows]


@dataclass
class ScoredArticle:
    """The rows one article contributes to each table."""

    article: dict[str, object]
    sentences: list[dict[str, object]] = field(default_factory=list)
    dyads: list[dict[str, object]] = field(default_factory=list)
    actors: list[dict[str, object]] = field(default_factory=list)
    stance: list[dict[str, object]] = field(default_factory=list)


@dataclass
class Scored:
    """The three tables of a scored corpus (plus actors and stance, with ``stance=True``)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    dyads: pd.DataFrame
    actors: pd.DataFrame | None = None
    stance: pd.DataFrame | None = None

    def __iter__(self):
        return iter((self.articles, self.sentences, self.dyads))


def net_index(coop: float, conf: float) -> float:
    """(coop − conf) / (coop + conf) in [−1, 1]; NaN when neither occurs."""
    total = coop + conf
    return (coop - conf) / total if total else math.nan


def frame_measures(sentences: pd.DataFrame | Sequence[dict],
                   dyads: pd.DataFrame | Sequence[dict] | None = None) -> dict[str, float]:
    """Per-article (or any group's) measures from its scored sentence rows.

    Shares and the net index use body sentences; headlines and voices are
    reported separately; the RUS–USA measures count body sentences with a
    Russia–United States dyad. Works on row dicts (the streaming path, no
    pandas overhead per article) or on DataFrames.
    """
    if isinstance(sentences, pd.DataFrame):
        sentences = sentences.to_dict("records")
    if isinstance(dyads, pd.DataFrame):
        dyads = dyads.to_dict("records")

    def has(v: object) -> bool:
        return v is not None and v is not pd.NA and not (isinstance(v, float) and math.isnan(v))

    scored = [r for r in sentences if has(r.get("coop")) and r.get("kind") != "boilerplate"]
    body = [r for r in scored if r["kind"] == "body"]
    n = len(body)
    coop = float(sum(r["coop"] for r in body))
    conf = float(sum(r["conf"] for r in body))
    weights = [float(r["goldstein"]) for r in body if has(r.get("goldstein"))]
    out: dict[str, float] = {
        "n_sentences": len(scored), "n_body": n, "n_coop": coop, "n_conf": conf,
        "coop_share": coop / n if n else math.nan,
        "conf_share": conf / n if n else math.nan,
        "net_index": net_index(coop, conf),
        "goldstein_mean": sum(weights) / len(weights) if weights else math.nan,
    }
    body_ids = {(r.get("article_id"), r["sentence_id"]) for r in body}
    rel: dict[tuple, list[str]] = {}
    for d in dyads or ():
        key = (d.get("article_id"), d["sentence_id"])
        if d["actor_a"] == "RUS" and d["actor_b"] == "USA" and key in body_ids:
            rel.setdefault(key, []).append(d["relation"])
    combined = [_combine_relations(v) for v in rel.values()]
    out["rususa_n"] = len(combined)
    out["rususa_coop"] = float(sum(r in ("coop", "mixed") for r in combined))
    out["rususa_conf"] = float(sum(r in ("conf", "mixed") for r in combined))
    out["rususa_net"] = net_index(out["rususa_coop"], out["rususa_conf"])
    parts = (("headline", [r for r in scored if r["kind"] == "headline"]),
             ("narrator", [r for r in body if r.get("voice") == "narrator"]),
             ("quoted", [r for r in body if r.get("voice") == "quoted"]))
    for name, part in parts:
        c, f = float(sum(r["coop"] for r in part)), float(sum(r["conf"] for r in part))
        out.update({f"{name}_n": len(part), f"{name}_coop": c, f"{name}_conf": f,
                    f"{name}_net": net_index(c, f)})
    return out


def _combine_relations(values: Iterable[str]) -> str:
    vals = set(values)
    if "mixed" in vals or {"coop", "conf"} <= vals:
        return "mixed"
    return "coop" if "coop" in vals else "conf"


def write_tables(scored: Scored, out: str | Path, spreadsheet_safe: bool = False,
                 ) -> dict[str, Path]:
    """Write ``articles.csv``, ``sentences.csv`` and ``dyads.csv`` deterministically.

    ``spreadsheet_safe=True``: text cells that a spreadsheet would read as a
    formula get an apostrophe first (:func:`spreadsheet_safe`), as with
    ``framing score --spreadsheet-safe``.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    tables = [(t, getattr(scored, t)) for t in TABLES + STANCE_TABLES
              if getattr(scored, t) is not None]
    for name, df in tables:
        if spreadsheet_safe:
            df = _safe_frame(df, name)
        path = out / f"{name}.csv"
        df.to_csv(path, index=False, float_format="%.4f", lineterminator="\n")
        paths[name] = path
    return paths


def _safe_frame(df: pd.DataFrame, table: str) -> pd.DataFrame:
    df = df.copy()
    for col in df.columns:
        if DTYPES.get(table, {}).get(col, _STR) == _STR:
            df[col] = df[col].map(lambda v: v if not isinstance(v, str) else spreadsheet_safe(v))
    return df


def read_tables(folder: str | Path) -> Scored:
    """Read tables written by :func:`write_tables` or ``framing score`` (CSV or Parquet)."""
    folder = Path(folder)
    frames = {}
    for name in TABLES + STANCE_TABLES:
        path = folder / f"{name}.csv"
        if path.exists():
            df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        elif (folder / f"{name}.parquet").exists() or name in TABLES:
            df = pd.read_parquet(folder / f"{name}.parquet")
        else:
            continue
        model = name in MODEL_TABLES and MODEL_TABLES[name][0] in df.columns
        frames[name] = typed_frame(df.to_dict("records"), schema(name, model))
    return Scored(**frames)
