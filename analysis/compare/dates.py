"""When an article appeared: its best-known date and where that date comes from."""

from __future__ import annotations

import re

import pandas as pd

from ..tables import Scored
from .common import _ok_articles, _text

# ---------------------------------------------------------------- time

def best_dates(scored: Scored) -> pd.DataFrame:
    """Best-known date of each article, and where it comes from.

    ``published`` when known, else the first of ``dates_mentioned`` (the body's
    own dates, in reading order). ``page_timestamp`` is never used: it is a page
    clock (seed 003's "24-11-2024 … Jerusalem Timing" is the archive's, not the
    article's).

    Columns: ``article_id``, ``outlet``, ``best_date`` (ISO, partial allowed,
    ``""`` when unknown), ``date_source`` (``published``, ``dates_mentioned`` or
    ``none``), ``date`` (Timestamp; a partial date is the first day of its month
    or year), ``date_precision`` (``day``, ``month``, ``year`` or ``""``).
    """
    arts = _ok_articles(scored.articles)
    published = _text(arts["published"]) if "published" in arts else pd.Series("", index=arts.index)
    mentioned = (_text(arts["dates_mentioned"]) if "dates_mentioned" in arts
                 else pd.Series("", index=arts.index))
    rows = []
    for aid, outlet, pub, men in zip(arts["article_id"], arts["outlet"], published, mentioned,
                                     strict=True):
        first = next((d.strip() for d in men.split(";") if d.strip()), "")
        best, source = (pub, "published") if pub else (first, "dates_mentioned") if first else ("", "none")
        date, precision = _parse_partial_date(best)
        rows.append({"article_id": str(aid), "outlet": outlet, "best_date": best,
                     "date_source": source, "date": date, "date_precision": precision})
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "best_date", "date_source", "date",
                                      "date_precision"])
    out["date"] = pd.to_datetime(out["date"])
    return out


def _parse_partial_date(value: str) -> tuple[pd.Timestamp | None, str]:
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None, ""
    year, month, day = m.group(1), m.group(2), m.group(3)
    precision = "day" if day else "month" if month else "year"
    try:
        return pd.Timestamp(int(year), int(month or 1), int(day or 1)), precision
    except ValueError:
        return None, ""
