"""Actor portrayal and cooperation stance (analysis.stance).

The rules are checked on real seed sentences (apposition, qualifier
predicate, split negation, quoted evaluation) and on constructed sentences
that break them. Tables are built from small hand-made scored tables, so the
tests need the spaCy model and the packaged lexicons but not the scorer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import stance as st


@dataclass
class Tables:
    """The three scored tables (the attributes of ``analysis.pipeline.Scored``)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    dyads: pd.DataFrame


@pytest.fixture(scope="module")
def matcher() -> st.ActorMatcher:
    return st.ActorMatcher(st.default_actors())


def evals(text: str, matcher: st.ActorMatcher, article: object = None) -> list[st.Evaluation]:
    doc = st._parse([text])[0]
    return st.sentence_evaluations(doc, st.find_mentions(doc, matcher, article))


def by_term(evs: list[st.Evaluation], word: str) -> st.Evaluation:
    hits = [e for e in evs if word in e.term]
    assert hits, f"{word!r} not found in {[e.term for e in evs]}"
    return hits[0]


# ---------------------------------------------------------------- seed sentences

SEED_APPOS = ('Barack Obama a pour sa part reconnu que "les Etats-Unis (étaient) prêts à travailler avec '
              'tous les pays, y compris la Russie et l\'Iran", alliés indéfectibles de Damas, dans '
              "l'espoir de trouver une porte de sortie à la guerre qui a fait plus de 240.000 morts en "
              "quatre ans et demi.")
SEED_QUALIFY = ("Le président russe s'est entretenu pendant une heure et demie lundi soir avec son homologue "
                "américain au siège de l'ONU à New York, qualifiant cette première rencontre officielle "
                'depuis plus de deux ans de "constructive et étonnamment ouverte".')
SEED_NEGATION = ('"Ce n\'est pas réaliste, le président Poutine l\'a signifié très clairement", '
                 "a déclaré M. Lavrov.")


def test_apposition_seed_attaches_to_both_coordinated_actors(matcher):
    ev = by_term(evals(SEED_APPOS, matcher), "alliés indéfectibles")
    assert ev.rule == "appos"
    assert ev.actors == ["IRN", "RUS"]  # plural apposition: both conjuncts, not Damas (SYR)
    assert ev.score > 0
    assert ev.quoted is False  # outside the quotation marks: the outlet's words


def test_apposition_breaks_singular_list_and_verb(matcher):
    # singular apposition describes the last conjunct only
    text = "La Russie et l'Iran, allié indéfectible de Damas, ont parlé."
    ev = by_term(evals(text, matcher), "indéfectible")
    assert ev.actors == ["IRN"]
    # a list of actors is not an apposition
    evs = evals("La Russie, l'Iran et la Turquie ont signé un accord fructueux.", matcher)
    assert not any(e.rule == "appos" for e in evs)
    # a comma followed by a finite verb is not an apposition
    evs = evals("Poutine, a dit le Kremlin, est un dirigeant courageux.", matcher)
    assert not any(e.rule == "appos" for e in evs)


def test_apposition_pejorative_epithet(matcher):
    ev = by_term(evals("Bachar al-Assad, le boucher de Damas, a reçu Poutine.", matcher), "boucher")
    assert (ev.rule, ev.actors) == ("appos", ["SYR"]) and ev.score < -0.5


def test_qualifier_predicate_seed(matcher):
    evs = evals(SEED_QUALIFY, matcher)
    c, o = by_term(evs, "constructive"), by_term(evs, "ouverte")
    for ev in (c, o):
        assert ev.target == "rencontre" and ev.target_kind == "event"
        assert ev.quoted is True and ev.score > 0
    assert o.boosters == ["étonnamment"]
    plain = st.load_polarity().lookup(["ouverte"]).weight
    assert o.score > plain  # the intensifier strengthens the word


def test_qualifier_predicate_breaks_with_weak_negation(matcher):
    text = "Poutine a qualifié cette rencontre de peu constructive."
    ev = by_term(evals(text, matcher), "constructive")
    assert ev.negated and ev.score < 0 and ev.target == "rencontre"


