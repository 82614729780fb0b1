/*
 * parallax.h: the C ABI of the parallax engine (libparallax).
 *
 * Near-duplicate groups, event clusters and claim comparison over a multilingual news corpus,
 * callable from C and from anything that can call C (the Python package uses ctypes).
 *
 * Conventions, true of every function below unless its comment says otherwise:
 *
 *  - Status: every function that can fail returns an int32_t status, PARALLAX_OK (0) on success or
 *    one of the PARALLAX_ERROR_* codes. The numbers are fixed and will never be reused.
 *  - Errors: parallax_last_error() returns the calling thread's message for its last failed call
 *    ("" after a successful one). Out-parameters are left untouched on failure, except where a
 *    comment says otherwise (the size reported with PARALLAX_ERROR_BUFFER_TOO_SMALL).
 *  - Handles are typed and opaque. The caller owns what a *_create or result call gives it and
 *    releases it with the matching *_free; every *_free accepts NULL.
 *  - Text in and out is UTF-8, NUL-terminated. Text that is not valid UTF-8 is refused with
 *    PARALLAX_ERROR_INVALID_UTF8.
 *  - JSON text handed out (char **out_json) is owned by the caller and freed with
 *    parallax_string_free().
 *  - Numeric results go into caller buffers: a shape call reports the size first; a buffer that
 *    is too small (or NULL) is refused with PARALLAX_ERROR_BUFFER_TOO_SMALL and the size needed is
 *    still written to *out_needed.
 *  - Options are (key, value) text pairs from one table (see parallax_option_info); the same keys
 *    are the CLI's flags (with dashes) and the Python package's keyword arguments.
 *  - No C++ exception crosses this boundary; a failure inside the engine becomes a status.
 *
 * Thread safety: the library keeps no global mutable state besides each thread's last error.
 * Different engines may be used from different threads at once. One engine is not synchronized:
 * calls that change it (add, read_corpus, build, remove, free) must not overlap any other call on it;
 * read-only calls (taking a const parallax_engine *) may run concurrently with each other.
 * Result handles (parallax_groups) are immutable and safe to read from any thread.
 */
#ifndef PARALLAX_PARALLAX_H
#define PARALLAX_PARALLAX_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(PARALLAX_BUILDING_LIBRARY)
#    define PARALLAX_API __declspec(dllexport)
#  else
#    define PARALLAX_API __declspec(dllimport)
#  endif
#else
#  define PARALLAX_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Version of this ABI. Raised on every incompatible change (a removed or changed function or
 * constant). Bindings compare it with parallax_abi_version() when they load the library.
 */
#define PARALLAX_ABI_VERSION 1

/* ---- Status codes (fixed numbers) ------------------------------------------------------------ */

#define PARALLAX_OK 0
/* A required pointer argument (handle, out-parameter, array) was NULL. */
#define PARALLAX_ERROR_NULL_ARGUMENT 1
/* An argument is out of range or malformed (empty id, blank text, bad date, unknown scope...). */
#define PARALLAX_ERROR_INVALID_ARGUMENT 2
/* A text argument is not valid UTF-8. The message names the field and the byte offset. */
#define PARALLAX_ERROR_INVALID_UTF8 3
/* An option key is not in the option table. */
#define PARALLAX_ERROR_UNKNOWN_OPTION 4
/* An option value does not parse, or the options contradict each other (bands must divide hashes). */
#define PARALLAX_ERROR_INVALID_OPTION 5
/* A document id is already in the engine. */
#define PARALLAX_ERROR_DUPLICATE_ID 6
/* parallax_engine_build() was called on an engine holding no document. */
#define PARALLAX_ERROR_EMPTY_CORPUS 7
/* A result was asked for before the build that produces it (or documents were added since). */
#define PARALLAX_ERROR_NOT_BUILT 8
/* A document index is out of range, or a document id is unknown. */
#define PARALLAX_ERROR_NOT_FOUND 9
/* The caller's buffer is NULL or smaller than needed; *out_needed holds the size needed. */
#define PARALLAX_ERROR_BUFFER_TOO_SMALL 10
/* A file could not be read. */
#define PARALLAX_ERROR_IO 11
/* The engine ran out of memory. */
#define PARALLAX_ERROR_OUT_OF_MEMORY 12
/* The call needs something this engine does not have (e.g. compare with keep_text=false). */
#define PARALLAX_ERROR_UNAVAILABLE 13
/* Anything else that went wrong inside the engine; the message says what. */
#define PARALLAX_ERROR_INTERNAL 14
/* An index file whose features another parallax computed, or created with other options. */
#define PARALLAX_ERROR_INCOMPATIBLE_INDEX 15

/* ---- Build scopes ----------------------------------------------------------------------------- */

