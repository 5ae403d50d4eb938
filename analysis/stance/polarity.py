"""The French polarity lexicon ``data/polarity.tsv``: reading, indexing and rebuilding it."""

from __future__ import annotations

import csv
import re
import warnings
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .text import normalise
from .words import EXCLUDED_BOOSTERS, POLARITY_KINDS

#: Version of ``data/polarity.tsv`` (also written in its header).
POLARITY_VERSION = "1.0.0"
POLARITY_FILE = "polarity.tsv"
POLARITY_COLUMNS = ["term", "weight", "source", "kind", "note"]

Row = dict[str, Any]


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
    term = normalise(term).lower()
    return tuple(re.findall(r"\w+'|\w+(?:-\w+)*|[^\w\s]", term))


def polarity_path() -> Path:
    """The packaged lexicon file."""
    return Path(str(resources.files("analysis") / "data" / POLARITY_FILE))


def _read_tsv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False,
                       quoting=csv.QUOTE_NONE)


def read_polarity(path: str | Path | None = None) -> pd.DataFrame:
    """The lexicon file as a DataFrame (columns :data:`POLARITY_COLUMNS`)."""
    df = _read_tsv(Path(path) if path is not None else polarity_path())
    df["weight"] = df["weight"].astype(float)
    return df[POLARITY_COLUMNS]


@lru_cache(maxsize=4)
def load_polarity(path: str | None = None) -> PolarityLexicon:
    """Load the polarity lexicon (cached).

    Entries of weight 0 are kept: they mark words known not to be evaluative.
    """
    df = read_polarity(path)
    version = POLARITY_VERSION
    text = (Path(path) if path else polarity_path()).read_text(encoding="utf-8")
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


# ---------------------------------------------------------------- rebuilding the file

def build_polarity(hand: str | Path | None = None, out: str | Path | None = None) -> pd.DataFrame:
    """Rebuild ``data/polarity.tsv`` from the installed vaderSentiment-fr and textblob-fr lexicons.

    Why: the file is shipped as data (nothing is read from other packages at
    run time), and this function documents exactly how it was made. ``hand``
    is a TSV of hand-written entries (default: the ``hand`` rows of the
    current file), which override both packages. Returns the written table.
    """
    import importlib.util

    hand_df = _read_tsv(Path(hand) if hand is not None else polarity_path())
    hand_df = hand_df[hand_df["source"] == "hand"]
    vader_dir = Path(importlib.util.find_spec("vaderSentiment_fr").origin).parent
    blob_dir = Path(importlib.util.find_spec("textblob_fr").origin).parent
    rows = _general_rows(_vader_weights(vader_dir), _pattern_scores(blob_dir))
    rows.update(_vader_modifier_rows())
    _apply_hand(rows, hand_df)
    kind_order = {kind: k for k, kind in enumerate(POLARITY_KINDS)}
    table = pd.DataFrame(sorted(rows.values(), key=lambda r: (kind_order[r["kind"]], r["term"])),
                         columns=POLARITY_COLUMNS)
    out = Path(out) if out is not None else polarity_path()
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(_header(table.groupby(["kind", "source"]).size())) + "\n")
        fh.write("\t".join(POLARITY_COLUMNS) + "\n")
        for r in table.itertuples(index=False):
            fh.write(f"{r.term}\t{r.weight:.3f}\t{r.source}\t{r.kind}\t{r.note}\n")
    load_polarity.cache_clear()
    return table


def _vader_weights(vader_dir: Path) -> dict[str, float]:
    """vaderSentiment-fr's "term->valence" lines, valence in [-4, 4] divided by 4."""
    vader: dict[str, float] = {}
    for line in (vader_dir / "fr_lexicon.txt").read_text(encoding="utf-8").splitlines():
        if "->" not in line:
            continue
        w, v = line.rsplit("->", 1)
        w = normalise(w.strip()).lower()
        if re.fullmatch(r"[a-zà-öø-ÿœæç' -]{3,}", w):
            vader[w] = float(v) / 4
    return vader


def _pattern_scores(blob_dir: Path) -> dict[str, list[tuple[float, float]]]:
    """pattern-fr (textblob-fr's fr-sentiment.xml): (polarity in [-1, 1], subjectivity in [0, 1])."""
    import xml.etree.ElementTree as ET

    pattern: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for w in ET.parse(blob_dir / "fr-sentiment.xml").getroot().iter("word"):
        form = normalise(w.get("form", "")).lower()
        if form:
            pattern[form].append((float(w.get("polarity", 0)), float(w.get("subjectivity", 0))))
    return pattern


def _general_rows(vader: dict[str, float], pattern: dict[str, list[tuple[float, float]]]
                  ) -> dict[tuple[str, str], Row]:
    """Polarity rows of both packages: Pattern's mean where it judges the form evaluative."""
    rows: dict[tuple[str, str], Row] = {}
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
    return rows


def _vader_modifier_rows() -> dict[tuple[str, str], Row]:
    """vaderSentiment-fr's boosters (×1.3 or ×0.7) and negators (its N_SCALAR)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from vaderSentiment_fr import vaderSentiment as vs
    rows: dict[tuple[str, str], Row] = {}
    for w, inc in vs.BOOSTER_DICT.items():
        if w in EXCLUDED_BOOSTERS:
            continue
        rows[(w, "booster")] = {"term": w, "weight": 1.3 if inc > 0 else 0.7, "source": "vader-fr",
                                "kind": "booster", "note": "BOOSTER_DICT"}
    for w in vs.NEGATE:
        rows[(w, "negator")] = {"term": w, "weight": vs.N_SCALAR, "source": "vader-fr",
                                "kind": "negator", "note": "NEGATE, N_SCALAR"}
    return rows


def _apply_hand(rows: dict[tuple[str, str], Row], hand_df: pd.DataFrame) -> None:
    """Hand entries override both packages and decide a word's kind; a booster or negator is
    never itself a polarity word."""
    for r in hand_df.to_dict("records"):
        term = normalise(str(r["term"])).lower()
        for kind in POLARITY_KINDS:
            if kind != r["kind"]:
                rows.pop((term, kind), None)
        rows[(term, r["kind"])] = {"term": term, "weight": float(r["weight"]), "source": "hand",
                                   "kind": r["kind"], "note": r.get("note", "")}
    for term, kind in list(rows):
        if kind == "polarity" and ((term, "booster") in rows or (term, "negator") in rows):
            del rows[(term, kind)]


def _header(counts: pd.Series) -> list[str]:
    """The file's comment header: name, version, sources and licences, columns, entry counts."""
    return [
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
