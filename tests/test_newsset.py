"""The news development set: the committed items are the documented draw, and the gazetteer is valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import newsset as ns


@pytest.fixture(scope="module")
def drawn():
    return ns.draw_news_items()


def test_items_file_is_the_documented_draw(drawn) -> None:
    """annotations/news/items.csv is exactly draw_news_items(): anyone can redraw it."""
    written = drawn.to_csv(index=False, lineterminator="\n")
    assert ns.ITEMS.read_bytes() == written.encode("utf-8")
    stored = ns.news_items()
    assert list(stored.columns) == ns.COLUMNS
    assert stored["item_id"].tolist() == [f"news{k:03d}" for k in range(len(stored))]
    assert not stored["text"].duplicated().any()
    assert len(stored) <= ns.MAX_ITEMS


def test_every_item_names_two_codes_and_sits_at_its_line() -> None:
    stored = ns.news_items()
    lines = {c: p.read_text(encoding="utf-8").splitlines() for c, p in ns.CORPUS_FILES.items()}
    for row in stored.itertuples():
        codes = row.codes.split(";")
        assert len(set(codes)) >= 2 and codes == sorted(codes), row.item_id
        assert ns.actor_codes(row.text) == codes, row.item_id
        assert lines[row.corpus][row.line - 1].strip() == row.text, row.item_id
    assert set(stored["in_ud_batch"]) <= {0, 1}


def test_split_is_a_half() -> None:
    split = ns.news_items()["split"]
    assert set(split) == {"dev", "test"}
    dev, test = (split == "dev").sum(), (split == "test").sum()
    assert dev - test in (0, 1), "dev holds half, the extra one when the count is odd"


def test_gazetteer_validates() -> None:
    lines = [ln for ln in ns.GAZETTEER.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert all(len(ln.split("\t")) == 3 for ln in lines)
    frame = ns.read_gazetteer()
    assert not frame.empty
    keys = frame["alias"].str.casefold()
    assert (frame.groupby(keys)["code"].nunique() == 1).all(), "an alias has one code"
    assert set(frame["kind"]) <= {"country", "capital", "adjective", "person", "institution", "body", "group"}
    assert frame["code"].str.fullmatch(r"[A-Z0-9]+").all()


@pytest.mark.parametrize("text, codes", [
    ("Il ira à l'ONU.", ["UN"]),                                   # acronyms never match in lower case
    ("L'IRA et l'Onu.", ["IRA", "UN"]),                            # ... but as written or capitalised
    ("Le sommet russo-américain.", ["RUS", "USA"]),               # prefixes ending in a hyphen
    ("En Guinée-Bissau.", ["GNB"]),                                # the longest alias wins
    ("La Maison  Blanche et le Kremlin’s.", ["RUS", "USA"]),       # spaces, curly apostrophe
    ("Les Russes parlent aux Américaines.", ["RUS", "USA"]),       # case and inflection
    ("Un russophone de Parisiennes.", []),                         # never inside a word
])
def test_matching(text: str, codes: list[str]) -> None:
    assert ns.actor_codes(text) == codes


def test_gazetteer_errors_name_the_file(tmp_path: Path) -> None:
    two_codes = tmp_path / "two.tsv"
    two_codes.write_text("# c\nalias\tcode\tkind\nRussie\tRUS\tcountry\nrussie\tFRA\tcountry\n",
                         encoding="utf-8")
    with pytest.raises(ValueError, match="two codes"):
        ns.read_gazetteer(two_codes)
    short = tmp_path / "short.tsv"
    short.write_text("alias\tcode\tkind\nRussie\tRUS\n", encoding="utf-8")
    with pytest.raises(ValueError, match="short.tsv"):
        ns.read_gazetteer(short)
