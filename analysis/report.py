"""A self-contained HTML reading report of scored articles (``framing report``).

One HTML file with inline CSS and JavaScript only: no network request, no
external script, font or image, readable offline. It has

* an overview table of the articles (sortable by clicking, or pressing Enter
  on, a column header), each row linking to its article;
* every article as its cleaned text in reading order, body sentences tinted by
  frame in the Okabe–Ito colour-blind-safe palette, with an icon, an
  underline style and a screen-reader label so colour is never the only cue;
  boilerplate greyed and struck out, headlines and quotes marked;
* for every sentence, its evidence and dyads in a tooltip shown on hover or
  keyboard focus (and given to screen readers through ``aria-describedby``);
* filters by outlet, frame and actor pair.

Every piece of text is HTML-escaped and the embedded JSON cannot close its
``<script>`` element; a Content-Security-Policy allows only the report's own
script and style (by hash), so even markup that slipped through would not run.
The output is deterministic: the same tables give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from .tables import Scored

DEFAULT_TITLE = "Cooperation and conflict framing: reading report"
#: The style sheet template in ``analysis/data`` (see :func:`_css`).
CSS_FILE = "report.css"
#: The report's script (filters, tooltips), a package data file beside the style sheet.
JS_FILE = "report.js"
FRAMES = ("cooperation", "conflict", "mixed", "neutral")

# Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design").
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}
TEXT = "#1a1a1a"
MUTED = "#595959"
LINK = "#0b5394"


def _tint(hex_colour: str, alpha: float) -> str:
    """``hex_colour`` laid at opacity ``alpha`` over white, as ``#rrggbb``."""
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * alpha + 255 * (1 - alpha)):02x}" for c in rgb)


#: Per frame: sentence tint, underline colour and style, badge colours, icon.
FRAME_STYLE: dict[str, dict[str, str]] = {
    "cooperation": {"tint": _tint(OKABE_ITO["sky_blue"], 0.38), "line": OKABE_ITO["blue"],
                    "line_style": "solid", "badge_bg": OKABE_ITO["blue"], "badge_fg": "#ffffff",
                    "icon": "+", "label": "cooperation"},
    "conflict": {"tint": _tint(OKABE_ITO["orange"], 0.42), "line": OKABE_ITO["vermillion"],
                 "line_style": "dashed", "badge_bg": OKABE_ITO["vermillion"], "badge_fg": "#000000",
                 "icon": "\u00d7", "label": "conflict"},
    "mixed": {"tint": _tint(OKABE_ITO["reddish_purple"], 0.40), "line": OKABE_ITO["reddish_purple"],
              "line_style": "double", "badge_bg": OKABE_ITO["reddish_purple"], "badge_fg": "#000000",
              "icon": "\u00b1", "label": "mixed (cooperation and conflict)"},
    "neutral": {"tint": "#ffffff", "line": "#8c8c8c", "line_style": "dotted",
                "badge_bg": "#ffffff", "badge_fg": TEXT, "icon": "\u25cb",
                "label": "neutral (neither)"},
}

#: (text, background) colour pairs used in the report; all meet WCAG AA (4.5:1).
CONTRAST_PAIRS: list[tuple[str, str]] = (
    [(TEXT, s["tint"]) for s in FRAME_STYLE.values()]
    + [(s["badge_fg"], s["badge_bg"]) for s in FRAME_STYLE.values()]
    + [(MUTED, "#ffffff"), (LINK, "#ffffff"), ("#ffffff", "#1a1a1a"), (TEXT, "#f2f2f2"),
       (TEXT, "#ffffff")]
)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    def lum(c: str) -> float:
        ch = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in ch]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# ---------------------------------------------------------------- values

def _esc(value: object) -> str:
    """HTML-escape any value for text or a quoted attribute (missing → "")."""
    return html.escape(_text(value), quote=True)


def _text(value: object) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _num(value: object) -> float | None:
    text = _text(value)
    if text == "":
        return None
    try:
        out = float(text)
    except ValueError:
        return None
    return None if math.isnan(out) else out


def _int_text(value: object) -> str:
    num = _num(value)
    return "" if num is None else str(int(num)) if num.is_integer() else f"{num:g}"


def _signed(value: float | None) -> str:
    if value is None:
        return "\u2014"
    return f"{value:+.2f}".replace("-", "\u2212")


