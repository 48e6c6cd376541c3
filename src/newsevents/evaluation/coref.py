"""Clustering scores: B-cubed, pairwise, MUC, CEAF-e and the CoNLL average.

Key and response are maps from an item (an article, a mention) to its
cluster, over the same items. Definitions as in the coreference literature
(Bagga and Baldwin 1998; Vilain et al. 1995; Luo 2005), written here from
those definitions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

Item = Hashable


@dataclass(frozen=True)
class PRF:
    p: float
    r: float

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def __str__(self) -> str:
        return f"P {self.p:.2f}  R {self.r:.2f}  F1 {self.f1:.3f}"


def _groups(assign: Mapping[Item, Hashable]) -> list[set[Item]]:
    out: dict[Hashable, set[Item]] = defaultdict(set)
    for item, cluster in assign.items():
        out[cluster].add(item)
    return list(out.values())


def bcubed(
    key: Mapping[Item, Hashable],
    response: Mapping[Item, Hashable],
    scored: Iterable[Item] | None = None,
) -> PRF:
    """Per item: the share of its response cluster that is in its key cluster (P),
    and of its key cluster that is in its response cluster (R), averaged over
    ``scored`` (default: every item); clusters hold all the items of ``key``."""
    items = list(key) if scored is None else list(scored)
    if not items:
        return PRF(0.0, 0.0)
    k_of = {i: g for g in _groups(key) for i in g}
    r_of = {i: g for g in _groups({i: response[i] for i in key}) for i in g}
    p = sum(len(k_of[i] & r_of[i]) / len(r_of[i]) for i in items) / len(items)
    r = sum(len(k_of[i] & r_of[i]) / len(k_of[i]) for i in items) / len(items)
    return PRF(p, r)


def pairwise(key: Mapping[Item, Hashable], response: Mapping[Item, Hashable]) -> PRF:
    """Of the pairs the response puts together, the share the key does (P), and back."""
    items = sorted(key, key=repr)
    same_k = {(a, b) for a, b in combinations(items, 2) if key[a] == key[b]}
    same_r = {(a, b) for a, b in combinations(items, 2) if response[a] == response[b]}
    both = len(same_k & same_r)
    return PRF(both / len(same_r) if same_r else 1.0, both / len(same_k) if same_k else 1.0)


def _muc_recall(key: list[set[Item]], resp_of: Mapping[Item, Hashable]) -> float:
    num = den = 0
    for group in key:
        parts = {resp_of[i] for i in group}
        num += len(group) - len(parts)
        den += len(group) - 1
    return num / den if den else 0.0


def muc(key: Mapping[Item, Hashable], response: Mapping[Item, Hashable]) -> PRF:
    """Links: how many fewer pieces each key chain is cut into than it has mentions."""
    resp = {i: response[i] for i in key}
    return PRF(_muc_recall(_groups(resp), key), _muc_recall(_groups(key), resp))


def ceaf_e(key: Mapping[Item, Hashable], response: Mapping[Item, Hashable]) -> PRF:
    """Entity CEAF: the best one-to-one alignment of key and response chains, each
    pair scored 2|K∩R|/(|K|+|R|); normalised by the number of chains on each side."""
    k_groups = _groups(key)
    r_groups = _groups({i: response[i] for i in key})
    if not k_groups or not r_groups:
        return PRF(0.0, 0.0)
    r_index = {i: n for n, g in enumerate(r_groups) for i in g}
    # chains that share no mention score 0: align each connected part on its own
    edges: dict[int, set[int]] = defaultdict(set)
    for kn, g in enumerate(k_groups):
        for i in g:
            edges[kn].add(r_index[i])
    total = 0.0
    seen: set[int] = set()
    for start in range(len(k_groups)):
        if start in seen:
            continue
        ks, rs, todo = {start}, set(), [start]
        while todo:
            kn = todo.pop()
            for rn in edges[kn]:
                if rn not in rs:
                    rs.add(rn)
                    for kk in range(len(k_groups)):
                        if kk not in ks and rn in edges[kk]:
                            ks.add(kk)
                            todo.append(kk)
        seen |= ks
        k_list, r_list = sorted(ks), sorted(rs)
        matrix = [
            [
                2 * len(k_groups[a] & r_groups[b]) / (len(k_groups[a]) + len(r_groups[b]))
                for b in r_list
            ]
            for a in k_list
        ]
        total += _best_assignment(matrix)
    return PRF(total / len(r_groups), total / len(k_groups))


def _best_assignment(matrix: list[list[float]]) -> float:
    """The highest total of a one-to-one assignment of rows to columns (Hungarian
    method on the negated scores, rectangular matrices padded with zeros)."""
    n = max(len(matrix), len(matrix[0]) if matrix else 0)
    if n == 0:
        return 0.0
    cost = [
        [-(matrix[i][j] if i < len(matrix) and j < len(matrix[i]) else 0.0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    match, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return -sum(cost[match[j] - 1][j - 1] for j in range(1, n + 1) if match[j])


def conll(key: Mapping[Item, Hashable], response: Mapping[Item, Hashable]) -> float:
    """The mean of the MUC, B-cubed and CEAF-e F1."""
    return (muc(key, response).f1 + bcubed(key, response).f1 + ceaf_e(key, response).f1) / 3
