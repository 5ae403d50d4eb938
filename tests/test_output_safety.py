"""Issue 17, output and resume: where the tables go, what they replace, ids, resume, full disk."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths, run
from analysis.corpora import write_corpus

TABLES = ("articles", "sentences", "dyads")
FAST = ("--mode", "lexical", "--no-tone", "--quiet", "--batch-size", "2")


def _cli(*args: str) -> int:
    from analysis import cli

    with warnings.catch_warnings():  # cli.main sets warning filters and the printer
        return cli.main(list(args))


def _score(inputs, out: Path, *options: str) -> int:
    inputs = [inputs] if isinstance(inputs, (str, Path)) else inputs
    return _cli("score", *map(str, inputs), "--out", str(out), *FAST, *options)


def _tables(folder: Path, fmt: str = "csv") -> dict[str, bytes]:
    return {t: (folder / f"{t}.{fmt}").read_bytes() for t in TABLES}


def _one_error_line(err: str, *needles: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err, err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """Five seeds and six generated documents: eleven articles."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for f in sorted(paths.SEEDS.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    shutil.copy(paths.SEEDS / "metadata.csv", folder / "metadata.csv")
    write_corpus(folder / "ud", 6, sentences_per_doc=4)
    return folder


class _Interrupt(Exception):
    pass


def _interrupted(corpus: Path, out: Path, monkeypatch, after: int = 2) -> None:
    """A run killed after ``after`` batches (its checkpoint counts 2 * after documents)."""
    real = run.TableWriter.write
    calls = {"n": 0}

    def write(self, batch):
        calls["n"] += 1
        if calls["n"] > after:
            raise _Interrupt
        real(self, batch)

    with monkeypatch.context() as m:
        m.setattr(run.TableWriter, "write", write)
        with pytest.raises(_Interrupt), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run.run([corpus], out, mode="lexical", tone=False, batch_size=2, progress=False)


# ---------------------------------------------------------------- 5: --out and the inputs

def test_out_equal_to_or_inside_an_input_folder_is_a_usage_error(corpus, tmp_path, capsys):
    before = sorted(p.name for p in corpus.rglob("*"))
    assert _score(corpus, corpus) == 2
    _one_error_line(capsys.readouterr().err, str(corpus), "input folder")
    assert _score(corpus, corpus / "results") == 2
    _one_error_line(capsys.readouterr().err, "inside the input folder")
    assert sorted(p.name for p in corpus.rglob("*")) == before  # nothing written or deleted
    out = tmp_path / "out"
    out.mkdir()
    inner = out / "doc.txt"
    shutil.copy(next(corpus.glob("*.txt")), inner)
    assert _score(inner, out) == 2
    _one_error_line(capsys.readouterr().err, str(inner), "inside the output folder")


# ---------------------------------------------------------------- 6: earlier outputs as inputs

def test_earlier_output_inside_the_input_folder_is_skipped(corpus, tmp_path, capsys):
    assert _score(corpus, tmp_path / "first") == 0
    n = len(pd.read_csv(tmp_path / "first" / "articles.csv"))
    shutil.copytree(tmp_path / "first", corpus / "results")  # with its manifest
    legacy = corpus / "old"  # an output without a manifest: the three tables
    legacy.mkdir()
    for t in TABLES:
        shutil.copy(tmp_path / "first" / f"{t}.csv", legacy / f"{t}.csv")
    capsys.readouterr()
    assert _score(corpus, tmp_path / "second") == 0
    err = capsys.readouterr().err
    for folder in ("results", "old"):
        assert any(ln.startswith("warning:") and str(corpus / folder) in ln and "skipped" in ln
                   for ln in err.splitlines()), err
    arts = pd.read_csv(tmp_path / "second" / "articles.csv", dtype=str)
    assert len(arts) == n
    assert not arts["path"].str.contains("results|old").any()


# ---------------------------------------------------------------- 7: another run's tables

