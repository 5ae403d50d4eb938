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

A run writes a manifest (``_framing_run.json``: the SHA-256 of every input
file, the settings, whether it finished) when it starts and when it ends, and
in CSV a checkpoint (``_checkpoint.json``) after every batch, last, once the
batch's rows are written: how many documents are done, the byte size of each
output file and the scorer's configuration. Both are replaced atomically, so
a crash or a full disk leaves the last consistent state. ``resume=True``
truncates the files to the last checkpoint and skips the documents already
written, so an interrupted run ends with the same bytes as an uninterrupted
one; resuming after an input file's bytes changed, or with another mode,
lexicon or actor table, raises :class:`ResumeRefused` rather than mix rows;
resuming a finished run does nothing. A folder holding another run's tables
is refused (:class:`analysis.outputs.RunError`) unless ``overwrite=True``,
which removes that run's tables of every format. See :mod:`analysis.outputs`.
"""

from __future__ import annotations

import csv
import errno
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from . import workers
from .collector import lean_collector
from .config import ScorerConfig, TableSource
from .model import FrameModel, ModelError, load_model
from .outputs import (
    CHECKPOINT,
    MANIFEST,
    InputOrder,
    RunError,
    UsageError,
    changed_file,
    check_locations,
    file_hashes,
    list_inputs,
    read_json,
    remove_tables,
    run_identity,
    set_article_id,
    table_files,
    write_json,
)
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
    schema,
    typed_frame,
)
from .read import DEFAULT_MAX_BYTES, Article, InputWarning, read_corpus, warn_document
from .types import Mode, TitleRule

Engine = Literal["local", "dask"]
Format = Literal["csv", "parquet"]
ModelSource = FrameModel | str | Path | None
__all__ = ["CHECKPOINT", "MANIFEST", "ResumeRefused", "RunError", "TableWriter", "run"]

# ---------------------------------------------------------------- writers

class TableWriter:
    """Append batches of rows to ``articles``, ``sentences`` and ``dyads`` files."""

    def __init__(self, out: Path, fmt: Format = "csv", append: bool = False,
                 stance: bool = False, spreadsheet_safe: bool = False,
                 model: bool = False) -> None:
        if spreadsheet_safe and fmt != "csv":
            raise ValueError("spreadsheet_safe applies to CSV output only")
        self.out, self.fmt, self.safe, self.model = out, fmt, spreadsheet_safe, model
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
            try:
                self._write_table(table, rows[table])
            except OSError as exc:  # name the file: a failed write() does not
                if exc.filename is None:
                    exc.filename = str(self.paths[table])
                raise

    def _write_table(self, table: str, rows: list[dict[str, object]]) -> None:
        if self.fmt == "csv":
            path = self.paths[table]
            header = not path.exists() or path.stat().st_size == 0
            with path.open("a", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                if header:
                    writer.writerow(COLUMNS[schema(table, self.model)])
                writer.writerows(csv_rows(rows, schema(table, self.model), safe=self.safe))
        else:
            self._write_parquet(table, typed_frame(rows, schema(table, self.model)))

    def _write_parquet(self, table: str, df: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        arrow = _arrow_schema(schema(table, self.model))
        writer = self._parquet.get(table)
        if writer is None:
            writer = pq.ParquetWriter(self.paths[table], arrow)
            self._parquet[table] = writer
        writer.write_table(pa.Table.from_pandas(df, schema=arrow, preserve_index=False))

    def sizes(self) -> dict[str, int]:
        return {t: p.stat().st_size if p.exists() else 0 for t, p in self.paths.items()}

    def close(self) -> None:
        writers, self._parquet = self._parquet, {}
        for table, writer in writers.items():
            try:
                writer.close()  # type: ignore[attr-defined]
            except OSError as exc:
                if exc.filename is None:
                    exc.filename = str(self.paths[table])
                raise


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
    title: TitleRule = "none"
    outlet: str | None = None
    model: FrameModel | None = None

    @property
    def mode(self) -> Mode:
        return self.config.mode


def _score_batch(batch: list[Article], opts: Options) -> list[ScoredArticle]:
    results = list(iter_scored(batch, mode=opts.mode, tone=opts.tone,
                               batch_size=len(batch) or 1, scorer=opts.config.scorer(),
                               model=opts.model))
    if opts.stance:
        add_stance(results, actor_table=opts.config.actors, frame_lexicon=opts.config.lexicon)
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

    ``opts`` (with its model, megabytes) goes to each worker once, through the
    pool's initializer (:func:`_init_worker`), not with every batch.

    At most ``2 * jobs`` items are in flight, so memory stays bounded. The
    workers die with the main process (:func:`analysis.workers.init`); if the
    run stops early (Ctrl-C, an error, the generator closed) they are killed
    at once rather than left to finish their batches.
    """
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                               initargs=(os.getpid(), opts))
    finished = False
    try:
        window: deque = deque()
        for item in items:
            window.append(pool.submit(_with_options, task, item))
            if len(window) >= 2 * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            workers.stop(pool)


