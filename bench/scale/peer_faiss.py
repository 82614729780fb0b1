#!/usr/bin/env -S /usr/bin/python3
"""The FAISS peer: scikit-learn's TF-IDF vectors, densified the way parallax does past 20k
documents (a sparse random projection to 256 dimensions, rows L2-normalized), searched with
Debian's python3-faiss (IndexFlatIP, exact inner product = cosine, K+1 neighbours, the self match
dropped), and clustered with the same average-linkage rule as the scikit-learn peer
(bench/linkage.py) on those dense vectors. Writes labels and timings as JSON.

Usage: peer_faiss.py CORPUS.jsonl -o OUT.json [--threads N] [--event-threshold T]
"""
import argparse
import json
import sys
import time
from pathlib import Path

import faiss
import numpy
import scipy.sparse
from sklearn.random_projection import SparseRandomProjection

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import linkage  # noqa: E402  (bench/linkage.py: parallax's clustering rule for the peers)
import peer_sklearn  # noqa: E402

DIMENSIONS = 256


def dense_vectors(tfidf):
    projected = SparseRandomProjection(n_components=DIMENSIONS, dense_output=True,
                                       random_state=42).fit_transform(tfidf).astype(numpy.float32)
    faiss.normalize_L2(projected)
    return numpy.ascontiguousarray(projected)


def knn(vectors, k):
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    similarities, neighbours = index.search(vectors, min(k + 1, vectors.shape[0]))
    return neighbours, similarities


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--neighbors", type=int, default=peer_sklearn.DEFAULT_NEIGHBORS)
    parser.add_argument("--event-threshold", type=float, default=0.25)
    parser.add_argument("--floor", type=float, default=peer_sklearn.DEFAULT_FLOOR)
    parser.add_argument("--date-window", type=int, default=peer_sklearn.DEFAULT_DATE_WINDOW)
    args = parser.parse_args()
    faiss.omp_set_num_threads(args.threads)
    with open(args.corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    t0 = time.perf_counter()
    tfidf = peer_sklearn.vectorize([peer_sklearn.document_text(r) for r in records])
    t1 = time.perf_counter()
    vectors = dense_vectors(tfidf)
    del tfidf
    t2 = time.perf_counter()
    neighbours, similarities = knn(vectors, args.neighbors)
    t3 = time.perf_counter()
    edges = linkage.knn_edges(neighbours, similarities, args.floor)
    days = [linkage.parse_day(r.get("date")) for r in records]
    labels = linkage.cluster(scipy.sparse.csr_matrix(vectors), edges, days, args.event_threshold, args.date_window)
    t4 = time.perf_counter()
    result = {"tool": "faiss", "documents": len(records), "parameters": vars(args),
              "labels": dict(zip((r["id"] for r in records), labels)),
              "timings": {"vectorize_s": t1 - t0, "project_s": t2 - t1, "knn_s": t3 - t2,
                          "cluster_s": t4 - t3, "total_s": t4 - t0}}
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
