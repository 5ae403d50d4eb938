"""Reading and cleaning: real facts about the seeds, and every kind of bad input."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analysis import paths
from analysis.read import (
    Article,
    InputWarning,
    classify_boilerplate,
    decode,
    detect_language,
    normalize,
    read_corpus,
    repair_mojibake,
)

SEED = {p.stem[:3]: p.stem for p in paths.SEEDS.glob("*.txt")}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return {a.article_id[:3]: a for a in read_corpus([paths.SEEDS])}


@pytest.fixture(scope="module")
def seeds_no_sidecar() -> dict[str, Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return {a.article_id[:3]: a for a in read_corpus([paths.SEEDS], use_sidecar=False)}


def _para(art: Article, needle: str):
    return next(p for p in art.paragraphs if needle in p.text)


def test_seeds_are_the_shared_files_unchanged():
    shared = paths.SHARED / "seeds"
    if not shared.exists():
        pytest.skip("../shared not beside the repository")
    for f in shared.glob("*.txt"):
        assert (paths.SEEDS / f.name).read_bytes() == f.read_bytes()


def test_every_seed_read_ok(seeds):
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    assert all(a.status == "ok" for a in seeds.values())


def test_offsets_point_into_stored_text(seeds):
    for art in seeds.values():
        for p in art.paragraphs:
            stored = art.text[p.start:p.end]
            # the normalised text differs only by normalisation, never by content
            assert stored.replace("\u2019", "'")[:3].strip()[:1] == p.text[:1] or p.text[:1] in "\"'"
            assert len(p.offsets) == len(p.text) + 1
            assert p.offsets == sorted(p.offsets)


def test_seed000_outlet_is_sputnik_with_evidence(seeds_no_sidecar):
    art = seeds_no_sidecar["000"]
    assert art.meta["outlet"] == "Sputnik France"
    assert art.meta["outlet_evidence"] == "fr.sputniknews.com"


def test_seed004_is_xinhua_published_2017_01_31(seeds_no_sidecar, seeds):
    for art in (seeds_no_sidecar["004"], seeds["004"]):
        assert art.meta["agency"] == "Xinhua"
        assert art.meta["published"] == "2017-01-31"
    assert "Xinhua | 31.01.2017" in seeds_no_sidecar["004"].meta["published_evidence"]


def test_seed003_al_manar_stamp_is_a_page_timestamp(seeds_no_sidecar, seeds):
    art = seeds_no_sidecar["003"]
    assert art.meta["outlet"] == "al-Manar"
    assert "Jerusalem Timing" in art.meta["outlet_evidence"]
    assert art.meta["page_timestamp"] == "2024-11-24T07:45"
    assert not art.meta.get("published", "").startswith("2024")
    assert art.meta["agency"] == "AFP"
    # with the sidecar: the known date wins and says where it comes from
    assert seeds["003"].meta["published"] == "2015-09-29"
    assert seeds["003"].meta["published_source"].startswith("sidecar")


def test_sidecar_wins_and_says_so(seeds):
    art = seeds["000"]
    assert art.meta["host"] == "infosdanyfr.wordpress.com"
    assert art.meta["published"] == "2017-11-11"
    assert "(inferred: 2017-11)" in art.meta["published_source"]


def test_share_widgets_of_seed004_are_boilerplate(seeds):
    art = seeds["004"]
    assert _para(art, "Partez cet article").boilerplate_kind == "share_widget"
    assert _para(art, "Votre pseudo").kind == "boilerplate"
    assert _para(art, "Rédacteurs").boilerplate_kind == "editor_credit"
    assert _para(art, "Page d'accueil").boilerplate_kind == "navigation"
    assert _para(art, "Dernière mise à jour").boilerplate_kind == "stamp"


def test_tweet_of_seed000_is_boilerplate(seeds):
    art = seeds["000"]
    tweet = _para(art, "approved a joint statement")
    assert tweet.kind == "boilerplate" and tweet.boilerplate_kind == "social_media"
    assert tweet.lang == "en"
    assert _para(art, "@KremlinRussia_E").kind == "boilerplate"
    assert _para(art, "fr.sputniknews.com").boilerplate_kind == "signature"


def test_glued_words_are_split(seeds):
    art = seeds["000"]
    assert "Syrie touchait" in _para(art, "APEC au Vietnam").text
    p = _para(art, "Trump avaient")
    i = p.text.index("Trump avaient")
    start, end = p.stored_span(i, i + len("Trump avaient"))
    assert art.text[start:end] == "Trumpavaient"
    assert "poursuivi. Il a précisé" in _para(art, "poursuivi. Il").text


def test_derived_words_are_not_split():
    norm, _ = normalize("Les Syriens et les Syriennes", names=("Syrie",))
    assert norm == "Les Syriens et les Syriennes"


def test_seed003_repeated_headline_kept_once(seeds):
    art = seeds["003"]
    heads = [p for p in art.paragraphs if "Continuer à se parler" in p.text]
    assert [p.kind for p in heads] == ["headline", "boilerplate"]
    assert heads[1].boilerplate_kind == "repeat" and heads[1].repeat_of == heads[0].paragraph_id


def test_headlines_flagged(seeds):
    assert _para(seeds["004"], "pourraient coopérer étroitement").kind == "headline"
    assert _para(seeds["001"], "Il faut arrêter les combats sur tous").kind == "headline"
    assert _para(seeds["002"], "s'entretiendront au téléphone").kind == "headline"
    assert _para(seeds["001"], "Moscou / Le président russe").kind == "body"


def test_seed002_two_articles_flagged_and_splittable(seeds):
    art = seeds["002"]
    assert "2 articles joined at a separator" in art.problem
    assert _para(art, "*****").boilerplate_kind == "separator"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        split = [a for a in read_corpus([paths.SEEDS], split=True) if a.article_id.startswith("002")]
    assert [a.article_id for a in split] == [f"{SEED['002']}-1", f"{SEED['002']}-2"]
    assert split[1].paragraphs[0].text.startswith("Poutine et Trump s'entretiendront")


def test_seed000_leading_date_stamp_split_off(seeds):
    art = seeds["000"]
    assert art.paragraphs[0].text == "date 2017-11"
    assert art.paragraphs[0].boilerplate_kind == "stamp"
    assert art.paragraphs[1].text.startswith("Intervenant devant")


def test_dates_mentioned(seeds):
    assert "2017-11-21" in seeds["002"].meta["dates_mentioned"].split(";")


def test_normalisation_unifies_apostrophes_and_spaces():
    raw = "l\u2019APEC\u00a0: \u201cbon\u201d\u202fco\u00adop\u00e9ration"
    norm, offs = normalize(raw)
    assert norm == "l'APEC : \"bon\" coopération"
    assert len(offs) == len(norm) + 1
    assert raw[offs[norm.index("APEC")]] == "A"


def test_nfc_composes_combining_accents():
    norm, offs = normalize("coope\u0301rer")
    assert norm == "coopérer" and offs[4] == 4 and offs[5] == 6


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_decodes_french_in_common_encodings(encoding):
    text = "La coopération s'est renforcée à Alep ; « très » réaliste."
    if encoding == "latin-1":
        text = text.replace("«", "<<").replace("»", ">>")
    decoded, enc, problem = decode(text.encode(encoding))
    assert decoded == text and not problem


def test_mojibake_is_repaired_and_reported():
    bad = "La coopÃ©ration entre la Russie et les Ã‰tats-Unis"
    fixed, note = repair_mojibake(bad)
    assert fixed == "La coopération entre la Russie et les États-Unis"
    assert "mojibake repaired" in note


def test_language_detection():
    assert detect_language("Russian President Vladimir Putin and US President approved a joint "
                           "statement on Syria following a conversation") == "en"
    assert detect_language("La Russie et les États-Unis ont convenu de s'engager dans cette voie.") \
        == "fr"
    assert detect_language("fr.sputniknews.com") == "und"
    # one word of the Spanish list ("embargo" = however) does not make French Spanish
    assert detect_language("Washington a décrété un embargo contre la Russie.") == "fr"
    assert detect_language("El gobierno de los Estados Unidos ha decretado un embargo "
                           "contra Rusia y sus aliados.") == "es"


@pytest.mark.parametrize("line,kind", [
    ("*****", "separator"),
    ("Avec AFP", "signature"),
    ("fr.sputniknews.com", "signature"),
    ("24-11-2024 07:45 AM Jerusalem Timing", "stamp"),
    ("Page d'accueil>>International", "navigation"),
    ("Partez cet article sur :", "share_widget"),
    ("(Rédacteurs :Guangqi CUI, Wei SHAN)", "editor_credit"),
    ("La Russie et les États-Unis ont convenu de coopérer.", ""),
])
def test_boilerplate_kinds(line, kind):
    assert classify_boilerplate(line) == kind


# ---------------------------------------------------------------- bad inputs, all in one run

@pytest.fixture()
def bad_corpus(tmp_path: Path) -> Path:
    good = (paths.SEEDS / f"{SEED['004']}.txt").read_bytes()
    (tmp_path / "good.txt").write_bytes(good)
    (tmp_path / "dup.txt").write_bytes(good)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "english.txt").write_text(
        "The United States and Russia agreed on Monday to keep talking about the war in Syria, "
        "the foreign minister said after the meeting with his counterpart in New York.\n"
        "Both sides said that the talks had been useful and that more meetings would follow.\n",
        encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Moscou et Washington</title>"
        "<meta property='og:site_name' content='Sputnik France'>"
        "<meta property='article:published_time' content='2017-11-11'></head><body>"
        "<nav>Accueil</nav><article><h1>Moscou et Washington coopèrent</h1>"
        "<p>La Russie et les États-Unis ont convenu de poursuivre la lutte contre le terrorisme "
        "en Syrie, a déclaré lundi le chef de la diplomatie russe Sergueï Lavrov.</p>"
        "<p>Les deux pays vont continuer à se parler pour trouver un compromis dans le dossier "
        "syrien, selon le ministre, qui a salué une discussion constructive.</p></article>"
        "<footer>Partagez cet article</footer></body></html>", encoding="utf-8")
    with (tmp_path / "huge.txt").open("wb") as fh:
        fh.write(b"La Russie et les Etats-Unis. " * (20_000_000 // 29 + 1))
    (tmp_path / "only_boilerplate.txt").write_text(
        "Dernière mise à jour à 10h09 le 31/01\n\nPage d'accueil>>International\n\n"
        "Partez cet article sur :\n\nfr.sputniknews.com\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(
        "Moscou et Washington vont coopérer étroitement dans la lutte contre le terrorisme, "
        "a déclaré le ministre russe des Affaires étrangères.".encode("cp1252"))
    return tmp_path


def test_bad_inputs_all_kept_with_status(bad_corpus):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        arts = {Path(a.path).name: a for a in read_corpus([bad_corpus])}
    assert {n: a.status for n, a in arts.items()} == {
        "binary.txt": "unreadable", "dup.txt": "ok", "empty.txt": "empty",
        "english.txt": "not_french", "good.txt": "duplicate", "huge.txt": "too_large",
        "latin1.txt": "ok", "only_boilerplate.txt": "no_body", "page.html": "ok",
    }
    assert "exact duplicate of dup" in arts["good.txt"].problem
    assert "20,000,0" in arts["huge.txt"].problem
    assert arts["latin1.txt"].encoding == "cp1252"
    assert "coopérer" in arts["latin1.txt"].body
    html = arts["page.html"]
    assert html.meta["outlet"] == "Sputnik France" and html.meta["published"] == "2017-11-11"
    assert "Partagez" not in html.body and "Sergueï Lavrov" in html.body
    messages = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
    for name in ("binary.txt", "empty.txt", "english.txt", "good.txt", "huge.txt",
                 "only_boilerplate.txt"):
        assert any(name in m for m in messages), name


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        list(read_corpus([tmp_path / "nope"]))


def test_tables_one_article_per_row(tmp_path):
    import pandas as pd

    df = pd.DataFrame({
        "id": ["a1", "a2", "a3"],
        "text": ["La Russie et les États-Unis ont convenu de coopérer en Syrie, a dit Lavrov.",
                 "", "Moscou a accusé Washington de violer la trêve dans la région d'Alep."],
        "outlet": ["RT France", "RT France", "TASS"],
        "published": ["2017-11-21", "", "2016-12-23"],
    })
    df.to_csv(tmp_path / "t.csv", index=False)
    df.to_json(tmp_path / "t.jsonl", orient="records", lines=True, force_ascii=False)
    df.to_parquet(tmp_path / "t.parquet")
    for name in ("t.csv", "t.jsonl", "t.parquet"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InputWarning)
            arts = list(read_corpus([tmp_path / name]))
        assert [a.article_id for a in arts] == ["a1", "a2", "a3"], name
        assert [a.status for a in arts] == ["ok", "empty", "ok"]
        assert arts[2].meta["outlet"] == "TASS" and arts[2].meta["outlet_source"] == "table"


def test_glued_sentence_before_a_quote_is_split(seeds):
    assert "des discussions. «Vladimir Poutine" in _para(seeds["002"], "au cœur des discussions").text


def test_a_problem_the_reader_fixed_is_a_note_one_it_could_not_fix_a_warning():
    import warnings

    from analysis.read import InputNote, InputWarning
    from analysis.read.records import warn_document

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        warn_document("a.txt", "ok", "mojibake repaired (text was UTF-8 decoded as a single-byte encoding)")
        warn_document("b.txt", "ok", "mojibake detected (e.g. 'Ã©') and could not be repaired")
        warn_document("c.txt", "empty", "no text")
    kinds = [(str(w.message).split(":")[0], w.category) for w in seen]
    assert kinds == [("a.txt", InputNote), ("b.txt", InputWarning), ("c.txt", InputWarning)]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_tables_are_streamed_in_chunks_with_row_ids_that_continue(tmp_path, monkeypatch, suffix):
    """A table is read a chunk at a time (memory does not grow with it); ids run on."""
    import pandas as pd

    from analysis.read import corpus

    monkeypatch.setattr(corpus, "TABLE_CHUNK_ROWS", 2)
    text = "La Russie et les États-Unis ont signé un accord sur la Syrie."
    df = pd.DataFrame({"text": [text] * 5, "outlet": list("abcde")})
    path = tmp_path / f"t{suffix}"
    if suffix == ".csv":
        df.to_csv(path, index=False)
    elif suffix == ".jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        df.to_parquet(path)
    chunks = list(corpus._table_chunks(path))
    assert [len(c) for c in chunks] == [2, 2, 1]
    arts = list(corpus.read_table(path))
    assert [a.article_id for a in arts] == [f"t:{i}" for i in range(5)]
    assert [a.meta["outlet"] for a in arts] == list("abcde")


def test_a_table_that_breaks_midway_keeps_the_rows_before_and_says_where(tmp_path, monkeypatch):
    from analysis.read import corpus

    monkeypatch.setattr(corpus, "TABLE_CHUNK_ROWS", 2)
    good = '{"text": "Moscou et Washington ont convenu de poursuivre le dialogue."}\n'
    path = tmp_path / "broken.jsonl"
    path.write_text(good * 3 + "{not json\n" + good, encoding="utf-8")
    arts = list(corpus.read_table(path))
    assert [a.status for a in arts] == ["ok", "ok", "unreadable"]
    assert arts[-1].article_id == "broken:2"
    assert "rows from 2 on could not be parsed" in arts[-1].problem
