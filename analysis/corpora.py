"""Generated corpora of real French text, for scale tests and benchmarks.

Documents are built from the UD French-GSD sentences shipped in
``benchmarks/data`` (CC BY-SA 4.0, credit: the UD_French-GSD contributors,
Guillaume, de Marneffe, Perrier et al.): each document is a random draw of
sentences grouped into paragraphs, so documents differ (no exact duplicates)
and the text is genuine French news, blog and encyclopedic prose.
"""

from __future__ import annotations

import random
from pathlib import Path

from . import paths


def ud_sentences(path: Path = paths.UD_FRENCH_GSD) -> list[str]:
    """The shipped UD French-GSD sentences, one per line."""
    return [ln.strip() for ln in path.read_text("utf-8").splitlines() if ln.strip()]


def make_documents(n_docs: int, sentences_per_doc: int = 24, per_paragraph: int = 3,
                   seed: int = 0) -> list[str]:
    """``n_docs`` article-sized French documents (about 600 words each by default)."""
    sents = ud_sentences()
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        draw = rng.sample(sents, sentences_per_doc)
        paras = [" ".join(draw[i:i + per_paragraph]) for i in range(0, len(draw), per_paragraph)]
        docs.append("\n\n".join(paras) + "\n")
    return docs


def write_corpus(folder: str | Path, n_docs: int, **kwargs: int) -> Path:
    """Write ``make_documents(n_docs)`` as ``doc_000000.txt``… into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    width = max(6, len(str(n_docs)))
    for i, text in enumerate(make_documents(n_docs, **kwargs)):
        (folder / f"doc_{i:0{width}d}.txt").write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- press-shaped articles
#: The treebanks of ``../shared/corpora`` the press shape draws from (one sentence a line).
PRESS_SOURCES = ("ud-french-gsd", "ud-french-pud", "ud-french-sequoia")
#: Agency signatures closing about half the articles (as in AFP/Belga/ATS/APS copy).
_SIGNATURES = ("(AFP)", "Avec AFP", "(Reuters)", "(Belga)", "(ATS)", "(APS)")


def corpus_sentences(folder: Path = paths.CORPORA,
                     sources: tuple[str, ...] = PRESS_SOURCES) -> list[str]:
    """The sentences of the shared UD treebanks (``sentences.txt`` of each source), in order."""
    out: list[str] = []
    for name in sources:
        out.extend(ud_sentences(folder / name / "sentences.txt"))
    return out


def make_press_documents(n_docs: int, seed: int = 0, target_bytes: int = 4550,
                         sentences: list[str] | None = None) -> list[str]:
    """``n_docs`` press-shaped French articles of about ``target_bytes`` UTF-8 bytes each.

    Each has a title line (a short sentence without its final stop), 8 to 15
    paragraphs of 1 to 4 sentences, in about half a "Lire aussi : ..." line
    between two paragraphs and in about half an agency signature as the last
    line: the shape of the French, Belgian, Swiss, Québec and Algerian press
    articles the speed issue measured (4.7 KB on average: ``target_bytes`` is the
    middle of the drawn length, before the title and the last sentence added).
    Deterministic for a seed.
    """
    sents = sentences if sentences is not None else corpus_sentences()
    titles = [s.rstrip(" .!?…") for s in sents if 30 <= len(s) <= 90 and s[:1].isupper()]
    rng = random.Random(seed)
    return [_press_document(rng, sents, titles, target_bytes) for _ in range(n_docs)]


def _press_document(rng: random.Random, sents: list[str], titles: list[str],
                    target_bytes: int) -> str:
    """One press-shaped article (see :func:`make_press_documents`)."""
    target = rng.randint(int(target_bytes * 0.7), int(target_bytes * 1.3))
    counts = [rng.randint(1, 4) for _ in range(rng.randint(8, 15))]
    paras = [[rng.choice(sents) for _ in range(c)] for c in counts]
    size = sum(len(s.encode("utf-8")) + 1 for p in paras for s in p)
    while size < target and any(len(p) < 4 for p in paras):
        p = rng.choice([p for p in paras if len(p) < 4])
        p.append(rng.choice(sents))
        size += len(p[-1].encode("utf-8")) + 1
    lines = [rng.choice(titles), *(" ".join(p) for p in paras)]
    if rng.random() < 0.5:
        lines.insert(rng.randint(3, len(lines) - 1), "Lire aussi : " + rng.choice(titles))
    if rng.random() < 0.5:
        lines.append(rng.choice(_SIGNATURES))
    return "\n\n".join(lines) + "\n"


def write_press_corpus(folder: str | Path, n_docs: int, seed: int = 0) -> Path:
    """Write ``make_press_documents(n_docs, seed)`` as ``press_000000.txt``… into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    width = max(6, len(str(n_docs)))
    for i, text in enumerate(make_press_documents(n_docs, seed=seed)):
        (folder / f"press_{i:0{width}d}.txt").write_text(text, encoding="utf-8")
    return folder
