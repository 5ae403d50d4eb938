"""Golden snapshot of the scorer's full output, to prove that a refactor changed nothing.

For every mode (full, fast, lexical) the scorer's complete per-sentence
result (text span, voice, speaker, flags, weights, modality, evidence,
actors, every event with its rule, every dyad) is computed for

* the five seed articles, paragraph by paragraph as the pipeline reads them, at
  the date the pipeline gives the scorer (their ``published`` metadata),
* 300 generated documents of UD French-GSD sentences (12 sentences each),

and the seeds' output tables (articles, sentences, dyads, actors, stance,
tone columns off) are written as CSV. Each document and each table is
reduced to a SHA-256 digest; ``tests/golden/snapshot.json`` holds the
committed digests and ``tests/scoring/test_golden.py`` checks them.

Usage (from the repository root)::

    python tests/golden_snapshot.py check              # which documents differ
    python tests/golden_snapshot.py dump DIR           # readable records, one JSON line per sentence
    python tests/golden_snapshot.py diff --against REF # sentence-level diff against a git revision
    python tests/golden_snapshot.py update             # rewrite the snapshot (say why in the commit)

An output change is always a deliberate update of the snapshot, in its own
commit, with the reason and the ``diff`` output summarised in the message.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = Path(__file__).resolve().parent / "golden" / "snapshot.json"
MODES = ("full", "fast", "lexical")
N_UD_DOCS = 300
UD_SENTENCES_PER_DOC = 12
UD_SEED = 13
TABLES = ("articles", "sentences", "dyads", "actors", "stance")


def _clean(value: object) -> object:
    """JSON-stable value: NaN as the string "nan", floats rounded to 6 places."""
    if isinstance(value, float):
        return "nan" if math.isnan(value) else round(value, 6)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def documents() -> Iterator[tuple[str, list[str], str]]:
    """(document id, paragraph strings, date) for the seeds and the generated UD documents
    (undated)."""
    from analysis import paths
    from analysis.corpora import make_documents
    from analysis.pipeline import scoring_date
    from analysis.read import read_corpus

    for art in read_corpus([paths.SEEDS], warn=False):
        if art.status == "ok":
            yield (f"seed:{art.article_id}", [p.text for p in art.paragraphs if p.scored],
                   scoring_date(art))
    docs = make_documents(N_UD_DOCS, sentences_per_doc=UD_SENTENCES_PER_DOC, seed=UD_SEED)
    for k, text in enumerate(docs):
        yield f"ud:{k:03d}", [p for p in text.split("\n\n") if p.strip()], ""


def records(mode: str) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """(document id, one record per sentence) in ``mode``."""
    from analysis.scoring import FrameScorer

    scorer = FrameScorer(mode=mode).fit()
    for doc_id, paragraphs, date in documents():
        rows = []
        for p, sents in enumerate(scorer.score_texts(paragraphs, date=date)):
            for s in sents:
                rows.append({"paragraph": p, **_clean(dataclasses.asdict(s))})
        yield doc_id, rows


def seed_tables(mode: str) -> dict[str, bytes]:
    """The seeds' output tables in ``mode`` (stance on, tone off), as CSV bytes."""
    import warnings

    from analysis import paths
    from analysis.pipeline import score, write_tables

    cwd = os.getcwd()
    try:  # by their relative path, so the tables do not depend on the checkout's location
        os.chdir(paths.ROOT)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scored = score(["seeds"], mode=mode, tone=False, stance=True)
    finally:
        os.chdir(cwd)
    with tempfile.TemporaryDirectory() as tmp:
        written = write_tables(scored, tmp)
        return {name: Path(p).read_bytes() for name, p in sorted(written.items())}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _line(row: dict[str, object]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def compute() -> dict[str, object]:
    """The snapshot: one digest per mode and document, and per mode and seed table."""
    out: dict[str, object] = {
        "corpus": {"seeds": str(Path("seeds")), "ud_docs": N_UD_DOCS,
                   "ud_sentences_per_doc": UD_SENTENCES_PER_DOC, "ud_seed": UD_SEED},
        "documents": {}, "tables": {},
    }
    for mode in MODES:
        out["documents"][mode] = {
            doc_id: _digest("\n".join(_line(r) for r in rows).encode())
            for doc_id, rows in records(mode)}
        out["tables"][mode] = {name: _digest(data) for name, data in seed_tables(mode).items()}
    return out


def compare(expected: dict[str, object], actual: dict[str, object]) -> list[str]:
    """Readable lines for every document or table whose digest changed."""
    problems = []
    for section in ("documents", "tables"):
        for mode in MODES:
            exp = expected[section].get(mode, {})
            act = actual[section].get(mode, {})
            for key in sorted(set(exp) | set(act)):
                if exp.get(key) != act.get(key):
                    problems.append(f"{section} {mode} {key}: "
                                    f"{(exp.get(key) or 'missing')[:12]} -> "
                                    f"{(act.get(key) or 'missing')[:12]}")
    return problems


def dump(folder: Path) -> None:
    """Write the readable records: DIR/MODE.jsonl, one sentence per line."""
    folder.mkdir(parents=True, exist_ok=True)
    for mode in MODES:
        with open(folder / f"{mode}.jsonl", "w", encoding="utf-8") as fh:
            for doc_id, rows in records(mode):
                for k, row in enumerate(rows):
                    fh.write(_line({"doc": doc_id, "sentence": k, **row}) + "\n")


def diff(old: Path, new: Path, limit: int = 200) -> int:
    """Print each sentence whose record differs between two dumps, field by field."""
    changed = 0
    for mode in MODES:
        a = [json.loads(x) for x in (old / f"{mode}.jsonl").read_text("utf-8").splitlines()]
        b = [json.loads(x) for x in (new / f"{mode}.jsonl").read_text("utf-8").splitlines()]
        ka = {(r["doc"], r["sentence"]): r for r in a}
        kb = {(r["doc"], r["sentence"]): r for r in b}
        for key in sorted(set(ka) | set(kb)):
            ra, rb = ka.get(key), kb.get(key)
            if ra == rb:
                continue
            changed += 1
            if changed > limit:
                continue
            print(f"[{mode}] {key[0]} sentence {key[1]}: "
                  f"{(ra or rb or {}).get('text', '')[:100]!r}")
            if ra is None or rb is None:
                print("   only in", "new" if ra is None else "old")
                continue
            for field in sorted(set(ra) | set(rb)):
                if ra.get(field) != rb.get(field):
                    print(f"   {field}: {ra.get(field)!r}\n   {' ' * len(field)}-> {rb.get(field)!r}")
    print(f"{changed} sentence records differ" + (f" (first {limit} shown)" if changed > limit else ""))
    return changed


def diff_against(ref: str) -> int:
    """Dump the records at git revision ``ref`` (in a temporary worktree) and now; diff them."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), ref],
                       check=True, capture_output=True)
        try:
            env_path = f"PYTHONPATH={tree}"
            subprocess.run(f"{env_path} {sys.executable} {tree}/tests/golden_snapshot.py "
                           f"dump {tmp}/old", shell=True, check=True, cwd=tree)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=False, capture_output=True)
        dump(Path(tmp) / "new")
        return diff(Path(tmp) / "old", Path(tmp) / "new")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check", help="compare the current output with the committed snapshot")
    sub.add_parser("update", help="rewrite tests/golden/snapshot.json")
    d = sub.add_parser("dump", help="write readable per-sentence records into DIR")
    d.add_argument("folder", type=Path)
    df = sub.add_parser("diff", help="sentence-level diff against a git revision or two dumps")
    df.add_argument("--against", help="git revision whose output to compare with")
    df.add_argument("--dumps", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        dump(args.folder)
        return 0
    if args.cmd == "diff":
        if args.dumps:
            return int(diff(*args.dumps) > 0)
        return int(diff_against(args.against or "HEAD") > 0)
    actual = compute()
    if args.cmd == "update":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(actual, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {SNAPSHOT}")
        return 0
    problems = compare(json.loads(SNAPSHOT.read_text("utf-8")), actual)
    print("\n".join(problems) or "golden snapshot unchanged")
    return int(bool(problems))


if __name__ == "__main__":
    sys.exit(main())
