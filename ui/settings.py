"""The server's settings: the answering settings plus who may call, from where, and how much.

Kept with the server so that answering (`wenjin.rag`) knows nothing of HTTP.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from wenjin.rag.settings import Settings


class ServerSettings(Settings):
    kbs: dict[str, Path] = Field(default_factory=dict,
                                 description='wenjin serve 的多个知识库，JSON：{"政策": "/data/policy"}；不设则只有 index 一个')
    max_loaded_kbs: int = Field(4, ge=1, le=64, description="同时载入内存的知识库个数上限（最久未用的先卸下）")
    api_token: str | None = Field(None, description="HTTP API 需要的 bearer token")
    cors_origins: list[str] = Field(default_factory=list,
                                    description='允许跨域调用 API 的来源，JSON 列表，如 ["https://chat.example.cn"]')
    frame_ancestors: list[str] = Field(default_factory=lambda: ["'self'"],
                                       description="允许用 iframe 嵌入本服务页面的来源（CSP frame-ancestors），JSON 列表")
    embed_token_ttl: int = Field(600, ge=30, le=86400, description="嵌入令牌的有效期（秒）")
    feedback_file: Path | None = Field(None, description="反馈 JSONL 文件；默认在索引目录下 feedback.jsonl")
    web: bool = Field(True, description="wenjin serve 是否提供网页（/ui）；只要 API 时设为 false")
    max_question_chars: int = Field(2000, ge=10, le=100_000, description="问题的最大字数")
    max_body_bytes: int = Field(256 * 1024, ge=1024, le=100 * 2**20, description="HTTP 请求体上限（字节）")
