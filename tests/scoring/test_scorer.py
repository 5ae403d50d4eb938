"""Tests of the sentence scorer: each rule on seed sentences and on sentences
written to break it, in full and fast mode, plus the scikit-learn contract."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
from sklearn.base import clone

from analysis import lexicon as lx
from analysis.nlp import parse
from analysis.paths import SEEDS
from analysis.scoring import FEATURE_NAMES, FrameScorer, SentenceScore, frame_label
from analysis.scoring.french import adj_forms

SEED_IDS = ("000_6dfd0f7db67c22f2", "001_cf76ea9e43bb9e79", "002_2f1464cb4d1d22d2",
            "003_fae3f241c8e18dc7", "004_c8547742e4edcbef")


# --------------------------------------------------------------------------- helpers
def paragraphs(seed: str) -> list[str]:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n") if p.strip()]


@pytest.fixture(scope="module")
def seeds_full(full: FrameScorer) -> dict[str, list[SentenceScore]]:
    return {s: [x for p in full.score_texts(paragraphs(s)) for x in p] for s in SEED_IDS}


@pytest.fixture(scope="module")
def seeds_fast(fast: FrameScorer) -> dict[str, list[SentenceScore]]:
    return {s: [x for p in fast.score_texts(paragraphs(s)) for x in p] for s in SEED_IDS}


def find(scores: list[SentenceScore], snippet: str) -> SentenceScore:
    hits = [s for s in scores if snippet in s.text]
    assert hits, f"no sentence contains {snippet!r}"
    return hits[0]


def score(scorer: FrameScorer, *texts: str) -> list[SentenceScore]:
    """Score the paragraphs of one article, flattened."""
    return [s for p in scorer.score_texts(texts) for s in p]


def dyad(s: SentenceScore, a: str, b: str) -> dict | None:
    a, b = sorted((a, b))
    return next((d for d in s.dyads if d["actor_a"] == a and d["actor_b"] == b), None)


def counted(s: SentenceScore) -> list[dict]:
    return [e for e in s.events if e["counted"]]


# --------------------------------------------------------------------------- interface
def test_one_score_per_sentence_with_offsets(full: FrameScorer) -> None:
    texts = paragraphs("002_2f1464cb4d1d22d2")
    docs = list(parse(texts, "full"))
    results = full.score_paragraphs(docs)
    assert len(results) == len(docs)
    for doc, sents in zip(docs, results, strict=True):
        assert len(sents) == len(list(doc.sents))
        for span, s in zip(doc.sents, sents, strict=True):
            assert isinstance(s, SentenceScore)
            assert doc.text[s.start:s.end] == s.text == span.text
            assert s.frame == frame_label(s.coop, s.conf)
            assert s.voice in ("narrator", "quoted")
            assert s.modality in ("asserted", "future", "conditional", "hypothetical")
            assert s.coop_score >= 0 and s.conf_score >= 0
            assert (s.coop == 1) == (s.coop_score > 0)
            assert math.isnan(s.goldstein) == (s.coop == 0 and s.conf == 0)
            for d in s.dyads:
                assert d["actor_a"] < d["actor_b"]
                assert d["relation"] in ("coop", "conf", "mixed")
                assert set(d) >= {"source", "target", "category", "quad_class", "weight",
                                  "negated", "modality", "evidence"}


def test_scores_and_goldstein_follow_the_weights(full: FrameScorer) -> None:
    s = score(full, "Les deux pays ont signé un accord de cessez-le-feu.")[0]
    weights = [e["weight"] for e in counted(s)]
    assert s.coop_score == pytest.approx(sum(weights))
    assert s.goldstein == pytest.approx(sum(weights) / len(weights))
    assert {e["category"] for e in counted(s)} == {"SUPPORT", "AGREE", "RETREAT"}


# --------------------------------------------------------------------------- matching
def test_lemma_and_multiword_matching_on_seed(seeds_full: dict) -> None:
    s = find(seeds_full["003_fae3f241c8e18dc7"], "Nous ne nous sommes pas mis d'accord")
    terms = [e["term"] for e in s.events]
    assert terms.count("se mettre d'accord") == 2  # "mis d'accord" -> se mettre d'accord
    s = find(seeds_full["000_6dfd0f7db67c22f2"], "fixer le régime de cessez-le-feu")
    assert "cessez-le-feu[RETREAT,+7.6]" in s.evidence
    assert "zone de désescalade[RETREAT,+7.6]" in s.evidence
    assert "SYR" not in s.actors  # "le régime de cessez-le-feu" is not the Syrian regime


@pytest.mark.parametrize("text", [
    "Il a accordé une interview à la télévision russe.",          # accorder is not accord
    "C'est important pour l'ensemble de la communauté internationale.",  # not "ensemble"
    "L'information a été publiée hier.",                           # stem of informer
    "Le ministre parle au Parlement.",                             # se parler needs se
    "Chauchard, tu es une bête !",                                 # the pronoun tu is not tuer
    "Il n'existe pas d'informations sur ce sujet.",               # plural noun, not informer
    "Envoyez vos coordonnées au service client.",                 # contact details
    "Les fenêtres sont garnies de volets en temps de paix.",      # peacetime, no event
])
@pytest.mark.parametrize("mode", ["full", "fast"])
def test_lookalikes_do_not_match(full: FrameScorer, fast: FrameScorer, mode: str,
                                 text: str) -> None:
    s = score(full if mode == "full" else fast, text)[0]
    assert s.frame == "neutral", s.evidence


@pytest.mark.parametrize(("text", "nato"), [
    ("L'Alliance a décidé de renforcer son flanc est, ce que le Kremlin a décrié.", True),
    ("Sommet de Washington : les Alliés s'engagent à aider Kiev.", True),
    ("La Russie a formé une alliance avec ses alliés de l'OTSC.", False),   # common nouns
    ("Le Mali a rejoint l'Alliance des États du Sahel.", False),         # another alliance
])
@pytest.mark.parametrize("mode", ["full", "fast"])
def test_the_alliance_with_a_capital_is_nato(full: FrameScorer, fast: FrameScorer, mode: str,
                                             text: str, nato: bool) -> None:
    s = score(full if mode == "full" else fast, text)[0]
    assert ("NATO" in s.actors) == nato, s.actors


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_a_state_named_by_its_assets_is_their_target_not_a_partner(
        full: FrameScorer, fast: FrameScorer, mode: str) -> None:
    scorer = full if mode == "full" else fast
    s = score(scorer, "Le G7 a imposé un embargo sur le pétrole russe.")[0]
    assert dyad(s, "G7", "RUS")["relation"] == "conf", s.dyads
    s = score(scorer, "Le G7 s'est entendu sur un prêt à l'Ukraine adossé aux avoirs russes "
                      "immobilisés.")[0]
    assert "RUS" in s.actors and {(d["actor_a"], d["actor_b"]) for d in s.dyads} == {
        ("G7", "UKR")}, s.dyads


@pytest.mark.parametrize("text", [
    "Washington va fournir 31 chars Abrams à l'Ukraine.",         # a digit for the determiner
    "Washington va livrer trois batteries à l'Ukraine.",           # a number word
    "Joe Biden a annoncé l'envoi à l'Ukraine de lance-roquettes HIMARS.",  # recipient before de
    "Le Pentagone va livrer des HIMARS à Kiev.",                   # a weapon system's name
])
@pytest.mark.parametrize("mode", ["full", "fast"])
def test_weapons_sent_to_an_actor_are_aid(full: FrameScorer, fast: FrameScorer, mode: str,
                                          text: str) -> None:
    s = score(full if mode == "full" else fast, text)[0]
    assert dyad(s, "UKR", "USA")["relation"] == "coop", (s.evidence, s.dyads)


@pytest.mark.parametrize("text", [
    "Moscou a adressé à Washington un avertissement appuyé.",        # emphatic, no support
    "Washington a sanctionné Moscou au lendemain de la reconnaissance des républiques "
    "séparatistes.",                                                  # no cooperation recognised
    "Essais nucléaires : Moscou retire sa ratification du TICE, Washington dénonce un pas en "
    "arrière",                                                         # a ratification undone
    "Moscou suspend sa participation au dernier accord de désarmement nucléaire la liant à "
    "Washington.",                                                     # a kind of treaty named
])
@pytest.mark.parametrize("mode", ["full", "fast"])
def test_conflict_sentences_hold_no_cooperation(full: FrameScorer, fast: FrameScorer, mode: str,
                                                text: str) -> None:
    s = score(full if mode == "full" else fast, text)[0]
    assert (s.coop, s.conf) == (0, 1), s.evidence


def test_a_dropped_word_is_no_object_of_a_spoiling_act(full: FrameScorer) -> None:
    """"un appel au cessez-le-feu" is no telephone call (call_sense drops it); the veto spoils
    the ceasefire governed through it in the parse, not the dropped appeal (events.deesc_parse)."""
    s = score(full, "« Washington vient de délivrer à Israël un permis de tuer », a accusé le "
                    "représentant russe à l'ONU, Vassili Nebenzia, après le nouveau veto "
                    "américain à un appel au cessez-le-feu à Gaza.")[0]
    assert "veto>cessez-le-feu[spoiled]" in s.evidence, s.evidence


def test_blocked_expression_keeps_the_rest(full: FrameScorer) -> None:
    s = score(full, "Les rebelles ont attaqué la ville à l'aide de missiles.")[0]
    assert (s.coop, s.conf) == (0, 1)


# --------------------------------------------------------------------------- fast mode
def test_fast_mode_matches_inflections_and_stems(fast: FrameScorer) -> None:
    s = score(fast, "Les Russes coopèrent avec les Turcs.")[0]
    assert s.coop == 1 and dyad(s, "RUS", "TUR")["relation"] == "coop"
    s = score(fast, "Moscou et Washington se sont mis d'accord sur un cessez-le-feu.")[0]
    assert "se mettre d'accord" in s.evidence and "cessez-le-feu" in s.evidence
    s = score(fast, "Les deux présidents se sont entretenus longuement.")[0]
    assert "s'entretenir[CONSULT" in s.evidence


@pytest.mark.parametrize(("word", "feminine"), [("provocateur", "provocatrice"),
                                                ("destructeur", "destructrice")])
def test_adjectives_in_ateur_and_cteur_have_their_feminine_in_trice(word: str, feminine: str
                                                                     ) -> None:
    """"a jugée « provocatrice »" matches the lexicon's provocateur without a lemmatizer."""
    assert {feminine, feminine + "s"} <= adj_forms(word)
    assert "mentrice" not in adj_forms("menteur")


