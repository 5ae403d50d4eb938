"""Load and validate the packaged French lexicon and actor dictionary.

Both files live in ``analysis/data`` and are read with :mod:`importlib.resources`
so they travel with the installed package. Each starts with ``#`` header lines
(``# key: value``: name, version, date, sources, decisions) followed by a
tab-separated table. Validation is strict because the scorer trusts these
tables blindly: an unknown PLOVER category, a weight out of [-10, 10], a quad
class that does not fit its category or a malformed row raises
:class:`LexiconError` naming the file and line.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.resources
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import language

#: PLOVER categories and their per-category "Schrodt scores" (weighted Goldstein
#: means), PLOVER manual draft 0.8 / CAMEO2PLOVER-2021 (CC BY-SA 4.0, Schrodt), and the
#: quad class of each (CAMEO root codes 01-05 verbal cooperation, 06-08 material
#: cooperation, 09-14 verbal conflict, 15-20 material conflict; SANCTION, CAMEO 16
#: "reduce relations", is material conflict: see the lexicon header for the decision),
#: read from ``analysis/data/fr/categories.tsv`` (:mod:`analysis.language`).
_CATEGORIES = language.load_categories(language.DEFAULT_LANGUAGE).rows
SCHRODT_SCORES: dict[str, float] = {c.name: c.weight for c in _CATEGORIES}
CATEGORY_QUAD: dict[str, str] = {c.name: c.quad_class for c in _CATEGORIES}

#: The quad classes of cooperation and of conflict (the CAMEO scheme).
COOP_QUADS = language.COOP_QUADS
CONF_QUADS = language.CONF_QUADS

#: Roles a lexicon row can play in the scorer's rules.
#: event: an ordinary event word; deesc: an event that also turns a following
#: conflict complement into de-escalation (trêve, règlement); stop: not an event
#: by itself, turns a following conflict complement into de-escalation and a
#: following cooperation complement into SANCTION (cesser, arrêt, levée);
#: joint: an event marking joint action (de concert, commun); enemy / victory:
#: conflict words never de-escalated (terrorisme; libération, défaite);
#: recip: reciprocity marker, not an event (mutuel); block: a fixed expression
#: that swallows an ambiguous word and scores nothing (l'ensemble, à l'aide de).
ROLES = frozenset({"event", "deesc", "stop", "spoil", "joint", "enemy", "victory", "recip",
                   "block"})
POS_TAGS = frozenset({"VERB", "NOUN", "ADJ", "MWE"})

#: Actor kinds and codes that are resolved at run time rather than fixed.
ACTOR_KINDS = frozenset(
    {"country", "capital", "leader", "official", "institution", "adjective", "group", "title",
     "coalition"}
)
#: ``*``: a title noun that takes its code from a nationality adjective or a
#: named actor next to it; ``PAIR``: "les deux présidents", resolved to the last
#: two named actors of different codes.
SPECIAL_CODES = frozenset({"*", "PAIR"})

LEXICON_COLUMNS = ("term", "pos", "category", "quad_class", "weight", "cameo", "goldstein",
                   "role", "note")
ACTOR_COLUMNS = ("alias", "code", "kind", "label", "note")
COALITION_COLUMNS = ("coalition", "member", "start", "end", "note")
OFFICE_COLUMNS = ("code", "office", "label", "start", "end", "note")
TREATY_COLUMNS = ("alias", "treaty", "parties", "note")

_VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,3}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class LexiconError(ValueError):
    """A packaged or user-supplied lexicon table is malformed."""


@dataclass(frozen=True)
class _Table:
    header: dict[str, str]
    frame: pd.DataFrame


def _read_resource(filename: str) -> str:
    resource = importlib.resources.files("analysis") / "data" / filename
    return resource.read_text(encoding="utf-8")


def _parse(text: str, filename: str, columns: tuple[str, ...]) -> _Table:
    """Split header and body, check the column names and field counts."""
    header: dict[str, str] = {}
    rows: list[tuple[int, list[str]]] = []
    names: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            key, sep, value = body.partition(":")
            if sep and key.strip() and " " not in key.strip():
                # continuation lines of a key repeat it; keep them joined
                k = key.strip().lower()
                header[k] = (header[k] + " " + value.strip()).strip() if k in header \
                    else value.strip()
            continue
        fields = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        if names is None:
            names = [f.strip() for f in fields]
            missing = [c for c in columns if c not in names]
            if missing:
                raise LexiconError(f"{filename}: line {lineno}: missing columns {missing}")
            continue
        if len(fields) != len(names):
            raise LexiconError(
                f"{filename}: line {lineno}: expected {len(names)} tab-separated fields, "
                f"got {len(fields)}: {line!r}"
            )
        rows.append((lineno, [f.strip() for f in fields]))
    if names is None:
        raise LexiconError(f"{filename}: no table header line")
    frame = pd.DataFrame([r for _, r in rows], columns=names)
    frame.insert(0, "line", [ln for ln, _ in rows])
    version = header.get("version", "")
    if not _VERSION_RE.match(version):
        raise LexiconError(f"{filename}: header needs '# version: X.Y.Z', got {version!r}")
    return _Table(header, frame)


def validate_lexicon(frame: pd.DataFrame, filename: str = "lexicon") -> pd.DataFrame:
    """Check a lexicon table and return it with typed columns.

    ``weight`` and ``goldstein`` become floats; rows must have a known PLOVER
    category, the quad class of that category, a weight in [-10, 10] whose
    sign matches the quad class, and a known role. ``block`` and ``recip`` rows
    (not events) use category ``NONE``, quad class ``none`` and weight 0.
    """
    frame = _lexicon_columns(frame, filename)
    weights: list[float] = []
    goldsteins: list[float] = []
    seen: dict[tuple[str, str], int] = {}
    for row in frame.itertuples(index=False):
        where = f"{filename}: line {row.line}"
        weight, gold = _check_lexicon_row(row, where)
        term = str(row.term)
        key = (term, str(row.pos))
        if key in seen:
            raise LexiconError(f"{where}: duplicate entry {term!r} ({row.pos}), first at line "
                               f"{seen[key]}")
        seen[key] = row.line
        weights.append(weight)
        goldsteins.append(gold)
    frame["weight"] = pd.Series(weights, index=frame.index, dtype=float)
    frame["goldstein"] = pd.Series(goldsteins, index=frame.index, dtype=float)
    return frame.reset_index(drop=True)


def _lexicon_columns(frame: pd.DataFrame, filename: str) -> pd.DataFrame:
    """A copy of ``frame`` with a ``line`` column and every lexicon column.

    ``line`` counts from 1 when the table did not come from a file; the
    optional columns ``goldstein``, ``note`` and ``role`` get their defaults
    (none, empty, ``event``); any other missing column is an error.
    """
    frame = frame.copy()
    if "line" not in frame.columns:
        frame.insert(0, "line", range(1, len(frame) + 1))
    for col in LEXICON_COLUMNS:
        if col not in frame.columns:
            if col in ("goldstein", "note", "role"):
                frame[col] = {"goldstein": "nan", "note": "", "role": "event"}[col]
            else:
                raise LexiconError(f"{filename}: missing column {col!r}")
    return frame


def _check_lexicon_row(row: Any, where: str) -> tuple[float, float]:
    """Check one lexicon row (an ``itertuples`` row); return its weight and Goldstein score.

    The Goldstein score is NaN when left empty or ``-``. ``where`` (file and
    line) starts every error message.
    """
    term = str(row.term)
    if not term or term != term.lower() or term != term.strip():
        raise LexiconError(f"{where}: term must be non-empty lower-case text, got {term!r}")
    if row.pos not in POS_TAGS:
        raise LexiconError(f"{where}: unknown pos {row.pos!r} (expected {sorted(POS_TAGS)})")
    if row.role not in ROLES:
        raise LexiconError(f"{where}: unknown role {row.role!r} (expected {sorted(ROLES)})")
    try:
        weight = float(row.weight)
        gold = float(row.goldstein) if str(row.goldstein) not in ("", "-") else float("nan")
    except ValueError as exc:
        raise LexiconError(f"{where}: weight/goldstein must be numbers ({exc})") from None
    _check_event_class(row, weight, where)
    if not (gold != gold or -10.0 <= gold <= 10.0):
        raise LexiconError(f"{where}: goldstein {gold} outside [-10, 10]")
    return weight, gold


def _check_event_class(row: Any, weight: float, where: str) -> None:
    """Check that a row's category, quad class and weight fit together.

    An event's category is a PLOVER one, its quad class that category's, its
    weight in [-10, 10], non-zero and signed as the quad class (cooperation
    positive); ``block`` and ``recip`` rows are not events: ``NONE``, ``none``, 0.
    """
    if row.role in ("block", "recip"):
        if row.category != "NONE" or row.quad_class != "none" or weight != 0:
            raise LexiconError(f"{where}: {row.role} rows need category NONE, quad class "
                               "none and weight 0")
        return
    if row.category not in SCHRODT_SCORES:
        raise LexiconError(f"{where}: unknown PLOVER category {row.category!r}")
    expected = CATEGORY_QUAD[row.category]
    if row.quad_class != expected:
        raise LexiconError(
            f"{where}: quad class {row.quad_class!r} does not fit {row.category} "
            f"(expected {expected!r})"
        )
    if not -10.0 <= weight <= 10.0:
        raise LexiconError(f"{where}: weight {weight} outside [-10, 10]")
    if (weight > 0) != (row.quad_class in COOP_QUADS) or weight == 0:
        raise LexiconError(f"{where}: weight {weight} has the wrong sign for "
                           f"{row.quad_class}")


def validate_actors(frame: pd.DataFrame, filename: str = "actors") -> pd.DataFrame:
    """Check an actor table: lower-case aliases, known kinds, well-formed codes."""
    frame = frame.copy()
    if "line" not in frame.columns:
        frame.insert(0, "line", range(1, len(frame) + 1))
    for col in ACTOR_COLUMNS:
        if col not in frame.columns:
            if col in ("label", "note"):
                frame[col] = ""
            else:
                raise LexiconError(f"{filename}: missing column {col!r}")
    seen: dict[str, int] = {}
    for row in frame.itertuples(index=False):
        where = f"{filename}: line {row.line}"
        alias = str(row.alias)
        if not alias or alias != alias.lower() or alias != alias.strip():
            raise LexiconError(f"{where}: alias must be non-empty lower-case text, got {alias!r}")
        if row.kind not in ACTOR_KINDS:
            raise LexiconError(f"{where}: unknown kind {row.kind!r} (expected "
                               f"{sorted(ACTOR_KINDS)})")
        code = str(row.code)
        if code not in SPECIAL_CODES and not _CODE_RE.match(code):
            raise LexiconError(f"{where}: code {code!r} is not 2-4 upper-case letters or digits, "
                               "starting with a letter")
        if code in SPECIAL_CODES and row.kind != "title":
            raise LexiconError(f"{where}: code {code!r} is only allowed for kind 'title'")
        _check_term(row, where)
        if alias in seen:
            raise LexiconError(f"{where}: duplicate alias {alias!r}, first at line {seen[alias]}")
        seen[alias] = row.line
    return frame.reset_index(drop=True)


def _check_term(row: Any, where: str) -> None:
    """Optional ``start``/``end`` columns: an office holder's term, ISO dates or empty."""
    for col in ("start", "end"):
        value = str(getattr(row, col, "") or "")
        if value and not _DATE_RE.match(value):
            raise LexiconError(f"{where}: {col} must be a date YYYY-MM-DD or empty, got {value!r}")
    start, end = str(getattr(row, "start", "") or ""), str(getattr(row, "end", "") or "")
    if start and end and end < start:
        raise LexiconError(f"{where}: term ends ({end}) before it starts ({start})")