def test_split_negation_seed(matcher):
    ev = by_term(evals(SEED_NEGATION, matcher), "réaliste")
    assert ev.negated and ev.score < 0
    assert ev.target_kind == "context" and ev.quoted is True


@pytest.mark.parametrize("text, negated", [
    ("Ce plan est réaliste.", False),
    ("Ce plan n'est plus réaliste.", True),          # ne ... plus
    ("Ce plan n'est jamais réaliste.", True),        # ne ... jamais
    ("Il y a plus de plans réalistes.", False),      # "plus" without "ne" is not negation
    ("La Russie n'est pas un partenaire fiable.", True),  # negation on the predicate noun
])
def test_negation_constructed(matcher, text, negated):
    ev = by_term(evals(text, matcher), "réalist" if "réalist" in text else "fiable")
    assert ev.negated is negated
    assert (ev.score < 0) is negated


def test_intensifier_and_predicate_noun(matcher):
    strong = by_term(evals("Poutine est un dirigeant très courageux.", matcher), "courageux")
    plain = by_term(evals("Poutine est un dirigeant courageux.", matcher), "courageux")
    assert strong.actors == plain.actors == ["RUS"]
    assert strong.score > plain.score > 0


def test_labels_and_complements(matcher):
    evs = evals("Les terroristes ont fui et la destruction de Daesh continue.", matcher)
    assert by_term(evs, "terroristes").rule == "label" and by_term(evs, "terroristes").actors == ["TER"]
    assert by_term(evs, "destruction").actors == ["IS"] and by_term(evs, "destruction").score < 0
    # a pejorative group label used as an adjective describes the named group: the scorer's
    # rule (actors.no_actor) reads "le groupe takfiriste Daesh" as Daech, not unnamed terrorists
    ev = by_term(evals("la lutte contre le groupe takfiriste Daesh", matcher), "takfiriste")
    assert ev.actors == ["IS"]


def test_mentions_titles_pairs_and_non_actors(matcher):
    article = matcher.article()  # the scorer's article context, carried from sentence to sentence
    doc = st._parse(["Le président russe Vladimir Poutine a appelé son homologue américain Donald Trump."])[0]
    ms = st.find_mentions(doc, matcher, article)
    assert [m.codes for m in ms] == [("RUS",), ("USA",)]  # one mention each, titles merged
    assert ms[0].text == "président russe Vladimir Poutine"
    pair = st.find_mentions(st._parse(["Les deux présidents ont parlé."])[0], matcher, article)
    assert [m.codes for m in pair] == [("RUS", "USA")]
    # a pair of persons skips the body named last: not "Poutine and the UN"
    onu = st.find_mentions(st._parse(["Ils ont parlé de l'ONU."])[0], matcher, article)
    assert [m.codes for m in onu] == [("UN",)]
    pair = st.find_mentions(st._parse(["Les deux chefs d'Etat ont parlé."])[0], matcher, article)
    assert [m.codes for m in pair] == [("RUS", "USA")]
    # "les deux présidents turc et iranien" are the two adjectives, not the last two named
    pair = st.find_mentions(st._parse(["Il a salué le rôle des deux présidents turc et iranien."])[0],
                            matcher, article)
    assert [m.codes for m in pair] == [("TUR",), ("IRN",)]
    doc = st._parse(["Il faut fixer le régime de cessez-le-feu, dit le régime de Damas."])[0]
    assert [(m.text, m.codes) for m in st.find_mentions(doc, matcher)] == [
        ("régime", ("SYR",)), ("Damas", ("SYR",))]
    doc = st._parse(["Des journalistes russes ont parlé de la déclaration russo-américaine."])[0]
    assert [m.codes for m in st.find_mentions(doc, matcher)] == [("RUS", "USA")]


def test_mentions_are_the_scorers(matcher):
    """Stance's actors are the scorer's, sentence by sentence (one actor matcher)."""
    from analysis.scoring import FrameScorer

    scorer = FrameScorer(mode="full").fit()
    texts = ["Le sommet consacré au règlement du conflit syrien a réuni la Russie et la Turquie.",
             "Les Russes et les Américains ont parlé de la Corée du Nord à Moscou.",
             "Le chef de l'Etat syrien a reçu le ministre iranien des Affaires étrangères."]
    for text in texts:
        (sent,) = scorer.score_texts([text])[0]
        doc = st._parse([text])[0]
        named = {c for m in st.find_mentions(doc, matcher) if not m.place for c in m.codes}
        assert named == set(sent.actors), text


