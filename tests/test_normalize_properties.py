"""Property tests: normalisation keeps every offset pointing into the stored text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.read import _CHAR_MAP, normalize

ALPHABET = st.sampled_from(list("aeiouéèàçœ AEÉSTRUMP.,;:!?«»'\"-\n") + list(_CHAR_MAP)
                           + ["\u00ad", "\u200b", "e\u0301", "\u00a0", "\u202f"])
NAMES = ("Syrie", "Trump", "Poutine")


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_offsets_are_monotone_and_point_into_the_text(text):
    norm, offs = normalize(text, NAMES)
    assert len(offs) == len(norm) + 1
    assert offs == sorted(offs)
    assert all(0 <= o <= len(text) for o in offs)
    for ch, o in zip(norm, offs, strict=False):
        source = text[o]
        # a normalised character comes from its source character, a replacement of it,
        # the NFC composition starting there, or is a space inserted to unglue words
        assert (ch == source or _CHAR_MAP.get(source) == ch or ch == " "
                or unicodedata.normalize("NFC", text[o:o + 2])[:1] == ch)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_normalisation_is_idempotent_on_any_unicode(text):
    once, _ = normalize(text)
    twice, _ = normalize(once)
    assert twice == once
