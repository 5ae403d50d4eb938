"""Figures: each function returns a figure and its numbers; main() is byte-stable and complete.

Also checks the contract with the notebooks: every PNG in figures/ is made by
analysis.figures.main and shown by a notebook, and notebooks hold no
definitions (analysis logic lives in the package).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib as mpl
import pandas as pd
import pytest
from factories import article, make_scored
from matplotlib.figure import Figure

from analysis import compare, figures, paths
from analysis.pipeline import Scored, write_tables

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def synthetic_evaluation() -> pd.DataFrame:
    """A stand-in for analysis.evaluate.evaluate_seeds(), with its documented columns."""
    rows = []
    for i, method in enumerate(figures.VALIDATION_METHODS):
        for j, target in enumerate(figures.VALIDATION_TARGETS):
            if target == "boilerplate" and method in ("vader", "textblob"):
                continue  # tone tools have no boilerplate target
            f1 = 0.3 + 0.1 * i + 0.05 * j
            rows.append({"method": method, "target": target, "precision": f1, "recall": f1, "f1": f1,
                         "f1_low": f1 - 0.2, "f1_high": min(1.0, f1 + 0.15),
                         "n": 81 if target == "boilerplate" else 64, "support": 10 + j})
    return pd.DataFrame(rows, columns=["method", "target", "precision", "recall", "f1", "f1_low",
                                       "f1_high", "n", "support"])


@pytest.fixture(scope="module")
def seeds(seeds_scored: Scored) -> Scored:
    """The seeds scored once per session (tests/conftest.py)."""
    return seeds_scored


@pytest.fixture(scope="module")
def seeds_folder(seeds_scored_folder: Path) -> Path:
    return seeds_scored_folder


@pytest.fixture(scope="module")
def synthetic() -> Scored:
    specs = [article(f"a{i}", "Alpha", 6, 2, 2, seed=i, extra_word="samovar") for i in range(3)]
    specs += [article(f"b{i}", "Beta", 2, 6, 2, seed=10 + i) for i in range(2)]
    specs += [article("c0", "", 3, 3, 1, seed=20, agency="AFP", published="",
                       dates_mentioned="2016-05-02", page_timestamp="2024-11-24")]
    return make_scored(specs)


@pytest.fixture(scope="module")
def main_runs(seeds_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """main() twice into two fresh folders, from the same scored seed tables, every figure as for
    the seeds' run (``every=True``: the validation figures and portrayal too)."""
    first, second = tmp_path_factory.mktemp("figs1"), tmp_path_factory.mktemp("figs2")
    assert figures.main(scored=seeds_folder, out=first, quiet=True, every=True) == 0
    assert figures.main(scored=seeds_folder, out=second, quiet=True, every=True) == 0
    return first, second


# ---------------------------------------------------------------- every figure function

@pytest.mark.parametrize("name", sorted(figures.FIGURE_FUNCTIONS))
def test_each_figure_returns_a_figure_and_its_numbers(name, seeds, synthetic):
    for tables in (seeds, synthetic):
        fig, data = figures.FIGURE_FUNCTIONS[name](tables)
        assert isinstance(fig, Figure)
        assert isinstance(data, pd.DataFrame) and len(data) > 0
        assert fig.get_axes(), "the figure draws nothing"


def test_validation_figure_from_the_documented_schema():
    fig, data = figures.validation(synthetic_evaluation())
    assert isinstance(fig, Figure) and len(data) == len(synthetic_evaluation())
    assert list(data.columns) == ["method", "target", "f1", "f1_low", "f1_high", "n", "support"]
    titles = " ".join(ax.get_title(loc="left") for ax in fig.get_axes())
    assert "n = 64" in titles and "boilerplate" in titles


def synthetic_news_metrics() -> pd.DataFrame:
    """A stand-in for analysis.newsvalidation.news_metrics("test"), with its documented columns."""
    rows = []
    for i, method in enumerate(("scorer_full", "scorer_fast", "scorer_lexical", "vader")):
        for j, (target, support) in enumerate((("coop", 36), ("conf", 37), ("pair_coop", 29),
                                               ("pair_conf", 21), ("rus_usa_conf", 1))):
            f1 = 0.2 + 0.1 * i + 0.05 * j
            rows.append({"split": "test", "method": method, "target": target, "precision": f1,
                         "recall": f1, "f1": f1, "f1_low": f1 - 0.15, "f1_high": f1 + 0.1,
                         "n": 126, "support": support, "predicted": support + i})
    return pd.DataFrame(rows)


