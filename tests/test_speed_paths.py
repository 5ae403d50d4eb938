"""The speed issue's faster paths give what the slower ones gave (issue 18).

Each faster function is compared with the plain implementation it replaced,
on real French text and on inputs built to hit its edge cases; the press
corpus shape of the benchmark is checked for its layout and determinism.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpora import corpus_sentences, make_press_documents
from analysis.read.boilerplate import classify_boilerplate
from analysis.read.normalise import _glued_name_pattern, _glued_names, glue_names


def _reference(text: str, names: tuple[str, ...]) -> list[tuple[int, str]]:
    """The regular expression the prefix look-up replaced: one alternation of every name."""
    return [(m.end(1), m.group(2)) for m in _glued_name_pattern(names).finditer(text)]


def test_glued_names_same_as_the_alternation_on_real_and_glued_text() -> None:
    names = glue_names()
    sents = corpus_sentences()
    rng = random.Random(5)
    texts = sents[:2000]
    for _ in range(2000):  # a name glued to letters, to a capital, to nothing, at any place
        s = rng.choice(sents)
        texts.append(s[:rng.randint(0, len(s))] + " " + rng.choice(names)
                     + rng.choice(["ien", "s", "Le", "ovite", "", "-x", "maison", "é"]) + " " + s)
    assert any(_reference(t, names) for t in texts)  # the test sees glued names
    for t in texts:
        assert list(_glued_names(t, names)) == _reference(t, names), t


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Paris", "Pari", "Parisien", "Moscou", "Mosc", "X"]),
                min_size=1, max_size=4, unique=True),
       st.text(alphabet="PariMoscuXsienl -'.é", max_size=40))
def test_glued_names_same_as_the_alternation_for_nested_names(names, text) -> None:
    """Names that are prefixes of each other: the longest that leaves a glued rest wins."""
    names = tuple(sorted(names))
    assert list(_glued_names(text, names)) == _reference(text, names)


def test_press_documents_have_the_press_layout() -> None:
    docs = make_press_documents(300, seed=4)
    assert docs == make_press_documents(300, seed=4)
    assert docs != make_press_documents(300, seed=5)
    sizes = [len(d.encode("utf-8")) for d in docs]
    assert 4300 <= sum(sizes) / len(sizes) <= 5100  # about 4.7 KB, as the articles
    for d in docs:
        lines = d.strip().split("\n\n")
        title, body = lines[0], [ln for ln in lines[1:] if not ln.startswith("Lire aussi")
                                 and not re.fullmatch(r"\(\w+\)|Avec AFP", ln)]
        assert title[:1].isupper() and title[-1] not in ".!?"
        assert 8 <= len(body) <= 15
    assert sum("\n\nLire aussi : " in d for d in docs) > 100
    assert any(d.rstrip().endswith("(AFP)") for d in docs)


def test_press_signatures_and_links_are_boilerplate() -> None:
    """The benchmark's press articles exercise the boilerplate rules, as real ones do."""
    assert classify_boilerplate("Lire aussi : La Commission n'a donné aucune indication")
    assert classify_boilerplate("(AFP)")


def _reference_tokens(sent) -> list:
    """The full mode's tokens of a spaCy sentence read from Token and Span objects
    (what build_tokens did before it read the doc's arrays once per paragraph)."""
    from analysis.scoring.french import norm, stem, verbal_ending
    from analysis.scoring.tokens import PUNCT_RE, Tok, quoted_noun

    ents = {t.i: (ent.label_, len(ent)) for ent in sent.ents for t in ent}
    out = []
    for t in sent:
        text, m = t.text, t.morph
        w = norm(text)
        st = stem(w) if w.isalpha() and verbal_ending(w) else w
        lemma = norm(t.lemma_) if t.lemma_ else ""
        head = t.head.i - sent.start if sent.start <= t.head.i < sent.end else -1
        label, n = ents.get(t.i, ("", 0))
        out.append(Tok(t.i - sent.start, text, w, lemma, st, t.pos_, t.dep_, head,
                       ",".join(m.get("Mood")), ",".join(m.get("Tense")),
                       ",".join(m.get("VerbForm")),
                       text[:1].isupper() and (len(text) == 1 or not text.isupper()),
                       bool(PUNCT_RE.match(text)) and not t.is_space, t.is_space, t.idx,
                       t.idx + len(text), label, n, False, (w, lemma, st)))
    quoted_noun(out)  # the full mode's one repair of the tagger (rule quoted_noun)
    return out


