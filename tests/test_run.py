"""Scale: identical output for jobs 1 and 2, local and Dask, resumed runs; bounded memory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from analysis import paths, run
from analysis.corpora import write_corpus
from analysis.read import InputWarning


def _tables(folder: Path, fmt: str = "csv") -> dict[str, bytes]:
    return {t: (folder / f"{t}.{fmt}").read_bytes() for t in ("articles", "sentences", "dyads")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds plus generated documents, an exact duplicate and an empty file."""
    folder = tmp_path_factory.mktemp("corpus")
    for f in paths.SEEDS.iterdir():
        shutil.copy(f, folder / f.name)
    write_corpus(folder / "ud", 12, sentences_per_doc=6)
    shutil.copy(folder / "ud" / "doc_000003.txt", folder / "ud" / "doc_copy.txt")
    (folder / "ud" / "empty.txt").write_text("")
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ref")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        counts = run.run([corpus], out, mode="fast", batch_size=4, progress=False)
    assert counts == {"ok": 17, "duplicate": 1, "empty": 1}
    return out


def test_streamed_output_matches_in_memory_api(corpus, reference, tmp_path):
    from analysis.pipeline import score, write_tables

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        write_tables(score([corpus], mode="fast"), tmp_path)
    assert _tables(tmp_path) == _tables(reference)


def test_every_input_has_a_row_with_status(reference):
    import pandas as pd

    arts = pd.read_csv(reference / "articles.csv", dtype=str, keep_default_na=False)
    assert len(arts) == 19
    dup = arts[arts["status"] == "duplicate"].iloc[0]
    assert dup["article_id"] == "doc_copy" and "duplicate of doc_000003" in dup["problem"]
    assert not (reference / run.CHECKPOINT).exists()