#: The run's options in a worker process of the local engine (set by :func:`_init_worker`).
_WORKER_OPTIONS: dict[str, Options] = {}


def _init_worker(parent: int, opts: Options) -> None:
    """Pool initializer: :func:`analysis.workers.init`, then keep the run's options."""
    workers.init(parent)
    _WORKER_OPTIONS["opts"] = opts


def _with_options(task: Callable[[Any, Options], Any], item: Any) -> Any:
    """Run ``task(item, opts)`` with the options this worker was started with."""
    return task(item, _WORKER_OPTIONS["opts"])


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
    """Batches in input order: unique ids, exact duplicates marked, input problems warned about.

    :class:`analysis.outputs.InputOrder` decides, exactly as it does for the
    articles of a one-process run.
    """
    order = InputOrder()
    for part in parts:
        batch = []
        for digest, scored in part:
            rec = scored.article
            new, first = order.note(digest, str(rec["article_id"]), str(rec["path"]))
            set_article_id(scored, new)
            if first is not None:
                scored = _as_duplicate(scored, first, opts)
            rec = scored.article
            if rec["status"] != "ok" or rec["problem"]:
                warn_document(str(rec["path"]), str(rec["status"]), str(rec["problem"]),
                              stacklevel=3)
            batch.append(scored)
        yield batch