/* Near-duplicate groups only (the fast path; no vectors, no event clusters). */
#define PARALLAX_BUILD_NEAR_DUPLICATES 1
/* Near-duplicate groups, dense vectors and event clusters. */
#define PARALLAX_BUILD_EVERYTHING 2
/* Analysis only: signatures, term counts and document frequencies, no groups (a shard's features,
 * grouped elsewhere through the feature-level calls below). */
#define PARALLAX_BUILD_FEATURES 3

/* ---- Comparison modes ------------------------------------------------------------------------- */

/* Each compared document is one side. */
#define PARALLAX_COMPARE_BY_DOCUMENT 1
/* Documents are pooled per source field. */
#define PARALLAX_COMPARE_BY_SOURCE 2
/* Claims are pooled per attributed speaker. */
#define PARALLAX_COMPARE_BY_SPEAKER 3

/* ---- Report formats (parallax_engine_report) -------------------------------------------------- */

#define PARALLAX_REPORT_JSON 0
#define PARALLAX_REPORT_MARKDOWN 1
#define PARALLAX_REPORT_HTML 2
#define PARALLAX_REPORT_TEXT 3

/* ---- Handles ---------------------------------------------------------------------------------- */

/* An engine: a corpus of documents and the results of its last build. */
typedef struct parallax_engine parallax_engine;
/* An immutable result: groups of document indices (near-duplicate groups or event clusters). */
typedef struct parallax_groups parallax_groups;
/* Document frequencies of a set of documents: counted by shards, merged, serialized. */
typedef struct parallax_document_frequencies parallax_document_frequencies;

/* ---- Library ---------------------------------------------------------------------------------- */

/* The library's version, e.g. "0.1.0". Static storage; never fails. Thread-safe. */
PARALLAX_API const char *parallax_version(void);

/* The PARALLAX_ABI_VERSION the library was built with. Never fails. Thread-safe. */
PARALLAX_API int32_t parallax_abi_version(void);

/*
 * The calling thread's message for its last failed parallax_* call, or "" when that call
 * succeeded. Valid until the thread's next parallax_* call. Never NULL. Thread-safe (per thread).
 */
PARALLAX_API const char *parallax_last_error(void);

/* The name of a status code ("PARALLAX_ERROR_NOT_BUILT"), or "PARALLAX_UNKNOWN_STATUS". Static
 * storage; never fails; does not touch the last error. Thread-safe. */
PARALLAX_API const char *parallax_status_name(int32_t status);

/* Releases text handed out by the library (JSON results, diagnostics). Accepts NULL. */
PARALLAX_API void parallax_string_free(char *text);

/* ---- Options ---------------------------------------------------------------------------------- */

/* Number of rows in the option table. Never fails. Thread-safe. */
PARALLAX_API size_t parallax_option_count(void);

/*
 * Describes row `index` of the option table. Each out-pointer may be NULL when not wanted; the
 * strings are static storage. type is "int", "float", "string" or "bool"; default_value is the
 * value an engine uses when the key is not given.
 * Errors: PARALLAX_ERROR_NOT_FOUND (index >= parallax_option_count()). Thread-safe.
 */
PARALLAX_API int32_t parallax_option_info(size_t index, const char **out_name, const char **out_type,
                                          const char **out_default_value, const char **out_description);

/* ---- Engine ----------------------------------------------------------------------------------- */

/*
 * Creates an engine. keys[i] = values[i] for i < option_count set options (e.g. "threads" = "4",
 * "dup_threshold" = "0.6"); keys may also be spelled with dashes ("dup-threshold"). Keys not given
 * keep their defaults; option_count 0 (keys and values may then be NULL) gives all defaults.
 * A later key overrides an earlier one. On success *out_engine is a new engine, freed with
 * parallax_engine_free().
 * Errors: NULL_ARGUMENT (out_engine NULL, or keys/values NULL with option_count > 0, or a NULL
 * entry), UNKNOWN_OPTION, INVALID_OPTION, INVALID_UTF8, OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_create(const char *const *keys, const char *const *values, size_t option_count,
                                            parallax_engine **out_engine);

/* Frees an engine and everything it holds. Accepts NULL. Result handles taken from it stay valid. */
PARALLAX_API void parallax_engine_free(parallax_engine *engine);

/*
 * The engine's current value of option `key` as text (the form parallax_engine_create accepts),
 * in *out_value, freed with parallax_string_free().
 * Errors: NULL_ARGUMENT, UNKNOWN_OPTION.
 */
PARALLAX_API int32_t parallax_engine_option(const parallax_engine *engine, const char *key, char **out_value);

