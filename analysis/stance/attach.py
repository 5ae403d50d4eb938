"""What an evaluative word evaluates: the attachment rules of portrayal and stance.

A word is attached to an actor when it is (part of) its mention, stands in
apposition to it (parsed, or a comma-delimited phrase right after it), modifies
it, is predicated of it (copula, or "qualifier / juger / trouver X (de) Y"),
sits in a participial clause on it, has it as its "de" complement, or is a
conjunct of an attached word; to an interaction noun ("rencontre") or a
pronoun subject ("ce") the same ways. :data:`RULES` lists the rules in the order
they are tried.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .mentions import Mention, interaction_nouns
from .polarity import Entry
from .words import (
    APPOSITION_CONTENT_POS,
    APPOSITION_SKIPPED,
    APPOSITION_START_POS,
    APPOSITION_STOPS,
    CONTEXT_PRONOUNS,
    COPULA_SUBJECT_DEPS,
    DE_FORMS,
    LIST_CONJUNCTIONS,
    MODIFIED_POS,
    MODIFIER_DEPS,
    NAME_DEPS,
    NOMINAL_POS,
    PREDICATE_POS,
    QUALIFY_DE,
    QUALIFY_DE_DEPS,
    QUALIFY_VERBS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
)

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc, Token

#: A general-lexicon noun must weigh at least this to evaluate its "de" complement ("la
#: destruction de Daesh"); weaker ones ("intérêts", "bastion") are mostly descriptive.
NMOD_MIN_WEIGHT = 0.3


@dataclass
class Evaluation:
    """One evaluative word or phrase in a sentence, with what it is attached to."""

    start: int
    end: int
    term: str
    entry: Entry
    score: float
    negated: bool
    boosters: list[str] = field(default_factory=list)
    rule: str = ""
    target: str = ""
    target_kind: str = ""  # actor | event | context | "" (unattached)
    actors: list[str] = field(default_factory=list)
    quoted: bool | None = None  # None: the sentence has no quotation marks


@dataclass
class Context:
    """A parsed sentence with its mentions, as the attachment rules read it."""

    doc: Doc
    mention_at: dict[int, Mention]
    appos: dict[int, list[Mention]]  # token in a surface apposition -> the mentions it describes
    boosters: dict[tuple[str, ...], float] = field(default_factory=dict)


#: What a rule attached a word to: (rule, target_kind, target text, actor codes).
Target = tuple[str, str, str, list[str]]


def codes_of(ms: Iterable[Mention]) -> list[str]:
    """The sorted actor codes of some mentions."""
    return sorted({c for m in ms for c in m.codes})


def has_copula(tok: Token) -> bool:
    """Is the token a predicate with a copula ("est réaliste", "est un partenaire")?"""
    return any(c.dep_ == "cop" for c in tok.children)


def _group(m: Mention, doc: Doc, mention_at: dict[int, Mention]) -> list[Mention]:
    """A mention with the mentions coordinated with it ("la Russie et l'Iran")."""
    root = doc[m.start:m.end].root
    out = [m]
    near = list(root.children) + ([root.head] if root.dep_ == "conj" else [])
    for t in near:
        if (t.dep_ == "conj" or t.i == root.head.i) and t.i in mention_at and mention_at[t.i] not in out:
            out.append(mention_at[t.i])
    return out


def surface_appositions(doc: Doc, mentions: list[Mention], mention_at: dict[int, Mention]
                        ) -> dict[int, list[Mention]]:
    """Comma-delimited noun phrases right after a mention: "la Russie et l'Iran, alliés de Damas,".

    The phrase runs to the next comma, full stop, colon or opening quote (at
    most ten tokens) and must hold no finite verb or auxiliary. A plural
    phrase also describes the mentions coordinated with the last one.
    """
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        j = m.end
        while j < len(doc) and doc[j].text in APPOSITION_SKIPPED:
            j += 1
        if j >= len(doc) or doc[j].text != ",":
            continue
        k = j + 1
        if k >= len(doc) or k in mention_at or doc[k].pos_ not in APPOSITION_START_POS:
            continue
        phrase, k = _apposition_phrase(doc, k)
        content = [i for i in phrase if doc[i].pos_ in APPOSITION_CONTENT_POS
                   or (doc[i].pos_ == "VERB" and doc[i - 1].pos_ == "DET")]
        if not content or content[0] in mention_at or doc[content[0]].pos_ == "PROPN" or (
                k < len(doc) - 1 and doc[k].text == "," and (k + 1 in mention_at
                                                             or doc[k + 1].lower_ in LIST_CONJUNCTIONS)):
            continue  # a list of actors or of items, not an apposition
        first = doc[content[0]]
        group = _group(m, doc, mention_at) if "Plur" in first.morph.get("Number") else [m]
        for i in phrase:
            out.setdefault(i, [])
            out[i].extend(g for g in group if g not in out[i])
    return out


def _apposition_phrase(doc: Doc, k: int) -> tuple[list[int], int]:
    """The tokens of a possible apposition from ``k`` (empty at a finite verb), and where it stops."""
    phrase: list[int] = []
    while k < len(doc) and len(phrase) < 10 and doc[k].text not in APPOSITION_STOPS:
        misread = not phrase and doc[k].lower_ == doc[k].lemma_.lower()  # "partenaire" tagged VERB
        if doc[k].pos_ == "AUX" or (doc[k].pos_ == "VERB" and "Fin" in doc[k].morph.get("VerbForm")
                                    and not misread):
            return [], k
        phrase.append(k)
        k += 1
    return phrase, k


def de_nmod_mention(tok: Token, ctx: Context) -> Mention | None:
    """The mention that is tok's "de" complement: "participation de la Russie", "destruction de Daesh"."""
    for c in tok.children:
        if c.dep_ == "nmod" and c.i in ctx.mention_at and any(
                g.lower_ in DE_FORMS for g in c.children if g.dep_ == "case"):
            return ctx.mention_at[c.i]
    return None


