"""Derive French lexicon candidates for every PLOVER category from PETRARCH2's CAMEO verbs.

A build-time tool, not part of the ``analysis`` package: it needs ``wordfreq`` and
(optionally) spaCy's ``fr_core_news_md`` vectors, installed in a separate virtual
environment, and Debian's FreeDict dictionaries (``dict-freedict-eng-fra``,
``dict-freedict-fra-eng``). See ``scripts/derived/README.md``.

Subcommands
-----------
``candidates``
    Parse ``CAMEO.2.0.txt`` into (English verb or verb+noun pattern, CAMEO code)
    rows, map each code to its PLOVER category with ``CAMEO2PLOVER-2021.txt``,
    translate the English heads with FreeDict (eng-fra, plus the inverted fra-eng
    dictionary), rank the French candidates by wordfreq Zipf frequency and by the
    cosine similarity of their fastText vector to the centroid of the category's
    existing French lexicon words, and write ``scripts/derived/lexicon_candidates.tsv``.
``rows``
    Turn the hand-vetted list ``scripts/derived/vetted.tsv`` into rows of
    ``analysis/data/lexicon.tsv`` (quad class, weight and Goldstein score filled in
    from the category and the CAMEO code) and append those not already present.
``coverage``
    Write ``scripts/derived/coverage.tsv``: per PLOVER category, the number of
    CAMEO.2.0 English verbs and the number of French lexicon rows before and after.

Everything is deterministic: inputs are read in file order and every output is sorted.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path("/work/shared/reference")
DICTD = Path("/usr/share/dictd")
DERIVED = ROOT / "scripts" / "derived"
LEXICON = ROOT / "analysis" / "data" / "lexicon.tsv"

#: PLOVER categories in the order of the lexicon, with their Schrodt scores and quad
#: classes (the lexicon header's ``source_categories`` and ``quad_class`` lines).
CATEGORIES: dict[str, tuple[float, str]] = {
    "AGREE": (4.2, "verbal_coop"), "CONSULT": (2.1, "verbal_coop"),
    "SUPPORT": (4.6, "verbal_coop"), "COOPERATE": (6.8, "material_coop"),
    "AID": (7.4, "material_coop"), "CONCEDE": (5.0, "material_coop"),
    "RETREAT": (7.6, "material_coop"), "REQUEST": (-5.0, "verbal_conf"),
    "ACCUSE": (-2.0, "verbal_conf"), "REJECT": (-4.2, "verbal_conf"),
    "THREATEN": (-5.1, "verbal_conf"), "PROTEST": (-6.6, "verbal_conf"),
    "SANCTION": (-5.2, "material_conf"), "MOBILIZE": (-5.3, "material_conf"),
    "COERCE": (-7.2, "material_conf"), "ASSAULT": (-9.3, "material_conf"),
}

#: English words in CAMEO patterns that carry no content of their own.
EN_FUNCTION = frozenset("""
a about above across after against ahead along alongside among an and any around as at away
back be before behind below beside between beyond both but by down during each even every
for from further her here him himself his in into it its itself me more most my near no not
of off on onto or other our out over own per since so some such than that the their them
themselves then there these they this those through to together toward towards under until
up upon us very via was we were what when where which while who whom whose why will with
within without would you your new own same
""".split())

#: French words that are never lexicon candidates by themselves.
FR_FUNCTION = frozenset("""
à au aux avec ce ces cet cette contre dans de des du elle en et il ils je la le les leur
leurs lui ma mes mon ne nous on ou où par pas pour qui que quoi sa se ses son sur ta te tes
ton tu un une vers vos votre vous y être avoir faire aller mettre
""".split())

_BLOCK_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")  # "[120]---  ---" occurs too
_VERB_RE = re.compile(r"^(\+?)([A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
_PATTERN_RE = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")
_POS_RE = re.compile(r"<([^>]*)>")


# --------------------------------------------------------------------------- #
# Reference tables
# --------------------------------------------------------------------------- #
def normalise_code(raw: str) -> str | None:
    """The CAMEO code of a ``[...]`` field: ``042:043`` -> ``042``, ``:110`` -> ``110``.

    ``---`` and empty fields (no code) give None.
    """
    for part in raw.strip().split(":"):
        part = part.strip()
        if part and re.fullmatch(r"\d{2,4}", part):
            return part
    return None


def read_plover(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER category from ``CAMEO2PLOVER-2021.txt``.

    Root lines (``08: CONCEDE``) are kept too, except for roots that name two
    categories (08 is CONCEDE and RETREAT), which are dropped as ambiguous.
    """
    table: dict[str, str] = {}
    roots: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if not m:
            continue
        code, cat = m.groups()
        if len(code) == 2:
            roots[code].add(cat)
        else:
            table.setdefault(code, cat)
    for code, cats in roots.items():
        if len(cats) == 1:
            table.setdefault(code, next(iter(cats)))
    return table


