"""Framing measures per article and per outlet: pooled shares, net index, voices, headlines, speakers."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import pandas as pd

from ..tables import Scored, frame_measures, net_index
from .coalitions import Coalitions
from .common import _text, small_n_warning
from .dates import best_dates
from .selection import _select

# ---------------------------------------------------------------- measures

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


def _records_by_article(table: pd.DataFrame) -> dict[object, list[dict]]:
    """The table's rows as dicts, grouped by ``article_id`` in their order (one pass over the table)."""
    grouped: dict[object, list[dict]] = defaultdict(list)
    for row in table.to_dict("records"):
        grouped[row["article_id"]].append(row)
    return grouped


def _speakers_by_article(sents: pd.DataFrame) -> dict[object, Counter[str]]:
    """:func:`_speakers` of every article at once."""
    body = sents[(_text(sents["kind"]) == "body") & (_text(sents["voice"]) == "quoted")]
    names = _text(body["speaker"]).replace("", "(unnamed)")
    out: dict[object, Counter[str]] = defaultdict(Counter)
    for aid, name in zip(body["article_id"], names, strict=True):
        out[aid][name] += 1
    return out


def _speaker_summary(counts: Counter[str], top: int = 3) -> str:
    named = sorted(((n, s) for s, n in counts.items() if s != "(unnamed)"), key=lambda t: (-t[0], t[1]))
    return "; ".join(f"{s} ({n})" for n, s in named[:top])


def article_measures(scored: Scored, include_wire: bool = True,
                     coalitions: Coalitions = "named") -> pd.DataFrame:
    """One row per article: its framing measures, outlet, wire mark and best date.

    Columns: ``article_id``, ``outlet``, ``title``, ``is_wire``, ``wire_reason``,
    ``best_date``, ``date_source``, ``n_articles`` (1), every key of
    :func:`analysis.tables.frame_measures` (``n_sentences``, ``n_body``,
    ``n_coop``, ``n_conf``, ``coop_share``, ``conf_share``, ``net_index``,
    ``goldstein_mean``, ``rususa_*``, ``headline_*``, ``narrator_*``,
    ``quoted_*``), ``quoted_share`` (quoted body sentences / body sentences),
    ``n_speakers`` (distinct named speakers) and ``speakers`` (the most quoted).
    ``coalitions="via"``: the ``rususa_*`` measures also count a coalition's
    dyads for its members (codebook D17); the default ``"named"`` does not.
    """
    corpus = _select(scored, include_wire, coalitions)
    dates = best_dates(scored).set_index("article_id")
    # rows grouped once (dicts, as frame_measures takes them): linear in the corpus, not quadratic
    by_sent = _records_by_article(corpus.sentences)
    by_dyad = _records_by_article(corpus.dyads)
    speakers = _speakers_by_article(corpus.sentences)
    arts = corpus.articles
    titles = _text(arts["title"]) if "title" in arts else pd.Series("", index=arts.index)
    rows = []
    for art, title in zip(arts.itertuples(index=False), titles, strict=True):
        m = frame_measures(by_sent.get(art.article_id, []), by_dyad.get(art.article_id, []))
        spk = speakers.get(art.article_id, Counter())
        rows.append({
            "article_id": art.article_id, "outlet": art.outlet, "title": title,
            "is_wire": art.is_wire, "wire_reason": art.wire_reason,
            "best_date": dates.at[art.article_id, "best_date"],
            "date_source": dates.at[art.article_id, "date_source"], "n_articles": 1, **m,
            "quoted_share": m["quoted_n"] / m["n_body"] if m["n_body"] else math.nan,
            "n_speakers": sum(1 for k in spk if k != "(unnamed)"), "speakers": _speaker_summary(spk),
        })
    return pd.DataFrame(rows)


def outlet_measures(scored: Scored, include_wire: bool = True,
                    coalitions: Coalitions = "named") -> pd.DataFrame:
    """One row per outlet: pooled framing measures of its articles, with the n behind them.

    Columns: ``outlet``, ``n_articles``, ``n_wire`` (of them agency copy),
    every key of :func:`analysis.tables.frame_measures` computed on the
    outlet's sentences pooled (``n_sentences``, ``n_body``, ``coop_share``,
    ``conf_share``, ``net_index``, ``rususa_*``, ``headline_*`` for headlines vs
    the body figures, ``narrator_*``, ``quoted_*``), ``quoted_share``,
    ``n_speakers``, ``speakers`` (most quoted, with counts) and ``warning``.
    ``coalitions``: as in :func:`article_measures` (the ``rususa_*`` measures).
    """
    corpus = _select(scored, include_wire, coalitions)
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