def resolve(tok: Token, ctx: Context, depth: int = 0) -> tuple[str, str, list[str]]:
    """What a target token refers to: (target_kind, target text, actor codes)."""
    if depth > 4:
        return "", tok.text, []
    if tok.i in ctx.mention_at:
        m = ctx.mention_at[tok.i]
        return "actor", m.text, list(m.codes)
    if tok.i in ctx.appos:
        return "actor", tok.text, codes_of(ctx.appos[tok.i])
    for c in tok.children:  # "le président, Poutine", "le groupe takfiriste Daesh": a name after it
        if c.i in ctx.mention_at and (c.dep_ in NAME_DEPS or (
                c.dep_ == "nmod" and c.i > tok.i and not any(g.dep_ == "case" for g in c.children))):
            m = ctx.mention_at[c.i]
            return "actor", m.text, list(m.codes)
    if tok.dep_ == "appos":
        return resolve(tok.head, ctx, depth + 1)
    if has_copula(tok):  # predicate noun: "X est un dirigeant courageux"
        subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            return resolve(subj[0], ctx, depth + 1)
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "acl:relcl":
        return resolve(tok.head.head, ctx, depth + 1)
    if tok.lemma_.lower() in interaction_nouns() or tok.lower_ in interaction_nouns():
        return "event", tok.text, []
    if tok.pos_ == "PRON" and tok.lower_ in CONTEXT_PRONOUNS:
        return "context", tok.text, []
    return "", tok.text, []


def _to(rule: str, kind: str, target: str, actors: list[str]) -> Target | None:
    """The rule's target, if the token resolved to one."""
    return (rule, kind, target, actors) if kind else None


def _to_mention(rule: str, m: Mention | None) -> Target | None:
    return None if m is None else (rule, "actor", m.text, list(m.codes))


# ---------------------------------------------------------------- the rules, in order

def _label(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]) -> Target | None:
    """The word is (part of) a mention ("terroristes", "régime criminel"); a label used as an
    adjective also describes the noun's actor ("le groupe takfiriste Daesh": TER and IS)."""
    inside = [ctx.mention_at[i] for i in range(ev.start, ev.end) if i in ctx.mention_at]
    if not inside:
        return None
    codes = codes_of(inside)
    if head.dep_ == "amod":
        kind, _, more = resolve(head.head, ctx)
        codes = sorted(set(codes) | set(more if kind == "actor" else []))
    return ("label", "actor", inside[0].text, codes)


def _apposition(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]
                ) -> Target | None:
    """Apposition, parsed or a comma-delimited phrase after a mention."""
    if head.i in ctx.appos:
        ms = ctx.appos[head.i]
        return ("appos", "actor", " ; ".join(m.text for m in ms), codes_of(ms))
    return _to("appos", *resolve(head.head, ctx)) if head.dep_ == "appos" else None


