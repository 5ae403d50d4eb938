"""The NumPy n-gram features equal scikit-learn's TfidfVectorizer (same vocabulary, same values)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from analysis import learning
from analysis.ngrams import CharNgrams, HashTable, WordNgrams, batch_of

TEXTS = ["Le Kremlin  a rejeté l'accord, a déclaré Paris.", "Un été à Québec : « paix » !",
         "", "x", "Les États-Unis et l'Iran négocient\nà Genève\u00a0depuis lundi_2.",
         "Ça va ?! 3 000 morts; l'ONU s'inquiète. 😀 émoji 𝔘nicode", "a b c d e f"]


def _sklearn(ours: CharNgrams | WordNgrams) -> TfidfVectorizer:
    if isinstance(ours, CharNgrams):
        return TfidfVectorizer(analyzer="char_wb", ngram_range=ours.ngram_range,
                               min_df=ours.min_df, sublinear_tf=True)
    return TfidfVectorizer(ngram_range=ours.ngram_range, min_df=ours.min_df, sublinear_tf=True)


def _same(ours: CharNgrams | WordNgrams, train: list[str], test: list[str]) -> None:
    theirs = _sklearn(ours).fit(train)
    ours.fit(train)
    names = list(ours.get_feature_names_out())
    assert sorted(names) == list(theirs.get_feature_names_out())
    order = np.argsort(np.asarray(names, dtype=object))
    a = ours.transform(test)[:, order].toarray()
    b = theirs.transform(test).toarray()
    assert a.shape == b.shape and np.abs(a - b).max() < 1e-12


@pytest.mark.parametrize("make", [lambda: CharNgrams((2, 5), 1), lambda: CharNgrams((3, 4), 2),
                                  lambda: CharNgrams((1, 3), 1), lambda: WordNgrams((1, 2), 1),
                                  lambda: WordNgrams((1, 1), 1), lambda: WordNgrams((2, 2), 1)])
def test_equal_to_tfidf_vectorizer_on_odd_texts(make):
    _same(make(), TEXTS, [*TEXTS[::-1], "Mot inconnu zzz", ""])


def test_equal_to_tfidf_vectorizer_on_the_project_sentences():
    texts = learning.annotated_sentences()["text"].astype(str).tolist()
    _same(CharNgrams((2, 5), 2), texts[:700], texts[700:])
    _same(WordNgrams((1, 2), 1), texts[:700], texts[700:])


def test_empty_input_and_pickle_round_trip():
    c = CharNgrams((3, 4), 1).fit(TEXTS)
    assert c.transform([]).shape == (0, len(c.vocabulary_))
    x = c.transform(TEXTS)
    again = pickle.loads(pickle.dumps(c))
    assert "_table_" not in again.__dict__  # the look-up table is rebuilt, not saved
    assert (again.transform(TEXTS) != x).nnz == 0
    assert pickle.dumps(again) == pickle.dumps(CharNgrams((3, 4), 1).fit(TEXTS))


def test_hash_table_finds_every_key_and_no_other():
    rng = np.random.default_rng(0)
    keys = np.unique(rng.integers(0, 2**63, 5000, dtype=np.uint64))
    keys[:50] = keys[:50] >> np.uint64(40) << np.uint64(40)  # many keys with the same top bits
    keys = np.unique(keys | np.uint64(1))  # n-gram hashes are odd
    table = HashTable(keys)
    assert (table.lookup(keys) == np.arange(len(keys))).all()
    others = np.setdiff1d(rng.integers(0, 2**63, 5000, dtype=np.uint64) | np.uint64(1), keys)
    assert (table.lookup(others) == -1).all()
    assert (HashTable(keys[:0]).lookup(keys[:3]) == -1).all()


def test_one_batch_for_two_transformers_in_a_row_and_a_new_one_for_other_texts():
    first = batch_of(list(TEXTS))
    assert batch_of(np.array(TEXTS, dtype=object)) is first  # the same texts: made once
    other = batch_of(TEXTS[:3])
    assert other is not first and other.n_rows == 3 and batch_of(TEXTS[:3]) is other
    words = WordNgrams((1, 1), 1).fit(TEXTS)
    assert words.transform(TEXTS[:1]).shape[0] == 1 and words.transform(TEXTS).shape[0] == len(TEXTS)
