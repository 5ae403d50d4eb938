"""Articles from files and table rows: building records, reading a corpus, duplicates."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..types import TitleRule
from .boilerplate import _LEADING_STAMP, classify_boilerplate, is_list_item, looks_like_headline
from .files import (
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    ID_COLUMNS,
    META_FIELDS,
    SIDECAR_NAME,
    TABLE_SUFFIXES,
    TEXT_COLUMNS,
    TEXT_SUFFIXES,
    _os_error,
    decode,
    file_problem,
    iter_input_files,
    read_bytes,
    repair_mojibake,
)
from .langid import detect_language
from .metadata import apply_outlet, apply_sidecar, extract_html, infer_metadata, read_sidecar
from .normalise import _normalize, glue_names
from .records import Article, Paragraph, warn_document

# ---------------------------------------------------------------- building records

def build_article(article_id: str, path: str, text: str, names: Sequence[str] = (),
                  title: TitleRule = "none") -> Article:
    """Split ``text`` into classified paragraphs and infer metadata.

    ``title="first-line"``: the first non-empty line is the article's title
    (a headline, never body text nor boilerplate, in ``meta["title"]``).
    """
    art = Article(article_id=article_id, path=path, text=text)
    state = _State()
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group(0)
        if not raw.strip():
            continue
        start = m.start()
        lead = _LEADING_STAMP.match(raw)
        segments = [(start, start + lead.end()), (start + lead.end(), m.end())] if lead \
            else [(start, m.end())]
        if m.end() - start > MAX_PARAGRAPH_CHARS:
            segments = [c for s, e in segments for c in _chunks(text, s, e)]
            art.add_problem(f"a line of {m.end() - start:,} characters split into "
                            f"{len(segments)} paragraphs of at most {MAX_PARAGRAPH_CHARS:,} "
                            "characters at sentence ends")
        for s, e in segments:
            para = _paragraph(text, s, e, names, len(art.paragraphs), state.part)
            if para is None:
                continue
            _classify(para, state, stamp=bool(lead and s == start))
            art.paragraphs.append(para)
    if title == "first-line" and art.paragraphs:
        _first_line_title(art)
    _mark_embedded_posts(art)
    _check_parts(art)
    art.meta = infer_metadata(art)
    if title == "first-line" and art.paragraphs:
        art.meta.update(title=art.paragraphs[0].text, title_source="first line")
    return art


@dataclass
class _State:
    """What classifying a paragraph needs from the ones before it."""

    seen: dict[str, int] = field(default_factory=dict)  # normalised key -> first paragraph
    part: int = 1  # the article of the file (a separator line starts the next)
    in_list: bool = False  # after a line ending in ":", until a body line


def _paragraph(text: str, s: int, e: int, names: Sequence[str], pid: int,
               part: int) -> Paragraph | None:
    """The paragraph of ``text[s:e]``, normalised, blanks stripped (None if blank)."""
    norm, offs = _normalize(text[s:e], names)
    lstrip = len(norm) - len(norm.lstrip())
    rstrip = len(norm.rstrip())
    if rstrip <= lstrip:
        return None
    if offs is None:  # identity map: the same offsets, built in C
        offs = list(range(lstrip + s, rstrip + s + 1))
    else:
        offs = [o + s for o in offs[lstrip:rstrip]] + [offs[rstrip - 1] + s + 1]
    norm = norm[lstrip:rstrip]
    return Paragraph(paragraph_id=pid, start=offs[0], end=offs[-1], text=norm, offsets=offs,
                     part=part)


def _classify(para: Paragraph, state: _State, stamp: bool) -> None:
    """Kind (boilerplate, repeat, headline, body), language and part of one paragraph.

    Short capitalised lines right after a line ending in ":" are the items of
    the list it introduces, not headlines.
    """
    norm = para.text
    para.boilerplate_kind = "stamp" if stamp else classify_boilerplate(norm)
    key = re.sub(r"\W+", " ", norm.lower()).strip()
    if not para.boilerplate_kind and key in state.seen:
        para.boilerplate_kind = "repeat"
        para.repeat_of = state.seen[key]
    elif not para.boilerplate_kind:
        state.seen[key] = para.paragraph_id
    if para.boilerplate_kind:
        para.kind = "boilerplate"
    elif looks_like_headline(norm) and not state.in_list:
        para.kind = "headline"
    if para.kind != "boilerplate":  # a list goes on while its lines are items or short
        state.in_list = norm.endswith(":") or (state.in_list and (
            is_list_item(norm) or looks_like_headline(norm)))
    para.lang = detect_language(norm)
    if para.kind != "boilerplate" and para.lang == "und":
        para.lang = "fr"  # too short to tell: a French corpus's default
    if para.boilerplate_kind == "separator" and re.search(r"[*#=~_-]{3,}", norm):
        state.part += 1


def _first_line_title(art: Article) -> None:
    """The first paragraph is the title: a French headline, whatever it looks like."""
    first = art.paragraphs[0]
    first.kind, first.boilerplate_kind, first.repeat_of = "headline", "", None
    if first.lang == "und":
        first.lang = "fr"
    for p in art.paragraphs[1:]:  # a repeat of the title is still boilerplate
        if p.repeat_of is None and p.kind != "boilerplate" and \
                re.sub(r"\W+", " ", p.text.lower()).strip() == \
                re.sub(r"\W+", " ", first.text.lower()).strip():
            p.kind, p.boilerplate_kind, p.repeat_of = "boilerplate", "repeat", 0


#: Longest paragraph handed to the scorer. spaCy refuses a text over ``nlp.max_length``
#: (1,000,000 characters, error E088) and its parser needs about 1 GB per 100,000
#: characters, so a longer line is split into several paragraphs (issue 17).
MAX_PARAGRAPH_CHARS = 100_000
#: A sentence end for those cuts: after two lower-case letters, digits or closers (not
#: after "M." or an initial), then white space and a capital, a digit or an opener.
_CHUNK_END = re.compile(r"(?<=[a-zà-ÿ0-9)\]»\"”]{2})[.!?…][»\"”)\]]?\s+(?=[A-ZÀ-Ý0-9«\"“(\[])")


def _chunks(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` cut into spans of at most :data:`MAX_PARAGRAPH_CHARS` characters.

    Each cut is at the last sentence end (``. ! ? …`` after a lower-case word,
    an optional closer, white space, then a capital, a digit or an opening
    quote) in the second half of the window, else at its last white
    space, else right at the limit; offsets stay those of ``text``. Linear:
    each window is searched once.
    """
    out = []
    limit = MAX_PARAGRAPH_CHARS
    while e - s > limit:
        lo, hi = s + limit // 2, s + limit
        ends = [m.end() for m in _CHUNK_END.finditer(text, lo, hi)]
        cut = ends[-1] if ends else max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi)) + 1
        cut = cut if cut > lo else hi
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def _mark_embedded_posts(art: Article) -> None:
    """A non-French paragraph next to a social-media line is the post itself."""
    paras = art.paragraphs
    for i, p in enumerate(paras):
        if p.kind == "boilerplate" or p.lang in ("fr", "und"):
            continue
        neighbours = paras[max(0, i - 1): i + 2]
        if re.search(r"https?://t\.co/|@\w+|#\w+", p.text) or any(
                q.boilerplate_kind == "social_media" for q in neighbours if q is not p):
            p.kind, p.boilerplate_kind = "boilerplate", "social_media"