def _modifier(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]
              ) -> Target | None:
    """Modifier of a noun: "l'indéfectible allié", "la participation efficace de la Russie"."""
    if head.dep_ not in MODIFIER_DEPS or head.head.pos_ not in MODIFIED_POS:
        return None
    return _to("amod", *resolve(head.head, ctx)) or _to_mention("amod-nmod",
                                                                de_nmod_mention(head.head, ctx))


def _copula(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]) -> Target | None:
    """Predicate with a copula: "Ce n'est pas réaliste", "le travail a été utile"."""
    pred = head
    if not has_copula(pred) and pred.dep_ == "conj" and has_copula(pred.head):
        pred = pred.head
    if not has_copula(pred):
        return None
    subj = [c for c in pred.children if c.dep_ in COPULA_SUBJECT_DEPS]
    return _to("cop", *resolve(subj[0], ctx)) if subj else None


def _qualifier(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]
               ) -> Target | None:
    """Qualifier predicate: "qualifiant cette rencontre de constructive", "je le trouve important"."""
    for anc in [head, *head.ancestors][:4]:
        if anc.lemma_.lower() in QUALIFY_VERBS or anc.lower_ in QUALIFY_VERBS:
            objs = [c for c in anc.children if c.dep_ == "obj" and c.i != head.i]
            # "qualifier X de Y": Y outside X, or parsed as X's complement introduced by "de"
            de_adj = head.pos_ in PREDICATE_POS and any(
                c.lower_ in QUALIFY_DE and c.dep_ in QUALIFY_DE_DEPS for c in head.children)
            if objs and (head.i not in {t.i for t in objs[0].subtree} or de_adj):
                found = _to("qualify", *resolve(objs[0], ctx))
                if found:
                    return found
    return None


def _participial(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]
                 ) -> Target | None:
    """Participial or adjectival clause on a mention: "Assad, accusé de crimes"."""
    for anc in head.ancestors:
        if anc.dep_ == "acl" and anc.head.i in ctx.mention_at:
            return _to_mention("acl", ctx.mention_at[anc.head.i])
    return None


def _complement(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]
                ) -> Target | None:
    """Evaluative noun with the actor as its complement: "les succès de l'armée syrienne",
    "la destruction de Daesh" (the actor framed as a target)."""
    if head.pos_ == "NOUN" and (ev.entry.source == "hand" or abs(ev.entry.weight) >= NMOD_MIN_WEIGHT):
        return _to_mention("nmod", de_nmod_mention(head, ctx))
    return None


def _conjunct(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]
              ) -> Target | None:
    """Conjunct of an attached evaluative word: "constructive et étonnamment ouverte"."""
    if head.dep_ == "conj" and head.head.i in attached:
        src = attached[head.head.i]
        return _to("conj", src.target_kind, src.target, list(src.actors))
    return None


def _adjacent(ev: Evaluation, head: Token, ctx: Context, attached: dict[int, Evaluation]
              ) -> Target | None:
    """Fallback when the parse went astray: an adjective right after its noun ("possibilités
    pratiquement illimitées") or an adjective-lexicon word right before it ("de vastes projets")."""
    if ev.end - ev.start != 1 or not (head.pos_ in PREDICATE_POS or "pattern-fr" in ev.entry.source):
        return None
    doc = ctx.doc
    k = ev.start - 1
    while k >= 0 and (doc[k].pos_ == "ADV" or (doc[k].lower_,) in ctx.boosters):
        k -= 1
    found = _to("adjacent", *resolve(doc[k], ctx)) if k >= 0 and doc[k].pos_ in NOMINAL_POS else None
    if found is None and ev.end < len(doc) and doc[ev.end].pos_ == "NOUN":
        found = _to("adjacent", *resolve(doc[ev.end], ctx))
    return found


Rule = Callable[[Evaluation, "Token", Context, dict[int, Evaluation]], "Target | None"]
#: The attachment rules, in the order they are tried; the first that finds a target wins.
RULES: tuple[Rule, ...] = (_label, _apposition, _modifier, _copula, _qualifier, _participial,
                           _complement, _conjunct, _adjacent)


def attach(ev: Evaluation, ctx: Context, attached: dict[int, Evaluation]) -> None:
    """Find what the evaluative word at ``ev.start:ev.end`` evaluates (:data:`RULES`).

    ``attached``: the words attached so far, by their root token (for conjuncts).
    """
    head = ctx.doc[ev.start:ev.end].root
    for rule in RULES:
        found = rule(ev, head, ctx, attached)
        if found is not None:
            ev.rule, ev.target_kind, ev.target, ev.actors = found
            return
