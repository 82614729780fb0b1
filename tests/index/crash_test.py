#!/usr/bin/env python3
"""Crash test of `parallax index add` (docs/index.md): a child adds a generated corpus in batches
and is killed with SIGKILL at random moments, at least KILLS times. After every kill the store must
open, pass PRAGMA integrity_check and hold exactly the documents of committed batches (a prefix of
the corpus, whole batches only); rerunning the add resumes (stored ids are skipped). At the end the
store's groups and events must equal one batch `parallax cluster` of the whole corpus. Then small
adds, each placed incrementally, are killed the same way: the store stays intact and whole-batch,
and once every add has completed its stored near-duplicate groups equal the batch run's.

usage: crash_test.py PARALLAX_CLI [KILLS]"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

BATCH = 40
DOCUMENTS = 3000
KILLS = 50


def generate(path, seed=7):
    """Stories of 1-6 documents over a shared vocabulary: near-copies (a few words changed) and
    rewrites (many changed), dated within a story, so both groups and events are non-trivial."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(4000)]
    with open(path, "w", encoding="utf-8") as out:
        written, story = 0, 0
        while written < DOCUMENTS:
            base = [rng.choice(vocabulary) for _ in range(rng.randint(40, 90))]
            day = 1 + story % 27
            for copy in range(rng.randint(1, 6)):
                words = list(base)
                rate = 0.0 if copy == 0 else rng.choice([0.05, 0.1, 0.5])
                for i in range(len(words)):
                    if rng.random() < rate:
                        words[i] = rng.choice(vocabulary)
                record = {"id": f"d{written}", "text": " ".join(words) + ".", "title": " ".join(words[:6]),
                          "date": f"2021-03-{day:02d}", "source": f"s{copy}", "lang": "en"}
                out.write(json.dumps(record) + "\n")
                written += 1
                if written == DOCUMENTS:
                    break
            story += 1


def corpus_ids(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["id"] for line in f]


def check_store(store, ids):
    """The store opens, is intact, and holds a prefix of the corpus made of whole batches."""
    db = sqlite3.connect(store)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check failed"
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if not tables:  # killed while creating the store: nothing was committed, the next add creates it
            return 0
        rows = db.execute("SELECT id, batch FROM documents ORDER BY doc").fetchall()
    finally:
        db.close()
    stored = [r[0] for r in rows]
    assert stored == ids[:len(stored)], "the store does not hold a prefix of the corpus in order"
    sizes = {}
    for _, batch in rows:
        sizes[batch] = sizes.get(batch, 0) + 1
    partial = [b for b, n in sizes.items() if n != BATCH]
    # Only the corpus's last batch may be short (a resumed run's first batch is whole: stored ids
    # are skipped before batching).
    assert len(partial) == 0 or (len(partial) == 1 and len(stored) == len(ids)), f"partial batches: {sizes}"
    return len(stored)


def assigned_groups(store):
    """The store's near-duplicate groups from its assignments, as sets of ids, and whether the
    assignments cover the store's current generation."""
    db = sqlite3.connect(store)
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        groups = {}
        for doc_id, group in db.execute("SELECT d.id, a.near_duplicate_group FROM documents AS d "
                                        "JOIN assignments AS a USING(doc) WHERE a.near_duplicate_group >= 0"):
            groups.setdefault(group, set()).add(doc_id)
    finally:
        db.close()
    return {frozenset(g) for g in groups.values()}, meta.get("assignments_generation") == meta.get("generation")


