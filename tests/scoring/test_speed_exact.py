"""The speed paths of issue 18 give what the plain paths give: start plans in the
matcher, the lexical mode's per-word start plans and offsets, the run's collector."""

from __future__ import annotations

import gc
from collections.abc import Sequence

import pytest

from analysis.collector import YOUNG_THRESHOLD, lean_collector
from analysis.corpora import make_press_documents
from analysis.scoring import FrameScorer
from analysis.scoring.french import SKIPPABLE
from analysis.scoring.lexical import LexicalScorer, split_sentences, tokenize
from analysis.scoring.matcher import PhraseIndex


@pytest.fixture(scope="module")
def engine():
    return FrameScorer(mode="fast").fit()._get_engine()


@pytest.fixture(scope="module")
def sentences() -> list[tuple[str, int, int]]:
    """(paragraph, start, end) of the sentences of 60 press-shaped articles."""
    out = []
    for doc in make_press_documents(60, seed=3):
        for para in doc.split("\n"):
            out.extend((para, s, e) for s, e in split_sentences(para))
    return out


def _plain_find(index: PhraseIndex, toks: Sequence) -> list[tuple[int, int, int]]:
    """The matcher before start plans: every first-word pattern of every token tried,
    with the second-word test of each pattern (the reference for the plans)."""
    found = []
    n = len(toks)
    for i, tok in enumerate(toks):
        if tok.space:
            continue
        for pid in index._first_matches(tok):
            pat = index.patterns[pid]
            if len(pat.specs) == 1:
                end = i + 1
            else:
                second = index.second_forms[pid]
                if second is not None and (i + 1 >= n or (
                        toks[i + 1].w not in second[0] and toks[i + 1].w not in SKIPPABLE
                        and toks[i + 1].lemma != second[1])):
                    continue
                end = index._match_at(pat, toks, i, 1)
            index._found(found, toks, i, end, pid)
    return index._choose(found, toks)


def test_start_plans_find_what_every_pattern_finds(engine, sentences) -> None:
    """Lexicon and actor matches of the lexical mode's tokens, through the plans the
    words carry, through plans built from the tokens, and trying every pattern."""
    lex = LexicalScorer(engine)
    n_matches = 0
    for para, s, e in sentences:
        strings = tokenize(para[s:e])
        lex._learn(set(strings) - lex.known)
        toks, _, _, (lex_starts, act_starts) = lex._tokens(para, s, strings, [])
        assert [t.text for t in toks] == [p.text for w in strings for p in lex.words[w]]
        assert all(para[t.start:t.end] == t.text for t in toks)
        for index, starts in ((engine.lex_index, lex_starts), (engine.act_index, act_starts)):
            plain = _plain_find(index, toks)
            assert index.find(toks, starts) == plain == index.find(toks), para[s:e]
            n_matches += len(plain)
    assert n_matches > 500


def test_start_plans_with_lemmas(engine, sentences) -> None:
    """The full mode's tokens carry lemmas: the plans' second-word test by lemma."""
    eng = engine
    from analysis.nlp import parse
    from analysis.scoring.tokens import sentence_tokens

    paras = list(dict.fromkeys(p for p, _, _ in sentences))[:300]
    n = by_lemma = 0
    for doc in parse(paras, "full"):
        for sent in doc.sents:
            toks = sentence_tokens(sent, True, [])
            by_lemma += sum(t.lemma != t.w for t in toks)
            for index in (eng.lex_index, eng.act_index):
                plain = _plain_find(index, toks)
                assert index.find(toks) == plain
                n += len(plain)
    assert n > 100 and by_lemma > 1000


def test_start_plans_let_the_second_word_through_by_lemma(engine) -> None:
    """A second word known by its lemma alone (an unusual form): the plan's
    ``by_lemma`` lets it through as the pattern's second-word test does."""
    from dataclasses import replace

    from analysis.scoring.tokens import Tok

    index = engine.lex_index
    tested = 0
    for pid, pat in enumerate(index.patterns):
        second = index.second_forms[pid]
        first = pat.specs[0]
        if second is None or first.det or len(pat.specs) != 2 or pat.reflexive:
            continue
        w1 = first.lemma
        base = Tok(0, w1, w1, w1, w1, "", "", -1, "", "", "", False, False, False, 0, 1, "",
                   0, key=(w1, w1, w1))
        odd = replace(base, i=1, text="zzz", w="zzz", lemma=second[1], stem="zzz",
                      key=("zzz", second[1], "zzz"))
        toks = [base, odd]
        got = index.find(toks)
        assert got == _plain_find(index, toks), pat.key
        tested += (0, 2, pid) in got
    assert tested > 20


def test_token_expression_guard_changes_no_token(sentences) -> None:
    """The look-ahead before the abbreviations (a run ending with a full stop) gives
    the tokens of the plain alternation, on press text and on tricky abbreviations."""
    import re

    from analysis.scoring.lexical import _ELIDED_ALONE, _WORD_PATTERN, _abbreviations, _token_re

    abbrev = "|".join(re.escape(a) for a in sorted(_abbreviations(), key=len, reverse=True))
    plain = re.compile(rf"(?<!\S)(?:{abbrev})\.(?!\S)|{_ELIDED_ALONE}|{_WORD_PATTERN}")
    tricky = ["M. Poutine et Mme. Merkel, etc. Le Dr. X (p. 3) ; M.Poutine, etc.) av. J.-C.",
              "U.S.A. et M.. puis « M. » et M.\tX et etc.\n"]
    texts = tricky + list(dict.fromkeys(p for p, _, _ in sentences))
    for text in texts:
        assert _token_re().findall(text) == plain.findall(text), text


def test_lean_collector_restores_the_collector() -> None:
    before = gc.get_threshold()
    with lean_collector():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *before[1:])
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_lean_collector_keeps_a_callers_frozen_objects() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with lean_collector():
            pass
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()
