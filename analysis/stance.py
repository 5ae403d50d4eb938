"""How an outlet portrays each actor, and whether it endorses the Russia–US cooperation it reports.

Two measures sit beside the cooperation/conflict frame (see ``docs/stance.md``):

* **Portrayal** (:func:`portray`): for every (article, actor) pair, the
  evaluative words the text attaches to the actor through the dependency
  parse, scored with the French polarity lexicon ``data/polarity.tsv``
  (:func:`load_polarity`). A word is attached to an actor when it modifies it
  (``amod``), stands in apposition to it (``appos``, or a comma-delimited noun
  phrase right after the mention, which the small French parser often misses),
  is predicated of it (the actor is the ``nsubj`` of an adjectival or nominal
  predicate with a copula, or the object of "qualifier / juger / trouver X
  (de) Y"), sits in a participial clause on it (``acl``) or is a conjunct of
  such a word (``conj``). Negation ("ne … pas", "sans", "jamais", "peu")
  reverses and damps a word (VADER's scalar −0.74), intensifiers ("très",
  "étonnamment", "absolument") strengthen it (×1.3). Words inside quotation
  marks, and every word of a sentence the scorer marks as reported speech, are
  the speaker's: ``portrayal_score`` is the outlet's own voice (narrator),
  ``quoted_score`` the sources it quotes.
* **Stance toward the cooperation** (:func:`stance`): in the sentences that
  depict Russia–United States cooperation (from the scorer's dyads) and their
  neighbours, the evaluations of the cooperation itself (words attached to an
  interaction noun such as "travail", "rencontre", "coopération", or to a
  pronoun subject such as "ce" in "ce n'est pas réaliste"), the lexicon's
  stance cues ("il reste à", "malgré", "vents contraires", "respect mutuel")
  and negated cooperation ("nous ne nous sommes pas mis d'accord"). Per voice
  the net score ``(pos − neg) / (pos + neg)`` gives ``desirable``, ``doubted``,
  ``mixed`` or ``neither``.

:func:`portrayal_table` aggregates portrayal per outlet with two-stage
bootstrap intervals; :func:`portrayal_heatmap` draws it; :func:`evaluate_stance`
compares both measures with the gold annotations of the seeds.
"""

from __future__ import annotations

import csv
import math
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from .stats import agreement, confusion, keyed_rng, percentile_interval, two_stage_means
from .tables import ACTOR_COLUMNS, STANCE_COLUMNS, Scored

if TYPE_CHECKING:  # heavy imports only when needed
    from matplotlib.figure import Figure
    from spacy.tokens import Doc, Token

Voice = Literal["narrator", "quoted", "all"]

#: Version of ``data/polarity.tsv`` (also written in its header).
POLARITY_VERSION = "1.0.0"
POLARITY_FILE = "polarity.tsv"
POLARITY_COLUMNS = ["term", "weight", "source", "kind", "note"]
#: Portrayal labels; a mean score above +THRESHOLD is favourable, below −THRESHOLD unfavourable.
PORTRAYALS: tuple[str, ...] = ("favourable", "neutral", "unfavourable")
PORTRAYAL_THRESHOLD = 0.1
#: Stance labels; net score ≥ +1/3 desirable, ≤ −1/3 doubted, in between mixed; no evidence: neither.
STANCES: tuple[str, ...] = ("desirable", "doubted", "mixed", "neither")
STANCE_THRESHOLD = 1 / 3
#: Weight of a negated Russia–US cooperation ("ne nous sommes pas mis d'accord") as doubt.
NEGATED_COOP_WEIGHT = -0.5
#: A general-lexicon noun must weigh at least this to evaluate its "de" complement ("la
#: destruction de Daesh"); weaker ones ("intérêts", "bastion") are mostly descriptive.
NMOD_MIN_WEIGHT = 0.3
#: The cooperating pair whose cooperation :func:`stance` follows (sorted codes, as in dyads).
COOP_PAIR: tuple[str, str] = ("RUS", "USA")
VOICES: tuple[str, ...] = ("narrator", "quoted", "all")
#: Name of an article's missing outlet (as ``analysis.compare.UNKNOWN_OUTLET``).
UNKNOWN_OUTLET = "inconnu"
#: Sentence kinds scored (boilerplate never is).
SCORED_KINDS = ("body", "headline")

EVALUATION_COLUMNS = [
    "article_id", "sentence_id", "term", "lexicon_term", "kind", "weight", "score", "negated",
    "boosters", "rule", "target", "target_kind", "actors", "voice", "speaker", "source",
]
TABLE_COLUMNS = [
    "outlet", "actor", "voice", "n_articles", "mentions", "n_evaluations", "score", "score_low",
    "score_high", "n_favourable", "n_neutral", "n_unfavourable",
]

# Parts of speech that can carry a portrayal (adverbs, pronouns, names… cannot).
_EVALUATIVE_POS = {"ADJ", "NOUN", "VERB"}
# Negators that count only with "ne" ("ne … plus", "ne … point").
_NEEDS_NE = {"plus", "point"}
# Verbs whose object receives the predicate: "qualifiant cette rencontre de constructive".
_QUALIFY = {"qualifier", "juger", "trouver", "estimer", "considérer", "décrire", "jugé", "qualifié",
            "qualifiant", "trouve", "juge", "estime", "considère", "décrit", "taxer", "traiter"}
# Nouns naming an interaction; an evaluation of one evaluates the cooperation (stance) and, in
# portrayal, the actors of the sentence's cooperative dyads (rule "event").
INTERACTION_NOUNS = frozenset({
    "coopération", "collaboration", "travail", "rencontre", "entretien", "conversation",
    "discussion", "dialogue", "déclaration", "accord", "document", "relation", "contact",
    "coordination", "partenariat", "négociation", "projet", "possibilité", "perspective",
    "échange", "réunion", "consultation", "appel", "compromis", "volonté", "détermination",
    "engagement", "effort", "mécanisme", "action", "initiative", "sommet", "concertation",
})
# Pronoun subjects standing for the situation just described ("ce n'est pas réaliste").
_CONTEXT_PRONOUNS = {"ce", "c'", "cela", "ça", "il", "le", "l'"}
# "les deux présidents / hommes / chefs d'État …" pair persons, not countries or bodies.
_PERSON_PAIRS = ("président", "homme", "chef", "dirigeant", "leader", "ministre", "homologue")
_RELATIVE = {"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles", "dont"}
_OPEN_QUOTES = {"«", "“", "„", "‹"}
_CLOSE_QUOTES = {"»", "”", "›"}
_TOGGLE_QUOTES = {'"'}


# ---------------------------------------------------------------- the polarity lexicon

@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a word or phrase with its weight, source and kind."""

    term: str
    weight: float
    source: str
    kind: str  # polarity | stance | booster | negator


@dataclass(frozen=True)
class PolarityLexicon:
    """``data/polarity.tsv`` indexed for matching (keys are tuples of lower-case tokens)."""

    entries: dict[tuple[str, ...], Entry]
    boosters: dict[tuple[str, ...], float]
    negators: dict[str, float]
    version: str
    max_len: int

    def lookup(self, words: Sequence[str]) -> Entry | None:
        """The polarity or stance entry for exactly these tokens, if any."""
        return self.entries.get(tuple(words))


def term_tokens(term: str) -> tuple[str, ...]:
    """Split a lexicon term like spaCy's French tokenizer does ("d'esprit" → "d'", "esprit")."""
    term = _normalise(term).lower()
    return tuple(re.findall(r"\w+'|\w+(?:-\w+)*|[^\w\s]", term))


def _polarity_path() -> Path:
    return Path(str(resources.files("analysis") / "data" / POLARITY_FILE))


def read_polarity(path: str | Path | None = None) -> pd.DataFrame:
    """The lexicon file as a DataFrame (columns :data:`POLARITY_COLUMNS`)."""
    path = Path(path) if path is not None else _polarity_path()
    df = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False,
                     quoting=csv.QUOTE_NONE)
    df["weight"] = df["weight"].astype(float)
    return df[POLARITY_COLUMNS]


@lru_cache(maxsize=4)
def load_polarity(path: str | None = None) -> PolarityLexicon:
    """Load the polarity lexicon (cached).

    Entries of weight 0 are kept: they mark words known not to be evaluative.
    """
    df = read_polarity(path)
    version = POLARITY_VERSION
    text = (Path(path) if path else _polarity_path()).read_text(encoding="utf-8")
    m = re.search(r"^# version: (\S+)", text, re.M)
    if m:
        version = m.group(1)
    entries: dict[tuple[str, ...], Entry] = {}
    boosters: dict[tuple[str, ...], float] = {}
    negators: dict[str, float] = {}
    for term, weight, source, kind in df[["term", "weight", "source", "kind"]].itertuples(index=False):
        toks = term_tokens(term)
        if kind == "booster":
            boosters[toks] = float(weight)
        elif kind == "negator":
            negators[" ".join(toks)] = float(weight)
        else:
            entries[toks] = Entry(term, float(weight), source, kind)
    max_len = max((len(k) for k in entries), default=1)
    return PolarityLexicon(entries, boosters, negators, version, max_len)


