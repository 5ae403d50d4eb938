"""Figures for any corpus: a generated corpus of 2,000 articles and 12 outlets (no spaCy scoring).

Every figure stays within 2400 px a side, no two of its labels overlap (tick
labels, article labels, node labels, cell texts: measured with the renderer),
its caption gives the corpus's n, the unknown outlet is "unknown", a small
outlet gets the anecdote caveat and the large ones do not, and
``framing figures --scored DIR`` writes into ``DIR/figures`` and nowhere else.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import matplotlib as mpl
import pandas as pd
import pytest
from factories import CORPUS_OUTLETS, make_corpus
from matplotlib.figure import Figure

from analysis import cli, figures, paths
from analysis.figures.regenerate import plan
from analysis.tables import write_tables

N_ARTICLES = 2000
#: Cheaper settings where a figure has them (fewer bootstrap resamples, word forms): the layout is
#: what is tested here; the defaults are tested on the seeds (test_figures.py).
CHEAP = {"net_index": {"n_boot": 200}, "voice": {"n_boot": 200}, "distinctive_terms": {"mode": "fast"}}


@pytest.fixture(scope="module")
def corpus():
    return make_corpus(N_ARTICLES)


@pytest.fixture(scope="module")
def drawn(corpus) -> dict[str, tuple[Figure, pd.DataFrame]]:
    """Every figure of the generated corpus, drawn once (laid out, as saved)."""
    out = {}
    for name, func in figures.FIGURE_FUNCTIONS.items():
        fig, data = func(corpus, **CHEAP.get(name, {}))
        with figures.style():
            fig.draw_without_rendering()
        out[name] = (fig, data)
    return out


def _texts(fig: Figure) -> list[mpl.text.Text]:
    return [t for t in fig.findobj(mpl.text.Text) if t.get_visible() and t.get_text().strip()]


def _words(fig: Figure) -> str:
    """Every visible text of the figure, wrapped lines joined by single spaces."""
    return " ".join(" ".join(t.get_text() for t in _texts(fig)).split())


def _overlapping(texts: list[mpl.text.Text], renderer) -> list[tuple[str, str]]:
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    return [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes, 2)
            if ba.overlaps(bb) and ba.width > 0 and bb.width > 0]


def _drawn_ticks(ax, which: str) -> list[mpl.text.Text]:
    """The tick labels the renderer draws: the axes shown, the tick inside the view limits."""
    if not ax.axison:
        return []
    axis, (lo, hi) = (ax.xaxis, ax.get_xlim()) if which == "x" else (ax.yaxis, ax.get_ylim())
    lo, hi = min(lo, hi), max(lo, hi)
    out = []
    for tick in axis.get_major_ticks():
        label = tick.label1
        pos = label.get_position()[0 if which == "x" else 1]
        if label.get_visible() and label.get_text().strip() and lo - 1e-9 <= pos <= hi + 1e-9:
            out.append(label)
    return out


def _label_groups(fig: Figure) -> list[list[mpl.text.Text]]:
    """Texts that must not overlap each other: each axis' tick labels, each axes' own texts."""
    groups = []
    for ax in fig.get_axes():
        groups += [_drawn_ticks(ax, "x"), _drawn_ticks(ax, "y")]
        groups.append([t for t in ax.texts if t.get_visible() and t.get_text().strip()])
    return groups


def _figure_texts(fig) -> list[mpl.text.Text]:
    """Texts of the figure and its subfigures (titles, footnotes) and of their legends."""
    out = list(fig.texts) + [t for legend in fig.legends for t in legend.get_texts()]
    for sub in fig.subfigs:
        out += _figure_texts(sub)
    return out


def _cut(fig: Figure) -> list[str]:
    """Texts that run past the figure's edge (a title cut, a colour-bar label cut)."""
    renderer = fig._get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    texts = [t for group in _label_groups(fig) for t in group]
    texts += _figure_texts(fig)
    for ax in fig.get_axes():
        texts += [ax.xaxis.label, ax.yaxis.label, ax.title, ax._left_title]
    out = []
    for t in texts:
        box = t.get_window_extent(renderer)
        if t.get_text().strip() and (box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1
                                     or box.y1 > height + 1):
            out.append(t.get_text()[:40])
    return out


