"""Figures of single articles: the cooperation × conflict plane, sentence strips, the timeline."""

from __future__ import annotations

import math

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import compare
from ..tables import Scored
from .styling import (
    FRAME_COLORS,
    FRAME_LABELS,
    FigureData,
    _anecdote_note,
    _drop_overlapping,
    _figure,
    _label,
    _labelled,
    _more,
    _outlet_styles,
    _plural,
    _short,
    _top,
    style,
)

# ---------------------------------------------------------------- 1. plane

#: Up to this many articles a figure marks and labels each one; above, it draws densities and aggregates.
ARTICLE_LABELS_UP_TO = 40
#: Outlets drawn in their own colour (the others in grey, counted in the footnote).
TOP_OUTLETS = 8


def plane(scored: Scored, include_wire: bool = True) -> FigureData:
    """Each article on the cooperation-share × conflict-share plane, marked by outlet.

    Up to :data:`ARTICLE_LABELS_UP_TO` articles: one labelled mark per article
    (labels that would overlap are left out). Above: a hexbin of the articles'
    density and each outlet's pooled shares with 95 % cluster-bootstrap
    intervals (the :data:`TOP_OUTLETS` largest outlets in colour).
    Data: one row per article (``article_id``, ``outlet``, ``is_wire``,
    ``n_body``, ``n_coop``, ``n_conf``, ``coop_share``, ``conf_share`` in %);
    above the threshold, also one row per outlet (``article_id`` empty,
    ``row`` = ``outlet``, with ``low``/``high`` of each share).
    """
    arts = compare.article_measures(scored, include_wire)
    data = arts[["article_id", "outlet", "is_wire", "n_body", "n_coop", "n_conf"]].copy()
    data["coop_share"] = arts["coop_share"] * 100
    data["conf_share"] = arts["conf_share"] * 100
    per_outlet = data.groupby("outlet")["article_id"].count()
    many = len(data) > ARTICLE_LABELS_UP_TO
    shown, rest = _top(per_outlet, TOP_OUTLETS)
    note = (f"n = {_plural(len(data), 'article')} from {_plural(len(per_outlet), 'outlet')}, "
            f"{int(data['n_body'].sum())} body sentences. "
            + ("Grey hexagons: how many articles fall there; marks: each outlet's pooled shares with "
               "95% cluster-bootstrap intervals." + _more(rest, "outlet", "in grey") if many else
               "Filled: the outlet's own copy; hollow: agency copy.")
            + " A sentence can be both cooperative and conflictual.")
    with style():
        fig, body = _figure(7.0, 5.0, note + "\n" + _anecdote_note(per_outlet))
        ax = body.add_subplot()
        top = max(50.0, float(np.nanmax(data[["coop_share", "conf_share"]].to_numpy(), initial=0)) + 10)
        top = min(100.0, math.ceil(top / 10) * 10)
        ax.plot([0, top], [0, top], ls="--", lw=0.8, color="#888888", zorder=1)
        ax.text(top * 0.97, top * 0.93, "equal shares", ha="right", va="top", fontsize=7,
                color="#666666", rotation=0)
        styles = _outlet_styles(shown)
        if many:
            data = _plane_density(ax, body, data, scored, include_wire, styles, top)
        else:
            _plane_articles(fig, ax, data, styles)
        handles = [Line2D([], [], ls="", marker=m, color=c, label=_label(o, 32))
                   for o, (c, m) in styles.items()]
        if rest:
            handles.append(Line2D([], [], ls="", marker="o", color="#999999",
                                  label=f"{len(rest)} more outlets"))
        ax.legend(handles=handles, title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        ax.set_aspect("equal")
        ax.set_xlabel("cooperative sentences (% of the article's body sentences)")
        ax.set_ylabel("conflictual sentences (% of body sentences)")
        if many:  # the colour bar narrows the axes: the title spans the figure instead
            body.suptitle("How much of each article frames cooperation, how much conflict",
                          x=0.02, ha="left", fontsize=10, fontweight="bold")
        else:
            ax.set_title("How much of each article frames cooperation, how much conflict")
            _drop_overlapping(fig, [t for t in ax.texts if t.get_gid() == "article-label"])
    return fig, _labelled(data.reset_index(drop=True))


def _plane_articles(fig: Figure, ax: Axes, data: pd.DataFrame, styles: dict[str, tuple[str, str]],
                    ) -> None:
    """One mark per article (filled: own copy, hollow: agency copy), labelled with its short id."""
    for outlet, (color, marker) in styles.items():
        rows = data[data["outlet"] == outlet]
        for wire, part in rows.groupby("is_wire"):
            ax.scatter(part["coop_share"], part["conf_share"], s=60, marker=marker,
                       facecolors="none" if wire else color, edgecolors=color, linewidths=1.5,
                       zorder=3)
        for r in rows.itertuples(index=False):
            ax.annotate(_short(r.article_id), (r.coop_share, r.conf_share), xytext=(6, 4),
                        textcoords="offset points", fontsize=7, color="#333333", gid="article-label")


def _plane_density(ax: Axes, body: SubFigure, data: pd.DataFrame, scored: Scored, include_wire: bool,
                   styles: dict[str, tuple[str, str]], top: float) -> pd.DataFrame:
    """Hexbin of the articles and each outlet's pooled shares with intervals; returns the data plotted."""
    pts = data.dropna(subset=["coop_share", "conf_share"])
    hb = ax.hexbin(pts["coop_share"], pts["conf_share"], gridsize=25, extent=(0, top, 0, top),
                   mincnt=1, cmap="Greys", linewidths=0.2, zorder=2)
    body.colorbar(hb, ax=ax, shrink=0.6, location="bottom", label="articles per hexagon")
    boot = compare.bootstrap_outlets(scored, n_boot=1000, include_wire=include_wire,
                                     measures=["coop_share", "conf_share"])
    wide = boot.pivot(index="outlet", columns="measure", values=["estimate", "low", "high"]) * 100
    rows = []
    for outlet in compare.sort_outlets(wide.index):
        r = wide.loc[outlet]
        x, y = r[("estimate", "coop_share")], r[("estimate", "conf_share")]
        color, marker = styles.get(outlet, ("#999999", "o"))
        ax.errorbar(x, y, xerr=[[x - r[("low", "coop_share")]], [r[("high", "coop_share")] - x]],
                    yerr=[[y - r[("low", "conf_share")]], [r[("high", "conf_share")] - y]],
                    fmt=marker, color=color, mec="white", ms=7, capsize=2, lw=1.2,
                    zorder=4 if outlet in styles else 3)
        rows.append({"article_id": "", "outlet": outlet, "row": "outlet", "coop_share": x,
                     "conf_share": y, "coop_low": r[("low", "coop_share")],
                     "coop_high": r[("high", "coop_share")], "conf_low": r[("low", "conf_share")],
                     "conf_high": r[("high", "conf_share")]})
    return pd.concat([data.assign(row="article"), pd.DataFrame(rows)], ignore_index=True)


# ---------------------------------------------------------------- 3. strips

#: Up to this many articles ``strips`` draws one strip per article; above, one per outlet.
STRIPS_UP_TO = 30
#: Outlets with their own strip in the aggregated form (the others pooled in one strip).
STRIP_OUTLETS = 15
#: Parts of an article in the aggregated form (tenths of its scored sentences).
POSITION_BINS = 10


def strips(scored: Scored) -> FigureData:
    """Each article as a strip of its scored sentences, coloured by frame, in reading order.

    Up to :data:`STRIPS_UP_TO` articles, one strip per article. Above, one
    strip per outlet (the :data:`STRIP_OUTLETS` largest; the others pooled as
    "N more outlets"), cut into tenths of the article: each tenth shows the
    share of each frame among the sentences there, so the figure keeps its
    size from 31 to 50,000 articles. Data: one row per scored sentence
    (``article_id``, ``outlet``, ``position`` from 1, ``sentence_id``,
    ``kind``, ``voice``, ``frame``); aggregated: ``outlet``, ``part`` (1–10),
    ``frame``, ``n_sentences``, ``share``.
    """
    arts = compare.article_measures(scored)
    data = _strip_rows(scored, arts)
    if len(arts) > STRIPS_UP_TO:
        return _outlet_strips(data, arts)
    order = sorted(arts.itertuples(index=False),
                   key=lambda r: (compare.sort_outlets(arts["outlet"]).index(r.outlet), r.article_id))
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
            labels.append((y, f"{_short(art.article_id)} · {_label(art.outlet, 32)}\n{len(mine)} sentences"))
        ax.set_yticks([y for y, _ in labels], [t for _, t in labels])
        ax.set_xlim(0.4, min(longest, 400) + 0.6)
        ax.set_ylim(-0.6, len(order) - 0.4)
        ax.set_xlabel("sentence in reading order (1 = first scored sentence)")
        ax.grid(False)
        ax.set_title("Each article, sentence by sentence")
        _frame_legend(body, quoted=True)
    return fig, _labelled(data)


def _strip_rows(scored: Scored, arts: pd.DataFrame) -> pd.DataFrame:
    """One row per scored sentence of the articles in ``arts``, numbered in reading order."""
    s = scored.sentences
    s = s[s["coop"].notna() & (compare._text(s["kind"]) != "boilerplate")]
    s = s.assign(article_id=s["article_id"].astype(str))
    s = s[s["article_id"].isin(set(arts["article_id"]))].sort_values(["article_id", "sentence_id"])
    outlet = arts.set_index("article_id")["outlet"]
    frame = s["frame"].where(s["frame"].map(lambda f: isinstance(f, str) and bool(f)), "neutral")
    data = pd.DataFrame({
        "article_id": s["article_id"].to_numpy(), "outlet": s["article_id"].map(outlet).to_numpy(),
        "position": (s.groupby("article_id").cumcount() + 1).to_numpy(),
        "sentence_id": s["sentence_id"].astype(int).to_numpy(), "kind": s["kind"].astype(str).to_numpy(),
        "voice": s["voice"].map(lambda v: v if isinstance(v, str) else "").to_numpy(),
        "frame": frame.astype(str).to_numpy()})
    rank = {o: i for i, o in enumerate(compare.sort_outlets(arts["outlet"]))}
    key = data["outlet"].map(rank)
    return data.assign(_k=key).sort_values(["_k", "article_id", "position"]).drop(columns="_k"
                                                                                ).reset_index(drop=True)


def _frame_legend(body: SubFigure, quoted: bool) -> None:
    handles = [Patch(facecolor=c, edgecolor="#999999", label=FRAME_LABELS[f])
               for f, c in FRAME_COLORS.items()]
    if quoted:
        handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="////", label="quoted"))
    body.legend(handles=handles, loc="outside lower center", ncols=5)


