"""Reading and cleaning articles: from files or table rows to typed records.

One :class:`Article` per input document, whatever happened to it: a file that
cannot be read still gives a record with a ``status`` and a human-readable
``problem`` (and a warning naming the file), so nothing is lost downstream.

What the reader does, in order:

1. decode bytes (UTF-8, UTF-8 with BOM, UTF-16, cp1252/latin-1), repair
   mojibake with ftfy and say so;
2. split the stored text into paragraphs (one per non-empty line) and keep,
   for each, a normalised copy for matching (NFC, straight apostrophes and
   quotes, plain spaces, no soft hyphens, glued words split) with an offset map
   back into the stored text, so every span reported later points into the text
   as stored;
3. classify boilerplate lines (stamps, navigation, share widgets, editor
   credits, separators, signatures, social-media posts, repeats), headlines and
   the language of each paragraph;
4. infer metadata with evidence (outlet, host, agency, dates), let a sidecar
   ``metadata.csv`` or a table's metadata columns override it, and flag files
   that join two articles at a separator line.

The raw files are never modified.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import ftfy

Status = Literal[
    "ok", "empty", "unreadable", "not_french", "duplicate", "too_large", "no_body", "unsupported"
]
Kind = Literal["body", "headline", "boilerplate"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".parquet"}
SIDECAR_NAME = "metadata.csv"
#: Files larger than this are not read (status ``too_large``); the CLI can change it.
DEFAULT_MAX_BYTES = 10_000_000
#: Metadata fields a sidecar or a table may provide.
META_FIELDS = ("outlet", "host", "agency", "url", "published", "title", "agencies_cited")
TEXT_COLUMNS = ("text", "body", "content", "article", "texte")
ID_COLUMNS = ("article_id", "id", "doc_id")


class InputWarning(UserWarning):
    """A problem with one input document (it is kept, with a status)."""


@dataclass
class Paragraph:
    """One paragraph (a non-empty line) of an article.

    ``start``/``end`` index the article's stored text; ``text`` is the
    normalised copy used for matching, and ``offsets[i]`` is the index in the
    stored text of ``text[i]`` (``offsets`` has one extra entry for the end).
    """

    paragraph_id: int
    start: int
    end: int
    text: str
    offsets: list[int]
    kind: Kind = "body"
    boilerplate_kind: str = ""
    lang: str = "fr"
    repeat_of: int | None = None
    part: int = 1

    def stored_span(self, i: int, j: int) -> tuple[int, int]:
        """Map a ``[i, j)`` span of the normalised text to the stored text."""
        return self.offsets[i], self.offsets[j - 1] + 1 if j > i else self.offsets[i]

    @property
    def scored(self) -> bool:
        """True for paragraphs the scorer reads: French headlines and body."""
        return self.kind != "boilerplate" and self.lang == "fr"


@dataclass
class Article:
    """One input document, cleaned, with metadata and evidence."""

    article_id: str
    path: str
    text: str = ""
    status: Status = "ok"
    problem: str = ""
    encoding: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    #: articles found in the file (2 when two are joined at a separator line)
    n_parts: int = 1

    @property
    def body(self) -> str:
        """The normalised text of headlines and body paragraphs, boilerplate removed."""
        return "\n".join(p.text for p in self.paragraphs if p.kind != "boilerplate")

    def add_problem(self, message: str) -> None:
        self.problem = f"{self.problem}; {message}" if self.problem else message


# ---------------------------------------------------------------- decoding

_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€[™œ\u009d“”¦¢]|Ã©|Ã¨|Ã ")


def decode(data: bytes) -> tuple[str | None, str, str]:
    """Decode bytes of (probably) French text.

    Returns ``(text, encoding, problem)``; ``text`` is None when the bytes are
    not text at all.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ""
        except UnicodeDecodeError:
            return None, "", "UTF-16 byte-order mark but undecodable content"
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without BOM: every other byte is NUL for Latin text.
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, enc, ""
        return None, "", "binary content (NUL bytes), not text"
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = data.decode("cp1252", errors="replace"), "cp1252"
        if "\ufffd" in text:
            text, enc = data.decode("latin-1"), "latin-1"
    if not _looks_like_text(text):
        return None, "", "binary content, not text"
    return text, enc, ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_WIDE = re.compile(r"[^\x00-\xff]")  # the only characters that can be private/unassigned


