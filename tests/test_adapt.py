"""Adapting the measure: framing train, score --model in every engine, the uncertainty draw.

Small data: 60 sentences of held-out batch 1 written as 20 three-sentence
articles, scored in lexical mode (no spaCy), annotated from the project's
gold labels (:func:`analysis.learning.fill_from_gold`).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import warnings
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest

from analysis import cli, learning
from analysis import model as md
from analysis.adapt import (
    best_threshold,
    scored_rows,
    train,
    training_units,
    uncertainty_sample,
)
from analysis.pipeline import SENTENCE_COLUMNS, read_tables
from analysis.reliability import annotation_sample
from analysis.run import run

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> int:
    with warnings.catch_warnings():
        return cli.main(list(args))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A scored corpus, a filled annotation file and a trained model file."""
    base = tmp_path_factory.mktemp("adapt")
    units = learning.project_units("lexical", sources=("ud1",)).iloc[:60]
    corpus = learning.write_corpus(base / "corpus", units, per_doc=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run([corpus], base / "scored", mode="lexical", tone=False, progress=False)
    scored = read_tables(base / "scored")
    sample = annotation_sample(scored, n=len(scored_rows(scored)), seed=1)
    filled = learning.fill_from_gold(sample, units)
    filled.to_csv(base / "annotations.csv", index=False, lineterminator="\n")
    assert _cli("train", str(base / "scored"), str(base / "annotations.csv"),
                "--out", str(base / "model.joblib")) == 0
    return {"base": base, "corpus": corpus, "scored": base / "scored",
            "annotations": base / "annotations.csv", "model": base / "model.joblib"}


# ---------------------------------------------------------------- features

def test_evidence_features_read_what_the_rules_did():
    ev = ("sommet[CONSULT,+2.1]; not:accord[REJECT,-4.2]; sport:battre[dropped]; "
          "cesser>hostilités[deescalation,+7.6]; joint:RUS+USA; de concert[COOPERATE,+6.8,future]")
    f = md.evidence_features(ev)
    assert f == {"cat=CONSULT": 1, "negated=REJECT": 1, "dropped=sport": 1,
                 "rule=deescalation": 1, "governed": 1, "joint": 1, "cat=COOPERATE": 1,
                 "event_modality=future": 1}


def test_rule_features_are_named_and_learned_from_the_rows():
    rows = pd.DataFrame({"evidence": ["guerre[ASSAULT,-9.3]", ""], "coop": [0, 0], "conf": [1, 0],
                         "coop_score": [0.0, 0.0], "conf_score": [9.3, 0.0],
                         "goldstein": [-9.3, np.nan], "modality": ["asserted", "future"],
                         "voice": ["quoted", "narrator"], "actors": ["RUS;USA", ""],
                         "n_dyads": [1, 0]})
    rf = md.RuleFeatures().fit(rows)
    names = list(rf.get_feature_names_out())
    assert names == sorted(names) and "cat=ASSAULT" in names and "voice=quoted" in names
    x = rf.transform(rows).toarray()
    assert x[0, names.index("cat=ASSAULT")] == 1 and x[1, names.index("cat=ASSAULT")] == 0
    assert x[0, names.index("n_actors")] == 2 and x[1, names.index("modality=future")] == 1


def test_best_threshold_maximises_f1():
    y = np.array([0, 0, 1, 1, 0])
    p = np.array([0.1, 0.2, 0.3, 0.9, 0.35])
    assert best_threshold(y, p) == pytest.approx(0.3)  # F1 0.8 at >= 0.3 ... tie broken upward
    assert best_threshold(np.zeros(3), p[:3]) == 0.5


# ---------------------------------------------------------------- training

def test_train_writes_a_model_with_its_provenance(project):
    m = md.load_model(project["model"])
    units = training_units(read_tables(project["scored"]), [project["annotations"]])
    assert m.n_train == len(units) and m.lexicon_version == md.load_model(project["model"]).lexicon_version
    assert m.positives["coop"] == int(units["y_coop"].sum()) > 0
    assert {"cat=ASSAULT", "coop_score"} <= {n.split("__")[-1] for n in m.features["conf"]}
    assert any(n.startswith("words__") for n in m.features["coop"])
    assert len(m.data_sha256) == 64 and m.mode == "lexical"


def test_training_is_byte_identical_across_processes(project, tmp_path):
    """Two processes with different string-hash seeds write the same model bytes."""
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"m{seed}.joblib"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "analysis.cli", "train", str(project["scored"]),
                        str(project["annotations"]), "--out", str(out)], check=True, env=env,
                       capture_output=True)
        digests.append(_sha(out))
    assert digests[0] == digests[1] == _sha(project["model"])


