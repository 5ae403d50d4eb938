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
   words split unless the lexicon or actor list knows them whole, numbers,
   punctuation). Each distinct word string is normalised, stemmed and looked
   up once per process.
3. *Gate*: a sentence none of whose words can be a content word of a lexicon
   term or actor alias (the same test the matcher applies, computed with set
   operations) is neutral narrator text and costs nothing more. The gate is
   exact: every match the matcher can find contains such a word (tested).
4. *Events*: the fast mode's matcher and event rules (proper names,
   negation, refusals, modality, de-escalation), unchanged; cooperation with
   no named participant is dropped as in the other modes
   (``scoring.drop_unnamed_cooperation``), a quoted "je"/"nous" standing
   for the speaker since pronouns are not resolved.
5. *Actors and dyads*: the fast mode's actor rules without pronouns
   (aliases give codes; a nationality adjective needs a title or event word
   to depend on, or is a noun, "les Russes"; "en Syrie"/"à Moscou" are
   places, "sur la Syrie" a topic, "Moscou /" a dateline; "les deux
   présidents" are the last two state actors named). Dyads are simplified:
   each counted cooperation pairs every two state actors of the sentence; a
   conflict pairs them as adversaries, or, when an enemy code (IS, TER) is
   in the sentence, pairs each state with the enemy and the states with each
   other as joint cooperators.
6. *Voice*: ``quoted`` when most of the sentence is inside quotation marks
   (carried across sentences and paragraphs as in the other modes), or when
   it has a speech verb (déclarer, affirmer...) or *selon* and a named
   person; the speaker is that person. No pronoun resolution.

What it gives up against the fast mode: pronoun resolution (il, lui, the
speaker's "nous"), speech attributions without a named person, the
agent/target analysis of dyads (``source``/``target`` stay empty), and
modality of sentences without an event (``asserted``). Its accuracy against the gold
annotation is measured by :func:`analysis.evaluate.mode_metrics`
(README: coop 0.98, conf 0.94, RUS-USA 0.83 against 0.99 / 0.94 / 0.79 for
the fast mode).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy

from analysis import lexicon as lx

from .actors import adjective_head, last_two, nominal_adjective, not_an_actor
from .assembly import assemble
from .events import drop_unnamed_cooperation
from .french import CONTRACTIONS, norm, stem, verbal_ending
from .matcher import (
    BODIES,
    ENEMY_CODES,
    PAIR_PERSON_WORDS,
    PERSON_KINDS,
    Engine,
    PhraseIndex,
)
from .result import SentenceScore
from .rules import apply_event_rules
from .speech import quote_segments
from .structures import Event
from .tokens import PUNCT_RE, unique
from .words import OFFICIAL_TITLES, PERSON_TITLES, SPEECH_STRONG_FORMS

__all__ = ["LexicalScorer", "scorer_for", "split_sentences", "stem_prefix", "tokenize"]

# --------------------------------------------------------------------------- #
# Sentences
# --------------------------------------------------------------------------- #
#: Candidate boundary: final punctuation, an optional closer, then white space and a
#: word character or an opening quote (the capital is checked after the match).
_BOUNDARY_RE = re.compile(r"(?:\.\.\.|[.!?…])+[»\"”)\]]?(?=\s+[«\"“(\[\w])")
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
_TOKEN_RE = re.compile(r"\w+(?:['’ʼ-]\w+)*|\S")
_ELIDED_RE = re.compile(r"((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ])(\w.*)",
                        re.IGNORECASE)


def tokenize(text: str) -> list[str]:
    """Word and punctuation strings of a text (elided and hyphenated words still whole)."""
    return _TOKEN_RE.findall(text)


@dataclass(frozen=True, slots=True)
class _Word:
    """One word string with what the matcher and rules read (fast-mode values)."""

    text: str
    w: str
    stem: str
    key: tuple[str, str, str]
    title: bool
    punct: bool
    lemma: str = ""
    space: bool = False
    pos: str = ""
    dep: str = ""
    head: int = -1
    ent: str = ""
    ent_len: int = 0
    mood: str = ""
    tense: str = ""
    verbform: str = ""
    quoted: bool = False


def _make_word(text: str, stem_prefixes: frozenset[str] | None = None) -> _Word:
    """The word object of a string; stemmed only if the stem could matter.

    Snowball French removes suffixes only from the third letter on and
    otherwise only takes the accent off é/è, so a word whose first two letters
    (é/è read as e) start no stem of the tables cannot match by stem: the
    costly stemmer, most of the cost of a new word, is skipped (tested on
    every word of the UD sample in tests/test_lexical.py).
    """
    w = norm(text)
    if w.isalpha() and verbal_ending(w) and (
            stem_prefixes is None or len(w) <= 3
            or stem_prefix(w) in stem_prefixes):
        st = stem(w)
    else:
        st = w
    return _Word(text, w, st, (w, "", st),
                 text[:1].isupper() and (len(text) == 1 or not text.isupper()),
                 bool(PUNCT_RE.match(text)))


_FUNCTION_WORDS = frozenset({
    "de", "à", "en", "et", "le", "la", "les", "un", "une", "des", "du", "au", "aux", "se",
    "avec", "pour", "contre", "sur", "par", "dans", "entre", "sans", "sous", "vers", "chez",
    "depuis", "ne", "pas", "plus", "que", "qui", "ce", "son", "sa", "ses", "leur", "leurs",
    "y", "il", "ils", "on", "deux", "tout", "tous", "toute", "toutes", "'", "-", ",",
})
#: Light verbs and nouns of fixed expressions (faire face, mettre fin, prendre part,
#: coup de main, à terme): frequent in any text, so poor anchors.
_LIGHT_WORDS = frozenset({"faire", "mettre", "prendre", "avoir", "être", "donner", "porter",
                          "tenir", "rendre", "passer", "venir", "aller", "laisser", "coup",
                          "main", "terme", "compte", "cause", "fin", "part", "face", "lieu"})


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

    def learn(self, text: str, parts: tuple[_Word, ...]) -> None:
        (self.trigger if any(self._hit(p) for p in parts) else self.safe).add(text)

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
_TITLE_WORDS = PERSON_TITLES | OFFICIAL_TITLES
_MAX_WORD_CACHE = 500_000


#: An actor found in a sentence: (codes, kind, label); two codes for "les deux présidents".
_Found = tuple[tuple[str, ...], str, str]


@dataclass
class _LexSent:
    """The slice of a prepared sentence that the event rules read."""

    toks: list[_Word]
    matches: list[tuple[int, int, Any]]


class LexicalScorer:
    """Score the paragraphs of articles with regular expressions and the lexicon."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.whole = _hyphenated([engine.lex_index, engine.act_index])
        self.lex_vocab = _Vocabulary(engine.lex_index)
        # a bare title ("le président") names nobody: it only heads an adjective
        self.act_vocab = _Vocabulary(engine.act_index, {
            k for k, r in enumerate(engine.act) if r.code != "*"})
        self.recent: list[str] = []          # state actors named so far in the article
        self.recent_persons: list[str] = []  # ... by a person or a title
        self.words: dict[str, tuple[_Word, ...]] = {}
        self.known: set[str] = set()  # the keys of self.words, for set operations
        self.stem_prefixes = frozenset(
            stem_prefix(spec.stem) for index in (engine.lex_index, engine.act_index)
            for pat in index.patterns for spec in pat.specs if spec.stem)

    def _learn(self, strings: Iterable[str]) -> None:
        """Word objects and trigger flags of word strings not seen before."""
        if len(self.words) > _MAX_WORD_CACHE:
            self.words.clear()
            self.known.clear()
            for v in (self.lex_vocab, self.act_vocab):
                v.trigger.clear()
                v.safe.clear()
        for text in strings:
            parts = tuple(_make_word(p, self.stem_prefixes) for p in self._split(text))
            self.words[text] = parts
            self.known.add(text)
            self.lex_vocab.learn(text, parts)
            self.act_vocab.learn(text, parts)

    def _split(self, text: str) -> list[str]:
        """l'accord -> l' accord; russo-américain -> russo - américain (not États-Unis)."""
        m = _ELIDED_RE.match(text)
        if m:
            return [m.group(1), *self._split(m.group(2))]
        if "-" in text[1:-1] and norm(text) not in self.whole:
            return [p for p in re.split(r"(-)", text) if p]
        return [text]

    def score_article(self, paragraphs: Sequence[str]) -> list[list[SentenceScore]]:
        """One list of sentence scores per paragraph.

        Quotations and the actors named so far ("les deux présidents") carry
        across the article's paragraphs.
        """
        self.recent, self.recent_persons = [], []
        open_quote = False
        out = []
        for text in paragraphs:
            scores, open_quote = self.score_paragraph(text, open_quote)
            out.append(scores)
        return out

    def score_paragraph(self, text: str, open_quote: bool = False,
                        ) -> tuple[list[SentenceScore], bool]:
        """Sentence scores of one paragraph, and whether a quotation stays open.

        "les deux présidents" is resolved from the actors named since the last
        :meth:`score_article` began; call that for whole articles.
        """
        if open_quote or _QUOTE_ANY.search(text):
            segments, open_quote = quote_segments(text, open_quote)
        else:
            segments = []
        lex_trigger, act_trigger = self.lex_vocab.trigger, self.act_vocab.trigger
        words = self.words
        scores = []
        for start, end in split_sentences(text):
            sent = text[start:end]
            strings = _TOKEN_RE.findall(sent)
            distinct = set(strings)
            new = distinct - self.known
            if new:
                self._learn(new)
            voice = "narrator"
            if segments and self._quoted_share(sent, start, segments) >= 0.5:
                voice = "quoted"
            lex = not distinct.isdisjoint(lex_trigger)
            act = not distinct.isdisjoint(act_trigger)
            if not (lex or act):
                scores.append(SentenceScore(start, end, sent, voice=voice))
                continue
            toks = [p for s in strings for p in words[s]]
            scores.append(self._score(start, end, sent, toks, voice, lex, act))
        return scores, open_quote

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

    def _score(self, start: int, end: int, text: str, words: list[_Word],
               voice: str, lex: bool, act: bool) -> SentenceScore:
        eng = self.engine
        matches = [(s, e, eng.lex[eng.lex_index.patterns[pid].row])
                   for s, e, pid in eng.lex_index.find(words)] if lex else []
        events = apply_event_rules(_LexSent(words, matches), full=False) if matches else []
        event_tokens = {k for ev in events if ev.row.role not in ("block", "stop", "recip")
                        for k in range(ev.start, ev.end)}
        topic_tokens = {k for s, e, row in matches if row.category == "CONSULT"
                        for k in range(s, e)}
        mentions, titled = (self._mentions(words, event_tokens, topic_tokens, start == 0)
                            if act else ([], False))
        speaker = ""
        if voice == "narrator":
            speaker = self._speaker(words, mentions)
            if speaker:
                voice = "quoted"
        # without pronoun resolution, a quoted "je"/"nous" still stands for the speaker
        if not mentions and not titled and not (
                voice == "quoted" and any(w.w in ("je", "nous") for w in words)):
            drop_unnamed_cooperation(events, words)
        return assemble(start, end, text, words, events, [], {}, voice=voice, speaker=speaker,
                        actors=unique(c for m in mentions for c in m[0]),
                        dyads=self._dyads([ev for ev in events if ev.counted], mentions),
                        default_modality=lambda: "asserted", offsets=False)

    def _mentions(self, words: list[_Word], event_tokens: set[int], topic_tokens: set[int],
                  paragraph_start: bool) -> tuple[list[_Found], bool]:
        """(codes, kind, label) of the actors named in a sentence, in order, and
        whether it holds a title ("le président", "les deux pays").

        The fast mode's actor rules without pronouns (:func:`.actors.find_mentions`):
        a nationality adjective needs a title or event word to depend on, or to
        be a noun ("les Russes"); "en Syrie"/"à Moscou" are places, "sur la
        Syrie"/"la question de la Corée du Nord" topics, a leading "Moscou /" a
        dateline; "les deux présidents/hommes" are the last two state actors
        named (persons for person words).
        """
        eng = self.engine
        titles: set[int] = set()
        cands: list[tuple[int, int, Any]] = []
        for s, e, pid in eng.act_index.find(words):
            row = eng.act[eng.act_index.patterns[pid].row]
            if row.code in ("*", "PAIR"):
                titles.update(range(s, e))
            if row.code != "*":
                cands.append((s, e, row))
        adj_tokens = {k for s, e, r in cands if r.kind == "adjective" for k in range(s, e)}
        heads = titles | event_tokens
        found: list[_Found] = []
        seen: list[str] = []
        for idx, (s, e, row) in enumerate(cands):
            if not_an_actor(words, cands, idx, paragraph_start, topic_tokens):
                continue
            titled = False
            if row.kind == "adjective":
                head = adjective_head(words, s, adj_tokens, heads)
                if head is None and not nominal_adjective(words, s):
                    continue
                titled = head is not None and words[head].w in _TITLE_WORDS
            if row.code == "PAIR":
                if any(r2.kind == "adjective" and 0 <= s2 - e <= 1 for s2, _, r2 in cands):
                    continue  # "les deux pays arabes" is not a reference back
                persons = any(w in row.label for w in PAIR_PERSON_WORDS)
                pair = last_two((self.recent_persons if persons else self.recent) + seen)
                if len(pair) == 2:
                    found.append((tuple(sorted(pair)), row.kind, row.label))
                continue
            found.append(((row.code,), row.kind, row.label))
            if row.code not in ENEMY_CODES | BODIES and row.kind != "group":
                seen.append(row.code)
                self.recent.append(row.code)
                if row.kind in PERSON_KINDS or titled:
                    self.recent_persons.append(row.code)
        del self.recent[:-20]
        del self.recent_persons[:-20]
        return found, bool(titles)

    @staticmethod
    def _speaker(words: list[_Word], mentions: list[_Found]) -> str:
        """The named person of reported speech (speech verb or *selon*), or ""."""
        persons = [label for _, kind, label in mentions if kind in PERSON_KINDS]
        if not persons:
            return ""
        if any(w.w in SPEECH_STRONG_FORMS or w.w == "selon" for w in words):
            return persons[0]
        return ""

    @staticmethod
    def _dyads(events: list[Event], mentions: list[_Found]) -> list[dict[str, Any]]:
        """Every two state actors: partners of a cooperation, adversaries of a conflict, or
        joint fighters of an enemy (IS, TER) in the sentence."""
        codes = unique(c for m in mentions for c in m[0])
        enemies = [c for c in codes if c in ENEMY_CODES]
        states = [c for c in codes if c not in ENEMY_CODES]
        contrib: dict[tuple[str, str], list[tuple[str, Event]]] = {}

        def add(a: str, b: str, relation: str, ev: Event) -> None:
            if a != b:
                contrib.setdefault((min(a, b), max(a, b)), []).append((relation, ev))

        for ev in events:
            pairs = [(a, b) for i, a in enumerate(states) for b in states[i + 1:]]
            if ev.quad in lx.COOP_QUADS:
                for a, b in pairs:
                    add(a, b, "coop", ev)
            elif enemies:
                for a in states:
                    for b in enemies:
                        add(a, b, "conf", ev)
                for a, b in pairs:
                    add(a, b, "coop", ev)
            else:
                for a, b in pairs:
                    add(a, b, "conf", ev)
        dyads = []
        for (a, b), items in contrib.items():
            relations = {r for r, _ in items}
            dom = max(items, key=lambda it: abs(it[1].weight))[1]
            dyads.append({
                "actor_a": a, "actor_b": b, "source": "", "target": "",
                "relation": "mixed" if len(relations) > 1 else items[0][0],
                "category": dom.category, "quad_class": dom.quad, "weight": dom.weight,
                "negated": dom.negated, "modality": dom.modality,
                "evidence": "; ".join(unique(ev.row.term for _, ev in items)),
            })
        return dyads


_SCORERS: dict[int, LexicalScorer] = {}


def scorer_for(engine: Engine) -> LexicalScorer:
    """The lexical scorer of a compiled engine, built once per process."""
    sc = _SCORERS.get(id(engine))
    if sc is None or sc.engine is not engine:
        sc = _SCORERS[id(engine)] = LexicalScorer(engine)
    return sc

