"""What every comparison shares: outlet names and order, the small-n warning, the rows compared.

:data:`UNKNOWN_OUTLET`, :data:`MIN_ARTICLES` and :func:`small_n_warning`;
:func:`outlet_names` and :func:`sort_outlets`; and the table helpers: cells
as text, normalised text, the ``ok`` articles and the scored sentences.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import pandas as pd

#: Outlet name given to articles whose ``outlet`` is empty.
UNKNOWN_OUTLET = "inconnu"
#: Below this many articles an outlet's figures carry a warning.
MIN_ARTICLES = 5


# ---------------------------------------------------------------- small helpers

def small_n_warning(n_articles: int) -> str:
    """Plain-language warning for an outlet measured on fewer than :data:`MIN_ARTICLES` articles."""
    n = int(n_articles)
    if n >= MIN_ARTICLES:
        return ""
    if n == 0:
        return "no article: nothing to measure"
    if n == 1:
        return "1 article: an anecdote, not an outlet's framing"
    return f"{n} articles: too few to characterise an outlet (fewer than {MIN_ARTICLES})"


def _text(series: pd.Series) -> pd.Series:
    """Strings with missing values as ``""`` (the tables read back missing cells as NA)."""
    return series.astype(object).where(series.notna(), "").astype(str).str.strip()


def outlet_names(articles: pd.DataFrame) -> pd.Series:
    """The outlet of each article row, :data:`UNKNOWN_OUTLET` when empty."""
    names = _text(articles["outlet"]) if "outlet" in articles else pd.Series("", index=articles.index)
    return names.mask(names == "", UNKNOWN_OUTLET)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")


def _ok_articles(articles: pd.DataFrame) -> pd.DataFrame:
    ok = articles[_text(articles["status"]) == "ok"] if "status" in articles else articles
    return ok.assign(outlet=outlet_names(ok)).sort_values("article_id", kind="stable")


def _scored_rows(sentences: pd.DataFrame) -> pd.DataFrame:
    """Scored sentences (headlines and body, not boilerplate) in reading order."""
    s = sentences[sentences["coop"].notna() & (_text(sentences["kind"]) != "boilerplate")]
    return s.sort_values(["article_id", "sentence_id"], kind="stable")


def sort_outlets(names: Iterable[str]) -> list[str]:
    """Distinct outlet names, case-insensitively sorted, :data:`UNKNOWN_OUTLET` last."""
    return sorted(set(names), key=lambda n: (n == UNKNOWN_OUTLET, n.casefold(), n))