def build_polarity(hand: str | Path | None = None, out: str | Path | None = None) -> pd.DataFrame:
    """Rebuild ``data/polarity.tsv`` from the installed vaderSentiment-fr and textblob-fr lexicons.

    Why: the file is shipped as data (nothing is read from other packages at
    run time), and this function documents exactly how it was made. ``hand``
    is a TSV of hand-written entries (default: the ``hand`` rows of the
    current file), which override both packages. Returns the written table.
    """
    import importlib.util
    import xml.etree.ElementTree as ET

    src = Path(hand) if hand is not None else _polarity_path()
    hand_df = pd.read_csv(src, sep="\t", comment="#", dtype=str, keep_default_na=False,
                          quoting=csv.QUOTE_NONE)
    hand_df = hand_df[hand_df["source"] == "hand"]

    vader_dir = Path(importlib.util.find_spec("vaderSentiment_fr").origin).parent
    blob_dir = Path(importlib.util.find_spec("textblob_fr").origin).parent
    # vaderSentiment-fr: "term->valence" in [-4, 4]; boosters and negators from its module.
    vader: dict[str, float] = {}
    for line in (vader_dir / "fr_lexicon.txt").read_text(encoding="utf-8").splitlines():
        if "->" not in line:
            continue
        w, v = line.rsplit("->", 1)
        w = _normalise(w.strip()).lower()
        if re.fullmatch(r"[a-zà-öø-ÿœæç' -]{3,}", w):
            vader[w] = float(v) / 4
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from vaderSentiment_fr import vaderSentiment as vs
    # pattern-fr (textblob-fr's fr-sentiment.xml): polarity in [-1, 1], subjectivity in [0, 1].
    pattern: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for w in ET.parse(blob_dir / "fr-sentiment.xml").getroot().iter("word"):
        form = _normalise(w.get("form", "")).lower()
        if form:
            pattern[form].append((float(w.get("polarity", 0)), float(w.get("subjectivity", 0))))

    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for form in sorted(set(vader) | set(pattern)):
        pv = pattern.get(form)
        if pv:
            pol = float(np.mean([p for p, _ in pv]))
            subj = float(np.mean([s for _, s in pv]))
            if abs(pol) < 0.1 or subj < 0.3:
                continue  # Pattern judges the form objective or neutral: not evaluative
            if form in vader:
                weight, source = (pol + vader[form]) / 2, "vader-fr+pattern-fr"
            else:
                weight, source = pol, "pattern-fr"
        else:
            weight, source = vader[form], "vader-fr"
        if abs(weight) < 0.05:
            continue
        rows[(form, "polarity")] = {"term": form, "weight": round(weight, 3), "source": source,
                                    "kind": "polarity", "note": ""}
    excluded_boosters = {"ainsi", "fort", "forte", "fortes", "forts", "juste", "extra", "super", "tant",
                         "quelque", "rare", "environ", "approximativement", "à peu près", "putain de",
                         "léger", "légers", "légère", "légères", "exceptionnel", "exceptionnelle",
                         "exceptionnels", "exceptionnelles", "peu"}
    for w, inc in vs.BOOSTER_DICT.items():
        if w in excluded_boosters:
            continue
        rows[(w, "booster")] = {"term": w, "weight": 1.3 if inc > 0 else 0.7, "source": "vader-fr",
                                "kind": "booster", "note": "BOOSTER_DICT"}
    for w in vs.NEGATE:
        rows[(w, "negator")] = {"term": w, "weight": vs.N_SCALAR, "source": "vader-fr",
                                "kind": "negator", "note": "NEGATE, N_SCALAR"}
    for r in hand_df.to_dict("records"):
        term = _normalise(str(r["term"])).lower()
        for kind in ("polarity", "stance", "booster", "negator"):
            if kind != r["kind"]:
                rows.pop((term, kind), None)  # a hand entry decides the word's kind
        rows[(term, r["kind"])] = {"term": term, "weight": float(r["weight"]), "source": "hand",
                                   "kind": r["kind"], "note": r.get("note", "")}
    # a booster or negator is never itself a polarity word
    for term, kind in list(rows):
        if kind == "polarity" and ((term, "booster") in rows or (term, "negator") in rows):
            del rows[(term, kind)]
    kind_order = {"polarity": 0, "stance": 1, "booster": 2, "negator": 3}
    table = pd.DataFrame(sorted(rows.values(), key=lambda r: (kind_order[r["kind"]], r["term"])),
                         columns=POLARITY_COLUMNS)
    counts = table.groupby(["kind", "source"]).size()
    header = [
        "# name: French polarity lexicon for actor portrayal and cooperation stance",
        f"# version: {POLARITY_VERSION} (2026-11-23); rebuilt by analysis.stance.build_polarity()",
        "# sources and licences:",
        "#   vader-fr: vaderSentiment-fr 1.3.4 (PyPI), fr_lexicon.txt, BOOSTER_DICT, NEGATE, N_SCALAR;",
        "#     MIT licence, (c) 2016 C.J. Hutto (VADER), French translation O. Deprez and T. Ek",
        "#     (7 Lieues Technologies). Valence in [-4, 4] divided by 4.",
        "#   pattern-fr: textblob-fr 0.2.0 (PyPI), fr-sentiment.xml, the French adjective lexicon of",
        "#     Pattern (T. De Smedt, W. Daelemans, fabelier.org; the file declares license=\"PDDL\";",
        "#     Pattern is BSD-3-Clause, textblob-fr MIT-style, (c) 2013 S. Loria). Polarity in",
        "#     [-1, 1]; forms Pattern marks objective (subjectivity < 0.3) or neutral (|polarity| <",
        "#     0.1) are left out, even when vader-fr lists them.",
        "#   vader-fr+pattern-fr: mean of the two when both list the form.",
        "#   hand: written for this project (MIT, as the project): news-specific evaluative terms",
        "#     for actors, cooperation-stance cues, and weight-0 entries marking words the general",
        "#     lexicons mis-score in news (\"sommet\", \"poursuivie\", \"Affaires étrangères\").",
        "#     Hand entries override both packages.",
        "# columns: term (lower-case word form or phrase, straight apostrophes), weight, source, kind,",
        "#   note. kind: polarity (evaluative word, weight in [-1, 1]); stance (cue for the stance",
        "#   toward a cooperation only, weight in [-1, 1]); booster (multiplier of the next",
        "#   evaluative word: >1 intensifies, <1 damps); negator (multiplier applied when it",
        "#   negates the word, as VADER's N_SCALAR).",
        "# entries: " + ", ".join(f"{k}/{s} {n}" for (k, s), n in counts.items()),
    ]
    out = Path(out) if out is not None else _polarity_path()
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(header) + "\n")
        fh.write("\t".join(POLARITY_COLUMNS) + "\n")
        for r in table.itertuples(index=False):
            fh.write(f"{r.term}\t{r.weight:.3f}\t{r.source}\t{r.kind}\t{r.note}\n")
    load_polarity.cache_clear()
    return table


# ---------------------------------------------------------------- text, actors, parses

def _normalise(text: str) -> str:
    """Same-length normalisation for matching and parsing: straight apostrophes, plain spaces."""
    return (text.replace("’", "'").replace("ʼ", "'").replace("\u00a0", " ").replace("\u202f", " ")
            .replace("\u2009", " "))


@dataclass(frozen=True)
class Mention:
    """An actor mention in a sentence: token span, actor code(s), alias kind and surface text.

    ``codes`` has several codes for "les deux présidents" (``PAIR``) or
    "russo-américaine", else one.
    """

    codes: tuple[str, ...]
    start: int
    end: int
    text: str
    kind: str = ""