def _check_parts(art: Article) -> None:
    """Flag a file that joins two articles at a separator line."""
    parts = {p.part for p in art.paragraphs if p.kind != "boilerplate"}
    if len(parts) > 1:
        art.n_parts = len(parts)
        art.add_problem(
            f"holds {len(parts)} articles joined at a separator line; "
            "use split_parts=True (--split-parts) to score them separately")
    # the first line of each later part that looks like a title is that part's headline
    for part in sorted(parts)[1:]:
        first = next(p for p in art.paragraphs if p.part == part and p.kind != "boilerplate")
        if looks_like_headline(first.text):
            first.kind = "headline"


def split_parts(art: Article) -> list[Article]:
    """Split an article flagged as multi-part into one record per part."""
    n = art.n_parts
    if n <= 1:
        return [art]
    out = []
    for part in sorted({p.part for p in art.paragraphs}):
        paras = [p for p in art.paragraphs if p.part == part]
        if not any(p.kind != "boilerplate" for p in paras):
            continue
        sub = Article(article_id=f"{art.article_id}-{part}", path=art.path, text=art.text,
                      status=art.status, encoding=art.encoding, paragraphs=paras,
                      problem=f"part {part} of {n} of a file joined at a separator")
        sub.meta = infer_metadata(sub)
        out.append(sub)
    return out