def validate_coalitions(frame: pd.DataFrame, codes: set[str],
                        filename: str = "coalitions") -> pd.DataFrame:
    """Check a coalition table against the actor codes it refers to.

    Each row is one membership period: the coalition and the member must be
    codes of the actor table (``codes``), start and end ISO dates or empty, and
    the periods of one member in one coalition must not overlap.
    """
    frame = frame.copy()
    if "line" not in frame.columns:
        frame.insert(0, "line", range(1, len(frame) + 1))
    periods: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
    for row in frame.itertuples(index=False):
        where = f"{filename}: line {row.line}"
        for col in ("coalition", "member"):
            code = str(getattr(row, col))
            if not _CODE_RE.match(code) or code not in codes:
                raise LexiconError(f"{where}: {col} {code!r} is not a code of actors.tsv")
        _check_term(row, where)
        start, end = str(row.start or ""), str(row.end or "")
        for other_start, other_end, line in periods.get((row.coalition, row.member), []):
            if (not end or other_start <= end) and (not other_end or start <= other_end):
                raise LexiconError(f"{where}: {row.member} in {row.coalition} overlaps the "
                                   f"period at line {line}")
        periods.setdefault((row.coalition, row.member), []).append((start, end, row.line))
    return frame.reset_index(drop=True)


