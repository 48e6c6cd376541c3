"""Reliability, round two: inputs that crashed a run, dropped text or stalled.

Each test drives what a user runs (the CLI as a subprocess, the library on real
sentences) and checks that one bad article costs only itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language

from newsevents import analyze, article_from_text
from newsevents.budget import AnalysisTimeout, time_budget
from newsevents.budget import check as check_budget

SHELLING = (
    "Russian forces shelled Kharkiv on Monday, killing 12 civilians, officials said.\n\n"
    "Zelensky said Ukraine would respond."
)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsevents", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def run_on(parties: int) -> str:
    """An unpunctuated run-on sentence of ``parties`` attacks."""
    names = ["Russia", "Ukraine", "Israel", "Hamas", "Syria", "Turkey"]
    return " and ".join(f"{names[i % 6]} attacked {names[(i + 1) % 6]}" for i in range(parties))


def test_a_line_break_after_on_is_read_as_a_date(nlp: Language) -> None:
    art = article_from_text(
        "The foreign ministers of France and Germany said they will meet on\n"
        "Monday in Geneva to discuss the ceasefire.",
        title="Ministers to meet",
        published="2025-03-12",
    )
    times = analyze(art, nlp).times
    assert [t.text for t in times] == ["Monday"]
    assert times[0].value is not None


def test_an_extractor_failure_costs_only_its_article_in_analyze(tmp_path: Path) -> None:
    # A time budget of a millisecond cannot be met by the run-on article, and is
    # met by nothing else either: every article is reported by its file, none
    # takes the others down, and the output is still well-formed.
    (tmp_path / "runon.txt").write_text("Attacks\n\n" + run_on(600) + ".\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(SHELLING, encoding="utf-8")
    lines = tmp_path / "wire.jsonl"
    lines.write_text(
        json.dumps({"title": "Attacks", "text": run_on(601) + "."})
        + "\n"
        + json.dumps({"title": "Shelling", "text": SHELLING.replace("12", "14")})
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("analyze", str(tmp_path), "--time-budget", "0.001", "--format", "jsonl")
    assert result.returncode == 1
    assert f"{tmp_path / 'runon.txt'}: analysis took longer than" in result.stderr
    assert f"{lines}:1: analysis took longer than" in result.stderr
    generous = run_cli("analyze", str(tmp_path), "--time-budget", "600", "--format", "jsonl")
    assert generous.returncode == 0, generous.stderr
    docs = [json.loads(line) for line in generous.stdout.splitlines()]
    assert len(docs) == 4
    assert {d["article"]["title"] for d in docs} == {"Attacks", "Shelling", None}


def test_the_time_budget_names_the_article() -> None:
    with time_budget(0.0, "wire.jsonl:7"):
        time.sleep(0.01)
        with pytest.raises(AnalysisTimeout) as caught:
            check_budget()
    assert caught.value.source == "wire.jsonl:7"
    with time_budget(None, "x"):
        check_budget()  # no budget, no error


@pytest.mark.parametrize("parties", [400, 1600])
def test_a_run_on_sentence_is_coded_in_time_proportional_to_its_length(
    nlp: Language, parties: int
) -> None:
    # Not a timing assertion: the run-on sentence must finish within the default
    # budget at all (it took minutes before) and still yield its attacks.
    art = article_from_text(run_on(parties) + ".", title="Attacks")
    events = analyze(art, nlp).events
    assert {e.type for e in events} == {"ASSAULT"}


# -- inputs ----------------------------------------------------------------------


def test_a_lone_surrogate_fails_its_line_only_and_again_on_rerun(tmp_path: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"text": SHELLING.replace("Kharkiv", "Kharkiv \ud800")}),
        json.dumps({"title": "Bad \udfff title", "text": SHELLING.replace("12", "13")}),
        json.dumps({"title": "Shelling", "text": SHELLING}),
    ]
    wire.write_text("\n".join(lines) + "\n", encoding="utf-8")  # escaped: valid UTF-8 JSON
    db = tmp_path / "store.db"
    for _ in range(2):  # the rerun neither dies at the same line nor grows the report
        result = run_cli("ingest", str(wire), "--db", str(db))
        assert result.returncode == 1, result.stderr
        assert f"{wire}:1: not valid Unicode: a lone surrogate U+D800" in result.stderr
        assert f"{wire}:2: 'title' is not valid Unicode" in result.stderr
    from newsevents.store import open_store

    with open_store(db) as store:
        assert store.counts()["articles"] == 1
        failures = store.execute("SELECT input, line FROM failures ORDER BY line")
    assert failures == [(str(wire), 1), (str(wire), 2)]


def test_zero_width_spaces_do_not_split_names(nlp: Language) -> None:
    art = article_from_text(
        "Armenian Foreign Minister Ararat Mir\u200bzoyan met Azerbaijani Foreign Minister "
        "Jeyhun Bayramov in Geneva on Monday, the ministry said.",
        title="Talks",
    )
    assert "\u200b" not in art.text
    names = {e.name for e in analyze(art, nlp).entities}
    assert "Ararat Mirzoyan" in names


def test_impossible_times_in_published_are_refused() -> None:
    from newsevents import InputError

    with pytest.raises(InputError, match="not a date"):
        article_from_text(SHELLING, published="2025-03-13T25:99")
    assert article_from_text(SHELLING, published="2025-03-13T23:59:00Z").published == ("2025-03-13")


def test_a_text_that_is_only_its_headline_is_analysed(nlp: Language) -> None:
    headline = "Russian forces shell Kharkiv, killing 12 civilians"
    art = article_from_text(headline, title=headline)
    assert art.text == headline and art.title == headline
    assert "ASSAULT" in {e.type for e in analyze(art, nlp).events}


def test_without_a_title_the_lead_paragraph_is_analysed(nlp: Language) -> None:
    art = article_from_text(SHELLING)
    assert art.title is None and art.text.startswith("Russian forces shelled Kharkiv")
    result = analyze(art, nlp)
    assert "ASSAULT" in {e.type for e in result.events}
    assert [c.value for c in result.claims] == [12]
    titled = article_from_text("Kharkiv shelled\n\n" + SHELLING)  # a real headline is one
    assert titled.title == "Kharkiv shelled" and titled.text.startswith("Russian forces")


def test_html_is_decoded_by_the_charset_it_declares(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Talks in Genève</title></head>'
        "<body><article><p>The ministers of France and Germany met in Genève on Friday "
        "and agreed to resume the talks next week, officials said.</p>"
        "<p>“We are ready,” the French minister said.</p></article></body></html>"
    ).encode("cp1252")
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / "undeclared.txt").write_bytes("Genève talks resumed on Friday.".encode("cp1252"))
    result = run_cli("analyze", str(tmp_path), "--format", "jsonl")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["title"] for d in docs] == ["Talks in Genève"]
    assert "“We are ready,”" in docs[0]["article"]["text"]
    assert "undeclared.txt: not UTF-8" in result.stderr  # no declaration: still no guess


def test_folders_say_what_they_could_not_read(tmp_path: Path) -> None:
    import gzip

    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "one.txt").write_text(SHELLING, encoding="utf-8")
    with gzip.open(root / "wire.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "Police detained 40 students in Tbilisi on Friday."}) + "\n")
    (root / "notes.gz").write_bytes(gzip.compress(b"something"))
    (root / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(root / "pipe.txt")
    os.mkfifo(tmp_path / "given.txt")
    result = run_cli("analyze", str(root), str(tmp_path / "given.txt"), "--format", "jsonl")
    err = result.stderr
    assert result.returncode == 1
    assert f"{root / 'dangling.txt'}: broken symbolic link" in err
    assert f"{root / 'pipe.txt'}: not a regular file (a FIFO)" in err
    assert f"{tmp_path / 'given.txt'}: not a regular file (a FIFO)" in err  # no hang
    assert f"{root / 'notes.gz'}: compressed file of unknown content" in err
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 2  # sub/one.txt and the line inside wire.jsonl.gz
    assert any("Tbilisi" in d["article"]["text"] for d in docs)


def test_a_folder_that_cannot_be_entered_is_reported(tmp_path: Path) -> None:
    """As root every folder opens, so the refusal is made by the file system call
    the walk uses; what is tested is what the reader does with it."""
    from unittest import mock

    from newsevents import InputError
    from newsevents.ingest import iter_inputs

    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "one.txt").write_text(SHELLING, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "two.txt").write_text(SHELLING, encoding="utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    with mock.patch("os.scandir", scandir):
        items = list(iter_inputs([tmp_path]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.source, e.problem) for e in errors] == [
        (str(tmp_path / "locked"), "cannot read folder: Permission denied")
    ]
    assert len(items) == 2  # the readable file is still read


# -- the store -------------------------------------------------------------------


def test_processes_opening_a_new_database_at_once_all_succeed(db_url: str) -> None:
    opener = (
        "import sys; from newsevents.store import open_store; "
        "s = open_store(sys.argv[1]); print(s.migrate()); s.close()"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", opener, db_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    outcomes = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, [err for _, err in outcomes]
    from newsevents.store import open_store
    from newsevents.store.schema import migrations

    with open_store(db_url) as store:
        versions = store.execute("SELECT version FROM schema_migrations ORDER BY version")
    assert versions == [(n,) for n, _, _ in migrations("sqlite")]


def test_a_nul_in_metadata_is_that_articles_failure_only(db_url: str, tmp_path: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    wire.write_text(
        json.dumps({"title": "Kharkiv\u0000shelled", "text": SHELLING})
        + "\n"
        + json.dumps({"source": "Wire\u0000", "text": SHELLING.replace("12", "15")})
        + "\n"
        + json.dumps({"source": "Wire", "text": SHELLING.replace("12", "16")})
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("ingest", str(wire), "--db", db_url)
    assert result.returncode == 1, result.stderr  # failures, not a stopped store
    assert f"{wire}:1: 'title' contains a NUL character" in result.stderr
    assert f"{wire}:2: 'source' contains a NUL character" in result.stderr
    assert "1 stored" in result.stderr


def test_syndicated_copies_count_as_reports_from_their_outlets(db_url: str, tmp_path: Path) -> None:
    text = (
        "Russian forces shelled Kharkiv on Monday, killing 12 civilians, the regional "
        "governor said.\n\nUkrainian President Volodymyr Zelensky condemned the attack."
    )
    for outlet in ("Wire A", "Paper B"):
        (tmp_path / f"{outlet[-1]}.jsonl").write_text(
            json.dumps({"text": text, "source": outlet, "url": f"https://{outlet[-1]}.example/k"})
            + "\n",
            encoding="utf-8",
        )
    result = run_cli("ingest", str(tmp_path / "A.jsonl"), str(tmp_path / "B.jsonl"), "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert "1 stored, 1 already there (1 seen at a new outlet, URL or date)" in result.stderr
    again = run_cli("ingest", str(tmp_path / "B.jsonl"), "--db", db_url)  # nothing new
    assert "(0 seen at a new outlet" in again.stderr
    from newsevents.store import open_store

    with open_store(db_url) as store:
        (aid,) = store.article_ids()
        outlets = {o["outlet"] for o in store.occurrences(aid)}
        clusters = store.execute("SELECT num_articles, num_sources, sources FROM event_clusters")
    assert outlets == {"Wire A", "Paper B"}
    assert clusters and all(n == 2 and s == 2 for n, s, _ in clusters)
    out = tmp_path / "events.tsv"
    assert run_cli("export", "--db", db_url, "--format", "gdelt", "--out", str(out)).returncode == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    with open_store(db_url) as store:
        members = store.execute("SELECT COUNT(*) FROM cluster_members")[0][0]
    # NumSources and NumArticles: two outlets, two documents; NumMentions: every
    # report of the event in each of the two documents
    assert rows and all(row[32:34] == ["2", "2"] for row in rows)
    assert sum(int(row[31]) for row in rows) == 2 * members


def test_an_extractor_failure_is_recorded_by_file_and_line(tmp_path: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    wire.write_text(
        json.dumps({"title": "Attacks", "text": run_on(300) + "."}) + "\n", encoding="utf-8"
    )
    db = tmp_path / "s.db"
    result = run_cli("ingest", str(wire), "--db", str(db), "--time-budget", "0.001")
    assert result.returncode == 1
    from newsevents.store import open_store

    with open_store(db) as store:
        rows = store.execute("SELECT input, line, problem FROM failures")
    assert [(i, n) for i, n, _ in rows] == [(str(wire), 1)]
    assert "budget" in rows[0][2]


# -- the server ------------------------------------------------------------------


def _raw(url: str, request: bytes, wait: float = 30.0) -> bytes:
    """Send ``request`` as it is on a new connection; what came back before the
    server answered or closed (b"" when it closed without a word)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=wait) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks):
                    break
        except TimeoutError:
            return b"<no answer>"
        return b"".join(chunks)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    from newsevents.store import open_store

    db = str(tmp_path_factory.mktemp("srv") / "srv.db")
    with open_store(db) as store:
        store.save(analyze(article_from_text(SHELLING, published="2025-03-10")))
    return db


