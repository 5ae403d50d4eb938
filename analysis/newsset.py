"""The news development set: real French sentences that name two international actors.

The sentences come from three Universal Dependencies French treebanks beside the
repository (:data:`analysis.paths.CORPORA`: GSD, PUD, Sequoia). They are found
with an independent gazetteer (``annotations/news/gazetteer.tsv``), never with
the scorer or its actor dictionary, so that the sample does not favour what the
system already knows. A sentence is an item when the gazetteer's aliases in it
give at least two different codes; the codes are only a hint for the
annotators. The dev/test split is a seeded random half, fixed before anyone
labels anything. ``annotations/news/README.md`` describes the set.

Matching: every alias matches as a whole word, regardless of case, except an
alias written in capitals (an acronym), which matches as written or capitalised
(``ONU``, ``Onu``; ``IRA`` never matches the verb "ira"). An alias ending in a
hyphen (``russo-``) matches the first part of a compound. Where aliases overlap,
the longest wins (``Guinée-Bissau``, not ``Guinée``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import paths

__all__ = ["COLUMNS", "CORPUS_FILES", "GAZETTEER", "ITEMS", "MAX_ITEMS", "SEED", "actor_codes",
           "draw_news_items", "news_items", "read_gazetteer", "write_news_items"]

#: The gazetteer (``alias``, ``code``, ``kind``) and the committed items.
GAZETTEER: Path = paths.NEWS_ANNOTATIONS / "gazetteer.tsv"
ITEMS: Path = paths.NEWS_ANNOTATIONS / "items.csv"
#: The corpora drawn from, in the order items are numbered: one sentence a line.
CORPUS_FILES: dict[str, Path] = {
    "gsd": paths.CORPORA / "ud-french-gsd" / "sentences.txt",
    "pud": paths.CORPORA / "ud-french-pud" / "sentences.txt",
    "sequoia": paths.CORPORA / "ud-french-sequoia" / "sentences.txt",
}
#: The earlier held-out UD batches (``analysis.reliability.ud_sample``, committed).
UD_BATCHES: Path = paths.ANNOTATIONS / "ud_sample.csv"
#: Seed of the dev/test split (and of the cut to :data:`MAX_ITEMS`, were it needed).
SEED = 20261126
MAX_ITEMS = 300
COLUMNS = ["item_id", "corpus", "line", "text", "codes", "split", "in_ud_batch"]
GAZETTEER_COLUMNS = ["alias", "code", "kind"]


def _key(text: str) -> str:
    """An alias or a matched span as the gazetteer looks it up: one space, straight quote, casefolded."""
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def read_gazetteer(path: Path = GAZETTEER) -> pd.DataFrame:
    """The gazetteer's rows (``alias``, ``code``, ``kind``), without its ``#`` comment lines.

    Raises ``ValueError`` naming the file when the header is not ``alias, code,
    kind``, a row does not have three non-empty fields, or one alias (compared
    casefolded) has two different codes.
    """
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    if not lines or lines[0].split("\t") != GAZETTEER_COLUMNS:
        raise ValueError(f"{path}: the first row after the comments must be {GAZETTEER_COLUMNS}")
    body = lines[1:]
    rows = [ln.split("\t") for ln in body]
    bad = [ln for ln, row in zip(body, rows, strict=True) if len(row) != 3 or not all(map(str.strip, row))]
    if bad:
        raise ValueError(f"{path}: rows without three non-empty fields: {bad[:5]}")
    frame = pd.DataFrame(rows, columns=GAZETTEER_COLUMNS)
    codes = frame.groupby(frame["alias"].map(_key))["code"].nunique()
    if (codes > 1).any():
        raise ValueError(f"{path}: aliases with two codes: {sorted(codes[codes > 1].index)}")
    return frame


def _pattern(alias: str) -> str:
    words = [re.escape(w) for w in alias.replace("\u2019", "'").split()]
    body = r"\s+".join(words)
    if alias.isupper():
        capitalised = r"\s+".join(re.escape(w) for w in alias.capitalize().split())
        body = f"(?:{body}|{capitalised})"
    else:
        body = f"(?i:{body})"
    start = r"(?<!\w)" if alias[0].isalnum() else ""
    end = r"(?!\w)" if alias[-1].isalnum() else ""
    return start + body + end


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _matcher(path: Path) -> tuple[dict[str, re.Pattern[str]], dict[str, str]]:
    """Per first word (casefolded), one pattern of the aliases that begin with it, longest first."""
    frame = read_gazetteer(path)
    codes = {_key(a): c for a, c in zip(frame["alias"], frame["code"], strict=True)}
    groups: dict[str, list[str]] = {}
    for alias in sorted(frame["alias"], key=lambda a: (-len(a), a)):
        first = _WORD.match(alias)
        if first is None:
            raise ValueError(f"{path}: alias {alias!r} does not begin with a letter or digit")
        groups.setdefault(first.group(0).casefold(), []).append(_pattern(alias))
    return {w: re.compile("|".join(ps)) for w, ps in groups.items()}, codes


def actor_codes(text: str, gazetteer: Path = GAZETTEER) -> list[str]:
    """The sorted distinct codes of the gazetteer's aliases found in ``text``.

    Scanning left to right, each word start tries the aliases that begin with
    that word, longest first; a match is never overlapped by a later one.
    """
    patterns, codes = _matcher(gazetteer)
    text = text.replace("\u2019", "'")
    found: set[str] = set()
    end = 0
    for word in _WORD.finditer(text):
        pattern = patterns.get(word.group(0).casefold())
        if word.start() < end or pattern is None:
            continue
        m = pattern.match(text, word.start())
        if m:
            found.add(codes[_key(m.group(0))])
            end = m.end()
    return sorted(found)


def draw_news_items(gazetteer: Path = GAZETTEER,
                    corpora: Mapping[str, Path] = CORPUS_FILES) -> pd.DataFrame:
    """Every corpus sentence with at least two different actor codes, numbered and split.

    Sentences are taken in corpus order (:data:`CORPUS_FILES`), then line order;
    an exact repeat of an earlier item's text is dropped. Above
    :data:`MAX_ITEMS` sentences, a seeded random :data:`MAX_ITEMS` are kept (in
    that order). Then ``random.Random(SEED)`` puts half of them in ``dev`` (the
    extra one when the count is odd) and the rest in ``test``. Columns:
    :data:`COLUMNS`; ``line`` is 1-based in its file, ``codes`` the sorted codes
    joined by ``;``, ``in_ud_batch`` 1 when the text is already in an earlier
    held-out UD batch (``annotations/ud_sample.csv``).
    """
    rows: list[tuple[str, int, str, str]] = []
    seen: set[str] = set()
    for corpus, path in corpora.items():
        for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            text = raw.strip()
            if not text or text in seen:
                continue
            codes = actor_codes(text, gazetteer)
            if len(codes) >= 2:
                seen.add(text)
                rows.append((corpus, line, text, ";".join(codes)))
    rng = random.Random(SEED)
    if len(rows) > MAX_ITEMS:
        rows = [rows[i] for i in sorted(rng.sample(range(len(rows)), MAX_ITEMS))]
    dev = set(rng.sample(range(len(rows)), (len(rows) + 1) // 2))
    earlier = set(pd.read_csv(UD_BATCHES, dtype=str, keep_default_na=False)["text"].str.strip())
    return pd.DataFrame({
        "item_id": [f"news{k:03d}" for k in range(len(rows))],
        "corpus": [r[0] for r in rows],
        "line": [r[1] for r in rows],
        "text": [r[2] for r in rows],
        "codes": [r[3] for r in rows],
        "split": ["dev" if k in dev else "test" for k in range(len(rows))],
        "in_ud_batch": [int(r[2] in earlier) for r in rows],
    }, columns=COLUMNS)


def write_news_items(path: Path = ITEMS) -> Path:
    """Write :func:`draw_news_items` to ``path`` (UTF-8, ``\\n`` line ends) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draw_news_items().to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def news_items(path: Path = ITEMS) -> pd.DataFrame:
    """The committed items (``annotations/news/items.csv``) with the columns of :func:`draw_news_items`."""
    return pd.read_csv(path, dtype={c: str for c in COLUMNS if c not in ("line", "in_ud_batch")},
                       keep_default_na=False, encoding="utf-8")
