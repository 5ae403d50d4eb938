"""How an outlet portrays each actor, and whether it endorses the Russia–US cooperation it reports.

Two measures sit beside the cooperation/conflict frame (see ``docs/stance.md``):

* **Portrayal** (:func:`portray`): for every (article, actor) pair, the
  evaluative words the text attaches to the actor through the dependency
  parse, scored with the French polarity lexicon ``data/polarity.tsv``
  (:func:`load_polarity`). A word is attached to an actor when it modifies it
  (``amod``), stands in apposition to it (``appos``, or a comma-delimited noun
  phrase right after the mention, which the small French parser often misses),
  is predicated of it (the actor is the ``nsubj`` of an adjectival or nominal
  predicate with a copula, or the object of "qualifier / juger / trouver X
  (de) Y"), sits in a participial clause on it (``acl``) or is a conjunct of
  such a word (``conj``). Negation ("ne … pas", "sans", "jamais", "peu")
  reverses and damps a word (VADER's scalar −0.74), intensifiers ("très",
  "étonnamment", "absolument") strengthen it (×1.3). Words inside quotation
  marks, and every word of a sentence the scorer marks as reported speech, are
  the speaker's: ``portrayal_score`` is the outlet's own voice (narrator),
  ``quoted_score`` the sources it quotes.
* **Stance toward the cooperation** (:func:`stance`): in the sentences that
  depict Russia–United States cooperation (from the scorer's dyads) and their
  neighbours, the evaluations of the cooperation itself (words attached to an
  interaction noun such as "travail", "rencontre", "coopération", or to a
  pronoun subject such as "ce" in "ce n'est pas réaliste"), the lexicon's
  stance cues ("il reste à", "malgré", "vents contraires", "respect mutuel")
  and negated cooperation ("nous ne nous sommes pas mis d'accord"). Per voice
  the net score ``(pos − neg) / (pos + neg)`` gives ``desirable``, ``doubted``,
  ``mixed`` or ``neither``.

:func:`portrayal_table` aggregates portrayal per outlet with two-stage
bootstrap intervals; :func:`portrayal_heatmap` draws it; :func:`evaluate_stance`
compares both measures with the gold annotations of the seeds.

The modules, in the order data flows through them (none imports one below it):

- :mod:`.words`: the closed word lists the rules read;
- :mod:`.text`: normalisation, table cells, parsing, the scorer's tokens;
- :mod:`.polarity`: the polarity lexicon (reading, indexing, rebuilding);
- :mod:`.mentions`: the scorer's actor mentions (:mod:`analysis.scoring.actors`, with the
  article's date), places and topics kept as mentions (``places=True``);
- :mod:`.voice`: the scorer's quotation segments, and whose words each token is;
- :mod:`.attach`: what an evaluative word evaluates;
- :mod:`.sentence`: the evaluations of one sentence, negation and boosters;
- :mod:`.corpus`: one parse of a scored corpus: evaluations and mentions;
- :mod:`.portrayal`: actor portrayal per article (``actors.csv``);
- :mod:`.outlets`: portrayal per outlet, its table and heat map;
- :mod:`.cooperation`: stance toward the cooperation (``stance.csv``);
- :mod:`.validation`: agreement with the seeds' annotations.
"""

from __future__ import annotations

from ..tables import ACTOR_COLUMNS, STANCE_COLUMNS
from .attach import NMOD_MIN_WEIGHT, Evaluation
from .cooperation import (
    COOP_PAIR,
    STANCE_THRESHOLD,
    STANCES,
    VOICES,
    cooperation_sentences,
    stance,
    stance_label,
)
from .corpus import EVALUATION_COLUMNS, Analysis, analyse, evaluations
from .mentions import ActorMatcher, Mention, default_actors, find_mentions, interaction_nouns
from .outlets import (
    TABLE_COLUMNS,
    UNKNOWN_OUTLET,
    Voice,
    outlet_names,
    portrayal_heatmap,
    portrayal_table,
)
from .polarity import (
    POLARITY_COLUMNS,
    POLARITY_FILE,
    POLARITY_VERSION,
    Entry,
    PolarityLexicon,
    build_polarity,
    load_polarity,
    read_polarity,
    term_tokens,
)
from .portrayal import PORTRAYAL_THRESHOLD, PORTRAYALS, portray, portray_by_voice, portrayal_label
from .sentence import NEGATED_COOP_WEIGHT, negated_cooperation, sentence_evaluations
from .text import parse as _parse
from .validation import evaluate_stance
from .voice import quoted_tokens, token_voices
from .words import INTERACTION_NOUNS, SCORED_KINDS

__all__ = [
    "ACTOR_COLUMNS", "COOP_PAIR", "EVALUATION_COLUMNS", "INTERACTION_NOUNS", "NEGATED_COOP_WEIGHT",
    "NMOD_MIN_WEIGHT", "POLARITY_COLUMNS", "POLARITY_FILE", "POLARITY_VERSION", "PORTRAYALS",
    "PORTRAYAL_THRESHOLD", "SCORED_KINDS", "STANCES", "STANCE_COLUMNS", "STANCE_THRESHOLD",
    "TABLE_COLUMNS", "UNKNOWN_OUTLET", "VOICES", "ActorMatcher", "Analysis", "Entry", "Evaluation",
    "Mention", "PolarityLexicon", "Voice", "_parse", "analyse", "build_polarity",
    "cooperation_sentences", "default_actors", "evaluate_stance", "evaluations", "find_mentions",
    "interaction_nouns", "load_polarity", "negated_cooperation", "outlet_names", "portray",
    "portray_by_voice", "portrayal_heatmap", "portrayal_label", "portrayal_table", "quoted_tokens",
    "read_polarity", "sentence_evaluations", "stance", "stance_label", "term_tokens", "token_voices",
]