/*
 * Adds one document. id and text are required: id non-empty, text holding something visible.
 * title, source (outlet or speaker), lang (BCP-47; detected when NULL or ""), date (ISO 8601
 * "YYYY-MM-DD[...]", or compact "20210126" or RFC 2822 "Tue, 26 Jan 2021 18:04:00 +0000", both
 * stored as ISO 8601) and url are optional: pass NULL or "". Every string is copied.
 * The document gets the next index (0, 1, 2... in the order added); its features are computed at
 * the next build. Adding invalidates results until the next parallax_engine_build().
 * Errors: NULL_ARGUMENT (engine, id or text NULL), INVALID_UTF8, INVALID_ARGUMENT (empty id,
 * blank text, unparseable date), DUPLICATE_ID, OUT_OF_MEMORY. On failure nothing is added.
 */
PARALLAX_API int32_t parallax_engine_add(parallax_engine *engine, const char *id, const char *text, const char *title,
                                         const char *source, const char *lang, const char *date, const char *url);

/*
 * Adds `count` documents at once: document i has ids[i], texts[i] and, when the array is not NULL,
 * titles[i], sources[i], langs[i], dates[i], urls[i] (entries may be NULL). All or nothing: every
 * document is checked first (as parallax_engine_add does, plus duplicates inside the batch); on any
 * failure none is added and the message names the index of the offending document.
 * Errors: as parallax_engine_add; NULL_ARGUMENT also when ids or texts is NULL with count > 0.
 */
PARALLAX_API int32_t parallax_engine_add_batch(parallax_engine *engine, size_t count, const char *const *ids,
                                               const char *const *texts, const char *const *titles,
                                               const char *const *sources, const char *const *langs,
                                               const char *const *dates, const char *const *urls);

/*
 * Reads a corpus the way the CLI does: a JSONL file, a CSV or TSV file (one document per row under
 * a header; the id and text columns are named "id" and "text"), a folder of .txt files, or a text
 * file, any of them gzip-compressed (docs/input.md). Dates are stored as ISO 8601 (RFC 2822 and
 * 20210126 are rewritten). Records that fail validation (bad JSON, CSV or UTF-8, missing id/text,
 * duplicate id, including an id already in the engine) are skipped and counted; every valid record
 * is added.
 * *out_added and *out_rejected (each may be NULL) receive the counts. When out_problems is not
 * NULL it receives the problems as text, one "file:line: message" per line ("" when none), freed
 * with parallax_string_free().
 * Errors: NULL_ARGUMENT (engine or path), INVALID_UTF8 (path), IO (the path cannot be read: the
 * engine is unchanged), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_read_corpus(parallax_engine *engine, const char *path, size_t *out_added,
                                                 size_t *out_rejected, char **out_problems);

/*
 * parallax_engine_read_corpus, with the columns of a CSV or TSV file that hold each document's id
 * and text named (matched ignoring case and surrounding spaces; NULL: "id" and "text", as the
 * CLI's --id-column and --text-column). Other inputs read as with parallax_engine_read_corpus.
 * Errors: as parallax_engine_read_corpus; INVALID_UTF8 also for a column name.
 */
PARALLAX_API int32_t parallax_engine_read_corpus_columns(parallax_engine *engine, const char *path,
                                                         const char *id_column, const char *text_column,
                                                         size_t *out_added, size_t *out_rejected, char **out_problems);

/* Number of documents added so far (built or not) in *out_count. Errors: NULL_ARGUMENT. */
PARALLAX_API int32_t parallax_engine_document_count(const parallax_engine *engine, size_t *out_count);

/*
 * Analyzes the documents added since the last build, then computes results from all documents:
 * scope PARALLAX_BUILD_NEAR_DUPLICATES (groups only) or PARALLAX_BUILD_EVERYTHING (groups, dense
 * vectors, event clusters). May be called again after more adds. Uses `threads` worker threads.
 * Errors: NULL_ARGUMENT, INVALID_ARGUMENT (unknown scope), EMPTY_CORPUS (no document added),
 * OUT_OF_MEMORY, INTERNAL.
 */
PARALLAX_API int32_t parallax_engine_build(parallax_engine *engine, int32_t scope);

/*
 * Removes the document with this id and everything kept of it (features, text). Document indices
 * are positions in order of addition: the documents after it move down one index (ids stay).
 * Results are NOT_BUILT until the next build, which then equals a build that never had the
 * document. Errors: NULL_ARGUMENT, INVALID_UTF8, NOT_FOUND (no document has the id).
 */
PARALLAX_API int32_t parallax_engine_remove(parallax_engine *engine, const char *id);

/* ---- Documents (after a build) ---------------------------------------------------------------- */

/*
 * Index of the document with this id in *out_index (works before a build too).
 * Errors: NULL_ARGUMENT, INVALID_UTF8, NOT_FOUND.
 */
PARALLAX_API int32_t parallax_engine_find(const parallax_engine *engine, const char *id, size_t *out_index);

