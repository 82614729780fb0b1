"""The feature-level stages of a build, on features the caller holds (include/parallax/parallax.h,
"Feature-level stages"): what shards of a corpus compute where their documents are, and what joins
them elsewhere with the same answer as one Engine. parallax.dask chains them over a Dask cluster.

Every call takes an Engine for its settings (hashes, dup_threshold, dimensions, event thresholds...);
give every shard an Engine created with the same options.

    with parallax.Engine(threads=1) as engine:
        signature = features.text_signature(engine, "Text of a document", title="Its title")
        keys = features.band_keys(engine, signature)            # one uint64 per LSH band
        groups = features.groups_from_signatures(engine, np.stack([sig_a, sig_b]), ids=[7, 9])
"""
import ctypes

import numpy as np

from . import errors
from ._library import FrequenciesHandle, library
from .engine import _check, _encode, _strings

#: Build scope: analysis only (signatures, term counts, document frequencies), no groups.
BUILD_FEATURES = 3

_U32 = ctypes.POINTER(ctypes.c_uint32)
_U64 = ctypes.POINTER(ctypes.c_uint64)
_F32 = ctypes.POINTER(ctypes.c_float)


def _pointer(array, kind):
    return array.ctypes.data_as(kind)


def analyze(engine):
    """Analyzes the documents added to `engine` without grouping them (PARALLAX_BUILD_FEATURES): then
    Engine.signature, term_counts and DocumentFrequencies.of(engine) can be read."""
    _check(library().parallax_engine_build(engine._h, BUILD_FEATURES))
    return engine


def _signature_length(engine):
    length = ctypes.c_size_t()
    _check(library().parallax_engine_signature_length(engine._h, ctypes.byref(length)))
    return length.value


def text_signature(engine, text, title=None):
    """The MinHash signature (uint32) the engine gives a document with this title and text; empty for
    a text without words."""
    out = np.zeros(_signature_length(engine), dtype=np.uint32)
    written = ctypes.c_size_t()
    _check(library().parallax_engine_text_signature(engine._h, _encode(title), _encode(text), _pointer(out, _U32),
                                                    out.size, ctypes.byref(written)))
    return out[:written.value]


def lsh_banding(engine):
    """(bands, rows) of the engine's near-duplicate search."""
    bands, rows = ctypes.c_int32(), ctypes.c_int32()
    _check(library().parallax_engine_lsh_banding(engine._h, ctypes.byref(bands), ctypes.byref(rows)))
    return bands.value, rows.value


def band_keys(engine, signatures):
    """LSH band keys (uint64): one per band for a signature, or an (n, bands) array for n signatures
    given as an (n, hashes) array. The engine buckets by each key's high 32 bits."""
    signatures = np.ascontiguousarray(signatures, dtype=np.uint32)
    single = signatures.ndim == 1
    rows = signatures.reshape(1, -1) if single else signatures
    bands, _ = lsh_banding(engine)
    out = np.zeros((rows.shape[0], bands), dtype=np.uint64)
    written = ctypes.c_size_t()
    lib = library()
    for r in range(rows.shape[0]):
        row = rows[r]
        _check(lib.parallax_engine_band_keys(engine._h, _pointer(row, _U32), row.size, _pointer(out[r], _U64), bands,
                                             ctypes.byref(written)))
    return out[0] if single else out


def _ids_array(ids, count):
    if ids is None:
        return None
    ids = np.ascontiguousarray(ids, dtype=np.uint64)
    if ids.shape != (count,):
        raise ValueError(f"ids has shape {ids.shape}, expected ({count},)")
    return ids


def groups_from_signatures(engine, signatures, ids=None):
    """Near-duplicate groups of an (n, hashes) array of signatures (rows of documents without words
    left out), members named by ids (else row numbers): parallax.Groups."""
    signatures = np.ascontiguousarray(signatures, dtype=np.uint32)
    if signatures.ndim != 2:
        raise ValueError("signatures must be an (n, hashes) array")
    ids = _ids_array(ids, signatures.shape[0])
    return engine._groups(lambda handle, out: library().parallax_engine_groups_from_signatures(
        handle, _pointer(signatures, _U32), signatures.shape[0], signatures.shape[1],
        None if ids is None else _pointer(ids, _U64), out))


def term_counts(engine, document, capacity=1024):
    """Document `document`'s (index) term hashes (uint64, ascending) and counts (uint32) after a build."""
    lib = library()
    written = ctypes.c_size_t()
    while True:
        terms, counts = np.zeros(capacity, dtype=np.uint64), np.zeros(capacity, dtype=np.uint32)
        status = lib.parallax_engine_term_counts(engine._h, int(document), _pointer(terms, _U64),
                                                 _pointer(counts, _U32), capacity, ctypes.byref(written))
        if status != errors.BUFFER_TOO_SMALL:
            _check(status)
            return terms[:written.value], counts[:written.value]
        capacity = written.value


