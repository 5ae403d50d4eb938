"""Where the time of a ``framing score`` run goes, stage by stage (issue 18).

Usage::

    .venv/bin/python benchmarks/profile_stages.py --mode lexical            # 400 press articles
    .venv/bin/python benchmarks/profile_stages.py --mode full --docs 100 --tone
    .venv/bin/python benchmarks/profile_stages.py --corpus path/to/articles --mode lexical
    .venv/bin/python benchmarks/profile_stages.py --mode lexical --clock cpu  # a shared machine

Runs :func:`analysis.run.run` once (one process, one job) with timers wrapped
around the functions of each stage, and prints each stage's *own* seconds
(time inside a nested timed stage counts for that stage only): reading
(files and decoding), normalisation, boilerplate and headlines, language,
metadata, duplicates, parsing (spaCy, parsed modes), sentences and words
(the lexical mode's splitting, word cache and gate; the parsed modes'
tokens read from the Doc), matching (lexicon and actor phrases, and the
tokens that can start them), rules (mentions, attribution, events, dyads, context),
assembly, tone, writing. "other" is the rest of the wall time (the
pipeline's own loops and row building). Timers cost about a microsecond a
call, so the stage times are a little above an untimed run's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: The clock of the timers: wall seconds, or this process's CPU seconds (``--clock cpu``,
#: steadier on a machine shared with other work).
CLOCK = {"now": time.perf_counter}

#: (stage, module, attribute): the functions timed, each counted for its stage.
STAGES: list[tuple[str, str, str]] = [
    ("reading", "analysis.read.corpus", "read_file"),
    ("normalisation", "analysis.read.corpus", "_normalize"),
    ("boilerplate", "analysis.read.corpus", "classify_boilerplate"),
    ("boilerplate", "analysis.read.corpus", "looks_like_headline"),
    ("language", "analysis.read.corpus", "detect_language"),
    ("metadata", "analysis.read.corpus", "infer_metadata"),
    ("duplicates", "analysis.outputs", "body_digest"),
    ("sentences and words", "analysis.scoring.lexical.LexicalScorer", "_prepare"),
    ("sentences and words", "analysis.scoring.lexical", "split_sentences"),
    ("sentences and words", "analysis.scoring.article.ArticleScorer", "prepare"),
    ("sentences and words", "analysis.scoring.article", "doc_rows"),
    ("sentences and words", "analysis.scoring.article", "doc_ents"),
    ("matching", "analysis.scoring.matcher.PhraseIndex", "find"),
    ("matching", "analysis.scoring.matcher.Engine", "starts"),
    ("rules", "analysis.scoring.article.ArticleScorer", "analyse"),
    ("rules", "analysis.scoring.article.ArticleScorer", "score_sentence"),
    ("assembly", "analysis.scoring.article", "assemble"),
    ("assembly", "analysis.pipeline", "frame_measures"),
    ("tone", "analysis.pipeline", "_add_tone"),
    ("writing", "analysis.run.TableWriter", "write"),
]


class Timers:
    """Own time per stage: a stack of running timers, children's time taken off parents."""

    def __init__(self) -> None:
        self.own: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.stack: list[list[float]] = []  # [start, children's seconds]

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.stack.append([CLOCK["now"](), 0.0])
            try:
                return fn(*args, **kwargs)
            finally:
                self._stop(stage)
        return timed

    def wrap_iter(self, stage: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Any]:
        """Time each step of the iterator ``fn`` returns (spaCy's nlp.pipe is lazy)."""
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            it = iter(fn(*args, **kwargs))
            while True:
                self.stack.append([CLOCK["now"](), 0.0])
                try:
                    item = next(it)
                except StopIteration:
                    return
                finally:
                    self._stop(stage)
                yield item
        return timed

    def _stop(self, stage: str) -> None:
        start, children = self.stack.pop()
        spent = CLOCK["now"]() - start
        self.own[stage] = self.own.get(stage, 0.0) + spent - children
        self.calls[stage] = self.calls.get(stage, 0) + 1
        if self.stack:
            self.stack[-1][1] += spent


def _owner(where: str) -> Any:
    """The module, or the class (a capitalised last name), that holds a timed function."""
    import importlib

    module, _, last = where.rpartition(".")
    if last[:1].isupper():
        return getattr(importlib.import_module(module), last)
    return importlib.import_module(where)


def install(timers: Timers) -> None:
    """Replace each function of :data:`STAGES` by its timed wrapper, where it is looked up."""
    for stage, where, attr in STAGES:
        owner = _owner(where)
        setattr(owner, attr, timers.wrap(stage, getattr(owner, attr)))
    import analysis.nlp

    analysis.nlp.parse = timers.wrap_iter("parsing", analysis.nlp.parse)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", default="lexical", choices=("lexical", "fast", "full"))
    parser.add_argument("--docs", type=int, default=400, help="generated press articles")
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of articles")
    parser.add_argument("--tone", action="store_true", help="with the tone columns")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock seconds (default) or this process's CPU seconds")
    args = parser.parse_args(argv)
    if args.clock == "cpu":
        CLOCK["now"] = time.process_time
    sys.path.insert(0, str(ROOT))
    warnings.simplefilter("ignore")
    from analysis.corpora import write_press_corpus
    from analysis.read import read_corpus
    from analysis.run import run
    from analysis.scoring import FrameScorer

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or write_press_corpus(Path(tmp) / "corpus", args.docs)
        if args.mode != "lexical":
            from analysis.nlp import load_pipeline
            load_pipeline(args.mode)
        FrameScorer(mode=args.mode).fit()
        for _ in read_corpus([corpus], warn=False):  # the reader's lazy imports
            break
        if args.tone:
            from analysis.tone import _textblob, _vader
            _vader(), _textblob()
        timers = Timers()
        install(timers)
        t0 = CLOCK["now"]()
        run([corpus], Path(tmp) / "out", mode=args.mode, tone=args.tone, jobs=1, progress=False)
        wall = CLOCK["now"]() - t0
    _report(timers, wall, args)
    return 0


def _report(timers: Timers, wall: float, args: argparse.Namespace) -> None:
    print(f"mode {args.mode}, tone {args.tone}: {wall:.2f} s {args.clock}\n")
    print("| stage | seconds | share | calls |")
    print("|---|---:|---:|---:|")
    order = list(dict.fromkeys(["reading", *(s for s, _, _ in STAGES), "parsing"]))
    for stage in order:
        if stage in timers.own:
            s = timers.own[stage]
            print(f"| {stage} | {s:.2f} | {s / wall:.0%} | {timers.calls[stage]} |")
    other = wall - sum(timers.own.values())
    print(f"| other | {other:.2f} | {other / wall:.0%} | |")


if __name__ == "__main__":
    sys.exit(main())