/*
 * The metadata of document `index` as a JSON object in *out_json (freed with parallax_string_free):
 * {"index", "id", "title", "source", "lang" (given or detected), "date", "url", "text_bytes",
 *  "extra": {unknown JSONL fields, verbatim; only when present}}.
 * Errors: NULL_ARGUMENT, NOT_BUILT, NOT_FOUND (index out of range), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_document_json(const parallax_engine *engine, size_t index, char **out_json);

/* All documents' metadata as a JSON array of the objects above, in index order. Errors: as above. */
PARALLAX_API int32_t parallax_engine_documents_json(const parallax_engine *engine, char **out_json);

/* ---- Signatures and vectors (caller buffers) -------------------------------------------------- */

/* Shape call: the MinHash signature length (option "hashes") in *out_length. Errors: NULL_ARGUMENT. */
PARALLAX_API int32_t parallax_engine_signature_length(const parallax_engine *engine, size_t *out_length);

/*
 * Copies document `index`'s MinHash signature into buffer[0 .. *out_written). *out_written is the
 * signature length, or 0 for a document with no word at all (it has no signature).
 * With buffer NULL or capacity too small: BUFFER_TOO_SMALL, and *out_written holds the length needed.
 * Errors: NULL_ARGUMENT (engine or out_written), NOT_BUILT, NOT_FOUND, BUFFER_TOO_SMALL.
 */
PARALLAX_API int32_t parallax_engine_signature(const parallax_engine *engine, size_t index, uint32_t *buffer,
                                               size_t capacity, size_t *out_written);

/*
 * Shape call: rows (= documents) and columns (dimensions) of the dense vectors of the last
 * PARALLAX_BUILD_EVERYTHING build. Columns can be fewer than the "dimensions" option with
 * projection "svd" on a small corpus. Errors: NULL_ARGUMENT, NOT_BUILT.
 */
PARALLAX_API int32_t parallax_engine_vector_shape(const parallax_engine *engine, size_t *out_rows,
                                                  size_t *out_columns);

/*
 * Copies document `index`'s dense vector (L2-normalized, so a dot product is a cosine) into
 * buffer[0 .. columns). The engine keeps its vectors at half precision (IEEE binary16, 11
 * significant bits: half the memory): each value is the unit vector's rounded, so a norm or a
 * cosine can be off by about 5e-4 (a cosine of a vector with itself can exceed 1 by that much). *out_written receives columns (also on BUFFER_TOO_SMALL).
 * Errors: NULL_ARGUMENT, NOT_BUILT, NOT_FOUND, BUFFER_TOO_SMALL.
 */
PARALLAX_API int32_t parallax_engine_vector(const parallax_engine *engine, size_t index, float *buffer,
                                            size_t capacity, size_t *out_written);

/*
 * Copies every dense vector, row-major (rows x columns floats), into buffer. *out_written
 * receives rows * columns (also on BUFFER_TOO_SMALL). Errors: as parallax_engine_vector.
 */
PARALLAX_API int32_t parallax_engine_vectors(const parallax_engine *engine, float *buffer, size_t capacity,
                                             size_t *out_written);

/* ---- Groups ----------------------------------------------------------------------------------- */

/*
 * The near-duplicate groups of the last build (either scope) as a new result handle in *out_groups,
 * freed with parallax_groups_free(). Groups have two or more members, in the CLI's order; a group's
 * representative is its first member (first added); scores are each member's estimated Jaccard
 * similarity with the representative (1.0 for the representative).
 * Errors: NULL_ARGUMENT, NOT_BUILT, OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_near_duplicate_groups(const parallax_engine *engine,
                                                           parallax_groups **out_groups);

/*
 * The event clusters of the last PARALLAX_BUILD_EVERYTHING build as a new result handle. Every
 * document is in exactly one cluster; clusters come largest first (the CLI's order); members are
 * ascending indices; the representative is the member closest to the centroid; scores are each
 * member's cosine with the representative.
 * Errors: NULL_ARGUMENT, NOT_BUILT (no build, a near-duplicates-only build, or adds since), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_event_clusters(const parallax_engine *engine, parallax_groups **out_groups);

/*
 * The event clusters of the last PARALLAX_BUILD_EVERYTHING build described for a reader, as the
 * JSON array `parallax cluster --format json` prints under "events" (docs/json-schema.md): per
 * event its label (the representative's title, else its top terms), languages, sources, top
 * terms (words, never stems), dates and members, in the order of parallax_engine_event_clusters.
 * In *out_json, freed with parallax_string_free().
 * Errors: NULL_ARGUMENT, NOT_BUILT, OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_events_json(const parallax_engine *engine, char **out_json);

/*
 * The cross-language copies of the last PARALLAX_BUILD_EVERYTHING build (a document and its
 * translation, in different languages of one event), as the JSON array `parallax cluster --format
 * json` prints under "translations": objects with "documents" (two ids), "languages" and "score"
 * (docs/json-schema.md). Empty with the options cross_lingual or translations false.
 * In *out_json, freed with parallax_string_free().
 * Errors: NULL_ARGUMENT, NOT_BUILT, OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_translations_json(const parallax_engine *engine, char **out_json);

/*
 * The partial copies of the last build (either scope): pairs in which the document with fewer
 * shingles has an estimated share of at least the option containment of its shingles in the
 * other, as the JSON array `parallax cluster --format json` prints under "partial_copies":
 * objects with "contained" and "container" (ids), "containment" and "jaccard" (estimated from
 * the MinHash signatures and exact shingle counts; docs/json-schema.md). Empty when the option
 * containment is 0 (the default). In *out_json, freed with parallax_string_free().
 * Errors: NULL_ARGUMENT, NOT_BUILT, OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_partial_copies_json(const parallax_engine *engine, char **out_json);

/* Frees a result handle. Accepts NULL. */
PARALLAX_API void parallax_groups_free(parallax_groups *groups);

