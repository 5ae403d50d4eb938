"""The command line as a user runs it: exit codes, warnings naming files, every input kept."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from layouts import write_layout_corpus

import analysis
from analysis import paths
from analysis.cli import build_parser
from analysis.run import run
from analysis.tables import COLUMNS, TABLES


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


# ---------------------------------------------------------------- issue 16: the command line


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    subs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"framing": parser, **subs.choices}


def test_version():
    res = _framing("--version")
    assert res.returncode == 0
    assert res.stdout.strip() == f"framing {analysis.__version__}"


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_option_has_a_help_line(name: str):
    """Every argument of every subcommand (positionals too) says what it does in --help."""
    parser = _subcommands()[name]
    missing = [a.option_strings[0] if a.option_strings else a.dest for a in parser._actions
               if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction))
               and (a.help is None or a.help == argparse.SUPPRESS or not a.help.strip())]
    assert not missing, f"framing {name}: no help for {missing}"
    if name == "framing":
        subs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        assert all(c.help and c.help.strip() for c in subs._choices_actions)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_empty_folder_gives_the_tables_with_their_headers(tmp_path: Path, fmt: str):
    (tmp_path / "corpus").mkdir()
    out = tmp_path / "out"
    res = _framing("score", str(tmp_path / "corpus"), "--out", str(out), "--mode", "lexical",
                   "--format", fmt, "--quiet")
    assert res.returncode == 0, res.stderr
    lines = res.stderr.splitlines()
    assert any(ln.startswith("warning: no input documents in") and "headers" in ln
               for ln in lines), res.stderr
    assert lines[-1] == f"scored 0 documents -> {out}"
    for table in TABLES:
        path = out / f"{table}.{fmt}"
        if fmt == "csv":
            assert path.read_text("utf-8") == ",".join(COLUMNS[table]) + "\n"
        else:
            df = pd.read_parquet(path)
            assert list(df.columns) == COLUMNS[table] and df.empty
    again = _framing("score", str(tmp_path / "corpus"), "--out", str(out), "--mode", "lexical",
                     "--format", fmt, "--quiet")
    assert again.returncode == 0, again.stderr  # the same (empty) run: no --overwrite needed


def test_notes_are_not_warnings(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    joined = next(paths.SEEDS.glob("002_*.txt"))
    (corpus / joined.name).write_bytes(joined.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    res = _framing("score", str(corpus), "--out", str(tmp_path / "out"), "--mode", "lexical",
                   "--quiet")
    assert res.returncode == 0, res.stderr
    notes = [ln for ln in res.stderr.splitlines() if joined.name in ln]
    assert len(notes) == 1 and notes[0].startswith("note: ") and "holds 2 articles" in notes[0]
    assert "warning" not in notes[0].replace(str(corpus), "").lower()
    assert any(ln.startswith("warning: ") and "empty.txt" in ln for ln in res.stderr.splitlines())


def test_title_and_outlet_options(tmp_path: Path):
    corpus = tmp_path / "corpus"
    write_layout_corpus(corpus, {"lemonde": 3, "liberation": 3})
    args = ["--mode", "lexical", "--no-tone", "--quiet", "--title", "first-line",
            "--outlet", "folder"]
    res = _framing("score", str(corpus), "--out", str(tmp_path / "a"), *args)
    assert res.returncode == 0, res.stderr
    arts = pd.read_csv(tmp_path / "a" / "articles.csv", dtype=str, keep_default_na=False)
    assert arts["outlet"].tolist() == ["lemonde"] * 3 + ["liberation"] * 3
    assert set(arts["outlet_source"]) == {"folder name"}
    assert arts["title"].tolist() == [ln.splitlines()[0] for ln in
                                      (p.read_text("utf-8") for p in sorted(corpus.rglob("*.txt")))]
    assert (arts["n_headlines"] == "1").all()
    # two worker processes read the files themselves: the same bytes
    run([corpus], tmp_path / "b", mode="lexical", tone=False, jobs=2, batch_size=2,
        progress=False, title="first-line", outlet="folder")
    for table in TABLES:
        assert (tmp_path / "a" / f"{table}.csv").read_bytes() == \
            (tmp_path / "b" / f"{table}.csv").read_bytes()
    # the options are part of the run's identity: another --outlet needs --overwrite
    other = _framing("score", str(corpus), "--out", str(tmp_path / "a"), "--mode", "lexical",
                     "--no-tone", "--quiet", "--title", "first-line", "--outlet", "Le Monde")
    assert other.returncode == 1 and "outlet" in other.stderr


def test_transcript_masks_the_work_folder_and_timings(tmp_path: Path):
    """cli.transcript (notebook 07) runs a command in-process; its text is the same on every run."""
    from analysis.cli import transcript

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("La Russie et les États-Unis ont signé un accord.\n", encoding="utf-8")
    text = transcript("score", corpus, "--out", tmp_path / "out", "--mode", "lexical", "--quiet",
                      hide=tmp_path)
    assert str(tmp_path) not in text and "<work>/out" in text
    assert text.endswith("(exit status 0)")
    assert (tmp_path / "out" / "articles.csv").exists()
