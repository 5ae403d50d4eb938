"""The news set's gold labels (frozen, rebuilt from the label files) and its measures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import newsvalidation as nv
from analysis.newsset import news_items


def test_gold_is_the_frozen_build_of_the_label_files() -> None:
    """gold.csv = the annotators' agreed labels + the adjudicator's decisions, unchanged."""
    built = nv.build_gold()
    frozen = nv.load_gold()
    pd.testing.assert_frame_equal(built.astype(str), frozen[nv.GOLD_COLUMNS].astype(str))
    assert frozen["item_id"].tolist() == news_items()["item_id"].tolist()
    assert set(frozen["source"]) <= {"agreed", "adjudicated"}
    assert (frozen["source"] == "adjudicated").sum() > 0


def test_every_label_file_validates() -> None:
    for who in (*nv.ANNOTATORS, nv.ADJUDICATOR):
        frame = nv.read_labels(nv.label_path(who))
        assert len(frame) > 0


@pytest.mark.parametrize(("row", "message"), [
    ("news000,2,0,,", "line 2: coop and conf must be 0 or 1"),
    ("news000,1,0,USA|RUS|coop,", "bad dyad 'USA|RUS|coop'"),
    ("news000,1,0,RUS|USA|war,", "bad dyad"),
    ("news000,0,1,RUS|USA|coop,", "line 2: a coop dyad in a sentence with coop=0"),
])
def test_bad_label_rows_name_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "labels_X.csv"
    path.write_text("item_id,coop,conf,dyads,note\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="labels_X.csv") as err:
        nv.read_labels(path)
    assert message in str(err.value)


def test_pair_counts_and_f1() -> None:
    """Pairs either side names; mixed counts for both coop and conf."""
    gold = pd.DataFrame({"coop": [1, 0], "conf": [1, 1],
                         "dyads": ["RUS|USA|mixed", "FRA|GBR|conf"]})
    pred = pd.DataFrame({"coop": [0, 0], "conf": [1, 1],
                         "dyads": ["RUS|USA|conf;RUS|SYR|conf", ""]})
    conf = nv.item_counts(gold, pred, "pair_conf")
    assert conf.sum(axis=0).tolist() == [1, 1, 1]  # RUS-USA hit, RUS-SYR false, FRA-GBR missed
    assert nv.item_counts(gold, pred, "pair_coop").sum(axis=0).tolist() == [0, 0, 1]
    assert nv.item_counts(gold, pred, "rus_usa_conf").sum(axis=0).tolist() == [1, 0, 0]
    assert nv.item_counts(gold, pred, "coop").sum(axis=0).tolist() == [0, 0, 1]
    p, r, f = nv.prf(conf)
    assert (p, r, f) == (0.5, 0.5, 0.5)
    assert np.isnan(nv.prf(np.zeros((2, 3), dtype=int))[2])


def test_metrics_on_the_dev_half_have_intervals() -> None:
    table = nv.news_metrics("dev", methods=("scorer_fast",), n_boot=50)
    assert set(table["target"]) == set(nv.TARGETS)
    ok = table.dropna(subset=["f1"])
    assert ((ok["f1_low"] <= ok["f1"]) & (ok["f1"] <= ok["f1_high"])).all()
    assert (table["n"] == (nv.load_gold()["split"] == "dev").sum()).all()
