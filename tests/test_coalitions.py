"""Coalitions and blocs (codebook D17): a member's relation named, or via its coalitions."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from factories import make_scored

from analysis import compare
from analysis.compare import selection
from analysis.tables import Scored, typed_frame


def _dyads(*rows: tuple) -> pd.DataFrame:
    """Typed dyads from (article_id, sentence_id, actor_a, actor_b, relation[, source, target])."""
    records = []
    for aid, sid, a, b, rel, *direction in rows:
        source, target = direction or ("", "")
        records.append({"article_id": aid, "sentence_id": sid, "actor_a": a, "actor_b": b,
                        "source": source, "target": target, "relation": rel,
                        "category": "COERCE", "quad_class": "material_conf", "weight": -4.0,
                        "negated": False, "modality": "asserted", "evidence": "geler[COERCE]"})
    return typed_frame(records, "dyads")


def _members(out: pd.DataFrame, via: str, other: str) -> set[str]:
    rows = out[out["via"] == via]
    return {a if b == other else b for a, b in zip(rows["actor_a"], rows["actor_b"], strict=True)}


# ---------------------------------------------------------------- expand_coalitions

def test_members_by_date_finland_joins_nato_and_britain_leaves_the_eu():
    d = _dyads(("n22", 1, "NATO", "RUS", "conf"), ("n24", 1, "NATO", "RUS", "conf"),
               ("e_in", 1, "EU", "RUS", "conf"), ("e_out", 1, "EU", "RUS", "conf"))
    dates = {"n22": "2022-06-01", "n24": pd.Timestamp("2024-06-01"), "e_in": "2020-01-31",
             "e_out": "2020-02-01"}
    out = compare.expand_coalitions(d, dates)
    n22 = _members(out[out["article_id"] == "n22"], "NATO", "RUS")
    n24 = _members(out[out["article_id"] == "n24"], "NATO", "RUS")
    assert "FIN" not in n22 and "FIN" in n24 and "SWE" in n24
    assert {"USA", "FRA", "GBR", "TUR"} <= n22
    assert "GBR" in _members(out[out["article_id"] == "e_in"], "EU", "RUS")  # end day included
    assert "GBR" not in _members(out[out["article_id"] == "e_out"], "EU", "RUS")


def test_without_a_date_the_members_are_those_whose_term_has_no_end():
    d = _dyads(("x", 1, "EU", "RUS", "conf"), ("y", 1, "EU", "RUS", "conf"))
    for dates in (None, {"x": "", "y": None}, pd.Series({"x": pd.NaT, "y": math.nan})):
        out = compare.expand_coalitions(d, dates)
        for aid in ("x", "y"):
            members = _members(out[out["article_id"] == aid], "EU", "RUS")
            assert "GBR" not in members and {"FIN", "HRV", "FRA"} <= members


def test_rows_are_ordered_pairs_follow_their_dyad_and_keep_the_direction():
    d = _dyads(("a", 1, "RUS", "WEST", "conf", "WEST", "RUS"), ("a", 2, "RUS", "USA", "coop"))
    out = compare.expand_coalitions(d, {"a": "2022-03-01"})
    assert list(out.columns) == [*d.columns, "via"]
    assert (out["actor_a"] < out["actor_b"]).all()
    assert list(out["via"][:2]) == ["", "WEST"] and out["via"].iloc[-1] == ""
    usa = out[(out["via"] == "WEST") & (out["actor_b"] == "USA")].iloc[0]
    assert (usa["actor_a"], usa["source"], usa["target"]) == ("RUS", "USA", "RUS")
    aut = out[(out["via"] == "WEST") & (out["actor_a"] == "AUT")].iloc[0]
    assert (aut["actor_b"], aut["source"], aut["target"]) == ("RUS", "AUT", "RUS")
    assert str(out["sentence_id"].dtype) == str(d["sentence_id"].dtype)


def test_no_self_pair_and_members_are_not_related_to_each_other():
    d = _dyads(("a", 1, "NATO", "USA", "coop"), ("a", 2, "FRA", "WEST", "conf"))
    out = compare.expand_coalitions(d, {"a": "2024-06-01"})
    assert (out["actor_a"] != out["actor_b"]).all()
    assert (out["via"] == "").all() and len(out) == 2  # a member and its own coalition


def test_a_member_named_in_the_sentence_keeps_its_own_relation():
    d = _dyads(("a", 1, "NATO", "RUS", "conf"), ("a", 1, "RUS", "USA", "coop"),
               ("a", 1, "FRA", "UKR", "coop"), ("a", 2, "NATO", "RUS", "conf"))
    out = compare.expand_coalitions(d, {"a": "2022-06-01"})
    s1 = out[out["sentence_id"] == 1]
    rus_usa = s1[(s1["actor_a"] == "RUS") & (s1["actor_b"] == "USA")]
    assert list(rus_usa["relation"]) == ["coop"] and list(rus_usa["via"]) == [""]
    assert "FRA" not in _members(s1, "NATO", "RUS")  # named in the sentence, with someone else
    assert {"USA", "FRA"} <= _members(out[out["sentence_id"] == 2], "NATO", "RUS")


def test_a_custom_coalition_table_and_coalitions_sharing_members():
    table = pd.DataFrame({"coalition": ["AA", "AA", "BB", "BB"], "member": ["X", "Y", "Y", "Z"],
                          "start": ["2000-01-01"] * 4, "end": ["", "", "", "2010-12-31"]})
    d = _dyads(("a", 1, "AA", "BB", "coop"))
    out = compare.expand_coalitions(d, {"a": "2005-01-01"}, coalitions=table)
    inferred = set(zip(out["actor_a"], out["actor_b"], out["via"], strict=True)) - {("AA", "BB", "")}
    assert inferred == {("BB", "X", "AA"), ("AA", "Z", "BB")}  # Y is in both: no Y–AA, no Y–BB


def test_dyads_without_coalitions_are_returned_with_an_empty_via():
    d = _dyads(("a", 1, "RUS", "USA", "coop"))
    out = compare.expand_coalitions(d)
    assert list(out["via"]) == [""]
    pd.testing.assert_frame_equal(out.drop(columns="via"), d)
    assert compare.expand_coalitions(d.iloc[:0])["via"].empty


# ---------------------------------------------------------------- the comparisons

def _west_article() -> Scored:
    """One RUS–USA cooperation sentence, two in which the West (not the US) sanctions Russia."""
    return make_scored([{"article_id": "w1", "outlet": "Alpha", "published": "2022-03-01",
                         "sentences": [
                             {"text": "Moscou et Washington ont convenu d'un échange.", "coop": 1,
                              "dyads": [("RUS", "USA", "coop")]},
                             {"text": "Les Occidentaux ont gelé les avoirs russes.", "conf": 1,
                              "dyads": [("RUS", "WEST", "conf")]},
                             {"text": "L'OTAN a condamné la Russie.", "conf": 1,
                              "dyads": [("NATO", "RUS", "conf")]}]}])


def test_via_changes_the_rus_usa_index():
    scored = _west_article()
    named = compare.outlet_measures(scored).iloc[0]
    via = compare.outlet_measures(scored, coalitions="via").iloc[0]
    assert (named["rususa_n"], named["rususa_net"]) == (1, 1.0)
    assert via["rususa_n"] == 3 and via["rususa_net"] == pytest.approx(-1 / 3)
    art = compare.article_measures(scored, coalitions="via").iloc[0]
    assert art["rususa_net"] == pytest.approx(-1 / 3)
    boot = compare.bootstrap_outlets(scored, n_boot=50, measures=["rususa_net"], coalitions="via")
    assert boot["estimate"].iloc[0] == pytest.approx(-1 / 3)
    net = compare.actor_network(scored, coalitions="via").set_index(["actor_a", "actor_b"])
    assert net.loc[("RUS", "USA"), ["n_sentences", "n_coop", "n_conf", "n_via"]].tolist() == [3, 1, 2, 2]
    assert net.loc[("RUS", "USA"), "net_index"] == pytest.approx(-1 / 3)
    assert "n_via" not in compare.actor_network(scored).columns
    # Finland: in the West (an EU member) in March 2022, not yet in NATO
    assert net.loc[("FIN", "RUS"), ["n_sentences", "n_via"]].tolist() == [1, 1]
    assert net.loc[("FRA", "RUS"), ["n_sentences", "n_via"]].tolist() == [2, 2]
    with pytest.raises(ValueError, match="coalitions"):
        compare.actor_network(scored, coalitions="members")  # type: ignore[arg-type]


def test_default_is_named_and_never_expands(seeds_scored, monkeypatch):
    before = {
        "network": compare.actor_network(seeds_scored),
        "outlets": compare.outlet_measures(seeds_scored),
        "articles": compare.article_measures(seeds_scored),
        "boot": compare.bootstrap_outlets(seeds_scored, n_boot=100),
        "perm": compare.permutation_tests(seeds_scored, "rususa_net", n_perm=99),
    }

    def refuse(*args, **kwargs):
        raise AssertionError("the default must not expand coalitions")

    monkeypatch.setattr(selection, "expand_coalitions", refuse)
    after = {
        "network": compare.actor_network(seeds_scored, coalitions="named"),
        "outlets": compare.outlet_measures(seeds_scored),
        "articles": compare.article_measures(seeds_scored, coalitions="named"),
        "boot": compare.bootstrap_outlets(seeds_scored, n_boot=100),
        "perm": compare.permutation_tests(seeds_scored, "rususa_net", n_perm=99),
    }
    for name, frame in before.items():
        pd.testing.assert_frame_equal(frame, after[name], obj=name)
        assert frame.to_csv(index=False) == after[name].to_csv(index=False)
        assert "via" not in frame.columns and "n_via" not in frame.columns
    monkeypatch.undo()
    via = compare.actor_network(seeds_scored, coalitions="via")  # the seeds name no coalition
    pd.testing.assert_frame_equal(via.drop(columns="n_via"), before["network"])
    assert (via["n_via"] == 0).all()