/*
 * Shape call: number of groups and total number of members over all groups.
 * Errors: NULL_ARGUMENT.
 */
PARALLAX_API int32_t parallax_groups_shape(const parallax_groups *groups, size_t *out_group_count,
                                           size_t *out_member_count);

/*
 * Borrowed views into the result, valid until parallax_groups_free(groups). Each out-pointer may
 * be NULL when not wanted.
 *  offsets:         group_count + 1 entries; group g's members are members[offsets[g] .. offsets[g+1]).
 *  members:         member_count document indices.
 *  scores:          member_count similarities, parallel to members (see the call that made the result).
 *  representatives: group_count document indices, one per group.
 * Errors: NULL_ARGUMENT (groups).
 */
PARALLAX_API int32_t parallax_groups_arrays(const parallax_groups *groups, const uint64_t **out_offsets,
                                            const uint64_t **out_members, const double **out_scores,
                                            const uint64_t **out_representatives);

/* ---- Feature-level stages ---------------------------------------------------------------------- */
/*
 * The stages of a build, callable on features the caller holds, so that shards of a corpus (Dask
 * partitions, processes, machines) compute features where the documents are and group them
 * elsewhere with the same answer as one engine: the engine's build runs these same functions.
 * Each call reads its settings (hashes, shingle_size, dup_threshold, bands, rows, dimensions,
 * seed, event_threshold, cross_lingual_threshold, cross_lingual_evidence, cross_lingual, neighbors, date_window,
 * exact_search_limit, threads) from the engine it is given, which holds no document for them:
 * give every shard an engine created with the same options. docs/dask.md shows them chained.
 */

/*
 * The MinHash signature of a text as the engine signs a document with this title and text (the
 * matching words of the title, then of the text; word shingles): equal to parallax_engine_signature
 * of such a document. *out_written is the signature length, 0 for a text without words. title may
 * be NULL. Thread-safe against other read-only calls.
 * Errors: NULL_ARGUMENT (engine, text, out_written), INVALID_UTF8, BUFFER_TOO_SMALL.
 */
PARALLAX_API int32_t parallax_engine_text_signature(const parallax_engine *engine, const char *title, const char *text,
                                                    uint32_t *buffer, size_t capacity, size_t *out_written);

/*
 * The LSH banding near-duplicate search uses with the engine's options: bands, and signature rows
 * per band (given, or chosen from dup_threshold and hashes). Errors: NULL_ARGUMENT.
 */
PARALLAX_API int32_t parallax_engine_lsh_banding(const parallax_engine *engine, int32_t *out_bands, int32_t *out_rows);

/*
 * The LSH band keys of a signature (length = the option hashes), one uint64_t per band: documents
 * whose keys are equal in some band are candidate near-duplicates. The engine buckets documents by
 * the high 32 bits of each key (equal low bits are not required); to propose exactly the engine's
 * candidates, bucket by (band, key >> 32) and take pairs as parallax_engine_groups_from_signatures
 * does. *out_written receives the number of bands (also on BUFFER_TOO_SMALL).
 * Errors: NULL_ARGUMENT (engine, signature, out_written), INVALID_ARGUMENT (length is not hashes),
 * BUFFER_TOO_SMALL.
 */
PARALLAX_API int32_t parallax_engine_band_keys(const parallax_engine *engine, const uint32_t *signature, size_t length,
                                               uint64_t *buffer, size_t capacity, size_t *out_written);

