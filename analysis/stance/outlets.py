"""Portrayal per outlet: the outlet × actor table with bootstrap intervals, and its heat map."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ..stats import keyed_rng, percentile_interval, two_stage_means
from .portrayal import portray_by_voice
from .text import as_text

if TYPE_CHECKING:  # heavy imports only when needed
    from matplotlib.figure import Figure

Voice = Literal["narrator", "quoted", "all"]

#: Name of an article's missing outlet (as ``analysis.compare.UNKNOWN_OUTLET``).
UNKNOWN_OUTLET = "inconnu"
TABLE_COLUMNS = [
    "outlet", "actor", "voice", "n_articles", "mentions", "n_evaluations", "score", "score_low",
    "score_high", "n_favourable", "n_neutral", "n_unfavourable",
]


def outlet_names(articles_df: pd.DataFrame) -> pd.Series:
    """Outlet per article_id; articles without one are :data:`UNKNOWN_OUTLET`."""
    out = articles_df.set_index(articles_df["article_id"].astype(str))["outlet"]
    return out.map(lambda x: as_text(x).strip() or UNKNOWN_OUTLET)


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
            vals = [float(x) for c in col for x in as_text(r[c]).split(";") if x]
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


#: Actors (most mentioned) and outlets (most articles) given a column / row in the heat map.
HEATMAP_ACTORS = 12
HEATMAP_OUTLETS = 20
#: Below this many articles a cell is an anecdote (as ``analysis.compare.MIN_ARTICLES``).
MIN_ARTICLES = 5
#: The unknown outlet as the (English) heat map prints it.
UNKNOWN_LABEL = "unknown"


def portrayal_heatmap(table: pd.DataFrame, min_mentions: int = 1, title: str | None = None,
                      n_articles: int | None = None) -> tuple[Figure, pd.DataFrame]:
    """Heat map of :func:`portrayal_table`: outlets × actors, colour = mean portrayal score.

    Diverging ColorBrewer PuOr (colour-blind safe), fixed at [−1, 1] so that
    white is neutral; each cell prints the score, its interval and
    n (articles / mentions / evaluations); cells with mentions but no
    evaluative word are grey and say so; an actor the outlet does not mention
    is a blank cell. The :data:`HEATMAP_ACTORS` most mentioned actors and the
    :data:`HEATMAP_OUTLETS` outlets with the most articles are drawn (the
    title says how many more there are), so the figure stays under 16 inches
    a side; ``n_articles`` (the corpus's) goes into the title. Returns the
    figure and the numbers plotted, one row per cell.
    """
    import matplotlib
    import matplotlib.pyplot as plt

    t = table[table["mentions"] >= min_mentions].copy()
    tot = t.groupby("actor")["mentions"].sum()
    ranked = sorted(tot.index, key=lambda a: (-tot[a], a))
    actors, n_more_actors = ranked[:HEATMAP_ACTORS], max(0, len(ranked) - HEATMAP_ACTORS)
    outlets, n_more_outlets = _heatmap_outlets(t)
    data = t.set_index(["outlet", "actor"]).reindex(
        pd.MultiIndex.from_product([outlets, actors], names=["outlet", "actor"])).reset_index()
    grid = data.pivot(index="outlet", columns="actor", values="score").reindex(index=outlets,
                                                                              columns=actors)
    compact = len(outlets) > 8
    fig, ax = plt.subplots(figsize=(min(1.0 * len(actors) + 2.8, 16.0),
                                    min(max((0.5 if compact else 0.95) * len(outlets) + 2.0, 3.4), 16.0)),
                           layout="constrained")
    cmap = matplotlib.colormaps["PuOr"].with_extremes(bad="white")  # not mentioned: blank
    im = ax.imshow(np.ma.masked_invalid(grid.to_numpy(dtype=float)), cmap=cmap, vmin=-1, vmax=1,
                   aspect="auto")
    for (i, o), (j, a) in ((x, y) for x in enumerate(outlets) for y in enumerate(actors)):
        _cell(ax, i, j, data[(data["outlet"] == o) & (data["actor"] == a)].iloc[0], compact)
    ax.set_xticks(range(len(actors)), actors)
    ax.set_yticks(range(len(outlets)), [_outlet_label(o) for o in outlets])
    ax.set_xlabel("actor" + (f" (and {n_more_actors} more, less mentioned)" if n_more_actors else ""))
    ax.set_ylabel("outlet" + (f" (and {n_more_outlets} more, fewer articles)" if n_more_outlets else ""))
    ax.set_title(title or _heatmap_title(table, data, n_articles), fontsize=9)
    cb = fig.colorbar(im, ax=ax, shrink=0.8)
    cb.set_label("mean portrayal score\n(−1 unfavourable … +1 favourable)")
    return fig, data


def _outlet_label(outlet: str, width: int = 32) -> str:
    """The outlet as the heat map prints it: ``unknown`` in English, long names shortened."""
    name = UNKNOWN_LABEL if outlet == UNKNOWN_OUTLET else outlet
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def _heatmap_outlets(t: pd.DataFrame) -> tuple[list[str], int]:
    """The outlets drawn (most articles mentioning an actor first chosen, then sorted by name) and how
    many are left out."""
    size = t.groupby("outlet")["n_articles"].max()
    ranked = sorted(size.index, key=lambda o: (-int(size[o]), o == UNKNOWN_OUTLET, o.casefold(), o))
    chosen = set(ranked[:HEATMAP_OUTLETS])
    outlets = sorted(chosen, key=lambda o: (o == UNKNOWN_OUTLET, o.casefold(), o))
    return outlets, len(ranked) - len(outlets)


def _heatmap_title(table: pd.DataFrame, data: pd.DataFrame, n_articles: int | None) -> str:
    """Title from the actual n: the voice, what n counts, and the anecdote caveat only when a cell
    rests on fewer than :data:`MIN_ARTICLES` articles."""
    voice = table["voice"].iloc[0] if len(table) else ""
    cells = data.dropna(subset=["mentions"])
    few = int((cells["n_articles"] < MIN_ARTICLES).sum())
    corpus = "" if n_articles is None else f"n = {n_articles} article{'' if n_articles == 1 else 's'}; "
    text = (f"Portrayal of actors by outlet ({voice} voice)\n"
            f"{corpus}in a cell, n = articles / mentions / evaluative words; {len(cells)} cells")
    if few == len(cells) and len(cells):
        text += f", each on fewer than {MIN_ARTICLES} articles: anecdotes, not estimates"
    elif few:
        text += f", {few} of them on fewer than {MIN_ARTICLES} articles (anecdotes)"
    return text


def _cell(ax: Any, i: int, j: int, r: pd.Series, compact: bool = False) -> None:
    """One cell's text: score, interval and n; grey with "no eval." for an actor never evaluated.

    ``compact`` (many outlets, short rows): score and n only."""
    import matplotlib.patches

    if pd.isna(r["mentions"]):
        txt = ""
    elif pd.isna(r["score"]):
        ax.add_patch(matplotlib.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, color="#d9d9d9", lw=0))
        txt = f"no eval.\nn={int(r['n_articles'])}/{int(r['mentions'])}/0"
    else:
        interval = "" if compact else f"\n[{r['score_low']:+.2f}, {r['score_high']:+.2f}]"
        txt = (f"{r['score']:+.2f}{interval}\n"
               f"n={int(r['n_articles'])}/{int(r['mentions'])}/{int(r['n_evaluations'])}")
    dark = not pd.isna(r["score"]) and abs(r["score"]) > 0.6
    ax.text(j, i, txt, ha="center", va="center", fontsize=6 if compact else 7,
            color="white" if dark else "black")
