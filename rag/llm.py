"""The LLM client: any OpenAI-compatible chat server (DeepSeek, Qwen, vLLM, Ollama's /v1, llama.cpp).

Built on llama-index's `OpenAILike`, imported only when an LLM is configured
(`pip install 'wenjin[llm]'`). Timeouts and retries with backoff come from the
openai client underneath, bounded by a time budget per answer; every failure surfaces
as `LLMError` with a Chinese reason, so the engine can fall back to the extractive answer.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Iterator

log = logging.getLogger("wenjin.llm")


class LLMError(RuntimeError):
    """The LLM could not give a usable answer; the message says why, in a line."""


class LLM:
    """A chat client with a time budget per answer: the first piece within `first_token_s`, the whole
    answer within `budget_s`, whatever the HTTP client's own timeouts and retries would allow (a
    server that accepts the connection and never answers would otherwise hold a question for
    minutes). The call runs in a worker thread that is abandoned, not awaited, when time is up."""

    def __init__(self, base_url: str, model: str | None, api_key: str | None, timeout: float, retries: int,
                 first_token_s: float = 15.0, budget_s: float = 60.0) -> None:
        try:
            from llama_index.llms.openai_like import OpenAILike
        except ImportError as e:
            raise ImportError(f"设置了 WENJIN_LLM_BASE_URL，但缺少 LLM 客户端：pip install 'wenjin[llm]'（{e}）") from None
        self.base_url = base_url
        self.first_token_s, self.budget_s = first_token_s, budget_s
        self._client = OpenAILike(model=model or "default", api_base=base_url, api_key=api_key or "not-needed",
                                  is_chat_model=True, timeout=min(timeout, budget_s), max_retries=retries,
                                  temperature=0.1, reuse_client=True)

    @staticmethod
    def _messages(pairs: list[tuple[str, str]]):
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role=role, content=content) for role, content in pairs]

    def chat(self, pairs: list[tuple[str, str]]) -> str:
        return "".join(self.stream(pairs, whole=True))

    def stream(self, pairs: list[tuple[str, str]], whole: bool = False) -> Iterator[str]:
        """Text pieces as the server sends them (`whole`: one piece, asked without streaming);
        LLMError if it fails, or runs past its budget, before or during the stream."""
        pieces: queue.Queue = queue.Queue()

        def work() -> None:
            try:
                if whole:
                    pieces.put(self._client.chat(self._messages(pairs)).message.content or "")
                else:
                    for part in self._client.stream_chat(self._messages(pairs)):
                        if part.delta:
                            pieces.put(part.delta)
                pieces.put(_DONE)
            except Exception as e:  # the client raises many types: timeouts, HTTP errors, bad JSON
                pieces.put(e)

        threading.Thread(target=work, daemon=True, name="wenjin-llm").start()
        start, got, empty = time.monotonic(), False, True
        while True:
            limit = (self.budget_s if got else min(self.first_token_s, self.budget_s)) - (time.monotonic() - start)
            try:
                item = pieces.get(timeout=max(0.0, limit))
            except queue.Empty:
                log.warning("LLM %s: no %s within its budget", self.base_url, "end" if got else "first piece")
                raise LLMError(f"大模型在 {self.budget_s if got else self.first_token_s:g} 秒内没有{'答完' if got else '回应'}") from None
            if item is _DONE:
                break
            if isinstance(item, Exception):
                log.warning("LLM %s failed: %r", self.base_url, item)
                raise LLMError(_reason(item)) from item
            got, empty = True, empty and not item.strip()
            yield item
        if empty:
            raise LLMError("大模型返回了空回答")


_DONE = object()


def _reason(e: Exception) -> str:
    """Why, in Chinese, naming no address: the reader sees it; the log has the server's URL."""
    name = type(e).__name__
    if "Timeout" in name:
        return "大模型服务响应超时"
    if "Connection" in name:
        return "无法连接大模型服务"
    status = getattr(e, "status_code", None)
    if status:
        return f"大模型服务返回错误 {status}"
    return f"大模型服务的回答无法解析（{name}）"


def make_llm(settings) -> LLM | None:
    if not settings.llm_base_url:
        return None
    return LLM(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout,
               settings.llm_max_retries, settings.llm_first_token_s, settings.llm_budget_s)
