#!/usr/bin/env -S /usr/bin/python3
"""Scale benchmark: parallax beside its peers on generated corpora of 1k .. 1M documents.

For every N: generate (or reuse) bench/out/scale/corpus-<N>.jsonl (generate.py), then run, each
in a fresh process measured from outside (wall time, user+system CPU time, peak resident memory
of the process tree's largest process, via os.wait4):
  near-duplicates  parallax dedup           vs  minhash-lsh (Go, github.com/ekzhu/minhash-lsh)
  events           parallax cluster         vs  sklearn (TfidfVectorizer + NearestNeighbors cosine
                                                 + average linkage, bench/peer_sklearn.py)
                                            vs  sklearn+faiss (same TF-IDF, random projection,
                                                 python3-faiss IndexFlatIP, same linkage)
Accuracy: pairwise near-duplicate P/R/F1 against gold groups, B-cubed P/R/F1 against gold events
(bench/metrics.py). Thresholds are tuned once per tool on the 10k corpus (cached in
bench/out/scale/tuned.json; --retune to redo). Peers whose cost is quadratic are skipped above
--peer-max documents.
Writes bench/out/scale/results.csv, summary.md and scale.png (log-log time and memory vs N).
"""
import argparse
import csv
import json
import math
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
import linkage  # noqa: E402
import metrics  # noqa: E402  (bench/metrics.py: B-cubed and pairwise scores)
import paths  # noqa: E402
import peer_faiss  # noqa: E402
import peer_sklearn  # noqa: E402
import scipy.sparse  # noqa: E402
import tables  # noqa: E402

OUT = paths.out_dir() / "scale"
GO_BINARY = OUT / "bin" / "minhash_lsh_peer"
TUNE_SIZE = 10000
EVENT_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
DUP_GRID = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
# 64 bands (2 rows) gained at most 0.003 F1 on 10k for twice the cost: the default 32 is what users run.
PARALLAX_BANDS = (32,)
DEFAULTS = {"parallax_dup": 0.5, "parallax_bands": 32, "go_dup": 0.5, "parallax_event": 0.25, "sklearn_event": 0.3,
            "faiss_event": 0.25}


REPEAT_UNDER_S = 60  # runs shorter than this are repeated (--repeat) and the median reported


class Measured:
    def __init__(self, rc, wall, cpu, rss_mb, timed_out):
        self.rc, self.wall, self.cpu, self.rss_mb, self.timed_out = rc, wall, cpu, rss_mb, timed_out
        self.spread = None  # (min CPU s, max CPU s, runs) when repeated


def measure(argv, log_path, timeout, env=None, peak_memory=True):
    """Runs argv, returns Measured. CPU = the child's user + system seconds (all its threads).
    Peak memory comes from /usr/bin/time's %M: a child forked from this (large) Python process
    inherits its high-water mark across exec, so wait4's ru_maxrss would report ours. The CPU of
    such a run includes /usr/bin/time's own (about half a millisecond: a twentieth of parallax's
    dedup of 1k documents); peak_memory=False runs argv directly, for CPU and wall time only."""
    rss_path = Path(str(log_path) + ".rss")
    wrapper = ["/usr/bin/time", "-f", "%M", "-o", str(rss_path)] if peak_memory else []
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        child = subprocess.Popen(wrapper + list(argv),
                                 stdout=subprocess.DEVNULL, stderr=log, env=env, start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(child.pid, 9))
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        wall = time.perf_counter() - start
    rc = os.waitstatus_to_exitcode(status)
    try:
        rss_mb = int(rss_path.read_text().split()[-1]) / 1024.0 if peak_memory else float("nan")
    except (OSError, ValueError, IndexError):
        rss_mb = float("nan")
    return Measured(rc, wall, usage.ru_utime + usage.ru_stime, rss_mb, wall >= timeout)


def build_go_peer():
    if GO_BINARY.exists():
        return
    GO_BINARY.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, GO111MODULE="off", GOPATH="/usr/share/gocode", GOCACHE=str(OUT / "gocache"))
    subprocess.run(["go", "build", "-o", str(GO_BINARY), "."], cwd=HERE / "minhash_lsh_peer", env=env, check=True)


