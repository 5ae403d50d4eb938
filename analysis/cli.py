"""Command line: ``framing score``, ``figures``, ``report``, ``sample``, ``evaluate`` and ``train``.

Problems with single inputs are warnings naming the file (the run goes on and
every input keeps a row with its status). Every error is one line naming the
file on standard error. Exit status 2 is a usage error: a path that does not
exist, a bad ``--lexicon`` or ``--actors`` file (the message names the file
and line), an ``--out`` equal to or inside an input folder or holding an
input, a ``--model`` file that is no model or was trained for another lexicon
version, a bad annotation file given to ``train``. Exit status 1 is a failed
run: an output folder holding another run's tables without ``--overwrite``, a
damaged checkpoint or a table missing under one, a write that failed (a full
disk), or ``--resume`` refused because an input's bytes changed or another
``--mode``, ``--lexicon`` or ``--actors`` was asked.
An input holding no document (an empty folder) is no error: the tables are
written with their headers only, a warning says so, and the exit status is 0.
Problems with single inputs are ``warning:`` lines; what the reader did to a
document it read ``ok`` (two articles found in one file, a long line cut,
mojibake repaired) is a ``note:`` line.
Ctrl-C (SIGINT) stops ``framing score`` at once: its worker processes are
killed, one line says how to resume, and the exit status is 130.
"""

from __future__ import annotations

import argparse
import signal
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .read import DEFAULT_MAX_BYTES, InputNote, InputWarning

#: ``framing score`` stopped by Ctrl-C (SIGINT): the exit status, as a shell gives it, and
#: the one line printed (a CSV run resumes from its last checkpoint).
EXIT_INTERRUPTED = 130
INTERRUPTED = "interrupted; resume with --resume"
INTERRUPTED_PARQUET = "interrupted; run again to start afresh (--resume needs --format csv)"

#: Help of the scored-tables argument of ``sample`` and ``evaluate``.
SCORED_HELP = "folder of tables written by 'framing score'"


def _show_warning(message, category, filename, lineno, file=None, line=None):  # noqa: ANN001
    """One line on standard error: ``note:`` for a note, ``warning:`` for a problem."""
    prefix = ("note" if issubclass(category, InputNote) else
              "warning" if issubclass(category, InputWarning) else category.__name__)
    print(f"{prefix}: {message}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    """The ``framing`` parser: one sub-command per task, each with its own arguments."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure cooperation vs conflict framing in French news articles.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True)
    _score_arguments(sub.add_parser(
        "score", help="read, clean and score articles; write the tables"))
    figures_help = ("draw the figures of a scored folder (--scored DIR, into DIR/figures), or "
                    "without --scored regenerate every figure from the seeds")
    _figures_arguments(sub.add_parser("figures", help=figures_help, description=figures_help + "."))
    _report_arguments(sub.add_parser(
        "report", help="write a self-contained HTML reading report"))
    _sample_arguments(sub.add_parser(
        "sample", help="draw sentences of a scored corpus for annotators to label "
                       "(without the system's codes)"))
    _evaluate_arguments(sub.add_parser(
        "evaluate", help="precision, recall and F1 of a scored corpus against "
                         "an annotated sample"))
    _train_arguments(sub.add_parser(
        "train", help="train a model on annotated sentences of a scored corpus "
                      "(then: framing score --model)"))
    return parser


def _score_arguments(sc: argparse.ArgumentParser) -> None:
    """``framing score``: inputs, output folder and format, scorer mode and tables, engine."""
    sc.add_argument("inputs", nargs="+", help="files or folders (.txt .html .csv .jsonl .parquet)")
    sc.add_argument("--out", required=True, type=Path, help="output folder")
    sc.add_argument("--mode", choices=["full", "fast", "lexical"], default="full",
                    help="full: spaCy parser (default); fast: lexicon windows, no parser; "
                         "lexical: no spaCy at all, no pronouns, simpler dyad and voice rules (fastest)")
    _path_option(sc, "--lexicon", metavar="FILE",
                 help="cooperation/conflict lexicon to use instead of the packaged one (same "
                      "tab-separated format as analysis/data/lexicon.tsv); recorded in "
                      "articles.lexicon_version as custom:<first 12 hex of its SHA-256>")
    _path_option(sc, "--actors", metavar="FILE",
                 help="actor dictionary to use instead of the packaged one (same format as "
                      "analysis/data/actors.tsv); recorded as ;actors=custom:<12 hex> in "
                      "articles.lexicon_version")
    _reading_arguments(sc)
    sc.add_argument("--split-parts", action="store_true",
                    help="score a file joining two articles at a separator as two articles")
    sc.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                    help=f"skip files larger than this (default {DEFAULT_MAX_BYTES:,})")
    sc.add_argument("--no-tone", action="store_true",
                    help="do not add the vaderSentiment-fr and textblob-fr tone columns")
    sc.add_argument("--format", choices=["csv", "parquet"], default="csv", dest="fmt",
                    help="output format (default csv)")
    sc.add_argument("--spreadsheet-safe", action="store_true",
                    help="CSV for Excel, LibreOffice or Google Sheets: a text cell beginning "
                         "with = + - @ (or tab, carriage return) gets an apostrophe first, so "
                         "that no cell runs as a formula; pandas and R then read the apostrophe "
                         "as text, so keep the default CSV for analysis")
    sc.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    sc.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="local processes (default) or a Dask cluster")
    sc.add_argument("--scheduler", default=None,
                    help="address of an existing Dask scheduler (tcp://host:8786); "
                         "default: a local cluster")
    sc.add_argument("--resume", action="store_true",
                    help="continue an interrupted run in --out from its last checkpoint (a "
                         "finished one: nothing left to do); refused (exit status 1) if an input "
                         "file's bytes changed or it used another --mode, --lexicon or --actors")
    sc.add_argument("--overwrite", action="store_true",
                    help="replace the tables of another run in --out (other inputs or settings; "
                         "refused without this flag, exit status 1): its tables of every format, "
                         "checkpoint and manifest are removed first")
    sc.add_argument("--stance", action="store_true",
                    help="also write actors.csv (portrayal) and stance.csv, and fill "
                         "articles.stance_coop (parses the text a second time)")
    _model_option(sc, "a model written by 'framing train' (or 'bundled', trained on the "
                      "project's annotations): adds coop_p, conf_p, coop_model, conf_model to "
                      "sentences and coop_share_model... to articles; the rule columns stay")
    sc.add_argument("--batch-size", type=int, default=32, help="articles per batch (default 32)")
    sc.add_argument("--quiet", action="store_true", help="no progress bar")