def _outlet_strips(data: pd.DataFrame, arts: pd.DataFrame) -> FigureData:
    """The aggregated form of :func:`strips`: per outlet, the frames' shares in each tenth of the articles."""
    per_outlet = arts.groupby("outlet")["article_id"].count()
    shown, rest = _top(per_outlet, STRIP_OUTLETS)
    length = data.groupby("article_id")["position"].transform("max")
    part = np.minimum((((data["position"] - 0.5) / length) * POSITION_BINS).astype(int) + 1, POSITION_BINS)
    group = data["outlet"].map(lambda o: _label(o, 32) if o in shown else f"{len(rest)} more outlets")
    counts = (pd.DataFrame({"outlet": group, "part": part, "frame": data["frame"]})
              .groupby(["outlet", "part", "frame"]).size().rename("n_sentences").reset_index())
    total = counts.groupby(["outlet", "part"])["n_sentences"].transform("sum")
    counts["share"] = counts["n_sentences"] / total
    rows = [_label(o, 32) for o in shown] + ([f"{len(rest)} more outlets"] if rest else [])
    n_art = {_label(o, 32): int(per_outlet[o]) for o in shown}
    if rest:
        n_art[f"{len(rest)} more outlets"] = int(per_outlet[rest].sum())
    note = (f"n = {_plural(len(arts), 'article')} from {_plural(len(per_outlet), 'outlet')}, {len(data)} "
            f"scored sentences (headlines and body; boilerplate left out). Each article is cut into "
            f"{POSITION_BINS} equal parts of its sentences; a column shows the share of each frame in "
            f"that part, over all the outlet's articles." + _more(rest, "outlet", "pooled in the last strip")
            + "\n" + _anecdote_note(per_outlet))
    with style():
        fig, body = _figure(8.0, 1.9 + 0.45 * len(rows), note)
        ax = body.add_subplot()
        for i, name in enumerate(rows):
            y = len(rows) - 1 - i
            mine = counts[counts["outlet"] == name].set_index(["part", "frame"])["share"]
            for p in range(1, POSITION_BINS + 1):
                bottom = y - 0.35
                for frame in FRAME_COLORS:
                    h = float(mine.get((p, frame), 0.0)) * 0.7
                    if h:
                        ax.bar(p, h, bottom=bottom, width=0.96, color=FRAME_COLORS[frame], linewidth=0)
                        bottom += h
        ax.set_yticks(range(len(rows))[::-1], [f"{r}\n{_plural(n_art[r], 'article')}" for r in rows])
        ax.set_xticks(range(1, POSITION_BINS + 1), [f"{10 * (p - 1)}–{10 * p}" for p in
                                                    range(1, POSITION_BINS + 1)])
        ax.set_xlim(0.45, POSITION_BINS + 0.55)
        ax.set_ylim(-0.6, len(rows) - 0.4)
        ax.set_xlabel("part of the article (% of its scored sentences, in reading order)")
        ax.grid(False)
        ax.set_title("Where in the articles each frame appears, per outlet")
        _frame_legend(body, quoted=False)
    return fig, counts