def test_fast_mode_on_the_seeds(seeds_fast: dict, seeds_full: dict) -> None:
    for seed in SEED_IDS:
        assert seeds_fast[seed], seed
    head = find(seeds_fast["004_c8547742e4edcbef"], "pourraient coopérer")
    assert (head.coop, head.conf, head.modality) == (1, 1, "conditional")
    assert dyad(head, "RUS", "USA")["relation"] == "coop"
    quoted = find(seeds_fast["000_6dfd0f7db67c22f2"], "dernier bastion de Daech")
    assert quoted.voice == "quoted" and quoted.speaker == "Vladimir Poutine"
    # the two modes agree on most sentence frames of the seeds
    agree = total = 0
    for seed in SEED_IDS:
        fast_frames = {s.text.strip(): s.frame for s in seeds_fast[seed]}
        for s in seeds_full[seed]:
            if s.text.strip() in fast_frames:
                total += 1
                agree += fast_frames[s.text.strip()] == s.frame
    assert total > 40 and agree / total > 0.8


# --------------------------------------------------------------------------- negation
def test_negated_cooperation_is_conflict_on_seed(seeds_full: dict) -> None:
    s = find(seeds_full["003_fae3f241c8e18dc7"], "Nous ne nous sommes pas mis d'accord")
    first = s.events[0]
    assert first["negated"] and first["category"] == "REJECT" and first["counted"]
    assert s.conf == 1 and "not:se mettre d'accord[REJECT,-4.2]" in s.evidence
    second = s.events[1]
    assert not second["negated"] and second["category"] == "AGREE"
    assert s.frame == "mixed"