def _figures_arguments(fg: argparse.ArgumentParser) -> None:
    """``framing figures``: where the scored tables come from and where the figures go."""
    _path_option(fg, "--scored", metavar="DIR",
                 help="folder of scored tables (framing score --out DIR): draw the figures its "
                      "tables support, without scoring again (default: score seeds/ afresh and "
                      "draw every figure, the validation ones too)")
    _path_option(fg, "--out", metavar="FOLDER",
                 help="where the PNG and CSV files go (default: DIR/figures with --scored, "
                      "the repository's figures/ without)")
    fg.add_argument("--quiet", action="store_true",
                    help="no progress bar and no list of the files written")
    fg.add_argument("--annotations", type=Path, nargs="+", default=[], metavar="FILE",
                    help="with --scored: annotated samples of this corpus (framing sample, then "
                         "filled in); also draw validation, the scorer's F1 against them")


def _reading_arguments(parser: argparse.ArgumentParser) -> None:
    """``--title`` and ``--outlet``: how articles are read (``score`` and ``report``)."""
    parser.add_argument("--title", choices=["none", "first-line"], default="none",
                        help="first-line: the first non-empty line of each text (a .txt file, a "
                             "table row without a title) is its title, in articles.title, scored "
                             "as a headline and never as body text; none (default): the title "
                             "comes from metadata, else the first line that looks like a headline")
    parser.add_argument("--outlet", default=None, metavar="NAME|folder",
                        help="the outlet of every document: a name, or 'folder' for the name of "
                             "the folder each file is in; wins over the outlet guessed from the "
                             "text, not over an outlet column of a table or a metadata.csv row")


def _report_arguments(rp: argparse.ArgumentParser) -> None:
    """``framing report``: inputs (or one folder of scored tables), output file, scorer mode."""
    rp.add_argument("inputs", nargs="+",
                    help="files or folders of articles to score, or one folder of tables "
                         "written by 'framing score'")
    rp.add_argument("--out", type=Path, default=Path("report.html"),
                    help="HTML file to write (default report.html)")
    rp.add_argument("--mode", choices=["full", "fast"], default="full",
                    help="scorer mode when the inputs are articles (default full)")
    _reading_arguments(rp)