def validate_treaties(frame: pd.DataFrame, codes: set[str],
                      filename: str = "treaties") -> pd.DataFrame:
    """Check a treaty table (``treaties.tsv``) against the actor codes it refers to.

    Each row is one name of a treaty: ``alias`` lower-case words (unique), ``treaty`` an
    upper-case identifier, ``parties`` two or more codes of the actor table (``codes``),
    space-separated, the same for every alias of one treaty.
    """
    frame = frame.copy()
    if "line" not in frame.columns:
        frame.insert(0, "line", range(1, len(frame) + 1))
    seen: dict[str, int] = {}
    parties_of: dict[str, tuple[str, int]] = {}
    for row in frame.itertuples(index=False):
        where = f"{filename}: line {row.line}"
        alias, parties = str(row.alias), str(row.parties)
        if not alias or alias != alias.lower() or alias != " ".join(alias.split()):
            raise LexiconError(f"{where}: alias {alias!r} must be lower-case words "
                               "separated by single spaces")
        if alias in seen:
            raise LexiconError(f"{where}: alias {alias!r} already at line {seen[alias]}")
        seen[alias] = row.line
        if not re.match(r"^[A-Z][A-Z0-9]+$", str(row.treaty)):
            raise LexiconError(f"{where}: treaty {row.treaty!r} must be an upper-case identifier")
        listed = parties.split()
        bad = [c for c in listed if not _CODE_RE.match(c) or c not in codes]
        if bad:
            raise LexiconError(f"{where}: parties {parties!r} must be two or more codes of "
                               f"actors.tsv (not {bad})")
        if len(set(listed)) < 2:
            raise LexiconError(f"{where}: parties {parties!r} must name two or more codes")
        first = parties_of.setdefault(str(row.treaty), (" ".join(sorted(listed)), row.line))
        if first[0] != " ".join(sorted(listed)):
            raise LexiconError(f"{where}: parties of {row.treaty} differ from line {first[1]}")
    return frame.reset_index(drop=True)


