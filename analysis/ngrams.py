"""Word and character n-gram TF-IDF features, hashed with NumPy over a whole batch at once.

A model scores every sentence of a run, so its text features must cost little
beside the rule scorer (issue 15: at most 20 % more time). scikit-learn's
``TfidfVectorizer`` builds each n-gram as a Python string and looks it up in a
dictionary, one at a time; here a batch of texts becomes one array of code
points, and each n-gram is identified by a 64-bit polynomial hash of its span,
computed for all spans of a length at once from prefix sums (wrapping
``uint64`` arithmetic, the same on every machine and in every process).
The vocabulary learned by :meth:`fit` is the sorted array of the hashes kept
(with their n-gram strings, for :meth:`get_feature_names_out`); transforming
looks hashes up in an open-addressing table (:class:`HashTable`), and cuts
each distinct word of a batch into character n-grams once. Two hashes of
distinct n-grams being equal is about as likely as 1 in 2**63 per pair (the
hashes are odd): negligible for vocabularies of 10**5.

* :class:`CharNgrams`: character n-grams inside word boundaries (as
  ``analyzer="char_wb"``: each lower-cased word padded with one space);
* :class:`WordNgrams`: word n-grams over tokens of two or more word characters
  (as ``token_pattern=r"(?u)\\b\\w\\w+\\b"``, lower-cased).

Both weight counts as ``TfidfVectorizer(sublinear_tf=True)`` does (1 + log tf,
smoothed idf, rows scaled to unit length).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

U64 = np.uint64
#: Odd multiplier of the polynomial hash (invertible modulo 2**64).
BASE = 0x9E3779B97F4A7C15
#: Multiplier of a bigram's two word hashes, then of the n-gram length.
PAIR = 0xC2B2AE3D27D4EB4F
#: Code points below this are looked up in a table of word characters; others one by one.
TABLE_SIZE = 0x10000

#: The occurrences of one n-gram order: row, hash and spans of each (:meth:`_Ngrams._parts`).
Part = tuple[np.ndarray, np.ndarray, np.ndarray]


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads the bits of each value (wrapping arithmetic)."""
    x = x ^ (x >> U64(30))
    x = x * U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> U64(27))
    x = x * U64(0x94D049BB133111EB)
    return x ^ (x >> U64(31))


@lru_cache(maxsize=1)
def _word_table() -> np.ndarray:
    """True for the code points below :data:`TABLE_SIZE` that ``\\w`` matches."""
    return np.array([chr(c).isalnum() or c == 0x5F for c in range(TABLE_SIZE)], dtype=bool)


