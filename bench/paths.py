"""Where the benchmark finds shared data and writes its output.

Nothing here is machine-specific: the shared data sits beside the repository
(`<repo>/../shared/data`), and environment variables override every location.
"""
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """The shared datasets (`PARALLAX_DATA`, else `<repo>/../shared/data`)."""
    env = os.environ.get("PARALLAX_DATA")
    return Path(env) if env else (REPO / ".." / "shared" / "data").resolve()


def seeds_dir() -> Path:
    """The two seed articles (`PARALLAX_SEEDS`, else `seeds/` beside the data folder)."""
    env = os.environ.get("PARALLAX_SEEDS")
    return Path(env) if env else (data_dir() / ".." / "seeds").resolve()


def out_dir() -> Path:
    """Benchmark output (`PARALLAX_BENCH_OUT`, else `bench/out/`, which git ignores)."""
    env = os.environ.get("PARALLAX_BENCH_OUT")
    path = Path(env) if env else REPO / "bench" / "out"
    path.mkdir(parents=True, exist_ok=True)
    return path


def corpora_dir() -> Path:
    path = out_dir() / "corpora"
    path.mkdir(parents=True, exist_ok=True)
    return path


def parallax_binary() -> Path:
    """The CLI under test (`PARALLAX_BIN`, else `build/engine/parallax`)."""
    env = os.environ.get("PARALLAX_BIN")
    return Path(env) if env else REPO / "build" / "engine" / "parallax"