def plover_of(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER category of a CAMEO code, falling back to its 3- then 2-digit parent."""
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


def read_goldstein(path: Path) -> dict[str, float]:
    """CAMEO code -> Goldstein weight (GDELT ``CAMEO.goldsteinscale.txt``)."""
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) == 2 and re.fullmatch(r"\d{2,4}", row[0].strip()):
                out[row[0].strip()] = float(row[1])
    return out


# --------------------------------------------------------------------------- #
# CAMEO.2.0.txt
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class CameoRow:
    """One English verb or verb pattern with its CAMEO code."""

    verb: str  # the verb block's lemma or the verb named in the pattern's comment
    pattern: str  # "" for a verb line, else the pattern text ("* SANCTIONS AGAINST +")
    code: str
    heads: tuple[str, ...]  # English words/phrases to translate (lower case)
    kind: str  # "verb" or "pattern"

    @property
    def source(self) -> str:
        """Readable English source, as in the candidates' ``english_sources`` column."""
        if not self.pattern:
            return f"{self.verb.upper()} [{self.code}]"
        return f"{self.verb.upper()}: {self.pattern} [{self.code}]"


def _english(word: str) -> str:
    """``+CALL_OFF`` / ``SECURITY_`` -> ``call off`` / ``security``."""
    return word.strip("+").strip("_").replace("_", " ").lower().strip()


def read_synonyms(lines: list[str]) -> dict[str, list[str]]:
    """The ``&SET`` synonym sets (members in file order, lower case)."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        s = line.split("#", 1)[0].strip()
        if s.startswith("&"):
            current = s.split()[0]
            sets[current] = []
        elif s.startswith("+") and current is not None:
            sets[current].append(_english(s.split()[0]))
        elif not s:
            continue
        else:
            current = None
    return sets


def pattern_heads(pattern: str, synonyms: dict[str, list[str]], max_syn: int = 12) -> list[str]:
    """Content words and brace phrases of a pattern; ``&SET`` expands to its members."""
    heads: list[str] = []
    for phrase in re.findall(r"\{([^}]*)\}", pattern):
        words = [w for w in phrase.split() if not w.startswith("&")]
        if len(words) > 1:
            heads.append(" ".join(_english(w) for w in words))
    for tok in re.split(r"[\s(){}]+", pattern):
        if not tok or tok in {"*", "+", "$", "^", "%", "-"}:
            continue
        if tok.startswith("&"):
            heads.extend(synonyms.get(tok.rstrip(","), [])[:max_syn])
            continue
        w = _english(tok)
        if w and w not in EN_FUNCTION and re.fullmatch(r"[a-z][a-z\-' ]*", w):
            heads.append(w)
    return list(dict.fromkeys(heads))


def read_cameo_verbs(path: Path) -> list[CameoRow]:
    """(verb or pattern, code) rows of the ``VERB PATTERNS`` section, in file order.

    A verb line takes its own ``[code]`` or its block's; a pattern line takes its
    code and names its verb in the trailing comment (else the block's first verb).
    Lines without any code are skipped.
    """
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    end = next((i for i, ln in enumerate(lines) if ln.startswith("######## TRANSFORMATIONS")),
               len(lines))
    synonyms = read_synonyms(lines[:start])
    rows: list[CameoRow] = []
    block_code: str | None = None
    block_verb = ""
    for line in lines[start + 1:end]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _BLOCK_RE.match(line)
        if m:
            block_verb, block_code = _english(m.group(1)), normalise_code(m.group(2))
            continue
        if line.startswith("-"):
            pm = _PATTERN_RE.match(line)
            if not pm:
                continue
            code = normalise_code(pm.group(2))
            if code is None:
                continue
            comment = (pm.group(3) or "").split()
            verb = _english(comment[0]) if comment and comment[0].isupper() else block_verb
            text = re.sub(r"\s+", " ", pm.group(1)).strip()
            heads = pattern_heads(text, synonyms)
            rows.append(CameoRow(verb, text, code, tuple(heads), "pattern"))
            continue
        vm = _VERB_RE.match(line.strip())
        if not vm:
            continue
        code = normalise_code(vm.group(4) or "") or block_code
        if code is None:
            continue
        verb = _english(vm.group(2))
        rows.append(CameoRow(verb, "", code, (verb,), "verb"))
    return rows


# --------------------------------------------------------------------------- #
# FreeDict (dictd format: an index of "headword<TAB>b64 offset<TAB>b64 length")
# --------------------------------------------------------------------------- #
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64_number(text: str) -> int:
    """A dictd index number (base 64, most significant digit first)."""
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def read_dictd(stem: Path) -> Iterator[tuple[str, str]]:
    """(headword, definition text) of a dictd dictionary, in index order.

    ``stem`` is the path without ``.index`` / ``.dict.dz``; the ``.dz`` file is
    gzip-compatible (dictzip), so it is read whole with :mod:`gzip`.
    """
    data = gzip.open(stem.with_name(stem.name + ".dict.dz")).read()
    index = stem.with_name(stem.name + ".index").read_text(encoding="utf-8")
    for line in index.splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        off, size = b64_number(parts[1]), b64_number(parts[2])
        yield parts[0], data[off:off + size].decode("utf-8", errors="replace")


def dictd_info(stem: Path) -> str:
    """The dictionary's edition line from its ``00databaseinfo`` entry."""
    data = gzip.open(stem.with_name(stem.name + ".dict.dz")).read().decode("utf-8", "replace")
    m = re.search(r"Edition:\s*(\S+)", data)
    return m.group(1) if m else "?"


def _split_senses(body: str) -> list[str]:
    """Translations of a dictd entry body (numbered senses, comma lists)."""
    out: list[str] = []
    for line in body.splitlines()[1:]:
        line = re.sub(r"^\s*\d+\.\s*", "", line)
        line = re.sub(r"\([^)]*\)", "", line)
        for piece in line.split(","):
            piece = piece.strip().strip(".;").strip().lower()
            if piece and not piece.startswith(("see ", "cf.")):
                out.append(re.sub(r"\s+", " ", piece))
    return out


@dataclass
class Dictionary:
    """English -> French translations from both FreeDict directions."""

    eng_fra: dict[str, list[str]] = field(default_factory=dict)
    fra_eng_inv: dict[str, list[str]] = field(default_factory=dict)
    fr_pos: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, dictd: Path) -> Dictionary:
        d = cls()
        for head, body in read_dictd(dictd / "freedict-eng-fra"):
            d.eng_fra.setdefault(head.lower(), []).extend(_split_senses(body))
        for head, body in read_dictd(dictd / "freedict-fra-eng"):
            fr = head.lower()
            m = _POS_RE.search(body.splitlines()[0] if body else "")
            if m and fr not in d.fr_pos:
                tag = m.group(1).split(",")[0].strip()
                d.fr_pos[fr] = {"v": "VERB", "n": "NOUN", "adj": "ADJ"}.get(tag, tag.upper())
            for gloss in _split_senses(body):
                gloss = re.sub(r"^to ", "", gloss)
                d.fra_eng_inv.setdefault(gloss, []).append(fr)
        return d

    def lookup(self, english: str) -> list[str]:
        """French translations of an English word or phrase (or of its base form)."""
        for form in english_forms(english):
            found = self.eng_fra.get(form, []) + self.fra_eng_inv.get(form, [])
            if found:
                return list(dict.fromkeys(found))
        return []


def english_forms(word: str) -> list[str]:
    """The word and plausible base forms (plural and verb endings stripped)."""
    forms = [word]
    if " " in word:
        return forms
    for suffix, repl in (("ies", "y"), ("ses", "s"), ("es", ""), ("s", ""), ("ied", "y"),
                         ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + repl)
    return list(dict.fromkeys(forms))


# --------------------------------------------------------------------------- #
# Candidates
# --------------------------------------------------------------------------- #
def french_pos(term: str, dictionary: Dictionary, kind: str) -> str | None:
    """Lexicon pos of a French candidate, or None when it is not a usable lemma."""
    if " " in term or term.startswith(("se ", "s'")) or "'" in term:
        return "MWE"
    if term in dictionary.fr_pos and dictionary.fr_pos[term] in ("VERB", "NOUN", "ADJ"):
        return dictionary.fr_pos[term]
    if kind == "verb" and re.search(r"(er|ir|re|oir)$", term):
        return "VERB"
    return "NOUN" if kind == "pattern" else None


def existing_lexicon(path: Path) -> list[dict[str, str]]:
    """Rows of a lexicon table (header lines skipped)."""
    return read_tsv(path)


class Vectors:
    """Cosine similarity to a category centroid with spaCy's fr_core_news_md vectors."""

    def __init__(self, model: str, lexicon: list[dict[str, str]]):
        import numpy as np
        import spacy

        self.np = np
        self.nlp = spacy.load(model, exclude=["parser", "ner", "tagger", "morphologizer",
                                              "lemmatizer", "attribute_ruler", "senter"])
        self.version = str(self.nlp.meta.get("version", "?"))
        by_cat: dict[str, list[Any]] = defaultdict(list)
        for row in lexicon:
            if row["role"] in ("event", "deesc", "enemy", "victory", "joint"):
                vec = self.vector(row["term"])
                if vec is not None:
                    by_cat[row["category"]].append(vec)
        self.centroids = {c: np.mean(v, axis=0) for c, v in by_cat.items()}

    def vector(self, term: str) -> Any | None:
        words = [w for w in re.split(r"[\s']+", term) if w and w not in FR_FUNCTION]
        vecs = [self.nlp.vocab[w].vector for w in words if self.nlp.vocab[w].has_vector]
        return self.np.mean(vecs, axis=0) if vecs else None

    def similarity(self, term: str, category: str) -> float | None:
        vec, cen = self.vector(term), self.centroids.get(category)
        if vec is None or cen is None:
            return None
        denom = float(self.np.linalg.norm(vec) * self.np.linalg.norm(cen))
        return float(vec @ cen) / denom if denom else None


@dataclass
class Candidate:
    term: str
    pos: str
    category: str
    codes: Counter[str] = field(default_factory=Counter)
    sources: list[str] = field(default_factory=list)

    def cameo(self) -> str:
        """The most frequent code (ties: shortest, then lowest)."""
        return min(self.codes, key=lambda c: (-self.codes[c], len(c), c))


def build_candidates(rows: Iterable[CameoRow], plover: dict[str, str],
                     dictionary: Dictionary) -> dict[tuple[str, str], Candidate]:
    """French candidates keyed by (term, category), with their English sources.

    A verb row proposes the verb's translations; a pattern row proposes the
    translations of its content words (nouns such as SANCTIONS, ULTIMATUM) and,
    for a pattern with one content word, verb+noun expressions ("geler les avoir")
    built from the two most frequent translations of each.
    """
    from wordfreq import zipf_frequency

    def top(words: list[str], n: int) -> list[str]:
        words = [w for w in words if w not in FR_FUNCTION and " " not in w]
        return sorted(words, key=lambda w: (-zipf_frequency(w, "fr"), w))[:n]

    out: dict[tuple[str, str], Candidate] = {}

    def add(term: str, pos: str | None, cat: str, row: CameoRow) -> None:
        if not pos or term in FR_FUNCTION or not re.search(r"[a-zà-ÿœ]", term):
            return
        cand = out.setdefault((term, cat), Candidate(term, pos, cat))
        cand.codes[row.code] += 1
        if row.source not in cand.sources:
            cand.sources.append(row.source)

    for row in rows:
        cat = plover_of(row.code, plover)
        if cat is None:
            continue
        if row.kind == "verb":
            for fr in dictionary.lookup(row.verb):
                add(fr, french_pos(fr, dictionary, "verb"), cat, row)
            continue
        heads = [h for h in row.heads if h != row.verb]
        for head in heads:
            for fr in dictionary.lookup(head):
                add(fr, french_pos(fr, dictionary, "pattern"), cat, row)
        if len(heads) == 1:
            for v in top(dictionary.lookup(row.verb), 2):
                if not re.search(r"(er|ir|re|oir)$", v):
                    continue
                for n in top(dictionary.lookup(heads[0]), 2):
                    add(f"{v} les {n}", "MWE", cat, row)
    return out


def write_candidates(args: argparse.Namespace) -> None:
    from importlib.metadata import version

    from wordfreq import zipf_frequency

    rows = read_cameo_verbs(args.reference / "petrarch2" / "CAMEO.2.0.txt")
    plover = read_plover(args.reference / "CAMEO2PLOVER-2021.txt")
    dictionary = Dictionary.load(args.dictd)
    lexicon = existing_lexicon(args.lexicon)
    vectors = Vectors(args.vectors, lexicon) if args.vectors else None
    cands = build_candidates(rows, plover, dictionary)
    english_verbs = verbs_per_category(rows, plover)
    order = list(CATEGORIES)
    present = {(r["term"], r["category"]) for r in lexicon}
    records = []
    for (term, cat), cand in cands.items():
        if (term, cat) in present:
            continue
        sim = vectors.similarity(term, cat) if vectors else None
        records.append((order.index(cat), -zipf_frequency(term, "fr"), term, cand, sim))
    records.sort(key=lambda r: (r[0], r[1], r[2]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# French lexicon candidates derived from PETRARCH2 CAMEO.2.0.txt "
            "(scripts/derive_lexicon.py candidates)\n"
            f"# freedict: dict-freedict-eng-fra {deb_version('dict-freedict-eng-fra')} "
            f"(edition {dictd_info(args.dictd / 'freedict-eng-fra')}), dict-freedict-fra-eng "
            f"{deb_version('dict-freedict-fra-eng')} (edition "
            f"{dictd_info(args.dictd / 'freedict-fra-eng')}), GPL-2+\n"
            f"# wordfreq: {version('wordfreq')} (zipf_frequency(term, 'fr'))\n"
            f"# vectors: {args.vectors or 'none'} "
            f"{vectors.version if vectors else ''}\n"
            f"# cameo_rows: {len(rows)} ({sum(r.kind == 'verb' for r in rows)} verbs, "
            f"{sum(r.kind == 'pattern' for r in rows)} patterns); english verbs per category: "
            + ", ".join(f"{c} {len(english_verbs[c])}" for c in order) + "\n"
            "# terms already in the lexicon with the same category are left out\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["term", "pos", "category", "cameo", "english_sources", "freedict", "zipf",
                    "similarity", "n_english"])
        for _, negz, term, cand, sim in records:
            w.writerow([term, cand.pos, cand.category, cand.cameo(),
                        "; ".join(cand.sources[:4]), "yes", f"{-negz:.2f}",
                        "" if sim is None else f"{sim:.3f}", len(cand.sources)])
    print(f"{len(records)} candidates -> {args.out}")


def deb_version(package: str) -> str:
    """The installed Debian package version, or ``?``."""
    try:
        res = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             capture_output=True, text=True, check=False)
    except OSError:
        return "?"
    return res.stdout.strip() or "?"


