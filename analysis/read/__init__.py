"""Reading and cleaning articles: from files or table rows to typed records.

One :class:`Article` per input document, whatever happened to it: a file that
cannot be read still gives a record with a ``status`` and a human-readable
``problem`` (and a warning naming the file), so nothing is lost downstream.

What the reader does, in order:

1. decode bytes (UTF-8, UTF-8 with BOM, UTF-16, cp1252/latin-1), repair
   mojibake with ftfy and say so;
2. split the stored text into paragraphs (one per non-empty line) and keep,
   for each, a normalised copy for matching (NFC, straight apostrophes and
   quotes, plain spaces, no soft hyphens, glued words split) with an offset map
   back into the stored text, so every span reported later points into the text
   as stored;
3. classify boilerplate lines (stamps, navigation, share widgets, editor
   credits, separators, signatures, social-media posts, repeats), headlines and
   the language of each paragraph;
4. infer metadata with evidence (outlet, host, agency, dates), let a sidecar
   ``metadata.csv`` or a table's metadata columns override it, and flag files
   that join two articles at a separator line.

The raw files are never modified.

The modules, one concern each: :mod:`.records` (``Article``, ``Paragraph``),
:mod:`.files` (input listing, decoding), :mod:`.normalise` (normalisation with
offsets), :mod:`.boilerplate` (boilerplate and headlines), :mod:`.langid`
(language), :mod:`.metadata` (signatures, dates, HTML metadata, sidecar) and
:mod:`.corpus` (building records, reading files and tables, duplicates). Every
public name is re-exported here (import from ``analysis.read``), but the
input suffixes and table column names, which only the reader uses: they stay in
:mod:`.files`.
"""

from __future__ import annotations

from .boilerplate import (
    classify_boilerplate,
    looks_like_headline,
)
from .corpus import (
    ARTICLE_COLUMNS,
    article_record,
    body_digest,
    build_article,
    read_corpus,
    read_file,
    read_frame,
    read_table,
    split_parts,
)
from .files import (
    DEFAULT_MAX_BYTES,
    META_FIELDS,
    SIDECAR_NAME,
    decode,
    iter_input_files,
    repair_mojibake,
)
from .langid import (
    detect_language,
)
from .metadata import (
    OUTLET_FROM_FOLDER,
    apply_outlet,
    apply_sidecar,
    extract_html,
    find_dates,
    infer_metadata,
    read_sidecar,
)
from .normalise import (
    _CHAR_MAP,
    glue_names,
    normalize,
)
from .records import (
    Article,
    InputNote,
    InputWarning,
    Kind,
    Paragraph,
    Status,
    warn_document,
)

__all__ = [
    "ARTICLE_COLUMNS",
    "Article",
    "DEFAULT_MAX_BYTES",
    "InputNote",
    "InputWarning",
    "Kind",
    "META_FIELDS",
    "OUTLET_FROM_FOLDER",
    "Paragraph",
    "SIDECAR_NAME",
    "Status",
    "_CHAR_MAP",
    "apply_outlet",
    "apply_sidecar",
    "article_record",
    "body_digest",
    "build_article",
    "classify_boilerplate",
    "decode",
    "detect_language",
    "extract_html",
    "find_dates",
    "glue_names",
    "infer_metadata",
    "iter_input_files",
    "looks_like_headline",
    "normalize",
    "read_corpus",
    "read_file",
    "read_frame",
    "read_sidecar",
    "read_table",
    "repair_mojibake",
    "split_parts",
    "warn_document",
]
