"""Cross-article linking on ECB+: stories, and events across articles.

Every article goes the way a user's does: built from its text and URL,
analysed, saved into a fresh SQLite store, which links it. Then:

* **stories**: each article's story against its gold story (topic and half),
  B-cubed and pairwise, beside two peers run here on the same articles: every
  article alone, and TF-IDF cosine (words, smoothed IDF over these articles)
  grouped by average link at the threshold that scores best on the *other*
  part (the open topics tune the frozen ones' threshold and back);
* **events**: the gold action mentions whose span overlaps one of our event
  triggers, grouped by our event clusters against the gold cross-document
  chains (MUC, B-cubed, CEAF-e, CoNLL F1), with how many gold mentions that is.

Topics 16 to 20 are frozen: figures only.
"""

from __future__ import annotations

import math
import re
import tempfile
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from ..ingest.sources import article_from_text
from ..model import Analysis
from ..pipeline import analyze_batch
from ..store import Store
from . import moved, offset_map
from .coref import PRF, bcubed, ceaf_e, conll, muc, pairwise
from .ecbplus import LinkDoc

PARTS = ("open", "frozen")


@dataclass
class PartScore:
    articles: int = 0
    stories: dict[str, tuple[PRF, PRF]] = field(default_factory=dict)  # name -> (B3, pairwise)
    baseline_threshold: float = 0.0
    mentions: int = 0
    covered: int = 0
    events: dict[str, PRF | float] = field(default_factory=dict)


@dataclass
class LinkingReport:
    parts: dict[str, PartScore]
    num_stories: int = 0
    misses: list[str] = field(default_factory=list)  # open part only


def _part(doc: LinkDoc) -> str:
    return "frozen" if doc.frozen else "open"