def incremental_phase(cli, tmp, corpus, ids, batch_groups, rng, kills_wanted):
    """Small adds that are placed incrementally (each under a tenth of the store, and dated after
    it, as news arrives: an add dated among the stored documents is recomputed), killed at random
    moments: the store stays intact and whole-batch, a rerun completes the add, and the placed
    near-duplicate groups equal the batch run's (near-duplicates do not depend on dates)."""
    store = os.path.join(tmp, "incremental.db")
    base = len(ids) - 6 * BATCH
    with open(corpus, encoding="utf-8") as f:
        lines = f.readlines()
    parts = [os.path.join(tmp, f"part{i}.jsonl") for i in range(7)]
    for i, path in enumerate(parts):
        begin = 0 if i == 0 else base + (i - 1) * BATCH
        with open(path, "w", encoding="utf-8") as out:
            if i == 0:
                out.writelines(lines[begin:base])
                continue
            for line in lines[begin:begin + BATCH]:
                record = json.loads(line)
                record["date"] = "2021-04-30"  # the stored stories are dated within March
                out.write(json.dumps(record) + "\n")
    def add(path):
        return [cli, "index", "add", "--quiet", "--threads", "1", "--batch", str(BATCH), "--cross-lingual", "false",
                store, path]
    subprocess.run(add(parts[0]), capture_output=True, text=True, check=True)
    kills = 0
    for path in parts[1:-1]:
        for _ in range(max(1, kills_wanted // 5)):
            child = subprocess.Popen(add(path), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp)
            time.sleep(rng.uniform(0.0, 0.15))
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
                kills += 1
            child.wait()
            check_store(store, ids)
        done = subprocess.run(add(path), capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    # The last add runs whole: the store is current after the reruns, so it is placed, not recomputed.
    subprocess.run(add(parts[-1]), capture_output=True, text=True, check=True)
    assert check_store(store, ids) == len(ids)
    groups, current = assigned_groups(store)
    assert current, "the assignments do not cover the store after the last add"
    assert groups == batch_groups, "the stored near-duplicate groups differ from the batch run's"
    stats = json.loads(subprocess.run([cli, "index", "stats", "--format", "json", store], capture_output=True,
                                      text=True, check=True).stdout)
    assert stats["incremental_documents"] >= BATCH, "the last small add was recomputed, not placed"
    return kills, stats["incremental_documents"]


def main():
    cli = sys.argv[1]
    kills_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else KILLS
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, store = os.path.join(tmp, "corpus.jsonl"), os.path.join(tmp, "store.db")
        generate(corpus)
        ids = corpus_ids(corpus)
        add = [cli, "index", "add", "--quiet", "--threads", "1", "--batch", str(BATCH), "--cross-lingual", "false",
               store, corpus]
        # One uninterrupted run tells how long the whole add takes; kills land inside that span.
        started = time.monotonic()
        full = subprocess.run(add, capture_output=True, text=True, cwd=tmp)
        assert full.returncode == 0, full.stderr
        span = time.monotonic() - started
        os.remove(store)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        kills, runs, previous = 0, 0, 0
        while kills < kills_wanted:
            child = subprocess.Popen(add, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp)
            # Short delays while the store fills, so that most kills interrupt a batch or a commit.
            time.sleep(rng.uniform(0.0, max(0.05, span / 6)))
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
                kills += 1
            child.wait()
            runs += 1
            stored = check_store(store, ids)
            assert stored >= previous, "committed documents were lost"
            previous = stored
            if stored == len(ids):  # everything in: start over, the kills go on
                os.remove(store)
                for suffix in ("-wal", "-shm"):
                    if os.path.exists(store + suffix):
                        os.remove(store + suffix)
                previous = 0
        # Finish the add, then compare with one batch run.
        finish = subprocess.run(add, capture_output=True, text=True, cwd=tmp)
        assert finish.returncode == 0, finish.stderr
        assert check_store(store, ids) == len(ids)
        events = subprocess.run([cli, "index", "events", "--format", "json", "--threads", "1", store],
                                capture_output=True, text=True, check=True).stdout
        batch = subprocess.run([cli, "cluster", "--format", "json", "--quiet", "--threads", "1", "--cross-lingual",
                                "false", corpus], capture_output=True, text=True, check=True).stdout
        got, want = json.loads(events), json.loads(batch)
        for key in ("events", "near_duplicate_groups", "translations", "partial_copies", "parameters"):
            assert got.get(key) == want.get(key), f"index events differ from cluster in {key}"
        assert len(want["near_duplicate_groups"]) > 10 and len(want["events"]) > 10
        print(f"{kills} kills in {runs} runs; the store stayed intact and whole-batch; final groups and events "
              f"equal cluster's ({len(want['events'])} events, {len(want['near_duplicate_groups'])} groups)")
        batch_groups = {frozenset(m["id"] for m in g["members"]) for g in want["near_duplicate_groups"]}
        small_kills, placed = incremental_phase(cli, tmp, corpus, ids, batch_groups, rng, 12)
        print(f"incremental adds: {small_kills} kills; the store stayed intact and whole-batch; its groups equal "
              f"cluster's; {placed} documents placed incrementally since the last recomputation")


if __name__ == "__main__":
    main()