@pytest.mark.parametrize("name", sorted(figures.FIGURE_FUNCTIONS))
def test_pixel_size_is_bounded(drawn, name):
    fig, data = drawn[name]
    width, height = fig.get_size_inches() * figures.DPI
    assert width <= 2400 and height <= 2400, (name, width, height)
    assert len(data) > 0


@pytest.mark.parametrize("name", sorted(figures.FIGURE_FUNCTIONS))
def test_no_labels_overlap(drawn, name):
    fig, _ = drawn[name]
    renderer = fig._get_renderer()
    for group in _label_groups(fig):
        assert not _overlapping(group, renderer), name


@pytest.mark.parametrize("name", sorted(figures.FIGURE_FUNCTIONS))
def test_no_text_runs_past_the_edge(drawn, name):
    assert not _cut(drawn[name][0]), name


def test_one_unknown_outlet_without_metadata_is_readable():
    """The case of the issue: 158 articles without metadata, all from one unknown outlet."""
    one = make_corpus(158, seed=7, outlets=["", ""])
    for name, func in figures.FIGURE_FUNCTIONS.items():
        fig, _ = func(one, **CHEAP.get(name, {}))
        with figures.style():
            fig.draw_without_rendering()
        assert not _cut(fig), name
        renderer = fig._get_renderer()
        for group in _label_groups(fig):
            assert not _overlapping(group, renderer), name
        assert "n = 158 articles" in _words(fig), name
        assert "inconnu" not in _words(fig), name


@pytest.mark.parametrize("name", sorted(figures.FIGURE_FUNCTIONS))
def test_caption_gives_the_corpus_n_and_no_blanket_anecdote(drawn, name):
    text = _words(drawn[name][0])
    assert f"n = {N_ARTICLES} articles" in text, name
    assert "Every outlet here rests on 1 article" not in text
    assert "one article per outlet is an anecdote" not in text


@pytest.mark.parametrize("name", ["plane", "net_index", "strips", "voice", "timeline", "network"])
def test_only_the_small_outlet_is_called_too_few(drawn, name):
    text = _words(drawn[name][0])
    assert "Kappa: 3 articles: too few" in text, name
    assert "Agence Alpha: " not in text


@pytest.mark.parametrize("name", sorted(figures.FIGURE_FUNCTIONS))
def test_unknown_outlet_in_english(drawn, name):
    fig, data = drawn[name]
    assert "inconnu" not in _words(fig), name
    if "outlet" in data:
        assert "inconnu" not in set(data["outlet"]), name
    if name in ("net_index", "voice", "timeline", "strips"):
        ticks = {t.get_text() for ax in fig.get_axes() for t in ax.get_yticklabels()}
        assert any(t.startswith("unknown") for t in ticks), name


def test_many_articles_get_densities_not_labels(drawn):
    fig, data = drawn["plane"]
    assert not [t for t in fig.get_axes()[0].texts if t.get_gid() == "article-label"]
    assert set(data["row"]) == {"article", "outlet"}
    outlets = data[data["row"] == "outlet"]
    assert len(outlets) == len(CORPUS_OUTLETS)
    assert (outlets["coop_low"] <= outlets["coop_share"]).all()
    assert (outlets["coop_share"] <= outlets["coop_high"]).all()
    _, strips = drawn["strips"]
    assert list(strips.columns) == ["outlet", "part", "frame", "n_sentences", "share"]
    assert strips.groupby(["outlet", "part"])["share"].sum().round(6).eq(1).all()


