"""A bounded load test of the API on loopback: N concurrent clients for S seconds.

Starts ``newsevents serve`` in its own process over a database (the bundled
examples and the reference article, ingested first when the database is
missing), with the rate limit off so that the server, not the limiter, is
measured. Each client loops over a mix of the dashboard's requests. Prints
requests, errors (any status but 200, or no answer within 60 s) and latency
percentiles.

    python benchmarks/load_api.py --clients 50 --seconds 60 [--db PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PATHS = [
    "/api/events?limit=50",
    "/api/events?actor=putin&type=CONSULT",
    "/api/events?q=ceasefire",
    "/api/timeline",
    "/api/graph",
    "/api/countries",
    "/api/claims/compare",
    "/api/clusters",
    "/api/entities",
    "/api/articles",
    "/",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def _client(
    base: str, paths: list[str], deadline: float, latencies: list[float], errors: list[str]
) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        i = 0
        while time.monotonic() < deadline:
            path = paths[i % len(paths)]
            i += 1
            start = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: {response.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}")
            latencies.append(time.perf_counter() - start)


async def _article_paths(base: str) -> list[str]:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        items = (await http.get("/api/articles")).json()["items"]
    return [f"/api/articles/{a['id']}" for a in items[:5]]


def run_load(db: str, clients: int, seconds: float) -> dict[str, Any]:
    """Serve ``db`` and load it; returns the figures."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsevents", "serve", "--db", db, "--port", str(port),
         "--rate-limit", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start (exit {server.poll()})") from None
                time.sleep(0.2)
        paths = PATHS + asyncio.run(_article_paths(base))
        latencies: list[float] = []
        errors: list[str] = []

        async def main() -> None:
            end = time.monotonic() + seconds
            await asyncio.gather(
                *(_client(base, paths, end, latencies, errors) for _ in range(clients))
            )

        started = time.perf_counter()
        asyncio.run(main())
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(30)
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:10],
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * _percentile(latencies, 0.50), 1),
        "p95_ms": round(1000 * _percentile(latencies, 0.95), 1),
        "p99_ms": round(1000 * _percentile(latencies, 0.99), 1),
        "max_ms": round(1000 * max(latencies, default=0.0), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--db", help="database to serve (default: a fresh one of the examples)")
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = os.path.join(tempfile.mkdtemp(prefix="newsevents-load-"), "load.db")
        from newsevents.ingest_run import run_ingest

        run_ingest([ROOT / "examples", ROOT.parent / "shared" / "examples"], db, progress=False)
    print(json.dumps(run_load(db, args.clients, args.seconds), indent=2))


if __name__ == "__main__":
    main()
