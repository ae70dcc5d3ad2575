"""Optional second pass over the fused candidates with a cross-encoder.

A cross-encoder reads question and passage together, so it can tell "the park's
investment" from "the county's investment" where both legs only see shared words.
It costs one model call per candidate, so it reorders only the best few fused
chunks. Off by default: no cross-encoder ships offline (`WENJIN_RERANK_MODEL`
names a sentence-transformers CrossEncoder, a local folder or a hub name, and
needs the `st` extra).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Sequence

from .types import Hit


class Reranker:
    def __init__(self, name: str) -> None:
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as e:
            raise ImportError(f"重排模型 {name!r} 需要 sentence-transformers：pip install 'wenjin[st]'") from e
        local = name.startswith(("/", ".", "~"))  # else a hub name, which the library fetches once
        path = Path(name).expanduser()
        if local and not path.is_dir():
            raise ValueError(f"WENJIN_RERANK_MODEL={name!r}：没有这个文件夹；请指向本地模型文件夹，或取消这一设置（不重排）")
        try:
            self._model = CrossEncoder(str(path) if local else name)
        except OSError as e:
            raise ValueError(f"WENJIN_RERANK_MODEL={name!r} 无法加载：{e}；请指向本地模型文件夹，"
                             "或取消这一设置（不重排）") from e
        self.name = name
        self._lock = threading.Lock()  # request threads share one model

    def scores(self, question: str, texts: Sequence[str]) -> list[float]:
        with self._lock:
            return [float(s) for s in self._model.predict([(question, t) for t in texts], show_progress_bar=False)]

    def rerank(self, question: str, hits: list[Hit]) -> list[Hit]:
        """The hits by the cross-encoder's score, which replaces the fused one."""
        if not hits:
            return hits
        for hit, score in zip(hits, self.scores(question, [h.node.text for h in hits])):
            hit.score = score
        return sorted(hits, key=lambda h: h.score, reverse=True)


_LOADED: dict[str, Reranker] = {}


def get_reranker(name: str | None) -> Reranker | None:
    """One loaded cross-encoder per process and name; None when none is configured."""
    if not name:
        return None
    if name not in _LOADED:
        _LOADED[name] = Reranker(name)
    return _LOADED[name]
