"""Behavioural tests of the scorer in the manner of CheckList (Ribeiro et al., 2020).

The templates and their expected labels are data: ``analysis/data/checklist/cases.tsv``
(one row per template, expectations written from the codebook) and ``fills.tsv``
beside it (actors by name, title, capital, adjective, coalition and date; verb
phrases per PLOVER category). :func:`expand_cases` turns every template into
concrete one-sentence documents, :func:`run_checklist` scores each one as its
own document dated by its ``date`` (the reader's ``published`` metadata: the
scorer reads no date today) and checks it, and :func:`failure_rates` counts the
failures per capability and test type. Test types:

- ``MFT``: the sentence has the expected coop, conf, dyads, direction, voice,
  modality and speaker (``*`` or an empty expectation is not checked);
- ``INV``: the actors of a template change or swap; coop, conf and the
  relation of the slots' pair stay the same and the direction follows the slots;
- ``DIR``: the perturbed sentence (a negated cooperation, a de-escalated
  conflict) has its expected labels, and its coop/conf differ from those the
  system gave the base sentence (the ``base`` row, same fillers).

Run it with ``from analysis.checklist import run_checklist, failure_rates``;
``python -m analysis.checklist --mode full --rates FILE`` writes the rates.
"""

from __future__ import annotations

import argparse
import importlib.resources
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from . import language
from . import lexicon as lx
from .pipeline import iter_scored
from .read import Article, build_article
from .scoring import MODALITIES, FrameScorer

CASES_FILE = "cases.tsv"
FILLS_FILE = "fills.tsv"
CASE_COLUMNS = ("id", "capability", "test_type", "category", "template", "fills", "date",
                "expect_coop", "expect_conf", "expect_dyads", "expect_direction", "expect_voice",
                "expect_modality", "expect_speaker", "base", "note")
FILL_COLUMNS = ("list", "value", "code", "number", "date", "note")
TEST_TYPES = ("MFT", "INV", "DIR")
RELATIONS = ("coop", "conf", "mixed")
VOICES = ("narrator", "quoted")
#: Coalitions the codebook counts as organised parties but ``actors.tsv`` has no code for.
EXTRA_CODES = frozenset({"G7", "WEST"})
#: Expanded cases a capability needs at least.
MIN_CASES = 30

_SLOT = re.compile(r"\{([A-Z])\}")
_AGREE = re.compile(r"\{([A-Z])\|([^|{}]*)\|([^|{}]*)\}")
_CONTRACTIONS = ((re.compile(r"\bde les\b"), "des"), (re.compile(r"\bde le\b"), "du"),
                 (re.compile(r"\bà les\b"), "aux"), (re.compile(r"\bà le\b"), "au"))
_ELISION = re.compile(r"\b(de|que) (?=[aeiouyàâéèêîïôûAEIOUYÀÂÉÈÊÎÏÔÛÁÓ])")


@dataclass(frozen=True)
class Fill:
    """One slot filler: its text, actor code (``-`` for a phrase), number and date."""

    value: str
    code: str
    number: str
    date: str

    @property
    def actor(self) -> bool:
        return self.code != "-"


# ---------------------------------------------------------------- reading the data

def _table(filename: str, columns: tuple[str, ...]) -> language.Table:
    """A versioned table of ``analysis/data/checklist/``."""
    resource = importlib.resources.files("analysis") / "data" / "checklist" / filename
    return language.parse_table(resource.read_text(encoding="utf-8"), f"checklist/{filename}",
                                columns)


def load_fills() -> dict[str, list[Fill]]:
    """The slot lists of ``fills.tsv``, by list name, in file order."""
    lists: dict[str, list[Fill]] = {}
    for _, (name, value, code, number, date, _note) in _table(FILLS_FILE, FILL_COLUMNS).rows:
        lists.setdefault(name, []).append(Fill(value, code, number, date))
    return lists


def load_templates() -> pd.DataFrame:
    """The templates of ``cases.tsv``, one row each, with the file's line numbers."""
    table = _table(CASES_FILE, CASE_COLUMNS)
    frame = pd.DataFrame([r for _, r in table.rows], columns=list(CASE_COLUMNS))
    frame.insert(0, "line", [line for line, _ in table.rows])
    return frame