def test_negation_does_not_leak_across_clauses_on_seed(seeds_full: dict) -> None:
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "n’ait publié aucun communiqué")
    assert (s.coop, s.conf) == (1, 0)
    assert not any(e["negated"] for e in s.events)


@pytest.mark.parametrize("mode", ["full", "fast"])
@pytest.mark.parametrize("text, coop, conf", [
    ("Nous ne nous sommes pas mis d'accord.", 0, 1),
    ("Il n'y a plus de combats à Alep.", 0, 0),         # ne ... plus: negated conflict
    ("Plus de combats à Alep.", 0, 1),                  # no "ne": not a negation
    ("Les deux pays se sont séparés sans aucun accord.", 0, 1),
    ("Moscou ne veut pas négocier avec Washington.", 0, 1),
    ("La Russie n'a pas attaqué la Turquie.", 0, 0),
    ("La Russie ne cherche que la coopération.", 1, 0),  # ne ... que is not negation
    ("L'Iran n'a jamais cessé de soutenir Damas.", 1, 0),  # the stop word is negated
    ("Les combats n'ont pas cessé à Alep.", 0, 1),
    ("Ils n'hésitent pas à accuser Moscou.", 0, 1),      # litote: the accusation is made
    ("Washington ne manque pas de critiquer Moscou.", 0, 1),
    ("Washington ne critique pas Moscou.", 0, 0),
])
def test_negation_adversarial(full: FrameScorer, fast: FrameScorer, mode: str, text: str,
                              coop: int, conf: int) -> None:
    s = score(full if mode == "full" else fast, text)[0]
    assert (s.coop, s.conf) == (coop, conf), s.evidence


