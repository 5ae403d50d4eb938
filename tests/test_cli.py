"""The command line as a user runs it: exit codes, warnings naming files, every input kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

from analysis import paths


def _framing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis.cli", *args], capture_output=True,
                          text=True, cwd=paths.ROOT, check=False)


def test_bad_inputs_exit_0_with_a_warning_per_file(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = next(paths.SEEDS.glob("004_*.txt"))
    (corpus / "a_good.txt").write_bytes(good.read_bytes())
    (corpus / "b_copy.txt").write_bytes(good.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "english.txt").write_text(
        "The United States and Russia agreed on Monday to keep talking about the war in Syria, "
        "the foreign minister said after the meeting with his counterpart in New York.\n")
    (corpus / "boiler.txt").write_text("Partez cet article sur :\n\nfr.sputniknews.com\n")
    res = _framing("score", str(corpus), "--out", str(tmp_path / "out"), "--mode", "fast",
                   "--quiet")
    assert res.returncode == 0, res.stderr
    for name in ("b_copy.txt", "empty.txt", "binary.txt", "english.txt", "boiler.txt"):
        assert any(name in line and line.startswith("warning:") for line in res.stderr.splitlines()), \
            name
    arts = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert dict(zip(arts["article_id"], arts["status"], strict=True)) == {
        "a_good": "ok", "b_copy": "duplicate", "binary": "unreadable", "boiler": "no_body",
        "empty": "empty", "english": "not_french"}
    sents = pd.read_csv(tmp_path / "out" / "sentences.csv", dtype=str)
    assert set(sents["article_id"]) == {"a_good"}


def test_missing_path_is_an_error(tmp_path: Path):
    res = _framing("score", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    assert "does not exist" in res.stderr and "nope" in res.stderr
    assert not (tmp_path / "out").exists()


def test_stance_tables(tmp_path: Path):
    res = _framing("score", str(paths.SEEDS), "--out", str(tmp_path), "--stance", "--quiet")
    assert res.returncode == 0, res.stderr
    arts = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False)
    actors = pd.read_csv(tmp_path / "actors.csv", dtype=str, keep_default_na=False)
    assert set(actors["article_id"]) == set(arts["article_id"])
    assert {"RUS", "USA"} <= set(actors["actor"])
    assert set(arts["stance_coop"]) <= {"desirable", "doubted", "mixed", "neither"}
    assert (tmp_path / "stance.csv").exists()


def test_python_api_entry_point_is_the_pipeline():
    import analysis
    from analysis.pipeline import score

    assert analysis.score is score
    assert callable(analysis.read_corpus)


def test_split_parts_from_the_command_line(tmp_path: Path):
    res = _framing("score", str(paths.SEEDS), "--out", str(tmp_path), "--split-parts",
                   "--mode", "fast", "--quiet")
    assert res.returncode == 0, res.stderr
    arts = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False)
    parts = arts[arts["article_id"].str.startswith("002_")]
    assert list(parts["article_id"]) == ["002_2f1464cb4d1d22d2-1", "002_2f1464cb4d1d22d2-2"]
    whole = _framing("score", str(paths.SEEDS), "--out", str(tmp_path / "w"), "--mode", "fast",
                     "--quiet")
    assert whole.returncode == 0
    joined = pd.read_csv(tmp_path / "w" / "articles.csv", dtype=str, keep_default_na=False)
    assert joined.loc[joined["article_id"].str.startswith("002_"), "n_parts"].tolist() == ["2"]


def _table_with(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of a packaged table with one row changed; its path and the row's line number."""
    text = (paths.ROOT / "analysis" / "data" / name).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lineno = next(i for i, line in enumerate(lines, start=1) if line.startswith(old))
    lines[lineno - 1] = lines[lineno - 1].replace(old, new, 1)
    path = tmp_path / f"my_{name}"
    path.write_text("".join(lines), encoding="utf-8")
    return path, lineno


def test_bad_lexicon_or_actors_file_is_an_error_naming_file_and_line(tmp_path: Path):
    lexicon, lex_line = _table_with(tmp_path, "lexicon.tsv", "accord\tNOUN\tAGREE",
                                    "accord\tNOUN\tAGRE")
    actors, act_line = _table_with(tmp_path, "actors.tsv", "poutine\tRUS\tleader",
                                   "poutine\tRUS\tczar")
    cases = [("--lexicon", lexicon, f"{lexicon}: line {lex_line}: unknown PLOVER category 'AGRE'"),
             ("--actors", actors, f"{actors}: line {act_line}: unknown kind 'czar'"),
             ("--actors", tmp_path / "nope.tsv", f"{tmp_path / 'nope.tsv'}: actors file does not exist")]
    for option, path, message in cases:
        res = _framing("score", str(paths.SEEDS), "--out", str(tmp_path / "out"), option, str(path))
        assert res.returncode == 2, res.stderr
        assert res.stderr.startswith(f"error: {message}"), res.stderr
        assert "Traceback" not in res.stderr
        assert not (tmp_path / "out").exists()
