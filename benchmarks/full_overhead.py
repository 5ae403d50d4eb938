"""The full mode's time beyond the parse, measured without the parse (issue 18).

Usage::

    .venv/bin/python benchmarks/full_overhead.py                 # 100 press articles
    .venv/bin/python benchmarks/full_overhead.py --docs 100 --repeat 5 --profile out.prof
    .venv/bin/python benchmarks/full_overhead.py --root ../main   # another checkout

The full mode costs spaCy's parse (about 9.5 CPU seconds per 100 press articles
on the project's machine) plus about 1 s of reading, tokens, matching, rules and
rows. Measured as the difference of two 10-second runs, that second drowns in
the parse's noise. Here the articles are parsed once (the pipeline's own
``nlp.parse``, recorded), then :func:`analysis.run.run` scores the same folder
in full mode, ``--no-tone``, one job, with ``analysis.nlp.parse`` serving the
recorded ``Doc`` objects: what is timed is everything but the parse. The first
run starts with every per-process cache empty (word strings, parse strings,
start plans: what a fresh ``framing score`` pays); the later runs are warm.
CPU seconds of this process (``time.process_time``), steady on a shared machine.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100, help="generated press articles")
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of articles")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs after the cold one")
    parser.add_argument("--profile", type=Path, default=None,
                        help="write a cProfile of one more warm run here")
    parser.add_argument("--json", type=Path, default=None, help="write the seconds here")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the checkout to measure (default: this one), e.g. main's, "
                             "for a before/after on the same machine")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.root.resolve()))
    warnings.simplefilter("ignore")
    import analysis.nlp as nlp
    from analysis.corpora import write_press_corpus
    from analysis.run import run

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or write_press_corpus(Path(tmp) / "corpus", args.docs)
        recorded: dict[str, object] = {}
        real_parse = nlp.parse

        def recording(texts: Iterable[str], mode: str = "full", **kw: object) -> Iterator:
            texts = list(texts)
            for text, doc in zip(texts, real_parse(texts, mode=mode, **kw), strict=True):
                recorded[text] = doc
                yield doc

        def replay(texts: Iterable[str], mode: str = "full", **kw: object) -> Iterator:
            for text in texts:
                yield recorded[text]

        def once(name: str) -> float:
            start = time.process_time()
            run([corpus], Path(tmp) / name, mode="full", tone=False, progress=False)
            return time.process_time() - start

        nlp.parse = recording  # type: ignore[assignment]
        run([corpus], Path(tmp) / "parse", mode="full", tone=False, progress=False)
        _empty_caches()
        nlp.parse = replay  # type: ignore[assignment]
        cold = once("cold")
        warm = [once(f"warm{k}") for k in range(args.repeat)]
        if args.profile:
            prof = cProfile.Profile()
            prof.runcall(once, "profile")
            prof.dump_stats(args.profile)
    import analysis

    out = {"root": str(Path(analysis.__file__).parent.parent),
           "docs": args.docs if args.corpus is None else str(args.corpus),
           "cold_cpu_s": round(cold, 3), "warm_cpu_s": [round(w, 3) for w in warm],
           "warm_median_cpu_s": round(statistics.median(warm), 3) if warm else None,
           "python": sys.version.split()[0]}
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


def _empty_caches() -> None:
    """Empty the per-process caches the recording run filled, so that the first timed
    run pays what a fresh process pays for its strings (the compiled tables stay)."""
    from analysis.scoring import french, matcher, tokens

    for name in ("_WORD_INFO", "_FAST_INFO", "_FULL_INFO", "_PARSE_INFO", "_MORPH_INFO",
                 "_LEMMA_INFO"):
        getattr(tokens, name, {}).clear()
    french.stem.cache_clear()
    for engine in matcher._ENGINES.values():
        getattr(engine, "_plans", {}).clear()
        for index in (engine.lex_index, engine.act_index):
            index._first_cache.clear()
            index._plan_cache.clear()


if __name__ == "__main__":
    sys.exit(main())
