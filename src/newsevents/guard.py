"""What stands between the API and its clients: body size, request rate, headers.

A plain ASGI middleware rather than FastAPI's decorator, because a size limit
must hold for bodies sent without a Content-Length (chunked) too: the body is
read here, at most ``max_body`` bytes of it, before the app sees it. The rate
limit is a token bucket per client address; it protects a dashboard on a
newsroom network from one noisy client, not from a distributed attack.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    ),
]


#: The API docs pages: Swagger UI and ReDoc set styles by injecting <style>
#: elements, and ReDoc's search runs in a worker made from a blob. Their scripts
#: still come only from the package ('self'); only these two pages get this.
DOCS_HEADERS = [
    *SECURITY_HEADERS[:3],
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        b"script-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
        b"frame-ancestors 'none'",
    ),
]
DOCS_PATHS = frozenset(["/docs", "/redoc"])


class _Buckets:
    """Token buckets by client: ``rate`` tokens a second, at most ``burst`` saved up."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.state: dict[str, tuple[float, float]] = {}

    def take(self, client: str) -> float:
        """0 when the request may go, else the seconds until it could."""
        now = time.monotonic()
        tokens, last = self.state.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self.state[client] = (tokens - 1, now)
            if len(self.state) > 10_000:  # forget idle clients; their buckets are full again
                self.state = {k: v for k, v in self.state.items() if now - v[1] < 60}
            return 0.0
        self.state[client] = (tokens, now)
        return (1 - tokens) / self.rate


#: Seconds a client has to send a whole request body. A slow or stalled upload
#: would otherwise hold its buffer and a worker for as long as it likes.
BODY_SECONDS = 30.0


class Guard:
    """Size, rate, token and time limits, in that order, before the app runs.

    A write is refused (403 when writing is disabled, 401 for a wrong token)
    from its headers alone, before a byte of its body is read: nobody who may
    not write can make the server buffer megabytes. HEAD is answered as GET
    without the body.
    """

    def __init__(
        self,
        app: App,
        max_body: int,
        rate: float = 0.0,
        burst: float = 0.0,
        token: str | None = None,
        body_seconds: float = BODY_SECONDS,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.token = token
        self.body_seconds = body_seconds
        self.reads = _Buckets(rate, burst or rate * 4) if rate > 0 else None
        self.writes = _Buckets(rate / 10, max(2.0, rate / 2)) if rate > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            # no field of ours holds a NUL, and PostgreSQL text cannot
            await _reply(send, 400, "NUL character in the request")
            return
        write = scope["method"] not in ("GET", "HEAD", "OPTIONS")
        buckets = self.writes if write else self.reads
        if buckets is not None:
            client = (scope.get("client") or ("?", 0))[0]
            wait = buckets.take(client)
            if wait > 0:
                await _reply(send, 429, "too many requests", [(b"retry-after", _secs(wait))])
                return
        if write:
            headers = dict(scope.get("headers") or [])
            refusal = write_refusal(self.token, headers.get(b"authorization", b""))
            if refusal is not None:
                await _reply(send, *refusal)
                return
            declared = headers.get(b"content-length", b"")
            if declared.isdigit() and int(declared) > self.max_body:
                await _reply(send, 413, "request body too large")
                return
            body, more = b"", True
            deadline = time.monotonic() + self.body_seconds
            while more:
                try:
                    message = await asyncio.wait_for(receive(), deadline - time.monotonic())
                except TimeoutError:
                    await _reply(send, 408, "request body not received in time")
                    return
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    await _reply(send, 413, "request body too large")
                    return
            receive = _replay(body)

        head = scope["method"] == "HEAD"
        if head:  # the GET route answers; its body is not sent
            scope = {**scope, "method": "GET"}

        extra = DOCS_HEADERS if scope.get("path") in DOCS_PATHS else SECURITY_HEADERS

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, with_headers)


def write_refusal(token: str | None, authorization: bytes) -> tuple[int, str] | None:
    """(status, reason) when an ``Authorization`` header may not write, else None.
    The guard asks before reading a body; the ingest endpoint asks again."""
    if not token:
        return 403, "ingest is disabled: the operator set no token"
    given = authorization.removeprefix(b"Bearer ").strip()
    if not given or not hmac.compare_digest(given, token.encode()):
        return 401, "a valid token is required to write"
    return None


def _secs(wait: float) -> bytes:
    return str(max(1, math.ceil(wait))).encode()


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _reply(
    send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    payload = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *(headers or []),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