def _looks_like_text(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return True
    bad = len(_CONTROL.findall(sample))
    if bad / len(sample) >= 0.02:
        return False
    odd = sum(1 for c in _WIDE.findall(sample) if unicodedata.category(c) in ("Co", "Cs", "Cn"))
    return (bad + odd) / len(sample) < 0.02


def repair_mojibake(text: str) -> tuple[str, str]:
    """Repair UTF-8 read as cp1252/latin-1 ("Ã©" for "é"); report what was done."""
    if not _MOJIBAKE.search(text):
        return text, ""
    fixed = ftfy.fix_encoding(text)
    if _MOJIBAKE.search(fixed):
        return text, "mojibake detected (e.g. 'Ã©') and could not be repaired"
    return fixed, "mojibake repaired (text was UTF-8 decoded as a single-byte encoding)"


# ---------------------------------------------------------------- normalisation

_CHAR_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ",
    "\u2003": " ", "\u3000": " ", "\t": " ",
}
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}
_DROP_RE = re.compile("[" + "".join(_DROP) + "]")
_TRANSLATE = str.maketrans(_CHAR_MAP)
#: Any character of ``_CHAR_MAP``: most paragraphs have none and need no translate().
_MAPPED_RE = re.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")
_DERIVED_SUFFIXES = (
    "n", "ne", "ns", "nes", "nne", "nnes", "en", "ens", "enne", "ennes", "ien", "iens", "ienne", "iennes",
    "iste", "istes", "isme", "s", "e", "es", "ais", "aise", "aises", "ain", "aine", "ains",
    "aines", "ite", "ites", "ois", "oise", "oises", "ovite", "o-",
)
_GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ÿ]{2})([.!?])(?=[«\"]?[A-ZÀ-Ý][a-zà-ÿ])")


def normalize(text: str, names: Sequence[str] = ()) -> tuple[str, list[int]]:
    """Normalise ``text`` for matching and return it with its offset map.

    The map has ``len(result) + 1`` entries; entry ``i`` is the index in
    ``text`` of the character that produced ``result[i]`` (an inserted space
    maps to the character it precedes).
    """
    norm, offs = _normalize(text, names)
    return norm, list(range(len(text) + 1)) if offs is None else offs


def _normalize(text: str, names: Sequence[str] = ()) -> tuple[str, list[int] | None]:
    """:func:`normalize`, with ``None`` for an identity map (most paragraphs)."""
    n = len(text)
    if unicodedata.is_normalized("NFC", text) and not _DROP_RE.search(text):
        # fast path (almost all text): one-to-one character replacements only
        norm = text.translate(_TRANSLATE) if _MAPPED_RE.search(text) else text
        inserts = _glue_points(norm, names)
        return _insert_spaces(norm, list(range(n + 1)), inserts) if inserts else (norm, None)
    out: list[str] = []
    offs = []
    i = 0
    while i < n:
        c = text[i]
        # Group a base character with following combining marks for NFC.
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        if c in _DROP:
            i = j
            continue
        chunk = text[i:j]
        rep = _CHAR_MAP.get(chunk, None)
        if rep is None:
            rep = unicodedata.normalize("NFC", chunk) if j - i > 1 or not chunk.isascii() else chunk
        for r in rep:
            out.append(r)
            offs.append(i)
        i = j
    norm = "".join(out)
    offs.append(n)
    inserts = _glue_points(norm, names)
    if inserts:
        norm, offs = _insert_spaces(norm, offs, inserts)
    return norm, offs


def _glue_points(text: str, names: Sequence[str]) -> list[int]:
    """Positions where a space must be inserted to unglue scraped words."""
    points = [m.end(1) for m in _GLUED_SENTENCE.finditer(text)]
    if names:
        for end, rest in _glued_names(text, tuple(names)):
            if len(rest) >= 3 and rest.lower() not in _DERIVED_SUFFIXES:
                points.append(end)
    return sorted(set(points))


_NAME_REST = re.compile(r"([a-zà-ÿœæ]+)\b")


def _glued_names(text: str, names: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(end of the name, glued rest) of each ``_glued_name_pattern`` match, in order.

    Same matches as ``_glued_name_pattern(names).finditer(text)``, faster: the
    regex tries its whole alternation of names at every character, while here
    only word starts with a name's first letter are tried, names in the same
    order (longest first). Names are letters only, so a match never starts
    inside the previous one and the matches do not depend on each other.
    """
    starts, by_first = _name_index(names)
    for m in starts.finditer(text):
        p = m.start()
        for name in by_first[text[p]]:
            if text.startswith(name, p):
                rest = _NAME_REST.match(text, p + len(name))
                if rest is not None:
                    yield p + len(name), rest.group(1)
                    break


@lru_cache(maxsize=8)
def _name_index(names: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """Word starts with a name's first letter, and the names by first letter, in
    ``_glued_name_pattern``'s order."""
    by_first: dict[str, list[str]] = {}
    for n in sorted(names, key=len, reverse=True):
        by_first.setdefault(n[0], []).append(n)
    # the letter first, then "(?<![\w-])" before it (as a two-character look-behind over
    # the letter): a leading look-behind would be tried at every position
    return re.compile(rf"[{re.escape(''.join(by_first))}](?<![\w-].)"), by_first


@lru_cache(maxsize=8)
def _glued_name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alts})([a-zà-ÿœæ]+)\b")