/*
 * Near-duplicate groups of supplied signatures: `count` signatures of `length` values each,
 * row-major (leave out documents without words: they join no group), banded, verified at
 * dup_threshold and joined as parallax_engine_build does. Groups as parallax_engine_near_duplicate_groups
 * gives them, members named by ids[i] when ids is not NULL (else by row number); members and
 * groups come in row order, so give rows in ascending id order for the engine's order.
 * Errors: NULL_ARGUMENT (engine, out_groups; signatures with count > 0), INVALID_ARGUMENT (length
 * is not the option hashes), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_groups_from_signatures(const parallax_engine *engine, const uint32_t *signatures,
                                                            size_t count, size_t length, const uint64_t *ids,
                                                            parallax_groups **out_groups);

/*
 * Document `index`'s term counts after any build: `*out_written` distinct term hashes in ascending
 * order into terms[], and their counts in the document (capped at 65535) into counts[]; both
 * buffers hold `capacity` values. The input of parallax_document_frequencies_add and
 * parallax_engine_tfidf_vectors.
 * Errors: NULL_ARGUMENT, NOT_BUILT, NOT_FOUND, BUFFER_TOO_SMALL (*out_written holds the count
 * needed), UNAVAILABLE (near_duplicates_only engine).
 */
PARALLAX_API int32_t parallax_engine_term_counts(const parallax_engine *engine, size_t index, uint64_t *terms,
                                                 uint32_t *counts, size_t capacity, size_t *out_written);

/*
 * The document frequencies of the engine's documents after any build, as a new handle (freed with
 * parallax_document_frequencies_free). Errors: NULL_ARGUMENT, NOT_BUILT, UNAVAILABLE
 * (near_duplicates_only), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_document_frequencies(const parallax_engine *engine,
                                                          parallax_document_frequencies **out_frequencies);

/* New, empty document frequencies (no document). Errors: NULL_ARGUMENT, OUT_OF_MEMORY. */
PARALLAX_API int32_t parallax_document_frequencies_create(parallax_document_frequencies **out_frequencies);

/* Frees document frequencies. Accepts NULL. */
PARALLAX_API void parallax_document_frequencies_free(parallax_document_frequencies *frequencies);

/*
 * Counts one more document whose terms are terms[0 .. count) (a term given twice counts once).
 * Errors: NULL_ARGUMENT (frequencies; terms with count > 0), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_document_frequencies_add(parallax_document_frequencies *frequencies,
                                                       const uint64_t *terms, size_t count);

/*
 * Adds `from`'s documents and term frequencies to `into` (`from` is unchanged): the frequencies of
 * shards merged equal those of one pass over all their documents, in any order.
 * Errors: NULL_ARGUMENT, INVALID_ARGUMENT (into and from are the same handle), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_document_frequencies_merge(parallax_document_frequencies *into,
                                                         const parallax_document_frequencies *from);

/* Shape call: documents counted and distinct terms. Errors: NULL_ARGUMENT. */
PARALLAX_API int32_t parallax_document_frequencies_shape(const parallax_document_frequencies *frequencies,
                                                         size_t *out_documents, size_t *out_terms);

/*
 * Writes the frequencies as bytes (portable: little-endian, terms sorted, so equal frequencies
 * give equal bytes; 24 + 12 x terms bytes) into buffer. *out_written receives the size (also on
 * BUFFER_TOO_SMALL, so a NULL buffer asks for it).
 * Errors: NULL_ARGUMENT (frequencies, out_written), BUFFER_TOO_SMALL.
 */
PARALLAX_API int32_t parallax_document_frequencies_serialize(const parallax_document_frequencies *frequencies,
                                                             uint8_t *buffer, size_t capacity, size_t *out_written);

/*
 * Reads bytes written by parallax_document_frequencies_serialize into a new handle.
 * Errors: NULL_ARGUMENT, INVALID_ARGUMENT (not such bytes, or truncated: the message says which),
 * OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_document_frequencies_deserialize(const uint8_t *bytes, size_t size,
                                                               parallax_document_frequencies **out_frequencies);

/*
 * Dense TF-IDF vectors of `document_count` documents weighed by the supplied document frequencies
 * (sublinear tf, smoothed idf, L2) and projected as the engine projects (option dimensions and
 * seed; rows L2-normalized): document d's terms are terms[offsets[d] .. offsets[d+1]), ascending
 * and distinct, with counts[] parallel (as parallax_engine_term_counts gives them); offsets has
 * document_count + 1 entries. With the corpus's frequencies (shards' merged) a row equals
 * parallax_engine_vector of that document in an engine holding the whole corpus (rounded to half
 * precision as the engine keeps its vectors, see parallax_engine_vector). Rows go into
 * buffer, row-major; *out_written receives document_count x dimensions (also on BUFFER_TOO_SMALL).
 * Errors: NULL_ARGUMENT, INVALID_ARGUMENT (offsets not ascending, terms not ascending), BUFFER_TOO_SMALL,
 * UNAVAILABLE (projection "svd": it fits the whole corpus), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_tfidf_vectors(const parallax_engine *engine,
                                                   const parallax_document_frequencies *frequencies,
                                                   size_t document_count, const uint64_t *offsets, const uint64_t *terms,
                                                   const uint32_t *counts, float *buffer, size_t capacity,
                                                   size_t *out_written);

/*
 * Event clusters of supplied vectors (`count` rows of `dimensions` floats, row-major,
 * L2-normalized, rounded to half precision as the engine keeps its own: see parallax_engine_vector):
 * the kNN graph inside date windows and the language-aware average linkage of parallax_engine_build. dates[i] is row i's date (ISO 8601 "YYYY-MM-DD[...]"; NULL or "" for an
 * undated row; dates NULL: all undated); langs[i] its language (langs NULL, or the option
 * cross_lingual false: one language for all). Groups as parallax_engine_event_clusters gives
 * them (every row in one; largest first; members ascending by row; representative nearest the
 * centroid; scores cosine with it), members named by ids[i] when ids is not NULL.
 * Errors: NULL_ARGUMENT (engine, out_groups; vectors with count > 0), INVALID_ARGUMENT
 * (dimensions 0, an unparseable date), INVALID_UTF8, OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_engine_events_from_vectors(const parallax_engine *engine, const float *vectors,
                                                         size_t count, size_t dimensions, const char *const *dates,
                                                         const char *const *langs, const uint64_t *ids,
                                                         parallax_groups **out_groups);

/* ---- Comparison ------------------------------------------------------------------------------- */

