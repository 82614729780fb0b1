"""parallax for Python: near-duplicates, event clusters and claim comparison over a news corpus.

    import parallax
    with parallax.Engine(threads=4) as engine:
        engine.read_corpus("examples/corpus.jsonl")
        engine.build()
        for cluster in engine.event_clusters():
            print(cluster.representative, cluster.members)

A thin ctypes layer over libparallax (include/parallax/parallax.h). The library is found through
the PARALLAX_LIBRARY environment variable, next to this file, in a source checkout's build/engine/,
or on the system library path.
"""
from ._library import ABI_VERSION, LibraryNotFoundError
from .engine import Engine, Group, Groups, options, version
from .errors import (CorpusReadError, EmptyCorpusError, IncompatibleIndexError, InvalidInputError, NotBuiltError,
                     NotFoundError, ParallaxError)
from .index import Index

__all__ = [
    "ABI_VERSION", "CorpusReadError", "EmptyCorpusError", "Engine", "Group", "Groups", "IncompatibleIndexError",
    "Index", "InvalidInputError", "LibraryNotFoundError", "NotBuiltError", "NotFoundError", "ParallaxError", "options", "version",
]