# ---------------------------------------------------------------- 8. timeline

#: ``published_source`` values that say the date was read from the article's own text.
TEXT_DATE_SOURCES = ("page date header", "agency dateline")


def timeline(scored: Scored, include_wire: bool = True) -> FigureData:
    """Articles by best-known date (publication, else the first date in the text; never a page clock).

    A date read from the text (a page header, a dateline, a date the body
    mentions) is drawn hollow; one far outside the corpus's dates (the body's
    "1917" in an undated article) is not drawn, so it cannot stretch the axis,
    and the footnote counts it. Up to :data:`ARTICLE_LABELS_UP_TO` dated
    articles: one labelled mark each; above, articles per outlet and month
    (quarter or year on long spans) as a heat map. Data: ``article_id``,
    ``outlet``, ``best_date``, ``date_source``, ``date_precision``,
    ``net_index``, ``date_from`` (``metadata``, ``text`` or ``none``) and
    ``status`` (``plotted``, ``outside the corpus's dates`` or ``no date``).
    """
    arts = compare.article_measures(scored, include_wire)
    dates = compare.best_dates(scored).set_index("article_id")
    data = arts[["article_id", "outlet", "best_date", "date_source"]].copy()
    data["date_precision"] = data["article_id"].map(dates["date_precision"])
    data["net_index"] = arts["net_index"]
    data["date_from"] = _date_from(scored, data)
    date = data["article_id"].map(dates["date"])
    data["status"] = _date_status(date, data["date_from"])
    dated = data[data["status"] == "plotted"].assign(date=date)
    outlets = compare.sort_outlets(data["outlet"])
    per_outlet = data.groupby("outlet")["article_id"].count()
    many = len(dated) > ARTICLE_LABELS_UP_TO
    note = _timeline_note(scored, data, many) + "\n" + _anecdote_note(per_outlet)
    with style():
        if many:
            fig = _timeline_heatmap(dated, per_outlet, note)
            return fig, _labelled(data)
        fig, body = _figure(7.5, 1.5 + 0.45 * max(len(outlets), 1), note)
        ax = body.add_subplot()
        ypos = {o: i for i, o in enumerate(reversed(outlets))}
        styles = _outlet_styles(outlets)
        for r in dated.itertuples(index=False):
            color, marker = styles[r.outlet]
            face = color if r.date_from == "metadata" else "none"
            ax.scatter([r.date], [ypos[r.outlet]], marker=marker, s=55, facecolors=face,
                       edgecolors=color, linewidths=1.5, zorder=3)
            net = "n/a" if pd.isna(r.net_index) else f"{r.net_index:+.2f}"
            ax.annotate(f"{_short(r.article_id)} ({net})", (mdates.date2num(r.date), ypos[r.outlet]),
                        xytext=(0, 8), textcoords="offset points", ha="center", fontsize=7,
                        gid="article-label")
        ax.set_yticks(list(ypos.values()), [_label(o, 32) for o in ypos])
        ax.set_ylim(-0.6, len(outlets) - 0.2)
        if len(dated):
            lo, hi = dated["date"].min(), dated["date"].max()
            pad = max(pd.Timedelta(days=60), (hi - lo) * 0.08)
            ax.set_xlim(lo - pad, hi + pad)
        _date_axis(ax, "%Y-%m")
        ax.set_xlabel("best-known date (year-month)")
        ax.set_title("When the articles appeared")
        ax.grid(axis="y", visible=False)
        _drop_overlapping(fig, [t for t in ax.texts if t.get_gid() == "article-label"])
    return fig, _labelled(data)