def _read_and_score_files(files: list[str], opts: Options) -> list[tuple[str, ScoredArticle]]:
    """Worker task: read and score a partition of files; ids and duplicates are left to the caller.

    Two documents of the partition with one id are scored under distinct
    temporary ids (the stance tables group rows by id), then given it back.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        arts = list(read_corpus(files, max_bytes=opts.max_bytes, split=opts.split_parts,
                                use_sidecar=True, warn=False, dedupe=False, title=opts.title,
                                outlet=opts.outlet))
    ids = [art.article_id for art in arts]
    if len(set(ids)) < len(ids):
        for i, art in enumerate(arts):
            art.article_id = f"{art.article_id}\x00{i}"
    scored = _score_batch(arts, opts)
    for art, aid, result in zip(arts, ids, scored, strict=True):
        art.article_id = aid
        set_article_id(result, aid)
    return [(body_digest(art) if art.status == "ok" else "", result)
            for art, result in zip(arts, scored, strict=True)]


def _dask(files: list[Path], opts: Options, scheduler: str | None,
          partition_size: int) -> Iterator[list[ScoredArticle]]:
    """The dask engine, with tornado's callback logger quiet while it runs.

    A Ctrl-C that lands while a client call waits makes distributed's ``sync`` schedule a
    cancel callback that can fail before its future exists (a NameError tornado logs to
    stderr); the interrupt itself is reported by the command line in one line, and dask
    raises any real failure as an exception on the future, so that log adds nothing.
    """
    import logging

    tornado_log = logging.getLogger("tornado.application")
    level = tornado_log.level
    tornado_log.setLevel(logging.CRITICAL)
    try:
        yield from _dask_run(files, opts, scheduler, partition_size)
    finally:
        tornado_log.setLevel(level)


def _dask_run(files: list[Path], opts: Options, scheduler: str | None,
              partition_size: int) -> Iterator[list[ScoredArticle]]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        # no dashboard; the scheduler's HTTP endpoint on a free local port (8787 may be taken)
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None,
                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        client = Client(cluster)
        client.run(workers.ignore_interrupts)
    try:
        parts = [[str(f) for f in files[i:i + partition_size]]
                 for i in range(0, len(files), partition_size)]
        shared = client.scatter(opts, broadcast=True)  # once per worker, not once per task
        futures = client.map(_read_and_score_files, parts, opts=shared, pure=False)

        def results() -> Iterator[list[tuple[str, ScoredArticle]]]:
            for fut in futures:  # in input order
                yield fut.result()
                fut.release()

        yield from _mark_duplicates(results(), opts)
    except KeyboardInterrupt:
        if cluster is not None:
            _kill_local_workers()
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _kill_local_workers() -> None:
    """Ctrl-C: kill the local cluster's worker processes at once, quietly.

    A worker busy in a task would otherwise finish it, and its nanny would wait four
    seconds and log warnings before killing it.
    """
    import logging
    import multiprocessing

    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    for child in multiprocessing.active_children():
        child.kill()


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
    """``resume=True`` in a folder whose interrupted run read other inputs or used another
    scorer configuration."""


def _check_resume(ckpt: dict, config: ScorerConfig, out: Path) -> None:
    before, now = ckpt.get("config"), config.describe()
    if before is not None and before != now:
        changed = ", ".join(f"{k} {before.get(k)} -> {v}" for k, v in now.items()
                            if before.get(k) != v)
        raise ResumeRefused(f"cannot resume the run in {out}: it was scored with another "
                            f"configuration ({changed}); run without --resume to start afresh")


def _settings(opts: Options, fmt: str, safe: bool = False) -> dict[str, object]:
    """What changes the rows, besides the inputs (not the batch size, jobs or engine)."""
    settings: dict[str, object] = {
        **opts.config.describe(), "tone": opts.tone, "split_parts": opts.split_parts,
        "max_bytes": opts.max_bytes, "stance": opts.stance, "format": fmt}
    if safe:  # only when on, so that earlier manifests still match
        settings["spreadsheet_safe"] = True
    if opts.title != "none":  # likewise
        settings["title"] = opts.title
    if opts.outlet:
        settings["outlet"] = opts.outlet
    if opts.model is not None:  # likewise
        settings["model"] = opts.model.describe()
    return settings


def _manifest(files: Sequence[Path], opts: Options, fmt: str, safe: bool) -> dict:
    """The run's identity: every input's SHA-256 and the settings that change the rows."""
    hashes = file_hashes(files)
    settings = _settings(opts, fmt, safe)
    return {"identity": run_identity(hashes, settings), "files": hashes, "settings": settings,
            "config": opts.config.describe(), "finished": False}


def run(inputs: Sequence[str | Path], out: str | Path, *, mode: Mode = "full", tone: bool = True,
        split_parts: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, fmt: Format = "csv",
        jobs: int = 1, engine: Engine = "local", scheduler: str | None = None,
        resume: bool = False, batch_size: int = 32, progress: bool | None = None,
        partition_size: int = 64, stance: bool = False, lexicon: TableSource = None,
        actors: TableSource = None, overwrite: bool = False,
        spreadsheet_safe: bool = False, title: TitleRule = "none",
        outlet: str | None = None, model: ModelSource = None) -> dict[str, int]:
    """Score ``inputs`` into ``out`` batch by batch; return counts by status.

    Output is identical whatever ``jobs`` and ``engine`` (rows in input order).
    ``lexicon`` and ``actors`` (a file or a DataFrame) replace the packaged
    tables in every engine. With ``resume=True`` an interrupted run in ``out``
    continues where its last checkpoint stopped (a finished one: nothing is
    done and ``{}`` returned); with changed input bytes, options, mode,
    lexicon or actor table it raises :class:`ResumeRefused`. ``out`` may not
    be or lie inside an input folder (:class:`analysis.outputs.UsageError`);
    if it holds another run's tables, ``overwrite=True`` is needed
    (:class:`analysis.outputs.RunError`). A write that fails (a full disk)
    leaves the tables at the last checkpoint and raises :class:`RunError`
    naming the file; ``resume=True`` then completes them.
    ``spreadsheet_safe`` (CSV only): :func:`analysis.tables.spreadsheet_safe`; ``title``,
    ``outlet``: :func:`analysis.read.read_corpus`; ``model``: :func:`_model`. No document:
    :func:`_headers_only`.
    """
    if spreadsheet_safe and fmt != "csv":
        raise ValueError("spreadsheet_safe applies to CSV output only")
    out = Path(out)
    check_locations(inputs, out)
    config = ScorerConfig(mode, lexicon=lexicon, actors=actors)  # a bad table fails before any work
    files = list_inputs(inputs)
    opts = Options(config, tone, split_parts, max_bytes, batch_size, stance, title, outlet,
                   _model(model, config))
    manifest, done = _open(out, files, opts, fmt, spreadsheet_safe, resume, overwrite)
    if done is None:
        return {}
    writer = TableWriter(out, fmt=fmt, append=True, stance=stance,
                         spreadsheet_safe=spreadsheet_safe, model=opts.model is not None)
    ckpt = {"identity": manifest["identity"], "documents": done, "sizes": writer.sizes(),
            "config": manifest["config"]}
    bar = _progress(len(files) if _only_files(files) else None, progress, initial=done)
    batches = _batches(engine, files, opts, jobs, done, scheduler, partition_size)
    try:
        _save(out / MANIFEST, manifest)
        if fmt == "csv":
            _save(out / CHECKPOINT, ckpt)
        counts = _write_batches(batches, writer, ckpt, out / CHECKPOINT if fmt == "csv" else None,
                                bar)
        if not counts:
            _headers_only(writer, inputs, out, warn=not done)
        writer.close()
        _save(out / MANIFEST, {**manifest, "finished": True, "counts": counts})
    except OSError as exc:
        raise _write_failed(exc, out, ckpt if fmt == "csv" else None, writer) from None
    finally:
        getattr(batches, "close", lambda: None)()  # stop the workers now on Ctrl-C or an error
        writer.close()
        getattr(bar, "close", lambda: None)()
    (out / CHECKPOINT).unlink(missing_ok=True)
    return counts


def _open(out: Path, files: list[Path], opts: Options, fmt: str, safe: bool, resume: bool,
          overwrite: bool) -> tuple[dict, int | None]:
    """The run's manifest, and the documents already written (None: a finished run resumed)."""
    manifest = _manifest(files, opts, fmt, safe)
    done = _start(out, manifest, opts.config, fmt, resume=resume, overwrite=overwrite)
    if done is None:
        print(f"resume: nothing left to do: the run in {out} is finished; tables unchanged",
              file=sys.stderr)
    return manifest, done


