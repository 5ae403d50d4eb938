"""Every figure of the project, one function each, and the script that regenerates them all.

Each figure function takes the scored tables (:class:`analysis.pipeline.Scored`)
or, for ``validation``, the output of ``analysis.evaluate.evaluate_seeds()``,
and returns ``(figure, data)``: a :class:`matplotlib.figure.Figure` and a
pandas DataFrame holding exactly the numbers plotted, so every mark can be
checked against a table. :func:`save_figure` writes both byte-stably;
:func:`main` (``python -m analysis.figures`` or ``framing figures``) scores the
seeds and regenerates every figure in ``figures/``. The notebooks call the same
functions.

Figures are made for print: the package style (``analysis/data/framing.mplstyle``,
DejaVu Sans so French accents render), the Okabe–Ito colour-blind-safe palette,
labelled axes with units, and a footnote giving n and, when an outlet rests on
fewer than five articles, saying that it is an anecdote.
"""

from __future__ import annotations

import importlib.util
import math
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Literal

import matplotlib.dates as mdates
import matplotlib.style as mstyle
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import compare, paths
from .tables import Scored

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
             "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00",
             "reddish_purple": "#CC79A7", "black": "#000000"}
#: Colour of each sentence frame (neutral: light grey, the absence of a frame).
FRAME_COLORS = {"cooperation": OKABE_ITO["bluish_green"], "conflict": OKABE_ITO["vermillion"],
                "mixed": OKABE_ITO["reddish_purple"], "neutral": "#DDDDDD"}
FRAME_LABELS = {"cooperation": "cooperation", "conflict": "conflict",
                "mixed": "mixed (both)", "neutral": "neither"}
#: Outlet colours and markers, assigned in :func:`analysis.compare.sort_outlets` order.
OUTLET_COLORS = [OKABE_ITO[k] for k in ("blue", "orange", "sky_blue", "reddish_purple", "black",
                                        "bluish_green", "vermillion", "yellow")]
OUTLET_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
#: Resolution of the saved PNGs.
DPI = 150
STYLE = "framing.mplstyle"

FigureData = tuple[Figure, pd.DataFrame]


# ---------------------------------------------------------------- style and helpers

@contextmanager
def style() -> Iterator[None]:
    """Apply the package's matplotlib style (read with importlib.resources) inside the block."""
    ref = resources.files("analysis") / "data" / STYLE
    with resources.as_file(ref) as path, mstyle.context(str(path)):
        yield


def _figure(width: float, height: float, note: str = "") -> tuple[Figure, SubFigure]:
    """A constrained-layout figure: a body to draw in, and a wrapped footnote band below it."""
    fig = Figure(figsize=(width, height), layout="constrained")
    if not note:
        return fig, fig.subfigures(1, 1)
    wrapped = "\n".join(textwrap.fill(line, width=int(width * 17)) for line in note.split("\n") if line)
    band = min(0.45 * height, (wrapped.count("\n") + 1) * 0.15 + 0.1)
    body, foot = fig.subfigures(2, 1, height_ratios=[height - band, band])
    foot.text(0.01, 0.95, wrapped, ha="left", va="top", fontsize=7.5, color="#333333")
    return fig, body


def _outlet_styles(outlets: list[str]) -> dict[str, tuple[str, str]]:
    return {o: (OUTLET_COLORS[i % len(OUTLET_COLORS)], OUTLET_MARKERS[i % len(OUTLET_MARKERS)])
            for i, o in enumerate(compare.sort_outlets(outlets))}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _anecdote_note(per_outlet: pd.Series) -> str:
    """Footnote line on outlets with fewer than MIN_ARTICLES articles (per_outlet: outlet → n)."""
    few = per_outlet[per_outlet < compare.MIN_ARTICLES]
    if not len(few):
        return ""
    if (few == 1).all() and len(few) == len(per_outlet):
        return ("Every outlet here rests on 1 article: an anecdote, not an outlet's framing. "
                "Differences between outlets are differences between articles.")
    return "; ".join(f"{o}: {compare.small_n_warning(int(n))}" for o, n in few.items()) + "."


