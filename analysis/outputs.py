"""Safety of ``framing score``'s output folder: where it may be, what it may replace, ids.

* :func:`check_locations`: the output folder may not be, or lie inside, an
  input folder, and no input may lie inside the output folder (a usage error).
* :func:`list_inputs`: the input files, without those inside a folder that an
  earlier ``framing score`` wrote (recognised by its tables and its manifest
  or checkpoint), each skipped folder named in a warning.
* :func:`run_identity` and :data:`MANIFEST`: what a run read (the SHA-256 of
  every input file's bytes) and how it scored, recorded beside the tables so
  that a later run knows whether the folder holds the same run.
* :class:`InputOrder`: the main process's pass over the documents in input
  order, the same in every engine: unique ``article_id`` (a repeated id gets
  ``~2``, ``~3``, ... in input order, with a warning naming both files), exact
  duplicates, warnings.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .read import Article, InputWarning, body_digest, iter_input_files, warn_document
from .tables import STANCE_TABLES, TABLES, ScoredArticle

CHECKPOINT = "_checkpoint.json"
#: Written beside the tables when a run starts and when it ends; marks the folder as an output.
MANIFEST = "_framing_run.json"
FORMATS = ("csv", "parquet")


class UsageError(ValueError):
    """A command line that cannot be run as given (exit status 2)."""


class RunError(RuntimeError):
    """A run that failed or cannot continue (exit status 1)."""


# ---------------------------------------------------------------- where

def check_locations(inputs: Iterable[str | Path], out: str | Path) -> None:
    """Refuse an output folder equal to or inside an input folder, or an input inside it."""
    target = Path(out).resolve()
    for item in inputs:
        path = Path(item).resolve()
        if path.is_dir() and (target == path or path in target.parents):
            where = "is" if target == path else "is inside"
            raise UsageError(f"output folder {out} {where} the input folder {item}; "
                             "choose an --out outside the inputs")
        if target == path or target in path.parents:
            raise UsageError(f"input {item} is inside the output folder {out}; "
                             "choose an --out outside the inputs")


def table_files(folder: Path) -> list[Path]:
    """The output tables present in ``folder``, in every format."""
    return [folder / f"{t}.{fmt}" for t in TABLES + STANCE_TABLES for fmt in FORMATS
            if (folder / f"{t}.{fmt}").is_file()]


def is_output_folder(folder: Path) -> bool:
    """True for a folder of tables written by ``framing score``."""
    names = {p.stem for p in table_files(folder)}
    if "articles" not in names:
        return False
    marked = (folder / MANIFEST).is_file() or (folder / CHECKPOINT).is_file()
    return marked or set(TABLES) <= names


def list_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """The input files (as :func:`analysis.read.iter_input_files`), earlier outputs skipped.

    A folder met while walking an input folder that holds the tables of an
    earlier ``framing score`` is skipped with a warning naming it: its
    ``sentences.csv`` is not a corpus of articles.
    """
    files: list[Path] = []
    verdict: dict[Path, bool] = {}
    for item in inputs:
        root = Path(item)
        for f in iter_input_files([item]):
            if root.is_dir() and _inside_output(f.parent, root, verdict):
                continue
            files.append(f)
    return files


def _inside_output(folder: Path, root: Path, verdict: dict[Path, bool]) -> bool:
    chain = [folder, *[p for p in folder.parents if root in p.parents or p == root]]
    for d in chain:
        if d not in verdict:
            verdict[d] = is_output_folder(d)
            if verdict[d]:
                warnings.warn(f"{d}: skipped: a folder of tables written by 'framing score', "
                              "not articles", InputWarning, stacklevel=3)
        if verdict[d]:
            return True
    return False


# ---------------------------------------------------------------- what

def file_hashes(files: Sequence[Path]) -> dict[str, str]:
    """SHA-256 of each input file's bytes, by path.

    A special file (FIFO, socket, device) is never opened and a file that cannot be read
    (no permission, an I/O error, a dangling link) is recorded by what went wrong: the
    reader gives both a row with their status (issue 17)."""
    out = {}
    for f in files:
        out[str(f)] = _digest(f)
    return out


def _digest(f: Path) -> str:
    try:
        if not stat.S_ISREG(f.stat().st_mode):
            return "not_a_file"
        h = hashlib.sha256()
        with f.open("rb") as fh:
            for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError as exc:
        return f"unreadable: {type(exc).__name__} {exc.errno}"


def run_identity(hashes: dict[str, str], settings: dict[str, object]) -> str:
    """One digest for the inputs' contents and the settings that change the rows."""
    blob = json.dumps({"files": hashes, "settings": settings}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def read_json(path: Path) -> dict:
    """A checkpoint or manifest; a damaged one is a :class:`RunError` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RunError(f"{path}: damaged ({exc.__class__.__name__}: {exc}); "
                       "run again with --overwrite to start afresh") from None
    if not isinstance(data, dict):
        raise RunError(f"{path}: damaged (not a JSON object); "
                       "run again with --overwrite to start afresh")
    return data


def write_json(path: Path, data: dict) -> None:
    """Replace ``path`` atomically: a crash or a full disk leaves the previous version."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def changed_file(before: dict[str, str], now: dict[str, str]) -> str:
    """The first input that differs between two manifests' hashes ("" if none)."""
    for path in sorted(set(before) | set(now)):
        if before.get(path) != now.get(path):
            state = "added" if path not in before else "removed" if path not in now else "changed"
            return f"{path} ({state})"
    return ""


def remove_tables(folder: Path) -> None:
    """Remove every output table of every format, the checkpoint and the manifest."""
    for p in [*table_files(folder), folder / CHECKPOINT, folder / MANIFEST]:
        p.unlink(missing_ok=True)


# ---------------------------------------------------------------- ids and duplicates

class InputOrder:
    """Unique ids and exact duplicates, decided in input order in the main process."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}  # article_id -> the document that has it
        self.first: dict[str, str] = {}  # body digest -> article_id of its first document

    def note(self, digest: str, article_id: str, path: str,
             warn: bool = True) -> tuple[str, str | None]:
        """The document's unique id, and the id of the document it duplicates (or None)."""
        new = article_id
        if new in self.owner:
            k = 2
            while f"{article_id}~{k}" in self.owner:
                k += 1
            new = f"{article_id}~{k}"
            if warn:
                warnings.warn(f"{path}: article_id {article_id!r} is already the id of "
                              f"{self.owner[article_id]}; renamed {new!r}", InputWarning,
                              stacklevel=3)
        self.owner[new] = path
        if digest and digest in self.first:
            return new, self.first[digest]
        if digest:
            self.first[digest] = new
        return new, None

    def articles(self, articles: Iterable[Article], skip: int = 0) -> Iterator[Article]:
        """Articles with unique ids, exact duplicates marked, problems warned about.

        The first ``skip`` articles (already written by a resumed run) are
        noted but not yielded.
        """
        for i, art in enumerate(articles):
            digest = body_digest(art) if art.status == "ok" else ""
            art.article_id, first = self.note(digest, art.article_id, art.path, warn=i >= skip)
            if first is not None:
                art.status = "duplicate"
                art.add_problem(f"exact duplicate of {first}")
            if i < skip:
                continue
            if art.status != "ok" or art.problem:
                warn_document(art.path, art.status, art.problem, stacklevel=2)
            yield art


def set_article_id(scored: ScoredArticle, article_id: str) -> None:
    """Give every row of a scored article the id ``article_id``."""
    scored.article["article_id"] = article_id
    for rows in (scored.sentences, scored.dyads, scored.actors, scored.stance):
        for row in rows:
            row["article_id"] = article_id