def valid_codes() -> frozenset[str]:
    """Actor codes an expectation may name: the actor dictionary's, plus :data:`EXTRA_CODES`."""
    codes = {c for c in lx.load_actors()["code"] if re.fullmatch(r"[A-Z]{2,4}", c)}
    return frozenset(codes - {"PAIR"}) | EXTRA_CODES


# ---------------------------------------------------------------- expansion

def _parse_fills(spec: str) -> tuple[dict[str, str], dict[str, str], int, bool]:
    """``A=L;B~M;n=3;same=1`` → (product slots, rotating slots, n, same codes allowed)."""
    product: dict[str, str] = {}
    rotating: dict[str, str] = {}
    n, same = 1, False
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        if part.startswith("n="):
            n = int(part[2:])
        elif part == "same=1":
            same = True
        elif "=" in part:
            slot, name = part.split("=", 1)
            product[slot] = name
        elif "~" in part:
            slot, name = part.split("~", 1)
            rotating[slot] = name
        else:
            raise ValueError(f"bad fills item {part!r}")
    return product, rotating, n, same


def _distinct(chosen: Mapping[str, Fill]) -> bool:
    codes = [f.code for f in chosen.values() if f.actor]
    return len(codes) == len(set(codes))


def assignments(spec: str, fills: Mapping[str, list[Fill]]) -> list[dict[str, Fill]]:
    """Every slot assignment of a template: the product of ``=`` slots (actor codes
    distinct unless ``same=1``), each with the ``~`` slots rotating with the case number."""
    product, rotating, n, same = _parse_fills(spec)
    combos = [dict(zip(product, values, strict=True))
              for values in itertools.product(*(fills[name] for name in product.values()))]
    combos = [c for c in combos if same or _distinct(c)] if product else [{} for _ in range(n)]
    out = []
    for k, combo in enumerate(combos):
        chosen = dict(combo)
        for slot, name in rotating.items():
            options = fills[name]
            for shift in range(len(options)):
                chosen[slot] = options[(k + shift) % len(options)]
                if same or _distinct(chosen):
                    break
        out.append(chosen)
    return out


def render(template: str, chosen: Mapping[str, Fill]) -> str:
    """The sentence: phrases first (they may hold actor slots), agreement, actors, French
    contractions (de le → du) and elisions (de A → d'A), a capital first letter."""
    text = template
    for slot, fill in chosen.items():
        if not fill.actor:
            text = text.replace("{" + slot + "}", fill.value)
    text = _AGREE.sub(lambda m: m.group(2) if chosen[m.group(1)].number == "sg" else m.group(3),
                      text)
    text = _SLOT.sub(lambda m: chosen[m.group(1)].value, text)
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    text = _ELISION.sub(lambda m: m.group(1)[:-1] + "'", text)
    first = next((i for i, ch in enumerate(text) if ch.isalpha()), 0)
    return text[:first] + text[first:first + 1].upper() + text[first + 1:]


def _codes_of(expr: str, chosen: Mapping[str, Fill], field: str) -> str:
    """A slot expression with every ``{X}`` replaced by the filler's code (or text)."""
    return _SLOT.sub(lambda m: getattr(chosen[m.group(1)], field), expr)


def _resolve_dyads(expr: str, chosen: Mapping[str, Fill]) -> str:
    if expr in ("-", "*", ""):
        return expr
    out = []
    for item in expr.split(";"):
        a, b, rel = _codes_of(item, chosen, "code").split("|")
        out.append("|".join([*sorted((a, b)), rel]))
    return ";".join(out)