def _short(article_id: str) -> str:
    return str(article_id).split("_")[0]


def _empty(fig: Figure | SubFigure, message: str) -> None:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)


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


# ---------------------------------------------------------------- 2. net index

def net_index(scored: Scored, n_boot: int = 2000, level: float = 0.95,
              random_state: int = 0) -> FigureData:
    """Net index per outlet with cluster-bootstrap intervals, with and without agency copy.

    Data: ``outlet``, ``copy`` (``all articles`` / ``without agency copy``),
    ``estimate``, ``low``, ``high``, ``level``, ``n_boot``, ``n_articles``,
    ``n_sentences`` (body sentences), ``warning``.
    """
    parts = []
    for include, label in ((True, "all articles"), (False, "without agency copy")):
        b = compare.bootstrap_outlets(scored, n_boot=n_boot, level=level, random_state=random_state,
                                      include_wire=include, measures=["net_index"])
        parts.append(b.assign(copy=label))
    data = pd.concat(parts, ignore_index=True)[["outlet", "copy", "estimate", "low", "high", "level",
                                                "n_boot", "n_articles", "n_sentences", "warning"]]
    everything = data[data["copy"] == "all articles"]
    outlets = compare.sort_outlets(everything["outlet"])
    note = (f"Net index = (cooperative − conflictual) / (cooperative + conflictual) body sentences, "
            f"pooled per outlet. Bars: {level:.0%} cluster-bootstrap intervals ({n_boot} resamples "
            f"of articles, then of sentences within them). n = "
            f"{_plural(int(everything['n_articles'].sum()), 'article')}, "
            f"{int(everything['n_sentences'].sum())} body sentences.\n"
            + _anecdote_note(everything.set_index("outlet")["n_articles"]))
    with style():
        fig, body = _figure(7.5, 1.4 + 0.55 * max(len(outlets), 1), note)
        ax = body.add_subplot()
        ypos = {o: i for i, o in enumerate(reversed(outlets))}
        for (label, offset, color, face) in (("all articles", 0.12, OKABE_ITO["blue"], None),
                                              ("without agency copy", -0.12, OKABE_ITO["orange"],
                                               "none")):
            rows = data[data["copy"] == label].dropna(subset=["estimate"])
            y = rows["outlet"].map(ypos) + offset
            ax.errorbar(rows["estimate"], y,
                        xerr=[rows["estimate"] - rows["low"], rows["high"] - rows["estimate"]],
                        fmt="o", color=color, mfc=face or color, capsize=3, lw=1.2, label=label)
        own = set(data.loc[data["copy"] == "without agency copy", "outlet"])
        for r in everything.itertuples(index=False):
            text = f"{_plural(r.n_articles, 'article')}, {r.n_sentences} sent."
            if r.n_articles < compare.MIN_ARTICLES:
                text += " — anecdote" if r.n_articles == 1 else " — too few"
            if r.outlet not in own:
                text += "\n(agency copy only)"
            ax.text(1.04, ypos[r.outlet], text, va="center", fontsize=7,
                    transform=ax.get_yaxis_transform(), clip_on=False)
        ax.axvline(0, color="#888888", lw=0.8)
        ax.set_yticks(list(ypos.values()), list(ypos.keys()))
        ax.set_xlim(-1.05, 1.05)
        ax.set_ylim(-0.6, len(outlets) - 0.4)
        ax.set_xlabel("net index (−1: only conflict … +1: only cooperation; unitless)")
        ax.set_title("Net framing per outlet, with and without agency copy")
        body.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=2)
        ax.grid(axis="y", visible=False)
    return fig, data


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


# ---------------------------------------------------------------- 4. network

