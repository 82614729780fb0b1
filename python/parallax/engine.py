"""The Engine class: a corpus, its near-duplicate groups, event clusters, vectors and comparisons."""
import ctypes
import json
from dataclasses import dataclass

import numpy as np

from . import errors
from ._library import EngineHandle, GroupsHandle, library

BUILD_NEAR_DUPLICATES = 1
BUILD_EVERYTHING = 2
_COMPARE_MODES = {"document": 1, "source": 2, "speaker": 3}
_REPORT_FORMATS = {"json": 0, "md": 1, "html": 2, "text": 3}
_DOCUMENT_FIELDS = ("title", "source", "lang", "date", "url")


def _check(status):
    if status != errors.OK:
        lib = library()
        raise errors.error_for(status, lib.parallax_status_name(status).decode(),
                               lib.parallax_last_error().decode("utf-8", "replace"))


def _encode(value):
    """str -> UTF-8 bytes; bytes pass unchanged (the engine checks them); None stays None."""
    if value is None or isinstance(value, bytes):
        return value
    if not isinstance(value, str):
        value = str(value)
    return value.encode("utf-8", "surrogatepass")


def _option_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _take_string(pointer):
    """Copies text the library handed out, then frees it."""
    try:
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        library().parallax_string_free(pointer)


def _strings(values):
    array = (ctypes.c_char_p * len(values))()
    array[:] = [_encode(v) for v in values]
    return array


def options():
    """The option table: a list of {name, type, default, description}; any name is an Engine keyword."""
    lib = library()
    rows = []
    for i in range(lib.parallax_option_count()):
        fields = [ctypes.c_char_p() for _ in range(4)]
        _check(lib.parallax_option_info(i, *[ctypes.byref(f) for f in fields]))
        name, kind, default, description = (f.value.decode() for f in fields)
        rows.append({"name": name, "type": kind, "default": default, "description": description})
    return rows


def version():
    """The library's version string."""
    return library().parallax_version().decode()


@dataclass(frozen=True)
class Group:
    """One near-duplicate group or event cluster: document indices, their scores, the representative."""
    members: np.ndarray          # uint64 document indices
    scores: np.ndarray           # float64, parallel to members
    representative: int


class Groups:
    """Groups as flat arrays (members[offsets[g]:offsets[g+1]] is group g), also a sequence of Group."""

    def __init__(self, offsets, members, scores, representatives):
        self.offsets, self.members, self.scores, self.representatives = offsets, members, scores, representatives

    def __len__(self):
        return len(self.representatives)

    def __getitem__(self, g):
        if not -len(self) <= g < len(self):
            raise IndexError(g)
        g %= len(self)
        span = slice(int(self.offsets[g]), int(self.offsets[g + 1]))
        return Group(self.members[span], self.scores[span], int(self.representatives[g]))

    def __iter__(self):
        return (self[g] for g in range(len(self)))

    def labels(self, document_count):
        """The group index of each document, -1 for a document in no group."""
        out = np.full(document_count, -1, dtype=np.int64)
        for g in range(len(self)):
            out[self.members[self.offsets[g]:self.offsets[g + 1]].astype(np.int64)] = g
        return out


def _option_arrays(options):
    """Keyword options as the C ABI's key and value arrays and their length. A list value
    (lexicon=[a, b]) repeats its key, as the CLI repeats --lexicon."""
    pairs = [(k, v) for k, value in options.items()
             for v in (value if isinstance(value, (list, tuple)) else [value])]
    return _strings([k for k, _ in pairs]), _strings([_option_value(v) for _, v in pairs]), len(pairs)


