"""Reading a researcher's own files (issue 16): titles, outlets, navigation, lists, sentences.

The corpus is laid out as real exports are (:mod:`layouts`): a title on the
first line, navigation and "lire aussi" lines, lists, lone closing quotes,
with UD French-GSD sentences and the seeds' paragraphs as body.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from layouts import LIST_BLOCK, NAVIGATION, TITLES, write_layout_corpus

from analysis import paths
from analysis.pipeline import score
from analysis.read import (
    InputWarning,
    classify_boilerplate,
    looks_like_headline,
    read_corpus,
)

OUTLETS = {"lemonde": 6, "rtfrance": 5}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("layouts") / "corpus"
    write_layout_corpus(folder, OUTLETS)
    return folder


def _read(inputs, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return list(read_corpus(inputs, **kwargs))


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def test_first_line_is_the_title_of_every_article(corpus):
    arts = _read([corpus], title="first-line")
    assert len(arts) == sum(OUTLETS.values())
    for art in arts:
        first = _lines(art.text)[0]
        assert art.meta["title"] == first
        assert art.paragraphs[0].kind == "headline"
        # the title is the only headline: no list item, colon line or short line is one
        assert [p.text for p in art.paragraphs if p.kind == "headline"] == [first]


def test_default_keeps_the_headline_guess(corpus):
    """Without the option the title is the first line that looks like a headline (as
    before): the question, the full stop and the long line are missed."""
    arts = _read([corpus])
    missed = [a for a in arts if a.paragraphs[0].kind != "headline"]
    assert missed, "the layouts must hold titles that the guess misses"
    for art in missed:
        assert not looks_like_headline(art.paragraphs[0].text)


def test_no_list_item_or_colon_line_is_a_headline(corpus):
    for art in _read([corpus]):
        in_list = [p for p in art.paragraphs if p.text in LIST_BLOCK]
        assert len(in_list) == len(LIST_BLOCK)
        assert all(p.kind == "body" for p in in_list), [(p.text, p.kind) for p in in_list]


@pytest.mark.parametrize("line", [
    "- Un cessez-le-feu dans le sud", "• Une aide humanitaire", "1. Des négociations à Genève",
    "2) Une commission conjointe", "Les points clés de l'accord :", "Ce qu'il faut retenir:",
])
def test_list_items_and_colon_lines_never_look_like_headlines(line):
    assert not looks_like_headline(line)


def test_a_real_headline_still_is_one():
    assert looks_like_headline("Moscou et Washington pourraient coopérer étroitement")
    assert looks_like_headline("Poutine : Il faut arrêter les combats sur tous les territoires")


def test_navigation_and_lire_aussi_lines_are_boilerplate(corpus):
    for line in NAVIGATION:
        assert classify_boilerplate(line) == "navigation", line
    for art in _read([corpus]):
        for p in art.paragraphs:
            if p.text in NAVIGATION:
                assert (p.kind, p.boilerplate_kind) == ("boilerplate", "navigation")


@pytest.mark.parametrize("line", [
    "Il faut lire aussi les déclarations du ministre russe, a-t-il ajouté.",
    "Voir la Russie et les États-Unis s'entendre serait une surprise.",
    "La suite des négociations est prévue à Genève > à Vienne.",
])
def test_prose_mentioning_those_words_is_not_boilerplate(line):
    assert classify_boilerplate(line) == ""


def test_outlet_from_the_folder_name_and_the_sidecar_wins(corpus, tmp_path):
    arts = {a.article_id: a for a in _read([corpus], outlet="folder")}
    for aid, art in arts.items():
        assert art.meta["outlet"] == aid.split("_")[0]
        assert art.meta["outlet_source"].startswith("folder name")
        assert art.meta["outlet_evidence"] == str(Path(art.path).parent)
    # a metadata.csv row wins where it gives an outlet; empty cells leave the folder's
    copy = tmp_path / "lemonde"
    copy.mkdir()
    for f in sorted((corpus / "lemonde").glob("*.txt"))[:2]:
        (copy / f.name).write_bytes(f.read_bytes())
    first, second = sorted(p.stem for p in copy.glob("*.txt"))
    (copy / "metadata.csv").write_text(f"article_id,outlet\n{first},Le Monde\n{second},\n")
    got = {a.article_id: a.meta for a in _read([copy], outlet="folder")}
    assert got[first]["outlet"] == "Le Monde"
    assert got[first]["outlet_source"].startswith("sidecar")
    assert "(inferred: lemonde)" in got[first]["outlet_source"]
    assert got[second]["outlet"] == "lemonde"


def test_a_fixed_outlet_name(corpus):
    arts = _read([corpus / "rtfrance"], outlet="RT France")
    assert {a.meta["outlet"] for a in arts} == {"RT France"}
    assert {a.meta["outlet_source"] for a in arts} == {"--outlet option"}


def test_a_table_outlet_column_wins_over_the_option(tmp_path):
    pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Le Figaro", ""],
                  "text": ["Moscou et Washington coopèrent.", "Moscou condamne Washington."]}
                 ).to_csv(tmp_path / "t.csv", index=False)
    got = {a.article_id: a.meta["outlet"] for a in _read([tmp_path / "t.csv"], outlet="X")}
    assert got == {"a": "Le Figaro", "b": "X"}


def test_seeds_headlines_and_outlets():
    """The seeds keep their headlines and navigation lines; their sidecar wins over --outlet."""
    arts = {a.article_id[:3]: a for a in _read([paths.SEEDS], outlet="folder")}
    heads = {k: [p.text for p in a.paragraphs if p.kind == "headline"] for k, a in arts.items()}
    assert heads["001"] == ["Poutine : Il faut arrêter les combats sur tous les territoires syriens"]
    assert heads["003"] == ["Russie/USA:Continuer à se parler pour trouver un compromis sur la "
                            "Syrie (Lavrov)"]
    assert heads["004"][0] == "Moscou et Washington pourraient coopérer étroitement dans la " \
                              "lutte contre le terrorisme"
    nav = [p.text for p in arts["004"].paragraphs if p.boilerplate_kind == "navigation"]
    assert nav == ["Page d'accueil>>International"]
    assert arts["004"].meta["outlet"] == "People's Daily Online"
    assert "(inferred: seeds)" in arts["004"].meta["outlet_source"]
    assert arts["002"].meta["outlet"] == "seeds"  # its sidecar row has no outlet


@pytest.mark.parametrize("mode", ["fast", "lexical"])
def test_no_sentence_without_a_word(corpus, mode):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        scored = score(corpus, mode=mode, tone=False, title="first-line", outlet="folder")
    sents = scored.sentences
    body = sents[sents["kind"] != "boilerplate"]
    assert len(body) > 100
    assert body["text"].str.contains(r"\w", regex=True).all(), \
        body.loc[~body["text"].str.contains(r"\w", regex=True), "text"].tolist()
    # the lone closing quote is kept, at the end of the sentence before it
    assert body["text"].str.endswith(' "').sum() == sum(OUTLETS.values())
    arts = scored.articles
    assert (arts["title"].isin(TITLES)).all()
    assert set(arts["outlet"]) == set(OUTLETS)
    assert (arts["n_headlines"] == 1).all()
    # sentences of a paragraph tile it: no character lost when a quote is joined
    for (aid, pid), rows in body.groupby(["article_id", "paragraph_id"]):
        starts, ends = rows["start"].tolist(), rows["end"].tolist()
        assert all(s >= e for s, e in zip(starts[1:], ends[:-1], strict=True)), (aid, pid)


def test_titles_found_on_the_layouts_measured(corpus):
    """What the option changes on these layouts (the numbers the report quotes)."""
    guess = _read([corpus])
    first = _read([corpus], title="first-line")
    right = sum(next((p.text for p in a.paragraphs if p.kind == "headline"), "") ==
                _lines(a.text)[0] for a in guess)
    assert right < len(guess)
    assert sum(a.meta["title"] == _lines(a.text)[0] for a in first) == len(first)
    assert all(not re.match(r"^\W*(lire|voir|à lire)", p.text, re.I)
               for a in first for p in a.paragraphs if p.kind != "boilerplate")