def tfidf_vectors(engine, frequencies, offsets, terms, counts):
    """Dense TF-IDF rows (float32, (n, dimensions)) of n documents weighed by `frequencies`: document d's
    terms are terms[offsets[d]:offsets[d+1]] (ascending) with counts parallel, as term_counts gives them."""
    offsets = np.ascontiguousarray(offsets, dtype=np.uint64)
    terms = np.ascontiguousarray(terms, dtype=np.uint64)
    counts = np.ascontiguousarray(counts, dtype=np.uint32)
    n = offsets.size - 1
    dims = int(engine.option("dimensions"))
    out = np.zeros((n, dims), dtype=np.float32)
    written = ctypes.c_size_t()
    _check(library().parallax_engine_tfidf_vectors(engine._h, frequencies._handle, n, _pointer(offsets, _U64),
                                                   _pointer(terms, _U64), _pointer(counts, _U32),
                                                   _pointer(out, _F32), out.size, ctypes.byref(written)))
    return out


def events_from_vectors(engine, vectors, dates=None, langs=None, ids=None):
    """Event clusters of an (n, dimensions) float32 array of L2-normalized rows; dates (ISO 8601 or
    None per row) and langs optional; members named by ids (else row numbers): parallax.Groups."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim != 2:
        raise ValueError("vectors must be an (n, dimensions) array")
    n = vectors.shape[0]
    ids = _ids_array(ids, n)
    date_array = None if dates is None else _strings([d or None for d in dates])
    lang_array = None if langs is None else _strings(list(langs))
    for name, array in (("dates", date_array), ("langs", lang_array)):
        if array is not None and len(array) != n:
            raise ValueError(f"{name} has {len(array)} entries for {n} vectors")
    return engine._groups(lambda handle, out: library().parallax_engine_events_from_vectors(
        handle, _pointer(vectors, _F32), n, vectors.shape[1], date_array, lang_array,
        None if ids is None else _pointer(ids, _U64), out))


class DocumentFrequencies:
    """Document frequencies of a set of documents: counted per shard, merged, pickled (as the bytes of
    parallax_document_frequencies_serialize), so that every shard weighs vectors with the corpus's idf."""

    def __init__(self, handle=None):
        lib = library()
        if handle is None:
            handle = FrequenciesHandle()
            _check(lib.parallax_document_frequencies_create(ctypes.byref(handle)))
        self._lib, self._handle = lib, handle

    @classmethod
    def of(cls, engine):
        """The frequencies of an engine's documents (after any build)."""
        handle = FrequenciesHandle()
        _check(library().parallax_engine_document_frequencies(engine._h, ctypes.byref(handle)))
        return cls(handle)

    @classmethod
    def from_bytes(cls, data):
        data = bytes(data)
        buffer = (ctypes.c_uint8 * max(len(data), 1)).from_buffer_copy(data or b"\0")
        handle = FrequenciesHandle()
        _check(library().parallax_document_frequencies_deserialize(buffer, len(data), ctypes.byref(handle)))
        return cls(handle)

    def to_bytes(self):
        needed = ctypes.c_size_t()
        status = self._lib.parallax_document_frequencies_serialize(self._handle, None, 0, ctypes.byref(needed))
        if status != errors.BUFFER_TOO_SMALL:
            _check(status)
        buffer = (ctypes.c_uint8 * needed.value)()
        _check(self._lib.parallax_document_frequencies_serialize(self._handle, buffer, needed.value,
                                                                 ctypes.byref(needed)))
        return bytes(buffer)

    def add(self, terms):
        """Counts one more document holding these term hashes."""
        terms = np.ascontiguousarray(terms, dtype=np.uint64)
        _check(self._lib.parallax_document_frequencies_add(self._handle, _pointer(terms, _U64), terms.size))
        return self

    def merge(self, other):
        """Adds other's documents and frequencies to these; returns self."""
        _check(self._lib.parallax_document_frequencies_merge(self._handle, other._handle))
        return self

    def _shape(self):
        documents, terms = ctypes.c_size_t(), ctypes.c_size_t()
        _check(self._lib.parallax_document_frequencies_shape(self._handle, ctypes.byref(documents),
                                                             ctypes.byref(terms)))
        return documents.value, terms.value

    @property
    def documents(self):
        return self._shape()[0]

    @property
    def terms(self):
        return self._shape()[1]

    def __reduce__(self):
        return (DocumentFrequencies.from_bytes, (self.to_bytes(),))

    def __eq__(self, other):
        return isinstance(other, DocumentFrequencies) and self.to_bytes() == other.to_bytes()

    def __del__(self):
        handle, self._handle = getattr(self, "_handle", None), None
        if handle:
            self._lib.parallax_document_frequencies_free(handle)
