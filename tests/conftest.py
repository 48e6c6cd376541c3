"""Shared fixtures: the spaCy pipeline (loaded once), the reference article from ../shared."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from newsevents import Analysis, Article, analyze, iter_articles
from newsevents.nlp import load_nlp

if "MUTANT_UNDER_TEST" in os.environ:
    # mutmut: every mutant runs the same files, so an index built from one
    # mutant's builder would be read by all the others
    os.environ["NEWSEVENTS_PREBUILT"] = "off"

ROOT = Path(__file__).resolve().parent.parent
#: ``../shared`` beside the project; from a copy of it one level down (mutmut
#: runs the tests in ``mutants/``), the nearest ``shared`` folder above
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared"
)
REFERENCE = SHARED / "examples" / "kursk-ceasefire.txt"
SEED_GOLD = SHARED / "gold" / "seed"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def reference_article() -> Article:
    items = list(iter_articles([REFERENCE]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@pytest.fixture(scope="session")
def reference(reference_article: Article, nlp: Language) -> Analysis:
    return analyze(reference_article, nlp)


def mention_texts(analysis: Analysis, record_id: str) -> list[str]:
    for rec in [*analysis.entities, *analysis.places]:
        if rec.id == record_id:
            return [analysis.article.text[s:e] for s, e in rec.mentions]
    raise KeyError(record_id)


_DATABASES = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database nothing has opened yet: a SQLite path, then a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    import psycopg

    admin_url: str = request.getfixturevalue("pg_url")
    name = f"test_{next(_DATABASES)}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A throwaway PostgreSQL server for the whole session (see tests/pg.py)."""
    from .pg import postgres_server

    with postgres_server() as url:
        yield url