def _finish(art: Article) -> Article:
    """Set the status of a decoded article from its paragraphs."""
    if art.status != "ok":
        return art
    if not art.text.strip():
        art.status, art.problem = "empty", "file is empty or whitespace only"
        return art
    content = [p for p in art.paragraphs if p.kind != "boilerplate"]
    if not content:
        art.status = "no_body"
        art.add_problem("only boilerplate lines, no article text")
        return art
    langs = [p.lang for p in content if p.lang != "und"]
    french = sum(1 for lang in langs if lang == "fr")
    if langs and french * 2 < len(langs):
        other = max(set(langs), key=langs.count)
        art.status = "not_french"
        art.add_problem(f"text is not French (detected language: {other})")
    return art



# ---------------------------------------------------------------- files and tables

def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
              names: Sequence[str] = (), title: TitleRule = "none") -> Iterable[Article]:
    """Read one input file into one Article (text, HTML) or one per row (tables, streamed).

    Never raises for a bad file: a FIFO, socket or folder (``not_a_file``,
    never opened), a dangling symbolic link, a link loop, a permission or I/O
    error (``unreadable``) and an unknown suffix (``unsupported``) each give
    one record whose ``problem`` says what happened. ``title="first-line"``:
    the first line of a text file or of a table row without a title is the title
    (not of an HTML page, whose title comes from its metadata).
    """
    suffix = path.suffix.lower()
    aid = path.stem
    status, problem = file_problem(path)
    if status:
        return [Article(aid, str(path), status=status, problem=problem)]  # type: ignore[arg-type]
    if suffix in TABLE_SUFFIXES:
        return read_table(path, max_bytes=max_bytes, names=names, title=title)
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return [Article(aid, str(path), status="unsupported",
                        problem=f"unsupported file type {suffix or '(none)'!r}; expected "
                                ".txt, .html, .htm, .csv, .jsonl or .parquet")]
    try:
        size = path.stat().st_size
        data = b"" if size > max_bytes else read_bytes(path, max_bytes)
    except OSError as exc:
        return [Article(aid, str(path), status="unreadable",
                        problem=f"cannot be read: {_os_error(exc)}")]
    if size > max_bytes or len(data) > max_bytes:
        size = max(size, len(data))
        return [Article(aid, str(path), status="too_large",
                        problem=f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                                "(raise it with --max-bytes)")]
    if not data.strip():
        return [Article(aid, str(path), status="empty", problem="file is empty")]
    text, enc, problem = decode(data)
    if text is None:
        return [Article(aid, str(path), status="unreadable", problem=problem)]
    is_html = suffix in HTML_SUFFIXES or re.match(r"\s*(<!doctype html|<html)", text[:500], re.I)
    html_meta: dict[str, str] = {}
    notes = []
    if is_html:
        if suffix not in HTML_SUFFIXES:
            notes.append("HTML markup in a text file: main text extracted with trafilatura")
        text, html_meta = extract_html(text)
        if not text:
            return [Article(aid, str(path), status="no_body", encoding=enc,
                            problem="HTML page with no extractable article text")]
    text, fix = repair_mojibake(text)
    art = build_article(aid, str(path), text, names, title="none" if is_html else title)
    art.encoding = enc
    for note in [*notes, fix]:
        if note:
            art.add_problem(note)
    for k, v in html_meta.items():
        if v and not art.meta.get(k):
            art.meta[k] = v
            art.meta[f"{k}_source"] = "html metadata"
    return [_finish(art)]



#: Rows of a table read at a time: a table file is streamed, never loaded whole.
TABLE_CHUNK_ROWS = 1000