def _date_axis(ax: Axes, fmt: str) -> None:
    """At most six date ticks, slanted, so that their labels never run into each other."""
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=6))
    ax.xaxis.set_major_formatter(mdates.DateFormatter(fmt))
    ax.tick_params(axis="x", labelrotation=30)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")


def _date_from(scored: Scored, data: pd.DataFrame) -> pd.Series:
    """Where each article's best date comes from: ``metadata``, ``text`` or ``none``."""
    arts = scored.articles.assign(article_id=scored.articles["article_id"].astype(str))
    source = (compare._text(arts["published_source"]) if "published_source" in arts
              else pd.Series("", index=arts.index))
    from_text = set(arts.loc[source.isin(TEXT_DATE_SOURCES).to_numpy(), "article_id"])
    return pd.Series(np.select([data["date_source"] == "none",
                                (data["date_source"] == "dates_mentioned")
                                | data["article_id"].isin(from_text)],
                               ["none", "text"], "metadata"), index=data.index)


def _date_status(date: pd.Series, date_from: pd.Series) -> pd.Series:
    """``plotted``, ``no date``, or ``outside the corpus's dates``: a date farther from the others
    than three interquartile ranges and a year (the others: the metadata dates when there are any)."""
    known = date.notna()
    reference = date[known & (date_from == "metadata")]
    reference = reference if len(reference) else date[known]
    status = pd.Series(np.where(known, "plotted", "no date"), index=date.index, dtype=object)
    if not len(reference):
        return status
    q1, q3 = reference.quantile(0.25), reference.quantile(0.75)
    margin = (q3 - q1) * 3 + pd.Timedelta(days=365)
    outside = known & ((date < q1 - margin) | (date > q3 + margin))
    return status.mask(outside, "outside the corpus's dates")