def test_a_place_or_topic_is_a_mention_but_no_actor(matcher):
    """"au Vietnam" names no agent (the scorer's place filter, actors.place_or_topic): stance
    counts it for the codebook's portrayal (a venue is listed, always neutral) but never
    gives it an evaluation."""
    from analysis.scoring import FrameScorer

    text = "Le sommet s'est tenu au Vietnam, pays accueillant et généreux, avec la Russie."
    (sent,) = FrameScorer(mode="full").fit().score_texts([text])[0]
    assert "VNM" not in sent.actors
    doc = st._parse([text])[0]
    ms = st.find_mentions(doc, matcher)
    vnm = [m for m in ms if m.codes == ("VNM",)]
    assert len(vnm) == 1 and vnm[0].place and vnm[0].text == "Vietnam"
    assert not [m for m in ms if m.codes == ("RUS",)][0].place
    evs = st.sentence_evaluations(doc, ms)
    assert not any("VNM" in e.actors for e in evs)
    # the same phrase with the country as an agent is evaluated
    doc = st._parse(["Le Vietnam, pays accueillant et généreux, a reçu la Russie."])[0]
    evs = st.sentence_evaluations(doc, st.find_mentions(doc, matcher))
    assert any(e.actors == ["VNM"] and e.score > 0 for e in evs)
    # a nationality adjective on a non-agent head is a topic: "le conflit syrien"
    doc = st._parse(["La Russie a condamné le terrible conflit syrien."])[0]
    ms = st.find_mentions(doc, matcher)
    assert [(m.text, m.codes, m.place) for m in ms] == [("Russie", ("RUS",), False),
                                                        ("syrien", ("SYR",), True)]
    assert not any("SYR" in e.actors for e in st.sentence_evaluations(doc, ms))
    # in the portrayal table: a row, neutral, no evaluation
    t = make_tables([("a1", 0, text, "narrator", "", "RUS")])
    row = st.portray(t).set_index("actor").loc["VNM"]
    assert row["portrayal"] == "neutral" and row["n_evaluations"] == 0 and row["mentions"] == 1


def test_a_dated_title_and_term_are_resolved_as_the_scorer_does(matcher):
    """The article's date reaches stance's mentions through the scorer's date rules
    (office_term, title_by_date; offices.tsv), and portray reads it from articles.published."""
    from analysis.scoring import FrameScorer

    scorer = FrameScorer(mode="full").fit()
    text = "Donald Trump a appelé le président américain, qui a salué Vladimir Poutine."
    for date, usa in (("2018-06-01", True), ("2022-06-01", True), ("", True)):
        (sent,) = scorer.score_texts([text], date=date)[0]
        doc = st._parse([text])[0]
        article = matcher.article(date)
        codes = [m.codes for m in st.find_mentions(doc, matcher, article)]
        assert {c for cs in codes for c in cs} == set(sent.actors), date
        assert ("USA" in sent.actors) is usa
    # in 2022 Trump is out of office: not USA; "le président américain" is Joe Biden
    doc = st._parse(["Donald Trump a critiqué Vladimir Poutine."])[0]
    (sent,) = scorer.score_texts([doc.text], date="2022-06-01")[0]
    assert sent.actors == ["RUS"]
    assert [m.codes for m in st.find_mentions(doc, matcher, matcher.article("2022-06-01"))] == [("RUS",)]
    assert [m.codes for m in st.find_mentions(doc, matcher, matcher.article("2018-06-01"))] == [
        ("USA",), ("RUS",)]
    article = matcher.article("2022-06-01")
    doc = st._parse(["Le président américain a parlé."])[0]
    st.find_mentions(doc, matcher, article)
    assert article.ctx.leaders == {"USA": "Joe Biden"}  # as the scorer's title_by_date names him
    # portray: the date comes from the articles table
    t = make_tables([("a1", 0, "Donald Trump a critiqué Vladimir Poutine.", "narrator", "", "RUS")])
    assert "USA" in set(st.portray(t)["actor"])
    t.articles["published"] = "2022-06-01"
    assert "USA" not in set(st.portray(t)["actor"])


