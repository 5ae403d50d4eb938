"""Validation: alignment, metrics, grouped CV, bootstrap, agreement, and the F1 floors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import evaluate as ev

# ---------------------------------------------------------------- synthetic tables

TEXT_A = "Moscou aide Damas. Washington aussi. Ils se battent. Fin du texte."
#         0         1         2         3         4         5         6
#         0123456789012345678901234567890123456789012345678901234567890123456


def _gold() -> pd.DataFrame:
    rows = [
        # article A: one gold row split in two by the system, two merged into one
        ("A", 0, 36, "coop", 1, 0, "coop"),
        ("A", 37, 52, "conf", 0, 1, "none"),
        ("A", 53, 66, "none", 0, 0, "none"),
        # article B: 1:1 rows and a boilerplate line
        ("B", 0, 20, "b1", 1, 1, "mixed"),
        ("B", 21, 40, "b2", 0, 0, "none"),
        ("B", 41, 50, "b3", 0, 0, "none"),
    ]
    df = pd.DataFrame(rows, columns=["article_id", "start", "end", "text", "coop", "conf", "rus_usa"])
    df["kind"] = ["body", "body", "body", "headline", "body", "boilerplate"]
    df["note"] = ""
    df.loc[df["article_id"] == "A", "text"] = [TEXT_A[s:e] for s, e in
                                                df.loc[df["article_id"] == "A", ["start", "end"]]
                                                .itertuples(index=False)]
    return df


def _sentences() -> pd.DataFrame:
    rows = [
        # A: gold row 0 split into sentences 0 (no label) and 1 (coop)
        ("A", 0, 0, 18, "body", 0, 0, ""),
        ("A", 1, 19, 36, "body", 1, 0, "aussi"),
        # A: gold rows 1 and 2 merged into sentence 2 (it overlaps row 1 more)
        ("A", 2, 37, 60, "body", 0, 1, "battre"),
        ("A", 3, 61, 66, "body", 0, 0, ""),
        # B: 1:1
        ("B", 0, 0, 20, "headline", 1, 0, "aide"),
        ("B", 1, 21, 40, "body", 0, 1, "guerre"),
        ("B", 2, 41, 50, "boilerplate", np.nan, np.nan, ""),
    ]
    df = pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "kind", "coop",
                                     "conf", "evidence"])
    df["text"] = [TEXT_A[s:e] if a == "A" else "" for a, s, e in
                  df[["article_id", "start", "end"]].itertuples(index=False)]
    df["actors"] = ["RUS;SYR", "USA", "", "", "RUS;USA", "RUS;USA", ""]
    return df


def _dyads() -> pd.DataFrame:
    return pd.DataFrame(
        [("A", 1, "RUS", "USA", "coop"), ("B", 0, "RUS", "USA", "coop"),
         ("B", 1, "RUS", "USA", "conf"), ("B", 1, "RUS", "SYR", "coop")],
        columns=["article_id", "sentence_id", "actor_a", "actor_b", "relation"])


@pytest.fixture()
def aligned() -> pd.DataFrame:
    return ev.align(_gold(), _sentences(), _dyads())


# ---------------------------------------------------------------- alignment

def test_split_gold_sentence_takes_or_of_labels(aligned: pd.DataFrame) -> None:
    row = aligned.iloc[0]
    assert row["alignment"] == "split"
    assert row["n_system"] == 2 and row["sys_sentence_ids"] == "0;1"
    assert (row["sys_coop"], row["sys_conf"], row["sys_rus_usa"]) == (1, 0, "coop")
    assert row["sys_actors"] == "RUS;SYR;USA"
    assert row["coverage"] == pytest.approx(35 / 36)


def test_crossing_boundaries(aligned: pd.DataFrame) -> None:
    a1, a2 = aligned.iloc[1], aligned.iloc[2]
    # sentence 2 covers row 1 and the start of row 2; it overlaps row 1 (15 chars) more
    # than row 2 (7 chars), so row 1 owns it; row 2 owns sentence 3
    assert a1["sys_sentence_ids"] == "2" and a1["alignment"] == "merged"
    assert a2["sys_sentence_ids"] == "3" and a2["alignment"] == "crossing"
    assert a1["sys_conf"] == 1 and a2["sys_conf"] == 0
    assert aligned["text_match"].all()


def test_gold_row_covered_only_by_a_longer_sentence_is_merged() -> None:
    gold = pd.DataFrame({"article_id": ["A", "A"], "start": [0, 19], "end": [18, 36]})
    sents = pd.DataFrame({"article_id": ["A"], "sentence_id": [0], "start": [0], "end": [36],
                          "kind": ["body"], "coop": [1], "conf": [0]})
    al = ev.align(gold, sents)
    assert list(al["alignment"]) == ["merged", "merged"]
    assert list(al["sys_coop"]) == [1, 1]
    assert list(al["sys_rus_usa"]) == ["none", "none"]


def test_one_to_one_kinds_and_relations(aligned: pd.DataFrame) -> None:
    b = aligned[aligned["article_id"] == "B"]
    assert list(b["alignment"]) == ["1:1"] * 3
    assert list(b["sys_kind"]) == ["headline", "body", "boilerplate"]
    assert list(b["sys_rus_usa"]) == ["coop", "conf", "none"]
    # an unscored (boilerplate) system sentence counts as no cooperation, no conflict
    assert (b.iloc[2]["sys_coop"], b.iloc[2]["sys_conf"]) == (0, 0)
    summary = ev.alignment_summary(aligned)
    assert summary["1:1"] == 3 and summary["split"] == 1 and summary["merged"] == 1
    assert summary["crossing"] == 1
    assert summary["total"] == 6 and summary["text_mismatch"] == 0


def test_offsets_into_a_different_text_are_flagged() -> None:
    gold = _gold()
    sents = _sentences()
    sents.loc[0, "text"] = "X" + sents.loc[0, "text"][1:]
    al = ev.align(gold, sents, _dyads())
    assert not al.iloc[0]["text_match"]


def test_gold_row_without_system_sentence_is_unaligned() -> None:
    gold = pd.DataFrame({"article_id": ["Z"], "start": [0], "end": [5], "coop": [1]})
    al = ev.align(gold, _sentences(), _dyads())
    assert al.iloc[0]["alignment"] == "unaligned" and al.iloc[0]["sys_coop"] == 0


def test_combine_relations() -> None:
    assert ev.combine_relations([]) == "none"
    assert ev.combine_relations(["none", "coop"]) == "coop"
    assert ev.combine_relations(["coop", "conf"]) == "mixed"
    assert ev.combine_relations(["conf", "mixed"]) == "mixed"
    assert ev.combine_relations(["conf", np.nan]) == "conf"


def test_system_rus_usa_ignores_other_pairs() -> None:
    sents = _sentences()
    rel = ev.system_rus_usa(sents, _dyads())
    assert list(rel) == ["none", "coop", "none", "none", "coop", "conf", "none"]


# ---------------------------------------------------------------- metrics

def test_binary_scores_hand_computed() -> None:
    # tp = 2 (rows 0, 4), fp = 1 (row 2), fn = 1 (row 1)
    s = ev.binary_scores([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])
    assert (s["tp"], s["fp"], s["fn"], s["n"], s["support"]) == (2, 1, 1, 5, 3)
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 / 3)
    # never predicting the class: precision undefined, recall and F1 zero
    s = ev.binary_scores([1, 0], [0, 0])
    assert np.isnan(s["precision"]) and s["recall"] == 0 and s["f1"] == 0
    assert np.isnan(ev.f1_binary(np.array([0, 0]), np.array([0, 0])))


def test_relation_macro_hand_computed() -> None:
    # coop: tp 1, fn 1 -> F1 2/3; conf: one false positive -> 0; mixed: one miss -> 0
    s = ev.relation_scores(["coop", "coop", "mixed", "none"], ["coop", "conf", "none", "none"])
    assert s["labels"] == "coop;conf;mixed"
    assert s["f1"] == pytest.approx((2 / 3 + 0 + 0) / 3)
    assert s["precision"] == pytest.approx((1 + 0 + 0) / 3)
    assert s["recall"] == pytest.approx((0.5 + 0 + 0) / 3)
    assert s["support"] == 3 and s["n"] == 4


def test_confusion_matrix_counts() -> None:
    tab = ev.confusion([1, 1, 0, 0, 1], [1, 0, 1, 0, 1], labels=[0, 1])
    assert tab.loc[1, 1] == 2 and tab.loc[1, 0] == 1 and tab.loc[0, 1] == 1 and tab.loc[0, 0] == 1
    assert tab.loc["total", "total"] == 5


def test_bootstrap_is_seeded_and_contains_the_point_estimate() -> None:
    rng = np.random.default_rng(1)
    groups = np.repeat(np.arange(6), 12)
    y = rng.integers(0, 2, len(groups))
    pred = np.where(rng.random(len(groups)) < 0.8, y, 1 - y)
    point = ev.f1_binary(y, pred)
    lo, hi = ev.bootstrap_ci(y, pred, groups, n_boot=300, seed=0)
    assert lo <= point <= hi and lo < hi
    assert (lo, hi) == ev.bootstrap_ci(y, pred, groups, n_boot=300, seed=0)
    # resamples keep every article's size and draw only its own sentences
    for idx in ev.bootstrap_indices(groups, n_boot=20, seed=0):
        assert len(idx) == len(groups)
        drawn = groups[idx].reshape(6, 12)
        assert (drawn == drawn[:, :1]).all()


def test_bootstrap_of_a_perfect_method_is_one() -> None:
    y = np.array([1, 0, 1, 1, 0, 1])
    assert ev.bootstrap_ci(y, y, [0, 0, 1, 1, 2, 2], n_boot=50) == (1.0, 1.0)


# ---------------------------------------------------------------- agreement

def test_agreement_of_identical_labels_is_one() -> None:
    a = ["coop", "none", "mixed", "coop", "none"]
    out = ev.agreement(a, list(a))
    assert out["alpha"] == pytest.approx(1.0)
    assert out["kappa"] == pytest.approx(1.0)
    assert out["observed"] == 1.0 and out["n"] == 5


def test_agreement_hand_computed_and_missing() -> None:
    # Cohen's kappa: po = 3/4, pe = 1/2*1/4 + 1/2*3/4 = 1/2 -> 0.5
    out = ev.agreement([1, 1, 0, 0, None], [1, 0, 0, 0, 1])
    assert out["n"] == 4 and out["observed"] == 0.75
    assert out["kappa"] == pytest.approx(0.5)
    assert out["alpha"] == pytest.approx(1 - (2 / 8) / (2 * 3 * 5 / (8 * 7)))
    constant = ev.agreement([0, 0, 0], [0, 0, 0])
    assert constant["observed"] == 1.0 and np.isnan(constant["kappa"])
    with pytest.raises(ValueError):
        ev.agreement([1], [1, 0])


# ---------------------------------------------------------------- grouped cross-validation

class _Spy:
    """A model that remembers what it was trained on and predicts the majority label."""

    seen: list[list[str]] = []

    def get_params(self, deep: bool = True) -> dict[str, object]:
        return {}

    def set_params(self, **params: object) -> _Spy:
        return self

    def fit(self, x: list[str], y: list[object]) -> _Spy:
        _Spy.seen.append(list(x))
        self.label_ = pd.Series(y).mode().iloc[0]
        return self

    def predict(self, x: list[str]) -> np.ndarray:
        return np.array([self.label_] * len(x), dtype=object)


def test_grouped_cv_never_trains_on_the_held_out_article() -> None:
    groups = ["a", "a", "b", "b", "b", "c", "c"]
    texts = [f"{g}{i}" for i, g in enumerate(groups)]
    labels = [1, 0, 1, 1, 0, 0, 1]
    splits = ev.grouped_splits(groups)
    assert len(splits) == 3
    g = np.array(groups)
    for train, test in splits:
        assert len(set(g[test])) == 1
        assert not set(g[train]) & set(g[test])
        assert sorted([*train, *test]) == list(range(len(groups)))
    _Spy.seen = []
    pred = ev.cross_validated_predictions(texts, labels, groups, make_model=_Spy)
    assert len(pred) == len(groups) and len(_Spy.seen) == 3
    for (_, test), seen in zip(splits, _Spy.seen, strict=True):
        held_out = g[test][0]
        assert not any(t.startswith(held_out) for t in seen)


def test_tfidf_logreg_learns_within_folds() -> None:
    coop = ["Moscou et Washington coopèrent étroitement", "accord de coopération signé",
            "les deux pays coopèrent", "une coopération utile"]
    conf = ["les bombardements continuent", "attaque terroriste meurtrière",
            "bombardements et attaques", "une attaque a eu lieu"]
    texts = [coop[0], conf[0], coop[1], conf[1], coop[2], conf[2], coop[3], conf[3]]
    labels = [1, 0, 1, 0, 1, 0, 1, 0]
    groups = [0, 0, 1, 1, 2, 2, 3, 3]
    pred = ev.cross_validated_predictions(texts, labels, groups)
    assert (pred.astype(int) == np.array(labels)).mean() >= 0.75
    assert "de" in ev.french_stop_words() and "coopération" not in ev.french_stop_words()


def test_tone_relation_needs_both_actors() -> None:
    rel = ev.tone_relation([0.6, -0.6, 0.0, 0.6], ["RUS;USA", "USA;SYR;RUS", "RUS;USA", "RUS"])
    assert list(rel) == ["coop", "conf", "none", "none"]


# ---------------------------------------------------------------- the seeds (real scorer)

#: Full scorer's F1 on the seed annotations when this test was written, rounded DOWN
#: to 2 decimals. A regression floor: never loosen it to make a change pass.
F1_FLOOR = {"coop": 0.99, "conf": 0.93, "rus_usa": 0.79}


@pytest.fixture(scope="module")
def seed_metrics() -> pd.DataFrame:
    return ev.evaluate_seeds()


def test_evaluate_seeds_schema(seed_metrics: pd.DataFrame) -> None:
    assert list(seed_metrics.columns) == ev.METRIC_COLUMNS
    assert set(seed_metrics["method"]) == set(ev.METHODS)
    assert set(seed_metrics["target"]) == set(ev.TARGETS)
    assert (seed_metrics["n"] > 0).all() and (seed_metrics["support"] > 0).all()
    ok = seed_metrics.dropna(subset=["f1_low", "f1_high"])
    assert (ok["f1_low"] <= ok["f1_high"]).all()


@pytest.mark.parametrize("target", ["coop", "conf", "rus_usa"])
def test_full_scorer_f1_does_not_regress(seed_metrics: pd.DataFrame, target: str) -> None:
    row = seed_metrics.set_index(["method", "target"]).loc[("scorer_full", target)]
    assert row["f1"] >= F1_FLOOR[target], (
        f"scorer_full F1 on {target} fell to {row['f1']:.4f}, below the floor {F1_FLOOR[target]}")
