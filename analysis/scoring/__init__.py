"""The sentence-level cooperation / conflict scorer for French news (CODEBOOK.md).

:class:`FrameScorer` reads the packaged lexicon and actor dictionary
(:mod:`analysis.lexicon`) and scores every sentence of an article's paragraphs
(spaCy ``Doc`` objects from :func:`analysis.nlp.parse`) into a
:class:`SentenceScore`: cooperation / conflict flags and weights, modality,
voice and speaker, actors, events and actor dyads, with a compact evidence
string saying which words and rules fired.

How it works, in the order the rules apply to a sentence:

1. *Matching.* Lexicon terms and actor aliases, multi-word expressions
   included, are matched by one token-sequence matcher built once per process
   and shared by both modes. A text token matches a term word by its
   normalised surface form (elisions and curly apostrophes folded, inflections
   generated for nouns, adjectives and verbs, irregular verbs listed), by its
   spaCy lemma in ``full`` mode, or by its Snowball stem followed by a verbal
   ending (the fall-back for forms the generator missed, e.g. fast mode).
   Articles and possessives between the words of an expression are skipped;
   expressions starting with *se* need a reflexive pronoun. The longest match
   wins: ``lutte contre le terrorisme`` beats ``terrorisme`` and the blocked
   ``l'ensemble de`` beats ``ensemble``.
2. *Proper names.* A match capitalised inside the sentence, inside the
   parenthesised expansion of an acronym, before ``(ACRONYM)`` within a
   capitalised name, or in a multi-token ORG/MISC entity (full mode) is part
   of a name and does not count (APEC's "Coopération économique...").
3. *Negation.* ``ne/n' ... pas/plus/jamais/guère/point/rien/aucun/personne/
   nullement/ni`` around the word (same clause, a few tokens), ``sans``,
   ``aucun(e)`` and ``pas de`` right before it; in full mode also a negated
   governing verb in the parse. "plus de combats" has no *ne*: not negated.
   A negated cooperation becomes REJECT (conflict); a negated conflict word
   no longer counts. A negated *hésiter / manquer / tarder / cesser* is a
   litote: "n'hésitant pas à l'accuser" asserts the accusation.
4. *De-escalation.* A *stop* word (cesser, arrêt, fin, mettre fin à, levée...)
   whose complement is a conflict word turns it into RETREAT (cooperation);
   whose complement is a cooperation word turns it into SANCTION (conflict).
   A *deesc* event (trêve, règlement) absorbs its conflict complement. Words
   of role enemy/victory are never de-escalated (libération, terrorisme), and
   a conflict word before the stop word (the war "touche à sa fin") stays
   conflict.
5. *Modality.* hypothetical (``si`` clause, ``en cas de``), conditional
   (Mood=Cnd in the parse, ``-rait(ent)`` forms), future (Tense=Fut, ``aller``
   + infinitive, ``sera/aura...``, ``prochain``, ``prévu``) or asserted.
   Recorded only: it never cancels an event.
6. *Actors and dyads.* Aliases give codes; nationality adjectives count only
   next to a title or event noun ("son homologue américain", "frappes russes")
   or as nouns ("les Russes"); "en Syrie"/"à Moscou" are places, "sur la
   Syrie"/"la question de la Corée du Nord" topics, a leading "Moscou /" a
   dateline; "les deux présidents/hommes" are the last two named actors of
   different codes; subject "il"/"lui" is the last salient person and "je/nous"
   inside a quote the speaker. Each event pairs the actors of its clause
   (split at ``;``, ``que`` and after a fronted adverbial; speech attributions
   removed; "sa rencontre avec X" pairs its owner with X): cooperation links
   every pair; conflict links agents to targets (``contre X``, Daech/TER, the
   object of a conflict verb), and agents fighting a third party together
   also cooperate (``joint``). An interaction between two persons of the same
   code is intra-actor and dropped; no pair joins an actor to itself.
7. *Voice.* ``quoted`` when most of the sentence's letters are inside
   quotation marks (« », “ ”, " ", carried across sentences and paragraphs) or
   when it carries a speech attribution with a named or resolvable speaker:
   "«…», a dit Vladimir Poutine", "a-t-il ajouté", "X a affirmé que …"
   (reported speech with a named speaker is quoted, per the codebook),
   "selon lui", "Poutine : …", a trailing "(Lavrov)". Otherwise ``narrator``.
8. *Named participant.* Cooperation is between actors: an interaction event
   (agree, consult, support, cooperate, aid) in a sentence with no actor, no
   title, no quoted named speaker and no capitalised word after the first
   does not count (``unnamed:aide[dropped]``); de-escalation and conflict
   need no named party (:func:`drop_unnamed_cooperation`).

Everything is deterministic: evidence, actors and dyads follow token order.

Where each stage lives (data flows down the list; no module imports one below it):

- :mod:`.result`: :class:`SentenceScore`, the frame label;
- :mod:`.french`: normalisation, inflection, stems;
- :mod:`.tokens`: mode-neutral tokens of a sentence, read from spaCy;
- :mod:`.matcher`: the token-sequence matcher and the compiled tables;
- :mod:`.words`: the closed word lists the rules read (from the language data files,
  ``analysis/data/fr/``, read by :mod:`analysis.language`);
- :mod:`.structures`: context, mentions, attributions, events, sentences;
- :mod:`.actors`, :mod:`.speech`, :mod:`.events`, :mod:`.spoiling`, :mod:`.modality`,
  :mod:`.dyads`: the rules;
- :mod:`.rules`: every rule registered once, in order, with its modes;
- :mod:`.assembly`: surviving events to a :class:`SentenceScore`;
- :mod:`.article`: one article, sentence by sentence, with its context;
- :mod:`.lexical`: the lexical mode's tokens and simplified actor rules;
- :mod:`.estimator`: :class:`FrameScorer`.
"""

from __future__ import annotations

from .estimator import FrameScorer, article_date
from .events import drop_unnamed_cooperation
from .french import norm, stem
from .result import FEATURE_NAMES, FRAMES, MODALITIES, Mode, SentenceScore, frame_label
from .rules import DROPPED_RULES, RULES

__all__ = ["DROPPED_RULES", "FEATURE_NAMES", "FRAMES", "MODALITIES", "RULES", "FrameScorer",
           "Mode", "SentenceScore", "article_date", "drop_unnamed_cooperation", "frame_label", "norm", "stem"]