def test_writes_are_refused_before_their_body_is_read(small_store: str) -> None:
    from .server import running_server

    head = (
        b"POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 4900000\r\n"
    )
    with running_server(small_store, token=None) as url:  # ingest disabled
        answer = _raw(url, head + b"\r\n" + b"{" * 1000)
        assert answer.startswith(b"HTTP/1.1 403")
    with running_server(small_store, token="secret", body_seconds=1.0) as url:
        answer = _raw(url, head + b"Authorization: Bearer wrong\r\n\r\n" + b"{" * 1000)
        assert answer.startswith(b"HTTP/1.1 401")
        # the right token, and a body that never comes: cut off, not held
        answer = _raw(url, head + b"Authorization: Bearer secret\r\n\r\n" + b"{" * 1000)
        assert answer.startswith(b"HTTP/1.1 408")


def test_slow_request_headers_are_cut_off(small_store: str) -> None:
    from .server import running_server

    with running_server(small_store, header_seconds=1.0) as url:
        assert _raw(url, b"GET /api/events HTTP/1.1\r\nHost: x\r\n") == b""
        ok = _raw(url, b"GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n")
        assert ok.startswith(b"HTTP/1.1 200")


def test_head_is_answered_like_get_without_a_body(small_store: str) -> None:
    import urllib.request

    from .server import running_server

    with running_server(small_store) as url:
        req = urllib.request.Request(url + "/api/events", method="HEAD")
        with urllib.request.urlopen(req, timeout=30) as resp:
            assert resp.status == 200
            assert resp.headers["content-type"] == "application/json"
            assert resp.read() == b""