def _insert_spaces(text: str, offs: list[int], points: list[int]) -> tuple[str, list[int]]:
    out, new_offs, last = [], [], 0
    for p in points:
        out.append(text[last:p])
        new_offs.extend(offs[last:p])
        out.append(" ")
        new_offs.append(offs[p])
        last = p
    out.append(text[last:])
    new_offs.extend(offs[last:])
    return "".join(out), new_offs


@lru_cache(maxsize=1)
def glue_names() -> tuple[str, ...]:
    """Capitalised proper names from the actor dictionary, used to unglue words."""
    from .lexicon import load_actors  # data access only; no pipeline stage

    names = set()
    for alias in load_actors()["alias"]:
        alias = str(alias)
        if " " in alias or len(alias) < 4 or not alias.isalpha():
            continue
        names.add(alias[:1].upper() + alias[1:])
    return tuple(sorted(names))


# ---------------------------------------------------------------- boilerplate

_BOILERPLATE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("separator", re.compile(r"^[\W_]*$")),
    ("stamp", re.compile(r"(derni[eè]re\s+mise\s+[àa]\s+jour|mis\s+[àa]\s+jour\s+le|"
                         r"jerusalem\s+timing|^\s*publi[ée]\s+le\b|"
                         r"^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\s+\d{1,2}[:h]\d{2}"
                         r"(\s*[ap]m)?\b.{0,40}$|^\s*date\s+\d{4}(-\d{2}){0,2}\s*$)", re.I)),
    ("navigation", re.compile(r"(>>|»\s*\w+\s*»|page d'accueil|^\s*accueil\s*[>/»])", re.I)),
    ("share_widget", re.compile(r"(partez cet article|partagez? (cet|cette|l')|votre pseudo|"
                                r"conseils de la r[ée]daction|^\s*imprimer\s*$|"
                                r"suivez[- ]nous|^\s*commentaires?\s*:?\s*$|envoyer [àa] un ami|"
                                r"^\s*(tweet|facebook|twitter|e-?mail)\s*$)", re.I)),
    ("editor_credit", re.compile(r"^\s*\(?\s*(r[ée]dacteurs?|[ée]diteurs?|r[ée]daction|"
                                 r"traduction|translated by)\s*:", re.I)),
    ("social_media", re.compile(r"(https?://t\.co/|pic\.twitter\.com|^\s*[—–-]\s*[^()]{0,80}"
                                r"\(@\w+\)|@\w{3,}.*#\w+|#\w+.*@\w{3,})", re.I)),
    ("signature", re.compile(r"(^\s*(www\.)?[\w-]+(\.[\w-]+)*\.(com|fr|net|org|sy|cn|lb|ru|info|be|ch)"
                             r"(/\S*)?\s*$|^\s*avec\s+(l')?(afp|reuters|ap|tass|xinhua)\s*$|"
                             r"^\s*bulletin\s+fran[çc]ais\s*$|^\s*\((afp|reuters|ap)\)\s*$|"
                             r"^\s*(xinhua|afp|reuters|tass|ria novosti)\s*(\|.*)?$|"
                             r"^\s*source\s*:\s*\S+\s*$)", re.I)),
]
#: Longer paragraphs are prose: no widget, stamp or signature line is this long.
_MAX_BOILERPLATE_CHARS = 600
_LEADING_STAMP = re.compile(r"^\s*date\s+\d{4}(?:-\d{2}){0,2}\s+")
_SENT_END = re.compile(r"""[.!?…:»"')\]]\s*$""")


