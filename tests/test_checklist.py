"""The behavioural test suite (analysis.checklist): its data, its machinery, and a ratchet.

The suite is meant to reveal failures, so most of its cases may fail; what must
not happen is that the scorer gets worse: per capability and test type, the full
mode's failure rate may not exceed the one committed in
``tests/golden/checklist_rates.tsv``. After an improvement, lower the committed
rates with ``python -m analysis.checklist --mode full --rates tests/golden/checklist_rates.tsv``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import checklist as cl

GOLDEN = Path(__file__).parent / "golden" / "checklist_rates.tsv"


@pytest.fixture(scope="session")
def cases() -> pd.DataFrame:
    return cl.expand_cases()


@pytest.fixture(scope="session")
def full_results(cases: pd.DataFrame) -> pd.DataFrame:
    """The whole suite in full mode, once per session (about 1,100 short sentences)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cl.run_checklist("full", cases=cases)


# ---------------------------------------------------------------- the data

def test_every_capability_has_enough_cases(cases: pd.DataFrame):
    sizes = cases.groupby("capability").size()
    assert len(sizes) >= 20
    assert (sizes >= cl.MIN_CASES).all(), sizes[sizes < cl.MIN_CASES].to_dict()
    for kind in ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
                 "REJECT", "THREATEN", "DEMAND", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                 "ASSAULT"):
        assert f"vocab.{kind}" in sizes.index
    assert set(cases["test_type"]) == {"MFT", "INV", "DIR"}


def test_every_expected_label_is_valid(cases: pd.DataFrame):
    codes = cl.valid_codes()
    bad = {c["case_id"]: p for c in cases.to_dict("records") if (p := cl.label_problems(c, codes))}
    assert not bad, bad
    assert cases["case_id"].is_unique
    assert cases["date"].str.fullmatch(r"\d{4}-\d\d-\d\d").all()


def test_templates_are_consistent():
    templates = cl.load_templates()
    by_id = templates.set_index("id")
    assert templates["id"].is_unique
    for t in templates[templates["test_type"] == "DIR"].to_dict("records"):
        base = by_id.loc[t["base"]]
        assert base["test_type"] == "MFT" and base["fills"] == t["fills"], t["id"]
        assert (base["expect_coop"], base["expect_conf"]) != (t["expect_coop"], t["expect_conf"])
    for t in templates[templates["test_type"] == "INV"].to_dict("records"):
        product, _, _, _ = cl._parse_fills(t["fills"])
        assert len(product) >= 2, f"{t['id']}: an INV template varies its actors"
    assert not templates.loc[templates["test_type"] != "DIR", "base"].any()


def test_data_headers():
    for name, columns in ((cl.CASES_FILE, cl.CASE_COLUMNS), (cl.FILLS_FILE, cl.FILL_COLUMNS)):
        header = cl._table(name, columns).header
        assert header["version"] == "1.0.0" and header["date"] == "2026-11-26"
        assert "CODEBOOK.md" in header["sources"] and header["license"]


# ---------------------------------------------------------------- the machinery

def _fill(value: str, code: str = "-", number: str = "sg", date: str = "") -> cl.Fill:
    return cl.Fill(value, code, number, date)


def test_render_fills_phrases_agreement_and_contractions():
    chosen = {"A": _fill("les États-Unis", "USA", "pl"), "B": _fill("le Kremlin", "RUS"),
              "V": _fill("{A|a|ont} parlé à {B} et de {B}")}
    assert cl.render("{A} {V}.", chosen) == "Les États-Unis ont parlé au Kremlin et du Kremlin."
    assert cl.render("«le rôle de {A}»", {"A": _fill("Ankara", "TUR")}) == "«Le rôle d'Ankara»"


def test_assignments_rotate_and_keep_codes_distinct():
    fills = {"X": [_fill("Moscou", "RUS"), _fill("Washington", "USA")],
             "Y": [_fill("la Russie", "RUS"), _fill("Kiev", "UKR")]}
    rotated = cl.assignments("A~X;B~Y;n=3", fills)
    assert [(a["A"].code, a["B"].code) for a in rotated] == [("RUS", "UKR"), ("USA", "UKR"),
                                                            ("RUS", "UKR")]
    product = cl.assignments("A=X;B=Y", fills)
    assert [(a["A"].code, a["B"].code) for a in product] == [("RUS", "UKR"), ("USA", "RUS"),
                                                            ("USA", "UKR")]
    assert len(cl.assignments("A=X;B=X;same=1", fills)) == 4


def _judged(rows: list[dict[str, object]]) -> pd.DataFrame:
    base = {"expect_voice": "*", "expect_modality": "*", "expect_speaker": "", "sys_voice": "narrator",
            "sys_modality": "asserted", "sys_speaker": "", "n_sentences": 1, "base_case": "",
            "expect_direction": "", "sys_direction": "", "slot_direction": "", "text": "t"}
    return cl._judge(pd.DataFrame([{**base, **r} for r in rows]))


