"""The scorer as a spaCy component (``nlp.add_pipe("framing")``): same results as
:meth:`FrameScorer.score_paragraphs`, custom lexicons, clear errors, serialisation."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import analysis.spacy_component as sc
from analysis import lexicon as lx
from analysis import paths
from analysis.nlp import MODEL_NAME, load_pipeline
from analysis.read import read_corpus
from analysis.scoring import FrameScorer

DATA = Path(lx.__file__).parent / "data"
SENTENCE = "Moscou et Washington ont signé un accord. La Russie a bombardé Alep."


def build(mode: str, **config: str) -> Language:
    """A researcher's own pipeline: the model (full) or a blank French one (fast), then framing."""
    nlp = spacy.load(MODEL_NAME) if mode == "full" else spacy.blank("fr")
    nlp.add_pipe("punct_boundaries", before="parser" if mode == "full" else None)
    nlp.add_pipe("framing", config={"mode": mode, **config})
    return nlp


@pytest.fixture(scope="module", params=["full", "fast"])
def mode_nlp(request: pytest.FixtureRequest) -> tuple[str, Language]:
    return request.param, build(request.param)


@pytest.fixture(scope="module")
def seed_paragraphs() -> list[str]:
    return [p.text for art in read_corpus([paths.SEEDS], warn=False)
            for p in art.paragraphs if p.scored]


def as_json(value: object) -> str:
    """NaN-safe comparable form (NaN != NaN in a plain ``==``)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def span_records(doc: Doc) -> list[tuple[int, int, str, str]]:
    return [(s.start_char, s.end_char, s.text, as_json(s._.framing)) for s in doc.sents]


def test_same_results_as_score_paragraphs_on_the_seeds(mode_nlp, seed_paragraphs) -> None:
    mode, nlp = mode_nlp
    scorer = FrameScorer(mode=mode).fit()
    reference = load_pipeline(mode)
    assert len(seed_paragraphs) > 40
    fired = 0
    for text, doc in zip(seed_paragraphs, nlp.pipe(seed_paragraphs), strict=True):
        expected = []
        for s in scorer.score_paragraphs([reference(text)])[0]:
            record = dataclasses.asdict(s)
            span = (record.pop("start"), record.pop("end"), record.pop("text"))
            expected.append((*span, as_json(record)))
        assert span_records(doc) == expected, text
        fired += sum(s._.coop + s._.conf for s in doc.sents)
    assert fired > 20  # the comparison is not between empty results


def test_extensions_and_document_summary(mode_nlp) -> None:
    mode, nlp = mode_nlp
    doc = nlp(SENTENCE)
    first, second = doc.sents
    assert (first._.coop, first._.conf, first._.frame) == (1, 0, "cooperation")
    assert (second._.coop, second._.conf, second._.frame) == (0, 1, "conflict")
    assert first._.framing["actors"] == ["RUS", "USA"]
    assert not {"start", "end", "text"} & set(first._.framing)
    summary = doc._.framing
    assert summary["n_sentences"] == 2 and summary["coop_share"] == summary["conf_share"] == 0.5
    assert summary["net_index"] == 0.0 and summary["mode"] == mode
    assert [(d["sentence_id"], d["actor_a"], d["actor_b"]) for d in summary["dyads"]] \
        == [(0, "RUS", "USA")]
    assert doc[0:3]._.framing is None and doc[0:3]._.frame is None  # not a sentence
    empty = nlp("")
    assert empty._.framing["n_sentences"] == 0 and math.isnan(empty._.framing["net_index"])


def test_pipe_scores_each_doc_alone(mode_nlp) -> None:
    """nlp.pipe over several docs gives what nlp gives one doc at a time: no context carries."""
    _, nlp = mode_nlp
    texts = ["« Nous coopérerons avec Washington », a déclaré Vladimir Poutine.",
             "« Nous allons signer un accord. »", SENTENCE, ""]
    piped = list(nlp.pipe(texts, batch_size=2))
    assert [span_records(d) for d in piped] == [span_records(nlp(t)) for t in texts]
    assert piped[1]._.framing["quoted_n"] == 1 and list(piped[1].sents)[0]._.framing["speaker"] == ""


def test_doc_date_hook_gives_the_office_holder(mode_nlp) -> None:
    """``Doc._.framing_date``, set before the component runs, is the article's date."""
    _, nlp = mode_nlp
    text = "« Nous allons coopérer », a déclaré le président américain."
    speaker = list(nlp(text).sents)[0]._.framing["speaker"]
    doc = nlp.make_doc(text)
    doc._.framing_date = "2022-03-01"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert speaker == "président américain"
    assert list(doc.sents)[0]._.framing["speaker"] == "Joe Biden"