def network(scored: Scored, include_wire: bool = True) -> FigureData:
    """Actor network per outlet: who is portrayed cooperating or in conflict with whom.

    Nodes sit on one fixed circle (the same place in every panel, so panels
    compare); an edge's width is the number of sentences, its colour the net
    index of the pair. Data: ``actor_network`` rows (``outlet``, ``actor_a``,
    ``actor_b``, ``n_sentences``, ``n_coop``, ``n_conf``, ``net_index``) with
    the node positions ``x_a``, ``y_a``, ``x_b``, ``y_b``.
    """
    edges = compare.actor_network(scored, include_wire)
    arts = compare.article_measures(scored, include_wire)
    outlets = compare.sort_outlets(arts["outlet"])
    nodes = sorted(set(edges["actor_a"]) | set(edges["actor_b"]))
    pos = _circle(nodes)
    data = edges[["outlet", "actor_a", "actor_b", "n_sentences", "n_coop", "n_conf", "net_index"]].copy()
    data["x_a"] = [float(pos[a][0]) for a in data["actor_a"]]
    data["y_a"] = [float(pos[a][1]) for a in data["actor_a"]]
    data["x_b"] = [float(pos[b][0]) for b in data["actor_b"]]
    data["y_b"] = [float(pos[b][1]) for b in data["actor_b"]]
    per_outlet = arts.groupby("outlet")["article_id"].count()
    note = (f"Edge width: sentences in which the pair interacts; colour: green mostly cooperation "
            f"(net > 0), vermillion mostly conflict (net < 0), purple balanced. n = "
            f"{_plural(len(arts), 'article')}, {int(data['n_sentences'].sum())} pair-sentences. "
            + _code_key(nodes) + "\n" + _anecdote_note(per_outlet))
    ncols = min(3, max(len(outlets), 1))
    nrows = max(1, math.ceil(len(outlets) / ncols))
    with style():
        fig, body = _figure(2.7 * ncols + 0.4, 2.7 * nrows + 0.6, note)
        if not outlets:
            _empty(body, "no article")
            return fig, data
        axes = body.subplots(nrows, ncols, squeeze=False).ravel()
        top = max(1, int(data["n_sentences"].max())) if len(data) else 1
        for ax, outlet in zip(axes, outlets, strict=False):
            mine = data[data["outlet"] == outlet]
            n = int(per_outlet.get(outlet, 0))
            _network_panel(ax, mine, pos, top, f"{outlet}\n{_plural(n, 'article')}, "
                           f"{int(mine['n_sentences'].sum())} pair-sentences")
        for ax in axes[len(outlets):]:
            ax.set_axis_off()
        body.suptitle("Actor network as each outlet portrays it (actor codes)")
    return fig, data