# --------------------------------------------------------------------------- #
# Vetted rows -> lexicon rows
# --------------------------------------------------------------------------- #
#: Columns of ``vetted.tsv``; ``english`` is ``VERB`` or ``VERB: PATTERN`` as in CAMEO.2.0,
#: or ``none`` for wording that no CAMEO.2.0 verb covers.
VETTED_COLUMNS = ("term", "pos", "category", "cameo", "role", "english", "comment")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated table whose ``#`` lines are comments."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def cited_in_cameo(english: str, rows: list[CameoRow]) -> bool:
    """Whether ``VERB`` or ``VERB: PATTERN`` names a CAMEO.2.0 verb (and pattern words)."""
    verb, _, pattern = english.partition(":")
    verb = _english(verb.strip())
    mine = [r for r in rows if r.verb == verb]
    if not mine:
        return False
    words = {w for w in re.findall(r"[A-Z][A-Z_\-]+", pattern)}
    return not words or any(words <= set(re.findall(r"[A-Z][A-Z_\-]+", r.pattern))
                            for r in mine)


def freedict_words(v: dict[str, str], dictionary: Dictionary) -> list[str]:
    """Words of a vetted term that FreeDict gives for the English verb or pattern it cites."""
    if v["english"] == "none":
        return []
    verb, _, pattern = v["english"].partition(":")
    heads = [_english(verb.strip())] + [_english(w) for w in
                                        re.findall(r"[A-Z][A-Z_\-]+", pattern)]
    french = {t for h in heads for t in dictionary.lookup(h)}
    if v["term"] in french:
        return [v["term"]]
    return [w for w in re.split(r"[\s']+", v["term"]) if w in french and w not in FR_FUNCTION]


