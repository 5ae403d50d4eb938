"""The look of every figure: palette, the package's matplotlib style, and layout helpers.

The Okabe–Ito palette and the frame and outlet colours, :func:`style` (the
package style file ``analysis/data/framing.mplstyle``), and the helpers the
figure modules share: a figure with a footnote band, outlet colours and
markers, plurals, the small-n footnote, short article ids, an empty panel.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

import matplotlib.style as mstyle
import pandas as pd
from matplotlib.figure import Figure, SubFigure

from .. import compare

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
#: Largest side of any figure, in inches (2400 px at :data:`DPI`): a corpus never makes a strip.
MAX_INCHES = 16.0
#: Label of the unknown outlet in the figures, which are in English (the tables keep
#: :data:`analysis.compare.UNKNOWN_OUTLET`).
UNKNOWN_LABEL = "unknown"
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
    width, height = min(width, MAX_INCHES), min(height, MAX_INCHES)
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


def _label(outlet: str, width: int = 0) -> str:
    """An outlet's name as printed: the unknown outlet in English, ``width`` characters at most."""
    name = UNKNOWN_LABEL if outlet == compare.UNKNOWN_OUTLET else str(outlet)
    return textwrap.shorten(name, width, placeholder="…") if width and len(name) > width else name


def _row_height(n_rows: int, roomy: float, tight: float) -> float:
    """Height of one outlet's row: ``roomy`` up to 12 rows, ``tight`` above (30 outlets stay < 16 in)."""
    return roomy if n_rows <= 12 else tight


def _labelled(data: pd.DataFrame, column: str = "outlet") -> pd.DataFrame:
    """``data`` with its outlet column as printed (:func:`_label`), for the CSV beside the figure."""
    if column not in data or not len(data):
        return data
    return data.assign(**{column: data[column].map(_label)})


def _top(per_outlet: pd.Series, k: int) -> tuple[list[str], list[str]]:
    """The ``k`` outlets with the most articles (in figure order) and the others (per_outlet: outlet → n).

    Ties go to the outlet first in :func:`analysis.compare.sort_outlets` order,
    so the choice is the same from run to run.
    """
    order = compare.sort_outlets(per_outlet.index)
    ranked = sorted(order, key=lambda o: (-int(per_outlet[o]), order.index(o)))
    shown = set(ranked[:k])
    return [o for o in order if o in shown], [o for o in order if o not in shown]


def _more(rest: list[str], word: str, where: str = "") -> str:
    """Footnote text for what a figure leaves out: " And 4 more outlets (…)."; "" when nothing is."""
    if not rest:
        return ""
    text = f" And {len(rest)} more {word}{'' if len(rest) == 1 else 's'}"
    return text + (f" {where}" if where else "") + "."


def _drop_overlapping(fig: Figure, texts: list) -> int:
    """Remove the texts (article labels) that would overlap a text kept before them; return how many.

    Lays the figure out first (the labels' final places), then keeps labels
    greedily in the order given: deterministic, and no two labels drawn over
    each other however many articles there are.
    """
    if not texts:
        return 0
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    kept: list = []
    dropped = 0
    for text in texts:
        box = text.get_window_extent(renderer).expanded(1.05, 1.1)
        if any(box.overlaps(k) for k in kept):
            text.remove()
            dropped += 1
        else:
            kept.append(box)
    return dropped


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
    if len(few) > 6:
        return (f"{len(few)} of {len(per_outlet)} outlets rest on fewer than {compare.MIN_ARTICLES} "
                f"articles each ({int(few.sum())} articles in all): read their marks as anecdotes.")
    return "; ".join(f"{_label(o)}: {compare.small_n_warning(int(n))}" for o, n in few.items()) + "."


def _short(article_id: str) -> str:
    return str(article_id).split("_")[0]


def _empty(fig: Figure | SubFigure, message: str) -> None:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