def _timeline_note(scored: Scored, data: pd.DataFrame, many: bool) -> str:
    """The timeline's footnote: n, what the marks are, the dates left out and the page clocks never used."""
    far = data[data["status"] == "outside the corpus's dates"]
    undated = data[data["status"] == "no date"]
    note = (f"n = {_plural(len(data), 'article')}, {_plural(len(data) - len(far) - len(undated), 'article')} "
            "dated. " + ("Colour: articles per outlet and period. " if many else
                         "Filled: publication date from the metadata, hollow: a date read from the "
                         "article's text. Label: article and its net index. ")
            + "Page clocks and archive stamps are never used as dates")
    clocks = compare._ok_articles(scored.articles)
    clocks = clocks.assign(stamp=compare._text(clocks["page_timestamp"]) if "page_timestamp" in clocks
                           else "")
    clocks = clocks[clocks["stamp"] != ""]
    note += (" (here: " + _listed([f"{_short(a)}: {t[:10]}" for a, t in
                                   zip(clocks["article_id"], clocks["stamp"], strict=True)]) + ")."
             if len(clocks) else ".")
    if len(far):
        note += (" Not drawn, dated far outside the corpus's other dates (a date from the text, most "
                 "likely not the publication's): " + _listed([f"{_short(a)} ({d})" for a, d in
                                                               zip(far["article_id"], far["best_date"],
                                                                   strict=True)]) + ".")
    if len(undated):
        note += " No date: " + _listed([_short(a) for a in undated["article_id"]]) + "."
    return note