def classify_boilerplate(text: str) -> str:
    """Return the boilerplate kind of one normalised paragraph, or ``""``."""
    stripped = text.strip()
    if not any(ch.isalpha() for ch in stripped):
        return "separator" if stripped else "other"
    if len(stripped) > _MAX_BOILERPLATE_CHARS:
        return ""
    for kind, pattern in _BOILERPLATE_RULES:
        if pattern.search(stripped):
            return kind
    return ""


def looks_like_headline(text: str) -> bool:
    """A title or sub-title: short, capitalised, no sentence-final punctuation."""
    stripped = text.strip()
    words = stripped.split()
    return (
        2 <= len(words) <= 25
        and stripped[:1].isupper()
        and not re.search(r"[.!?…]\s*$", stripped)
        and len(stripped) <= 200
    )


# ---------------------------------------------------------------- language

@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset[str]]:
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR
    from spacy.lang.it.stop_words import STOP_WORDS as IT

    return {"fr": frozenset(FR), "en": frozenset(EN), "es": frozenset(ES),
            "de": frozenset(DE), "it": frozenset(IT)}


@lru_cache(maxsize=1)
def _stop_word_langs() -> dict[str, tuple[str, ...]]:
    """Each stop word and the languages whose list has it (counting in one pass)."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, words in _stop_words().items():
        for w in words:
            index[w] = index.get(w, ()) + (lang,)
    return index


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def detect_language(text: str, min_words: int = 5) -> str:
    """Guess a paragraph's language from its share of each language's stop words.

    Deterministic and fast (no model); ``"und"`` when the paragraph has too few
    words to say. Stop word lists are spaCy's.
    """
    words = [w.lower().split("'")[-1] for w in _WORD.findall(text)]
    if len(words) < min_words:
        return "und"
    scores = dict.fromkeys(_stop_words(), 0)
    index = _stop_word_langs()
    for w in words:
        for lang in index.get(w, ()):
            scores[lang] += 1
    best = max(scores, key=lambda k: (scores[k], k == "fr"))
    if scores[best] < max(1, len(words) // 10):
        return "und"
    # French wins ties: quoted English words inside French prose are common.
    return "fr" if scores["fr"] >= scores[best] else best


# ---------------------------------------------------------------- metadata

@lru_cache(maxsize=1)
def _signature_rules() -> list[tuple[re.Pattern[str], str, str, str]]:
    text = (resources.files("analysis") / "data" / "outlets.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [(re.compile(r["pattern"], re.I), r["field"], r["value"], r["where"]) for r in rows]


_MONTHS = {m: i for i, m in enumerate(
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"], start=1)}
_DATE_PATTERNS = [
    ("dmy_text", re.compile(r"\b(\d{1,2})(?:er)?\s+(janvier|février|fevrier|mars|avril|mai|juin|"
                            r"juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
                            r"\s+(\d{4})\b", re.I)),
    ("my_text", re.compile(r"\b(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
                           r"septembre|octobre|novembre|décembre|decembre)\s+(\d{4})\b", re.I)),
    ("dmy_num", re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")),
]


_FOUR_DIGITS = re.compile(r"\d{4}")


def _month(name: str) -> int:
    name = name.lower().replace("fevrier", "février").replace("aout", "août")
    return _MONTHS[name.replace("decembre", "décembre")]


def find_dates(text: str) -> list[tuple[str, int, int]]:
    """ISO dates (partial allowed) mentioned in ``text``, with their spans."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    if not _FOUR_DIGITS.search(text):
        return found  # every pattern has a four-digit year
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            try:
                if kind == "dmy_text":
                    iso = f"{int(m[3]):04d}-{_month(m[2]):02d}-{int(m[1]):02d}"
                elif kind == "my_text":
                    iso = f"{int(m[2]):04d}-{_month(m[1]):02d}"
                elif kind == "dmy_num":
                    d, mo, y = int(m[1]), int(m[2]), int(m[3])
                    if not (1 <= mo <= 12 and 1 <= d <= 31):
                        continue
                    iso = f"{y:04d}-{mo:02d}-{d:02d}"
                else:
                    y, mo = int(m[1]), int(m[2])
                    if not (1 <= mo <= 12):
                        continue
                    iso = f"{y:04d}-{mo:02d}" + (f"-{int(m[3]):02d}" if m[3] else "")
            except (KeyError, ValueError):
                continue
            if not 1900 <= int(iso[:4]) <= 2100:
                continue
            found.append((iso, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


_AGENCY_OF = re.compile(r"agence de presse\s+\w+\s*(?:«\s*)?(tass|ria novosti|sana|afp|xinhua)",
                        re.I)
_AGENCY_SELON = re.compile(r"selon l'agence\s+(tass|ria novosti|afp|xinhua)", re.I)


def infer_metadata(article: Article) -> dict[str, str]:
    """Infer outlet, host, agency and dates from the article's own lines.

    Each value comes with an ``*_evidence`` quoting the line that decided it
    and ``*_source`` saying how it was found.
    """
    meta: dict[str, str] = {}
    cited: list[str] = []
    mentioned: list[str] = []
    for p in article.paragraphs:
        line = p.text.strip()
        is_bp = p.kind == "boilerplate"
        for pattern, fld, value, where in _signature_rules():
            if where == "boilerplate" and not is_bp:
                continue
            if not meta.get(fld) and pattern.search(line):
                meta[fld] = value
                meta[f"{fld}_evidence"] = line[:160]
                meta[f"{fld}_source"] = "signature" if is_bp else "text"
        m = _AGENCY_OF.search(line) or _AGENCY_SELON.search(line)
        if m and not is_bp:
            name = {"tass": "TASS", "afp": "AFP", "xinhua": "Xinhua", "sana": "SANA",
                    "ria novosti": "RIA Novosti"}[m.group(1).lower()]
            if name not in cited:
                cited.append(name)
        dates = find_dates(line)
        if is_bp and p.boilerplate_kind == "stamp":
            stamp = _page_stamp(line)
            if stamp and not meta.get("page_timestamp"):
                meta["page_timestamp"] = stamp
                meta["page_timestamp_evidence"] = line[:160]
            elif dates and not meta.get("page_timestamp") and re.match(r"\s*date\s", line):
                meta["published"] = dates[0][0]
                meta["published_source"] = "page date header"
                meta["published_evidence"] = line[:160]
        elif is_bp and p.boilerplate_kind == "signature" and dates and not meta.get("published"):
            meta["published"] = dates[0][0]
            meta["published_source"] = "agency dateline"
            meta["published_evidence"] = line[:160]
        elif not is_bp:
            mentioned.extend(d for d, _, _ in dates)
    if cited:
        meta["agencies_cited"] = ";".join(cited)
    meta["dates_mentioned"] = ";".join(dict.fromkeys(mentioned))
    return meta


def _page_stamp(line: str) -> str:
    m = re.search(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s+(\d{1,2})[:h](\d{2})\s*([ap]m)?", line,
                  re.I)
    if not m:
        return ""
    d, mo, y, hh, mm = (int(x) for x in m.groups()[:5])
    if m[6] and m[6].lower() == "pm" and hh < 12:
        hh += 12
    return f"{y:04d}-{mo:02d}-{d:02d}T{hh:02d}:{mm:02d}"


# ---------------------------------------------------------------- building records

def build_article(article_id: str, path: str, text: str, names: Sequence[str] = ()) -> Article:
    """Split ``text`` into classified paragraphs and infer metadata."""
    art = Article(article_id=article_id, path=path, text=text)
    seen: dict[str, int] = {}
    part = 1
    pid = 0
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group(0)
        if not raw.strip():
            continue
        start = m.start()
        lead = _LEADING_STAMP.match(raw)
        segments = [(start, start + lead.end()), (start + lead.end(), m.end())] if lead \
            else [(start, m.end())]
        for s, e in segments:
            norm, offs = _normalize(text[s:e], names)
            # strip surrounding blanks, keeping offsets aligned
            lstrip = len(norm) - len(norm.lstrip())
            rstrip = len(norm.rstrip())
            if rstrip <= lstrip:
                continue
            if offs is None:  # identity map: the same offsets, built in C
                offs = list(range(lstrip + s, rstrip + s + 1))
            else:
                offs = [o + s for o in offs[lstrip:rstrip]] + [offs[rstrip - 1] + s + 1]
            norm = norm[lstrip:rstrip]
            para = Paragraph(paragraph_id=pid, start=offs[0], end=offs[-1], text=norm,
                             offsets=offs, part=part)
            pid += 1
            para.boilerplate_kind = classify_boilerplate(norm)
            if lead and s == start:
                para.boilerplate_kind = "stamp"
            key = re.sub(r"\W+", " ", norm.lower()).strip()
            if not para.boilerplate_kind and key in seen:
                para.boilerplate_kind = "repeat"
                para.repeat_of = seen[key]
            elif not para.boilerplate_kind:
                seen[key] = para.paragraph_id
            if para.boilerplate_kind:
                para.kind = "boilerplate"
            elif looks_like_headline(norm):
                para.kind = "headline"
            para.lang = detect_language(norm)
            if para.kind != "boilerplate" and para.lang == "und":
                para.lang = "fr"  # too short to tell: a French corpus's default
            if para.boilerplate_kind == "separator" and re.search(r"[*#=~_-]{3,}", norm):
                part += 1
            art.paragraphs.append(para)
    _mark_embedded_posts(art)
    _check_parts(art)
    art.meta = infer_metadata(art)
    return art


def _mark_embedded_posts(art: Article) -> None:
    """A non-French paragraph next to a social-media line is the post itself."""
    paras = art.paragraphs
    for i, p in enumerate(paras):
        if p.kind == "boilerplate" or p.lang in ("fr", "und"):
            continue
        neighbours = paras[max(0, i - 1): i + 2]
        if re.search(r"https?://t\.co/|@\w+|#\w+", p.text) or any(
                q.boilerplate_kind == "social_media" for q in neighbours if q is not p):
            p.kind, p.boilerplate_kind = "boilerplate", "social_media"


def _check_parts(art: Article) -> None:
    """Flag a file that joins two articles at a separator line."""
    parts = {p.part for p in art.paragraphs if p.kind != "boilerplate"}
    if len(parts) > 1:
        art.n_parts = len(parts)
        art.add_problem(
            f"holds {len(parts)} articles joined at a separator line; "
            "use split_parts=True (--split-parts) to score them separately")
    # the first line of each later part that looks like a title is that part's headline
    for part in sorted(parts)[1:]:
        first = next(p for p in art.paragraphs if p.part == part and p.kind != "boilerplate")
        if looks_like_headline(first.text):
            first.kind = "headline"


def split_parts(art: Article) -> list[Article]:
    """Split an article flagged as multi-part into one record per part."""
    n = art.n_parts
    if n <= 1:
        return [art]
    out = []
    for part in sorted({p.part for p in art.paragraphs}):
        paras = [p for p in art.paragraphs if p.part == part]
        if not any(p.kind != "boilerplate" for p in paras):
            continue
        sub = Article(article_id=f"{art.article_id}-{part}", path=art.path, text=art.text,
                      status=art.status, encoding=art.encoding, paragraphs=paras,
                      problem=f"part {part} of {n} of a file joined at a separator")
        sub.meta = infer_metadata(sub)
        out.append(sub)
    return out


def _finish(art: Article) -> Article:
    """Set the status of a decoded article from its paragraphs."""
    if art.status != "ok":
        return art
    if not art.text.strip():
        art.status, art.problem = "empty", "file is empty or whitespace only"
        return art
    content = [p for p in art.paragraphs if p.kind != "boilerplate"]
    if not content:
        art.status = "no_body"
        art.add_problem("only boilerplate lines, no article text")
        return art
    langs = [p.lang for p in content if p.lang != "und"]
    french = sum(1 for lang in langs if lang == "fr")
    if langs and french * 2 < len(langs):
        other = max(set(langs), key=langs.count)
        art.status = "not_french"
        art.add_problem(f"text is not French (detected language: {other})")
    return art


# ---------------------------------------------------------------- inputs

def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``inputs`` (folders recursively, sorted); error if a path is missing."""
    for item in inputs:
        path = Path(item)
        if not path.exists():
            raise FileNotFoundError(f"input path does not exist: {path}")
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                if f.name == SIDECAR_NAME or f.name.startswith("."):
                    continue
                if f.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES:
                    yield f
        else:
            yield path


def read_sidecar(folder: Path) -> dict[str, dict[str, str]]:
    """``metadata.csv`` beside the articles, keyed by article_id."""
    path = folder / SIDECAR_NAME
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if rows and "article_id" not in rows[0]:
        warnings.warn(f"{path}: no article_id column; sidecar ignored", InputWarning, stacklevel=2)
        return {}
    return {r["article_id"]: r for r in rows}


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
              names: Sequence[str] = ()) -> list[Article]:
    """Read one input file into one Article (text, HTML) or one per row (tables)."""
    suffix = path.suffix.lower()
    aid = path.stem
    if suffix in TABLE_SUFFIXES:
        return read_table(path, max_bytes=max_bytes, names=names)
    size = path.stat().st_size
    if size > max_bytes:
        return [Article(aid, str(path), status="too_large",
                        problem=f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                                "(raise it with --max-bytes)")]
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return [Article(aid, str(path), status="unsupported",
                        problem=f"unsupported file type {suffix or '(none)'!r}; expected "
                                ".txt, .html, .htm, .csv, .jsonl or .parquet")]
    data = path.read_bytes()
    if not data.strip():
        return [Article(aid, str(path), status="empty", problem="file is empty")]
    text, enc, problem = decode(data)
    if text is None:
        return [Article(aid, str(path), status="unreadable", problem=problem)]
    is_html = suffix in HTML_SUFFIXES or re.match(r"\s*(<!doctype html|<html)", text[:500], re.I)
    html_meta: dict[str, str] = {}
    notes = []
    if is_html:
        if suffix not in HTML_SUFFIXES:
            notes.append("HTML markup in a text file: main text extracted with trafilatura")
        text, html_meta = extract_html(text)
        if not text:
            return [Article(aid, str(path), status="no_body", encoding=enc,
                            problem="HTML page with no extractable article text")]
    text, fix = repair_mojibake(text)
    art = build_article(aid, str(path), text, names)
    art.encoding = enc
    for note in [*notes, fix]:
        if note:
            art.add_problem(note)
    for k, v in html_meta.items():
        if v and not art.meta.get(k):
            art.meta[k] = v
            art.meta[f"{k}_source"] = "html metadata"
    return [_finish(art)]


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of an HTML page (trafilatura, htmldate)."""
    import htmldate
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    if doc is None:
        return "", {}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    meta = {"title": d.get("title") or "", "url": d.get("url") or "",
            "host": d.get("hostname") or "", "outlet": d.get("sitename") or ""}
    published = htmldate.find_date(html, original_date=True, extensive_search=False)
    if published:
        meta["published"] = published
    text = d.get("text") or ""
    return text, meta


def read_table(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
               names: Sequence[str] = ()) -> list[Article]:
    """One Article per row of a CSV, JSON-lines or Parquet table."""
    import pandas as pd

    try:
        if path.suffix.lower() == ".csv":
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
        elif path.suffix.lower() == ".jsonl":
            df = pd.DataFrame([json.loads(ln) for ln in path.read_text("utf-8").splitlines()
                               if ln.strip()]).astype(str)
        else:
            df = pd.read_parquet(path).astype(str)
    except Exception as exc:  # noqa: BLE001 - any parse failure is reported, not raised
        return [Article(path.stem, str(path), status="unreadable",
                        problem=f"table could not be parsed: {exc}")]
    text_col = next((c for c in TEXT_COLUMNS if c in df.columns), None)
    if text_col is None:
        return [Article(path.stem, str(path), status="unreadable",
                        problem=f"table has no text column (expected one of {TEXT_COLUMNS})")]
    id_col = next((c for c in ID_COLUMNS if c in df.columns), None)
    out = []
    for i, row in enumerate(df.to_dict("records")):
        aid = str(row[id_col]) if id_col else f"{path.stem}:{i}"
        text = str(row[text_col] or "")
        src = f"{path}#{i}"
        if not text.strip() or text == "nan":
            out.append(Article(aid, src, status="empty", problem="row has an empty text"))
            continue
        if len(text.encode("utf-8")) > max_bytes:
            out.append(Article(aid, src, status="too_large",
                               problem=f"row text is over the limit of {max_bytes:,} bytes"))
            continue
        text, fix = repair_mojibake(text)
        art = build_article(aid, src, text, names)
        if fix:
            art.add_problem(fix)
        for k in META_FIELDS:
            v = row.get(k)
            if v and v != "nan":
                art.meta[k] = str(v)
                art.meta[f"{k}_source"] = "table"
        out.append(_finish(art))
    return out


def apply_sidecar(art: Article, row: dict[str, str], sidecar: str) -> None:
    """Let known metadata win over inference, and say so."""
    for k in META_FIELDS:
        v = (row.get(k) or "").strip()
        if not v:
            continue
        inferred = art.meta.get(k, "")
        art.meta[k] = v
        art.meta[f"{k}_source"] = f"sidecar {sidecar}" + (
            f" (inferred: {inferred})" if inferred and inferred != v else "")
        if k in ("outlet", "host", "agency", "published") and not art.meta.get(f"{k}_evidence"):
            art.meta[f"{k}_evidence"] = (row.get("source") or "").strip()[:160]


def body_digest(art: Article) -> str:
    """Hash of an article's normalised body, for exact-duplicate detection."""
    return hashlib.sha1(re.sub(r"\s+", " ", art.body).encode()).hexdigest()


def read_corpus(inputs: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES,
                split: bool = False, use_sidecar: bool = True,
                warn: bool = True, dedupe: bool = True) -> Iterator[Article]:
    """Read every input document, in a stable order, one Article each.

    Exact duplicates (same normalised body) of an earlier document get status
    ``duplicate``. Problems are reported as :class:`InputWarning` naming the file.
    """
    names = glue_names()
    hashes: dict[str, str] = {}
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    for path in iter_input_files(inputs):
        folder = path.parent
        if use_sidecar and folder not in sidecars:
            sidecars[folder] = read_sidecar(folder)
        for art in read_file(path, max_bytes=max_bytes, names=names):
            row = sidecars.get(folder, {}).get(art.article_id)
            if row:
                apply_sidecar(art, row, str(folder / SIDECAR_NAME))
            if art.status == "ok" and dedupe:
                digest = body_digest(art)
                if digest in hashes:
                    art.status = "duplicate"
                    art.add_problem(f"exact duplicate of {hashes[digest]}")
                else:
                    hashes[digest] = art.article_id
            if warn and (art.status != "ok" or art.problem):
                warnings.warn(f"{art.path}: {art.status}: {art.problem}", InputWarning,
                              stacklevel=2)
            if split and art.status == "ok":
                yield from split_parts(art)
            else:
                yield art


# ---------------------------------------------------------------- tables

ARTICLE_COLUMNS = [
    "article_id", "path", "status", "problem", "encoding", "n_parts",
    "outlet", "outlet_source", "outlet_evidence",
    "host", "host_source", "host_evidence",
    "agency", "agency_source", "agency_evidence", "agencies_cited",
    "url", "title", "published", "published_source", "published_evidence",
    "page_timestamp", "page_timestamp_evidence", "dates_mentioned",
    "n_paragraphs", "n_headlines", "n_boilerplate", "n_chars",
]


def article_record(art: Article) -> dict[str, object]:
    """The reader's columns of ``articles.csv`` for one article."""
    rec: dict[str, object] = {c: "" for c in ARTICLE_COLUMNS}
    rec.update({k: v for k, v in art.meta.items() if k in rec})
    if not rec["title"]:
        head = next((p.text for p in art.paragraphs if p.kind == "headline"), "")
        rec["title"] = head
    rec.update(
        article_id=art.article_id, path=art.path, status=art.status, problem=art.problem,
        encoding=art.encoding, n_parts=art.n_parts if art.paragraphs else 0,
        n_paragraphs=len(art.paragraphs),
        n_headlines=sum(p.kind == "headline" for p in art.paragraphs),
        n_boilerplate=sum(p.kind == "boilerplate" for p in art.paragraphs),
        n_chars=len(art.text),
    )
    return rec
