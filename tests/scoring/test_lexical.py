"""Lexical mode: sentences and words without spaCy, an exact gate, and what it costs."""

from __future__ import annotations

import math
import warnings

import pytest

from analysis import evaluate as ev
from analysis import paths, run
from analysis.corpora import make_documents
from analysis.nlp import parse
from analysis.read import InputWarning, read_corpus
from analysis.scoring import FrameScorer
from analysis.scoring.lexical import LexicalScorer, split_sentences, tokenize

#: Lexical-mode F1 on the seed annotations, rounded DOWN to 2 decimals. A regression
#: floor: never loosen it to make a change pass. Re-set once, when the lexical mode
#: gave up its own actor, speaker and pairing rules for the fast mode's (issue 13, one
#: rule set for three modes): RUS-USA went from 0.83 (every two states of a sentence
#: paired) to 0.79 (agents and targets, as in the fast mode); coop and conf unchanged.
LEXICAL_F1_FLOOR = {"coop": 0.99, "conf": 0.93, "rus_usa": 0.79}


@pytest.fixture(scope="module")
def engine():
    return FrameScorer(mode="fast").fit()._get_engine()


@pytest.fixture(scope="module")
def paragraphs() -> list[list[str]]:
    """Paragraphs of the seeds and of 40 generated UD French-GSD documents."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        seeds = [[p.text for p in a.paragraphs if p.scored]
                 for a in read_corpus([paths.SEEDS]) if a.status == "ok"]
    ud = [doc.strip().split("\n\n") for doc in make_documents(40, seed=7)]
    return seeds + ud


def test_split_keeps_abbreviations_and_initials() -> None:
    text = "M. Poutine a parlé à Mme. Merkel. J. Smith, etc. Le 3 mai. « Oui », dit-il ! Fin…"
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["M. Poutine a parlé à Mme. Merkel.", "J. Smith, etc. Le 3 mai.",
                   "« Oui », dit-il !", "Fin…"]


def test_split_needs_a_capital_after_the_stop() -> None:
    assert len(split_sentences("Il a dit non. et puis rien.")) == 1
    assert split_sentences("   ") == []


def test_tokenize_keeps_words_whole() -> None:
    assert tokenize("l'accord, États-Unis (3,5 %)") == [
        "l'accord", ",", "États-Unis", "(", "3", ",", "5", "%", ")"]


def test_an_elided_word_before_a_quote_stays_whole() -> None:
    """"l'« hypocrisie »": l' « hypocrisie », in the regex tokenizer and in both spaCy
    pipelines alike (before, l ' « lost the article to the rules)."""
    text = "a dénoncé l'« hypocrisie » d’« un » L'« Occident » jusqu' au bout"
    words = ["a", "dénoncé", "l'", "«", "hypocrisie", "»", "d’", "«", "un", "»", "L'", "«",
             "Occident", "»", "jusqu'", "au", "bout"]
    assert tokenize(text) == words
    for mode in ("fast", "full"):
        assert [t.text for t in next(parse([text], mode))] == words, mode


def test_sentences_match_the_spacy_rule_on_the_seeds(paragraphs) -> None:
    """The regex splitter and punct_boundaries agree on every seed paragraph."""
    seeds = [p for art in paragraphs[:5] for p in art]
    for text, doc in zip(seeds, parse(seeds, "fast"), strict=True):
        assert split_sentences(text) == [(s.start_char, s.end_char) for s in doc.sents], text


def test_gate_never_hides_a_match(engine, paragraphs) -> None:
    """Every lexicon or actor match in any sentence is in a sentence the gate lets through."""
    lex = LexicalScorer(engine)
    checked = 0
    for art in paragraphs:
        for text in art:
            for s, e in split_sentences(text):
                strings = tokenize(text[s:e])
                lex._learn(set(strings) - lex.known)
                words = [p for w in strings for p in lex.words[w]]
                for index, vocab in ((engine.lex_index, lex.lex_vocab),
                                     (engine.act_index, lex.act_vocab)):
                    found = [m for m in index.find(words)
                             if index is engine.lex_index or m[2] in _actor_rows(engine, vocab)]
                    if found:
                        checked += 1
                        assert not vocab.trigger.isdisjoint(strings), text[s:e]
    assert checked > 100


def _actor_rows(engine, vocab) -> set[int]:
    return {pid for pid, pat in enumerate(engine.act_index.patterns)
            if engine.act[pat.row].code != "*"}


def test_same_rules_as_the_fast_mode(paragraphs) -> None:
    """One rule set: on sentences both modes split alike, the lexical mode gives the fast
    mode's flags and dyads; actors, voice and speaker differ only through the gate (a
    sentence with no lexicon or actor word is not analysed, so its pronoun or speech
    attribution does not reach the article context)."""
    fast, lexical = FrameScorer(mode="fast").fit(), FrameScorer(mode="lexical").fit()
    n = 0
    differ = dict.fromkeys(("flags", "dyads", "actors", "voice", "speaker"), 0)
    for art in paragraphs:
        for pf, pl in zip(fast.score_texts(art), lexical.score_texts(art), strict=True):
            if [(s.start, s.end) for s in pf] != [(s.start, s.end) for s in pl]:
                continue
            for a, b in zip(pf, pl, strict=True):
                n += 1
                differ["flags"] += (a.coop, a.conf) != (b.coop, b.conf)
                differ["dyads"] += a.dyads != b.dyads
                differ["actors"] += a.actors != b.actors
                differ["voice"] += a.voice != b.voice
                differ["speaker"] += a.speaker != b.speaker
    assert n > 500
    assert differ["flags"] == 0 and differ["dyads"] <= n // 250, differ
    # measured when the modes were unified: 995 sentences, flags 0, dyads 1, actors 6,
    # voice 3, speaker 3 (before: the lexical mode's own rules differed on 1-2 % of
    # sentences in flags and dyads as well)
    assert max(differ.values()) <= n // 50, (n, differ)


def test_transform_and_predict_in_lexical_mode() -> None:
    sc = FrameScorer(mode="lexical").fit()
    out = sc.transform(["La Russie et les États-Unis ont signé un accord.",
                        "Les frappes ont tué dix civils.", "Il pleut."])
    assert out.shape == (3, 4)
    assert list(sc.predict(["Moscou et Washington coopèrent.", "Il pleut."])) == [
        "cooperation", "neutral"]
    with pytest.raises(ValueError, match="no spaCy"):
        sc.pipeline()


def test_negation_and_dyads() -> None:
    sc = FrameScorer(mode="lexical").fit()
    [[s]] = sc.score_texts(["La Russie ne coopère pas avec les États-Unis."])
    assert s.conf == 1 and s.coop == 0 and "not:coopérer" in s.evidence
    assert [(d["actor_a"], d["actor_b"], d["relation"]) for d in s.dyads] == [
        ("RUS", "USA", "conf")]
    [[s]] = sc.score_texts(["La Russie et les États-Unis combattent ensemble Daech."])
    rel = {(d["actor_a"], d["actor_b"]): d["relation"] for d in s.dyads}
    assert rel[("RUS", "USA")] == "coop" and rel[("IS", "RUS")] == "conf"


def test_quotations_make_quoted_voice() -> None:
    sc = FrameScorer(mode="lexical").fit()
    paras = sc.score_texts(["« Nous allons coopérer avec Moscou. Tout va bien.",
                            "Rien ne change », a-t-il dit.", "La pluie tombe."])
    voices = [s.voice for p in paras for s in p]
    assert voices == ["quoted", "quoted", "quoted", "narrator"]
    assert math.isnan(paras[2][0].goldstein)


@pytest.mark.parametrize("target", ["coop", "conf", "rus_usa"])
def test_lexical_f1_does_not_regress(target: str) -> None:
    row = ev.mode_metrics("lexical", n_boot=50).set_index("target").loc[target]
    assert row["f1"] >= LEXICAL_F1_FLOOR[target], (
        f"lexical F1 on {target} fell to {row['f1']:.4f}, below {LEXICAL_F1_FLOOR[target]}")


def test_lexical_run_jobs_dask_and_statuses(tmp_path) -> None:
    """Every input has a row; two jobs and the Dask engine write the same bytes as one job."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k, doc in enumerate(make_documents(9, sentences_per_doc=6, seed=3)):
        (folder / f"d{k}.txt").write_text(doc, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InputWarning)
            counts = run.run([folder], out, mode="lexical", batch_size=4, jobs=jobs,
                             progress=False)
        assert counts == {"ok": 9, "empty": 1}
        outs.append({t: (out / f"{t}.csv").read_bytes() for t in ("articles", "sentences", "dyads")})
    out = tmp_path / "dask"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run.run([folder], out, mode="lexical", batch_size=4, engine="dask", partition_size=3,
                progress=False)
    outs.append({t: (out / f"{t}.csv").read_bytes() for t in ("articles", "sentences", "dyads")})
    assert outs[0] == outs[1] == outs[2]
    assert b",lexical," in outs[0]["articles"]


def test_stems_keep_their_first_two_letters() -> None:
    """Why the lexical mode may skip the stemmer (analysis.scoring.lexical._make_word)."""
    from analysis.corpora import ud_sentences
    from analysis.scoring import norm, stem
    from analysis.scoring.lexical import stem_prefix

    words = {norm(t) for s in ud_sentences()[:3000] for t in tokenize(s)}
    words = [w for w in words if w.isalpha() and len(w) > 3]  # shorter ones are always stemmed
    assert len(words) > 2000
    assert [w for w in words if stem_prefix(stem(w)) != stem_prefix(w)] == []


def test_actor_rules_pairs_places_and_titles() -> None:
    """The fast mode's actor rules: "les deux présidents", places, adjectives after titles."""
    sc = FrameScorer(mode="lexical").fit()
    [[first, second]] = sc.score_texts([
        "Vladimir Poutine a reçu Donald Trump à Moscou. "
        "Les deux présidents ont convenu de coopérer en Syrie."])
    assert first.actors == ["RUS", "USA"]
    assert second.actors == ["RUS", "USA"]  # the pair, and "en Syrie" is a place
    assert [(d["actor_a"], d["actor_b"], d["relation"]) for d in second.dyads] == [
        ("RUS", "USA", "coop")]
    [[s]] = sc.score_texts(["Le ministre russe a rencontré son homologue américain hier."])
    assert s.actors == ["RUS", "USA"]
    [[s]] = sc.score_texts(["Le vin russe est bon, et le climat américain aussi."])
    assert s.actors == []  # no title or event word for the adjectives to depend on
    # a new article starts with no one named: the pair cannot be resolved
    [[s]] = sc.score_texts(["Les deux présidents ont convenu de coopérer."])
    assert s.actors == [] and s.dyads == []
