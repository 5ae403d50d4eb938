"""The result of scoring one sentence, and the frame label."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Mode = Literal["full", "fast", "lexical"]

FEATURE_NAMES = ("coop", "conf", "coop_score", "conf_score")
MODALITIES = ("asserted", "future", "conditional", "hypothetical")
FRAMES = ("cooperation", "conflict", "mixed", "neutral")


# --------------------------------------------------------------------------- #
# Result type
# --------------------------------------------------------------------------- #
@dataclass
class SentenceScore:
    """The scores of one sentence (one ``doc.sents`` span).

    ``coop``/``conf`` are 1 when at least one cooperative / conflictual event
    survives the rules; ``coop_score``/``conf_score`` sum the absolute weights
    (PLOVER Schrodt scores) of those events; ``goldstein`` is their mean
    signed weight (NaN when none fired). ``events`` lists every detected
    event word with ``counted`` telling whether it fired; ``dyads`` has one
    entry per unordered pair of distinct actor codes that interact.
    """

    start: int
    end: int
    text: str
    voice: str = "narrator"
    speaker: str = ""
    coop: int = 0
    conf: int = 0
    coop_score: float = 0.0
    conf_score: float = 0.0
    goldstein: float = float("nan")
    frame: str = "neutral"
    modality: str = "asserted"
    evidence: str = ""
    actors: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    dyads: list[dict[str, Any]] = field(default_factory=list)


def frame_label(coop: int | bool | float, conf: int | bool | float) -> str:
    """Frame label from the two flags: mixed, cooperation, conflict or neutral."""
    if coop and conf:
        return "mixed"
    if coop:
        return "cooperation"
    if conf:
        return "conflict"
    return "neutral"


