"""The codebook ships with the project (docs/codebook.md) and stays the team's codebook."""

from __future__ import annotations

import re

import pytest

from analysis import paths

CODEBOOK = paths.ROOT / "docs" / "codebook.md"
SHARED = paths.SHARED / "CODEBOOK.md"


def _part(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_codebook_defines_every_measured_label() -> None:
    """A user of the published repository finds each measured label defined in it."""
    text = CODEBOOK.read_text(encoding="utf-8")
    for term in ("coop", "conf", "Boilerplate", "Headline", "Dyads", "Voice", "narrator", "quoted",
                 "Article and outlet scores", "D17"):
        assert term in text, term


@pytest.mark.skipif(not SHARED.exists(), reason=f"{SHARED} is not beside the repository")
def test_part_one_is_the_shared_codebook_verbatim() -> None:
    """Part I is the shared text, headings one level down; a change there must be copied here."""
    shared = SHARED.read_text(encoding="utf-8").splitlines()[1:]
    expected = "\n".join("#" + line if line.startswith("#") else line for line in shared).strip()
    part = _part(CODEBOOK.read_text(encoding="utf-8"), "## Part I. The measure\n", "## Part II.").strip()
    assert part == expected


def test_decisions_are_numbered_in_order() -> None:
    numbers = [int(n) for n in re.findall(r"^### D(\d+)\.", CODEBOOK.read_text(encoding="utf-8"), re.M)]
    assert numbers == list(range(1, len(numbers) + 1))
