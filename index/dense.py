"""The FAISS index for the dense leg, chosen by size.

Below `FLAT_MAX` vectors an exact flat scan is fast enough (29k chunks: about
a millisecond of the ~30 ms a query costs, the rest is embedding the
question). From there on, HNSW (`IndexHNSWFlat`, M=32, efConstruction=40,
efSearch=`EF_SEARCH`): a million chunks answer in about two milliseconds at
recall@10 ≥ 0.95 against exact search (`wenjin bench scale`).

Measured here before choosing (1M vectors, 2 cores): IVF4096,Flat builds in
100 s against HNSW's minutes, but needs nprobe 128 (24 ms a query) for recall
0.95 on near-duplicate-rich data. HNSW cannot delete, which costs nothing
here: every ingest writes a fresh version from carried vectors anyway.
IVF-PQ would make `reconstruct` lossy, so vectors carried into the next
version would degrade run after run; 1M × 384 floats (1.5 GB) fit as they are.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

FLAT_MAX = 200_000
HNSW_M = 32
EF_CONSTRUCTION = 40
EF_SEARCH = 256
EXACT_FILTERED_MAX = 100_000  # filtered rows scanned exactly (~10 ms) rather than walked in the graph
MMAP_MIN_BYTES = 256 * 2**20  # index files from here on are memory-mapped (versions are never rewritten)


def build(vectors: np.ndarray, dim: int, flat_max: int | None = None):
    """An index holding `vectors` (row i = chunk i), exact when small or when the vectors are placeholders."""
    import faiss

    flat_max = FLAT_MAX if flat_max is None else flat_max
    vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, dim)
    n = len(vectors)
    if n < flat_max or not vectors[: min(n, 1000)].any():
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = EF_CONSTRUCTION
    if n:
        index.add(vectors)
    return prepared(index)


def prepared(index):
    """Search settings are not all stored with the index: set them after reading it."""
    if hasattr(index, "hnsw"):
        index.hnsw.efSearch = EF_SEARCH
    return index


def read(path: Path):
    """The index, memory-mapped when large: a million chunks' 1.7 GB are then shared through the
    page cache by every process serving the index, and a reload does not hold two copies."""
    import faiss

    mapped = path.stat().st_size >= MMAP_MIN_BYTES and hasattr(faiss, "IO_FLAG_MMAP_IFC")
    return prepared(faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC if mapped else 0))


def search(index, query: np.ndarray, n: int, allowed_rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(scores, rows) of the n nearest vectors, restricted to `allowed_rows` when given.

    A filter (a date range, one source) on a graph index is searched exactly over the
    allowed rows when they are few: a walk that may only visit them loses its way.
    """
    import faiss

    query = query.reshape(1, -1).astype(np.float32)
    if allowed_rows is None:
        return index.search(query, n)
    allowed_rows = allowed_rows.astype(np.int64)
    sel = faiss.IDSelectorBatch(allowed_rows)
    if not hasattr(index, "hnsw"):
        return index.search(query, n, params=faiss.SearchParameters(sel=sel))
    if len(allowed_rows) <= EXACT_FILTERED_MAX:
        scores = index.reconstruct_batch(allowed_rows) @ query[0]
        top = np.argsort(-scores)[:n]
        return scores[top].reshape(1, -1), allowed_rows[top].reshape(1, -1)
    return index.search(query, n, params=faiss.SearchParametersHNSW(sel=sel, efSearch=max(EF_SEARCH, 4 * n)))


def describe(index) -> str:
    if hasattr(index, "hnsw"):
        return f"HNSW{HNSW_M} efSearch={index.hnsw.efSearch}, {index.ntotal} vectors"
    return f"flat (exact), {index.ntotal} vectors"