def _truthy(value: object) -> bool:
    return _text(value).strip().lower() in {"1", "1.0", "true", "yes"}


def _token(value: str) -> str:
    return "_".join(value.split()) or "_"


def _records(df: pd.DataFrame | None) -> list[dict[str, Any]]:
    if df is None or len(df) == 0:
        return []
    return df.to_dict("records")


def _json_script(data: object, element_id: str) -> str:
    """A JSON data block that cannot end its ``<script>`` element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, safe in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                      ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, safe)
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


# ---------------------------------------------------------------- style and script

def _css() -> str:
    """The report's style sheet: ``analysis/data/report.css`` with the colours filled in.

    The file holds the fixed rules; the text, link and muted colours and one
    rule pair per frame come from :data:`FRAME_STYLE` and the constants above,
    so the colours checked by :data:`CONTRAST_PAIRS` are the ones used.
    """
    template = (resources.files("analysis") / "data" / CSS_FILE).read_text(encoding="utf-8")
    return Template(template).substitute(text=TEXT, link=LINK, muted=MUTED,
                                         frame_rules=_frame_rules())


def _frame_rules() -> str:
    """Per frame, the sentence rule (tint and underline) and the badge rule."""
    rules = []
    for frame, st in FRAME_STYLE.items():
        bg = "transparent" if frame == "neutral" else st["tint"]
        width = "3px" if st["line_style"] == "double" else "2px"
        rules.append(f".f-{frame}{{background-color:{bg};border-bottom:{width} "
                     f"{st['line_style']} {st['line']}}}")
        rules.append(f".b-{frame}{{background:{st['badge_bg']};color:{st['badge_fg']}}}")
    return "\n".join(rules)




# ---------------------------------------------------------------- building blocks

def _pair_key(actor_a: object, actor_b: object) -> str:
    return f"{_token(_text(actor_a))}-{_token(_text(actor_b))}"


def _pair_label(key: str) -> str:
    return key.replace("-", "\u2013", 1)


def _dyad_line(d: dict[str, Any]) -> str:
    src, tgt = _text(d.get("source")), _text(d.get("target"))
    a, b = _text(d.get("actor_a")), _text(d.get("actor_b"))
    who = f"{src}\u2192{tgt}" if src and tgt else f"{a}\u2013{b}"
    rel = _text(d.get("relation")) or "?"
    parts = [f"{who} {rel}"]
    cat = _text(d.get("category"))
    quad = _text(d.get("quad_class"))
    if cat or quad:
        parts.append(" \u2014 " + cat + (f" ({quad})" if quad else ""))
    weight = _num(d.get("weight"))
    if weight is not None:
        parts.append(f", weight {weight:+.1f}")
    mod = _text(d.get("modality"))
    if mod:
        parts.append(f", {mod}")
    if _truthy(d.get("negated")):
        parts.append(", negated")
    ev = _text(d.get("evidence"))
    if ev:
        parts.append(f"; evidence: {ev}")
    return "".join(parts) + "."


def _line(key: str, value: str) -> str:
    return (f'<span class="dl"><span class="k">{html.escape(key)}:</span> '
            f"{html.escape(value)}</span> ")


def _description(row: dict[str, Any], dyads: list[dict[str, Any]], frame: str) -> str:
    """Inner HTML of a sentence's description (tooltip and screen-reader text)."""
    kind = _text(row.get("kind"))
    if kind == "boilerplate":
        bk = _text(row.get("boilerplate_kind")) or "other"
        return _line("Boilerplate", f"{bk}; not scored.")
    if frame == "none":
        lang = _text(row.get("lang")) or "und"
        return _line("Not scored", f"paragraph language {lang}.")
    out = []
    coop, conf = _int_text(row.get("coop")), _int_text(row.get("conf"))
    scores = []
    if coop or conf:
        scores.append(f"coop {coop or '0'}, conf {conf or '0'}")
    cs, fs = _num(row.get("coop_score")), _num(row.get("conf_score"))
    if cs is not None or fs is not None:
        scores.append(f"weights {cs or 0:.1f} / {fs or 0:.1f}")
    label = FRAME_STYLE[frame]["label"]
    out.append(_line("Frame", label + (f" ({'; '.join(scores)})" if scores else "") + "."))
    if kind == "headline":
        out.append(_line("Kind", "headline."))
    ev = _text(row.get("evidence"))
    out.append(_line("Evidence", (ev or "none") + ("" if ev.endswith(".") else ".")))
    voice = _text(row.get("voice"))
    speaker = _text(row.get("speaker"))
    if voice:
        out.append(_line("Voice", voice + (f", speaker {speaker}" if speaker else "") + "."))
    mod = _text(row.get("modality"))
    if mod:
        out.append(_line("Modality", mod + "."))
    actors = _text(row.get("actors"))
    if actors:
        out.append(_line("Actors", actors.replace(";", ", ") + "."))
    if dyads:
        items = "".join(f"<li>{html.escape(_dyad_line(d))}</li>" for d in dyads)
        out.append(f'<span class="dl"><span class="k">Dyads:</span></span><ul>{items}</ul>')
    else:
        out.append(_line("Dyads", "none."))
    extra = []
    gold = _num(row.get("goldstein"))
    if gold is not None:
        extra.append(f"Goldstein {gold:+.1f}")
    for col, name in (("tone_vader", "VADER"), ("tone_textblob", "TextBlob")):
        val = _num(row.get(col))
        if val is not None:
            extra.append(f"{name} tone {val:+.2f}")
    if extra:
        out.append(_line("Scores", "; ".join(extra) + "."))
    return "".join(out)