/*
 * Compares the claims of documents given by id: mode PARALLAX_COMPARE_BY_DOCUMENT (each document a
 * side), _BY_SOURCE (documents pooled per source) or _BY_SPEAKER (claims pooled per attributed
 * speaker). The result is the JSON document `parallax compare --format json` prints (see
 * docs/abi.md), in *out_json, freed with parallax_string_free(). Needs the documents' text: the
 * engine keeps it unless created with keep_text=false. Does not need a build. Uses the built-in
 * alias table and the CLI's default thresholds. Thread-safe against other read-only calls.
 * Errors: NULL_ARGUMENT, INVALID_UTF8, INVALID_ARGUMENT (no id, or one id by document (by speaker
 * one article is enough: it can report both readouts), unknown mode, an id
 * given twice, fewer than two sides: e.g. two documents of one source compared by source),
 * NOT_FOUND (unknown id), UNAVAILABLE (keep_text=false), OUT_OF_MEMORY, INTERNAL.
 */
PARALLAX_API int32_t parallax_engine_compare(const parallax_engine *engine, const char *const *ids, size_t id_count,
                                             int32_t mode, char **out_json);

/*
 * The per-event "who said what" report of the last PARALLAX_BUILD_EVERYTHING build, as `parallax
 * report` writes it (docs/report.md): every event, conflicts first, with its coverage and, for an
 * event of two documents or more, the comparison of its claims by `mode` (PARALLAX_COMPARE_BY_SPEAKER
 * or _BY_SOURCE). `format` is a PARALLAX_REPORT_* constant (JSON: schema_version 1). Needs the
 * documents' text (keep_text). In *out_text, freed with parallax_string_free(). Thread-safe
 * against other read-only calls.
 * Errors: NULL_ARGUMENT, INVALID_ARGUMENT (unknown format or mode), NOT_BUILT, UNAVAILABLE
 * (keep_text=false; the built-in antonyms or concept table missing), OUT_OF_MEMORY, INTERNAL.
 */
PARALLAX_API int32_t parallax_engine_report(const parallax_engine *engine, int32_t format, int32_t mode,
                                            char **out_text);

/* ---- Index: an incremental document index in one SQLite file (docs/index.md) ------------------ */
/*
 * One file holds documents' metadata and features (signatures, term counts; never their text),
 * the options it was created with and a feature version. Documents are analyzed once, when added;
 * groups and events are recomputed from the stored features and equal those of a batch run over
 * the same documents in the order they were added. A handle is one connection: calls on one
 * handle must not overlap; any number of handles (threads, processes) may read one file while one
 * of them adds (SQLite WAL; a writer waits up to 10 s for another's lock). Store failures (a
 * missing, damaged or locked file, a full disk) are PARALLAX_ERROR_IO naming the file.
 */
typedef struct parallax_index parallax_index;

/* Open modes: read and write (creates a missing file), or read only (query, events, stats). */
#define PARALLAX_INDEX_READ_WRITE 1
#define PARALLAX_INDEX_READ_ONLY 2

/*
 * Opens (or, PARALLAX_INDEX_READ_WRITE, creates) the index at path. keys/values: engine options as
 * parallax_engine_create takes them (count 0: defaults). A new index keeps them; an existing one
 * keeps its own, and an option given with another value than the index's is refused. One more key
 * belongs to the handle, not the index: "recompute_share" (default "0.1"), the share of the store
 * that documents placed incrementally since the last recomputation may reach before an add
 * recomputes every group and event; "0" always recomputes (docs/index.md).
 * Errors: NULL_ARGUMENT, INVALID_ARGUMENT (mode), INVALID_UTF8, UNKNOWN_OPTION, INVALID_OPTION,
 * IO (missing with READ_ONLY, not an index, damaged, locked, unwritable), INCOMPATIBLE_INDEX
 * (another feature version, or a given option differs), OUT_OF_MEMORY, INTERNAL.
 */
