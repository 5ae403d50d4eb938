"""Figures of single articles: the cooperation × conflict plane, sentence strips, the timeline."""

from __future__ import annotations

import math

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import compare
from ..tables import Scored
from .styling import (
    FRAME_COLORS,
    FRAME_LABELS,
    FigureData,
    _anecdote_note,
    _figure,
    _outlet_styles,
    _plural,
    _short,
    style,
)

# ---------------------------------------------------------------- 1. plane

def plane(scored: Scored, include_wire: bool = True) -> FigureData:
    """Each article on the cooperation-share × conflict-share plane, marked by outlet.

    Data: one row per article (``article_id``, ``outlet``, ``is_wire``,
    ``n_body``, ``n_coop``, ``n_conf``, ``coop_share``, ``conf_share`` in %).
    """
    arts = compare.article_measures(scored, include_wire)
    data = arts[["article_id", "outlet", "is_wire", "n_body", "n_coop", "n_conf"]].copy()
    data["coop_share"] = arts["coop_share"] * 100
    data["conf_share"] = arts["conf_share"] * 100
    per_outlet = data.groupby("outlet")["article_id"].count()
    note = (f"n = {_plural(len(data), 'article')} from {_plural(len(per_outlet), 'outlet')}, "
            f"{int(data['n_body'].sum())} body sentences. Filled: the outlet's own copy; hollow: agency "
            f"copy. A sentence can be both cooperative and conflictual.\n"
            + _anecdote_note(per_outlet))
    with style():
        fig, body = _figure(7.0, 5.0, note)
        ax = body.add_subplot()
        top = max(50.0, float(np.nanmax(data[["coop_share", "conf_share"]].to_numpy(), initial=0)) + 10)
        top = min(100.0, math.ceil(top / 10) * 10)
        ax.plot([0, top], [0, top], ls="--", lw=0.8, color="#888888", zorder=1)
        ax.text(top * 0.97, top * 0.93, "equal shares", ha="right", va="top", fontsize=7,
                color="#666666", rotation=0)
        styles = _outlet_styles(list(data["outlet"]))
        for outlet, (color, marker) in styles.items():
            rows = data[data["outlet"] == outlet]
            for wire, part in rows.groupby("is_wire"):
                ax.scatter(part["coop_share"], part["conf_share"], s=60, marker=marker,
                           facecolors="none" if wire else color, edgecolors=color, linewidths=1.5,
                           zorder=3)
            for r in rows.itertuples(index=False):
                ax.annotate(_short(r.article_id), (r.coop_share, r.conf_share), xytext=(6, 4),
                            textcoords="offset points", fontsize=7, color="#333333")
        handles = [Line2D([], [], ls="", marker=m, color=c, label=o) for o, (c, m) in styles.items()]
        ax.legend(handles=handles, title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        ax.set_aspect("equal")
        ax.set_xlabel("cooperative sentences (% of the article's body sentences)")
        ax.set_ylabel("conflictual sentences (% of body sentences)")
        ax.set_title("How much of each article frames cooperation, how much conflict")
    return fig, data.reset_index(drop=True)


# ---------------------------------------------------------------- 3. strips

def strips(scored: Scored) -> FigureData:
    """Each article as a strip of its scored sentences, coloured by frame, in reading order.

    Data: one row per scored sentence (``article_id``, ``outlet``, ``position``
    from 1, ``sentence_id``, ``kind``, ``voice``, ``frame``).
    """
    arts = compare.article_measures(scored)
    order = sorted(arts.itertuples(index=False),
                   key=lambda r: (compare.sort_outlets(arts["outlet"]).index(r.outlet), r.article_id))
    s = scored.sentences
    s = s[s["coop"].notna() & (compare._text(s["kind"]) != "boilerplate")]
    s = s.assign(article_id=s["article_id"].astype(str))
    rows = []
    for art in order:
        mine = s[s["article_id"] == art.article_id].sort_values("sentence_id")
        for pos, r in enumerate(mine.itertuples(index=False), start=1):
            frame = str(r.frame) if isinstance(r.frame, str) and r.frame else "neutral"
            rows.append({"article_id": art.article_id, "outlet": art.outlet, "position": pos,
                         "sentence_id": int(r.sentence_id), "kind": str(r.kind),
                         "voice": str(r.voice) if isinstance(r.voice, str) else "", "frame": frame})
    data = pd.DataFrame(rows, columns=["article_id", "outlet", "position", "sentence_id", "kind",
                                       "voice", "frame"])
    per_outlet = arts.groupby("outlet")["article_id"].count()
    note = (f"n = {_plural(len(order), 'article')}, {len(data)} scored sentences (headlines and body; "
            f"boilerplate left out). Outlined: headline; hatched: quoted voice (officials speaking), "
            f"plain: the outlet's narrator.\n" + _anecdote_note(per_outlet))
    with style():
        longest = int(data.groupby("article_id")["position"].max().max()) if len(data) else 1
        fig, body = _figure(8.0, 1.5 + 0.5 * max(len(order), 1), note)
        ax = body.add_subplot()
        labels = []
        for i, art in enumerate(order):
            y = len(order) - 1 - i
            mine = data[data["article_id"] == art.article_id]
            for r in mine.itertuples(index=False):
                ax.barh(y, 1, left=r.position - 0.5, height=0.7, color=FRAME_COLORS[r.frame],
                        edgecolor="black" if r.kind == "headline" else "white",
                        linewidth=1.2 if r.kind == "headline" else 0.4,
                        hatch="////" if r.voice == "quoted" else None)
            labels.append((y, f"{_short(art.article_id)} · {art.outlet}\n{len(mine)} sentences"))
        ax.set_yticks([y for y, _ in labels], [t for _, t in labels])
        ax.set_xlim(0.4, longest + 0.6)
        ax.set_ylim(-0.6, len(order) - 0.4)
        ax.set_xlabel("sentence in reading order (1 = first scored sentence)")
        ax.grid(False)
        ax.set_title("Each article, sentence by sentence")
        handles = [Patch(facecolor=c, edgecolor="#999999", label=FRAME_LABELS[f])
                   for f, c in FRAME_COLORS.items()]
        handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="////", label="quoted"))
        body.legend(handles=handles, loc="outside lower center", ncols=5)
    return fig, data


