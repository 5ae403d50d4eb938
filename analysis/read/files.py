"""Input files: which files are read, and decoding their bytes (encodings, mojibake)."""

from __future__ import annotations

import errno
import os
import re
import stat
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
    """Files named by ``inputs`` (folders recursively, sorted); error if a path is missing.

    Inside a folder every entry is yielded except hidden ones and the
    ``metadata.csv`` sidecar: regular files of any suffix, FIFOs, sockets,
    dangling symbolic links, symbolic-link loops (to a file or to a folder
    the link is in) and sub-folders that cannot be listed, so that the reader
    gives each a row with its status (``unsupported``, ``not_a_file``,
    ``unreadable``) and a warning. Nothing is opened here.
    """
    for item in inputs:
        path = Path(item)
        if not os.path.lexists(path):
            raise FileNotFoundError(f"input path does not exist: {path}")
        if path.is_dir() and not _loops(path):
            yield from sorted(_walk(path))
        else:
            yield path


def _list_folder(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of one folder (patched in the tests to simulate an unlistable one)."""
    with os.scandir(folder) as it:
        return list(it)


def _walk(folder: Path) -> Iterator[Path]:
    """Every entry under ``folder`` the reader must account for (see :func:`iter_input_files`).

    Symbolic links to folders are followed unless they lead back to a folder
    they are in (a loop: yielded itself); a folder that cannot be listed is
    yielded itself.
    """
    try:
        entries = _list_folder(folder)
    except OSError:
        yield folder
        return
    for entry in entries:
        if entry.name == SIDECAR_NAME or entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir and not _loops(path):
            yield from _walk(path)
        else:
            yield path


def _loops(path: Path) -> bool:
    """True for a symbolic link to a folder it is in (following it would never end)."""
    if not path.is_symlink():
        return False
    target = os.path.realpath(path)
    return any(os.path.realpath(p) == target for p in path.parents)


def file_problem(path: Path) -> tuple[str, str]:
    """``(status, problem)`` of an input that is not a readable regular file, else ``("", "")``.

    Only ``stat`` calls: a FIFO is never opened (opening one blocks forever).
    """
    try:
        st = path.stat()
    except OSError as exc:
        if path.is_symlink():
            if exc.errno == errno.ELOOP:
                return "unreadable", "symbolic-link loop"
            if exc.errno == errno.ENOENT:
                return "unreadable", f"dangling symbolic link (target {os.readlink(path)!r} " \
                                     "does not exist)"
        return "unreadable", f"cannot be read: {_os_error(exc)}"
    if stat.S_ISDIR(st.st_mode):
        if path.is_symlink():
            return "not_a_file", "symbolic link to a folder it is in (a loop): not followed"
        try:
            _list_folder(path)
        except OSError as exc:
            return "unreadable", f"folder cannot be listed: {_os_error(exc)}"
        return "not_a_file", "a folder"
    if not stat.S_ISREG(st.st_mode):
        kind = ("named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else
                "socket" if stat.S_ISSOCK(st.st_mode) else "device")
        return "not_a_file", f"{kind}, not a regular file: not opened"
    return "", ""


def read_bytes(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``path``: memory stays bounded even if the file grows."""
    with open(path, "rb") as fh:
        return fh.read(limit + 1)


def _os_error(exc: OSError) -> str:
    """``PermissionError: Permission denied`` without the path (the warning names the file)."""
    return f"{type(exc).__name__}: {exc.strerror or exc}"