def _listed(items: list[str], most: int = 8) -> str:
    """The items joined by commas, the first ``most`` of them and "and N more"."""
    return ", ".join(items[:most]) + (f" and {len(items) - most} more" if len(items) > most else "")


def _timeline_heatmap(dated: pd.DataFrame, per_outlet: pd.Series, note: str) -> Figure:
    """Articles per outlet and period (month, quarter or year: at most ~60 columns), as a heat map."""
    shown, rest = _top(per_outlet, STRIP_OUTLETS)
    span = (dated["date"].max() - dated["date"].min()).days
    freq, fmt = ("MS", "%Y-%m") if span <= 5 * 365 else ("QS", "%Y-%m") if span <= 15 * 365 else ("YS", "%Y")
    period = dated["date"].dt.to_period({"MS": "M", "QS": "Q", "YS": "Y"}[freq]).dt.start_time
    rows = [_label(o, 32) for o in shown] + ([f"{len(rest)} more outlets"] if rest else [])
    group = dated["outlet"].map(lambda o: _label(o, 32) if o in shown else f"{len(rest)} more outlets")
    edges = pd.date_range(period.min(), dated["date"].max() + pd.offsets.Day(1), freq=freq)
    edges = edges.append(pd.DatetimeIndex([edges[-1] + pd.tseries.frequencies.to_offset(freq)]))
    grid = np.zeros((len(rows), len(edges) - 1))
    counts = pd.crosstab(group, period)
    for i, name in enumerate(rows):
        for j, start in enumerate(edges[:-1]):
            if name in counts.index and start in counts.columns:
                grid[i, j] = counts.at[name, start]
    fig, body = _figure(8.0, 2.2 + 0.35 * len(rows), note)
    ax = body.add_subplot()
    mesh = ax.pcolormesh(mdates.date2num(edges), np.arange(len(rows) + 1), np.ma.masked_equal(grid, 0),
                         cmap="cividis_r", shading="flat")
    body.colorbar(mesh, ax=ax, shrink=0.8, label="articles")
    ax.set_yticks(np.arange(len(rows)) + 0.5, rows)
    ax.set_ylim(len(rows), 0)
    _date_axis(ax, fmt)
    ax.set_xlabel("best-known date (" + {"MS": "months", "QS": "quarters", "YS": "years"}[freq] + ")")
    ax.set_title("When the articles appeared, per outlet")
    ax.grid(False)
    return fig
