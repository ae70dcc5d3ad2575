"""Run a gold set through the engine, one configuration or several, and score every answer.

Each question is asked once per configuration through `Engine.ask` (what users
get) and searched once more for a ranked list of documents (what retrieval
metrics need); nothing here retrieves or answers by itself.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field, fields
from pathlib import Path

from tqdm import tqdm

from wenjin.rag.engine import Engine
from wenjin.rag.retrieve import RetrievalSettings
from wenjin.rag.settings import Settings
from wenjin.rag.types import Answer

from . import metrics as m
from .gold import GoldItem

RANK_CHUNKS = 40   # chunks searched to rank documents; enough for ten distinct documents
CURVE_K = 10
RETRIEVAL_KEYS = {f.name for f in fields(RetrievalSettings)}


@dataclass
class Config:
    name: str
    settings: Settings
    retrieval: RetrievalSettings = field(default_factory=RetrievalSettings)


def parse_config(spec: str, base: Settings, corpus: Path | None, out: Path) -> Config:
    """`[name:]key=value,...` over the base settings: retrieval fields (mode, fusion, dense_weight…),
    top_k, index, rerank_model, or chunk_chars/overlap_chars (an index is then built from `corpus`)."""
    name, _, body = spec.partition(":") if ":" in spec.split("=", 1)[0] else ("", "", spec)
    values: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in body.split(","))):
        key, eq, value = part.partition("=")
        if not eq:
            raise ValueError(f"--compare {spec!r}：{part!r} 应写成 键=值")
        values[key.strip()] = value.strip()
    retrieval = RetrievalSettings(**{k: _typed(RetrievalSettings, k, v) for k, v in values.items() if k in RETRIEVAL_KEYS})
    overrides = {k: v for k, v in values.items() if k not in RETRIEVAL_KEYS}
    unknown = set(overrides) - {"top_k", "index", "rerank_model", "chunk_chars", "overlap_chars"}
    if unknown:
        raise ValueError(f"--compare {spec!r}：不认识的键 {sorted(unknown)}；可用 {sorted(RETRIEVAL_KEYS)} "
                         "及 top_k、index、rerank_model、chunk_chars、overlap_chars")
    settings = Settings(**{**base.model_dump(),
                           **{k: v for k, v in overrides.items() if k in ("top_k", "index", "rerank_model")}})
    if {"chunk_chars", "overlap_chars"} & set(overrides):
        settings = _built_index(settings, overrides, corpus, out, name or body)
    return Config(name or body, settings, retrieval)


def _typed(cls, key: str, value: str):
    kind = type(getattr(cls(), key))
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{key}={value!r} 应为 {kind.__name__}") from None


def _built_index(settings: Settings, overrides: dict, corpus: Path | None, out: Path, label: str) -> Settings:
    """An index of `corpus` with other chunk sizes, built once under `out/indexes/` and reused."""
    from wenjin.index.ingest import IngestSettings, ingest

    if corpus is None:
        raise ValueError("比较不同块长需要 --corpus 指向原文文件夹（或用 index=目录 指定现成索引）")
    chunk = int(overrides.get("chunk_chars", settings.chunk_chars))
    overlap = int(overrides.get("overlap_chars", settings.overlap_chars))
    root = out / "indexes" / f"chunk{chunk}-overlap{overlap}"
    cache = Path(settings.index) / "embcache.sqlite"
    if not root.exists() and cache.exists():
        root.mkdir(parents=True)
        shutil.copy(cache, root / "embcache.sqlite")  # chunks already embedded elsewhere cost nothing
    ingest([corpus], root, IngestSettings(settings.embed_model, chunk, overlap), progress=False)
    return settings.model_copy(update={"index": root, "chunk_chars": chunk, "overlap_chars": overlap})


def doc_names(meta: dict) -> frozenset[str]:
    """Every name a retrieved chunk's document answers to: source, doc id, and its reprints."""
    names = {meta["source"], meta["doc_id"]} | {a["source"] for a in meta.get("also", [])}
    return frozenset(names)


