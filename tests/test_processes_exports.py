"""Issue 17: duplicates with --split-parts, worker processes and signals, spreadsheet-safe export."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths, run
from analysis.corpora import make_documents
from analysis.read import InputWarning

TABLES = ("articles", "sentences", "dyads")


def _tables(folder: Path) -> dict[str, bytes]:
    return {t: (folder / f"{t}.csv").read_bytes() for t in TABLES}


# ------------------------------------------------------------ 9: --split-parts duplicates

@pytest.fixture(scope="module")
def split_corpus(tmp_path_factory) -> Path:
    """Files whose split parts duplicate other files, before and after them in input order.

    ``b_joined`` joins ``a_first`` and a new text at a separator; ``c_second``
    repeats the second part of ``b_joined``; ``d_copy`` repeats ``b_joined``
    whole; ``e_other`` is a plain file.
    """
    folder = tmp_path_factory.mktemp("split")
    first, second, third, other = make_documents(4, sentences_per_doc=6, seed=17)
    (folder / "a_first.txt").write_text(first, encoding="utf-8")
    joined = f"{first}\n*****\n\n{second}"
    (folder / "b_joined.txt").write_text(joined, encoding="utf-8")
    (folder / "c_second.txt").write_text(second, encoding="utf-8")
    (folder / "d_copy.txt").write_text(joined, encoding="utf-8")
    (folder / "e_other.txt").write_text(third + "\n*****\n\n" + other, encoding="utf-8")
    return folder


def test_split_part_duplicates_identical_across_engines(split_corpus, dask_scheduler, tmp_path):
    engines = {"jobs1": {"jobs": 1}, "jobs2": {"jobs": 2},
               "dask": {"engine": "dask", "scheduler": dask_scheduler, "partition_size": 1}}
    for name, kwargs in engines.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run.run([split_corpus], tmp_path / name, mode="lexical", tone=False, split_parts=True,
                    batch_size=1, progress=False, **kwargs)
    assert _tables(tmp_path / "jobs1") == _tables(tmp_path / "jobs2") == _tables(tmp_path / "dask")
    arts = pd.read_csv(tmp_path / "jobs1" / "articles.csv", dtype=str, keep_default_na=False)
    status = dict(zip(arts["article_id"], arts["status"], strict=True))
    assert status == {"a_first": "ok", "b_joined-1": "duplicate", "b_joined-2": "ok",
                      "c_second": "duplicate", "d_copy-1": "duplicate", "d_copy-2": "duplicate",
                      "e_other-1": "ok", "e_other-2": "ok"}
    problem = dict(zip(arts["article_id"], arts["problem"], strict=True))
    assert problem["b_joined-1"].endswith("exact duplicate of a_first")
    assert problem["c_second"] == "exact duplicate of b_joined-2"
    # the in-memory API marks the same documents
    from analysis.pipeline import score

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        api = score([split_corpus], mode="lexical", tone=False, split_parts=True)
    assert dict(zip(api.articles["article_id"], api.articles["status"], strict=True)) == status


# ------------------------------------------------------------ 13: workers and signals

_PROC = Path("/proc/self/stat").exists()


def _live_children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (read from /proc; zombies count as gone)."""
    found = set()
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            state, ppid = (d / "stat").read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if int(ppid) == pid and state != "Z":
            found.add(int(d.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]) != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    """Enough generated articles that a --jobs 2 run lasts well beyond its first batches."""
    folder = tmp_path_factory.mktemp("big")
    for i, text in enumerate(make_documents(300, sentences_per_doc=24, seed=3)):
        (folder / f"doc_{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _batch_written(checkpoint: Path) -> bool:
    """Has the run written a batch? (The checkpoint exists from the start, with 0 documents.)"""
    try:
        return json.loads(checkpoint.read_text(encoding="utf-8")).get("documents", 0) > 0
    except (OSError, ValueError):  # not there yet, or being replaced
        return False


def _default_sigint() -> None:
    """A run started from a terminal takes Ctrl-C; a test process started in the background
    of a shell inherits SIGINT as ignored, which the run would inherit too."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_run(corpus: Path, out: Path, *engine: str) -> tuple[subprocess.Popen, set[int]]:
    """``framing score --jobs 2`` (or ``engine``) in its own process group, once its workers score."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis.cli", "score", str(corpus), "--out", str(out),
         *(engine or ("--jobs", "2")), "--mode", "fast", "--batch-size", "8", "--quiet"],
        cwd=paths.ROOT, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(paths.ROOT)},
        preexec_fn=_default_sigint)  # as from a terminal, even under a parent that ignores Ctrl-C
    deadline = time.monotonic() + 120  # hang guard: spaCy loads in three processes
    while not _batch_written(out / run.CHECKPOINT):  # the first batch is written: workers run
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the run did not get going: {proc.stderr.read()}")
        time.sleep(0.05)
    workers = _live_children(proc.pid)
    assert len(workers) >= 2, workers
    return proc, workers


@pytest.mark.skipif(not _PROC, reason="reads /proc")
def test_workers_die_with_a_killed_parent(big_corpus, tmp_path):
    proc, workers = _start_run(big_corpus, tmp_path / "out")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    deadline = time.monotonic() + 10  # the portable watcher polls twice a second
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # never leave them behind, even when the test fails
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers still running after their parent was killed: {left}"


