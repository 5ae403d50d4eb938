"""The validation figures: each method's F1 against gold labels, and the behavioural suite.

``validation`` (seeds or the held-out UD sample), ``news_validation`` (the news
set's test half, :mod:`analysis.newsvalidation`) and ``checklist_rates`` (the
CheckList failure rates, :mod:`analysis.checklist`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..newsvalidation import METHODS as NEWS_METHODS
from ..newsvalidation import TARGETS as NEWS_TARGETS
from .styling import OKABE_ITO, OUTLET_COLORS, FigureData, _empty, _figure, style

# ---------------------------------------------------------------- 7. validation

VALIDATION_TARGETS = ("coop", "conf", "rus_usa", "boilerplate")
VALIDATION_METHODS = ("scorer_full", "scorer_fast", "scorer_lexical", "vader", "textblob",
                      "tfidf_logreg")


TestSet = Literal["seeds", "ud_sample", "annotations"]
NEWS_COLUMNS = ["split", "method", "target", "precision", "recall", "f1", "f1_low", "f1_high",
                "n", "support", "predicted"]
#: A target with fewer gold positives than this gives an F1 the figure calls an anecdote.
MIN_SUPPORT = 10
#: The issue's target: at most 10 % of a capability's CheckList cases may fail.
CHECKLIST_TARGET = 0.10
CHECKLIST_COLUMNS = ["capability", "test_types", "n", "failed", "rate", "frame_failed",
                     "meets_target"]


def validation(results: pd.DataFrame | None = None, test_set: TestSet = "seeds") -> FigureData:
    """F1 against gold annotations, per method and target, with bootstrap intervals and n.

    ``test_set="seeds"``: ``results`` is ``analysis.evaluate.evaluate_seeds()``
    (the seed sentences); ``"ud_sample"``: ``analysis.reliability.heldout_metrics()``
    of the latest held-out batch of general French, the one still
    out-of-sample; ``"annotations"``: ``analysis.reliability.evaluate_annotations()``
    of a corpus against its own annotated sample (``framing figures --scored
    DIR --annotations FILE``; must be given). Each has the columns ``method``,
    ``target``, ``f1``, ``f1_low``, ``f1_high``, ``n``, ``support``, and is
    computed when not given. Data: those columns.
    """
    if results is None:
        results = _validation_results(test_set)
    data = results[["method", "target", "f1", "f1_low", "f1_high", "n", "support"]].copy()
    targets = _known_first(data["target"], VALIDATION_TARGETS)
    methods = _known_first(data["method"], VALIDATION_METHODS)
    note, heading = _validation_text(results, test_set, int(data["n"].max()) if len(data) else 0)
    return _f1_grid(data, targets, methods, note, heading), data


def _f1_grid(data: pd.DataFrame, targets: list[str], methods: list[str], note: str,
             heading: str, titles: dict[str, str] | None = None) -> Figure:
    """One dot-and-whisker panel per target (two columns), methods in rows, F1 on 0–1."""
    colors = {m: OUTLET_COLORS[i % len(OUTLET_COLORS)] for i, m in enumerate(methods)}
    ncols = 2 if len(targets) > 1 else 1
    nrows = max(1, math.ceil(len(targets) / ncols))
    with style():
        fig, body = _figure(8.0, 0.6 + (0.3 * max(len(methods), 1) + 0.9) * nrows, note)
        if not targets:
            _empty(body, "no validation results")
            return fig
        axes = body.subplots(nrows, ncols, squeeze=False).ravel()
        for ax, target in zip(axes, targets, strict=False):
            _validation_panel(ax, data[data["target"] == target].set_index("method"), target,
                              methods, colors, (titles or {}).get(target))
        for ax in axes[len(targets):]:
            ax.set_axis_off()
        body.suptitle(heading)
    return fig


def _validation_results(test_set: TestSet) -> pd.DataFrame:
    """Compute the validation results when not given: the seeds' or the latest held-out batch's."""
    if test_set == "annotations":
        raise ValueError("test_set='annotations': give the results of evaluate_annotations()")
    if test_set == "seeds":
        from ..evaluate import evaluate_seeds  # type: ignore[import-not-found]

        return evaluate_seeds()
    from ..reliability import BATCHES, heldout_metrics

    return heldout_metrics([max(BATCHES)])


def _known_first(values: pd.Series, known: Sequence[str]) -> list[str]:
    """The distinct ``values``: those in ``known`` in its order, then any others sorted."""
    present = set(values)
    first = [k for k in known if k in present]
    return first + sorted(present - set(first))


def _validation_text(results: pd.DataFrame, test_set: TestSet, n_max: int) -> tuple[str, str]:
    """Footnote and title of the validation figure, which say what the test set is."""
    if test_set == "seeds":
        note = ("F1 of each method against the gold annotations of the seed sentences; bars: "
                "bootstrap intervals. n = sentences (or units) compared, support = gold positives. "
                f"The seeds hold {n_max} units at most: five articles, an anecdote-sized test set, "
                "so intervals are wide.")
        return note, "How well each method matches the gold annotations of the seeds"
    if test_set == "annotations":
        articles = int(results["articles"].max()) if "articles" in results and len(results) else 0
        note = (f"F1 of the scorer against the annotated sample of this corpus: n = {n_max} sentences "
                f"from {articles} articles; bars: bootstrap intervals (articles, then sentences). "
                "support = sentences the annotator labelled positive.")
        return note, "How well the scorer matches your annotations"
    batches = sorted(set(results["batch"])) if "batch" in results else []
    note = ("F1 of each method against the adjudicated labels of a random sample of "
            f"{n_max} UD French-GSD sentences (general French; held-out batch "
            f"{', '.join(map(str, batches))}: no lexicon entry or rule was changed after "
            "reading its errors); each sentence scored alone; bars: bootstrap intervals over "
            "sentences. support = gold positives. The annotators are AI agent sessions "
            "(annotations/README.md).")
    return note, "Held-out general French: how well each method matches the annotations"


def _validation_panel(ax: Axes, rows: pd.DataFrame, target: str, methods: list[str],
                      colors: dict[str, str], title: str | None = None) -> None:
    """One target's panel: each method's F1 and interval (``rows``: indexed by method).

    The sample size goes in the title (unless ``title`` is given) when every
    method was measured on the same sentences, else beside each method's name.
    """
    sizes = {(int(n), int(k)) for n, k in zip(rows["n"], rows["support"], strict=True)}
    labels = []
    for i, m in enumerate(reversed(methods)):
        label = m
        if m in rows.index and len(sizes) > 1:
            label += f" (n={int(rows.at[m, 'n'])}, pos={int(rows.at[m, 'support'])})"
        labels.append(label)
        if m not in rows.index or pd.isna(rows.at[m, "f1"]):
            ax.text(0.02, i, "not applicable", va="center", fontsize=7, color="#777777")
            continue
        f1 = float(rows.at[m, "f1"])
        lo = f1 - float(rows.at[m, "f1_low"]) if pd.notna(rows.at[m, "f1_low"]) else 0.0
        hi = float(rows.at[m, "f1_high"]) - f1 if pd.notna(rows.at[m, "f1_high"]) else 0.0
        ax.errorbar([f1], [i], xerr=[[max(lo, 0)], [max(hi, 0)]], fmt="o", color=colors[m],
                    capsize=3, lw=1.2, clip_on=False)
    ax.set_yticks(range(len(methods)), labels)
    ax.set_xlim(0, 1.0)
    ax.set_ylim(-0.6, len(methods) - 0.4)
    if title is None:
        title = target
        if len(sizes) == 1:
            n, k = sizes.pop()
            title += f": n = {n}, {k} positive"
    ax.set_title(title, fontsize=9)
    ax.set_xlabel("F1 (0–1)")
    ax.grid(axis="y", visible=False)


# ---------------------------------------------------------------- 7b. the news set's test half

def news_validation(metrics: pd.DataFrame | None = None) -> FigureData:
    """F1 with its 95 % interval per method and target on the news set's test half (issue 14).

    ``metrics`` is :func:`analysis.newsvalidation.news_metrics` (computed on the
    ``test`` split when not given), one row per method and target. One
    dot-and-whisker panel per target, methods in rows; the title gives the split
    and ``n`` (sentences), each panel its support (gold positives). Data: the
    columns :data:`NEWS_COLUMNS` that ``metrics`` holds: ``split``, ``method``,
    ``target``, ``precision``, ``recall``, ``f1``, ``f1_low``, ``f1_high``, ``n``
    (sentences), ``support`` (gold positives: sentences, or actor pairs for the
    ``pair_*`` and ``rus_usa_conf`` targets), ``predicted`` (system positives).
    """
    if metrics is None:
        from ..newsvalidation import news_metrics

        metrics = news_metrics("test")
    data = metrics[[c for c in NEWS_COLUMNS if c in metrics.columns]].copy()
    targets = _known_first(data["target"], NEWS_TARGETS)
    methods = _known_first(data["method"], NEWS_METHODS)
    splits = sorted(set(data["split"])) if "split" in data else ["test"]
    n = int(data["n"].max()) if len(data) else 0
    heading = f"News set, {' + '.join(splits)} half, n = {n} sentences: F1 of each method"
    titles = {t: _news_title(t, data[data["target"] == t]) for t in targets}
    return _f1_grid(data, targets, methods, _news_note(data, n), heading, titles), data


def _news_title(target: str, rows: pd.DataFrame) -> str:
    """A news panel's title: the target and its gold positives (an anecdote below MIN_SUPPORT)."""
    supports = set(rows["support"].astype(int))
    if len(supports) != 1:
        return target
    k = supports.pop()
    unit = "sentence" if target in ("coop", "conf") else "pair"
    return f"{target}: support = {k} gold {unit}{'' if k == 1 else 's'}" + (
        " (anecdote)" if k < MIN_SUPPORT else "")


