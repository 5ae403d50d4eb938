"""The Python API (issue 16): strings, DataFrames, and the scorer's evidence."""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import paths
from analysis.corpora import make_documents
from analysis.pipeline import score, score_text
from analysis.read import InputWarning
from analysis.scoring import FrameScorer
from analysis.scoring.estimator import EVENT_COLUMNS, EXPLAIN_COLUMNS
from analysis.tables import ARTICLE_SCORE_COLUMNS, DYAD_COLUMNS, SENTENCE_COLUMNS

TEXT = ("La Russie et les États-Unis ont signé un accord de coopération.\n"
        "Moscou a condamné les frappes américaines en Syrie.")
#: ``transform`` and ``explain`` read each text as one paragraph: a line break is no sentence end
ONE_LINE = TEXT.replace("\n", " ")


def test_exported_lazily():
    assert analysis.score_text is score_text
    assert analysis.score is score
    assert "score_text" in analysis.__all__
    code = "import sys, analysis; print('spacy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=paths.ROOT, check=True).stdout.split()
    assert out == ["False", "False"]


def test_score_text_one_string():
    scored = score_text(TEXT, mode="fast", tone=False)
    assert list(scored.articles.columns) == ARTICLE_SCORE_COLUMNS
    assert list(scored.sentences.columns) == SENTENCE_COLUMNS
    assert list(scored.dyads.columns) == DYAD_COLUMNS
    art = scored.articles.iloc[0]
    assert (art["article_id"], art["status"], art["n_sentences"]) == ("text-1", "ok", 2)
    assert scored.sentences["frame"].tolist() == ["cooperation", "conflict"]
    assert set(scored.dyads["actor_a"] + "-" + scored.dyads["actor_b"]) >= {"RUS-USA"}


def test_score_text_many_with_ids_and_metadata():
    scored = score_text([TEXT, "", "Titre\nLa Russie coopère avec la Chine."], mode="lexical",
                        ids=["a", "b", "c"], outlet="Le Monde",
                        published=["2017-01-31", "", "2018-05-01"], title="first-line",
                        tone=False)
    arts = scored.articles.set_index("article_id")
    assert arts["status"].to_dict() == {"a": "ok", "b": "empty", "c": "ok"}
    assert set(arts["outlet"]) == {"Le Monde"}
    assert arts.loc["a", "published"] == "2017-01-31"
    assert arts.loc["c", "title"] == "Titre"
    assert arts.loc["a", "title"] == TEXT.splitlines()[0]
    assert (arts["path"] == ["<text>#0", "<text>#1", "<text>#2"]).all()
    with pytest.raises(ValueError, match="2 ids for 3 texts"):
        score_text(["x", "y", "z"], ids=["a", "b"], mode="lexical")
    with pytest.raises(TypeError):
        score_text([TEXT, 3], mode="lexical")  # type: ignore[list-item]