class ActorMatcher:
    """Find actor aliases (``analysis.lexicon.load_actors()``: alias, code, kind) in parsed text.

    Aliases are lower-case surface forms or lemma sequences; they are
    tokenised like the text and matched on token forms or lemmas, longest
    first. Aliases of three letters or fewer ("ei", "onu") match only in upper
    case; compound prefixes ("russo-") match inside hyphenated words
    ("russo-américaine").
    """

    def __init__(self, actors: pd.DataFrame) -> None:
        from .nlp import load_pipeline

        tokenizer = load_pipeline("full").tokenizer
        self.entry: dict[tuple[str, ...], tuple[str, str]] = {}
        self.prefix: dict[str, tuple[str, str]] = {}
        self.short: set[tuple[str, ...]] = set()
        self.titles: set[str] = set()
        variants: list[tuple[tuple[str, ...], tuple[str, str]]] = []
        kinds = actors["kind"] if "kind" in actors.columns else pd.Series("", index=actors.index)
        for alias, code, kind in zip(actors["alias"], actors["code"], kinds, strict=True):
            if not isinstance(alias, str) or not alias.strip() or not isinstance(code, str):
                continue
            a = _normalise(alias.strip()).lower()
            if a.endswith("-"):
                self.prefix.setdefault(a[:-1], (code, _text(kind)))
                continue
            key = tuple(t.text for t in tokenizer(a))
            self.entry.setdefault(key, (code, _text(kind)))
            if len(key) == 1 and len(a) > 4:  # "terroristes" also matches "terroriste", and back
                other = a[:-1] if a.endswith("s") and not a.endswith("ss") else a + "s"
                variants.append(((other,), (code, _text(kind))))
            if len(a) <= 3 and a.isalpha():
                self.short.add(key)
            if code == "*":
                self.titles.add(a)
        for key, value in variants:  # explicit aliases win over generated number variants
            self.entry.setdefault(key, value)
        self.max_len = max((len(k) for k in self.entry), default=1)

    def _lookup(self, toks: Sequence[Token]) -> tuple[str, str] | None:
        forms = tuple(t.lower_ for t in toks)
        lemmas = tuple(t.lemma_.lower() or t.lower_ for t in toks)
        keys = [forms, lemmas, forms[:-1] + lemmas[-1:]]
        if len(toks) == 1:  # inflected adjectives the lemmatiser leaves alone ("américaine")
            w = forms[0]
            keys += [(w[:-n],) for n, end in ((1, "s"), (1, "e"), (2, "es"), (2, "ne"), (3, "nes"))
                     if w.endswith(end) and len(w) > n + 3]
        for key in keys:
            if key in self.entry:
                if key in self.short and not all(t.text.isupper() for t in toks):
                    return None
                return self.entry[key]
        return None

    def find(self, doc: Doc) -> list[tuple[int, int, tuple[str, ...], str]]:
        """Non-overlapping ``(start, end, codes, kind)`` token spans, longest first."""
        out, i = [], 0
        while i < len(doc):
            for n in range(min(self.max_len, len(doc) - i), 0, -1):
                hit = self._lookup(doc[i:i + n])
                if hit is not None:
                    out.append((i, i + n, (hit[0],), hit[1]))
                    i += n
                    break
            else:
                j, codes = i, []  # "russo - irano - turque": prefixes joined by hyphens
                while j + 1 < len(doc) and doc[j].lower_ in self.prefix and doc[j + 1].text == "-":
                    codes.append(self.prefix[doc[j].lower_][0])
                    j += 2
                if codes:
                    last = self._lookup(doc[j:j + 1]) if j < len(doc) else None
                    if last and last[1] == "adjective":
                        codes.append(last[0])
                        j += 1
                    out.append((i, j, tuple(dict.fromkeys(codes)), "compound"))
                    i = j
                else:
                    i += 1
        return out


def default_actors() -> pd.DataFrame:
    """The project's actor dictionary (``analysis.lexicon.load_actors()``)."""
    from .lexicon import load_actors

    return load_actors()


@lru_cache(maxsize=1)
def interaction_nouns() -> frozenset[str]:
    """Nouns naming an interaction: :data:`INTERACTION_NOUNS` and the frame lexicon's cooperative nouns."""
    try:
        from .lexicon import COOP_QUADS, load_lexicon

        lex = load_lexicon()
        coop = lex[(lex["pos"] == "NOUN") & lex["quad_class"].isin(COOP_QUADS)]["term"]
        return INTERACTION_NOUNS | frozenset(coop)
    except (ImportError, FileNotFoundError):  # pragma: no cover - lexicon not installed
        return INTERACTION_NOUNS


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    try:
        from .lexicon import load_lexicon

        lex = load_lexicon()
        return frozenset(lex.loc[lex["pos"] == "NOUN", "term"])
    except (ImportError, FileNotFoundError):  # pragma: no cover
        return INTERACTION_NOUNS


def _parse(texts: Sequence[str]) -> list[Doc]:
    from .nlp import load_pipeline

    nlp = load_pipeline("full")
    return list(nlp.pipe([_normalise(t) for t in texts], batch_size=64))


def find_mentions(doc: Doc, matcher: ActorMatcher, recent: list[tuple[str, bool]] | None = None
                  ) -> list[Mention]:
    """Actor mentions in a parsed sentence, resolved as the actor dictionary says.

    Adjacent aliases are one mention when one is a title or their codes agree
    ("le président russe Vladimir Poutine": RUS once); a title takes the code
    of its neighbour and is dropped without one. A nationality adjective is an
    actor only next to a title, on an event noun ("le conflit syrien"), or as
    a noun ("les Russes"). A title alias with its own code ("régime") is not
    a mention when a non-actor "de" complement follows ("régime de
    cessez-le-feu"). "Les deux présidents" (``PAIR``) takes the last two
    distinct codes of ``recent`` (the article's codes so far, with whether they name
    a person; updated in place); a pair of persons ("les deux présidents / hommes /
    chefs d'État") takes the last two persons, so that it is not "Poutine and the UN".
    """
    recent = recent if recent is not None else []
    raw = [[codes, s, e, kind] for s, e, codes, kind in matcher.find(doc)]
    merged: list[list[Any]] = []
    for m in raw:
        if merged and merged[-1][2] == m[1] and "PAIR" not in (m[0] + merged[-1][0]):
            prev = merged[-1]
            if prev[0] == ("*",) and m[0] != ("*",):
                prev[0], prev[2], prev[3] = m[0], m[2], "title+" + m[3]
                continue
            if m[0] in {prev[0], ("*",)}:
                prev[2] = m[2]
                prev[3] = prev[3] if prev[3] != "adjective" else "adjective+" + m[3]
                continue
        merged.append(list(m))
    at = {i: k for k, m in enumerate(merged) for i in range(m[1], m[2])}
    events = _event_nouns()
    out = []
    for codes, start, end, kind in merged:
        if codes == ("*",):
            continue
        tok = doc[start:end].root
        if kind == "adjective" and (tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ == "amod"):
            h = tok
            while h.dep_ == "conj" and h.head.i != h.i:
                h = h.head
            if not any((c.i in at and merged[at[c.i]][0] == ("*",)) or c.lemma_.lower() in events
                       or c.lower_ in events for c in (h, h.head)):
                continue
        if kind == "title" and end < len(doc) and doc[end].lower_ in {"de", "du", "des", "d'"} and not any(
                j in at for j in range(end + 1, min(len(doc), end + 3))):
            continue
        if codes == ("PAIR",):
            persons = any(w in doc[start:end].text.lower() for w in _PERSON_PAIRS)
            pool = [c for c, person in recent if person or not persons]
            distinct = list(dict.fromkeys(reversed(pool)))[:2]
            if len(distinct) < 2:
                continue
            codes = tuple(sorted(distinct))
        else:
            person = kind in {"leader", "official"} or kind.startswith("title+")
            recent.extend((c, person) for c in codes)
        out.append(Mention(tuple(codes), start, end, doc[start:end].text, kind))
    return out


def _quote_direction(doc: Doc, tok: Token) -> str:
    """open / close / toggle for a quotation mark; straight quotes by the characters around them."""
    if tok.text in _OPEN_QUOTES:
        return "open"
    if tok.text in _CLOSE_QUOTES:
        return "close"
    text, c = doc.text, tok.idx
    before = text[c - 1] if c > 0 else " "
    after = text[c + 1] if c + 1 < len(text) else " "
    if (before.isspace() or before in "([") and not after.isspace():
        return "open"
    if (after.isspace() or after in ",.;:)!?") and not before.isspace():
        return "close"
    return "toggle"


def quoted_tokens(doc: Doc) -> list[bool] | None:
    """Per token, whether it stands inside quotation marks; ``None`` if the text has none.

    « » and “ ” open and close; a straight double quote opens after a space
    and closes before one. A closing mark before any opening one means the
    sentence starts inside a quotation begun in an earlier sentence.
    """
    marks = [(t.i, _quote_direction(doc, t)) for t in doc
             if t.text in _OPEN_QUOTES | _CLOSE_QUOTES | _TOGGLE_QUOTES]
    if not marks:
        return None
    direction = dict(marks)
    inside = marks[0][1] == "close"
    out = []
    for t in doc:
        d = direction.get(t.i)
        if d is not None:
            inside = d == "open" or (d == "toggle" and not inside)
            out.append(False)
        else:
            out.append(inside)
    return out


# ---------------------------------------------------------------- evaluations in one sentence

@dataclass
class Evaluation:
    """One evaluative word or phrase in a sentence, with what it is attached to."""

    start: int
    end: int
    term: str
    entry: Entry
    score: float
    negated: bool
    boosters: list[str] = field(default_factory=list)
    rule: str = ""
    target: str = ""
    target_kind: str = ""  # actor | event | context | "" (unattached)
    actors: list[str] = field(default_factory=list)
    quoted: bool | None = None  # None: the sentence has no quotation marks