def without(name: str, first_field: str, folder: Path) -> Path:
    """A copy of a packaged table in ``folder``, without the rows whose first field is ``first_field``."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines(keepends=True)
    out = folder / name
    out.write_text("".join(ln for ln in lines if ln.split("\t")[0] != first_field), encoding="utf-8")
    return out


@pytest.mark.parametrize(("config_key", "row", "field", "before", "after"), [
    ("lexicon_path", "accord", "evidence", "signer[SUPPORT,+4.6]; joint:RUS+USA; accord[AGREE,+4.2]",
     "signer[SUPPORT,+4.6]; joint:RUS+USA"),
    ("actors_path", "moscou", "actors", ["RUS", "USA"], ["USA"]),
])
def test_custom_table_paths_change_results(tmp_path, config_key, row, field, before, after) -> None:
    name = "lexicon.tsv" if config_key == "lexicon_path" else "actors.tsv"
    custom = without(name, row, tmp_path)
    default, changed = build("fast"), build("fast", **{config_key: str(custom)})
    sent = "Moscou et Washington ont signé un accord."
    assert list(default(sent).sents)[0]._.framing[field] == before
    assert list(changed(sent).sents)[0]._.framing[field] == after
    assert changed(sent)._.framing["lexicon_version"] == \
        ("custom" if config_key == "lexicon_path" else lx.LEXICON_VERSION)


def test_invalid_custom_lexicon_is_rejected(tmp_path) -> None:
    bad = tmp_path / "lexicon.tsv"
    text = (DATA / "lexicon.tsv").read_text(encoding="utf-8")
    bad.write_text(text.replace("accord\tNOUN\tAGREE", "accord\tNOUN\tHUG"), encoding="utf-8")
    with pytest.raises(lx.LexiconError, match="unknown PLOVER category 'HUG'"):
        build("fast", lexicon_path=str(bad))


def test_full_mode_without_parser_is_a_clear_error() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("punct_boundaries")
    nlp.add_pipe("framing")  # mode full by default
    with pytest.raises(ValueError, match=r"mode='full'.*a parser \(token\.dep\).*a lemmatizer"):
        nlp(SENTENCE)
    model = build("full")
    with model.select_pipes(disable=["parser"]), \
            pytest.raises(ValueError, match=r"needs upstream: a parser \(token\.dep\)\. The Doc"):
        model(SENTENCE)


def test_fast_mode_without_sentence_boundaries_and_unknown_mode() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("framing", config={"mode": "fast"})
    with pytest.raises(ValueError, match="sentence boundaries"):
        nlp(SENTENCE)
    with pytest.raises(ValueError, match="mode must be 'full' or 'fast'"):
        spacy.blank("fr").add_pipe("framing", config={"mode": "lexical"})


def test_registration_is_idempotent() -> None:
    sc.register_extensions()
    sc.register_extensions()
    assert Doc.has_extension("framing") and Span.has_extension("framing")
    assert all(Span.has_extension(k) for k in ("coop", "conf", "frame"))
    assert "framing" in Language.factories
    meta = Language.get_factory_meta("framing")
    assert "span._.framing" in meta.assigns and "token.dep" in meta.requires


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_to_disk_from_disk_round_trip(tmp_path, mode) -> None:
    custom = without("actors.tsv", "moscou", tmp_path)
    nlp = build(mode, actors_path=str(custom))
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.get_pipe_config("framing") == {"factory": "framing", "mode": mode,
                                                 "lexicon_path": None, "actors_path": str(custom)}
    assert span_records(loaded(SENTENCE)) == span_records(nlp(SENTENCE))
    assert list(loaded(SENTENCE).sents)[0]._.framing["actors"] == ["USA"]


def test_doc_bytes_keep_the_extensions(mode_nlp) -> None:
    _, nlp = mode_nlp
    doc = nlp(SENTENCE)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert span_records(again) == span_records(doc)
    assert as_json(again._.framing) == as_json(doc._.framing)
