"""One access rule for every route: with WENJIN_API_TOKEN set, nothing reads or writes without a credential.

A credential is the API token or an embed token (ui/embed.py), sent as `Authorization: Bearer …`,
or the session cookie a browser gets by exchanging an embed token once at `/session?token=…`:
the cookie is HttpOnly and SameSite=Lax, so no token stays in the page's URL or script. The rule
is a middleware in front of FastAPI's and Gradio's routes alike (the page, its `gradio_api`,
uploads and files), not a dependency each route must remember. Only what holds no data stays
open: the health check, the API docs, the example chat page's static HTML and the exchange itself.
"""

from __future__ import annotations

import html
import time
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from .settings import ServerSettings

from . import embed

COOKIE = "wenjin_session"
OPEN = ("/healthz", "/docs", "/redoc", "/openapi.json", "/chat-example", "/session", "/favicon.ico")
# Swagger's own assets, when served locally, hold nothing either.
OPEN_PREFIXES = ("/docs/", "/static-offline-docs/")


def caller(request: Request, settings: ServerSettings) -> dict | None:
    """Who is asking: {"user": …, "api_token": True} for the API token, an embed token's claims,
    {"user": ""} when no token is configured; None when a token is configured and none is valid."""
    if not settings.api_token:
        return {"user": ""}
    given = request.headers.get("authorization", "")
    token = given[7:] if given.startswith("Bearer ") else request.cookies.get(COOKIE, "")
    if token and embed.same_secret(token, settings.api_token):
        return {"user": "", "api_token": True}
    return embed.verify(settings.api_token, token) if token else None


def guard(app: FastAPI, settings: ServerSettings) -> None:
    """Refuse every request outside OPEN that carries no valid credential (401), and serve the exchange."""

    @app.middleware("http")
    async def access(request: Request, call_next):
        path = request.url.path
        if not settings.api_token or path in OPEN or path.startswith(OPEN_PREFIXES) or request.method == "OPTIONS":
            return await call_next(request)
        if caller(request, settings) is None:
            return _refused(request)
        return await call_next(request)

    @app.get("/session", include_in_schema=False)
    def session(request: Request, token: str = "", next: str = "/ui/"):  # noqa: A002  (the usual name)
        """Trade an embed token for the session cookie and go on to `next` (a path of this server)."""
        if not settings.api_token:
            return RedirectResponse(_local(next), status_code=303)
        claims = embed.verify(settings.api_token, token) if token else None
        if claims is None:
            return _refused(request)
        response = RedirectResponse(_local(next), status_code=303)
        response.set_cookie(COOKIE, token, max_age=max(1, int(claims["exp"] - time.time())), httponly=True,
                            samesite="lax", secure=request.url.scheme == "https", path="/")
        return response


def _local(target: str) -> str:
    """Only a path of this server: never an open redirect to another site (//evil.example, https://…)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/ui/"
    return target


def _refused(request: Request):
    message = "需要登录：请带 Authorization: Bearer <令牌> 访问，或从内部聊天页面打开（由其后端签发嵌入令牌）"
    if "text/html" in request.headers.get("accept", "") and not request.url.path.startswith(("/api/", "/v1/")):
        body = (f"<!doctype html><meta charset='utf-8'><title>问津：需要登录</title>"
                f"<p>{html.escape(message)}。</p><p>管理员可用 <code>POST /api/embed-token</code> 签发令牌，"
                f"再打开 <code>/session?token=…</code> 换取登录状态。</p>")
        return HTMLResponse(body, status_code=401)
    return JSONResponse({"error": {"message": message, "type": "authentication_error"}}, status_code=401)
