"""Figures comparing outlets: net index with intervals, distinctive terms, narrator vs quoted voice."""

from __future__ import annotations

import math
import textwrap
from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from .. import compare
from ..tables import Scored
from .styling import (
    OKABE_ITO,
    FigureData,
    _anecdote_note,
    _empty,
    _figure,
    _label,
    _labelled,
    _more,
    _outlet_styles,
    _plural,
    _row_height,
    _top,
    style,
)

#: Outlets given a panel in ``distinctive_terms`` (the ones with the most articles).
TERM_PANELS = 12

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
        fig, body = _figure(7.5, 1.4 + _row_height(len(outlets), 0.55, 0.42) * max(len(outlets), 1), note)
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
        ax.set_yticks(list(ypos.values()), [_label(o, 32) for o in ypos])
        ax.set_xlim(-1.05, 1.05)
        ax.set_ylim(-0.6, len(outlets) - 0.4)
        ax.set_xlabel("net index (−1: only conflict … +1: only cooperation; unitless)")
        ax.set_title("Net framing per outlet, with and without agency copy")
        body.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=2)
        ax.grid(axis="y", visible=False)
    return fig, _labelled(data)


# ---------------------------------------------------------------- 5. distinctive terms

def distinctive_terms(scored: Scored, top: int = 8, include_wire: bool = True,
                      mode: Literal["full", "fast"] = "full") -> FigureData:
    """Each outlet's most distinctive lemmas (weighted log-odds, informative Dirichlet prior).

    Data: ``outlet``, ``rank``, ``lemma``, ``count``, ``z`` (top ``top`` per
    outlet among lemmas used at least twice), for the :data:`TERM_PANELS`
    outlets with the most articles. ``mode="fast"``: word forms instead of
    spaCy lemmas (the tokenizer only: minutes less on a large corpus).
    """
    terms = compare.distinctive_terms(scored, include_wire=include_wire, top=top, mode=mode)
    per_outlet = terms.groupby("outlet")["n_articles"].first() if len(terms) else pd.Series(dtype=int)
    outlets, rest = _top(per_outlet, TERM_PANELS)
    n_articles = int(per_outlet.sum()) if len(terms) else len(compare._ok_articles(scored.articles))
    terms = terms[terms["outlet"].isin(outlets)]
    data = terms[["outlet", "rank", "lemma", "count", "z"]].copy()
    note = ("z-score of the weighted log-odds ratio of each lemma, the outlet vs all other outlets "
            "(Monroe, Colaresi & Quinn 2008, corpus counts as prior); dashed line z = 1.96. Lemmas "
            "used at least twice; spaCy French stop words, punctuation and numbers removed. Bar label: "
            f"times the outlet uses the lemma. n = {_plural(n_articles, 'article')}."
            + _more(rest, "outlet", f"with fewer articles (panels for the {TERM_PANELS} largest)")
            + "\n" + _anecdote_note(per_outlet))
    ncols = min(3, max(len(outlets), 1))
    nrows = max(1, math.ceil(len(outlets) / ncols))
    with style():
        fig, body = _figure(max(2.6 * ncols + 0.6, 6.0), 0.35 + (0.22 * top + 0.6) * nrows, note)
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
            ax.set_yticks(y, [textwrap.shorten(str(w), 18, placeholder="…") for w in mine["lemma"]])
            ax.axvline(1.96, ls="--", lw=0.8, color="#888888")
            ax.set_xlim(min(0.0, float(mine["z"].min()) if len(mine) else 0.0), zmax)
            n_tok = int(terms.loc[terms["outlet"] == outlet, "n_tokens"].iloc[0])
            ax.set_title(f"{_label(outlet, 28)}\n({_plural(int(per_outlet[outlet]), 'article')}, "
                         f"{n_tok} lemmas)", fontsize=8)
            ax.set_xlabel("z-score (unitless)")
            ax.grid(axis="y", visible=False)
        for ax in axes[len(outlets):]:
            ax.set_axis_off()
        body.suptitle("Words that set each outlet apart")
    return fig, _labelled(data)


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
        fig, body = _figure(8.0, 1.6 + _row_height(len(outlets), 0.6, 0.45) * max(len(outlets), 1), note)
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
    return fig, _labelled(data)


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
    ax.set_yticks(list(ypos.values()), [_label(o, 32) for o in ypos])
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