def test_forwarded_for_is_believed_only_from_trusted_proxies(small_store: str) -> None:
    from .server import call, running_server

    def statuses(url: str) -> list[int]:
        return [
            call(url + "/api/events", headers={"X-Forwarded-For": f"203.0.113.{i}"})[0]
            for i in range(12)
        ]

    with running_server(small_store, rate_limit=1.0) as url:
        assert 429 in statuses(url)  # one loopback client, whatever it claims
    with running_server(small_store, rate_limit=1.0, trusted_proxies="127.0.0.1") as url:
        assert 429 not in statuses(url)  # behind a named proxy: one bucket per client


def test_a_huge_invalid_body_is_not_echoed(small_store: str) -> None:
    from .server import call, running_server

    with running_server(small_store, token="secret") as url:
        status, body = call(
            url + "/api/ingest",
            "POST",
            {"articles": "x" * 2_000_000},
            headers={"Authorization": "Bearer secret"},
        )
    assert status == 422
    assert len(json.dumps(body)) < 2000
    assert "2,000,000 characters" in json.dumps(body)


def test_serving_beyond_loopback_warns_that_reads_are_public(small_store: str) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsevents",
            "serve",
            "--db",
            small_store,
            "--host",
            "0.0.0.0",
            "--port",
            str(port),
        ],
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "NEWSEVENTS_TOKEN"},
    )
    try:
        assert proc.stderr is not None
        lines = [proc.stderr.readline(), proc.stderr.readline()]
    finally:
        proc.terminate()
        proc.communicate(timeout=30)  # reads and closes the pipe
    assert "ingest disabled" in lines[0]
    assert "readable by anyone" in lines[1]