def test_the_scorers_title_swallows_the_islamic_state_in_both():
    """Known gap of the scorer's actor index, shared by stance: "le chef de l'État islamique"
    reads the title "chef d'État" and misses IS (stance used to re-read the words itself)."""
    from analysis.scoring import FrameScorer

    text = "Le chef de l'Etat syrien a reçu le chef de l'État islamique."
    (sent,) = FrameScorer(mode="full").fit().score_texts([text])[0]
    doc = st._parse([text])[0]
    ms = st.find_mentions(doc, st.ActorMatcher(st.default_actors()))
    assert [(m.text, m.codes) for m in ms] == [("chef de l'Etat syrien", ("SYR",))]
    assert sent.actors == ["SYR"]  # IS missed by both: to fix in the scorer, then here


def test_quote_marks():
    doc = st._parse(['"Il reste à la concrétiser", a-t-il déclaré.'])[0]
    q = st.quoted_tokens(doc)
    assert q is not None and q[[t.text for t in doc].index("reste")] is True
    assert q[[t.text for t in doc].index("déclaré")] is False
    doc = st._parse(["mais il reste à la concrétiser», a-t-il dit."])[0]  # quote begun earlier
    assert st.quoted_tokens(doc, carry_in=True)[1] is True
    assert st.quoted_tokens(doc)[1] is False  # alone, a closing mark opens nothing (the scorer's rule)
    assert st.quoted_tokens(st._parse(["Aucune citation ici."])[0]) is None


def test_quotes_are_the_scorers_across_sentences():
    """One quote detection: a quotation over two sentences of a paragraph is read, word by
    word, as the scorer reads the paragraph (speech.quote_segments on its tokens)."""
    from analysis.scoring.speech import quote_segments
    from analysis.scoring.tokens import sentence_tokens
    from analysis.stance.text import scorer_tokens
    from analysis.stance.voice import paragraph_quotes

    texts = ["« Le travail a été utile.", "Il reste à le concrétiser », a dit Poutine.",
             'Lavrov a parlé d\'un "partenaire fiable" à Moscou.']
    whole = st._parse([" ".join(texts)])[0]  # the scorer reads the paragraph
    segments, _ = quote_segments(whole.text, False)
    scorer_words = [(t.text, t.quoted) for sp in whole.sents
                    for t in sentence_tokens(sp, True, segments) if not t.punct]
    docs = st._parse(texts)  # stance reads the scored sentences one by one
    ranges, carry = paragraph_quotes([d.text for d in docs])
    stance_words = [(t.text, t.quoted) for d, r in zip(docs, ranges, strict=True)
                    for t in scorer_tokens(d, r) if not t.punct]
    assert stance_words == scorer_words and not carry
    quoted = [w for w, q in stance_words if q]
    assert quoted == ["Le", "travail", "a", "été", "utile", "Il", "reste", "à", "le", "concrétiser",
                      "partenaire", "fiable"]
    # the evaluation inside the marks is the speaker's
    q = [t.quoted for t in scorer_tokens(docs[2], ranges[2])]
    assert by_term(st.sentence_evaluations(docs[2], [], quoted=q), "fiable").quoted is True
    assert [v for v, _ in st.token_voices(docs[1], "quoted", "Poutine", [
        t.quoted for t in scorer_tokens(docs[1], ranges[1])])][:2] == ["quoted", "quoted"]


# ---------------------------------------------------------------- tables

def make_tables(rows: list[tuple[str, int, str, str, str, str]],
                dyads: list[tuple[str, int, str, str, str, bool]] = (),
                outlets: dict[str, str] | None = None) -> Tables:
    """rows: (article_id, sentence_id, text, voice, speaker, actors);
    dyads: (article_id, sentence_id, actor_a, actor_b, relation, negated)."""
    sents = pd.DataFrame([{"article_id": a, "sentence_id": s, "text": t, "kind": "body", "voice": v,
                           "speaker": sp, "actors": ac, "coop": 0, "conf": 0}
                          for a, s, t, v, sp, ac in rows])
    dy = pd.DataFrame([{"article_id": a, "sentence_id": s, "actor_a": x, "actor_b": y, "source": x,
                        "target": y, "relation": r, "category": "AGREE", "quad_class": "verbal_coop",
                        "weight": 4.2, "negated": n, "modality": "asserted", "evidence": "test"}
                       for a, s, x, y, r, n in dyads],
                      columns=["article_id", "sentence_id", "actor_a", "actor_b", "source", "target",
                               "relation", "category", "quad_class", "weight", "negated", "modality",
                               "evidence"])
    ids = sorted({r[0] for r in rows})
    outlets = outlets or {}
    arts = pd.DataFrame({"article_id": ids, "status": "ok", "outlet": [outlets.get(i, "") for i in ids]})
    return Tables(arts, sents, dy)


