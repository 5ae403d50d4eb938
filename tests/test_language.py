"""Tests of the language data files (analysis/data/fr/) and their loader (analysis.language)."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

from analysis import language as lg
from analysis import lexicon as lx
from analysis.scoring import french, lexical, matcher, words
from analysis.stance import words as stance_words

ROOT = Path(__file__).resolve().parent.parent
FR = ROOT / "analysis" / "data" / "fr"


def _text(name: str) -> str:
    return (FR / name).read_text(encoding="utf-8")


def _replace(text: str, old: str, new: str) -> str:
    """The text with one whole line replaced (it must be there exactly once)."""
    lines = text.split("\n")
    assert lines.count(old) == 1, old
    return "\n".join(new if line == old else line for line in lines)


def _line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


# --------------------------------------------------------------------------- the files
def test_every_file_has_its_header() -> None:
    for name, parse in [(lg.WORDS_FILE, lg.parse_words), (lg.CATEGORIES_FILE, lg.parse_categories),
                        (lg.ACTOR_ROLES_FILE, lg.parse_actor_roles),
                        (lg.VERBS_FILE, lg.parse_irregular_verbs),
                        (lg.STANCE_WORDS_FILE, lg.parse_stance_words)]:
        header = parse(_text(name), f"fr/{name}").header
        assert re.fullmatch(r"\d+\.\d+\.\d+", header["version"]), name
        for key in lg.HEADER_KEYS:
            assert header[key], (name, key)
    assert "PLOVER" in lg.load_categories().header["sources"]
    assert "French grammar" in lg.load_words().header["sources"]
    assert lg.languages() == ["fr"]
    assert set(lg.versions("fr")) == {lg.WORDS_FILE, lg.CATEGORIES_FILE, lg.ACTOR_ROLES_FILE,
                                      lg.VERBS_FILE, lg.STANCE_WORDS_FILE}
    assert "analysis/stance/words.py" in lg.load_stance_words().header["sources"]


def test_loaders_are_cached_per_language() -> None:
    assert lg.load_words("fr") is lg.load_words("fr")
    assert lg.load_stance_words() is lg.load_stance_words("fr")
    assert lg.load_categories() is lg.load_categories("fr")


def test_package_data_ships_the_language_folders() -> None:
    """pyproject's package-data patterns match every data file (an installed wheel has them)."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    patterns = config["setuptools"]["package-data"]["analysis"]
    data = ROOT / "analysis" / "data"
    files = [p.relative_to(ROOT / "analysis").as_posix() for p in data.rglob("*") if p.is_file()]
    assert any(f.startswith("data/fr/") for f in files)
    for f in files:
        assert any(fnmatch.fnmatch(f, pat) and f.count("/") == pat.count("/")
                   for pat in patterns), f
    # every subpackage (analysis.scoring, analysis.stance, analysis.read...) is found
    include = config["setuptools"]["packages"]["find"]["include"]
    packages = [".".join(d.relative_to(ROOT).parts) for d in (ROOT / "analysis").rglob("*")
                if (d / "__init__.py").is_file()] + ["analysis"]
    assert {"analysis.scoring", "analysis.stance", "analysis.read"} <= set(packages)
    for name in packages:
        assert any(fnmatch.fnmatch(name, pat) for pat in include), name


# --------------------------------------------------------------------------- round trips
def test_the_scorer_reads_the_lists_of_the_file() -> None:
    w = lg.load_words("fr")
    assert words.NEGATORS == w.set("negators")
    assert words.FUTURE_FORMS == w.set("future_forms")
    assert words.NON_AGENT_HEADS == w.set("non_agent_heads")
    assert words.DEESC_GAP == french.SKIPPABLE | w.set("deescalation_gap")
    assert french.SKIPPABLE == w.set("determiners") | w.set("skippable")
    assert french.CONTRACTIONS == {"au": "à", "aux": "à", "du": "de", "des": "de"}
    assert french.norm("qu'") == "que" and french.norm("L’") == "le"
    assert set(w.seq("negation_breaks")) < words.NEG_BREAK
    assert set(words.QUOTE_OPEN) == set(w.seq("quote_open")) and '"' in words.QUOTE_CHARS
    assert {"déclaré", "dit", "affirme"} <= words.SPEECH_STRONG_FORMS
    assert matcher.COORDINATORS >= w.set("coordinators") | {",", "-", "/"}
    assert lexical._FUNCTION_WORDS == w.set("anchor_function_words") | {"'", "-", ","}
    assert lexical._LIGHT_WORDS == w.set("light_words")