def _texts(fig: Figure) -> str:
    return " ".join(t.get_text() for t in fig.findobj(mpl.text.Text))


def test_news_validation_figure_from_the_documented_schema():
    metrics = synthetic_news_metrics()
    fig, data = figures.news_validation(metrics)
    assert isinstance(fig, Figure) and len(fig.get_axes()) >= 5
    assert list(data.columns) == figures.NEWS_COLUMNS
    pd.testing.assert_frame_equal(data, metrics[figures.NEWS_COLUMNS])
    text = _texts(fig)
    assert "test half, n = 126" in text
    assert "support = 36 gold sentences" in text and "support = 21 gold pairs" in text
    assert "rus_usa_conf rests on 1 gold positive: an anecdote" in text


def synthetic_rates() -> pd.DataFrame:
    """A stand-in for analysis.checklist.failure_rates(...): per capability and test type."""
    rows = [("actor_name", "INV", 12, 0, 0), ("actor_name", "MFT", 36, 0, 0),
            ("negation", "DIR", 15, 3, 0), ("negation", "MFT", 45, 9, 6),
            ("vocab.AID", "MFT", 32, 20, 20)]
    rates = pd.DataFrame(rows, columns=["capability", "test_type", "n", "failed", "frame_failed"])
    return rates.assign(rate=(rates["failed"] / rates["n"]).round(4))


def test_checklist_rates_figure_sums_test_types_and_sorts():
    fig, data = figures.checklist_rates(synthetic_rates())
    assert isinstance(fig, Figure) and fig.get_axes()
    assert list(data.columns) == figures.CHECKLIST_COLUMNS
    assert list(data["capability"]) == ["vocab.AID", "negation", "actor_name"]  # highest first
    negation = data.set_index("capability").loc["negation"]
    assert (negation["n"], negation["failed"], negation["test_types"]) == (60, 12, "DIR+MFT")
    assert negation["rate"] == pytest.approx(0.2) and not negation["meets_target"]
    assert data.set_index("capability").at["actor_name", "meets_target"]
    text = _texts(fig)
    assert "12/60" in text and "0/48" in text and f"{figures.CHECKLIST_TARGET * 100:.0f} %" in text
    ax = fig.get_axes()[0]
    assert any(list(line.get_xdata()) == [10.0, 10.0] for line in ax.get_lines()), "no 10 % line"


def test_regeneration_registers_the_instrument_figures():
    assert figures.INSTRUMENT_FIGURES == {"news_validation": figures.news_validation,
                                          "checklist": figures.checklist_rates,
                                          "learning_curve": figures.learning_curve}
    assert not set(figures.INSTRUMENT_FIGURES) & set(figures.FIGURE_FUNCTIONS)


def test_figures_say_n_and_anecdote(seeds):
    for name in ("plane", "net_index", "strips", "voice", "timeline"):
        fig, _ = figures.FIGURE_FUNCTIONS[name](seeds)
        text = " ".join(t.get_text() for t in fig.findobj(mpl.text.Text))
        assert "n = " in text, name
        assert "anecdote" in text, name


def test_net_index_data_holds_intervals_and_n(seeds):
    _, data = figures.net_index(seeds)
    every = data[data["copy"] == "all articles"].dropna(subset=["estimate"])
    assert (every["low"] <= every["estimate"]).all() and (every["estimate"] <= every["high"]).all()
    assert (every["n_articles"] == 1).all()
    assert every["warning"].str.contains("anecdote").all()
    # agency copy (Xinhua, AFP) is left out of the second series
    own = set(data.loc[data["copy"] == "without agency copy", "outlet"])
    assert "People's Daily Online" not in own


def test_timeline_never_plots_a_page_clock(seeds, synthetic):
    for tables in (seeds, synthetic):
        _, data = figures.timeline(tables)
        assert not data["best_date"].str.startswith("2024").any()
    _, data = figures.timeline(synthetic)
    assert data.set_index("article_id").loc["c0", "date_source"] == "dates_mentioned"