def _headers_only(writer: TableWriter, inputs: Sequence[str | Path], out: Path,
                  warn: bool) -> None:
    """Inputs holding no document (an empty folder): the tables with their headers only,
    and a warning (the run itself is fine: exit status 0)."""
    writer.write([])
    if warn:
        warnings.warn(f"no input documents in {', '.join(map(str, inputs))}: the tables in "
                      f"{out} hold only their headers", InputWarning, stacklevel=3)


def _model(model: ModelSource, config: ScorerConfig) -> FrameModel | None:
    """The model to apply in every engine (a :class:`analysis.model.FrameModel`, a model file or
    ``"bundled"``), read and checked before any work: a file that is no model, or a model of
    another lexicon version, is a :class:`UsageError` naming the file."""
    if model is None or isinstance(model, FrameModel):
        return model
    try:
        return load_model(model, config.lexicon_version)
    except ModelError as exc:
        raise UsageError(str(exc)) from None


def _write_batches(batches: Iterable[list[ScoredArticle]], writer: TableWriter, ckpt: dict,
                   ckpt_path: Path | None, bar) -> dict[str, int]:  # noqa: ANN001
    """Write each batch, then (CSV) the checkpoint, last; return counts by status.

    The batches are scored as they are drawn, under :func:`lean_collector`."""
    with lean_collector():
        return _write_each(batches, writer, ckpt, ckpt_path, bar)


def _write_each(batches: Iterable[list[ScoredArticle]], writer: TableWriter, ckpt: dict,
                ckpt_path: Path | None, bar) -> dict[str, int]:  # noqa: ANN001
    counts: dict[str, int] = {}
    for batch in batches:
        writer.write(batch)
        for b in batch:
            status = str(b.article["status"])
            counts[status] = counts.get(status, 0) + 1
        if ckpt_path is not None:  # last: the rows it counts are on disk
            now = {"documents": ckpt["documents"] + len(batch), "sizes": writer.sizes()}
            _save(ckpt_path, {**ckpt, **now})
            ckpt.update(now)
        if bar is not None:
            bar.update(len(batch))
    return counts


def _save(path: Path, data: dict) -> None:
    try:
        write_json(path, data)
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise


def _write_failed(exc: OSError, out: Path, ckpt: dict | None, writer: TableWriter) -> RunError:
    """Cut the tables back to the last checkpoint; the one-line error to raise."""
    try:
        writer.close()
    except OSError:
        pass
    code = errno.errorcode.get(exc.errno or 0, "")
    what = f"cannot write: [Errno {exc.errno}{' ' + code if code else ''}] {exc.strerror}"
    if ckpt is None:
        return RunError(f"{exc.filename or out}: {what}; free space and run again")
    for table, size in ckpt["sizes"].items():
        path = out / f"{table}.csv"
        if path.exists():
            with path.open("r+b") as fh:
                fh.truncate(size)
    return RunError(f"{exc.filename or out}: {what}; the tables are kept at the last checkpoint "
                    f"({ckpt['documents']} documents): free space and run again with --resume")


