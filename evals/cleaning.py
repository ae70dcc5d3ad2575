"""What cleaning removes, and what it costs: `wenjin bench clean PATH...`.

For each corpus: characters read, characters removed by kind (pinyin glosses,
garbled runs, page furniture, and normalisation such as spacing and NFKC), the
most frequent furniture lines as examples, and two real ingests of the same
files into fresh indexes (no shared vector cache) with and without cleaning:
seconds, chunks, and the ratio of the two, since absolute times here are noisy.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from tqdm import tqdm

from wenjin.index.clean import clean_text
from wenjin.index.ingest import IngestSettings, ingest
from wenjin.index.readers import RawArticle, iter_files, read_file

from .report import save

KINDS = ("拼音", "乱码", "版式", "规范化")


def sample_jsonl(path: Path, n: int, out: Path, seed: int = 0) -> Path:
    """`n` lines of a JSONL corpus, picked with a fixed seed, written to `out`."""
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip()]
    picked = random.Random(seed).sample(lines, min(n, len(lines)))
    out.write_text("\n".join(picked) + "\n", "utf-8")
    return out


def removal_stats(paths: list[Path]) -> dict:
    """Characters removed by kind, and the furniture seen most often (with counts)."""
    chars, pieces, furniture = Counter(), Counter(), Counter()
    read = kept = docs = 0
    started = time.perf_counter()
    for path, source, problem in iter_files(paths):
        if problem:
            continue
        for raw in read_file(path, source):
            if not isinstance(raw, RawArticle):
                continue
            removed: list = []
            text = clean_text(raw.text, removed)
            docs += 1
            read += len(raw.text)
            kept += len(text)
            for kind, piece in removed:
                chars[kind] += len(piece)
                pieces[kind] += 1
                if kind == "版式":
                    furniture[piece[:40]] += 1
    seconds = time.perf_counter() - started
    chars["规范化"] = read - kept - sum(chars[k] for k in KINDS[:3])  # spaces, NFKC, blank lines
    return {"documents": docs, "chars_read": read, "chars_kept": kept,
            "removed_chars": {k: chars[k] for k in KINDS}, "removed_pieces": {k: pieces[k] for k in KINDS[:3]},
            "top_furniture": furniture.most_common(8), "read_and_clean_seconds": seconds}


def timed_ingest(paths: list[Path], clean: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        r = ingest(paths, Path(tmp) / "index", IngestSettings(clean=clean), progress=False)
    return {"seconds": r.seconds, "documents": r.documents, "chunks": r.chunks, "duplicates": len(r.duplicates)}


def run(corpora: dict[str, list[Path]], out: Path) -> str:
    out.mkdir(parents=True, exist_ok=True)
    results = {}
    for name, paths in tqdm(corpora.items(), desc="语料", unit="个"):
        stats = removal_stats(paths)
        stats["ingest_clean"] = timed_ingest(paths, clean=True)
        stats["ingest_raw"] = timed_ingest(paths, clean=False)
        results[name] = stats
    table = _table(results)
    save(out, "cleaning", results, table, _plot)
    return table


def _table(results: dict) -> str:
    lines = ["| corpus | docs | chars read | removed | " + " | ".join(KINDS) + " | ingest clean s | ingest raw s "
             "| clean/raw time | chunks clean / raw |",
             "|---" * (8 + len(KINDS)) + "|"]
    for name, s in results.items():
        removed = s["chars_read"] - s["chars_kept"]
        c, r = s["ingest_clean"], s["ingest_raw"]
        lines.append(f"| {name} | {s['documents']} | {s['chars_read']:,} | {removed:,} ({removed / s['chars_read']:.1%}) | "
                     + " | ".join(f"{s['removed_chars'][k]:,}" for k in KINDS)
                     + f" | {c['seconds']:.1f} | {r['seconds']:.1f} | {c['seconds'] / r['seconds']:.2f} "
                     f"| {c['chunks']} / {r['chunks']} |")
    for name, s in results.items():
        lines += ["", f"Most frequent furniture removed from {name}:"]
        lines += [f"- {n}× `{piece}`" for piece, n in s["top_furniture"]]
    return "\n".join(lines)


def _plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
    bottom = [0.0] * len(names)
    for kind, label in zip(KINDS, ("pinyin", "garbled", "furniture", "normalisation")):
        share = [results[n]["removed_chars"][kind] / results[n]["chars_read"] * 100 for n in names]
        left.bar(names, share, bottom=bottom, label=label)
        bottom = [b + s for b, s in zip(bottom, share)]
    left.set_ylabel("% of characters removed")
    left.legend(fontsize=8)
    x = range(len(names))
    right.bar([i - 0.2 for i in x], [results[n]["ingest_raw"]["seconds"] for n in names], 0.4, label="without cleaning")
    right.bar([i + 0.2 for i in x], [results[n]["ingest_clean"]["seconds"] for n in names], 0.4, label="with cleaning")
    right.set_xticks(list(x), names)
    right.set_ylabel("ingest seconds (embedding included)")
    right.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
