"""The HTTP API: `POST /api/ask`, OpenAI-compatible `/v1/chat/completions` and `/v1/models`, `/healthz`.

One loaded `Engine` serves every request; handlers are plain functions, so FastAPI
runs them in its thread pool and a slow answer never blocks the event loop. A new
index version written by `wenjin ingest` is picked up on the next request. Every
error is JSON `{"error": {"message", "type"}}` with a 4xx status and a reason; an
unexpected one is a 500 that names nothing local (no paths, no traceback).
"""

from __future__ import annotations

import html
import json
import logging
import threading
import time
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Annotated, Iterator, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from fastapi_offline import FastAPIOffline
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from wenjin.index import store
from wenjin.index.errors import WenjinError
from wenjin.rag.engine import Engine
from .settings import ServerSettings
from wenjin.rag.types import Answer

from . import access, embed
from . import feedback as feedback_file

log = logging.getLogger("wenjin.api")
MODEL_ID = "wenjin"


class ApiError(Exception):
    def __init__(self, status: int, message: str, kind: str = "invalid_request_error") -> None:
        super().__init__(message)
        self.status, self.message, self.kind = status, message, kind


def _encodable(text: str) -> str:
    """Python's JSON reader lets a lone UTF-16 surrogate (\\ud800) through, and no answer or file
    can hold it: refuse it where it comes in, not with a codec error later."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(_WHY["string_unicode"]) from None
    return text


Text = Annotated[str, AfterValidator(_encodable)]


class Filters(BaseModel):
    since: Text | None = None  # YYYY[-MM[-DD]], checked by the retriever (a 400 naming the field)
    until: Text | None = None
    source: Text | None = None


class AskRequest(BaseModel):
    question: Text = Field(..., description="问题")
    history: list[tuple[Text, Text]] = Field(default_factory=list, description="此前的（问题, 回答）")
    filters: Filters | None = None
    top_k: int | None = Field(None, ge=1, le=50)
    use_llm: bool = True
    kb: Text | None = Field(None, description="知识库名（服务有多个时必填；见 /v1/models）")


class EmbedTokenRequest(BaseModel):
    user: Text = Field("", max_length=200, description="宿主页面的用户标识，写入令牌与反馈")
    ttl: int | None = Field(None, ge=30, le=86400, description="有效期（秒），不超过服务设置")
    kbs: list[Text] | None = Field(None, description="令牌可读的知识库（不设则全部）")


class FeedbackRequest(BaseModel):
    question: Text = Field(..., min_length=1, max_length=5000)
    answer: Text = Field("", max_length=50_000)
    rating: Literal["up", "down"]
    comment: Text = Field("", max_length=2000)
    citations: list[dict] = Field(default_factory=list, max_length=50)
    kb: Text = Field("", max_length=200)


class ContentPart(BaseModel):
    """One part of an OpenAI message's content; only text parts are read, others (images) are kept aside."""
    model_config = ConfigDict(extra="allow")
    type: str
    text: Text | None = None


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: Text | list[ContentPart] | None = None


class ChatRequest(BaseModel):
    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(..., min_length=1)
    stream: bool = False