#: Each constant the stance rules built from data, as it was in code before the move
#: (analysis/stance/words.py at 538cc2d): its type, its size and a word it holds.
STANCE_CONSTANTS = [
    ("EXCLUDED_BOOSTERS", frozenset, 24, "à peu près"), ("INTERACTION_NOUNS", frozenset, 33, "rencontre"),
    ("DE_FORMS", frozenset, 4, "d'"), ("NEEDS_NE", frozenset, 2, "point"),
    ("NE_FORMS", frozenset, 2, "n'"), ("REFLEXIVE_CLITICS", frozenset, 2, "s'"),
    ("QUALIFY_VERBS", frozenset, 16, "qualifiant"), ("QUALIFY_DE", frozenset, 2, "de"),
    ("CONTEXT_PRONOUNS", frozenset, 7, "ça"), ("RELATIVE_PRONOUNS", frozenset, 7, "lesquelles"),
    ("LIST_CONJUNCTIONS", frozenset, 2, "ou"),
]



@pytest.mark.parametrize(("name", "kind", "size", "word"), STANCE_CONSTANTS)
def test_the_stance_rules_read_the_lists_of_the_file(name: str, kind: type, size: int,
                                                     word: str) -> None:
    value = getattr(stance_words, name)
    assert type(value) is kind and len(value) == size and word in value
    data = lg.load_stance_words()
    built = data.seq(name.lower()) if kind is tuple else data.set(name.lower())
    assert value == built


def test_the_stance_rules_read_the_same_words_as_before() -> None:
    assert stance_words.CONTEXT_PRONOUNS == {"ce", "c'", "cela", "ça", "il", "le", "l'"}
    # quotation marks: the scorer's (words.tsv), no copy in stance_words.tsv
    assert stance_words.OPEN_QUOTES == set(words.QUOTE_OPEN) == {"«", "“", "„"}
    assert stance_words.CLOSE_QUOTES == set(words.QUOTE_CLOSE)
    for name in ("person_pairs", "open_quotes", "close_quotes", "attribution_openers"):
        assert name not in lg.STANCE_WORD_LISTS  # stance reads the scorer's lists (words.tsv)
    assert not hasattr(stance_words, "PERSON_PAIRS") and not hasattr(stance_words, "ATTRIBUTION_OPENERS")
    # the lists built on them in code
    assert stance_words.APPOSITION_SKIPPED == {"»", "”", '"', ")"}
    assert stance_words.APPOSITION_STOPS >= {"«", "“", "„", '"', ",", "."}
    assert {"fort", "environ", "putain de"} <= stance_words.EXCLUDED_BOOSTERS
    assert {"sommet", "concertation", "coopération"} <= stance_words.INTERACTION_NOUNS
    assert len(STANCE_CONSTANTS) == len(lg.STANCE_WORD_LISTS)


def test_categories_give_the_lexicon_constants() -> None:
    cats = lg.load_categories("fr").rows
    assert list(lx.SCHRODT_SCORES) == [c.name for c in cats]
    assert lx.SCHRODT_SCORES["ASSAULT"] == -9.3 and lx.SCHRODT_SCORES["CONSULT"] == 2.1
    assert lx.CATEGORY_QUAD["SANCTION"] == "material_conf"
    assert words.INTERACTION == {"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID"}
    assert lx.COOP_QUADS == {"verbal_coop", "material_coop"}
    assert lx.CONF_QUADS == {"verbal_conf", "material_conf"}


def test_lexicon_cameo_roots_are_those_of_their_category() -> None:
    roots = {c.name: set(c.cameo_roots) for c in lg.load_categories().rows}
    lex = lx.load_lexicon()
    events = lex[lex.category != "NONE"]
    for row in events.itertuples():
        assert row.cameo[:2] in roots[row.category], (row.term, row.category, row.cameo)
    used = {(r.category, r.cameo[:2]) for r in events.itertuples()}
    assert used == {(c, r) for c, rs in roots.items() for r in rs}  # no root left unused


def test_actor_roles_fit_the_actor_dictionary() -> None:
    roles = lg.load_actor_roles("fr")
    actors = lx.load_actors()
    for role, by in lg.ACTOR_ROLES.items():
        values = roles.of(role)
        if by == "kind":
            assert values <= lx.ACTOR_KINDS, role
        elif by == "code":
            assert values <= set(actors.code), role
        else:
            titles = set(actors.alias[actors.code == "*"])
            assert values <= titles, role
    assert matcher.ENEMY_CODES == {"IS", "TER"}
    assert {"UN", "EU", "NATO", "WEST", "G7"} <= matcher.BODIES
    assert matcher.PERSON_KINDS == {"leader", "official"}
    assert matcher._ACTOR_POS == {"adjective": "ADJ", "group": "NOUN", "title": "NOUN"}
    assert "président" in words.PERSON_TITLES and "ministre" in words.OFFICIAL_TITLES


