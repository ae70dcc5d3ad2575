"""A page flattened onto one enormous line costs what the same text costs as articles:
`wenjin bench oneline`.

Two files of the same CRUD text, `mb` megabytes each: a JSONL file of articles (ordinary), and
a text file with every article joined onto a single line. Each goes through what ingest does before embedding — read,
clean, split, tokenise, with the real functions — timed stage by stage, with peak memory, in the
same run. Embedding is left out on purpose: it is linear in the chunks by construction (the
cache keys each chunk), so it would only add the same hours to both sides.
"""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path

from tqdm import tqdm

from wenjin.index.clean import clean_text
from wenjin.index.readers import RawArticle, read_file
from wenjin.index.split import make_splitter, split
from wenjin.index.tokens import Tokenizer

from .report import save


def make_files(corpus: Path, mb: float, out: Path) -> tuple[Path, Path]:
    texts, size = [], 0
    with corpus.open(encoding="utf-8") as f:
        while size < mb * 2**20:
            line = f.readline()
            if not line:
                f.seek(0)  # a small corpus is repeated until the size is reached
                continue
            texts.append(json.loads(line)["text"].replace("\n", " "))
            size += len(texts[-1].encode())
    out.mkdir(parents=True, exist_ok=True)
    ordinary, flat = out / "ordinary.jsonl", out / "oneline.txt"
    ordinary.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                for i, t in enumerate(texts)), "utf-8")
    flat.write_text("".join(texts) + "\n", "utf-8")
    return ordinary, flat


def stages(path: Path) -> dict:
    from llama_index.core import Document

    times, start = {}, time.perf_counter()
    articles = [a for a in read_file(path, path.name) if isinstance(a, RawArticle)]
    times["read_s"] = time.perf_counter() - start
    start = time.perf_counter()
    texts = [clean_text(a.text) for a in articles]
    times["clean_s"] = time.perf_counter() - start
    start = time.perf_counter()
    splitter = make_splitter()
    chunks = [c for i, t in enumerate(texts) for c in split(Document(text=t, doc_id=str(i)), splitter)]
    times["split_s"] = time.perf_counter() - start
    tokenizer = Tokenizer()
    tokenizer.tokenize("")
    start = time.perf_counter()
    for c in tqdm(chunks, desc=f"分词 {path.name}", unit="块", leave=False):
        tokenizer.tokenize(c.text)
    times["tokenize_s"] = time.perf_counter() - start
    times["total_s"] = sum(times.values())
    return {**times, "documents": len(articles), "chunks": len(chunks),
            "chars": sum(len(t) for t in texts)}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(corpus: Path, mb: float, out: Path) -> dict:
    ordinary, flat = make_files(corpus, mb, out)
    result = {"mb": mb, "ordinary": stages(ordinary)}
    result["ordinary"]["peak_rss_mb_after"] = _peak_mb()
    result["oneline"] = stages(flat)
    result["oneline"]["peak_rss_mb_after"] = _peak_mb()
    result["time_ratio"] = result["oneline"]["total_s"] / result["ordinary"]["total_s"]
    return result


def table(r: dict) -> str:
    lines = [f"| {r['mb']:g} MB of CRUD text | documents | chunks | read s | clean s | split s | tokenise s | total s "
             "| peak RSS MB |", "|---|---|---|---|---|---|---|---|---|"]
    for name, label in (("ordinary", "one article a line"), ("oneline", "all on one line")):
        s = r[name]
        lines.append(f"| {label} | {s['documents']:,} | {s['chunks']:,} | {s['read_s']:.1f} | {s['clean_s']:.1f} "
                     f"| {s['split_s']:.1f} | {s['tokenize_s']:.1f} | {s['total_s']:.1f} | {s['peak_rss_mb_after']:,.0f} |")
    lines.append(f"\none line / ordinary, total time: **{r['time_ratio']:.2f}×**")
    return "\n".join(lines)


def run(corpus: Path, mb: float, out: Path) -> str:
    result = measure(corpus, mb, out)
    text = table(result)
    save(out, "oneline", result, text)
    return text