def test_bad_annotation_file_is_a_one_line_error_naming_it(project, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    lab = pd.read_csv(project["annotations"], dtype=str, keep_default_na=False)
    lab.loc[0, "coop"] = "2"
    lab.to_csv(bad, index=False)
    out = tmp_path / "m.joblib"
    assert _cli("train", str(project["scored"]), str(bad), "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "'coop' must be 0 or 1" in err and not out.exists()
    other = tmp_path / "other.csv"
    lab = pd.read_csv(project["annotations"], dtype=str, keep_default_na=False)
    lab.loc[0, "text"] = "Une autre phrase."
    lab.to_csv(other, index=False)
    assert _cli("train", str(project["scored"]), str(other), "--out", str(out)) == 2
    assert str(other) in capsys.readouterr().err and not out.exists()


# ---------------------------------------------------------------- loading errors

def test_not_a_model_and_other_lexicon_are_refused_naming_the_file(project, tmp_path, capsys):
    text = tmp_path / "notes.joblib"
    text.write_text("not a model\n")
    pickled = tmp_path / "dict.joblib"
    joblib.dump({"a": 1}, pickled)
    m = md.load_model(project["model"])
    m.lexicon_version = "0.9.0"
    old = md.save_model(m, tmp_path / "old.joblib")
    for path, words in ((text, "not a framing model"), (pickled, "holds dict"),
                        (old, "lexicon 0.9.0"), (tmp_path / "missing.joblib", "does not exist")):
        with pytest.raises(md.ModelError, match=words) as info:
            md.load_model(path)
        assert str(path) in str(info.value)
        out = tmp_path / f"out_{path.stem}"
        assert _cli("score", str(project["corpus"]), "--out", str(out), "--mode", "lexical",
                    "--quiet", "--model", str(path)) == 2
        assert str(path) in capsys.readouterr().err and not out.exists()


# ---------------------------------------------------------------- scoring with a model

def _read(folder: Path, table: str) -> bytes:
    return (folder / f"{table}.csv").read_bytes()


def test_model_columns_in_every_engine_and_rules_unchanged(project, tmp_path, dask_scheduler):
    engines = {"jobs1": (), "jobs2": ("--jobs", "2"),
               "dask": ("--engine", "dask", "--scheduler", dask_scheduler)}
    for name, extra in engines.items():
        assert _cli("score", str(project["corpus"]), "--out", str(tmp_path / name), "--mode",
                    "lexical", "--no-tone", "--quiet", "--batch-size", "4", "--model",
                    str(project["model"]), *extra) == 0
    for table in ("articles", "sentences", "dyads"):
        assert _read(tmp_path / "jobs1", table) == _read(tmp_path / "jobs2", table) \
            == _read(tmp_path / "dask", table)
    with_model = pd.read_csv(tmp_path / "jobs1" / "sentences.csv", dtype=str,
                             keep_default_na=False)
    without = pd.read_csv(project["scored"] / "sentences.csv", dtype=str, keep_default_na=False)
    assert list(with_model.columns) == [*SENTENCE_COLUMNS, *md.MODEL_SENTENCE_COLUMNS]
    pd.testing.assert_frame_equal(with_model[SENTENCE_COLUMNS], without)
    scored = with_model[with_model["kind"] != "boilerplate"]
    p = scored["coop_p"].astype(float)
    assert ((p >= 0) & (p <= 1)).all() and set(scored["coop_model"]) <= {"0", "1"}
    m = md.load_model(project["model"])
    assert ((p >= m.thresholds["coop"]) == (scored["coop_model"] == "1")).all()
    tables = read_tables(tmp_path / "jobs1")
    assert "coop_share_model" in tables.articles and "conf_p" in tables.sentences


def test_article_measures_from_the_model_labels(project, tmp_path):
    assert _cli("score", str(project["corpus"]), "--out", str(tmp_path / "m"), "--mode",
                "lexical", "--no-tone", "--quiet", "--model", str(project["model"])) == 0
    t = read_tables(tmp_path / "m")
    body = t.sentences[t.sentences["kind"] == "body"]
    per = body.groupby("article_id")["coop_model"].agg(["sum", "size"])
    arts = t.articles.set_index("article_id").loc[per.index]
    assert (arts["n_coop_model"].astype(int).to_numpy() == per["sum"].to_numpy()).all()
    assert np.allclose(arts["coop_share_model"].astype(float), per["sum"] / per["size"], atol=1e-4)


# ---------------------------------------------------------------- the uncertainty draw

def test_uncertainty_sample_is_deterministic_flags_its_draws_and_takes_the_least_sure(project):
    scored = read_tables(project["scored"])
    m = md.load_model(project["model"])
    a = uncertainty_sample(scored, m, n=20, seed=5)
    assert a.equals(uncertainty_sample(scored, m, n=20, seed=5))
    assert a["draw"].value_counts().to_dict() == {"uncertainty": 16, "random": 4}
    rows = scored_rows(scored)
    probs = m.probabilities(rows.assign(text=rows["text"].astype(str)))
    margin = np.min([np.abs(probs[k] - m.thresholds[k]) for k in md.LABELS], axis=0)
    key = list(zip(rows["article_id"], rows["sentence_id"], strict=True))
    drawn = {(r.article_id, r.sentence_id) for r in a[a["draw"] == "uncertainty"].itertuples()}
    inside = [margin[i] for i, k in enumerate(key) if k in drawn]
    outside = [margin[i] for i, k in enumerate(key) if k not in drawn]
    assert max(inside) <= min(outside) + 1e-6
    again = uncertainty_sample(scored, m, n=10, seed=5, exclude=[a])
    assert not set(zip(again["article_id"], again["sentence_id"], strict=True)) & set(
        zip(a["article_id"], a["sentence_id"], strict=True))


def test_sample_cli_uncertainty(project, tmp_path, capsys):
    out = tmp_path / "next.csv"
    assert _cli("sample", str(project["scored"]), "--n", "10", "--strategy", "uncertainty",
                "--model", str(project["model"]), "--out", str(out), "--seed", "2") == 0
    drawn = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(drawn.columns[-1:]) == ["draw"] and len(drawn) == 10
    assert _cli("sample", str(project["scored"]), "--n", "10", "--strategy", "uncertainty",
                "--out", str(tmp_path / "x.csv")) == 2
    assert "needs --model" in capsys.readouterr().err


# ---------------------------------------------------------------- evaluation

def test_grouped_folds_never_split_an_article():
    units = pd.DataFrame({"group": [f"a{k // 3}" for k in range(30)]})
    for train_idx, test_idx in learning._folds(units, 5):
        assert not set(units["group"].iloc[train_idx]) & set(units["group"].iloc[test_idx])


def test_cross_validation_predicts_every_unit_out_of_fold(project):
    units = training_units(read_tables(project["scored"]), [project["annotations"]])
    pred = learning.cross_validate(units, n_splits=3)
    assert len(pred) == len(units) and set(pred["model_conf"]) <= {0, 1}
    rows = learning.curve_rows(pred, len(units), n_boot=50)
    assert {r["method"] for r in rows} == {"model", "text_only", "rules"}
    for r in rows:
        assert r["f1_low"] <= r["f1"] + 1e-9 and r["f1"] <= r["f1_high"] + 1e-9
    m = train(units, "x", seed=0)
    assert m.thresholds == train(units, "x", seed=0).thresholds


def test_bundled_model_loads_and_is_small():
    m = md.load_model("bundled")
    assert md.BUNDLED.stat().st_size < 5_000_000
    assert m.n_train > 1000 and m.mode == "full" and m.info["script"] == "scripts/train_bundled.py"
    news_test = learning.annotated_sentences().query("source == 'news_test'")
    assert "news_test" not in m.info["training"] and len(news_test) == 126


def test_workers_get_the_model_once_not_with_every_batch(project, monkeypatch):
    """``_in_order`` hands the options (and their model) to the pool's initializer only."""
    from concurrent.futures import ProcessPoolExecutor

    from analysis import run as run_module

    submitted, started = [], []
    real_submit, real_init = ProcessPoolExecutor.submit, ProcessPoolExecutor.__init__

    def submit(self, fn, *args, **kwargs):
        submitted.append(args)
        return real_submit(self, fn, *args, **kwargs)

    def init(self, *args, **kwargs):
        started.append(kwargs.get("initargs"))
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    monkeypatch.setattr(ProcessPoolExecutor, "__init__", init)
    opts = run_module.Options(model=md.load_model(project["model"]))
    out = list(run_module._in_order(_echo_model, range(5), opts, 2))
    assert out == [(k, opts.model.data_sha256) for k in range(5)]
    assert len(submitted) == 5 and all(
        not any(isinstance(a, run_module.Options | md.FrameModel) for a in args)
        for args in submitted)
    assert len(started) == 1 and started[0][1] is opts


def _echo_model(item, opts):
    return item, opts.model.data_sha256