def _find_entries(doc: Doc, lex: PolarityLexicon) -> list[tuple[int, int, Entry]]:
    """Longest-match lexicon lookup over the tokens (form first, then lemma for single words)."""
    words = [t.text.lower() for t in doc]
    out, i = [], 0
    while i < len(doc):
        hit = None
        for n in range(min(lex.max_len, len(doc) - i), 0, -1):
            e = lex.lookup(words[i:i + n])
            if e is None and n == 1 and doc[i].lemma_:
                e = lex.lookup([doc[i].lemma_.lower()])
            if e is not None:
                hit = (i, i + n, e)
                break
        if hit is None:
            i += 1
            continue
        e, tok = hit[2], doc[hit[0]]
        verbal = tok.pos_ == "VERB" and ("Fin" in tok.morph.get("VerbForm") or any(
            c.dep_ == "aux:tense" for c in tok.children))  # "a souligné": an event, not a quality
        if e.weight != 0 and (e.kind == "stance" or hit[1] - hit[0] > 1
                              or (tok.pos_ in _EVALUATIVE_POS and not verbal)):
            out.append(hit)
        i = hit[1]
    return out


def _has_ne(tok: Token) -> bool:
    return any(c.lower_ in {"ne", "n'"} for c in tok.children) or any(
        t.lower_ in {"ne", "n'"} for t in tok.doc[max(0, tok.i - 4):tok.i])


def _modifiers(doc: Doc, start: int, end: int, lex: PolarityLexicon) -> tuple[float, bool, list[str]]:
    """Negation and boosters governing the word at ``start:end``: (multiplier, negated, words).

    Negation is looked for on the word, on the predicate it shares ("n'est pas
    utile et fructueux"), on the predicate noun it modifies ("n'est pas un
    partenaire fiable") and on the verb it complements ("je ne le trouve pas
    utile", "sans faire sermons"); boosters on the word or just before it.
    """
    head = doc[start:end].root
    scope = [head]
    if head.dep_ == "conj" and not any(c.dep_ == "cop" for c in head.children):
        scope.append(head.head)
    if head.dep_ == "amod" and any(c.dep_ == "cop" for c in head.head.children):
        scope.append(head.head)
    if head.dep_ in {"obj", "xcomp", "obl:arg", "obl:mod", "nmod"} and head.head.pos_ == "VERB":
        scope.append(head.head)
    mult, negated, words = 1.0, False, []
    seen: set[int] = set()
    cands = [c for s in scope for c in s.children] + [doc[k] for k in range(max(0, start - 2), start)]
    for c in sorted(cands, key=lambda t: t.i):
        if c.i in seen or start <= c.i < end:
            continue
        seen.add(c.i)
        w = c.lower_
        if w in lex.negators and not negated and (w not in _NEEDS_NE or _has_ne(c.head)):
            if w == "sans" and c.i > start:
                continue
            mult *= lex.negators[w]
            negated = True
            words.append(c.text)
        elif (w,) in lex.boosters and c.i < start and c.head.i in {head.i, *(s.i for s in scope)} | {
                t.i for t in doc[c.i + 1:start + 1]}:
            mult *= lex.boosters[(w,)]
            words.append(c.text)
    for key, m in lex.boosters.items():  # multi-word boosters just before the word ("tout à fait")
        n = len(key)
        if n > 1 and start - n >= 0 and tuple(t.lower_ for t in doc[start - n:start]) == key:
            mult *= m
            words.append(" ".join(key))
    return mult, negated, words


@dataclass
class _Context:
    doc: Doc
    mention_at: dict[int, Mention]
    appos: dict[int, list[Mention]]  # token in a surface apposition -> the mentions it describes
    boosters: dict[tuple[str, ...], float] = field(default_factory=dict)


def _codes(ms: Iterable[Mention]) -> list[str]:
    return sorted({c for m in ms for c in m.codes})


def _group(m: Mention, doc: Doc, mention_at: dict[int, Mention]) -> list[Mention]:
    """A mention with the mentions coordinated with it ("la Russie et l'Iran")."""
    root = doc[m.start:m.end].root
    out = [m]
    near = list(root.children) + ([root.head] if root.dep_ == "conj" else [])
    for t in near:
        if (t.dep_ == "conj" or t.i == root.head.i) and t.i in mention_at and mention_at[t.i] not in out:
            out.append(mention_at[t.i])
    return out


def _surface_appositions(doc: Doc, mentions: list[Mention], mention_at: dict[int, Mention]
                         ) -> dict[int, list[Mention]]:
    """Comma-delimited noun phrases right after a mention: "la Russie et l'Iran, alliés de Damas,".

    The phrase runs to the next comma, full stop, colon or opening quote (at
    most ten tokens) and must hold no finite verb or auxiliary. A plural
    phrase also describes the mentions coordinated with the last one.
    """
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        j = m.end
        while j < len(doc) and doc[j].text in _CLOSE_QUOTES | _TOGGLE_QUOTES | {")"}:
            j += 1
        if j >= len(doc) or doc[j].text != ",":
            continue
        k = j + 1
        if k >= len(doc) or k in mention_at or doc[k].pos_ not in {"DET", "NOUN", "ADJ", "VERB"}:
            continue
        phrase: list[int] = []
        stops = {",", ".", ";", ":", "(", "!", "?"} | _OPEN_QUOTES | _TOGGLE_QUOTES
        while k < len(doc) and len(phrase) < 10 and doc[k].text not in stops:
            misread = not phrase and doc[k].lower_ == doc[k].lemma_.lower()  # "partenaire" tagged VERB
            if doc[k].pos_ == "AUX" or (doc[k].pos_ == "VERB" and "Fin" in doc[k].morph.get("VerbForm")
                                        and not misread):
                phrase = []
                break
            phrase.append(k)
            k += 1
        content = [i for i in phrase if doc[i].pos_ in {"NOUN", "ADJ", "PROPN"}
                   or (doc[i].pos_ == "VERB" and doc[i - 1].pos_ == "DET")]
        if not content or content[0] in mention_at or doc[content[0]].pos_ == "PROPN" or (
                k < len(doc) - 1 and doc[k].text == "," and (k + 1 in mention_at
                                                             or doc[k + 1].lower_ in {"et", "ou"})):
            continue  # a list of actors or of items, not an apposition
        first = doc[content[0]]
        group = _group(m, doc, mention_at) if "Plur" in first.morph.get("Number") else [m]
        for i in phrase:
            out.setdefault(i, [])
            out[i].extend(g for g in group if g not in out[i])
    return out


def _de_nmod_mention(tok: Token, ctx: _Context) -> Mention | None:
    """The mention that is tok's "de" complement: "participation de la Russie", "destruction de Daesh"."""
    for c in tok.children:
        if c.dep_ == "nmod" and c.i in ctx.mention_at and any(
                g.lower_ in {"de", "du", "des", "d'"} for g in c.children if g.dep_ == "case"):
            return ctx.mention_at[c.i]
    return None


def _resolve(tok: Token, ctx: _Context, depth: int = 0) -> tuple[str, str, list[str]]:
    """What a target token refers to: (target_kind, target text, actor codes)."""
    if depth > 4:
        return "", tok.text, []
    if tok.i in ctx.mention_at:
        m = ctx.mention_at[tok.i]
        return "actor", m.text, list(m.codes)
    if tok.i in ctx.appos:
        return "actor", tok.text, _codes(ctx.appos[tok.i])
    for c in tok.children:  # "le président, Poutine", "le groupe takfiriste Daesh": a name after it
        if c.i in ctx.mention_at and (c.dep_ in {"appos", "flat:name"} or (
                c.dep_ == "nmod" and c.i > tok.i and not any(g.dep_ == "case" for g in c.children))):
            m = ctx.mention_at[c.i]
            return "actor", m.text, list(m.codes)
    if tok.dep_ == "appos":
        return _resolve(tok.head, ctx, depth + 1)
    if any(c.dep_ == "cop" for c in tok.children):  # predicate noun: "X est un dirigeant courageux"
        subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubj:pass"}]
        if subj:
            return _resolve(subj[0], ctx, depth + 1)
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "acl:relcl":
        return _resolve(tok.head.head, ctx, depth + 1)
    if tok.lemma_.lower() in interaction_nouns() or tok.lower_ in interaction_nouns():
        return "event", tok.text, []
    if tok.pos_ == "PRON" and tok.lower_ in _CONTEXT_PRONOUNS:
        return "context", tok.text, []
    return "", tok.text, []


