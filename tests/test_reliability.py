"""Held-out annotations: the sample, the files and their checks, agreement and metrics."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

from analysis import reliability as rl
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