class Engines:
    """The loaded engine, replaced when `wenjin ingest` switches the index to a new version."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._version: Path | None = None

    def get(self) -> Engine:
        """The engine for the current index version. While one request loads a new version,
        the others keep answering from the old engine instead of waiting for it."""
        version = store.current_version(Path(self.settings.index))
        if self._engine is not None and version == self._version:
            return self._engine
        if not self._lock.acquire(blocking=self._engine is None):
            return self._engine  # someone is already loading the new version
        try:
            if self._engine is None or version != self._version:
                engine = Engine(self.settings)
                engine.warm_up()
                self._engine, self._version = engine, version
        finally:
            self._lock.release()
        return self._engine


class Library:
    """The knowledge bases one server answers from, by name (`--kb NAME=DIR`, or the one index as
    `wenjin`). Each loads on first use; at most `max_loaded_kbs` stay loaded, the least recently
    used let go (requests in flight keep theirs)."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.paths = {name: Path(path) for name, path in settings.kbs.items()} or {MODEL_ID: Path(settings.index)}
        self._loaded: OrderedDict[str, Engines] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def names(self) -> list[str]:
        return list(self.paths)

    def get(self, name: str | None = None) -> Engines:
        name = name or self.names[0]
        with self._lock:
            if name not in self._loaded:
                self._loaded[name] = Engines(self.settings.model_copy(update={"index": self.paths[name]}))
                while len(self._loaded) > self.settings.max_loaded_kbs:
                    self._loaded.popitem(last=False)
            self._loaded.move_to_end(name)
            return self._loaded[name]

    def readable(self, claims: dict) -> list[str]:
        """The bases a caller may read: all for the API token (or none configured), else the embed token's."""
        allowed = None if claims.get("api_token") else claims.get("kbs")
        return [n for n in self.names if allowed is None or n in allowed]

    def pick(self, requested: str | None, claims: dict, lenient: bool = False) -> str:
        """The base a request names (`kb`, or the OpenAI `model`); with one base a client's own model
        name (`lenient`) still means it."""
        names, readable = self.names, self.readable(claims)
        if requested in names:
            name = requested
        elif len(names) == 1 and (lenient or requested in (None, "", MODEL_ID)):
            name = names[0]
        elif requested in (None, "", MODEL_ID):
            raise ApiError(400, f"本服务有多个知识库，请指定其一（kb 或 model）：{'、'.join(readable)}")
        else:
            raise ApiError(404, f"没有知识库 {requested!r}；可用：{'、'.join(readable)}", "not_found_error")
        if name not in readable:
            raise ApiError(403, f"此令牌无权读取知识库 {name!r}", "permission_error")
        return name


