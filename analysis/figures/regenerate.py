"""The script that regenerates every figure: :data:`FIGURE_FUNCTIONS`, :func:`main` and its command line."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
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
    """The tables to draw: the ones given, read from their folder (never scored again), or the seeds."""
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


def default_out(scored: Scored | str | Path | None) -> Path:
    """Where :func:`main` writes: ``figures/`` for the seeds, ``DIR/figures`` for tables read from DIR.

    Tables given as a :class:`Scored` object have no folder: ``out`` must be given.
    """
    if scored is None:
        return paths.FIGURES
    if isinstance(scored, Scored):
        raise ValueError("tables given as a Scored object: say where the figures go (out=...)")
    return Path(scored) / "figures"


def plan(tables: Scored, every: bool, annotated: bool = False) -> tuple[list[str], dict[str, str]]:
    """The figures to draw from these tables, and the ones skipped with the reason.

    ``every`` (the seeds' run): every figure, the validation and instrument
    ones too. Otherwise only what the corpus's own tables support: no
    validation figure (it measures the scorer on the seeds' annotations, not
    this corpus), and ``portrayal`` only when the tables hold ``actors``
    (scored with ``--stance``; drawing it otherwise would parse the corpus again).
    ``annotated``: an annotated sample of the corpus is given, so ``validation``
    measures the scorer on it.
    """
    names = list(FIGURE_FUNCTIONS)
    skipped: dict[str, str] = {}
    if not every and tables.actors is None:
        names.remove("portrayal")
        skipped["portrayal"] = "the tables hold no actors.csv (score with --stance to draw it)"
    if every:
        names += ["validation", "validation_heldout", *INSTRUMENT_FIGURES]
    else:
        for name in ("validation", "validation_heldout", *INSTRUMENT_FIGURES):
            skipped[name] = "measures the scorer on the seeds' annotations, not this corpus"
        if annotated:
            names.append("validation")
            del skipped["validation"]
    return names, skipped


def _draw(name: str, tables: Scored, results: pd.DataFrame | None, every: bool = True) -> FigureData:
    if name == "distinctive_terms" and _scored_mode(tables) == "fast":
        return FIGURE_FUNCTIONS[name](tables, mode="fast")  # the corpus has no lemmas: word forms
    if name in FIGURE_FUNCTIONS:
        return FIGURE_FUNCTIONS[name](tables)
    if name == "validation":
        return validation(results, test_set="seeds" if every else "annotations")
    if name == "validation_heldout":
        return validation(test_set="ud_sample")
    return INSTRUMENT_FIGURES[name]()


def _scored_mode(tables: Scored) -> str:
    """``fast`` when every article was scored in fast mode (``articles.mode``), else ``full``."""
    arts = tables.articles
    modes = set(arts["mode"].dropna().astype(str)) - {""} if "mode" in arts else set()
    return "fast" if modes == {"fast"} else "full"


def main(scored: Scored | str | Path | None = None, out: str | Path | None = None,
         quiet: bool = False, every: bool | None = None, progress: bool | None = None,
         annotations: Sequence[str | Path] = ()) -> int:
    """Draw every figure the corpus supports: the seeds' (scored afresh) or a folder of scored tables.

    Without ``scored``: the seeds, every figure, into ``figures/``. With a
    folder of scored tables: its tables as they are (no scoring), into
    ``DIR/figures`` unless ``out`` says otherwise, only the figures its
    tables support (:func:`plan`; ``every=True`` draws them all, as for the
    seeds); with ``annotations`` (annotated samples of this corpus, as for
    ``framing evaluate``) also ``validation``, the scorer against them. A
    progress bar on standard error unless ``quiet`` or ``progress=False``
    (``None``: only on a terminal). Returns 0.
    """
    every = scored is None if every is None else every
    out = default_out(scored) if out is None else Path(out)
    tables = _load(scored, quiet)
    names, skipped = plan(tables, every, annotated=bool(annotations) and not every)
    results = _own_results(tables, annotations) if annotations and not every else None
    if every and "validation" in names:
        results = _evaluate()
        if results is None:
            names = [n for n in names if n != "validation"]
            skipped["validation"] = "analysis.evaluate not available yet"
    written = []
    for name in _bar(names, False if quiet else progress):
        fig, data = _draw(name, tables, results, every)
        written.append(save_figure(fig, data, name, out)[0])
    if not quiet:
        for path in written:
            print(f"wrote {path} (+ .csv)", file=sys.stderr)
        for name, why in skipped.items():
            print(f"{name}: not drawn, {why}", file=sys.stderr)
    return 0


def _own_results(tables: Scored, annotations: Sequence[str | Path]) -> pd.DataFrame:
    """The scorer against each annotated sample of the corpus (as ``framing evaluate``), stacked."""
    from ..reliability import evaluate_annotations, read_annotations

    return pd.concat([evaluate_annotations(tables, read_annotations(p)) for p in annotations],
                     ignore_index=True)


def _bar(names: list[str], progress: bool | None) -> Iterable[str]:
    """The names, with a tqdm bar on standard error (as ``framing score``: off when not a terminal)."""
    if progress is False:
        return names
    from tqdm.auto import tqdm

    return tqdm(names, desc="figures", unit="figure", file=sys.stderr,
                disable=None if progress is None else False)


def _cli(argv: list[str] | None = None) -> int:
    """``python -m analysis.figures``: the options of ``framing figures`` (analysis/cli.py)."""
    parser = argparse.ArgumentParser(prog="python -m analysis.figures", description=main.__doc__)
    parser.add_argument("--scored", type=Path, default=None, metavar="DIR",
                        help="folder of scored tables: draw what they support, without scoring again "
                             "(default: score seeds/ afresh and draw every figure)")
    parser.add_argument("--out", type=Path, default=None, metavar="FOLDER",
                        help="output folder (default: DIR/figures with --scored, figures/ without)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar, no list of files")
    args = parser.parse_args(argv)
    return main(scored=args.scored, out=args.out, quiet=args.quiet)
