"""The Engine facade: what every interface (CLI, web page, HTTP API, evals) calls."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator, Sequence

from index import store
from index.embed import get_embedder
from index.errors import ModelMismatch

from .answer import Composer, compose, coverage, date_note
from .question import classify, split_parts
from .retrieve import RetrievalSettings, Retriever
from .settings import Settings
from .types import Answer, Hit

# Share of the question's idf mass that the best retrieved chunk (with its title)
# must contain; below it the engine refuses. Calibrated on samples/gold.jsonl and
# the CRUD dev questions (README, "Refusal").
REFUSE_BELOW = 0.5


def refusal_text(question: str) -> str:
    return f"资料中没有找到能回答“{question.strip()}”的内容。可以换个说法，或确认相关文章已导入。"


class Engine:
    """One loaded index, retriever and answerer; built once per process and shared."""

    def __init__(self, settings: Settings | None = None, retrieval: RetrievalSettings | None = None) -> None:
        self.settings = settings or Settings()
        self.index = store.load(Path(self.settings.index))
        model = self.index.embed_model
        if self.settings.embed_model != model:
            raise ModelMismatch(
                f"索引 {self.settings.index} 用嵌入模型 {model!r} 建成，查询设置为 {self.settings.embed_model!r}；"
                f"请把 WENJIN_EMBED_MODEL 设为 {model!r}，或用新模型重新 ingest"
            )
        self.retriever = Retriever(self.index, get_embedder(model), retrieval)

    def warm_up(self) -> None:
        """Load what the first questions would otherwise pay for (jieba's dictionaries, the
        general idf table, the query model), so a server's or a benchmark's first answer is not slow."""
        for question in ("项目投资多少", "有哪些项目"):
            self.ask(question)

    def evidence(self, tokens: list[str]) -> dict[str, float]:
        """idf weight of each distinct question word."""
        return {t: self.retriever.idf(t) for t in dict.fromkeys(tokens)}

    def support(self, hit: Hit, weights: dict[str, float]) -> float:
        return coverage(weights, hit.meta.get("title", ""), hit.node.text)

    def ask(self, question: str, history: Sequence[tuple[str, str]] = (), filters: dict | None = None,
            top_k: int | None = None) -> Answer:
        """Answer `question` from the index, or refuse.

        `history` holds earlier (question, answer) turns; the extractive answerer does not
        read them (condensing follow-up questions comes with the LLM answerer).
        `filters`: `since`/`until` (YYYY-MM-DD) and `source` (a source prefix).
        """
        question = (question or "").strip()
        if not question:
            raise ValueError("问题不能为空")
        timings = {"retrieve_ms": 0.0, "answer_ms": 0.0}
        parts = split_parts(question)
        if not parts:
            composed = self._answer_one(question, filters, top_k, timings)
            if composed is None:
                return Answer(question, refusal_text(question), [], True, "extractive", timings)
            return Answer(question, _dated(composed[0], composed[1]), composed[1], False, "extractive", timings)
        composer = Composer()
        texts = []
        for part in parts:
            composed = self._answer_one(part, filters, top_k, timings, composer)
            texts.append(f"【{part}】\n" + (composed[0] if composed else "资料中没有找到这一项。"))
        refused = not composer.citations
        text = refusal_text(question) if refused else _dated("\n".join(texts), composer.citations)
        return Answer(question, text, composer.citations, refused, "extractive", timings)

    def _answer_one(self, question: str, filters: dict | None, top_k: int | None, timings: dict,
                    composer: Composer | None = None) -> tuple[str, list] | None:
        t0 = time.perf_counter()
        tokens = self.retriever.query_tokens(question)
        hits = self.retriever.search(question, top_k=top_k or self.settings.top_k, filters=filters)
        t1 = time.perf_counter()
        weights = self.evidence(tokens)
        best = max((self.support(h, weights) for h in hits), default=0.0)
        composed = compose(question, classify(question, tokens), hits, self.index.docs, weights, composer) \
            if best >= REFUSE_BELOW else None
        timings["retrieve_ms"] += round((t1 - t0) * 1000, 1)
        timings["answer_ms"] += round((time.perf_counter() - t1) * 1000, 1)
        return composed

    def stream(self, question: str, history: Sequence[tuple[str, str]] = (),
               filters: dict | None = None, top_k: int | None = None) -> Iterator[str | Answer]:
        """Text pieces, then the finished Answer (the extractive answer comes in one piece)."""
        answer = self.ask(question, history, filters, top_k)
        yield answer.text
        yield answer


def _dated(text: str, citations: list) -> str:
    note = date_note(citations)
    return f"{text}\n{note}" if note else text
