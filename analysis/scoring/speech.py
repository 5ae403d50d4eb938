"""Speech rules: quotation segments, speech attributions (patterns A, B, D, E, S)
and the speaker of a sentence."""

from __future__ import annotations

import re

from .actors import resolve_pronoun
from .french import DETERMINERS
from .parties import preceded_by
from .structures import Attribution, Context, Mention, Sent
from .tokens import Tok, first_word
from .words import (
    AUX,
    FAIRE_SAVOIR,
    FIRST_PERSON,
    INCISE_STARTS,
    INVERTED_PRONOUNS,
    METTRE_ACCENT,
    NAME_PREFIXES,
    OFFICIAL_TITLES,
    PERSON_TITLES,
    PREVERBAL_CLITICS,
    QUOTE_CHARS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    SELON_PRONOUNS,
    SOURCE_PREPOSITIONS,
    SPEAKER_PRONOUNS,
    SPEECH_FORMS,
    SPEECH_INVERTED_FORMS,
    SPEECH_WEAK_FORMS,
    VENUE_PREPOSITIONS,
    needs_aux,
)

_QUOTE_MARK_RE = re.compile("[" + re.escape(QUOTE_OPEN + QUOTE_CLOSE + '"') + "]")


def quote_segments(text: str, carry_in: bool) -> tuple[list[tuple[int, int]], bool]:
    """Character ranges inside quotation marks, and whether a quote stays open.

    « » and “ ” nest; a straight " toggles. An unclosed quote runs to the end
    of the paragraph and is carried into the next one, whose opening mark (if
    any) continues it rather than opening a second level.
    """
    segments: list[tuple[int, int]] = []
    depth = 1 if carry_in else 0
    straight = False
    start = 0
    first = len(text) - len(text.lstrip())
    for mark in _QUOTE_MARK_RE.finditer(text):  # only quotation marks change the state
        k = mark.start()
        c = text[k]
        if c in QUOTE_OPEN:
            if carry_in and k == first:
                continue
            if depth == 0:
                start = k + 1
            depth += 1
        elif c in QUOTE_CLOSE:
            if depth > 0:
                depth -= 1
                if depth == 0:
                    segments.append((start, k))
        elif c == '"':
            if carry_in and k == first and depth == 1:
                continue
            if straight:
                straight = False
                depth = max(0, depth - 1)
                if depth == 0:
                    segments.append((start, k))
            else:
                straight = True
                if depth == 0:
                    start = k + 1
                depth += 1
    if depth > 0:
        segments.append((start, len(text)))
    return segments, depth > 0 and not straight


# --------------------------------------------------------------------------- #


#: Words that can be the verb of a speech attribution ("fait savoir", "met l'accent" too).
_SPEECH_CANDIDATES = SPEECH_FORMS | METTRE_ACCENT | {"savoir"}


def find_attribution(toks: list[Tok], mentions: list[Mention]) -> Attribution | None:
    """The speech attribution of a sentence, if any (patterns A, B, E, D, S)."""
    named = [m for m in mentions if not m.pair]
    first = first_word(toks)
    if toks and (toks[first].w in SOURCE_PREPOSITIONS or (
            toks[first].w == "de" and first + 1 < len(toks) and toks[first + 1].w == "après")):
        found = selon(toks, named)
        if found is not None:
            return found
    for v, tok in enumerate(toks):
        if tok.w not in _SPEECH_CANDIDATES:
            continue  # most tokens: no speech verb, nothing to look at
        found = verb_attribution(toks, v, named)
        if found is not None:
            return found
    return colon_or_bracket(toks, named, first) or selon(toks, named)



def speech_verb(toks: list[Tok], v: int) -> tuple[bool, bool]:
    """(is token ``v`` a speech verb, is it a special one: "fait savoir", "met l'accent")."""
    w = toks[v].w
    special = (w == "savoir" and v > 0 and toks[v - 1].w in FAIRE_SAVOIR) or (
        w in METTRE_ACCENT and v + 2 < len(toks) and toks[v + 2].w == "accent")
    return (w in SPEECH_FORMS or special) and not toks[v].quoted, special