def test_judge_mft_inv_and_dir():
    mft = {"case_id": "m#00", "template_id": "m", "test_type": "MFT", "expect_coop": 0,
           "expect_conf": 1, "expect_dyads": "RUS|USA|conf", "slot_dyads": "{A}|{B}|conf",
           "slots": "A=USA;B=RUS", "sys_coop": 1, "sys_conf": 1, "sys_dyads": "RUS|USA|mixed"}
    inv = [{**mft, "case_id": f"i#{k}", "template_id": "i", "test_type": "INV", "slots": slots,
            "sys_dyads": dyads, "sys_direction": direction}
           for k, (slots, dyads, direction) in enumerate([
               ("A=USA;B=RUS", "RUS|USA|conf", "USA>RUS"), ("A=RUS;B=USA", "RUS|USA|conf", "RUS>USA"),
               ("A=CHN;B=UKR", "CHN|UKR|conf", "CHN>UKR"), ("A=UKR;B=CHN", "CHN|UKR|conf", "CHN>UKR")])]
    dirs = [{**mft, "case_id": "d#00", "template_id": "d", "test_type": "DIR", "base_case": "m#00",
             "sys_coop": 1, "sys_conf": 1, "sys_dyads": "RUS|USA|conf"}]
    out = _judged([mft, *inv, *dirs]).set_index("case_id")
    assert out.loc["m#00", "failure"] == "coop: got 1, want 0; dyad RUS|USA: got mixed, want conf"
    assert list(out.loc[["i#0", "i#1", "i#2", "i#3"], "passed"]) == [True, True, True, False]
    assert "DIR: coop/conf unchanged" in out.loc["d#00", "failure"]
    assert not out.loc["d#00", "passed"]


def test_inv_tie_goes_to_the_cases_that_meet_their_labels():
    row = {"template_id": "i", "test_type": "INV", "expect_coop": 0, "expect_conf": 1,
           "expect_dyads": "RUS|USA|conf", "slot_dyads": "{A}|{B}|conf", "slots": "A=USA;B=RUS",
           "sys_coop": 0, "sys_conf": 1}
    out = _judged([{**row, "case_id": "i#0", "sys_dyads": ""}, {**row, "case_id": "i#1", "sys_dyads": ""},
                   {**row, "case_id": "i#2", "sys_dyads": "RUS|USA|conf"},
                   {**row, "case_id": "i#3", "sys_dyads": "RUS|USA|conf"}])
    assert list(out["passed"]) == [False, False, True, True]


def test_case_documents_carry_their_date(cases: pd.DataFrame):
    case = cases[cases["template_id"] == "date-5"].iloc[0]
    assert case["date"] == "2022-02-23"
    assert cl._article(case).meta["published"] == "2022-02-23"


# ---------------------------------------------------------------- the scorer

def test_full_mode_is_no_worse_than_committed(full_results: pd.DataFrame):
    rates = cl.failure_rates(full_results).set_index(["capability", "test_type"])
    golden = pd.read_csv(GOLDEN, sep="\t", comment="#").set_index(["capability", "test_type"])
    assert list(rates.index) == list(golden.index) and (rates["n"] == golden["n"]).all(), (
        "the suite changed: regenerate tests/golden/checklist_rates.tsv (see this module's doc)")
    worse = rates[rates["rate"] > golden["rate"] + 1e-9]
    assert worse.empty, "failure rate rose:\n" + pd.concat(
        [worse["rate"], golden.loc[worse.index, "rate"].rename("committed")], axis=1).to_string()


def test_full_results_have_every_column(full_results: pd.DataFrame, cases: pd.DataFrame):
    assert len(full_results) == len(cases)
    for col in ("sys_coop", "sys_conf", "sys_dyads", "sys_direction", "sys_voice", "sys_modality",
                "passed", "failure", "labels_ok"):
        assert col in full_results
    assert (full_results["passed"] == (full_results["failure"] == "")).all()
    # a document the reader does not take for French is not scored: a failure, said so
    unscored = full_results[full_results["n_sentences"] == 0]
    assert unscored["failure"].str.contains("not scored").all()
    assert len(unscored) < len(full_results) / 20


@pytest.mark.parametrize("mode", ["fast", "lexical"])
def test_sanity_rows_in_other_modes(cases: pd.DataFrame, mode: str):
    """Control sentences ("X a attaqué Y", "X a rencontré des représentants de Y") pass in every mode."""
    controls = cases[cases["template_id"].isin(["mod-12", "mod-13"])]
    results = cl.run_checklist(mode, cases=controls)  # type: ignore[arg-type]
    assert len(results) == 4 and set(results["mode"]) == {mode}
    assert results["passed"].all(), results.loc[~results["passed"], ["text", "failure"]].to_string()
