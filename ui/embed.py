"""Short-lived embed tokens, so a page that frames wenjin never holds the long-lived API token.

The host page's backend (which knows WENJIN_API_TOKEN) asks `POST /api/embed-token` for a
token valid a few minutes, optionally naming the user, and hands it to the widget. The token
is `payload.signature`: base64url JSON {exp, user, kbs?} signed with HMAC-SHA256 keyed by the API
token, so rotating the API token revokes every embed token. Hand-written because it is a
dozen lines of the standard library; a JWT library would add a dependency for the same thing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())


def issue(secret: str, ttl: int, user: str = "", kbs: list[str] | None = None) -> tuple[str, int]:
    """(token, expiry as a Unix time). `kbs`: the knowledge bases it may read (None: all)."""
    expires = int(time.time()) + ttl
    claims = {"exp": expires, "user": user, **({"kbs": kbs} if kbs is not None else {})}
    payload = _b64(json.dumps(claims, ensure_ascii=False).encode())
    return f"{payload}.{_sign(secret, payload)}", expires


def same_secret(given: str, secret: str) -> bool:
    """Constant-time comparison that any header or form value can go through (compare_digest
    raises TypeError on a str with non-ASCII characters, which a client can send)."""
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), secret.encode("utf-8", "surrogateescape"))


def verify(secret: str, token: str) -> dict | None:
    """The token's claims if it is genuine and unexpired, else None."""
    payload, _, signature = token.partition(".")
    if not payload or not same_secret(signature, _sign(secret, payload)):
        return None
    try:
        claims = json.loads(_unb64(payload))
    except ValueError:
        return None
    return claims if isinstance(claims, dict) and claims.get("exp", 0) > time.time() else None