def verb_group(toks: list[Tok], v: int, special: bool) -> tuple[int | None, int, int | None]:
    """(inverted clitic of "a-t-il dit", index before it, auxiliary before the verb)."""
    k = v - 1
    pron = None
    if k >= 0 and toks[k].w in INVERTED_PRONOUNS:
        pron = k
        k -= 1
        if k >= 0 and toks[k].w == "-t":
            k -= 1
    aux = None
    for j in range(k, max(-1, k - 5), -1):
        if toks[j].w in AUX:
            aux = j
            break
        if toks[j].punct and toks[j].w != "-t":
            break
    if special and aux is None and v > 0:
        aux = v - 1
    return pron, k, aux


def verb_attribution(toks: list[Tok], v: int, named: list[Mention]) -> Attribution | None:
    """An attribution around speech verb ``v``: "a-t-il dit", «…», a dit X (A), X a dit que (B)."""
    is_speech, special = speech_verb(toks, v)
    if not is_speech:
        return None
    tok, w = toks[v], toks[v].w
    pron, k, aux = verb_group(toks, v, special)
    if needs_aux(w) and aux is None:
        return None
    group_start = aux if aux is not None else v
    before = group_start - 1
    inverted = before >= 0 and (
        toks[before].w == "," or toks[before].text in QUOTE_CHARS
        or (toks[before].w == "que" and before > 0 and toks[before - 1].w == "ce"))
    if w in SPEECH_INVERTED_FORMS and not (inverted and after_quote(toks, before)):
        return None  # "a accusé la Russie de ...": an act, not an attribution
    if pron is not None:
        pm = Mention(pron, pron + 1, "", "pronoun", "", toks[pron].text, pronoun="il")
        return Attribution("A", pm, "", (group_start, v + 1), tok.start, pronoun=True)
    if inverted and (aux is None or aux == k):
        subj = subject_after(toks, v, named)
        if subj is not None:
            m, text, end = subj
            return Attribution("A", m, text, (group_start, end), tok.start)
    if w in SPEECH_WEAK_FORMS and not special:
        nxt = [t.w for t in toks[v + 1: v + 4]]
        if not any(x in ("que", ":") or x in QUOTE_CHARS for x in nxt) \
                or (nxt and nxt[0] in DETERMINERS):  # "la Russie poursuivra sa « guerre »"
            return None
    subj_b = subject_before(toks, group_start, named)
    if subj_b is not None:
        m, start = subj_b
        return Attribution("B", m, "", (start, v + 1), tok.start, pronoun=bool(m.pronoun))
    return None


def after_quote(toks: list[Tok], before: int) -> bool:
    """Does the token at ``before`` close a quotation ("»", or the comma right after it)?
    (rule ``inverted_judgement``: « ... », a accusé X)"""
    return before >= 0 and (toks[before].text in QUOTE_CHARS or (
        toks[before].w == "," and before > 0 and toks[before - 1].text in QUOTE_CHARS))


def colon_or_bracket(toks: list[Tok], named: list[Mention], first: int) -> Attribution | None:
    """"Poutine : ..." (E) or a trailing "(Lavrov)" (D)."""
    n = len(toks)
    for m in named:
        if m.start == first and m.person and m.end < n and toks[m.end].w == ":":
            return Attribution("E", m, "", (m.start, m.end + 1), toks[m.end].start)
    last = n - 1
    while last > 0 and toks[last].punct and toks[last].w != ")":
        last -= 1
    if last > 1 and toks[last].w == ")":
        for m in named:
            if m.person and m.end == last and m.start > 0 and toks[m.start - 1].w == "(":
                return Attribution("D", m, "", (m.start - 1, last + 1), toks[m.start].start)
    return None