def create_app(settings: ServerSettings) -> FastAPI:
    # FastAPIOffline serves Swagger's and ReDoc's assets from the package: /docs works offline
    app = FastAPIOffline(title="问津 wenjin", version="0.1.0",
                         description="对中文文章集合提问，回答中的每条事实都注明出处。")
    library = Library(settings)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    _errors(app)
    access.guard(app, settings)  # innermost: the limits and headers below wrap its refusals too
    _limits(app, settings)
    _headers(app, settings)

    def caller(request: Request) -> dict:
        """Who is asking (ui/access.py); the guard has already refused anyone without a credential."""
        claims = access.caller(request, settings)
        if claims is None:
            raise ApiError(401, "缺少、错误或已过期的访问令牌：请在请求头加 Authorization: Bearer <令牌>",
                           "authentication_error")
        return claims

    @app.post("/api/embed-token", tags=["嵌入"])
    def embed_token(body: EmbedTokenRequest, request: Request) -> dict:
        """由宿主页面的后端用 API 令牌换取短期嵌入令牌（不要把 API 令牌放进页面或 iframe 地址）。"""
        if not settings.api_token:
            raise ApiError(400, "服务未设置 WENJIN_API_TOKEN，不需要嵌入令牌")
        if not caller(request).get("api_token"):
            raise ApiError(403, "只有持 API 令牌的后端才能签发嵌入令牌", "permission_error")
        unknown = [k for k in body.kbs or [] if k not in library.names]
        if unknown:
            raise ApiError(400, f"没有知识库 {'、'.join(unknown)}；可用：{'、'.join(library.names)}")
        ttl = min(body.ttl or settings.embed_token_ttl, settings.embed_token_ttl)
        token, expires = embed.issue(settings.api_token, ttl, body.user, body.kbs)
        return {"token": token, "expires_at": expires, "user": body.user, "kbs": body.kbs or library.names}

    @app.post("/api/feedback", tags=["问答"])
    def feedback(body: FeedbackRequest, request: Request) -> dict:
        """点赞/点踩与可选评论，追加到反馈 JSONL（可据此扩充金标准）。"""
        claims = caller(request)
        if body.kb:
            library.pick(body.kb, claims)  # 404 for no such base, 403 for one this token may not read
        feedback_file.append(settings, {"user": claims.get("user", ""), **body.model_dump()})
        return {"ok": True}

    @app.api_route("/chat-example", methods=["GET", "HEAD"], include_in_schema=False)
    def chat_example():
        """An example internal chat page that talks to /v1/chat/completions (ui/static/chat.html), told
        which host origins may hand it a token by postMessage: those allowed to frame or call it."""
        trusted = [o for o in settings.frame_ancestors + settings.cors_origins if "://" in o]
        page = (Path(__file__).parent / "static" / "chat.html").read_text("utf-8")
        page = page.replace('<meta name="wenjin-origins" content="[]">',
                            f'<meta name="wenjin-origins" content="{html.escape(json.dumps(trusted))}">', 1)
        return HTMLResponse(page)

    @app.api_route("/healthz", methods=["GET", "HEAD"], tags=["运维"])  # HEAD: load balancers' probes
    def healthz() -> dict:
        engine = library.get().get()
        ix = engine.index
        return {"status": "ok", "index_version": ix.path.name, "documents": ix.manifest["counts"]["documents"],
                "chunks": ix.manifest["counts"]["chunks"], "legs": engine.legs,
                "dense_pending": engine.retriever.dense_pending, "llm": engine.llm is not None, "kbs": library.names}

    @app.post("/api/ask", tags=["问答"])
    def ask(body: AskRequest, request: Request) -> dict:
        """与 `wenjin ask --json` 相同的 JSON。"""
        kb = library.pick(body.kb, caller(request))
        question = _question(body.question, settings)
        filters = body.filters.model_dump(exclude_none=True) if body.filters else None
        answer = library.get(kb).get().ask(question, body.history, filters or None, body.top_k, body.use_llm)
        return {**answer.to_dict(), "kb": kb}

    @app.api_route("/v1/models", methods=["GET", "HEAD"], tags=["OpenAI 兼容"])
    def models(request: Request) -> dict:
        """每个可读的知识库是一个 model。"""
        return {"object": "list", "data": [{"id": name, "object": "model", "created": 0, "owned_by": "wenjin"}
                                           for name in library.readable(caller(request))]}

    @app.post("/v1/chat/completions", tags=["OpenAI 兼容"])
    def chat(body: ChatRequest, request: Request):
        kb = library.pick(body.model, caller(request), lenient=True)
        question, history = _conversation(body.messages, settings)
        engine = library.get(kb).get()
        if body.stream:
            return StreamingResponse(_sse(engine, question, history), media_type="text/event-stream")
        answer = engine.ask(question, history)
        return {"id": f"chatcmpl-{uuid.uuid4().hex[:12]}", "object": "chat.completion", "created": int(time.time()),
                "model": MODEL_ID,
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": with_sources(answer)}}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                "citations": answer.to_dict()["citations"], "wenjin": answer.to_dict()}

    if settings.web:
        from . import web

        web.mount(app, library, settings)
    return app


def _question(text: str, settings: ServerSettings) -> str:
    text = (text or "").strip()
    if not text:
        raise ApiError(400, "问题不能为空")
    if len(text) > settings.max_question_chars:
        raise ApiError(400, f"问题太长（{len(text)} 字，上限 {settings.max_question_chars} 字）")
    return text


def _text(content) -> str:
    """OpenAI message content: a string, or a list of parts of which the text parts count."""
    if isinstance(content, list):
        return "".join(p.text or "" for p in content if p.type == "text")
    return content or ""


def _conversation(messages: list[ChatMessage], settings: ServerSettings) -> tuple[str, list[tuple[str, str]]]:
    """The last user message is the question; earlier user/assistant pairs are the history."""
    if messages[-1].role != "user":
        raise ApiError(400, "messages 的最后一条应是 user 消息（要回答的问题）")
    question = _question(_text(messages[-1].content), settings)
    history, pending = [], None
    for m in messages[:-1]:
        if m.role == "user":
            pending = _text(m.content)
        elif m.role == "assistant" and pending is not None:
            history.append((pending, _text(m.content)))
            pending = None
    return question, history


def sources_text(answer: Answer) -> str:
    if not answer.citations:
        return ""
    lines = [f"[{c.n}] 《{c.title or c.source}》{' ' + c.date if c.date else ''} {c.source}：“{c.quote}”"
             for c in answer.citations]
    return "\n\n来源：\n" + "\n".join(lines)


def with_sources(answer: Answer) -> str:
    """The answer as a chat client shows it: text with [n] markers, then the numbered sources."""
    return answer.text + sources_text(answer)


def _sse(engine: Engine, question: str, history) -> Iterator[bytes]:
    """OpenAI-style SSE: text deltas, then the sources as a last delta carrying `citations`, then [DONE]."""
    cid, created = f"chatcmpl-{uuid.uuid4().hex[:12]}", int(time.time())

    def chunk(delta: dict, finish=None, **extra) -> bytes:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n".encode()

    yield chunk({"role": "assistant", "content": ""})
    try:
        streamed = []
        for piece in engine.stream(question, history):
            if isinstance(piece, Answer):
                answer = piece
            else:
                streamed.append(piece)
                yield chunk({"content": piece})
        tail = sources_text(answer)
        if not "".join(streamed).endswith(answer.text):  # checking changed the text: say so, in full
            tail = "\n\n（核对引用后的回答）\n" + answer.text + tail
        yield chunk({"content": tail}, "stop", citations=answer.to_dict()["citations"], wenjin=answer.to_dict())
    except Exception:  # the status line is already sent: report in-band, never a traceback
        log.exception("stream failed")
        yield chunk({"content": "\n（服务器内部错误，回答中断）"}, "error")
    yield b"data: [DONE]\n\n"


def _errors(app: FastAPI) -> None:
    def error(status: int, message: str, kind: str) -> JSONResponse:
        return JSONResponse({"error": {"message": message, "type": kind}}, status_code=status)

    @app.exception_handler(ApiError)
    def api_error(request, exc: ApiError):
        return error(exc.status, exc.message, exc.kind)

    @app.exception_handler(RequestValidationError)
    def invalid(request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "请求体"
        if first.get("type") == "json_invalid":
            return error(400, "请求体不是合法的 JSON", "invalid_request_error")
        why = _WHY.get(first.get("type", ""), first.get("msg", "")).format(**first.get("ctx", {}))
        return error(422, f"字段 {where} 不合要求：{why}", "invalid_request_error")

    @app.exception_handler(StarletteHTTPException)
    def http_error(request, exc: StarletteHTTPException):
        message = {400: "请求体无法解析：请发送 UTF-8 编码的合法 JSON",  # FastAPI's own: undecodable or too deep
                   404: "没有这个地址；接口见 /docs", 405: "不支持这个请求方法"}.get(exc.status_code, str(exc.detail))
        return error(exc.status_code, message, "invalid_request_error")

    @app.exception_handler(WenjinError)
    def wenjin_error(request, exc: WenjinError):
        return error(503, "索引不可用：请先运行 wenjin ingest 建立索引，再重试", "index_unavailable")

    @app.exception_handler(ValueError)
    def value_error(request, exc: ValueError):
        return error(400, str(exc), "invalid_request_error")

    @app.exception_handler(Exception)
    def unexpected(request, exc: Exception):
        log.exception("unexpected error")
        return error(500, "服务器内部错误", "server_error")


# What pydantic's commonest complaints mean, said in Chinese (its own messages are English).
_WHY = {
    "missing": "缺少这个字段",
    "string_type": "应为字符串",
    "string_unicode": "含无法编码的字符（孤立的 UTF-16 代理项）；请检查客户端的文本编码",
    "string_too_short": "太短（至少 {min_length} 个字符）",
    "string_too_long": "太长（至多 {max_length} 个字符）",
    "int_type": "应为整数", "int_parsing": "应为整数", "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false", "bool_parsing": "应为 true 或 false",
    "greater_than_equal": "应不小于 {ge}", "less_than_equal": "应不大于 {le}",
    "literal_error": "应为 {expected} 之一",
    "list_type": "应为数组", "tuple_type": "应为数组", "too_short": "元素太少", "too_long": "元素太多",
    "dict_type": "应为对象", "model_type": "应为对象", "model_attributes_type": "应为对象",
    "union_tag_invalid": "类型不对", "extra_forbidden": "不认识这个字段", "value_error": "{error}",
}


def _limits(app: FastAPI, settings: ServerSettings) -> None:
    @app.middleware("http")
    async def body_size(request: Request, call_next):
        size = request.headers.get("content-length")
        uploads = request.url.path.startswith("/ui/")  # the page's file upload has its own limit
        if size and size.isdigit() and int(size) > settings.max_body_bytes and not uploads:
            return JSONResponse({"error": {"message": f"请求体过大（{size} 字节，上限 {settings.max_body_bytes}）",
                                           "type": "invalid_request_error"}}, status_code=413)
        return await call_next(request)


def _headers(app: FastAPI, settings: ServerSettings) -> None:
    """Who may frame these pages (CSP frame-ancestors), and no content-type sniffing."""
    policy = "frame-ancestors " + " ".join(settings.frame_ancestors or ["'none'"])

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response
