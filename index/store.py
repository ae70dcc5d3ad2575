"""The index directory: versions written beside the live one, switched in atomically.

    DIR/current -> versions/<stamp>   symlink, replaced with one rename
    DIR/versions/<stamp>/manifest.json  docs.jsonl  chunks.jsonl  dense.faiss  bm25/
                         tokens.jsonl (BM25 words per chunk, reused by the next ingest)
                         originals.jsonl (text as read, and what cleaning removed)
                         terms.txt (the jieba user dictionary, for chunks and questions alike)
    DIR/embcache.sqlite               passage vectors shared by all versions

A crash while writing leaves a half-built folder under versions/ that nothing
points at; the next write removes it. Readers only ever follow `current`.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from . import dense as dense_index, vector_stores
from .errors import IndexBusy, IndexDamaged, IndexMissing
from . import tokens
from .tokens import Tokenizer

FORMAT = 2


@dataclass(slots=True)
class Chunk:
    """A chunk read back from chunks.jsonl: the three fields of llama-index's TextNode that queries
    and the next ingest use. Ingest cuts chunks with llama-index's splitter; reading them back as
    TextNode would import llama_index.core, about a second of a one-question `wenjin ask`."""

    node_id: str
    text: str
    metadata: dict

    # TextNode's names for what code written against llama-index reads from a hit's node
    @property
    def id_(self) -> str:
        return self.node_id

    @property
    def ref_doc_id(self) -> str | None:
        return self.metadata.get("doc_id")

    def get_content(self) -> str:
        return self.text


@dataclass
class Index:
    """Everything a query needs, loaded once per process."""

    path: Path
    manifest: dict
    docs: dict[str, dict]        # doc_id -> {text, metadata}
    chunks: list[Chunk]          # row i of FAISS and doc i of BM25
    faiss: object
    bm25: object
    tokenizer: Tokenizer

    @property
    def embed_model(self) -> str:
        return self.manifest["embedding"]["model"]


@contextmanager
def writer_lock(root: Path):
    """One writer per index directory: a second ingest fails at once with a clear message.

    flock is released by the kernel when the holder exits, kill -9 included, so a crashed
    ingest never leaves the index locked.
    """
    import fcntl

    root.mkdir(parents=True, exist_ok=True)
    with (root / ".ingest.lock").open("a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(f"索引 {root} 正在被另一个 wenjin ingest 更新；请等它结束后再运行") from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


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


def write_version(root: Path, manifest: dict, docs: dict[str, dict], originals: dict[str, dict | None],
                  chunks: list, vectors: np.ndarray, bm25_tokens: list[list[str]],
                  terms: set[str]) -> Path:
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
    _write_jsonl(tmp / "tokens.jsonl", bm25_tokens)
    _write_jsonl(tmp / "originals.jsonl", ({"doc_id": k, **(v or {})} for k, v in originals.items()))
    (tmp / "terms.txt").write_text("".join(f"{t}\n" for t in sorted(terms)), "utf-8")
    dense = dense_index.build(vectors, int(manifest["embedding"]["dim"]))
    faiss.write_index(dense, str(tmp / "dense.faiss"))
    bm25 = bm25s.BM25()
    bm25.index([t or [""] for t in bm25_tokens] or [[""]], show_progress=False)
    bm25.save(str(tmp / "bm25"))
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")

    final = versions / (time.strftime("%Y%m%d-%H%M%S-") + f"{time.time_ns() % 10**9:09d}")
    _fsync_tree(tmp)
    tokens.save_dictionary(root)  # before the switch: the new version is never read without it
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
        try:
            external = json.loads((path / "manifest.json").read_text("utf-8")).get("vector_store")
        except (OSError, ValueError):
            external = None
        if external:
            vector_stores.drop(external)
        shutil.rmtree(path, ignore_errors=True)


def _read_jsonl(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _open(root: Path) -> tuple[Path, dict]:
    version = current_version(root)
    if version is None:
        raise IndexMissing(f"索引目录 {root} 中没有可用的索引；请先运行 `wenjin ingest 文件夹 --index {root}`")
    manifest = json.loads((version / "manifest.json").read_text("utf-8"))
    if manifest.get("format") != FORMAT:
        raise IndexDamaged(f"索引 {root} 的格式版本 {manifest.get('format')} 不受支持（需要 {FORMAT}）；"
                           f"请删除 {root} 后重新 ingest")
    return version, manifest


def _docs_and_chunks(version: Path) -> tuple[dict[str, dict], list[Chunk]]:
    docs = {row.pop("doc_id"): row for row in _read_jsonl(version / "docs.jsonl")}
    chunks = [Chunk(r["id"], r["text"], r["metadata"]) for r in _read_jsonl(version / "chunks.jsonl")]
    return docs, chunks


def _terms(version: Path) -> list[str]:
    return (version / "terms.txt").read_text("utf-8").split()


def load(root: Path) -> Index:
    import bm25s

    version, manifest = _open(root)
    docs, chunks = _docs_and_chunks(version)
    dense = dense_index.read(version / "dense.faiss")
    data = version / "bm25" / "data.csc.index.npy"
    bm25 = bm25s.BM25.load(str(version / "bm25"), mmap=data.exists() and data.stat().st_size >= dense_index.MMAP_MIN_BYTES)
    if dense.ntotal != len(chunks):
        raise IndexDamaged(f"索引 {root} 已损坏（向量 {dense.ntotal} 条，文本块 {len(chunks)} 条）；请重新 ingest")
    dictionary = tokens.dictionary_file(root)
    tokens.use_dictionary(dictionary)
    return Index(version, manifest, docs, chunks, dense, bm25, Tokenizer(_terms(version), dictionary))


def originals(root: Path) -> dict[str, dict]:
    """doc_id -> {original, removed}: the text as read and what cleaning took out."""
    version, _ = _open(root)
    return {row.pop("doc_id"): row for row in _read_jsonl(version / "originals.jsonl")}


@dataclass
class Previous:
    """The current version as the next ingest sees it: everything it may carry over."""

    path: Path
    manifest: dict
    docs: dict[str, dict]
    chunks: list[Chunk]
    tokens: list[list[str]]
    terms: list[str]

    @cached_property
    def chunk_rows(self) -> dict[str, list[int]]:
        rows: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            rows.setdefault(c.metadata["doc_id"], []).append(i)
        return rows

    @cached_property
    def _dense(self):
        return dense_index.read(self.path / "dense.faiss")

    def vectors(self, rows: list[int]) -> np.ndarray:
        return np.vstack([self._dense.reconstruct(int(r)) for r in rows]) if rows else np.zeros((0, self._dense.d))

    @cached_property
    def _originals(self) -> dict[str, dict]:
        return {row.pop("doc_id"): row for row in _read_jsonl(self.path / "originals.jsonl")}

    def original(self, doc_id: str) -> dict | None:
        return self._originals.get(doc_id)


def load_previous(root: Path) -> Previous | None:
    """The current version, or None when there is none in this format (the next ingest rebuilds)."""
    try:
        version, manifest = _open(root)
    except (IndexMissing, IndexDamaged):
        return None
    docs, chunks = _docs_and_chunks(version)
    tokens = list(_read_jsonl(version / "tokens.jsonl"))
    return Previous(version, manifest, docs, chunks, tokens, _terms(version))
