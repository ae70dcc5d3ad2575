"""The dense index chosen by size: exact below FLAT_MAX, HNSW above, same answers either way."""

from __future__ import annotations

import numpy as np
import pytest

from wenjin.index import dense


def unit(n: int, dim: int = 32, seed: int = 1) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_small_collections_stay_exact_and_large_ones_get_a_graph():
    v = unit(3000)
    assert dense.describe(dense.build(v, 32, flat_max=5000)).startswith("flat")
    graph = dense.build(v, 32, flat_max=1000)
    assert dense.describe(graph).startswith("HNSW")
    # placeholder vectors (BM25 published first) are never worth a graph
    assert dense.describe(dense.build(np.zeros((3000, 32)), 32, flat_max=1000)).startswith("flat")


def test_graph_index_keeps_vectors_exactly_and_finds_what_exact_search_finds(tmp_path):
    import faiss

    v = unit(4000)
    faiss.write_index(dense.build(v, 32, flat_max=1000), str(tmp_path / "d.faiss"))
    graph = dense.read(tmp_path / "d.faiss")
    assert graph.hnsw.efSearch == dense.EF_SEARCH  # not stored with the index: set on reading
    assert np.array_equal(graph.reconstruct_batch(np.array([5, 3999])), v[[5, 3999]])  # carry-over is lossless
    exact = dense.build(v, 32)
    queries = unit(50, seed=2)
    recall = np.mean([len(set(dense.search(graph, q, 10)[1][0]) & set(dense.search(exact, q, 10)[1][0])) / 10
                      for q in queries])
    assert recall >= 0.95


@pytest.mark.parametrize("exact_filtered_max", [100_000, 0])
def test_filtered_search_returns_only_allowed_rows(monkeypatch, exact_filtered_max):
    monkeypatch.setattr(dense, "EXACT_FILTERED_MAX", exact_filtered_max)
    v = unit(4000)
    graph = dense.build(v, 32, flat_max=1000)
    allowed = np.arange(100, 4000, 7)
    scores, rows = dense.search(graph, v[107], 5, allowed)
    assert rows[0][0] == 107 and set(rows[0]) <= set(allowed.tolist())
    assert scores[0][0] == pytest.approx(1.0, abs=1e-5)


def test_an_index_past_the_threshold_answers_like_the_exact_one(monkeypatch, sample_index, tmp_path):
    """The whole path (ingest → store → retrieve, filters, carry-over) on a graph index."""
    from wenjin.index.ingest import ingest
    from wenjin.rag.engine import Engine
    from wenjin.rag.settings import Settings
    from tests.conftest import SAMPLES
    import shutil

    monkeypatch.setattr(dense, "FLAT_MAX", 10)
    root = tmp_path / "graph"
    shutil.copytree(sample_index, root, symlinks=True)
    (root / "current").unlink()  # keep the vector cache, force a fresh version
    ingest([SAMPLES], root, progress=False)
    graph, flat = Engine(Settings(index=root)), Engine(Settings(index=sample_index))
    assert dense.describe(graph.index.faiss).startswith("HNSW")
    q = "航空发动机维修基地项目总投资多少"
    found, expected = graph.retriever.dense(q, 3), flat.retriever.dense(q, 3)
    assert [r for r, _ in found] == [r for r, _ in expected]
    assert [s for _, s in found] == pytest.approx([s for _, s in expected], abs=1e-5)
    assert graph.ask(q, filters={"since": "2024-01-01"}).text == flat.ask(q, filters={"since": "2024-01-01"}).text
    report = ingest([SAMPLES], root, progress=False)  # unchanged: vectors carried out of the graph
    assert report.embedded == 0 and report.reused == report.chunks