def _attach(ev: Evaluation, ctx: _Context, attached: dict[int, Evaluation]) -> None:
    """Find what the evaluative word at ``ev.start:ev.end`` evaluates (rules in the module doc)."""
    doc = ctx.doc
    head = doc[ev.start:ev.end].root

    def done(rule: str, kind: str, target: str, actors: list[str]) -> bool:
        if not kind:
            return False
        ev.rule, ev.target_kind, ev.target, ev.actors = rule, kind, target, actors
        return True

    # label: the word is (part of) a mention ("terroristes", "régime criminel"); a label used as an
    # adjective also describes the noun's actor ("le groupe takfiriste Daesh": TER and IS)
    inside = [ctx.mention_at[i] for i in range(ev.start, ev.end) if i in ctx.mention_at]
    if inside:
        codes = _codes(inside)
        if head.dep_ == "amod":
            kind, _, more = _resolve(head.head, ctx)
            codes = sorted(set(codes) | set(more if kind == "actor" else []))
        done("label", "actor", inside[0].text, codes)
        return
    # apposition (parsed, or a comma-delimited phrase after a mention)
    if head.i in ctx.appos:
        ms = ctx.appos[head.i]
        if done("appos", "actor", " ; ".join(m.text for m in ms), _codes(ms)):
            return
    if head.dep_ == "appos" and done("appos", *_resolve(head.head, ctx)):
        return
    # modifier of a noun: "l'indéfectible allié", "la participation efficace de la Russie"
    if head.dep_ in {"amod", "acl"} and head.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        noun = head.head
        if done("amod", *_resolve(noun, ctx)):
            return
        m = _de_nmod_mention(noun, ctx)
        if m is not None and done("amod-nmod", "actor", m.text, list(m.codes)):
            return
    # predicate with a copula: "Ce n'est pas réaliste", "le travail a été utile"
    pred = head
    if not any(c.dep_ == "cop" for c in pred.children) and pred.dep_ == "conj" and any(
            c.dep_ == "cop" for c in pred.head.children):
        pred = pred.head
    if any(c.dep_ == "cop" for c in pred.children):
        subj = [c for c in pred.children if c.dep_ in {"nsubj", "nsubj:pass", "expl:subj"}]
        if subj and done("cop", *_resolve(subj[0], ctx)):
            return
    # qualifier predicate: "qualifiant cette rencontre de constructive", "je le trouve important"
    for anc in [head, *head.ancestors][:4]:
        if anc.lemma_.lower() in _QUALIFY or anc.lower_ in _QUALIFY:
            objs = [c for c in anc.children if c.dep_ == "obj" and c.i != head.i]
            # "qualifier X de Y": Y outside X, or parsed as X's complement introduced by "de"
            de_adj = head.pos_ in {"ADJ", "VERB"} and any(
                c.lower_ in {"de", "d'"} and c.dep_ in {"case", "mark"} for c in head.children)
            if objs and (head.i not in {t.i for t in objs[0].subtree} or de_adj) and done(
                    "qualify", *_resolve(objs[0], ctx)):
                return
    # participial or adjectival clause on a mention: "Assad, accusé de crimes"
    for anc in head.ancestors:
        if anc.dep_ == "acl" and anc.head.i in ctx.mention_at:
            m = ctx.mention_at[anc.head.i]
            if done("acl", "actor", m.text, list(m.codes)):
                return
            break
    # evaluative noun with the actor as its complement: "les succès de l'armée syrienne",
    # "la destruction de Daesh" (the actor framed as a target)
    if head.pos_ == "NOUN" and (ev.entry.source == "hand" or abs(ev.entry.weight) >= NMOD_MIN_WEIGHT):
        m = _de_nmod_mention(head, ctx)
        if m is not None and done("nmod", "actor", m.text, list(m.codes)):
            return
    # conjunct of an attached evaluative word: "constructive et étonnamment ouverte"
    if head.dep_ == "conj" and head.head.i in attached:
        src = attached[head.head.i]
        if done("conj", src.target_kind, src.target, list(src.actors)):
            return
    # fallback when the parse went astray: an adjective right after its noun ("possibilités
    # pratiquement illimitées") or an adjective-lexicon word right before it ("de vastes projets")
    if ev.end - ev.start == 1 and (head.pos_ in {"ADJ", "VERB"} or "pattern-fr" in ev.entry.source):
        k = ev.start - 1
        while k >= 0 and (doc[k].pos_ == "ADV" or (doc[k].lower_,) in ctx.boosters):
            k -= 1
        if k >= 0 and doc[k].pos_ in {"NOUN", "PROPN"} and done("adjacent", *_resolve(doc[k], ctx)):
            return
        if ev.end < len(doc) and doc[ev.end].pos_ == "NOUN" and done(
                "adjacent", *_resolve(doc[ev.end], ctx)):
            return


def sentence_evaluations(doc: Doc, mentions: list[Mention], lex: PolarityLexicon | None = None
                         ) -> list[Evaluation]:
    """Every polarity word or stance cue in one parsed sentence, scored and attached.

    ``mentions`` are the sentence's actor mentions (:func:`find_mentions`). A
    polarity word inside a mention is the actor's label ("terroristes",
    "régime criminel"): it evaluates that actor (rule ``label``).
    """
    lex = lex if lex is not None else load_polarity()
    mention_at = {i: m for m in mentions for i in range(m.start, m.end)}
    ctx = _Context(doc, mention_at, _surface_appositions(doc, mentions, mention_at), lex.boosters)
    quoted = quoted_tokens(doc)
    evs: list[Evaluation] = []
    for start, end, entry in _find_entries(doc, lex):
        mult, negated, mods = _modifiers(doc, start, end, lex)
        score = float(np.clip(entry.weight * mult, -1.0, 1.0))
        words = sorted([(doc.text.find(w, 0), w) for w in mods]) + [(doc[start].idx, doc[start:end].text)]
        evs.append(Evaluation(start, end, " ".join(w for _, w in sorted(words)), entry, score, negated,
                              mods, quoted=None if quoted is None else quoted[doc[start:end].root.i]))
    attached: dict[int, Evaluation] = {}
    for _ in range(2):  # a second pass lets conjuncts inherit from words to their right
        for ev in evs:
            if ev.entry.kind == "polarity" and not ev.target_kind:
                _attach(ev, ctx, attached)
                if ev.target_kind:
                    attached[doc[ev.start:ev.end].root.i] = ev
    return evs


@lru_cache(maxsize=1)
def _cooperation_terms() -> dict[str, list[tuple[str, ...]]]:
    """Cooperative words of the frame lexicon as lemma sequences, keyed by their first word."""
    try:
        from .lexicon import COOP_QUADS, load_lexicon

        lex = load_lexicon()
    except (ImportError, FileNotFoundError):  # pragma: no cover - lexicon not installed
        return {}
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    rows = lex[lex["quad_class"].isin(COOP_QUADS) & lex["role"].isin(["event", "joint", "deesc"])]
    for term in sorted(set(rows["term"])):
        toks = [t for t in term_tokens(term) if t not in {"se", "s'"}]
        if toks:
            out[toks[0]].append(tuple(toks))
    for v in out.values():
        v.sort(key=lambda k: -len(k))
    return dict(out)


def negated_cooperation(doc: Doc, lex: PolarityLexicon | None = None) -> list[Evaluation]:
    """Negated cooperative words of the frame lexicon ("nous ne nous sommes pas mis d'accord").

    Each is a stance cue of weight :data:`NEGATED_COOP_WEIGHT`: the text says
    a cooperation did not happen, which the codebook counts as doubt.
    """
    lex = lex if lex is not None else load_polarity()
    terms = _cooperation_terms()
    keys = [t.lemma_.lower() for t in doc]
    forms = [t.lower_ for t in doc]
    out = []
    i = 0
    while i < len(doc):
        hit = 0
        for seq in terms.get(keys[i], []) + terms.get(forms[i], []):
            n = len(seq)
            if all(j < len(doc) and seq[k] in {keys[j], forms[j]} for k, j in enumerate(range(i, i + n))):
                hit = n
                break
        if hit and _in_name(doc, i):
            i += hit  # APEC's "(Coopération économique pour l'Asie-Pacifique)" is a name
        elif hit:
            _, negated, mods = _modifiers(doc, i, i + 1, lex)
            if negated:
                text = " ".join(mods + [doc[i:i + hit].text])
                entry = Entry("negated cooperation", NEGATED_COOP_WEIGHT, "frame lexicon", "stance")
                out.append(Evaluation(i, i + hit, f"negated cooperation: {text}", entry,
                                      NEGATED_COOP_WEIGHT, True, [], rule="negated-coop"))
            i += hit
        else:
            i += 1
    return out


def _in_name(doc: Doc, i: int) -> bool:
    """Is token ``i`` part of a proper name, as the scorer reads names?

    Inside a multi-word ORG/MISC entity, or capitalised inside its sentence
    (not after a quotation mark or a colon): APEC's "Coopération économique".
    """
    tok = doc[i]
    if tok.ent_type_ in ("ORG", "MISC"):
        ent = next((e for e in doc.ents if e.start <= i < e.end), None)
        if ent is not None and len(ent) >= 2:
            return True
    if tok.is_title and i > tok.sent.start:
        prev = doc[i - 1]
        return prev.text not in {"«", "“", '"', ":", "—", "-", "."}
    return False


# ---------------------------------------------------------------- corpus-level evaluations

