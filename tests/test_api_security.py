"""Hostile clients: injection in every parameter, traversal, size, rate, token, fuzzing."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsevents.api import create_app
from newsevents.ingest_run import run_ingest

from .conftest import REFERENCE, ROOT
from .server import call, running_server

TOKEN = "sec-token-456"

INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "1) UNION SELECT text, text FROM articles --",
    "%' AND 1=0 UNION SELECT NULL --",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "/etc/passwd",
    "\\..\\..\\windows\\win.ini",
    "<script>alert(1)</script>",
    "\u0000",
    "ﬀ" * 300,
    "9" * 400,
    "-1",
    "1e309",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("sec") / "sec.db")
    run_ingest([ROOT / "examples", REFERENCE], path, progress=False)
    return path


@pytest.fixture(scope="module")
def api(db: str) -> Iterator[str]:
    with running_server(db, token=TOKEN) as url:
        yield url


def _operations() -> list[tuple[str, list[str], list[str]]]:
    """(path, path parameters, query parameters) of every GET operation in the spec."""
    spec = create_app(":memory:").openapi()
    found = []
    for path, ops in spec["paths"].items():
        if "get" not in ops:
            continue
        params = ops["get"].get("parameters", [])
        found.append(
            (
                path,
                [p["name"] for p in params if p["in"] == "path"],
                [p["name"] for p in params if p["in"] == "query"],
            )
        )
    return found


def _counts(db: str) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    return int(articles), int(events)


def test_injection_in_every_parameter_is_inert(api: str, db: str) -> None:
    before = _counts(db)
    operations = _operations()
    assert len(operations) >= 10
    tried = 0
    for path, path_params, query_params in operations:
        for payload in INJECTIONS:
            quoted = urllib.parse.quote(payload, safe="")
            url_path = path
            for name in path_params:
                url_path = url_path.replace("{" + name + "}", quoted)
            targets = [url_path] if path_params else []
            targets += [f"{url_path}?{name}={quoted}" for name in query_params]
            for target in targets:
                status, body = call(api + target)
                tried += 1
                assert status < 500, (target, status, body)
                text = json.dumps(body) if not isinstance(body, str) else body
                assert "root:x:0:0" not in text and "Traceback" not in text, target
                assert "sqlite3" not in text.lower() and "syntax error" not in text.lower()
    assert tried > 300
    assert _counts(db) == before  # nothing dropped, nothing added


@pytest.mark.parametrize(
    "target",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2fpyproject.toml",
        "/static/%2e%2e%2f%2e%2e%2fapi.py",
        "/..%2f..%2f..%2fetc/passwd",
    ],
)
def test_path_traversal_reaches_no_file(api: str, target: str) -> None:
    host, port = urllib.parse.urlsplit(api).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    status = int(raw.split(b" ", 2)[1])
    assert status in (400, 404), raw[:300]
    assert b"root:x:0:0" not in raw and b"[project]" not in raw and b"create_app" not in raw


def test_writes_are_refused_without_the_right_token(api: str) -> None:
    article = {"articles": [{"text": "Iran rejected talks with the United States on Monday."}]}
    assert call(f"{api}/api/ingest", "POST", article)[0] == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert call(f"{api}/api/ingest", "POST", article, wrong)[0] == 401
    almost = {"Authorization": f"Bearer {TOKEN[:-1]}"}
    assert call(f"{api}/api/ingest", "POST", article, almost)[0] == 401
    for method in ("PUT", "DELETE", "PATCH"):
        assert call(f"{api}/api/events", method, {})[0] in (401, 403, 405)


def test_oversized_chunked_body_is_refused(api: str) -> None:
    """No Content-Length to judge by: the limit holds while the body streams in."""
    host, port = urllib.parse.urlsplit(api).netloc.split(":")
    chunk = b"x" * (1024 * 1024)
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall(
            b"POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer " + TOKEN.encode() + b"\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        try:
            for _ in range(8):
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before the end of the body
        status_line = sock.recv(200).split(b"\r\n", 1)[0]
    assert status_line.split()[1] == b"413"


def test_rate_limit_answers_429_with_retry_after(db: str) -> None:
    with running_server(db, token=TOKEN, rate_limit=5.0) as url:
        statuses = [call(f"{url}/api/countries")[0] for _ in range(40)]
        assert statuses[:20] == [200] * 20  # a burst of four times the rate goes through
        assert 429 in statuses
        import urllib.request

        try:
            urllib.request.urlopen(f"{url}/api/countries", timeout=10)
            raise AssertionError("expected 429")
        except urllib.error.HTTPError as exc:
            assert exc.code == 429 and int(exc.headers["Retry-After"]) >= 1
        time.sleep(1.5)
        assert call(f"{url}/api/countries")[0] == 200  # the bucket refills


def test_responses_carry_security_headers(api: str) -> None:
    import urllib.request

    with urllib.request.urlopen(f"{api}/api/events", timeout=30) as resp:
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
        assert resp.headers["X-Frame-Options"] == "DENY"


def test_schemathesis_finds_no_server_error(api: str, tmp_path: Path) -> None:
    """Property-based requests from the OpenAPI description, bounded for CI."""
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            f"{api}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "30",
            "--seed",
            "1",
            "-H",
            f"Authorization: Bearer {TOKEN}",
            "--report",
            "junit",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    found = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert found is not None, result.stdout[-2000:]
    generated, passed = map(int, found.groups())
    assert generated == passed and generated > 300


def test_an_unusable_database_answers_503_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "not-a-db").mkdir()  # a folder where the database file should be
    with running_server(str(tmp_path / "not-a-db"), token=TOKEN) as url:
        status, body = call(f"{url}/api/events")
        assert status == 503 and "try again" in body["detail"]
        assert "not-a-db" not in json.dumps(body)  # the path is not told to clients


def test_an_extractor_failure_costs_only_its_article(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsevents.pipeline as pipeline

    real = pipeline.analyze

    def fragile(article: Any, nlp: Any = None) -> Any:
        if "BOOM" in article.text:
            raise RuntimeError("an extractor bug")
        return real(article, nlp)

    monkeypatch.setattr(pipeline, "analyze", fragile)
    body = {
        "articles": [
            {"text": "BOOM. Iran rejected talks with the United States on Monday, officials said."},
            {"text": "Protesters marched in Nairobi on Friday against new taxes, police said."},
        ]
    }
    with running_server(db, token=TOKEN) as url:
        status, result = call(
            f"{url}/api/ingest", "POST", body, {"Authorization": f"Bearer {TOKEN}"}
        )
    assert status == 201
    assert result["failed"] == [{"index": 0, "problem": "analysis failed: RuntimeError"}]
    assert len(result["stored"]) == 1
