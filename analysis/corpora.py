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