def _sample_arguments(sm: argparse.ArgumentParser) -> None:
    """``framing sample``: the scored corpus, how many sentences, the seed, earlier samples."""
    _corpus_arguments(sm)
    sm.add_argument("--n", type=int, default=300, help="sentences to draw (default 300)")
    _seed_option(sm, 1)
    sm.add_argument("--out", type=Path, required=True, help="CSV to write (fill coop, conf, note)")
    sm.add_argument("--exclude", type=Path, nargs="*", default=[],
                    help="earlier sample files whose sentences are not drawn again")
    sm.add_argument("--strategy", choices=["random", "uncertainty"], default="random",
                    help="random (default): a blind random sample; uncertainty: where --model "
                         "is least sure, plus a random fifth (column draw says which)")
    _model_option(sm, "the model of --strategy uncertainty (a file or 'bundled')")


def _train_arguments(tr: argparse.ArgumentParser) -> None:
    """``framing train``: the scored corpus, its annotation files, the model file to write."""
    _corpus_arguments(tr, "annotated sample files (from 'framing sample', coop and conf filled)")
    tr.add_argument("--out", type=Path, required=True, help="model file to write (.joblib)")
    _seed_option(tr, 0)


def _evaluate_arguments(ev: argparse.ArgumentParser) -> None:
    """``framing evaluate``: the scored corpus, one or two annotation files, what to write."""
    _corpus_arguments(ev, "one or two annotated sample files (two: agreement is reported too)")
    _path_option(ev, "--out", help="also write the metrics to this CSV")
    _path_option(ev, "--errors",
                 help="write the sentences the scorer gets wrong (first annotation file) "
                      "with its evidence and the annotator's note to this CSV")


def _corpus_arguments(parser: argparse.ArgumentParser, annotations: str | None = None) -> None:
    """The scored tables (``sample``, ``evaluate``, ``train``) and, given their help, the
    annotation files read with them (``evaluate``, ``train``)."""
    parser.add_argument("scored", type=Path, help=SCORED_HELP)
    if annotations is not None:
        parser.add_argument("annotations", type=Path, nargs="+", help=annotations)


def _seed_option(parser: argparse.ArgumentParser, default: int) -> None:
    """``--seed`` of ``sample`` and ``train`` (each its own default)."""
    parser.add_argument("--seed", type=int, default=default, help=f"random seed (default {default})")


def _model_option(parser: argparse.ArgumentParser, help: str) -> None:
    """``--model FILE`` (a file or 'bundled') of ``score`` and ``sample``."""
    parser.add_argument("--model", default=None, metavar="FILE", help=help)


def _path_option(parser: argparse.ArgumentParser, flag: str, help: str,
                 metavar: str | None = None) -> None:
    """An optional path (``None`` when not given): ``--lexicon``, ``--actors``, ``figures
    --scored`` and ``--out``, ``evaluate --out`` and ``--errors``."""
    parser.add_argument(flag, type=Path, default=None, metavar=metavar, help=help)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    warnings.showwarning = _show_warning
    warnings.simplefilter("always", InputWarning)
    try:
        if args.command == "score":
            try:
                return _score(args)
            except KeyboardInterrupt:  # the workers are already stopped (analysis.run)
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C: no traceback
                print(INTERRUPTED if args.fmt == "csv" else INTERRUPTED_PARQUET, file=sys.stderr)
                return EXIT_INTERRUPTED
        if args.command == "figures":
            from .figures import main as figures_main

            if args.annotations and args.scored is None:
                print("error: --annotations needs --scored (the annotated corpus's tables)",
                      file=sys.stderr)
                return 2
            return figures_main(scored=args.scored, out=args.out, quiet=args.quiet,
                                annotations=args.annotations)
        if args.command in ("sample", "evaluate"):
            return _validate(args)
        if args.command == "train":
            return _train(args)
        if args.command == "report":
            from .report import main as report_main

            return report_main(args.inputs, out=args.out, mode=args.mode, title=args.title,
                               outlet=args.outlet)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1


def _train(args: argparse.Namespace) -> int:
    """``framing train``: fit a model on the annotated sentences; nothing written on an error."""
    import time

    from .adapt import run_lexicon, train, training_units
    from .model import save_model
    from .pipeline import read_tables

    if not args.scored.is_dir():
        raise FileNotFoundError(f"scored tables folder does not exist: {args.scored}")
    started = time.perf_counter()
    try:
        scored = read_tables(args.scored)
        version, mode = run_lexicon(scored)
        units = training_units(scored, args.annotations)
        model = train(units, version, mode=mode, seed=args.seed,
                      info={"annotations": ";".join(p.name for p in args.annotations)})
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    save_model(model, args.out)
    pos = ", ".join(f"{k} {v}" for k, v in model.positives.items())
    print(f"trained on {model.n_train} sentences ({pos} positive) in "
          f"{time.perf_counter() - started:.1f} s -> {args.out}", file=sys.stderr)
    return 0


