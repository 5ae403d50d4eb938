"""Train the bundled model (``framing score --model bundled``) on the project's annotations.

Usage::

    PYTHONPATH=. python scripts/train_bundled.py            # writes analysis/data/model/bundled.joblib
    PYTHONPATH=. python scripts/train_bundled.py --check    # trains twice, compares the SHA-256

The training data (:func:`analysis.learning.bundled_units`): the seed
sentences (body and headline rows), the three held-out UD French-GSD batches
and the news set's dev half, each sentence scored alone by the rule scorer in
full mode, minus every sentence of the news set's test half (which stays
untouched). Seeded: the same annotations give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import warnings
from pathlib import Path

from analysis import lexicon as lx
from analysis.adapt import train
from analysis.learning import bundled_units
from analysis.model import BUNDLED, save_model


def build(out: Path) -> str:
    """Train and write the bundled model; return its SHA-256."""
    units = bundled_units("full")
    counts = units["source"].value_counts().sort_index().to_dict()
    model = train(units, lx.LEXICON_VERSION, mode="full", seed=0,
                  info={"training": ", ".join(f"{k} {v}" for k, v in counts.items()),
                        "script": "scripts/train_bundled.py"})
    save_model(model, out)
    return hashlib.sha256(out.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=BUNDLED)
    parser.add_argument("--check", action="store_true",
                        help="train twice into a temporary folder and compare the bytes")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            a, b = (build(Path(tmp) / f"m{k}.joblib") for k in (1, 2))
        print(f"first {a}\nsecond {b}\n{'identical' if a == b else 'DIFFERENT'}")
        return 0 if a == b else 1
    digest = build(args.out)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB, sha256 {digest}) in "
          f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
