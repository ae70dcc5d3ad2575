"""What a user would build instead of wenjin from the same libraries, built the way they would.

* vanilla llama-index: `VectorStoreIndex.from_documents` with the library's
  defaults (`SentenceSplitter` 1024 tokens / 200 overlap, `SimpleVectorStore`,
  the default retriever), dense only;
* Chatchat-style: 250-character chunks with 50 overlap, a flat FAISS index,
  top-3 chunks handed to the answerer.

Both use the same embedding model as wenjin. Their passage vectors go through
the same (model, text)-keyed cache wenjin's ingest uses, so the hour of
embedding each chunking costs is paid once and later benchmark runs compare
retrieval and query speed only; ingest speed is measured separately on a
sample with no cache (`evals/compare.py`).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from wenjin.index.embed import Embedder, VectorCache, embed_cached


class CachedEmbedding(BaseEmbedding):
    """llama-index's embedding interface over a wenjin embedder, with the passage cache and stage timers."""

    _embedder: Any = PrivateAttr()
    _cache: Any = PrivateAttr()
    _progress: Any = PrivateAttr()
    query_seconds: list[float] = []

    def __init__(self, embedder: Embedder, cache: VectorCache | None, progress: Callable[[int], None] | None = None):
        super().__init__(model_name=embedder.name, embed_batch_size=32)
        self._embedder, self._cache = embedder, cache
        self._progress = progress or (lambda n: None)
        self.query_seconds = []

    def _get_query_embedding(self, query: str) -> list[float]:
        t0 = time.perf_counter()
        v = self._embedder.query(query)
        self.query_seconds.append(time.perf_counter() - t0)
        return v.tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        if self._cache is None:
            vecs = self._embedder.passages(texts)
            self._progress(len(texts))
        else:
            vecs, _ = embed_cached(self._embedder, texts, self._cache, self._progress)
        return vecs.tolist()


@dataclass
class Peer:
    """A built peer: how to retrieve (chunk texts with their document ids) and what it held."""

    name: str
    top_k: int  # chunks its answerer would see
    retrieve: Callable[[str, int], list[tuple[str, str]]]
    chunks: int
    build_seconds: float
    stage_ms: dict[str, list[float]] = field(default_factory=dict)
    persist: Callable[[Path], None] = lambda p: None


def load_corpus(path: Path, limit: int | None = None) -> list[dict]:
    """Documents `{"id", "text", …}` of a JSONL corpus, the first `limit` of them."""
    from .gold import read_jsonl

    docs = []
    for n, doc in read_jsonl(path):
        if not isinstance(doc.get("text"), str) or "id" not in doc:
            raise ValueError(f"{path}:{n}: 缺少 id 或 text 字段；比较基准的语料每行应是 {{\"id\", \"text\"}}")
        docs.append(doc)
        if limit and len(docs) >= limit:
            break
    return docs


def build_vanilla(docs: list[dict], embedder: Embedder, cache: VectorCache | None,
                  progress: Callable[[int], None] | None = None) -> Peer:
    from llama_index.core import Document, VectorStoreIndex

    embed = CachedEmbedding(embedder, cache, progress)
    t0 = time.perf_counter()
    index = VectorStoreIndex.from_documents(
        [Document(text=d["text"], id_=str(d["id"])) for d in docs], embed_model=embed)
    built = time.perf_counter() - t0
    stage: dict[str, list[float]] = {"embed_query": [], "search": []}
    retrievers: dict[int, Any] = {}

    def retrieve(question: str, k: int) -> list[tuple[str, str]]:
        before = len(embed.query_seconds)
        t = time.perf_counter()
        if k not in retrievers:
            retrievers[k] = index.as_retriever(similarity_top_k=k)
        hits = retrievers[k].retrieve(question)
        total = time.perf_counter() - t
        q = sum(embed.query_seconds[before:])
        stage["embed_query"].append(q * 1000)
        stage["search"].append((total - q) * 1000)
        return [(h.node.get_content(), h.node.ref_doc_id or "") for h in hits]

    return Peer("vanilla llama-index", 2, retrieve, len(index.index_struct.nodes_dict), built, stage,
                lambda p: index.storage_context.persist(persist_dir=str(p)))


def chatchat_chunks(docs: list[dict]) -> tuple[list[str], list[str]]:
    """Chatchat's defaults: chunks of 250 characters, 50 overlapping, cut at Chinese sentence ends."""
    from llama_index.core import Document
    from llama_index.core.node_parser import SentenceSplitter

    splitter = SentenceSplitter(chunk_size=250, chunk_overlap=50, tokenizer=list,
                                paragraph_separator="\n\n", secondary_chunking_regex="[^，。！？；\n]+[，。！？；\n]?")
    nodes = splitter.get_nodes_from_documents([Document(text=d["text"], id_=str(d["id"])) for d in docs])
    return [n.get_content() for n in nodes], [n.ref_doc_id or "" for n in nodes]


def build_chatchat(docs: list[dict], embedder: Embedder, cache: VectorCache | None,
                   progress: Callable[[int], None] | None = None) -> Peer:
    import faiss

    t0 = time.perf_counter()
    texts, doc_ids = chatchat_chunks(docs)
    if cache is None:
        vecs = np.vstack([embedder.passages(texts[i:i + 32]) for i in range(0, len(texts), 32)] or
                         [np.zeros((0, embedder.dim), np.float32)])
        (progress or (lambda n: None))(len(texts))
    else:
        vecs, _ = embed_cached(embedder, texts, cache, progress or (lambda n: None))
    flat = faiss.IndexFlatIP(embedder.dim)
    flat.add(np.ascontiguousarray(vecs, dtype=np.float32))
    built = time.perf_counter() - t0
    stage: dict[str, list[float]] = {"embed_query": [], "search": []}

    def retrieve(question: str, k: int) -> list[tuple[str, str]]:
        t = time.perf_counter()
        q = embedder.query(question).reshape(1, -1).astype(np.float32)
        t1 = time.perf_counter()
        _, rows = flat.search(q, k)
        stage["embed_query"].append((t1 - t) * 1000)
        stage["search"].append((time.perf_counter() - t1) * 1000)
        return [(texts[r], doc_ids[r]) for r in rows[0] if r >= 0]

    def persist(p: Path) -> None:
        p.mkdir(parents=True, exist_ok=True)
        faiss.write_index(flat, str(p / "dense.faiss"))
        (p / "chunks.jsonl").write_text(
            "".join(json.dumps({"doc": d, "text": t}, ensure_ascii=False) + "\n" for t, d in zip(texts, doc_ids)),
            "utf-8")

    return Peer("Chatchat-style", 3, retrieve, len(texts), built, stage, persist)
