"""Scoring corpora of any size: streaming, several processes, Dask, resumable runs.

``framing score`` goes through :func:`run`. Articles are read lazily, scored
in batches and appended to the output files batch by batch, so peak memory
does not grow with the number of articles. Three engines give the same rows:

* ``local`` with ``jobs=1``: one process;
* ``local`` with ``jobs=N``: N worker processes, each reading and scoring a
  batch of files (a bounded window of batches in flight); the main process
  marks exact duplicates and writes the rows in input order. Table inputs
  (.csv/.jsonl/.parquet) and resumed runs are read by the main process and
  scored by the workers;
* ``dask``: the list of input files is partitioned across the workers of a
  Dask cluster (a local one by default, or ``scheduler="tcp://host:8786"``);
  each worker reads and scores its files, the client writes the rows in input
  order and marks exact duplicates exactly as the local engine does.

Every engine scores with the same :class:`analysis.config.ScorerConfig` (mode,
lexicon and actor tables), shipped to the workers with the other options.

A run writes a checkpoint (``_checkpoint.json``) after every batch: how many
documents are done, the byte size of each output file and the scorer's
configuration. ``resume=True`` truncates the files to the last checkpoint and
skips the documents already written, so an interrupted run ends with the same
bytes as an uninterrupted one; resuming with another mode, lexicon or actor
table raises :class:`ResumeRefused` rather than mix rows scored two ways.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from .config import ScorerConfig, TableSource
from .pipeline import (
    COLUMNS,
    DTYPES,
    MEASURE_COLUMNS,
    STANCE_TABLES,
    TABLES,
    ScoredArticle,
    add_stance,
    batched,
    body_digest,
    csv_rows,
    iter_scored,
    typed_frame,
)
from .read import DEFAULT_MAX_BYTES, Article, InputWarning, iter_input_files, read_corpus
from .types import Mode

Engine = Literal["local", "dask"]
Format = Literal["csv", "parquet"]
CHECKPOINT = "_checkpoint.json"

# ---------------------------------------------------------------- writers

class TableWriter:
    """Append batches of rows to ``articles``, ``sentences`` and ``dyads`` files."""

    def __init__(self, out: Path, fmt: Format = "csv", append: bool = False,
                 stance: bool = False) -> None:
        self.out, self.fmt = out, fmt
        out.mkdir(parents=True, exist_ok=True)
        self.tables = TABLES + (STANCE_TABLES if stance else ())
        self.paths = {t: out / f"{t}.{fmt}" for t in self.tables}
        self._parquet: dict[str, object] = {}
        if not append:
            for t in TABLES + STANCE_TABLES:
                (out / f"{t}.{fmt}").unlink(missing_ok=True)

    def write(self, batch: Sequence[ScoredArticle]) -> None:
        rows = {"articles": [b.article for b in batch]}
        for t in self.tables[1:]:
            rows[t] = [row for b in batch for row in getattr(b, t)]
        for table in self.tables:
            if self.fmt == "csv":
                path = self.paths[table]
                header = not path.exists() or path.stat().st_size == 0
                with path.open("a", encoding="utf-8", newline="") as fh:
                    writer = csv.writer(fh, lineterminator="\n")
                    if header:
                        writer.writerow(COLUMNS[table])
                    writer.writerows(csv_rows(rows[table], table))
            else:
                self._write_parquet(table, typed_frame(rows[table], table))

    def _write_parquet(self, table: str, df: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _arrow_schema(table)
        writer = self._parquet.get(table)
        if writer is None:
            writer = pq.ParquetWriter(self.paths[table], schema)
            self._parquet[table] = writer
        writer.write_table(pa.Table.from_pandas(df, schema=schema, preserve_index=False))

    def sizes(self) -> dict[str, int]:
        return {t: p.stat().st_size if p.exists() else 0 for t, p in self.paths.items()}

    def close(self) -> None:
        for writer in self._parquet.values():
            writer.close()  # type: ignore[attr-defined]
        self._parquet.clear()


def _arrow_schema(table: str):
    import pyarrow as pa

    kinds = {"Int64": pa.int64(), "float64": pa.float64(), "string": pa.string(),
             "boolean": pa.bool_()}
    return pa.schema([(c, kinds[t]) for c, t in DTYPES[table].items()])


# ---------------------------------------------------------------- engines

@dataclass(frozen=True)
class Options:
    """What to score and how; picklable so workers get the same settings."""

    config: ScorerConfig = ScorerConfig()
    tone: bool = True
    split_parts: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 32
    stance: bool = False

    @property
    def mode(self) -> Mode:
        return self.config.mode


def _score_batch(batch: list[Article], opts: Options) -> list[ScoredArticle]:
    results = list(iter_scored(batch, mode=opts.mode, tone=opts.tone,
                               batch_size=len(batch) or 1, scorer=opts.config.scorer()))
    if opts.stance:
        add_stance(results, actor_table=opts.config.actors)
    return results


def _local(articles: Iterator[Article], opts: Options, jobs: int) -> Iterator[list[ScoredArticle]]:
    batches = batched(articles, opts.batch_size)
    if jobs <= 1:
        for batch in batches:
            yield _score_batch(batch, opts)
        return
    yield from _in_order(_score_batch, batches, opts, jobs)


def _in_order(task, items: Iterable, opts: Options, jobs: int) -> Iterator:
    """``task(item, opts)`` for each item in ``jobs`` processes, results in input order.

    At most ``2 * jobs`` items are in flight, so memory stays bounded.
    """
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        window: deque = deque()
        for item in items:
            window.append(pool.submit(task, item, opts))
            if len(window) >= 2 * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _local_files(files: list[Path], opts: Options, jobs: int) -> Iterator[list[ScoredArticle]]:
    """N processes that each read and score whole batches of files.

    Reading costs as much as scoring in the fast and lexical modes, so the
    workers read too; the main process only marks exact duplicates, in input
    order, exactly as :func:`read_corpus` does, and writes.
    """
    parts = [[str(f) for f in files[i:i + opts.batch_size]]
             for i in range(0, len(files), opts.batch_size)]
    yield from _mark_duplicates(_in_order(_read_and_score_files, parts, opts, jobs), opts)


def _mark_duplicates(parts: Iterable[list[tuple[str, ScoredArticle]]], opts: Options,
                     ) -> Iterator[list[ScoredArticle]]:
    """Batches in input order, exact duplicates marked, input problems warned about."""
    seen: dict[str, str] = {}
    for part in parts:
        batch = []
        for digest, scored in part:
            if digest and digest in seen:
                scored = _as_duplicate(scored, seen[digest], opts)
            elif digest:
                seen[digest] = str(scored.article["article_id"])
            if scored.article["status"] != "ok" or scored.article["problem"]:
                warnings.warn(f"{scored.article['path']}: {scored.article['status']}: "
                              f"{scored.article['problem']}", InputWarning, stacklevel=3)
            batch.append(scored)
        yield batch


def _read_and_score_files(files: list[str], opts: Options) -> list[tuple[str, ScoredArticle]]:
    """Worker task: read and score a partition of files; duplicates are left to the caller."""
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        arts = list(read_corpus(files, max_bytes=opts.max_bytes, split=opts.split_parts,
                                use_sidecar=True, warn=False, dedupe=False))
    for art, scored in zip(arts, _score_batch(arts, opts), strict=True):
        out.append((body_digest(art) if art.status == "ok" else "", scored))
    return out


def _dask(files: list[Path], opts: Options, scheduler: str | None,
          partition_size: int) -> Iterator[list[ScoredArticle]]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        parts = [[str(f) for f in files[i:i + partition_size]]
                 for i in range(0, len(files), partition_size)]
        futures = client.map(_read_and_score_files, parts, opts=opts, pure=False)

        def results() -> Iterator[list[tuple[str, ScoredArticle]]]:
            for fut in futures:  # in input order
                yield fut.result()
                fut.release()

        yield from _mark_duplicates(results(), opts)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _as_duplicate(scored: ScoredArticle, first: str, opts: Options) -> ScoredArticle:
    """The row the local engine writes for an exact duplicate of ``first``."""
    rec = dict(scored.article)
    problem = f"{rec['problem']}; " if rec["problem"] else ""
    rec.update({c: float("nan") for c in MEASURE_COLUMNS})
    rec.update(status="duplicate", problem=f"{problem}exact duplicate of {first}",
               mode=opts.mode, lexicon_version=scored.article["lexicon_version"])
    return ScoredArticle(article=rec)


# ---------------------------------------------------------------- run

class ResumeRefused(ValueError):
    """``resume=True`` in a folder whose interrupted run used another scorer configuration."""


def _check_resume(ckpt: dict, config: ScorerConfig, out: Path) -> None:
    before, now = ckpt.get("config"), config.describe()
    if before is not None and before != now:
        changed = ", ".join(f"{k} {before.get(k)} -> {v}" for k, v in now.items()
                            if before.get(k) != v)
        raise ResumeRefused(f"cannot resume the run in {out}: it was scored with another "
                            f"configuration ({changed}); run without --resume to start afresh")


def _fingerprint(files: Sequence[Path], opts: Options, fmt: str) -> str:
    h = hashlib.sha1()
    for f in files:
        try:
            st = f.stat()
        except OSError:  # a dangling link or a link loop: read as unreadable (issue 17)
            st = f.lstat()
        h.update(f"{f}\0{st.st_size}\0{int(st.st_mtime)}\n".encode())
    h.update(repr((opts, fmt)).encode())
    return h.hexdigest()


def run(inputs: Sequence[str | Path], out: str | Path, *, mode: Mode = "full", tone: bool = True,
        split_parts: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, fmt: Format = "csv",
        jobs: int = 1, engine: Engine = "local", scheduler: str | None = None,
        resume: bool = False, batch_size: int = 32, progress: bool | None = None,
        partition_size: int = 64, stance: bool = False, lexicon: TableSource = None,
        actors: TableSource = None) -> dict[str, int]:
    """Score ``inputs`` into ``out`` batch by batch; return counts by status.

    Output is identical whatever ``jobs`` and ``engine`` (rows in input order).
    ``lexicon`` and ``actors`` (a file or a DataFrame) replace the packaged
    tables in every engine. With ``resume=True`` an interrupted run in ``out``
    continues where its last checkpoint stopped; with different inputs or
    options it starts afresh, and with another mode, lexicon or actor table it
    raises :class:`ResumeRefused`.
    """
    out = Path(out)
    config = ScorerConfig(mode, lexicon=lexicon, actors=actors)  # a bad table fails before any work
    files = list(iter_input_files(inputs))
    opts = Options(config=config, tone=tone, split_parts=split_parts, max_bytes=max_bytes,
                   batch_size=batch_size, stance=stance)
    fingerprint = _fingerprint(files, opts, fmt)
    ckpt_path = out / CHECKPOINT
    resumed = _resume_point(out, config, fingerprint, fmt) if resume else None
    append = resumed is not None
    done = resumed or 0
    writer = TableWriter(out, fmt=fmt, append=append, stance=stance)
    if not append:
        ckpt_path.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    bar = _progress(len(files) if _only_files(files) else None, progress, initial=done)
    try:
        for batch in _batches(engine, files, opts, jobs, done, scheduler, partition_size):
            writer.write(batch)
            done += len(batch)
            for b in batch:
                status = str(b.article["status"])
                counts[status] = counts.get(status, 0) + 1
            if fmt == "csv":
                ckpt_path.write_text(json.dumps(
                    {"fingerprint": fingerprint, "documents": done, "sizes": writer.sizes(),
                     "config": config.describe()}))
            if bar is not None:
                bar.update(len(batch))
    finally:
        writer.close()
        if bar is not None:
            bar.close()
    ckpt_path.unlink(missing_ok=True)
    return counts


def _resume_point(out: Path, config: ScorerConfig, fingerprint: str, fmt: str) -> int | None:
    """Documents already written by the interrupted run in ``out``, or None to start afresh.

    A run continues only from a checkpoint of the same inputs and options in
    CSV; its files are first cut back to the sizes the checkpoint recorded.
    Another scorer configuration raises :class:`ResumeRefused`.
    """
    ckpt_path = out / CHECKPOINT
    if not ckpt_path.exists():
        return None
    ckpt = json.loads(ckpt_path.read_text())
    _check_resume(ckpt, config, out)
    if ckpt.get("fingerprint") != fingerprint or fmt != "csv":
        print("resume: inputs or options changed (or parquet output); starting afresh",
              file=sys.stderr)
        return None
    for table, size in ckpt["sizes"].items():
        with (out / f"{table}.{fmt}").open("r+b") as fh:
            fh.truncate(size)
    return int(ckpt["documents"])


def _batches(engine: Engine, files: list[Path], opts: Options, jobs: int, done: int,
             scheduler: str | None, partition_size: int) -> Iterator[list[ScoredArticle]]:
    """Scored batches in input order from the chosen engine, the first ``done`` documents skipped.

    Local runs of plain files in several processes let the workers read too;
    a resumed run and table inputs are read by the main process.
    """
    if engine == "dask":
        if done:
            raise ValueError("resume is supported with the local engine only")
        return _dask(files, opts, scheduler, partition_size)
    if engine == "local" and jobs > 1 and not done and _only_files(files):
        return _local_files(files, opts, jobs)
    if engine == "local":
        articles = read_corpus(files, max_bytes=opts.max_bytes, split=opts.split_parts)
        return _local(_skip(articles, done), opts, jobs)
    raise ValueError(f"unknown engine {engine!r}; expected 'local' or 'dask'")


def _skip(articles: Iterator[Article], n: int) -> Iterator[Article]:
    """Skip the first ``n`` documents (already written) but still read them for dedup."""
    for i, art in enumerate(articles):
        if i >= n:
            yield art


def _only_files(files: Sequence[Path]) -> bool:
    return not any(f.suffix.lower() in {".csv", ".jsonl", ".parquet"} for f in files)


def _progress(total: int | None, progress: bool | None, initial: int = 0):
    if progress is False:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, desc="scoring", unit="article", file=sys.stderr,
                disable=None if progress is None else False, smoothing=0.1)