def _scored_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    s = sentences[sentences["kind"].isin(SCORED_KINDS) & sentences["coop"].notna()]
    return s.sort_values(["article_id", "sentence_id"], kind="stable")


def _text(x: object) -> str:
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return ""
    return str(x)


def _flag(x: object) -> bool:
    return _text(x).strip().lower() in {"true", "1", "1.0", "yes"}


@dataclass
class Analysis:
    """Parsed evidence of a scored corpus: evaluations and actor mentions (see :func:`analyse`)."""

    evaluations: pd.DataFrame
    mentions: pd.DataFrame  # article_id, sentence_id, code, surface, voice


_ATTRIBUTION_OPENERS = {"selon", "d'après", "pour"}


def _infer_speaker(doc: Doc) -> str:
    """The subject of the main verb ("Le président russe s'est entretenu … qualifiant … de «…»")."""
    for t in doc:
        if t.dep_ == "ROOT":
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.pos_ != "PRON"]
            if subj:
                words = [w.text for w in subj[0].subtree][:6]
                return " ".join(words)
    return ""


def token_voices(doc: Doc, voice: str, speaker: str) -> list[tuple[str, str]]:
    """(voice, speaker) of every token of a sentence whose scorer voice and speaker are given.

    Inside quotation marks: ``quoted`` (speaker: the sentence's, else the
    subject of its main verb). Outside them, in a sentence with quotation marks:
    ``narrator``, unless the sentence is reported speech and the token is in
    the reported clause ("X a déclaré que …", "D'après lui, …"). In a sentence
    without quotation marks every token takes the sentence's voice.
    """
    voice = voice or "narrator"
    q = quoted_tokens(doc)
    if q is None:
        return [(voice, speaker if voice == "quoted" else "")] * len(doc)
    who = speaker or _infer_speaker(doc)
    reported: set[int] = set()
    if voice == "quoted":
        first = next((t for t in doc if t.is_alpha or "'" in t.text), None)
        if first is not None and first.lower_ in _ATTRIBUTION_OPENERS:
            reported = {t.i for t in doc}
        for t in doc:
            if t.dep_ == "ccomp" and t.head.pos_ == "VERB":
                reported.update(x.i for x in t.subtree)
    return [("quoted", who) if q[t.i] or t.i in reported else ("narrator", "") for t in doc]


def analyse(scored: Scored, actors: pd.DataFrame | None = None,
            lexicon: PolarityLexicon | None = None) -> Analysis:
    """Parse every scored sentence once; return its evaluations and actor mentions.

    :func:`portray` and :func:`stance` both take the result (``analysis=``),
    so the corpus is parsed once. An evaluation of an interaction noun
    ("rencontre constructive") is given, for portrayal, to the actors of the
    sentence's cooperative dyads (rule suffix ``+event``).
    """
    lex = lexicon if lexicon is not None else load_polarity()
    matcher = ActorMatcher(actors if actors is not None else default_actors())
    sents = _scored_sentences(scored.sentences)
    docs = _parse(sents["text"].map(_text).tolist())
    dy = scored.dyads
    partners: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in dy[dy["relation"].isin(["coop", "mixed"])].itertuples(index=False):
        partners[(str(r.article_id), int(r.sentence_id))].update((r.actor_a, r.actor_b))
    ev_rows, m_rows = [], []
    recent: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for (_, row), doc in zip(sents.iterrows(), docs, strict=True):
        aid, sid = str(row["article_id"]), int(row["sentence_id"])
        mentions = find_mentions(doc, matcher, recent[aid])
        voices = token_voices(doc, _text(row.get("voice")), _text(row.get("speaker")))
        for m in mentions:
            voice = voices[doc[m.start:m.end].root.i][0]
            m_rows += [{"article_id": aid, "sentence_id": sid, "code": c, "surface": m.text.lower(),
                        "voice": voice} for c in m.codes]
        evs = sentence_evaluations(doc, mentions, lex) + negated_cooperation(doc, lex)
        for ev in sorted(evs, key=lambda e: (e.start, e.end)):
            voice, speaker = voices[doc[ev.start:ev.end].root.i]
            codes, rule = list(ev.actors), ev.rule
            if ev.target_kind == "event" and not codes and partners.get((aid, sid)):
                codes, rule = sorted(partners[(aid, sid)]), f"{rule}+event"
            ev_rows.append({
                "article_id": aid, "sentence_id": sid, "term": ev.term, "lexicon_term": ev.entry.term,
                "kind": ev.entry.kind, "weight": ev.entry.weight, "score": ev.score,
                "negated": ev.negated, "boosters": ";".join(ev.boosters), "rule": rule,
                "target": ev.target, "target_kind": ev.target_kind, "actors": ";".join(codes),
                "voice": voice, "speaker": speaker, "source": ev.entry.source,
            })
    return Analysis(pd.DataFrame(ev_rows, columns=EVALUATION_COLUMNS),
                    pd.DataFrame(m_rows, columns=["article_id", "sentence_id", "code", "surface",
                                                  "voice"]))


def evaluations(scored: Scored, actors: pd.DataFrame | None = None,
                lexicon: PolarityLexicon | None = None) -> pd.DataFrame:
    """One row per evaluative word or stance cue in the scored sentences (:data:`EVALUATION_COLUMNS`)."""
    return analyse(scored, actors, lexicon).evaluations


# ---------------------------------------------------------------- portrayal

def portrayal_label(score: float, n: int = 1, threshold: float = PORTRAYAL_THRESHOLD) -> str:
    """favourable / neutral / unfavourable from a mean evaluation score (neutral when none)."""
    if n == 0 or score is None or math.isnan(score):
        return "neutral"
    return "favourable" if score > threshold else "unfavourable" if score < -threshold else "neutral"


def _evidence_item(r: dict[str, Any]) -> str:
    who = r["voice"] if r["voice"] != "quoted" else f"quoted: {r['speaker'] or 'unnamed'}"
    target = f"→{r['target']}" if r.get("target") and r.get("target_kind") != "actor" else ""
    return f"{r['term']} {r['score']:+.2f} ({who}; s{r['sentence_id']} {r['rule']}{target})"


def _whose(voices: Iterable[str]) -> str:
    v = {"quoted" if x == "quoted" else "narrator" for x in voices}
    return "both" if len(v) == 2 else next(iter(v), "")


def portray(scored: Scored, actors: pd.DataFrame | None = None, lexicon: PolarityLexicon | None = None,
            analysis: Analysis | None = None) -> pd.DataFrame:
    """Actor portrayal: one row per (article, actor), the table written as ``actors.csv``.

    An actor is included when an alias of it is found in a scored sentence
    or the scorer lists it there. ``mentions`` counts, per sentence, the
    mentions found (at least one when the scorer lists the actor: "les deux
    présidents"); ``as_source``/``as_target`` count dyads with the actor as
    source / target; ``cooperates_with``/``conflicts_with`` list the partners
    of cooperative / conflictual dyads. ``portrayal_score`` is the mean score
    of every evaluation of the actor in the article (0 with none), and
    ``voice`` whose words they are (narrator, quoted or both; for an actor
    with no evaluation, whose words mention it). ``narrator_score`` is the
    outlet's own words only, ``quoted_score`` its sources' (attributed in
    ``evidence`` to the speaker).
    """
    an = analysis if analysis is not None else analyse(scored, actors, lexicon)
    sents = _scored_sentences(scored.sentences)
    dy = scored.dyads.assign(article_id=scored.dyads["article_id"].astype(str))
    dy = dy[dy["article_id"].isin(set(sents["article_id"].astype(str)))]

    found = an.mentions.groupby(["article_id", "sentence_id", "code"]).size()
    listed = {(str(r.article_id), int(r.sentence_id), code)
              for r in sents.itertuples(index=False) for code in _text(r.actors).split(";") if code}
    mentions: Counter = Counter()
    for key in set(found.index) | listed:
        mentions[(key[0], key[2])] += max(int(found.get(key, 0)), 1)
    labels: dict[tuple[str, str], Counter] = defaultdict(Counter)
    mention_voices: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in an.mentions.itertuples(index=False):
        labels[(r.article_id, r.code)][r.surface] += 1
        mention_voices[(r.article_id, r.code)].append(r.voice)
    evals = an.evaluations[(an.evaluations["kind"] == "polarity") & (an.evaluations["actors"] != "")]
    by_actor: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in evals.to_dict("records"):
        for code in r["actors"].split(";"):
            by_actor[(r["article_id"], code)].append(r)

    rows = []
    for aid, code in sorted(set(mentions) | set(by_actor)):
        d = dy[dy["article_id"] == aid]
        mine = d[(d["actor_a"] == code) | (d["actor_b"] == code)]
        partner = np.where(mine["actor_a"] == code, mine["actor_b"], mine["actor_a"])
        coop = sorted(set(partner[mine["relation"].isin(["coop", "mixed"]).to_numpy()]))
        conf = sorted(set(partner[mine["relation"].isin(["conf", "mixed"]).to_numpy()]))
        evs = sorted(by_actor.get((aid, code), []), key=lambda r: (r["sentence_id"], r["term"]))
        nar = [r["score"] for r in evs if r["voice"] != "quoted"]
        quo = [r["score"] for r in evs if r["voice"] == "quoted"]
        score = float(np.mean(nar + quo)) if evs else 0.0
        lab = labels.get((aid, code), Counter())
        rows.append({
            "article_id": aid, "actor": code, "mentions": int(mentions.get((aid, code), 0)),
            "as_source": int((d["source"] == code).sum()), "as_target": int((d["target"] == code).sum()),
            "cooperates_with": ";".join(coop), "conflicts_with": ";".join(conf),
            "portrayal_score": score, "portrayal": portrayal_label(score, len(evs)),
            "voice": _whose(r["voice"] for r in evs) if evs
            else _whose(mention_voices.get((aid, code), [])) or "narrator",
            "narrator_score": float(np.mean(nar)) if nar else 0.0,
            "quoted_score": float(np.mean(quo)) if quo else 0.0,
            "n_evaluations": len(evs),
            "narrator_scores": ";".join(f"{s:.4f}" for s in nar),
            "quoted_scores": ";".join(f"{s:.4f}" for s in quo),
            "labels_used": ";".join(s for s, _ in sorted(lab.items(), key=lambda kv: (-kv[1], kv[0]))),
            "evidence": " | ".join(_evidence_item(r) for r in evs),
        })
    out = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return out.sort_values(["article_id", "actor"], kind="stable").reset_index(drop=True)


