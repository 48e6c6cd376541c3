"""Stories: which articles report the same development, by what they say.

An article's *signature* is a weighted bag of its words and named entities.
A word weighs by how rare it is in English at large (``wordfreq``'s Zipf
scale, a fixed table), never by how rare it is in the store: the weights of an
article do not change as others arrive, so the same articles give the same
stories whatever order they come in. Entities count per mention. Only the
heaviest terms are kept, normalised to unit length, so a similarity is a dot
product of two short vectors.

Articles are grouped by average link: two groups merge while the mean
similarity of their articles is at least ``STORY_THRESHOLD``, unless each
group has a core entity (named in most of its articles, and in at least
``CORE_ARTICLES`` of them) that no article of the other names. Two check-ins
to rehab by two actresses, two title defences against two challengers, share
their words and their setting; who is at the centre tells them apart. Average link
never joins articles that no chain of pairs at the threshold connects, so the
store keeps only the pairs at the threshold (``story_edges``) and regroups the
connected part of the graph a new article touches, not the whole store.
Articles both dated more than ``STORY_DAYS`` apart never count as similar (two
riots in one capital 18 months apart are two stories).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from .dates import parse_absolute_date, parse_iso_date
from .model import Analysis

STORY_THRESHOLD = 0.2
STORY_DAYS = 365
SIGNATURE_TERMS = 60  # terms kept per article
INDEX_TERMS = 20  # of which the heaviest are looked up to find candidates
ENTITY_WEIGHT = 4.0
# a group's core entities: named in at least this many of its articles, and in
# at least this share of them
CORE_ARTICLES = 4
CORE_SHARE = 0.5
# Zipf frequency above which a word says nothing about a story ("said",
# "people" sit near 6-7); below it, the rarer the heavier
_COMMON_ZIPF = 7.0

_WORD = re.compile(r"[a-z][a-z'\-]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "and",
        "or",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "it",
        "its",
        "this",
        "that",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "have",
        "has",
        "had",
        "said",
        "says",
        "will",
        "would",
        "not",
        "but",
        "who",
        "which",
    ]
)

Signature = dict[str, float]


@lru_cache(maxsize=200_000)
def _word_weight(word: str) -> float:
    from wordfreq import zipf_frequency

    return max(0.0, _COMMON_ZIPF - float(zipf_frequency(word, "en")))


def _words(text: str) -> Iterable[str]:
    return (w for w in _WORD.findall(text.lower()) if w not in _STOP)


def entity_term(name: str) -> str:
    return "E:" + re.sub(r"^the\s+", "", " ".join(name.lower().split()))


def signature(analysis: Analysis, size: int = SIGNATURE_TERMS) -> Signature:
    """The heaviest ``size`` terms of an article, as a unit vector (term -> weight)."""
    art = analysis.article
    weights: dict[str, float] = {}
    for word in _words(f"{art.title or ''}\n{art.text}"):
        w = _word_weight(word)
        if w > 0:
            weights[word] = weights.get(word, 0.0) + w
    for ent in analysis.entities:
        term = entity_term(ent.name)
        weights[term] = weights.get(term, 0.0) + ENTITY_WEIGHT * max(1, len(ent.mentions))
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: round(w / norm, 6) for t, w in top}


def index_terms(sig: Signature, size: int = INDEX_TERMS) -> list[str]:
    """The terms under which an article is found: its heaviest."""
    return [t for t, _ in sorted(sig.items(), key=lambda kv: (-kv[1], kv[0]))[:size]]


def article_day(analysis: Analysis) -> date | None:
    """Publication date, else a full date stamped at the top of the text."""
    art = analysis.article
    if art.published:
        return parse_iso_date(art.published)
    return parse_absolute_date(art.text[:120])


def similarity(a: Signature, b: Signature, day_a: date | None, day_b: date | None) -> float:
    if day_a and day_b and abs((day_a - day_b).days) > STORY_DAYS:
        return 0.0
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def similarity_matrix(sigs: list[Signature], days: list[date | None]) -> list[list[float]]:
    """Pairwise similarities of many articles at once (as ``similarity``)."""
    import numpy as np

    terms = sorted({t for sig in sigs for t in sig})
    column = {t: k for k, t in enumerate(terms)}
    vectors = np.zeros((len(sigs), max(1, len(terms))))
    for row, sig in enumerate(sigs):
        for t, w in sig.items():
            vectors[row, column[t]] = w
    sims = vectors @ vectors.T
    ordinals = np.array([d.toordinal() if d else 0 for d in days])
    dated = ordinals > 0
    far = np.abs(ordinals[:, None] - ordinals[None, :]) > STORY_DAYS
    sims[far & dated[:, None] & dated[None, :]] = 0.0
    out: list[list[float]] = sims.tolist()
    return out


def _core(members: list[int], entities: list[frozenset[str]]) -> set[str]:
    counts = Counter(e for m in members for e in entities[m])
    least = max(CORE_ARTICLES, CORE_SHARE * len(members))
    return {e for e, k in counts.items() if k >= least}


def _apart(a: list[int], b: list[int], entities: list[frozenset[str]]) -> bool:
    """Each group has a core entity the other never names."""
    named_a = frozenset().union(*(entities[m] for m in a))
    named_b = frozenset().union(*(entities[m] for m in b))
    return bool(_core(a, entities) - named_b) and bool(_core(b, entities) - named_a)


def average_link(
    ids: list[str],
    sims: list[list[float]],
    threshold: float = STORY_THRESHOLD,
    entities: list[frozenset[str]] | None = None,
) -> list[list[str]]:
    """Groups of ``ids`` (``sims`` their pairwise similarities and ``entities``
    the entities each names, in the same order) by average link, each group
    sorted, groups in order of their first id; two groups whose core entities
    differ (see the module) never merge.

    Deterministic: merges go by highest mean similarity, ties to the pair of
    lowest positions after sorting the ids, so the result depends on the set of
    ids only, never on the order they are given in.
    """
    import numpy as np

    order = sorted(range(len(ids)), key=lambda k: ids[k])
    names = [ids[k] for k in order]
    ents = [entities[k] for k in order] if entities is not None else [frozenset()] * len(ids)
    n = len(names)
    total = np.array(sims, dtype=float).reshape(n, n)[np.ix_(order, order)]
    np.fill_diagonal(total, 0.0)
    size = np.ones(n)
    # mean similarity between live groups; -1 on the diagonal, for dead groups
    # and for pairs that must stay apart
    mean = total.copy()
    np.fill_diagonal(mean, -1.0)
    groups = {k: [k] for k in range(n)}
    while len(groups) > 1:
        flat = int(np.argmax(mean))  # the first maximum: lowest row, then column
        i, j = sorted((flat // n, flat % n))
        if mean[i, j] < threshold - 1e-12:
            break
        if _apart(groups[i], groups[j], ents):
            mean[i, j] = mean[j, i] = -1.0
            continue
        blocked = (mean[i, :] == -1.0) | (mean[j, :] == -1.0)
        total[i, :] += total[j, :]
        total[:, i] = total[i, :]
        total[i, i] = 0.0
        size[i] += size[j]
        row = total[i, :] / (size[i] * size)
        row[blocked] = -1.0
        mean[i, :] = row
        mean[:, i] = row
        mean[i, i] = -1.0
        mean[j, :] = -1.0
        mean[:, j] = -1.0
        groups[i] = sorted(groups[i] + groups.pop(j))
    return sorted(([names[m] for m in g] for g in groups.values()), key=lambda g: g[0])


def entities_of(sig: Signature) -> frozenset[str]:
    """The entities among a signature's terms."""
    return frozenset(t for t in sig if t.startswith("E:"))