def test_irregular_verbs_conjugate() -> None:
    assert {"convient", "conviendront", "convenu"} <= french.verb_forms("convenir")
    assert {"attend", "attendu", "attendront"} <= french.verb_forms("attendre")
    assert {"reprend", "repris"} <= french.verb_forms("reprendre")  # prendre before dre
    assert "craind" not in french.verb_forms("craindre")  # -indre is not -dre
    assert {"déçu", "déçoit"} <= french.verb_forms("décevoir")  # the ending cevoir
    assert french.verb_forms("dire") == frozenset(lg.load_irregular_verbs().verbs["dire"])


def _format_words(w: lg.WordLists) -> str:
    header = "".join(f"# {k}: {v}\n" for k, v in w.header.items())
    rows = "".join(f"{name}\t{e}\t{w.values.get(name, {}).get(e, '')}\t\n"
                   for name, entries in w.entries.items() for e in entries)
    return header + "\t".join(lg.WORD_COLUMNS) + "\n" + rows


def test_word_lists_round_trip() -> None:
    w = lg.load_words("fr")
    again = lg.parse_words(_format_words(w), "copy.tsv")
    assert again.entries == w.entries and again.values == w.values
    assert all(w.entries[name] for name in lg.WORD_LISTS)  # none empty in French
    assert set(w.entries) == set(lg.WORD_LISTS)


def test_stance_word_lists_round_trip() -> None:
    w = lg.load_stance_words("fr")
    again = lg.parse_stance_words(_format_words(w), "copy.tsv")
    assert again.entries == w.entries and again.values == {}
    assert all(w.entries[name] for name in lg.STANCE_WORD_LISTS)  # none empty in French
    assert set(w.entries) == set(lg.STANCE_WORD_LISTS)


# --------------------------------------------------------------------------- errors
WORDS = _text(lg.WORDS_FILE)
STANCE = _text(lg.STANCE_WORDS_FILE)
#: The two files of word lists, one reader: (text, parser, a list, its first entry, another).
WORD_FILES = {
    lg.WORDS_FILE: (WORDS, lg.parse_words, "negators", "pas", "nulle"),
    lg.STANCE_WORDS_FILE: (STANCE, lg.parse_stance_words, "ne_forms", "ne", "n'"),
}
NEG = "negators\tpas\t\t"


def _words_error(text: str, name: str = lg.WORDS_FILE) -> str:
    """The error of a broken ``words.tsv`` (or ``stance_words.tsv``): it names the file."""
    with pytest.raises(lg.LanguageDataError) as err:
        WORD_FILES[name][1](text, f"fr/{name}")
    assert err.value.file == f"fr/{name}"
    return str(err.value)


@pytest.mark.parametrize("name", list(WORD_FILES))
@pytest.mark.parametrize(("new", "message"), [
    ("{list}z\t{entry}\t\t", "unknown list '{list}z'"),
    ("{list}\t{entry}\t", "expected 4 tab-separated fields, got 3"),
    ("{list}\t{entry}\t\t\textra", "expected 4 tab-separated fields, got 5"),
    ("{list}\t{Entry}\t\t", "must be lower-case"),
    ("{list}\t {entry}\t\t", "without surrounding spaces"),
    ("{list}\t\t\t", "must be non-empty"),
    ("{list}\t{entry}\tne\t", "takes no value"),
    ("{list}\tn’importe\t\t", "curly apostrophe"),
])
def test_bad_word_rows_name_file_and_line(name: str, new: str, message: str) -> None:
    text, _, lst, entry, _ = WORD_FILES[name]
    old, fill = f"{lst}\t{entry}\t\t", {"list": lst, "entry": entry, "Entry": entry.title()}
    error = _words_error(_replace(text, old, new.format(**fill)), name)
    assert f"fr/{name}: line {_line_of(text, old)}: " in error and message.format(**fill) in error


def test_a_list_of_the_other_file_is_unknown() -> None:
    error = _words_error(_replace(STANCE, "ne_forms\tne\t\t", NEG), lg.STANCE_WORDS_FILE)
    assert "unknown list 'negators'" in error
    assert "unknown list 'ne_forms'" in _words_error(_replace(WORDS, NEG, "ne_forms\tne\t\t"))