@pytest.mark.skipif(not _PROC, reason="reads /proc")
@pytest.mark.parametrize("engine", [(), ("--engine", "dask")], ids=["jobs2", "dask"])
def test_ctrl_c_stops_at_once_with_one_line_and_status_130(big_corpus, tmp_path, engine):
    proc, workers = _start_run(big_corpus, tmp_path / "out", *engine)
    start = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    try:
        status = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    elapsed = time.monotonic() - start
    err = proc.stderr.read()
    assert status == 130, err
    assert err.splitlines() == ["interrupted; resume with --resume"], err
    assert "Traceback" not in err
    assert elapsed < 5, f"Ctrl-C took {elapsed:.1f} s"  # hang guard, not a speed target
    deadline = time.monotonic() + 5  # a helper (Dask's resource tracker) ends when it sees its parent go
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = {w: Path(f"/proc/{w}/cmdline").read_bytes()[:200] for w in workers if _alive(w)}
    assert not left, left
    # the checkpoint is kept: the run resumes and ends as one uninterrupted would
    assert (tmp_path / "out" / run.CHECKPOINT).exists()


# ------------------------------------------------------------ 14: spreadsheet-safe CSV

DDE = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def formula_corpus(tmp_path_factory) -> Path:
    """A seed article and one with paragraphs that a spreadsheet would run as formulas."""
    folder = tmp_path_factory.mktemp("formulas")
    seed = next(paths.SEEDS.glob("004_*.txt"))
    (folder / "a_seed.txt").write_bytes(seed.read_bytes())
    body = make_documents(1, sentences_per_doc=6, seed=5)[0]
    (folder / "b_formulas.txt").write_text(
        f"{body}\n{DDE}\n\n- Oui, a répondu le ministre russe.\n\n"
        "+33 est l'indicatif de la France, a rappelé @diplomatie à Moscou.\n\n"
        "=SOMME(A1:A9) selon le communiqué de Washington.\n", encoding="utf-8")
    return folder


def _cells(path: Path) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_default_csv_is_faithful_and_safe_csv_neutralises_formulas(formula_corpus, tmp_path):
    from analysis.pipeline import score, write_tables

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        run.run([formula_corpus], tmp_path / "plain", mode="lexical", tone=False, progress=False)
        run.run([formula_corpus], tmp_path / "safe", mode="lexical", tone=False, progress=False,
                spreadsheet_safe=True)
        scored = score([formula_corpus], mode="lexical", tone=False)
    # the default CSV is unchanged: what pandas writes, each text read back as it was
    write_tables(scored, tmp_path / "api")
    assert _tables(tmp_path / "plain") == _tables(tmp_path / "api")
    plain = pd.read_csv(tmp_path / "plain" / "sentences.csv", dtype=str, keep_default_na=False)
    assert DDE in set(plain["text"])
    assert plain["text"].str.startswith(("-", "+", "=")).sum() >= 3
    # the safe CSV: the same cells, an apostrophe before each that begins a formula
    for table in TABLES:
        a, b = _cells(tmp_path / "plain" / f"{table}.csv"), _cells(tmp_path / "safe" / f"{table}.csv")
        assert len(a) == len(b)
        for row_a, row_b in zip(a, b, strict=True):
            for x, y in zip(row_a, row_b, strict=True):
                assert y == x or (y == "'" + x and x[:1] in "=+-@"), (x, y)
    safe = pd.read_csv(tmp_path / "safe" / "sentences.csv", dtype=str, keep_default_na=False)
    assert "'" + DDE in set(safe["text"]) and DDE not in set(safe["text"])
    assert not safe["text"].str.match(r"[=+\-@\t\r]").any()
    assert not any(c[:1] in ("=", "+", "-", "@") for row in _cells(tmp_path / "safe" / "sentences.csv")
                   for c in row[5:11])
    # the Python API writes the same safe files
    write_tables(scored, tmp_path / "api_safe", spreadsheet_safe=True)
    assert _tables(tmp_path / "api_safe") == _tables(tmp_path / "safe")


def test_spreadsheet_safe_needs_csv(tmp_path):
    res = subprocess.run([sys.executable, "-m", "analysis.cli", "score", str(paths.SEEDS),
                          "--out", str(tmp_path / "out"), "--format", "parquet",
                          "--spreadsheet-safe"], cwd=paths.ROOT, capture_output=True, text=True)
    assert res.returncode == 2 and "--spreadsheet-safe" in res.stderr
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError):
        run.run([paths.SEEDS], tmp_path / "out", fmt="parquet", spreadsheet_safe=True)


_MIDDLE = """
import multiprocessing as mp, os, sys, time
from analysis import workers
workers._death_signal = lambda: None  # only the portable watcher (as off Linux)

def child(parent):
    workers.init(parent)
    time.sleep(120)

if __name__ == "__main__":
    p = mp.get_context("fork").Process(target=child, args=(os.getpid(),))
    p.start()
    print(p.pid, flush=True)
    time.sleep(120)
"""


@pytest.mark.skipif(not _PROC, reason="reads /proc")
def test_portable_watcher_ends_a_worker_without_prctl(tmp_path):
    script = tmp_path / "middle.py"
    script.write_text(_MIDDLE)
    middle = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(paths.ROOT)})
    child = int(middle.stdout.readline())
    time.sleep(0.5)  # let the child start its watcher
    assert _alive(child)
    middle.kill()
    middle.wait(timeout=30)
    middle.stdout.close()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(child):
        os.kill(child, signal.SIGKILL)
        pytest.fail("the worker outlived its parent")