def score_question(item: GoldItem, answer, ranked: list[frozenset]) -> dict:
    """Every metric for one question (None where it does not apply)."""
    answerable = item.kind != "unanswerable"
    s: dict[str, float | None] = {}
    for k in (1, 3, 5, 10):
        s[f"hit@{k}"] = m.hit_at(ranked, item.gold_sources, k) if item.gold_sources else None
    for k in (5, 10):
        s[f"recall@{k}"] = m.recall_at(ranked, item.gold_sources, k) if item.gold_sources else None
    s["mrr@10"] = m.mrr_at(ranked, item.gold_sources) if item.gold_sources else None
    s["ndcg@10"] = m.ndcg_at(ranked, item.gold_sources) if item.gold_sources else None
    s["fact_recall"] = m.fact_recall(item.must_include, answer.text) if item.must_include else None
    if item.must_include:
        s["answer_correct"] = float(s["fact_recall"] == 1.0)
    else:
        s["answer_correct"] = float(m.contains_answer(item.answers, answer.text)) if item.answers else None
    body = m.answer_body(answer.text)
    s["char_f1"] = m.char_f1(body, item.reference) if answerable and item.reference and not answer.refused else \
        (0.0 if answerable and item.reference else None)
    s["rouge_l"] = m.rouge_l(body, item.reference) if answerable and item.reference and not answer.refused else \
        (0.0 if answerable and item.reference else None)
    s["first_line"] = m.first_line_correct(item, answer.text) if answerable and item.kind != "list" else None
    s["answer_chars"] = float(len(body)) if answerable and not answer.refused else None
    cited = [c.source for c in answer.citations] + [a["source"] for c in answer.citations for a in c.also]
    s["cites_gold"] = float(any(m.source_matches(g, c) for g in item.gold_sources for c in cited)) \
        if item.gold_sources and answerable else None
    quotes = {c.n: f"{c.title}\n{c.quote}" for c in answer.citations}  # a citation shows its title too
    s["citation_precision"], s["citation_recall"] = m.citation_scores(answer.text, quotes, item.must_include)
    s["citation_correct"] = m.citation_correct(list(quotes.values()), item.must_include, item.answers) \
        if answerable and not answer.refused else None
    return s


def without_gold(items: list[GoldItem]) -> list[GoldItem]:
    """The same questions made unanswerable: each is asked with its gold documents excluded
    (`filters["exclude"]`), so the collection no longer holds what answered it."""
    return [GoldItem(item.id, item.question, "unanswerable", item.reference, [], [], [], item.tags,
                     exclude=list(item.gold_sources)) for item in items if item.gold_sources]


def evaluate(config: Config, items: list[GoldItem], progress: bool = True) -> dict:
    """Ask every question under `config`; per-question records plus the aggregates."""
    engine = Engine(config.settings, config.retrieval)
    engine.warm_up()  # latency is measured for a warm process
    records = []
    for item in tqdm(items, desc=f"评测 {config.name}", unit="题", disable=not progress):
        filters = {"exclude": item.exclude} if item.exclude else None
        started, fault = time.perf_counter(), None
        try:
            answer = engine.ask(item.question, filters=filters)
        except Exception as e:  # one question's fault is its record (scored wrong), not the end of a long run
            answer, fault = Answer(item.question, ""), f"{type(e).__name__}: {e}"
        total_ms = (time.perf_counter() - started) * 1000
        hits = engine.retriever.search(item.question, top_k=RANK_CHUNKS, filters=filters)
        ranked = m.dedupe(doc_names(h.meta) for h in hits)[:CURVE_K]
        titles = {doc_names(h.meta): (h.meta["source"], h.meta.get("title", "")) for h in hits}
        records.append({
            "id": item.id, "kind": item.kind, "question": item.question, "reference": item.reference,
            "must_include": item.must_include, "gold_sources": item.gold_sources,
            "answer": answer.text, "refused": answer.refused, "answerability": answer.answerability,
            "tags": item.tags, "excluded": item.exclude,
            "citations": [{"n": c.n, "source": c.source, "title": c.title, "date": c.date, "quote": c.quote}
                          for c in answer.citations],
            "retrieved": [titles[d][0] for d in ranked], "retrieved_titles": [titles[d][1] for d in ranked],
            "timings": {**answer.timings, "total_ms": round(total_ms, 1)},
            "scores": score_question(item, answer, ranked),
            "hit_curve": [m.hit_at(ranked, item.gold_sources, k) for k in range(1, CURVE_K + 1)]
            if item.gold_sources else None,
            **({"error": fault} if fault else {}),
        })
    return {"config": config.name, "index": str(config.settings.index), "top_k": config.settings.top_k,
            "retrieval": vars(config.retrieval), "questions": records, **aggregate(records)}