@pytest.mark.parametrize("name", list(WORD_FILES))
def test_duplicate_entries_name_both_lines(name: str) -> None:
    text, _, lst, first, other = WORD_FILES[name]
    row, last = f"{lst}\t{first}\t\t", f"{lst}\t{other}\t\t"
    error = _words_error(_replace(text, last, row), name)
    assert (f"fr/{name}: line {_line_of(text, last)}: duplicate entry {first!r} in list {lst!r}, "
            f"first at line {_line_of(text, row)}") in error


def test_mapping_rows_need_a_value() -> None:
    old = "elisions\tl'\tle\t"
    error = _words_error(_replace(WORDS, old, "elisions\tl'\t\t"))
    assert f"line {_line_of(WORDS, old)}: " in error and "value of elisions" in error


@pytest.mark.parametrize(("name", "lst", "reader"), [(lg.WORDS_FILE, "light_words", "words.LIGHT"),
                                                     (lg.STANCE_WORDS_FILE, "qualify_de", "QUALIFY_DE")])
def test_a_missing_list_is_named(name: str, lst: str, reader: str) -> None:
    text = WORD_FILES[name][0]
    error = _words_error("\n".join(line for line in text.split("\n")
                                   if not line.startswith(f"{lst}\t")), name)
    columns = _line_of(text, "\t".join(lg.WORD_COLUMNS))
    assert f"fr/{name}: line {columns}: list {lst!r} is missing (needed by {reader}" in error


def test_a_list_declared_empty_may_be_left_out() -> None:
    text = "\n".join(line for line in WORDS.split("\n") if not line.startswith("light_words\t"))
    text = text.replace("# license:", "# empty: light_words\n# license:", 1)
    assert lg.parse_words(text, "x.tsv").seq("light_words") == ()
    assert "unknown lists ['nothing']" in _words_error(text.replace("empty: light_words",
                                                                    "empty: nothing"))
    assert "declared empty" in _words_error(WORDS.replace("# license:", "# empty: light_words\n"
                                                          "# license:", 1))


@pytest.mark.parametrize("name", list(WORD_FILES))
@pytest.mark.parametrize(("old", "new", "message"), [
    ("VERSION", "# version: 1.0", "header needs '# version: X.Y.Z'"),
    ("VERSION", "# versions: 1.0.0", "header needs '# version: ...'"),
    ("list\tentry\tvalue\tnote", "list\tentry\tnote", "columns must be"),
])
def test_bad_headers_are_rejected(name: str, old: str, new: str, message: str) -> None:
    text = WORD_FILES[name][0]
    if old == "VERSION":  # the file's own version line, whatever the version
        old = next(line for line in text.split("\n") if line.startswith("# version: "))
    error = _words_error(_replace(text, old, new), name)
    assert f"fr/{name}: line" in error and message in error


CATEGORIES = _text(lg.CATEGORIES_FILE)
AID = "AID\tmaterial_coop\t+7.4\tyes\t07\tprovide aid"


@pytest.mark.parametrize(("new", "message"), [
    ("AID\tmaterial_cooperation\t+7.4\tyes\t07\t", "unknown quad class 'material_cooperation'"),
    ("AID\tmaterial_coop\tseven\tyes\t07\t", "weight 'seven' is not a number"),
    ("AID\tmaterial_coop\t+17.4\tyes\t07\t", "outside"),
    ("AID\tmaterial_coop\t0\tyes\t07\t", "outside"),
    ("AID\tmaterial_coop\t-7.4\tyes\t07\t", "wrong sign"),
    ("AID\tmaterial_coop\t+7.4\tmaybe\t07\t", "interaction must be yes or no"),
    ("AID\tmaterial_coop\t+7.4\tyes\t19\t", "CAMEO root '19' is not a root of material_coop"),
    ("AID\tmaterial_coop\t+7.4\tyes\t7\t", "CAMEO root '7'"),
    ("AID\tmaterial_coop\t+7.4\tyes\t\t", "cameo_roots is empty"),
    ("Aid\tmaterial_coop\t+7.4\tyes\t07\t", "not upper-case letters"),
    ("AGREE\tverbal_coop\t+4.2\tyes\t03\t", "duplicate category 'AGREE', first at line"),
    ("AID\tmaterial_coop\t+7.4\tyes\t07", "expected 6 tab-separated fields, got 5"),
])
def test_bad_categories_name_file_and_line(new: str, message: str) -> None:
    with pytest.raises(lg.LanguageDataError) as err:
        lg.parse_categories(_replace(CATEGORIES, AID, new), "fr/categories.tsv")
    assert f"fr/categories.tsv: line {_line_of(CATEGORIES, AID)}: " in str(err.value)
    assert message in str(err.value)