def test_a_date_from_the_text_far_from_the_corpus_is_left_out(drawn, corpus):
    fig, data = drawn["timeline"]
    row = data.set_index("article_id").loc["00007_gen"]
    assert (row["best_date"], row["date_from"], row["status"]) == ("1917-03-08", "text",
                                                                   "outside the corpus's dates")
    assert len(data) == N_ARTICLES  # every article has a row and a status
    assert set(data["status"]) == {"plotted", "outside the corpus's dates", "no date"}
    lo, hi = (mpl.dates.num2date(x).year for x in fig.get_axes()[0].get_xlim())
    assert 2016 <= lo and hi <= 2019
    assert "00007 (1917-03-08)" in _words(fig)


def test_network_draws_the_top_actors_and_counts_the_rest(drawn):
    fig, data = drawn["network"]
    nodes = set(data["actor_a"]) | set(data["actor_b"])
    assert len(nodes) == 12
    panels = [ax for ax in fig.get_axes() if ax.texts]
    assert len(panels) == 9
    assert all(len(ax.texts) == 12 for ax in panels)
    text = _words(fig)
    assert "And 10 more actors" in text and "And 3 more outlets" in text


def test_thirty_outlets_stay_within_bounds():
    many = make_corpus(150, seed=1, outlets=[f"Outlet number {i}" for i in range(29)] + [""])
    for name in ("net_index", "voice", "strips", "network", "portrayal", "timeline"):
        fig, data = figures.FIGURE_FUNCTIONS[name](many, **CHEAP.get(name, {}))
        width, height = fig.get_size_inches() * figures.DPI
        assert width <= 2400 and height <= 2400, (name, width, height)
        with figures.style():
            fig.draw_without_rendering()
        renderer = fig._get_renderer()
        for group in _label_groups(fig):
            assert not _overlapping(group, renderer), name


# ---------------------------------------------------------------- framing figures --scored

def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def cheap_figures(monkeypatch):
    """The same figure functions, with fewer resamples: the tests using it are about files."""
    for name, options in CHEAP.items():
        func = figures.FIGURE_FUNCTIONS[name]
        monkeypatch.setitem(figures.FIGURE_FUNCTIONS, name,
                            lambda tables, func=func, options=options: func(tables, **options))


def test_framing_figures_scored_writes_beside_the_tables(tmp_path, capsys, cheap_figures):
    write_tables(make_corpus(80, seed=2), tmp_path / "run")
    before = _digest(paths.FIGURES)
    assert cli.main(["figures", "--scored", str(tmp_path / "run")]) == 0
    assert _digest(paths.FIGURES) == before, "framing figures --scored wrote into the repository"
    made = {p.name for p in (tmp_path / "run" / "figures").iterdir()}
    assert made == {f"{n}.{ext}" for n in figures.FIGURE_FUNCTIONS for ext in ("png", "csv")}
    err = capsys.readouterr().err
    assert "validation: not drawn" in err and "checklist: not drawn" in err
    assert cli.main(["figures", "--scored", str(tmp_path / "run"), "--out", str(tmp_path / "elsewhere"),
                     "--quiet"]) == 0
    assert (tmp_path / "elsewhere" / "plane.png").exists()
    assert capsys.readouterr().err == ""


def test_annotations_give_the_corpus_its_own_validation_figure(tmp_path, capsys, cheap_figures):
    from analysis.reliability import annotation_sample

    corpus = make_corpus(80, seed=8)
    write_tables(corpus, tmp_path / "run")
    sample = annotation_sample(corpus, n=40, seed=1)
    system = corpus.sentences.set_index(["article_id", "sentence_id"])
    keys = list(zip(sample["article_id"], sample["sentence_id"], strict=True))
    sample["coop"] = [int(system.at[k, "coop"]) for k in keys]
    sample["conf"] = [int(system.at[k, "conf"]) if i % 5 else 1 - int(system.at[k, "conf"])
                      for i, k in enumerate(keys)]  # the annotator disagrees on one in five
    sample.to_csv(tmp_path / "labels.csv", index=False)
    assert cli.main(["figures", "--scored", str(tmp_path / "run"), "--annotations",
                     str(tmp_path / "labels.csv"), "--quiet"]) == 0
    data = pd.read_csv(tmp_path / "run" / "figures" / "validation.csv").set_index("target")
    assert data.at["coop", "f1"] == pytest.approx(1.0) and data.at["conf", "f1"] < 1.0
    assert (data["n"] == 40).all()
    assert not (tmp_path / "run" / "figures" / "checklist.png").exists()
    assert cli.main(["figures", "--annotations", str(tmp_path / "labels.csv")]) == 2
    assert "--annotations needs --scored" in capsys.readouterr().err


