"""What the rules pass between them: article context, actor mentions, attributions,
events and prepared sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis import lexicon as lx

from .matcher import LexRow
from .tokens import Tok


# --------------------------------------------------------------------------- #
@dataclass
class Context:
    """What carries across the paragraphs of one article."""

    speaker: str = ""
    speaker_code: str = ""
    person: str = ""
    person_code: str = ""
    leaders: dict[str, str] = field(default_factory=dict)
    officials: dict[str, str] = field(default_factory=dict)
    recent: list[str] = field(default_factory=list)
    recent_persons: list[str] = field(default_factory=list)
    open_quote: bool = False
    subject_code: str = ""  # the first actor the last sentence that named one named ("ces mesures")
    date: str = ""          # the article's date, ISO YYYY-MM-DD; "" when unknown (date rules off)


@dataclass
class Mention:
    start: int
    end: int
    code: str
    kind: str
    label: str
    text: str
    person: bool = False
    pronoun: str = ""       # il / lui / je / speaker: a pronoun resolved from context
    pair: bool = False      # "les deux présidents", resolved to two codes
    title: str = ""         # title noun of an adjective-based mention
    codes: tuple[str, ...] = ()
    titled: bool = False    # "le ministre russe": a person named by title
    hstart: int = -1        # start of the whole phrase (the title noun of an adjective)
    on_title: bool = False  # an adjective on a title noun ("le gouvernement russe"), not on
    #                         an object noun ("le pétrole russe")
    term: tuple[str, str] = ("", "")  # a person's tenure in actors.tsv (start, end)
    out_of_office: str = ""  # the state a named person did not represent at the article's
    #                          date (office_term): ``code`` is then "", ``label`` kept
    place: bool = False     # a place, topic, name or dateline (actors.place_or_topic), kept
    #                          only by find_mentions(places=True), for stance: never an agent

    def all_codes(self) -> tuple[str, ...]:
        if self.pair:
            return self.codes
        return self.codes if self.codes else ((self.code,) if self.code else ())


@dataclass
class Attribution:
    kind: str
    mention: Mention | None
    text: str
    span: tuple[int, int]
    verb_char: int
    pronoun: bool = False


@dataclass
class Event:
    start: int
    end: int
    row: LexRow
    category: str
    quad: str
    weight: float
    verb: bool
    negated: bool = False
    modality: str = "asserted"
    rule: str = "lexicon"
    counted: bool = True
    evidence: str = ""
    #: The term with each noun-class slot naming its noun (matcher.fill_slots); "" for none.
    filled: str = ""

    @property
    def shown_term(self) -> str:
        """The lexicon term as the evidence shows it: "livrer des &arme=missiles"."""
        return self.filled or self.row.term

    @property
    def coop(self) -> bool:
        return self.counted and self.quad in lx.COOP_QUADS

    @property
    def conf(self) -> bool:
        return self.counted and self.quad in lx.CONF_QUADS


@dataclass
class Sent:
    """One sentence prepared for the rules; ``start``/``end`` are character offsets in
    its paragraph."""

    start: int
    end: int
    toks: list[Tok]
    matches: list[tuple[int, int, LexRow]]
    mentions: list[Mention]
    titles: set[int]
    attribution: Attribution | None
    quoted_frac: float
    first_quoted_char: int
    text: str = ""

