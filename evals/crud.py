"""CRUD-RAG retrieval benchmark: BM25, dense and fused rankings on the same index, same questions.

Each leg is queried once per question; every fusion setting is then computed
from those two ranked lists, so comparing a dozen settings costs no more
queries than comparing one. Definitions follow ../shared/bench/crud/README.md:
a question is retrieved at k when a gold document is among the documents of
the top-k chunks; an answer is correct when a gold answer occurs in it after
normalisation (for `A、B和C` answers, when every part occurs).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path

from tqdm import tqdm

from wenjin.rag.engine import Engine
from wenjin.rag.retrieve import RetrievalSettings, fuse
from wenjin.rag.settings import Settings

from .metrics import contains_answer
from .report import save

VARIANTS = [
    ("bm25", RetrievalSettings(mode="bm25")),
    ("dense", RetrievalSettings(mode="dense")),
    ("rrf k=60 1:1", RetrievalSettings(fusion="rrf", rrf_k=60, dense_weight=1.0)),
] + [
    (f"rrf k={k} 1:{w}", RetrievalSettings(fusion="rrf", rrf_k=k, dense_weight=w))
    for k in (2, 5, 20, 60) for w in (0.2, 0.3, 0.5)
] + [
    (f"score 1:{w}", RetrievalSettings(fusion="score", dense_weight=w)) for w in (0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0)
]


def doc_of(source: str) -> str:
    return source.split("#", 1)[-1]


def docs_of(meta: dict) -> frozenset[str]:
    """The document a chunk comes from plus the reprints indexed as that one document."""
    return frozenset([doc_of(meta["source"])] + [doc_of(a["source"]) for a in meta.get("also", [])])


def metrics(ranked_docs: list[list[frozenset[str]]], gold: list[set[str]]) -> dict[str, float]:
    n = len(gold) or 1
    out = {f"hit@{k}": sum(any(d & g for d in r[:k]) for r, g in zip(ranked_docs, gold)) / n for k in (1, 5, 10)}
    rr = [next((1 / i for i, d in enumerate(r[:10], 1) if d & g), 0.0) for r, g in zip(ranked_docs, gold)]
    out["MRR@10"] = sum(rr) / n
    return out


def run(settings: Settings, questions_path: Path, out: Path) -> str:
    questions = [json.loads(line) for line in Path(questions_path).read_text("utf-8").splitlines() if line.strip()]
    engine = Engine(settings)
    chunks = engine.index.chunks
    legs = []
    for q in tqdm(questions, desc="检索", unit="题"):
        legs.append(engine.retriever.legs(q["question"]))
    gold = [set(q["gold_doc_ids"]) for q in questions]
    rows = {}
    for name, variant in VARIANTS:
        ranked = []
        for leg in legs:
            lex, sem = (leg["lex_all"], leg["sem_all"]) if variant.fusion == "score" else (leg["lex"], leg["sem"])
            order = fuse(lex if variant.mode != "dense" else [], sem if variant.mode != "bm25" else [], variant)
            ranked.append([docs_of(chunks[r].metadata) for r, _ in order[:10]])
        rows[name] = metrics(ranked, gold)
    configured = engine.retriever.settings
    answers = _answers(engine, questions, configured)
    result = {"questions": len(questions), "chunks": len(chunks), "configured": asdict(configured),
              "retrieval": rows, "answers": answers}
    table = _table(rows, answers, len(questions), len(chunks))
    save(out, "crud", result, table)
    return table


def _answers(engine: Engine, questions: list[dict], configured: RetrievalSettings) -> dict[str, float]:
    """Extractive answers with the configured retriever: gold answer in the answer / in the top-5 chunks."""
    in_answer = in_chunks = refused = 0
    started = time.perf_counter()
    for q in tqdm(questions, desc="回答", unit="题"):
        a = engine.ask(q["question"])
        in_answer += contains_answer(q["answers"], a.text)
        refused += a.refused
        top5 = engine.retriever.search(q["question"], top_k=5)
        in_chunks += contains_answer(q["answers"], "".join(h.node.text for h in top5))
    n = len(questions) or 1
    return {"answer_correct": in_answer / n, "gold_in_top5_chunks": in_chunks / n, "refused": refused / n,
            "seconds_per_question": (time.perf_counter() - started) / n}


def _table(rows: dict, answers: dict, n: int, chunks: int) -> str:
    lines = [f"CRUD dev questions: {n}; index: {chunks} chunks", "",
             "| retriever | hit@1 | hit@5 | hit@10 | MRR@10 |", "|---|---|---|---|---|"]
    for name, m in rows.items():
        lines.append(f"| {name} | {m['hit@1']:.3f} | {m['hit@5']:.3f} | {m['hit@10']:.3f} | {m['MRR@10']:.3f} |")
    lines += ["", f"Extractive answer contains the gold answer: {answers['answer_correct']:.3f}; "
              f"gold answer in top-5 chunks: {answers['gold_in_top5_chunks']:.3f}; "
              f"refused: {answers['refused']:.3f}"]
    return "\n".join(lines)