def _tfidf_vectors(texts: list[str]) -> list[dict[str, float]]:
    bags = [Counter(re.findall(r"[a-z][a-z'\-]+|\d+", t.lower())) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(texts)
    vecs = []
    for bag in bags:
        v = {w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    return vecs


def _average_link_merges(sims: list[list[float]]) -> list[tuple[float, int, int]]:
    """Average link run to the end: each merge as (mean similarity, group, group).
    Means only fall from one merge to the next, so cutting the list at a
    threshold gives the grouping at that threshold."""
    import numpy as np

    n = len(sims)
    sim = np.array(sims, dtype=float)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    merges = []
    for _ in range(n - 1):
        masked = np.where(alive[:, None] & alive[None, :], sim, -np.inf)
        flat = int(np.argmax(masked))
        i, j = sorted((flat // n, flat % n))
        merges.append((float(masked[i, j]), i, j))
        sim[i, :] = (sim[i, :] * size[i] + sim[j, :] * size[j]) / (size[i] + size[j])
        sim[:, i] = sim[i, :]
        sim[i, i] = -np.inf
        size[i] += size[j]
        alive[j] = False
    return merges


def _cut(n: int, merges: list[tuple[float, int, int]], threshold: float) -> list[int]:
    label = list(range(n))
    for mean, i, j in merges:
        if mean < threshold:
            break
        old, new = label[j], label[i]
        label = [new if x == old else x for x in label]
    return label


def _b3_on(docs: list[LinkDoc], labels: Mapping[str, Hashable], part: str) -> tuple[PRF, PRF]:
    """Scores of one part's articles (their clusters may hold articles of the other)."""
    key: dict[Hashable, Hashable] = {d.id: d.story for d in docs}
    ours: dict[Hashable, Hashable] = {d.id: labels[d.id] for d in docs}
    # B-cubed of the part's items against clusters over all items
    in_part = [d.id for d in docs if _part(d) == part]
    b3 = bcubed(key, ours, in_part)
    pw = pairwise({i: key[i] for i in in_part}, {i: ours[i] for i in in_part})
    return b3, pw


def score_linking(docs: list[LinkDoc], nlp: Language) -> LinkingReport:
    articles = [article_from_text(d.text, url=d.url, source=d.outlet, label=d.id) for d in docs]
    analyses: list[Analysis] = list(analyze_batch(articles, nlp))
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "linking.db")) as store:
        for an in analyses:
            store.save(an)
        story_of = dict(store.execute("SELECT article_id, story_id FROM article_stories"))
        cluster_of = {
            (a, e): c
            for c, a, e in store.execute(
                "SELECT cluster_id, article_id, event_id FROM cluster_members"
            )
        }
    ours: dict[str, Hashable] = {
        d.id: story_of[an.article.id] for d, an in zip(docs, analyses, strict=True)
    }
    alone: dict[str, Hashable] = {d.id: d.id for d in docs}
    vecs = _tfidf_vectors([d.text for d in docs])
    sims = [[sum(w * b.get(t, 0.0) for t, w in a.items()) for b in vecs] for a in vecs]
    thresholds = [round(0.05 + 0.025 * k, 3) for k in range(23)]
    merges = _average_link_merges(sims)
    baseline_runs: dict[float, Mapping[str, Hashable]] = {}
    for th in thresholds:
        label = _cut(len(docs), merges, th)
        baseline_runs[th] = {d.id: label[n] for n, d in enumerate(docs)}
    report = LinkingReport({p: PartScore() for p in PARTS}, num_stories=len(set(ours.values())))
    for part in PARTS:
        other = "frozen" if part == "open" else "open"
        best = max(thresholds, key=lambda th: (_b3_on(docs, baseline_runs[th], other)[0].f1, -th))
        score = report.parts[part]
        score.articles = sum(1 for d in docs if _part(d) == part)
        score.baseline_threshold = best
        score.stories = {
            "newsevents stories": _b3_on(docs, ours, part),
            f"TF-IDF average link (threshold {best} from the {other} part)": _b3_on(
                docs, baseline_runs[best], part
            ),
            "every article alone": _b3_on(docs, alone, part),
        }
        _score_events(docs, analyses, cluster_of, part, score)
    for d in docs:
        if _part(d) == "open":
            mates = sorted(x.id for x in docs if ours[x.id] == ours[d.id] and x.story != d.story)
            if mates:
                report.misses.append(f"{d.id} ({d.story}) grouped with {', '.join(mates[:6])}")
    return report


def _score_events(
    docs: list[LinkDoc],
    analyses: list[Analysis],
    cluster_of: dict[tuple[str, str], str],
    part: str,
    score: PartScore,
) -> None:
    key: dict[Hashable, Hashable] = {}
    response: dict[Hashable, Hashable] = {}
    for doc, an in zip(docs, analyses, strict=True):
        if _part(doc) != part:
            continue
        score.mentions += len(doc.actions)
        where = offset_map(an.article.text, doc.text)
        triggers = [moved(where, *ev.trigger) for ev in an.events]
        for n, gold in enumerate(doc.actions):
            start, end = gold.start, gold.end
            for ev, (t_start, t_end) in zip(an.events, triggers, strict=True):
                if t_start < end and start < t_end:
                    cid = cluster_of.get((an.article.id, ev.id))
                    if cid:
                        key[(doc.id, n)] = gold.chain
                        response[(doc.id, n)] = cid
                    break
    score.covered = len(key)
    if key:
        score.events = {
            "MUC": muc(key, response),
            "B-cubed": bcubed(key, response),
            "CEAF-e": ceaf_e(key, response),
            "CoNLL F1": conll(key, response),
        }


def format_linking(report: LinkingReport, verbose: bool = False) -> str:
    lines = [f"ECB+ cross-article linking ({report.num_stories} stories of ours)"]
    for part in PARTS:
        s = report.parts[part]
        lines.append("")
        lines.append(f"{part} topics: {s.articles} articles")
        lines.append(f"  {'story grouping':<58} {'B-cubed':<28} pairwise")
        for name, (b3, pw) in s.stories.items():
            lines.append(f"  {name:<58} {b3!s:<28} {pw}")
        lines.append(
            f"  events: {s.covered} of {s.mentions} gold action mentions fall on our events"
        )
        for name, value in s.events.items():
            lines.append(f"    {name:<9} {value if isinstance(value, PRF) else f'{value:.3f}'}")
    if verbose and report.misses:
        lines.append("")
        lines.append("open articles grouped with another story's:")
        lines.extend(f"  {m}" for m in report.misses)
    return "\n".join(lines)
