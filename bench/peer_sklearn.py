#!/usr/bin/env -S /usr/bin/python3
"""The scikit-learn peer, run on the same corpus as parallax.

cluster: TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm='l2') + NearestNeighbors
         (metric='cosine', brute force, K+1 neighbours with the self match dropped) + parallax's
         average-link rule (linkage.py) with the same T, K, edge floor and date window, on the
         sparse TF-IDF vectors themselves (parallax works on a dense projection of them). Timed end to end: vectorize + kNN + cluster (reading the JSONL is not timed).
dedup:   NOT a MinHash peer. The same TF-IDF + cosine kNN, pairs with cosine >= C joined by
         union-find ("sklearn cosine threshold"). A stand-in until a real MinHash LSH peer
         exists; label it as such wherever it is reported.
Run as a script, it writes its labels and timings as JSON so run_bench.py can time it in a
fresh process and read its peak memory.
"""
import argparse
import json
import time

import numpy

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors

import linkage

# parallax's defaults (engine/group/knn_graph.hpp, event_clustering.hpp); run_bench passes the
# values parallax reports in its JSON "parameters" when it has them.
DEFAULT_NEIGHBORS = 20
DEFAULT_FLOOR = 0.05
DEFAULT_DATE_WINDOW = 7
DEFAULT_DUP_COSINE = 0.8


def document_text(rec):
    title = rec.get("title")
    return f"{title}\n{rec['text']}" if title else rec["text"]


def vectorize(texts):
    vectorizer = TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2", dtype=numpy.float32)
    return vectorizer.fit_transform(texts)


def nearest_neighbours(matrix, k, threads):
    n = matrix.shape[0]
    index = NearestNeighbors(n_neighbors=min(k + 1, n), metric="cosine", algorithm="brute",
                             n_jobs=threads).fit(matrix)
    distances, neighbours = index.kneighbors(matrix)
    return neighbours, 1.0 - distances


class Graph:
    """TF-IDF + kNN computed once; clustering at many thresholds reuses it (tuning)."""

    def __init__(self, records, k=DEFAULT_NEIGHBORS, threads=1):
        self.n = len(records)
        t0 = time.perf_counter()
        self.matrix = vectorize([document_text(r) for r in records])
        self.matrix.sort_indices()
        t1 = time.perf_counter()
        self.neighbours, self.similarities = nearest_neighbours(self.matrix, k, threads)
        t2 = time.perf_counter()
        self.days = [linkage.parse_day(r.get("date")) for r in records]
        self.timings = {"vectorize_s": t1 - t0, "knn_s": t2 - t1}

    def cluster(self, threshold, floor=DEFAULT_FLOOR, window_days=DEFAULT_DATE_WINDOW):
        t0 = time.perf_counter()
        edges = linkage.knn_edges(self.neighbours, self.similarities, floor)
        labels = linkage.cluster(self.matrix, edges, self.days, threshold, window_days)
        self.timings["cluster_s"] = time.perf_counter() - t0
        return labels

    def duplicate_groups(self, cosine):
        t0 = time.perf_counter()
        edges = linkage.knn_edges(self.neighbours, self.similarities, cosine)
        groups = _connected_components(self.n, edges)
        self.timings["cluster_s"] = time.perf_counter() - t0
        return groups


def _connected_components(n, edges):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) >= 2]


def _parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("cluster", "dedup"))
    parser.add_argument("corpus")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--neighbors", type=int, default=DEFAULT_NEIGHBORS)
    parser.add_argument("--event-threshold", type=float, default=0.3)
    parser.add_argument("--floor", type=float, default=DEFAULT_FLOOR)
    parser.add_argument("--date-window", type=int, default=DEFAULT_DATE_WINDOW)
    parser.add_argument("--dup-cosine", type=float, default=DEFAULT_DUP_COSINE)
    return parser.parse_args()


def main():
    args = _parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    ids = [r["id"] for r in records]
    t0, cpu0 = time.perf_counter(), time.process_time()
    graph = Graph(records, args.neighbors, args.threads)
    result = {"tool": "sklearn", "command": args.command, "parameters": vars(args),
              "documents": len(records)}
    if args.command == "cluster":
        labels = graph.cluster(args.event_threshold, args.floor, args.date_window)
        result["labels"] = dict(zip(ids, labels))
    else:
        groups = graph.duplicate_groups(args.dup_cosine)
        result["groups"] = [[ids[i] for i in g] for g in groups]
    result["timings"] = dict(graph.timings, total_s=time.perf_counter() - t0,
                             cpu_s=time.process_time() - cpu0)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
