"""A throwaway PostgreSQL server on loopback for the store tests.

It uses the Debian package's binaries (``.ci/run`` installs them when they are
missing) and runs as the ``postgres`` user when the tests run as root, since
the server refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(
            f"PostgreSQL's {name} is not installed: apt-get install postgresql (.ci/run does it)"
        )
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yields the URL of a fresh server's ``postgres`` database; stops it after."""
    root = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="newsevents-pg-"))
    data = base / "data"
    if root:
        shutil.chown(base, "postgres", "postgres")
    as_user = ["runuser", "-u", "postgres", "--"] if root else []
    port = _free_port()
    subprocess.run(
        [*as_user, _bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_user,
            _bin("pg_ctl"),
            "-D",
            str(data),
            "-o",
            opts,
            "-w",
            "-l",
            str(base / "log"),
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, _bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)