def portray_by_voice(actors_df: pd.DataFrame) -> pd.DataFrame:
    """Long form of :func:`portray`: one row per (article, actor, voice), voice narrator / quoted / all."""
    rows = []
    for r in actors_df.to_dict("records"):
        nar = [float(x) for x in _text(r["narrator_scores"]).split(";") if x]
        quo = [float(x) for x in _text(r["quoted_scores"]).split(";") if x]
        for voice, vals in (("narrator", nar), ("quoted", quo), ("all", nar + quo)):
            score = float(np.mean(vals)) if vals else 0.0
            rows.append({"article_id": r["article_id"], "actor": r["actor"], "voice": voice,
                         "n_evaluations": len(vals), "score": score,
                         "portrayal": portrayal_label(score, len(vals))})
    return pd.DataFrame(rows, columns=["article_id", "actor", "voice", "n_evaluations", "score",
                                       "portrayal"])


# ---------------------------------------------------------------- stance toward the cooperation

def stance_label(pos: float, neg: float, threshold: float = STANCE_THRESHOLD) -> tuple[str, float]:
    """(label, net score) from summed positive and negative evidence."""
    total = pos + neg
    if total == 0:
        return "neither", math.nan
    net = (pos - neg) / total
    if net >= threshold:
        return "desirable", net
    if net <= -threshold:
        return "doubted", net
    return "mixed", net


def cooperation_sentences(scored: Scored, pair: tuple[str, str] = COOP_PAIR) -> pd.DataFrame:
    """Sentences with a cooperative (or negated) dyad between the pair: article_id, sentence_id, negated."""
    dy = scored.dyads
    a, b = sorted(pair)
    d = dy[(dy["actor_a"] == a) & (dy["actor_b"] == b)].copy()
    d["negated"] = d["negated"].map(_flag)
    d = d[d["relation"].isin(["coop", "mixed"]) | d["negated"]]
    d["article_id"] = d["article_id"].astype(str)
    d["negated_coop"] = d["negated"] & ~d["relation"].isin(["coop", "mixed"])
    out = d.groupby(["article_id", "sentence_id"], as_index=False).agg(
        negated=("negated_coop", "any"), evidence=("evidence", lambda s: "; ".join(map(_text, s))))
    return out.sort_values(["article_id", "sentence_id"]).reset_index(drop=True)


def stance(scored: Scored, actors: pd.DataFrame | None = None, lexicon: PolarityLexicon | None = None,
           analysis: Analysis | None = None, window: int = 1,
           pair: tuple[str, str] = COOP_PAIR) -> pd.DataFrame:
    """Stance toward the pair's cooperation, per article and voice (narrator / quoted / all).

    The window is every sentence with a cooperative (or negated-cooperation)
    dyad between the pair, plus ``window`` scored sentences before and after
    it. Evidence: evaluations attached to an interaction noun or a pronoun
    subject, stance cues (anywhere in the window) and negated cooperation.
    Articles without such a sentence are ``neither`` with an empty window.
    """
    an = analysis if analysis is not None else analyse(scored, actors, lexicon)
    sents = _scored_sentences(scored.sentences)
    coop = cooperation_sentences(scored, pair)
    ev = an.evaluations
    rows = []
    articles = scored.articles
    ids = sorted(set(articles.loc[articles["status"] == "ok", "article_id"].astype(str))
                 | set(sents["article_id"].astype(str)))
    sent_rows = sents.assign(article_id=sents["article_id"].astype(str)).set_index(
        ["article_id", "sentence_id"])
    for aid in ids:
        mine = sents[sents["article_id"].astype(str) == aid]
        wordy = mine["text"].map(lambda t: any(ch.isalpha() for ch in _text(t)))  # not a lone "«"
        order = mine.loc[wordy, "sentence_id"].astype(int).tolist()
        pos_of = {sid: k for k, sid in enumerate(order)}
        c = coop[coop["article_id"] == aid]
        win: set[int] = set()
        for sid in c["sentence_id"].astype(int):
            if sid in pos_of:
                k = pos_of[sid]
                win.update(order[max(0, k - window):k + window + 1])
        items: list[dict[str, Any]] = []
        e = ev[(ev["article_id"] == aid) & ev["sentence_id"].isin(win)]
        for r in e.to_dict("records"):
            if r["kind"] == "stance" or (r["kind"] == "polarity"
                                         and r["target_kind"] in {"event", "context"}):
                items.append(r)
        texted = {r["sentence_id"] for r in items if r.get("rule") == "negated-coop"}
        for r in c[c["negated"] & ~c["sentence_id"].isin(texted)].to_dict("records"):
            srow = sent_rows.loc[(r["article_id"], r["sentence_id"])]
            voice = _text(srow.get("voice")) or "narrator"
            speaker = _text(srow.get("speaker")) if voice == "quoted" else ""
            items.append({"article_id": aid, "sentence_id": int(r["sentence_id"]),
                          "term": f"negated cooperation ({r['evidence']})", "score": NEGATED_COOP_WEIGHT,
                          "rule": "dyad", "target": "", "target_kind": "", "voice": voice,
                          "speaker": speaker})
        items.sort(key=lambda r: (r["sentence_id"], r["term"]))
        for voice in VOICES:
            sel = [r for r in items if voice == "all" or r["voice"] == voice]
            pos = sum(r["score"] for r in sel if r["score"] > 0)
            neg = -sum(r["score"] for r in sel if r["score"] < 0)
            label, net = stance_label(pos, neg)
            rows.append({"article_id": aid, "voice": voice, "stance_coop": label, "stance_score": net,
                         "n_evidence": len(sel), "n_window": len(win),
                         "stance_evidence": " | ".join(_evidence_item(r) for r in sel)})
    out = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    out["voice"] = pd.Categorical(out["voice"], categories=list(VOICES), ordered=True)
    out = out.sort_values(["article_id", "voice"], kind="stable").reset_index(drop=True)
    out["voice"] = out["voice"].astype(str)
    return out


# ---------------------------------------------------------------- per outlet

def outlet_names(articles_df: pd.DataFrame) -> pd.Series:
    """Outlet per article_id; articles without one are :data:`UNKNOWN_OUTLET`."""
    out = articles_df.set_index(articles_df["article_id"].astype(str))["outlet"]
    return out.map(lambda x: _text(x).strip() or UNKNOWN_OUTLET)


