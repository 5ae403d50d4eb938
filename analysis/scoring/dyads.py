"""Dyad rules: which actors of a sentence cooperate or conflict, and who acts on whom."""

from __future__ import annotations

from typing import Any

from analysis import lexicon as lx

from .events import mod, modality_of
from .french import DETERMINERS, SKIPPABLE
from .matcher import COORDINATORS, ENEMY_CODES, LexRow
from .structures import Context, Event, Mention, Sent
from .tokens import Tok, first_word, unique
from .words import FRONTED, INTERACTION, POSSESSIVES


def find_dyads(ctx: Context, sent: Sent, events: list[Event], excluded: set[int],
               speaker_mentions: list[Mention], evidence_after: dict[int, list[str]],
               full: bool) -> tuple[list[dict[str, Any]], list[Event]]:
    if not events and not any(m.code in ENEMY_CODES for m in sent.mentions):
        return [], []  # no event and no "contre Daech": nothing can pair (fast path)
    toks = sent.toks
    n = len(toks)
    bounds = [k for k, t in enumerate(toks) if t.w == ";" or (
        t.w == "que" and not (k > 0 and toks[k - 1].w in ("ainsi", "plutôt", "ce", "ne",
                                                          "moins", "plus")))]
    first = first_word(toks)
    fw = toks[first].w if toks else ""
    if fw in FRONTED or fw.endswith("ant") or (
            first + 1 < n and fw == "se" and toks[first + 1].w.endswith("ant")):
        comma = next((k for k in range(first, n) if toks[k].w == ","), None)
        if comma is not None:
            bounds.append(comma)
            bounds.sort()
    if excluded:
        # a speech attribution separates what comes before from what follows it
        bounds = sorted(set(bounds) | {min(excluded), max(excluded)})
    mentions = [m for m in sent.mentions if m.all_codes()]
    has_conflict = any(ev.conf for ev in events) or any(t.w == "contre" for t in toks)
    contrib: dict[tuple[str, str], list[dict[str, Any]]] = {}
    synthetic: list[Event] = []

    def window(ev: Event) -> tuple[int, int]:
        lo = max((b for b in bounds if b < ev.start), default=-1) + 1
        hi = min((b for b in bounds if b >= ev.end), default=n)
        return lo, hi

    def preceded_by(m: Mention, words: tuple[str, ...]) -> bool:
        k = (m.hstart if 0 <= m.hstart < m.start else m.start) - 1
        while k >= 0 and toks[k].w in DETERMINERS:
            k -= 1
        return k >= 0 and (toks[k].w in words or (
            toks[k].w == "à" and k > 0 and toks[k - 1].w == "face"))

    def possessor(ev: Event) -> list[Mention]:
        """Who "sa rencontre" belongs to: the speaker or the sentence's first person."""
        if speaker_mentions:
            return [m for m in speaker_mentions if m.all_codes()][:1]
        lo, hi = window(ev)
        people = [m for m in mentions if m.person and not (lo <= m.start < hi)]
        people = people or [m for m in mentions if m.person and m.start < ev.start]
        if people:
            return people[:1]
        if ctx.person_code:
            return [Mention(ev.start, ev.start, ctx.person_code, "pronoun",
                             ctx.person, "", person=True, pronoun="poss")]
        return []

    # noun events with a possessive or "avec/entre X" own the actors of their phrase
    local: dict[int, list[Mention]] = {}
    claimed: set[int] = set()
    for ev in events:
        if ev.verb or not ev.counted or ev.quad not in lx.COOP_QUADS:
            continue
        lo, hi = window(ev)
        partners = [m for m in mentions if ev.end <= m.start < min(hi, ev.end + 10)
                    and preceded_by(m, ("avec", "entre"))]
        if partners:
            # coordinated partners: "avec la Turquie et l'Iran"
            last = partners[-1]
            for m in mentions:
                if m.start >= last.end and m.start - last.end <= 2 and m not in partners \
                        and all(toks[k].w in ("et", ",", "m.") or toks[k].title
                                for k in range(last.end, m.hstart if 0 <= m.hstart < m.start
                                               else m.start)):
                    partners.append(m)
                    last = m
        poss = ev.start > 0 and toks[ev.start - 1].w in POSSESSIVES
        if poss or partners:
            owners = possessor(ev) if poss else []
            local[ev.start] = owners + partners
            claimed.update(m.start for m in partners)

    def participants(ev: Event) -> list[Mention]:
        if ev.start in local and unique(c for m in local[ev.start]
                                         for c in m.all_codes()):
            return local[ev.start]
        lo, hi = window(ev)
        inside = [m for m in mentions if lo <= m.start < hi and m.start not in excluded
                  and not (ev.coop and m.start in claimed)]
        if not inside and lo > 0:
            # "X et Y ont déclaré qu'une collaboration aura lieu": the reporting clause
            plo = max((b for b in bounds if b < lo - 1), default=-1) + 1
            inside = [m for m in mentions if plo <= m.start < lo - 1
                      and not (m.pronoun and m.start in excluded)]
        if not inside:
            inside = [m for m in speaker_mentions if m.all_codes()]
        return inside

    def add(a: str, b: str, relation: str, ev: Event, evidence: str,
            source: str = "", target: str = "", category: str = "", weight: float = 0.0,
            ) -> None:
        if a == b or not a or not b:
            return
        key = (a, b) if a < b else (b, a)
        cat = category or ev.category
        contrib.setdefault(key, []).append({
            "relation": relation, "category": cat,
            "quad_class": lx.CATEGORY_QUAD.get(cat, ev.quad),
            "weight": weight or ev.weight, "negated": ev.negated,
            "modality": ev.modality, "evidence": evidence, "source": source,
            "target": target,
        })

    # "contre Daech" with no conflict word in its clause is still a fight
    for m in mentions:
        if m.code in ENEMY_CODES and preceded_by(m, ("contre", "encontre")):
            lo_hi = [window(ev) for ev in events if ev.conf]
            if any(lo <= m.start < hi for lo, hi in lo_hi):
                continue
            row = LexRow("contre", "MWE", "ASSAULT", "material_conf",
                          lx.SCHRODT_SCORES["ASSAULT"], "190", "event")
            k = m.start - 1
            while k > 0 and toks[k].w != "contre":
                k -= 1
            ev = Event(k, m.end, row, "ASSAULT", "material_conf",
                        lx.SCHRODT_SCORES["ASSAULT"], verb=False, rule="against",
                        modality=modality_of(toks, k, m.end, full))
            ev.evidence = f"contre:{m.code}[ASSAULT,{ev.weight:+.1f}{mod(ev)}]"
            events.append(ev)
            synthetic.append(ev)
    events.sort(key=lambda ev: ev.start)

    event_tokens = {k for ev in events if ev.rule != "against"
                    for k in range(ev.start, ev.end)}
    conflict_targets: set[int] = set()
    for ev in events:
        if not ev.conf:
            continue
        for m in participants(ev):
            if is_target(toks, ev, m, preceded_by, event_tokens):
                conflict_targets.add(m.start)
    window_joint = {
        ev.start: any(o.row.role == "joint" and o.counted and window(o) == window(ev)
                      for o in events) for ev in events}

    for ev in events:
        if not ev.counted:
            continue
        parts = participants(ev)
        relation = "coop" if ev.coop else "conf"
        if ev.coop or ev.rule in ("negated_coop", "halt_coop"):
            parts = [m for m in parts if m.start not in conflict_targets
                     and not preceded_by(m, ("contre", "encontre"))
                     and not (has_conflict and m.code in ENEMY_CODES)]
            codes = unique(c for m in parts for c in m.all_codes())
            if intra_actor(toks, ev, parts, codes):
                ev.counted = False
                ev.rule = "intra_actor"
                ev.evidence = f"intra:{codes[0]}:{ev.row.term}[dropped]"
                continue
            subj = unique(c for m in parts if m.start < ev.start or preceded_by(m, ("par",))
                           for c in m.all_codes())
            obj = unique(c for m in parts if m.start >= ev.end and not preceded_by(
                m, ("par",)) for c in m.all_codes())
            directed = ev.verb and len(subj) == 1 and len(obj) == 1 and subj != obj
            for x in range(len(codes)):
                for y in range(x + 1, len(codes)):
                    a, b = codes[x], codes[y]
                    src = tgt = ""
                    if directed and {a, b} == {subj[0], obj[0]}:
                        src, tgt = subj[0], obj[0]
                    add(a, b, relation, ev, ev.evidence, src, tgt)
            if ev.coop and len(codes) >= 2 and ((ev.verb and len(subj) >= 2) or ev.row.role == "joint"):
                joint_codes = subj if len(subj) >= 2 else codes
                evidence_after.setdefault(ev.start, []).append(
                    "joint:" + "+".join(joint_codes))
            continue
        # conflict: agents against targets; agents together cooperate
        targets = [m for m in parts if m.start in conflict_targets
                   and is_target(toks, ev, m, preceded_by, event_tokens)]
        agents = [m for m in parts if m not in targets]
        if len(unique(c for m in agents for c in m.all_codes())) >= 2 and not (
                window_joint[ev.start] or coordinated(toks, agents)):
            # uncoordinated actors: only the one nearest to the event acts
            agents = [min(agents, key=lambda m: (ev.start - m.end) if m.end <= ev.start
                          else (m.start - ev.end))]
        t_codes = unique(c for m in targets for c in m.all_codes())
        a_codes = [c for c in unique(c for m in agents for c in m.all_codes())
                   if c not in t_codes]
        if t_codes:
            for a in a_codes:
                for t in t_codes:
                    add(a, t, "conf", ev, ev.evidence, a, t)
        joint = False
        if len(a_codes) >= 2:
            first_agent = min(m.start for m in agents)
            reciprocal = (ev.start > 0 and toks[ev.start - 1].w == "se") or any(
                o.row.role == "recip" and window(o) == window(ev) for o in events) or any(
                toks[k].w == "entre" for k in range(max(0, first_agent - 3), first_agent))
            all_before = all(m.start < ev.start or preceded_by(m, ("par",))
                             for m in agents)
            if reciprocal and not t_codes:
                for x in range(len(a_codes)):
                    for y in range(x + 1, len(a_codes)):
                        add(a_codes[x], a_codes[y], "conf", ev, ev.evidence)
            else:
                joint = bool(t_codes) or window_joint[ev.start] or (ev.verb and all_before)
        if joint:
            label = "joint:" + "+".join(a_codes)
            has_coop = any(o.coop and window(o) == window(ev) for o in events)
            for x in range(len(a_codes)):
                for y in range(x + 1, len(a_codes)):
                    add(a_codes[x], a_codes[y], "coop", ev, f"{label}({ev.row.term})",
                        category="COOPERATE", weight=lx.SCHRODT_SCORES["COOPERATE"])
            if not has_coop and not any(s.evidence == label for s in synthetic):
                syn = Event(ev.start, ev.end, ev.row, "COOPERATE", "material_coop",
                             lx.SCHRODT_SCORES["COOPERATE"], verb=ev.verb,
                             modality=ev.modality, rule="joint", evidence=label)
                synthetic.append(syn)
            else:
                evidence_after.setdefault(ev.start, []).append(label)
    dyads: list[dict[str, Any]] = []
    for (a, b), items in contrib.items():
        relations = {it["relation"] for it in items}
        relation = "mixed" if len(relations) > 1 else items[0]["relation"]
        dom = max(items, key=lambda it: abs(it["weight"]))
        directed = [it for it in items if it["source"]]
        src = directed[0]["source"] if directed else ""
        tgt = directed[0]["target"] if directed else ""
        dyads.append({
            "actor_a": a, "actor_b": b, "source": src, "target": tgt,
            "relation": relation, "category": dom["category"],
            "quad_class": dom["quad_class"], "weight": dom["weight"],
            "negated": dom["negated"], "modality": dom["modality"],
            "evidence": "; ".join(unique(it["evidence"] for it in items)),
        })
    return dyads, synthetic