def test_full_text_filter_holds_beyond_ten_thousand_articles(tmp_path: Path) -> None:
    import sqlite3

    from newsevents.store import open_store

    from .server import call, running_server

    db = str(tmp_path / "big.db")
    open_store(db).close()
    from newsevents import Analysis, Article
    from newsevents.model import Event

    def doc(aid: str) -> str:
        event = Event(id="V1", type="ASSAULT", trigger=(15, 22), sentence=(0, 80))
        return Analysis(article=Article(id=aid, text=SHELLING), events=[event]).to_json()

    n = 10_050
    with sqlite3.connect(db) as conn:  # rows as the store writes them, without analysing
        conn.executemany(
            "INSERT INTO articles (id, title, published, text, doc, extractor_version, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, 't', 't')",
            [
                (f"a{i:05d}", "Shelling", f"2025-01-{i % 28 + 1:02d}", SHELLING, doc(f"a{i:05d}"))
                for i in range(n)
            ],
        )
        conn.executemany(
            "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
            [(f"a{i:05d}", "Shelling", SHELLING) for i in range(n)],
        )
        conn.executemany(
            "INSERT INTO events (article_id, id, type, status, confidence, trigger_start, "
            "trigger_end, sentence_start, sentence_end) VALUES (?, 'V1', 'ASSAULT', "
            "'asserted', 0.5, 15, 22, 0, 80)",
            [(f"a{i:05d}",) for i in range(n)],
        )
    with running_server(db) as url:
        status, body = call(url + "/api/events?q=Kharkiv&limit=1")
        assert status == 200 and body["total"] == n
        status, body = call(url + "/api/events?q=Antarctica&limit=1")
        assert status == 200 and body["total"] == 0