def _start(out: Path, manifest: dict, config: ScorerConfig, fmt: str, *, resume: bool,
           overwrite: bool) -> int | None:
    """Documents already written in ``out`` (0: start afresh), or None if a resumed run is finished.

    Starting afresh removes the tables of every format; a folder holding the
    tables of another run is refused unless ``overwrite``.
    """
    if overwrite:
        remove_tables(out)
        return 0
    before = read_json(out / MANIFEST) if (out / MANIFEST).exists() else None
    if resume and (before is not None or (out / CHECKPOINT).exists()):
        return _resume_point(out, before, manifest, config, fmt)
    if table_files(out) and (before is None or before.get("identity") != manifest["identity"]):
        why = _difference(before, manifest)
        raise RunError(f"{out}: holds the tables of another run ({why}); add --overwrite to "
                       "replace them, or choose another --out")
    remove_tables(out)
    return 0


def _difference(before: dict | None, now: dict) -> str:
    if before is None:
        return f"no {MANIFEST} says which"
    changed = changed_file(before.get("files", {}), now["files"])
    if changed:
        return f"input {changed}"
    settings = before.get("settings", {})
    return "settings " + ", ".join(f"{k} {settings.get(k)} -> {v}"
                                   for k, v in now["settings"].items() if settings.get(k) != v)


def _resume_point(out: Path, before: dict | None, manifest: dict, config: ScorerConfig,
                  fmt: str) -> int | None:
    """Documents already written by the interrupted run in ``out`` (None: it is finished).

    A run continues only with the same inputs (bytes) and options; in CSV its
    files are first cut back to the sizes the checkpoint recorded (Parquet
    starts afresh). A damaged checkpoint or a missing table is a
    :class:`RunError` naming the file.
    """
    ckpt_path = out / CHECKPOINT
    ckpt = read_json(ckpt_path) if ckpt_path.exists() else None
    recorded = ckpt if ckpt is not None else before or {}
    _check_resume(recorded, config, out)
    if recorded.get("identity") != manifest["identity"]:
        raise ResumeRefused(f"cannot resume the run in {out}: {_difference(before, manifest)} "
                            "changed since it started; run with --overwrite to start afresh")
    if ckpt is None and before is not None and before.get("finished"):
        for path in [out / f"{t}.{fmt}" for t in TABLES + (STANCE_TABLES if
                                                          manifest["settings"]["stance"] else ())]:
            if not path.exists():
                raise RunError(f"{path}: missing from the finished run in {out}; "
                               "run again with --overwrite to start afresh")
        return None
    if ckpt is None or fmt != "csv":
        print(f"resume: no checkpoint in {out} (parquet output or no batch written); "
              "starting afresh", file=sys.stderr)
        remove_tables(out)
        return 0
    for table, size in ckpt.get("sizes", {}).items():
        path = out / f"{table}.{fmt}"
        if not path.exists():
            if size == 0:
                continue
            raise RunError(f"{path}: missing, but {ckpt_path} counts {ckpt.get('documents')} "
                           "documents in it; run again with --overwrite to start afresh")
        with path.open("r+b") as fh:
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
            raise UsageError("--resume continues a run with the local engine only: "
                             "run again with --engine local --resume")
        return _dask(files, opts, scheduler, partition_size)
    if engine == "local" and jobs > 1 and not done and _only_files(files):
        return _local_files(files, opts, jobs)
    if engine == "local":
        articles = read_corpus(files, max_bytes=opts.max_bytes, split=opts.split_parts,
                               warn=False, dedupe=False, title=opts.title, outlet=opts.outlet)
        return _local(InputOrder().articles(articles, skip=done), opts, jobs)
    raise ValueError(f"unknown engine {engine!r}; expected 'local' or 'dask'")


def _only_files(files: Sequence[Path]) -> bool:
    return not any(f.suffix.lower() in {".csv", ".jsonl", ".parquet"} for f in files)


def _progress(total: int | None, progress: bool | None, initial: int = 0):
    if progress is False:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, desc="scoring", unit="article", file=sys.stderr,
                disable=None if progress is None else False, smoothing=0.1)