@pytest.fixture(scope="module")
def quoted_tables() -> Tables:
    return make_tables([
        ("a1", 0, "«Washington est un partenaire fiable», a déclaré Sergueï Lavrov.", "quoted",
         "Sergueï Lavrov", "USA;RUS"),
        ("a1", 1, "Washington, partenaire peu fiable, se tait.", "narrator", "", "USA"),
        ("a2", 0, "Moscou a parlé avec Washington.", "narrator", "", "RUS;USA"),
    ])


def test_quoted_evaluation_goes_to_the_speaker_not_the_outlet(quoted_tables):
    a = st.portray(quoted_tables)
    usa = a[(a["article_id"] == "a1") & (a["actor"] == "USA")].iloc[0]
    assert usa["quoted_score"] > 0 > usa["narrator_score"]
    assert usa["voice"] == "both" and usa["n_evaluations"] == 2
    assert "quoted: Sergueï Lavrov" in usa["evidence"]
    assert "(narrator; s1" in usa["evidence"]
    # only the quoted sentence: the outlet itself says nothing about USA
    only = make_tables([quoted_tables.sentences.iloc[0][["article_id", "sentence_id", "text", "voice",
                                                         "speaker", "actors"]].tolist()])
    u = st.portray(only).set_index("actor").loc["USA"]
    assert u["narrator_score"] == 0 and u["quoted_score"] > 0 and u["voice"] == "quoted"


def test_portray_columns_counts_and_determinism(quoted_tables):
    tables = make_tables(quoted_tables.sentences[["article_id", "sentence_id", "text", "voice", "speaker",
                                                  "actors"]].itertuples(index=False, name=None),
                         dyads=[("a2", 0, "RUS", "USA", "coop", False)])
    a = st.portray(tables)
    assert list(a.columns) == st.ACTOR_COLUMNS
    assert a[["article_id", "actor"]].values.tolist() == sorted(a[["article_id", "actor"]].values.tolist())
    rus = a[(a["article_id"] == "a2") & (a["actor"] == "RUS")].iloc[0]
    assert (rus["as_source"], rus["as_target"], rus["cooperates_with"], rus["conflicts_with"]) == (
        1, 0, "USA", "")
    assert rus["portrayal"] == "neutral" and rus["n_evaluations"] == 0 and rus["labels_used"] == "moscou"
    pd.testing.assert_frame_equal(a, st.portray(tables))


def stance_tables() -> Tables:
    rows = [
        ("s1", 0, "Poutine a rencontré Trump.", "narrator", "", "RUS;USA"),
        ("s1", 1, "«Le travail a été utile et fructueux», a dit Poutine.", "quoted", "Vladimir Poutine",
         "RUS"),
        ("s1", 2, "Malgré les vents contraires, les deux hommes coopèrent.", "narrator", "", "RUS;USA"),
        ("s1", 3, "Ils se sont vus à Danang.", "narrator", "", ""),
        ("s1", 4, "Ce n'est pas réaliste.", "narrator", "", ""),  # two sentences away: outside the window
        ("s2", 0, "La Russie a parlé avec la Syrie, un échange très utile.", "narrator", "", "RUS;SYR"),
        ("s3", 0, "«Nous ne nous sommes pas mis d'accord avec Washington», a dit Lavrov.", "quoted",
         "Sergueï Lavrov", "RUS;USA"),
    ]
    dyads = [("s1", 0, "RUS", "USA", "coop", False), ("s1", 2, "RUS", "USA", "coop", False),
             ("s2", 0, "RUS", "SYR", "coop", False), ("s3", 0, "RUS", "USA", "conf", True)]
    return make_tables(rows, dyads)


