"""The LLM client: any OpenAI-compatible chat server (DeepSeek, Qwen, vLLM, Ollama's /v1, llama.cpp).

Built on llama-index's `OpenAILike`, imported only when an LLM is configured
(`pip install 'wenjin[llm]'`). Timeouts and retries with backoff come from the
openai client underneath; every failure surfaces as `LLMError` with a Chinese
reason, so the engine can fall back to the extractive answer.
"""

from __future__ import annotations

from typing import Iterator


class LLMError(RuntimeError):
    """The LLM could not give a usable answer; the message says why, in a line."""


class LLM:
    def __init__(self, base_url: str, model: str | None, api_key: str | None, timeout: float, retries: int) -> None:
        try:
            from llama_index.llms.openai_like import OpenAILike
        except ImportError as e:
            raise ImportError(f"设置了 WENJIN_LLM_BASE_URL，但缺少 LLM 客户端：pip install 'wenjin[llm]'（{e}）") from None
        self.base_url = base_url
        self._client = OpenAILike(model=model or "default", api_base=base_url, api_key=api_key or "not-needed",
                                  is_chat_model=True, timeout=timeout, max_retries=retries, temperature=0.1,
                                  reuse_client=True)

    @staticmethod
    def _messages(pairs: list[tuple[str, str]]):
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role=role, content=content) for role, content in pairs]

    def chat(self, pairs: list[tuple[str, str]]) -> str:
        try:
            text = self._client.chat(self._messages(pairs)).message.content or ""
        except Exception as e:  # the client raises many types: timeouts, HTTP errors, bad JSON
            raise LLMError(_reason(e, self.base_url)) from e
        if not text.strip():
            raise LLMError("大模型返回了空回答")
        return text

    def stream(self, pairs: list[tuple[str, str]]) -> Iterator[str]:
        """Text pieces as the server sends them; LLMError if it fails before or during the stream."""
        try:
            for part in self._client.stream_chat(self._messages(pairs)):
                if part.delta:
                    yield part.delta
        except Exception as e:
            raise LLMError(_reason(e, self.base_url)) from e


def _reason(e: Exception, url: str) -> str:
    name = type(e).__name__
    if "Timeout" in name:
        return f"大模型服务 {url} 响应超时"
    if "Connection" in name:
        return f"无法连接大模型服务 {url}"
    status = getattr(e, "status_code", None)
    if status:
        return f"大模型服务 {url} 返回错误 {status}"
    return f"大模型服务 {url} 的回答无法解析（{name}）"


def make_llm(settings) -> LLM | None:
    if not settings.llm_base_url:
        return None
    return LLM(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout,
               settings.llm_max_retries)
