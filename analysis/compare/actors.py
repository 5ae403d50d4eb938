"""Actors per outlet: the actor network from dyads, and naming as framing (which name for whom)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from ..scoring.words import CAPITALISED_ALIASES
from ..tables import Scored, _combine_relations, net_index
from .coalitions import Coalitions
from .common import _norm, _text, small_n_warning
from .selection import _Corpus, _select

# ---------------------------------------------------------------- actors

def actor_network(scored: Scored, include_wire: bool = True,
                  coalitions: Coalitions = "named") -> pd.DataFrame:
    """Edges of the actor network per outlet, from the dyads of scored sentences.

    One row per outlet and actor pair (sorted codes). A sentence counts once
    per pair; its relation combines the pair's events in it (coop + conf =
    mixed). Columns: ``outlet``, ``actor_a``, ``actor_b``, ``n_sentences``,
    ``n_coop`` (sentences with cooperation, mixed included), ``n_conf``
    (idem conflict), ``n_mixed``, ``n_articles``, ``net_index``, ``warning``.

    ``coalitions``: ``"named"`` (default) counts the dyads as the text names
    them; ``"via"`` also counts a coalition's dyads for each of its members at
    the article's date (codebook D17, :func:`expand_coalitions`) and adds a
    last column ``n_via``: the pair's sentences that are inferred only.
    """
    corpus = _select(scored, include_wire, coalitions)
    cols = ["outlet", "actor_a", "actor_b", "n_sentences", "n_coop", "n_conf", "n_mixed",
            "n_articles", "net_index", "warning"] + (["n_via"] if coalitions == "via" else [])
    d = corpus.dyads
    if not len(d):
        return pd.DataFrame(columns=cols)
    d = d.assign(actor_a=_text(d["actor_a"]), actor_b=_text(d["actor_b"]))
    keys = ["outlet", "actor_a", "actor_b", "article_id", "sentence_id"]
    rel = d.groupby(keys, sort=True)["relation"].agg(_combine_relations).reset_index()
    if coalitions == "via":
        rel["via"] = d.groupby(keys, sort=True)["via"].agg(lambda v: (v != "").all()).to_numpy()
    n_arts = corpus.articles.groupby("outlet")["article_id"].count()
    rows = []
    for (outlet, a, b), g in rel.groupby(["outlet", "actor_a", "actor_b"], sort=True):
        coop = int(g["relation"].isin(["coop", "mixed"]).sum())
        conf = int(g["relation"].isin(["conf", "mixed"]).sum())
        row = {"outlet": outlet, "actor_a": a, "actor_b": b, "n_sentences": len(g),
               "n_coop": coop, "n_conf": conf, "n_mixed": int((g["relation"] == "mixed").sum()),
               "n_articles": g["article_id"].nunique(), "net_index": net_index(coop, conf),
               "warning": small_n_warning(int(n_arts.get(outlet, 0)))}
        if coalitions == "via":
            row["n_via"] = int(g["via"].sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


#: Dictionary codes that are not actors (generic titles, "les deux présidents") and kinds
#: that are not names (adjectives such as "russe"): left out of :func:`actor_naming`.
NOT_NAMES = {"codes": ("*", "PAIR"), "kinds": ("adjective",)}


def actor_naming(scored: Scored, include_wire: bool = True,
                 actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Naming as framing: which name each outlet uses for the same actor.

    "Daech", "EI" or "État islamique"; "Bachar al-Assad", "le régime" or "le
    gouvernement syrien": the choice of name is itself framing. Every alias of
    the actor dictionary (:func:`analysis.lexicon.load_actors`, or ``actors``
    with columns ``alias``, ``code``, ``kind``, ``label``) is matched, case
    insensitively, as a whole word in the text of scored sentences; overlapping
    aliases count once, for the longest ("Vladimir Poutine", not also
    "Poutine"). Aliases are grouped by the dictionary's ``label`` (spelling
    variants such as "daech"/"daesh" are one name). Generic titles, pairs and
    adjectives (:data:`NOT_NAMES`) and prefixes ("russo-") are not names.

    Columns: ``outlet``, ``code``, ``label`` (the name), ``n_mentions``,
    ``n_articles``, ``share`` (of the outlet's mentions of that actor),
    ``aliases`` (spellings matched, with counts), ``warning``.
    """
    if actors is None:
        from ..lexicon import load_actors

        actors = load_actors()
    cols = ["outlet", "code", "label", "n_mentions", "n_articles", "share", "aliases", "warning"]
    lookup = _name_lookup(actors)
    if not lookup:
        return pd.DataFrame(columns=cols)
    corpus = _select(scored, include_wire)
    hits, spellings, arts = _count_names(corpus, lookup)
    if not hits:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame([(*k, n, len(arts[k])) for k, n in sorted(hits.items())], columns=cols[:5])
    out["share"] = out["n_mentions"] / out.groupby(["outlet", "code"])["n_mentions"].transform("sum")
    out["aliases"] = ["; ".join(f"{a} ({n})" for a, n in sorted(spellings[k].items(),
                                                                 key=lambda t: (-t[1], t[0])))
                      for k in zip(out["outlet"], out["code"], out["label"], strict=True)]
    n_arts = corpus.articles.groupby("outlet")["article_id"].count()
    out["warning"] = out["outlet"].map(lambda o: small_n_warning(int(n_arts.get(o, 0))))
    return out.sort_values(["outlet", "code", "n_mentions", "label"],
                           ascending=[True, True, False, True], kind="stable").reset_index(drop=True)


