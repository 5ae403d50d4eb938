"""Writing a figure and its data: byte-stable PNG and CSV (:func:`save_figure`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from .. import paths
from .styling import DPI, style


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
