"""`wenjin bench scale`: both legs at a million chunks, on this machine.

Embedding a million chunks would take ~33 hours here, so chunks are synthesised
from real ones: every real chunk of an existing index is kept (rows 0…R-1, so
real chunks are among the results), and each other row copies a random real
chunk i: its vector is `normalise(v_i + ε)` (Gaussian noise, σ = 0.025 per
dimension, cosine ≈ 0.9 to v_i: a near-paraphrase) and its BM25 words are
chunk i's with a tenth left out at random. Queries are real questions.

Reported: build time, resident memory added and size on disk of the dense
index wenjin would build (index/dense.py) and of BM25; recall@10 of the dense
index against exact search over the same vectors; and query latency p50/p95,
for the dense leg alone (embedding the question + searching) and for the whole
hybrid retrieval wenjin runs (`Retriever.search`: BM25, embedding, dense search,
fusion), each next to the same on the real index.
"""

from __future__ import annotations

import json
import operator
import statistics
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from tqdm import tqdm

from wenjin.index import dense
from wenjin.index.embed import get_embedder
from wenjin.index.store import _read_jsonl, load
from wenjin.rag.retrieve import Retriever

from .compare import disk_mb, p, rss_mb
from .report import save

SIGMA = 0.025  # cos ≈ 0.9 to the real vector it comes from: a near-paraphrase for e5-small
DROP = 0.1     # share of a real chunk's BM25 words its synthetic copies leave out


