"""The two tools behind one interface: event labels and near-duplicate groups for a corpus file,
once per setting (for tuning) or measured over repetitions in fresh processes (for the report)."""
import json
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import corpora
import paths
import peer_sklearn
import processes


@dataclass
class Timing:
    """Per repetition: seconds (the tool's own end-to-end wall time), CPU seconds (user + system,
    all threads), peak memory, and the whole process's wall time."""
    seconds: list
    cpu_seconds: list
    peak_rss_mb: list
    process_seconds: list = field(default_factory=list)

    @property
    def cpu_median(self):
        return statistics.median(self.cpu_seconds)

    @property
    def median(self):
        return statistics.median(self.seconds)

    @property
    def spread(self):
        return max(self.seconds) - min(self.seconds)

    @property
    def peak_rss_median(self):
        return statistics.median(self.peak_rss_mb)


class ToolFailed(RuntimeError):
    pass


def _flags(options):
    argv = []
    for key, value in options.items():
        if value is not None:
            argv += [f"--{key}", str(value)]
    return argv


class Parallax:
    name = "parallax"

    def __init__(self, binary=None, threads=None):
        self.binary = Path(binary or paths.parallax_binary())
        self.threads = threads or os.cpu_count()
        self.workdir = Path(tempfile.mkdtemp(prefix="parallax-bench-"))
        self.snapshot = self.workdir / "parallax"

    def available(self):
        """True when the binary exists; it is then copied, so a rebuild during the run is harmless."""
        if not (self.binary.is_file() and os.access(self.binary, os.X_OK)):
            return False
        shutil.copy2(self.binary, self.snapshot)
        # The data files the build made go with it (the CLI looks beside itself first).
        for name in ("concepts.plx", "antonyms.tsv"):
            data = self.binary.parent.parent / "share" / "parallax" / name
            if data.is_file():
                shutil.copy2(data, self.workdir / name)
        return True

    def run(self, command, corpus, options):
        """One fresh-process run; returns (parsed JSON, processes.Measured)."""
        out = self.workdir / "out.json"
        argv = [str(self.snapshot), command, str(corpus), "--format", "json", "-o", str(out),
                "--threads", str(self.threads)] + _flags(options)
        measured = processes.run_measured(argv, self.workdir / "stderr.txt")
        if measured.returncode != 0:
            raise ToolFailed(f"{' '.join(argv)} exited {measured.returncode}: {measured.stderr[-2000:]}")
        with open(out, encoding="utf-8") as f:
            return json.load(f), measured

    @staticmethod
    def event_labels(result):
        return {m["id"]: e["event"] for e in result["events"] for m in e["members"]}

    @staticmethod
    def duplicate_groups(result):
        return [[m["id"] for m in g["members"]] for g in result["near_duplicate_groups"]]

    def cluster_grid(self, corpus, thresholds, options):
        return {t: self.event_labels(self.run("cluster", corpus, dict(options, **{"event-threshold": t}))[0])
                for t in thresholds}

    def dedup_grid(self, corpus, thresholds, options):
        return {t: self.duplicate_groups(self.run("dedup", corpus, dict(options, **{"dup-threshold": t}))[0])
                for t in thresholds}

    def timed(self, command, corpus, options, repetitions):
        """(result of the first repetition, Timing). Seconds and CPU seconds = the whole process,
        so start-up, reading the JSONL and writing the JSON are charged to parallax."""
        first, seconds, cpu, rss = None, [], [], []
        for _ in range(repetitions):
            result, measured = self.run(command, corpus, options)
            first = first or result
            seconds.append(measured.wall_s)
            cpu.append(measured.cpu_s)
            rss.append(measured.peak_rss_mb)
        return first, Timing(seconds, cpu, rss, list(seconds))


class SklearnPeer:
    name = "sklearn"

    def __init__(self, threads=None):
        self.threads = threads or os.cpu_count()
        self.workdir = Path(tempfile.mkdtemp(prefix="sklearn-bench-"))
        self.script = Path(peer_sklearn.__file__).resolve()

    def cluster_grid(self, corpus, thresholds, options):
        """In process: TF-IDF and kNN once, the clustering at every threshold."""
        records = corpora.load_jsonl(corpus)
        ids = [r["id"] for r in records]
        graph = peer_sklearn.Graph(records, options["neighbors"], self.threads)
        return {t: dict(zip(ids, graph.cluster(t, options["floor"], options["date-window"])))
                for t in thresholds}

    def dedup_grid(self, corpus, thresholds, options):
        records = corpora.load_jsonl(corpus)
        ids = [r["id"] for r in records]
        graph = peer_sklearn.Graph(records, options["neighbors"], self.threads)
        return {t: [[ids[i] for i in g] for g in graph.duplicate_groups(t)] for t in thresholds}

    def timed(self, command, corpus, options, repetitions):
        """(result of the first repetition, Timing). Seconds and CPU seconds = the peer's own
        vectorize + kNN + cluster (Python start-up, imports and reading the JSONL are NOT charged)."""
        out = self.workdir / "out.json"
        argv = [sys.executable, str(self.script), command, str(corpus), "-o", str(out),
                "--threads", str(self.threads)] + _flags(options)
        first, seconds, cpu, rss, wall = None, [], [], [], []
        for _ in range(repetitions):
            measured = processes.run_measured(argv, self.workdir / "stderr.txt")
            if measured.returncode != 0:
                raise ToolFailed(f"{' '.join(argv)} exited {measured.returncode}: {measured.stderr[-2000:]}")
            with open(out, encoding="utf-8") as f:
                result = json.load(f)
            first = first or result
            seconds.append(result["timings"]["total_s"])
            cpu.append(result["timings"]["cpu_s"])
            rss.append(measured.peak_rss_mb)
            wall.append(measured.wall_s)
        return first, Timing(seconds, cpu, rss, wall)
