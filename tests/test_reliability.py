"""Held-out annotations: the sample, the files and their checks, agreement and metrics."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

from analysis import cli, paths
from analysis import reliability as rl
from analysis.pipeline import read_tables
from analysis.scoring import FrameScorer


def test_sample_file_is_the_documented_random_draw() -> None:
    """annotations/ud_sample.csv is exactly ud_sample(): anyone can redraw it."""
    stored = pd.read_csv(rl.UD_UNITS, dtype=str, keep_default_na=False)
    drawn = rl.ud_sample().astype(str)
    pd.testing.assert_frame_equal(stored, drawn)
    assert len(stored) == rl.SAMPLE_SIZE * len(rl.BATCHES)
    assert not stored["line"].duplicated().any(), "batches never share a sentence"
    for _, part in stored.groupby("batch"):
        assert part["line"].astype(int).is_monotonic_increasing


def test_gold_is_the_agreed_label_or_an_adjudication() -> None:
    held = rl.load_heldout()
    agree = (held["coop_x"] == held["coop_y"]) & (held["conf_x"] == held["conf_y"])
    assert (held.loc[agree, "source"] == "agreed").all()
    assert (held.loc[~agree, "source"] == "adjudicated").all()
    for target in rl.HELDOUT_TARGETS:
        same = held[f"{target}_x"] == held[f"{target}_y"]
        assert (held.loc[same, target] == held.loc[same, f"{target}_x"]).all()
    assert (held.loc[~agree, "note"] != "").all(), "each adjudication explained"


@pytest.fixture()
def annotation_copy(tmp_path, monkeypatch):
    """The annotation files copied to a temporary folder the module reads from."""
    for name in ("UD_UNITS", "UD_GOLD"):
        src = getattr(rl, name)
        shutil.copy(src, tmp_path / src.name)
        monkeypatch.setattr(rl, name, tmp_path / src.name)
    originals = {who: rl.label_path(who) for _, pair in rl.BATCHES.values() for who in pair}
    for src in originals.values():
        shutil.copy(src, tmp_path / src.name)
    monkeypatch.setattr(rl, "label_path", lambda who: tmp_path / originals[who].name)
    return tmp_path


def test_a_label_file_missing_a_row_is_named(annotation_copy) -> None:
    who = rl.BATCHES[1][1][1]
    path = rl.label_path(who)
    lab = pd.read_csv(path, dtype=str, keep_default_na=False)
    lab.iloc[:-1].to_csv(path, index=False)
    with pytest.raises(ValueError, match=path.name):
        rl.load_heldout()


def test_a_missing_label_file_is_named(annotation_copy) -> None:
    path = rl.label_path(rl.BATCHES[1][1][0])
    path.unlink()
    with pytest.raises(FileNotFoundError, match=path.name):
        rl.load_heldout(1)


def test_a_label_outside_zero_one_is_named(annotation_copy) -> None:
    lab = pd.read_csv(rl.UD_GOLD, dtype=str, keep_default_na=False)
    lab.loc[3, "conf"] = "yes"
    lab.to_csv(rl.UD_GOLD, index=False)
    with pytest.raises(ValueError, match=r"ud_sample_gold.csv.*'conf'.*yes"):
        rl.load_heldout()


def test_agreement_table_recomputes_from_the_files() -> None:
    table = rl.annotator_agreement()
    assert list(table.columns) == rl.AGREEMENT_COLUMNS
    assert len(table) == len(rl.BATCHES) * len(rl.HELDOUT_TARGETS)
    held = rl.load_heldout(1)
    row = table[(table["batch"] == 1) & (table["target"] == "conf")].iloc[0]
    assert row["n"] == rl.SAMPLE_SIZE and row["annotators"] == "-".join(rl.BATCHES[1][1])
    assert row["observed"] == pytest.approx((held["conf_x"] == held["conf_y"]).mean())
    assert row["positive_a"] == held["conf_x"].sum() and row["positive_b"] == held["conf_y"].sum()
    assert table["kappa"].between(-1, 1).all()


def test_heldout_metrics_match_a_direct_count() -> None:
    metrics = rl.heldout_metrics(n_boot=200)
    assert list(metrics.columns) == rl.HELDOUT_COLUMNS
    assert len(metrics) == len(rl.BATCHES) * len(rl.HELDOUT_METHODS) * len(rl.HELDOUT_TARGETS)
    for row in metrics.itertuples():
        held, pred = rl.load_heldout(row.batch), rl.heldout_predictions(row.batch)
        t = held[row.target].to_numpy()
        p = pred[f"{row.method}_{row.target}"].to_numpy()
        tp = int(((t == 1) & (p == 1)).sum())
        assert row.predicted == p.sum() and row.support == t.sum() and row.n == len(t)
        if p.sum():
            assert row.precision == pytest.approx(tp / p.sum())
            assert row.precision_low <= row.precision <= row.precision_high
        if t.sum():
            assert row.recall == pytest.approx(tp / t.sum())
            assert row.recall_low <= row.recall <= row.recall_high


def test_heldout_errors_are_the_disagreements_with_the_gold() -> None:
    errs = rl.heldout_errors(1, "fast")
    held, pred = rl.load_heldout(1), rl.heldout_predictions(1)
    wrong = (held["coop"] != pred["scorer_fast_coop"]) | (held["conf"] != pred["scorer_fast_conf"])
    assert errs["item_id"].tolist() == held.loc[wrong, "item_id"].tolist()
    k = int(np.flatnonzero(wrong.to_numpy())[0])
    alone = FrameScorer(mode="fast").fit().transform([held["text"].iloc[k]])
    assert (alone[0, 0], alone[0, 1]) == (errs["sys_coop"].iloc[0], errs["sys_conf"].iloc[0])


# ---------------------------------------------------------------- your own corpus

@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory):
    """The seeds scored in lexical mode into a folder, as 'framing score' writes them."""
    out = tmp_path_factory.mktemp("own") / "scored"
    assert cli.main(["score", str(paths.SEEDS), "--out", str(out), "--mode", "lexical",
                     "--no-tone", "--quiet"]) == 0
    return out


def _filled(sample: pd.DataFrame, scored) -> pd.DataFrame:
    """The sample filled with the system's own codes (a perfect annotator, for the tests)."""
    sys = scored.sentences.set_index(["article_id", "sentence_id"])
    out = sample.copy()
    keys = list(zip(out["article_id"], out["sentence_id"].astype(int), strict=True))
    out["coop"] = [str(int(sys.loc[k, "coop"])) for k in keys]
    out["conf"] = [str(int(sys.loc[k, "conf"])) for k in keys]
    return out