def validate_offices(frame: pd.DataFrame, actors: pd.DataFrame,
                     filename: str = "offices") -> pd.DataFrame:
    """Check an office table (``offices.tsv``) against the actor table it names people of.

    Each row is one term: ``code`` a state code of ``actors``, ``office`` one or more
    lower-case title phrases separated by ``|``, ``label`` a label that ``actors`` gives
    to that code, ``start`` a date, ``end`` a later date or empty (in office). The terms
    of one code and office phrase must not overlap (``end`` is excluded).
    """
    frame = frame.copy()
    if "line" not in frame.columns:
        frame.insert(0, "line", range(1, len(frame) + 1))
    labels = {(str(c), str(lab)) for c, lab in zip(actors["code"], actors["label"], strict=True)}
    terms: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
    for row in frame.itertuples(index=False):
        where = f"{filename}: line {row.line}"
        code, label = str(row.code), str(row.label)
        if not _CODE_RE.match(code) or code not in set(actors["code"]):
            raise LexiconError(f"{where}: code {code!r} is not a code of actors.tsv")
        if (code, label) not in labels:
            raise LexiconError(f"{where}: label {label!r} is not a label of {code} in actors.tsv")
        if not str(row.start):
            raise LexiconError(f"{where}: a term needs a start date")
        _check_term(row, where)
        for office in office_phrases(str(row.office)):
            if not office or office != office.lower() or office != office.strip():
                raise LexiconError(f"{where}: office must be lower-case title phrases "
                                   f"separated by '|', got {row.office!r}")
            start, end = str(row.start), str(row.end or "")
            for other_start, other_end, line in terms.get((code, office), []):
                if (not end or other_start < end) and (not other_end or start < other_end):
                    raise LexiconError(f"{where}: {code} {office!r} overlaps the term at line "
                                       f"{line}")
            terms.setdefault((code, office), []).append((start, end, row.line))
    return frame.reset_index(drop=True)


def office_phrases(office: str) -> list[str]:
    """The title phrases of an ``office`` field: "président|chef de l'état" -> two."""
    return [p.strip() for p in office.split("|")]


@lru_cache(maxsize=1)
def _lexicon_table() -> _Table:
    table = _parse(_read_resource("lexicon.tsv"), "lexicon.tsv", LEXICON_COLUMNS)
    return _Table(table.header, validate_lexicon(table.frame, "lexicon.tsv"))


@lru_cache(maxsize=1)
def _actors_table() -> _Table:
    table = _parse(_read_resource("actors.tsv"), "actors.tsv", ACTOR_COLUMNS)
    return _Table(table.header, validate_actors(table.frame, "actors.tsv"))


def load_lexicon() -> pd.DataFrame:
    """Return the packaged cooperation/conflict lexicon (a fresh copy).

    Columns: line (in the file), term, pos, category, quad_class, weight,
    cameo, goldstein, role, note.
    """
    return _lexicon_table().frame.copy()


def load_actors() -> pd.DataFrame:
    """Return the packaged actor dictionary (a fresh copy).

    Columns: line (in the file), alias, code, kind, label, note.
    """
    return _actors_table().frame.copy()