def test_score_text_gives_the_rows_of_the_same_file():
    """A seed's text as a string, with its sidecar date, scores exactly as the file does."""
    seed = next(paths.SEEDS.glob("003_*.txt"))
    meta = pd.read_csv(paths.SEEDS / "metadata.csv", dtype=str, keep_default_na=False)
    published = meta.set_index("article_id").loc[seed.stem, "published"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        from_file = score(seed, mode="fast", tone=False)
        from_text = score_text(seed.read_text("utf-8"), mode="fast", ids=[seed.stem],
                               published=published, tone=False)
    assert from_file.articles.loc[0, "published"] == published
    pd.testing.assert_frame_equal(from_text.sentences, from_file.sentences)
    pd.testing.assert_frame_equal(from_text.dyads, from_file.dyads)
    measures = ["n_sentences", "n_coop", "n_conf", "net_index", "rususa_net", "headline_net"]
    pd.testing.assert_frame_equal(from_text.articles[measures], from_file.articles[measures])


def test_score_dataframe_with_metadata_columns():
    df = pd.DataFrame({
        "article_id": ["x1", "", "x1", None],
        "text": [TEXT, "Moscou et Washington coopèrent.", TEXT.upper(), np.nan],
        "outlet": ["Le Figaro", None, "RT France", "Libération"],
        "published": ["2017-01-31", "", None, "2017-02-01"],
        "title": ["Un titre", "", None, ""],
        "section": ["monde", "monde", "monde", "monde"],  # other columns are ignored
    }, index=[10, 11, 12, 13])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scored = score(df, mode="lexical", tone=False)
    arts = scored.articles
    assert arts["article_id"].tolist() == ["x1", "text-2", "x1~2", "text-4"]
    assert arts["status"].tolist() == ["ok", "ok", "ok", "empty"]
    assert arts["outlet"].fillna("").tolist() == ["Le Figaro", "", "RT France", "Libération"]
    assert arts["outlet_source"].tolist()[0] == "table"
    assert arts["title"].tolist()[0] == "Un titre"
    assert arts["published"].fillna("").tolist() == ["2017-01-31", "", "", "2017-02-01"]
    assert set(scored.sentences["article_id"]) == {"x1", "text-2", "x1~2"}
    messages = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
    assert any("renamed 'x1~2'" in m for m in messages)
    assert any("<DataFrame>#3: empty" in m for m in messages)


def test_score_dataframe_takes_an_id_column_by_any_reader_name():
    df = pd.DataFrame({"id": ["a", ""], "text": ["Moscou coopère.", "Washington coopère."]})
    scored = score(df, mode="lexical", tone=False)
    assert scored.articles["article_id"].tolist() == ["a", "text-2"]


def test_score_dataframe_errors():
    with pytest.raises(ValueError, match="no text column"):
        score(pd.DataFrame({"contenu": ["Moscou"]}), mode="lexical")
    with pytest.raises(ValueError, match="outlet='folder'"):
        score(pd.DataFrame({"text": ["Moscou"]}), mode="lexical", outlet="folder")
    with pytest.warns(InputWarning, match="no input documents"):
        empty = score(pd.DataFrame({"text": []}), mode="lexical")
    assert list(empty.articles.columns) == ARTICLE_SCORE_COLUMNS and empty.articles.empty


def test_a_string_given_to_score_points_to_score_text():
    with pytest.raises(FileNotFoundError, match="score_text"):
        score("La Russie et les États-Unis ont signé un accord.", mode="lexical")
    with pytest.raises(FileNotFoundError, match="score_text"):
        score(" ".join([TEXT] * 40), mode="lexical")  # longer than a file name may be


@pytest.mark.parametrize("mode", ["full", "fast", "lexical"])
def test_explain_is_the_evidence_behind_transform(mode):
    texts = [ONE_LINE, "Moscou n'a pas condamné Washington.", "Rien de neuf.",
             *make_documents(8, sentences_per_doc=6, seed=3)]
    scorer = FrameScorer(mode=mode).fit()
    values = scorer.transform(texts)
    ev = scorer.explain(texts)
    assert list(ev.columns) == EXPLAIN_COLUMNS
    assert sorted(set(ev["text_id"])) == list(range(len(texts)))
    by_text = ev.groupby("text_id")
    np.testing.assert_array_equal(values[:, 0], by_text["coop"].max().to_numpy(dtype=float))
    np.testing.assert_array_equal(values[:, 1], by_text["conf"].max().to_numpy(dtype=float))
    np.testing.assert_allclose(values[:, 2], by_text["coop_score"].sum().to_numpy())
    np.testing.assert_allclose(values[:, 3], by_text["conf_score"].sum().to_numpy())
    for row in ev.itertuples():
        text = texts[row.text_id]
        assert text[row.start:row.end] == row.text
        fired = row.coop or row.conf
        assert bool(row.triggers) == bool(fired), row
        assert len(row.triggers.split(";")) == len(row.rules.split(";"))
    first = ev[ev["text_id"] == 0].iloc[0]
    assert first["frame"] == "cooperation" and "RUS" in first["actors"]
    assert "accord" in first["triggers"].split(";")
    negated = ev[ev["text_id"] == 1].iloc[0]
    assert negated["frame"] == "neutral" and negated["dropped"].startswith("condamner:")


def test_explain_events():
    scorer = FrameScorer(mode="fast").fit()
    events = scorer.explain([ONE_LINE], level="event")
    assert list(events.columns) == EVENT_COLUMNS
    counted = events[events["counted"]]
    assert {"accord", "coopération", "condamner"} <= set(counted["term"])
    for row in events.itertuples():
        assert ONE_LINE[row.char_start:row.char_end].lower().startswith(row.term[:4].lower()), row
    with pytest.raises(ValueError, match="level"):
        scorer.explain([ONE_LINE], level="word")  # type: ignore[arg-type]