def _frame_of(row: dict[str, Any]) -> str:
    if _text(row.get("kind")) == "boilerplate":
        return "none"
    frame = _text(row.get("frame"))
    return frame if frame in FRAME_STYLE else "none"


def _sentence_html(row: dict[str, Any], dyads: list[dict[str, Any]], sid: str,
                   descs: list[str]) -> str:
    frame = _frame_of(row)
    kind = _text(row.get("kind"))
    pairs = sorted({_pair_key(d.get("actor_a"), d.get("actor_b")) for d in dyads})
    desc_id = f"{sid}-d"
    descs.append(f'<span id="{desc_id}">{_description(row, dyads, frame)}</span>')
    classes = ["s"]
    lead = []
    if kind == "boilerplate":
        bk = _text(row.get("boilerplate_kind")) or "other"
        classes.append("bp")
        lead.append(f'<span class="tag">boilerplate: {html.escape(bk)}</span>'
                    '<span class="vh">(struck out) </span>')
    elif frame == "none":
        classes.append("unscored")
        lang = _text(row.get("lang")) or "und"
        lead.append(f'<span class="tag">not scored: {html.escape(lang)}</span>')
    else:
        st = FRAME_STYLE[frame]
        classes.append(f"f-{frame}")
        lead.append(f'<span class="badge b-{frame}" aria-hidden="true">{st["icon"]}</span>'
                    f'<span class="vh">{html.escape(frame)}: </span>')
        if _text(row.get("voice")) == "quoted":
            classes.append("q")
            speaker = _text(row.get("speaker"))
            lead.append(f'<span class="tag">\u201c quote{": " + html.escape(speaker) if speaker else ""}'
                        "</span>")
    return (f'<span class="{" ".join(classes)}" id="{sid}" tabindex="0" '
            f'data-frame="{frame}" data-kind="{_esc(kind)}" data-pairs="{_esc(" ".join(pairs))}" '
            f'aria-describedby="{desc_id}">{"".join(lead)}<span class="t">'
            f'{_esc(row.get("text"))}</span></span>')