@lru_cache(maxsize=4)
def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE**i and its inverse**i modulo 2**64, for i < n (n rounded up to a power of two)."""
    inv = pow(BASE, -1, 2**64)
    up = np.full(n, BASE, dtype=U64)
    up[0] = 1
    down = np.full(n, inv, dtype=U64)
    down[0] = 1
    with np.errstate(over="ignore"):
        return np.cumprod(up, dtype=U64), np.cumprod(down, dtype=U64)


class Batch:
    """Texts joined into one code-point array, with the prefix sums of their hash."""

    def __init__(self, texts: list[Any]):
        pieces = [" " + " ".join(str(t).lower().split()) + " " for t in texts]
        self.joined = "\n".join(pieces)  # no piece holds a newline: split() removed them
        self.codes = np.frombuffer(self.joined.encode("utf-32-le"), dtype=np.uint32)
        lengths = np.array([len(p) + 1 for p in pieces], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        self.n_rows = len(pieces)
        size = 1 << max(int(len(self.codes) + 1).bit_length(), 4)
        self.up, self.down = _powers(size)
        with np.errstate(over="ignore"):
            terms = _mix(self.codes.astype(U64) + U64(1)) * self.up[:len(self.codes)]
            self.prefix = np.concatenate([np.zeros(1, dtype=U64), np.cumsum(terms, dtype=U64)])

    def span_hash(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Hash of each span ``joined[a:b]``, independent of where the span is (odd: see
        :meth:`HashTable.lookup`)."""
        with np.errstate(over="ignore"):
            raw = (self.prefix[b] - self.prefix[a]) * self.down[a]
            return _mix(raw + (b - a).astype(U64) * U64(PAIR)) | U64(1)

    def rows_of(self, positions: np.ndarray) -> np.ndarray:
        """The text (row) each position of :attr:`joined` belongs to."""
        return np.searchsorted(self.starts, positions, side="right") - 1

    @cached_property
    def padded_words(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Start, length and row of each whitespace-separated word with its two spaces."""
        sep = np.ones(len(self.codes) + 2, dtype=np.int8)
        sep[1:-1] = (self.codes == 0x20) | (self.codes == 0x0A)
        edges = np.diff(sep)
        starts, ends = np.flatnonzero(edges == -1), np.flatnonzero(edges == 1)
        return starts - 1, ends - starts + 2, self.rows_of(starts)


#: The last (texts, batch) made by :func:`batch_of` (the word and character features of a
#: model read the same texts, one after the other); replaced as one value, so that threads
#: never pair one call's texts with another's batch.
_LAST: dict[str, tuple[list[Any], Batch]] = {}


def batch_of(X: Iterable[Any]) -> Batch:
    """``Batch(X)``, made once for two transformers in a row that read the same texts."""
    texts = X.tolist() if hasattr(X, "tolist") else list(X)
    last = _LAST.get("last")
    if last is None or last[0] != texts:
        last = _LAST["last"] = (texts, Batch(texts))
    return last[1]


def char_spans(first: np.ndarray, length: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Start and owner (index into ``first``) of every character n-gram of the padded words
    starting at ``first`` with ``length`` characters (``char_wb``: no inner space)."""
    count = np.maximum(length - n + 1, 0)
    owner = np.repeat(np.arange(len(first)), count)
    starts = np.arange(len(owner), dtype=np.int64) + np.repeat(first - (np.cumsum(count) - count),
                                                               count)
    return starts, owner


def word_spans(batch: Batch) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of every token: a run of two or more word characters."""
    codes = batch.codes
    table = _word_table()
    word = np.zeros(len(codes) + 2, dtype=np.int8)
    small = codes < TABLE_SIZE
    word[1:-1][small] = table[codes[small]]
    if not small.all():  # rare code points (emoji, mathematical letters): asked one by one
        big = np.flatnonzero(~small)
        word[1:-1][big] = [chr(c).isalnum() for c in codes[big].tolist()]
    edges = np.diff(word)
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    keep = ends - starts >= 2
    return starts[keep], ends[keep]


class HashTable:
    """Open addressing (linear probing) from n-gram hashes to vocabulary columns.

    A binary search of a sorted vocabulary reads memory at random about 17
    times a look-up; here the top bits of a hash give its home slot (the
    table has at least two slots a key), and few look-ups probe further.
    Built and searched with whole-array operations.
    """

    def __init__(self, keys: np.ndarray):
        bits = max(int(2 * len(keys)).bit_length(), 4)
        self.shift, self.mask = U64(64 - bits), (1 << bits) - 1
        self.keys = np.zeros(1 << bits, dtype=U64)  # 0: an empty slot
        self.cols = np.full(1 << bits, -1, dtype=np.int32)
        home = self._home(keys)
        todo, probe = np.arange(len(keys)), 0
        while len(todo):  # each round, every waiting key tries its next slot
            slot = (home[todo] + probe) & self.mask
            free = self.cols[slot] < 0
            _, first = np.unique(slot, return_index=True)
            won = np.zeros(len(todo), dtype=bool)
            won[first] = True
            won &= free
            self.keys[slot[won]], self.cols[slot[won]] = keys[todo[won]], todo[won]
            todo, probe = todo[~won], probe + 1
        self.probes = probe

    def _home(self, hashes: np.ndarray) -> np.ndarray:
        return (hashes >> self.shift).astype(np.int64)

    def lookup(self, hashes: np.ndarray) -> np.ndarray:
        """The column of each hash, -1 for a hash not in the vocabulary (hashes are odd, so
        that a zero key marks an empty slot)."""
        out = np.full(len(hashes), -1, dtype=np.int64)
        slot = self._home(hashes)
        key = self.keys[slot]
        found = key == hashes
        out[found] = self.cols[slot[found]]
        todo = np.flatnonzero(~found & (key != 0))
        for probe in range(1, self.probes):
            if not len(todo):
                break
            here = (slot[todo] + probe) & self.mask
            key = self.keys[here]
            found = key == hashes[todo]
            out[todo[found]] = self.cols[here[found]]
            todo = todo[~found & (key != 0)]
        return out


def _empty() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=U64), np.zeros((0, 4), dtype=np.int64)


class _Ngrams(TransformerMixin, BaseEstimator):
    """Shared fit/transform of :class:`CharNgrams` and :class:`WordNgrams` (see the module)."""

    ngram_range: tuple[int, int]
    min_df: int

    def _occurrences(self, batch: Batch, spans: bool = False,
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Row, hash and (with ``spans``) start, end, start2, end2 of every n-gram occurrence:
        the parts of :meth:`_parts` (one per order n) joined, empty arrays when there is none."""
        parts = list(self._parts(batch, spans))
        if not parts:
            return _empty()
        return tuple(np.concatenate(x) for x in zip(*parts, strict=True))  # type: ignore[return-value]

    def _parts(self, batch: Batch, spans: bool) -> Iterator[Part]:
        """(rows, hashes, spans) of the occurrences of each order n of ``ngram_range``."""
        raise NotImplementedError

    def _orders(self) -> range:
        """The orders n of ``ngram_range`` (empty when its low end is above its high end)."""
        return range(self.ngram_range[0], self.ngram_range[1] + 1)

    def fit(self, X: Any, y: Any = None) -> _Ngrams:
        batch = batch_of(X)
        rows, hashes, spans = self._occurrences(batch, spans=True)
        order = np.lexsort((rows, hashes))
        rows, hashes, spans = rows[order], hashes[order], spans[order]
        new = np.ones(len(hashes), dtype=bool)
        new[1:] = (hashes[1:] != hashes[:-1]) | (rows[1:] != rows[:-1])
        vocab, first, df = np.unique(hashes[new], return_index=True, return_counts=True)
        keep = df >= self.min_df
        self.vocabulary_ = vocab[keep]
        self.idf_ = np.log((1.0 + batch.n_rows) / (1.0 + df[keep])) + 1.0
        where = np.flatnonzero(new)[first[keep]]
        self.names_ = [_name(batch.joined, *spans[i]) for i in where]
        return self

    def transform(self, X: Any) -> sp.csr_matrix:
        batch = batch_of(X)
        rows, hashes, _ = self._occurrences(batch)
        shape = (batch.n_rows, len(self.vocabulary_))
        if len(self.vocabulary_) == 0 or len(hashes) == 0:
            return sp.csr_matrix(shape, dtype=np.float64)
        col = self._table().lookup(hashes)
        hit = col >= 0
        counts = sp.csr_matrix((np.ones(int(hit.sum())), (rows[hit], col[hit])), shape=shape)
        counts.sum_duplicates()
        return self._weigh(counts)

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """Counts (no duplicate entries) to sublinear TF-IDF with rows of unit length."""
        counts.data = (1.0 + np.log(counts.data)) * self.idf_[counts.indices]
        per_row = np.diff(counts.indptr)
        rows = np.repeat(np.arange(counts.shape[0]), per_row)
        norms = np.sqrt(np.bincount(rows, counts.data ** 2, minlength=counts.shape[0]))
        counts.data /= np.repeat(np.where(norms > 0, norms, 1.0), per_row)
        return counts

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray(self.names_, dtype=object)

    def _table(self) -> HashTable:
        """The vocabulary's hash table, built on first use (not saved with the model)."""
        table = self.__dict__.get("_table_")
        if table is None:
            table = self.__dict__["_table_"] = HashTable(self.vocabulary_)
        return table

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_table_", None)
        return state


def _spans(wanted: bool, a: np.ndarray, b: np.ndarray, c: np.ndarray | None = None,
           d: np.ndarray | None = None) -> np.ndarray:
    """Occurrences' spans as (start, end, start2, end2) rows; an empty array when not ``wanted``."""
    if not wanted:
        return np.zeros((len(a), 0), dtype=np.int64)
    zero = np.zeros_like(a)
    return np.column_stack([a, b, zero if c is None else c, zero if d is None else d])


def _name(joined: str, a: int, b: int, c: int, d: int) -> str:
    return joined[a:b] + (" " + joined[c:d] if d > c else "")


class CharNgrams(_Ngrams):
    """Character n-grams of each lower-cased word padded with spaces (``char_wb``), TF-IDF."""

    def __init__(self, ngram_range: tuple[int, int] = (2, 4), min_df: int = 2):
        self.ngram_range = ngram_range
        self.min_df = min_df

    def _parts(self, batch: Batch, spans: bool) -> Iterator[Part]:
        first, length, rows = batch.padded_words
        for n in self._orders():
            a, owner = char_spans(first, length, n)
            yield rows[owner], batch.span_hash(a, a + n), _spans(spans, a, a + n)

    def transform(self, X: Any) -> sp.csr_matrix:
        """As :meth:`_Ngrams.transform`, but each distinct word of the batch is cut once.

        A word's n-grams depend on the word alone, and words repeat (Zipf): the
        counts are (text x word occurrences) @ (distinct word x n-gram counts).
        """
        batch = batch_of(X)
        first, length, rows = batch.padded_words
        shape = (batch.n_rows, len(self.vocabulary_))
        if len(self.vocabulary_) == 0 or len(first) == 0:
            return sp.csr_matrix(shape, dtype=np.float64)
        _, where, word = np.unique(batch.span_hash(first, first + length), return_index=True,
                                   return_inverse=True)
        owners, cols = [], []
        for n in self._orders():
            a, owner = char_spans(first[where], length[where], n)
            col = self._table().lookup(batch.span_hash(a, a + n))
            owners.append(owner[col >= 0])
            cols.append(col[col >= 0])
        owner, col = np.concatenate(owners), np.concatenate(cols)
        grams = sp.csr_matrix((np.ones(len(col)), (owner, col)), shape=(len(where), shape[1]))
        uses = sp.csr_matrix((np.ones(len(word)), (rows, word.ravel())),
                             shape=(shape[0], len(where)))
        return self._weigh(uses @ grams)


class WordNgrams(_Ngrams):
    """Word n-grams (n of ``ngram_range``) over tokens of two or more word characters, TF-IDF."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 2), min_df: int = 1):
        self.ngram_range = ngram_range
        self.min_df = min_df

    def _parts(self, batch: Batch, spans: bool) -> Iterator[Part]:
        """Unigrams and bigrams (the orders 1 and 2 of ``ngram_range``; higher ones are not made)."""
        low, high = self.ngram_range
        a, b = word_spans(batch)
        rows, words = batch.rows_of(a), batch.span_hash(a, b)
        if low <= 1 <= high:
            yield rows, words, _spans(spans, a, b)
        if low <= 2 <= high and len(a) > 1:
            same = rows[1:] == rows[:-1]
            with np.errstate(over="ignore"):
                pair = _mix(words[:-1][same] * U64(PAIR) + words[1:][same] + U64(2)) | U64(1)
            yield rows[:-1][same], pair, _spans(spans, a[:-1][same], b[:-1][same], a[1:][same],
                                                b[1:][same])