def test_negated_dyad_is_conflict(full: FrameScorer) -> None:
    s = score(full, "Moscou ne veut pas négocier avec Washington.")[0]
    d = dyad(s, "RUS", "USA")
    assert d["relation"] == "conf" and d["negated"] is True


# --------------------------------------------------------------------------- de-escalation
def test_deescalation_on_seed(seeds_full: dict) -> None:
    s = find(seeds_full["001_cf76ea9e43bb9e79"], "cesser les hostilités")
    assert (s.coop, s.conf) == (1, 0) and "cesser>hostilités[deescalation,+7.6]" in s.evidence
    s = find(seeds_full["001_cf76ea9e43bb9e79"], "Il faut arrêter les combats")
    assert (s.coop, s.conf) == (1, 0)
    s = find(seeds_full["001_cf76ea9e43bb9e79"], "la levée du siège")
    assert (s.coop, s.conf) == (1, 0)
    assert any(e["term"] == "siège" and e["rule"] == "deescalation" for e in s.events)


def test_victory_stays_conflict_on_seed(seeds_full: dict) -> None:
    s = find(seeds_full["001_cf76ea9e43bb9e79"], "a affirmé que la libération")
    assert s.conf == 1 and "libération[ASSAULT,-9.3]" in s.evidence
    s = find(seeds_full["000_6dfd0f7db67c22f2"], "touche à sa fin")
    assert (s.coop, s.conf) == (0, 1)


@pytest.mark.parametrize("mode", ["full", "fast"])
@pytest.mark.parametrize("text, coop, conf, rule", [
    ("Il faut mettre fin aux hostilités.", 1, 0, "deescalation"),
    ("Les deux camps ont décidé l'arrêt des bombardements.", 1, 0, "deescalation"),
    ("La guerre touche à sa fin.", 0, 1, "lexicon"),
    ("Il faut mettre fin au terrorisme.", 0, 1, "lexicon"),   # enemy: not de-escalated
    ("Moscou a décidé de suspendre les négociations.", 0, 1, "halt_coop"),
    ("Ils refusent d'arrêter les combats.", 0, 1, None),
])
def test_deescalation_adversarial(full: FrameScorer, fast: FrameScorer, mode: str, text: str,
                                  coop: int, conf: int, rule: str | None) -> None:
    s = score(full if mode == "full" else fast, text)[0]
    assert (s.coop, s.conf) == (coop, conf), s.evidence
    if rule:
        assert rule in {e["rule"] for e in counted(s)}


# --------------------------------------------------------------------------- proper names
def test_words_inside_names_do_not_count_on_seed(seeds_full: dict, seeds_fast: dict) -> None:
    for seeds in (seeds_full, seeds_fast):
        s = find(seeds["002_2f1464cb4d1d22d2"], "Coopération économique")
        assert "name:coopération[dropped]" in s.evidence
        assert not any(e["term"] == "coopération" and e["counted"] for e in s.events)


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_names_adversarial(full: FrameScorer, fast: FrameScorer, mode: str) -> None:
    scorer = full if mode == "full" else fast
    s = score(scorer, "Il a parlé de l'Organisation de coopération de Shanghai (OCS) hier.")[0]
    assert s.frame == "neutral", s.evidence
    s = score(scorer, "Le sommet de l'OCS (Organisation de coopération de Shanghai) s'ouvre.")
    assert not any(e["term"] == "coopération" and e["counted"] for x in s for e in x.events)
    s = score(scorer, "Coopération renforcée entre Moscou et Ankara.")[0]  # sentence start
    assert s.coop == 1 and dyad(s, "RUS", "TUR")["relation"] == "coop"