def is_target(toks: list[Tok], ev: Event, m: Mention, preceded_by: Any,
               event_tokens: set[int]) -> bool:
    """Daech/TER, "contre X", or the object of a conflict verb (frapper X)."""
    if m.code in ENEMY_CODES:
        return True
    if preceded_by(m, ("contre", "encontre")):
        return True
    if ev.verb and m.start >= ev.end:
        between = range(ev.end, m.hstart if 0 <= m.hstart < m.start else m.start)
        if len(between) <= 4 and all(toks[k].w in SKIPPABLE or k in event_tokens
                                     for k in between):
            return True
    return False


def coordinated(toks: list[Tok], agents: list[Mention]) -> bool:
    """Are the actors one coordinated phrase ("la Russie et les États-Unis")?"""
    ms = sorted(agents, key=lambda m: m.start)
    for a, b in zip(ms, ms[1:], strict=False):
        end = b.hstart if 0 <= b.hstart < b.start else b.start
        if any(toks[k].w not in COORDINATORS for k in range(a.end, end)):
            return False
    return True


def intra_actor(toks: list[Tok], ev: Event, parts: list[Mention],
                 codes: list[str]) -> bool:
    """Two persons of one actor interacting (Putin meeting his own minister)."""
    if ev.category not in INTERACTION or len(codes) != 1:
        return False
    people = [m for m in parts if m.person or m.titled]
    labels: list[str] = []
    for k, m in enumerate(people):
        nxt = people[k + 1] if k + 1 < len(people) else None
        if m.titled and not m.person and nxt is not None and nxt.person \
                and nxt.code == m.code and nxt.start - m.end <= 2:
            continue  # "le président russe, Vladimir Poutine": one person
        labels.append(m.label if m.person else f"{m.title} {m.text}")
    return len(unique(labels)) >= 2
