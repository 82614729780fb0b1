"""Finds libparallax, loads it with ctypes, declares the C signatures and checks the ABI version."""
import ctypes
import ctypes.util
import os
import pathlib
import threading

#: The PARALLAX_ABI_VERSION of include/parallax/parallax.h this package was written against.
ABI_VERSION = 1

_HERE = pathlib.Path(__file__).resolve().parent
_LIBRARY_NAMES = ("libparallax.so", "libparallax.so.1", "libparallax.dylib")

c_size_p = ctypes.POINTER(ctypes.c_size_t)
c_char_pp = ctypes.POINTER(ctypes.c_char_p)
c_str_array = ctypes.POINTER(ctypes.c_char_p)


class LibraryNotFoundError(ImportError):
    """libparallax could not be found or loaded; the message says where it looked and what to do."""


class _Engine(ctypes.Structure):
    pass


class _Groups(ctypes.Structure):
    pass


class _Index(ctypes.Structure):
    pass


class _DocumentFrequencies(ctypes.Structure):
    pass


EngineHandle = ctypes.POINTER(_Engine)
GroupsHandle = ctypes.POINTER(_Groups)
IndexHandle = ctypes.POINTER(_Index)
FrequenciesHandle = ctypes.POINTER(_DocumentFrequencies)

# name: (restype, argtypes). Every status-returning call returns int32.
_S = ctypes.c_int32
_SIGNATURES = {
    "parallax_version": (ctypes.c_char_p, []),
    "parallax_abi_version": (ctypes.c_int32, []),
    "parallax_last_error": (ctypes.c_char_p, []),
    "parallax_status_name": (ctypes.c_char_p, [ctypes.c_int32]),
    "parallax_string_free": (None, [ctypes.c_void_p]),
    "parallax_option_count": (ctypes.c_size_t, []),
    "parallax_option_info": (_S, [ctypes.c_size_t, c_char_pp, c_char_pp, c_char_pp, c_char_pp]),
    "parallax_engine_create": (_S, [c_str_array, c_str_array, ctypes.c_size_t, ctypes.POINTER(EngineHandle)]),
    "parallax_engine_free": (None, [EngineHandle]),
    "parallax_engine_option": (_S, [EngineHandle, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_add": (_S, [EngineHandle] + [ctypes.c_char_p] * 7),
    "parallax_engine_add_batch": (_S, [EngineHandle, ctypes.c_size_t] + [c_str_array] * 7),
    "parallax_engine_read_corpus": (_S, [EngineHandle, ctypes.c_char_p, c_size_p, c_size_p,
                                         ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_read_corpus_columns": (_S, [EngineHandle, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                                 c_size_p, c_size_p, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_document_count": (_S, [EngineHandle, c_size_p]),
    "parallax_engine_build": (_S, [EngineHandle, ctypes.c_int32]),
    "parallax_engine_find": (_S, [EngineHandle, ctypes.c_char_p, c_size_p]),
    "parallax_engine_remove": (_S, [EngineHandle, ctypes.c_char_p]),
    "parallax_engine_document_json": (_S, [EngineHandle, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_documents_json": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_signature_length": (_S, [EngineHandle, c_size_p]),
    "parallax_engine_signature": (_S, [EngineHandle, ctypes.c_size_t, ctypes.POINTER(ctypes.c_uint32),
                                       ctypes.c_size_t, c_size_p]),
    "parallax_engine_vector_shape": (_S, [EngineHandle, c_size_p, c_size_p]),
    "parallax_engine_vector": (_S, [EngineHandle, ctypes.c_size_t, ctypes.POINTER(ctypes.c_float),
                                    ctypes.c_size_t, c_size_p]),
    "parallax_engine_vectors": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_float), ctypes.c_size_t, c_size_p]),
    "parallax_engine_near_duplicate_groups": (_S, [EngineHandle, ctypes.POINTER(GroupsHandle)]),
    "parallax_engine_event_clusters": (_S, [EngineHandle, ctypes.POINTER(GroupsHandle)]),
    "parallax_engine_events_json": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_translations_json": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_partial_copies_json": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_groups_free": (None, [GroupsHandle]),
    "parallax_groups_shape": (_S, [GroupsHandle, c_size_p, c_size_p]),
    "parallax_groups_arrays": (_S, [GroupsHandle, ctypes.POINTER(ctypes.POINTER(ctypes.c_uint64)),
                                    ctypes.POINTER(ctypes.POINTER(ctypes.c_uint64)),
                                    ctypes.POINTER(ctypes.POINTER(ctypes.c_double)),
                                    ctypes.POINTER(ctypes.POINTER(ctypes.c_uint64))]),
    # The document index (python/parallax/index.py).
    "parallax_index_open": (_S, [ctypes.c_char_p, ctypes.c_int32, c_str_array, c_str_array, ctypes.c_size_t,
                                 ctypes.POINTER(IndexHandle)]),
    "parallax_index_close": (None, [IndexHandle]),
    "parallax_index_add": (_S, [IndexHandle, ctypes.c_size_t] + [c_str_array] * 7 + [c_size_p]),
    "parallax_index_add_corpus": (_S, [IndexHandle, ctypes.c_char_p, c_size_p, c_size_p, c_size_p]),
    "parallax_index_query_json": (_S, [IndexHandle, ctypes.c_size_t] + [c_str_array] * 7 +
                                  [ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_index_query_method_json": (_S, [IndexHandle, ctypes.c_int32, ctypes.c_size_t] + [c_str_array] * 7 +
                                         [ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_index_delete": (_S, [IndexHandle, ctypes.c_size_t, c_str_array, c_size_p]),
    "parallax_index_events_json": (_S, [IndexHandle, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_index_stats_json": (_S, [IndexHandle, ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_compare": (_S, [EngineHandle, c_str_array, ctypes.c_size_t, ctypes.c_int32,
                                     ctypes.POINTER(ctypes.c_void_p)]),
    "parallax_engine_report": (_S, [EngineHandle, ctypes.c_int32, ctypes.c_int32, ctypes.POINTER(ctypes.c_void_p)]),
    # Feature-level stages (python/parallax/features.py).
    "parallax_engine_text_signature": (_S, [EngineHandle, ctypes.c_char_p, ctypes.c_char_p,
                                            ctypes.POINTER(ctypes.c_uint32), ctypes.c_size_t, c_size_p]),
    "parallax_engine_lsh_banding": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_int32), ctypes.POINTER(ctypes.c_int32)]),
    "parallax_engine_band_keys": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_uint32), ctypes.c_size_t,
                                       ctypes.POINTER(ctypes.c_uint64), ctypes.c_size_t, c_size_p]),
    "parallax_engine_groups_from_signatures": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_uint32), ctypes.c_size_t,
                                                    ctypes.c_size_t, ctypes.POINTER(ctypes.c_uint64),
                                                    ctypes.POINTER(GroupsHandle)]),
    "parallax_engine_term_counts": (_S, [EngineHandle, ctypes.c_size_t, ctypes.POINTER(ctypes.c_uint64),
                                         ctypes.POINTER(ctypes.c_uint32), ctypes.c_size_t, c_size_p]),
    "parallax_engine_document_frequencies": (_S, [EngineHandle, ctypes.POINTER(FrequenciesHandle)]),
    "parallax_document_frequencies_create": (_S, [ctypes.POINTER(FrequenciesHandle)]),
    "parallax_document_frequencies_free": (None, [FrequenciesHandle]),
    "parallax_document_frequencies_add": (_S, [FrequenciesHandle, ctypes.POINTER(ctypes.c_uint64), ctypes.c_size_t]),
    "parallax_document_frequencies_merge": (_S, [FrequenciesHandle, FrequenciesHandle]),
    "parallax_document_frequencies_shape": (_S, [FrequenciesHandle, c_size_p, c_size_p]),
    "parallax_document_frequencies_serialize": (_S, [FrequenciesHandle, ctypes.POINTER(ctypes.c_uint8),
                                                     ctypes.c_size_t, c_size_p]),
    "parallax_document_frequencies_deserialize": (_S, [ctypes.POINTER(ctypes.c_uint8), ctypes.c_size_t,
                                                       ctypes.POINTER(FrequenciesHandle)]),
    "parallax_engine_tfidf_vectors": (_S, [EngineHandle, FrequenciesHandle, ctypes.c_size_t,
                                           ctypes.POINTER(ctypes.c_uint64), ctypes.POINTER(ctypes.c_uint64),
                                           ctypes.POINTER(ctypes.c_uint32), ctypes.POINTER(ctypes.c_float),
                                           ctypes.c_size_t, c_size_p]),
    "parallax_engine_events_from_vectors": (_S, [EngineHandle, ctypes.POINTER(ctypes.c_float), ctypes.c_size_t,
                                                 ctypes.c_size_t, c_str_array, c_str_array,
                                                 ctypes.POINTER(ctypes.c_uint64), ctypes.POINTER(GroupsHandle)]),
}