def test_network_uses_a_fixed_layout(seeds):
    _, one = figures.network(seeds)
    _, two = figures.network(seeds)
    pd.testing.assert_frame_equal(one, two)
    assert {"x_a", "y_a", "x_b", "y_b"} <= set(one.columns)


def test_distinctive_terms_figure_picks_the_outlets_word(synthetic):
    _, data = figures.distinctive_terms(synthetic)
    alpha = data[data["outlet"] == "Alpha"].sort_values("rank")
    assert alpha.iloc[0]["lemma"] == "samovar"


# ---------------------------------------------------------------- style

def test_style_comes_from_the_package_and_restores_rcparams():
    before = mpl.rcParams["font.sans-serif"][:]
    with figures.style():
        assert mpl.rcParams["font.sans-serif"][0] == "DejaVu Sans"
        assert mpl.rcParams["axes.prop_cycle"].by_key()["color"][0].upper() == "#E69F00"
    assert mpl.rcParams["font.sans-serif"] == before


def test_french_text_renders_with_dejavu_sans():
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"), fallback_to_default=False)
    assert Path(path).name == "DejaVuSans.ttf"
    font = font_manager.get_font(path)
    assert all(font.get_char_index(ord(c)) for c in "éèêàçÉœ«»ï−–")


# ---------------------------------------------------------------- saving and main()

def test_save_figure_is_byte_stable(synthetic, tmp_path):
    for run in ("a", "b"):
        fig, data = figures.plane(synthetic)
        figures.save_figure(fig, data, "plane", tmp_path / run)
    for ext in ("png", "csv"):
        one, two = tmp_path / "a" / f"plane.{ext}", tmp_path / "b" / f"plane.{ext}"
        assert one.read_bytes() == two.read_bytes()
    png = (tmp_path / "a" / "plane.png").read_bytes()
    assert b"Software" not in png and b"matplotlib" not in png.lower()
    csv = (tmp_path / "a" / "plane.csv").read_text()
    assert "\r" not in csv
    assert re.search(r"\d\.\d{4}(,|$)", csv, re.M)


def test_main_twice_gives_identical_files(main_runs):
    first, second = main_runs
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert {f"{n}.png" for n in [*figures.FIGURE_FUNCTIONS, *figures.INSTRUMENT_FIGURES]} <= set(names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_main_reads_the_folder_it_is_given(synthetic, tmp_path):
    write_tables(synthetic, tmp_path / "tables")
    assert figures.main(scored=tmp_path / "tables", out=tmp_path / "figs", quiet=True) == 0
    plane = pd.read_csv(tmp_path / "figs" / "plane.csv")
    assert set(plane["article_id"]) == {"a0", "a1", "a2", "b0", "b1", "c0"}


def _code_cells(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def test_every_figure_is_made_by_main_and_shown_by_a_notebook(main_runs):
    """figures/ holds exactly what analysis.figures.main writes, each figure shown by a notebook
    (the reading report's screenshot lives in docs/, with the numbers it shows)."""
    made = {p.stem for p in main_runs[0].glob("*.png")}
    committed = {p.stem for p in paths.FIGURES.glob("*.png")}
    assert committed == made, "figures/ differs from what analysis.figures.main writes: rerun it"
    assert paths.REPORT_SCREENSHOT.exists() and paths.REPORT_NUMBERS.exists()
    code = "\n".join(src for nb in NOTEBOOKS for src in _code_cells(nb))
    for name in sorted(made):
        assert re.search(rf"\b{name}\b", code), f"no notebook shows figure {name!r}"


def test_notebooks_hold_no_definitions():
    assert NOTEBOOKS, "no notebooks found"
    for nb in NOTEBOOKS:
        for src in _code_cells(nb):
            assert not re.search(r"^\s*(async\s+def|def|class)\s", src, re.M), f"{nb.name} defines code"


def test_compare_outputs_feed_the_figures(seeds):
    """The figures' numbers are the compare module's, not a second computation."""
    _, plane = figures.plane(seeds)
    arts = compare.article_measures(seeds).set_index("article_id")
    for r in plane.itertuples(index=False):
        assert r.coop_share == pytest.approx(arts.loc[r.article_id, "coop_share"] * 100)