PARALLAX_API int32_t parallax_index_open(const char *path, int32_t mode, const char *const *keys,
                                         const char *const *values, size_t count, parallax_index **out_index);

/* Closes the index; accepts NULL. */
PARALLAX_API void parallax_index_close(parallax_index *index);

/*
 * Adds `count` documents (arrays as parallax_engine_add_batch: ids and texts required, the others
 * may be NULL or hold NULL) in one committed batch, then recomputes groups and events. Ids already
 * stored are skipped, not refused (an interrupted add can be repeated); *out_added (may be NULL)
 * counts the documents added. All documents are checked before any is added.
 * Errors: NULL_ARGUMENT, INVALID_UTF8, INVALID_ARGUMENT (empty id, blank text, bad date),
 * DUPLICATE_ID (an id twice in the arrays), IO (read-only handle, store failure), OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_index_add(parallax_index *index, size_t count, const char *const *ids,
                                        const char *const *texts, const char *const *titles,
                                        const char *const *sources, const char *const *langs,
                                        const char *const *dates, const char *const *urls, size_t *out_added);

/*
 * Adds the documents of a corpus file or folder (read as parallax_engine_read_corpus reads it),
 * committed in batches of 1000. *out_added, *out_skipped (ids already stored), *out_rejected
 * (invalid records) may be NULL. Errors: NULL_ARGUMENT, INVALID_UTF8, IO, OUT_OF_MEMORY.
 */
PARALLAX_API int32_t parallax_index_add_corpus(parallax_index *index, const char *path, size_t *out_added,
                                               size_t *out_skipped, size_t *out_rejected);

/*
 * Where each given document would stand among the stored ones, without storing it (looked up in
 * the stored assignments: PARALLAX_QUERY_LOOKUP below): the JSON
 * `parallax index query --format json` prints ({"index", "documents": [{"id", "near_duplicates":
 * [{"id", "jaccard"}], "event": null | {"label", "top_terms", "members"}}]}; docs/index.md).
 * Arrays as parallax_index_add. Errors: as parallax_index_add (no DUPLICATE_ID), and
 * INVALID_ARGUMENT for count 0.
 */
PARALLAX_API int32_t parallax_index_query_json(parallax_index *index, size_t count, const char *const *ids,
                                               const char *const *texts, const char *const *titles,
                                               const char *const *sources, const char *const *langs,
                                               const char *const *dates, const char *const *urls, char **out_json);

/* How parallax_index_query_method_json finds where documents stand (docs/index.md). */
#define PARALLAX_QUERY_LOOKUP 0  /* the stored assignments: near-duplicates exact, events by the linkage rule */
#define PARALLAX_QUERY_REBUILD 1 /* every stored document rebuilt with the queries appended: the exact event */

/*
 * parallax_index_query_json with a method (parallax_index_query_json looks up, falling back to a
 * rebuild for undated documents and stores it cannot look up). Errors: as parallax_index_query_json,
 * and INVALID_ARGUMENT for an unknown method.
 */
PARALLAX_API int32_t parallax_index_query_method_json(parallax_index *index, int32_t method, size_t count,
                                                      const char *const *ids, const char *const *texts,
                                                      const char *const *titles, const char *const *sources,
                                                      const char *const *langs, const char *const *dates,
                                                      const char *const *urls, char **out_json);

/*
 * Removes the documents with these ids in one transaction, then recomputes groups and events.
 * *out_deleted (may be NULL) counts those found; unknown ids are not an error.
 * Errors: NULL_ARGUMENT, INVALID_UTF8, IO (read-only handle, store failure).
 */
PARALLAX_API int32_t parallax_index_delete(parallax_index *index, size_t count, const char *const *ids,
                                           size_t *out_deleted);

/*
 * The report of the stored documents exactly as `parallax index events --format json` (and
 * `parallax cluster --format json` over the same documents) prints it: events, near-duplicate
 * groups, translations, partial copies (docs/json-schema.md). Errors: NULL_ARGUMENT, IO.
 */
PARALLAX_API int32_t parallax_index_events_json(parallax_index *index, char **out_json);

/*
 * Counts, options and feature version, as `parallax index stats --format json` prints them.
 * Errors: NULL_ARGUMENT, IO.
 */
PARALLAX_API int32_t parallax_index_stats_json(parallax_index *index, char **out_json);

#ifdef __cplusplus
}
#endif

#endif /* PARALLAX_PARALLAX_H */