SCORE_KEYS = ("hit@1", "hit@3", "hit@5", "hit@10", "recall@5", "recall@10", "mrr@10", "ndcg@10",
              "fact_recall", "answer_correct", "first_line", "char_f1", "rouge_l", "cites_gold",
              "citation_precision", "citation_recall", "citation_correct")


def aggregate(records: list[dict]) -> dict:
    """Means over the questions each metric applies to, overall and by kind; refusals; latency."""
    overall = {k: m.mean(r["scores"][k] for r in records) for k in SCORE_KEYS}
    answerable = [r for r in records if r["kind"] != "unanswerable"]
    overall.update(m.refusal_scores([r["refused"] for r in records], [r["kind"] == "unanswerable" for r in records]))
    overall["false_refusals"] = m.mean(float(r["refused"]) for r in answerable)
    overall["answer_chars_median"] = m.percentile([r["scores"]["answer_chars"] for r in records
                                                  if r["scores"].get("answer_chars") is not None], 50)
    for stage in ("retrieve_ms", "answer_ms", "total_ms"):
        values = [r["timings"].get(stage, 0.0) for r in records]
        overall[f"{stage[:-3]}_p50_ms"] = m.percentile(values, 50)
        overall[f"{stage[:-3]}_p95_ms"] = m.percentile(values, 95)
    kinds = sorted({r["kind"] for r in records})
    by_kind = {k: {"questions": sum(r["kind"] == k for r in records),
                   **{s: m.mean(r["scores"][s] for r in records if r["kind"] == k) for s in SCORE_KEYS}}
               for k in kinds}
    tags = sorted({t for r in records for t in r.get("tags") or []})
    by_tag = {t: {"questions": sum(t in (r.get("tags") or []) for r in records),
                  "refused": m.mean(float(r["refused"]) for r in records if t in (r.get("tags") or []))} for t in tags}
    curves = [r["hit_curve"] for r in records if r["hit_curve"]]
    curve = [sum(c[i] for c in curves) / len(curves) for i in range(CURVE_K)] if curves else []
    return {"metrics": overall, "by_kind": by_kind, "by_tag": by_tag, "hit_curve": curve,
            "questions_total": len(records)}


def check(metrics: dict, minimums: dict[str, float], maximums: dict[str, float]) -> list[str]:
    """The thresholds missed, each as one readable line; unknown metric names are an error."""
    missed = []
    for bound, limits in (("min", minimums), ("max", maximums)):
        for key, limit in limits.items():
            if key not in metrics:
                raise ValueError(f"--{bound} {key}：没有这个指标；可用 {', '.join(sorted(metrics))}")
            value = metrics[key]
            if value is None or (value < limit if bound == "min" else value > limit):
                shown = "无" if value is None else f"{value:.3f}"
                missed.append(f"{key} = {shown}，要求 {'≥' if bound == 'min' else '≤'} {limit}")
    return missed


def parse_thresholds(pairs: tuple[str, ...]) -> dict[str, float]:
    out = {}
    for pair in pairs:
        key, eq, value = pair.partition("=")
        try:
            out[key.strip()] = float(value)
        except ValueError:
            raise ValueError(f"阈值 {pair!r} 应写成 指标=数值，如 hit@5=0.9") from None
        if not eq:
            raise ValueError(f"阈值 {pair!r} 应写成 指标=数值，如 hit@5=0.9")
    return out


def default_config(settings: Settings) -> Config:
    return Config("default", settings)