def _case_rows(t: Mapping[str, str], fills: Mapping[str, list[Fill]]) -> list[dict[str, object]]:
    """The concrete cases of one template row."""
    rows = []
    for k, chosen in enumerate(assignments(t["fills"], fills)):
        dates = [f.date for f in chosen.values() if f.date]
        rows.append({
            "case_id": f"{t['id']}#{k:02d}", "template_id": t["id"], "capability": t["capability"],
            "test_type": t["test_type"], "category": t["category"],
            "text": render(t["template"], chosen), "date": dates[0] if dates else t["date"],
            "expect_coop": int(t["expect_coop"]), "expect_conf": int(t["expect_conf"]),
            "expect_dyads": _resolve_dyads(t["expect_dyads"], chosen),
            "expect_direction": _codes_of(t["expect_direction"], chosen, "code"),
            "expect_voice": t["expect_voice"], "expect_modality": t["expect_modality"],
            "expect_speaker": _codes_of(t["expect_speaker"], chosen, "value"),
            "base_case": f"{t['base']}#{k:02d}" if t["base"] else "",
            "slots": ";".join(f"{s}={f.code}" for s, f in chosen.items() if f.actor),
            "slot_dyads": t["expect_dyads"], "slot_direction": t["expect_direction"],
            "note": t["note"],
        })
    return rows


def expand_cases() -> pd.DataFrame:
    """One row per concrete sentence, with its expected labels (codes resolved)."""
    fills = load_fills()
    rows = [r for t in load_templates().to_dict("records") for r in _case_rows(t, fills)]
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- validation

def _dyad_problems(expr: str, codes: frozenset[str]) -> list[str]:
    if expr in ("-", "*"):
        return []
    problems = []
    for item in expr.split(";"):
        parts = item.split("|")
        if len(parts) != 3 or parts[2] not in RELATIONS:
            problems.append(f"dyad {item!r}: want X|Y|coop/conf/mixed")
        elif not {parts[0], parts[1]} <= codes or parts[0] == parts[1]:
            problems.append(f"dyad {item!r}: two different codes of {sorted(codes)}")
        elif parts[0] > parts[1]:
            problems.append(f"dyad {item!r}: codes not in alphabetical order")
    return problems


def label_problems(case: Mapping[str, object], codes: frozenset[str] | None = None) -> list[str]:
    """What is wrong with an expanded case's expected labels (empty when all are valid)."""
    codes = codes if codes is not None else valid_codes()
    problems = [f"{k} must be 0 or 1" for k in ("expect_coop", "expect_conf")
                if case[k] not in (0, 1)]
    problems += _dyad_problems(str(case["expect_dyads"]), codes)
    direction = str(case["expect_direction"])
    if direction and (direction.count(">") != 1 or not set(direction.split(">")) <= codes):
        problems.append(f"direction {direction!r}: want X>Y with two codes")
    if case["expect_voice"] not in (*VOICES, "*"):
        problems.append(f"voice {case['expect_voice']!r}")
    if case["expect_modality"] not in (*MODALITIES, "*"):
        problems.append(f"modality {case['expect_modality']!r}")
    if case["test_type"] not in TEST_TYPES:
        problems.append(f"test type {case['test_type']!r}")
    if "{" in str(case["text"]) or "|" in str(case["text"]):
        problems.append(f"unfilled slot in {case['text']!r}")
    return problems


# ---------------------------------------------------------------- scoring

def _article(case: Mapping[str, object]) -> Article:
    """One case as a one-sentence document whose ``published`` date is the case's date."""
    art = build_article(str(case["case_id"]), "checklist", str(case["text"]))
    art.meta.update(published=str(case["date"]), published_source="checklist case date")
    return art


def _merge_dyads(dyads: Iterable[Mapping[str, object]]) -> dict[tuple[str, str], list[str]]:
    """(a, b) → [relation, source, target], sentences of one document merged."""
    merged: dict[tuple[str, str], list[str]] = {}
    for d in dyads:
        key = (str(d["actor_a"]), str(d["actor_b"]))
        rel, src, tgt = str(d["relation"]), str(d.get("source") or ""), str(d.get("target") or "")
        if key in merged and merged[key][0] != rel:
            merged[key][0] = "mixed"
        merged.setdefault(key, [rel, src, tgt])
        if src and not merged[key][1]:
            merged[key][1:] = [src, tgt]
    return merged