# --------------------------------------------------------------------------- modality
def test_modality_on_seeds(seeds_full: dict) -> None:
    s = find(seeds_full["000_6dfd0f7db67c22f2"], "sera poursuivie de concert")
    assert s.modality == "future" and s.coop == 1
    s = find(seeds_full["004_c8547742e4edcbef"], "pourraient coopérer")
    assert s.modality == "conditional" and s.coop == 1
    s = find(seeds_full["004_c8547742e4edcbef"], "pourrait y avoir un dialogue")
    assert next(e for e in s.events if e["term"] == "dialogue")["modality"] == "conditional"
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "Un autre appel téléphonique est prévu")
    assert s.modality == "future" and s.coop == 1
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "La rencontre aura également")
    assert s.modality == "future"


@pytest.mark.parametrize("mode", ["full", "fast"])
@pytest.mark.parametrize("text, modality", [
    ("Si la Russie et les États-Unis coopèrent, tout changera.", "hypothetical"),
    ("Même si Moscou coopère, rien ne changera.", "future"),   # "même si" is concessive
    ("Moscou et Washington pourraient coopérer.", "conditional"),
    ("Moscou et Washington vont coopérer.", "future"),
    ("Moscou et Washington coopéreront.", "future"),
    ("Moscou et Washington coopèrent.", "asserted"),
    ("Le retrait des troupes a commencé.", "asserted"),        # "retrait" is not -rait
])
def test_modality_adversarial(full: FrameScorer, fast: FrameScorer, mode: str, text: str,
                              modality: str) -> None:
    s = score(full if mode == "full" else fast, text)[0]
    assert s.coop == 1  # modality never cancels cooperation
    assert counted(s)[0]["modality"] == modality, s.evidence


# --------------------------------------------------------------------------- coordination
def test_joint_fight_on_seed(seeds_full: dict) -> None:
    s = find(seeds_full["000_6dfd0f7db67c22f2"], "poursuivie de concert par la Russie")
    assert (s.coop, s.conf) == (1, 1)
    assert dyad(s, "RUS", "USA")["relation"] == "coop"
    assert dyad(s, "RUS", "TER")["relation"] == "conf"
    assert dyad(s, "TER", "USA")["relation"] == "conf"
    assert dyad(s, "RUS", "TER")["source"] == "RUS" and dyad(s, "RUS", "TER")["target"] == "TER"
    assert "joint:RUS+USA" in s.evidence


def test_coordinated_actors_on_seeds(seeds_full: dict) -> None:
    s = find(seeds_full["003_fae3f241c8e18dc7"], "Moscou et Washington vont continuer")
    assert dyad(s, "RUS", "USA")["relation"] == "coop"
    assert dyad(s, "IS", "RUS")["relation"] == "conf"
    s = find(seeds_full["000_6dfd0f7db67c22f2"], "la Russie et les États-Unis ont convenu")
    assert dyad(s, "RUS", "USA")["relation"] == "coop" and "joint:RUS+USA" in s.evidence


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_coordination_adversarial(full: FrameScorer, fast: FrameScorer, mode: str) -> None:
    scorer = full if mode == "full" else fast
    s = score(scorer, "La Russie et les États-Unis luttent contre Daech.")[0]
    assert (s.coop, s.conf) == (1, 1)  # the joint fight adds cooperation
    assert [(d["actor_a"], d["actor_b"], d["relation"]) for d in s.dyads] == [
        ("IS", "RUS", "conf"), ("IS", "USA", "conf"), ("RUS", "USA", "coop")]
    s = score(scorer, "La guerre entre la Russie et l'Ukraine continue.")[0]
    assert dyad(s, "RUS", "UKR")["relation"] == "conf" and s.coop == 0
    s = score(scorer, "Moscou et Washington s'accusent mutuellement.")[0]
    assert dyad(s, "RUS", "USA")["relation"] == "conf" and s.coop == 0
    s = score(scorer, "Washington a condamné les frappes russes contre les rebelles.")[0]
    assert dyad(s, "RUS", "USA")["relation"] == "conf"  # not a joint fight
    assert dyad(s, "RUS", "TER")["relation"] == "conf"


