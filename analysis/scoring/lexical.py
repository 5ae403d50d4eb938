"""Lexical mode: the scorer without spaCy, for collections of millions of articles.

``FrameScorer(mode="lexical")`` (``framing score --mode lexical``) scores the
same sentences with the same lexicon, matcher and event rules as the fast
mode, but finds sentences and words with compiled regular expressions and
does per-word work only in sentences that contain a lexicon or actor word:

1. *Sentences*: the ``punct_boundaries`` rule of :mod:`analysis.nlp` as one
   regular expression (sentence-final punctuation, an optional closer, then
   a capital, a digit or an opening quote), skipping spaCy's French
   abbreviations (``M.``, ``Mme.``, ``etc.``) and initials (``J.``).
2. *Words*: one regular expression (elisions ``l'``/``qu'`` apart, hyphenated
   words split unless the lexicon or actor list knows them whole, spaCy's
   abbreviations kept with their full stop, numbers, punctuation). Each
   distinct word string is normalised, stemmed and looked up once per process.
3. *Gate*: a sentence none of whose words can be a content word of a lexicon
   term or actor alias (the same test the matcher applies, computed with set
   operations) is neutral narrator text and costs nothing more. The gate is
   exact: every match the matcher can find contains such a word (tested).
4. *Rules*: every other sentence gets mode-neutral tokens (with character
   offsets and quotation flags) and goes through the fast mode's rules, the
   same functions in the same order (:mod:`analysis.scoring.rules`): actors,
   pronouns and "les deux X" from the article context, speech attribution and
   voice, events, dyads, the named-participant rule, assembly.

What it gives up against the fast mode is only what the gate skips: a sentence
with no lexicon or actor word is not analysed, so its modality stays
``asserted``, and its pronoun or speech attribution does not reach the article
context (measured on the seeds and 40 UD documents: identical coop/conf flags,
dyads differing on 1 of 995 sentences, actors on 6, voice and speaker on 3;
``tests/scoring/test_lexical.py``). Sentence and word splitting are regular
expressions, not spaCy's tokenizer, so a few sentences are split differently.
Its accuracy against the gold annotation is measured by
:func:`analysis.evaluate.mode_metrics` (coop 0.99, conf 0.94, RUS-USA 0.79, as
the fast mode).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy

from .article import ArticleScorer
from .french import CONTRACTIONS, ELISIONS, norm, stem, verbal_ending
from .matcher import (
    Engine,
    PhraseIndex,
    StartPlan,
    Starts,
)
from .result import SentenceScore
from .speech import ends_with_colon_attribution, quote_segments
from .structures import Sent
from .tokens import PUNCT_RE, Tok
from .words import ANCHOR_FUNCTION_WORDS, LIGHT_WORDS

__all__ = ["LexicalScorer", "scorer_for", "split_sentences", "stem_prefix", "tokenize"]

# --------------------------------------------------------------------------- #
# Sentences
# --------------------------------------------------------------------------- #
#: Candidate boundary: final punctuation, an optional closer, then white space and a
#: word character or an opening quote (the capital is checked after the match).
#: One character class, starting only where a run of final punctuation starts: the
#: former ``(?:\.\.\.|[.!?…])+`` backtracked exponentially on a long run of dots, and
#: a match tried at every position of a run is quadratic (issue 17).
_BOUNDARY_RE = re.compile(r"(?<![.!?…])[.!?…]+[»\"”)\]]?(?=\s+[«\"“(\[\w])")
#: The word right before a full stop (M, Mme, U.S.A, etc).
_WORD_BEFORE_RE = re.compile(r"[\w°-]+(?:\.[\w°-]+)*$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """spaCy's French tokenizer exceptions that end with a full stop (M., Mme., etc.)."""
    rules = spacy.blank("fr").tokenizer.rules
    return frozenset(k[:-1] for k in rules if k.endswith(".") and len(k) > 1)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of one paragraph.

    The rule of :func:`analysis.nlp.punct_boundaries` without a tokenizer:
    a sentence ends at ``. ! ? …`` (plus a closing quote or bracket) followed
    by white space and a capital, a digit or an opening quote, except after
    an abbreviation or a one-letter initial. Spans exclude surrounding spaces.
    """
    spans: list[tuple[int, int]] = []
    abbrev = _abbreviations()
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        nxt = text[m.end():m.end() + 8].lstrip()[:1]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "«\"“(["):
            continue
        if m.group()[:1] == "." and m.group()[:3] != "...":
            before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            word = before.group() if before else ""
            if word and (word in abbrev or (len(word) == 1 and word.isalpha()) or "." in word):
                continue  # M. Poutine, J. Smith, U.S.A. Le...
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        s, e = s + lead, s + len(seg.rstrip())
        if e > s:
            out.append((s, e))
    return out


# --------------------------------------------------------------------------- #
# Words
# --------------------------------------------------------------------------- #
#: Words (with their inner apostrophes and hyphens: aujourd'hui, l'accord, États-Unis)
#: and single punctuation marks. Elisions and hyphens are split once per distinct
#: string, in :meth:`LexicalScorer._learn`, which is cheaper than in the expression.
_WORD_PATTERN = r"\w+(?:['’ʼ-]\w+)*|\S"
#: The elided words of the language (l, qu, jusqu...), longest first.
_ELIDED = "|".join(sorted((e.rstrip("'") for e in ELISIONS), key=len, reverse=True))
#: An elided word before no letter stays whole ("l'« hypocrisie »": l' « hypocrisie »), as
#: :func:`analysis.nlp.keep_elisions` keeps it in spaCy's tokenizer.
_ELIDED_ALONE = rf"(?<!\w)(?i:{_ELIDED})['’ʼ](?!\w)"


@lru_cache(maxsize=1)
def _token_re() -> re.Pattern[str]:
    r"""Words and punctuation; spaCy's abbreviations (M., Mme., etc.) keep their full stop,
    as spaCy's tokenizer keeps them when a space surrounds them.

    An abbreviation without white space (all of spaCy's) matches only a whole run of
    non-space characters ending with a full stop: the look-ahead ``\S*\.(?!\S)`` says
    so before the long alternation of abbreviations is tried (most words end otherwise).
    """
    abbrevs = sorted(_abbreviations(), key=len, reverse=True)
    spaced = [a for a in abbrevs if any(c.isspace() for c in a)]  # none in spaCy 3
    guarded = "|".join(re.escape(a) for a in abbrevs if a not in spaced)
    other = "".join(rf"(?<!\S){re.escape(a)}\.(?!\S)|" for a in spaced)
    return re.compile(rf"{other}(?<!\S)(?=\S*\.(?!\S))(?:{guarded})\.(?!\S)"
                      rf"|{_ELIDED_ALONE}|{_WORD_PATTERN}")
_ELIDED_RE = re.compile(rf"((?:{_ELIDED})['’ʼ])(\w.*)", re.IGNORECASE)


def tokenize(text: str) -> list[str]:
    """Word and punctuation strings of a text (elided and hyphenated words still whole)."""
    return _token_re().findall(text)


@dataclass(slots=True)
class _Word:
    """One word string with what the matcher and rules read (fast-mode values).

    ``args`` are the :class:`~.tokens.Tok` fields from ``text`` to ``space``, so that a
    token of this word is built in one call; ``lex_plan`` and ``act_plan`` the lexicon
    and actor patterns whose first word accepts it (filled in by the scorer; None: none).
    """

    text: str
    w: str
    stem: str
    key: tuple[str, str, str]
    title: bool
    punct: bool
    lemma: str = ""
    space: bool = False
    alnum: int = 0
    args: tuple[Any, ...] = ()
    lex_plan: StartPlan | None = None
    act_plan: StartPlan | None = None


def _make_word(text: str, stem_prefixes: frozenset[str] | None = None) -> _Word:
    """The word object of a string; stemmed only if the stem could matter.

    Snowball French removes suffixes only from the third letter on and
    otherwise only takes the accent off é/è, so a word whose first two letters
    (é/è read as e) start no stem of the tables cannot match by stem: the
    costly stemmer, most of the cost of a new word, is skipped (tested on
    every word of the UD sample in tests/scoring/test_lexical.py).
    """
    w = norm(text)
    if w.isalpha() and verbal_ending(w) and (
            stem_prefixes is None or len(w) <= 3
            or stem_prefix(w) in stem_prefixes):
        st = stem(w)
    else:
        st = w
    title = text[:1].isupper() and (len(text) == 1 or not text.isupper())
    punct = bool(PUNCT_RE.match(text))
    return _Word(text, w, st, (w, "", st), title, punct,
                 alnum=sum(map(str.isalnum, text)),
                 args=(text, w, "", st, "", "", -1, "", "", "", title, punct, False))


_FUNCTION_WORDS = ANCHOR_FUNCTION_WORDS
#: Light verbs and nouns of fixed expressions (faire face, mettre fin, prendre part,
#: coup de main, à terme): frequent in any text, so poor anchors.
_LIGHT_WORDS = LIGHT_WORDS


def _anchor(specs: Sequence[Any]) -> Any:
    """The word of a pattern every match must contain that is least likely in any text.

    A match needs all its non-determiner words, so a sentence without the
    anchor's forms cannot match: nouns and adjectives before verbs (whose forms
    and stems are many), light verbs last, function words only if nothing else.
    """
    words = [s for s in specs if not s.det]

    def rank(spec: Any) -> tuple[int, int]:
        if spec.lemma in _FUNCTION_WORDS:
            return (3, 0)
        if spec.lemma in _LIGHT_WORDS:
            return (2, 0)
        return (1 if spec.stem else 0, -len(spec.lemma))

    return min(words, key=rank)


_UNACCENT = str.maketrans("éè", "ee")


def stem_prefix(word: str) -> str:
    """The two letters a word shares with its Snowball stem (é/è read as e)."""
    return word[:2].translate(_UNACCENT)


class _Vocabulary:
    """Which word strings can take part in a match of one index, decided once per string."""

    def __init__(self, index: PhraseIndex, rows: set[int] | None = None):
        self.forms: set[str] = set()
        self.stems: set[str] = set()
        for pat in index.patterns:
            if rows is not None and pat.row not in rows:
                continue
            spec = _anchor(pat.specs)
            self.forms |= spec.forms | {spec.lemma}
            if spec.stem:
                self.stems.add(spec.stem)
        self.trigger: set[str] = set()
        self.safe: set[str] = set()

    def learn(self, text: str, parts: tuple[_Word, ...]) -> bool:
        """File ``text`` under trigger or safe; True if it is a trigger."""
        hit = any(self._hit(p) for p in parts)
        (self.trigger if hit else self.safe).add(text)
        return hit

    def _hit(self, word: _Word) -> bool:
        w = word.w
        if w in self.forms or (w in CONTRACTIONS and CONTRACTIONS[w] in self.forms):
            return True
        return word.stem in self.stems and verbal_ending(w)


def _hyphenated(indexes: Sequence[PhraseIndex]) -> set[str]:
    """Hyphenated word forms the tables know whole (porte-parole, états-unis)."""
    return {f for index in indexes for pat in index.patterns for spec in pat.specs
            for f in spec.forms if "-" in f}


# --------------------------------------------------------------------------- #
# Scorer
# --------------------------------------------------------------------------- #
_QUOTE_ANY = re.compile('[«»“”„"]')
_ALNUM_RE = re.compile(r"[^\W_]")
_MAX_WORD_CACHE = 500_000


class LexicalScorer:
    """Score the paragraphs of articles with regular expressions and the lexicon.

    Sentences and words come from regular expressions; a sentence with no word
    that can take part in a lexicon or actor match (the gate) is neutral
    narrator text, quoted when most of it is inside quotation marks. Every
    other sentence goes through the same rules as the fast mode
    (:class:`~analysis.scoring.article.ArticleScorer`, registry
    :mod:`analysis.scoring.rules`), with the article context carried across
    sentences and paragraphs.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self.whole = _hyphenated([engine.lex_index, engine.act_index])
        self.lex_vocab = _Vocabulary(engine.lex_index)
        # a bare title ("le président") names nobody: it only heads an adjective
        self.act_vocab = _Vocabulary(engine.act_index, {
            k for k, r in enumerate(engine.act) if r.code != "*"})
        self.words: dict[str, tuple[_Word, ...]] = {}
        self.known: set[str] = set()  # the keys of self.words, for set operations
        self.trigger: set[str] = set()  # lexicon or actor triggers: the gate's one set
        self.stem_prefixes = frozenset(
            stem_prefix(spec.stem) for index in (engine.lex_index, engine.act_index)
            for pat in index.patterns for spec in pat.specs if spec.stem)
        self.rules = ArticleScorer(engine, full=False)

    def _learn(self, strings: Iterable[str]) -> None:
        """Word objects and trigger flags of word strings not seen before."""
        if len(self.words) > _MAX_WORD_CACHE:
            self.words.clear()
            self.known.clear()
            self.trigger.clear()
            for v in (self.lex_vocab, self.act_vocab):
                v.trigger.clear()
                v.safe.clear()
        lex_plan = self.engine.lex_index.plan
        act_plan = self.engine.act_index.plan
        for text in strings:
            parts = tuple(_make_word(p, self.stem_prefixes) for p in self._split(text))
            for part in parts:
                part.lex_plan = lex_plan(part)  # type: ignore[arg-type]
                part.act_plan = act_plan(part)  # type: ignore[arg-type]
            self.words[text] = parts
            self.known.add(text)
            if self.lex_vocab.learn(text, parts) | self.act_vocab.learn(text, parts):
                self.trigger.add(text)

    def _split(self, text: str) -> list[str]:
        """l'accord -> l' accord; russo-américain -> russo - américain (not États-Unis)."""
        m = _ELIDED_RE.match(text)
        if m:
            return [m.group(1), *self._split(m.group(2))]
        if "-" in text[1:-1] and norm(text) not in self.whole:
            return [p for p in re.split(r"(-)", text) if p]
        return [text]

    def score_article(self, paragraphs: Sequence[str], date: str = "",
                      ) -> list[list[SentenceScore]]:
        """One list of sentence scores per paragraph.

        Quotations, speakers and the actors named so far ("il", "les deux
        présidents") carry across the article's paragraphs; ``date`` is the
        article's (ISO ``YYYY-MM-DD``, "" when unknown: the date rules are off).
        """
        self.rules = ArticleScorer(self.engine, full=False, date=date)
        return [self.score_paragraph(text, k) for k, text in enumerate(paragraphs)]

    def score_paragraph(self, text: str, paragraph_index: int = 0) -> list[SentenceScore]:
        """Sentence scores of one paragraph, in the context of the article so far."""
        ctx = self.rules.ctx
        if ctx.open_quote or _QUOTE_ANY.search(text):
            segments, ctx.open_quote = quote_segments(text, ctx.open_quote)
        else:
            segments = []
        sents = [self._prepare(text, start, end, segments, paragraph_index == 0 and k == 0)
                 for k, (start, end) in enumerate(split_sentences(text))]
        speakers: dict[int, tuple[str, str]] = {}
        return [self.rules.score_sentence(i, sent, sents, segments, speakers)
                if sent.toks or not _plain(i, sents) else SentenceScore(sent.start, sent.end, sent.text)
                for i, sent in enumerate(sents)]

    def _prepare(self, text: str, start: int, end: int, segments: list[tuple[int, int]],
                 paragraph_start: bool) -> Sent:
        """The sentence for the rules: analysed if the gate lets it through, else empty."""
        sent = text[start:end]
        strings = _token_re().findall(sent)
        distinct = set(strings)
        new = distinct - self.known
        if new:
            self._learn(new)
        if distinct.isdisjoint(self.trigger):
            share = self._quoted_share(sent, start, segments) if segments else 0.0
            first_q = next((max(s, start) for s, e in segments if s < end and e > start), -1)
            return Sent(start, end, [], [], [], set(), None, share, first_q, sent)
        toks, total, inside, starts = self._tokens(text, start, strings, segments)
        prepared = self.rules.analyse(toks, start, end, paragraph_start,
                                      inside / total if total else 0.0, starts)
        prepared.text = sent
        return prepared

    def _tokens(self, text: str, start: int, strings: list[str],
                segments: list[tuple[int, int]],
                ) -> tuple[list[Tok], int, int, Starts]:
        """Mode-neutral tokens of the sentence at ``start`` whose token strings are
        ``strings``, its letters and digits (all, quoted), and the tokens that can
        start a lexicon or actor match.

        Only white space separates two token strings (the last alternative of the
        token expression takes any other character), so each one's offset is the
        next occurrence of the string from the end of the previous one.
        """
        toks: list[Tok] = []
        append = toks.append
        lex_starts: list[tuple[int, StartPlan]] = []
        act_starts: list[tuple[int, StartPlan]] = []
        words = self.words
        find = text.find
        total = inside = 0
        quoted = False
        pos = start
        for string in strings:
            off = find(string, pos)
            pos = off + len(string)
            for part in words[string]:
                if segments:
                    quoted = any(s <= off < e for s, e in segments)
                    total += part.alnum
                    inside += part.alnum if quoted else 0
                nxt = off + len(part.text)
                i = len(toks)
                if part.lex_plan is not None:
                    lex_starts.append((i, part.lex_plan))
                if part.act_plan is not None:
                    act_starts.append((i, part.act_plan))
                append(Tok(i, *part.args, off, nxt, "", 0, quoted, part.key))
                off = nxt
        return toks, total, inside, (lex_starts, act_starts)

    @staticmethod
    def _quoted_share(sent: str, start: int, segments: list[tuple[int, int]]) -> float:
        total = len(_ALNUM_RE.findall(sent))
        if not total:
            return 0.0
        end = start + len(sent)
        inside = 0
        for s, e in segments:
            lo, hi = max(s, start), min(e, end)
            if lo < hi:
                inside += len(_ALNUM_RE.findall(sent[lo - start:hi - start]))
        return inside / total


def _plain(i: int, sents: list[Sent]) -> bool:
    """A skipped sentence that no rule can change: not quoted, not after "X :"."""
    return sents[i].quoted_frac < 0.5 and not (i > 0 and ends_with_colon_attribution(sents[i - 1]))


_SCORERS: dict[int, LexicalScorer] = {}


def scorer_for(engine: Engine) -> LexicalScorer:
    """The lexical scorer of a compiled engine, built once per process."""
    sc = _SCORERS.get(id(engine))
    if sc is None or sc.engine is not engine:
        sc = _SCORERS[id(engine)] = LexicalScorer(engine)
    return sc