def synthesise(real: np.ndarray, n: int, mix: float = 0.0, sigma: float = SIGMA, seed: int = 0,
               batch: int = 100_000) -> tuple[np.ndarray, np.ndarray]:
    """Rows 0…R-1 the real vectors; then normalise(v_i + mix·v_j + ε), ε ~ N(0, σ²) per dimension.
    Also each row's source i (row r itself for a real one), for its words."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    sources = np.arange(n, dtype=np.int64)
    out[: len(real)] = real
    for lo in tqdm(range(len(real), n, batch), desc="合成向量", unit="批"):
        hi = min(n, lo + batch)
        i, j = rng.integers(0, len(real), hi - lo), rng.integers(0, len(real), hi - lo)
        v = real[i] + mix * real[j] + rng.normal(0, sigma, (hi - lo, real.shape[1])).astype(np.float32)
        out[lo:hi] = v / np.linalg.norm(v, axis=1, keepdims=True)
        sources[lo:hi] = i
    return out, sources


def synthesise_words(real_words: list[list[str]], sources: np.ndarray, drop: float = DROP, seed: int = 0):
    """bm25s token ids for every row: a real chunk's own words, else its source's with `drop` of them
    left out. Rows hold shared int objects (a tuple from itemgetter), so a million chunks of ~300
    words cost ~2 GB of lists rather than ~10 GB of fresh ints."""
    import bm25s

    vocab: dict[str, int] = {}
    real_ids = [np.array([vocab.setdefault(w, len(vocab)) for w in words], dtype=np.int64) for words in real_words]
    vocab.setdefault("", len(vocab))  # as bm25s adds for a chunk without words
    ints = list(range(len(vocab)))
    rng = np.random.default_rng(seed)
    rows = []
    for r, i in enumerate(tqdm(sources, desc="合成词表", unit="块", mininterval=2)):
        ids = real_ids[i] if r < len(real_ids) else real_ids[i][rng.random(len(real_ids[i])) >= drop]
        ids = ids if len(ids) else np.array([vocab[""]])
        rows.append(operator.itemgetter(*ids.tolist())(ints) if len(ids) > 1 else (ints[int(ids[0])],))
    return bm25s.tokenization.Tokenized(ids=rows, vocab=vocab)


def timed_queries(indexes: list, queries: list[str], embedder, k: int = 10) -> list[dict]:
    """Per index: end-to-end (embed + search) and search-only ms per query, and the rows found.

    Each question is asked of every index in turn, after one warm-up pass, so that neither
    pays for a cold start or a noisy minute alone.
    """
    for q in queries[:10]:
        for index in indexes:
            dense.search(index, np.asarray(embedder.query(q), dtype=np.float32), k)
    out = [{"e2e": [], "search": [], "found": []} for _ in indexes]
    for q in tqdm(queries, desc="查询", unit="题"):
        for index, o in zip(indexes, out):
            t0 = time.perf_counter()
            vec = np.asarray(embedder.query(q), dtype=np.float32)
            t1 = time.perf_counter()
            _, rows = dense.search(index, vec, k)
            t2 = time.perf_counter()
            o["e2e"].append((t2 - t0) * 1000)
            o["search"].append((t2 - t1) * 1000)
            o["found"].append(rows[0])
    return out


class _Rows:
    """The chunk of each row of the scaled index: a synthetic row shows the real chunk it copies."""

    def __init__(self, chunks: list, sources: np.ndarray) -> None:
        self.chunks, self.sources = chunks, sources

    def __len__(self) -> int:
        return len(self.sources)

    def __getitem__(self, row: int):
        return self.chunks[int(self.sources[row])]


def timed_search(retrievers: list[Retriever], queries: list[str], k: int = 10) -> list[dict]:
    """Per retriever: ms per query of wenjin's whole hybrid retrieval, the question embedded afresh
    each time, and ms per stage; questions asked of each retriever in turn after a warm-up."""
    for q in queries[:10]:
        for r in retrievers:
            r.search(q, top_k=k)
    out = [{"e2e": [], "stages": {}} for _ in retrievers]
    for q in tqdm(queries, desc="混合检索", unit="题"):
        for r, o in zip(retrievers, out):
            r.forget_queries()
            stages: dict[str, float] = {}
            t0 = time.perf_counter()
            r.search(q, top_k=k, stages=stages)
            o["e2e"].append((time.perf_counter() - t0) * 1000)
            for name, ms in stages.items():
                o["stages"].setdefault(name, []).append(ms)
    return out


def _latency(o: dict) -> dict:
    return {"p50_ms": p(o["e2e"], 0.5), "p95_ms": p(o["e2e"], 0.95),
            "stages_p50_ms": {k: p(v, 0.5) for k, v in o["stages"].items()},
            "stages_p95_ms": {k: p(v, 0.95) for k, v in o["stages"].items()}}


def _bm25(real, sources: np.ndarray) -> tuple[object, dict]:
    """BM25 over the synthetic words: the index, with build time, memory added and size on disk."""
    import bm25s

    words = synthesise_words(list(_read_jsonl(real.path / "tokens.jsonl")), sources)
    before, t0 = rss_mb(), time.perf_counter()
    bm25 = bm25s.BM25()
    bm25.index(words, show_progress=False)
    stats = {"build_s": time.perf_counter() - t0, "rss_added_mb": rss_mb() - before}
    with tempfile.TemporaryDirectory() as tmp:
        bm25.save(f"{tmp}/bm25")
        stats["disk_mb"] = disk_mb(Path(tmp) / "bm25")
    return bm25, stats


def run(index_dir: Path, questions: Path, size: int, out: Path) -> str:
    real_idx = load(index_dir)
    real_index = real_idx.faiss
    pending = real_idx.manifest.get("dense", {}).get("pending", 0)
    if pending:
        raise ValueError(f"索引 {index_dir} 的向量尚未建完（还有 {pending} 个文本块）；"
                         f"请先运行 wenjin ingest --resume --index {index_dir}")
    if size < real_index.ntotal or real_index.ntotal == 0:
        raise ValueError(f"--size {size} 小于索引 {index_dir} 中的真实向量数 {real_index.ntotal}；"
                         f"请给出不小于它的规模（默认 1000000）")
    real = real_index.reconstruct_n(0, real_index.ntotal)
    qs = [json.loads(line)["question"] for line in questions.read_text("utf-8").splitlines() if line.strip()]
    embedder = get_embedder(real_idx.embed_model)

    vectors, sources = synthesise(real, size)
    before, t0 = rss_mb(), time.perf_counter()
    big = dense.build(vectors, vectors.shape[1])
    build_s, added_mb = time.perf_counter() - t0, rss_mb() - before
    import faiss

    with tempfile.TemporaryDirectory() as tmp:
        faiss.write_index(big, f"{tmp}/dense.faiss")
        size_mb = disk_mb(Path(tmp) / "dense.faiss")
    bm25, bm25_stats = _bm25(real_idx, sources)
    scaled_idx = SimpleNamespace(path=real_idx.path, manifest={"embedding": real_idx.manifest["embedding"]},
                                 docs=real_idx.docs, chunks=_Rows(real_idx.chunks, sources), faiss=big, bm25=bm25,
                                 tokenizer=real_idx.tokenizer)
    base, scaled = timed_queries([real_index, big], qs, embedder)
    hybrid_base, hybrid = timed_search([Retriever(real_idx, embedder), Retriever(scaled_idx, embedder)], qs)
    found = scaled["found"]

    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    qv = np.vstack([embedder.query(q) for q in qs]).astype(np.float32)
    _, truth = exact.search(qv, 10)
    recall = statistics.mean(len(set(f) & set(t)) / 10 for f, t in zip(found, truth))
    real_found = statistics.mean(
        len({r for r in f if r < len(real)} & {r for r in t if r < len(real)}) / max(1, sum(r < len(real) for r in t))
        for f, t in zip(found, truth))
    # Copies of one real chunk are the same text to a reader: did the search find the chunks
    # whose copies the exact top 10 holds, whichever copies it returned?
    source_recall = statistics.mean(len(set(sources[f]) & set(sources[t])) / len(set(sources[t]))
                                    for f, t in zip(found, truth))
    result = {
        "vectors": size, "real_vectors": len(real), "index": dense.describe(big), "build_s": build_s,
        "rss_added_mb": added_mb, "disk_mb": size_mb, "queries": len(qs), "recall@10": recall,
        "real_chunk_recall@10": real_found, "source_recall@10": source_recall,
        "p50_ms": p(scaled["e2e"], 0.5), "p95_ms": p(scaled["e2e"], 0.95),
        "search_p50_ms": p(scaled["search"], 0.5), "search_p95_ms": p(scaled["search"], 0.95),
        "bm25": bm25_stats, "hybrid": _latency(hybrid),
        "baseline": {"index": dense.describe(real_index), "chunks": len(real_idx.chunks),
                     "p50_ms": p(base["e2e"], 0.5), "p95_ms": p(base["e2e"], 0.95),
                     "search_p50_ms": p(base["search"], 0.5), "search_p95_ms": p(base["search"], 0.95),
                     "hybrid": _latency(hybrid_base)},
    }
    result["p95_vs_baseline"] = result["p95_ms"] / result["baseline"]["p95_ms"]
    result["hybrid_p95_vs_baseline"] = result["hybrid"]["p95_ms"] / result["baseline"]["hybrid"]["p95_ms"]
    table = markdown(result)
    save(out, "scale", result, table, plot)
    return table


def markdown(r: dict) -> str:
    b, h, hb = r["baseline"], r["hybrid"], r["baseline"]["hybrid"]
    stages = sorted(set(h["stages_p50_ms"]) | set(hb["stages_p50_ms"]))

    def per_stage(x: dict) -> str:
        return ", ".join(f"{k} {x['stages_p50_ms'].get(k, 0):.1f} / {x['stages_p95_ms'].get(k, 0):.1f}" for k in stages)

    return "\n".join([
        f"{r['vectors']:,} chunks ({r['real_vectors']:,} real), {r['queries']} real questions.", "",
        "Dense leg alone:", "",
        "| index | build s | RSS added MB | disk MB | recall@10 vs exact | query p50 ms | query p95 ms | "
        "search p50 ms | search p95 ms |", "|---|---|---|---|---|---|---|---|---|",
        f"| {b['index']} (real index) | — | — | — | 1.000 | {b['p50_ms']:.1f} | {b['p95_ms']:.1f} | "
        f"{b['search_p50_ms']:.2f} | {b['search_p95_ms']:.2f} |",
        f"| {r['index']} | {r['build_s']:.0f} | {r['rss_added_mb']:.0f} | {r['disk_mb']:.0f} | {r['recall@10']:.3f} | "
        f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['search_p50_ms']:.2f} | {r['search_p95_ms']:.2f} |", "",
        f"BM25 over {r['vectors']:,} chunks: built in {r['bm25']['build_s']:.0f} s, {r['bm25']['rss_added_mb']:.0f} MB "
        f"added, {r['bm25']['disk_mb']:.0f} MB on disk.", "",
        "Hybrid retrieval as wenjin runs it (BM25, embedding the question, dense search, fusion):", "",
        "| index | p50 ms | p95 ms | stages p50 / p95 ms |", "|---|---|---|---|",
        f"| real index ({b['chunks']:,} chunks) | {hb['p50_ms']:.1f} | {hb['p95_ms']:.1f} | {per_stage(hb)} |",
        f"| {r['vectors']:,} chunks | {h['p50_ms']:.1f} | {h['p95_ms']:.1f} | {per_stage(h)} |", "",
        f"p95 at {r['vectors']:,} chunks vs the real index: dense query {r['p95_vs_baseline']:.2f}×, "
        f"hybrid retrieval {r['hybrid_p95_vs_baseline']:.2f}×; "
        f"real chunks among the exact top 10 found: {r['real_chunk_recall@10']:.3f}; "
        f"the chunks whose copies the exact top 10 holds found (any copy): {r['source_recall@10']:.3f}.",
    ])


def plot(r: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    b = r["baseline"]
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.5))
    for ax, (title, real, big) in zip(axes, [
            (f"dense: embed + search (recall@10 {r['recall@10']:.3f})", b, r),
            ("hybrid retrieval (BM25 + dense + fusion)", b["hybrid"], r["hybrid"])]):
        x = np.arange(2)
        ax.bar(x - 0.2, [real["p50_ms"], big["p50_ms"]], 0.4, label="p50")
        ax.bar(x + 0.2, [real["p95_ms"], big["p95_ms"]], 0.4, label="p95")
        ax.set_xticks(x, [f"real index\n{b['chunks']:,} chunks", f"{r['vectors']:,}\nchunks"])
        ax.set_ylabel("ms per query")
        ax.set_title(title, fontsize=9)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