# --------------------------------------------------------------------------- titles
def test_reference_by_title_on_seeds(seeds_full: dict) -> None:
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "son homologue américain Donald Trump de la")
    assert dyad(s, "RUS", "USA")["relation"] == "coop"
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "les deux hommes s’efforcent")
    assert s.actors == ["RUS", "USA"] and dyad(s, "RUS", "USA")["relation"] == "coop"
    s = find(seeds_full["004_c8547742e4edcbef"], "la nouvelle administration américaine")
    assert s.actors[:2] == ["RUS", "USA"]
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "félicité son homologue syrien")
    assert dyad(s, "RUS", "SYR")["relation"] == "coop"
    s = find(seeds_full["001_cf76ea9e43bb9e79"], "deux présidents turc et iranien")
    assert {"TUR", "IRN"} <= set(s.actors)


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_titles_adversarial(full: FrameScorer, fast: FrameScorer, mode: str) -> None:
    scorer = full if mode == "full" else fast
    first, second = score(scorer, "Poutine a reçu Erdogan à Sotchi.",
                          "Les deux hommes ont discuté de la Syrie.")
    assert second.actors == ["RUS", "TUR"]  # across paragraphs
    assert dyad(second, "RUS", "TUR")["relation"] == "coop"
    s = score(scorer, "Des journalistes russes ont assisté à la conférence.")[0]
    assert s.actors == []
    s = score(scorer, "Le conflit syrien a fait des milliers de morts en Syrie.")[0]
    assert s.actors == [] and s.conf == 1
    s = score(scorer, "Le Président russe a salué la coopération.")[0]
    assert s.actors == ["RUS"]


# --------------------------------------------------------------------------- intra-actor
def test_intra_actor_on_seed(seeds_full: dict) -> None:
    s = find(seeds_full["001_cf76ea9e43bb9e79"], "Lors de sa rencontre avec le ministre russe")
    assert "intra:RUS:rencontre[dropped]" in s.evidence
    assert not any(e["term"] == "rencontre" and e["counted"] for e in s.events)
    assert s.coop == 0 and s.dyads == []


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_intra_actor_adversarial(full: FrameScorer, fast: FrameScorer, mode: str) -> None:
    scorer = full if mode == "full" else fast
    s = score(scorer, "Poutine a rencontré Choïgou.")[0]
    assert s.frame == "neutral" and s.dyads == []
    s = score(scorer, "Poutine a rencontré Erdogan.")[0]
    assert s.coop == 1 and dyad(s, "RUS", "TUR")["source"] == "RUS"
    s = score(scorer, "Le président russe, Vladimir Poutine, a salué la coopération.")[0]
    assert s.coop == 1  # a title and a name in apposition are one person


# --------------------------------------------------------------------------- support
def test_military_support_on_seed(seeds_full: dict) -> None:
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "opérations militaires de soutien")
    assert (s.coop, s.conf) == (1, 0)
    assert "opération militaire de soutien[AID,+7.4]" in s.evidence


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_military_operations_against_enemy(full: FrameScorer, fast: FrameScorer,
                                           mode: str) -> None:
    scorer = full if mode == "full" else fast
    s = score(scorer, "L'armée russe mène des opérations militaires contre les terroristes.")[0]
    assert (s.coop, s.conf) == (0, 1)
    assert dyad(s, "RUS", "TER")["relation"] == "conf"


# --------------------------------------------------------------------------- voice
def test_multi_sentence_quote_with_trailing_attribution(seeds_full: dict) -> None:
    seed = seeds_full["000_6dfd0f7db67c22f2"]
    for snippet in ("«Aujourd’hui, il est tout à fait évident", "Les derniers événements",
                    "dernier bastion de Daech"):
        s = find(seed, snippet)
        assert (s.voice, s.speaker) == ("quoted", "Vladimir Poutine"), snippet


