"""parallax's event clustering rule, re-implemented for the peer (engine/group/event_clustering.cpp).

Edges: each document's K nearest neighbours (cosine), both directions, each pair once, kept when
the cosine is at least `floor` (parallax: 0.05). Average linkage restricted to that graph: two
clusters may merge only when an edge joins them, best candidate first, and only while the average
cosine over ALL pairs of their members -- exact, dot(sum A, sum B) / (|A| |B|) over the clusters'
vector sums -- is at least T. A bridge document cannot chain two stories: the average counts every
pair, not just the linked ones. Dates: a cluster keeps its first and last date; two clusters whose
ranges lie more than `window_days` apart never merge (0 or None: off; undated documents are
compatible with any date).
"""
import datetime
import heapq

import numpy


def parse_day(value):
    """Days since 1970-01-01 for an ISO 8601 date (time of day ignored), else None."""
    if not value:
        return None
    try:
        return (datetime.date.fromisoformat(str(value)[:10]) - datetime.date(1970, 1, 1)).days
    except ValueError:
        return None


def knn_edges(neighbours, similarities, floor) -> dict:
    """{(i, j): cosine} with i < j from per-row neighbour lists (self matches ignored)."""
    edges = {}
    for i, (row, sims) in enumerate(zip(neighbours, similarities)):
        for j, s in zip(row.tolist(), sims.tolist()):
            if j == i or s < floor:
                continue
            key = (i, j) if i < j else (j, i)
            if s > edges.get(key, -1.0):
                edges[key] = s
    return edges


class AverageLinkage:
    """Clusters rows of a CSR matrix of L2-normalized vectors (sorted column indices)."""

    def __init__(self, matrix, days, threshold, window_days):
        n = matrix.shape[0]
        self.threshold = threshold
        self.window = window_days or 0
        self.idx = [matrix.indices[matrix.indptr[i]:matrix.indptr[i + 1]] for i in range(n)]
        self.val = [matrix.data[matrix.indptr[i]:matrix.indptr[i + 1]].astype(numpy.float64)
                    for i in range(n)]
        self.size = [1] * n
        self.first = list(days)
        self.last = list(days)
        self.version = [0] * n
        self.alive = [True] * n
        self.neighbours = [set() for _ in range(n)]
        self.absorbed_into = {}
        self.scratch = numpy.zeros(matrix.shape[1])
        self.queue = []

    def _too_far_apart(self, x, y):
        if self.window <= 0 or self.first[x] is None or self.first[y] is None:
            return False
        gap = max(self.first[x], self.first[y]) - min(self.last[x], self.last[y])
        return gap > self.window

    def add_edge(self, a, b, similarity):
        if self._too_far_apart(a, b):
            return
        self.neighbours[a].add(b)
        self.neighbours[b].add(a)
        self.queue.append((-similarity, a, b, 0, 0))

    def run(self):
        heapq.heapify(self.queue)
        while self.queue:
            negative, a, b, va, vb = heapq.heappop(self.queue)
            if -negative < self.threshold:
                break
            stale = (not self.alive[a] or not self.alive[b]
                     or self.version[a] != va or self.version[b] != vb)
            if stale or self._too_far_apart(a, b):
                continue
            self._merge(a, b)

    def _merge(self, a, b):
        if self.size[a] < self.size[b]:
            a, b = b, a
        # The scratch row holds the merged sum densely, so each neighbour's average costs one
        # gather over that neighbour's non-zeros.
        idx = numpy.union1d(self.idx[a], self.idx[b])
        self.scratch[self.idx[a]] += self.val[a]
        self.scratch[self.idx[b]] += self.val[b]
        self.idx[a], self.val[a] = idx, self.scratch[idx]
        self.idx[b] = self.val[b] = None
        self.size[a] += self.size[b]
        if self.first[b] is not None:
            self.first[a] = self.first[b] if self.first[a] is None else min(self.first[a], self.first[b])
            self.last[a] = self.last[b] if self.last[a] is None else max(self.last[a], self.last[b])
        self.version[a] += 1
        self.alive[b] = False
        self.absorbed_into[b] = a
        for c in self.neighbours[b]:
            if c != a:
                self.neighbours[c].discard(b)
                self.neighbours[c].add(a)
                self.neighbours[a].add(c)
        self.neighbours[a].discard(b)
        self.neighbours[b] = set()
        for c in self.neighbours[a]:
            average = float(self.scratch[self.idx[c]] @ self.val[c]) / (self.size[a] * self.size[c])
            heapq.heappush(self.queue, (-average, a, c, self.version[a], self.version[c]))
        self.scratch[idx] = 0.0

    def labels(self):
        n = len(self.size)
        roots = []
        for i in range(n):
            while i in self.absorbed_into:
                i = self.absorbed_into[i]
            roots.append(i)
        relabel = {}
        return [relabel.setdefault(r, len(relabel)) for r in roots]


def cluster(matrix, edges, days, threshold, window_days) -> list:
    """Event label per row of `matrix` (labels 0..clusters-1 in order of first member)."""
    linkage = AverageLinkage(matrix, days, threshold, window_days)
    for (a, b), s in edges.items():
        linkage.add_edge(a, b, s)
    linkage.run()
    return linkage.labels()