def _system_row(sentences: Sequence[Mapping[str, object]],
                dyads: Iterable[Mapping[str, object]]) -> dict[str, object]:
    """The system's labels for one document (its scored sentences taken together)."""
    scored = [s for s in sentences if "coop" in s]
    merged = _merge_dyads(dyads)
    modalities = [str(s["modality"]) for s in scored if s["modality"] != "asserted"]
    return {
        "n_sentences": len(scored),
        "sys_coop": max((int(s["coop"]) for s in scored), default=0),
        "sys_conf": max((int(s["conf"]) for s in scored), default=0),
        "sys_dyads": ";".join(f"{a}|{b}|{v[0]}" for (a, b), v in sorted(merged.items())),
        "sys_direction": ";".join(f"{v[1]}>{v[2]}" for _, v in sorted(merged.items()) if v[1]),
        "sys_voice": "quoted" if any(s["voice"] == "quoted" for s in scored) else "narrator",
        "sys_modality": modalities[0] if modalities else "asserted",
        "sys_speaker": next((str(s["speaker"]) for s in scored if s["speaker"]), ""),
        "sys_actors": ";".join(dict.fromkeys(a for s in scored for a in str(s["actors"]).split(";")
                                             if a)),
        "evidence": " / ".join(str(s["evidence"]) for s in scored if s["evidence"]),
    }


def score_cases(cases: pd.DataFrame, mode: Literal["full", "fast", "lexical"] = "full",
                ) -> pd.DataFrame:
    """The system's labels for every case, each scored as its own dated document."""
    scorer = FrameScorer(mode=mode).fit()
    articles = [_article(c) for c in cases.to_dict("records")]
    rows = [_system_row(r.sentences, r.dyads)
            for r in iter_scored(articles, mode=mode, tone=False, scorer=scorer)]
    return pd.DataFrame(rows, index=cases.index)


# ---------------------------------------------------------------- checking

def _pairs(sys_dyads: str) -> dict[tuple[str, str], str]:
    return {(a, b): rel for a, b, rel in (d.split("|") for d in sys_dyads.split(";") if d)}


def _dyad_failures(case: Mapping[str, object]) -> list[str]:
    expected, got = str(case["expect_dyads"]), _pairs(str(case["sys_dyads"]))
    if expected == "*":
        return []
    if expected == "-":
        return [f"dyads: got {case['sys_dyads']}, want none"] if got else []
    out = []
    for item in expected.split(";"):
        a, b, rel = item.split("|")
        have = got.get((a, b), "none")
        if have != rel:
            out.append(f"dyad {a}|{b}: got {have}, want {rel}")
    return out


def _direction_failure(case: Mapping[str, object]) -> list[str]:
    want = str(case["expect_direction"])
    if not want:
        return []
    pair = tuple(sorted(want.split(">")))
    got = next((d for d in str(case["sys_direction"]).split(";")
                if d and tuple(sorted(d.split(">"))) == pair), "none")
    return [] if got == want else [f"direction: got {got}, want {want}"]


def label_failures(case: Mapping[str, object]) -> list[str]:
    """Why a scored case misses its expected labels (empty when it meets them all)."""
    out = [f"{k}: got {case['sys_' + k]}, want {case['expect_' + k]}" for k in ("coop", "conf")
           if int(case["sys_" + k]) != int(case["expect_" + k])]
    out += _dyad_failures(case) + _direction_failure(case)
    for k in ("voice", "modality"):
        if case["expect_" + k] != "*" and case["sys_" + k] != case["expect_" + k]:
            out.append(f"{k}: got {case['sys_' + k]}, want {case['expect_' + k]}")
    if case["expect_speaker"] and case["sys_speaker"] != case["expect_speaker"]:
        out.append(f"speaker: got {case['sys_speaker']!r}, want {case['expect_speaker']!r}")
    if not case["n_sentences"]:
        out.append("not scored (no French sentence found)")
    return out


def _signature(case: Mapping[str, object]) -> str:
    """coop, conf, and the slots' relations and direction written with slot letters."""
    codes = dict(s.split("=") for s in str(case["slots"]).split(";") if s)
    slot_of = {c: s for s, c in codes.items()}
    got = _pairs(str(case["sys_dyads"]))
    rels = []
    for item in str(case["slot_dyads"]).split(";"):
        if item.count("|") != 2:  # "-" or "*": no pair to compare
            continue
        a, b = (codes.get(x.strip("{}"), x) for x in item.split("|")[:2])
        rels.append(got.get(tuple(sorted((a, b))), "none"))  # type: ignore[arg-type]
    dirs = [">".join(slot_of.get(c, c) for c in d.split(">"))
            for d in str(case["sys_direction"]).split(";") if d]
    return f"coop={case['sys_coop']} conf={case['sys_conf']} dyads={','.join(rels)} " \
           f"direction={','.join(sorted(dirs))}"