def test_speakers_on_seeds(seeds_full: dict) -> None:
    s = find(seeds_full["000_6dfd0f7db67c22f2"], "a-t-il poursuivi")
    assert (s.voice, s.speaker) == ("quoted", "Vladimir Poutine")
    s = find(seeds_full["003_fae3f241c8e18dc7"], "a déclaré M. Lavrov")
    assert (s.voice, s.speaker) == ("quoted", "Sergueï Lavrov")
    s = find(seeds_full["000_6dfd0f7db67c22f2"], "Selon lui")
    assert (s.voice, s.speaker) == ("quoted", "Vladimir Poutine")
    s = find(seeds_full["001_cf76ea9e43bb9e79"], "Poutine a indiqué que la Russie")
    assert (s.voice, s.speaker) == ("quoted", "Vladimir Poutine")  # reported speech
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "a annoncé le Kremlin")
    assert (s.voice, s.speaker) == ("quoted", "Kremlin")
    s = find(seeds_full["002_2f1464cb4d1d22d2"], "Poutine a rencontré son homologue syrien")
    assert (s.voice, s.speaker) == ("narrator", "")
    s = find(seeds_full["003_fae3f241c8e18dc7"], "(Lavrov)")
    assert (s.voice, s.speaker) == ("quoted", "Sergueï Lavrov")


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_voice_adversarial(full: FrameScorer, fast: FrameScorer, mode: str) -> None:
    scorer = full if mode == "full" else fast
    s = score(scorer, 'Le président a qualifié la rencontre de "constructive".')[0]
    assert s.voice == "narrator"  # a short quoted word does not make a quote
    s = score(scorer, "Des sources ont affirmé que la trêve tenait.")[0]
    assert s.voice == "narrator"  # no named speaker
    sents = score(scorer, "« Nous voulons la paix. Nous coopérerons avec tous",
                  "les pays de la région », a déclaré Sergueï Lavrov.")
    assert [s.voice for s in sents] == ["quoted"] * len(sents)
    assert sents[-1].speaker == "Sergueï Lavrov"
    s = score(scorer, "Le Kremlin a affirmé que la trêve tenait.", "Il a ajouté que la "
                      "coopération continuait.")[1]
    assert (s.voice, s.speaker) == ("quoted", "Kremlin")


# --------------------------------------------------------------------------- no actor
def test_sentence_without_actor_can_be_scored(full: FrameScorer) -> None:
    s = score(full, "Il faut arrêter les combats.")[0]
    assert s.coop == 1 and s.actors == [] and s.dyads == []


def test_evidence_is_deterministic(full: FrameScorer, fast: FrameScorer) -> None:
    texts = paragraphs("004_c8547742e4edcbef")
    for scorer in (full, fast):
        a = [(s.evidence, s.actors, s.dyads) for p in scorer.score_texts(texts) for s in p]
        b = [(s.evidence, s.actors, s.dyads) for p in scorer.score_texts(texts) for s in p]
        assert a == b


# --------------------------------------------------------------------------- sklearn
def test_transform_predict_and_feature_names(fast: FrameScorer) -> None:
    X = ["Moscou et Washington coopèrent.", "Les combats continuent.", "Il pleut.",
         "La Russie et les États-Unis luttent contre Daech."]
    out = fast.transform(X)
    assert out.shape == (4, 4) and out.dtype == float
    assert out[:, :2].tolist() == [[1, 0], [0, 1], [0, 0], [1, 1]]
    assert out[0, 2] == pytest.approx(6.8) and out[1, 3] == pytest.approx(9.3)
    assert fast.predict(X).tolist() == ["cooperation", "conflict", "neutral", "mixed"]
    assert fast.get_feature_names_out().tolist() == list(FEATURE_NAMES)


def test_sklearn_clone_and_params() -> None:
    scorer = FrameScorer(mode="fast")
    assert scorer.get_params() == {"mode": "fast", "lexicon": None, "actors": None}
    twin = clone(scorer)
    assert twin is not scorer and twin.get_params() == scorer.get_params()
    assert not hasattr(twin, "lexicon_")
    assert twin.fit() is twin and twin.lexicon_version_ == lx.LEXICON_VERSION
    with pytest.raises(ValueError, match="mode"):
        FrameScorer(mode="slow").fit()


def test_pickle_round_trip(fast: FrameScorer) -> None:
    blob = pickle.dumps(fast)
    assert b"spacy" not in blob and len(blob) < 2_000_000
    clone_ = pickle.loads(blob)
    X = ["Poutine a rencontré Erdogan.", "Les frappes ont repris."]
    np.testing.assert_array_equal(clone_.transform(X), fast.transform(X))
    assert pickle.loads(pickle.dumps(FrameScorer(mode="fast"))).predict(X).tolist() == [
        "cooperation", "conflict"]


def test_custom_lexicon_overrides_the_packaged_one() -> None:
    lexicon = lx.load_lexicon()
    scorer = FrameScorer(mode="fast", lexicon=lexicon[lexicon.term != "coopérer"]).fit()
    assert scorer.predict(["Moscou et Washington coopèrent."]).tolist() == ["neutral"]
    assert scorer.lexicon_version_ == "custom"
    broken = lexicon.copy()
    broken.loc[0, "category"] = "FRIENDS"
    with pytest.raises(lx.LexiconError, match="unknown PLOVER"):
        FrameScorer(mode="fast", lexicon=broken).fit()


