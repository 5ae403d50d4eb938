"""Input files: which files are read, and decoding their bytes (encodings, mojibake)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import ftfy

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".parquet"}
SIDECAR_NAME = "metadata.csv"
#: Files larger than this are not read (status ``too_large``); the CLI can change it.
DEFAULT_MAX_BYTES = 10_000_000
#: Metadata fields a sidecar or a table may provide.
META_FIELDS = ("outlet", "host", "agency", "url", "published", "title", "agencies_cited")
TEXT_COLUMNS = ("text", "body", "content", "article", "texte")
ID_COLUMNS = ("article_id", "id", "doc_id")


# ---------------------------------------------------------------- decoding

_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€[™œ\u009d“”¦¢]|Ã©|Ã¨|Ã ")


def decode(data: bytes) -> tuple[str | None, str, str]:
    """Decode bytes of (probably) French text.

    Returns ``(text, encoding, problem)``; ``text`` is None when the bytes are
    not text at all.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ""
        except UnicodeDecodeError:
            return None, "", "UTF-16 byte-order mark but undecodable content"
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without BOM: every other byte is NUL for Latin text.
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, enc, ""
        return None, "", "binary content (NUL bytes), not text"
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = data.decode("cp1252", errors="replace"), "cp1252"
        if "\ufffd" in text:
            text, enc = data.decode("latin-1"), "latin-1"
    if not _looks_like_text(text):
        return None, "", "binary content, not text"
    return text, enc, ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_WIDE = re.compile(r"[^\x00-\xff]")  # the only characters that can be private/unassigned


def _looks_like_text(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return True
    bad = len(_CONTROL.findall(sample))
    if bad / len(sample) >= 0.02:
        return False
    odd = sum(1 for c in _WIDE.findall(sample) if unicodedata.category(c) in ("Co", "Cs", "Cn"))
    return (bad + odd) / len(sample) < 0.02


def repair_mojibake(text: str) -> tuple[str, str]:
    """Repair UTF-8 read as cp1252/latin-1 ("Ã©" for "é"); report what was done."""
    if not _MOJIBAKE.search(text):
        return text, ""
    fixed = ftfy.fix_encoding(text)
    if _MOJIBAKE.search(fixed):
        return text, "mojibake detected (e.g. 'Ã©') and could not be repaired"
    return fixed, "mojibake repaired (text was UTF-8 decoded as a single-byte encoding)"



# ---------------------------------------------------------------- inputs

def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``inputs`` (folders recursively, sorted); error if a path is missing."""
    for item in inputs:
        path = Path(item)
        if not path.exists():
            raise FileNotFoundError(f"input path does not exist: {path}")
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                if f.name == SIDECAR_NAME or f.name.startswith("."):
                    continue
                if f.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES:
                    yield f
        else:
            yield path
