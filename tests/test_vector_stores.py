"""Qdrant (local mode) and Milvus Lite as the dense leg: the same top results as FAISS, versions kept apart."""

from __future__ import annotations

import pytest

from wenjin.index.ingest import IngestSettings, ingest
from wenjin.rag.engine import Engine
from wenjin.rag.settings import Settings
from tests.conftest import SAMPLES

QUESTIONS = ["德格帮扶项目有哪些", "航空发动机维修基地项目总投资多少", "湖州与广元签约了多少个协作项目", "花椒加工产业园在哪里"]


@pytest.mark.parametrize("kind, module", [("qdrant", "qdrant_client"), ("milvus", "pymilvus")])
def test_external_store_finds_what_faiss_finds(kind, module, sample_index, tmp_path):
    pytest.importorskip(module)
    root = tmp_path / "index"
    (root).mkdir()
    (root / "embcache.sqlite").write_bytes((sample_index / "embcache.sqlite").read_bytes())  # no re-embedding
    ingest([SAMPLES], root, IngestSettings(vector_store=kind), progress=False)
    external, local = Engine(Settings(index=root)), Engine(Settings(index=sample_index))
    where = external.index.manifest["vector_store"]
    assert where["kind"] == kind and where["collection"].startswith("wenjin_")
    for q in QUESTIONS:
        found, expected = external.retriever.dense(q, 5), local.retriever.dense(q, 5)
        assert [r for r, _ in found] == [r for r, _ in expected], q
        assert [s for _, s in found] == pytest.approx([s for _, s in expected], abs=1e-4)
    assert external.ask(QUESTIONS[1]).text == local.ask(QUESTIONS[1]).text
    # filtered searches stay exact on the local copy of the vectors
    filtered = external.retriever.dense(QUESTIONS[1], 3, external.retriever.allowed_rows({"since": "2024-01-01"}))
    assert filtered == local.retriever.dense(QUESTIONS[1], 3, local.retriever.allowed_rows({"since": "2024-01-01"}))


def test_unknown_store_is_refused_with_the_choices(tmp_path):
    with pytest.raises(ValueError, match="faiss"):
        Settings(vector_store="elastic")


def test_each_version_has_its_collection_and_pruned_ones_are_dropped(sample_index, tmp_path):
    pytest.importorskip("qdrant_client")
    from wenjin.index import vector_stores

    root = tmp_path / "index"
    root.mkdir()
    (root / "embcache.sqlite").write_bytes((sample_index / "embcache.sqlite").read_bytes())
    for _ in range(3):
        ingest([SAMPLES], root, IngestSettings(vector_store="qdrant"), progress=False)
    where = Engine(Settings(index=root)).index.manifest["vector_store"]
    client = vector_stores._CLIENTS["qdrant", where["uri"]]
    names = {c.name for c in client.get_collections().collections}
    assert where["collection"] in names and len(names) == 2  # the current one and the one spare version