def portrayal_table(actors_df: pd.DataFrame, articles_df: pd.DataFrame, voice: Voice = "narrator",
                    n_boot: int = 2000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Portrayal per outlet × actor with counts and a two-stage bootstrap interval.

    ``score`` is the mean of the outlet's evaluations of the actor (in
    ``voice``); the interval resamples articles, then evaluations within
    them, with a seed derived from ``seed`` and the cell (deterministic, and
    independent of which other cells exist). With one article per outlet the
    interval only reflects the spread of words within that article.
    ``n_favourable`` … count articles by their label in that voice.
    """
    long = portray_by_voice(actors_df)
    long = long[long["voice"] == voice]
    outlets = outlet_names(articles_df)
    df = actors_df.assign(article_id=actors_df["article_id"].astype(str))
    df = df.assign(outlet=df["article_id"].map(outlets).fillna(UNKNOWN_OUTLET))
    label = long.set_index(["article_id", "actor"])["portrayal"]
    col = {"narrator": ["narrator_scores"], "quoted": ["quoted_scores"],
           "all": ["narrator_scores", "quoted_scores"]}[voice]
    rows = []
    for (outlet, actor), g in df.groupby(["outlet", "actor"], sort=True):
        groups = []
        for r in g.to_dict("records"):
            vals = [float(x) for c in col for x in _text(r[c]).split(";") if x]
            groups.append(np.array(vals, dtype=float))
        allv = np.concatenate(groups) if groups else np.array([])
        score = lo = hi = math.nan
        if len(allv):
            score = float(allv.mean())
            means = two_stage_means(groups, n_boot, keyed_rng(seed, f"{outlet}|{actor}|{voice}"))
            lo, hi = percentile_interval(means, level)
        labs = [label.get((a, actor), "neutral") for a in g["article_id"]]
        rows.append({"outlet": outlet, "actor": actor, "voice": voice, "n_articles": len(g),
                     "mentions": int(g["mentions"].sum()), "n_evaluations": len(allv), "score": score,
                     "score_low": lo, "score_high": hi,
                     "n_favourable": labs.count("favourable"), "n_neutral": labs.count("neutral"),
                     "n_unfavourable": labs.count("unfavourable")})
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def portrayal_heatmap(table: pd.DataFrame, min_mentions: int = 1, title: str | None = None
                      ) -> tuple[Figure, pd.DataFrame]:
    """Heat map of :func:`portrayal_table`: outlets × actors, colour = mean portrayal score.

    Diverging ColorBrewer PuOr (colour-blind safe), fixed at [−1, 1] so that
    white is neutral; each cell prints the score, its interval and
    n (articles / mentions / evaluations); cells with mentions but no
    evaluative word are grey and say so; an actor the outlet does not mention
    is a blank cell. Returns the figure and the numbers plotted, one row per cell.
    """
    import matplotlib
    import matplotlib.patches
    import matplotlib.pyplot as plt

    t = table[table["mentions"] >= min_mentions].copy()
    tot = t.groupby("actor")["mentions"].sum()
    actors = sorted(tot.index, key=lambda a: (-tot[a], a))
    outlets = sorted(t["outlet"].unique(), key=lambda o: (o == UNKNOWN_OUTLET, o.casefold(), o))
    data = t.set_index(["outlet", "actor"]).reindex(
        pd.MultiIndex.from_product([outlets, actors], names=["outlet", "actor"])).reset_index()
    grid = data.pivot(index="outlet", columns="actor", values="score").reindex(index=outlets,
                                                                              columns=actors)
    fig, ax = plt.subplots(figsize=(1.25 * len(actors) + 2.8, 0.95 * len(outlets) + 1.8),
                           layout="constrained")
    cmap = matplotlib.colormaps["PuOr"].with_extremes(bad="white")  # not mentioned: blank
    im = ax.imshow(np.ma.masked_invalid(grid.to_numpy(dtype=float)), cmap=cmap, vmin=-1, vmax=1,
                   aspect="auto")
    for (i, o), (j, a) in ((x, y) for x in enumerate(outlets) for y in enumerate(actors)):
        r = data[(data["outlet"] == o) & (data["actor"] == a)].iloc[0]
        if pd.isna(r["mentions"]):
            txt = ""
        elif pd.isna(r["score"]):
            ax.add_patch(matplotlib.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, color="#d9d9d9", lw=0))
            txt = f"no eval.\nn={int(r['n_articles'])}/{int(r['mentions'])}/0"
        else:
            txt = (f"{r['score']:+.2f}\n[{r['score_low']:+.2f}, {r['score_high']:+.2f}]\n"
                   f"n={int(r['n_articles'])}/{int(r['mentions'])}/{int(r['n_evaluations'])}")
        dark = not pd.isna(r["score"]) and abs(r["score"]) > 0.6
        ax.text(j, i, txt, ha="center", va="center", fontsize=7, color="white" if dark else "black")
    ax.set_xticks(range(len(actors)), actors)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_xlabel("actor")
    ax.set_ylabel("outlet")
    voice = table["voice"].iloc[0] if len(table) else ""
    ax.set_title(title or f"Portrayal of actors by outlet ({voice} voice)\n"
                 "n = articles / mentions / evaluative words; one article per outlet is an anecdote",
                 fontsize=9)
    cb = fig.colorbar(im, ax=ax, shrink=0.8)
    cb.set_label("mean portrayal score (−1 unfavourable … +1 favourable)")
    return fig, data


# ---------------------------------------------------------------- evaluation against the gold

def _load_gold(path: Path, columns: list[str]) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    for c in df.columns:
        df[c] = df[c].str.strip()
    return df


def evaluate_stance(scored: Scored, actors_df: pd.DataFrame | None = None,
                    stance_df: pd.DataFrame | None = None, portrayal_gold: str | Path | None = None,
                    stance_gold: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """Agreement of :func:`stance` and :func:`portray` with the seed annotations.

    Why: the rules were written by reading the seeds; this is the check
    against a person's reading (``annotations/seed_stance.csv`` and
    ``seed_portrayal.csv``, defined in ``docs/codebook.md``). Returns a dict
    with ``stance`` (items: article × voice), ``portrayal`` (items: the gold
    (article, actor) pairs; an actor the system did not find counts as
    ``neutral``) and ``portrayal_voice`` (whose words carry the portrayal:
    narrator / quoted / both, same pairs). Each holds ``agreement`` (n,
    accuracy, Cohen's kappa and Krippendorff's alpha from
    :class:`nltk.metrics.agreement.AnnotationTask` via
    :func:`analysis.stats.agreement`), ``confusion`` (gold in rows),
    ``errors`` (the disagreements with both sides' evidence) and ``items``.
    ``portrayal["pairs"]`` lists (article, actor) pairs found by only one side.
    ``scored``: the tables the gold files refer to (for the seeds,
    ``analysis.evaluate.scored_seeds("full")``).
    """
    from . import paths

    an = analyse(scored) if actors_df is None or stance_df is None else None
    actors_df = actors_df if actors_df is not None else portray(scored, analysis=an)
    stance_df = stance_df if stance_df is not None else stance(scored, analysis=an)
    out: dict[str, dict[str, Any]] = {}

    sg = _load_gold(Path(stance_gold or paths.SEED_STANCE), ["article_id", "voice", "stance_coop"])
    sys_s = stance_df.assign(article_id=stance_df["article_id"].astype(str))
    m = sg.merge(sys_s, on=["article_id", "voice"], how="left", suffixes=("_gold", ""))
    m["stance_coop"] = m["stance_coop"].fillna("neither")
    m = m.rename(columns={"stance_coop_gold": "gold", "stance_coop": "system",
                          "stance_evidence": "system_evidence", "evidence": "gold_evidence"})
    out["stance"] = _report(m, ["article_id", "voice"], list(STANCES))

    pg = _load_gold(Path(portrayal_gold or paths.SEED_PORTRAYAL), ["article_id", "actor", "portrayal",
                                                                     "voice"])
    sys_a = actors_df.assign(article_id=actors_df["article_id"].astype(str))
    m = pg.merge(sys_a, on=["article_id", "actor"], how="left", suffixes=("_gold", ""))
    m["portrayal"] = m["portrayal"].fillna("neutral")
    m = m.rename(columns={"evidence_gold": "gold_evidence", "evidence": "system_evidence"})
    p = m.rename(columns={"portrayal_gold": "gold", "portrayal": "system"})
    out["portrayal"] = _report(p, ["article_id", "actor"], list(PORTRAYALS))
    keys_g = set(zip(pg["article_id"], pg["actor"], strict=True))
    keys_s = set(zip(sys_a["article_id"], sys_a["actor"], strict=True))
    out["portrayal"]["pairs"] = pd.DataFrame(
        sorted([(a, c, "gold only") for a, c in keys_g - keys_s]
               + [(a, c, "system only") for a, c in keys_s - keys_g]),
        columns=["article_id", "actor", "found_by"])
    v = m.assign(voice=m["voice"].fillna("")).rename(columns={"voice_gold": "gold", "voice": "system"})
    out["portrayal_voice"] = _report(v, ["article_id", "actor"], ["narrator", "quoted", "both"])
    return out


def _report(m: pd.DataFrame, keys: list[str], labels: list[str]) -> dict[str, Any]:
    ag = agreement(m["gold"], m["system"])
    ag["accuracy"] = ag.pop("observed")
    cols = [c for c in [*keys, "gold", "system", "system_evidence", "gold_evidence", "note"]
            if c in m.columns]
    errs = m.loc[m["gold"] != m["system"], cols].reset_index(drop=True)
    used = [lab for lab in labels if lab in set(m["gold"]) | set(m["system"])]
    used += sorted((set(m["gold"]) | set(m["system"])) - set(used), key=str)
    return {"agreement": pd.Series(ag)[["n", "accuracy", "kappa", "alpha"]],
            "confusion": confusion(m["gold"], m["system"], labels=used),
            "errors": errs, "items": m[cols].reset_index(drop=True)}
