"""The scorer's complete output is unchanged against the committed golden snapshot.

See ``tests/golden_snapshot.py``: any difference must be a deliberate update of
``tests/golden/snapshot.json`` in its own commit, with its reason. On failure,
``python tests/golden_snapshot.py diff --against HEAD`` shows the changed sentences.
"""

from __future__ import annotations

import json

import golden_snapshot as gs


def test_snapshot_covers_every_mode_and_document():
    snap = json.loads(gs.SNAPSHOT.read_text("utf-8"))
    for mode in gs.MODES:
        docs = snap["documents"][mode]
        assert sum(k.startswith("seed:") for k in docs) == 5
        assert sum(k.startswith("ud:") for k in docs) == gs.N_UD_DOCS
        assert set(snap["tables"][mode]) == set(gs.TABLES)


def test_golden_snapshot_unchanged():
    expected = json.loads(gs.SNAPSHOT.read_text("utf-8"))
    problems = gs.compare(expected, gs.compute())
    assert not problems, (
        f"{len(problems)} outputs differ from tests/golden/snapshot.json; run "
        "`python tests/golden_snapshot.py diff --against HEAD` to see them:\n"
        + "\n".join(problems[:40]))


def test_compare_reports_a_changed_document():
    """The check can fail: one altered digest is reported by document and mode."""
    expected = json.loads(gs.SNAPSHOT.read_text("utf-8"))
    altered = json.loads(json.dumps(expected))
    altered["documents"]["fast"]["ud:007"] = "0" * 64
    problems = gs.compare(expected, altered)
    assert len(problems) == 1 and "fast ud:007" in problems[0]