def lexicon_row(v: dict[str, str], goldstein: dict[str, float], derived: bool,
                partial: list[str] | None = None) -> list[str]:
    """One ``lexicon.tsv`` row for a vetted addition; the note names its source."""
    weight, quad = CATEGORIES[v["category"]]
    if v["cameo"] not in goldstein:
        raise SystemExit(f"{v['term']}: CAMEO code {v['cameo']} not in the Goldstein table")
    if v["english"] == "none":
        note = f"written: no CAMEO.2.0 verb; CAMEO {v['cameo']}; vetted"
    elif derived:
        note = f"derived: CAMEO.2.0 {v['english']} [{v['cameo']}] via FreeDict {v['term']}; vetted"
    else:
        via = f" (FreeDict: {', '.join(partial)})" if partial else ""
        note = f"written: CAMEO.2.0 {v['english']} [{v['cameo']}]{via}; vetted"
    if v.get("comment"):
        note += f"; {v['comment']}"
    return [v["term"], v["pos"], v["category"], quad, f"{weight:+.1f}", v["cameo"],
            f"{goldstein[v['cameo']]:+.1f}", v["role"] or "event", note]


def append_rows(args: argparse.Namespace) -> None:
    goldstein = read_goldstein(args.reference / "CAMEO.goldsteinscale.txt")
    plover = read_plover(args.reference / "CAMEO2PLOVER-2021.txt")
    cameo = read_cameo_verbs(args.reference / "petrarch2" / "CAMEO.2.0.txt")
    candidates = {(r["term"], r["category"]) for r in read_tsv(args.candidates)}
    dictionary = Dictionary.load(args.dictd)
    present = {(r["term"], r["pos"]) for r in existing_lexicon(args.lexicon)}
    new: list[list[str]] = []
    bad: list[str] = []
    for v in read_tsv(args.vetted):
        if (v["term"], v["pos"]) in present:
            continue
        mapped = plover_of(v["cameo"], plover)
        if mapped != v["category"]:
            raise SystemExit(f"{v['term']}: CAMEO {v['cameo']} is {mapped}, not {v['category']}")
        if v["english"] != "none" and not cited_in_cameo(v["english"], cameo):
            bad.append(f"{v['term']}: {v['english']}")
        found = freedict_words(v, dictionary)
        derived = (v["term"], v["category"]) in candidates or found == [v["term"]]
        new.append(lexicon_row(v, goldstein, derived, found))
        present.add((v["term"], v["pos"]))
    if bad:
        raise SystemExit("not in CAMEO.2.0:\n  " + "\n  ".join(bad))
    if args.dry_run:
        print(f"{len(new)} rows to append ({sum('via FreeDict' in r[-1] for r in new)} derived)")
        return
    text = args.lexicon.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    text += "".join("\t".join(r) + "\n" for r in new)
    args.lexicon.write_text(text, encoding="utf-8")
    print(f"appended {len(new)} rows to {args.lexicon}")