def test_annotation_sample_is_blind_seeded_and_in_corpus_order(own) -> None:
    scored = read_tables(own)
    one, two = rl.annotation_sample(scored, 20, seed=3), rl.annotation_sample(scored, 20, seed=3)
    pd.testing.assert_frame_equal(one, two)
    assert list(one.columns) == rl.SAMPLE_COLUMNS
    assert (one[["coop", "conf", "note"]] == "").all().all(), "the system's codes are not shown"
    assert not one.equals(rl.annotation_sample(scored, 20, seed=4))
    keys = list(zip(one["article_id"], one["sentence_id"], strict=True))
    assert keys == sorted(keys) and len(set(keys)) == 20
    kinds = scored.sentences.set_index(["article_id", "sentence_id"]).loc[keys, "kind"]
    assert kinds.isin(["body", "headline"]).all()
    with pytest.raises(ValueError, match="fewer than"):
        rl.annotation_sample(scored, 10_000)
    second = rl.annotation_sample(scored, 20, seed=3, exclude=[one])
    assert not set(zip(second["article_id"], second["sentence_id"], strict=True)) & set(keys)


def test_a_perfect_annotator_gets_ones_and_a_flip_shows(own, tmp_path) -> None:
    scored = read_tables(own)
    filled = _filled(rl.annotation_sample(scored, 40, seed=2), scored)
    path = tmp_path / "a.csv"
    filled.to_csv(path, index=False)
    metrics = rl.evaluate_annotations(scored, rl.read_annotations(path), n_boot=100)
    assert list(metrics.columns) == rl.OWN_COLUMNS
    assert metrics["method"].eq("scorer_lexical").all()
    assert (metrics["f1"] == 1.0).all() and (metrics["n"] == 40).all()
    k = int(np.flatnonzero(filled["coop"].to_numpy() == "1")[0])
    filled.loc[k, "coop"] = "0"  # the annotator disagrees once: one false positive
    filled.to_csv(path, index=False)
    coop = rl.evaluate_annotations(scored, rl.read_annotations(path), n_boot=100).iloc[0]
    positives = int((filled["coop"] == "1").sum())
    assert coop["precision"] == pytest.approx(positives / (positives + 1))
    assert coop["recall"] == 1.0


