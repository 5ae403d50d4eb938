"""``python -m analysis.figures``: regenerate every figure (:func:`analysis.figures.main`)."""

from __future__ import annotations

import sys

from .regenerate import _cli

if __name__ == "__main__":  # pragma: no cover
    sys.exit(_cli())
