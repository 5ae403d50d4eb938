"""Metadata with evidence: signatures, dates, HTML metadata and the ``metadata.csv`` sidecar."""

from __future__ import annotations

import csv
import io
import re
import warnings
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .files import META_FIELDS, SIDECAR_NAME, decode
from .records import Article, InputWarning

# ---------------------------------------------------------------- metadata

@lru_cache(maxsize=1)
def _signature_rules() -> list[tuple[re.Pattern[str], str, str, str]]:
    text = (resources.files("analysis") / "data" / "outlets.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [(re.compile(r["pattern"], re.I), r["field"], r["value"], r["where"]) for r in rows]


_MONTHS = {m: i for i, m in enumerate(
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"], start=1)}
_DATE_PATTERNS = [
    ("dmy_text", re.compile(r"\b(\d{1,2})(?:er)?\s+(janvier|février|fevrier|mars|avril|mai|juin|"
                            r"juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
                            r"\s+(\d{4})\b", re.I)),
    ("my_text", re.compile(r"\b(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
                           r"septembre|octobre|novembre|décembre|decembre)\s+(\d{4})\b", re.I)),
    ("dmy_num", re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")),
]


_FOUR_DIGITS = re.compile(r"\d{4}")


def _month(name: str) -> int:
    name = name.lower().replace("fevrier", "février").replace("aout", "août")
    return _MONTHS[name.replace("decembre", "décembre")]


def find_dates(text: str) -> list[tuple[str, int, int]]:
    """ISO dates (partial allowed) mentioned in ``text``, with their spans."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    if not _FOUR_DIGITS.search(text):
        return found  # every pattern has a four-digit year
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            try:
                if kind == "dmy_text":
                    iso = f"{int(m[3]):04d}-{_month(m[2]):02d}-{int(m[1]):02d}"
                elif kind == "my_text":
                    iso = f"{int(m[2]):04d}-{_month(m[1]):02d}"
                elif kind == "dmy_num":
                    d, mo, y = int(m[1]), int(m[2]), int(m[3])
                    if not (1 <= mo <= 12 and 1 <= d <= 31):
                        continue
                    iso = f"{y:04d}-{mo:02d}-{d:02d}"
                else:
                    y, mo = int(m[1]), int(m[2])
                    if not (1 <= mo <= 12):
                        continue
                    iso = f"{y:04d}-{mo:02d}" + (f"-{int(m[3]):02d}" if m[3] else "")
            except (KeyError, ValueError):
                continue
            if not 1900 <= int(iso[:4]) <= 2100:
                continue
            found.append((iso, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


_AGENCY_OF = re.compile(r"agence de presse\s+\w+\s*(?:«\s*)?(tass|ria novosti|sana|afp|xinhua)",
                        re.I)
_AGENCY_SELON = re.compile(r"selon l'agence\s+(tass|ria novosti|afp|xinhua)", re.I)


def infer_metadata(article: Article) -> dict[str, str]:
    """Infer outlet, host, agency and dates from the article's own lines.

    Each value comes with an ``*_evidence`` quoting the line that decided it
    and ``*_source`` saying how it was found.
    """
    meta: dict[str, str] = {}
    cited: list[str] = []
    mentioned: list[str] = []
    for p in article.paragraphs:
        line = p.text.strip()
        is_bp = p.kind == "boilerplate"
        for pattern, fld, value, where in _signature_rules():
            if where == "boilerplate" and not is_bp:
                continue
            if not meta.get(fld) and pattern.search(line):
                meta[fld] = value
                meta[f"{fld}_evidence"] = line[:160]
                meta[f"{fld}_source"] = "signature" if is_bp else "text"
        m = _AGENCY_OF.search(line) or _AGENCY_SELON.search(line)
        if m and not is_bp:
            name = {"tass": "TASS", "afp": "AFP", "xinhua": "Xinhua", "sana": "SANA",
                    "ria novosti": "RIA Novosti"}[m.group(1).lower()]
            if name not in cited:
                cited.append(name)
        dates = find_dates(line)
        if is_bp and p.boilerplate_kind == "stamp":
            stamp = _page_stamp(line)
            if stamp and not meta.get("page_timestamp"):
                meta["page_timestamp"] = stamp
                meta["page_timestamp_evidence"] = line[:160]
            elif dates and not meta.get("page_timestamp") and re.match(r"\s*date\s", line):
                meta["published"] = dates[0][0]
                meta["published_source"] = "page date header"
                meta["published_evidence"] = line[:160]
        elif is_bp and p.boilerplate_kind == "signature" and dates and not meta.get("published"):
            meta["published"] = dates[0][0]
            meta["published_source"] = "agency dateline"
            meta["published_evidence"] = line[:160]
        elif not is_bp:
            mentioned.extend(d for d, _, _ in dates)
    if cited:
        meta["agencies_cited"] = ";".join(cited)
    meta["dates_mentioned"] = ";".join(dict.fromkeys(mentioned))
    return meta


def _page_stamp(line: str) -> str:
    m = re.search(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s+(\d{1,2})[:h](\d{2})\s*([ap]m)?", line,
                  re.I)
    if not m:
        return ""
    d, mo, y, hh, mm = (int(x) for x in m.groups()[:5])
    if m[6] and m[6].lower() == "pm" and hh < 12:
        hh += 12
    return f"{y:04d}-{mo:02d}-{d:02d}T{hh:02d}:{mm:02d}"



# ---------------------------------------------------------------- HTML and sidecar

def read_sidecar(folder: Path) -> dict[str, dict[str, str]]:
    """``metadata.csv`` beside the articles, keyed by article_id.

    Decoded as article files are (:func:`analysis.read.files.decode`: UTF-8,
    BOM, UTF-16, cp1252/latin-1). A row with another number of fields than
    the header, or a quoted field running over a line end (an unterminated
    quote swallowing the next row), is skipped with a warning naming the
    file and line; an unreadable or binary sidecar is ignored with a warning.
    """
    path = folder / SIDECAR_NAME
    if not path.exists():
        return {}
    try:
        text, _, problem = decode(path.read_bytes())
    except OSError as exc:
        text, problem = None, f"cannot be read: {type(exc).__name__}: {exc.strerror or exc}"
    if text is None:
        _warn(f"{path}: {problem}; sidecar ignored")
        return {}
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    if "article_id" not in header:
        _warn(f"{path}: no article_id column; sidecar ignored")
        return {}
    rows: dict[str, dict[str, str]] = {}
    line = reader.line_num
    for fields in reader:
        first, line = line + 1, reader.line_num
        if not fields:
            continue
        if any("\n" in f or "\r" in f for f in fields):
            _warn(f"{path}:{first}: a quoted field runs over lines {first}-{line} "
                  "(unterminated quote?); row skipped")
        elif len(fields) != len(header):
            _warn(f"{path}:{first}: {len(fields)} fields, expected {len(header)}; row skipped")
        else:
            row = dict(zip(header, fields, strict=True))
            rows[row["article_id"]] = row
    return rows


def _warn(message: str) -> None:
    warnings.warn(message, InputWarning, stacklevel=3)



def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of an HTML page (trafilatura, htmldate)."""
    import htmldate
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    if doc is None:
        return "", {}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    meta = {"title": d.get("title") or "", "url": d.get("url") or "",
            "host": d.get("hostname") or "", "outlet": d.get("sitename") or ""}
    published = htmldate.find_date(html, original_date=True, extensive_search=False)
    if published:
        meta["published"] = published
    text = d.get("text") or ""
    return text, meta



def apply_sidecar(art: Article, row: dict[str, str], sidecar: str) -> None:
    """Let known metadata win over inference, and say so."""
    for k in META_FIELDS:
        v = (row.get(k) or "").strip()
        if not v:
            continue
        inferred = art.meta.get(k, "")
        art.meta[k] = v
        art.meta[f"{k}_source"] = f"sidecar {sidecar}" + (
            f" (inferred: {inferred})" if inferred and inferred != v else "")
        if k in ("outlet", "host", "agency", "published") and not art.meta.get(f"{k}_evidence"):
            art.meta[f"{k}_evidence"] = (row.get("source") or "").strip()[:160]


#: ``outlet="folder"``: each document's outlet is the name of the folder it is in.
OUTLET_FROM_FOLDER = "folder"


def apply_outlet(art: Article, outlet: str | None, folder: Path) -> None:
    """Give ``art`` the outlet a user named (``--outlet NAME``) or its folder's name.

    It wins over the outlet inferred from the text or an HTML page's site name
    (kept in ``outlet_source``: "(inferred: ...)"), not over a table's
    ``outlet`` column; a ``metadata.csv`` row, applied after, wins over it.
    """
    if not outlet or art.meta.get("outlet_source") == "table":
        return
    by_folder = outlet == OUTLET_FROM_FOLDER
    value = folder.name if by_folder else outlet
    if not value:
        return
    inferred = art.meta.get("outlet", "")
    how = "folder name" if by_folder else "--outlet option"
    art.meta["outlet"] = value
    art.meta["outlet_source"] = how + (
        f" (inferred: {inferred})" if inferred and inferred != value else "")
    art.meta["outlet_evidence"] = str(folder) if by_folder else ""
