"""Comparing outlets: measures, uncertainty, vocabulary, actors, naming, wire copy, time.

Every function takes the scored tables (:class:`analysis.tables.Scored`:
``articles``, ``sentences``, ``dyads`` as documented in ``docs/tables.md``) and
returns a pandas DataFrame whose columns are listed in its docstring. Only
articles with status ``ok`` are compared. The outlet is the ``outlet`` column
(the first publisher, never the host); an empty outlet is :data:`UNKNOWN_OUTLET`.

Why so much bookkeeping: the seed corpus has one article per outlet. Every
outlet-level figure therefore carries ``n_articles`` and ``n_sentences`` and a
plain-language ``warning`` when an outlet has fewer than :data:`MIN_ARTICLES`
articles, and every outlet function takes ``include_wire`` so that agency copy
(whose framing is the agency's, not the outlet's) can be left out.

Outlet figures pool sentences: an outlet's cooperative share is its cooperative
body sentences over all its body sentences (long articles weigh more), which
is what the cluster bootstrap in :func:`bootstrap_outlets` resamples.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations, islice
from typing import Literal

import numpy as np
import pandas as pd

from .stats import CHUNK, cluster_resample, keyed_rng
from .tables import Scored, _combine_relations, frame_measures, net_index

#: Outlet name given to articles whose ``outlet`` is empty.
UNKNOWN_OUTLET = "inconnu"
#: Below this many articles an outlet's figures carry a warning.
MIN_ARTICLES = 5
#: Word-shingle Jaccard similarity above which two articles count as the same copy.
WIRE_JACCARD = 0.5
#: Words per shingle for the near-duplicate test.
SHINGLE_SIZE = 5
#: Measures the cluster bootstrap and the permutation test know about.
BOOT_MEASURES = ("coop_share", "conf_share", "net_index", "rususa_net", "narrator_net",
                 "quoted_net", "quoted_share")
Measure = Literal["coop_share", "conf_share", "net_index", "rususa_net", "narrator_net",
                  "quoted_net", "quoted_share"]

_RUS_USA = ("RUS", "USA")
_PERM_COLUMNS = ["outlet_a", "outlet_b", "measure", "estimate_a", "estimate_b", "difference", "p_value",
                 "n_perm", "exact", "n_articles_a", "n_articles_b", "n_sentences_a", "n_sentences_b",
                 "warning"]


# ---------------------------------------------------------------- small helpers

def small_n_warning(n_articles: int) -> str:
    """Plain-language warning for an outlet measured on fewer than :data:`MIN_ARTICLES` articles."""
    n = int(n_articles)
    if n >= MIN_ARTICLES:
        return ""
    if n == 0:
        return "no article: nothing to measure"
    if n == 1:
        return "1 article: an anecdote, not an outlet's framing"
    return f"{n} articles: too few to characterise an outlet (fewer than {MIN_ARTICLES})"


def _text(series: pd.Series) -> pd.Series:
    """Strings with missing values as ``""`` (the tables read back missing cells as NA)."""
    return series.astype(object).where(series.notna(), "").astype(str).str.strip()


def outlet_names(articles: pd.DataFrame) -> pd.Series:
    """The outlet of each article row, :data:`UNKNOWN_OUTLET` when empty."""
    names = _text(articles["outlet"]) if "outlet" in articles else pd.Series("", index=articles.index)
    return names.mask(names == "", UNKNOWN_OUTLET)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")


def _ok_articles(articles: pd.DataFrame) -> pd.DataFrame:
    ok = articles[_text(articles["status"]) == "ok"] if "status" in articles else articles
    return ok.assign(outlet=outlet_names(ok)).sort_values("article_id", kind="stable")


def _scored_rows(sentences: pd.DataFrame) -> pd.DataFrame:
    """Scored sentences (headlines and body, not boilerplate) in reading order."""
    s = sentences[sentences["coop"].notna() & (_text(sentences["kind"]) != "boilerplate")]
    return s.sort_values(["article_id", "sentence_id"], kind="stable")


# ---------------------------------------------------------------- time

def best_dates(scored: Scored) -> pd.DataFrame:
    """Best-known date of each article, and where it comes from.

    ``published`` when known, else the first of ``dates_mentioned`` (the body's
    own dates, in reading order). ``page_timestamp`` is never used: it is a page
    clock (seed 003's "24-11-2024 … Jerusalem Timing" is the archive's, not the
    article's).

    Columns: ``article_id``, ``outlet``, ``best_date`` (ISO, partial allowed,
    ``""`` when unknown), ``date_source`` (``published``, ``dates_mentioned`` or
    ``none``), ``date`` (Timestamp; a partial date is the first day of its month
    or year), ``date_precision`` (``day``, ``month``, ``year`` or ``""``).
    """
    arts = _ok_articles(scored.articles)
    published = _text(arts["published"]) if "published" in arts else pd.Series("", index=arts.index)
    mentioned = (_text(arts["dates_mentioned"]) if "dates_mentioned" in arts
                 else pd.Series("", index=arts.index))
    rows = []
    for aid, outlet, pub, men in zip(arts["article_id"], arts["outlet"], published, mentioned,
                                     strict=True):
        first = next((d.strip() for d in men.split(";") if d.strip()), "")
        best, source = (pub, "published") if pub else (first, "dates_mentioned") if first else ("", "none")
        date, precision = _parse_partial_date(best)
        rows.append({"article_id": str(aid), "outlet": outlet, "best_date": best,
                     "date_source": source, "date": date, "date_precision": precision})
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "best_date", "date_source", "date",
                                      "date_precision"])
    out["date"] = pd.to_datetime(out["date"])
    return out


def _parse_partial_date(value: str) -> tuple[pd.Timestamp | None, str]:
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None, ""
    year, month, day = m.group(1), m.group(2), m.group(3)
    precision = "day" if day else "month" if month else "year"
    try:
        return pd.Timestamp(int(year), int(month or 1), int(day or 1)), precision
    except ValueError:
        return None, ""


# ---------------------------------------------------------------- wire copy

def _article_texts(sentences: pd.DataFrame) -> dict[str, str]:
    rows = _scored_rows(sentences)
    return {str(aid): " ".join(_text(g["text"])) for aid, g in rows.groupby("article_id", sort=True)}


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


# ---------------------------------------------------------------- selection

@dataclass
class _Corpus:
    """The articles kept for a comparison, with their scored sentences and dyads."""

    articles: pd.DataFrame  # ok articles, with outlet, is_wire, wire_reason
    sentences: pd.DataFrame  # scored sentences of those articles, with outlet
    dyads: pd.DataFrame  # dyads of those sentences, with outlet


def _select(scored: Scored, include_wire: bool = True) -> _Corpus:
    arts = _ok_articles(scored.articles)
    wire = mark_wire(scored).set_index("article_id")
    arts = arts.assign(article_id=arts["article_id"].astype(str))
    arts = arts.assign(is_wire=arts["article_id"].map(wire["is_wire"]).fillna(False).astype(bool),
                       wire_reason=arts["article_id"].map(wire["wire_reason"]).fillna(""))
    if not include_wire:
        arts = arts[~arts["is_wire"]]
    outlet = dict(zip(arts["article_id"], arts["outlet"], strict=True))
    sents = _scored_rows(scored.sentences)
    sents = sents.assign(article_id=sents["article_id"].astype(str))
    sents = sents[sents["article_id"].isin(outlet)]
    sents = sents.assign(outlet=sents["article_id"].map(outlet))
    dyads = scored.dyads.assign(article_id=scored.dyads["article_id"].astype(str))
    keys = set(zip(sents["article_id"], sents["sentence_id"], strict=True))
    keep = [k in keys for k in zip(dyads["article_id"], dyads["sentence_id"], strict=True)]
    dyads = dyads[np.asarray(keep, dtype=bool)] if len(dyads) else dyads
    dyads = dyads.assign(outlet=dyads["article_id"].map(outlet))
    return _Corpus(arts.reset_index(drop=True), sents.reset_index(drop=True),
                   dyads.reset_index(drop=True))


def _pooled_measures(sents: pd.DataFrame, dyads: pd.DataFrame) -> dict[str, float]:
    """:func:`frame_measures` over several articles: sentence ids made unique first."""
    key = {k: i for i, k in enumerate(zip(sents["article_id"], sents["sentence_id"], strict=True))}
    s = sents.assign(sentence_id=[key[k] for k in zip(sents["article_id"], sents["sentence_id"],
                                                       strict=True)])
    d = dyads[[k in key for k in zip(dyads["article_id"], dyads["sentence_id"], strict=True)]]
    d = d.assign(sentence_id=[key[k] for k in zip(d["article_id"], d["sentence_id"], strict=True)])
    return frame_measures(s, d)


def _speakers(sents: pd.DataFrame) -> Counter[str]:
    body = sents[(_text(sents["kind"]) == "body") & (_text(sents["voice"]) == "quoted")]
    names = _text(body["speaker"]).replace("", "(unnamed)")
    return Counter(names)


def _speaker_summary(counts: Counter[str], top: int = 3) -> str:
    named = sorted(((n, s) for s, n in counts.items() if s != "(unnamed)"), key=lambda t: (-t[0], t[1]))
    return "; ".join(f"{s} ({n})" for n, s in named[:top])


# ---------------------------------------------------------------- measures

def article_measures(scored: Scored, include_wire: bool = True) -> pd.DataFrame:
    """One row per article: its framing measures, outlet, wire mark and best date.

    Columns: ``article_id``, ``outlet``, ``title``, ``is_wire``, ``wire_reason``,
    ``best_date``, ``date_source``, ``n_articles`` (1), every key of
    :func:`analysis.tables.frame_measures` (``n_sentences``, ``n_body``,
    ``n_coop``, ``n_conf``, ``coop_share``, ``conf_share``, ``net_index``,
    ``goldstein_mean``, ``rususa_*``, ``headline_*``, ``narrator_*``,
    ``quoted_*``), ``quoted_share`` (quoted body sentences / body sentences),
    ``n_speakers`` (distinct named speakers) and ``speakers`` (the most quoted).
    """
    corpus = _select(scored, include_wire)
    dates = best_dates(scored).set_index("article_id")
    by_sent = dict(tuple(corpus.sentences.groupby("article_id", sort=True)))
    by_dyad = dict(tuple(corpus.dyads.groupby("article_id", sort=True))) if len(corpus.dyads) else {}
    empty_s, empty_d = corpus.sentences.iloc[:0], corpus.dyads.iloc[:0]
    rows = []
    for art in corpus.articles.itertuples(index=False):
        s = by_sent.get(art.article_id, empty_s)
        m = frame_measures(s, by_dyad.get(art.article_id, empty_d))
        spk = _speakers(s)
        rows.append({
            "article_id": art.article_id, "outlet": art.outlet,
            "title": _text(pd.Series([getattr(art, "title", "")])).iloc[0],
            "is_wire": art.is_wire, "wire_reason": art.wire_reason,
            "best_date": dates.at[art.article_id, "best_date"],
            "date_source": dates.at[art.article_id, "date_source"], "n_articles": 1, **m,
            "quoted_share": m["quoted_n"] / m["n_body"] if m["n_body"] else math.nan,
            "n_speakers": sum(1 for k in spk if k != "(unnamed)"), "speakers": _speaker_summary(spk),
        })
    return pd.DataFrame(rows)


def outlet_measures(scored: Scored, include_wire: bool = True) -> pd.DataFrame:
    """One row per outlet: pooled framing measures of its articles, with the n behind them.

    Columns: ``outlet``, ``n_articles``, ``n_wire`` (of them agency copy),
    every key of :func:`analysis.tables.frame_measures` computed on the
    outlet's sentences pooled (``n_sentences``, ``n_body``, ``coop_share``,
    ``conf_share``, ``net_index``, ``rususa_*``, ``headline_*`` for headlines vs
    the body figures, ``narrator_*``, ``quoted_*``), ``quoted_share``,
    ``n_speakers``, ``speakers`` (most quoted, with counts) and ``warning``.
    """
    corpus = _select(scored, include_wire)
    rows = []
    for outlet, arts in corpus.articles.groupby("outlet", sort=True):
        s = corpus.sentences[corpus.sentences["outlet"] == outlet]
        d = corpus.dyads[corpus.dyads["outlet"] == outlet]
        m = _pooled_measures(s, d)
        spk = _speakers(s)
        rows.append({"outlet": outlet, "n_articles": len(arts), "n_wire": int(arts["is_wire"].sum()),
                     **m, "quoted_share": m["quoted_n"] / m["n_body"] if m["n_body"] else math.nan,
                     "n_speakers": sum(1 for k in spk if k != "(unnamed)"),
                     "speakers": _speaker_summary(spk), "warning": small_n_warning(len(arts))})
    return pd.DataFrame(rows)


def _long_parts(scored: Scored, include_wire: bool, parts: Sequence[str],
                label: str) -> pd.DataFrame:
    wide = outlet_measures(scored, include_wire)
    rows = []
    for r in wide.itertuples(index=False):
        r = r._asdict()
        for part in parts:
            prefix = "" if part == "body" else f"{part}_"
            n = r["n_body"] if part == "body" else r[f"{part}_n"]
            coop = r["n_coop"] if part == "body" else r[f"{part}_coop"]
            conf = r["n_conf"] if part == "body" else r[f"{part}_conf"]
            rows.append({"outlet": r["outlet"], label: part, "n_articles": r["n_articles"],
                         "n_sentences": int(n), "share_of_body": n / r["n_body"] if r["n_body"]
                         else math.nan, "n_coop": coop, "n_conf": conf,
                         "coop_share": coop / n if n else math.nan,
                         "conf_share": conf / n if n else math.nan,
                         "net_index": r[f"{prefix}net_index" if part == "body" else f"{part}_net"],
                         "warning": r["warning"]})
    return pd.DataFrame(rows)


def voice_measures(scored: Scored, include_wire: bool = True) -> pd.DataFrame:
    """Narrator vs quoted voice per outlet: how much an outlet speaks itself, and how each voice frames.

    Long format, one row per outlet and voice (``narrator``, ``quoted``).
    Columns: ``outlet``, ``voice``, ``n_articles``, ``n_sentences`` (body
    sentences in that voice), ``share_of_body``, ``n_coop``, ``n_conf``,
    ``coop_share``, ``conf_share``, ``net_index``, ``warning``. Who is quoted:
    :func:`speaker_counts`.
    """
    return _long_parts(scored, include_wire, ("narrator", "quoted"), "voice")


def headline_measures(scored: Scored, include_wire: bool = True) -> pd.DataFrame:
    """Headlines vs body per outlet: do titles frame more sharply than the text?

    Long format, one row per outlet and part (``headline``, ``body``); columns as
    in :func:`voice_measures` with ``part`` for ``voice`` (``share_of_body`` is
    headlines per body sentence for the headline row).
    """
    return _long_parts(scored, include_wire, ("headline", "body"), "part")


def speaker_counts(scored: Scored, include_wire: bool = True) -> pd.DataFrame:
    """Who each outlet lets speak: quoted body sentences per named speaker.

    Columns: ``outlet``, ``speaker`` (``(unnamed)`` for a quote without a named
    speaker), ``n_sentences``, ``n_articles``, ``n_coop``, ``n_conf``,
    ``net_index``, ``warning`` (the outlet's).
    """
    corpus = _select(scored, include_wire)
    s = corpus.sentences
    q = s[(_text(s["kind"]) == "body") & (_text(s["voice"]) == "quoted")]
    q = q.assign(speaker=_text(q["speaker"]).replace("", "(unnamed)"))
    n_arts = corpus.articles.groupby("outlet")["article_id"].count()
    rows = []
    for (outlet, speaker), g in q.groupby(["outlet", "speaker"], sort=True):
        coop, conf = float(g["coop"].sum()), float(g["conf"].sum())
        rows.append({"outlet": outlet, "speaker": speaker, "n_sentences": len(g),
                     "n_articles": g["article_id"].nunique(), "n_coop": coop, "n_conf": conf,
                     "net_index": net_index(coop, conf),
                     "warning": small_n_warning(int(n_arts.get(outlet, 0)))})
    cols = ["outlet", "speaker", "n_sentences", "n_articles", "n_coop", "n_conf", "net_index", "warning"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["outlet", "n_sentences", "speaker"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- uncertainty

# Each body sentence falls in one of 32 cells: coop (1) + conf (2) + quoted (4)
# + 8 × RUS–USA relation (0 none, 1 coop, 2 conf, 3 mixed). Any body measure is
# a function of the cell counts, so resampling sentences = resampling counts.
_N_CELLS = 32
_CELL = np.arange(_N_CELLS)
_COOP, _CONF, _QUOTED, _RUS = _CELL & 1, (_CELL >> 1) & 1, (_CELL >> 2) & 1, _CELL >> 3
#: Largest array (cells) one resampling step of this module builds (a test shrinks it).
_CHUNK = CHUNK


def _article_cells(corpus: _Corpus) -> tuple[list[str], list[str], np.ndarray]:
    """Per article: outlet and the count of its body sentences in each cell."""
    s = corpus.sentences[_text(corpus.sentences["kind"]) == "body"]
    d = corpus.dyads
    ru = d[(_text(d["actor_a"]) == _RUS_USA[0]) & (_text(d["actor_b"]) == _RUS_USA[1])] if len(d) else d
    rel = (ru.groupby(["article_id", "sentence_id"])["relation"].agg(_combine_relations)
           if len(ru) else pd.Series(dtype=object))
    rel_code = {"coop": 1, "conf": 2, "mixed": 3}
    ids = list(corpus.articles["article_id"])
    outlets = list(corpus.articles["outlet"])
    counts = np.zeros((len(ids), _N_CELLS), dtype=np.int64)
    pos = {a: i for i, a in enumerate(ids)}
    for aid, sid, coop, conf, voice in zip(s["article_id"], s["sentence_id"], s["coop"], s["conf"],
                                           _text(s["voice"]), strict=True):
        r = rel_code.get(rel.get((aid, sid), ""), 0)
        cell = int(coop) + 2 * int(conf) + 4 * (voice == "quoted") + 8 * r
        counts[pos[aid], cell] += 1
    return ids, outlets, counts


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _measures_from_cells(cells: np.ndarray) -> dict[str, np.ndarray]:
    """Body measures from cell counts (last axis = the 32 cells); same formulas as frame_measures."""
    n = cells.sum(-1)
    coop, conf = cells @ _COOP, cells @ _CONF
    q = cells * _QUOTED
    nq = q.sum(-1)
    qc, qf = q @ _COOP, q @ _CONF
    narr = cells * (1 - _QUOTED)
    nc, nf = narr @ _COOP, narr @ _CONF
    rc = cells @ np.isin(_RUS, (1, 3)).astype(int)
    rf = cells @ np.isin(_RUS, (2, 3)).astype(int)
    return {"coop_share": _ratio(coop, n), "conf_share": _ratio(conf, n),
            "net_index": _ratio(coop - conf, coop + conf), "rususa_net": _ratio(rc - rf, rc + rf),
            "narrator_net": _ratio(nc - nf, nc + nf), "quoted_net": _ratio(qc - qf, qc + qf),
            "quoted_share": _ratio(nq, n)}


def bootstrap_outlets(scored: Scored, n_boot: int = 2000, level: float = 0.95,
                      random_state: int = 0, include_wire: bool = True,
                      measures: Sequence[str] = BOOT_MEASURES) -> pd.DataFrame:
    """Cluster-bootstrap percentile intervals for each outlet's body measures.

    Articles are resampled within the outlet, then sentences within each
    resampled article, so the interval reflects both how articles differ and
    how sentences differ. With one article only the second stage varies: the
    interval then says how stable that article's figure is, not the outlet's
    (see ``warning``). Deterministic for a given ``random_state``.

    Columns: ``outlet``, ``measure``, ``estimate`` (as in
    :func:`outlet_measures`), ``low``, ``high``, ``level``, ``n_boot``,
    ``n_valid`` (replicates where the measure is defined), ``n_articles``,
    ``n_sentences`` (body sentences), ``warning``.
    """
    unknown = set(measures) - set(BOOT_MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}; expected some of {BOOT_MEASURES}")
    corpus = _select(scored, include_wire)
    ids, outlets, counts = _article_cells(corpus)
    alpha = (1 - level) / 2
    rows = []
    for outlet in sorted(set(outlets)):
        mine = counts[[o == outlet for o in outlets]]
        est = _measures_from_cells(mine.sum(0))
        rng = keyed_rng(random_state, outlet)
        reps = _measures_from_cells(cluster_resample(mine, n_boot, rng, chunk=_CHUNK))
        for m in measures:
            vals = reps[m][~np.isnan(reps[m])]
            point = float(est[m])
            low = high = math.nan
            if len(vals) and not math.isnan(point):
                low, high = (float(v) for v in np.quantile(vals, [alpha, 1 - alpha]))
            rows.append({"outlet": outlet, "measure": m, "estimate": point, "low": low, "high": high,
                         "level": level, "n_boot": n_boot, "n_valid": len(vals),
                         "n_articles": len(mine), "n_sentences": int(mine.sum()),
                         "warning": small_n_warning(len(mine))})
    return pd.DataFrame(rows, columns=["outlet", "measure", "estimate", "low", "high", "level",
                                       "n_boot", "n_valid", "n_articles", "n_sentences", "warning"])


def permutation_test(scored: Scored, outlet_a: str, outlet_b: str, measure: Measure = "net_index",
                     n_perm: int = 9999, random_state: int = 0,
                     include_wire: bool = True) -> pd.DataFrame:
    """Do two outlets differ on ``measure`` more than a random split of their articles would?

    Articles (whole, with their sentences) are permuted between the two
    outlets; the statistic is the difference of pooled measures, two-sided.
    When the number of distinct splits is at most ``n_perm`` every split is
    enumerated (exact test); otherwise ``n_perm`` random splits give
    p = (1 + #extreme) / (1 + n_perm). With one article each there are two
    splits and p = 1: two articles cannot show an outlet difference.

    One row. Columns: ``outlet_a``, ``outlet_b``, ``measure``, ``estimate_a``,
    ``estimate_b``, ``difference`` (a − b), ``p_value``, ``n_perm`` (splits
    used), ``exact``, ``n_articles_a``, ``n_articles_b``, ``n_sentences_a``,
    ``n_sentences_b``, ``warning``.
    """
    if measure not in BOOT_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; expected one of {BOOT_MEASURES}")
    corpus = _select(scored, include_wire)
    _, outlets, counts = _article_cells(corpus)
    ia = [i for i, o in enumerate(outlets) if o == outlet_a]
    ib = [i for i, o in enumerate(outlets) if o == outlet_b]
    if not ia or not ib:
        missing = [o for o, i in ((outlet_a, ia), (outlet_b, ib)) if not i]
        raise ValueError(f"no article for outlet(s) {missing}")
    pool = counts[ia + ib]
    n, na = len(pool), len(ia)
    est_a = float(_measures_from_cells(pool[:na].sum(0))[measure])
    est_b = float(_measures_from_cells(pool[na:].sum(0))[measure])
    observed = est_a - est_b
    n_splits = math.comb(n, na)
    exact = n_splits <= n_perm
    n_used = n_splits if exact else n_perm
    rng = keyed_rng(random_state, f"{outlet_a}\x00{outlet_b}")
    n_extreme = _n_extreme(pool, na, measure, observed, n_used, None if exact else rng)
    if math.isnan(observed):
        p = math.nan
    else:
        p = n_extreme / n_used if exact else (1 + n_extreme) / (1 + n_perm)
    nb = n - na
    warning = "; ".join(f"{o}: {w}" for o, w in ((outlet_a, small_n_warning(na)),
                                                  (outlet_b, small_n_warning(nb))) if w)
    return pd.DataFrame([{
        "outlet_a": outlet_a, "outlet_b": outlet_b, "measure": measure, "estimate_a": est_a,
        "estimate_b": est_b, "difference": observed, "p_value": p, "n_perm": n_used,
        "exact": exact, "n_articles_a": na, "n_articles_b": nb,
        "n_sentences_a": int(pool[:na].sum()), "n_sentences_b": int(pool[na:].sum()),
        "warning": warning}])


def _n_extreme(pool: np.ndarray, na: int, measure: str, observed: float, n_used: int,
               rng: np.random.Generator | None) -> int:
    """How many of ``n_used`` splits of ``pool`` differ on ``measure`` at least as much as observed.

    ``pool``: the cell counts of the articles, outlet a's ``na`` first. The
    splits are every way of giving ``na`` articles to a, in order (``rng``
    None: the exact test), or random ones drawn with ``rng``. They are
    evaluated a chunk at a time so memory stays bounded.
    """
    n = len(pool)
    total = pool.sum(0)
    combos = combinations(range(n), na)
    step = max(1, _CHUNK // max(n, _N_CELLS))
    n_extreme = 0
    for start in range(0, n_used, step):
        size = min(step, n_used - start)
        member = np.zeros((size, n), dtype=np.int64)
        if rng is None:
            for row, combo in enumerate(islice(combos, size)):
                member[row, list(combo)] = 1
        else:
            order = np.argsort(rng.random((size, n)), axis=1)
            np.put_along_axis(member, order[:, :na], 1, axis=1)
        cells_a = member @ pool
        diffs = (_measures_from_cells(cells_a)[measure]
                 - _measures_from_cells(total[None, :] - cells_a)[measure])
        # a split where the measure is undefined on one side is never "as extreme"
        n_extreme += int((np.abs(np.nan_to_num(diffs, nan=0.0)) >= abs(observed) - 1e-12).sum())
    return n_extreme


def permutation_tests(scored: Scored, measure: Measure = "net_index", n_perm: int = 9999,
                      random_state: int = 0, include_wire: bool = True) -> pd.DataFrame:
    """:func:`permutation_test` for every pair of outlets (sorted), same columns."""
    corpus = _select(scored, include_wire)
    names = sorted(set(corpus.articles["outlet"]))
    frames = [permutation_test(scored, a, b, measure, n_perm, random_state, include_wire)
              for a, b in combinations(names, 2)]
    if not frames:
        return pd.DataFrame(columns=_PERM_COLUMNS)
    return pd.concat(frames, ignore_index=True)


# ---------------------------------------------------------------- vocabulary

def lemma_counts(scored: Scored, include_wire: bool = True, mode: Literal["full", "fast"] = "full",
                 ) -> pd.DataFrame:
    """Content lemmas of each article's scored sentences (headlines and body).

    spaCy lemmas (``analysis.nlp.load_pipeline(mode)``; in ``fast`` mode, which
    has no lemmatiser, the lower-cased word), lower-cased; spaCy's French stop
    words, punctuation, numbers and tokens without a letter are dropped.
    Columns: ``outlet``, ``article_id``, ``lemma``, ``count``.
    """
    from spacy.lang.fr.stop_words import STOP_WORDS

    from .nlp import load_pipeline

    corpus = _select(scored, include_wire)
    nlp = load_pipeline(mode)
    disable = [p for p in ("parser", "ner") if p in nlp.pipe_names]
    texts = [_norm(t) for t in _text(corpus.sentences["text"])]
    counts: Counter[tuple[str, str, str]] = Counter()
    with nlp.select_pipes(disable=disable):
        docs = nlp.pipe(texts, batch_size=64)
        for outlet, aid, doc in zip(corpus.sentences["outlet"], corpus.sentences["article_id"], docs,
                                    strict=True):
            for tok in doc:
                if tok.is_punct or tok.is_space or tok.like_num or tok.is_digit:
                    continue
                lemma = (tok.lemma_ or tok.text).lower().strip()
                if (len(lemma) < 2 or not lemma[0].isalpha()
                        or lemma in STOP_WORDS or tok.lower_ in STOP_WORDS):
                    continue
                counts[(outlet, aid, lemma)] += 1
    rows = [(o, a, lem, n) for (o, a, lem), n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["outlet", "article_id", "lemma", "count"])


def weighted_log_odds(counts: pd.DataFrame, group: str = "outlet", term: str = "lemma",
                      alpha0: float | None = None) -> pd.DataFrame:
    """Weighted log-odds ratio of each term, each group against all the others.

    Monroe, Colaresi & Quinn (2008), informative Dirichlet prior: the prior
    count of a term is ``alpha0`` × its share of the whole corpus (default
    ``alpha0`` = corpus size, i.e. the corpus counts themselves). The log-odds
    difference δ is divided by its approximate standard deviation, so a z-score
    above ~2 marks a term the group uses more than the others beyond what
    sampling would give, and frequent and rare words are comparable.

    ``counts`` has columns ``group``, ``term`` and ``count``. Columns returned:
    ``group``, ``term``, ``count``, ``count_other``, ``log_odds`` (δ),
    ``variance``, ``z``.
    """
    table = counts.groupby([group, term], sort=True)["count"].sum().unstack(fill_value=0)
    y = table.to_numpy(dtype=float)  # groups × terms
    total_w = y.sum(0)
    n_total = total_w.sum()
    a0 = float(n_total if alpha0 is None else alpha0)
    alpha = a0 * total_w / n_total if n_total else np.zeros_like(total_w)
    n_i = y.sum(1, keepdims=True)
    y_j = total_w[None, :] - y
    n_j = n_total - n_i
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y + alpha) / (n_i + a0 - y - alpha))
                 - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        var = 1.0 / (y + alpha) + 1.0 / (y_j + alpha)
        z = delta / np.sqrt(var)
    out = pd.DataFrame({
        group: np.repeat(table.index.to_numpy(), y.shape[1]),
        term: np.tile(table.columns.to_numpy(), y.shape[0]),
        "count": y.ravel().astype(int), "count_other": y_j.ravel().astype(int),
        "log_odds": delta.ravel(), "variance": var.ravel(), "z": z.ravel(),
    })
    return out


def distinctive_terms(scored: Scored, include_wire: bool = True, top: int | None = 15,
                      min_count: int = 2, alpha0: float | None = None,
                      mode: Literal["full", "fast"] = "full") -> pd.DataFrame:
    """Each outlet's distinctive vocabulary: lemmas ranked by weighted log-odds z-score.

    See :func:`weighted_log_odds`. Only lemmas the outlet uses at least
    ``min_count`` times are ranked (a word used once says little), top ``top``
    per outlet (all when None). Columns: ``outlet``, ``rank``, ``lemma``,
    ``count``, ``count_other``, ``log_odds``, ``z``, ``n_articles``,
    ``n_tokens`` (the outlet's content lemmas), ``warning``.
    """
    lemmas = lemma_counts(scored, include_wire, mode)
    cols = ["outlet", "rank", "lemma", "count", "count_other", "log_odds", "z", "n_articles",
            "n_tokens", "warning"]
    if lemmas["outlet"].nunique() < 2:
        return pd.DataFrame(columns=cols)
    lo = weighted_log_odds(lemmas, alpha0=alpha0)
    lo = lo[lo["count"] >= min_count]
    lo = lo.sort_values(["outlet", "z", "lemma"], ascending=[True, False, True], kind="stable")
    lo["rank"] = lo.groupby("outlet").cumcount() + 1
    if top is not None:
        lo = lo[lo["rank"] <= top]
    n_arts = lemmas.groupby("outlet")["article_id"].nunique()
    n_tok = lemmas.groupby("outlet")["count"].sum()
    lo = lo.assign(n_articles=lo["outlet"].map(n_arts), n_tokens=lo["outlet"].map(n_tok))
    lo["warning"] = lo["n_articles"].map(small_n_warning)
    return lo[cols].reset_index(drop=True)


# ---------------------------------------------------------------- actors

def actor_network(scored: Scored, include_wire: bool = True) -> pd.DataFrame:
    """Edges of the actor network per outlet, from the dyads of scored sentences.

    One row per outlet and actor pair (sorted codes). A sentence counts once
    per pair; its relation combines the pair's events in it (coop + conf =
    mixed). Columns: ``outlet``, ``actor_a``, ``actor_b``, ``n_sentences``,
    ``n_coop`` (sentences with cooperation, mixed included), ``n_conf``
    (idem conflict), ``n_mixed``, ``n_articles``, ``net_index``, ``warning``.
    """
    corpus = _select(scored, include_wire)
    cols = ["outlet", "actor_a", "actor_b", "n_sentences", "n_coop", "n_conf", "n_mixed",
            "n_articles", "net_index", "warning"]
    d = corpus.dyads
    if not len(d):
        return pd.DataFrame(columns=cols)
    d = d.assign(actor_a=_text(d["actor_a"]), actor_b=_text(d["actor_b"]))
    rel = (d.groupby(["outlet", "actor_a", "actor_b", "article_id", "sentence_id"], sort=True)
           ["relation"].agg(_combine_relations).reset_index())
    n_arts = corpus.articles.groupby("outlet")["article_id"].count()
    rows = []
    for (outlet, a, b), g in rel.groupby(["outlet", "actor_a", "actor_b"], sort=True):
        coop = int(g["relation"].isin(["coop", "mixed"]).sum())
        conf = int(g["relation"].isin(["conf", "mixed"]).sum())
        rows.append({"outlet": outlet, "actor_a": a, "actor_b": b, "n_sentences": len(g),
                     "n_coop": coop, "n_conf": conf, "n_mixed": int((g["relation"] == "mixed").sum()),
                     "n_articles": g["article_id"].nunique(), "net_index": net_index(coop, conf),
                     "warning": small_n_warning(int(n_arts.get(outlet, 0)))})
    return pd.DataFrame(rows, columns=cols)


#: Dictionary codes that are not actors (generic titles, "les deux présidents") and kinds
#: that are not names (adjectives such as "russe"): left out of :func:`actor_naming`.
NOT_NAMES = {"codes": ("*", "PAIR"), "kinds": ("adjective",)}


def actor_naming(scored: Scored, include_wire: bool = True,
                 actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Naming as framing: which name each outlet uses for the same actor.

    "Daech", "EI" or "État islamique"; "Bachar al-Assad", "le régime" or "le
    gouvernement syrien": the choice of name is itself framing. Every alias of
    the actor dictionary (:func:`analysis.lexicon.load_actors`, or ``actors``
    with columns ``alias``, ``code``, ``kind``, ``label``) is matched, case
    insensitively, as a whole word in the text of scored sentences; overlapping
    aliases count once, for the longest ("Vladimir Poutine", not also
    "Poutine"). Aliases are grouped by the dictionary's ``label`` (spelling
    variants such as "daech"/"daesh" are one name). Generic titles, pairs and
    adjectives (:data:`NOT_NAMES`) and prefixes ("russo-") are not names.

    Columns: ``outlet``, ``code``, ``label`` (the name), ``n_mentions``,
    ``n_articles``, ``share`` (of the outlet's mentions of that actor),
    ``aliases`` (spellings matched, with counts), ``warning``.
    """
    if actors is None:
        from .lexicon import load_actors

        actors = load_actors()
    cols = ["outlet", "code", "label", "n_mentions", "n_articles", "share", "aliases", "warning"]
    lookup = _name_lookup(actors)
    if not lookup:
        return pd.DataFrame(columns=cols)
    corpus = _select(scored, include_wire)
    hits, spellings, arts = _count_names(corpus, lookup)
    if not hits:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame([(*k, n, len(arts[k])) for k, n in sorted(hits.items())], columns=cols[:5])
    out["share"] = out["n_mentions"] / out.groupby(["outlet", "code"])["n_mentions"].transform("sum")
    out["aliases"] = ["; ".join(f"{a} ({n})" for a, n in sorted(spellings[k].items(),
                                                                 key=lambda t: (-t[1], t[0])))
                      for k in zip(out["outlet"], out["code"], out["label"], strict=True)]
    n_arts = corpus.articles.groupby("outlet")["article_id"].count()
    out["warning"] = out["outlet"].map(lambda o: small_n_warning(int(n_arts.get(o, 0))))
    return out.sort_values(["outlet", "code", "n_mentions", "label"],
                           ascending=[True, True, False, True], kind="stable").reset_index(drop=True)


def _name_lookup(actors: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Normalised lower-case alias → (code, name) for the aliases that are names.

    Left out: empty aliases or codes, prefixes ("russo-") and :data:`NOT_NAMES`;
    the first row of an alias wins; an alias without a label is its own name.
    """
    table = pd.DataFrame({
        "alias": _text(actors["alias"]).map(_norm).str.lower(), "code": _text(actors["code"]),
        "kind": _text(actors["kind"]) if "kind" in actors else "",
        "label": _text(actors["label"]) if "label" in actors else _text(actors["alias"]),
    })
    table = table[(table["alias"] != "") & (table["code"] != "") & ~table["alias"].str.endswith("-")
                  & ~table["code"].isin(NOT_NAMES["codes"]) & ~table["kind"].isin(NOT_NAMES["kinds"])]
    lookup: dict[str, tuple[str, str]] = {}
    for alias, code, label in zip(table["alias"], table["code"], table["label"], strict=True):
        lookup.setdefault(alias, (code, label or alias))
    return lookup


_NameKey = tuple[str, str, str]  # outlet, code, name


def _count_names(corpus: _Corpus, lookup: dict[str, tuple[str, str]],
                 ) -> tuple[Counter[_NameKey], dict[_NameKey, Counter[str]], dict[_NameKey, set[str]]]:
    """Mentions of each name per outlet in the corpus' sentences: count, spellings, articles.

    Longer aliases are tried first, so overlapping aliases count once, for the
    longest; matching is case-insensitive, on whole words of the normalised text.
    """
    names = sorted(lookup, key=lambda a: (-len(a), a))
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in names) + r")(?!\w)", re.I)
    hits: Counter[_NameKey] = Counter()
    spellings: dict[_NameKey, Counter[str]] = defaultdict(Counter)
    arts: dict[_NameKey, set[str]] = defaultdict(set)
    for outlet, aid, text in zip(corpus.sentences["outlet"], corpus.sentences["article_id"],
                                 _text(corpus.sentences["text"]), strict=True):
        for m in pattern.finditer(_norm(text)):
            alias = m.group(1).lower()
            code, label = lookup[alias]
            key = (outlet, code, label)
            hits[key] += 1
            spellings[key][alias] += 1
            arts[key].add(aid)
    return hits, spellings, arts


def outlet_order(scored: Scored, include_wire: bool = True) -> list[str]:
    """Outlets sorted by name, :data:`UNKNOWN_OUTLET` last (the order every figure uses)."""
    return sort_outlets(_select(scored, include_wire).articles["outlet"])


def sort_outlets(names: Iterable[str]) -> list[str]:
    """Distinct outlet names, case-insensitively sorted, :data:`UNKNOWN_OUTLET` last."""
    return sorted(set(names), key=lambda n: (n == UNKNOWN_OUTLET, n.casefold(), n))