class _OwnedHandle:
    """A C handle freed exactly once: by close(), at the end of a `with` block, or when the object
    is collected. After close() every call raises ValueError."""

    def _free(self, handle):
        raise NotImplementedError

    def close(self):
        """Frees the handle; further calls raise ValueError. Safe to call twice."""
        handle, self._handle = getattr(self, "_handle", None), None
        if handle:
            self._free(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    @property
    def _h(self):
        if not self._handle:
            raise ValueError("this parallax %s is closed" % type(self).__name__)
        return self._handle


class Engine(_OwnedHandle):
    """A parallax engine. Keyword arguments are options (see parallax.options()), e.g.
    Engine(threads=4, dup_threshold=0.6). Use it in a `with` block, or call close()."""

    def __init__(self, **options):
        lib = library()
        keys, values, count = _option_arrays(options)
        handle = EngineHandle()
        _check(lib.parallax_engine_create(keys, values, count, ctypes.byref(handle)))
        self._lib, self._handle = lib, handle

    def _free(self, handle):
        self._lib.parallax_engine_free(handle)

    # --- adding and building ------------------------------------------------------------------
    def option(self, name):
        """The engine's value of an option, as text."""
        out = ctypes.c_void_p()
        _check(self._lib.parallax_engine_option(self._h, _encode(name), ctypes.byref(out)))
        return _take_string(out)

    def add(self, id, text, *, title=None, source=None, lang=None, date=None, url=None):
        """Adds one document; raises InvalidInputError for bad or duplicate input."""
        _check(self._lib.parallax_engine_add(self._h, _encode(id), _encode(text), _encode(title), _encode(source),
                                             _encode(lang), _encode(date), _encode(url)))

    def add_many(self, documents):
        """Adds dicts with "id", "text" and optional title/source/lang/date/url, all or none."""
        documents = list(documents)
        if not documents:
            return
        columns = [_strings([d.get(field) for d in documents]) for field in ("id", "text") + _DOCUMENT_FIELDS]
        _check(self._lib.parallax_engine_add_batch(self._h, len(documents), *columns))

    def read_corpus(self, path, id_column=None, text_column=None):
        """Reads a JSONL file, a CSV or TSV file, a folder of .txt files or a text file (any of them
        gzip-compressed) as the CLI does; id_column and text_column name the CSV/TSV columns that
        hold each document's id and text (default "id" and "text", as --id-column and --text-column).
        Returns (added, rejected, problems) where problems is a list of message lines."""
        added, rejected, problems = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_void_p()
        _check(self._lib.parallax_engine_read_corpus_columns(
            self._h, _encode(str(path)), _encode(id_column), _encode(text_column), ctypes.byref(added),
            ctypes.byref(rejected), ctypes.byref(problems)))
        return added.value, rejected.value, _take_string(problems).splitlines()

    def __len__(self):
        count = ctypes.c_size_t()
        _check(self._lib.parallax_engine_document_count(self._h, ctypes.byref(count)))
        return count.value

    def build(self, events=True):
        """Builds near-duplicate groups, and with events=True also vectors and event clusters."""
        _check(self._lib.parallax_engine_build(self._h, BUILD_EVERYTHING if events else BUILD_NEAR_DUPLICATES))
        return self

    # --- documents --------------------------------------------------------------------------------
    def find(self, id):
        """The index of the document with this id (NotFoundError if none)."""
        index = ctypes.c_size_t()
        _check(self._lib.parallax_engine_find(self._h, _encode(id), ctypes.byref(index)))
        return index.value

    def remove(self, id):
        """Removes the document with this id (NotFoundError if none); the documents after it move
        down one index, and results wait for the next build(), which equals one without it."""
        _check(self._lib.parallax_engine_remove(self._h, _encode(id)))

    def _index(self, document):
        return self.find(document) if isinstance(document, (str, bytes)) else int(document)

    def document(self, document):
        """Metadata of a document (index or id) as a dict."""
        out = ctypes.c_void_p()
        _check(self._lib.parallax_engine_document_json(self._h, self._index(document), ctypes.byref(out)))
        return json.loads(_take_string(out))

    def documents(self):
        """Metadata of every document, in index order."""
        out = ctypes.c_void_p()
        _check(self._lib.parallax_engine_documents_json(self._h, ctypes.byref(out)))
        return json.loads(_take_string(out))

    def ids(self):
        return [d["id"] for d in self.documents()]

    # --- features ---------------------------------------------------------------------------------
    def signature(self, document):
        """The MinHash signature (uint32 array; empty for a document without words)."""
        length, written = ctypes.c_size_t(), ctypes.c_size_t()
        _check(self._lib.parallax_engine_signature_length(self._h, ctypes.byref(length)))
        out = np.zeros(length.value, dtype=np.uint32)
        _check(self._lib.parallax_engine_signature(self._h, self._index(document),
                                                   out.ctypes.data_as(ctypes.POINTER(ctypes.c_uint32)),
                                                   out.size, ctypes.byref(written)))
        return out[:written.value]

    def vector_shape(self):
        rows, columns = ctypes.c_size_t(), ctypes.c_size_t()
        _check(self._lib.parallax_engine_vector_shape(self._h, ctypes.byref(rows), ctypes.byref(columns)))
        return rows.value, columns.value

    def vector(self, document):
        """The L2-normalized dense vector of a document (float32; the engine keeps it at half precision,
        so its norm is 1 within 5e-4)."""
        out = np.zeros(self.vector_shape()[1], dtype=np.float32)
        written = ctypes.c_size_t()
        _check(self._lib.parallax_engine_vector(self._h, self._index(document),
                                                out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)), out.size,
                                                ctypes.byref(written)))
        return out

    def vectors(self):
        """All dense vectors, one row per document (float32, rows L2-normalized; kept at half precision,
        so norms are 1 within 5e-4)."""
        out = np.zeros(self.vector_shape(), dtype=np.float32)
        written = ctypes.c_size_t()
        _check(self._lib.parallax_engine_vectors(self._h, out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
                                                 out.size, ctypes.byref(written)))
        return out

    def similarity_matrix(self):
        """Cosine similarity of every pair of documents (vectors @ vectors.T)."""
        v = self.vectors()
        return v @ v.T

    # --- groups -------------------------------------------------------------------------------
    def _groups(self, call):
        handle = GroupsHandle()
        _check(call(self._h, ctypes.byref(handle)))
        try:
            count, size = ctypes.c_size_t(), ctypes.c_size_t()
            _check(self._lib.parallax_groups_shape(handle, ctypes.byref(count), ctypes.byref(size)))
            offsets, members = ctypes.POINTER(ctypes.c_uint64)(), ctypes.POINTER(ctypes.c_uint64)()
            scores, representatives = ctypes.POINTER(ctypes.c_double)(), ctypes.POINTER(ctypes.c_uint64)()
            _check(self._lib.parallax_groups_arrays(handle, ctypes.byref(offsets), ctypes.byref(members),
                                                    ctypes.byref(scores), ctypes.byref(representatives)))

            def copy(pointer, n, dtype):
                return np.ctypeslib.as_array(pointer, (n,)).astype(dtype, copy=True) if n else np.zeros(0, dtype)

            return Groups(copy(offsets, count.value + 1, np.uint64), copy(members, size.value, np.uint64),
                          copy(scores, size.value, np.float64), copy(representatives, count.value, np.uint64))
        finally:
            self._lib.parallax_groups_free(handle)

    def near_duplicate_groups(self):
        """Near-duplicate groups (2+ members; scores: estimated Jaccard with the representative)."""
        return self._groups(self._lib.parallax_engine_near_duplicate_groups)

    def event_clusters(self):
        """Event clusters, largest first (every document in one; scores: cosine with the representative)."""
        return self._groups(self._lib.parallax_engine_event_clusters)

    def events(self):
        """Event clusters described for a reader, as `parallax cluster --format json` prints them:
        a list of dicts with label, languages, sources, top_terms, dates and members."""
        out = ctypes.c_void_p()
        _check(self._lib.parallax_engine_events_json(self._h, ctypes.byref(out)))
        return json.loads(_take_string(out))

    def translations(self):
        """Cross-language copies (a document and its translation), as `parallax cluster --format json`
        prints them: a list of dicts with documents (two ids), languages and score."""
        out = ctypes.c_void_p()
        _check(self._lib.parallax_engine_translations_json(self._h, ctypes.byref(out)))
        return json.loads(_take_string(out))

    def partial_copies(self):
        """Partial copies (a document mostly contained in a longer one; needs the containment
        option), as `parallax cluster --format json` prints them: a list of dicts with contained,
        container (ids), containment and jaccard (estimated)."""
        out = ctypes.c_void_p()
        _check(self._lib.parallax_engine_partial_copies_json(self._h, ctypes.byref(out)))
        return json.loads(_take_string(out))

    def report(self, by="speaker", format="json", path=None):
        """The per-event "who said what" report of the last build, as `parallax report` writes it:
        every event (conflicts first) with its coverage and the comparison of its claims by
        "speaker" or "source". format "json" returns a dict; "html", "md" or "text" a string. With
        `path`, the report is also written to that file (e.g. report.html to open in a browser)."""
        if by not in ("speaker", "source"):
            raise ValueError(f"by must be 'speaker' or 'source', not {by!r}")
        if format not in _REPORT_FORMATS:
            raise ValueError(f"format must be one of {', '.join(_REPORT_FORMATS)}, not {format!r}")
        out = ctypes.c_void_p()
        _check(self._lib.parallax_engine_report(self._h, _REPORT_FORMATS[format], _COMPARE_MODES[by], ctypes.byref(out)))
        text = _take_string(out)
        if path is not None:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return json.loads(text) if format == "json" else text

    # --- comparison -------------------------------------------------------------------------------
    def compare(self, ids, by="document"):
        """Compares the claims of documents given by id, by "document", "source" or "speaker".
        Returns the JSON of `parallax compare --format json` as a dict."""
        if by not in _COMPARE_MODES:
            raise ValueError(f"by must be one of {', '.join(_COMPARE_MODES)}, not {by!r}")
        ids = list(ids)
        out = ctypes.c_void_p()
        _check(self._lib.parallax_engine_compare(self._h, _strings(ids), len(ids), _COMPARE_MODES[by],
                                                 ctypes.byref(out)))
        return json.loads(_take_string(out))
