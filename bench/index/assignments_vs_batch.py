#!/usr/bin/env python3
"""A store's assignments against a batch `parallax cluster --format json` of the same documents.

    assignments_vs_batch.py STORE.db CLUSTER.json

Reads each stored document's near-duplicate group and event from the store's `assignments` table
(what an incremental `index add` writes) and prints B-cubed precision, recall and F1 of both against
the batch report, with the batch as the reference; near-duplicate groups also as "identical" or not.
Documents in no group count as groups of their own.
"""
import json
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from metrics import bcubed  # noqa: E402


def batch_labels(report, key):
    labels = {}
    for number, cluster in enumerate(report[key]):
        for member in cluster["members"]:
            labels[member["id"]] = number
    return labels


def partition(labels):
    """The clusters of item -> label, as a set of frozensets."""
    members = {}
    for item, label in labels.items():
        members.setdefault(label, []).append(item)
    return {frozenset(m) for m in members.values()}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    store = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    rows = store.execute("SELECT d.id, a.near_duplicate_group, a.event FROM documents AS d "
                         "JOIN assignments AS a ON a.doc = d.doc").fetchall()
    incremental = store.execute("SELECT value FROM meta WHERE key = 'incremental_documents'").fetchone()
    with open(sys.argv[2], encoding="utf-8") as f:
        report = json.load(f)
    ids = [doc_id for doc_id, _, _ in rows]
    for key, column in (("near_duplicate_groups", 1), ("events", 2)):
        batch = batch_labels(report, key)
        stored = {row[0]: (row[column] if row[column] >= 0 else f"alone:{row[0]}") for row in rows}
        batch = {i: batch.get(i, f"alone:{i}") for i in ids}
        s = bcubed(batch, stored)
        same = partition(stored) == partition(batch) if key == "near_duplicate_groups" else None
        note = "" if same is None else (", identical" if same else ", NOT identical")
        print(f"{key}: B-cubed P {s.precision:.4f} R {s.recall:.4f} F1 {s.f1:.4f} against the batch{note}")
    print(f"documents: {len(rows)}, placed incrementally since the last recomputation: "
          f"{incremental[0] if incremental else 0}")


if __name__ == "__main__":
    main()