# --------------------------------------------------------------------------- edge cases
def test_empty_and_unsegmented_docs(fast: FrameScorer) -> None:
    import spacy

    blank = spacy.blank("fr")  # no sentencizer: the whole doc is one sentence
    empty, spaces, unsplit = fast.score_paragraphs(
        [blank(""), blank("   "), blank("Moscou coopère. Les combats continuent.")])
    assert empty == [] and spaces[0].frame == "neutral"
    assert len(unsplit) == 1 and unsplit[0].frame == "mixed"
    assert fast.transform([]).shape == (0, 4)
    assert fast.transform(["", None]).tolist() == [[0.0] * 4, [0.0] * 4]
    with pytest.raises(TypeError):
        fast.transform("une seule chaîne")


def test_unresolved_pair_is_not_an_actor(fast: FrameScorer) -> None:
    s = score(fast, "Les deux pays se sont séparés sans aucun accord.")[0]
    assert s.actors == [] and s.dyads == [] and s.conf == 1


def test_open_quote_carries_to_next_paragraph(fast: FrameScorer) -> None:
    first, second, third = score(fast, "Lavrov a déclaré : « La coopération continue.",
                                 "« Nous travaillerons avec Washington. »",
                                 "Le ministre est ensuite parti.")
    assert first.speaker == second.speaker == "Sergueï Lavrov"
    assert second.voice == "quoted" and dyad(second, "RUS", "USA")["relation"] == "coop"
    assert third.voice == "narrator"


@pytest.mark.parametrize("mode", ["full", "fast", "lexical"])
@pytest.mark.parametrize("text, coop, conf", [
    ("Le président a exprimé la volonté de renforcer les relations bilatérales.", 1, 0),
    ("Moscou et Pékin veulent consolider les relations.", 1, 0),
    ("Dans sa chanson, il règle ses comptes avec ses rivaux.", 0, 1),   # not de-escalation
    ("En n'hésitant pas à l'accuser, ils ont rompu le silence.", 0, 1),
    ("Chauchard, tu es une bête !", 0, 0),
])
def test_lexicon_1_1_in_every_mode(mode: str, text: str, coop: int, conf: int) -> None:
    """The 1.1.0 entries and rules, argued from held-out batch 1 (docs/validation.md)."""
    values = FrameScorer(mode=mode).fit().transform([text])[0]
    assert (values[0], values[1]) == (coop, conf)


@pytest.mark.parametrize("mode", ["full", "fast", "lexical"])
@pytest.mark.parametrize("text, coop, evidence", [
    ("L'enjambeur est d'une aide précieuse.", 0, "unnamed:aide[dropped]"),  # nobody named
    ("Paul est d'une aide précieuse pour Marie.", 1, "aide[AID"),            # a name
    ("Le ministre a promis son aide.", 1, "aide[AID"),                      # a title
    ("Il faut arrêter les combats.", 1, "deescalation"),                    # de-escalation
])
def test_cooperation_needs_a_named_participant(mode: str, text: str, coop: int,
                                               evidence: str) -> None:
    s = FrameScorer(mode=mode).fit().score_texts([text])[0][0]
    assert s.coop == coop and evidence in s.evidence, s.evidence


@pytest.mark.parametrize("mode", ["full", "fast", "lexical"])
def test_a_capital_a_alone_is_the_preposition(mode: str) -> None:
    """"A l'ONU, Lavrov fustige ...": French press drops the accent of À; the UN after it is
    the speech's venue, not a party (words.tsv accentless_capitals)."""
    s = FrameScorer(mode=mode).fit().score_texts(
        ["A l'ONU, Lavrov fustige l'« hégémonie » américaine"])[0][0]
    assert [f"{d['actor_a']}-{d['actor_b']}:{d['relation']}" for d in s.dyads] == ["RUS-USA:conf"]


@pytest.mark.parametrize("mode", ["full", "fast", "lexical"])
@pytest.mark.parametrize("text", [
    "Le département américain de la Justice a accusé Moscou de piratage.",
    "Le département de la Défense a accusé Moscou de piratage.",
])
def test_us_federal_departments_are_the_united_states(mode: str, text: str) -> None:
    """actors 1.11.0: French press names the US departments so; "département" alone stays
    no title (le département français du Lot)."""
    s = FrameScorer(mode=mode).fit().score_texts([text])[0][0]
    assert "RUS-USA:conf" in {f"{d['actor_a']}-{d['actor_b']}:{d['relation']}" for d in s.dyads}
