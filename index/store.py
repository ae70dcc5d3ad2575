"""The index directory: versions written beside the live one, switched in atomically.

    DIR/current -> versions/<stamp>   symlink, replaced with one rename
    DIR/versions/<stamp>/manifest.json  docs.jsonl  chunks.jsonl  dense.faiss  bm25/
    DIR/embcache.sqlite               passage vectors shared by all versions

A crash while writing leaves a half-built folder under versions/ that nothing
points at; the next write removes it. Readers only ever follow `current`.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from llama_index.core.schema import TextNode

from .errors import IndexDamaged, IndexMissing

FORMAT = 1


@dataclass
class Index:
    """Everything a query needs, loaded once per process."""

    path: Path
    manifest: dict
    docs: dict[str, dict]        # doc_id -> {text, metadata}
    chunks: list[TextNode]       # row i of FAISS and doc i of BM25
    faiss: object
    bm25: object

    @property
    def embed_model(self) -> str:
        return self.manifest["embedding"]["model"]


def current_version(root: Path) -> Path | None:
    link = root / "current"
    return link.resolve() if link.is_symlink() and (link.resolve() / "manifest.json").exists() else None


def read_manifest(root: Path) -> dict | None:
    version = current_version(root)
    return json.loads((version / "manifest.json").read_text("utf-8")) if version else None


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_version(root: Path, manifest: dict, docs: dict[str, dict], chunks: list[TextNode],
                  vectors: np.ndarray, bm25_tokens: list[list[str]]) -> Path:
    """Write a complete new version and make it current; returns its folder."""
    import bm25s
    import faiss

    versions = root / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    for stale in versions.glob("tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = versions / f"tmp-{os.getpid()}-{time.time_ns()}"
    tmp.mkdir()
    _write_jsonl(tmp / "docs.jsonl", ({"doc_id": k, **v} for k, v in docs.items()))
    _write_jsonl(tmp / "chunks.jsonl", ({"id": c.node_id, "text": c.text, "metadata": c.metadata} for c in chunks))
    dense = faiss.IndexFlatIP(int(manifest["embedding"]["dim"]))
    if len(vectors):
        dense.add(np.ascontiguousarray(vectors, dtype=np.float32))
    faiss.write_index(dense, str(tmp / "dense.faiss"))
    bm25 = bm25s.BM25()
    bm25.index([t or [""] for t in bm25_tokens] or [[""]], show_progress=False)
    bm25.save(str(tmp / "bm25"))
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")

    final = versions / (time.strftime("%Y%m%d-%H%M%S-") + f"{time.time_ns() % 10**9:09d}")
    _fsync_tree(tmp)
    tmp.rename(final)
    link = root / f".current-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    link.symlink_to(final.relative_to(root))
    os.replace(link, root / "current")  # the one atomic switch
    _prune(versions, keep={final.name})
    return final


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                os.fsync(f.fileno())


def _prune(versions: Path, keep: set[str], spare: int = 1) -> None:
    """Keep the new version and `spare` older ones (a reader may still have one open)."""
    old = sorted((p for p in versions.iterdir() if p.name not in keep and not p.name.startswith("tmp-")), reverse=True)
    for path in old[spare:]:
        shutil.rmtree(path, ignore_errors=True)


def load(root: Path) -> Index:
    import bm25s
    import faiss

    version = current_version(root)
    if version is None:
        raise IndexMissing(f"索引目录 {root} 中没有可用的索引；请先运行 `wenjin ingest 文件夹 --index {root}`")
    manifest = json.loads((version / "manifest.json").read_text("utf-8"))
    if manifest.get("format") != FORMAT:
        raise IndexDamaged(f"索引 {root} 的格式版本 {manifest.get('format')} 不受支持（需要 {FORMAT}）；请重新 ingest")
    docs = {}
    with (version / "docs.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            docs[row.pop("doc_id")] = row
    chunks = []
    with (version / "chunks.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            chunks.append(TextNode(id_=row["id"], text=row["text"], metadata=row["metadata"]))
    dense = faiss.read_index(str(version / "dense.faiss"))
    bm25 = bm25s.BM25.load(str(version / "bm25"))
    if dense.ntotal != len(chunks):
        raise IndexDamaged(f"索引 {root} 已损坏（向量 {dense.ntotal} 条，文本块 {len(chunks)} 条）；请重新 ingest")
    return Index(version, manifest, docs, chunks, dense, bm25)
