"""Boilerplate lines (stamps, navigation, widgets, credits, signatures...) and headlines."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

# ---------------------------------------------------------------- boilerplate

@lru_cache(maxsize=1)
def _boilerplate_rules() -> list[tuple[str, re.Pattern[str]]]:
    """``(kind, pattern)`` rows of ``analysis/data/boilerplate.tsv``, in file order."""
    text = (resources.files("analysis") / "data" / "boilerplate.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [(r["kind"], re.compile(r["pattern"], re.I))
            for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


#: Longer paragraphs are prose: no widget, stamp or signature line is this long.
_MAX_BOILERPLATE_CHARS = 600
_LEADING_STAMP = re.compile(r"^\s*date\s+\d{4}(?:-\d{2}){0,2}\s+")
#: The start of a list item: a bullet or dash, or a number or letter with "." or ")".
_LIST_ITEM = re.compile(r"^(?:[-–—•◦▪▫●○■□*+·>]\s|\d{1,3}\s*[.)]\s|[a-zA-Z][)]\s)")
#: Sentence-final punctuation or a colon at the end, closing quotes and brackets after it.
_ENDS_SENTENCE = re.compile(r"[.!?…:][\s\"»”')\]]*$")
#: A sentence end inside the line: after a word of two lower-case letters (not "M." or an initial).
_TWO_SENTENCES = re.compile(r"[a-zà-ÿ]{2}[.!?…][\"»”)]?\s+[\"«“(]?[A-ZÀ-Ý]")
_SENT_END = re.compile(r"""[.!?…:»"')\]]\s*$""")


def classify_boilerplate(text: str) -> str:
    """Return the boilerplate kind of one normalised paragraph, or ``""``."""
    stripped = text.strip()
    if not any(ch.isalpha() for ch in stripped):
        return "separator" if stripped else "other"
    if len(stripped) > _MAX_BOILERPLATE_CHARS:
        return ""
    for kind, pattern in _boilerplate_rules():
        if pattern.search(stripped):
            return kind
    return ""


def is_list_item(text: str) -> bool:
    """A line starting with a bullet or dash, or a number or letter and "." or ")"."""
    return bool(_LIST_ITEM.match(text.strip()))


def looks_like_headline(text: str) -> bool:
    """A title or sub-title: short, capitalised, no sentence-final punctuation.

    A list item ("- ...", "• ...", "1. ...", "a) ..."), a line ending in a
    colon (it introduces what follows), in a full stop before a closing quote
    (``... confortable. "``) or holding two sentences are never headlines (issue 16).
    """
    stripped = text.strip()
    words = stripped.split()
    return (
        2 <= len(words) <= 25
        and stripped[:1].isupper()
        and not _ENDS_SENTENCE.search(stripped)
        and not _TWO_SENTENCES.search(stripped)
        and not _LIST_ITEM.match(stripped)
        and len(stripped) <= 200
    )
