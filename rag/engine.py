"""The Engine facade: what every interface (CLI, web page, HTTP API, evals) calls."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator, Sequence

from index import store
from index.embed import get_embedder
from index.errors import ModelMismatch

from . import verify
from .answer import Composer, compose, coverage, date_note
from .llm import LLMError, make_llm
from .prompt import answer_messages, condense_messages
from .question import classify, split_parts
from .rerank import get_reranker
from .retrieve import RetrievalSettings, Retriever
from .settings import Settings
from .types import Answer, Citation, Hit

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
        self.retriever = Retriever(self.index, get_embedder(model), retrieval, get_reranker(self.settings.rerank_model))
        self.llm = make_llm(self.settings)

    def warm_up(self) -> None:
        """Load what the first questions would otherwise pay for (jieba's dictionaries, the
        general idf table, the query model), so a server's or a benchmark's first answer is not slow."""
        for question in ("项目投资多少", "有哪些项目"):
            self.ask(question, use_llm=False)  # local work only: never a paid LLM call

    def evidence(self, tokens: list[str]) -> dict[str, float]:
        """idf weight of each distinct question word."""
        return {t: self.retriever.idf(t) for t in dict.fromkeys(tokens)}

    def support(self, hit: Hit, weights: dict[str, float]) -> float:
        return coverage(weights, hit.meta.get("title", ""), hit.node.text)

    def ask(self, question: str, history: Sequence[tuple[str, str]] = (), filters: dict | None = None,
            top_k: int | None = None, use_llm: bool = True) -> Answer:
        """Answer `question` from the index, or refuse.

        With an LLM configured (and `use_llm`), a follow-up is first rewritten into a standalone
        question using `history` (earlier (question, answer) turns), the LLM answers from the
        retrieved passages, and every citation is checked (rag/verify.py); if the LLM fails, the
        extractive answer comes back with a notice. Without one, `history` is not read.
        `filters`: `since`/`until` (YYYY-MM-DD) and `source` (a source prefix).
        """
        question = _required(question)
        if self.llm and use_llm:
            timings = {"retrieve_ms": 0.0, "answer_ms": 0.0}
            standalone, hits, enough = self._retrieve_for_llm(question, history, filters, top_k, timings)
            if not enough:
                return Answer(question, refusal_text(standalone), [], True, "llm", timings)
            t0 = time.perf_counter()
            try:
                text = self.llm.chat(answer_messages(standalone, hits))
            except LLMError as e:
                return self._fallback(question, standalone, filters, top_k, str(e))
            answer = self._verified(question, text, hits, timings)
            timings["answer_ms"] = round((time.perf_counter() - t0) * 1000, 1)
            return answer
        return self._noted(self._extractive(question, filters, top_k))

    @property
    def legs(self) -> list[str]:
        """The retrieval legs live now: BM25 alone while an index's vectors are still being built."""
        mode = self.retriever.settings.mode
        return {"hybrid": ["bm25", "dense"], "bm25": ["bm25"], "dense": ["dense"]}[mode]

    def _noted(self, answer: Answer) -> Answer:
        if self.retriever.dense_pending and not answer.notice:
            answer.notice = f"向量索引仍在构建（还有 {self.retriever.dense_pending} 个文本块），本次只用了关键词检索。"
        return answer

    def _extractive(self, question: str, filters: dict | None, top_k: int | None) -> Answer:
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

    # --- the LLM path -----------------------------------------------------------
    def _retrieve_for_llm(self, question: str, history, filters, top_k, timings) -> tuple[str, list[Hit], bool]:
        """(standalone question, passages, whether they are strong enough to answer from)."""
        standalone = question
        if history:
            try:
                rewritten = self.llm.chat(condense_messages(question, list(history))).strip().splitlines()[0]
                standalone = rewritten.strip() or question
            except LLMError:
                standalone = question  # retrieval with the raw follow-up still beats failing
        t0 = time.perf_counter()
        hits = self.retriever.search(standalone, top_k=top_k or self.settings.top_k, filters=filters)
        # The LLM only gets questions the evidence checks let through (coverage, names, the asked-for
        # kind of fact): what the extractive answerer refuses, the LLM is never asked to invent.
        answerable = not self._extractive(standalone, filters, top_k).refused
        timings["retrieve_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        return standalone, hits, answerable

    def _fallback(self, question: str, standalone: str, filters, top_k, reason: str) -> Answer:
        answer = self._extractive(standalone, filters, top_k)
        answer.question = question
        answer.notice = f"大模型暂时无法回答（{reason}），以下是从资料中直接摘录的回答。"
        answer.text = f"{answer.notice}\n{answer.text}"
        return answer

    def _verified(self, question: str, text: str, hits: list[Hit], timings: dict) -> Answer:
        """The LLM's text with its citations checked against the passages it was given."""
        if not verify.has_markers(text) and any(w in text for w in ("没有找到", "无法回答", "没有相关")):
            return Answer(question, refusal_text(question), [], True, "llm", timings)
        passages = {n: f"{h.meta.get('title', '')}\n{h.node.text}" for n, h in enumerate(hits, 1)}
        checked, checks = verify.check(text, passages)
        citations = []
        for n in dict.fromkeys(n for c in checks for n in c.cited):
            hit, mine = hits[n - 1], [c for c in checks if n in c.cited]
            s, e = verify.best_sentence(hit.node.text, mine[0].claim)
            m, start = hit.meta, hit.meta["start"] + s
            citations.append(Citation(n, m["doc_id"], m["source"], m.get("title", ""), m.get("date", ""),
                                      hit.node.text[s:e], start, start + e - s, m.get("outlet", ""),
                                      m.get("url", ""), list(m.get("also", [])),
                                      verified=any(c.supported for c in mine)))
        return Answer(question, _dated(checked, citations), citations, False, "llm", timings,
                      verification=[c.to_dict() for c in checks])

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

    def stream(self, question: str, history: Sequence[tuple[str, str]] = (), filters: dict | None = None,
               top_k: int | None = None, use_llm: bool = True) -> Iterator[str | Answer]:
        """Text pieces as they are written, then the finished Answer.

        The final Answer is authoritative: its text has bad markers removed and unsupported
        claims flagged, and it carries the checked citations. The extractive answer, the
        refusal and the fallback come as one piece.
        """
        question = _required(question)
        if not (self.llm and use_llm):
            answer = self._noted(self._extractive(question, filters, top_k))
            yield answer.text
            yield answer
            return
        timings = {"retrieve_ms": 0.0, "answer_ms": 0.0}
        standalone, hits, enough = self._retrieve_for_llm(question, history, filters, top_k, timings)
        if not enough:
            answer = Answer(question, refusal_text(standalone), [], True, "llm", timings)
            yield answer.text
            yield answer
            return
        t0, pieces = time.perf_counter(), []
        try:
            for piece in self.llm.stream(answer_messages(standalone, hits)):
                pieces.append(piece)
                yield piece
            if not "".join(pieces).strip():
                raise LLMError("大模型返回了空回答")
        except LLMError as e:
            answer = self._fallback(question, standalone, filters, top_k, str(e))
            yield ("\n" if pieces else "") + answer.text
            yield answer
            return
        answer = self._verified(question, "".join(pieces), hits, timings)
        timings["answer_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        yield answer


def _required(question: str) -> str:
    question = (question or "").strip()
    if not question:
        raise ValueError("问题不能为空")
    return question


def _dated(text: str, citations: list) -> str:
    note = date_note(citations)
    return f"{text}\n{note}" if note else text
