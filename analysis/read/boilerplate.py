"""Boilerplate lines (stamps, navigation, widgets, credits, signatures...) and headlines."""

from __future__ import annotations

import re

# ---------------------------------------------------------------- boilerplate

_BOILERPLATE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("separator", re.compile(r"^[\W_]*$")),
    ("stamp", re.compile(r"(derni[eè]re\s+mise\s+[àa]\s+jour|mis\s+[àa]\s+jour\s+le|"
                         r"jerusalem\s+timing|^\s*publi[ée]\s+le\b|"
                         r"^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\s+\d{1,2}[:h]\d{2}"
                         r"(\s*[ap]m)?\b.{0,40}$|^\s*date\s+\d{4}(-\d{2}){0,2}\s*$)", re.I)),
    ("navigation", re.compile(r"(>>|»\s*\w+\s*»|page d'accueil|^\s*accueil\s*[>/»])", re.I)),
    ("share_widget", re.compile(r"(partez cet article|partagez? (cet|cette|l')|votre pseudo|"
                                r"conseils de la r[ée]daction|^\s*imprimer\s*$|"
                                r"suivez[- ]nous|^\s*commentaires?\s*:?\s*$|envoyer [àa] un ami|"
                                r"^\s*(tweet|facebook|twitter|e-?mail)\s*$)", re.I)),
    ("editor_credit", re.compile(r"^\s*\(?\s*(r[ée]dacteurs?|[ée]diteurs?|r[ée]daction|"
                                 r"traduction|translated by)\s*:", re.I)),
    ("social_media", re.compile(r"(https?://t\.co/|pic\.twitter\.com|^\s*[—–-]\s*[^()]{0,80}"
                                r"\(@\w+\)|@\w{3,}.*#\w+|#\w+.*@\w{3,})", re.I)),
    ("signature", re.compile(r"(^\s*(www\.)?[\w-]+(\.[\w-]+)*\.(com|fr|net|org|sy|cn|lb|ru|info|be|ch)"
                             r"(/\S*)?\s*$|^\s*avec\s+(l')?(afp|reuters|ap|tass|xinhua)\s*$|"
                             r"^\s*bulletin\s+fran[çc]ais\s*$|^\s*\((afp|reuters|ap)\)\s*$|"
                             r"^\s*(xinhua|afp|reuters|tass|ria novosti)\s*(\|.*)?$|"
                             r"^\s*source\s*:\s*\S+\s*$)", re.I)),
]
#: Longer paragraphs are prose: no widget, stamp or signature line is this long.
_MAX_BOILERPLATE_CHARS = 600
_LEADING_STAMP = re.compile(r"^\s*date\s+\d{4}(?:-\d{2}){0,2}\s+")
_SENT_END = re.compile(r"""[.!?…:»"')\]]\s*$""")


def classify_boilerplate(text: str) -> str:
    """Return the boilerplate kind of one normalised paragraph, or ``""``."""
    stripped = text.strip()
    if not any(ch.isalpha() for ch in stripped):
        return "separator" if stripped else "other"
    if len(stripped) > _MAX_BOILERPLATE_CHARS:
        return ""
    for kind, pattern in _BOILERPLATE_RULES:
        if pattern.search(stripped):
            return kind
    return ""


def looks_like_headline(text: str) -> bool:
    """A title or sub-title: short, capitalised, no sentence-final punctuation."""
    stripped = text.strip()
    words = stripped.split()
    return (
        2 <= len(words) <= 25
        and stripped[:1].isupper()
        and not re.search(r"[.!?…]\s*$", stripped)
        and len(stripped) <= 200
    )
