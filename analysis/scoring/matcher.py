"""Token-sequence matcher shared by every mode, and the compiled lexicon and actor tables."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import pandas as pd
import spacy

from analysis import lexicon as lx
from analysis.language import load_actor_roles, load_words

from .french import (
    CONTRACTIONS,
    DETERMINERS,
    LANGUAGE,
    SKIPPABLE,
    adj_forms,
    looks_like_infinitive,
    norm,
    noun_forms,
    stem,
    verb_forms,
    verbal_ending,
)
from .tokens import Tok
from .words import DETERMINER_QUANTIFIERS, QUOTE_CHARS, VERB_INCISES


# --------------------------------------------------------------------------- #
# Token-sequence matcher shared by both modes
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class Spec:
    """One word of a pattern: accepted surface forms, lemma, stem."""

    forms: frozenset[str]
    lemma: str
    stem: str = ""
    det: bool = False
    numeral: bool = False  # a number word or digit stands for it: "fournir 31 chars"


@dataclass(frozen=True)
class Pattern:
    key: str
    specs: tuple[Spec, ...]
    reflexive: bool
    row: int  # index into the owning table
    slotted: bool = False  # has a noun-class slot ("envoi de &arme"): a recipient may stand
    #                        before its "de" ("l'envoi à l'Ukraine de chars")


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    return spacy.blank("fr").tokenizer


def _compile_pattern(text: str, pos: str, row: int) -> Pattern:
    """Turn a lexicon term or actor alias into a matchable word sequence.

    ``&name`` stands for any noun of the class ``name`` (words.tsv ``noun_classes``), as
    PETRARCH2's ``&WEAPON``: "livrer des &arme" matches "livrer des missiles".
    """
    words = [norm(t.text) for t in _tokenizer()(text) if not t.is_space]
    words = _join_classes(words)
    if len(words) == 1 and words[0].endswith("-") and len(words[0]) > 1:
        words = [words[0][:-1], "-"]  # compound prefix: "russo-" matches "russo" "-"
    reflexive = False
    if len(words) > 1 and words[0] == "se":
        reflexive = True
        words = words[1:]
    specs: list[Spec] = []
    single = len(words) == 1
    for k, w in enumerate(words):
        if w.startswith("&") and len(w) > 1:
            specs.append(Spec(class_forms(w[1:]), w))
        elif w in DETERMINERS and not single and words[k + 1:k + 2] \
                and words[k + 1].startswith("&"):
            # "livrer des &vivres" matches "livrer du carburant", "livrer de la nourriture": a
            # determiner before a class slot is any determiner or the partitive "de"
            specs.append(Spec(DETERMINERS | {"de"}, w, numeral=True))
        elif w in DETERMINERS and w not in CONTRACTIONS and not single:
            specs.append(Spec(frozenset({w}), w, det=True))
        elif (single and pos == "VERB") or (
                (not single or pos == "MWE") and looks_like_infinitive(w)):
            specs.append(Spec(verb_forms(w), w, stem(w)))
        elif single and pos == "ADJ":
            specs.append(Spec(adj_forms(w), w))
        elif single and pos == "ADV":
            specs.append(Spec(frozenset({w}), w))
        elif single and pos == "NOUN":
            forms = noun_forms(w) | adj_forms(w) if w.endswith(("iste", "istes")) \
                else noun_forms(w)
            specs.append(Spec(forms, w))
        else:
            specs.append(Spec(noun_forms(w) if w.isalpha() and len(w) > 3
                               else frozenset({w}), w))
    if specs and not specs[0].det:
        specs[0] = unaccented_capital(specs[0])
    return Pattern(text, tuple(specs), reflexive, row,
                   slotted=any(s.lemma.startswith("&") for s in specs))


#: Accented initials a capital letter drops in headlines and wire copy ("Echange de
#: prisonniers", "Egypte", "Elysée").
_ACCENTED_INITIALS = "éèê"


def unaccented_capital(spec: Spec) -> Spec:
    """The first word of a pattern also matches without the accent of its initial, as a
    capital drops it ("Echange de prisonniers entre Moscou et Washington": échange; rule
    ``unaccented_capital``)."""
    extra = {"e" + f[1:] for f in spec.forms if f[:1] in _ACCENTED_INITIALS and len(f) > 2}
    return replace(spec, forms=spec.forms | extra) if extra else spec


def hyphen_split(pat: Pattern) -> Pattern | None:
    """"États-Unis" also matches inside "Russie-États-Unis", where the tokenizer splits
    every hyphen: the pattern with its hyphenated words as word, "-", word (rule
    ``hyphen_split``); None when no word of the pattern holds a hyphen."""
    if not any("-" in f[1:-1] for spec in pat.specs for f in spec.forms):
        return None
    specs: list[Spec] = []
    for spec in pat.specs:
        if not any("-" in f[1:-1] for f in spec.forms):
            specs.append(spec)
            continue
        parts = spec.lemma.split("-")
        for k, part in enumerate(parts):
            if k:
                specs.append(Spec(frozenset({"-"}), "-"))
            specs.append(Spec(frozenset({part}), part))
    specs[0] = unaccented_capital(specs[0])
    return replace(pat, specs=tuple(specs))


def after_recipient(toks: Sequence[Tok], k: int) -> int:
    """Past a recipient named between a verb and its object ("a fourni à Kiev des
    renseignements", "livrer aux Ukrainiens des missiles"): "à"/"au"/"aux", a determiner,
    and one to three capitalised words; ``k`` itself when there is none."""
    if k >= len(toks) or toks[k].w not in OBJECT_GAP:
        return k
    j = k + 1
    while j < len(toks) and toks[j].w in DETERMINERS and j - k <= 2:
        j += 1
    start = j
    while j < len(toks) and toks[j].title and j - start < 3:
        j += 1
    return j if j > start else k


def _join_classes(words: list[str]) -> list[str]:
    """["&", "arme"] -> ["&arme"] (the tokenizer splits the class marker off)."""
    out: list[str] = []
    for w in words:
        if out and out[-1] == "&":
            out[-1] = "&" + w
        else:
            out.append(w)
    return out


@cache
def class_forms(name: str) -> frozenset[str]:
    """Every form of the nouns of class ``name`` (a noun may belong to several classes,
    written space-separated: "soldat" is a captive, a national and a troop); an unknown
    class is an error."""
    members = [noun for noun, cls in NOUN_CLASSES.items() if name in cls.split()]
    if not members:
        raise ValueError(f"lexicon: unknown noun class &{name} (words.tsv noun_classes has "
                         f"{sorted({c for v in NOUN_CLASSES.values() for c in v.split()})})")
    return frozenset().union(*(noun_forms(norm(n)) for n in members))


def fill_slots(term: str, toks: Sequence[Tok]) -> str:
    """``term`` with each noun-class slot followed by the noun it matched among ``toks``
    (the match's tokens, in order): "livrer des &arme" over "a livré des missiles" is
    "livrer des &arme=missiles"; a term without a slot is returned as it is."""
    if "&" not in term:
        return term
    rest = iter(toks)

    def fill(slot: re.Match[str]) -> str:
        forms = class_forms(slot[1])
        noun = next((t.text for t in rest if t.w in forms), "")
        return f"{slot[0]}={noun}" if noun else slot[0]

    return re.sub(r"&(\w+)", fill, term)


_FIRST_CACHE_MAX = 200_000


@dataclass(frozen=True, slots=True)
class StartPlan:
    """The patterns whose first word accepts one token string, sorted by what decides
    them: ``single`` one-word patterns (matched already), ``always`` longer ones that
    only :meth:`PhraseIndex._match_at` can decide, and ``second`` the ones whose second
    word must be one of a few forms (or a skippable word, or one lemma): ``by_form`` and
    ``by_lemma`` give those of ``second`` that the next token's form or lemma lets through.
    """

    single: tuple[int, ...]
    always: tuple[int, ...]
    second: tuple[int, ...]
    by_form: dict[str, tuple[int, ...]]
    by_lemma: dict[str, tuple[int, ...]]


#: (token index, the start plan of that token), in token order, for the tokens that
#: can start a match.
StartList = Sequence[tuple[int, StartPlan]]
#: The start lists of one sentence for the lexicon and the actor index.
Starts = tuple[StartList, StartList]


class PhraseIndex:
    """First-word index over compiled patterns; finds longest matches."""

    def __init__(self, patterns: Sequence[Pattern]):
        self.patterns = list(patterns)
        self.by_form: dict[str, list[int]] = {}
        self.by_stem: dict[str, list[int]] = {}
        self.det_first: list[int] = []
        for pid, pat in enumerate(self.patterns):
            first = pat.specs[0]
            if first.det:
                self.det_first.append(pid)
                continue
            for f in sorted(first.forms | {first.lemma}):
                self.by_form.setdefault(f, []).append(pid)
            if first.stem:
                self.by_stem.setdefault(first.stem, []).append(pid)
        self._first_cache: dict[tuple[str, str, str], tuple[int, ...]] = {}
        self._plan_cache: dict[tuple[str, str, str], StartPlan | None] = {}
        # Expressions starting with "de", "à", "en" or an article are tried at every such
        # word; most are rejected by the very next token, neither skippable nor a form of
        # the second word. These are the surface forms (contractions included) and the
        # lemma the second word accepts; None when it also accepts by class or stem, and
        # _match_at decides.
        self.second_forms: list[tuple[frozenset[str], str] | None] = []
        for pat in self.patterns:
            second = pat.specs[1] if len(pat.specs) > 1 else None
            if second is None or second.det or second.stem or not second.lemma:
                self.second_forms.append(None)
            else:
                self.second_forms.append((second.forms | {
                    c for c, base in CONTRACTIONS.items() if base in second.forms} | (
                    NUMBER_WORDS if second.numeral else frozenset()), second.lemma))

    @staticmethod
    def _spec_ok(spec: Spec, tok: Tok) -> bool:
        if spec.det:  # "interdire les importations" matches "interdit toute importation"
            return tok.w in DETERMINERS or tok.w in DETERMINER_QUANTIFIERS
        if tok.w in spec.forms or (tok.lemma and tok.lemma == spec.lemma):
            return True
        if spec.numeral and (tok.w in NUMBER_WORDS or tok.w.isdigit()):
            return True  # "livrer 31 chars", "fournir trois batteries"
        if tok.w in CONTRACTIONS and CONTRACTIONS[tok.w] in spec.forms:
            return True
        return bool(spec.stem) and tok.stem == spec.stem and verbal_ending(tok.w)

    def _match_at(self, pat: Pattern, toks: Sequence[Tok], i: int, first: int = 0) -> int:
        """End of the match of ``pat`` starting at token ``i``, or -1.

        ``first`` = 1 when the first word is known to match token ``i``.
        """
        k = i + first
        for j, spec in enumerate(pat.specs[first:], first):
            skipped = 0
            if j == 1 and (pat.specs[0].stem or pat.slotted) and k < len(toks) \
                    and not self._spec_ok(spec, toks[k]):  # "l'envoi à l'Ukraine de chars"
                k = after_recipient(toks, k)  # not "travailler avec": there "avec" is the term's
            while True:
                if k >= len(toks):
                    return -1
                tok = toks[k]
                if j > 0 and skipped == 0 and tok.w in _INCISE_FIRST \
                        and (n := incise_length(toks, k)):  # "a repoussé ces dernières
                    skipped, k = 2, k + n  # semaines une offre": skipped, no more after it
                    continue
                if self._spec_ok(spec, tok):
                    break
                if j > 0 and skipped < 2 and (tok.w in SKIPPABLE or tok.w in QUOTE_CHARS or (
                        (spec.lemma.startswith("&") or pat.specs[j - 1].det)  # "toute nouvelle
                        and (tok.w in _CLASS_SKIPS or tok.w.isdigit()))):  # importation"
                    skipped += 1
                    k += 1
                    continue
                return -1
            k += 1
        return k

    @staticmethod
    def _exactness(pat: Pattern, toks: Sequence[Tok], i: int) -> int:
        spec = pat.specs[0]
        tok = toks[i]
        if tok.w == spec.lemma or tok.lemma == spec.lemma:
            return 2
        return 1 if tok.w in spec.forms and not spec.stem else 0

    def _first_matches(self, tok: Tok) -> tuple[int, ...]:
        """Patterns whose first word accepts this token, in candidate order.

        Depends only on the token's form, lemma and stem, so it is cached per
        index: most tokens are not the start of any term and cost one look-up.
        """
        key = tok.key
        pids = self._first_cache.get(key)
        if pids is None:
            cands: list[int] = []
            cands.extend(self.by_form.get(tok.w, ()))
            if tok.w in CONTRACTIONS:
                cands.extend(self.by_form.get(CONTRACTIONS[tok.w], ()))
            if tok.lemma and tok.lemma != tok.w:
                cands.extend(self.by_form.get(tok.lemma, ()))
            cands.extend(self.by_stem.get(tok.stem, ()))
            if tok.w in DETERMINERS:
                cands.extend(self.det_first)
            pids = tuple(pid for pid in dict.fromkeys(cands)
                         if self._spec_ok(self.patterns[pid].specs[0], tok))
            if len(self._first_cache) >= _FIRST_CACHE_MAX:
                self._first_cache.clear()
            self._first_cache[key] = pids
        return pids

    def _may_start(self, tok: Tok) -> bool:
        """False when :meth:`_first_matches` has no candidate for the token (none of its
        look-ups finds a pattern): a few set tests instead of building the candidates."""
        w = tok.w
        return (w in self.by_form or tok.lemma in self.by_form or tok.stem in self.by_stem
                or (w in CONTRACTIONS and CONTRACTIONS[w] in self.by_form)
                or (bool(self.det_first) and w in DETERMINERS))

    def plan(self, tok: Tok) -> StartPlan | None:
        """The :class:`StartPlan` of a token (None if it starts no pattern), cached by
        the token's form, lemma and stem as :meth:`_first_matches` is."""
        key = tok.key
        if key in self._plan_cache:
            return self._plan_cache[key]
        if not self._may_start(tok):
            return None  # most new words: no candidate, nothing worth caching here
        pids = self._first_matches(tok)
        plan = self._make_plan(pids) if pids else None
        if len(self._plan_cache) >= _FIRST_CACHE_MAX:
            self._plan_cache.clear()
        self._plan_cache[key] = plan
        return plan

    def _make_plan(self, pids: tuple[int, ...]) -> StartPlan:
        single, always, second = [], [], []
        by_form: dict[str, list[int]] = {}
        by_lemma: dict[str, list[int]] = {}
        for pid in pids:
            if len(self.patterns[pid].specs) == 1:
                single.append(pid)
                continue
            test = self.second_forms[pid]
            if test is None:
                always.append(pid)
                continue
            second.append(pid)
            for form in test[0]:
                by_form.setdefault(form, []).append(pid)
            by_lemma.setdefault(test[1], []).append(pid)
        return StartPlan(tuple(single), tuple(always), tuple(second),
                         {k: tuple(v) for k, v in by_form.items()},
                         {k: tuple(v) for k, v in by_lemma.items()})

    def starts(self, toks: Sequence[Tok]) -> list[tuple[int, StartPlan]]:
        """(token index, start plan) of the tokens that can start a match, in order."""
        out: list[tuple[int, StartPlan]] = []
        cache = self._plan_cache
        for i, tok in enumerate(toks):
            if tok.space:
                continue
            plan = cache[tok.key] if tok.key in cache else self.plan(tok)
            if plan is not None:
                out.append((i, plan))
        return out

    def find(self, toks: Sequence[Tok], starts: StartList | None = None,
             ) -> list[tuple[int, int, int]]:
        """Non-overlapping (start, end, pattern id) matches, longest first.

        ``starts``: what :meth:`starts` returns for ``toks``, when the caller knows it
        already (the lexical mode keeps each word's start plans with the word). A
        pattern whose second word the next token cannot be is not tried (the plan's
        ``by_form``/``by_lemma``); the candidates' order does not matter, the matches
        are sorted on a total key below.
        """
        found: list[tuple[int, int, int]] = []
        n = len(toks)
        for i, plan in self.starts(toks) if starts is None else starts:
            for pid in plan.single:
                self._found(found, toks, i, i + 1, pid)
            for pid in plan.always:
                self._found(found, toks, i, self._match_at(self.patterns[pid], toks, i, 1), pid)
            if plan.second and i + 1 < n:
                nxt = toks[i + 1]
                if nxt.w in SKIPPABLE or nxt.w in OBJECT_GAP or nxt.w in QUOTE_CHARS \
                        or nxt.w.isdigit():  # « réponse », "livrer 31 chars"
                    cands = plan.second
                else:
                    cands = plan.by_form.get(nxt.w, ())
                    if nxt.lemma and nxt.lemma in plan.by_lemma:
                        cands = tuple(dict.fromkeys(cands + plan.by_lemma[nxt.lemma]))
                for pid in cands:
                    self._found(found, toks, i, self._match_at(self.patterns[pid], toks, i, 1),
                                pid)
        return self._choose(found, toks)

    def _found(self, found: list[tuple[int, int, int]], toks: Sequence[Tok], i: int, end: int,
               pid: int) -> None:
        """Keep the match of ``pid`` from ``i`` to ``end`` (-1: none), reflexive checked."""
        if end >= 0 and not (self.patterns[pid].reflexive and not _has_reflexive(toks, i)):
            found.append((i, end, pid))

    def _choose(self, found: list[tuple[int, int, int]], toks: Sequence[Tok],
                ) -> list[tuple[int, int, int]]:
        """The non-overlapping matches of ``found``, longest and most exact first."""
        # longest first; on the same span prefer the entry whose own form is the word
        # ("rencontre" the noun over "rencontrer", "combats" -> combat over combattre)
        found.sort(key=lambda m: (-(m[1] - m[0]), -len(self.patterns[m[2]].specs),
                                  -self._exactness(self.patterns[m[2]], toks, m[0]),
                                  not self.patterns[m[2]].reflexive, m[0], m[2]))
        taken = [False] * len(toks)
        chosen: list[tuple[int, int, int]] = []
        for start, end, pid in found:
            if any(taken[start:end]):
                continue
            for k in range(start, end):
                taken[k] = True
            chosen.append((start, end, pid))
        chosen.sort()
        return chosen


_WORDS = load_words(LANGUAGE)
_REFLEXIVE = _WORDS.set("reflexive_clitics")
_SUBJECT_CLITICS = _WORDS.set("subject_clitics")
_OFFICE_FUNCTION_WORDS = DETERMINERS | _WORDS.set("office_function_words")
_DOUBLE_REFLEXIVE = _WORDS.set("double_reflexive")
_SI_ELIDED_BEFORE = _WORDS.set("si_elided_before")
#: noun -> class: the nouns a lexicon term's ``&class`` slot accepts.
NOUN_CLASSES = _WORDS.map("noun_classes")
#: number words, digits and prenominal adjectives also skipped before a class slot ("la
#: livraison de six canons", "a livré de nouveaux systèmes de défense")
#: number words (plusieurs, deux ... mille): with digits, they stand for a class slot's determiner.
NUMBER_WORDS = _WORDS.set("quantifiers")
_CLASS_SKIPS = NUMBER_WORDS | _WORDS.set("prenominal_adjectives")
#: the prepositions of a recipient or partner named before a verb's object
OBJECT_GAP = _WORDS.set("object_gap_prepositions")


#: The ``verb_incises`` phrases by their first two words: ("à", "trois") -> the rest.
_INCISES: dict[tuple[str, str], list[tuple[str, ...]]] = {}
for _phrase in VERB_INCISES:
    _INCISES.setdefault(_phrase[:2], []).append(_phrase[2:])
#: The first words of the ``verb_incises`` phrases.
_INCISE_FIRST = frozenset(p[0] for p in _INCISES)


def incise_length(toks: Sequence[Tok], k: int) -> int:
    """The length of the ``verb_incises`` phrase at ``k`` ("à trois reprises": 3), or 0.
    Called at every mismatch of an expression's word, so looked up by the first two words."""
    if k + 1 >= len(toks) or toks[k].w not in _INCISE_FIRST:
        return 0
    for rest in _INCISES.get((toks[k].w, toks[k + 1].w), ()):
        if all(k + 2 + j < len(toks) and toks[k + 2 + j].w == w for j, w in enumerate(rest)):
            return 2 + len(rest)
    return 0


def _has_reflexive(toks: Sequence[Tok], i: int) -> bool:
    """A reflexive clitic within the four tokens before a verb (se, nous nous...)."""
    for k in range(i - 1, max(-1, i - 5), -1):
        w = toks[k].w
        if toks[k].punct:
            return False
        if w in _REFLEXIVE and not (k + 1 < len(toks) and toks[k + 1].w in _SI_ELIDED_BEFORE):
            return True
        if w in _DOUBLE_REFLEXIVE and k > 0 and toks[k - 1].w in _SUBJECT_CLITICS | {w}:
            return True
    return False


# --------------------------------------------------------------------------- #
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class LexRow:
    term: str
    pos: str
    category: str
    quad: str
    weight: float
    cameo: str
    role: str


@dataclass(frozen=True)
class ActRow:
    alias: str
    code: str
    kind: str
    label: str
    start: str = ""  # an office holder's whole tenure (actors.tsv start/end), ISO dates
    end: str = ""


@dataclass(frozen=True)
class Term:
    """One term of ``offices.tsv``: who held an office phrase of a state, from start to end."""

    words: tuple[frozenset[str], ...]  # each content word of the phrase, in all its forms
    label: str
    start: str
    end: str  # excluded; "" while in office

    def holds(self, date: str) -> bool:
        return self.start <= date and (not self.end or date < self.end)

    def reads(self, words: Sequence[str]) -> bool:
        """Are ``words`` (content words of a text, normalised) this office phrase?"""
        return len(words) == len(self.words) and all(
            w in forms for w, forms in zip(words, self.words, strict=True))


def office_words(words: Sequence[str]) -> list[str]:
    """Content words of a title phrase, normalised: articles and prepositions left out
    ("chef de la diplomatie" -> chef, diplomatie)."""
    return [w for w in words
            if w not in _OFFICE_FUNCTION_WORDS and w.replace("-", "").isalpha()]


def _offices(offices: pd.DataFrame) -> tuple[dict[str, list[Term]],
                                              dict[tuple[str, str], list[Term]]]:
    """The terms of ``offices.tsv`` by state code (longest phrase first) and by (code, label)."""
    by_code: dict[str, list[Term]] = {}
    by_person: dict[tuple[str, str], list[Term]] = {}
    for r in offices.itertuples(index=False):
        for phrase in lx.office_phrases(str(r.office)):
            words = office_words([norm(w) for w in phrase.replace("'", "' ").split()])
            forms = tuple(frozenset({w} | noun_forms(w) | adj_forms(w)) for w in words)
            term = Term(forms, str(r.label), str(r.start), str(r.end or ""))
            by_code.setdefault(str(r.code), []).append(term)
            by_person.setdefault((str(r.code), str(r.label)), []).append(term)
    for terms in by_code.values():
        terms.sort(key=lambda t: -len(t.words))
    return by_code, by_person


# Actor roles (data/<language>/actor_roles.tsv) and the words of actor phrases
_ROLES = load_actor_roles(LANGUAGE)
#: How the aliases of a kind are inflected: adjectives in gender and number, nouns in
#: number, the others not at all ("ADV": the exact form).
_ACTOR_POS = {**{k: "ADJ" for k in sorted(_ROLES.of("adjective_forms"))},
              **{k: "NOUN" for k in sorted(_ROLES.of("noun_forms"))}}
PERSON_KINDS = _ROLES.of("person")
ENEMY_CODES = _ROLES.of("enemy")
STATE_KINDS = _ROLES.of("state")
BODIES = _ROLES.of("body")
COORDINATORS = frozenset({",", "-", "/"}) | _WORDS.set("coordinators")
PAIR_PERSON_WORDS = _WORDS.seq("pair_person_words")


class Engine:
    """Lexicon and actor matchers, compiled once per process and per table."""

    def __init__(self, lexicon: pd.DataFrame, actors: pd.DataFrame):
        self.lex = [
            LexRow(str(r.term), str(r.pos), str(r.category), str(r.quad_class),
                    float(r.weight), str(r.cameo), str(r.role))
            for r in lexicon.itertuples(index=False)
        ]
        self.act = [
            ActRow(str(r.alias), str(r.code), str(r.kind), str(r.label),
                   str(getattr(r, "start", "") or ""), str(getattr(r, "end", "") or ""))
            for r in actors.itertuples(index=False)
        ]
        #: the holders of each state's offices (``offices.tsv``), for the date rules
        self.offices, self.terms = _offices(lx.load_offices())
        self.lex_index = PhraseIndex(
            [_compile_pattern(r.term, r.pos, k) for k, r in enumerate(self.lex)])
        actor_patterns = [_compile_pattern(r.alias, _ACTOR_POS.get(r.kind, "ADV"), k)
                          for k, r in enumerate(self.act)]
        split = [hyphen_split(p) for p in actor_patterns]
        self.act_index = PhraseIndex(actor_patterns + [p for p in split if p is not None])
        #: compound adjectives: prefix ("sino") -> code, and every form of a nationality
        #: adjective ("américaines") -> code, to read "sino-américaines" as one token
        self.compound_prefixes = {norm(r.alias[:-1]): r.code for r in self.act
                                  if r.kind == "adjective" and r.alias.endswith("-")}
        self.adjective_forms = {f: r.code for r in self.act
                                if r.kind == "adjective" and not r.alias.endswith("-")
                                and " " not in r.alias for f in adj_forms(norm(r.alias))}
        #: token key -> (lexicon plan, actor plan): both start plans in one look-up
        self._plans: dict[tuple[str, str, str], tuple[StartPlan | None, StartPlan | None]] = {}

    def starts(self, toks: Sequence[Tok]) -> Starts:
        """The lexicon's and the actors' :meth:`PhraseIndex.starts` of ``toks``, in one
        pass with one cache look-up per token (the parsed modes; the lexical mode keeps
        the plans with each word)."""
        lex: list[tuple[int, StartPlan]] = []
        act: list[tuple[int, StartPlan]] = []
        cache = self._plans
        for i, tok in enumerate(toks):
            if tok.space:
                continue
            plans = cache.get(tok.key)
            if plans is None:
                if len(cache) >= _FIRST_CACHE_MAX:
                    cache.clear()
                plans = cache[tok.key] = (self.lex_index.plan(tok), self.act_index.plan(tok))
            if plans[0] is not None:
                lex.append((i, plans[0]))
            if plans[1] is not None:
                act.append((i, plans[1]))
        return lex, act


_ENGINES: dict[str, Engine] = {}


def _digest(frame: pd.DataFrame, columns: Sequence[str]) -> str:
    values = pd.util.hash_pandas_object(frame[list(columns)].astype(str), index=False).values
    return hashlib.sha1(values.tobytes()).hexdigest()


def engine_for(lexicon: pd.DataFrame, actors: pd.DataFrame) -> Engine:
    """The compiled engine for these tables, built at most once per process."""
    dated = [c for c in ("start", "end") if c in actors.columns]
    key = _digest(lexicon, lx.LEXICON_COLUMNS[:-1]) + _digest(
        actors, [*lx.ACTOR_COLUMNS[:-1], *dated])
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = Engine(lexicon, actors)
    return engine


# --------------------------------------------------------------------------- #