def _paragraphs(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: list[list[dict[str, Any]]] = []
    last: object = object()
    for row in rows:
        pid = _text(row.get("paragraph_id"))
        if not groups or pid != last:
            groups.append([])
            last = pid
        groups[-1].append(row)
    return groups


def _article_text(aid: str, rows: list[dict[str, Any]],
                  dyads: dict[str, list[dict[str, Any]]]) -> str:
    out = ['<div class="text" lang="fr">']
    descs: list[str] = []
    k = 0
    for para in _paragraphs(rows):
        kinds = {_text(r.get("kind")) for r in para}
        lang = _text(para[0].get("lang"))
        attrs = ' class="headline"' if kinds == {"headline"} else ""
        if lang and lang != "und" and lang != "fr":
            attrs += f' lang="{_esc(lang)}"'
        pieces = []
        if kinds == {"headline"}:
            pieces.append('<span class="tag">headline</span>')
        prev_end: float | None = None
        for row in para:
            start = _num(row.get("start"))
            if pieces and (prev_end is None or start is None or start > prev_end):
                pieces.append(" ")
            prev_end = _num(row.get("end"))
            pieces.append(_sentence_html(row, dyads.get(_int_text(row.get("sentence_id")), []),
                                         f"{aid}-s{k}", descs))
            k += 1
        out.append(f"<p{attrs}>{''.join(pieces)}</p>")
    out.append("</div>")
    out.append(f'<div class="descs" hidden>{"".join(descs)}</div>')
    return "\n".join(out)


def _status_cell(art: dict[str, Any]) -> str:
    status = _text(art.get("status")) or "?"
    problem = _text(art.get("problem"))
    cls = "" if status == "ok" else ' class="status-bad"'
    out = f"<span{cls}>{html.escape(status)}</span>"
    if problem:
        out += f'<span class="problem muted">{html.escape(problem)}</span>'
    return out


_COLUMNS = [  # key, header, type
    ("title", "Article", "str"), ("outlet", "Outlet", "str"), ("host", "Host", "str"),
    ("agency", "Agency", "str"), ("published", "Date", "str"), ("net_index", "Net index", "num"),
    ("rususa_net", "RUS\u2013USA index", "num"), ("n_sentences", "Sentences", "num"),
    ("status", "Status", "str"),
]


def overview(articles: pd.DataFrame) -> pd.DataFrame:
    """The overview table's numbers, one row per article, as the report shows them.

    Saved beside the report's screenshot (``docs/report.csv``).
    """
    rows = [_article_data(a) for a in _records(articles)]
    cols = ["article_id"] + [key for key, _, _ in _COLUMNS]
    return pd.DataFrame(rows, columns=cols).sort_values("article_id", kind="stable")


def _article_data(art: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"article_id": _text(art.get("article_id"))}
    for key, _, typ in _COLUMNS:
        if typ == "num":
            row[key] = _num(art.get(key))
        elif key == "title":
            row[key] = _text(art.get("title")) or row["article_id"]
        else:
            row[key] = _text(art.get(key))
    for key in ("rususa_n", "n_coop", "n_conf", "n_body"):
        row[key] = _num(art.get(key))
    row["problem"] = _text(art.get("problem"))
    return row


def _overview(arts: list[dict[str, Any]], ids: list[str]) -> str:
    head = []
    for key, label, typ in _COLUMNS:
        head.append(f'<th scope="col" data-key="{key}" data-type="{typ}"><button type="button">'
                    f'{html.escape(label)}<span class="arrow" aria-hidden="true"></span>'
                    "</button></th>")
    body = []
    for i, (art, aid) in enumerate(zip(arts, ids, strict=True)):
        d = _article_data(art)
        rus_n = _int_text(art.get("rususa_n"))
        cells = [f'<th scope="row"><a href="#{aid}">{html.escape(d["title"])}</a></th>']
        for key in ("outlet", "host", "agency", "published"):
            val = html.escape(d[key]) if d[key] else '<span class="muted">\u2014</span>'
            cells.append(f'<td class="date">{val}</td>' if key == "published" else f"<td>{val}</td>")
        cells.append(f'<td class="num">{_signed(d["net_index"])}</td>')
        rus = _signed(d["rususa_net"])
        if rus_n and rus_n != "0":
            rus += f' <span class="muted">(n={rus_n})</span>'
        cells.append(f'<td class="num">{rus}</td>')
        cells.append(f'<td class="num">{_int_text(art.get("n_sentences")) or "—"}</td>')
        cells.append(f"<td>{_status_cell(art)}</td>")
        body.append(f'<tr id="row-{aid}" data-i="{i}">{"".join(cells)}</tr>')
    return ('<div class="table-wrap"><table id="overview">'
            '<caption class="vh">Articles; column headers are buttons that sort the table</caption>'
            f"<thead><tr>{''.join(head)}</tr></thead>"
            f"<tbody>{chr(10).join(body)}</tbody></table></div>")


def _meta_list(art: dict[str, Any]) -> str:
    items = []
    for key, label in (("outlet", "Outlet"), ("host", "Host"), ("agency", "Agency"),
                       ("agencies_cited", "Agencies cited"), ("published", "Published"),
                       ("url", "URL (not linked)"), ("path", "File"), ("status", "Status"),
                       ("problem", "Problem")):
        val = _text(art.get(key))
        if not val:
            continue
        src = _text(art.get(f"{key}_source"))
        ev = _text(art.get(f"{key}_evidence"))
        extra = ""
        if src or ev:
            extra = (' <span class="muted">(' + html.escape(src)
                     + (": \u201c" + html.escape(ev) + "\u201d" if ev else "") + ")</span>")
        items.append(f"<dt>{html.escape(label)}</dt><dd>{html.escape(val)}{extra}</dd>")
    if _text(art.get("status")) == "ok":
        n_body = _int_text(art.get("n_body")) or "0"
        coop, conf = _int_text(art.get("n_coop")) or "0", _int_text(art.get("n_conf")) or "0"
        items.append(f"<dt>Net index</dt><dd>{_signed(_num(art.get('net_index')))} "
                     f"({coop} cooperative, {conf} conflictual of {n_body} body sentences)</dd>")
        items.append(f"<dt>RUS\u2013USA index</dt><dd>{_signed(_num(art.get('rususa_net')))} "
                     f"({_int_text(art.get('rususa_n')) or '0'} body sentences with a "
                     "Russia\u2013United States dyad)</dd>")
        mode = _text(art.get("mode"))
        if mode:
            lex = _text(art.get("lexicon_version"))
            items.append(f"<dt>Scorer</dt><dd>{html.escape(mode)} mode"
                         f"{', lexicon ' + html.escape(lex) if lex else ''}</dd>")
    return f'<dl class="meta">{"".join(items)}</dl>'


def _legend() -> str:
    items = []
    for frame, st in FRAME_STYLE.items():
        items.append(f'<li><span class="badge b-{frame}" aria-hidden="true">{st["icon"]}</span>'
                     f'<span class="swatch f-{frame}">{html.escape(st["label"])}</span></li>')
    items.append('<li><span class="tag">headline</span> headline (scored, reported apart)</li>')
    items.append('<li><span class="tag">\u201c quote: speaker</span> quoted speech</li>')
    items.append('<li><span class="tag">boilerplate: kind</span>'
                 '<span class="bp">struck out: not scored</span></li>')
    return f'<ul class="legend" aria-label="Legend">{"".join(items)}</ul>'


def _select(element_id: str, label: str, options: Iterable[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{_esc(v)}">{html.escape(t)}</option>' for v, t in options)
    return (f'<label for="{element_id}">{html.escape(label)}'
            f'<select id="{element_id}">{opts}</select></label>')


# ---------------------------------------------------------------- report

#: One article's dyads by sentence id.
_SentenceDyads = dict[str, list[dict[str, Any]]]
#: The fields that order a sentence's dyads (so the output does not depend on the table's order).
_DYAD_ORDER = ("actor_a", "actor_b", "source", "target", "relation", "category", "evidence")


def build_report(articles: pd.DataFrame, sentences: pd.DataFrame, dyads: pd.DataFrame,
                 title: str = DEFAULT_TITLE) -> str:
    """The report as one self-contained, deterministic HTML string."""
    arts = sorted(_records(articles), key=lambda r: _text(r.get("article_id")))
    sents = _records(sentences)
    by_article = _sentences_by_article(sents)
    dyad_map, pair_sentences = _dyads_by_sentence(_records(dyads))
    ids = [f"art-{i}" for i in range(len(arts))]
    outlet_key = _outlet_keys(arts)
    sections = [_article_section(art, aid, outlet_key[_text(art.get("outlet"))], by_article,
                                 dyad_map) for art, aid in zip(arts, ids, strict=True)]
    js = (resources.files("analysis") / "data" / JS_FILE).read_text(encoding="utf-8")
    doc = [
        *_head(title, _css(), js),
        "<body>",
        '<a class="skip" href="#articles">Skip to the articles</a>',
        *_intro(title, arts, len(sents)),
        "<main>",
        *_filters(arts, sents, outlet_key, pair_sentences),
        '<section aria-labelledby="overview-h">',
        '<h2 id="overview-h">Overview</h2>',
        _overview(arts, ids),
        "</section>",
        '<section id="articles" aria-labelledby="articles-h">',
        '<h2 id="articles-h" class="vh">Articles</h2>',
        *sections,
        "</section>",
        "</main>",
        '<footer class="muted"><p>Generated by <code>framing report</code>. Columns are '
        "described in docs/tables.md; frames follow the project codebook.</p></footer>",
        '<div id="tip" role="tooltip" aria-hidden="true" hidden></div>',
        '<div id="live" class="vh" aria-live="polite"></div>',
        _json_script({"articles": [_article_data(a) for a in arts]}, "report-data"),
        f"<script>{js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(doc) + "\n"


def _sentences_by_article(sents: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Sentence rows grouped by article id, each group in sentence order (the reading order)."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in sents:
        by_article[_text(row.get("article_id"))].append(row)
    for rows in by_article.values():
        rows.sort(key=lambda r: (_num(r.get("sentence_id")) or 0.0))
    return by_article


def _dyads_by_sentence(dyads: list[dict[str, Any]],
                       ) -> tuple[dict[str, _SentenceDyads], dict[str, set[tuple[str, str]]]]:
    """Dyads by article and sentence id, and the sentences in which each actor pair occurs.

    A sentence's dyads are sorted by :data:`_DYAD_ORDER` so that the tooltips
    do not depend on the table's row order; the (article id, sentence id)
    sets give the pair filter its counts.
    """
    dyad_map: dict[str, _SentenceDyads] = defaultdict(lambda: defaultdict(list))
    pair_sentences: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for d in dyads:
        aid, sid = _text(d.get("article_id")), _int_text(d.get("sentence_id"))
        dyad_map[aid][sid].append(d)
        pair_sentences[_pair_key(d.get("actor_a"), d.get("actor_b"))].add((aid, sid))
    for per_sentence in dyad_map.values():
        for lst in per_sentence.values():
            lst.sort(key=lambda d: tuple(_text(d.get(k)) for k in _DYAD_ORDER))
    return dyad_map, pair_sentences


def _outlet_keys(arts: list[dict[str, Any]]) -> dict[str, str]:
    """Outlet name → the short key its articles and filter option carry ("o0", "o1", …).

    In the outlet filter's order: case-insensitive, the unknown (empty) outlet last.
    """
    outlets = sorted({_text(a.get("outlet")) for a in arts}, key=lambda o: (o == "", o.lower(), o))
    return {o: f"o{i}" for i, o in enumerate(outlets)}


def _article_section(art: dict[str, Any], aid: str, okey: str,
                     by_article: dict[str, list[dict[str, Any]]],
                     dyad_map: dict[str, _SentenceDyads]) -> str:
    """One ``<article>``: heading, metadata, and the tinted text (or why it was not scored)."""
    article_id = _text(art.get("article_id"))
    heading = _text(art.get("title")) or article_id
    rows = by_article.get(article_id, [])
    parts = [f'<article class="art" id="{aid}" data-outlet="{okey}" '
             f'aria-labelledby="{aid}-h">',
             f'<h2 id="{aid}-h">{html.escape(heading)}</h2>',
             f'<p class="muted">{html.escape(article_id)} \u00b7 '
             f'<a href="#row-{aid}">back to the overview</a></p>',
             _meta_list(art)]
    if rows:
        parts.append(_article_text(aid, rows, dyad_map.get(article_id, {})))
    else:
        status = _text(art.get("status")) or "?"
        parts.append(f'<p class="unscored"><strong>Not scored</strong> (status '
                     f"{html.escape(status)}): {html.escape(_text(art.get('problem')) or 'no text')}"
                     "</p>")
    parts.append("</article>")
    return "\n".join(parts)


def _head(title: str, css: str, js: str) -> list[str]:
    """The document's head; its Content-Security-Policy allows only this style and this script."""
    csp = (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
           "img-src 'none'; connect-src 'none'; font-src 'none'; base-uri 'none'; "
           "form-action 'none'")
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
    ]


def _intro(title: str, arts: list[dict[str, Any]], n_sentences: int) -> list[str]:
    """The page header: title, counts, how to read the report, and the legend."""
    n_ok = sum(_text(a.get("status")) == "ok" for a in arts)
    return [
        "<header>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{len(arts)} documents, {n_ok} scored; {n_sentences} sentence rows. Each body "
        "sentence is tinted by its frame. Hover over or focus a sentence (Tab, then the arrow "
        "keys to move between sentences, Escape to close) to see its evidence and dyads."
        + _small_n_caveat(arts) + "</p>",
        _legend(),
        "</header>",
    ]


def _small_n_caveat(arts: list[dict[str, Any]]) -> str:
    """The anecdote caveat from the actual counts: only when an outlet has fewer than five scored articles."""
    from .compare import MIN_ARTICLES

    counts = Counter(_text(a.get("outlet")) or "(unknown outlet)" for a in arts
                     if _text(a.get("status")) == "ok")
    few = sorted(o for o, n in counts.items() if n < MIN_ARTICLES)
    if not few:
        return ""
    if len(few) == len(counts) and all(counts[o] == 1 for o in few):
        return (" Scores are per article: with one article per outlet, an outlet's figure is an "
                "anecdote, not an estimate.")
    names = ", ".join(f"{html.escape(o)} ({counts[o]})" for o in few[:8])
    names += f" and {len(few) - 8} more" if len(few) > 8 else ""
    return (f" Outlets with fewer than {MIN_ARTICLES} scored articles: {names}; their figures are "
            "anecdotes, not estimates.")


def _filters(arts: list[dict[str, Any]], sents: list[dict[str, Any]], outlet_key: dict[str, str],
             pair_sentences: dict[str, set[tuple[str, str]]]) -> list[str]:
    """The filter controls (outlet, frame, actor pair), each option with its count."""
    return [
        '<section aria-labelledby="filters-h">',
        '<h2 id="filters-h" class="vh">Filters</h2>',
        '<div class="controls" role="group" aria-label="Filters">',
        _select("f-outlet", "Outlet", _outlet_options(arts, outlet_key)),
        _select("f-frame", "Frame", _frame_options(sents)),
        _select("f-pair", "Actor pair", _pair_options(pair_sentences)),
        '<button type="button" id="f-reset">Show all</button>',
        '<p id="filter-status" class="muted"></p>',
        "</div>",
        "</section>",
    ]


def _outlet_options(arts: list[dict[str, Any]], outlet_key: dict[str, str],
                    ) -> list[tuple[str, str]]:
    """Outlet filter options (value: the outlet's key), each with its number of documents."""
    return [("", "all outlets")] + [
        (key, (o or "(unknown outlet)") + f" ({sum(_text(a.get('outlet')) == o for a in arts)})")
        for o, key in outlet_key.items()]


def _frame_options(sents: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Frame filter options: every frame, then "not scored", each with its sentence count."""
    counts = Counter(_frame_of(row) for row in sents)
    options = [("", "all frames")] + [(f, f"{f} ({counts.get(f, 0)})") for f in FRAMES]
    options.append(("none", f"not scored ({counts.get('none', 0)})"))
    return options


def _pair_options(pair_sentences: dict[str, set[tuple[str, str]]]) -> list[tuple[str, str]]:
    """Actor-pair filter options, sorted by pair key, each with its number of sentences."""
    return [("", "all actor pairs")] + [
        (p, f"{_pair_label(p)} ({len(pair_sentences[p])} sentences)")
        for p in sorted(pair_sentences)]


def write_report(scored: Scored, path: str | Path, title: str = DEFAULT_TITLE) -> Path:
    """Write the report of a scored corpus to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = build_report(scored.articles, scored.sentences, scored.dyads, title=title)
    path.write_bytes(text.encode("utf-8"))
    return path


def _is_tables_folder(path: Path) -> bool:
    return path.is_dir() and all((path / f"{n}.csv").is_file()
                                 for n in ("articles", "sentences", "dyads"))


def main(inputs: Sequence[str | Path], out: str | Path = "report.html", mode: str = "full",
         title: str = "none", outlet: str | None = None) -> int:
    """Score ``inputs`` (or read one folder of scored tables) and write the report.

    ``title`` and ``outlet``: how articles are read (:func:`analysis.pipeline.score`).
    """
    for item in inputs:
        if not Path(item).exists():
            raise FileNotFoundError(f"input path does not exist: {item}")
    if len(inputs) == 1 and _is_tables_folder(Path(inputs[0])):
        from .tables import read_tables

        scored = read_tables(inputs[0])
    else:
        from .pipeline import score

        scored = score(list(inputs), mode=mode, progress=None,  # type: ignore[arg-type]
                       title=title, outlet=outlet)  # type: ignore[arg-type]
    names = ", ".join(Path(i).name or str(i) for i in inputs)
    path = write_report(scored, out, title=f"{DEFAULT_TITLE} ({names})")
    print(f"wrote {path} ({len(scored.articles)} documents, {len(scored.sentences)} sentence rows)",
          file=sys.stderr)
    return 0