def _circle(nodes: list[str]) -> dict[str, np.ndarray]:
    """Node positions on one circle, in the order given (sorted: the same in every panel and run)."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    return nx.circular_layout(graph) if nodes else {}


def _network_panel(ax: Axes, mine: pd.DataFrame, pos: dict[str, np.ndarray], top: int,
                   title: str) -> None:
    """One outlet's panel: its edges over every node of the circle, the nodes it leaves out greyed.

    An edge's width grows with its sentences (``top``: the most of any edge, in
    every panel, so widths compare); its colour is the sign of its net index.
    """
    for r in mine.itertuples(index=False):
        color = (FRAME_COLORS["cooperation"] if r.net_index > 0 else
                 FRAME_COLORS["conflict"] if r.net_index < 0 else FRAME_COLORS["mixed"])
        ax.plot([r.x_a, r.x_b], [r.y_a, r.y_b], color=color, lw=1 + 4 * r.n_sentences / top,
                solid_capstyle="round", zorder=1, alpha=0.9)
    used = set(mine["actor_a"]) | set(mine["actor_b"])
    for node, (x, y) in pos.items():
        active = node in used
        ax.scatter([x], [y], s=260, color="white", edgecolors="#333333" if active else "#BBBBBB",
                   linewidths=1.0, zorder=2)
        ax.text(x, y, node, ha="center", va="center", fontsize=6.5, zorder=3,
                color="#000000" if active else "#AAAAAA")
    ax.set_title(title, fontsize=8)
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.set_axis_off()


def _code_key(codes: list[str]) -> str:
    """'Codes: RUS Russie, USA États-Unis, …' from the actor dictionary (a country's label first)."""
    if not codes:
        return ""
    from .lexicon import load_actors

    actors = load_actors()
    names = {}
    for code in codes:
        rows = actors[actors["code"] == code]
        main = rows[rows["kind"] == "country"] if (rows["kind"] == "country").any() else rows
        names[code] = str(main["label"].iloc[0]) if len(main) else code
    return "Codes: " + ", ".join(f"{c} {names[c]}" for c in codes) + "."


# ---------------------------------------------------------------- 5. distinctive terms

def distinctive_terms(scored: Scored, top: int = 8, include_wire: bool = True) -> FigureData:
    """Each outlet's most distinctive lemmas (weighted log-odds, informative Dirichlet prior).

    Data: ``outlet``, ``rank``, ``lemma``, ``count``, ``z`` (top ``top`` per
    outlet among lemmas used at least twice).
    """
    terms = compare.distinctive_terms(scored, include_wire=include_wire, top=top)
    data = terms[["outlet", "rank", "lemma", "count", "z"]].copy()
    outlets = compare.sort_outlets(terms["outlet"])
    per_outlet = terms.groupby("outlet")["n_articles"].first() if len(terms) else pd.Series(dtype=int)
    note = ("z-score of the weighted log-odds ratio of each lemma, the outlet vs all other outlets "
            "(Monroe, Colaresi & Quinn 2008, corpus counts as prior); dashed line z = 1.96. Lemmas "
            "used at least twice; spaCy French stop words, punctuation and numbers removed. Bar label: "
            "times the outlet uses the lemma.\n" + _anecdote_note(per_outlet))
    ncols = min(3, max(len(outlets), 1))
    nrows = max(1, math.ceil(len(outlets) / ncols))
    with style():
        fig, body = _figure(2.6 * ncols + 0.6, 0.35 + (0.22 * top + 0.6) * nrows, note)
        if not outlets:
            _empty(body, "fewer than two outlets: nothing to contrast")
            return fig, data
        axes = body.subplots(nrows, ncols, squeeze=False).ravel()
        zmax = max(2.5, float(data["z"].max()) * 1.25) if len(data) else 2.5
        styles = _outlet_styles(outlets)
        for ax, outlet in zip(axes, outlets, strict=False):
            mine = data[data["outlet"] == outlet].sort_values("rank")
            y = np.arange(len(mine))[::-1]
            ax.barh(y, mine["z"], color=styles[outlet][0], height=0.7)
            for yy, r in zip(y, mine.itertuples(index=False), strict=True):
                ax.text(max(r.z, 0) + zmax * 0.02, yy, str(r.count), va="center", fontsize=6.5)
            ax.set_yticks(y, mine["lemma"])
            ax.axvline(1.96, ls="--", lw=0.8, color="#888888")
            ax.set_xlim(min(0.0, float(mine["z"].min()) if len(mine) else 0.0), zmax)
            n_tok = int(terms.loc[terms["outlet"] == outlet, "n_tokens"].iloc[0])
            ax.set_title(f"{outlet}\n({_plural(int(per_outlet[outlet]), 'article')}, {n_tok} lemmas)",
                         fontsize=8)
            ax.set_xlabel("z-score (unitless)")
            ax.grid(axis="y", visible=False)
        for ax in axes[len(outlets):]:
            ax.set_axis_off()
        body.suptitle("Words that set each outlet apart")
    return fig, data


# ---------------------------------------------------------------- 6. voice

#: Colour of each voice in :func:`voice`.
VOICE_COLORS = {"narrator": OKABE_ITO["blue"], "quoted": OKABE_ITO["orange"]}


def voice(scored: Scored, include_wire: bool = True, n_boot: int = 2000,
          random_state: int = 0) -> FigureData:
    """Narrator vs quoted voice per outlet: how much it lets officials speak, and how each voice frames.

    Left: share of body sentences in each voice (with the most quoted speakers).
    Right: net index of each voice with cluster-bootstrap intervals. Data:
    ``outlet``, ``voice``, ``n_articles``, ``n_sentences``, ``share_of_body``
    (%), ``net_index``, ``low``, ``high``, ``speakers``.
    """
    data = _voice_data(scored, include_wire, n_boot, random_state)
    outlets = compare.sort_outlets(data["outlet"])
    per_outlet = data.groupby("outlet")["n_articles"].first()
    note = ("Voice of body sentences: narrator = the outlet's own words; quoted = direct or reported "
            "speech of a named or unnamed speaker; under each bar, the most quoted speakers "
            "(sentences). Right: net index with 95% cluster-bootstrap intervals. n = "
            f"{_plural(int(per_outlet.sum()), 'article')}, {int(data['n_sentences'].sum())} body "
            "sentences.\n" + _anecdote_note(per_outlet))
    with style():
        fig, body = _figure(8.0, 1.6 + 0.6 * max(len(outlets), 1), note)
        if not outlets:
            _empty(body, "no article")
            return fig, data
        left, right = body.subplots(1, 2, width_ratios=[1.3, 1], sharey=True)
        ypos = {o: i for i, o in enumerate(reversed(outlets))}
        _voice_shares(left, data, outlets, ypos)
        _voice_nets(right, data, ypos)
        handles = [Patch(color=VOICE_COLORS[k], label=k) for k in VOICE_COLORS]
        body.legend(handles=handles, loc="outside upper right", ncols=2)
        body.suptitle("The outlet's own voice vs the officials it quotes")
    return fig, data


def _voice_data(scored: Scored, include_wire: bool, n_boot: int, random_state: int,
                ) -> pd.DataFrame:
    """The numbers :func:`voice` plots, one row per outlet and voice.

    Counts, share of body sentences (%), net index with its cluster-bootstrap
    interval, and on the quoted row the most quoted speakers.
    """
    v = compare.voice_measures(scored, include_wire)
    boot = compare.bootstrap_outlets(scored, n_boot=n_boot, random_state=random_state,
                                     include_wire=include_wire, measures=["narrator_net", "quoted_net"])
    boot = boot.assign(voice=boot["measure"].str.replace("_net", "", regex=False))
    data = v.merge(boot[["outlet", "voice", "low", "high"]], on=["outlet", "voice"], how="left")
    speakers = compare.outlet_measures(scored, include_wire).set_index("outlet")["speakers"]
    data["speakers"] = np.where(data["voice"] == "quoted", data["outlet"].map(speakers).fillna(""), "")
    data["share_of_body"] = data["share_of_body"] * 100
    return data[["outlet", "voice", "n_articles", "n_sentences", "share_of_body", "net_index", "low",
                 "high", "speakers"]]


def _voice_shares(ax: Axes, data: pd.DataFrame, outlets: list[str], ypos: dict[str, int]) -> None:
    """Left panel: per outlet, a bar stacking the narrator's and the quoted share of body sentences.

    A segment wide enough shows its sentence count; under the bar, the most
    quoted speakers.
    """
    for outlet in outlets:
        rows = data[data["outlet"] == outlet].set_index("voice")
        start = 0.0
        for vname in ("narrator", "quoted"):
            if vname not in rows.index:
                continue
            share = float(rows.at[vname, "share_of_body"])
            share = 0.0 if math.isnan(share) else share
            ax.barh(ypos[outlet], share, left=start, color=VOICE_COLORS[vname], height=0.6)
            if share >= 8:
                ax.text(start + share / 2, ypos[outlet], str(int(rows.at[vname, "n_sentences"])),
                        ha="center", va="center", fontsize=7, color="white")
            start += share
        spk = rows.at["quoted", "speakers"] if "quoted" in rows.index else ""
        if spk:
            ax.text(1, ypos[outlet] - 0.42, textwrap.shorten(spk, 60), fontsize=6.5,
                    color="#333333", va="center")
    ax.set_xlim(0, 100)
    ax.set_yticks(list(ypos.values()), list(ypos.keys()))
    ax.set_ylim(-0.75, len(outlets) - 0.4)
    ax.set_xlabel("share of body sentences (%)")
    ax.set_title("Who speaks")
    ax.grid(axis="y", visible=False)


def _voice_nets(ax: Axes, data: pd.DataFrame, ypos: dict[str, int]) -> None:
    """Right panel: each voice's net index per outlet with its bootstrap interval."""
    for offset, vname in ((0.12, "narrator"), (-0.12, "quoted")):
        rows = data[(data["voice"] == vname)].dropna(subset=["net_index"])
        y = rows["outlet"].map(ypos) + offset
        lo = (rows["net_index"] - rows["low"]).fillna(0).clip(lower=0)
        hi = (rows["high"] - rows["net_index"]).fillna(0).clip(lower=0)
        ax.errorbar(rows["net_index"], y, xerr=[lo, hi], fmt="o", color=VOICE_COLORS[vname],
                    capsize=3, lw=1.2)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("net index (−1 conflict … +1 cooperation)")
    ax.set_title("How each voice frames")
    ax.grid(axis="y", visible=False)


# ---------------------------------------------------------------- 7. validation

VALIDATION_TARGETS = ("coop", "conf", "rus_usa", "boilerplate")
VALIDATION_METHODS = ("scorer_full", "scorer_fast", "scorer_lexical", "vader", "textblob",
                      "tfidf_logreg")


TestSet = Literal["seeds", "ud_sample"]


def validation(results: pd.DataFrame | None = None, test_set: TestSet = "seeds") -> FigureData:
    """F1 against gold annotations, per method and target, with bootstrap intervals and n.

    ``test_set="seeds"``: ``results`` is ``analysis.evaluate.evaluate_seeds()``
    (the seed sentences); ``"ud_sample"``: ``analysis.reliability.heldout_metrics()``
    of the latest held-out batch of general French, the one still
    out-of-sample. Either has the columns ``method``, ``target``, ``f1``,
    ``f1_low``, ``f1_high``, ``n``, ``support``, and is computed when not
    given. Data: those columns.
    """
    if results is None:
        results = _validation_results(test_set)
    data = results[["method", "target", "f1", "f1_low", "f1_high", "n", "support"]].copy()
    targets = _known_first(data["target"], VALIDATION_TARGETS)
    methods = _known_first(data["method"], VALIDATION_METHODS)
    note, heading = _validation_text(results, test_set, int(data["n"].max()) if len(data) else 0)
    colors = {m: OUTLET_COLORS[i % len(OUTLET_COLORS)] for i, m in enumerate(methods)}
    ncols = 2 if len(targets) > 1 else 1
    nrows = max(1, math.ceil(len(targets) / ncols))
    with style():
        fig, body = _figure(8.0, 0.6 + (0.3 * max(len(methods), 1) + 0.9) * nrows, note)
        if not targets:
            _empty(body, "no validation results")
            return fig, data
        axes = body.subplots(nrows, ncols, squeeze=False).ravel()
        for ax, target in zip(axes, targets, strict=False):
            _validation_panel(ax, data[data["target"] == target].set_index("method"), target,
                              methods, colors)
        for ax in axes[len(targets):]:
            ax.set_axis_off()
        body.suptitle(heading)
    return fig, data


def _validation_results(test_set: TestSet) -> pd.DataFrame:
    """Compute the validation results when not given: the seeds' or the latest held-out batch's."""
    if test_set == "seeds":
        from .evaluate import evaluate_seeds  # type: ignore[import-not-found]

        return evaluate_seeds()
    from .reliability import BATCHES, heldout_metrics

    return heldout_metrics([max(BATCHES)])


def _known_first(values: pd.Series, known: Sequence[str]) -> list[str]:
    """The distinct ``values``: those in ``known`` in its order, then any others sorted."""
    present = set(values)
    first = [k for k in known if k in present]
    return first + sorted(present - set(first))


def _validation_text(results: pd.DataFrame, test_set: TestSet, n_max: int) -> tuple[str, str]:
    """Footnote and title of the validation figure, which say what the test set is."""
    if test_set == "seeds":
        note = ("F1 of each method against the gold annotations of the seed sentences; bars: "
                "bootstrap intervals. n = sentences (or units) compared, support = gold positives. "
                f"The seeds hold {n_max} units at most: five articles, an anecdote-sized test set, "
                "so intervals are wide.")
        return note, "How well each method matches the gold annotations of the seeds"
    batches = sorted(set(results["batch"])) if "batch" in results else []
    note = ("F1 of each method against the adjudicated labels of a random sample of "
            f"{n_max} UD French-GSD sentences (general French; held-out batch "
            f"{', '.join(map(str, batches))}: no lexicon entry or rule was changed after "
            "reading its errors); each sentence scored alone; bars: bootstrap intervals over "
            "sentences. support = gold positives. The annotators are AI agent sessions "
            "(annotations/README.md).")
    return note, "Held-out general French: how well each method matches the annotations"


def _validation_panel(ax: Axes, rows: pd.DataFrame, target: str, methods: list[str],
                      colors: dict[str, str]) -> None:
    """One target's panel: each method's F1 and interval (``rows``: indexed by method).

    The sample size goes in the title when every method was measured on the
    same sentences, else beside each method's name.
    """
    sizes = {(int(n), int(k)) for n, k in zip(rows["n"], rows["support"], strict=True)}
    labels = []
    for i, m in enumerate(reversed(methods)):
        label = m
        if m in rows.index and len(sizes) > 1:
            label += f" (n={int(rows.at[m, 'n'])}, pos={int(rows.at[m, 'support'])})"
        labels.append(label)
        if m not in rows.index or pd.isna(rows.at[m, "f1"]):
            ax.text(0.02, i, "not applicable", va="center", fontsize=7, color="#777777")
            continue
        f1 = float(rows.at[m, "f1"])
        lo = f1 - float(rows.at[m, "f1_low"]) if pd.notna(rows.at[m, "f1_low"]) else 0.0
        hi = float(rows.at[m, "f1_high"]) - f1 if pd.notna(rows.at[m, "f1_high"]) else 0.0
        ax.errorbar([f1], [i], xerr=[[max(lo, 0)], [max(hi, 0)]], fmt="o", color=colors[m],
                    capsize=3, lw=1.2, clip_on=False)
    ax.set_yticks(range(len(methods)), labels)
    ax.set_xlim(0, 1.0)
    ax.set_ylim(-0.6, len(methods) - 0.4)
    title = target
    if len(sizes) == 1:
        n, k = sizes.pop()
        title += f": n = {n}, {k} positive"
    ax.set_title(title, fontsize=9)
    ax.set_xlabel("F1 (0–1)")
    ax.grid(axis="y", visible=False)


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


# ---------------------------------------------------------------- saving and the script

#: Figures made from the scored tables, by file name (``validation`` is made from evaluate_seeds()).
def portrayal(scored: Scored, voice: str = "narrator") -> FigureData:
    """Outlet × actor portrayal heat map with n in every cell (see :mod:`analysis.stance`).

    Uses ``scored.actors`` when the tables were scored with ``stance=True``,
    otherwise computes the portrayal table from the scored sentences.
    """
    from . import stance as st

    actors = scored.actors if scored.actors is not None else st.portray(scored)
    return st.portrayal_heatmap(st.portrayal_table(actors, scored.articles, voice=voice))


FIGURE_FUNCTIONS: dict[str, Callable[[Scored], FigureData]] = {
    "plane": plane,
    "net_index": net_index,
    "strips": strips,
    "network": network,
    "distinctive_terms": distinctive_terms,
    "voice": voice,
    "timeline": timeline,
    "portrayal": portrayal,
}


def save_figure(fig: Figure, data: pd.DataFrame, name: str, out: str | Path = paths.FIGURES,
                ) -> tuple[Path, Path]:
    """Write ``NAME.png`` and ``NAME.csv`` into ``out``, byte-identical from run to run.

    The PNG has no software or date metadata and a fixed dpi; the CSV is sorted
    by every column, floats as ``%.4f``, ``\\n`` line ends.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    png, csv = out / f"{name}.png", out / f"{name}.csv"
    with style():
        fig.savefig(png, dpi=DPI, metadata={"Software": None}, facecolor="white")
    _sorted(data).to_csv(csv, index=False, float_format="%.4f", lineterminator="\n")
    return png, csv


def _sorted(data: pd.DataFrame) -> pd.DataFrame:
    if not len(data.columns):
        return data
    try:
        return data.sort_values(list(data.columns), kind="stable", na_position="last")
    except TypeError:  # mixed types in a column: sort on the text of each cell
        keys = data.astype(str)
        return data.loc[keys.sort_values(list(keys.columns), kind="stable").index]


def _load(scored: Scored | str | Path | None, quiet: bool) -> Scored:
    from .pipeline import read_tables, score

    if isinstance(scored, Scored):
        return scored
    if scored is not None:
        return read_tables(scored)
    with warnings.catch_warnings():
        if quiet:
            warnings.simplefilter("ignore")
        if importlib.util.find_spec("analysis.evaluate") is not None:
            # the validation figure scores the seeds too: share that one scoring
            from .evaluate import scored_seeds

            return scored_seeds("full")
        return score(paths.SEEDS)


def _evaluate() -> pd.DataFrame | None:
    """``evaluate_seeds()`` when the module exists (an error inside it is not hidden)."""
    if importlib.util.find_spec("analysis.evaluate") is None:
        return None
    from .evaluate import evaluate_seeds  # type: ignore[import-not-found]

    return evaluate_seeds()


def main(scored: Scored | str | Path | None = None, out: str | Path = paths.FIGURES,
         quiet: bool = False) -> int:
    """Regenerate every figure into ``out``: score ``seeds/`` (or read a folder of scored tables).

    ``validation`` (seeds) and ``validation_heldout`` (the held-out sample) are
    drawn when ``analysis.evaluate`` is available. Returns 0.
    """
    tables = _load(scored, quiet)
    written = []
    for name, func in FIGURE_FUNCTIONS.items():
        fig, data = func(tables)
        written.append(save_figure(fig, data, name, out)[0])
    results = _evaluate()
    if results is not None:
        fig, data = validation(results)
        written.append(save_figure(fig, data, "validation", out)[0])
        fig, data = validation(test_set="ud_sample")
        written.append(save_figure(fig, data, "validation_heldout", out)[0])
    elif not quiet:
        print("validation: analysis.evaluate not available yet, figure skipped", file=sys.stderr)
    if not quiet:
        for path in written:
            print(f"wrote {path} (+ .csv)", file=sys.stderr)
    return 0


def _cli(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m analysis.figures", description=main.__doc__)
    parser.add_argument("--scored", type=Path, default=None,
                        help="folder of scored tables (default: score seeds/ afresh)")
    parser.add_argument("--out", type=Path, default=paths.FIGURES, help="output folder")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    return main(scored=args.scored, out=args.out, quiet=args.quiet)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_cli())