def selon(toks: list[Tok], named: list[Mention]) -> Attribution | None:
    """"selon X" / "d'après lui": the source of a reported statement."""
    n = len(toks)
    for k, tok in enumerate(toks):
        if tok.w in SOURCE_PREPOSITIONS or (tok.w == "après" and k > 0
                                              and toks[k - 1].w == "de"):
            start = k - 1 if tok.w == "après" else k
            if k + 1 < n and toks[k + 1].w in SELON_PRONOUNS:
                pm = Mention(k + 1, k + 2, "", "pronoun", "", toks[k + 1].text,
                              pronoun="speaker")
                return Attribution("S", pm, "", (start, k + 2), tok.start, pronoun=True)
            for m in named:
                if k < m.start <= k + 4 and (m.kind != "adjective" or m.title) \
                        and not m.pronoun and not any(toks[j].punct for j in range(k + 1, m.start)):
                    # "Selon des diplomates, Washington et Moscou...": the comma ends the source
                    return Attribution("S", m, "", (start, m.end), tok.start)
    return None


def prefer_person(m: Mention, named: list[Mention]) -> Mention:
    if m.person:
        return m
    for o in named:
        if o.person and o.code == m.code and 0 <= o.start - m.end <= 6:
            return o
    return m


def subject_after(toks: list[Tok], v: int, named: list[Mention],
                   ) -> tuple[Mention | None, str, int] | None:
    """The inverted subject of "a dit X", skipping ", selon un communiqué,"."""
    n = len(toks)
    j = v + 1
    limit = min(n, v + 10)
    if j < n and toks[j].w == "," and j + 1 < n and toks[j + 1].w in INCISE_STARTS:
        j += 2
        while j < n and toks[j].w != ",":
            j += 1
        limit = min(n, j + 10)
    for m in named:
        if j <= m.start < limit and not m.pronoun and not any(
                toks[k].w in (".", ";", "«", "»", ":") for k in range(v + 1, m.start)):
            m2 = prefer_person(m, named)
            return m2, "", m2.end
    # an unknown capitalised name right after the verb: "a déclaré John Smith"
    k = j
    while k < n and toks[k].w in NAME_PREFIXES:
        k += 1
    names = []
    while k < n and toks[k].title and toks[k].w.replace("-", "").isalpha():
        names.append(toks[k].text)
        k += 1
    if names:
        return None, " ".join(names), k
    return None


def subject_before(toks: list[Tok], group_start: int, named: list[Mention],
                    ) -> tuple[Mention, int] | None:
    """The subject of "X a affirmé que": the nearest actor before the verb."""
    k = group_start - 1
    while k >= 0 and toks[k].w in PREVERBAL_CLITICS:
        k -= 1
    if k >= 0 and toks[k].w in SPEAKER_PRONOUNS and not toks[k].quoted:
        return Mention(k, k + 1, "", "pronoun", "", toks[k].text, pronoun="il"), k
    best: Mention | None = None
    for m in named:
        if m.pronoun or m.end > group_start or m.end < group_start - 14:
            continue
        if any(toks[x].w in ("que", ";", ".", ":") or toks[x].text in QUOTE_CHARS
               for x in range(m.end, group_start)):
            continue
        if best is None or m.start > best.start:
            best = m
    if best is None:
        return None
    if best.person:
        return best, best.start
    # a title in apposition: "Vladimir Poutine, le président russe, a dit"
    group = [m for m in named if m.code == best.code and m.person
             and best.start - 8 <= m.start < best.start]
    if group:
        return group[-1], group[-1].start
    return best, best.start


def speaker_name(ctx: Context, m: Mention | None, text: str) -> tuple[str, str]:
    """Canonical speaker name and code for an attribution's subject."""
    if m is None:
        return text, ""
    if m.pronoun:
        if not m.label:
            resolve_pronoun(ctx, m, prefer_speaker=True)
        return m.label, m.code
    if m.person:
        return m.label, m.code
    if m.kind == "adjective" and m.title:
        if m.title in PERSON_TITLES and m.code in ctx.leaders:
            return ctx.leaders[m.code], m.code
        if m.title in OFFICIAL_TITLES and m.code in ctx.officials:
            return ctx.officials[m.code], m.code
        return f"{m.title} {m.text}", m.code
    if m.pair:
        return "", ""
    return m.label, m.code


def own_speaker(ctx: Context, i: int, sents: list[Sent], speakers: dict[int, tuple[str, str]],
                 ) -> tuple[str, str]:
    if i not in speakers:
        att = sents[i].attribution
        speakers[i] = speaker_name(ctx, att.mention, att.text) if att else ("", "")
    return speakers[i]