# ---------------------------------------------------------------- 8. timeline

def timeline(scored: Scored, include_wire: bool = True) -> FigureData:
    """Articles by best-known date (publication, else the first date in the text; never a page clock).

    Data: ``article_id``, ``outlet``, ``best_date``, ``date_source``,
    ``date_precision``, ``net_index``.
    """
    arts = compare.article_measures(scored, include_wire)
    dates = compare.best_dates(scored).set_index("article_id")
    data = arts[["article_id", "outlet", "best_date", "date_source"]].copy()
    data["date_precision"] = data["article_id"].map(dates["date_precision"])
    data["net_index"] = arts["net_index"]
    dated = data[data["best_date"] != ""].assign(date=data["article_id"].map(dates["date"]))
    undated = data[data["best_date"] == ""]
    outlets = compare.sort_outlets(data["outlet"])
    per_outlet = data.groupby("outlet")["article_id"].count()
    clocks = compare._ok_articles(scored.articles)
    clocks = clocks.assign(stamp=compare._text(clocks["page_timestamp"]) if "page_timestamp" in clocks
                           else "")
    clocks = clocks[clocks["stamp"] != ""]
    note = (f"n = {_plural(len(data), 'article')}; filled: publication date, hollow: first date "
            f"mentioned in the text. Label: article and its net index. Page clocks and archive stamps "
            f"are never used as dates")
    note += (" (here: " + ", ".join(f"{_short(a)}: {t[:10]}" for a, t in
                                   zip(clocks["article_id"], clocks["stamp"], strict=True)) + ")."
             if len(clocks) else ".")
    if len(undated):
        note += " No date: " + ", ".join(_short(a) for a in undated["article_id"]) + "."
    note += "\n" + _anecdote_note(per_outlet)
    styles = _outlet_styles(outlets)
    with style():
        fig, body = _figure(7.5, 1.5 + 0.45 * max(len(outlets), 1), note)
        ax = body.add_subplot()
        ypos = {o: i for i, o in enumerate(reversed(outlets))}
        for r in dated.itertuples(index=False):
            color, marker = styles[r.outlet]
            face = color if r.date_source == "published" else "none"
            ax.scatter([r.date], [ypos[r.outlet]], marker=marker, s=55, facecolors=face,
                       edgecolors=color, linewidths=1.5, zorder=3)
            net = "n/a" if pd.isna(r.net_index) else f"{r.net_index:+.2f}"
            ax.annotate(f"{_short(r.article_id)} ({net})", (mdates.date2num(r.date), ypos[r.outlet]),
                        xytext=(0, 8), textcoords="offset points", ha="center", fontsize=7)
        ax.set_yticks(list(ypos.values()), list(ypos.keys()))
        ax.set_ylim(-0.6, len(outlets) - 0.2)
        if len(dated):
            lo, hi = dated["date"].min(), dated["date"].max()
            pad = max(pd.Timedelta(days=60), (hi - lo) * 0.08)
            ax.set_xlim(lo - pad, hi + pad)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        ax.set_xlabel("best-known date (year-month)")
        ax.set_title("When the articles appeared")
        ax.grid(axis="y", visible=False)
    return fig, data
