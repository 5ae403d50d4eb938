"""Hostile input (issue 17, the reading cases): every input keeps a row and a warning.

Each test reproduces one case of the issue; before the fix it raised a
traceback, hung, lost rows silently or wrote ``nan``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli, paths
from analysis import reliability as rl
from analysis.read import InputWarning, read_corpus
from analysis.read import files as read_files

SEED = "004_c8547742e4edcbef"
ROOT = Path(__file__).resolve().parent.parent


def _read(inputs) -> tuple[dict[str, object], list[str]]:
    """Articles by file name (``name#row`` for tables) and the warning messages."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        arts = {Path(a.path).name: a for a in read_corpus(inputs)}
    return arts, [str(w.message) for w in caught if issubclass(w.category, InputWarning)]


@pytest.fixture()
def no_hang():
    """Fail instead of hanging (a FIFO opened for reading blocks forever)."""
    def timeout(signum, frame):  # noqa: ANN001, ARG001
        raise TimeoutError("reading blocked")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


# ---------------------------------------------------------------- case 1: unreadable files

def test_file_without_read_permission_is_an_unreadable_row(tmp_path, monkeypatch):
    """chmod 0 makes the file unreadable; the tests often run as root, where chmod
    does not stop reading, so then the reader's ``open`` is monkeypatched to raise
    the ``PermissionError`` an ordinary user gets."""
    (tmp_path / "good.txt").write_bytes((paths.SEEDS / f"{SEED}.txt").read_bytes())
    locked = tmp_path / "locked.txt"
    locked.write_text("La Russie et les États-Unis coopèrent.", encoding="utf-8")
    os.chmod(locked, 0)
    if os.access(locked, os.R_OK):  # root: chmod does not stop reading
        real_open = open

        def denying_open(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            if Path(file).name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(read_files, "open", denying_open, raising=False)
    try:
        arts, messages = _read([tmp_path])
    finally:
        os.chmod(locked, 0o644)
    assert arts["good.txt"].status == "ok"
    assert arts["locked.txt"].status == "unreadable"
    assert "PermissionError" in arts["locked.txt"].problem
    assert any("locked.txt" in m and "Permission denied" in m for m in messages)


def test_io_error_file_is_an_unreadable_row_with_two_jobs(tmp_path, capsys):
    """A ``.txt`` symbolic link to ``/proc/self/mem`` (reading it fails with EIO)."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes((paths.SEEDS / f"{SEED}.txt").read_bytes())
    (corpus / "mem.txt").symlink_to("/proc/self/mem")
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert cli.main(["score", str(corpus), "--out", str(out), "--mode", "lexical",
                         "--no-tone", "--quiet", "--jobs", jobs]) == 0
        arts = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
        assert dict(zip(arts["article_id"], arts["status"], strict=True)) == {
            "good": "ok", "mem": "unreadable"}
        assert "Input/output error" in arts.set_index("article_id").loc["mem", "problem"]
    assert "mem.txt: unreadable" in capsys.readouterr().err


# ---------------------------------------------------------------- case 2: over-long paragraphs

def test_paragraph_over_spacy_limit_is_split_with_offsets_kept(tmp_path):
    import analysis

    line = "".join(f"La Russie et les États-Unis coopèrent en Syrie, a dit M. Lavrov ({i}). "
                   for i in range(16_000))
    path = tmp_path / "long.txt"
    path.write_text(line + "\n", encoding="utf-8")
    assert len(line) > 1_000_000
    scored = analysis.score([path], mode="fast", tone=False, max_bytes=2_000_000)
    art = scored.articles.iloc[0]
    assert art["status"] == "ok" and "split into 12 paragraphs" in art["problem"]
    sents = scored.sentences
    assert len(sents) == 16_000 and sents["paragraph_id"].nunique() == 12
    stored = path.read_text(encoding="utf-8")
    for row in sents.iloc[[0, 1519, 1520, 15_999]].itertuples():
        assert stored[row.start:row.end] == row.text


def test_long_runs_of_dots_split_in_linear_time():
    """The lexical mode's sentence splitter backtracked exponentially on a run of dots."""
    code = ("from analysis.scoring.lexical import split_sentences\n"
            "assert split_sentences('a' + '.' * 60 + 'b') == [(0, 62)]\n"
            "assert split_sentences('a' + '.' * 1_000_000 + 'b') == [(0, 1_000_002)]\n"
            "assert len(split_sentences('Non. ' + '.' * 1_000_000 + ' Oui.')) == 2\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})


# ---------------------------------------------------------------- case 3: FIFOs, links, folders

def test_fifo_given_as_input_is_never_opened(tmp_path, no_hang):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    arts, messages = _read([fifo])
    assert arts["pipe.txt"].status == "not_a_file"
    assert any("pipe.txt" in m and "FIFO" in m for m in messages)


def test_odd_entries_in_a_folder_each_get_a_row(tmp_path, monkeypatch, no_hang):
    (tmp_path / "good.txt").write_bytes((paths.SEEDS / f"{SEED}.txt").read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "dangling.txt").symlink_to("nowhere.txt")
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to("..")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Texte.", encoding="utf-8")
    real_list = read_files._list_folder

    def list_folder(folder: Path):  # noqa: ANN202 - as root chmod 0 does not stop listing
        if Path(folder).name == "locked":
            raise PermissionError(13, "Permission denied", str(folder))
        return real_list(folder)

    monkeypatch.setattr(read_files, "_list_folder", list_folder)
    arts, messages = _read([tmp_path])
    assert {n: a.status for n, a in arts.items()} == {
        "good.txt": "ok", "pipe.txt": "not_a_file", "loop.txt": "unreadable",
        "dangling.txt": "unreadable", "paper.pdf": "unsupported", "up": "not_a_file",
        "locked": "unreadable"}
    assert "loop" in arts["loop.txt"].problem and "dangling" in arts["dangling.txt"].problem
    assert "cannot be listed" in arts["locked"].problem
    for name in ("pipe.txt", "loop.txt", "dangling.txt", "paper.pdf", "up", "locked"):
        assert any(f"{name}: " in m for m in messages), name


# ---------------------------------------------------------------- case 4: metadata.csv

def test_latin1_sidecar_is_decoded(tmp_path):
    (tmp_path / "a.txt").write_bytes((paths.SEEDS / f"{SEED}.txt").read_bytes())
    (tmp_path / "metadata.csv").write_bytes(
        "article_id,outlet,published\na,Le Monde diplomatique éditions,2017-01-31\n"
        .encode("latin-1"))
    arts, _ = _read([tmp_path])
    assert arts["a.txt"].meta["outlet"] == "Le Monde diplomatique éditions"


def test_malformed_sidecar_rows_are_named(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(
            f"Moscou et Washington ont convenu de coopérer, selon le document {name}.",
            encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        'article_id,outlet,published\n'
        'a,Outlet A,2017-01-01,extra\n'       # line 2: four fields
        'b,"Outlet B,2017-01-02\n'            # line 3: unterminated quote ...
        'c,Outlet C,2017-01-03\n',            # ... swallows line 4
        encoding="utf-8")
    arts, messages = _read([tmp_path])
    assert {n: a.status for n, a in arts.items()} == {"a.txt": "ok", "b.txt": "ok",
                                                      "c.txt": "ok"}
    assert not any(a.meta.get("outlet", "").startswith("Outlet") for a in arts.values())
    side = str(tmp_path / "metadata.csv")
    assert any(m.startswith(f"{side}:2: 4 fields, expected 3") for m in messages)
    assert any(m.startswith(f"{side}:3: a quoted field runs over lines 3-4") for m in messages)


# ---------------------------------------------------------------- case 12: nulls in tables

def test_null_title_and_id_in_jsonl_stay_missing(tmp_path):
    text = "La Russie et les États-Unis ont convenu de coopérer en Syrie, a dit Lavrov."
    (tmp_path / "t.jsonl").write_text(
        f'{{"id": null, "title": null, "text": "{text}"}}\n'
        f'{{"id": "b", "title": "Un titre", "text": "{text} Encore."}}\n', encoding="utf-8")
    arts, messages = _read([tmp_path / "t.jsonl"])
    first, second = arts["t.jsonl#0"], arts["t.jsonl#1"]
    assert first.article_id == "t:0" and second.article_id == "b"
    assert "title" not in first.meta and second.meta["title"] == "Un titre"
    assert "nan" not in first.article_id.lower() and "None" not in first.article_id
    assert any("t.jsonl#0" in m and "no id" in m and "t:0" in m for m in messages)


# ---------------------------------------------------------------- case 15: annotation files

_HEADER = "item_id,article_id,sentence_id,text,coop,conf,note\n"


@pytest.mark.parametrize("content, message", [
    (b"", r"bad\.csv: empty file"),
    (bytes(range(256)) * 8, r"bad\.csv: (not UTF-8|cannot be read|missing column)"),
    ((_HEADER + "s1,a,abc,Texte.,0,1,\n").encode(), r"bad\.csv:2: sentence_id must be a whole"),
    ((_HEADER + "s1,a,3,Texte.,0,1,\ns2,a,3,Texte.,1,1,\n").encode(),
     r"bad\.csv: lines 2, 3: one sentence under several item_ids \(a sentence 3: s1, s2\)"),
])
def test_bad_annotation_files_give_one_line_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message) as info:
        rl.read_annotations(path)
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------- a scorer bug

def test_a_scorer_error_costs_one_document_named_with_its_error(tmp_path, monkeypatch):
    """A document the scorer raises on keeps its row (status ``scoring_error``, the error as
    its problem, no sentences) with a warning naming the file; the others are scored (the
    eighteenth written probe found such a bug; a bug must not stop a corpus run)."""
    from analysis import pipeline
    from analysis.scoring import FrameScorer

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("La Russie accuse les États-Unis.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Washington dénonce une provocation de Moscou.\n",
                                    encoding="utf-8")
    real = FrameScorer.score_paragraphs

    def score_paragraphs(self, docs, date=None):  # noqa: ANN001, ANN202
        if any("Washington" in (d if isinstance(d, str) else d.text) for d in docs):
            raise IndexError("list index out of range")
        return real(self, docs, date=date)

    monkeypatch.setattr(FrameScorer, "score_paragraphs", score_paragraphs)
    for mode in ("full", "lexical"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            scored = list(pipeline.iter_scored(read_corpus([tmp_path]), mode=mode, tone=False))
        rows = {Path(s.article["path"]).name: s for s in scored}
        assert rows["a.txt"].article["status"] == "ok" and rows["a.txt"].sentences, mode
        bad = rows["b.txt"]
        assert bad.article["status"] == "scoring_error" and not bad.sentences, mode
        assert "IndexError: list index out of range" in bad.article["problem"], mode
        assert any("b.txt: scoring_error" in str(w.message) for w in caught
                   if issubclass(w.category, InputWarning)), mode