def _score(args: argparse.Namespace) -> int:
    from .lexicon import LexiconError, read_table

    if args.spreadsheet_safe and args.fmt != "csv":
        print("error: --spreadsheet-safe applies to --format csv", file=sys.stderr)
        return 2
    for item in args.inputs:  # fail before any work on a missing path or a bad table
        if not Path(item).exists():
            raise FileNotFoundError(f"input path does not exist: {item}")
    try:
        tables = {kind: read_table(path, kind) for kind, path in
                  (("lexicon", args.lexicon), ("actors", args.actors)) if path is not None}
    except LexiconError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from .outputs import RunError, UsageError
    from .run import ResumeRefused, run

    try:
        counts = run(args.inputs, args.out, mode=args.mode, tone=not args.no_tone,
                     split_parts=args.split_parts, max_bytes=args.max_bytes, fmt=args.fmt,
                     jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                     resume=args.resume, batch_size=args.batch_size, stance=args.stance,
                     progress=False if args.quiet else None, overwrite=args.overwrite,
                     spreadsheet_safe=args.spreadsheet_safe, title=args.title,
                     outlet=args.outlet, model=args.model, **tables)
    except (ResumeRefused, UsageError, RunError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    if not counts and args.resume:
        return 0  # a finished run: nothing left to do (said by run)
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    print(f"scored {sum(counts.values())} documents{f' ({summary})' if summary else ''} "
          f"-> {args.out}", file=sys.stderr)
    return 0


def _draw(args: argparse.Namespace, scored: object, earlier: list) -> object:
    """The sample of ``framing sample``: random, or by the model's uncertainty."""
    from .reliability import annotation_sample

    if args.strategy == "random":
        return annotation_sample(scored, n=args.n, seed=args.seed, exclude=earlier)
    if args.model is None:
        raise ValueError("--strategy uncertainty needs --model FILE")
    from .adapt import run_lexicon, uncertainty_sample
    from .model import load_model

    model = load_model(args.model, run_lexicon(scored)[0])
    return uncertainty_sample(scored, model, n=args.n, seed=args.seed, exclude=earlier)


def _validate(args: argparse.Namespace) -> int:
    """``framing sample`` and ``framing evaluate`` (analysis.reliability)."""
    import pandas as pd

    from .pipeline import read_tables
    from .reliability import (
        agreement_between,
        annotation_errors,
        evaluate_annotations,
        read_annotations,
    )

    if not args.scored.is_dir():
        raise FileNotFoundError(f"scored tables folder does not exist: {args.scored}")
    scored = read_tables(args.scored)
    try:
        if args.command == "sample":
            earlier = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in args.exclude]
            _draw(args, scored, earlier).to_csv(args.out, index=False, lineterminator="\n")
            print(f"wrote {args.n} sentences to {args.out}: fill coop, conf (0/1) and note",
                  file=sys.stderr)
            return 0
        if len(args.annotations) > 2:
            raise ValueError("give one or two annotation files")
        labels = [read_annotations(p) for p in args.annotations]
        tables = []
        for path, lab in zip(args.annotations, labels, strict=True):
            tables.append(evaluate_annotations(scored, lab).assign(annotations=str(path)))
        metrics = pd.concat(tables, ignore_index=True)
        errors = annotation_errors(scored, labels[0]) if args.errors is not None else None
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with pd.option_context("display.width", 160, "display.precision", 2):
        print(metrics.drop(columns="annotations").to_string(index=False))
        if len(labels) == 2:
            print("\nagreement between the two annotation files:")
            print(agreement_between(*labels).to_string(index=False))
    if args.out is not None:
        metrics.to_csv(args.out, index=False, float_format="%.4f", lineterminator="\n")
    if errors is not None:
        errors.to_csv(args.errors, index=False, lineterminator="\n")
        print(f"wrote {len(errors)} disagreements to {args.errors}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def transcript(*args: object, hide: Path | None = None) -> str:
    """Run ``framing ARGS`` in this process and return what it said and its exit status,
    with ``hide`` (a temporary folder) shown as ``<work>`` and timings masked, so that a
    notebook's output is the same on every run."""
    import contextlib
    import io
    import re

    err = io.StringIO()
    with contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        status = main([str(a) for a in args])
    text = err.getvalue()
    if hide is not None:
        text = text.replace(str(hide), "<work>")
    return f"{re.sub(r'in [0-9.]+ s', 'in <time> s', text).strip()} (exit status {status})"