def load_gold(path):
    events, groups = {}, {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            doc_id, event, group = line.split("\t", 3)[:3]
            events[doc_id] = event
            groups.setdefault(group, []).append(doc_id)
    return events, metrics.pairs_from_groups(g for g in groups.values() if len(g) > 1)


class Runner:
    def __init__(self, args):
        self.args = args
        self.parallax = Path(args.parallax)
        self.work = OUT / "work"
        self.work.mkdir(parents=True, exist_ok=True)
        self.dup_flags = []

    def _out(self, name):
        return self.work / f"{name}.json"

    def run(self, name, argv, timeout=None):
        """Runs a tool; a run shorter than REPEAT_UNDER_S is repeated (--repeat times) and the run
        with the median CPU time is reported, with the CPU spread: at 1k and 10k documents a
        single run is tens of milliseconds, where one scheduling hiccup moves a ratio by 20%.
        The first run measures peak memory under /usr/bin/time; the repetitions run the tool
        directly, so that the wrapper's own CPU does not count as the tool's."""
        out = self._out(name)
        first, runs = None, []
        for _ in range(max(1, self.args.repeat) + (1 if self.args.repeat > 1 else 0)):
            if out.exists():
                out.unlink()
            runs.append(measure(argv, self.work / f"{name}.stderr", timeout or self.args.timeout,
                                peak_memory=first is None))
            if first is None:
                first = runs.pop()
                if first.rc != 0 or first.wall >= REPEAT_UNDER_S or self.args.repeat <= 1:
                    runs = [first]
                    break
            elif runs[-1].rc != 0:
                break
        m = sorted(runs, key=lambda r: r.cpu)[len(runs) // 2] if runs[-1].rc == 0 else runs[-1]
        m.rss_mb = first.rss_mb
        if len(runs) > 1:
            m.spread = (min(r.cpu for r in runs), max(r.cpu for r in runs), len(runs))
        result = None
        if m.rc == 0 and out.exists():
            with open(out, encoding="utf-8") as f:
                result = json.load(f)
        return m, result

    def parallax_run(self, command, corpus, extra):
        argv = [str(self.parallax), command, str(corpus), "--format", "json", "-o", str(self._out(f"parallax-{command}")),
                "-q", "--threads", str(self.args.threads)] + extra
        return self.run(f"parallax-{command}", argv)

    def parallax_dedup(self, corpus, threshold, bands=32):
        m, r = self.parallax_run("dedup", corpus, ["--dup-threshold", str(threshold), "--bands", str(bands)])
        return m, r and [[x["id"] for x in g["members"]] for g in r["near_duplicate_groups"]]

    def parallax_cluster(self, corpus, threshold):
        m, r = self.parallax_run("cluster", corpus, ["--event-threshold", str(threshold)] + self.dup_flags)
        return m, r and {x["id"]: e["event"] for e in r["events"] for x in e["members"]}

    def go_dedup(self, corpus, threshold):
        m, r = self.run("go-dedup", [str(GO_BINARY), "-o", str(self._out("go-dedup")), "-threshold", str(threshold),
                                     str(corpus)])
        return m, r and r["groups"]

    def sklearn_cluster(self, corpus, threshold):
        argv = [sys.executable, str(HERE.parent / "peer_sklearn.py"), "cluster", str(corpus), "-o",
                str(self._out("sklearn")), "--threads", str(self.args.threads), "--event-threshold", str(threshold)]
        m, r = self.run("sklearn", argv)
        return m, r and r["labels"]

    def faiss_cluster(self, corpus, threshold):
        argv = [sys.executable, str(HERE / "peer_faiss.py"), str(corpus), "-o", str(self._out("faiss")),
                "--threads", str(self.args.threads), "--event-threshold", str(threshold)]
        m, r = self.run("faiss", argv)
        return m, r and r["labels"]


def tune(runner, corpus, gold_path, tuned):
    """Best threshold per tool on one corpus (F1), each tool on its own grid, for the tasks run."""
    events, gold_pairs = load_gold(gold_path)
    tuned = dict(tuned)

    def best(name, grid, score):
        scored = [(score(t), t) for t in grid]
        print(f"  tune {name}: " + ", ".join(f"{t}: {s:.3f}" for s, t in scored), flush=True)
        return max(scored)[1]

    if "near-duplicates" in runner.args.tasks:
        tune_near_duplicates(runner, corpus, gold_pairs, tuned, best)
    if "events" in runner.args.tasks:
        tune_events(runner, corpus, events, tuned, best)
    return tuned


def tune_near_duplicates(runner, corpus, gold_pairs, tuned, best):
    def dup_f1(groups):
        return metrics.pairwise_pairs(gold_pairs, metrics.pairs_from_groups(groups)).f1 if groups else 0.0

    # parallax's LSH bands are an option (default 32 x 4 rows); the Go library picks its own.
    setting = best("parallax dedup (threshold, bands)", [(t, b) for t in DUP_GRID for b in PARALLAX_BANDS],
                   lambda tb: dup_f1(runner.parallax_dedup(corpus, *tb)[1]))
    tuned["parallax_dup"], tuned["parallax_bands"] = setting
    tuned["go_dup"] = best("minhash-lsh", DUP_GRID, lambda t: dup_f1(runner.go_dedup(corpus, t)[1]))


def tune_events(runner, corpus, events, tuned, best):
    def event_f1(labels):
        return metrics.bcubed(events, labels).f1 if labels else 0.0

    tuned["parallax_event"] = best("parallax cluster", EVENT_GRID,
                                   lambda t: event_f1(runner.parallax_cluster(corpus, t)[1]))
    # The peers are tuned in process: vectors and neighbours once, the clustering per threshold.
    records = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    ids = [r["id"] for r in records]
    graph = peer_sklearn.Graph(records, peer_sklearn.DEFAULT_NEIGHBORS, runner.args.threads)
    tuned["sklearn_event"] = best("sklearn", EVENT_GRID, lambda t: event_f1(dict(zip(ids, graph.cluster(t)))))
    vectors = peer_faiss.dense_vectors(graph.matrix)
    neighbours, similarities = peer_faiss.knn(vectors, peer_sklearn.DEFAULT_NEIGHBORS)
    edges = linkage.knn_edges(neighbours, similarities, peer_sklearn.DEFAULT_FLOOR)
    dense = scipy.sparse.csr_matrix(vectors)
    tuned["faiss_event"] = best("sklearn+faiss", EVENT_GRID, lambda t: event_f1(dict(zip(
        ids, linkage.cluster(dense, edges, graph.days, t, peer_sklearn.DEFAULT_DATE_WINDOW)))))


def row(n, mb, task, tool, m, scores, note=""):
    ok = m is not None and m.rc == 0
    if ok and m.spread and not note:
        note = f"median of {m.spread[2]} runs, CPU {m.spread[0]:.2f}-{m.spread[1]:.2f} s"
    return {
        "n": n, "task": task, "tool": tool,
        "wall_s": round(m.wall, 2) if ok else "", "cpu_s": round(m.cpu, 2) if ok else "",
        "docs_per_s": round(n / m.wall) if ok else "", "mb_per_s": round(mb / m.wall, 2) if ok else "",
        "docs_per_cpu_s": round(n / m.cpu) if ok and m.cpu > 0 else "",
        "peak_rss_mb": round(m.rss_mb) if ok else "",
        "precision": round(scores.precision, 4) if ok and scores else "",
        "recall": round(scores.recall, 4) if ok and scores else "",
        "f1": round(scores.f1, 4) if ok and scores else "",
        "note": note if ok or note else ("timeout" if m and m.timed_out else f"failed (rc {m.rc})" if m else ""),
    }


def add_ratios(rows):
    """parallax/peer speed (wall docs/s and docs per CPU second) on every peer row of the same N and task."""
    for r in rows:
        r["speed_ratio"] = r["cpu_ratio"] = ""
        if r["tool"].startswith("parallax") or r["docs_per_s"] == "":
            continue
        ours = next((p for p in rows if p["n"] == r["n"] and p["task"] == r["task"] and p["tool"].startswith("parallax")
                     and p["docs_per_s"] != ""), None)
        if ours:
            r["speed_ratio"] = round(ours["docs_per_s"] / r["docs_per_s"], 2)
            r["cpu_ratio"] = round(ours["docs_per_cpu_s"] / r["docs_per_cpu_s"], 2)


def bench_size(runner, n, tuned):
    manifest = generate.ensure(n, jobs=runner.args.threads)
    corpus, gold_path, _ = generate.corpus_paths(n)
    mb = manifest["jsonl_bytes"] / 1e6
    events, gold_pairs = load_gold(gold_path)
    rows = []
    peers = n <= runner.args.peer_max
    skip = f"not run: quadratic kNN past --peer-max {runner.args.peer_max}"

    def dup(groups):
        return metrics.pairwise_pairs(gold_pairs, metrics.pairs_from_groups(groups)) if groups is not None else None

    def ev(labels):
        return metrics.bcubed(events, labels) if labels is not None else None

    if "near-duplicates" in runner.args.tasks:
        m, g = runner.parallax_dedup(corpus, tuned["parallax_dup"], tuned.get("parallax_bands", 32))
        rows.append(row(n, mb, "near-duplicates", "parallax dedup", m, dup(g)))
        if n <= runner.args.go_max:
            m, g = runner.go_dedup(corpus, tuned["go_dup"])
            rows.append(row(n, mb, "near-duplicates", "minhash-lsh (Go)", m, dup(g)))
    if "events" in runner.args.tasks:
        m, labels = runner.parallax_cluster(corpus, tuned["parallax_event"])
        rows.append(row(n, mb, "events", "parallax cluster", m, ev(labels)))
        for tool, fn, key in (("sklearn", runner.sklearn_cluster, "sklearn_event"),
                              ("sklearn+faiss", runner.faiss_cluster, "faiss_event")):
            if peers:
                m, labels = fn(corpus, tuned[key])
                rows.append(row(n, mb, "events", tool, m, ev(labels)))
            else:
                rows.append(row(n, mb, "events", tool, None, None, skip))
    for r in rows:
        r["mb"] = round(mb, 1)
        print(json.dumps(r), flush=True)
    return rows


HEADERS = ["N", "task", "tool", "wall s", "CPU s", "docs/s", "MB/s", "docs/CPU-s", "peak RSS MB", "P", "R", "F1",
           "parallax/peer docs/s", "parallax/peer docs/CPU-s", "note"]
KEYS = ["n", "task", "tool", "wall_s", "cpu_s", "docs_per_s", "mb_per_s", "docs_per_cpu_s", "peak_rss_mb", "precision",
        "recall", "f1", "speed_ratio", "cpu_ratio", "note"]


def earlier_rows(path):
    """The rows of an earlier results.csv, numbers as numbers."""
    if not path.exists():
        return []

    def value(text):
        for cast in (int, float):
            try:
                return cast(text)
            except ValueError:
                pass
        return text

    with open(path, newline="", encoding="utf-8") as f:
        return [{k: value(v) for k, v in r.items()} for r in csv.DictReader(f)]


def merged_rows(rows, args):
    """This run's rows replace the same (N, task, tool) rows of the earlier results.csv, so a
    partial run (--sizes, --tasks) updates the table instead of truncating it (--fresh: not)."""
    if args.fresh:
        add_ratios(rows)
        return rows
    key = lambda r: (r["n"], r["task"], r["tool"])
    ours = {key(r) for r in rows}
    kept = [r for r in earlier_rows(OUT / "results.csv") if key(r) not in ours]
    order = {"near-duplicates": 0, "events": 1}
    merged = kept + rows
    merged.sort(key=lambda r: (r["n"], order.get(r["task"], 2), not r["tool"].startswith("parallax")))
    add_ratios(merged)
    return merged


def write_outputs(rows, tuned, args):
    rows = merged_rows(rows, args)
    with open(OUT / "results.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=KEYS + ["mb"])
        writer.writeheader()
        writer.writerows(rows)
    table_rows = [[r[k] for k in KEYS] for r in rows]
    text = tables.text_table(HEADERS, table_rows)
    md = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    md += ["| " + " | ".join(str(c) for c in tr) + " |" for tr in table_rows]
    info = (f"threads {args.threads}; CPU {platform.processor() or platform.machine()} x{os.cpu_count()}; "
            f"thresholds {json.dumps(tuned)}")
    (OUT / "summary.md").write_text("\n".join(md) + "\n\n" + info + "\n", encoding="utf-8")
    print("\n" + text + "\n" + info)
    plot(rows)


def log_log_axes(ax, title, x_label, y_label):
    """Both axes logarithmic, labelled, with a light grid: the scale plots' common frame."""
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)


def plot(rows):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (ax_time, ax_mem) = plt.subplots(1, 2, figsize=(12, 5))
    tools = sorted({(r["task"], r["tool"]) for r in rows})
    for task, tool in tools:
        pts = sorted((r["n"], r["wall_s"], r["peak_rss_mb"]) for r in rows
                     if r["task"] == task and r["tool"] == tool and r["wall_s"] != "")
        if not pts:
            continue
        ns = [p[0] for p in pts]
        style = "-o" if tool.startswith("parallax") else "--s"
        ax_time.plot(ns, [p[1] for p in pts], style, label=f"{tool} ({task})")
        ax_mem.plot(ns, [p[2] for p in pts], style, label=f"{tool} ({task})")
    all_n = sorted({r["n"] for r in rows})
    if len(all_n) > 1:
        base = next((r for r in rows if r["tool"] == "parallax cluster" and r["wall_s"] != ""), None)
        if base:
            ref = [base["wall_s"] * n * math.log(n) / (base["n"] * math.log(base["n"])) for n in all_n]
            ax_time.plot(all_n, ref, ":", color="grey", label="N log N (from parallax cluster's first point)")
    for ax, title, label in ((ax_time, "wall time vs N", "seconds"), (ax_mem, "peak memory vs N", "MB (peak RSS)")):
        log_log_axes(ax, title, "documents (N)", label)
    ax_time.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(OUT / "scale.png", dpi=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000, 100000, 1000000])
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--parallax", default=str(paths.parallax_binary()))
    parser.add_argument("--peer-max", type=int, default=100000, help="largest N for the scikit-learn / FAISS peers")
    parser.add_argument("--go-max", type=int, default=1000000, help="largest N for the MinHash LSH peer")
    parser.add_argument("--timeout", type=float, default=2400, help="seconds per tool run")
    parser.add_argument("--retune", action="store_true", help="tune thresholds again on the 10k corpus")
    parser.add_argument("--no-tune", action="store_true", help="use the tools' default thresholds")
    parser.add_argument("--repeat", type=int, default=3, help=f"runs of a tool under {REPEAT_UNDER_S} s (median reported)")
    parser.add_argument("--fresh", action="store_true", help="write only this run's rows (default: update the earlier table)")
    parser.add_argument("--tasks", nargs="+", choices=["near-duplicates", "events"], default=["near-duplicates", "events"],
                        help="which comparisons to run (and to tune with --retune)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_go_peer()
    runner = Runner(args)
    tuned_path = OUT / "tuned.json"
    if args.no_tune:
        tuned = dict(DEFAULTS)
    elif tuned_path.exists() and not args.retune:
        tuned = json.loads(tuned_path.read_text())
    else:
        generate.ensure(TUNE_SIZE, jobs=args.threads)
        corpus, gold_path, _ = generate.corpus_paths(TUNE_SIZE)
        earlier = json.loads(tuned_path.read_text()) if tuned_path.exists() else dict(DEFAULTS)
        tuned = tune(runner, corpus, gold_path, earlier)
        tuned_path.write_text(json.dumps(tuned, indent=2))
    runner.dup_flags = ["--dup-threshold", str(tuned["parallax_dup"]), "--bands", str(tuned.get("parallax_bands", 32))]
    rows = []
    for n in args.sizes:
        rows += bench_size(runner, n, tuned)
        write_outputs(rows, tuned, args)


if __name__ == "__main__":
    main()
