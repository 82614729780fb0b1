"""The Index class: an incremental document index in one SQLite file (docs/index.md)."""
import ctypes
import json

from ._library import IndexHandle, library
from .engine import _DOCUMENT_FIELDS, _OwnedHandle, _check, _encode, _option_arrays, _strings, _take_string

READ_WRITE = 1
READ_ONLY = 2


class Index(_OwnedHandle):
    """An index file holding documents' features, never their text. Keyword arguments are engine
    options (see parallax.options()) for a new index; an existing one keeps its own and refuses a
    different value (IncompatibleIndexError). An add places new documents among the stored groups
    and events (groups exact, events by the linkage rule) while those placed since the last
    recomputation, and the stored documents within the new ones' date windows, stay within
    recompute_share of the store (keyword, default 0.1; 0: recompute at every add); a recomputation, and events(), equal an Engine (or `parallax cluster`) over the same
    documents in the order they were added.

        with parallax.Index("news.db") as index:
            index.add_corpus("monday.jsonl")
            index.add([{"id": "x", "text": "..."}])
            print(index.query([{"id": "new", "text": "..."}]))
            report = index.events()          # as `parallax cluster --format json`
    """

    def __init__(self, path, read_only=False, **options):
        lib = library()
        keys, values, count = _option_arrays(options)
        handle = IndexHandle()
        _check(lib.parallax_index_open(_encode(str(path)), READ_ONLY if read_only else READ_WRITE, keys, values,
                                       count, ctypes.byref(handle)))
        self._lib, self._handle, self.path = lib, handle, str(path)

    def _free(self, handle):
        self._lib.parallax_index_close(handle)

    @staticmethod
    def _columns(documents):
        return [_strings([d.get(field) for d in documents]) for field in ("id", "text") + _DOCUMENT_FIELDS]

    def add(self, documents):
        """Adds dicts with "id", "text" and optional title/source/lang/date/url as one committed
        batch; ids already stored are skipped. Returns how many were added."""
        documents = list(documents)
        added = ctypes.c_size_t()
        _check(self._lib.parallax_index_add(self._h, len(documents), *self._columns(documents), ctypes.byref(added)))
        return added.value

    def add_corpus(self, path):
        """Adds a corpus file or folder as the CLI reads it. Returns (added, skipped, rejected)."""
        added, skipped, rejected = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_size_t()
        _check(self._lib.parallax_index_add_corpus(self._h, _encode(str(path)), ctypes.byref(added),
                                                   ctypes.byref(skipped), ctypes.byref(rejected)))
        return added.value, skipped.value, rejected.value

    def query(self, documents, rebuild=False):
        """Where each document would stand among the stored ones (nothing is stored): a list of
        {"id", "near_duplicates": [{"id", "jaccard"}], "event": None | {"label", "top_terms", "members"}}.
        Looked up in the stored assignments (near-duplicates exact, events by the linkage rule for
        one more document); rebuild=True rebuilds every stored document with these appended, the
        exact event at the cost of reading the whole store (docs/index.md)."""
        documents = list(documents)
        out = ctypes.c_void_p()
        method = 1 if rebuild else 0  # PARALLAX_QUERY_REBUILD, PARALLAX_QUERY_LOOKUP
        _check(self._lib.parallax_index_query_method_json(self._h, method, len(documents), *self._columns(documents),
                                                          ctypes.byref(out)))
        return json.loads(_take_string(out))["documents"]

    def delete(self, ids):
        """Removes documents by id; returns how many were stored."""
        ids = list(ids)
        deleted = ctypes.c_size_t()
        _check(self._lib.parallax_index_delete(self._h, len(ids), _strings(ids), ctypes.byref(deleted)))
        return deleted.value

    def events(self):
        """The report of the stored documents as `parallax cluster --format json` prints it."""
        out = ctypes.c_void_p()
        _check(self._lib.parallax_index_events_json(self._h, ctypes.byref(out)))
        return json.loads(_take_string(out))

    def stats(self):
        """Counts, options and feature version of the index."""
        out = ctypes.c_void_p()
        _check(self._lib.parallax_index_stats_json(self._h, ctypes.byref(out)))
        return json.loads(_take_string(out))

    def __len__(self):
        return self.stats()["documents"]
