"""Assembly: the surviving events of a sentence become its :class:`SentenceScore`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from analysis import lexicon as lx

from .events import event_dict
from .result import MODALITIES, SentenceScore, frame_label
from .rules import DROPPED_RULES
from .structures import Event
from .tokens import Tok, unique


def majority_modality(counted: Sequence[Event]) -> str:
    """The most frequent modality of the counted events; ties go to the first in text order."""
    mods = [ev.modality for ev in sorted(counted, key=lambda ev: ev.start)]
    return max(MODALITIES, key=lambda mo: (mods.count(mo), -mods.index(mo))
               if mo in mods else (0, -len(mods)))


def assemble(start: int, end: int, text: str, toks: Sequence[Tok], events: list[Event],
             synthetic: list[Event], evidence_after: dict[int, list[str]], *, voice: str,
             speaker: str, actors: list[str], dyads: list[dict[str, Any]],
             default_modality: Callable[[], str], offsets: bool = True) -> SentenceScore:
    """Flags, weights, modality and evidence from the events that survived the rules.

    ``synthetic`` events (joint fights, "contre Daech") count beside the lexicon
    events; ``evidence_after`` holds evidence placed after an event's own
    (``joint:RUS+USA``). Dropped events stay in the evidence when their rule
    is one that drops (:data:`~analysis.scoring.rules.DROPPED_RULES`).
    """
    joint_events = [ev for ev in synthetic if ev.rule == "joint"]
    counted = [ev for ev in events if ev.counted] + synthetic
    coop_events = [ev for ev in counted if ev.quad in lx.COOP_QUADS]
    conf_events = [ev for ev in counted if ev.quad in lx.CONF_QUADS]
    coop, conf = int(bool(coop_events)), int(bool(conf_events))
    weights = [ev.weight for ev in counted]
    parts: list[str] = []
    ordered = sorted(events + synthetic, key=lambda ev: (ev.start, ev in joint_events))
    for ev in ordered:
        if ev.evidence and (ev.counted or ev.rule in DROPPED_RULES):
            parts.append(ev.evidence)
        if ev not in joint_events:
            parts.extend(evidence_after.pop(ev.start, []))
    return SentenceScore(
        start=start, end=end, text=text, voice=voice, speaker=speaker, coop=coop, conf=conf,
        coop_score=float(round(sum(ev.weight for ev in coop_events), 6)),
        conf_score=float(round(sum(abs(ev.weight) for ev in conf_events), 6)),
        goldstein=round(sum(weights) / len(weights), 6) if weights else float("nan"),
        frame=frame_label(coop, conf),
        modality=majority_modality(counted) if counted else default_modality(),
        evidence="; ".join(unique(parts)), actors=actors,
        events=[event_dict(ev, toks if offsets else None) for ev in ordered
                if ev.rule != "stop"],
        dyads=dyads,
    )
