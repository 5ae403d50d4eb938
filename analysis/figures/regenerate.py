"""The script that regenerates every figure: :data:`FIGURE_FUNCTIONS`, :func:`main` and its command line."""

from __future__ import annotations

import importlib.util
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .. import paths
from ..tables import Scored
from .accuracy import checklist_rates, news_validation, validation
from .actors import network, portrayal
from .adapt import learning_curve
from .articles import plane, strips, timeline
from .outlets import distinctive_terms, net_index, voice
from .saving import save_figure
from .styling import FigureData

#: Figures made from the scored tables, by file name (``validation`` is made from evaluate_seeds()).
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

#: Figures of the validation instruments, by file name: each computes its own numbers (the news
#: set's test half, the CheckList suite in full mode), as ``validation_heldout`` does.
INSTRUMENT_FIGURES: dict[str, Callable[[], FigureData]] = {
    "news_validation": news_validation,
    "checklist": checklist_rates,
    "learning_curve": learning_curve,
}


def _load(scored: Scored | str | Path | None, quiet: bool) -> Scored:
    from ..pipeline import read_tables, score

    if isinstance(scored, Scored):
        return scored
    if scored is not None:
        return read_tables(scored)
    with warnings.catch_warnings():
        if quiet:
            warnings.simplefilter("ignore")
        if importlib.util.find_spec("analysis.evaluate") is not None:
            # the validation figure scores the seeds too: share that one scoring
            from ..evaluate import scored_seeds

            return scored_seeds("full")
        return score(paths.SEEDS)


def _evaluate() -> pd.DataFrame | None:
    """``evaluate_seeds()`` when the module exists (an error inside it is not hidden)."""
    if importlib.util.find_spec("analysis.evaluate") is None:
        return None
    from ..evaluate import evaluate_seeds  # type: ignore[import-not-found]

    return evaluate_seeds()


def main(scored: Scored | str | Path | None = None, out: str | Path = paths.FIGURES,
         quiet: bool = False) -> int:
    """Regenerate every figure into ``out``: score ``seeds/`` (or read a folder of scored tables).

    ``validation`` (seeds) and ``validation_heldout`` (the held-out sample) are
    drawn when ``analysis.evaluate`` is available; the :data:`INSTRUMENT_FIGURES`
    (``news_validation``, ``checklist``) always. Returns 0.
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
    for name, make in INSTRUMENT_FIGURES.items():
        fig, data = make()
        written.append(save_figure(fig, data, name, out)[0])
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