def test_a_lone_surrogate_in_a_posted_article_fails_that_article_only(tmp_path: Path) -> None:
    from .server import running_server

    db = str(tmp_path / "api.db")
    body = (
        '{"articles": [{"text": "Russian forces shelled Kharkiv \\ud800 on Monday, officials '
        'said."}, {"title": "Kharkiv \\udc00", "text": "Police detained 40 students in '
        'Tbilisi."}, {"text": ' + json.dumps(SHELLING) + "}]}"
    ).encode()
    request = (
        b"POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Authorization: Bearer secret\r\nConnection: close\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    with running_server(db, token="secret") as url:
        import socket
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        with socket.create_connection((parts.hostname, parts.port), timeout=120) as sock:
            sock.sendall(request)
            raw = b""
            while chunk := sock.recv(65536):
                raw += chunk
    head, _, payload = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 201"), raw[:300]
    answer = json.loads(payload)
    assert len(answer["stored"]) == 1
    assert [f["index"] for f in answer["failed"]] == [0, 1]
    assert "lone surrogate U+D800" in answer["failed"][0]["problem"]


def test_terse_english_notes_are_analysed_not_refused(nlp: Language) -> None:
    note = (
        "Unidentified gunmen killed 2 civilians in Kidal town. Fatalities: 2. Armed men "
        "attacked army post near Menaka; 5 soldiers killed, 3 wounded, 2 vehicles burned."
    )
    result = analyze(article_from_text(note, published="2021-03-12"), nlp)
    assert "ASSAULT" in {e.type for e in result.events}
    from newsevents import InputError

    with pytest.raises(InputError, match="not English"):  # other languages still are
        article_from_text(
            "El gobierno anuncio el viernes nuevas conversaciones con la oposicion, dijo un "
            "portavoz en Madrid. Las negociaciones comenzaran la proxima semana en la capital."
        )