def _name_lookup(actors: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Normalised lower-case alias → (code, name) for the aliases that are names.

    Left out: empty aliases or codes, prefixes ("russo-") and :data:`NOT_NAMES`;
    the first row of an alias wins; an alias without a label is its own name.
    """
    table = pd.DataFrame({
        "alias": _text(actors["alias"]).map(_norm).str.lower(), "code": _text(actors["code"]),
        "kind": _text(actors["kind"]) if "kind" in actors else "",
        "label": _text(actors["label"]) if "label" in actors else _text(actors["alias"]),
    })
    table = table[(table["alias"] != "") & (table["code"] != "") & ~table["alias"].str.endswith("-")
                  & ~table["code"].isin(NOT_NAMES["codes"]) & ~table["kind"].isin(NOT_NAMES["kinds"])]
    lookup: dict[str, tuple[str, str]] = {}
    for alias, code, label in zip(table["alias"], table["code"], table["label"], strict=True):
        lookup.setdefault(alias, (code, label or alias))
    return lookup


_NameKey = tuple[str, str, str]  # outlet, code, name


def _count_names(corpus: _Corpus, lookup: dict[str, tuple[str, str]],
                 ) -> tuple[Counter[_NameKey], dict[_NameKey, Counter[str]], dict[_NameKey, set[str]]]:
    """Mentions of each name per outlet in the corpus' sentences: count, spellings, articles.

    Longer aliases are tried first, so overlapping aliases count once, for the
    longest; matching is case-insensitive, on whole words of the normalised text, but for
    the aliases that name an actor only with a capital (``capitalised_aliases``: l'Alliance).
    """
    names = sorted(lookup, key=lambda a: (-len(a), a))
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in names) + r")(?!\w)", re.I)
    hits: Counter[_NameKey] = Counter()
    spellings: dict[_NameKey, Counter[str]] = defaultdict(Counter)
    arts: dict[_NameKey, set[str]] = defaultdict(set)
    for outlet, aid, text in zip(corpus.sentences["outlet"], corpus.sentences["article_id"],
                                 _text(corpus.sentences["text"]), strict=True):
        for m in pattern.finditer(_norm(text)):
            alias = m.group(1).lower()
            if alias in CAPITALISED_ALIASES and not m.group(1)[0].isupper():
                continue  # "ses alliés" is no name of NATO, "les Alliés" is
            code, label = lookup[alias]
            key = (outlet, code, label)
            hits[key] += 1
            spellings[key][alias] += 1
            arts[key].add(aid)
    return hits, spellings, arts