def test_full_tokens_read_what_the_tokens_say(nlp_full) -> None:
    """The full mode's tokens through Doc.to_array and the string store (one read per
    paragraph, cached per string and parse) equal those read from Token objects, on
    real French paragraphs (entities, morphology, heads, repeated words); and the
    engine's start plans of both indexes in one pass equal each index's own."""
    from analysis.scoring import FrameScorer
    from analysis.scoring.tokens import build_tokens, doc_ents, doc_rows, sentence_tokens

    engine = FrameScorer(mode="full").fit()._get_engine()

    sents = corpus_sentences()[:600]
    paras = [" ".join(sents[k:k + 3]) for k in range(0, len(sents), 3)]
    paras.append("« Nous ne céderons pas », a déclaré mardi le ministre, cité par l'agence TASS.")
    seen = starts = 0
    for doc in nlp_full.pipe(paras):
        rows, text = doc_rows(doc, full=True)
        assert text == doc.text
        ents = doc_ents(doc)
        for sent in doc.sents:
            ref = _reference_tokens(sent)
            assert build_tokens(sent, True, [], rows, ents)[0] == ref
            assert sentence_tokens(sent, True, []) == ref
            lex, act = engine.starts(ref)
            assert (lex, act) == (engine.lex_index.starts(ref), engine.act_index.starts(ref))
            seen += len(ref)
            starts += len(lex) + len(act)
    assert seen > 10_000 and starts > 1_000


def test_may_start_false_only_for_tokens_without_candidates(nlp_full) -> None:
    """``PhraseIndex._may_start`` (a few set tests before building a new word's start
    plan) is False only for tokens whose first-word candidates are empty, in both
    indexes, on real French paragraphs; and it does let the starting tokens through."""
    from analysis.scoring import FrameScorer
    from analysis.scoring.tokens import sentence_tokens

    engine = FrameScorer(mode="full").fit()._get_engine()
    sents = corpus_sentences()[600:1500]
    paras = [" ".join(sents[k:k + 3]) for k in range(0, len(sents), 3)]
    skipped = kept = 0
    for doc in nlp_full.pipe(paras):
        for sent in doc.sents:
            for tok in sentence_tokens(sent, True, []):
                for index in (engine.lex_index, engine.act_index):
                    if index._may_start(tok):
                        kept += bool(index._first_matches(tok))
                    else:
                        skipped += 1
                        assert index._first_matches(tok) == ()
                        assert index.plan(tok) is None
    assert skipped > 10_000 and kept > 1_000


def _parse_fields(doc) -> list[tuple]:
    return [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, str(t.morph), t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in doc]


def test_indexed_lemma_lookups_give_spacy_s_own_lemmas(nlp_full) -> None:
    """The project's pipeline (the lemmatizer's word index as a set look-up) gives every
    token the lemma, tags, parse and entities of the model as shipped, on 3,000 real
    French sentences (the first pass, with the lemmatizer's cache empty, as in a run)."""
    import spacy

    from analysis.nlp import MODEL_NAME, IndexedWords

    stock = spacy.load(MODEL_NAME)
    stock.add_pipe("punct_boundaries", before="parser")
    index = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(type(words) is list for words in index.values())  # the shipped lists
    ours = nlp_full.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, IndexedWords) for words in ours.values())
    assert {k: list(v) for k, v in ours.items()} == dict(index)  # same words, same order
    sents = corpus_sentences()[-3000:]  # not the sentences other tests parse first
    paras = [" ".join(sents[k:k + 3]) for k in range(0, len(sents), 3)]
    lemmas = set()
    for a, b in zip(nlp_full.pipe(paras), stock.pipe(paras), strict=True):
        fields = _parse_fields(a)
        assert fields == _parse_fields(b)
        lemmas.update(f[1] for f in fields if f[1] != f[0].lower())
    assert len(lemmas) > 1_000  # the lemmatizer's rules changed many words
    assert nlp_full.get_pipe("lemmatizer").to_bytes()  # still serialisable


@pytest.fixture(scope="module")
def nlp_full():
    from analysis.nlp import load_pipeline

    return load_pipeline("full")


def test_textblob_polarity_without_a_blob() -> None:
    """tone() reads textblob-fr's analyzer directly: the value TextBlob.sentiment gives."""
    from analysis.tone import _textblob, tone

    texts = [s for s in corpus_sentences()[:300]]
    blob = _textblob()
    assert list(tone(texts, "textblob")) == [blob(t).sentiment[0] for t in texts]
