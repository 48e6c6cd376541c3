"""How ``newsevents serve`` runs the app: uvicorn with a deadline for headers.

uvicorn closes idle keep-alive connections but lets a new connection send its
request headers as slowly as it likes, so a thousand clients trickling a byte
at a time keep a thousand sockets and buffers (a slowloris). The protocol here
closes a connection whose request headers have not all arrived within
``header_seconds`` of it opening, or of the previous response. Proxy headers
(``X-Forwarded-For``) are believed only from addresses the operator names:
uvicorn trusts them from loopback by default, which let any local client pick
its own rate-limit bucket.
"""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

#: Seconds a client has to send its request line and headers.
HEADER_SECONDS = 10.0


class _HeaderDeadline(H11Protocol):
    header_seconds = HEADER_SECONDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def _arm(self) -> None:
        self.loop.call_later(self.header_seconds, self._check, self.cycle)

    def _check(self, cycle_then: Any) -> None:
        # the same cycle as when the deadline was set, and it is over (or there was
        # none): no request has begun since, so its headers are too slow
        idle = self.cycle is cycle_then and (self.cycle is None or self.cycle.response_complete)
        if idle and not self.transport.is_closing():
            self.transport.close()


def protocol(header_seconds: float) -> type[H11Protocol]:
    """The HTTP protocol class with its header deadline."""
    return type("HeaderDeadline", (_HeaderDeadline,), {"header_seconds": header_seconds})


def server_config(
    app: Any,
    host: str = "127.0.0.1",
    port: int = 8000,
    header_seconds: float = HEADER_SECONDS,
    trusted_proxies: str | None = None,
) -> uvicorn.Config:
    """The uvicorn configuration the CLI and the tests both use."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        http=protocol(header_seconds),
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=trusted_proxies or "",
        timeout_keep_alive=5,
    )
