"""Written probes: frozen by hash, checked labels, measured; test probes' errors unread."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths, probes

HEADER = "id,date,genre,text,coop,conf,dyads,rus_usa,note\n"
ROWS = ("p-001,2022-03-01,wire,Washington a imposé de nouvelles sanctions à Moscou.,0,1,"
        "RUS|USA|conf,conf,\n"
        "p-002,2022-03-02,headline,Paris et Berlin signent un accord,1,0,DEU|FRA|coop,none,\n")


def _probe_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str = ROWS,
               role: str = "test", digest: str | None = None) -> Path:
    (tmp_path / "p.csv").write_text(HEADER + body, encoding="utf-8")
    digest = digest or hashlib.sha256((tmp_path / "p.csv").read_bytes()).hexdigest()
    (tmp_path / "manifest.csv").write_text(
        ",".join(probes.MANIFEST_COLUMNS) + f"\np,{role},p.csv,{digest},W,2026-11-27,2,x\n",
        encoding="utf-8")
    monkeypatch.setattr(paths, "PROBES", tmp_path)
    probes._load_probe.cache_clear()
    probes._predictions.cache_clear()
    return tmp_path


def test_every_committed_probe_matches_its_hash_and_validates() -> None:
    table = probes.manifest()
    for entry in table.itertuples(index=False):
        gold = probes.load_probe(entry.probe)
        assert len(gold) == int(entry.sentences)
        gold.loc[:, "coop"] = 9  # a caller's change does not reach the next call
        assert set(probes.load_probe(entry.probe)["coop"]) <= {0, 1}


def test_a_changed_probe_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _probe_dir(tmp_path, monkeypatch, digest="0" * 64)
    with pytest.raises(ValueError, match=r"p\.csv: sha256 .* frozen once written"):
        probes.load_probe("p")


@pytest.mark.parametrize(("row", "message"), [
    ("p-001,2022-03-01,wire,x,0,1,RUS|USA|conf,none,\n", "rus_usa 'none' disagrees"),
    ("p-001,2022-03-01,wire,x,0,0,RUS|USA|conf,conf,\n", "a conf dyad with coop=0, conf=0"),
    ("p-001,2022-03-01,blog,x,0,0,,none,\n", "genre must be one of"),
    ("p-001,2022-03-01,wire,x,2,0,,none,\n", "coop and conf must be 0 or 1"),
])
def test_bad_probe_rows_name_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           row: str, message: str) -> None:
    _probe_dir(tmp_path, monkeypatch, body=row)
    with pytest.raises(ValueError, match=r"p\.csv: line 2") as err:
        probes.load_probe("p")
    assert message in str(err.value)


def test_metrics_and_errors_by_role(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _probe_dir(tmp_path, monkeypatch)
    table = probes.probe_metrics(methods=("scorer_lexical",), n_boot=20)
    row = table[(table["target"] == "rus_usa_conf")].iloc[0]
    assert (row["probe"], row["role"], row["n"], row["support"]) == ("p", "test", 2, 1)
    with pytest.raises(ValueError, match="test probe"):
        probes.probe_errors("p")
    _probe_dir(tmp_path, monkeypatch, role="development")
    errors = probes.probe_errors("p", "scorer_lexical")
    assert set(errors.columns) >= {"id", "text", "dyads", "dyads_sys", "evidence_sys"}
    assert isinstance(errors, pd.DataFrame)


def test_command_line_prints_and_writes_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _probe_dir(tmp_path, monkeypatch)
    out = tmp_path / "table.csv"
    probes.main(["--methods", "scorer_lexical", "--targets", "rus_usa_conf", "--out", str(out)])
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 1 and printed[0].startswith("p ") and "rus_usa_conf" in printed[0]
    assert set(pd.read_csv(out)["target"]) == {"coop", "conf", "pair_coop", "pair_conf",
                                               "rus_usa_conf"}