def test_jobs_2_identical_to_jobs_1(corpus, reference, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        run.run([corpus], tmp_path, mode="fast", batch_size=4, jobs=2, progress=False)
    assert _tables(tmp_path) == _tables(reference)


def test_dask_identical_to_local(corpus, reference, tmp_path):
    pytest.importorskip("dask.distributed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run.run([corpus], tmp_path, mode="fast", batch_size=4, engine="dask", partition_size=5,
                progress=False)
    assert _tables(tmp_path) == _tables(reference)


class _Interrupt(Exception):
    pass


def _interrupted_run(monkeypatch, corpus: Path, out: Path, at: int, **options) -> None:
    """Run ``run.run`` on ``corpus`` until its ``at``-th batch write, which is interrupted."""
    real_write = run.TableWriter.write
    calls = {"n": 0}

    def failing_write(self, batch):
        calls["n"] += 1
        if calls["n"] == at:
            raise _Interrupt
        real_write(self, batch)

    monkeypatch.setattr(run.TableWriter, "write", failing_write)
    with pytest.raises(_Interrupt), warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        run.run([corpus], out, batch_size=4, progress=False, **options)
    monkeypatch.setattr(run.TableWriter, "write", real_write)


def test_resume_equals_uninterrupted(corpus, reference, tmp_path, monkeypatch):
    real_write = run.TableWriter.write
    calls = {"n": 0}

    def failing_write(self, batch):
        calls["n"] += 1
        if calls["n"] == 3:
            # killed in the middle of a batch: half a line lands in the file
            with self.paths["sentences"].open("a") as fh:
                fh.write("doc_000001,99,partial li")
            raise _Interrupt
        real_write(self, batch)

    monkeypatch.setattr(run.TableWriter, "write", failing_write)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        with pytest.raises(_Interrupt):
            run.run([corpus], tmp_path, mode="fast", batch_size=4, progress=False)
        ckpt = json.loads((tmp_path / run.CHECKPOINT).read_text())
        assert ckpt["documents"] == 8
        monkeypatch.setattr(run.TableWriter, "write", real_write)
        seen = []
        real_score = run._score_batch

        def spy(batch, opts):
            seen.extend(a.article_id for a in batch)
            return real_score(batch, opts)

        monkeypatch.setattr(run, "_score_batch", spy)
        run.run([corpus], tmp_path, mode="fast", batch_size=4, resume=True, progress=False)
    assert len(seen) == 11 and len(set(seen)) == 11  # only the 11 documents not yet written
    assert _tables(tmp_path) == _tables(reference)


def test_parquet_output_same_rows(corpus, reference, tmp_path):
    import pandas as pd

    from analysis.pipeline import read_tables

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        run.run([corpus], tmp_path, mode="fast", batch_size=4, fmt="parquet", progress=False)
    a, b = read_tables(tmp_path), read_tables(reference)
    for x, y in zip(a, b, strict=True):
        # the CSV rounds floats to 4 decimals; Parquet keeps them whole
        pd.testing.assert_frame_equal(x, y, check_exact=False, atol=1e-4)


_MEM_SCRIPT = """
import resource, sys, warnings
from analysis.run import run
warnings.simplefilter("ignore")
run([sys.argv[1]], sys.argv[2], mode="fast", tone=False, batch_size=32, progress=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def _peak_mb(corpus: Path, out: Path) -> int:
    res = subprocess.run([sys.executable, "-c", _MEM_SCRIPT, str(corpus), str(out)],
                         capture_output=True, text=True, check=True)
    return int(res.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_peak_memory_does_not_grow_with_corpus_size(tmp_path):
    small = write_corpus(tmp_path / "small", 200)
    large = write_corpus(tmp_path / "large", 2000)
    small_mb = _peak_mb(small, tmp_path / "o1")
    large_mb = _peak_mb(large, tmp_path / "o2")
    # ten times the articles (about 1.2 M words more) may not cost more than a few MB
    assert large_mb - small_mb < 40, (small_mb, large_mb)


def test_csv_fast_path_writes_what_pandas_writes(tmp_path):
    """run.TableWriter formats cells itself; the bytes must equal typed_frame(...).to_csv."""
    import csv
    import io
    import math

    from analysis.pipeline import COLUMNS, csv_rows, typed_frame

    rows = [
        {"article_id": "a,1", "sentence_id": 2.5, "paragraph_id": "3", "start": None, "end": 7,
         "text": 'il dit "non"\net part', "kind": "", "coop": True, "conf": "False",
         "coop_score": 1 / 3, "conf_score": math.nan, "goldstein": "-4.25", "frame": None,
         "actors": 3.0, "tone_vader": float("inf")},
        {"article_id": "b", "sentence_id": 3.5, "coop": 1.0, "conf": None, "coop_score": "x",
         "text": "", "modality": "asserted", "evidence": "accord[AGREE,+4.2]"},
        {},
    ]
    want = io.StringIO()
    typed_frame(rows, "sentences").to_csv(want, index=False, float_format="%.4f",
                                          lineterminator="\n")
    got = io.StringIO()
    w = csv.writer(got, lineterminator="\n")
    w.writerow(COLUMNS["sentences"])
    w.writerows(csv_rows(rows, "sentences"))
    assert got.getvalue() == want.getvalue()


# ---------------------------------------------------------------- custom lexicon and actors

#: One change each that alters seed labels: without "fructueux" (SUPPORT) the sentence
#: "... une rencontre fructueuse" is neutral; with Poutine coded USA his talks with
#: Obama are intra-USA and dropped.
_CUSTOM = {
    "lexicon": ("lexicon.tsv", "fructueux\tADJ\tSUPPORT", None,
                ("000_6dfd0f7db67c22f2", 10, "cooperation", "neutral")),
    "actors": ("actors.tsv", "poutine\tRUS\tleader", "poutine\tUSA\tleader",
               ("002_2f1464cb4d1d22d2", 10, "cooperation", "neutral")),
}


@pytest.fixture(scope="module")
def custom_tables(tmp_path_factory) -> dict[str, Path]:
    """The packaged lexicon and actor files, each with the one change of ``_CUSTOM``."""
    import importlib.resources

    folder = tmp_path_factory.mktemp("tables")
    files = {}
    for kind, (name, old, new, _) in _CUSTOM.items():
        lines = (importlib.resources.files("analysis") / "data" / name).read_text(
            encoding="utf-8").splitlines(keepends=True)
        hits = [i for i, line in enumerate(lines) if line.startswith(old + "\t")]
        assert len(hits) == 1, old
        lines[hits[0]] = "" if new is None else lines[hits[0]].replace(old, new, 1)
        files[kind] = folder / f"my_{name}"
        files[kind].write_text("".join(lines), encoding="utf-8")
    return files


def _cli(*args: str) -> int:
    from analysis import cli

    with warnings.catch_warnings():  # cli.main sets warning filters and the printer
        return cli.main(list(args))


@pytest.mark.parametrize("kind", ["lexicon", "actors"])
def test_custom_table_reaches_every_engine(kind, corpus, reference, custom_tables, dask_scheduler,
                                           tmp_path):
    import pandas as pd

    from analysis import lexicon as lx

    engines = {"jobs1": (), "jobs2": ("--jobs", "2"),
               "dask": ("--engine", "dask", "--scheduler", dask_scheduler)}
    runs = {}
    for name, extra in engines.items():
        status = _cli("score", str(corpus), "--out", str(tmp_path / name), "--mode", "fast",
                      "--batch-size", "4", "--no-tone", "--quiet", f"--{kind}", str(custom_tables[kind]),
                      *extra)
        assert status == 0
        runs[name] = _tables(tmp_path / name)
    assert runs["jobs1"] == runs["jobs2"] == runs["dask"]

    def frames(folder: Path) -> pd.Series:
        s = pd.read_csv(folder / "sentences.csv", dtype=str, keep_default_na=False)
        return s.set_index(["article_id", "sentence_id"])["frame"]

    article, sentence, before, after = _CUSTOM[kind][3]
    default, custom = frames(reference), frames(tmp_path / "jobs1")
    assert (default[(article, str(sentence))], custom[(article, str(sentence))]) == (before, after)
    arts = pd.read_csv(tmp_path / "jobs1" / "articles.csv", dtype=str, keep_default_na=False)
    sha = lx.table_digest(lx.read_table(custom_tables[kind], kind), kind)[:12]
    want = f"custom:{sha}" if kind == "lexicon" else f"{lx.LEXICON_VERSION};actors=custom:{sha}"
    assert set(arts["lexicon_version"]) == {want}


def test_api_takes_a_table_as_path_or_dataframe(custom_tables):
    """analysis.score: the same table from a file or a DataFrame gives the same rows and version."""
    from analysis import lexicon as lx
    from analysis.pipeline import score

    seed = sorted(paths.SEEDS.glob("000_*.txt"))
    table = lx.read_table(custom_tables["lexicon"], "lexicon")
    by_path = score(seed, mode="lexical", tone=False, lexicon=custom_tables["lexicon"])
    by_frame = score(seed, mode="lexical", tone=False, lexicon=table.drop(columns="line"))
    default = score(seed, mode="lexical", tone=False)
    for a, b in zip(by_path, by_frame, strict=True):
        assert a.equals(b)
    assert not by_path.sentences.equals(default.sentences)


def test_resume_with_the_dask_engine_is_a_one_line_usage_error(corpus, tmp_path, monkeypatch,
                                                               capsys):
    """An interrupted run resumed with --engine dask: one line, exit 2, tables untouched."""
    _interrupted_run(monkeypatch, corpus, tmp_path / "out", 2, mode="lexical")
    written = _tables(tmp_path / "out")
    capsys.readouterr()
    status = _cli("score", str(corpus), "--out", str(tmp_path / "out"), "--batch-size", "4",
                  "--quiet", "--mode", "lexical", "--resume", "--engine", "dask")
    err = capsys.readouterr().err
    assert status == 2, err
    assert err.strip().splitlines() == [
        "error: --resume continues a run with the local engine only: "
        "run again with --engine local --resume"], err
    assert _tables(tmp_path / "out") == written


def test_resume_with_another_configuration_is_refused(corpus, custom_tables, tmp_path,
                                                      monkeypatch, capsys):
    lexicon = str(custom_tables["lexicon"])

    def score(out: str, *options: str) -> int:
        return _cli("score", str(corpus), "--out", str(tmp_path / out), "--batch-size", "4",
                    "--quiet", *options)

    _interrupted_run(monkeypatch, corpus, tmp_path / "out", 3, mode="fast", lexicon=lexicon)
    written = _tables(tmp_path / "out")
    capsys.readouterr()
    for other in (("--mode", "fast"), ("--mode", "lexical", "--lexicon", lexicon),
                  ("--mode", "fast", "--lexicon", lexicon, "--actors", str(custom_tables["actors"]))):
        assert score("out", "--resume", *other) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: cannot resume") and "another configuration" in err, err
        assert _tables(tmp_path / "out") == written  # nothing truncated or appended
    assert score("out", "--resume", "--mode", "fast", "--lexicon", lexicon) == 0
    assert "afresh" not in capsys.readouterr().err  # it resumed
    assert score("whole", "--mode", "fast", "--lexicon", lexicon) == 0
    assert _tables(tmp_path / "out") == _tables(tmp_path / "whole")


def _dated_corpus(folder: Path) -> Path:
    """Two copies of one article, dated 2017 and 2022 by the metadata sidecar, and one undated."""
    text = ("La Russie et les États-Unis discutent.\n\n"
            "« Nous allons coopérer avec la Russie », a déclaré le président américain.\n")
    folder.mkdir()
    for name in ("a2017", "a2022", "undated"):
        (folder / f"{name}.txt").write_text(text.replace("Russie et", f"Russie ({name}) et"))
    (folder / "metadata.csv").write_text(
        "article_id,published\na2017,2017-03-01\na2022,2022-03-01T10:00:00\nundated,\n")
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_article_date_gives_the_office_holder_as_speaker(tmp_path, jobs):
    """The reader's ``published`` date reaches the scorer in every engine (issue 14):
    "le président américain" speaks as the president of that day."""
    corpus = _dated_corpus(tmp_path / "dated")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        run.run([corpus], tmp_path / "out", mode="lexical", tone=False, jobs=jobs,
                batch_size=1, progress=False)
    import pandas as pd

    sents = pd.read_csv(tmp_path / "out" / "sentences.csv", keep_default_na=False)
    speaker = {aid: set(g["speaker"]) - {""} for aid, g in sents.groupby("article_id")}
    assert speaker == {"a2017": {"Donald Trump"}, "a2022": {"Joe Biden"},
                       "undated": {"président américain"}}


def test_article_date_in_the_python_api(tmp_path):
    from analysis.pipeline import score

    corpus = _dated_corpus(tmp_path / "dated")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        scored = score([corpus], mode="fast", tone=False)
    s = scored.sentences
    assert set(s[s.article_id == "a2022"].speaker.dropna()) - {""} == {"Joe Biden"}
