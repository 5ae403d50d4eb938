"""Figures of actors: the actor network per outlet and the outlet × actor portrayal heat map."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .. import compare
from ..tables import Scored
from .styling import (
    FRAME_COLORS,
    FigureData,
    _anecdote_note,
    _empty,
    _figure,
    _label,
    _labelled,
    _more,
    _plural,
    _top,
    style,
)

# ---------------------------------------------------------------- 4. network

#: Actors drawn in ``network`` (those in the most pair-sentences), so that the circle's nodes never overlap.
NETWORK_NODES = 12
#: Outlets given a panel in ``network`` (those with the most articles).
NETWORK_PANELS = 9


def network(scored: Scored, include_wire: bool = True) -> FigureData:
    """Actor network per outlet: who is portrayed cooperating or in conflict with whom.

    Nodes sit on one fixed circle (the same place in every panel, so panels
    compare): the :data:`NETWORK_NODES` actors in the most pair-sentences,
    the others counted in the footnote; one panel for each of the
    :data:`NETWORK_PANELS` outlets with the most articles. An edge's width is
    the number of sentences, its colour the net index of the pair. Data: the
    drawn ``actor_network`` rows (``outlet``, ``actor_a``, ``actor_b``,
    ``n_sentences``, ``n_coop``, ``n_conf``, ``net_index``) with the node
    positions ``x_a``, ``y_a``, ``x_b``, ``y_b``.
    """
    edges = compare.actor_network(scored, include_wire)
    arts = compare.article_measures(scored, include_wire)
    per_outlet = arts.groupby("outlet")["article_id"].count()
    outlets, more_outlets = _top(per_outlet, NETWORK_PANELS)
    nodes, more_nodes = _top_nodes(edges, NETWORK_NODES)
    shown = edges["actor_a"].isin(nodes) & edges["actor_b"].isin(nodes) & edges["outlet"].isin(outlets)
    pos = _circle(nodes)
    data = edges.loc[shown, ["outlet", "actor_a", "actor_b", "n_sentences", "n_coop", "n_conf",
                             "net_index"]].copy()
    data["x_a"] = [float(pos[a][0]) for a in data["actor_a"]]
    data["y_a"] = [float(pos[a][1]) for a in data["actor_a"]]
    data["x_b"] = [float(pos[b][0]) for b in data["actor_b"]]
    data["y_b"] = [float(pos[b][1]) for b in data["actor_b"]]
    note = (f"Edge width: sentences in which the pair interacts; colour: green mostly cooperation "
            f"(net > 0), vermillion mostly conflict (net < 0), purple balanced. n = "
            f"{_plural(len(arts), 'article')}, {int(edges['n_sentences'].sum())} pair-sentences"
            + (f" ({int(data['n_sentences'].sum())} drawn)" if len(data) < len(edges) else "") + ". "
            + _code_key(nodes) + _more(more_nodes, "actor", "in fewer pair-sentences")
            + _more(more_outlets, "outlet", "with fewer articles") + "\n" + _anecdote_note(per_outlet))
    ncols = min(3, max(len(outlets), 1))
    nrows = max(1, math.ceil(len(outlets) / ncols))
    side = 2.7 if ncols > 1 else 4.2
    with style():
        fig, body = _figure(max(side * ncols + 0.4, 6.0), side * nrows + 0.8, note)
        if not outlets:
            _empty(body, "no article")
            return fig, _labelled(data)
        axes = body.subplots(nrows, ncols, squeeze=False).ravel()
        top = max(1, int(data["n_sentences"].max())) if len(data) else 1
        for ax, outlet in zip(axes, outlets, strict=False):
            mine = data[data["outlet"] == outlet]
            n = int(per_outlet.get(outlet, 0))
            _network_panel(ax, mine, pos, top, f"{_label(outlet, 30)}\n{_plural(n, 'article')}, "
                           f"{int(mine['n_sentences'].sum())} pair-sentences")
        for ax in axes[len(outlets):]:
            ax.set_axis_off()
        body.suptitle("Actor network as each outlet portrays it\n(actor codes)" if ncols == 1 else
                      "Actor network as each outlet portrays it (actor codes)")
    return fig, _labelled(data)


def _top_nodes(edges: pd.DataFrame, k: int) -> tuple[list[str], list[str]]:
    """The ``k`` actors in the most pair-sentences (sorted by code) and the others."""
    weight = pd.concat([edges[["actor_a", "n_sentences"]].rename(columns={"actor_a": "actor"}),
                        edges[["actor_b", "n_sentences"]].rename(columns={"actor_b": "actor"})])
    total = weight.groupby("actor")["n_sentences"].sum()
    ranked = sorted(total.index, key=lambda a: (-int(total[a]), a))
    return sorted(ranked[:k]), sorted(ranked[k:])


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
    from ..lexicon import load_actors

    actors = load_actors()
    names = {}
    for code in codes:
        rows = actors[actors["code"] == code]
        main = rows[rows["kind"] == "country"] if (rows["kind"] == "country").any() else rows
        names[code] = str(main["label"].iloc[0]) if len(main) else code
    return "Codes: " + ", ".join(f"{c} {names[c]}" for c in codes) + "."


# ---------------------------------------------------------------- portrayal

def portrayal(scored: Scored, voice: str = "narrator", actors: pd.DataFrame | None = None,
              ) -> FigureData:
    """Outlet × actor portrayal heat map with n in every cell (see :mod:`analysis.stance`).

    Uses ``scored.actors`` when the tables were scored with ``stance=True``,
    otherwise computes the portrayal table from the scored sentences (which
    parses them again: ``framing figures --scored`` draws this figure only
    from tables that hold ``actors``), or ``actors`` when given (a portrayal
    table already computed, as in notebook 06). The unknown outlet is ``unknown``.
    """
    from .. import stance as st

    if actors is None:
        actors = scored.actors if scored.actors is not None else st.portray(scored)
    n_articles = len(compare._ok_articles(scored.articles))
    fig, data = st.portrayal_heatmap(st.portrayal_table(actors, scored.articles, voice=voice),
                                     n_articles=n_articles)
    return fig, _labelled(data)