def read_table(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
               names: Sequence[str] = (), title: TitleRule = "none") -> Iterator[Article]:
    """One Article per row of a CSV, JSON-lines or Parquet table, read in chunks of
    :data:`TABLE_CHUNK_ROWS` rows so that memory does not grow with the table.

    A table that cannot be parsed from some chunk on gives the rows of the chunks before
    it, then one ``unreadable`` row (``STEM:ROW``) saying from which row on and why.
    """
    start = 0
    try:
        for df in _table_chunks(path):
            yield from read_frame(df, path.stem, str(path), max_bytes=max_bytes, names=names,
                                  title=title, start=start)
            start += len(df)
    except Exception as exc:  # noqa: BLE001 - any parse failure is reported, not raised
        what = f"table rows from {start} on could not be parsed" if start else \
            "table could not be parsed"
        yield Article(f"{path.stem}:{start}" if start else path.stem,
                      f"{path}#{start}" if start else str(path),
                      status="unreadable", problem=f"{what}: {exc}")


def _table_chunks(path: Path) -> Iterator:
    """The table's rows as DataFrames of text cells, :data:`TABLE_CHUNK_ROWS` at a time."""
    import pandas as pd

    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=TABLE_CHUNK_ROWS)
    elif suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            rows: list = []
            for line in fh:
                if line.strip():
                    rows.append(json.loads(line))
                if len(rows) == TABLE_CHUNK_ROWS:
                    yield _as_text(pd.DataFrame(rows, dtype=object))
                    rows = []
            if rows:
                yield _as_text(pd.DataFrame(rows, dtype=object))
    else:
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=TABLE_CHUNK_ROWS):
            yield _as_text(batch.to_pandas())


def read_frame(df, stem: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES,  # noqa: ANN001
               names: Sequence[str] = (), title: TitleRule = "none", start: int = 0) -> list[Article]:
    """One Article per row of a DataFrame of text cells (a table file, or the Python API's).

    Rows without an id are ``STEM:ROW`` (0-based row, counted from ``start`` for a chunk
    of a larger table) and their path ``SOURCE#ROW``.
    """
    text_col = next((c for c in TEXT_COLUMNS if c in df.columns), None)
    if text_col is None:
        return [Article(stem, source, status="unreadable",
                        problem=f"table has no text column (expected one of {TEXT_COLUMNS})")]
    id_col = next((c for c in ID_COLUMNS if c in df.columns), None)
    out = []
    for i, row in enumerate(df.to_dict("records"), start=start):
        aid = str(row[id_col]) if id_col and str(row[id_col]).strip() else ""
        art = _row_article(row, aid or f"{stem}:{i}", f"{source}#{i}", text_col,
                           max_bytes, names, title)
        if id_col and not aid:  # in ``problem``, so every engine warns about it
            art.add_problem(f"row has no {id_col}; given the id {art.article_id}")
        out.append(art)
    return out



def _row_article(row: dict, aid: str, src: str, text_col: str, max_bytes: int,
                 names: Sequence[str], title: TitleRule = "none") -> Article:
    """The Article of one table row; its metadata columns are kept whatever its status."""
    text = str(row[text_col] or "")
    if not text.strip() or text == "nan":
        return _table_meta(Article(aid, src, status="empty", problem="row has an empty text"), row)
    if len(text.encode("utf-8")) > max_bytes:
        return _table_meta(Article(aid, src, status="too_large",
                                   problem=f"row text is over the limit of {max_bytes:,} bytes"),
                           row)
    text, fix = repair_mojibake(text)
    given = str(row.get("title") or "").strip() not in ("", "nan")
    art = build_article(aid, src, text, names, title="none" if given else title)
    if fix:
        art.add_problem(fix)
    return _finish(_table_meta(art, row))


def _table_meta(art: Article, row: dict) -> Article:
    """The row's metadata columns win over what was inferred (source ``table``)."""
    for k in META_FIELDS:
        v = row.get(k)
        if v and v != "nan":
            art.meta[k] = str(v)
            art.meta[f"{k}_source"] = "table"
    return art


def _as_text(df):  # noqa: ANN001, ANN202 - a pandas DataFrame
    """Every cell as text; a null (JSON ``null``, NaN, None) is "", never ``"nan"``/``"None"``."""
    import pandas as pd

    def cell(v: object) -> str:
        if v is None or (not isinstance(v, (list, dict)) and pd.isna(v)):  # type: ignore[arg-type]
            return ""
        return str(v)

    return df.astype(object).map(cell)