# --------------------------------------------------------------------------- #
# Coverage
# --------------------------------------------------------------------------- #
def verbs_per_category(rows: Iterable[CameoRow], plover: dict[str, str]) -> dict[str, set[str]]:
    """Distinct English verbs per PLOVER category, by a verb line's code or a pattern's."""
    verbs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        cat = plover_of(r.code, plover)
        if cat is not None:
            verbs[cat].add(r.verb)
    return verbs


def write_coverage(args: argparse.Namespace) -> None:
    rows = read_cameo_verbs(args.reference / "petrarch2" / "CAMEO.2.0.txt")
    plover = read_plover(args.reference / "CAMEO2PLOVER-2021.txt")
    verbs = verbs_per_category(rows, plover)
    patterns = Counter(plover_of(r.code, plover) for r in rows if r.kind == "pattern")
    before = Counter(r["category"] for r in existing_lexicon(args.before))
    after_rows = existing_lexicon(args.lexicon)
    after = Counter(r["category"] for r in after_rows)
    derived = Counter(r["category"] for r in after_rows
                      if r["note"].startswith(("derived:", "written:")))
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["category", "cameo_english_verbs", "cameo_patterns", "french_rows_before",
                    "french_rows_after", "added"])
        for cat in CATEGORIES:
            w.writerow([cat, len(verbs[cat]), patterns[cat], before[cat], after[cat],
                        derived[cat]])
        # a verb with patterns in several categories counts once in the total
        w.writerow(["TOTAL", len(set().union(*verbs.values())), sum(patterns.values()),
                    sum(before[c] for c in CATEGORIES), sum(after[c] for c in CATEGORIES),
                    sum(derived.values())])
    print(f"coverage -> {args.out}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reference", type=Path, default=REFERENCE)
    p.add_argument("--lexicon", type=Path, default=LEXICON)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("candidates", help="write lexicon_candidates.tsv")
    c.add_argument("--dictd", type=Path, default=DICTD)
    c.add_argument("--vectors", default="fr_core_news_md",
                   help="spaCy model with vectors ('' to skip the similarity column)")
    c.add_argument("--out", type=Path, default=DERIVED / "lexicon_candidates.tsv")
    r = sub.add_parser("rows", help="append vetted.tsv to the lexicon")
    r.add_argument("--vetted", type=Path, default=DERIVED / "vetted.tsv")
    r.add_argument("--candidates", type=Path, default=DERIVED / "lexicon_candidates.tsv")
    r.add_argument("--dictd", type=Path, default=DICTD)
    r.add_argument("--dry-run", action="store_true")
    v = sub.add_parser("coverage", help="write coverage.tsv")
    v.add_argument("--before", type=Path, required=True,
                   help="the lexicon before the additions (git show REV:analysis/data/lexicon.tsv)")
    v.add_argument("--out", type=Path, default=DERIVED / "coverage.tsv")
    args = p.parse_args(argv)
    {"candidates": write_candidates, "rows": append_rows, "coverage": write_coverage}[args.cmd](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
