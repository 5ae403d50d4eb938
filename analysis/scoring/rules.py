"""Every rule of the scorer, registered once, in the order it applies.

Each :class:`Rule` names a plain function, the stage it belongs to, the modes
it runs in, and the labels it writes into an event's ``rule`` field (those it
*drops* stay in the evidence string so a reader sees why an event did not
count). :func:`describe` prints the table; ``tests/golden/rules.tsv`` is its
committed snapshot, so adding, removing or reordering a rule is a reviewed
change. The three modes run the same rules and differ only in where tokens
come from: ``full`` adds the rows marked ``full`` (the dependency parse and the
named entities, called from inside the rule they refine), and ``lexical``
finds sentences and words with regular expressions and adds the ``gate``: a
sentence with no word of a lexicon term or actor alias is neutral narrator
text (quoted when most of it is inside quotation marks), with no rule run.

Stages, in order, for one sentence:

1. ``match``: lexicon terms and actor aliases (:mod:`.matcher`; the lexical mode's gate);
2. ``actors``: mentions, the date rules (with the article's date, ``Context.date``:
   ``office_term``, ``title_by_date``: :mod:`.offices`), then the article context (:mod:`.actors`);
3. ``speech``: attribution, voice and speaker (:mod:`.speech`);
4. ``event``: the event rules below, applied in list order by :func:`apply_event_rules`;
5. ``dyad``: who cooperates or conflicts with whom (:mod:`.dyads`);
6. ``sentence``: the named-participant rule, then assembly (:mod:`.assembly`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .structures import Event, Sent

ALL = ("full", "fast", "lexical")
PARSED = ("full", "fast")
LEXICAL = ("lexical",)


@dataclass(frozen=True)
class Rule:
    """One registered rule: its name, stage, function, modes and the labels it writes.

    ``func`` is the function's path inside :mod:`analysis.scoring` ("events.proper_name"),
    resolved on first use, so that the registry imports no rule module (no cycle).
    """

    name: str
    stage: str
    func: str
    modes: tuple[str, ...] = ALL
    labels: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()

    def resolve(self) -> Callable[..., Any]:
        """The registered function itself."""
        module, _, attr = self.func.partition(".")
        obj: Any = importlib.import_module(f"analysis.scoring.{module}")
        for part in attr.split("."):
            obj = getattr(obj, part)
        return obj


FULL = ("full",)

RULES: tuple[Rule, ...] = (
    Rule("unaccented_capital", "match", "matcher.unaccented_capital"),
    Rule("hyphen_split", "match", "matcher.hyphen_split"),
    Rule("quoted_noun", "match", "tokens.quoted_noun", FULL),
    Rule("gate", "match", "lexical.LexicalScorer._prepare", LEXICAL),
    Rule("aid_recipient", "actors", "actors.aid_recipients"),
    Rule("addressee", "actors", "actors.addressees"),
    Rule("facing", "actors", "actors.facing_actors"),
    Rule("conflict_target_preposition", "actors", "actors.targeted_actors"),
    Rule("places_topics_datelines", "actors", "actors.not_an_actor"),
    Rule("detaining_state", "actors", "actors.detaining_state"),
    Rule("summit_setting", "actors", "actors.summit_setting"),
    Rule("blocked_name", "actors", "article.ArticleScorer.prepare"),
    Rule("impersonal_judge", "actors", "actors.impersonal_judge"),
    Rule("enumeration", "actors", "actors.enumeration"),
    Rule("forum_before_object", "actors", "actors.forum_before_object"),
    Rule("hyphen_pair", "actors", "actors.hyphen_pair"),
    Rule("nationality_adjective_head", "actors", "actors.adjective_head"),
    Rule("object_adjective", "actors", "actors.object_heads"),
    Rule("mentions", "actors", "actors.find_mentions"),
    Rule("titled_owner", "actors", "actors.titled_owner"),
    Rule("compound_adjective", "actors", "compounds.compound_adjectives"),
    Rule("compound_head", "actors", "actors.adjective_head"),
    Rule("office_term", "actors", "offices.office_term"),
    Rule("title_by_date", "actors", "offices.title_by_date"),
    Rule("pronouns", "actors", "actors.resolve_pronoun"),
    Rule("pair_reference", "actors", "actors.resolve_references"),
    Rule("counterpart", "actors", "actors.counterpart"),
    Rule("anaphoric_act", "actors", "actors.pronoun_mentions"),
    Rule("attribution", "speech", "speech.find_attribution"),
    Rule("inverted_judgement", "speech", "speech.after_quote"),
    Rule("voice", "speech", "speech.sentence_voice"),
    Rule("speaker_venue", "speech", "speech.addressed"),
    Rule("lexicon", "event", "events.new_events", labels=("lexicon",)),
    Rule("negation", "event", "events.mark_negation"),
    Rule("negation_parse", "event", "events.negated_parse", FULL),
    Rule("permitted_act", "event", "events.permitted_act"),
    Rule("refusal", "event", "events.refusal_negates"),
    Rule("refused_continuation", "event", "events.refused_continuation"),
    Rule("negated_stop", "event", "events.negated_stop"),
    Rule("proper_name", "event", "events.proper_name", labels=("proper_name",),
         drops=("proper_name",)),
    Rule("proper_name_entities", "event", "events.in_name", FULL),
    Rule("noun_reading", "event", "senses.noun_reading", labels=("noun_reading",),
         drops=("noun_reading",)),
    Rule("noun_reading_parse", "event", "senses.parsed_noun", FULL),
    Rule("called_upon", "event", "events.called_upon", labels=("called_upon", "called_for"),
         drops=("called_for",)),
    Rule("weapon_compound", "event", "senses.weapon_compound", labels=("weapon_name",),
         drops=("weapon_name",)),
    Rule("document_content", "event", "events.document_content", labels=("document",),
         drops=("document",)),
    Rule("sport_sense", "event", "senses.sport_sense", labels=("sport",), drops=("sport",)),
    Rule("warned_of", "event", "senses.warned_of", labels=("warned_of",), drops=("warned_of",)),
    Rule("speech_sense", "event", "senses.speech_sense", labels=("speech_sense",),
         drops=("speech_sense",)),
    Rule("allied_side", "event", "events.allied_side", labels=("allied_side",),
         drops=("allied_side",)),
    Rule("descriptive_participle", "event", "events.descriptive_participle",
         labels=("descriptive",), drops=("descriptive",)),
    Rule("insult", "event", "events.insult_naming", labels=("not_named",), drops=("not_named",)),
    Rule("modality", "event", "events.mark_modality"),
    Rule("modality_parse", "event", "modality.modality_parse", FULL),
    Rule("deescalation", "event", "events.deescalation",
         labels=("deescalation", "deescalated", "halt_coop"), drops=("deescalated",)),
    Rule("deescalation_parse", "event", "events.deesc_parse", FULL),
    Rule("release_sense", "event", "senses.release_sense", labels=("release",),
         drops=("release",)),
    Rule("call_sense", "event", "senses.call_sense", labels=("call_sense",),
         drops=("call_sense",)),
    Rule("channel_sense", "event", "senses.channel_sense", labels=("channel_sense",),
         drops=("channel_sense",)),
    Rule("passive_halt", "event", "events.passive_halt", labels=("no_talks",),
         drops=("no_talks",)),
    Rule("truce_call", "event", "spoiling.truce_call", labels=("truce_call",),
         drops=("truce_call",)),
    Rule("spoiled_cooperation", "event", "spoiling.spoiled_cooperation", labels=("spoiled",),
         drops=("spoiled",)),
    Rule("peace_call", "event", "spoiling.peace_call", labels=("peace_call", "demanded"),
         drops=("peace_call", "demanded")),
    Rule("spoiled_parse", "event", "spoiling.spoil_parse", FULL),
    Rule("hosting", "event", "senses.hosting_sense", labels=("hosting",), drops=("hosting",)),
    Rule("referenced_text", "event", "senses.referenced_text", labels=("referenced_text",),
         drops=("referenced_text",)),
    Rule("pledged_conflict", "event", "spoiling.committed_conflict",
         labels=("pledged_conflict",), drops=("pledged_conflict",)),
    Rule("promised_harm", "event", "spoiling.promised_harm", labels=("promised_harm",)),
    Rule("promised_content", "event", "spoiling.promised_content",
         labels=("promised_content",), drops=("promised_content",)),
    Rule("markers", "event", "events.markers_only", labels=("stop", "recip")),
    Rule("since_contact", "event", "events.since_contact", labels=("since_contact",),
         drops=("since_contact",)),
    Rule("unplanned_contact", "event", "events.unplanned_contact", labels=("unplanned",),
         drops=("unplanned",)),
    Rule("negation_flips", "event", "events.negation_flips",
         labels=("negated_coop", "negated_conf"), drops=("negated_conf",)),
    Rule("lexicon_evidence", "event", "events.lexicon_evidence"),
    Rule("headline_topic", "dyad", "headlines.headline_topic"),
    Rule("headline_label", "dyad", "headlines.headline_label"),
    Rule("condition_clause", "dyad", "bounds.condition_opens"),
    Rule("coordinated_clause", "dyad", "bounds.coordinated_clause"),
    Rule("absolute_clause", "dyad", "bounds.absolute_clause"),
    Rule("restrictive_que", "dyad", "bounds.restrictive_que"),
    Rule("announced_act", "dyad", "parties.announced_act"),
    Rule("speech_act", "dyad", "parties.speech_act"),
    Rule("speaker_infinitive", "dyad", "parties.speaker_infinitive"),
    Rule("speaker_relative", "dyad", "parties.speaker_relative"),
    Rule("purpose_subject", "dyad", "parties.purpose_subject"),
    Rule("compound_partners", "dyad", "parties.compound_partners"),
    Rule("aid_phrase", "dyad", "parties.aid_phrase"),
    Rule("accused_agent", "dyad", "parties.accused_agent"),
    Rule("incise", "dyad", "parties.past_incise"),
    Rule("unnamed_accused", "dyad", "reactions.unnamed_accused"),
    Rule("participle_accused", "dyad", "reactions.participle_accused"),
    Rule("relative_agent", "dyad", "reactions.relative_agent"),
    Rule("undergone", "dyad", "parties.undergone"),
    Rule("gerund_agent", "dyad", "parties.gerund_agent"),
    Rule("trailing_gerund", "dyad", "parties.trailing_gerund"),
    Rule("cooperation_by", "dyad", "nominal.cooperation_by"),
    Rule("conflict_owner", "dyad", "nominal.conflict_owner"),
    Rule("nominal_parties", "dyad", "nominal.nominal_parties"),
    Rule("condemned_victim", "dyad", "nominal.condemned_victim"),
    Rule("background_conflict", "dyad", "nominal.background_conflict"),
    Rule("condemned_act", "dyad", "nominal.condemned_act"),
    Rule("named_act", "dyad", "parties.named_act"),
    Rule("named_actor", "dyad", "nominal.named_actor"),
    Rule("named_owner", "dyad", "nominal.named_owner"),
    Rule("judged_act", "dyad", "parties.judged_act"),
    Rule("conditional_target", "dyad", "parties.conditional_target"),
    Rule("relative_target", "dyad", "parties.relative_target"),
    Rule("possessed_recipient", "dyad", "parties.own_partners"),
    Rule("meeting_owner", "dyad", "nominal.meeting_owner"),
    Rule("conflict_partners", "dyad", "parties.conflict_partners"),
    Rule("speaker_party", "dyad", "parties.speaker_party"),
    Rule("against_enemy", "dyad", "dyads.against_enemy", labels=("against",)),
    Rule("cooperation_against", "dyad", "dyads.cooperation_against"),
    Rule("deontic_demand", "dyad", "dyads.deontic_demand", labels=("deontic", "demanded"),
         drops=("demanded",)),
    Rule("provoked_reaction", "dyad", "reactions.provoked_reaction", labels=("reaction",)),
    Rule("blamed_act", "dyad", "reactions.blamed_act", labels=("blamed",)),
    Rule("reported_accused", "dyad", "reactions.reported_accused"),
    Rule("removed_actor", "dyad", "removals.removed_actor", labels=("removed",)),
    Rule("demanded_subject", "dyad", "reactions.demanded_subject"),
    Rule("judged_apposition", "dyad", "reactions.judged_apposition"),
    Rule("clitic_target", "dyad", "reactions.clitic_target"),
    Rule("seen_as", "dyad", "reactions.seen_as"),
    Rule("drafted_by", "dyad", "reactions.drafted_by"),
    Rule("declared_target", "dyad", "threats.declared_target"),
    Rule("aimed_speech", "dyad", "threats.aimed_speech"),
    Rule("topic_speech", "dyad", "threats.topic_speech"),
    Rule("sent_warning", "dyad", "threats.sent_warning"),
    Rule("dismayed_party", "dyad", "judges.dismayed_party"),
    Rule("juxtaposed_clause", "dyad", "headlines.opens_clause"),
    Rule("passive_judge", "dyad", "reactions.passive_judge"),
    Rule("answered_act", "dyad", "reactions.answered_act"),
    Rule("treaty_partner", "dyad", "treaties.treaty_partner"),
    Rule("quoted_judgement", "dyad", "reactions.quoted_judgement"),
    Rule("passive_praise", "dyad", "reactions.passive_praise"),
    Rule("juxtaposed_reaction", "dyad", "reactions.juxtaposed_subject"),
    Rule("praised_act", "dyad", "reactions.praised_act"),
    Rule("instigated_act", "dyad", "reactions.instigated_act"),
    Rule("endorsed_conflict", "dyad", "purposes.endorsed_conflict", labels=("endorsed",),
         drops=("endorsed",)),
    Rule("authorised_act", "dyad", "purposes.authorised_act", labels=("authorised",)),
    Rule("purpose_conflict", "dyad", "purposes.purpose_conflict"),
    Rule("conflict_agent", "dyad", "purposes.conflict_agent"),
    Rule("purpose_object", "dyad", "purposes.purpose_clause"),
    Rule("cooperation_dyads", "dyad", "dyads.cooperation_dyads"),
    Rule("concerted_act", "dyad", "dyads.concerted"),
    Rule("yielding", "dyad", "dyads.yielded_to"),
    Rule("intra_actor", "dyad", "dyads.intra_actor", labels=("intra_actor",),
         drops=("intra_actor",)),
    Rule("conflict_dyads", "dyad", "dyads.conflict_dyads"),
    Rule("joined_verb", "dyad", "dyads.joined_verb_subject"),
    Rule("noun_target", "dyad", "targets.noun_target"),
    Rule("strike_target", "dyad", "targets.strike_target"),
    Rule("appositive_object", "dyad", "targets.appositive_object"),
    Rule("quoted_object_gap", "dyad", "targets.unquoted"),
    Rule("verb_incise", "dyad", "targets.incise_tokens"),
    Rule("removed_from", "dyad", "targets.removed_from"),
    Rule("accused_recipient", "dyad", "targets.accused_recipient"),
    Rule("authored_object", "dyad", "nominal.authored_object"),
    Rule("affiliated_object", "dyad", "nominal.affiliated_object"),
    Rule("quoted_epithet", "dyad", "nominal.past_epithet"),
    Rule("reflexive_threat", "dyad", "dyads.reflexive_verb"),
    Rule("quoted_coordination", "dyad", "targets.unquoted"),
    Rule("object_owner", "dyad", "targets.object_owner"),
    Rule("imposed_on", "dyad", "targets.imposed_on"),
    Rule("attribution_act", "dyad", "dyads.attribution_act"),
    Rule("joint_fight", "dyad", "dyads.joint_fight", labels=("joint",)),
    Rule("allied_not_joint", "dyad", "dyads.allied_agents"),
    Rule("co_mentioned_conflict", "dyad", "comention.co_mentioned_conflict"),
    Rule("unlikely_clause", "dyad", "bounds.unlikely_clause"),
    Rule("toned_co_mention", "dyad", "comention.toned_co_mention", labels=("tone",)),
    Rule("rival_pair", "dyad", "comention.rival_pair"),
    Rule("rival_contact", "dyad", "comention.rival_contact"),
    Rule("rival_third", "dyad", "comention.rival_third"),
    Rule("named_participant", "sentence", "events.drop_unnamed_cooperation",
         labels=("unnamed",), drops=("unnamed",)),
    Rule("lone_pair_term", "sentence", "senses.lone_pair_term", labels=("unnamed",),
         drops=("unnamed",)),
)

#: Labels of rules that drop an event but keep it in the evidence string.
DROPPED_RULES: frozenset[str] = frozenset(label for r in RULES for label in r.drops)
#: Every label an event's ``rule`` field can take.
RULE_LABELS: frozenset[str] = frozenset(label for r in RULES for label in r.labels)


@lru_cache(maxsize=1)
def _event_rules() -> tuple[Callable[..., None], ...]:
    return tuple(r.resolve() for r in RULES
                 if r.stage == "event" and r.name != "lexicon" and r.modes == ALL)


def apply_event_rules(sent: Sent, full: bool) -> list[Event]:
    """The sentence's lexicon events after every event rule, in registry order."""
    from .events import new_events

    found = new_events(sent)
    if found:
        for rule in _event_rules():
            rule(sent.toks, found, full)
    return found


def describe() -> str:
    """The registry as a tab-separated table (the committed snapshot's format)."""
    rows = ["name\tstage\tfunction\tmodes\tlabels\tdrops"]
    for r in RULES:
        rows.append("\t".join((r.name, r.stage, r.func, ",".join(r.modes), ",".join(r.labels),
                               ",".join(r.drops))))
    return "\n".join(rows) + "\n"