def _news_note(data: pd.DataFrame, n: int) -> str:
    """The news figure's footnote: what the test set is, the intervals, and small supports."""
    few = sorted({(t, int(k)) for t, k in zip(data["target"], data["support"], strict=True)
                  if k < MIN_SUPPORT})
    note = ("F1 of each method against the gold labels of the news set's test half: "
            f"{n} real French sentences naming two international actors (UD GSD, PUD, "
            "Sequoia), labelled by two independent annotators, disagreements adjudicated "
            "(AI agent sessions; annotations/news/README.md). Dots: F1; whiskers: 95 % "
            "percentile bootstrap over sentences, the same seeded draws for every method. "
            "The split was fixed before labelling; the test half is measured once per "
            "landing and its errors are never read (rules are argued from the dev half).")
    if few:
        note += "\n" + "; ".join(f"{t} rests on {k} gold positive{'' if k == 1 else 's'}"
                                 for t, k in few) + ": an anecdote, not a measure."
    return note


# ---------------------------------------------------------------- 7c. CheckList failure rates

def checklist_rates(rates: pd.DataFrame | None = None,
                    target: float = CHECKLIST_TARGET) -> FigureData:
    """Failure rate per CheckList capability in full mode, sorted, against the 10 % target.

    ``rates`` is ``analysis.checklist.failure_rates(run_checklist("full"))``
    (computed when not given), one row per capability and test type; a
    capability's test types are summed. Horizontal bars, the highest rate on
    top, ``failed/n`` beside each bar, a dashed line at ``target``. Data: the
    columns :data:`CHECKLIST_COLUMNS`: ``capability``, ``test_types`` (e.g.
    ``INV+MFT``), ``n`` (cases), ``failed``, ``rate`` (failed / n, 0–1),
    ``frame_failed`` (cases whose coop or conf is wrong), ``meets_target``
    (rate ≤ target).
    """
    if rates is None:
        from ..checklist import failure_rates, run_checklist

        rates = failure_rates(run_checklist("full"))
    data = _per_capability(rates, target)
    met, failed, n = int(data["meets_target"].sum()), int(data["failed"].sum()), int(data["n"].sum())
    note = (f"Each bar: the share of a capability's cases that fail (MFT, INV and DIR cases "
            f"summed), failed/n beside it. Dashed line: the target of at most {target * 100:.0f} % "
            f"failing; green bars meet it ({met} of {len(data)} capabilities). Expectations "
            "come from the codebook, written before the scorer ran on any case "
            "(docs/checklist.md); an INV case checks consistency only.")
    with style():
        fig, body = _figure(7.5, 1.4 + 0.22 * max(len(data), 1), note)
        if not len(data):
            _empty(body, "no CheckList results")
            return fig, data
        ax = body.add_subplot()
        y = list(range(len(data)))[::-1]
        colors = [OKABE_ITO["bluish_green"] if ok else OKABE_ITO["vermillion"]
                  for ok in data["meets_target"]]
        ax.barh(y, data["rate"] * 100, color=colors, height=0.7)
        for yi, r in zip(y, data.itertuples(index=False), strict=True):
            ax.text(r.rate * 100 + 1, yi, f"{r.failed}/{r.n}", va="center", fontsize=7)
        ax.axvline(target * 100, color=OKABE_ITO["black"], ls="--", lw=1)
        ax.text(target * 100, len(data) - 0.3, f" target {target * 100:.0f} %", fontsize=7, va="bottom")
        ax.set_yticks(y, data["capability"])
        ax.set_ylim(-0.6, len(data) + 0.2)
        ax.set_xlim(0, 108)
        ax.set_xlabel("cases failing (%)")
        ax.grid(axis="y", visible=False)
        body.suptitle(f"CheckList, full mode: {failed} of {n} cases fail")
    return fig, data


def _per_capability(rates: pd.DataFrame, target: float) -> pd.DataFrame:
    """Rates per capability and test type summed per capability, sorted by rate (highest first)."""
    grouped = rates.groupby("capability", sort=True)
    data = grouped[["n", "failed", "frame_failed"]].sum().astype(int).reset_index()
    data["test_types"] = grouped["test_type"].agg(lambda s: "+".join(sorted(set(s)))).to_numpy()
    data["rate"] = (data["failed"] / data["n"]).round(4)
    data["meets_target"] = data["rate"] <= target
    data = data.sort_values(["rate", "capability"], ascending=[False, True], kind="stable")
    return data[CHECKLIST_COLUMNS].reset_index(drop=True)