_lock = threading.Lock()
_library = None


def _candidates():
    """Where the library may be, in the order tried (PARALLAX_LIBRARY is handled before)."""
    places = [_HERE / name for name in _LIBRARY_NAMES]
    # A source checkout built by ./parallax.sh: python/parallax/ -> build/engine/.
    build = _HERE.parent.parent / os.environ.get("PARALLAX_BUILD_DIR", "build") / "engine"
    places += [build / name for name in _LIBRARY_NAMES]
    return places


def _locate():
    explicit = os.environ.get("PARALLAX_LIBRARY")
    if explicit:
        if not pathlib.Path(explicit).is_file():
            raise LibraryNotFoundError(
                f"PARALLAX_LIBRARY is set to {explicit!r}, which is not a file. Point it at the "
                "libparallax.so your build produced (e.g. build/engine/libparallax.so).")
        return explicit
    for place in _candidates():
        if place.is_file():
            return str(place)
    found = ctypes.util.find_library("parallax")
    if found:
        return found
    looked = "\n  ".join(str(p) for p in _candidates())
    raise LibraryNotFoundError(
        "cannot find libparallax (the parallax C library). Looked in:\n  " + looked +
        "\n  and the system library path.\nBuild it with ./parallax.sh (or `cmake --build build "
        "--target parallax_shared`), then either set PARALLAX_LIBRARY=/path/to/libparallax.so, copy "
        "libparallax.so next to " + str(_HERE / "__init__.py") + ", or install it with cmake --install.")


def _declare(library):
    for name, (restype, argtypes) in _SIGNATURES.items():
        function = getattr(library, name)
        function.restype = restype
        function.argtypes = argtypes


def library():
    """The loaded, checked libparallax (loaded on first use)."""
    global _library
    with _lock:
        if _library is None:
            path = _locate()
            try:
                loaded = ctypes.CDLL(path)
            except OSError as error:
                raise LibraryNotFoundError(f"cannot load {path}: {error}") from error
            try:
                _declare(loaded)
            except AttributeError as error:
                raise LibraryNotFoundError(
                    f"{path} is not a compatible libparallax (missing {error}); rebuild it") from error
            found = loaded.parallax_abi_version()
            if found != ABI_VERSION:
                raise LibraryNotFoundError(
                    f"{path} has ABI version {found}, but this Python package needs ABI version "
                    f"{ABI_VERSION}: use the python/parallax package from the same parallax version "
                    "as the library, or rebuild the library.")
            _library = loaded
        return _library