@pytest.mark.parametrize("damage, message", [
    (lambda f: f.assign(coop=""), r"'coop' must be 0 or 1 .* 40 row"),
    (lambda f: f.drop(columns="conf"), "missing column"),
    (lambda f: pd.concat([f, f.iloc[:1]]), "repeated item_id s0000"),
])
def test_bad_annotation_files_are_named(own, tmp_path, damage, message) -> None:
    scored = read_tables(own)
    path = tmp_path / "bad.csv"
    damage(_filled(rl.annotation_sample(scored, 40, seed=2), scored)).to_csv(path, index=False)
    with pytest.raises(ValueError, match=message) as info:
        rl.read_annotations(path)
    assert "bad.csv" in str(info.value)


def test_a_sample_from_another_run_is_refused(own, tmp_path) -> None:
    scored = read_tables(own)
    filled = _filled(rl.annotation_sample(scored, 10, seed=2), scored)
    other = filled.assign(text=filled["text"].str.upper())
    other.to_csv(tmp_path / "o.csv", index=False)
    with pytest.raises(ValueError, match="another text"):
        rl.evaluate_annotations(scored, rl.read_annotations(tmp_path / "o.csv"))
    filled.loc[0, "sentence_id"] = 99_999
    filled.to_csv(tmp_path / "m.csv", index=False)
    with pytest.raises(ValueError, match="not scored sentences"):
        rl.evaluate_annotations(scored, rl.read_annotations(tmp_path / "m.csv"))


def test_sample_and_evaluate_from_the_command_line(own, tmp_path, capsys) -> None:
    sample, other = tmp_path / "sample.csv", tmp_path / "other.csv"
    assert cli.main(["sample", str(own), "--n", "30", "--out", str(sample)]) == 0
    assert cli.main(["sample", str(own), "--n", "30", "--out", str(other), "--exclude",
                     str(sample)]) == 0
    first, second = (pd.read_csv(p) for p in (sample, other))
    assert not set(zip(first["article_id"], first["sentence_id"], strict=True)) & set(
        zip(second["article_id"], second["sentence_id"], strict=True))
    assert cli.main(["evaluate", str(own), str(sample)]) == 2, "an unfilled sample is refused"
    assert "sample.csv" in capsys.readouterr().err
    filled = _filled(pd.read_csv(sample, dtype=str, keep_default_na=False), read_tables(own))
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    filled.to_csv(a, index=False)
    filled.assign(conf="0").to_csv(b, index=False)
    out = tmp_path / "metrics.csv"
    assert cli.main(["evaluate", str(own), str(a), str(b), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "agreement between the two annotation files" in printed
    metrics = pd.read_csv(out)
    assert len(metrics) == 4 and set(metrics["annotations"]) == {str(a), str(b)}
    agree = rl.agreement_between(rl.read_annotations(a), rl.read_annotations(b))
    assert agree.set_index("target").loc["coop", "observed"] == 1.0


def test_errors_list_the_disagreements_with_evidence(own, tmp_path) -> None:
    scored = read_tables(own)
    filled = _filled(rl.annotation_sample(scored, 40, seed=2), scored)
    path = tmp_path / "a.csv"
    filled.to_csv(path, index=False)
    assert rl.annotation_errors(scored, rl.read_annotations(path)).empty
    k = int(np.flatnonzero(filled["conf"].to_numpy() == "1")[0])
    filled.loc[k, "conf"], filled.loc[k, "note"] = "0", "a reading the scorer does not share"
    filled.to_csv(path, index=False)
    errs = rl.annotation_errors(scored, rl.read_annotations(path))
    assert list(errs.columns) == rl.ANNOTATION_ERROR_COLUMNS
    assert errs["item_id"].tolist() == [filled.loc[k, "item_id"]]
    row = errs.iloc[0]
    assert row["wrong"] == "conf" and row["sys_conf"] == 1 and row["sys_evidence"]
    assert row["note"] == "a reading the scorer does not share"
    out = tmp_path / "errors.csv"
    assert cli.main(["evaluate", str(own), str(path), "--errors", str(out)]) == 0
    assert pd.read_csv(out)["item_id"].tolist() == [filled.loc[k, "item_id"]]