def test_stance_per_voice_window_and_negated_cooperation():
    s = st.stance(stance_tables()).set_index(["article_id", "voice"])
    assert list(st.stance(stance_tables()).columns) == st.STANCE_COLUMNS
    assert s.loc[("s1", "quoted"), "stance_coop"] == "desirable"   # utile et fructueux (Poutine)
    assert s.loc[("s1", "narrator"), "stance_coop"] == "doubted"   # malgré les vents contraires
    assert s.loc[("s1", "all"), "stance_coop"] == "mixed"
    assert "réaliste" not in s.loc[("s1", "all"), "stance_evidence"]  # outside the window
    assert s.loc[("s2", "all"), "stance_coop"] == "neither"       # RUS–SYR is not the pair followed
    assert s.loc[("s2", "all"), "n_window"] == 0
    assert s.loc[("s3", "quoted"), "stance_coop"] == "doubted"     # negated cooperation
    assert s.loc[("s3", "narrator"), "stance_coop"] == "neither"


def test_stance_label_thresholds():
    assert st.stance_label(0, 0) == ("neither", pytest.approx(np.nan, nan_ok=True))
    assert st.stance_label(1, 0)[0] == "desirable"
    assert st.stance_label(1, 1)[0] == "mixed"
    assert st.stance_label(0.2, 1)[0] == "doubted"


def test_portrayal_table_bootstrap_and_heatmap():
    actors = pd.DataFrame({
        "article_id": ["x1", "x2", "x3", "x1"], "actor": ["RUS", "RUS", "RUS", "USA"],
        "mentions": [3, 2, 4, 1], "narrator_scores": ["0.5;0.3", "-0.2", "", ""],
        "quoted_scores": ["", "", "0.4", ""],
    })
    arts = pd.DataFrame({"article_id": ["x1", "x2", "x3"], "outlet": ["A", "A", np.nan]})
    t = st.portrayal_table(actors, arts, n_boot=500, seed=1)
    assert list(t.columns) == st.TABLE_COLUMNS
    a = t.set_index(["outlet", "actor"])
    assert a.loc[("A", "RUS"), "n_articles"] == 2 and a.loc[("A", "RUS"), "mentions"] == 5
    assert a.loc[("A", "RUS"), "score"] == pytest.approx(0.2)
    assert a.loc[("A", "RUS"), "score_low"] <= 0.2 <= a.loc[("A", "RUS"), "score_high"]
    assert np.isnan(a.loc[("inconnu", "RUS"), "score"])  # only a quoted evaluation there
    assert np.isnan(a.loc[("A", "USA"), "score"]) and a.loc[("A", "USA"), "n_neutral"] == 1
    pd.testing.assert_frame_equal(t, st.portrayal_table(actors, arts, n_boot=500, seed=1))
    assert st.portrayal_table(actors, arts, voice="all", n_boot=50).set_index(
        ["outlet", "actor"]).loc[("inconnu", "RUS"), "score"] == pytest.approx(0.4)
    fig, data = st.portrayal_heatmap(t)
    assert len(data) == 4 and {"outlet", "actor", "score", "n_articles", "mentions"} <= set(data.columns)
    texts = [x.get_text() for x in fig.axes[0].texts]
    assert any("n=2/5/3" in x for x in texts) and any("no eval." in x for x in texts)
    assert fig.axes[0].images[0].get_cmap().name.startswith("PuOr")


def test_polarity_file_sources_range_and_rebuild(tmp_path: Path):
    text = (Path(st.__file__).parent.parent / "data" / st.POLARITY_FILE).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for needed in ("version:", "vaderSentiment-fr", "MIT", "fr-sentiment.xml", "PDDL", "BSD", "hand"):
        assert needed in header
    df = st.read_polarity()
    pol = df[df["kind"].isin(["polarity", "stance"])]
    assert pol["weight"].between(-1, 1).all() and not pol["term"].duplicated().any()
    assert set(df["source"]) <= {"hand", "vader-fr", "pattern-fr", "vader-fr+pattern-fr"}
    for term in ("boucher", "constructif", "fructueux", "réaliste", "alliés indéfectibles",
                 "régime criminel"):
        assert term in set(df["term"])
    st.build_polarity(out=tmp_path / "p.tsv")  # the shipped file is exactly what the builder makes
    assert (tmp_path / "p.tsv").read_text(encoding="utf-8") == text


