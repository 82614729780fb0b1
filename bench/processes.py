"""Run a tool in a fresh process and measure it: wall time and peak resident memory.

Peak memory and CPU time come from GNU time (`/usr/bin/time -f "%M %U %S"`, Debian package `time`), not from this
process's own wait4: Linux carries a process's peak RSS across fork and exec, so a child forked
from the (large) benchmark process would report at least the benchmark's own size. Without GNU
time both are reported as unknown (nan).
"""
import os
import shutil
import subprocess
import time
from dataclasses import dataclass

GNU_TIME = shutil.which("time", path="/usr/bin:/bin")


@dataclass
class Measured:
    returncode: int
    wall_s: float
    peak_rss_mb: float
    cpu_s: float  # user + system seconds of the whole process
    stderr: str


def run_measured(argv, stderr_path) -> Measured:
    """Run argv with stdout discarded and stderr saved; the tool must write its result to a file."""
    rss_path = f"{stderr_path}.rss"
    if GNU_TIME:
        argv = [GNU_TIME, "-q", "-f", "%M %U %S", "-o", rss_path] + list(argv)
    with open(stderr_path, "wb") as err:
        start = time.perf_counter()
        returncode = subprocess.call(argv, stdout=subprocess.DEVNULL, stderr=err)
        wall = time.perf_counter() - start
    with open(stderr_path, encoding="utf-8", errors="replace") as f:
        stderr = f.read()
    peak_rss_mb, cpu_s = _gnu_time_figures(rss_path)
    return Measured(returncode, wall, peak_rss_mb, cpu_s, stderr)


def _gnu_time_figures(rss_path):
    """(peak RSS in MB, user + system seconds) from GNU time's output file, or nan."""
    try:
        with open(rss_path, encoding="utf-8") as f:
            rss_kb, user, system = f.read().strip().splitlines()[-1].split()
        os.unlink(rss_path)
        return int(rss_kb) / 1024.0, float(user) + float(system)
    except (OSError, ValueError, IndexError):
        return float("nan"), float("nan")