def test_another_runs_tables_are_not_replaced_without_overwrite(corpus, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(next(corpus.glob("*.txt")), other / "only.txt")
    out = tmp_path / "out"
    assert _score(corpus, out) == 0
    assert _score(corpus, out) == 0  # the same run again: allowed
    first = _tables(out)
    capsys.readouterr()
    assert _score(other, out) == 1
    _one_error_line(capsys.readouterr().err, str(out), "--overwrite")
    assert _tables(out) == first
    assert _score(other, out, "--overwrite") == 0
    assert len(pd.read_csv(out / "articles.csv")) == 1


def test_switching_format_leaves_no_tables_of_the_old_format(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert _score(corpus, out, "--format", "parquet") == 0
    capsys.readouterr()
    assert _score(corpus, out) == 1  # csv now: another run
    _one_error_line(capsys.readouterr().err, "--overwrite", "format parquet -> csv")
    assert _score(corpus, out, "--overwrite") == 0
    assert sorted(p.suffix for p in out.glob("*.*") if p.stem in TABLES) == [".csv"] * 3


def test_overwrite_is_in_the_help():
    from analysis.cli import build_parser

    sub = build_parser()._subparsers._group_actions[0].choices["score"]  # noqa: SLF001
    assert "--overwrite" in sub.format_help()
    assert "--overwrite" in (paths.ROOT / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- 8: one article_id twice

@pytest.fixture()
def twins(tmp_path) -> Path:
    folder = tmp_path / "twins"
    seeds = sorted(paths.SEEDS.glob("*.txt"))
    for sub, seed in (("a", seeds[0]), ("b", seeds[1])):
        (folder / sub).mkdir(parents=True)
        shutil.copy(seed, folder / sub / "same.txt")
    shutil.copy(seeds[2], folder / "twin.txt")
    text = seeds[3].read_text(encoding="utf-8")
    (folder / "twin.html").write_text(
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in text.splitlines() if p.strip())
        + "</article></body></html>", encoding="utf-8")
    pd.DataFrame({"article_id": ["row", "row"],
                  "text": [seeds[4].read_text(encoding="utf-8"),
                           "La Russie et les États-Unis ont signé un accord de coopération."]}
                 ).to_csv(folder / "table.csv", index=False)
    return folder


def test_repeated_article_ids_are_made_unique_in_input_order(twins, tmp_path, capsys):
    assert _score(twins, tmp_path / "out") == 0
    err = capsys.readouterr().err
    arts = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert list(arts["article_id"]) == ["same", "same~2", "row", "row~2", "twin", "twin~2"]
    assert arts["article_id"].is_unique
    sents = pd.read_csv(tmp_path / "out" / "sentences.csv", dtype=str)
    assert not sents.duplicated(["article_id", "sentence_id"]).any()
    by_path = dict(zip(arts["path"], arts["article_id"], strict=True))
    assert by_path[str(twins / "b" / "same.txt")] == "same~2"
    assert by_path[str(twins / "twin.txt")] == "twin~2"  # .html sorts first
    warned = [ln for ln in err.splitlines() if "renamed 'same~2'" in ln]
    assert warned and str(twins / "a" / "same.txt") in warned[0] \
        and str(twins / "b" / "same.txt") in warned[0]


def test_unique_ids_are_the_same_in_every_engine(twins, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, options in (("one", {}), ("two", {"jobs": 2}),
                              ("stance1", {"stance": True}), ("stance2", {"stance": True, "jobs": 2})):
            run.run([twins], tmp_path / name, mode="lexical", tone=False, batch_size=2,
                    progress=False, **options)
    assert pd.read_csv(tmp_path / "one" / "articles.csv")["article_id"].is_unique
    assert _tables(tmp_path / "one") == _tables(tmp_path / "two")
    stance = (*TABLES, "actors", "stance")
    assert all((tmp_path / "stance1" / f"{t}.csv").read_bytes()
               == (tmp_path / "stance2" / f"{t}.csv").read_bytes() for t in stance)
    pytest.importorskip("dask.distributed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run.run([twins], tmp_path / "dask", mode="lexical", tone=False, batch_size=2,
                engine="dask", partition_size=2, progress=False)
    assert _tables(tmp_path / "one") == _tables(tmp_path / "dask")


# ---------------------------------------------------------------- 10: resume

def test_resume_after_an_edit_keeping_size_and_time_is_refused(corpus, tmp_path, monkeypatch,
                                                               capsys):
    out = tmp_path / "out"
    _interrupted(corpus, out, monkeypatch)
    written = _tables(out)
    doc = sorted(corpus.glob("*.txt"))[0]  # already written
    st = doc.stat()
    data = doc.read_bytes()
    doc.write_bytes(data.replace(b"a", b"o", 1))
    os.utime(doc, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert doc.stat().st_size == st.st_size and doc.stat().st_mtime == st.st_mtime
    assert _score(corpus, out, "--resume") == 1
    _one_error_line(capsys.readouterr().err, str(doc), "--overwrite")
    assert _tables(out) == written


def test_resume_of_a_finished_run_has_nothing_to_do(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert _score(corpus, out) == 0
    stamps = {t: (out / f"{t}.csv").stat().st_mtime_ns for t in TABLES}
    written = _tables(out)
    capsys.readouterr()
    assert _score(corpus, out, "--resume") == 0
    assert "nothing left to do" in capsys.readouterr().err
    assert _tables(out) == written
    assert {t: (out / f"{t}.csv").stat().st_mtime_ns for t in TABLES} == stamps


def test_damaged_checkpoint_or_missing_table_is_a_one_line_error(corpus, tmp_path, monkeypatch,
                                                                 capsys):
    out = tmp_path / "out"
    _interrupted(corpus, out, monkeypatch)
    ckpt = out / run.CHECKPOINT
    good = ckpt.read_text()
    ckpt.write_text(good[: len(good) // 2])
    assert _score(corpus, out, "--resume") == 1
    _one_error_line(capsys.readouterr().err, str(ckpt), "--overwrite")
    ckpt.write_text(good)
    (out / "sentences.csv").unlink()
    assert _score(corpus, out, "--resume") == 1
    _one_error_line(capsys.readouterr().err, str(out / "sentences.csv"), "--overwrite")
    assert _score(corpus, out, "--overwrite") == 0


# ---------------------------------------------------------------- 11: a full disk

def _agree(out: Path) -> int:
    """The checkpoint's sizes are the files' sizes, and the tables agree; documents written."""
    ckpt = json.loads((out / run.CHECKPOINT).read_text())
    for table, size in ckpt["sizes"].items():
        assert (out / f"{table}.csv").stat().st_size == size, table
    arts = pd.read_csv(out / "articles.csv", dtype=str)
    sents = pd.read_csv(out / "sentences.csv", dtype=str)
    assert len(arts) == ckpt["documents"]
    assert set(sents["article_id"]) <= set(arts["article_id"])
    return int(ckpt["documents"])


@pytest.mark.parametrize("where", ["table", "checkpoint"])
def test_full_disk_leaves_consistent_tables_and_resume_repairs(where, corpus, tmp_path,
                                                               monkeypatch, capsys):
    assert _score(corpus, tmp_path / "whole") == 0
    out = tmp_path / "out"
    calls = {"n": 0}
    if where == "table":
        real = run.TableWriter._write_table  # noqa: SLF001

        def write_table(self, table, rows):
            calls["n"] += 1
            if calls["n"] == 3 * 3 + 2:  # batch 4, sentences: some rows land, then no space
                real(self, table, rows[: len(rows) // 2])
                with self.paths[table].open("a") as fh:
                    fh.write("half a li")
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real(self, table, rows)

        monkeypatch.setattr(run.TableWriter, "_write_table", write_table)
        failing = out / "sentences.csv"
    else:
        real_json = run.write_json

        def write_json(path, data):
            if path.name == run.CHECKPOINT:
                calls["n"] += 1
                if calls["n"] == 4:
                    path.with_name(path.name + ".tmp").write_text("{\"documents\": ")
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_json(path, data)

        monkeypatch.setattr(run, "write_json", write_json)
        failing = out / run.CHECKPOINT  # the 4th: after the first (0 documents) and 2 batches
    capsys.readouterr()
    assert _score(corpus, out) == 1
    _one_error_line(capsys.readouterr().err, str(failing), "Errno 28", "--resume")
    assert _agree(out) == (6 if where == "table" else 4)  # batches of two
    monkeypatch.undo()
    assert _score(corpus, out, "--resume") == 0
    assert _tables(out) == _tables(tmp_path / "whole")


def test_full_disk_on_a_real_tmpfs(corpus, tmp_path, capsys):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(disk)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (no privilege): the simulated ENOSPC test covers it")
    try:
        assert _score(corpus, disk / "out") == 1
        _one_error_line(capsys.readouterr().err, "Errno 28", "--resume")
        _agree(disk / "out")
        shutil.copytree(disk / "out", tmp_path / "bigger")
    finally:
        subprocess.run(["umount", str(disk)], check=False)
    assert _score(corpus, tmp_path / "bigger", "--resume") == 0
    assert _score(corpus, tmp_path / "whole") == 0
    assert _tables(tmp_path / "bigger") == _tables(tmp_path / "whole")