def test_figures_plan_follows_the_tables(tmp_path):
    with_actors = make_corpus(20, seed=3)
    names, skipped = plan(with_actors, every=False)
    assert names == list(figures.FIGURE_FUNCTIONS)
    assert {"validation", "validation_heldout", *figures.INSTRUMENT_FIGURES} == set(skipped)
    without = type(with_actors)(with_actors.articles, with_actors.sentences, with_actors.dyads)
    names, skipped = plan(without, every=False)
    assert "portrayal" not in names and "--stance" in skipped["portrayal"]
    names, _ = plan(without, every=True)
    assert {"portrayal", "validation", "checklist"} <= set(names)


def test_a_fast_mode_corpus_gets_word_forms_not_a_spacy_parse(monkeypatch):
    from analysis.figures import regenerate

    corpus = make_corpus(20, seed=6)
    corpus.articles["mode"] = "fast"
    seen = {}
    monkeypatch.setitem(figures.FIGURE_FUNCTIONS, "distinctive_terms",
                        lambda tables, **options: seen.update(options) or (None, None))
    regenerate._draw("distinctive_terms", corpus, None)
    assert seen == {"mode": "fast"}


def test_figures_help_describes_every_option():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices["figures"]
    for action in sub._actions:
        assert action.help, action.dest
    assert "seeds" in sub.format_help() and "DIR/figures" in sub.format_help()


# ---------------------------------------------------------------- small corpora keep their form

def test_a_small_corpus_keeps_one_labelled_mark_per_article():
    small = make_corpus(20, seed=4)
    fig, data = figures.plane(small)
    assert "row" not in data and len(data) == 20
    labels = [t for t in fig.get_axes()[0].texts if t.get_gid() == "article-label"]
    assert labels and len(labels) <= 20  # labels that would overlap are left out, never drawn over
    renderer = fig._get_renderer()
    assert not _overlapping(labels, renderer)
    _, strips = figures.strips(small)
    assert list(strips.columns) == ["article_id", "outlet", "position", "sentence_id", "kind", "voice",
                                    "frame"]
    fig, _ = figures.timeline(small)
    assert [t for t in fig.get_axes()[0].texts if t.get_gid() == "article-label"]


def test_without_metadata_dates_a_far_date_from_the_text_is_still_left_out():
    corpus = make_corpus(60, seed=5)
    arts = corpus.articles.copy()
    published = arts["published"].astype(object).where(arts["published"].notna(), "")
    mentioned = arts["dates_mentioned"].astype(object).where(arts["dates_mentioned"].notna(), "")
    arts["dates_mentioned"] = [p or m for p, m in zip(published, mentioned, strict=True)]
    arts["published"] = None
    _, data = figures.timeline(type(corpus)(arts, corpus.sentences, corpus.dyads))
    assert (data["date_from"].isin(["text", "none"])).all()
    assert data.set_index("article_id").at["00007_gen", "status"] == "outside the corpus's dates"
    assert (data.loc[data["best_date"].str.startswith("201"), "status"] == "plotted").all()


def test_report_caveat_follows_the_actual_n():
    from analysis.report import _small_n_caveat

    def arts(counts: dict[str, int]) -> list[dict]:
        return [{"outlet": o, "status": "ok"} for o, n in counts.items() for _ in range(n)]

    assert "one article per outlet" in _small_n_caveat(arts({"A": 1, "B": 1}))
    assert _small_n_caveat(arts({"A": 80, "B": 78})) == ""
    mixed = _small_n_caveat(arts({"A": 80, "B": 3}))
    assert "B (3)" in mixed and "A (" not in mixed and "one article per outlet" not in mixed