def test_categories_the_rules_name_are_required_and_interactions_cooperate() -> None:
    sanction = next(line for line in CATEGORIES.split("\n") if line.startswith("SANCTION\t"))
    with pytest.raises(lg.LanguageDataError, match=r"line \d+: categories \['SANCTION'\] are "
                                                   "missing"):
        lg.parse_categories(_replace(CATEGORIES, sanction, ""), "fr/categories.tsv")
    threaten = next(line for line in CATEGORIES.split("\n") if line.startswith("THREATEN\t"))
    with pytest.raises(lg.LanguageDataError, match="interaction category must be cooperation"):
        lg.parse_categories(_replace(CATEGORIES, threaten, threaten.replace("\tno\t", "\tyes\t")),
                            "fr/categories.tsv")


ROLES = _text(lg.ACTOR_ROLES_FILE)
TER = "code\tTER\tenemy\tunnamed terrorists"


@pytest.mark.parametrize(("new", "message"), [
    ("code\tTER\tfoe\t", "unknown role 'foe'"),
    ("kind\tTER\tenemy\t", "role 'enemy' is given by 'code', not 'kind'"),
    ("code\tTerror\tenemy\t", "is not 2-4 upper-case letters"),
    ("code\tIS\tenemy\t", "duplicate value 'IS' in role 'enemy', first at line"),
    ("code\tTER\tenemy", "expected 4 tab-separated fields, got 3"),
    ("kind\tgroup\tadjective_forms\t", "both as an adjective and as a noun"),
])
def test_bad_actor_roles_name_file_and_line(new: str, message: str) -> None:
    text = _replace(ROLES, TER, new)
    with pytest.raises(lg.LanguageDataError) as err:
        lg.parse_actor_roles(text, "fr/actor_roles.tsv")
    assert re.search(r"fr/actor_roles\.tsv: line \d+: ", str(err.value))
    assert message in str(err.value)
    if "both" not in message:
        assert f"line {_line_of(ROLES, TER)}: " in str(err.value)


def test_a_missing_role_is_named() -> None:
    text = "\n".join(line for line in ROLES.split("\n") if "\tenemy\t" not in line)
    with pytest.raises(lg.LanguageDataError, match="role 'enemy' is missing"):
        lg.parse_actor_roles(text, "fr/actor_roles.tsv")


VERBS = _text(lg.VERBS_FILE)
DRE = next(line for line in VERBS.split("\n") if line.startswith("dre\t"))
PRENDRE = next(line for line in VERBS.split("\n") if line.startswith("prendre\t"))


@pytest.mark.parametrize(("old", "new", "message"), [
    (DRE, DRE.replace("\tending\t", "\tsuffix\t"), "type must be one of"),
    (DRE, DRE.replace("\tdre ds ", "\tds dre "), "the first form must be 'dre' itself"),
    (DRE, DRE.replace("\tdre ds ", "\tdre ds ds "), "a form is listed twice"),
    (DRE, DRE.replace("indre oudre", "indre dre"), "exceptions must be longer endings"),
    (PRENDRE, DRE, "duplicate verb 'dre'"),
    (PRENDRE, PRENDRE.replace("\tending\t", "\tverb\t").replace("\t\trep", "\tdre\trep"),
     "only an ending takes exceptions"),
])
def test_bad_irregular_verbs_name_file_and_line(old: str, new: str, message: str) -> None:
    text = _replace(VERBS, old, new)
    with pytest.raises(lg.LanguageDataError) as err:
        lg.parse_irregular_verbs(text, "fr/irregular_verbs.tsv")
    line = _line_of(VERBS, old) if message != "duplicate verb 'dre'" else _line_of(VERBS, DRE)
    assert f"fr/irregular_verbs.tsv: line {line}: " in str(err.value)
    assert message in str(err.value)


def test_an_ending_after_a_shorter_one_is_never_reached() -> None:
    text = _replace(_replace(VERBS, PRENDRE, ""), DRE, DRE + "\n" + PRENDRE)
    with pytest.raises(lg.LanguageDataError, match="ending 'prendre' is never reached: the "
                                                   "earlier ending 'dre' covers it"):
        lg.parse_irregular_verbs(text, "fr/irregular_verbs.tsv")


def test_unknown_languages_are_rejected() -> None:
    with pytest.raises(lg.LanguageDataError, match=r"xx/words\.tsv: no such file \(languages: fr\)"):
        lg.load_words("xx")
    with pytest.raises(lg.LanguageDataError, match="two or three lower-case letters"):
        lg.load_words("../fr")