def test_evaluate_stance_on_synthetic_gold(tmp_path: Path, quoted_tables):
    """Agreement, confusion and errors against gold files written here (not the real annotations)."""
    tables = stance_tables()
    s_gold = tmp_path / "stance.csv"
    pd.DataFrame({"article_id": ["s1", "s1", "s1", "s2", "s3"],
                  "voice": ["narrator", "quoted", "all", "all", "quoted"],
                  "stance_coop": ["doubted", "desirable", "desirable", "neither", "doubted"],
                  "evidence": ["«vents contraires»", "«utile et fructueux»", "", "", ""],
                  "note": ""}).to_csv(s_gold, index=False)
    p_gold = tmp_path / "portrayal.csv"
    pd.DataFrame({"article_id": ["a1", "a1", "a2"], "actor": ["USA", "RUS", "IRN"],
                  "portrayal": ["unfavourable", "neutral", "neutral"],
                  "voice": ["both", "quoted", "narrator"], "evidence": "", "note": ""}
                 ).to_csv(p_gold, index=False)
    out = st.evaluate_stance(tables, actors_df=st.portray(quoted_tables), stance_df=st.stance(tables),
                             portrayal_gold=p_gold, stance_gold=s_gold)
    ag = out["stance"]["agreement"]
    assert ag["n"] == 5 and ag["accuracy"] == pytest.approx(4 / 5)  # s1/all is mixed, gold desirable
    assert out["stance"]["errors"][["article_id", "voice", "gold", "system"]].values.tolist() == [
        ["s1", "all", "desirable", "mixed"]]
    assert out["stance"]["confusion"].loc["desirable", "mixed"] == 1
    assert -1 <= ag["kappa"] <= 1
    por = out["portrayal"]
    assert por["agreement"]["n"] == 3
    # USA in a1: mean of +quoted and -narrator words; the system says what its scores say
    usa = por["items"].set_index(["article_id", "actor"]).loc[("a1", "USA")]
    assert usa["gold"] == "unfavourable" and usa["system"] in st.PORTRAYALS
    assert ("a2", "IRN", "gold only") in set(map(tuple, por["pairs"].values.tolist()))
    assert out["portrayal_voice"]["agreement"]["n"] == 3


def test_negated_cooperation_skips_words_inside_names():
    """Seed 002: APEC's "(Coopération économique…)" after "pas" is a name, not a cue."""
    text = ("Les deux chefs d'Etat, qui ne s'étaient pas parlé depuis une série de brèves rencontres "
            "au sommet de l'APEC (Coopération économique pour l'Asie-Pacifique) en novembre 2017, "
            "ont également abordé la question de la Corée du Nord.")
    terms = [e.term for e in st.negated_cooperation(st._parse([text])[0])]
    assert not any("Coopération" in t for t in terms), terms
    other = "Moscou et Washington ne veulent pas de coopération militaire."
    assert [e.term for e in st.negated_cooperation(st._parse([other])[0])] == [
        "negated cooperation: pas coopération"]


def test_a_custom_frame_lexicon_reaches_stance(monkeypatch):
    """`score(lexicon=..., stance=True)`: stance reads actors with the run's own lexicon."""
    from analysis import lexicon as lx
    from analysis import pipeline
    from analysis.stance import corpus

    seen = []
    real = corpus.ActorMatcher

    def spy(actors, frame_lexicon=None):
        seen.append(frame_lexicon)
        return real(actors, frame_lexicon)

    monkeypatch.setattr(corpus, "ActorMatcher", spy)
    custom = lx.load_lexicon()
    custom = custom[custom["term"] != "accord"].reset_index(drop=True)
    pipeline.score_text("La Russie et les États-Unis ont signé un accord.", mode="fast",
                        lexicon=custom, stance=True, tone=False)
    assert len(seen) == 1 and seen[0] is not None
    assert "accord" not in set(seen[0]["term"]) and len(seen[0]) == len(custom)
