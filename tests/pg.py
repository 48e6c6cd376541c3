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


class PgServer:
    """A server in a temporary folder that a test can stop and start again."""

    def __init__(self) -> None:
        self.root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="newsevents-pg-"))
        self.data = self.base / "data"
        if self.root:
            shutil.chown(self.base, "postgres", "postgres")
        self.as_user = ["runuser", "-u", "postgres", "--"] if self.root else []
        self.port = _free_port()
        subprocess.run(
            [*self.as_user, _bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
             "-E", "UTF8"],
            check=True,
            capture_output=True,
        )  # fmt: skip

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [*self.as_user, _bin("pg_ctl"), "-D", str(self.data), "-o", opts, "-w",
             "-l", str(self.base / "log"), "start"],
            check=True,
            capture_output=True,
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """``fast`` ends the sessions and shuts down cleanly; ``immediate`` is a crash."""
        subprocess.run(
            [*self.as_user, _bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"],
            capture_output=True,
        )

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yields the URL of a fresh server's ``postgres`` database; stops it after."""
    server = PgServer()
    server.start()
    try:
        yield server.url
    finally:
        server.remove()