def body_digest(art: Article) -> str:
    """Hash of an article's normalised body, for exact-duplicate detection."""
    return hashlib.sha1(re.sub(r"\s+", " ", art.body).encode()).hexdigest()


def read_corpus(inputs: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES,
                split: bool = False, use_sidecar: bool = True,
                warn: bool = True, dedupe: bool = True, title: TitleRule = "none",
                outlet: str | None = None) -> Iterator[Article]:
    """Read every input document, in a stable order, one Article each.

    Exact duplicates (same normalised body) of an earlier document get status
    ``duplicate``. With ``split=True`` the documents compared are the parts
    (a part that repeats another file, or a file that repeats a part, is a
    duplicate), exactly as every engine of :func:`analysis.run.run` marks them.
    ``title="first-line"``: the first line of a text is its title.
    ``outlet``: a fixed outlet name, or ``"folder"`` for the name of each
    file's folder (:func:`analysis.read.metadata.apply_outlet`); a
    ``metadata.csv`` row wins over it. Problems are reported as
    :class:`InputWarning` naming the file, notes about documents read ``ok``
    as :class:`InputNote`.
    """
    names = glue_names()
    hashes: dict[str, str] = {}
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    for path in iter_input_files(inputs):
        folder = path.parent
        if use_sidecar and folder not in sidecars:
            sidecars[folder] = read_sidecar(folder)
        for art in read_file(path, max_bytes=max_bytes, names=names, title=title):
            row = sidecars.get(folder, {}).get(art.article_id)
            apply_outlet(art, outlet, folder)
            if row:
                apply_sidecar(art, row, str(folder / SIDECAR_NAME))
            units = split_parts(art) if split and art.status == "ok" else [art]
            for unit in units[1:] if units[0] is art else units:  # parts infer afresh
                apply_outlet(unit, outlet, folder)
            if warn and units[0] is not art and art.problem:  # the file that was split
                warn_document(art.path, art.status, art.problem, stacklevel=3)
            for unit in units:
                if unit.status == "ok" and dedupe:
                    _mark_duplicate(unit, hashes)
                if warn and (unit is art or unit.status == "duplicate") and (
                        unit.status != "ok" or unit.problem):
                    warn_document(unit.path, unit.status, unit.problem, stacklevel=3)
                yield unit


def _mark_duplicate(art: Article, hashes: dict[str, str]) -> None:
    """Mark ``art`` a duplicate of the first document with its body, or remember it."""
    digest = body_digest(art)
    if digest in hashes:
        art.status = "duplicate"
        art.add_problem(f"exact duplicate of {hashes[digest]}")
    else:
        hashes[digest] = art.article_id



# ---------------------------------------------------------------- tables

ARTICLE_COLUMNS = [
    "article_id", "path", "status", "problem", "encoding", "n_parts",
    "outlet", "outlet_source", "outlet_evidence",
    "host", "host_source", "host_evidence",
    "agency", "agency_source", "agency_evidence", "agencies_cited",
    "url", "title", "published", "published_source", "published_evidence",
    "page_timestamp", "page_timestamp_evidence", "dates_mentioned",
    "n_paragraphs", "n_headlines", "n_boilerplate", "n_chars",
]


def article_record(art: Article) -> dict[str, object]:
    """The reader's columns of ``articles.csv`` for one article."""
    rec: dict[str, object] = {c: "" for c in ARTICLE_COLUMNS}
    rec.update({k: v for k, v in art.meta.items() if k in rec})
    if not rec["title"]:
        head = next((p.text for p in art.paragraphs if p.kind == "headline"), "")
        rec["title"] = head
    rec.update(
        article_id=art.article_id, path=art.path, status=art.status, problem=art.problem,
        encoding=art.encoding, n_parts=art.n_parts if art.paragraphs else 0,
        n_paragraphs=len(art.paragraphs),
        n_headlines=sum(p.kind == "headline" for p in art.paragraphs),
        n_boilerplate=sum(p.kind == "boilerplate" for p in art.paragraphs),
        n_chars=len(art.text),
    )
    return rec