def segment_speaker(ctx: Context, i: int, sents: list[Sent], segments: list[tuple[int, int]],
                     speakers: dict[int, tuple[str, str]]) -> tuple[str, str]:
    """Speaker of the quotation a sentence sits in: its attribution may follow."""
    char = sents[i].first_quoted_char
    seg = next((s for s in segments if s[0] <= char < max(s[1], s[0] + 1)), None)
    if seg is not None:
        for j, other in enumerate(sents):
            att = other.attribution
            if att is None:
                continue
            if other.start <= seg[1] <= other.end and att.kind == "A" \
                    and att.verb_char > seg[1]:
                name = own_speaker(ctx, j, sents, speakers)
                if name[0]:
                    return name
            if other.start <= seg[0] <= other.end + 1 \
                    and att.verb_char < seg[0]:
                name = own_speaker(ctx, j, sents, speakers)
                if name[0]:
                    return name
    return ctx.speaker, ctx.speaker_code


def ends_with_colon_attribution(sent: Sent) -> bool:
    """"Poutine :" split from what he says by the sentence splitter."""
    att = sent.attribution
    if att is None or att.kind != "E":
        return False
    last = max((t.i for t in sent.toks if not t.space), default=-1)
    return att.span[1] - 1 >= last


def sentence_voice(ctx: Context, i: int, sents: list[Sent], segments: list[tuple[int, int]],
                   speakers: dict[int, tuple[str, str]]) -> tuple[str, str, str]:
    """(voice, speaker name, speaker code) of sentence ``i``.

    Quoted when it carries its own attribution, when most of its letters are
    inside quotation marks (the speaker is the quotation's), or when the
    previous sentence ends with "X :". A quoted "je"/"nous" becomes a mention
    of the speaker.
    """
    sent = sents[i]
    name, code = own_speaker(ctx, i, sents, speakers) if sent.attribution else ("", "")
    if name:
        voice = "quoted"
    elif sent.quoted_frac >= 0.5:
        voice = "quoted"
        name, code = segment_speaker(ctx, i, sents, segments, speakers)
    elif i > 0 and ends_with_colon_attribution(sents[i - 1]):
        voice = "quoted"
        name, code = own_speaker(ctx, i - 1, sents, speakers)
    else:
        voice = "narrator"
    if voice == "quoted" and code:
        # first-person pronouns inside the quotation are the speaker's side
        extra = [Mention(t.i, t.i + 1, code, "pronoun", name, t.text, person=True, pronoun="je")
                 for t in sent.toks if t.quoted and t.w in FIRST_PERSON
                 and not (t.i > 0 and sent.toks[t.i - 1].w == "nous")]
        if extra:
            sent.mentions = sorted(sent.mentions + extra, key=lambda m: (m.start, m.end))
    return voice, name, code


def speaker_mentions_of(sent: Sent, att_span: range, name: str, code: str) -> list[Mention]:
    """The actors of the sentence's speech attribution (a pronoun one resolved to the speaker);
    not its venue or addressee ("Un diplomate russe a averti à l'ONU que": not UN; rule
    ``speaker_venue``)."""
    found = [m for m in sent.mentions if m.start in att_span and m.all_codes()
             and not addressed(sent.toks, m)]
    att = sent.attribution
    if att and att.mention is not None and att.mention.pronoun and not found:
        pm = att.mention
        if not pm.code and code:
            pm.code, pm.label, pm.person = code, name, True
        if pm.code:
            found = [pm]
    return found


#: What an attribution's venue or addressee follows ("a averti à l'ONU", "devant le Congrès").
ADDRESS_PREPOSITIONS = ("à", "au", "aux", *sorted(VENUE_PREPOSITIONS))


def addressed(toks: list[Tok], m: Mention) -> bool:
    """Is the mention's phrase right after "à", "au", "aux" or a venue preposition ("devant"),
    articles skipped (:func:`.parties.preceded_by`)?"""
    return preceded_by(toks, m, ADDRESS_PREPOSITIONS)
