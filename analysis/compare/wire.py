"""Agency copy: articles credited to an agency or near-duplicates of another (word shingles)."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import pandas as pd

from ..tables import Scored
from .common import _norm, _ok_articles, _scored_rows, _text

#: Word-shingle Jaccard similarity above which two articles count as the same copy.
WIRE_JACCARD = 0.5
#: Words per shingle for the near-duplicate test.
SHINGLE_SIZE = 5


# ---------------------------------------------------------------- wire copy

def _article_texts(sentences: pd.DataFrame) -> dict[str, str]:
    rows = _scored_rows(sentences)
    text = _text(rows["text"])  # once for the corpus, not once per article
    return {str(aid): " ".join(g) for aid, g in text.groupby(rows["article_id"], sort=True)}


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """Word ``size``-grams of a text (lower-cased words), the unit of the near-duplicate test."""
    words = re.findall(r"\w+", _norm(text).lower())
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set, b: set) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def mark_wire(scored: Scored, threshold: float = WIRE_JACCARD,
              shingle_size: int = SHINGLE_SIZE, max_articles_per_shingle: int = 50) -> pd.DataFrame:
    """Mark agency copy: credited to an agency, or largely identical to another article.

    An article is wire copy when its ``agency`` is non-empty (the outlet carries
    an agency's dispatch) or when its word-shingle Jaccard similarity with
    another article is at least ``threshold`` (the same dispatch carried twice).

    Columns: ``article_id``, ``outlet``, ``agency``, ``is_wire`` (bool),
    ``wire_reason`` (``""`` when not wire), ``near_duplicate_of`` (the most
    similar article at or above the threshold, else ``""``), ``jaccard`` (its
    similarity; the highest similarity to any article when none reaches it).
    Shingles found in more than ``max_articles_per_shingle`` articles are set
    phrases, not copy: they are not used to find candidate pairs (this keeps a
    large corpus tractable) but still count in the similarity.
    """
    arts = _ok_articles(scored.articles)
    texts = _article_texts(scored.sentences)
    ids = [str(a) for a in arts["article_id"]]
    sh = {a: shingles(texts.get(a, ""), shingle_size) for a in ids}
    # Candidate pairs share at least one shingle (an inverted index keeps this near-linear).
    index: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for a in ids:  # ids are sorted, so every candidate pair is (smaller, larger)
        for s in sh[a]:
            index[s].append(a)
    candidates: set[tuple[str, str]] = set()
    for members in index.values():
        if len(members) <= max_articles_per_shingle:
            candidates.update(combinations(members, 2))
    best: dict[str, tuple[float, str]] = {a: (0.0, "") for a in ids}
    for a, b in sorted(candidates):
        sim = jaccard(sh[a], sh[b])
        for x, y in ((a, b), (b, a)):
            if sim > best[x][0]:
                best[x] = (sim, y)
    agency = _text(arts["agency"]) if "agency" in arts else pd.Series("", index=arts.index)
    rows = []
    for aid, outlet, ag in zip(ids, arts["outlet"], agency, strict=True):
        sim, other = best[aid]
        reasons = []
        if ag:
            reasons.append(f"credited to agency {ag}")
        dup = other if sim >= threshold else ""
        if dup:
            reasons.append(f"{sim:.0%} identical to {dup} (word {shingle_size}-gram Jaccard)")
        rows.append({"article_id": aid, "outlet": outlet, "agency": ag, "is_wire": bool(reasons),
                     "wire_reason": "; ".join(reasons), "near_duplicate_of": dup,
                     "jaccard": round(sim, 4)})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "agency", "is_wire", "wire_reason",
                                       "near_duplicate_of", "jaccard"])
