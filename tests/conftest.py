"""Fixtures shared by the test modules: the seeds scored once per session."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analysis import paths
from analysis.pipeline import score
from analysis.scoring import FrameScorer
from analysis.tables import Scored, read_tables, write_tables


@pytest.fixture(scope="session")
def seeds_scored_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' tables (full mode, tone columns, no stance), written once per session."""
    folder = tmp_path_factory.mktemp("seeds_scored")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write_tables(score(paths.SEEDS), folder)
    return folder


@pytest.fixture(scope="session")
def seeds_scored(seeds_scored_folder: Path) -> Scored:
    """The seeds' tables, read back as the figures and comparisons read them."""
    return read_tables(seeds_scored_folder)


@pytest.fixture(scope="session")
def full() -> FrameScorer:
    """The full-mode scorer (spaCy parser, lemmas, entities), fitted once."""
    return FrameScorer(mode="full").fit()


@pytest.fixture(scope="session")
def fast() -> FrameScorer:
    """The fast-mode scorer (tokenizer, stems, word windows), fitted once."""
    return FrameScorer(mode="fast").fit()


@pytest.fixture(scope="session")
def dask_scheduler():
    """One local Dask cluster (two workers) for the engine comparisons; workers load spaCy once."""
    distributed = pytest.importorskip("dask.distributed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
    yield cluster.scheduler_address
    cluster.close()
