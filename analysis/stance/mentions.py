"""Actor mentions of a parsed sentence: the scorer's own mentions (:mod:`analysis.scoring.actors`).

Stance does not match actors itself. Each sentence goes through the scorer's
:meth:`analysis.scoring.article.ArticleScorer.analyse` (the compiled actor
index, titles and nationality adjectives, the non-agent heads, the place,
topic and dateline filter, the date rules ``office_term`` and
``title_by_date``) and :func:`analysis.scoring.actors.resolve_references`
("les deux présidents"), with the article's context carried from sentence to
sentence. A fix in the scorer's actor rules therefore reaches stance.

Two differences are explicit parameters, not copies:

* ``places=True``: the codebook's portrayal lists an actor named only as a
  venue or topic ("au Vietnam", "sur la Syrie"; always ``neutral``), so those
  mentions are kept, marked ``place``; they are counted, never evaluated;
* pronoun mentions ("il") are left out: portrayal reads named mentions.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from .text import scorer_tokens
from .words import INTERACTION_NOUNS

if TYPE_CHECKING:  # heavy imports only when needed
    from spacy.tokens import Doc

    from ..scoring.article import ArticleScorer
    from ..scoring.structures import Mention as ScorerMention
    from ..scoring.tokens import Tok


@dataclass(frozen=True)
class Mention:
    """An actor mention in a sentence: token span, actor code(s), alias kind and surface text.

    ``codes`` has several codes for "les deux présidents" or "russo-américaine",
    else one. ``place``: the actor is named as a place, topic or dateline
    ("au Vietnam"): a mention for the portrayal table, not a target of evaluation.
    """

    codes: tuple[str, ...]
    start: int
    end: int
    text: str
    kind: str = ""
    place: bool = False


class ActorMatcher:
    """The scorer's compiled engine (frame lexicon and actor dictionary) for stance's mentions.

    ``actors``: the actor dictionary (``analysis.lexicon.load_actors()`` format);
    ``lexicon``: the frame lexicon whose event nouns head nationality adjectives
    and whose topic nouns make a topic (default: the packaged one).
    """

    def __init__(self, actors: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> None:
        from ..lexicon import load_lexicon
        from ..scoring.matcher import engine_for

        self.engine = engine_for(lexicon if lexicon is not None else load_lexicon(), actors)

    def article(self, date: str = "") -> ArticleScorer:
        """The scorer's rules for one article read at ``date`` (ISO day or ""), places kept."""
        from ..scoring.article import ArticleScorer

        return ArticleScorer(self.engine, True, date=date, places=True)


def default_actors() -> pd.DataFrame:
    """The project's actor dictionary (``analysis.lexicon.load_actors()``)."""
    from ..lexicon import load_actors

    return load_actors()


@lru_cache(maxsize=2)
def _frame_nouns(cooperative: bool) -> frozenset[str]:
    """The frame lexicon's nouns (only its cooperative ones if ``cooperative``)."""
    try:
        from ..lexicon import COOP_QUADS, load_lexicon

        lex = load_lexicon()
    except (ImportError, FileNotFoundError):  # pragma: no cover - lexicon not installed
        return INTERACTION_NOUNS
    nouns = lex[lex["pos"] == "NOUN"]
    if cooperative:
        nouns = nouns[nouns["quad_class"].isin(COOP_QUADS)]
    return frozenset(nouns["term"])


@lru_cache(maxsize=1)
def interaction_nouns() -> frozenset[str]:
    """Nouns naming an interaction: :data:`INTERACTION_NOUNS` and the frame lexicon's cooperative nouns."""
    return INTERACTION_NOUNS | _frame_nouns(True)


def find_mentions(doc: Doc, matcher: ActorMatcher, article: ArticleScorer | None = None,
                  toks: Sequence[Tok] | None = None, paragraph_start: bool = False) -> list[Mention]:
    """The scorer's actor mentions of a parsed sentence, as stance counts them.

    ``article``: :meth:`ActorMatcher.article`, shared by the sentences of one
    article in order (its context resolves "les deux présidents"; its date the
    persons out of office and the dated titles); a new undated one when not
    given. ``toks``: the sentence's scorer tokens (:func:`scorer_tokens`).
    ``paragraph_start``: the sentence opens the article (a dateline "Moscou /").
    """
    from ..scoring.actors import resolve_references, update_context

    scorer = article if article is not None else matcher.article()
    toks = list(toks) if toks is not None else scorer_tokens(doc)
    sent = scorer.analyse(toks, 0, len(doc.text), paragraph_start, 0.0)
    att = sent.attribution
    resolve_references(scorer.ctx, sent, range(*att.span) if att else range(0))
    update_context(scorer.ctx, sent, "", "")
    return merge_mentions(doc, sent.mentions, sent.titles)


def _start(m: ScorerMention, titles: Collection[int], taken: int) -> int:
    """Where a mention starts for stance: at the title before it ("président russe", "le
    président Bachar al-Assad"), from token ``taken`` on (earlier ones are another mention's)."""
    start = m.start
    if m.kind == "adjective" and taken <= m.hstart < m.start and m.hstart in titles:
        start = m.hstart
    while start - 1 >= taken and start - 1 in titles:
        start -= 1
    return start


def merge_mentions(doc: Doc, mentions: Sequence[ScorerMention], titles: Collection[int] = ()
                   ) -> list[Mention]:
    """Stance's mentions from the scorer's: named ones with their codes, in token order.

    A mention starts at the title before it (``titles``: the scorer's title
    tokens), unless another mention holds the title ("ses homologues turc et
    iranien"). Adjacent mentions are one when they name the same actors ("le président
    russe Vladimir Poutine") or join hyphenated prefixes ("russo-irano-turque": ``compound``).
    """
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        codes = m.all_codes()
        if m.pronoun or not codes:
            continue
        start = _start(m, titles, out[-1].end if out else 0)
        prev = out[-1] if out else None
        if prev is not None and prev.end == start and prev.place == m.place and (
                set(codes) == set(prev.codes) or prev.text.endswith("-")):
            joined = tuple(dict.fromkeys(prev.codes + codes))
            kind = prev.kind if set(codes) == set(prev.codes) else "compound"
            out[-1] = Mention(joined, prev.start, m.end, doc[prev.start:m.end].text, kind, m.place)
            continue
        out.append(Mention(tuple(codes), start, m.end, doc[start:m.end].text, m.kind, m.place))
    return out
