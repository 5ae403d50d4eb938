"""Every figure of the project, one function each, and the script that regenerates them all.

Each figure function takes the scored tables (:class:`analysis.pipeline.Scored`)
or, for ``validation``, the output of ``analysis.evaluate.evaluate_seeds()``
(``news_validation`` and ``checklist_rates`` take their instrument's table,
computed when not given),
and returns ``(figure, data)``: a :class:`matplotlib.figure.Figure` and a
pandas DataFrame holding exactly the numbers plotted, so every mark can be
checked against a table. :func:`save_figure` writes both byte-stably;
:func:`main` (``python -m analysis.figures`` or ``framing figures``) scores the
seeds and regenerates every figure in ``figures/``, or, given a folder of
scored tables (``--scored DIR``), draws the figures those tables support into
``DIR/figures`` without scoring again. The notebooks call the same functions.

Every figure is readable from 5 to 50,000 articles and 1 to 30 outlets (see
``docs/figures.md``): one labelled mark per article only for small corpora,
densities and per-outlet aggregates with intervals above; the largest outlets
or actors and "and N more"; no side above 16 inches (2400 px at :data:`DPI`);
captions written from the actual n; the unknown outlet labelled ``unknown``.

Figures are made for print: the package style (``analysis/data/framing.mplstyle``,
DejaVu Sans so French accents render), the Okabe–Ito colour-blind-safe palette,
labelled axes with units, and a footnote giving n and, only when an outlet rests
on fewer than five articles, saying that it is an anecdote.

The modules, one concern each: :mod:`.styling` (palette, :func:`style`, layout
helpers), :mod:`.articles` (``plane``, ``strips``, ``timeline``),
:mod:`.outlets` (``net_index``, ``distinctive_terms``, ``voice``),
:mod:`.actors` (``network``, ``portrayal``), :mod:`.accuracy` (``validation``,
``news_validation``, ``checklist_rates``), :mod:`.adapt` (``learning_curve``),
:mod:`.saving` (:func:`save_figure`)
and :mod:`.regenerate` (:data:`FIGURE_FUNCTIONS`, :data:`INSTRUMENT_FIGURES`,
:func:`main`; ``__main__`` runs its command line).
Every public name is re-exported here (import from ``analysis.figures``).
"""

from __future__ import annotations

from .accuracy import (
    CHECKLIST_COLUMNS,
    CHECKLIST_TARGET,
    NEWS_COLUMNS,
    VALIDATION_METHODS,
    VALIDATION_TARGETS,
    TestSet,
    checklist_rates,
    news_validation,
    validation,
)
from .actors import (
    network,
    portrayal,
)
from .adapt import (
    CURVE_STYLES,
    learning_curve,
)
from .articles import (
    plane,
    strips,
    timeline,
)
from .outlets import (
    VOICE_COLORS,
    distinctive_terms,
    net_index,
    voice,
)
from .regenerate import (
    FIGURE_FUNCTIONS,
    INSTRUMENT_FIGURES,
    main,
)
from .saving import (
    save_figure,
)
from .styling import (
    DPI,
    FRAME_COLORS,
    FRAME_LABELS,
    OKABE_ITO,
    OUTLET_COLORS,
    OUTLET_MARKERS,
    STYLE,
    FigureData,
    style,
)

__all__ = [
    "CHECKLIST_COLUMNS",
    "CHECKLIST_TARGET",
    "CURVE_STYLES",
    "DPI",
    "FIGURE_FUNCTIONS",
    "FRAME_COLORS",
    "FRAME_LABELS",
    "FigureData",
    "INSTRUMENT_FIGURES",
    "NEWS_COLUMNS",
    "OKABE_ITO",
    "OUTLET_COLORS",
    "OUTLET_MARKERS",
    "STYLE",
    "TestSet",
    "VALIDATION_METHODS",
    "VALIDATION_TARGETS",
    "VOICE_COLORS",
    "checklist_rates",
    "distinctive_terms",
    "learning_curve",
    "main",
    "net_index",
    "network",
    "news_validation",
    "plane",
    "portrayal",
    "save_figure",
    "strips",
    "style",
    "timeline",
    "validation",
    "voice",
]
