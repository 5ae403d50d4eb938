"""Comparing outlets: measures, uncertainty, vocabulary, actors, naming, wire copy, dates.

Synthetic tables follow docs/tables.md exactly (the column lists of
analysis.pipeline); the seed tests use the real scorer's output.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from factories import article, make_scored

from analysis import compare
from analysis.pipeline import (
    ARTICLE_SCORE_COLUMNS,
    DYAD_COLUMNS,
    SENTENCE_COLUMNS,
    Scored,
)


@pytest.fixture(scope="module")
def two_outlets() -> Scored:
    """Alpha frames cooperation (and says "samovar"), Beta conflict; six articles each."""
    specs = [article(f"a{i}", "Alpha", 8, 1, 2, seed=i, extra_word="samovar") for i in range(6)]
    specs += [article(f"b{i}", "Beta", 1, 8, 2, seed=100 + i) for i in range(6)]
    return make_scored(specs)


@pytest.fixture(scope="module")
def seed_like() -> Scored:
    """Five seed-like articles: an agency copy, an unknown outlet, a page clock, a near-duplicate."""
    base = article("000", "Sputnik France", 2, 5, 3, seed=1, published="2017-11-11")
    copy = article("005", "Autre site", 2, 5, 3, seed=1, published="2017-11-12")
    copy["sentences"] = [dict(s) for s in base["sentences"]]
    copy["sentences"][-2] = {"text": "Une phrase ajoutée par le second site pour conclure."}
    specs = [
        base,
        article("001", "SANA", 4, 3, 2, seed=2, published="2016-12-23"),
        article("002", "", 5, 2, 4, seed=3, published="", dates_mentioned="2017-11-21;2017-11-20"),
        article("003", "al-Manar", 3, 2, 1, seed=4, published="",
                 page_timestamp="2024-11-24T07:45", dates_mentioned="2015-09-28;2015-09-29"),
        article("004", "People's Daily Online", 3, 3, 2, seed=5, agency="Xinhua",
                 published="2017-01-31"),
        copy,
        article("006", "SANA", 1, 1, 1, seed=6, page_timestamp="2024-01-01"),
        {"article_id": "007", "outlet": "Vide", "status": "empty"},
    ]
    return make_scored(specs)


@pytest.fixture(scope="module")
def seeds(seeds_scored: Scored) -> Scored:
    """The seeds scored once per session (tests/conftest.py)."""
    return seeds_scored


# ---------------------------------------------------------------- fixtures follow the docs

def test_synthetic_tables_have_the_documented_columns(seed_like):
    assert list(seed_like.articles.columns) == ARTICLE_SCORE_COLUMNS
    assert list(seed_like.sentences.columns) == SENTENCE_COLUMNS
    assert list(seed_like.dyads.columns) == DYAD_COLUMNS


# ---------------------------------------------------------------- measures

def test_empty_outlet_is_inconnu_and_only_ok_articles_count(seed_like):
    m = compare.outlet_measures(seed_like)
    assert compare.UNKNOWN_OUTLET in set(m["outlet"])
    assert "Vide" not in set(m["outlet"])  # status "empty": never compared
    assert compare.sort_outlets(m["outlet"])[-1] == compare.UNKNOWN_OUTLET


def test_outlet_measures_pool_sentences_and_carry_n(two_outlets):
    m = compare.outlet_measures(two_outlets).set_index("outlet")
    assert m.loc["Alpha", "n_articles"] == 6
    assert m.loc["Alpha", "n_body"] == 6 * 11
    assert m.loc["Alpha", "n_sentences"] == 6 * 12  # headlines count as scored sentences
    assert m.loc["Alpha", "coop_share"] == pytest.approx(48 / 66)
    assert m.loc["Beta", "net_index"] == pytest.approx((6 - 48) / (6 + 48))
    # sentence ids repeat across articles: RUS–USA sentences of every article must count
    assert m.loc["Alpha", "rususa_n"] == 6 * (4 + 1)
    assert m.loc["Alpha", "warning"] == ""
    assert m.loc["Alpha", "speakers"].startswith("Lavrov")


def test_article_measures_match_the_pipeline(seed_like):
    a = compare.article_measures(seed_like).set_index("article_id")
    arts = seed_like.articles.set_index("article_id")
    for col in ("n_body", "coop_share", "conf_share", "net_index", "rususa_net", "quoted_net"):
        np.testing.assert_allclose(a[col].astype(float), arts.loc[a.index, col].astype(float))
    assert (a["n_articles"] == 1).all()


def test_small_outlets_carry_a_plain_warning(seed_like):
    m = compare.outlet_measures(seed_like).set_index("outlet")
    assert m.loc["al-Manar", "warning"] == "1 article: an anecdote, not an outlet's framing"
    assert "2 articles" in m.loc["SANA", "warning"]
    assert compare.small_n_warning(5) == ""


def test_voice_and_headline_measures(two_outlets):
    v = compare.voice_measures(two_outlets)
    shares = v.groupby("outlet")["share_of_body"].sum()
    np.testing.assert_allclose(shares, 1.0)
    assert set(v["voice"]) == {"narrator", "quoted"}
    h = compare.headline_measures(two_outlets).set_index(["outlet", "part"])
    assert h.loc[("Beta", "headline"), "net_index"] == 1.0  # every headline is cooperative
    assert h.loc[("Beta", "body"), "net_index"] < 0
    spk = compare.speaker_counts(two_outlets)
    beta = spk[spk["outlet"] == "Beta"].set_index("speaker")
    assert beta.loc["Tillerson", "n_sentences"] == 6 * 4
    assert beta.loc["Tillerson", "n_articles"] == 6


# ---------------------------------------------------------------- uncertainty

def test_bootstrap_intervals_contain_the_estimate_and_are_deterministic(two_outlets, seed_like):
    for tables in (two_outlets, seed_like):
        b = compare.bootstrap_outlets(tables, n_boot=500, random_state=0)
        defined = b.dropna(subset=["estimate"])
        assert len(defined) > 0
        assert (defined["low"] <= defined["estimate"] + 1e-12).all()
        assert (defined["estimate"] <= defined["high"] + 1e-12).all()
        again = compare.bootstrap_outlets(tables, n_boot=500, random_state=0)
        pd.testing.assert_frame_equal(b, again)
    zero = compare.bootstrap_outlets(seed_like, n_boot=500, random_state=0)
    one = compare.bootstrap_outlets(seed_like, n_boot=500, random_state=1)
    assert not zero[["low", "high"]].equals(one[["low", "high"]])


def test_bootstrap_estimates_equal_outlet_measures(seed_like):
    b = compare.bootstrap_outlets(seed_like, n_boot=200).set_index(["outlet", "measure"])
    m = compare.outlet_measures(seed_like).set_index("outlet")
    for outlet in m.index:
        for measure in ("coop_share", "conf_share", "net_index", "rususa_net", "quoted_share"):
            est, want = b.loc[(outlet, measure), "estimate"], m.loc[outlet, measure]
            assert (math.isnan(est) and math.isnan(want)) or est == pytest.approx(want)


def test_bootstrap_of_a_unanimous_outlet_has_no_spread():
    tables = make_scored([article(f"u{i}", "Unanime", 5, 0, 0, seed=i) for i in range(3)])
    b = compare.bootstrap_outlets(tables, n_boot=300).set_index("measure")
    assert b.loc["coop_share", "low"] == b.loc["coop_share", "high"] == 1.0
    assert b.loc["net_index", "low"] == 1.0


def test_bootstrap_interval_is_wider_with_fewer_articles(two_outlets):
    few = make_scored([article("a0", "Alpha", 8, 1, 2, seed=0), article("b0", "Beta", 1, 8, 2, seed=100)])
    wide = compare.bootstrap_outlets(few, n_boot=1000).set_index(["outlet", "measure"])
    narrow = compare.bootstrap_outlets(two_outlets, n_boot=1000).set_index(["outlet", "measure"])
    key = ("Alpha", "coop_share")
    assert (wide.loc[key, "high"] - wide.loc[key, "low"]) > (narrow.loc[key, "high"] - narrow.loc[key, "low"])


def test_permutation_p_value_small_for_clearly_different_outlets(two_outlets):
    t = compare.permutation_test(two_outlets, "Alpha", "Beta", n_perm=999).iloc[0]
    assert 0 <= t["p_value"] <= 1
    assert t["exact"]  # C(12, 6) = 924 splits ≤ 999: every split enumerated
    assert t["p_value"] < 0.01
    assert t["difference"] > 1


def test_permutation_p_value_large_for_alike_outlets_and_one_for_two_articles():
    alike = make_scored([article(f"x{i}", "X" if i % 2 else "Y", 3, 3, 2, seed=i) for i in range(12)])
    t = compare.permutation_test(alike, "X", "Y", n_perm=200, random_state=0).iloc[0]
    assert 0 <= t["p_value"] <= 1 and t["p_value"] > 0.5
    assert not t["exact"]
    again = compare.permutation_test(alike, "X", "Y", n_perm=200, random_state=0)
    assert again.iloc[0]["p_value"] == t["p_value"]
    pair = make_scored([article("a", "A", 9, 0, 0, seed=1), article("b", "B", 0, 9, 0, seed=2)])
    one = compare.permutation_test(pair, "A", "B").iloc[0]
    assert one["p_value"] == 1.0 and one["n_perm"] == 2
    assert "anecdote" in one["warning"]


def test_resampling_in_small_chunks_gives_the_same_exact_test(two_outlets, monkeypatch):
    whole = compare.permutation_test(two_outlets, "Alpha", "Beta", n_perm=999).iloc[0]
    monkeypatch.setattr(compare.uncertainty, "_CHUNK", 40)  # a few splits per chunk, as for a huge corpus
    chunked = compare.permutation_test(two_outlets, "Alpha", "Beta", n_perm=999).iloc[0]
    assert chunked["p_value"] == whole["p_value"] and chunked["n_perm"] == 924
    b = compare.bootstrap_outlets(two_outlets, n_boot=300)
    assert (b["low"] <= b["estimate"]).all() and (b["estimate"] <= b["high"]).all()


def test_permutation_tests_cover_every_pair(seed_like):
    t = compare.permutation_tests(seed_like, n_perm=99)
    n = len(compare.outlet_order(seed_like))
    assert len(t) == n * (n - 1) // 2
    assert t["p_value"].dropna().between(0, 1).all()


# ---------------------------------------------------------------- vocabulary

def test_weighted_log_odds_picks_a_word_only_one_group_uses():
    counts = pd.DataFrame({
        "outlet": ["A", "A", "A", "B", "B", "B"],
        "lemma": ["guerre", "accord", "samovar", "guerre", "accord", "trêve"],
        "count": [10, 10, 12, 10, 10, 1],
    })
    lo = compare.weighted_log_odds(counts)
    a = lo[lo["outlet"] == "A"].set_index("lemma")
    assert a["z"].idxmax() == "samovar"
    assert a.loc["samovar", "z"] > 1.96
    assert a.loc["guerre", "z"] == pytest.approx(a.loc["accord", "z"])
    b = lo[lo["outlet"] == "B"].set_index("lemma")
    assert b.loc["samovar", "z"] < 0


def test_distinctive_terms_on_spacy_lemmas(two_outlets):
    terms = compare.distinctive_terms(two_outlets, top=5)
    alpha = terms[terms["outlet"] == "Alpha"]
    assert alpha.iloc[0]["lemma"] == "samovar"
    assert alpha.iloc[0]["count_other"] == 0
    assert set(terms["lemma"]).isdisjoint({"le", "de", "et", "."})
    lemmas = compare.lemma_counts(two_outlets)
    assert not lemmas["lemma"].str.contains(r"^\d", regex=True).any()


# ---------------------------------------------------------------- actors and names

def test_actor_network_counts_sentences_per_pair(two_outlets):
    net = compare.actor_network(two_outlets).set_index(["outlet", "actor_a", "actor_b"])
    assert net.loc[("Alpha", "RUS", "USA"), "n_coop"] == 6 * 4
    assert net.loc[("Alpha", "RUS", "USA"), "n_conf"] == 6 * 1
    assert net.loc[("Alpha", "RUS", "USA"), "n_sentences"] == 6 * 5
    assert net.loc[("Beta", "IS", "RUS"), "n_conf"] == 6 * 4
    assert net.loc[("Beta", "IS", "RUS"), "net_index"] == -1


def test_actor_naming_shows_which_name_each_outlet_uses():
    actors = pd.DataFrame({
        "alias": ["daech", "daesh", "état islamique", "ei", "poutine", "vladimir poutine", "russe",
                  "président"],
        "code": ["IS", "IS", "IS", "IS", "RUS", "RUS", "RUS", "*"],
        "kind": ["group"] * 4 + ["leader", "leader", "adjective", "title"],
        "label": ["Daech", "Daech", "État islamique", "EI", "Vladimir Poutine", "Vladimir Poutine",
                  "russe", "président"],
        "note": [""] * 8})
    tables = make_scored([
        {"article_id": "a", "outlet": "A", "sentences": [
            {"text": "Daech a frappé, selon le président russe Vladimir Poutine.", "conf": 1},
            {"text": "Les combattants de DAESH reculent.", "conf": 1}]},
        {"article_id": "b", "outlet": "B", "sentences": [
            {"text": "L’État islamique (EI) recule ; Poutine parle.", "conf": 1}]},
    ])
    names = compare.actor_naming(tables, actors=actors).set_index(["outlet", "code", "label"])
    assert names.loc[("A", "IS", "Daech"), "n_mentions"] == 2
    assert names.loc[("A", "IS", "Daech"), "share"] == 1.0
    assert names.loc[("A", "IS", "Daech"), "aliases"] == "daech (1); daesh (1)"
    assert names.loc[("B", "IS", "État islamique"), "share"] == 0.5
    assert names.loc[("B", "IS", "EI"), "share"] == 0.5
    # the longest name wins: "Vladimir Poutine" is not also counted as "Poutine"
    assert names.loc[("A", "RUS", "Vladimir Poutine"), "aliases"] == "vladimir poutine (1)"
    assert not {"russe", "président"} & set(names.index.get_level_values("label"))


def test_actor_naming_reads_the_alliance_only_with_a_capital():
    actors = pd.DataFrame({"alias": ["alliés", "otan"], "code": ["NATO", "NATO"],
                           "kind": ["institution"] * 2, "label": ["OTAN", "OTAN"], "note": ["", ""]})
    tables = make_scored([
        {"article_id": "a", "outlet": "A", "sentences": [
            {"text": "Moscou et ses alliés syriens ont rejeté l'offre.", "conf": 1},
            {"text": "Les Alliés ont promis une aide à Kiev.", "coop": 1}]},
    ])
    names = compare.actor_naming(tables, actors=actors).set_index(["outlet", "code", "label"])
    assert names.loc[("A", "NATO", "OTAN"), "n_mentions"] == 1


# ---------------------------------------------------------------- wire copy

def test_wire_marks_agency_credit_and_near_duplicates(seed_like):
    w = compare.mark_wire(seed_like).set_index("article_id")
    assert w.loc["004", "is_wire"] and "Xinhua" in w.loc["004", "wire_reason"]
    assert w.loc["000", "is_wire"] and w.loc["000", "near_duplicate_of"] == "005"
    assert w.loc["005", "is_wire"] and w.loc["005", "near_duplicate_of"] == "000"
    assert w.loc["000", "jaccard"] >= 0.5
    assert not w.loc["001", "is_wire"] and w.loc["001", "wire_reason"] == ""
    assert "007" not in w.index


def test_include_wire_false_drops_agency_copy(seed_like):
    every = compare.outlet_measures(seed_like, include_wire=True)
    own = compare.outlet_measures(seed_like, include_wire=False)
    assert "People's Daily Online" in set(every["outlet"])
    assert "People's Daily Online" not in set(own["outlet"])
    assert own["n_wire"].sum() == 0
    arts = compare.article_measures(seed_like, include_wire=False)
    assert not arts["is_wire"].any()


def test_shingle_jaccard():
    a = compare.shingles("un deux trois quatre cinq six")
    assert len(a) == 2
    assert compare.jaccard(a, a) == 1.0
    assert compare.jaccard(a, compare.shingles("autre chose tout à fait différente")) == 0.0


# ---------------------------------------------------------------- dates

def test_best_date_never_uses_page_timestamp(seed_like):
    d = compare.best_dates(seed_like).set_index("article_id")
    assert d.loc["003", "best_date"] == "2015-09-28"
    assert d.loc["003", "date_source"] == "dates_mentioned"
    assert d.loc["006", "best_date"] == "" and d.loc["006", "date_source"] == "none"
    assert pd.isna(d.loc["006", "date"])
    assert d.loc["000", "date_source"] == "published"
    assert not d["best_date"].str.startswith("2024").any()


def test_partial_dates_keep_their_precision():
    tables = make_scored([article("p", "P", 1, 1, 1, seed=0, published="2017-11")])
    d = compare.best_dates(tables).iloc[0]
    assert d["best_date"] == "2017-11" and d["date_precision"] == "month"
    assert d["date"] == pd.Timestamp(2017, 11, 1)


# ---------------------------------------------------------------- the real seeds

def test_seed_003_best_date_ignores_the_2024_archive_clock(seeds):
    d = compare.best_dates(seeds).set_index("article_id")
    row = d.loc["003_fae3f241c8e18dc7"]
    assert not row["best_date"].startswith("2024")
    assert row["best_date"].startswith("2015-09")


def test_seed_outlets_and_wire_copy(seeds):
    m = compare.outlet_measures(seeds)
    assert len(m) == 5 and (m["n_articles"] == 1).all()
    assert (m["warning"] == "1 article: an anecdote, not an outlet's framing").all()
    assert compare.UNKNOWN_OUTLET in set(m["outlet"])  # seed 002: outlet unknown
    w = compare.mark_wire(seeds).set_index("article_id")
    assert w.loc["004_c8547742e4edcbef", "is_wire"]  # Xinhua copy
    assert w.loc["003_fae3f241c8e18dc7", "is_wire"]  # "Avec AFP"
    assert not w.loc["000_6dfd0f7db67c22f2", "is_wire"]
    assert (w["jaccard"] < 0.5).all()  # no two seeds are the same dispatch


def test_seed_bootstrap_is_deterministic(seeds):
    a = compare.bootstrap_outlets(seeds, n_boot=300)
    b = compare.bootstrap_outlets(seeds, n_boot=300)
    pd.testing.assert_frame_equal(a, b)
    defined = a.dropna(subset=["estimate"])
    assert ((defined["low"] <= defined["estimate"]) & (defined["estimate"] <= defined["high"])).all()
