"""The dense leg in Qdrant or Milvus instead of the local FAISS file (extra `scale`).

Through llama-index's vector stores, so any deployment they reach works: a
Qdrant or Milvus server or cluster by URL, or, for trying it, Qdrant's local
mode (a folder) and Milvus Lite (a file). Each index version gets its own
collection, filled before the version is switched in, so the atomic switch
still covers everything a query reads; collections of pruned versions are
dropped. Only vectors and row numbers go there: the chunk texts, BM25 and the
manifest stay in the index directory, and so does the FAISS file, which keeps
the vectors an incremental ingest carries forward and answers date/source
filtered searches exactly.
"""

from __future__ import annotations

import atexit
import logging
import time
import uuid
from pathlib import Path

import numpy as np

log = logging.getLogger("wenjin.vector_stores")
KINDS = ("faiss", "qdrant", "milvus")
_CLIENTS: dict[tuple[str, str], object] = {}  # Qdrant's local mode allows one client per folder per process


def default_uri(kind: str, root: Path) -> str:
    """Local modes inside the index directory, for trying a backend without a server."""
    return str((root / ("qdrant" if kind == "qdrant" else "milvus.db")).resolve())


def _store(kind: str, uri: str, collection: str, dim: int, create: bool = False):
    try:
        if kind == "qdrant":
            from llama_index.vector_stores.qdrant import QdrantVectorStore
            from qdrant_client import QdrantClient
        else:
            from llama_index.vector_stores.milvus import MilvusVectorStore
    except ImportError as e:
        raise ImportError(f"向量库 {kind} 需要可选依赖：pip install 'wenjin[scale]'") from e
    if kind == "qdrant":
        if (kind, uri) not in _CLIENTS:
            remote = uri.startswith(("http://", "https://"))
            if not _CLIENTS:
                atexit.register(_close_all)  # local mode's own __del__ fails noisily at interpreter exit
            _CLIENTS[kind, uri] = QdrantClient(url=uri) if remote else QdrantClient(path=uri)
        return QdrantVectorStore(client=_CLIENTS[kind, uri], collection_name=collection, batch_size=256)
    return MilvusVectorStore(uri=uri, dim=dim, collection_name=collection, similarity_metric="IP",
                             overwrite=create, batch_size=1000)


def _close_all() -> None:
    for client in _CLIENTS.values():
        client.close()
    _CLIENTS.clear()


def publish(kind: str, uri: str, vectors: np.ndarray) -> dict:
    """Put one version's vectors in a new collection; returns what the manifest records."""
    from llama_index.core.schema import TextNode

    if kind not in KINDS[1:]:
        raise ValueError(f"vector_store 只能是 {'、'.join(KINDS)}，不是 {kind!r}")
    collection = f"wenjin_{time.time_ns()}"
    store = _store(kind, uri, collection, vectors.shape[1], create=True)
    step = 2000
    for lo in range(0, len(vectors), step):
        store.add([TextNode(id_=str(uuid.UUID(int=row)), text="", embedding=vectors[row].tolist(),
                            metadata={"row": row}) for row in range(lo, min(len(vectors), lo + step))])
    return {"kind": kind, "uri": uri, "collection": collection}


def search(where: dict, dim: int, query: np.ndarray, n: int) -> tuple[list[int], list[float]]:
    from llama_index.core.vector_stores.types import VectorStoreQuery

    store = _store(where["kind"], where["uri"], where["collection"], dim)
    result = store.query(VectorStoreQuery(query_embedding=query.reshape(-1).tolist(), similarity_top_k=n))
    rows = [int(node.metadata["row"]) for node in result.nodes or []]
    return rows, list(result.similarities or [])


def drop(where: dict) -> None:
    """Remove a pruned version's collection; a store that is unreachable now keeps it (harmless)."""
    try:
        if where["kind"] == "qdrant":
            _store("qdrant", where["uri"], where["collection"], 0).client.delete_collection(where["collection"])
        else:
            from pymilvus import MilvusClient

            MilvusClient(uri=where["uri"]).drop_collection(where["collection"])
    except Exception as e:  # noqa: BLE001 - pruning must never fail an ingest; say what was left behind
        log.warning("could not drop the pruned collection %s at %s: %r", where.get("collection"), where.get("uri"), e)