def _reference(sigs: pd.Series, labels_ok: pd.Series) -> str:
    """An INV group's reference output: its most common signature; a tie goes to a
    signature whose cases meet their expected labels, then to the first case's."""
    counts = Counter(sigs)
    top = max(counts.values())
    tied = [sig for sig in dict.fromkeys(sigs) if counts[sig] == top]
    return next((sig for sig in tied if labels_ok[sigs == sig].any()), tied[0])


def _judge(results: pd.DataFrame) -> pd.DataFrame:
    """``passed`` and ``failure`` of every case, by its test type."""
    results = results.copy()
    failures = [label_failures(c) for c in results.to_dict("records")]
    results["labels_ok"] = [not f for f in failures]
    reasons = ["; ".join(f) for f in failures]
    sigs = pd.Series([_signature(c) for c in results.to_dict("records")], index=results.index)
    by_id = results.set_index("case_id")
    for pos, (idx, case) in enumerate(results.iterrows()):
        if case["test_type"] == "INV":
            members = results["template_id"] == case["template_id"]
            modal = _reference(sigs[members], results.loc[members, "labels_ok"])
            reasons[pos] = "" if sigs[idx] == modal else f"INV: {sigs[idx]} (group: {modal})"
        elif case["test_type"] == "DIR":
            base = by_id.loc[case["base_case"]]
            if (base["sys_coop"], base["sys_conf"]) == (case["sys_coop"], case["sys_conf"]):
                reasons[pos] = "; ".join(filter(None, [reasons[pos], "DIR: coop/conf unchanged "
                                                       f"from the base sentence ({base['text']})"]))
    results["failure"] = reasons
    results["passed"] = [not r for r in reasons]
    return results


def run_checklist(mode: Literal["full", "fast", "lexical"] = "full",
                  cases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every case (default: :func:`expand_cases`) with the system's coop, conf, dyads,
    direction, voice, modality and speaker, ``labels_ok``, ``passed`` and ``failure``."""
    cases = expand_cases() if cases is None else cases
    results = pd.concat([cases, score_cases(cases, mode)], axis=1)
    results.insert(0, "mode", mode)
    return _judge(results)


def failure_rates(results: pd.DataFrame,
                  by: Sequence[str] = ("capability", "test_type")) -> pd.DataFrame:
    """Cases, failures and failure rate per group (default: capability and test type).

    ``frame_failed`` counts the cases whose coop or conf differs from the expected
    labels (whatever the test type): the rest of the failures are dyads, direction,
    voice, modality or speaker, or an INV/DIR comparison.
    """
    frame_wrong = ((results["sys_coop"] != results["expect_coop"])
                   | (results["sys_conf"] != results["expect_conf"]))
    frame = results.assign(_failed=~results["passed"], _frame=frame_wrong)
    grouped = frame.groupby(list(by), sort=True)
    out = pd.DataFrame({"n": grouped.size(), "failed": grouped["_failed"].sum().astype(int)})
    out["rate"] = (out["failed"] / out["n"]).round(4)
    out["frame_failed"] = grouped["_frame"].sum().astype(int)
    return out.reset_index()


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m analysis.checklist [--mode M] [--rates FILE] [--results FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", default="full", choices=("full", "fast", "lexical"))
    parser.add_argument("--rates", help="write the failure rates here (TSV)")
    parser.add_argument("--results", help="write every case's result here (TSV)")
    args = parser.parse_args(argv)
    results = run_checklist(args.mode)
    rates = failure_rates(results)
    if args.results:
        results.to_csv(args.results, sep="\t", index=False)
    if args.rates:
        rates.to_csv(args.rates, sep="\t", index=False, lineterminator="\n")
    print(rates.to_string(index=False))


if __name__ == "__main__":  # pragma: no cover
    main()
