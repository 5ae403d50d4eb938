"""Tests of the packaged lexicon, the actor dictionary and their loader."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import lexicon as lx
from analysis.paths import SHARED

REFERENCE = SHARED / "reference"


@pytest.fixture(scope="module")
def lexicon() -> pd.DataFrame:
    return lx.load_lexicon()


@pytest.fixture(scope="module")
def actors() -> pd.DataFrame:
    return lx.load_actors()


# --------------------------------------------------------------------------- lexicon
def test_versions_are_semver_and_match_headers() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", lx.LEXICON_VERSION)
    assert re.fullmatch(r"\d+\.\d+\.\d+", lx.ACTORS_VERSION)
    assert lx.lexicon_header()["version"] == lx.LEXICON_VERSION
    assert lx.actors_header()["version"] == lx.ACTORS_VERSION


def test_lexicon_header_names_sources_and_decisions() -> None:
    header = lx.lexicon_header()
    for key in ("name", "date", "source_categories", "source_goldstein", "quad_class",
                "sanction_decision", "terrorism_decision"):
        assert header.get(key), key
    text = " ".join(header.values())
    assert "PLOVER" in text and "CC BY-SA 4.0" in text and "Schrodt" in text
    assert "Goldstein" in text and "GDELT" in text
    assert "material_conf" in header["sanction_decision"]
    assert "lutte contre le terrorisme" in header["terrorism_decision"]


def test_lexicon_columns_and_size(lexicon: pd.DataFrame) -> None:
    for col in ("term", "pos", "category", "quad_class", "weight", "cameo", "note"):
        assert col in lexicon.columns
    events = lexicon[~lexicon.role.isin(["block", "recip"])]
    assert len(events) >= 300
    assert lexicon.term.str.lower().eq(lexicon.term).all()
    assert not lexicon.duplicated(["term", "pos"]).any()


def test_weights_are_the_schrodt_score_of_their_category(lexicon: pd.DataFrame) -> None:
    events = lexicon[lexicon.category != "NONE"]
    expected = events.category.map(lx.SCHRODT_SCORES)
    assert (events.weight == expected).all()
    assert events.weight.between(-10, 10).all()
    assert (events.quad_class == events.category.map(lx.CATEGORY_QUAD)).all()
    assert set(events.category) == set(lx.SCHRODT_SCORES)  # every category is used


def test_sanction_is_material_conflict() -> None:
    assert lx.CATEGORY_QUAD["SANCTION"] == "material_conf"


@pytest.mark.skipif(not (REFERENCE / "CAMEO.goldsteinscale.txt").exists(),
                    reason="shared reference tables not available")
def test_cameo_codes_and_goldstein_come_from_the_reference(lexicon: pd.DataFrame) -> None:
    gold = pd.read_csv(REFERENCE / "CAMEO.goldsteinscale.txt", sep="\t", dtype=str)
    table = dict(zip(gold.CAMEOEVENTCODE, gold.GOLDSTEINSCALE.astype(float), strict=True))
    events = lexicon[lexicon.category != "NONE"]
    assert events.cameo.isin(list(table)).all()
    assert (events.goldstein == events.cameo.map(table)).all()


@pytest.mark.parametrize("term, category", [
    ("coopérer", "COOPERATE"), ("coopération", "COOPERATE"), ("collaborer", "COOPERATE"),
    ("convenir", "AGREE"), ("accord", "AGREE"), ("s'entretenir", "CONSULT"),
    ("entretien", "CONSULT"), ("rencontrer", "CONSULT"), ("rencontre", "CONSULT"),
    ("négocier", "CONSULT"), ("négociation", "CONSULT"), ("discussion", "CONSULT"),
    ("dialogue", "CONSULT"), ("consulter", "CONSULT"), ("se concerter", "CONSULT"),
    ("téléphoner", "CONSULT"), ("féliciter", "SUPPORT"), ("remercier", "SUPPORT"),
    ("ratification", "SUPPORT"), ("saluer", "SUPPORT"), ("soutenir", "SUPPORT"),
    ("soutien", "SUPPORT"), ("aide", "AID"), ("corridor", "AID"), ("évacuer", "AID"),
    ("trêve", "RETREAT"), ("cessez-le-feu", "RETREAT"), ("désescalade", "RETREAT"),
    ("processus politique", "AGREE"), ("règlement", "AGREE"), ("compromis", "AGREE"),
    ("coordonner", "COOPERATE"), ("conjoint", "AGREE"), ("commun", "AGREE"),
    ("de concert", "COOPERATE"), ("ensemble", "COOPERATE"), ("partenariat", "COOPERATE"),
    ("alliance", "SUPPORT"), ("se mettre d'accord", "AGREE"), ("mettre fin", "RETREAT"),
    ("opération militaire de soutien", "AID"),
    ("combattre", "ASSAULT"), ("combat", "ASSAULT"), ("lutte", "ASSAULT"),
    ("lutter", "ASSAULT"), ("détruire", "ASSAULT"), ("destruction", "ASSAULT"),
    ("frapper", "ASSAULT"), ("frappe", "ASSAULT"), ("attaque", "ASSAULT"),
    ("attaquer", "ASSAULT"), ("bombarder", "ASSAULT"), ("siège", "COERCE"),
    ("hostilités", "ASSAULT"), ("guerre", "ASSAULT"), ("conflit", "ASSAULT"),
    ("terrorisme", "ASSAULT"), ("terroriste", "ASSAULT"), ("accuser", "ACCUSE"),
    ("rejeter", "REJECT"), ("menacer", "THREATEN"), ("menace", "THREATEN"),
    ("sanction", "COERCE"), ("condamner", "ACCUSE"), ("critiquer", "ACCUSE"),
    ("dénoncer", "ACCUSE"), ("protester", "PROTEST"), ("mobiliser", "MOBILIZE"),
    ("offensive", "ASSAULT"), ("opération militaire", "ASSAULT"), ("tuer", "ASSAULT"),
    ("mort", "ASSAULT"), ("victime", "ASSAULT"), ("libération", "ASSAULT"),
    ("lutte contre le terrorisme", "ASSAULT"), ("expulser", "SANCTION"),
])
def test_required_vocabulary(lexicon: pd.DataFrame, term: str, category: str) -> None:
    rows = lexicon[lexicon.term == term]
    assert not rows.empty, term
    assert category in set(rows.category), (term, set(rows.category))


def test_roles_drive_the_rules(lexicon: pd.DataFrame) -> None:
    role = dict(zip(lexicon.term, lexicon.role, strict=True))
    assert role["cesser"] == role["arrêt"] == role["levée"] == role["mettre fin"] == "stop"
    assert role["trêve"] == role["cessez-le-feu"] == "deesc"
    assert role["libération"] == role["défaite"] == "victory"
    assert role["terrorisme"] == role["lutte contre le terrorisme"] == "enemy"
    assert role["de concert"] == role["conjoint"] == "joint"
    assert role["l'ensemble"] == role["à l'aide de"] == "block"


def test_every_term_is_reachable_by_the_matcher(lexicon: pd.DataFrame) -> None:
    """Each term, written out, is found by the compiled matcher (as itself or longer)."""
    from analysis.nlp import load_pipeline
    from analysis.scoring.matcher import engine_for as _engine_for
    from analysis.scoring.tokens import sentence_tokens as _sentence_tokens

    engine = _engine_for(lexicon, lx.load_actors())
    nlp = load_pipeline("fast")
    missing = []
    category = dict(zip(lexicon["term"], lexicon["category"], strict=True))
    for row in lexicon.itertuples():
        for text in _written_out(row.term):
            doc = nlp(text)
            toks = _sentence_tokens(doc[:], False, [])
            found = engine.lex_index.find(toks)
            covered = [engine.lex[engine.lex_index.patterns[pid].row].term for _, _, pid in found]
            # a class slot written out may hit an older row of the same category first
            # ("livrer des arme" -> "livrer des armes")
            if not any(row.term == t or row.term in t or (
                    text != row.term and category[t] == row.category) for t in covered):
                missing.append((text, covered))
    assert missing == []


def _written_out(term: str) -> list[str]:
    """A term as text: a ``&class`` slot written with each noun of its class."""
    from analysis.scoring.matcher import NOUN_CLASSES

    slot = next((w for w in term.split() if w.startswith("&")), None)
    if slot is None:
        return [term]
    nouns = [n for n, cls in NOUN_CLASSES.items() if cls == slot[1:]]
    assert nouns, f"{term}: unknown noun class {slot}"
    return [term.replace(slot, n) for n in nouns]


def test_a_noun_class_slot_matches_its_nouns_only() -> None:
    from analysis.nlp import load_pipeline
    from analysis.scoring.matcher import engine_for as _engine_for
    from analysis.scoring.tokens import sentence_tokens as _sentence_tokens

    engine = _engine_for(lx.load_lexicon(), lx.load_actors())
    nlp = load_pipeline("fast")

    def terms(text: str) -> list[str]:
        toks = _sentence_tokens(nlp(text)[:], False, [])
        return [engine.lex[engine.lex_index.patterns[pid].row].term
                for _, _, pid in engine.lex_index.find(toks)]

    assert terms("Washington a livré des missiles à Kiev.") == ["livrer des &arme"]
    assert terms("Washington a livré des lettres à Kiev.") == []


# --------------------------------------------------------------------------- actors
@pytest.mark.parametrize("alias, code", [
    ("russie", "RUS"), ("moscou", "RUS"), ("kremlin", "RUS"), ("poutine", "RUS"),
    ("vladimir poutine", "RUS"), ("lavrov", "RUS"), ("choïgou", "RUS"), ("russe", "RUS"),
    ("russo-", "RUS"), ("washington", "USA"), ("maison blanche", "USA"), ("trump", "USA"),
    ("obama", "USA"), ("tillerson", "USA"), ("américain", "USA"), ("états-unis", "USA"),
    ("etats-unis", "USA"), ("usa", "USA"), ("damas", "SYR"), ("assad", "SYR"),
    ("syrien", "SYR"), ("armée syrienne", "SYR"), ("régime", "SYR"), ("turquie", "TUR"),
    ("turc", "TUR"), ("ankara", "TUR"), ("erdogan", "TUR"), ("iran", "IRN"),
    ("iranien", "IRN"), ("téhéran", "IRN"), ("onu", "UN"), ("nations unies", "UN"),
    ("daech", "IS"), ("daesh", "IS"), ("ei", "IS"), ("état islamique", "IS"),
    ("etat islamique", "IS"), ("terroristes", "TER"), ("extrémistes", "TER"),
    ("rebelles", "TER"), ("opposition armée", "TER"), ("qatar", "QAT"),
    ("corée du nord", "PRK"), ("irak", "IRQ"), ("union européenne", "EU"), ("chine", "CHN"),
    ("france", "FRA"),
    # 1.1.0: the 2022 Ukraine-war actors, blocs and the states of the world
    ("blinken", "USA"), ("austin", "USA"), ("psaki", "USA"), ("sullivan", "USA"),
    ("zelensky", "UKR"), ("zelenski", "UKR"), ("zelenskyy", "UKR"), ("kouleba", "UKR"),
    ("kyiv", "UKR"), ("scholz", "DEU"), ("xi", "CHN"), ("wang yi", "CHN"),
    ("stoltenberg", "NATO"), ("rutte", "NATO"), ("von der leyen", "EU"), ("borrell", "EU"),
    ("occidentaux", "WEST"), ("les occidentaux", "WEST"), ("g7", "G7"), ("otsc", "CSTO"),
    ("brics", "BRCS"), ("alliance atlantique", "NATO"), ("commission européenne", "EU"),
    ("corée du sud", "KOR"), ("sud-coréen", "KOR"), ("biélorussie", "BLR"), ("kosovo", "XKX"),
    ("palestine", "PSE"), ("taïwan", "TWN"), ("vatican", "VAT"), ("quai d'orsay", "FRA"),
    # 1.12.0: state-controlled companies are their state (codebook D30)
    ("gazprom", "RUS"), ("rosneft", "RUS"), ("rosatom", "RUS"), ("naftogaz", "UKR"),
])
def test_required_aliases(actors: pd.DataFrame, alias: str, code: str) -> None:
    rows = actors[actors.alias == alias]
    assert len(rows) == 1, alias
    assert rows.iloc[0].code == code


def test_actor_table_shape(actors: pd.DataFrame) -> None:
    assert set(actors.kind) <= lx.ACTOR_KINDS
    assert actors.alias.str.lower().eq(actors.alias).all()
    assert not actors.alias.duplicated().any()
    labels = set(actors.label)
    for family in ("terroristes", "extrémistes", "rebelles", "Daech", "EI", "État islamique",
                   "régime"):
        assert family in labels, family
    assert {"homologue", "président"} <= set(actors[actors.code == "*"].alias)
    assert {"deux hommes", "deux présidents"} <= set(actors[actors.code == "PAIR"].alias)
    assert "ISO-3166" in lx.actors_header()["sources"]


# --------------------------------------------------------------------------- validation
_GOOD_LEXICON = """# name: test
# version: 0.1.0
term\tpos\tcategory\tquad_class\tweight\tcameo\tgoldstein\trole\tnote
coopérer\tVERB\tCOOPERATE\tmaterial_coop\t6.8\t060\t6.0\tevent\t
"""


def test_parse_table_accepts_a_good_table() -> None:
    frame = lx.parse_table(_GOOD_LEXICON, "mini.tsv", "lexicon")
    assert frame.term.tolist() == ["coopérer"]
    assert frame.weight.tolist() == [6.8]


@pytest.mark.parametrize("row, message", [
    ("coopérer\tVERB\tFRIENDS\tmaterial_coop\t6.8\t060\t6.0\tevent\t", "unknown PLOVER"),
    ("coopérer\tVERB\tCOOPERATE\tverbal_conf\t6.8\t060\t6.0\tevent\t", "does not fit"),
    ("coopérer\tVERB\tCOOPERATE\tmaterial_coop\t12\t060\t6.0\tevent\t", "outside"),
    ("coopérer\tVERB\tCOOPERATE\tmaterial_coop\t-6.8\t060\t6.0\tevent\t", "wrong sign"),
    ("coopérer\tVERB\tCOOPERATE\tmaterial_coop\t6.8\t060\tevent\t", "fields"),
    ("Coopérer\tVERB\tCOOPERATE\tmaterial_coop\t6.8\t060\t6.0\tevent\t", "lower-case"),
    ("coopérer\tVERB\tCOOPERATE\tmaterial_coop\tsix\t060\t6.0\tevent\t", "numbers"),
    ("coopérer\tVERB\tCOOPERATE\tmaterial_coop\t6.8\t060\t6.0\tmagic\t", "unknown role"),
])
def test_malformed_lexicon_rows_name_file_and_line(row: str, message: str) -> None:
    with pytest.raises(lx.LexiconError, match=rf"bad\.tsv: line 4: .*{message}"):
        lx.parse_table(_GOOD_LEXICON.replace(_GOOD_LEXICON.splitlines()[-1], row),
                       "bad.tsv", "lexicon")


def test_duplicates_and_missing_version_are_rejected() -> None:
    dup = _GOOD_LEXICON + _GOOD_LEXICON.splitlines()[-1] + "\n"
    with pytest.raises(lx.LexiconError, match="line 5: duplicate"):
        lx.parse_table(dup, "dup.tsv", "lexicon")
    with pytest.raises(lx.LexiconError, match="version"):
        lx.parse_table(_GOOD_LEXICON.replace("# version: 0.1.0\n", ""), "nov.tsv", "lexicon")


def test_malformed_actor_rows_are_rejected() -> None:
    head = "# version: 1.0.0\nalias\tcode\tkind\tlabel\tnote\n"
    assert lx.parse_table(head + "russie\tRUS\tcountry\tRussie\t\n", "a.tsv",
                          "actors").code.tolist() == ["RUS"]
    with pytest.raises(lx.LexiconError, match=r"a\.tsv: line 3: .*kind"):
        lx.parse_table(head + "russie\tRUS\tplanet\tRussie\t\n", "a.tsv", "actors")
    with pytest.raises(lx.LexiconError, match=r"a\.tsv: line 3: .*code"):
        lx.parse_table(head + "russie\trussia\tcountry\tRussie\t\n", "a.tsv", "actors")
    with pytest.raises(lx.LexiconError, match="only allowed"):
        lx.parse_table(head + "russie\tPAIR\tcountry\tRussie\t\n", "a.tsv", "actors")


def test_actor_terms_and_coalitions() -> None:
    """Office holders carry an optional dated term; coalition codes may hold digits (G7)."""
    head = "# version: 1.0.0\nalias\tcode\tkind\tlabel\tnote\tstart\tend\n"
    ok = lx.parse_table(head + "joe biden\tUSA\tleader\tJoe Biden\t\t2021-01-20\t2025-01-20\n"
                        "g7\tG7\tcoalition\tG7\t\t\t\n", "a.tsv", "actors")
    assert ok.code.tolist() == ["USA", "G7"]
    with pytest.raises(lx.LexiconError, match=r"a\.tsv: line 3: start must be a date"):
        lx.parse_table(head + "joe biden\tUSA\tleader\tJoe Biden\t\t2021\t\n", "a.tsv", "actors")
    with pytest.raises(lx.LexiconError, match=r"line 3: term ends"):
        lx.parse_table(head + "x\tUSA\tleader\tX\t\t2021-01-20\t2017-01-20\n", "a.tsv",
                       "actors")
    with pytest.raises(lx.LexiconError, match=r"line 3: .*code"):
        lx.parse_table(head + "x\t7G\tcoalition\tX\t\t\t\n", "a.tsv", "actors")


def test_every_state_and_dated_office_holders(actors: pd.DataFrame) -> None:
    states = set(actors[actors.kind == "country"].code)
    assert len(states) >= 193  # the UN members and PSE, XKX, TWN, VAT (GRD, ECU by other kinds)
    blinken = actors[actors.alias == "blinken"].iloc[0]
    assert (blinken.start, blinken.end) == ("2021-01-26", "2025-01-20")
    assert actors[actors.alias == "poutine"].iloc[0].end == ""
    persons = actors[actors.kind.isin(["leader", "official"])]
    assert (persons.start != "").mean() > 0.9


def test_coalitions_parse_and_refer_to_actor_codes(actors: pd.DataFrame) -> None:
    coalitions = lx.load_coalitions()
    assert {"WEST", "G7", "G20", "NATO", "EU", "CSTO", "BRCS"} <= set(coalitions.coalition)
    assert set(coalitions.coalition) | set(coalitions.member) <= set(actors.code)
    nato = coalitions[coalitions.coalition == "NATO"].set_index("member")
    assert nato.loc["FIN", "start"] == "2023-04-04" and nato.loc["SWE", "start"] == "2024-03-07"
    gbr = coalitions[(coalitions.coalition == "EU") & (coalitions.member == "GBR")].iloc[0]
    assert gbr.end == "2020-01-31"
    assert set(coalitions[coalitions.coalition == "WEST"].member) >= set(nato.index)


def test_treaties_parse_and_refer_to_actor_codes(actors: pd.DataFrame) -> None:
    """Each treaty name has the parties of its treaty, all codes of actors.tsv."""
    treaties = lx.load_treaties()
    assert {"NEWSTART", "INF", "GRAIN", "MINSK", "JCPOA"} <= set(treaties.treaty)
    parties = {c for p in treaties.parties for c in p.split()}
    assert parties <= set(actors.code)
    assert treaties.set_index("alias").loc["new start", "parties"] == "RUS USA"
    assert treaties.alias.is_unique and (treaties.alias == treaties.alias.str.lower()).all()


@pytest.mark.parametrize("rows, message", [
    ([("new start", "NEWSTART", "RUS XYZ", "")], r"line 1: parties 'RUS XYZ' must be two"),
    ([("new start", "NEWSTART", "RUS", "")], r"line 1: parties 'RUS' must name two"),
    ([("New Start", "NEWSTART", "RUS USA", "")], r"line 1: alias 'New Start' must be lower"),
    ([("fni", "INF", "RUS USA", ""), ("fni", "INF", "RUS USA", "")], r"line 2: alias 'fni' already"),
    ([("fni", "INF", "RUS USA", ""), ("inf", "INF", "RUS UKR", "")], r"line 2: parties of INF"),
    ([("fni", "inf", "RUS USA", "")], r"line 1: treaty 'inf' must be"),
])
def test_treaty_table_errors_name_the_line(rows: list[tuple[str, ...]], message: str) -> None:
    frame = pd.DataFrame(rows, columns=list(lx.TREATY_COLUMNS))
    with pytest.raises(lx.LexiconError, match=message):
        lx.validate_treaties(frame, {"RUS", "USA", "UKR"})


@pytest.mark.parametrize("rows, message", [
    ([("NATO", "XYZ", "2020-01-01", "", "")], r"line 1: member 'XYZ' is not a code"),
    ([("FOO", "FRA", "2020-01-01", "", "")], r"line 1: coalition 'FOO' is not a code"),
    ([("NATO", "FRA", "2020", "", "")], r"line 1: start must be a date"),
    ([("NATO", "FRA", "2020-01-01", "", ""), ("NATO", "FRA", "2021-01-01", "2022-01-01", "")],
     r"line 2: FRA in NATO overlaps the period at line 1"),
])
def test_malformed_coalition_rows_name_file_and_line(rows: list[tuple[str, ...]],
                                                      message: str) -> None:
    frame = pd.DataFrame(rows, columns=list(lx.COALITION_COLUMNS))
    with pytest.raises(lx.LexiconError, match=r"c\.tsv: " + message):
        lx.validate_coalitions(frame, {"NATO", "FRA"}, "c.tsv")


def test_loaders_return_copies(lexicon: pd.DataFrame) -> None:
    first = lx.load_lexicon()
    first.loc[0, "term"] = "changed"
    assert lx.load_lexicon().loc[0, "term"] == lexicon.loc[0, "term"]


# --------------------------------------------------------------------------- offices
def test_offices_load_and_name_actors(actors: pd.DataFrame) -> None:
    offices = lx.load_offices()
    assert re.fullmatch(r"\d+\.\d+\.\d+", lx.OFFICES_VERSION)
    header = lx.offices_header()
    assert header["name"] == "framing-offices-fr" and header["version"] == "1.0.0"
    assert "Phoenix.Countries.actors.txt" in header["sources"] and header.get("license")
    labels = set(zip(actors.code, actors.label, strict=True))
    assert set(zip(offices.code, offices.label, strict=True)) <= labels
    usa = offices[(offices.code == "USA") & offices.office.str.startswith("président")]
    assert list(zip(usa.label, usa.start, usa.end, strict=True)) == [
        ("George W. Bush", "2001-01-20", "2009-01-20"), ("Barack Obama", "2009-01-20", "2017-01-20"),
        ("Donald Trump", "2017-01-20", "2021-01-20"), ("Joe Biden", "2021-01-20", "2025-01-20"),
        ("Donald Trump", "2025-01-20", "")]
    for code in ("USA", "RUS", "FRA", "DEU", "GBR", "CHN", "UKR", "TUR", "IRN", "SYR", "ISR"):
        mine = offices[offices.code == code].office
        assert mine.str.contains("chef de la diplomatie").any(), code
        assert mine.str.contains("ministre de la défense").any(), code


def _offices(rows: list[tuple[str, ...]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(lx.OFFICE_COLUMNS))


_ACTORS = pd.DataFrame([("obama", "USA", "leader", "Barack Obama", "", "", ""),
                        ("trump", "USA", "leader", "Donald Trump", "", "", "")],
                       columns=[*lx.ACTOR_COLUMNS, "start", "end"])


@pytest.mark.parametrize("rows, message", [
    ([("USA", "président", "Joe Biden", "2021-01-20", "", "")],
     r"line 1: label 'Joe Biden' is not a label of USA"),
    ([("RUS", "président", "Barack Obama", "2009-01-20", "", "")],
     r"line 1: code 'RUS' is not a code of actors.tsv"),
    ([("USA", "Président", "Barack Obama", "2009-01-20", "", "")], r"line 1: office must be"),
    ([("USA", "président", "Barack Obama", "", "", "")], r"line 1: a term needs a start"),
    ([("USA", "président", "Barack Obama", "2009-01-20", "2017", "")], r"line 1: end must be"),
    ([("USA", "président", "Barack Obama", "2009-01-20", "2008-01-20", "")],
     r"line 1: term ends"),
    ([("USA", "président", "Barack Obama", "2009-01-20", "2017-01-20", ""),
      ("USA", "président|chef de l'état", "Donald Trump", "2017-01-19", "", "")],
     r"line 2: USA 'président' overlaps the term at line 1"),
])
def test_malformed_office_rows_name_file_and_line(rows: list[tuple[str, ...]],
                                                   message: str) -> None:
    with pytest.raises(lx.LexiconError, match=r"o\.tsv: " + message):
        lx.validate_offices(_offices(rows), _ACTORS, "o.tsv")


def test_office_terms_may_touch_and_phrases_split() -> None:
    rows = [("USA", "président|chef de l'état", "Barack Obama", "2009-01-20", "2017-01-20", ""),
            ("USA", "président", "Donald Trump", "2017-01-20", "", "")]
    assert len(lx.validate_offices(_offices(rows), _ACTORS, "o.tsv")) == 2
    assert lx.office_phrases("président|chef de l'état") == ["président", "chef de l'état"]