def load_coalitions() -> pd.DataFrame:
    """Return the members of the packaged coalition and bloc codes (``coalitions.tsv``).

    Columns: line (in the file), coalition, member, start, end, note; one row
    per membership period, validated against the codes of ``actors.tsv``.
    """
    return _coalitions_table().frame.copy()


@lru_cache(maxsize=1)
def _coalitions_table() -> _Table:
    table = _parse(_read_resource("coalitions.tsv"), "coalitions.tsv", COALITION_COLUMNS)
    codes = set(_actors_table().frame["code"])
    return _Table(table.header, validate_coalitions(table.frame, codes, "coalitions.tsv"))


def load_treaties() -> pd.DataFrame:
    """Return the packaged treaties and their parties (``treaties.tsv``).

    Columns: line (in the file), alias, treaty, parties (space-separated codes), note;
    validated against the codes of ``actors.tsv``.
    """
    return _treaties_table().frame.copy()


@lru_cache(maxsize=1)
def _treaties_table() -> _Table:
    table = _parse(_read_resource("treaties.tsv"), "treaties.tsv", TREATY_COLUMNS)
    codes = set(_actors_table().frame["code"])
    return _Table(table.header, validate_treaties(table.frame, codes, "treaties.tsv"))


def load_offices() -> pd.DataFrame:
    """Return the packaged office holders (``offices.tsv``): who held which office when.

    Columns: line (in the file), code, office, label, start, end, note; one row per
    term, validated against the codes and labels of ``actors.tsv``.
    """
    return _offices_table().frame.copy()


@lru_cache(maxsize=1)
def _offices_table() -> _Table:
    table = _parse(_read_resource("offices.tsv"), "offices.tsv", OFFICE_COLUMNS)
    return _Table(table.header, validate_offices(table.frame, _actors_table().frame,
                                                 "offices.tsv"))


def offices_header() -> dict[str, str]:
    """Return the ``# key: value`` header of ``offices.tsv``."""
    return dict(_offices_table().header)


def lexicon_header() -> dict[str, str]:
    """Return the ``# key: value`` header of ``lexicon.tsv``."""
    return dict(_lexicon_table().header)


def actors_header() -> dict[str, str]:
    """Return the ``# key: value`` header of ``actors.tsv``."""
    return dict(_actors_table().header)


def parse_table(text: str, filename: str, kind: str) -> pd.DataFrame:
    """Parse and validate a lexicon (``kind="lexicon"``) or actor table from text.

    Used by tests and by anyone shipping their own variant of the files.
    """
    columns, validate = _kind(kind)
    return validate(_parse(text, filename, columns).frame, filename)


def _kind(kind: str) -> tuple[tuple[str, ...], Callable[[pd.DataFrame, str], pd.DataFrame]]:
    """The columns and the validator of a table kind."""
    if kind == "lexicon":
        return LEXICON_COLUMNS, validate_lexicon
    if kind == "actors":
        return ACTOR_COLUMNS, validate_actors
    raise ValueError(f"kind must be 'lexicon' or 'actors', got {kind!r}")


def read_table(path: str | Path, kind: str) -> pd.DataFrame:
    """Read and validate a user's lexicon or actor file (the packaged files' format).

    Every problem, a missing or unreadable file included, is a
    :class:`LexiconError` naming the file (and the line, for a bad row).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: {kind} file does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the {kind} file ({exc})") from None
    return parse_table(text, str(path), kind)


def user_table(source: str | Path | pd.DataFrame, kind: str) -> pd.DataFrame:
    """A validated lexicon or actor table from a file path or a DataFrame."""
    if isinstance(source, (str, Path)):
        return read_table(source, kind)
    return _kind(kind)[1](source, f"{kind} (DataFrame)")


def table_digest(frame: pd.DataFrame, kind: str) -> str:
    """SHA-256 (hex) of a validated table's rows in the file's columns.

    The header and line numbers are left out, so the same table gives the
    same digest whether it came from a file or a DataFrame.
    """
    text = frame[list(_kind(kind)[0])].to_csv(sep="\t", index=False, lineterminator="\n", na_rep="")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def __getattr__(name: str) -> str:
    # LEXICON_VERSION / ACTORS_VERSION are read lazily so importing the module
    # never fails on a broken data file before the caller asks for it.
    if name == "LEXICON_VERSION":
        return _lexicon_table().header["version"]
    if name == "ACTORS_VERSION":
        return _actors_table().header["version"]
    if name == "OFFICES_VERSION":
        return _offices_table().header["version"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
