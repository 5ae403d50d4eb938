"""The reader's records: :class:`Article`, :class:`Paragraph`, their statuses and warnings."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Literal

Status = Literal[
    "ok", "empty", "unreadable", "not_french", "duplicate", "too_large", "no_body", "unsupported",
    "not_a_file", "scoring_error",
]
Kind = Literal["body", "headline", "boilerplate"]


class InputWarning(UserWarning):
    """A problem with one input document (it is kept, with a status)."""


class InputNote(InputWarning):
    """What the reader did with a document it read ``ok`` (split a long line, repaired
    mojibake, found two articles joined...): information, not a problem.

    A subclass of :class:`InputWarning`, so a filter on that also covers notes;
    the command line prints them as ``note: ...``.
    """


def warn_document(path: str, status: str, problem: str, stacklevel: int = 2) -> None:
    """Report one document's ``problem``: a note if it was read ``ok`` and the reader fixed
    what it found, else a warning (mojibake that "could not be repaired" stays one)."""
    if status == "ok" and "could not" not in problem:
        warnings.warn(f"{path}: {problem}", InputNote, stacklevel=stacklevel + 1)
    else:
        warnings.warn(f"{path}: {status}: {problem}", InputWarning, stacklevel=stacklevel + 1)


@dataclass
class Paragraph:
    """One paragraph (a non-empty line) of an article.

    ``start``/``end`` index the article's stored text; ``text`` is the
    normalised copy used for matching, and ``offsets[i]`` is the index in the
    stored text of ``text[i]`` (``offsets`` has one extra entry for the end).
    """

    paragraph_id: int
    start: int
    end: int
    text: str
    offsets: list[int]
    kind: Kind = "body"
    boilerplate_kind: str = ""
    lang: str = "fr"
    repeat_of: int | None = None
    part: int = 1

    def stored_span(self, i: int, j: int) -> tuple[int, int]:
        """Map a ``[i, j)`` span of the normalised text to the stored text."""
        return self.offsets[i], self.offsets[j - 1] + 1 if j > i else self.offsets[i]

    @property
    def scored(self) -> bool:
        """True for paragraphs the scorer reads: French headlines and body."""
        return self.kind != "boilerplate" and self.lang == "fr"


@dataclass
class Article:
    """One input document, cleaned, with metadata and evidence."""

    article_id: str
    path: str
    text: str = ""
    status: Status = "ok"
    problem: str = ""
    encoding: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    #: articles found in the file (2 when two are joined at a separator line)
    n_parts: int = 1

    @property
    def body(self) -> str:
        """The normalised text of headlines and body paragraphs, boilerplate removed."""
        return "\n".join(p.text for p in self.paragraphs if p.kind != "boilerplate")

    def add_problem(self, message: str) -> None:
        self.problem = f"{self.problem}; {message}" if self.problem else message
